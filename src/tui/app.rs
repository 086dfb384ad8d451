//! The one state of the interface. Rendering reads it; only `update` (and the refresh
//! helpers it calls) change it.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::config::Config;
use crate::entities::EntityKind;

use super::action::LoadProgress;
use super::fold::Folded;
use super::keymap::Keymap;
use super::library::Library;
use super::theme::Styles;
use super::wrap::Wrapped;

/// The three panes, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    List,
    Reader,
    Sidebar,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::List, Pane::Reader, Pane::Sidebar];

    /// Name shown in borders, tab bar and status line.
    pub fn title(self) -> &'static str {
        match self {
            Pane::List => "Articles",
            Pane::Reader => "Reader",
            Pane::Sidebar => "Entities",
        }
    }

    /// Position from the left.
    pub fn index(self) -> usize {
        match self {
            Pane::List => 0,
            Pane::Reader => 1,
            Pane::Sidebar => 2,
        }
    }
}

/// A window over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    Help { scroll: u16 },
    Warnings { scroll: u16 },
}

/// The article list: which articles pass the filters, and the selection.
#[derive(Debug, Default)]
pub struct ListState {
    /// Fuzzy title filter.
    pub query: String,
    /// True while the user types into `query`.
    pub editing: bool,
    /// Article indices shown, in order.
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    /// First visible item (kept so the selection is on screen).
    pub offset: usize,
}

impl ListState {
    /// The selected article (index into the corpus).
    pub fn selected_article(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }
}

/// A row of the entity sidebar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidebarRow {
    /// A kind heading with the number of entities listed under it.
    Header { kind: EntityKind, count: usize },
    /// An entity (index into `EntityIndex::entities`).
    Entity(usize),
}

/// The entity sidebar.
#[derive(Debug, Default)]
pub struct SidebarState {
    /// Kind shown; `None` for all.
    pub kind: Option<EntityKind>,
    /// Fuzzy name filter (matched on folded names).
    pub query: String,
    pub editing: bool,
    /// Rows shown.
    pub rows: Vec<SidebarRow>,
    /// Index into `rows` (always an entity row when there is one).
    pub selected: usize,
    pub offset: usize,
    /// Per entity: (articles, mentions) within the articles that pass the entity filters.
    pub scope: Vec<(u32, u32)>,
    /// Entities of the chosen kind: first those in scope (grouped by kind, most
    /// mentioned first), then the others, which are listed only when a query is typed so
    /// that a filter which empties the list can still be chosen.
    pub(crate) candidates: Vec<usize>,
    /// How many of `candidates` are in scope.
    pub(crate) in_scope: usize,
    /// The folded names of `candidates`, concatenated in the same order, and where each
    /// ends: a keystroke scans memory in order instead of chasing 100k pointers.
    pub(crate) hay: String,
    pub(crate) hay_ends: Vec<usize>,
    /// The last query and its matches (indices into `candidates`, ascending): a query
    /// that extends it only needs to look at those.
    pub(crate) last_match: Option<(String, Vec<usize>)>,
}

impl SidebarState {
    /// The selected entity.
    pub fn selected_entity(&self) -> Option<usize> {
        match self.rows.get(self.selected) {
            Some(SidebarRow::Entity(e)) => Some(*e),
            _ => None,
        }
    }
}

/// Search inside the current article.
#[derive(Debug, Default)]
pub struct SearchState {
    pub query: String,
    pub editing: bool,
    /// Byte ranges of matches in the current article.
    pub matches: Vec<(usize, usize)>,
    /// Index into `matches` of the current one.
    pub current: Option<usize>,
    /// Folded text of the article searched, folded once per article.
    pub(crate) folded: Option<(usize, Folded)>,
}

/// The reader pane.
#[derive(Debug, Default)]
pub struct ReaderState {
    pub article: Option<usize>,
    /// First wrapped line shown.
    pub top: usize,
    /// Per article: byte offset of the first line shown, so the position survives
    /// switching articles and re-flowing.
    pub anchors: HashMap<usize, usize>,
    pub show_boilerplate: bool,
    pub wrapped: Wrapped,
    pub search: SearchState,
    /// The mention or match `n`/`N` last jumped to.
    pub cursor: Option<(usize, usize)>,
}

/// The whole interface state.
pub struct App {
    pub config: Config,
    pub keymap: Keymap,
    pub styles: Styles,
    pub lib: Library,
    /// Some while the library loads.
    pub loading: Option<LoadProgress>,
    pub load_error: Option<String>,
    pub focus: Pane,
    pub zen: bool,
    /// Terminal size, from `Action::Resize`.
    pub width: u16,
    pub height: u16,
    pub list: ListState,
    pub sidebar: SidebarState,
    pub reader: ReaderState,
    /// Entity filters, in the order added (AND).
    pub filters: Vec<usize>,
    /// Read marks (placeholder until annotations keep them).
    pub read: HashSet<usize>,
    pub popup: Option<Popup>,
    /// One-shot message in the status line.
    pub message: Option<String>,
    /// Annotation file named in the status line.
    pub annotations_path: Option<PathBuf>,
    /// Load warnings, rendered in the warnings popup.
    pub warnings: Vec<String>,
    pub should_quit: bool,
    pub(crate) matcher: SkimMatcherV2,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("focus", &self.focus)
            .field("zen", &self.zen)
            .field("size", &(self.width, self.height))
            .field("filters", &self.filters)
            .field("articles", &self.lib.corpus.articles.len())
            .finish_non_exhaustive()
    }
}

impl App {
    /// An empty app, waiting for `Action::Loaded`; the first frame can be drawn at once.
    pub fn new(config: Config) -> App {
        let keymap = Keymap::from_config(&config);
        let styles = Styles::new(&config.theme, config.no_color);
        App {
            config,
            keymap,
            styles,
            lib: Library::default(),
            loading: None,
            load_error: None,
            focus: Pane::List,
            zen: false,
            width: 80,
            height: 24,
            list: ListState::default(),
            sidebar: SidebarState::default(),
            reader: ReaderState::default(),
            filters: Vec::new(),
            read: HashSet::new(),
            popup: None,
            message: None,
            annotations_path: None,
            warnings: Vec::new(),
            should_quit: false,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// An app with a library already loaded (tests, benches, the sample library).
    pub fn with_library(
        config: Config,
        corpus: crate::corpus::Corpus,
        index: crate::entities::EntityIndex,
    ) -> App {
        let mut app = App::new(config);
        super::update::update(
            &mut app,
            super::action::Action::Loaded(Box::new(super::action::Loaded { corpus, index })),
        );
        app
    }

    /// True while the user types into some input.
    pub fn editing(&self) -> bool {
        self.list.editing || self.sidebar.editing || self.reader.search.editing
    }

    /// The article shown in the reader.
    pub fn current_article(&self) -> Option<&crate::article::Article> {
        self.reader
            .article
            .and_then(|a| self.lib.corpus.articles.get(a))
    }
}

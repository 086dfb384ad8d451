//! The one state of the interface. Rendering reads it; only `update` (and the refresh
//! helpers it calls) change it.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::annotations::Store;
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

pub use super::popup::Popup;

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
    /// True between `Action::Articles` and `Action::Entities`: the articles can be read,
    /// the entities are still being extracted.
    pub indexing: bool,
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
    /// The annotation file and what the interface derives from it.
    pub annot: AnnotState,
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
    /// An empty app, waiting for `Action::Loaded` (or `Articles` then `Entities`); the first frame can be drawn at once.
    pub fn new(config: Config) -> App {
        let keymap = Keymap::from_config(&config);
        let styles = Styles::new(&config.theme, config.no_color);
        App {
            config,
            keymap,
            styles,
            lib: Library::default(),
            loading: None,
            indexing: false,
            load_error: None,
            focus: Pane::List,
            zen: false,
            width: 80,
            height: 24,
            list: ListState::default(),
            sidebar: SidebarState::default(),
            reader: ReaderState::default(),
            filters: Vec::new(),
            annot: AnnotState::default(),
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

    /// Waits this long after the last change before saving the annotation file.
    pub fn set_autosave_delay(&mut self, d: Duration) {
        self.annot.debounce = d;
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

/// Whether the annotation file holds everything, as the status line says it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SaveState {
    /// Nothing changed since the file was read.
    #[default]
    Clean,
    /// Changes in memory, autosave pending.
    Unsaved,
    Saved,
    /// Saved, after merging changes another program made to the file.
    Merged,
    /// The last save failed (why); the changes are still in memory.
    Failed(String),
    /// The file cannot be written (it does not parse, or is newer): why.
    Blocked(String),
}

/// What is painted on the reader for an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaintKind {
    Highlight,
    Note,
    Bookmark,
}

/// A selection in the reader: sentences `anchor..=head` (either order) of the article's
/// sentence list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub article: usize,
    pub anchor: usize,
    pub head: usize,
    /// Byte ranges of the sentences of the article's shown blocks, in order.
    pub sentences: Vec<Range<usize>>,
}

impl Selection {
    /// The selected bytes.
    pub fn range(&self) -> Option<Range<usize>> {
        let (a, b) = (self.anchor.min(self.head), self.anchor.max(self.head));
        Some(self.sentences.get(a)?.start..self.sentences.get(b)?.end)
    }
}

/// The annotation file of the session and what is derived from it for drawing: kept up
/// to date by `update`, so rendering only reads.
#[derive(Debug)]
pub struct AnnotState {
    /// None until opened (or when no place for it could be found).
    pub store: Option<Store>,
    /// Why there is no store, in words.
    pub unavailable: Option<String>,
    pub save: SaveState,
    /// When the next autosave is due (set by the first tick after a change).
    pub due: Option<Instant>,
    pub debounce: Duration,
    /// Bumped on every change to the store, so derived state knows to refresh.
    pub generation: u64,
    pub selection: Option<Selection>,
    /// Annotation ranges of the reader's article, sorted by start.
    pub paint: Vec<(Range<usize>, PaintKind)>,
    pub(crate) paint_key: Option<(usize, u64)>,
    /// Per article: live annotations (article tags not counted) and read state.
    pub counts: Vec<usize>,
    pub read: Vec<bool>,
    pub(crate) marks_key: Option<(usize, u64)>,
    /// The annotation deleted last, for undo.
    pub undo: Option<uuid::Uuid>,
    /// Set by a quit that could not save: the next quit leaves anyway.
    pub quit_armed: bool,
    /// Entity corrections that no longer apply, from the last application.
    pub skipped_corrections: Vec<String>,
}

impl Default for AnnotState {
    fn default() -> AnnotState {
        AnnotState {
            store: None,
            unavailable: None,
            save: SaveState::Clean,
            due: None,
            debounce: Duration::from_millis(1500),
            generation: 0,
            selection: None,
            paint: Vec::new(),
            paint_key: None,
            counts: Vec::new(),
            read: Vec::new(),
            marks_key: None,
            undo: None,
            quit_armed: false,
            skipped_corrections: Vec::new(),
        }
    }
}

impl AnnotState {
    /// Is article `a` marked read?
    pub fn is_read(&self, a: usize) -> bool {
        self.read.get(a).copied().unwrap_or(false)
    }

    /// Live annotations of article `a`.
    pub fn count(&self, a: usize) -> usize {
        self.counts.get(a).copied().unwrap_or(0)
    }
}

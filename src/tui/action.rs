//! Everything that can happen to the interface, as data. Keys and mouse events become
//! actions through the keymap; the background loader sends actions too. `update` is the
//! only place state changes.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::config::KeyAction;
use crate::corpus::Corpus;
use crate::entities::{EntityIndex, EntityKind};

/// One step of the app.
#[derive(Debug)]
pub enum Action {
    Quit,
    Help,
    NextPane,
    PrevPane,
    PaneLeft,
    PaneRight,
    Down,
    Up,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Open the article and focus the reader (list), add the entity filter (sidebar).
    Enter,
    /// Start typing a filter (list, sidebar) or a search (reader).
    Filter,
    /// Clear input, then search, then the last filter (see the help popup).
    Escape,
    NextMatch,
    PrevMatch,
    RemoveAllFilters,
    /// Sidebar kind: `None` for all kinds.
    Kind(Option<EntityKind>),
    ToggleBoilerplate,
    Zen,
    ToggleRead,
    Warnings,
    ClosePopup,
    /// A character typed into the open input.
    Input(char),
    InputBackspace,
    /// Annotation features (see `annotate`).
    Annotation(AnnotationAction),
    /// Tab inside a popup: complete the tag, toggle the annotations scope.
    Complete,
    /// Time passes (sent by the event loop on every poll timeout): drives autosave.
    Tick(Instant),
    /// The annotation file, opened (possibly in its "cannot save here" state).
    StoreOpened(Box<crate::annotations::Store>),
    /// No annotation file could be chosen (why, in words).
    StoreFailed(String),
    Resize(u16, u16),
    Mouse(MouseInput),
    /// Loading progress from the background thread.
    Progress(LoadProgress),
    /// The library is ready: `Articles` then `Entities` in one step (tests, the
    /// sample library).
    Loaded(Box<Loaded>),
    /// The articles are read; their entities are still being extracted. The list fills
    /// and articles can be read; the sidebar waits for `Entities`. The corpus is shared
    /// with the loader, which extracts the entities from it meanwhile (no copy).
    Articles(Arc<Corpus>),
    /// The entities of the articles sent by `Articles`: the sidebar fills, mentions are
    /// painted and the annotation file's corrections and tags are applied.
    Entities(Box<EntityIndex>),
    /// Loading failed as a whole (nothing to show).
    LoadFailed(String),
    /// Names the annotation file in the status line.
    AnnotationsPath(Option<PathBuf>),
}

/// The annotation features the keymap already knows about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnotationAction {
    Select,
    Highlight,
    Note,
    Tag,
    Bookmark,
    CorrectEntity,
    Save,
    /// The annotations popup.
    View,
    /// Bring back the last deleted annotation.
    Undo,
}

impl AnnotationAction {
    /// What the user asked for, in words.
    pub fn label(self) -> &'static str {
        match self {
            AnnotationAction::Select => "selection",
            AnnotationAction::Highlight => "highlighting",
            AnnotationAction::Note => "notes",
            AnnotationAction::Tag => "tags",
            AnnotationAction::Bookmark => "bookmarks",
            AnnotationAction::CorrectEntity => "entity corrections",
            AnnotationAction::Save => "saving",
            AnnotationAction::View => "the annotations view",
            AnnotationAction::Undo => "undo",
        }
    }
}

/// A mouse event reduced to what the interface uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MouseInput {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Click,
    ScrollUp,
    ScrollDown,
}

/// How far loading has got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProgress {
    pub phase: LoadPhase,
    pub done: usize,
    pub total: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadPhase {
    Finding,
    Reading,
    Indexing,
}

/// The finished library, sent by the loader.
#[derive(Debug)]
pub struct Loaded {
    pub corpus: Corpus,
    pub index: EntityIndex,
}

impl From<KeyAction> for Action {
    fn from(k: KeyAction) -> Action {
        match k {
            KeyAction::Quit => Action::Quit,
            KeyAction::Help => Action::Help,
            KeyAction::NextPane => Action::NextPane,
            KeyAction::PrevPane => Action::PrevPane,
            KeyAction::PaneLeft => Action::PaneLeft,
            KeyAction::PaneRight => Action::PaneRight,
            KeyAction::Down => Action::Down,
            KeyAction::Up => Action::Up,
            KeyAction::Top => Action::Top,
            KeyAction::Bottom => Action::Bottom,
            KeyAction::PageUp => Action::PageUp,
            KeyAction::PageDown => Action::PageDown,
            KeyAction::Enter => Action::Enter,
            KeyAction::Filter => Action::Filter,
            KeyAction::Escape => Action::Escape,
            KeyAction::NextMatch => Action::NextMatch,
            KeyAction::PrevMatch => Action::PrevMatch,
            KeyAction::RemoveAllFilters => Action::RemoveAllFilters,
            KeyAction::KindAll => Action::Kind(None),
            KeyAction::KindPeople => Action::Kind(Some(EntityKind::Person)),
            KeyAction::KindPlaces => Action::Kind(Some(EntityKind::Place)),
            KeyAction::KindOrganizations => Action::Kind(Some(EntityKind::Organization)),
            KeyAction::KindTopics => Action::Kind(Some(EntityKind::Topic)),
            KeyAction::ToggleBoilerplate => Action::ToggleBoilerplate,
            KeyAction::Zen => Action::Zen,
            KeyAction::ToggleRead => Action::ToggleRead,
            KeyAction::Warnings => Action::Warnings,
            KeyAction::Select => Action::Annotation(AnnotationAction::Select),
            KeyAction::Highlight => Action::Annotation(AnnotationAction::Highlight),
            KeyAction::Note => Action::Annotation(AnnotationAction::Note),
            KeyAction::Tag => Action::Annotation(AnnotationAction::Tag),
            KeyAction::Bookmark => Action::Annotation(AnnotationAction::Bookmark),
            KeyAction::CorrectEntity => Action::Annotation(AnnotationAction::CorrectEntity),
            KeyAction::Save => Action::Annotation(AnnotationAction::Save),
            KeyAction::AnnotationsView => Action::Annotation(AnnotationAction::View),
            KeyAction::Undo => Action::Annotation(AnnotationAction::Undo),
        }
    }
}

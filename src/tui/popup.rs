//! The windows that open over the panes, as data: what each one holds while it is open.
//! `update` (through `annotate_keys`) changes them; the widgets only draw them.

use std::ops::Range;

use uuid::Uuid;

use crate::entities::EntityKind;

/// A window over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Help {
        scroll: u16,
    },
    Warnings {
        scroll: u16,
    },
    /// The annotation file cannot be used: what is wrong, where, and what happens now.
    FileProblem {
        scroll: u16,
    },
    Note(NotePopup),
    Tag(TagPopup),
    Annotations(AnnotationsView),
    Correct(CorrectPopup),
    SaveAs(SaveAsPopup),
}

/// How keys reach a popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    /// Read-only text: j/k scroll, any other key closes.
    Scroll,
    /// Typing: characters are text, Enter/Esc/Tab/Backspace/ctrl-s have meanings.
    Text,
    /// A list: j/k move, Enter picks, Esc closes, letters are commands.
    List,
}

impl Popup {
    /// How keys are read while this popup is open.
    pub fn mode(&self) -> InputMode {
        match self {
            Popup::Help { .. } | Popup::Warnings { .. } | Popup::FileProblem { .. } => {
                InputMode::Scroll
            }
            Popup::Note(_) | Popup::Tag(_) | Popup::SaveAs(_) => InputMode::Text,
            Popup::Correct(c) => match c.stage {
                CorrectStage::Rename { .. } | CorrectStage::Merge { .. } => InputMode::Text,
                CorrectStage::Menu { .. } | CorrectStage::Kind { .. } => InputMode::List,
            },
            Popup::Annotations(_) => InputMode::List,
        }
    }
}

/// A note being written, on a passage or (no range) on the whole article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotePopup {
    pub article: usize,
    pub range: Option<Range<usize>>,
    pub block: Option<usize>,
    /// The passage, for the popup's header.
    pub quote: String,
    pub text: String,
}

/// Tags being typed for an article, with completion from the tags in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagPopup {
    pub article: usize,
    pub input: String,
    /// The article's tags now.
    pub current: Vec<String>,
    /// Every tag in use, for completion.
    pub all: Vec<String>,
    /// Tags completing the word being typed.
    pub matches: Vec<String>,
    /// How many times Tab was pressed on these matches (cycles through them).
    pub cycle: usize,
}

/// One row of the annotations view, computed when the view opens or changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationRow {
    pub id: Uuid,
    /// Index of the article in the corpus, when it is loaded.
    pub article: Option<usize>,
    pub article_title: String,
    /// highlight, note, tag, bookmark, correction.
    pub kind: &'static str,
    /// The quoted passage (or what the correction does), on one line.
    pub excerpt: String,
    pub note: Option<String>,
    pub tags: Vec<String>,
    /// anchored, fuzzy, orphaned; empty when the annotation has no anchor.
    pub status: &'static str,
    /// Where it is in the article now (None when orphaned or unanchored).
    pub range: Option<Range<usize>>,
}

/// The annotations of the article (or of the whole library).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationsView {
    /// The article the view was opened on.
    pub article: Option<usize>,
    pub library: bool,
    pub rows: Vec<AnnotationRow>,
    pub selected: usize,
}

/// What an entity correction is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorrectTarget {
    /// An entity of the sidebar.
    Entity {
        id: String,
        name: String,
        kind: EntityKind,
    },
    /// A passage selected in the reader, to become a new entity.
    Mention {
        article: usize,
        range: Range<usize>,
        block: Option<usize>,
        name: String,
    },
}

/// The steps of the correction popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorrectStage {
    /// rename / change kind / merge / hide.
    Menu {
        selected: usize,
    },
    Rename {
        text: String,
    },
    /// Pick a kind (for a change of kind, or for a new entity).
    Kind {
        selected: usize,
    },
    /// Fuzzy pick of the entity to merge into (indices into the entities).
    Merge {
        query: String,
        matches: Vec<usize>,
        selected: usize,
    },
}

/// The entity correction popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectPopup {
    pub target: CorrectTarget,
    pub stage: CorrectStage,
}

/// The menu of the correction popup, in order: label and the letter that picks it
/// (not j/k, which move).
pub const CORRECT_MENU: [(&str, char); 4] = [
    ("rename", 'r'),
    ("change kind", 'c'),
    ("merge into another entity", 'm'),
    ("hide (not an entity)", 'h'),
];

/// A path being typed to save the annotations somewhere else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveAsPopup {
    pub text: String,
    /// Why the last attempt failed.
    pub error: Option<String>,
}

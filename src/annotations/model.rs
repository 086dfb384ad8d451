//! The annotation data model: what the TOML file holds, as plain Rust values.
//!
//! Offsets stored here are Unicode code-point (char) offsets, exactly as written in the
//! file, because the file is user-facing and must not depend on the encoding. The
//! conversion to byte offsets into `Article::text` happens in [`super::anchor`].

use jiff::Timestamp;
use uuid::Uuid;

use crate::entities::EntityKind;

/// Whether the reader has read an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ReadStatus {
    #[default]
    Unread,
    Read,
}

impl ReadStatus {
    /// The word written in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            ReadStatus::Unread => "unread",
            ReadStatus::Read => "read",
        }
    }

    /// Parses the word written in the file.
    pub fn parse(s: &str) -> Option<ReadStatus> {
        match s {
            "unread" => Some(ReadStatus::Unread),
            "read" => Some(ReadStatus::Read),
            _ => None,
        }
    }
}

/// What the file remembers about one article (`[[article]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRecord {
    /// The article's content id (see `Article::id`).
    pub id: String,
    /// Where the article was last seen, relative to the annotation file's folder when it
    /// lies below it (so a shared folder keeps working on another machine).
    pub path: String,
    pub title: String,
    /// Hash of the text the anchors were made against; a different hash means re-anchor.
    pub text_hash: String,
    pub status: ReadStatus,
    /// Reading position as a char offset into the text.
    pub last_position: Option<usize>,
    /// When this record last changed; used to merge concurrent edits.
    pub modified: Option<Timestamp>,
}

/// Why an annotation exists, in the W3C Web Annotation motivation words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Motivation {
    Highlighting,
    Commenting,
    Tagging,
    Bookmarking,
    /// Entity corrections that say what a thing is (add, rename, merge).
    Identifying,
    /// Entity corrections that say what kind a thing is (change kind, hide).
    Classifying,
}

impl Motivation {
    pub const ALL: [Motivation; 6] = [
        Motivation::Highlighting,
        Motivation::Commenting,
        Motivation::Tagging,
        Motivation::Bookmarking,
        Motivation::Identifying,
        Motivation::Classifying,
    ];

    /// The word written in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Motivation::Highlighting => "highlighting",
            Motivation::Commenting => "commenting",
            Motivation::Tagging => "tagging",
            Motivation::Bookmarking => "bookmarking",
            Motivation::Identifying => "identifying",
            Motivation::Classifying => "classifying",
        }
    }

    /// Parses the word written in the file.
    pub fn parse(s: &str) -> Option<Motivation> {
        Motivation::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// How well an anchor is attached to the current text of its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum AnchorStatus {
    /// The quote is in the text (where the offsets say, or found again by exact search).
    #[default]
    Anchored,
    /// Found by approximate search after the text changed: worth a look by the reader.
    Fuzzy,
    /// Could not be placed in the current text; kept (never dropped) and shown as such.
    Orphaned,
}

impl AnchorStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AnchorStatus::Anchored => "anchored",
            AnchorStatus::Fuzzy => "fuzzy",
            AnchorStatus::Orphaned => "orphaned",
        }
    }

    pub fn parse(s: &str) -> Option<AnchorStatus> {
        match s {
            "anchored" => Some(AnchorStatus::Anchored),
            "fuzzy" => Some(AnchorStatus::Fuzzy),
            "orphaned" => Some(AnchorStatus::Orphaned),
            _ => None,
        }
    }
}

/// Where in an article an annotation points: the W3C TextQuote selector (quote with a
/// little context) plus a TextPosition hint (char offsets) and the block index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Anchor {
    pub quote: String,
    /// Up to [`super::anchor::CONTEXT_CHARS`] chars before the quote.
    pub prefix: String,
    /// Up to [`super::anchor::CONTEXT_CHARS`] chars after the quote.
    pub suffix: String,
    /// Char offsets into the article text (a hint; the quote is the truth).
    pub start: usize,
    pub end: usize,
    /// Index into `Article::blocks` of the block the quote starts in, when known.
    pub block: Option<usize>,
    pub status: AnchorStatus,
}

/// A correction of the entity extractor, kept as an annotation so it survives restarts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correction {
    /// Give an entity another display name (the old one becomes an alias).
    Rename { entity: String, name: String },
    /// Change the kind of an entity (e.g. a place that is really an organization).
    ChangeKind { entity: String, kind: EntityKind },
    /// `entity` is the same real-world thing as `into`.
    Merge { entity: String, into: String },
    /// Not an entity: hide it from the sidebar and filters.
    Hide { entity: String },
    /// An entity the extractor missed; the annotation's anchor is the mention selected.
    Add { name: String, kind: EntityKind },
}

impl Correction {
    /// The word written in the file's `correction` key.
    pub fn action(&self) -> &'static str {
        match self {
            Correction::Rename { .. } => "rename",
            Correction::ChangeKind { .. } => "change_kind",
            Correction::Merge { .. } => "merge",
            Correction::Hide { .. } => "hide",
            Correction::Add { .. } => "add",
        }
    }

    /// The motivation a correction is filed under.
    pub fn motivation(&self) -> Motivation {
        match self {
            Correction::ChangeKind { .. } | Correction::Hide { .. } => Motivation::Classifying,
            Correction::Rename { .. } | Correction::Merge { .. } | Correction::Add { .. } => {
                Motivation::Identifying
            }
        }
    }

    /// The entity id the correction is about (none for `Add`, which creates one).
    pub fn entity(&self) -> Option<&str> {
        match self {
            Correction::Rename { entity, .. }
            | Correction::ChangeKind { entity, .. }
            | Correction::Merge { entity, .. }
            | Correction::Hide { entity } => Some(entity),
            Correction::Add { .. } => None,
        }
    }
}

/// One `[[annotation]]`: a highlight, note, tag, bookmark or entity correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    pub id: Uuid,
    /// The article id it belongs to; `None` for library-wide entity corrections.
    pub article: Option<String>,
    pub motivation: Motivation,
    pub created: Timestamp,
    /// Bumped on every change; the newest wins when two copies of the file are merged.
    pub modified: Timestamp,
    /// Where it points; `None` for article-level notes and tags and for corrections.
    pub anchor: Option<Anchor>,
    pub note: Option<String>,
    pub tags: Vec<String>,
    pub correction: Option<Correction>,
    /// Tombstone: deleted annotations stay in the file as `deleted = true` so a merge with
    /// an older copy does not bring them back (and a hand edit can undo the deletion).
    pub deleted: bool,
}

impl Annotation {
    /// True for an article-level tag (a `tagging` annotation without anchor).
    pub fn is_article_tag(&self) -> bool {
        self.motivation == Motivation::Tagging && self.anchor.is_none()
    }
}

/// Everything the file holds, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AnnotationSet {
    pub articles: Vec<ArticleRecord>,
    pub annotations: Vec<Annotation>,
}

impl AnnotationSet {
    pub fn article(&self, id: &str) -> Option<&ArticleRecord> {
        self.articles.iter().find(|a| a.id == id)
    }

    pub fn annotation(&self, id: Uuid) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }
}

/// A stable hash of an article's text: FNV-1a 64 in hex, prefixed by the algorithm so a
/// later version can change it without confusion. Used only to notice that text changed.
pub fn text_hash(text: &str) -> String {
    format!("fnv1a64:{:016x}", fnv1a64(text.as_bytes()))
}

/// FNV-1a, 64 bit: tiny, stable across platforms and releases.
pub(crate) fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for m in Motivation::ALL {
            assert_eq!(Motivation::parse(m.as_str()), Some(m));
        }
        assert_eq!(Motivation::parse("liking"), None);
        assert_eq!(ReadStatus::parse("read"), Some(ReadStatus::Read));
        assert_eq!(AnchorStatus::parse("fuzzy"), Some(AnchorStatus::Fuzzy));
    }

    #[test]
    fn hash_is_stable_and_sensitive() {
        assert_eq!(text_hash(""), "fnv1a64:cbf29ce484222325");
        assert_ne!(text_hash("Lavrov said"), text_hash("Lavrov saId"));
    }
}

//! One article: its text, where it came from, and the blocks it is made of.
//!
//! Scraped text carries furniture (section labels, photo credits, repeated captions,
//! footers). Splitting an article into typed [`Block`]s lets the reader hide or dim that
//! furniture without ever throwing a line away: every source line belongs to exactly one
//! block, so the text can always be shown whole.

use std::ops::Range;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// What a block of an article is, as a reader would name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Title,
    Standfirst,
    Byline,
    Dateline,
    SectionLabel,
    Credit,
    Caption,
    PullQuote,
    Subhead,
    Paragraph,
    Boilerplate,
}

impl BlockKind {
    /// Furniture a reader does not want in the body by default.
    pub fn is_boilerplate(self) -> bool {
        matches!(self, BlockKind::Boilerplate)
    }

    /// Short lower-case label used by the CLI and tests.
    pub fn label(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Standfirst => "standfirst",
            BlockKind::Byline => "byline",
            BlockKind::Dateline => "dateline",
            BlockKind::SectionLabel => "section_label",
            BlockKind::Credit => "credit",
            BlockKind::Caption => "caption",
            BlockKind::PullQuote => "pull_quote",
            BlockKind::Subhead => "subhead",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Boilerplate => "boilerplate",
        }
    }
}

/// A run of source lines of one kind.
///
/// `lines` indexes the lines of [`Article::text`] (0-based, end exclusive); blank lines
/// belong to the block before them (or to the first block when they open the text), so the
/// ranges of all blocks tile the text exactly. `bytes` is the byte range of the block's
/// content inside `Article::text` (its non-blank lines, without trailing blank lines).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub lines: Range<usize>,
    pub bytes: Range<usize>,
}

impl Block {
    /// The block's own text (blank lines excluded).
    pub fn text<'a>(&self, article_text: &'a str) -> &'a str {
        article_text.get(self.bytes.clone()).unwrap_or("")
    }
}

/// Metadata a Markdown file may carry in its front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// A loaded, structured article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id from the normalised text, so moving a file keeps its annotations.
    pub id: String,
    /// Where it was read from.
    pub path: PathBuf,
    /// Other files with the same content (duplicates are listed once).
    pub other_paths: Vec<PathBuf>,
    pub meta: FrontMatter,
    /// The title a reader would give it (front matter, else the title block, else made
    /// from the opening words).
    pub title: String,
    /// The body text: decoded, BOM and front matter removed, line endings normalised to `\n`.
    /// Every offset in byline (blocks, mentions, annotations) points into this string.
    pub text: String,
    pub blocks: Vec<Block>,
    /// Problems found while reading this article (e.g. decoded as Windows-1252).
    pub warnings: Vec<String>,
    pub word_count: usize,
}

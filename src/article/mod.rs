//! One article: its text, where it came from, and the blocks it is made of.
//!
//! Scraped text carries furniture (section labels, photo credits, repeated captions,
//! footers). Splitting an article into typed [`Block`]s lets the reader hide or dim that
//! furniture without ever throwing a line away: every source line belongs to exactly one
//! block, so the text can always be shown whole.

use std::ops::Range;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

mod classify;
mod features;
mod relations;
pub mod render;
pub mod source;
mod stopwords;
mod structure;
pub mod text;
mod title;
mod units;

pub use classify::LibraryLines;
pub use render::render_plain;
pub use structure::Analysed;
pub use title::from_opening_words;
pub use units::line_spans;

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

/// An article read but not yet classified: the loader counts lines across the library
/// between [`Draft::new`] and [`Draft::finish`].
///
/// A draft keeps only its text and the library keys of its units; the full measurements
/// are made again in [`Draft::finish`] and dropped straight after. Keeping them for every
/// draft of a 100,000-article library until the line counts are known took about five
/// times the library's size in memory; recomputing the keys costs a fraction of the
/// measuring.
#[derive(Debug, Clone)]
pub struct Draft {
    pub id: String,
    pub path: PathBuf,
    pub meta: FrontMatter,
    pub text: String,
    pub warnings: Vec<String>,
    unit_keys: Vec<Option<u64>>,
}

impl Draft {
    /// Prepares decoded file contents (BOM, line endings, front matter) and measures them.
    /// `warnings` are problems already met while reading (e.g. the encoding).
    pub fn new(path: PathBuf, decoded: &str, mut warnings: Vec<String>) -> Draft {
        let prepared = source::prepare(decoded);
        warnings.extend(prepared.warnings);
        Draft::from_prepared(path, prepared.meta, prepared.text, warnings)
    }

    /// A draft from text that [`Draft::new`] already prepared (BOM, line endings and front
    /// matter handled), e.g. text kept by the index cache: only the measuring is redone.
    pub fn from_prepared(
        path: PathBuf,
        meta: FrontMatter,
        text: String,
        warnings: Vec<String>,
    ) -> Draft {
        Draft {
            id: text::article_id(&text),
            unit_keys: Analysed::keys_only(&text),
            path,
            meta,
            text,
            warnings,
        }
    }

    /// Keys of this article's lines, for [`LibraryLines::from_articles`].
    pub fn line_keys(&self) -> Vec<u64> {
        self.unit_keys.iter().flatten().copied().collect()
    }

    /// Keys of every unit in order, see [`Analysed::unit_keys`].
    pub fn unit_keys(&self) -> Vec<Option<u64>> {
        self.unit_keys.clone()
    }

    /// Classifies the blocks (with the library's line counts when there is a library) and
    /// builds the article.
    pub fn finish(self, library: Option<&LibraryLines>) -> Article {
        let analysed = Analysed::new(&self.text);
        debug_assert_eq!(analysed.unit_keys(), self.unit_keys);
        let blocks = analysed.blocks(library);
        let title = title::choose(&self.meta, &self.text, &blocks, &self.path);
        let word_count = readable_words(&self.text, &blocks);
        Article {
            id: self.id,
            path: self.path,
            other_paths: Vec::new(),
            meta: self.meta,
            title,
            text: self.text,
            blocks,
            warnings: self.warnings,
            word_count,
        }
    }
}

/// Words a reader reads: everything but boilerplate.
fn readable_words(text: &str, blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| !b.kind.is_boilerplate())
        .map(|b| text::word_count(b.text(text)))
        .sum()
}

impl Article {
    /// An article with the given text and hand-made blocks, for unit tests of code that
    /// works on blocks (reflow, sentence selection) without running the classifier.
    #[cfg(test)]
    pub(crate) fn with_blocks(text: &str, blocks: Vec<Block>) -> Article {
        Article {
            id: "x".into(),
            path: PathBuf::from("x.txt"),
            other_paths: vec![],
            meta: FrontMatter::default(),
            title: "T".into(),
            text: text.into(),
            blocks,
            warnings: vec![],
            word_count: 0,
        }
    }

    /// Builds one article on its own (no library to compare lines with), e.g. for
    /// `byline show FILE` or tests.
    pub fn from_text(path: impl Into<PathBuf>, decoded: &str) -> Article {
        Draft::new(path.into(), decoded, Vec::new()).finish(None)
    }

    /// The blocks of one kind, with their text.
    pub fn blocks_of(&self, kind: BlockKind) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .filter(move |b| b.kind == kind)
            .map(|b| b.text(&self.text))
    }

    /// The kind of the block holding the first line that contains `needle`, if any.
    pub fn kind_of_line_containing(&self, needle: &str) -> Option<BlockKind> {
        self.blocks
            .iter()
            .find(|b| b.text(&self.text).contains(needle))
            .map(|b| b.kind)
    }
}

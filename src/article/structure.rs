//! The structure pipeline: text → lines → units → features → kinds → blocks.
//!
//! Split in two steps so the loader can count lines across the whole library between
//! them: [`Analysed::new`] needs only the article, [`Analysed::blocks`] takes the
//! library's line counts.

use super::classify::{self, Evidence, LibraryLines};
use super::features::Features;
use super::relations;
use super::units::{self, Unit};
use super::{Block, BlockKind};

/// An article's text cut into units and measured, not yet classified.
#[derive(Debug, Clone)]
pub struct Analysed {
    line_count: usize,
    units: Vec<Unit>,
    feats: Vec<Features>,
}

impl Analysed {
    /// Cuts the text into units and measures each.
    pub fn new(text: &str) -> Analysed {
        let spans = units::line_spans(text);
        let units = units::units(text, &spans);
        let feats = units
            .iter()
            .map(|u| Features::of(&u.joined(text)))
            .collect();
        Analysed {
            line_count: spans.len(),
            units,
            feats,
        }
    }

    /// [`Analysed::unit_keys`] without measuring the units (much cheaper in time and
    /// memory than [`Analysed::new`]); always equal to `Analysed::new(text).unit_keys()`.
    pub fn keys_only(text: &str) -> Vec<Option<u64>> {
        let spans = units::line_spans(text);
        units::units(text, &spans)
            .iter()
            .map(|u| super::features::key_of(&u.joined(text)))
            .collect()
    }

    /// Keys of the article's lines, for counting repetition across the library.
    pub fn line_keys(&self) -> Vec<u64> {
        self.feats.iter().filter_map(|f| f.key).collect()
    }

    /// The library key of every unit, in order (`None` for units without letters or
    /// digits). With a library, these decide which units count as common, the only input
    /// of [`Analysed::blocks`] besides the article itself; the index cache stores them to
    /// tell whether cached blocks still hold.
    pub fn unit_keys(&self) -> Vec<Option<u64>> {
        self.feats.iter().map(|f| f.key).collect()
    }

    /// Classifies the units and turns them into blocks that tile every line of the text.
    pub fn blocks(&self, library: Option<&LibraryLines>) -> Vec<Block> {
        let rel = relations::relations(&self.units, &self.feats);
        let common = self
            .feats
            .iter()
            .map(|f| f.key.zip(library).is_some_and(|(k, lib)| lib.is_common(k)))
            .collect();
        let ev = Evidence {
            feats: &self.feats,
            rel: &rel,
            common,
        };
        let kinds = classify::classify(&ev);
        tile(&self.units, &kinds, self.line_count)
    }
}

/// Blocks from units: each block runs from its unit's first line to the next unit's first
/// line, so blank lines attach to the block before them and the first block also takes
/// any blank lines that open the text. A text of blank lines only becomes one empty
/// boilerplate block.
fn tile(units: &[Unit], kinds: &[BlockKind], line_count: usize) -> Vec<Block> {
    if units.is_empty() {
        if line_count == 0 {
            return Vec::new();
        }
        return vec![Block {
            kind: BlockKind::Boilerplate,
            lines: 0..line_count,
            bytes: 0..0,
        }];
    }
    units
        .iter()
        .zip(kinds)
        .enumerate()
        .map(|(i, (unit, &kind))| {
            let start = if i == 0 { 0 } else { unit.lines.start };
            let end = units.get(i + 1).map_or(line_count, |next| next.lines.start);
            Block {
                kind,
                lines: start..end,
                bytes: unit.bytes.clone(),
            }
        })
        .collect()
}

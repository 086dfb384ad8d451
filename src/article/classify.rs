//! Decisions: which kind each unit is, from its own features, repetition inside the
//! article and across the library, and its position.
//!
//! The article is cut into three zones around the body text (units that read like
//! paragraphs in jusText's sense): the top (before the first body paragraph: labels,
//! credits, title, standfirst, byline, dateline), the middle, and the tail (after the last
//! body paragraph: bios, sign-offs, footers). Strong signals (credits, captions, pull
//! quotes, calls to action) win everywhere; the zone decides the rest.

use std::collections::HashMap;

use super::BlockKind;
use super::features::{self as ft, Features};
use super::relations::Relations;

/// The top zone never reaches past this many units, however much furniture comes first.
const MAX_TOP_UNITS: usize = 8;

/// How often each line occurs across a library, counted once per article. Lines that occur
/// in several articles are site furniture (or copy shared between outlets).
#[derive(Debug, Clone, Default)]
pub struct LibraryLines {
    counts: HashMap<u64, u32>,
}

impl LibraryLines {
    /// Counts each key of each article once.
    pub fn from_articles<'a>(articles: impl Iterator<Item = &'a [u64]>) -> LibraryLines {
        let mut counts: HashMap<u64, u32> = HashMap::new();
        for keys in articles {
            let mut seen: Vec<u64> = keys.to_vec();
            seen.sort_unstable();
            seen.dedup();
            for k in seen {
                *counts.entry(k).or_default() += 1;
            }
        }
        LibraryLines { counts }
    }

    /// Whether the line occurs in at least two articles.
    pub fn is_common(&self, key: u64) -> bool {
        self.counts.get(&key).is_some_and(|&n| n >= 2)
    }
}

/// Everything the decisions look at.
pub struct Evidence<'a> {
    pub feats: &'a [Features],
    pub rel: &'a Relations,
    /// Per unit: the line occurs in other articles of the library.
    pub common: Vec<bool>,
}

/// The kind of every unit.
///
/// Indexing: every per-unit vector here (`feats`, `common`, the relations, `strong`,
/// `body`) has one entry per unit, and indexes run over `0..feats.len()` (or below
/// `top_end <= n`), so `v[i]` is always in bounds.
pub fn classify(ev: &Evidence) -> Vec<BlockKind> {
    let n = ev.feats.len();
    let strong: Vec<Option<BlockKind>> = (0..n).map(|i| strong_kind(ev, i)).collect();
    let body: Vec<bool> = (0..n)
        .map(|i| strong[i].is_none() && is_body(ev, i))
        .collect();
    let first_body = body.iter().position(|&b| b);
    let last_body = body.iter().rposition(|&b| b);
    let top_end = first_body.unwrap_or(n.min(3)).min(MAX_TOP_UNITS);
    let title = choose_title(ev, &strong, top_end);
    (0..n)
        .map(|i| {
            if let Some(kind) = strong[i] {
                kind
            } else if i < top_end {
                top_kind(ev, i, title)
            } else if last_body.is_some_and(|l| i > l) {
                tail_kind(ev, i)
            } else {
                middle_kind(ev, i)
            }
        })
        .collect()
}

/// Body text: paragraph-shaped, and neither repeated from elsewhere in the library nor a
/// later copy of an earlier unit.
fn is_body(ev: &Evidence, i: usize) -> bool {
    ft::is_paragraph_shaped(&ev.feats[i]) && !ev.common[i] && !ev.rel.repeated[i]
}

/// Signals that decide a unit's kind wherever it sits.
fn strong_kind(ev: &Evidence, i: usize) -> Option<BlockKind> {
    let f = &ev.feats[i];
    if f.words == 0 {
        return Some(BlockKind::Boilerplate);
    }
    if f.heading.is_some_and(|h| h >= 2) {
        return Some(BlockKind::Subhead);
    }
    if ft::is_credit_only(f) {
        return Some(BlockKind::Credit);
    }
    if is_caption(ev, i) {
        return Some(BlockKind::Caption);
    }
    if ev.rel.pull_quote[i] || f.text.starts_with("> ") {
        return Some(BlockKind::PullQuote);
    }
    if is_furniture(f) {
        return Some(BlockKind::Boilerplate);
    }
    if is_bio(ev, i) {
        return Some(BlockKind::Byline);
    }
    None
}

/// A caption: a line ending in a picture credit, one of a repeated caption pair, a
/// Markdown image, or a sentence with caption cues (present-tense verb plus place or date,
/// or a position marker such as ", left,").
fn is_caption(ev: &Evidence, i: usize) -> bool {
    let f = &ev.feats[i];
    ft::has_trailing_credit(f)
        || ev.rel.caption_pair[i]
        || f.text.starts_with("![")
        || (ft::caption_cue(f) && f.ends_sentence && f.words >= 5 && !ft::is_quoted(f))
}

/// Interface furniture recognised by its features: an imperative call to action, a line
/// of navigation words, or a leaked UI token.
fn is_furniture(f: &Features) -> bool {
    ft::is_call_to_action(f) || ft::is_navigation(f) || ft::has_ui_token(f)
}

/// An author bio near the end: opens with a name and is either about a job or names
/// someone who appears on a short line just before it.
fn is_bio(ev: &Evidence, i: usize) -> bool {
    let n = ev.feats.len();
    if i + 3 < n {
        return false;
    }
    let Some(name) = ft::bio_name(&ev.feats[i]) else {
        return false;
    };
    let named_before = (i.saturating_sub(3)..i).any(|j| {
        let g = &ev.feats[j];
        g.words <= 6 && g.text.contains(&name)
    });
    named_before || ft::has_job_noun(&ev.feats[i])
}

/// The title is the first headline-shaped unit of the top zone; a label-shaped line is
/// skipped when a later candidate exists, and a line common across the library is skipped
/// when another candidate exists. A Markdown `#` heading wins.
fn choose_title(ev: &Evidence, strong: &[Option<BlockKind>], top_end: usize) -> Option<usize> {
    if let Some(h1) = (0..top_end).find(|&i| ev.feats[i].heading == Some(1)) {
        return Some(h1);
    }
    let candidates: Vec<usize> = (0..top_end)
        .filter(|&i| strong[i].is_none() && is_title_candidate(&ev.feats[i]))
        .collect();
    let preferred = |i: &&usize| {
        let later = candidates.iter().any(|&j| j > **i);
        let label_first = later && ft::is_label_shaped(&ev.feats[**i]);
        !label_first && !ev.common[**i]
    };
    candidates
        .iter()
        .find(preferred)
        .or(candidates.first())
        .copied()
}

fn is_title_candidate(f: &Features) -> bool {
    ft::is_headline_shaped(f) && !ft::is_byline_text(f) && !ft::is_dateline(f)
}

/// Top zone: title, then labels before it, standfirst, byline and dateline around it.
fn top_kind(ev: &Evidence, i: usize, title: Option<usize>) -> BlockKind {
    let f = &ev.feats[i];
    if Some(i) == title {
        return BlockKind::Title;
    }
    if ft::is_byline_text(f) {
        return BlockKind::Byline;
    }
    if ft::is_dateline(f) {
        return BlockKind::Dateline;
    }
    match title {
        Some(t) if i > t && ft::is_name_like(f) => BlockKind::Byline,
        Some(t) if i > t => BlockKind::Standfirst,
        _ if ft::is_label_shaped(f) => BlockKind::SectionLabel,
        _ if ev.common[i] && !ft::is_paragraph_shaped(f) => BlockKind::Boilerplate,
        _ => BlockKind::Standfirst,
    }
}

/// Between the first and last body paragraph: short sentences stay body text, short
/// phrases are subheads, repeated or wordless lines are boilerplate.
fn middle_kind(ev: &Evidence, i: usize) -> BlockKind {
    let f = &ev.feats[i];
    let paragraph = ft::is_paragraph_shaped(f);
    if !paragraph && (ev.common[i] || ev.rel.repeated[i]) {
        return BlockKind::Boilerplate;
    }
    if paragraph && ev.rel.repeated[i] {
        return BlockKind::Boilerplate;
    }
    if paragraph {
        return BlockKind::Paragraph;
    }
    if ft::is_byline_text(f) {
        return BlockKind::Byline;
    }
    if ft::is_subhead_shaped(f) {
        return BlockKind::Subhead;
    }
    if f.ends_sentence || f.stop_density >= 0.3 {
        return BlockKind::Paragraph;
    }
    BlockKind::Boilerplate
}

/// After the last body paragraph: sign-offs, names and job titles are bylines, a short
/// plain sentence is still body text, everything else is footer boilerplate.
fn tail_kind(ev: &Evidence, i: usize) -> BlockKind {
    let f = &ev.feats[i];
    if ft::is_byline_text(f) || ft::is_name_like(f) || ft::is_job_title(f) {
        return BlockKind::Byline;
    }
    if ft::is_dateline(f) {
        return BlockKind::Dateline;
    }
    let plain_sentence = f.ends_sentence && f.stop_density >= 0.25;
    if plain_sentence && !ev.common[i] && !ev.rel.repeated[i] {
        return BlockKind::Paragraph;
    }
    BlockKind::Boilerplate
}

//! Anchors: making them from a selection, and finding them again after the text changed.
//!
//! An anchor is the W3C TextQuote idea (the quoted text plus a little context on each
//! side) with a TextPosition hint (char offsets). Placing an anchor in a text tries, in
//! order: the offsets (the quote is still there), the exact quote chosen by its context,
//! a bounded fuzzy search that must agree with the context, and otherwise gives up —
//! the caller then marks the annotation orphaned and keeps it.

use std::ops::Range;

use thiserror::Error;

use super::fuzzy::{Approx, approximate_matches, levenshtein};
use super::model::{Anchor, AnchorStatus};
use crate::article::Block;

/// How many chars of context are kept before and after a quote.
pub const CONTEXT_CHARS: usize = 32;

/// Quotes shorter than this are never searched approximately: too easy to misplace.
const MIN_FUZZY_CHARS: usize = 4;
/// Fuzzy matches may differ from the quote by this share of its length (per cent).
const FUZZY_ERROR_PERCENT: usize = 15;
/// Context agrees when its edit distance is at most this share of its length (per cent).
const CONTEXT_ERROR_PERCENT: usize = 30;
/// An exact quote at least this long is trusted even when its context changed.
const SELF_EVIDENT_QUOTE_CHARS: usize = 24;
/// Above this much work (text chars × quote chars) the fuzzy search only looks near the
/// old position and near places where the context still occurs.
const WHOLE_TEXT_BUDGET: usize = 4_000_000;

/// A selection that cannot become an anchor.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AnchorError {
    #[error("the selection is empty")]
    Empty,
    #[error("the selection {start}..{end} is outside the article ({len} bytes)")]
    OutOfBounds {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("the selection {start}..{end} does not fall on character boundaries")]
    NotCharBoundary { start: usize, end: usize },
}

/// Where an anchor was found in a text, as a byte range, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub bytes: Range<usize>,
    pub status: AnchorStatus,
}

/// Checks that `range` is a non-empty byte range of `text` on char boundaries.
pub fn check_range(text: &str, range: &Range<usize>) -> Result<(), AnchorError> {
    let (start, end) = (range.start, range.end);
    if end > text.len() || start > end {
        return Err(AnchorError::OutOfBounds {
            start,
            end,
            len: text.len(),
        });
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Err(AnchorError::NotCharBoundary { start, end });
    }
    if start == end {
        return Err(AnchorError::Empty);
    }
    Ok(())
}

/// Builds an anchor for the byte range `range` of `text`.
pub fn make_anchor(
    text: &str,
    range: Range<usize>,
    block: Option<usize>,
) -> Result<Anchor, AnchorError> {
    check_range(text, &range)?;
    Ok(anchor_at(text, range, block, AnchorStatus::Anchored))
}

/// Builds an anchor for an already checked range.
fn anchor_at(
    text: &str,
    range: Range<usize>,
    block: Option<usize>,
    status: AnchorStatus,
) -> Anchor {
    let before = &text[..range.start];
    let after = &text[range.end..];
    let prefix_start = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let suffix_end = after
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(after.len(), |(i, _)| i);
    let start = before.chars().count();
    let quote = &text[range.clone()];
    Anchor {
        quote: quote.to_string(),
        prefix: before[prefix_start..].to_string(),
        suffix: after[..suffix_end].to_string(),
        start,
        end: start + quote.chars().count(),
        block,
        status,
    }
}

/// Byte offset → char offset (clamped to the text; a byte inside a char counts that char).
pub fn byte_to_char(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[..b].chars().count()
}

/// Char offset → byte offset; `None` past the end of the text.
pub fn char_to_byte(text: &str, ch: usize) -> Option<usize> {
    if ch == 0 {
        return Some(0);
    }
    match text.char_indices().nth(ch) {
        Some((i, _)) => Some(i),
        None if text.chars().count() == ch => Some(text.len()),
        None => None,
    }
}

/// The byte range the anchor's offsets point to, if the quote is really there.
pub fn hinted_range(text: &str, anchor: &Anchor) -> Option<Range<usize>> {
    let start = char_to_byte(text, anchor.start)?;
    let len = anchor.quote.len();
    let end = start.checked_add(len)?;
    (text.get(start..end) == Some(anchor.quote.as_str())).then_some(start..end)
}

/// Index of the block containing byte `at` (the last block starting at or before it).
pub fn block_index(blocks: &[Block], at: usize) -> Option<usize> {
    blocks
        .iter()
        .position(|b| b.bytes.start <= at && at < b.bytes.end)
        .or_else(|| blocks.iter().rposition(|b| b.bytes.start <= at))
}

/// A text split into chars once, shared by every fuzzy search in one article.
#[derive(Debug, Clone)]
pub struct TextIndex {
    chars: Vec<char>,
    /// Byte offset of every char, plus the text length at the end.
    byte_of: Vec<usize>,
}

impl TextIndex {
    pub fn new(text: &str) -> TextIndex {
        let mut byte_of: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        byte_of.push(text.len());
        TextIndex {
            chars: text.chars().collect(),
            byte_of,
        }
    }
}

/// Finds the anchor in `text`; `None` when it cannot be placed (orphaned).
pub fn locate(text: &str, anchor: &Anchor) -> Option<Placement> {
    locate_with(text, &mut None, anchor)
}

/// [`locate`] with a char index of `text` that is built on first need and reused across
/// calls (re-anchoring many annotations of one article).
pub fn locate_with(
    text: &str,
    index: &mut Option<TextIndex>,
    anchor: &Anchor,
) -> Option<Placement> {
    if anchor.quote.is_empty() {
        return None;
    }
    if let Some(bytes) = hinted_range(text, anchor) {
        return Some(Placement {
            bytes,
            status: AnchorStatus::Anchored,
        });
    }
    if let Some(bytes) = locate_exact(text, anchor) {
        return Some(Placement {
            bytes,
            status: AnchorStatus::Anchored,
        });
    }
    let index = index.get_or_insert_with(|| TextIndex::new(text));
    locate_fuzzy(text, index, anchor).map(|bytes| Placement {
        bytes,
        status: AnchorStatus::Fuzzy,
    })
}

/// Re-anchors `anchor` in a changed text: the returned anchor carries the new quote,
/// context, offsets, block and status. An anchor that cannot be placed is returned
/// unchanged except for its status, `Orphaned`, so nothing the user wrote is lost.
pub fn reanchor(anchor: &Anchor, text: &str, blocks: &[Block]) -> Anchor {
    reanchor_with(anchor, text, blocks, &mut None)
}

/// [`reanchor`] sharing a lazily built [`TextIndex`] of `text`.
pub fn reanchor_with(
    anchor: &Anchor,
    text: &str,
    blocks: &[Block],
    index: &mut Option<TextIndex>,
) -> Anchor {
    match locate_with(text, index, anchor) {
        Some(p) => {
            let block = if blocks.is_empty() {
                anchor.block
            } else {
                block_index(blocks, p.bytes.start)
            };
            anchor_at(text, p.bytes, block, p.status)
        }
        None => Anchor {
            status: AnchorStatus::Orphaned,
            ..anchor.clone()
        },
    }
}

/// Chars shared at the end of `a` and the end of `b`.
fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Chars shared at the start of `a` and the start of `b`.
fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// The exact occurrence of the quote whose surroundings best match the stored context.
fn locate_exact(text: &str, anchor: &Anchor) -> Option<Range<usize>> {
    let quote = anchor.quote.as_str();
    let context_len = anchor.prefix.chars().count() + anchor.suffix.chars().count();
    let needed = context_len.min(8);
    let self_evident = quote.chars().count() >= SELF_EVIDENT_QUOTE_CHARS;
    let hint = char_to_byte(text, anchor.start).unwrap_or(text.len());
    text.match_indices(quote)
        .map(|(s, q)| {
            let e = s + q.len();
            let score = common_suffix_chars(&anchor.prefix, &text[..s])
                + common_prefix_chars(&anchor.suffix, &text[e..]);
            (s..e, score)
        })
        .filter(|(_, score)| self_evident || *score >= needed)
        .max_by(|(ra, sa), (rb, sb)| {
            sa.cmp(sb)
                .then_with(|| rb.start.abs_diff(hint).cmp(&ra.start.abs_diff(hint)))
        })
        .map(|(r, _)| r)
}

/// Context agreement of an approximate match at chars `range` of `chars`: the distance of
/// prefix and suffix to what now surrounds the match, and whether either still agrees.
fn context_fit(
    chars: &[char],
    range: &Range<usize>,
    prefix: &[char],
    suffix: &[char],
) -> (bool, usize) {
    let before = &chars[range.start.saturating_sub(prefix.len())..range.start];
    let after_end = (range.end + suffix.len()).min(chars.len());
    let after = &chars[range.end..after_end];
    let dp = levenshtein(prefix, before);
    let ds = levenshtein(suffix, after);
    let ok = |d: usize, len: usize| len > 0 && d * 100 <= len * CONTEXT_ERROR_PERCENT;
    let agrees =
        ok(dp, prefix.len()) || ok(ds, suffix.len()) || (prefix.is_empty() && suffix.is_empty());
    (agrees, dp + ds)
}

/// Char windows worth searching first: near the old position and near the places where
/// the stored context still occurs exactly.
fn search_windows(
    text: &str,
    byte_of: &[usize],
    anchor: &Anchor,
    m: usize,
    k: usize,
) -> Vec<Range<usize>> {
    let n = byte_of.len().saturating_sub(1);
    let reach = m + k + 64;
    let char_at = |byte: usize| byte_of.partition_point(|&b| b < byte);
    let mut windows = Vec::from([Range {
        start: anchor.start.saturating_sub(reach),
        end: (anchor.end + reach).min(n),
    }]);
    let tail: String = {
        let p: Vec<char> = anchor.prefix.chars().collect();
        p[p.len().saturating_sub(16)..].iter().collect()
    };
    if !tail.is_empty() {
        for (b, t) in text.match_indices(tail.as_str()).take(64) {
            let c = char_at(b + t.len());
            windows.push(c..(c + reach).min(n));
        }
    }
    let head: String = anchor.suffix.chars().take(16).collect();
    if !head.is_empty() {
        for (b, _) in text.match_indices(head.as_str()).take(64) {
            let c = char_at(b);
            windows.push(c.saturating_sub(reach)..c);
        }
    }
    windows.sort_by_key(|w| w.start);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => merged.push(w),
        }
    }
    merged
}

/// Bounded approximate search: at most 15 % of the quote may differ, and the stored
/// context must still agree with what surrounds the match. Looks near the old position
/// and the surviving context first; the whole text only when that finds nothing and the
/// text is small enough.
fn locate_fuzzy(text: &str, index: &TextIndex, anchor: &Anchor) -> Option<Range<usize>> {
    let pattern: Vec<char> = anchor.quote.chars().collect();
    let m = pattern.len();
    if m < MIN_FUZZY_CHARS {
        return None;
    }
    let k = (m * FUZZY_ERROR_PERCENT / 100).max(1);
    let n = index.chars.len();
    // Near the old position and near the surviving context, all at once so the best
    // candidate wins; the whole text only when that finds nothing.
    let windows = search_windows(text, &index.byte_of, anchor, m, k);
    let found = best_fuzzy(index, anchor, &pattern, k, &windows);
    let found = found.or_else(|| {
        let whole = Range { start: 0, end: n };
        (n.saturating_mul(m) <= WHOLE_TEXT_BUDGET)
            .then(|| best_fuzzy(index, anchor, &pattern, k, std::slice::from_ref(&whole)))
            .flatten()
    });
    found.map(|r| index.byte_of[r.start]..index.byte_of[r.end])
}

/// The best approximate match inside `windows` that agrees with the context, as chars.
fn best_fuzzy(
    index: &TextIndex,
    anchor: &Anchor,
    pattern: &[char],
    k: usize,
    windows: &[Range<usize>],
) -> Option<Range<usize>> {
    let prefix: Vec<char> = anchor.prefix.chars().collect();
    let suffix: Vec<char> = anchor.suffix.chars().collect();
    let mut best: Option<((usize, usize), Range<usize>)> = None;
    for w in windows {
        let Some(window) = index.chars.get(w.clone()) else {
            continue;
        };
        let found = approximate_matches(pattern, window, k, w.start);
        // Ends next to each other describe one occurrence: keep the best of each run.
        let mut runs: Vec<&Approx> = Vec::new();
        for cand in &found {
            match runs.last_mut() {
                Some(last)
                    if cand.range.end == last.range.end + 1
                        || cand.range.start == last.range.start =>
                {
                    if cand.distance < last.distance {
                        *last = cand;
                    }
                }
                _ => runs.push(cand),
            }
        }
        for cand in runs {
            if cand.range.is_empty() {
                continue;
            }
            let (agrees, context_distance) =
                context_fit(&index.chars, &cand.range, &prefix, &suffix);
            if !agrees {
                continue;
            }
            let key = (
                cand.distance + context_distance,
                cand.range.start.abs_diff(anchor.start),
            );
            if best.as_ref().is_none_or(|(k0, _)| key < *k0) {
                best = Some((key, cand.range.clone()));
            }
        }
    }
    best.map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Secretary of State John Kerry met Foreign Minister Sergei Lavrov in Geneva on Friday. \
The two men discussed the Minsk agreements at length.\n\nLater, reporters asked about sanctions.";

    fn anchor_for(text: &str, quote: &str) -> Anchor {
        let s = text.find(quote).unwrap();
        make_anchor(text, s..s + quote.len(), None).unwrap()
    }

    #[test]
    fn context_is_at_most_32_chars_each_side() {
        let a = anchor_for(TEXT, "Sergei Lavrov");
        assert_eq!(a.prefix, "John Kerry met Foreign Minister ");
        assert_eq!(a.prefix.chars().count(), 32);
        assert_eq!(a.suffix.chars().count(), 32);
        assert_eq!(a.start, TEXT.find("Sergei").unwrap());
        assert_eq!(a.end - a.start, 13);
    }

    #[test]
    fn offsets_are_chars() {
        let text = "Erdoğan met Lavrov.";
        let a = anchor_for(text, "Lavrov");
        assert_eq!(a.start, 12);
        assert_eq!(char_to_byte(text, a.start), Some(13));
        assert_eq!(byte_to_char(text, 13), 12);
        assert_eq!(hinted_range(text, &a), Some(13..19));
    }

    #[test]
    fn bad_ranges_are_refused() {
        assert_eq!(make_anchor("abc", 1..1, None), Err(AnchorError::Empty));
        assert!(matches!(
            make_anchor("abc", 1..9, None),
            Err(AnchorError::OutOfBounds { .. })
        ));
        assert!(matches!(
            make_anchor("ğa", 1..3, None),
            Err(AnchorError::NotCharBoundary { .. })
        ));
    }

    #[test]
    fn exact_quote_chosen_by_context() {
        let text = "He said no. Then Lavrov said no. Kerry said no.";
        // Anchor the second occurrence ("Lavrov said no").
        let s = text.find("Lavrov said no").unwrap() + 7;
        let a = make_anchor(text, s..s + 7, None).unwrap();
        let changed = format!("Intro paragraph.\n\n{text}");
        let p = locate(&changed, &a).unwrap();
        assert_eq!(&changed[p.bytes.start - 7..p.bytes.start], "Lavrov ");
        assert_eq!(p.status, AnchorStatus::Anchored);
    }

    #[test]
    fn short_quote_without_context_is_not_placed() {
        let a = anchor_for(TEXT, "Geneva");
        let unrelated = "A different story entirely, set in Geneva as it happens.";
        assert_eq!(locate(unrelated, &a), None);
    }

    #[test]
    fn fuzzy_finds_a_corrected_typo() {
        let typo = TEXT.replace("Sergei Lavrov", "Sergei Lavorv");
        let a = anchor_for(&typo, "Foreign Minister Sergei Lavorv in Geneva");
        let p = locate(TEXT, &a).unwrap();
        assert_eq!(p.status, AnchorStatus::Fuzzy);
        assert_eq!(&TEXT[p.bytes], "Foreign Minister Sergei Lavrov in Geneva");
    }

    #[test]
    fn deleted_passage_is_orphaned_but_kept() {
        let a = anchor_for(
            TEXT,
            "The two men discussed the Minsk agreements at length.",
        );
        let cut = TEXT.replace("The two men discussed the Minsk agreements at length.", "");
        let r = reanchor(&a, &cut, &[]);
        assert_eq!(r.status, AnchorStatus::Orphaned);
        assert_eq!(r.quote, a.quote);
    }

    #[test]
    fn fuzzy_in_a_long_text_searches_near_the_context() {
        let filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(4000);
        let passage =
            "As the talks ended, Minister Sergei Lavorv told reporters the Minsk deal still held.";
        let original = format!("{filler}\n\n{passage}\n\n{filler}");
        let a = anchor_for(
            &original,
            "Minister Sergei Lavorv told reporters the Minsk deal",
        );
        let fixed = format!(
            "{}{filler}\n\n{}\n\n{filler}",
            "An inserted paragraph. ".repeat(60),
            passage.replace("Lavorv", "Lavrov")
        );
        assert!(fixed.chars().count() * a.quote.chars().count() > WHOLE_TEXT_BUDGET);
        let p = locate(&fixed, &a).unwrap();
        assert_eq!(p.status, AnchorStatus::Fuzzy);
        assert_eq!(
            &fixed[p.bytes],
            "Minister Sergei Lavrov told reporters the Minsk deal"
        );
    }
}

//! Selections in the reader are made of whole sentences (Unicode sentence bounds, UAX
//! #29) of the blocks shown: `v` picks one, `j`/`k` move its end by one sentence.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::article::Article;

/// Byte ranges (into `article.text`) of the sentences of the shown blocks, in text
/// order, without surrounding white space.
pub fn sentences(article: &Article, show_boilerplate: bool) -> Vec<Range<usize>> {
    let ranges: Vec<Range<usize>> = if article.blocks.is_empty() {
        std::iter::once(0..article.text.len()).collect()
    } else {
        article
            .blocks
            .iter()
            .filter(|b| show_boilerplate || !b.kind.is_boilerplate())
            .map(|b| b.bytes.clone())
            .collect()
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        let Some(text) = article.text.get(r.clone()) else {
            continue;
        };
        let block_first = out.len();
        for (i, s) in text.split_sentence_bound_indices() {
            // A blank line inside a block also ends a sentence (lists, verse, captions).
            let mut offset = 0;
            for part in s.split("\n\n") {
                let lead = part.len() - part.trim_start().len();
                let t = part.trim();
                if !t.is_empty() {
                    let start = r.start + i + offset + lead;
                    out.push(start..start + t.len());
                }
                offset += part.len() + 2;
            }
        }
        join_after_abbreviations(&article.text, &mut out, block_first);
    }
    out
}

/// UAX #29 ends a sentence after "U.S." or "Mr." when a capital follows; news text is
/// full of those, so a sentence ending in an abbreviation or an initial is joined to the
/// next one of the same block (when nothing but spaces separates them).
fn join_after_abbreviations(text: &str, sentences: &mut Vec<Range<usize>>, from: usize) {
    let mut i = from;
    while i + 1 < sentences.len() {
        let (cur, next) = (&sentences[i], &sentences[i + 1]);
        let gap = text.get(cur.end..next.start).unwrap_or("\n");
        let last_word = text
            .get(cur.clone())
            .and_then(|s| s.split_whitespace().last())
            .unwrap_or("");
        if !gap.contains('\n') && ends_with_abbreviation(last_word) {
            sentences[i].end = sentences[i + 1].end;
            sentences.remove(i + 1);
        } else {
            i += 1;
        }
    }
}

/// "U.S.", "D.C.", "F." (an initial), or a title such as "Mr." / "Gen." / "Sen.".
fn ends_with_abbreviation(word: &str) -> bool {
    const TITLES: &[&str] = &[
        "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "sen.", "rep.", "gov.", "lt.", "col.",
        "sgt.", "capt.", "st.", "jr.", "sr.", "no.", "vs.", "adm.", "maj.", "rev.",
    ];
    let word = word.trim_start_matches(['(', '"', '\u{201c}', '\'']);
    if !word.ends_with('.') {
        return false;
    }
    let lower = word.to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return true;
    }
    // Letters each followed by a period: "U.S.", "D.C.", "F.".
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    parts
        .iter()
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// The index of the sentence holding byte `at`, else the first one after it, else the
/// last one.
pub fn sentence_at(sentences: &[Range<usize>], at: usize) -> Option<usize> {
    if sentences.is_empty() {
        return None;
    }
    Some(
        sentences
            .iter()
            .position(|r| r.end > at)
            .unwrap_or(sentences.len() - 1),
    )
}

/// The text of a range as one line (white space runs become one space), cut to `max`
/// chars with an ellipsis.
pub fn one_line(text: &str, max: usize) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.chars().count() <= max {
        return joined;
    }
    let mut s: String = joined.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let text = "The U.S. Secretary met Mr. Vey in Port Selin. Talks went on.";
        let a = article(
            text,
            vec![Block {
                kind: BlockKind::Paragraph,
                lines: 0..1,
                bytes: 0..text.len(),
            }],
        );
        let s: Vec<&str> = sentences(&a, false).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            s,
            [
                "The U.S. Secretary met Mr. Vey in Port Selin.",
                "Talks went on."
            ]
        );
    }
    use crate::article::{Block, BlockKind};

    fn article(text: &str, blocks: Vec<Block>) -> Article {
        Article::with_blocks(text, blocks)
    }

    #[test]
    fn sentences_are_trimmed_byte_ranges_of_shown_blocks() {
        let text = "Title\n\nOne two. Three four? Five.\n\nSign up now.";
        let blocks = vec![
            Block {
                kind: BlockKind::Title,
                lines: 0..2,
                bytes: 0..5,
            },
            Block {
                kind: BlockKind::Paragraph,
                lines: 2..4,
                bytes: 7..33,
            },
            Block {
                kind: BlockKind::Boilerplate,
                lines: 4..5,
                bytes: 35..text.len(),
            },
        ];
        let a = article(text, blocks);
        let s: Vec<&str> = sentences(&a, false).into_iter().map(|r| &text[r]).collect();
        assert_eq!(s, ["Title", "One two.", "Three four?", "Five."]);
        assert_eq!(sentences(&a, true).len(), 5);
        let ss = sentences(&a, false);
        assert_eq!(sentence_at(&ss, 0), Some(0));
        assert_eq!(sentence_at(&ss, 6), Some(1), "between blocks: the next one");
        assert_eq!(sentence_at(&ss, 999), Some(3));
    }

    #[test]
    fn one_line_collapses_and_cuts() {
        assert_eq!(one_line("a\n b  c", 10), "a b c");
        assert_eq!(one_line("abcdefgh", 4), "abc…");
    }
}

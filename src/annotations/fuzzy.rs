//! Approximate string matching on chars, used to re-anchor a quote after its text changed.
//!
//! Two tools: plain Levenshtein distance (to judge whether context still agrees) and
//! Sellers' approximate substring search (to find where an edited quote now lives). Both
//! work on `char` slices so an edit inside "Erdoğan" costs one, not two.

use std::ops::Range;

/// Levenshtein distance between two char slices (two-row dynamic programme).
pub fn levenshtein(a: &[char], b: &[char]) -> usize {
    if a.is_empty() {
        return b.len();
    }
    if b.is_empty() {
        return a.len();
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// One approximate occurrence: a char range of the searched text and its edit distance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approx {
    pub range: Range<usize>,
    pub distance: usize,
}

/// Every end position in `text` where `pattern` matches with at most `max_distance` edits
/// (Sellers' algorithm, O(len(text) × len(pattern))). For each end the best start is kept;
/// `offset` is added to the reported ranges (the searched text is usually a window).
pub fn approximate_matches(
    pattern: &[char],
    text: &[char],
    max_distance: usize,
    offset: usize,
) -> Vec<Approx> {
    let m = pattern.len();
    if m == 0 {
        return Vec::new();
    }
    // Column j: cost[i] = best distance of pattern[..i] against some text[s..j], start[i] = s.
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut next_cost = vec![0; m + 1];
    let mut next_start = vec![0; m + 1];
    let mut out = Vec::new();
    for (j, &tc) in text.iter().enumerate() {
        next_cost[0] = 0;
        next_start[0] = j + 1;
        for i in 1..=m {
            let diag = cost[i - 1] + usize::from(pattern[i - 1] != tc);
            let left = cost[i] + 1; // text char not in the pattern
            let up = next_cost[i - 1] + 1; // pattern char not in the text
            let (mut c, mut s) = (diag, start[i - 1]);
            // On ties prefer the later start: the shorter match.
            if left < c || (left == c && start[i] > s) {
                c = left;
                s = start[i];
            }
            if up < c || (up == c && next_start[i - 1] > s) {
                c = up;
                s = next_start[i - 1];
            }
            next_cost[i] = c;
            next_start[i] = s;
        }
        std::mem::swap(&mut cost, &mut next_cost);
        std::mem::swap(&mut start, &mut next_start);
        if cost[m] <= max_distance {
            out.push(Approx {
                range: offset + start[m]..offset + j + 1,
                distance: cost[m],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn levenshtein_counts_chars_not_bytes() {
        assert_eq!(levenshtein(&chars("Erdogan"), &chars("Erdoğan")), 1);
        assert_eq!(levenshtein(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(levenshtein(&chars(""), &chars("abc")), 3);
    }

    #[test]
    fn finds_an_edited_quote_inside_a_longer_text() {
        let text = chars("Before. Sergey Lavrov met John Kerry in Geneva. After.");
        let pat = chars("Sergei Lavrov met John Kerry");
        let found = approximate_matches(&pat, &text, 2, 0);
        let best = found.iter().min_by_key(|a| a.distance).unwrap();
        assert_eq!(best.distance, 1);
        let s: String = text[best.range.clone()].iter().collect();
        assert_eq!(s, "Sergey Lavrov met John Kerry");
    }

    #[test]
    fn nothing_when_too_different() {
        let text = chars("completely unrelated words here");
        assert!(approximate_matches(&chars("Sergei Lavrov"), &text, 2, 0).is_empty());
    }
}

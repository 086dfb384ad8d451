//! Accent- and case-folding with a map back to the original text, so that "erdogan"
//! finds "Erdoğan" and the matched characters can still be highlighted in the original.
//! Names are folded once when the library arrives, never per keystroke.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A folded copy of a string: lower case, combining marks stripped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded text, what matching runs on.
    pub text: String,
    /// For each char of `text`, in order: (byte offset in `text`, byte offset of the
    /// original char it came from).
    map: Vec<(usize, usize)>,
}

impl Folded {
    /// Folds `original`.
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len());
        for (ob, c) in original.char_indices() {
            let mut push = |f: char, text: &mut String| {
                map.push((text.len(), ob));
                text.push(f);
            };
            match c {
                'ı' => push('i', &mut text),
                'ł' | 'Ł' => push('l', &mut text),
                'ø' | 'Ø' => push('o', &mut text),
                'đ' | 'Đ' => push('d', &mut text),
                'ß' => {
                    push('s', &mut text);
                    push('s', &mut text);
                }
                // Typographic apostrophes and dashes fold to ASCII so a query typed on
                // any keyboard finds "O’Brien".
                '’' | '‘' => push('\'', &mut text),
                '–' | '—' => push('-', &mut text),
                c if c.is_ascii() => push(c.to_ascii_lowercase(), &mut text),
                c => {
                    for l in c.to_lowercase() {
                        for d in std::iter::once(l).nfd() {
                            if !is_combining_mark(d) {
                                push(d, &mut text);
                            }
                        }
                    }
                }
            }
        }
        Folded { text, map }
    }

    /// The original byte offset of the folded char at folded *char* index `i`.
    pub fn original_byte_of_char(&self, i: usize) -> Option<usize> {
        self.map.get(i).map(|&(_, ob)| ob)
    }

    /// Where `query` fuzzy-matches this text, as byte offsets of the matched chars in the
    /// original (for highlighting them); empty when it does not match.
    pub fn fuzzy_hits(&self, matcher: &SkimMatcherV2, query: &str) -> Vec<usize> {
        matcher
            .fuzzy_indices(&self.text, query)
            .map(|(_, idx)| {
                idx.into_iter()
                    .filter_map(|i| self.original_byte_of_char(i))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Maps a folded byte range (e.g. a search match) back to a byte range of the
    /// original text of length `original_len`.
    pub fn original_range(&self, start: usize, end: usize, original_len: usize) -> (usize, usize) {
        let at = |fb: usize| -> usize {
            let i = self.map.partition_point(|&(f, _)| f < fb);
            self.map.get(i).map(|&(_, ob)| ob).unwrap_or(original_len)
        };
        let s = at(start);
        let e = at(end).max(s);
        (s, e)
    }

    /// Length of the folded text in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when the folded text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// Folds a query the same way names are folded.
pub fn fold_query(q: &str) -> String {
    Folded::new(q).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_accents_and_case() {
        assert_eq!(Folded::new("Erdoğan").text, "erdogan");
        assert_eq!(Folded::new("Sergeï LAVROV").text, "sergei lavrov");
        assert_eq!(Folded::new("Straße").text, "strasse");
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let f = Folded::new("Erdoğan said");
        // "ğ" is 2 bytes in the original, one char folded.
        assert_eq!(f.original_byte_of_char(4), Some(4));
        assert_eq!(f.original_byte_of_char(5), Some(6));
        let (s, e) = f.original_range(0, 7, "Erdoğan said".len());
        assert_eq!(&"Erdoğan said"[s..e], "Erdoğan");
    }
}

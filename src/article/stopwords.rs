//! A small English stop-word list for the jusText-style density feature.
//!
//! Source: written for byline from the closed word classes of English (articles,
//! pronouns, determiners, prepositions, conjunctions, auxiliary and modal verbs, and a few
//! very frequent adverbs). It covers the same ground as the well-known Snowball/NLTK lists
//! but was not copied from them. Body text typically has 35–50 % of its words in this list;
//! navigation, credits and name lines have few or none.

/// Sorted, lower-case; looked up with binary search.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "never",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
];

/// Whether a word (any case) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    let word = word.trim_end_matches("'s").trim_end_matches("\u{2019}s");
    pack(word).is_some_and(|key| packed().binary_search(&key).is_ok())
}

/// A short ASCII word lower-cased into one integer: every stop word fits, and comparing
/// integers is much cheaper than comparing strings. `None` for anything longer or non-ASCII.
fn pack(word: &str) -> Option<u128> {
    if word.len() > 16 || !word.is_ascii() {
        return None;
    }
    let mut key = 0u128;
    for (i, b) in word.bytes().enumerate() {
        key |= u128::from(b.to_ascii_lowercase()) << (8 * (15 - i));
    }
    Some(key)
}

fn packed() -> &'static [u128] {
    static KEYS: std::sync::OnceLock<Vec<u128>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys: Vec<u128> = STOP_WORDS.iter().filter_map(|w| pack(w)).collect();
        keys.sort_unstable();
        keys
    })
}

/// Share of `words` that are stop words (0 for no words).
pub fn density(words: &[&str]) -> f32 {
    if words.is_empty() {
        return 0.0;
    }
    let stops = words.iter().filter(|w| is_stop_word(w)).count();
    stops as f32 / words.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn density_separates_prose_from_names() {
        let prose = ["He", "said", "that", "the", "talks", "were", "over"];
        let name = ["Marta", "Quill", "AFP", "Getty", "Images"];
        assert!(density(&prose) > 0.4);
        assert_eq!(density(&name), 0.0);
    }
}

//! Text helpers shared by loading and structure: normalisation, stable hashing, words.
//!
//! Ids must not change between runs or machines, so hashing uses FNV-1a (64 bit), spelled
//! out here, rather than std's randomly seeded hasher.

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes: tiny, deterministic, good enough to tell articles apart.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// Unicode NFC, every run of whitespace collapsed to one space, trimmed. Two files that
/// differ only in line endings, wrapping or composed/decomposed accents normalise alike.
pub fn normalise(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article id: 16 lower-case hex digits of FNV-1a over the normalised text.
pub fn article_id(text: &str) -> String {
    format!("{:016x}", fnv1a(normalise(text).as_bytes()))
}

/// Key of one line for counting repetition across the library: case and whitespace are
/// ignored. `None` for lines without any letter or digit (rules, blank lines).
pub fn line_key(line: &str) -> Option<u64> {
    if !line.chars().any(char::is_alphanumeric) {
        return None;
    }
    let lowered = normalise(line).to_lowercase();
    Some(fnv1a(lowered.as_bytes()))
}

/// Words as Unicode word segmentation sees them ("U.S." and "Kerry's" stay whole).
pub fn words(text: &str) -> Vec<&str> {
    text.unicode_words().collect()
}

/// Number of words, for word counts shown to the user.
pub fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

/// Lower-cased alphanumeric word tokens, for comparing lines with each other.
pub fn tokens(text: &str) -> Vec<String> {
    text.unicode_words()
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_ignores_line_endings_and_spacing() {
        assert_eq!(article_id("a b\r\nc"), article_id("  a  b\nc \n"));
        assert_ne!(article_id("a b c"), article_id("a b d"));
        assert_eq!(article_id("x").len(), 16);
    }

    #[test]
    fn id_ignores_composition() {
        assert_eq!(article_id("Erdo\u{11f}an"), article_id("Erdog\u{306}an"));
    }

    #[test]
    fn fnv_known_value() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}

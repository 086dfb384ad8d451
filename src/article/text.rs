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
    let mut out = String::with_capacity(text.len());
    let already_nfc = unicode_normalization::is_nfc_quick(text.chars())
        == unicode_normalization::IsNormalized::Yes;
    let nfc: std::borrow::Cow<str> = if already_nfc {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    };
    for word in nfc.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
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
    let mut hash = FNV_OFFSET;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    };
    let mut buf = [0u8; 4];
    for (i, word) in line.split_whitespace().enumerate() {
        if i > 0 {
            feed(b" ");
        }
        if word.is_ascii() {
            for b in word.bytes() {
                feed(&[b.to_ascii_lowercase()]);
            }
            continue;
        }
        for c in word.chars().flat_map(char::to_lowercase) {
            feed(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    Some(hash)
}

/// Words as Unicode word segmentation sees them ("U.S." and "Kerry's" stay whole).
pub fn words(text: &str) -> Vec<&str> {
    text.unicode_words().collect()
}

/// Number of words, for word counts shown to the user.
pub fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

/// Word tokens for comparing lines with each other: each word's letters and digits,
/// lower-cased, hashed (no allocation per word). Words without any are dropped.
pub fn tokens(text: &str) -> Vec<u64> {
    tokens_of(&words(text))
}

/// [`tokens`] from words already split.
pub fn tokens_of(words: &[&str]) -> Vec<u64> {
    words.iter().filter_map(|w| token_hash(w)).collect()
}

fn token_hash(word: &str) -> Option<u64> {
    let mut hash = FNV_OFFSET;
    let mut any = false;
    let mut buf = [0u8; 4];
    for c in word.chars().filter(|c| c.is_alphanumeric()) {
        any = true;
        if c.is_ascii() {
            hash = (hash ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(FNV_PRIME);
            continue;
        }
        for l in c.to_lowercase() {
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                hash = (hash ^ u64::from(b)).wrapping_mul(FNV_PRIME);
            }
        }
    }
    any.then_some(hash)
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
    fn line_key_ignores_case_and_spacing() {
        assert_eq!(line_key("Sign  up NOW"), line_key("sign up now"));
        assert_ne!(line_key("sign up now"), line_key("sign up later"));
        assert_eq!(line_key("* * *"), None);
    }

    #[test]
    fn fnv_known_value() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}

//! Tokens and name normalisation shared by the tagger, the resolver and the topic finder.
//!
//! The tokenizer is deliberately simple and tokenization-invariant: "Kerry's" and
//! "Kerry 's", "U.S." and "U.S ." give the same word tokens, so the tagger sees the same
//! features whatever spacing a scraper left.

use unicode_normalization::UnicodeNormalization;

/// One token: a byte range into the text it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// First token of a sentence or a line (capitalisation says little there).
    pub sent_start: bool,
}

/// Abbreviations that keep their full stop ("Mr.", "St.").
const ABBREV: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp",
    "Lt", "Col", "Capt", "Prof", "Gov", "Mt", "Ft", "Rev", "Sgt", "Adm", "Maj", "Bros", "vs",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens; offsets are relative to `text` plus `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut sent_start = true;
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let clen = c.len_utf8();
        if c == '\n' {
            sent_start = true;
            i += clen;
            continue;
        }
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let mut j = i + clen;
            while j < text.len() {
                let Some(d) = text[j..].chars().next() else {
                    break;
                };
                if is_word_char(d) {
                    j += d.len_utf8();
                    continue;
                }
                // Joiners kept inside a word when a word character follows.
                if d == '-' || d == '.' || d == '&' || is_apostrophe(d) {
                    let after = j + d.len_utf8();
                    let next = text[after..].chars().next();
                    if let Some(n) = next.filter(|n| is_word_char(*n)) {
                        if is_apostrophe(d) {
                            // Possessive 's / ’s splits off.
                            let n2 = text[after + n.len_utf8()..].chars().next();
                            if (n == 's' || n == 'S') && !n2.is_some_and(is_word_char) {
                                break;
                            }
                        }
                        if d == '-' && text[start..j].ends_with('.') {
                            break; // "U.S.-Russia"
                        }
                        j = after + n.len_utf8();
                        continue;
                    }
                }
                break;
            }
            // Trailing full stop of an abbreviation: "U.S." / "Mr." / "D.C.".
            if j < text.len() && bytes[j] == b'.' {
                let w = &text[start..j];
                let dotted = w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2);
                let single_cap = w.len() == 1 && w.as_bytes()[0].is_ascii_uppercase();
                if dotted || single_cap || ABBREV.contains(&w) {
                    j += 1;
                }
            }
            out.push(Token {
                text: &text[start..j],
                start: base + start,
                end: base + j,
                sent_start,
            });
            sent_start = false;
            i = j;
            continue;
        }
        // Apostrophe-s as a token of its own.
        if is_apostrophe(c) {
            let after = i + clen;
            let n = text[after..].chars().next();
            let n2 = n.and_then(|n| text[after + n.len_utf8()..].chars().next());
            if matches!(n, Some('s' | 'S')) && !n2.is_some_and(is_word_char) {
                let j = after + 1;
                out.push(Token {
                    text: &text[i..j],
                    start: base + i,
                    end: base + j,
                    sent_start: false,
                });
                i = j;
                continue;
            }
        }
        out.push(Token {
            text: &text[i..i + clen],
            start: base + i,
            end: base + i + clen,
            sent_start,
        });
        if matches!(c, '.' | '?' | '!' | ':' | ';' | '•' | '|') {
            sent_start = true;
        } else if !matches!(
            c,
            '"' | '“' | '”' | '\'' | '‘' | '’' | '(' | '[' | '«' | '»' | '—' | '–' | '-' | '*'
        ) {
            sent_start = false;
        }
        i += clen;
    }
    out
}

/// True when the token starts with an upper-case letter, or is a particle joined to a
/// capitalised name ("al-Assad", "el-Sisi").
pub fn is_capitalised(s: &str) -> bool {
    if s.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    match s.split_once('-') {
        Some((head, tail)) => {
            PARTICLES.contains(&head) && tail.chars().next().is_some_and(char::is_uppercase)
        }
        None => false,
    }
}

/// Collapses runs of whitespace (including no-break spaces) into one space.
pub fn squash_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when every letter is upper case and there are at least two letters.
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Lower case with accents removed ("Erdoğan" → "erdogan").
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
        return out;
    }
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            '’' | '‘' => out.push('\''),
            'ı' => out.push('i'),
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Name particles that may be written joined ("al-Assad") or apart ("al Assad") and are
/// dropped when a surname stands alone ("Assad").
pub const PARTICLES: &[&str] = &[
    "al", "el", "al-", "bin", "ibn", "abu", "van", "von", "der", "den", "de", "da", "di", "du",
    "del", "della", "la", "le", "ter", "ten", "dos", "das",
];

/// Words of a name after folding, with hyphenated particles split ("al-assad" → "al",
/// "assad") and transliteration variants unified ("sergey" → "sergei").
pub fn name_words(s: &str) -> Vec<String> {
    let folded = fold(s);
    let mut words = Vec::new();
    for raw in folded.split(|c: char| c.is_whitespace() || c == '_') {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let w = w.strip_suffix("'s").unwrap_or(w);
        // Split "al-assad" but keep ordinary hyphenated names ("Smith-Jones") together.
        let mut rest = w;
        while let Some((head, tail)) = rest.split_once('-') {
            if PARTICLES.contains(&head) {
                words.push(head.to_string());
                rest = tail;
            } else {
                break;
            }
        }
        words.push(translit(rest));
    }
    words
}

/// Unifies common transliteration variants: y→i between letters, "-ey"→"-ei", "-iy"→"-i",
/// doubled letters kept. Applied to name words only.
fn translit(w: &str) -> String {
    let mut s: String = w
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '.')
        .collect();
    if let Some(stem) = s.strip_suffix("iy") {
        s = format!("{stem}i");
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == 'y' && i > 0 {
            out.push('i');
        } else {
            out.push(c);
        }
    }
    out
}

/// Lower-case ASCII slug for ids: "John Kerry" → "john-kerry", "U.S." → "u-s".
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens_split_possessives_and_keep_abbreviations() {
        assert_eq!(
            words("Kerry's visit to the U.S. today."),
            ["Kerry", "'s", "visit", "to", "the", "U.S.", "today", "."]
        );
        assert_eq!(words("Kerry 's visit"), ["Kerry", "'s", "visit"]);
        assert_eq!(
            words("Bashar al-Assad met Mr. Putin"),
            ["Bashar", "al-Assad", "met", "Mr.", "Putin"]
        );
        assert_eq!(words("U.S.-Russia ties"), ["U.S.", "-", "Russia", "ties"]);
    }

    #[test]
    fn sentence_starts_follow_stops_quotes_and_lines() {
        let t = tokenize("He left. “While we\nAnalysis", 0);
        let starts: Vec<&str> = t.iter().filter(|t| t.sent_start).map(|t| t.text).collect();
        assert_eq!(starts, ["He", "“", "While", "Analysis"]);
    }

    #[test]
    fn names_fold_transliteration_and_particles() {
        assert_eq!(name_words("Sergey Lavrov"), name_words("Sergei Lavrov"));
        assert_eq!(name_words("Bashar al-Assad"), name_words("Bashar al Assad"));
        assert_eq!(name_words("Erdoğan"), ["erdogan"]);
        assert_eq!(slug("U.S."), "u-s");
        assert_eq!(slug("John Kerry"), "john-kerry");
    }
}

//! Word lists compiled into the binary (see `data/SOURCES.md` for where each comes from).
//!
//! Lists are parsed once, on first use, into hash sets keyed by the folded form
//! ([`super::text::fold`]), so lookups ignore case and accents.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::ner::features::{BuildFx, phrase_hash, word_hash};
use super::text::fold;

/// Bit flags for what a single word is known as.
pub mod flag {
    pub const FIRST_NAME: u16 = 1;
    pub const SURNAME: u16 = 1 << 1;
    pub const PLACE: u16 = 1 << 2;
    pub const COUNTRY: u16 = 1 << 3;
    pub const DEMONYM: u16 = 1 << 4;
    pub const ORG_HEAD: u16 = 1 << 5;
    pub const ORG_SUFFIX: u16 = 1 << 6;
    pub const TITLE: u16 = 1 << 7;
    pub const STOP: u16 = 1 << 8;
    pub const PLACE_PART: u16 = 1 << 9;
    pub const ORG: u16 = 1 << 10;
    pub const ORG_PART: u16 = 1 << 11;
    /// An English dictionary word written in lower case ("while", "participation").
    pub const COMMON: u16 = 1 << 12;
    /// A word the dictionary writes only capitalised ("Geneva", "Monday").
    pub const DICT_PROPER: u16 = 1 << 13;
}

/// Number of flag bits in use (features iterate over them).
pub const FLAG_BITS: u64 = 14;

/// The parsed lists.
pub struct Gazetteer {
    words: HashMap<String, u16, BuildFx>,
    /// Multi-word places ("new york"), folded, words joined by one space.
    places: HashSet<String, BuildFx>,
    /// Country names, folded ("south korea").
    countries: HashSet<String, BuildFx>,
    /// Multi-word organisations ("united nations"), folded.
    orgs: HashSet<String, BuildFx>,
    /// The same lists keyed by [`word_hash`] / [`phrase_hash`]: the tagger's hot path looks
    /// words up by the hash it computes anyway, without comparing strings.
    words_h: HashMap<u64, u16, BuildFx>,
    places_h: HashSet<u64, BuildFx>,
    orgs_h: HashSet<u64, BuildFx>,
    /// Longest place name in words.
    pub max_place_words: usize,
    /// Folded variant → canonical name ("u.s." → "United States").
    aliases: HashMap<String, String>,
}

static GAZ: OnceLock<Gazetteer> = OnceLock::new();

/// Common function words: never an entity on their own, and topic phrases do not start or
/// end with them.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "afterwards",
    "again",
    "against",
    "all",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "always",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyone",
    "anything",
    "are",
    "around",
    "as",
    "at",
    "back",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "beside",
    "besides",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "enough",
    "even",
    "ever",
    "every",
    "everyone",
    "everything",
    "except",
    "few",
    "for",
    "former",
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
    "however",
    "i",
    "if",
    "in",
    "including",
    "indeed",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "like",
    "many",
    "may",
    "me",
    "meanwhile",
    "might",
    "more",
    "moreover",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "never",
    "nevertheless",
    "next",
    "no",
    "nobody",
    "none",
    "nor",
    "not",
    "nothing",
    "now",
    "of",
    "off",
    "often",
    "on",
    "once",
    "one",
    "only",
    "onto",
    "or",
    "other",
    "others",
    "otherwise",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "perhaps",
    "please",
    "rather",
    "same",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "somehow",
    "someone",
    "something",
    "sometimes",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "themselves",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "to",
    "together",
    "too",
    "toward",
    "towards",
    "under",
    "unless",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "well",
    "were",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whoever",
    "whole",
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
    "said",
    "says",
    "say",
    "told",
    "tell",
    "also",
    "new",
    "first",
    "second",
    "two",
    "three",
    "year",
    "years",
    "time",
    "times",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "today",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
    "people",
    "way",
    "part",
    "point",
    "number",
    "lot",
    "thing",
    "things",
    "make",
    "made",
    "get",
    "got",
    "go",
    "going",
    "went",
    "come",
    "came",
    "take",
    "took",
    "see",
    "saw",
    "know",
    "knew",
    "think",
    "thought",
    "want",
    "use",
    "used",
    "need",
    "look",
    "work",
    "works",
    "good",
    "great",
    "big",
    "long",
    "little",
    "old",
    "high",
    "own",
    "right",
    "left",
    "able",
    "sure",
    "yes",
    "ago",
    "end",
    "begin",
    "began",
    "put",
    "set",
    "let",
    "keep",
    "kept",
    "give",
    "gave",
    "find",
    "found",
    "mean",
    "means",
    "seems",
    "seem",
    "seemed",
    "likely",
    "possible",
    "important",
    "recent",
    "recently",
    "current",
    "currently",
    "early",
    "late",
    "later",
    "soon",
    "far",
    "near",
    "real",
    "really",
    "certain",
    "clear",
    "different",
    "same",
    "new",
    "news",
    "report",
    "reported",
    "according",
    "analysis",
    "comments",
    "comment",
    "related",
    "share",
    "sign",
    "read",
    "image",
    "photo",
    "getty",
    "images",
    "ap",
    "reuters",
    "afp",
    "editor",
    "editors",
    "note",
];

impl Gazetteer {
    /// The shared instance, parsed on first use.
    pub fn get() -> &'static Gazetteer {
        GAZ.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut words: HashMap<String, u16, BuildFx> = HashMap::default();
        let mut places: HashSet<String, BuildFx> = HashSet::default();
        let mut max_place_words = 1;
        let mut add = |w: &str, f: u16| {
            *words.entry(fold(w)).or_insert(0) |= f;
        };
        for l in lines(include_str!("../../data/first_names.txt")) {
            add(l, flag::FIRST_NAME);
        }
        for l in lines(include_str!("../../data/surnames.txt")) {
            add(l, flag::SURNAME);
        }
        for l in lines(include_str!("../../data/demonyms.txt")) {
            add(l, flag::DEMONYM);
        }
        for l in lines(include_str!("../../data/org_heads.txt")) {
            add(l, flag::ORG_HEAD);
        }
        for l in lines(include_str!("../../data/org_suffixes.txt")) {
            add(l, flag::ORG_SUFFIX);
        }
        for l in lines(include_str!("../../data/person_titles.txt")) {
            add(l, flag::TITLE);
        }
        for l in lines(include_str!("../../data/common_words.txt")) {
            add(l, flag::COMMON);
        }
        for l in lines(include_str!("../../data/dict_proper.txt")) {
            add(l, flag::DICT_PROPER);
        }
        for w in STOP_WORDS {
            add(w, flag::STOP);
        }
        let mut add_place = |l: &str, f: u16, words: &mut HashMap<String, u16, BuildFx>| {
            let key = fold(l);
            let n = key.split(' ').count();
            if n == 1 {
                *words.entry(key).or_insert(0) |= f;
            } else {
                for part in key.split(' ') {
                    *words.entry(part.to_string()).or_insert(0) |= flag::PLACE_PART;
                }
                max_place_words = max_place_words.max(n);
                places.insert(key);
            }
        };
        for l in lines(include_str!("../../data/places.txt")) {
            add_place(l, flag::PLACE, &mut words);
        }
        let mut countries: HashSet<String, BuildFx> = HashSet::default();
        for l in lines(include_str!("../../data/countries.txt")) {
            add_place(l, flag::COUNTRY | flag::PLACE, &mut words);
            countries.insert(fold(l));
        }
        let mut orgs: HashSet<String, BuildFx> = HashSet::default();
        for l in lines(include_str!("../../data/organizations.txt")) {
            let key = fold(l);
            if key.contains(' ') {
                for part in key.split(' ') {
                    *words.entry(part.to_string()).or_insert(0) |= flag::ORG_PART;
                }
                max_place_words = max_place_words.max(key.split(' ').count());
                orgs.insert(key);
            } else {
                *words.entry(key).or_insert(0) |= flag::ORG;
            }
        }
        let mut aliases = HashMap::new();
        for l in lines(include_str!("../../data/aliases.tsv")) {
            if let Some((k, v)) = l.split_once('\t') {
                aliases.insert(fold(k), v.to_string());
            }
        }
        let words_h = words.iter().map(|(k, v)| (word_hash(k), *v)).collect();
        let ph = |k: &String| phrase_hash(k.split(' ').map(word_hash));
        let places_h = places.iter().map(ph).collect();
        let orgs_h = orgs.iter().map(ph).collect();
        Gazetteer {
            words_h,
            places_h,
            orgs_h,
            countries,
            words,
            places,
            orgs,
            max_place_words: max_place_words.min(5),
            aliases,
        }
    }

    /// Flags of one word (folded lookup).
    pub fn flags(&self, word: &str) -> u16 {
        if let Some(f) = self.words.get(word) {
            return *f;
        }
        self.words.get(&fold(word)).copied().unwrap_or(0)
    }

    /// Flags of a word by the [`word_hash`] of its folded form.
    #[inline]
    pub fn flags_hashed(&self, h: u64) -> u16 {
        self.words_h.get(&h).copied().unwrap_or(0)
    }

    /// Whether a phrase, by [`phrase_hash`], is a known multi-word place.
    #[inline]
    pub fn is_place_phrase_hashed(&self, h: u64) -> bool {
        self.places_h.contains(&h)
    }

    /// Whether a phrase, by [`phrase_hash`], is a known multi-word organisation.
    #[inline]
    pub fn is_org_phrase_hashed(&self, h: u64) -> bool {
        self.orgs_h.contains(&h)
    }

    /// Flags of an already folded word.
    pub fn flags_folded(&self, folded: &str) -> u16 {
        self.words.get(folded).copied().unwrap_or(0)
    }

    /// Whether a folded multi-word phrase ("new york") is a known place.
    pub fn is_place_phrase(&self, folded: &str) -> bool {
        self.places.contains(folded)
    }

    /// Whether a folded name is a country ("south korea", "england").
    pub fn is_country(&self, folded: &str) -> bool {
        self.countries.contains(folded)
            || matches!(folded, "england" | "scotland" | "wales" | "korea")
            || self
                .alias(folded)
                .is_some_and(|c| self.countries.contains(&fold(c)))
    }

    /// Whether a folded multi-word phrase ("united nations") is a known organisation.
    pub fn is_org_phrase(&self, folded: &str) -> bool {
        self.orgs.contains(folded)
    }

    /// The canonical name of a known variant ("US" → "United States").
    pub fn alias(&self, surface: &str) -> Option<&str> {
        self.aliases.get(&fold(surface)).map(String::as_str)
    }
}

fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_fold() {
        let g = Gazetteer::get();
        assert!(g.flags("John") & flag::FIRST_NAME != 0);
        assert!(g.flags("Moscow") & flag::PLACE != 0);
        assert!(g.flags("Russian") & flag::DEMONYM != 0);
        assert!(g.flags("Institute") & flag::ORG_HEAD != 0);
        assert!(g.is_place_phrase("united states"));
        assert_eq!(g.alias("U.S."), Some("United States"));
    }
}

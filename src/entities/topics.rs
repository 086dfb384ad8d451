//! Topics: key phrases that recur across articles, and topics the user defines.
//!
//! Key phrases are word n-grams (1–3 words) bounded by stop words and punctuation, with at
//! least one lower-case word (so names stay names), found in at least two articles. They
//! are ranked by document frequency, total frequency and length, and capped.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use super::gazetteer::flag;
use super::ner::features::{BuildFx, TokInfo};
use super::text::{Token, fold, slug};
use super::{Entity, EntityKind, Mention, TopicDef};

/// Most key-phrase topics kept for a library.
pub const MAX_KEY_PHRASES: usize = 40;

/// Words too common in news to be a topic on their own (they may sit inside a phrase).
const GENERIC: &[&str] = &[
    "official",
    "officials",
    "president",
    "minister",
    "secretary",
    "country",
    "countries",
    "government",
    "state",
    "states",
    "meeting",
    "meetings",
    "relation",
    "relations",
    "issue",
    "issues",
    "visit",
    "effort",
    "efforts",
    "foreign",
    "military",
    "political",
    "policy",
    "public",
    "national",
    "international",
    "world",
    "side",
    "sides",
    "leader",
    "leaders",
    "question",
    "questions",
    "statement",
    "statements",
    "interview",
    "press",
    "agenda",
    "role",
    "support",
    "position",
    "interest",
    "interests",
    "situation",
    "problem",
    "problems",
    "view",
    "views",
    "case",
    "fact",
    "kind",
    "sort",
    "term",
    "terms",
    "level",
    "place",
    "power",
    "history",
    "area",
    "region",
    "group",
    "groups",
    "member",
    "members",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "story",
    "article",
    "comment",
    "comments",
    "spokesperson",
    "spokesman",
    "head",
    "chief",
    "director",
    "senior",
    "told",
    "according",
    "added",
    "noted",
    "including",
    "cooperation",
    "american",
    "russian",
    "western",
    "united",
    "common",
    "conflict",
    "crisis",
    "deal",
    "talks",
    "agreement",
    "agreements",
    "program",
    "negotiations",
    // Common verbs, adverbs and adjectives: never a topic on their own, nor at a phrase's edge.
    "happen",
    "happens",
    "happened",
    "remain",
    "remains",
    "remained",
    "quite",
    "believe",
    "believes",
    "especially",
    "outside",
    "inside",
    "start",
    "started",
    "starts",
    "continue",
    "continues",
    "continued",
    "difficult",
    "significant",
    "ground",
    "steps",
    "step",
    "speak",
    "speaks",
    "spoke",
    "speaking",
    "outside",
    "become",
    "becomes",
    "becoming",
    "bring",
    "brings",
    "brought",
    "called",
    "calls",
    "call",
    "change",
    "changes",
    "changed",
    "clear",
    "close",
    "closer",
    "either",
    "enough",
    "expected",
    "expect",
    "expects",
    "following",
    "given",
    "going",
    "help",
    "helped",
    "helps",
    "hold",
    "holds",
    "held",
    "include",
    "includes",
    "included",
    "keep",
    "likely",
    "long",
    "major",
    "meet",
    "meets",
    "move",
    "moves",
    "moved",
    "need",
    "needs",
    "needed",
    "open",
    "order",
    "possible",
    "potential",
    "previous",
    "recent",
    "result",
    "results",
    "said",
    "seen",
    "sense",
    "serious",
    "show",
    "shows",
    "showed",
    "simply",
    "small",
    "large",
    "strong",
    "suggest",
    "suggested",
    "suggests",
    "taken",
    "taking",
    "tried",
    "trying",
    "try",
    "turn",
    "turned",
    "understand",
    "whole",
    "wrote",
    "write",
    "writes",
    "working",
    "worked",
    "appear",
    "appears",
    "appeared",
    "allow",
    "allowed",
    "allows",
    "agree",
    "agreed",
    "agrees",
    "asked",
    "ask",
    "asks",
    "different",
    "final",
    "full",
    "further",
    "hard",
    "higher",
    "important",
    "issue",
    "less",
    "main",
    "matter",
    "needs",
    "number",
    "particular",
    "particularly",
    "past",
    "present",
    "rare",
    "ready",
    "real",
    "recently",
    "seems",
    "similar",
    "specific",
    "suggesting",
    "thing",
    "things",
    "today",
    "top",
    "toward",
    "whether",
    "would",
    "again",
    "away",
    "between",
    "despite",
    "though",
    "almost",
    "already",
    "certainly",
    "clearly",
    "actually",
    "probably",
    "perhaps",
    "rather",
    "really",
    "largely",
    "nearly",
    "recent",
    "likely",
    "unlikely",
    "little",
    "much",
    "many",
    "several",
    "among",
    "meanwhile",
    "ahead",
    "later",
    "earlier",
    "since",
    "around",
    "across",
    "behind",
    "instead",
    "future",
    "week",
    "weekend",
    "morning",
    "evening",
    "night",
    "hours",
    "minutes",
    "years",
    "months",
    "decades",
    "times",
    "latest",
    "first",
    "second",
    "third",
    "last",
    "next",
];

/// Words that end no phrase ("russia remain", "quite significant").
const VERBISH: &[&str] = &[
    "remain",
    "remains",
    "happen",
    "happens",
    "quite",
    "believe",
    "continue",
    "continues",
    "start",
    "speaks",
    "speak",
    "especially",
    "outside",
    "said",
    "says",
    "told",
    "called",
    "expected",
    "likely",
    "help",
    "seems",
    "agreed",
    "asked",
    "given",
    "taken",
    "held",
    "made",
    "meet",
    "meets",
];

/// A single word too vague to be a topic on its own: an adjective by its ending
/// ("diplomatic", "political", "effective") or an abstract noun of the kind every article
/// uses ("solution", "progress"). Phrases containing them stay ("political solution").
fn vague_single(w: &str) -> bool {
    const ADJ: &[&str] = &[
        "ic", "al", "ive", "ous", "ful", "less", "able", "ible", "ary", "ly", "ish",
    ];
    const VAGUE: &[&str] = &[
        "solution",
        "progress",
        "relationship",
        "pressure",
        "representative",
        "administration",
        "conference",
        "force",
        "situation",
        "position",
        "process",
        "interest",
        "approach",
        "support",
        "question",
        "decision",
        "development",
        "agreement",
        "effort",
        "statement",
    ];
    (ADJ.iter().any(|s| w.ends_with(s)) && !w.ends_with("ss")) || VAGUE.contains(&w)
}

/// One content word of a candidate segment.
struct SegWord<'t> {
    index: usize,
    /// Folded form.
    word: &'t str,
    /// Written in lower case (phrases need one such word: not a name).
    lower: bool,
    /// Inside a person mention.
    in_name: bool,
    generic: bool,
    verbish: bool,
}

/// [`GENERIC`] and [`VERBISH`] as hash sets (they are consulted for every word).
struct WordSets {
    generic: HashSet<&'static str, BuildFx>,
    verbish: HashSet<&'static str, BuildFx>,
}

fn word_sets() -> &'static WordSets {
    static SETS: OnceLock<WordSets> = OnceLock::new();
    SETS.get_or_init(|| WordSets {
        generic: GENERIC.iter().copied().collect(),
        verbish: VERBISH.iter().copied().collect(),
    })
}

/// Candidate key phrases of one article: `sink(key, start, end)` is called for every
/// occurrence, in text order per segment, with the normalised phrase and its byte range
/// (its surface is `text[start..end]`).
///
/// `names` are byte ranges of person mentions: phrases touching them are not topics.
///
/// `infos` are the tokens' [`TokInfo`] (folded form and word-list flags), computed once for
/// the tagger and reused here; `names` must be sorted by start.
pub fn article_phrases<'t>(
    text: &str,
    tokens: &[Token<'_>],
    infos: &'t [TokInfo],
    names: &[(usize, usize)],
    mut sink: impl FnMut(&str, usize, usize),
) {
    let sets = word_sets();
    // Segments: runs of content words not interrupted by stop words, punctuation or lines.
    let mut seg: Vec<SegWord<'t>> = Vec::new();
    let mut key = String::new();
    let mut flush = |seg: &mut Vec<SegWord<'t>>| {
        for i in 0..seg.len() {
            for n in 1..=3 {
                if i + n > seg.len() {
                    break;
                }
                let part = &seg[i..i + n];
                if !part.iter().any(|p| p.lower) {
                    continue;
                }
                let (first, last) = (&part[0], &part[n - 1]);
                if n == 1 && (first.generic || first.word.chars().count() < 5) {
                    continue;
                }
                if n > 1 && first.generic && last.generic {
                    continue;
                }
                if part.iter().any(|p| p.in_name) {
                    continue;
                }
                if n > 1 && (first.verbish || last.verbish) {
                    continue;
                }
                let (a, b) = (tokens[first.index].start, tokens[last.index].end);
                key.clear();
                for (k, p) in part.iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(p.word);
                }
                if key.len() > 4 && key.ends_with('s') && !key.ends_with("ss") {
                    key.pop();
                }
                if text.get(a..b).is_none() {
                    continue;
                }
                sink(key.as_str(), a, b);
            }
        }
        seg.clear();
    };
    let mut name_at = 0;
    for (i, t) in tokens.iter().enumerate() {
        let word =
            t.text.chars().all(|c| c.is_alphabetic() || c == '-') && t.text.chars().count() >= 3;
        let newline = i > 0
            && text
                .get(tokens[i - 1].end..t.start)
                .is_none_or(|g| g.contains('\n'));
        if newline {
            flush(&mut seg);
        }
        if !word {
            flush(&mut seg);
            continue;
        }
        let Some(info) = infos.get(i) else {
            break;
        };
        let f = info.lower.as_str();
        let g = info.gaz;
        if g & (flag::STOP | flag::TITLE) != 0
            && !t.text.chars().next().is_some_and(char::is_uppercase)
            || g & flag::STOP != 0
        {
            flush(&mut seg);
            continue;
        }
        let lower = t.text.chars().next().is_some_and(char::is_lowercase);
        while names.get(name_at).is_some_and(|&(_, b)| b <= t.start) {
            name_at += 1;
        }
        let in_name = names
            .get(name_at)
            .is_some_and(|&(a, b)| t.start < b && a < t.end);
        seg.push(SegWord {
            index: i,
            word: f,
            lower,
            in_name,
            generic: sets.generic.contains(f),
            verbish: sets.verbish.contains(f),
        });
    }
    flush(&mut seg);
}

/// Key-phrase statistics of a whole library: document and total frequency per normalised
/// phrase, each phrase stored once.
#[derive(Debug, Default)]
pub struct PhraseStats {
    ids: HashMap<Box<str>, u32, BuildFx>,
    /// Per phrase id: (articles containing it, occurrences).
    counts: Vec<(usize, usize)>,
    /// Phrase id → the article that last counted it (for the document frequency).
    last_article: Vec<usize>,
}

impl PhraseStats {
    /// Counts one occurrence of `key` in article `article` (articles in any order, but all
    /// occurrences of one article together).
    pub fn add(&mut self, article: usize, key: &str, occurrences: usize) {
        let id = match self.ids.get(key) {
            Some(&id) => id as usize,
            None => {
                let id = self.counts.len();
                // At most one id per distinct phrase; fewer than 2^32 of them by far.
                self.ids.insert(key.into(), id as u32);
                self.counts.push((0, 0));
                self.last_article.push(usize::MAX);
                id
            }
        };
        if self.last_article[id] != article {
            self.last_article[id] = article;
            self.counts[id].0 += 1;
        }
        self.counts[id].1 += occurrences;
    }

    /// The phrases chosen as topics, best first ([`MAX_KEY_PHRASES`] at most).
    pub fn choose(&self) -> Vec<String> {
        let mut cands: Vec<(&str, f64, usize)> = self
            .ids
            .iter()
            .filter_map(|(k, &id)| Some((&**k, *self.counts.get(id as usize)?)))
            .filter(|(k, (d, tf))| {
                *d >= 2 && (k.contains(' ') || (*tf >= 4 && *d >= 3 && !vague_single(k)))
            })
            .map(|(k, (d, tf))| {
                let n = k.split(' ').count() as f64;
                (k, d as f64 * (1.0 + tf as f64).ln() * n.powf(1.3), tf)
            })
            .collect();
        cands.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        let mut chosen: Vec<(&str, usize)> = Vec::new();
        for (k, _, tf) in cands {
            if chosen.len() >= MAX_KEY_PHRASES {
                break;
            }
            // Skip a phrase mostly covered by a longer chosen one, and vice versa.
            let covered = chosen.iter().any(|(c, ctf)| {
                (c.contains(k) && *ctf * 10 >= tf * 7) || (k.contains(c) && tf * 10 >= *ctf * 7)
            });
            if !covered {
                chosen.push((k, tf));
            }
        }
        chosen.into_iter().map(|(k, _)| k.to_string()).collect()
    }
}

/// The surfaces and mentions of one chosen key phrase across the library.
#[derive(Debug, Default, Clone)]
pub struct ChosenHits {
    pub surfaces: BTreeMap<String, usize>,
    /// In article order, then text order.
    pub mentions: Vec<Mention>,
}

/// Turns the chosen key phrases (from [`PhraseStats::choose`]) and their hits into topic
/// entities, skipping ids in `reserved`.
pub fn key_phrase_entities(
    chosen: &[String],
    hits: Vec<ChosenHits>,
    reserved: &[String],
) -> Vec<Entity> {
    let mut out = Vec::new();
    for (k, h) in chosen.iter().zip(hits) {
        let ChosenHits {
            surfaces,
            mut mentions,
        } = h;
        let name = surfaces
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(s, _)| s.to_lowercase())
            .unwrap_or_else(|| k.to_string());
        let id = format!("topic:{}", slug(&name));
        if reserved.contains(&id) {
            continue;
        }
        let aliases = surfaces
            .keys()
            .filter(|s| s.to_lowercase() != name)
            .cloned()
            .collect();
        mentions.sort_by_key(|m| (m.article, m.start));
        mentions.shrink_to_fit();
        out.push(Entity {
            id,
            name,
            kind: EntityKind::Topic,
            aliases,
            mentions,
        });
    }
    out
}

/// Mentions of user-defined topics in one article: each keyword matched case- and
/// accent-insensitively on word boundaries. Returns (topic index, start, end).
pub fn user_topic_hits(defs: &[TopicDef], tokens: &[Token<'_>]) -> Vec<(usize, usize, usize)> {
    if defs.is_empty() {
        return Vec::new();
    }
    let folded: Vec<String> = tokens.iter().map(|t| fold(t.text)).collect();
    let mut out = Vec::new();
    for (ti, def) in defs.iter().enumerate() {
        for kw in &def.keywords {
            let kw_tokens = super::text::tokenize(kw, 0);
            let words: Vec<String> = kw_tokens.iter().map(|t| fold(t.text)).collect();
            if words.is_empty() {
                continue;
            }
            for i in 0..folded.len().saturating_sub(words.len() - 1) {
                if folded[i..i + words.len()] == words[..] {
                    out.push((ti, tokens[i].start, tokens[i + words.len() - 1].end));
                }
            }
        }
    }
    out
}

/// Id of a user-defined topic.
pub fn user_topic_id(def: &TopicDef) -> String {
    format!("topic:{}", slug(&def.name))
}

//! What the classifier knows about one unit on its own: length, stop-word density,
//! punctuation, capitalisation and a few shapes (credit, call to action, name, date).
//!
//! Each shape is a small documented predicate so decisions in `classify` read as rules.
//! The word lists here are generic vocabulary of news pages and web furniture, not phrases
//! taken from any particular site.

use super::stopwords;
use super::text;

/// Measurements of one unit's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    /// The unit's text, lines joined, Markdown heading markers removed.
    pub text: String,
    /// Markdown ATX heading level (`#` = 1), if the unit is a heading.
    pub heading: Option<usize>,
    pub words: usize,
    pub chars: usize,
    /// Share of words in the stop-word list (jusText's main signal).
    pub stop_density: f32,
    /// Share of words that start with an upper-case letter.
    pub cap_ratio: f32,
    /// Ends with `.`, `!`, `?` or `…` (closing quotes and brackets skipped).
    pub ends_sentence: bool,
    /// Ends with `.` or `…` specifically: headlines and subheads rarely do.
    pub ends_period: bool,
    pub ends_question: bool,
    /// Hashed lower-cased word tokens, for comparing units with each other.
    pub tokens: Vec<u64>,
    /// Key for counting this line across the library.
    pub key: Option<u64>,
}

impl Features {
    /// Measures a unit's joined text.
    pub fn of(raw: &str) -> Features {
        let (heading, body) = split_heading(raw.trim());
        let words = text::words(body);
        let last = last_significant_char(body);
        Features {
            text: body.to_string(),
            heading,
            words: words.len(),
            chars: body.chars().count(),
            stop_density: stopwords::density(&words),
            cap_ratio: cap_ratio(&words),
            ends_sentence: last.is_some_and(|c| matches!(c, '.' | '!' | '?' | '…')),
            ends_period: last.is_some_and(|c| matches!(c, '.' | '…')),
            ends_question: last == Some('?'),
            tokens: text::tokens_of(&words),
            key: text::line_key(body),
        }
    }
}

/// [`Features::key`] of a unit's joined text without measuring the rest: the loader's
/// first pass needs only the keys, and keeping full features for a whole library until its
/// line counts are known would cost several times the library's size in memory.
pub fn key_of(raw: &str) -> Option<u64> {
    text::line_key(split_heading(raw.trim()).1)
}

fn split_heading(line: &str) -> (Option<usize>, &str) {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    match line.get(hashes..) {
        Some(rest) if (1..=6).contains(&hashes) && rest.starts_with(' ') => {
            (Some(hashes), rest.trim().trim_end_matches('#').trim_end())
        }
        _ => (None, line),
    }
}

fn cap_ratio(words: &[&str]) -> f32 {
    if words.is_empty() {
        return 0.0;
    }
    let caps = words.iter().filter(|w| starts_upper(w)).count();
    caps as f32 / words.len() as f32
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The last character that carries meaning: closing quotes, brackets and emphasis skipped.
fn last_significant_char(s: &str) -> Option<char> {
    s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '*' | '_')
    })
    .chars()
    .next_back()
}

fn lower_words(s: &str) -> Vec<String> {
    text::words(s).iter().map(|w| w.to_lowercase()).collect()
}

/// Labels that introduce a picture credit.
const CREDIT_LABELS: &[&str] = &[
    "photo:",
    "photo by",
    "photos:",
    "photos by",
    "photograph:",
    "photograph by",
    "picture:",
    "pictures:",
    "image:",
    "images:",
    "credit:",
    "photo credit",
    "image credit",
    "illustration:",
    "illustration by",
    "video:",
    "©",
    "(c)",
    "copyright",
    "pic:",
];

/// Picture agencies whose name alone ends a credit ("AFP via Getty Images").
const PICTURE_AGENCIES: &[&str] = &[
    "getty images",
    "reuters",
    "afp",
    "ap",
    "ap photo",
    "associated press",
    "epa",
    "epa-efe",
    "shutterstock",
    "alamy",
    "xinhua",
    "tass",
    "ria novosti",
    "sputnik",
    "anadolu",
    "bloomberg",
    "pool",
];

/// The whole unit is a picture credit: "Name/Agency/Getty Images", "Photo: X",
/// "(Name/Reuters)", "AFP via Getty Images".
pub fn is_credit_only(f: &Features) -> bool {
    let t = strip_parens(f.text.trim());
    if f.words == 0 || f.words > 12 || (f.ends_period && f.stop_density > 0.2) {
        return false;
    }
    let lower = t.to_lowercase();
    CREDIT_LABELS.iter().any(|l| lower.starts_with(l))
        || is_slash_credit(t)
        || ends_with_agency(&lower) && f.stop_density <= 0.15 && f.words <= 8
}

fn strip_parens(t: &str) -> &str {
    t.strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(t)
}

fn ends_with_agency(lower: &str) -> bool {
    let lower = lower.trim_end_matches(['.', ')']);
    PICTURE_AGENCIES.iter().any(|a| {
        lower == *a || lower.ends_with(&format!(" {a}")) || lower.ends_with(&format!("/{a}"))
    })
}

/// "Marta Quill/AFP/Getty Images": two to five capitalised name parts joined by
/// slashes, ten words at most.
fn is_slash_credit(t: &str) -> bool {
    let parts: Vec<&str> = t.split('/').map(str::trim).collect();
    if !(2..=5).contains(&parts.len()) || t.contains("://") {
        return false;
    }
    let total: usize = parts.iter().map(|p| p.split_whitespace().count()).sum();
    total <= 10
        && parts.iter().all(|p| {
            let n = p.split_whitespace().count();
            (1..=4).contains(&n) && p.split_whitespace().all(|w| starts_upper(w) || w == "via")
        })
}

/// A caption that ends with its credit: "… in Port Selin on June 3. Photo: Alder Wire" or
/// "… in Dalmor on Friday. (Ilse Brand/Reuters)".
pub fn has_trailing_credit(f: &Features) -> bool {
    let t = f.text.trim();
    if f.words < 4 {
        return false;
    }
    if let Some(open) = t.rfind('(') {
        let tail = t.get(open..).unwrap_or("");
        if tail.ends_with(')') && open > 0 && is_slash_credit(strip_parens(tail)) {
            return true;
        }
    }
    // Only the end of the line can hold a trailing credit.
    let tail_start = t.char_indices().rev().nth(80).map_or(0, |(i, _)| i);
    let lower = t.get(tail_start..).unwrap_or(t).to_lowercase();
    [
        "photo:",
        "photograph:",
        "photo by ",
        "image:",
        "credit:",
        "picture:",
    ]
    .iter()
    .filter_map(|label| lower.rfind(label))
    .any(|pos| {
        pos + tail_start > 0
            && lower
                .get(pos..)
                .is_some_and(|rest| rest.split_whitespace().count() <= 8)
    })
}

/// Verbs in the third-person present that photo captions use ("X speaks during …").
const CAPTION_VERBS: &[&str] = &[
    "addresses",
    "arrives",
    "attends",
    "boards",
    "celebrates",
    "chats",
    "delivers",
    "enters",
    "gestures",
    "greets",
    "holds",
    "inspects",
    "leaves",
    "listens",
    "looks",
    "meets",
    "pictured",
    "poses",
    "prepares",
    "reacts",
    "reviews",
    "seen",
    "shakes",
    "signs",
    "sits",
    "smiles",
    "speaks",
    "stands",
    "talks",
    "visits",
    "walks",
    "watches",
    "waves",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Position markers only captions use: "(left)", ", right,", "from left".
fn has_position_marker(lower: &str) -> bool {
    [
        "(left)",
        "(right)",
        "(center)",
        "(centre)",
        ", left,",
        ", right,",
        ", centre,",
        ", center,",
        "from left",
        "(l-r)",
        "(l to r)",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

/// Mentions a date or weekday ("on April 30, 2013", "on Thursday").
pub fn mentions_date(f: &Features) -> bool {
    let is_word = |w: &str, list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(w));
    text::words(&f.text).iter().any(|t| {
        is_word(t, WEEKDAYS)
            || is_word(t, MONTHS)
            || (t.len() == 4
                && (t.starts_with("19") || t.starts_with("20"))
                && t.chars().all(|c| c.is_ascii_digit()))
    })
}

/// Reads like a photo caption: a position marker, or a present-tense caption verb near the
/// start together with a date or a place ("in Moscow").
pub fn caption_cue(f: &Features) -> bool {
    if f.words > 60 {
        return false;
    }
    let lower = f.text.to_lowercase();
    if has_position_marker(&lower) {
        return true;
    }
    f.words <= 45
        && subject_then_caption_verb(&f.text)
        && (mentions_date(f) || mentions_place(&f.text))
}

/// A caption verb right after a capitalised subject or a position marker, early in the
/// line: "Vladimir Putin looks on", "Kerry, left, speaks". ("the talks", "it holds" do not
/// count.)
fn subject_then_caption_verb(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().take(12).collect();
    // Indexing: `windows(2)` yields slices of exactly two words.
    words.windows(2).any(|w| {
        let verb = w[1]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let subject = starts_upper(w[0]) || w[0].ends_with(',') || w[0].ends_with(')');
        subject
            && !stopwords::is_stop_word(w[0].trim_end_matches(','))
            && CAPTION_VERBS.contains(&verb.as_str())
    })
}

/// "in Moscow", "at the Kremlin": a preposition followed by a capitalised word.
fn mentions_place(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    // Indexing: `windows(2)` yields slices of exactly two words.
    words.windows(2).any(|w| {
        matches!(w[0], "in" | "at" | "outside" | "near") && starts_upper(w[1])
            || w.len() > 1 && w[0] == "at" && w[1] == "the"
    })
}

/// Verbs that open calls to action in page furniture ("Sign up…", "Follow us…").
const CTA_VERBS: &[&str] = &[
    "browse",
    "click",
    "comment",
    "contact",
    "discover",
    "donate",
    "download",
    "email",
    "explore",
    "find",
    "follow",
    "get",
    "install",
    "join",
    "like",
    "listen",
    "log",
    "login",
    "print",
    "read",
    "register",
    "share",
    "sign",
    "skip",
    "subscribe",
    "support",
    "tap",
    "try",
    "tweet",
    "view",
    "visit",
    "watch",
];

/// An imperative call to action: opens with a CTA verb, short, not a sentence ending in a
/// period ("Sign up for our weekly newsletter", "Find X on your TV").
pub fn is_call_to_action(f: &Features) -> bool {
    let Some(first) = f.text.split_whitespace().next() else {
        return false;
    };
    let first = first
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    f.words <= 12 && !f.ends_period && starts_upper(&f.text) && CTA_VERBS.contains(&first.as_str())
}

/// Nouns and adverbs of site navigation ("Related News", "More stories", "Advertisement").
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advertisement",
    "advertising",
    "also",
    "articles",
    "back",
    "close",
    "comment",
    "comments",
    "coverage",
    "editor's",
    "home",
    "latest",
    "menu",
    "more",
    "most",
    "newsletter",
    "newsletters",
    "next",
    "picks",
    "popular",
    "previous",
    "print",
    "read",
    "recommended",
    "related",
    "share",
    "sponsored",
    "stories",
    "story",
    "subscribe",
    "tags",
    "top",
    "topics",
    "trending",
    "video",
    "videos",
    "watched",
];

/// A short line made only of navigation words.
pub fn is_navigation(f: &Features) -> bool {
    (1..=4).contains(&f.words)
        && !f.ends_sentence
        && lower_words(&f.text)
            .iter()
            .all(|w| FURNITURE_WORDS.contains(&w.as_str()) || w == "news")
}

/// A leaked interface token such as an icon name (`comments_image`, `arrow_forward`).
pub fn has_ui_token(f: &Features) -> bool {
    let b = f.text.as_bytes();
    // Indexing: 1 <= i < len - 1, so i - 1 and i + 1 are in bounds (empty range when
    // len < 3).
    (1..b.len().saturating_sub(1)).any(|i| {
        b[i] == b'_' && b[i - 1].is_ascii_alphanumeric() && b[i + 1].is_ascii_alphanumeric()
    })
}

/// Particles that may sit lower-case inside a personal name.
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "der", "di", "la", "le", "van", "von",
];

/// Two to five capitalised words with no stop words, digits or sentence punctuation:
/// "Lena Marsh", "Tomas Reyes Lisbon".
pub fn is_name_like(f: &Features) -> bool {
    (2..=5).contains(&f.words)
        && f.chars <= 60
        && !f.ends_sentence
        && f.stop_density == 0.0
        && !f.text.chars().any(|c| c.is_ascii_digit())
        && text::words(&f.text)
            .iter()
            .all(|w| starts_upper(w) || NAME_PARTICLES.contains(w))
}

/// Nouns of the trade that bios and job-title lines contain.
const JOB_NOUNS: &[&str] = &[
    "analyst",
    "author",
    "bureau",
    "career",
    "chief",
    "columnist",
    "commentator",
    "contributor",
    "correspondent",
    "editor",
    "fellow",
    "journalist",
    "photographer",
    "producer",
    "professor",
    "reporter",
    "researcher",
    "writer",
];

/// Mentions a journalism or academic job noun.
pub fn has_job_noun(f: &Features) -> bool {
    lower_words(&f.text)
        .iter()
        .any(|t| JOB_NOUNS.contains(&t.trim_end_matches('s')))
}

/// A short job-title line such as "Senior correspondent".
pub fn is_job_title(f: &Features) -> bool {
    (1..=6).contains(&f.words) && !f.ends_sentence && has_job_noun(f)
}

/// An explicit credit line for the writer: "By Jane Doe", "With wire services",
/// "Reporting by …".
pub fn is_byline_text(f: &Features) -> bool {
    if f.words > 25 {
        return false;
    }
    let lower = f.text.to_lowercase();
    (lower.starts_with("by ") && f.words <= 15)
        || (lower.starts_with("with ") && f.words <= 6 && !f.ends_sentence)
        || [
            "reporting by",
            "additional reporting",
            "written by",
            "edited by",
            "editing by",
            "compiled by",
        ]
        .iter()
        .any(|p| lower.contains(p))
            && f.words <= 25
}

/// A publication date line: "May 12, 2015", "Updated 14:03 GMT", "2015-05-12".
pub fn is_dateline(f: &Features) -> bool {
    if f.words > 12 {
        return false;
    }
    let lower = f.text.to_lowercase();
    let has_digit = f.text.chars().any(|c| c.is_ascii_digit());
    let stamp = [
        "updated",
        "published",
        "posted",
        "last updated",
        "first published",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    let lowercase_words = f
        .text
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_lowercase))
        .count();
    f.words <= 12
        && has_digit
        && (stamp || is_iso_date(&lower) || (mentions_date(f) && lowercase_words <= 2))
}

fn is_iso_date(lower: &str) -> bool {
    lower.split_whitespace().any(|w| {
        let p: Vec<&str> = w.split('-').collect();
        // Indexing: `p[0]` only after `p.len() == 3`.
        p.len() == 3
            && p[0].len() == 4
            && p.iter()
                .all(|x| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit()))
    })
}

/// A section label or breadcrumb: one to three words without sentence punctuation
/// ("International"), or a short path with separators ("World | Europe").
pub fn is_label_shaped(f: &Features) -> bool {
    if f.words > 8 {
        return false;
    }
    let breadcrumb = [" | ", " > ", " › ", " » ", " / "]
        .iter()
        .any(|s| f.text.contains(s));
    ((1..=3).contains(&f.words) && f.chars <= 40 && !f.ends_sentence)
        || (breadcrumb && f.words <= 8 && !f.ends_sentence)
}

/// Could be a headline: two to twenty-five words, no final period.
pub fn is_headline_shaped(f: &Features) -> bool {
    (2..=25).contains(&f.words) && f.chars <= 200 && !f.ends_period
}

/// Body text in jusText's sense: long enough, sentence-like and dense in stop words.
pub fn is_paragraph_shaped(f: &Features) -> bool {
    (f.words >= 10 && f.ends_sentence && f.stop_density >= 0.15)
        || (f.words >= 40 && f.stop_density >= 0.2)
}

/// Could be a subhead: a short line that does not end in a period (a question or a
/// phrase), between pieces of body text.
pub fn is_subhead_shaped(f: &Features) -> bool {
    (2..=30).contains(&f.words)
        && f.chars <= 200
        && !f.ends_period
        && f.text.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// Starts and ends like a quotation.
pub fn is_quoted(f: &Features) -> bool {
    let t = f.text.trim();
    t.starts_with(['"', '“', '\'', '‘']) || t.starts_with("> ")
}

/// Splits a pull quote's trailing attribution: "….- Vladimir Putin" → ("…", true).
pub fn strip_attribution(t: &str) -> (&str, bool) {
    let t = t.trim();
    for (pos, dash) in t
        .char_indices()
        .rev()
        .filter(|(_, c)| matches!(c, '-' | '–' | '—'))
    {
        let before = t.get(..pos).unwrap_or("").trim_end();
        let after = t.get(pos + dash.len_utf8()..).unwrap_or("").trim();
        let name_words: Vec<&str> = after.split_whitespace().collect();
        let is_name = (1..=4).contains(&name_words.len())
            && after.chars().count() <= 40
            && name_words
                .iter()
                .all(|w| starts_upper(w) || NAME_PARTICLES.contains(w));
        let closes = before.ends_with(['.', '!', '?', '"', '\'', '”', '’']);
        if is_name && closes {
            return (before, true);
        }
    }
    (t, false)
}

/// Verbs that follow a name at the start of an author bio ("Jane Doe is a …").
const BIO_VERBS: &[&str] = &[
    "is", "was", "has", "covers", "writes", "reports", "joined", "teaches", "leads",
];

/// The capitalised name an author bio opens with, if the unit reads like one:
/// "Lena Marsh's career spans …", "Jane Doe is a correspondent …".
pub fn bio_name(f: &Features) -> Option<String> {
    if !(6..=90).contains(&f.words) {
        return None;
    }
    let mut name = Vec::new();
    for w in f.text.split_whitespace().take(4) {
        let possessive = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
        let core = possessive.unwrap_or(w);
        if !starts_upper(core) || stopwords::is_stop_word(core) {
            let verb = BIO_VERBS.contains(&w.to_lowercase().as_str());
            return (name.len() >= 2 && verb).then(|| name.join(" "));
        }
        name.push(core.trim_end_matches(',').to_string());
        if possessive.is_some() {
            return (name.len() >= 2).then(|| name.join(" "));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> Features {
        Features::of(s)
    }

    #[test]
    fn credits() {
        assert!(is_credit_only(&f("Marta Quill/AFP/Getty Images")));
        assert!(is_credit_only(&f("Photo: Mara Lind")));
        assert!(is_credit_only(&f("(Ivo Brandt/Reuters)")));
        assert!(is_credit_only(&f("AFP via Getty Images")));
        assert!(!is_credit_only(&f(
            "The talks in Vienna and/or Geneva resumed."
        )));
        assert!(!is_credit_only(&f("International")));
        assert!(has_trailing_credit(&f(
            "The minister speaks in Oslo on Monday. Photo: AP"
        )));
        assert!(has_trailing_credit(&f(
            "The minister speaks in Oslo. (Ivo Brandt/Reuters)"
        )));
        assert!(!has_trailing_credit(&f(
            "The minister spoke (briefly) in Oslo."
        )));
    }

    #[test]
    fn calls_to_action_and_navigation() {
        assert!(is_call_to_action(&f("Sign up for our weekly newsletter")));
        assert!(is_call_to_action(&f("Follow The Courier on your phone")));
        assert!(!is_call_to_action(&f(
            "Find out what happened next, she said."
        )));
        assert!(is_navigation(&f("Related News")));
        assert!(is_navigation(&f("Most Read")));
        assert!(!is_navigation(&f("Related talks stalled")));
        assert!(has_ui_token(&f("comments_image Comments")));
    }

    #[test]
    fn shapes() {
        assert!(is_name_like(&f("Susan Marsh")));
        assert!(!is_name_like(&f("Talks in the Capital")));
        assert!(is_job_title(&f("Senior correspondent")));
        assert!(is_dateline(&f("May 12, 2015")));
        assert!(is_dateline(&f("Updated 14:03 GMT")));
        assert!(!is_dateline(&f(
            "The talks resumed on May 12, 2015 in the capital after a pause."
        )));
        assert!(is_byline_text(&f("By Ana Ruiz and Tom Hale")));
        assert!(caption_cue(&f(
            "Envoy Ana Ruiz speaks to reporters in Vienna on Monday."
        )));
        assert!(!caption_cue(&f("The envoy spoke to reporters.")));
    }

    #[test]
    fn attribution_is_split_from_pull_quote() {
        let (body, had) = strip_attribution("We will not sign this.- Mara Lind");
        assert_eq!(body, "We will not sign this.");
        assert!(had);
        assert!(!strip_attribution("A long-term plan").1);
    }

    #[test]
    fn bios() {
        assert_eq!(
            bio_name(&f("Mara Lind's career spans two decades of reporting.")).as_deref(),
            Some("Mara Lind")
        );
        assert_eq!(
            bio_name(&f("Tom Hale is a correspondent based in Vienna.")).as_deref(),
            Some("Tom Hale")
        );
        assert_eq!(
            bio_name(&f("The minister is expected to resign soon after this.")),
            None
        );
    }

    #[test]
    fn headings_are_stripped() {
        let x = f("## Grounds for a deal?");
        assert_eq!(x.heading, Some(2));
        assert!(x.ends_question);
        assert_eq!(x.text, "Grounds for a deal?");
    }
}

//! Finding person, place and organization mentions in one text.
//!
//! The learned tagger ([`super::ner`]) proposes spans; rules then make the result
//! consistent inside the document: a name tagged once is tagged the same everywhere, a
//! surname alone takes the kind of the full name it belongs to, lone demonyms and function
//! words are dropped, and "Long Name (ACRONYM)" makes the acronym a mention of the same thing.

use std::collections::HashMap;
use std::ops::Range;

use super::EntityKind;
use super::gazetteer::{Gazetteer, flag};
use super::ner::features::{DocInfo, TokInfo, token_info};
use super::ner::{Model, is_begin, label_type};
use super::text::{PARTICLES, Token, is_all_caps, tokenize};

/// One mention found by the detector: a byte range into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// For an acronym introduced in parentheses, the index (in the same list) of the long
    /// form it abbreviates.
    pub acronym_of: Option<usize>,
}

/// A name ending in one of these is an organization whatever the tagger said.
const STRONG_ORG_HEADS: &[&str] = &[
    "university",
    "institute",
    "institution",
    "council",
    "ministry",
    "department",
    "agency",
    "commission",
    "committee",
    "party",
    "association",
    "foundation",
    "corporation",
    "inc",
    "ltd",
    "group",
    "bank",
    "federation",
    "league",
    "organization",
    "organisation",
    "society",
    "army",
    "navy",
    "police",
    "court",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "cabinet",
    "press",
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "telegraph",
    "gazette",
    "magazine",
    "airlines",
    "airways",
    "motors",
    "industries",
    "holdings",
    "technologies",
    "laboratories",
    "llc",
    "plc",
    "gmbh",
    "club",
    "fc",
    "brigade",
    "battalion",
    "regiment",
    "church",
    "board",
    "authority",
    "administration",
    "bureau",
    "service",
    "college",
    "school",
    "academy",
    "union",
    "alliance",
    "coalition",
    "movement",
    "fund",
    "company",
    "corp",
    "tribunal",
    "secretariat",
    "directorate",
    "legion",
];

/// Heads that take "of" and a name: "Church of Scientology", "University of Texas",
/// "Ministry of Defence", "Bank of England".
const OF_ORG_HEADS: &[&str] = &[
    "university",
    "institute",
    "ministry",
    "department",
    "church",
    "bank",
    "council",
    "commission",
    "committee",
    "municipality",
    "academy",
    "college",
    "school",
    "museum",
    "office",
    "bureau",
    "board",
    "league",
    "federation",
    "association",
    "union",
    "society",
    "court",
    "house",
    "parliament",
    "government",
    "party",
    "order",
    "army",
];

/// Sentence-initial words trimmed off the front of a name ("The Church" → "Church").
const LEADING_FUNCTION_WORDS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "But", "And", "Or", "When", "While", "If",
    "As", "In", "On", "At", "For", "After", "Before", "During", "Under", "From", "With", "By",
    "Of", "To", "Its", "His", "Her", "Their", "Our", "Then", "So", "Since", "Although",
];

const KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Place,
    EntityKind::Organization,
];

/// Detects mentions in the given byte ranges of `text` (e.g. the non-boilerplate blocks of an
/// article). Ranges must lie on character boundaries; mentions never cross a range or a line.
pub fn detect(text: &str, ranges: &[Range<usize>]) -> Vec<Found> {
    detect_with(Model::embedded(), text, ranges)
}

/// [`detect`] with a given model (`None`: the rule-based fallback). Used by training.
pub fn detect_with(model: Option<&Model>, text: &str, ranges: &[Range<usize>]) -> Vec<Found> {
    detect_tokens(model, text, &tokenize_ranges(text, ranges))
}

/// The tokens of the given byte ranges of `text`, in order.
pub fn tokenize_ranges<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<Token<'a>> {
    let mut tokens: Vec<Token<'_>> = Vec::with_capacity(text.len() / 5);
    for r in ranges {
        if let Some(s) = text.get(r.clone()) {
            tokens.extend(tokenize(s, r.start));
        }
    }
    tokens
}

/// [`detect_with`] over tokens already cut from `text` (so callers that also need the
/// tokens, such as the topic finder, tokenize once).
pub fn detect_tokens(model: Option<&Model>, text: &str, tokens: &[Token<'_>]) -> Vec<Found> {
    detect_prepared(model, text, tokens, &token_info(tokens))
}

/// [`detect_tokens`] with the tokens' [`TokInfo`] already computed (shared with the topic
/// finder).
pub fn detect_prepared(
    model: Option<&Model>,
    text: &str,
    tokens: &[Token<'_>],
    infos: &[TokInfo],
) -> Vec<Found> {
    if tokens.is_empty() || infos.len() != tokens.len() {
        return Vec::new();
    }
    let doc = DocInfo::new(tokens, infos);
    let labels = match model {
        Some(m) => m.tag(tokens, infos, &doc),
        None => rule_labels(tokens, infos),
    };
    let breaks: Vec<bool> = (0..tokens.len())
        .map(|i| {
            i == 0
                || text
                    .get(tokens[i - 1].end..tokens[i].start)
                    .is_none_or(|g| g.contains('\n'))
        })
        .collect();
    let mut spans = spans_from_labels(&labels, &breaks);
    for s in &mut spans {
        trim_span(tokens, infos, s);
    }
    spans.retain(|s| s.0 < s.1);
    split_dateline_places(infos, &mut spans);
    gazetteer_phrases(infos, &breaks, &mut spans);
    org_head_runs(tokens, infos, &breaks, &mut spans);
    of_org_phrases(tokens, infos, &breaks, &mut spans);
    for s in &mut spans {
        if s.1 - s.0 >= 2 && STRONG_ORG_HEADS.contains(&infos[s.1 - 1].lower.as_str()) {
            s.2 = 2;
        }
    }
    for s in &mut spans {
        // A lone known place that is no one's first name or surname ("Geneva") is a place.
        let g = infos[s.0].gaz;
        if s.2 == 0
            && s.1 - s.0 == 1
            && g & flag::PLACE != 0
            && g & (flag::FIRST_NAME | flag::SURNAME) == 0
        {
            s.2 = 1;
        }
    }
    spans.retain(|s| keep_span(&tokens[s.0..s.1], &infos[s.0..s.1]));
    country_abbreviations(tokens, &mut spans);
    consistency(tokens, infos, &breaks, &mut spans);
    places_with_demonyms(tokens, infos, &mut spans);
    spans.sort_by_key(|s| s.0);
    let mut found: Vec<Found> = spans
        .iter()
        .map(|&(a, b, t)| Found {
            start: tokens[a].start,
            end: tokens[b - 1].end,
            kind: KINDS[t],
            acronym_of: None,
        })
        .collect();
    acronyms(tokens, &spans, &mut found);
    sort_keeping_links(found)
}

/// Sorts by position while keeping `acronym_of` pointing at the same mentions.
fn sort_keeping_links(found: Vec<Found>) -> Vec<Found> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| (found[i].start, found[i].end));
    let mut new_pos = vec![0; found.len()];
    for (pos, &old) in order.iter().enumerate() {
        new_pos[old] = pos;
    }
    order
        .iter()
        .map(|&old| {
            let mut f = found[old].clone();
            f.acronym_of = f.acronym_of.map(|j| new_pos[j]);
            f
        })
        .collect()
}

/// Turns BIO labels into token spans `(first, end_exclusive, type)`.
fn spans_from_labels(labels: &[usize], breaks: &[bool]) -> Vec<(usize, usize, usize)> {
    let mut spans = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let t = label_type(l);
        let continues =
            matches!((cur, t), (Some((_, ct)), Some(tt)) if ct == tt && !is_begin(l) && !breaks[i]);
        if !continues {
            if let Some((s, ct)) = cur.take() {
                spans.push((s, i, ct));
            }
            if let Some(tt) = t {
                cur = Some((i, tt));
            }
        }
    }
    if let Some((s, ct)) = cur {
        spans.push((s, labels.len(), ct));
    }
    spans
}

/// Known multi-word organisations and places are whole: a span that covers part of one is
/// widened to all of it, and one no span touches becomes a mention of its own.
fn gazetteer_phrases(infos: &[TokInfo], breaks: &[bool], spans: &mut Vec<(usize, usize, usize)>) {
    let pos = |i: usize| infos[i].org_pos.max(infos[i].place_pos);
    let mut covered = vec![false; infos.len()];
    for s in spans.iter_mut() {
        while s.1 < infos.len() && pos(s.1) == 2 && !breaks[s.1] {
            s.1 += 1;
        }
        while s.0 > 0 && pos(s.0) == 2 && !breaks[s.0] {
            s.0 -= 1;
        }
    }
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    let mut kept: Vec<(usize, usize, usize)> = Vec::with_capacity(spans.len());
    for s in spans.drain(..) {
        if kept.last().is_some_and(|k| s.0 < k.1) {
            continue;
        }
        kept.push(s);
    }
    for s in &kept {
        covered[s.0..s.1].iter_mut().for_each(|c| *c = true);
    }
    let mut i = 0;
    while i < infos.len() {
        if pos(i) == 1 && !covered[i] {
            let mut j = i + 1;
            while j < infos.len() && pos(j) == 2 && !breaks[j] {
                j += 1;
            }
            if j - i >= 2 && !covered[i..j].iter().any(|c| *c) {
                kept.push((i, j, if infos[i].org_pos == 1 { 2 } else { 1 }));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    *spans = kept;
}

/// Capitalised runs the tagger left alone that end in a strong organisation head
/// ("Russian International Affairs Council") become organizations.
fn org_head_runs(
    tokens: &[Token<'_>],
    infos: &[TokInfo],
    breaks: &[bool],
    spans: &mut Vec<(usize, usize, usize)>,
) {
    let mut covered = vec![false; tokens.len()];
    for s in spans.iter() {
        covered[s.0..s.1].iter_mut().for_each(|c| *c = true);
    }
    let mut i = 0;
    while i < tokens.len() {
        if covered[i] || !infos[i].cap {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len() && infos[j].cap && !covered[j] && !breaks[j] {
            j += 1;
        }
        if j - i >= 2 && STRONG_ORG_HEADS.contains(&infos[j - 1].lower.as_str()) {
            spans.push((i, j, 2));
        }
        i = j;
    }
}

/// "Church of Scientology", "University of Texas": a capitalised organisation head, "of",
/// optionally "the", and a capitalised run form one organization, replacing the spans
/// inside it ("Texas" as a place).
fn of_org_phrases(
    tokens: &[Token<'_>],
    infos: &[TokInfo],
    breaks: &[bool],
    spans: &mut Vec<(usize, usize, usize)>,
) {
    let n = tokens.len();
    let mut added = Vec::new();
    let mut i = 0;
    while i + 2 < n {
        if !(infos[i].cap
            && OF_ORG_HEADS.contains(&infos[i].lower.as_str())
            && tokens[i + 1].text == "of"
            && !breaks[i + 1])
        {
            i += 1;
            continue;
        }
        let mut k = i + 2;
        if k < n && tokens[k].text == "the" && !breaks[k] {
            k += 1;
        }
        let mut e = k;
        while e < n && infos[e].cap && !breaks[e] && infos[e].gaz & flag::TITLE == 0 {
            e += 1;
        }
        if e == k || e - k > 4 {
            i += 1;
            continue;
        }
        // Capitalised words before the head belong to the name ("Russian Orthodox Church of
        // ..."), unless they start a sentence as a function word.
        let mut b = i;
        while b > 0
            && infos[b - 1].cap
            && !breaks[b]
            && infos[b - 1].gaz & (flag::STOP | flag::TITLE) == 0
            && !(tokens[b - 1].sent_start
                && infos[b - 1].gaz & flag::COMMON != 0
                && infos[b - 1].gaz & flag::DEMONYM == 0)
        {
            b -= 1;
        }
        added.push((b, e, 2));
        i = e;
    }
    if added.is_empty() {
        return;
    }
    spans.retain(|s| {
        !added
            .iter()
            .any(|a| s.0 < a.1 && a.0 < s.1 && s.0 >= a.0 && s.1 <= a.1)
    });
    // A span reaching outside a new phrase wins over it.
    added.retain(|a| !spans.iter().any(|s| s.0 < a.1 && a.0 < s.1));
    spans.extend(added);
    spans.sort_by_key(|s| s.0);
}

/// Trims lower-case words off both ends, leading titles off person names ("Ambassador John
/// Tefft" → "John Tefft"), and turns "Secretary of State John Kerry" into the person.
fn trim_span(tokens: &[Token<'_>], infos: &[TokInfo], s: &mut (usize, usize, usize)) {
    while s.0 < s.1 && !infos[s.0].cap {
        s.0 += 1;
    }
    // "The Church" at a sentence start: a leading function word is not part of the name
    // unless the whole phrase is a known one ("The Hague").
    while s.0 + 1 < s.1
        && LEADING_FUNCTION_WORDS.contains(&tokens[s.0].text)
        && infos[s.0].place_pos != 1
        && infos[s.0].org_pos != 1
    {
        s.0 += 1;
    }
    while s.0 < s.1 && !infos[s.1 - 1].cap {
        s.1 -= 1;
    }
    // "US Secretary of State John Kerry": a title inside the span followed by a first name
    // and at least one more capitalised word leaves the person.
    if let Some(k) = (s.0..s.1.saturating_sub(2)).rev().find(|&k| {
        infos[k].gaz & flag::TITLE != 0
            && infos[k + 1].gaz & flag::FIRST_NAME != 0
            && infos[k + 1].cap
            && infos[k + 1..s.1].iter().all(|x| x.cap)
    }) {
        if k > s.0 {
            s.0 = k + 1;
            s.2 = 0;
            return;
        }
    }
    let mut a = s.0;
    while a + 1 < s.1 {
        let t = tokens[a].text;
        let title = infos[a].gaz & flag::TITLE != 0
            || !infos[a].cap
            || (t == "State" && a > 0 && tokens[a - 1].text == "of");
        if !title {
            break;
        }
        a += 1;
    }
    if a > s.0 && a < s.1 && infos[a].cap && !tokens[a].text.ends_with('.') {
        let rest_is_name = infos[a].gaz & flag::FIRST_NAME != 0 && s.1 - a >= 2;
        if s.2 == 0 || rest_is_name {
            s.0 = a;
            s.2 = 0;
        }
    }
}

/// A lone name the gazetteers don't know, tagged a person, whose demonym the same text
/// uses ("Kestria" beside "Kestrian", "Dalmor" beside "Dalmori") is a place. First names
/// and surnames are left alone ("Christian", "Jordan" are people too).
fn places_with_demonyms(
    tokens: &[Token<'_>],
    infos: &[TokInfo],
    spans: &mut [(usize, usize, usize)],
) {
    const ENDINGS: [&str; 5] = ["n", "an", "ian", "ese", "i"];
    let capitalised: std::collections::HashSet<&str> = tokens
        .iter()
        .zip(infos)
        .filter(|(_, i)| i.cap)
        .map(|(t, _)| t.text)
        .collect();
    for s in spans.iter_mut() {
        let g = infos[s.0].gaz;
        if s.2 != 0 || s.1 - s.0 != 1 || g & (flag::FIRST_NAME | flag::SURNAME) != 0 {
            continue;
        }
        let name = tokens[s.0].text;
        let mut demonym = String::with_capacity(name.len() + 3);
        let has_demonym = ENDINGS.iter().any(|e| {
            demonym.clear();
            demonym.push_str(name);
            demonym.push_str(e);
            capitalised.contains(demonym.as_str())
        });
        if has_demonym {
            s.2 = 1;
        }
    }
}

/// A byline run on into its dateline ("Lena Marsh Lisbon"): a person name of three or more
/// words ending in a known place that is nobody's surname is the person, then the place.
fn split_dateline_places(infos: &[TokInfo], spans: &mut Vec<(usize, usize, usize)>) {
    let mut places = Vec::new();
    for s in spans.iter_mut() {
        let last = s.1 - 1;
        let g = infos[last].gaz;
        if s.2 == 0 && s.1 - s.0 >= 3 && g & flag::PLACE != 0 && g & flag::SURNAME == 0 {
            s.1 = last;
            places.push((last, last + 1, 1));
        }
    }
    spans.extend(places);
    spans.sort_by_key(|s| s.0);
}

/// "US", "UK", "UAE": an all-caps abbreviation of a country is a place even though its
/// lower-case form may be a common word ("us") the tagger learned to skip.
fn country_abbreviations(tokens: &[Token<'_>], spans: &mut Vec<(usize, usize, usize)>) {
    let gaz = Gazetteer::get();
    let mut covered = vec![false; tokens.len()];
    for s in spans.iter() {
        covered[s.0..s.1].iter_mut().for_each(|c| *c = true);
    }
    for (i, t) in tokens.iter().enumerate() {
        let is_abbrev = (2..=4).contains(&t.text.len()) && is_all_caps(t.text);
        if covered[i] || !is_abbrev {
            continue;
        }
        if gaz
            .alias(t.text)
            .is_some_and(|name| gaz.is_country(&super::text::fold(name)))
        {
            spans.push((i, i + 1, 1));
        }
    }
}

fn keep_span(tokens: &[Token<'_>], infos: &[TokInfo]) -> bool {
    // A name has at least one capitalised word; a lone function word or demonym is not one.
    if !infos.iter().any(|i| i.cap) {
        return false;
    }
    if tokens.len() == 1 {
        let g = infos[0].gaz;
        if g & (flag::STOP | flag::DEMONYM) != 0 && g & (flag::PLACE | flag::COUNTRY) == 0 {
            return false;
        }
        if tokens[0].text.chars().count() == 1 && !tokens[0].text.chars().all(char::is_uppercase) {
            return false;
        }
    }
    if tokens
        .iter()
        .all(|t| !t.text.chars().any(char::is_alphanumeric))
    {
        return false;
    }
    true
}

fn key_of(infos: &[TokInfo]) -> String {
    let mut k = String::new();
    for (n, i) in infos.iter().enumerate() {
        if n > 0 {
            k.push(' ');
        }
        k.push_str(&i.lower);
    }
    k
}

/// Document-level consistency: majority kind per surface form, then every other
/// capitalised occurrence of a known form (or of a person's surname) is tagged too.
fn consistency(
    tokens: &[Token<'_>],
    infos: &[TokInfo],
    breaks: &[bool],
    spans: &mut Vec<(usize, usize, usize)>,
) {
    let mut votes: HashMap<String, [usize; 3]> = HashMap::new();
    for &(a, b, t) in spans.iter() {
        votes.entry(key_of(&infos[a..b])).or_default()[t] += 1;
    }
    let best = |v: &[usize; 3]| (0..3).max_by_key(|&t| (v[t], 3 - t)).unwrap_or(0);
    for s in spans.iter_mut() {
        if let Some(v) = votes.get(&key_of(&infos[s.0..s.1])) {
            s.2 = best(v);
        }
    }
    let mut known: HashMap<String, usize> =
        votes.iter().map(|(k, v)| (k.clone(), best(v))).collect();
    // Surnames of full person names.
    for &(a, b, t) in spans.iter() {
        if t == 0 && b - a >= 2 {
            let last = &infos[b - 1];
            if !PARTICLES.contains(&last.lower.as_str()) && last.cap {
                known.entry(last.lower.clone()).or_insert(0);
            }
        }
    }
    let mut covered = vec![false; tokens.len()];
    for &(a, b, _) in spans.iter() {
        covered[a..b].iter_mut().for_each(|c| *c = true);
    }
    let mut i = 0;
    let mut added = Vec::new();
    while i < tokens.len() {
        if covered[i] || !infos[i].cap {
            i += 1;
            continue;
        }
        let mut hit = None;
        for n in (1..=4usize).rev() {
            if i + n > tokens.len()
                || covered[i..i + n].iter().any(|c| *c)
                || breaks[i + 1..i + n].iter().any(|b| *b)
            {
                continue;
            }
            if n == 1 && infos[i].gaz & (flag::STOP | flag::DEMONYM) != 0 {
                continue;
            }
            // The span must end on a capitalised word and not run into one.
            if !infos[i + n - 1].cap
                || (i + n < tokens.len() && infos[i + n].cap && !covered[i + n])
            {
                continue;
            }
            if let Some(&t) = known.get(&key_of(&infos[i..i + n])) {
                hit = Some((n, t));
                break;
            }
        }
        match hit {
            Some((n, t)) => {
                added.push((i, i + n, t));
                i += n;
            }
            None => i += 1,
        }
    }
    spans.extend(added);
}

/// "Russian International Affairs Council (RIAC)": the acronym becomes a mention of the same
/// kind, linked to the long form.
fn acronyms(tokens: &[Token<'_>], spans: &[(usize, usize, usize)], found: &mut Vec<Found>) {
    let starts: HashMap<usize, usize> = found
        .iter()
        .enumerate()
        .map(|(i, f)| (f.start, i))
        .collect();
    for (si, &(a, b, _)) in spans.iter().enumerate() {
        let (Some(open), Some(acr), Some(close)) =
            (tokens.get(b), tokens.get(b + 1), tokens.get(b + 2))
        else {
            continue;
        };
        if open.text != "(" || close.text != ")" || !is_all_caps(acr.text) || acr.text.len() > 8 {
            continue;
        }
        // "Russian International Affairs Council (RIAC)": when the acronym's initials reach
        // further left than the span, the long form takes in those capitalised words.
        let initials: String = tokens[a..b]
            .iter()
            .filter_map(|t| t.text.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        if let Some(extra) = acr
            .text
            .strip_suffix(initials.as_str())
            .filter(|e| !e.is_empty())
        {
            let n = extra.chars().count();
            if a >= n {
                let before = &tokens[a - n..a];
                let letters: String = before
                    .iter()
                    .filter_map(|t| t.text.chars().next())
                    .collect();
                if letters == extra
                    && before
                        .iter()
                        .all(|t| !t.sent_start || t.start == before[0].start)
                {
                    found[si].start = before[0].start;
                }
            }
        }
        let kind = found[si].kind;
        match starts.get(&acr.start) {
            Some(&j) => found[j].acronym_of = Some(si),
            None => found.push(Found {
                start: acr.start,
                end: acr.end,
                kind,
                acronym_of: Some(si),
            }),
        }
    }
}

/// Fallback when no model is embedded: capitalised runs typed by the word lists.
fn rule_labels(tokens: &[Token<'_>], infos: &[TokInfo]) -> Vec<usize> {
    let gaz = Gazetteer::get();
    let _ = gaz;
    let mut labels = vec![0; tokens.len()];
    let mut i = 0;
    while i < tokens.len() {
        if !infos[i].cap || infos[i].gaz & (flag::STOP | flag::DEMONYM | flag::TITLE) != 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < tokens.len() && infos[j].cap && (j == i || !tokens[j].sent_start) {
            j += 1;
        }
        let run = &infos[i..j];
        let t = if run
            .iter()
            .any(|x| x.gaz & (flag::ORG_HEAD | flag::ORG_SUFFIX) != 0)
        {
            Some(2)
        } else if run.len() == 1 && run[0].gaz & flag::PLACE != 0 || run[0].place_pos == 1 {
            Some(1)
        } else if run[0].gaz & flag::FIRST_NAME != 0
            || i > 0 && infos[i - 1].gaz & flag::TITLE != 0
            || run.len() >= 2
        {
            Some(0)
        } else if tokens[i].sent_start {
            None
        } else {
            Some(0)
        };
        if let Some(t) = t {
            labels[i] = 1 + 2 * t;
            for l in &mut labels[i + 1..j] {
                *l = 2 + 2 * t;
            }
        }
        i = j;
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, EntityKind)> {
        detect(text, std::slice::from_ref(&(0..text.len())))
            .into_iter()
            .map(|f| (text[f.start..f.end].to_string(), f.kind))
            .collect()
    }

    #[test]
    fn finds_people_places_and_orgs() {
        let f = found(
            "Secretary of State John Kerry met President Vladimir Putin in Sochi on Tuesday.",
        );
        assert!(
            f.contains(&("John Kerry".into(), EntityKind::Person)),
            "{f:?}"
        );
        assert!(
            f.contains(&("Vladimir Putin".into(), EntityKind::Person)),
            "{f:?}"
        );
        assert!(f.contains(&("Sochi".into(), EntityKind::Place)), "{f:?}");
    }

    #[test]
    fn surname_alone_follows_full_name() {
        let f = found("John Kerry arrived on Tuesday. Later, Kerry spoke to reporters.");
        assert_eq!(
            f.iter()
                .filter(|(s, k)| s == "Kerry" && *k == EntityKind::Person)
                .count(),
            1,
            "{f:?}"
        );
    }

    #[test]
    fn sentence_starts_and_demonyms_are_not_entities() {
        let f = found(
            "While the talks went on, Russian officials waited. According to the report, nothing changed.",
        );
        assert!(
            f.iter()
                .all(|(s, _)| s != "While" && s != "According" && s != "Russian"),
            "{f:?}"
        );
    }

    #[test]
    fn an_unknown_name_with_its_demonym_is_a_place() {
        let f = found(
            "Valdoria signed the deal. Valdorian farmers welcomed it, and Valdoria will pay.",
        );
        assert!(
            f.iter()
                .filter(|(s, _)| s == "Valdoria")
                .all(|(_, k)| *k == EntityKind::Place),
            "{f:?}"
        );
    }

    #[test]
    fn a_dateline_place_is_split_off_a_byline() {
        let f = found("Anna Kowalski Vienna\n\nTalks resumed on Monday in the Austrian capital.");
        assert!(
            f.contains(&("Anna Kowalski".into(), EntityKind::Person)),
            "{f:?}"
        );
        assert!(f.contains(&("Vienna".into(), EntityKind::Place)), "{f:?}");
    }

    #[test]
    fn country_abbreviations_are_places() {
        let f = found("The US and the UK signed it. Officials told us nothing.");
        assert!(f.contains(&("US".into(), EntityKind::Place)), "{f:?}");
        assert!(f.contains(&("UK".into(), EntityKind::Place)), "{f:?}");
        assert!(!f.iter().any(|(s, _)| s == "us"), "{f:?}");
    }

    #[test]
    fn acronym_in_parentheses_links_to_long_form() {
        let text = "The report was published by the Russian International Affairs Council (RIAC) in Moscow.";
        let d = detect(text, std::slice::from_ref(&(0..text.len())));
        let acr = d
            .iter()
            .find(|f| &text[f.start..f.end] == "RIAC")
            .unwrap_or_else(|| {
                panic!(
                    "acronym not found: {:?}",
                    d.iter().map(|f| &text[f.start..f.end]).collect::<Vec<_>>()
                )
            });
        let long = &d[acr.acronym_of.expect("linked")];
        assert_eq!(
            &text[long.start..long.end],
            "Russian International Affairs Council"
        );
    }
}

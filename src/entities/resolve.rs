//! Library-level resolution: many surface forms, one entity per real-world thing.
//!
//! Rules, in order: abbreviations and variants from the alias table ("U.S." → "United
//! States"); acronyms defined in parentheses; folding of case, accents, transliteration
//! variants and name particles ("Sergey"/"Sergei", "al-Assad"/"al Assad"); a surname or
//! first-word short form joins the full name it belongs to, preferring a full name in the
//! same article, else the most mentioned one in the library.

use std::collections::{BTreeMap, HashMap};

use super::gazetteer::Gazetteer;
use super::ner::features::BuildFx;
use super::text::{PARTICLES, name_words, slug, squash_spaces};
use super::{Entity, EntityKind, Mention};

/// A mention as found in one article, before resolution.
#[derive(Debug, Clone)]
pub struct RawMention {
    pub article: usize,
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub surface: String,
    /// Surface of the long form when this mention is an acronym defined in parentheses.
    pub long_form: Option<String>,
}

struct M {
    raw: RawMention,
    key: String,
    preferred: Option<String>,
}

fn key_words(surface: &str) -> Vec<String> {
    let mut w = name_words(surface);
    if w.len() > 1 && w[0] == "the" {
        w.remove(0);
    }
    w
}

/// The name without leading particles ("al assad" → "assad").
fn core_last<'a>(words: &[&'a str]) -> Option<&'a str> {
    words.iter().rev().find(|w| !PARTICLES.contains(w)).copied()
}

fn is_short_form(words: &[&str]) -> bool {
    words.iter().filter(|w| !PARTICLES.contains(w)).count() == 1
}

/// Groups mentions into entities. Topic mentions are not handled here.
pub fn resolve(raw: Vec<RawMention>) -> Vec<Entity> {
    let gaz = Gazetteer::get();
    // Acronym → long-form key, library-wide.
    let mut acronym: HashMap<String, String> = HashMap::new();
    for r in &raw {
        if let Some(long) = &r.long_form {
            acronym
                .entry(key_words(&r.surface).join(" "))
                .or_insert_with(|| key_words(long).join(" "));
        }
    }
    // Keys depend only on the surface: computed once per distinct surface.
    let mut key_cache: HashMap<String, (String, Option<String>), BuildFx> = HashMap::default();
    let mut ms: Vec<M> = raw
        .into_iter()
        .map(|r| {
            let (key, preferred) = match key_cache.get(r.surface.as_str()) {
                Some(k) => k.clone(),
                None => {
                    let surface = r
                        .surface
                        .trim_start_matches("the ")
                        .trim_start_matches("The ");
                    let k = match gaz.alias(surface) {
                        Some(canon) => (key_words(canon).join(" "), Some(canon.to_string())),
                        None => {
                            let k = key_words(surface).join(" ");
                            match acronym.get(&k) {
                                Some(long) => (long.clone(), None),
                                None => (k, None),
                            }
                        }
                    };
                    key_cache.insert(r.surface.clone(), k.clone());
                    k
                }
            };
            M {
                raw: r,
                key,
                preferred,
            }
        })
        .filter(|m| !m.key.is_empty())
        .collect();

    // Full person names, library-wide and per article, indexed by their last core word.
    let mut person_votes: HashMap<&str, usize> = HashMap::new();
    for m in &ms {
        if m.raw.kind == EntityKind::Person {
            *person_votes.entry(m.key.as_str()).or_default() += 1;
        }
    }
    let mut full_by_last: HashMap<String, BTreeMap<String, usize>> = HashMap::new();
    let mut full_in_article: HashMap<(usize, String), BTreeMap<String, usize>> = HashMap::new();
    let mut org_by_first: HashMap<(usize, String), String> = HashMap::new();
    // Full person names per article by their first word ("John" → "john kerry").
    let mut full_by_first_in_article: HashMap<(usize, String), BTreeMap<String, usize>> =
        HashMap::new();
    for m in &ms {
        let words: Vec<&str> = m.key.split(' ').collect();
        if m.raw.kind == EntityKind::Person && !is_short_form(&words) {
            if let Some(first) = words.first() {
                *full_by_first_in_article
                    .entry((m.raw.article, first.to_string()))
                    .or_default()
                    .entry(m.key.clone())
                    .or_default() += 1;
            }
            if let Some(last) = core_last(&words) {
                *full_by_last
                    .entry(last.to_string())
                    .or_default()
                    .entry(m.key.clone())
                    .or_default() += 1;
                *full_in_article
                    .entry((m.raw.article, last.to_string()))
                    .or_default()
                    .entry(m.key.clone())
                    .or_default() += 1;
            }
        }
        if m.raw.kind == EntityKind::Organization && words.len() >= 2 {
            org_by_first
                .entry((m.raw.article, words[0].to_string()))
                .or_insert_with(|| m.key.clone());
        }
    }
    let top = |c: &BTreeMap<String, usize>| -> Option<String> {
        c.iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(k, _)| k.clone())
    };
    for m in &mut ms {
        let words: Vec<&str> = m.key.split(' ').collect();
        if !is_short_form(&words) || m.preferred.is_some() {
            continue;
        }
        let Some(last) = core_last(&words).map(str::to_string) else {
            continue;
        };
        if let Some(c) = full_in_article.get(&(m.raw.article, last.clone())) {
            // A full name in the same article wins, whatever kind the short form was given.
            if let Some(k) = top(c) {
                m.key = k;
                m.raw.kind = EntityKind::Person;
            }
        } else if let Some(c) = full_by_first_in_article
            .get(&(m.raw.article, last.clone()))
            .filter(|c| m.raw.kind == EntityKind::Person && c.len() == 1)
        {
            // A first name alone ("John, I'm still behind you") is the one full name in
            // the article that starts with it.
            if let Some(k) = top(c) {
                m.key = k;
            }
        } else if m.raw.kind == EntityKind::Person {
            if let Some(k) = full_by_last.get(&last).and_then(top) {
                m.key = k;
            }
        } else if m.raw.kind == EntityKind::Organization {
            if let Some(k) = org_by_first.get(&(m.raw.article, last)) {
                m.key = k.clone();
            }
        }
    }

    // Group by key; the kind is the majority vote.
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, m) in ms.iter().enumerate() {
        groups.entry(m.key.clone()).or_default().push(i);
    }
    let mut by_id: BTreeMap<String, Entity> = BTreeMap::new();
    for idx in groups.values() {
        let mut votes = [0usize; 3];
        for &i in idx {
            votes[kind_index(ms[i].raw.kind)] += 1;
        }
        let kind = [
            EntityKind::Person,
            EntityKind::Place,
            EntityKind::Organization,
        ][(0..3).max_by_key(|&k| (votes[k], 3 - k)).unwrap_or(0)];
        let mut forms: Vec<(String, usize, usize)> = Vec::new(); // surface, count, first seen
        let mut preferred = None;
        for &i in idx {
            let s = squash_spaces(&ms[i].raw.surface);
            if preferred.is_none() {
                preferred = ms[i].preferred.clone();
            }
            match forms.iter_mut().find(|f| f.0 == s) {
                Some(f) => f.1 += 1,
                None => forms.push((s, 1, i)),
            }
        }
        let name = preferred.unwrap_or_else(|| canonical(&forms));
        let id = format!("{}:{}", kind.as_str(), slug(&name));
        let e = by_id.entry(id.clone()).or_insert_with(|| Entity {
            id,
            name: name.clone(),
            kind,
            aliases: Vec::new(),
            mentions: Vec::new(),
        });
        for (s, _, _) in &forms {
            if *s != e.name && !e.aliases.contains(s) {
                e.aliases.push(s.clone());
            }
        }
        for &i in idx {
            let r = &ms[i].raw;
            e.mentions.push(Mention {
                article: r.article,
                start: r.start,
                end: r.end,
            });
        }
    }
    by_id
        .into_values()
        .map(|mut e| {
            e.aliases.sort();
            e.mentions.sort_by_key(|m| (m.article, m.start, m.end));
            e.mentions.dedup();
            e
        })
        .collect()
}

fn kind_index(k: EntityKind) -> usize {
    match k {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        _ => 2,
    }
}

/// The longest form (in words, "al-Assad" counting as two), then the most frequent, then
/// the hyphenated spelling ("Bashar al-Assad" over "Bashar al Assad"), then the first seen.
/// Forms that differ only in their white space (a no-break space) count as one.
fn canonical(forms: &[(String, usize, usize)]) -> String {
    let mut merged: Vec<(String, usize, usize)> = Vec::with_capacity(forms.len());
    for (form, count, first) in forms {
        let form = form.split_whitespace().collect::<Vec<_>>().join(" ");
        match merged.iter_mut().find(|m| m.0 == form) {
            Some(m) => {
                m.1 += count;
                m.2 = m.2.min(*first);
            }
            None => merged.push((form, *count, *first)),
        }
    }
    let words = |f: &str| f.split(|c: char| c.is_whitespace() || c == '-').count();
    merged
        .iter()
        .max_by(|a, b| {
            words(&a.0)
                .cmp(&words(&b.0))
                .then(a.1.cmp(&b.1))
                .then(a.0.contains('-').cmp(&b.0.contains('-')))
                .then(b.2.cmp(&a.2))
        })
        .map(|f| f.0.trim_start_matches("the ").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(article: usize, start: usize, kind: EntityKind, s: &str) -> RawMention {
        RawMention {
            article,
            start,
            end: start + s.len(),
            kind,
            surface: s.into(),
            long_form: None,
        }
    }

    fn names(es: &[Entity]) -> Vec<(String, Vec<String>, usize)> {
        es.iter()
            .map(|e| (e.id.clone(), e.aliases.clone(), e.mentions.len()))
            .collect()
    }

    #[test]
    fn surname_joins_full_name_within_and_across_articles() {
        let es = resolve(vec![
            m(0, 0, EntityKind::Person, "John Kerry"),
            m(0, 20, EntityKind::Person, "Kerry"),
            m(1, 0, EntityKind::Person, "Kerry"),
        ]);
        assert_eq!(
            names(&es),
            [(
                "person:john-kerry".to_string(),
                vec!["Kerry".to_string()],
                3
            )]
        );
    }

    #[test]
    fn short_form_with_wrong_kind_follows_person_in_same_article() {
        let es = resolve(vec![
            m(0, 0, EntityKind::Person, "John Kerry"),
            m(0, 20, EntityKind::Place, "Kerry"),
        ]);
        assert_eq!(es.len(), 1);
        assert_eq!(es[0].kind, EntityKind::Person);
    }

    #[test]
    fn transliteration_variants_merge() {
        let es = resolve(vec![
            m(0, 0, EntityKind::Person, "Sergei Lavrov"),
            m(0, 30, EntityKind::Person, "Sergei Lavrov"),
            m(1, 0, EntityKind::Person, "Sergey Lavrov"),
            m(1, 30, EntityKind::Person, "Lavrov"),
        ]);
        assert_eq!(es.len(), 1, "{:?}", names(&es));
        assert_eq!(es[0].name, "Sergei Lavrov");
        assert_eq!(es[0].aliases, ["Lavrov", "Sergey Lavrov"]);
    }

    #[test]
    fn first_name_alone_joins_the_one_full_name_in_the_article() {
        let es = resolve(vec![
            m(0, 0, EntityKind::Person, "Anna Vey"),
            m(0, 20, EntityKind::Person, "Anna"),
            m(1, 0, EntityKind::Person, "Anna"),
        ]);
        let n = names(&es);
        assert!(
            n.iter()
                .any(|(id, _, count)| id == "person:anna-vey" && *count == 2),
            "{n:?}"
        );
    }

    #[test]
    fn particles_merge() {
        let es = resolve(vec![
            m(0, 0, EntityKind::Person, "Bashar al-Assad"),
            m(1, 0, EntityKind::Person, "Bashar al Assad"),
            m(2, 0, EntityKind::Person, "Assad"),
            m(2, 10, EntityKind::Person, "al-Assad"),
        ]);
        assert_eq!(es.len(), 1, "{:?}", names(&es));
        assert_eq!(es[0].mentions.len(), 4);
        assert_eq!(es[0].name, "Bashar al-Assad");
    }

    #[test]
    fn country_abbreviations_merge() {
        let es = resolve(vec![
            m(0, 0, EntityKind::Place, "U.S."),
            m(0, 10, EntityKind::Place, "US"),
            m(1, 0, EntityKind::Place, "United States"),
        ]);
        assert_eq!(
            names(&es),
            [(
                "place:united-states".to_string(),
                vec!["U.S.".to_string(), "US".to_string()],
                3
            )]
        );
    }

    #[test]
    fn acronym_defined_in_parentheses_merges() {
        let mut acr = m(0, 50, EntityKind::Organization, "RIAC");
        acr.long_form = Some("Russian International Affairs Council".into());
        let es = resolve(vec![
            m(
                0,
                0,
                EntityKind::Organization,
                "Russian International Affairs Council",
            ),
            acr,
            m(1, 0, EntityKind::Organization, "RIAC"),
        ]);
        assert_eq!(es.len(), 1, "{:?}", names(&es));
        assert_eq!(
            es[0].id,
            "organization:russian-international-affairs-council"
        );
    }

    #[test]
    fn different_people_with_other_surnames_stay_apart() {
        let es = resolve(vec![
            m(0, 0, EntityKind::Person, "Fiona Hill"),
            m(0, 20, EntityKind::Person, "Robert Legvold"),
        ]);
        assert_eq!(es.len(), 2);
    }
}

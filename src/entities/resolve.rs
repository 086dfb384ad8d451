//! Library-level resolution: many surface forms, one entity per real-world thing.
//!
//! Rules, in order: abbreviations and variants from the alias table ("U.S." → "United
//! States"); acronyms defined in parentheses; folding of case, accents, transliteration
//! variants and name particles ("Sergey"/"Sergei", "al-Assad"/"al Assad"); a surname or
//! first-word short form joins the full name it belongs to, preferring a full name in the
//! same article, else the most mentioned one in the library.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

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

/// No string (an absent long form or preferred name).
pub const NONE: u32 = u32::MAX;

/// Distinct strings, each stored once and named by a `u32` id.
#[derive(Debug, Default)]
pub struct Interner {
    ids: HashMap<Arc<str>, u32, BuildFx>,
    strs: Vec<Arc<str>>,
}

impl Interner {
    /// The id of `s`, adding it when new.
    pub fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        // Fewer than 2^32 distinct strings: each is a distinct surface or name of a library
        // whose files are at most 20 MB each.
        let id = self.strs.len() as u32;
        let s: Arc<str> = s.into();
        self.strs.push(s.clone());
        self.ids.insert(s, id);
        id
    }

    /// The string of `id` ("" for an unknown id).
    pub fn get(&self, id: u32) -> &str {
        self.strs.get(id as usize).map_or("", |s| s)
    }

    /// Number of distinct strings.
    pub fn len(&self) -> usize {
        self.strs.len()
    }

    /// Whether no string was interned.
    pub fn is_empty(&self) -> bool {
        self.strs.is_empty()
    }
}

/// A [`RawMention`] with its surfaces interned: 20 bytes whatever the surface.
#[derive(Debug, Clone, Copy)]
pub struct CompactMention {
    pub article: u32,
    pub start: u32,
    pub end: u32,
    pub kind: EntityKind,
    /// Id of the surface in the [`Interner`].
    pub surface: u32,
    /// Id of the long form's surface, or [`NONE`].
    pub long_form: u32,
}

struct M {
    article: u32,
    start: u32,
    end: u32,
    kind: EntityKind,
    surface: u32,
    /// Id in the key interner.
    key: u32,
    /// Id in the key interner of the alias table's name, or [`NONE`].
    preferred: u32,
}

/// What resolution needs of one key, computed once per distinct key.
#[derive(Clone, Copy)]
struct KeyInfo {
    /// Word id of the first word.
    first: u32,
    /// Word id of the last word that is not a particle, or [`NONE`].
    last: u32,
    short: bool,
    words: usize,
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
    let mut surfaces = Interner::default();
    let compact = raw
        .into_iter()
        .filter_map(|r| {
            Some(CompactMention {
                article: u32::try_from(r.article).ok()?,
                start: u32::try_from(r.start).ok()?,
                end: u32::try_from(r.end).ok()?,
                kind: r.kind,
                surface: surfaces.intern(&r.surface),
                long_form: r.long_form.as_deref().map_or(NONE, |l| surfaces.intern(l)),
            })
        })
        .collect();
    resolve_compact(compact, &surfaces)
}

/// Counts per key id, few per entry: a short list beats a map.
type Votes = Vec<(u32, usize)>;

fn vote(v: &mut Votes, key: u32) {
    match v.iter_mut().find(|(k, _)| *k == key) {
        Some(e) => e.1 += 1,
        None => v.push((key, 1)),
    }
}

/// [`resolve`] over mentions whose surfaces are ids in `surfaces`.
pub fn resolve_compact(raw: Vec<CompactMention>, surfaces: &Interner) -> Vec<Entity> {
    let gaz = Gazetteer::get();
    // Acronym → long-form key, library-wide.
    let mut acronym: HashMap<String, String> = HashMap::new();
    for r in &raw {
        if r.long_form != NONE {
            acronym
                .entry(key_words(surfaces.get(r.surface)).join(" "))
                .or_insert_with(|| key_words(surfaces.get(r.long_form)).join(" "));
        }
    }
    // Keys depend only on the surface: computed once per distinct surface.
    let mut keys = Interner::default();
    let mut key_of: Vec<Option<(u32, u32)>> = vec![None; surfaces.len()];
    let mut ms: Vec<M> = Vec::with_capacity(raw.len());
    for r in raw {
        let (key, preferred) = match key_of.get(r.surface as usize).copied().flatten() {
            Some(k) => k,
            None => {
                let surface = surfaces
                    .get(r.surface)
                    .trim_start_matches("the ")
                    .trim_start_matches("The ");
                let (k, p) = match gaz.alias(surface) {
                    Some(canon) => (key_words(canon).join(" "), Some(canon)),
                    None => {
                        let k = key_words(surface).join(" ");
                        match acronym.get(&k) {
                            Some(long) => (long.clone(), None),
                            None => (k, None),
                        }
                    }
                };
                let k = (keys.intern(&k), p.map_or(NONE, |p| keys.intern(p)));
                if let Some(slot) = key_of.get_mut(r.surface as usize) {
                    *slot = Some(k);
                }
                k
            }
        };
        if keys.get(key).is_empty() {
            continue;
        }
        ms.push(M {
            article: r.article,
            start: r.start,
            end: r.end,
            kind: r.kind,
            surface: r.surface,
            key,
            preferred,
        });
    }
    drop(key_of);
    ms.shrink_to_fit();

    // Word ids and the facts resolution needs, per distinct key.
    let mut words_in = Interner::default();
    let mut info: Vec<Option<KeyInfo>> = vec![None; keys.len()];
    for m in &ms {
        let Some(slot) = info.get_mut(m.key as usize) else {
            continue;
        };
        if slot.is_none() {
            let words: Vec<&str> = keys.get(m.key).split(' ').collect();
            *slot = Some(KeyInfo {
                first: words.first().map_or(NONE, |w| words_in.intern(w)),
                last: core_last(&words).map_or(NONE, |w| words_in.intern(w)),
                short: is_short_form(&words),
                words: words.len(),
            });
        }
    }
    let info_of = |key: u32| info.get(key as usize).copied().flatten();

    // Full person names, library-wide and per article, indexed by their last core word.
    let mut full_by_last: HashMap<u32, Votes, BuildFx> = HashMap::default();
    let mut full_in_article: HashMap<(u32, u32), Votes, BuildFx> = HashMap::default();
    let mut org_by_first: HashMap<(u32, u32), u32, BuildFx> = HashMap::default();
    // Full person names per article by their first word ("John" → "john kerry").
    let mut full_by_first_in_article: HashMap<(u32, u32), Votes, BuildFx> = HashMap::default();
    for m in &ms {
        let Some(ki) = info_of(m.key) else {
            continue;
        };
        if m.kind == EntityKind::Person && !ki.short {
            if ki.first != NONE {
                vote(
                    full_by_first_in_article
                        .entry((m.article, ki.first))
                        .or_default(),
                    m.key,
                );
            }
            if ki.last != NONE {
                vote(full_by_last.entry(ki.last).or_default(), m.key);
                vote(
                    full_in_article.entry((m.article, ki.last)).or_default(),
                    m.key,
                );
            }
        }
        if m.kind == EntityKind::Organization && ki.words >= 2 {
            org_by_first.entry((m.article, ki.first)).or_insert(m.key);
        }
    }
    let top = |c: &Votes| -> Option<u32> {
        c.iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(keys.get(b.0).cmp(keys.get(a.0))))
            .map(|(k, _)| *k)
    };
    for m in &mut ms {
        let Some(ki) = info_of(m.key) else {
            continue;
        };
        if !ki.short || m.preferred != NONE {
            continue;
        }
        let last = ki.last;
        if last == NONE {
            continue;
        }
        if let Some(c) = full_in_article.get(&(m.article, last)) {
            // A full name in the same article wins, whatever kind the short form was given.
            if let Some(k) = top(c) {
                m.key = k;
                m.kind = EntityKind::Person;
            }
        } else if let Some(c) = full_by_first_in_article
            .get(&(m.article, last))
            .filter(|c| m.kind == EntityKind::Person && c.len() == 1)
        {
            // A first name alone ("John, I'm still behind you") is the one full name in
            // the article that starts with it.
            if let Some(k) = top(c) {
                m.key = k;
            }
        } else if m.kind == EntityKind::Person {
            if let Some(k) = full_by_last.get(&last).and_then(top) {
                m.key = k;
            }
        } else if m.kind == EntityKind::Organization {
            if let Some(&k) = org_by_first.get(&(m.article, last)) {
                m.key = k;
            }
        }
    }
    drop((
        full_by_last,
        full_in_article,
        org_by_first,
        full_by_first_in_article,
    ));

    // Group by key (in key order); the kind is the majority vote.
    let mut groups: Vec<Vec<u32>> = vec![Vec::new(); keys.len()];
    for (i, m) in ms.iter().enumerate() {
        if let Some(g) = groups.get_mut(m.key as usize) {
            // Fewer than 2^32 mentions: one per name occurrence in files of at most 20 MB.
            g.push(i as u32);
        }
    }
    let mut order: Vec<u32> = (0..keys.len() as u32)
        .filter(|&k| groups.get(k as usize).is_some_and(|g| !g.is_empty()))
        .collect();
    order.sort_by(|a, b| keys.get(*a).cmp(keys.get(*b)));
    let mut squashed: Vec<Option<String>> = vec![None; surfaces.len()];
    let mut by_id: BTreeMap<String, Entity> = BTreeMap::new();
    for key in order {
        let Some(idx) = groups.get_mut(key as usize).map(std::mem::take) else {
            continue;
        };
        let mut votes = [0usize; 3];
        for &i in &idx {
            votes[kind_index(ms[i as usize].kind)] += 1;
        }
        let kind = [
            EntityKind::Person,
            EntityKind::Place,
            EntityKind::Organization,
        ][(0..3).max_by_key(|&k| (votes[k], 3 - k)).unwrap_or(0)];
        let mut forms: Vec<(String, usize, usize)> = Vec::new(); // surface, count, first seen
        let mut preferred = None;
        for &i in &idx {
            let m = &ms[i as usize];
            let s: &str = match squashed.get_mut(m.surface as usize) {
                Some(slot) => slot.get_or_insert_with(|| squash_spaces(surfaces.get(m.surface))),
                None => "",
            };
            if preferred.is_none() && m.preferred != NONE {
                preferred = Some(keys.get(m.preferred).to_string());
            }
            match forms.iter_mut().find(|f| f.0 == s) {
                Some(f) => f.1 += 1,
                None => forms.push((s.to_string(), 1, i as usize)),
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
        e.mentions.reserve_exact(idx.len());
        for &i in &idx {
            let m = &ms[i as usize];
            e.mentions.push(Mention {
                article: m.article as usize,
                start: m.start as usize,
                end: m.end as usize,
            });
        }
    }
    drop(ms);
    by_id
        .into_values()
        .map(|mut e| {
            e.aliases.sort();
            e.mentions.sort_by_key(|m| (m.article, m.start, m.end));
            e.mentions.dedup();
            e.mentions.shrink_to_fit();
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

//! People, places, organizations and topics, found per article and resolved across the
//! library into one entity per real-world thing.
//!
//! Entry point: [`extract`]. Per article, every block except boilerplate is read; a small
//! learned tagger ([`ner`]) with word lists ([`gazetteer`]) finds person, place and
//! organization mentions, made consistent inside the article ([`detect`]); [`resolve`] then
//! merges variants across the library ("Kerry" → "John Kerry", "U.S." → "United States");
//! [`topics`] adds recurring key phrases and the user's own topics.
//! Everything is offline and deterministic: same library, same entities, same ids.

pub mod detect;
pub mod gazetteer;
pub mod gold;
pub mod ner;
pub mod resolve;
pub mod text;
pub mod topics;

use std::ops::Range;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::corpus::Corpus;

/// The four kinds of entity the sidebar groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
    Topic,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organization,
        EntityKind::Topic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Topic => "topic",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One occurrence of an entity in an article.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Mention {
    /// Index into `Corpus::articles`.
    pub article: usize,
    /// Byte range into `Article::text`.
    pub start: usize,
    pub end: usize,
}

/// One real-world thing, with every surface form and mention found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable across runs: kind plus normalised canonical name (e.g. `person:john-kerry`).
    pub id: String,
    /// Canonical name: the longest, then most frequent, full form (or the alias table's name).
    pub name: String,
    pub kind: EntityKind,
    /// Other surface forms seen, sorted.
    pub aliases: Vec<String>,
    /// Sorted by article, then start.
    pub mentions: Vec<Mention>,
}

impl Entity {
    /// Number of mentions in the library.
    pub fn mention_count(&self) -> usize {
        self.mentions.len()
    }

    /// Number of distinct articles that mention it.
    pub fn article_count(&self) -> usize {
        let mut n = 0;
        let mut last = None;
        for m in &self.mentions {
            if last != Some(m.article) {
                n += 1;
                last = Some(m.article);
            }
        }
        n
    }
}

/// A topic the user defines in the config (`[[topic]]` with `name` and `keywords`); its
/// keywords are matched case-insensitively on word boundaries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicDef {
    pub name: String,
    #[serde(default)]
    pub keywords: Vec<String>,
}

/// All entities of a library, with a per-article view for the reader.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    /// Sorted by kind, then mention count (descending), then name.
    pub entities: Vec<Entity>,
    article_count: usize,
    /// The per-article view, built on first use (the interface keeps its own, so most
    /// runs never pay for this copy of every mention).
    per_article: OnceLock<PerArticleView>,
}

/// Every mention of the library grouped by article, in one flat list.
#[derive(Debug, Clone, Default)]
struct PerArticleView {
    /// Article `a`'s mentions are `mentions[offsets[a]..offsets[a + 1]]`.
    offsets: Vec<usize>,
    /// (entity index, mention), per article sorted by start (longer first on ties).
    mentions: Vec<(usize, Mention)>,
}

impl PerArticleView {
    fn build(entities: &[Entity], article_count: usize) -> PerArticleView {
        let mut offsets = vec![0usize; article_count + 1];
        for e in entities {
            for m in &e.mentions {
                if let Some(o) = offsets.get_mut(m.article + 1) {
                    *o += 1;
                }
            }
        }
        for a in 0..article_count {
            offsets[a + 1] += offsets[a];
        }
        let mut fill = offsets.clone();
        let mut mentions = vec![(0, Mention::default()); offsets[article_count]];
        for (i, e) in entities.iter().enumerate() {
            for m in &e.mentions {
                if let Some(slot) = fill.get_mut(m.article) {
                    if let Some(x) = mentions.get_mut(*slot) {
                        *x = (i, *m);
                    }
                    *slot += 1;
                }
            }
        }
        for a in 0..article_count {
            if let Some(v) = mentions.get_mut(offsets[a]..offsets[a + 1]) {
                v.sort_by_key(|(i, m)| (m.start, std::cmp::Reverse(m.end), *i));
            }
        }
        PerArticleView { offsets, mentions }
    }
}

impl EntityIndex {
    /// Builds an index from entities (sorted here) for a library of `article_count` articles.
    pub fn new(mut entities: Vec<Entity>, article_count: usize) -> EntityIndex {
        entities.sort_by(|a, b| {
            a.kind
                .cmp(&b.kind)
                .then(b.mentions.len().cmp(&a.mentions.len()))
                .then(a.name.cmp(&b.name))
                .then(a.id.cmp(&b.id))
        });
        entities.shrink_to_fit();
        EntityIndex {
            entities,
            article_count,
            per_article: OnceLock::new(),
        }
    }

    /// The mentions of one article as (index into `entities`, mention), sorted by start
    /// (longer first on ties). Topic mentions may overlap name mentions. Empty when out of range.
    pub fn by_article(&self, article: usize) -> &[(usize, Mention)] {
        let view = self
            .per_article
            .get_or_init(|| PerArticleView::build(&self.entities, self.article_count));
        match (view.offsets.get(article), view.offsets.get(article + 1)) {
            (Some(&a), Some(&b)) => view.mentions.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The entity with this id (`kind:normalised-name`).
    pub fn find(&self, id: &str) -> Option<&Entity> {
        self.position(id).and_then(|i| self.entities.get(i))
    }

    /// Index of the entity with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.entities.iter().position(|e| e.id == id)
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Total mentions of all entities.
    pub fn mention_count(&self) -> usize {
        self.entities.iter().map(|e| e.mentions.len()).sum()
    }

    /// Distinct entities per kind mentioned in one article, in [`EntityKind::ALL`] order
    /// (for `byline list`).
    pub fn kind_counts(&self, article: usize) -> [usize; 4] {
        let mut seen: Vec<usize> = self.by_article(article).iter().map(|(i, _)| *i).collect();
        seen.sort_unstable();
        seen.dedup();
        let mut out = [0; 4];
        for i in seen {
            if let Some(e) = self.entities.get(i) {
                out[e.kind as usize] += 1;
            }
        }
        out
    }

    /// Indexes of the articles that mention entity `entity`, ascending.
    pub fn articles_of(&self, entity: usize) -> Vec<usize> {
        let mut v: Vec<usize> = self.entities.get(entity).map_or(Vec::new(), |e| {
            e.mentions.iter().map(|m| m.article).collect()
        });
        v.dedup();
        v
    }
}

/// The byte ranges of an article that entities are looked for in: every block except
/// boilerplate (the whole text when the article has no blocks).
pub fn article_ranges(article: &Article) -> Vec<Range<usize>> {
    if article.blocks.is_empty() {
        return std::iter::once(0..article.text.len()).collect();
    }
    article
        .blocks
        .iter()
        .filter(|b| !b.kind.is_boilerplate())
        .map(|b| b.bytes.clone())
        .filter(|r| article.text.get(r.clone()).is_some())
        .collect()
}

/// Extracts and resolves the entities of a library. Deterministic; parallel over articles.
pub fn extract(corpus: &Corpus, topics: &[TopicDef]) -> EntityIndex {
    extract_articles(&corpus.articles, topics)
}

/// Articles extracted in parallel at a time. Each batch is merged into compact
/// library-wide tables (interned surfaces, phrase counts) before the next one starts, so
/// only one batch of per-article results is ever held.
const BATCH: usize = 512;

/// One name mention found in an article: byte range, kind, and the byte range of the long
/// form when it is an acronym defined in parentheses.
type Found = (usize, usize, EntityKind, Option<(usize, usize)>);

struct PerArticle {
    found: Vec<Found>,
    /// Byte ranges of person mentions (phrases touching them are not topics).
    names: Vec<(usize, usize)>,
    /// Candidate key phrases with their number of occurrences.
    phrases: Vec<(String, usize)>,
    user: Vec<(usize, usize, usize)>,
}

/// A byte offset or article index as `u32`: loaded files are at most
/// [`crate::corpus::MAX_FILE_BYTES`] (20 MB) and libraries hold far fewer than 2^32
/// articles, so this never fails for a loaded library.
fn small(n: usize) -> Option<u32> {
    u32::try_from(n).ok()
}

/// [`extract`] over a slice of articles (mention `article` fields index this slice).
pub fn extract_articles(articles: &[Article], topic_defs: &[TopicDef]) -> EntityIndex {
    let mut surfaces = resolve::Interner::default();
    let mut raw: Vec<resolve::CompactMention> = Vec::new();
    let mut stats = topics::PhraseStats::default();
    let mut names: Vec<Box<[(u32, u32)]>> = Vec::with_capacity(articles.len());
    let mut user_mentions: Vec<Vec<Mention>> = vec![Vec::new(); topic_defs.len()];
    for (b, batch) in articles.chunks(BATCH).enumerate() {
        let base = b * BATCH;
        let per: Vec<PerArticle> = batch
            .par_iter()
            .map(|a| extract_one(a, topic_defs))
            .collect();
        for (i, p) in per.into_iter().enumerate() {
            let ai = base + i;
            let text = articles.get(ai).map_or("", |a| a.text.as_str());
            let article = small(ai);
            for (start, end, kind, long) in p.found {
                let (Some(article), Some(s), Some(e)) = (article, small(start), small(end)) else {
                    continue;
                };
                let surface = surfaces.intern(text.get(start..end).unwrap_or(""));
                let long_form = long
                    .and_then(|(a, b)| text.get(a..b))
                    .map_or(resolve::NONE, |l| surfaces.intern(l));
                raw.push(resolve::CompactMention {
                    article,
                    start: s,
                    end: e,
                    kind,
                    surface,
                    long_form,
                });
            }
            names.push(
                p.names
                    .iter()
                    .filter_map(|&(a, b)| Some((small(a)?, small(b)?)))
                    .collect(),
            );
            for (key, n) in &p.phrases {
                stats.add(ai, key, *n);
            }
            for (ti, start, end) in p.user {
                if let Some(v) = user_mentions.get_mut(ti) {
                    v.push(Mention {
                        article: ai,
                        start,
                        end,
                    });
                }
            }
        }
    }
    raw.shrink_to_fit();

    // Key phrases: choose from the library-wide counts, then gather the chosen ones' hits.
    let chosen = stats.choose();
    drop(stats);
    let hits = gather_phrases(articles, &names, &chosen);
    drop(names);

    let mut entities = resolve::resolve_compact(raw, &surfaces);
    drop(surfaces);
    let mut reserved = Vec::new();
    for (def, mut mentions) in topic_defs.iter().zip(user_mentions) {
        let id = topics::user_topic_id(def);
        if def.name.trim().is_empty() || reserved.contains(&id) {
            continue;
        }
        reserved.push(id.clone());
        mentions.sort();
        mentions.dedup();
        mentions.shrink_to_fit();
        let mut aliases: Vec<String> = mentions
            .iter()
            .filter_map(|m| {
                articles
                    .get(m.article)?
                    .text
                    .get(m.start..m.end)
                    .map(str::to_string)
            })
            .filter(|s| *s != def.name)
            .collect();
        aliases.sort();
        aliases.dedup();
        entities.push(Entity {
            id,
            name: def.name.clone(),
            kind: EntityKind::Topic,
            aliases,
            mentions,
        });
    }
    entities.extend(topics::key_phrase_entities(&chosen, hits, &reserved));
    EntityIndex::new(entities, articles.len())
}

/// The surfaces and mentions of the `chosen` key phrases, found again article by article
/// (cheaper in memory than keeping every candidate phrase of every article).
fn gather_phrases(
    articles: &[Article],
    names: &[Box<[(u32, u32)]>],
    chosen: &[String],
) -> Vec<topics::ChosenHits> {
    let mut hits = vec![topics::ChosenHits::default(); chosen.len()];
    if chosen.is_empty() {
        return hits;
    }
    let wanted: std::collections::HashMap<&str, usize> = chosen
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    for (b, batch) in articles.chunks(BATCH).enumerate() {
        let base = b * BATCH;
        let per: Vec<Vec<(usize, usize, usize)>> = batch
            .par_iter()
            .enumerate()
            .map(|(i, a)| {
                let names: Vec<(usize, usize)> = names
                    .get(base + i)
                    .map(|n| n.iter().map(|&(a, b)| (a as usize, b as usize)).collect())
                    .unwrap_or_default();
                let text = a.text.as_str();
                let tokens = detect::tokenize_ranges(text, &article_ranges(a));
                let infos = ner::features::token_info(&tokens);
                let mut out = Vec::new();
                topics::article_phrases(text, &tokens, &infos, &names, |k, s, e| {
                    if let Some(&ki) = wanted.get(k) {
                        out.push((ki, s, e));
                    }
                });
                out
            })
            .collect();
        for (i, found) in per.into_iter().enumerate() {
            let ai = base + i;
            let text = articles.get(ai).map_or("", |a| a.text.as_str());
            for (ki, start, end) in found {
                let Some(h) = hits.get_mut(ki) else {
                    continue;
                };
                let surface = text.get(start..end).unwrap_or("");
                match h.surfaces.get_mut(surface) {
                    Some(c) => *c += 1,
                    None => {
                        h.surfaces.insert(surface.to_string(), 1);
                    }
                }
                h.mentions.push(Mention {
                    article: ai,
                    start,
                    end,
                });
            }
        }
    }
    hits
}

fn extract_one(article: &Article, topic_defs: &[TopicDef]) -> PerArticle {
    let text = article.text.as_str();
    let ranges = article_ranges(article);
    let tokens = detect::tokenize_ranges(text, &ranges);
    let infos = ner::features::token_info(&tokens);
    let found = detect::detect_prepared(ner::Model::embedded(), text, &tokens, &infos);
    let raw = found
        .iter()
        .filter(|f| text.get(f.start..f.end).is_some())
        .map(|f| {
            let long = f
                .acronym_of
                .and_then(|j| found.get(j))
                .filter(|l| text.get(l.start..l.end).is_some())
                .map(|l| (l.start, l.end));
            (f.start, f.end, f.kind, long)
        })
        .collect();
    let names: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| f.kind == EntityKind::Person)
        .map(|f| (f.start, f.end))
        .collect();
    let mut counts: std::collections::HashMap<String, usize, ner::features::BuildFx> =
        Default::default();
    topics::article_phrases(text, &tokens, &infos, &names, |k, _, _| {
        match counts.get_mut(k) {
            Some(c) => *c += 1,
            None => {
                counts.insert(k.to_string(), 1);
            }
        }
    });
    let user = topics::user_topic_hits(topic_defs, &tokens);
    PerArticle {
        found: raw,
        names,
        phrases: counts.into_iter().collect(),
        user,
    }
}

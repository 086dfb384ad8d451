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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
    /// Per article: (entity index, mention) sorted by start.
    per_article: Vec<Vec<(usize, Mention)>>,
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
        let mut per_article: Vec<Vec<(usize, Mention)>> = vec![Vec::new(); article_count];
        for (i, e) in entities.iter().enumerate() {
            for m in &e.mentions {
                if let Some(v) = per_article.get_mut(m.article) {
                    v.push((i, *m));
                }
            }
        }
        for v in &mut per_article {
            v.sort_by_key(|(i, m)| (m.start, std::cmp::Reverse(m.end), *i));
        }
        EntityIndex {
            entities,
            per_article,
        }
    }

    /// The mentions of one article as (index into `entities`, mention), sorted by start
    /// (longer first on ties). Topic mentions may overlap name mentions. Empty when out of range.
    pub fn by_article(&self, article: usize) -> &[(usize, Mention)] {
        self.per_article.get(article).map_or(&[], Vec::as_slice)
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

struct PerArticle {
    raw: Vec<resolve::RawMention>,
    phrases: topics::PhraseMap,
    user: Vec<(usize, usize, usize)>,
}

/// [`extract`] over a slice of articles (mention `article` fields index this slice).
pub fn extract_articles(articles: &[Article], topic_defs: &[TopicDef]) -> EntityIndex {
    let per: Vec<PerArticle> = articles
        .par_iter()
        .enumerate()
        .map(|(ai, a)| extract_one(ai, a, topic_defs))
        .collect();
    let mut raw = Vec::new();
    let mut phrases = Vec::with_capacity(per.len());
    let mut user_mentions: Vec<Vec<Mention>> = vec![Vec::new(); topic_defs.len()];
    for (ai, p) in per.into_iter().enumerate() {
        raw.extend(p.raw);
        phrases.push(p.phrases);
        for (ti, start, end) in p.user {
            user_mentions[ti].push(Mention {
                article: ai,
                start,
                end,
            });
        }
    }
    let mut entities = resolve::resolve(raw);
    let mut reserved = Vec::new();
    for (def, mut mentions) in topic_defs.iter().zip(user_mentions) {
        let id = topics::user_topic_id(def);
        if def.name.trim().is_empty() || reserved.contains(&id) {
            continue;
        }
        reserved.push(id.clone());
        mentions.sort();
        mentions.dedup();
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
    entities.extend(topics::key_phrase_topics(&phrases, &reserved));
    EntityIndex::new(entities, articles.len())
}

fn extract_one(ai: usize, article: &Article, topic_defs: &[TopicDef]) -> PerArticle {
    let text = article.text.as_str();
    let ranges = article_ranges(article);
    let tokens = detect::tokenize_ranges(text, &ranges);
    let infos = ner::features::token_info(&tokens);
    let found = detect::detect_prepared(ner::Model::embedded(), text, &tokens, &infos);
    let raw = found
        .iter()
        .filter_map(|f| {
            Some(resolve::RawMention {
                article: ai,
                start: f.start,
                end: f.end,
                kind: f.kind,
                surface: text.get(f.start..f.end)?.to_string(),
                long_form: f
                    .acronym_of
                    .and_then(|j| found.get(j))
                    .and_then(|l| text.get(l.start..l.end))
                    .map(str::to_string),
            })
        })
        .collect();
    let names: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| f.kind == EntityKind::Person)
        .map(|f| (f.start, f.end))
        .collect();
    let phrases = topics::article_phrases(text, &tokens, &infos, &names);
    let user = topics::user_topic_hits(topic_defs, &tokens);
    PerArticle { raw, phrases, user }
}

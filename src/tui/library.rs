//! The loaded library plus the lookups the interface needs on every keystroke, built once
//! when the library arrives: mentions per article in text order, articles per entity,
//! folded entity names and titles.

use std::collections::HashMap;
use std::sync::Arc;

use crate::corpus::Corpus;
use crate::entities::{Entity, EntityIndex, EntityKind};

use super::fold::Folded;

/// A mention as the reader paints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleMention {
    pub start: usize,
    pub end: usize,
    /// Index into `EntityIndex::entities`.
    pub entity: usize,
}

/// Id prefix of the sidebar topics made from the user's tags (`tag:climate`).
pub const TAG_PREFIX: &str = "tag:";

/// A tag shown as a topic: its name and the articles carrying it (corpus indices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagTopic {
    pub name: String,
    pub articles: Vec<usize>,
}

/// Corpus, entities and the derived lookups.
#[derive(Debug, Default)]
pub struct Library {
    /// Shared with the loader while it extracts the entities, so the articles can be
    /// read meanwhile without a second copy of the library in memory.
    pub corpus: Arc<Corpus>,
    /// The extractor's entities as loaded, before the user's corrections and tags: the
    /// base every correction is replayed on, so a deleted correction goes away.
    pub base: EntityIndex,
    /// `base` with corrections applied and tags added as topics.
    pub index: EntityIndex,
    /// Per article: its mentions sorted by start.
    pub mentions: Vec<Vec<ArticleMention>>,
    /// Per entity: the articles mentioning it, sorted, unique.
    pub entity_articles: Vec<Vec<usize>>,
    /// Per entity: folded name for accent-insensitive fuzzy matching.
    pub folded_names: Vec<Folded>,
    /// Per article: folded title.
    pub folded_titles: Vec<Folded>,
}

impl Library {
    /// Article position by id, for turning the annotation file's article ids into rows.
    pub fn article_positions(&self) -> HashMap<&str, usize> {
        self.corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect()
    }

    /// Builds the lookups; mentions pointing outside their article are dropped.
    pub fn new(corpus: Arc<Corpus>, index: EntityIndex) -> Library {
        let base = index.clone();
        Library::build(corpus, base, index, &[])
    }

    /// Builds the lookups over `index` (the corrected entities) plus one topic per tag,
    /// whose articles are the tagged ones; `base` is kept for the next rebuild.
    pub fn build(
        corpus: Arc<Corpus>,
        base: EntityIndex,
        index: EntityIndex,
        tags: &[TagTopic],
    ) -> Library {
        let n = corpus.articles.len();
        let index = if tags.is_empty() {
            index
        } else {
            let mut entities = index.entities;
            entities.extend(tags.iter().map(|t| Entity {
                id: format!("{TAG_PREFIX}{}", t.name),
                name: format!("#{}", t.name),
                kind: EntityKind::Topic,
                aliases: Vec::new(),
                mentions: Vec::new(),
            }));
            EntityIndex::new(entities, n)
        };
        let mut mentions: Vec<Vec<ArticleMention>> = vec![Vec::new(); n];
        let mut entity_articles = Vec::with_capacity(index.entities.len());
        for (ei, e) in index.entities.iter().enumerate() {
            let mut arts = Vec::new();
            for m in &e.mentions {
                let Some(article) = corpus.articles.get(m.article) else {
                    continue;
                };
                if m.start >= m.end || article.text.get(m.start..m.end).is_none() {
                    continue;
                }
                if let Some(list) = mentions.get_mut(m.article) {
                    list.push(ArticleMention {
                        start: m.start,
                        end: m.end,
                        entity: ei,
                    });
                }
                arts.push(m.article);
            }
            if let Some(t) =
                e.id.strip_prefix(TAG_PREFIX)
                    .and_then(|name| tags.iter().find(|t| t.name == name))
            {
                arts.extend(t.articles.iter().copied().filter(|&a| a < n));
            }
            arts.sort_unstable();
            arts.dedup();
            entity_articles.push(arts);
        }
        for list in &mut mentions {
            list.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        }
        let folded_names = index
            .entities
            .iter()
            .map(|e| Folded::new(&e.name))
            .collect();
        let folded_titles = corpus
            .articles
            .iter()
            .map(|a| Folded::new(&a.title))
            .collect();
        Library {
            corpus,
            base,
            index,
            mentions,
            entity_articles,
            folded_names,
            folded_titles,
        }
    }

    /// Number of mentions of entity `e` across the library.
    pub fn mention_count(&self, e: usize) -> usize {
        self.index
            .entities
            .get(e)
            .map(|x| x.mentions.len())
            .unwrap_or(0)
    }

    /// The entity's display name.
    pub fn name(&self, e: usize) -> &str {
        self.index
            .entities
            .get(e)
            .map(|x| x.name.as_str())
            .unwrap_or("?")
    }

    /// Is entity `e` one of the user's tags shown as a topic?
    pub fn is_tag(&self, e: usize) -> bool {
        self.index
            .entities
            .get(e)
            .is_some_and(|x| x.id.starts_with(TAG_PREFIX))
    }

    /// The entity's kind.
    pub fn kind(&self, e: usize) -> EntityKind {
        self.index
            .entities
            .get(e)
            .map(|x| x.kind)
            .unwrap_or(EntityKind::Topic)
    }

    /// Where an article came from, for the list: front matter source, else file name.
    pub fn source(&self, a: usize) -> String {
        let Some(article) = self.corpus.articles.get(a) else {
            return String::new();
        };
        if let Some(s) = &article.meta.source {
            return s.clone();
        }
        article
            .path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| article.path.display().to_string())
    }

    /// Every warning of the load: skipped files and per-article caveats.
    pub fn warnings(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .corpus
            .warnings
            .iter()
            .map(|w| format!("{}: {}", w.path.display(), w.reason))
            .collect();
        for a in &self.corpus.articles {
            for w in &a.warnings {
                out.push(format!("{}: {}", a.path.display(), w));
            }
        }
        out
    }
}

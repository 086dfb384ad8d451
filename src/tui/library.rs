//! The loaded library plus the lookups the interface needs on every keystroke, built once
//! when the library arrives: mentions per article in text order, articles per entity,
//! folded entity names and titles.

use crate::corpus::Corpus;
use crate::entities::{EntityIndex, EntityKind};

use super::fold::Folded;

/// A mention as the reader paints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleMention {
    pub start: usize,
    pub end: usize,
    /// Index into `EntityIndex::entities`.
    pub entity: usize,
}

/// Corpus, entities and the derived lookups.
#[derive(Debug, Default)]
pub struct Library {
    pub corpus: Corpus,
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
    /// Builds the lookups; mentions pointing outside their article are dropped.
    pub fn new(corpus: Corpus, index: EntityIndex) -> Library {
        let n = corpus.articles.len();
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

//! Applying the user's entity corrections to the extractor's [`EntityIndex`].
//!
//! Corrections are replayed oldest first on every start, so they survive restarts and a
//! re-run of the extractor: rename (old name kept as an alias), change kind, merge into
//! another entity (later corrections that name the merged entity follow it), hide, and
//! add (the selected mention plus every whole-word occurrence of the name in the library).

use std::collections::{HashMap, HashSet};

use super::anchor;
use super::model::{Annotation, Correction};
use crate::article::Article;
use crate::entities::text::slug;
use crate::entities::{Entity, EntityIndex, EntityKind, Mention};

/// What applying corrections did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorrectionReport {
    pub applied: usize,
    /// Corrections that name an entity the extractor no longer finds, in words.
    pub skipped: Vec<String>,
    /// Ids hidden by the user.
    pub hidden: Vec<String>,
}

/// The id an added entity gets, in the extractor's scheme (`person:john-kerry`).
pub fn entity_id(kind: EntityKind, name: &str) -> String {
    format!("{}:{}", kind.as_str(), slug(name))
}

fn add_alias(e: &mut Entity, alias: &str) {
    if alias != e.name && !e.aliases.iter().any(|a| a == alias) {
        e.aliases.push(alias.to_string());
        e.aliases.sort();
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Whole-word occurrences of `name` in the text, as byte ranges.
fn occurrences(text: &str, name: &str) -> Vec<(usize, usize)> {
    if name.is_empty() {
        return Vec::new();
    }
    text.match_indices(name)
        .map(|(s, m)| (s, s + m.len()))
        .filter(|&(s, e)| {
            !is_word_char(text[..s].chars().next_back()) && !is_word_char(text[e..].chars().next())
        })
        .collect()
}

/// Applies `corrections` (any order; sorted by `created` here) to `index`, whose mentions
/// index `articles`. The index is rebuilt so its per-article view stays consistent.
pub fn apply_corrections<'a>(
    index: &mut EntityIndex,
    articles: &[Article],
    corrections: impl IntoIterator<Item = &'a Annotation>,
) -> CorrectionReport {
    let mut list: Vec<&Annotation> = corrections
        .into_iter()
        .filter(|a| !a.deleted && a.correction.is_some())
        .collect();
    list.sort_by_key(|a| (a.created, a.id));
    let mut entities = std::mem::take(&mut index.entities);
    let mut report = CorrectionReport::default();
    let mut redirect: HashMap<String, String> = HashMap::new();
    let mut hidden: HashSet<String> = HashSet::new();
    let follow = |redirect: &HashMap<String, String>, id: &str| {
        let mut id = id.to_string();
        let mut hops = 0;
        while let Some(next) = redirect.get(&id) {
            id = next.clone();
            hops += 1;
            if hops > 64 {
                break;
            }
        }
        id
    };
    let article_index: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();

    for a in list {
        let Some(c) = &a.correction else { continue };
        let target = c.entity().map(|e| follow(&redirect, e));
        if target.as_ref().is_some_and(|t| hidden.contains(t)) {
            continue;
        }
        let pos = target
            .as_ref()
            .and_then(|t| entities.iter().position(|e| &e.id == t));
        let missing = |report: &mut CorrectionReport| {
            report.skipped.push(format!(
                "{} of {}: no such entity now",
                c.action(),
                c.entity().unwrap_or("?")
            ));
        };
        match c {
            Correction::Rename { name, .. } => {
                let Some(e) = pos.and_then(|p| entities.get_mut(p)) else {
                    missing(&mut report);
                    continue;
                };
                let old = std::mem::replace(&mut e.name, name.clone());
                e.aliases.retain(|x| x != name);
                add_alias(e, &old);
            }
            Correction::ChangeKind { kind, .. } => {
                let Some(e) = pos.and_then(|p| entities.get_mut(p)) else {
                    missing(&mut report);
                    continue;
                };
                e.kind = *kind;
            }
            Correction::Hide { .. } => {
                let Some(p) = pos else {
                    missing(&mut report);
                    continue;
                };
                let e = entities.remove(p);
                report.hidden.push(e.id.clone());
                hidden.insert(e.id);
            }
            Correction::Merge { into, .. } => {
                let into = follow(&redirect, into);
                let dst = entities.iter().position(|e| e.id == into);
                let (Some(src), Some(_)) = (pos, dst) else {
                    missing(&mut report);
                    continue;
                };
                if entities[src].id == into {
                    continue;
                }
                let gone = entities.remove(src);
                let Some(d) = entities.iter_mut().find(|e| e.id == into) else {
                    continue;
                };
                add_alias(d, &gone.name);
                for al in &gone.aliases {
                    add_alias(d, al);
                }
                d.mentions.extend(gone.mentions);
                d.mentions.sort();
                d.mentions.dedup();
                redirect.insert(gone.id, into);
            }
            Correction::Add { name, kind } => {
                let id = entity_id(*kind, name);
                let mut mentions: Vec<Mention> = Vec::new();
                if let (Some(an), Some(&ai)) = (
                    a.anchor.as_ref(),
                    a.article.as_deref().and_then(|id| article_index.get(id)),
                ) {
                    if let Some(r) = articles
                        .get(ai)
                        .and_then(|art| anchor::locate(&art.text, an))
                    {
                        mentions.push(Mention {
                            article: ai,
                            start: r.bytes.start,
                            end: r.bytes.end,
                        });
                    }
                }
                for (ai, art) in articles.iter().enumerate() {
                    for (s, e) in occurrences(&art.text, name) {
                        mentions.push(Mention {
                            article: ai,
                            start: s,
                            end: e,
                        });
                    }
                }
                match entities.iter_mut().find(|e| e.id == id) {
                    Some(e) => {
                        e.mentions.extend(mentions);
                        e.mentions.sort();
                        e.mentions.dedup();
                    }
                    None => {
                        mentions.sort();
                        mentions.dedup();
                        hidden.remove(&id);
                        entities.push(Entity {
                            id,
                            name: name.clone(),
                            kind: *kind,
                            aliases: Vec::new(),
                            mentions,
                        });
                    }
                }
            }
        }
        report.applied += 1;
    }
    *index = EntityIndex::new(entities, articles.len());
    report
}

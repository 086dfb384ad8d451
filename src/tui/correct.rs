//! Entity corrections from the interface (`e`): rename, change kind, merge (fuzzy pick),
//! hide, and add an entity from the reader's selection. Each is stored with
//! `Store::add_correction` and applied at once by rebuilding the entities: the
//! extractor's index, every stored correction replayed on it, the tags added as topics.

use fuzzy_matcher::FuzzyMatcher;

use super::action::{Action, AnnotationAction};
use super::app::{App, Pane};
use super::fold::fold_query;
use super::library::{Library, TagTopic};
use super::popup::{CORRECT_MENU, CorrectPopup, CorrectStage, CorrectTarget, Popup};
use super::selection::one_line;
use crate::annotations::anchor::block_index;
use crate::annotations::{Correction, apply_corrections};
use crate::entities::EntityKind;

/// How many entities the merge picker lists.
const MERGE_LIST: usize = 200;

impl App {
    /// Rebuilds the entities from the extractor's index, the stored corrections and the
    /// tags, keeping the filters and the sidebar selection on the same entities (by id).
    pub(crate) fn rebuild_entities(&mut self) {
        let id_of = |lib: &Library, e: usize| lib.index.entities.get(e).map(|x| x.id.clone());
        let filter_ids: Vec<String> = self
            .filters
            .iter()
            .filter_map(|&e| id_of(&self.lib, e))
            .collect();
        let selected_id = self
            .sidebar
            .selected_entity()
            .and_then(|e| id_of(&self.lib, e));
        let mut index = self.lib.base.clone();
        let mut tags = Vec::new();
        if let Some(store) = &self.annot.store {
            let report =
                apply_corrections(&mut index, &self.lib.corpus.articles, store.corrections());
            self.annot.skipped_corrections = report.skipped;
            let ids = self.lib.article_positions();
            for name in store.all_tags() {
                let articles = store
                    .articles_tagged(&name)
                    .iter()
                    .filter_map(|id| ids.get(id.as_str()).copied())
                    .collect();
                tags.push(TagTopic { name, articles });
            }
        }
        let corpus = std::mem::take(&mut self.lib.corpus);
        let base = std::mem::take(&mut self.lib.base);
        self.lib = Library::build(corpus, base, index, &tags);
        let find = |id: &str| self.lib.index.entities.iter().position(|e| e.id == id);
        self.filters = filter_ids.iter().filter_map(|id| find(id)).collect();
        let selected = selected_id.and_then(|id| find(&id));
        self.reader.cursor = None;
        self.refresh_scope();
        if let Some(e) = selected
            && let Some(row) = self
                .sidebar
                .rows
                .iter()
                .position(|r| *r == super::app::SidebarRow::Entity(e))
        {
            self.sidebar.selected = row;
        }
        self.refresh_list();
    }

    /// `e`: correct the sidebar's entity, or add one from the reader's selection (or
    /// the search match / mention the reader jumped to).
    pub(crate) fn open_correction(&mut self) {
        if self.annot.store.is_none() {
            self.message = Some(self.no_store_reason());
            return;
        }
        if self.focus == Pane::Sidebar {
            let Some(e) = self.sidebar.selected_entity() else {
                self.message = Some("no entity selected".into());
                return;
            };
            if self.lib.is_tag(e) {
                self.message = Some("a tag of yours: change it with t on the article".into());
                return;
            }
            let Some(ent) = self.lib.index.entities.get(e) else {
                return;
            };
            self.popup = Some(Popup::Correct(CorrectPopup {
                target: CorrectTarget::Entity {
                    id: ent.id.clone(),
                    name: ent.name.clone(),
                    kind: ent.kind,
                },
                stage: CorrectStage::Menu { selected: 0 },
            }));
            return;
        }
        let picked = self.selected_range().or_else(|| {
            let (s, e) = self.reader.cursor?;
            Some((self.reader.article?, s..e))
        });
        let Some((a, range)) = picked else {
            self.message = Some(
                "e: pick an entity in the sidebar, or select its name in the reader (v, or / to find it)"
                    .into(),
            );
            return;
        };
        let Some(article) = self.lib.corpus.articles.get(a) else {
            return;
        };
        let name = article
            .text
            .get(range.clone())
            .map(|t| one_line(t, 80))
            .unwrap_or_default();
        let block = block_index(&article.blocks, range.start);
        self.popup = Some(Popup::Correct(CorrectPopup {
            target: CorrectTarget::Mention {
                article: a,
                range,
                block,
                name: name.clone(),
            },
            stage: CorrectStage::Rename { text: name },
        }));
    }

    pub(crate) fn correct_key(
        &mut self,
        mut p: CorrectPopup,
        action: &Action,
    ) -> Option<CorrectPopup> {
        if matches!(action, Action::Escape) {
            return None;
        }
        match &mut p.stage {
            CorrectStage::Menu { selected } => {
                let pick = match action {
                    Action::Down => {
                        *selected = (*selected + 1).min(CORRECT_MENU.len() - 1);
                        None
                    }
                    Action::Up => {
                        *selected = selected.saturating_sub(1);
                        None
                    }
                    Action::Enter => Some(*selected),
                    Action::Input('q') => return None,
                    Action::Input(c) => CORRECT_MENU.iter().position(|m| m.1 == *c),
                    _ => None,
                };
                if let Some(i) = pick {
                    let CorrectTarget::Entity { id, name, kind } = &p.target else {
                        return None;
                    };
                    p.stage = match i {
                        0 => CorrectStage::Rename { text: name.clone() },
                        1 => CorrectStage::Kind {
                            selected: EntityKind::ALL.iter().position(|k| k == kind).unwrap_or(0),
                        },
                        2 => {
                            let matches = self.merge_matches(id, "");
                            CorrectStage::Merge {
                                query: String::new(),
                                matches,
                                selected: 0,
                            }
                        }
                        _ => {
                            let c = Correction::Hide { entity: id.clone() };
                            let msg =
                                format!("{name} hidden (A lists corrections; d there undoes it)");
                            self.apply_correction(c, None, msg);
                            return None;
                        }
                    };
                }
            }
            CorrectStage::Rename { text } => match action {
                Action::Input(c) => text.push(*c),
                Action::InputBackspace => {
                    text.pop();
                }
                Action::Enter | Action::Annotation(AnnotationAction::Save) => {
                    let new = text.trim().to_string();
                    if new.is_empty() {
                        self.message = Some("type a name".into());
                        return Some(p);
                    }
                    match &mut p.target {
                        CorrectTarget::Entity { id, name, .. } => {
                            if new != *name {
                                let msg = format!("renamed {name} → {new}");
                                let c = Correction::Rename {
                                    entity: id.clone(),
                                    name: new,
                                };
                                self.apply_correction(c, None, msg);
                            }
                            return None;
                        }
                        CorrectTarget::Mention { name, .. } => {
                            *name = new;
                            p.stage = CorrectStage::Kind { selected: 0 };
                        }
                    }
                }
                _ => {}
            },
            CorrectStage::Kind { selected } => match action {
                Action::Down => *selected = (*selected + 1).min(EntityKind::ALL.len() - 1),
                Action::Up => *selected = selected.saturating_sub(1),
                Action::Input(c @ '1'..='4') => {
                    *selected = (*c as usize) - ('1' as usize);
                    return self.pick_kind(p.clone(), *c as usize - '1' as usize);
                }
                Action::Input('q') => return None,
                Action::Enter => {
                    let i = *selected;
                    return self.pick_kind(p.clone(), i);
                }
                _ => {}
            },
            CorrectStage::Merge {
                query,
                matches,
                selected,
            } => match action {
                Action::Input(c) => {
                    query.push(*c);
                    *selected = 0;
                }
                Action::InputBackspace => {
                    query.pop();
                    *selected = 0;
                }
                Action::Down => *selected = (*selected + 1).min(matches.len().saturating_sub(1)),
                Action::Up => *selected = selected.saturating_sub(1),
                Action::Enter => {
                    let (CorrectTarget::Entity { id, name, .. }, Some(&into)) =
                        (&p.target, matches.get(*selected))
                    else {
                        return Some(p);
                    };
                    let dst = self.lib.index.entities.get(into)?;
                    let msg = format!("{name} merged into {}", dst.name);
                    let c = Correction::Merge {
                        entity: id.clone(),
                        into: dst.id.clone(),
                    };
                    self.apply_correction(c, None, msg);
                    return None;
                }
                _ => {}
            },
        }
        if let (CorrectTarget::Entity { id, .. }, CorrectStage::Merge { query, matches, .. }) =
            (&p.target, &mut p.stage)
            && matches!(action, Action::Input(_) | Action::InputBackspace)
        {
            *matches = self.merge_matches(id, query);
        }
        Some(p)
    }

    /// A kind was picked: change the entity's kind, or add the selected mention.
    fn pick_kind(&mut self, p: CorrectPopup, i: usize) -> Option<CorrectPopup> {
        let kind = *EntityKind::ALL.get(i)?;
        match p.target {
            CorrectTarget::Entity {
                id,
                name,
                kind: old,
            } => {
                if kind != old {
                    let msg = format!("{name} is now a {}", kind.as_str());
                    self.apply_correction(Correction::ChangeKind { entity: id, kind }, None, msg);
                }
            }
            CorrectTarget::Mention {
                article,
                range,
                block,
                name,
            } => {
                // Narrow the anchor to the name when it occurs in the selected passage.
                let range = self
                    .lib
                    .corpus
                    .articles
                    .get(article)
                    .and_then(|a| a.text.get(range.clone()))
                    .and_then(|t| t.find(&name))
                    .map_or(range.clone(), |i| {
                        range.start + i..range.start + i + name.len()
                    });
                let msg = format!("added {} “{name}”", kind.as_str());
                self.annot.selection = None;
                self.apply_correction(
                    Correction::Add { name, kind },
                    Some((article, range, block)),
                    msg,
                );
            }
        }
        None
    }

    /// Stores a correction and applies it at once.
    fn apply_correction(
        &mut self,
        c: Correction,
        mention: Option<(usize, std::ops::Range<usize>, Option<usize>)>,
        msg: String,
    ) {
        let Some(store) = self.annot.store.as_mut() else {
            self.message = Some(self.no_store_reason());
            return;
        };
        let mention = mention.and_then(|(a, r, b)| Some((self.lib.corpus.articles.get(a)?, r, b)));
        match store.add_correction(c, mention) {
            Ok(_) => {
                self.changed();
                self.rebuild_entities();
                self.message = Some(msg);
            }
            Err(e) => self.message = Some(format!("cannot store the correction: {e}")),
        }
    }

    /// Entities to merge `id` into, best fuzzy matches of `query` first (by mentions
    /// when the query is empty); tags and the entity itself are left out.
    fn merge_matches(&self, id: &str, query: &str) -> Vec<usize> {
        let q = fold_query(query.trim());
        let ents = &self.lib.index.entities;
        let eligible = |e: usize| {
            ents.get(e)
                .is_some_and(|x| x.id != id && !self.lib.is_tag(e))
        };
        if q.is_empty() {
            let mut all: Vec<usize> = (0..ents.len()).filter(|&e| eligible(e)).collect();
            all.sort_by_key(|&e| std::cmp::Reverse(self.lib.mention_count(e)));
            all.truncate(MERGE_LIST);
            return all;
        }
        let mut scored: Vec<(i64, usize)> = (0..ents.len())
            .filter(|&e| eligible(e))
            .filter_map(|e| {
                let f = self.lib.folded_names.get(e)?;
                self.matcher.fuzzy_match(&f.text, &q).map(|s| (s, e))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
            .into_iter()
            .take(MERGE_LIST)
            .map(|(_, e)| e)
            .collect()
    }
}

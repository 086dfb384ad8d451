//! Keys inside the annotation popups: the note editor, the tag input, the annotations
//! view and save-as. Each handler works on a copy of the popup's state and puts it back
//! unless the popup closed, so the store and the popup are never borrowed together.

use super::action::{Action, AnnotationAction};
use super::app::{App, SaveState};
use super::popup::{AnnotationRow, AnnotationsView, NotePopup, Popup, SaveAsPopup, TagPopup};
use super::selection::one_line;
use crate::annotations::{AnchorStatus, Annotation, Motivation, anchor};

/// What committing a popup decided.
enum Next {
    Keep,
    Close,
}

impl App {
    /// Keys for the text and list popups; true when the action was consumed.
    pub(crate) fn annotation_popup_key(&mut self, action: &Action) -> bool {
        if matches!(
            action,
            Action::Quit
                | Action::Tick(_)
                | Action::Resize(..)
                | Action::Progress(_)
                | Action::Loaded(_)
                | Action::Articles(_)
                | Action::Entities(_)
                | Action::LoadFailed(_)
                | Action::StoreOpened(_)
                | Action::StoreFailed(_)
                | Action::AnnotationsPath(_)
        ) {
            return false;
        }
        let Some(popup) = self.popup.take() else {
            return false;
        };
        if matches!(action, Action::ClosePopup) {
            return true;
        }
        let next = match popup {
            Popup::Note(p) => self.note_key(p, action).map(Popup::Note),
            Popup::Tag(p) => self.tag_key(p, action).map(Popup::Tag),
            Popup::Annotations(p) => self.view_key(p, action).map(Popup::Annotations),
            Popup::SaveAs(p) => self.save_as_key(p, action).map(Popup::SaveAs),
            Popup::Correct(p) => self.correct_key(p, action).map(Popup::Correct),
            other => Some(other),
        };
        // A handler may have opened another popup (e.g. save-as); keep that one.
        if self.popup.is_none() {
            self.popup = next;
        }
        true
    }

    fn note_key(&mut self, mut p: NotePopup, action: &Action) -> Option<NotePopup> {
        match action {
            Action::Input(c) => p.text.push(*c),
            Action::Enter => p.text.push('\n'),
            Action::InputBackspace => {
                p.text.pop();
            }
            Action::Escape => {
                self.message = Some("note discarded".into());
                return None;
            }
            Action::Annotation(AnnotationAction::Save) => {
                return match self.commit_note(&p) {
                    Next::Keep => Some(p),
                    Next::Close => None,
                };
            }
            _ => {}
        }
        Some(p)
    }

    fn commit_note(&mut self, p: &NotePopup) -> Next {
        let text = p.text.trim_end();
        if text.trim().is_empty() {
            self.message = Some("the note is empty: write something, or Esc to cancel".into());
            return Next::Keep;
        }
        let (Some(store), Some(article)) = (
            self.annot.store.as_mut(),
            self.lib.corpus.articles.get(p.article),
        ) else {
            self.message = Some(self.no_store_reason());
            return Next::Close;
        };
        match store.add_note(article, p.range.clone(), p.block, text) {
            Ok(_) => {
                self.annot.selection = None;
                self.message = Some(if p.range.is_some() {
                    "note saved on the passage".into()
                } else {
                    "note saved on the article".into()
                });
                self.changed();
                Next::Close
            }
            Err(e) => {
                self.message = Some(format!("cannot add the note: {e}"));
                Next::Keep
            }
        }
    }

    fn tag_key(&mut self, mut p: TagPopup, action: &Action) -> Option<TagPopup> {
        match action {
            Action::Input(c) => {
                p.input.push(*c);
                refresh_tag_matches(&mut p);
            }
            Action::InputBackspace => {
                p.input.pop();
                refresh_tag_matches(&mut p);
            }
            Action::Complete => complete_tag(&mut p),
            Action::Escape => return None,
            Action::Enter | Action::Annotation(AnnotationAction::Save) => {
                self.apply_tags(&p);
                return None;
            }
            _ => {}
        }
        Some(p)
    }

    /// Applies the typed tags: `name` adds, `-name` removes; separated by spaces or commas.
    fn apply_tags(&mut self, p: &TagPopup) {
        let (Some(store), Some(article)) = (
            self.annot.store.as_mut(),
            self.lib.corpus.articles.get(p.article),
        ) else {
            return;
        };
        let mut done = Vec::new();
        for word in p.input.split([' ', ',']).filter(|w| !w.is_empty()) {
            let word = word.trim_start_matches('#');
            if let Some(gone) = word.strip_prefix('-') {
                let gone = gone.trim_start_matches('#');
                if store.remove_tag(&article.id, gone) {
                    done.push(format!("−#{gone}"));
                }
            } else if store.add_tag(article, word).is_some() {
                done.push(format!("+#{word}"));
            }
        }
        if done.is_empty() {
            self.message = Some("tags unchanged".into());
            return;
        }
        self.message = Some(format!("tags: {}", done.join(" ")));
        self.changed();
        self.rebuild_entities();
    }

    pub(crate) fn open_annotations_view(&mut self) {
        if self.annot.store.is_none() {
            self.message = Some(self.no_store_reason());
            return;
        }
        let article = self.reader.article;
        let library = article.is_none();
        let rows = self.annotation_rows(article, library);
        self.popup = Some(Popup::Annotations(AnnotationsView {
            article,
            library,
            rows,
            selected: 0,
        }));
    }

    /// Recomputes the rows of an open annotations view (after a delete or undo).
    pub(crate) fn refresh_annotations_view(&mut self) {
        let Some(Popup::Annotations(v)) = &self.popup else {
            return;
        };
        let (article, library, selected) = (v.article, v.library, v.selected);
        let rows = self.annotation_rows(article, library);
        let selected = selected.min(rows.len().saturating_sub(1));
        if let Some(Popup::Annotations(v)) = &mut self.popup {
            v.rows = rows;
            v.selected = selected;
        }
    }

    fn view_key(&mut self, mut v: AnnotationsView, action: &Action) -> Option<AnnotationsView> {
        let len = v.rows.len();
        let step = |i: usize, d: isize| i.saturating_add_signed(d).min(len.saturating_sub(1));
        match action {
            Action::Down => v.selected = step(v.selected, 1),
            Action::Up => v.selected = step(v.selected, -1),
            Action::PageDown => v.selected = step(v.selected, 10),
            Action::PageUp => v.selected = step(v.selected, -10),
            Action::Top => v.selected = 0,
            Action::Bottom => v.selected = len.saturating_sub(1),
            Action::Complete | Action::Input('L') => {
                v.library = !v.library || v.article.is_none();
                v.rows = self.annotation_rows(v.article, v.library);
                v.selected = 0;
            }
            Action::Escape | Action::Input('q') => return None,
            Action::Enter => {
                self.jump_to(v.rows.get(v.selected)?);
                return None;
            }
            Action::Input('d') => {
                let row = v.rows.get(v.selected)?.clone();
                if let Some(store) = self.annot.store.as_mut()
                    && store.delete(row.id)
                {
                    self.annot.undo = Some(row.id);
                    self.message = Some(format!("deleted the {} — u undoes", row.kind));
                    self.changed();
                    if matches!(row.kind, "tag" | "correction") {
                        self.rebuild_entities();
                    }
                }
                v.rows = self.annotation_rows(v.article, v.library);
                v.selected = v.selected.min(v.rows.len().saturating_sub(1));
            }
            Action::Input('u') => {
                self.popup = Some(Popup::Annotations(v));
                self.annotation_action(AnnotationAction::Undo);
                return match self.popup.take() {
                    Some(Popup::Annotations(v)) => Some(v),
                    _ => None,
                };
            }
            _ => {}
        }
        Some(v)
    }

    /// Opens the annotation's article and scrolls to it.
    fn jump_to(&mut self, row: &AnnotationRow) {
        let Some(a) = row.article else {
            self.message = Some("its article is not in the library opened".into());
            return;
        };
        self.open_article(a);
        self.sync_view();
        match &row.range {
            Some(r) => self.scroll_to(r.start),
            None if row.status == "orphaned" => {
                self.message = Some(
                    "orphaned: its passage is no longer in the article (the quote is kept)".into(),
                );
            }
            None => {}
        }
    }

    /// The rows of the annotations view: the article's, or the whole library's.
    pub(crate) fn annotation_rows(
        &self,
        article: Option<usize>,
        library: bool,
    ) -> Vec<AnnotationRow> {
        let Some(store) = &self.annot.store else {
            return Vec::new();
        };
        let id = article
            .and_then(|a| self.lib.corpus.articles.get(a))
            .map(|a| a.id.as_str());
        let index_of = |aid: &str| self.lib.corpus.articles.iter().position(|x| x.id == aid);
        let mut rows: Vec<AnnotationRow> = store
            .live()
            .filter(|an| library || (id.is_some() && an.article.as_deref() == id))
            .map(|an| {
                let art = an.article.as_deref().and_then(index_of);
                let title = match (art, an.article.as_deref()) {
                    (Some(i), _) => self.lib.corpus.articles[i].title.clone(),
                    (None, Some(aid)) => store
                        .article(aid)
                        .map_or_else(|| aid.to_string(), |r| r.title.clone()),
                    (None, None) => "(library)".into(),
                };
                let range = match (art, &an.anchor) {
                    (Some(i), Some(anc)) if anc.status != AnchorStatus::Orphaned => {
                        anchor::hinted_range(&self.lib.corpus.articles[i].text, anc)
                    }
                    _ => None,
                };
                AnnotationRow {
                    id: an.id,
                    article: art,
                    article_title: title,
                    kind: kind_word(an),
                    excerpt: excerpt(an),
                    note: an.note.clone(),
                    tags: an.tags.clone(),
                    status: an.anchor.as_ref().map_or("", |a| a.status.as_str()),
                    range,
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            (
                a.article.is_none(),
                a.article,
                a.range.as_ref().map(|r| r.start),
            )
                .cmp(&(
                    b.article.is_none(),
                    b.article,
                    b.range.as_ref().map(|r| r.start),
                ))
        });
        rows
    }

    fn save_as_key(&mut self, mut p: SaveAsPopup, action: &Action) -> Option<SaveAsPopup> {
        match action {
            Action::Input(c) => p.text.push(*c),
            Action::InputBackspace => {
                p.text.pop();
            }
            Action::Escape => {
                self.message =
                    Some("not saved: your changes stay in memory (ctrl-s to save)".into());
                return None;
            }
            Action::Enter | Action::Annotation(AnnotationAction::Save) => {
                let path = expand_home(p.text.trim());
                if path.as_os_str().is_empty() {
                    p.error = Some("type a file name".into());
                    return Some(p);
                }
                let store = self.annot.store.as_mut()?;
                match store.save_as(&path) {
                    Ok(_) => {
                        self.annotations_path = Some(path.clone());
                        self.annot.save = SaveState::Saved;
                        self.annot.quit_armed = false;
                        self.message = Some(format!(
                            "saved to {}; annotations are kept there from now on",
                            path.display()
                        ));
                        self.changed();
                        return None;
                    }
                    Err(e) => p.error = Some(e.to_string()),
                }
            }
            _ => {}
        }
        Some(p)
    }
}

/// `~/x` → `$HOME/x`.
fn expand_home(s: &str) -> std::path::PathBuf {
    match (s.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(s),
    }
}

/// The word the view shows for an annotation's kind.
fn kind_word(an: &Annotation) -> &'static str {
    if an.correction.is_some() {
        return "correction";
    }
    match an.motivation {
        Motivation::Highlighting => "highlight",
        Motivation::Commenting => "note",
        Motivation::Tagging => "tag",
        Motivation::Bookmarking => "bookmark",
        Motivation::Identifying | Motivation::Classifying => "correction",
    }
}

/// One line saying what the annotation is about.
fn excerpt(an: &Annotation) -> String {
    if let Some(c) = &an.correction {
        return match c {
            crate::annotations::Correction::Rename { entity, name } => {
                format!("rename {entity} → {name}")
            }
            crate::annotations::Correction::ChangeKind { entity, kind } => {
                format!("{entity} is a {}", kind.as_str())
            }
            crate::annotations::Correction::Merge { entity, into } => {
                format!("merge {entity} into {into}")
            }
            crate::annotations::Correction::Hide { entity } => format!("hide {entity}"),
            crate::annotations::Correction::Add { name, kind } => {
                format!("add {} “{name}”", kind.as_str())
            }
        };
    }
    match &an.anchor {
        Some(a) => format!("“{}”", one_line(&a.quote, 120)),
        None if an.is_article_tag() => an
            .tags
            .iter()
            .map(|t| format!("#{t}"))
            .collect::<Vec<_>>()
            .join(" "),
        None => "(the whole article)".into(),
    }
}

/// The tags completing the word being typed (after any `-`), case-insensitively.
fn refresh_tag_matches(p: &mut TagPopup) {
    let word = last_word(&p.input)
        .trim_start_matches(['-', '#'])
        .to_lowercase();
    p.matches = p
        .all
        .iter()
        .filter(|t| t.to_lowercase().starts_with(&word))
        .cloned()
        .collect();
    p.cycle = 0;
}

fn last_word(s: &str) -> &str {
    s.rsplit([' ', ',']).next().unwrap_or("")
}

/// Tab: replace the word being typed by the next completion.
fn complete_tag(p: &mut TagPopup) {
    if p.matches.is_empty() {
        return;
    }
    let word = last_word(&p.input);
    let keep = p.input.len() - word.len();
    let minus = if word.starts_with('-') { "-" } else { "" };
    let pick = &p.matches[p.cycle % p.matches.len()];
    p.input.truncate(keep);
    p.input.push_str(minus);
    p.input.push_str(pick);
    p.cycle += 1;
}

//! The annotation side of `update`: the annotation file's life (open, sync with the
//! library, autosave, save on quit), the edits the reader's keys make (select, highlight,
//! note, tag, bookmark, read), and the state derived from the store for drawing (painted
//! ranges, read marks, counts). Popups are in `annotate_popups`, entity corrections in
//! `correct`.

use std::time::Instant;

use super::action::AnnotationAction;
use super::app::{App, PaintKind, Pane, SaveState, Selection};
use super::popup::{NotePopup, Popup, SaveAsPopup, TagPopup};
use super::selection::{one_line, sentence_at, sentences};
use crate::annotations::anchor::block_index;
use crate::annotations::{Motivation, ReadStatus, SaveError, Store};

impl App {
    /// Dispatches an annotation key.
    pub(crate) fn annotation_action(&mut self, a: AnnotationAction) {
        match a {
            AnnotationAction::Select => self.toggle_selection(),
            AnnotationAction::Highlight => self.highlight(),
            AnnotationAction::Note => self.open_note(),
            AnnotationAction::Tag => self.open_tags(),
            AnnotationAction::Bookmark => self.bookmark(),
            AnnotationAction::CorrectEntity => self.open_correction(),
            AnnotationAction::Save => {
                self.save_annotations(true);
            }
            AnnotationAction::View => self.open_annotations_view(),
            AnnotationAction::Undo => self.undo(),
        }
    }

    // ---------------------------------------------------------------------------------
    // The file's life

    /// The store arrived (from the loader or a test): name it, report a file that cannot
    /// be used, and sync with the library if that is loaded already.
    pub(crate) fn attach_store(&mut self, store: Store) {
        self.annotations_path = Some(store.path().to_path_buf());
        self.annot.unavailable = None;
        self.annot.save = match store.save_blocked_reason() {
            Some(reason) => {
                self.popup = Some(Popup::FileProblem { scroll: 0 });
                SaveState::Blocked(reason.to_string())
            }
            None => SaveState::Clean,
        };
        self.annot.store = Some(store);
        if self.indexing {
            self.sync_store_articles();
        } else if self.loading.is_none() {
            self.library_and_store_ready();
        }
    }

    /// Both the library and the store are here: re-key and re-anchor the store's
    /// articles, apply corrections and tags to the entities, restore the reading place.
    pub(crate) fn library_and_store_ready(&mut self) {
        self.sync_store_articles();
        self.store_entities_ready();
    }

    /// The articles and the store are here (the entities may still be on their way):
    /// re-key and re-anchor the store's articles, restore the reading place.
    pub(crate) fn sync_store_articles(&mut self) {
        let Some(store) = self.annot.store.as_mut() else {
            return;
        };
        let report = store.sync_articles(&self.lib.corpus.articles);
        if report.orphaned > 0 {
            self.message = Some(format!(
                "{} annotation(s) could not be placed in changed articles: kept as orphaned (A lists them)",
                report.orphaned
            ));
        } else if report.fuzzy > 0 {
            self.message = Some(format!(
                "{} annotation(s) re-anchored approximately in changed articles",
                report.fuzzy
            ));
        }
        self.reader.wrapped = Default::default();
        self.changed();
    }

    /// The entities and the store are here: apply corrections and tags to the entities.
    pub(crate) fn store_entities_ready(&mut self) {
        self.rebuild_entities();
        self.changed();
    }

    /// To call after every change to the store: derived state refreshes and the
    /// autosave countdown restarts.
    pub(crate) fn changed(&mut self) {
        self.annot.generation += 1;
        self.annot.due = None;
        let dirty = self.annot.store.as_ref().is_some_and(Store::is_dirty);
        if dirty && !matches!(self.annot.save, SaveState::Blocked(_)) {
            self.annot.save = SaveState::Unsaved;
        }
    }

    /// Time passes: save once the changes have rested for the debounce delay.
    pub(crate) fn tick(&mut self, now: Instant) {
        let Some(store) = self.annot.store.as_ref() else {
            return;
        };
        if !store.is_dirty() || store.save_blocked_reason().is_some() {
            self.annot.due = None;
            return;
        }
        match self.annot.due {
            None => self.annot.due = Some(now + self.annot.debounce),
            Some(due) if now >= due => {
                self.annot.due = None;
                self.save_annotations(false);
            }
            Some(_) => {}
        }
    }

    /// Saves now; `explicit` for Ctrl-s (says so, and offers save-as when the file
    /// cannot be written). True when everything is on disk.
    pub(crate) fn save_annotations(&mut self, explicit: bool) -> bool {
        let Some(store) = self.annot.store.as_mut() else {
            if explicit {
                self.message = Some(self.no_store_reason());
            }
            return false;
        };
        match store.save() {
            Ok(out) => {
                let path = out.path.display().to_string();
                if out.merged() {
                    self.annot.save = SaveState::Merged;
                    self.message = Some(format!(
                        "saved, merged with changes made to {path} by another program"
                    ));
                    self.rebuild_entities();
                    self.annot.generation += 1;
                } else if out.written {
                    self.annot.save = SaveState::Saved;
                    if explicit {
                        self.message = Some(format!("saved to {path}"));
                    }
                } else if explicit {
                    self.message = Some(format!("nothing to save: all in {path}"));
                }
                true
            }
            Err(SaveError::Blocked { reason }) => {
                self.annot.save = SaveState::Blocked(reason.to_string());
                if explicit {
                    self.open_save_as();
                }
                false
            }
            Err(e) => {
                self.annot.save = SaveState::Failed(e.to_string());
                self.message = Some(format!("⚠ {e}"));
                false
            }
        }
    }

    /// The save-as popup, with a path next to the file that cannot be used.
    pub(crate) fn open_save_as(&mut self) {
        let suggestion = self
            .annot
            .store
            .as_ref()
            .map(|s| {
                s.path()
                    .with_file_name("byline-recovered.toml")
                    .display()
                    .to_string()
            })
            .unwrap_or_default();
        self.popup = Some(Popup::SaveAs(SaveAsPopup {
            text: suggestion,
            error: None,
        }));
    }

    /// `q`: remember the place, save, and leave; when saving is impossible or fails, say
    /// so and leave only on a second `q`.
    pub(crate) fn quit(&mut self) {
        self.remember_position();
        let dirty = self.annot.store.as_ref().is_some_and(Store::is_dirty);
        if !dirty || self.annot.quit_armed {
            self.should_quit = true;
            return;
        }
        let blocked = self
            .annot
            .store
            .as_ref()
            .is_some_and(|s| s.save_blocked_reason().is_some());
        if blocked {
            self.annot.quit_armed = true;
            self.message = Some(
                "NOT saved (file has errors): q again quits and loses them, ctrl-s saves elsewhere"
                    .into(),
            );
            return;
        }
        if self.save_annotations(false) {
            self.should_quit = true;
        } else {
            self.annot.quit_armed = true;
            let why = match &self.annot.save {
                SaveState::Failed(e) => e.clone(),
                _ => "the file cannot be written".into(),
            };
            self.message = Some(format!(
                "⚠ {why} — ctrl-s retries; q again quits without saving"
            ));
        }
    }

    /// Why annotation keys do nothing.
    pub(crate) fn no_store_reason(&self) -> String {
        self.annot
            .unavailable
            .clone()
            .unwrap_or_else(|| "the annotations file is not open yet".into())
    }

    /// Stores the reader's place in the article it shows, when it moved.
    pub(crate) fn remember_position(&mut self) {
        let Some(a) = self.reader.article else { return };
        if !self.reader.anchors.contains_key(&a) {
            return;
        }
        // The first text line shown (an anchor on a blank line is ambiguous).
        let byte = if self.reader.wrapped.article == a {
            self.top_offset()
        } else {
            self.reader.anchors.get(&a).copied().unwrap_or(0)
        };
        let (Some(store), Some(article)) =
            (self.annot.store.as_mut(), self.lib.corpus.articles.get(a))
        else {
            return;
        };
        let stored = store.last_position(article);
        if stored == Some(byte) || (stored.is_none() && byte == 0) {
            return;
        }
        store.set_last_position(article, byte);
        self.changed();
    }

    // ---------------------------------------------------------------------------------
    // Derived state

    /// Brings the painted ranges and the list's marks up to date with the store.
    pub(crate) fn sync_annotations(&mut self) {
        let g = self.annot.generation;
        let n = self.lib.corpus.articles.len();
        if self.annot.marks_key != Some((n, g)) {
            self.annot.marks_key = Some((n, g));
            let mut counts = vec![0; n];
            let mut read = vec![false; n];
            if let Some(store) = &self.annot.store {
                let ids = self.lib.article_positions();
                for an in store.live() {
                    if an.is_article_tag() {
                        continue;
                    }
                    if let Some(c) = an
                        .article
                        .as_deref()
                        .and_then(|id| ids.get(id))
                        .and_then(|&i| counts.get_mut(i))
                    {
                        *c += 1;
                    }
                }
                for rec in &store.set().articles {
                    if rec.status == ReadStatus::Read
                        && let Some(r) = ids.get(rec.id.as_str()).and_then(|&i| read.get_mut(i))
                    {
                        *r = true;
                    }
                }
            }
            self.annot.counts = counts;
            self.annot.read = read;
        }
        let key = self.reader.article.map(|a| (a, g));
        if self.annot.paint_key != key {
            self.annot.paint_key = key;
            self.annot.paint.clear();
            if let (Some(store), Some(article)) = (
                &self.annot.store,
                self.reader
                    .article
                    .and_then(|a| self.lib.corpus.articles.get(a)),
            ) {
                self.annot.paint = store
                    .ranges_for(article)
                    .into_iter()
                    .filter_map(|(r, an)| {
                        let kind = match an.motivation {
                            Motivation::Highlighting => PaintKind::Highlight,
                            Motivation::Commenting => PaintKind::Note,
                            Motivation::Bookmarking => PaintKind::Bookmark,
                            _ => return None,
                        };
                        Some((r, kind))
                    })
                    .collect();
            }
        }
        if self
            .annot
            .selection
            .as_ref()
            .is_some_and(|s| Some(s.article) != self.reader.article)
        {
            self.annot.selection = None;
        }
    }

    // ---------------------------------------------------------------------------------
    // Reader edits

    /// Byte offset of the first text line on screen.
    pub(crate) fn top_offset(&self) -> usize {
        let lines = &self.reader.wrapped.lines;
        lines
            .iter()
            .skip(self.reader.top)
            .find(|l| l.kind.is_some())
            .or_else(|| lines.get(self.reader.top))
            .map_or(0, |l| l.start)
    }

    /// `v`: select the sentence at the cursor (a search match or mention jumped to) or
    /// at the top of the reader; `v` again cancels.
    fn toggle_selection(&mut self) {
        if self.annot.selection.take().is_some() {
            self.message = Some("selection cancelled".into());
            return;
        }
        let Some((a, article)) = self
            .reader
            .article
            .and_then(|a| Some((a, self.lib.corpus.articles.get(a)?)))
        else {
            self.message = Some("no article to select in".into());
            return;
        };
        let list = sentences(article, self.reader.show_boilerplate);
        let top = self.top_offset();
        let at = match self.reader.cursor {
            Some((s, _)) if s >= top => s,
            _ => top,
        };
        let Some(i) = sentence_at(&list, at) else {
            self.message = Some("nothing to select in this article".into());
            return;
        };
        self.annot.selection = Some(Selection {
            article: a,
            anchor: i,
            head: i,
            sentences: list,
        });
        self.focus = Pane::Reader;
        self.message =
            Some("selecting: j/k extend · H highlight · a note · e entity · Esc cancels".into());
    }

    /// Moves the end of the selection by `delta` sentences and keeps it on screen.
    pub(crate) fn extend_selection(&mut self, delta: isize) {
        let Some(sel) = self.annot.selection.as_mut() else {
            return;
        };
        let max = sel.sentences.len().saturating_sub(1);
        sel.head = sel.head.saturating_add_signed(delta).min(max);
        let Some(at) = sel.sentences.get(sel.head).map(|r| r.start) else {
            return;
        };
        self.scroll_to(at);
    }

    /// The article and byte range selected.
    pub(crate) fn selected_range(&self) -> Option<(usize, std::ops::Range<usize>)> {
        let s = self.annot.selection.as_ref()?;
        Some((s.article, s.range()?))
    }

    fn highlight(&mut self) {
        let Some((a, range)) = self.selected_range() else {
            self.message = Some("select a passage first: v, then j/k".into());
            return;
        };
        let (Some(store), Some(article)) =
            (self.annot.store.as_mut(), self.lib.corpus.articles.get(a))
        else {
            self.message = Some(self.no_store_reason());
            return;
        };
        let block = block_index(&article.blocks, range.start);
        match store.add_highlight(article, range, block) {
            Ok(_) => {
                self.annot.selection = None;
                self.message = Some("highlighted (A lists the annotations)".into());
                self.changed();
            }
            Err(e) => self.message = Some(format!("cannot highlight: {e}")),
        }
    }

    /// `a`: a note on the selection, or on the article when nothing is selected.
    fn open_note(&mut self) {
        if self.annot.store.is_none() {
            self.message = Some(self.no_store_reason());
            return;
        }
        let Some(a) = self.reader.article else {
            self.message = Some("no article to write a note on".into());
            return;
        };
        let (range, quote, block) = match self.selected_range() {
            Some((_, r)) => {
                let article = self.lib.corpus.articles.get(a);
                let quote = article
                    .and_then(|x| x.text.get(r.clone()))
                    .map(|t| one_line(t, 200))
                    .unwrap_or_default();
                let block = article.and_then(|x| block_index(&x.blocks, r.start));
                (Some(r), quote, block)
            }
            None => (None, String::new(), None),
        };
        self.popup = Some(Popup::Note(NotePopup {
            article: a,
            range,
            block,
            quote,
            text: String::new(),
        }));
    }

    /// The article `t`, `r` act on: the list's selection when the list has the focus.
    fn target_article(&self) -> Option<usize> {
        match self.focus {
            Pane::List => self.list.selected_article(),
            _ => self.reader.article,
        }
    }

    fn open_tags(&mut self) {
        let Some(store) = self.annot.store.as_ref() else {
            self.message = Some(self.no_store_reason());
            return;
        };
        let Some((a, article)) = self
            .target_article()
            .and_then(|a| Some((a, self.lib.corpus.articles.get(a)?)))
        else {
            self.message = Some("no article to tag".into());
            return;
        };
        let all = store.all_tags();
        self.popup = Some(Popup::Tag(TagPopup {
            article: a,
            input: String::new(),
            current: store.article_tags(&article.id),
            matches: all.clone(),
            all,
            cycle: 0,
        }));
    }

    /// `m`: bookmark the first line on screen.
    fn bookmark(&mut self) {
        let at = self.top_offset();
        let (Some(store), Some(article)) = (
            self.annot.store.as_mut(),
            self.reader
                .article
                .and_then(|a| self.lib.corpus.articles.get(a)),
        ) else {
            self.message = Some(if self.annot.store.is_none() {
                self.no_store_reason()
            } else {
                "no article to bookmark".into()
            });
            return;
        };
        let block = block_index(&article.blocks, at);
        match store.add_bookmark(article, at..at, block) {
            Ok(_) => {
                self.message = Some("bookmarked this place (A lists bookmarks)".into());
                self.changed();
            }
            Err(e) => self.message = Some(format!("cannot bookmark: {e}")),
        }
    }

    /// `r`: read ⇄ unread.
    pub(crate) fn toggle_read(&mut self) {
        let target = self.target_article();
        let (Some(store), Some(article)) = (
            self.annot.store.as_mut(),
            target.and_then(|a| self.lib.corpus.articles.get(a)),
        ) else {
            self.message = Some(if self.annot.store.is_none() {
                self.no_store_reason()
            } else {
                "no article".into()
            });
            return;
        };
        let now = store.toggle_read(article);
        self.message = Some(format!("marked {}", now.as_str()));
        self.changed();
    }

    /// Reaching the end of an article in the reader marks it read.
    pub(crate) fn reached_end(&mut self) {
        if self.reader.wrapped.lines.is_empty() || self.reader.top < self.max_top() {
            return;
        }
        let (Some(store), Some(article)) = (
            self.annot.store.as_mut(),
            self.reader
                .article
                .and_then(|a| self.lib.corpus.articles.get(a)),
        ) else {
            return;
        };
        if store.status(&article.id) == ReadStatus::Unread {
            store.set_status(article, ReadStatus::Read);
            self.message = Some("end of the article: marked read".into());
            self.changed();
        }
    }

    /// `u`: brings back the annotation deleted last.
    fn undo(&mut self) {
        let Some(id) = self.annot.undo else {
            self.message = Some("nothing to undo".into());
            return;
        };
        let Some(store) = self.annot.store.as_mut() else {
            return;
        };
        if store.undelete(id) {
            self.annot.undo = None;
            self.message = Some("restored".into());
            self.changed();
            self.rebuild_entities();
            self.refresh_annotations_view();
        } else {
            self.message = Some("nothing to undo".into());
        }
    }

    /// Shows article `a` in the reader, clearing filters that hide it from the list.
    pub(crate) fn open_article(&mut self, a: usize) {
        if !self.list.visible.contains(&a) {
            self.list.query.clear();
            self.filters.clear();
            self.refresh_scope();
            self.refresh_list();
        }
        if let Some(i) = self.list.visible.iter().position(|&x| x == a) {
            self.list.selected = i;
        }
        self.show_selected();
        self.focus = Pane::Reader;
    }
}

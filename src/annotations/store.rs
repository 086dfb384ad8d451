//! [`Store`]: the annotation file in memory, the edits the interface makes, and saving.

use std::collections::{BTreeSet, HashSet};
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};

use jiff::Timestamp;
use toml_edit::DocumentMut;
use uuid::Uuid;

use super::anchor::{self, AnchorError};
use super::disk::{self, DiskFile, FailPoint, Fingerprint};
use super::error::{LoadError, SaveError, SaveStep};
use super::file;
use super::merge::{self, MergeStats};
use super::model::{
    AnchorStatus, Annotation, AnnotationSet, ArticleRecord, Correction, Motivation, ReadStatus,
    text_hash,
};
use crate::article::Article;

/// What a successful [`Store::save`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveOutcome {
    /// The file written (or that would have been).
    pub path: PathBuf,
    /// False when there was nothing to save.
    pub written: bool,
    /// Set when the file had changed on disk and was merged with our edits.
    pub merge: Option<MergeStats>,
}

impl SaveOutcome {
    /// Whether the file changed behind our back and was merged rather than overwritten.
    pub fn merged(&self) -> bool {
        self.merge.is_some()
    }
}

/// What re-anchoring one or more articles found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReanchorReport {
    /// Articles whose text had changed since their annotations were made.
    pub articles_changed: usize,
    /// Articles found again under a new id by their path (their text changed).
    pub articles_rekeyed: usize,
    pub anchored: usize,
    pub fuzzy: usize,
    pub orphaned: usize,
}

/// The annotation file of a session: its values, the editable document they came from,
/// and what is needed to save safely. See the module docs of [`crate::annotations`].
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    doc: DocumentMut,
    fingerprint: Option<Fingerprint>,
    /// The set as last read from or written to disk: the base of a three-way merge.
    base: AnnotationSet,
    set: AnnotationSet,
    dirty: bool,
    blocked: Option<LoadError>,
    fail: FailPoint,
}

/// The last time handed out by [`stamp`], in milliseconds since the epoch.
static LAST_STAMP_MS: AtomicI64 = AtomicI64::new(i64::MIN);

/// Now, to the millisecond (what the file shows), strictly later than any time stamped
/// before in this process and than `after`: so edits keep their order (corrections are
/// replayed by `created`) and every change gets a newer `modified`.
fn stamp(after: Option<Timestamp>) -> Timestamp {
    let now = Timestamp::now().as_millisecond();
    let floor = after.map_or(i64::MIN, |a| a.as_millisecond().saturating_add(1));
    let mut prev = LAST_STAMP_MS.load(Ordering::Relaxed);
    loop {
        let next = now.max(floor).max(prev.saturating_add(1));
        match LAST_STAMP_MS.compare_exchange_weak(prev, next, Ordering::SeqCst, Ordering::Relaxed) {
            Ok(_) => return Timestamp::from_millisecond(next).unwrap_or_else(|_| Timestamp::now()),
            Err(p) => prev = p,
        }
    }
}

fn copy_load_error(e: &LoadError) -> LoadError {
    match e {
        LoadError::Read { path, source } => LoadError::Read {
            path: path.clone(),
            source: io::Error::new(source.kind(), source.to_string()),
        },
        LoadError::Syntax {
            path,
            line,
            column,
            message,
        } => LoadError::Syntax {
            path: path.clone(),
            line: *line,
            column: *column,
            message: message.clone(),
        },
        LoadError::Invalid {
            path,
            line,
            column,
            message,
        } => LoadError::Invalid {
            path: path.clone(),
            line: *line,
            column: *column,
            message: message.clone(),
        },
        LoadError::NewerSchema {
            path,
            line,
            column,
            found,
            supported,
        } => LoadError::NewerSchema {
            path: path.clone(),
            line: *line,
            column: *column,
            found: *found,
            supported: *supported,
        },
    }
}

/// Parses file bytes (which must be UTF-8) into a document and set.
fn parse_bytes(path: &Path, bytes: &[u8]) -> Result<file::Parsed, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => file::parse(path, text),
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let (line, column) = file::line_col(&valid, valid.len());
            Err(LoadError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: "the file is not UTF-8 text".into(),
            })
        }
    }
}

fn is_not_writable(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

impl Store {
    /// Opens the annotation file at `path`; a missing file is an empty store (nothing is
    /// written until there is something to save). A file that cannot be read, does not
    /// parse or has a newer schema is an error: the CLI reports it and stops.
    pub fn open(path: impl Into<PathBuf>) -> Result<Store, LoadError> {
        let path = path.into();
        let current = disk::read_current(&path).map_err(|source| LoadError::Read {
            path: path.clone(),
            source,
        })?;
        let (doc, set, fingerprint) = match current {
            None => (file::new_document(), AnnotationSet::default(), None),
            Some(d) => {
                let parsed = parse_bytes(&path, &d.bytes)?;
                (parsed.doc, parsed.set, Some(d.fingerprint))
            }
        };
        Ok(Store {
            path,
            doc,
            fingerprint,
            base: set.clone(),
            set,
            dirty: false,
            blocked: None,
            fail: None,
        })
    }

    /// Like [`Store::open`] but never fails, for the interface: when the file cannot be
    /// used the store starts empty in a "can't save here" state
    /// ([`Store::save_blocked_reason`]); edits are kept in memory and
    /// [`Store::save_as`] writes them elsewhere. The file itself is never overwritten.
    pub fn open_or_hold(path: impl Into<PathBuf>) -> Store {
        let path = path.into();
        match Store::open(path.clone()) {
            Ok(store) => store,
            Err(e) => Store {
                path,
                doc: file::new_document(),
                fingerprint: None,
                base: AnnotationSet::default(),
                set: AnnotationSet::default(),
                dirty: false,
                blocked: Some(e),
                fail: None,
            },
        }
    }

    /// The file this store saves to (for the status line).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Everything in the store, tombstones included, in file order.
    pub fn set(&self) -> &AnnotationSet {
        &self.set
    }

    /// Whether there are edits not yet on disk.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Why [`Store::save`] refuses to write to [`Store::path`], if it does.
    pub fn save_blocked_reason(&self) -> Option<&LoadError> {
        self.blocked.as_ref()
    }

    /// Test hook: make the next save fail at `step` with an error of `kind`, to check that
    /// an interrupted save leaves the old file intact. Cleared by the save it affects.
    #[doc(hidden)]
    pub fn fail_next_save_at(&mut self, step: SaveStep, kind: io::ErrorKind) {
        self.fail = Some((step, kind));
    }

    // -----------------------------------------------------------------------------------
    // Reading

    /// The live (not deleted) annotations of an article, in file order.
    pub fn annotations_for(&self, article_id: &str) -> Vec<&Annotation> {
        self.live()
            .filter(|a| a.article.as_deref() == Some(article_id))
            .collect()
    }

    /// Every live annotation, in file order.
    pub fn live(&self) -> impl Iterator<Item = &Annotation> {
        self.set.annotations.iter().filter(|a| !a.deleted)
    }

    /// One annotation by id (deleted ones too, so an undo can find them).
    pub fn annotation(&self, id: Uuid) -> Option<&Annotation> {
        self.set.annotation(id)
    }

    /// How many live annotations an article has (for the article list), not counting
    /// its article-level tags.
    pub fn annotation_count(&self, article_id: &str) -> usize {
        self.live()
            .filter(|a| a.article.as_deref() == Some(article_id) && !a.is_article_tag())
            .count()
    }

    /// The record of an article, if it has one.
    pub fn article(&self, article_id: &str) -> Option<&ArticleRecord> {
        self.set.article(article_id)
    }

    /// Read or unread (unread when the file does not know the article).
    pub fn status(&self, article_id: &str) -> ReadStatus {
        self.article(article_id)
            .map_or(ReadStatus::Unread, |r| r.status)
    }

    /// The saved reading position as a byte offset into `article.text`.
    pub fn last_position(&self, article: &Article) -> Option<usize> {
        let chars = self.article(&article.id)?.last_position?;
        anchor::char_to_byte(&article.text, chars).or(Some(article.text.len()))
    }

    /// The article's own tags, sorted.
    pub fn article_tags(&self, article_id: &str) -> Vec<String> {
        let tags: BTreeSet<&str> = self
            .live()
            .filter(|a| a.article.as_deref() == Some(article_id) && a.is_article_tag())
            .flat_map(|a| a.tags.iter().map(String::as_str))
            .collect();
        tags.into_iter().map(str::to_string).collect()
    }

    /// Every tag in use (on articles and on highlights), sorted, for completion and the
    /// sidebar's topics.
    pub fn all_tags(&self) -> Vec<String> {
        let tags: BTreeSet<&str> = self
            .live()
            .flat_map(|a| a.tags.iter().map(String::as_str))
            .collect();
        tags.into_iter().map(str::to_string).collect()
    }

    /// Ids of the articles carrying `tag` (on the article or on one of its annotations).
    pub fn articles_tagged(&self, tag: &str) -> Vec<String> {
        let ids: BTreeSet<&str> = self
            .live()
            .filter(|a| a.tags.iter().any(|t| t == tag))
            .filter_map(|a| a.article.as_deref())
            .collect();
        ids.into_iter().map(str::to_string).collect()
    }

    /// The live entity corrections, oldest first (the order to apply them in).
    pub fn corrections(&self) -> Vec<&Annotation> {
        let mut v: Vec<&Annotation> = self.live().filter(|a| a.correction.is_some()).collect();
        v.sort_by_key(|a| (a.created, a.id));
        v
    }

    /// Byte ranges of the article's placed annotations (highlights, anchored notes,
    /// bookmarks), sorted by start, for drawing. Orphaned ones are left out.
    pub fn ranges_for(&self, article: &Article) -> Vec<(Range<usize>, &Annotation)> {
        let mut v: Vec<(Range<usize>, &Annotation)> = self
            .annotations_for(&article.id)
            .into_iter()
            .filter_map(|a| {
                let an = a.anchor.as_ref()?;
                if an.status == AnchorStatus::Orphaned {
                    return None;
                }
                Some((anchor::hinted_range(&article.text, an)?, a))
            })
            .collect();
        v.sort_by_key(|(r, a)| (r.start, r.end, a.created));
        v
    }

    // -----------------------------------------------------------------------------------
    // Editing

    fn record_path(&self, p: &Path) -> String {
        let folder = disk::folder_of(&self.path);
        let (Ok(abs), Ok(base)) = (std::path::absolute(p), std::path::absolute(&folder)) else {
            return p.to_string_lossy().into_owned();
        };
        match abs.strip_prefix(&base) {
            Ok(rel) => rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            Err(_) => abs.to_string_lossy().into_owned(),
        }
    }

    /// Makes sure the article has a record (re-anchoring first if its text changed) and
    /// returns its index.
    fn touch_article(&mut self, article: &Article) -> usize {
        if let Some(i) = self.set.articles.iter().position(|r| r.id == article.id) {
            if self.set.articles[i].text_hash != text_hash(&article.text) {
                self.reanchor(article);
            }
            return i;
        }
        let rec = ArticleRecord {
            id: article.id.clone(),
            path: self.record_path(&article.path),
            title: article.title.clone(),
            text_hash: text_hash(&article.text),
            status: ReadStatus::Unread,
            last_position: None,
            modified: Some(stamp(None)),
        };
        self.set.articles.push(rec);
        self.dirty = true;
        self.set.articles.len() - 1
    }

    fn push(&mut self, mut a: Annotation) -> Uuid {
        a.created = stamp(None);
        a.modified = a.created;
        let id = a.id;
        self.set.annotations.push(a);
        self.dirty = true;
        id
    }

    fn blank(article: Option<&Article>, motivation: Motivation) -> Annotation {
        let now = Timestamp::UNIX_EPOCH;
        Annotation {
            id: Uuid::new_v4(),
            article: article.map(|a| a.id.clone()),
            motivation,
            created: now,
            modified: now,
            anchor: None,
            note: None,
            tags: Vec::new(),
            correction: None,
            deleted: false,
        }
    }

    /// Changes one live annotation; false when it does not exist or is deleted.
    fn edit(&mut self, id: Uuid, f: impl FnOnce(&mut Annotation)) -> bool {
        let Some(a) = self
            .set
            .annotations
            .iter_mut()
            .find(|a| a.id == id && !a.deleted)
        else {
            return false;
        };
        let before = a.clone();
        f(a);
        if *a != before {
            a.modified = stamp(Some(before.modified));
            self.dirty = true;
        }
        true
    }

    /// Highlights the byte range `range` of the article (`block`: index into its blocks).
    pub fn add_highlight(
        &mut self,
        article: &Article,
        range: Range<usize>,
        block: Option<usize>,
    ) -> Result<Uuid, AnchorError> {
        let anchor = anchor::make_anchor(&article.text, range, block)?;
        self.touch_article(article);
        let mut a = Store::blank(Some(article), Motivation::Highlighting);
        a.anchor = Some(anchor);
        Ok(self.push(a))
    }

    /// Adds a note on a passage (`range` given) or on the whole article (`None`).
    pub fn add_note(
        &mut self,
        article: &Article,
        range: Option<Range<usize>>,
        block: Option<usize>,
        note: &str,
    ) -> Result<Uuid, AnchorError> {
        let anchor = range
            .map(|r| anchor::make_anchor(&article.text, r, block))
            .transpose()?;
        self.touch_article(article);
        let mut a = Store::blank(Some(article), Motivation::Commenting);
        a.anchor = anchor;
        a.note = Some(note.to_string()).filter(|n| !n.is_empty());
        Ok(self.push(a))
    }

    /// Sets (or with `None` or "" clears) the note of an annotation, e.g. a highlight.
    pub fn set_note(&mut self, id: Uuid, note: Option<&str>) -> bool {
        let note = note.filter(|n| !n.is_empty()).map(str::to_string);
        self.edit(id, |a| a.note = note)
    }

    /// Replaces the tags of one annotation (trimmed, empty ones dropped, duplicates once).
    pub fn set_annotation_tags(&mut self, id: Uuid, tags: &[String]) -> bool {
        let tags = clean_tags(tags);
        self.edit(id, |a| a.tags = tags)
    }

    /// Tags the article; `None` when the tag is empty or already there.
    pub fn add_tag(&mut self, article: &Article, tag: &str) -> Option<Uuid> {
        let tag = tag.trim();
        if tag.is_empty() || self.article_tags(&article.id).iter().any(|t| t == tag) {
            return None;
        }
        self.touch_article(article);
        let mut a = Store::blank(Some(article), Motivation::Tagging);
        a.tags = vec![tag.to_string()];
        Some(self.push(a))
    }

    /// Removes a tag from the article (its annotations become tombstones).
    pub fn remove_tag(&mut self, article_id: &str, tag: &str) -> bool {
        let ids: Vec<Uuid> = self
            .live()
            .filter(|a| a.article.as_deref() == Some(article_id) && a.is_article_tag())
            .filter(|a| a.tags.iter().any(|t| t == tag.trim()))
            .map(|a| a.id)
            .collect();
        let mut removed = false;
        for id in ids {
            removed |= self.delete(id);
        }
        removed
    }

    /// Makes the article's tags exactly `tags` (one tagging annotation per tag, so two
    /// people adding different tags at once merge cleanly).
    pub fn set_tags(&mut self, article: &Article, tags: &[String]) {
        let want: BTreeSet<String> = clean_tags(tags).into_iter().collect();
        let have: BTreeSet<String> = self.article_tags(&article.id).into_iter().collect();
        for gone in have.difference(&want) {
            self.remove_tag(&article.id, gone);
        }
        for new in want.difference(&have) {
            self.add_tag(article, new);
        }
    }

    /// Bookmarks a position. An empty `range` is widened to the next few words so the
    /// bookmark can be found again after the text changes.
    pub fn add_bookmark(
        &mut self,
        article: &Article,
        range: Range<usize>,
        block: Option<usize>,
    ) -> Result<Uuid, AnchorError> {
        let range = if range.is_empty() {
            widen(&article.text, range.start)
        } else {
            range
        };
        let anchor = anchor::make_anchor(&article.text, range, block)?;
        self.touch_article(article);
        let mut a = Store::blank(Some(article), Motivation::Bookmarking);
        a.anchor = Some(anchor);
        Ok(self.push(a))
    }

    /// Records an entity correction; `Add` takes the selected mention as its anchor.
    pub fn add_correction(
        &mut self,
        correction: Correction,
        mention: Option<(&Article, Range<usize>, Option<usize>)>,
    ) -> Result<Uuid, AnchorError> {
        let mut a = Store::blank(None, correction.motivation());
        if let Some((article, range, block)) = mention {
            a.anchor = Some(anchor::make_anchor(&article.text, range, block)?);
            a.article = Some(article.id.clone());
            self.touch_article(article);
        }
        a.correction = Some(correction);
        Ok(self.push(a))
    }

    /// Deletes an annotation (kept as a tombstone so merges do not bring it back).
    pub fn delete(&mut self, id: Uuid) -> bool {
        self.edit(id, |a| a.deleted = true)
    }

    /// Brings back a deleted annotation.
    pub fn undelete(&mut self, id: Uuid) -> bool {
        let Some(a) = self
            .set
            .annotations
            .iter_mut()
            .find(|a| a.id == id && a.deleted)
        else {
            return false;
        };
        a.deleted = false;
        a.modified = stamp(Some(a.modified));
        self.dirty = true;
        true
    }

    fn edit_record(&mut self, article: &Article, f: impl FnOnce(&mut ArticleRecord)) {
        let i = self.touch_article(article);
        let Some(rec) = self.set.articles.get_mut(i) else {
            return;
        };
        let before = rec.clone();
        f(rec);
        if *rec != before {
            rec.modified = Some(stamp(before.modified));
            self.dirty = true;
        }
    }

    /// Sets read or unread.
    pub fn set_status(&mut self, article: &Article, status: ReadStatus) {
        self.edit_record(article, |r| r.status = status);
    }

    /// Flips read/unread and returns the new state.
    pub fn toggle_read(&mut self, article: &Article) -> ReadStatus {
        let next = match self.status(&article.id) {
            ReadStatus::Read => ReadStatus::Unread,
            ReadStatus::Unread => ReadStatus::Read,
        };
        self.set_status(article, next);
        next
    }

    /// Remembers the reading position (a byte offset into `article.text`).
    pub fn set_last_position(&mut self, article: &Article, byte: usize) {
        let chars = anchor::byte_to_char(&article.text, byte);
        self.edit_record(article, |r| r.last_position = Some(chars));
    }

    // -----------------------------------------------------------------------------------
    // Re-anchoring

    /// Re-anchors the article's annotations if its text changed since they were made
    /// (its hash differs from the record's). Nothing is ever dropped: what cannot be
    /// placed becomes `orphaned`.
    pub fn reanchor(&mut self, article: &Article) -> ReanchorReport {
        let mut report = ReanchorReport::default();
        let hash = text_hash(&article.text);
        let Some(i) = self.set.articles.iter().position(|r| r.id == article.id) else {
            return report;
        };
        if self.set.articles[i].text_hash == hash {
            return report;
        }
        report.articles_changed = 1;
        let mut index = None;
        for a in &mut self.set.annotations {
            if a.deleted || a.article.as_deref() != Some(article.id.as_str()) {
                continue;
            }
            let Some(old) = a.anchor.as_ref() else {
                continue;
            };
            let new = anchor::reanchor_with(old, &article.text, &article.blocks, &mut index);
            match new.status {
                AnchorStatus::Anchored => report.anchored += 1,
                AnchorStatus::Fuzzy => report.fuzzy += 1,
                AnchorStatus::Orphaned => report.orphaned += 1,
            }
            if *old != new {
                a.anchor = Some(new);
                a.modified = stamp(Some(a.modified));
            }
        }
        let rec = &mut self.set.articles[i];
        rec.text_hash = hash;
        if let Some(chars) = rec.last_position {
            rec.last_position = Some(chars.min(article.text.chars().count()));
        }
        rec.modified = Some(stamp(rec.modified));
        self.dirty = true;
        report
    }

    /// Brings the store in line with the loaded library: an article whose text changed
    /// (and so got a new id) is found again by its path and its annotations move to the
    /// new id; moved files update their path; then changed texts are re-anchored.
    pub fn sync_articles(&mut self, articles: &[Article]) -> ReanchorReport {
        let mut total = ReanchorReport::default();
        let ids: HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        for article in articles {
            let path = self.record_path(&article.path);
            match self.set.articles.iter().position(|r| r.id == article.id) {
                Some(i) => {
                    if self.set.articles[i].path != path {
                        let rec = &mut self.set.articles[i];
                        rec.path = path;
                        rec.modified = Some(stamp(rec.modified));
                        self.dirty = true;
                    }
                }
                None => {
                    let old = self
                        .set
                        .articles
                        .iter()
                        .position(|r| r.path == path && !ids.contains(r.id.as_str()));
                    let Some(i) = old else { continue };
                    let old_id =
                        std::mem::replace(&mut self.set.articles[i].id, article.id.clone());
                    self.set.articles[i].title = article.title.clone();
                    for a in &mut self.set.annotations {
                        if a.article.as_deref() == Some(old_id.as_str()) {
                            a.article = Some(article.id.clone());
                            a.modified = stamp(Some(a.modified));
                        }
                    }
                    self.dirty = true;
                    total.articles_rekeyed += 1;
                }
            }
            let r = self.reanchor(article);
            total.articles_changed += r.articles_changed;
            total.anchored += r.anchored;
            total.fuzzy += r.fuzzy;
            total.orphaned += r.orphaned;
        }
        total
    }

    // -----------------------------------------------------------------------------------
    // Saving

    /// Saves to [`Store::path`]: locked read-merge-write with an atomic replace. Refused
    /// (with the reason) when the file there could not be read; see [`Store::save_as`].
    pub fn save(&mut self) -> Result<SaveOutcome, SaveError> {
        if let Some(reason) = &self.blocked {
            self.fail = None;
            return Err(SaveError::Blocked {
                reason: copy_load_error(reason),
            });
        }
        if !self.dirty {
            self.fail = None;
            return Ok(SaveOutcome {
                path: self.path.clone(),
                written: false,
                merge: None,
            });
        }
        let path = self.path.clone();
        self.write_to(&path, true)
    }

    /// Saves to another file (merging with it if it is already an annotation file) and
    /// makes it the store's file from now on: the way out of a blocked store.
    pub fn save_as(&mut self, path: impl Into<PathBuf>) -> Result<SaveOutcome, SaveError> {
        let path = path.into();
        let same = path == self.path && self.blocked.is_none();
        let out = self.write_to(&path, same)?;
        self.path = path;
        self.blocked = None;
        Ok(out)
    }

    fn write_to(&mut self, target: &Path, same: bool) -> Result<SaveOutcome, SaveError> {
        let fail = self.fail.take();
        let folder = disk::folder_of(target);
        let io_err = |step: SaveStep, source: io::Error| {
            if step == SaveStep::CreateFolder {
                SaveError::CreateFolder {
                    path: target.to_path_buf(),
                    folder: folder.clone(),
                    source,
                }
            } else if is_not_writable(&source)
                && matches!(step, SaveStep::Lock | SaveStep::CreateTemp)
            {
                SaveError::FolderNotWritable {
                    path: target.to_path_buf(),
                    folder: folder.clone(),
                    source,
                }
            } else {
                SaveError::Io {
                    path: target.to_path_buf(),
                    step,
                    source,
                }
            }
        };
        disk::check(fail, SaveStep::CreateFolder)
            .and_then(|()| std::fs::create_dir_all(&folder))
            .map_err(|e| io_err(SaveStep::CreateFolder, e))?;
        disk::check(fail, SaveStep::Lock).map_err(|e| io_err(SaveStep::Lock, e))?;
        let _lock = disk::lock(target).map_err(|e| io_err(SaveStep::Lock, e))?;
        disk::check(fail, SaveStep::ReadCurrent).map_err(|e| io_err(SaveStep::ReadCurrent, e))?;
        let current: Option<DiskFile> =
            disk::read_current(target).map_err(|e| io_err(SaveStep::ReadCurrent, e))?;

        let mut merge_stats = None;
        let mut doc = match &current {
            None if same => self.doc.clone(),
            None => file::new_document(),
            Some(d) if same && Some(&d.fingerprint) == self.fingerprint.as_ref() => {
                self.doc.clone()
            }
            Some(d) => {
                let parsed = match parse_bytes(target, &d.bytes) {
                    Ok(p) => p,
                    Err(reason) => {
                        if same {
                            self.blocked = Some(copy_load_error(&reason));
                        }
                        return Err(SaveError::Blocked { reason });
                    }
                };
                let empty = AnnotationSet::default();
                let base = if same { &self.base } else { &empty };
                let (merged, stats) = merge::merge(base, &self.set, &parsed.set);
                self.set = merged;
                merge_stats = Some(stats);
                parsed.doc
            }
        };
        file::write_set(&mut doc, &self.set);
        let text = doc.to_string();
        let fingerprint = disk::write_atomically(target, text.as_bytes(), current.as_ref(), fail)
            .map_err(|(step, e)| io_err(step, e))?;
        self.doc = doc;
        self.fingerprint = Some(fingerprint);
        self.base = self.set.clone();
        self.dirty = false;
        Ok(SaveOutcome {
            path: target.to_path_buf(),
            written: true,
            merge: merge_stats,
        })
    }

    /// Picks up changes another program made to the file since we read or wrote it,
    /// merging them with unsaved edits in memory (nothing is written). Returns whether
    /// anything was merged in.
    pub fn refresh(&mut self) -> Result<bool, LoadError> {
        if self.blocked.is_some() {
            return Ok(false);
        }
        let current = disk::read_current(&self.path).map_err(|source| LoadError::Read {
            path: self.path.clone(),
            source,
        })?;
        let Some(d) = current else { return Ok(false) };
        if Some(&d.fingerprint) == self.fingerprint.as_ref() {
            return Ok(false);
        }
        let parsed = parse_bytes(&self.path, &d.bytes)?;
        let (merged, _) = merge::merge(&self.base, &self.set, &parsed.set);
        let dirty = merged != parsed.set;
        self.set = merged;
        self.base = parsed.set;
        self.doc = parsed.doc;
        self.fingerprint = Some(d.fingerprint);
        self.dirty = dirty;
        Ok(true)
    }
}

/// Trimmed, non-empty, each once, in the order given.
fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    tags.iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty() && seen.insert(t.clone()))
        .collect()
}

/// A short range at `at` for a bookmark: the next words up to the end of their line (at
/// most 40 chars, skipping blank lines), or the words before `at` at the end of the text.
fn widen(text: &str, at: usize) -> Range<usize> {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let rest = &text[at..];
    let start = at + (rest.len() - rest.trim_start_matches('\n').len());
    let end = text[start..]
        .char_indices()
        .take_while(|(_, c)| *c != '\n')
        .take(40)
        .last()
        .map_or(start, |(i, c)| start + i + c.len_utf8());
    if end > start {
        return start..end;
    }
    let end = text[..at].trim_end_matches('\n').len();
    let start = text[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| *c != '\n')
        .take(40)
        .last()
        .map_or(end, |(i, _)| i);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widen_takes_words_after_or_before() {
        assert_eq!(widen("abc\ndef", 4), 4..7);
        assert_eq!(widen("abc\ndef", 3), 4..7);
        assert_eq!(widen("abc\n\n\ndef", 4), 6..9);
        assert_eq!(widen("abc\n\n", 4), 0..3);
        assert_eq!(widen("", 0), 0..0);
    }

    #[test]
    fn stamps_strictly_increase() {
        let a = stamp(None);
        assert!(stamp(None) > a);
        let far = a.checked_add(jiff::SignedDuration::from_hours(1)).unwrap();
        assert!(stamp(Some(far)) > far);
    }
}

//! Highlights, notes, tags, bookmarks, read state and entity corrections, kept in one
//! TOML file the user owns (`byline.toml`), safe to hand-edit, diff and share.
//!
//! # API for the interface
//!
//! ```text
//! // Where the file is, and why (for the status line: `location.to_string()`).
//! location::resolve(flag: Option<&Path>, library: &[PathBuf]) -> Result<Location, LocationError>
//!
//! // Open. The CLI uses `open` (a bad file is an error). The interface uses `open_or_hold`:
//! // a bad file gives an empty store that refuses to save there (never overwrites it),
//! // keeps edits in memory and can `save_as` elsewhere.
//! Store::open(path) -> Result<Store, LoadError>
//! Store::open_or_hold(path) -> Store
//! store.save_blocked_reason() -> Option<&LoadError>   // Display: "FILE: line L, column C: …"
//! store.path() -> &Path
//!
//! // After loading the library, and whenever an article is opened:
//! store.sync_articles(&[Article]) -> ReanchorReport  // re-key by path, re-anchor changed texts
//! store.reanchor(&Article) -> ReanchorReport
//!
//! // Edits (byte ranges into Article::text; `block` = index into Article::blocks).
//! store.add_highlight(&Article, Range<usize>, Option<usize>) -> Result<Uuid, AnchorError>   // H
//! store.add_note(&Article, Option<Range<usize>>, Option<usize>, &str) -> Result<Uuid, AnchorError> // a
//! store.set_note(Uuid, Option<&str>) -> bool          // note on an existing highlight
//! store.set_annotation_tags(Uuid, &[String]) -> bool
//! store.add_tag(&Article, &str) -> Option<Uuid>       // t
//! store.remove_tag(article_id, &str) -> bool
//! store.set_tags(&Article, &[String])
//! store.add_bookmark(&Article, Range<usize>, Option<usize>) -> Result<Uuid, AnchorError>  // m
//! store.toggle_read(&Article) -> ReadStatus            // r
//! store.set_status(&Article, ReadStatus)               // reaching the end marks read
//! store.set_last_position(&Article, byte)
//! store.add_correction(Correction, Option<(&Article, Range<usize>, Option<usize>)>) -> Result<Uuid, AnchorError> // e
//! store.delete(Uuid) -> bool / store.undelete(Uuid) -> bool
//!
//! // Reading
//! store.annotations_for(article_id) -> Vec<&Annotation>
//! store.ranges_for(&Article) -> Vec<(Range<usize>, &Annotation)>   // for drawing highlights
//! store.annotation_count(article_id) / status(article_id) / last_position(&Article)
//! store.article_tags(article_id) / all_tags() / articles_tagged(tag)
//! store.corrections() -> Vec<&Annotation>
//! corrections::apply_corrections(&mut EntityIndex, &[Article], store.corrections()) -> CorrectionReport
//!
//! // Saving (autosave shortly after changes and on quit; Ctrl-s):
//! store.is_dirty() -> bool
//! store.save() -> Result<SaveOutcome, SaveError>       // outcome.merged(): file changed on disk
//! store.save_as(path) -> Result<SaveOutcome, SaveError>
//! store.refresh() -> Result<bool, LoadError>           // pull in changes made by others
//!
//! // Export
//! export::export_markdown(&[Article], store.set()) -> String
//! export::export_json(&[Article], store.set()) -> serde_json::Value
//! ```
//!
//! # Design
//!
//! The file is read with `toml_edit` and the document is kept: a save updates tables in
//! place by `id`, so comments and unknown keys survive. Deletions are tombstones
//! (`deleted = true`). Saving takes a lock on `byline.toml.lock`, re-reads the file, merges
//! by id when it changed since we read it ([`merge`]), writes a temporary file, flushes
//! it, copies the old file to `byline.toml.bak` and renames over ([`disk`]). A file that
//! does not parse or has a newer schema is never written to ([`error::LoadError`]).

pub mod anchor;
pub mod corrections;
pub mod disk;
pub mod error;
pub mod export;
pub mod file;
pub mod fuzzy;
pub mod location;
pub mod merge;
pub mod model;
pub mod store;

pub use anchor::AnchorError;
pub use corrections::{CorrectionReport, apply_corrections};
pub use error::{LoadError, SaveError, SaveStep};
pub use export::{export_json, export_markdown};
pub use location::{Location, LocationReason, resolve as resolve_location};
pub use merge::MergeStats;
pub use model::{
    Anchor, AnchorStatus, Annotation, AnnotationSet, ArticleRecord, Correction, Motivation,
    ReadStatus, text_hash,
};
pub use store::{ReanchorReport, SaveOutcome, Store};

//! A library of articles: finding files, decoding them, and telling the user what was
//! skipped and why.
//!
//! Loading is [`discover`] (walk the paths) then [`load_files`] (read and parse in
//! parallel, reporting progress), so an interface can show its first frame while a large
//! library loads on a background thread. [`load`] does both.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::article::{Article, Draft, LibraryLines};

pub mod cache;
mod discover;
mod read;

pub use discover::discover;
pub use read::{MAX_FILE_BYTES, decode};

/// A file that could not be loaded or was loaded with a caveat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

/// Every article found under the paths the user gave, plus what went wrong on the way.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub warnings: Vec<LoadWarning>,
}

/// Why a library could not be opened at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CorpusError {
    /// The user named a path that does not exist.
    #[error("no such file or directory: {}", .0.display())]
    NotFound(PathBuf),
}

/// Why `Corpus::find` found no single article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FindError {
    #[error(
        "no article matches '{0}' (give an id, a unique id prefix or a path; `byline list` shows them)"
    )]
    NotFound(String),
    #[error("'{key}' matches {} articles: {}; give more characters", .candidates.len(), .candidates.join(", "))]
    Ambiguous {
        key: String,
        /// "id (title)" of each match.
        candidates: Vec<String>,
    },
}

/// Finds and loads every article under `paths` (without the index cache).
pub fn load(paths: &[PathBuf]) -> Result<Corpus, CorpusError> {
    load_with(paths, &LoadOptions::default())
}

/// Whether loading goes through the on-disk index cache ([`cache`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum CacheMode {
    /// Read every file (tests, one-off commands).
    #[default]
    Off,
    /// The XDG cache folder (`~/.cache/byline`).
    Default,
    /// A folder of the caller's choosing (tests, benchmarks, `--cache-dir`).
    Dir(PathBuf),
}

/// How a library is loaded. The result is the same either way; the cache only makes an
/// unchanged library open faster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadOptions {
    pub cache: CacheMode,
}

impl LoadOptions {
    /// Loading through the index cache, as the app does: the XDG cache folder, unless the
    /// environment says otherwise (`BYLINE_NO_CACHE=1` turns the cache off,
    /// `BYLINE_CACHE_DIR=DIR` moves it), so tests and CI need not touch the user's cache.
    pub fn cached() -> LoadOptions {
        let cache = if std::env::var_os("BYLINE_NO_CACHE").is_some_and(|v| !v.is_empty()) {
            CacheMode::Off
        } else if let Some(dir) = std::env::var_os("BYLINE_CACHE_DIR").filter(|d| !d.is_empty()) {
            CacheMode::Dir(PathBuf::from(dir))
        } else {
            CacheMode::Default
        };
        LoadOptions { cache }
    }
}

/// [`load`] with options (e.g. the index cache).
pub fn load_with(paths: &[PathBuf], options: &LoadOptions) -> Result<Corpus, CorpusError> {
    let (files, mut warnings) = discover(paths)?;
    let mut corpus = load_files_with(&files, options, |_, _| {});
    warnings.append(&mut corpus.warnings);
    warnings.sort_by(|a, b| a.path.cmp(&b.path));
    corpus.warnings = warnings;
    Ok(corpus)
}

/// [`load_files`] with options: with a cache, unchanged files are taken from it and the
/// cache is refreshed afterwards.
pub fn load_files_with(
    files: &[PathBuf],
    options: &LoadOptions,
    on_progress: impl Fn(usize, usize) + Sync,
) -> Corpus {
    match &options.cache {
        CacheMode::Off => load_files(files, on_progress),
        CacheMode::Default => cache::load_cached(files, None, on_progress),
        CacheMode::Dir(dir) => cache::load_cached(files, Some(dir), on_progress),
    }
}

/// Reads and parses `files` in parallel. `on_progress(done, total)` is called after each
/// file, from worker threads. Files that cannot be read become warnings.
pub fn load_files(files: &[PathBuf], on_progress: impl Fn(usize, usize) + Sync) -> Corpus {
    let done = AtomicUsize::new(0);
    let total = files.len();
    let results: Vec<Result<Draft, LoadWarning>> = files
        .par_iter()
        .map(|path| {
            let result = read_draft(path);
            on_progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            result
        })
        .collect();
    let mut drafts = Vec::new();
    let mut warnings = Vec::new();
    for r in results {
        match r {
            Ok(d) => drafts.push(d),
            Err(w) => warnings.push(w),
        }
    }
    build(drafts, warnings)
}

fn read_draft(path: &Path) -> Result<Draft, LoadWarning> {
    let decoded = read::read_text(path).map_err(|reason| LoadWarning {
        path: path.to_path_buf(),
        reason,
    })?;
    Ok(Draft::new(
        path.to_path_buf(),
        &decoded.text,
        decoded.warnings,
    ))
}

impl Corpus {
    /// A library from texts already in memory (the built-in sample, tests), parsed exactly
    /// like files.
    pub fn from_texts(texts: Vec<(PathBuf, String)>) -> Corpus {
        let drafts = texts
            .into_par_iter()
            .map(|(path, text)| Draft::new(path, &text, Vec::new()))
            .collect();
        build(drafts, Vec::new())
    }

    /// The article with this full id, unique id prefix, or path.
    pub fn find(&self, key: &str) -> Result<usize, FindError> {
        let key = key.trim();
        if let Some(i) = self.articles.iter().position(|a| a.id == key) {
            return Ok(i);
        }
        if let Some(i) = self.find_path(Path::new(key)) {
            return Ok(i);
        }
        let lower = key.to_lowercase();
        let is_hex = !lower.is_empty() && lower.chars().all(|c| c.is_ascii_hexdigit());
        // Indexing: `i` runs over `0..articles.len()`.
        let matches: Vec<usize> = (0..self.articles.len())
            .filter(|&i| is_hex && self.articles[i].id.starts_with(&lower))
            .collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => Err(FindError::NotFound(key.to_string())),
            many => Err(FindError::Ambiguous {
                key: key.to_string(),
                candidates: many
                    .iter()
                    .map(|&i| {
                        format!(
                            "{} ({})",
                            short_id(&self.articles[i].id),
                            self.articles[i].title
                        )
                    })
                    .collect(),
            }),
        }
    }

    fn find_path(&self, path: &Path) -> Option<usize> {
        let canonical = std::fs::canonicalize(path).ok();
        self.articles.iter().position(|a| {
            std::iter::once(&a.path).chain(&a.other_paths).any(|p| {
                p == path || canonical.is_some() && std::fs::canonicalize(p).ok() == canonical
            })
        })
    }
}

/// The 12 characters of an id the CLI shows.
pub fn short_id(id: &str) -> &str {
    id.get(..12).unwrap_or(id)
}

/// Sorts by path, merges duplicates (same id), counts lines across the library and
/// classifies every article with those counts.
fn build(mut drafts: Vec<Draft>, mut warnings: Vec<LoadWarning>) -> Corpus {
    drafts.sort_by(|a, b| a.path.cmp(&b.path));
    let (drafts, others) = merge_duplicates(drafts);
    let keys: Vec<Vec<u64>> = drafts.par_iter().map(Draft::line_keys).collect();
    let library = LibraryLines::from_articles(keys.iter().map(Vec::as_slice));
    let mut articles: Vec<Article> = drafts
        .into_par_iter()
        .map(|d| d.finish(Some(&library)))
        .collect();
    for (article, other) in articles.iter_mut().zip(others) {
        article.other_paths = other;
    }
    warnings.sort_by(|a, b| a.path.cmp(&b.path));
    Corpus { articles, warnings }
}

/// Keeps the first draft of each id (drafts are sorted by path) and the paths of its
/// copies.
fn merge_duplicates(drafts: Vec<Draft>) -> (Vec<Draft>, Vec<Vec<PathBuf>>) {
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut kept: Vec<Draft> = Vec::new();
    let mut others: Vec<Vec<PathBuf>> = Vec::new();
    for d in drafts {
        match index.get(&d.id) {
            // Indexing: `index` values are positions pushed to `kept` and `others` together.
            Some(&i) => others[i].push(d.path),
            None => {
                index.insert(d.id.clone(), kept.len());
                kept.push(d);
                others.push(Vec::new());
            }
        }
    }
    (kept, others)
}

//! Finding article files under the paths the user gave.
//!
//! Only a path that does not exist is an error; every other problem (unreadable folder,
//! broken link, symlink loop) becomes a warning so the rest of the library still loads.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{CorpusError, LoadWarning};

/// Extensions of article files, compared case-insensitively.
const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Folders nested deeper than this are not walked (a warning says so).
const MAX_DEPTH: usize = 64;

/// Lists the article files under `paths` (files as given, folders walked recursively,
/// hidden entries and the annotation file skipped), sorted by path, plus warnings.
pub fn discover(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<LoadWarning>), CorpusError> {
    if let Some(missing) = paths
        .iter()
        .find(|p| fs::symlink_metadata(p).is_err_and(|e| e.kind() == io::ErrorKind::NotFound))
    {
        return Err(CorpusError::NotFound(missing.clone()));
    }
    let mut walk = Walk::default();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk.dir(path, &mut Vec::new()),
            Ok(_) => walk.files.push(path.clone()),
            Err(err) => walk.warn(path, link_problem(&err)),
        }
    }
    walk.files.sort();
    walk.files.dedup();
    walk.warnings.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((walk.files, walk.warnings))
}

#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    warnings: Vec<LoadWarning>,
    /// Canonical folders already walked (a folder reached twice is walked once).
    visited: HashSet<PathBuf>,
}

impl Walk {
    fn warn(&mut self, path: &Path, reason: String) {
        self.warnings.push(LoadWarning {
            path: path.to_path_buf(),
            reason,
        });
    }

    /// Walks a folder; `ancestors` are the canonical folders above it, for loop detection.
    fn dir(&mut self, dir: &Path, ancestors: &mut Vec<PathBuf>) {
        let canonical = match fs::canonicalize(dir) {
            Ok(c) => c,
            Err(err) => return self.warn(dir, link_problem(&err)),
        };
        if ancestors.contains(&canonical) {
            return self.warn(
                dir,
                format!("symlink loop (leads back to {})", canonical.display()),
            );
        }
        if ancestors.len() >= MAX_DEPTH {
            return self.warn(
                dir,
                format!("folders nested deeper than {MAX_DEPTH} levels are not read"),
            );
        }
        if !self.visited.insert(canonical.clone()) {
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(err) => return self.warn(dir, format!("unreadable folder: {err}")),
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        ancestors.push(canonical);
        for child in children.iter().filter(|c| !is_skipped(c)) {
            match fs::metadata(child) {
                Ok(meta) if meta.is_dir() => self.dir(child, ancestors),
                Ok(_) if has_article_extension(child) => self.files.push(child.clone()),
                Ok(_) => {}
                Err(err) if has_article_extension(child) || is_symlink(child) => {
                    self.warn(child, link_problem(&err))
                }
                Err(_) => {}
            }
        }
        ancestors.pop();
    }
}

/// Hidden entries and the annotation file (and its backup) are never articles.
fn is_skipped(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.') || name.starts_with("byline.toml")
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
}

fn is_symlink(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// ELOOP, "too many levels of symbolic links", on Unix.
const ELOOP: i32 = 40;

fn link_problem(err: &io::Error) -> String {
    if err.raw_os_error() == Some(ELOOP) {
        "symlink loop".to_string()
    } else if err.kind() == io::ErrorKind::NotFound {
        "broken symbolic link".to_string()
    } else {
        format!("unreadable: {err}")
    }
}

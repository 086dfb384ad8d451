//! `byline show`: one article reflowed as plain text.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use byline::article::{Article, render_plain};
use byline::corpus::{self, CorpusError};

use super::UserError;
use super::list::{open_library, print_warnings, write_stdout};
use crate::Cli;

pub fn run(
    _cli: &Cli,
    article: &str,
    library: &[PathBuf],
    width: usize,
    all: bool,
) -> anyhow::Result<ExitCode> {
    let found = if Path::new(article).is_file() {
        load_single(Path::new(article))?
    } else {
        find_in_library(article, library)?
    };
    write_stdout(&render_plain(&found, width, all))?;
    Ok(ExitCode::SUCCESS)
}

/// `ARTICLE` is a file: load just it.
fn load_single(path: &Path) -> anyhow::Result<Article> {
    let corpus = corpus::load(&[path.to_path_buf()])?;
    print_warnings(&corpus);
    match corpus.articles.into_iter().next() {
        Some(a) => Ok(a),
        None => {
            let reason = corpus
                .warnings
                .first()
                .map_or("not an article".to_string(), |w| w.reason.clone());
            Err(UserError(format!("cannot show {}: {reason}", path.display())).into())
        }
    }
}

/// `ARTICLE` is an id, id prefix or path inside the `--in` library (default: sample).
/// Something that looks like a path and matches nothing is reported as a missing file.
fn find_in_library(key: &str, library: &[PathBuf]) -> anyhow::Result<Article> {
    let corpus = open_library(library)?;
    print_warnings(&corpus);
    match corpus.find(key) {
        Ok(i) => corpus
            .articles
            .into_iter()
            .nth(i)
            .ok_or_else(|| UserError(format!("no article matches '{key}'")).into()),
        Err(_) if looks_like_path(key) => Err(CorpusError::NotFound(PathBuf::from(key)).into()),
        Err(e) => Err(e.into()),
    }
}

fn looks_like_path(key: &str) -> bool {
    key.contains(std::path::MAIN_SEPARATOR)
        || key.contains('/')
        || [".txt", ".md", ".markdown"]
            .iter()
            .any(|e| key.to_lowercase().ends_with(e))
}

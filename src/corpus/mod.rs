//! A library of articles: finding files, decoding them, and telling the user what was
//! skipped and why.

use std::path::PathBuf;

use crate::article::Article;

/// A file that could not be loaded or was loaded with a caveat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    pub path: PathBuf,
    pub reason: String,
}

/// Every article found under the paths the user gave, plus what went wrong on the way.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub warnings: Vec<LoadWarning>,
}

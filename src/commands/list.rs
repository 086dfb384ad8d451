//! `byline list`: one row per article (id, words, title, path), as a table or JSON.
//! Also home of the small helpers the other commands share for opening a library.
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use byline::article::Article;
use byline::corpus::{self, Corpus, short_id};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::Cli;

/// Titles wider than this are cut in the table.
const TITLE_COLUMNS: usize = 56;

pub fn run(_cli: &Cli, paths: &[PathBuf], json: bool) -> anyhow::Result<ExitCode> {
    let corpus = open_library(paths)?;
    print_warnings(&corpus);
    let index = byline::entities::extract(&corpus, &[]);
    let rows: Vec<Row> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| Row::new(a, index.kind_counts(i)))
        .collect();
    let out = if json {
        serde_json::to_string_pretty(&rows).context("writing JSON")? + "\n"
    } else {
        table(&rows)
    };
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// One article as `list` shows it.
#[derive(Debug, Serialize)]
struct Row {
    id: String,
    path: String,
    title: String,
    words: usize,
    warnings: Vec<String>,
    other_paths: Vec<String>,
    /// Distinct entities mentioned, per kind.
    entities: EntityCounts,
}

/// Distinct entities an article mentions, per kind.
#[derive(Debug, Serialize)]
struct EntityCounts {
    person: usize,
    place: usize,
    organization: usize,
    topic: usize,
}

impl Row {
    fn new(a: &Article, counts: [usize; 4]) -> Row {
        Row {
            id: a.id.clone(),
            path: a.path.display().to_string(),
            title: a.title.clone(),
            words: a.word_count,
            warnings: a.warnings.clone(),
            other_paths: a
                .other_paths
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            entities: EntityCounts {
                person: counts[0],
                place: counts[1],
                organization: counts[2],
                topic: counts[3],
            },
        }
    }
}

fn table(rows: &[Row]) -> String {
    let mut out = format!(
        "{:<12}  {:>6}  {:>11}  {:<TITLE_COLUMNS$}  PATH\n",
        "ID", "WORDS", "PER/PLA/ORG", "TITLE"
    );
    for r in rows {
        let title = fit(&r.title, TITLE_COLUMNS);
        let pad = TITLE_COLUMNS.saturating_sub(title.width());
        out.push_str(&format!(
            "{:<12}  {:>6}  {:>11}  {title}{}  {}\n",
            short_id(&r.id),
            r.words,
            format!(
                "{}/{}/{}",
                r.entities.person, r.entities.place, r.entities.organization
            ),
            " ".repeat(pad),
            r.path
        ));
    }
    out
}

/// Cuts `s` to at most `cols` display columns, ending in "…" when cut.
fn fit(s: &str, cols: usize) -> String {
    if s.width() <= cols {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > cols {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// The library under `paths`, or the built-in sample library when none is given.
pub(crate) fn open_library(paths: &[PathBuf]) -> anyhow::Result<Corpus> {
    if paths.is_empty() {
        return Ok(byline::sample::corpus());
    }
    Ok(corpus::load_with(paths, &corpus::LoadOptions::cached())?)
}

/// Skipped files and per-article caveats, one line each on stderr.
pub(crate) fn print_warnings(corpus: &Corpus) {
    let mut err = std::io::stderr().lock();
    for w in &corpus.warnings {
        let _ = writeln!(err, "byline: warning: {w}");
    }
    for a in &corpus.articles {
        for w in &a.warnings {
            let _ = writeln!(err, "byline: warning: {}: {w}", a.path.display());
        }
    }
}

/// Writes to stdout; a closed pipe (`byline list | head`) is not an error.
pub(crate) fn write_stdout(s: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e).context("writing to stdout"),
        _ => Ok(()),
    }
}

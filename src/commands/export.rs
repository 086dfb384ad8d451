//! `byline export`: the reader's annotations as Markdown (per article) or JSON (every
//! field), to stdout or a file. Read-only: the annotation file is never written here.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use byline::annotations::{Store, export_json, export_markdown, resolve_location};

use super::UserError;
use super::list::{open_library, print_warnings, write_stdout};
use crate::{Cli, ExportFormat};

pub fn run(
    cli: &Cli,
    paths: &[PathBuf],
    format: ExportFormat,
    out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let corpus = open_library(paths)?;
    print_warnings(&corpus);
    let location = resolve_location(cli.annotations.as_deref(), paths)
        .map_err(|e| UserError(e.to_string()))?;
    let mut store = Store::open(&location.path).map_err(|e| UserError(e.to_string()))?;
    if !location.path.exists() {
        eprintln!("byline: note: no annotations yet at {location}");
    }
    // Re-anchor in memory so orphaned passages are reported as such; nothing is saved.
    store.sync_articles(&corpus.articles);
    let text = match format {
        ExportFormat::Markdown => export_markdown(&corpus.articles, store.set()) + "\n",
        ExportFormat::Json => {
            serde_json::to_string_pretty(&export_json(&corpus.articles, store.set()))
                .context("writing JSON")?
                + "\n"
        }
    };
    match out {
        Some(p) => {
            std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display()))?
        }
        None => write_stdout(&text)?,
    }
    Ok(ExitCode::SUCCESS)
}

//! `byline show`.
use std::path::PathBuf;
use std::process::ExitCode;

use crate::Cli;

pub fn run(
    _cli: &Cli,
    _article: &str,
    _library: &[PathBuf],
    _width: usize,
    _all: bool,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}

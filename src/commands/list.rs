//! `byline list`.
use std::path::PathBuf;
use std::process::ExitCode;

use crate::Cli;

pub fn run(_cli: &Cli, _paths: &[PathBuf], _json: bool) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}

//! `byline export`.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::{Cli, ExportFormat};

pub fn run(
    _cli: &Cli,
    _paths: &[PathBuf],
    _format: ExportFormat,
    _out: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}

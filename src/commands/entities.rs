//! `byline entities`.
use std::path::PathBuf;
use std::process::ExitCode;

use crate::{Cli, KindArg};

pub fn run(
    _cli: &Cli,
    _paths: &[PathBuf],
    _json: bool,
    _kind: Option<KindArg>,
) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}

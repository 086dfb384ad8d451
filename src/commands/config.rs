//! `byline config`.
use std::process::ExitCode;

use crate::Cli;

pub fn run(_cli: &Cli, _print_default: bool) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}

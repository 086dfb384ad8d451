//! One module per subcommand. Each takes parsed arguments and does its job with the library.

use std::process::ExitCode;

use anyhow::Context;

use crate::{Cli, Command};

mod config;
mod entities;
mod export;
mod list;
mod show;

/// Runs the command line; the interface when no subcommand is given.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => {
            let config =
                byline::config::Config::load(cli.config.as_deref()).context("invalid config")?;
            // The library loads in the background once the interface is up; a path that
            // does not exist is a mistake to report before the screen is taken over.
            if let Some(missing) = cli.paths.iter().find(|p| !p.exists()) {
                return Err(byline::corpus::CorpusError::NotFound(missing.clone()).into());
            }
            byline::tui::run(cli.paths.clone(), config, cli.annotations.clone())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::List { ref paths, json }) => list::run(&cli, paths, json),
        Some(Command::Show {
            ref article,
            ref library,
            width,
            all,
        }) => show::run(&cli, article, library, width, all),
        Some(Command::Entities {
            ref paths,
            json,
            kind,
        }) => entities::run(&cli, paths, json, kind),
        Some(Command::Export {
            ref paths,
            format,
            ref out,
        }) => export::run(&cli, paths, format, out.as_deref()),
        Some(Command::Config { print_default }) => config::run(&cli, print_default),
    }
}

/// A mistake the user can fix (bad argument, unknown article): exit status 2, no
/// backtrace. Commands wrap such messages in it; library error types are recognised too.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UserError(pub String);

/// Exit status for an error: 2 for user mistakes (missing path, unknown article, bad
/// argument, invalid config), 1 otherwise.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    let user = err.chain().any(|e| {
        e.is::<UserError>()
            || e.is::<byline::corpus::CorpusError>()
            || e.is::<byline::corpus::FindError>()
            || e.is::<byline::config::ConfigError>()
    });
    if user { 2 } else { 1 }
}

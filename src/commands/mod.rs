//! One module per subcommand. Each takes parsed arguments and does its job with the library.

use std::process::ExitCode;

use crate::{Cli, Command};

mod config;
mod entities;
mod export;
mod list;
mod show;

/// Runs the command line; the interface when no subcommand is given.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => anyhow::bail!("the interface is not built yet"),
        Some(Command::List { ref paths, json }) => list::run(&cli, paths, json),
        Some(Command::Show { ref article, ref library, width, all }) => {
            show::run(&cli, article, library, width, all)
        }
        Some(Command::Entities { ref paths, json, kind }) => entities::run(&cli, paths, json, kind),
        Some(Command::Export { ref paths, format, ref out }) => {
            export::run(&cli, paths, format, out.as_deref())
        }
        Some(Command::Config { print_default }) => config::run(&cli, print_default),
    }
}

/// Exit status for an error: 2 for user mistakes (bad path, bad config), 1 otherwise.
pub fn exit_code(_err: &anyhow::Error) -> u8 {
    2
}

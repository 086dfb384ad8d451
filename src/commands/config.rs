//! `byline config`: print the documented default config, or check and describe the
//! config in force.
use std::process::ExitCode;

use anyhow::Context;
use byline::config::{Config, DEFAULT_TOML, user_config_path};

use crate::Cli;

/// With `--print-default`, prints `config/default.toml` verbatim; otherwise checks the
/// config in force and says where it comes from.
pub fn run(cli: &Cli, print_default: bool) -> anyhow::Result<ExitCode> {
    if print_default {
        print!("{DEFAULT_TOML}");
        return Ok(ExitCode::SUCCESS);
    }
    let config = Config::load(cli.config.as_deref()).context("invalid config")?;
    match &config.source {
        Some(path) => println!("config: {} (valid, laid over the defaults)", path.display()),
        None => match user_config_path() {
            Some(p) => println!("config: defaults (no file at {})", p.display()),
            None => println!("config: defaults"),
        },
    }
    println!("print the documented defaults with: byline config --print-default");
    Ok(ExitCode::SUCCESS)
}

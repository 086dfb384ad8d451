//! The `byline` binary: parses arguments and dispatches. Everything else lives in the
//! library (`byline::…`) or in the small command modules under `commands/`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod commands;

/// A terminal reader for collections of news articles.
#[derive(Debug, Parser)]
#[command(name = "byline", version, about, long_about = None)]
pub struct Cli {
    /// Files and folders of articles (.txt, .md); with none, a built-in sample library.
    pub paths: Vec<PathBuf>,
    /// User config file (default: the XDG config folder's byline/config.toml).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Annotation file (default: byline.toml in the first folder opened, else the XDG data folder).
    #[arg(long, global = true, value_name = "FILE")]
    pub annotations: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles: id, path, title, words, entity counts.
    List {
        paths: Vec<PathBuf>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print one article (by id, id prefix or path) reflowed as plain text.
    Show {
        /// Article id, unique id prefix, or path.
        article: String,
        /// Where to look for the article (default: the sample library).
        #[arg(long = "in", value_name = "PATH")]
        library: Vec<PathBuf>,
        /// Wrap width in columns.
        #[arg(long, default_value_t = 80)]
        width: usize,
        /// Include boilerplate blocks.
        #[arg(long)]
        all: bool,
    },
    /// List the people, places, organizations and topics of the library.
    Entities {
        paths: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
    },
    /// Export annotations as Markdown or JSON.
    Export {
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Show the configuration.
    Config {
        /// Print the documented default config.
        #[arg(long)]
        print_default: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Person,
    Place,
    Organization,
    Topic,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("byline: {err:#}");
            ExitCode::from(commands::exit_code(&err))
        }
    }
}

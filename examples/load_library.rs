//! Loads a library the way the app does and prints how long each phase took: the
//! whole-process measurement behind the scale section of BENCHMARKS.md
//! (`/usr/bin/time -v` around it gives peak memory).
//!
//! ```text
//! cargo run --release --example load_library -- /tmp/lib100k --cache-dir /tmp/byline-cache
//! cargo run --release --example load_library -- /tmp/lib100k --no-cache --entities
//! ```
//!
//! `--cache-dir DIR` uses the index cache in DIR (default: the XDG cache folder),
//! `--no-cache` reads every file, `--entities` also runs entity extraction (the rest of
//! "fully indexed").

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use byline::corpus::{self, CacheMode, LoadOptions};

fn main() -> ExitCode {
    let mut paths = Vec::new();
    let mut cache = CacheMode::Default;
    let mut entities = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--no-cache" => cache = CacheMode::Off,
            "--cache-dir" => match args.next() {
                Some(dir) => cache = CacheMode::Dir(PathBuf::from(dir)),
                None => {
                    eprintln!("--cache-dir needs a folder");
                    return ExitCode::from(2);
                }
            },
            "--entities" => entities = true,
            other => paths.push(PathBuf::from(other)),
        }
    }
    let start = Instant::now();
    let (files, walk_warnings) = match corpus::discover(&paths) {
        Ok(found) => found,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let discovered = start.elapsed();
    let options = LoadOptions { cache };
    let c = corpus::load_files_with(&files, &options, |_, _| {});
    let loaded = start.elapsed();
    let entity_count = entities.then(|| byline::entities::extract(&c, &[]).entities.len());
    let indexed = start.elapsed();
    let bytes: usize = c.articles.iter().map(|a| a.text.len()).sum();
    println!(
        "files {} articles {} warnings {} text {:.1} MB | discover {:.2}s load {:.2}s{}",
        files.len(),
        c.articles.len(),
        c.warnings.len() + walk_warnings.len(),
        bytes as f64 / 1e6,
        discovered.as_secs_f64(),
        (loaded - discovered).as_secs_f64(),
        match entity_count {
            Some(n) => format!(
                " entities {:.2}s ({n} entities)",
                (indexed - loaded).as_secs_f64()
            ),
            None => String::new(),
        }
    );
    for w in c
        .warnings
        .iter()
        .filter(|w| w.reason.contains("index cache"))
    {
        eprintln!("{w}");
    }
    ExitCode::SUCCESS
}

//! Scale: loading a generated library of 2,000 scraped-style articles (the generator of
//! `examples/generate_library.rs`: furniture, front matter, odd encodings, broken files)
//! without the index cache, with an empty cache (load + write it) and with a warm cache.
//!
//! `cargo bench --bench scale -- --warm-up-time 1 --measurement-time 3`
//! Whole-process figures for 20,000 and 100,000 articles are in BENCHMARKS.md.

use std::path::PathBuf;

use byline::corpus::{self, CacheMode, LoadOptions};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

#[allow(dead_code)]
#[path = "../examples/generate_library.rs"]
mod generate_library;

const ARTICLES: usize = 2_000;

fn scale(c: &mut Criterion) {
    let lib = tempfile::tempdir().expect("tempdir");
    let (files, bytes) =
        generate_library::write_library(lib.path(), ARTICLES, 1).expect("generate");
    eprintln!("library: {files} files, {:.1} MB", bytes as f64 / 1e6);
    let paths = vec![lib.path().to_path_buf()];
    let cache = tempfile::tempdir().expect("tempdir");
    let cached = LoadOptions {
        cache: CacheMode::Dir(cache.path().to_path_buf()),
    };
    let clear = |dir: &PathBuf| {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let _ = std::fs::remove_file(e.path());
        }
    };

    let mut group = c.benchmark_group("scale");
    group.sample_size(10);
    group.bench_function("load_2000_no_cache", |b| {
        b.iter(|| corpus::load(&paths).expect("loads"))
    });
    let cache_dir = cache.path().to_path_buf();
    group.bench_function("load_2000_cold_cache", |b| {
        b.iter_batched(
            || clear(&cache_dir),
            |()| corpus::load_with(&paths, &cached).expect("loads"),
            BatchSize::PerIteration,
        )
    });
    corpus::load_with(&paths, &cached).expect("fills the cache");
    group.bench_function("load_2000_warm_cache", |b| {
        b.iter(|| {
            let c = corpus::load_with(&paths, &cached).expect("loads");
            assert!(c.articles.len() > ARTICLES * 9 / 10);
            c
        })
    });
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);

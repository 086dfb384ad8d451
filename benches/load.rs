//! Loading budget: a generated library of 2,000 articles (~5 MB) must discover, read,
//! parse and classify well under one second on two cores.
//!
//! The library is generated deterministically here (a small LCG over word pools), written
//! to a temporary folder once, then loaded repeatedly.

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};

const ARTICLES: usize = 2_000;

const SUBJECTS: &[&str] = &[
    "The minister",
    "Negotiators",
    "The commission",
    "Farmers on the plain",
    "Officials in the capital",
    "The delegation",
    "Engineers at the dam",
    "Diplomats",
    "The envoy",
    "Local councils",
];
const VERBS: &[&str] = &[
    "said",
    "argued",
    "warned",
    "insisted",
    "suggested",
    "confirmed",
    "denied",
    "acknowledged",
];
const CLAUSES: &[&str] = &[
    "that the talks would resume next month after a pause over the summer",
    "that the river had fallen to its lowest level in a decade",
    "that a deal on the minimum flow was within reach",
    "that the new reservoir had changed the timing of the releases",
    "that both parliaments would have to approve any treaty",
    "that the data published by the commission was not in dispute",
    "that the harvest on the southern plain would be a third below average",
    "that the dispute procedure was the hardest clause to agree",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

fn sentence(rng: &mut Lcg) -> String {
    format!(
        "{} {} {}.",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(CLAUSES)
    )
}

/// One article of about 2.5 KB with the usual furniture around its body.
fn article(i: usize, rng: &mut Lcg) -> String {
    let mut s = format!(
        "World\nPhotographer {i}/Northwire/Pressfoto\n\nRiver talks, day {i}: {}\n\n",
        rng.pick(CLAUSES)
    );
    s.push_str(&format!("{}\n\n", sentence(rng)));
    for p in 0..8 {
        let para: Vec<String> = (0..3).map(|_| sentence(rng)).collect();
        s.push_str(&para.join(" "));
        s.push_str(&format!(" (Item {i}-{p}.)\n\n"));
        if p == 3 {
            s.push_str("What comes next?\n\n");
        }
    }
    s.push_str("Related Stories\n\nSign up for the Morning Brief newsletter\n");
    s
}

fn write_library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rng = Lcg(42);
    for i in 0..ARTICLES {
        let sub = dir.path().join(format!("outlet-{}", i % 20));
        std::fs::create_dir_all(&sub).expect("mkdir");
        std::fs::write(sub.join(format!("{i:05}.txt")), article(i, &mut rng)).expect("write");
    }
    dir
}

fn load(c: &mut Criterion) {
    let dir = write_library();
    let paths = vec![dir.path().to_path_buf()];
    let bytes: u64 = walk_size(dir.path());
    eprintln!("library: {ARTICLES} articles, {:.1} MB", bytes as f64 / 1e6);
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("load_2000_articles_from_disk", |b| {
        b.iter(|| {
            let corpus = byline::corpus::load(&paths).expect("loads");
            assert_eq!(corpus.articles.len(), ARTICLES);
        })
    });
    let mut rng = Lcg(42);
    let texts: Vec<(PathBuf, String)> = (0..ARTICLES)
        .map(|i| (PathBuf::from(format!("{i}.txt")), article(i, &mut rng)))
        .collect();
    group.bench_function("parse_2000_articles_in_memory", |b| {
        b.iter(|| byline::corpus::Corpus::from_texts(texts.clone()))
    });
    group.finish();
}

fn walk_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| match e.metadata() {
            Ok(m) if m.is_dir() => walk_size(&e.path()),
            Ok(m) => m.len(),
            Err(_) => 0,
        })
        .sum()
}

criterion_group!(benches, load);
criterion_main!(benches);

//! Entity extraction over a generated library of 2,000 articles (~5 MB): text made
//! deterministically from templates with recurring names. Budget: ≥ 1 million tokens per
//! second per core for extraction alone (see BENCHMARKS.md).

use std::path::PathBuf;

use byline::corpus::Corpus;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const PEOPLE: &[&str] = &[
    "John Kerry",
    "Sergei Lavrov",
    "Vladimir Putin",
    "Angela Merkel",
    "Fiona Hill",
    "Robert Legvold",
    "Noah Bonsey",
    "Petr Poroshenko",
    "Barack Obama",
    "Marie Harf",
    "Michael McFaul",
    "Steven Pifer",
];
const PLACES: &[&str] = &[
    "Moscow",
    "Washington",
    "Kiev",
    "Sochi",
    "Syria",
    "Iran",
    "Crimea",
    "Berlin",
    "Geneva",
    "Minsk",
    "the United States",
    "Ukraine",
    "Damascus",
    "Tehran",
    "Brussels",
];
const ORGS: &[&str] = &[
    "the State Department",
    "the Brookings Institution",
    "the International Crisis Group",
    "the United Nations",
    "the OSCE",
    "RIA Novosti",
    "Columbia University",
    "the European Union",
];
const TEMPLATES: &[&str] = &[
    "{P} arrived in {L} on Tuesday for talks with officials from {O} about the sanctions and the Minsk agreements.",
    "According to {O}, the meeting between {P} and {Q} in {L} was the first since the crisis began.",
    "\u{201c}We have made progress on the Iran nuclear program,\u{201d} {P} told reporters in {L} after a long day of negotiations.",
    "While {Q} remained cautious, analysts at {O} said the visit could open a new chapter in relations with {L}.",
    "The talks in {L} focused on the civil war, humanitarian aid and the role of {O} in monitoring the ceasefire.",
    "{P}, a senior fellow at {O}, said that neither side expected a breakthrough before the summit in {L}.",
];

fn pick<'a>(list: &[&'a str], seed: &mut u64) -> &'a str {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    list[(*seed >> 33) as usize % list.len()]
}

fn library(n: usize) -> Corpus {
    let mut seed = 42u64;
    let texts = (0..n)
        .map(|i| {
            let mut text = format!(
                "{} and {} meet in {}\n\n",
                pick(PEOPLE, &mut seed),
                pick(PEOPLE, &mut seed),
                pick(PLACES, &mut seed)
            );
            while text.len() < 2500 {
                let mut para = String::new();
                for _ in 0..4 {
                    let t = pick(TEMPLATES, &mut seed)
                        .replace("{P}", pick(PEOPLE, &mut seed))
                        .replace("{Q}", pick(PEOPLE, &mut seed))
                        .replace("{L}", pick(PLACES, &mut seed))
                        .replace("{O}", pick(ORGS, &mut seed));
                    para.push_str(&t);
                    para.push(' ');
                }
                text.push_str(para.trim_end());
                text.push_str("\n\n");
            }
            (PathBuf::from(format!("article-{i:04}.txt")), text)
        })
        .collect();
    Corpus::from_texts(texts)
}

fn bench(c: &mut Criterion) {
    let corpus = library(2000);
    let bytes: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
    let tokens: usize = corpus
        .articles
        .iter()
        .map(|a| byline::entities::text::tokenize(&a.text, 0).len())
        .sum();
    eprintln!(
        "library: {} articles, {bytes} bytes, {tokens} tokens",
        corpus.articles.len()
    );
    let mut g = c.benchmark_group("entities");
    g.sample_size(10);
    g.throughput(Throughput::Elements(tokens as u64));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    g.bench_function("extract_2000_articles_1_thread", |b| {
        b.iter(|| pool.install(|| byline::entities::extract(&corpus, &[])))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

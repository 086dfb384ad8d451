//! Interface budgets: one frame at 200×60 with a long article, and one keystroke in the
//! sidebar filter (update + render) at 1k, 10k and 100k generated entities. Budget:
//! 16 ms per keystroke at 100k. Generated data only (no files needed).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use byline::article::{Article, Block, BlockKind};
use byline::config::Config;
use byline::corpus::Corpus;
use byline::entities::{Entity, EntityIndex, EntityKind, Mention};
use byline::tui::{Action, App, Pane, update};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A tiny deterministic generator (no extra dependency).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

const SYL: &[&str] = &[
    "ka", "ro", "vel", "mun", "di", "sa", "tor", "an", "le", "gri", "ol", "ne", "pu", "tin", "ber",
    "ğa", "é", "zu", "mar", "ko", "ste", "va", "lin", "ra",
];

fn name(r: &mut Lcg) -> String {
    let mut word = |n: usize| {
        let w: String = (0..n).map(|_| r.pick(SYL)).collect();
        let mut cs = w.chars();
        cs.next()
            .map(|c| c.to_uppercase().chain(cs).collect::<String>())
            .unwrap_or_default()
    };
    format!("{} {}", word(2), word(3))
}

fn article(i: usize, paragraphs: usize, r: &mut Lcg) -> Article {
    let words = [
        "the",
        "talks",
        "minister",
        "said",
        "on",
        "Tuesday",
        "that",
        "sanctions",
        "would",
        "remain",
        "until",
        "agreement",
        "was",
        "reached",
        "in",
        "Geneva",
        "and",
    ];
    let mut text = format!("Generated article {i}");
    let mut blocks = vec![Block {
        kind: BlockKind::Title,
        lines: 0..2,
        bytes: 0..text.len(),
    }];
    for p in 0..paragraphs {
        text.push_str("\n\n");
        let start = text.len();
        let n = 60 + (r.next() as usize % 80);
        let para: Vec<&str> = (0..n).map(|_| r.pick(&words)).collect();
        text.push_str(&para.join(" "));
        text.push('.');
        let line = 2 + p * 2;
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            lines: line..line + 2,
            bytes: start..text.len(),
        });
    }
    Article {
        id: format!("{i:016x}"),
        path: PathBuf::from(format!("gen/{i}.txt")),
        other_paths: vec![],
        meta: Default::default(),
        title: format!("Generated article {i}"),
        word_count: text.split_whitespace().count(),
        text,
        blocks,
        warnings: vec![],
    }
}

/// `n_articles` articles and `n_entities` entities, each mentioned a few times.
fn library(n_articles: usize, paragraphs: usize, n_entities: usize) -> (Corpus, EntityIndex) {
    let mut r = Lcg(42);
    let articles: Vec<Article> = (0..n_articles)
        .map(|i| article(i, paragraphs, &mut r))
        .collect();
    let kinds = EntityKind::ALL;
    let mut entities = Vec::with_capacity(n_entities);
    for e in 0..n_entities {
        let mut mentions = Vec::new();
        for _ in 0..1 + r.next() % 3 {
            let a = r.next() as usize % n_articles;
            let len = articles[a].text.len();
            let words: Vec<(usize, &str)> = articles[a]
                .text
                .split_ascii_whitespace()
                .map(|w| (w.as_ptr() as usize - articles[a].text.as_ptr() as usize, w))
                .collect();
            let (start, w) = words[r.next() as usize % words.len()];
            let end = (start + w.len()).min(len);
            mentions.push(Mention {
                article: a,
                start,
                end,
            });
        }
        mentions.sort();
        mentions.dedup();
        let kind = kinds[e % 4];
        entities.push(Entity {
            id: format!("{}:{e}", kind.as_str()),
            name: name(&mut r),
            kind,
            aliases: vec![],
            mentions,
        });
    }
    let index = EntityIndex::new(entities, n_articles);
    (
        Corpus {
            articles,
            warnings: vec![],
        },
        index,
    )
}

fn frame(c: &mut Criterion) {
    let (corpus, index) = library(1, 400, 2_000);
    let mut app = App::with_library(Config::defaults(), corpus, index);
    update(&mut app, Action::Resize(200, 60));
    update(&mut app, Action::PageDown);
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    c.bench_function("frame 200x60 long article", |b| {
        b.iter(|| {
            term.draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
        })
    });
    c.bench_function("reflow long article on resize", |b| {
        let mut wide = true;
        b.iter(|| {
            wide = !wide;
            update(&mut app, Action::Resize(if wide { 200 } else { 160 }, 60));
            black_box(app.reader.wrapped.lines.len());
        })
    });
}

fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("sidebar keystroke (update + render)");
    for n in [1_000usize, 10_000, 100_000] {
        let (corpus, index) = library(1_000, 3, n);
        let mut app = App::with_library(Config::defaults(), corpus, index);
        update(&mut app, Action::Resize(200, 60));
        app.focus = Pane::Sidebar;
        update(&mut app, Action::Filter);
        let mut term = Terminal::new(TestBackend::new(200, 60)).expect("backend");
        // First letter: the whole list is matched (the worst case for one key).
        group.bench_with_input(BenchmarkId::new("first letter", n), &n, |b, _| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let t = Instant::now();
                    update(&mut app, Action::Input('k'));
                    term.draw(|f| f.render_widget(&app, f.area()))
                        .expect("draw");
                    total += t.elapsed();
                    update(&mut app, Action::InputBackspace);
                }
                total
            })
        });
        // A third letter: narrowed incrementally from the previous matches.
        update(&mut app, Action::Input('k'));
        update(&mut app, Action::Input('a'));
        group.bench_with_input(BenchmarkId::new("third letter", n), &n, |b, _| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let t = Instant::now();
                    update(&mut app, Action::Input('r'));
                    term.draw(|f| f.render_widget(&app, f.area()))
                        .expect("draw");
                    total += t.elapsed();
                    update(&mut app, Action::InputBackspace);
                }
                total
            })
        });
        update(&mut app, Action::Escape);
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = frame, keystroke
}
criterion_main!(benches);

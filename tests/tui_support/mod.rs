//! Shared fixture for the interface tests: a small hand-built library (our own text,
//! blocks and entities set by hand, so the tests do not move when the classifier or the
//! extractor improve) and helpers to drive the app with keys and read the screen.
#![allow(dead_code)]

use std::path::PathBuf;

use byline::article::{Article, Block, BlockKind};
use byline::config::Config;
use byline::corpus::{Corpus, LoadWarning};
use byline::entities::{Entity, EntityIndex, EntityKind, Mention};
use byline::tui::{Action, App, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use BlockKind::*;

/// An article from (kind, text) blocks separated by blank lines.
pub fn article(file: &str, parts: &[(BlockKind, &str)]) -> Article {
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut line = 0;
    for (i, (kind, t)) in parts.iter().enumerate() {
        if i > 0 {
            text.push_str("\n\n");
            line += 1;
        }
        let start = text.len();
        text.push_str(t);
        let n = t.lines().count();
        let last = i + 1 == parts.len();
        blocks.push(Block {
            kind: *kind,
            lines: line..line + n + usize::from(!last),
            bytes: start..text.len(),
        });
        line += n;
    }
    let title = parts
        .iter()
        .find(|p| p.0 == Title)
        .map(|p| p.1)
        .unwrap_or(file)
        .to_string();
    let word_count = text.split_whitespace().count();
    Article {
        id: format!("{:016x}", file.len() * 7919 + word_count),
        path: PathBuf::from("fixture").join(file),
        other_paths: vec![],
        meta: Default::default(),
        title,
        text,
        blocks,
        warnings: vec![],
        word_count,
    }
}

const LONG: &str = "The talks ran late into the evening, and the delegations traded drafts \
over dinner while aides carried paper between the rooms. Observers said the mood was \
businesslike rather than warm, and that neither side expected a breakthrough before the \
weekend. Several officials described the exchanges as frank.";

/// Four articles about made-up diplomacy, plus one with nothing in common.
pub fn corpus() -> Corpus {
    let a0 = article(
        "sochi.txt",
        &[
            (SectionLabel, "World"),
            (Title, "Kerry meets Putin in Sochi"),
            (
                Standfirst,
                "The two men spoke for four hours about Syria and sanctions.",
            ),
            (
                Paragraph,
                "John Kerry flew to Sochi on Tuesday to meet Vladimir Putin, the first such visit in two years.",
            ),
            (Credit, "Photo: Staff Photographer"),
            (Paragraph, LONG),
            (Subhead, "A long evening"),
            (Paragraph, LONG),
            (PullQuote, "We agreed to keep talking."),
            (Paragraph, LONG),
            (
                Paragraph,
                "Late that night Putin told reporters that the sanctions were a mistake, and Kerry said little.",
            ),
            (Boilerplate, "Sign up for our weekly newsletter"),
        ],
    );
    let a1 = article(
        "geneva.txt",
        &[
            (Title, "Lavrov and Kerry talk Syria in Geneva"),
            (
                Paragraph,
                "Sergei Lavrov met John Kerry in Geneva to discuss a ceasefire in Syria.",
            ),
            (Paragraph, LONG),
        ],
    );
    let a2 = article(
        "ankara.txt",
        &[
            (Title, "Erdoğan visits Moscow"),
            (
                Paragraph,
                "Recep Tayyip Erdoğan arrived in Moscow to see Vladimir Putin about gas prices.",
            ),
            (Paragraph, LONG),
        ],
    );
    let a3 = article(
        "farm.txt",
        &[
            (Title, "Farm prices fall again"),
            (
                Paragraph,
                "Wheat prices fell for the third week as the harvest came in early.",
            ),
        ],
    );
    Corpus {
        articles: vec![a0, a1, a2, a3],
        warnings: vec![LoadWarning {
            path: PathBuf::from("fixture/broken.bin"),
            reason: "binary file (NUL bytes), skipped".into(),
        }],
    }
}

/// Entities found by plain substring search of their surface forms.
pub fn index(corpus: &Corpus) -> EntityIndex {
    let defs: &[(&str, EntityKind, &[&str])] = &[
        (
            "Vladimir Putin",
            EntityKind::Person,
            &["Vladimir Putin", "Putin"],
        ),
        ("John Kerry", EntityKind::Person, &["John Kerry", "Kerry"]),
        (
            "Sergei Lavrov",
            EntityKind::Person,
            &["Sergei Lavrov", "Lavrov"],
        ),
        (
            "Recep Tayyip Erdoğan",
            EntityKind::Person,
            &["Recep Tayyip Erdoğan", "Erdoğan"],
        ),
        ("Sochi", EntityKind::Place, &["Sochi"]),
        ("Geneva", EntityKind::Place, &["Geneva"]),
        ("Moscow", EntityKind::Place, &["Moscow"]),
        ("Syria", EntityKind::Place, &["Syria"]),
        ("sanctions", EntityKind::Topic, &["sanctions"]),
    ];
    let mut entities = Vec::new();
    for (name, kind, forms) in defs {
        let mut mentions: Vec<Mention> = Vec::new();
        for (ai, a) in corpus.articles.iter().enumerate() {
            for form in *forms {
                for (start, m) in a.text.match_indices(form) {
                    let end = start + m.len();
                    if !mentions
                        .iter()
                        .any(|x| x.article == ai && x.start < end && start < x.end)
                    {
                        mentions.push(Mention {
                            article: ai,
                            start,
                            end,
                        });
                    }
                }
            }
        }
        mentions.sort();
        entities.push(Entity {
            id: format!(
                "{}:{}",
                kind.as_str(),
                name.to_lowercase().replace(' ', "-")
            ),
            name: name.to_string(),
            kind: *kind,
            aliases: forms.iter().map(|s| s.to_string()).collect(),
            mentions,
        });
    }
    EntityIndex::new(entities, corpus.articles.len())
}

/// The fixture app at `w`×`h`, default config.
pub fn app(w: u16, h: u16) -> App {
    app_with(Config::defaults(), w, h)
}

/// The fixture app with a given config.
pub fn app_with(config: Config, w: u16, h: u16) -> App {
    let c = corpus();
    let i = index(&c);
    let mut app = App::with_library(config, c, i);
    update(&mut app, Action::Resize(w, h));
    app
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

/// Types each char as a key press (upper case with shift, like a terminal).
pub fn keys(app: &mut App, s: &str) {
    for c in s.chars() {
        let m = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.handle_key(KeyEvent::new(KeyCode::Char(c), m));
    }
}

/// Renders the app on a TestBackend of its own size.
pub fn render(app: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(app.width, app.height)).expect("test backend");
    t.draw(|f| f.render_widget(app, f.area())).expect("draw");
    t.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn screen(app: &App) -> String {
    text(&render(app))
}

/// Positions (x, y) where `needle` starts on screen (by cells, one char per cell).
pub fn find_all(buf: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let n: Vec<char> = needle.chars().collect();
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let row: Vec<char> = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().chars().next().unwrap_or(' '))
            .collect();
        for x in 0..row.len() {
            if row[x..].starts_with(&n) {
                out.push((x as u16, y));
            }
        }
    }
    out
}

/// Positions of `needle` inside the rectangle spanning columns `x0..x1`.
pub fn find_in_cols(buf: &Buffer, needle: &str, x0: u16, x1: u16) -> Vec<(u16, u16)> {
    find_all(buf, needle)
        .into_iter()
        .filter(|(x, _)| *x >= x0 && *x < x1)
        .collect()
}

/// Index of the article with this title.
pub fn by_title(app: &App, title: &str) -> usize {
    app.lib
        .corpus
        .articles
        .iter()
        .position(|a| a.title == title)
        .expect("fixture title")
}

/// Index of the entity with this name.
pub fn entity(app: &App, name: &str) -> usize {
    app.lib
        .index
        .entities
        .iter()
        .position(|e| e.name == name)
        .expect("fixture entity")
}

/// The fixture app with the annotation file at `path` opened, as the loader does.
pub fn annotated(path: &std::path::Path, w: u16, h: u16) -> App {
    let mut app = app(w, h);
    attach(&mut app, path);
    app
}

/// Opens the annotation file at `path` in `app`.
pub fn attach(app: &mut App, path: &std::path::Path) {
    update(
        app,
        Action::StoreOpened(Box::new(byline::annotations::Store::open_or_hold(path))),
    );
}

/// Lets `secs` seconds pass for the autosave (two ticks: the countdown starts at the
/// first one).
pub fn wait(app: &mut App, secs: f64) {
    let t0 = std::time::Instant::now();
    update(app, Action::Tick(t0));
    update(
        app,
        Action::Tick(t0 + std::time::Duration::from_secs_f64(secs)),
    );
}

/// Moves the sidebar selection (focused) onto the entity named `name`.
pub fn select_entity(app: &mut App, name: &str) {
    while app.focus != byline::tui::Pane::Sidebar {
        press(app, KeyCode::Tab);
    }
    keys(app, "g");
    for _ in 0..200 {
        if app.sidebar.selected_entity().map(|e| app.lib.name(e)) == Some(name) {
            return;
        }
        keys(app, "j");
    }
    panic!("entity {name} not in the sidebar");
}

/// Style of the first cell showing `needle` in columns `x0..x1`.
pub fn style_at(buf: &Buffer, needle: &str, x0: u16, x1: u16) -> Option<ratatui::buffer::Cell> {
    find_in_cols(buf, needle, x0, x1)
        .first()
        .map(|&(x, y)| buf[(x, y)].clone())
}

//! No input may crash byline: arbitrary bytes (and real files with random damage) go
//! through the file decoder and article parser, the front matter reader, the config loader
//! and the annotation file loader. Errors are fine; panics are not. The parsers' outputs
//! must also keep the invariants the rest of byline relies on (blocks tile the text, offsets
//! stay on character boundaries).
//!
//! Kept fast for the normal test run (a few hundred cases per parser); the cargo-fuzz
//! targets in `fuzz/` run the same entry points for as long as one likes.

use std::path::{Path, PathBuf};

use byline::annotations::file as annotation_file;
use byline::article::{Article, line_spans, source};
use byline::config::Config;
use byline::corpus::{Corpus, decode};
use proptest::prelude::*;

/// A scraped-style article written for these tests: furniture, front matter, odd bytes.
const ARTICLE: &str = "+++\ntitle = \"Dam talks\"\nauthor = \"Ana Ruiz\"\n+++\nWorld\n\nTalks on the dam resume\n\nBy Ana Ruiz\n\nMarco Santini/Northlight Images\n\nVARNESK \u{2014} The delegations met again on Monday to discuss the water sharing plan, officials said.\n\n\"We have been patient,\" the minister said.\n\n\"We have been patient,\"\n\nWhat comes next?\n\nCaf\u{e9} owners near the dam said the river had fallen to its lowest level in a decade.\n\nSign up for our weekly newsletter\n";

const CONFIG: &str = "mouse = false\n\n[keys]\nquit = [\"q\", \"ctrl-c\"]\nzen = [\"Z\"]\n\n[theme]\nperson = \"lightblue\"\ntitle = \"#ffaa00\"\n\n[layout]\nlist = 30\nreader = 45\nsidebar = 25\n\n[[topic]]\nname = \"Water\"\nkeywords = [\"river\", \"dam\"]\n";

const ANNOTATIONS: &str = "schema = \"byline-annotations\"\nschema_version = 1\n\n[[article]]\nid = \"0123456789abcdef\"\npath = \"news/talks.txt\"\ntitle = \"Talks\"\ntext_hash = \"fedcba9876543210\"\nstatus = \"read\"\n\n[[annotation]]\nid = \"6f1c2a8e-8d4b-4f7e-9d62-0c1f5b0a7e11\"\narticle = \"0123456789abcdef\"\nmotivation = \"highlighting\"\ncreated = 2025-03-01T09:30:00Z\nmodified = 2025-03-01T09:31:00Z\nquote = \"the water sharing plan\"\nprefix = \"to discuss \"\nsuffix = \", officials\"\nstart = 40\nend = 62\nnote = \"n\u{e9}\"\ntags = [\"water\"]\n";

/// Bytes that are either anything at all or a real input with random damage (bytes
/// replaced, inserted, cut), which reaches much deeper into a parser than noise does.
fn damaged(seed: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let noise = prop::collection::vec(any::<u8>(), 0..600);
    let edits = prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..12);
    let mutated = edits.prop_map(move |edits| {
        let mut bytes = seed.as_bytes().to_vec();
        for (at, byte, op) in edits {
            if bytes.is_empty() {
                bytes.push(byte);
                continue;
            }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => bytes.truncate(i),
            }
        }
        bytes
    });
    prop_oneof![noise, mutated]
}

/// Everything a reader relies on in a parsed article.
fn check_article(a: &Article) {
    let lines = line_spans(&a.text).len();
    let mut next = 0;
    for b in &a.blocks {
        assert_eq!(b.lines.start, next, "blocks must tile the lines");
        assert!(b.lines.end >= b.lines.start);
        next = b.lines.end;
        assert!(
            a.text.get(b.bytes.clone()).is_some(),
            "block bytes {:?} not on char boundaries of a {}-byte text",
            b.bytes,
            a.text.len()
        );
    }
    assert_eq!(next, lines, "blocks must cover every line");
    assert!(!a.title.is_empty() || a.text.trim().is_empty());
    assert_eq!(a.id.len(), 16);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_file_bytes_load_or_are_skipped(bytes in damaged(ARTICLE), other in damaged(ARTICLE)) {
        let texts: Vec<(PathBuf, String)> = [bytes, other]
            .iter()
            .enumerate()
            .filter_map(|(i, b)| decode(b).ok().map(|d| (PathBuf::from(format!("{i}.md")), d.text)))
            .collect();
        let corpus = Corpus::from_texts(texts);
        for a in &corpus.articles {
            check_article(a);
        }
    }

    #[test]
    fn any_text_parses_alone(text in "(?s).{0,400}", ) {
        check_article(&Article::from_text("x.txt", &text));
    }

    #[test]
    fn front_matter_reader_never_panics(bytes in damaged(ARTICLE), fence in 0u8..3) {
        let text = String::from_utf8_lossy(&bytes);
        let text = match fence {
            0 => format!("---\n{text}"),
            1 => format!("+++\n{text}"),
            _ => text.into_owned(),
        };
        let prepared = source::prepare(&text);
        prop_assert!(!prepared.text.contains('\r'), "line endings normalised");
        prop_assert!(prepared.text.len() <= text.len());
    }

    #[test]
    fn config_loader_never_panics(bytes in damaged(CONFIG)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = Config::from_user_toml(&text, Path::new("config.toml")) {
            prop_assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn annotation_loader_never_panics(bytes in damaged(ANNOTATIONS)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = annotation_file::parse(Path::new("byline.toml"), &text) {
            prop_assert!(!e.to_string().is_empty());
        }
    }
}

/// The undamaged seeds themselves parse, so the damage above starts from valid input.
#[test]
fn seeds_are_valid_inputs() {
    let a = Article::from_text("dam.md", ARTICLE);
    assert_eq!(a.title, "Dam talks");
    check_article(&a);
    assert!(Config::from_user_toml(CONFIG, Path::new("c.toml")).is_ok());
    assert!(annotation_file::parse(Path::new("byline.toml"), ANNOTATIONS).is_ok());
}

//! Re-anchoring after an article's text changed: exact, fuzzy, orphaned — never dropped.

use std::fs;
use std::path::PathBuf;

use byline::annotations::{AnchorStatus, Store};
use byline::article::Article;

const PATH: &str = "/library/geneva.txt";

const ORIGINAL: &str = "Kerry and Lavrov meet in Geneva\n\n\
Secretary of State John Kerry met Foreign Minister Sergei Lavorv in Geneva on Friday to discuss Syria.\n\n\
The two men spent most of the afternoon on the Minsk agreements and on sanctions.\n\n\
Reporters waited outside the hotel for several hours.\n";

fn span(text: &str, quote: &str) -> std::ops::Range<usize> {
    let s = text.find(quote).expect("quote in text");
    s..s + quote.len()
}

struct Setup {
    _dir: tempfile::TempDir,
    path: PathBuf,
    store: Store,
    minsk: uuid::Uuid,
    typo: uuid::Uuid,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.toml");
    let art = Article::from_text(PATH, ORIGINAL);
    let mut store = Store::open(&path).unwrap();
    let minsk = store
        .add_highlight(
            &art,
            span(
                ORIGINAL,
                "spent most of the afternoon on the Minsk agreements",
            ),
            Some(2),
        )
        .unwrap();
    store.set_note(minsk, Some("the core of the meeting"));
    let typo = store
        .add_highlight(
            &art,
            span(
                ORIGINAL,
                "Foreign Minister Sergei Lavorv in Geneva on Friday",
            ),
            Some(1),
        )
        .unwrap();
    store.save().unwrap();
    Setup {
        _dir: dir,
        path,
        store,
        minsk,
        typo,
    }
}

/// Reopens the file (a restart) with the article's new text.
fn restart(s: &Setup, new_text: &str) -> (Store, Article) {
    let art = Article::from_text(PATH, new_text);
    let mut store = Store::open(&s.path).unwrap();
    store.sync_articles(std::slice::from_ref(&art));
    (store, art)
}

fn placed(store: &Store, art: &Article, id: uuid::Uuid) -> Option<String> {
    store
        .ranges_for(art)
        .into_iter()
        .find(|(_, a)| a.id == id)
        .map(|(r, _)| art.text[r].to_string())
}

#[test]
fn a_paragraph_inserted_before_a_highlight_keeps_it_anchored() {
    let s = setup();
    let new_text = ORIGINAL.replacen(
        "\n\n",
        "\n\nAn editor's note added later, two full sentences long. It shifts everything.\n\n",
        1,
    );
    let (mut store, art) = restart(&s, &new_text);
    assert_ne!(
        art.id,
        s.store.set().articles[0].id,
        "the content id changed with the text"
    );
    let a = store.annotation(s.minsk).unwrap();
    assert_eq!(
        a.article.as_deref(),
        Some(art.id.as_str()),
        "annotations follow the article"
    );
    assert_eq!(a.anchor.as_ref().unwrap().status, AnchorStatus::Anchored);
    assert_eq!(
        placed(&store, &art, s.minsk).as_deref(),
        Some("spent most of the afternoon on the Minsk agreements")
    );
    assert_eq!(a.note.as_deref(), Some("the core of the meeting"));
    // The new place is saved; after another restart nothing needs re-anchoring.
    store.save().unwrap();
    let mut again = Store::open(&s.path).unwrap();
    let report = again.sync_articles(std::slice::from_ref(&art));
    assert_eq!(report.articles_changed, 0);
    assert!(!again.is_dirty());
}

#[test]
fn a_typo_fixed_inside_a_highlight_is_found_fuzzily() {
    let s = setup();
    let fixed = ORIGINAL.replace("Lavorv", "Lavrov");
    let (store, art) = restart(&s, &fixed);
    let a = store.annotation(s.typo).unwrap();
    let anchor = a.anchor.as_ref().unwrap();
    assert_eq!(anchor.status, AnchorStatus::Fuzzy);
    assert_eq!(
        anchor.quote,
        "Foreign Minister Sergei Lavrov in Geneva on Friday"
    );
    assert_eq!(
        placed(&store, &art, s.typo).as_deref(),
        Some("Foreign Minister Sergei Lavrov in Geneva on Friday")
    );
    // The untouched highlight is still exact.
    assert_eq!(
        store
            .annotation(s.minsk)
            .unwrap()
            .anchor
            .as_ref()
            .unwrap()
            .status,
        AnchorStatus::Anchored
    );
}

#[test]
fn a_deleted_passage_orphans_the_highlight_but_keeps_it_in_the_file() {
    let s = setup();
    let cut = ORIGINAL.replace(
        "The two men spent most of the afternoon on the Minsk agreements and on sanctions.\n\n",
        "",
    );
    let (mut store, art) = restart(&s, &cut);
    let report = store.sync_articles(std::slice::from_ref(&art));
    assert_eq!(report.articles_changed, 0, "already re-anchored at restart");
    let a = store.annotation(s.minsk).unwrap();
    assert_eq!(a.anchor.as_ref().unwrap().status, AnchorStatus::Orphaned);
    assert_eq!(placed(&store, &art, s.minsk), None, "orphans are not drawn");
    store.save().unwrap();
    let text = fs::read_to_string(&s.path).unwrap();
    assert!(text.contains("quote = \"spent most of the afternoon on the Minsk agreements\""));
    assert!(text.contains("anchor = \"orphaned\""));
    assert!(text.contains("note = \"the core of the meeting\""));
    let md = byline::annotations::export_markdown(std::slice::from_ref(&art), store.set());
    let orphan_section = md
        .split("## Orphaned annotations")
        .nth(1)
        .expect("orphan section");
    assert!(orphan_section.contains("> spent most of the afternoon on the Minsk agreements"));
}

#[test]
fn an_orphan_comes_back_when_the_passage_returns() {
    let s = setup();
    let cut = ORIGINAL.replace(
        "The two men spent most of the afternoon on the Minsk agreements and on sanctions.\n\n",
        "",
    );
    let (mut store, _) = restart(&s, &cut);
    store.save().unwrap();
    let text = fs::read_to_string(&s.path).unwrap();
    assert_eq!(
        text.matches("[[article]]").count(),
        1,
        "the record was re-keyed in place:\n{text}"
    );
    let (store, art) = restart(&s, ORIGINAL);
    assert_eq!(
        store
            .annotation(s.minsk)
            .unwrap()
            .anchor
            .as_ref()
            .unwrap()
            .status,
        AnchorStatus::Anchored
    );
    assert!(placed(&store, &art, s.minsk).is_some());
}

#[test]
fn highlights_on_the_seeds_survive_an_inserted_paragraph() {
    let seeds = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    let Ok(entries) = fs::read_dir(&seeds) else {
        eprintln!("skipped: {} not found", seeds.display());
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.toml");
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    let mut store = Store::open(&path).unwrap();
    let mut expected = Vec::new();
    for f in &files {
        let text = fs::read_to_string(f).unwrap();
        let art = Article::from_text(f, &text);
        // Highlight every sentence-sized piece of ten paragraphs spread over the article.
        let paras: Vec<std::ops::Range<usize>> = art
            .blocks
            .iter()
            .map(|b| b.bytes.clone())
            .filter(|r| r.len() > 60)
            .collect();
        for r in paras.iter().step_by((paras.len() / 10).max(1)) {
            let id = store.add_highlight(&art, r.clone(), None).unwrap();
            expected.push((f.clone(), id, art.text[r.clone()].to_string()));
        }
    }
    assert!(
        expected.len() >= 5 * files.len().min(5),
        "only {} highlights",
        expected.len()
    );
    store.save().unwrap();
    let changed: Vec<Article> = files
        .iter()
        .map(|f| {
            let text = fs::read_to_string(f).unwrap();
            Article::from_text(
                f,
                &format!("A paragraph the outlet added later, before everything else.\n\n{text}"),
            )
        })
        .collect();
    let mut store = Store::open(&path).unwrap();
    let report = store.sync_articles(&changed);
    assert_eq!(report.articles_rekeyed, files.len());
    assert_eq!(report.orphaned + report.fuzzy, 0, "{report:?}");
    for (f, id, quote) in expected {
        let art = changed.iter().find(|a| a.path == f).unwrap();
        assert_eq!(placed(&store, art, id), Some(quote));
    }
}

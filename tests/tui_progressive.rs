//! The progressive load: the articles arrive first (`Action::Articles`), the entities
//! later (`Action::Entities`), as the loader sends them. In between the list can be
//! browsed and articles read with every key; at the end the interface is exactly what
//! the one-step load (`Action::Loaded`) gives.

mod tui_support;

use std::path::Path;
use std::sync::Arc;

use byline::config::Config;
use byline::tui::action::Loaded;
use byline::tui::{Action, App, Pane, Popup, update};
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

const W: u16 = 120;
const H: u16 = 40;

/// A fresh app as `run` makes it, sized, before anything is loaded.
fn empty() -> App {
    let mut app = App::new(Config::defaults());
    update(&mut app, Action::Resize(W, H));
    app
}

/// The one-step load (the annotation file first, as the loader opens it first).
fn at_once(store: Option<&Path>) -> App {
    let mut app = empty();
    if let Some(p) = store {
        attach(&mut app, p);
    }
    let c = corpus();
    let i = index(&c);
    update(
        &mut app,
        Action::Loaded(Box::new(Loaded {
            corpus: c,
            index: i,
        })),
    );
    app
}

/// When the annotation file arrives in the staged load.
#[derive(Clone, Copy)]
enum StoreAt {
    Never,
    First,
    /// After the articles, before the entities.
    Between,
}

/// Articles first, entities after; `between` runs in the intermediate stage.
fn staged(store: Option<&Path>, at: StoreAt, between: impl FnOnce(&mut App)) -> App {
    let mut app = empty();
    if let (Some(p), StoreAt::First) = (store, at) {
        attach(&mut app, p);
    }
    let c = Arc::new(corpus());
    update(&mut app, Action::Articles(Arc::clone(&c)));
    if let (Some(p), StoreAt::Between) = (store, at) {
        attach(&mut app, p);
    }
    between(&mut app);
    // The loader extracts from its handle on the same corpus, then lets it go.
    let i = index(&c);
    drop(c);
    update(&mut app, Action::Entities(Box::new(i)));
    app
}

/// Everything the user can see or act on, compared field by field (with a readable
/// diff) and then cell by cell (styles included: mention colours, highlights).
fn assert_same(a: &App, b: &App, when: &str) {
    assert_eq!(screen(a), screen(b), "{when}: screens differ");
    assert!(render(a) == render(b), "{when}: styles differ");
    assert_eq!(a.focus, b.focus, "{when}");
    assert_eq!(a.loading, b.loading, "{when}");
    assert_eq!(a.indexing, b.indexing, "{when}");
    assert_eq!(a.list.visible, b.list.visible, "{when}");
    assert_eq!(a.list.selected, b.list.selected, "{when}");
    assert_eq!(a.list.offset, b.list.offset, "{when}");
    assert_eq!(a.sidebar.rows, b.sidebar.rows, "{when}");
    assert_eq!(a.sidebar.selected, b.sidebar.selected, "{when}");
    assert_eq!(a.sidebar.scope, b.sidebar.scope, "{when}");
    assert_eq!(a.filters, b.filters, "{when}");
    assert_eq!(a.reader.article, b.reader.article, "{when}");
    assert_eq!(a.reader.top, b.reader.top, "{when}");
    assert_eq!(a.lib.mentions, b.lib.mentions, "{when}");
    assert_eq!(a.lib.entity_articles, b.lib.entity_articles, "{when}");
    let names = |app: &App| -> Vec<(String, String)> {
        app.lib
            .index
            .entities
            .iter()
            .map(|e| (e.id.clone(), e.name.clone()))
            .collect()
    };
    assert_eq!(names(a), names(b), "{when}");
    assert_eq!(a.warnings, b.warnings, "{when}");
    assert_eq!(a.message, b.message, "{when}");
    assert_eq!(a.annot.counts, b.annot.counts, "{when}");
    assert_eq!(a.annot.read, b.annot.read, "{when}");
    assert_eq!(a.annot.paint, b.annot.paint, "{when}");
    assert_eq!(a.annot.save, b.annot.save, "{when}");
    assert_eq!(
        a.annot.skipped_corrections, b.annot.skipped_corrections,
        "{when}"
    );
}

/// The same keys on both apps, then the same state.
fn both(a: &mut App, b: &mut App, what: &str, f: impl Fn(&mut App)) {
    f(a);
    f(b);
    assert_same(a, b, what);
}

/// Drives two apps through the same keys after loading and checks they stay identical.
fn same_from_here(mut a: App, mut b: App) {
    assert_same(&a, &b, "after loading");
    both(&mut a, &mut b, "reader", |x| press(x, KeyCode::Enter));
    both(&mut a, &mut b, "scrolled", |x| keys(x, "jj"));
    both(&mut a, &mut b, "sidebar", |x| press(x, KeyCode::Tab));
    both(&mut a, &mut b, "sidebar query", |x| keys(x, "/pu"));
    both(&mut a, &mut b, "filter", |x| press(x, KeyCode::Enter));
    both(&mut a, &mut b, "list", |x| {
        press(x, KeyCode::Tab);
        keys(x, "j");
    });
    both(&mut a, &mut b, "filter removed", |x| press(x, KeyCode::Esc));
}

#[test]
fn staged_load_ends_where_the_one_step_load_does() {
    same_from_here(at_once(None), staged(None, StoreAt::Never, |_| {}));
}

/// An annotation file with a highlight, a tag and corrections, written by a session.
fn annotation_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("byline.toml");
    let mut app = annotated(&path, W, H);
    // Highlight a sentence of the first article.
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "/Tuesday");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "vH");
    // Tag it.
    keys(&mut app, "tdiplomacy");
    press(&mut app, KeyCode::Enter);
    // Rename an entity, hide another.
    select_entity(&mut app, "John Kerry");
    keys(&mut app, "er");
    for _ in 0.."John Kerry".len() {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "Senator Kerry");
    press(&mut app, KeyCode::Enter);
    select_entity(&mut app, "Syria");
    keys(&mut app, "eh");
    assert!(app.lib.index.entities.iter().all(|e| e.name != "Syria"));
    keys(&mut app, "q");
    assert!(app.should_quit, "{:?}", app.message);
    let text = std::fs::read_to_string(&path).expect("saved on quit");
    assert!(text.contains("Senator Kerry"), "{text}");
    assert!(text.contains("motivation = \"highlighting\""), "{text}");
    assert!(text.contains("diplomacy"), "{text}");
    path
}

#[test]
fn staged_load_with_annotations_ends_where_the_one_step_load_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = annotation_file(dir.path());
    for (at, what) in [
        (StoreAt::First, "file first"),
        (StoreAt::Between, "file between"),
    ] {
        let a = at_once(Some(&path));
        let b = staged(Some(&path), at, |_| {});
        let names: Vec<&str> = b
            .lib
            .index
            .entities
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert!(names.contains(&"Senator Kerry"), "{what}: {names:?}");
        assert!(names.contains(&"#diplomacy"), "{what}: {names:?}");
        assert!(!names.contains(&"Syria"), "{what}: {names:?}");
        same_from_here(a, b);
    }
}

#[test]
fn between_the_stages_articles_can_be_read_and_every_key_works() {
    let mut seen = String::new();
    let app = staged(None, StoreAt::Never, |app| {
        // The list is there, the sidebar waits, the status line says why.
        let s = screen(app);
        assert!(s.contains("Kerry meets Putin in Sochi"), "{s}");
        assert!(s.contains("ARTICLES │ 1/4"), "{s}");
        assert!(s.contains("indexing entities"), "{s}");
        assert!(s.contains("finding people, places"), "{s}");
        assert!(!s.contains("loading articles"), "{s}");
        assert_eq!(app.list.visible.len(), 4);
        assert!(app.sidebar.rows.is_empty());
        // Read the second article.
        keys(app, "j");
        press(app, KeyCode::Enter);
        assert_eq!(app.focus, Pane::Reader);
        let second = app.list.visible[1];
        assert_eq!(app.reader.article, Some(second));
        let body = app.lib.corpus.articles[second].text.clone();
        let word = body
            .split_whitespace()
            .find(|w| w.len() > 5 && w.chars().all(char::is_alphabetic))
            .expect("a word to search")
            .to_string();
        keys(app, "jkjGg");
        // Search inside it.
        keys(app, &format!("/{word}"));
        press(app, KeyCode::Enter);
        assert!(!app.reader.search.matches.is_empty(), "{word}");
        keys(app, "nN");
        press(app, KeyCode::Esc);
        // Help opens and closes.
        keys(app, "?");
        assert!(matches!(app.popup, Some(Popup::Help { .. })));
        press(app, KeyCode::Esc);
        assert!(app.popup.is_none());
        // The sidebar: nothing to choose yet, said so; kinds and a query are kept.
        press(app, KeyCode::Tab);
        assert_eq!(app.focus, Pane::Sidebar);
        keys(app, "jk");
        press(app, KeyCode::Enter);
        assert!(
            app.message.as_deref().unwrap_or("").contains("still"),
            "{:?}",
            app.message
        );
        keys(app, "2");
        keys(app, "1");
        // The list's title filter, zen, boilerplate, warnings, read mark, select.
        press(app, KeyCode::Tab);
        keys(app, "/geneva");
        assert_eq!(app.list.visible.len(), 1, "{}", screen(app));
        press(app, KeyCode::Esc);
        assert_eq!(app.list.visible.len(), 4);
        for k in ["z", "z", "b", "b", "W"] {
            keys(app, k);
            let _ = screen(app);
        }
        press(app, KeyCode::Esc);
        keys(app, "j");
        press(app, KeyCode::Enter);
        for k in ["v", "j", "x", "n", "H", "e", "a", "A", "u", "m"] {
            keys(app, k);
            let _ = screen(app);
            press(app, KeyCode::Esc);
        }
        seen = screen(app);
    });
    assert!(!seen.is_empty());
    // The entities arrive: the sidebar fills, what the user was doing is kept.
    assert!(app.loading.is_none() && !app.indexing);
    assert!(!app.sidebar.rows.is_empty());
    assert_eq!(app.focus, Pane::Reader);
    assert_eq!(app.reader.article, Some(app.list.visible[1]));
    let s = screen(&app);
    assert!(s.contains("Vladimir Putin"), "{s}");
    assert!(!s.contains("indexing entities"), "{s}");
}

#[test]
fn a_sidebar_query_typed_while_indexing_applies_when_the_entities_arrive() {
    let app = staged(None, StoreAt::Never, |app| {
        press(app, KeyCode::Tab);
        press(app, KeyCode::Tab);
        keys(app, "/pu");
    });
    let putin = entity(&app, "Vladimir Putin");
    assert_eq!(app.sidebar.selected_entity(), Some(putin));
    assert!(app.sidebar.editing);
}

#[test]
fn an_open_popup_does_not_swallow_the_entities() {
    let app = staged(None, StoreAt::Never, |app| keys(app, "?"));
    assert!(matches!(app.popup, Some(Popup::Help { .. })));
    assert!(!app.indexing);
    assert!(!app.sidebar.rows.is_empty());
}

#[test]
fn a_tag_filter_chosen_while_indexing_survives_the_entities() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("byline.toml");
    let app = staged(Some(&path), StoreAt::First, |app| {
        keys(app, "tdiplomacy");
        press(app, KeyCode::Enter);
        select_entity(app, "#diplomacy");
        press(app, KeyCode::Enter);
        assert_eq!(app.list.visible.len(), 1, "{}", screen(app));
    });
    assert_eq!(app.filters, vec![entity(&app, "#diplomacy")]);
    assert_eq!(app.list.visible.len(), 1);
    assert!(screen(&app).contains("⧩ #diplomacy"), "{}", screen(&app));
}

//! Annotation scenarios: keys typed into the fixture app with an annotation file in a
//! temporary folder, the screen read back, the app "restarted" (a new App on the same
//! file) to check that what the user did is still there.

mod tui_support;

use byline::annotations::SaveStep;
use byline::tui::{App, Pane, Popup, SaveState};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use tui_support::*;

/// Reader columns at 120 wide.
const R0: u16 = 33;
const R1: u16 = 90;

fn temp() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("byline.toml");
    (dir, path)
}

/// Opens the first article in the reader, searches `word` and selects its sentence.
fn select_sentence_with(app: &mut App, word: &str) {
    press(app, KeyCode::Enter);
    keys(app, &format!("/{word}"));
    press(app, KeyCode::Enter);
    keys(app, "v");
    assert!(app.annot.selection.is_some(), "v starts a selection");
}

fn is_highlighted(app: &App, needle: &str) -> bool {
    let buf = render(app);
    style_at(&buf, needle, R0, R1).is_some_and(|c| c.bg == Color::LightYellow)
}

fn quit(app: &mut App) {
    keys(app, "q");
    assert!(app.should_quit, "q quits: {:?}", app.message);
}

#[test]
fn highlight_shows_at_once_and_after_restart() {
    let (_d, path) = temp();
    let mut app = annotated(&path, 120, 40);
    select_sentence_with(&mut app, "Tuesday");
    let s = screen(&app);
    assert!(s.contains("j/k extend"), "selection hint:\n{s}");
    assert!(!is_highlighted(&app, "flew"));
    keys(&mut app, "H");
    assert!(is_highlighted(&app, "flew"), "{}", screen(&app));
    assert!(screen(&app).contains("highlighted"));
    // The list counts it.
    assert!(screen(&app).contains("✎1"), "{}", screen(&app));
    quit(&mut app);
    let text = std::fs::read_to_string(&path).expect("saved on quit");
    assert!(text.contains("motivation = \"highlighting\""), "{text}");
    assert!(
        text.contains("John Kerry flew to Sochi on Tuesday"),
        "{text}"
    );
    assert!(text.parse::<toml::Table>().is_ok(), "readable TOML");

    let mut again = annotated(&path, 120, 40);
    press(&mut again, KeyCode::Enter);
    assert!(is_highlighted(&again, "flew"), "{}", screen(&again));
}

#[test]
fn selection_extends_by_sentence_and_esc_cancels() {
    let (_d, path) = temp();
    let mut app = annotated(&path, 120, 40);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "/evening, and");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "v");
    let one = app
        .annot
        .selection
        .as_ref()
        .and_then(|s| s.range())
        .unwrap();
    keys(&mut app, "j");
    let two = app
        .annot
        .selection
        .as_ref()
        .and_then(|s| s.range())
        .unwrap();
    assert_eq!(one.start, two.start);
    assert!(two.end > one.end, "j adds the next sentence");
    let text = &app.current_article().unwrap().text;
    assert!(
        text[two.clone()].contains("Observers said"),
        "{}",
        &text[two]
    );
    keys(&mut app, "k");
    assert_eq!(
        app.annot.selection.as_ref().and_then(|s| s.range()),
        Some(one)
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.annot.selection.is_none());
    assert!(screen(&app).contains("selection cancelled"));
}

#[test]
fn note_popup_saves_with_ctrl_s_and_esc_cancels() {
    let (_d, path) = temp();
    let mut app = annotated(&path, 120, 40);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "a");
    let s = screen(&app);
    assert!(s.contains("Note on the article"), "{s}");
    assert!(s.contains("ctrl-s save"), "keys in the border:\n{s}");
    keys(&mut app, "First line");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "second q line");
    let s = screen(&app);
    assert!(s.contains("second q line"), "q is text here:\n{s}");
    ctrl(&mut app, 's');
    assert!(app.popup.is_none());
    assert!(screen(&app).contains("note saved on the article"));

    // Esc throws a note away.
    keys(&mut app, "azzz");
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none());
    assert!(screen(&app).contains("note discarded"));

    // On a selection: the note is on the passage.
    keys(&mut app, "/Tuesday");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "va");
    assert!(screen(&app).contains("Note on the passage"));
    keys(&mut app, "why now?");
    ctrl(&mut app, 's');

    keys(&mut app, "A");
    let s = screen(&app);
    assert!(s.contains("Annotations — this article (2)"), "{s}");
    assert!(s.contains("✎ First line second q line"), "{s}");
    assert!(s.contains("“John Kerry flew"), "{s}");
    assert!(!s.contains("zzz"));
    press(&mut app, KeyCode::Esc);
    quit(&mut app);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("First line\nsecond q line") || text.contains("First line\\nsecond q line"),
        "{text}"
    );
}

#[test]
fn tags_complete_show_as_sidebar_topics_and_filter() {
    let (_d, path) = temp();
    let mut app = annotated(&path, 120, 40);
    keys(&mut app, "t");
    assert!(screen(&app).contains("no tags in the library yet"));
    keys(&mut app, "diplomacy");
    press(&mut app, KeyCode::Enter);
    assert!(
        screen(&app).contains("tags: +#diplomacy"),
        "{}",
        screen(&app)
    );
    // Second article: completion from the tags in use.
    keys(&mut app, "jt");
    keys(&mut app, "dip");
    assert!(screen(&app).contains("#diplomacy"));
    press(&mut app, KeyCode::Tab);
    let Some(Popup::Tag(p)) = &app.popup else {
        panic!("tag popup")
    };
    assert_eq!(p.input, "diplomacy");
    press(&mut app, KeyCode::Enter);

    // The tag is a topic in the sidebar, with its two articles.
    let s = screen(&app);
    assert!(s.contains("#diplomacy"), "{s}");
    select_entity(&mut app, "#diplomacy");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.list.visible.len(), 2);
    // AND with an entity filter.
    select_entity(&mut app, "Vladimir Putin");
    press(&mut app, KeyCode::Enter);
    let titles: Vec<&str> = app
        .list
        .visible
        .iter()
        .map(|&a| app.lib.corpus.articles[a].title.as_str())
        .collect();
    assert_eq!(titles, ["Kerry meets Putin in Sochi"]);
    keys(&mut app, "x");

    // -tag removes it.
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "gt-dip");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("−#diplomacy"), "{}", screen(&app));
    quit(&mut app);
    // After a restart the remaining tag is still a topic.
    let app = annotated(&path, 120, 40);
    let e = app
        .lib
        .index
        .entities
        .iter()
        .position(|e| e.name == "#diplomacy")
        .expect("tag topic after restart");
    assert_eq!(app.lib.entity_articles[e].len(), 1);
}

#[test]
fn bookmark_and_read_state_persist() {
    let (_d, path) = temp();
    let mut app = annotated(&path, 120, 40);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "jjjjm");
    assert!(screen(&app).contains("bookmarked"));
    press(&mut app, KeyCode::Tab); // sidebar
    press(&mut app, KeyCode::Tab); // list
    keys(&mut app, "jr");
    assert!(
        screen(&app).contains("✓ Lavrov and Kerry"),
        "{}",
        screen(&app)
    );
    keys(&mut app, "A");
    quit_from_popup(&mut app);
    let top = app.reader.top;
    quit(&mut app);

    let mut app = annotated(&path, 120, 40);
    assert!(
        screen(&app).contains("✓ Lavrov and Kerry"),
        "read mark kept"
    );
    assert!(!screen(&app).contains("✓ Kerry meets"));
    keys(&mut app, "A");
    let s = screen(&app);
    assert!(s.contains("bookmark"), "{s}");
    press(&mut app, KeyCode::Esc);
    let _ = top;
    keys(&mut app, "r");
    assert!(screen(&app).contains("✓ Kerry meets"));
    keys(&mut app, "r");
    assert!(!screen(&app).contains("✓ Kerry meets"));
}

/// Byte offset of the first line of text the reader shows.
fn first_text_line(app: &App) -> usize {
    let w = &app.reader.wrapped;
    w.lines[app.reader.top..]
        .iter()
        .find(|l| l.kind.is_some())
        .map(|l| l.start)
        .unwrap()
}

fn quit_from_popup(app: &mut App) {
    press(app, KeyCode::Esc);
    assert!(app.popup.is_none());
}

#[test]
fn reading_to_the_end_marks_read_and_the_place_is_restored() {
    let (_d, path) = temp();
    let mut app = annotated(&path, 120, 40);
    press(&mut app, KeyCode::Enter);
    let mut steps = 0;
    while !app.annot.is_read(0) {
        assert!(screen(&app).contains("Kerry meets Putin"));
        keys(&mut app, "j");
        steps += 1;
        assert!(steps < 100, "never marked read");
    }
    assert!(app.reader.top > 0);
    assert!(
        screen(&app).contains("Kerry said little"),
        "the end is on screen"
    );
    assert!(screen(&app).contains("marked read"), "{}", screen(&app));
    keys(&mut app, "kk");
    let first = first_text_line(&app);
    quit(&mut app);
    let mut app = annotated(&path, 120, 40);
    assert_eq!(first_text_line(&app), first, "position restored");
    assert!(screen(&app).contains("✓ Kerry meets"));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Reader);
}

#[test]
fn corrections_apply_at_once_and_after_restart() {
    let (_d, path) = temp();
    let mut app = annotated(&path, 120, 40);
    // Rename.
    select_entity(&mut app, "John Kerry");
    keys(&mut app, "e");
    assert!(screen(&app).contains("merge into another entity"));
    keys(&mut app, "r");
    for _ in 0.."John Kerry".len() {
        press(&mut app, KeyCode::Backspace);
    }
    keys(&mut app, "Senator Kerry");
    press(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains("Senator Kerry"), "{s}");
    assert!(s.contains("renamed John Kerry → Senator Kerry"), "{s}");
    // Hide.
    select_entity(&mut app, "Syria");
    keys(&mut app, "eh");
    assert!(!screen(&app).contains("Syria 2"));
    assert!(app.lib.index.entities.iter().all(|e| e.name != "Syria"));
    // Merge, with a fuzzy pick.
    select_entity(&mut app, "Sergei Lavrov");
    keys(&mut app, "em");
    keys(&mut app, "vlput");
    let s = screen(&app);
    assert!(s.contains("Vladimir Putin (person"), "{s}");
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).contains("Sergei Lavrov merged into Vladimir Putin"));
    let putin = entity(&app, "Vladimir Putin");
    assert_eq!(app.lib.entity_articles[putin].len(), 3, "Geneva now counts");
    // Change kind.
    select_entity(&mut app, "Geneva");
    keys(&mut app, "ec3");
    let g = entity(&app, "Geneva");
    assert_eq!(app.lib.kind(g), byline::entities::EntityKind::Organization);
    // Add from the reader: the search match becomes a topic.
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "jjj");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "/Wheat");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "e");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "4");
    assert!(
        screen(&app).contains("added topic “Wheat”"),
        "{}",
        screen(&app)
    );
    assert!(app.lib.index.entities.iter().any(|e| e.name == "Wheat"));
    quit(&mut app);

    let app = annotated(&path, 120, 40);
    let names: Vec<&str> = app
        .lib
        .index
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert!(names.contains(&"Senator Kerry"), "{names:?}");
    assert!(!names.contains(&"Syria"));
    assert!(!names.contains(&"Sergei Lavrov"));
    assert!(names.contains(&"Wheat"));
    let g = entity(&app, "Geneva");
    assert_eq!(app.lib.kind(g), byline::entities::EntityKind::Organization);
}

#[test]
fn deleting_in_the_annotations_view_can_be_undone() {
    let (_d, path) = temp();
    let mut app = annotated(&path, 120, 40);
    select_sentence_with(&mut app, "Tuesday");
    keys(&mut app, "H");
    keys(&mut app, "A");
    assert!(screen(&app).contains("highlight"));
    keys(&mut app, "d");
    let s = screen(&app);
    assert!(s.contains("deleted the highlight — u undoes"), "{s}");
    assert!(s.contains("(0)"), "{s}");
    assert!(!is_highlighted(&app, "flew"));
    keys(&mut app, "u");
    assert!(screen(&app).contains("(1)"), "{}", screen(&app));
    // Tab: the whole library; Enter jumps to the annotation.
    press(&mut app, KeyCode::Tab);
    assert!(screen(&app).contains("Annotations — library (1)"));
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "gA");
    press(&mut app, KeyCode::Enter);
    assert!(app.popup.is_none());
    assert_eq!(app.focus, Pane::Reader);
    assert!(
        is_highlighted(&app, "flew"),
        "jumped to it:\n{}",
        screen(&app)
    );
}

#[test]
fn orphaned_annotations_are_kept_and_marked() {
    let (_d, path) = temp();
    let mut app = annotated(&path, 120, 40);
    keys(&mut app, "jjj");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "/Wheat");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "vH");
    quit(&mut app);
    // The article's text changes: the highlighted sentence is gone.
    let mut corpus = corpus();
    let farm = corpus
        .articles
        .iter_mut()
        .find(|a| a.title == "Farm prices fall again")
        .unwrap();
    let fresh = article(
        "farm.txt",
        &[
            (byline::article::BlockKind::Title, "Farm prices fall again"),
            (
                byline::article::BlockKind::Paragraph,
                "Barley held steady this week, traders said, while oats rose.",
            ),
        ],
    );
    *farm = fresh;
    let idx = index(&corpus);
    let mut app = App::with_library(byline::config::Config::defaults(), corpus, idx);
    byline::tui::update(&mut app, byline::tui::Action::Resize(120, 40));
    attach(&mut app, &path);
    let s = screen(&app);
    assert!(s.contains("kept as orphaned"), "{s}");
    keys(&mut app, "A");
    press(&mut app, KeyCode::Tab);
    let s = screen(&app);
    assert!(s.contains("⚠ orphaned"), "{s}");
    assert!(s.contains("Wheat prices fell"), "{s}");
}

#[test]
fn broken_file_starts_says_where_and_is_never_written() {
    let (_d, path) = temp();
    let broken = "schema = \"byline-annotations\"\nschema_version = 1\n\n[[article]\nid = \"x\"\n";
    std::fs::write(&path, broken).unwrap();
    let mut app = annotated(&path, 120, 40);
    let s = screen(&app);
    assert!(s.contains("Annotations file problem"), "{s}");
    assert!(s.contains("line 4, column"), "line and column:\n{s}");
    assert!(s.contains("kept in memory"), "{s}");
    keys(&mut app, "x"); // any key closes
    assert!(app.popup.is_none());
    assert!(screen(&app).contains("NOT SAVED"), "{}", screen(&app));
    // Edits still work, in memory.
    select_sentence_with(&mut app, "Tuesday");
    keys(&mut app, "H");
    assert!(is_highlighted(&app, "flew"));
    wait(&mut app, 5.0);
    keys(&mut app, "q");
    assert!(!app.should_quit, "first q warns");
    assert!(screen(&app).contains("NOT saved"), "{}", screen(&app));
    keys(&mut app, "q");
    assert!(app.should_quit);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken, "untouched");

    // Save-as is offered with ctrl-s and writes elsewhere.
    let mut app = annotated(&path, 120, 40);
    keys(&mut app, "x");
    select_sentence_with(&mut app, "Tuesday");
    keys(&mut app, "H");
    ctrl(&mut app, 's');
    let s = screen(&app);
    assert!(s.contains("Save annotations as"), "{s}");
    assert!(s.contains("byline-recovered.toml"), "{s}");
    press(&mut app, KeyCode::Enter);
    let other = path.with_file_name("byline-recovered.toml");
    let saved = std::fs::read_to_string(&other).expect("saved elsewhere");
    assert!(saved.contains("highlighting"));
    assert!(screen(&app).contains("saved to"), "{}", screen(&app));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken, "untouched");
    quit(&mut app);
}

#[test]
fn autosave_after_the_debounce_and_status_says_so() {
    let (_d, path) = temp();
    let mut app = annotated(&path, 120, 40);
    select_sentence_with(&mut app, "Tuesday");
    keys(&mut app, "H");
    assert_eq!(app.annot.save, SaveState::Unsaved);
    assert!(screen(&app).contains("● unsaved"), "{}", screen(&app));
    wait(&mut app, 0.5);
    assert!(!path.exists(), "not before the delay");
    wait(&mut app, 2.0);
    assert!(path.exists(), "autosaved");
    assert_eq!(app.annot.save, SaveState::Saved);
    assert!(screen(&app).contains("✓ saved"), "{}", screen(&app));
    assert!(screen(&app).contains("byline.toml"));
}

#[test]
fn a_failing_save_is_shown_and_quit_waits() {
    let (_d, path) = temp();
    let mut app = annotated(&path, 120, 40);
    keys(&mut app, "r");
    ctrl(&mut app, 's');
    let before = std::fs::read_to_string(&path).unwrap();
    keys(&mut app, "jr");
    app.annot
        .store
        .as_mut()
        .unwrap()
        .fail_next_save_at(SaveStep::Rename, std::io::ErrorKind::Other);
    ctrl(&mut app, 's');
    let s = screen(&app);
    assert!(s.contains("NOT SAVED"), "{s}");
    assert!(s.contains("could not save"), "{s}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // The next save works again.
    ctrl(&mut app, 's');
    assert!(screen(&app).contains("saved to"), "{}", screen(&app));
    quit(&mut app);
}

//! Snapshots of the main screens (insta). On a mismatch in CI (`CI` set) insta fails
//! without writing; review changes locally with `cargo insta review`.

mod tui_support;

use ratatui::crossterm::event::KeyCode;
use tui_support::*;

#[test]
fn main_screen_120x40() {
    let app = app(120, 40);
    insta::assert_snapshot!("main_120x40", screen(&app));
}

#[test]
fn main_screen_80x24() {
    let app = app(80, 24);
    insta::assert_snapshot!("main_80x24", screen(&app));
}

#[test]
fn putin_filter_120x40() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "/pu");
    insta::assert_snapshot!("sidebar_query_120x40", screen(&app));
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "nnn");
    insta::assert_snapshot!("putin_filter_120x40", screen(&app));
}

#[test]
fn reader_search_80x24() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "/talks");
    insta::assert_snapshot!("reader_search_80x24", screen(&app));
}

#[test]
fn help_80x24() {
    let mut app = app(80, 24);
    keys(&mut app, "?");
    insta::assert_snapshot!("help_80x24", screen(&app));
}

#[test]
fn narrow_50x20() {
    let mut app = app(50, 20);
    press(&mut app, KeyCode::Tab);
    insta::assert_snapshot!("narrow_reader_50x20", screen(&app));
}

#[test]
fn zen_80x24() {
    let mut app = app(80, 24);
    keys(&mut app, "z");
    insta::assert_snapshot!("zen_80x24", screen(&app));
}

/// The fixture app with an annotation file in `dir`, named plainly in the status line so
/// the snapshot does not depend on the temporary path.
fn annotated_app(dir: &tempfile::TempDir, w: u16, h: u16) -> byline::tui::App {
    let mut app = annotated(&dir.path().join("byline.toml"), w, h);
    byline::tui::update(
        &mut app,
        byline::tui::Action::AnnotationsPath(Some("byline.toml".into())),
    );
    app
}

#[test]
fn highlight_and_annotations_view_100x30() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated_app(&dir, 100, 30);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "/Tuesday");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "vjH");
    keys(&mut app, "a");
    keys(&mut app, "Check the date.");
    insta::assert_snapshot!("note_popup_100x30", screen(&app));
    ctrl(&mut app, 's');
    keys(&mut app, "A");
    insta::assert_snapshot!("annotations_view_100x30", screen(&app));
}

#[test]
fn tag_and_correction_popups_100x30() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = annotated_app(&dir, 100, 30);
    keys(&mut app, "tdiplomacy");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "jtd");
    insta::assert_snapshot!("tag_popup_100x30", screen(&app));
    press(&mut app, KeyCode::Esc);
    select_entity(&mut app, "John Kerry");
    keys(&mut app, "e");
    insta::assert_snapshot!("correction_menu_100x30", screen(&app));
}

#[test]
fn help_lists_annotation_keys_120x60() {
    let mut app = app(120, 60);
    keys(&mut app, "?");
    insta::assert_snapshot!("help_120x60", screen(&app));
}

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

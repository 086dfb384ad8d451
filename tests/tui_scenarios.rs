//! Keystroke scenarios: the app driven by key events (through the keymap of the config),
//! rendered on ratatui's TestBackend, checked for what a user would see.

mod tui_support;

use byline::config::Config;
use byline::tui::action::{LoadPhase, LoadProgress, Loaded, MouseInput, MouseKind};
use byline::tui::{Action, App, Pane, update};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;
use tui_support::*;

#[test]
fn starts_with_list_focused_and_first_article_shown() {
    let app = app(120, 40);
    assert_eq!(app.focus, Pane::List);
    assert_eq!(app.reader.article, app.list.selected_article());
    let s = screen(&app);
    assert!(s.contains("▶ Articles"), "{s}");
    assert!(s.contains("Kerry meets Putin in Sochi"));
    assert!(
        s.contains("John Kerry flew to Sochi"),
        "first article in the reader:\n{s}"
    );
    assert!(s.contains("ARTICLES │ 1/4"), "{s}");
}

#[test]
fn putin_story() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Sidebar);
    keys(&mut app, "/pu");
    let buf = render(&app);
    let s = text(&buf);
    assert!(s.contains("/pu"), "{s}");
    // Vladimir Putin is listed and selected, with the matched letters highlighted.
    let putin = entity(&app, "Vladimir Putin");
    assert_eq!(app.sidebar.selected_entity(), Some(putin));
    let sidebar_x = (120 * 75 / 100) as u16;
    let (x, y) = find_in_cols(&buf, "Vladimir Putin", sidebar_x, 120)[0];
    let p = &buf[(x + 9, y)];
    assert!(
        p.modifier.contains(Modifier::UNDERLINED),
        "P of Putin highlighted: {p:?}"
    );
    assert!(
        !buf[(x + 1, y)].modifier.contains(Modifier::UNDERLINED),
        "l not highlighted"
    );

    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filters, vec![putin]);
    // The list is narrowed to the two articles mentioning him.
    let titles: Vec<&str> = app
        .list
        .visible
        .iter()
        .map(|&a| app.lib.corpus.articles[a].title.as_str())
        .collect();
    assert_eq!(
        titles,
        ["Kerry meets Putin in Sochi", "Erdoğan visits Moscow"]
    );
    let buf = render(&app);
    let s = text(&buf);
    assert!(s.contains("Articles 2 of 4"), "{s}");
    assert!(s.contains(" Vladimir Putin "), "chip shown:\n{s}");
    assert!(
        s.contains("⧩ Vladimir Putin"),
        "status shows the filter:\n{s}"
    );
    assert!(!s.contains("Farm prices fall again"));
    // His mentions stand out in the reader.
    let reader = find_in_cols(&buf, "Putin, the first", 33, 90);
    assert_eq!(reader.len(), 1, "{s}");
    let (x, y) = reader[0];
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(
        !buf[(x + 14, y)].modifier.contains(Modifier::REVERSED),
        "only the mention"
    );

    // n jumps from mention to mention, scrolling the last one into view.
    let article = app.reader.article.unwrap();
    let putins: Vec<(usize, usize)> = app.lib.mentions[article]
        .iter()
        .filter(|m| m.entity == putin)
        .map(|m| (m.start, m.end))
        .collect();
    assert!(putins.len() >= 3);
    keys(&mut app, "n");
    assert_eq!(app.reader.cursor, Some(putins[0]));
    keys(&mut app, "n");
    assert_eq!(app.reader.cursor, Some(putins[1]));
    keys(&mut app, "n");
    assert_eq!(app.reader.cursor, Some(putins[2]));
    assert!(app.reader.top > 0, "scrolled to the late mention");
    let s = screen(&app);
    assert!(s.contains("Late that night Putin told"), "{s}");
    assert!(s.contains("mention 3/"), "{s}");
    keys(&mut app, "N");
    assert_eq!(app.reader.cursor, Some(putins[1]));
}

#[test]
fn two_filters_intersect_and_empty_state_says_why() {
    let mut app = app(120, 40);
    let putin = entity(&app, "Vladimir Putin");
    let moscow = entity(&app, "Moscow");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "/putin");
    press(&mut app, KeyCode::Enter);
    // The sidebar now counts within the filtered articles; add a place.
    keys(&mut app, "3/mosc");
    assert_eq!(app.sidebar.selected_entity(), Some(moscow));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filters, vec![putin, moscow]);
    let titles: Vec<&str> = app
        .list
        .visible
        .iter()
        .map(|&a| app.lib.corpus.articles[a].title.as_str())
        .collect();
    assert_eq!(titles, ["Erdoğan visits Moscow"]);
    let s = screen(&app);
    assert!(s.contains(" Vladimir Putin  +  Moscow "), "{s}");

    // Erdoğan is never mentioned with Geneva: a name typed in the sidebar is found even
    // outside the current articles, and the empty list says why.
    keys(&mut app, "x");
    assert!(app.filters.is_empty());
    let mut app2 = tui_support::app(120, 40);
    press(&mut app2, KeyCode::Tab);
    press(&mut app2, KeyCode::Tab);
    keys(&mut app2, "/erdogan");
    press(&mut app2, KeyCode::Enter);
    keys(&mut app2, "x");
    keys(&mut app2, "/geneva");
    press(&mut app2, KeyCode::Enter);
    keys(&mut app2, "/erdogan");
    press(&mut app2, KeyCode::Enter);
    assert!(app2.list.visible.is_empty());
    let s = screen(&app2);
    assert!(s.contains("no article mentions both Geneva"), "{s}");
    assert!(s.contains("and Recep Tayyip Erdoğan"), "{s}");
}

#[test]
fn escape_clears_input_then_filters_one_by_one_and_x_clears_all() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "/kerry");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "/syria");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filters.len(), 2);
    keys(&mut app, "/zzz");
    assert!(app.sidebar.rows.is_empty());
    assert!(screen(&app).contains("no entity matches “zzz”"));
    press(&mut app, KeyCode::Esc);
    assert!(
        !app.sidebar.editing && app.sidebar.query.is_empty(),
        "input cleared first"
    );
    assert_eq!(app.filters.len(), 2);
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.filters,
        vec![entity(&app, "John Kerry")],
        "then the last filter"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.filters.is_empty());
    assert_eq!(app.list.visible.len(), 4);
    keys(&mut app, "/kerry");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "/sochi");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filters.len(), 2);
    keys(&mut app, "x");
    assert!(app.filters.is_empty());
    assert!(!screen(&app).contains("⧩"));
}

#[test]
fn accent_insensitive_sidebar_filter_highlights_the_original() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "/erdogan");
    assert_eq!(
        app.sidebar.selected_entity(),
        Some(entity(&app, "Recep Tayyip Erdoğan"))
    );
    let buf = render(&app);
    let (x, y) = find_in_cols(&buf, "Recep Tayyip Erdoğan", 90, 120)[0];
    let g = &buf[(x + 17, y)];
    assert_eq!(g.symbol(), "ğ");
    assert!(
        g.modifier.contains(Modifier::UNDERLINED),
        "ğ highlighted: {g:?}"
    );
}

#[test]
fn sidebar_kinds_and_selection_stability() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "jj");
    let chosen = app.sidebar.selected_entity().unwrap();
    keys(&mut app, "/");
    let name = app.lib.name(chosen).to_lowercase();
    keys(&mut app, &name[..2]);
    assert_eq!(
        app.sidebar.selected_entity(),
        Some(chosen),
        "selection follows the entity"
    );
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "3");
    let s = screen(&app);
    assert!(s.contains("PLACES (4)"), "{s}");
    assert!(!s.contains("PEOPLE ("), "{s}");
    keys(&mut app, "5");
    assert!(screen(&app).contains("TOPICS (1)"));
    keys(&mut app, "1");
    let s = screen(&app);
    assert!(s.contains("PEOPLE (4)") && s.contains("PLACES (4)"), "{s}");
}

#[test]
fn list_fuzzy_filter_by_title() {
    let mut app = app(120, 40);
    keys(&mut app, "/farm");
    assert_eq!(
        app.list.visible,
        vec![by_title(&app, "Farm prices fall again")]
    );
    assert_eq!(
        app.reader.article,
        Some(by_title(&app, "Farm prices fall again"))
    );
    keys(&mut app, "zzz");
    assert!(screen(&app).contains("no title matches “farmzzz”"));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.list.visible.len(), 4);
}

#[test]
fn reader_search_counts_and_steps_through_matches() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Pane::Reader);
    keys(&mut app, "/kerry");
    let n = app.reader.search.matches.len();
    assert_eq!(n, 3, "Kerry in title, body and last paragraph");
    assert!(screen(&app).contains("/kerry▏  1/3"), "{}", screen(&app));
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "n");
    assert_eq!(app.reader.search.current, Some(1));
    keys(&mut app, "n");
    let s = screen(&app);
    assert!(s.contains("/kerry  3/3"), "{s}");
    assert!(
        s.contains("and Kerry said little"),
        "scrolled to the match:\n{s}"
    );
    keys(&mut app, "n");
    assert_eq!(app.reader.search.current, Some(0), "wraps to the first");
    keys(&mut app, "N");
    assert_eq!(app.reader.search.current, Some(2));
    press(&mut app, KeyCode::Esc);
    assert!(app.reader.search.matches.is_empty());
    keys(&mut app, "/zebra");
    assert!(screen(&app).contains("no match"));
}

#[test]
fn help_popup_lists_keys_in_force() {
    let user = Config::from_user_toml("[keys]\nzen = [\"Z\"]\n", "u.toml".as_ref()).unwrap();
    let mut app = app_with(user, 100, 50);
    keys(&mut app, "?");
    let s = screen(&app);
    assert!(s.contains("q ctrl-c  quit"), "{s}");
    assert!(
        s.contains("Z  zen: reader full screen"),
        "remapped key shown:\n{s}"
    );
    assert!(s.contains("arrives") || s.contains("highlight the selection"));
    assert!(s.contains("Esc, step by step"));
    keys(&mut app, "z");
    assert!(app.popup.is_none(), "any key closes");
    assert!(!app.zen, "and does nothing else");
    keys(&mut app, "Z");
    assert!(app.zen);
}

#[test]
fn resize_reflows_and_keeps_the_place() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Enter);
    let wide = app.reader.wrapped.width;
    keys(&mut app, "jjjjjjjjjj");
    let anchor = app.reader.wrapped.lines[app.reader.top].start;
    update(&mut app, Action::Resize(80, 24));
    assert!(app.reader.wrapped.width < wide);
    let text = &app.lib.corpus.articles[app.reader.article.unwrap()].text;
    for l in &app.reader.wrapped.lines {
        let w = unicode_width::UnicodeWidthStr::width(&text[l.start..l.end]);
        assert!(w + usize::from(l.indent) <= usize::from(app.reader.wrapped.width));
    }
    let top = &app.reader.wrapped.lines[app.reader.top];
    assert!(
        top.start <= anchor && anchor <= top.end + 1,
        "same text at the top"
    );
    let s = screen(&app);
    let first_line = &text[top.start..top.end];
    assert!(s.contains(first_line), "{first_line:?} in\n{s}");
}

#[test]
fn zen_gives_the_reader_the_whole_screen() {
    let mut app = app(120, 40);
    keys(&mut app, "z");
    assert!(app.zen);
    assert_eq!(app.focus, Pane::Reader);
    let s = screen(&app);
    assert!(!s.contains("Articles") && !s.contains("Entities"), "{s}");
    assert!(s.lines().next().unwrap().starts_with("┏ ▶ Reader"), "{s}");
    assert_eq!(app.reader.wrapped.width, 120 - 4);
    keys(&mut app, "z");
    assert!(screen(&app).contains("Articles"));
}

#[test]
fn small_terminals_show_one_pane_with_tabs() {
    let mut app = app(50, 20);
    let s = screen(&app);
    assert!(
        s.lines()
            .next()
            .unwrap()
            .contains("Articles  │  Reader  │  Entities"),
        "{s}"
    );
    assert!(s.contains("▶ Articles"));
    assert!(!s.contains("▶ Reader"));
    press(&mut app, KeyCode::Tab);
    let s = screen(&app);
    assert!(s.contains("▶ Reader") && s.contains("John Kerry"), "{s}");
    assert!(!s.contains("Farm prices"), "{s}");
}

#[test]
fn boilerplate_hidden_until_b() {
    let mut app = app(120, 60);
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "G");
    assert!(!screen(&app).contains("Sign up for our weekly newsletter"));
    keys(&mut app, "bG");
    assert!(screen(&app).contains("Sign up for our weekly newsletter"));
}

#[test]
fn annotation_keys_say_why_without_an_annotation_file() {
    let mut app = app(120, 40);
    keys(&mut app, "r");
    assert!(screen(&app).contains("the annotations file is not open yet"));
    assert!(!screen(&app).contains("✓ Kerry meets Putin"));
    keys(&mut app, "H");
    assert!(screen(&app).contains("select a passage first"));
    ctrl(&mut app, 's');
    assert!(screen(&app).contains("the annotations file is not open yet"));
}

#[test]
fn quit_with_q_and_ctrl_c() {
    let mut app = app(80, 24);
    keys(&mut app, "q");
    assert!(app.should_quit);
    let mut app = tui_support::app(80, 24);
    keys(&mut app, "/");
    ctrl(&mut app, 'c');
    assert!(app.should_quit, "ctrl-c quits even while typing");
}

#[test]
fn warnings_count_and_popup() {
    let mut app = app(120, 40);
    let s = screen(&app);
    assert!(s.contains("⚠ 1 (W)"), "{s}");
    keys(&mut app, "W");
    let s = screen(&app);
    assert!(
        s.contains("fixture/broken.bin: binary file (NUL bytes), skipped"),
        "{s}"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.popup.is_none());
}

#[test]
fn mouse_click_focuses_and_selects_wheel_scrolls() {
    let mut app = app(120, 40);
    // Third article: rows 1-2 are the first, 3-4 the second, 5-6 the third.
    update(
        &mut app,
        Action::Mouse(MouseInput {
            kind: MouseKind::Click,
            column: 5,
            row: 5,
        }),
    );
    assert_eq!(app.list.selected, 2);
    assert_eq!(app.reader.article, app.list.visible.get(2).copied());
    update(
        &mut app,
        Action::Mouse(MouseInput {
            kind: MouseKind::Click,
            column: 100,
            row: 10,
        }),
    );
    assert_eq!(app.focus, Pane::Sidebar);
    keys(&mut app, "k");
    update(
        &mut app,
        Action::Mouse(MouseInput {
            kind: MouseKind::Click,
            column: 5,
            row: 1,
        }),
    );
    assert_eq!(app.focus, Pane::List);
    update(
        &mut app,
        Action::Mouse(MouseInput {
            kind: MouseKind::ScrollDown,
            column: 60,
            row: 10,
        }),
    );
    assert_eq!(
        app.reader.top, 3,
        "wheel scrolls the reader under the pointer"
    );
    assert_eq!(app.focus, Pane::List, "without moving the focus");
}

#[test]
fn keys_work_while_loading_and_the_library_arrives_as_an_action() {
    let mut app = App::new(Config::defaults());
    update(&mut app, Action::Resize(100, 30));
    update(
        &mut app,
        Action::Progress(LoadProgress {
            phase: LoadPhase::Reading,
            done: 3,
            total: Some(10),
        }),
    );
    let s = screen(&app);
    assert!(s.contains("reading 3/10"), "{s}");
    assert!(s.contains("loading articles…"), "{s}");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Pane::Reader);
    let c = corpus();
    let i = index(&c);
    update(
        &mut app,
        Action::Loaded(Box::new(Loaded {
            corpus: c,
            index: i,
        })),
    );
    assert!(app.loading.is_none());
    let s = screen(&app);
    assert!(s.contains("John Kerry flew to Sochi"), "{s}");
    assert!(!s.contains("reading 3/10"));
}

#[test]
fn no_color_uses_modifiers_only() {
    let mut config = Config::defaults();
    config.no_color = true;
    let mut app = app_with(config, 120, 40);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    keys(&mut app, "/pu");
    press(&mut app, KeyCode::Enter);
    let buf = render(&app);
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
    }
    // The filtered mention still stands out.
    let (x, y) = find_in_cols(&buf, "Putin, the first", 33, 90)[0];
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

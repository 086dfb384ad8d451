//! `update(&mut App, Action)`: the only place the interface state changes.

use ratatui::layout::{Position, Rect};

use std::sync::Arc;

use super::action::{Action, LoadPhase, LoadProgress, Loaded, MouseInput, MouseKind};
use super::app::{App, Pane, Popup, SidebarRow};
use super::layout;
use super::library::Library;
use super::popup::InputMode;
use crate::corpus::Corpus;
use crate::entities::EntityIndex;

/// Applies one action, then brings the derived view state (wrap, offsets) up to date.
pub fn update(app: &mut App, action: Action) {
    let background = matches!(
        action,
        Action::Progress(_)
            | Action::Resize(..)
            | Action::Loaded(_)
            | Action::Articles(_)
            | Action::Entities(_)
            | Action::Tick(_)
            | Action::StoreOpened(_)
            | Action::AnnotationsPath(_)
    );
    if !background {
        app.message = None;
        if !matches!(action, Action::Quit) {
            app.annot.quit_armed = false;
        }
    }
    let consumed = match app.popup.as_ref().map(Popup::mode) {
        Some(InputMode::Scroll) => popup_action(app, &action),
        Some(InputMode::Text | InputMode::List) => app.annotation_popup_key(&action),
        None => false,
    };
    if consumed {
        app.sync_view();
        app.sync_annotations();
        return;
    }
    match action {
        Action::Quit => app.quit(),
        Action::Help => app.popup = Some(Popup::Help { scroll: 0 }),
        Action::Warnings => app.popup = Some(Popup::Warnings { scroll: 0 }),
        Action::ClosePopup => app.popup = None,
        Action::NextPane => focus(app, next(app.focus, 1)),
        Action::PrevPane => focus(app, next(app.focus, 2)),
        Action::PaneLeft => focus(app, Pane::ALL[app.focus.index().saturating_sub(1)]),
        Action::PaneRight => focus(app, Pane::ALL[(app.focus.index() + 1).min(2)]),
        Action::Down => move_by(app, 1),
        Action::Up => move_by(app, -1),
        Action::PageDown => move_by(app, page(app)),
        Action::PageUp => move_by(app, -page(app)),
        Action::Top => move_by(app, isize::MIN / 2),
        Action::Bottom => move_by(app, isize::MAX / 2),
        Action::Enter => enter(app),
        Action::Filter => start_input(app),
        Action::Escape => escape(app),
        Action::NextMatch => jump(app, true),
        Action::PrevMatch => jump(app, false),
        Action::RemoveAllFilters => {
            if !app.filters.is_empty() {
                app.filters.clear();
                filters_changed(app);
                app.message = Some("all filters removed".into());
            }
        }
        Action::Kind(k) => {
            app.sidebar.kind = k;
            app.refresh_scope();
        }
        Action::ToggleBoilerplate => {
            app.annot.selection = None;
            app.reader.show_boilerplate = !app.reader.show_boilerplate;
            app.sync_view();
            app.refresh_search();
            app.message = Some(
                if app.reader.show_boilerplate {
                    "boilerplate shown"
                } else {
                    "boilerplate hidden"
                }
                .into(),
            );
        }
        Action::Zen => {
            app.zen = !app.zen;
            if app.zen {
                app.focus = Pane::Reader;
            }
        }
        Action::ToggleRead => app.toggle_read(),
        Action::Annotation(a) => app.annotation_action(a),
        Action::Complete => {}
        Action::Tick(now) => app.tick(now),
        Action::StoreOpened(store) => app.attach_store(*store),
        Action::StoreFailed(why) => {
            app.message = Some(format!("⚠ annotations are off: {why}"));
            app.annot.unavailable = Some(why);
        }
        Action::Input(c) => input(app, Some(c)),
        Action::InputBackspace => input(app, None),
        Action::Resize(w, h) => {
            app.width = w;
            app.height = h;
        }
        Action::Mouse(m) => mouse(app, m),
        Action::Progress(p) => app.loading = Some(p),
        Action::Loaded(loaded) => {
            let Loaded { corpus, index } = *loaded;
            articles_arrived(app, Arc::new(corpus));
            entities_arrived(app, index);
        }
        Action::Articles(corpus) => articles_arrived(app, corpus),
        Action::Entities(index) => entities_arrived(app, *index),
        Action::LoadFailed(e) => {
            app.loading = None;
            app.indexing = false;
            app.load_error = Some(e);
        }
        Action::AnnotationsPath(p) => app.annotations_path = p,
    }
    app.sync_view();
    app.sync_annotations();
}

/// The articles are here (their entities not yet): the list fills from the first
/// article, which the reader shows; the annotation file, if open, is synced with them.
fn articles_arrived(app: &mut App, corpus: Arc<Corpus>) {
    app.loading = Some(LoadProgress {
        phase: LoadPhase::Indexing,
        done: corpus.articles.len(),
        total: None,
    });
    app.indexing = true;
    app.lib = Library::new(corpus, EntityIndex::default());
    app.warnings = app.lib.warnings();
    app.filters.clear();
    app.reader = Default::default();
    app.list.selected = 0;
    app.refresh_scope();
    app.refresh_list();
    if app.annot.store.is_some() {
        app.sync_store_articles();
    }
}

/// The entities of the articles already shown: the sidebar fills and the annotation
/// file's corrections and tags are applied. What the user did meanwhile (selection,
/// reader position, queries, focus) is kept; there are no entity filters yet.
fn entities_arrived(app: &mut App, index: EntityIndex) {
    app.loading = None;
    app.indexing = false;
    // Only tags shown as topics can be filters yet; they are found again by id.
    let filter_ids: Vec<String> = app
        .filters
        .iter()
        .filter_map(|&e| Some(app.lib.index.entities.get(e)?.id.clone()))
        .collect();
    let corpus = std::mem::take(&mut app.lib.corpus);
    app.lib = Library::new(corpus, index);
    app.filters.clear();
    app.refresh_scope();
    app.refresh_list();
    if app.annot.store.is_some() {
        app.store_entities_ready();
    }
    if !filter_ids.is_empty() {
        let entities = &app.lib.index.entities;
        app.filters = filter_ids
            .iter()
            .filter_map(|id| entities.iter().position(|e| &e.id == id))
            .collect();
        filters_changed(app);
    }
}

/// Keys while a popup is open; true when the action was consumed.
fn popup_action(app: &mut App, action: &Action) -> bool {
    let Some(popup) = app.popup.as_mut() else {
        return false;
    };
    let scroll = match popup {
        Popup::Help { scroll } | Popup::Warnings { scroll } | Popup::FileProblem { scroll } => {
            scroll
        }
        _ => return false,
    };
    match action {
        Action::Down => *scroll = scroll.saturating_add(1),
        Action::Up => *scroll = scroll.saturating_sub(1),
        Action::PageDown => *scroll = scroll.saturating_add(10),
        Action::PageUp => *scroll = scroll.saturating_sub(10),
        Action::Top => *scroll = 0,
        Action::Bottom => *scroll = u16::MAX / 2,
        Action::Quit => return false,
        Action::Resize(..)
        | Action::Progress(_)
        | Action::Loaded(_)
        | Action::Articles(_)
        | Action::Entities(_)
        | Action::LoadFailed(_)
        | Action::Tick(_)
        | Action::StoreOpened(_)
        | Action::StoreFailed(_)
        | Action::AnnotationsPath(_) => {
            return false;
        }
        _ => app.popup = None,
    }
    true
}

fn next(p: Pane, step: usize) -> Pane {
    Pane::ALL[(p.index() + step) % 3]
}

fn focus(app: &mut App, pane: Pane) {
    stop_editing(app);
    app.zen = false;
    app.focus = pane;
}

/// Closes any open input, keeping what was typed.
fn stop_editing(app: &mut App) {
    app.list.editing = false;
    app.sidebar.editing = false;
    app.reader.search.editing = false;
}

fn page(app: &App) -> isize {
    let rows = match app.focus {
        Pane::List => usize::from(app.list_item_rows()),
        Pane::Sidebar => usize::from(app.sidebar_visible_rows()),
        Pane::Reader => app.reader_height().saturating_sub(2),
    };
    isize::try_from(rows.max(1)).unwrap_or(1)
}

fn add(i: usize, delta: isize, len: usize) -> usize {
    let v = i.saturating_add_signed(delta);
    v.min(len.saturating_sub(1))
}

/// Moves the selection (list, sidebar) or scrolls (reader).
fn move_by(app: &mut App, delta: isize) {
    match app.focus {
        Pane::List => {
            app.list.selected = add(app.list.selected, delta, app.list.visible.len());
            app.show_selected();
        }
        Pane::Sidebar => move_sidebar(app, delta),
        Pane::Reader => {
            if app.annot.selection.is_some() {
                let step = delta.clamp(-100_000, 100_000);
                app.extend_selection(step);
                return;
            }
            let top = app.reader.top.saturating_add_signed(delta);
            app.set_top(top);
            if delta > 0 {
                app.reached_end();
            }
        }
    }
}

/// Moves the sidebar selection by `delta` entity rows, skipping headings.
fn move_sidebar(app: &mut App, delta: isize) {
    let entity_rows: Vec<usize> = app
        .sidebar
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, SidebarRow::Entity(_)))
        .map(|(i, _)| i)
        .collect();
    let cur = entity_rows
        .iter()
        .position(|&i| i >= app.sidebar.selected)
        .unwrap_or(0);
    if let Some(&row) = entity_rows.get(add(cur, delta, entity_rows.len())) {
        app.sidebar.selected = row;
    }
}

fn enter(app: &mut App) {
    if app.list.editing {
        app.list.editing = false;
        if app.list.selected_article().is_some() {
            app.focus = Pane::Reader;
        }
        return;
    }
    if app.sidebar.editing {
        app.sidebar.editing = false;
        add_selected_filter(app);
        return;
    }
    if app.reader.search.editing {
        app.reader.search.editing = false;
        if app.reader.search.current.is_none() && !app.reader.search.matches.is_empty() {
            jump(app, true);
        }
        return;
    }
    match app.focus {
        Pane::List => {
            if app.list.selected_article().is_some() {
                app.focus = Pane::Reader;
            }
        }
        Pane::Sidebar => add_selected_filter(app),
        Pane::Reader => {}
    }
}

/// Adds the selected entity as a filter (AND with the others) and clears the query.
fn add_selected_filter(app: &mut App) {
    let Some(e) = app.sidebar.selected_entity() else {
        app.message = Some(if app.indexing {
            "entities are still being found: try again in a moment".into()
        } else {
            "no entity selected".into()
        });
        return;
    };
    if app.filters.contains(&e) {
        app.message = Some(format!("already filtering by {}", app.lib.name(e)));
    } else {
        app.filters.push(e);
        app.message = Some(format!("filter: {}", app.lib.name(e)));
    }
    app.sidebar.query.clear();
    filters_changed(app);
}

fn filters_changed(app: &mut App) {
    app.reader.cursor = None;
    app.refresh_scope();
    app.refresh_list();
}

fn start_input(app: &mut App) {
    stop_editing(app);
    match app.focus {
        Pane::List => app.list.editing = true,
        Pane::Sidebar => app.sidebar.editing = true,
        Pane::Reader => {
            app.reader.search.editing = true;
            app.reader.search.query.clear();
            app.reader.cursor = None;
            app.refresh_search();
        }
    }
}

/// A typed character (`Some`) or backspace (`None`) for the open input.
fn input(app: &mut App, c: Option<char>) {
    let edit = |s: &mut String| match c {
        Some(c) => s.push(c),
        None => {
            s.pop();
        }
    };
    if app.list.editing {
        edit(&mut app.list.query);
        app.refresh_list();
    } else if app.sidebar.editing {
        edit(&mut app.sidebar.query);
        app.refresh_sidebar();
    } else if app.reader.search.editing {
        edit(&mut app.reader.search.query);
        app.reader.cursor = None;
        app.refresh_search();
        // Incremental search: show the first match from the current position on.
        let top = app
            .reader
            .wrapped
            .lines
            .get(app.reader.top)
            .map_or(0, |l| l.start);
        let first = app
            .reader
            .search
            .matches
            .iter()
            .position(|m| m.0 >= top)
            .or(if app.reader.search.matches.is_empty() {
                None
            } else {
                Some(0)
            });
        if let Some(i) = first {
            select_target(app, i, app.reader.search.matches[i]);
        }
    }
}

/// Esc, in order: close an open input and clear what it holds; else clear the focused
/// pane's search or title filter; else remove the last entity filter; else leave zen.
fn escape(app: &mut App) {
    if app.annot.selection.take().is_some() {
        app.message = Some("selection cancelled".into());
        return;
    }
    if app.list.editing {
        app.list.editing = false;
        app.list.query.clear();
        app.refresh_list();
        return;
    }
    if app.sidebar.editing {
        app.sidebar.editing = false;
        app.sidebar.query.clear();
        app.refresh_sidebar();
        return;
    }
    if app.reader.search.editing
        || (app.focus == Pane::Reader && !app.reader.search.query.is_empty())
    {
        app.reader.search.editing = false;
        app.reader.search.query.clear();
        app.reader.cursor = None;
        app.refresh_search();
        return;
    }
    if app.focus == Pane::List && !app.list.query.is_empty() {
        app.list.query.clear();
        app.refresh_list();
        return;
    }
    if app.focus == Pane::Sidebar && !app.sidebar.query.is_empty() {
        app.sidebar.query.clear();
        app.refresh_sidebar();
        return;
    }
    if let Some(e) = app.filters.pop() {
        app.message = Some(format!("filter removed: {}", app.lib.name(e)));
        filters_changed(app);
        return;
    }
    if app.zen {
        app.zen = false;
    }
}

/// `n`/`N`: next/previous search match; with no search, next/previous mention of a
/// filtered entity in the article shown.
fn jump(app: &mut App, forward: bool) {
    let searching = !app.reader.search.query.is_empty();
    let targets: Vec<(usize, usize)> = if searching {
        app.reader.search.matches.clone()
    } else if !app.filters.is_empty() {
        let Some(a) = app.reader.article else { return };
        app.lib
            .mentions
            .get(a)
            .map(|ms| {
                ms.iter()
                    .filter(|m| app.filters.contains(&m.entity))
                    .map(|m| (m.start, m.end))
                    .filter(|m| app.is_shown(m.0))
                    .collect()
            })
            .unwrap_or_default()
    } else {
        app.message = Some("nothing to jump to: search with / or filter by an entity".into());
        return;
    };
    if targets.is_empty() {
        app.message = Some(if searching {
            format!("no match for “{}”", app.reader.search.query)
        } else {
            "no mention of the filtered entities in this article".into()
        });
        return;
    }
    let top_start = app
        .reader
        .wrapped
        .lines
        .get(app.reader.top)
        .map_or(0, |l| l.start);
    let idx = match (app.reader.cursor, forward) {
        (Some(c), true) => targets.iter().position(|t| t.0 > c.0),
        (None, true) => targets.iter().position(|t| t.0 >= top_start),
        (Some(c), false) => targets.iter().rposition(|t| t.0 < c.0),
        (None, false) => targets.iter().rposition(|t| t.0 < top_start),
    };
    let wrapped = idx.is_none();
    let idx = idx.unwrap_or(if forward { 0 } else { targets.len() - 1 });
    select_target(app, idx, targets[idx]);
    let what = if searching { "match" } else { "mention" };
    let mut msg = format!("{what} {}/{}", idx + 1, targets.len());
    if wrapped && (app.reader.cursor.is_some()) {
        msg.push_str(if forward {
            " (from the top)"
        } else {
            " (from the bottom)"
        });
    }
    app.message = Some(msg);
}

fn select_target(app: &mut App, idx: usize, target: (usize, usize)) {
    app.reader.cursor = Some(target);
    if !app.reader.search.query.is_empty() {
        app.reader.search.current = Some(idx);
    }
    app.sync_view();
    app.scroll_to(target.0);
}

fn mouse(app: &mut App, m: MouseInput) {
    let areas = layout::compute(app);
    let pos = Position::new(m.column, m.row);
    if let Some(tabs) = areas.tabs
        && tabs.contains(pos)
        && m.kind == MouseKind::Click
    {
        let third = (m.column.saturating_sub(tabs.x) * 3 / tabs.width.max(1)).min(2);
        focus(app, Pane::ALL[usize::from(third)]);
        return;
    }
    let Some((pane, rect)) = Pane::ALL
        .into_iter()
        .find_map(|p| areas.pane(p).filter(|r| r.contains(pos)).map(|r| (p, r)))
    else {
        return;
    };
    match m.kind {
        MouseKind::Click => {
            if app.focus != pane {
                focus(app, pane);
                app.zen = areas.reader == Some(rect) && areas.list.is_none() && app.zen;
            }
            click_row(app, pane, rect, pos);
        }
        MouseKind::ScrollUp | MouseKind::ScrollDown => {
            let delta = if m.kind == MouseKind::ScrollUp { -3 } else { 3 };
            let saved = app.focus;
            app.focus = pane;
            move_by(app, delta);
            app.focus = saved;
        }
    }
}

fn click_row(app: &mut App, pane: Pane, rect: Rect, pos: Position) {
    match pane {
        Pane::List => {
            let items = layout::list_areas(app, rect).1;
            if items.contains(pos) {
                let i = app.list.offset + usize::from((pos.y - items.y) / layout::LIST_ITEM_ROWS);
                if i < app.list.visible.len() {
                    app.list.selected = i;
                    app.show_selected();
                }
            }
        }
        Pane::Sidebar => {
            let rows = layout::sidebar_areas(app, rect).1;
            if rows.contains(pos) {
                let i = app.sidebar.offset + usize::from(pos.y - rows.y);
                if matches!(app.sidebar.rows.get(i), Some(SidebarRow::Entity(_))) {
                    app.sidebar.selected = i;
                }
            }
        }
        Pane::Reader => {}
    }
}

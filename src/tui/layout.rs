//! Where each pane goes, as a pure function of the terminal size and the app state. Both
//! `update` (for page sizes, scroll limits, mouse hits) and rendering use it, so they
//! always agree.

use ratatui::layout::{Constraint, Layout, Rect};

use super::app::{App, Pane};

/// Below this width, one pane at a time.
pub const NARROW_WIDTH: u16 = 60;
/// Below this height, one pane at a time.
pub const NARROW_HEIGHT: u16 = 12;

/// The screen split into areas; panes not shown are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub sidebar: Option<Rect>,
    /// One-line tab bar in the one-pane layout.
    pub tabs: Option<Rect>,
    pub status: Option<Rect>,
}

impl Areas {
    /// The area of `pane`, when shown.
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::List => self.list,
            Pane::Reader => self.reader,
            Pane::Sidebar => self.sidebar,
        }
    }
}

/// True when the terminal is too small for three panes.
pub fn is_narrow(area: Rect) -> bool {
    area.width < NARROW_WIDTH || area.height < NARROW_HEIGHT
}

/// The areas for the app's own size.
pub fn compute(app: &App) -> Areas {
    compute_in(Rect::new(0, 0, app.width, app.height), app, app.focus)
}

/// The areas within `area`, laid out as if `focus` had the focus.
pub fn compute_in(area: Rect, app: &App, focus: Pane) -> Areas {
    let mut out = Areas::default();
    if area.width == 0 || area.height == 0 {
        return out;
    }
    let mut body = area;
    if area.height >= 2 {
        out.status = Some(Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        });
        body.height -= 1;
    }
    if app.zen {
        out.reader = Some(body);
        return out;
    }
    if is_narrow(area) {
        if body.height >= 3 {
            out.tabs = Some(Rect { height: 1, ..body });
            body.y += 1;
            body.height -= 1;
        }
        match focus {
            Pane::List => out.list = Some(body),
            Pane::Reader => out.reader = Some(body),
            Pane::Sidebar => out.sidebar = Some(body),
        }
        return out;
    }
    let l = app.config.layout;
    let [list, reader, sidebar] = Layout::horizontal([
        Constraint::Percentage(l.list),
        Constraint::Percentage(l.reader),
        Constraint::Percentage(l.sidebar),
    ])
    .areas(body);
    out.list = Some(list);
    out.reader = Some(reader);
    out.sidebar = Some(sidebar);
    out
}

/// Inside a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// Splits `rect` into the first `n` rows and the rest (clamped).
pub fn split_top(rect: Rect, n: u16) -> (Rect, Rect) {
    let n = n.min(rect.height);
    (
        Rect { height: n, ..rect },
        Rect {
            y: rect.y + n,
            height: rect.height - n,
            ..rect
        },
    )
}

/// Rows above the article items: chips when filters are set, the query line when a
/// title filter is typed or set.
pub fn list_header_rows(app: &App) -> u16 {
    u16::from(!app.filters.is_empty()) + u16::from(app.list.editing || !app.list.query.is_empty())
}

/// Each article takes two rows: title, then source.
pub const LIST_ITEM_ROWS: u16 = 2;

/// (header, items) of the list pane at `pane`.
pub fn list_areas(app: &App, pane: Rect) -> (Rect, Rect) {
    split_top(inner(pane), list_header_rows(app))
}

/// Rows above the entity rows: the kind tabs, and the query line when used.
pub fn sidebar_header_rows(app: &App) -> u16 {
    1 + u16::from(app.sidebar.editing || !app.sidebar.query.is_empty())
}

/// (header, rows) of the sidebar at `pane`.
pub fn sidebar_areas(app: &App, pane: Rect) -> (Rect, Rect) {
    split_top(inner(pane), sidebar_header_rows(app))
}

/// (text, search bar) of the reader at `pane`: one column of padding each side, and a
/// bottom line for the search when one is typed or set.
pub fn reader_areas(app: &App, pane: Rect) -> (Rect, Option<Rect>) {
    let i = inner(pane);
    let text = Rect {
        x: i.x.saturating_add(1),
        width: i.width.saturating_sub(2),
        ..i
    };
    let search = &app.reader.search;
    if (search.editing || !search.query.is_empty()) && text.height >= 2 {
        let bar = Rect {
            y: text.bottom() - 1,
            height: 1,
            ..text
        };
        (
            Rect {
                height: text.height - 1,
                ..text
            },
            Some(bar),
        )
    } else {
        (text, None)
    }
}

/// The reader's text area as it is or would be when shown (it is wrapped for this
/// width even while another pane has the screen).
pub fn reader_text_rect(app: &App) -> Rect {
    let areas = compute_in(Rect::new(0, 0, app.width, app.height), app, Pane::Reader);
    areas
        .reader
        .map(|r| reader_areas(app, r).0)
        .unwrap_or_default()
}

//! The entity sidebar: kind tabs, the fuzzy name filter, entities grouped by kind with
//! article/mention counts, matched characters highlighted in the original spelling.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{highlighted, input_line, pane_block};
use crate::entities::EntityKind;
use crate::tui::app::{App, Pane, SidebarRow};
use crate::tui::fold::fold_query;
use crate::tui::layout::{self, split_top};

/// The sidebar pane.
pub struct Sidebar<'a> {
    pub app: &'a App,
}

fn plural(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "PEOPLE",
        EntityKind::Place => "PLACES",
        EntityKind::Organization => "ORGANIZATIONS",
        EntityKind::Topic => "TOPICS",
    }
}

impl Widget for Sidebar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        pane_block(app, Pane::Sidebar, None).render(area, buf);
        let (header, rows) = layout::sidebar_areas(app, area);
        let (tabs, query) = split_top(header, 1);
        let long = tabs.width >= 40;
        let kinds: [(Option<EntityKind>, &str, &str); 5] = [
            (None, "1 All", "All"),
            (Some(EntityKind::Person), "2 People", "Ppl"),
            (Some(EntityKind::Place), "3 Places", "Plc"),
            (Some(EntityKind::Organization), "4 Orgs", "Org"),
            (Some(EntityKind::Topic), "5 Topics", "Top"),
        ];
        let mut spans = Vec::new();
        for (k, long_label, short_label) in kinds {
            let style = if app.sidebar.kind == k {
                app.styles.chip.add_modifier(Modifier::BOLD)
            } else {
                app.styles.dimmed
            };
            spans.push(Span::styled(
                if long { long_label } else { short_label },
                style,
            ));
            spans.push(Span::raw(" "));
        }
        Line::from(spans).render(tabs, buf);
        if query.height > 0 {
            input_line(
                "/",
                &app.sidebar.query,
                app.sidebar.editing,
                app.styles.chip,
            )
            .render(query, buf);
        }
        if app.sidebar.rows.is_empty() {
            let msg = if app.loading.is_some() {
                "finding people, places, organizations and topics…".to_string()
            } else if !app.sidebar.query.trim().is_empty() {
                format!("no entity matches “{}”", app.sidebar.query.trim())
            } else if !app.filters.is_empty() {
                "no other entity in these articles; / searches them all".to_string()
            } else {
                "no entities of this kind".to_string()
            };
            Paragraph::new(msg)
                .style(app.styles.dimmed)
                .wrap(Wrap { trim: true })
                .render(rows, buf);
            return;
        }
        let q = fold_query(app.sidebar.query.trim());
        let width = usize::from(rows.width);
        let focused = app.focus == Pane::Sidebar;
        for (i, row) in app.sidebar.rows.iter().enumerate().skip(app.sidebar.offset) {
            let y = rows.y + u16::try_from(i - app.sidebar.offset).unwrap_or(u16::MAX);
            if y >= rows.bottom() {
                break;
            }
            let line_rect = Rect {
                y,
                height: 1,
                ..rows
            };
            match *row {
                SidebarRow::Header { kind, count } => {
                    let style = app.styles.kind(kind).add_modifier(Modifier::BOLD);
                    let left = format!("{} ({count})", plural(kind));
                    let legend = "art·men";
                    let gap = width
                        .saturating_sub(left.len() + unicode_width::UnicodeWidthStr::width(legend));
                    let mut spans = vec![Span::styled(left, style)];
                    if gap >= 1 {
                        spans.push(Span::raw(" ".repeat(gap)));
                        spans.push(Span::styled(legend, app.styles.dimmed));
                    }
                    Line::from(spans).render(line_rect, buf);
                }
                SidebarRow::Entity(e) => {
                    let selected = i == app.sidebar.selected;
                    let base = if selected && focused {
                        app.styles.selection
                    } else if selected {
                        Style::new().add_modifier(Modifier::REVERSED)
                    } else {
                        Style::new()
                    };
                    buf.set_style(line_rect, base);
                    let (arts, ments) = app.sidebar.scope.get(e).copied().unwrap_or((0, 0));
                    let counts = format!(" {arts}·{ments}");
                    let filtered = app.filters.contains(&e);
                    let mark = if filtered { "● " } else { "  " };
                    let name_width = width
                        .saturating_sub(2)
                        .saturating_sub(unicode_width::UnicodeWidthStr::width(counts.as_str()));
                    let hits: Vec<usize> = match app.lib.folded_names.get(e) {
                        Some(f) if !q.is_empty() => f.fuzzy_hits(&app.matcher, &q),
                        _ => Vec::new(),
                    };
                    let name_style = if filtered {
                        base.add_modifier(Modifier::BOLD)
                    } else {
                        base
                    };
                    let mut spans = vec![Span::styled(
                        mark,
                        base.patch(app.styles.kind(app.lib.kind(e))),
                    )];
                    let name_spans = highlighted(
                        app.lib.name(e),
                        &hits,
                        name_style,
                        name_style.patch(app.styles.fuzzy_hit),
                        name_width,
                    );
                    let used: usize = name_spans.iter().map(|s| s.width()).sum();
                    spans.extend(name_spans);
                    spans.push(Span::raw(" ".repeat(name_width.saturating_sub(used))));
                    spans.push(Span::styled(counts, base.patch(app.styles.dimmed)));
                    Line::from(spans).render(line_rect, buf);
                }
            }
        }
    }
}

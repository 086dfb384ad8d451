//! The article list: read mark, title (fuzzy hits highlighted), source; chips and the
//! title filter above; an empty state that says why nothing is listed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{Chips, highlighted, input_line, pane_block, truncate};
use crate::tui::app::{App, Pane};
use crate::tui::fold::fold_query;
use crate::tui::layout::{self, LIST_ITEM_ROWS, split_top};

/// The list pane.
pub struct ArticleList<'a> {
    pub app: &'a App,
}

/// Why the list is empty, in the user's words.
pub fn empty_reason(app: &App) -> String {
    if app.loading.is_some() && !app.indexing {
        return "loading articles…".into();
    }
    if let Some(e) = &app.load_error {
        return format!("could not load the library: {e}");
    }
    if app.lib.corpus.articles.is_empty() {
        return "no articles found".into();
    }
    let names: Vec<String> = app
        .filters
        .iter()
        .map(|&e| app.lib.name(e).to_string())
        .collect();
    let mentions = match names.as_slice() {
        [] => String::new(),
        [one] => format!("no article mentions {one}"),
        [a, b] => format!("no article mentions both {a} and {b}"),
        [rest @ .., last] => format!("no article mentions all of {} and {last}", rest.join(", ")),
    };
    let query = app.list.query.trim();
    match (mentions.is_empty(), query.is_empty()) {
        (false, true) => mentions,
        (true, false) => format!("no title matches “{query}”"),
        (false, false) => {
            let set = app.filter_set();
            let any = set.is_some_and(|s| s.iter().any(|&x| x));
            if any {
                format!("no title matches “{query}” among the filtered articles")
            } else {
                format!("{mentions} (and no title matches “{query}”)")
            }
        }
        (true, true) => "no articles".into(),
    }
}

impl Widget for ArticleList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let total = app.lib.corpus.articles.len();
        let shown = app.list.visible.len();
        let count = if shown == total {
            format!("{total}")
        } else {
            format!("{shown} of {total}")
        };
        pane_block(app, Pane::List, Some(count)).render(area, buf);
        let (header, items) = layout::list_areas(app, area);
        let mut header = header;
        if !app.filters.is_empty() {
            let (chips, rest) = split_top(header, 1);
            Chips { app }.render(chips, buf);
            header = rest;
        }
        if header.height > 0 {
            input_line("/", &app.list.query, app.list.editing, app.styles.chip).render(header, buf);
        }
        if app.list.visible.is_empty() {
            Paragraph::new(empty_reason(app))
                .style(app.styles.dimmed)
                .wrap(Wrap { trim: true })
                .render(items, buf);
            return;
        }
        let q = fold_query(app.list.query.trim());
        let width = usize::from(items.width);
        let focused = app.focus == Pane::List;
        for (row, &a) in app.list.visible.iter().skip(app.list.offset).enumerate() {
            let y = items.y
                + u16::try_from(row)
                    .unwrap_or(u16::MAX)
                    .saturating_mul(LIST_ITEM_ROWS);
            if y >= items.bottom() {
                break;
            }
            let Some(article) = app.lib.corpus.articles.get(a) else {
                continue;
            };
            let selected = app.list.offset + row == app.list.selected;
            let read = app.annot.is_read(a);
            let base = if selected && focused {
                app.styles.selection
            } else if selected {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            let title_style = if read {
                base.add_modifier(Modifier::DIM)
            } else {
                base.add_modifier(Modifier::BOLD)
            };
            let hits: Vec<usize> = if q.is_empty() {
                Vec::new()
            } else {
                app.lib
                    .folded_titles
                    .get(a)
                    .map(|f| f.fuzzy_hits(&app.matcher, &q))
                    .unwrap_or_default()
            };
            let mark = if read { "✓ " } else { "  " };
            let mut spans = vec![Span::styled(mark, base)];
            spans.extend(highlighted(
                &article.title,
                &hits,
                title_style,
                title_style.patch(app.styles.fuzzy_hit),
                width.saturating_sub(2),
            ));
            let line_rect = Rect {
                y,
                height: 1,
                ..items
            };
            buf.set_style(line_rect, base);
            Line::from(spans).render(line_rect, buf);
            if y + 1 < items.bottom() {
                let count = app.annot.count(a);
                let badge = if count > 0 {
                    format!(" ✎{count}")
                } else {
                    String::new()
                };
                let badge_w = unicode_width::UnicodeWidthStr::width(badge.as_str());
                let room = width.saturating_sub(2 + badge_w);
                let src = truncate(&app.lib.source(a), room);
                let src_w = unicode_width::UnicodeWidthStr::width(src.as_str());
                let src_rect = Rect {
                    y: y + 1,
                    height: 1,
                    ..items
                };
                buf.set_style(src_rect, base);
                let mut spans = vec![
                    Span::styled("  ", base),
                    Span::styled(src, base.patch(app.styles.dimmed)),
                ];
                if count > 0 {
                    spans.push(Span::raw(" ".repeat(room.saturating_sub(src_w))));
                    spans.push(Span::styled(badge, base.add_modifier(Modifier::BOLD)));
                }
                Line::from(spans).render(src_rect, buf);
            }
        }
    }
}

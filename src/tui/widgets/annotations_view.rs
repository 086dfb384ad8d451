//! The annotations view: one entry per annotation of the article (or library) — kind,
//! anchor state, the quoted passage, then note and tags — with the selected one marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::popup_frame::frame;
use super::truncate;
use crate::tui::app::App;
use crate::tui::popup::{AnnotationRow, AnnotationsView};

/// Rows of screen per annotation.
const ROWS: u16 = 2;

/// The annotations popup.
pub struct AnnotationsPopup<'a> {
    pub app: &'a App,
    pub view: &'a AnnotationsView,
}

fn first_line(app: &App, row: &AnnotationRow, width: usize, base: Style) -> Line<'static> {
    let mut spans = vec![Span::styled(
        format!("{:<10} ", row.kind),
        base.add_modifier(Modifier::BOLD),
    )];
    let mut used = 11;
    match row.status {
        "orphaned" => {
            spans.push(Span::styled("⚠ orphaned ", base.patch(app.styles.warning)));
            used += 11;
        }
        "fuzzy" => {
            spans.push(Span::styled("≈ moved ", base.patch(app.styles.warning)));
            used += 8;
        }
        _ => {}
    }
    spans.push(Span::styled(
        truncate(&row.excerpt, width.saturating_sub(used)),
        base,
    ));
    Line::from(spans)
}

fn second_line(
    app: &App,
    row: &AnnotationRow,
    library: bool,
    width: usize,
    base: Style,
) -> Line<'static> {
    let mut parts = Vec::new();
    if let Some(n) = &row.note {
        parts.push(format!(
            "✎ {}",
            n.split_whitespace().collect::<Vec<_>>().join(" ")
        ));
    }
    if !row.tags.is_empty() && row.kind != "tag" {
        parts.push(
            row.tags
                .iter()
                .map(|t| format!("#{t}"))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    if library {
        parts.push(format!("— {}", row.article_title));
    }
    Line::from(vec![
        Span::styled("           ", base),
        Span::styled(
            truncate(&parts.join("  "), width.saturating_sub(11)),
            base.patch(app.styles.dimmed),
        ),
    ])
}

impl Widget for AnnotationsPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let v = self.view;
        let scope = if v.library { "library" } else { "this article" };
        let title = format!(" Annotations — {scope} ({}) ", v.rows.len());
        let inner = frame(
            area,
            area.width.saturating_sub(6).clamp(40, 110),
            area.height.saturating_sub(4).max(6),
            title,
            "Enter jump · d delete · u undo · Tab article/library · Esc close",
            app.styles.focused_border,
            buf,
        );
        if v.rows.is_empty() {
            let msg = if v.library {
                "No annotations yet. In the reader: v selects, H highlights, a notes, t tags, m bookmarks."
            } else {
                "No annotations on this article. Tab shows the whole library's."
            };
            Paragraph::new(msg)
                .style(app.styles.dimmed)
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        let per_page = usize::from((inner.height / ROWS).max(1));
        let offset = v.selected.saturating_sub(per_page - 1);
        let width = usize::from(inner.width);
        for (i, row) in v.rows.iter().enumerate().skip(offset).take(per_page) {
            let y = inner.y + u16::try_from(i - offset).unwrap_or(0) * ROWS;
            let base = if i == v.selected {
                app.styles.selection
            } else {
                Style::new()
            };
            let r1 = Rect {
                y,
                height: 1,
                ..inner
            };
            buf.set_style(r1, base);
            first_line(app, row, width, base).render(r1, buf);
            if y + 1 < inner.bottom() {
                let r2 = Rect {
                    y: y + 1,
                    height: 1,
                    ..inner
                };
                buf.set_style(r2, base);
                second_line(app, row, v.library, width, base).render(r2, buf);
            }
        }
    }
}

//! The note editor: the passage (or article) the note is on, then the text typed, whose
//! last lines stay in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::popup_frame::{frame, wrap_input};
use crate::tui::app::App;
use crate::tui::layout::split_top;
use crate::tui::popup::NotePopup;

/// The note popup.
pub struct NoteEditor<'a> {
    pub app: &'a App,
    pub note: &'a NotePopup,
}

impl Widget for NoteEditor<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let p = self.note;
        let title = match &p.range {
            Some(_) => " Note on the passage ".to_string(),
            None => " Note on the article ".to_string(),
        };
        let inner = frame(
            area,
            72,
            16,
            title,
            "ctrl-s save · Enter new line · Esc cancel",
            app.styles.focused_border,
            buf,
        );
        let about = match &p.range {
            Some(_) => format!("“{}”", p.quote),
            None => app
                .lib
                .corpus
                .articles
                .get(p.article)
                .map(|a| a.title.clone())
                .unwrap_or_default(),
        };
        let (head, body) = split_top(inner, 3.min(inner.height / 2));
        Paragraph::new(about)
            .style(app.styles.dimmed.add_modifier(Modifier::ITALIC))
            .wrap(Wrap { trim: true })
            .render(head, buf);
        let (_, text_area) = split_top(body, 1);
        let mut lines = wrap_input(&p.text, text_area.width.saturating_sub(1));
        let h = usize::from(text_area.height.max(1));
        let skip = lines.len().saturating_sub(h);
        let last = lines.len().saturating_sub(1);
        let shown: Vec<Line> = lines
            .drain(..)
            .enumerate()
            .skip(skip)
            .map(|(i, l)| {
                let mut spans = vec![Span::raw(l)];
                if i == last {
                    spans.push(Span::styled(
                        "▏",
                        app.styles.chip.add_modifier(Modifier::SLOW_BLINK),
                    ));
                }
                Line::from(spans)
            })
            .collect();
        Paragraph::new(shown).render(text_area, buf);
    }
}

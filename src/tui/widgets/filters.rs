//! Filter chips above the article list: one per entity filter, coloured by kind.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::App;

/// The chips line.
pub struct Chips<'a> {
    pub app: &'a App,
}

impl Widget for Chips<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let mut spans = Vec::new();
        for (i, &e) in app.filters.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" + ", app.styles.dimmed));
            }
            let style = app
                .styles
                .kind(app.lib.kind(e))
                .add_modifier(Modifier::REVERSED);
            spans.push(Span::styled(format!(" {} ", app.lib.name(e)), style));
        }
        Line::from(spans).render(area, buf);
    }
}

//! The warnings popup: files skipped or read with a caveat, each with its reason.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::centered;
use crate::tui::app::App;

/// The warnings popup.
pub struct WarningsPopup<'a> {
    pub app: &'a App,
    pub scroll: u16,
}

impl Widget for WarningsPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let lines: Vec<Line> = if app.warnings.is_empty() {
            vec![Line::from("No warnings: every file loaded cleanly.")]
        } else {
            app.warnings
                .iter()
                .map(|w| Line::from(w.as_str()))
                .collect()
        };
        let r = centered(
            area,
            area.width.saturating_sub(8).max(40),
            area.height.saturating_sub(4).max(5),
        );
        Clear.render(r, buf);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0))
            .block(
                Block::bordered()
                    .border_type(BorderType::Double)
                    .border_style(app.styles.warning)
                    .title(format!(
                        " Load warnings ({}) — any key closes ",
                        app.warnings.len()
                    )),
            )
            .render(r, buf);
    }
}

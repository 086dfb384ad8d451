//! The tag input: the article's tags, what is typed, and the completions of the word
//! being typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::input_line;
use super::popup_frame::frame;
use crate::tui::app::App;
use crate::tui::popup::TagPopup;

/// The tag popup.
pub struct TagInput<'a> {
    pub app: &'a App,
    pub popup: &'a TagPopup,
}

fn hashes(tags: &[String]) -> String {
    tags.iter()
        .map(|t| format!("#{t}"))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Widget for TagInput<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let p = self.popup;
        let title = app
            .lib
            .corpus
            .articles
            .get(p.article)
            .map(|a| format!(" Tags — {} ", super::truncate(&a.title, 50)))
            .unwrap_or_else(|| " Tags ".into());
        let inner = frame(
            area,
            70,
            10,
            title,
            "Enter apply · Tab complete · -tag removes · Esc cancel",
            app.styles.focused_border,
            buf,
        );
        let now = if p.current.is_empty() {
            "no tags yet".to_string()
        } else {
            hashes(&p.current)
        };
        let completions = if p.all.is_empty() {
            "(no tags in the library yet: type one)".to_string()
        } else if p.matches.is_empty() {
            "(no tag starts so: Enter makes a new one)".to_string()
        } else {
            hashes(&p.matches)
        };
        let lines = vec![
            Line::from(vec![
                Span::styled("now: ", app.styles.dimmed),
                Span::raw(now),
            ]),
            Line::default(),
            input_line("> ", &p.input, true, app.styles.chip),
            Line::default(),
            Line::from(vec![
                Span::styled("Tab: ", app.styles.dimmed),
                Span::styled(completions, app.styles.topic),
            ]),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}

//! Popups about the annotation file: what is wrong with it (line and column, and what
//! happens to the user's edits), and the save-as path input.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::input_line;
use super::popup_frame::frame;
use crate::tui::app::{App, SaveState};
use crate::tui::popup::SaveAsPopup;

/// The annotation file cannot be used.
pub struct FileProblemPopup<'a> {
    pub app: &'a App,
    pub scroll: u16,
}

impl Widget for FileProblemPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let why = match &app.annot.save {
            SaveState::Blocked(w) | SaveState::Failed(w) => w.clone(),
            _ => app.annot.unavailable.clone().unwrap_or_default(),
        };
        let lines = vec![
            Line::from(Span::styled(why, app.styles.warning)),
            Line::default(),
            Line::from("byline will not write to this file, so nothing in it is lost."),
            Line::from("Annotations you make now are kept in memory: press ctrl-s to save"),
            Line::from("them to another file, or fix the file and restart byline."),
        ];
        let inner = frame(
            area,
            area.width.saturating_sub(8).clamp(40, 90),
            11,
            " Annotations file problem ".into(),
            "any key closes",
            app.styles.warning,
            buf,
        );
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0))
            .render(inner, buf);
    }
}

/// Typing a path to save the annotations to.
pub struct SaveAsInput<'a> {
    pub app: &'a App,
    pub popup: &'a SaveAsPopup,
}

impl Widget for SaveAsInput<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let inner = frame(
            area,
            area.width.saturating_sub(8).clamp(40, 90),
            8,
            " Save annotations as ".into(),
            "Enter save · Esc cancel",
            app.styles.focused_border,
            buf,
        );
        let mut lines = vec![
            Line::from("The annotations file cannot be written. Save to:"),
            input_line("> ", &self.popup.text, true, app.styles.chip),
        ];
        if let Some(e) = &self.popup.error {
            lines.push(Line::from(Span::styled(e.clone(), app.styles.warning)));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}

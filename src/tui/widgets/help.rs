//! The help popup: every action with the keys bound to it in the config in force.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::centered;
use crate::config::KeyAction;
use crate::tui::app::App;

/// The help popup.
pub struct HelpPopup<'a> {
    pub app: &'a App,
    pub scroll: u16,
}

/// The help text, one line per action, then notes.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for a in KeyAction::ALL {
        let keys: Vec<String> = app
            .config
            .keys_for(a)
            .iter()
            .map(|k| k.to_string())
            .collect();
        let keys = if keys.is_empty() {
            "(unbound)".to_string()
        } else {
            keys.join(" ")
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{keys:>16}  "),
                app.styles
                    .chip
                    .remove_modifier(Modifier::REVERSED)
                    .add_modifier(Modifier::BOLD),
            ),
            Span::raw(a.describe()),
        ]));
    }
    lines.push(Line::default());
    for note in [
        "Esc, step by step: close the input you are typing in (and clear it);",
        "  then clear the reader search or the pane's filter; then remove the",
        "  last entity filter; then leave zen mode.",
        "While typing a filter or search, letters are text; Enter applies,",
        "  ↑/↓ move the selection, Esc cancels.",
        "Entity filters combine (AND): the list shows articles mentioning all.",
        "Annotations: v selects a sentence in the reader, j/k extend it; then",
        "  H highlights, a notes, e adds it as an entity. Tags (t) are topics",
        "  in the sidebar. Popups show their keys on the bottom border.",
        "  Changes are saved a moment later, on quit, and with ctrl-s.",
        "Mouse: click a pane or a row; the wheel scrolls.",
        "Keys are set in the config: byline config --print-default",
    ] {
        lines.push(Line::from(Span::styled(note, app.styles.dimmed)));
    }
    lines
}

impl Widget for HelpPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = help_lines(self.app);
        let h = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let r = centered(area, 76, h);
        Clear.render(r, buf);
        let max_scroll = h.saturating_sub(r.height);
        Paragraph::new(lines)
            .scroll((self.scroll.min(max_scroll), 0))
            .block(
                Block::bordered()
                    .border_type(BorderType::Double)
                    .border_style(self.app.styles.focused_border)
                    .title(" Keys — any key closes, j/k scroll "),
            )
            .render(r, buf);
    }
}

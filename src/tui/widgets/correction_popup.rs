//! The entity correction popup: the menu (rename, change kind, merge, hide), the name
//! input, the kind picker and the fuzzy merge picker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::popup_frame::frame;
use super::{input_line, truncate};
use crate::entities::EntityKind;
use crate::tui::app::App;
use crate::tui::popup::{CORRECT_MENU, CorrectPopup, CorrectStage, CorrectTarget};

/// The correction popup.
pub struct CorrectionMenu<'a> {
    pub app: &'a App,
    pub popup: &'a CorrectPopup,
}

fn item(app: &App, text: String, selected: bool) -> Line<'static> {
    let style = if selected {
        app.styles.selection
    } else {
        Style::new()
    };
    Line::from(Span::styled(text, style))
}

impl Widget for CorrectionMenu<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let p = self.popup;
        let (what, title) = match &p.target {
            CorrectTarget::Entity { name, kind, .. } => (
                format!("{name} ({})", kind.as_str()),
                format!(" Correct “{}” ", truncate(name, 40)),
            ),
            CorrectTarget::Mention { name, .. } => {
                (format!("“{name}”"), " Add an entity ".to_string())
            }
        };
        let (keys, mut lines) = match &p.stage {
            CorrectStage::Menu { selected } => (
                "j/k move · Enter or letter picks · Esc cancel",
                CORRECT_MENU
                    .iter()
                    .enumerate()
                    .map(|(i, (label, key))| item(app, format!(" {key}  {label} "), i == *selected))
                    .collect::<Vec<_>>(),
            ),
            CorrectStage::Rename { text } => (
                "Enter apply · Esc cancel",
                vec![
                    Line::from("Name:"),
                    input_line("> ", text, true, app.styles.chip),
                ],
            ),
            CorrectStage::Kind { selected } => (
                "j/k move · Enter or 1-4 picks · Esc cancel",
                EntityKind::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, k)| {
                        let line =
                            item(app, format!(" {}  {} ", i + 1, k.as_str()), i == *selected);
                        line.patch_style(app.styles.kind(*k))
                    })
                    .collect(),
            ),
            CorrectStage::Merge {
                query,
                matches,
                selected,
            } => {
                let mut v = vec![
                    Line::from("Merge into (type to search):"),
                    input_line("> ", query, true, app.styles.chip),
                ];
                let room = usize::from(area.height.saturating_sub(12)).max(3);
                let offset = selected.saturating_sub(room - 1);
                for (i, &e) in matches.iter().enumerate().skip(offset).take(room) {
                    let label = format!(
                        " {} ({}, {} mentions) ",
                        app.lib.name(e),
                        app.lib.kind(e).as_str(),
                        app.lib.mention_count(e)
                    );
                    v.push(item(app, label, i == *selected));
                }
                if matches.is_empty() {
                    v.push(Line::from(Span::styled(
                        " no entity matches",
                        app.styles.dimmed,
                    )));
                }
                ("type to filter · ↑/↓ move · Enter merge · Esc cancel", v)
            }
        };
        lines.insert(
            0,
            Line::from(Span::styled(
                what,
                Style::new().add_modifier(Modifier::BOLD),
            )),
        );
        lines.insert(1, Line::default());
        let h = u16::try_from(lines.len() + 2)
            .unwrap_or(20)
            .clamp(8, area.height);
        let inner = frame(area, 64, h, title, keys, app.styles.focused_border, buf);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(inner, buf);
    }
}

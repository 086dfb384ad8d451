//! The status line: focused pane, position, filters, loading progress, warnings, the
//! annotation file, and the last message.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::truncate;
use crate::tui::action::LoadPhase;
use crate::tui::app::{App, SaveState};

/// Whether the annotation file holds everything; warnings say so loudly.
fn state_part(app: &App) -> Option<Span<'static>> {
    let st = app.styles.status;
    let (text, warn) = match &app.annot.save {
        SaveState::Clean => return None,
        SaveState::Unsaved => ("│ ● unsaved ", false),
        SaveState::Saved => ("│ ✓ saved ", false),
        SaveState::Merged => ("│ ✓ merged+saved ", false),
        SaveState::Failed(_) => ("│ ⚠ NOT SAVED ", true),
        SaveState::Blocked(_) => ("│ ⚠ NOT SAVED (file has errors) ", true),
    };
    let style = if warn {
        st.patch(app.styles.warning)
    } else {
        st
    };
    Some(Span::styled(text, style))
}

/// The annotation file: the whole path when there is room, else its name.
fn file_part(app: &App, room: usize) -> Option<Span<'static>> {
    let st = app.styles.status;
    let Some(path) = &app.annotations_path else {
        return app
            .annot
            .unavailable
            .as_ref()
            .map(|_| Span::styled("│ ⚠ annotations off ", st.patch(app.styles.warning)));
    };
    let full = format!("│ {} ", path.display());
    let name = path
        .file_name()
        .map(|n| format!("│ {} ", n.to_string_lossy()))
        .unwrap_or_default();
    [full, name]
        .into_iter()
        .find(|t| unicode_width::UnicodeWidthStr::width(t.as_str()) <= room)
        .map(|t| Span::styled(t, st))
}

/// The bottom line.
pub struct StatusLine<'a> {
    pub app: &'a App,
}

impl Widget for StatusLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let st = app.styles.status;
        buf.set_style(area, st);
        let mut parts: Vec<Span> = Vec::new();
        parts.push(Span::styled(
            format!(" {} ", app.focus.title().to_uppercase()),
            st.add_modifier(Modifier::BOLD),
        ));
        let total = app.lib.corpus.articles.len();
        let shown = app.list.visible.len();
        let pos = if shown == 0 {
            format!("0/{total}")
        } else if shown == total {
            format!("{}/{total}", app.list.selected + 1)
        } else {
            format!("{}/{shown} of {total}", app.list.selected + 1)
        };
        parts.push(Span::styled(format!("│ {pos} "), st));
        if !app.filters.is_empty() {
            let names: Vec<&str> = app.filters.iter().map(|&e| app.lib.name(e)).collect();
            parts.push(Span::styled(format!("│ ⧩ {} ", names.join(" + ")), st));
        }
        if let Some(p) = &app.loading {
            let what = match p.phase {
                LoadPhase::Finding => "finding files",
                LoadPhase::Reading => "reading",
                LoadPhase::Indexing => "indexing entities",
            };
            let n = match p.total {
                Some(t) => format!(" {}/{t}", p.done),
                None if p.done > 0 => format!(" {}", p.done),
                None => String::new(),
            };
            parts.push(Span::styled(
                format!("│ ⏳ {what}{n}… "),
                st.add_modifier(Modifier::BOLD),
            ));
        }
        if !app.warnings.is_empty() {
            parts.push(Span::styled(
                format!("│ ⚠ {} (W) ", app.warnings.len()),
                st.patch(app.styles.warning),
            ));
        }
        if let Some(span) = state_part(app) {
            parts.push(span);
        }
        if let Some(m) = &app.message {
            parts.push(Span::styled(
                format!("│ {m} "),
                st.add_modifier(Modifier::BOLD),
            ));
        }
        let help = " ? help ";
        let room = usize::from(area.width);
        let used: usize = parts.iter().map(|s| s.width()).sum();
        if let Some(span) = file_part(app, room.saturating_sub(used + help.len())) {
            parts.push(span);
        }
        let used: usize = parts.iter().map(|s| s.width()).sum();
        if used + help.len() <= room {
            parts.push(Span::styled(" ".repeat(room - used - help.len()), st));
            parts.push(Span::styled(help, st));
            Line::from(parts).render(area, buf);
        } else {
            let text: String = parts.iter().map(|s| s.content.as_ref()).collect();
            Line::from(Span::styled(truncate(&text, room), st)).render(area, buf);
        }
    }
}

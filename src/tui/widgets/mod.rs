//! Rendering: `impl Widget for &App` lays out the screen and hands each area to the
//! widget of its pane. Widgets only read the app; nothing here changes state.

mod annotations_view;
mod article_list;
mod correction_popup;
mod file_popups;
mod filters;
mod help;
mod note_popup;
mod popup_frame;
mod reader;
mod sidebar;
mod status;
mod tag_popup;
mod warnings;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};
use unicode_width::UnicodeWidthChar;

use super::app::{App, Pane, Popup};
use super::layout;

pub use annotations_view::AnnotationsPopup;
pub use article_list::ArticleList;
pub use correction_popup::CorrectionMenu;
pub use file_popups::{FileProblemPopup, SaveAsInput};
pub use filters::Chips;
pub use help::HelpPopup;
pub use note_popup::NoteEditor;
pub use reader::Reader;
pub use sidebar::Sidebar;
pub use status::StatusLine;
pub use tag_popup::TagInput;
pub use warnings::WarningsPopup;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let areas = layout::compute_in(area, self, self.focus);
        if let Some(r) = areas.list {
            ArticleList { app: self }.render(r, buf);
        }
        if let Some(r) = areas.reader {
            Reader { app: self }.render(r, buf);
        }
        if let Some(r) = areas.sidebar {
            Sidebar { app: self }.render(r, buf);
        }
        if let Some(r) = areas.tabs {
            tab_bar(self, r, buf);
        }
        if let Some(r) = areas.status {
            StatusLine { app: self }.render(r, buf);
        }
        match &self.popup {
            Some(Popup::Help { scroll }) => HelpPopup {
                app: self,
                scroll: *scroll,
            }
            .render(area, buf),
            Some(Popup::Warnings { scroll }) => WarningsPopup {
                app: self,
                scroll: *scroll,
            }
            .render(area, buf),
            Some(Popup::FileProblem { scroll }) => FileProblemPopup {
                app: self,
                scroll: *scroll,
            }
            .render(area, buf),
            Some(Popup::Note(note)) => NoteEditor { app: self, note }.render(area, buf),
            Some(Popup::Tag(popup)) => TagInput { app: self, popup }.render(area, buf),
            Some(Popup::Annotations(view)) => {
                AnnotationsPopup { app: self, view }.render(area, buf)
            }
            Some(Popup::Correct(popup)) => CorrectionMenu { app: self, popup }.render(area, buf),
            Some(Popup::SaveAs(popup)) => SaveAsInput { app: self, popup }.render(area, buf),
            None => {}
        }
    }
}

/// The border of a pane: thick and coloured with a ▶ when it has the focus, so the focus
/// shows without colour too.
pub(crate) fn pane_block<'a>(app: &App, pane: Pane, extra: Option<String>) -> Block<'a> {
    let focused = app.focus == pane;
    let mut title = if focused {
        format!(" ▶ {} ", pane.title())
    } else {
        format!(" {} ", pane.title())
    };
    if let Some(x) = extra {
        title.push_str(&x);
        title.push(' ');
    }
    let (style, kind) = if focused {
        (app.styles.focused_border, BorderType::Thick)
    } else {
        (app.styles.border, BorderType::Plain)
    };
    let title_style = if focused {
        style.add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(Line::from(Span::styled(title, title_style)))
}

/// One-line tab bar of the one-pane layout.
fn tab_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    for (i, p) in Pane::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", app.styles.border));
        }
        let style = if p == app.focus {
            app.styles.selection.add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        spans.push(Span::styled(format!(" {} ", p.title()), style));
    }
    Line::from(spans).render(area, buf);
}

/// Text cut to `width` display columns, with an ellipsis when cut.
pub(crate) fn truncate(s: &str, width: usize) -> String {
    if unicode_width::UnicodeWidthStr::width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` as spans, with the chars starting at the byte offsets in `hits` (sorted)
/// styled `hit`, cut to `width` columns.
pub(crate) fn highlighted<'a>(
    text: &str,
    hits: &[usize],
    base: Style,
    hit: Style,
    width: usize,
) -> Vec<Span<'a>> {
    let mut spans: Vec<Span<'a>> = Vec::new();
    let mut cur = String::new();
    let mut cur_hit = false;
    let mut w = 0;
    let total = unicode_width::UnicodeWidthStr::width(text);
    for (b, c) in text.char_indices() {
        let cw = c.width().unwrap_or(0);
        if total > width && w + cw + 1 > width {
            if !cur.is_empty() {
                spans.push(Span::styled(
                    std::mem::take(&mut cur),
                    if cur_hit { hit } else { base },
                ));
            }
            spans.push(Span::styled("…", base));
            return spans;
        }
        let is_hit = hits.binary_search(&b).is_ok();
        if is_hit != cur_hit && !cur.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut cur),
                if cur_hit { hit } else { base },
            ));
        }
        cur_hit = is_hit;
        cur.push(c);
        w += cw;
    }
    if !cur.is_empty() {
        spans.push(Span::styled(cur, if cur_hit { hit } else { base }));
    }
    spans
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub(crate) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A line of an input being typed: `/query▏`.
pub(crate) fn input_line<'a>(prefix: &str, query: &str, editing: bool, style: Style) -> Line<'a> {
    let mut spans = vec![Span::styled(
        prefix.to_string(),
        style.add_modifier(Modifier::BOLD),
    )];
    spans.push(Span::raw(query.to_string()));
    if editing {
        spans.push(Span::styled("▏", style.add_modifier(Modifier::SLOW_BLINK)));
    }
    Line::from(spans)
}

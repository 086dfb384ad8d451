//! The frame shared by the annotation popups: cleared area, double border, a title on
//! top and the keys that work inside on the bottom border.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use super::centered;

/// Draws the frame centred in `area` and returns the inner rectangle.
pub(crate) fn frame(
    area: Rect,
    w: u16,
    h: u16,
    title: String,
    keys: &str,
    border: Style,
    buf: &mut Buffer,
) -> Rect {
    let r = centered(area, w, h);
    Clear.render(r, buf);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(border)
        .title(title)
        .title_bottom(Line::from(format!(" {keys} ")));
    let inner = block.inner(r);
    block.render(r, buf);
    inner
}

/// Splits `text` into display lines of at most `width` columns (explicit newlines
/// kept), for inputs whose last line must stay visible.
pub(crate) fn wrap_input(text: &str, width: u16) -> Vec<String> {
    let w = usize::from(width.max(1));
    let mut out = Vec::new();
    for line in text.split('\n') {
        if line.is_empty() {
            out.push(String::new());
            continue;
        }
        let opts = textwrap::Options::new(w).break_words(true);
        out.extend(
            textwrap::wrap(line, opts)
                .into_iter()
                .map(|c| c.into_owned()),
        );
    }
    out
}

//! Theme colours → ratatui styles, once. With `NO_COLOR` every style keeps only its
//! modifiers (bold, italic, reverse, underline), so nothing depends on colour alone.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{Ansi, Colour, Theme};
use crate::entities::EntityKind;

/// Styles used by the widgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Styles {
    pub person: Style,
    pub place: Style,
    pub organization: Style,
    pub topic: Style,
    pub border: Style,
    pub focused_border: Style,
    pub title: Style,
    pub dimmed: Style,
    pub selection: Style,
    pub search_match: Style,
    pub current_match: Style,
    pub fuzzy_hit: Style,
    pub chip: Style,
    pub status: Style,
    pub warning: Style,
    /// Added to mentions of filtered entities.
    pub filtered: Style,
    /// The user's highlights (and passages with a note, underlined too).
    pub highlight: Style,
    pub note: Style,
    /// A bookmarked place.
    pub bookmark: Style,
    pub no_color: bool,
}

fn colour(c: Colour) -> Color {
    match c {
        Colour::Default => Color::Reset,
        Colour::Rgb(r, g, b) => Color::Rgb(r, g, b),
        Colour::Ansi(a) => match a {
            Ansi::Black => Color::Black,
            Ansi::Red => Color::Red,
            Ansi::Green => Color::Green,
            Ansi::Yellow => Color::Yellow,
            Ansi::Blue => Color::Blue,
            Ansi::Magenta => Color::Magenta,
            Ansi::Cyan => Color::Cyan,
            Ansi::Gray => Color::Gray,
            Ansi::DarkGray => Color::DarkGray,
            Ansi::LightRed => Color::LightRed,
            Ansi::LightGreen => Color::LightGreen,
            Ansi::LightYellow => Color::LightYellow,
            Ansi::LightBlue => Color::LightBlue,
            Ansi::LightMagenta => Color::LightMagenta,
            Ansi::LightCyan => Color::LightCyan,
            Ansi::White => Color::White,
        },
    }
}

impl Styles {
    /// Resolves the theme; `no_color` drops every colour.
    pub fn new(t: &Theme, no_color: bool) -> Styles {
        let fg = |c: Colour| {
            if no_color {
                Style::new()
            } else {
                Style::new().fg(colour(c))
            }
        };
        let mention = |c: Colour| {
            if no_color {
                Style::new().add_modifier(Modifier::UNDERLINED)
            } else {
                fg(c)
            }
        };
        let both = |f: Colour, b: Colour, fallback: Modifier| {
            if no_color {
                Style::new().add_modifier(fallback)
            } else {
                Style::new().fg(colour(f)).bg(colour(b))
            }
        };
        Styles {
            person: mention(t.person),
            place: mention(t.place),
            organization: mention(t.organization),
            topic: mention(t.topic),
            border: fg(t.border),
            focused_border: fg(t.focused_border).add_modifier(Modifier::BOLD),
            title: fg(t.title).add_modifier(Modifier::BOLD),
            dimmed: if no_color {
                Style::new().add_modifier(Modifier::DIM)
            } else {
                fg(t.dimmed)
            },
            selection: both(t.selection_fg, t.selection_bg, Modifier::REVERSED),
            search_match: both(
                Colour::Ansi(Ansi::Black),
                t.search_match,
                Modifier::REVERSED,
            ),
            current_match: both(
                Colour::Ansi(Ansi::Black),
                t.search_match,
                Modifier::REVERSED,
            )
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            fuzzy_hit: fg(t.search_match).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            chip: fg(t.chip).add_modifier(Modifier::REVERSED),
            status: both(t.status_fg, t.status_bg, Modifier::REVERSED),
            warning: fg(t.warning).add_modifier(Modifier::BOLD),
            filtered: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            highlight: both(
                Colour::Ansi(Ansi::Black),
                Colour::Ansi(Ansi::LightYellow),
                Modifier::ITALIC | Modifier::UNDERLINED,
            ),
            note: both(
                Colour::Ansi(Ansi::Black),
                Colour::Ansi(Ansi::LightYellow),
                Modifier::ITALIC | Modifier::UNDERLINED,
            )
            .add_modifier(Modifier::UNDERLINED),
            bookmark: fg(t.chip).add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
            no_color,
        }
    }

    /// Style of a mention of this kind.
    pub fn kind(&self, k: EntityKind) -> Style {
        match k {
            EntityKind::Person => self.person,
            EntityKind::Place => self.place,
            EntityKind::Organization => self.organization,
            EntityKind::Topic => self.topic,
        }
    }
}

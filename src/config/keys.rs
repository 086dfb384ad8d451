//! Key names as written in the config (`"ctrl-c"`, `"G"`, `"pagedown"`) and the actions
//! they can be bound to. Kept free of any terminal library so the config can be read and
//! checked without a terminal; the interface translates terminal events into [`KeyChord`]s.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

/// Every action a key can be bound to in `[keys]`. The TOML names are the snake_case
/// variant names; an unknown name is a config error naming its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyAction {
    Quit,
    Help,
    NextPane,
    PrevPane,
    PaneLeft,
    PaneRight,
    Down,
    Up,
    Top,
    Bottom,
    PageUp,
    PageDown,
    Enter,
    Filter,
    Escape,
    NextMatch,
    PrevMatch,
    RemoveAllFilters,
    KindAll,
    KindPeople,
    KindPlaces,
    KindOrganizations,
    KindTopics,
    ToggleBoilerplate,
    Zen,
    ToggleRead,
    Warnings,
    Select,
    Highlight,
    Note,
    Tag,
    Bookmark,
    CorrectEntity,
    Save,
    AnnotationsView,
    Undo,
}

impl KeyAction {
    /// All actions, in the order the help popup lists them.
    pub const ALL: [KeyAction; 36] = [
        KeyAction::Quit,
        KeyAction::Help,
        KeyAction::NextPane,
        KeyAction::PrevPane,
        KeyAction::PaneLeft,
        KeyAction::PaneRight,
        KeyAction::Down,
        KeyAction::Up,
        KeyAction::Top,
        KeyAction::Bottom,
        KeyAction::PageUp,
        KeyAction::PageDown,
        KeyAction::Enter,
        KeyAction::Filter,
        KeyAction::Escape,
        KeyAction::NextMatch,
        KeyAction::PrevMatch,
        KeyAction::RemoveAllFilters,
        KeyAction::KindAll,
        KeyAction::KindPeople,
        KeyAction::KindPlaces,
        KeyAction::KindOrganizations,
        KeyAction::KindTopics,
        KeyAction::ToggleBoilerplate,
        KeyAction::Zen,
        KeyAction::ToggleRead,
        KeyAction::Warnings,
        KeyAction::Select,
        KeyAction::Highlight,
        KeyAction::Note,
        KeyAction::Tag,
        KeyAction::Bookmark,
        KeyAction::CorrectEntity,
        KeyAction::Save,
        KeyAction::AnnotationsView,
        KeyAction::Undo,
    ];

    /// The name used in the config file.
    pub fn name(self) -> &'static str {
        match self {
            KeyAction::Quit => "quit",
            KeyAction::Help => "help",
            KeyAction::NextPane => "next_pane",
            KeyAction::PrevPane => "prev_pane",
            KeyAction::PaneLeft => "pane_left",
            KeyAction::PaneRight => "pane_right",
            KeyAction::Down => "down",
            KeyAction::Up => "up",
            KeyAction::Top => "top",
            KeyAction::Bottom => "bottom",
            KeyAction::PageUp => "page_up",
            KeyAction::PageDown => "page_down",
            KeyAction::Enter => "enter",
            KeyAction::Filter => "filter",
            KeyAction::Escape => "escape",
            KeyAction::NextMatch => "next_match",
            KeyAction::PrevMatch => "prev_match",
            KeyAction::RemoveAllFilters => "remove_all_filters",
            KeyAction::KindAll => "kind_all",
            KeyAction::KindPeople => "kind_people",
            KeyAction::KindPlaces => "kind_places",
            KeyAction::KindOrganizations => "kind_organizations",
            KeyAction::KindTopics => "kind_topics",
            KeyAction::ToggleBoilerplate => "toggle_boilerplate",
            KeyAction::Zen => "zen",
            KeyAction::ToggleRead => "toggle_read",
            KeyAction::Warnings => "warnings",
            KeyAction::Select => "select",
            KeyAction::Highlight => "highlight",
            KeyAction::Note => "note",
            KeyAction::Tag => "tag",
            KeyAction::Bookmark => "bookmark",
            KeyAction::CorrectEntity => "correct_entity",
            KeyAction::Save => "save",
            KeyAction::AnnotationsView => "annotations_view",
            KeyAction::Undo => "undo",
        }
    }

    /// What the action does, for the help popup.
    pub fn describe(self) -> &'static str {
        match self {
            KeyAction::Quit => "quit",
            KeyAction::Help => "this help",
            KeyAction::NextPane => "next pane",
            KeyAction::PrevPane => "previous pane",
            KeyAction::PaneLeft => "pane to the left",
            KeyAction::PaneRight => "pane to the right",
            KeyAction::Down => "move down / scroll down",
            KeyAction::Up => "move up / scroll up",
            KeyAction::Top => "go to the top",
            KeyAction::Bottom => "go to the bottom",
            KeyAction::PageUp => "page up",
            KeyAction::PageDown => "page down",
            KeyAction::Enter => "open article / add entity filter",
            KeyAction::Filter => "filter (list, entities) / search (reader)",
            KeyAction::Escape => "clear input, then search, then last filter",
            KeyAction::NextMatch => "next match / next filtered mention",
            KeyAction::PrevMatch => "previous match / previous mention",
            KeyAction::RemoveAllFilters => "remove all entity filters",
            KeyAction::KindAll => "entities: all kinds",
            KeyAction::KindPeople => "entities: people",
            KeyAction::KindPlaces => "entities: places",
            KeyAction::KindOrganizations => "entities: organizations",
            KeyAction::KindTopics => "entities: topics",
            KeyAction::ToggleBoilerplate => "show / hide boilerplate",
            KeyAction::Zen => "zen: reader full screen",
            KeyAction::ToggleRead => "mark read / unread",
            KeyAction::Warnings => "load warnings",
            KeyAction::Select => "select a sentence (j/k extend, Esc cancels)",
            KeyAction::Highlight => "highlight the selection",
            KeyAction::Note => "note on selection / article",
            KeyAction::Tag => "tag the article (-tag removes)",
            KeyAction::Bookmark => "bookmark the top visible line",
            KeyAction::CorrectEntity => "correct entity / add one from selection",
            KeyAction::Save => "save annotations now",
            KeyAction::AnnotationsView => "annotations of the article / library",
            KeyAction::Undo => "undo the last deletion",
        }
    }
}

/// A key without modifiers, named the way the config names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// A key plus modifiers. Shift is folded into characters (`G`, `?`) and into `BackTab`,
/// so the same chord is written one way only; `shift` is kept for named keys (`shift-up`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyChord {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

impl KeyChord {
    /// A plain key without modifiers.
    pub const fn plain(code: KeyCode) -> KeyChord {
        KeyChord {
            code,
            ctrl: false,
            alt: false,
            shift: false,
        }
    }

    /// Builds a chord from a key and modifiers the way a terminal reports them, folding
    /// shift into characters and Tab so that `G` with shift equals the config's `"G"`.
    pub fn normalized(code: KeyCode, ctrl: bool, alt: bool, shift: bool) -> KeyChord {
        let (code, shift) = match code {
            KeyCode::Char(c) if ctrl && c.is_ascii_uppercase() => {
                (KeyCode::Char(c.to_ascii_lowercase()), shift)
            }
            KeyCode::Char(c) => (KeyCode::Char(c), false),
            KeyCode::Tab if shift => (KeyCode::BackTab, false),
            KeyCode::BackTab => (KeyCode::BackTab, false),
            other => (other, shift),
        };
        KeyChord {
            code,
            ctrl,
            alt,
            shift,
        }
    }
}

/// Why a key string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad key `{key}`: {reason}")]
pub struct KeyParseError {
    pub key: String,
    pub reason: &'static str,
}

impl FromStr for KeyChord {
    type Err = KeyParseError;

    fn from_str(s: &str) -> Result<KeyChord, KeyParseError> {
        let err = |reason| KeyParseError {
            key: s.to_string(),
            reason,
        };
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        let mut rest = s;
        loop {
            if rest.chars().count() <= 1 {
                break;
            }
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if lower.starts_with("alt-") {
                alt = true;
                rest = &rest[4..];
            } else if lower.starts_with("shift-") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err(err("empty key name")),
            (Some(c), None) => {
                if c.is_control() {
                    return Err(err("control characters are written as names, e.g. \"tab\""));
                }
                if shift && c.is_alphabetic() {
                    KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => named(&rest.to_ascii_lowercase()).ok_or_else(|| {
                err(
                    "unknown key name (expected one character or enter, esc, tab, backtab, \
                     backspace, delete, insert, space, up, down, left, right, home, end, \
                     pageup, pagedown, f1…f12)",
                )
            })?,
        };
        if matches!(code, KeyCode::Char(_)) {
            shift = false;
        }
        if code == KeyCode::Tab && shift {
            return Ok(KeyChord {
                code: KeyCode::BackTab,
                ctrl,
                alt,
                shift: false,
            });
        }
        Ok(KeyChord {
            code,
            ctrl,
            alt,
            shift,
        })
    }
}

fn named(name: &str) -> Option<KeyCode> {
    Some(match name {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        f if f.starts_with('f') => {
            let n: u8 = f[1..].parse().ok()?;
            if (1..=12).contains(&n) {
                KeyCode::F(n)
            } else {
                return None;
            }
        }
        _ => return None,
    })
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pgup"),
            KeyCode::PageDown => f.write_str("pgdn"),
            KeyCode::F(n) => write!(f, "f{n}"),
        }
    }
}

impl<'de> Deserialize<'de> for KeyChord {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KeyChord, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_named_and_modified_keys() {
        assert_eq!(
            "q".parse::<KeyChord>(),
            Ok(KeyChord::plain(KeyCode::Char('q')))
        );
        assert_eq!(
            "G".parse::<KeyChord>(),
            Ok(KeyChord::plain(KeyCode::Char('G')))
        );
        assert_eq!(
            "-".parse::<KeyChord>(),
            Ok(KeyChord::plain(KeyCode::Char('-')))
        );
        assert_eq!(
            "PageDown".parse::<KeyChord>(),
            Ok(KeyChord::plain(KeyCode::PageDown))
        );
        assert_eq!(
            "shift-tab".parse::<KeyChord>(),
            Ok(KeyChord::plain(KeyCode::BackTab))
        );
        let c: KeyChord = "ctrl-c".parse().unwrap();
        assert!(c.ctrl && c.code == KeyCode::Char('c'));
        let m: KeyChord = "ctrl--".parse().unwrap();
        assert!(m.ctrl && m.code == KeyCode::Char('-'));
        assert_eq!("f5".parse::<KeyChord>(), Ok(KeyChord::plain(KeyCode::F(5))));
    }

    #[test]
    fn rejects_bad_key_strings() {
        for bad in ["", "ctrl-", "pgupp", "f13", "hyper-x", "\t"] {
            assert!(
                bad.parse::<KeyChord>().is_err(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn normalizes_terminal_shift() {
        let g = KeyChord::normalized(KeyCode::Char('G'), false, false, true);
        assert_eq!(g, "G".parse().unwrap());
        let bt = KeyChord::normalized(KeyCode::BackTab, false, false, true);
        assert_eq!(bt, "shift-tab".parse().unwrap());
    }

    #[test]
    fn every_action_name_round_trips() {
        for a in KeyAction::ALL {
            let parsed: KeyAction = toml::Value::String(a.name().into())
                .try_into()
                .expect("action name");
            assert_eq!(parsed, a);
        }
    }
}

//! Terminal key events → actions, through the keys of the config. While an input is
//! open, printable characters are text, and only a few keys keep their meaning.

use std::collections::HashMap;

use ratatui::crossterm::event::{KeyCode as TermKey, KeyEvent, KeyEventKind, KeyModifiers};

use crate::config::{Config, KeyAction, KeyChord, KeyCode};

use super::action::{Action, AnnotationAction};
use super::app::App;
use super::popup::InputMode;

/// Chord → action, built from the config.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    map: HashMap<KeyChord, KeyAction>,
}

impl Keymap {
    /// Inverts the config's action → keys table.
    pub fn from_config(config: &Config) -> Keymap {
        let mut map = HashMap::new();
        for (action, chords) in &config.keys {
            for c in chords {
                map.insert(*c, *action);
            }
        }
        Keymap { map }
    }

    /// The action bound to `chord`.
    pub fn get(&self, chord: &KeyChord) -> Option<KeyAction> {
        self.map.get(chord).copied()
    }
}

/// The config's idea of a terminal key event (None for keys byline has no name for).
pub fn chord_of(key: &KeyEvent) -> Option<KeyChord> {
    let code = match key.code {
        TermKey::Char(c) => KeyCode::Char(c),
        TermKey::Enter => KeyCode::Enter,
        TermKey::Esc => KeyCode::Esc,
        TermKey::Tab => KeyCode::Tab,
        TermKey::BackTab => KeyCode::BackTab,
        TermKey::Backspace => KeyCode::Backspace,
        TermKey::Delete => KeyCode::Delete,
        TermKey::Insert => KeyCode::Insert,
        TermKey::Up => KeyCode::Up,
        TermKey::Down => KeyCode::Down,
        TermKey::Left => KeyCode::Left,
        TermKey::Right => KeyCode::Right,
        TermKey::Home => KeyCode::Home,
        TermKey::End => KeyCode::End,
        TermKey::PageUp => KeyCode::PageUp,
        TermKey::PageDown => KeyCode::PageDown,
        TermKey::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let m = key.modifiers;
    Some(KeyChord::normalized(
        code,
        m.contains(KeyModifiers::CONTROL),
        m.contains(KeyModifiers::ALT),
        m.contains(KeyModifiers::SHIFT),
    ))
}

/// What a key press means in the app's current state. Releases and repeats of other
/// kinds are ignored (only `KeyEventKind::Press` acts).
pub fn action_for_key(app: &App, key: &KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let chord = chord_of(key)?;
    let bound = app.keymap.get(&chord);
    let is_ctrl_c = chord.ctrl && chord.code == KeyCode::Char('c');
    let mode = app.popup.as_ref().map(|p| p.mode());
    if let Some(InputMode::Text | InputMode::List) = mode {
        let text = mode == Some(InputMode::Text);
        return match (bound, chord.code) {
            _ if is_ctrl_c => Some(Action::Quit),
            (Some(KeyAction::Save), _) => Some(Action::Annotation(AnnotationAction::Save)),
            (_, KeyCode::Enter) => Some(Action::Enter),
            (_, KeyCode::Esc) => Some(Action::Escape),
            (_, KeyCode::Tab) => Some(Action::Complete),
            (_, KeyCode::Backspace) => Some(Action::InputBackspace),
            (_, KeyCode::Down) => Some(Action::Down),
            (_, KeyCode::Up) => Some(Action::Up),
            (_, KeyCode::PageDown) => Some(Action::PageDown),
            (_, KeyCode::PageUp) => Some(Action::PageUp),
            (Some(KeyAction::Down), _) if !text => Some(Action::Down),
            (Some(KeyAction::Up), _) if !text => Some(Action::Up),
            (Some(KeyAction::Top), _) if !text => Some(Action::Top),
            (Some(KeyAction::Bottom), _) if !text => Some(Action::Bottom),
            (Some(KeyAction::PageDown), _) if !text => Some(Action::PageDown),
            (Some(KeyAction::PageUp), _) if !text => Some(Action::PageUp),
            (_, KeyCode::Char(c)) if !chord.ctrl && !chord.alt => Some(Action::Input(c)),
            _ => None,
        };
    }
    if app.popup.is_some() {
        return match (bound, chord.code) {
            _ if is_ctrl_c => Some(Action::Quit),
            (Some(KeyAction::Down), _) | (_, KeyCode::Down) => Some(Action::Down),
            (Some(KeyAction::Up), _) | (_, KeyCode::Up) => Some(Action::Up),
            (Some(KeyAction::PageDown), _) => Some(Action::PageDown),
            (Some(KeyAction::PageUp), _) => Some(Action::PageUp),
            (Some(KeyAction::Top), _) => Some(Action::Top),
            (Some(KeyAction::Bottom), _) => Some(Action::Bottom),
            _ => Some(Action::ClosePopup),
        };
    }
    if app.editing() {
        return match chord.code {
            _ if is_ctrl_c => Some(Action::Quit),
            KeyCode::Char(c) if !chord.ctrl && !chord.alt => Some(Action::Input(c)),
            KeyCode::Backspace => Some(Action::InputBackspace),
            KeyCode::Enter => Some(Action::Enter),
            KeyCode::Esc => Some(Action::Escape),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            _ => bound.map(Action::from),
        };
    }
    bound.map(Action::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn key(code: TermKey, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn default_keys_map_to_actions() {
        let app = App::new(Config::defaults());
        let q = action_for_key(&app, &key(TermKey::Char('q'), KeyModifiers::NONE));
        assert!(matches!(q, Some(Action::Quit)));
        let g = action_for_key(&app, &key(TermKey::Char('G'), KeyModifiers::SHIFT));
        assert!(matches!(g, Some(Action::Bottom)));
        let bt = action_for_key(&app, &key(TermKey::BackTab, KeyModifiers::SHIFT));
        assert!(matches!(bt, Some(Action::PrevPane)));
        let cd = action_for_key(&app, &key(TermKey::Char('d'), KeyModifiers::CONTROL));
        assert!(matches!(cd, Some(Action::PageDown)));
    }

    #[test]
    fn releases_are_ignored() {
        let app = App::new(Config::defaults());
        let mut k = key(TermKey::Char('q'), KeyModifiers::NONE);
        k.kind = KeyEventKind::Release;
        k.state = KeyEventState::NONE;
        assert!(action_for_key(&app, &k).is_none());
    }

    #[test]
    fn typing_goes_to_the_input() {
        let mut app = App::new(Config::defaults());
        app.sidebar.editing = true;
        let q = action_for_key(&app, &key(TermKey::Char('q'), KeyModifiers::NONE));
        assert!(matches!(q, Some(Action::Input('q'))));
        let cc = action_for_key(&app, &key(TermKey::Char('c'), KeyModifiers::CONTROL));
        assert!(matches!(cc, Some(Action::Quit)));
    }
}

//! The terminal interface: a thin Elm-style layer over the library core.
//!
//! One [`App`] holds the state; terminal input becomes an [`Action`] through the keymap
//! of the config ([`keymap::action_for_key`]); [`update`] is the only place state
//! changes; rendering (`impl Widget for &App`, in `widgets`) only reads. [`run`] is the
//! terminal loop. Everything but `run` works without a terminal, so tests drive the app
//! with key events and render it on ratatui's `TestBackend`.

pub mod action;
mod annotate;
mod annotate_popups;
pub mod app;
mod correct;
pub mod fold;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod popup;
mod refresh;
pub mod run;
pub mod selection;
pub mod theme;
pub mod update;
pub mod widgets;
pub mod wrap;

pub use action::{Action, AnnotationAction, Loaded};
pub use app::{App, Pane, Popup, SaveState};
pub use run::run;
pub use update::update;

use ratatui::crossterm::event::KeyEvent;

impl App {
    /// Handles one key event the way the terminal loop does: keymap, then update.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if let Some(action) = keymap::action_for_key(self, &key) {
            update(self, action);
        }
    }
}

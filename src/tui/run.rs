//! The terminal loop: the only place with terminal I/O. Draws the first frame at once,
//! loads the library on a background thread (progress arrives as actions; the articles
//! are sent as soon as they are read, the entities when extracted), turns
//! terminal events into actions, and restores the terminal (mouse capture included) on
//! every way out: quit, error and panic.

use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use anyhow::Context;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use super::action::{Action, LoadPhase, LoadProgress, MouseInput, MouseKind};
use super::app::App;
use super::keymap::action_for_key;
use super::update::update;
use crate::annotations::{Store, location};
use crate::config::Config;
use crate::corpus;
use crate::entities::{self, TopicDef};

/// Runs the interface on `paths` (the built-in sample library when empty) until the user
/// quits. `annotations` is the `--annotations FILE` flag.
pub fn run(
    paths: Vec<PathBuf>,
    config: Config,
    annotations: Option<PathBuf>,
) -> anyhow::Result<()> {
    let mouse = config.mouse;
    let topics = config.topics.clone();
    let mut app = App::new(config);
    let (tx, rx) = mpsc::channel();
    app.loading = Some(LoadProgress {
        phase: LoadPhase::Finding,
        done: 0,
        total: None,
    });
    spawn_loader(paths, topics, annotations, tx);

    let mut terminal = ratatui::try_init().context("cannot start the terminal interface")?;
    install_mouse_panic_hook();
    if mouse {
        let _ = execute!(io::stdout(), EnableMouseCapture);
    }
    let result = event_loop(&mut terminal, &mut app, &rx, mouse);
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result
}

/// ratatui's own hook restores the screen and raw mode; this one also undoes mouse
/// capture, which ratatui does not know about.
fn install_mouse_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
}

/// Loads the annotation file, the library and its entities off the UI thread.
fn spawn_loader(
    paths: Vec<PathBuf>,
    topics: Vec<TopicDef>,
    annotations: Option<PathBuf>,
    tx: Sender<Action>,
) {
    std::thread::spawn(move || {
        let _ = tx.send(match location::resolve(annotations.as_deref(), &paths) {
            Ok(loc) => Action::StoreOpened(Box::new(Store::open_or_hold(loc.path))),
            Err(e) => Action::StoreFailed(e.to_string()),
        });
        let corpus = if paths.is_empty() {
            crate::sample::corpus()
        } else {
            let (files, mut warnings) = match corpus::discover(&paths) {
                Ok(found) => found,
                Err(e) => {
                    let _ = tx.send(Action::LoadFailed(e.to_string()));
                    return;
                }
            };
            let total = files.len();
            let step = (total / 100).max(1);
            let progress = tx.clone();
            let options = corpus::LoadOptions::cached();
            let mut c = corpus::load_files_with(&files, &options, move |done, total| {
                if done % step == 0 || done == total {
                    let _ = progress.send(Action::Progress(LoadProgress {
                        phase: LoadPhase::Reading,
                        done,
                        total: Some(total),
                    }));
                }
            });
            warnings.append(&mut c.warnings);
            warnings.sort_by(|a, b| a.path.cmp(&b.path));
            c.warnings = warnings;
            c
        };
        // The articles first, so they can be read while the entities are extracted from
        // the same (shared, not copied) corpus; the loader's handle goes at the end.
        let corpus = Arc::new(corpus);
        let _ = tx.send(Action::Articles(Arc::clone(&corpus)));
        let index = entities::extract(&corpus, &topics);
        drop(corpus);
        let _ = tx.send(Action::Entities(Box::new(index)));
    });
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    rx: &Receiver<Action>,
    mouse: bool,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    update(app, Action::Resize(size.width, size.height));
    loop {
        terminal.draw(|f| f.render_widget(&*app, f.area()))?;
        if app.should_quit {
            return Ok(());
        }
        if event::poll(Duration::from_millis(50))? {
            loop {
                if let Some(action) = translate(app, event::read()?, mouse) {
                    update(app, action);
                }
                if app.should_quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        while let Ok(action) = rx.try_recv() {
            update(app, action);
        }
        update(app, Action::Tick(Instant::now()));
    }
}

/// A terminal event as an action (None for events byline ignores).
fn translate(app: &App, ev: Event, mouse: bool) -> Option<Action> {
    match ev {
        Event::Key(key) => action_for_key(app, &key),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) if mouse => {
            let kind = match m.kind {
                MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
                MouseEventKind::ScrollUp => MouseKind::ScrollUp,
                MouseEventKind::ScrollDown => MouseKind::ScrollDown,
                _ => return None,
            };
            Some(Action::Mouse(MouseInput {
                kind,
                column: m.column,
                row: m.row,
            }))
        }
        _ => None,
    }
}

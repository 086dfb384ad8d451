//! End to end: the built binary in a pseudo-terminal, its output fed to a terminal
//! emulator (vt100), keys sent as a user would type them. Runs on ../shared/seeds and
//! skips (with a message) when that folder is absent.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_byline"));
        for a in args {
            cmd.arg(a);
        }
        cmd.env("TERM", "xterm-256color");
        // A config folder of our own, so the user's config does not change the test.
        let xdg = std::env::temp_dir().join(format!("byline-e2e-{}", std::process::id()));
        std::fs::create_dir_all(&xdg).expect("temp config dir");
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("XDG_CONFIG_HOME", &xdg);
        cmd.env("HOME", &xdg);
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).expect("spawn byline");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
            }
        });
        Session {
            parser,
            writer,
            master: pty.master,
            child,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("send keys");
        self.writer.flush().expect("flush");
    }

    /// Waits until the screen satisfies `pred`; panics with the screen after 15 s.
    fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn resize(&self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .expect("parser")
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            if start.elapsed() > Duration::from_secs(10) {
                let _ = self.child.kill();
                panic!("byline did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[test]
fn filter_story_on_the_seeds_then_quit() {
    if !Path::new(SEEDS).is_dir() {
        eprintln!("skipping e2e_pty: {SEEDS} not found");
        return;
    }
    // Annotations go to a temporary file, never next to the shared seeds.
    let notes = tempfile::tempdir().expect("temp dir");
    let notes_file = notes.path().join("byline.toml");
    let notes_arg = notes_file.to_str().expect("utf-8 temp path");
    let mut s = Session::start(&[SEEDS, "--annotations", notes_arg], 120, 40);
    // The articles show first; wait for the entities too (the status line's ⏳ goes).
    s.wait_for("the library to load", |sc| {
        sc.contains("Vladimir Putin") && sc.contains("▶ Articles") && !sc.contains("⏳")
    });
    let start_screen = s.screen();
    assert!(start_screen.contains("ARTICLES │ 1/5"), "{start_screen}");

    // Focus the sidebar, filter by "pu", choose Vladimir Putin.
    s.send("\t\t/pu");
    s.wait_for("the sidebar query", |sc| sc.contains("/pu"));
    s.send("\r");
    let filtered = s.wait_for("the filter", |sc| sc.contains("⧩ Vladimir Putin"));
    assert!(filtered.contains(" Vladimir Putin "), "chip:\n{filtered}");
    // Next mention in the reader.
    s.send("n");
    s.wait_for("a jump to a mention", |sc| sc.contains("mention 1/"));

    // Esc removes the filter again.
    s.send("\x1b");
    s.wait_for("the filter to go", |sc| !sc.contains("⧩"));

    // A small terminal: one pane with a tab bar.
    s.resize(50, 20);
    s.wait_for("the one-pane layout", |sc| {
        sc.contains("Articles  │  Reader  │  Entities")
    });

    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

#[test]
fn sample_library_opens_without_paths() {
    let mut s = Session::start(&[], 100, 30);
    s.wait_for("the sample library", |sc| {
        sc.contains("▶ Articles") && !sc.contains("loading")
    });
    s.send("\x03");
    let status = s.wait_exit();
    assert!(status.success(), "ctrl-c exits cleanly: {status:?}");
}

#[test]
fn bad_config_is_reported_and_nothing_starts() {
    let dir = std::env::temp_dir().join(format!("byline-e2e-cfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let cfg = dir.join("bad.toml");
    std::fs::write(&cfg, "[theme]\nplace = \"purple\"\n").expect("write config");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg("--config")
        .arg(&cfg)
        .output()
        .expect("run byline");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:2:"), "{err}");
    assert!(err.contains("theme.place"), "{err}");
    assert!(err.contains("purple"), "{err}");
}

impl Session {
    /// Is some cell on screen painted with the highlight background (light yellow)?
    fn has_highlight_cell(&self) -> bool {
        let p = self.parser.lock().expect("parser");
        let screen = p.screen();
        let (rows, cols) = screen.size();
        (0..rows).any(|r| {
            (0..cols).any(|c| {
                screen
                    .cell(r, c)
                    .is_some_and(|cell| cell.bgcolor() == vt100::Color::Idx(11))
            })
        })
    }
}

/// A temporary copy of the seeds, so byline.toml is written next to them.
fn seeds_copy() -> Option<tempfile::TempDir> {
    if !Path::new(SEEDS).is_dir() {
        eprintln!("skipping: {SEEDS} not found");
        return None;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(SEEDS).expect("seeds").flatten() {
        let p = entry.path();
        if p.is_file() {
            std::fs::copy(&p, dir.path().join(entry.file_name())).expect("copy seed");
        }
    }
    Some(dir)
}

#[test]
fn highlight_survives_a_restart() {
    let Some(dir) = seeds_copy() else { return };
    let lib = dir.path().to_str().expect("utf-8 temp path").to_string();
    let mut s = Session::start(&[&lib], 120, 40);
    s.wait_for("the library to load", |sc| {
        sc.contains("▶ Articles") && sc.contains("byline.toml") && !sc.contains("⏳")
    });
    assert!(!s.has_highlight_cell());
    s.send("\r");
    s.wait_for("the reader", |sc| sc.contains("▶ Reader"));
    s.send("v");
    s.wait_for("the selection", |sc| sc.contains("j/k extend"));
    s.send("H");
    s.wait_for("the highlight", |sc| sc.contains("highlighted"));
    assert!(s.has_highlight_cell(), "painted at once:\n{}", s.screen());
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let file = std::fs::read_to_string(dir.path().join("byline.toml")).expect("byline.toml");
    assert!(file.contains("motivation = \"highlighting\""), "{file}");

    let mut s = Session::start(&[&lib], 120, 40);
    s.wait_for("the library to load again", |sc| {
        sc.contains("▶ Articles") && sc.contains("✎1") && !sc.contains("⏳")
    });
    s.send("\r");
    s.wait_for("the reader", |sc| sc.contains("▶ Reader"));
    let start = Instant::now();
    while !s.has_highlight_cell() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        s.has_highlight_cell(),
        "highlight after restart:\n{}",
        s.screen()
    );
    s.send("A");
    let view = s.wait_for("the annotations view", |sc| {
        sc.contains("Annotations — this article (1)")
    });
    assert!(view.contains("highlight"), "{view}");
    s.send("\x1b");
    s.wait_for("the view to close", |sc| !sc.contains("Annotations —"));
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success());
}

//! `byline list` and `byline show` run as a user would run them: the built binary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn byline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs byline")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn seeds_dir() -> Option<String> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    if dir.is_dir() {
        Some(dir.display().to_string())
    } else {
        eprintln!("skipping: seed folder {} is absent", dir.display());
        None
    }
}

#[test]
fn list_without_paths_shows_the_sample_library() {
    let o = byline(&["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("ID"), "{out}");
    assert_eq!(out.lines().count(), 7, "{out}");
    assert!(out.contains("Kestria and Dalmor open talks on sharing the Alder River"));
    assert!(out.contains("sample/05-treaty-signed.md"));
}

#[test]
fn list_json_has_the_documented_fields() {
    let o = byline(&["list", "--json"]);
    assert!(o.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 6);
    for key in ["id", "path", "title", "words", "warnings", "other_paths"] {
        assert!(rows[0].get(key).is_some(), "missing {key}");
    }
    assert_eq!(rows[0]["id"].as_str().map(str::len), Some(16));
}

#[test]
fn list_seeds_titles() {
    let Some(dir) = seeds_dir() else { return };
    let o = byline(&["list", &dir, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let titles: Vec<&str> = rows
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|r| r["title"].as_str())
        .collect();
    assert_eq!(titles.len(), 5);
    assert_eq!(
        titles[0],
        "Kerry arrives in Russia for first visit since Ukraine crisis"
    );
    assert_eq!(
        titles[1],
        "Kerry heading to Russia with full agenda for talks"
    );
    assert!(titles[2].starts_with("Russia Direct interviewed") && titles[2].ends_with('…'));
}

#[test]
fn list_reports_skipped_files_on_stderr() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("ok.txt"),
        "A title line\n\nA body sentence that is long enough to count as text.\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("bin.txt"), b"\0\x01\x02").expect("write");
    let o = byline(&["list", &dir.path().display().to_string()]);
    assert!(o.status.success());
    let err = stderr(&o);
    assert!(err.contains("bin.txt") && err.contains("binary"), "{err}");
    assert_eq!(stdout(&o).lines().count(), 2);
}

#[test]
fn missing_path_exits_2_with_one_line() {
    let o = byline(&["list", "no/such/folder"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "byline: no such file or directory: no/such/folder\n"
    );
    let o = byline(&["show", "no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "byline: no such file or directory: no/such/file.txt\n"
    );
    // The interface says so before it takes over the screen.
    let o = byline(&["no/such/folder"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "byline: no such file or directory: no/such/folder\n"
    );
}

#[test]
fn invalid_config_exits_2_naming_line_and_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "mouse = true\n[theme]\nperson = \"plaid\"\n").expect("write");
    let cfg = cfg.to_string_lossy().to_string();
    let o = byline(&["--config", &cfg, "entities"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(":3:") && err.contains("theme.person"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn unknown_id_exits_2() {
    let o = byline(&["show", "ffffffffffff"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("byline: no article matches 'ffffffffffff'"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn show_by_prefix_wraps_and_hides_boilerplate() {
    let list = byline(&["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).expect("JSON");
    let id = rows[0]["id"].as_str().expect("id");
    let o = byline(&["show", &id[..6], "--width", "50"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("[section] World"));
    assert!(
        out.contains("Kestria and Dalmor open talks on sharing the Alder\nRiver\n=========="),
        "{out}"
    );
    assert!(out.contains("[credit] Ivo Brandt/Northwire/Pressfoto"));
    assert!(!out.contains("Sign up for"));
    assert!(
        out.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 50),
        "{out}"
    );
    let all = stdout(&byline(&["show", &id[..6], "--all"]));
    assert!(
        all.contains("[boilerplate] Sign up for the Morning Brief newsletter"),
        "{all}"
    );
}

#[test]
fn show_a_file_path_and_a_library_path() {
    let Some(dir) = seeds_dir() else { return };
    let file = format!("{dir}/003_77ba59c30bbf41cc.txt");
    let out = stdout(&byline(&["show", &file, "--width", "72"]));
    assert!(
        out.starts_with(
            "Kerry's meeting in Moscow signals easing of rhetoric between U.S. and\nRussia\n===="
        ),
        "{out}"
    );
    assert!(out.contains("> The groundwork we have on Syria"), "{out}");
    assert!(
        out.contains("[caption] U.S. Secretary of State John Kerry, left,"),
        "{out}"
    );
    let by_library = byline(&["show", "sample/04-a-deal-takes-shape.txt"]);
    assert!(by_library.status.success(), "{}", stderr(&by_library));
    assert!(stdout(&by_library).contains(">   — Mara Lind"));
}

//! Saving never loses data: interrupted saves, concurrent writers, external edits, and
//! folders that are missing or not writable.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::Command;

use byline::annotations::{SaveError, SaveStep, Store};
use byline::article::Article;

const TEXT: &str = "Talks in Geneva\n\nSecretary of State John Kerry met Foreign Minister Sergei Lavrov in Geneva on Friday.\n\nThey discussed the Minsk agreements and sanctions.\n";

fn article() -> Article {
    Article::from_text("/library/geneva.txt", TEXT)
}

fn range_of(quote: &str) -> std::ops::Range<usize> {
    let s = TEXT.find(quote).expect("quote in text");
    s..s + quote.len()
}

/// A store with one saved highlight; returns the folder guard, the file and the store.
fn saved_store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.toml");
    let mut store = Store::open(&path).unwrap();
    store
        .add_highlight(&article(), range_of("Sergei Lavrov"), None)
        .unwrap();
    store.save().unwrap();
    (dir, path, store)
}

fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn an_interrupted_save_leaves_the_old_file_intact_at_every_step() {
    for step in SaveStep::ALL {
        let (dir, path, mut store) = saved_store();
        let old = fs::read(&path).unwrap();
        let note = store
            .add_note(&article(), None, None, "unsaved thought")
            .unwrap();
        store.fail_next_save_at(step, ErrorKind::Other);
        let err = store.save().unwrap_err();
        assert_eq!(
            fs::read(&path).unwrap(),
            old,
            "step {step:?} changed the file"
        );
        assert!(
            Store::open(&path).is_ok(),
            "step {step:?} left an unreadable file"
        );
        assert!(
            temp_files(dir.path()).is_empty(),
            "step {step:?} left a temporary file"
        );
        assert!(store.is_dirty(), "step {step:?} forgot the edit");
        let expected = match step {
            SaveStep::CreateFolder => format!(
                "cannot save annotations to {}: the folder {} cannot be created (simulated failure). Your changes are kept in memory; save them to another file",
                path.display(),
                dir.path().display()
            ),
            _ => format!(
                "could not save annotations to {} ({}: simulated failure); the file on disk is unchanged and your changes are kept in memory",
                path.display(),
                step.describe()
            ),
        };
        assert_eq!(err.to_string(), expected);
        // The next save goes through and has the edit.
        store.save().unwrap();
        let reread = Store::open(&path).unwrap();
        assert!(
            reread.annotation(note).is_some(),
            "step {step:?}: edit lost after retry"
        );
    }
}

#[test]
fn the_previous_version_is_kept_as_bak_and_permissions_survive() {
    let (dir, path, mut store) = saved_store();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777 & !0o022,
            0o644 & !0o022
        );
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    }
    let first = fs::read(&path).unwrap();
    store.add_tag(&article(), "geneva");
    store.save().unwrap();
    assert_eq!(fs::read(dir.path().join("byline.toml.bak")).unwrap(), first);
    assert!(dir.path().join("byline.toml.lock").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

#[test]
fn an_external_edit_between_load_and_save_is_merged() {
    let (_dir, path, mut mine) = saved_store();
    let art = article();
    // Another byline adds a note and saves.
    let mut theirs = Store::open(&path).unwrap();
    let their_note = theirs
        .add_note(&art, None, None, "from the other window")
        .unwrap();
    theirs.save().unwrap();
    // Someone also fixes a quote's note by hand, without touching `modified`.
    let hl = mine.set().annotations[0].id;
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replacen(
        "anchor = \"anchored\"",
        "anchor = \"anchored\"\nnote = \"added by hand\"",
        1,
    );
    assert_ne!(edited, text);
    fs::write(&path, edited).unwrap();
    // We add our own tag and save: nothing of theirs is lost, nothing of ours.
    let my_tag = mine.add_tag(&art, "mine").unwrap();
    let out = mine.save().unwrap();
    assert!(out.merged());
    let stats = out.merge.unwrap();
    assert_eq!(stats.from_disk, 2);
    let reread = Store::open(&path).unwrap();
    assert!(reread.annotation(their_note).is_some());
    assert!(reread.annotation(my_tag).is_some());
    assert_eq!(
        reread.annotation(hl).unwrap().note.as_deref(),
        Some("added by hand")
    );
    // Our memory now holds theirs too.
    assert!(mine.annotation(their_note).is_some());
    assert_eq!(reread.set(), mine.set());
}

#[test]
fn a_deletion_is_not_undone_by_an_older_copy() {
    let (_dir, path, mut a) = saved_store();
    let mut b = Store::open(&path).unwrap();
    let id = a.set().annotations[0].id;
    assert!(a.delete(id));
    a.save().unwrap();
    // b still has the highlight alive, and saves another change.
    b.toggle_read(&article());
    b.save().unwrap();
    let reread = Store::open(&path).unwrap();
    assert!(reread.annotation(id).unwrap().deleted, "tombstone lost");
    assert!(reread.live().next().is_none());
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("deleted = true")
    );
}

#[test]
fn threads_saving_concurrently_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.toml");
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                let art = article();
                let mut store = Store::open(&path).unwrap();
                let mut ids = Vec::new();
                for i in 0..8 {
                    ids.push(
                        store
                            .add_note(&art, None, None, &format!("thread {t} note {i}"))
                            .unwrap(),
                    );
                    store.save().unwrap();
                }
                ids
            })
        })
        .collect();
    let ids: Vec<uuid::Uuid> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let reread = Store::open(&path).unwrap();
    assert_eq!(ids.len(), 32);
    for id in ids {
        assert!(reread.annotation(id).is_some(), "annotation {id} lost");
    }
    assert_eq!(reread.set().articles.len(), 1);
}

/// Run by `processes_saving_concurrently_lose_nothing` in child processes.
#[test]
#[ignore = "helper: run as a child process"]
fn child_process_writer() {
    let Ok(path) = std::env::var("BYLINE_CHILD_FILE") else {
        return;
    };
    let who = std::env::var("BYLINE_CHILD_NAME").unwrap_or_default();
    let art = article();
    let mut store = Store::open(&path).unwrap();
    for i in 0..10 {
        store
            .add_note(&art, None, None, &format!("{who} {i}"))
            .unwrap();
        store.save().unwrap();
    }
}

#[test]
fn processes_saving_concurrently_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.toml");
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..3)
        .map(|n| {
            Command::new(&exe)
                .args([
                    "--exact",
                    "child_process_writer",
                    "--ignored",
                    "--quiet",
                    "--test-threads=1",
                ])
                .env("BYLINE_CHILD_FILE", &path)
                .env("BYLINE_CHILD_NAME", format!("process{n}"))
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let reread = Store::open(&path).unwrap();
    let mut notes: Vec<String> = reread.live().filter_map(|a| a.note.clone()).collect();
    notes.sort();
    let mut expected: Vec<String> = (0..3)
        .flat_map(|n| (0..10).map(move |i| format!("process{n} {i}")))
        .collect();
    expected.sort();
    assert_eq!(notes, expected);
}

#[test]
fn a_file_broken_on_disk_after_load_is_not_overwritten() {
    let (_dir, path, mut store) = saved_store();
    fs::write(
        &path,
        "schema = \"byline-annotations\"\nschema_version = 1\n[[annotation]\n",
    )
    .unwrap();
    store.add_tag(&article(), "x");
    let err = store.save().unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "not saving to {p}: {p}: line 3, column 14: not valid TOML: {m}. Your changes are kept in memory; save them to another file",
            p = path.display(),
            m = "unclosed array of tables"
        )
        .replace("unclosed array of tables", &message_of(&err))
    );
    assert!(err.to_string().contains("line 3, column"));
    assert!(store.save_blocked_reason().is_some());
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .ends_with("[[annotation]\n")
    );
}

fn message_of(err: &SaveError) -> String {
    match err {
        SaveError::Blocked {
            reason: byline::annotations::LoadError::Syntax { message, .. },
        } => message.clone(),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_missing_folder_is_created_on_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("not/yet/there/notes.toml");
    let mut store = Store::open(&path).unwrap();
    store.add_tag(&article(), "geneva");
    store.save().unwrap();
    assert_eq!(
        Store::open(&path).unwrap().article_tags(&article().id),
        vec!["geneva"]
    );
}

#[test]
fn a_path_through_a_file_is_reported_and_edits_can_be_saved_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("plain-file");
    fs::write(&blocker, "not a folder").unwrap();
    let path = blocker.join("byline.toml");
    let mut store = Store::open_or_hold(&path);
    let reason = store
        .save_blocked_reason()
        .expect("cannot be used")
        .to_string();
    assert!(
        reason.starts_with(&format!(
            "cannot read the annotations file {}: Not a directory",
            path.display()
        )),
        "{reason}"
    );
    store.add_tag(&article(), "geneva");
    let err = store.save().unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "not saving to {}: {reason}. Your changes are kept in memory; save them to another file",
            path.display()
        )
    );
    assert!(store.is_dirty());
    let rescue = dir.path().join("rescue.toml");
    store.save_as(&rescue).unwrap();
    assert_eq!(
        Store::open(&rescue).unwrap().article_tags(&article().id),
        vec!["geneva"]
    );
    assert_eq!(fs::read_to_string(&blocker).unwrap(), "not a folder");
}

#[test]
fn a_read_only_folder_says_so_and_keeps_the_edits() {
    let (dir, path, mut store) = saved_store();
    let old = fs::read(&path).unwrap();
    store.add_tag(&article(), "geneva");
    // Simulated (tests may run as root, for whom permissions do not apply) ...
    store.fail_next_save_at(SaveStep::CreateTemp, ErrorKind::PermissionDenied);
    let err = store.save().unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "cannot save annotations to {}: the folder {} is not writable (simulated failure). Your changes are kept in memory; save them to another file",
            path.display(),
            dir.path().display()
        )
    );
    assert_eq!(fs::read(&path).unwrap(), old);
    // ... and for real when permissions apply.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
        if fs::write(dir.path().join("probe"), "x").is_ok() {
            eprintln!("running as root: the real read-only folder check is skipped");
            let _ = fs::remove_file(dir.path().join("probe"));
        } else {
            let err = store.save().unwrap_err();
            let msg = err.to_string();
            assert!(
                msg.contains(&format!(
                    "the folder {} is not writable (",
                    dir.path().display()
                )),
                "{msg}"
            );
            assert_eq!(fs::read(&path).unwrap(), old);
        }
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert!(store.is_dirty());
    store.save().unwrap();
    assert_eq!(
        Store::open(&path).unwrap().article_tags(&article().id),
        vec!["geneva"]
    );
}

#[test]
fn refresh_pulls_in_changes_made_elsewhere() {
    let (_dir, path, mut store) = saved_store();
    let mut other = Store::open(&path).unwrap();
    let id = other.add_tag(&article(), "elsewhere").unwrap();
    other.save().unwrap();
    assert!(store.refresh().unwrap());
    assert!(store.annotation(id).is_some());
    assert!(!store.is_dirty());
    assert!(!store.refresh().unwrap());
}

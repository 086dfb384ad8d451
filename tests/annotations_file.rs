//! The annotation file: exact round trips, hand edits surviving saves, and the messages a
//! user sees when the file cannot be used.

use std::fs;
use std::path::Path;

use byline::annotations::{AnchorStatus, Correction, LoadError, SaveError, Store};
use byline::article::Article;
use byline::entities::EntityKind;
use proptest::prelude::*;

const TEXT: &str = "Kerry and Lavrov meet in Geneva\n\n\
Secretary of State John Kerry met Foreign Minister Sergei Lavrov in Geneva on Friday.\n\n\
The two men discussed the Minsk agreements, the Iran nuclear program and sanctions.\n\n\
Erdoğan was not there; “quotes” and émigrés were.\n";

fn article() -> Article {
    Article::from_text("/library/kerry.txt", TEXT)
}

fn range_of(text: &str, quote: &str) -> std::ops::Range<usize> {
    let s = text.find(quote).expect("quote in text");
    s..s + quote.len()
}

#[test]
fn a_saved_file_reads_back_and_looks_like_the_readme() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.toml");
    let art = article();
    let mut store = Store::open(&path).unwrap();
    let h = store
        .add_highlight(&art, range_of(TEXT, "Sergei Lavrov"), Some(1))
        .unwrap();
    store.set_note(h, Some("First meeting since March.\nCheck the date."));
    store.set_annotation_tags(h, &["diplomacy".into(), "lavrov".into()]);
    store.add_tag(&art, "geneva");
    store.toggle_read(&art);
    store
        .add_correction(
            Correction::Rename {
                entity: "person:kerry".into(),
                name: "John Kerry".into(),
            },
            None,
        )
        .unwrap();
    let out = store.save().unwrap();
    assert!(out.written && !out.merged());
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# byline annotations"));
    assert!(text.contains("schema = \"byline-annotations\"\nschema_version = 1\n"));
    assert!(text.contains("[[article]]\nid = \""));
    assert!(text.contains("status = \"read\""));
    assert!(text.contains("motivation = \"highlighting\""));
    assert!(text.contains("quote = \"Sergei Lavrov\""));
    assert!(
        text.contains("note = '''\nFirst meeting since March.\nCheck the date.'''"),
        "{text}"
    );
    assert!(text.contains("tags = [\"diplomacy\", \"lavrov\"]"));
    assert!(text.contains("correction = \"rename\""));
    let again = Store::open(&path).unwrap();
    assert_eq!(again.set(), store.set());
    assert!(!again.is_dirty());
}

#[test]
fn comments_and_unknown_keys_survive_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.toml");
    let art = article();
    let mut store = Store::open(&path).unwrap();
    let h = store
        .add_highlight(&art, range_of(TEXT, "Minsk agreements"), None)
        .unwrap();
    store.save().unwrap();
    // The user edits the file by hand: comments, a key of their own, a table of their own.
    let mut text = fs::read_to_string(&path).unwrap();
    text = text.replacen(
        "schema_version = 1\n",
        "schema_version = 1\n# my reading list for the seminar\nowner = \"ana\"\n",
        1,
    );
    text = text.replacen(
        "motivation = \"highlighting\"",
        "motivation = \"highlighting\"  # the key passage\ncolour = \"yellow\"",
        1,
    );
    text.push_str("\n[my_settings]\ntheme = \"sepia\" # keep me\n");
    fs::write(&path, &text).unwrap();

    let mut store = Store::open(&path).unwrap();
    store.set_note(h, Some("Why Minsk matters"));
    store.add_tag(&art, "ukraine");
    store.save().unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    for kept in [
        "# my reading list for the seminar",
        "owner = \"ana\"",
        "motivation = \"highlighting\"  # the key passage",
        "colour = \"yellow\"",
        "[my_settings]",
        "theme = \"sepia\" # keep me",
        "note = \"Why Minsk matters\"",
        "tags = [\"ukraine\"]",
    ] {
        assert!(saved.contains(kept), "missing {kept:?} in\n{saved}");
    }
    // Nothing else moved: the saved file is the hand-edited one plus our changes.
    let before_lines: Vec<&str> = text.lines().collect();
    let after_lines: Vec<&str> = saved.lines().collect();
    for line in &before_lines {
        if !line.starts_with("modified") {
            assert!(after_lines.contains(line), "line {line:?} lost");
        }
    }
}

fn write(dir: &Path, text: &str) -> std::path::PathBuf {
    let p = dir.join("byline.toml");
    fs::write(&p, text).unwrap();
    p
}

#[test]
fn corrupt_file_names_line_and_column_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "schema = \"byline-annotations\"\nschema_version = 1\n\n[[annotation]]\nid = \"x\nnote = 3\n";
    let path = write(dir.path(), broken);
    let err = Store::open(&path).unwrap_err();
    assert_eq!(err.location(), Some((5, 8)));
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!(
            "{}: line 5, column 8: not valid TOML: ",
            path.display()
        )),
        "{msg}"
    );
    // The interface keeps going, with edits in memory, and refuses to write there.
    let mut store = Store::open_or_hold(&path);
    assert_eq!(
        store.save_blocked_reason().unwrap().location(),
        Some((5, 8))
    );
    store
        .add_highlight(&article(), range_of(TEXT, "Geneva"), None)
        .unwrap();
    let err = store.save().unwrap_err();
    assert!(matches!(err, SaveError::Blocked { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "not saving to {p}: {p}: line 5, column 8: not valid TOML: {m}. Your changes are kept in memory; save them to another file",
            p = path.display(),
            m = match store.save_blocked_reason().unwrap() {
                LoadError::Syntax { message, .. } => message.clone(),
                other => panic!("{other:?}"),
            }
        )
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    assert!(store.is_dirty());
    // Save elsewhere works, and the store now uses that file.
    let other = dir.path().join("rescued.toml");
    store.save_as(&other).unwrap();
    assert_eq!(store.path(), other);
    assert_eq!(Store::open(&other).unwrap().set(), store.set());
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    assert!(!path.with_extension("toml.bak").exists());
}

#[test]
fn newer_schema_is_refused_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    let text = "schema = \"byline-annotations\"\nschema_version = 2\n[[annotation]]\nmotivation = \"linking\"\n";
    let path = write(dir.path(), text);
    let err = Store::open(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: line 2, column 18: schema_version 2 is newer than this byline understands (1); upgrade byline to use this file",
            path.display()
        )
    );
    let mut store = Store::open_or_hold(&path);
    store.add_tag(&article(), "x");
    assert!(store.save().is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn invalid_values_are_reported_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str)] = &[
        (
            "schema = \"byline-annotations\"\nschema_version = 1\n[[annotation]]\nid = \"6f1c2a8e-8d4b-4f7e-9d62-0c1f5b0a7e11\"\nmotivation = \"liking\"\ncreated = 2025-03-01T09:30:00Z\n",
            "line 5, column 14: motivation must be highlighting, commenting, tagging, bookmarking, identifying or classifying, found \"liking\"",
        ),
        (
            "schema = \"byline-annotations\"\nschema_version = 1\n[[annotation]]\nid = \"not-a-uuid\"\n",
            "line 4, column 6: id \"not-a-uuid\" is not a UUID",
        ),
        (
            "schema = \"byline-annotations\"\nschema_version = 1\n[[article]]\nid = \"a\"\nstatus = \"skimmed\"\n",
            "line 5, column 10: status must be \"read\" or \"unread\", found \"skimmed\"",
        ),
        (
            "schema = \"byline-annotations\"\nschema_version = 1\n[[annotation]]\nid = \"6f1c2a8e-8d4b-4f7e-9d62-0c1f5b0a7e11\"\nmotivation = \"commenting\"\ncreated = 2025-03-01T09:30:00\n",
            "line 6, column 11: created must be a date and time with a UTC offset, like 2025-03-01T09:30:00Z; found 2025-03-01T09:30:00",
        ),
        (
            "title = \"my notes\"\n",
            "line 1, column 1: this is not a byline annotations file: it has no `schema = \"byline-annotations\"` line",
        ),
        (
            "schema = \"byline-annotations\"\nschema_version = 1\nannotation = []\n",
            "line 3, column 14: `annotation` must be written as [[annotation]] tables",
        ),
    ];
    for (text, expected) in cases {
        let path = write(dir.path(), text);
        let err = Store::open(&path).unwrap_err();
        assert_eq!(err.to_string(), format!("{}: {expected}", path.display()));
    }
}

#[test]
fn missing_file_is_an_empty_store_and_nothing_is_written_until_an_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.toml");
    let mut store = Store::open(&path).unwrap();
    assert!(store.set().annotations.is_empty());
    let out = store.save().unwrap();
    assert!(!out.written);
    assert!(!path.exists());
}

// ---------------------------------------------------------------------------------------
// Property: random edit sequences round-trip exactly.

#[derive(Debug, Clone)]
enum Op {
    Highlight(usize, usize),
    Note(Option<(usize, usize)>, String),
    SetNote(usize, Option<String>),
    Tags(usize, Vec<String>),
    AddTag(String),
    RemoveTag(usize),
    Bookmark(usize),
    ToggleRead,
    Position(usize),
    Correct(u8, String),
    Delete(usize),
    Undelete(usize),
    Save,
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,12}",
        "\\PC{0,20}",
        Just("line one\nline two".to_string()),
        Just("quote ' and \"double\" and ''' and \\ backslash".to_string()),
        Just("tab\tand\u{7f}control\u{1}".to_string()),
        Just("ends with '\n".to_string()),
    ]
}

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0usize..200, 1usize..40).prop_map(|(a, b)| Op::Highlight(a, b)),
        (
            proptest::option::of((0usize..200, 1usize..40)),
            text_strategy()
        )
            .prop_map(|(r, t)| Op::Note(r, t)),
        (0usize..20, proptest::option::of(text_strategy())).prop_map(|(i, t)| Op::SetNote(i, t)),
        (0usize..20, proptest::collection::vec(text_strategy(), 0..4))
            .prop_map(|(i, t)| Op::Tags(i, t)),
        text_strategy().prop_map(Op::AddTag),
        (0usize..5).prop_map(Op::RemoveTag),
        (0usize..250).prop_map(Op::Bookmark),
        Just(Op::ToggleRead),
        (0usize..300).prop_map(Op::Position),
        (0u8..5, text_strategy()).prop_map(|(k, s)| Op::Correct(k, s)),
        (0usize..20).prop_map(Op::Delete),
        (0usize..20).prop_map(Op::Undelete),
        Just(Op::Save),
    ]
}

/// The char-boundary byte range starting near char `a`, `len` chars long (clamped).
fn char_range(text: &str, a: usize, len: usize) -> std::ops::Range<usize> {
    let starts: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let n = starts.len() - 1;
    let s = a % n;
    let e = (s + len).min(n).max(s + 1);
    starts[s]..starts[e]
}

fn apply(store: &mut Store, articles: &[Article], op: &Op, step: usize) {
    let art = &articles[step % articles.len()];
    let ids: Vec<uuid::Uuid> = store.set().annotations.iter().map(|a| a.id).collect();
    let pick = |i: usize| ids.get(i % ids.len().max(1)).copied();
    match op {
        Op::Highlight(a, l) => {
            store
                .add_highlight(art, char_range(&art.text, *a, *l), Some(a % 4))
                .unwrap();
        }
        Op::Note(r, t) => {
            let r = r.map(|(a, l)| char_range(&art.text, a, l));
            store.add_note(art, r, None, t).unwrap();
        }
        Op::SetNote(i, t) => {
            if let Some(id) = pick(*i) {
                store.set_note(id, t.as_deref());
            }
        }
        Op::Tags(i, t) => {
            if let Some(id) = pick(*i) {
                store.set_annotation_tags(id, t);
            }
        }
        Op::AddTag(t) => {
            store.add_tag(art, t);
        }
        Op::RemoveTag(i) => {
            let tags = store.article_tags(&art.id);
            if let Some(t) = tags.get(i % tags.len().max(1)) {
                store.remove_tag(&art.id.clone(), &t.clone());
            }
        }
        Op::Bookmark(at) => {
            let b = char_range(&art.text, *at, 1).start;
            store.add_bookmark(art, b..b, None).unwrap();
        }
        Op::ToggleRead => {
            store.toggle_read(art);
        }
        Op::Position(p) => store.set_last_position(art, char_range(&art.text, *p, 1).start),
        Op::Correct(k, s) => {
            let c = match k {
                0 => Correction::Rename {
                    entity: "person:kerry".into(),
                    name: s.clone(),
                },
                1 => Correction::ChangeKind {
                    entity: s.clone(),
                    kind: EntityKind::Organization,
                },
                2 => Correction::Merge {
                    entity: s.clone(),
                    into: "place:geneva".into(),
                },
                3 => Correction::Hide { entity: s.clone() },
                _ => Correction::Add {
                    name: s.clone(),
                    kind: EntityKind::Topic,
                },
            };
            let mention = (*k == 4).then(|| (art, char_range(&art.text, s.len(), 5), None));
            store.add_correction(c, mention).unwrap();
        }
        Op::Delete(i) => {
            if let Some(id) = pick(*i) {
                store.delete(id);
            }
        }
        Op::Undelete(i) => {
            if let Some(id) = pick(*i) {
                store.undelete(id);
            }
        }
        Op::Save => {
            store.save().unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_edit_sequences_round_trip_exactly(ops in proptest::collection::vec(op_strategy(), 1..30)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("byline.toml");
        let articles = vec![
            article(),
            Article::from_text("/library/other.md", "---\ntitle: Other\n---\nA short piece about sanctions and Ankara.\n"),
        ];
        let mut store = Store::open(&path).unwrap();
        for (i, op) in ops.iter().enumerate() {
            apply(&mut store, &articles, op, i);
        }
        store.save().unwrap();
        let reopened = Store::open(&path).unwrap();
        prop_assert_eq!(reopened.set(), store.set());
        // Editing the reopened file rewrites only what changed: here a note set and set
        // back, so only `modified` lines may differ.
        let before = fs::read_to_string(&path).unwrap_or_default();
        let mut again = Store::open(&path).unwrap();
        let first_live = again.live().next().map(|a| a.id);
        if let Some(id) = first_live {
            let note = again.annotation(id).unwrap().note.clone();
            again.set_note(id, Some("temp"));
            again.set_note(id, note.as_deref());
            again.save().unwrap();
            let after = fs::read_to_string(&path).unwrap();
            let b: Vec<&str> = before.lines().collect();
            let a: Vec<&str> = after.lines().collect();
            prop_assert_eq!(b.len(), a.len());
            for (x, y) in b.iter().zip(a.iter()) {
                prop_assert!(x == y || (x.starts_with("modified = ") && y.starts_with("modified = ")), "{} vs {}", x, y);
            }
            let reread = Store::open(&path).unwrap();
            prop_assert_eq!(reread.set(), again.set());
        }
        for a in store.set().annotations.iter() {
            if let Some(an) = &a.anchor {
                prop_assert_eq!(an.status, AnchorStatus::Anchored);
            }
        }
    }
}

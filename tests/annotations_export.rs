//! Export: Markdown per article and JSON with every field, from the library and the CLI.

use std::fs;
use std::process::Command;

use byline::annotations::{Correction, Store, export_json, export_markdown};
use byline::article::Article;
use byline::entities::EntityKind;

const TEXT: &str = "---\ntitle: Talks in Geneva\nsource: The Example Times\nurl: https://example.org/geneva\n---\n\
Secretary of State John Kerry met Foreign Minister Sergei Lavrov in Geneva on Friday.\n\n\
They discussed the Minsk agreements.\nAnd sanctions, at length.\n\nErdoğan was not there.\n";

fn span(text: &str, quote: &str) -> std::ops::Range<usize> {
    let s = text.find(quote).expect("quote in text");
    s..s + quote.len()
}

fn library(dir: &std::path::Path) -> (Article, Store) {
    let file = dir.join("geneva.md");
    fs::write(&file, TEXT).unwrap();
    let art = Article::from_text(&file, TEXT);
    let mut store = Store::open(dir.join("byline.toml")).unwrap();
    let h = store
        .add_highlight(
            &art,
            span(
                &art.text,
                "They discussed the Minsk agreements.\nAnd sanctions",
            ),
            Some(1),
        )
        .unwrap();
    store.set_note(h, Some("The heart of it."));
    store.set_annotation_tags(h, &["minsk".into(), "sanctions".into()]);
    // Added after, but earlier in the text: exported first.
    store
        .add_highlight(&art, span(&art.text, "Sergei Lavrov"), None)
        .unwrap();
    store
        .add_note(&art, None, None, "Compare with the Moscow account.")
        .unwrap();
    store.add_tag(&art, "diplomacy");
    store.add_tag(&art, "geneva");
    let gone = store.add_tag(&art, "removed").unwrap();
    store.delete(gone);
    store
        .add_correction(
            Correction::ChangeKind {
                entity: "place:geneva".into(),
                kind: EntityKind::Organization,
            },
            None,
        )
        .unwrap();
    store.toggle_read(&art);
    store.save().unwrap();
    (art, store)
}

#[test]
fn markdown_has_title_source_quotes_notes_and_tags_in_reading_order() {
    let dir = tempfile::tempdir().unwrap();
    let (art, store) = library(dir.path());
    let md = export_markdown(std::slice::from_ref(&art), store.set());
    let expected = format!(
        "# Annotations\n\n\
## Talks in Geneva\n\n\
Source: The Example Times <https://example.org/geneva> · `{}`\n\n\
> Sergei Lavrov\n\n\
> They discussed the Minsk agreements.\n\
> And sanctions\n\n\
The heart of it.\n\n\
Tags: `minsk`, `sanctions`\n\n\
### Notes\n\n\
Compare with the Moscow account.\n\n\
Tags: `diplomacy`, `geneva`\n\n\
## Entity corrections\n\n\
- change the kind of `place:geneva` to organization\n",
        art.path.display()
    );
    assert_eq!(md, expected);
    assert!(
        !md.contains("removed"),
        "deleted annotations are not exported"
    );
}

#[test]
fn json_has_every_field_with_char_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let (art, store) = library(dir.path());
    let v = export_json(std::slice::from_ref(&art), store.set());
    let a = &v["articles"][0];
    assert_eq!(a["id"], art.id.as_str());
    assert_eq!(a["title"], "Talks in Geneva");
    assert_eq!(a["source"], "The Example Times");
    assert_eq!(a["status"], "read");
    assert_eq!(a["tags"], serde_json::json!(["diplomacy", "geneva"]));
    let anns = a["annotations"].as_array().unwrap();
    assert_eq!(anns.len(), 3);
    let lavrov = &anns[0]["anchor"];
    assert_eq!(lavrov["quote"], "Sergei Lavrov");
    let chars_before = art.text[..art.text.find("Sergei").unwrap()].chars().count();
    assert_eq!(lavrov["start"], chars_before);
    assert_eq!(lavrov["end"], chars_before + 13);
    assert_eq!(lavrov["status"], "anchored");
    assert_eq!(
        lavrov["prefix"],
        "e John Kerry met Foreign Minister "
            .chars()
            .skip(2)
            .collect::<String>()
    );
    let minsk = &anns[1];
    assert_eq!(minsk["motivation"], "highlighting");
    assert_eq!(minsk["note"], "The heart of it.");
    assert_eq!(minsk["tags"], serde_json::json!(["minsk", "sanctions"]));
    assert_eq!(minsk["anchor"]["block"], 1);
    for key in ["id", "article", "created", "modified", "correction"] {
        assert!(minsk.get(key).is_some(), "missing {key}");
    }
    assert_eq!(anns[2]["anchor"], serde_json::Value::Null);
    assert_eq!(anns[2]["note"], "Compare with the Moscow account.");
    let c = &v["corrections"][0]["correction"];
    assert_eq!(
        c,
        &serde_json::json!({"action": "change_kind", "entity": "place:geneva", "kind": "organization"})
    );
}

#[test]
fn the_cli_exports_markdown_and_json_using_the_library_folder_file() {
    let dir = tempfile::tempdir().unwrap();
    let (art, _) = library(dir.path());
    let bin = env!("CARGO_BIN_EXE_byline");
    let out = Command::new(bin)
        .args([
            "export",
            dir.path().to_str().unwrap(),
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("## Talks in Geneva"), "{md}");
    assert!(
        md.contains("> They discussed the Minsk agreements.\n> And sanctions\n\nThe heart of it.")
    );

    let json_file = dir.path().join("out.json");
    let out = Command::new(bin)
        .args([
            "export",
            dir.path().to_str().unwrap(),
            "--format",
            "json",
            "--out",
        ])
        .arg(&json_file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json_file).unwrap()).unwrap();
    assert_eq!(v["articles"][0]["id"], art.id.as_str());
    assert_eq!(v["articles"][0]["annotations"].as_array().unwrap().len(), 3);
}

#[test]
fn the_cli_reports_a_broken_annotations_file_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.toml");
    fs::write(
        &file,
        "schema = \"byline-annotations\"\nschema_version = 1\nnote = \n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["export", "--annotations"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with(&format!(
            "byline: {}: line 3, column 8: not valid TOML: ",
            file.display()
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

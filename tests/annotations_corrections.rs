//! Entity corrections: recorded as annotations, applied to the extractor's index on every
//! start.

use byline::annotations::corrections::entity_id;
use byline::annotations::{Correction, Store, apply_corrections};
use byline::article::Article;
use byline::entities::{Entity, EntityIndex, EntityKind, Mention};

const TEXT: &str = "Kerry met Lavrov in Geneva. Later John Kerry spoke to the Minsk Group. \
The Minsk Group said little. Sputnik reported it.\n";

fn m(text: &str, word: &str, nth: usize) -> Mention {
    let (s, w) = text.match_indices(word).nth(nth).unwrap();
    Mention {
        article: 0,
        start: s,
        end: s + w.len(),
    }
}

fn entity(id: &str, name: &str, kind: EntityKind, mentions: Vec<Mention>) -> Entity {
    Entity {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: vec![],
        mentions,
    }
}

fn index(art: &Article) -> EntityIndex {
    let t = &art.text;
    EntityIndex::new(
        vec![
            entity(
                "person:kerry",
                "Kerry",
                EntityKind::Person,
                vec![m(t, "Kerry", 0)],
            ),
            entity(
                "person:john-kerry",
                "John Kerry",
                EntityKind::Person,
                vec![m(t, "John Kerry", 0)],
            ),
            entity(
                "person:lavrov",
                "Lavrov",
                EntityKind::Person,
                vec![m(t, "Lavrov", 0)],
            ),
            entity(
                "place:minsk-group",
                "Minsk Group",
                EntityKind::Place,
                vec![m(t, "Minsk Group", 0), m(t, "Minsk Group", 1)],
            ),
            entity(
                "place:geneva",
                "Geneva",
                EntityKind::Place,
                vec![m(t, "Geneva", 0)],
            ),
        ],
        1,
    )
}

#[test]
fn corrections_survive_a_restart_and_apply_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.toml");
    let art = Article::from_text("/library/a.txt", TEXT);
    let mut store = Store::open(&path).unwrap();
    let c = |store: &mut Store, c: Correction| store.add_correction(c, None).unwrap();
    c(
        &mut store,
        Correction::Merge {
            entity: "person:kerry".into(),
            into: "person:john-kerry".into(),
        },
    );
    // Later corrections naming the merged entity follow it.
    c(
        &mut store,
        Correction::Rename {
            entity: "person:kerry".into(),
            name: "John F. Kerry".into(),
        },
    );
    c(
        &mut store,
        Correction::ChangeKind {
            entity: "place:minsk-group".into(),
            kind: EntityKind::Organization,
        },
    );
    c(
        &mut store,
        Correction::Hide {
            entity: "place:geneva".into(),
        },
    );
    c(
        &mut store,
        Correction::Rename {
            entity: "person:nobody".into(),
            name: "X".into(),
        },
    );
    let s = art.text.find("Sputnik").unwrap();
    store
        .add_correction(
            Correction::Add {
                name: "Sputnik".into(),
                kind: EntityKind::Organization,
            },
            Some((&art, s..s + 7, None)),
        )
        .unwrap();
    store.save().unwrap();

    let store = Store::open(&path).unwrap();
    let mut idx = index(&art);
    let report = apply_corrections(&mut idx, std::slice::from_ref(&art), store.corrections());
    assert_eq!(report.applied, 5);
    assert_eq!(
        report.skipped,
        vec!["rename of person:nobody: no such entity now".to_string()]
    );
    assert_eq!(report.hidden, vec!["place:geneva".to_string()]);

    let kerry = idx.find("person:john-kerry").unwrap();
    assert_eq!(kerry.name, "John F. Kerry");
    assert_eq!(kerry.aliases, vec!["John Kerry", "Kerry"]);
    assert_eq!(kerry.mentions.len(), 2);
    assert!(idx.find("person:kerry").is_none());
    assert_eq!(
        idx.find("place:minsk-group").unwrap().kind,
        EntityKind::Organization
    );
    assert!(idx.find("place:geneva").is_none());
    let sputnik = idx
        .find(&entity_id(EntityKind::Organization, "Sputnik"))
        .unwrap();
    assert_eq!(sputnik.id, "organization:sputnik");
    assert_eq!(
        sputnik.mentions,
        vec![Mention {
            article: 0,
            start: s,
            end: s + 7
        }]
    );
    // The per-article view was rebuilt too.
    assert!(
        idx.by_article(0)
            .iter()
            .any(|(i, _)| idx.entities[*i].id == "organization:sputnik")
    );
    assert!(
        idx.by_article(0)
            .iter()
            .all(|(i, _)| idx.entities[*i].id != "place:geneva")
    );
}

#[test]
fn a_deleted_correction_is_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    let art = Article::from_text("/library/a.txt", TEXT);
    let mut store = Store::open(dir.path().join("byline.toml")).unwrap();
    let id = store
        .add_correction(
            Correction::Hide {
                entity: "person:lavrov".into(),
            },
            None,
        )
        .unwrap();
    store.delete(id);
    let mut idx = index(&art);
    let report = apply_corrections(&mut idx, std::slice::from_ref(&art), store.corrections());
    assert_eq!(report.applied, 0);
    assert!(idx.find("person:lavrov").is_some());
}

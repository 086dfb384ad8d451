//! Entity-level precision and recall on the five seed articles, against our own gold list
//! (tests/fixtures/seed_gold.toml), and the alias merges a reader relies on.
//! Skipped (with a message) when ../shared/seeds is absent.

use std::path::PathBuf;

use byline::entities::text::fold;
use byline::entities::{self, Entity, EntityIndex, EntityKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    not_entities: Vec<String>,
    ignore: Vec<String>,
    entity: Vec<GoldEntity>,
}

#[derive(Deserialize)]
struct GoldEntity {
    name: String,
    kind: String,
    #[serde(default)]
    merge: Vec<String>,
}

fn seeds() -> Option<PathBuf> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: {} is absent", dir.display());
        None
    }
}

fn gold() -> Gold {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed_gold.toml");
    toml::from_str(&std::fs::read_to_string(path).expect("fixture readable"))
        .expect("fixture parses")
}

fn forms(e: &Entity) -> Vec<String> {
    std::iter::once(&e.name)
        .chain(&e.aliases)
        .map(|s| fold(s))
        .collect()
}

fn index() -> Option<EntityIndex> {
    let dir = seeds()?;
    let corpus = byline::corpus::load(&[dir]).expect("seeds load");
    assert_eq!(corpus.articles.len(), 5);
    Some(entities::extract(&corpus, &[]))
}

fn named<'a>(idx: &'a EntityIndex, name: &str) -> Option<&'a Entity> {
    let f = fold(name);
    idx.entities
        .iter()
        .find(|e| e.kind != EntityKind::Topic && forms(e).contains(&f))
}

#[test]
fn seed_precision_and_recall_per_kind() {
    let Some(idx) = index() else { return };
    let gold = gold();
    let ignore: Vec<String> = gold.ignore.iter().map(|s| fold(s)).collect();
    // Measured floors (see the entities section of BENCHMARKS.md); the extractor is
    // deterministic, so a drop below them is a regression.
    let floors = [
        ("person", 0.80, 0.88),
        ("place", 0.90, 0.85),
        ("organization", 0.75, 0.70),
    ];
    let mut report = String::new();
    let mut failed = false;
    for (kind, min_p, min_r) in floors {
        let k = EntityKind::parse(kind).expect("kind");
        let golds: Vec<&GoldEntity> = gold.entity.iter().filter(|g| g.kind == kind).collect();
        let gold_forms: Vec<Vec<String>> = golds
            .iter()
            .map(|g| {
                std::iter::once(&g.name)
                    .chain(&g.merge)
                    .map(|s| fold(s))
                    .collect()
            })
            .collect();
        let predicted: Vec<&Entity> = idx
            .entities
            .iter()
            .filter(|e| e.kind == k && !forms(e).iter().any(|f| ignore.contains(f)))
            .collect();
        let tp_pred = predicted
            .iter()
            .filter(|e| {
                gold_forms
                    .iter()
                    .any(|g| forms(e).iter().any(|f| g.contains(f)))
            })
            .count();
        let found = gold_forms
            .iter()
            .filter(|g| {
                predicted
                    .iter()
                    .any(|e| forms(e).iter().any(|f| g.contains(f)))
            })
            .count();
        let p = tp_pred as f64 / predicted.len().max(1) as f64;
        let r = found as f64 / golds.len().max(1) as f64;
        report.push_str(&format!(
            "{kind}: P {p:.3} ({tp_pred}/{}) R {r:.3} ({found}/{})\n",
            predicted.len(),
            golds.len()
        ));
        for e in &predicted {
            if !gold_forms
                .iter()
                .any(|g| forms(e).iter().any(|f| g.contains(f)))
            {
                report.push_str(&format!("  extra: {}\n", e.name));
            }
        }
        for g in &golds {
            if named(&idx, &g.name).is_none_or(|e| e.kind != k) {
                report.push_str(&format!("  missed: {}\n", g.name));
            }
        }
        failed |= p < min_p || r < min_r;
    }
    eprintln!("{report}");
    assert!(!failed, "below the measured floors:\n{report}");
}

#[test]
fn seed_variants_merge_into_one_entity() {
    let Some(idx) = index() else { return };
    for g in gold().entity.iter().filter(|g| !g.merge.is_empty()) {
        let e = named(&idx, &g.name).unwrap_or_else(|| panic!("{} not found", g.name));
        assert_eq!(e.kind.as_str(), g.kind, "{}", g.name);
        for m in &g.merge {
            // Every variant that occurs must be part of the same entity.
            if let Some(other) = named(&idx, m) {
                assert_eq!(other.id, e.id, "{m:?} should merge into {}", g.name);
            }
        }
    }
    assert_eq!(
        idx.find("person:john-kerry").map(|e| e.name.as_str()),
        Some("John Kerry")
    );
    assert_eq!(
        idx.find("person:sergei-lavrov").map(|e| e.name.as_str()),
        Some("Sergei Lavrov")
    );
    let us = idx.find("place:united-states").expect("United States");
    assert!(us.aliases.iter().any(|a| a == "U.S."), "{:?}", us.aliases);
}

#[test]
fn seed_sentence_starts_and_labels_are_not_entities() {
    let Some(idx) = index() else { return };
    for word in gold().not_entities {
        assert!(
            named(&idx, &word).is_none(),
            "{word:?} should not be an entity"
        );
    }
    assert!(
        named(&idx, "Russian").is_none(),
        "demonym used as an adjective"
    );
}

#[test]
fn seed_topics_recur_across_articles() {
    let Some(idx) = index() else { return };
    let topics: Vec<&Entity> = idx
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Topic)
        .collect();
    assert!(!topics.is_empty());
    assert!(topics.iter().all(|t| t.article_count() >= 2));
    assert!(
        topics.iter().any(|t| t.name == "sanctions"),
        "{:?}",
        topics.iter().map(|t| &t.name).collect::<Vec<_>>()
    );
}

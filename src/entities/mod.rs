//! People, places, organizations and topics, found per article and resolved across the
//! library into one entity per real-world thing.

use serde::{Deserialize, Serialize};

/// The four kinds of entity the sidebar groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Place,
    Organization,
    Topic,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Organization,
        EntityKind::Topic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Topic => "topic",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One occurrence of an entity in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Index into `Corpus::articles`.
    pub article: usize,
    /// Byte range into `Article::text`.
    pub start: usize,
    pub end: usize,
}

/// One real-world thing, with every surface form and mention found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable across runs: kind plus normalised canonical name (e.g. `person:john-kerry`).
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
}

/// All entities of a library.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    pub entities: Vec<Entity>,
}

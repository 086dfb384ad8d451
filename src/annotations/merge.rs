//! Merging two copies of the annotation set by id, for when the file changed on disk
//! between our load and our save (another byline, a `git pull`, a hand edit).
//!
//! Three-way: `base` is what we loaded (or last saved), `ours` is memory, `theirs` is
//! the disk. An item only one side changed takes that side's version (so a hand edit
//! that forgot to bump `modified` still wins over our untouched copy); an item both
//! changed takes the newest `modified`, a deletion winning a tie. Deletions are
//! tombstones, so nothing deleted comes back, and nothing added on either side is lost.
//! The one case where an item disappears is when the other side removed its table
//! entirely while we did not touch it: that is a deliberate hand edit and is honoured.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use jiff::Timestamp;

use super::model::{Annotation, AnnotationSet, ArticleRecord};

/// What a merge did, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MergeStats {
    /// Items whose disk version was taken over ours (or that only the disk had).
    pub from_disk: usize,
    /// Items both sides changed (resolved by newest `modified`).
    pub conflicts: usize,
}

trait Versioned: Clone + PartialEq {
    type Id: Eq + Hash + Clone;
    fn key(&self) -> Self::Id;
    fn stamp(&self) -> (Option<Timestamp>, bool);
}

impl Versioned for Annotation {
    type Id = uuid::Uuid;
    fn key(&self) -> uuid::Uuid {
        self.id
    }
    fn stamp(&self) -> (Option<Timestamp>, bool) {
        (Some(self.modified), self.deleted)
    }
}

impl Versioned for ArticleRecord {
    type Id = String;
    fn key(&self) -> String {
        self.id.clone()
    }
    fn stamp(&self) -> (Option<Timestamp>, bool) {
        (self.modified, false)
    }
}

fn merge_items<T: Versioned>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    stats: &mut MergeStats,
) -> Vec<T> {
    let base: HashMap<T::Id, &T> = base.iter().map(|x| (x.key(), x)).collect();
    let ours_by: HashMap<T::Id, &T> = ours.iter().map(|x| (x.key(), x)).collect();
    let theirs_ids: HashSet<T::Id> = theirs.iter().map(Versioned::key).collect();
    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    // Disk order first, so the file's order is kept; then what only we have.
    for t in theirs {
        let id = t.key();
        let b = base.get(&id).copied();
        let chosen = match ours_by.get(&id).copied() {
            None => {
                stats.from_disk += usize::from(b.is_none());
                t
            }
            Some(o) if o == t => o,
            Some(o) if Some(o) == b => {
                stats.from_disk += 1;
                t
            }
            Some(o) if Some(t) == b => o,
            Some(o) => {
                stats.conflicts += 1;
                if t.stamp() > o.stamp() {
                    stats.from_disk += 1;
                    t
                } else {
                    o
                }
            }
        };
        out.push(chosen.clone());
    }
    for o in ours {
        let id = o.key();
        if theirs_ids.contains(&id) {
            continue;
        }
        let removed_by_hand_and_untouched = base.get(&id).is_some_and(|b| *b == o);
        if !removed_by_hand_and_untouched {
            out.push(o.clone());
        }
    }
    out
}

/// Merges our set with the disk's, given the set both started from.
pub fn merge(
    base: &AnnotationSet,
    ours: &AnnotationSet,
    theirs: &AnnotationSet,
) -> (AnnotationSet, MergeStats) {
    let mut stats = MergeStats::default();
    let articles = merge_items(&base.articles, &ours.articles, &theirs.articles, &mut stats);
    let annotations = merge_items(
        &base.annotations,
        &ours.annotations,
        &theirs.annotations,
        &mut stats,
    );
    (
        AnnotationSet {
            articles,
            annotations,
        },
        stats,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::model::Motivation;

    fn note(id: u128, text: &str, secs: i64) -> Annotation {
        Annotation {
            id: uuid::Uuid::from_u128(id),
            article: Some("a".into()),
            motivation: Motivation::Commenting,
            created: Timestamp::from_second(0).unwrap(),
            modified: Timestamp::from_second(secs).unwrap(),
            anchor: None,
            note: Some(text.into()),
            tags: vec![],
            correction: None,
            deleted: false,
        }
    }

    fn set(items: Vec<Annotation>) -> AnnotationSet {
        AnnotationSet {
            articles: vec![],
            annotations: items,
        }
    }

    #[test]
    fn both_sides_additions_are_kept() {
        let base = set(vec![note(1, "x", 1)]);
        let ours = set(vec![note(1, "x", 1), note(2, "ours", 5)]);
        let theirs = set(vec![note(1, "x", 1), note(3, "theirs", 5)]);
        let (m, stats) = merge(&base, &ours, &theirs);
        let ids: Vec<u128> = m.annotations.iter().map(|a| a.id.as_u128()).collect();
        assert_eq!(ids, vec![1, 3, 2]);
        assert_eq!(stats.from_disk, 1);
    }

    #[test]
    fn hand_edit_without_new_time_beats_untouched_copy() {
        let base = set(vec![note(1, "x", 1)]);
        let theirs = set(vec![note(1, "fixed by hand", 1)]);
        let (m, _) = merge(&base, &base, &theirs);
        assert_eq!(m.annotations[0].note.as_deref(), Some("fixed by hand"));
    }

    #[test]
    fn newest_wins_and_tombstones_stay() {
        let base = set(vec![note(1, "x", 1)]);
        let mut deleted = note(1, "x", 3);
        deleted.deleted = true;
        let ours = set(vec![note(1, "edited", 2)]);
        let theirs = set(vec![deleted.clone()]);
        let (m, stats) = merge(&base, &ours, &theirs);
        assert_eq!(m.annotations, vec![deleted]);
        assert_eq!(stats.conflicts, 1);
        let (m, _) = merge(&base, &set(vec![note(1, "later", 9)]), &theirs);
        assert_eq!(m.annotations[0].note.as_deref(), Some("later"));
    }
}

//! Repetition inside one article: captions printed twice (alt text and caption), pull
//! quotes lifted from a paragraph, and furniture lines that occur more than once.

use std::collections::{HashMap, HashSet};

use super::features::{self, Features};
use super::text;
use super::units::Unit;

/// What repetition says about each unit (indexes match the units).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Relations {
    /// Part of a pair of adjacent near-duplicate lines that read like a caption.
    pub caption_pair: Vec<bool>,
    /// A shorter unit whose words were lifted from a longer unit elsewhere.
    pub pull_quote: Vec<bool>,
    /// A short line that occurs more than once, or a later copy of a longer one.
    pub repeated: Vec<bool>,
}

/// Share of `part`'s word pairs found in `whole`: 1.0 when `part` was copied from it.
pub fn containment(part: &[u64], whole: &[u64]) -> f32 {
    if part.len() < 2 || whole.len() < 2 {
        return 0.0;
    }
    // Indexing: `windows(2)` yields slices of exactly two tokens.
    let pairs: HashSet<u64, KeyHasher> = whole.windows(2).map(|w| bigram_key(w[0], w[1])).collect();
    let hits = part
        .windows(2)
        .filter(|w| pairs.contains(&bigram_key(w[0], w[1])))
        .count();
    hits as f32 / (part.len() - 1) as f32
}

/// Computes all repetition relations of an article.
pub fn relations(units: &[Unit], feats: &[Features]) -> Relations {
    let caption_pair = caption_pairs(units, feats);
    let index = BigramIndex::new(feats);
    // Indexing: `caption_pair` has one entry per unit (`feats.len()`).
    let pull_quote = (0..feats.len())
        .map(|i| !caption_pair[i] && is_pull_quote(i, feats, &index))
        .collect();
    let repeated = repeats(feats);
    Relations {
        caption_pair,
        pull_quote,
        repeated,
    }
}

/// Which units contain each word pair, so finding the unit a line was copied from costs
/// one lookup per pair instead of a comparison with every unit.
struct BigramIndex {
    units_with: HashMap<u64, Vec<usize>, KeyHasher>,
}

/// Bigram keys are already FNV hashes; hashing them again would only cost time.
type KeyHasher = std::hash::BuildHasherDefault<PassThrough>;

#[derive(Default)]
struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

fn bigram_key(a: u64, b: u64) -> u64 {
    a.rotate_left(17) ^ b
}

impl BigramIndex {
    fn new(feats: &[Features]) -> BigramIndex {
        let mut units_with: HashMap<u64, Vec<usize>, KeyHasher> = HashMap::default();
        for (j, f) in feats.iter().enumerate() {
            // Indexing: `windows(2)` yields two tokens.
            for w in f.tokens.windows(2) {
                let list = units_with.entry(bigram_key(w[0], w[1])).or_default();
                if list.last() != Some(&j) {
                    list.push(j);
                }
            }
        }
        BigramIndex { units_with }
    }

    /// The best share of `tokens`' pairs found in any single unit other than `skip` that
    /// has more tokens than `tokens`.
    fn best_containment(&self, tokens: &[u64], skip: usize, feats: &[Features]) -> f32 {
        if tokens.len() < 2 {
            return 0.0;
        }
        let mut hits: HashMap<usize, usize> = HashMap::new();
        let mut seen: HashSet<u64, KeyHasher> = HashSet::default();
        // Indexing: `windows(2)` yields two tokens; `units_with` holds indexes of the
        // `feats` it was built from.
        for w in tokens.windows(2) {
            let key = bigram_key(w[0], w[1]);
            if !seen.insert(key) {
                continue;
            }
            for &j in self.units_with.get(&key).into_iter().flatten() {
                if j != skip && feats[j].tokens.len() > tokens.len() {
                    *hits.entry(j).or_default() += 1;
                }
            }
        }
        let best = hits.values().copied().max().unwrap_or(0);
        best as f32 / (tokens.len() - 1) as f32
    }
}

/// Two lines with no blank line between them, one containing the other's words, where
/// the pair is nearly identical, opens with the same five words (alt text followed by the
/// full caption) or reads like a photo caption.
fn caption_pairs(units: &[Unit], feats: &[Features]) -> Vec<bool> {
    let mut marked = vec![false; feats.len()];
    // Indexing: `feats` is measured from `units` one to one (same length), `marked` has
    // that length, and 1 <= i < len; `tokens[..5]` is taken only when there are 5.
    for i in 1..feats.len() {
        let (a, b) = (&feats[i - 1], &feats[i]);
        let adjacent = units[i - 1].lines.end == units[i].lines.start;
        if !adjacent || a.words < 4 || b.words < 4 {
            continue;
        }
        let (short, long) = if a.tokens.len() <= b.tokens.len() {
            (a, b)
        } else {
            (b, a)
        };
        let contained = containment(&short.tokens, &long.tokens) >= 0.7;
        let near_identical = contained && short.tokens.len() * 10 >= long.tokens.len() * 8;
        let captiony = features::caption_cue(a) || features::caption_cue(b);
        let same_opening = short.tokens.len() >= 5 && long.tokens.starts_with(&short.tokens[..5]);
        if contained && (near_identical || captiony || same_opening) {
            marked[i - 1] = true;
            marked[i] = true;
        }
    }
    marked
}

/// A shorter unit (after removing a "- Name" attribution) whose word pairs mostly occur in
/// a longer unit of the same article. Quoted or attributed lines need less overlap.
fn is_pull_quote(i: usize, feats: &[Features], index: &BigramIndex) -> bool {
    let f = &feats[i];
    if !(5..=80).contains(&f.words) {
        return false;
    }
    let (body, attributed) = features::strip_attribution(&f.text);
    let quoted = attributed || features::is_quoted(f);
    if !quoted && !f.ends_sentence {
        return false;
    }
    let needed = if quoted { 0.6 } else { 0.85 };
    let tokens = if attributed {
        text::tokens(body)
    } else {
        f.tokens.clone()
    };
    index.best_containment(&tokens, i, feats) >= needed
}

/// Short lines seen more than once are all marked (repeated furniture); of longer units
/// only the later copies are.
fn repeats(feats: &[Features]) -> Vec<bool> {
    feats
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let Some(key) = f.key else { return false };
            let same = |g: &Features| g.key == Some(key);
            let earlier = feats.get(..i).is_some_and(|s| s.iter().any(same));
            let later = feats.get(i + 1..).is_some_and(|s| s.iter().any(same));
            earlier || (later && !features::is_paragraph_shaped(f))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::units::{line_spans, units};

    fn rel(text: &str) -> Relations {
        let u = units(text, &line_spans(text));
        let f: Vec<Features> = u.iter().map(|u| Features::of(&u.joined(text))).collect();
        relations(&u, &f)
    }

    #[test]
    fn adjacent_caption_twins() {
        let r = rel(
            "Intro line here.\n\nThe envoy speaks in Vienna on May 2, 2024\nThe envoy speaks in Vienna on May 2, 2024.\n\nBody text follows here.",
        );
        assert_eq!(r.caption_pair, vec![false, true, true, false]);
    }

    #[test]
    fn pull_quote_with_attribution() {
        let r = rel(
            "She said the river belongs to all of us and must be shared, and then left.\n\nThe river belongs to all of us and must be shared.- Mara Lind\n",
        );
        assert_eq!(r.pull_quote, vec![false, true]);
    }

    #[test]
    fn repeated_short_lines() {
        let r =
            rel("Sign up now\n\nA body line that is long enough to be a paragraph.\n\nSign up now");
        assert_eq!(r.repeated, vec![true, false, true]);
    }
}

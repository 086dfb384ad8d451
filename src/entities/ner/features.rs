//! Features of a token for the tagger, hashed into a fixed number of buckets.
//!
//! The same code computes features at training time (`examples/train_ner.rs`) and at run
//! time, so a change here needs a retrained model (the model file records
//! [`FEATURE_VERSION`] and is ignored when it does not match).

use std::collections::HashSet;

use super::super::gazetteer::{FLAG_BITS, Gazetteer, flag};
use super::super::text::{Token, fold, is_all_caps, is_capitalised};

/// Bumped whenever a feature changes meaning.
pub const FEATURE_VERSION: u32 = 7;
/// log2 of the number of hash buckets.
pub const BUCKET_BITS: u32 = 16;
pub const BUCKETS: usize = 1 << BUCKET_BITS;

const K: u64 = 0x517c_c1b7_2722_0a95;

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

#[inline]
fn hash_bytes(seed: u64, s: &[u8]) -> u64 {
    let mut h = mix(0x9e37_79b9_7f4a_7c15, seed);
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(a));
    }
    for &b in chunks.remainder() {
        h = mix(h, u64::from(b));
    }
    mix(h, s.len() as u64)
}

#[inline]
fn bucket(h: u64) -> u32 {
    let h = h ^ (h >> 31);
    ((h.wrapping_mul(K) >> 40) as u32) & (BUCKETS as u32 - 1)
}

/// Hash of a folded word, as used for features and for gazetteer lookups.
#[inline]
pub fn word_hash(folded: &str) -> u64 {
    hash_bytes(1, folded.as_bytes())
}

/// Hash of a phrase from its words' [`word_hash`]es (gazetteer multi-word lookups).
#[inline]
pub fn phrase_hash(words: impl IntoIterator<Item = u64>) -> u64 {
    words.into_iter().fold(0x7068_7261_7365, mix)
}

/// Hash of a label-dependent feature: template, previous labels and a token hash.
#[inline]
pub fn dyn_feature(template: u64, a: u64, b: u64) -> u32 {
    bucket(mix(mix(mix(0x1234_5678, template), a), b))
}

/// What is known about a document as a whole: words it uses in lower case and words it
/// capitalises mid-sentence (document-level consistency of capitalisation), as hashes of
/// the folded word.
#[derive(Debug, Default)]
pub struct DocInfo {
    lower_seen: HashSet<u64, BuildFx>,
    capmid_seen: HashSet<u64, BuildFx>,
}

impl DocInfo {
    pub fn new(tokens: &[Token<'_>], infos: &[TokInfo]) -> DocInfo {
        let mut d = DocInfo::default();
        for (t, w) in tokens.iter().zip(infos) {
            let first = t.text.chars().next();
            if first.is_some_and(char::is_lowercase) {
                d.lower_seen.insert(w.lower_hash);
            } else if first.is_some_and(char::is_uppercase) && !t.sent_start && !w.all_caps {
                d.capmid_seen.insert(w.lower_hash);
            }
        }
        d
    }
}

/// A fast non-cryptographic hasher for short keys already mixed (word hashes) or short
/// strings (gazetteer words): the default SipHash dominated lookups.
#[derive(Default, Clone, Copy)]
pub struct Fx(u64);

impl std::hash::Hasher for Fx {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            self.0 = mix(self.0, u64::from_le_bytes(a));
        }
        let mut last = 0u64;
        for (i, &b) in chunks.remainder().iter().enumerate() {
            last |= u64::from(b) << (8 * i);
        }
        self.0 = mix(self.0, last ^ 0xff);
    }
    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.0 = mix(self.0, x);
    }
}

/// [`std::hash::BuildHasher`] for [`Fx`].
pub type BuildFx = std::hash::BuildHasherDefault<Fx>;

/// Per-token facts computed once and reused by features and post-processing.
#[derive(Debug, Clone)]
pub struct TokInfo {
    pub lower: String,
    pub gaz: u16,
    pub cap: bool,
    pub all_caps: bool,
    /// Position in a known multi-word place: 0 none, 1 first word, 2 inside.
    pub place_pos: u8,
    /// Position in a known multi-word organisation: 0 none, 1 first word, 2 inside.
    pub org_pos: u8,
    pub lower_hash: u64,
    pub shape_hash: u64,
}

/// Hash of the word shape ("Kerry" → "Xx", "U.S." → "X.X.", "1990s" → "dx"): letters and
/// digits as classes, runs longer than two collapsed, other characters kept.
fn shape_hash(s: &str) -> u64 {
    let mut h = mix(0x9e37_79b9_7f4a_7c15, 2);
    let mut last = '\0';
    let mut run = 0;
    let mut n = 0u64;
    for c in s.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = k;
        h = mix(h, u64::from(k));
        n += 1;
    }
    mix(h, n)
}

/// Computes [`TokInfo`] for every token, including multi-word gazetteer matches.
pub fn token_info(tokens: &[Token<'_>]) -> Vec<TokInfo> {
    let gaz = Gazetteer::get();
    let mut infos: Vec<TokInfo> = tokens
        .iter()
        .map(|t| {
            let lower = fold(t.text);
            let lower_hash = word_hash(&lower);
            let g = gaz.flags_hashed(lower_hash);
            TokInfo {
                lower_hash,
                shape_hash: shape_hash(t.text),
                gaz: g,
                cap: is_capitalised(t.text),
                all_caps: is_all_caps(t.text),
                place_pos: 0,
                org_pos: 0,
                lower,
            }
        })
        .collect();
    // Multi-word places: longest match first, only from capitalised or all-caps words.
    let mut i = 0;
    while i < infos.len() {
        let mut matched = 0;
        let mut is_org = false;
        if infos[i].cap && infos[i].gaz & (flag::PLACE_PART | flag::ORG_PART) != 0 {
            let max = gaz.max_place_words.min(infos.len() - i);
            for n in (2..=max).rev() {
                let h = phrase_hash(infos[i..i + n].iter().map(|x| x.lower_hash));
                if gaz.is_place_phrase_hashed(h) {
                    matched = n;
                    break;
                }
                if gaz.is_org_phrase_hashed(h) {
                    matched = n;
                    is_org = true;
                    break;
                }
            }
        }
        if matched > 0 && is_org {
            infos[i].org_pos = 1;
            for info in &mut infos[i + 1..i + matched] {
                info.org_pos = 2;
            }
            i += matched;
        } else if matched > 0 {
            infos[i].place_pos = 1;
            for info in &mut infos[i + 1..i + matched] {
                info.place_pos = 2;
            }
            i += matched;
        } else {
            i += 1;
        }
    }
    infos
}

/// Static (label-independent) features of every token, flattened: the features of token
/// `i` are `feats[offsets[i]..offsets[i + 1]]`.
pub fn static_features(
    tokens: &[Token<'_>],
    infos: &[TokInfo],
    doc: &DocInfo,
) -> (Vec<u32>, Vec<usize>) {
    let n = tokens.len();
    let mut feats = Vec::with_capacity(n * 40);
    let mut offsets = Vec::with_capacity(n + 1);
    // Capitalised runs: run id per token.
    let mut run_len = vec![0u8; n];
    let mut run_pos = vec![0u8; n];
    let mut i = 0;
    while i < n {
        if infos[i].cap {
            let mut j = i;
            while j < n && infos[j].cap {
                j += 1;
            }
            let len = (j - i).min(4) as u8;
            for k in i..j {
                run_len[k] = len;
                run_pos[k] = if j - i == 1 {
                    0
                } else if k == i {
                    1
                } else if k + 1 == j {
                    3
                } else {
                    2
                };
            }
            i = j;
        } else {
            i += 1;
        }
    }
    const NONE: u64 = 0xfeed;
    for i in 0..n {
        offsets.push(feats.len());
        let t = &tokens[i];
        let w = &infos[i];
        let prev = i.checked_sub(1).map(|j| &infos[j]);
        let prev2 = i.checked_sub(2).map(|j| &infos[j]);
        let next = infos.get(i + 1);
        let next2 = infos.get(i + 2);
        let lh = |x: Option<&TokInfo>| x.map_or(NONE, |x| x.lower_hash);
        let sh = |x: Option<&TokInfo>| x.map_or(NONE, |x| x.shape_hash);
        let mut f =
            |tpl: u64, h: u64| feats.push(bucket(mix(tpl.wrapping_mul(0x2545_f491_4f6c_dd1d), h)));
        f(0, 0);
        f(1, w.lower_hash);
        f(2, w.shape_hash);
        // Affixes by character, hashed straight from the folded word (no allocation).
        let lw = w.lower.as_str();
        let cl = lw.chars().count();
        for (tpl, k) in [(3u64, 2usize), (4, 3), (5, 4)] {
            if cl > k {
                let at = lw.char_indices().nth(cl - k).map_or(0, |(b, _)| b);
                f(tpl, hash_bytes(tpl, &lw.as_bytes()[at..]));
            }
        }
        if cl > 3 {
            let at = lw.char_indices().nth(3).map_or(lw.len(), |(b, _)| b);
            f(6, hash_bytes(6, &lw.as_bytes()[..at]));
        }
        f(7, lh(prev));
        f(8, lh(next));
        f(9, lh(prev2));
        f(10, lh(next2));
        f(11, mix(sh(prev), w.shape_hash));
        f(12, mix(w.shape_hash, sh(next)));
        f(
            13,
            u64::from(t.sent_start) | u64::from(w.cap) << 1 | u64::from(w.all_caps) << 2,
        );
        f(26, u64::from(w.org_pos));
        for bit in 0..FLAG_BITS {
            if w.gaz & (1 << bit) != 0 {
                f(14, bit * 2 + u64::from(w.cap));
            }
            if prev.is_some_and(|p| p.gaz & (1 << bit) != 0) {
                f(15, bit);
            }
            if next.is_some_and(|p| p.gaz & (1 << bit) != 0) {
                f(16, bit);
            }
        }
        f(17, u64::from(w.place_pos));
        if w.cap {
            f(
                18,
                u64::from(doc.lower_seen.contains(&w.lower_hash)) | u64::from(t.sent_start) << 1,
            );
            if t.sent_start {
                f(19, u64::from(doc.capmid_seen.contains(&w.lower_hash)));
            }
        }
        f(20, u64::from(run_len[i]) * 4 + u64::from(run_pos[i]));
        f(22, mix(lh(prev), w.lower_hash));
        f(23, mix(w.lower_hash, lh(next)));
        if let Some(p) = prev {
            f(
                24,
                u64::from(p.gaz & flag::TITLE != 0) | u64::from(w.cap) << 1,
            );
        }
        f(
            25,
            mix(
                u64::from(run_len[i]),
                u64::from(w.gaz & (flag::FIRST_NAME | flag::SURNAME | flag::PLACE)),
            ),
        );
    }
    offsets.push(feats.len());
    (feats, offsets)
}

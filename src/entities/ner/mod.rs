//! A small learned named-entity tagger: a first-order BIO sequence model decoded exactly
//! (Viterbi, BIO constraints enforced) whose weights — an averaged structured perceptron
//! over hashed features, 2^16 buckets of i16 rows (1 MB in memory, so lookups stay in the
//! cache) — are compiled into the binary.
//!
//! The weights come from `examples/train_ner.rs`, trained offline on openly licensed
//! data (see `data/SOURCES.md`). When the embedded model is missing or does not match
//! [`features::FEATURE_VERSION`], [`Model::embedded`] returns `None` and the extractor falls
//! back to its capitalisation-and-gazetteer rules.

pub mod features;
pub mod train;

use std::sync::OnceLock;

use super::text::Token;
use features::{BUCKET_BITS, BUCKETS, DocInfo, TokInfo, dyn_feature, static_features};

/// Tag set: O, then B/I for person, place and organization.
pub const LABELS: [&str; 7] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"];
/// Number of labels.
pub const NL: usize = LABELS.len();

/// Entity type of a label (0 person, 1 place, 2 organization), `None` for O.
pub fn label_type(l: usize) -> Option<usize> {
    if l == 0 { None } else { Some((l - 1) / 2) }
}

/// Whether `l` begins an entity.
pub fn is_begin(l: usize) -> bool {
    l % 2 == 1
}

/// Whether label `l` may follow label `prev` (I-X only after B-X or I-X).
pub fn allowed(prev: usize, l: usize) -> bool {
    if l == 0 || is_begin(l) {
        return true;
    }
    label_type(prev) == label_type(l)
}

const MAGIC: &[u8; 6] = b"BLNER2";

/// One bucket's weights, padded to eight lanes so a row is 16 aligned bytes.
type Row = [i16; 8];

/// Dense quantised weights: one [`Row`] per hash bucket.
pub struct Model {
    rows: Vec<Row>,
}

static EMBEDDED: OnceLock<Option<Model>> = OnceLock::new();

impl Model {
    /// The model compiled into the binary, decoded once.
    pub fn embedded() -> Option<&'static Model> {
        EMBEDDED
            .get_or_init(|| Model::from_bytes(include_bytes!("../../../data/ner_model.bin")))
            .as_ref()
    }

    /// A model with every weight zero (tags everything O); a training fallback.
    pub fn empty() -> Model {
        Model {
            rows: vec![[0; 8]; BUCKETS],
        }
    }

    /// Decodes the sparse on-disk form: magic, feature version (u32), bucket bits (u32),
    /// row count (u32), then rows of bucket (u32) and `NL` weights (i16), all little-endian.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        let rest = b.strip_prefix(MAGIC.as_slice())?;
        let u32_at = |s: &[u8], i: usize| -> Option<u32> {
            Some(u32::from_le_bytes(s.get(i..i + 4)?.try_into().ok()?))
        };
        if u32_at(rest, 0)? != features::FEATURE_VERSION || u32_at(rest, 4)? != BUCKET_BITS {
            return None;
        }
        let n = u32_at(rest, 8)? as usize;
        let mut rows = vec![[0i16; 8]; BUCKETS];
        let row_len = 4 + 2 * NL;
        let body = rest.get(12..12 + n.checked_mul(row_len)?)?;
        for row in body.chunks_exact(row_len) {
            let bucket = u32_at(row, 0)? as usize;
            let dst = rows.get_mut(bucket)?;
            for (k, w) in dst.iter_mut().take(NL).enumerate() {
                *w = i16::from_le_bytes([row[4 + 2 * k], row[5 + 2 * k]]);
            }
        }
        Some(Model { rows })
    }

    /// Quantises dense float weights (`BUCKETS × NL`) to i16, dropping |w| below `min_abs`.
    pub fn from_weights(weights: &[f32], min_abs: f32) -> Model {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-9);
        let scale = 32000.0 / max;
        let mut rows = vec![[0i16; 8]; BUCKETS];
        for (dst, row) in rows.iter_mut().zip(weights.chunks_exact(NL)) {
            for (d, w) in dst.iter_mut().zip(row) {
                if w.abs() >= min_abs {
                    *d = (w * scale).round() as i16;
                }
            }
        }
        Model { rows }
    }

    /// Encodes the non-zero rows in the form [`Model::from_bytes`] reads.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&features::FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&BUCKET_BITS.to_le_bytes());
        let mut body = Vec::new();
        let mut n = 0u32;
        for (b, row) in self.rows.iter().enumerate() {
            if row.iter().any(|w| *w != 0) {
                n += 1;
                body.extend_from_slice(&(b as u32).to_le_bytes());
                for w in &row[..NL] {
                    body.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
        out.extend_from_slice(&n.to_le_bytes());
        out.extend_from_slice(&body);
        out
    }

    #[inline]
    fn add(&self, scores: &mut [i32; 8], bucket: u32) {
        if let Some(row) = self.rows.get(bucket as usize) {
            for (s, w) in scores.iter_mut().zip(row) {
                *s += i32::from(*w);
            }
        }
    }

    /// Tags a token sequence; returns one label index per token. Viterbi decoding over
    /// the first-order label-dependent features: the best whole sequence, so a doubtful
    /// first word can be fixed by the words after it (greedy decoding could not).
    pub fn tag(&self, tokens: &[Token<'_>], infos: &[TokInfo], doc: &DocInfo) -> Vec<usize> {
        let (feats, offsets) = static_features(tokens, infos, doc);
        let emit: Vec<[i32; NL]> = (0..tokens.len())
            .map(|i| {
                let mut scores = [0i32; 8];
                for &b in &feats[offsets[i]..offsets[i + 1]] {
                    self.add(&mut scores, b);
                }
                let mut s7 = [0i32; NL];
                s7.copy_from_slice(&scores[..NL]);
                s7
            })
            .collect();
        viterbi(&emit, |i, p| {
            let mut scores = [0i32; 8];
            for b in dynamic_features(p, infos[i].shape_hash, infos[i].lower_hash) {
                self.add(&mut scores, b);
            }
            let mut s7 = [0i32; NL];
            s7.copy_from_slice(&scores[..NL]);
            s7
        })
    }
}

/// Score types Viterbi works with (integer at run time, float in training).
pub trait Score: Copy + PartialOrd + std::ops::Add<Output = Self> + Default {
    /// A value below any reachable score.
    const MIN: Self;
}
impl Score for i32 {
    const MIN: i32 = i32::MIN / 4;
}
impl Score for f32 {
    const MIN: f32 = -1e30;
}

/// Best label sequence given per-token emission scores and label-dependent scores
/// `trans(i, prev)` (prev = [`NL`] before the first token), respecting [`allowed`].
pub fn viterbi<S: Score>(
    emit: &[[S; NL]],
    mut trans: impl FnMut(usize, usize) -> [S; NL],
) -> Vec<usize> {
    let n = emit.len();
    if n == 0 {
        return Vec::new();
    }
    let mut back = vec![[0u8; NL]; n];
    let mut delta = [S::MIN; NL];
    let t0 = trans(0, NL);
    for (l, d) in delta.iter_mut().enumerate() {
        if allowed(NL, l) {
            *d = emit[0][l] + t0[l];
        }
    }
    for i in 1..n {
        let mut next = [S::MIN; NL];
        for (p, &dp) in delta.iter().enumerate() {
            if dp <= S::MIN {
                continue;
            }
            let t = trans(i, p);
            for (l, (nx, tl)) in next.iter_mut().zip(t).enumerate() {
                let c = dp + tl;
                if allowed(p, l) && c > *nx {
                    *nx = c;
                    back[i][l] = p as u8;
                }
            }
        }
        for ((d, nx), e) in delta.iter_mut().zip(next).zip(emit[i]) {
            *d = nx + e;
        }
    }
    let mut best = 0;
    for l in 1..NL {
        if delta[l] > delta[best] {
            best = l;
        }
    }
    let mut out = vec![0; n];
    out[n - 1] = best;
    for i in (1..n).rev() {
        best = back[i][best] as usize;
        out[i - 1] = best;
    }
    out
}

/// Label-dependent features: the previous label alone, with the word shape and with the
/// word (first order, so decoding can be exact).
pub fn dynamic_features(p1: usize, shape_hash: u64, lower_hash: u64) -> [u32; 3] {
    [
        dyn_feature(100, p1 as u64, 0),
        dyn_feature(102, p1 as u64, shape_hash),
        dyn_feature(103, p1 as u64, lower_hash),
    ]
}

/// The highest-scoring label allowed after `prev` (ties go to the lower index, so O wins).
pub fn best_allowed<T: PartialOrd + Copy>(scores: &[T; NL], prev: usize) -> usize {
    let mut best = 0;
    for l in 1..NL {
        if allowed(prev, l) && scores[l] > scores[best] {
            best = l;
        }
    }
    best
}

//! Averaged-perceptron training for [`super::Model`], used by `examples/train_ner.rs`.
//!
//! Kept in the library so training and tagging share the feature code exactly.

use super::features::{BUCKETS, DocInfo, static_features, token_info};
use super::{NL, dynamic_features, viterbi};
use crate::entities::text::Token;

/// One training document: its tokens and a gold label per token.
pub struct Example<'a> {
    pub tokens: Vec<Token<'a>>,
    pub labels: Vec<usize>,
}

/// Perceptron state with lazy averaging (`avg = w - u / c`).
pub struct Trainer {
    w: Vec<f32>,
    u: Vec<f64>,
    c: f64,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer {
            w: vec![0.0; BUCKETS * NL],
            u: vec![0.0; BUCKETS * NL],
            c: 1.0,
        }
    }
}

impl Trainer {
    fn upd(&mut self, bucket: u32, label: usize, d: f32) {
        let i = bucket as usize * NL + label;
        self.w[i] += d;
        self.u[i] += self.c * f64::from(d);
    }

    fn row(&self, b: u32) -> &[f32] {
        &self.w[b as usize * NL..b as usize * NL + NL]
    }

    /// One structured-perceptron step on one document: Viterbi-decode with the current
    /// weights, then move them towards the gold sequence where the two differ. Returns the
    /// number of token errors.
    pub fn learn(&mut self, ex: &Example<'_>) -> usize {
        let infos = token_info(&ex.tokens);
        let doc = DocInfo::new(&ex.tokens, &infos);
        let (feats, offsets) = static_features(&ex.tokens, &infos, &doc);
        let n = ex.tokens.len();
        let emit: Vec<[f32; NL]> = (0..n)
            .map(|i| {
                let mut s = [0f32; NL];
                for &b in &feats[offsets[i]..offsets[i + 1]] {
                    for (x, w) in s.iter_mut().zip(self.row(b)) {
                        *x += *w;
                    }
                }
                s
            })
            .collect();
        let guess = viterbi(&emit, |i, p| {
            let mut s = [0f32; NL];
            for b in dynamic_features(p, infos[i].shape_hash, infos[i].lower_hash) {
                for (x, w) in s.iter_mut().zip(self.row(b)) {
                    *x += *w;
                }
            }
            s
        });
        let mut errors = 0;
        for i in 0..n {
            let (g, p) = (ex.labels[i], guess[i]);
            let gp = if i == 0 { NL } else { ex.labels[i - 1] };
            let pp = if i == 0 { NL } else { guess[i - 1] };
            if g != p {
                errors += 1;
                for &b in &feats[offsets[i]..offsets[i + 1]] {
                    self.upd(b, g, 1.0);
                    self.upd(b, p, -1.0);
                }
            }
            if g != p || gp != pp {
                for b in dynamic_features(gp, infos[i].shape_hash, infos[i].lower_hash) {
                    self.upd(b, g, 1.0);
                }
                for b in dynamic_features(pp, infos[i].shape_hash, infos[i].lower_hash) {
                    self.upd(b, p, -1.0);
                }
            }
            self.c += 1.0;
        }
        errors
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(w, u)| (f64::from(*w) - u / self.c) as f32)
            .collect()
    }
}

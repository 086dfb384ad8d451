//! Averaged-perceptron training for [`super::Model`], used by `examples/train_ner.rs`.
//!
//! Kept in the library so training and tagging share the feature code exactly.

use super::features::{BUCKETS, DocInfo, static_features, token_info};
use super::{NL, best_allowed, dynamic_features};
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

    /// One pass over one document with greedy decoding on the model's own history.
    /// Returns the number of token errors.
    pub fn learn(&mut self, ex: &Example<'_>) -> usize {
        let infos = token_info(&ex.tokens);
        let doc = DocInfo::new(&ex.tokens, &infos);
        let (feats, offsets) = static_features(&ex.tokens, &infos, &doc);
        let (mut p1, mut p2) = (NL, NL);
        let mut errors = 0;
        for i in 0..ex.tokens.len() {
            let fs = &feats[offsets[i]..offsets[i + 1]];
            let dy = dynamic_features(p1, p2, &infos[i]);
            let mut scores = [0f32; NL];
            for &b in fs.iter().chain(dy.iter()) {
                let row = &self.w[b as usize * NL..b as usize * NL + NL];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += *w;
                }
            }
            let guess = best_allowed(&scores, p1);
            let gold = ex.labels[i];
            if guess != gold {
                errors += 1;
                for &b in fs.iter().chain(dy.iter()) {
                    self.upd(b, gold, 1.0);
                    self.upd(b, guess, -1.0);
                }
            }
            self.c += 1.0;
            p2 = p1;
            p1 = guess;
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

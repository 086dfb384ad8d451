//! Scores the embedded extractor against a gold set: per-type mention precision, recall
//! and F1 (exact span and type match), micro average, and span-only (untyped) scores.
//!
//!     cargo run --release --example ner_eval -- ../shared/data/gum-ner/news
//!     cargo run --release --example ner_eval -- ../shared/data/uner-en-ewt/en_ewt-ud-test.iob2
//!     cargo run --release --example ner_eval -- --holdout ../shared/data/gum-ner/news
//!
//! A folder is read as a GUM-NER genre folder, a file as IOB2. `--holdout` keeps only the
//! GUM news documents left out of training; `--errors` lists every false positive (FP)
//! and false negative (FN); `--conll` scores country names tagged as organizations (national
//! teams) as places, the convention of CoNLL-style newswire gold.

use std::path::PathBuf;

use byline::entities::gold::{self, Counts};

fn main() -> anyhow::Result<()> {
    let mut holdout = false;
    let mut errors = false;
    let mut conll = false;
    let mut paths = Vec::new();
    for a in std::env::args().skip(1) {
        if a == "--holdout" {
            holdout = true;
        } else if a == "--conll" {
            conll = true;
        } else if a == "--errors" {
            errors = true;
        } else {
            paths.push(PathBuf::from(a));
        }
    }
    if paths.is_empty() {
        paths.push(PathBuf::from("../shared/data/gum-ner/news"));
    }
    for p in paths {
        let mut docs = if p.is_dir() {
            gold::load_gum_dir(&p)?
        } else {
            gold::load_iob2(&p)?
        };
        if conll {
            docs.iter_mut().for_each(gold::conll_convention);
        }
        if holdout {
            docs.retain(|d| gold::HOLDOUT_NEWS.contains(&d.name.as_str()));
        }
        let mut c = Counts::default();
        for d in &docs {
            let pred = gold::predict(&d.text);
            c.add(&d.spans, &pred);
            if errors {
                for s in pred.iter().filter(|s| !d.spans.contains(s)) {
                    println!(
                        "FP {:?} {:?}",
                        s.kind,
                        d.text.get(s.start..s.end).unwrap_or("")
                    );
                }
                for s in d.spans.iter().filter(|s| !pred.contains(s)) {
                    println!(
                        "FN {:?} {:?}",
                        s.kind,
                        d.text.get(s.start..s.end).unwrap_or("")
                    );
                }
            }
        }
        println!(
            "== {} ({} docs{})\n{c}\n",
            p.display(),
            docs.len(),
            if holdout { ", held out" } else { "" }
        );
    }
    Ok(())
}

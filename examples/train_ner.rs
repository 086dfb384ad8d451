//! Trains the entity tagger's weights (`data/ner_model.bin`) offline.
//!
//!     cargo run --release --example train_ner -- [--data ../shared/data] [--holdout] \
//!         [--epochs 12] [--out data/ner_model.bin]
//!     cargo run --release --example train_ner -- --cv 3 [--errors] [--gum-convention]
//!
//! `--cv K` trains K models, each without one K-th of the GUM news documents, and scores
//! every news document with the model that never saw it (the honest number to tune by);
//! `--errors` lists the false positives and negatives. Country names that GUM tags as
//! organizations (national teams) are trained and scored as places, the CoNLL-style newswire
//! convention; `--gum-convention` keeps GUM's labels instead.
//!
//! Training data (read at training time, never copied into the repo): GUM-NER, all five
//! genres (CC BY 4.0 annotations; texts CC BY / CC BY-SA), and Universal NER English-EWT dev
//! (CC BY-SA 4.0). `--holdout` leaves out the GUM news documents in
//! `gold::HOLDOUT_NEWS` so they can be scored honestly. UNER test is never trained on.
//! About one line in seven (and every headline) is also seen upper-cased, so all-caps
//! headlines are tagged too.

use std::path::PathBuf;

use byline::entities::EntityKind;
use byline::entities::gold::{self, Counts, GoldDoc};
use byline::entities::ner::train::{Example, Trainer};
use byline::entities::ner::{LABELS, Model};
use byline::entities::text::tokenize;

fn labels_for(doc: &GoldDoc, tokens: &[byline::entities::text::Token<'_>]) -> Vec<usize> {
    let mut labels = vec![0; tokens.len()];
    for s in &doc.spans {
        let t = match s.kind {
            EntityKind::Person => 0,
            EntityKind::Place => 1,
            EntityKind::Organization => 2,
            EntityKind::Topic => continue,
        };
        let mut first = true;
        for (i, tok) in tokens.iter().enumerate() {
            if tok.start >= s.start && tok.end <= s.end {
                labels[i] = if first { 1 + 2 * t } else { 2 + 2 * t };
                first = false;
            }
        }
    }
    labels
}

fn upper_variant(doc: &GoldDoc) -> GoldDoc {
    let mut text = String::with_capacity(doc.text.len());
    for (n, line) in doc.text.split_inclusive('\n').enumerate() {
        if n % 7 == 0 {
            text.push_str(&line.to_ascii_uppercase());
        } else {
            text.push_str(line);
        }
    }
    GoldDoc {
        name: doc.name.clone(),
        text,
        spans: doc.spans.clone(),
    }
}

fn evaluate(model: &Model, name: &str, docs: &[GoldDoc]) {
    let mut c = Counts::default();
    for d in docs {
        c.add(&d.spans, &gold::predict_with(Some(model), &d.text));
    }
    println!("== {name} ({} docs)\n{c}\n", docs.len());
}

/// Trains a model on `docs` (each also seen with some lines upper-cased), deterministic.
fn train(docs: &[GoldDoc], epochs: usize, quiet: bool) -> Model {
    let mut all: Vec<GoldDoc> = docs.to_vec();
    all.extend(docs.iter().map(upper_variant));
    let examples: Vec<Example<'_>> = all
        .iter()
        .map(|d| {
            let tokens = tokenize(&d.text, 0);
            let labels = labels_for(d, &tokens);
            Example { tokens, labels }
        })
        .collect();
    if !quiet {
        let ntok: usize = examples.iter().map(|e| e.tokens.len()).sum();
        eprintln!(
            "{} documents, {ntok} tokens, labels {:?}",
            examples.len(),
            LABELS
        );
    }
    let mut trainer = Trainer::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x5eed;
    for epoch in 0..epochs {
        // Deterministic shuffle (LCG + Fisher–Yates).
        for i in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        let errors: usize = order.iter().map(|&i| trainer.learn(&examples[i])).sum();
        if !quiet {
            eprintln!("epoch {epoch}: {errors} token errors");
        }
    }
    Model::from_weights(&trainer.averaged(), PRUNE)
}

/// Lists false positives and negatives, with the gold kind of an overlapping span.
fn print_errors(d: &GoldDoc, pred: &[gold::GoldSpan]) {
    let txt = |s: &gold::GoldSpan| d.text.get(s.start..s.end).unwrap_or("").to_string();
    for s in pred.iter().filter(|s| !d.spans.contains(s)) {
        let over = d
            .spans
            .iter()
            .find(|g| g.start < s.end && s.start < g.end)
            .map(|g| format!("{:?} {:?}", g.kind, txt(g)))
            .unwrap_or_default();
        println!("FP {:?} {:?}  | gold: {over}", s.kind, txt(s));
    }
    for s in d.spans.iter().filter(|s| !pred.contains(s)) {
        let over = pred.iter().any(|p| p.start < s.end && s.start < p.end);
        println!(
            "FN {:?} {:?}{}",
            s.kind,
            txt(s),
            if over { " (overlapped)" } else { "" }
        );
    }
}

/// Weights smaller than this (in perceptron units) are dropped from the shipped file.
const PRUNE: f32 = 0.05;

fn main() -> anyhow::Result<()> {
    let mut data = PathBuf::from("../shared/data");
    let mut out = PathBuf::from("data/ner_model.bin");
    let mut holdout = false;
    let mut cv = 0usize;
    let mut show_errors = false;
    let mut conll = true;
    let mut epochs = 12;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = args.next().map(PathBuf::from).unwrap_or(data),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--holdout" => holdout = true,
            "--errors" => show_errors = true,
            "--gum-convention" => conll = false,
            "--cv" => cv = args.next().and_then(|s| s.parse().ok()).unwrap_or(3),
            "--epochs" => epochs = args.next().and_then(|s| s.parse().ok()).unwrap_or(epochs),
            other => anyhow::bail!("unknown argument {other}"),
        }
    }
    let gum = data.join("gum-ner");
    let mut other = Vec::new();
    let mut news = Vec::new();
    for genre in ["news", "interview", "bio", "voyage", "academic"] {
        for d in gold::load_gum_dir(&gum.join(genre))? {
            if genre == "news" {
                news.push(d);
            } else {
                other.push(d);
            }
        }
    }
    other.extend(gold::load_iob2(
        &data.join("uner-en-ewt/en_ewt-ud-dev.iob2"),
    )?);
    let uner_test = gold::load_iob2(&data.join("uner-en-ewt/en_ewt-ud-test.iob2"))?;
    // Country names tagged as organizations (national teams) become places, as in
    // CoNLL-style newswire gold; training and scoring both see that convention.
    if conll {
        news.iter_mut().for_each(gold::conll_convention);
        other.iter_mut().for_each(gold::conll_convention);
    }
    if cv > 0 {
        // K-fold cross-validation over the GUM news documents (name order, i % K): every
        // news document is scored by a model that never saw it.
        let mut total = Counts::default();
        let mut uner = Counts::default();
        for fold in 0..cv {
            let mut train_docs = other.clone();
            let mut test = Vec::new();
            for (i, d) in news.iter().enumerate() {
                if i % cv == fold {
                    test.push(d.clone());
                } else {
                    train_docs.push(d.clone());
                }
            }
            let model = train(&train_docs, epochs, true);
            for d in &test {
                let pred = gold::predict_with(Some(&model), &d.text);
                total.add(&d.spans, &pred);
                if show_errors {
                    print_errors(d, &pred);
                }
            }
            if fold == 0 {
                for d in &uner_test {
                    uner.add(&d.spans, &gold::predict_with(Some(&model), &d.text));
                }
            }
        }
        println!(
            "== GUM news {cv}-fold cross-validation ({} docs)\n{total}\n",
            news.len()
        );
        println!("== UNER EWT test (fold-0 model)\n{uner}\n");
        return Ok(());
    }
    let mut train_docs = other;
    let mut held = Vec::new();
    for d in &news {
        if holdout && gold::HOLDOUT_NEWS.contains(&d.name.as_str()) {
            held.push(d.clone());
        } else {
            train_docs.push(d.clone());
        }
    }
    let model = train(&train_docs, epochs, false);
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes)?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    let model =
        Model::from_bytes(&bytes).ok_or_else(|| anyhow::anyhow!("model does not decode"))?;
    if holdout {
        evaluate(&model, "GUM news held out", &held);
    }
    evaluate(&model, "GUM news (all)", &news);
    evaluate(&model, "UNER EWT test", &uner_test);
    Ok(())
}

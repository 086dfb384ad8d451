//! Reading annotated gold sets and scoring the extractor against them (used by
//! `examples/ner_eval.rs`, `examples/train_ner.rs` and the tests). The gold data itself is
//! never part of the repository: it is read from `../shared/data` at run time.
//!
//! Formats: GUM-NER (`<genre>/*.txt` plus `gold_entities.jsonl`, code-point offsets) and
//! IOB2 token files (`# newdoc id`, tab-separated `index token label`).

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use super::EntityKind;

/// Problems reading a gold set.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {msg}")]
    Format {
        path: PathBuf,
        line: usize,
        msg: String,
    },
}

/// One gold span: a byte range and a kind (person, place or organization).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct GoldSpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// One annotated document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub name: String,
    pub text: String,
    pub spans: Vec<GoldSpan>,
}

fn read(path: &Path) -> Result<String, GoldError> {
    std::fs::read_to_string(path).map_err(|source| GoldError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn kind_of(t: &str) -> Option<EntityKind> {
    match t {
        "PER" => Some(EntityKind::Person),
        "LOC" => Some(EntityKind::Place),
        "ORG" => Some(EntityKind::Organization),
        _ => None,
    }
}

/// Loads one GUM-NER genre folder (e.g. `../shared/data/gum-ner/news`).
pub fn load_gum_dir(dir: &Path) -> Result<Vec<GoldDoc>, GoldError> {
    let gold_path = dir.join("gold_entities.jsonl");
    let gold = read(&gold_path)?;
    let mut by_doc: BTreeMap<String, Vec<(usize, usize, EntityKind)>> = BTreeMap::new();
    for (n, line) in gold.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| GoldError::Format {
            path: gold_path.clone(),
            line: n + 1,
            msg: e.to_string(),
        })?;
        let bad = |msg: &str| GoldError::Format {
            path: gold_path.clone(),
            line: n + 1,
            msg: msg.into(),
        };
        let doc = v["doc"].as_str().ok_or_else(|| bad("no doc"))?;
        let start = v["start"].as_u64().ok_or_else(|| bad("no start"))? as usize;
        let end = v["end"].as_u64().ok_or_else(|| bad("no end"))? as usize;
        let Some(kind) = v["type"].as_str().and_then(kind_of) else {
            continue;
        };
        by_doc
            .entry(doc.to_string())
            .or_default()
            .push((start, end, kind));
    }
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| GoldError::Io {
            path: dir.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut docs = Vec::new();
    for p in names {
        let text = read(&p)?;
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Code-point offsets → byte offsets.
        let mut byte_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_at.push(text.len());
        let spans = by_doc
            .get(&name)
            .map(|v| {
                v.iter()
                    .filter_map(|&(s, e, kind)| {
                        Some(GoldSpan {
                            start: *byte_at.get(s)?,
                            end: *byte_at.get(e)?,
                            kind,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        docs.push(GoldDoc { name, text, spans });
    }
    Ok(docs)
}

/// Loads an IOB2 file; each document's text is its tokens joined by spaces, one sentence a line.
pub fn load_iob2(path: &Path) -> Result<Vec<GoldDoc>, GoldError> {
    let src = read(path)?;
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut cur = GoldDoc {
        name: String::new(),
        text: String::new(),
        spans: Vec::new(),
    };
    let mut open: Option<(usize, usize, EntityKind)> = None;
    let mut sentence_started = false;
    let close = |cur: &mut GoldDoc, open: &mut Option<(usize, usize, EntityKind)>| {
        if let Some((s, e, k)) = open.take() {
            cur.spans.push(GoldSpan {
                start: s,
                end: e,
                kind: k,
            });
        }
    };
    for (n, line) in src.lines().enumerate() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            close(&mut cur, &mut open);
            if !cur.text.is_empty() {
                docs.push(std::mem::replace(
                    &mut cur,
                    GoldDoc {
                        name: String::new(),
                        text: String::new(),
                        spans: Vec::new(),
                    },
                ));
            }
            cur.name = id.trim().to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            close(&mut cur, &mut open);
            if sentence_started {
                cur.text.push('\n');
                sentence_started = false;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(tok), Some(label)) = (cols.get(1), cols.get(2)) else {
            return Err(GoldError::Format {
                path: path.to_path_buf(),
                line: n + 1,
                msg: "expected index, token, label".into(),
            });
        };
        if sentence_started {
            cur.text.push(' ');
        }
        sentence_started = true;
        let start = cur.text.len();
        cur.text.push_str(tok);
        let end = cur.text.len();
        let (bio, ty) = label.split_once('-').unwrap_or((label, ""));
        let kind = kind_of(ty);
        match (bio, kind) {
            ("I", Some(k)) if open.is_some_and(|o| o.2 == k) => {
                if let Some(o) = open.as_mut() {
                    o.1 = end;
                }
            }
            (_, Some(k)) if bio == "B" || bio == "I" => {
                close(&mut cur, &mut open);
                open = Some((start, end, k));
            }
            _ => close(&mut cur, &mut open),
        }
    }
    close(&mut cur, &mut open);
    if !cur.text.is_empty() {
        docs.push(cur);
    }
    Ok(docs)
}

/// True/false positives and false negatives per kind (person, place, organization).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: [usize; 3],
    pub fp: [usize; 3],
    pub fn_: [usize; 3],
    /// Span matches ignoring the kind.
    pub untyped_tp: usize,
}

fn idx(k: EntityKind) -> Option<usize> {
    match k {
        EntityKind::Person => Some(0),
        EntityKind::Place => Some(1),
        EntityKind::Organization => Some(2),
        EntityKind::Topic => None,
    }
}

fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fn_ == 0 {
        0.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl Counts {
    /// Adds one document: exact span-and-kind match.
    pub fn add(&mut self, gold: &[GoldSpan], predicted: &[GoldSpan]) {
        let mut g: Vec<GoldSpan> = gold
            .iter()
            .copied()
            .filter(|s| idx(s.kind).is_some())
            .collect();
        let mut p: Vec<GoldSpan> = predicted
            .iter()
            .copied()
            .filter(|s| idx(s.kind).is_some())
            .collect();
        g.sort();
        g.dedup();
        p.sort();
        p.dedup();
        for s in &p {
            let Some(k) = idx(s.kind) else { continue };
            if g.contains(s) {
                self.tp[k] += 1;
            } else {
                self.fp[k] += 1;
            }
            if g.iter().any(|x| x.start == s.start && x.end == s.end) {
                self.untyped_tp += 1;
            }
        }
        for s in &g {
            if let Some(k) = idx(s.kind).filter(|_| !p.contains(s)) {
                self.fn_[k] += 1;
            }
        }
    }

    /// Precision, recall, F1 of one kind (0 person, 1 place, 2 organization).
    pub fn kind(&self, k: usize) -> (f64, f64, f64) {
        prf(self.tp[k], self.fp[k], self.fn_[k])
    }

    /// Micro-averaged precision, recall, F1.
    pub fn micro(&self) -> (f64, f64, f64) {
        prf(
            self.tp.iter().sum(),
            self.fp.iter().sum(),
            self.fn_.iter().sum(),
        )
    }

    /// Span-only F1 (kind ignored).
    pub fn untyped(&self) -> (f64, f64, f64) {
        let pred: usize = self.tp.iter().sum::<usize>() + self.fp.iter().sum::<usize>();
        let gold: usize = self.tp.iter().sum::<usize>() + self.fn_.iter().sum::<usize>();
        prf(
            self.untyped_tp,
            pred - self.untyped_tp.min(pred),
            gold - self.untyped_tp.min(gold),
        )
    }
}

impl fmt::Display for Counts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<8} {:>6} {:>6} {:>6} {:>6}",
            "type", "P", "R", "F1", "gold"
        )?;
        for (k, name) in ["PER", "LOC", "ORG"].iter().enumerate() {
            let (p, r, f1) = self.kind(k);
            writeln!(
                f,
                "{name:<8} {p:>6.3} {r:>6.3} {f1:>6.3} {:>6}",
                self.tp[k] + self.fn_[k]
            )?;
        }
        let (p, r, f1) = self.micro();
        let gold: usize = self.tp.iter().sum::<usize>() + self.fn_.iter().sum::<usize>();
        writeln!(f, "{:<8} {p:>6.3} {r:>6.3} {f1:>6.3} {gold:>6}", "micro")?;
        let (p, r, f1) = self.untyped();
        write!(f, "{:<8} {p:>6.3} {r:>6.3} {f1:>6.3}", "untyped")
    }
}

/// Re-labels organization spans that are just a country name (national sports teams,
/// "England beat Belgium") as places: CoNLL-style newswire gold tags such metonymic uses by
/// the name's usual kind, GUM by the role. Used by training and, on request, scoring.
pub fn conll_convention(doc: &mut GoldDoc) {
    let g = super::gazetteer::Gazetteer::get();
    for s in &mut doc.spans {
        if s.kind != EntityKind::Organization {
            continue;
        }
        let Some(t) = doc.text.get(s.start..s.end) else {
            continue;
        };
        let f = super::text::fold(t);
        if g.is_country(&f) {
            s.kind = EntityKind::Place;
        }
    }
}

/// GUM news documents kept out of training, to report honest numbers (every third of the
/// 24 news documents in name order).
pub const HOLDOUT_NEWS: &[&str] = &[
    "GUM_news_afghan",
    "GUM_news_crane",
    "GUM_news_expo",
    "GUM_news_homeopathic",
    "GUM_news_iodine",
    "GUM_news_nasa",
    "GUM_news_sensitive",
    "GUM_news_stampede",
];

/// Runs the detector (embedded model) over a whole document (one block).
pub fn predict(text: &str) -> Vec<GoldSpan> {
    predict_with(super::ner::Model::embedded(), text)
}

/// Runs the detector with a given model over a whole document (one block).
pub fn predict_with(model: Option<&super::ner::Model>, text: &str) -> Vec<GoldSpan> {
    super::detect::detect_with(model, text, std::slice::from_ref(&(0..text.len())))
        .into_iter()
        .map(|f| GoldSpan {
            start: f.start,
            end: f.end,
            kind: f.kind,
        })
        .collect()
}

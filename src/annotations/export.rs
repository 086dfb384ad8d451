//! Exporting annotations into the reader's own notes: Markdown per article, or JSON with
//! every field. Both are pure functions of the library and the annotation set, so the
//! output is deterministic and testable.

use std::fmt::Write as _;

use serde_json::{Value, json};

use super::model::{AnchorStatus, Annotation, AnnotationSet, Correction, Motivation, ReadStatus};
use crate::article::Article;

fn live_for<'a>(set: &'a AnnotationSet, article: &Article) -> Vec<&'a Annotation> {
    let mut v: Vec<&Annotation> = set
        .annotations
        .iter()
        .filter(|a| !a.deleted && a.article.as_deref() == Some(article.id.as_str()))
        .collect();
    v.sort_by_key(|a| {
        (
            a.anchor.as_ref().map_or(usize::MAX, |x| x.start),
            a.created,
            a.id,
        )
    });
    v
}

fn is_orphaned(a: &Annotation) -> bool {
    a.anchor
        .as_ref()
        .is_some_and(|x| x.status == AnchorStatus::Orphaned)
}

fn quote_block(out: &mut String, quote: &str) {
    for line in quote.trim_end_matches('\n').lines() {
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    out.push('\n');
}

fn tag_line(tags: &[String]) -> String {
    let list: Vec<String> = tags.iter().map(|t| format!("`{t}`")).collect();
    format!("Tags: {}\n\n", list.join(", "))
}

/// One annotation with a quote: the quote, then its note and tags.
fn quoted(out: &mut String, a: &Annotation) {
    if let Some(an) = &a.anchor {
        if a.motivation == Motivation::Bookmarking {
            let _ = writeln!(out, "Bookmark at character {}:\n", an.start);
        }
        quote_block(out, &an.quote);
    }
    if let Some(note) = a.note.as_deref().filter(|n| !n.trim().is_empty()) {
        out.push_str(note.trim_end());
        out.push_str("\n\n");
    }
    if !a.tags.is_empty() {
        out.push_str(&tag_line(&a.tags));
    }
}

fn source_line(article: &Article) -> String {
    let path = article.path.display();
    match (&article.meta.source, &article.meta.url) {
        (Some(s), Some(u)) => format!("Source: {s} <{u}> · `{path}`"),
        (Some(s), None) => format!("Source: {s} · `{path}`"),
        (None, Some(u)) => format!("Source: <{u}> · `{path}`"),
        (None, None) => format!("Source: `{path}`"),
    }
}

fn describe_correction(c: &Correction) -> String {
    match c {
        Correction::Rename { entity, name } => format!("rename `{entity}` to “{name}”"),
        Correction::ChangeKind { entity, kind } => {
            format!("change the kind of `{entity}` to {}", kind.as_str())
        }
        Correction::Merge { entity, into } => format!("merge `{entity}` into `{into}`"),
        Correction::Hide { entity } => format!("hide `{entity}`"),
        Correction::Add { name, kind } => format!("add “{name}” ({})", kind.as_str()),
    }
}

/// Markdown: per article with annotations, its title and source, each highlight as a
/// block quote followed by its note and tags, then the article's notes and tags; orphaned
/// annotations (and entity corrections) in closing sections.
pub fn export_markdown(articles: &[Article], set: &AnnotationSet) -> String {
    let mut out = String::from("# Annotations\n\n");
    let mut orphans: Vec<(&Article, Vec<&Annotation>)> = Vec::new();
    for article in articles {
        let all = live_for(set, article);
        if all.is_empty() {
            continue;
        }
        let (orphaned, placed): (Vec<&Annotation>, Vec<&Annotation>) =
            all.into_iter().partition(|a| is_orphaned(a));
        if !orphaned.is_empty() {
            orphans.push((article, orphaned));
        }
        let _ = writeln!(out, "## {}\n", article.title.trim());
        let _ = writeln!(out, "{}\n", source_line(article));
        for a in placed
            .iter()
            .filter(|a| a.anchor.is_some() && a.correction.is_none())
        {
            quoted(&mut out, a);
        }
        let notes: Vec<&&Annotation> = placed
            .iter()
            .filter(|a| a.anchor.is_none() && a.motivation == Motivation::Commenting)
            .collect();
        if !notes.is_empty() {
            out.push_str("### Notes\n\n");
            for a in notes {
                quoted(&mut out, a);
            }
        }
        let mut tags: Vec<String> = placed
            .iter()
            .filter(|a| a.is_article_tag())
            .flat_map(|a| a.tags.iter().cloned())
            .collect();
        tags.sort();
        tags.dedup();
        if !tags.is_empty() {
            out.push_str(&tag_line(&tags));
        }
    }
    if !orphans.is_empty() {
        out.push_str("## Orphaned annotations\n\n");
        out.push_str("These no longer match the text of their article. They are kept in the annotation file.\n\n");
        for (article, list) in orphans {
            let _ = writeln!(out, "### {}\n", article.title.trim());
            for a in list {
                quoted(&mut out, a);
            }
        }
    }
    let corrections: Vec<&Annotation> = set
        .annotations
        .iter()
        .filter(|a| !a.deleted && a.correction.is_some())
        .collect();
    if !corrections.is_empty() {
        out.push_str("## Entity corrections\n\n");
        for a in corrections {
            if let Some(c) = &a.correction {
                let _ = writeln!(out, "- {}", describe_correction(c));
            }
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// One annotation with every field (offsets in characters, as in the file).
pub fn annotation_json(a: &Annotation) -> Value {
    let anchor = a.anchor.as_ref().map(|x| {
        json!({
            "quote": x.quote,
            "prefix": x.prefix,
            "suffix": x.suffix,
            "start": x.start,
            "end": x.end,
            "block": x.block,
            "status": x.status.as_str(),
        })
    });
    let correction = a.correction.as_ref().map(|c| {
        let mut m = serde_json::Map::new();
        m.insert("action".into(), json!(c.action()));
        match c {
            Correction::Rename { entity, name } => {
                m.insert("entity".into(), json!(entity));
                m.insert("name".into(), json!(name));
            }
            Correction::ChangeKind { entity, kind } => {
                m.insert("entity".into(), json!(entity));
                m.insert("kind".into(), json!(kind.as_str()));
            }
            Correction::Merge { entity, into } => {
                m.insert("entity".into(), json!(entity));
                m.insert("into".into(), json!(into));
            }
            Correction::Hide { entity } => {
                m.insert("entity".into(), json!(entity));
            }
            Correction::Add { name, kind } => {
                m.insert("name".into(), json!(name));
                m.insert("kind".into(), json!(kind.as_str()));
            }
        }
        Value::Object(m)
    });
    json!({
        "id": a.id.to_string(),
        "article": a.article,
        "motivation": a.motivation.as_str(),
        "created": a.created.to_string(),
        "modified": a.modified.to_string(),
        "anchor": anchor,
        "note": a.note,
        "tags": a.tags,
        "correction": correction,
    })
}

/// JSON: every article of the library that has annotations or a read state, with every
/// field of its record and annotations, plus the entity corrections.
pub fn export_json(articles: &[Article], set: &AnnotationSet) -> Value {
    let mut out_articles = Vec::new();
    for article in articles {
        let record = set.article(&article.id);
        let annotations = live_for(set, article);
        if record.is_none() && annotations.is_empty() {
            continue;
        }
        let mut tags: Vec<&str> = annotations
            .iter()
            .filter(|a| a.is_article_tag())
            .flat_map(|a| a.tags.iter().map(String::as_str))
            .collect();
        tags.sort_unstable();
        tags.dedup();
        out_articles.push(json!({
            "id": article.id,
            "path": article.path.to_string_lossy(),
            "title": article.title,
            "source": article.meta.source,
            "url": article.meta.url,
            "status": record.map_or(ReadStatus::Unread, |r| r.status).as_str(),
            "last_position": record.and_then(|r| r.last_position),
            "text_hash": record.map(|r| r.text_hash.as_str()),
            "tags": tags,
            "annotations": annotations.iter().filter(|a| !a.is_article_tag() && a.correction.is_none()).map(|a| annotation_json(a)).collect::<Vec<_>>(),
        }));
    }
    let corrections: Vec<Value> = set
        .annotations
        .iter()
        .filter(|a| !a.deleted && a.correction.is_some())
        .map(annotation_json)
        .collect();
    json!({
        "schema": "byline-annotations-export",
        "schema_version": 1,
        "articles": out_articles,
        "corrections": corrections,
    })
}

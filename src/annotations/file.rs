//! Reading and writing the TOML annotation file.
//!
//! Reading validates everything against the spans of the parsed document so every problem
//! can be reported with a line and column. Writing never regenerates the file: it updates
//! the `toml_edit` document in place (tables found by `id`, values changed only when they
//! differ), so comments, key order and keys byline does not know survive a save.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;

use jiff::Timestamp;
use toml_edit::{ArrayOfTables, Datetime, DocumentMut, Item, Table, Value};
use uuid::Uuid;

use super::error::LoadError;
use super::model::{
    Anchor, AnchorStatus, Annotation, AnnotationSet, ArticleRecord, Correction, Motivation,
    ReadStatus,
};
use crate::entities::EntityKind;

/// The value of the `schema` key.
pub const SCHEMA: &str = "byline-annotations";
/// The newest `schema_version` this build reads and writes.
pub const SCHEMA_VERSION: i64 = 1;

/// What a new file starts with.
const HEADER: &str = "\
# byline annotations: highlights, notes, tags, bookmarks, read state and entity corrections.
# This file is yours: edit it by hand if you like (comments and extra keys are kept).
# Offsets are character offsets; `quote` with `prefix`/`suffix` is what really anchors.
schema = \"byline-annotations\"
schema_version = 1
";

/// A parsed file: the editable document and the values it holds.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub doc: DocumentMut,
    pub set: AnnotationSet,
}

/// A fresh document with the header comment and schema keys.
pub fn new_document() -> DocumentMut {
    DocumentMut::from_str(HEADER).unwrap_or_default()
}

/// 1-based line and column (in chars) of byte `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Reads the file's text into a document and its values, or says where it is wrong.
pub fn parse(path: &Path, text: &str) -> Result<Parsed, LoadError> {
    // toml_edit 0.23 panics on some malformed documents ("all items have spans", found by
    // the fuzzer on `==\n.=`); the `toml` parser reports those as errors, so it screens
    // the text first and its message, with line and column, is what the user sees.
    if let Err(e) = text.parse::<toml::Table>() {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        return Err(LoadError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message: one_line(e.message()),
        });
    }
    let doc = toml_edit::Document::parse(text.to_string()).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        LoadError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message: one_line(e.message()),
        }
    })?;
    let cx = Cx { path, text };
    let root = doc.as_table();
    let has_content = !root.is_empty();
    match root.get("schema") {
        None if !has_content => {}
        None => {
            return Err(cx.invalid(
                Some(0..0),
                "this is not a byline annotations file: it has no `schema = \"byline-annotations\"` line",
            ));
        }
        Some(item) => {
            let found = item.as_str();
            if found != Some(SCHEMA) {
                return Err(cx.invalid(
                    item.span(),
                    format!("schema must be \"{SCHEMA}\", found {}", show(item)),
                ));
            }
            check_version(&cx, root)?;
        }
    }
    let mut set = AnnotationSet::default();
    let mut seen_articles = std::collections::HashSet::new();
    for (t, span) in tables(&cx, root, "article")? {
        let rec = read_article(&cx, t, span.clone())?;
        if !seen_articles.insert(rec.id.clone()) {
            return Err(cx.invalid(span, format!("article \"{}\" is listed twice", rec.id)));
        }
        set.articles.push(rec);
    }
    let mut seen = std::collections::HashSet::new();
    for (t, span) in tables(&cx, root, "annotation")? {
        let a = read_annotation(&cx, t, span.clone())?;
        if !seen.insert(a.id) {
            return Err(cx.invalid(
                key_span(t, "id", &span),
                format!("annotation id {} is used twice", a.id),
            ));
        }
        set.annotations.push(a);
    }
    Ok(Parsed {
        doc: doc.into_mut(),
        set,
    })
}

/// Location-aware error building while reading one file.
struct Cx<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Cx<'_> {
    fn invalid(&self, span: Option<Range<usize>>, message: impl Into<String>) -> LoadError {
        let (line, column) = span.map_or((1, 1), |s| line_col(self.text, s.start));
        LoadError::Invalid {
            path: self.path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short rendering of a value for messages.
fn show(item: &Item) -> String {
    let s = item.to_string();
    let s = s.trim();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

fn check_version(cx: &Cx, root: &Table) -> Result<(), LoadError> {
    let Some(item) = root.get("schema_version") else {
        let span = root.get("schema").and_then(Item::span);
        return Err(cx.invalid(span, "schema_version is missing (this byline writes 1)"));
    };
    match item.as_integer() {
        Some(v) if v == SCHEMA_VERSION => Ok(()),
        Some(v) if v > SCHEMA_VERSION => {
            let (line, column) = item.span().map_or((1, 1), |s| line_col(cx.text, s.start));
            Err(LoadError::NewerSchema {
                path: cx.path.to_path_buf(),
                line,
                column,
                found: v,
                supported: SCHEMA_VERSION,
            })
        }
        _ => Err(cx.invalid(
            item.span(),
            format!(
                "schema_version must be {SCHEMA_VERSION}, found {}",
                show(item)
            ),
        )),
    }
}

/// A table of the file with its place in the text.
type SpannedTable<'a> = (&'a Table, Option<Range<usize>>);

/// The `[[name]]` tables of the root, with their spans.
fn tables<'a>(cx: &Cx, root: &'a Table, name: &str) -> Result<Vec<SpannedTable<'a>>, LoadError> {
    match root.get(name) {
        None => Ok(Vec::new()),
        Some(Item::ArrayOfTables(aot)) => Ok(aot.iter().map(|t| (t, t.span())).collect()),
        Some(other) => Err(cx.invalid(
            other
                .span()
                .or_else(|| root.key(name).and_then(|k| k.span())),
            format!("`{name}` must be written as [[{name}]] tables"),
        )),
    }
}

fn key_span(t: &Table, key: &str, fallback: &Option<Range<usize>>) -> Option<Range<usize>> {
    t.get(key)
        .and_then(Item::span)
        .or_else(|| t.key(key).and_then(|k| k.span()))
        .or_else(|| fallback.clone())
}

fn opt_str(
    cx: &Cx,
    t: &Table,
    key: &str,
    span: &Option<Range<usize>>,
) -> Result<Option<String>, LoadError> {
    match t.get(key) {
        None => Ok(None),
        Some(item) => match item.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(cx.invalid(
                key_span(t, key, span),
                format!("{key} must be a string, found {}", show(item)),
            )),
        },
    }
}

fn req_str(
    cx: &Cx,
    t: &Table,
    key: &str,
    what: &str,
    span: &Option<Range<usize>>,
) -> Result<String, LoadError> {
    opt_str(cx, t, key, span)?
        .ok_or_else(|| cx.invalid(span.clone(), format!("this {what} has no `{key}`")))
}

fn opt_uint(
    cx: &Cx,
    t: &Table,
    key: &str,
    span: &Option<Range<usize>>,
) -> Result<Option<usize>, LoadError> {
    match t.get(key) {
        None => Ok(None),
        Some(item) => match item.as_integer().and_then(|v| usize::try_from(v).ok()) {
            Some(v) => Ok(Some(v)),
            None => Err(cx.invalid(
                key_span(t, key, span),
                format!(
                    "{key} must be a whole number of 0 or more, found {}",
                    show(item)
                ),
            )),
        },
    }
}

fn opt_time(
    cx: &Cx,
    t: &Table,
    key: &str,
    span: &Option<Range<usize>>,
) -> Result<Option<Timestamp>, LoadError> {
    let Some(item) = t.get(key) else {
        return Ok(None);
    };
    let raw = match item.as_value() {
        Some(Value::Datetime(d)) => Some(d.value().to_string()),
        Some(Value::String(s)) => Some(s.value().clone()),
        _ => None,
    };
    raw.and_then(|r| r.parse::<Timestamp>().ok()).map(Some).ok_or_else(|| {
        cx.invalid(
            key_span(t, key, span),
            format!("{key} must be a date and time with a UTC offset, like 2025-03-01T09:30:00Z; found {}", show(item)),
        )
    })
}

fn read_article(
    cx: &Cx,
    t: &Table,
    span: Option<Range<usize>>,
) -> Result<ArticleRecord, LoadError> {
    let status = match opt_str(cx, t, "status", &span)? {
        None => ReadStatus::Unread,
        Some(s) => ReadStatus::parse(&s).ok_or_else(|| {
            cx.invalid(
                key_span(t, "status", &span),
                format!("status must be \"read\" or \"unread\", found \"{s}\""),
            )
        })?,
    };
    Ok(ArticleRecord {
        id: req_str(cx, t, "id", "[[article]]", &span)?,
        path: opt_str(cx, t, "path", &span)?.unwrap_or_default(),
        title: opt_str(cx, t, "title", &span)?.unwrap_or_default(),
        text_hash: opt_str(cx, t, "text_hash", &span)?.unwrap_or_default(),
        status,
        last_position: opt_uint(cx, t, "last_position", &span)?,
        modified: opt_time(cx, t, "modified", &span)?,
    })
}

fn read_kind(cx: &Cx, t: &Table, span: &Option<Range<usize>>) -> Result<EntityKind, LoadError> {
    let s = req_str(cx, t, "kind", "correction", span)?;
    EntityKind::parse(&s).ok_or_else(|| {
        cx.invalid(
            key_span(t, "kind", span),
            format!("kind must be person, place, organization or topic, found \"{s}\""),
        )
    })
}

fn read_correction(
    cx: &Cx,
    t: &Table,
    span: &Option<Range<usize>>,
) -> Result<Option<Correction>, LoadError> {
    let Some(action) = opt_str(cx, t, "correction", span)? else {
        return Ok(None);
    };
    let entity = || req_str(cx, t, "entity", "correction", span);
    Ok(Some(match action.as_str() {
        "rename" => Correction::Rename {
            entity: entity()?,
            name: req_str(cx, t, "name", "correction", span)?,
        },
        "change_kind" => Correction::ChangeKind {
            entity: entity()?,
            kind: read_kind(cx, t, span)?,
        },
        "merge" => Correction::Merge {
            entity: entity()?,
            into: req_str(cx, t, "into", "correction", span)?,
        },
        "hide" => Correction::Hide { entity: entity()? },
        "add" => Correction::Add {
            name: req_str(cx, t, "name", "correction", span)?,
            kind: read_kind(cx, t, span)?,
        },
        other => {
            return Err(cx.invalid(
                key_span(t, "correction", span),
                format!(
                    "correction must be rename, change_kind, merge, hide or add, found \"{other}\""
                ),
            ));
        }
    }))
}

fn read_annotation(
    cx: &Cx,
    t: &Table,
    span: Option<Range<usize>>,
) -> Result<Annotation, LoadError> {
    let id_text = req_str(cx, t, "id", "[[annotation]]", &span)?;
    let id = Uuid::parse_str(&id_text).map_err(|_| {
        cx.invalid(
            key_span(t, "id", &span),
            format!("id \"{id_text}\" is not a UUID"),
        )
    })?;
    let motivation_text = req_str(cx, t, "motivation", "[[annotation]]", &span)?;
    let motivation = Motivation::parse(&motivation_text).ok_or_else(|| {
        cx.invalid(
            key_span(t, "motivation", &span),
            format!(
                "motivation must be highlighting, commenting, tagging, bookmarking, identifying or classifying, found \"{motivation_text}\""
            ),
        )
    })?;
    let created = opt_time(cx, t, "created", &span)?
        .ok_or_else(|| cx.invalid(span.clone(), "this [[annotation]] has no `created` time"))?;
    let modified = opt_time(cx, t, "modified", &span)?.unwrap_or(created);
    let anchor = match opt_str(cx, t, "quote", &span)? {
        None => None,
        Some(quote) => {
            let status = match opt_str(cx, t, "anchor", &span)? {
                None => AnchorStatus::Anchored,
                Some(s) => AnchorStatus::parse(&s).ok_or_else(|| {
                    cx.invalid(
                        key_span(t, "anchor", &span),
                        format!("anchor must be anchored, fuzzy or orphaned, found \"{s}\""),
                    )
                })?,
            };
            let start = opt_uint(cx, t, "start", &span)?.unwrap_or(0);
            let end = opt_uint(cx, t, "end", &span)?.unwrap_or(start + quote.chars().count());
            Some(Anchor {
                prefix: opt_str(cx, t, "prefix", &span)?.unwrap_or_default(),
                suffix: opt_str(cx, t, "suffix", &span)?.unwrap_or_default(),
                start,
                end,
                block: opt_uint(cx, t, "block", &span)?,
                status,
                quote,
            })
        }
    };
    let tags = match t.get("tags") {
        None => Vec::new(),
        Some(item) => {
            let bad = || {
                cx.invalid(
                    key_span(t, "tags", &span),
                    format!("tags must be a list of strings, found {}", show(item)),
                )
            };
            let arr = item.as_array().ok_or_else(bad)?;
            arr.iter()
                .map(|v| v.as_str().map(str::to_string).ok_or_else(bad))
                .collect::<Result<_, _>>()?
        }
    };
    let deleted = match t.get("deleted") {
        None => false,
        Some(item) => item.as_bool().ok_or_else(|| {
            cx.invalid(
                key_span(t, "deleted", &span),
                format!("deleted must be true or false, found {}", show(item)),
            )
        })?,
    };
    Ok(Annotation {
        id,
        article: opt_str(cx, t, "article", &span)?,
        motivation,
        created,
        modified,
        anchor,
        note: opt_str(cx, t, "note", &span)?,
        tags,
        correction: read_correction(cx, t, &span)?,
        deleted,
    })
}

// ---------------------------------------------------------------------------------------
// Writing

fn time_value(t: Timestamp) -> Value {
    match Datetime::from_str(&t.to_string()) {
        Ok(d) => Value::from(d),
        Err(_) => Value::from(t.to_string()),
    }
}

fn int_value(v: usize) -> Value {
    Value::from(i64::try_from(v).unwrap_or(i64::MAX))
}

/// A one-line string value (newlines escaped, so quotes and context stay on one line).
fn str_value(s: &str) -> Value {
    Value::from(s)
}

/// A note: multi-line text is written as a readable `'''` literal when it can be.
fn text_value(s: &str) -> Value {
    let literal_ok = s.contains('\n')
        && !s.contains("'''")
        && !s.ends_with('\'')
        && s.chars().all(|c| c == '\n' || c == '\t' || !c.is_control());
    if literal_ok {
        let raw = format!("'''\n{s}'''");
        if let Ok(v) = Value::from_str(&raw) {
            if v.as_str() == Some(s) {
                return v;
            }
        }
    }
    Value::from(s)
}

fn strs_value(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| s.as_str()).collect())
}

/// The keys of an `[[article]]` table in write order; `None` removes the key.
fn article_fields(r: &ArticleRecord) -> Vec<(&'static str, Option<Value>)> {
    vec![
        ("id", Some(str_value(&r.id))),
        ("path", Some(str_value(&r.path))),
        ("title", Some(str_value(&r.title))),
        ("text_hash", Some(str_value(&r.text_hash))),
        ("status", Some(Value::from(r.status.as_str()))),
        ("last_position", r.last_position.map(int_value)),
        ("modified", r.modified.map(time_value)),
    ]
}

/// The keys of an `[[annotation]]` table in write order; `None` removes the key.
fn annotation_fields(a: &Annotation) -> Vec<(&'static str, Option<Value>)> {
    let an = a.anchor.as_ref();
    let c = a.correction.as_ref();
    let (entity, name, kind, into) = match c {
        Some(Correction::Rename { entity, name }) => (Some(entity), Some(name), None, None),
        Some(Correction::ChangeKind { entity, kind }) => (Some(entity), None, Some(*kind), None),
        Some(Correction::Merge { entity, into }) => (Some(entity), None, None, Some(into)),
        Some(Correction::Hide { entity }) => (Some(entity), None, None, None),
        Some(Correction::Add { name, kind }) => (None, Some(name), Some(*kind), None),
        None => (None, None, None, None),
    };
    vec![
        ("id", Some(Value::from(a.id.to_string()))),
        ("article", a.article.as_deref().map(str_value)),
        ("motivation", Some(Value::from(a.motivation.as_str()))),
        ("created", Some(time_value(a.created))),
        ("modified", Some(time_value(a.modified))),
        ("quote", an.map(|x| str_value(&x.quote))),
        ("prefix", an.map(|x| str_value(&x.prefix))),
        ("suffix", an.map(|x| str_value(&x.suffix))),
        ("start", an.map(|x| int_value(x.start))),
        ("end", an.map(|x| int_value(x.end))),
        ("block", an.and_then(|x| x.block).map(int_value)),
        ("anchor", an.map(|x| Value::from(x.status.as_str()))),
        ("note", a.note.as_deref().map(text_value)),
        ("tags", (!a.tags.is_empty()).then(|| strs_value(&a.tags))),
        ("correction", c.map(|c| Value::from(c.action()))),
        ("entity", entity.map(|s| str_value(s))),
        ("name", name.map(|s| str_value(s))),
        ("kind", kind.map(|k| Value::from(k.as_str()))),
        ("into", into.map(|s| str_value(s))),
        ("deleted", a.deleted.then(|| Value::from(true))),
    ]
}

/// Whether two values mean the same thing (ignoring how they are written).
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.value() == y.value(),
        (Value::Integer(x), Value::Integer(y)) => x.value() == y.value(),
        (Value::Boolean(x), Value::Boolean(y)) => x.value() == y.value(),
        (Value::Datetime(x), Value::Datetime(y)) => x.value() == y.value(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same_value(p, q))
        }
        _ => false,
    }
}

/// Sets the keys of `t` to `fields`, touching only what differs and keeping the comments
/// attached to a value that is replaced.
fn apply_fields(t: &mut Table, fields: Vec<(&'static str, Option<Value>)>) {
    for (key, value) in fields {
        match value {
            None => {
                t.remove(key);
            }
            Some(mut v) => match t.get_mut(key) {
                Some(Item::Value(old)) => {
                    if !same_value(old, &v) {
                        *v.decor_mut() = old.decor().clone();
                        *old = v;
                    }
                }
                Some(other) => *other = Item::Value(v),
                None => {
                    t.insert(key, Item::Value(v));
                }
            },
        }
    }
}

fn table_id(t: &Table) -> Option<&str> {
    t.get("id").and_then(Item::as_str)
}

/// The `[[name]]` array of the document, created when missing (or when a hand edit made it
/// something else, which `parse` refuses, so only for documents not read from disk).
fn aot_mut<'a>(doc: &'a mut DocumentMut, name: &str) -> &'a mut ArrayOfTables {
    let root = doc.as_table_mut();
    if !matches!(root.get(name), Some(Item::ArrayOfTables(_))) {
        root.insert(name, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    match root.get_mut(name) {
        Some(Item::ArrayOfTables(aot)) => aot,
        _ => unreachable!("inserted just above"),
    }
}

fn new_table(fields: Vec<(&'static str, Option<Value>)>) -> Table {
    let mut t = Table::new();
    t.decor_mut().set_prefix("\n");
    apply_fields(&mut t, fields);
    t
}

/// Writes `set` into `doc` in place: existing tables are updated by id, new ones appended.
/// Tables the set does not mention are left as they are.
pub fn write_set(doc: &mut DocumentMut, set: &AnnotationSet) {
    let root = doc.as_table_mut();
    if root.get("schema").is_none() {
        root.insert("schema", Item::Value(Value::from(SCHEMA)));
    }
    if root.get("schema_version").and_then(Item::as_integer) != Some(SCHEMA_VERSION) {
        root.insert("schema_version", Item::Value(Value::from(SCHEMA_VERSION)));
    }
    if !set.articles.is_empty() {
        let aot = aot_mut(doc, "article");
        let index: HashMap<String, usize> = aot
            .iter()
            .enumerate()
            .filter_map(|(i, t)| table_id(t).map(|id| (id.to_string(), i)))
            .collect();
        // A record whose article got a new id (its text changed) takes over the table of
        // its old id, found by path, so the user's comments stay with it.
        let ids: HashSet<&str> = set.articles.iter().map(|r| r.id.as_str()).collect();
        let mut orphan_tables: Vec<(usize, String)> = aot
            .iter()
            .enumerate()
            .filter(|(_, t)| table_id(t).is_some_and(|id| !ids.contains(id)))
            .filter_map(|(i, t)| {
                t.get("path")
                    .and_then(Item::as_str)
                    .map(|p| (i, p.to_string()))
            })
            .collect();
        for rec in &set.articles {
            let slot = index.get(&rec.id).copied().or_else(|| {
                let k = orphan_tables.iter().position(|(_, p)| *p == rec.path)?;
                Some(orphan_tables.remove(k).0)
            });
            match slot.and_then(|i| aot.get_mut(i)) {
                Some(t) => apply_fields(t, article_fields(rec)),
                None => aot.push(new_table(article_fields(rec))),
            }
        }
    }
    if !set.annotations.is_empty() {
        let aot = aot_mut(doc, "annotation");
        let index: HashMap<Uuid, usize> = aot
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                table_id(t)
                    .and_then(|s| Uuid::parse_str(s).ok())
                    .map(|id| (id, i))
            })
            .collect();
        for a in &set.annotations {
            match index.get(&a.id).and_then(|&i| aot.get_mut(i)) {
                Some(t) => apply_fields(t, annotation_fields(a)),
                None => aot.push(new_table(annotation_fields(a))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_documents_that_trip_toml_edit_are_syntax_errors() {
        // Found by the `annotations` fuzz target: toml_edit 0.23 panics on it.
        let err = parse(Path::new("byline.toml"), "==\n.=").err();
        assert!(
            matches!(err, Some(LoadError::Syntax { line: 1, .. })),
            "{err:?}"
        );
    }

    #[test]
    fn line_col_counts_chars() {
        let text = "a = 1\nbé = x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, text.find('x').unwrap()), (2, 6));
    }

    #[test]
    fn multi_line_notes_are_readable() {
        let v = text_value("first line\nsecond line");
        assert_eq!(v.as_str(), Some("first line\nsecond line"));
        assert!(v.to_string().contains("'''"));
        let tricky = text_value("ends with quote'\n");
        assert_eq!(tricky.as_str(), Some("ends with quote'\n"));
    }

    #[test]
    fn empty_file_is_an_empty_set() {
        let p = parse(Path::new("x.toml"), "# nothing yet\n").unwrap();
        assert!(p.set.articles.is_empty() && p.set.annotations.is_empty());
    }
}

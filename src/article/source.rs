//! From decoded file contents to the article text: BOM, line endings, front matter.
//!
//! Front matter is metadata, not prose, so it is split off; `Article::text` starts after it
//! and every offset in byline points into that text.

use super::FrontMatter;

/// Decoded contents made ready for structure analysis.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prepared {
    pub text: String,
    pub meta: FrontMatter,
    pub warnings: Vec<String>,
}

/// Front matter is only looked for in this many leading lines, so a stray `---` rule deep
/// in a file is never taken for the end of a header.
const MAX_FRONT_MATTER_LINES: usize = 200;

/// Strips a UTF-8 BOM, turns CRLF and lone CR into LF, and splits off front matter.
pub fn prepare(decoded: &str) -> Prepared {
    let text = normalise_newlines(decoded.strip_prefix('\u{feff}').unwrap_or(decoded));
    match split_front_matter(&text) {
        Some((header, body, Delimiter::Toml)) => with_toml(header, body, &text),
        Some((header, body, Delimiter::Yaml)) => match parse_yaml(header) {
            Some(meta) => Prepared {
                text: body.to_string(),
                meta,
                warnings: Vec::new(),
            },
            None => plain(text),
        },
        None => plain(text),
    }
}

fn plain(text: String) -> Prepared {
    Prepared {
        text,
        ..Prepared::default()
    }
}

/// `\r\n` and lone `\r` (old Mac files) both become `\n`.
pub fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delimiter {
    Toml,
    Yaml,
}

/// Returns (header, body, kind) when the text opens with `+++` or `---` and the matching
/// closing line appears within the first lines.
fn split_front_matter(text: &str) -> Option<(&str, &str, Delimiter)> {
    let (kind, fence) = if text.starts_with("+++\n") {
        (Delimiter::Toml, "+++")
    } else if text.starts_with("---\n") {
        (Delimiter::Yaml, "---")
    } else {
        return None;
    };
    let after_open = 4;
    let mut offset = after_open;
    for line in text
        .get(after_open..)?
        .split_inclusive('\n')
        .take(MAX_FRONT_MATTER_LINES)
    {
        let bare = line.trim_end();
        let closes = bare == fence || (kind == Delimiter::Yaml && bare == "...");
        if closes {
            let header = text.get(after_open..offset)?;
            let body = text.get(offset + line.len()..)?;
            return Some((header, body, kind));
        }
        offset += line.len();
    }
    None
}

fn with_toml(header: &str, body: &str, whole: &str) -> Prepared {
    match header.parse::<toml::Table>() {
        Ok(table) => Prepared {
            text: body.to_string(),
            meta: meta_from(|key| table.get(key).and_then(toml_string)),
            warnings: Vec::new(),
        },
        Err(err) => {
            let reason = err
                .message()
                .lines()
                .next()
                .unwrap_or("invalid TOML")
                .to_string();
            Prepared {
                text: whole.to_string(),
                meta: FrontMatter::default(),
                warnings: vec![format!(
                    "front matter is not valid TOML ({reason}); kept as text"
                )],
            }
        }
    }
}

fn toml_string(value: &toml::Value) -> Option<String> {
    match value {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(toml_string).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        toml::Value::Table(_) => None,
        other => Some(other.to_string()),
    }
}

fn meta_from(get: impl Fn(&str) -> Option<String>) -> FrontMatter {
    let clean = |key: &str| {
        get(key)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    FrontMatter {
        title: clean("title"),
        author: clean("author"),
        date: clean("date"),
        source: clean("source"),
        url: clean("url"),
    }
}

/// A deliberately small YAML reader: top-level `key: value` lines, quotes stripped,
/// comments, lists and nested blocks ignored. `None` when no line has that shape (then the
/// `---` was a rule, not a header).
fn parse_yaml(header: &str) -> Option<FrontMatter> {
    let pairs: Vec<(String, String)> = header.lines().filter_map(yaml_pair).collect();
    let looks_like_header = header
        .lines()
        .any(|l| l.split_once(':').is_some_and(|(k, _)| is_yaml_key(k)));
    if !looks_like_header {
        return None;
    }
    Some(meta_from(|key| {
        pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }))
}

fn is_yaml_key(key: &str) -> bool {
    !key.is_empty()
        && !key.starts_with(char::is_whitespace)
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

fn yaml_pair(line: &str) -> Option<(String, String)> {
    let (key, value) = line.split_once(':')?;
    if !is_yaml_key(key) {
        return None;
    }
    let value = strip_comment(value.trim());
    Some((key.to_lowercase(), unquote(value).to_string()))
}

/// ` # comment` after an unquoted value is dropped.
fn strip_comment(value: &str) -> &str {
    if value.starts_with('"') || value.starts_with('\'') {
        return value;
    }
    value.split(" #").next().unwrap_or(value).trim_end()
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalised() {
        let p = prepare("\u{feff}Title\r\n\r\nBody.\rMore.");
        assert_eq!(p.text, "Title\n\nBody.\nMore.");
    }

    #[test]
    fn yaml_front_matter_is_split_off() {
        let p = prepare(
            "---\ntitle: \"River deal\"\nauthor: Ana Ruiz # staff\ntags:\n  - x\n---\nBody\n",
        );
        assert_eq!(p.meta.title.as_deref(), Some("River deal"));
        assert_eq!(p.meta.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(p.text, "Body\n");
    }

    #[test]
    fn toml_front_matter_is_split_off() {
        let p = prepare("+++\ntitle = \"T\"\ndate = 2024-05-01\n+++\nBody");
        assert_eq!(p.meta.title.as_deref(), Some("T"));
        assert_eq!(p.meta.date.as_deref(), Some("2024-05-01"));
        assert_eq!(p.text, "Body");
    }

    #[test]
    fn bad_toml_is_kept_as_text_with_a_warning() {
        let p = prepare("+++\ntitle = \n+++\nBody");
        assert!(p.text.starts_with("+++"));
        assert_eq!(p.warnings.len(), 1);
    }

    #[test]
    fn a_rule_is_not_front_matter() {
        let p = prepare("---\nJust prose here.\n---\nMore");
        assert!(p.text.starts_with("---"));
        assert_eq!(p.meta, FrontMatter::default());
    }

    #[test]
    fn unclosed_header_is_text() {
        let p = prepare("---\ntitle: x\nno end");
        assert!(p.text.starts_with("---"));
    }
}

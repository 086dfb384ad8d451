//! Lines and units: the pieces the classifier labels.
//!
//! A unit is one non-blank line, or, in a hard-wrapped file (lines broken at a fixed width
//! inside paragraphs), a run of lines that together form one paragraph. Blank lines belong
//! to no unit; when units become blocks they attach to the unit before them.

use std::ops::Range;

/// A run of non-blank lines classified as one piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Line indexes (end exclusive), all non-blank.
    pub lines: Range<usize>,
    /// Byte range of the content in the text, surrounding whitespace trimmed.
    pub bytes: Range<usize>,
}

impl Unit {
    /// The unit's text with line breaks turned into spaces.
    pub fn joined(&self, text: &str) -> String {
        let raw = text.get(self.bytes.clone()).unwrap_or("");
        raw.split('\n').map(str::trim).collect::<Vec<_>>().join(" ")
    }
}

/// Byte ranges of the lines of `text`, without their `\n`. A final `\n` does not start a
/// further line, so `"a\n"` has one line and `""` none.
pub fn line_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            spans.push(start..i);
            start = i + 1;
        }
    }
    if start < text.len() {
        spans.push(start..text.len());
    }
    spans
}

fn is_blank(text: &str, span: &Range<usize>) -> bool {
    text.get(span.clone()).is_none_or(|l| l.trim().is_empty())
}

fn char_len(text: &str, span: &Range<usize>) -> usize {
    text.get(span.clone())
        .map_or(0, |l| l.trim().chars().count())
}

/// Splits the text into units, joining hard-wrapped paragraph lines.
pub fn units(text: &str, spans: &[Range<usize>]) -> Vec<Unit> {
    let wrap = wrap_width(text, spans);
    let mut out: Vec<Unit> = Vec::new();
    let mut prev_continues = false;
    for (i, span) in spans.iter().enumerate() {
        if is_blank(text, span) {
            prev_continues = false;
            continue;
        }
        let line = text.get(span.clone()).unwrap_or("");
        match out.last_mut() {
            Some(last) if prev_continues && !starts_markup(line) => {
                last.lines.end = i + 1;
                last.bytes.end = trimmed(text, span).end;
            }
            _ => out.push(Unit {
                lines: i..i + 1,
                bytes: trimmed(text, span),
            }),
        }
        prev_continues = wrap.is_some_and(|w| char_len(text, span) * 10 >= w * 6);
    }
    out
}

fn trimmed(text: &str, span: &Range<usize>) -> Range<usize> {
    let line = text.get(span.clone()).unwrap_or("");
    let lead = line.len() - line.trim_start().len();
    let content = line.trim();
    span.start + lead..span.start + lead + content.len()
}

/// Lines that start Markdown structure never continue a paragraph.
fn starts_markup(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('#') || t.starts_with('>') || t.starts_with("- ") || t.starts_with("* ")
}

/// The wrap width of a hard-wrapped text, or `None` when lines are unwrapped (one
/// paragraph per line, as scraped text usually is).
///
/// Hard-wrapped: no line longer than 110 characters, and at least three long lines (over
/// 60 % of the widest) run straight into another non-blank line.
fn wrap_width(text: &str, spans: &[Range<usize>]) -> Option<usize> {
    let widest = spans.iter().map(|s| char_len(text, s)).max()?;
    if !(30..=110).contains(&widest) {
        return None;
    }
    // Indexing: `windows(2)` yields two spans.
    let runs_on = spans
        .windows(2)
        .filter(|w| char_len(text, &w[0]) * 10 >= widest * 6 && !is_blank(text, &w[1]))
        .count();
    (runs_on >= 3).then_some(widest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_spans_follow_newlines() {
        assert_eq!(line_spans(""), Vec::<Range<usize>>::new());
        assert_eq!(line_spans("a\n"), vec![0..1]);
        assert_eq!(line_spans("a\n\nb"), vec![0..1, 2..2, 3..4]);
    }

    #[test]
    fn unwrapped_lines_are_separate_units() {
        let text = "Title here\nShort line\n\nA paragraph.";
        let u = units(text, &line_spans(text));
        assert_eq!(u.len(), 3);
        assert_eq!(u[2].joined(text), "A paragraph.");
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let line = "word ".repeat(14);
        let para = format!("{line}\n{line}\n{line}\nend.\n");
        let text = format!("Headline\n\n{para}\n{para}");
        let u = units(&text, &line_spans(&text));
        assert_eq!(u.len(), 3, "{u:?}");
        assert_eq!(u[1].lines, 2..6);
    }
}

//! Reflowing an article to a width, keeping every wrapped line as a byte range of
//! `Article::text`, so mentions, search matches and (later) highlights, which are byte
//! ranges too, can be painted onto wrapped lines directly.

use std::borrow::Cow;

use crate::article::{Article, Block, BlockKind};

/// One screen line of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrappedLine {
    /// Kind of the block the line belongs to; `None` for the blank line between blocks.
    pub kind: Option<BlockKind>,
    /// Byte range into `Article::text` (empty for blank lines).
    pub start: usize,
    pub end: usize,
    /// Columns of indentation before the text (pull quotes).
    pub indent: u16,
}

/// An article wrapped for one width and boilerplate setting; the cache key travels with
/// the lines so a stale cache is never painted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub article: usize,
    pub width: u16,
    pub show_boilerplate: bool,
    pub lines: Vec<WrappedLine>,
}

impl Wrapped {
    /// Is this the wrap for these inputs?
    pub fn is_for(&self, article: usize, width: u16, show_boilerplate: bool) -> bool {
        self.article == article && self.width == width && self.show_boilerplate == show_boilerplate
    }

    /// Index of the line showing byte `offset` (the last line starting at or before it).
    pub fn line_of(&self, offset: usize) -> usize {
        let mut i = self
            .lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1);
        while i > 0 && self.lines.get(i).is_some_and(|l| l.kind.is_none()) {
            i -= 1;
        }
        i
    }
}

/// Columns pull quotes are indented by.
pub const QUOTE_INDENT: u16 = 4;

/// Wraps `article` (index `idx`) to `width` columns.
pub fn wrap_article(article: &Article, idx: usize, width: u16, show_boilerplate: bool) -> Wrapped {
    let whole;
    let blocks: &[Block] = if article.blocks.is_empty() {
        whole = [Block {
            kind: BlockKind::Paragraph,
            lines: 0..0,
            bytes: 0..article.text.len(),
        }];
        &whole
    } else {
        &article.blocks
    };
    let mut lines = Vec::new();
    for block in blocks {
        if block.kind.is_boilerplate() && !show_boilerplate {
            continue;
        }
        let indent = if block.kind == BlockKind::PullQuote {
            QUOTE_INDENT
        } else {
            0
        };
        let w = usize::from(width.saturating_sub(indent).max(1));
        let Some(text) = article.text.get(block.bytes.clone()) else {
            continue;
        };
        for (pstart, pend) in paragraphs(text) {
            let (abs_start, abs_end) = (block.bytes.start + pstart, block.bytes.start + pend);
            if let Some(prev) = lines.last() {
                let prev: &WrappedLine = prev;
                lines.push(WrappedLine {
                    kind: None,
                    start: prev.end,
                    end: prev.end,
                    indent: 0,
                });
            }
            wrap_paragraph(
                &article.text,
                abs_start,
                abs_end,
                w,
                block.kind,
                indent,
                &mut lines,
            );
        }
    }
    Wrapped {
        article: idx,
        width,
        show_boilerplate,
        lines,
    }
}

/// Byte ranges (relative to `text`) of runs of non-blank lines.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        if content.trim().is_empty() {
            if let Some(r) = run.take() {
                out.push(r);
            }
        } else {
            let end = offset + content.len();
            run = Some(match run {
                Some((s, _)) => (s, end),
                None => (offset, end),
            });
        }
        offset += line.len();
    }
    if let Some(r) = run {
        out.push(r);
    }
    out
}

fn wrap_paragraph(
    text: &str,
    start: usize,
    end: usize,
    width: usize,
    kind: BlockKind,
    indent: u16,
    out: &mut Vec<WrappedLine>,
) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    // Hard line breaks inside a paragraph become spaces (same byte length), so offsets
    // into the copy are offsets into the paragraph.
    let joined: Cow<str> = if slice.contains('\n') {
        Cow::Owned(slice.replace('\n', " "))
    } else {
        Cow::Borrowed(slice)
    };
    let base = joined.as_ptr() as usize;
    let options = textwrap::Options::new(width).break_words(true);
    let mut search_from = 0;
    for piece in textwrap::wrap(&joined, options) {
        let rel = match &piece {
            Cow::Borrowed(s) => {
                let p = s.as_ptr() as usize;
                if p >= base && p + s.len() <= base + joined.len() {
                    Some((p - base, p - base + s.len()))
                } else {
                    None
                }
            }
            Cow::Owned(_) => None,
        };
        let (s, e) = match rel {
            Some(r) => r,
            None => {
                let trimmed = piece.trim_end_matches('-');
                match joined
                    .get(search_from..)
                    .and_then(|rest| rest.find(trimmed))
                {
                    Some(i) => (search_from + i, search_from + i + trimmed.len()),
                    None => continue,
                }
            }
        };
        search_from = e;
        out.push(WrappedLine {
            kind: Some(kind),
            start: start + s,
            end: start + e,
            indent,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, blocks: Vec<Block>) -> Article {
        Article::with_blocks(text, blocks)
    }

    #[test]
    fn wrapped_lines_are_slices_of_the_text() {
        let text = "Title here\n\nThe quick brown fox jumps over the lazy dog again and again.\nSecond line of the same paragraph.";
        let a = article(
            text,
            vec![
                Block {
                    kind: BlockKind::Title,
                    lines: 0..2,
                    bytes: 0..10,
                },
                Block {
                    kind: BlockKind::Paragraph,
                    lines: 2..4,
                    bytes: 12..text.len(),
                },
            ],
        );
        let w = wrap_article(&a, 0, 20, false);
        for l in &w.lines {
            let s = &text[l.start..l.end];
            assert!(unicode_width::UnicodeWidthStr::width(s) <= 20, "{s:?}");
        }
        assert_eq!(&text[w.lines[0].start..w.lines[0].end], "Title here");
        assert_eq!(w.lines[1].kind, None);
        let body: Vec<&str> = w.lines[2..].iter().map(|l| &text[l.start..l.end]).collect();
        assert_eq!(
            body.join(" ").replace('\n', " "),
            text[12..].replace('\n', " ")
        );
    }

    #[test]
    fn wide_characters_respect_display_width() {
        let text = "日本語のテキストは幅が二倍です 日本語のテキスト";
        let a = article(text, vec![]);
        let w = wrap_article(&a, 0, 10, false);
        for l in &w.lines {
            assert!(unicode_width::UnicodeWidthStr::width(&text[l.start..l.end]) <= 10);
        }
        assert!(w.lines.len() >= 3);
    }

    #[test]
    fn boilerplate_is_hidden_unless_asked() {
        let text = "Body text.\n\nSign up for our newsletter";
        let blocks = vec![
            Block {
                kind: BlockKind::Paragraph,
                lines: 0..2,
                bytes: 0..10,
            },
            Block {
                kind: BlockKind::Boilerplate,
                lines: 2..3,
                bytes: 12..text.len(),
            },
        ];
        let a = article(text, blocks);
        assert_eq!(wrap_article(&a, 0, 40, false).lines.len(), 1);
        assert_eq!(wrap_article(&a, 0, 40, true).lines.len(), 3);
    }

    #[test]
    fn line_of_finds_the_line_holding_an_offset() {
        let text = "aaaa bbbb cccc dddd";
        let a = article(text, vec![]);
        let w = wrap_article(&a, 0, 9, false);
        assert_eq!(w.line_of(0), 0);
        assert_eq!(w.line_of(10), 1);
        assert_eq!(w.line_of(16), 1);
    }
}

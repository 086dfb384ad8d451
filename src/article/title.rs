//! The title a reader would give an article.

use std::path::Path;

use super::{Block, BlockKind, FrontMatter};

/// Words taken from the opening when no line looks like a title.
const MADE_TITLE_WORDS: usize = 10;

/// Front matter title, else the title block, else the opening words of the first body
/// text (about ten words and "…"), else the file name.
pub fn choose(meta: &FrontMatter, text: &str, blocks: &[Block], path: &Path) -> String {
    if let Some(t) = &meta.title {
        return t.clone();
    }
    let block_text = |kind: BlockKind| {
        blocks
            .iter()
            .find(|b| b.kind == kind)
            .map(|b| one_line(b.text(text)))
    };
    if let Some(t) = block_text(BlockKind::Title).filter(|t| !t.is_empty()) {
        return strip_heading(&t);
    }
    let opening = [
        BlockKind::Standfirst,
        BlockKind::Paragraph,
        BlockKind::Subhead,
    ]
    .iter()
    .filter_map(|&k| blocks.iter().position(|b| b.kind == k))
    .min()
    .and_then(|i| blocks.get(i))
    .map(|b| one_line(b.text(text)))
    .filter(|t| !t.is_empty());
    match opening {
        Some(t) => from_opening_words(&t),
        None => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "(untitled)".to_string()),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_heading(s: &str) -> String {
    s.trim_start_matches('#').trim().to_string()
}

/// The first words of a text, with "…" when cut.
pub fn from_opening_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= MADE_TITLE_WORDS {
        return words.join(" ");
    }
    let head = words.get(..MADE_TITLE_WORDS).unwrap_or(&words).join(" ");
    let head = head.trim_end_matches(|c: char| c.is_ascii_punctuation() && c != ')');
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_words() {
        assert_eq!(from_opening_words("Short one."), "Short one.");
        assert_eq!(
            from_opening_words("one two three four five six seven eight nine ten, eleven"),
            "one two three four five six seven eight nine ten…"
        );
    }
}

//! Plain-text rendering for `byline show`: the article reflowed to a width, furniture
//! marked so it can be told from the body, boilerplate left out unless asked for.

use unicode_width::UnicodeWidthStr;

use super::{Article, Block, BlockKind};

/// Narrower than this and wrapping stops being readable; the width is raised to it.
const MIN_WIDTH: usize = 20;

/// Renders the article as plain text wrapped to `width` display columns.
///
/// Title underlined with `=`, subheads with `-`, captions and credits prefixed
/// `[caption]`/`[credit]`, pull quotes as `> …`, blocks separated by blank lines.
/// Boilerplate is omitted unless `include_boilerplate`, then marked `[boilerplate]`.
pub fn render_plain(article: &Article, width: usize, include_boilerplate: bool) -> String {
    let width = width.max(MIN_WIDTH);
    let mut parts: Vec<String> = Vec::new();
    let has_title_block = article.blocks.iter().any(|b| b.kind == BlockKind::Title);
    if !has_title_block && article.meta.title.is_some() {
        parts.push(underlined(&article.title, width, '='));
    }
    for block in &article.blocks {
        if block.kind.is_boilerplate() && !include_boilerplate {
            continue;
        }
        let text = block_text(article, block);
        if text.is_empty() {
            continue;
        }
        parts.push(render_block(block.kind, &text, width));
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

/// The block's text on one line (hard wraps undone), Markdown markers removed.
fn block_text(article: &Article, block: &Block) -> String {
    let joined = block
        .text(&article.text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match block.kind {
        BlockKind::Title | BlockKind::Subhead => joined.trim_start_matches('#').trim().to_string(),
        BlockKind::PullQuote => joined.trim_start_matches('>').trim().to_string(),
        _ => joined,
    }
}

fn render_block(kind: BlockKind, text: &str, width: usize) -> String {
    match kind {
        BlockKind::Title => underlined(text, width, '='),
        BlockKind::Subhead => underlined(text, width, '-'),
        BlockKind::Caption => prefixed(text, width, "[caption] ", "          "),
        BlockKind::Credit => prefixed(text, width, "[credit] ", "         "),
        BlockKind::SectionLabel => prefixed(text, width, "[section] ", "          "),
        BlockKind::Boilerplate => prefixed(text, width, "[boilerplate] ", "              "),
        BlockKind::PullQuote => pull_quote(text, width),
        BlockKind::Standfirst | BlockKind::Byline | BlockKind::Dateline | BlockKind::Paragraph => {
            wrap(text, textwrap::Options::new(width))
        }
    }
}

/// A pull quote as `> …`, its "- Name" attribution on a line of its own.
fn pull_quote(text: &str, width: usize) -> String {
    let (body, attributed) = super::features::strip_attribution(text);
    let quote = prefixed(body, width, "> ", "> ");
    if !attributed {
        return quote;
    }
    let name = text
        .get(body.len()..)
        .unwrap_or("")
        .trim()
        .trim_start_matches(['-', '–', '—'])
        .trim();
    format!("{quote}\n>   — {name}")
}

fn wrap(text: &str, options: textwrap::Options) -> String {
    textwrap::wrap(text, options).join("\n")
}

fn prefixed(text: &str, width: usize, first: &str, rest: &str) -> String {
    wrap(
        text,
        textwrap::Options::new(width)
            .initial_indent(first)
            .subsequent_indent(rest),
    )
}

/// Wrapped text with a rule under it as wide as its widest line.
fn underlined(text: &str, width: usize, rule: char) -> String {
    let lines = textwrap::wrap(text, width);
    let widest = lines.iter().map(|l| l.width()).max().unwrap_or(0);
    let rule: String = std::iter::repeat_n(rule, widest).collect();
    format!("{}\n{rule}", lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_marks() {
        let a = Article::from_text(
            "x.txt",
            "Talks on the river resume in the capital\n\nThe delegations met again on Monday to discuss the water sharing plan, officials said.\n\nSign up for our newsletter\n",
        );
        let out = render_plain(&a, 30, false);
        assert!(
            out.starts_with(
                "Talks on the river resume in\nthe capital\n============================\n"
            ),
            "{out}"
        );
        assert!(!out.contains("Sign up"));
        assert!(out.lines().all(|l| l.width() <= 30));
        let all = render_plain(&a, 30, true);
        assert!(all.contains("[boilerplate] Sign up"), "{all}");
    }

    #[test]
    fn wide_characters_respect_width() {
        let a = Article::from_text(
            "x.txt",
            "河流谈判 河流谈判 河流谈判 河流谈判 河流谈判 河流谈判 河流谈判.\n",
        );
        let out = render_plain(&a, 20, true);
        assert!(out.lines().all(|l| l.width() <= 20), "{out}");
    }
}

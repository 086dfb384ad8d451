//! The reader: the wrapped article, styled by block kind, mentions coloured by kind,
//! filtered entities and search matches emphasised; the search bar at the bottom.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{input_line, pane_block, truncate};
use crate::article::{Article, BlockKind};
use crate::tui::app::{App, PaintKind, Pane};
use crate::tui::layout;
use crate::tui::wrap::{Wrapped, WrappedLine, wrap_article};

/// The reader pane.
pub struct Reader<'a> {
    pub app: &'a App,
}

/// The style of a block kind before mentions and matches.
fn block_style(app: &App, kind: BlockKind) -> Style {
    let s = &app.styles;
    match kind {
        BlockKind::Title => s.title,
        BlockKind::Standfirst => Style::new().add_modifier(Modifier::ITALIC),
        BlockKind::Subhead => Style::new().add_modifier(Modifier::BOLD),
        BlockKind::Byline | BlockKind::Dateline => s.dimmed.add_modifier(Modifier::ITALIC),
        BlockKind::SectionLabel | BlockKind::Credit | BlockKind::Caption => s.dimmed,
        BlockKind::PullQuote => Style::new().add_modifier(Modifier::ITALIC),
        BlockKind::Boilerplate => s.dimmed.add_modifier(Modifier::ITALIC),
        BlockKind::Paragraph => Style::new(),
    }
}

/// Spans of one wrapped line: the block style, split where mentions and matches
/// start and end.
pub(crate) fn line_spans<'t>(
    app: &App,
    a: usize,
    article: &'t Article,
    line: &WrappedLine,
) -> Line<'t> {
    let Some(kind) = line.kind else {
        return Line::default();
    };
    let base = block_style(app, kind);
    let (s, e) = (line.start, line.end);
    let mentions = app.lib.mentions.get(a).map(Vec::as_slice).unwrap_or(&[]);
    // Mentions are sorted by start; look back a little for ones starting before the line.
    let first = mentions.partition_point(|m| m.start + 256 < s);
    let mentions: Vec<_> = mentions[first..]
        .iter()
        .take_while(|m| m.start < e)
        .filter(|m| m.end > s)
        .collect();
    let matches = &app.reader.search.matches;
    let mfirst = matches.partition_point(|m| m.1 <= s);
    let matches: Vec<(usize, usize)> = matches[mfirst..]
        .iter()
        .take_while(|m| m.0 < e)
        .copied()
        .collect();
    let mut cuts = vec![s, e];
    for m in &mentions {
        cuts.push(m.start.clamp(s, e));
        cuts.push(m.end.clamp(s, e));
    }
    for m in &matches {
        cuts.push(m.0.clamp(s, e));
        cuts.push(m.1.clamp(s, e));
    }
    if let Some(c) = app.reader.cursor {
        cuts.push(c.0.clamp(s, e));
        cuts.push(c.1.clamp(s, e));
    }
    let paint: Vec<&(std::ops::Range<usize>, PaintKind)> = app
        .annot
        .paint
        .iter()
        .filter(|(r, _)| r.start < e && r.end > s)
        .collect();
    for (r, _) in &paint {
        cuts.push(r.start.clamp(s, e));
        cuts.push(r.end.clamp(s, e));
    }
    let selection = app
        .annot
        .selection
        .as_ref()
        .filter(|sel| sel.article == a)
        .and_then(|sel| sel.range());
    if let Some(r) = &selection {
        cuts.push(r.start.clamp(s, e));
        cuts.push(r.end.clamp(s, e));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans = Vec::with_capacity(cuts.len() + 1);
    if line.indent > 0 {
        let pad = usize::from(line.indent.saturating_sub(2));
        spans.push(Span::styled(
            format!("{}┃ ", " ".repeat(pad)),
            app.styles.dimmed,
        ));
    }
    for w in cuts.windows(2) {
        let (p, q) = (w[0], w[1]);
        let Some(text) = article.text.get(p..q) else {
            continue;
        };
        if text.is_empty() {
            continue;
        }
        let mut style = base;
        for (r, kind) in &paint {
            if r.start <= p && q <= r.end {
                style = style.patch(match kind {
                    PaintKind::Highlight => app.styles.highlight,
                    PaintKind::Note => app.styles.note,
                    PaintKind::Bookmark => app.styles.bookmark,
                });
            }
        }
        for m in &mentions {
            if m.start <= p && q <= m.end {
                style = style.patch(app.styles.kind(app.lib.kind(m.entity)));
                if app.filters.contains(&m.entity) {
                    style = style.patch(app.styles.filtered);
                }
            }
        }
        if matches.iter().any(|m| m.0 <= p && q <= m.1) {
            style = style.patch(app.styles.search_match);
        }
        if app.reader.cursor.is_some_and(|c| c.0 <= p && q <= c.1) {
            style = style.patch(app.styles.current_match);
        }
        if selection
            .as_ref()
            .is_some_and(|r| r.start <= p && q <= r.end)
        {
            style = style.patch(app.styles.selection);
        }
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

impl Widget for Reader<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Some((a, article)) = app
            .reader
            .article
            .and_then(|a| Some((a, app.lib.corpus.articles.get(a)?)))
        else {
            pane_block(app, Pane::Reader, None).render(area, buf);
            let (text, _) = layout::reader_areas(app, area);
            let msg = if app.loading.is_some() && !app.indexing {
                "loading…".to_string()
            } else if app.lib.corpus.articles.is_empty() {
                "no articles to show".to_string()
            } else {
                super::article_list::empty_reason(app)
            };
            Paragraph::new(msg)
                .style(app.styles.dimmed)
                .wrap(Wrap { trim: true })
                .render(text, buf);
            return;
        };
        let (text, bar) = layout::reader_areas(app, area);
        // The wrap is made in `update`; if this frame's width differs (a render before
        // the resize arrives), wrap a temporary copy rather than show stale lines.
        let temp;
        let wrapped: &Wrapped =
            if app
                .reader
                .wrapped
                .is_for(a, text.width, app.reader.show_boilerplate)
            {
                &app.reader.wrapped
            } else {
                temp = wrap_article(article, a, text.width, app.reader.show_boilerplate);
                &temp
            };
        let total = wrapped.lines.len();
        let h = usize::from(text.height);
        let pos = if total <= h || total == 0 {
            "all".to_string()
        } else {
            format!("{}%", (app.reader.top + h).min(total) * 100 / total)
        };
        let title_room = usize::from(area.width).saturating_sub(20);
        let extra = format!("— {} — {pos}", truncate(&article.title, title_room));
        pane_block(app, Pane::Reader, Some(extra)).render(area, buf);
        for (row, line) in wrapped
            .lines
            .iter()
            .skip(app.reader.top)
            .take(h)
            .enumerate()
        {
            let y = text.y + u16::try_from(row).unwrap_or(u16::MAX);
            line_spans(app, a, article, line).render(
                Rect {
                    y,
                    height: 1,
                    ..text
                },
                buf,
            );
        }
        if let Some(bar) = bar {
            let s = &app.reader.search;
            let mut line = input_line("/", &s.query, s.editing, app.styles.chip);
            let status = match (s.matches.len(), s.current) {
                (0, _) if !s.query.is_empty() => "  no match".to_string(),
                (0, _) => String::new(),
                (n, Some(c)) => format!("  {}/{n}", c + 1),
                (n, None) => format!("  {n} matches"),
            };
            line.spans.push(Span::styled(status, app.styles.dimmed));
            line.render(bar, buf);
        }
    }
}

//! Derived state: which articles and entities are shown, the reader's wrap and scroll.
//! Called from `update` only, after the inputs they depend on change, so rendering never
//! has to compute (or mutate) anything expensive.

use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;

use super::app::{App, SidebarRow};
use super::fold::{Folded, fold_query};
use super::layout;
use super::wrap::wrap_article;

/// Position of a kind in the sidebar.
fn kind_rank(k: crate::entities::EntityKind) -> u8 {
    match k {
        crate::entities::EntityKind::Person => 0,
        crate::entities::EntityKind::Place => 1,
        crate::entities::EntityKind::Organization => 2,
        crate::entities::EntityKind::Topic => 3,
    }
}

/// Does `needle` occur in `hay` as a subsequence of chars? A cheap test before the
/// fuzzy matcher, which never matches anything else.
fn is_subsequence(hay: &str, needle: &str) -> bool {
    if needle.is_ascii() {
        let mut it = hay.bytes();
        return needle.bytes().all(|n| it.any(|h| h == n));
    }
    let mut it = hay.chars();
    needle.chars().all(|n| it.any(|h| h == n))
}

impl App {
    /// Articles passing every entity filter (`None` when there are no filters).
    pub(crate) fn filter_set(&self) -> Option<Vec<bool>> {
        if self.filters.is_empty() {
            return None;
        }
        let n = self.lib.corpus.articles.len();
        let mut count = vec![0u16; n];
        for &e in &self.filters {
            for &a in self
                .lib
                .entity_articles
                .get(e)
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                if let Some(c) = count.get_mut(a) {
                    *c = c.saturating_add(1);
                }
            }
        }
        let need = u16::try_from(self.filters.len()).unwrap_or(u16::MAX);
        Some(count.into_iter().map(|c| c >= need).collect())
    }

    /// Recomputes the article list from the filters and the title query, keeping the
    /// selection on the same article when it is still listed.
    pub(crate) fn refresh_list(&mut self) {
        let prev = self.list.selected_article();
        let set = self.filter_set();
        let q = fold_query(self.list.query.trim());
        let n = self.lib.corpus.articles.len();
        let in_set = |a: usize| {
            set.as_ref()
                .is_none_or(|s| s.get(a).copied().unwrap_or(false))
        };
        let visible: Vec<usize> = if q.is_empty() {
            (0..n).filter(|&a| in_set(a)).collect()
        } else {
            let mut scored: Vec<(i64, usize)> = (0..n)
                .filter(|&a| in_set(a))
                .filter_map(|a| {
                    let t = &self.lib.folded_titles.get(a)?.text;
                    if !is_subsequence(t, &q) {
                        return None;
                    }
                    self.matcher.fuzzy_match(t, &q).map(|s| (s, a))
                })
                .collect();
            scored.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
            scored.into_iter().map(|(_, a)| a).collect()
        };
        self.list.visible = visible;
        self.list.selected = prev
            .and_then(|p| self.list.visible.iter().position(|&a| a == p))
            .unwrap_or(0);
        self.show_selected();
    }

    /// Recomputes the sidebar's scope (counts within the filtered articles) and the
    /// entities eligible for the chosen kind, then the rows.
    pub(crate) fn refresh_scope(&mut self) {
        let entities = &self.lib.index.entities;
        let set = self.filter_set();
        self.sidebar.scope = entities
            .iter()
            .enumerate()
            .map(|(e, ent)| match &set {
                None => (
                    u32::try_from(self.lib.entity_articles.get(e).map_or(0, Vec::len))
                        .unwrap_or(u32::MAX),
                    u32::try_from(ent.mentions.len()).unwrap_or(u32::MAX),
                ),
                Some(s) => {
                    let inside = |a: usize| s.get(a).copied().unwrap_or(false);
                    let arts = self
                        .lib
                        .entity_articles
                        .get(e)
                        .map_or(0, |v| v.iter().filter(|&&a| inside(a)).count());
                    let ments = ent.mentions.iter().filter(|m| inside(m.article)).count();
                    (
                        u32::try_from(arts).unwrap_or(u32::MAX),
                        u32::try_from(ments).unwrap_or(u32::MAX),
                    )
                }
            })
            .collect();
        let kind = self.sidebar.kind;
        let scope = &self.sidebar.scope;
        let (mut eligible, mut others): (Vec<usize>, Vec<usize>) = (0..entities.len())
            .filter(|&e| kind.is_none_or(|k| entities.get(e).is_some_and(|x| x.kind == k)))
            .partition(|&e| scope.get(e).is_some_and(|s| s.0 > 0));
        let order = |a: &usize, b: &usize| {
            let (a, b) = (*a, *b);
            let (ea, eb) = (&entities[a], &entities[b]);
            let (sa, sb) = (scope[a], scope[b]);
            ea.kind
                .cmp(&eb.kind)
                .then(sb.0.cmp(&sa.0))
                .then(sb.1.cmp(&sa.1))
                .then_with(|| ea.name.cmp(&eb.name))
        };
        eligible.sort_by(order);
        others.sort_by(order);
        self.sidebar.in_scope = eligible.len();
        eligible.extend(others);
        let mut hay = String::new();
        let mut ends = Vec::with_capacity(eligible.len());
        for &e in &eligible {
            if let Some(f) = self.lib.folded_names.get(e) {
                hay.push_str(&f.text);
            }
            ends.push(hay.len());
        }
        self.sidebar.candidates = eligible;
        self.sidebar.hay = hay;
        self.sidebar.hay_ends = ends;
        self.sidebar.last_match = None;
        self.refresh_sidebar();
    }

    /// Applies the sidebar query to the eligible entities (incrementally when the query
    /// extends the previous one) and rebuilds the rows, keeping the selection on the same
    /// entity when it is still listed.
    pub(crate) fn refresh_sidebar(&mut self) {
        let prev = self.sidebar.selected_entity();
        let q = fold_query(self.sidebar.query.trim());
        let entities = &self.lib.index.entities;
        let ordered: Vec<usize> = if q.is_empty() {
            self.sidebar.last_match = None;
            self.sidebar
                .candidates
                .get(..self.sidebar.in_scope)
                .unwrap_or(&[])
                .to_vec()
        } else {
            let sb = &self.sidebar;
            let all;
            let base: &[usize] = match &sb.last_match {
                Some((lq, m)) if !lq.is_empty() && q.starts_with(lq.as_str()) => m,
                _ => {
                    all = (0..sb.candidates.len()).collect::<Vec<usize>>();
                    &all
                }
            };
            let scope = &sb.scope;
            // The one per-keystroke cost that grows with the library: matching, spread
            // over the cores in chunks (order kept, so the incremental cache stays sorted).
            let hits: Vec<(usize, i64)> = base
                .par_iter()
                .with_min_len(4096)
                .filter_map(|&ci| {
                    let start = if ci == 0 {
                        0
                    } else {
                        *sb.hay_ends.get(ci - 1)?
                    };
                    let t = sb.hay.get(start..*sb.hay_ends.get(ci)?)?;
                    if !is_subsequence(t, &q) {
                        return None;
                    }
                    self.matcher.fuzzy_match(t, &q).map(|s| (ci, s))
                })
                .collect();
            // Sort on a compact key (kind, out of scope, best score first) rather than
            // looking entities up in the comparator: this runs on every keystroke.
            let mut ranked: Vec<(u8, bool, i64, usize)> = hits
                .iter()
                .map(|&(ci, score)| {
                    let e = sb.candidates[ci];
                    let kind = entities.get(e).map_or(3, |x| kind_rank(x.kind));
                    let out = scope.get(e).is_none_or(|s| s.0 == 0);
                    (kind, out, -score, e)
                })
                .collect();
            self.sidebar.last_match = Some((q, hits.into_iter().map(|h| h.0).collect()));
            ranked.sort_unstable();
            ranked.into_iter().map(|h| h.3).collect()
        };
        let mut rows = Vec::with_capacity(ordered.len() + 4);
        let mut i = 0;
        while let Some(&first) = ordered.get(i) {
            let kind = entities[first].kind;
            let count = ordered[i..]
                .iter()
                .take_while(|&&e| entities[e].kind == kind)
                .count();
            rows.push(SidebarRow::Header { kind, count });
            rows.extend(ordered[i..i + count].iter().map(|&e| SidebarRow::Entity(e)));
            i += count;
        }
        self.sidebar.rows = rows;
        let find = |e: usize| {
            self.sidebar
                .rows
                .iter()
                .position(|r| *r == SidebarRow::Entity(e))
        };
        self.sidebar.selected = prev
            .and_then(find)
            .or_else(|| {
                self.sidebar
                    .rows
                    .iter()
                    .position(|r| matches!(r, SidebarRow::Entity(_)))
            })
            .unwrap_or(0);
    }

    /// Makes the reader show the list's selected article.
    pub(crate) fn show_selected(&mut self) {
        let new = self.list.selected_article();
        if new == self.reader.article {
            return;
        }
        self.remember_position();
        self.annot.selection = None;
        self.reader.article = new;
        self.reader.cursor = None;
        self.reader.search.current = None;
        self.sync_view();
        self.refresh_search();
    }

    /// Re-wraps the reader when the article, width or boilerplate setting changed (the
    /// scroll position follows its byte anchor) and keeps list and sidebar selections on
    /// screen.
    pub(crate) fn sync_view(&mut self) {
        let text = layout::reader_text_rect(self);
        match self
            .reader
            .article
            .and_then(|a| Some((a, self.lib.corpus.articles.get(a)?)))
        {
            Some((a, article)) => {
                let show = self.reader.show_boilerplate;
                if !self.reader.wrapped.is_for(a, text.width, show) {
                    self.reader.wrapped = wrap_article(article, a, text.width, show);
                    let anchor = self
                        .reader
                        .anchors
                        .get(&a)
                        .copied()
                        .or_else(|| self.annot.store.as_ref()?.last_position(article))
                        .unwrap_or(0);
                    self.reader.top = self.reader.wrapped.line_of(anchor);
                }
                let max = self.max_top();
                if self.reader.top > max {
                    self.set_top(max);
                }
            }
            None => {
                self.reader.wrapped = Default::default();
                self.reader.top = 0;
            }
        }
        let list_rows = usize::from(self.list_item_rows());
        self.list.offset = keep_visible(self.list.offset, self.list.selected, list_rows);
        let side_rows = usize::from(self.sidebar_visible_rows());
        self.sidebar.offset = keep_visible(self.sidebar.offset, self.sidebar.selected, side_rows);
    }

    /// How many articles the list shows at once.
    pub(crate) fn list_item_rows(&self) -> u16 {
        let areas = layout::compute_in(
            ratatui::layout::Rect::new(0, 0, self.width, self.height),
            self,
            super::app::Pane::List,
        );
        areas
            .list
            .map(|r| layout::list_areas(self, r).1.height / layout::LIST_ITEM_ROWS)
            .unwrap_or(0)
            .max(1)
    }

    /// How many sidebar rows show at once.
    pub(crate) fn sidebar_visible_rows(&self) -> u16 {
        let areas = layout::compute_in(
            ratatui::layout::Rect::new(0, 0, self.width, self.height),
            self,
            super::app::Pane::Sidebar,
        );
        areas
            .sidebar
            .map(|r| layout::sidebar_areas(self, r).1.height)
            .unwrap_or(0)
            .max(1)
    }

    /// Lines of text the reader shows at once.
    pub(crate) fn reader_height(&self) -> usize {
        usize::from(layout::reader_text_rect(self).height.max(1))
    }

    /// The last useful first line: the end of the text at the bottom of the pane.
    pub(crate) fn max_top(&self) -> usize {
        self.reader
            .wrapped
            .lines
            .len()
            .saturating_sub(self.reader_height())
    }

    /// Scrolls the reader, remembering the position for this article.
    pub(crate) fn set_top(&mut self, top: usize) {
        let top = top.min(self.max_top());
        self.reader.top = top;
        if let (Some(a), Some(line)) = (self.reader.article, self.reader.wrapped.lines.get(top)) {
            self.reader.anchors.insert(a, line.start);
        }
    }

    /// Scrolls so that byte `offset` is on screen, a third of the way down.
    pub(crate) fn scroll_to(&mut self, offset: usize) {
        let line = self.reader.wrapped.line_of(offset);
        let h = self.reader_height();
        if line < self.reader.top || line >= self.reader.top + h {
            self.set_top(line.saturating_sub(h / 3));
        }
    }

    /// Is byte `offset` on a wrapped line (i.e. not in hidden boilerplate)?
    pub(crate) fn is_shown(&self, offset: usize) -> bool {
        let w = &self.reader.wrapped;
        w.lines
            .get(w.line_of(offset))
            .is_some_and(|l| l.start <= offset && offset <= l.end)
    }

    /// Recomputes the search matches in the current article (accent- and
    /// case-insensitive), skipping text that is hidden.
    pub(crate) fn refresh_search(&mut self) {
        self.reader.search.matches.clear();
        self.reader.search.current = None;
        let q = fold_query(&self.reader.search.query);
        let Some((a, article)) = self
            .reader
            .article
            .and_then(|a| Some((a, self.lib.corpus.articles.get(a)?)))
        else {
            return;
        };
        if q.is_empty() {
            return;
        }
        if self
            .reader
            .search
            .folded
            .as_ref()
            .is_none_or(|(fa, _)| *fa != a)
        {
            self.reader.search.folded = Some((a, Folded::new(&article.text)));
        }
        let Some((_, folded)) = &self.reader.search.folded else {
            return;
        };
        let len = article.text.len();
        let matches: Vec<(usize, usize)> = folded
            .text
            .match_indices(q.as_str())
            .map(|(i, m)| folded.original_range(i, i + m.len(), len))
            .collect();
        self.reader.search.matches = matches.into_iter().filter(|m| self.is_shown(m.0)).collect();
    }
}

/// The new first row so that `selected` is within `rows` rows of it.
fn keep_visible(offset: usize, selected: usize, rows: usize) -> usize {
    let rows = rows.max(1);
    if selected < offset {
        selected
    } else if selected >= offset + rows {
        selected + 1 - rows
    } else {
        offset
    }
}

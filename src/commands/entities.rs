//! `byline entities`: the people, places, organizations and topics of a library, as a
//! table or as the JSON shape fixed by the brief (offsets in code points).
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use byline::corpus::Corpus;
use byline::entities::{self, Entity, EntityKind, TopicDef};
use serde::Serialize;

use super::list::{open_library, print_warnings, write_stdout};
use crate::{Cli, KindArg};

#[derive(Serialize)]
struct JsonArticle<'a> {
    id: &'a str,
    path: String,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonMention<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    aliases: &'a [String],
    article_count: usize,
    mention_count: usize,
    mentions: Vec<JsonMention<'a>>,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    articles: Vec<JsonArticle<'a>>,
    entities: Vec<JsonEntity<'a>>,
}

fn kind_of(k: KindArg) -> EntityKind {
    match k {
        KindArg::Person => EntityKind::Person,
        KindArg::Place => EntityKind::Place,
        KindArg::Organization => EntityKind::Organization,
        KindArg::Topic => EntityKind::Topic,
    }
}

fn user_topics(cli: &Cli) -> anyhow::Result<Vec<TopicDef>> {
    let config =
        byline::config::Config::load(cli.config.as_deref()).context("loading the config")?;
    Ok(config.topics.clone())
}

/// Byte offset → code-point offset, for every byte offset of `text`.
fn char_offsets(text: &str) -> Vec<usize> {
    let mut out = vec![0; text.len() + 1];
    let mut n = 0;
    for (b, c) in text.char_indices() {
        for slot in out.iter_mut().skip(b).take(c.len_utf8()) {
            *slot = n;
        }
        n += 1;
    }
    if let Some(last) = out.last_mut() {
        *last = n;
    }
    out
}

pub fn run(
    cli: &Cli,
    paths: &[PathBuf],
    json: bool,
    kind: Option<KindArg>,
) -> anyhow::Result<ExitCode> {
    let corpus = open_library(paths)?;
    print_warnings(&corpus);
    let topics = user_topics(cli)?;
    let index = entities::extract(&corpus, &topics);
    let kind = kind.map(kind_of);
    let selected: Vec<&Entity> = index
        .entities
        .iter()
        .filter(|e| kind.is_none_or(|k| e.kind == k))
        .collect();
    let mut out = Vec::new();
    if json {
        write_json(&mut out, &corpus, &selected)?;
    } else {
        write_table(&mut out, &corpus, &selected)?;
    }
    write_stdout(&String::from_utf8_lossy(&out))?;
    Ok(ExitCode::SUCCESS)
}

fn write_json(out: &mut impl Write, corpus: &Corpus, selected: &[&Entity]) -> anyhow::Result<()> {
    let mut offsets: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut entities_out = Vec::with_capacity(selected.len());
    for e in selected {
        let mut mentions = Vec::with_capacity(e.mentions.len());
        for m in &e.mentions {
            let Some(article) = corpus.articles.get(m.article) else {
                continue;
            };
            let map = offsets
                .entry(m.article)
                .or_insert_with(|| char_offsets(&article.text));
            let (Some(&start), Some(&end)) = (map.get(m.start), map.get(m.end)) else {
                continue;
            };
            mentions.push(JsonMention {
                article: &article.id,
                start,
                end,
                text: article.text.get(m.start..m.end).unwrap_or(""),
            });
        }
        entities_out.push(JsonEntity {
            id: &e.id,
            name: &e.name,
            kind: e.kind.as_str(),
            aliases: &e.aliases,
            article_count: e.article_count(),
            mention_count: e.mention_count(),
            mentions,
        });
    }
    let doc = JsonOut {
        articles: corpus
            .articles
            .iter()
            .map(|a| JsonArticle {
                id: &a.id,
                path: a.path.display().to_string(),
                title: &a.title,
            })
            .collect(),
        entities: entities_out,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(())
}

fn write_table(out: &mut impl Write, corpus: &Corpus, selected: &[&Entity]) -> anyhow::Result<()> {
    writeln!(
        out,
        "{:<13} {:<36} {:>8} {:>8}  ALIASES",
        "KIND", "NAME", "ARTICLES", "MENTIONS"
    )?;
    for e in selected {
        writeln!(
            out,
            "{:<13} {:<36} {:>8} {:>8}  {}",
            e.kind.as_str(),
            e.name,
            e.article_count(),
            e.mention_count(),
            e.aliases.join("; ")
        )?;
        for m in &e.mentions {
            let Some(a) = corpus.articles.get(m.article) else {
                continue;
            };
            let start = a.text.get(..m.start).map_or(0, |s| s.chars().count());
            let text = a.text.get(m.start..m.end).unwrap_or("");
            let end = start + text.chars().count();
            writeln!(
                out,
                "    {} {start}..{end} {text:?}",
                byline::corpus::short_id(&a.id)
            )?;
        }
    }
    writeln!(
        out,
        "{} entities, {} mentions",
        selected.len(),
        selected.iter().map(|e| e.mention_count()).sum::<usize>()
    )?;
    Ok(())
}

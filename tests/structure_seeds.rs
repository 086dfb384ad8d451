//! Article structure on the seed articles in ../shared/seeds (skipped when absent) and on
//! articles written here in the same scraped style.

use std::path::PathBuf;

use byline::article::{Article, BlockKind, line_spans};
use byline::corpus::{self, Corpus};
use proptest::prelude::*;

fn seeds() -> Option<Corpus> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"));
    if !dir.is_dir() {
        eprintln!("skipping: seed folder {} is absent", dir.display());
        return None;
    }
    corpus::load(&[dir]).ok()
}

fn seed<'a>(c: &'a Corpus, prefix: &str) -> &'a Article {
    c.articles
        .iter()
        .find(|a| {
            a.path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("seed {prefix} missing"))
}

/// Kind of the block whose text starts with `start`.
fn kind(a: &Article, start: &str) -> BlockKind {
    a.blocks
        .iter()
        .find(|b| b.text(&a.text).trim_start().starts_with(start))
        .map(|b| b.kind)
        .unwrap_or_else(|| panic!("no block starts with {start:?} in {}", a.path.display()))
}

fn kinds_starting(a: &Article, start: &str) -> Vec<BlockKind> {
    a.blocks
        .iter()
        .filter(|b| b.text(&a.text).starts_with(start))
        .map(|b| b.kind)
        .collect()
}

#[test]
fn seed_titles_read_like_headlines() {
    let Some(c) = seeds() else { return };
    assert_eq!(
        seed(&c, "000").title,
        "Kerry arrives in Russia for first visit since Ukraine crisis"
    );
    assert_eq!(
        seed(&c, "001").title,
        "Kerry heading to Russia with full agenda for talks"
    );
    assert_eq!(
        seed(&c, "003").title,
        "Kerry's meeting in Moscow signals easing of rhetoric between U.S. and Russia"
    );
    assert_eq!(
        seed(&c, "004").title,
        "Tango and a Bloodbath: US-Russia attempts to recover from the deadlock"
    );
    let interview = &seed(&c, "002").title;
    assert!(
        interview.starts_with("Russia Direct interviewed Russian"),
        "{interview}"
    );
    assert!(
        interview.ends_with('…') && interview.split_whitespace().count() <= 10,
        "{interview}"
    );
}

#[test]
fn seed_furniture_at_the_top_is_not_the_title() {
    let Some(c) = seeds() else { return };
    let a = seed(&c, "000");
    assert_eq!(kind(a, "International"), BlockKind::SectionLabel);
    assert_eq!(kind(a, "Brendan Smialowski/AFP"), BlockKind::Credit);
    assert_eq!(
        kind(seed(&c, "001"), "comments_image"),
        BlockKind::Boilerplate
    );
}

#[test]
fn seed_footers_are_boilerplate() {
    let Some(c) = seeds() else { return };
    let a = seed(&c, "000");
    for line in [
        "Related News",
        "Find Al Jazeera America",
        "Get email updates",
        "Sign up for our weekly",
    ] {
        let kinds = kinds_starting(a, line);
        assert!(!kinds.is_empty(), "{line}");
        assert!(
            kinds.iter().all(|k| *k == BlockKind::Boilerplate),
            "{line}: {kinds:?}"
        );
    }
}

#[test]
fn seed_repeated_captions_are_captions() {
    let Some(c) = seeds() else { return };
    let a = seed(&c, "001");
    let kerry = kinds_starting(a, "US Secretary of State John Kerry speaks");
    let putin = kinds_starting(a, "Russia's PM Vladimir Putin looks on");
    assert_eq!(kerry, vec![BlockKind::Caption; 2]);
    assert_eq!(putin, vec![BlockKind::Caption; 2]);
}

#[test]
fn seed_pull_quote_subhead_and_bio() {
    let Some(c) = seeds() else { return };
    let a = seed(&c, "003");
    assert_eq!(
        kind(a, "The groundwork we have on Syria"),
        BlockKind::PullQuote
    );
    assert_eq!(kind(a, "'All of us are going"), BlockKind::PullQuote);
    assert_eq!(
        kind(a, "\"We are aware that the groundwork"),
        BlockKind::Paragraph
    );
    let bio = kind(a, "Susan Ormiston's career");
    assert_ne!(bio, BlockKind::Paragraph);
    assert_eq!(
        kind(seed(&c, "000"), "Grounds for cooperation?"),
        BlockKind::Subhead
    );
}

#[test]
fn seed_body_text_stays_body() {
    let Some(c) = seeds() else { return };
    for a in &c.articles {
        let paragraphs = a
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .count();
        assert!(
            paragraphs >= 6,
            "{}: {paragraphs} paragraphs",
            a.path.display()
        );
    }
    // A long paragraph with a present-tense verb is not a caption.
    assert_eq!(
        kind(seed(&c, "000"), "But ahead of Kerry"),
        BlockKind::Paragraph
    );
}

const WRITTEN: &str = "Europe
Mara Kovac/Northwire/Pressfoto

Ministers meet in Port Selin to settle the fishing quota

The talks follow a year of seized boats and angry harbours on both sides of the bay

The fisheries ministers of the two countries met on Tuesday in Port Selin for the first time since the dispute began, officials said.

Both sides have accused the other of overfishing the cod stock in the bay, and fishermen have blockaded harbours twice this year.

The Ledger's minister, left, greets her counterpart at the harbour in Port Selin on Tuesday.
The minister greets her counterpart at the harbour in Port Selin on Tuesday.

\"We cannot fish the same water twice,\" the Kestrian minister told reporters after the session, adding that a quota deal was close.

We cannot fish the same water twice.- Ana Ruiz

What the fishermen want

The harbour unions want the quota set for five years rather than one, so that crews can plan their seasons and repay their boats.

Talks resume next week in the capital, where officials expect the two ministers to sign an interim deal.

Tom Hale

Fisheries reporter

Tom Hale is The Ledger's fisheries reporter, based in Port Selin.

Subscribe to The Ledger for unlimited access

Share this story
";

#[test]
fn written_article_structure() {
    let a = Article::from_text("written.txt", WRITTEN);
    assert_eq!(
        a.title,
        "Ministers meet in Port Selin to settle the fishing quota"
    );
    assert_eq!(kind(&a, "Europe"), BlockKind::SectionLabel);
    assert_eq!(kind(&a, "Mara Kovac/Northwire"), BlockKind::Credit);
    assert_eq!(kind(&a, "The talks follow a year"), BlockKind::Standfirst);
    assert_eq!(kind(&a, "The Ledger's minister, left,"), BlockKind::Caption);
    assert_eq!(kind(&a, "The minister greets"), BlockKind::Caption);
    assert_eq!(
        kind(&a, "We cannot fish the same water twice.-"),
        BlockKind::PullQuote
    );
    assert_eq!(kind(&a, "What the fishermen want"), BlockKind::Subhead);
    assert_eq!(kind(&a, "Tom Hale is"), BlockKind::Byline);
    assert_eq!(kind(&a, "Fisheries reporter"), BlockKind::Byline);
    assert_eq!(kind(&a, "Subscribe to The Ledger"), BlockKind::Boilerplate);
    assert_eq!(kind(&a, "Share this story"), BlockKind::Boilerplate);
    assert_eq!(kind(&a, "Talks resume next week"), BlockKind::Paragraph);
}

#[test]
fn headline_less_article_gets_title_from_opening_words() {
    let a = Article::from_text(
        "x.txt",
        "The river commission asked three experts what a lasting treaty between the two neighbours would need.\n\nHelena Okafor, commission chair\n\nA treaty has to say how much water crosses the border in a dry year, and who measures it.\n",
    );
    assert_eq!(
        a.title,
        "The river commission asked three experts what a lasting treaty…"
    );
    assert!(a.blocks.iter().all(|b| b.kind != BlockKind::Title));
}

#[test]
fn line_repeated_across_the_library_is_boilerplate() {
    let promo = "Our full coverage of the river talks";
    let body = |topic: &str| {
        format!(
            "{topic} dominate the talks\n\nThe delegations met again on Monday and discussed the {topic} at length, officials said.\n\n{promo}\n\nA second round of talks about the {topic} is planned for next month in the capital, diplomats said.\n"
        )
    };
    let texts = vec![
        (PathBuf::from("a.txt"), body("Dams")),
        (PathBuf::from("b.txt"), body("Quotas")),
    ];
    let c = Corpus::from_texts(texts);
    for a in &c.articles {
        assert_eq!(
            kind(a, promo),
            BlockKind::Boilerplate,
            "{}",
            a.path.display()
        );
    }
    let alone = Article::from_text("a.txt", &body("Dams"));
    assert_eq!(kind(&alone, promo), BlockKind::Subhead);
}

#[test]
fn hard_wrapped_paragraphs_are_one_block() {
    let text = "River talks resume\n\nThe delegations of the two countries met again on Monday in the\ncapital to discuss the shared river, and officials from both sides\nsaid that the talks had been useful and that a deal was near.\n\nA second round is planned for next month, when the engineers of\nthe commission will present the new flow figures to both sides\nof the table, diplomats said on Monday evening after the talks.\n";
    let a = Article::from_text("w.txt", text);
    let paragraphs: Vec<&str> = a.blocks_of(BlockKind::Paragraph).collect();
    assert_eq!(paragraphs.len(), 2, "{:?}", a.blocks);
    assert_eq!(a.title, "River talks resume");
}

#[test]
fn sample_library_has_each_kind_of_furniture() {
    let c = byline::sample::corpus();
    assert_eq!(c.articles.len(), 6);
    let all: Vec<BlockKind> = c
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter().map(|b| b.kind))
        .collect();
    for k in [
        BlockKind::Title,
        BlockKind::Standfirst,
        BlockKind::Byline,
        BlockKind::SectionLabel,
        BlockKind::Credit,
        BlockKind::Caption,
        BlockKind::PullQuote,
        BlockKind::Subhead,
        BlockKind::Paragraph,
        BlockKind::Boilerplate,
    ] {
        assert!(all.contains(&k), "no {k:?} in the sample library");
    }
    let md = c
        .articles
        .iter()
        .find(|a| a.path.ends_with("05-treaty-signed.md"))
        .expect("md sample");
    assert_eq!(md.title, "Alder River treaty signed in Port Selin");
    assert_eq!(md.meta.author.as_deref(), Some("Petra Sand"));
    let interview = c
        .articles
        .iter()
        .find(|a| a.path.ends_with("03-three-voices.txt"))
        .expect("interview");
    assert!(interview.title.ends_with('…'));
    assert!(c.warnings.is_empty());
}

/// Every line belongs to exactly one block, in order, and blocks point inside the text.
fn assert_tiles(a: &Article) {
    let lines = line_spans(&a.text).len();
    let mut next = 0;
    for b in &a.blocks {
        assert_eq!(b.lines.start, next, "gap or overlap at line {next}");
        assert!(b.lines.end > b.lines.start);
        assert!(
            a.text.get(b.bytes.clone()).is_some(),
            "byte range off char boundary"
        );
        next = b.lines.end;
    }
    assert_eq!(next, lines);
}

#[test]
fn seeds_and_samples_tile() {
    for a in byline::sample::corpus()
        .articles
        .iter()
        .chain(seeds().iter().flat_map(|c| c.articles.iter()))
    {
        assert_tiles(a);
    }
}

fn line_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("   ".to_string()),
        Just("Sign up for our newsletter".to_string()),
        Just("Name/Agency/Getty Images".to_string()),
        Just("Grounds for a deal?".to_string()),
        Just("# Heading".to_string()),
        "[A-Za-z ,.'\"!?()/_-]{0,120}",
        "\\PC{0,60}",
    ]
}

proptest! {
    #[test]
    fn blocks_tile_any_text(lines in prop::collection::vec(line_strategy(), 0..30), crlf in any::<bool>()) {
        let sep = if crlf { "\r\n" } else { "\n" };
        let a = Article::from_text("p.txt", &lines.join(sep));
        assert_tiles(&a);
        let _ = byline::article::render_plain(&a, 30, true);
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,400}") {
        let a = Article::from_text("p.md", &text);
        assert_tiles(&a);
    }
}

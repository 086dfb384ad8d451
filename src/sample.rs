//! The sample library built into the binary, so `byline` with no path shows something at
//! once.
//!
//! Six short articles written for this project (a fictional negotiation over a shared
//! river, with recurring people, places and organisations) in the style of scraped news
//! text: section labels, photo credits, repeated captions, a pull quote, subheads, author
//! bios, newsletter footers, one piece without a headline and two Markdown files with front
//! matter. They live in `samples/` and are compiled in with `include_str!`.

use std::path::PathBuf;

use crate::corpus::Corpus;

/// (file name, contents) of every sample article.
pub const FILES: &[(&str, &str)] = &[
    (
        "01-talks-open-in-vienna.txt",
        include_str!("../samples/01-talks-open-in-vienna.txt"),
    ),
    (
        "02-farmers-wait-downstream.txt",
        include_str!("../samples/02-farmers-wait-downstream.txt"),
    ),
    (
        "03-three-voices.txt",
        include_str!("../samples/03-three-voices.txt"),
    ),
    (
        "04-a-deal-takes-shape.txt",
        include_str!("../samples/04-a-deal-takes-shape.txt"),
    ),
    (
        "05-treaty-signed.md",
        include_str!("../samples/05-treaty-signed.md"),
    ),
    (
        "06-brief-commission-budget.md",
        include_str!("../samples/06-brief-commission-budget.md"),
    ),
];

/// The folder name sample paths are shown under.
pub const SAMPLE_DIR: &str = "sample";

/// The sample library, parsed exactly like files on disk (paths `sample/<file>`).
pub fn corpus() -> Corpus {
    Corpus::from_texts(
        FILES
            .iter()
            .map(|(name, text)| (PathBuf::from(SAMPLE_DIR).join(name), (*text).to_string()))
            .collect(),
    )
}

//! Arbitrary file bytes through the loader's decoding path and the structure pass: no
//! panic, and every block stays inside the text on character boundaries.
#![no_main]

use std::path::PathBuf;

use byline::corpus::{Corpus, decode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode(data) else {
        return;
    };
    // Two copies with a change, so the library-level repetition pass has something to count.
    let other = format!("{}\nSign up for our newsletter\n", decoded.text);
    let corpus = Corpus::from_texts(vec![
        (PathBuf::from("a.txt"), decoded.text),
        (PathBuf::from("b.md"), other),
    ]);
    for a in &corpus.articles {
        for b in &a.blocks {
            assert!(
                a.text.get(b.bytes.clone()).is_some(),
                "block outside the text"
            );
        }
    }
});

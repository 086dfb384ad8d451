//! Arbitrary text as an annotation file: an error (with line and column) is fine, a panic
//! is not.
#![no_main]

use std::path::Path;

use byline::annotations::file::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse(Path::new("byline.toml"), &text);
});

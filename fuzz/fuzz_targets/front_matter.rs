//! Arbitrary text through the front matter reader (BOM, line endings, YAML/TOML headers).
#![no_main]

use byline::article::source::prepare;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Steer half of the inputs into a header so the YAML and TOML readers get exercised.
    let steered = match data.first() {
        Some(b) if b % 3 == 0 => format!("---\n{text}"),
        Some(b) if b % 3 == 1 => format!("+++\n{text}"),
        _ => text.into_owned(),
    };
    let _ = prepare(&steered);
});

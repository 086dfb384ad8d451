//! Arbitrary text as a user config file: an error is fine, a panic is not.
#![no_main]

use std::path::Path;

use byline::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = Config::from_user_toml(&text, Path::new("fuzz.toml"));
});

//! Reading one file into text: size limit, binary detection, encodings.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Files larger than this are skipped: they are not articles, and reading them would
/// stall the library.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// A file read as text, with caveats to show on the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Reads and decodes a file; `Err` holds the reason it is skipped.
pub fn read_text(path: &Path) -> Result<Decoded, String> {
    let file = File::open(path).map_err(|e| format!("unreadable: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("unreadable: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("larger than {} MB", MAX_FILE_BYTES / (1024 * 1024)));
    }
    decode(&bytes)
}

/// UTF-8 (BOM allowed); UTF-16 with a BOM; anything else that is not binary is read as
/// Windows-1252, the usual encoding of older scraped text, with a warning.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let (text, warnings) = if let Some((enc, _)) = utf16_bom(bytes) {
        let (text, _, malformed) = enc.decode(bytes);
        let w = malformed.then(|| format!("malformed {} replaced", enc.name()));
        (text.into_owned(), w.into_iter().collect())
    } else if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes)".to_string());
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), Vec::new()),
            Err(_) => {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
                let w = "not valid UTF-8; decoded as Windows-1252".to_string();
                (text.into_owned(), vec![w])
            }
        }
    };
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err("empty file".to_string());
    }
    Ok(Decoded { text, warnings })
}

/// UTF-16 files carry NUL bytes, so they are recognised by their BOM before the binary
/// check. (A UTF-8 BOM is removed later, with the text.)
fn utf16_bom(bytes: &[u8]) -> Option<(&'static encoding_rs::Encoding, usize)> {
    encoding_rs::Encoding::for_bom(bytes).filter(|(enc, _)| *enc != encoding_rs::UTF_8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_case() {
        assert_eq!(
            decode(b"caf\xc3\xa9").map(|d| d.text),
            Ok("café".to_string())
        );
        let latin = decode(b"caf\xe9 \x93quoted\x94").expect("decodes");
        assert_eq!(latin.text, "café “quoted”");
        assert_eq!(latin.warnings.len(), 1);
        assert!(decode(b"ab\0cd").is_err_and(|e| e.contains("binary")));
        assert!(decode(b"  \n\n").is_err_and(|e| e.contains("empty")));
        assert!(decode(b"\xef\xbb\xbf\n").is_err_and(|e| e.contains("empty")));
        let utf16 = decode(b"\xff\xfeH\0i\0").expect("utf-16");
        assert_eq!(utf16.text, "Hi");
    }
}

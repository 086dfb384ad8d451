//! Theme colours as written in the config: the 16 ANSI names (readable on any terminal),
//! `default`, or `#rrggbb`. Terminal-free; the interface maps them to its own colour type.

use std::str::FromStr;

use serde::{Deserialize, Deserializer};

/// One of the 16 colours every terminal has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ansi {
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

/// A theme colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Colour {
    /// The terminal's own foreground/background.
    Default,
    Ansi(Ansi),
    Rgb(u8, u8, u8),
}

/// Why a colour string could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad colour `{0}` (expected a name such as red, lightcyan, darkgray, default, or #rrggbb)")]
pub struct ColourParseError(pub String);

impl FromStr for Colour {
    type Err = ColourParseError;

    fn from_str(s: &str) -> Result<Colour, ColourParseError> {
        let err = || ColourParseError(s.to_string());
        if let Some(hex) = s.strip_prefix('#') {
            if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(err());
            }
            let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| err());
            return Ok(Colour::Rgb(byte(0)?, byte(2)?, byte(4)?));
        }
        let name: String = s
            .chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .collect::<String>()
            .to_ascii_lowercase()
            .replace("grey", "gray");
        let ansi = match name.as_str() {
            "default" | "reset" => return Ok(Colour::Default),
            "black" => Ansi::Black,
            "red" => Ansi::Red,
            "green" => Ansi::Green,
            "yellow" => Ansi::Yellow,
            "blue" => Ansi::Blue,
            "magenta" => Ansi::Magenta,
            "cyan" => Ansi::Cyan,
            "gray" => Ansi::Gray,
            "darkgray" => Ansi::DarkGray,
            "lightred" => Ansi::LightRed,
            "lightgreen" => Ansi::LightGreen,
            "lightyellow" => Ansi::LightYellow,
            "lightblue" => Ansi::LightBlue,
            "lightmagenta" => Ansi::LightMagenta,
            "lightcyan" => Ansi::LightCyan,
            "white" => Ansi::White,
            _ => return Err(err()),
        };
        Ok(Colour::Ansi(ansi))
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Colour, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_and_hex() {
        assert_eq!("LightCyan".parse(), Ok(Colour::Ansi(Ansi::LightCyan)));
        assert_eq!("dark_grey".parse(), Ok(Colour::Ansi(Ansi::DarkGray)));
        assert_eq!("#ff8000".parse(), Ok(Colour::Rgb(255, 128, 0)));
        assert_eq!("default".parse(), Ok(Colour::Default));
    }

    #[test]
    fn rejects_unknown_colours() {
        for bad in ["purple", "#12345", "#gg0000", "", "#ffffff0"] {
            assert!(bad.parse::<Colour>().is_err(), "{bad:?}");
        }
    }
}

//! The configuration: documented defaults compiled in, overlaid by the user's file.
//!
//! `config/default.toml` is the single source of the defaults (and their documentation);
//! it is embedded with `include_str!` and printed by `byline config --print-default`. A
//! user file holds only what differs: each table it sets is laid over the defaults key by
//! key. The user file is checked on its own first, with `deny_unknown_fields`, so every
//! mistake (unknown key, unknown action, bad key string, bad colour) is reported with the
//! line and column where it was written; byline never starts with half a config.

mod colour;
mod keys;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use colour::{Ansi, Colour, ColourParseError};
pub use keys::{KeyAction, KeyChord, KeyCode, KeyParseError};

/// The documented default configuration, verbatim.
pub const DEFAULT_TOML: &str = include_str!("../../config/default.toml");

pub use crate::entities::TopicDef;

/// A `[[topic]]` table as written: checked strictly, then handed to the extractor as a
/// [`TopicDef`].
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicEntry {
    name: String,
    keywords: Vec<String>,
}

impl From<TopicEntry> for TopicDef {
    fn from(t: TopicEntry) -> TopicDef {
        TopicDef {
            name: t.name,
            keywords: t.keywords,
        }
    }
}

macro_rules! theme {
    ($($(#[$doc:meta])* $field:ident),* $(,)?) => {
        /// Colours of the interface. Mentions are coloured by entity kind.
        #[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Theme {
            $($(#[$doc])* pub $field: Colour,)*
        }

        /// A user file's `[theme]`: only the colours it sets.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct ThemeOverlay {
            $($field: Option<Colour>,)*
        }

        impl Theme {
            fn overlay(&mut self, o: ThemeOverlay) {
                $(if let Some(c) = o.$field { self.$field = c; })*
            }
        }
    };
}

theme! {
    /// Mentions of people.
    person,
    /// Mentions of places.
    place,
    /// Mentions of organizations.
    organization,
    /// Mentions of topics.
    topic,
    /// Borders of panes without focus.
    border,
    /// Border of the focused pane.
    focused_border,
    /// Article titles in the reader.
    title,
    /// Captions, credits, boilerplate.
    dimmed,
    /// Selected row text.
    selection_fg,
    /// Selected row background.
    selection_bg,
    /// Search matches in the reader and fuzzy-matched characters.
    search_match,
    /// Filter chips above the article list.
    chip,
    /// Status line text.
    status_fg,
    /// Status line background.
    status_bg,
    /// Load warnings.
    warning,
}

/// Pane widths in percent; they add up to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    pub list: u16,
    pub reader: u16,
    pub sidebar: u16,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LayoutOverlay {
    list: Option<u16>,
    reader: Option<u16>,
    sidebar: Option<u16>,
}

/// The complete, checked configuration the interface runs with.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub mouse: bool,
    /// Every action with the keys bound to it (possibly none).
    pub keys: BTreeMap<KeyAction, Vec<KeyChord>>,
    pub theme: Theme,
    pub layout: Layout,
    /// User-defined topics, passed to the entity extractor.
    pub topics: Vec<TopicDef>,
    /// Set from the `NO_COLOR` environment variable: style with modifiers only.
    pub no_color: bool,
    /// The user file this config was read from, if any.
    pub source: Option<PathBuf>,
}

/// The shape of `default.toml`: everything required.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Full {
    mouse: bool,
    keys: BTreeMap<KeyAction, Vec<KeyChord>>,
    theme: Theme,
    layout: Layout,
    #[serde(default)]
    topic: Vec<TopicEntry>,
}

/// The shape of a user file: everything optional.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Overlay {
    mouse: Option<bool>,
    keys: Option<BTreeMap<KeyAction, Vec<KeyChord>>>,
    theme: Option<ThemeOverlay>,
    layout: Option<LayoutOverlay>,
    #[serde(default)]
    topic: Vec<TopicEntry>,
}

/// What went wrong reading a config; always names the file, and the line where it can.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: `{key}`: {message}")]
    Invalid {
        path: PathBuf,
        /// 1-based line of the mistake.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// Dotted path of the offending key, e.g. `keys.quit` or `theme.person`.
        key: String,
        message: String,
    },
}

impl Config {
    /// The compiled-in defaults.
    pub fn defaults() -> Config {
        #[allow(clippy::expect_used)]
        let full: Full = toml::from_str(DEFAULT_TOML)
            .expect("config/default.toml is valid (checked by a unit test)");
        Config {
            mouse: full.mouse,
            keys: full.keys,
            theme: full.theme,
            layout: full.layout,
            topics: full.topic.into_iter().map(TopicDef::from).collect(),
            no_color: false,
            source: None,
        }
    }

    /// Loads the config the interface runs with: the defaults, overlaid by `explicit`
    /// (which must exist) or else by the XDG config file when there is one; `NO_COLOR`
    /// from the environment.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let mut config = match explicit {
            Some(path) => Config::from_file(path)?,
            None => match user_config_path() {
                Some(path) if path.is_file() => Config::from_file(&path)?,
                _ => Config::defaults(),
            },
        };
        config.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ok(config)
    }

    /// Reads a user file and lays it over the defaults.
    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config = Config::from_user_toml(&text, path)?;
        config.source = Some(path.to_path_buf());
        Ok(config)
    }

    /// Lays the user file `text` over the defaults; `path` only names it in errors.
    pub fn from_user_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let overlay: Overlay =
            toml::from_str(text).map_err(|e| invalid_at(text, path, e.span(), e.message()))?;
        let mut config = Config::defaults();
        if let Some(mouse) = overlay.mouse {
            config.mouse = mouse;
        }
        if let Some(theme) = overlay.theme {
            config.theme.overlay(theme);
        }
        if let Some(l) = overlay.layout {
            config.layout.list = l.list.unwrap_or(config.layout.list);
            config.layout.reader = l.reader.unwrap_or(config.layout.reader);
            config.layout.sidebar = l.sidebar.unwrap_or(config.layout.sidebar);
            let sum = u32::from(config.layout.list)
                + u32::from(config.layout.reader)
                + u32::from(config.layout.sidebar);
            if sum != 100 {
                let span = find_table(text, "layout");
                return Err(invalid_at(
                    text,
                    path,
                    span,
                    &format!("pane widths must add up to 100, they add up to {sum}"),
                ));
            }
        }
        if let Some(keys) = overlay.keys {
            let mut claimed: BTreeMap<KeyChord, KeyAction> = BTreeMap::new();
            for (action, chords) in &keys {
                for chord in chords {
                    if let Some(other) = claimed.insert(*chord, *action) {
                        let span = find_key_in_table(text, "keys", action.name());
                        return Err(invalid_at(
                            text,
                            path,
                            span,
                            &format!(
                                "key `{chord}` is bound to both `{}` and `{}`",
                                other.name(),
                                action.name()
                            ),
                        ));
                    }
                }
            }
            // A key the user binds is taken away from the action it had by default.
            for list in config.keys.values_mut() {
                list.retain(|c| !claimed.contains_key(c));
            }
            config.keys.extend(keys);
        }
        config
            .topics
            .extend(overlay.topic.into_iter().map(TopicDef::from));
        Ok(config)
    }

    /// Keys bound to `action`, for the help popup and hints.
    pub fn keys_for(&self, action: KeyAction) -> &[KeyChord] {
        self.keys.get(&action).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Where byline looks for the user's config when `--config` is not given.
pub fn user_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "byline").map(|d| d.config_dir().join("config.toml"))
}

fn invalid_at(
    text: &str,
    path: &Path,
    span: Option<std::ops::Range<usize>>,
    message: &str,
) -> ConfigError {
    let offset = span.map(|s| s.start).unwrap_or(0).min(text.len());
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before
        .get(line_start..)
        .map(|s| s.chars().count())
        .unwrap_or(0)
        + 1;
    ConfigError::Invalid {
        path: path.to_path_buf(),
        line,
        column,
        key: key_path_at(text, line),
        message: message.trim().to_string(),
    }
}

/// The dotted key written on `line` (1-based): the last table header above it plus the
/// key before `=` on that line.
fn key_path_at(text: &str, line: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let idx = line.saturating_sub(1).min(lines.len().saturating_sub(1));
    let mut table = String::new();
    for l in lines.iter().take(idx + 1).rev() {
        let t = l.trim();
        if t.starts_with('[') {
            table = t.trim_matches(|c| c == '[' || c == ']').trim().to_string();
            break;
        }
    }
    let here = lines.get(idx).map(|l| l.trim()).unwrap_or("");
    let key = if here.starts_with('[') {
        String::new()
    } else {
        here.split('=')
            .next()
            .unwrap_or("")
            .trim()
            .trim_matches('"')
            .to_string()
    };
    match (table.is_empty(), key.is_empty()) {
        (true, _) => key,
        (false, true) => table,
        (false, false) => format!("{table}.{key}"),
    }
}

fn find_table(text: &str, table: &str) -> Option<std::ops::Range<usize>> {
    let mut offset = 0;
    for l in text.split_inclusive('\n') {
        if l.trim().trim_matches(|c| c == '[' || c == ']').trim() == table
            && l.trim().starts_with('[')
        {
            return Some(offset..offset + l.len());
        }
        offset += l.len();
    }
    None
}

fn find_key_in_table(text: &str, table: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let start = find_table(text, table)?.end;
    let mut offset = start;
    for l in text.get(start..)?.split_inclusive('\n') {
        let t = l.trim_start();
        if t.starts_with('[') {
            break;
        }
        if t.split('=').next().map(|k| k.trim().trim_matches('"')) == Some(key) {
            return Some(offset + (l.len() - t.len())..offset + l.len());
        }
        offset += l.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(text: &str) -> Result<Config, ConfigError> {
        Config::from_user_toml(text, Path::new("user.toml"))
    }

    fn err_of(text: &str) -> (usize, usize, String, String) {
        match user(text) {
            Err(ConfigError::Invalid {
                line,
                column,
                key,
                message,
                ..
            }) => (line, column, key, message),
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn default_file_is_complete() {
        let c = Config::defaults();
        for a in KeyAction::ALL {
            assert!(!c.keys_for(a).is_empty(), "no default key for {}", a.name());
        }
        assert_eq!(c.layout.list + c.layout.reader + c.layout.sidebar, 100);
        assert!(c.mouse);
        assert!(c.topics.is_empty());
        assert_eq!(c.keys_for(KeyAction::Quit).len(), 2);
    }

    #[test]
    fn default_keys_are_unique() {
        let c = Config::defaults();
        let mut seen = std::collections::HashMap::new();
        for (a, chords) in &c.keys {
            for ch in chords {
                if let Some(prev) = seen.insert(*ch, *a) {
                    panic!("{ch} bound to {} and {}", prev.name(), a.name());
                }
            }
        }
    }

    #[test]
    fn overlay_changes_only_what_it_sets() {
        let c =
            user("mouse = false\n[theme]\nperson = \"#ff0000\"\n[keys]\nzen = [\"Z\"]\n").unwrap();
        let d = Config::defaults();
        assert!(!c.mouse);
        assert_eq!(c.theme.person, Colour::Rgb(255, 0, 0));
        assert_eq!(c.theme.place, d.theme.place);
        assert_eq!(
            c.keys_for(KeyAction::Zen),
            &["Z".parse::<KeyChord>().unwrap()]
        );
        assert_eq!(c.keys_for(KeyAction::Quit), d.keys_for(KeyAction::Quit));
    }

    #[test]
    fn rebinding_a_key_takes_it_from_its_default_action() {
        let c = user("[keys]\nzen = [\"n\"]\n").unwrap();
        assert!(c.keys_for(KeyAction::NextMatch).is_empty());
        assert_eq!(
            c.keys_for(KeyAction::Zen),
            &["n".parse::<KeyChord>().unwrap()]
        );
    }

    #[test]
    fn topics_are_read() {
        let c = user("[[topic]]\nname = \"Ceasefire\"\nkeywords = [\"ceasefire\", \"truce\"]\n")
            .unwrap();
        assert_eq!(c.topics.len(), 1);
        assert_eq!(c.topics[0].keywords, vec!["ceasefire", "truce"]);
    }

    #[test]
    fn unknown_action_names_line_and_key() {
        let (line, _, key, msg) = err_of("mouse = true\n[keys]\nquit = [\"q\"]\nfly = [\"f\"]\n");
        assert_eq!(line, 4);
        assert_eq!(key, "keys.fly");
        assert!(msg.contains("fly"), "{msg}");
    }

    #[test]
    fn bad_key_string_names_line() {
        let (line, column, key, msg) = err_of("[keys]\nquit = [\"q\", \"ctrl-\"]\n");
        assert_eq!((line, key.as_str()), (2, "keys.quit"));
        assert!(column > 1);
        assert!(msg.contains("ctrl-"), "{msg}");
    }

    #[test]
    fn bad_colour_names_line() {
        let (line, _, key, msg) = err_of("[theme]\n\nplace = \"purple\"\n");
        assert_eq!((line, key.as_str()), (3, "theme.place"));
        assert!(msg.contains("purple"), "{msg}");
    }

    #[test]
    fn unknown_key_is_an_error() {
        let (line, _, key, _) = err_of("mouse = true\ncolour = \"red\"\n");
        assert_eq!((line, key.as_str()), (2, "colour"));
        let (line, _, key, _) = err_of("[theme]\npersn = \"red\"\n");
        assert_eq!((line, key.as_str()), (2, "theme.persn"));
    }

    #[test]
    fn layout_must_add_up() {
        let (line, _, key, msg) = err_of("mouse = true\n[layout]\nlist = 50\n");
        assert_eq!((line, key.as_str()), (2, "layout"));
        assert!(msg.contains("100"));
    }

    #[test]
    fn conflicting_user_keys_are_an_error() {
        let (line, _, _, msg) = err_of("[keys]\nzen = [\"Z\"]\nhelp = [\"Z\"]\n");
        assert!(line == 2 || line == 3);
        assert!(msg.contains("`Z`"), "{msg}");
    }

    #[test]
    fn error_display_names_file_line_and_key() {
        let e = user("[theme]\nplace = \"purple\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("user.toml:2:"), "{e}");
        assert!(e.contains("theme.place"), "{e}");
    }
}

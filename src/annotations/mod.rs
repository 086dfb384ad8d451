//! Highlights, notes, tags, bookmarks, read state and entity corrections, kept in one TOML file the user owns.
pub mod anchor;
pub mod error;
pub mod file;
pub mod fuzzy;
pub mod model;

//! Highlights, notes, tags, bookmarks, read state and entity corrections, kept in one TOML file the user owns.

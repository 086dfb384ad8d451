//! What can go wrong reading or saving the annotation file, worded for the user.
//!
//! Every message names the file; problems inside the file name the line and column, so
//! the user can fix a hand edit. Each save error says what happened to their changes
//! (kept in memory) and to the file on disk (left as it was).

use std::io;
use std::path::PathBuf;

use thiserror::Error;

/// Why an annotation file cannot be used. Such a file is never overwritten.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be read at all (permissions, a folder in the way, …).
    #[error("cannot read the annotations file {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    /// Not valid TOML.
    #[error("{path}: line {line}, column {column}: not valid TOML: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid TOML, but something in it is not what byline writes (e.g. an unknown
    /// motivation or a missing id).
    #[error("{path}: line {line}, column {column}: {message}")]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// Written by a newer byline: saving with this version could drop what it added.
    #[error(
        "{path}: line {line}, column {column}: schema_version {found} is newer than this byline understands ({supported}); upgrade byline to use this file"
    )]
    NewerSchema {
        path: PathBuf,
        line: usize,
        column: usize,
        found: i64,
        supported: i64,
    },
}

impl LoadError {
    /// Line and column (1-based) of the problem inside the file, when there is one.
    pub fn location(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::Read { .. } => None,
            LoadError::Syntax { line, column, .. }
            | LoadError::Invalid { line, column, .. }
            | LoadError::NewerSchema { line, column, .. } => Some((*line, *column)),
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            LoadError::Read { path, .. }
            | LoadError::Syntax { path, .. }
            | LoadError::Invalid { path, .. }
            | LoadError::NewerSchema { path, .. } => path,
        }
    }
}

/// The step of a save that failed (also the points where tests inject failures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SaveStep {
    CreateFolder,
    Lock,
    ReadCurrent,
    CreateTemp,
    WriteTemp,
    SyncTemp,
    CopyPermissions,
    Backup,
    Rename,
}

impl SaveStep {
    /// Every step, in the order a save runs them.
    pub const ALL: [SaveStep; 9] = [
        SaveStep::CreateFolder,
        SaveStep::Lock,
        SaveStep::ReadCurrent,
        SaveStep::CreateTemp,
        SaveStep::WriteTemp,
        SaveStep::SyncTemp,
        SaveStep::CopyPermissions,
        SaveStep::Backup,
        SaveStep::Rename,
    ];

    /// What the step does, in words for an error message.
    pub fn describe(self) -> &'static str {
        match self {
            SaveStep::CreateFolder => "creating its folder",
            SaveStep::Lock => "taking the lock",
            SaveStep::ReadCurrent => "reading the current file",
            SaveStep::CreateTemp => "creating a temporary file",
            SaveStep::WriteTemp => "writing the temporary file",
            SaveStep::SyncTemp => "flushing the temporary file to disk",
            SaveStep::CopyPermissions => "copying the file permissions",
            SaveStep::Backup => "writing the backup",
            SaveStep::Rename => "replacing the file",
        }
    }
}

/// Why a save did not happen. In every case the user's changes stay in memory.
#[derive(Debug, Error)]
pub enum SaveError {
    /// The file at the target path could not be read or parsed: it is never overwritten.
    #[error("not saving to {}: {reason}. Your changes are kept in memory; save them to another file", reason.path().display())]
    Blocked { reason: LoadError },
    /// The folder does not accept new files (read-only folder or file system).
    #[error("cannot save annotations to {path}: the folder {} is not writable ({source}). Your changes are kept in memory; save them to another file", folder.display())]
    FolderNotWritable {
        path: PathBuf,
        folder: PathBuf,
        #[source]
        source: io::Error,
    },
    /// The folder for the file does not exist and cannot be made.
    #[error("cannot save annotations to {path}: the folder {} cannot be created ({source}). Your changes are kept in memory; save them to another file", folder.display())]
    CreateFolder {
        path: PathBuf,
        folder: PathBuf,
        #[source]
        source: io::Error,
    },
    /// Any other I/O failure; the old file is untouched.
    #[error("could not save annotations to {path} ({}: {source}); the file on disk is unchanged and your changes are kept in memory", step.describe())]
    Io {
        path: PathBuf,
        step: SaveStep,
        #[source]
        source: io::Error,
    },
}

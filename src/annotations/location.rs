//! Where the annotation file lives: `--annotations FILE`; else `byline.toml` in the first
//! folder opened when it is writable; else the user data folder. The reason is kept so
//! the status line can say why that file was chosen.

use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// The file name used in a library folder and in the data folder.
pub const FILE_NAME: &str = "byline.toml";

/// Why the annotation file is where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocationReason {
    /// Given with `--annotations`.
    Flag,
    /// `byline.toml` in the first folder opened.
    LibraryFolder,
    /// No folder was opened (files only, or the sample library).
    DataDirNoFolder,
    /// The first folder opened is not writable.
    DataDirFolderNotWritable(PathBuf),
}

/// The chosen annotation file and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub reason: LocationReason,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.path.display();
        match &self.reason {
            LocationReason::Flag => write!(f, "{p} (from --annotations)"),
            LocationReason::LibraryFolder => write!(f, "{p} (in the library folder)"),
            LocationReason::DataDirNoFolder => {
                write!(f, "{p} (user data folder: no library folder opened)")
            }
            LocationReason::DataDirFolderNotWritable(dir) => {
                write!(
                    f,
                    "{p} (user data folder: {} is not writable)",
                    dir.display()
                )
            }
        }
    }
}

/// No place could be found for the file.
#[derive(Debug, Error, PartialEq, Eq)]
#[error(
    "no place for the annotations file: {why} and there is no user data folder (is HOME set?); use --annotations FILE"
)]
pub struct LocationError {
    pub why: String,
}

/// The user data folder for byline (XDG_DATA_HOME/byline on Linux).
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "byline").map(|d| d.data_dir().to_path_buf())
}

/// Whether new files can be created in `dir` (tried for real: permissions alone lie on
/// read-only mounts and for root).
pub fn is_writable_folder(dir: &Path) -> bool {
    dir.is_dir()
        && tempfile::Builder::new()
            .prefix(".byline-probe")
            .tempfile_in(dir)
            .is_ok()
}

/// Resolves the annotation file for a session opened on `library` paths.
pub fn resolve(flag: Option<&Path>, library: &[PathBuf]) -> Result<Location, LocationError> {
    resolve_with(flag, library, data_dir())
}

/// [`resolve`] with the data folder given (for tests and embedding).
pub fn resolve_with(
    flag: Option<&Path>,
    library: &[PathBuf],
    data_dir: Option<PathBuf>,
) -> Result<Location, LocationError> {
    if let Some(p) = flag {
        return Ok(Location {
            path: p.to_path_buf(),
            reason: LocationReason::Flag,
        });
    }
    let reason = match library.iter().find(|p| p.is_dir()) {
        Some(dir) if is_writable_folder(dir) => {
            return Ok(Location {
                path: dir.join(FILE_NAME),
                reason: LocationReason::LibraryFolder,
            });
        }
        Some(dir) => LocationReason::DataDirFolderNotWritable(dir.clone()),
        None => LocationReason::DataDirNoFolder,
    };
    match data_dir {
        Some(d) => Ok(Location {
            path: d.join(FILE_NAME),
            reason,
        }),
        None => Err(LocationError {
            why: match reason {
                LocationReason::DataDirFolderNotWritable(dir) => {
                    format!("{} is not writable", dir.display())
                }
                _ => "no library folder was opened".to_string(),
            },
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_wins() {
        let l = resolve_with(Some(Path::new("x.toml")), &[PathBuf::from(".")], None).unwrap();
        assert_eq!(l.path, PathBuf::from("x.toml"));
        assert_eq!(l.to_string(), "x.toml (from --annotations)");
    }

    #[test]
    fn first_folder_then_data_dir() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let l = resolve_with(None, &[file.clone(), dir.path().to_path_buf()], None).unwrap();
        assert_eq!(l.path, dir.path().join("byline.toml"));
        assert_eq!(l.reason, LocationReason::LibraryFolder);
        let l = resolve_with(None, &[file], Some(PathBuf::from("/data/byline"))).unwrap();
        assert_eq!(l.path, PathBuf::from("/data/byline/byline.toml"));
        assert_eq!(l.reason, LocationReason::DataDirNoFolder);
        let e = resolve_with(None, &[], None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no place for the annotations file: no library folder was opened and there is no user data folder (is HOME set?); use --annotations FILE"
        );
    }
}

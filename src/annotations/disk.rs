//! The file-system side of saving: lock, fingerprint, and the atomic replace.
//!
//! A save writes a temporary file next to the target, flushes it, gives it the old
//! file's permissions, keeps the old version as `NAME.bak`, then renames the temporary
//! file over the target: at every instant the target is either the complete old file or
//! the complete new one. An advisory lock on `NAME.lock` (never on the file itself, which
//! the rename replaces) keeps two byline processes from interleaving read-merge-write.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::error::SaveStep;
use super::model::fnv1a64;

/// What identifies one version of the file on disk: size, modification time, content hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

/// The file as it is on disk now.
#[derive(Debug, Clone)]
pub struct DiskFile {
    pub bytes: Vec<u8>,
    pub fingerprint: Fingerprint,
    pub permissions: fs::Permissions,
}

/// Injected failures for tests: the step to fail and the error kind to fail with.
pub type FailPoint = Option<(SaveStep, io::ErrorKind)>;

/// Returns the injected failure for `step`, if any.
pub fn check(fail: FailPoint, step: SaveStep) -> io::Result<()> {
    match fail {
        Some((s, kind)) if s == step => Err(io::Error::new(kind, "simulated failure")),
        _ => Ok(()),
    }
}

/// `dir/NAME.ext` next to `path`, e.g. `byline.toml.lock`.
pub fn sibling(path: &Path, ext: &str) -> PathBuf {
    let mut name: OsString = path
        .file_name()
        .map(OsString::from)
        .unwrap_or_else(|| "byline.toml".into());
    name.push(".");
    name.push(ext);
    path.with_file_name(name)
}

/// The folder a file lives in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Reads the file, or `None` when it does not exist.
pub fn read_current(path: &Path) -> io::Result<Option<DiskFile>> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let meta = fs::metadata(path)?;
    Ok(Some(DiskFile {
        fingerprint: Fingerprint {
            len: meta.len(),
            modified: meta.modified().ok(),
            hash: fnv1a64(&bytes),
        },
        permissions: meta.permissions(),
        bytes,
    }))
}

/// An exclusive advisory lock, held until dropped.
pub struct Lock {
    _file: File,
}

/// Takes the lock on `NAME.lock` next to `path`, waiting for another byline to finish.
pub fn lock(path: &Path) -> io::Result<Lock> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(sibling(path, "lock"))?;
    fs4::fs_std::FileExt::lock_exclusive(&file)?;
    Ok(Lock { _file: file })
}

/// Permissions a brand-new file gets (rw for the user, readable by others, minus umask).
#[cfg(unix)]
fn new_file_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<fs::Permissions> {
    None
}

/// Writes `bytes` to a flushed temporary file in `folder` with the given permissions.
fn prepare(
    target: &Path,
    folder: &Path,
    bytes: &[u8],
    permissions: Option<&fs::Permissions>,
    fail: FailPoint,
) -> Result<tempfile::NamedTempFile, (SaveStep, io::Error)> {
    let at = |step: SaveStep| move |e: io::Error| (step, e);
    let prefix = format!(
        ".{}.",
        target
            .file_name()
            .map_or_else(|| "byline.toml".into(), |n| n.to_string_lossy())
    );
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    if let Some(p) = new_file_permissions() {
        builder.permissions(p);
    }
    check(fail, SaveStep::CreateTemp).map_err(at(SaveStep::CreateTemp))?;
    let mut tmp = builder
        .tempfile_in(folder)
        .map_err(at(SaveStep::CreateTemp))?;
    check(fail, SaveStep::WriteTemp).map_err(at(SaveStep::WriteTemp))?;
    tmp.write_all(bytes).map_err(at(SaveStep::WriteTemp))?;
    tmp.flush().map_err(at(SaveStep::WriteTemp))?;
    check(fail, SaveStep::SyncTemp).map_err(at(SaveStep::SyncTemp))?;
    tmp.as_file().sync_all().map_err(at(SaveStep::SyncTemp))?;
    if let Some(p) = permissions {
        check(fail, SaveStep::CopyPermissions).map_err(at(SaveStep::CopyPermissions))?;
        tmp.as_file()
            .set_permissions(p.clone())
            .map_err(at(SaveStep::CopyPermissions))?;
    }
    Ok(tmp)
}

/// Makes a rename durable; best effort (not every platform can sync a folder).
fn sync_folder(folder: &Path) {
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}

/// Replaces `target` with `bytes` safely: temporary file written and flushed, old version
/// copied to `NAME.bak`, then the atomic rename. On any error the target is untouched
/// (and the temporary file removed).
pub fn write_atomically(
    target: &Path,
    bytes: &[u8],
    old: Option<&DiskFile>,
    fail: FailPoint,
) -> Result<Fingerprint, (SaveStep, io::Error)> {
    let folder = folder_of(target);
    let tmp = prepare(target, &folder, bytes, old.map(|o| &o.permissions), fail)?;
    if let Some(old) = old {
        check(fail, SaveStep::Backup).map_err(|e| (SaveStep::Backup, e))?;
        let bak = sibling(target, "bak");
        let bak_tmp = prepare(&bak, &folder, &old.bytes, Some(&old.permissions), None)
            .map_err(|(_, e)| (SaveStep::Backup, e))?;
        bak_tmp
            .persist(&bak)
            .map_err(|e| (SaveStep::Backup, e.error))?;
    }
    check(fail, SaveStep::Rename).map_err(|e| (SaveStep::Rename, e))?;
    tmp.persist(target)
        .map_err(|e| (SaveStep::Rename, e.error))?;
    sync_folder(&folder);
    let meta = fs::metadata(target).map_err(|e| (SaveStep::Rename, e))?;
    Ok(Fingerprint {
        len: meta.len(),
        modified: meta.modified().ok(),
        hash: fnv1a64(bytes),
    })
}

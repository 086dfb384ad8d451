//! The on-disk index cache: re-opening an unchanged library skips reading, decoding,
//! measuring and classifying every file.
//!
//! One cache file per library (named after the folder that holds all its files) lives in
//! the XDG cache folder. Each record is one article as it was built (text, blocks, title,
//! front matter, warnings) plus the files it came from, each keyed by canonical path, size
//! and modification time, and the library keys of its units. A file whose key still
//! matches is taken from the cache; every other file is read as usual.
//!
//! Classification also depends on the rest of the library (lines repeated across articles
//! are furniture), so a record also stores which of its units were "common" when it was
//! built. When the library changed, cached articles whose common units are still the same
//! keep their blocks; the others are measured and classified again from the cached text.
//! The final corpus is therefore identical to a load without the cache.
//!
//! The cache is disposable: it is versioned (format and crate version), every record is
//! checksummed and validated, and anything unexpected (missing, truncated, corrupt, an old
//! version) means it is ignored and rewritten, with at most a warning. Writes go to a
//! temporary file in the same folder that is renamed over the old one, so a crash never
//! leaves half a cache.
//!
//! The encoding is a small hand-rolled binary format (length-prefixed fields, little
//! endian), read through a buffered stream so a 300 MB cache never sits in memory twice:
//! it is several times faster than JSON for text-heavy records and needs no new
//! dependency.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;

use super::{Corpus, LoadWarning, read_draft};
use crate::article::{Article, Block, BlockKind, Draft, FrontMatter, LibraryLines};

/// Bumped whenever the layout of a record changes.
const FORMAT_VERSION: u32 = 1;
const MAGIC: &[u8; 8] = b"BYLNIDX\0";
/// A cache written by another build may classify differently: the crate version is part
/// of the header.
const CRATE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Fields longer than this are not plausible (files over 20 MB are never loaded).
const MAX_FIELD: u64 = 64 * 1024 * 1024;

/// The default cache folder: `$XDG_CACHE_HOME/byline` (or the platform's equivalent).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "byline").map(|d| d.cache_dir().to_path_buf())
}

/// Loads `files` like [`super::load_files`], taking unchanged files from the index cache
/// in `cache_dir` (the XDG cache folder when `None`) and refreshing the cache afterwards.
/// Problems with the cache itself are at most a warning: the library always loads.
pub fn load_cached(
    files: &[PathBuf],
    cache_dir: Option<&Path>,
    on_progress: impl Fn(usize, usize) + Sync,
) -> Corpus {
    let Some(dir) = cache_dir.map(Path::to_path_buf).or_else(default_dir) else {
        return super::load_files(files, on_progress);
    };
    let keys = file_keys(files);
    let cache_path = dir.join(cache_file_name(&keys));
    let mut notes = Vec::new();
    let (mut records, skipped) = match read_cache(&cache_path) {
        Ok(Some(cache)) => cache,
        Ok(None) => (Vec::new(), Vec::new()),
        Err(reason) => {
            notes.push(LoadWarning {
                path: cache_path.clone(),
                reason: format!("index cache ignored and rebuilt ({reason})"),
            });
            (Vec::new(), Vec::new())
        }
    };
    let by_key = index_records(&records, &skipped);

    // Pair every file with its cached record (or cached reason to skip it), if it is
    // unchanged; read the others.
    let total = files.len();
    let done = AtomicUsize::new(0);
    let outcomes: Vec<(Result<Item, LoadWarning>, bool)> = files
        .par_iter()
        .zip(keys.par_iter())
        .map(|(path, key)| {
            let hit = key
                .as_ref()
                .and_then(|k| by_key.get(&k.path).filter(|(_, stamp)| *stamp == k.stamp));
            let outcome = match hit {
                Some((Cached::Record(record), _)) => (
                    Ok(Item {
                        path: path.clone(),
                        key: key.clone(),
                        source: Source::Hit(*record),
                    }),
                    true,
                ),
                Some((Cached::Skipped(reason), _)) => (
                    Err(LoadWarning {
                        path: path.clone(),
                        reason: reason.clone(),
                    }),
                    true,
                ),
                None => (
                    read_draft(path).map(|draft| Item {
                        path: path.clone(),
                        key: key.clone(),
                        source: Source::Miss(Box::new(draft)),
                    }),
                    false,
                ),
            };
            on_progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            outcome
        })
        .collect();
    let by_key_len = by_key.len();
    drop(by_key);
    drop(skipped);

    let hits = outcomes.iter().filter(|(_, hit)| *hit).count();
    let mut warnings = Vec::new();
    let mut new_skipped = Vec::new();
    let mut items: Vec<Item> = Vec::with_capacity(outcomes.len());
    for ((outcome, _), key) in outcomes.into_iter().zip(&keys) {
        match outcome {
            Ok(item) => items.push(item),
            Err(w) => {
                if let Some(k) = key {
                    new_skipped.push((k.clone(), w.reason.clone()));
                }
                warnings.push(w);
            }
        }
    }
    items.sort_by(|a, b| a.path.cmp(&b.path));

    // Same rules as `super::build`: the first file of each id (by path) is the article,
    // the others are listed as its copies.
    let mut groups: Vec<Group> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for item in items {
        let id = match &item.source {
            Source::Hit(r) => records.get(*r).map(|r| r.article.id.clone()),
            Source::Miss(d) => Some(d.id.clone()),
        }
        .unwrap_or_default();
        match by_id.get(&id) {
            // Indexing: `by_id` values are positions of `groups`, inserted with the push.
            Some(&g) => groups[g].copies.push((item.path, item.key)),
            None => {
                by_id.insert(id, groups.len());
                groups.push(Group {
                    first: item,
                    copies: Vec::new(),
                });
            }
        }
    }

    // Library line counts from every kept article's unit keys.
    let unit_keys: Vec<Vec<Option<u64>>> = groups
        .par_iter()
        .map(|g| match &g.first.source {
            Source::Hit(r) => records
                .get(*r)
                .map(|r| r.unit_keys.clone())
                .unwrap_or_default(),
            Source::Miss(d) => d.unit_keys(),
        })
        .collect();
    let line_keys: Vec<Vec<u64>> = unit_keys
        .iter()
        .map(|keys| keys.iter().flatten().copied().collect())
        .collect();
    let library = LibraryLines::from_articles(line_keys.iter().map(Vec::as_slice));
    drop(line_keys);

    // Take each used record out of the list (each is used by one group: one id).
    let stored_files = by_key_len;
    let mut taken: Vec<Option<Record>> = records.drain(..).map(Some).collect();
    let mut sources = Vec::with_capacity(groups.len());
    let mut metas = Vec::with_capacity(groups.len());
    for g in groups {
        sources.push(match g.first.source {
            Source::Hit(r) => taken
                .get_mut(r)
                .and_then(Option::take)
                .map_or(Built::Lost, |rec| Built::Cached(Box::new(rec))),
            Source::Miss(d) => Built::Fresh(d),
        });
        metas.push(GroupMeta {
            path: g.first.path,
            key: g.first.key,
            copies: g.copies,
        });
    }
    let unused_records = taken.iter().filter(|t| t.is_some()).count();
    drop(taken);

    let reclassified = AtomicUsize::new(0);
    let built: Vec<(Article, Vec<bool>)> = sources
        .into_par_iter()
        .zip(unit_keys.par_iter())
        .zip(metas.par_iter())
        .map(|((source, keys), meta)| {
            let common = common_units(keys, &library);
            let article = match source {
                Built::Cached(rec) if rec.common == common && rec.article.path == meta.path => {
                    rec.article
                }
                Built::Cached(rec) => {
                    reclassified.fetch_add(1, Ordering::Relaxed);
                    let a = rec.article;
                    Draft::from_prepared(meta.path.clone(), a.meta, a.text, a.warnings)
                        .finish(Some(&library))
                }
                Built::Fresh(draft) => draft.finish(Some(&library)),
                // Not reached (a hit always has its record, one per id); read the file
                // again rather than trust anything.
                Built::Lost => {
                    reclassified.fetch_add(1, Ordering::Relaxed);
                    read_draft(&meta.path)
                        .map(|d| d.finish(Some(&library)))
                        .unwrap_or_else(|_| Article::from_text(meta.path.clone(), ""))
                }
            };
            (article, common)
        })
        .collect();

    let mut articles = Vec::with_capacity(built.len());
    let mut side = Vec::with_capacity(built.len());
    for ((mut article, common), (meta, keys)) in
        built.into_iter().zip(metas.into_iter().zip(unit_keys))
    {
        article.path = meta.path;
        article.other_paths = meta.copies.iter().map(|(p, _)| p.clone()).collect();
        let mut file_keys: Vec<FileKey> = meta.key.into_iter().collect();
        file_keys.extend(meta.copies.into_iter().filter_map(|(_, k)| k));
        articles.push(article);
        side.push(Side {
            keys: file_keys,
            unit_keys: keys,
            common,
        });
    }

    let new_files: usize = side.iter().map(|s| s.keys.len()).sum::<usize>() + new_skipped.len();
    let changed = hits != total
        || unused_records > 0
        || new_files != stored_files
        || reclassified.load(Ordering::Relaxed) > 0;
    if changed {
        if let Err(e) = write_cache(&cache_path, &articles, &side, &new_skipped) {
            notes.push(LoadWarning {
                path: cache_path,
                reason: format!("index cache not saved ({e})"),
            });
        }
    }
    warnings.extend(notes);
    warnings.sort_by(|a, b| a.path.cmp(&b.path));
    Corpus { articles, warnings }
}

/// Per unit: whether its line is common in this library (what classification looks at).
fn common_units(keys: &[Option<u64>], library: &LibraryLines) -> Vec<bool> {
    keys.iter()
        .map(|k| k.is_some_and(|k| library.is_common(k)))
        .collect()
}

/// What identifies one file's contents without reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileKey {
    /// Canonical folder + file name (a symlinked file is keyed by its link's path; its
    /// size and time are the target's).
    path: PathBuf,
    stamp: Stamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    size: u64,
    /// Modification time since the Unix epoch, nanoseconds.
    mtime_ns: u128,
}

/// Keys of all files (`None` when a file cannot be stat'ed or has no modification time:
/// it is then always read).
fn file_keys(files: &[PathBuf]) -> Vec<Option<FileKey>> {
    let mut folders: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    for f in files {
        if let Some(parent) = f.parent() {
            folders.entry(parent.to_path_buf()).or_insert_with(|| {
                fs::canonicalize(if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                })
                .ok()
            });
        }
    }
    files
        .par_iter()
        .map(|f| {
            let folder = folders.get(f.parent()?)?.as_ref()?;
            let path = folder.join(f.file_name()?);
            let meta = fs::metadata(f).ok()?;
            let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
            Some(FileKey {
                path,
                stamp: Stamp {
                    size: meta.len(),
                    mtime_ns: mtime.as_nanos(),
                },
            })
        })
        .collect()
}

/// `library-<hash of the folder holding every file>.bin`: one cache per library, so
/// opening a sub-folder or another archive does not evict this one.
fn cache_file_name(keys: &[Option<FileKey>]) -> String {
    let mut common: Option<PathBuf> = None;
    for k in keys.iter().flatten() {
        let folder = k.path.parent().unwrap_or(Path::new("/"));
        common = Some(match common {
            None => folder.to_path_buf(),
            Some(c) => c
                .components()
                .zip(folder.components())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    let root = common.unwrap_or_default();
    let hash = crate::article::text::fnv1a(root.as_os_str().as_encoded_bytes());
    format!("library-{hash:016x}.bin")
}

/// One article as the cache keeps it.
#[derive(Debug)]
struct Record {
    files: Vec<FileKey>,
    article: Article,
    unit_keys: Vec<Option<u64>>,
    common: Vec<bool>,
}

/// What the writer needs besides the article.
struct Side {
    keys: Vec<FileKey>,
    unit_keys: Vec<Option<u64>>,
    common: Vec<bool>,
}

struct Item {
    path: PathBuf,
    key: Option<FileKey>,
    source: Source,
}

enum Source {
    /// Index of the cached record.
    Hit(usize),
    Miss(Box<Draft>),
}

struct Group {
    first: Item,
    copies: Vec<(PathBuf, Option<FileKey>)>,
}

/// Where an article's files are, once its source has been taken out of the group.
struct GroupMeta {
    path: PathBuf,
    key: Option<FileKey>,
    copies: Vec<(PathBuf, Option<FileKey>)>,
}

enum Built {
    Cached(Box<Record>),
    Fresh(Box<Draft>),
    Lost,
}

/// What the cache knows about one file.
enum Cached {
    /// The index of the article record it belongs to.
    Record(usize),
    /// It was skipped, for this reason (binary, empty, …).
    Skipped(String),
}

/// Canonical path → what is cached and the stamp it was cached with, for every file.
fn index_records(
    records: &[Record],
    skipped: &[(FileKey, String)],
) -> HashMap<PathBuf, (Cached, Stamp)> {
    let mut map = HashMap::with_capacity(records.len() + skipped.len());
    for (i, r) in records.iter().enumerate() {
        for k in &r.files {
            map.insert(k.path.clone(), (Cached::Record(i), k.stamp));
        }
    }
    for (k, reason) in skipped {
        map.insert(k.path.clone(), (Cached::Skipped(reason.clone()), k.stamp));
    }
    map
}

// ---------------------------------------------------------------------------------------
// Encoding.
// ---------------------------------------------------------------------------------------

/// A fast, non-cryptographic running checksum over every field (corruption detection,
/// not security): 64-bit multiply-xor over 8-byte words.
#[derive(Default)]
struct Checksum(u64);

impl Checksum {
    fn feed(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0 ^ (bytes.len() as u64).wrapping_mul(K);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
}

struct Writer<W: Write> {
    out: W,
    sum: Checksum,
}

impl<W: Write> Writer<W> {
    fn bytes(&mut self, b: &[u8]) -> io::Result<()> {
        self.sum.feed(b);
        self.out.write_all(b)
    }
    fn u64(&mut self, v: u64) -> io::Result<()> {
        self.bytes(&v.to_le_bytes())
    }
    fn len(&mut self, n: usize) -> io::Result<()> {
        self.u64(n as u64)
    }
    fn blob(&mut self, b: &[u8]) -> io::Result<()> {
        self.len(b.len())?;
        self.bytes(b)
    }
    fn str(&mut self, s: &str) -> io::Result<()> {
        self.blob(s.as_bytes())
    }
    fn opt_str(&mut self, s: Option<&str>) -> io::Result<()> {
        match s {
            Some(s) => {
                self.bytes(&[1])?;
                self.str(s)
            }
            None => self.bytes(&[0]),
        }
    }
    fn path(&mut self, p: &Path) -> io::Result<()> {
        self.blob(p.as_os_str().as_encoded_bytes())
    }
    fn range(&mut self, r: &Range<usize>) -> io::Result<()> {
        self.len(r.start)?;
        self.len(r.end)
    }
    /// Ends a record with the checksum of everything written so far.
    fn seal(&mut self) -> io::Result<()> {
        let sum = self.sum.0;
        self.out.write_all(&sum.to_le_bytes())
    }
}

fn write_cache(
    path: &Path,
    articles: &[Article],
    side: &[Side],
    skipped: &[(FileKey, String)],
) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut w = Writer {
            out: BufWriter::with_capacity(1 << 20, tmp.as_file()),
            sum: Checksum::default(),
        };
        w.bytes(MAGIC)?;
        w.u64(u64::from(FORMAT_VERSION))?;
        w.str(CRATE_VERSION)?;
        w.len(articles.len())?;
        w.seal()?;
        for (a, s) in articles.iter().zip(side) {
            write_record(&mut w, a, s)?;
        }
        w.len(skipped.len())?;
        for (key, reason) in skipped {
            write_key(&mut w, key)?;
            w.str(reason)?;
        }
        w.seal()?;
        w.out.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn write_record<W: Write>(w: &mut Writer<W>, a: &Article, s: &Side) -> io::Result<()> {
    w.len(s.keys.len())?;
    for k in &s.keys {
        write_key(w, k)?;
    }
    w.str(&a.id)?;
    w.path(&a.path)?;
    let m = &a.meta;
    for field in [&m.title, &m.author, &m.date, &m.source, &m.url] {
        w.opt_str(field.as_deref())?;
    }
    w.str(&a.title)?;
    w.str(&a.text)?;
    w.len(a.blocks.len())?;
    for b in &a.blocks {
        w.bytes(&[kind_code(b.kind)])?;
        w.range(&b.lines)?;
        w.range(&b.bytes)?;
    }
    w.len(a.warnings.len())?;
    for warning in &a.warnings {
        w.str(warning)?;
    }
    w.len(a.word_count)?;
    w.len(s.unit_keys.len())?;
    for (k, c) in s.unit_keys.iter().zip(&s.common) {
        w.bytes(&[u8::from(k.is_some()) | (u8::from(*c) << 1)])?;
        w.u64(k.unwrap_or(0))?;
    }
    w.seal()
}

fn write_key<W: Write>(w: &mut Writer<W>, k: &FileKey) -> io::Result<()> {
    w.path(&k.path)?;
    w.u64(k.stamp.size)?;
    w.bytes(&k.stamp.mtime_ns.to_le_bytes())
}

const KINDS: [BlockKind; 11] = [
    BlockKind::Title,
    BlockKind::Standfirst,
    BlockKind::Byline,
    BlockKind::Dateline,
    BlockKind::SectionLabel,
    BlockKind::Credit,
    BlockKind::Caption,
    BlockKind::PullQuote,
    BlockKind::Subhead,
    BlockKind::Paragraph,
    BlockKind::Boilerplate,
];

fn kind_code(kind: BlockKind) -> u8 {
    // KINDS lists every variant, so `position` always finds it; 255 would be rejected on
    // reading (and the record rebuilt), never misread.
    KINDS
        .iter()
        .position(|k| *k == kind)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(u8::MAX)
}

/// Why a cache file was not used.
type Bad = String;

struct Reader<R: Read> {
    input: R,
    sum: Checksum,
    /// Bytes left in the file, so a corrupt length never allocates more than the file.
    left: u64,
}

impl<R: Read> Reader<R> {
    fn bytes(&mut self, n: u64) -> Result<Vec<u8>, Bad> {
        if n > self.left || n > MAX_FIELD {
            return Err("a length runs past the end of the file".to_string());
        }
        let mut buf = vec![0; n as usize];
        self.input
            .read_exact(&mut buf)
            .map_err(|e| format!("truncated ({e})"))?;
        self.left -= n;
        self.sum.feed(&buf);
        Ok(buf)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], Bad> {
        let v = self.bytes(N as u64)?;
        let mut out = [0u8; N];
        out.copy_from_slice(&v);
        Ok(out)
    }
    fn u8(&mut self) -> Result<u8, Bad> {
        Ok(self.array::<1>()?[0])
    }
    fn u64(&mut self) -> Result<u64, Bad> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    fn len(&mut self) -> Result<usize, Bad> {
        let n = self.u64()?;
        if n > self.left.max(MAX_FIELD) {
            return Err("implausible length".to_string());
        }
        usize::try_from(n).map_err(|_| "implausible length".to_string())
    }
    /// A count of items that take at least `min_bytes` each.
    fn count(&mut self, min_bytes: u64) -> Result<usize, Bad> {
        let n = self.u64()?;
        if n.saturating_mul(min_bytes) > self.left {
            return Err("a count runs past the end of the file".to_string());
        }
        usize::try_from(n).map_err(|_| "implausible count".to_string())
    }
    fn blob(&mut self) -> Result<Vec<u8>, Bad> {
        let n = self.u64()?;
        self.bytes(n)
    }
    fn str(&mut self) -> Result<String, Bad> {
        String::from_utf8(self.blob()?).map_err(|_| "text is not UTF-8".to_string())
    }
    fn opt_str(&mut self) -> Result<Option<String>, Bad> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.str().map(Some),
            _ => Err("bad option tag".to_string()),
        }
    }
    fn path(&mut self) -> Result<PathBuf, Bad> {
        let bytes = self.blob()?;
        path_from_bytes(bytes)
    }
    fn range(&mut self) -> Result<Range<usize>, Bad> {
        let start = self.len()?;
        let end = self.len()?;
        if start > end {
            return Err("inverted range".to_string());
        }
        Ok(start..end)
    }
    /// Checks the record's checksum (the stored sum is not itself fed to the checksum).
    fn check_seal(&mut self) -> Result<(), Bad> {
        let expected = self.sum.0;
        let mut buf = [0u8; 8];
        if self.left < 8 {
            return Err("truncated".to_string());
        }
        self.input
            .read_exact(&mut buf)
            .map_err(|e| format!("truncated ({e})"))?;
        self.left -= 8;
        if u64::from_le_bytes(buf) != expected {
            return Err("checksum mismatch".to_string());
        }
        Ok(())
    }
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> Result<PathBuf, Bad> {
    use std::os::unix::ffi::OsStringExt;
    Ok(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> Result<PathBuf, Bad> {
    String::from_utf8(bytes)
        .map(PathBuf::from)
        .map_err(|_| "path is not UTF-8".to_string())
}

/// Article records, and files skipped with their reasons.
type Contents = (Vec<Record>, Vec<(FileKey, String)>);

/// `Ok(None)` when there is no cache yet; `Err` when there is one we cannot use.
fn read_cache(path: &Path) -> Result<Option<Contents>, Bad> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("unreadable: {e}")),
    };
    let left = file.metadata().map_err(|e| e.to_string())?.len();
    let mut r = Reader {
        input: BufReader::with_capacity(1 << 20, file),
        sum: Checksum::default(),
        left,
    };
    if r.array::<8>().ok().as_ref() != Some(MAGIC) {
        return Err("not a byline cache".to_string());
    }
    let format = r.u64()?;
    let version = r.str()?;
    if format != u64::from(FORMAT_VERSION) || version != CRATE_VERSION {
        // An old cache is expected after an upgrade: rebuilt silently.
        return Ok(None);
    }
    let count = r.count(64)?;
    r.check_seal()?;
    let mut records = Vec::with_capacity(count);
    for _ in 0..count {
        records.push(read_record(&mut r)?);
    }
    let nskipped = r.count(40)?;
    let mut skipped = Vec::with_capacity(nskipped);
    for _ in 0..nskipped {
        let key = read_key(&mut r)?;
        skipped.push((key, r.str()?));
    }
    r.check_seal()?;
    if r.left != 0 {
        return Err("trailing bytes".to_string());
    }
    Ok(Some((records, skipped)))
}

fn read_key<R: Read>(r: &mut Reader<R>) -> Result<FileKey, Bad> {
    let path = r.path()?;
    let size = r.u64()?;
    let mtime_ns = u128::from_le_bytes(r.array()?);
    Ok(FileKey {
        path,
        stamp: Stamp { size, mtime_ns },
    })
}

fn read_record<R: Read>(r: &mut Reader<R>) -> Result<Record, Bad> {
    let nfiles = r.count(32)?;
    let mut files = Vec::with_capacity(nfiles);
    for _ in 0..nfiles {
        files.push(read_key(r)?);
    }
    let id = r.str()?;
    let path = r.path()?;
    let meta = FrontMatter {
        title: r.opt_str()?,
        author: r.opt_str()?,
        date: r.opt_str()?,
        source: r.opt_str()?,
        url: r.opt_str()?,
    };
    let title = r.str()?;
    let text = r.str()?;
    let nblocks = r.count(33)?;
    let mut blocks = Vec::with_capacity(nblocks);
    for _ in 0..nblocks {
        let kind = KINDS
            .get(usize::from(r.u8()?))
            .copied()
            .ok_or("unknown block kind")?;
        let lines = r.range()?;
        let bytes = r.range()?;
        if text.get(bytes.clone()).is_none() {
            return Err("block outside its text".to_string());
        }
        blocks.push(Block { kind, lines, bytes });
    }
    let nwarnings = r.count(8)?;
    let mut warnings = Vec::with_capacity(nwarnings);
    for _ in 0..nwarnings {
        warnings.push(r.str()?);
    }
    let word_count = r.len()?;
    let nunits = r.count(9)?;
    let mut unit_keys = Vec::with_capacity(nunits);
    let mut common = Vec::with_capacity(nunits);
    for _ in 0..nunits {
        let flags = r.u8()?;
        let key = r.u64()?;
        unit_keys.push((flags & 1 != 0).then_some(key));
        common.push(flags & 2 != 0);
    }
    r.check_seal()?;
    Ok(Record {
        files,
        article: Article {
            id,
            path,
            other_paths: Vec::new(),
            meta,
            title,
            text,
            blocks,
            warnings,
            word_count,
        },
        unit_keys,
        common,
    })
}

//! The index cache: a second load equals the first, changes are picked up, and a broken
//! cache is rebuilt without an error.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use byline::corpus::{self, CacheMode, Corpus, LoadOptions};

const FOOTER: &str = "Sign up for our weekly newsletter";

fn article(i: usize) -> String {
    format!(
        "World\n\nTalks on river number {i} resume\n\nBy Ana Ruiz\n\nThe delegations met again on Monday to discuss the water sharing plan number {i}, officials said, and agreed to meet again.\n\nThe minister said that the proposal was serious and that the country would consider it in its current form.\n\n{FOOTER}\n"
    )
}

fn library(dir: &Path, n: usize) {
    for i in 0..n {
        let sub = dir.join(format!("part{}", i % 3));
        fs::create_dir_all(&sub).expect("mkdir");
        fs::write(sub.join(format!("a{i:03}.txt")), article(i)).expect("write");
    }
    // A duplicate, a Windows-1252 file, a Markdown file with front matter, a broken one.
    fs::write(dir.join("copy.txt"), article(0)).expect("write");
    fs::write(
        dir.join("latin.txt"),
        b"Caf\xe9 talks\n\nThe minister said \x93no\x94 to the plan on Monday, and left.\n",
    )
    .expect("write");
    fs::write(
        dir.join("front.md"),
        "---\ntitle: A title from front matter\nauthor: Li Wei\n---\nBody text of a Markdown article with enough words to be a paragraph here.\n",
    )
    .expect("write");
    fs::write(dir.join("broken.txt"), b"ab\0cd").expect("write");
}

fn load(dir: &Path, cache: &Path) -> Corpus {
    corpus::load_with(
        &[dir.to_path_buf()],
        &LoadOptions {
            cache: CacheMode::Dir(cache.to_path_buf()),
        },
    )
    .expect("loads")
}

fn cache_files(cache: &Path) -> Vec<PathBuf> {
    fs::read_dir(cache)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

/// Everything a user sees of the library, warnings included except the cache's own.
fn assert_same(a: &Corpus, b: &Corpus) {
    assert_eq!(a.articles.len(), b.articles.len());
    for (x, y) in a.articles.iter().zip(&b.articles) {
        assert_eq!(x, y, "article {} differs", x.path.display());
    }
    let user = |c: &Corpus| {
        c.warnings
            .iter()
            .filter(|w| !w.reason.contains("index cache"))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(user(a), user(b));
}

#[test]
fn second_load_equals_first_and_equals_uncached() {
    let lib = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    library(lib.path(), 30);
    let plain = corpus::load(&[lib.path().to_path_buf()]).expect("loads");
    let first = load(lib.path(), cache.path());
    assert_eq!(cache_files(cache.path()).len(), 1, "one cache file written");
    let second = load(lib.path(), cache.path());
    assert_same(&plain, &first);
    assert_same(&first, &second);
    let copy = second
        .articles
        .iter()
        .find(|a| a.other_paths.iter().any(|p| p.ends_with("a000.txt")));
    assert!(
        copy.is_some_and(|a| a.path.ends_with("copy.txt")),
        "duplicates still merged from the cache"
    );
    assert!(second.articles.iter().any(|a| !a.warnings.is_empty()));
    assert!(
        second
            .warnings
            .iter()
            .any(|w| w.path.ends_with("broken.txt")),
        "a broken file is still reported on a warm load"
    );
}

#[test]
fn warm_load_does_not_rewrite_an_unchanged_cache() {
    let lib = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    library(lib.path(), 5);
    load(lib.path(), cache.path());
    let file = cache_files(cache.path()).pop().expect("cache file");
    let before = fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("mtime");
    std::thread::sleep(Duration::from_millis(20));
    load(lib.path(), cache.path());
    let after = fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(before, after);
}

#[test]
fn changed_added_and_removed_files_are_picked_up() {
    let lib = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    library(lib.path(), 12);
    load(lib.path(), cache.path());

    let edited = lib.path().join("part0/a000.txt");
    fs::write(
        &edited,
        "Entirely new title here\n\nA new first paragraph that the reader has never seen before, about a dam.\n",
    )
    .expect("write");
    // Make sure the modification time moves even on coarse file systems.
    let later = SystemTime::now() + Duration::from_secs(10);
    fs::File::options()
        .append(true)
        .open(&edited)
        .and_then(|f| f.set_modified(later))
        .expect("set mtime");
    fs::remove_file(lib.path().join("part1/a001.txt")).expect("remove");
    fs::write(lib.path().join("new.txt"), article(99)).expect("write");

    let warm = load(lib.path(), cache.path());
    let plain = corpus::load(&[lib.path().to_path_buf()]).expect("loads");
    assert_same(&plain, &warm);
    assert!(
        warm.articles
            .iter()
            .any(|a| a.title == "Entirely new title here")
    );
    assert!(!warm.articles.iter().any(|a| a.path.ends_with("a001.txt")));
    // And the refreshed cache gives the same again.
    assert_same(&plain, &load(lib.path(), cache.path()));
}

#[test]
fn library_level_furniture_is_reclassified_when_the_library_grows() {
    // With one article the footer is just a line; once a second article repeats it, it is
    // furniture in both. The cached first article must not keep its stale blocks.
    let lib = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    fs::write(lib.path().join("a.txt"), article(1)).expect("write");
    load(lib.path(), cache.path());
    fs::write(lib.path().join("b.txt"), article(2)).expect("write");
    let warm = load(lib.path(), cache.path());
    let plain = corpus::load(&[lib.path().to_path_buf()]).expect("loads");
    assert_same(&plain, &warm);
}

#[test]
fn corrupt_truncated_or_foreign_cache_is_rebuilt() {
    let lib = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    library(lib.path(), 10);
    let first = load(lib.path(), cache.path());
    let file = cache_files(cache.path()).pop().expect("cache file");
    let good = fs::read(&file).expect("read");

    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x20;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("flipped byte", flipped),
        ("truncated", good[..good.len() * 2 / 3].to_vec()),
        ("garbage", b"not a cache at all".to_vec()),
        ("empty", Vec::new()),
    ];
    for (what, bytes) in cases {
        fs::write(&file, &bytes).expect("write");
        let again = load(lib.path(), cache.path());
        assert_same(&first, &again);
        assert!(
            again.warnings.len() <= first.warnings.len() + 1,
            "{what}: at most one warning about the cache"
        );
        assert_eq!(
            fs::read(&file).expect("read"),
            good,
            "{what}: cache rebuilt"
        );
    }
}

#[test]
fn unwritable_cache_folder_is_only_a_warning() {
    let lib = tempfile::tempdir().expect("tempdir");
    library(lib.path(), 3);
    let blocker = tempfile::NamedTempFile::new().expect("tempfile");
    // A regular file where the cache folder should be: it cannot be created.
    let c = load(lib.path(), &blocker.path().join("sub"));
    let plain = corpus::load(&[lib.path().to_path_buf()]).expect("loads");
    assert_same(&plain, &c);
    assert!(
        c.warnings
            .iter()
            .any(|w| w.reason.contains("index cache not saved"))
    );
}

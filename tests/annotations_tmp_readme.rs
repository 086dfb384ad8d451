#[test]
fn readme_example_parses() {
    let md = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.notes/annotations-readme.md")).unwrap();
    let start = md.find("```toml\n").unwrap() + 8;
    let end = start + md[start..].find("```").unwrap();
    let toml = &md[start..end];
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("byline.toml");
    std::fs::write(&p, toml).unwrap();
    let mut s = byline::annotations::Store::open(&p).unwrap();
    println!("{:#?}", s.set().annotations.len());
    let id = s.set().annotations[0].id;
    s.set_note(id, Some("changed"));
    s.save().unwrap();
    println!("{}", std::fs::read_to_string(&p).unwrap());
}

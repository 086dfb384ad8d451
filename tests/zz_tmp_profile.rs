#[test]
#[ignore]
fn profile() {
    use std::time::Instant;
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/samples/01-talks-open-in-vienna.txt")).unwrap();
    let n = 2000;
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(byline::article::Analysed::new(&text)); }
    eprintln!("analyse: {:?}", t.elapsed());
    let a = byline::article::Analysed::new(&text);
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(a.blocks(None)); }
    eprintln!("blocks: {:?}", t.elapsed());
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(byline::article::text::article_id(&text)); }
    eprintln!("id: {:?}", t.elapsed());
}

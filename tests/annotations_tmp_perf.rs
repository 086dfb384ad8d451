#[test]
fn perf() {
    use std::time::Instant;
    let text: String = (0..400).map(|i| format!("Paragraph {i}: Secretary Kerry met Minister Lavrov about the Minsk agreements and sanctions again.\n\n")).collect();
    let arts: Vec<byline::article::Article> = (0..50)
        .map(|i| {
            byline::article::Article::from_text(
                format!("/l/{i}.txt"),
                &format!("Title {i}\n\n{text}"),
            )
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("byline.toml");
    let mut s = byline::annotations::Store::open(&p).unwrap();
    let t = Instant::now();
    for a in &arts {
        for k in 0..100 {
            let st = a.text.find(&format!("Paragraph {k}:")).unwrap();
            s.add_highlight(a, st..st + 60, None).unwrap();
        }
    }
    println!("add 5000: {:?}", t.elapsed());
    let t = Instant::now();
    s.save().unwrap();
    println!(
        "first save 5000: {:?} size {}",
        t.elapsed(),
        std::fs::metadata(&p).unwrap().len()
    );
    let t = Instant::now();
    let mut s2 = byline::annotations::Store::open(&p).unwrap();
    println!("open: {:?}", t.elapsed());
    let mut s3 = byline::annotations::Store::open(&p).unwrap();
    let id = s2.set().annotations[10].id;
    s2.set_note(id, Some("x"));
    let t = Instant::now();
    s2.save().unwrap();
    println!("save one change: {:?}", t.elapsed());
    let id3 = s3.set().annotations[20].id;
    s3.set_note(id3, Some("z"));
    let t = Instant::now();
    let o = s3.save().unwrap();
    println!("merge save: {:?} {:?}", t.elapsed(), o.merge);
    let changed: Vec<_> = arts
        .iter()
        .map(|a| {
            byline::article::Article::from_text(
                &a.path,
                &a.text.replace("Minister Lavrov", "Minister Lavrof"),
            )
        })
        .collect();
    let t = Instant::now();
    let r = s3.sync_articles(&changed);
    println!(
        "reanchor 5000 fuzzy (hint right): {:?} {:?}",
        t.elapsed(),
        r
    );
    let shifted: Vec<_> = arts
        .iter()
        .map(|a| {
            byline::article::Article::from_text(
                &a.path,
                &format!(
                    "{}{}",
                    "New intro line here. ".repeat(20),
                    a.text.replace("Minister Lavrov", "Minister Lavrov!")
                ),
            )
        })
        .collect();
    let t = Instant::now();
    let r = s3.sync_articles(&shifted);
    println!("reanchor 5000 fuzzy (shifted): {:?} {:?}", t.elapsed(), r);
}

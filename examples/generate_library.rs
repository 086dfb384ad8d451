//! Writes a large, deterministic library of scraped-style news articles for scale tests,
//! benchmarks and fuzzing seeds.
//!
//! ```text
//! cargo run --release --example generate_library -- --articles 100000 --out /tmp/lib100k --seed 1
//! ```
//!
//! Everything is made here from templates and word pools written for byline (fictional
//! people, places, outlets); nothing comes from real articles. The same `--seed` and
//! `--articles` always give the same bytes, whatever the number of threads: each article
//! draws from its own generator seeded by (seed, index).
//!
//! What a library contains, so the loader, the structure pass and the entity extractor meet
//! what real scraped archives throw at them:
//! - recurring people (full name first, surname alone later, and transliteration variants
//!   such as "Dmitri"/"Dmitry"), places and organizations, shared across outlets;
//! - furniture: section labels, photo credits, captions repeated across many files, pull
//!   quotes repeated from the body, subheads, author bios, newsletter and "related" footers
//!   shared by every article of an outlet;
//! - Markdown files with YAML or TOML front matter, plain `.txt` files;
//! - nested folders (outlet/year/month), a few exact duplicates under another outlet;
//! - odd encodings: Windows-1252 bytes (~1%), a UTF-8 BOM (~1%), CRLF line endings (~5%);
//! - broken files: binary with NUL bytes and empty files (~0.1% each).
//!
//! Average size is about 2.5 KB, so 100,000 articles take about 250 MB.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

/// A small, fast, well-mixed generator (SplitMix64): deterministic across platforms.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, per_thousand: u64) -> bool {
        self.next() % 1000 < per_thousand
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Skewed pick: low indexes come up far more often, like the few people a story is
    /// about and the long tail of everyone else.
    fn pick_skewed<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let a = self.below(items.len());
        let b = self.below(items.len());
        &items[a.min(b)]
    }
}

// ---------------------------------------------------------------------------------------
// Word pools (invented for byline).
// ---------------------------------------------------------------------------------------

/// (given name variants, surname variants): the first variant is the usual spelling, the
/// others are transliterations a different outlet would use.
const PEOPLE: &[(&[&str], &[&str])] = &[
    (&["Dmitri", "Dmitry"], &["Orlovsky", "Orlovskiy"]),
    (&["Sergei", "Sergey"], &["Valentov"]),
    (&["Yulia", "Yuliya", "Julia"], &["Marchenko"]),
    (&["Margaret"], &["Ellison"]),
    (&["Thomas"], &["Hadley"]),
    (&["Recep", "Recep"], &["Aydın", "Aydin"]),
    (
        &["Mohammed", "Muhammad", "Mohamed"],
        &["al-Rashidi", "al Rashidi", "Al-Rashidi"],
    ),
    (&["Olena", "Elena"], &["Kovalenko"]),
    (&["Andrzej"], &["Nowicki"]),
    (&["Hélène", "Helene"], &["Morel"]),
    (&["Tomasz"], &["Wróbel", "Wrobel"]),
    (&["Amira"], &["Haddad"]),
    (&["Kenji"], &["Tanabe"]),
    (&["Lucía", "Lucia"], &["Ferrando"]),
    (&["Viktor", "Victor"], &["Zelensky-Brandt"]),
    (&["Abdullah", "Abdallah"], &["Karimov"]),
    (&["Patricia"], &["Okafor"]),
    (&["Nikolai", "Nikolay"], &["Petrenko"]),
    (&["Ingrid"], &["Solberg"]),
    (&["Rafael"], &["Quintana"]),
    (&["Grigory", "Grigori"], &["Lebedev"]),
    (&["Samuel"], &["Achterberg"]),
    (&["Zeynep"], &["Kaya"]),
    (&["Jean-Luc"], &["Dufresne"]),
    (&["Aleksandr", "Alexander"], &["Voronin"]),
    (&["Catherine"], &["Whitlock"]),
    (&["Hassan"], &["Nouri"]),
    (&["Mei"], &["Lin"]),
    (&["Óscar", "Oscar"], &["Bellido"]),
    (&["Irina"], &["Sokolova"]),
];

const TITLES: &[&str] = &[
    "Foreign Minister",
    "Prime Minister",
    "President",
    "Defense Secretary",
    "envoy",
    "spokeswoman",
    "spokesman",
    "opposition leader",
    "chief negotiator",
    "Energy Minister",
];

const PLACES: &[&str] = &[
    "Varnesk",
    "Moscow",
    "Washington",
    "Geneva",
    "Ankara",
    "Kyiv",
    "Brussels",
    "Vienna",
    "Istanbul",
    "Damascus",
    "Tehran",
    "Warsaw",
    "Berlin",
    "Paris",
    "Beijing",
    "the Black Sea",
    "the Caspian region",
    "Lower Tarvia",
    "Ostrava",
    "Minsk",
    "Doha",
    "Riyadh",
    "Helsinki",
    "Tbilisi",
];

/// Places with their variants: the same country spelled several ways.
const COUNTRIES: &[&[&str]] = &[
    &["the United States", "the U.S.", "the US"],
    &["Russia", "the Russian Federation"],
    &["Ukraine"],
    &["Turkey", "Türkiye"],
    &["Syria"],
    &["Iran"],
    &["Tarvia", "the Republic of Tarvia"],
    &["Poland"],
    &["Germany"],
    &["France"],
    &["China"],
];

const ORGS: &[&[&str]] = &[
    &["the United Nations", "the UN", "the U.N."],
    &["NATO"],
    &["the European Union", "the EU"],
    &["the Northern Grain Consortium"],
    &["the International Atomic Energy Agency", "the IAEA"],
    &["the Caspian Pipeline Authority"],
    &["Halvorsen Energy"],
    &["the Red Crescent"],
    &["the World Bank"],
    &[
        "the Organization for Security and Co-operation in Europe",
        "the OSCE",
    ],
    &["Meridian Shipping"],
    &["the State Department"],
    &["the Kremlin"],
    &["the Tarvian Central Bank"],
];

const DEMONYMS: &[&str] = &[
    "Russian",
    "American",
    "Turkish",
    "Ukrainian",
    "Tarvian",
    "European",
    "Iranian",
    "Syrian",
];

/// Story lines: the key phrases a topic pass should find again and again.
const TOPICS: &[&str] = &[
    "the grain corridor agreement",
    "the ceasefire talks",
    "sanctions relief",
    "the nuclear program",
    "the pipeline dispute",
    "the prisoner exchange",
    "the border demarcation",
    "energy prices",
    "the refugee crisis",
    "the arms control treaty",
    "the Varnesk accords",
    "the humanitarian corridor",
];

const HEADLINE_VERBS: &[&str] = &[
    "warns on",
    "pushes for progress on",
    "rejects new terms for",
    "signals shift over",
    "defends record on",
    "seeks allies over",
    "raises doubts about",
    "meets rivals over",
    "calls for a pause in",
    "promises answers on",
];

const SAY: &[&str] = &[
    "said",
    "told reporters",
    "said in a statement",
    "wrote on social media",
    "told a news conference",
    "said on Tuesday",
    "said late on Friday",
    "added",
];

const OPENERS: &[&str] = &[
    "Talks on {T} stalled again on {D} as {P} and {P2} traded accusations over who had broken the last round of promises.",
    "{PF} arrived in {L} on {D} for a meeting that officials on both sides described as a last chance for {T}.",
    "Negotiators from {C} and {C2} will meet in {L} next week, {P} {SAY}, in the first direct contact since the spring.",
    "A new dispute over {T} threatened on {D} to derail months of quiet diplomacy between {C} and {C2}.",
    "{O} said on {D} that it was ready to host a fresh round of talks on {T} in {L}.",
];

const BODY: &[&str] = &[
    "{P} {SAY} that the proposal on the table was \"not serious\" and that {C} would not accept it in its current form.",
    "According to two officials familiar with the discussions, {O} had circulated a draft that would tie {T} to a timetable of inspections.",
    "While the meeting lasted more than four hours, neither side announced any agreement, and the joint statement ran to only three sentences.",
    "In {L}, where the talks took place, protesters gathered outside the conference hall carrying banners about {T}.",
    "{DEM} officials have long argued that {T} cannot be separated from the question of security guarantees.",
    "The last round, held in {L2} in March, ended with a promise to reconvene that was never kept.",
    "\"We have been patient, and we will remain patient, but patience is not a policy,\" {P} {SAY}.",
    "Analysts said the timing was not an accident: elections in {C} are due in the autumn, and {T} has become a campaign issue.",
    "{O} estimates that more than 40,000 people have been affected since the crisis began, a figure {DEM} authorities dispute.",
    "A spokesperson for {O} declined to comment on the details but said the organization \"welcomes any step toward dialogue.\"",
    "{P} has met {P2} three times this year, most recently on the sidelines of a summit in {L}.",
    "Markets reacted calmly. The {DEM} currency rose slightly against the dollar, and prices for gas delivered next month fell by two percent.",
    "Critics of the deal, including {PF}, say it rewards delay and gives {C} little reason to change course.",
    "The foreign ministry in {L} said in a statement that it \"remains committed to the principles agreed\" in {T}.",
    "It was not clear whether {P} had the backing of the cabinet, where several ministers have openly questioned the strategy.",
    "Since then, {O} has sent observers to {L2}, and their first report is expected before the end of the month.",
    "\"Nobody should mistake our restraint for weakness,\" {PF}, the {TITLE}, {SAY}.",
    "Both delegations were expected to stay in {L} over the weekend, with working groups meeting on technical questions.",
    "The agreement would also cover shipping through {L2}, where insurance costs have tripled since the start of the year.",
    "{P} {SAY} he expected a response from {C2} \"within days, not weeks.\"",
];

const SUBHEADS: &[&str] = &[
    "What comes next?",
    "Grounds for cooperation?",
    "A fragile truce",
    "The view from the capital",
    "Old grievances",
    "Who gains?",
    "Pressure at home",
    "The sticking points",
];

const PHOTOGRAPHERS: &[&str] = &[
    "Anna Berglund",
    "Marco Santini",
    "Yusuf Demir",
    "Claire Dubois",
    "Pavel Ignatov",
    "Ruth Adeyemi",
    "Jonas Richter",
];

const AGENCIES: &[&str] = &[
    "Northlight Images",
    "APX",
    "Meridian Photo",
    "Pool via Reuvers",
    "EastWire",
];

const REPORTERS: &[&str] = &[
    "Laura Kessler",
    "David Amsel",
    "Noor Siddiqui",
    "Peter Van Aken",
    "Sofia Marquez",
    "Tom O'Leary",
    "Katarzyna Lis",
    "Ahmed Faris",
    "Hannah Cole",
    "Ivan Drozdov",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// An outlet: its folder, name, section labels and the footer every one of its pages has.
struct Outlet {
    folder: &'static str,
    name: &'static str,
    sections: &'static [&'static str],
    footer: &'static [&'static str],
    markdown: bool,
}

const OUTLETS: &[Outlet] = &[
    Outlet {
        folder: "harbor-times",
        name: "The Harbor Times",
        sections: &["World", "Europe", "Politics"],
        footer: &[
            "Sign up for The Harbor Times morning briefing",
            "Get the day's top stories in your inbox every weekday.",
            "Related News",
        ],
        markdown: false,
    },
    Outlet {
        folder: "eastern-ledger",
        name: "Eastern Ledger",
        sections: &["International", "Diplomacy", "Energy"],
        footer: &[
            "comments_image Comments",
            "Subscribe to the Ledger Weekly newsletter",
            "More from Eastern Ledger",
        ],
        markdown: true,
    },
    Outlet {
        folder: "globe-dispatch",
        name: "Globe Dispatch",
        sections: &["News", "World News", "Analysis"],
        footer: &[
            "Share this article",
            "Copyright Globe Dispatch. All rights reserved.",
            "Read more: Latest coverage",
        ],
        markdown: false,
    },
    Outlet {
        folder: "the-observer-line",
        name: "The Observer Line",
        sections: &["Opinion", "Global Affairs"],
        footer: &[
            "Join the conversation",
            "Sign up for our weekly newsletter",
            "Related Stories",
        ],
        markdown: true,
    },
    Outlet {
        folder: "continental-wire",
        name: "Continental Wire",
        sections: &["Top News", "World"],
        footer: &[
            "Reporting by Continental Wire staff; editing by the world desk",
            "Our standards: The Continental Wire Trust Principles.",
        ],
        markdown: false,
    },
];

/// Captions shared by many articles: photo desks reuse the same picture for weeks.
fn shared_caption(rng: &mut Rng) -> String {
    let i = rng.below(300);
    let mut r = Rng::new(0xcafe, i as u64);
    format!(
        "{} {} {} in {} on {}.",
        pick_person(&mut r).full(0),
        r.pick(&[
            "arrives for talks",
            "speaks to reporters",
            "meets delegates",
            "leaves a meeting"
        ]),
        r.pick(&[
            "with officials",
            "at the foreign ministry",
            "after the session",
            "before the vote"
        ]),
        r.pick(PLACES),
        r.pick(DAYS),
    )
}

// ---------------------------------------------------------------------------------------
// Article assembly.
// ---------------------------------------------------------------------------------------

struct Person {
    given: &'static [&'static str],
    surname: &'static [&'static str],
}

impl Person {
    /// Full name in the outlet's spelling (`style` picks the variant consistently).
    fn full(&self, style: usize) -> String {
        format!(
            "{} {}",
            self.given[style % self.given.len()],
            self.surname(style)
        )
    }
    fn surname(&self, style: usize) -> &'static str {
        self.surname[style % self.surname.len()]
    }
}

fn pick_person(rng: &mut Rng) -> Person {
    let (given, surname) = *rng.pick_skewed(PEOPLE);
    Person { given, surname }
}

/// One article's cast and setting, and the outlet's spelling style.
struct Cast {
    people: Vec<Person>,
    /// Whether each person was already named in full (later mentions use the surname).
    introduced: Vec<bool>,
    places: Vec<&'static str>,
    countries: Vec<&'static [&'static str]>,
    orgs: Vec<&'static [&'static str]>,
    topic: &'static str,
    style: usize,
    date: (usize, &'static str, usize),
}

impl Cast {
    fn new(rng: &mut Rng, style: usize) -> Cast {
        let mut people: Vec<Person> = Vec::new();
        while people.len() < 4 {
            let p = pick_person(rng);
            if people.iter().all(|q| q.surname[0] != p.surname[0]) {
                people.push(p);
            }
        }
        Cast {
            introduced: vec![false; people.len()],
            people,
            places: (0..3).map(|_| *rng.pick_skewed(PLACES)).collect(),
            countries: (0..3).map(|_| *rng.pick_skewed(COUNTRIES)).collect(),
            orgs: (0..2).map(|_| *rng.pick_skewed(ORGS)).collect(),
            topic: rng.pick_skewed::<&str>(TOPICS),
            style,
            date: (2014 + rng.below(10), *rng.pick(MONTHS), 1 + rng.below(28)),
        }
    }

    /// The person's name as the text would give it here: in full with a title the first
    /// time, the surname alone afterwards.
    fn name(&mut self, i: usize, rng: &mut Rng, full: bool) -> String {
        let style = self.style;
        let Some(p) = self.people.get(i) else {
            return String::new();
        };
        if full || !self.introduced[i] {
            self.introduced[i] = true;
            if rng.chance(400) {
                return format!("{} {}", rng.pick(TITLES), p.full(style));
            }
            return p.full(style);
        }
        p.surname(style).to_string()
    }

    /// Fills a template's slots.
    fn fill(&mut self, template: &str, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            let slot = &rest[start + 1..start + len];
            let style = self.style;
            let value = match slot {
                "P" => self.name(0, rng, false),
                "P2" => self.name(1 + rng.below(3), rng, false),
                "PF" => self.name(rng.below(4), rng, true),
                "L" => self.places[0].to_string(),
                "L2" => self.places[1 + rng.below(2)].to_string(),
                "C" => pick_variant(self.countries[0], style),
                "C2" => pick_variant(self.countries[1 + rng.below(2)], style),
                "O" => pick_variant(self.orgs[rng.below(2)], style),
                "T" => self.topic.to_string(),
                "D" => rng.pick(DAYS).to_string(),
                "SAY" => rng.pick(SAY).to_string(),
                "DEM" => rng.pick(DEMONYMS).to_string(),
                "TITLE" => rng.pick(TITLES).to_string(),
                other => other.to_string(),
            };
            out.push_str(&value);
            rest = &rest[start + len + 1..];
        }
        out.push_str(rest);
        capitalise_first(&out)
    }
}

fn pick_variant(variants: &[&str], style: usize) -> String {
    variants[style % variants.len()].to_string()
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One generated file: where it goes and its bytes.
struct File {
    path: PathBuf,
    bytes: Vec<u8>,
}

/// What the index-th file of the library is.
fn article(seed: u64, index: usize) -> File {
    let mut rng = Rng::new(seed, index as u64);
    let outlet_index = rng.below(OUTLETS.len());
    let outlet = &OUTLETS[outlet_index];
    let mut cast = Cast::new(&mut rng, outlet_index);
    let (year, month, day) = cast.date;
    let month_no = MONTHS.iter().position(|m| *m == month).unwrap_or(0) + 1;
    let markdown = outlet.markdown && !rng.chance(200);
    let ext = if markdown { "md" } else { "txt" };
    let folder = format!("{}/{year}/{month_no:02}", outlet.folder);
    let path = PathBuf::from(format!("{folder}/{index:07}.{ext}"));

    // Broken files first: they need no text.
    if rng.chance(1) {
        let mut bytes = b"PK\x03\x04\0\0\x08\0".to_vec();
        bytes.extend((0..512).map(|_| rng.next() as u8));
        return File {
            path: PathBuf::from(format!("{folder}/{index:07}.txt")),
            bytes,
        };
    }
    if rng.chance(1) {
        let bytes = if rng.chance(500) {
            Vec::new()
        } else {
            b"\n  \n".to_vec()
        };
        return File { path, bytes };
    }

    let headline = {
        let who = cast.name(0, &mut rng, false);
        format!(
            "{who} {} {}",
            rng.pick(HEADLINE_VERBS),
            cast.topic.trim_start_matches("the ")
        )
    };
    // After the headline the surname alone would be odd: the first paragraph names in full.
    cast.introduced.iter_mut().for_each(|b| *b = false);
    let reporter = *rng.pick(REPORTERS);
    let standfirst = cast.fill(
        rng.pick::<&str>(&[
            "The latest round of talks ended without a deal, but both sides said they would return to {L}.",
            "{O} says time is running out for {T} as pressure builds in {C}.",
            "Officials in {L} insist a compromise is still possible despite a week of hostile rhetoric.",
            "A closer look at what {P} wants, and what {C2} is prepared to give.",
        ]),
        &mut rng,
    );

    let mut lines: Vec<String> = Vec::new();
    let mut header = String::new();
    if markdown {
        if rng.chance(500) {
            header = format!(
                "---\ntitle: \"{}\"\nauthor: {reporter}\ndate: {year}-{month_no:02}-{day:02}\nsource: {}\nurl: https://example.org/{}/{index}\ntags:\n  - diplomacy\n---\n",
                headline.replace('"', "'"),
                outlet.name,
                outlet.folder
            );
        } else {
            header = format!(
                "+++\ntitle = \"{}\"\nauthor = \"{reporter}\"\ndate = {year}-{month_no:02}-{day:02}\nsource = \"{}\"\n+++\n",
                headline.replace('"', "'"),
                outlet.name
            );
        }
    }
    lines.push(rng.pick(outlet.sections).to_string());
    if markdown {
        lines.push(format!("# {headline}"));
    } else {
        lines.push(headline.clone());
    }
    lines.push(standfirst);
    lines.push(format!("By {reporter}"));
    lines.push(format!("{month} {day}, {year}"));
    let caption = shared_caption(&mut rng);
    lines.push(format!(
        "{}/{}",
        rng.pick(PHOTOGRAPHERS),
        rng.pick(AGENCIES)
    ));
    lines.push(caption.clone());

    let opener = cast.fill(rng.pick::<&str>(OPENERS), &mut rng);
    let dateline = cast.places[0]
        .trim_start_matches("the ")
        .to_uppercase()
        .to_string();
    lines.push(format!("{dateline} — {opener}"));
    let paragraphs = 5 + rng.below(6);
    let mut quote: Option<String> = None;
    for p in 0..paragraphs {
        if p == paragraphs / 2 && rng.chance(600) {
            lines.push(rng.pick(SUBHEADS).to_string());
        }
        let sentences = 1 + rng.below(3);
        let mut para = String::new();
        for _ in 0..sentences {
            let s = cast.fill(rng.pick::<&str>(BODY), &mut rng);
            if quote.is_none() && s.starts_with('"') {
                quote = s
                    .split('"')
                    .nth(1)
                    .map(|q| format!("\"{}\"", q.trim_end_matches(',')));
            }
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(&s);
        }
        lines.push(para);
        if p == 2 {
            if let Some(q) = quote.clone().filter(|_| rng.chance(500)) {
                lines.push(q);
            }
            if rng.chance(300) {
                lines.push(caption.clone());
            }
        }
    }
    if rng.chance(400) {
        lines.push(format!(
            "{reporter} is a correspondent for {} covering diplomacy and security.",
            outlet.name
        ));
    }
    for f in outlet.footer {
        lines.push((*f).to_string());
    }
    if outlet
        .footer
        .iter()
        .any(|f| f.contains("Related") || f.contains("More from"))
    {
        for _ in 0..2 {
            let who = pick_person(&mut rng).full(outlet_index);
            lines.push(format!(
                "{who} {} {}",
                rng.pick(HEADLINE_VERBS),
                rng.pick(TOPICS).trim_start_matches("the ")
            ));
        }
    }

    let mut text = header;
    text.push_str(&lines.join("\n\n"));
    text.push('\n');

    // Odd encodings.
    let bytes = if rng.chance(10) {
        let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        encoded.into_owned()
    } else if rng.chance(10) {
        let mut b = "\u{feff}".as_bytes().to_vec();
        b.extend_from_slice(text.as_bytes());
        b
    } else if rng.chance(50) {
        text.replace('\n', "\r\n").into_bytes()
    } else {
        text.into_bytes()
    };
    File { path, bytes }
}

/// A wire story published again by a second outlet: same bytes, another folder.
fn duplicate_of(file: &File, index: usize) -> File {
    File {
        path: PathBuf::from(format!("syndicated/{index:07}-copy.txt")),
        bytes: file.bytes.clone(),
    }
}

#[allow(dead_code)]
struct Args {
    articles: usize,
    out: PathBuf,
    seed: u64,
}

#[allow(dead_code)]
fn parse_args() -> Result<Args, String> {
    let mut articles = 2_000;
    let mut out = None;
    let mut seed = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--articles" => {
                articles = value()?.parse().map_err(|e| format!("--articles: {e}"))?;
            }
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "-h" | "--help" => {
                return Err("usage: generate_library --articles N --out DIR [--seed S]".to_string());
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    Ok(Args {
        articles,
        out,
        seed,
    })
}

fn write(root: &Path, file: &File) -> std::io::Result<()> {
    let path = root.join(&file.path);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, &file.bytes)
}

/// Writes the library of `articles` files under `root`; returns (files, bytes). Also used
/// by `benches/scale.rs`.
pub fn write_library(root: &Path, articles: usize, seed: u64) -> std::io::Result<(usize, usize)> {
    let sizes: Vec<usize> = (0..articles)
        .into_par_iter()
        .map(|i| {
            // Every 200th article is a syndicated copy of the one before, counted in the
            // total.
            if i % 200 == 199 {
                let original = article(seed, i - 1);
                let copy = duplicate_of(&original, i);
                write(root, &copy)?;
                return Ok(copy.bytes.len());
            }
            let file = article(seed, i);
            write(root, &file)?;
            Ok(file.bytes.len())
        })
        .collect::<std::io::Result<_>>()?;
    Ok((sizes.len(), sizes.iter().sum()))
}

#[allow(dead_code)] // Unused when the file is included by the scale bench.
fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match write_library(&args.out, args.articles, args.seed) {
        Ok((files, total)) => {
            println!(
                "wrote {files} files, {:.1} MB ({:.0} bytes average) to {}",
                total as f64 / 1e6,
                total as f64 / files.max(1) as f64,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("writing the library: {e}");
            ExitCode::FAILURE
        }
    }
}

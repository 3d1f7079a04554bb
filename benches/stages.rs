//! Throughput of each stage, in bytes of text per second: normalization, segmentation,
//! matching (with the world pack, by the default word index and by an Aho–Corasick
//! automaton, and with generated gazetteers of 100,000 and 1,000,000 aliases), linking,
//! gazetteer loading, `suggest` on text with and without line breaks, and `gazetteer
//! check` on one very long alias.
//!
//! Run with `cargo bench --bench stages` (add `-- matcher` to run one group). The text is
//! the sample corpus (`samples/*.txt`) repeated to about 2 MB; the generated gazetteers
//! are made here, deterministically, from syllables, so nothing needs downloading.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use entgraph::gazetteer::Loader;
use entgraph::link::{Cooccurrence, DocInput, Linker, Window};
use entgraph::matcher::{ScanKind, Scratch};
use entgraph::{segment, Gazetteer, Matcher};

fn main() {
    divan::main();
}

/// The sample articles repeated to about 2 MB, as separate documents.
fn corpus() -> &'static [String] {
    static DOCS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    DOCS.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("samples/ exists")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let texts: Vec<String> = files
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("sample is UTF-8"))
            .collect();
        let mut docs = Vec::new();
        let mut bytes = 0;
        while bytes < 2_000_000 {
            for t in &texts {
                bytes += t.len();
                docs.push(t.clone());
            }
        }
        docs
    })
}

fn corpus_bytes() -> usize {
    corpus().iter().map(String::len).sum()
}

fn world() -> &'static (Gazetteer, Matcher) {
    static W: std::sync::OnceLock<(Gazetteer, Matcher)> = std::sync::OnceLock::new();
    W.get_or_init(|| {
        let mut l = Loader::new();
        l.add_embedded("world");
        l.add_embedded("korea-russia-2019");
        let g = l.finish().expect("embedded packs load");
        let m = Matcher::new(&g).expect("matcher builds");
        (g, m)
    })
}

/// A gazetteer of `aliases` generated person names (two per entity: `Kalo Renvor` and
/// `K. Renvor`), as gazetteer text.
fn generated(aliases: usize) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ren", "tas", "vor", "bel", "dun", "shi", "pra", "gor", "lin", "mar",
        "tev", "zol", "qui", "han", "ser", "ost", "ful", "nik", "dro", "wen", "yas",
    ];
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    let mut word = |n: usize| -> String {
        let mut w = String::new();
        for _ in 0..n {
            w.push_str(SYLLABLES[(next() % SYLLABLES.len() as u64) as usize]);
        }
        let mut c = w.chars();
        c.next()
            .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
    };
    let mut seen = std::collections::HashSet::new();
    let mut text = String::from("@type person\n");
    while seen.len() * 2 < aliases {
        let (a, b) = (word(2), word(3));
        let label = format!("{a} {b}");
        if seen.insert(label.clone()) {
            text.push_str(&format!("{label} | {}. {b}\n", &a[..1]));
        }
    }
    text
}

fn generated_matcher(aliases: usize) -> &'static (Gazetteer, Matcher) {
    static G100K: std::sync::OnceLock<(Gazetteer, Matcher)> = std::sync::OnceLock::new();
    static G1M: std::sync::OnceLock<(Gazetteer, Matcher)> = std::sync::OnceLock::new();
    let cell = if aliases >= 1_000_000 { &G1M } else { &G100K };
    cell.get_or_init(|| {
        let mut l = Loader::new();
        l.add_embedded("world");
        l.add_text("generated/people.txt", &generated(aliases));
        let g = l.finish().expect("generated gazetteer loads");
        let m = Matcher::new(&g).expect("matcher builds");
        (g, m)
    })
}

#[divan::bench]
fn normalize(b: Bencher) {
    let docs = corpus();
    let (mut out, mut map) = (
        String::new(),
        entgraph::text::normalize::OffsetMap::default(),
    );
    b.counter(BytesCount::new(corpus_bytes())).bench_local(|| {
        for d in docs {
            entgraph::text::normalize::normalize_into(black_box(d), true, &mut out, &mut map);
        }
    });
}

#[divan::bench]
fn segmenter(b: Bencher) {
    let docs = corpus();
    b.counter(BytesCount::new(corpus_bytes())).bench_local(|| {
        for d in docs {
            black_box(segment::segment(black_box(d)));
        }
    });
}

/// The world pack scanned by an Aho–Corasick automaton instead of the default word index,
/// to compare the two.
fn world_automaton() -> &'static Matcher {
    static W: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    W.get_or_init(|| {
        Matcher::builder()
            .scan(Some(ScanKind::Automaton))
            .build(&world().0)
            .expect("matcher builds")
    })
}

#[divan::bench(args = ["world", "world-automaton", "100k", "1m"])]
fn matcher(b: Bencher, gazetteer: &str) {
    let m = match gazetteer {
        "world" => &world().1,
        "world-automaton" => world_automaton(),
        "100k" => &generated_matcher(100_000).1,
        _ => &generated_matcher(1_000_000).1,
    };
    let docs = corpus();
    let mut scratch = Scratch::default();
    b.counter(BytesCount::new(corpus_bytes())).bench_local(|| {
        for d in docs {
            black_box(m.find_with(black_box(d), &mut scratch));
        }
    });
}

#[divan::bench(args = ["sentence", "paragraph", "sentences:3"])]
fn linker(b: Bencher, window: &str) {
    let window: Window = window.parse().expect("window");
    let (_, m) = world();
    let prepared: Vec<_> = corpus()
        .iter()
        .map(|d| (segment::segment(d), m.find(d).mentions))
        .collect();
    b.counter(BytesCount::new(corpus_bytes())).bench_local(|| {
        let mut counts = Cooccurrence::default();
        let mut linker = Linker::new(window, 3);
        for (seq, (d, (seg, mentions))) in corpus().iter().zip(&prepared).enumerate() {
            let doc = DocInput {
                seq: seq as u64,
                id: "bench",
                text: d,
                segments: seg,
                mentions,
                date: None,
            };
            linker.add(&mut counts, doc);
        }
        black_box(counts)
    });
}

/// Loading and compiling a gazetteer, counted in bytes of gazetteer text.
#[divan::bench(args = [100_000, 1_000_000], sample_count = 3, sample_size = 1)]
fn gazetteer_load(b: Bencher, aliases: usize) {
    let text = generated(aliases);
    b.counter(BytesCount::new(text.len())).bench_local(|| {
        let mut l = Loader::new();
        l.add_text("generated/people.txt", &text);
        let g = l.finish().expect("loads");
        black_box(Matcher::new(&g).expect("builds"))
    });
}

/// `suggest` over the sample corpus as one document with its line breaks, and as the same
/// text on one line: the two should run at about the same speed (the one-line case was
/// quadratic in the line's length).
#[divan::bench(args = ["lines", "one-line"], sample_count = 5, sample_size = 1)]
fn suggest(b: Bencher, layout: &str) {
    let (g, m) = world();
    let text: String = corpus().concat();
    let text = if layout == "one-line" {
        text.replace(['\n', '\r'], " ")
    } else {
        text
    };
    let opts = entgraph::suggest::SuggestOptions {
        min_count: 1,
        limit: None,
    };
    b.counter(BytesCount::new(text.len()))
        .bench_local(|| black_box(entgraph::suggest::suggest_texts(&[&text], g, m, &opts)));
}

/// `gazetteer check`'s lints on a pack with one alias of N words, counted in bytes of
/// gazetteer text (the lint was cubic in the alias's length).
#[divan::bench(args = [1_000, 100_000], sample_count = 3, sample_size = 1)]
fn check(b: Bencher, words: usize) {
    let long: Vec<String> = (0..words).map(|i| format!("Word{}", i % 40)).collect();
    let text = format!(
        "@type person\nWord1 Word2 | Word39 Word0 Word1\n{}\n",
        long.join(" ")
    );
    let g = Gazetteer::from_str("people.txt", &text).expect("loads");
    let options = entgraph::check::CheckOptions::default();
    b.counter(BytesCount::new(text.len()))
        .bench_local(|| black_box(entgraph::check::lint(&g, &options)));
}

//! Property tests over generated hostile input: the matcher, the segmenter, the corpus
//! reader, the gazetteer parser, suggest, the exporters and the binary end to end.
//!
//! Every property runs `ENTGRAPH_FUZZ_CASES` cases (default [`DEFAULT_CASES`], small enough
//! for CI); the costly ones (Graphviz, the binary) a fraction of that. A long run:
//! `ENTGRAPH_FUZZ_CASES=100000 cargo test --release fuzz`. A failing case's seed is kept in
//! `tests/fuzz-regressions/<property>.txt` and replayed first by later runs; commit it with
//! the fix.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

use entgraph::corpus::{Documents, Item, Source};
use entgraph::error::Level;
use entgraph::export::json::EdgesKey;
use entgraph::gazetteer::{variants, CasePolicy};
use entgraph::graph::{GraphOptions, Measure};
use entgraph::link::{Cooccurrence, DocInput, Window};
use entgraph::matcher::ScanKind;
use entgraph::suggest::{suggest_texts, SuggestOptions};
use entgraph::text::normalize::normalize;
use entgraph::{graph, segment, Gazetteer, Matcher, Span};

use crate::common::{have, s};

/// Cases per property when `ENTGRAPH_FUZZ_CASES` is not set.
const DEFAULT_CASES: u32 = 1024;

/// `ENTGRAPH_FUZZ_CASES` (or [`DEFAULT_CASES`]) divided by `divisor`, at least `floor`.
fn cases(divisor: u32, floor: u32) -> u32 {
    let n = std::env::var("ENTGRAPH_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().parse::<u32>().ok())
        .unwrap_or(DEFAULT_CASES);
    (n / divisor).max(floor)
}

/// A proptest configuration: `cases` cases, failures persisted to
/// `tests/fuzz-regressions/<name>.txt`.
macro_rules! config {
    ($name:literal, $cases:expr) => {
        Config {
            cases: $cases,
            failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fuzz-regressions/",
                $name,
                ".txt"
            )))),
            max_shrink_iters: 2048,
            ..Config::default()
        }
    };
}

// ---------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------

/// Fragments chosen to break text rules: combining marks, right-to-left text and controls,
/// ZWJ emoji, dotted and dotless I, ß and ẞ, ligatures, letters whose case changes their
/// length, every apostrophe and dash, odd spaces and line breaks, abbreviations and dots.
const HOSTILE: &[&str] = &[
    "e\u{301}",
    "\u{301}",
    "\u{308}",
    "a\u{327}\u{308}",
    "\u{20DD}",
    "\u{0345}",
    "שלום",
    "محمد",
    "\u{200F}",
    "\u{202E}",
    "\u{202C}",
    "\u{2067}",
    "\u{061C}",
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🏳\u{FE0F}\u{200D}🌈",
    "\u{200D}",
    "\u{200C}",
    "\u{FE0F}",
    "🇰🇷",
    "İ",
    "ı",
    "I",
    "i",
    "İstanbul",
    "Işık",
    "ß",
    "ẞ",
    "STRASSE",
    "Straße",
    "ﬁ",
    "ﬂ",
    "ﬀ",
    "ﬃ",
    "ﬅ",
    "Ǆ",
    "ǅ",
    "ǆ",
    "\u{212A}",
    "Ⱥ",
    "ΐ",
    "Σ",
    "ς",
    "σ",
    "ŉ",
    "'",
    "\u{2019}",
    "\u{2018}",
    "\u{02BC}",
    "\u{02BB}",
    "\u{2032}",
    "\u{FF07}",
    "`",
    "\u{B4}",
    "'s",
    "\u{2019}s",
    "s'",
    "-",
    "\u{2010}",
    "\u{2011}",
    "\u{2012}",
    "\u{2013}",
    "\u{2014}",
    "\u{2015}",
    "\u{2212}",
    "\u{FE58}",
    "\u{FE63}",
    "\u{FF0D}",
    "\u{AD}",
    "--",
    " - ",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\n \n",
    "\u{A0}",
    "\u{2009}",
    "\u{3000}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\u{FEFF}",
    "\u{0}",
    "\u{FFFD}",
    "\u{1F}",
    "\u{7F}",
    ".",
    ". ",
    "...",
    "…",
    "?",
    "!",
    "?!",
    ".\"",
    ".)",
    "\u{201C}",
    "\u{201D}",
    "\u{AB}",
    "\u{BB}",
    "\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    "&",
    "\\",
    "|",
    "~",
    "@",
    "#",
    "=",
    "*",
    "_",
    "/",
    ",",
    ";",
    ":",
    "U.S.",
    "U.S",
    "Mr.",
    "Dr.",
    "St.",
    "No.",
    "3.5",
    "J. R. R.",
    "e.g.",
    "Inc.",
    "北京",
    "東京",
    "Путин",
    "Москва",
    "서울",
    "김정은",
    "\u{1D400}",
    "\u{10FFFF}",
    "\u{E000}",
    "０１",
    "ｆｕｌｌ",
];

/// Names of [`BASE_GAZETTEER`], written as text may write them.
const NAMES: &[&str] = &[
    "Vladimir Putin",
    "Putin",
    "Putin's",
    "Putin\u{2019}s",
    "PUTIN",
    "putin",
    "Kim Jong Un",
    "Kim Jong-un",
    "Kim Jong\u{2011}un",
    "Kim Jongun",
    "Kim",
    "Anna Petrova",
    "Anna  Petrova",
    "Anna\nPetrova",
    "Anna-Petrova",
    "Ilhan Işık",
    "Işık",
    "IŞIK",
    "işık",
    "O'Brien",
    "O\u{2019}Brien",
    "O\u{02BC}Brien",
    "Jean-Luc Picard",
    "Jean\u{2013}Luc Picard",
    "Müller",
    "Mu\u{308}ller",
    "MÜLLER",
    "İstanbul",
    "Istanbul",
    "ISTANBUL",
    "istanbul",
    "Straßburg",
    "STRASSBURG",
    "United States",
    "U.S.",
    "US",
    "U.S",
    "St. Petersburg",
    "St Petersburg",
    "北京",
    "Beijing",
    "Σωκράτης",
    "ΣΩΚΡΆΤΗΣ",
    "ﬁnance Corp",
    "finance Corp",
    "Russia",
    "Russian",
    "Russians",
    "Korea",
    "Korean",
    "Ǆemal",
    "Džemal",
];

/// A small gazetteer with the hostile names of [`NAMES`].
const BASE_GAZETTEER: &str = "\
@type person
Vladimir Putin | Putin
Kim Jong Un | Kim Jong-un | ~Kim
Anna Petrova
Ilhan Işık | Işık
Conan O'Brien | O'Brien
Jean-Luc Picard
Thomas Müller | Müller
Σωκράτης
Ǆemal Bijedić | Ǆemal
@type place
İstanbul | Istanbul
Straßburg
United States | U.S. | US
St. Petersburg
Beijing | 北京
Russia | demonym=Russian | demonym=Russians
Korea | demonym=Korean
@type organization
ﬁnance Corp
";

fn base_gazetteer() -> Gazetteer {
    Gazetteer::from_str("base.txt", BASE_GAZETTEER).expect("the fuzz base gazetteer loads")
}

/// A word of ASCII letters, capitalized or not.
fn word() -> impl Strategy<Value = String> {
    "[A-Za-z]{1,12}"
}

/// A very long word or run: thousands of one letter, or of a multi-byte letter.
fn long_word() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&["a", "ß", "İ", "e\u{301}", "-", ".", "👨\u{200D}👩", " "][..]),
        500usize..6000,
    )
        .prop_map(|(c, n)| c.repeat(n))
}

/// One piece of hostile text.
fn token(names: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(names).prop_map(str::to_string),
        4 => prop::sample::select(HOSTILE).prop_map(str::to_string),
        3 => word(),
        2 => any::<char>().prop_map(String::from),
        1 => "\\PC{1,8}",
        1 => prop::sample::select(&[" ", " ", " ", ". ", ", ", "\n", "\n\n", ".\n\n"][..])
            .prop_map(str::to_string),
    ]
}

/// Hostile text with names mixed in, joined by spaces and sentence breaks; now and then a
/// very long word.
fn hostile_text() -> impl Strategy<Value = String> {
    let tokens = prop::collection::vec(token(NAMES), 0..80);
    let long = prop::option::weighted(0.05, long_word());
    (tokens, long, any::<u64>()).prop_map(|(tokens, long, seed)| {
        let mut out = String::new();
        for (i, t) in tokens.iter().enumerate() {
            out.push_str(t);
            // A separator from the seed's bits, so that names meet words at boundaries
            // and apart.
            match (seed >> (i % 60)) & 7 {
                0 => {}
                1 => out.push_str(". "),
                2 => out.push('\n'),
                _ => out.push(' '),
            }
            if i == tokens.len() / 2 {
                if let Some(l) = &long {
                    out.push_str(l);
                }
            }
        }
        out
    })
}

/// Byte sequences that are not UTF-8, and bytes readers treat specially.
const BAD_BYTES: &[&[u8]] = &[
    b"\x80",
    b"\xC3",
    b"\xE2\x80",
    b"\xF0\x9F\x98",
    b"\xC0\xAF",
    b"\xED\xA0\x80",
    b"\xFF",
    b"\xFE",
    b"\n",
    b"\r\n",
    b"\0",
    b"\xEF\xBB\xBF",
];

/// Arbitrary bytes with text mixed in: invalid UTF-8 (lone continuation bytes, truncated
/// sequences, overlongs, surrogates), line breaks, and hostile text.
fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => hostile_text().prop_map(String::into_bytes),
        2 => prop::collection::vec(any::<u8>(), 0..40),
        2 => prop::sample::select(BAD_BYTES)
        .prop_map(<[u8]>::to_vec),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

/// A JSON string literal holding `s`.
fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// Which matcher: the case policy, demonyms, the junk guard and the scan engine.
fn matcher_builder() -> impl Strategy<Value = entgraph::matcher::MatcherBuilder> {
    (
        prop::option::of(prop::sample::select(
            &[
                CasePolicy::Smart,
                CasePolicy::Exact,
                CasePolicy::Insensitive,
            ][..],
        )),
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(&[ScanKind::WordIndex, ScanKind::Automaton][..]),
    )
        .prop_map(|(case, demonyms, junk, scan)| {
            let mut b = Matcher::builder();
            b.case(case)
                .demonyms(demonyms)
                .junk_guard(junk)
                .scan(Some(scan));
            b
        })
}

// ---------------------------------------------------------------------------------------
// Span checks
// ---------------------------------------------------------------------------------------

/// `span` lies inside `text`, on character boundaries.
fn check_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start() <= span.end(), "{what} {span:?} is reversed");
    prop_assert!(
        span.end() <= text.len(),
        "{what} {span:?} ends past the text ({})",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
        "{what} {span:?} is not on char boundaries"
    );
    Ok(())
}

/// `spans` are sorted and do not overlap.
fn check_sorted_disjoint(spans: &[Span], what: &str) -> Result<(), TestCaseError> {
    for w in spans.windows(2) {
        prop_assert!(
            w[0].end() <= w[1].start(),
            "{what}s {:?} and {:?} overlap or are out of order",
            w[0],
            w[1]
        );
    }
    Ok(())
}

/// The segmentation of `text` is well formed.
fn check_segments(text: &str) -> Result<(), TestCaseError> {
    let seg = segment::segment(text);
    for &p in &seg.paragraphs {
        check_span(text, p, "paragraph")?;
        prop_assert!(!p.is_empty(), "empty paragraph {p:?}");
        let slice = &text[p.range()];
        prop_assert_eq!(
            slice,
            slice.trim_matches(|c: char| c.is_ascii_whitespace()),
            "paragraph {:?} is not trimmed",
            p
        );
    }
    check_sorted_disjoint(&seg.paragraphs, "paragraph")?;
    prop_assert_eq!(seg.sentence_paragraph.len(), seg.sentences.len());
    for (i, &s) in seg.sentences.iter().enumerate() {
        check_span(text, s, "sentence")?;
        prop_assert!(!s.is_empty(), "empty sentence {s:?}");
        let p = seg.sentence_paragraph[i] as usize;
        prop_assert!(
            p < seg.paragraphs.len(),
            "sentence {s:?} in paragraph {p} of {}",
            seg.paragraphs.len()
        );
        let para = seg.paragraphs[p];
        prop_assert!(
            para.start() <= s.start() && s.end() <= para.end(),
            "sentence {s:?} outside its paragraph {para:?}"
        );
    }
    check_sorted_disjoint(&seg.sentences, "sentence")?;
    Ok(())
}

/// The mentions `matcher` finds in `text` are well formed, and each is written as one of
/// its entity's aliases.
fn check_mentions(
    gazetteer: &Gazetteer,
    matcher: &Matcher,
    text: &str,
) -> Result<(), TestCaseError> {
    let found = matcher.find(text);
    let spans: Vec<Span> = found.mentions.iter().map(|m| m.span).collect();
    for m in &found.mentions {
        check_span(text, m.span, "mention")?;
        prop_assert!(!m.span.is_empty(), "empty mention {m:?}");
        prop_assert!(m.entity.index() < gazetteer.len());
        if let Some(d) = m.describes {
            prop_assert!(d.index() < gazetteer.len());
        }
        let entity = gazetteer.entity(m.entity);
        let slice = normalize(&text[m.span.range()], true);
        let forms: BTreeSet<String> = entity
            .aliases
            .iter()
            .flat_map(|a| variants(&a.text, &entity.kind))
            .map(|v| normalize(&v, true))
            .collect();
        // An organization's name may take the legal form after it (`Sony Corp`).
        let named = entity.kind == entgraph::model::EntityType::Organization
            && entgraph::matcher::legal_form_cuts(&text[m.span.range()])
                .any(|name| forms.contains(&normalize(name, true)));
        prop_assert!(
            forms.contains(&slice) || named,
            "mention {:?} of `{}` reads {:?}, normalized {:?}, none of {:?}",
            m.span,
            entity.id,
            &text[m.span.range()],
            slice,
            forms
        );
    }
    check_sorted_disjoint(&spans, "mention")?;
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Matcher and segmenter
// ---------------------------------------------------------------------------------------

/// A line holding U+000B (vertical tab) once made `segment` panic: its blank-line test
/// took U+000B for text, its trimming for space.
#[test]
fn fuzz_segment_vertical_tab_minimal() {
    check_segments("\u{b} \n\n").unwrap();
}

/// A JSON Lines label with no letters or digits (`-`) once loaded, gave empty mentions and
/// made the automaton slice inside a character: it is refused as the text format refuses it.
#[test]
fn fuzz_alias_normalizing_to_nothing_minimal() {
    let err =
        Gazetteer::from_str("g.jsonl", "{\"label\": \"-\", \"type\": \"person\"}\n").unwrap_err();
    assert!(
        err.to_string()
            .contains("g.jsonl:1: alias `-` has no letters or digits"),
        "{err}"
    );
}

proptest! {
    #![proptest_config(config!("segment", cases(1, 1)))]

    #[test]
    fn fuzz_segment_spans_lie_on_boundaries_sorted_and_nested(text in hostile_text()) {
        check_segments(&text)?;
    }

    // Vertical tabs anywhere (they once made `segment` panic).
    #[test]
    fn fuzz_segment_with_vertical_tabs(text in hostile_text(), at in any::<prop::sample::Index>()) {
        let mut text = text;
        let mut i = at.index(text.len() + 1);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        text.insert(i, '\u{b}');
        check_segments(&text)?;
    }
}

proptest! {
    #![proptest_config(config!("matcher", cases(1, 1)))]

    #[test]
    fn fuzz_matcher_mentions_lie_on_boundaries_sorted_and_read_as_an_alias(
        text in hostile_text(),
        builder in matcher_builder(),
    ) {
        let g = base_gazetteer();
        let m = builder.build(&g).unwrap();
        check_mentions(&g, &m, &text)?;
    }
}

/// Hostile paragraphs joined by blank lines of several kinds, so that a text has places to
/// be cut into parts.
fn paragraphs_text() -> impl Strategy<Value = String> {
    let sep = prop::sample::select(&["\n\n", "\n \n", "\r\n\r\n", "\n\n\n", ".\n\t\n"][..]);
    prop::collection::vec((hostile_text(), sep), 1..6)
        .prop_map(|v| v.into_iter().map(|(t, sep)| t + sep).collect::<String>())
}

/// `text` matched and counted whole, and in parts cut at some of its blank lines: the
/// mentions (in document offsets) and the counts of every window.
fn whole_and_parts(
    m: &Matcher,
    text: &str,
    cut_mask: u64,
    window: Window,
) -> (
    (Vec<entgraph::Mention>, Cooccurrence),
    (Vec<entgraph::Mention>, Cooccurrence),
) {
    use entgraph::link::Linker;
    use entgraph::matcher::DocEvidence;
    let whole_found = m.find(text).mentions;
    let seg = segment::segment(text);
    let mut whole = Cooccurrence::default();
    let doc = DocInput {
        seq: 7,
        id: "d",
        text,
        segments: &seg,
        mentions: &whole_found,
        date: None,
    };
    Linker::new(window, 3).add(&mut whole, doc);

    let mut bounds = vec![0];
    bounds.extend(
        segment::part_cuts(text.as_bytes())
            .enumerate()
            .filter(|(i, _)| cut_mask >> (i % 64) & 1 == 1)
            .map(|(_, c)| c),
    );
    bounds.push(text.len());
    bounds.dedup();
    let parts: Vec<(usize, &str)> = bounds
        .windows(2)
        .map(|w| (w[0], &text[w[0]..w[1]]))
        .collect();
    let mut evidence = DocEvidence::default();
    let mut scratch = Default::default();
    for &(at, part) in &parts {
        m.gather(part, at, &mut evidence, &mut scratch);
    }
    let mut linker = Linker::new(window, 3);
    let mut counts = Cooccurrence::default();
    let mut found = Vec::new();
    for (k, &(at, part)) in parts.iter().enumerate() {
        let f = m.find_part(part, at, &evidence, &mut scratch).mentions;
        let seg = segment::segment(part);
        let doc = DocInput {
            seq: 7,
            id: "d",
            text: part,
            segments: &seg,
            mentions: &f,
            date: None,
        };
        linker.add_part(&mut counts, doc, at, k + 1 == parts.len());
        found.extend(f.into_iter().map(|mut x| {
            x.span = x.span.shift(at);
            x
        }));
    }
    ((whole_found, whole), (found, counts))
}

proptest! {
    #![proptest_config(config!("parts", cases(2, 1)))]

    /// A long document is matched and counted in parts cut at blank lines: the result must
    /// be the whole text's, whatever the cuts and the window.
    #[test]
    fn fuzz_parts_cut_at_blank_lines_match_and_count_as_the_whole(
        text in paragraphs_text(),
        cut_mask in any::<u64>(),
        window in window(),
        builder in matcher_builder(),
    ) {
        let g = base_gazetteer();
        let m = builder.build(&g).unwrap();
        let (whole, parts) = whole_and_parts(&m, &text, cut_mask, window);
        prop_assert_eq!(&whole.0, &parts.0, "mentions differ");
        prop_assert_eq!(&whole.1, &parts.1, "counts differ");
    }
}

/// A generated alias: a name, hostile pieces, or both.
fn generated_alias() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => word(),
            2 => prop::sample::select(HOSTILE).prop_map(str::to_string),
            1 => prop::sample::select(NAMES).prop_map(str::to_string),
            1 => Just(" ".to_string()),
        ],
        1..4,
    )
    .prop_map(|v| v.concat())
}

/// The mentions and segments of text made of `aliases` (picked by `picks`) and hostile
/// fillers, with a JSON Lines gazetteer of the aliases (so any character fits).
fn check_generated_aliases(
    aliases: &[String],
    picks: &[(prop::sample::Index, String)],
    builder: &entgraph::matcher::MatcherBuilder,
) -> Result<(), TestCaseError> {
    let mut gz = String::new();
    for (i, a) in aliases.iter().enumerate() {
        let kind = ["person", "place", "organization"][i % 3];
        gz.push_str(&format!(
            "{{\"label\": {}, \"type\": \"{kind}\", \"id\": \"{kind}:g{i}\"}}\n",
            json_str(a)
        ));
    }
    // An alias the rules refuse is a located error: nothing to match then.
    let Ok(g) = Gazetteer::from_str("generated.jsonl", &gz) else {
        return Ok(());
    };
    let m = builder.build(&g).unwrap();
    let mut text = String::new();
    for (ix, filler) in picks {
        text.push_str(ix.get::<String>(aliases));
        text.extend(filler.chars().take(40));
        text.push(' ');
    }
    check_mentions(&g, &m, &text)?;
    check_segments(&text)?;
    Ok(())
}

proptest! {
    #![proptest_config(config!("matcher-generated", cases(1, 1)))]

    /// A gazetteer of generated aliases over text that uses them.
    #[test]
    fn fuzz_matcher_with_generated_aliases(
        aliases in prop::collection::vec(generated_alias(), 1..8),
        picks in prop::collection::vec((any::<prop::sample::Index>(), hostile_text()), 0..12),
        builder in matcher_builder(),
    ) {
        let aliases: Vec<String> = aliases.into_iter().filter(|a| !normalize(a, true).trim().is_empty()).collect();
        if !aliases.is_empty() {
            check_generated_aliases(&aliases, &picks, &builder)?;
        }
    }

    // Aliases of any kind, those with no letters included (they are refused).
    #[test]
    fn fuzz_matcher_with_aliases_that_normalize_to_nothing(
        aliases in prop::collection::vec(generated_alias(), 1..8),
        picks in prop::collection::vec((any::<prop::sample::Index>(), hostile_text()), 0..12),
        builder in matcher_builder(),
    ) {
        check_generated_aliases(&aliases, &picks, &builder)?;
    }
}

// ---------------------------------------------------------------------------------------
// Corpus reader
// ---------------------------------------------------------------------------------------

/// One JSON Lines corpus line: a well-formed document (`Ok(text)`) or arbitrary bytes.
fn corpus_line() -> impl Strategy<Value = Result<String, Vec<u8>>> {
    prop_oneof![
        3 => hostile_text().prop_map(Ok),
        2 => hostile_bytes().prop_map(|b| Err(b.into_iter().filter(|&c| c != b'\n').collect())),
        1 => prop::sample::select(
            &[
                "", " ", "\t", "{}", "[]", "null", "{\"id\": 1, \"text\": \"x\"}", "{\"text\": null}",
                "{\"id\": \"a\"}", "{\"text\": \"\\ud800\"}", "{\"text\": \"x\", \"text\": 3}",
                "{\"id\": \"\", \"text\": \"x\"}", "\u{FEFF}{\"id\": \"b\", \"text\": \"x\"}",
                "{\"id\": \"c\", \"text\": \"x\"} trailing", "{\"id\": \"d\", \"text\": \"x\"}\r",
            ][..]
        )
        .prop_map(|s| Err(s.as_bytes().to_vec())),
    ]
}

proptest! {
    #![proptest_config(config!("corpus", cases(1, 1)))]

    /// Text files give one document each, with a warning exactly when their bytes are not
    /// UTF-8; every non-blank JSON Lines line gives a document or an error at its line.
    #[test]
    fn fuzz_corpus_every_line_is_a_document_or_a_located_problem(
        texts in prop::collection::vec(hostile_bytes(), 0..3),
        lines in prop::collection::vec(corpus_line(), 0..12),
        final_newline in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut sources = Vec::new();
        for (i, bytes) in texts.iter().enumerate() {
            let p = dir.path().join(format!("t{i}.txt"));
            std::fs::write(&p, bytes).unwrap();
            sources.push(Source::Text(p));
        }
        let mut jsonl = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            match line {
                Ok(text) => jsonl.extend_from_slice(
                    format!("{{\"id\": \"L{}\", \"text\": {}}}", i + 1, json_str(text)).as_bytes(),
                ),
                Err(bytes) => jsonl.extend_from_slice(bytes),
            }
            if i + 1 < lines.len() || final_newline {
                jsonl.push(b'\n');
            }
        }
        let jp = dir.path().join("c.jsonl");
        std::fs::write(&jp, &jsonl).unwrap();
        sources.push(Source::Jsonl(jp.clone()));
        let items: Vec<Item> = Documents::new(sources).collect();

        // The text files, in order.
        let mut it = items.iter().peekable();
        for (i, bytes) in texts.iter().enumerate() {
            let path = dir.path().join(format!("t{i}.txt"));
            let id = path.display().to_string();
            // Offsets index the file's bytes: text that is not UTF-8 (UTF-16 included) is
            // an error and no document; a UTF-8 byte-order mark reads as three spaces.
            let Ok(text) = std::str::from_utf8(bytes) else {
                match it.next() {
                    Some(Item::Problem(p)) => {
                        prop_assert_eq!(p.level, Level::Error);
                        prop_assert_eq!(&*p.location.path, id.as_str());
                    }
                    other => prop_assert!(false, "expected an error for {id}, got {other:?}"),
                }
                continue;
            };
            match it.next() {
                Some(Item::Document(d)) => {
                    prop_assert_eq!(&d.id, &id);
                    let want = match text.strip_prefix('\u{FEFF}') {
                        Some(rest) => format!("   {rest}"),
                        None => text.to_string(),
                    };
                    prop_assert_eq!(&d.text, &want);
                    prop_assert_eq!(d.text.len(), bytes.len(), "offsets count the file's bytes");
                }
                other => prop_assert!(false, "expected the document {id}, got {other:?}"),
            }
        }
        // A JSON Lines file that starts as UTF-16 is refused whole.
        if jsonl.starts_with(&[0xFF, 0xFE]) || jsonl.starts_with(&[0xFE, 0xFF]) {
            let rest: Vec<&Item> = it.collect();
            prop_assert!(
                matches!(rest[..], [Item::Problem(p)] if p.level == Level::Error),
                "{rest:?}"
            );
            return Ok(());
        }

        // The JSON Lines file: split as the reader does, at `\n`.
        let name = jp.display().to_string();
        let mut raw_lines: Vec<&[u8]> = jsonl.split(|&b| b == b'\n').collect();
        if jsonl.last() == Some(&b'\n') || jsonl.is_empty() {
            raw_lines.pop();
        }
        // A UTF-8 byte-order mark before the first line is whitespace.
        let blank: Vec<bool> = raw_lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let l = if i == 0 { l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l) } else { l };
                String::from_utf8_lossy(l).trim().is_empty()
            })
            .collect();
        let rest: Vec<&Item> = it.collect();
        let mut covered = vec![0u32; raw_lines.len()];
        for item in &rest {
            match item {
                Item::Problem(p) => {
                    prop_assert_eq!(&*p.location.path, name.as_str(), "{}", p);
                    let line = p.location.line;
                    prop_assert!(
                        matches!(line, Some(l) if l >= 1 && l <= raw_lines.len()),
                        "problem without a line of the file: {p}"
                    );
                    let l = line.unwrap() - 1;
                    prop_assert!(!blank[l], "problem on a blank line: {p}");
                    if p.level == Level::Error {
                        covered[l] += 1;
                    } else {
                        prop_assert!(std::str::from_utf8(raw_lines[l]).is_err(), "{p} on a valid line");
                    }
                }
                Item::Document(d) => {
                    // Generated documents carry their line as id; others are unnamed or
                    // named by hand.
                    let l = if let Some(n) = d.id.strip_prefix('L').and_then(|n| n.parse::<usize>().ok()) {
                        n
                    } else if let Some(n) = d.id.strip_prefix(&format!("{name}:")).and_then(|n| n.parse::<usize>().ok()) {
                        n
                    } else {
                        continue;
                    };
                    prop_assert!(l >= 1 && l <= raw_lines.len(), "document {} out of the file", d.id);
                    covered[l - 1] += 1;
                    if let Some(Ok(text)) = lines.get(l - 1).filter(|_| d.id.starts_with('L')) {
                        prop_assert_eq!(&d.text, text);
                    }
                }
            }
        }
        let docs = rest.iter().filter(|i| matches!(i, Item::Document(_))).count();
        let errors = rest.iter().filter(|i| matches!(i, Item::Problem(p) if p.level == Level::Error)).count();
        let non_blank = blank.iter().filter(|b| !**b).count();
        prop_assert_eq!(docs + errors, non_blank, "documents + errors != non-blank lines");
        for (l, ok) in lines.iter().enumerate() {
            if ok.is_ok() {
                prop_assert_eq!(covered[l], 1, "generated line {} gave {} items", l + 1, covered[l]);
            }
        }
    }
}

proptest! {
    #![proptest_config(config!("corpus-blocks", cases(64, 2)))]

    /// JSON Lines documents around and over the reader's block size (1 MiB) come out
    /// whole, in order, each once: lines cut across blocks are joined again.
    #[test]
    fn fuzz_corpus_lines_across_read_blocks(
        sizes in prop::collection::vec(
            prop_oneof![
                2 => 0usize..64,
                1 => (1usize << 20) - 64..(1usize << 20) + 64,
                1 => (1usize << 19)..(3usize << 20),
            ],
            1..5,
        ),
        fill in prop::sample::select(&["a", "ß", "\u{20AC}", "👨\u{200D}👩", "\\n", "e\u{301}"][..]),
        blank_between in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jsonl");
        let mut texts = Vec::new();
        let mut jsonl = String::new();
        for (i, &n) in sizes.iter().enumerate() {
            // About `n` bytes of text, whole characters.
            let text = fill.repeat(n / fill.len().max(1) + 1);
            jsonl.push_str(&format!("{{\"id\": \"L{i}\", \"text\": {}}}\n", json_str(&text)));
            if blank_between {
                jsonl.push_str("  \n");
            }
            texts.push(text);
        }
        std::fs::write(&path, &jsonl).unwrap();
        let items: Vec<Item> = Documents::new(vec![Source::Jsonl(path)]).collect();
        prop_assert_eq!(items.len(), texts.len(), "one item per line");
        for (i, (item, text)) in items.iter().zip(&texts).enumerate() {
            match item {
                Item::Document(d) => {
                    prop_assert_eq!(&d.id, &format!("L{i}"));
                    prop_assert!(&d.text == text, "document L{} text differs ({} bytes, want {})", i, d.text.len(), text.len());
                }
                Item::Problem(p) => prop_assert!(false, "line {}: {}", i + 1, p),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Gazetteer parser
// ---------------------------------------------------------------------------------------

/// A text-format gazetteer line: directives, comments, entries with markers and
/// attributes, or hostile text.
fn text_gazetteer_line() -> impl Strategy<Value = String> {
    let field = prop_oneof![
        3 => generated_alias(),
        1 => generated_alias().prop_map(|a| format!("~{a}")),
        1 => generated_alias().prop_map(|a| format!("+{a}")),
        1 => generated_alias().prop_map(|a| format!("!{a}")),
        1 => generated_alias().prop_map(|a| format!("*{a}")),
        1 => (word(), generated_alias()).prop_map(|(k, v)| format!("{k}={v}")),
        1 => Just(String::new()),
    ];
    prop_oneof![
        4 => prop::collection::vec(field, 1..5).prop_map(|v| v.join(" | ")),
        1 => prop::sample::select(
            &[
                "@type person", "@type place", "@type organization", "@type Person", "@type",
                "@type a b", "@type ß", "@type İ", "@case smart", "@case exact", "@case insensitive",
                "@case", "@case loud", "@", "@@", "# comment", "|", "||", " | ", "~", "+", "=",
                "a=b", "Label | id=x", "Label | id=", "Label # trailing", "\u{FEFF}@type person",
            ][..]
        )
        .prop_map(str::to_string),
        2 => prop::collection::vec(token(NAMES), 0..6).prop_map(|v| v.concat()),
    ]
}

/// A JSON Lines gazetteer line: objects with the schema's keys holding values of every
/// JSON type, or hostile text.
fn jsonl_gazetteer_line() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        3 => generated_alias().prop_map(|a| json_str(&a)),
        1 => prop::collection::vec(generated_alias(), 0..3)
            .prop_map(|v| serde_json::to_string(&v).unwrap()),
        1 => prop::sample::select(
            &["null", "true", "1", "-0.5e400", "[]", "{}", "[1]", "{\"a\": 1}", "{\"a\": \"b\"}", "\"person\"", "\"smart\"", "\"\""][..]
        )
        .prop_map(str::to_string),
    ];
    let key = prop::sample::select(
        &[
            "label",
            "type",
            "aliases",
            "anchored",
            "forced",
            "default_for",
            "demonyms",
            "attrs",
            "id",
            "case",
            "other",
            "",
        ][..],
    );
    prop_oneof![
        4 => prop::collection::vec((key, value), 0..6).prop_map(|kv| {
            let fields: Vec<String> = kv.iter().map(|(k, v)| format!("{}: {v}", json_str(k))).collect();
            format!("{{{}}}", fields.join(", "))
        }),
        2 => (generated_alias(), prop::sample::select(&["person", "place", "organization", "Thing", ""][..]))
            .prop_map(|(l, t)| format!("{{\"label\": {}, \"type\": {}}}", json_str(&l), json_str(t))),
        1 => prop::collection::vec(token(NAMES), 0..6).prop_map(|v| v.concat()),
    ]
}

proptest! {
    #![proptest_config(config!("gazetteer", cases(1, 1)))]

    /// Either the gazetteer loads, or every problem names the file and one of its lines.
    #[test]
    fn fuzz_gazetteer_errors_name_file_and_line(
        jsonl in any::<bool>(),
        stem in prop::sample::select(&["people", "places", "organizations", "x", "dir/weird name", "ünï"][..]),
        lines in prop::collection::vec(any::<bool>(), 0..10),
        text_lines in prop::collection::vec(text_gazetteer_line(), 10),
        json_lines in prop::collection::vec(jsonl_gazetteer_line(), 10),
        crlf in any::<bool>(),
    ) {
        let name = format!("{stem}.{}", if jsonl { "jsonl" } else { "txt" });
        let pool = if jsonl { &json_lines } else { &text_lines };
        let text: String = lines
            .iter()
            .enumerate()
            .map(|(i, _)| format!("{}{}", pool[i], if crlf { "\r\n" } else { "\n" }))
            .collect();
        let n_lines = text.lines().count();
        match Gazetteer::from_str(&name, &text) {
            Ok(g) => {
                for p in g.warnings() {
                    prop_assert_eq!(&*p.location.path, name.as_str(), "{}", p);
                }
                let m = Matcher::new(&g).unwrap();
                let _ = m.find(&text);
            }
            Err(e) => {
                prop_assert!(!e.problems.is_empty(), "an error without problems");
                for p in &e.problems {
                    prop_assert_eq!(&*p.location.path, name.as_str(), "{}", p);
                    prop_assert!(
                        matches!(p.location.line, Some(l) if l >= 1 && l <= n_lines),
                        "problem without a line of the file ({n_lines} lines): {p}\n--- {name}\n{text}"
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Suggest
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config!("suggest", cases(1, 1)))]

    #[test]
    fn fuzz_suggest_does_not_panic(
        texts in prop::collection::vec(hostile_text(), 0..5),
        limit in prop::option::of(0usize..5),
        min_count in 0u64..3,
    ) {
        let g = base_gazetteer();
        let m = Matcher::new(&g).unwrap();
        let opts = SuggestOptions { min_count, limit };
        let out = suggest_texts(&texts, &g, &m, &opts);
        if let Some(limit) = limit {
            prop_assert!(out.len() <= limit);
        }
        for s in &out {
            prop_assert!(!s.label.is_empty(), "empty suggestion {s:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Exporters
// ---------------------------------------------------------------------------------------

/// Generated label for the exporters' gazetteer: hostile for DOT and JSON.
fn export_label() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => word(),
        1 => prop::sample::select(
            &["A \"quoted\" one", "Back\\slash", "Ends with \\", "<b>html</b>", "a & b", "{braces}",
              "semi; colon", "a -- b", "Line\nbreak", "Car\rriage", "Tab\there", "Nul\u{0}", "Del\u{7F}", "Bell\u{7}", "\u{2028}sep", "-> edge", "node [x]", "graph", "\\N", "\\G", "\\\"", "</td>", "<!-- c -->", "&amp;", "&#9;", "Ünïcödé", "İstanbul", "ß", "e\u{301}", "שלום", "👨\u{200D}👩"][..]
        )
        .prop_map(str::to_string),
    ]
}

/// A gazetteer of generated labels (JSON Lines: any character), each with a plain alias
/// that text can mention, and hostile attributes.
fn export_gazetteer(labels: &[String]) -> Option<Gazetteer> {
    let mut gz = String::new();
    for (i, l) in labels.iter().enumerate() {
        let kind = ["person", "place", "organization", "vessel"][i % 4];
        gz.push_str(&format!(
            "{{\"id\": \"{kind}:e{i}\", \"label\": {}, \"type\": \"{kind}\", \"aliases\": [\"Name{i} Alpha\"], \"attrs\": {{\"note\": {}}}}}\n",
            json_str(l),
            json_str(&format!("{l} \" \\ <>&{{}}"))
        ));
    }
    Gazetteer::from_str("export.jsonl", &gz).ok()
}

/// Generated documents for the exporters: names of the export gazetteer among hostile
/// text, with hostile ids.
fn export_docs() -> impl Strategy<Value = Vec<(String, String)>> {
    let piece = prop_oneof![
        3 => (0usize..6).prop_map(|i| format!("Name{i} Alpha")),
        2 => prop::sample::select(HOSTILE).prop_map(str::to_string),
        2 => word(),
        1 => Just(". ".to_string()),
        1 => Just("\n\n".to_string()),
    ];
    let doc = (
        prop_oneof![2 => word(), 1 => export_label(), 1 => "\\PC{0,6}"],
        prop::collection::vec(piece, 0..30).prop_map(|v| v.join(" ")),
    );
    prop::collection::vec(doc, 0..6)
}

fn window() -> impl Strategy<Value = Window> {
    prop_oneof![
        Just(Window::Sentence),
        Just(Window::Paragraph),
        Just(Window::Document),
        (1u32..4).prop_map(Window::Sentences),
    ]
}

/// The graph of `docs` through the library's stages.
fn build_graph(
    g: &Gazetteer,
    docs: &[(String, String)],
    window: Window,
    evidence: usize,
    opts: &GraphOptions,
) -> entgraph::Graph {
    let m = Matcher::new(g).unwrap();
    let mut total = Cooccurrence::default();
    for (i, (id, text)) in docs.iter().enumerate() {
        let seg = segment::segment(text);
        let found = m.find(text);
        let doc = DocInput {
            seq: i as u64,
            id,
            text,
            segments: &seg,
            mentions: &found.mentions,
            date: None,
        };
        total.merge(Cooccurrence::document(doc, window, evidence), evidence);
    }
    graph::build(&total, g, opts).unwrap()
}

/// DOT's brackets, braces and quotes balance: strings closed (backslash escapes), HTML
/// labels `<...>` nested, `{}` and `[]` matched outside both. Comments are `//` lines.
fn dot_is_balanced(dot: &str) -> Result<(), String> {
    let mut stack: Vec<char> = Vec::new();
    for line in dot.lines() {
        if stack.is_empty() && line.trim_start().starts_with("//") {
            continue;
        }
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match (stack.last().copied(), c) {
                (Some('"'), '\\') => {
                    chars.next();
                }
                (Some('"'), '"') => {
                    stack.pop();
                }
                (Some('"'), _) => {}
                (Some('<'), '<') => stack.push('<'),
                (Some('<'), '>') => {
                    stack.pop();
                }
                (Some('<'), _) => {}
                (_, '"') | (_, '<') | (_, '{') | (_, '[') => stack.push(c),
                (Some('{'), '}') | (Some('['), ']') => {
                    stack.pop();
                }
                (_, '}') | (_, ']') => return Err(format!("unmatched `{c}` in {line:?}")),
                _ => {}
            }
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("unclosed {stack:?} at the end"))
    }
}

fn graph_options() -> impl Strategy<Value = (Window, usize, GraphOptions)> {
    (
        window(),
        0usize..4,
        prop::sample::select(
            &[
                Measure::Count,
                Measure::Npmi,
                Measure::Dice,
                Measure::Jaccard,
            ][..],
        ),
        any::<bool>(),
    )
        .prop_map(|(window, evidence, measure, drop_isolated)| {
            let mut opts = GraphOptions {
                window,
                measure,
                ..GraphOptions::default()
            };
            opts.filters.drop_isolated = drop_isolated;
            (window, evidence, opts)
        })
}

proptest! {
    #![proptest_config(config!("export", cases(1, 1)))]

    /// JSON parses and lists every node and edge; DOT balances.
    #[test]
    fn fuzz_export_json_parses_and_dot_balances(
        labels in prop::collection::vec(export_label(), 6),
        docs in export_docs(),
        (window, evidence, opts) in graph_options(),
        edges_key in prop::sample::select(&[EdgesKey::Links, EdgesKey::Edges][..]),
    ) {
        let Some(g) = export_gazetteer(&labels) else { return Ok(()) };
        let graph = build_graph(&g, &docs, window, evidence, &opts);

        let mut json = Vec::new();
        entgraph::export::json::write(&graph, edges_key, &mut json).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json)
            .map_err(|e| TestCaseError::fail(format!("JSON does not parse: {e}")))?;
        let nodes = v["nodes"].as_array().expect("nodes");
        prop_assert_eq!(nodes.len(), graph.nodes.len());
        for (n, node) in nodes.iter().zip(&graph.nodes) {
            prop_assert_eq!(n["id"].as_str(), Some(node.id.as_str()));
        }
        let key = match edges_key { EdgesKey::Links => "links", EdgesKey::Edges => "edges" };
        let links = v[key].as_array().expect("links or edges");
        prop_assert_eq!(links.len(), graph.edges.len());

        let mut dot = Vec::new();
        entgraph::export::dot::write(&graph, &mut dot).unwrap();
        let dot = String::from_utf8(dot).expect("UTF-8 DOT");
        if let Err(e) = dot_is_balanced(&dot) {
            prop_assert!(false, "DOT unbalanced: {e}\n{dot}");
        }
    }
}

/// Graphviz reads what the DOT writer writes, for a few generated graphs.
#[test]
fn fuzz_export_dot_is_read_by_graphviz() {
    if !have("dot", &["-V"]) {
        return;
    }
    let mut runner =
        proptest::test_runner::TestRunner::new(config!("export-graphviz", cases(16, 3)));
    let strategy = (
        prop::collection::vec(export_label(), 6),
        export_docs(),
        graph_options(),
    );
    runner
        .run(&strategy, |(labels, docs, (window, evidence, opts))| {
            let Some(g) = export_gazetteer(&labels) else {
                return Ok(());
            };
            let graph = build_graph(&g, &docs, window, evidence, &opts);
            let mut dot = Vec::new();
            entgraph::export::dot::write(&graph, &mut dot).unwrap();
            let mut child = Command::new("dot")
                .arg("-Tcanon")
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("dot runs");
            std::io::Write::write_all(child.stdin.as_mut().unwrap(), &dot).unwrap();
            let out = child.wait_with_output().unwrap();
            prop_assert!(
                out.status.success(),
                "dot -Tcanon failed: {}\n{}",
                String::from_utf8_lossy(&out.stderr),
                String::from_utf8_lossy(&dot)
            );
            Ok(())
        })
        .unwrap();
}

// ---------------------------------------------------------------------------------------
// End to end
// ---------------------------------------------------------------------------------------

/// Runs `entgraph build` over `corpus` with `threads` workers into `out`.
fn build_with_threads(
    corpus: &Path,
    gazetteer: &Path,
    out: &Path,
    threads: &str,
) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_entgraph"))
        .args([
            "build",
            s(corpus),
            "-g",
            s(gazetteer),
            "--no-default-gazetteers",
            "-o",
            s(out),
        ])
        .args(["--threads", threads, "--evidence", "3", "-q"])
        .output()
        .expect("entgraph runs")
}

/// The same generated corpus (text files with hostile bytes, a JSON Lines file) gives
/// byte-identical graph.dot and graph.json with one thread and with three.
#[test]
fn fuzz_end_to_end_build_is_the_same_for_one_and_three_threads() {
    let mut runner = proptest::test_runner::TestRunner::new(config!("end-to-end", cases(16, 3)));
    let strategy = (
        prop::collection::vec(export_label(), 6),
        export_docs(),
        prop::collection::vec(hostile_bytes(), 0..3),
        prop::collection::vec(corpus_line(), 0..6),
    );
    runner
        .run(&strategy, |(labels, docs, files, lines)| {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path();
            let mut gz = String::new();
            for (i, l) in labels.iter().enumerate() {
                let kind = ["person", "place", "organization", "vessel"][i % 4];
                gz.push_str(&format!(
                    "{{\"id\": \"{kind}:e{i}\", \"label\": {}, \"type\": \"{kind}\", \"aliases\": [\"Name{i} Alpha\"]}}\n",
                    json_str(l)
                ));
            }
            let gzp = root.join("names.jsonl");
            std::fs::write(&gzp, gz).unwrap();
            let corpus = root.join("corpus");
            std::fs::create_dir_all(corpus.join("sub")).unwrap();
            for (i, (_, text)) in docs.iter().enumerate() {
                std::fs::write(corpus.join(format!("d{i}.txt")), text).unwrap();
            }
            for (i, bytes) in files.iter().enumerate() {
                std::fs::write(corpus.join("sub").join(format!("b{i}.md")), bytes).unwrap();
            }
            let mut jsonl = Vec::new();
            for (i, (id, text)) in docs.iter().enumerate() {
                jsonl.extend_from_slice(format!("{{\"id\": {}, \"text\": {}}}\n", json_str(id), json_str(text)).as_bytes());
                if let Some(line) = lines.get(i) {
                    match line {
                        Ok(t) => jsonl.extend_from_slice(format!("{{\"text\": {}}}", json_str(t)).as_bytes()),
                        Err(b) => jsonl.extend_from_slice(b),
                    }
                    jsonl.push(b'\n');
                }
            }
            std::fs::write(corpus.join("c.jsonl"), jsonl).unwrap();

            let mut results = Vec::new();
            for threads in ["1", "3"] {
                let out = root.join(format!("out{threads}"));
                let o = build_with_threads(&corpus, &gzp, &out, threads);
                let dot = std::fs::read(out.join("graph.dot")).ok();
                let json = std::fs::read(out.join("graph.json")).ok();
                // The output directory is named in messages: the same name for both runs.
                let stderr = String::from_utf8_lossy(&o.stderr).replace(&*out.to_string_lossy(), "OUT");
                results.push((o.status.code(), o.stdout, stderr.into_bytes(), dot, json));
            }
            let (a, b) = (&results[0], &results[1]);
            prop_assert_eq!(a.0, b.0, "exit codes differ; stderr:\n{}\n---\n{}", String::from_utf8_lossy(&a.2), String::from_utf8_lossy(&b.2));
            // A run that fails (no readable document, a label the gazetteer rules refuse)
            // writes no graph, and both runs say the same.
            prop_assert!(
                (a.3.is_some() && a.4.is_some()) || a.0 == Some(2),
                "no graph written: {}",
                String::from_utf8_lossy(&a.2)
            );
            prop_assert!(a.3 == b.3, "graph.dot differs between 1 and 3 threads");
            prop_assert!(a.4 == b.4, "graph.json differs between 1 and 3 threads");
            prop_assert_eq!(&a.2, &b.2, "stderr differs between 1 and 3 threads");
            Ok(())
        })
        .unwrap();
}

//! The suggestion pass end to end, on small texts: candidates, cues, resolution, grouping,
//! ranking and the two writers. Owns no rule: each test states a behaviour of
//! `entgraph suggest` as a whole.

use super::snippet::SNIPPET_WIDTH;
use super::variants::same_given_name;
use super::*;
use crate::model::{EntityId, Mention, Segments, Span};

const GAZ: &str = "@type person\n\
    Vladimir Putin | Putin\n\
    Kim Jong Un | Kim Jong-un | ~Kim\n\
    Sergei Lavrov | Lavrov\n\
    @type organization\n\
    Kremlin\n\
    Central News Agency | ~CNA\n\
    @type place\n\
    Moscow\n\
    Russia | demonym=Russian\n\
    Vladivostok\n";

fn run_with(gaz: &str, docs: &[&str], opts: &SuggestOptions) -> Vec<Suggestion> {
    let g = Gazetteer::from_str("test.txt", gaz).unwrap();
    let m = Matcher::new(&g).unwrap();
    suggest_texts(docs, &g, &m, opts)
}

fn run(docs: &[&str]) -> Vec<Suggestion> {
    run_with(GAZ, docs, &SuggestOptions::default())
}

fn labels(s: &[Suggestion]) -> Vec<&str> {
    s.iter().map(|s| s.label.as_str()).collect()
}

fn find<'a>(s: &'a [Suggestion], label: &str) -> &'a Suggestion {
    s.iter()
        .find(|s| s.label == label)
        .unwrap_or_else(|| panic!("no {label:?} in {:?}", labels(s)))
}

#[test]
fn title_before_a_name_says_person() {
    let s = run(&["Kremlin aide Yury Ushakov said the visit was ready."]);
    let u = find(&s, "Yury Ushakov");
    assert_eq!(u.kind.as_deref(), Some("person"));
    assert_eq!(u.cue, "title `aide` before");
    // A capitalized title inside the run is stripped and is the cue.
    let s = run(&["The talks were led by Deputy Foreign Minister Anatoly Grishenko."]);
    let g = find(&s, "Anatoly Grishenko");
    assert_eq!(g.cue, "title `Minister` before");
    // A title across a place: `Special Representative for Norway Tove Lindqvist`.
    let s = run(&["The US Special Representative for Russia Tove Lindqvist left early."]);
    assert_eq!(
        find(&s, "Tove Lindqvist").cue,
        "title `Representative` before"
    );
}

#[test]
fn person_cues_after_a_name() {
    let s = run(&[
        "The plan is risky, said Marta Okonjo, a professor at a college in Ghana.",
        "Pavel Dranko told reporters nothing had been signed.",
    ]);
    let o = find(&s, "Marta Okonjo");
    assert_eq!(o.kind.as_deref(), Some("person"));
    assert_eq!(o.cue, "`, a professor` after");
    let d = find(&s, "Pavel Dranko");
    assert_eq!(d.kind.as_deref(), Some("person"));
    assert_eq!(d.cue, "`told` after");
}

#[test]
fn head_word_says_organization() {
    let s = run(&[
        "Researchers at Bellwood Polytechnic Institute and the Ministry of Coastal Affairs \
         met the Northern Grain Corporation.",
    ]);
    for (label, head) in [
        ("Bellwood Polytechnic Institute", "Institute"),
        ("Ministry of Coastal Affairs", "Ministry"),
        ("Northern Grain Corporation", "Corporation"),
    ] {
        let o = find(&s, label);
        assert_eq!(o.kind.as_deref(), Some("organization"), "{label}");
        assert_eq!(o.cue, format!("head word `{head}`"));
    }
}

#[test]
fn acronyms_and_media_are_candidates() {
    let s = run_with(
        "@type place\nRussia\n",
        &["NK Herald, a news website, quoted an expert at DPRKW, a research group."],
        &SuggestOptions::default(),
    );
    assert_eq!(find(&s, "NK Herald").kind.as_deref(), Some("organization"));
    let a = find(&s, "DPRKW");
    assert_eq!(a.kind.as_deref(), Some("organization"));
    assert_eq!(a.cue, "`, a research group` after");
}

#[test]
fn place_cues() {
    let s = run(&["The delegation stopped in Dunmarrow before flying on. \
         A Kestrelby-based firm built the port of Zarechny. \
         The ferry to Pelican Island was cancelled."]);
    for (label, cue) in [
        ("Dunmarrow", "`in` before"),
        ("Kestrelby", "`-based` after"),
        ("Zarechny", "`port of` before"),
        ("Pelican Island", "head word `Island`"),
    ] {
        let p = find(&s, label);
        assert_eq!(p.kind.as_deref(), Some("place"), "{label}");
        assert_eq!(p.cue, cue, "{label}");
    }
}

#[test]
fn no_cue_means_unknown() {
    let s = run(&["Nobody expected the Glimmerstone affair to matter."]);
    let g = find(&s, "Glimmerstone");
    assert_eq!(g.kind, None);
    assert_eq!(g.cue, "");
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    let s = run(&["Analysts said the meeting mattered. The talks went on. \
         According to officials, nothing changed. Tricky questions remain. \
         Speaking on Monday, envoy Ilse Brandvold was upbeat. \
         Previously, the sides rarely met."]);
    assert_eq!(labels(&s), ["Ilse Brandvold"]);
}

#[test]
fn sentence_initial_word_seen_capitalized_elsewhere_starts_a_name() {
    let s = run(&[
        "Cold War rivalries shaped the port. Historians of the Cold War disagree.",
        "Cold weather delayed the train.",
    ]);
    assert_eq!(labels(&s), ["Cold War"]);
    assert_eq!(find(&s, "Cold War").mentions, 2);
}

#[test]
fn a_name_only_ever_sentence_initial_is_not_proposed_alone() {
    let s = run(&["Anticipation grew. Accessibility matters.\n\nXS\n\nSM\n"]);
    assert!(s.is_empty(), "{:?}", labels(&s));
}

#[test]
fn headline_lines() {
    let docs = ["PUTIN MEETS KIM\n\n\
         Kim-Putin Summit 2019: KEY Predictions and First Hours\n\n\
         Putin Arrives In Vladivostok For Meeting With Hopeful Leader Kim\n\n\
         Kim Jong Un met Vladimir Putin in Vladivostok. The talks were long."];
    let s = run(&docs);
    assert!(s.is_empty(), "{:?}", labels(&s));
    // A name in a headline is kept when it is no ordinary word.
    let s = run(&["Zhanna Orlik Wins Again\n\nThe race was close, said coach Zhanna Orlik."]);
    assert_eq!(labels(&s), ["Zhanna Orlik"]);
    assert_eq!(s[0].mentions, 2);
}

#[test]
fn weekdays_and_months_are_never_names() {
    let s = run(&["On Wednesday envoy Tarek Osmani said March and May would be busy."]);
    assert_eq!(labels(&s), ["Tarek Osmani"]);
}

#[test]
fn given_name_spellings_are_one_entry() {
    let s = run(&[
        "Kremlin aide Yury Ushakov said the date was set.",
        "Kremlin aide Yuri Ushakov said the talks would be short. Ushakov added nothing.",
        "Presidential aide Yuri Ushakov spoke on Tuesday.",
    ]);
    assert_eq!(s.len(), 1, "{:?}", labels(&s));
    let u = &s[0];
    assert_eq!(u.label, "Yuri Ushakov");
    assert_eq!(u.aliases, ["Yury Ushakov", "Ushakov"]);
    assert!(u.anchored.is_empty());
    assert_eq!((u.documents, u.mentions), (3, 4));
    assert!(same_given_name("dmitry", "dimitri"));
    assert!(same_given_name("aleksandr", "alexander"));
    assert!(!same_given_name("mark", "mary"));
    assert!(!same_given_name("john", "joan"));
}

#[test]
fn surname_alone_is_an_alias_anchored_when_shared_or_common() {
    let s = run(&["Envoy Ilse Brandvold arrived. Brandvold said little."]);
    assert_eq!(find(&s, "Ilse Brandvold").aliases, ["Brandvold"]);
    // A common word as a surname is anchored.
    let s = run(&["Senator Rebecca Brown arrived. Brown said little."]);
    let b = find(&s, "Rebecca Brown");
    assert_eq!(b.anchored, ["Brown"]);
    assert_eq!(b.mentions, 2);
    // A short form two names share in one document is anchored.
    let s = run(&[
        "Official Kwon Jong Gun spoke first. Kwon said the talks failed. \
         Reporter Jason Kwon wrote the story.",
    ]);
    assert_eq!(find(&s, "Kwon Jong Gun").anchored, ["Kwon"]);
    assert!(find(&s, "Jason Kwon").anchored.is_empty());
}

#[test]
fn kim_chang_son_and_chang_son() {
    let s = run(&[
        "Kim Jong Un arrived by train. His aide, Kim Chang Son, checked the route. \
         Chang Son later left for Moscow.",
    ]);
    assert_eq!(labels(&s), ["Kim Chang Son"]);
    assert_eq!(s[0].aliases, ["Chang Son"]);
    assert_eq!(s[0].kind.as_deref(), Some("person"));
    assert_eq!(s[0].cue, "title `aide` before");
}

#[test]
fn hyphen_and_space_variants_are_one_entry() {
    let s = run_with(
        "@type place\nRussia\n",
        &[
            "Vice minister Choe Son-hui spoke. Later Choe Son Hui left.",
            "Official Choe Son-hui returned.",
        ],
        &SuggestOptions::default(),
    );
    assert_eq!(labels(&s), ["Choe Son-hui"]);
    assert!(s[0].aliases.is_empty());
    assert_eq!(s[0].mentions, 3);
}

#[test]
fn connectors_inside_names() {
    let s = run(&[
        "Putin flew to the Belt and Road Forum. He praised the Ministry of Coastal Affairs \
         and met President Bashar al-Assad at Far Eastern Federal University on Russky \
         Island, near the Institute for Polar Studies.",
    ]);
    for (label, kind) in [
        ("Belt and Road Forum", "organization"),
        ("Ministry of Coastal Affairs", "organization"),
        ("Bashar al-Assad", "person"),
        ("Far Eastern Federal University", "organization"),
        ("Russky Island", "place"),
        ("Institute for Polar Studies", "organization"),
    ] {
        assert_eq!(find(&s, label).kind.as_deref(), Some(kind), "{label}");
    }
    assert_eq!(s.len(), 6, "{:?}", labels(&s));
}

#[test]
fn more_short_forms() {
    let s = run(&[
        "Students of Far Eastern Federal University (FEFU) cheered. FEFU is new. \
         Governor Oleg Kozhemyako came; Kozhemiako, as some spell it, spoke. \
         The ferry reached Russky Island.",
        "Flags flew on Russky island.",
    ]);
    assert_eq!(find(&s, "Far Eastern Federal University").aliases, ["FEFU"]);
    assert_eq!(find(&s, "Oleg Kozhemyako").aliases, ["Kozhemiako"]);
    let r = find(&s, "Russky Island");
    assert_eq!(r.aliases, ["Russky"]);
    assert_eq!((r.documents, r.mentions), (2, 2));
}

#[test]
fn abbreviated_titles_and_absorbed_person_mentions() {
    let s = run(&["Mr. Halvorsen said the plan would work. Vladmir Putin agreed."]);
    let h = find(&s, "Halvorsen");
    assert_eq!(h.cue, "title `Mr` before");
    // A one-word mention of a person inside a longer name does not cut it.
    let p = find(&s, "Vladmir Putin");
    assert_eq!(p.kind.as_deref(), Some("person"));
    assert_eq!(p.cue, "`Putin` names a listed person");
}

#[test]
fn names_the_gazetteer_covers_are_not_proposed() {
    let s = run(&[
        "Russian President Vladimir Putin met Foreign Minister Sergei Lavrov in the Kremlin. \
         Putin and Lavrov then flew to Vladivostok. Kim Jong-un waited.",
        "Moscows and Russians reacted.",
    ]);
    assert!(s.is_empty(), "{:?}", labels(&s));
    // An anchored alias the document never anchors (no full name) is not covered there:
    // `CNA` is proposed.
    let s = run(&["Analysts at CNA were not surprised, the CNA report said."]);
    assert_eq!(labels(&s), ["CNA"]);
    let k = Known::new(&Gazetteer::from_str("test.txt", GAZ).unwrap());
    assert!(k.contains("KIM JONG-UN") && k.contains("Kim Jongun") && !k.contains("Kim"));
    assert!(!k.contains("Kim Chang Son"));
}

#[test]
fn min_count_and_limit() {
    let docs = [
        "Envoy Ilse Brandvold met envoy Tarek Osmani. Envoy Ilse Brandvold left.",
        "Envoy Ilse Brandvold returned.",
    ];
    let all = run(&docs);
    assert_eq!(labels(&all), ["Ilse Brandvold", "Tarek Osmani"]);
    let opts = SuggestOptions {
        min_count: 2,
        limit: None,
    };
    assert_eq!(labels(&run_with(GAZ, &docs, &opts)), ["Ilse Brandvold"]);
    let opts = SuggestOptions {
        min_count: 1,
        limit: Some(1),
    };
    assert_eq!(labels(&run_with(GAZ, &docs, &opts)), ["Ilse Brandvold"]);
    assert_eq!((all[0].documents, all[0].mentions), (2, 3));
}

#[test]
fn ranking_is_documents_times_mentions_then_label() {
    let s = run(&[
        "Envoy Zoe Abara met envoy Yann Bisset. Envoy Yann Bisset spoke.",
        "Envoy Zoe Abara returned. Envoy Carl Cadwal stayed.",
    ]);
    assert_eq!(labels(&s), ["Zoe Abara", "Yann Bisset", "Carl Cadwal"]);
}

#[test]
fn example_is_a_short_single_line() {
    let text = "In a long opening sentence\nthat wraps over   several lines and keeps going \
                for a while, envoy Ilse Brandvold said the matter was closed, and then \
                the sentence goes on and on for quite some time more.";
    let s = run(&[text]);
    let e = &s[0].example;
    assert!(e.contains("envoy Ilse Brandvold said"), "{e}");
    assert!(e.chars().count() <= SNIPPET_WIDTH + 6, "{e}");
    assert!(
        e.starts_with("...") && e.ends_with("...") && !e.contains('\n'),
        "{e}"
    );
    assert!(!e.contains("  "));
}

#[test]
fn example_of_a_name_as_wide_as_the_snippet() {
    let text = "A spokesman for the Far Eastern Federal University School Of International \
                Relations And Regional Studies Department said.";
    let s = run(&[text]);
    let name = "Far Eastern Federal University School Of International Relations And \
                Regional Studies Department";
    let e = &find(&s, name).example;
    assert_eq!(*e, format!("...{name}..."));
    // The same with non-ASCII letters before and after the name.
    let text = format!("Ein Sprecher für die {name} sagte: «Ça va».");
    let s = run(&[text.as_str()]);
    assert!(find(&s, name).example.contains(name));
}

fn sample() -> Vec<Suggestion> {
    run(&[
        "Kremlin aide Yury Ushakov said the date was set. Ushakov added nothing. \
         Senator Rebecca Brown arrived. Brown said little. \
         Researchers at Bellwood Polytechnic Institute met in Dunmarrow. \
         Nobody expected the Glimmerstone affair to matter. \
         Official Kwon Jong Gun spoke. Kwon said no. Reporter Jason Kwon wrote it.",
        "Kremlin aide Yuri Ushakov said the talks would be short.",
    ])
}

#[test]
fn text_output_loads_as_a_gazetteer() {
    let s = sample();
    assert!(s.iter().any(|s| s.kind.is_none()));
    assert!(s.iter().any(|s| !s.anchored.is_empty()));
    let mut out = Vec::new();
    write_text(&s, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let g = Gazetteer::from_str("suggested.txt", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let typed: Vec<&Suggestion> = s.iter().filter(|s| s.kind.is_some()).collect();
    assert_eq!(g.len(), typed.len(), "{text}");
    for sug in typed {
        let e = g
            .entities()
            .iter()
            .find(|e| e.label == sug.label)
            .unwrap_or_else(|| panic!("{} missing:\n{text}", sug.label));
        assert_eq!(Some(e.kind.as_str()), sug.kind.as_deref());
        for a in &sug.anchored {
            assert!(e.aliases.iter().any(|x| &x.text == a && x.anchored), "{a}");
        }
        for a in &sug.aliases {
            assert!(e.aliases.iter().any(|x| &x.text == a && !x.anchored), "{a}");
        }
    }
    assert!(text.contains(
        "\n@type person\nYury Ushakov | Yuri Ushakov | Ushakov   # person (title `aide` before); \
         2 documents, 3 mentions; e.g. \"Kremlin aide Yury Ushakov said the date was set.\"\n"
    ), "{text}");
    assert!(
        text.contains("\n# Glimmerstone   # type unknown; 1 document, 1 mention;"),
        "{text}"
    );
    // And so does an empty list.
    let mut out = Vec::new();
    write_text(&[], &mut out).unwrap();
    Gazetteer::from_str("suggested.txt", std::str::from_utf8(&out).unwrap()).unwrap();
}

#[test]
fn jsonl_output() {
    let s = sample();
    let mut out = Vec::new();
    write_jsonl(&s, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), s.len());
    let u = &lines[0];
    assert_eq!(u["label"], "Yury Ushakov");
    assert_eq!(u["type"], "person");
    assert_eq!(u["cue"], "title `aide` before");
    assert_eq!(u["aliases"], serde_json::json!(["Yuri Ushakov", "Ushakov"]));
    assert_eq!(u["anchored"], serde_json::json!([]));
    assert_eq!(
        (u["documents"].as_u64(), u["mentions"].as_u64()),
        (Some(2), Some(3))
    );
    assert!(u["example"].as_str().unwrap().contains("Yury Ushakov"));
    let g = lines.iter().find(|l| l["label"] == "Glimmerstone").unwrap();
    assert!(g["type"].is_null());
}

#[test]
fn deterministic_and_order_independent_of_hashing() {
    let a = sample();
    for _ in 0..5 {
        assert_eq!(sample(), a);
    }
}

#[test]
fn odd_input_does_not_panic() {
    let g = Gazetteer::from_str("test.txt", GAZ).unwrap();
    let known = Known::new(&g);
    let texts = [
        "",
        " ",
        "ÉÉ Ångström Ørsted-Ça ÇA. «Élodie Ñuñez» dit: “Zoë d'Arcy’s”.",
        "Дмитрий Песков said. 北京 Beijing 東京. Ĳssel-Ŋorth O’Brien-",
        "U.S.A. J. R. Tolkien Mr. Dr. St. Kim's -- — – ‐ ‑ \u{2026} ...",
        "A\u{0301}b\u{0301} C\u{0301}d\u{0301} \u{FEFF}Zed Zed\r\nZed Zed\r\n",
        "al- al-Sham el- -Ramadi Rossiya-24 24-Rossiya X-based -based",
        "Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim",
    ];
    let mut collector = Collector::new();
    for text in texts {
        let seg = segment(text);
        // Mentions at every char boundary pair, some out of range (a span cannot be reversed).
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut mentions = Vec::new();
        for (k, &a) in bounds.iter().enumerate().step_by(3) {
            let b = bounds.get(k + 2).copied().unwrap_or(text.len() + 5);
            mentions.push(Mention {
                span: Span::new(a, b),
                entity: EntityId::new(k % 7),
                demonym: false,
                resolved: false,
                describes: None,
                team: false,
            });
        }
        mentions.push(Mention {
            span: Span::new(text.len() + 3, text.len() + 9),
            entity: EntityId::new(999),
            demonym: false,
            resolved: false,
            describes: None,
            team: false,
        });
        collector.add(candidates(text, &seg, &mentions, &known));
        collector.add(candidates(text, &seg, &[], &known));
        // Segments that do not fit the text are skipped.
        let bad = Segments {
            paragraphs: vec![Span::new(0, 999)],
            sentences: vec![Span::new(1, 999), Span::new(998, 1005)],
            sentence_paragraph: vec![0, 0],
        };
        collector.add(candidates(text, &bad, &mentions, &known));
    }
    let s = collector.finish(&SuggestOptions::default());
    let mut out = Vec::new();
    write_text(&s, &mut out).unwrap();
    Gazetteer::from_str("suggested.txt", std::str::from_utf8(&out).unwrap()).unwrap();
    write_jsonl(&s, &mut Vec::new()).unwrap();
}

/// A document on one long line costs about what the same text with line breaks does: the
/// kind of a word's line is not found by scanning back to the line's start for every word
/// (which made a 1 MB line take seconds and a 4 MB line minutes).
#[test]
fn a_long_single_line_gives_what_the_same_text_with_line_breaks_gives() {
    // Its speed (it was quadratic in the line's length) is measured by
    // `cargo bench --bench stages -- suggest`.
    let sentence =
        "Vladimir Putin met Kim Jong Un and Olga Ivanova of Gazprom Neft in Vladivostok. ";
    let n = 1_000_000 / sentence.len();
    let one_line = sentence.repeat(n);
    let broken = format!("{}\n", sentence.trim_end()).repeat(n);
    assert_eq!(labels(&run(&[&one_line])), labels(&run(&[&broken])));
}

#[test]
fn a_listed_given_name_first_says_person() {
    // Result lines give no title, no verb of speech: the given name is the cue.
    let s =
        run(&["Heat two: 1. Steven Halloway ( Jamaica ) 10.12 2. Marta Ollivier ( Chile ) 10.31"]);
    for name in ["Steven Halloway", "Marta Ollivier"] {
        let p = find(&s, name);
        assert_eq!(p.kind.as_deref(), Some("person"), "{name}");
        assert!(p.cue.starts_with("given name"), "{name}: {}", p.cue);
    }
    // A stronger cue is shown (and a head word wins).
    let s = run(&[
        "Envoy Steven Halloway came. Steven Halloway spoke. Steven Halloway left.",
        "Shares of Chase Halloway Bank rose.",
    ]);
    assert_eq!(find(&s, "Steven Halloway").cue, "title `Envoy` before");
    assert_eq!(
        find(&s, "Chase Halloway Bank").kind.as_deref(),
        Some("organization"),
        "{s:?}"
    );
    // `of` before a name is no title.
    let s = run(&["Shares of Westbury Halloway Bank rose."]);
    assert_eq!(find(&s, "Westbury Halloway Bank").cue, "head word `Bank`");
    // No cue from a given name that is an ordinary word, a particle, or a name of more
    // than three words or joined by `of`.
    let s = run(&[
        "Shares of Golden Harvest fell. Le Matin said little. Tickets for Summer of Lenworth \
         sold out, as did Robert Fenwick Ashby Leclair tickets.",
    ]);
    for name in [
        "Golden Harvest",
        "Le Matin",
        "Summer of Lenworth",
        "Robert Fenwick Ashby Leclair",
    ] {
        let p = find(&s, name);
        assert!(!p.cue.starts_with("given name"), "{name}: {}", p.cue);
    }
}

#[test]
fn a_place_in_brackets_after_a_name_says_athlete() {
    // Names whose given names no list knows, in a results table.
    let s = run(&[
        "Men's 800 metres:\n1. Tadeusz Wroblik ( Russia ) 1:44.10\n2. Oyelaran \
                   Ekwueme (Russia) 1:44.56\nAt The Oval ( Moscow ) the rain stopped play.",
    ]);
    for name in ["Tadeusz Wroblik", "Oyelaran Ekwueme"] {
        let p = find(&s, name);
        assert_eq!(p.kind.as_deref(), Some("person"), "{name}");
        assert_eq!(p.cue, "`(Russia)` after", "{name}");
    }
    // Not after a function word's run (`The Oval`), nor after one word.
    assert_eq!(find(&s, "Oval").kind, None);
}

#[test]
fn an_initial_and_a_surname_say_person() {
    // A scorecard: one initial and a surname, no title, no verb of speech.
    let s = run(&[
        "Tarrant 290 ( D. Goffley 61 , K. Pollick 4-38 )\nR. Oldenshaw run out 0\nU.S. \
         Brankworth fell. J. Crew sold well.",
    ]);
    for name in ["D. Goffley", "K. Pollick", "R. Oldenshaw"] {
        let p = find(&s, name);
        assert_eq!(p.kind.as_deref(), Some("person"), "{name}");
        assert_eq!(p.cue, format!("initial `{}.`", &name[..1]), "{name}");
    }
    // Two initials are no person; nor an initial before an ordinary word.
    let others: Vec<_> = s
        .iter()
        .filter(|p| p.label.contains("Brankworth") || p.label.contains("Crew"))
        .collect();
    assert!(!others.is_empty(), "{:?}", labels(&s));
    for p in others {
        assert!(!p.cue.starts_with("initial"), "{}: {}", p.label, p.cue);
    }
    // A compass initial before a known name is that name spelled short.
    let gaz = format!("{GAZ}North Korea\nSouth Africa\n");
    let s = run_with(
        &gaz,
        &["N. Korea urges S. Africa to talk. N. Tarrow said no."],
        &SuggestOptions::default(),
    );
    assert_eq!(labels(&s), ["N. Tarrow"], "{s:?}");
}

#[test]
fn weak_words_before_a_name_type_nothing() {
    let s = run(&[
        "It was her first Harbury Slam title. Rowan Ekdahl, the former Gorlan Crown holder, \
         starred in Finding Tessaly and lives in Wexcombe. She watched it on TV. The late \
         Amos Brindle sang.",
    ]);
    // A lower-case modifier of a title right before a name says nothing of it.
    for name in ["Harbury Slam", "Gorlan Crown"] {
        let p = find(&s, name);
        assert_ne!(p.kind.as_deref(), Some("person"), "{name}: {}", p.cue);
    }
    // `the late` is a person.
    assert_eq!(find(&s, "Amos Brindle").cue, "title `late` before");
    // `in` before one word is a place; before several it says nothing.
    assert_eq!(find(&s, "Wexcombe").kind.as_deref(), Some("place"));
    assert_eq!(find(&s, "Finding Tessaly").kind, None);
    // A head word alone is no name of a kind.
    assert_eq!(find(&s, "TV").kind, None);
}

#[test]
fn a_title_before_says_less_than_the_names_own_organization_head() {
    let s = run(&[
        "A spokesperson Harbury Police Department said nothing. He met the Chancellor of \
         the Wexcheq. Mr Keith Marrow Hill arrived.",
    ]);
    assert_eq!(
        find(&s, "Harbury Police Department").kind.as_deref(),
        Some("organization")
    );
    // What a title is of is no person.
    assert_eq!(find(&s, "Wexcheq").kind, None);
    // A place head word is often a surname: the title still speaks (and ties with it).
    assert_ne!(find(&s, "Keith Marrow Hill").kind.as_deref(), Some("place"));
}

#[test]
fn a_score_in_a_line_of_results_says_team() {
    let text = "Welsh rugby union results on Saturday :\n\
        Bridgend 13 Llanelli 9\n\
        Treorchy 17 Newbridge 23 ( halftime 10-6 )\n\
        Standings ( tabulated under played , won , lost , points ) :\n\
        Newbridge 4 3 1 0 9\n\
        Golf leaders after four rounds :\n\
        Ernie Els 68 69 70 72 279\n\
        Cricket scorecard :\n\
        Saqlain Mushtaq b Hollioake 13\n\
        Extras ( lb-4 ) 4 , Total 185 for Treorchy fans .\n";
    let s = run(&[text]);
    for team in ["Bridgend", "Llanelli", "Treorchy", "Newbridge"] {
        let t = find(&s, team);
        assert_eq!(t.kind.as_deref(), Some("organization"), "{team}: {t:?}");
        assert_eq!(t.cue, "its score in a line of results");
    }
    // A golfer's rounds are no standings: the given name decides.
    assert_eq!(find(&s, "Ernie Els").kind.as_deref(), Some("person"));
    // A batsman's score on a scorecard line says nothing of a team.
    assert_ne!(
        find(&s, "Saqlain Mushtaq").kind.as_deref(),
        Some("organization")
    );
}

#[test]
fn team_names_end_where_a_score_line_or_standings_row_says() {
    use super::cues::team_name_ends;
    let ends = |l: &str| team_name_ends(l).to_vec();
    assert_eq!(ends("Sale 31 Wasps 33"), [4, 13]);
    assert_eq!(ends("Notts County 0 York 1 ( halftime 0-0 )"), [12, 19]);
    assert_eq!(ends("CLEVELAND 80 54 .597 -"), [9]);
    assert_eq!(ends("Bolton 3 2 1 0 5 2 7"), [6]);
    // Golf rounds, a scorecard, prose, a score line followed by words.
    assert!(ends("Ernie Els 68 69 70 72 279").is_empty());
    assert!(ends("Saqlain Mushtaq b Hollioake 13").is_empty());
    assert!(ends("Russia sent 3 ships and 200 men").is_empty());
    assert!(ends("Sale 31 Wasps 33 after extra time").is_empty());
}

#[test]
fn a_frequent_given_name_that_is_a_word_opens_a_person_s_name() {
    let s = run(&[
        "The scores were level when Mark Waugh and Frank Bruno arrived. \
        The Noble Antony went on stage, and Frank Talk was the name of the band.",
    ]);
    for person in ["Mark Waugh", "Frank Bruno"] {
        let p = find(&s, person);
        assert_eq!(p.kind.as_deref(), Some("person"), "{p:?}");
        assert!(p.cue.starts_with("given name"), "{p:?}");
    }
    // A rare given name that is an ordinary word (`Noble`), or a frequent one before an
    // ordinary word (`Frank Talk`), says nothing.
    for other in ["Noble Antony", "Frank Talk"] {
        assert_eq!(find(&s, other).kind, None, "{other}");
    }
}

#[test]
fn a_role_before_a_name_is_a_title_to_the_name_finder() {
    let s = run(&[
        "The national coach Berti Vogts named his squad, said broker Shakil \
        Rizvi, and the actress Emma Lindqvist-Oduya agreed.",
    ]);
    for (person, role) in [
        ("Berti Vogts", "coach"),
        ("Shakil Rizvi", "broker"),
        ("Emma Lindqvist-Oduya", "actress"),
    ] {
        let p = find(&s, person);
        assert_eq!(p.kind.as_deref(), Some("person"), "{p:?}");
        assert_eq!(p.cue, format!("title `{role}` before"), "{p:?}");
    }
}

#[test]
fn what_a_name_has_says_company_or_person() {
    let s = run(&[
        "Shares in Velmora rose after Velmora's profits beat forecasts. \
        Analysts said Velmora's chairman would stay. Ilse Brandvold's husband and \
        Brandvold's lawyer were not in court.",
    ]);
    let company = find(&s, "Velmora");
    assert_eq!(company.kind.as_deref(), Some("organization"), "{company:?}");
    assert!(company.cue.starts_with("`'s "), "{company:?}");
    let person = find(&s, "Ilse Brandvold");
    assert_eq!(person.kind.as_deref(), Some("person"), "{person:?}");
}

#[test]
fn a_title_of_a_name_and_a_person_of_a_firm() {
    let s = run(&[
        "\"It was a good year,\" said Kaz Hirai, president of Velmora Entertainment \
        America. Sales rose, said economist Gary Thayer of Brandvold Securities, and \
        critic Jamie Graham of Total Fylm agreed.",
    ]);
    // The title before `of` is a title of the company, not its holder's.
    for firm in [
        "Velmora Entertainment America",
        "Brandvold Securities",
        "Total Fylm",
    ] {
        assert_ne!(find(&s, firm).kind.as_deref(), Some("person"), "{firm}");
    }
    // A person's name ends before `of`: the person and the firm are two names.
    let graham = find(&s, "Jamie Graham");
    assert_eq!(graham.kind.as_deref(), Some("person"), "{graham:?}");
    assert!(
        !labels(&s).iter().any(|l| l.contains(" of ")),
        "{:?}",
        labels(&s)
    );
}

#[test]
fn verbs_of_speech_alone_do_not_make_a_one_word_person() {
    let s = run(&[
        "Velmora said its profits rose. \"We are pleased,\" Velmora said. \
        \"It was hard,\" said Ilse Brandvold. Brandvold said she would stay.",
    ]);
    // A company that speaks is no person; a person named in full is.
    assert_eq!(find(&s, "Velmora").kind, None);
    let person = find(&s, "Ilse Brandvold");
    assert_eq!(person.kind.as_deref(), Some("person"), "{person:?}");
    assert!(
        person.aliases.iter().any(|a| a == "Brandvold")
            || person.anchored.iter().any(|a| a == "Brandvold"),
        "{person:?}"
    );
}

#[test]
fn events_prizes_and_shows_get_no_type() {
    let s = run(&[
        "The novelist won the Brandvold Prize at the Velmora Film Festival. \
        \"It is an honour,\" said Ilse Brandvold, who also hosts The Ilse Brandvold Show.",
    ]);
    for event in [
        "Brandvold Prize",
        "Velmora Film Festival",
        "Ilse Brandvold Show",
    ] {
        assert_eq!(find(&s, event).kind, None, "{event}");
    }
    assert_eq!(find(&s, "Ilse Brandvold").kind.as_deref(), Some("person"));
}

#[test]
fn a_title_before_a_party_and_a_title_is_the_person_s() {
    let s = run(&[
        "Former Velmoran Democrat MP Ilse Brandvold spoke first. The editor, \
        Velmoran Democrat MP Jonas Brandvold, spoke next.",
    ]);
    assert_ne!(
        find(&s, "Velmoran Democrat").kind.as_deref(),
        Some("person")
    );
    for person in ["Ilse Brandvold", "Jonas Brandvold"] {
        assert_eq!(find(&s, person).kind.as_deref(), Some("person"), "{person}");
    }
}

#[test]
fn an_office_is_no_person() {
    let s = run(&[
        "\"We will act,\" said Velmoran Secretary. The plan was backed by \
        Velmoran Secretary, and Frank Brandvold MP said he agreed.",
    ]);
    assert_eq!(find(&s, "Velmoran Secretary").kind, None);
    assert_eq!(
        find(&s, "Frank Brandvold MP").kind.as_deref(),
        Some("person")
    );
}

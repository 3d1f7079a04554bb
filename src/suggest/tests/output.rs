//! Ranking, the minimum count and limit, examples, the text and JSON Lines writers, and
//! odd input.

use super::*;
use crate::model::{EntityId, Mention, Segments, Span};
use crate::suggest::snippet::SNIPPET_WIDTH;

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
fn the_label_is_written_in_ordinary_case_where_the_corpus_does_so() {
    let s = run(&[
        "KHASAVYURT , Russia 1996-08-30\nTalks opened .",
        "KHASAVYURT , Russia 1996-08-31\nTalks in Khasavyurt went on , said envoy Ilse \
         Brandvold of NATO .",
        "Envoy Ilse Brandvold of NATO and Nato officials met . NATO said so .",
    ]);
    let place = find(&s, "Khasavyurt");
    assert_eq!(place.kind.as_deref(), Some("place"));
    assert_eq!(place.mentions, 3);
    // An acronym keeps the spelling the corpus writes most.
    assert!(labels(&s).contains(&"NATO"), "{:?}", labels(&s));
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

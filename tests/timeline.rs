//! Dated documents: where dates come from, first and last seen, counts per period (days,
//! ISO weeks, months), `--since`/`--until`, undated and badly dated documents, and the
//! dynamic GEXF read back by networkx with its spells.

use std::collections::BTreeMap;
use std::process::Command;

use serde_json::Value;

use crate::common::*;

const GAZ: &str = "@type person\nAnna Berg\nBoris Cole\nCarl Diaz\n";

/// Documents dated every way: JSON Lines fields (a date, date-times with offsets), a header,
/// front matter, a file name; one undated, one badly dated.
fn corpus() -> tempfile::TempDir {
    let lines = [
        r#"{"id": "a", "date": "2020-12-31", "text": "Anna Berg met Boris Cole."}"#,
        // 23:30 in New York on 31 December is 1 January in UTC.
        r#"{"id": "b", "date": "2020-12-31T23:30:00-05:00", "text": "Anna Berg met Boris Cole again."}"#,
        // 08:00 in Seoul on 4 January is 3 January in UTC: the last day of 2020-W53.
        r#"{"id": "c", "date": "2021-01-04T08:00:00+09:00", "text": "Boris Cole saw Carl Diaz."}"#,
        r#"{"id": "d", "date": "2021-01-04", "text": "Anna Berg and Carl Diaz spoke."}"#,
        r#"{"id": "e", "date": "yesterday", "text": "Anna Berg, Boris Cole and Carl Diaz."}"#,
        r#"{"id": "f", "text": "Boris Cole and Carl Diaz, undated."}"#,
    ];
    temp_files(&[
        ("g.txt", GAZ),
        ("news/wire.jsonl", &(lines.join("\n") + "\n")),
        ("news/2021-02-01-named.txt", "Anna Berg met Carl Diaz."),
        (
            "news/headed.txt",
            "A headline\n\nDate: 2021-02-15\n\nBoris Cole met Anna Berg.",
        ),
        (
            "news/front.md",
            "---\ntitle: x\ndate: \"2021-03-01T10:00:00Z\"\n---\nAnna Berg met Boris Cole.",
        ),
    ])
}

fn build(dir: &std::path::Path, extra: &[&str]) -> (Value, String) {
    let err = build_own(dir, "news", "g.txt", extra);
    let json = serde_json::from_str(&std::fs::read_to_string(dir.join("out/graph.json")).unwrap());
    (json.unwrap(), err)
}

fn link<'a>(g: &'a Value, a: &str, b: &str) -> &'a Value {
    let links = g["links"].as_array().unwrap();
    links
        .iter()
        .find(|l| l["source"] == a && l["target"] == b)
        .unwrap_or_else(|| panic!("no link {a} {b}"))
}

fn node<'a>(g: &'a Value, id: &str) -> &'a Value {
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["id"] == id)
        .unwrap()
}

fn periods(v: &Value) -> BTreeMap<String, u64> {
    v["periods"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, n)| (k.clone(), n.as_u64().unwrap()))
        .collect()
}

fn map(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    pairs.iter().map(|&(k, n)| (k.to_string(), n)).collect()
}

#[test]
fn first_and_last_seen_and_counts_per_period() {
    let dir = corpus();
    let (g, err) = build(dir.path(), &["--period", "day"]);
    // Every source, and the bad date reported at its file and line.
    assert!(
        err.contains("dated 4 by their date field, 2 by a header, 1 by their file name"),
        "{err}"
    );
    assert!(
        err.contains("wire.jsonl:5: the `date` field's date `yesterday` is not a date"),
        "{err}"
    );
    assert!(
        err.contains("dates: 2020-12-31 to 2021-03-01; timelines counted by day"),
        "{err}"
    );
    assert_eq!(g["graph"]["schema_version"], 2);
    assert_eq!(g["graph"]["period"], "day");
    let ab = link(&g, "person:anna-berg", "person:boris-cole");
    assert_eq!(
        (&ab["first_seen"], &ab["last_seen"]),
        (&"2020-12-31".into(), &"2021-03-01".into())
    );
    assert_eq!(
        periods(ab),
        map(&[
            ("2020-12-31", 1),
            ("2021-01-01", 1),
            ("2021-02-15", 1),
            ("2021-03-01", 1)
        ])
    );
    // The undated and badly dated documents count, but in no period.
    assert_eq!(ab["count"], 5);
    let bc = link(&g, "person:boris-cole", "person:carl-diaz");
    assert_eq!(periods(bc), map(&[("2021-01-03", 1)]));
    assert_eq!(bc["count"], 3);
    // An entity's mentions per period; citations carry their document's date.
    assert_eq!(
        periods(node(&g, "person:carl-diaz")).values().sum::<u64>(),
        3
    );
    let dates: Vec<&Value> = ab["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["date"])
        .collect();
    assert!(dates.contains(&&Value::from("2020-12-31")), "{dates:?}");

    // ISO weeks: 31 December 2020 to 3 January 2021 are in week 53 of 2020.
    let (g, _) = build(dir.path(), &["--period", "week"]);
    assert_eq!(
        periods(link(&g, "person:anna-berg", "person:boris-cole")),
        map(&[("2020-W53", 2), ("2021-W07", 1), ("2021-W09", 1)])
    );
    assert_eq!(
        periods(link(&g, "person:boris-cole", "person:carl-diaz")),
        map(&[("2020-W53", 1)])
    );
    assert_eq!(
        periods(link(&g, "person:anna-berg", "person:carl-diaz")),
        map(&[("2021-W01", 1), ("2021-W05", 1)])
    );
    let (g, _) = build(dir.path(), &["--period", "month"]);
    assert_eq!(
        periods(link(&g, "person:anna-berg", "person:boris-cole")),
        map(&[
            ("2020-12", 1),
            ("2021-01", 1),
            ("2021-02", 1),
            ("2021-03", 1)
        ])
    );
    // auto: the dates span two months, so weeks.
    let (g, _) = build(dir.path(), &[]);
    assert_eq!(g["graph"]["period"], "week");
}

#[test]
fn since_and_until_keep_the_dated_documents_between_both_ends_included() {
    let dir = corpus();
    let (g, err) = build(
        dir.path(),
        &["--since", "2021-01-01", "--until", "2021-02-15"],
    );
    // In: b (1 January in UTC), c, d, named, headed. Out: a, front, and the undated e, f.
    assert!(err.contains("5 documents,"), "{err}");
    assert!(
        err.contains("4 documents outside --since/--until skipped"),
        "{err}"
    );
    assert_eq!(g["graph"]["first_seen"], "2021-01-01");
    assert_eq!(g["graph"]["last_seen"], "2021-02-15");
    assert_eq!(
        link(&g, "person:anna-berg", "person:boris-cole")["count"],
        2
    );
    // A range that keeps nothing says so, and writes nothing.
    let o = entgraph(&[
        "build",
        s(&dir.path().join("news")),
        "--no-default-gazetteers",
        "-g",
        s(&dir.path().join("g.txt")),
        "-o",
        s(&dir.path().join("none")),
        "--since",
        "2030-01-01",
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no document is dated within --since/--until (9 outside)"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.path().join("none").exists());
    // A bad date on the command line is refused.
    let o = entgraph(&["build", "samples/", "--since", "2021-02-30"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("`2021-02-30` is not a date (YYYY-MM-DD)"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn undated_corpora_are_written_as_before() {
    let dir = corpus();
    let (g, err) = build(dir.path(), &["--dates", "none"]);
    assert_eq!(g["graph"]["schema_version"], 1);
    assert!(g["graph"].get("period").is_none() && !err.contains("dated"));
    for n in g["nodes"].as_array().unwrap() {
        assert!(n.get("first_seen").is_none() && n.get("periods").is_none());
    }
    let out = dir.path().join("out");
    let o = entgraph(&[
        "build",
        s(&dir.path().join("news")),
        "--no-default-gazetteers",
        "-g",
        s(&dir.path().join("g.txt")),
        "-o",
        s(&out),
        "--dates",
        "none",
        "--format",
        "gexf,csv",
    ]);
    assert!(o.status.success());
    let gexf = std::fs::read_to_string(out.join("graph.gexf")).unwrap();
    assert!(gexf.contains("mode=\"static\"") && !gexf.contains("<spells>"));
    let header = std::fs::read_to_string(out.join("edges.csv")).unwrap();
    assert!(!header.lines().next().unwrap().contains("first_seen"));
}

/// The samples are dated by their file names and the wire briefs' `date` field: the Kim
/// Jong Un–Vladimir Putin link's days are those of the sentences that name both, counted
/// here from `extract`'s mentions.
#[test]
fn the_samples_timeline_matches_the_sentences_that_name_both() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = entgraph(&[
        "build",
        "samples/",
        "-g",
        "korea-russia-2019",
        "-o",
        s(&out),
        "--period",
        "day",
        "--format",
        "json,gexf",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let g: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    let got = link(&g, "person:kim-jong-un", "person:vladimir-putin");

    // The same from extract: sentences naming both, by their document's date.
    let mut brief_dates = BTreeMap::new();
    for line in std::fs::read_to_string(root().join("samples/wire-briefs.jsonl"))
        .unwrap()
        .lines()
    {
        let v: Value = serde_json::from_str(line).unwrap();
        brief_dates.insert(
            v["id"].as_str().unwrap().to_string(),
            v["date"].as_str().unwrap().to_string(),
        );
    }
    let o = entgraph(&["extract", "samples/", "-g", "korea-russia-2019", "-q"]);
    let mut sentences: BTreeMap<(String, u64), Vec<String>> = BTreeMap::new();
    for m in json_lines(&stdout(&o)) {
        if m.get("describes").is_some() || m.get("team").is_some() {
            continue;
        }
        let key = (
            m["doc"].as_str().unwrap().to_string(),
            m["sentence"].as_u64().unwrap(),
        );
        sentences
            .entry(key)
            .or_default()
            .push(m["entity"].as_str().unwrap().to_string());
    }
    let mut want: BTreeMap<String, u64> = BTreeMap::new();
    for ((doc, _), entities) in &sentences {
        let both = ["person:kim-jong-un", "person:vladimir-putin"]
            .iter()
            .all(|e| entities.iter().any(|x| x == e));
        if both {
            let date = match brief_dates.get(doc) {
                Some(d) => d.clone(),
                None => doc.trim_start_matches("samples/")[..10].to_string(),
            };
            *want.entry(date).or_default() += 1;
        }
    }
    assert_eq!(periods(got), want);
    assert_eq!(got["first_seen"], *want.keys().next().unwrap());
    assert_eq!(got["last_seen"], *want.keys().next_back().unwrap());
    assert_eq!(got["count"].as_u64().unwrap(), want.values().sum::<u64>());

    // networkx reads the dynamic GEXF with one spell per day of the link.
    if !have("python3", &["-c", "import networkx"]) {
        return;
    }
    let script = r#"
import json, sys, networkx as nx
g = nx.read_gexf(sys.argv[1], version="1.3")
print(json.dumps({"mode": g.graph.get("mode"), "spells": g.edges["person:kim-jong-un", "person:vladimir-putin"]["spells"]}))
"#;
    let o = Command::new("python3")
        .args(["-c", script, s(&out.join("graph.gexf"))])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let seen: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(seen["mode"], "dynamic");
    let spells: Vec<String> = seen["spells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            assert_eq!(s[0], s[1], "a day's spell starts and ends on it");
            s[0].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(spells, want.keys().cloned().collect::<Vec<_>>());
}

#[test]
fn one_graph_per_period_with_stable_positions_and_changes() {
    let dir = corpus();
    let (whole, err) = build(
        dir.path(),
        &["--by-period", "month", "--format", "json,cytoscape"],
    );
    assert!(err.contains("periods: 4 graphs by month"), "{err}");
    let out = dir.path().join("out");
    let index: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("periods.json")).unwrap()).unwrap();
    let names: Vec<&str> = index["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["2020-12", "2021-01", "2021-02", "2021-03"]);
    let jan = &index["periods"][1];
    assert_eq!(
        (&jan["first"], &jan["last"]),
        (&"2021-01-01".into(), &"2021-01-31".into())
    );
    assert_eq!(jan["documents"], 3);
    let pairs = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| {
                format!(
                    "{}-{} {}>{}",
                    c["source"], c["target"], c["before"], c["after"]
                )
            })
            .map(|s| s.replace("\"person:", "").replace('"', ""))
            .collect()
    };
    assert_eq!(
        pairs(&jan["changes"]["appeared"]),
        ["anna-berg-carl-diaz 0>1", "boris-cole-carl-diaz 0>1"]
    );
    assert!(pairs(&jan["changes"]["grew"]).is_empty());
    assert_eq!(
        pairs(&index["periods"][2]["changes"]["disappeared"]),
        ["boris-cole-carl-diaz 1>0"]
    );
    // Each period's graph counts its documents only; the dated ones add up to the whole's
    // timeline.
    let ab = link(&whole, "person:anna-berg", "person:boris-cole");
    let mut sum = 0;
    let mut positions: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    let place = |cyjs: &Value, id: &str| {
        cyjs["elements"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["data"]["id"] == id)
            .map(|n| {
                (
                    n["position"]["x"].as_f64().unwrap(),
                    n["position"]["y"].as_f64().unwrap(),
                )
            })
    };
    let whole_cyjs: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("graph.cyjs")).unwrap()).unwrap();
    for name in &names {
        let dir = out.join(name);
        let g: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("graph.json")).unwrap())
                .unwrap();
        if let Some(l) = g["links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["source"] == "person:anna-berg" && l["target"] == "person:boris-cole")
        {
            sum += l["count"].as_u64().unwrap();
        }
        let cyjs: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("graph.cyjs")).unwrap())
                .unwrap();
        // A node stands where it stands in the whole graph, in every period.
        for id in ["person:anna-berg", "person:boris-cole", "person:carl-diaz"] {
            if let Some(p) = place(&cyjs, id) {
                assert_eq!(Some(p), place(&whole_cyjs, id), "{name} {id}");
                positions.insert(id.to_string(), p);
            }
        }
    }
    assert_eq!(sum, periods(ab).values().sum::<u64>());
    assert_eq!(positions.len(), 3);
}

//! End to end on the five real example articles in `../shared/seeds/` (skipped when absent).

use std::collections::{BTreeMap, BTreeSet};

use crate::common::*;

/// Mentions as (document file name, matched text, entity label), in order.
fn extract(extra: &[&str]) -> Option<(Vec<serde_json::Value>, Vec<std::path::PathBuf>)> {
    let files = seeds()?;
    let mut args: Vec<&str> = vec!["extract", "-q"];
    args.extend(files.iter().map(|p| s(p)));
    args.extend_from_slice(extra);
    let o = entgraph(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    Some((json_lines(&stdout(&o)), files))
}

fn file_name(v: &serde_json::Value) -> String {
    v["doc"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string()
}

fn has(mentions: &[serde_json::Value], doc_prefix: &str, text: &str, label: &str) -> bool {
    mentions
        .iter()
        .any(|m| file_name(m).starts_with(doc_prefix) && m["text"] == text && m["label"] == label)
}

#[test]
fn the_mentions_a_careful_reader_marks() {
    let Some((m, files)) = extract(&["-g", "korea-russia-2019"]) else {
        return;
    };
    let must = [
        ("000", "Putin", "Vladimir Putin"), // inside the typo `Vladmir Putin`
        ("000", "Kim", "Kim Jong Un"),
        (
            "000",
            "Korean Central News Agency",
            "Korean Central News Agency",
        ),
        ("000", "RIA-Novosti", "RIA Novosti"),
        ("000", "TASS", "TASS"),
        ("000", "Yury Ushakov", "Yury Ushakov"),
        ("000", "Bruce Bechtol", "Bruce Bechtol"),
        ("001", "Kim Jong-un", "Kim Jong Un"),
        ("001", "Kim Jong-il", "Kim Jong Il"),
        ("001", "Kim Il-sung", "Kim Il Sung"),
        ("001", "Yuri Ushakov", "Yury Ushakov"),
        ("001", "Russky island", "Russky Island"),
        (
            "002",
            "Far Eastern Federal University",
            "Far Eastern Federal University",
        ),
        ("002", "Kim Chang Son", "Kim Chang Son"),
        ("002", "KCNA", "Korean Central News Agency"),
        ("002", "Yonhap", "Yonhap"),
        ("002", "NK News", "NK News"),
        ("003", "Russky Island", "Russky Island"),
        ("003", "Kim Jong Il", "Kim Jong Il"),
        ("003", "Stephen Biegun", "Stephen Biegun"),
        ("003", "Sergei Lavrov", "Sergei Lavrov"),
        (
            "004",
            "Far Eastern Federal University",
            "Far Eastern Federal University",
        ),
        ("004", "Tass", "TASS"),
        ("004", "Ken Gause", "Ken Gause"),
    ];
    let missing: Vec<_> = must.iter().filter(|(d, t, l)| !has(&m, d, t, l)).collect();
    assert!(missing.is_empty(), "not found: {missing:?}");
    // `Kim` alone always means Kim Jong Un in these articles except where the text says
    // otherwise; nothing matches inside `Koreans`/`Koreas`, and spans are the text.
    for x in &m {
        let doc =
            std::fs::read_to_string(files.iter().find(|f| f.ends_with(file_name(x))).unwrap())
                .unwrap();
        let (a, b) = (
            x["start"].as_u64().unwrap() as usize,
            x["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&doc[a..b], x["text"].as_str().unwrap());
        let next = doc[b..].chars().next();
        assert!(
            !next.is_some_and(char::is_alphanumeric),
            "mention {x} ends inside a word"
        );
    }
    let kims: BTreeMap<String, BTreeSet<String>> =
        m.iter()
            .filter(|x| x["text"] == "Kim")
            .fold(BTreeMap::new(), |mut acc, x| {
                acc.entry(file_name(x))
                    .or_default()
                    .insert(x["label"].as_str().unwrap().to_string());
                acc
            });
    for d in ["000", "002", "003", "004"] {
        let (_, labels) = kims
            .iter()
            .find(|(k, _)| k.starts_with(d))
            .expect("bare Kim in each article");
        assert_eq!(labels.iter().collect::<Vec<_>>(), ["Kim Jong Un"], "{d}");
    }
}

#[test]
fn heaviest_edge_is_kim_and_putin_and_vladivostok_is_a_strong_neighbour() {
    let Some(files) = seeds() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut args: Vec<&str> = vec![
        "build",
        "-q",
        "-g",
        "korea-russia-2019",
        "-o",
        s(dir.path()),
    ];
    args.extend(files.iter().map(|p| s(p)));
    let o = entgraph(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("graph.json")).unwrap())
            .unwrap();
    let links = json["links"].as_array().unwrap();
    let heaviest = links
        .iter()
        .max_by_key(|l| l["count"].as_u64().unwrap())
        .unwrap();
    let pair = [
        heaviest["source"].as_str().unwrap(),
        heaviest["target"].as_str().unwrap(),
    ];
    assert_eq!(pair, ["person:kim-jong-un", "person:vladimir-putin"]);
    let putin = "person:vladimir-putin";
    let mut neighbours: Vec<(u64, &str)> = links
        .iter()
        .filter_map(|l| {
            let (a, b) = (l["source"].as_str().unwrap(), l["target"].as_str().unwrap());
            let other = if a == putin {
                b
            } else if b == putin {
                a
            } else {
                return None;
            };
            Some((l["count"].as_u64().unwrap(), other))
        })
        .collect();
    neighbours.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let top: Vec<&str> = neighbours.iter().take(4).map(|n| n.1).collect();
    assert!(
        top.contains(&"place:vladivostok"),
        "Putin's strongest neighbours: {neighbours:?}"
    );
}

#[test]
fn the_world_pack_alone_finds_the_world_level_names() {
    let Some((m, _)) = extract(&[]) else { return };
    let must = [
        ("000", "Moscow", "Moscow"),
        ("000", "CNN", "CNN"),
        ("000", "Russia", "Russia"),
        ("000", "North Korea", "North Korea"),
        ("000", "China", "China"),
        ("000", "United States", "United States"),
        ("000", "US", "United States"),
        ("000", "Hanoi", "Hanoi"),
        ("000", "Mike Pompeo", "Mike Pompeo"),
        ("000", "Soviet Union", "Soviet Union"),
        ("000", "London", "London"),
        ("000", "Vladivostok", "Vladivostok"),
        ("000", "TASS", "TASS"),
        (
            "000",
            "Korean Central News Agency",
            "Korean Central News Agency",
        ),
        ("001", "Kremlin", "Kremlin"),
        ("001", "Korean Peninsula", "Korean Peninsula"),
        ("001", "Beijing", "Beijing"),
        ("001", "Xi Jinping", "Xi Jinping"),
        ("001", "Moon Jae-in", "Moon Jae-in"),
        ("001", "Donald Trump", "Donald Trump"),
        ("001", "Vietnam", "Vietnam"),
        ("001", "Pyongyang", "Pyongyang"),
        ("001", "Seoul", "Seoul"),
        ("001", "USSR", "Soviet Union"),
        ("001", "Dmitry Medvedev", "Dmitry Medvedev"),
        ("002", "Reuters", "Reuters"),
        ("002", "AFP", "Agence France-Presse"),
        ("002", "Japan", "Japan"),
        ("002", "Yonhap", "Yonhap"),
        ("003", "Ukraine", "Ukraine"),
        ("003", "Sergei Lavrov", "Sergei Lavrov"),
        ("003", "Dimitry Medvedev", "Dmitry Medvedev"),
        ("003", "BBC", "BBC"),
        ("003", "AP", "Associated Press"),
        ("003", "U.S.", "United States"),
        ("003", "Rossiya-24", "Rossiya 24"),
        ("004", "Primorsky Territory", "Primorsky Krai"),
        ("004", "DPRK", "North Korea"),
        ("004", "UN", "United Nations"),
        ("004", "Asia", "Asia"),
    ];
    let missing: Vec<_> = must.iter().filter(|(d, t, l)| !has(&m, d, t, l)).collect();
    assert!(missing.is_empty(), "not found: {missing:?}");
}

#[test]
fn with_the_topic_pack_exactly_the_reviewed_mentions_are_found() {
    let Some((m, _)) = extract(&["-g", "korea-russia-2019"]) else {
        return;
    };
    let gold_text = std::fs::read_to_string(root().join("tests/fixtures/seeds-gold.tsv")).unwrap();
    let mut gold: BTreeMap<(String, String, String), u64> = BTreeMap::new();
    for line in gold_text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let key = (f[0].to_string(), f[1].to_string(), f[2].to_string());
        gold.insert(key, f[3].parse().unwrap());
    }
    let mut got: BTreeMap<(String, String, String), u64> = BTreeMap::new();
    for x in &m {
        let key = (
            file_name(x)[..3].to_string(),
            x["text"].as_str().unwrap().to_string(),
            x["entity"].as_str().unwrap().to_string(),
        );
        *got.entry(key).or_default() += 1;
    }
    type Counts = BTreeMap<(String, String, String), u64>;
    let diff = |a: &Counts, b: &Counts| -> Vec<String> {
        a.iter()
            .filter(|(k, n)| b.get(*k) != Some(n))
            .map(|((d, t, e), n)| {
                format!(
                    "{d} {t:?} -> {e} x{n} (other side: {:?})",
                    b.get(&(d.clone(), t.clone(), e.clone()))
                )
            })
            .collect()
    };
    let missing = diff(&gold, &got);
    let extra = diff(&got, &gold);
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing: {missing:#?}\nextra: {extra:#?}"
    );
}

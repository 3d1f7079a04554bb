//! `--discover`: the names no gazetteer lists join the graph, one entity each, on articles
//! written here and on the real example articles.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::*;

/// Three short stories about people and a body no pack lists.
const STORIES: &[(&str, &str)] = &[
    (
        "news/a.txt",
        "Fisheries row deepens\n\nEdwina Thornbury, the fisheries minister, visited the harbour \
         at Grimsby on Monday. Ms Thornbury said the Coastal Quota Authority (CQA) had failed \
         the fleet. Thornbury's plan was welcomed by Galvin Oduya, a trawler owner. \"We need \
         action,\" said Mr Oduya.\n\nThe CQA said it would respond.\n",
    ),
    (
        "news/b.txt",
        "Quota talks\n\nThe Coastal Quota Authority rejected the criticism on Tuesday. Edwina \
         Thornbury met Lionel Garrick, a Hull councillor, and his sister Maude Garrick, a \
         harbour pilot. Maude Garrick said the pilots backed the minister. Garrick added that \
         Vladimir Putin had nothing to do with it.\n",
    ),
    (
        "news/c.txt",
        "Minister speaks\n\nEdwina Thornbury told reporters in Grimsby that talks would go on. \
         Thornbury said Galvin Oduya and the Coastal Quota Authority would meet again. \
         President Vladmir Putin sent no message.\n",
    ),
];

/// (text, entity id) of every mention `extract --discover` finds in `dir`.
fn discovered_in(dir: &std::path::Path, extra: &[&str]) -> (Vec<serde_json::Value>, String) {
    let mut args = vec!["extract", s(dir), "--discover"];
    args.extend_from_slice(extra);
    let o = entgraph(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    (json_lines(&stdout(&o)), stderr(&o))
}

/// The entities each surface text was given, by text.
fn ids_by_text(mentions: &[serde_json::Value]) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in mentions {
        out.entry(m["text"].as_str().unwrap().to_string())
            .or_default()
            .insert(m["entity"].as_str().unwrap().to_string());
    }
    out
}

#[test]
fn one_entity_for_each_person_however_named() {
    let dir = temp_files(STORIES);
    let (m, err) = discovered_in(&dir.path().join("news"), &[]);
    let ids = ids_by_text(&m);
    let thornbury = "discovered:person:edwina-thornbury";
    // Full name, surname, title and surname, possessive: one entity.
    for text in ["Edwina Thornbury", "Thornbury"] {
        assert_eq!(
            ids.get(text).map(|s| s.iter().cloned().collect::<Vec<_>>()),
            Some(vec![thornbury.to_string()]),
            "{text}: {ids:#?}"
        );
    }
    let count = |id: &str| m.iter().filter(|x| x["entity"] == id).count();
    // a: full, Ms, possessive; b: full; c: full, bare.
    assert_eq!(count(thornbury), 6, "{ids:#?}");
    assert_eq!(ids["Galvin Oduya"].len(), 1);
    assert_eq!(
        ids["Oduya"], ids["Galvin Oduya"],
        "`Mr Oduya` is Galvin Oduya"
    );
    // An acronym and its expansion: one entity.
    assert_eq!(ids["CQA"], ids["Coastal Quota Authority"], "{ids:#?}");
    assert!(ids["CQA"]
        .iter()
        .all(|id| id.starts_with("discovered:organization:")));
    // Two people who share a surname stay apart; the bare surname goes to the one named
    // last before it.
    let (lionel, maude) = (&ids["Lionel Garrick"], &ids["Maude Garrick"]);
    assert_ne!(lionel, maude);
    assert_eq!(&ids["Garrick"], maude, "{ids:#?}");
    // A listed name is the listed entity, never a discovered twin.
    assert_eq!(
        ids["Vladimir Putin"].iter().next().unwrap(),
        "person:vladimir-putin"
    );
    assert!(!m
        .iter()
        .any(|x| x["entity"].as_str().unwrap().contains("putin")
            && x["entity"].as_str().unwrap().starts_with("discovered:")));
    // Nor is a listed person written otherwise (`Vladmir Putin`, misspelt).
    assert_eq!(
        ids["Vladmir Putin"].iter().collect::<Vec<_>>(),
        ["person:vladimir-putin"],
        "{ids:#?}"
    );
    assert!(
        err.contains("; 1 name joined to a listed entity written otherwise"),
        "{err}"
    );
    // Records say what was discovered and why it was typed so.
    let first = m.iter().find(|x| x["entity"] == thornbury).unwrap();
    assert_eq!(first["discovered"], true);
    assert!(
        first["cue"].as_str().is_some_and(|c| !c.is_empty()),
        "{first}"
    );
    let listed = m
        .iter()
        .find(|x| x["entity"] == "person:vladimir-putin")
        .unwrap();
    assert!(listed.get("discovered").is_none());
    assert!(err.starts_with("discovered: "), "{err}");
    assert!(err.contains(" person"), "{err}");
    // The scan summary says how many mentions are of discovered entities: the records
    // marked so.
    let marked = m.iter().filter(|x| x["discovered"] == true).count();
    assert!(marked > 0);
    assert!(
        err.contains(&format!("; {marked} of them of discovered entities (")),
        "{marked}: {err}"
    );
    // Without --discover none of them is found.
    let o = entgraph(&["extract", s(&dir.path().join("news")), "-q"]);
    assert!(!stdout(&o).contains("Thornbury"));
}

#[test]
fn min_docs_keeps_one_off_names_out_and_the_graph_is_the_same_on_any_thread_count() {
    let dir = temp_files(STORIES);
    let news = dir.path().join("news");
    let (m, _) = discovered_in(&news, &["--discover-min-docs", "2"]);
    let ids = ids_by_text(&m);
    assert!(ids.contains_key("Edwina Thornbury"), "three documents");
    assert!(!ids.contains_key("Lionel Garrick"), "one document");
    let mut outs = Vec::new();
    for threads in ["1", "2"] {
        let out = dir.path().join(format!("out{threads}"));
        let o = entgraph(&[
            "build",
            s(&news),
            "--discover",
            "--threads",
            threads,
            "-o",
            s(&out),
            "--format",
            "json,dot",
            "-q",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        outs.push(dir_files(&out));
    }
    assert_eq!(outs[0], outs[1]);
    let dot = String::from_utf8(
        outs[0]
            .iter()
            .find(|(n, _)| n == "graph.dot")
            .unwrap()
            .1
            .clone(),
    )
    .unwrap();
    let line = dot
        .lines()
        .find(|l| l.contains("\"discovered:person:edwina-thornbury\" ["))
        .unwrap();
    assert!(line.contains("dashed"), "{line}");
}

#[test]
fn a_surname_that_is_a_listed_place_is_the_person_where_the_person_is_named() {
    let dir = temp_files(&[
        (
            "sport/a.txt",
            "Upset in the quarter-finals\n\nWimbledon finalist Marla Jordan lost in three sets \
             on Tuesday. Jordan said she had been tired, and Jordan's coach agreed.\n",
        ),
        (
            "sport/b.txt",
            "Trade talks\n\nOfficials from Jordan met their Egyptian counterparts in Amman \
             on Monday.\n",
        ),
    ]);
    let (m, _) = discovered_in(&dir.path().join("sport"), &[]);
    let in_doc = |doc: &str| -> BTreeMap<String, BTreeSet<String>> {
        let of_doc: Vec<serde_json::Value> = m
            .iter()
            .filter(|l| l["doc"].as_str().unwrap().ends_with(doc))
            .cloned()
            .collect();
        ids_by_text(&of_doc)
    };
    let a = in_doc("a.txt");
    let marla = BTreeSet::from(["discovered:person:marla-jordan".to_string()]);
    assert_eq!(a.get("Marla Jordan"), Some(&marla), "{a:?}");
    assert_eq!(a.get("Jordan"), Some(&marla), "{a:?}");
    // Where she is not named, Jordan is the country.
    let b = in_doc("b.txt");
    assert_eq!(
        b.get("Jordan"),
        Some(&BTreeSet::from(["place:jordan".to_string()])),
        "{b:?}"
    );
}

#[test]
fn a_surname_that_is_a_title_word_is_the_person_named_in_full() {
    // `King` is a title, and the world pack anchors it to a listed banker: where a story
    // names Wilma King, her surname alone is hers; where no one is named so, `the Bishop`
    // is nobody's.
    let dir = temp_files(&[
        (
            "news/a.txt",
            "Captain names her team\n\nTeam captain Wilma King named four players on \
             Monday. \"We need everyone fit,\" King said, and King added that the squad \
             would meet in Prague.\n",
        ),
        (
            "news/b.txt",
            "Church appeal\n\nThe roof will be mended by spring, the Bishop said on Sunday, \
             and the Judge agreed.\n",
        ),
    ]);
    let (m, _) = discovered_in(&dir.path().join("news"), &[]);
    let of_doc = |doc: &str| -> Vec<serde_json::Value> {
        m.iter()
            .filter(|l| l["doc"].as_str().unwrap().ends_with(doc))
            .cloned()
            .collect()
    };
    let a = ids_by_text(&of_doc("a.txt"));
    let wilma = BTreeSet::from(["discovered:person:wilma-king".to_string()]);
    assert_eq!(a.get("Wilma King"), Some(&wilma), "{a:?}");
    assert_eq!(a.get("King"), Some(&wilma), "{a:?}");
    let b = ids_by_text(&of_doc("b.txt"));
    assert!(
        !b.contains_key("Bishop") && !b.contains_key("Judge"),
        "{b:?}"
    );
}

#[test]
fn a_firms_name_keeps_its_ampersand_and_its_abbreviation_dot() {
    let dir = temp_files(&[(
        "biz/a.txt",
        "Bank merger talk\n\nShares of Harwell Bancorp Inc. rose on Friday after Hallam & \
         Tresk said it would bid. An analyst at Brodie Vantner & Co said Hallam & Tresk had \
         the cash. Harwell Bancorp Inc. declined to comment.\n",
    )]);
    let (m, _) = discovered_in(&dir.path().join("biz"), &[]);
    let ids = ids_by_text(&m);
    let one = |text: &str, id: &str| {
        assert_eq!(
            ids.get(text),
            Some(&BTreeSet::from([id.to_string()])),
            "{text}: {ids:?}"
        );
    };
    one(
        "Harwell Bancorp Inc.",
        "discovered:organization:harwell-bancorp-inc",
    );
    one("Hallam & Tresk", "discovered:organization:hallam-tresk");
    one(
        "Brodie Vantner & Co",
        "discovered:organization:brodie-vantner-co",
    );
    assert!(!ids.contains_key("Tresk"), "{ids:?}");
}

#[test]
fn a_story_on_standard_input_is_read_by_both_passes() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = temp_files(STORIES);
    let story = dir.path().join("news/a.txt");
    let named = entgraph(&["extract", s(&story), "--discover", "-q"]);
    assert!(named.status.success(), "{}", stderr(&named));
    let mut child = Command::new(env!("CARGO_BIN_EXE_entgraph"))
        .args(["extract", "-", "--discover", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let text = std::fs::read(&story).unwrap();
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let piped = child.wait_with_output().unwrap();
    assert!(piped.status.success(), "{}", stderr(&piped));
    let lines = json_lines(&stdout(&piped));
    // The same mentions as the file named, discovered ones among them, from document `-`.
    assert!(lines.iter().all(|l| l["doc"] == "-"));
    assert!(
        lines
            .iter()
            .any(|l| l["entity"] == "discovered:person:edwina-thornbury"),
        "{lines:?}"
    );
    let without_doc = |v: &[serde_json::Value]| -> Vec<String> {
        v.iter()
            .map(|l| {
                let mut l = l.clone();
                l["doc"] = serde_json::Value::Null;
                l.to_string()
            })
            .collect()
    };
    assert_eq!(
        without_doc(&lines),
        without_doc(&json_lines(&stdout(&named)))
    );
}

#[test]
fn the_people_of_the_example_articles_are_nodes_each_once() {
    let Some(files) = seeds() else {
        return;
    };
    let mut args = vec!["extract", "--discover", "-q"];
    args.extend(files.iter().map(|p| s(p)));
    let o = entgraph(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let m = json_lines(&stdout(&o));
    for surname in ["Ushakov", "Lukin", "Biegun", "Kim Chang Son"] {
        let ids: BTreeSet<&str> = m
            .iter()
            .filter(|x| x["text"].as_str().unwrap().contains(surname))
            .map(|x| x["entity"].as_str().unwrap())
            .collect();
        assert_eq!(ids.len(), 1, "{surname}: {ids:?}");
        let id = ids.iter().next().unwrap();
        assert!(id.starts_with("discovered:person:"), "{surname}: {id}");
    }
}

#[test]
fn problems_both_passes_meet_are_said_once() {
    let dir = temp_files(STORIES);
    let news = dir.path().join("news");
    std::fs::write(news.join("README.md"), "About these stories.\n").unwrap();
    std::fs::write(
        news.join("broken.txt"),
        b"Edwina Thornbury \xff\xfe spoke.\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = entgraph(&["build", s(&news), "--discover", "-o", s(&out)]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.matches("broken.txt").count(), 1, "{err}");
    assert_eq!(err.matches("README.md").count(), 1, "{err}");
    assert!(out.join("graph.json").is_file());
}

/// `entgraph discover` writes what `--discover` finds: counted with `--discovered FILE`,
/// the corpus gives the files `build --discover` writes, byte for byte; so do shards
/// built apart with the same file and merged.
#[test]
fn a_saved_discovery_gives_the_graph_of_discover_and_shards_share_it() {
    let dir = temp_files(STORIES);
    let p = |name: &str| dir.path().join(name);
    // The corpus in two shards: two stories, then one.
    for (k, file) in ["a.txt", "b.txt", "c.txt"].iter().enumerate() {
        let shard = p(&format!("shard-{}", k / 2));
        std::fs::create_dir_all(&shard).unwrap();
        std::fs::copy(p(&format!("news/{file}")), shard.join(file)).unwrap();
    }
    let (one, two) = (p("shard-0"), p("shard-1"));
    let found = p("found.jsonl");
    let o = entgraph(&["discover", s(&one), s(&two), "-o", s(&found)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("discovered: "), "{}", stderr(&o));
    let saved = std::fs::read_to_string(&found).unwrap();
    let ids: Vec<String> = json_lines(&saved)
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    // Edwina Thornbury is in all three stories, in both shards.
    assert!(
        ids.contains(&"discovered:person:edwina-thornbury".to_string()),
        "{ids:?}"
    );
    // Standard output, when no file is named: the same gazetteer.
    let o = entgraph(&["discover", s(&one), s(&two), "-q"]);
    assert_eq!(stdout(&o), saved);

    let build = |out: &str, extra: &[&str]| {
        let out = p(out);
        let mut args = vec![
            "build",
            s(&one),
            s(&two),
            "-o",
            s(&out),
            "--format",
            "all",
            "-q",
        ];
        args.extend_from_slice(extra);
        let o = entgraph(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        dir_files(&out)
    };
    let whole = build("whole", &["--discover"]);
    assert!(String::from_utf8_lossy(&whole[0].1).contains("edwina-thornbury"));
    same_files(&build("saved", &["--discovered", s(&found)]), &whole);

    // Each shard counted with the saved discovery, the partials merged in either order.
    for (k, shard) in [&one, &two].iter().enumerate() {
        let part = p(&format!("part-{k}.jsonl"));
        let o = entgraph(&[
            "build",
            s(shard),
            "--discovered",
            s(&found),
            "--partial",
            s(&part),
            "--shard",
            &k.to_string(),
            "--format",
            "all",
            "-q",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let merged = p("merged");
    let o = entgraph(&[
        "merge",
        s(&p("part-1.jsonl")),
        s(&p("part-0.jsonl")),
        "--discovered",
        s(&found),
        "-o",
        s(&merged),
        "--format",
        "all",
        "-q",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    same_files(&dir_files(&merged), &whole);
}

/// Two sets of files are the same, name for name and byte for byte.
fn same_files(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)]) {
    let names = |f: &[(String, Vec<u8>)]| f.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(a), names(b));
    for ((name, x), (_, y)) in a.iter().zip(b) {
        assert!(x == y, "{name} differs");
    }
}

/// A shard cannot discover on its own (its names would not be the corpus's), nor can merge:
/// both say how to share one discovery; a bad file of discovered entities is named, line
/// and all; a discovery that read nothing leaves the file it would replace.
#[test]
fn discovery_that_cannot_be_shared_is_refused_with_the_way_to_share_it() {
    let dir = temp_files(STORIES);
    let p = |name: &str| dir.path().join(name);
    let news = p("news");
    let o = entgraph(&[
        "build",
        s(&news),
        "--discover",
        "--partial",
        s(&p("part.jsonl")),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("entgraph discover"), "{}", stderr(&o));
    assert!(!p("part.jsonl").exists());
    let o = entgraph(&[
        "merge",
        s(&p("part.jsonl")),
        "--discover",
        "-o",
        s(&p("out")),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--discovered"), "{}", stderr(&o));

    std::fs::write(p("bad.jsonl"), "{\"label\": \"Edwina Thornbury\"\n").unwrap();
    let o = entgraph(&[
        "build",
        s(&news),
        "--discovered",
        s(&p("bad.jsonl")),
        "-o",
        s(&p("out")),
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("bad.jsonl:1"), "{}", stderr(&o));
    let o = entgraph(&[
        "build",
        s(&news),
        "--discover",
        "--discovered",
        s(&p("bad.jsonl")),
    ]);
    assert!(!o.status.success(), "one or the other");

    std::fs::write(p("kept.jsonl"), "kept\n").unwrap();
    std::fs::create_dir_all(p("empty")).unwrap();
    let o = entgraph(&["discover", s(&p("empty")), "-o", s(&p("kept.jsonl"))]);
    assert!(!o.status.success());
    assert_eq!(std::fs::read_to_string(p("kept.jsonl")).unwrap(), "kept\n");
}

#[test]
fn awards_the_world_pack_lists_are_events_not_places() {
    // `in Oscars snub`, a headline's `in`, once made the plural a place.
    let dir = temp_files(&[(
        "news/a.txt",
        "Director in Oscars snub\n\nThe film was left out of the Oscars on Tuesday. Its \
         star Lorna Vesey, who won a Golden Globe, said the Oscars would come. The Brit \
         Awards and the Mercury Music Prize honoured the band.\n",
    )]);
    let (m, _) = discovered_in(&dir.path().join("news"), &[]);
    let types: BTreeSet<(String, String)> = m
        .iter()
        .map(|x| {
            (
                x["text"].as_str().unwrap().to_string(),
                x["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for text in [
        "Oscars",
        "Golden Globe",
        "Brit Awards",
        "Mercury Music Prize",
    ] {
        assert!(
            types.contains(&(text.to_string(), "event".to_string())),
            "{text}: {types:?}"
        );
    }
    assert!(types.iter().all(|(_, t)| t != "place"), "{types:?}");
}

#[test]
fn discover_reports_the_gazetteers_it_loaded_as_the_other_commands_do() {
    let dir = temp_files(STORIES);
    let gaz = dir.path().join("people.txt");
    std::fs::write(&gaz, "@type person\nMonday\n").unwrap();
    let news = dir.path().join("news");
    let o = entgraph(&["discover", s(&news), "-g", s(&gaz)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    // The alias set aside is named with its file and line, before the pass's summary.
    let set_aside = err.find("set aside as not names (e.g. `Monday` at ");
    let summary = err.find("discovered: ");
    assert!(
        set_aside.is_some() && set_aside < summary && err.contains("people.txt:2"),
        "{err}"
    );
}

//! `entgraph suggest`: the names a corpus has and the gazetteers miss, ready to paste.

use crate::common::*;

/// Three short reports written for this test, about people and bodies no gazetteer lists.
const REPORTS: &[(&str, &str)] = &[
    (
        "a.txt",
        "Harbour talks resume in Tromso\n\n\
         Fisheries Minister Ingrid Solvik met envoy Tarek Ostrander at the Arctic Fisheries \
         Council on Monday. Solvik said the quota talks had gone well. Analysts were less sure.\n",
    ),
    (
        "b.txt",
        "Ostrander, a former trade negotiator, told reporters in Hammerfest that the Arctic \
         Fisheries Council would meet again in June. The Nordkapp-based Polar Catch \
         Corporation welcomed the news.\n",
    ),
    (
        "c.txt",
        "Speaking after the meeting, Ingrid Solvik thanked Tarek Ostrander. According to the \
         council, Polar Catch Corporation will send observers.\n",
    ),
];

#[test]
fn suggests_names_with_types_and_aliases_that_paste_into_a_pack() {
    let dir = temp_files(REPORTS);
    let o = entgraph(&["suggest", s(dir.path()), "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let line = |label: &str| -> &str {
        out.lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no `{label}` in\n{out}"))
    };
    // Types follow the cues; surnames seen alone become aliases.
    let section = |label: &str| -> &str {
        let at = out.find(&format!("\n{label}")).unwrap();
        out[..at]
            .rsplit("@type ")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
    };
    assert_eq!(section("Ingrid Solvik"), "person");
    assert_eq!(section("Tarek Ostrander"), "person");
    assert_eq!(section("Arctic Fisheries Council"), "organization");
    assert_eq!(section("Polar Catch Corporation"), "organization");
    assert!(line("Ingrid Solvik").contains("Solvik"), "{out}");
    assert!(line("Tarek Ostrander").contains("Ostrander"), "{out}");
    assert!(line("Tarek Ostrander").contains("3 documents"), "{out}");
    // Sentence-initial words and weekdays and months are not names.
    for word in [
        "Analysts",
        "Speaking",
        "According",
        "Monday",
        "June",
        "Harbour",
    ] {
        assert!(
            !out.lines()
                .any(|l| l.trim_start_matches("# ").starts_with(word)),
            "{word} proposed:\n{out}"
        );
    }
    // Ranked by documents × mentions: the three-document names come first.
    let first = out
        .lines()
        .find(|l| !l.starts_with('#') && !l.starts_with('@') && !l.is_empty());
    assert!(
        first.is_some_and(|l| l.starts_with("Tarek Ostrander") || l.starts_with("Ingrid Solvik")),
        "{out}"
    );
    // The output is a gazetteer: it loads, and with it the names are found.
    let pack = dir.path().join("suggested.txt");
    std::fs::write(&pack, &out).unwrap();
    let o = entgraph(&["gazetteer", "check", s(&pack)]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = entgraph(&[
        "extract",
        s(&dir.path().join("a.txt")),
        "-g",
        s(&pack),
        "-q",
    ]);
    let found: Vec<String> = json_lines(&stdout(&o))
        .iter()
        .map(|m| m["label"].as_str().unwrap().to_string())
        .collect();
    assert!(found.contains(&"Ingrid Solvik".to_string()), "{found:?}");
    // Once they are listed, they are not suggested again.
    let o = entgraph(&["suggest", s(dir.path()), "-g", s(&pack), "-q"]);
    assert!(!stdout(&o).contains("\nIngrid Solvik"), "{}", stdout(&o));
}

#[test]
fn min_count_limit_and_jsonl() {
    let dir = temp_files(REPORTS);
    let o = entgraph(&[
        "suggest",
        s(dir.path()),
        "--format",
        "jsonl",
        "--min-count",
        "3",
        "-q",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = json_lines(&stdout(&o));
    assert!(!rows.is_empty());
    for r in &rows {
        assert!(r["mentions"].as_u64().unwrap() >= 3, "{r}");
        assert!(r["label"].is_string() && r["example"].is_string(), "{r}");
    }
    let o = entgraph(&[
        "suggest",
        s(dir.path()),
        "--format",
        "jsonl",
        "--limit",
        "1",
        "-q",
    ]);
    assert_eq!(json_lines(&stdout(&o)).len(), 1);
}

#[test]
fn on_the_seed_articles_with_the_world_pack_alone() {
    let Some(files) = seeds() else { return };
    let mut args = vec!["suggest", "-q"];
    args.extend(files.iter().map(|p| s(p)));
    let o = entgraph(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let entries: Vec<&str> = out
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('@'))
        .filter(|l| !l.starts_with("# ") || l.contains("   # "))
        .filter(|l| !l.starts_with("# Names") && !l.starts_with("# type"))
        .collect();
    let top: Vec<&str> = entries.iter().take(25).copied().collect();
    let has = |names: &[&str]| top.iter().any(|l| names.iter().all(|n| l.contains(n)));
    for names in [
        &["Ushakov", "Yuri Ushakov", "Yury Ushakov"][..],
        &["Kim Chang Son"],
        &["Bruce Bechtol"],
        &["Artyom Lukin"],
        &["Ken Gause"],
        &["Stephen Biegun"],
        &["Far Eastern Federal University"],
    ] {
        assert!(has(names), "{names:?} not among the top entries:\n{out}");
    }
    let section = |label: &str| -> &str {
        let at = out.find(&format!("\n{label}")).unwrap();
        out[..at]
            .rsplit("@type ")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
    };
    for person in [
        "Kim Chang Son",
        "Bruce Bechtol",
        "Artyom Lukin",
        "Ken Gause",
        "Stephen Biegun",
    ] {
        assert_eq!(section(person), "person", "{person}");
    }
    assert_eq!(section("Far Eastern Federal University"), "organization");
    for word in [
        "The ",
        "Analysts",
        "According",
        "Tricky",
        "Thursday",
        "April",
    ] {
        assert!(
            !entries
                .iter()
                .any(|l| l.trim_start_matches("# ").starts_with(word)),
            "{word} proposed:\n{out}"
        );
    }
}

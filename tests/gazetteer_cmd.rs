//! `entgraph gazetteer check` and `import`: lints with their lines, load errors, stats, `--explain`,
//! and imports that load and find their names.

use crate::common::*;

/// A topic pack with one planted problem a line.
const PLANTED: &str = "\
# A pack with planted problems.
@type person
Kim Jong Un | ~Kim
Kim Jong Il | ~Kim
Artyom Lukin | ~Lukin
Theresa May | May
Nick Clegg | Nick Clegg
Li Na | Li
@type place
Korea | Korean Peninsula
Georgia | +Georgia
South Georgia
Nice
@type person
Pak Ui Chun | Pak
Park Kyung-ae | Pak
";

fn check(args: &[&str]) -> (Option<i32>, String, String) {
    let mut all = vec!["gazetteer", "check"];
    all.extend_from_slice(args);
    let o = entgraph(&all);
    (o.status.code(), stdout(&o), stderr(&o))
}

#[test]
fn planted_problems_are_reported_with_their_lines() {
    let dir = temp_files(&[("pack/planted.txt", PLANTED)]);
    let pack = dir.path().join("pack");
    let (code, out, err) = check(&[s(&pack), "--no-default-gazetteers"]);
    assert_eq!(code, Some(0), "{err}");
    let file = s(&pack.join("planted.txt")).to_string();
    let expect = [
        (
            3,
            "note: alias `Kim` is shared by Kim Jong Un and Kim Jong Il",
        ),
        (
            4,
            "note: alias `Kim` is shared by Kim Jong Il and Kim Jong Un",
        ),
        (6, "warning: alias `May` is a weekday or month name"),
        (
            7,
            "note: alias `Nick Clegg` of `person:nick-clegg` is already listed at",
        ),
        (
            7,
            "note: `Nick Clegg` has no alias besides its label: add `~Clegg`",
        ),
        (11, "note: alias `Georgia` is part of `South Georgia`"),
        (
            13,
            "warning: alias `Nice` is a common English word and not anchored",
        ),
        (
            15,
            "warning: alias `Pak` is shared by Pak Ui Chun and Park Kyung-ae",
        ),
        (
            16,
            "warning: alias `Pak` is shared by Park Kyung-ae and Pak Ui Chun",
        ),
        (16, "note: alias `Pak` is part of `Pak Ui Chun`"),
    ];
    for (line, what) in expect {
        let prefix = format!("{file}:{line}: {what}");
        assert!(
            out.lines().any(|l| l.starts_with(&prefix)),
            "missing `{prefix}` in\n{out}"
        );
    }
    assert_eq!(out.lines().count(), expect.len(), "{out}");
    // A family name written first (`Li` of Li Na) is the form news uses: no warning.
    assert!(!out.contains("`Li`"), "{out}");
    assert!(err.contains("0 errors, 4 warnings, 6 notes"), "{err}");
    // --strict turns warnings (not notes) into a failure, for a pack's own CI.
    assert_eq!(
        check(&[s(&pack), "--no-default-gazetteers", "--strict"]).0,
        Some(1)
    );
}

#[test]
fn load_errors_are_all_listed_and_fail() {
    let dir = temp_files(&[(
        "bad.txt",
        "@type person\nVladimir Putin | Putin\n | nameless\nKim | ~\n@type 9\n",
    )]);
    let file = dir.path().join("bad.txt");
    let (code, out, _) = check(&[s(&file)]);
    assert_eq!(code, Some(1));
    for line in [3, 4, 5] {
        let prefix = format!("{}:{line}: error: ", s(&file));
        assert!(
            out.lines().any(|l| l.starts_with(&prefix)),
            "{prefix} in\n{out}"
        );
    }
}

#[test]
fn a_topic_pack_is_checked_against_the_world_pack() {
    // Only the topic file is reported on, but a world entity sharing its alias is named.
    let dir = temp_files(&[("people.txt", "Kim Chang Son | ~Kim\n")]);
    let file = dir.path().join("people.txt");
    let (code, out, _) = check(&[s(&file)]);
    assert_eq!(code, Some(0));
    assert!(out.lines().all(|l| l.starts_with(s(&file))), "{out}");
    let shared = out
        .lines()
        .find(|l| l.contains("alias `Kim` is shared"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        shared.contains("else Kim Jong Un (its default sense)"),
        "{shared}"
    );
    assert!(shared.contains(" more: "), "{shared}");
}

#[test]
fn stats_count_entities_and_aliases() {
    let dir = temp_files(&[("pack/planted.txt", PLANTED)]);
    let (code, out, _) = check(&[
        s(&dir.path().join("pack")),
        "--no-default-gazetteers",
        "--stats",
    ]);
    assert_eq!(code, Some(0));
    let row = |name: &str| -> Vec<String> {
        out.lines()
            .find(|l| l.trim_start().starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no {name} row in\n{out}"))
            .split_whitespace()
            .skip(1)
            .map(str::to_string)
            .collect()
    };
    // entities, aliases, anchored, demonyms
    assert_eq!(row("person"), ["8", "15", "3", "0"]);
    assert_eq!(row("place"), ["4", "5", "0", "0"]);
    assert!(out.contains("shared aliases: 2"), "{out}");
}

#[test]
fn explain_answers_why_a_name_was_or_was_not_found() {
    let dir = temp_files(&[("pack/planted.txt", PLANTED)]);
    let pack = dir.path().join("pack");
    let text = "Koreans waved. Lukin spoke. Made in china. \
                Kim Jong Un arrived. Kim waved.";
    let (code, out, _) = check(&[s(&pack), "--no-default-gazetteers", "--explain", text]);
    assert_eq!(code, Some(0));
    let line = |needle: &str| -> &str {
        out.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle} in\n{out}"))
    };
    assert!(line("\"Korea\"").contains("no match (boundary)"));
    assert!(line("\"Korea\"").contains("inside the word `Koreans`"));
    assert!(line("\"Lukin\"").contains("no match (anchoring)"));
    let kim = out
        .lines()
        .find(|l| l.contains("\"Kim\"") && l.contains("ambiguity"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        kim.contains("match (ambiguity): alias `Kim` is shared; resolved to Kim Jong Un"),
        "{kim}"
    );
    // And a case rejection, with the default world pack.
    let (_, out, _) = check(&["--explain", "Made in china, sold in China."]);
    let china: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("\"china\"") || l.contains("\"China\""))
        .collect();
    assert_eq!(china.len(), 2, "{out}");
    assert!(china[0].contains("no match (case)"), "{}", china[0]);
    assert!(china[1].contains("match (match)"), "{}", china[1]);
    // A file works as well as a string.
    let file = dir.path().join("text.txt");
    std::fs::write(&file, text).unwrap();
    let (_, from_file, _) = check(&[s(&pack), "--no-default-gazetteers", "--explain", s(&file)]);
    assert_eq!(
        from_file,
        check(&[s(&pack), "--no-default-gazetteers", "--explain", text]).1
    );
}

fn fixture(name: &str) -> String {
    s(&root().join("tests/fixtures/import").join(name)).to_string()
}

#[test]
fn an_import_loads_and_its_names_are_found() {
    let dir = temp_files(&[(
        "news/story.txt",
        "Charles Peter Kennedy spoke in Vladiwostok. Ruth Kelly listened.\n",
    )]);
    let members = dir.path().join("members.jsonl");
    let o = entgraph(&[
        "gazetteer",
        "import",
        "wikidata",
        &fixture("parliament.json"),
        "--type",
        "person",
        "--attr",
        "party=partyLabel",
        "-o",
        s(&members),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).starts_with("imported 2 entities (2 person) with 4 aliases from "),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("parliament.json: note: no label: row skipped"));
    let cities = dir.path().join("cities.jsonl");
    let o = entgraph(&[
        "gazetteer",
        "import",
        "geonames",
        &fixture("cities15000.txt"),
        "--min-population",
        "100000",
        "-o",
        s(&cities),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Vladivostok is in the world pack with its GeoNames id: the import keeps its id.
    let rows = json_lines(&std::fs::read_to_string(&cities).unwrap());
    let vladivostok = rows.iter().find(|r| r["label"] == "Vladivostok").unwrap();
    assert_eq!(vladivostok["id"], "place:vladivostok");
    assert_eq!(vladivostok["attrs"]["country"], "Russia");
    let o = entgraph(&[
        "extract",
        s(&dir.path().join("news")),
        "-g",
        s(&members),
        "-g",
        s(&cities),
        "-q",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let found: Vec<(String, String)> = json_lines(&stdout(&o))
        .iter()
        .map(|m| {
            (
                m["text"].as_str().unwrap().to_string(),
                m["entity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "Charles Peter Kennedy".to_string(),
                "person:charles-kennedy".to_string()
            ),
            ("Vladiwostok".to_string(), "place:vladivostok".to_string()),
            ("Ruth Kelly".to_string(), "person:ruth-kelly".to_string()),
        ]
    );
}

#[test]
fn a_bad_import_names_the_file_and_line_and_writes_nothing() {
    let dir = temp_files(&[
        ("bad.csv", "name,office\nRuth Kelly,minister,extra\n"),
        ("cities.txt", "2013348\tVladivostok\n"),
        ("out.jsonl", "{\"label\": \"Kept\", \"type\": \"person\"}\n"),
    ]);
    let out = dir.path().join("out.jsonl");
    let bad = dir.path().join("bad.csv");
    let o = entgraph(&[
        "gazetteer",
        "import",
        "csv",
        s(&bad),
        "--type",
        "person",
        "-o",
        s(&out),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!(
            "{}:2: 3 cells in a row under a header of 2 columns",
            s(&bad)
        )),
        "{}",
        stderr(&o)
    );
    let cities = dir.path().join("cities.txt");
    let o = entgraph(&["gazetteer", "import", "geonames", s(&cities), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(":1: 2 tab-separated fields where a GeoNames line has 19"));
    // The output keeps what it held.
    assert!(std::fs::read_to_string(&out).unwrap().contains("Kept"));
    let o = entgraph(&["gazetteer", "import", "csv", s(&bad), "-o", "x.txt"]);
    assert!(stderr(&o).contains("name it `.jsonl`"), "{}", stderr(&o));
}

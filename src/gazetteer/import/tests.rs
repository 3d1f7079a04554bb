//! The importers' unit tests, on the fixtures in `tests/fixtures/import/` (each in its
//! real format) and on broken inputs written here.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::*;
use crate::gazetteer::Loader;

fn fixture(name: &str) -> (String, Vec<u8>) {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests/fixtures/import", name]
        .iter()
        .collect();
    (name.to_string(), std::fs::read(&path).unwrap())
}

/// The entries written as JSON Lines and loaded as a gazetteer: what `build` would see.
fn loads(imported: &Imported) -> crate::gazetteer::Gazetteer {
    let mut out = Vec::new();
    imported.write_jsonl(&mut out).unwrap();
    let mut loader = Loader::new();
    loader.add_text("imported.jsonl", std::str::from_utf8(&out).unwrap());
    loader.finish().expect("an import loads without errors")
}

fn entry<'a>(imported: &'a Imported, label: &str) -> &'a Entry {
    imported
        .entries
        .iter()
        .find(|e| e.label == label)
        .unwrap_or_else(|| panic!("no entry `{label}` in {:?}", imported.entries))
}

#[test]
fn a_csv_table_by_its_column_mapping() {
    let (name, bytes) = fixture("ministers.csv");
    let rows = read_table(&name, &bytes[..], b',').unwrap();
    assert_eq!(rows.header[1], "also known as");
    let mapping = Mapping {
        aliases: vec!["also known as".into()],
        attrs: vec![
            ("office".into(), "office".into()),
            ("since".into(), "from".into()),
        ],
        other_columns_as_attrs: true,
        ..Mapping::of_type("person")
    };
    let got = map_rows(&rows, &mapping, &Known::default()).unwrap();
    assert_eq!(got.entries.len(), 4);
    let boateng = entry(&got, "Paul Boateng");
    assert_eq!(boateng.id, "person:paul-boateng");
    assert_eq!(boateng.aliases, ["Paul Yaw Boateng", "Boateng"]);
    assert_eq!(boateng.attrs["office"], "Chief Secretary to the Treasury");
    assert_eq!(boateng.attrs["since"], "2002");
    // Unmapped columns become attributes named after them.
    assert_eq!(boateng.attrs["country"], "United Kingdom");
    assert_eq!(boateng.attrs["to"], "2005");
    // A quoted cell keeps its comma.
    assert_eq!(entry(&got, "Ruth Kelly").aliases, ["Kelly, Ruth"]);
    let g = loads(&got);
    assert_eq!(g.len(), 4);
}

#[test]
fn a_tsv_table_with_ids_and_types_in_columns() {
    let (name, bytes) = fixture("institutions.tsv");
    let rows = read_table(&name, &bytes[..], b'\t').unwrap();
    let got = map_rows(&rows, &Mapping::default(), &Known::default()).unwrap();
    let ids: Vec<&str> = got.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["org:fsa", "org:dfes", "org:dwp", "place:whitehall"]);
    assert_eq!(entry(&got, "Whitehall").kind, "place");
    assert_eq!(entry(&got, "Financial Services Authority").aliases, ["FSA"]);
    loads(&got);
}

#[test]
fn broken_tables_name_the_file_and_line() {
    let e = read_table(
        "t.csv",
        &b"name,office\nRuth Kelly,minister\n\"Alan Johnson,minister\n"[..],
        b',',
    );
    // An unclosed quote runs to the end: the csv reader reports the row it starts on.
    if let Err(e) = e {
        assert!(e.to_string().starts_with("t.csv:"), "{e}");
    }
    let e = read_table(
        "t.csv",
        &b"name,office\nRuth Kelly,minister,extra\n"[..],
        b',',
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.csv:2: 3 cells in a row under a header of 2 columns"
    );
    let e = read_table("t.csv", &b"name,name\n"[..], b',').unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.csv:1: column name `name` is repeated in the header"
    );
    let e = read_table("t.csv", &b"name\n\xff\xfe\n"[..], b',').unwrap_err();
    assert_eq!(e.to_string(), "t.csv:2: not UTF-8 text");
    let rows = read_table("t.csv", &b"name,office\nRuth Kelly,minister\n"[..], b',').unwrap();
    let e = map_rows(&rows, &Mapping::default(), &Known::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.csv: no type: give one with --type, or a type column with --type-column"
    );
    let m = Mapping {
        aliases: vec!["nickname".into()],
        ..Mapping::of_type("person")
    };
    let e = map_rows(&rows, &m, &Known::default()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "t.csv: no column `nickname`; the columns are: `name`, `office`"
    );
    let e = map_rows(&rows, &Mapping::of_type("Person"), &Known::default()).unwrap_err();
    assert!(e.to_string().contains("`Person` is not a type word"), "{e}");
}

#[test]
fn geonames_lines_most_populous_first_with_country_and_known_ids() {
    let (name, bytes) = fixture("cities15000.txt");
    let options = GeoNames {
        min_population: 100_000,
        countries: HashMap::from([
            ("RU".to_string(), "Russia".to_string()),
            ("FR".to_string(), "France".to_string()),
            ("US".to_string(), "United States".to_string()),
        ]),
        known: HashMap::from([("2013348".to_string(), "place:vladivostok".to_string())]),
        reserved: HashSet::from(["place:pyongyang".to_string()]),
        ..GeoNames::default()
    };
    let got = options.read(&name, &bytes[..]).unwrap();
    assert_eq!(got.rows, 5);
    let labels: Vec<&str> = got.entries.iter().map(|e| e.label.as_str()).collect();
    // Paris, Texas has fewer than 100,000 people; most populous first.
    assert_eq!(labels, ["Pyongyang", "Paris", "Vladivostok", "Nakhodka"]);
    let v = entry(&got, "Vladivostok");
    assert_eq!(
        v.id, "place:vladivostok",
        "a known GeoNames id keeps its id"
    );
    assert_eq!(v.attrs["country"], "Russia");
    assert_eq!(v.attrs["population"], "604901");
    // Latin-script names that look like names; not the code VVO, not Cyrillic.
    assert_eq!(v.aliases, ["Vladiwostok", "Wladiwostok"]);
    // A reserved id (another gazetteer's Pyongyang, of another GeoNames id) is not taken.
    assert_eq!(entry(&got, "Pyongyang").id, "place:pyongyang-kp");
    assert_eq!(
        entry(&got, "Pyongyang").aliases,
        ["Pjongjang", "P'yŏngyang", "Phenian"]
    );
    let all = GeoNames::default().read(&name, &bytes[..]).unwrap();
    let ids: Vec<&str> = all.entries.iter().map(|e| e.id.as_str()).collect();
    assert!(
        ids.contains(&"place:paris") && ids.contains(&"place:paris-us"),
        "{ids:?}"
    );
    loads(&all);
}

#[test]
fn broken_geonames_lines_name_the_line() {
    let e = GeoNames::default()
        .read("cities.txt", &b"2013348\tVladivostok\n"[..])
        .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("cities.txt:1: 2 tab-separated fields where a GeoNames line has 19"),
        "{e}"
    );
    let (_, bytes) = fixture("cities15000.txt");
    let text = String::from_utf8(bytes)
        .unwrap()
        .replace("604901", "about 600k");
    let e = GeoNames::default()
        .read("c.txt", text.as_bytes())
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "c.txt:1: population `about 600k` is not a number"
    );
}

#[test]
fn sparql_json_results_group_rows_of_one_item() {
    let (name, bytes) = fixture("parliament.json");
    let mapping = Mapping {
        attrs: vec![("party".into(), "partyLabel".into())],
        ..Mapping::of_type("person")
    };
    let got = read_wikidata(&name, &bytes[..], "en", &mapping, &Known::default()).unwrap();
    assert_eq!(got.rows, 4);
    assert_eq!(got.entries.len(), 2);
    let kennedy = entry(&got, "Charles Kennedy");
    assert_eq!(kennedy.attrs["wikidata"], "Q332521");
    assert_eq!(
        kennedy.attrs["party"],
        "Liberal Democrats; Social Democratic Party"
    );
    assert_eq!(kennedy.aliases, ["Charles Peter Kennedy"]);
    // An item without an English label (the label service writes its id) is skipped.
    assert_eq!(got.skipped.len(), 1);
    loads(&got);
}

#[test]
fn sparql_csv_results_split_alternative_labels() {
    let (name, bytes) = fixture("parliament.csv");
    let got = read_wikidata(
        &name,
        &bytes[..],
        "en",
        &Mapping::of_type("person"),
        &Known::default(),
    )
    .unwrap();
    let kennedy = entry(&got, "Charles Kennedy");
    assert_eq!(kennedy.aliases, ["Charles Peter Kennedy", "Chas Kennedy"]);
    assert_eq!(entry(&got, "Ruth Kelly").attrs["wikidata"], "Q334155");
}

#[test]
fn dump_lines_typed_by_their_classes() {
    let (name, bytes) = fixture("dump.json");
    let mapping = Mapping {
        attrs: vec![
            ("citizenship".into(), "P27".into()),
            ("born".into(), "P569".into()),
        ],
        ..Mapping::default()
    };
    let got = read_wikidata(&name, &bytes[..], "en", &mapping, &Known::default()).unwrap();
    let kinds: Vec<(&str, &str)> = got
        .entries
        .iter()
        .map(|e| (e.label.as_str(), e.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Ruth Kelly", "person"),
            ("Japan", "place"),
            ("Financial Services Authority", "organization")
        ]
    );
    let kelly = entry(&got, "Ruth Kelly");
    assert_eq!(kelly.attrs["citizenship"], "Q145");
    assert_eq!(kelly.attrs["born"], "1968-05-09");
    assert_eq!(entry(&got, "Japan").aliases, ["Nippon", "State of Japan"]);
    // A film (no type mapped) and an item without an English label are skipped, by line.
    let skipped: Vec<String> = got.skipped.iter().map(|p| p.location.to_string()).collect();
    assert_eq!(skipped, ["dump.json:5", "dump.json:6"]);
    let mut films = mapping.clone();
    films.type_map.insert("Q11424".into(), "work".into());
    films.type_map.insert("Q151885".into(), "concept".into());
    let got = read_wikidata(&name, &bytes[..], "en", &films, &Known::default()).unwrap();
    assert_eq!(entry(&got, "film").kind, "concept");
    let e = read_wikidata(
        "d.json",
        &b"[\n{\"id\": \"Q1\", \"labels\": {}}\n{oops\n"[..],
        "en",
        &mapping,
        &Known::default(),
    )
    .unwrap_err();
    assert!(
        e.to_string().starts_with("d.json:3: not a JSON entity"),
        "{e}"
    );
}

#[test]
fn ids_are_qualified_not_merged_when_two_entities_share_a_label() {
    let rows = read_table(
        "mps.csv",
        &b"item,itemLabel\nQ1,John Smith\nQ2,John Smith\nQ1,John Smith\n"[..],
        b',',
    )
    .unwrap();
    let known = Known {
        ids: HashSet::from(["person:jane-roe".to_string()]),
        ..Known::default()
    };
    let got = map_rows(&rows, &Mapping::of_type("person"), &known).unwrap();
    let ids: Vec<&str> = got.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["person:john-smith", "person:john-smith-q2"]);
}

#[test]
fn an_item_the_gazetteers_list_keeps_its_id_and_items_become_labels() {
    let (name, bytes) = fixture("dump.json");
    let known = Known {
        ids: HashSet::from(["place:japan".to_string()]),
        wikidata: HashMap::from([
            (
                "Q17".to_string(),
                ("place:japan".to_string(), "Japan".to_string()),
            ),
            (
                "Q145".to_string(),
                (
                    "place:united-kingdom".to_string(),
                    "United Kingdom".to_string(),
                ),
            ),
        ]),
        ..Known::default()
    };
    let mapping = Mapping {
        attrs: vec![("country".into(), "P27".into())],
        ..Mapping::default()
    };
    let got = read_wikidata(&name, &bytes[..], "en", &mapping, &known).unwrap();
    assert_eq!(entry(&got, "Japan").id, "place:japan");
    assert_eq!(entry(&got, "Ruth Kelly").attrs["country"], "United Kingdom");
    let without = read_wikidata(
        &name,
        &bytes[..],
        "en",
        &mapping,
        &Known {
            ids: known.ids.clone(),
            ..Known::default()
        },
    )
    .unwrap();
    assert_eq!(entry(&without, "Japan").id, "place:japan-q17");
}

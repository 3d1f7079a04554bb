//! Tests of loading, both formats, merging and variants.

use super::text_format::strip_comment;
use super::*;

#[test]
fn id_index_handles_hash_collisions() {
    let g = Gazetteer::from_str("people.txt", "Anna Petrova\n").unwrap();
    let entities = g.entities().to_vec();
    let mut index = IdIndex::default();
    // Pretend `person:b` hashes like entity 0 (`person:anna-petrova`).
    index.by_hash.insert(IdIndex::hash("person:b"), 0);
    index.insert("person:b", 1, &entities);
    assert_eq!(index.collided.get("person:b"), Some(&1));
    assert_eq!(index.get("person:b", &entities), Some(1));
    assert_eq!(index.get("person:c", &entities), None);
    assert_eq!(g.index_of("person:anna-petrova"), Some(EntityId::new(0)));
    assert_eq!(g.index_of("person:anna"), None);
}

fn load(files: &[(&str, &str)]) -> Result<Gazetteer, GazetteerError> {
    let mut l = Loader::new();
    for (n, t) in files {
        l.add_text(n, t);
    }
    l.finish()
}

#[test]
fn text_format_entries_markers_and_attributes() {
    let g = load(&[(
        "people.txt",
        "# leaders\nVladimir Putin | Putin | ~Vlad | wikidata=Q7747 | country=Russia  # note\n\
         Kim Jong Un | +!Kim Jong-un | demonym=Kimist\n",
    )])
    .unwrap();
    let putin = &g.entities()[0];
    assert_eq!(putin.id, "person:vladimir-putin");
    assert_eq!(putin.kind, EntityType::Person);
    assert_eq!(putin.attrs["wikidata"], "Q7747");
    assert_eq!(putin.attrs["country"], "Russia");
    let names: Vec<_> = putin
        .aliases
        .iter()
        .map(|a| (a.text.as_str(), a.anchored))
        .collect();
    assert_eq!(
        names,
        [("Vladimir Putin", false), ("Putin", false), ("Vlad", true)]
    );
    let kim = &g.entities()[1];
    assert!(kim.aliases[1].forced && kim.aliases[1].default_sense);
    assert!(kim.aliases[2].demonym);
}

#[test]
fn directives_set_type_and_case() {
    let g = load(&[(
        "summit.txt",
        "@type event\n@case exact\nKim-Putin summit\n@type organization\nNK News | id=org:nk\n",
    )])
    .unwrap();
    assert_eq!(g.entities()[0].id, "event:kim-putin-summit");
    assert_eq!(g.entities()[0].aliases[0].case, CasePolicy::Exact);
    assert_eq!(g.entities()[1].id, "org:nk");
    assert_eq!(g.entities()[1].kind, EntityType::Organization);
}

#[test]
fn every_syntax_error_is_reported_with_its_line() {
    let err = load(&[(
        "bad.txt",
        "Putin\n@type person\n | Putin\nKim || Jong\n@type Person\n@colour red\nX | ~\nY | ---\nZ | a=1 | a=2\n",
    )])
    .unwrap_err();
    let lines: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        lines,
        [
            "bad.txt:1: no type for this entry (add `@type person` above it, or name the file people.txt, places.txt or organizations.txt)",
            "bad.txt:3: empty label",
            "bad.txt:4: empty field between `|` separators",
            "bad.txt:5: invalid type `Person` (expected a lower-case word such as person, place, organization)",
            "bad.txt:6: unknown directive `@colour red` (expected `@type WORD` or `@case smart|exact|insensitive`)",
            "bad.txt:7: empty alias (markers with no name)",
            "bad.txt:8: alias `---` has no letters or digits",
            "bad.txt:9: attribute `a` given twice",
        ]
    );
}

#[test]
fn jsonl_format_and_its_errors() {
    let g = load(&[(
        "gen.jsonl",
        r#"{"label": "Vladimir Putin", "type": "person", "aliases": ["Putin"], "anchored": ["Vlad"], "attrs": {"born": 1952}}
{"label": "Georgia", "type": "place", "default_for": ["Georgia"], "demonyms": ["Georgian"]}"#,
    )])
    .unwrap();
    assert_eq!(g.entities()[0].attrs["born"], "1952");
    assert!(g.entities()[0].aliases[2].anchored);
    let georgia = &g.entities()[1];
    assert!(georgia.aliases[0].default_sense);
    assert!(georgia.aliases[1].demonym);

    let err = load(&[(
        "gen.jsonl",
        "{\"label\": \"A\", \"type\": \"person\"}\n{\"type\": \"person\"}\nnot json\n{\"label\": \"B\", \"type\": \"person\", \"alias\": []}\n",
    )])
    .unwrap_err();
    let lines: Vec<_> = err.problems.iter().map(|p| p.location.line).collect();
    assert_eq!(lines, [Some(2), Some(3), Some(4)]);
    assert!(err.problems[0].message.contains("missing field `label`"));
    assert!(err.problems[2].message.contains("unknown field `alias`"));
}

#[test]
fn jsonl_label_with_no_letters_is_refused_as_in_the_text_format() {
    let err = load(&[(
        "gen.jsonl",
        "{\"label\": \"Kim\", \"type\": \"person\"}\n{\"label\": \"!!!\", \"type\": \"person\"}\n{\"label\": \" \", \"type\": \"person\"}\n",
    )])
    .unwrap_err();
    let report: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        report,
        [
            "gen.jsonl:2: alias `!!!` has no letters or digits",
            "gen.jsonl:3: empty label",
        ]
    );
}

#[test]
fn same_id_merges_and_type_conflict_is_an_error() {
    let g = load(&[
        ("a/people.txt", "Vladimir Putin | Putin\n"),
        (
            "b/people.txt",
            "Vladimir Putin | Vladimir Vladimirovich | Putin\n",
        ),
    ])
    .unwrap();
    assert_eq!(g.len(), 1);
    assert_eq!(g.entities()[0].aliases.len(), 3);

    let err = load(&[
        ("a/people.txt", "Georgia\n"),
        ("b/places.txt", "Georgia | id=person:georgia\n"),
    ])
    .unwrap_err();
    assert_eq!(
        err.problems[0].to_string(),
        "b/places.txt:1: entity `person:georgia` is a place here but a person at a/people.txt:1"
    );
}

#[test]
fn variants_cover_hyphens_joins_and_dots() {
    assert_eq!(
        variants("Kim Jong Un", &EntityType::Person),
        ["Kim Jong Un", "Kim Jongun"]
    );
    assert_eq!(
        variants("Kim Jong-Un", &EntityType::Person),
        ["Kim Jong Un", "Kim JongUn", "Kim Jongun"]
    );
    assert_eq!(
        variants("St. Petersburg", &EntityType::Place),
        ["St. Petersburg", "St Petersburg"]
    );
    assert_eq!(variants("U.S.", &EntityType::Place), ["US"]);
    assert_eq!(
        variants("RIA-Novosti", &EntityType::Organization),
        ["RIA Novosti", "RIANovosti"]
    );
    // A possessive written apart, as tokenized text writes it; a typographic apostrophe
    // is `'` once normalized; an apostrophe inside a word is no possessive.
    let org = EntityType::Organization;
    assert_eq!(variants("Moody\u{2019}s", &org), ["Moody's", "Moody 's"]);
    assert_eq!(
        variants("Toronto Bond Traders' Association", &org),
        [
            "Toronto Bond Traders' Association",
            "Toronto Bond Traders ' Association"
        ]
    );
    assert_eq!(variants("O'Brien Bros", &org), ["O'Brien Bros"]);
    assert_eq!(variants("O'Sullivan Group", &org), ["O'Sullivan Group"]);
    assert_eq!(variants("Dunkin' Brands", &org), ["Dunkin' Brands"]);
}

#[test]
fn comments_need_a_space_before_the_hash() {
    assert_eq!(strip_comment("No.#1 | x # c"), "No.#1 | x ");
    assert_eq!(strip_comment("# all"), "");
}

/// A UTF-8 byte-order mark is not part of a gazetteer's first line (in either format); a
/// UTF-16 file is an error naming it.
#[test]
fn byte_order_marks_in_gazetteers() {
    let g = load(&[
        ("people.txt", "\u{FEFF}Vladimir Putin | Putin\n"),
        (
            "gen.jsonl",
            "\u{FEFF}{\"label\": \"Kim Jong Un\", \"type\": \"person\"}\n",
        ),
    ])
    .unwrap();
    let labels: Vec<&str> = g.entities().iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["Vladimir Putin", "Kim Jong Un"]);

    let dir = tempfile::tempdir().unwrap();
    let bom = dir.path().join("people.txt");
    std::fs::write(&bom, b"\xEF\xBB\xBFVladimir Putin | Putin\n").unwrap();
    let utf16 = dir.path().join("places.txt");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("Moscow\n".encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&utf16, bytes).unwrap();
    let mut l = Loader::new();
    l.add_path(&bom);
    l.add_path(&utf16);
    let err = l.finish().unwrap_err();
    let report: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        report,
        [format!(
            "{}: UTF-16 is not supported; convert to UTF-8 (gazetteers must be UTF-8 text)",
            utf16.display()
        )]
    );
}

#[test]
fn a_royal_title_and_one_name_imply_the_name_anchored() {
    let g = Gazetteer::from_str(
        "people.txt",
        "King Halvard IV | Prince Halvard\nKing Norodom Tevath\nQueen Ilse | ~Ilse\n\
         @type place\nPrince Halvard Island\n",
    )
    .unwrap();
    let anchored = |i: usize| -> Vec<&str> {
        g.entities()[i]
            .aliases
            .iter()
            .filter(|a| a.anchored)
            .map(|a| a.text.as_str())
            .collect()
    };
    assert_eq!(anchored(0), ["Halvard"]);
    // Two names after the title, or the name listed already: nothing added.
    assert!(anchored(1).is_empty());
    assert_eq!(anchored(2), ["Ilse"]);
    // Only people.
    assert!(anchored(3).is_empty());
}

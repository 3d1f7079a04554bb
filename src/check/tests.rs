//! Tests of the lints, the statistics and the explanations' writer.

use super::*;
use crate::gazetteer::Loader;
use crate::model::EntityType;

#[test]
fn explanations_are_written_one_a_line() {
    let g = Gazetteer::from_str("people.txt", "Vladimir Putin | Putin\n").unwrap();
    let m = crate::Matcher::new(&g).unwrap();
    let mut out = Vec::new();
    write_explanations(&m.explain(&g, "Putin spoke."), &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("0..5 \"Putin\": match (match): "), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
    let mut out = Vec::new();
    write_explanations(&[], &mut out).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "no alias of the loaded gazetteers occurs in the text\n"
    );
}

/// A pack with one planted problem a line (lines numbered in the comments).
const PLANTED: &str = "\
@type person
Kim Jong Un | ~Kim
Kim Jong Il | ~Kim
Theresa May | ~May
Bill Clinton | !Bill
Xi Jinping | Xi
Ken Gause
Kim Chang Son
Vladimir Putin | Putin | Putin
@type place
Georgia | +Georgia
South Georgia
Bath
Mobile, Alabama | ~Mobile
Ides of March | ~March
@type organization
Far Eastern Federal University
@type person
Theresa May | ~Theresa
Pak Ui Chun | P | Wikidata=Q42
Lee Sang-hoon | id=Q42 | ~Lee
@type place
Łódź
";

/// Each problem as `path:line: level: message`.
fn report(text: &str) -> Vec<String> {
    let g = Gazetteer::from_str("planted.txt", text).unwrap();
    lint(&g, &CheckOptions::default())
        .iter()
        .map(|p| format!("{}: {}: {}", p.location, p.level, p.message))
        .collect()
}

fn has(lines: &[String], prefix: &str, needle: &str) -> bool {
    lines
        .iter()
        .any(|l| l.starts_with(prefix) && l.contains(needle))
}

#[test]
fn each_planted_problem_is_reported_on_its_line() {
    let r = report(PLANTED);
    // Notes are what the author decided (an anchored or default-sense alias, a forced
    // one) or advice; warnings are aliases that will not do what was meant.
    let expect = [
        (
            "planted.txt:2: note: ",
            "alias `Kim` is shared by Kim Jong Un and Kim Jong Il",
        ),
        (
            "planted.txt:3: note: ",
            "alias `Kim` is shared by Kim Jong Il and Kim Jong Un",
        ),
        (
            "planted.txt:4: warning: ",
            "alias `May` is a weekday or month name: it is set aside even when anchored; write `~!May`",
        ),
        (
            "planted.txt:5: note: ",
            "alias `Bill` is a common English word and is forced",
        ),
        (
            "planted.txt:7: note: ",
            "`Ken Gause` has no alias besides its label: add `~Gause`",
        ),
        (
            "planted.txt:9: note: ",
            "alias `Putin` of `person:vladimir-putin` is already listed at planted.txt:9",
        ),
        (
            "planted.txt:11: note: ",
            "alias `Georgia` is part of `South Georgia` (place:south-georgia)",
        ),
        (
            "planted.txt:13: warning: ",
            "alias `Bath` is a common English word and not anchored",
        ),
        (
            "planted.txt:15: warning: ",
            "alias `March` is a weekday or month name",
        ),
        ("planted.txt:17: note: ", "add its acronym (`FEFU`?)"),
        (
            "planted.txt:19: warning: ",
            "duplicate entry: `person:theresa-may` is already defined at planted.txt:4",
        ),
        ("planted.txt:20: warning: ", "one-letter alias `P`"),
        (
            "planted.txt:20: warning: ",
            "alias `Wikidata=Q42` contains `=`",
        ),
        (
            "planted.txt:21: warning: ",
            "id `Q42` is not of the form `type:name`",
        ),
        (
            "planted.txt:23: note: ",
            "alias `Łódź` has no ASCII spelling: add `Lodz`",
        ),
    ];
    for (at, what) in expect {
        assert!(
            has(&r, at, what),
            "expected {at}{what} in\n{}",
            r.join("\n")
        );
    }
    // Anchored common words are the remedy, not a problem; a person's family name
    // written first (`Xi`) is the form news uses.
    assert!(!r.iter().any(|l| l.contains("`Mobile`")), "{r:#?}");
    assert!(!r.iter().any(|l| l.contains("`Xi`")), "{r:#?}");
    // A surname thousands share (`Kim`) is no short form of one person: no advice to
    // anchor it.
    assert!(!r.iter().any(|l| l.contains("Kim Chang Son")), "{r:#?}");
    assert_eq!(r.len(), expect.len(), "{r:#?}");
}

#[test]
fn acronyms_and_demonyms_are_not_short_or_common() {
    let r =
        report("@type place\nUnited States | US | U.S. | demonym=American\nUnited Nations | UN\n");
    assert!(r.is_empty(), "{r:#?}");
}

#[test]
fn a_shared_alias_names_the_default_sense() {
    let r = report("@type place\nGeorgia | +Georgia\nGeorgia (US state) | Georgia\n");
    assert!(!r.iter().any(|l| l.contains("already listed")), "{r:#?}");
    assert!(
        has(&r, "planted.txt:3: ", "else Georgia (its default sense)"),
        "{r:#?}"
    );
}

#[test]
fn a_shared_alias_of_bodies_in_different_countries_is_a_note() {
    let r = report(
        "@type organization\nHM Treasury | !Treasury | country=United Kingdom\n\
         US Treasury | !Treasury | country=United States\n\
         Bank of England | BoE | country=United Kingdom\n\
         Bank of Estonia | BoE | country=United Kingdom\n",
    );
    assert!(
        has(
            &r,
            "planted.txt:2: note: ",
            "else the one whose country the document names, else dropped"
        ),
        "{r:#?}"
    );
    // Two bodies of one country: the country cannot decide.
    assert!(
        has(&r, "planted.txt:4: warning: ", "alias `BoE` is shared"),
        "{r:#?}"
    );
}

#[test]
fn scope_limits_reports_to_the_checked_files_but_compares_with_all() {
    let mut loader = Loader::new();
    loader.add_text(
        "world/people.txt",
        "Kim Jong Un | ~Kim\nTheresa May | May\n",
    );
    loader.add_text("topic/people.txt", "Kim Yo Jong | ~Kim\n");
    let g = loader.finish().unwrap();
    let options = CheckOptions {
        scope: ["topic/people.txt".to_string()].into(),
    };
    let r: Vec<String> = lint(&g, &options).iter().map(ToString::to_string).collect();
    assert!(has(
        &r,
        "topic/people.txt:1: ",
        "shared by Kim Yo Jong and Kim Jong Un"
    ));
    assert!(r.iter().all(|l| l.starts_with("topic/")), "{r:#?}");
}

#[test]
fn repeated_alias_across_files_is_reported_where_repeated() {
    let mut loader = Loader::new();
    loader.add_text("a/people.txt", "Vladimir Putin | Putin\n");
    loader.add_text("b/people.txt", "Vladimir Putin | Putin | Vlad\n");
    let g = loader.finish().unwrap();
    let r: Vec<String> = lint(&g, &CheckOptions::default())
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(has(
        &r,
        "b/people.txt:1: ",
        "alias `Putin` of `person:vladimir-putin` is already listed at a/people.txt:1"
    ));
    // Naming the entity by its label to add to it is how merging works: not a repeat.
    assert!(
        !r.iter().any(|l| l.contains("alias `Vladimir Putin`")),
        "{r:#?}"
    );
    assert!(!r.iter().any(|l| l.contains("duplicate entry")), "{r:#?}");
}

#[test]
fn stats_count_per_type_and_file() {
    let mut loader = Loader::new();
    loader.add_text(
        "a/people.txt",
        "Kim Jong Un | ~Kim\nKim Jong Il | ~Kim | Kim Jong-il\n",
    );
    loader.add_text("b/places.txt", "Russia | demonym=Russian\n");
    let s = stats(&loader.finish().unwrap());
    let person = s.by_type[&EntityType::Person];
    assert_eq!(
        (person.entities, person.aliases, person.anchored),
        (2, 5, 2)
    );
    assert_eq!(s.by_type[&EntityType::Place].demonyms, 1);
    assert_eq!(s.by_file[0].0, "a/people.txt");
    assert_eq!(s.by_file[1].1.aliases, 2);
    assert_eq!(s.ambiguous, [("kim".to_string(), 2)]);
    let mut out = Vec::new();
    write_stats(&s, 10, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("shared aliases: 1"), "{text}");
}

/// Finding the aliases an alias contains is near-linear in its length: a long alias (here
/// 3,000 words, and 1 MB ones are seen in generated packs) is checked as fast as it loads,
/// and what it contains is still found, also where its words repeat.
#[test]
fn a_long_alias_still_finds_the_aliases_it_contains() {
    // Its speed (it was cubic in the alias's length) is measured by
    // `cargo bench --bench stages -- check`.
    let long: Vec<String> = (0..3000).map(|i| format!("Word{}", i % 40)).collect();
    let text = format!(
        "@type person\nWord1 Word2 | Word39 Word0 Word1\n{}\n",
        long.join(" ")
    );
    let g = Gazetteer::from_str("people.txt", &text).unwrap();
    let report: Vec<String> = lint(&g, &CheckOptions::default())
        .iter()
        .map(|p| p.to_string())
        .collect();
    for short in ["Word1 Word2", "Word39 Word0 Word1"] {
        assert!(
            report.iter().any(|l| l.starts_with(&format!(
                "people.txt:2: alias `{short}` is part of `Word0 Word1"
            ))),
            "{short}: {report:#?}"
        );
    }
}

#[test]
fn a_company_named_by_an_ordinary_word_needs_context() {
    let r = report(
        "@type organization\nApple Computer | !Apple | kind=company\nNext Retail | ~!Next\n\
         HM Treasury | !Treasury | kind=ministry\n",
    );
    assert!(
        has(
            &r,
            "planted.txt:2: warning: ",
            "needs context; anchor it (`~!Apple`)"
        ),
        "{r:#?}"
    );
    // Anchored and forced asks for that context: nothing to say.
    assert!(!r.iter().any(|l| l.starts_with("planted.txt:3:")), "{r:#?}");
    // An institution's ordinary-word name is the pack's choice: a note.
    assert!(has(&r, "planted.txt:4: note: ", "is forced"), "{r:#?}");
}

#[test]
fn the_ids_discover_gives_are_of_their_form() {
    // What `entgraph discover` writes, as a text gazetteer: its ids carry their prefix.
    let r = report("@type person\nIvan Chistyakov | id=discovered:person:ivan-chistyakov | ~Chistyakov\nOdalys Thornquist | id=discovered:person | ~Thornquist\n");
    assert!(!has(&r, "planted.txt:2: ", "is not of the form"), "{r:#?}");
    // The prefix alone is no id.
    assert!(
        has(
            &r,
            "planted.txt:3: warning: ",
            "id `discovered:person` is not of the form"
        ),
        "{r:#?}"
    );
}

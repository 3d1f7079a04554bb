//! The context rules' unit tests: the word lists, lines, and the words around a span.
use super::teams::*;
use super::words::*;

#[test]
fn every_listed_word_is_found_with_its_lists() {
    for (list, bit) in [
        (COMPANY_SUFFIXES, COMPANY),
        (TEAM_ROLES, ROLE),
        (TEAM_WORDS, TEAM),
        (RESULT_AFTER, AFTER),
        (RESULT_BEFORE, BEFORE),
        (QUALIFIERS, QUALIFIER),
        (HONORIFICS, HONORIFIC),
    ] {
        for w in list {
            assert!(lists(w) & bit != 0, "{w}");
            assert_eq!(w.to_lowercase(), *w, "lists are in lower case");
        }
    }
    // `beat` is a result after a team and before one.
    assert_eq!(lists("beat"), AFTER | BEFORE);
    assert_eq!(
        lists("Beat") | lists("the") | lists("a-very-long-word-indeed"),
        0
    );
}

#[test]
fn lines_of_results_fixtures_and_headlines() {
    assert!(results_line("Pohang 3 Ulsan 2 ( halftime 1-0 )"));
    assert!(results_line("TORONTO 63 72 .467 12 1/2"));
    assert!(!results_line(
        "Russia sent 3 ships and 200 men to the port on Friday ."
    ));
    assert!(fixture_team("KANSAS CITY AT DETROIT", 0, 11));
    assert!(!fixture_team("KANSAS CITY AT DETROIT", 15, 22));
    assert!(!fixture_team("Kim at Vladivostok", 0, 3));
    assert!(!fixture_team("KIM CROSSES INTO RUSSIA AT KHASAN", 17, 23));
    assert!(headline("Kim Arrives In Russia Ahead Of Summit"));
    assert!(headline("KIM MEETS PUTIN IN VLADIVOSTOK"));
    assert!(!headline("Kim met Putin in Vladivostok on Thursday."));
}

#[test]
fn words_around_a_span() {
    let t = "with Real Madrid , Air\tFrance.";
    let madrid = t.find("Madrid").unwrap();
    assert_eq!(word_before(t, madrid).unwrap().text, "Real");
    assert_eq!(word_after(t, 4).unwrap().text, "Real");
    let france = t.find("France").unwrap();
    assert_eq!(word_before(t, france).unwrap().text, "Air");
    assert!(word_after(t, france + 6).is_none());
    assert!(opens_sentence("Said. Visiting Moscow", 6));
    assert!(!opens_sentence("he was visiting Moscow", 7));
}

//! The context rules' unit tests: the word lists, lines, and the words around a span.
use super::teams::*;
use super::words::*;

#[test]
fn every_listed_word_is_found_with_its_lists() {
    for (list, bit) in LISTS {
        for w in list {
            assert!(lists(w) & bit != 0, "{w}");
            assert_eq!(w.to_lowercase(), *w, "lists are in lower case");
            // The shape table of `lists` holds ASCII words shorter than 16 bytes that start
            // with a lower-case letter (`fly-half` has a hyphen inside).
            assert!(
                w.len() < 16
                    && w.starts_with(|c: char| c.is_ascii_lowercase())
                    && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{w}"
            );
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
fn lines_of_fixtures_and_headlines() {
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

/// Texts made of pieces that exercise the word scans: plain and capitalized words, cue
/// words, numbers, marks, dots, apostrophes, non-ASCII letters, tabs and line breaks.
fn mixed_texts() -> Vec<String> {
    const PIECES: &[&str] = &[
        "the",
        "of",
        "with",
        "to",
        "drew",
        "Lost",
        "in",
        "Moscow",
        "É",
        "é",
        "café",
        "v",
        "vs.",
        "3",
        "12",
        "'s",
        "’s",
        "-",
        ".",
        "...",
        ",",
        "(",
        "O'Brien",
        "St.",
        "captain",
        "team",
        "won",
        "XI",
        "beat",
        "Bank",
        " ",
        "  ",
        "\t",
        "\n",
        "“",
        "_x",
        "—",
        "In",
        "Americans.",
    ];
    // A fixed linear congruential sequence: the same texts on every run.
    let mut next = crate::sequence::sequence(0x2545_f491_u64);
    (0..800)
        .map(|_| {
            let n = 1 + next() % 16;
            let mut t = String::new();
            for _ in 0..n {
                t.push_str(PIECES[next() % PIECES.len()]);
                if next() % 3 > 0 {
                    t.push(' ');
                }
            }
            t
        })
        .collect()
}

#[test]
fn a_glance_never_hides_a_word() {
    for t in mixed_texts() {
        for at in (0..=t.len()).filter(|&k| t.is_char_boundary(k)) {
            for (glance, word) in [
                (glance_before(&t, at), word_before(&t, at)),
                (glance_after(&t, at), word_after(&t, at)),
            ] {
                // A glance may send a word to be read whole (`Other`), never hide one.
                match (glance, word) {
                    (Glance::Nothing, None) | (Glance::Other, _) => {}
                    (Glance::Lower(g), Some(w)) => {
                        assert_eq!(g, w, "{t:?} at {at}");
                        assert!(w.text.starts_with(|c: char| c.is_ascii_lowercase()));
                    }
                    (g, w) => panic!("{t:?} at {at}: glance {g:?}, word {w:?}"),
                }
            }
        }
    }
}

#[test]
fn a_glance_reads_plain_words_by_bytes() {
    let t = "talks in\tMoscow ended. ( Moscow said";
    let m = t.find("Moscow").unwrap();
    assert!(matches!(glance_before(t, m), Glance::Lower(w) if w.text == "in"));
    assert!(matches!(glance_after(t, m + 6), Glance::Lower(w) if w.text == "ended"));
    let m2 = t.rfind("Moscow").unwrap();
    assert_eq!(glance_before(t, m2), Glance::Nothing);
    assert!(matches!(glance_after(t, m2 + 6), Glance::Lower(w) if w.text == "said"));
    assert_eq!(
        glance_after(t, t.find("ended").unwrap() + 5),
        Glance::Nothing
    );
    assert_eq!(glance_before("Real Madrid", 5), Glance::Other);
    assert_eq!(glance_before("café Paris", 6), Glance::Other);
    // A dash or a quote mark alone is no word; a letter that is not ASCII is read.
    assert_eq!(glance_after("SEOUL — South", 5), Glance::Nothing);
    assert_eq!(glance_before("— Moscow", 4), Glance::Nothing);
    assert_eq!(glance_after("Moscow élite", 6), Glance::Other);
}

#[test]
fn leads_that_a_rule_reads_and_plain_ones() {
    use super::{lead, Lead};
    let at = |t: &str| lead(t, t.rfind('X').unwrap());
    for t in [
        "they drew with X",
        "Spain DREW with X",
        "United lost to X",
        "the Bank of X",
        "University of the X",
        "defeated X",
        "Wales v X",
        "play against X",
    ] {
        assert_eq!(at(t), Lead::Cue, "{t}");
    }
    for t in [
        "President X",
        "Real X",
        "1999 X",
        "É X",
        "Mr. X",
        "of The X",
    ] {
        assert_eq!(at(t), Lead::Other, "{t}");
    }
    for t in [
        "flew to X",
        "met with X",
        "north of X",
        "outside the X",
        "talks in X",
        "(X",
        "X",
        "said, X",
        // A function word opening the sentence, a sentence's last word, a dash: no rule
        // reads them.
        "In X",
        "From X",
        "Americans. X",
        "J. X",
        "SEOUL — X",
        "“ X",
    ] {
        assert_eq!(at(t), Lead::Quiet, "{t}");
    }
}

#[test]
fn the_start_of_a_given_name() {
    use super::GivenStart;
    let start = |label: &str| GivenStart::of_label(label);
    assert_eq!(start("Vladimir Putin"), Some(GivenStart::of_lower("vla")));
    assert_eq!(
        start("Vladimir Putin"),
        Some(GivenStart::of_lower("vladmir"))
    );
    assert_ne!(start("Vladimir Putin"), Some(GivenStart::of_lower("naina")));
    assert_eq!(start("Jo Cox").map(GivenStart::first), Some('j'));
    assert_eq!(start("Putin"), None);
    // Lowered as the whole word is: a final sigma stays final.
    assert_eq!(
        start("ΟΔΟΣ Χ"),
        Some(GivenStart::of_lower(&"ΟΔΟΣ".to_lowercase()))
    );
    assert_eq!(start("ΑΣ Χ"), Some(GivenStart::of_lower("ας")));
    // ASCII labels are read by bytes: the same as by chars, whatever the whitespace.
    for label in [
        "Vladimir Putin",
        "  Kim\tJong Un",
        "Xi\x0bJinping",
        "Mao\x0b",
        " Jo ",
        "A B",
        "",
        "   ",
        "MOON Jae-in",
    ] {
        let by_chars = label.split_whitespace().nth(1).is_some().then(|| {
            let first = label.split_whitespace().next().unwrap_or("");
            GivenStart::of_lower(&first.to_lowercase())
        });
        assert_eq!(GivenStart::named(label), by_chars.is_some(), "{label:?}");
        assert_eq!(start(label), by_chars, "{label:?}");
    }
    assert_eq!(
        start("İlker Başbuğ"),
        Some(GivenStart::of_lower(&"İlker".to_lowercase()))
    );
}

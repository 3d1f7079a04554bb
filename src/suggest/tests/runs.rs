//! Which words make a candidate: sentence-initial and headline words, weekdays and months,
//! connectors inside a name, titles and person mentions absorbed, names the gazetteers
//! already cover, a document on one long line.

use super::*;

#[test]
fn sentence_initial_common_words_are_not_names() {
    let s = run(&["Analysts said the meeting mattered. The talks went on. \
         According to officials, nothing changed. Tricky questions remain. \
         Speaking on Monday, envoy Ilse Brandvold was upbeat. \
         Previously, the sides rarely met."]);
    assert_eq!(labels(&s), ["Ilse Brandvold"]);
}

#[test]
fn sentence_initial_word_seen_capitalized_elsewhere_starts_a_name() {
    let s = run(&[
        "Cold War rivalries shaped the port. Historians of the Cold War disagree.",
        "Cold weather delayed the train.",
    ]);
    assert_eq!(labels(&s), ["Cold War"]);
    assert_eq!(find(&s, "Cold War").mentions, 2);
}

#[test]
fn a_word_seen_capitalized_only_inside_names_starts_none() {
    let s = run(&[
        "Crowds filled the West End, the Tudor Rose pub and the Fibre Cable shop.\n\n\
         End Marlowe Deal Now\n\n\
         The union wants Gordon Marlowe out. Rose Kiptanui won. Irons, the actor, left. \
         Actor Jeremy Irons spoke. Cable & Wireless fell.",
    ]);
    assert!(
        s.iter().all(|x| !x.label.starts_with("End ")),
        "{:?}",
        labels(&s)
    );
    // A given name still opens a name, and a word alone may still be a short form.
    assert_eq!(find(&s, "Rose Kiptanui").kind.as_deref(), Some("person"));
    assert_eq!(find(&s, "Jeremy Irons").mentions, 2);
    // An ampersand makes a firm's name.
    find(&s, "Cable & Wireless");
}

#[test]
fn a_name_only_ever_sentence_initial_is_not_proposed_alone() {
    let s = run(&["Anticipation grew. Accessibility matters.\n\nXS\n\nSM\n"]);
    assert!(s.is_empty(), "{:?}", labels(&s));
}

#[test]
fn headline_lines() {
    let docs = ["PUTIN MEETS KIM\n\n\
         Kim-Putin Summit 2019: KEY Predictions and First Hours\n\n\
         Putin Arrives In Vladivostok For Meeting With Hopeful Leader Kim\n\n\
         Kim Jong Un met Vladimir Putin in Vladivostok. The talks were long."];
    let s = run(&docs);
    assert!(s.is_empty(), "{:?}", labels(&s));
    // A name in a headline is kept when it is no ordinary word.
    let s = run(&["Zhanna Orlik Wins Again\n\nThe race was close, said coach Zhanna Orlik."]);
    assert_eq!(labels(&s), ["Zhanna Orlik"]);
    assert_eq!(s[0].mentions, 2);
}

#[test]
fn weekdays_and_months_are_never_names() {
    let s = run(&["On Wednesday envoy Tarek Osmani said March and May would be busy."]);
    assert_eq!(labels(&s), ["Tarek Osmani"]);
}

#[test]
fn a_time_zone_is_no_word_of_a_name() {
    let s = run(&["By 1300 GMT Velmora's shares were down, though Velmora's profits rose."]);
    assert_eq!(labels(&s), ["Velmora"]);
}

#[test]
fn connectors_inside_names() {
    let s = run(&[
        "Putin flew to the Belt and Road Forum. He praised the Ministry of Coastal Affairs \
         and met President Bashar al-Assad at Far Eastern Federal University on Russky \
         Island, near the Institute for Polar Studies.",
    ]);
    for (label, kind) in [
        ("Belt and Road Forum", "organization"),
        ("Ministry of Coastal Affairs", "organization"),
        ("Bashar al-Assad", "person"),
        ("Far Eastern Federal University", "organization"),
        ("Russky Island", "place"),
        ("Institute for Polar Studies", "organization"),
    ] {
        assert_eq!(find(&s, label).kind.as_deref(), Some(kind), "{label}");
    }
    assert_eq!(s.len(), 6, "{:?}", labels(&s));
}

#[test]
fn a_word_hyphenated_to_a_participle_is_a_modifier_not_a_name() {
    let s = run(&[
        "The Brisco-nominated actor Tobin Vance spoke. Tobin Vance acted in \
         Brisco-nominated movie Tall Grass. Envoy Park Sun-hee met Kim Dae-jung and \
         Li Ka-shing.",
    ]);
    assert!(
        s.iter().all(|x| !x.label.contains("nominated")),
        "{:?}",
        labels(&s)
    );
    // What is before the modifier is said of the noun after it (`in ... movie`).
    not_typed(&s, "Brisco", Some("place"));
    assert_eq!(find(&s, "Tobin Vance").kind.as_deref(), Some("person"));
    // The syllables of romanized names are no participles.
    for name in ["Park Sun-hee", "Kim Dae-jung", "Li Ka-shing"] {
        assert_eq!(find(&s, name).kind.as_deref(), Some("person"), "{name}");
    }
}

#[test]
fn first_opens_a_firm_s_name_but_no_title() {
    let s = run(&[
        "Shares of First Harwick Corp. rose, said an analyst at First Tolvane bank. \
         She met First Minister Ilse Brandvold.",
    ]);
    let firm = find(&s, "First Harwick Corp");
    assert_eq!(firm.kind.as_deref(), Some("organization"));
    assert_eq!(
        find(&s, "First Tolvane").kind.as_deref(),
        Some("organization")
    );
    // Before a title it is the title's: the name is the person's.
    assert!(labels(&s).contains(&"Ilse Brandvold"), "{:?}", labels(&s));
    assert!(
        !labels(&s).iter().any(|l| l.starts_with("First Minister")),
        "{:?}",
        labels(&s)
    );
}

#[test]
fn a_function_word_that_is_a_surname_ends_a_person_s_name() {
    let s = run(&[
        "Tries came from centre Walter Little and flanker Neil Back on Saturday. \
         Fans of Jackson Five sang, and analysts at Tolvane Such agreed.",
    ]);
    assert!(labels(&s).contains(&"Walter Little"), "{:?}", labels(&s));
    assert!(labels(&s).contains(&"Neil Back"), "{:?}", labels(&s));
    // A number is no surname; nor is a surname's word after a word that is no given name.
    assert!(
        !labels(&s)
            .iter()
            .any(|l| *l == "Jackson Five" || *l == "Tolvane Such"),
        "{:?}",
        labels(&s)
    );
}

#[test]
fn a_surname_that_reads_as_the_plural_of_a_short_listed_name_is_a_surname() {
    // `Rios` is not the plural of `Rio`: where the player is named, it is his surname.
    let s = run_with(
        "@type place\nRio de Janeiro | Rio\n",
        &["Tenth seed Marcelo Rios lost on Tuesday, and Rios said he was tired."],
        &SuggestOptions::default(),
    );
    assert_eq!(find(&s, "Marcelo Rios").aliases, ["Rios"]);
}

#[test]
fn an_acronym_in_brackets_joins_the_words_it_spells() {
    let s = run(&[
        "An order came from the Varnholt Post and Telegraph Administration (VPTA) on \
         Monday. The VPTA said more would follow. Envoys of Tolmark Harbour and \
         Ostwick Council (OHC) met.",
    ]);
    let full = find(&s, "Varnholt Post and Telegraph Administration");
    assert_eq!(full.kind.as_deref(), Some("organization"));
    assert!(full.aliases.iter().any(|a| a == "VPTA"), "{full:?}");
    // Many parts that may each give a letter or none cost no more than their number: tried
    // one choice after another, these 40 would take longer than any test run lasts.
    let parts = vec!["Aa"; 40].join("-");
    let hostile = format!("Envoys of Bb and {parts} ( BAAAAAAAAAAAAAAAAAAA ) met.");
    assert!(!labels(&run(&[hostile.as_str()])).is_empty());
    // Letters that are not the initials join nothing.
    assert!(
        !labels(&s).iter().any(|l| l.contains(" and Ostwick")),
        "{:?}",
        labels(&s)
    );
}

#[test]
fn and_after_a_body_s_name_joins_no_person_to_it() {
    let s = run(&["A study by the Harbury Institute and Dan Gillmor appeared on Monday."]);
    for name in ["Harbury Institute", "Dan Gillmor"] {
        assert!(labels(&s).contains(&name), "{name}: {:?}", labels(&s));
    }
}

#[test]
fn an_ampersand_joins_a_firms_name_not_two_people() {
    let s = run(&[
        "Shares of Hallam & Tresk rose on Monday, and Hallam & Tresk said profits doubled. \
         An analyst at Brodie Vantner & Co said Tresk had done well. On television, \
         comedians Lucas Pemberly & David Ashworth said Richard & Judy had called.",
    ]);
    let firm = find(&s, "Hallam & Tresk");
    assert_eq!(firm.kind.as_deref(), Some("organization"), "{firm:?}");
    assert_eq!(firm.cue, "`&` in the name");
    assert_eq!(
        find(&s, "Brodie Vantner & Co").kind.as_deref(),
        Some("organization")
    );
    // A word of a name joined by `&` is no short form of it: `Tresk` is its own.
    assert!(firm.anchored.is_empty(), "{firm:?}");
    assert!(labels(&s).contains(&"Tresk"), "{:?}", labels(&s));
    // Two people, by their given names, are not joined.
    let l = labels(&s);
    assert!(l.contains(&"Lucas Pemberly"), "{l:?}");
    assert!(l.contains(&"David Ashworth"), "{l:?}");
    assert!(!l.iter().any(|x| x.contains(" & Judy")), "{l:?}");
}

#[test]
fn abbreviated_titles_and_absorbed_person_mentions() {
    let s = run(&["Mr. Halvorsen said the plan would work. Vladmir Putin agreed."]);
    let h = find(&s, "Halvorsen");
    assert_eq!(h.cue, "title `Mr` before");
    // A one-word mention of a person inside a longer name does not cut it.
    let p = find(&s, "Vladmir Putin");
    assert_eq!(p.kind.as_deref(), Some("person"));
    assert_eq!(p.cue, "`Putin` names a listed person");
}

#[test]
fn names_the_gazetteer_covers_are_not_proposed() {
    let s = run(&[
        "Russian President Vladimir Putin met Foreign Minister Sergei Lavrov in the Kremlin. \
         Putin and Lavrov then flew to Vladivostok. Kim Jong-un waited.",
        "Moscows and Russians reacted.",
    ]);
    assert!(s.is_empty(), "{:?}", labels(&s));
    // An anchored alias the document never anchors (no full name) is not covered there:
    // `CNA` is proposed.
    let s = run(&["Analysts at CNA were not surprised, the CNA report said."]);
    assert_eq!(labels(&s), ["CNA"]);
    let k = Known::new(&Gazetteer::from_str("test.txt", GAZ).unwrap());
    assert!(k.contains("KIM JONG-UN") && k.contains("Kim Jongun") && !k.contains("Kim"));
    assert!(!k.contains("Kim Chang Son"));
}

/// A document on one long line costs about what the same text with line breaks does: the
/// kind of a word's line is not found by scanning back to the line's start for every word
/// (which made a 1 MB line take seconds and a 4 MB line minutes).
#[test]
fn a_long_single_line_gives_what_the_same_text_with_line_breaks_gives() {
    // Its speed (it was quadratic in the line's length) is measured by
    // `cargo bench --bench stages -- suggest`.
    let sentence =
        "Vladimir Putin met Kim Jong Un and Olga Ivanova of Gazprom Neft in Vladivostok. ";
    let n = 1_000_000 / sentence.len();
    let one_line = sentence.repeat(n);
    let broken = format!("{}\n", sentence.trim_end()).repeat(n);
    assert_eq!(labels(&run(&[&one_line])), labels(&run(&[&broken])));
}

#[test]
fn a_combining_form_makes_an_adjective_not_a_name() {
    let s = run(&[
        "The Anglo-Dutch firm Velmora grew in Tarrow. Talks on Sino-Korean trade resumed \
         in Franco-German style, and Euro-sceptic MPs met there.",
        "Historians of the Anglo-Irish Agreement met in Tarrow.",
    ]);
    let l = labels(&s);
    for form in ["Anglo", "Sino", "Franco", "Euro"] {
        assert!(
            l.iter()
                .all(|x| !x.starts_with(form) || *x == "Anglo-Irish Agreement"),
            "{form}: {l:?}"
        );
    }
    // A name that goes on after the hyphenated word keeps it.
    assert!(l.contains(&"Anglo-Irish Agreement"), "{l:?}");
}

#[test]
fn a_field_before_a_bodys_head_word_is_a_word_of_its_name() {
    let s = run(&[
        "Officials said the Defence Procurement Agency had failed. The plan went to the \
         State Asset Management Bureau in Tarrow, and the Special Immigration Appeals \
         Commission heard the case.",
        "Later Defence Secretary Halvard Brenning met Deputy High Court Judge Ilse \
         Brandvold in Tarrow.",
    ]);
    let l = labels(&s);
    for body in [
        "Defence Procurement Agency",
        "State Asset Management Bureau",
        "Special Immigration Appeals Commission",
    ] {
        assert_eq!(
            find(&s, body).kind.as_deref(),
            Some("organization"),
            "{l:?}"
        );
    }
    // A person's title stays a title, before a name or a court's.
    typed(
        &s,
        "person",
        &[
            ("Halvard Brenning", "title `Secretary` before"),
            ("Ilse Brandvold", "title `Judge` before"),
        ],
    );
    assert!(!l.iter().any(|x| x.starts_with("Deputy")), "{l:?}");
}

#[test]
fn a_korean_given_names_syllable_is_the_names_whatever_word_it_spells() {
    let s = run(&[
        "Coach Park Min-jun said on Monday that envoy Ban Ki-moon and Kim In-so would \
         meet in Tarrow.",
        "The Hong Kong-born actor Halvard Brenning opened a New York-style deli in Tarrow.",
    ]);
    let l = labels(&s);
    for name in ["Park Min-jun", "Ban Ki-moon", "Kim In-so"] {
        assert!(l.contains(&name), "{name}: {l:?}");
    }
    assert!(
        !l.iter()
            .any(|x| x.ends_with("-born") || x.ends_with("-style")),
        "{l:?}"
    );
}

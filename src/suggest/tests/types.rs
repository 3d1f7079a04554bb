//! What a name's own words say of its type (a head word, an acronym, a given name, an
//! initial) and the checks only a whole entry allows (a one-word name only verbs of speech
//! call a person, an event, an office, a nationality or a language).

use super::*;

#[test]
fn head_word_says_organization() {
    let s = run(&[
        "Researchers at Bellwood Polytechnic Institute and the Ministry of Coastal Affairs \
         met the Northern Grain Corporation, the Tarrow Valley Newsroom said. Prices came \
         from the Velmora Energy Desk. Fans of Brindle Comics queued.",
    ]);
    for (label, head) in [
        ("Bellwood Polytechnic Institute", "Institute"),
        ("Ministry of Coastal Affairs", "Ministry"),
        ("Northern Grain Corporation", "Corporation"),
        // A news service's unit, as its sign-off names it.
        ("Tarrow Valley Newsroom", "Newsroom"),
        ("Velmora Energy Desk", "Desk"),
        // A publisher of comics, as of records or films.
        ("Brindle Comics", "Comics"),
    ] {
        let o = find(&s, label);
        assert_eq!(o.kind.as_deref(), Some("organization"), "{label}");
        assert_eq!(o.cue, format!("head word `{head}`"));
    }
}

#[test]
fn acronyms_and_media_are_candidates() {
    let s = run_with(
        "@type place\nRussia\n",
        &["NK Herald, a news website, quoted an expert at DPRKW, a research group."],
        &SuggestOptions::default(),
    );
    assert_eq!(find(&s, "NK Herald").kind.as_deref(), Some("organization"));
    let a = find(&s, "DPRKW");
    assert_eq!(a.kind.as_deref(), Some("organization"));
    assert_eq!(a.cue, "`, a research group` after");
}

#[test]
fn a_listed_given_name_first_says_person() {
    // Result lines give no title, no verb of speech: the given name is the cue.
    let s =
        run(&["Heat two: 1. Steven Halloway ( Jamaica ) 10.12 2. Marta Ollivier ( Chile ) 10.31"]);
    for name in ["Steven Halloway", "Marta Ollivier"] {
        let p = find(&s, name);
        assert_eq!(p.kind.as_deref(), Some("person"), "{name}");
        assert!(p.cue.starts_with("given name"), "{name}: {}", p.cue);
    }
    // A stronger cue is shown (and a head word wins).
    let s = run(&[
        "Envoy Steven Halloway came. Steven Halloway spoke. Steven Halloway left.",
        "Shares of Chase Halloway Bank rose.",
    ]);
    assert_eq!(find(&s, "Steven Halloway").cue, "title `Envoy` before");
    assert_eq!(
        find(&s, "Chase Halloway Bank").kind.as_deref(),
        Some("organization"),
        "{s:?}"
    );
    // `Hill` and `Bridge` after a frequent given name are surnames; after another word, or
    // in a longer name, they are places. `Park` last ends a place's name, after a given
    // name too; first, it opens a person's.
    let s = run(&[
        "Fans cheered Richard Hill. Maria Bridge scored. Crowds filled Harrow Hill and \
         Mornington Hill Square. Rovers lost at Selvick Park and won at Stanley Park.",
        "Coach Park Jisung said on Monday he would stay.",
    ]);
    for (name, kind) in [
        ("Richard Hill", "person"),
        ("Maria Bridge", "person"),
        ("Harrow Hill", "place"),
        ("Mornington Hill Square", "place"),
        ("Selvick Park", "place"),
        ("Stanley Park", "place"),
        ("Park Jisung", "person"),
    ] {
        assert_eq!(find(&s, name).kind.as_deref(), Some(kind), "{name}");
    }
    // `of` before a name is no title.
    let s = run(&["Shares of Westbury Halloway Bank rose."]);
    assert_eq!(find(&s, "Westbury Halloway Bank").cue, "head word `Bank`");
    // No cue from a given name that is an ordinary word, a particle, or a name of more
    // than three words or joined by `of`.
    let s = run(&[
        "Shares of Golden Harvest fell. Le Matin said little. Tickets for Summer of Lenworth \
         sold out, as did Robert Fenwick Ashby Leclair tickets.",
    ]);
    for name in [
        "Golden Harvest",
        "Le Matin",
        "Summer of Lenworth",
        "Robert Fenwick Ashby Leclair",
    ] {
        let p = find(&s, name);
        assert!(!p.cue.starts_with("given name"), "{name}: {}", p.cue);
    }
}

#[test]
fn an_initial_and_a_surname_say_person() {
    // A scorecard: one initial and a surname, no title, no verb of speech.
    let s = run(&[
        "Tarrant 290 ( D. Goffley 61 , K. Pollick 4-38 )\nR. Oldenshaw run out 0\nU.S. \
         Brankworth fell. J. Crew sold well.",
    ]);
    for name in ["D. Goffley", "K. Pollick"] {
        let p = find(&s, name);
        assert_eq!(p.kind.as_deref(), Some("person"), "{name}");
        assert_eq!(p.cue, format!("initial `{}.`", &name[..1]), "{name}");
    }
    // The scorecard's notation says more than the initial.
    let p = find(&s, "R. Oldenshaw");
    assert_eq!(p.kind.as_deref(), Some("person"));
    assert_eq!(p.cue, "a batsman's dismissal after");
    // Two initials are no person; nor an initial before an ordinary word.
    let others: Vec<_> = s
        .iter()
        .filter(|p| p.label.contains("Brankworth") || p.label.contains("Crew"))
        .collect();
    assert!(!others.is_empty(), "{:?}", labels(&s));
    for p in others {
        assert!(!p.cue.starts_with("initial"), "{}: {}", p.label, p.cue);
    }
    // A compass initial before a known name is that name spelled short.
    let gaz = format!("{GAZ}North Korea\nSouth Africa\n");
    let s = run_with(
        &gaz,
        &["N. Korea urges S. Africa to talk. N. Tarrow said no."],
        &SuggestOptions::default(),
    );
    assert_eq!(labels(&s), ["N. Tarrow"], "{s:?}");
}

#[test]
fn a_frequent_given_name_that_is_a_word_opens_a_person_s_name() {
    let s = run(&[
        "The scores were level when Mark Waugh and Frank Bruno arrived. \
        The Noble Antony went on stage, and Frank Talk was the name of the band.",
    ]);
    for person in ["Mark Waugh", "Frank Bruno"] {
        let p = find(&s, person);
        assert_eq!(p.kind.as_deref(), Some("person"), "{p:?}");
        assert!(p.cue.starts_with("given name"), "{p:?}");
    }
    // A rare given name that is an ordinary word (`Noble`), or a frequent one before an
    // ordinary word (`Frank Talk`), says nothing.
    for other in ["Noble Antony", "Frank Talk"] {
        assert_eq!(find(&s, other).kind, None, "{other}");
    }
}

#[test]
fn verbs_of_speech_alone_make_a_person_only_of_a_name_written_like_one() {
    let s = run(&[
        "Velmora said its profits rose. \"We are pleased,\" Velmora said. \
        \"It was hard,\" said Ilse Brandvold. Brandvold said she would stay. It flopped, says \
        Total Screen. The film flopped, said Harbury Concern. Harbury Concern added more.",
    ]);
    // A company that speaks is no person; a person named in full is; a name not written
    // like a person's (an English word in it) is no person either.
    assert_eq!(find(&s, "Velmora").kind, None);
    assert_eq!(find(&s, "Total Screen").kind, None);
    assert_eq!(find(&s, "Harbury Concern").kind, None);
    // Its own head word still says what it is.
    let party = run(&[
        "Voters backed the Marrow Party. Marrow said it was pleased. Marrow said it would \
         govern. Marrow said more. Marrow said so again.",
    ]);
    assert_eq!(
        find(&party, "Marrow Party").kind.as_deref(),
        Some("organization")
    );
    let person = find(&s, "Ilse Brandvold");
    assert_eq!(person.kind.as_deref(), Some("person"), "{person:?}");
    assert!(
        person.aliases.iter().any(|a| a == "Brandvold")
            || person.anchored.iter().any(|a| a == "Brandvold"),
        "{person:?}"
    );
}

#[test]
fn events_prizes_shows_and_laws_get_no_type() {
    let s = run(&[
        "The novelist won the Brandvold Prize at the Velmora Film Festival. \
        \"It is an honour,\" said Ilse Brandvold, who also hosts The Ilse Brandvold Show.",
        "Finance Minister Coastal Trawling Bill was read again. The judges said the \
        Velmoran Fisheries Act did not apply, and Justice Secretary Velmoran Fisheries Act \
        critics agreed. The athletes stayed in the Velmora Olympic village.",
    ]);
    for event in [
        "Brandvold Prize",
        "Velmora Film Festival",
        "Ilse Brandvold Show",
        "Coastal Trawling Bill",
        "Velmoran Fisheries Act",
        "Velmora Olympic",
    ] {
        assert_eq!(find(&s, event).kind, None, "{event}");
    }
    assert_eq!(find(&s, "Ilse Brandvold").kind.as_deref(), Some("person"));
}

#[test]
fn an_office_is_no_person() {
    let s = run(&[
        "\"We will act,\" said Velmoran Secretary. The plan was backed by \
        Velmoran Secretary, and Frank Brandvold MP said he agreed.",
    ]);
    assert_eq!(find(&s, "Velmoran Secretary").kind, None);
    assert_eq!(
        find(&s, "Frank Brandvold MP").kind.as_deref(),
        Some("person")
    );
}

#[test]
fn nationalities_and_languages_get_no_type() {
    let s = run(&[
        "The mayor, who spoke in Korean, said Korean affairs matter. The memoir, translated \
        into English and Swahili, was praised in English reviews. Under Iraqi Kurdish \
        control since 1991, the town hosted North Korean delegates.",
    ]);
    for word in [
        "Korean",
        "English",
        "Swahili",
        "Iraqi Kurdish",
        "North Korean",
    ] {
        for kind in ["person", "place", "organization"] {
            not_typed(&s, word, Some(kind));
        }
    }
    assert!(s.iter().any(|n| n.label == "Korean"), "{:?}", labels(&s));
    // Nor are the adherents of a religion (`British Muslim groups`).
    let s = run(&["The mosque hosted Muslim group leaders, and a Sikh group said it agreed."]);
    for word in ["Muslim", "Sikh"] {
        for kind in ["person", "place", "organization"] {
            not_typed(&s, word, Some(kind));
        }
    }
    // Whatever word of a place or given name stands before them.
    let s = run(&[
        "Roman Catholic leaders met. Mr Grail, a Roman Catholic, said Roman Catholic \
         schools agreed.",
    ]);
    for kind in ["person", "place", "organization"] {
        not_typed(&s, "Roman Catholic", Some(kind));
    }
    // A named language is no place, whatever the word before it.
    let s = run(&["Lessons in Velmoran Sign Language began, and Velmora Prison said it agreed."]);
    assert_eq!(find(&s, "Velmoran Sign Language").kind, None);
    assert_eq!(find(&s, "Velmora Prison").kind.as_deref(), Some("place"));
}

#[test]
fn a_name_s_own_head_word_outweighs_verbs_of_speech() {
    let s = run(&[
        "The Velmora Party said it would stand. Velmora said so again, and Velmora said more. \
        Tests at Brandvold Laboratories were cited, Brandvold Laboratories said. Tony Banks \
        said the Velmora Party was wrong.",
    ]);
    let party = find(&s, "Velmora Party");
    assert_eq!(party.kind.as_deref(), Some("organization"), "{party:?}");
    assert_eq!(party.cue, "head word `Party`");
    // A plural head word is a head word (`Laboratories`), but a short plural after a given
    // name is a surname (`Banks`).
    let labs = find(&s, "Brandvold Laboratories");
    assert_eq!(labs.kind.as_deref(), Some("organization"), "{labs:?}");
    assert_eq!(find(&s, "Tony Banks").kind.as_deref(), Some("person"));
}

#[test]
fn a_modifier_of_a_title_makes_no_person() {
    let s = run(&["Former Velmora champion Ilse Brandvold said the draw was hard."]);
    assert!(
        s.iter()
            .all(|n| n.label != "Velmora" || n.kind.as_deref() != Some("person")),
        "{s:?}"
    );
    let p = find(&s, "Ilse Brandvold");
    assert_eq!(p.cue, "title `champion` before");
    // A portfolio is a title only before another (`Foreign Minister`): before a name it is
    // an ordinary word of the name's (`Foreign Language Award`, `Trade Area Agreement`).
    let s = run(&[
        "The film won the Best Foreign Velmoran Reel, and ministers signed the Free Trade \
         Velmora Pact. Foreign Minister Tarun Vell welcomed it.",
    ]);
    for label in ["Velmoran Reel", "Velmora Pact"] {
        assert!(
            s.iter()
                .all(|n| n.label != label || n.kind.as_deref() != Some("person")),
            "{label}: {s:?}"
        );
    }
    assert_eq!(find(&s, "Tarun Vell").cue, "title `Minister` before");
}

#[test]
fn a_name_only_its_list_types_takes_its_companions_type() {
    let s = run(&[
        "Vladimir Putin , Sergei Lavrov and Ozeri Lantabi met in Vladivostok . \
         Shares of Marlow Holdings , Trivex , Pendry Group fell .",
    ]);
    // Listed people, known ones here, make a person of a name written like one.
    typed(
        &s,
        "person",
        &[("Ozeri Lantabi", "listed with `Sergei Lavrov`")],
    );
    // Companies the corpus types by their head words make a company of one word.
    typed(
        &s,
        "organization",
        &[("Trivex", "listed with `Marlow Holdings`")],
    );
}

#[test]
fn a_list_types_no_surname_place_or_title_of_a_work() {
    let s = run(&[
        // One word beside people is a surname, of someone named in full elsewhere.
        "Putin , Lavrov and Drummond spoke . \
         Vladimir Putin , Sergei Lavrov and Space Invaders were cited . \
         Crews filmed in Torvik . Crews filmed near Sandmere . \
         The hits were Torvik , Sandmere and Zarbosk .",
    ]);
    not_typed(&s, "Drummond", Some("person"));
    // English words are no person's name, whatever they are listed with.
    not_typed(&s, "Space Invaders", Some("person"));
    // Titles of works are listed as places are (`Halo, The Sims and Driver`): only places
    // a gazetteer lists make a place.
    not_typed(&s, "Zarbosk", Some("place"));
}

#[test]
fn a_list_of_listed_places_types_a_one_word_place() {
    let s = run(&["The envoy flew to Moscow , Vladivostok and Zarbosk . \
         The team played in Moscow , Vladivostok and Orlen Tavish ."]);
    typed(&s, "place", &[("Zarbosk", "listed with `Moscow`")]);
    // A longer name listed so is a team, a school or an event of one of them.
    not_typed(&s, "Orlen Tavish", Some("place"));
    // A compass word before a place names a region of it.
    let regions = run(&[
        "The envoy flew to Moscow , Vladivostok and Zarbosk .",
        "Rain fell on Zarbosk again .",
        "Trains to Zarbosk were late .",
        "Prices in Zarbosk rose .",
        "Voters of East Zarbosk stayed home .",
    ]);
    typed(&regions, "place", &[("East Zarbosk", "`Zarbosk` a place")]);
}

#[test]
fn what_is_no_list_types_nothing() {
    let s = run(&[
        // Two names and a comma: a name and its firm, place or apposition.
        "Shares of Marlow Holdings , Trivex , Pendry Group fell . -- Ozeri Lantabi , \
         Pendry Group . \
         The Kremlin 's Tolver Marsk and Sergei Lavrov spoke .",
    ]);
    not_typed(&s, "Ozeri Lantabi", Some("organization"));
    // A possessor and what it has are no list.
    not_typed(&s, "Tolver Marsk", Some("person"));
    // An opening place phrase is no member of the list after it.
    let s = run(&["In Vladivostok , Ozeri Lantabi and Sergei Lavrov met ."]);
    let p = find(&s, "Ozeri Lantabi");
    assert_eq!(p.kind.as_deref(), Some("person"), "{p:?}");
}

#[test]
fn a_list_makes_no_company_of_a_name_that_opens_with_a_given_name() {
    // One given name says no person on its own, but no company either.
    let s = run(&["Shares of Marlow Holdings , Pendry Group , Gareth fell ."]);
    assert!(labels(&s).contains(&"Gareth"), "{s:?}");
    not_typed(&s, "Gareth", Some("organization"));
}

#[test]
fn a_holiday_is_no_name() {
    let s = run(&[
        "Shoppers in Tarrow wished everyone a Merry Christmas. Father Christmas visited the \
         market on Christmas Eve, and the Tarrow choir sang before Easter.",
        "Mr Christmas of the choir said Merry Christmas to Ilse Brandvold.",
    ]);
    let l = labels(&s);
    for holiday in ["Merry Christmas", "Christmas", "Christmas Eve", "Easter"] {
        assert!(!l.contains(&holiday), "{holiday}: {l:?}");
    }
    // A holiday with a head word names a place.
    let s = run(&["Flights to Christmas Island resumed, officials in Christmas Island said."]);
    assert_eq!(find(&s, "Christmas Island").kind.as_deref(), Some("place"));
}

#[test]
fn an_adjective_of_a_listed_noun_is_no_name() {
    let s = run(&[
        "The Parliamentary standards watchdog said on Monday that the Parliamentary answer \
         was wrong. As the party's Parliamentary Leader, Halvard Brenning said \
         Presidential aides and Ministerial staff had agreed.",
        "The Parliamentary watchdog met in Tarrow.",
    ]);
    let l = labels(&s);
    for adjective in [
        "Parliamentary",
        "Parliamentary Leader",
        "Presidential",
        "Ministerial",
    ] {
        assert!(!l.contains(&adjective), "{adjective}: {l:?}");
    }
    find(&s, "Halvard Brenning");
}

#[test]
fn head_words_of_unions_forces_trusts_dams_and_labels() {
    let s = run(&[
        "He served in the Royal Velmoran Air Force. The Universal Tarrow Union, the \
         Brandvold Trust and the Internet Velmora Task Force agreed, and the Greek \
         Velmora Federation met at the Halvard Dam in Tarrow. Velmora Records, Tarrow \
         Pictures and Brandvold Films signed the deal at Dornby Racecourse.",
        "A Quelvari lawyer argued the case. Quelvari's lawyer said the firm was innocent.",
    ]);
    for (name, kind) in [
        ("Royal Velmoran Air Force", "organization"),
        ("Universal Tarrow Union", "organization"),
        ("Brandvold Trust", "organization"),
        ("Internet Velmora Task Force", "organization"),
        ("Greek Velmora Federation", "organization"),
        ("Halvard Dam", "place"),
        ("Velmora Records", "organization"),
        ("Tarrow Pictures", "organization"),
        ("Brandvold Films", "organization"),
        ("Dornby Racecourse", "place"),
    ] {
        assert_eq!(find(&s, name).kind.as_deref(), Some(kind), "{name}");
    }
    // A firm has lawyers too: `'s lawyer` says no person.
    not_typed(&s, "Quelvari", Some("person"));
}

//! The cues beside a name that type it: titles and roles before it, verbs of speech,
//! appositions, place and organization words, what it has (`'s shares`), a country in
//! brackets, its score in a line of results.

use super::*;

#[test]
fn title_before_a_name_says_person() {
    let s = run(&["Kremlin aide Yury Ushakov said the visit was ready."]);
    let u = find(&s, "Yury Ushakov");
    assert_eq!(u.kind.as_deref(), Some("person"));
    assert_eq!(u.cue, "title `aide` before");
    // A capitalized title inside the run is stripped and is the cue.
    let s = run(&["The talks were led by Deputy Foreign Minister Anatoly Grishenko."]);
    let g = find(&s, "Anatoly Grishenko");
    assert_eq!(g.cue, "title `Minister` before");
    // A title across a place: `Special Representative for Norway Tove Lindqvist`.
    let s = run(&["The US Special Representative for Russia Tove Lindqvist left early."]);
    assert_eq!(
        find(&s, "Tove Lindqvist").cue,
        "title `Representative` before"
    );
}

#[test]
fn person_cues_after_a_name() {
    let s = run(&[
        "The plan is risky, said Marta Okonjo, a professor at a college in Ghana.",
        "Pavel Dranko told reporters nothing had been signed.",
    ]);
    let o = find(&s, "Marta Okonjo");
    assert_eq!(o.kind.as_deref(), Some("person"));
    assert_eq!(o.cue, "`, a professor` after");
    let d = find(&s, "Pavel Dranko");
    assert_eq!(d.kind.as_deref(), Some("person"));
    assert_eq!(d.cue, "`told` after");
}

#[test]
fn an_apposition_is_typed_by_the_noun_it_ends_in() {
    let s = run(&[
        "Shares of Brannock, the first foreign company to list in Tallinn, fell.",
        "Shares rose, said Iveta Rusnak, a senior broadcaster with a network in Riga.",
        "Aldo Penrith, a senior party official, declined to comment.",
    ]);
    let cases = [
        (
            "Brannock",
            "organization",
            "`, the first foreign company` after",
        ),
        ("Iveta Rusnak", "person", "`, a senior broadcaster` after"),
        (
            "Aldo Penrith",
            "person",
            "`, a senior party official` after",
        ),
    ];
    for (label, kind, cue) in cases {
        let n = find(&s, label);
        assert_eq!(n.kind.as_deref(), Some(kind), "{label}");
        assert_eq!(n.cue, cue, "{label}");
    }
}

#[test]
fn a_comma_written_apart_opens_an_apposition() {
    // Tokenized text writes a comma between spaces; it is still the comma of an apposition.
    let s = run(&["Talks stalled with Zelimkhan Yandarbiyev , president of the region ."]);
    let y = find(&s, "Zelimkhan Yandarbiyev");
    assert_eq!(y.kind.as_deref(), Some("person"));
    assert_eq!(y.cue, "`, president` after");
}

#[test]
fn a_players_number_in_a_line_up_says_person() {
    let s = run(&[
        "Teams :\n\nNew Zealand - 15 - Tevita Okanu , 14 - Ruaraki Vellance ( \
         Alama Ierema , 70 ) , 13 - Walso Pereta .\n",
    ]);
    for label in ["Tevita Okanu", "Ruaraki Vellance", "Walso Pereta"] {
        let p = find(&s, label);
        assert_eq!(p.kind.as_deref(), Some("person"), "{p:?}");
        assert_eq!(p.cue, "a player's number before", "{p:?}");
    }
    // A number in a sentence, or a score, is no player's.
    let s = run(&["Tallies rose 3 - Varenka Holdings said so, and it ended 2 - 1 - Grelton won."]);
    for label in ["Varenka Holdings", "Grelton"] {
        assert!(s
            .iter()
            .filter(|x| x.label == label)
            .all(|x| x.cue != "a player's number before"));
    }
}

#[test]
fn place_cues() {
    let s = run(&["The delegation stopped in Dunmarrow before flying on. \
         A Kestrelby-based firm built the port of Zarechny. \
         The ferry to Pelican Island was cancelled."]);
    typed(
        &s,
        "place",
        &[
            ("Dunmarrow", "`in` before"),
            ("Kestrelby", "`-based` after"),
            ("Zarechny", "`port of` before"),
            ("Pelican Island", "head word `Island`"),
        ],
    );
}

#[test]
fn no_cue_means_unknown() {
    let s = run(&["Nobody expected the Glimmerstone affair to matter."]);
    let g = find(&s, "Glimmerstone");
    assert_eq!(g.kind, None);
    assert_eq!(g.cue, "");
}

#[test]
fn a_place_in_brackets_after_a_name_says_athlete() {
    // Names whose given names no list knows, in a results table.
    let s = run(&[
        "Men's 800 metres:\n1. Tadeusz Wroblik ( Russia ) 1:44.10\n2. Oyelaran \
                   Ekwueme (Russia) 1:44.56\nAt The Oval ( Moscow ) the rain stopped play.",
    ]);
    for name in ["Tadeusz Wroblik", "Oyelaran Ekwueme"] {
        let p = find(&s, name);
        assert_eq!(p.kind.as_deref(), Some("person"), "{name}");
        assert_eq!(p.cue, "`(Russia)` after", "{name}");
    }
    // Not after a function word's run (`The Oval`), nor after one word: that is a venue,
    // as `at` before it says.
    assert_eq!(find(&s, "Oval").kind.as_deref(), Some("place"));
}

#[test]
fn a_dateline_names_a_place() {
    // Towns no list knows, each opening a story's dateline, on a line of capitals too.
    let s = run_with(
        "@type place\nRussia\nFrance\n~!Nice | Nice, France\n\
         @type organization\nOGC Nice | ~!Nice | id=team:nice\n",
        &[
            "FIGHTING NEAR GROZNY .\nKHASAVYURT , Russia 1996-08-30\nTalks went on.",
            "MONTE CARLO 1996-08-30\nThe meeting opened.",
            "SOCCER - NEW COACH .\nNICE , France 1996-08-30\nThe club named a coach .\n\
             He played for Nice in 1990 .",
            "Ilse Brandvold 1996-08-30\nTOSKA BRANDVOLD , an envoy , spoke.",
        ],
        &SuggestOptions::default(),
    );
    typed(
        &s,
        "place",
        &[("KHASAVYURT", "a dateline"), ("MONTE CARLO", "a dateline")],
    );
    // A name a listed club anchors (a place of that name would take the club's mentions),
    // a name in ordinary case, a name in a line of prose: no dateline.
    not_typed(&s, "NICE", Some("place"));
    not_typed(&s, "Ilse Brandvold", Some("place"));
    not_typed(&s, "TOSKA BRANDVOLD", Some("place"));
}

#[test]
fn a_name_alone_on_its_line_over_a_dateline_is_the_byline() {
    // A wire story's byline: the writer's name on a line of its own, the dateline under it.
    // `Fine` is an English word, and the line reads like a headline: the layout decides.
    let s = run(&[
        "TENNIS - UPSETS UNDER THE LIGHTS .\nGordon Fine\nNEW YORK 1996-08-30\nThe seeds fell.",
        "Oyelaran Brisk\nLAGOS , Nigeria 1996-08-30\nTalks went on.",
        // A short headline over a dateline, a name on a line of prose over it, a name
        // alone on a line over prose: no byline.
        "Vellmar Grain Futures\nCHICAGO 1996-08-30\nPrices rose.",
        "Talks with Quillon Marsh ended.\nOSLO 1996-08-30\nNo deal.",
        "Pemberly Oaks\nThe estate was sold on Friday .",
    ]);
    typed(
        &s,
        "person",
        &[("Gordon Fine", "a byline"), ("Oyelaran Brisk", "a byline")],
    );
    for label in ["Vellmar Grain Futures", "Quillon Marsh", "Pemberly Oaks"] {
        assert!(
            s.iter().all(|x| x.label != label || x.cue != "a byline"),
            "{label}: {s:?}"
        );
    }
}

#[test]
fn a_goal_s_minute_after_a_name_among_scorers_says_person() {
    let s = run(&["Arvenia beat Tolmark 2-1 in a qualifier on Sunday .\n\
         Scorers :\n\
         Arvenia - Tadeo Wrelkin ( 12th ) , Oskari Vallend ( 70th minute )\n\
         Tolmark - Brisk Ludovar ( 44th , pen )\n\
         Quantum Pebble ( 3rd ) led the toy chart , ahead of Zinnwald Kite ( 9th )"]);
    typed(
        &s,
        "person",
        &[
            ("Tadeo Wrelkin", "a goal's minute after"),
            ("Oskari Vallend", "a goal's minute after"),
            ("Brisk Ludovar", "a goal's minute after"),
        ],
    );
    // A rank in a chart, three lines below the scorers (the first opening its line): no
    // scorer.
    not_typed(&s, "Quantum Pebble", Some("person"));
    not_typed(&s, "Zinnwald Kite", Some("person"));
}

#[test]
fn a_verb_of_speech_after_a_name_the_article_opens_says_organization() {
    let s = run(&[
        "Prices fell, the Tolmark Lumen said on Monday. Sales rose, the Varnholt \
         Consortium said. Taxes went up, the Harbour Secretary said. Rents rose, Brisk \
         Ludovar said.",
    ]);
    typed(
        &s,
        "organization",
        &[("Tolmark Lumen", "`the` before, `said` after")],
    );
    // A title says who (an office, no organization); without the article a person.
    not_typed(&s, "Harbour Secretary", Some("organization"));
    typed(&s, "person", &[("Brisk Ludovar", "`said` after")]);
}

#[test]
fn weak_words_before_a_name_type_nothing() {
    let s = run(&[
        "It was her first Harbury Slam title. Rowan Ekdahl, the former Gorlan Crown holder, \
         starred in Finding Tessaly and lives in Wexcombe. She watched it on TV. The late \
         Amos Brindle sang.",
    ]);
    // A lower-case modifier of a title right before a name says nothing of it.
    for name in ["Harbury Slam", "Gorlan Crown"] {
        let p = find(&s, name);
        assert_ne!(p.kind.as_deref(), Some("person"), "{name}: {}", p.cue);
    }
    // `the late` is a person.
    assert_eq!(find(&s, "Amos Brindle").cue, "title `late` before");
    // `in` before one word is a place; before several it says nothing.
    assert_eq!(find(&s, "Wexcombe").kind.as_deref(), Some("place"));
    assert_eq!(find(&s, "Finding Tessaly").kind, None);
    // A head word alone is no name of a kind.
    assert_eq!(find(&s, "TV").kind, None);
}

#[test]
fn a_band_before_a_name_says_organization() {
    let s = run(&["Fans of the band Marrow Sisters queued. Marrow Sisters said they would tour."]);
    let band = find(&s, "Marrow Sisters");
    assert_eq!(band.kind.as_deref(), Some("organization"), "{band:?}");
    assert_eq!(band.cue, "`band` before");
}

#[test]
fn a_noun_of_works_before_a_name_makes_it_a_title() {
    let s =
        run(&["The sitcom Halverby was filmed in Halverby. Fans of the novel Mara Quenby queued."]);
    for name in ["Halverby", "Mara Quenby"] {
        assert_eq!(find(&s, name).kind, None, "{name}");
    }
    // Outweighed by the name's other cues, it only lowers them: `in` three times is more.
    let s = run(&[
        "The film Dunmarrow opened. It was shot in Dunmarrow. Crews stayed in Dunmarrow \
         and ate in Dunmarrow.",
    ]);
    assert_eq!(find(&s, "Dunmarrow").kind.as_deref(), Some("place"));
}

#[test]
fn in_after_a_stake_a_role_or_a_belief_says_no_place() {
    let s = run(&[
        "Two bidders were interested in Korvask. She won a role in Sandmere. \
         His faith in Orlund never wavered. The storm hit in Tarrow.",
    ]);
    for name in ["Korvask", "Sandmere", "Orlund"] {
        assert_eq!(find(&s, name).kind, None, "{name}");
    }
    assert_eq!(find(&s, "Tarrow").kind.as_deref(), Some("place"));
}

#[test]
fn in_before_an_acronym_says_no_place() {
    let s = run(&[
        "Matches are now shown in HDTVX. Shares fell in KRSE, and crowds gathered in Tarrow.",
    ]);
    for name in ["HDTVX", "KRSE"] {
        assert_eq!(find(&s, name).kind, None, "{name}");
    }
    assert_eq!(find(&s, "Tarrow").kind.as_deref(), Some("place"));
}

#[test]
fn in_before_a_name_and_its_year_says_no_place() {
    // An edition's name before its year is an event's (`in Euro 96`).
    let s = run(&[
        "Hosts shone in Velmora 96 and again in Velmora 2000, and crowds gathered in Tarrow.",
    ]);
    assert_eq!(find(&s, "Velmora").kind, None);
    assert_eq!(find(&s, "Tarrow").kind.as_deref(), Some("place"));
    // A count is no year.
    let s = run(&["Police said that in Dunmore 5 people were hurt."]);
    assert_eq!(find(&s, "Dunmore").kind.as_deref(), Some("place"));
}

#[test]
fn a_title_before_says_less_than_the_names_own_organization_head() {
    let s = run(&[
        "A spokesperson Harbury Police Department said nothing. He met the Chancellor of \
         the Wexcheq. Mr Keith Marrow Hill arrived.",
    ]);
    assert_eq!(
        find(&s, "Harbury Police Department").kind.as_deref(),
        Some("organization")
    );
    // What a title is of is no person.
    assert_eq!(find(&s, "Wexcheq").kind, None);
    // A place head word is often a surname: the title still speaks (and ties with it).
    assert_ne!(find(&s, "Keith Marrow Hill").kind.as_deref(), Some("place"));
}

#[test]
fn a_score_in_a_line_of_results_says_team() {
    let text = "Welsh rugby union results on Saturday :\n\
        Bridgend 13 Llanelli 9\n\
        Treorchy 17 Newbridge 23 ( halftime 10-6 )\n\
        Standings ( tabulated under played , won , lost , points ) :\n\
        Newbridge 4 3 1 0 9\n\
        Young Rovers 4 2 1 1 7\n\
        Golf leaders after four rounds :\n\
        Ernie Els 68 69 70 72 279\n\
        Cricket scorecard :\n\
        Saqlain Mushtaq b Hollioake 13\n\
        Extras ( lb-4 ) 4 , Total 185 for Treorchy fans .\n";
    let s = run(&[text]);
    // A name of ordinary words too, when it has several (`Young Rovers`; not `Total`).
    for team in [
        "Bridgend",
        "Llanelli",
        "Treorchy",
        "Newbridge",
        "Young Rovers",
    ] {
        let t = find(&s, team);
        assert_eq!(t.kind.as_deref(), Some("organization"), "{team}: {t:?}");
        assert_eq!(t.cue, "its score in a line of results");
    }
    assert!(!labels(&s).contains(&"Total"), "{:?}", labels(&s));
    // A golfer's rounds are no standings: the given name decides.
    assert_eq!(find(&s, "Ernie Els").kind.as_deref(), Some("person"));
    // A batsman's score on a scorecard line says nothing of a team.
    assert_ne!(
        find(&s, "Saqlain Mushtaq").kind.as_deref(),
        Some("organization")
    );
}

#[test]
fn team_names_end_where_a_score_line_or_standings_row_says() {
    use crate::suggest::cues::team_name_ends;
    let ends = |l: &str| team_name_ends(l).to_vec();
    assert_eq!(ends("Sale 31 Wasps 33"), [4, 13]);
    assert_eq!(ends("Notts County 0 York 1 ( halftime 0-0 )"), [12, 19]);
    assert_eq!(ends("CLEVELAND 80 54 .597 -"), [9]);
    assert_eq!(ends("Bolton 3 2 1 0 5 2 7"), [6]);
    // Golf rounds, a scorecard, prose, a score line followed by words.
    assert!(ends("Ernie Els 68 69 70 72 279").is_empty());
    assert!(ends("Saqlain Mushtaq b Hollioake 13").is_empty());
    assert!(ends("Russia sent 3 ships and 200 men").is_empty());
    assert!(ends("Sale 31 Wasps 33 after extra time").is_empty());
}

/// Each (person, role) of `cases` is a person typed by the role before the name.
fn titled(s: &[Suggestion], cases: &[(&str, &str)]) {
    for (person, role) in cases {
        typed(s, "person", &[(person, &format!("title `{role}` before"))]);
    }
}

#[test]
fn a_role_before_a_name_is_a_title_to_the_name_finder() {
    let s = run(&[
        "The national coach Berti Vogts named his squad, said broker Shakil \
        Rizvi, and the actress Emma Lindqvist-Oduya agreed.",
    ]);
    titled(
        &s,
        &[
            ("Berti Vogts", "coach"),
            ("Shakil Rizvi", "broker"),
            ("Emma Lindqvist-Oduya", "actress"),
        ],
    );
    // Performers known by one name, a role before them, at the start of a sentence too.
    let s = run(&[
        "Rapper Tayvondo is to play a gig in Leeds. The comedian Fearnley opened.",
        "Tickets for the rapper were sold out, and the comedian took a bow.",
    ]);
    titled(&s, &[("Tayvondo", "Rapper"), ("Fearnley", "comedian")]);
    // A noun of nationality before a name is a title too, and no name on its own.
    let s = run(&[
        "Briton Tim Henwood won in straight sets. The Spaniard said she was tired, \
        and Spaniard Conchita Marquez agreed.",
    ]);
    assert_eq!(find(&s, "Tim Henwood").cue, "title `Briton` before");
    assert_eq!(find(&s, "Conchita Marquez").cue, "title `Spaniard` before");
    assert!(!labels(&s).contains(&"Spaniard"), "{:?}", labels(&s));
    // Roles of the sports pages: a finalist, a substitute, a rugby position.
    let s = run(&[
        "Wimbledon finalist Oriel Vantane lost, but substitute Serge Makomba scored and \
        England scrum-half Kyle Brackwell kicked the goal. The fifth seed Jorvan Ellit won.",
    ]);
    titled(
        &s,
        &[
            ("Oriel Vantane", "finalist"),
            ("Jorvan Ellit", "seed"),
            ("Serge Makomba", "substitute"),
            ("Kyle Brackwell", "scrum-half"),
        ],
    );
}

#[test]
fn what_a_name_has_says_company_or_person() {
    let s = run(&[
        "Shares in Velmora rose after Velmora's profits beat forecasts. \
        Analysts said Velmora's chairman would stay. Ilse Brandvold's husband and \
        Brandvold's lawyer were not in court.",
    ]);
    let company = find(&s, "Velmora");
    assert_eq!(company.kind.as_deref(), Some("organization"), "{company:?}");
    assert!(company.cue.starts_with("`'s "), "{company:?}");
    let person = find(&s, "Ilse Brandvold");
    assert_eq!(person.kind.as_deref(), Some("person"), "{person:?}");
    // Tokenized text writes the `'s` apart, and it is the same possessive.
    let s = run(&["Nobody knew that Orlan Bates 's wife had left ."]);
    let bates = find(&s, "Orlan Bates");
    assert_eq!(bates.kind.as_deref(), Some("person"), "{bates:?}");
    assert_eq!(bates.cue, "`'s wife` after");
}

#[test]
fn a_title_of_a_name_and_a_person_of_a_firm() {
    let s = run(&[
        "\"It was a good year,\" said Kaz Hirai, president of Velmora Entertainment \
        America. Sales rose, said economist Gary Thayer of Brandvold Securities, and \
        critic Jamie Graham of Total Fylm agreed.",
        "Prices held in Tarrow. Economist Joel Brenning of First Union told reporters so.",
    ]);
    // The title before `of` is a title of the company, not its holder's.
    for firm in [
        "Velmora Entertainment America",
        "Brandvold Securities",
        "Total Fylm",
    ] {
        assert_ne!(find(&s, firm).kind.as_deref(), Some("person"), "{firm}");
    }
    // A person's name ends before `of`: the person and the firm are two names.
    let graham = find(&s, "Jamie Graham");
    assert_eq!(graham.kind.as_deref(), Some("person"), "{graham:?}");
    // After a title too, however the firm's name ends (`Union`, a head word).
    assert_eq!(find(&s, "Joel Brenning").kind.as_deref(), Some("person"));
    assert_eq!(
        find(&s, "First Union").kind.as_deref(),
        Some("organization")
    );
    assert!(
        !labels(&s).iter().any(|l| l.contains(" of ")),
        "{:?}",
        labels(&s)
    );
}

#[test]
fn a_title_before_a_party_and_a_title_is_the_person_s() {
    let s = run(&[
        "Former Velmoran Democrat MP Ilse Brandvold spoke first. The editor, \
        Velmoran Democrat MP Jonas Brandvold, spoke next.",
    ]);
    assert_ne!(
        find(&s, "Velmoran Democrat").kind.as_deref(),
        Some("person")
    );
    for person in ["Ilse Brandvold", "Jonas Brandvold"] {
        assert_eq!(find(&s, person).kind.as_deref(), Some("person"), "{person}");
    }
}

#[test]
fn staff_named_with_a_company_type_it() {
    let s = run(&[
        "\"Demand is weak,\" said Ilse Brandvold, an analyst at Velmora Research. Velmora \
        Research said so too. Ostrava Boerse chief executive Karel Maly said Ostrava Boerse \
        would bid. A spokesman for Quillon Jeeves agreed. Quillon Jeeves said it would not.",
    ]);
    typed(
        &s,
        "organization",
        &[
            ("Velmora Research", "`analyst at` before"),
            ("Ostrava Boerse", "`chief executive` after"),
            ("Quillon Jeeves", "`spokesman for` before"),
        ],
    );
    assert_eq!(find(&s, "Karel Maly").kind.as_deref(), Some("person"));
}

#[test]
fn miss_is_a_title_only_with_its_capital() {
    let s =
        run(&["Tim Henwood will miss Wimbledon with a back injury. Miss Ilse Brandvold wrote."]);
    assert_eq!(find(&s, "Ilse Brandvold").cue, "title `Miss` before");
    not_typed(&s, "Wimbledon", Some("person"));
}

#[test]
fn a_role_after_best_names_a_prize() {
    let s =
        run(&["She won the best actress Velmy for the role, and actress Ilse Brandvold cheered."]);
    assert_eq!(find(&s, "Ilse Brandvold").cue, "title `actress` before");
    not_typed(&s, "Velmy", Some("person"));
}

#[test]
fn a_verb_of_speech_after_the_comma_opens_no_apposition() {
    let s = run(&[
        "\"We were beaten by Velmora, said Mr Hamer. Fans of Velmora, told Radio Special \
        that they would stay.\" Ilse Brandvold, the club secretary, agreed.",
    ]);
    assert_eq!(
        find(&s, "Ilse Brandvold").cue,
        "`, the club secretary` after"
    );
    not_typed(&s, "Velmora", Some("person"));
}

#[test]
fn a_title_after_the_comma_before_a_name_is_that_name_s() {
    let s = run(&[
        "Backstage at the Velmy Gala, composer Howard Brandvold said he was thrilled. \
        Ilse Brandvold, a composer, agreed.",
    ]);
    assert_eq!(find(&s, "Howard Brandvold").cue, "title `composer` before");
    assert_eq!(find(&s, "Ilse Brandvold").cue, "`, a composer` after");
    not_typed(&s, "Velmy Gala", Some("person"));
}

#[test]
fn a_cricket_scorecard_names_its_players() {
    let s = run(&[
        "Tarrant innings\nA. Brelton c Quarry b Vossler 33\nIrwel Fantom lbw b Vossler 4\n\
         I. Dunmore run out 12\nBowling : Vossler 8-0-39-3 , Quarry 9.5-1-40-2 , Hendal\n\
         7-0-32-0 .\n",
    ]);
    typed(
        &s,
        "person",
        &[
            // The batsman opens the line; `A.` and `I.` are initials, not words.
            ("A. Brelton", "a batsman's dismissal after"),
            ("Irwel Fantom", "a batsman's dismissal after"),
            ("I. Dunmore", "a batsman's dismissal after"),
            // The fielder, and the bowler before the runs.
            ("Quarry", "`c` before in a scorecard"),
            ("Vossler", "`b` before in a scorecard"),
            // Figures on the next line still follow the bowler.
            ("Hendal", "bowling figures after"),
        ],
    );
    // A lone `b` or `c` in prose, or a score line, is no scorecard.
    let s = run(&["Plan b Grelvane 3 was dropped , and Sale 31 Wasps 33 ended it ."]);
    for p in &s {
        assert!(
            !p.cue.contains("scorecard") && !p.cue.contains("batsman"),
            "{p:?}"
        );
    }
}

#[test]
fn an_age_in_commas_and_a_family_word_say_person() {
    let s = run(&[
        "Brelton Okafor , 45 , was arrested . Then Velmar , 38 , takes on Tarrant . \
         \"No,\" said his mother Nurbeka Mamatova . Her husband Ilse Varnow agreed . \
         The former open champ Ryle Denton won . Tarrow's richest man Azor Quelvani \
         and the Velmora man Dorn Pakeley met . Screen legend Ivo Marvell came , and \
         they stayed in the five-star Grand Velmora .",
    ]);
    typed(
        &s,
        "person",
        &[
            ("Brelton Okafor", "an age after"),
            ("Velmar", "an age after"),
            ("Nurbeka Mamatova", "title `mother` before"),
            ("Ilse Varnow", "title `husband` before"),
            ("Ryle Denton", "title `champ` before"),
            ("Azor Quelvani", "title `man` before"),
            ("Dorn Pakeley", "title `man` before"),
            ("Ivo Marvell", "title `legend` before"),
        ],
    );
    // Not at the end of a compound.
    not_typed(&s, "Grand Velmora", Some("person"));
    // A given name alone names no one across a corpus; a year is no age.
    let s =
        run(&["Her son Stephen , 57 , spoke . His wife Sandra came . Gorvan Lisk , 2004 , fell ."]);
    for label in ["Stephen", "Sandra", "Gorvan Lisk"] {
        not_typed(&s, label, Some("person"));
    }
}

#[test]
fn a_players_role_between_two_names_says_the_first_is_a_team() {
    let s = run(
        &["It rained , and Hawks shortstop Jorvan Ellit hit twice . \
         Then Tarlow scrum-half Benn Oskar scored . Tough-scrummaging prop Rhun Abery \
         stayed ."],
    );
    typed(
        &s,
        "organization",
        &[
            ("Hawks", "`shortstop` after"),
            ("Tarlow", "`scrum-half` after"),
        ],
    );
    // The player is a person; a lower-case word is no team.
    assert_eq!(find(&s, "Jorvan Ellit").kind.as_deref(), Some("person"));
    assert!(s.iter().all(|p| p.cue != "`prop` after"), "{s:?}");
}

#[test]
fn a_capitalized_title_in_a_list_of_names_is_a_name() {
    let s = run(&[
        "Bands such as Queen, Varnish Lane and the Tallow Brights played the festival.",
        "The replacements : Hodgson, King, Melrow, Pantry.",
        "On Tuesday the Kyrgyz President, Askar Temirov, left for Moscow.",
    ]);
    assert!(
        s.iter()
            .all(|x| x.cue != "title `Queen` before" && x.cue != "title `King` before"),
        "{s:?}"
    );
    // A title qualified by the word before it is one, before a comma too.
    typed(
        &s,
        "person",
        &[("Askar Temirov", "title `President` before")],
    );
}

#[test]
fn at_a_name_then_a_listed_place_says_venue() {
    let s = run(&[
        "The final was played at Kettlewick, Vladivostok. The next match is ( at Tarrowby , \
         Moscow ) and a third at Orlund on Monday.",
    ]);
    for venue in ["Kettlewick", "Tarrowby"] {
        let v = find(&s, venue);
        assert_eq!(v.kind.as_deref(), Some("place"), "{v:?}");
        assert!(v.cue.starts_with("`at` before"), "{v:?}");
    }
    // `at` alone says nothing: a firm, a club, a school are as often where things happen.
    assert_eq!(find(&s, "Orlund").kind, None);
}

#[test]
fn an_industry_noun_or_a_firms_holding_says_organization() {
    let s = run(&[
        "The carmaker Orlund and the insurer Kettlewick cut jobs, as did the publisher \
         Dunmarrow, while Tarrowby's plant closed and Sandmere's losses grew.",
    ]);
    for firm in ["Orlund", "Kettlewick", "Dunmarrow", "Tarrowby", "Sandmere"] {
        assert_eq!(
            find(&s, firm).kind.as_deref(),
            Some("organization"),
            "{firm}"
        );
    }
}

#[test]
fn a_wire_sign_off_names_its_desk_and_reporter() {
    let s = run(&[
        "Grain prices rose on Friday, traders said.\n\
         -- Tarrowby Newsroom +44 20 7542 1234\n",
        "Shares fell.\n-- Ilse Varnholm , Orlund Newsroom 40-1 3120264\n",
        // Where the corpus writes the head word in lower case too, and the line reads as
        // a headline: the sign-off still says these are names.
        "Staff in the newsroom met.\n-- Kettlewick newsroom +44 20 7542 9999\n",
    ]);
    for desk in ["Tarrowby Newsroom", "Orlund Newsroom"] {
        assert_eq!(
            find(&s, desk).kind.as_deref(),
            Some("organization"),
            "{:?}",
            labels(&s)
        );
    }
    assert_eq!(find(&s, "Ilse Varnholm").kind.as_deref(), Some("person"));
}

#[test]
fn an_apposition_opened_by_a_possessor_says_what_the_name_is() {
    let s = run(&[
        "Shares fell at Quelvari Life, Tarrow's largest mutual life insurer, on Monday. \
         Talks with Halvard Brenning, Velmora's foreign minister, went on.",
    ]);
    typed(
        &s,
        "organization",
        &[(
            "Quelvari Life",
            "`, Tarrow's largest mutual life insurer` after",
        )],
    );
    typed(
        &s,
        "person",
        &[("Halvard Brenning", "`, Velmora's foreign minister` after")],
    );
    // A possessor after `at` and a comma is no venue's place.
    let s = run(&["Fans met at Dornby Hollow, Moscow's pride and joy, on Monday."]);
    not_typed(&s, "Dornby Hollow", Some("place"));
}

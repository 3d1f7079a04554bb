//! Rules on small gazetteers: boundaries, overlaps, case, shared and anchored aliases, the
//! junk guard, demonyms and descriptions; explanations; the word index against the automaton.

use super::*;

const PLACES: &str = "@type place\nKorea\nRussia\nChina\nFar East\nUnited States | US | USA\n\
    United Nations | UN\n@type organization\nFar Eastern Federal University\nTASS\nKCNA\n\
    Washington Post\n@type place\nWashington\n";

t!(no_match_inside_words, PLACES, "Koreans and Russians", []);
t!(
    possessive_and_hyphen_compounds,
    PLACES,
    "Russia's and Russia\u{2019}s Russia-based",
    [
        ("Russia", "Russia"),
        ("Russia", "Russia"),
        ("Russia", "Russia")
    ]
);
t!(
    leftmost_longest_wins,
    PLACES,
    "at Far Eastern Federal University in the Far East",
    [
        (
            "Far Eastern Federal University",
            "Far Eastern Federal University"
        ),
        ("Far East", "Far East")
    ]
);
t!(
    longer_alias_failing_boundary_does_not_hide_shorter,
    PLACES,
    "the Washington Postal Service",
    [("Washington", "Washington")]
);
t!(
    acronyms_match_exactly,
    PLACES,
    "US and UN, not us or Un; TASS and KCNA but not Tass",
    [
        ("US", "United States"),
        ("UN", "United Nations"),
        ("TASS", "TASS"),
        ("KCNA", "KCNA")
    ]
);
t!(
    dotted_acronyms,
    PLACES,
    "the U.S. and the U.N. met.",
    [("U.S.", "United States"), ("U.N.", "United Nations")]
);
t!(
    headlines_in_capitals_match,
    "@type person\nVladimir Putin | Putin\n@type place\nVladivostok\n",
    "PUTIN ARRIVES IN VLADIVOSTOK",
    [("PUTIN", "Vladimir Putin"), ("VLADIVOSTOK", "Vladivostok")]
);
t!(
    lower_case_text_does_not_match_capitalized_alias,
    PLACES,
    "fine china and us",
    []
);
t!(
    hyphen_space_and_nothing_variants,
    "@type person\nKim Jong Un\n",
    "Kim Jong-un, Kim Jong Un, Kim Jong-Un, Kim Jongun, Kim\nJong  Un",
    [
        ("Kim Jong-un", "Kim Jong Un"),
        ("Kim Jong Un", "Kim Jong Un"),
        ("Kim Jong-Un", "Kim Jong Un"),
        ("Kim Jongun", "Kim Jong Un"),
        ("Kim\nJong  Un", "Kim Jong Un")
    ]
);
t!(
    typographic_apostrophes_and_dashes,
    "@type place\nCôte d'Ivoire\n@type organization\nRIA-Novosti\n",
    "C\u{f4}te d\u{2019}Ivoire and RIA Novosti and RIA\u{2013}Novosti",
    [
        ("C\u{f4}te d\u{2019}Ivoire", "Côte d'Ivoire"),
        ("RIA Novosti", "RIA-Novosti"),
        ("RIA\u{2013}Novosti", "RIA-Novosti")
    ]
);

const KIMS: &str = "@type person\nKim Jong Un | ~Kim\nKim Jong Il | ~Kim\nKim Il Sung | ~Kim\n\
    @type place\nGeorgia | +Georgia | id=place:georgia-country\nGeorgia | id=place:georgia-state\n";

t!(
    ambiguous_alias_resolves_to_most_mentioned,
    KIMS,
    "Kim Jong Un met aides. Kim Jong Un spoke. His father Kim Jong Il died. Kim left.",
    [
        ("Kim Jong Un", "Kim Jong Un"),
        ("Kim Jong Un", "Kim Jong Un"),
        ("Kim Jong Il", "Kim Jong Il"),
        ("Kim", "Kim Jong Un")
    ]
);
t!(
    ambiguous_tie_goes_to_nearest_preceding,
    KIMS,
    "Kim Jong Un came. Kim Il Sung ruled. Kim founded it.",
    [
        ("Kim Jong Un", "Kim Jong Un"),
        ("Kim Il Sung", "Kim Il Sung"),
        ("Kim", "Kim Il Sung")
    ]
);
t!(
    anchored_alias_needs_another_mention,
    KIMS,
    "Kim said nothing.",
    []
);
t!(
    default_sense_without_evidence,
    KIMS,
    "Georgia voted.",
    [("Georgia", "Georgia")]
);

#[test]
fn default_sense_picks_the_declared_entity() {
    let (g, m) = matcher(KIMS);
    let r = m.find("Georgia voted.");
    assert_eq!(g.entity(r.mentions[0].entity).id, "place:georgia-country");
    assert!(r.mentions[0].resolved);
}

#[test]
fn ambiguous_without_evidence_or_default_is_dropped_and_counted() {
    let (_, m) = matcher("@type person\nJohn Smith | Smith\nAnna Smith | Smith\n");
    let r = m.find("Smith said so.");
    assert!(r.mentions.is_empty());
    assert_eq!(r.ambiguous_dropped, 1);
    let r = m.find("Anna Smith came; Smith said so.");
    assert_eq!(r.mentions.len(), 2);
}

#[test]
fn anchored_drop_is_counted() {
    let (_, m) = matcher("@type person\nGordon Brown | ~Brown\nTheresa May | ~May\n");
    assert_eq!(m.find("Brown said.").anchored_dropped, 1);
    assert_eq!(m.find("Gordon Brown came. Brown said.").mentions.len(), 2);
    // A month name stays junk even when anchored.
    assert_eq!(m.find("Theresa May came. May said.").mentions.len(), 1);
}

#[test]
fn junk_aliases_are_set_aside_unless_forced() {
    let (_, m) = matcher("@type place\nReading | The | 3 | March\nNice | !Nice\n");
    let set_aside: Vec<_> = m
        .stats()
        .set_aside
        .iter()
        .map(|s| s.alias.as_str())
        .collect();
    assert_eq!(set_aside, ["Reading", "The", "3", "March"]);
    assert_eq!(m.find("Reading The 3 March Nice").mentions.len(), 1);
}

#[test]
fn demonyms_flagged_and_switchable() {
    let g = Gazetteer::from_str(
        "places.txt",
        "Russia | demonym=Russian\nNorth Korea | demonym=North Korean\n",
    )
    .unwrap();
    let m = Matcher::new(&g).unwrap();
    let r = m.find("a Russian and North Korean deal with North Korea");
    let got: Vec<_> = r.mentions.iter().map(|x| (x.entity, x.demonym)).collect();
    assert_eq!(got, [(e(0), true), (e(1), true), (e(1), false)]);
    let m = Matcher::builder().demonyms(false).build(&g).unwrap();
    assert_eq!(m.find("a Russian deal").mentions.len(), 0);
}

#[test]
fn a_place_that_introduces_a_named_person_describes_them() {
    let g = Gazetteer::from_str(
        "g.txt",
        "@type place\nRussia | demonym=Russian\nNorth Korea | demonym=North Korean\n\
         @type person\nVladimir Putin | ~Putin\nKim Jong Un\n",
    )
    .unwrap();
    let m = Matcher::new(&g).unwrap();
    let described = |text: &str| -> Vec<Option<EntityId>> {
        m.find(text)
            .mentions
            .iter()
            .filter(|x| x.entity < e(2))
            .map(|x| x.describes)
            .collect()
    };
    assert_eq!(
        described("Russian President Vladimir Putin and North Korean leader Kim Jong Un met."),
        [Some(e(2)), Some(e(3))]
    );
    assert_eq!(described("the North Korean Kim Jong Un"), [Some(e(3))]);
    assert_eq!(
        described("North Korean Supreme Leader Mr. Kim Jong Un"),
        [Some(e(3))]
    );
    assert_eq!(
        described("Russian presidential aide Vladimir Putin"),
        [Some(e(2))]
    );
    assert_eq!(
        described("North Korea's Kim Jong Un and Russia’s Vladimir Putin"),
        [Some(e(3)), Some(e(2))]
    );
    assert_eq!(described("North Korea leader Kim Jong Un"), [Some(e(3))]);
    // Not a title: a function word, punctuation, a paragraph break, five words.
    for text in [
        "Russian and North Korean officials met Vladimir Putin",
        "They spoke Russian. Vladimir Putin smiled.",
        "They spoke Russian,\nVladimir Putin smiled.",
        "a Russian\n\nVladimir Putin",
        "Russian senior deputy foreign ministry spokesman Vladimir Putin",
        "North Korean troops crossed into Russia",
        "Back in Russia Vladimir Putin said",
        "the talks in Russia, Vladimir Putin said",
        "Russia and Vladimir Putin",
    ] {
        assert!(described(text).iter().all(Option::is_none), "{text}");
    }
}

#[test]
fn the_word_index_finds_exactly_what_the_automaton_finds() {
    // With a pattern that starts with ASCII punctuation (the index then walks the text
    // a character at a time) and without (64-byte blocks of bit masks).
    let odd = "@type place\n's-Hertogenbosch\n";
    for extra in [odd, ""] {
        word_index_equals_automaton(extra);
    }
}

fn word_index_equals_automaton(extra: &str) {
    let g = Gazetteer::from_str(
        "g.txt",
        &format!(
            "@type place\nSt. Petersburg | St Petersburg\nUnited States | US | U.S.\n\
             Washington | +Washington\nWashington Post | type=organization\n\
             Korea\nNorth Korea | demonym=North Korean\nGeorgia | +Georgia\nSouth Georgia\n\
             Ünterberg\n@type person\nKim Jong Un | ~Kim\nKim Jong Il | ~Kim\n\
             Vladimir Putin | Putin\n@type organization\nAcme Ltd. | Acme\nC++ Users Group\n{extra}"
        ),
    )
    .unwrap();
    let build = |scan| Matcher::builder().scan(Some(scan)).build(&g).unwrap();
    let (ac, words) = (build(ScanKind::Automaton), build(ScanKind::WordIndex));
    let pieces = [
        "St.",
        "Petersburg",
        "St",
        "US",
        "U.S.",
        "us",
        "'s-Hertogenbosch",
        "Washington",
        "Post",
        "Postal",
        "Korea",
        "Koreans",
        "North",
        "Korean",
        "Georgia",
        "South",
        "Kim",
        "Jong",
        "Un",
        "Il",
        "Jong-un",
        "Putin",
        "Putin's",
        "Acme",
        "Ltd.",
        "C++",
        "Users",
        "Group",
        "the",
        "and",
        "said",
        "Ünter",
        "Ünterberg",
        "Пу",
        "“Putin”",
        "é",
        "’",
        "-",
        ".",
        ",",
        "(",
        ")",
    ];
    let seps = [" ", "  ", "\n", "\n\n", ", ", ". ", "-", "", "’s "];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut found = 0;
    for round in 0..3000 {
        let mut text = String::new();
        // Short texts, and texts past the index's 64-byte blocks.
        let len = if round % 2 == 0 { next(14) } else { next(60) };
        for _ in 0..len + 1 {
            text.push_str(pieces[next(pieces.len())]);
            text.push_str(seps[next(seps.len())]);
        }
        let expected = ac.find(&text);
        found += expected.mentions.len();
        assert_eq!(expected, words.find(&text), "round {round}: {text:?}");
    }
    assert!(found > 3000, "the random texts hold names: {found}");
    // And on real prose.
    let prose = "Russia's Vladimir Putin met Kim Jong-un in St. Petersburg; the U.S. and \
                 South Georgia watched. Kim said the Washington Postal Service was late.";
    assert_eq!(ac.find(prose), words.find(prose));
    assert!(!words.find(prose).mentions.is_empty());
}

#[test]
fn case_override_for_a_run() {
    let g = Gazetteer::from_str("places.txt", "China\nUnited States | US\n").unwrap();
    let ins = Matcher::builder()
        .case(Some(CasePolicy::Insensitive))
        .junk_guard(false)
        .build(&g)
        .unwrap();
    assert_eq!(ins.find("china us").mentions.len(), 2);
    let exact = Matcher::builder()
        .case(Some(CasePolicy::Exact))
        .build(&g)
        .unwrap();
    assert_eq!(exact.find("CHINA China US").mentions.len(), 2);
}

#[test]
fn smart_case_keeps_the_capitals_of_a_name_of_capitals_and_digits() {
    let g = Gazetteer::from_str(
        "organizations.txt",
        "Vexor 3K | 3K\nGroup of Nine | G9\nBrannock\n",
    )
    .unwrap();
    let m = Matcher::new(&g).unwrap();
    let text = "A \u{a3}3k deal: 3K and the G9 met, not the g9; BRANNOCK and Brannock.";
    let found: Vec<&str> = m
        .find(text)
        .mentions
        .iter()
        .map(|x| &text[x.span.range()])
        .collect();
    // A capital first still lets the rest of the word be written in capitals.
    assert_eq!(found, ["3K", "G9", "BRANNOCK", "Brannock"]);
}

#[test]
fn per_file_case_policy() {
    let g = Gazetteer::from_str("places.txt", "@case exact\nChina\n").unwrap();
    let m = Matcher::new(&g).unwrap();
    assert_eq!(m.find("CHINA China").mentions.len(), 1);
}

#[test]
fn spans_are_byte_offsets_into_original() {
    let (_, m) = matcher(PLACES);
    let text = "\u{201c}Russia\u{201d} — Far  East";
    let r = m.find(text);
    let spans: Vec<_> = r.mentions.iter().map(|x| &text[x.span.range()]).collect();
    assert_eq!(spans, ["Russia", "Far  East"]);
}

#[test]
fn explain_answers_why_not() {
    let g = Gazetteer::from_str(
        "t.txt",
        "@type place\nKorea\nChina\nMarch\n@type person\nKim Jong Un | ~Kim\nKim Jong Il | ~Kim\nGordon Brown | ~Brown\n",
    )
    .unwrap();
    let m = Matcher::new(&g).unwrap();
    let rules = |text: &str| -> Vec<(String, &'static str, bool)> {
        m.explain(&g, text)
            .into_iter()
            .map(|e| (e.text, e.rule.as_str(), e.accepted))
            .collect()
    };
    assert_eq!(rules("Koreans"), [("Korea".to_string(), "boundary", false)]);
    assert_eq!(rules("fine china"), [("china".to_string(), "case", false)]);
    assert_eq!(
        rules("Brown said"),
        [("Brown".to_string(), "anchoring", false)]
    );
    assert_eq!(rules("in March"), [("March".to_string(), "junk", false)]);
    let kim = rules("Kim Jong Un met Kim Jong Il. Kim Jong Un left. Kim waved.");
    assert_eq!(kim.last().unwrap(), &("Kim".to_string(), "ambiguity", true));
    let why = m.explain(
        &g,
        "Kim Jong Un met Kim Jong Il. Kim Jong Un left. Kim waved.",
    );
    assert!(why
        .last()
        .unwrap()
        .reason
        .contains("resolved to Kim Jong Un (person:kim-jong-un)"));
    assert!(why
        .last()
        .unwrap()
        .reason
        .contains("Kim Jong Un 2, Kim Jong Il 1"));
    // The inner `Kim` of a full name loses to the longer match.
    assert!(why
        .iter()
        .any(|e| e.rule == Rule::Overlap && e.text == "Kim"));
}

t!(
    tie_across_paragraphs_goes_to_the_sense_introduced_first,
    KIMS,
    "Kim Jong Un came.\n\nHis father Kim Jong Il ruled.\n\nKim left.",
    [
        ("Kim Jong Un", "Kim Jong Un"),
        ("Kim Jong Il", "Kim Jong Il"),
        ("Kim", "Kim Jong Un")
    ]
);

#[test]
fn rules_display_as_the_words_the_cli_prints() {
    let rules = [
        Rule::Match,
        Rule::Boundary,
        Rule::Case,
        Rule::Overlap,
        Rule::Anchoring,
        Rule::Ambiguity,
        Rule::Junk,
    ];
    let words: Vec<String> = rules.iter().map(Rule::to_string).collect();
    assert_eq!(
        words,
        [
            "match",
            "boundary",
            "case",
            "overlap",
            "anchoring",
            "ambiguity",
            "junk"
        ]
    );
    assert!(rules.iter().all(|r| r.to_string() == r.as_str()));
}

#[test]
fn explain_builds_the_word_index_automaton_once() {
    let (g, m) = matcher(PLACES);
    assert!(
        m.explainer.built().is_none(),
        "not before the first explanation"
    );
    let first = m.explain(&g, "Koreans met in Russia");
    let built: *const _ = m.explainer.built().unwrap().unwrap();
    assert_eq!(first, m.explain(&g, "Koreans met in Russia"));
    let again: *const _ = m.explainer.built().unwrap().unwrap();
    assert!(std::ptr::eq(built, again));
    // An automaton matcher explains with its own automaton.
    let ac = Matcher::builder()
        .scan(Some(ScanKind::Automaton))
        .build(&g)
        .unwrap();
    assert_eq!(ac.explain(&g, "Koreans met in Russia"), first);
    assert!(ac.explainer.built().is_none());
}

#[test]
fn a_name_never_runs_across_a_blank_line() {
    let gaz = "@type person\nKim Jong Un\n";
    // Wrapped text keeps the name; a headline ending `Kim Jong` above a paragraph starting
    // `Un` does not make one.
    assert_eq!(run(gaz, "met Kim\nJong Un.").len(), 1);
    assert!(run(gaz, "Talks with Kim Jong\n\nUn-named officials").is_empty());
    assert!(run(gaz, "Kim Jong\n \t\nUn").is_empty());
    let (g, m) = matcher(gaz);
    let why = m.explain(&g, "Kim Jong\n\nUn");
    assert_eq!((why[0].rule, why[0].accepted), (Rule::Boundary, false));
    assert!(
        why[0].reason.contains("paragraph break"),
        "{}",
        why[0].reason
    );
}

#[test]
fn a_word_before_the_t_of_a_contraction_is_no_name() {
    let gaz = "@type person\nPhilip Don | Don\n@type organization\nWon Holdings | Won\n";
    let found = run(
        gaz,
        "Referee Philip Don said: \"Don't shout.\" Don’t, he said. Won't it end? Don spoke.",
    );
    let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["Philip Don", "Don"], "{found:?}");
    // `'s` is a possessive, not a contraction.
    assert_eq!(run(gaz, "Don's whistle blew.").len(), 1);
}

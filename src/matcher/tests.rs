//! The matcher's tests: rules on small gazetteers, explanations, and the property that
//! the word index finds exactly what the automaton finds. Must not reach past the public
//! API except for the scan kinds.

use super::*;

fn e(index: usize) -> EntityId {
    EntityId::new(index)
}

fn matcher(gaz: &str) -> (Gazetteer, Matcher) {
    let g = Gazetteer::from_str("test.txt", gaz).unwrap();
    let m = Matcher::new(&g).unwrap();
    (g, m)
}

/// (matched text, entity label) pairs.
fn run(gaz: &str, text: &str) -> Vec<(String, String)> {
    let (g, m) = matcher(gaz);
    m.find(text)
        .mentions
        .iter()
        .map(|x| {
            (
                text[x.span.range()].to_string(),
                g.entity(x.entity).label.clone(),
            )
        })
        .collect()
}

macro_rules! t {
    ($name:ident, $gaz:expr, $text:expr, [$(($m:expr, $l:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let got = run($gaz, $text);
            let want: Vec<(String, String)> = vec![$(($m.to_string(), $l.to_string())),*];
            assert_eq!(got, want, "text: {:?}", $text);
        }
    };
}

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

/// A gazetteer for the context rules: countries (an `iso` code), cities, a person.
const WORLD: &str = "@type place\n\
England | kind=country\nFrance | iso=FR\nIreland | iso=IE\nWales | kind=country\nItaly | iso=IT\n\
Russia | iso=RU | demonym=Russian\nChina | iso=CN\nBritain | iso=GB\nSingapore | iso=SG\nJordan | iso=JO\n\
Canada | iso=CA\nUS | iso=US\n\
Liverpool\nEverton\nManchester\nMadrid\nDortmund\nMunich\nLondon\nCalifornia\nTexas\nVictoria\nRio\nVirginia\n\
@type person\nVladimir Putin | ~Putin\nGeorge Bush | ~Bush\n";

/// The mentions of `text` with the context rules: (text, entity id, team flag).
fn in_context(text: &str) -> Vec<(String, String, bool)> {
    let mut g = Gazetteer::from_str("world.txt", WORLD).unwrap();
    g.add_teams();
    let m = Matcher::new(&g).unwrap();
    m.find(text)
        .mentions
        .iter()
        .map(|x| {
            (
                text[x.span.range()].to_string(),
                g.entity(x.entity).id.clone(),
                x.team,
            )
        })
        .collect()
}

fn found(text: &str) -> Vec<String> {
    in_context(text).into_iter().map(|(t, _, _)| t).collect()
}

#[test]
fn a_place_standing_for_its_team_becomes_the_team() {
    let sport = "Soccer: the league match went to extra time after halftime. ";
    // Countries stay mentions of the country, marked as teams (they link nothing).
    let t = in_context(&format!("{sport}England beat France 2-1 in London."));
    assert_eq!(t[0], ("England".into(), "place:england".into(), true));
    assert_eq!(t[1], ("France".into(), "place:france".into(), true));
    assert_eq!(t[2], ("London".into(), "place:london".into(), false));
    assert!(in_context("The new Ireland captain was named.")[0].2);
    assert!(in_context("Wales v Italy")[0].2 && in_context("Wales v Italy")[1].2);
    // Cities become their teams: in a results line, a fixture, a sports story.
    let r = in_context("Liverpool 3 Everton 1");
    assert_eq!(r[0].1, "team:liverpool");
    assert_eq!(r[1].1, "team:everton");
    let r = in_context("LIVERPOOL AT MANCHESTER");
    assert_eq!(
        (r[0].1.as_str(), r[1].1.as_str()),
        ("team:liverpool", "place:manchester")
    );
    let r = in_context(&format!("{sport}Madrid defeated Liverpool at home."));
    assert_eq!(
        (r[0].1.as_str(), r[1].1.as_str()),
        ("team:madrid", "team:liverpool")
    );
    // Outside a sports story a result verb says nothing.
    assert_eq!(
        in_context("Russia beat back the attack.")[0].1,
        "place:russia"
    );
    assert_eq!(
        in_context("Liverpool beat the record heat.")[0].1,
        "place:liverpool"
    );
}

#[test]
fn a_place_inside_a_longer_name_is_not_the_place() {
    for text in [
        "Fans of Manchester United cheered.",
        "He joined Borussia Dortmund in May.",
        "He left Real Madrid last year.",
        "Bayern Munich won again.",
        "He flew US Airways and then Singapore Airlines to get there.",
        "The Bank of China raised rates.",
        "A spokesman for the Muslim Council of Britain spoke.",
        "The Liverpool Echo reported it.",
        "She studied at the California Institute of Technology.",
        "An exhibition at Tate Britain opened.",
        "The comedian Victoria Wood and the footballer Rio Ferdinand met Virginia Madsen.",
        "Shares of Texas Instruments rose.",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
    // Real places stay: qualified, described, or before a title, a weekday, a name.
    assert_eq!(found("Greater London voted."), ["London"]);
    assert_eq!(
        found("US President George Bush spoke."),
        ["US", "George Bush"]
    );
    assert_eq!(found("Talks in Russia on Monday went well."), ["Russia"]);
    assert_eq!(found("He met Russia Monday."), ["Russia"]);
    assert_eq!(
        found("Russian President Vladimir Putin arrived."),
        ["Russian", "Vladimir Putin"]
    );
    assert_eq!(found("Kim Arrives In Russia Ahead Of Summit"), ["Russia"]);
    assert_eq!(found("Envoy for Russia Stephen Biegun came."), ["Russia"]);
}

#[test]
fn a_place_used_as_a_surname_is_the_person_for_the_rest_of_the_document() {
    let text = "Director Neil Jordan spoke. Jordan said the film was done. Mr Canada agreed.";
    assert!(found(text).is_empty(), "{:?}", found(text));
    // Before the document names the person, the country is the country.
    assert_eq!(
        found("Jordan signed the deal. Later director Neil Jordan spoke."),
        ["Jordan"]
    );
    let off = {
        let g = Gazetteer::from_str("world.txt", WORLD).unwrap();
        let m = Matcher::builder()
            .names_inside_names(false)
            .build(&g)
            .unwrap();
        m.find(text).mentions.len()
    };
    assert_eq!(off, 3);
}

#[test]
fn context_verdicts_are_counted_and_explained() {
    let mut g = Gazetteer::from_str("world.txt", WORLD).unwrap();
    g.add_teams();
    let m = Matcher::new(&g).unwrap();
    let text =
        "Liverpool 3 Everton 1\nFans of Manchester United and Neil Jordan came. Jordan left.";
    let r = m.find(text);
    assert_eq!(
        (r.context.teams, r.context.in_names, r.context.surnames),
        (2, 2, 1)
    );
    let why = m.explain(&g, text);
    let rule = |t: &str| {
        why.iter()
            .filter(|e| e.text == t)
            .map(|e| e.rule)
            .collect::<Vec<_>>()
    };
    assert_eq!(rule("Liverpool"), [Rule::Team]);
    assert_eq!(rule("Manchester"), [Rule::Name]);
    assert_eq!(rule("Jordan"), [Rule::Name, Rule::Surname]);
    assert!(why.iter().any(|e| e.reason.contains("--no-name-rule")));
}

#[test]
fn a_listed_surname_after_another_given_name_is_another_person() {
    let gaz = "@type person\nTony Blair | Blair\nVladimir Putin | Putin\n";
    let people =
        |text: &str| -> Vec<String> { run(gaz, text).into_iter().map(|(t, _)| t).collect() };
    assert!(people("Cherie Blair and Ian Blair spoke, then J. Blair.").is_empty());
    assert_eq!(
        people("Mr Blair and Prime Minister Blair spoke."),
        ["Blair", "Blair"]
    );
    assert_eq!(
        people("T. Blair arrived; Vladmir Putin too."),
        ["Blair", "Putin"]
    );
    assert_eq!(
        people("Kim Arrives In Vladivostok To Meet Putin"),
        ["Putin"]
    );
    let (g, m) = matcher(gaz);
    let why = m.explain(&g, "Cherie Blair spoke.");
    assert_eq!((why[0].rule, why[0].accepted), (Rule::Surname, false));
}

#[test]
fn a_shared_name_goes_to_the_sense_whose_country_the_document_names() {
    let gaz = "@type place\nSpain | iso=ES\nVenezuela | iso=VE\n\
+Valencia | id=place:valencia-venezuela | country=Venezuela\n\
Valencia | id=place:valencia-spain | country=Spain\n";
    let (g, m) = matcher(gaz);
    let sense = |text: &str| {
        let r = m.find(text);
        let v = r
            .mentions
            .iter()
            .find(|x| &text[x.span.range()] == "Valencia")
            .unwrap();
        g.entity(v.entity).id.clone()
    };
    assert_eq!(
        sense("Valencia hosted the fair."),
        "place:valencia-venezuela"
    );
    assert_eq!(
        sense("Valencia hosted the fair, the largest in Spain."),
        "place:valencia-spain"
    );
    // Evidence for a sense still comes first.
    assert_eq!(
        sense("Valencia, Venezuela hosted it; Valencia is big. Spain sent a team."),
        "place:valencia-venezuela"
    );
}

/// The entity id of the first mention of `text` with gazetteer `gaz`.
fn first_id(gaz: &str, text: &str) -> String {
    let (g, m) = matcher(gaz);
    g.entity(m.find(text).mentions[0].entity).id.clone()
}

#[test]
fn a_state_office_after_a_shared_name_says_the_state() {
    let gaz = "@type place\nNew York City | +New York\nNew York State | New York | kind=state\n";
    let id = |text: &str| first_id(gaz, text);
    assert_eq!(id("New York is busy."), "place:new-york-city");
    assert_eq!(
        id("New York Attorney General Eliot Spitzer sued."),
        "place:new-york-state"
    );
    assert_eq!(
        id("New York Governor George Pataki spoke."),
        "place:new-york-state"
    );
}

#[test]
fn company_words_around_a_shared_name_say_the_company() {
    let gaz = "@type place\n+Jersey\n@type organization\nJersey | id=organization:jersey-telecom\n";
    let id = |text: &str| first_id(gaz, text);
    assert_eq!(id("Jersey voted."), "place:jersey");
    assert_eq!(
        id("He bought shares in Jersey last year."),
        "organization:jersey-telecom"
    );
    assert_eq!(id("Jersey shares rose."), "organization:jersey-telecom");
}

#[test]
fn cues_that_decide_a_shared_name_are_counted_and_explained() {
    let gaz = "@type place\nSpain | iso=ES\nVenezuela | iso=VE\n\
+Valencia | id=place:valencia-venezuela | country=Venezuela\n\
Valencia | id=place:valencia-spain | country=Spain\n\
+New York City | +New York\nNew York State | New York | kind=state\n\
+Jersey\n@type organization\nJersey | id=organization:jersey-telecom\n";
    let (g, m) = matcher(gaz);
    let text = "Valencia hosted the fair in Spain. New York Attorney General Eliot Spitzer sued. \
                He bought shares in Jersey. New York is busy.";
    let found = m.find(text);
    assert_eq!(
        found.cues,
        SenseCues {
            state: 1,
            company: 1,
            country: 1,
            title: 0,
            company_words: 0,
        }
    );
    let why = m.explain(&g, text);
    let reason = |name: &str| {
        why.iter()
            .find(|e| e.text == name && e.accepted)
            .map(|e| e.reason.clone())
            .unwrap()
    };
    assert!(reason("Valencia").contains("names the country of this one only"));
    assert!(reason("Jersey").contains("company words"));
    assert!(why
        .iter()
        .any(|e| e.text == "New York" && e.reason.contains("a state's office or body")));
    // The default sense is no cue: the plain `New York` is not counted.
    assert!(why
        .iter()
        .any(|e| e.text == "New York" && e.reason.contains("unambiguous mentions")));
}

/// (matched text, entity id) for `text` with gazetteer `gaz` (teams derived).
fn ids(gaz: &str, text: &str) -> Vec<(String, String)> {
    let mut g = Gazetteer::from_str("test.txt", gaz).unwrap();
    g.add_teams();
    let m = Matcher::new(&g).unwrap();
    m.find(text)
        .mentions
        .iter()
        .map(|x| {
            (
                text[x.span.range()].to_string(),
                g.entity(x.entity).id.clone(),
            )
        })
        .collect()
}

const NEWS: &str = "@type person\n\
Bill Clinton | ~Clinton | office=President of the United States 1993-2001\n\
Hillary Clinton | ~Clinton | office=Secretary of State 2009-2013\n\
Xi Jinping | Xi\n\
@type organization\n\
Target Stores | ~Target\n\
Sony\nSamsung Electronics\n\
Yonhap | Yonhap News Agency\n\
Cricket Australia\n\
@type place\n\
Australia\n";

#[test]
fn a_title_that_fits_the_office_keeps_an_anchored_surname() {
    let r = ids(
        NEWS,
        "President Clinton spoke. Secretary Clinton replied. Mrs Clinton left.",
    );
    assert_eq!(
        r,
        [
            ("Clinton".into(), "person:bill-clinton".into()),
            ("Clinton".into(), "person:hillary-clinton".into())
        ]
    );
    // No title, or one that fits neither office: the anchor holds.
    assert!(ids(NEWS, "Clinton spoke. Governor Clinton left.").is_empty());
    let (g, m) = matcher(NEWS);
    let found = m.find("Shares in Target rose after President Clinton spoke.");
    assert_eq!((found.cues.title, found.cues.company_words), (1, 1));
    let why = m.explain(&g, "President Clinton spoke.");
    let clinton = why.iter().find(|e| e.accepted).unwrap();
    assert!(
        clinton.reason.contains("the title before it fits"),
        "{}",
        clinton.reason
    );
}

#[test]
fn an_organization_takes_its_legal_form_and_company_words_keep_an_anchor() {
    let r = ids(
        NEWS,
        "Sony Corp and Samsung Electronics Co Ltd said; Sony, Inc. agreed. Target Corp fell.",
    );
    let texts: Vec<&str> = r.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Sony Corp",
            "Samsung Electronics Co Ltd",
            "Sony, Inc.",
            "Target Corp"
        ]
    );
    // A word that only looks like a form, or a place, takes nothing.
    let r = ids(
        NEWS,
        "Sony Cooperative and Sony Corporate events; a Sony Co-op store.",
    );
    let texts: Vec<&str> = r.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["Sony", "Sony", "Sony"]);
    // The common word alone is still anchored.
    assert!(ids(NEWS, "The Target was missed.").is_empty());
    assert_eq!(super::without_legal_form("Sony Corp"), "Sony");
}

#[test]
fn a_spaced_dash_two_letter_capitals_and_lower_case_words_break_a_name() {
    let r = ids(NEWS, "CRICKET - AUSTRALIA WIN. Cricket Australia said.");
    assert_eq!(
        r,
        [
            ("AUSTRALIA".into(), "place:australia".into()),
            (
                "Cricket Australia".into(),
                "organization:cricket-australia".into()
            )
        ]
    );
    let r = ids(NEWS, "The XI won. Xi spoke. XI JINPING VISITS.");
    let texts: Vec<&str> = r.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, ["Xi", "XI JINPING"]);
    let r = ids(
        NEWS,
        "The Yonhap news agency said. YONHAP NEWS AGENCY. Yonhap News Agency.",
    );
    let texts: Vec<&str> = r.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["Yonhap", "YONHAP NEWS AGENCY", "Yonhap News Agency"]
    );
}

#[test]
fn a_town_with_a_listed_club_is_the_club_in_a_sports_story() {
    let gaz = "@type place\nLeicester\nDerby\n@type organization\n\
               Leicester City | id=team:leicester | team_of=place:leicester\n";
    let sport = "The league match ended after the coach sent on a striker. ";
    let r = ids(
        gaz,
        &format!("{sport}Title rivals Leicester and Derby are close in Leicester."),
    );
    assert_eq!(
        r,
        [
            ("Leicester".into(), "team:leicester".into()),
            // A town with no listed club needs a result or fixture cue.
            ("Derby".into(), "place:derby".into()),
            // Where a match is played stays a place.
            ("Leicester".into(), "place:leicester".into()),
        ]
    );
    // Outside a sports story the town is the town.
    let r = ids(gaz, "Leicester council closed two roads.");
    assert_eq!(r, [("Leicester".into(), "place:leicester".into())]);
}

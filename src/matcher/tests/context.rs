//! The context rules: a place standing for its team, inside a longer name, used as a
//! surname; another person with a listed surname; the country a document names.

use super::*;

/// A gazetteer for the context rules: countries (an `iso` code), cities, a person.
const WORLD: &str = "@type place\n\
England | kind=country\nFrance | iso=FR\nIreland | iso=IE\nWales | kind=country\nItaly | iso=IT\n\
Russia | iso=RU | demonym=Russian\nChina | iso=CN\nBritain | iso=GB\nSingapore | iso=SG\nJordan | iso=JO\n\
Canada | iso=CA\nUS | iso=US\n\
Liverpool\nEverton\nManchester\nMadrid\nDortmund\nMunich\nLondon\nCalifornia\nTexas\nVictoria\nRio\nVirginia\n\
@type person\nVladimir Putin | ~Putin\nGeorge Bush | ~Bush\n";

/// The mentions of `text` with the context rules: (text, entity id, team flag).
fn in_context(text: &str) -> Vec<(String, String, bool)> {
    with_teams(WORLD, text)
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
fn teams_in_sports_prose_plural_verbs_scores_brackets_and_lists() {
    let rugby = "Rugby: the Six Nations championship and the tournament's last match.\n";
    let teams = |text: &str| -> Vec<bool> { in_context(text).iter().map(|m| m.2).collect() };
    // Each text in a sports story, with the team flag of each place mention.
    let sport: &[(&str, &[bool])] = &[
        // British sports writing: a team takes a plural verb, a country a singular one.
        (
            "Wales have rediscovered their flair. England play Italy.",
            &[true, true, true],
        ),
        ("Fans in Wales are delighted.", &[false]),
        ("Italy and France are close.", &[false, false]),
        ("Wales has a new coach in Cardiff.", &[false]),
        // What a side does in the match, but not where a word says where.
        (
            "England played well, Ireland conceded twice and Wales looked bereft.",
            &[true, true, true],
        ),
        ("Fans in Wales looked on.", &[false]),
        // Beaten by a place; the places listed with a team are teams, up to the list's end.
        (
            "After defeats by Wales, France and Ireland, Italy is next.",
            &[true, true, true, false],
        ),
        (
            "England beat France, Italy or Russia in London.",
            &[true, true, true, true, false],
        ),
        // A second side, a rugby position (a hyphenated one too).
        (
            "England A beat a Wales XV. England lock Jim Hale, Wales fly-half Ed Gow.",
            &[true, true, true, true],
        ),
        // A possessive before a player or the team's own, not before anyone else.
        (
            "England's Josh Lewsey and Russia’s coach left.",
            &[true, true],
        ),
        ("Russia's justice minister left.", &[false]),
        // A score after a place.
        ("The Test went to Wales 13-12.", &[true]),
        // A country in brackets after a player's name (not with more inside the brackets).
        (
            "O Smith (England), B Cohen ( France ), D Peel (Wales, capt)",
            &[true, true, false],
        ),
    ];
    for (text, want) in sport {
        assert_eq!(teams(&format!("{rugby}{text}")), *want, "{text}");
    }
    // Outside a sports story none of these says team.
    for text in [
        "Wales have a new health minister.",
        "Russia played a part in the talks and Iran scored a diplomatic point.",
        // A league of nations named thrice makes no sports story.
        "The Arab League met, the Arab League said and the Arab League agreed: Russia played a part.",
        "Italy, France and Russia signed the treaty.",
        "England lock the doors.",
        "Russia's president left.",
        "Sales in Wales 2003-2004 rose.",
        "Heads of state met Jan Kowal (France) in Paris.",
    ] {
        assert!(teams(text).iter().all(|t| !t), "{text}");
        assert!(!teams(text).is_empty(), "{text}");
    }
    // A city: its team, or the place where a word says where or in brackets.
    let id = |text: &str, k: usize| in_context(&format!("{rugby}{text}"))[k].1.clone();
    assert_eq!(id("Madrid were about to play.", 0), "team:madrid");
    assert_eq!(
        id("Games in Manchester and Wales v Italy.", 0),
        "place:manchester"
    );
    assert_eq!(
        id("J Smith (Liverpool) and the squad (France).", 0),
        "place:liverpool"
    );
    assert!(
        !teams(&format!(
            "{rugby}J Smith (Liverpool) and the squad (France)."
        ))[1]
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
fn a_surname_between_two_other_name_words_is_a_word_of_a_longer_name() {
    let gaz = "@type person\nSteve Bruce | ~Bruce\n";
    let people =
        |text: &str| -> Vec<String> { run(gaz, text).into_iter().map(|(t, _)| t).collect() };
    assert_eq!(
        people("Steve Bruce spoke. The Beach Boy Bruce Johnston sang. Bruce smiled."),
        ["Steve Bruce", "Bruce"]
    );
    // Capitals say nothing in a headline.
    assert_eq!(
        people("Steve Bruce spoke.\n\nFans Hail Bruce Magic In Derby Win\n"),
        ["Steve Bruce", "Bruce"]
    );
}

#[test]
fn a_given_name_alias_before_another_surname_is_another_person() {
    let gaz = "@type person\nRobert Allenby | ~Robert\nPaula Radcliffe | ~Paula\n\
        Tiemen Vandermeer | ~Tiemen\nVladimir Putin | Putin\n@type organization\nColes\n";
    let people = |text: &str| -> Vec<String> {
        run(gaz, text)
            .into_iter()
            .filter(|(_, label)| label != "Coles")
            .map(|(t, _)| t)
            .collect()
    };
    // The short form after the full name is the person, alone or before a common word.
    assert_eq!(
        people("Robert Allenby led. Robert said Friday was hard."),
        ["Robert Allenby", "Robert"]
    );
    // Before another surname it is someone else, in prose or in a line of results, and
    // whether or not the surname is listed as something else.
    assert_eq!(
        people("Robert Allenby 68 70, Robert Coles 74 76. Paula Radcliffe won; Paula Jones lost."),
        ["Robert Allenby", "Paula Radcliffe"]
    );
    // So is a first word that no list of given names holds (`Ruud Gullit` where the
    // person is Ruud van Nistelrooy).
    assert_eq!(
        people("Tiemen Vandermeer scored. Tiemen is fit. He was signed by Tiemen Baxley."),
        ["Tiemen Vandermeer", "Tiemen"]
    );
    // Two listed people side by side are two people (`Kim Putin flags` under a photograph).
    assert_eq!(
        people("Robert Allenby smiled. Robert Putin talks"),
        ["Robert Allenby", "Robert", "Putin"]
    );
    let (g, m) = matcher(gaz);
    let why = m.explain(&g, "Robert Allenby 68 70, Robert Coles 74 76.");
    let coles = why.iter().find(|e| e.span.start() == 22).unwrap();
    assert_eq!((coles.rule, coles.accepted), (Rule::Surname, false));
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

#[test]
fn a_firms_name_after_a_given_name_is_a_persons_surname() {
    let gaz = "@type organization\nFerrero\nCampbell's\nSears\nFatah\n@type person\nTony Roche\n";
    let found = |text: &str| -> Vec<String> {
        let m = with_teams(gaz, text);
        m.into_iter().map(|(t, _, _)| t).collect()
    };
    // After a given name or an honorific: a person, not the company.
    for text in [
        "Juan Carlos Ferrero won in Dubai.",
        "Darren Campbell's relay team.",
        "Boeing sacked Mr Sears in 2003.",
        "Michael Sears admitted his guilt.",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
    // Alone, after an article or a word that is no given name: the company.
    for (text, want) in [
        (
            "Ferrero and Sears reported higher profits.",
            &["Ferrero", "Sears"][..],
        ),
        ("Shares in Campbell's rose.", &["Campbell's"]),
        ("Al Fatah and other groups.", &["Fatah"]),
        ("Retailer Sears cut jobs.", &["Sears"]),
    ] {
        assert_eq!(found(text), want, "{text}");
    }
}

#[test]
fn a_demonym_that_names_a_language_is_no_place() {
    for text in [
        "The musical will be performed in Swedish for the first time.",
        "Hip-hop is popular in the Spanish-speaking world and on Spanish language radio.",
        "He spoke fluent Russian.",
        "The book was translated into French, then into German by her.",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
    for (text, want) in [
        (
            "He told Russian media that talks in Russian cities went well.",
            &["Russian", "Russian"][..],
        ),
        ("Rigs in Russian / Arctic waters.", &["Russian"]),
        ("In Russian, the word is longer.", &["Russian"]),
    ] {
        assert_eq!(found(text), want, "{text}");
    }
}

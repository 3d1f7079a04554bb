//! What decides a shared or anchored name (a state's office, company words, a title that
//! fits an office), the legal form a company's span takes, the breaks in a name (a spaced
//! dash, capitals), and a town with a listed club.

use super::*;

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
    with_teams(gaz, text)
        .into_iter()
        .map(|(t, id, _)| (t, id))
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
    let cuts: Vec<&str> = super::legal_form_cuts("Norwest Corp.").collect();
    assert_eq!(cuts, ["Norwest", "Norwest Corp"]);
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
            // A town with no listed club is a team when it is listed with one.
            ("Derby".into(), "team:derby".into()),
            // Where a match is played stays a place.
            ("Leicester".into(), "place:leicester".into()),
        ]
    );
    // A town with no listed club, alone, needs a result or fixture cue.
    let r = ids(gaz, &format!("{sport}Derby is an old town."));
    assert_eq!(r, [("Derby".into(), "place:derby".into())]);
    // Outside a sports story the town is the town.
    let r = ids(gaz, "Leicester council closed two roads.");
    assert_eq!(r, [("Leicester".into(), "place:leicester".into())]);
}

t!(
    a_sovereign_s_name_alone_counts_where_the_title_names_them,
    "@type person\nKing Halvard IV | Prince Halvard\nRowan Halvard\n",
    "Prince Halvard opened the wing. Halvard spoke briefly.",
    [
        ("Prince Halvard", "King Halvard IV"),
        ("Halvard", "King Halvard IV")
    ]
);

t!(
    a_sovereign_s_name_alone_is_nobody_s_elsewhere,
    "@type person\nKing Halvard IV | Prince Halvard\n",
    "The band's drummer, Halvard, left.",
    []
);

#[test]
fn a_name_a_cue_keeps_counts_alone_in_the_rest_of_the_text() {
    // The title says the president: the surname alone is his in the rest of the story.
    let r = ids(NEWS, "President Clinton arrived. Later Clinton spoke.");
    assert_eq!(
        r,
        [
            ("Clinton".into(), "person:bill-clinton".into()),
            ("Clinton".into(), "person:bill-clinton".into())
        ]
    );
    // So do company words: `shares in Target`, then `Target said`.
    let r = ids(NEWS, "Shares in Target rose. Later Target said sales grew.");
    assert_eq!(r.len(), 2, "{r:?}");
    // Nothing keeps it: the anchor holds everywhere.
    assert!(ids(NEWS, "Target rose. Later Target said sales grew.").is_empty());
}

#[test]
fn company_words_keep_only_a_business_and_a_name_they_begin() {
    let gaz = "@type organization\n\
        Orvell Paralympic Committee | ~OPC | kind=sport\n\
        Orvell Steel Works | ~Steel | kind=company\n";
    // A sports body has no shares.
    assert!(ids(gaz, "Shares of OPC fell.").is_empty());
    // A company's form after a longer name is that name's (`Iron and Steel Co.`).
    assert!(ids(gaz, "Baotan Iron and Steel Co. said so. Steel prices rose.").is_empty());
    assert_eq!(ids(gaz, "Steel Co. said so.").len(), 1);
}

//! Spellings and short forms grouped into one entry: given-name spellings, surnames alone,
//! hyphen and space variants, anchored short forms.

use super::*;
use crate::suggest::variants::same_given_name;

#[test]
fn given_name_spellings_are_one_entry() {
    let s = run(&[
        "Kremlin aide Yury Ushakov said the date was set.",
        "Kremlin aide Yuri Ushakov said the talks would be short. Ushakov added nothing.",
        "Presidential aide Yuri Ushakov spoke on Tuesday.",
    ]);
    assert_eq!(s.len(), 1, "{:?}", labels(&s));
    let u = &s[0];
    assert_eq!(u.label, "Yuri Ushakov");
    assert_eq!(u.aliases, ["Yury Ushakov", "Ushakov"]);
    assert!(u.anchored.is_empty());
    assert_eq!((u.documents, u.mentions), (3, 4));
    assert!(same_given_name("dmitry", "dimitri"));
    assert!(same_given_name("aleksandr", "alexander"));
    assert!(!same_given_name("mark", "mary"));
    assert!(!same_given_name("john", "joan"));
}

#[test]
fn surname_alone_is_an_alias_anchored_when_shared_or_common() {
    let s = run(&["Envoy Ilse Brandvold arrived. Brandvold said little."]);
    assert_eq!(find(&s, "Ilse Brandvold").aliases, ["Brandvold"]);
    // A common word as a surname is anchored.
    let s = run(&["Senator Rebecca Brown arrived. Brown said little."]);
    let b = find(&s, "Rebecca Brown");
    assert_eq!(b.anchored, ["Brown"]);
    assert_eq!(b.mentions, 2);
    // A short form two names share in one document is anchored.
    let s = run(&[
        "Official Kwon Jong Gun spoke first. Kwon said the talks failed. \
         Reporter Jason Kwon wrote the story.",
    ]);
    assert_eq!(find(&s, "Kwon Jong Gun").anchored, ["Kwon"]);
    assert!(find(&s, "Jason Kwon").anchored.is_empty());
}

#[test]
fn a_surname_that_is_a_title_word_is_a_short_form_only() {
    // `Bishop` alone stands for the person named in full before it; a title word is never
    // a name of its own (`the Judge`, with no one named so).
    let s = run(&[
        "Team captain Gertrude Bishop named her squad. \"We are ready,\" Bishop said. \
         Later the Judge spoke. Spaniard Tomas Ferro won, and the Spaniard, who is 30, \
         thanked the fans.",
    ]);
    let b = find(&s, "Gertrude Bishop");
    assert_eq!(b.anchored, ["Bishop"]);
    assert_eq!(b.mentions, 2);
    // Nor is a word that stands before names without being a title word (`Spaniard`).
    assert!(
        !labels(&s).contains(&"Judge") && !labels(&s).contains(&"Spaniard"),
        "{:?}",
        labels(&s)
    );
    // Sentence-initial, its capital says nothing: it makes no short form.
    let s = run(&["Team captain Gertrude Bishop named her squad. Bishop said little."]);
    assert!(find(&s, "Gertrude Bishop").anchored.is_empty());
}

#[test]
fn kim_chang_son_and_chang_son() {
    let s = run(&[
        "Kim Jong Un arrived by train. His aide, Kim Chang Son, checked the route. \
         Chang Son later left for Moscow.",
    ]);
    assert_eq!(labels(&s), ["Kim Chang Son"]);
    assert_eq!(s[0].aliases, ["Chang Son"]);
    assert_eq!(s[0].kind.as_deref(), Some("person"));
    assert_eq!(s[0].cue, "title `aide` before");
}

#[test]
fn hyphen_and_space_variants_are_one_entry() {
    let s = run_with(
        "@type place\nRussia\n",
        &[
            "Vice minister Choe Son-hui spoke. Later Choe Son Hui left.",
            "Official Choe Son-hui returned.",
        ],
        &SuggestOptions::default(),
    );
    assert_eq!(labels(&s), ["Choe Son-hui"]);
    assert!(s[0].aliases.is_empty());
    assert_eq!(s[0].mentions, 3);
}

#[test]
fn more_short_forms() {
    let s = run(&[
        "Students of Far Eastern Federal University (FEFU) cheered. FEFU is new. \
         Governor Oleg Kozhemyako came; Kozhemiako, as some spell it, spoke. \
         The ferry reached Russky Island.",
        "Flags flew on Russky island.",
    ]);
    assert_eq!(find(&s, "Far Eastern Federal University").aliases, ["FEFU"]);
    assert_eq!(find(&s, "Oleg Kozhemyako").aliases, ["Kozhemiako"]);
    let r = find(&s, "Russky Island");
    assert_eq!(r.aliases, ["Russky"]);
    assert_eq!((r.documents, r.mentions), (2, 2));
}

#[test]
fn a_name_written_alone_far_more_often_stands_apart_from_a_rare_longer_one() {
    // `Hollywood` alone in four stories, `Hollywood Boulevard` in one: a place names other
    // things after it, so the town is no short form of the street.
    let mut docs = vec!["The parade went down Hollywood Boulevard on Sunday."];
    docs.extend(["Film crews in Hollywood went on strike."; 4]);
    let s = run(&docs);
    let h = find(&s, "Hollywood");
    assert_eq!(h.kind.as_deref(), Some("place"));
    assert_eq!((h.documents, h.mentions), (4, 4));
    assert!(h.aliases.is_empty(), "{:?}", h.aliases);
    // Words added before it make another name, and when its own cues say nothing it is
    // what that name is.
    let mut docs = vec!["He is chief executive of Nordic Tavora."];
    docs.extend(["Investors sold Tavora shares again."; 4]);
    let s = run(&docs);
    let t = find(&s, "Tavora");
    assert_eq!((t.documents, t.kind.as_deref()), (4, Some("organization")));
    assert!(t.cue.ends_with(" of `Nordic Tavora`"), "{}", t.cue);
    assert_eq!(find(&s, "Nordic Tavora").mentions, 1);
    // Only words after it, and cues that say nothing of it: the longer name keeps its
    // short form (four `Veritas said` are the party's).
    let mut docs = vec!["Kilroy founded the Veritas Party in Leeds."];
    docs.extend(["Veritas said it would stand in every seat."; 4]);
    let s = run(&docs);
    let v = find(&s, "Veritas Party");
    assert_eq!(
        (v.aliases.as_slice(), v.mentions),
        (&["Veritas".to_string()][..], 5)
    );
    assert!(!labels(&s).contains(&"Veritas"));
    // A person's surname stays the person's however often it stands alone, unless its
    // own cues call it something else: the club is no short form of the man who shares
    // its name.
    let mut docs = vec!["The fans cheered Bobby Tavernley at the dinner."];
    docs.extend(["On Sunday, Tavernley striker Ivo Brask scored twice."; 4]);
    let s = run(&docs);
    let t = find(&s, "Tavernley");
    assert_eq!((t.documents, t.kind.as_deref()), (4, Some("organization")));
    assert!(find(&s, "Bobby Tavernley").aliases.is_empty());
    let mut docs = vec!["The fans cheered Bobby Tavernley at the dinner."];
    docs.extend(["Mr Tavernley said he would stay."; 4]);
    let s = run(&docs);
    assert_eq!(find(&s, "Bobby Tavernley").aliases, ["Tavernley"]);
    // A rarer stand-alone form stays a short form (one story alone against one with the
    // full name).
    let s = run(&[
        "Film crews in Hollywood Boulevard went on strike.",
        "Film crews in Hollywood went on strike.",
    ]);
    assert_eq!(find(&s, "Hollywood Boulevard").aliases, ["Hollywood"]);
}

#[test]
fn an_initial_stands_for_the_given_name_it_opens() {
    let s = run(&[
        "Tarrant squad : Gelvin Dorsley , Ulric Pantham , Hunter S Mardle .",
        "Scores :\nG. Dorsley run out 15\nS Mardle c Pantham b Dorsley 4\n",
    ]);
    // An initial and a surname in another document: the one name it is the initial of.
    let p = find(&s, "Gelvin Dorsley");
    assert!(p.aliases.iter().any(|a| a == "G. Dorsley"), "{p:?}");
    // Not a name it is only the end of.
    assert!(
        s.iter()
            .all(|x| !(x.label == "Hunter S Mardle" && x.aliases.iter().any(|a| a == "S Mardle"))),
        "{s:?}"
    );
}

#[test]
fn a_given_name_after_a_royal_title_is_a_name_of_its_own() {
    let prince = [
        "Prince Halvard opened the new wing. Halvard spoke briefly.",
        "Prince Halvard visited troops on Monday.",
    ];
    let s = run(&[&["The singer Rowan Halvard toured Spain."], &prince[..]].concat());
    // The prince is not the singer of another document, the only name of the corpus that
    // the name alone would otherwise stand for.
    let singer = find(&s, "Rowan Halvard");
    assert!(
        singer.aliases.is_empty() && singer.anchored.is_empty(),
        "{singer:?}"
    );
    typed(&s, "person", &[("Halvard", "title `Prince` before")]);
    // Where the singer's document writes the name alone, it is his there, anchored to his
    // full name, and counted for him there only.
    let s = run(&[
        &["Rowan Halvard toured Spain. Halvard sold out."],
        &prince[..],
    ]
    .concat());
    let singer = find(&s, "Rowan Halvard");
    assert_eq!(singer.anchored, ["Halvard"], "{singer:?}");
    assert_eq!((singer.documents, singer.mentions), (1, 2), "{singer:?}");
    typed(&s, "person", &[("Halvard", "title `Prince` before")]);
}

#[test]
fn an_english_word_one_listed_organization_anchors_is_a_name_where_the_corpus_says_so() {
    let gaz = "@type organization\n~Copper | Copper Holdings Group\n";
    let firm = [
        "Copper chief executive Ilse Brandvold said profits doubled.",
        "Analysts said Copper would expand, and Copper shares rose.",
    ];
    let s = run_with(gaz, &firm, &SuggestOptions::default());
    assert_eq!(
        find(&s, "Copper").kind.as_deref(),
        Some("organization"),
        "{s:?}"
    );
    // A corpus that writes the word in lower case as often says nothing of the firm.
    let metal = [
        &firm[..],
        &["The price of copper rose, as copper wire, copper pipes and copper coins sold."],
    ]
    .concat();
    let s = run_with(gaz, &metal, &SuggestOptions::default());
    assert!(s.iter().all(|x| x.label != "Copper"), "{s:?}");
}

#[test]
fn a_company_s_name_with_and_without_its_legal_form_is_one_entry() {
    let s = run(&[
        "Shares of Halvorsen Pharmaceuticals Inc rose on Friday.",
        "Halvorsen Pharmaceuticals makes drugs for hospitals.",
    ]);
    let firm = find(&s, "Halvorsen Pharmaceuticals Inc");
    assert_eq!(firm.kind.as_deref(), Some("organization"));
    assert_eq!(firm.aliases, ["Halvorsen Pharmaceuticals"]);
    assert_eq!(firm.mentions, 2);
    assert_eq!(s.len(), 1, "{:?}", labels(&s));
}

#[test]
fn a_word_a_listed_organization_anchors_is_a_longer_names_only_where_it_is_written() {
    let gaz = "@type organization\nVelmora Rovers FC | ~Velmora\n";
    let mut docs = vec!["The Velmora Heritage Trail met on Saturday, where Velmora spoke."];
    docs.extend(["On Monday, Velmora signed a striker. Fans of Velmora cheered."; 4]);
    let s = run_with(gaz, &docs, &SuggestOptions::default());
    let trail = find(&s, "Velmora Heritage Trail");
    // Counted for the longer name where it is named, anchored to it, and no more.
    assert_eq!(trail.documents, 1, "{s:?}");
    assert!(!trail.aliases.iter().any(|a| a == "Velmora"), "{trail:?}");
    assert!(trail.anchored.iter().any(|a| a == "Velmora"), "{trail:?}");
    // Elsewhere it is a name of its own, which --discover joins to the listed club.
    assert!(find(&s, "Velmora").documents >= 4, "{s:?}");
    // So it is where no document names the longer name beside it.
    docs[0] = "The Velmora Heritage Trail met on Saturday.";
    let s = run_with(gaz, &docs, &SuggestOptions::default());
    assert_eq!(find(&s, "Velmora Heritage Trail").documents, 1, "{s:?}");
    assert!(find(&s, "Velmora").documents >= 4, "{s:?}");
    // A place named after the organization is not what the word stands for, even where
    // the place is named: the club's ground.
    docs[0] = "Fans filled Velmora Park on Saturday, where Velmora beat Tarrow.";
    let s = run_with(gaz, &docs, &SuggestOptions::default());
    let park = find(&s, "Velmora Park");
    assert_eq!(park.kind.as_deref(), Some("place"), "{park:?}");
    assert!(!park.anchored.iter().any(|a| a == "Velmora"), "{park:?}");
    assert_eq!(find(&s, "Velmora").documents, 5, "{s:?}");
    // An acronym is the name its document spells out, listed or not.
    let gaz = "@type organization\nNational Veld Agency | ~NVA\n";
    let mut docs = vec!["Researchers at the Northern Vale Academy (NVA) said it grew."];
    docs.extend(["On Monday, the NVA said it grew. Staff at the NVA agreed."; 4]);
    let s = run_with(gaz, &docs, &SuggestOptions::default());
    assert_eq!(find(&s, "Northern Vale Academy").documents, 5, "{s:?}");
}

#[test]
fn a_bodys_name_with_a_word_in_the_plural_or_the_singular_is_one_entry() {
    let s = run(&[
        "The Trades Union Congress met in Tarrow on Monday.",
        "Leaders of the Trades Union Congress spoke in Tarrow.",
        "The Trade Unions Congress welcomed the rise.",
        "Carlos Brenning and Carlo Brenning met in Tarrow.",
    ]);
    let tuc = find(&s, "Trades Union Congress");
    assert_eq!(tuc.aliases, ["Trade Unions Congress"], "{:?}", labels(&s));
    assert_eq!(tuc.mentions, 3);
    // Two people are not one for a letter.
    find(&s, "Carlos Brenning");
    find(&s, "Carlo Brenning");
}

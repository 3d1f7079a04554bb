//! Discovery: the typed suggestions of a corpus as a gazetteer of discovered entities, so
//! that `--discover` finds the names nobody listed with the very rules `suggest` uses and
//! resolves them with the matcher's (a short form anchored to its full name, one entity per
//! full name across documents). Must not find or type names (that is the rest of
//! `suggest`) nor load gazetteers.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::{Known, Suggestion};
use crate::gazetteer::derive_id;
use crate::text::words::is_given_name;

/// The prefix of a discovered entity's id (`discovered:person:ruth-kelly`): no gazetteer id
/// derived from a type and a label starts so.
pub const DISCOVERED_PREFIX: &str = "discovered:";

/// The discovered entities of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Discovered {
    /// The entities as a JSON Lines gazetteer, one a line.
    pub gazetteer: String,
    /// Entities by type.
    pub by_type: BTreeMap<String, u64>,
    /// Mentions `suggest` counted for them, by type.
    pub mentions_by_type: BTreeMap<String, u64>,
    /// Typed names left out for being seen in fewer documents than asked.
    pub too_rare: u64,
    /// Names left out for want of a type.
    pub untyped: u64,
    /// People found written otherwise than a gazetteer lists them (`Vladmir Putin`), whose
    /// spellings join the listed entity instead of making a new one.
    pub joined: u64,
}

#[derive(Serialize)]
struct Line<'a> {
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    id: String,
    aliases: &'a [String],
    anchored: &'a [String],
    /// Aliases kept though the junk guard would set them aside (`Apple`, an English word
    /// that the corpus writes as the company's name).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    force: &'a [String],
    attrs: BTreeMap<&'static str, &'a str>,
}

/// Acronyms of common nouns, which news writes in capitals but which name no one thing
/// (`German TV`, `on people's PCs`, `the GDP figures`).
const COMMON_ACRONYMS: &[&str] = &[
    "ad", "ai", "atm", "atms", "cd", "cds", "ceo", "ceos", "cfo", "dj", "djs", "dna", "dvd",
    "dvds", "gdp", "gps", "hiv", "hq", "it", "lcd", "mp", "mps", "mp3", "p2p", "pc", "pcs", "pda",
    "pdas", "pin", "pr", "qc", "sms", "suv", "suvs", "tv", "tvs", "vat", "vip", "vips", "www",
];

/// Whether a typed suggestion may become an entity without a reader's review: not a
/// contraction (`I've`), not a person or place written as a short acronym (`PC`, `DVD`,
/// `MP`: products and titles; an organization may be one, `MCI`), not an acronym of a
/// common noun (`TV`, `GDP`), not a person or place with a word of letters and digits
/// (`P2P`), not a one-word person that is an ordinary word (`Analysts said`), not the plural
/// of an acronym (`MEPs`).
fn worth_a_node(label: &str, kind: &str) -> bool {
    let lower = label.to_lowercase().replace('’', "'");
    if ["'ve", "'d", "'ll", "'re", "'m", "n't"]
        .iter()
        .any(|c| lower.ends_with(c) || lower.contains(&format!("{c} ")))
    {
        return false;
    }
    // The plural of an acronym is a common noun's (`MEPs`, `NGOs`, `MMORPGs`), of any type.
    let plural_acronym = label
        .strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase()));
    if plural_acronym {
        return false;
    }
    let acronym = label.len() <= 3 && label.chars().all(|c| c.is_ascii_uppercase());
    if acronym && kind != "organization" || COMMON_ACRONYMS.contains(&lower.as_str()) {
        return false;
    }
    // Nor a person or place named by a common noun's acronym (`Women MPs`, `Windows PCs`;
    // a title after a name is no such noun: `Frank Field MP`).
    let last = lower.rsplit(' ').next().unwrap_or_default();
    if kind != "organization" && COMMON_ACRONYMS.contains(&last) && !super::lexicon::is_title(last)
    {
        return false;
    }
    // Letters and digits in one word are a product, a format or a code (`P2P`, `MP3`,
    // `Xbox 2` is two words), no person's nor place's name.
    let mixed = label
        .split(' ')
        .any(|w| w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic));
    if mixed && kind != "organization" {
        return false;
    }
    !(kind == "person" && !label.contains(' ') && super::lexicon::is_ordinary(&lower))
}

/// The suggestions with a type, seen in at least `min_docs` documents, as entities with
/// the id `discovered:<type>:<slug>` and the attributes `discovered=true` and `cue` (what
/// typed them). A person written otherwise than `known` lists them (`Vladmir Putin`: the
/// same surname and a spelling of the given name) is no new entity: the line adds the
/// spellings to the listed one, under its id.
pub fn discovered(suggestions: &[Suggestion], min_docs: u64, known: &Known) -> Discovered {
    let mut out = Discovered::default();
    let mut ids: HashSet<String> = HashSet::new();
    // A stable order, whatever the ranking: by type, then label.
    let mut typed: Vec<(&Suggestion, &str)> = Vec::new();
    for s in suggestions {
        match s.kind.as_deref() {
            None => out.untyped += 1,
            Some(k) if !worth_a_node(&s.label, k) => out.untyped += 1,
            Some(_) if s.documents < min_docs => out.too_rare += 1,
            Some(k) => typed.push((s, k)),
        }
    }
    typed.sort_by(|a, b| (a.1, &a.0.label).cmp(&(b.1, &b.0.label)));
    for (s, kind) in typed {
        // A person written otherwise than listed (`Vladmir Putin`), or a one-word
        // organization that a listed one anchors (`Wasps` of Wasps RFC): the corpus writes
        // it alone as that organization's name, which then counts wherever it is written.
        let joins = match kind {
            "person" => known.person_spelt(&s.label),
            "organization" if !s.label.contains(' ') => known.org_anchoring(&s.label),
            _ => None,
        };
        // The singular of a listed organization's name is that organization, whatever its
        // cues typed it (`Liberal Democrat MP`, `a Liberal Democrat`), by its own name only:
        // its short forms (`Democrat`) are another's as often.
        let singular = joins
            .is_none()
            .then(|| known.org_of_singular(&s.label))
            .flatten();
        if let Some((id, listed)) = joins.or(singular) {
            let kind = if singular.is_some() {
                "organization"
            } else {
                kind
            };
            // The name itself even where it is the listed label, which may be anchored
            // (`~Apple`): here it counts wherever it is written.
            let spellings: Vec<String> = std::iter::once(&s.label)
                .chain(s.aliases.iter().filter(|_| singular.is_none()))
                .filter(|a| *a != listed || kind == "organization")
                .cloned()
                .collect();
            push_line(
                &mut out.gazetteer,
                &Line {
                    label: listed,
                    kind,
                    id: id.to_string(),
                    aliases: &spellings,
                    anchored: &[],
                    // An organization's name joins because the corpus writes it as one.
                    force: if kind == "organization" {
                        &spellings
                    } else {
                        &[]
                    },
                    attrs: BTreeMap::new(),
                },
            );
            out.joined += 1;
            continue;
        }
        let base = format!("{DISCOVERED_PREFIX}{}", derive_id(kind, &s.label));
        let mut id = base.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let mut attrs = BTreeMap::new();
        attrs.insert("discovered", "true");
        if !s.cue.is_empty() {
            attrs.insert("cue", s.cue.as_str());
        }
        let anchored = with_place_surname(s, kind, known);
        let line = Line {
            label: &s.label,
            kind,
            id,
            aliases: &s.aliases,
            anchored: &anchored,
            force: &[],
            attrs,
        };
        push_line(&mut out.gazetteer, &line);
        *out.by_type.entry(kind.to_string()).or_default() += 1;
        *out.mentions_by_type.entry(kind.to_string()).or_default() += s.mentions;
    }
    out
}

/// The anchored short forms of `s`, with a person's surname when it is a listed place's name
/// and the name opens with a given name, as the matcher's surname rule reads one (a listed
/// given name or a word with a capital inside): `Washington` of `MaliVai Washington`,
/// `Holland` of `Matt Holland`. The runs never saw it alone, as the matcher took it for the
/// place, but in a document that names the person in full it is the person.
fn with_place_surname(s: &Suggestion, kind: &str, known: &Known) -> Vec<String> {
    let mut anchored = s.anchored.clone();
    let (Some((first, _)), Some((_, last))) = (s.label.split_once(' '), s.label.rsplit_once(' '))
    else {
        return anchored;
    };
    let given = is_given_name(&first.to_lowercase())
        || first.chars().skip(1).any(char::is_uppercase) && first.chars().all(char::is_alphabetic);
    let new = !anchored.iter().chain(&s.aliases).any(|a| a == last);
    if kind == "person" && given && new && known.is_place_name(last) {
        anchored.push(last.to_string());
    }
    anchored
}

/// `line` as a line of JSON at the end of `gazetteer`.
fn push_line(gazetteer: &mut String, line: &Line<'_>) {
    // Serializing plain strings cannot fail.
    if let Ok(json) = serde_json::to_string(line) {
        gazetteer.push_str(&json);
        gazetteer.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::{discovered, worth_a_node, Known, Suggestion};
    use crate::gazetteer::Gazetteer;

    fn person(label: &str) -> Suggestion {
        Suggestion {
            label: label.to_string(),
            kind: Some("person".to_string()),
            cue: "title `President` before".to_string(),
            aliases: Vec::new(),
            anchored: Vec::new(),
            documents: 1,
            mentions: 1,
            example: String::new(),
        }
    }

    /// The lines of `found`'s gazetteer, parsed.
    fn lines_of(found: &super::Discovered) -> Vec<serde_json::Value> {
        found
            .gazetteer
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn a_listed_person_written_otherwise_joins_the_listed_entity() {
        let g = Gazetteer::from_str(
            "people.txt",
            "@type person\nVladimir Putin | Putin\nJohn F. Kelly\n",
        )
        .unwrap();
        let known = Known::new(&g);
        let found = discovered(
            &[person("Vladmir Putin"), person("John E. Kelly")],
            1,
            &known,
        );
        assert_eq!(found.joined, 1);
        assert_eq!(found.by_type.get("person"), Some(&1));
        let lines = lines_of(&found);
        let putin = lines
            .iter()
            .find(|l| l["label"] == "Vladimir Putin")
            .unwrap();
        assert_eq!(putin["id"], g.entities()[0].id.as_str());
        assert_eq!(putin["aliases"], serde_json::json!(["Vladmir Putin"]));
        // Another middle initial is another person.
        let kelly = lines
            .iter()
            .find(|l| l["label"] == "John E. Kelly")
            .unwrap();
        assert!(kelly["id"].as_str().unwrap().starts_with("discovered:"));
    }

    #[test]
    fn a_one_word_organization_a_listed_one_anchors_joins_it() {
        let g = Gazetteer::from_str(
            "organizations.txt",
            "Tarvel Wasps RFC | ~Tarvel Wasps | ~Wasps\nOrvell Saints FC | ~Saints\n\
             Dunmore Saints | ~Saints\n",
        )
        .unwrap();
        let known = Known::new(&g);
        let org = |label: &str| Suggestion {
            kind: Some("organization".to_string()),
            cue: "`coach` after".to_string(),
            ..person(label)
        };
        let found = discovered(
            &[org("Wasps"), org("Saints"), org("Tarvel Wasps")],
            1,
            &known,
        );
        let lines = lines_of(&found);
        assert_eq!(found.joined, 1, "{lines:?}");
        let wasps = lines
            .iter()
            .find(|l| l["aliases"] == serde_json::json!(["Wasps"]));
        let wasps = wasps.unwrap();
        assert_eq!(wasps["id"], g.entities()[0].id.as_str());
        // Kept though it is an English word: the corpus writes it as the club's name.
        assert_eq!(wasps["force"], serde_json::json!(["Wasps"]));
        // Anchored by two clubs: a node of its own. So is a longer name, which the
        // gazetteer's anchor may mean otherwise than the corpus does.
        for label in ["Saints", "Tarvel Wasps"] {
            let line = lines.iter().find(|l| l["label"] == label).unwrap();
            assert!(line["id"].as_str().unwrap().starts_with("discovered:"));
        }
    }

    #[test]
    fn the_singular_of_a_listed_organizations_name_joins_it_by_its_own_name() {
        let g = Gazetteer::from_str(
            "parties.txt",
            "@type organization\nFree Greens | FG\nSocial Democrats | country=Norland\n\
             Social Democrats | id=organization:sd-ostmark | country=Ostmark\n",
        )
        .unwrap();
        let known = Known::new(&g);
        let mut green = Suggestion {
            kind: Some("organization".to_string()),
            aliases: vec!["Green".to_string()],
            ..person("Free Green")
        };
        green.cue = "`chairman` after".to_string();
        let found = discovered(&[green, person("Social Democrat")], 1, &known);
        let lines = lines_of(&found);
        assert_eq!(found.joined, 1, "{lines:?}");
        let free = lines.iter().find(|l| l["label"] == "Free Greens").unwrap();
        assert_eq!(free["id"], g.entities()[0].id.as_str());
        // The name alone, not its short form.
        assert_eq!(free["aliases"], serde_json::json!(["Free Green"]));
        // The singular of two parties' names joins neither.
        let sd = lines
            .iter()
            .find(|l| l["label"] == "Social Democrat")
            .unwrap();
        assert!(sd["id"].as_str().unwrap().starts_with("discovered:"));
    }

    #[test]
    fn common_acronyms_and_codes_are_no_nodes() {
        assert!(!worth_a_node("TV", "organization"));
        assert!(!worth_a_node("PCs", "place"));
        assert!(!worth_a_node("P2P", "person"));
        assert!(!worth_a_node("Women MPs", "person"));
        assert!(!worth_a_node("Windows PCs", "place"));
        assert!(!worth_a_node("MEPs", "organization"));
        assert!(!worth_a_node("MMORPGs", "place"));
        assert!(worth_a_node("EMI", "organization"));
        assert!(worth_a_node("BBC TV", "organization"));
        assert!(worth_a_node("Frank Field MP", "person"));
        assert!(worth_a_node("Ai Sugiyama", "person"));
        assert!(!worth_a_node("MP3", "organization"));
        assert!(worth_a_node("MCI", "organization"));
        assert!(worth_a_node("BBC", "organization"));
        assert!(worth_a_node("3M", "organization"));
        assert!(worth_a_node("Kim Chang Son", "person"));
    }
}

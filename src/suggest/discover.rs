//! Discovery: the typed suggestions of a corpus as a gazetteer of discovered entities, so
//! that `--discover` finds the names nobody listed with the very rules `suggest` uses and
//! resolves them with the matcher's (a short form anchored to its full name, one entity per
//! full name across documents). Must not find or type names (that is the rest of
//! `suggest`) nor load gazetteers.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::Suggestion;
use crate::gazetteer::derive_id;

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
}

#[derive(Serialize)]
struct Line<'a> {
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    id: String,
    aliases: &'a [String],
    anchored: &'a [String],
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
/// (`P2P`), not a one-word person that is an ordinary word (`Analysts said`).
fn worth_a_node(label: &str, kind: &str) -> bool {
    let lower = label.to_lowercase().replace('’', "'");
    if ["'ve", "'d", "'ll", "'re", "'m", "n't"]
        .iter()
        .any(|c| lower.ends_with(c) || lower.contains(&format!("{c} ")))
    {
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
/// typed them).
pub fn discovered(suggestions: &[Suggestion], min_docs: u64) -> Discovered {
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
        let line = Line {
            label: &s.label,
            kind,
            id,
            aliases: &s.aliases,
            anchored: &s.anchored,
            attrs,
        };
        // Serializing plain strings cannot fail.
        if let Ok(json) = serde_json::to_string(&line) {
            out.gazetteer.push_str(&json);
            out.gazetteer.push('\n');
        }
        *out.by_type.entry(kind.to_string()).or_default() += 1;
        *out.mentions_by_type.entry(kind.to_string()).or_default() += s.mentions;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::worth_a_node;

    #[test]
    fn common_acronyms_and_codes_are_no_nodes() {
        assert!(!worth_a_node("TV", "organization"));
        assert!(!worth_a_node("PCs", "place"));
        assert!(!worth_a_node("P2P", "person"));
        assert!(!worth_a_node("Women MPs", "person"));
        assert!(!worth_a_node("Windows PCs", "place"));
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

//! Evidence for a name's type and the type guess. Owns the cue rules and the decision
//! that weighs the cues a name collected over the corpus: this file holds the types, a
//! name's own head word and the decision; the words around a name (titles, verbs of
//! speech, appositions, roles, possessions) are `around`'s, and the notations of sports
//! pages and tables (results lines, line-ups, scorecards) `layout`'s. Which words form the
//! name is `runs`'s and `resolve`'s.

mod around;
mod layout;

pub(crate) use around::{
    after_cues, before_cues, is_possessive_gap, is_title_modifier, possessive_apposition_cue,
    possessive_cue,
};
#[cfg(test)]
pub(crate) use layout::team_name_ends;
pub(crate) use layout::{
    bracketed_place_cue, byline_cue, dateline_cue, on_signoff_line, results_cue, scorecard_cue,
    scorer_cue, squad_number_cue, venue_cue,
};

use std::collections::BTreeMap;

use crate::text::words::{is_common_given_name, is_org_head, is_place_head};

use super::lexicon::{PLACE_PREFIXES, SAID_BEFORE, SAID_VERBS};
use super::runs::RawWord;
use super::tokenize::Sep;

/// The guessed type of a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organization.
    Organization,
    /// The title of a work (`the film Vera Drake`, `the album Elephant`): no entity of the
    /// three types. Its cues are weighed against theirs, and a name it wins gets no type.
    Work,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Person, Kind::Place, Kind::Organization, Kind::Work];

    /// The type word of a gazetteer (`work` for a title, which no gazetteer line gets).
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Organization => "organization",
            Kind::Work => "work",
        }
    }
}

/// One piece of evidence for a type: `title `aide` before` (person, strong).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Cue {
    /// The type it speaks for.
    pub(crate) kind: Kind,
    /// How strongly: 1 (a verb of speech, a preposition) to 3 (a title, a head word).
    pub(crate) weight: u8,
    /// What it is, as shown to the user.
    pub(crate) text: String,
}

impl Cue {
    /// A cue for `kind`.
    pub(crate) fn new(kind: Kind, weight: u8, text: String) -> Cue {
        Cue { kind, weight, text }
    }
}

/// The head word of a name: the word before the first `of`/`for`, else the last word, else
/// (for places) the first (`Lake Baikal`).
pub(crate) fn head_cue(lowers: &[&str], words: &[RawWord]) -> Option<Cue> {
    let cue =
        |kind: Kind, k: usize| Some(Cue::new(kind, 3, format!("head word `{}`", words[k].text)));
    let of =
        (1..lowers.len()).find(|&k| words[k].connector && matches!(lowers[k], "of" | "for" | "on"));
    let k = of.map_or(lowers.len() - 1, |k| k - 1);
    // A head word alone is a common noun written with a capital (`TV`, `Council`).
    if words[k].text.starts_with(char::is_uppercase) && lowers.len() >= 2 {
        if is_org_head(lowers[k]) || singular(lowers[k]).is_some_and(|w| is_org_head(&w)) {
            return cue(Kind::Organization, k);
        }
        // `Park` ends the names of parks and grounds, after a given name too (`Hyde Park`,
        // `Celtic Park`, `Stanley Park`); it is no place head word, for it opens Korean
        // names (`President Park Geun-hye`).
        if (is_place_head(lowers[k]) || (k > 0 && lowers[k] == "park")) && !is_surname_head(lowers)
        {
            return cue(Kind::Place, k);
        }
    }
    if lowers.len() >= 2 && PLACE_PREFIXES.contains(&lowers[0]) {
        return cue(Kind::Place, 0);
    }
    // Names joined by `&` are a firm's (`Procter & Gamble`, `Ernst & Young`), no one
    // person's.
    if words.iter().any(|w| w.sep == Sep::Amp) {
        return Some(Cue::new(
            Kind::Organization,
            3,
            "`&` in the name".to_string(),
        ));
    }
    None
}

/// Whether a name of two words is a frequent given name and a place head word that is as
/// often a surname (`Richard Hill`, `Wayne Bridge`; not `Notting Hill`, `Tower Bridge`):
/// the head word then says no place.
pub(crate) fn is_surname_head<S: AsRef<str>>(lowers: &[S]) -> bool {
    matches!(lowers, [given, head]
        if matches!(head.as_ref(), "hill" | "bridge") && is_common_given_name(given.as_ref()))
}

/// The singular of a plural head word (`Laboratories` → `laboratory`, `Services` →
/// `service`), when `word` ends like one. A short plural is left alone: it is as often a
/// surname (`Tony Banks`, `Gary Mills`).
fn singular(word: &str) -> Option<String> {
    if let Some(stem) = word.strip_suffix("ies").filter(|w| w.len() >= 4) {
        return Some(format!("{stem}y"));
    }
    word.strip_suffix('s')
        .filter(|w| w.len() >= 6 && !w.ends_with('s'))
        .map(str::to_string)
}

/// Which cue to show when two weigh the same: a title or a head word says most.
fn cue_rank(text: &str) -> u8 {
    if text.starts_with("title") {
        2
    } else if text.starts_with("head word") {
        1
    } else {
        0
    }
}

/// What a cue's weight is summed under: its type and its text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct CueKey {
    /// The type it speaks for.
    pub(crate) kind: Kind,
    /// What it is.
    pub(crate) text: String,
}

/// The summed weight (cue weight × occurrences) of each cue a name collected.
pub(crate) type CueWeights = BTreeMap<CueKey, u64>;

/// The title of a title cue as written (`Prince` of ``title `Prince` before``).
pub(crate) fn title_of(key: &CueKey) -> Option<&str> {
    if key.kind != Kind::Person {
        return None;
    }
    key.text.strip_prefix("title `")?.strip_suffix("` before")
}

/// Whether `key` is a verb of speech beside the name (`said X`, `X says`): as often a
/// company's, a club's or a town's as a person's.
pub(crate) fn is_speech(key: &CueKey) -> bool {
    key.kind == Kind::Person
        && key
            .text
            .strip_prefix('`')
            .and_then(|t| {
                t.strip_suffix("` before")
                    .or_else(|| t.strip_suffix("` after"))
            })
            .is_some_and(|verb| SAID_BEFORE.contains(verb) || SAID_VERBS.contains(verb))
}

/// Whether every person cue of `cues` is a verb of speech (`Amazon said`): for a one-word
/// name, as often a company's, a club's or a town's.
pub(crate) fn only_speech(cues: &CueWeights) -> bool {
    cues.keys()
        .filter(|k| k.kind == Kind::Person)
        .all(is_speech)
}

/// The type decided for a name and the cue shown for it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TypeGuess {
    /// The type, `None` on a tie or without cues.
    pub(crate) kind: Option<Kind>,
    /// The best cue of that type; empty without a type.
    pub(crate) cue: String,
}

/// The type with the most cue weight (none on a tie or without cues) and its best cue.
pub(crate) fn decide(cues: &CueWeights) -> TypeGuess {
    let score = |k: Kind| -> u64 {
        cues.iter()
            .filter(|(key, _)| key.kind == k)
            .map(|(_, v)| v)
            .sum()
    };
    let best = Kind::ALL.iter().map(|&k| score(k)).max().unwrap_or(0);
    let winners: Vec<Kind> = Kind::ALL
        .iter()
        .copied()
        .filter(|&k| score(k) == best)
        .collect();
    if best == 0 || winners.len() != 1 || winners[0] == Kind::Work {
        return TypeGuess::default();
    }
    let kind = winners[0];
    let cue = cues
        .iter()
        .filter(|(key, _)| key.kind == kind)
        .max_by(|a, b| {
            // A given name is shown only when nothing else spoke for the type: it says
            // least about why (`title `envoy` before` tells more than `given name `Stephen``).
            let told = |t: &str| !t.starts_with("given name");
            told(&a.0.text)
                .cmp(&told(&b.0.text))
                .then_with(|| a.1.cmp(b.1))
                .then_with(|| cue_rank(&a.0.text).cmp(&cue_rank(&b.0.text)))
                .then_with(|| b.0.text.cmp(&a.0.text))
        })
        .map(|(key, _)| key.text.clone())
        .unwrap_or_default();
    TypeGuess {
        kind: Some(kind),
        cue,
    }
}

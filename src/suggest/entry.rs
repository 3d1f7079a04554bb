//! What an entry shows: its label (the most frequent full form), aliases and anchored short
//! forms, document and mention counts, the decided type with its cue (and the checks only a
//! whole entry allows: a name's own head word, a one-word name only verbs of speech call a
//! person, an office, an event, a nationality or a language; the type of the longer names
//! a name stands apart from when its own cues say nothing, and last the type its list
//! companions give it, in a second round), and the first example. Owns
//! the making of one [`Suggestion`] from a [`Group`] only: which forms are in the group is
//! `group`'s, the order of the entries `rank`'s.

use std::collections::{BTreeSet, HashMap};

use super::cues::{decide, only_speech, Kind, TypeGuess};
use super::form::{summed_cues, Form};
use super::group::{Group, ShortMember};
use super::known::compact_key;
use super::lexicon::{is_ordinary, is_title, EVENT_HEADS, RELIGIONS};
use super::lists::{listed_places, listed_type};
use super::Suggestion;
use crate::text::words::{is_function_word, is_given_name, is_nationality_word};

/// The suggestion of group `g` of `forms`; `listed` holds the decided types of the other
/// entries by compact key, for a name only its list companions can type (`None` on the
/// first round, when they are not decided yet; see [`has_peers`]).
pub(crate) fn suggestion(
    forms: &[Form],
    g: &Group,
    listed: Option<&HashMap<String, Kind>>,
) -> Suggestion {
    let mut short = g.short.clone();
    short.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| forms[a.form].surface().cmp(forms[b.form].surface()))
    });
    let names = names(forms, &g.full, &short);
    let mut mentions = 0;
    let mut docs: BTreeSet<u32> = BTreeSet::new();
    for &f in &g.full {
        mentions += forms[f].mentions;
        docs.extend(forms[f].docs.keys());
    }
    for s in &short {
        mentions += s.mentions;
        docs.extend(s.docs.iter().copied());
    }
    let members = || g.full.iter().copied().chain(short.iter().map(|s| s.form));
    let cues = summed_cues(forms, members());
    let example = members()
        .map(|f| &forms[f])
        .min_by_key(|form| form.first)
        .map_or("", |form| form.example.as_str());
    let mut guess = decide(&cues);
    // A one-word name that only verbs of speech call a person is as often a company, a club
    // or a town (`Amazon said`, `Marsh said`, `Twickenham says`): a person met in the news
    // is named in full somewhere, and the full name carries the short form.
    // So is a longer one not written like a person's name, with an English word in it
    // (`says Total Film`, `Age Concern said`, `said Celebrity Big Brother`).
    let one_word = !names.label.contains(' ');
    let spoke = guess.kind == Some(Kind::Person)
        && only_speech(&cues)
        && (one_word || !written_like_a_person(&names.label));
    if spoke {
        guess = TypeGuess::default();
    }
    let first = names
        .label
        .split(' ')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    // A name's own head word says what it is (`Veritas Party`, `Balco Laboratories`): verbs
    // of speech and appositions beside it or its short form (`Veritas said`) make it no
    // person, unless a given name opens it (`Mike Lake`, `Tony Banks`).
    if (spoke || guess.kind == Some(Kind::Person)) && !is_given_name(&first) {
        if let Some(head) = own_head(forms, &g.full) {
            guess = head;
        }
    }
    // A name whose words and cues say nothing is what the longer names it stands apart
    // from are (`Tavora` of `Nordic Tavora`, which a staff cue calls a company).
    if guess.kind.is_none() && !g.longer.is_empty() {
        guess = borrowed(forms, &g.longer);
    }
    // Else the names it is listed with say what it is (`Sendo` of `Nokia, Sendo and
    // Siemens`, a player of a team's line-up), but only that it is a company or a
    // person written like one. Lists of titles of works read like lists of places and people
    // (`Halo, The Sims, Driver`; `Finding Neverland and Ray`), and one word listed with
    // people is a surname, of a person named in full elsewhere (`Clinton and Dole`), whose
    // full name carries it.
    if let (None, Some(listed)) = (guess.kind, listed) {
        let own: Vec<String> = members().map(|f| compact_key(forms[f].surface())).collect();
        let peers: Vec<_> = members()
            .flat_map(|f| forms[f].peers.iter().map(|(p, n)| (p, *n)))
            .collect();
        guess = listed_type(&peers, listed, &own);
        let trusted = match guess.kind {
            // A name that opens with a given name is no company (`Tony Blackburn` listed
            // with clubs through his surname, `the role of Tom`).
            Some(Kind::Organization) => !is_given_name(&first),
            Some(Kind::Person) => !one_word && written_like_a_person(&names.label),
            // A place only among places a gazetteer lists, two or more (`Shrewsbury,
            // Liverpool, Basingstoke and west London`), for titles of works are listed
            // with other works; and only a name of one word, for a longer one listed so is
            // a team, a school or an event of one of them (`Bristol University`, `Tokyo
            // Marathons`).
            Some(Kind::Place) => one_word && listed_places(&peers, &own) >= 2,
            _ => false,
        };
        if !trusted {
            guess = TypeGuess::default();
        }
        // A compass word before a place is a region of it (`East Midlands`, when the
        // corpus's `Midlands` is a place).
        if guess.kind.is_none() {
            if let Some(rest) = compass_rest(&names.label) {
                if listed.get(&compact_key(rest)) == Some(&Kind::Place) {
                    guess = TypeGuess {
                        kind: Some(Kind::Place),
                        cue: format!("`{rest}` a place"),
                    };
                }
            }
        }
    }
    // An office is no person (`Home Secretary`, `Economics Minister`), unless a given name
    // opens the name (`Frank Field MP`).
    let office = !one_word && is_title(&last_word(&names.label).to_lowercase());
    if office && guess.kind == Some(Kind::Person) && !is_given_name(&first) {
        guess = TypeGuess::default();
    }
    // An event, a prize or a show is none of the three types (`Athens Games`, `Booker
    // Prize`), whatever its words said.
    if !one_word && EVENT_HEADS.contains(last_word(&names.label).to_lowercase().as_str()) {
        guess = TypeGuess::default();
    }
    // A nationality or a language is no entity (`in Korean affairs`, `written in English`,
    // `under Iraqi Kurdish control`, `North Korean` when no gazetteer lists the demonym),
    // whatever stood before it.
    let lower = names.label.to_lowercase();
    // So are a religion's adherents, whatever word of a place or a person's given name
    // stands before them (`Roman Catholic`, `Greek Orthodox`).
    if is_nationality_word(&lower)
        || lower.split(' ').all(is_nationality_word)
        || RELIGIONS.contains(&last_word(&lower))
    {
        guess = TypeGuess::default();
    }
    Suggestion {
        label: names.label,
        kind: guess.kind.map(|k| k.as_str().to_string()),
        cue: guess.cue,
        aliases: names.aliases,
        anchored: names.anchored,
        documents: docs.len() as u64,
        mentions,
        example: example.to_string(),
    }
}

/// Whether `name` is written like a person's name: two to four words, each a given name, an
/// initial (`R Sowden-Taylor`) or a word that is neither an English word nor a function
/// word (`Tarun Vell`, not `Space Invaders` or `Summer of Love`).
fn written_like_a_person(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            let letters = lower.trim_end_matches('.');
            is_given_name(&lower)
                || letters.chars().count() == 1
                || !(is_ordinary(letters) || is_function_word(letters))
        })
}

/// The name after a compass word that opens `label` (`Midlands` of `East Midlands`).
pub(crate) fn compass_rest(label: &str) -> Option<&str> {
    let (first, rest) = label.split_once(' ')?;
    let compass = [
        "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
    ];
    compass
        .contains(&first.to_lowercase().as_str())
        .then_some(rest)
}

/// Whether a form of group `g` was seen in a list.
pub(crate) fn has_peers(forms: &[Form], g: &Group) -> bool {
    g.full
        .iter()
        .copied()
        .chain(g.short.iter().map(|s| s.form))
        .any(|f| !forms[f].peers.is_empty())
}

/// The decided types of `entries` by the compact keys of their labels and aliases, for
/// [`suggestion`]'s second round (a key two entries of different types share is left out).
pub(crate) fn decided_types(entries: &[Suggestion]) -> HashMap<String, Kind> {
    let mut out: HashMap<String, Option<Kind>> = HashMap::new();
    for e in entries {
        let kind = match e.kind.as_deref() {
            Some("person") => Kind::Person,
            Some("place") => Kind::Place,
            Some("organization") => Kind::Organization,
            _ => continue,
        };
        for name in std::iter::once(&e.label).chain(&e.aliases) {
            out.entry(compact_key(name))
                .and_modify(|k| {
                    if *k != Some(kind) {
                        *k = None;
                    }
                })
                .or_insert(Some(kind));
        }
    }
    out.into_iter()
        .filter_map(|(key, k)| k.map(|k| (key, k)))
        .collect()
}

/// The type the head word of one of the full forms `full` gives (the heaviest such cue),
/// if one does.
fn own_head(forms: &[Form], full: &[usize]) -> Option<TypeGuess> {
    full.iter()
        .flat_map(|&f| &forms[f].cues)
        .filter(|(k, _)| k.kind != Kind::Person && k.text.starts_with("head word"))
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.text.cmp(&a.0.text)))
        .map(|(k, _)| TypeGuess {
            kind: Some(k.kind),
            cue: k.text.clone(),
        })
}

/// The type the longer forms `longer` give, by their cues and head words, with the cue
/// naming the longer form it is of (`` `executive of` before of `Nordic Tavora` ``).
fn borrowed(forms: &[Form], longer: &[usize]) -> TypeGuess {
    let mut guess = decide(&summed_cues(forms, longer.iter().copied()));
    if guess.kind == Some(Kind::Person) {
        if let Some(head) = own_head(forms, longer) {
            guess = head;
        }
    }
    // The longer form whose own cue it is, the most frequent one if several.
    let by = longer
        .iter()
        .filter(|&&f| forms[f].cues.iter().any(|(k, _)| k.text == guess.cue))
        .max_by(|&&a, &&b| {
            forms[a]
                .mentions
                .cmp(&forms[b].mentions)
                .then_with(|| forms[b].first.cmp(&forms[a].first))
        });
    match (guess.kind, by) {
        (Some(_), Some(&f)) => {
            guess.cue = format!("{} of `{}`", guess.cue, forms[f].surface());
            guess
        }
        _ => TypeGuess::default(),
    }
}

/// The last word of a name.
fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or_default()
}

/// The names an entry lists.
struct Names {
    label: String,
    aliases: Vec<String>,
    anchored: Vec<String>,
}

/// The label (the most frequent full form, the first seen on a tie), then the other full
/// forms and the short forms (`short`, most frequent first), each compact key once.
fn names(forms: &[Form], full: &[usize], short: &[ShortMember]) -> Names {
    let mut full = full.to_vec();
    full.sort_by(|&a, &b| {
        forms[b]
            .mentions
            .cmp(&forms[a].mentions)
            .then_with(|| forms[a].first.cmp(&forms[b].first))
    });
    let label = forms[full[0]].surface().to_string();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    seen.insert(compact_key(&label));
    let mut aliases = Vec::new();
    for &f in &full[1..] {
        let s = forms[f].surface();
        if seen.insert(compact_key(s)) {
            aliases.push(s.to_string());
        }
    }
    let mut anchored = Vec::new();
    for m in short {
        let s = forms[m.form].surface();
        if seen.insert(compact_key(s)) {
            if m.anchored {
                anchored.push(s.to_string());
            } else {
                aliases.push(s.to_string());
            }
        }
    }
    Names {
        label,
        aliases,
        anchored,
    }
}

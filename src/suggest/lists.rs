//! Lists of names: `Nokia, Sendo and Siemens`, a team's line-up. The names of one list are
//! of one type, so a name whose own cues say nothing takes the type its list companions
//! have. Owns finding the lists of a sentence (from its tokens, its runs and the known
//! mentions in it) and the vote of a name's companions; the companions' types come from the
//! gazetteers (known mentions) and from the other entries' decided types, never from this
//! module. Must not type a name that has a cue of its own: the vote is the last resort of
//! `entry`.

use std::collections::HashMap;

use super::cues::{is_possessive_gap, Kind, TypeGuess};
use super::known::{compact_key, Known};
use super::runs::{MentionSpan, TokRun};
use super::tokenize::{Sep, Tok};

/// One companion of a name in a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Peer {
    /// As written: its compact key finds a discovered companion's type, and the cue shown
    /// to the user quotes it.
    pub(crate) text: String,
    /// Its type when a gazetteer lists it.
    pub(crate) kind: Option<Kind>,
}

/// One name of a sentence: a candidate run or a known mention, by tokens (inclusive).
#[derive(Debug, Clone, Copy)]
struct Item {
    first: usize,
    last: usize,
    /// The candidate run it is (its index in the sentence's runs), if it is one.
    run: Option<usize>,
    /// The known entity's type, if it is a known mention.
    kind: Option<Kind>,
}

/// How two names next to each other are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Link {
    /// Not as a list.
    None,
    /// By a comma (`Nokia, Sendo`).
    Comma,
    /// By `and` or `or` (`Sendo and Siemens`, `, and`).
    And,
}

/// The companions of each run of a sentence (`runs` in token order): the other names of the
/// list the run is in, empty when it is in none. A list is names joined by commas, `and` or
/// `or`, with three names or more or with `and`/`or` (two names and a comma are as often a
/// name and its apposition or place: `Springvale , Ontario`, `Tom Avery , London newsroom`).
/// An opening place phrase is no member (`In Philadelphia , X and Y`).
pub(crate) fn list_peers(
    text: &str,
    toks: &[Tok<'_>],
    runs: &[TokRun],
    spans: &[MentionSpan],
    known: &Known,
) -> Vec<Vec<Peer>> {
    let mut out = vec![Vec::new(); runs.len()];
    // Cheap test first: most sentences have no comma or `and` between names.
    if runs.is_empty() || !toks.iter().any(|t| t.sep == Sep::Comma || is_and(t)) {
        return out;
    }
    let items = items(text, toks, runs, spans, known);
    let mut start = 0;
    while start < items.len() {
        let mut end = start;
        let mut has_and = false;
        while end + 1 < items.len() {
            match link(toks, &items[end], &items[end + 1]) {
                Link::None => break,
                Link::And => has_and = true,
                Link::Comma => {}
            }
            end += 1;
        }
        let mut first = start;
        // `In Philadelphia , X and Y`: the opening phrase is not of the list.
        if end > first && opens_with_place_phrase(toks, &items[first]) {
            first += 1;
        }
        let members = &items[first..=end];
        if members.len() >= 3 || (members.len() == 2 && has_and) {
            for (i, m) in members.iter().enumerate() {
                let Some(r) = m.run else { continue };
                out[r] = members
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, p)| Peer {
                        text: text[toks[p.first].start..toks[p.last].end].to_string(),
                        kind: p.kind,
                    })
                    .collect();
            }
        }
        start = end + 1;
    }
    out
}

/// `and` or `or`, written in lower case.
fn is_and(t: &Tok<'_>) -> bool {
    matches!(t.text, "and" | "or")
}

/// The names of a sentence (`text`'s tokens `toks`) in token order: its runs, and the known
/// mentions outside them. A possessor and what it has are no names of a list (`Microsoft's
/// X-Box and Nintendo's Game Cube`): each breaks the list where it stands.
fn items(
    text: &str,
    toks: &[Tok<'_>],
    runs: &[TokRun],
    spans: &[MentionSpan],
    known: &Known,
) -> Vec<Item> {
    let mut items = Vec::new();
    let mut next_run = 0;
    let mut i = 0;
    let gap = |a: usize| {
        toks.get(a + 1)
            .and_then(|n| text.get(toks[a].end..n.start))
            .unwrap_or_default()
    };
    let apart = |first: usize, last: usize| {
        is_possessive_gap(gap(last)) || (first > 0 && is_possessive_gap(gap(first - 1)))
    };
    while i < toks.len() {
        if let Some(r) = runs.get(next_run).filter(|r| r.first == i) {
            if !apart(r.first, r.last) {
                items.push(Item {
                    first: r.first,
                    last: r.last,
                    run: Some(next_run),
                    kind: None,
                });
            }
            i = r.last + 1;
            next_run += 1;
            continue;
        }
        if let Some(m) = toks[i].mention {
            let mut last = i;
            while last + 1 < toks.len()
                && toks[last + 1].mention == Some(m)
                && runs.get(next_run).is_none_or(|r| r.first > last + 1)
            {
                last += 1;
            }
            let kind = known.kind_of(spans[m].entity);
            if !apart(i, last) {
                items.push(Item {
                    first: i,
                    last,
                    run: None,
                    kind,
                });
            }
            i = last + 1;
            continue;
        }
        i += 1;
    }
    items
}

/// How names `a` and `b` (`b` after `a`) are joined.
fn link(toks: &[Tok<'_>], a: &Item, b: &Item) -> Link {
    if b.first == a.last + 1 && toks[b.first].sep == Sep::Comma {
        return Link::Comma;
    }
    if b.first == a.last + 2 {
        let mid = &toks[a.last + 1];
        if is_and(mid)
            && matches!(mid.sep, Sep::Space | Sep::Comma)
            && toks[b.first].sep == Sep::Space
        {
            return Link::And;
        }
    }
    Link::None
}

/// Whether the name opens its sentence after a preposition (`In Philadelphia ,`).
fn opens_with_place_phrase(toks: &[Tok<'_>], item: &Item) -> bool {
    item.first == 1
        && matches!(
            toks[0].lower.as_ref(),
            "in" | "at" | "from" | "near" | "outside"
        )
}

/// The decided type of companion `p` (of compact key `key`) and the words it is decided for: all its words, or
/// its words after the first ones (a list's first name may carry the sentence's first
/// words: `Shares of Marlow Holdings , Trivex , Pendry Group fell`).
fn decided<'p>(p: &'p Peer, key: &str, kinds: &HashMap<String, Kind>) -> Option<(Kind, &'p str)> {
    if let Some(&k) = kinds.get(key) {
        return Some((k, p.text.as_str()));
    }
    p.text.match_indices(' ').find_map(|(k, _)| {
        let rest = &p.text[k + 1..];
        kinds.get(&compact_key(rest)).map(|&kind| (kind, rest))
    })
}

/// How many distinct companions of a name (`peers`, not its `own` forms) a gazetteer
/// lists as places.
pub(crate) fn listed_places(peers: &[(&Peer, u64)], own: &[String]) -> usize {
    let mut places: Vec<String> = peers
        .iter()
        .filter(|(p, _)| p.kind == Some(Kind::Place))
        .map(|(p, _)| compact_key(&p.text))
        .filter(|k| !own.contains(k))
        .collect();
    places.sort_unstable();
    places.dedup();
    places.len()
}

/// The type a name's list companions give it (`peers`, each with how often it stood beside
/// the name; `kinds`: the decided types of the other entries, by compact key; `own`: the
/// compact keys of the name's own forms, which are no companions): the type most of the
/// typed companions have, when they are at least twice as many as those of any other type.
/// The cue names the most frequent of them (`listed with `Jorvan Ellit``).
pub(crate) fn listed_type(
    peers: &[(&Peer, u64)],
    kinds: &HashMap<String, Kind>,
    own: &[String],
) -> TypeGuess {
    let mut votes: HashMap<Kind, u64> = HashMap::new();
    let mut typed: Vec<(&str, Kind, u64)> = Vec::new();
    for &(p, n) in peers {
        let key = compact_key(&p.text);
        if own.contains(&key) {
            continue;
        }
        let Some((kind, text)) = p
            .kind
            .map(|k| (k, p.text.as_str()))
            .or_else(|| decided(p, &key, kinds))
        else {
            continue;
        };
        *votes.entry(kind).or_default() += n;
        typed.push((text, kind, n));
    }
    let mut ranked: Vec<(Kind, u64)> = votes.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let (kind, n) = match ranked.as_slice() {
        [] => return TypeGuess::default(),
        [(k, n)] => (*k, *n),
        [(k, n), (_, second), ..] if *n >= 2 * second => (*k, *n),
        _ => return TypeGuess::default(),
    };
    if n == 0 {
        return TypeGuess::default();
    }
    let by = typed
        .iter()
        .filter(|(_, k, _)| *k == kind)
        .max_by(|a, b| a.2.cmp(&b.2).then_with(|| b.0.cmp(a.0)))
        .map_or("", |(text, _, _)| *text);
    TypeGuess {
        kind: Some(kind),
        cue: format!("listed with `{by}`"),
    }
}

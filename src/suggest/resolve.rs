//! Resolving a run against the corpus: which of its words are a name. Drops uncertain
//! ordinary words (sentence-initial, headline) the corpus never writes capitalized
//! elsewhere, splits before a title that precedes a name, strips leading titles (keeping
//! them as a person cue), function words and connectors (not a title word alone, which may
//! be a surname: `King`), skips stretches written like a known name, and gathers the cues
//! of each piece. Owns this decision only: the runs come
//! from `document`, what a piece adds up to from `form`.

use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

use crate::text::words::{
    is_common_given_name, is_function_word, is_given_name, is_org_head, is_title_word,
};

use super::cues::{head_cue, is_surname_head, is_title_modifier, Cue, Kind};
use super::document::{word_key, RawOcc};
use super::lexicon::{is_head, is_ordinary, is_title, BODY_TITLES, CONNECTORS, FUNCTION_SURNAMES};
use super::lists::Peer;
use super::runs::{surface, RawWord, WordRange};
use super::tokenize::{shape_of, Sep, Shape};

/// A resolved candidate: words the corpus confirms as a name.
#[derive(Debug)]
pub(crate) struct Piece {
    /// The words as written.
    pub(crate) surface: String,
    /// The cues that speak for its type.
    pub(crate) cues: Vec<Cue>,
    /// Every word's capital said nothing (sentence-initial, headline).
    pub(crate) uncertain: bool,
    /// The other names of the list the run is in, when the piece is the whole run.
    pub(crate) peers: Vec<Peer>,
}

/// The words of a run with what resolving needs to know of them.
struct Words<'a> {
    words: &'a [RawWord],
    /// Each word in lower case.
    lowers: Vec<String>,
    /// The first and last kept word that is no connector: the cues before and after the
    /// run belong to the pieces that reach them.
    first_kept: Option<usize>,
    last_kept: Option<usize>,
}

/// Splits a raw candidate into the pieces that are names: drops uncertain ordinary words
/// not seen capitalized elsewhere (at the start of a piece: not seen first of capitalized
/// words elsewhere, `mid_first`), splits at titles before a name, strips leading titles
/// (a person cue), function words and connectors, and skips known names.
pub(crate) fn resolve(
    occ: &RawOcc,
    lower: &HashSet<u64>,
    mid_caps: &HashSet<u64>,
    mid_first: &HashSet<u64>,
) -> Vec<Piece> {
    let words = &occ.key.words;
    let n = words.len();
    let lowers: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    let mut keep = kept(words, &lowers, lower, mid_caps);
    drop_borrowed_starts(words, &lowers, lower, mid_first, &mut keep);
    let w = Words {
        words,
        first_kept: (0..n).find(|&i| keep[i] && !words[i].connector),
        last_kept: (0..n).rev().find(|&i| keep[i] && !words[i].connector),
        lowers,
    };
    split_at_titles(&w, &keep)
        .into_iter()
        .filter_map(|run| piece(occ, &w, run))
        .collect()
}

/// Whether word `i` of `words` is an initial: one capital, then a full stop before the next
/// word.
fn is_initial(words: &[RawWord], i: usize) -> bool {
    let mut chars = words[i].text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
        && words.get(i + 1).is_some_and(|n| n.sep == Sep::Dot)
}

/// Which words are kept: all but the uncertain ordinary words the corpus writes in lower
/// case or never capitalized mid-sentence. An initial is kept (`A. Brelton`, `I. Dunmore` at
/// the start of a scorecard's line): a capital and a full stop before the next word is
/// never the article or the pronoun.
fn kept(
    words: &[RawWord],
    lowers: &[String],
    lower: &HashSet<u64>,
    mid_caps: &HashSet<u64>,
) -> Vec<bool> {
    words
        .iter()
        .zip(lowers)
        .enumerate()
        .map(|(i, (w, l))| {
            let l = l.trim_end_matches('.');
            is_initial(words, i)
                || w.connector
                || w.mention
                || is_title(l)
                || !w.uncertain
                || mid_caps.contains(&word_key(l))
                || !(is_ordinary(l) || lower.contains(&word_key(l)))
        })
        .collect()
}

/// Drops the uncertain ordinary word that starts a run of two kept words or more when the
/// corpus writes it capitalized only after another capitalized word (`End` of `West End`
/// before `End Bush 'denial'` in a headline), and so on while the next word starts the run;
/// the later words of a run keep what [`kept`] found (`War` of a headline's `Cold War`).
fn drop_borrowed_starts(
    words: &[RawWord],
    lowers: &[String],
    lower: &HashSet<u64>,
    mid_first: &HashSet<u64>,
    keep: &mut [bool],
) {
    for i in 0..words.len() {
        let starts = keep[i] && (i == 0 || !keep[i - 1]);
        if !starts {
            continue;
        }
        let w = &words[i];
        let l = lowers[i].trim_end_matches('.');
        // A word alone may be a short form (`Lane` of Nathan Lane opening a sentence), an
        // ampersand makes a firm's name (`Cable & Wireless`), and a given name opens a
        // person's (`Rose Cheruiyot`).
        let followed = keep.get(i + 1) == Some(&true) && words[i + 1].sep != Sep::Amp;
        let borrowed = followed
            && w.uncertain
            && !w.connector
            && !w.mention
            && !is_initial(words, i)
            && !is_title(l)
            && !is_given_name(l)
            && (is_ordinary(l) || lower.contains(&word_key(l)))
            && !mid_first.contains(&word_key(l));
        if borrowed {
            keep[i] = false;
        }
    }
}

/// Whether the titles that open `run` are the field of a body the run names, not an
/// office: each a [`BODY_TITLES`] word, then a word that is none, and an organization's
/// head word last (`Defence Procurement Agency`, `State Asset Management Bureau`; not
/// `Deputy High Court` of `Deputy High Court Judge`, nor `Defence Secretary Geoff Hoon`).
fn opens_body(w: &Words<'_>, run: Range<usize>) -> bool {
    let (words, lowers) = (w.words, &w.lowers);
    let mut t = run.start;
    while t < run.end && (is_title(&lowers[t]) || words[t].connector) {
        if !words[t].connector && !BODY_TITLES.contains(&lowers[t]) {
            return false;
        }
        t += 1;
    }
    let last = run.end - 1;
    t > run.start && t < last && !words[last].connector && is_org_head(&lowers[last])
}

/// Maximal kept runs, then split before a title that precedes a name (`Angelo State
/// University Professor Bruce Bechtol`, `Secretary of State Mike Pompeo`).
fn split_at_titles(w: &Words<'_>, keep: &[bool]) -> Vec<Range<usize>> {
    let (words, lowers) = (w.words, &w.lowers);
    let n = words.len();
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < n {
        if !keep[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && keep[j] {
            j += 1;
        }
        let mut a = i;
        for k in i + 1..j {
            let next = (k + 1 < j).then(|| lowers[k + 1].as_str());
            if !words[k].connector
                && is_title(&lowers[k])
                && next.is_some_and(|w| !is_head(w) && !is_title(w) && !words[k + 1].connector)
                && words[k].sep != Sep::Hyphen
                && !opens_body(w, k..j)
            {
                runs.push(a..k);
                a = k;
            }
        }
        runs.push(a..j);
        i = j;
    }
    runs
}

/// The words of a run that make the name once leading titles, function words and
/// connectors are stripped, with the title stripped as a cue.
struct Stripped {
    words: Range<usize>,
    title: Option<Cue>,
}

/// Strips run `run`; `None` when nothing is left.
fn strip(w: &Words<'_>, run: Range<usize>) -> Option<Stripped> {
    let (words, lowers) = (w.words, &w.lowers);
    let (mut a, mut b) = (run.start, run.end);
    let mut title = None;
    // `First` opens the names of many banks and firms (`First Union`, `First Albany
    // Corp.`): written with its capital before a word that is no title, it is a word of the
    // name, not a title (`First Minister`) nor an ordinal.
    let first_word = lowers[a] == "first"
        && !words[a].uncertain
        && a + 1 < b
        && words[a + 1].sep == Sep::Space
        && !words[a + 1].connector
        && !is_title(&lowers[a + 1]);
    if first_word {
        while b > a + 1 && (words[b - 1].connector || is_function_word(&lowers[b - 1])) {
            b -= 1;
        }
        return Some(Stripped { words: a..b, title });
    }
    // Leading titles, unless what follows is a head word (`General Assembly`,
    // `Foreign Ministry`, `State Department`).
    let mut t = a;
    while t < b && (is_title(&lowers[t]) || words[t].connector) {
        t += 1;
    }
    // Leading connectors alone are no title (`of` in `Shares of Westbury Bank`), nor is
    // a title joined to the name by one (`Chancellor of the Exchequer`: what the title is
    // of, not who holds it).
    // Nor is a modifier of a title (`Former Wimbledon champion`, `First Division`): the
    // name is what the title after it is of.
    let last_title = (a..t)
        .rev()
        .find(|&k| !words[k].connector)
        .filter(|&k| k + 1 == t && !is_title_modifier(&lowers[k]));
    if t > a && t < b && !opens_body(w, a..b) && !is_head(&lowers[t]) && !words[t].connector {
        title = last_title.map(|k| {
            Cue::new(
                Kind::Person,
                3,
                format!("title `{}` before", words[k].text.trim_end_matches('.')),
            )
        });
        a = t;
    } else if t == b {
        // A title word alone, its capital meaning something, may be the surname of a
        // person named in full nearby (`King` of Billie Jean King, `Bishop`): kept, as a
        // form that is never a name of its own (it is junk), only a short form.
        let lone_surname = b - a == 1 && is_title_word(&lowers[a]) && !words[a].uncertain;
        return lone_surname.then_some(Stripped {
            words: a..b,
            title: None,
        });
    }
    while a < b && (words[a].connector || is_function_word(&lowers[a]) && !is_initial(words, a)) {
        a += 1;
    }
    // A function word that is a surname too, after a given name, ends the name (`Walter
    // Little`, `Peter Such`).
    let function_surname =
        |k: usize| k > a && FUNCTION_SURNAMES.contains(&lowers[k]) && is_given_name(&lowers[k - 1]);
    // A syllable hyphenated to the word before is that word's (`Min-jun`), whatever English
    // word it spells.
    while b > a
        && (words[b - 1].connector
            || is_function_word(&lowers[b - 1])
                && words[b - 1].sep != Sep::Hyphen
                && !function_surname(b - 1))
    {
        b -= 1;
    }
    (a < b).then_some(Stripped { words: a..b, title })
}

/// The piece of run `run` of `occ`, unless nothing is left of it or it is a known name.
fn piece(occ: &RawOcc, w: &Words<'_>, run: Range<usize>) -> Option<Piece> {
    let (run_start, run_end) = (run.start, run.end);
    let Stripped { words: r, title } = strip(w, run)?;
    let (a, b) = (r.start, r.end);
    let known = WordRange {
        start: a as u8,
        end: b as u8,
    };
    if occ.known.contains(&known) {
        return None;
    }
    // A piece cut off before a title (`Former Liberal Democrat | MP Jackie Ballard`,
    // `editor, Conservative | MP Boris Johnson`): the titles before it are the later
    // title's, said of the person after it.
    let before_a_title = run_end < w.words.len() && is_title(&w.lowers[run_end]);
    let mut cues: Vec<Cue> = title.into_iter().filter(|_| !before_a_title).collect();
    let reaches_first = w.first_kept.is_some_and(|f| run_start <= f) && !before_a_title;
    if reaches_first {
        cues.extend(occ.key.before.iter().cloned());
    }
    let reaches_last = w.last_kept.is_some_and(|l| l < b);
    if reaches_last {
        cues.extend(occ.key.after.iter().cloned());
    }
    // A list's companions are the whole name's (`Jorvan Ellit , Tarun Vell`), not a piece's.
    let peers = if reaches_first && reaches_last && !occ.key.peers.is_empty() {
        occ.key.peers.clone()
    } else {
        Vec::new()
    };
    cues.extend(word_cues(w, r));
    // A name's own organization head word says more than a title before it (`a
    // spokesperson San Francisco Police Department`); a place head word does not, as
    // surnames are often one (`Mr Keith Hill`).
    if cues
        .iter()
        .any(|c| c.kind == Kind::Organization && c.text.starts_with("head word"))
    {
        cues.retain(|c| !(c.kind == Kind::Person && c.text.starts_with("title")));
    }
    // An acronym is rarely a person, whatever it said.
    if b - a == 1 && shape_of(&w.words[a].text) == Shape::Upper {
        cues.retain(|c| !(c.kind == Kind::Person && c.weight == 1));
    }
    Some(Piece {
        surface: surface(w.words, a, b),
        cues,
        uncertain: w.words[a..b].iter().all(|w| w.uncertain),
        peers,
    })
}

/// A name of two or three capitalized words whose first is a listed given name (`Linda
/// Kisabaka`, `Chad Ogea`) but no ordinary word (`Golden Globe`, `Grant Thornton`) or
/// particle (`Le Matin`, `Al Jazeera`), and none
/// a head word or a title: a person, unless stronger cues
/// say otherwise (`Chase Manhattan Bank` has its head word). Weighs 2: less than a title or
/// a head word, as much as a place or organization noun beside the name.
fn given_name_cue(words: &[RawWord], lowers: &[String]) -> Option<Cue> {
    // Name particles may join the words (`Jean de Gaulle`); `of`, `and` or `for` make a
    // longer name (`Todd Stottlemyre of the Cardinals`).
    if words
        .iter()
        .zip(lowers)
        .any(|(w, l)| w.connector && matches!(l.as_str(), "of" | "the" | "and" | "for" | "on"))
    {
        return None;
    }
    let names = words.iter().filter(|w| !w.connector).count();
    let surname_head = is_surname_head(lowers);
    let plain = words.iter().zip(lowers).all(|(w, l)| {
        w.connector
            || (shape_of(&w.text) == Shape::Cap && (!is_head(l) || surname_head) && !is_title(l))
    });
    let first = words.first()?;
    // A frequent given name that is also an ordinary word (`Mark`, `Frank`, `Grace`) opens
    // a person's name when no other word of it is ordinary (`Mark Waugh`; not `Frank
    // Talk`); a rarer one never does (`Noble Antony`, `Grant Thornton`).
    let ordinary_first = || {
        is_ordinary(&lowers[0])
            && (!is_common_given_name(&lowers[0])
                || words
                    .iter()
                    .zip(lowers)
                    .skip(1)
                    .any(|(w, l)| !w.connector && is_ordinary(l)))
    };
    ((2..=3).contains(&names)
        && plain
        && !first.connector
        && !first.mention
        && first.sep != Sep::Hyphen
        && !ordinary_first()
        && !CONNECTORS.contains(&lowers[0])
        && words.get(1).is_some_and(|w| w.sep == Sep::Space)
        && is_given_name(&lowers[0]))
    .then(|| Cue::new(Kind::Person, 2, format!("given name `{}`", first.text)))
}

/// A name written as one initial and a surname (`D. Gough`, `K. Curran`), the surname a
/// capitalized word of two letters or more that is no ordinary word (`J. Crew`), head word
/// or title: a person, as scorecards, squad lists and bylines write them. Weighs 2, as a
/// given name does. Two initials (`U.S. Steel`) make no person.
fn initial_cue(words: &[RawWord], lowers: &[String]) -> Option<Cue> {
    let [first, last] = words else {
        return None;
    };
    let l = &lowers[1];
    let initial = first.text.chars().count() == 1 && shape_of(&first.text) == Shape::Cap;
    (initial
        && last.sep == Sep::Dot
        && !last.connector
        && shape_of(&last.text) == Shape::Cap
        && last.text.chars().count() >= 2
        && !is_ordinary(l)
        && !is_head(l)
        && !is_title(l))
    .then(|| Cue::new(Kind::Person, 2, format!("initial `{}.`", first.text)))
}

/// The cues the words `r` themselves give: a listed person's name inside, a head word, a
/// hyphenated name form.
fn word_cues(w: &Words<'_>, r: Range<usize>) -> Vec<Cue> {
    let (a, b) = (r.start, r.end);
    let words = &w.words[a..b];
    let mut cues = Vec::new();
    if let Some(m) = words.iter().find(|w| w.mention) {
        cues.push(Cue::new(
            Kind::Person,
            1,
            format!("`{}` names a listed person", m.text),
        ));
    }
    let piece_words: Vec<&str> = w.lowers[a..b].iter().map(String::as_str).collect();
    if let Some(cue) = head_cue(&piece_words, words) {
        cues.push(cue);
    }
    if let Some(cue) = given_name_cue(words, &w.lowers[a..b]) {
        cues.push(cue);
    }
    if let Some(cue) = initial_cue(words, &w.lowers[a..b]) {
        cues.push(cue);
    }
    if let Some(p) = words.windows(2).find(|p| {
        p[1].sep == Sep::Hyphen
            && p[1].text.starts_with(char::is_lowercase)
            && !p[1].connector
            && !p[0].connector
    }) {
        let form = format!("{}-{}", p[0].text, p[1].text);
        if b - a >= 2 {
            cues.push(Cue::new(Kind::Person, 1, format!("name form `{form}`")));
        }
    }
    cues
}

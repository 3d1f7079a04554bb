//! Evidence for a name's type and the type guess: titles before a name, head words, verbs
//! of speech, place and organization nouns and prepositions, appositions, and the decision
//! that weighs the cues a name collected over the corpus. Owns the cue rules and the
//! decision only: which words form the name is `runs`'s and `resolve`'s.

use std::collections::BTreeMap;

use crate::text::lines::line_at;
use crate::text::words::{is_function_word, is_given_name, is_org_head, is_place_head};

use super::known::Known;
use super::lexicon::{
    is_title, KIN, ORG_NOUNS, ORG_POSSESSIONS, PERSON_POSSESSIONS, PLACE_NOUNS, PLACE_PREFIXES,
    PLACE_PREPOSITIONS, SAID_BEFORE, SAID_VERBS, STAFF_ROLES, TEAM_ROLES,
};
use super::runs::{MentionSpan, RawWord};
use super::tokenize::{Sep, Shape, Tok};

/// The guessed type of a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organization.
    Organization,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Person, Kind::Place, Kind::Organization];

    /// The type word of a gazetteer.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Organization => "organization",
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

/// Cues from the words before the run starting at token `s` (`one_word`: the run is one
/// token).
pub(crate) fn before_cues(toks: &[Tok<'_>], s: usize, one_word: bool) -> Vec<Cue> {
    let mut out = Vec::new();
    // A title before, possibly across a place or organization (`Special Representative for
    // North Korea Stephen Biegun`), or right before a comma (`his chief aide, Kim Chang Son`).
    let mut k = s;
    // Whether the walk has passed `of`, `for` or `on`: a name before it is another's, and
    // so is the title before that (`economist Gary Thayer of AG Edwards`).
    let mut passed_of = false;
    while k > 0 && s - k < 8 {
        let link = toks[k].sep;
        let ok = match link {
            Sep::Space | Sep::Hyphen | Sep::Dot => true,
            Sep::Comma => k == s,
            Sep::Break | Sep::Amp => false,
        };
        if !ok {
            break;
        }
        k -= 1;
        let t = &toks[k];
        // A title right before `of`, `for` or `on` and the name is a title of the name,
        // not its holder's (`president of Sony Computer Entertainment`, `chairman of
        // Ladbrokes`); with a name between, it is (`Special Representative for North Korea
        // Stephen Biegun`).
        let of_it = k + 2 == s && matches!(toks[k + 1].lower.as_ref(), "of" | "for" | "on");
        // `Miss` is a title, `miss` a verb (`to miss Wimbledon`).
        // A role written with a hyphen is two tokens (`scrum-half`, `film-maker`).
        let compound = k
            .checked_sub(1)
            .and_then(|j| hyphenated(toks, j))
            .filter(|c| is_title(c));
        // A family word before one word is before a given name (`his wife Sandra`), which
        // names no one across a corpus.
        let kin = !one_word && KIN.contains(&t.lower);
        // A capitalized word before a comma is a name of a list (`Hodgson, King, Lewsey`,
        // `such as Queen, Muse`), no title, unless a word before it qualifies it (`the
        // Kyrgyz President, Askar Akaev`, `Finance Minister, Tom McCabe`); a title in lower
        // case before a comma is a role (`his chief aide, Kim Chang Son`).
        let qualified = k > 0
            && matches!(t.sep, Sep::Space | Sep::Hyphen)
            && !is_function_word(&toks[k - 1].lower);
        let listed = link == Sep::Comma && t.shape != Shape::Lower && !qualified;
        let title = (compound.is_some() || is_title(&t.lower) || kin)
            && t.shape != Shape::Upper
            && !listed
            && !(t.shape == Shape::Lower && t.lower == "miss");
        if title && of_it {
            break;
        }
        if title {
            // A lower-case modifier of a title right before the name says nothing of it:
            // `the first Grand Slam`, `a major Oscars night`, `top English Premiership`
            // (`former president X` finds `president` first; `the late X` is a person).
            let modifier = t.shape == Shape::Lower
                && k + 1 == s
                && is_title_modifier(&t.lower)
                && !(t.lower == "late" && k > 0 && toks[k - 1].lower == "the");
            // A role after `best` names a prize (`best actress Oscar`, `best director
            // award`), not the name's holder.
            let prize = k > 0 && toks[k - 1].lower == "best";
            if !modifier && !prize {
                let text = match compound {
                    Some(_) => format!("{}-{}", toks[k - 1].text, t.text),
                    None => t.text.to_string(),
                };
                out.push(Cue::new(Kind::Person, 3, format!("title `{text}` before")));
            }
            break;
        }
        let name_word = t.mention.is_none() && matches!(t.shape, Shape::Cap | Shape::Upper);
        if passed_of && name_word {
            break;
        }
        passed_of |= matches!(t.lower.as_ref(), "of" | "for" | "on");
        let passable = t.mention.is_some()
            || matches!(t.shape, Shape::Cap | Shape::Upper)
            // Not `the`: a name after it is rarely a person's (`Chancellor of the
            // Exchequer`, `President of the Commission`).
            || matches!(t.lower.as_ref(), "of" | "for" | "on");
        if !passable || link == Sep::Comma {
            break;
        }
    }
    if let Some(cue) = staff_before(toks, s) {
        out.push(cue);
        return out;
    }
    let Some(p) = s.checked_sub(1).map(|k| &toks[k]) else {
        return out;
    };
    if toks[s].sep != Sep::Space || !(p.shape == Shape::Lower || p.lower == "by") {
        return out;
    }
    let w = p.lower.as_ref();
    if w == "by" && s == 1 {
        out.push(Cue::new(Kind::Person, 2, "byline `By`".to_string()));
    } else if SAID_BEFORE.contains(&w) {
        out.push(Cue::new(Kind::Person, 1, format!("`{w}` before")));
    } else if PLACE_PREPOSITIONS.contains(&w) && one_word {
        // Only before one word: `in Gateshead`. Before several (`in Finding Neverland`,
        // `in Windows XP`) it is as often a title or a product as a place, and a place of
        // several words has its head word (`in Lansdowne Road`) or is listed.
        out.push(Cue::new(Kind::Place, 1, format!("`{w}` before")));
    } else if PLACE_NOUNS.contains(&w) {
        out.push(Cue::new(Kind::Place, 2, format!("`{w}` before")));
    } else if ORG_NOUNS.contains(&w) {
        out.push(Cue::new(Kind::Organization, 2, format!("`{w}` before")));
    } else if w == "of" && s >= 2 && p.sep == Sep::Space {
        let q = &toks[s - 2];
        if q.shape == Shape::Lower && PLACE_NOUNS.contains(&q.lower.as_ref()) {
            out.push(Cue::new(Kind::Place, 3, format!("`{} of` before", q.lower)));
        }
    }
    out
}

/// Staff of the organization before its name: `analyst at Jupiter Research`, `spokesman
/// for Ask Jeeves`, `chief executive of the Deutsche Boerse` (weight 2).
fn staff_before(toks: &[Tok<'_>], s: usize) -> Option<Cue> {
    let mut j = s.checked_sub(1)?;
    if toks[j].lower == "the" && toks[j].sep == Sep::Space {
        j = j.checked_sub(1)?;
    }
    let (prep, role) = (&toks[j], &toks[j.checked_sub(1)?]);
    let joined = toks[s].sep == Sep::Space && prep.sep == Sep::Space;
    (joined
        && matches!(prep.lower.as_ref(), "at" | "with" | "of" | "for")
        && role.shape == Shape::Lower
        && STAFF_ROLES.contains(role.lower.as_ref()))
    .then(|| {
        Cue::new(
            Kind::Organization,
            2,
            format!("`{} {}` before", role.lower, prep.lower),
        )
    })
}

/// Staff of the organization after its name, before a person's (`Deutsche Boerse chief
/// executive Werner Seifert`, `Ask Jeeves spokesman Tony Macklin`; weight 2), or a team's
/// player or coach (`Hawks shortstop Ray Ortiz`, `Springbok scrum-half Fourie Laas`; weight 1,
/// as a town's or a surname's club is as often named so: `Blackburn midfielder`).
fn staff_after(toks: &[Tok<'_>], e: usize) -> Option<Cue> {
    let lower = |t: &Tok<'_>| t.sep == Sep::Space && t.shape == Shape::Lower;
    // A name ends in a capitalized word (not `Tough-scrummaging prop`).
    if toks[e].shape == Shape::Lower {
        return None;
    }
    let mut k = e + 1;
    while toks
        .get(k)
        .is_some_and(|t| lower(t) && is_title_modifier(&t.lower))
    {
        k += 1;
    }
    let role = toks.get(k).filter(|t| lower(t))?;
    // A role written with a hyphen is two tokens (`scrum-half`).
    let compound = hyphenated(toks, k).filter(|c| TEAM_ROLES.contains(c));
    let weight = if compound.is_some() {
        k += 1;
        1
    } else if STAFF_ROLES.contains(role.lower.as_ref()) {
        2
    } else if TEAM_ROLES.contains(role.lower.as_ref()) {
        1
    } else {
        return None;
    };
    let name = toks.get(k + 1)?;
    (name.sep == Sep::Space && name.shape == Shape::Cap).then(|| {
        let mut words = String::new();
        for t in &toks[e + 1..=k] {
            if !words.is_empty() {
                words.push(if t.sep == Sep::Hyphen { '-' } else { ' ' });
            }
            words.push_str(t.text);
        }
        Cue::new(Kind::Organization, weight, format!("`{words}` after"))
    })
}

/// Token `k` and the next, when a hyphen joins them, as one lower-case word (`scrum-half`).
fn hyphenated(toks: &[Tok<'_>], k: usize) -> Option<String> {
    let next = toks.get(k + 1).filter(|t| t.sep == Sep::Hyphen)?;
    Some(format!("{}-{}", toks[k].lower, next.lower))
}

/// Title words that modify another (`former president`, `top aide`, `chief executive`)
/// and are ordinary adjectives on their own.
pub(crate) fn is_title_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "acting"
            | "chief"
            | "deputy"
            | "first"
            | "former"
            | "head"
            | "late"
            | "major"
            | "senior"
            | "top"
    )
}

/// Cues from the words after the run ending at token `e`.
pub(crate) fn after_cues(toks: &[Tok<'_>], e: usize) -> Vec<Cue> {
    let mut out = Vec::new();
    let Some(n) = toks.get(e + 1) else {
        return out;
    };
    // A verb of speech after a list of names is said of each (`Mary Smith and John Doe
    // reported`).
    if let Some(v) = coordination_end(toks, e).and_then(|k| toks.get(k + 1)) {
        if v.sep == Sep::Space && SAID_VERBS.contains(&v.lower.as_ref()) {
            out.push(Cue::new(Kind::Person, 1, format!("`{}` after", v.lower)));
            return out;
        }
    }
    match n.sep {
        Sep::Hyphen if n.lower == "based" => {
            out.push(Cue::new(Kind::Place, 3, "`-based` after".to_string()));
        }
        // An age between commas (`John Holliday, 37, a farmer`, `Velmar , 38 , takes on`),
        // after a name that ends in a surname (`his son Stephen, 57,` names no one across a
        // corpus).
        Sep::Comma
            if n.shape == Shape::Digit
                && is_age(n.text)
                && toks.get(e + 2).is_some_and(|t| t.sep == Sep::Comma)
                && !is_given_name(&toks[e].lower) =>
        {
            out.push(Cue::new(Kind::Person, 1, "an age after".to_string()));
        }
        Sep::Comma if n.shape == Shape::Lower => {
            // An apposition: `, a professor at`, `, a group that`, `, who`.
            if n.lower == "who" {
                out.push(Cue::new(Kind::Person, 2, "`, who` after".to_string()));
                return out;
            }
            // Not after a verb of speech: the words after it are another's (`, said Mr
            // Hamer`, `, told Rugby Special`).
            if SAID_VERBS.contains(&n.lower.as_ref()) {
                return out;
            }
            let mut words = Vec::new();
            for (k, t) in toks[e + 1..].iter().enumerate().take(5) {
                if k > 0 && t.sep != Sep::Space {
                    break;
                }
                words.push(t.text);
                // A title before a name is that name's (`the Oscars, composer Howard
                // Shore said`), not an apposition of this one.
                let title = is_title(&t.lower) && t.shape != Shape::Upper;
                let next_is_name = toks.get(e + 2 + k).is_some_and(|n| {
                    n.sep == Sep::Space && matches!(n.shape, Shape::Cap | Shape::Upper)
                });
                if title && next_is_name {
                    break;
                }
                let kind = if title {
                    Some(Kind::Person)
                } else if t.shape == Shape::Lower && ORG_NOUNS.contains(&t.lower.as_ref()) {
                    Some(Kind::Organization)
                } else {
                    None
                };
                if let Some(mut kind) = kind {
                    // The noun the phrase ends in says what it is, not the first title or
                    // noun in it (`, the first foreign company to list`, `, a senior party
                    // official`), unless a person's rank stands right before it (`, a
                    // senior broadcaster`).
                    let mut j = e + 1 + k;
                    while let Some(n) = toks.get(j + 1).filter(|n| {
                        n.sep == Sep::Space
                            && n.shape == Shape::Lower
                            && !is_function_word(&n.lower)
                    }) {
                        let rank = matches!(
                            toks[j].lower.as_ref(),
                            "acting" | "chief" | "deputy" | "former" | "head" | "late" | "senior"
                        );
                        j += 1;
                        words.push(n.text);
                        if is_title(&n.lower) {
                            kind = Kind::Person;
                        } else if ORG_NOUNS.contains(&n.lower.as_ref()) && !rank {
                            kind = Kind::Organization;
                        }
                    }
                    out.push(Cue::new(kind, 3, format!("`, {}` after", words.join(" "))));
                    break;
                }
                if t.shape == Shape::Lower
                    && !matches!(t.lower.as_ref(), "a" | "an" | "the")
                    && is_function_word(&t.lower)
                {
                    break;
                }
            }
        }
        Sep::Space if n.shape == Shape::Lower => {
            let w = n.lower.as_ref();
            if SAID_VERBS.contains(&w) {
                out.push(Cue::new(Kind::Person, 1, format!("`{w}` after")));
            } else if PLACE_NOUNS.contains(&w) && w != "capital" {
                out.push(Cue::new(Kind::Place, 2, format!("`{w}` after")));
            } else if ORG_NOUNS.contains(&w) {
                out.push(Cue::new(Kind::Organization, 2, format!("`{w}` after")));
            } else if w == "news"
                && toks
                    .get(e + 2)
                    .is_some_and(|t| t.sep == Sep::Space && t.lower == "agency")
            {
                out.push(Cue::new(
                    Kind::Organization,
                    2,
                    "`news agency` after".to_string(),
                ));
            }
        }
        _ => {}
    }
    if out.is_empty() {
        out.extend(staff_after(toks, e));
    }
    out
}

/// A place in brackets after a name of two or more capitalized words (`Isel Lopez ( Cuba )
/// 65.10`, `Petr Korda (Czech Republic) beat`): a results line, and the name an athlete's.
/// Weighs 1, so that a head word or any stronger cue decides (`Red Star Belgrade (Serbia)`
/// ends in no head word, but a club is rarely named so without `FC` or its town).
pub(crate) fn bracketed_place_cue(
    text: &str,
    toks: &[Tok<'_>],
    run: (usize, usize),
    spans: &[MentionSpan],
    known: &Known,
) -> Option<Cue> {
    let (s, e) = run;
    let plain = e > s
        && toks[s..=e].iter().all(|t| {
            t.shape == Shape::Cap
                && t.mention.is_none()
                && !is_org_head(&t.lower)
                && !is_place_head(&t.lower)
                && !is_function_word(&t.lower)
                && !is_title(&t.lower)
        });
    if !plain {
        return None;
    }
    let n = toks.get(e + 1)?;
    let gap = text.get(toks[e].end..n.start)?.trim();
    let m = spans.get(n.mention?)?;
    let closed = text.get(m.span.end()..)?.trim_start().starts_with(')');
    (gap == "(" && m.span.start() == n.start && closed && known.is_place(m.entity)).then(|| {
        let place = &text[m.span.range()];
        Cue::new(Kind::Person, 1, format!("`({place})` after"))
    })
}

/// What the name has, written with `'s` (`Amazon's shares`, `Bates's wife`): an
/// organization for what a company or club has, a person for a family or a career. Weighs 2,
/// as a noun beside the name does.
pub(crate) fn possessive_cue(text: &str, toks: &[Tok<'_>], e: usize) -> Option<Cue> {
    let n = toks.get(e + 1)?;
    let gap = text.get(toks[e].end..n.start)?;
    if !is_possessive_gap(gap) || n.shape != Shape::Lower {
        return None;
    }
    let w = n.lower.as_ref();
    let kind = if ORG_POSSESSIONS.contains(w) {
        Kind::Organization
    } else if PERSON_POSSESSIONS.contains(w) {
        Kind::Person
    } else {
        return None;
    };
    Some(Cue::new(kind, 2, format!("`'s {w}` after")))
}

/// Whether the text between two words makes the first a possessor: `'s `, `' ` (`the
/// Joneses' house`), or `'s` apart, as tokenized text writes it (`Bates 's wife`).
pub(crate) fn is_possessive_gap(gap: &str) -> bool {
    let spaced = gap.starts_with(' ') && matches!(gap.trim_start(), "'s " | "’s ");
    spaced || matches!(gap, "'s " | "’s " | "' " | "’ ")
}

/// A team's name by its score in a line of results or standings: the line is a score line
/// (`Sale 31 Wasps 33`, `Puchon 2 Chonbuk 1 ( halftime 1-1 )`: two names, each with its
/// score) or a standings row (`Haitai 64 2 43 .596 -`: a name, then only figures), and the
/// run is one of its names. Weighs 1, so that a given name or any stronger cue decides. A
/// scorecard line names players (`N. Knight 113`, `Wasim Akram c Knight b Hollioake 21`), and
/// a golfer's rounds are no standings (`Ernie Els 68 69 70 72 279`).
pub(crate) fn results_cue(text: &str, toks: &[Tok<'_>], e: usize) -> Option<Cue> {
    let n = toks.get(e + 1)?;
    if n.shape != Shape::Digit || !is_score(n.text) {
        return None;
    }
    let line = line_at(text, n.start)?;
    // Where the line starts in the text.
    let base = line.as_ptr() as usize - text.as_ptr() as usize;
    let end = toks[e].end.checked_sub(base)?;
    team_name_ends(line).contains(&end).then(|| {
        Cue::new(
            Kind::Organization,
            1,
            "its score in a line of results".to_string(),
        )
    })
}

/// A player's number before the name in a line-up (`14 - Justin Swart , 13 - Japie Mulder`,
/// `( 17 - Orhan Cikirikci , 76th )`, `New Zealand - 15 - Christian Cullen`): one or two
/// digits and a spaced dash, at the start of the line or after a comma, a bracket, a colon,
/// a semicolon or a dash. Weighs 1, so that a given name or any stronger cue decides.
pub(crate) fn squad_number_cue(text: &str, toks: &[Tok<'_>], s: usize) -> Option<Cue> {
    let n = toks.get(s.checked_sub(1)?)?;
    let number =
        n.shape == Shape::Digit && n.text.len() <= 2 && n.text.bytes().all(|b| b.is_ascii_digit());
    if !number || text.get(n.end..toks[s].start)? != " - " {
        return None;
    }
    let before = text.get(..n.start)?.trim_end_matches([' ', '\t']);
    // A dash after a team's name opens one (`New Zealand - 15 -`), not one in a score
    // (`2 - 1 - Grelton`).
    let dash = before.strip_suffix('-').is_some_and(|b| {
        !b.trim_end()
            .ends_with(|c: char| c.is_ascii_digit() || c == '-')
    });
    let opens = before.is_empty() || dash || before.ends_with(['\n', ',', '(', ':', ';']);
    opens.then(|| Cue::new(Kind::Person, 1, "a player's number before".to_string()))
}

/// A cricket scorecard names players: a batsman before the way he was out and his runs
/// (`Tarun Vell c Ostrow b Gadde 33`, `Rafe Dunmore lbw b Keston 0`, `P. Halvey run out
/// 16`), the fielder and the bowler in it (`c Ostrow`, `b Gadde`), and a bowler before his
/// figures, overs-maidens-runs-wickets (`Gadde 8-0-39-3`, `Keston 9.5-0-44-1`, on the next
/// line when the line breaks there). Weighs 3: the notation says nothing else.
pub(crate) fn scorecard_cue(text: &str, toks: &[Tok<'_>], s: usize, e: usize) -> Option<Cue> {
    let after = text.get(toks[e].end..)?;
    if after
        .split_whitespace()
        .next()
        .is_some_and(is_bowling_figures)
    {
        return Some(Cue::new(
            Kind::Person,
            3,
            "bowling figures after".to_string(),
        ));
    }
    // Most names are followed by neither runs nor a dismissal: a look at the next word
    // settles them.
    let next = toks.get(e + 1)?;
    if !(next.shape == Shape::Digit || matches!(next.text, "b" | "c" | "st" | "lbw" | "run")) {
        return None;
    }
    // The rest of the line: a dismissal and the runs, or the runs after the bowler. A
    // scorecard's lines are short: a longer one is prose, and is not read to its end.
    let line = line_at(text, toks[e].end)?;
    let base = line.as_ptr() as usize - text.as_ptr() as usize;
    let rest = line.get(toks[e].end - base..)?;
    if !rest.split_whitespace().next_back().is_some_and(is_score) {
        return None;
    }
    let words: smallvec::SmallVec<[&str; 12]> = rest.split_whitespace().collect();
    // `c Ostrow b Gadde 33`: the fielder has the bowler after him, the bowler the runs.
    let by = s.checked_sub(1).map(|k| toks[k].text);
    let fielder = matches!(by, Some("c" | "st")) && words.first() == Some(&"b");
    let bowler = by == Some("b") && words.len() == 1;
    if fielder || bowler {
        let by = by.unwrap_or_default();
        return Some(Cue::new(
            Kind::Person,
            3,
            format!("`{by}` before in a scorecard"),
        ));
    }
    // The batsman opens the line.
    let opens_line = text.get(..toks[s].start)?.ends_with('\n') || toks[s].start == 0;
    let batsman = match words.as_slice() {
        ["c" | "st", _, ..] | ["b" | "lbw", ..] => words.contains(&"b"),
        ["run", "out", ..] => true,
        _ => false,
    };
    (opens_line && batsman)
        .then(|| Cue::new(Kind::Person, 3, "a batsman's dismissal after".to_string()))
}

/// Bowling figures: overs (maybe with a ball count, `9.5`), maidens, runs and wickets.
fn is_bowling_figures(word: &str) -> bool {
    let word = word.trim_end_matches([',', ';', '.']);
    let parts: smallvec::SmallVec<[&str; 4]> = word.split('-').collect();
    let digits = |p: &str| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit());
    parts.len() == 4
        && parts[1..].iter().all(|p| digits(p))
        && match parts[0].split_once('.') {
            Some((overs, balls)) => digits(overs) && balls.len() == 1 && digits(balls),
            None => digits(parts[0]),
        }
}

/// An age: a number from 1 to 119, written without a leading zero.
fn is_age(word: &str) -> bool {
    !word.starts_with('0')
        && word.bytes().all(|b| b.is_ascii_digit())
        && word.parse::<u16>().is_ok_and(|n| (1..120).contains(&n))
}

/// A score: one to three digits.
fn is_score(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// Where the team names of a score line or a standings row end, in bytes of `line` (none
/// for any other line).
pub(crate) fn team_name_ends(line: &str) -> smallvec::SmallVec<[usize; 2]> {
    let mut out = smallvec::SmallVec::new();
    let words: smallvec::SmallVec<[(usize, &str); 16]> = line
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    // A name: words that do not start in lower case, nor with a digit.
    let name_word = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| !c.is_lowercase() && !c.is_ascii_digit() && c != '(')
    };
    let name_len = |from: usize| {
        words[from..]
            .iter()
            .take_while(|(_, w)| name_word(w))
            .count()
    };
    let first = name_len(0);
    if first == 0 || first == words.len() || !is_score(words[first].1) {
        return out;
    }
    let end_of = |k: usize| words[k].0 + words[k].1.len();
    // A standings row: then only figures (`80 54 .597 -`, `12 1/2`), three or more.
    let figures = &words[first..];
    let figure = |w: &str| w == "-" || w.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if figures.len() >= 3 && figures.iter().all(|(_, w)| figure(w)) {
        // Rounds of golf (60 to 89) and their total (200 to 350) are a player's.
        let golf = figures.iter().all(|(_, w)| {
            w.parse::<u32>()
                .is_ok_and(|v| (60..90).contains(&v) || (200..=350).contains(&v))
        });
        if !golf {
            out.push(end_of(first - 1));
        }
        return out;
    }
    // A score line: a second name and its score, then nothing or brackets.
    let second = name_len(first + 1);
    let k = first + 1 + second;
    if second > 0
        && words.get(k).is_some_and(|(_, w)| is_score(w))
        && words.get(k + 1).is_none_or(|(_, w)| w.starts_with('('))
    {
        out.push(end_of(first - 1));
        out.push(end_of(k - 1));
    }
    out
}

/// The last token of the names coordinated with the run ending at token `e` (`, John Doe
/// and Jane Roe`), if any: a list whose last link is `and`.
fn coordination_end(toks: &[Tok<'_>], e: usize) -> Option<usize> {
    let name = |t: &Tok<'_>| t.mention.is_some() || matches!(t.shape, Shape::Cap | Shape::Upper);
    let mut k = e;
    let mut last_and = false;
    for _ in 0..6 {
        let n = toks.get(k + 1)?;
        let (start, and) = match (n.sep, n.lower.as_ref()) {
            (Sep::Space | Sep::Comma, "and") => (k + 2, true),
            (Sep::Comma, _) if name(n) => (k + 1, false),
            _ => break,
        };
        let first = toks.get(start)?;
        if !name(first) || !(first.sep == Sep::Space || start == k + 1) {
            break;
        }
        k = start;
        last_and = and;
        while toks
            .get(k + 1)
            .is_some_and(|t| matches!(t.sep, Sep::Space | Sep::Hyphen) && name(t))
        {
            k += 1;
        }
    }
    // A list ends with `and`: `Kim, Lee and Park said`, not `Rossiya-24, Kim said`.
    (k > e && last_and).then_some(k)
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
        if is_place_head(lowers[k]) {
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
    if best == 0 || winners.len() != 1 {
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

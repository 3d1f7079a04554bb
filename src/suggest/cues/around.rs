//! The cues in the words around a name: a title or a role before it (`aide Yury Ushakov`,
//! `Wasps captain Lawrence Dallaglio`), a verb of speech, an apposition, an age or a
//! family word, staff of a firm, what the name has (`'s shares`). Owns these rules only:
//! the notations of tables and sports pages are `layout`'s, the decision is the parent's.

use crate::text::words::{is_function_word, is_given_name};

use super::super::lexicon::{
    is_participle, is_title, KIN, NOT_PLACE_BEFORE_IN, ORG_NOUNS, ORG_POSSESSIONS, PERSON_NOUNS,
    PERSON_POSSESSIONS, PLACE_NOUNS, PLACE_PREPOSITIONS, SAID_BEFORE, SAID_VERBS, STAFF_ROLES,
    TEAM_ROLES, WORK_NOUNS,
};
use super::super::tokenize::{Sep, Shape, Tok};
use super::{Cue, Kind};

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
        // names no one across a corpus; so is a person's noun (`the man Premji`), unless
        // it ends a compound (`a five-star Grand Hotel`).
        let kin = !one_word
            && (KIN.contains(&t.lower)
                || (t.shape == Shape::Lower
                    && t.sep != Sep::Hyphen
                    && PERSON_NOUNS.contains(&t.lower)));
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
    } else if PLACE_PREPOSITIONS.contains(&w)
        && one_word
        && toks[s].shape != Shape::Upper
        && !held_in(toks, s - 1)
        && !modifies_next(toks, s)
    {
        // Only before one word: `in Gateshead`. Before several (`in Finding Neverland`,
        // `in Windows XP`) it is as often a title or a product as a place, and a place of
        // several words has its head word (`in Lansdowne Road`) or is listed. Nor before
        // an acronym: `in HDTV`, `in FTSE` are formats and indices, and the places written
        // so are listed (`US`, `UAE`).
        out.push(Cue::new(Kind::Place, 1, format!("`{w}` before")));
    } else if WORK_NOUNS.contains(&w) {
        out.push(Cue::new(Kind::Work, 2, format!("`{w}` before")));
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

/// Whether the `in` at token `k` follows a word that holds something in what comes next
/// (`a stake in`, `a role in`, `faith in`): then it says nothing of a place.
fn held_in(toks: &[Tok<'_>], k: usize) -> bool {
    toks[k].lower == "in"
        && toks[k].sep == Sep::Space
        && k.checked_sub(1)
            .is_some_and(|j| NOT_PLACE_BEFORE_IN.contains(toks[j].lower.as_ref()))
}

/// Whether the word at token `s` is the first half of a modifier, hyphenated to a participle
/// (`in Oscar-nominated movie The Aviator`): what is before it is said of the noun after; or
/// the name of an edition, before its year (`in Euro 96`).
fn modifies_next(toks: &[Tok<'_>], s: usize) -> bool {
    toks.get(s + 1).is_some_and(|t| {
        (t.sep == Sep::Hyphen && t.shape == Shape::Lower && is_participle(&t.lower))
            || is_edition(t)
    })
}

/// Whether `t`, after a name, is the year or the number of an edition, which makes the name
/// an event's (`in Euro 96`, `in Expo 2000`): two or four digits after a space.
fn is_edition(t: &Tok<'_>) -> bool {
    t.sep == Sep::Space
        && matches!(t.text.len(), 2 | 4)
        && t.text.bytes().all(|b| b.is_ascii_digit())
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

/// Title words that modify another (`former president`, `top aide`, `chief executive`;
/// a portfolio: `Foreign Minister`, `Trade Secretary`, `Vice President`) and are ordinary
/// words on their own (`Foreign Language Oscar`, `Trade Practices Act`).
pub(crate) fn is_title_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "acting"
            | "chief"
            | "defence"
            | "defense"
            | "deputy"
            | "finance"
            | "first"
            | "foreign"
            | "former"
            | "head"
            | "late"
            | "major"
            | "presidential"
            | "press"
            | "prime"
            | "senior"
            | "special"
            | "state"
            | "supreme"
            | "top"
            | "trade"
            | "vice"
    )
}

/// Cues from the words after the run ending at token `e`.
pub(crate) fn after_cues(toks: &[Tok<'_>], (s, e): (usize, usize)) -> Vec<Cue> {
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
            out.extend(apposition_cue(toks, e + 1, ", "));
        }
        Sep::Space if n.shape == Shape::Lower => {
            let w = n.lower.as_ref();
            if SAID_VERBS.contains(&w) {
                // English puts no article before a person's name: what `the` opens and a
                // verb of speech follows is a newspaper, a ministry, a firm (`the Hong
                // Kong Standard said`), unless a title says who (`the Culture Secretary
                // said`, `the Archbishop of Canterbury said`).
                let article = s > 0
                    && toks[s - 1].lower == "the"
                    && toks[s].sep == Sep::Space
                    && !toks[s..=e].iter().any(|t| is_title(&t.lower));
                if article {
                    out.push(Cue::new(
                        Kind::Organization,
                        1,
                        format!("`the` before, `{w}` after"),
                    ));
                } else {
                    out.push(Cue::new(Kind::Person, 1, format!("`{w}` after")));
                }
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

/// The cue of an apposition from token `first` on (`a professor at`, `a group that`,
/// `largest mutual life insurer`): a title says person, an organization's noun
/// organization, the last of them in the phrase winning. `lead` opens the cue's text (`, `;
/// `, Europe's `).
fn apposition_cue(toks: &[Tok<'_>], first: usize, lead: &str) -> Option<Cue> {
    let mut words = Vec::new();
    for (k, t) in toks[first..].iter().enumerate().take(5) {
        if k > 0 && t.sep != Sep::Space {
            break;
        }
        words.push(t.text);
        // A title before a name is that name's (`the Oscars, composer Howard
        // Shore said`), not an apposition of this one.
        let title = is_title(&t.lower) && t.shape != Shape::Upper;
        let next_is_name = toks
            .get(first + 1 + k)
            .is_some_and(|n| n.sep == Sep::Space && matches!(n.shape, Shape::Cap | Shape::Upper));
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
            let mut j = first + k;
            while let Some(n) = toks.get(j + 1).filter(|n| {
                n.sep == Sep::Space && n.shape == Shape::Lower && !is_function_word(&n.lower)
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
            return Some(Cue::new(
                kind,
                3,
                format!("`{lead}{}` after", words.join(" ")),
            ));
        }
        if t.shape == Shape::Lower
            && !matches!(t.lower.as_ref(), "a" | "an" | "the")
            && is_function_word(&t.lower)
        {
            break;
        }
    }
    None
}

/// An apposition that opens with a possessor, a name of up to three capitalized words and
/// `'s` (`Standard Life, Europe's largest mutual life insurer,`; `Igor Ivanov, Russia's
/// foreign minister,`): the phrase after the possessor says what the name is, as an
/// apposition does.
pub(crate) fn possessive_apposition_cue(text: &str, toks: &[Tok<'_>], e: usize) -> Option<Cue> {
    let n = toks.get(e + 1)?;
    if n.sep != Sep::Comma || !matches!(n.shape, Shape::Cap | Shape::Upper) {
        return None;
    }
    let mut k = e + 1;
    while k < e + 3
        && toks
            .get(k + 1)
            .is_some_and(|t| t.sep == Sep::Space && matches!(t.shape, Shape::Cap | Shape::Upper))
    {
        k += 1;
    }
    let next = toks.get(k + 1)?;
    if !is_possessive_gap(text.get(toks[k].end..next.start)?) || next.shape != Shape::Lower {
        return None;
    }
    let possessor = text.get(n.start..toks[k].end)?;
    apposition_cue(toks, k + 1, &format!(", {possessor}'s "))
}

/// Whether the text between two words makes the first a possessor: `'s `, `' ` (`the
/// Joneses' house`), or `'s` apart, as tokenized text writes it (`Bates 's wife`).
pub(crate) fn is_possessive_gap(gap: &str) -> bool {
    let spaced = gap.starts_with(' ') && matches!(gap.trim_start(), "'s " | "’s ");
    spaced || matches!(gap, "'s " | "’s " | "' " | "’ ")
}

/// An age: a number from 1 to 119, written without a leading zero.
fn is_age(word: &str) -> bool {
    !word.starts_with('0')
        && word.bytes().all(|b| b.is_ascii_digit())
        && word.parse::<u16>().is_ok_and(|n| (1..120).contains(&n))
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

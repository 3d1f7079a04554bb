//! The team rules: a place in a results or fixture line, before a sports role, or beside a
//! result verb in a sports story stands for its team; and the words that make a story a
//! sports story (the scan counts them, see `matcher/sports.rs`). Must not touch names
//! inside names or surnames.

use super::words::*;
use super::{DocContext, Near, Scene};
use crate::model::Span;
use crate::text::chars::is_word_char;
use crate::text::lines::opens_dateline;
pub(super) use crate::text::lines::results_line;
use crate::text::words::is_given_name;

/// A document with this many sports words is a sports story.
pub(crate) const SPORTS_STORY: u32 = 3;

/// Words that make a story a sports story (whole words, any case).
pub(crate) const SPORTS_WORDS: &[&str] = &[
    "soccer",
    "football",
    "rugby",
    "cricket",
    "tennis",
    "golf",
    "baseball",
    "basketball",
    "ice hockey",
    "league",
    "first division",
    "second division",
    "premier league",
    "champions league",
    "europa league",
    "super league",
    "championship",
    "tournament",
    "halftime",
    "half-time",
    "innings",
    "wickets",
    "goalkeeper",
    "midfielder",
    "striker",
    "homer",
    "pitcher",
    "seeded",
    "semifinal",
    "semifinals",
    "semi-final",
    "semi-finals",
    "quarter-final",
    "quarter-finals",
    "quarterfinal",
    "quarterfinals",
    "coach",
    "referee",
    "world cup",
    "olympic",
    "olympics",
    "grand slam",
    "grand prix",
    // Words of British sports pages.
    "hockey",
    "premiership",
    "six nations",
    "davis cup",
    "fa cup",
    "relegation",
    "play-off",
    "play-offs",
    "playoff",
    "playoffs",
    "scrum",
    "scrum-half",
    "fly-half",
    "hat-trick",
    "free-kick",
    "kick-off",
    "midfield",
    "winger",
    "batsman",
    "bowler",
    "wicket",
    "sprinter",
    "hurdles",
    "athletics",
    "heptathlon",
    "decathlon",
    "snooker",
    "squad",
    "stadium",
    "unbeaten",
    "fixtures",
    "goalscorer",
    "skipper",
];

/// Why the place at `p` on `line` is a team, if it is.
pub(super) fn team(
    scene: &Scene<'_>,
    ctx: &mut DocContext,
    p: Span,
    near: Near<'_>,
) -> Option<String> {
    let text = scene.text;
    let alias = &text[p.range()];
    let after = near.after;
    // The line is read only when the words next to the place ask for it.
    let score = after.is_some_and(|w| w.is_number() && w.text.len() <= 3);
    if score || text.as_bytes()[p.end()..].starts_with(b" AT ") {
        if let Some(line) = line_at(text, p.start()) {
            // A results line: a score after the place, and hardly any words.
            if score && results_line(line) {
                let w = after.map_or("", |w| w.text);
                return Some(format!("`{alias} {w}` in a line of results"));
            }
            let in_line = p.start() - (line.as_ptr() as usize - text.as_ptr() as usize);
            if fixture_team(line, in_line, in_line + p.len()) {
                return Some(format!("`{}` is a fixture", line.trim()));
            }
        }
    }
    let versus = |w: &Word<'_>| w.text.len() <= 3 && matches!(w.text, "v" | "v." | "vs" | "vs.");
    if after.as_ref().is_some_and(versus) || near.before.as_ref().is_some_and(versus) {
        return Some(format!("`{alias}` is one side of a fixture (`v`)"));
    }
    // A possessive written on the name (tokenized text has `England 's`, read below)
    // before a player or the team's own (`England's Josh Lewsey`, `England's squad`; not
    // `Scotland's justice minister`).
    if let Some(w) = possessive_of(text, p.end()).filter(team_owned) {
        if ctx.sporty() {
            return Some(format!("`{alias}'s {}` in a sports story", w.text));
        }
    }
    let Some(w) = after else {
        return before_result(scene, ctx, p, near.before);
    };
    if is_score(w.text) && ctx.sporty() {
        return Some(format!("`{alias} {}` a score, in a sports story", w.text));
    }
    // A second or youth side (`England A`, `Wales XV`, `Scotland U21`).
    if matches!(w.text, "A" | "XV" | "U21" | "U20" | "U-21") && ctx.sporty() {
        return Some(format!("`{alias} {}` a side, in a sports story", w.text));
    }
    if w.text.len() <= 4 && matches!(w.text, "'s" | "’s") && ctx.sporty() {
        return Some(format!("`{alias} {}` in a sports story", w.text));
    }
    // The lists are in lower case: a word with a capital is none of them.
    let f = w.text;
    let lower = !f.chars().any(char::is_uppercase);
    let kinds = if lower { lists(f) } else { 0 };
    if kinds & ROLE != 0 {
        return Some(format!("`{alias} {}` names a team's player", w.text));
    }
    let sporty_word = lower && kinds & (TEAM | AFTER) != 0;
    // A plural verb says team unless the place is where (`fans in Wales are`) or one of
    // several (`Leicester and Derby are`).
    let plural = || PLURAL_AFTER.contains(&f);
    let not_alone = || {
        near.before.is_some_and(|b| {
            let b = b.folded();
            WHERE.contains(&&*b) || matches!(&*b, "and" | "or" | "nor")
        })
    };
    // A side's doing is a place's where a word says where (`fans in Wales looked on`).
    let placed =
        || GAME_AFTER.contains(&f) && near.before.is_some_and(|b| WHERE.contains(&&*b.folded()));
    if sporty_word && !(plural() && not_alone()) && !placed() && ctx.sporty() {
        return Some(format!("`{alias} {}` in a sports story", w.text));
    }
    before_result(scene, ctx, p, near.before)
}

/// Whether the text at `end` is a possessive `'s` (or `’s`) that ends the word.
pub(crate) fn possessive(text: &str, end: usize) -> bool {
    possessive_end(text, end).is_some()
}

/// Where the possessive `'s` (or `’s`) at `end` ends, if there is one.
fn possessive_end(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let tail = rest
        .strip_prefix("'s")
        .or_else(|| rest.strip_prefix("’s"))?;
    (!tail.chars().next().is_some_and(is_word_char)).then(|| text.len() - tail.len())
}

/// The word after the possessive `'s` at `end`, if there is one.
fn possessive_of(text: &str, end: usize) -> Option<Word<'_>> {
    word_after(text, possessive_end(text, end)?)
}

/// Whether a word after a team's name and `'s` is the team's own: a player's given name, a
/// role or a team word (`squad`, `captain`, `fly-half`).
fn team_owned(w: &Word<'_>) -> bool {
    let lower = !w.text.chars().any(char::is_uppercase);
    (w.capitalized() && is_given_name(&w.folded())) || (lower && lists(w.text) & (ROLE | TEAM) != 0)
}

/// Whether `w` is a score: two numbers of at most three digits joined by a hyphen (`13-12`,
/// `2-0`).
fn is_score(w: &str) -> bool {
    let short = |n: &str| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit());
    w.split_once('-').is_some_and(|(a, b)| short(a) && short(b))
}

/// A country in brackets right after a capitalized word, in a sports story: a player's (or
/// athlete's) team in a squad list or a results table (`O Smith (England)`, `Isel Lopez (
/// Cuba ) 65.10`), not a place in the story.
pub(super) fn bracket_team(scene: &Scene<'_>, ctx: &mut DocContext, p: Span) -> Option<String> {
    let text = scene.text;
    let open = bracketed(text, p)?;
    let name = word_before(text, open).filter(|w| w.capitalized() && !w.text.ends_with('.'))?;
    ctx.sporty().then(|| {
        format!(
            "`{} ({})` names a player's team, in a sports story",
            name.text,
            &text[p.range()]
        )
    })
}

/// Where the bracket opens when the place at `p` is alone in brackets (a space inside
/// each side at most).
pub(crate) fn bracketed(text: &str, p: Span) -> Option<usize> {
    let b = text.as_bytes();
    let mut open = p.start().checked_sub(1)?;
    if b[open] == b' ' {
        open = open.checked_sub(1)?;
    }
    let mut close = p.end();
    if b.get(close) == Some(&b' ') {
        close += 1;
    }
    (b[open] == b'(' && b.get(close) == Some(&b')')).then_some(open)
}

/// Words before a place that say where (`in Leeds`, `at Surrey`), not who.
pub(super) const WHERE: &[&str] = &[
    "in",
    "at",
    "near",
    "from",
    "outside",
    "around",
    "across",
    "into",
    "through",
    "toward",
    "towards",
    "throughout",
    "of",
    "to",
    "between",
    "within",
    "inside",
    "via",
];

/// A place a listed club is named after, in a sports story, and not after a word that says
/// where or a capitalized word: the club (`title rivals Essex, Derbyshire and Surrey`,
/// `Leicestershire beat Somerset by an innings`). A sports story names clubs by their town.
pub(super) fn club_town(
    scene: &Scene<'_>,
    ctx: &mut DocContext,
    p: Span,
    before: Option<Word<'_>>,
) -> Option<String> {
    let text = scene.text;
    if let Some(w) = before {
        let f = w.text;
        if f.chars().any(char::is_uppercase) || WHERE.contains(&&*w.folded()) {
            return None;
        }
    }
    // A dateline says where the story was written (`MILAN 1996-08-30`).
    if opens_dateline(text, p.start(), p.end()) {
        return None;
    }
    ctx.sporty().then(|| {
        format!(
            "`{}` has a listed club, in a sports story",
            &text[p.range()]
        )
    })
}

/// A result word before the place, in a sports story (`defeated Colorado`, `drew with
/// Italy`, `lost to Milan`).
pub(super) fn before_result(
    scene: &Scene<'_>,
    ctx: &mut DocContext,
    p: Span,
    before: Option<Word<'_>>,
) -> Option<String> {
    let text = scene.text;
    let w = before?;
    if w.text.chars().any(char::is_uppercase) {
        return None;
    }
    let f = w.text.trim_end_matches('.');
    let fits = lists(f) & BEFORE != 0
        || matches!(f, "with" | "to" | "by")
            && word_before(text, w.start).is_some_and(|v| {
                let v = &*v.folded();
                match f {
                    "with" => v == "drew" || v == "draw",
                    "to" => v == "lost",
                    _ => BEATEN.contains(&v),
                }
            });
    (fits && ctx.sporty()).then(|| format!("`{} {}` in a sports story", w.text, &text[p.range()]))
}

/// Whether the name from byte `at` to `end` of `line` is the visiting side of a fixture in
/// capitals: the whole line is that name, a capital `AT` and the home side in at most three
/// capitalized words (`KANSAS CITY AT DETROIT`; the home side is where the game is played,
/// so it stays a place).
pub(super) fn fixture_team(line: &str, at: usize, end: usize) -> bool {
    // A name wrapped over two lines is no fixture.
    if end > line.len() || !line[..at].trim().is_empty() {
        return false;
    }
    let Some(home) = line[end..].strip_prefix(" AT ") else {
        return false;
    };
    let home = match home.find('(') {
        Some(k) => &home[..k],
        None => home,
    };
    let words: Vec<&str> = home.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

//! Context: what the words around a place mention say it stands for instead. Three rule
//! families, each with an off switch in [`super::MatcherBuilder`]:
//!
//! - **Teams.** A place in a results line (`Pohang 3 Ulsan 2`, a standings row `TORONTO 63
//!   72 .467`), in a fixture line (`Wales v Italy`, `KANSAS CITY AT DETROIT`), before a
//!   sports role (`England captain`, `Florida manager`), or, in a sports story, beside a
//!   result verb (`St Louis defeated Colorado`, `lost to Milan`) stands for its team.
//! - **Names inside names.** A place (or demonym) right after a capitalized word that is not
//!   a title or a compass word (`Real Madrid`, `Air France`, `Neil Jordan`), right before a
//!   capitalized word that is not a title, a weekday or a month (`Manchester United`,
//!   `Statistics Canada` the other way round, `Texas Instruments`, `Victoria Wood`), or after
//!   an organization's head and `of` (`Bank of Canada`, `University of Michigan`) is part of
//!   a longer name. Lines in title case or capitals (headlines) are left alone: there every
//!   word is capitalized.
//! - **People's names.** A one-word place alias found as a surname after a given name
//!   (`Neil Jordan`, `MaliVai Washington`) stands for that person wherever the document uses
//!   it bare afterwards (`Jordan said`); a listed person's one-word surname after another
//!   given name or initial (`Cherie Blair` for Tony Blair) is someone else.
//!
//! A mention a rule fits is dropped and counted (a team mention becomes the team, or for a
//! country is kept and marked [`Mention::team`]); `explain` names the rule. The document-wide
//! facts (how sporty the document is, which aliases it uses as surnames and where first) are
//! gathered by [`DocContext`], whole or part by part, so that a long document read in parts
//! decides as the whole text does. Must not touch the scan, the senses or descriptions.
//!
//! ```text
//! mod.rs    the verdicts, their counts, the document's facts, and judge (one pass over
//!           the mentions)
//! words.rs  the words and the line around a mention, the word lists
//! teams.rs  the team rules and the sports words
//! names.rs  names inside names and surnames
//! ```

mod names;
mod teams;
#[cfg(test)]
mod tests;
mod words;

use super::describes::EntityClass;
use crate::model::{EntityId, Mention, Span};
use crate::text::words::{ends_with_any_case, is_function_word};
use names::{firm_surname, in_name, language, other_person, surname_alias};
use teams::{bracket_team, bracketed, possessive, team};
pub(crate) use teams::{SPORTS_STORY, SPORTS_WORDS};
use words::{glance_after, glance_before, headline, line_at, word_after, word_before};
use words::{lists, Glance, Shapes, Word, AFTER, BEFORE, ROLE, TEAM};

/// Which context rules apply (all by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rules {
    pub(crate) teams: bool,
    pub(crate) names: bool,
}

/// Why a place mention was dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// It stands for a team; the reason in words.
    Team(String),
    /// It is part of a longer name; the reason in words.
    InName(String),
    /// It is a person's surname (the reason in words: the given name or honorific before
    /// it, or the person the document named earlier).
    Person(String),
    /// A demonym that names a language (`performed in Swedish`, `Spanish-speaking`).
    Language(String),
}

/// Mentions each context rule decided in a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ContextDrops {
    /// Places standing for a team: a country's kept as a mention that links nothing
    /// ([`Mention::team`]), another's given to its team (or dropped when it has none).
    pub teams: usize,
    /// Places inside a longer name.
    pub in_names: usize,
    /// Places, companies and listed people whose name is another person's surname.
    pub surnames: usize,
    /// Demonyms that name a language.
    pub languages: usize,
}

impl ContextDrops {
    /// All of them.
    pub fn total(&self) -> usize {
        self.teams + self.in_names + self.surnames + self.languages
    }

    fn count(&mut self, v: &Verdict) {
        match v {
            Verdict::Team(_) => self.teams += 1,
            Verdict::InName(_) => self.in_names += 1,
            Verdict::Person(_) => self.surnames += 1,
            Verdict::Language(_) => self.languages += 1,
        }
    }
}

/// The document-wide facts the context rules use, gathered from the whole text or part by
/// part in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DocContext {
    /// Sports words in the document, each part's counted up to a sports story's.
    sports: u32,
    /// One-word place aliases (lower case) the document uses as a surname, with where
    /// first (in the document), sorted by alias.
    surnames: Vec<(String, usize)>,
}

impl DocContext {
    /// Adds what `text` (starting at byte `offset` of its document) tells: its `sports`
    /// words (as its scan counted them) and the place aliases it uses as surnames. `loud`
    /// are the candidates a glance did not settle (see [`survey`]), `others` every
    /// candidate span, both sorted.
    pub(crate) fn gather(
        &mut self,
        text: &str,
        offset: usize,
        sports: u32,
        loud: &[Loud],
        others: &[Span],
    ) {
        self.add_sports(sports);
        self.gather_surnames(text, offset, loud, others);
    }

    /// Adds `n` sports words (a part's, as its scan counted them).
    pub(crate) fn add_sports(&mut self, n: u32) {
        self.sports += n;
    }

    /// As [`DocContext::gather`], the surnames only.
    pub(crate) fn gather_surnames(
        &mut self,
        text: &str,
        offset: usize,
        loud: &[Loud],
        others: &[Span],
    ) {
        // A surname follows a capitalized word: the places with another lead are no
        // surnames.
        for l in loud.iter().filter(|l| l.place && l.lead == Lead::Other) {
            let p = l.span;
            if let Some(alias) = surname_alias(text, p, others) {
                let at = offset + p.start();
                match self
                    .surnames
                    .binary_search_by(|(a, _)| a.as_str().cmp(&alias))
                {
                    Ok(k) => self.surnames[k].1 = self.surnames[k].1.min(at),
                    Err(k) => self.surnames.insert(k, (alias, at)),
                }
            }
        }
    }

    /// Whether the document is a sports story.
    fn sporty(&self) -> bool {
        self.sports >= SPORTS_STORY
    }

    /// Whether the document uses no place as a surname (as far as gathered).
    pub(crate) fn surnames_empty(&self) -> bool {
        self.surnames.is_empty()
    }

    /// Where the document first uses `alias` as a surname.
    fn surname_at(&self, alias: &str) -> Option<usize> {
        self.surnames
            .binary_search_by(|(a, _)| a.as_str().cmp(alias))
            .ok()
            .map(|k| self.surnames[k].1)
    }
}

/// The ASCII whitespace of `split_whitespace` (U+0009 to U+000D and the space), for the
/// byte paths of [`GivenStart`].
fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The start of a listed person's given name, as the surname rule compares it with the
/// word before a bare surname: its first three characters in lower case (`vla` for
/// Vladimir Putin; `Vladmir Putin` is a spelling of him, `Naina Yeltsin` another person).
/// Three characters inline, no string a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GivenStart([char; 3]);

impl GivenStart {
    /// Whether a person labelled `label` has a given name the rule can compare: the label
    /// has two words or more.
    pub(crate) fn named(label: &str) -> bool {
        if label.is_ascii() {
            let space = |b: &u8| ascii_space(*b);
            let b = label.as_bytes();
            let start = b.iter().position(|c| !space(c)).unwrap_or(b.len());
            return b[start..]
                .iter()
                .skip_while(|c| !space(c))
                .any(|c| !space(c));
        }
        label.split_whitespace().nth(1).is_some()
    }

    /// The start of `label`'s first word, when `label` has two words or more.
    pub(crate) fn of_label(label: &str) -> Option<GivenStart> {
        if !GivenStart::named(label) {
            return None;
        }
        if label.is_ascii() {
            // A gazetteer's usual label: its first three letters by bytes.
            let first = label.trim_start();
            let chars = first
                .bytes()
                .take_while(|&b| !ascii_space(b))
                .map(|b| char::from(b.to_ascii_lowercase()));
            return Some(GivenStart::from_chars(chars));
        }
        let first = label.split_whitespace().next()?;
        // Lowering a character at a time is lowering the word, but for a final sigma.
        Some(if first.contains('Σ') {
            GivenStart::of_lower(&first.to_lowercase())
        } else {
            GivenStart::from_chars(first.chars().flat_map(char::to_lowercase))
        })
    }

    /// The start of `word`, already in lower case.
    pub(crate) fn of_lower(word: &str) -> GivenStart {
        GivenStart::from_chars(word.chars())
    }

    fn from_chars(chars: impl Iterator<Item = char>) -> GivenStart {
        let mut start = ['\0'; 3];
        for (slot, c) in start.iter_mut().zip(chars) {
            *slot = c;
        }
        GivenStart(start)
    }

    /// Its first character.
    pub(crate) fn first(self) -> char {
        self.0[0]
    }
}

/// The mentions' context, for [`judge`].
pub(crate) struct Scene<'a> {
    pub(crate) kinds: &'a [EntityClass],
    /// For each place, its team entity, if any.
    pub(crate) teams: &'a [Option<EntityId>],
    /// For each place, whether its team is a listed club.
    pub(crate) clubs: &'a [bool],
    pub(crate) text: &'a str,
    /// Where the text starts in its document.
    pub(crate) offset: usize,
    /// Every candidate span of the text, sorted (mentions and the spans dropped on the
    /// way: a word that matched something is not a plain word).
    pub(crate) others: &'a [Span],
    /// The candidates a glance did not settle, sorted (see [`survey`]).
    pub(crate) loud: &'a [Loud],
    pub(crate) rules: Rules,
    /// For each person with a name of several words, the start of its given name.
    pub(crate) given: &'a [Option<GivenStart>],
}

/// Decides every place mention of `mentions` by its context, counting each verdict in
/// `drops` (and, with `explain`, recording it with the mention's span): a country standing
/// for its team is kept and marked [`Mention::team`], another place standing for its team
/// becomes a mention of that team (see `Gazetteer::add_teams`); any other mention with a
/// verdict is dropped.
pub(crate) fn judge(
    scene: &Scene<'_>,
    ctx: &mut DocContext,
    mentions: &mut Vec<Mention>,
    drops: &mut ContextDrops,
    mut explain: Option<&mut Vec<(Span, Verdict)>>,
) {
    // Indices of the mentions to drop, and of those that stand for a team (no allocation
    // until the first).
    let mut dropped: Vec<usize> = Vec::new();
    let mut teams: Vec<usize> = Vec::new();
    // Only the mentions of loud candidates can have a verdict: walk those, alongside the
    // mentions (both sorted, no two with the same start).
    let mut i = 0;
    for l in scene.loud {
        while i < mentions.len() && mentions[i].span.start() < l.span.start() {
            i += 1;
        }
        let Some(m) = mentions.get(i).filter(|m| m.span == l.span) else {
            continue;
        };
        let class = scene.kinds.get(m.entity.index()).copied();
        if m.describes.is_some() {
            continue;
        }
        let v = match class {
            Some(EntityClass::Person) if scene.rules.names => other_person(scene, m, mentions),
            Some(EntityClass::Other) if scene.rules.names => firm_surname(scene, m),
            Some(c) if c.is_place() => read(scene, ctx, m, mentions),
            _ => None,
        };
        if let Some(v) = v {
            if matches!(v, Verdict::Team(_)) {
                teams.push(i);
            }
            apply(
                scene,
                mentions,
                i,
                v,
                drops,
                &mut dropped,
                explain.as_deref_mut(),
            );
        }
    }
    if !teams.is_empty() {
        listed_with_teams(scene, mentions, teams, drops, &mut dropped, explain);
        dropped.sort_unstable();
    }
    if !dropped.is_empty() {
        let mut k = 0;
        mentions.retain(|_| {
            k += 1;
            dropped.binary_search(&(k - 1)).is_err()
        });
    }
}

/// Carries out verdict `v` on mention `i`: counts it in `drops` and records it with
/// `explain`; a country standing for its team is kept and marked, another place becomes its
/// team (or is dropped when it has none, like any other verdict: `i` joins `dropped`).
fn apply(
    scene: &Scene<'_>,
    mentions: &mut [Mention],
    i: usize,
    v: Verdict,
    drops: &mut ContextDrops,
    dropped: &mut Vec<usize>,
    explain: Option<&mut Vec<(Span, Verdict)>>,
) {
    drops.count(&v);
    let m = &mut mentions[i];
    let class = scene.kinds.get(m.entity.index()).copied();
    let kept = match v {
        Verdict::Team(_) if class == Some(EntityClass::Country) => {
            m.team = true;
            true
        }
        Verdict::Team(_) => match scene.teams.get(m.entity.index()).copied().flatten() {
            Some(team) => {
                m.entity = team;
                true
            }
            None => false,
        },
        _ => false,
    };
    if let Some(x) = explain {
        x.push((m.span, v));
    }
    if !kept {
        dropped.push(i);
    }
}

/// A place listed with a team (`defeats by Wales, France and Ireland`: a comma, `and`, `or`
/// or `&` between them and nothing else; a comma after the list's last place ends it) is a
/// team too, along the whole list. `teams` are the mentions the rules made teams.
fn listed_with_teams(
    scene: &Scene<'_>,
    mentions: &mut [Mention],
    mut teams: Vec<usize>,
    drops: &mut ContextDrops,
    dropped: &mut Vec<usize>,
    mut explain: Option<&mut Vec<(Span, Verdict)>>,
) {
    let text = scene.text;
    let mut k = 0;
    while k < teams.len() {
        let i = teams[k];
        k += 1;
        for j in [i.wrapping_sub(1), i + 1] {
            let Some(n) = mentions.get(j) else {
                continue;
            };
            let place = scene
                .kinds
                .get(n.entity.index())
                .is_some_and(|c| c.is_place());
            let judged = teams.contains(&j) || dropped.contains(&j);
            // A list after a word that says where is of places (`in Milan and Turin`).
            let placed = || {
                word_before(text, n.span.start())
                    .is_some_and(|w| teams::WHERE.contains(&&*w.folded()))
            };
            if !place || judged || n.team || n.demonym || n.describes.is_some() || placed() {
                continue;
            }
            let (a, b) = if j < i { (j, i) } else { (i, j) };
            let joint =
                |a: usize, b: usize| &text[mentions[a].span.end()..mentions[b].span.start()];
            let closes = |s: &str| matches!(s, " and " | ", and " | " or " | " & ");
            // A comma after the last of a list (`..., France and Ireland, Italy rested`)
            // ends it.
            let ended = || a > 0 && closes(joint(a - 1, a));
            match joint(a, b) {
                ", " if !ended() => {}
                s if closes(s) => {}
                _ => continue,
            }
            let v = Verdict::Team(format!(
                "`{}` is listed with the team `{}`",
                &text[n.span.range()],
                &text[mentions[i].span.range()]
            ));
            teams.push(j);
            apply(
                scene,
                mentions,
                j,
                v,
                drops,
                dropped,
                explain.as_deref_mut(),
            );
        }
    }
}

/// The rules' verdict on the place `m`, reading the words around it: the few places a
/// glance did not settle. Kept out of line so that the loop over the mentions stays small.
#[inline(never)]
fn read(
    scene: &Scene<'_>,
    ctx: &mut DocContext,
    m: &Mention,
    mentions: &[Mention],
) -> Option<Verdict> {
    let (text, p) = (scene.text, m.span);
    let near = Near {
        before: word_before(text, p.start()),
        after: word_after(text, p.end()),
    };
    if m.demonym && scene.rules.names && language(text, p) {
        let written = &text[p.range()];
        return Some(Verdict::Language(format!(
            "`{written}` names a language here"
        )));
    }
    if scene.rules.teams && !m.demonym {
        if let Some(v) = team(scene, ctx, p, near) {
            return Some(Verdict::Team(v));
        }
        // A country only: a city in brackets may be a club or where the athlete is from.
        let country = scene.kinds.get(m.entity.index()) == Some(&EntityClass::Country);
        if let Some(v) = country.then(|| bracket_team(scene, ctx, p)).flatten() {
            return Some(Verdict::Team(v));
        }
        if scene.clubs.get(m.entity.index()).copied().unwrap_or(false) {
            if let Some(v) = teams::club_town(scene, ctx, p, near.before) {
                return Some(Verdict::Team(v));
            }
        }
    }
    if !scene.rules.names {
        return None;
    }
    // In a headline every word is capitalized: the capitals say nothing there. Asked only
    // of a place a name rule would drop.
    let v = in_name(scene, ctx, m, mentions, near)?;
    (!line_at(text, p.start()).is_some_and(headline)).then_some(v)
}

/// What the word before a place says at a glance, before any rule reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lead {
    /// Nothing a rule reads: no word, a lower-case word no rule looks for (`in`, `and`), a
    /// capitalized function word or a sentence's last word (see `capital_lead`).
    Quiet,
    /// A lower-case word a rule reads (`defeated`, `drew with`, `Bank of`).
    Cue,
    /// Any other word: capitalized (a given name, an honorific, the start of a longer
    /// name), a number, a word not in ASCII.
    Other,
}

/// The [`Lead`] of the place starting at byte `at` of `text`: a glance at the word before
/// it, and for the few words that depend on the word before them (`drew with`, `lost to`,
/// `Bank of`, `of the`), a look at the end of that one.
#[inline]
pub(crate) fn lead(text: &str, at: usize) -> Lead {
    /// The words before a place that a rule reads.
    const CUES: Shapes = Shapes::of(&[
        words::RESULT_BEFORE,
        &["of", "the", "with", "to", "by", "v", "vs"],
    ]);
    let w = match glance_before(text, at) {
        Glance::Nothing => return Lead::Quiet,
        Glance::Other => return capital_lead(text, at),
        Glance::Lower(w) => w,
    };
    let f = w.text.trim_end_matches('.');
    if !CUES.may_hold(f) {
        return Lead::Quiet;
    }
    // Whether the text before the word ends with `tail` (any case): a word the rules
    // compare that one with ends so.
    let earlier = || text[..w.start].trim_end_matches([' ', '\t']);
    let ends = |tail: &str| ends_with_any_case(earlier().trim_end_matches('.'), tail);
    let cue = match f {
        // An organization's head before `of` is capitalized.
        "of" => glance_before(text, w.start) == Glance::Other,
        "the" => earlier().ends_with("of"),
        "with" => ends("drew") || ends("draw"),
        "to" => ends("lost"),
        "by" => words::BEATEN.iter().any(|b| ends(b)),
        _ => lists(f) & BEFORE != 0 || matches!(f, "v" | "vs"),
    };
    if cue {
        Lead::Cue
    } else {
        Lead::Quiet
    }
}

/// The [`Lead`] of a place after a word a glance could not settle: quiet for a capitalized
/// function word other than `The` (`In Seoul`, `For Moscow`, `From Vladivostok`) and for a
/// word that ends its sentence and is no honorific (`Americans. Moscow`, but `Mr. Jordan`),
/// which no rule reads (a given name, the start of a longer name and an organization's head
/// are none of them; `of the` is read), else [`Lead::Other`].
#[inline(never)]
fn capital_lead(text: &str, at: usize) -> Lead {
    let Some(w) = word_before(text, at).filter(|w| w.capitalized()) else {
        return Lead::Other;
    };
    let quiet = !w.honorific() && {
        let f = w.folded();
        w.text.ends_with('.') || &*f != "the" && is_function_word(&f)
    };
    if quiet {
        Lead::Quiet
    } else {
        Lead::Other
    }
}

/// Whether no rule can have a verdict on a place whose [`Lead`] is quiet, ending at byte
/// `end`, as far as a glance at the word after it tells: none, or a lower-case word that is
/// no role, team word, result verb or `v`.
#[inline]
fn quiet_after(text: &str, end: usize) -> bool {
    match glance_after(text, end) {
        Glance::Nothing => true,
        Glance::Lower(w) => {
            /// The words after a place that a rule reads.
            const CUES: Shapes = Shapes::of(&[
                words::TEAM_ROLES,
                words::TEAM_WORDS,
                words::RESULT_AFTER,
                words::GAME_AFTER,
                &["v", "vs"],
            ]);
            !CUES.may_hold(w.text)
                || lists(w.text) & (ROLE | TEAM | AFTER) == 0 && !matches!(w.text, "v" | "vs")
        }
        Glance::Other => false,
    }
}

/// A candidate a glance at its neighbours did not settle: the rules read its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Loud {
    pub(crate) span: Span,
    /// The word before it, when it may be a place; [`Lead::Other`] for a person.
    pub(crate) lead: Lead,
    /// It may be a place.
    pub(crate) place: bool,
}

/// Whether the rules must read the words around the candidate at `span` of `text`, which
/// may be a place (`place`), a demonym the language rule reads (`demonym`), or a listed
/// person with a given name or a company (`person`): a place whose lead or following word
/// a rule reads, every place when `all_places` (the document uses a place as a surname,
/// which any later mention of it may be), a demonym that may name a language, a person or
/// company after a word that may be a given name. Asked of every candidate, so that an ordinary
/// mention (`in Moscow,`) costs a few byte comparisons and the rules read the rest.
#[inline]
pub(crate) fn survey(
    text: &str,
    span: Span,
    place: bool,
    person: bool,
    all_places: bool,
    demonym: bool,
) -> Option<Loud> {
    if place {
        let lead = lead(text, span.start());
        let loud = all_places
            || demonym && language(text, span)
            || lead != Lead::Quiet
            || !quiet_after(text, span.end())
            || bracketed(text, span).is_some()
            || possessive(text, span.end());
        return loud.then_some(Loud { span, lead, place });
    }
    // Only a one-word surname or given name can be another person's (a name with a space
    // is whole): after a capitalized word (`Cherie Blair`), or before one (`Robert Coles`).
    let bare = || !text.as_bytes()[span.range()].contains(&b' ');
    let beside = || {
        glance_before(text, span.start()) == Glance::Other
            || glance_after(text, span.end()) == Glance::Other
    };
    (person && bare() && beside()).then_some(Loud {
        span,
        lead: Lead::Other,
        place,
    })
}

/// The words next to a mention.
#[derive(Clone, Copy)]
struct Near<'t> {
    before: Option<Word<'t>>,
    after: Option<Word<'t>>,
}

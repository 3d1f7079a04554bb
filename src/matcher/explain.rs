//! Explanations: for each candidate match in a text, the alias that matched and the
//! [`Rule`] that accepted or rejected it, in words.
//!
//! Owns the trace the selection and sense rules fill when asked ([`Trace`], [`Outcome`]),
//! the automaton that shows the hits the boundary rule rejects (built once per matcher, on
//! first use, when the matcher scans with the word index), and the wording. Must not
//! decide anything itself: every verdict comes from the rules the plain scan applies.

use std::fmt;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use super::automaton::{automaton, scan_with};
use super::compile::{CaseCheck, PatternRecord};
use super::context::Verdict;
use super::engine::{Hit, Scan};
use super::select::{to_span, word_char_at, word_char_before};
use super::senses::Basis;

use super::{Explanation, Matcher, Scratch};
use crate::gazetteer::Gazetteer;
use crate::model::{EntityId, Mention, Span};
use crate::text::chars::is_word_char;
use crate::text::normalize::{normalize, normalize_into, OffsetMap};

/// The rule that decided a candidate match. Displays as the word the CLI prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Accepted: the alias names one entity (`match`).
    Match,
    /// Rejected: the hit lies inside a word, or runs across a blank line (`boundary`).
    Boundary,
    /// Rejected: the text's case does not fit the alias (`case`).
    Case,
    /// Rejected: a longer or earlier match covers it (`overlap`).
    Overlap,
    /// Rejected: an anchored alias whose entity the text never names otherwise
    /// (`anchoring`).
    Anchoring,
    /// A shared alias, resolved or dropped (`ambiguity`).
    Ambiguity,
    /// Rejected: the alias was set aside by the junk guard (`junk`).
    Junk,
    /// A place that stands for its team (`team`): a city's mention goes to its team, a
    /// country's links nothing.
    Team,
    /// Rejected: a place inside a longer name (`name`).
    Name,
    /// Rejected: a place used as a person's surname (`surname`).
    Surname,
    /// Rejected: a demonym that names a language (`language`).
    Language,
}

impl Rule {
    /// The rule's name: `match`, `boundary`, `case`, `overlap`, `anchoring`, `ambiguity`,
    /// `junk`, `team`, `name`, `surname` or `language`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Match => "match",
            Rule::Boundary => "boundary",
            Rule::Case => "case",
            Rule::Overlap => "overlap",
            Rule::Anchoring => "anchoring",
            Rule::Ambiguity => "ambiguity",
            Rule::Junk => "junk",
            Rule::Team => "team",
            Rule::Name => "name",
            Rule::Surname => "surname",
            Rule::Language => "language",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What happened to one raw hit, for [`Matcher::explain`].
#[derive(Debug, Clone)]
pub(crate) struct Trace {
    pub(crate) span: Span,
    pub(crate) pattern: u32,
    pub(crate) outcome: Outcome,
}

/// The verdict on one raw hit.
#[derive(Debug, Clone)]
pub(crate) enum Outcome {
    Boundary,
    /// The hit runs across a paragraph break.
    Paragraph,
    /// The hit runs across a spaced dash (`CRICKET - AUSTRALIA`).
    Dash,
    /// The hit is the first part of a contraction (`Don't`, `Won't`).
    Contraction,
    Case,
    /// Loses to the span of the match that covers it.
    Overlap(Span),
    Anchored(Vec<EntityId>),
    AnchoredAll(Vec<EntityId>),
    Ambiguous(Vec<EntityId>),
    Accepted {
        entity: EntityId,
        /// For a shared alias: every sense with its unambiguous mentions in the document.
        among: Vec<Tally>,
        /// For a shared alias: what decided.
        basis: Option<Basis>,
    },
}

/// A sense of a shared alias and its unambiguous mentions in the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tally {
    pub(crate) entity: EntityId,
    pub(crate) mentions: usize,
}

/// Records in `trace`, if any, that the hit `span` of `pattern` had `outcome` (made only
/// when tracing).
#[inline]
pub(crate) fn note(
    trace: Option<&mut Vec<Trace>>,
    span: Span,
    pattern: u32,
    outcome: impl FnOnce() -> Outcome,
) {
    if let Some(t) = trace {
        t.push(Trace {
            span,
            pattern,
            outcome: outcome(),
        });
    }
}

/// The automaton of a word-index matcher's patterns, built on the first explanation.
#[derive(Debug, Clone, Default)]
pub(crate) struct Explainer(OnceLock<Option<AhoCorasick>>);

impl Explainer {
    /// The automaton, if built yet (`Some(None)` when it could not be).
    #[cfg(test)]
    pub(crate) fn built(&self) -> Option<Option<&AhoCorasick>> {
        self.0.get().map(Option::as_ref)
    }
}

/// An automaton of the matcher's patterns, to show the hits inside words: the matcher's own,
/// or one built once from the word index's patterns (none if it cannot be built).
fn automaton_of(m: &Matcher) -> Option<&AhoCorasick> {
    match &m.scan {
        Scan::Automaton(ac) => Some(ac),
        Scan::Words(w) => m
            .explainer
            .0
            .get_or_init(|| automaton(&w.keys(), None).ok())
            .as_ref(),
    }
}

/// Scans `norm` as the matcher does, into `hits`, and records in `trace` the hits the
/// boundary rule rejects (the word index yields only the others, so an explanation scans
/// with an automaton of the same patterns).
pub(crate) fn scan_traced(
    m: &Matcher,
    norm: &str,
    map: &OffsetMap,
    hits: &mut Vec<Hit>,
    trace: &mut Vec<Trace>,
) {
    match automaton_of(m) {
        Some(ac) => scan_with(ac, norm, hits, |s, e, pattern| {
            // A sports word that is no alias is counted, never explained.
            if !m.sports.only(pattern) {
                trace.push(Trace {
                    span: to_span(map, s, e),
                    pattern,
                    outcome: Outcome::Boundary,
                })
            }
        }),
        None => m.scan.scan(norm, hits),
    }
}

/// Names entities as `label (id)`.
struct Names<'g>(&'g Gazetteer);

impl Names<'_> {
    fn one(&self, e: EntityId) -> String {
        let ent = self.0.entity(e);
        format!("{} ({})", ent.label, ent.id)
    }

    fn all(&self, es: &[EntityId]) -> String {
        es.iter()
            .map(|&e| self.one(e))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The alias of `r` as written.
    fn written(&self, r: &PatternRecord) -> &str {
        &self.0.entity(r.entity).aliases[r.alias as usize].text
    }
}

/// See [`Matcher::explain`].
pub(crate) fn explain(m: &Matcher, gazetteer: &Gazetteer, text: &str) -> Vec<Explanation> {
    let mut trace = Vec::new();
    let mut scratch = Scratch::default();
    let candidates = m.candidates(text, &mut scratch, Some(&mut trace));
    let (found, judged) = m.decide(text, 0, candidates, None, &mut scratch, Some(&mut trace));
    let names = Names(gazetteer);
    let mut out: Vec<Explanation> = trace
        .into_iter()
        .map(|t| {
            let (span, matched) = (t.span, &text[t.span.range()]);
            let (accepted, rule, reason) = verdict(&names, text, m.records(t.pattern), t);
            let describes = found
                .mentions
                .iter()
                .find(|x| x.span == span)
                .and_then(|x| x.describes);
            let reason = match describes {
                Some(p) if accepted => format!(
                    "{reason}; it introduces {}, so it describes that person and is not linked",
                    names.one(p)
                ),
                _ => reason,
            };
            // The context rules decide after the others.
            let judged = judged.iter().find(|(s, _)| *s == span).filter(|_| accepted);
            let (accepted, rule, reason) = match judged {
                Some((_, v)) => context_reason(&names, &found.mentions, span, v, reason),
                None => (accepted, rule, reason),
            };
            Explanation {
                span,
                text: matched.to_string(),
                accepted,
                rule,
                reason,
            }
        })
        .collect();
    set_aside(m, &names, text, &mut out);
    out.sort_by(|a, b| {
        (
            a.span.start(),
            std::cmp::Reverse(a.span.end()),
            a.rule.as_str(),
        )
            .cmp(&(
                b.span.start(),
                std::cmp::Reverse(b.span.end()),
                b.rule.as_str(),
            ))
    });
    out
}

/// A context verdict on an accepted hit, in words: whether the mention is kept (as a team),
/// the rule, and the reason after the one the hit was accepted for.
fn context_reason(
    names: &Names<'_>,
    mentions: &[Mention],
    span: Span,
    verdict: &Verdict,
    accepted_for: String,
) -> (bool, Rule, String) {
    let kept = mentions.iter().find(|x| x.span == span);
    match verdict {
        Verdict::Team(why) => match kept {
            Some(x) if x.team => (true, Rule::Team, format!(
                "{accepted_for}; {why}: it stands for the national team, so it counts as a mention of the country but is not linked (--no-team-rule keeps it a place)"
            )),
            Some(x) => (true, Rule::Team, format!(
                "{accepted_for}; {why}: it stands for {} (--no-team-rule keeps it a place)",
                names.one(x.entity)
            )),
            None => (false, Rule::Team, format!(
                "{accepted_for}; {why}: it stands for a team the gazetteer does not have, so it is dropped (--no-team-rule keeps it a place)"
            )),
        },
        Verdict::InName(why) => (false, Rule::Name, format!(
            "{accepted_for}; but {why}, so it is dropped (--no-name-rule keeps it)"
        )),
        Verdict::Person(why) => (false, Rule::Surname, format!(
            "{accepted_for}; but {why}, so it is dropped (--no-name-rule keeps it)"
        )),
        Verdict::Language(why) => (false, Rule::Language, format!(
            "{accepted_for}; but {why}, so it is dropped (--no-name-rule keeps it)"
        )),
    }
}

/// Whether the hit was accepted, by which rule, and why, in words; `recs` are the records
/// of its pattern.
fn verdict(
    names: &Names<'_>,
    text: &str,
    recs: &[PatternRecord],
    t: Trace,
) -> (bool, Rule, String) {
    let alias = recs.first().map_or("", |r| names.written(r));
    let matched = &text[t.span.range()];
    match t.outcome {
        Outcome::Boundary => {
            let (ws, we) = word_around(text, t.span);
            (false, Rule::Boundary, format!(
                "alias `{alias}` of {} lies inside the word `{}`: matches must start and end at a word boundary",
                names.all(&recs.iter().map(|r| r.entity).collect::<Vec<_>>()), &text[ws..we]
            ))
        }
        Outcome::Paragraph => (false, Rule::Boundary, format!(
            "alias `{alias}` of {} would run across a paragraph break: a name never spans a blank line",
            names.all(&recs.iter().map(|r| r.entity).collect::<Vec<_>>())
        )),
        Outcome::Dash => (false, Rule::Boundary, format!(
            "alias `{alias}` of {} would run across a spaced dash: ` - ` separates phrases (`CRICKET - AUSTRALIA`), a hyphen joins words",
            names.all(&recs.iter().map(|r| r.entity).collect::<Vec<_>>())
        )),
        Outcome::Contraction => (false, Rule::Boundary, format!(
            "alias `{alias}` of {} is the first part of the contraction `{matched}'t`: a word with `'t` after it is a verb (`Don't`, `Won't`)",
            names.all(&recs.iter().map(|r| r.entity).collect::<Vec<_>>())
        )),
        Outcome::Case => {
            let r = &recs[0];
            let why = match r.check {
                CaseCheck::Exact => format!("alias `{}` must match exactly (an all-caps acronym, or exact case policy)", names.written(r)),
                _ if matched.chars().count() <= 2 => format!("alias `{}` is a two-letter name, and the text `{matched}` is not written as it is (`XI` is no `Xi`)", names.written(r)),
                _ => format!("alias `{}` starts upper-case and the text `{matched}` starts lower-case", names.written(r)),
            };
            (false, Rule::Case, format!("{why} (entity {})", names.one(r.entity)))
        }
        Outcome::Overlap(w) => (false, Rule::Overlap, format!(
            "alias `{alias}` overlaps the longer or earlier match `{}` at {}..{} (leftmost-longest, no overlaps)",
            &text[w.range()], w.start(), w.end()
        )),
        Outcome::Anchored(es) => (false, Rule::Anchoring, format!(
            "alias `{alias}` is anchored for {}, and the text never names it by another alias",
            names.all(&es)
        )),
        Outcome::AnchoredAll(es) => (false, Rule::Anchoring, format!(
            "alias `{alias}` is anchored for each of {}, and the text names none of them otherwise",
            names.all(&es)
        )),
        Outcome::Ambiguous(es) => (false, Rule::Ambiguity, format!(
            "alias `{alias}` is shared by {}; the text names none of them unambiguously and none is the alias' default sense",
            names.all(&es)
        )),
        Outcome::Accepted { entity, basis: Some(b @ (Basis::Title | Basis::CompanyWords)), .. } => {
            let why = if b == Basis::Title {
                "the title before it fits the person's office"
            } else {
                "company words stand next to it (a legal form such as Inc or plc, shares, stock)"
            };
            (true, Rule::Anchoring, format!(
                "alias `{alias}` is anchored and the text never names {} otherwise, but {why}",
                names.one(entity)
            ))
        }
        Outcome::Accepted { entity, among, .. } if among.is_empty() => {
            (true, Rule::Match, format!("alias `{alias}` of {}", names.one(entity)))
        }
        Outcome::Accepted { entity, basis: Some(b @ (Basis::State | Basis::Company | Basis::Country)), .. } => {
            let why = match b {
                Basis::State => "a state's office or body follows the name",
                Basis::Company => "company words stand next to the name (shares, stock, a company suffix)",
                _ => "the text names no sense unambiguously, and names the country of this one only",
            };
            (true, Rule::Ambiguity, format!(
                "alias `{alias}` is shared; resolved to {}: {why}",
                names.one(entity)
            ))
        }
        Outcome::Accepted { entity, among, .. } => {
            let mut counts: Vec<String> = among
                .iter()
                .filter(|t| t.mentions > 0)
                .map(|t| format!("{} {}", names.0.entity(t.entity).label, t.mentions))
                .collect();
            let unnamed = among.iter().filter(|t| t.mentions == 0).count();
            if unnamed > 0 {
                counts.push(format!("{unnamed} other{} not named", if unnamed == 1 { "" } else { "s" }));
            }
            (true, Rule::Ambiguity, format!(
                "alias `{alias}` is shared; resolved to {} by the unambiguous mentions in the text ({}; ties go to the nearest preceding, then the default sense)",
                names.one(entity), counts.join(", ")
            ))
        }
    }
}

/// Adds to `out` the occurrences in `text` of the aliases set aside at build time: they
/// never reach the engine, so they are found by word.
fn set_aside(m: &Matcher, names: &Names<'_>, text: &str, out: &mut Vec<Explanation>) {
    let (mut folded, mut map) = (String::new(), OffsetMap::default());
    normalize_into(text, true, &mut folded, &mut map);
    for sa in &m.stats.set_aside {
        let key = normalize(&sa.alias, true);
        for (i, _) in folded.match_indices(&key) {
            if word_char_before(&folded, i) || word_char_at(&folded, i + key.len()) {
                continue;
            }
            let span = Span::new(map.to_original(i), map.to_original(i + key.len()));
            out.push(Explanation {
                span,
                text: text[span.range()].to_string(),
                accepted: false,
                rule: Rule::Junk,
                reason: format!(
                    "alias `{}` of {} was set aside when the gazetteers loaded: it is {} (mark it `!` to force it)",
                    sa.alias, names.one(sa.entity), sa.reason
                ),
            });
        }
    }
}

/// The word of `text` around `span` (extended while word chars go on).
fn word_around(text: &str, span: Span) -> (usize, usize) {
    let start = text[..span.start()]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(span.start(), |(i, _)| i);
    let end = text[span.end()..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| span.end() + i);
    (start, end)
}

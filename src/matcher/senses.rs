//! Senses: which entity a selected span stands for, decided per document. Applies
//! anchoring (an anchored alias counts only where the entity is named otherwise) and
//! resolves aliases shared by several entities: by a state's office or company words next
//! to the name, by the document's unambiguous mentions, by the country the document names,
//! then by the declared default sense.
//!
//! Owns [`Sense`], the per-document [`Sightings`], the gazetteer's [`Hints`] and the choice
//! among senses. Must not
//! touch the scan, the case or overlap rules, or descriptions.

use std::cmp::Reverse;

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use super::compile::PatternRecord;
use super::explain::{note, Outcome, Tally, Trace};
use super::DocMatches;
use crate::model::{EntityId, Mention, Span};
use crate::segment::has_paragraph_break;
use crate::text::words::ends_with_any_case;

/// One entity a span may refer to, merged over the records of that entity behind the
/// span's pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sense {
    pub(crate) entity: EntityId,
    /// Every record of the entity is anchored.
    pub(crate) anchored: bool,
    /// Every record of the entity is a demonym.
    pub(crate) demonym: bool,
    /// Some record of the entity declares it the alias' default sense.
    pub(crate) default_sense: bool,
    /// What the context rules watch in the entity's candidates.
    pub(crate) watch: super::Watch,
}

/// Most spans have one sense: keep it inline.
pub(crate) type Senses = SmallVec<[Sense; 2]>;

/// Adds record `r` to `senses`: a new sense, or merged into its entity's. Several records
/// of one entity: any non-anchored, non-demonym one wins.
#[inline]
pub(crate) fn add(senses: &mut Senses, r: &PatternRecord) {
    match senses.iter_mut().find(|s| s.entity == r.entity) {
        Some(s) => {
            s.anchored &= r.anchored;
            s.demonym &= r.demonym;
            s.default_sense |= r.default_sense;
        }
        None => senses.push(Sense {
            entity: r.entity,
            anchored: r.anchored,
            demonym: r.demonym,
            default_sense: r.default_sense,
            watch: r.watch,
        }),
    }
}

/// One selected span and the entities it may refer to.
pub(crate) struct Candidate {
    pub(crate) span: Span,
    pub(crate) pattern: u32,
    /// One per entity.
    pub(crate) senses: Senses,
}

/// An unambiguous, non-anchored mention of an entity: where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Sighting {
    pub(crate) entity: EntityId,
    pub(crate) at: usize,
}

/// Positions of the unambiguous, non-anchored mentions of each entity in one document,
/// sorted by (entity, position): one allocation per document, not one per entity.
pub(crate) struct Sightings(Vec<Sighting>);

impl Sightings {
    /// The evidence among `candidates`.
    pub(crate) fn of(candidates: &[Candidate]) -> Sightings {
        let mut sightings: Vec<Sighting> = candidates
            .iter()
            .filter_map(|c| match c.senses[..] {
                [Sense {
                    entity,
                    anchored: false,
                    ..
                }] => Some(Sighting {
                    entity,
                    at: c.span.start(),
                }),
                _ => None,
            })
            .collect();
        sightings.sort_unstable();
        Sightings(sightings)
    }

    fn positions(&self, e: EntityId) -> &[Sighting] {
        // One search for the start; an entity's sightings are few, so its end is near.
        let lo = self.0.partition_point(|x| x.entity < e);
        let n = self.0[lo..].iter().take_while(|x| x.entity == e).count();
        &self.0[lo..lo + n]
    }

    fn count(&self, e: EntityId) -> usize {
        self.positions(e).len()
    }
}

/// The evidence of a whole document that is matched in parts (see
/// [`super::Matcher::gather`]): for each entity named unambiguously and without an anchor,
/// how often and where first. Filled part by part, in text order, by a first pass.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocEvidence {
    seen: FxHashMap<EntityId, Seen>,
    /// What the context rules need from the whole document.
    pub(crate) context: super::context::DocContext,
}

/// One entity's evidence in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seen {
    count: usize,
    /// Byte offset of the first sighting in the document.
    first: usize,
}

impl DocEvidence {
    /// Adds the sightings of the part at byte `offset`; parts come in text order.
    pub(crate) fn add(&mut self, part: &Sightings, offset: usize) {
        for group in part.0.chunk_by(|a, b| a.entity == b.entity) {
            let s = self.seen.entry(group[0].entity).or_insert(Seen {
                count: 0,
                first: offset + group[0].at,
            });
            s.count += group.len();
        }
    }

    /// Entities with evidence.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// Whether no entity has evidence.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

/// What the sense rules consult: the document's sightings, or for one part of a long
/// document, the part's sightings (for local context, which never crosses a part's
/// paragraph breaks) and the whole document's counts and first sightings.
pub(crate) struct Evidence<'a> {
    local: Sightings,
    whole: Option<&'a DocEvidence>,
}

impl Evidence<'_> {
    /// How often `e` is named unambiguously in the document.
    fn count(&self, e: EntityId) -> usize {
        match self.whole {
            Some(w) => w.seen.get(&e).map_or(0, |s| s.count),
            None => self.local.count(e),
        }
    }

    /// Where `e` is first named unambiguously (in the text's coordinates, or the
    /// document's for a part); only asked for entities with evidence.
    fn first(&self, e: EntityId) -> usize {
        match self.whole {
            Some(w) => w.seen.get(&e).map_or(usize::MAX, |s| s.first),
            None => self.local.positions(e).first().map_or(usize::MAX, |s| s.at),
        }
    }

    /// The last unambiguous mention of `e` before `at` in the text.
    fn preceding(&self, e: EntityId, at: usize) -> Option<usize> {
        let p = self.local.positions(e);
        let k = p.partition_point(|s| s.at < at);
        k.checked_sub(1).map(|k| p[k].at)
    }
}

/// What the gazetteer says of each entity that helps choose among senses: the country it
/// lies in (its `country` attribute, when listed) and whether it is a state or province
/// (`kind=state`, `kind=province`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Hints {
    pub(crate) country: Vec<Option<EntityId>>,
    pub(crate) state: Vec<bool>,
    /// The entity is an organization.
    pub(crate) org: Vec<bool>,
    /// The entity is an organization that may have shares: its `kind`, if it has one, says
    /// a business (not a party, a ministry, a sports body).
    pub(crate) company: Vec<bool>,
    /// A person's `office` attribute, lower case (`president of the united states
    /// 1993-2001`): a title before an anchored name that fits it says the person.
    pub(crate) office: Vec<Option<Box<str>>>,
}

impl Hints {
    fn country(&self, e: EntityId) -> Option<EntityId> {
        self.country.get(e.index()).copied().flatten()
    }

    fn is_state(&self, e: EntityId) -> bool {
        self.state.get(e.index()).copied().unwrap_or(false)
    }

    fn is_org(&self, e: EntityId) -> bool {
        self.org.get(e.index()).copied().unwrap_or(false)
    }

    fn is_company(&self, e: EntityId) -> bool {
        self.company.get(e.index()).copied().unwrap_or(false)
    }

    fn office(&self, e: EntityId) -> Option<&str> {
        self.office.get(e.index())?.as_deref()
    }
}

/// Titles that may stand right before a name, and the word an office spells them with.
const TITLES: &[(&str, &str)] = &[
    ("President", "president"),
    ("Minister", "minister"),
    ("Premier", "premier"),
    ("Chancellor", "chancellor"),
    ("Secretary", "secretary"),
    ("Senator", "senator"),
    ("Sen.", "senator"),
    ("Governor", "governor"),
    ("Gov.", "governor"),
    ("King", "king"),
    ("Queen", "queen"),
    ("Prince", "prince"),
    ("Pope", "pope"),
    ("Speaker", "speaker"),
    ("Mayor", "mayor"),
    ("Chairman", "chairman"),
    ("General", "general"),
    ("Gen.", "general"),
    ("Ambassador", "ambassador"),
    ("Emperor", "emperor"),
    ("Commissioner", "commissioner"),
    ("Governor-General", "governor-general"),
];

/// The title that ends `before` (the text before a name, `...said President `), as
/// offices spell it (`president`).
fn title_before(before: &str) -> Option<&'static str> {
    let before = before.strip_suffix(' ')?;
    TITLES.iter().find_map(|&(title, word)| {
        let head = before.strip_suffix(title)?;
        let whole = !head.ends_with(|c: char| c.is_alphanumeric() || c == '-');
        whole.then_some(word)
    })
}

/// Whether `office` (lower case) has `word` as a whole word.
fn office_has(office: &str, word: &str) -> bool {
    office
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| w == word)
}

/// Legal forms that may follow a company's name (`Sony Corp`, `Hyundai Motor Co Ltd`,
/// `Nestlé SA`), longest first where one begins another.
const LEGAL_FORMS: &[&str] = &[
    "Corporation",
    "Corp.",
    "Corp",
    "Incorporated",
    "Inc.",
    "Inc",
    "Co.",
    "Co",
    "Limited",
    "Ltd.",
    "Ltd",
    "plc",
    "PLC",
    "Plc",
    "AG",
    "S.A.",
    "SA",
    "N.V.",
    "NV",
    "SE",
    "S.p.A.",
    "SpA",
    "GmbH",
    "LLC",
    "LLP",
    "K.K.",
    "KK",
    "Bhd",
    "Pty",
    "ASA",
    "AB",
    "Oyj",
];

/// Whether the last word of `name` is a legal form (`Apic Yamada Corp`, `Norwest Corp.`):
/// a quick test before [`legal_form_cuts`].
pub(crate) fn ends_in_legal_form(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|last| LEGAL_FORMS.contains(&last))
}

/// The end of the legal forms right after an organization's name ending at `end`
/// (`Samsung Electronics Co Ltd` → after `Ltd`), or `end` when none follows.
pub(crate) fn legal_form_end(text: &str, end: usize) -> usize {
    // Most names are followed by a lower-case word or punctuation: one byte says so.
    let next = |at: usize| -> Option<u8> {
        let b = text.as_bytes();
        match b.get(at)? {
            b' ' => b.get(at + 1).copied(),
            b',' if b.get(at + 1) == Some(&b' ') => b.get(at + 2).copied(),
            _ => None,
        }
    };
    if !next(end).is_some_and(|c| c.is_ascii_uppercase() || c == b'p') {
        return abbreviation_dot(text, end);
    }
    let mut at = end;
    loop {
        let rest = &text[at..];
        let (skip, rest) = match rest.strip_prefix(", ") {
            // `Apple, Inc.`: a comma only before the first form.
            Some(r) if at == end => (2, r),
            _ => match rest.strip_prefix(' ') {
                Some(r) => (1, r),
                None => return at,
            },
        };
        let form = LEGAL_FORMS.iter().find(|f| {
            rest.starts_with(**f)
                && !rest[f.len()..]
                    .starts_with(|c: char| c.is_alphanumeric() || c == '\'' || c == '-')
                && !(f.ends_with('.') && rest[f.len()..].starts_with(|c: char| c.is_alphabetic()))
        });
        match form {
            // `Co` alone ends a name only before another form or a non-letter:
            // `Hyundai Motor Co said` yes, `Ford Co-operative` no (the `-` above).
            Some(f) => at += skip + f.len(),
            None => return at,
        }
    }
}

/// `end`, or one byte further when the name ending there ends in a legal form that is an
/// abbreviation and its full stop follows (`Norwest Corp.`, `Barnett Banks Inc.`).
fn abbreviation_dot(text: &str, end: usize) -> usize {
    let dotted = text.as_bytes().get(end) == Some(&b'.')
        && LEGAL_FORMS.iter().any(|f| {
            f.strip_suffix('.').is_some_and(|bare| {
                !bare.contains('.')
                    && text[..end].ends_with(bare)
                    && text[..end - bare.len()].ends_with(' ')
            })
        });
    end + usize::from(dotted)
}

/// `mention` without the legal forms a matched organization's name took after it (`Sony
/// Corp` → `Sony`; see the matcher's legal-form rule); as it is when none ends it.
///
/// # Examples
/// ```
/// assert_eq!(entgraph::matcher::without_legal_form("Samsung Electronics Co Ltd"), "Samsung Electronics");
/// assert_eq!(entgraph::matcher::without_legal_form("Apple, Inc."), "Apple");
/// assert_eq!(entgraph::matcher::without_legal_form("Bank of Korea"), "Bank of Korea");
/// ```
pub fn without_legal_form(mention: &str) -> &str {
    legal_form_cuts(mention).next().unwrap_or(mention)
}

/// Every way to read `mention` as a name followed by legal forms only (`Finance Corp Inc.`
/// → `Finance`, `Finance Corp`), shortest name first; a name that ends in an abbreviated
/// form is also read without its full stop (`Norwest Corp.` → `Norwest`, `Norwest Corp`).
pub fn legal_form_cuts(mention: &str) -> impl Iterator<Item = &str> {
    let b = mention.as_bytes();
    let undotted = b
        .len()
        .checked_sub(1)
        .filter(|&i| b[i] == b'.' && abbreviation_dot(mention, i) == b.len());
    (1..b.len())
        .filter(move |&i| b[i] == b' ' || b[i] == b',')
        .filter(move |&i| legal_form_end(mention, i) == mention.len())
        .chain(undotted)
        .map(move |i| &mention[..i])
}

/// Why an anchored alias counts although the document never names its entity otherwise:
/// a title before it that fits the person's office (`President Clinton`), or company
/// words around an organization's (`Target Corp`, `shares in Shell`).
fn anchor_cue(text: &str, span: Span, e: EntityId, hints: &Hints) -> Option<Basis> {
    let before = &text[..span.start()];
    if let Some(office) = hints.office(e) {
        if title_before(before).is_some_and(|t| office_has(office, t)) {
            return Some(Basis::Title);
        }
    }
    if hints.is_company(e) && company_cue(before, &text[span.end()..]) {
        return Some(Basis::CompanyWords);
    }
    None
}

/// Whether the words around a name say a company: `shares in`/`shares of`/`stake in` before
/// it, `shares`, `stock` or a company suffix after it.
///
/// A name that ends a longer one is not the company these words speak of (`Baoshan Iron
/// and Steel Co.` says nothing of a `Steel`).
fn company_cue(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    let lead = ["shares in", "shares of", "stake in"]
        .iter()
        .any(|cue| ends_with_any_case(before, cue));
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    let inside = last.starts_with(char::is_uppercase) || matches!(last, "and" | "&" | "of");
    let follow = ["shares", "stock", "Inc", "Corp", "Ltd", "plc", "PLC", "Co."];
    lead || (!inside && next_words(after, &follow, false))
}

/// Whether `after`, the text after a place name, opens a state's office or body: `State`,
/// `Governor`, `Attorney General`, `Legislature` (any case).
fn state_cue(after: &str) -> bool {
    next_words(
        after,
        &["state", "governor", "attorney general", "legislature"],
        true,
    )
}

/// Whether `after` is a space and then one of `words`, whole (ASCII case ignored when
/// `any_case`).
fn next_words(after: &str, words: &[&str], any_case: bool) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    words.iter().any(|w| {
        let head = rest.get(..w.len());
        let fits = head.is_some_and(|h| {
            if any_case {
                h.eq_ignore_ascii_case(w)
            } else {
                h == *w
            }
        });
        fits && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// What decided among the senses of a shared alias.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Basis {
    /// The document's unambiguous mentions (ties: the nearest preceding, then the first).
    Evidence,
    /// A state's office or body after the name (`New York Attorney General`).
    State,
    /// Company words around the name (`shares in Texas Gas`, `Apple shares`).
    Company,
    /// The only sense whose country the document names (Valencia in a story about Spain).
    Country,
    /// The declared default sense.
    Default,
    /// An anchored name kept by a title before it that fits the person's office
    /// (`President Clinton`).
    Title,
    /// An anchored name kept by company words around it (`Target Corp`, `shares in Shell`).
    CompanyWords,
}

/// The sense chosen for a span.
struct Choice {
    /// How, for a shared alias.
    basis: Option<Basis>,
    entity: EntityId,
    demonym: bool,
    /// The alias is shared: the choice was made among several senses.
    resolved: bool,
}

/// Applies anchoring and per-document ambiguity resolution. `whole`: the evidence of the
/// whole document when `text` is one part of it (cut at a paragraph break), else the text
/// is the document. With `trace`, every candidate is recorded with its outcome.
pub(crate) fn resolve_senses(
    text: &str,
    candidates: Vec<Candidate>,
    whole: Option<&DocEvidence>,
    hints: &Hints,
    mut trace: Option<&mut Vec<Trace>>,
) -> DocMatches {
    // The evidence is consulted only for anchored or shared aliases: a document without
    // any (most, with many gazetteers) is spared gathering and sorting it.
    let consulted = candidates
        .iter()
        .any(|c| c.senses.len() != 1 || c.senses.iter().any(|s| s.anchored));
    let evidence = Evidence {
        local: if consulted {
            Sightings::of(&candidates)
        } else {
            Sightings(Vec::new())
        },
        whole,
    };
    // Entities whose anchored name a cue keeps somewhere in the text (`President
    // Clinton`, `shares in Shell`): the text names them, and their name alone counts
    // elsewhere in it too (`... Clinton said`) where nothing else does. Worked out when a
    // mention first asks.
    let mut cued: Option<Vec<EntityId>> = None;
    let cued_in = |candidates: &[Candidate]| {
        let mut cued: Vec<EntityId> = Vec::new();
        for c in candidates {
            for s in c.senses.iter().filter(|s| s.anchored) {
                if !cued.contains(&s.entity)
                    && evidence.count(s.entity) == 0
                    && anchor_cue(text, c.span, s.entity, hints).is_some()
                {
                    cued.push(s.entity);
                }
            }
        }
        cued
    };
    let mut out = DocMatches::default();
    out.mentions.reserve(candidates.len());
    // The end of the last mention, which a legal form may carry past later candidates.
    let mut covered = 0;
    for c in &candidates {
        if c.span.start() < covered {
            continue;
        }
        // Anchored senses need the entity named otherwise in the document, or a cue.
        let mut cue = None;
        let live: Senses = c
            .senses
            .iter()
            .copied()
            .filter(|s| {
                if !s.anchored || evidence.count(s.entity) > 0 {
                    return true;
                }
                let found = anchor_cue(text, c.span, s.entity, hints);
                cue = cue.or(found);
                found.is_some()
            })
            .collect();
        // Else the entities a cue keeps elsewhere in the text.
        let live: Senses = if live.is_empty() && consulted {
            let cued = cued.get_or_insert_with(|| cued_in(&candidates));
            c.senses
                .iter()
                .copied()
                .filter(|s| cued.contains(&s.entity))
                .collect()
        } else {
            live
        };
        let all = || -> Vec<EntityId> { c.senses.iter().map(|s| s.entity).collect() };
        let chosen = match live[..] {
            [] => {
                let single = c.senses.len() == 1;
                if single {
                    out.anchored_dropped += 1;
                } else {
                    out.ambiguous_dropped += 1;
                }
                note(trace.as_deref_mut(), c.span, c.pattern, || {
                    if single {
                        Outcome::Anchored(all())
                    } else {
                        Outcome::AnchoredAll(all())
                    }
                });
                continue;
            }
            [s] => Some(Choice {
                basis: cue.filter(|_| s.anchored && evidence.count(s.entity) == 0),
                entity: s.entity,
                demonym: s.demonym,
                resolved: c.senses.len() > 1,
            }),
            _ => pick(text, &live, &evidence, hints, c.span).map(|(s, basis)| Choice {
                basis: Some(basis),
                entity: s.entity,
                demonym: s.demonym,
                resolved: true,
            }),
        };
        let Some(choice) = chosen else {
            out.ambiguous_dropped += 1;
            note(trace.as_deref_mut(), c.span, c.pattern, || {
                Outcome::Ambiguous(all())
            });
            continue;
        };
        note(trace.as_deref_mut(), c.span, c.pattern, || {
            let among = if choice.resolved {
                let tally = |&entity: &EntityId| Tally {
                    entity,
                    mentions: evidence.count(entity),
                };
                all().iter().map(tally).collect()
            } else {
                Vec::new()
            };
            Outcome::Accepted {
                entity: choice.entity,
                among,
                basis: choice.basis,
            }
        });
        match choice.basis {
            Some(Basis::State) => out.cues.state += 1,
            Some(Basis::Company) => out.cues.company += 1,
            Some(Basis::Country) => out.cues.country += 1,
            Some(Basis::Title) => out.cues.title += 1,
            Some(Basis::CompanyWords) => out.cues.company_words += 1,
            _ => {}
        }
        // An organization's name takes the legal form after it (`Sony Corp`).
        let span = if hints.is_org(choice.entity) {
            Span::new(c.span.start(), legal_form_end(text, c.span.end()))
        } else {
            c.span
        };
        covered = span.end();
        out.mentions.push(Mention {
            span,
            entity: choice.entity,
            demonym: choice.demonym,
            resolved: choice.resolved,
            describes: None,
            team: false,
        });
    }
    out
}

/// Picks among several senses: the one with the most evidence in the document. Without any,
/// the only one whose `country` the document names, else the declared default. A tie goes
/// to the nearest preceding evidence when it is in the same paragraph (local context: "Kim
/// Il Sung founded the state. Kim ruled..."), and otherwise to the sense the document
/// introduced first (its subject: a `Kim` after a paragraph about the father still means
/// the son the article is about). Without evidence, the declared default sense.
fn pick(
    text: &str,
    senses: &[Sense],
    evidence: &Evidence,
    hints: &Hints,
    span: Span,
) -> Option<(Sense, Basis)> {
    let at = span.start();
    // A state's office or body after the name says the state (`New York Attorney General`,
    // `New York State`), whatever the evidence.
    if state_cue(&text[span.end()..]) {
        let states: Vec<_> = senses.iter().filter(|s| hints.is_state(s.entity)).collect();
        if let [only] = states[..] {
            return Some((*only, Basis::State));
        }
    }
    // A company's shares or suffix say the company (`shares in Texas Gas`, `Apple shares`).
    if company_cue(&text[..span.start()], &text[span.end()..]) {
        let orgs: Vec<_> = senses
            .iter()
            .filter(|s| hints.is_company(s.entity))
            .collect();
        if let [only] = orgs[..] {
            return Some((*only, Basis::Company));
        }
    }
    let count = |e: EntityId| evidence.count(e);
    let counts: SmallVec<[usize; 4]> = senses.iter().map(|s| count(s.entity)).collect();
    let best = counts.iter().copied().max().unwrap_or(0);
    if best == 0 {
        // No sense is named otherwise: the one whose country the document names (Valencia
        // in a story about Spain), then the declared default sense.
        let country_named = |s: &&Sense| hints.country(s.entity).is_some_and(|c| count(c) > 0);
        let local: Vec<_> = senses.iter().filter(country_named).collect();
        if let [only] = local[..] {
            return Some((*only, Basis::Country));
        }
        let defaults: Vec<_> = senses.iter().filter(|s| s.default_sense).collect();
        return match defaults[..] {
            [d] => Some((*d, Basis::Default)),
            _ => None,
        };
    }
    let tied: Senses = senses
        .iter()
        .zip(&counts)
        .filter(|&(_, &n)| n == best)
        .map(|(s, _)| *s)
        .collect();
    if let [only] = tied[..] {
        return Some((only, Basis::Evidence));
    }
    let nearest = tied
        .iter()
        .filter_map(|s| evidence.preceding(s.entity, at).map(|p| (p, s)))
        .max_by_key(|&(p, s)| (p, Reverse(s.entity)));
    if let Some((p, s)) = nearest {
        if !has_paragraph_break(&text[p.min(at)..at]) {
            return Some((*s, Basis::Evidence));
        }
    }
    tied.iter()
        .min_by_key(|s| (evidence.first(s.entity), s.entity))
        .map(|s| (*s, Basis::Evidence))
}

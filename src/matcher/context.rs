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
//! decides as the whole text does. Owns those rules and their word lists. Must not touch the
//! scan, the senses or descriptions.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

use super::describes::EntityClass;
use crate::model::{EntityId, Mention, Span};
use crate::text::chars::is_word_char;
use crate::text::words::{
    is_calendar_word, is_common_word, is_function_word, is_given_name, is_org_head, is_title_word,
};

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
    /// It is the surname of a person the document named earlier (that name).
    Person(String),
}

/// Mentions each context rule decided in a document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ContextDrops {
    /// Places standing for a team: a country's kept as a mention that links nothing
    /// ([`Mention::team`]), another's given to its team (or dropped when it has none).
    pub teams: usize,
    /// Places inside a longer name.
    pub in_names: usize,
    /// Places that are a person's surname.
    pub surnames: usize,
}

impl ContextDrops {
    /// All of them.
    pub fn total(&self) -> usize {
        self.teams + self.in_names + self.surnames
    }

    fn count(&mut self, v: &Verdict) {
        match v {
            Verdict::Team(_) => self.teams += 1,
            Verdict::InName(_) => self.in_names += 1,
            Verdict::Person(_) => self.surnames += 1,
        }
    }
}

/// The document-wide facts the context rules use, gathered from the whole text or part by
/// part in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DocContext {
    /// Sports words in the document (`None`: not counted yet; counted only when a rule
    /// needs it).
    sports: Option<u32>,
    /// One-word place aliases (lower case) the document uses as a surname, with where
    /// first (in the document), sorted by alias.
    surnames: Vec<(String, usize)>,
}

/// A document with this many sports words is a sports story.
const SPORTS_STORY: u32 = 3;

/// Words that make a story a sports story (whole words, any case).
const SPORTS_WORDS: &[&str] = &[
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
];

/// Sports roles after a place that make it a team anywhere.
const TEAM_ROLES: &[&str] = &[
    "batsman",
    "bowler",
    "captain",
    "coach",
    "defender",
    "goalkeeper",
    "keeper",
    "midfielder",
    "pitcher",
    "skipper",
    "striker",
    "winger",
    "xi",
];

/// Words after a place that make it a team in a sports story.
const TEAM_WORDS: &[&str] = &[
    "boss",
    "fans",
    "forward",
    "manager",
    "players",
    "side",
    "squad",
    "supporters",
    "team",
];

/// Result verbs after a team, in a sports story.
const RESULT_AFTER: &[&str] = &[
    "beat",
    "beats",
    "blanked",
    "crushed",
    "defeated",
    "downed",
    "drew",
    "edged",
    "eliminated",
    "hammered",
    "lost",
    "outplayed",
    "overcame",
    "routed",
    "swept",
    "thrashed",
    "trounced",
    "won",
];

/// Words before a team, in a sports story.
const RESULT_BEFORE: &[&str] = &[
    "against",
    "beat",
    "beating",
    "defeated",
    "defeating",
    "face",
    "faces",
    "facing",
    "host",
    "hosted",
    "hosts",
    "joined",
    "over",
    "play",
    "played",
    "plays",
    "v",
    "versus",
    "visiting",
    "vs",
];

/// Words before a place that keep it a place: compass points and qualifiers (`Southern
/// California`, `Greater London`).
const QUALIFIERS: &[&str] = &[
    "central",
    "east",
    "eastern",
    "greater",
    "inner",
    "lower",
    "mainland",
    "metropolitan",
    "north",
    "northeast",
    "northeastern",
    "northern",
    "northwest",
    "northwestern",
    "outer",
    "south",
    "southeast",
    "southeastern",
    "southern",
    "southwest",
    "southwestern",
    "upper",
    "west",
    "western",
];

/// Honorifics before a name: a place after one is a person's surname (`Mr Jordan`).
const HONORIFICS: &[&str] = &["dr", "miss", "mr", "mrs", "ms", "sir"];

/// Which of the word lists a lower-case word is in (bits [`ROLE`], [`TEAM`], ...).
fn lists(word: &str) -> u8 {
    static MAP: OnceLock<rustc_hash::FxHashMap<&'static str, u8>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for (list, bit) in [
            (TEAM_ROLES, ROLE),
            (TEAM_WORDS, TEAM),
            (RESULT_AFTER, AFTER),
            (RESULT_BEFORE, BEFORE),
            (QUALIFIERS, QUALIFIER),
            (HONORIFICS, HONORIFIC),
            (COMPANY_SUFFIXES, COMPANY),
        ] {
            for w in list {
                *map.entry(*w).or_insert(0) |= bit;
            }
        }
        map
    });
    if word.len() > 14 {
        return 0;
    }
    map.get(word).copied().unwrap_or(0)
}

const ROLE: u8 = 1;
const TEAM: u8 = 2;
const AFTER: u8 = 4;
const BEFORE: u8 = 8;
const QUALIFIER: u8 = 16;
const HONORIFIC: u8 = 32;
const COMPANY: u8 = 64;

fn sports_automaton() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(SPORTS_WORDS)
            .expect("the sports words build an automaton")
    })
}

/// Sports words in `text`, whole words only.
fn count_sports(text: &str) -> u32 {
    let mut n = 0;
    for m in sports_automaton().find_iter(text) {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char) {
            n += 1;
        }
    }
    n
}

impl DocContext {
    /// Adds what `text` (starting at byte `offset` of its document) tells: its sports words
    /// and the place aliases it uses as surnames. `places` are the spans of the candidates
    /// that may be places, `others` every candidate span, both sorted.
    pub(crate) fn gather(&mut self, text: &str, offset: usize, places: &[Span], others: &[Span]) {
        *self.sports.get_or_insert(0) += count_sports(text);
        self.gather_surnames(text, offset, places, others);
    }

    /// As [`DocContext::gather`], the surnames only (the sports words of a document read
    /// whole are counted when a rule asks).
    pub(crate) fn gather_surnames(
        &mut self,
        text: &str,
        offset: usize,
        places: &[Span],
        others: &[Span],
    ) {
        for &p in places {
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

    /// Whether the document is a sports story; counts the sports words of `text` (the whole
    /// document) the first time it is asked, unless they were gathered.
    fn sporty(&mut self, text: &str) -> bool {
        *self.sports.get_or_insert_with(|| count_sports(text)) >= SPORTS_STORY
    }

    /// Where the document first uses `alias` as a surname.
    fn surname_at(&self, alias: &str) -> Option<usize> {
        self.surnames
            .binary_search_by(|(a, _)| a.as_str().cmp(alias))
            .ok()
            .map(|k| self.surnames[k].1)
    }
}

/// Bytes of a word lowered without allocating.
const INLINE: usize = 24;

/// A word in lower case: the word itself, lowered on the stack, or lowered on the heap.
enum Folded<'a> {
    Borrowed(&'a str),
    Inline([u8; INLINE], u8),
    Owned(String),
}

impl std::ops::Deref for Folded<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Folded::Borrowed(s) => s,
            // Lowered from ASCII, so ASCII.
            Folded::Inline(buf, len) => std::str::from_utf8(&buf[..*len as usize]).unwrap_or(""),
            Folded::Owned(s) => s,
        }
    }
}

/// A word next to a mention: its text and where it starts.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    start: usize,
}

impl Word<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Lower case, without a final `.`.
    fn folded(&self) -> Folded<'_> {
        let bare = self.text.trim_end_matches('.');
        if !bare.chars().any(char::is_uppercase) {
            return Folded::Borrowed(bare);
        }
        // Short ASCII words, the usual case, are lowered on the stack.
        if bare.len() <= INLINE && bare.is_ascii() {
            let mut buf = [0u8; INLINE];
            buf[..bare.len()].copy_from_slice(bare.as_bytes());
            buf[..bare.len()].make_ascii_lowercase();
            return Folded::Inline(buf, bare.len() as u8);
        }
        Folded::Owned(bare.to_lowercase())
    }

    fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    fn is_number(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_digit())
    }

    /// All capitals, two letters or more (`NAPM`, `SKR`): an acronym says nothing of a
    /// longer name.
    fn acronym(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && !self.text.chars().any(char::is_lowercase)
    }

    /// Latin letters mixed with others (`Еhe` typed with a Cyrillic `Е`): a typo, not a
    /// name.
    fn mixed_script(&self) -> bool {
        let letters = || self.text.chars().filter(|c| c.is_alphabetic());
        letters().any(|c| c.is_ascii()) && letters().any(|c| !c.is_ascii())
    }

    /// A capitalized honorific (`Mr`, `Mrs.`, `Dr`).
    fn honorific(&self) -> bool {
        self.capitalized() && lists(&self.folded()) & HONORIFIC != 0
    }

    /// A nationality or religion adjective by its ending (`Jewish`, `Lebanese`,
    /// `Canadian`): it qualifies a place rather than naming something else.
    fn adjective(&self) -> bool {
        let f = self.folded();
        f.len() >= 5
            && ["ish", "ese", "ian", "ean", "an"]
                .iter()
                .any(|e| f.ends_with(e))
    }
}

/// A character of a word for these rules: letters, digits, marks, and the apostrophes,
/// hyphens and dots inside names (`O'Brien`, `St.`).
fn word_char(c: char) -> bool {
    is_word_char(c) || matches!(c, '\'' | '’' | '-' | '.')
}

/// [`word_char`] for an ASCII byte (false for any other byte).
#[inline]
fn ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'\'' | b'-' | b'.')
}

/// The word that ends at most one run of spaces or tabs before `at`.
fn word_before(text: &str, at: usize) -> Option<Word<'_>> {
    let bytes = text.as_bytes();
    let mut end = at;
    while end > 0 && matches!(bytes[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    if end == at {
        return None;
    }
    let trimmed = &text[..end];
    // ASCII by bytes; the first other byte sends the rest to the characters' path.
    let mut start = end;
    while start > 0 && ascii_word_byte(bytes[start - 1]) {
        start -= 1;
    }
    if start > 0 && !bytes[start - 1].is_ascii() {
        start = trimmed[..start]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| word_char(c))
            .last()
            .map_or(start, |(i, _)| i);
    }
    if start == end {
        return None;
    }
    Some(Word {
        text: &trimmed[start..],
        start,
    })
}

/// The word that starts after one run of spaces or tabs after `at`.
fn word_after(text: &str, at: usize) -> Option<Word<'_>> {
    let bytes = text.as_bytes();
    let mut start = at;
    while start < bytes.len() && matches!(bytes[start], b' ' | b'\t') {
        start += 1;
    }
    if start == at {
        return None;
    }
    // ASCII by bytes; the first other byte sends the rest to the characters' path.
    let mut end = start;
    while end < bytes.len() && ascii_word_byte(bytes[end]) {
        end += 1;
    }
    if end < bytes.len() && !bytes[end].is_ascii() {
        end += text[end..]
            .chars()
            .take_while(|&c| word_char(c))
            .map(char::len_utf8)
            .sum::<usize>();
    }
    // A sentence's full stop is not part of the word.
    let word = text[start..end].trim_end_matches('.');
    (!word.is_empty()).then_some(Word { text: word, start })
}

/// Whether the word starting at `at` opens its sentence: nothing but spaces since the line
/// began or since a mark that ends or opens one.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    match before.chars().next_back() {
        None | Some('\n' | '\r') => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '"' | '“' | '”' | '(' | '[' | '—' | '–' | '-' | '\''
        ),
    }
}

/// Lines longer than this are prose: never a headline, a results line or a fixture.
const SHORT_LINE: usize = 400;

/// The line around byte `at`, when it is short (at most [`SHORT_LINE`] bytes each side):
/// the rules that read a whole line look that far only, so a document written on one line
/// costs no more than any other.
fn line_at(text: &str, at: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let from = at.saturating_sub(SHORT_LINE);
    let start = match memchr::memrchr(b'\n', &bytes[from..at]) {
        Some(k) => from + k + 1,
        None if from == 0 => 0,
        None => return None,
    };
    let to = (at + SHORT_LINE).min(bytes.len());
    let end = match memchr::memchr(b'\n', &bytes[at..to]) {
        Some(k) => at + k,
        None if to == bytes.len() => to,
        None => return None,
    };
    Some(&text[start..end])
}

/// Whether `line` is in title case or capitals (a headline), where capitals say nothing:
/// four words or more, nearly all capitalized.
fn headline(line: &str) -> bool {
    let line = line.trim();
    // A headline is one short sentence: a line of prose has several.
    let inner_stop = [". ", "! ", "? "].iter().any(|t| line.contains(t));
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    if words.len() < 3 || words.len() > 25 || inner_stop {
        return false;
    }
    let upper = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    // Weekdays and months are capitalized in any sentence.
    let function = |w: &&str| {
        let f = w.trim_end_matches('.').to_lowercase();
        is_function_word(&f) && !is_calendar_word(&f)
    };
    // Capitals throughout.
    if words.iter().all(|w| !w.chars().any(char::is_lowercase)) {
        return true;
    }
    // Title case: a function word capitalized inside the line (`Kim Arrives In Russia`;
    // not `I`, nor `US`, which is an acronym).
    let title_cased = |w: &&str| upper(w) && w.chars().skip(1).any(char::is_lowercase);
    if words[1..].iter().any(|w| title_cased(w) && function(w)) {
        return true;
    }
    // Title case with function words in lower case, and no full stop at the end (`Kim
    // Arrives in Russia Ahead of Summit`).
    let ends = line.ends_with(['.', '!', '?', '"', '”']);
    let content_all_upper = words.iter().filter(|w| !function(w)).all(upper);
    let some_function = words.iter().any(|w| !upper(w) && function(w));
    words.len() >= 4 && !ends && content_all_upper && some_function
}

/// Whether `span` overlaps one of the sorted `spans`.
fn overlaps(spans: &[Span], span: Span) -> bool {
    let k = spans.partition_point(|s| s.end() <= span.start());
    spans.get(k).is_some_and(|s| s.start() < span.end())
}

/// The capitalized word before `p` that makes it the end of a longer name, if there is
/// one: not a mention, a function, title, compass or qualifier word, or a number; and not
/// a common word opening the sentence (`Visiting Moscow`).
fn plain_before<'t>(text: &'t str, w: Word<'t>, others: &[Span]) -> Option<Word<'t>> {
    if !w.capitalized() {
        return None;
    }
    let f = w.folded();
    // A word ending with a full stop ends the sentence before (`Americans. Moscow`).
    let plain = w.capitalized()
        && !w.text.ends_with('.')
        && !w.is_number()
        && !w.acronym()
        && !w.adjective()
        && !overlaps(others, Span::new(w.start, w.end()))
        && !is_function_word(&f)
        && !is_title_word(&f)
        && lists(&f) & QUALIFIER == 0
        && !w.mixed_script()
        && !(opens_sentence(text, w.start) && f.split('-').any(is_common_word));
    plain.then_some(w)
}

/// The alias at `p` (lower case) when the text uses it as a surname: one word after a given
/// name (a capitalized word before it that is not a common word or an organization's head,
/// in a line that is not a headline), or after an honorific.
fn surname_alias(text: &str, p: Span, others: &[Span]) -> Option<String> {
    // Both cases need a capitalized word before.
    let before = word_before(text, p.start()).filter(|w| w.capitalized())?;
    let alias = &text[p.range()];
    if alias.contains(char::is_whitespace) {
        return None;
    }
    let honorific = before.honorific();
    // A given name: one of the shipped list, or a word with a capital inside (`MaliVai`).
    let given = plain_before(text, before, others).is_some_and(|w| {
        let f = w.folded();
        let camel = w.text.chars().skip(1).any(char::is_uppercase);
        w.text.chars().all(char::is_alphabetic)
            && w.text.chars().skip(1).any(char::is_lowercase)
            && !is_common_word(&f)
            && (is_given_name(&f) || camel)
    });
    let headline = || line_at(text, p.start()).is_some_and(headline);
    ((honorific || given) && !headline()).then(|| alias.to_lowercase())
}

/// The mentions' context, for [`judge`].
pub(crate) struct Scene<'a> {
    pub(crate) kinds: &'a [EntityClass],
    /// For each place, its team entity, if any.
    pub(crate) teams: &'a [Option<EntityId>],
    pub(crate) text: &'a str,
    /// Where the text starts in its document.
    pub(crate) offset: usize,
    /// Every candidate span of the text, sorted (mentions and the spans dropped on the
    /// way: a word that matched something is not a plain word).
    pub(crate) others: &'a [Span],
    pub(crate) rules: Rules,
    /// For each person with a name of several words, the first word of its label, in
    /// lower case (`vladimir`).
    pub(crate) given: &'a [Option<Box<str>>],
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
    let mut any_dropped = false;
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let class = scene.kinds.get(m.entity.index()).copied();
        if m.describes.is_some() {
            continue;
        }
        let v = match class {
            Some(EntityClass::Person) if scene.rules.names => other_person(scene, m),
            Some(c) if c.is_place() => verdict(scene, ctx, m, mentions),
            _ => None,
        };
        let Some(v) = v else {
            continue;
        };
        drops.count(&v);
        let m = &mut mentions[i];
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
        if !kept {
            // Marked for removal below: a mention never describes itself.
            m.describes = Some(m.entity);
            any_dropped = true;
        }
        if let Some(x) = explain.as_deref_mut() {
            x.push((m.span, v));
        }
    }
    if any_dropped {
        mentions.retain(|m| m.describes != Some(m.entity));
    }
}

/// A listed person's surname after another given name or initial (`Cherie Blair`, `Ian
/// Blair`, `J. Blair` for Tony Blair) names someone else. A given name that starts like the
/// listed one's is taken for a spelling of it (`Vladmir Putin`, `Yuri Ushakov`).
fn other_person(scene: &Scene<'_>, m: &Mention) -> Option<Verdict> {
    let text = scene.text;
    let surname = &text[m.span.range()];
    if surname.contains(char::is_whitespace) {
        return None;
    }
    let listed = scene.given.get(m.entity.index())?.as_deref()?;
    let w = word_before(text, m.span.start()).filter(|w| w.capitalized())?;
    let bare = w.text.trim_end_matches('.');
    let initial = bare.chars().count() == 1;
    if !initial {
        // A given name, or a word that may be one (not common, no title, no honorific).
        let named = plain_before(text, w, scene.others).is_some_and(|w| {
            w.text.chars().all(char::is_alphabetic)
                && w.text.chars().skip(1).any(char::is_lowercase)
        });
        if !named || w.honorific() {
            return None;
        }
    }
    let f = w.folded();
    if !initial && !is_given_name(&f) && is_common_word(&f) {
        return None;
    }
    let prefix = |s: &str| s.chars().take(3).collect::<String>();
    let same = if initial {
        f.chars().next() == listed.chars().next()
    } else {
        prefix(&f) == prefix(listed)
    };
    // Capitals say nothing in a headline (`Kim Arrives To Meet Putin`).
    let headline = || line_at(text, m.span.start()).is_some_and(headline);
    (!same && !headline()).then(|| {
        Verdict::Person(format!(
            "`{} {surname}` is another person than the listed one with that surname",
            w.text
        ))
    })
}

fn verdict(
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
    if scene.rules.teams && !m.demonym {
        if let Some(v) = team(scene, ctx, p, near) {
            return Some(Verdict::Team(v));
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

/// The words next to a mention.
#[derive(Clone, Copy)]
struct Near<'t> {
    before: Option<Word<'t>>,
    after: Option<Word<'t>>,
}

/// The name rules' verdict on `m`, whatever the line.
fn in_name(
    scene: &Scene<'_>,
    ctx: &mut DocContext,
    m: &Mention,
    mentions: &[Mention],
    near: Near<'_>,
) -> Option<Verdict> {
    let (text, p) = (scene.text, m.span);
    let alias = &text[p.range()];
    if let Some(w) = near.before {
        if w.honorific() {
            return Some(Verdict::Person(format!("`{} {alias}` is a person", w.text)));
        }
    }
    if let Some(w) = near
        .before
        .and_then(|w| plain_before(text, w, scene.others))
    {
        return Some(Verdict::InName(format!(
            "`{} {alias}` is a longer name (a capitalized word before the place)",
            w.text
        )));
    }
    if let Some(w) = near.after {
        // An organization's acronym after a place is a dateline (`Moscow CNN`), not a name.
        // Where an organization's mention starts: a place right before one is part of its
        // name.
        let org = |at: usize| {
            let k = mentions.partition_point(|x| x.span.start() < at);
            mentions.get(k).is_some_and(|x| {
                x.span.start() == at
                    && scene.kinds.get(x.entity.index()) == Some(&EntityClass::Other)
            })
        };
        if w.capitalized() && !w.acronym() && org(w.start) {
            return Some(Verdict::InName(format!(
                "`{alias}` opens the name of the organization that follows (`{alias} {}`…)",
                w.text
            )));
        }
        let plain = w.capitalized()
            && !w.is_number()
            && !w.acronym()
            && !overlaps(scene.others, Span::new(w.start, w.end()))
            && !title_follows(text, w)
            && !name_follows(text, w);
        if plain {
            return Some(Verdict::InName(format!(
                "`{alias} {}` is a longer name (a capitalized word after the place)",
                w.text
            )));
        }
    }
    if let Some(head) = head_of(text, near.before) {
        return Some(Verdict::InName(format!(
            "`{head} of {alias}` is the name of an organization"
        )));
    }
    let first = match ctx.surnames.is_empty() {
        true => None,
        false => ctx.surname_at(&alias.to_lowercase()),
    };
    if first.is_some_and(|at| at < scene.offset + p.start()) {
        return Some(Verdict::Person(format!(
            "the document names a person with the surname `{alias}` before"
        )));
    }
    None
}

/// Whether the capitalized words from `w` on (up to three) hold a title word or a function
/// word, so that the place before them describes someone (`Hong Kong Financial Secretary`)
/// or ends a phrase (`Russia On Monday`) rather than opens a longer name.
fn title_follows(text: &str, w: Word<'_>) -> bool {
    let mut next = Some(w);
    for _ in 0..3 {
        let Some(w) = next else { break };
        if !w.capitalized() {
            break;
        }
        let f = w.folded();
        if is_title_word(&f) || is_function_word(&f) {
            return true;
        }
        next = word_after(text, w.end());
    }
    false
}

/// Whether a person's name starts at `w`: a given name, or a word that is neither common
/// nor an organization's head, followed by another capitalized word that is no
/// organization's head (`for North Korea Stephen Biegun`, `for Russia Tove Lindqvist`),
/// so that the place before it ends a phrase.
fn name_follows(text: &str, w: Word<'_>) -> bool {
    let Some(next) = word_after(text, w.end()).filter(|n| n.capitalized()) else {
        return false;
    };
    let f = w.folded();
    let given = is_given_name(&f) || !is_common_word(&f) && !is_org_head(&f);
    given && !is_org_head(&next.folded())
}

/// Company suffixes before `of`: what follows is where the company is (`Kia Motor Corp of
/// South Korea`), not part of its name.
const COMPANY_SUFFIXES: &[&str] = &[
    "co",
    "company",
    "corp",
    "corporation",
    "inc",
    "llc",
    "ltd",
    "plc",
];

/// The organization head before `of` (and `the`) before byte `at`: `Bank` in `Bank of
/// Canada`, `University` in `University of the West Indies`.
fn head_of<'t>(text: &'t str, before: Option<Word<'t>>) -> Option<&'t str> {
    let mut w = before?;
    if w.text.eq_ignore_ascii_case("the") {
        w = word_before(text, w.start)?;
    }
    if w.text != "of" {
        return None;
    }
    let head = word_before(text, w.start).filter(|h| h.capitalized())?;
    let f = head.folded();
    (is_org_head(&f) && lists(&f) & COMPANY == 0).then_some(head.text)
}

/// Why the place at `p` on `line` is a team, if it is.
fn team(scene: &Scene<'_>, ctx: &mut DocContext, p: Span, near: Near<'_>) -> Option<String> {
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
    let Some(w) = after else {
        return before_result(scene, ctx, p, near.before);
    };
    if w.text.len() <= 4 && matches!(w.text, "'s" | "’s") && ctx.sporty(text) {
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
    if sporty_word && ctx.sporty(text) {
        return Some(format!("`{alias} {}` in a sports story", w.text));
    }
    before_result(scene, ctx, p, near.before)
}

/// A result word before the place, in a sports story (`defeated Colorado`, `drew with
/// Italy`, `lost to Milan`).
fn before_result(
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
        || (f == "with" || f == "to")
            && word_before(text, w.start).is_some_and(|v| {
                let v = &*v.folded();
                (f == "with" && (v == "drew" || v == "draw")) || (f == "to" && v == "lost")
            });
    (fits && ctx.sporty(text))
        .then(|| format!("`{} {}` in a sports story", w.text, &text[p.range()]))
}

/// Whether `line` is a line of results or standings: numbers, names and at most three
/// lower-case words (`Pohang 3 Ulsan 2 ( halftime 1-0 )`, `TORONTO 63 72 .467 12 1/2`).
fn results_line(line: &str) -> bool {
    let mut numbers = 0;
    let mut lower = 0;
    for w in line.split_whitespace() {
        let first = w.chars().next().unwrap_or(' ');
        if first.is_ascii_digit() || first == '.' && w.len() > 1 {
            numbers += 1;
        } else if first.is_lowercase() {
            lower += 1;
        }
    }
    numbers >= 2 && lower <= 3
}

/// Whether the name from byte `at` to `end` of `line` is the visiting side of a fixture in
/// capitals: the whole line is that name, a capital `AT` and the home side in at most three
/// capitalized words (`KANSAS CITY AT DETROIT`; the home side is where the game is played,
/// so it stays a place).
fn fixture_team(line: &str, at: usize, end: usize) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            COMPANY_SUFFIXES,
            TEAM_ROLES,
            TEAM_WORDS,
            RESULT_AFTER,
            RESULT_BEFORE,
            QUALIFIERS,
            HONORIFICS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn lines_of_results_fixtures_and_headlines() {
        assert!(results_line("Pohang 3 Ulsan 2 ( halftime 1-0 )"));
        assert!(results_line("TORONTO 63 72 .467 12 1/2"));
        assert!(!results_line(
            "Russia sent 3 ships and 200 men to the port on Friday ."
        ));
        assert!(fixture_team("KANSAS CITY AT DETROIT", 0, 11));
        assert!(!fixture_team("KANSAS CITY AT DETROIT", 15, 22));
        assert!(!fixture_team("Kim at Vladivostok", 0, 3));
        assert!(!fixture_team("KIM CROSSES INTO RUSSIA AT KHASAN", 17, 23));
        assert!(headline("Kim Arrives In Russia Ahead Of Summit"));
        assert!(headline("KIM MEETS PUTIN IN VLADIVOSTOK"));
        assert!(!headline("Kim met Putin in Vladivostok on Thursday."));
    }

    #[test]
    fn words_around_a_span() {
        let t = "with Real Madrid , Air\tFrance.";
        let madrid = t.find("Madrid").unwrap();
        assert_eq!(word_before(t, madrid).unwrap().text, "Real");
        assert_eq!(word_after(t, 4).unwrap().text, "Real");
        let france = t.find("France").unwrap();
        assert_eq!(word_before(t, france).unwrap().text, "Air");
        assert!(word_after(t, france + 6).is_none());
        assert!(opens_sentence("Said. Visiting Moscow", 6));
        assert!(!opens_sentence("he was visiting Moscow", 7));
    }
}

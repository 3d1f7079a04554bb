//! Reading the words around a mention: the word before and after it (by bytes for ASCII),
//! the line it stands in, whether that line is a headline, whether a word opens its
//! sentence, and the lower-case word lists the rules look words up in (one hash lookup a
//! word). Must not decide anything about a mention: the rules in `teams` and `names` do.

use std::sync::OnceLock;

use crate::model::Span;
use crate::text::bytes::{name_masks, NAME_WINDOW};
use crate::text::chars::is_word_char;
pub(super) use crate::text::lines::line_at;
use crate::text::words::{is_calendar_word, is_function_word};

/// Sports roles after a place that make it a team anywhere.
pub(super) const TEAM_ROLES: &[&str] = &[
    "batsman",
    "bowler",
    "captain",
    "coach",
    "defender",
    "goalkeeper",
    "keeper",
    "midfielder",
    "flanker",
    "fly-half",
    "full-back",
    "pitcher",
    "scrum-half",
    "skipper",
    "striker",
    "winger",
    "xi",
];

/// Words after a place that make it a team in a sports story.
pub(super) const TEAM_WORDS: &[&str] = &[
    "boss",
    "centre",
    "fans",
    "forward",
    "lock",
    "prop",
    "wing",
    "manager",
    "players",
    "side",
    "squad",
    "supporters",
    "team",
];

/// Result verbs after a team, in a sports story.
pub(super) const RESULT_AFTER: &[&str] = &[
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
    // A team takes a plural verb (`Wales have`, `England are`, `Ireland were`, `England
    // play Italy`), a country a singular one; read after no word that says where.
    "are",
    "face",
    "have",
    "host",
    "meet",
    "play",
    "were",
];

/// What a side does in a match, told after it (`England played well`, `Ireland conceded
/// twice`, `Scotland looked bereft`), after a place in a sports story: a place does none
/// of it. Not after a word that says where (`fans in Wales looked on`).
pub(super) const GAME_AFTER: &[&str] = &[
    "batted",
    "bowled",
    "collapsed",
    "conceded",
    "dominated",
    "equalised",
    "equalized",
    "fielded",
    "kicked",
    "led",
    "levelled",
    "looked",
    "played",
    "qualified",
    "rallied",
    "scored",
    "squandered",
    "struggled",
    "trailed",
];

/// Of [`RESULT_AFTER`], the plural verbs: `in Wales are` and `Italy and France are` are
/// still places.
pub(super) const PLURAL_AFTER: &[&str] = &["are", "face", "have", "host", "meet", "play", "were"];

/// Words before a team, in a sports story.
pub(super) const RESULT_BEFORE: &[&str] = &[
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

/// Words before `by` that make the place after it a team, in a sports story (`beaten by
/// Wales`, `defeats by France`).
pub(super) const BEATEN: &[&str] = &[
    "beaten", "defeat", "defeated", "defeats", "hammered", "humbled", "thrashed",
];

/// Words before a place that keep it a place: compass points and qualifiers (`Southern
/// California`, `Greater London`).
pub(super) const QUALIFIERS: &[&str] = &[
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
pub(super) const HONORIFICS: &[&str] = &["dr", "miss", "mr", "mrs", "ms", "sir"];

/// Every word list with its bit: what [`lists`] answers from.
pub(super) const LISTS: [(&[&str], u8); 8] = [
    (TEAM_ROLES, ROLE),
    (TEAM_WORDS, TEAM),
    (RESULT_AFTER, AFTER),
    (GAME_AFTER, AFTER),
    (RESULT_BEFORE, BEFORE),
    (QUALIFIERS, QUALIFIER),
    (HONORIFICS, HONORIFIC),
    (COMPANY_SUFFIXES, COMPANY),
];

/// Which of the word lists a lower-case word is in (bits [`ROLE`], [`TEAM`], ...).
pub(super) fn lists(word: &str) -> u8 {
    static MAP: OnceLock<rustc_hash::FxHashMap<&'static str, u8>> = OnceLock::new();
    // Most words are ruled out by their length and first letter before any hashing.
    const ALL: Shapes = Shapes::of_tagged(&LISTS);
    if !ALL.may_hold(word) {
        return 0;
    }
    let map = MAP.get_or_init(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for (list, bit) in LISTS {
            for w in list {
                *map.entry(*w).or_insert(0) |= bit;
            }
        }
        map
    });
    map.get(word).copied().unwrap_or(0)
}

/// The shapes of the words of some lists (ASCII lower-case words shorter than 16 bytes):
/// for each length, the set of first letters (bit 0 for `a`). A word whose shape is not
/// there is in none of the lists, which a few instructions tell.
pub(super) struct Shapes([u32; 16]);

impl Shapes {
    /// The shapes of the words of `lists`.
    pub(super) const fn of(lists: &[&[&str]]) -> Shapes {
        let mut shapes = Shapes([0; 16]);
        let mut i = 0;
        while i < lists.len() {
            shapes = shapes.with(lists[i]);
            i += 1;
        }
        shapes
    }

    /// The shapes of the words of `lists`, their bits aside.
    const fn of_tagged(lists: &[(&[&str], u8)]) -> Shapes {
        let mut shapes = Shapes([0; 16]);
        let mut i = 0;
        while i < lists.len() {
            shapes = shapes.with(lists[i].0);
            i += 1;
        }
        shapes
    }

    /// These shapes and those of `list`.
    const fn with(mut self, list: &[&str]) -> Shapes {
        let mut j = 0;
        while j < list.len() {
            let w = list[j].as_bytes();
            self.0[w.len()] |= 1 << (w[0] - b'a');
            j += 1;
        }
        self
    }

    /// Whether `word` may be one of the words: it has the shape of one.
    #[inline]
    pub(super) fn may_hold(&self, word: &str) -> bool {
        let b = word.as_bytes();
        match (self.0.get(b.len()), b.first()) {
            (Some(s), Some(&c)) if c.is_ascii_lowercase() => s & (1 << (c - b'a')) != 0,
            _ => false,
        }
    }
}

pub(super) const ROLE: u8 = 1;
pub(super) const TEAM: u8 = 2;
pub(super) const AFTER: u8 = 4;
pub(super) const BEFORE: u8 = 8;
pub(super) const QUALIFIER: u8 = 16;
pub(super) const HONORIFIC: u8 = 32;
pub(super) const COMPANY: u8 = 64;

/// Bytes of a word lowered without allocating.
pub(super) const INLINE: usize = 24;

/// A word in lower case: the word itself, lowered on the stack, or lowered on the heap.
pub(super) enum Folded<'a> {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word<'a> {
    pub(super) text: &'a str,
    pub(super) start: usize,
}

impl Word<'_> {
    pub(super) fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Lower case, without a final `.`.
    pub(super) fn folded(&self) -> Folded<'_> {
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

    pub(super) fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub(super) fn is_number(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_digit())
    }

    /// All capitals, two letters or more (`NAPM`, `SKR`): an acronym says nothing of a
    /// longer name.
    pub(super) fn acronym(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && !self.text.chars().any(char::is_lowercase)
    }

    /// Latin letters mixed with others (`Еhe` typed with a Cyrillic `Е`): a typo, not a
    /// name.
    pub(super) fn mixed_script(&self) -> bool {
        let letters = || self.text.chars().filter(|c| c.is_alphabetic());
        letters().any(|c| c.is_ascii()) && letters().any(|c| !c.is_ascii())
    }

    /// Letters only, with a lower-case letter after the first (`Neil`, `MaliVai`): the
    /// shape of a name, not of an acronym or a number.
    pub(super) fn name_like(&self) -> bool {
        self.text.chars().all(char::is_alphabetic)
            && self.text.chars().skip(1).any(char::is_lowercase)
    }

    /// A capitalized honorific (`Mr`, `Mrs.`, `Dr`).
    pub(super) fn honorific(&self) -> bool {
        self.capitalized() && lists(&self.folded()) & HONORIFIC != 0
    }

    /// A nationality or religion adjective by its ending (`Jewish`, `Lebanese`,
    /// `Canadian`): it qualifies a place rather than naming something else.
    pub(super) fn adjective(&self) -> bool {
        let f = self.folded();
        f.len() >= 5
            && ["ish", "ese", "ian", "ean", "an"]
                .iter()
                .any(|e| f.ends_with(e))
    }
}

/// A character of a word for these rules: letters, digits, marks, and the apostrophes,
/// hyphens and dots inside names (`O'Brien`, `St.`).
pub(super) fn word_char(c: char) -> bool {
    is_word_char(c) || matches!(c, '\'' | '’' | '-' | '.')
}

/// [`word_char`] for an ASCII byte (false for any other byte), by table: the word scans
/// next to every place mention run on it.
#[inline]
pub(super) fn ascii_word_byte(b: u8) -> bool {
    const TABLE: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            table[b] = c.is_ascii_alphanumeric() || matches!(c, b'_' | b'\'' | b'-' | b'.');
            b += 1;
        }
        table
    };
    TABLE[b as usize]
}

/// The word that ends at most one run of spaces or tabs before `at`.
pub(super) fn word_before(text: &str, at: usize) -> Option<Word<'_>> {
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
pub(super) fn word_after(text: &str, at: usize) -> Option<Word<'_>> {
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

/// A first look, by bytes, at the word next to a mention: most words beside a place are
/// plain lower-case words, or there is none, and the rules need not read them whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Glance<'t> {
    /// No word: [`word_before`] or [`word_after`] finds none.
    Nothing,
    /// An ASCII word starting with a lower-case letter, as [`word_before`] or
    /// [`word_after`] reads it.
    Lower(Word<'t>),
    /// Any other word (capitalized, a number, not ASCII...): read it whole.
    Other,
}

/// The glance at a word that meets a non-ASCII character: nothing when that character
/// stands alone where the word would be (`SEOUL —`, `— Moscow`: a dash or a quote is no
/// word), else read it whole.
#[cold]
fn non_ascii(alone: bool) -> Glance<'static> {
    if alone {
        Glance::Nothing
    } else {
        Glance::Other
    }
}

/// Whether `s` ends with a character of a word.
fn ends_in_word(s: &str) -> bool {
    s.chars().next_back().is_some_and(word_char)
}

/// Whether `s` starts with a character of a word.
fn starts_in_word(s: &str) -> bool {
    s.chars().next().is_some_and(word_char)
}

/// [`Glance`] at the word [`word_before`] reads before `at`.
#[inline]
pub(super) fn glance_before(text: &str, at: usize) -> Glance<'_> {
    let bytes = text.as_bytes();
    let mut end = at;
    while end > 0 && matches!(bytes[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    if end == at {
        return Glance::Nothing;
    }
    // The word's start: by the masks of the 16 bytes before its end (no branch a byte),
    // else a byte at a time. Either way, a non-ASCII byte before it sends it to be read.
    let window = end
        .checked_sub(NAME_WINDOW)
        .map(|from| name_masks(bytes[from..end].try_into().expect("16 bytes")));
    let start = match window {
        Some(m) if m.word != u16::MAX => {
            let run = m.word.leading_ones() as usize;
            if m.high & (1 << (NAME_WINDOW - 1 - run)) != 0 {
                return non_ascii(run == 0 && !ends_in_word(&text[..end]));
            }
            end - run
        }
        _ => {
            let mut start = end;
            while start > 0 && ascii_word_byte(bytes[start - 1]) {
                start -= 1;
            }
            if start > 0 && !bytes[start - 1].is_ascii() {
                return non_ascii(start == end && !ends_in_word(&text[..end]));
            }
            start
        }
    };
    match bytes.get(start) {
        _ if start == end => Glance::Nothing,
        Some(b) if b.is_ascii_lowercase() => Glance::Lower(Word {
            text: &text[start..end],
            start,
        }),
        _ => Glance::Other,
    }
}

/// [`Glance`] at the word [`word_after`] reads after `at`.
#[inline]
pub(super) fn glance_after(text: &str, at: usize) -> Glance<'_> {
    let bytes = text.as_bytes();
    let mut start = at;
    while start < bytes.len() && matches!(bytes[start], b' ' | b'\t') {
        start += 1;
    }
    if start == at {
        return Glance::Nothing;
    }
    // The word's end, as in `glance_before`.
    let window = bytes
        .get(start..start + NAME_WINDOW)
        .map(|w| name_masks(w.try_into().expect("16 bytes")));
    let end = match window {
        Some(m) if m.word != u16::MAX => {
            let run = m.word.trailing_ones() as usize;
            if m.high & (1 << run) != 0 {
                return non_ascii(run == 0 && !starts_in_word(&text[start..]));
            }
            start + run
        }
        _ => {
            let mut end = start;
            while end < bytes.len() && ascii_word_byte(bytes[end]) {
                end += 1;
            }
            if end < bytes.len() && !bytes[end].is_ascii() {
                return non_ascii(end == start && !starts_in_word(&text[start..]));
            }
            end
        }
    };
    let word = text[start..end].trim_end_matches('.');
    match word.as_bytes().first() {
        None => Glance::Nothing,
        Some(b) if b.is_ascii_lowercase() => Glance::Lower(Word { text: word, start }),
        Some(_) => Glance::Other,
    }
}

/// Whether the word starting at `at` opens its sentence: nothing but spaces since the line
/// began or since a mark that ends or opens one.
pub(super) fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t']);
    match before.chars().next_back() {
        None | Some('\n' | '\r') => true,
        Some(c) => matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '"' | '“' | '”' | '(' | '[' | '—' | '–' | '-' | '\''
        ),
    }
}

/// Whether `line` is in title case or capitals (a headline), where capitals say nothing:
/// four words or more, nearly all capitalized.
pub(super) fn headline(line: &str) -> bool {
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
pub(super) fn overlaps(spans: &[Span], span: Span) -> bool {
    let k = spans.partition_point(|s| s.end() <= span.start());
    spans.get(k).is_some_and(|s| s.start() < span.end())
}

/// Company suffixes before `of`: what follows is where the company is (`Kia Motor Corp of
/// South Korea`), not part of its name.
pub(super) const COMPANY_SUFFIXES: &[&str] = &[
    "co",
    "company",
    "corp",
    "corporation",
    "inc",
    "llc",
    "ltd",
    "plc",
];

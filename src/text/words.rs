//! The shipped English word lists and the junk-alias rule built on them.
//!
//! Owns the word lists under `data/` (function words, common words, title words,
//! organization and place head words, given names, nationality and language words;
//! `data/README.md` gives their sources), the one loader that reads them, and [`junk_reason`], which says why an alias is not a name. Must
//! not know about entities, files or the automaton.

use std::fmt;
use std::sync::OnceLock;

static FUNCTION_WORDS: &str = include_str!("../../data/function-words.txt");
static COMMON_WORDS: &str = include_str!("../../data/common-words.txt");
static TITLE_WORDS: &str = include_str!("../../data/title-words.txt");
static ORG_HEADS: &str = include_str!("../../data/org-heads.txt");
static PLACE_HEADS: &str = include_str!("../../data/place-heads.txt");
static GIVEN_NAMES: &str = include_str!("../../data/given-names.txt");
static COMMON_GIVEN_NAMES: &str = include_str!("../../data/common-given-names.txt");
static NATIONALITY_WORDS: &str = include_str!("../../data/nationality-words.txt");

const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Why an alias is set aside as not being a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum JunkReason {
    /// Digits and punctuation only (`3`, `1.5`).
    Number,
    /// A weekday or month name (`Wednesday`, `March`).
    Calendar,
    /// An English function word (`The`, `An`, `Of`).
    FunctionWord,
    /// One of the most common English words (`Date`, `Mobile`, `Reading`).
    CommonWord,
}

impl fmt::Display for JunkReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JunkReason::Number => "a number",
            JunkReason::Calendar => "a weekday or month name",
            JunkReason::FunctionWord => "an English function word",
            JunkReason::CommonWord => "a common English word",
        })
    }
}

/// One shipped word list: one word a line, `#` comments and blank lines skipped, read
/// into a set the first time it is asked.
struct WordList {
    text: &'static str,
    set: OnceLock<rustc_hash::FxHashSet<&'static str>>,
}

impl WordList {
    const fn new(text: &'static str) -> WordList {
        WordList {
            text,
            set: OnceLock::new(),
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| {
                self.text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .collect()
            })
            .contains(word)
    }
}

static FUNCTION: WordList = WordList::new(FUNCTION_WORDS);
static COMMON: WordList = WordList::new(COMMON_WORDS);
static TITLE: WordList = WordList::new(TITLE_WORDS);
static ORG_HEAD: WordList = WordList::new(ORG_HEADS);
static PLACE_HEAD: WordList = WordList::new(PLACE_HEADS);
static GIVEN: WordList = WordList::new(GIVEN_NAMES);
static COMMON_GIVEN: WordList = WordList::new(COMMON_GIVEN_NAMES);
static NATIONALITY: WordList = WordList::new(NATIONALITY_WORDS);

/// `n noun` with the noun in the plural unless `n` is 1 (`1 mention`, `2 mentions`,
/// `2 entities`): for nouns that take an `s`, or `ies` for a `y` after a consonant.
pub(crate) fn counted(n: u64, noun: &str) -> String {
    if n == 1 {
        return format!("1 {noun}");
    }
    match noun.strip_suffix('y') {
        Some(stem) if stem.ends_with(|c: char| !"aeiou".contains(c)) => {
            format!("{n} {stem}ies")
        }
        _ => format!("{n} {noun}s"),
    }
}

/// Whether `text` ends with `tail`, ASCII case ignored (`... shares IN` ends with `shares
/// in`); compared by bytes, so a `text` that ends inside a character is no trouble.
pub(crate) fn ends_with_any_case(text: &str, tail: &str) -> bool {
    let (t, tail) = (text.as_bytes(), tail.as_bytes());
    t.len() >= tail.len() && t[t.len() - tail.len()..].eq_ignore_ascii_case(tail)
}

/// True when `word` (lower case) is an English function word (`the`, `and`, `of`, ...).
pub(crate) fn is_function_word(word: &str) -> bool {
    FUNCTION.contains(word)
}

/// True when `word` (lower case, without a final `.`) is a word of a title that comes
/// before a person's name (`president`, `minister`, `mr`, `spokesman`, `professor`).
pub(crate) fn is_title_word(word: &str) -> bool {
    TITLE.contains(word)
}

/// True when `word` (lower case) is in the shipped common-English-word list.
pub(crate) fn is_common_word(word: &str) -> bool {
    COMMON.contains(word)
}

/// True when `word` (lower case) is the head word of an organization's name (`ministry`,
/// `agency`, `university`).
pub(crate) fn is_org_head(word: &str) -> bool {
    ORG_HEAD.contains(word)
}

/// Whether `w` is a month's name or its abbreviation, any case (`April`, `Aug.`, `SEPT`).
pub(crate) fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.').to_lowercase();
    // The months are the last twelve calendar words.
    let months = &CALENDAR[CALENDAR.len() - 12..];
    months
        .iter()
        .any(|m| *m == w || m.starts_with(&w) && (w.len() == 3 || w == "sept"))
}

/// True when `word` (lower case) is a weekday or a month, or an abbreviation of one.
pub(crate) fn is_calendar_word(word: &str) -> bool {
    // Asked of most capitalized words: the length and first letter rule out nearly all.
    (3..=9).contains(&word.len())
        && matches!(
            word.as_bytes()[0],
            b'a' | b'd' | b'f' | b'j' | b'm' | b'n' | b'o' | b's' | b't' | b'w'
        )
        && CALENDAR.contains(&word)
}

/// The titles of sovereigns and their families, lower case, which stand before a bare
/// given name (`Prince Harry`, `King Abdullah`, `Pope Benedict`): after one, a given name
/// is a whole name.
const ROYAL_TITLES: &[&str] = &[
    "czar", "emir", "emperor", "empress", "infanta", "infante", "king", "maharaja", "pope",
    "prince", "princess", "queen", "shah", "sheik", "sheikh", "sultan", "tsar", "tsarina",
];

/// True when `word` (lower case, without a final `.`) is a sovereign's or royal title
/// (`king`, `princess`, `sheikh`).
pub(crate) fn is_royal_title(word: &str) -> bool {
    ROYAL_TITLES.contains(&word)
}

/// The name of a sovereign written as a royal title, one name and perhaps a regnal number
/// (`Prince Charles`, `King Harald V`, `Crown Prince Abdullah`): `Charles`, `Harald`,
/// `Abdullah`. `None` for anything else (`King Norodom Sihanouk` names a man by two names).
pub(crate) fn regnal_name(alias: &str) -> Option<&str> {
    let mut words: Vec<&str> = alias.split_whitespace().collect();
    if words.last().is_some_and(|w| is_regnal_number(w)) && words.len() > 2 {
        words.pop();
    }
    let [titles @ .., name] = words.as_slice() else {
        return None;
    };
    let royal = match titles {
        [t] => is_royal_title(&t.to_lowercase()),
        [first, t] => {
            matches!(first.to_lowercase().as_str(), "crown" | "grand")
                && is_royal_title(&t.to_lowercase())
        }
        _ => false,
    };
    let capitalized = name.chars().next().is_some_and(char::is_uppercase)
        && name
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
    (royal && capitalized && !is_regnal_number(name)).then_some(*name)
}

/// A regnal number in Roman numerals (`II`, `XVI`).
fn is_regnal_number(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// True when `word` (lower case) is a given name of the shipped list (`neil`, `carla`).
pub(crate) fn is_given_name(word: &str) -> bool {
    GIVEN.contains(word)
}

/// True when `word` (lower case) is one of the most frequent given names (`mark`, `frank`,
/// `grace`: `data/common-given-names.txt`), which open a person's name even when they are
/// ordinary words too.
pub(crate) fn is_common_given_name(word: &str) -> bool {
    COMMON_GIVEN.contains(word)
}

/// True when `word` (lower case) names a nationality or a language (`korean`, `english`,
/// `swahili`, `israelis`, and demonyms of more words: `north korean`;
/// `data/nationality-words.txt`).
pub(crate) fn is_nationality_word(word: &str) -> bool {
    NATIONALITY.contains(word)
}

/// True when `word` (lower case) is the head word of a place's name (`river`, `province`,
/// `island`).
pub(crate) fn is_place_head(word: &str) -> bool {
    PLACE_HEAD.contains(word)
}

/// Why `folded` (a normalized, lower-cased alias) is not a name, if it is not.
///
/// Only one-word aliases can be junk: `White House` is made of common words but is a name.
///
/// # Examples
/// ```
/// use entgraph::text::words::{junk_reason, JunkReason};
/// assert_eq!(junk_reason("march"), Some(JunkReason::Calendar));
/// assert_eq!(junk_reason("the"), Some(JunkReason::FunctionWord));
/// assert_eq!(junk_reason("white house"), None);
/// assert_eq!(junk_reason("vladivostok"), None);
/// ```
pub fn junk_reason(folded: &str) -> Option<JunkReason> {
    if !folded.chars().any(char::is_alphabetic) {
        return Some(JunkReason::Number);
    }
    if folded.contains(' ') {
        return None;
    }
    if CALENDAR.contains(&folded) {
        Some(JunkReason::Calendar)
    } else if is_function_word(folded) {
        Some(JunkReason::FunctionWord)
    } else if is_common_word(folded) {
        Some(JunkReason::CommonWord)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regnal_names() {
        assert_eq!(regnal_name("Prince Charles"), Some("Charles"));
        assert_eq!(regnal_name("King Harald V"), Some("Harald"));
        assert_eq!(regnal_name("Crown Prince Abdullah"), Some("Abdullah"));
        assert_eq!(regnal_name("Sheikh Hans-Adam"), Some("Hans-Adam"));
        assert_eq!(regnal_name("King Norodom Sihanouk"), None);
        assert_eq!(regnal_name("Mervyn King"), None);
        assert_eq!(regnal_name("King II"), None);
        assert_eq!(regnal_name("Prince"), None);
        assert_eq!(regnal_name("Prince charming"), None);
    }

    #[test]
    fn counted_nouns_take_their_plural() {
        assert_eq!(counted(1, "entity"), "1 entity");
        assert_eq!(counted(2, "entity"), "2 entities");
        assert_eq!(counted(0, "community"), "0 communities");
        assert_eq!(counted(3, "day"), "3 days");
        assert_eq!(counted(2, "mention"), "2 mentions");
    }

    #[test]
    fn junk_examples_from_imported_lists() {
        for (w, r) in [
            ("the", JunkReason::FunctionWord),
            ("an", JunkReason::FunctionWord),
            ("3", JunkReason::Number),
            ("1,000", JunkReason::Number),
            ("wednesday", JunkReason::Calendar),
            ("march", JunkReason::Calendar),
            ("date", JunkReason::CommonWord),
            ("reading", JunkReason::CommonWord),
            ("mobile", JunkReason::CommonWord),
            ("nice", JunkReason::CommonWord),
            ("will", JunkReason::FunctionWord),
        ] {
            assert_eq!(junk_reason(w), Some(r), "{w}");
        }
        for w in [
            "russia",
            "china",
            "moscow",
            "putin",
            "vladivostok",
            "far east",
        ] {
            assert_eq!(junk_reason(w), None, "{w}");
        }
    }
}

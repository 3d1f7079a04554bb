//! The words of a sentence as suggest sees them: where each starts and ends, its shape
//! (capitalized, in capitals, lower case), how it is joined to the word before (space,
//! hyphen, comma, full stop), and whether its capital letter says anything (sentence-initial,
//! quoted, on a headline line or a line in capitals). Owns the tokenizer and the line kinds
//! only: which words make a name is `runs`'s, and character rules come from [`crate::text`].

use crate::text::acronym::{dotted_acronym_len, is_acronym};
use crate::text::chars::{is_apostrophe, is_hyphen, is_opening_quote, is_word_char};
use crate::text::words::is_function_word;

/// How a token is joined to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Sep {
    /// Punctuation, a quote, a bracket, the start of the sentence: never inside a name.
    Break,
    /// Whitespace only.
    Space,
    /// One hyphen, no space (`Jong-un`).
    Hyphen,
    /// A comma and whitespace.
    Comma,
    /// A full stop and whitespace (`Mr. Kim`, `J. Smith`).
    Dot,
}

/// What a word looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Starts with an upper-case letter (`Putin`, `McKenzie`, `I`).
    Cap,
    /// Two or more letters, all upper case (`CNA`, `U.S.`).
    Upper,
    /// Starts with a lower-case letter.
    Lower,
    /// Starts with a digit.
    Digit,
    /// Anything else.
    Other,
}

/// The shape of a word (or of a name, by its first word).
pub(crate) fn shape_of(text: &str) -> Shape {
    let Some(first) = text.chars().next() else {
        return Shape::Other;
    };
    if first.is_numeric() {
        return Shape::Digit;
    }
    if first.is_uppercase() {
        return if is_acronym(text) {
            Shape::Upper
        } else {
            Shape::Cap
        };
    }
    if first.is_lowercase() {
        Shape::Lower
    } else {
        Shape::Other
    }
}

/// A word of a sentence.
#[derive(Debug)]
pub(crate) struct Tok<'a> {
    /// Where the word starts in the document, in bytes.
    pub(crate) start: usize,
    /// Where the word ends in the document, in bytes.
    pub(crate) end: usize,
    /// The word as written.
    pub(crate) text: &'a str,
    /// The word in lower case (borrowed when it is written so: most words are).
    pub(crate) lower: std::borrow::Cow<'a, str>,
    /// How it is joined to the word before.
    pub(crate) sep: Sep,
    /// What it looks like.
    pub(crate) shape: Shape,
    /// The first word of a sentence, of a quotation, after a colon, or any word of a
    /// headline line: its capital letter says nothing.
    pub(crate) uncertain: bool,
    /// On a line in capitals.
    pub(crate) capitals: bool,
    /// The index (in the sorted mention list) of a mention covering the word.
    pub(crate) mention: Option<usize>,
}

/// Marks after which a capital letter says nothing: opening quotes, a colon, bullets.
fn is_opening_mark(c: char) -> bool {
    is_opening_quote(c) || matches!(c, ':' | '\u{2022}' | '\u{00b7}' | '|')
}

/// The words of one sentence (`base` is the sentence's offset in the document). A
/// possessive `'s` is not part of a word and breaks the run after it.
pub(crate) fn tokenize(sentence: &str, base: usize) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok<'_>> = Vec::new();
    let mut i = 0;
    let mut prev_end = 0;
    while i < sentence.len() {
        let Some(c) = sentence[i..].chars().next() else {
            break;
        };
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let WordEnd { end, skip_to } = word_end(sentence, start);
        let text = &sentence[start..end];
        let gap = &sentence[prev_end..start];
        let sep = if out.is_empty() {
            Sep::Break
        } else {
            sep_of(gap)
        };
        // After an opening quote or a colon the capital says nothing. A straight quote
        // opens only after a space (`," Kim said` closes one).
        let g = gap.trim_end();
        let quoted = match g.chars().next_back() {
            Some(q @ ('"' | '\'')) => g[..g.len() - q.len_utf8()]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || c == '(' || c == '['),
            Some(c) => is_opening_mark(c),
            None => false,
        };
        out.push(Tok {
            start: base + start,
            end: base + end,
            text,
            lower: if text.chars().any(char::is_uppercase) {
                std::borrow::Cow::Owned(text.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(text)
            },
            sep,
            shape: shape_of(text),
            uncertain: out.is_empty() || quoted,
            capitals: false,
            mention: None,
        });
        i = skip_to.unwrap_or(end);
        prev_end = if skip_to.is_some() { end } else { i };
    }
    out
}

/// Where a word ends, in bytes of its sentence.
struct WordEnd {
    /// The end of the word.
    end: usize,
    /// After a possessive `'s`: the end of the `'s`, where the search for the next word
    /// goes on.
    skip_to: Option<usize>,
}

/// Where the word starting at byte `start` of `sentence` ends.
fn word_end(sentence: &str, start: usize) -> WordEnd {
    let plain = |end| WordEnd { end, skip_to: None };
    if let Some(n) = dotted_acronym_len(&sentence.as_bytes()[start..]) {
        return plain(start + n);
    }
    let mut end = start;
    loop {
        while let Some(c) = sentence[end..].chars().next().filter(|&c| is_word_char(c)) {
            end += c.len_utf8();
        }
        // An apostrophe inside a word: `O'Brien` goes on, `Kim's` stops.
        let Some(a) = sentence[end..].chars().next().filter(|&c| is_apostrophe(c)) else {
            return plain(end);
        };
        let after = end + a.len_utf8();
        let run: usize = sentence[after..]
            .chars()
            .take_while(|&c| is_word_char(c))
            .map(char::len_utf8)
            .sum();
        if run == 0 {
            return plain(end);
        }
        if matches!(&sentence[after..after + run], "s" | "S") {
            return WordEnd {
                end,
                skip_to: Some(after + run),
            };
        }
        end = after + run;
    }
}

/// How the text between two words joins them.
fn sep_of(gap: &str) -> Sep {
    let mut chars = gap.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Sep::Break,
        (Some(c), None) if is_hyphen(c) => Sep::Hyphen,
        _ if gap.chars().all(char::is_whitespace) => Sep::Space,
        (Some(','), Some(w)) if w.is_whitespace() && gap[1..].trim().is_empty() => Sep::Comma,
        (Some('.'), Some(w)) if w.is_whitespace() && gap[1..].trim().is_empty() => Sep::Dot,
        _ => Sep::Break,
    }
}

/// How a line of text reads: a headline-like line (no final punctuation, most words
/// capitalized: a headline, a caption, a menu item) or a line in capitals (`PUTIN MEETS
/// KIM`). On such lines a capital letter says nothing about which words are names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Ordinary text.
    Prose,
    /// No final punctuation, most words capitalized.
    Headline,
    /// Most words in capitals.
    Capitals,
}

/// How one line of text reads.
fn line_kind(line: &str) -> LineKind {
    let mut words = 0usize;
    let mut caps = 0usize;
    let mut upper = 0usize;
    let mut long = 0usize;
    for raw in line.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 0 {
            continue;
        }
        let first = w.chars().find(|c| c.is_alphabetic());
        let is_lower = first.is_some_and(char::is_lowercase);
        if is_lower && is_function_word(&w.to_lowercase()) {
            continue;
        }
        words += 1;
        if !is_lower {
            caps += 1;
        }
        if letters >= 2 {
            long += 1;
            if w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            {
                upper += 1;
            }
        }
    }
    if long >= 2 && upper * 4 >= long * 3 {
        return LineKind::Capitals;
    }
    let last = line
        .trim_end()
        .trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}'])
        .chars()
        .next_back();
    if last.is_some_and(|c| matches!(c, '.' | '!' | '?' | '\u{2026}' | ';' | ','))
        || [". ", "? ", "! "].iter().any(|p| line.contains(p))
    {
        return LineKind::Prose;
    }
    if words >= 2 && caps * 4 >= words * 3 {
        LineKind::Headline
    } else {
        LineKind::Prose
    }
}

/// The kinds of a document's text lines, each worked out once, when a word on it first asks.
///
/// The line starts are found in one pass over the document, so the kind of the line holding
/// an offset costs a binary search however long the line is (a document on one line of
/// megabytes is as cheap per word as one with line breaks).
pub(crate) struct LineKinds<'a> {
    text: &'a str,
    /// The byte offset where each line starts, ascending; the first is 0.
    starts: Vec<usize>,
    /// The kind of each line, once asked for.
    kinds: Vec<Option<LineKind>>,
}

impl<'a> LineKinds<'a> {
    /// The lines of `text`, none of their kinds worked out yet.
    pub(crate) fn new(text: &'a str) -> LineKinds<'a> {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|k| k + 1))
            .collect();
        let kinds = vec![None; starts.len()];
        LineKinds {
            text,
            starts,
            kinds,
        }
    }

    /// The kind of the line holding byte `offset`.
    pub(crate) fn at(&mut self, offset: usize) -> LineKind {
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        if let Some(kind) = self.kinds[line] {
            return kind;
        }
        let start = self.starts[line];
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let kind = line_kind(&self.text[start..end]);
        self.kinds[line] = Some(kind);
        kind
    }
}

//! Paragraph and sentence segmentation.
//!
//! Owns the rules that cut a document into paragraphs (at blank lines) and sentences (a
//! rule-based splitter aware of abbreviations, initials, decimals, quotes and brackets after
//! the full stop, ellipses, and lines without final punctuation such as headlines, captions
//! and bylines). A sentence never crosses a paragraph break. Must not touch the gazetteer,
//! mentions or graphs.

use crate::model::{Segments, Span};
use crate::text::abbrev::{is_abbreviation, is_number_abbreviation};
use crate::text::bytes::{padded_block, terminator_mask, BLOCK};
use crate::text::chars::{is_closing_quote, is_opening_quote, is_straight_quote};

/// Lower-case words that, ending a line, say the sentence goes on in the next line (sorted
/// for a binary search).
const CONTINUATION_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "but", "by", "for", "from", "her", "his", "in", "is",
    "its", "of", "on", "or", "that", "the", "their", "to", "was", "were", "which", "who", "with",
];

/// Splits `text` into paragraphs and sentences.
///
/// # Examples
/// ```
/// let s = entgraph::segment::segment("Headline here\n\nMr. Kim met Dr. Lee. They spoke.\n");
/// assert_eq!(s.paragraphs.len(), 2);
/// assert_eq!(s.sentences.len(), 3);
/// ```
pub fn segment(text: &str) -> Segments {
    let mut out = Segments::default();
    segment_into(text, &mut out);
    out
}

/// As [`segment`], into `out` (cleared first), reusing its buffers.
pub(crate) fn segment_into(text: &str, out: &mut Segments) {
    out.paragraphs.clear();
    out.sentences.clear();
    out.sentence_paragraph.clear();
    paragraphs(text, &mut out.paragraphs);
    for pi in 0..out.paragraphs.len() {
        let para = out.paragraphs[pi];
        let before = out.sentences.len();
        sentences(text, para, &mut out.sentences);
        let added = out.sentences.len() - before;
        out.sentence_paragraph
            .extend(std::iter::repeat_n(pi as u32, added));
    }
}

/// Whether `line` is whitespace only.
#[inline]
fn is_blank(line: &str) -> bool {
    // The vertical tab is whitespace to `trim` but not to `is_ascii_whitespace`: it takes
    // the slow path, so that a line is blank exactly when trimming leaves nothing.
    match line.as_bytes().iter().find(|b| !b.is_ascii_whitespace()) {
        None => true,
        Some(&b) if b < 0x80 && b != 0x0b => false,
        Some(_) => line.trim().is_empty(),
    }
}

/// Whether `text` spans a paragraph break: a blank line (by the rule [`paragraphs`] cuts
/// at) that follows a line break of `text` and ends with another.
pub(crate) fn has_paragraph_break(text: &str) -> bool {
    let mut lines = text.split_inclusive('\n');
    // The first line may be the end of a line that began before `text`.
    lines.next();
    lines.any(|line| line.ends_with('\n') && is_blank(line))
}

/// The offsets where `bytes` may be cut into parts that segment and match as the whole
/// does: just after each line of ASCII whitespace that follows a line break and ends with
/// one (a blank line: a paragraph break, which no sentence, name or description crosses).
/// Works on bytes, so that a reader can cut before checking UTF-8.
///
/// # Examples
/// ```
/// let cuts: Vec<usize> = entgraph::segment::part_cuts(b"One.\n\nTwo.\n \nThree.").collect();
/// assert_eq!(cuts, [6, 13]);
/// ```
pub fn part_cuts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut breaks = memchr::memchr_iter(b'\n', bytes).peekable();
    std::iter::from_fn(move || loop {
        let after = breaks.next()? + 1;
        let &end = breaks.peek()?;
        if bytes[after..end].iter().all(u8::is_ascii_whitespace) {
            return Some(end + 1);
        }
    })
}

/// Paragraph spans: runs of lines separated by lines that are blank (whitespace only).
fn paragraphs(text: &str, out: &mut Vec<Span>) {
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < text.len() {
        let next = memchr::memchr(b'\n', &bytes[pos..]).map_or(text.len(), |k| pos + k + 1);
        let line = &text[pos..next];
        if is_blank(line) {
            if let Some(s) = start.take() {
                out.push(Span::new(s, end));
            }
        } else {
            if start.is_none() {
                let lead = line.len() - line.trim_start().len();
                start = Some(pos + lead);
            }
            end = pos + line.trim_end().len();
        }
        pos = next;
    }
    if let Some(s) = start {
        out.push(Span::new(s, end));
    }
}

/// The next byte at or after `i` that can end a sentence: `.`, `!`, `?`, a line break, or
/// the first byte of `…` (U+2026).
#[inline]
fn next_terminator(bytes: &[u8], mut i: usize) -> Option<usize> {
    let mut pad = [0u8; BLOCK];
    while i < bytes.len() {
        let m = terminator_mask(padded_block(bytes, i, &mut pad));
        if m != 0 {
            return Some(i + m.trailing_zeros() as usize);
        }
        i += BLOCK;
    }
    None
}

/// Where `piece` trimmed of whitespace (as [`str::trim`] does) starts, and its length. The
/// usual ends, ASCII whitespace before and after ASCII text, are read by bytes.
fn trimmed(piece: &str) -> (usize, usize) {
    let b = piece.as_bytes();
    // The ASCII whitespace of `trim` (U+0009 to U+000D and the space).
    let space = |c: u8| matches!(c, b' ' | b'\t'..=b'\r');
    let start = b.iter().position(|&c| !space(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|&c| !space(c)).map_or(start, |k| k + 1);
    if b.get(start).is_some_and(|&c| c >= 0x80) || (end > start && b[end - 1] >= 0x80) {
        let t = piece.trim_start();
        return (piece.len() - t.len(), t.trim_end().len());
    }
    (start, end - start)
}

/// Sentence spans inside one paragraph, appended to `out`.
fn sentences(text: &str, para: Span, out: &mut Vec<Span>) {
    let p = &text[para.range()];
    let bytes = p.as_bytes();
    let mut start = 0usize;
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let (lead, len) = trimmed(&p[s..e]);
        if len > 0 {
            let a = para.start() + s + lead;
            out.push(Span::new(a, a + len));
        }
    };
    let mut i = 0;
    // Where the current line starts.
    let mut line_start = 0;
    while i < bytes.len() {
        match next_terminator(bytes, i) {
            Some(k) => i = k,
            None => break,
        }
        let b = bytes[i];
        if b == b'\n' {
            // A line break ends a sentence when the line has no final punctuation and the
            // next line does not continue it.
            let line = p[line_start..i].trim_end();
            if !line.is_empty() && line_breaks_sentence(line, p[i + 1..].trim_start()) {
                push(start, i, out);
                start = i + 1;
            }
            i += 1;
            line_start = i;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') || bytes[i..].starts_with("\u{2026}".as_bytes()) {
            let is_ellipsis_char = b != b'.' && b != b'!' && b != b'?';
            // Extend over a run of terminators (`?!`, `...`) and closing quotes/brackets.
            let mut j = i + if is_ellipsis_char {
                '\u{2026}'.len_utf8()
            } else {
                1
            };
            while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                j += 1;
            }
            while let Some(c) = p[j..].chars().next() {
                if is_closing(c) {
                    j += c.len_utf8();
                } else {
                    break;
                }
            }
            let after = &p[j..];
            let next_is_space = after.chars().next().is_none_or(char::is_whitespace);
            if next_is_space && ends_sentence(p, i, j, b) {
                push(start, j, out);
                start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(start, p.len(), out);
}

/// Quotes and brackets that may close a sentence after its full stop (`."`, `.)`).
fn is_closing(c: char) -> bool {
    is_straight_quote(c) || is_closing_quote(c) || matches!(c, ')' | ']' | '}')
}

/// Quotes and brackets that may open the next sentence (`. "We`, `. (The`).
fn is_opening(c: char) -> bool {
    is_straight_quote(c) || is_opening_quote(c) || matches!(c, '(' | '[')
}

/// Whether the terminator at `i..j` (with `b` its first byte) ends the sentence.
fn ends_sentence(p: &str, i: usize, j: usize, b: u8) -> bool {
    let next = p[j..].trim_start();
    let next_char = next.chars().find(|&c| !is_opening(c));
    let Some(next_char) = next_char else {
        return true; // end of paragraph
    };
    let run = &p[i..j];
    let ellipsis = run.starts_with("...") || run.starts_with('\u{2026}');
    if ellipsis || b != b'.' {
        // `?`, `!` and ellipses end a sentence before a capital or digit.
        return !next_char.is_lowercase();
    }
    if next_char.is_lowercase() {
        return false;
    }
    // The word before the dot.
    let before = &p[..i];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || is_opening(c) || c == '(')
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    if is_abbreviation(word) {
        return false;
    }
    if is_number_abbreviation(word) && next_char.is_ascii_digit() {
        return false;
    }
    // Initials (`J.`, `R.`) and dotted acronyms (`U.S.`, `U.N.`): a single capital letter
    // before the dot. The sentence goes on before a capitalized word.
    let mut letters = word.chars().filter(|c| *c != '.');
    if word.contains('.') && letters.clone().all(char::is_uppercase) {
        return false;
    }
    !(letters.next().is_some_and(char::is_uppercase) && letters.next().is_none())
}

/// Whether a line break after `line` (no trailing whitespace) ends the sentence, given the
/// start of the next line.
fn line_breaks_sentence(line: &str, next: &str) -> bool {
    let bare = line.trim_end_matches(is_closing);
    let Some(last) = bare.chars().next_back() else {
        return false;
    };
    if matches!(last, '.' | '!' | '?' | '\u{2026}') {
        // Punctuated lines are handled by the terminator rule.
        return false;
    }
    if matches!(
        last,
        ',' | ';' | '-' | '\u{2013}' | '\u{2014}' | '(' | '&' | '/'
    ) {
        return false;
    }
    if next.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    // The last word: after the last whitespace (ASCII is found by bytes; a non-ASCII byte
    // may be Unicode whitespace, so then by chars).
    let bytes = line.as_bytes();
    let last_word = match bytes
        .iter()
        .rposition(|&b| b.is_ascii_whitespace() || b >= 0x80)
    {
        Some(k) if bytes[k] >= 0x80 => line.rsplit(char::is_whitespace).next().unwrap_or(""),
        Some(k) => &line[k + 1..],
        None => line,
    };
    CONTINUATION_WORDS.binary_search(&last_word).is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_break_is_a_blank_line_between_two_line_breaks() {
        for text in [
            "a\n\nb",
            "a\n \t\nb",
            "\n\n",
            "a.\r\n\r\nb",
            "x\n\u{a0}\ny",
            "a\nb\n\n",
        ] {
            assert!(has_paragraph_break(text), "{text:?}");
            // The same break cuts the text into two paragraphs.
            let cut = format!("x{text}y");
            assert_eq!(segment(&cut).paragraphs.len(), 2, "{cut:?}");
        }
        for text in ["", "a", "a\nb", "\n", " \n", "a\n  ", "a\n b\nc", "\nx\n"] {
            assert!(!has_paragraph_break(text), "{text:?}");
        }
    }

    #[test]
    fn continuation_words_are_sorted() {
        assert!(CONTINUATION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    fn split(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, [$($s:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                assert_eq!(split($text), vec![$($s),*] as Vec<&str>);
            }
        };
    }

    t!(
        plain,
        "One here. Two there! Three? Four",
        ["One here.", "Two there!", "Three?", "Four"]
    );
    t!(
        titles,
        "Mr. Kim met Dr. Lee and Gen. Park at St. Mark's. They spoke.",
        [
            "Mr. Kim met Dr. Lee and Gen. Park at St. Mark's.",
            "They spoke."
        ]
    );
    t!(
        dotted_acronyms,
        "The U.S. President spoke to the U.N. Security Council. Then he left.",
        [
            "The U.S. President spoke to the U.N. Security Council.",
            "Then he left."
        ]
    );
    t!(
        months_and_numbers,
        "It met on Apr. 25 in room No. 5 and cost 3.5 million. Done.",
        [
            "It met on Apr. 25 in room No. 5 and cost 3.5 million.",
            "Done."
        ]
    );
    t!(
        initials,
        "J. R. R. Tolkien wrote it. E. Smith agreed.",
        ["J. R. R. Tolkien wrote it.", "E. Smith agreed."]
    );
    t!(
        closing_quotes_and_brackets,
        "\u{201c}We will meet.\u{201d} He said so. (It was late.) Then \u{201c}yes,\u{201d} she said.",
        ["\u{201c}We will meet.\u{201d}", "He said so.", "(It was late.)", "Then \u{201c}yes,\u{201d} she said."]
    );
    t!(
        quote_opening_next_sentence,
        "He left. \"Why?\" she asked.",
        ["He left.", "\"Why?\" she asked."]
    );
    t!(
        ellipses,
        "Wait... then go. It ended\u{2026} Next one.",
        ["Wait... then go.", "It ended\u{2026}", "Next one."]
    );
    t!(
        headline_lines_are_sentences,
        "Putin Arrives In Vladivostok\nBy Jane Roe\nMOSCOW \u{2014} The talks began. More later.",
        [
            "Putin Arrives In Vladivostok",
            "By Jane Roe",
            "MOSCOW \u{2014} The talks began.",
            "More later."
        ]
    );
    t!(
        wrapped_lines_continue,
        "The leaders met in the\nport city, and\nthen they talked\nabout trade.",
        ["The leaders met in the\nport city, and\nthen they talked\nabout trade."]
    );
    t!(
        caption_without_punctuation,
        "Flags on a lamp post in the port (Photo: AFP)\nThe summit opens today.",
        [
            "Flags on a lamp post in the port (Photo: AFP)",
            "The summit opens today."
        ]
    );

    #[test]
    fn sentences_never_cross_paragraphs() {
        let text = "First para without stop\n\nSecond para. Two sentences.\n\n\n  Third  ";
        let s = segment(text);
        assert_eq!(s.paragraphs.len(), 3);
        assert_eq!(
            split(text),
            [
                "First para without stop",
                "Second para.",
                "Two sentences.",
                "Third"
            ]
        );
        assert_eq!(s.sentence_paragraph, [0, 1, 1, 2]);
        for (si, sp) in s.sentences.iter().enumerate() {
            let p = s.paragraphs[s.sentence_paragraph[si] as usize];
            assert!(p.start() <= sp.start() && sp.end() <= p.end());
        }
    }

    #[test]
    fn trimming_by_bytes_equals_trim() {
        for piece in [
            "",
            " ",
            " \t\r\n",
            "One.",
            "  One. ",
            "\u{a0}One.\u{a0}",
            " \u{2003}Two ",
            "\x0bThree\x0c",
            "Quatre é ",
            " é",
            "\u{3000}",
            "a\u{85}",
            " \u{85}b",
        ] {
            let t = piece.trim();
            let lead = piece.len() - piece.trim_start().len();
            assert_eq!(trimmed(piece), (lead, t.len()), "{piece:?}");
        }
    }

    #[test]
    fn crlf_and_whitespace_only_lines() {
        let text = "One.\r\n \r\nTwo.\r\n";
        assert_eq!(split(text), ["One.", "Two."]);
        assert_eq!(segment(text).paragraphs.len(), 2);
    }
}

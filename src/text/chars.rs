//! Character classes: the one definition of each kind of character the text rules ask
//! about (word characters, separators, apostrophes, hyphens, quotes).
//!
//! Owns the answer to "what kind of character is this?" for normalization, segmentation,
//! matching and the name finder alike, so the stages cannot disagree on it. Must not decide
//! what a class means to a rule: that stays with the rule's module.

/// True for characters that are part of a word: letters, digits, marks and `_`.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

fn is_mark(c: char) -> bool {
    // Combining marks: the ranges that occur in names written in Latin, Cyrillic, Greek,
    // Devanagari and similar scripts.
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// True for characters normalized to a single space: whitespace and dashes.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}'
                | '\u{2011}'
                | '\u{2012}'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2015}'
                | '\u{2212}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{FF0D}'
                | '\u{00AD}'
        )
}

/// True for the characters written as an apostrophe (`'`, `’`, `‘`, `ʼ`, `′`, `` ` ``, `´`):
/// normalization makes them all `'`.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{0060}' | '\u{00B4}'
    )
}

/// True for the characters that join the words of a compound name (`Kim Jong-un`,
/// `Rimsky–Korsakov`): hyphens and the en dash. An em dash or a minus sign sets off a clause
/// or a number instead, although normalization spaces them all alike ([`is_separator`]).
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}')
}

/// True for typographic opening quotes (`“`, `‘`, `«`, `‹`).
pub(crate) fn is_opening_quote(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{2018}' | '\u{00ab}' | '\u{2039}')
}

/// True for typographic closing quotes (`”`, `’`, `»`, `›`).
pub(crate) fn is_closing_quote(c: char) -> bool {
    matches!(c, '\u{201d}' | '\u{2019}' | '\u{00bb}' | '\u{203a}')
}

/// True for the straight quotes, which open and close alike (`"`, `'`).
pub(crate) fn is_straight_quote(c: char) -> bool {
    matches!(c, '"' | '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character an earlier copy of a rule accepted, with the verdict of the one
    /// rule now: normalization's apostrophes (7) include the name finder's (2); its dashes
    /// include the name finder's hyphens; the segmenter's and the name finder's opening
    /// quotes are the same typographic set.
    #[test]
    fn classes_cover_every_former_copy() {
        for c in [
            '\'', '\u{2019}', '\u{2018}', '\u{02BC}', '\u{2032}', '`', '\u{00B4}',
        ] {
            assert!(is_apostrophe(c), "{c:?}");
        }
        for c in ['"', 'a', '-', '\u{201c}', ' '] {
            assert!(!is_apostrophe(c), "{c:?}");
        }
        for c in ['-', '\u{2010}', '\u{2011}', '\u{2013}'] {
            assert!(is_hyphen(c), "{c:?}");
            assert!(is_separator(c), "{c:?}");
        }
        for c in ['\u{2014}', '\u{2212}', '\u{00AD}', ' ', '\n'] {
            assert!(!is_hyphen(c), "{c:?}");
            assert!(is_separator(c), "{c:?}");
        }
        for c in ['\u{201c}', '\u{2018}', '\u{00ab}', '\u{2039}'] {
            assert!(is_opening_quote(c) && !is_closing_quote(c), "{c:?}");
        }
        for c in ['\u{201d}', '\u{2019}', '\u{00bb}', '\u{203a}'] {
            assert!(is_closing_quote(c) && !is_opening_quote(c), "{c:?}");
        }
        for c in ['"', '\''] {
            assert!(is_straight_quote(c) && !is_opening_quote(c) && !is_closing_quote(c));
        }
        for (c, word) in [
            ('a', true),
            ('Ж', true),
            ('7', true),
            ('_', true),
            ('\u{0301}', true),
            ('-', false),
            ('\'', false),
            (' ', false),
        ] {
            assert_eq!(is_word_char(c), word, "{c:?}");
        }
    }
}

//! Acronyms: the one rule for a name written in capitals (`NATO`, `KCNA`) and for a dotted
//! acronym (`U.S.`, `U.N.`).
//!
//! Owns what counts as an acronym for case checks (the matcher's smart case), for the
//! gazetteer linter and for the name finder's word shapes. Must not decide what an acronym
//! means to them.

/// Length in bytes of a dotted acronym (`U.S.`, `U.N.`, `U.S.A.`) at the start of `s`:
/// two or more upper-case ASCII letters each followed by a dot, not followed by a letter or
/// a digit.
pub(crate) fn dotted_acronym_len(s: &[u8]) -> Option<usize> {
    let mut n = 0;
    while n + 1 < s.len() && s[n].is_ascii_uppercase() && s[n + 1] == b'.' {
        n += 2;
    }
    if n < 4 {
        return None;
    }
    if s.get(n).is_some_and(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    Some(n)
}

/// True when `text` is written as an acronym: at least two letters and no lower-case one
/// (`NATO`, `KCNA`, `U.S.`, `G-20`, `BBC's` is not: it has a lower-case `s`).
pub(crate) fn is_acronym(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && !text.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_acronyms() {
        for (s, len) in [
            ("U.S.", Some(4)),
            ("U.S. troops", Some(4)),
            ("U.S.A.", Some(6)),
            ("U.N.'s", Some(4)),
            ("U.", None),
            ("U.S", None),
            ("U.S.x", None),
            ("U.S.7", None),
            ("u.s.", None),
            ("", None),
        ] {
            assert_eq!(dotted_acronym_len(s.as_bytes()), len, "{s}");
        }
    }

    /// The matcher's smart case, the linter's junk and short-alias checks and the name
    /// finder's word shape each had a copy; these are the cases any of them decided.
    #[test]
    fn acronyms() {
        for (s, yes) in [
            ("NATO", true),
            ("KCNA", true),
            ("US", true),
            ("U.S.", true),
            ("G-20", false),
            ("G20", false),
            ("X", false),
            ("Kim", false),
            ("BBC's", false),
            ("McDONALD", false),
            ("ЦРУ", true),
            ("ΝΑΤΟ", true),
            ("", false),
            ("42", false),
            ("DPRK-Russia", false),
            ("DPRK RUSSIA", true),
        ] {
            assert_eq!(is_acronym(s), yes, "{s}");
        }
    }
}

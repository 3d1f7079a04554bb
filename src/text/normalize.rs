//! Text normalization shared by alias variants and the matcher, with a map back to the
//! original byte offsets.
//!
//! Owns the one definition of "the same name written differently": runs of whitespace
//! (line breaks included) and dashes of every kind become one space, typographic
//! apostrophes become `'`, dotted acronyms lose their dots (`U.S.` → `US`), and, when asked,
//! letters are lower-cased. Must not know about entities, gazetteers or the automaton.

use super::acronym::dotted_acronym_len;
use super::bytes::{block_at, copy_masks, BLOCK};
use super::chars::{is_apostrophe, is_separator, is_word_char};

/// Maps byte offsets in normalized text back to byte offsets in the original text.
///
/// Normalization keeps most bytes as they are, so the map stores only the points where the
/// relation between the two offsets changes; between two such points it is a shift.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// `(normalized offset, original offset)`, strictly increasing in the first field.
    points: Vec<(u32, u32)>,
}

impl OffsetMap {
    /// The original offset of normalized offset `n` (a char boundary of the normalized text).
    pub(crate) fn to_original(&self, n: usize) -> usize {
        let n = n as u32;
        let i = self.points.partition_point(|&(norm, _)| norm <= n);
        if i == 0 {
            return n as usize;
        }
        let (norm, orig) = self.points[i - 1];
        (orig + (n - norm)) as usize
    }

    fn clear(&mut self) {
        self.points.clear();
    }

    fn push(&mut self, norm: usize, orig: usize) {
        let (norm, orig) = (norm as u32, orig as u32);
        match self.points.last_mut() {
            Some(last) if last.0 == norm => last.1 = orig,
            Some(&mut (ln, lo)) if lo.wrapping_add(norm - ln) == orig => {}
            None if norm == orig => {}
            _ => self.points.push((norm, orig)),
        }
    }
}

/// Normalizes `text` into `out` (cleared first) and records the offset map in `map`.
///
/// With `fold` the letters are lower-cased (Unicode lower case).
pub fn normalize_into(text: &str, fold: bool, out: &mut String, map: &mut OffsetMap) {
    out.clear();
    map.clear();
    out.reserve(text.len());
    let bytes = text.as_bytes();
    // The output is built as bytes: every push below is a whole UTF-8 sequence.
    let mut buf = std::mem::take(out).into_bytes();
    let mut i = 0;
    let mut pending_space = false;
    // Whether the previous emitted char was a word char, for acronym detection.
    let mut prev_word = false;
    // `i - buf.len()` as of the last map point: a space that keeps it needs no new point.
    let mut delta = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if ASCII_KEEP[b as usize] != 0
            && !(b.is_ascii_uppercase() && bytes.get(i + 1) == Some(&b'.'))
        {
            if pending_space {
                buf.push(b' ');
                pending_space = false;
                if buf.len().wrapping_add(delta) != i {
                    delta = i.wrapping_sub(buf.len());
                    map.push(buf.len(), i);
                }
            }
            // The common case: a run of ASCII bytes that map to one byte each (letters,
            // digits, most punctuation, single spaces between them) is found by a table
            // lookup a byte and copied in one go. An upper-case letter before a dot may
            // start a dotted acronym: the run stops before it and the slow path decides.
            let end = plain_run_end(bytes, i);
            let run = &bytes[i..end];
            if fold {
                buf.extend(
                    run.iter()
                        .map(|&c| c | (u8::from(c.is_ascii_uppercase()) << 5)),
                );
            } else {
                buf.extend_from_slice(run);
            }
            let last = bytes[end - 1];
            prev_word = last.is_ascii_alphanumeric() || last == b'_';
            i = end;
            continue;
        }
        if b < 0x80 {
            // ASCII: every byte but separators maps to one byte, so the offset relation only
            // changes after a run of separators longer than one byte.
            if b == b' ' || b == b'-' || (b'\t'..=b'\r').contains(&b) {
                if !buf.is_empty() {
                    pending_space = true;
                } else {
                    map.push(0, i + 1);
                    delta = i + 1;
                }
                prev_word = false;
                i += 1;
                continue;
            }
            if pending_space {
                buf.push(b' ');
                pending_space = false;
                if buf.len().wrapping_add(delta) != i {
                    delta = i.wrapping_sub(buf.len());
                    map.push(buf.len(), i);
                }
            }
            if b.is_ascii_uppercase() && !prev_word && bytes.get(i + 1) == Some(&b'.') {
                if let Some(len) = dotted_acronym_len(&bytes[i..]) {
                    // `U.S.` → `us`: letters only, the span ends after the final dot.
                    for (k, &c) in bytes[i..i + len].iter().step_by(2).enumerate() {
                        buf.push(if fold { c.to_ascii_lowercase() } else { c });
                        map.push(buf.len(), i + 2 * k + 2);
                    }
                    i += len;
                    delta = i.wrapping_sub(buf.len());
                    prev_word = true;
                    continue;
                }
            }
            let c = match b {
                b'`' => b'\'',
                b'A'..=b'Z' if fold => b.to_ascii_lowercase(),
                _ => b,
            };
            buf.push(c);
            prev_word = b.is_ascii_alphanumeric() || b == b'_';
            i += 1;
            continue;
        }
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        let len = c.len_utf8();
        if is_separator(c) {
            if !buf.is_empty() {
                pending_space = true;
            }
            i += len;
            prev_word = false;
            // A leading separator is dropped; the map is fixed at the next emitted char.
            if buf.is_empty() {
                map.push(0, i);
                delta = i;
            }
            continue;
        }
        if pending_space {
            buf.push(b' ');
            pending_space = false;
            map.push(buf.len(), i);
        }
        let mut tmp = [0u8; 4];
        if is_apostrophe(c) {
            buf.push(b'\'');
            prev_word = false;
        } else if fold && c.is_uppercase() {
            for l in c.to_lowercase() {
                buf.extend_from_slice(l.encode_utf8(&mut tmp).as_bytes());
            }
            prev_word = true;
        } else {
            buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
            prev_word = is_word_char(c);
        }
        i += len;
        map.push(buf.len(), i);
        delta = i.wrapping_sub(buf.len());
    }
    // Only whole UTF-8 sequences were pushed: copies of ASCII bytes (lower-cased ASCII is
    // ASCII), spaces and apostrophes, and whole encoded chars. Checked in debug builds.
    debug_assert!(std::str::from_utf8(&buf).is_ok());
    // SAFETY: as above, `buf` is valid UTF-8.
    *out = unsafe { String::from_utf8_unchecked(buf) };
}

/// The end of the run of bytes copied as they are (but for case) from `i`, where
/// `bytes[i]` is such a byte and not an upper-case letter before a dot: bytes of
/// [`ASCII_KEEP`], and single spaces followed by one; the run stops before an upper-case
/// letter followed by a dot (a possible dotted acronym).
#[inline]
fn plain_run_end(bytes: &[u8], i: usize) -> usize {
    let n = bytes.len();
    let mut k = i + 1;
    // 64 bytes at a time while a byte follows the block (the rules look one byte ahead).
    while k + BLOCK < n {
        let Some(block) = block_at(bytes, k) else {
            break;
        };
        let m = copy_masks(block);
        let after = bytes[k + BLOCK];
        let keep_next = (m.keep >> 1) | u64::from(ASCII_KEEP[after as usize] != 0) << 63;
        let dot_next = (m.dot >> 1) | u64::from(after == b'.') << 63;
        let stop = (!m.keep & !m.space) | (m.space & !keep_next) | (m.upper & dot_next);
        if stop != 0 {
            return k + stop.trailing_zeros() as usize;
        }
        k += BLOCK;
    }
    plain_run_end_scalar(bytes, k)
}

/// As [`plain_run_end`], a byte at a time from `end` (after the run's first byte).
fn plain_run_end_scalar(bytes: &[u8], mut end: usize) -> usize {
    let n = bytes.len();
    while end < n {
        let c = bytes[end];
        if ASCII_KEEP[c as usize] != 0 {
            if c == b'.' && bytes[end - 1].is_ascii_uppercase() {
                // `bytes[end - 1]` is not `bytes[i]`, which is no upper-case letter before
                // a dot: the run keeps at least one byte.
                return end - 1;
            }
            end += 1;
        } else if c == b' ' && end + 1 < n && ASCII_KEEP[bytes[end + 1] as usize] != 0 {
            // A single space between two copied bytes is already normalized.
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// ASCII bytes copied as one byte: 0 for separators, the backtick (an apostrophe) and
/// non-ASCII bytes, which take the slow path; otherwise the byte itself.
const ASCII_KEEP: [u8; 256] = ascii_table(false);

const fn ascii_table(fold: bool) -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 0x80 {
        let c = b as u8;
        let separator = c == b' ' || c == b'-' || (c >= b'\t' && c <= b'\r');
        if !separator && c != b'`' {
            t[b] = if fold { c.to_ascii_lowercase() } else { c };
        }
        b += 1;
    }
    // NUL maps to 0 like a separator would; keep it on the slow path, which copies it.
    t[0] = 0;
    t
}

/// True when `text` is its own normalization without folding (`normalize(text, false) ==
/// text`), decided without building it: ASCII bytes copied as they are, single spaces
/// between them, no dotted acronym. False may also mean "not sure".
pub(crate) fn is_normalized(text: &str) -> bool {
    let b = text.as_bytes();
    let Some((&first, _)) = b.split_first() else {
        return true;
    };
    if ASCII_KEEP[first as usize] == 0 {
        return false;
    }
    b.windows(2).all(|w| {
        let keep = ASCII_KEEP[w[1] as usize] != 0;
        let space = w[1] == b' ';
        (keep || (space && w[0] != b' ')) && !(w[1] == b'.' && w[0].is_ascii_uppercase())
    }) && b[b.len() - 1] != b' '
}

/// Normalizes `text` and returns the result alone.
pub fn normalize(text: &str, fold: bool) -> String {
    let mut out = String::new();
    let mut map = OffsetMap::default();
    normalize_into(text, fold, &mut out, &mut map);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_map(text: &str, fold: bool) {
        let mut out = String::new();
        let mut map = OffsetMap::default();
        normalize_into(text, fold, &mut out, &mut map);
        // Every word in the normalized text maps back to the same word in the original.
        for (s, w) in word_spans(&out) {
            let (os, oe) = (map.to_original(s), map.to_original(s + w.len()));
            let orig = &text[os..oe];
            assert_eq!(
                normalize(orig, fold),
                w,
                "word {w:?} maps to {orig:?} in {text:?}"
            );
        }
    }

    fn word_spans(s: &str) -> Vec<(usize, &str)> {
        let mut v = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices() {
            match (is_word_char(c), start) {
                (true, None) => start = Some(i),
                (false, Some(st)) => {
                    v.push((st, &s[st..i]));
                    start = None
                }
                _ => {}
            }
        }
        if let Some(st) = start {
            v.push((st, &s[st..]));
        }
        v
    }

    #[test]
    fn whitespace_and_dashes_collapse() {
        assert_eq!(normalize("Kim  Jong-un", false), "Kim Jong un");
        assert_eq!(normalize("Kim\nJong \u{2013} Un", true), "kim jong un");
        assert_eq!(normalize("  Far\r\n\tEast ", false), "Far East");
    }

    #[test]
    fn apostrophes_and_acronyms() {
        assert_eq!(normalize("Russia\u{2019}s", false), "Russia's");
        assert_eq!(normalize("the U.S. and U.N.", false), "the US and UN");
        assert_eq!(normalize("U.S.-based", true), "us based");
        // Initials with spaces and single letters are left alone.
        assert_eq!(normalize("J. R. R. Smith", false), "J. R. R. Smith");
        // Lower-case abbreviations are not acronyms.
        assert_eq!(normalize("e.g. this", false), "e.g. this");
    }

    #[test]
    fn unicode_folding() {
        assert_eq!(normalize("ÉLYSÉE Палата", true), "élysée палата");
    }

    #[test]
    fn offsets_map_back() {
        check_map(
            "The U.S. and\u{2014}the  U.N.\n\nRussia\u{2019}s Far\u{a0}East",
            true,
        );
        check_map("  \u{2014} Kim Jong\u{2011}un   met İstanbul’s mayor", true);
        check_map("ÉLYSÉE Палата KIM", true);
        check_map("plain ascii text, nothing to do.", false);
    }

    #[test]
    fn acronym_span_includes_final_dot() {
        let text = "in the U.S. today";
        let mut out = String::new();
        let mut map = OffsetMap::default();
        normalize_into(text, true, &mut out, &mut map);
        let s = out.find("us").unwrap();
        assert_eq!(&text[map.to_original(s)..map.to_original(s + 2)], "U.S.");
    }

    #[test]
    fn is_normalized_means_unchanged() {
        for t in [
            "Kim Jong Un",
            "US",
            "U.S.",
            "Kim  Jong",
            "Kim-Jong",
            " Kim",
            "Kim ",
            "Mr. Kim",
            "St. Petersburg",
            "É",
            "",
            "a`b",
            "Washington, D.C.",
            "X.",
            "x.",
        ] {
            if is_normalized(t) {
                assert_eq!(normalize(t, false), t, "{t:?}");
            }
        }
        assert!(is_normalized("Kim Jong Un") && is_normalized("Mr. Kim") && is_normalized(""));
        assert!(!is_normalized("U.S.") && !is_normalized("Kim  Jong") && !is_normalized("É"));
    }

    #[test]
    fn block_runs_equal_byte_at_a_time_runs() {
        const PIECES: &[&str] = &[
            "a", "Z", "k", "Kim", "U", ".", "S", " ", "  ", "\n", "-", "\u{2014}", "`", "'", "é",
            "\t", "_", "7", ",", "A.", "U.S.", "\0", "?",
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..5_000 {
            // Mostly plain words, so that runs go past the 64-byte blocks.
            let text: String = (0..next() % 160)
                .map(|_| {
                    let r = next();
                    if r % 8 != 0 {
                        ["word ", "Kim", "abc", "x,y ", "Q"][(r / 8 % 5) as usize]
                    } else {
                        PIECES[(r / 8 % PIECES.len() as u64) as usize]
                    }
                })
                .collect();
            let bytes = text.as_bytes();
            for i in 0..bytes.len() {
                let b = bytes[i];
                let starts = ASCII_KEEP[b as usize] != 0
                    && !(b.is_ascii_uppercase() && bytes.get(i + 1) == Some(&b'.'));
                if starts {
                    assert_eq!(
                        plain_run_end(bytes, i),
                        plain_run_end_scalar(bytes, i + 1),
                        "{text:?} at {i}"
                    );
                }
            }
        }
    }
}

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
    let mut w = Writer {
        // The output is built as bytes: every push below is a whole UTF-8 sequence.
        buf: std::mem::take(out).into_bytes(),
        map,
        fold,
        pending_space: false,
        prev_word: false,
        delta: 0,
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i = if ASCII_KEEP[b as usize] != 0
            && !(b.is_ascii_uppercase() && bytes.get(i + 1) == Some(&b'.'))
        {
            w.plain_run(bytes, i)
        } else if b < 0x80 {
            w.ascii(bytes, i)
        } else {
            match text[i..].chars().next() {
                Some(c) => w.char(c, i),
                None => break,
            }
        };
    }
    let buf = w.buf;
    // Only whole UTF-8 sequences were pushed: copies of ASCII bytes (lower-cased ASCII is
    // ASCII), spaces and apostrophes, and whole encoded chars. Checked in debug builds.
    debug_assert!(std::str::from_utf8(&buf).is_ok());
    // SAFETY: as above, `buf` is valid UTF-8.
    *out = unsafe { String::from_utf8_unchecked(buf) };
}

/// The state of [`normalize_into`] between two steps: each step reads from byte `i` of the
/// text, writes to `buf` and `map`, and returns where the next step starts.
struct Writer<'m> {
    buf: Vec<u8>,
    map: &'m mut OffsetMap,
    fold: bool,
    /// Separators were read since the last character written: one space is due.
    pending_space: bool,
    /// Whether the previous emitted char was a word char, for acronym detection.
    prev_word: bool,
    /// `i - buf.len()` as of the last map point: a space that keeps it needs no new point.
    delta: usize,
}

impl Writer<'_> {
    /// Writes the space due before the character at `i`, if one is, and a map point where
    /// the offset relation changes.
    #[inline]
    fn space_before(&mut self, i: usize) {
        if self.pending_space {
            self.buf.push(b' ');
            self.pending_space = false;
            if self.buf.len().wrapping_add(self.delta) != i {
                self.delta = i.wrapping_sub(self.buf.len());
                self.map.push(self.buf.len(), i);
            }
        }
    }

    /// The common case: a run of ASCII bytes that map to one byte each (letters, digits,
    /// most punctuation, single spaces between them) is found by a table lookup a byte and
    /// copied in one go. An upper-case letter before a dot may start a dotted acronym: the
    /// run stops before it and [`Writer::ascii`] decides.
    #[inline]
    fn plain_run(&mut self, bytes: &[u8], i: usize) -> usize {
        self.space_before(i);
        let end = plain_run_end(bytes, i);
        let run = &bytes[i..end];
        if self.fold {
            self.buf.extend(
                run.iter()
                    .map(|&c| c | (u8::from(c.is_ascii_uppercase()) << 5)),
            );
        } else {
            self.buf.extend_from_slice(run);
        }
        let last = bytes[end - 1];
        self.prev_word = last.is_ascii_alphanumeric() || last == b'_';
        end
    }

    /// One ASCII byte off the plain path: a separator, a dotted acronym, a backtick.
    /// Every byte but separators maps to one byte, so the offset relation only changes
    /// after a run of separators longer than one byte.
    #[inline]
    fn ascii(&mut self, bytes: &[u8], i: usize) -> usize {
        let b = bytes[i];
        if b == b' ' || b == b'-' || (b'\t'..=b'\r').contains(&b) {
            if !self.buf.is_empty() {
                self.pending_space = true;
            } else {
                self.map.push(0, i + 1);
                self.delta = i + 1;
            }
            self.prev_word = false;
            return i + 1;
        }
        self.space_before(i);
        if b.is_ascii_uppercase() && !self.prev_word && bytes.get(i + 1) == Some(&b'.') {
            if let Some(len) = dotted_acronym_len(&bytes[i..]) {
                // `U.S.` → `us`: letters only, the span ends after the final dot.
                for (k, &c) in bytes[i..i + len].iter().step_by(2).enumerate() {
                    self.buf
                        .push(if self.fold { c.to_ascii_lowercase() } else { c });
                    self.map.push(self.buf.len(), i + 2 * k + 2);
                }
                let next = i + len;
                self.delta = next.wrapping_sub(self.buf.len());
                self.prev_word = true;
                return next;
            }
        }
        let c = match b {
            b'`' => b'\'',
            b'A'..=b'Z' if self.fold => b.to_ascii_lowercase(),
            _ => b,
        };
        self.buf.push(c);
        self.prev_word = b.is_ascii_alphanumeric() || b == b'_';
        i + 1
    }

    /// One character outside ASCII, starting at byte `i`.
    fn char(&mut self, c: char, i: usize) -> usize {
        let next = i + c.len_utf8();
        if is_separator(c) {
            if !self.buf.is_empty() {
                self.pending_space = true;
            }
            self.prev_word = false;
            // A leading separator is dropped; the map is fixed at the next emitted char.
            if self.buf.is_empty() {
                self.map.push(0, next);
                self.delta = next;
            }
            return next;
        }
        if self.pending_space {
            self.buf.push(b' ');
            self.pending_space = false;
            self.map.push(self.buf.len(), i);
        }
        let mut tmp = [0u8; 4];
        if is_apostrophe(c) {
            self.buf.push(b'\'');
            self.prev_word = false;
        } else if self.fold && c.is_uppercase() {
            for l in c.to_lowercase() {
                self.buf
                    .extend_from_slice(l.encode_utf8(&mut tmp).as_bytes());
            }
            self.prev_word = true;
        } else {
            self.buf
                .extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
            self.prev_word = is_word_char(c);
        }
        self.map.push(self.buf.len(), next);
        self.delta = next.wrapping_sub(self.buf.len());
        next
    }
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
    // Most names are normalized ASCII already: one copy, no offset map.
    if is_normalized(text) {
        return if fold {
            text.to_ascii_lowercase()
        } else {
            text.to_string()
        };
    }
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
            "Hello World",
            "AT&T Inc",
            "O'Brien",
        ] {
            let full = |fold: bool| {
                let (mut out, mut map) = (String::new(), OffsetMap::default());
                normalize_into(t, fold, &mut out, &mut map);
                out
            };
            if is_normalized(t) {
                assert_eq!(full(false), t, "{t:?}");
            }
            // `normalize` copies a normalized text: the same as the full path, either way.
            for fold in [false, true] {
                assert_eq!(normalize(t, fold), full(fold), "{t:?}");
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

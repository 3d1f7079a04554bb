//! The default scan engine, a word index: the patterns hashed, and the text walked from
//! each word start that may begin one, 64 bytes at a time by bit masks.
//!
//! Owns the index (hash tables, Bloom filters of first words and prefixes), its build from
//! the folded patterns, and its scan. Yields exactly the automaton's hits that pass the
//! boundary rule (a property test in `tests.rs` checks). Must not touch records, case,
//! overlaps or senses.

use super::engine::{Engine, Hit};
use super::Range32;
use crate::text::bytes::{padded_block, word_masks, BLOCK};
use crate::text::chars::is_word_char;

/// A scan engine for large gazetteers: every pattern is found by hashing the text from each
/// word start to each following boundary, as long as the text so far is a prefix of some
/// pattern that goes on past a boundary. Matches start and end at boundaries by
/// construction, so it yields exactly the hits of the automaton that pass the boundary
/// rule. It needs no automaton: a million patterns take two hash tables and their bytes
/// (tens of MB) and build in well under a second, where an Aho–Corasick automaton of that
/// size takes seconds and, while it is built, hundreds of MB.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordIndex {
    /// Pattern hash → first pattern id with that hash; `next` chains the others.
    first: rustc_hash::FxHashMap<u64, u32>,
    next: Vec<u32>,
    /// Hashes of every pattern prefix that a boundary character follows in the pattern.
    prefixes: rustc_hash::FxHashSet<u64>,
    /// The patterns' bytes, for verifying a hash hit.
    arena: String,
    bounds: Vec<Range32>,
    /// Bytes that begin a pattern without being a word character (`'s-Hertogenbosch`),
    /// as a bit set.
    odd_starts: [u64; 4],
    /// The patterns' first words (by [`word_keys`]): most words of a text begin no
    /// pattern, and this rules them out with one hash and one bit. A pattern that goes on
    /// for two bytes or more after its first word is keyed by its first word and those
    /// two bytes, so that `the` before most words walks nothing although `The Hague` is a
    /// pattern; the others by their first word alone.
    first_words: Bits,
    /// The hashes of `first` and of `prefixes`, as filters that spare most hash-table
    /// probes of a walk that finds nothing (`the` before a word that goes on no pattern).
    full_bits: Bits,
    prefix_bits: Bits,
}

/// The eight bytes of `text` from `s` as a little-endian word, zero-padded past the end.
#[inline(always)]
fn window(text: &[u8], s: usize) -> u64 {
    match text.get(s..).and_then(<[u8]>::first_chunk::<8>) {
        Some(&w) => u64::from_le_bytes(w),
        None => {
            let mut w = [0u8; 8];
            let k = text.len().saturating_sub(s).min(8);
            w[..k].copy_from_slice(&text[s..s + k]);
            u64::from_le_bytes(w)
        }
    }
}

/// The two keys of a word of `len` bytes whose [`window`] is `x`: the word alone (its
/// length and first eight bytes), and the word with the two bytes that follow it (as far
/// as the window reaches). Words that share a key collide, which costs a Bloom filter a
/// false positive. A fixed cost per word and no branch on its length.
#[inline(always)]
fn word_keys(x: u64, len: usize) -> (u64, u64) {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    /// The low `n` bytes of a word (one at least, eight at most), by `n` up to 8.
    const MASKS: [u64; 9] = {
        let mut t = [u64::MAX; 9];
        let mut n = 0;
        while n < 8 {
            t[n] = u64::MAX >> (64 - 8 * if n == 0 { 1 } else { n });
            n += 1;
        }
        t
    };
    let tag = (len as u64) << 56;
    let alone = (x & MASKS[len.min(8)]) ^ tag;
    let followed = (x & MASKS[(len + 2).min(8)]) ^ tag ^ (1 << 63);
    (alone.wrapping_mul(K), followed.wrapping_mul(K))
}

/// True for ASCII bytes that are word characters (letters, digits, `_`).
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    t
};

const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
fn hash_step(h: u64, byte: u8) -> u64 {
    (h ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3)
}

/// Length of the word character at `i` (0 when the character is not a word character).
#[inline]
fn word_len_at(bytes: &[u8], s: &str, i: usize) -> usize {
    let b = bytes[i];
    if b < 0x80 {
        usize::from(b.is_ascii_alphanumeric() || b == b'_')
    } else {
        s[i..]
            .chars()
            .next()
            .filter(|&c| is_word_char(c))
            .map_or(0, char::len_utf8)
    }
}

#[inline]
fn char_len_at(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(1, char::len_utf8)
}

/// The end of the run of word characters at `i` (`i` itself when there is none).
#[inline]
fn word_end(bytes: &[u8], s: &str, mut i: usize) -> usize {
    while i < bytes.len() {
        let len = word_len_at(bytes, s, i);
        if len == 0 {
            break;
        }
        i += len;
    }
    i
}

impl WordIndex {
    /// The index of `keys`, each pattern's id its position.
    pub(crate) fn new(keys: &[&str]) -> WordIndex {
        let mut w = WordIndex {
            next: vec![u32::MAX; keys.len()],
            ..WordIndex::default()
        };
        w.first.reserve(keys.len());
        for (id, key) in keys.iter().enumerate() {
            let start = w.arena.len() as u32;
            w.arena.push_str(key);
            w.bounds.push(Range32 {
                start,
                end: w.arena.len() as u32,
            });
            let bytes = key.as_bytes();
            if let Some(&b) = bytes.first() {
                if word_len_at(bytes, key, 0) == 0 {
                    w.odd_starts[usize::from(b >> 6)] |= 1 << (b & 63);
                }
            }
            let mut h = HASH_SEED;
            let mut i = 0;
            while i < bytes.len() {
                if i > 0 && word_len_at(bytes, key, i) == 0 {
                    w.prefixes.insert(h);
                }
                let len = char_len_at(key, i);
                for &b in &bytes[i..i + len] {
                    h = hash_step(h, b);
                }
                i += len;
            }
            if let Some(prev) = w.first.insert(h, id as u32) {
                w.next[id] = prev;
            }
        }
        // Every word of a text is looked up: 64 bits a pattern, so that a word that begins
        // no pattern passes about one time in 64 (first words are shared: fewer).
        w.first_words = Bits::with_capacity(keys.len(), 64);
        for key in keys {
            let bytes = key.as_bytes();
            let first = word_end(bytes, key, 0);
            if first > 0 {
                let (alone, followed) = word_keys(window(bytes, 0), first);
                // A pattern that goes on for two bytes or more is keyed with them.
                if bytes.len() >= first + 2 {
                    w.first_words.insert(followed);
                } else {
                    w.first_words.insert(alone);
                }
            }
        }
        w.full_bits = Bits::with_capacity(w.first.len(), 32);
        for &h in w.first.keys() {
            w.full_bits.insert(h);
        }
        w.prefix_bits = Bits::with_capacity(w.prefixes.len(), 32);
        for &h in &w.prefixes {
            w.prefix_bits.insert(h);
        }
        w
    }

    /// Whether the word `text[s..e]` may begin a pattern (alone, or with the two bytes
    /// that follow it).
    #[inline(always)]
    fn may_begin(&self, text: &[u8], s: usize, e: usize) -> bool {
        let (alone, followed) = word_keys(window(text, s), e - s);
        self.first_words.contains(alone) | self.first_words.contains(followed)
    }

    /// The id of the pattern equal to `text`, whose hash is `h`.
    #[inline]
    fn lookup(&self, h: u64, text: &str) -> Option<u32> {
        let mut id = *self.first.get(&h)?;
        loop {
            if self.bounds[id as usize].of(&self.arena) == text {
                return Some(id);
            }
            id = self.next[id as usize];
            if id == u32::MAX {
                return None;
            }
        }
    }

    /// Every pattern occurrence in `norm` that starts and ends at a boundary, as hits.
    ///
    /// The text is cut into runs of word characters and non-ASCII bytes, 64 bytes at a
    /// time by bit masks. An ASCII run is a word, and its first bytes say whether it may
    /// begin a pattern; a run with non-ASCII bytes (accented letters, curly quotes) is
    /// walked a character at a time. Outside runs only ASCII punctuation and spaces
    /// remain, which begin a pattern only in gazetteers with such odd starts (then the
    /// whole text is walked a character at a time).
    fn find(&self, norm: &str, hits: &mut Vec<Hit>) {
        let bytes = norm.as_bytes();
        let n = bytes.len();
        if self.odd_starts[0] | self.odd_starts[1] != 0 {
            return self.find_chars(norm, 0, n, hits);
        }
        // A run that began in an earlier block and has not ended: its start, and whether
        // it holds non-ASCII bytes so far.
        let mut pending: Option<(usize, bool)> = None;
        // Whether the last byte of the previous block was in a run.
        let mut carry = 0u64;
        let mut base = 0;
        let mut tail = [0u8; BLOCK];
        while base < n {
            let m = word_masks(padded_block(bytes, base, &mut tail));
            let runs = m.word | m.high;
            let before = (runs << 1) | carry;
            // Where runs start, and where they end (the first byte after each).
            let mut starts = runs & !before;
            let mut ends = !runs & before;
            carry = runs >> 63;
            if let Some((start, high)) = pending {
                if ends == 0 {
                    // The run goes on through the whole block.
                    pending = Some((start, high || m.high != 0));
                    base += BLOCK;
                    continue;
                }
                let e = ends.trailing_zeros();
                ends &= ends - 1;
                let high = high || m.high & ((1u64 << e) - 1) != 0;
                self.run(norm, start, base + e as usize, high, hits);
                pending = None;
            }
            // Starts and ends now pair up; the last start may have no end in this block.
            while starts != 0 {
                let st = starts.trailing_zeros();
                starts &= starts - 1;
                if ends == 0 {
                    pending = Some((base + st as usize, (m.high >> st) != 0));
                    break;
                }
                let e = ends.trailing_zeros();
                ends &= ends - 1;
                let (s, e) = (base + st as usize, base + e as usize);
                if m.high == 0 {
                    if self.may_begin(bytes, s, e) {
                        self.walk(norm, s, hits);
                    }
                } else {
                    let inside = (m.high >> st) & ((1u64 << (e - s)) - 1);
                    self.run(norm, s, e, inside != 0, hits);
                }
            }
            base += BLOCK;
        }
        if let Some((start, high)) = pending {
            self.run(norm, start, n, high, hits);
        }
    }

    /// One run of word characters and non-ASCII bytes, `start..end`, with no word
    /// character on either side.
    #[inline]
    fn run(&self, norm: &str, start: usize, end: usize, high: bool, hits: &mut Vec<Hit>) {
        if high {
            self.find_chars(norm, start, end, hits);
        } else if self.may_begin(norm.as_bytes(), start, end) {
            self.walk(norm, start, hits);
        }
    }

    /// The patterns that start in `from..to`, a character at a time; `from` has no word
    /// character before it.
    fn find_chars(&self, norm: &str, from: usize, to: usize, hits: &mut Vec<Hit>) {
        let bytes = norm.as_bytes();
        let mut prev_word = false;
        let mut s = from;
        while s < to {
            let e = word_end(bytes, norm, s);
            if e > s {
                if self.may_begin(bytes, s, e) {
                    self.walk(norm, s, hits);
                }
                prev_word = true;
                s = e;
                continue;
            }
            let b = bytes[s];
            let odd = self.odd_starts[usize::from(b >> 6)] & (1 << (b & 63)) != 0;
            if odd && !prev_word {
                self.walk(norm, s, hits);
            }
            prev_word = false;
            s += char_len_at(norm, s);
        }
    }

    fn walk(&self, norm: &str, s: usize, hits: &mut Vec<Hit>) {
        let bytes = norm.as_bytes();
        let n = bytes.len();
        let mut h = HASH_SEED;
        let mut e = s;
        loop {
            // To the next boundary: the end of the text or a character that is not a word
            // character (always at least one character past `s`).
            loop {
                let b = bytes[e];
                if b < 0x80 {
                    h = hash_step(h, b);
                    e += 1;
                } else {
                    let len = char_len_at(norm, e);
                    for &b in &bytes[e..e + len] {
                        h = hash_step(h, b);
                    }
                    e += len;
                }
                if e >= n {
                    break;
                }
                let c = bytes[e];
                let word = if c < 0x80 {
                    ASCII_WORD[c as usize]
                } else {
                    word_len_at(bytes, norm, e) > 0
                };
                if !word {
                    break;
                }
            }
            if self.full_bits.contains(h) {
                if let Some(id) = self.lookup(h, &norm[s..e]) {
                    hits.push(Hit {
                        start: s as u32,
                        end: e as u32,
                        pattern: id,
                    });
                }
            }
            if e >= n || !self.prefix_bits.contains(h) || !self.prefixes.contains(&h) {
                return;
            }
        }
    }
}

/// A one-hash Bloom filter over 64-bit hashes: `contains` is false for every hash never
/// inserted but a few.
#[derive(Debug, Clone, Default)]
struct Bits {
    words: Vec<u64>,
    /// `64 - log2(bits)`: the top bits of a hash pick its bit.
    shift: u32,
}

impl Bits {
    /// A filter for about `n` hashes, `per` bits each (at least 64 Kib, at most 32 MiB):
    /// a hash never inserted passes about one time in `per`.
    fn with_capacity(n: usize, per: usize) -> Bits {
        let bits = (n * per).next_power_of_two().clamp(1 << 16, 1 << 28);
        Bits {
            words: vec![0; bits / 64],
            shift: 64 - bits.trailing_zeros(),
        }
    }

    #[inline]
    fn insert(&mut self, h: u64) {
        let slot = (h >> self.shift) as usize;
        self.words[slot / 64] |= 1 << (slot % 64);
    }

    #[inline(always)]
    fn contains(&self, h: u64) -> bool {
        let slot = (h >> self.shift) as usize;
        debug_assert!(slot / 64 < self.words.len());
        // SAFETY: `shift` keeps the top `log2(bits)` bits of the hash, so `slot < bits`
        // and `slot / 64 < bits / 64 == words.len()` (see `with_capacity`).
        let word = unsafe { *self.words.get_unchecked(slot / 64) };
        word & (1 << (slot % 64)) != 0
    }

    fn memory_usage(&self) -> usize {
        self.words.capacity() * 8
    }
}

impl WordIndex {
    /// The patterns, by id (for an automaton of the same patterns).
    pub(crate) fn keys(&self) -> Vec<&str> {
        self.bounds.iter().map(|b| b.of(&self.arena)).collect()
    }
}

impl Engine for WordIndex {
    #[inline]
    fn scan(&self, norm: &str, hits: &mut Vec<Hit>) {
        self.find(norm, hits);
    }

    fn memory_usage(&self) -> usize {
        self.first.capacity() * 16
            + self.first_words.memory_usage()
            + self.full_bits.memory_usage()
            + self.prefix_bits.memory_usage()
            + self.next.capacity() * 4
            + self.prefixes.capacity() * 8
            + self.arena.capacity()
            + self.bounds.capacity() * 8
    }
}

//! Byte classes of 64-byte blocks as bit masks, for the scanners' hot loops.
//!
//! Owns the one place where text bytes are classified many at a time: bit `i` of a mask
//! says whether byte `i` of the block is in a class (word characters, separators, sentence
//! terminators, ...). On x86_64 the classes come from SSE2 compares, elsewhere from a loop;
//! both give the same bits (a test checks). The scanners then walk words and stops with
//! bit operations instead of a branch a byte. Must not know what the classes mean to
//! normalization, matching or segmentation: those rules stay in their modules.

/// Bytes a block holds.
pub(crate) const BLOCK: usize = 64;

/// Masks of one block for the word scan: ASCII word characters (letters, digits, `_`) and
/// non-ASCII bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordMasks {
    pub(crate) word: u64,
    pub(crate) high: u64,
}

/// Masks of one block for normalization: bytes copied as they are (ASCII but separators,
/// the backtick and NUL), spaces, upper-case ASCII letters and dots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CopyMasks {
    pub(crate) keep: u64,
    pub(crate) space: u64,
    pub(crate) upper: u64,
    pub(crate) dot: u64,
}

/// The word masks of `block`.
#[inline]
pub(crate) fn word_masks(block: &[u8; BLOCK]) -> WordMasks {
    imp::word_masks(block)
}

/// The copy masks of `block`.
#[inline]
pub(crate) fn copy_masks(block: &[u8; BLOCK]) -> CopyMasks {
    imp::copy_masks(block)
}

/// The mask of bytes that may end a sentence or a line: `.`, `!`, `?`, `\n`, and `0xE2`
/// (the first byte of `…`).
#[inline]
pub(crate) fn terminator_mask(block: &[u8; BLOCK]) -> u64 {
    imp::terminator_mask(block)
}

/// The mask of bytes that stop a JSON string's plain run: `"`, `\\` and the control
/// characters (below 0x20). NUL is one: pad no block for it.
#[inline]
pub(crate) fn string_stop_mask(block: &[u8; BLOCK]) -> u64 {
    imp::string_stop_mask(block)
}

/// Bytes of a [`NameMasks`] window.
pub(crate) const NAME_WINDOW: usize = 16;

/// Masks of 16 bytes for reading the word next to a name: the bytes of a word as the
/// context rules read it (ASCII letters, digits, `_`, `'`, `-` and `.`), and non-ASCII
/// bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NameMasks {
    pub(crate) word: u16,
    pub(crate) high: u16,
}

/// The name masks of `window`.
#[inline]
pub(crate) fn name_masks(window: &[u8; NAME_WINDOW]) -> NameMasks {
    imp::name_masks(window)
}

/// The block of `bytes` starting at `at`, when 64 bytes are left.
#[inline]
pub(crate) fn block_at(bytes: &[u8], at: usize) -> Option<&[u8; BLOCK]> {
    bytes.get(at..at + BLOCK).and_then(|b| b.try_into().ok())
}

/// The block of `bytes` starting at `at` (`at < bytes.len()`); near the end, the bytes
/// left copied into `pad` and zero-padded. NUL is in no class (not a word character, not
/// non-ASCII, not a terminator), so the padding adds no bits to any mask.
#[inline]
pub(crate) fn padded_block<'a>(
    bytes: &'a [u8],
    at: usize,
    pad: &'a mut [u8; BLOCK],
) -> &'a [u8; BLOCK] {
    match block_at(bytes, at) {
        Some(b) => b,
        None => {
            let left = &bytes[at..];
            // Zeros first, as one block store, then the bytes left.
            *pad = [0; BLOCK];
            pad[..left.len()].copy_from_slice(left);
            pad
        }
    }
}

#[inline]
fn is_keep(b: u8) -> bool {
    b < 0x80 && b != 0 && b != b' ' && b != b'-' && b != b'`' && !(b'\t'..=b'\r').contains(&b)
}

/// The same masks a byte at a time: the definition the fast version must equal.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
mod scalar {
    use super::{is_keep, CopyMasks, NameMasks, WordMasks, BLOCK, NAME_WINDOW};

    fn mask(block: &[u8; BLOCK], f: impl Fn(u8) -> bool) -> u64 {
        block
            .iter()
            .enumerate()
            .fold(0, |m, (i, &b)| m | (u64::from(f(b)) << i))
    }

    pub(super) fn word_masks(block: &[u8; BLOCK]) -> WordMasks {
        WordMasks {
            word: mask(block, |b| b.is_ascii_alphanumeric() || b == b'_'),
            high: mask(block, |b| b >= 0x80),
        }
    }

    pub(super) fn copy_masks(block: &[u8; BLOCK]) -> CopyMasks {
        CopyMasks {
            keep: mask(block, is_keep),
            space: mask(block, |b| b == b' '),
            upper: mask(block, |b| b.is_ascii_uppercase()),
            dot: mask(block, |b| b == b'.'),
        }
    }

    pub(super) fn terminator_mask(block: &[u8; BLOCK]) -> u64 {
        mask(block, |b| matches!(b, b'.' | b'!' | b'?' | b'\n' | 0xE2))
    }

    pub(super) fn string_stop_mask(block: &[u8; BLOCK]) -> u64 {
        mask(block, |b| b == b'"' || b == b'\\' || b < 0x20)
    }

    pub(super) fn name_masks(window: &[u8; NAME_WINDOW]) -> NameMasks {
        let mask = |f: fn(u8) -> bool| {
            window
                .iter()
                .enumerate()
                .fold(0u16, |m, (i, &b)| m | (u16::from(f(b)) << i))
        };
        NameMasks {
            word: mask(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'\'' | b'-' | b'.')),
            high: mask(|b| b >= 0x80),
        }
    }
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
use scalar as imp;

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod imp {
    use super::{CopyMasks, NameMasks, WordMasks, BLOCK, NAME_WINDOW};
    use std::arch::x86_64::{
        __m128i, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_setzero_si128, _mm_sub_epi8,
    };

    /// The four 16-byte lanes of a block.
    #[inline(always)]
    fn lanes(block: &[u8; BLOCK]) -> [__m128i; 4] {
        let p = block.as_ptr();
        // SAFETY: the block has 64 bytes, so each unaligned 16-byte load at 0, 16, 32 and 48
        // is in bounds; SSE2 is enabled for this target (the cfg above).
        unsafe {
            [
                _mm_loadu_si128(p.cast()),
                _mm_loadu_si128(p.add(16).cast()),
                _mm_loadu_si128(p.add(32).cast()),
                _mm_loadu_si128(p.add(48).cast()),
            ]
        }
    }

    /// Bit i of the result is the top bit of byte i of the i/16-th vector.
    #[inline(always)]
    fn bits(v: [__m128i; 4]) -> u64 {
        // SAFETY: SSE2 is enabled for this target.
        unsafe {
            (_mm_movemask_epi8(v[0]) as u16 as u64)
                | (_mm_movemask_epi8(v[1]) as u16 as u64) << 16
                | (_mm_movemask_epi8(v[2]) as u16 as u64) << 32
                | (_mm_movemask_epi8(v[3]) as u16 as u64) << 48
        }
    }

    #[inline(always)]
    fn eq(v: __m128i, b: u8) -> __m128i {
        // SAFETY: SSE2 is enabled for this target.
        unsafe { _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8)) }
    }

    /// Bytes in `lo..=hi`, as unsigned bytes (`hi - lo < 128`).
    #[inline(always)]
    fn range(v: __m128i, lo: u8, hi: u8) -> __m128i {
        // SAFETY: SSE2 is enabled for this target.
        unsafe {
            // v - lo - 128 is below hi - lo - 128 (signed) exactly when lo <= v <= hi.
            let shifted = _mm_sub_epi8(v, _mm_set1_epi8(lo.wrapping_add(0x80) as i8));
            _mm_cmplt_epi8(shifted, _mm_set1_epi8((hi - lo).wrapping_add(0x81) as i8))
        }
    }

    #[inline(always)]
    fn or(a: __m128i, b: __m128i) -> __m128i {
        // SAFETY: SSE2 is enabled for this target.
        unsafe { _mm_or_si128(a, b) }
    }

    #[inline(always)]
    fn high(v: __m128i) -> __m128i {
        // SAFETY: SSE2 is enabled for this target.
        unsafe { _mm_cmplt_epi8(v, _mm_setzero_si128()) }
    }

    pub(super) fn word_masks(block: &[u8; BLOCK]) -> WordMasks {
        let v = lanes(block);
        let word = v.map(|x| {
            or(
                or(range(x, b'a', b'z'), range(x, b'A', b'Z')),
                or(range(x, b'0', b'9'), eq(x, b'_')),
            )
        });
        WordMasks {
            word: bits(word),
            high: bits(v.map(high)),
        }
    }

    pub(super) fn copy_masks(block: &[u8; BLOCK]) -> CopyMasks {
        let v = lanes(block);
        let not_keep = v.map(|x| {
            or(
                or(or(high(x), eq(x, 0)), or(eq(x, b' '), eq(x, b'-'))),
                or(eq(x, b'`'), range(x, b'\t', b'\r')),
            )
        });
        // SAFETY: SSE2 is enabled for this target.
        let ones = unsafe { _mm_set1_epi8(-1) };
        // SAFETY: as above.
        let keep = not_keep.map(|m| unsafe { _mm_andnot_si128(m, ones) });
        CopyMasks {
            keep: bits(keep),
            space: bits(v.map(|x| eq(x, b' '))),
            upper: bits(v.map(|x| range(x, b'A', b'Z'))),
            dot: bits(v.map(|x| eq(x, b'.'))),
        }
    }

    pub(super) fn terminator_mask(block: &[u8; BLOCK]) -> u64 {
        let v = lanes(block);
        bits(v.map(|x| {
            or(
                or(eq(x, b'.'), eq(x, b'!')),
                or(or(eq(x, b'?'), eq(x, b'\n')), eq(x, 0xE2)),
            )
        }))
    }

    pub(super) fn string_stop_mask(block: &[u8; BLOCK]) -> u64 {
        let v = lanes(block);
        bits(v.map(|x| or(or(eq(x, b'"'), eq(x, b'\\')), range(x, 0, 0x1f))))
    }

    pub(super) fn name_masks(window: &[u8; NAME_WINDOW]) -> NameMasks {
        // SAFETY: the window has 16 bytes, so the unaligned load is in bounds; SSE2 is
        // enabled for this target (the cfg above).
        let x = unsafe { _mm_loadu_si128(window.as_ptr().cast::<__m128i>()) };
        let word = or(
            or(range(x, b'a', b'z'), range(x, b'A', b'Z')),
            or(
                or(range(x, b'0', b'9'), eq(x, b'_')),
                or(eq(x, b'\''), or(eq(x, b'-'), eq(x, b'.'))),
            ),
        );
        // SAFETY: SSE2 is enabled for this target.
        let (word, high) = unsafe { (_mm_movemask_epi8(word), _mm_movemask_epi8(x)) };
        NameMasks {
            word: word as u16,
            high: high as u16,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_masks_equal_the_scalar_definition() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut block = [0u8; BLOCK];
        for round in 0..4000 {
            for b in block.iter_mut() {
                let r = next();
                // Half the rounds over every byte value, half over ASCII text-like bytes.
                *b = if round % 2 == 0 {
                    r as u8
                } else {
                    b" \t\n\r-.`_!?aZ09zA\0\x7f@[{/:'\"\\\x1f"[(r % 27) as usize]
                };
            }
            assert_eq!(word_masks(&block), scalar::word_masks(&block));
            assert_eq!(copy_masks(&block), scalar::copy_masks(&block));
            assert_eq!(terminator_mask(&block), scalar::terminator_mask(&block));
            assert_eq!(string_stop_mask(&block), scalar::string_stop_mask(&block));
            for window in block.chunks_exact(NAME_WINDOW) {
                let window = window.try_into().unwrap();
                assert_eq!(name_masks(window), scalar::name_masks(window));
            }
        }
        for b in 0..=255u8 {
            let block = [b; BLOCK];
            assert_eq!(word_masks(&block), scalar::word_masks(&block), "byte {b}");
            assert_eq!(copy_masks(&block), scalar::copy_masks(&block), "byte {b}");
            assert_eq!(
                terminator_mask(&block),
                scalar::terminator_mask(&block),
                "byte {b}"
            );
            assert_eq!(
                string_stop_mask(&block),
                scalar::string_stop_mask(&block),
                "byte {b}"
            );
            let window = [b; NAME_WINDOW];
            assert_eq!(name_masks(&window), scalar::name_masks(&window), "byte {b}");
        }
    }

    #[test]
    fn padded_blocks_end_in_zeros_that_are_in_no_class() {
        let text = b"Mr. Kim met Putin. They spoke.\nAnother line follows here, long enough: 70+";
        let mut pad = [0xFFu8; BLOCK];
        assert_eq!(padded_block(text, 0, &mut pad)[..], text[..BLOCK]);
        let tail = padded_block(text, BLOCK, &mut pad);
        let left = text.len() - BLOCK;
        assert_eq!(tail[..left], text[BLOCK..]);
        assert!(tail[left..].iter().all(|&b| b == 0));
        let zeros = [0u8; BLOCK];
        assert_eq!(terminator_mask(&zeros), 0);
        assert_eq!(word_masks(&zeros), WordMasks { word: 0, high: 0 });
    }
}

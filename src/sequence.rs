//! A fixed pseudo-random sequence for the property tests that build their inputs from
//! pieces: the same inputs on every run, no dependency. Test-only; must not be used to
//! decide anything in the library.

/// The numbers of a linear congruential generator started at `seed` (Knuth's MMIX
/// constants), the high bits of each state.
pub(crate) fn sequence(seed: u64) -> impl FnMut() -> usize {
    let mut state = seed;
    move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    }
}

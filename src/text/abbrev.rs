//! Abbreviations written with a full stop: the one list of them, and the lookups the
//! segmenter and the name finder make on it.
//!
//! Owns [`ABBREVIATIONS`] (after which a full stop does not end a sentence), the subset of
//! them that are titles and stay inside a name (`Mr. Kim`, `St. Petersburg`), and the words
//! that are abbreviations only before a number (`No. 5`). Must not know about sentences,
//! mentions or candidates: the segmenter and `suggest` decide what a hit means to them.

/// Abbreviations after which a full stop does not end a sentence (compared case-sensitively
/// on the word before the dot), sorted by bytes for a binary search.
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Amb", "Apr", "Assn", "Aug", "Ave", "Blvd", "Bros", "Capt", "Cmdr", "Co", "Col", "Corp",
    "Dec", "Dept", "Dr", "Feb", "Fig", "Ft", "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Jul", "Jun",
    "Lt", "Ltd", "Maj", "Mar", "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms", "Mt", "Nov", "Oct",
    "Ph", "Pres", "Prof", "Rd", "Rep", "Rev", "Sec", "Sen", "Sep", "Sept", "Sgt", "Sr", "St",
    "Ste", "Supt", "Univ", "Vol", "al", "approx", "cf", "etc", "fig", "pp", "vol", "vs",
];

/// The [`ABBREVIATIONS`] that are titles or name parts and so join the words around them
/// into one name (`Mr. Kim`, `Gen. Lee`, `Mt. Paektu`, `Kim Jong Un Jr.`).
const NAME_ABBREVIATIONS: &[&str] = &[
    "Capt", "Col", "Dr", "Ft", "Gen", "Gov", "Jr", "Lt", "Mr", "Mrs", "Ms", "Mt", "Prof", "Rep",
    "Rev", "Sen", "Sgt", "Sr", "St",
];

/// Words that make a full stop an abbreviation's only when a number follows (`No. 5`).
const NUMBER_ABBREVIATIONS: &[&str] = &["No", "no", "Nos", "Art", "art", "p"];

/// The longest of [`ABBREVIATIONS`], in bytes.
const MAX_ABBREVIATION: usize = 6;

/// [`ABBREVIATIONS`] as [`word_key`]s, in the same (sorted) order: the word before every
/// full stop is looked up by a binary search over integers, with no string comparison.
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    assert!(MAX_ABBREVIATION <= 8, "a key holds 8 bytes");
    let mut keys = [0u64; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = word_key(ABBREVIATIONS[i].as_bytes());
        i += 1;
    }
    keys
};

/// The first 8 bytes of `word` as a big-endian integer, zero-padded: words without NUL
/// that fit compare as their keys do.
const fn word_key(word: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let mut i = 0;
    while i < word.len() && i < 8 {
        b[i] = word[i];
        i += 1;
    }
    u64::from_be_bytes(b)
}

/// Whether `word` (the word before a full stop, as written) is one of the abbreviations
/// after which the stop does not end a sentence.
#[inline]
pub(crate) fn is_abbreviation(word: &str) -> bool {
    word.len() <= MAX_ABBREVIATION
        && ABBREVIATION_KEYS
            .binary_search(&word_key(word.as_bytes()))
            .is_ok()
}

/// Whether `word` makes the full stop after it an abbreviation's when a number follows.
pub(crate) fn is_number_abbreviation(word: &str) -> bool {
    NUMBER_ABBREVIATIONS.contains(&word)
}

/// Whether `word`, in any case (`Mr`, `mr`, `MR`), is an abbreviated title or name part
/// that joins the words on both sides of its full stop into one name.
pub(crate) fn is_name_abbreviation(word: &str) -> bool {
    NAME_ABBREVIATIONS
        .iter()
        .any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_fit_the_length_bound_and_nest() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= MAX_ABBREVIATION));
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        // A title that joins a name is also an abbreviation for the segmenter, or the
        // sentence would end inside the name.
        for a in NAME_ABBREVIATIONS {
            assert!(is_abbreviation(a), "{a}");
        }
    }

    #[test]
    fn abbreviation_lookup_finds_the_listed_words_and_nothing_near_them() {
        for a in ABBREVIATIONS {
            assert!(is_abbreviation(a), "{a}");
            // A word one byte shorter or longer, or differing in case, is a different word.
            let shorter = &a[..a.len() - 1];
            assert_eq!(
                is_abbreviation(shorter),
                ABBREVIATIONS.contains(&shorter),
                "{shorter}"
            );
            for longer in [format!("{a}s"), format!("{a}a")] {
                assert_eq!(
                    is_abbreviation(&longer),
                    ABBREVIATIONS.contains(&longer.as_str())
                );
            }
            let upper = a.to_uppercase();
            assert_eq!(
                is_abbreviation(&upper),
                ABBREVIATIONS.contains(&upper.as_str())
            );
        }
        for w in [
            "", "said", "summit", "Korea", "MR", "mr", "Mrss", "Septe", "Messrsx",
        ] {
            assert!(!is_abbreviation(w), "{w}");
        }
    }

    /// Every word the name finder's own list accepted (lower case) is still a name
    /// abbreviation, in every case; words that only end abbreviations are not.
    #[test]
    fn name_abbreviations_cover_the_former_list_in_any_case() {
        let former = [
            "capt", "col", "dr", "ft", "gen", "gov", "jr", "lt", "mr", "mrs", "ms", "mt", "prof",
            "rep", "rev", "sen", "sgt", "sr", "st",
        ];
        for w in former {
            assert!(is_name_abbreviation(w), "{w}");
            assert!(is_name_abbreviation(&w.to_uppercase()), "{w}");
        }
        for w in ["inc", "Corp", "etc", "Jan", "vs", "Mister", "M", ""] {
            assert!(!is_name_abbreviation(w), "{w}");
        }
        for (w, yes) in [("No", true), ("no", true), ("Art", true), ("Nr", false)] {
            assert_eq!(is_number_abbreviation(w), yes, "{w}");
        }
    }
}

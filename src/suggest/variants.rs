//! When two forms are one name: given-name spellings (`Yury`/`Yuri`, `Dmitri`/`Dimitri`),
//! the transliteration key of a word, the initials of a name, and whether a short form can
//! stand for a longer one (a surname, a first word, an acronym). Owns these pairwise rules
//! only: which pairs are tried, and what is merged, is `group`'s.

use crate::text::words::{is_function_word, is_given_name, is_nationality_word};

use super::form::Form;
use super::lexicon::{is_head, CONNECTORS};

/// A given name folded for transliteration: `Yury`/`Yuri`, `Sergey`/`Sergei`,
/// `Aleksandr`/`Alexandr`, `Mikhail`/`Mihail` get one key.
pub(crate) fn translit_key(w: &str) -> String {
    let s = w
        .replace("ks", "x")
        .replace("kh", "h")
        .replace(['y', 'j'], "i");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// A plain Latin vowel.
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Whether two given names are spellings of one name: equal transliteration keys, or keys
/// that differ by one vowel inserted (`Dmitri`/`Dimitri`, `Aleksandr`/`Aleksander`) or, for
/// long names, one vowel changed.
pub(crate) fn same_given_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ka, kb) = (translit_key(a), translit_key(b));
    if ka == kb {
        return a.chars().next() == b.chars().next() || a.len() >= 4;
    }
    let (x, y): (Vec<char>, Vec<char>) = (ka.chars().collect(), kb.chars().collect());
    if x.first() != y.first() || x.len().min(y.len()) < 4 {
        return false;
    }
    if x.len() == y.len() {
        let diff: Vec<usize> = (0..x.len()).filter(|&k| x[k] != y[k]).collect();
        return x.len() >= 5 && diff.len() == 1 && is_vowel(x[diff[0]]) && is_vowel(y[diff[0]]);
    }
    let (long, short) = if x.len() > y.len() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    if long.len() != short.len() + 1 {
        return false;
    }
    let k = (0..short.len())
        .find(|&k| long[k] != short[k])
        .unwrap_or(short.len());
    is_vowel(long[k]) && long[k + 1..] == short[k..]
}

/// The initials of a name's words, connectors and function words aside (`fefu`).
pub(crate) fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !CONNECTORS.contains(&w.as_str()) && !is_function_word(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Words after which the rest of a name is what it is named after (`University of
/// Warwick`, `Addicted To Love`, `Freddy Vs Jason`).
const NAMED_AFTER: [&str; 10] = [
    "of", "to", "for", "on", "and", "the", "at", "from", "vs", "v",
];

/// Whether short form `s` of a name can stand for full form `l`: a word suffix (`Chang Son`
/// of `Kim Chang Son`, `Ushakov` of `Yury Ushakov`, also spelt otherwise: `Kozhemiako` of
/// `Oleg Kozhemyako`), a first word of a person's name (`Kwon` of `Kwon Jong Gun`) or of a
/// place named by its head words (`Russky` of `Russky Island`) that is no nationality, or
/// the acronym of its initials (`FEFU` of `Far Eastern Federal University`).
pub(crate) fn attaches(s: &Form, l: &Form) -> bool {
    let (sw, lw) = (&s.words, &l.words);
    if s.upper {
        // An acronym of the name's initials (`FEFU`).
        let initials = initials(lw);
        return sw.len() == 1 && initials.chars().count() >= 3 && initials == sw[0];
    }
    // An initial for a person's given name (`G Dempsey` of `Girvan Dempsey`, as line-ups
    // write them, `A. Brelton` of `Arlo Brelton`).
    if s.initialled() && sw.len() == lw.len() && sw[1..] == lw[1..] && l.person_like() {
        let mut given = lw[0].chars();
        return given.next() == sw[0].chars().next() && given.next().is_some();
    }
    // Names joined by `&` are each their own (`Dragons` of `Dungeons & Dragons`, `Spencer`
    // of `Marks & Spencer`).
    if sw.len() >= lw.len() || l.surface().contains(" & ") {
        return false;
    }
    if lw.ends_with(sw) {
        // A name after `of`, `to`, `vs` or another word of [`NAMED_AFTER`] is what the
        // longer name is named after, not a short form of it (`Alicia Keys` of the album
        // `Diary of Alicia Keys`, `Love` of the song `Addicted To Love`); a person's
        // particle is no such word (`Gaulle` of `Charles de Gaulle`, `Cate` of `Henk ten
        // Cate`).
        if NAMED_AFTER.contains(&lw[lw.len() - sw.len() - 1].as_str()) {
            return false;
        }
        // A nationality or a language ends another name only as the surname of a name that
        // opens with a given name (`English` of `Bill English`, not of `Results of English`).
        if matches!(sw.as_slice(), [w] if is_nationality_word(w)) {
            return l.person_like() && is_given_name(&lw[0]);
        }
        return l.person_like() || s.distinctive();
    }
    // A surname spelt another way (`Kozhemiako` of `Oleg Kozhemyako`).
    if let ([w], Some(last)) = (sw.as_slice(), lw.last()) {
        if l.person_like() && w.len() >= 5 && translit_key(w) == translit_key(last) {
            return s.distinctive();
        }
    }
    // A first word, but not a nationality's, which is a modifier (`Islamic` of `Islamic
    // Fundamentalist`, `Korean` of `Korean Hwanyoung`).
    sw.len() == 1
        && lw[0] == sw[0]
        && s.distinctive()
        && (l.person_like() || lw[1..].iter().all(|w| is_head(w)))
        && !is_nationality_word(&sw[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nationality_is_a_short_form_only_of_a_surname_never_a_first_word() {
        let english = Form::new("English");
        assert!(attaches(&english, &Form::new("Bill English")));
        assert!(!attaches(&english, &Form::new("Results of English")));
        // An initial stands for a given name, not a given name for an initial.
        let (initial, full) = (Form::new("G Dempsey"), Form::new("Girvan Dempsey"));
        assert!(attaches(&initial, &full));
        assert!(!attaches(&full, &initial));
        assert!(!attaches(&Form::new("K Dempsey"), &full));
        assert!(!attaches(&Form::new("Gi Dempsey"), &full));
        assert!(attaches(&Form::new("G. Dempsey"), &full));
        // Any other last word still stands for its name, unless a function word puts it
        // after what the name is named after.
        assert!(attaches(
            &Form::new("Brandvold"),
            &Form::new("Ilse Brandvold")
        ));
        assert!(!attaches(
            &Form::new("Brandvold"),
            &Form::new("Results of Brandvold")
        ));
        assert!(!attaches(
            &Form::new("Ilse Brandvold"),
            &Form::new("Diary of Ilse Brandvold")
        ));
        assert!(!attaches(
            &Form::new("Love"),
            &Form::new("Addicted To Love")
        ));
        assert!(attaches(
            &Form::new("Gaulle"),
            &Form::new("Charles de Gaulle")
        ));
        // Nor is a nationality the first word of a name (a modifier), which any other
        // first word may be (`Kwon` of `Kwon Jong Gun`).
        assert!(!attaches(
            &Form::new("Islamic"),
            &Form::new("Islamic Fundamentalist")
        ));
        assert!(attaches(&Form::new("Kwon"), &Form::new("Kwon Jong Gun")));
    }
}

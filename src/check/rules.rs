//! The lints that judge one alias or one entity on its own: junk words, very short and
//! one-letter aliases, mistyped attributes, ids, missing ASCII spellings and missing short
//! forms.
//!
//! Must not compare with other entities (that is `shared`).

use crate::error::Level;
use crate::gazetteer::{Alias, Entity};
use crate::model::EntityType;
use crate::text::acronym::is_acronym;
use crate::text::chars::is_word_char;
use crate::text::normalize::normalize;
use crate::text::words::{junk_reason, JunkReason};

/// An alias that is a number, a function word, a date word or a common English word, and
/// is not anchored: the junk guard sets it aside (or, when forced, it fires on prose).
/// A forced one is a note: forcing is the author's decision, made with the marker; but a
/// company's is a warning: a company or club named by an ordinary word (`Apple`,
/// `Next`, `Shell`) needs context, its full name or company words (anchor it). Anchored and
/// forced (`~!Next`) is the form that asks for that context: no problem.
pub(super) fn word_problem(entity: &Entity, alias: &Alias) -> Option<(Level, String)> {
    if is_acronym(&normalize(&alias.text, false)) || alias.demonym {
        return None;
    }
    let reason = junk_reason(&normalize(&alias.text, true))?;
    let a = &alias.text;
    let what = match reason {
        JunkReason::Number => "a number",
        JunkReason::FunctionWord => "an English function word",
        JunkReason::Calendar => "a weekday or month name",
        JunkReason::CommonWord => "a common English word",
    };
    match (reason, alias.anchored, alias.forced) {
        (JunkReason::CommonWord, true, _) | (_, true, true) => None,
        (_, _, true) if is_company(entity) => Some((Level::Warning, format!(
            "alias `{a}` is {what} and is forced: an organization named by an ordinary word needs context; anchor it (`~!{a}`) so it counts where the organization is named in full or company words stand next to it (`{a} Inc`, `shares in {a}`)"
        ))),
        (_, _, true) => Some((Level::Note, format!(
            "alias `{a}` is {what} and is forced: it will match ordinary prose; anchor it (`~{a}`) so it counts only where the entity is named in full"
        ))),
        (JunkReason::CommonWord, false, false) => Some((Level::Warning, format!(
            "alias `{a}` is {what} and not anchored: it is set aside when matching; anchor it (`~{a}`) or force it (`!{a}`)"
        ))),
        (_, true, false) => Some((Level::Warning, format!(
            "alias `{a}` is {what}: it is set aside even when anchored; write `~!{a}` to count it where the entity is named in full"
        ))),
        _ => Some((Level::Warning, format!(
            "alias `{a}` is {what}: it is set aside when matching unless forced; `~!{a}` counts it where the entity is named in full"
        ))),
    }
}

/// An organization that may be a company: `kind=company`, or no `kind` or `sport` (an
/// institution, party or club says what it is, and its ordinary-word name, `Treasury`,
/// `Arsenal`, is a choice the pack made for its readers).
fn is_company(entity: &Entity) -> bool {
    entity.kind == EntityType::Organization
        && !entity.attrs.contains_key("sport")
        && entity.attrs.get("kind").is_none_or(|k| k == "company")
}

/// A plain alias of one or two letters (or three in lower case) that is not an acronym,
/// unless it is a person's family name written first (`Xi`, `Li`): the form news uses.
pub(super) fn short_problem(entity: &Entity, alias: &Alias) -> Option<String> {
    if alias.anchored || alias.demonym {
        return None;
    }
    if entity.kind == EntityType::Person && FAMILY_NAME_FIRST.contains(&alias.text.as_str()) {
        return None;
    }
    let cased = normalize(&alias.text, false);
    let letters: Vec<char> = cased.chars().filter(|&c| is_word_char(c)).collect();
    // Written in capitals: an acronym (`UN`), a code (`G7`) or an initial (`X`), which
    // the case check keeps from matching ordinary words.
    let capitals = !cased.chars().any(char::is_lowercase);
    let short = letters.len() <= 2 || (letters.len() == 3 && cased.starts_with(char::is_lowercase));
    (short && !capitals).then(|| {
        format!(
            "very short alias `{}` is not an acronym: it may match unrelated words; anchor it (`~{}`) or drop it",
            alias.text, alias.text
        )
    })
}

/// An id that is not `type:name` with no whitespace or further colon: the graph's node ids
/// and every reader of them expect that shape. The ids `entgraph discover` gives carry a
/// prefix of their own (`discovered:person:ruth-kelly`), so that they never clash with a
/// listed entity's.
pub(super) fn id_problem(entity: &Entity) -> Option<String> {
    let id = entity
        .id
        .strip_prefix(crate::suggest::DISCOVERED_PREFIX)
        .unwrap_or(&entity.id);
    let ok = id.split_once(':').is_some_and(|(t, rest)| {
        !t.is_empty()
            && t.chars().all(|c| c.is_ascii_lowercase())
            && !rest.is_empty()
            && !rest.contains(':')
            && !rest.chars().any(char::is_whitespace)
    });
    (!ok).then(|| {
        format!(
            "id `{}` is not of the form `type:name` (a lower-case type, a colon, a name without spaces or colons)",
            entity.id
        )
    })
}

/// An alias that looks like a mistyped attribute (`Wikidata=Q42`: keys are lower case), or
/// a single letter, which matches initials and list markers everywhere.
pub(super) fn syntax_problem(alias: &Alias) -> Option<String> {
    let a = &alias.text;
    if a.contains('=') {
        return Some(format!(
            "alias `{a}` contains `=`: an attribute's key must be a lower-case word (`key=value`)"
        ));
    }
    let letters = a.chars().filter(|&c| is_word_char(c)).count();
    (letters == 1 && !alias.anchored).then(|| {
        format!("one-letter alias `{a}` matches initials and list markers: anchor it (`~{a}`) or drop it")
    })
}

/// A non-ASCII alias whose ASCII spelling (`Sao Paulo` for `São Paulo`) the entity does not
/// list: text written without the diacritics will not match, as normalization keeps them.
pub(super) fn ascii_spelling(entity: &Entity, alias: &Alias) -> Option<String> {
    if alias.text.is_ascii() {
        return None;
    }
    let ascii = ascii_fold(&alias.text)?;
    let listed = entity.aliases.iter().any(|a| a.text == ascii);
    (!listed).then(|| {
        format!(
            "alias `{}` has no ASCII spelling: add `{ascii}` if the press writes it so",
            alias.text
        )
    })
}

/// `text` without its diacritics, when that leaves plain ASCII (`São` → `Sao`, `Łódź` →
/// `Lodz`); `None` for text in another script.
fn ascii_fold(text: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'ł' => 'l',
            'Ł' => 'L',
            'ı' => 'i',
            'đ' => 'd',
            'Đ' => 'D',
            'ø' => 'o',
            'Ø' => 'O',
            '’' => '\'',
            c => c,
        })
        .collect();
    folded.is_ascii().then_some(folded)
}

/// Surnames that come first in Korean, Chinese and Vietnamese names (`Kim Chang Son`).
const FAMILY_NAME_FIRST: &[&str] = &[
    "Kim", "Lee", "Ri", "Rhee", "Park", "Pak", "Choe", "Choi", "Jung", "Chung", "Kang", "Cho",
    "Yoon", "Yun", "Jang", "Lim", "Han", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Moon", "Mun",
    "Hong", "Ko", "Xi", "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou",
    "Wu", "Hu", "Wen", "Jiang", "Nguyen", "Tran",
];

/// An entity listed by its label alone whose label has an obvious short form: a person's
/// surname, an organization's initials.
pub(super) fn missing_short_form(entity: &Entity) -> Option<String> {
    if entity.aliases.len() > 1 {
        return None;
    }
    let words: Vec<&str> = entity.label.split_whitespace().collect();
    match entity.kind {
        EntityType::Person if words.len() >= 2 => {
            let first = words[0];
            // A surname thousands share (`Kim`, `Lee`, `Wang`) alone is no short form of
            // one person: a pack should not anchor it to a minor figure.
            if FAMILY_NAME_FIRST.contains(&first) {
                return None;
            }
            let surname = {
                let last = words[words.len() - 1];
                let suffix = matches!(
                    last.trim_end_matches('.'),
                    "Jr" | "Sr" | "II" | "III" | "IV"
                );
                if suffix {
                    words[words.len() - 2]
                } else {
                    last
                }
            }
            .trim_end_matches(',');
            Some(format!(
                "`{}` has no alias besides its label: add `~{surname}` so that the surname alone counts where the full name appears",
                entity.label
            ))
        }
        EntityType::Organization => {
            let caps: String = words
                .iter()
                .filter(|w| w.starts_with(char::is_uppercase))
                .filter_map(|w| w.chars().next())
                .collect();
            (caps.chars().count() >= 3 && caps.len() == caps.chars().count()).then(|| {
                format!(
                    "`{}` has no alias besides its label: add its acronym (`{caps}`?) or short name if the press uses one",
                    entity.label
                )
            })
        }
        _ => None,
    }
}

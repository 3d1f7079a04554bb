//! The name rules: a place inside a longer name (a capitalized word before or after it, an
//! organization after it, an organization's head and `of` before it), a place used as a
//! person's surname, a listed person's surname after another given name, and a listed
//! person's given name before another surname. Must not touch the team rules.

use super::words::*;
use super::{DocContext, GivenStart, Near, Scene, Verdict};
use crate::matcher::describes::EntityClass;
use crate::model::{Mention, Span};
use crate::text::words::{
    is_common_word, is_function_word, is_given_name, is_org_head, is_title_word,
};

/// `w`, the word before a name, when it makes the name the end of a longer one: a
/// capitalized word that is not a mention, a function, title, compass or qualifier word, or
/// a number, nor a common word opening the sentence (`Visiting Moscow`).
pub(super) fn plain_before<'t>(text: &'t str, w: Word<'t>, others: &[Span]) -> Option<Word<'t>> {
    if !w.capitalized() {
        return None;
    }
    let f = w.folded();
    // A word ending with a full stop ends the sentence before (`Americans. Moscow`).
    let plain = !w.text.ends_with('.')
        && !w.is_number()
        && !w.acronym()
        && !w.adjective()
        && !overlaps(others, Span::new(w.start, w.end()))
        && !is_function_word(&f)
        && !is_title_word(&f)
        && lists(&f) & QUALIFIER == 0
        && !w.mixed_script()
        && !(opens_sentence(text, w.start) && f.split('-').any(is_common_word));
    plain.then_some(w)
}

/// The alias at `p` (lower case) when the text uses it as a surname: one word after a given
/// name (a capitalized word before it that is not a common word or an organization's head,
/// in a line that is not a headline), or after an honorific.
pub(super) fn surname_alias(text: &str, p: Span, others: &[Span]) -> Option<String> {
    // Both cases need a capitalized word before.
    let before = word_before(text, p.start()).filter(|w| w.capitalized())?;
    let alias = &text[p.range()];
    if alias.contains(char::is_whitespace) {
        return None;
    }
    let honorific = before.honorific();
    // A given name: one of the shipped list, or a word with a capital inside (`MaliVai`).
    let given = plain_before(text, before, others).is_some_and(|w| {
        let f = w.folded();
        let camel = w.text.chars().skip(1).any(char::is_uppercase);
        w.name_like() && !is_common_word(&f) && (is_given_name(&f) || camel)
    });
    let headline = || line_at(text, p.start()).is_some_and(headline);
    ((honorific || given) && !headline()).then(|| alias.to_lowercase())
}

/// An organization's one-word name after a given name or an honorific is a person's
/// surname (`Juan Carlos Ferrero`, `Darren Campbell's`, `Mr Dell`), not the company; read
/// as a place's surname is ([`surname_alias`]).
pub(super) fn firm_surname(scene: &Scene<'_>, m: &Mention) -> Option<Verdict> {
    let text = scene.text;
    let before = word_before(text, m.span.start())?;
    // Not after an article written like a short given name (`Al Fatah`, `El Al`).
    if !before.honorific() && before.text.chars().count() < 3 {
        return None;
    }
    surname_alias(text, m.span, scene.others)?;
    Some(Verdict::Person(format!(
        "`{} {}` names a person",
        before.text,
        &text[m.span.range()]
    )))
}

/// A listed person's surname after another given name or initial (`Cherie Blair`, `Ian
/// Blair`, `J. Blair` for Tony Blair) names someone else. A given name that starts like the
/// listed one's is taken for a spelling of it (`Vladmir Putin`, `Yuri Ushakov`).
pub(super) fn other_person(
    scene: &Scene<'_>,
    m: &Mention,
    mentions: &[Mention],
) -> Option<Verdict> {
    let text = scene.text;
    let listed = scene.given.get(m.entity.index()).copied().flatten()?;
    // A capitalized word before: the usual plain word or full stop rules it out at a glance.
    if glance_before(text, m.span.start()) == Glance::Other {
        if let Some(v) = other_given(scene, m, listed) {
            return Some(v);
        }
        if glance_after(text, m.span.end()) == Glance::Other {
            if let Some(v) = inside_longer(scene, m) {
                return Some(v);
            }
        }
    }
    if glance_after(text, m.span.end()) == Glance::Other {
        return other_surname(scene, m, listed, mentions);
    }
    None
}

/// A person's given name (or first word) alone, as a short form of the person, followed by
/// another surname (`Robert Coles` where the person is Robert Allenby, `Adam Hunter` for
/// Adam Hollioake) names someone else. Kept out of line, as the rarer case.
#[inline(never)]
fn other_surname(
    scene: &Scene<'_>,
    m: &Mention,
    listed: GivenStart,
    mentions: &[Mention],
) -> Option<Verdict> {
    let text = scene.text;
    let given = &text[m.span.range()];
    let lower = given.to_lowercase();
    // The word need not be on a list of given names: it is the first word of the person's
    // name, used alone (`Ruud` of Ruud van Nistelrooy before `Gullit`).
    if given.contains(char::is_whitespace) || GivenStart::of_lower(&lower) != listed {
        return None;
    }
    let w = word_after(text, m.span.end()).filter(|w| w.capitalized() && w.name_like())?;
    let f = w.folded();
    // The surname may be listed as something else (`Coles` the grocer), but not as a person:
    // that is two people side by side (`Kim Putin flags` under a photograph).
    let k = mentions.partition_point(|x| x.span.start() < w.start);
    let person_after = mentions.get(k).is_some_and(|x| {
        x.span.start() == w.start && scene.kinds.get(x.entity.index()) == Some(&EntityClass::Person)
    });
    let plain = !is_function_word(&f) && !is_title_word(&f) && !is_common_word(&f);
    let headline = || line_at(text, m.span.start()).is_some_and(headline);
    (plain && !person_after && !headline()).then(|| {
        Verdict::Person(format!(
            "`{given} {}` is another person than the one named {given}",
            w.text
        ))
    })
}

/// A one-word name of a person between two capitalized words, neither a title, a given name
/// nor a function word, the one before no other mention nor honorific, is a word of a longer
/// name (`Bruce` of `Beach Boy Bruce Johnston`, where the person is Steve Bruce), outside
/// headlines. Kept out of line, as the rarer case.
#[inline(never)]
fn inside_longer(scene: &Scene<'_>, m: &Mention) -> Option<Verdict> {
    let text = scene.text;
    let name = &text[m.span.range()];
    if name.contains(char::is_whitespace) {
        return None;
    }
    let before = word_before(text, m.span.start()).filter(|w| w.capitalized())?;
    let after = word_after(text, m.span.end()).filter(|w| w.capitalized() && w.name_like())?;
    let plain = |f: &str| !is_given_name(f) && !is_title_word(f) && !is_function_word(f);
    let ok = !before.honorific()
        && plain_before(text, before, scene.others).is_some()
        && plain(&before.folded())
        && plain(&after.folded());
    let headline = || line_at(text, m.span.start()).is_some_and(headline);
    (ok && !headline()).then(|| {
        Verdict::Person(format!(
            "`{} {name} {}` is a longer name",
            before.text, after.text
        ))
    })
}

/// [`other_person`] once a glance found a word before the surname that may be a given
/// name: reads it. Kept out of line, as the rarer case.
#[inline(never)]
fn other_given(scene: &Scene<'_>, m: &Mention, listed: GivenStart) -> Option<Verdict> {
    let text = scene.text;
    let surname = &text[m.span.range()];
    if surname.contains(char::is_whitespace) {
        return None;
    }
    let w = word_before(text, m.span.start()).filter(|w| w.capitalized())?;
    let bare = w.text.trim_end_matches('.');
    let initial = bare.chars().count() == 1;
    if !initial {
        // A given name, or a word that may be one (not common, no title, no honorific).
        let named = plain_before(text, w, scene.others).is_some_and(|w| w.name_like());
        if !named || w.honorific() {
            return None;
        }
    }
    let f = w.folded();
    if !initial && !is_given_name(&f) && is_common_word(&f) {
        return None;
    }
    let same = if initial {
        f.starts_with(listed.first())
    } else {
        GivenStart::of_lower(&f) == listed
    };
    // Capitals say nothing in a headline (`Kim Arrives To Meet Putin`).
    let headline = || line_at(text, m.span.start()).is_some_and(headline);
    (!same && !headline()).then(|| {
        Verdict::Person(format!(
            "`{} {surname}` is another person than the listed one with that surname",
            w.text
        ))
    })
}

/// The name rules' verdict on `m`, whatever the line.
pub(super) fn in_name(
    scene: &Scene<'_>,
    ctx: &mut DocContext,
    m: &Mention,
    mentions: &[Mention],
    near: Near<'_>,
) -> Option<Verdict> {
    let (text, p) = (scene.text, m.span);
    let alias = &text[p.range()];
    if let Some(w) = near.before {
        if w.honorific() {
            return Some(Verdict::Person(format!("`{} {alias}` is a person", w.text)));
        }
    }
    if let Some(w) = near
        .before
        .and_then(|w| plain_before(text, w, scene.others))
    {
        return Some(Verdict::InName(format!(
            "`{} {alias}` is a longer name (a capitalized word before the place)",
            w.text
        )));
    }
    if let Some(w) = near.after {
        // An organization's acronym after a place is a dateline (`Moscow CNN`), not a name.
        // Where an organization's mention starts: a place right before one is part of its
        // name.
        let org = |at: usize| {
            let k = mentions.partition_point(|x| x.span.start() < at);
            mentions.get(k).is_some_and(|x| {
                x.span.start() == at
                    && scene.kinds.get(x.entity.index()) == Some(&EntityClass::Other)
            })
        };
        if w.capitalized() && !w.acronym() && org(w.start) {
            return Some(Verdict::InName(format!(
                "`{alias}` opens the name of the organization that follows (`{alias} {}`…)",
                w.text
            )));
        }
        let plain = w.capitalized()
            && !w.is_number()
            && !w.acronym()
            && !overlaps(scene.others, Span::new(w.start, w.end()))
            && !title_follows(text, w)
            && !name_follows(text, w);
        if plain {
            return Some(Verdict::InName(format!(
                "`{alias} {}` is a longer name (a capitalized word after the place)",
                w.text
            )));
        }
    }
    if let Some(head) = head_of(text, near.before) {
        return Some(Verdict::InName(format!(
            "`{head} of {alias}` is the name of an organization"
        )));
    }
    let first = match ctx.surnames.is_empty() {
        true => None,
        false => ctx.surname_at(&alias.to_lowercase()),
    };
    if first.is_some_and(|at| at < scene.offset + p.start()) {
        return Some(Verdict::Person(format!(
            "the document names a person with the surname `{alias}` before"
        )));
    }
    None
}

/// Whether the capitalized words from `w` on (up to three) hold a title word or a function
/// word, so that the place before them describes someone (`Hong Kong Financial Secretary`)
/// or ends a phrase (`Russia On Monday`) rather than opens a longer name.
pub(super) fn title_follows(text: &str, w: Word<'_>) -> bool {
    let mut next = Some(w);
    for _ in 0..3 {
        let Some(w) = next else { break };
        if !w.capitalized() {
            break;
        }
        let f = w.folded();
        if is_title_word(&f) || is_function_word(&f) {
            return true;
        }
        next = word_after(text, w.end());
    }
    false
}

/// Whether a person's name starts at `w`: a given name, or a word that is neither common
/// nor an organization's head, followed by another capitalized word that is no
/// organization's head (`for North Korea Stephen Biegun`, `for Russia Tove Lindqvist`),
/// so that the place before it ends a phrase.
pub(super) fn name_follows(text: &str, w: Word<'_>) -> bool {
    let Some(next) = word_after(text, w.end()).filter(|n| n.capitalized()) else {
        return false;
    };
    let f = w.folded();
    let given = is_given_name(&f) || !is_common_word(&f) && !is_org_head(&f);
    given && !is_org_head(&next.folded())
}

/// The organization head before `of` (and `the`) before byte `at`: `Bank` in `Bank of
/// Canada`, `University` in `University of the West Indies`.
pub(super) fn head_of<'t>(text: &'t str, before: Option<Word<'t>>) -> Option<&'t str> {
    let mut w = before?;
    if w.text.eq_ignore_ascii_case("the") {
        w = word_before(text, w.start)?;
    }
    if w.text != "of" {
        return None;
    }
    let head = word_before(text, w.start).filter(|h| h.capitalized())?;
    let f = head.folded();
    (is_org_head(&f) && lists(&f) & COMPANY == 0).then_some(head.text)
}

/// Whether the demonym at `p` names a language: before `speaking`, `speakers` or `language`
/// (`Spanish-speaking`, `the French language`), or after `in`, `into`, `speak`, `speaks`,
/// `spoke`, `speaking` or `fluent` with nothing after it that it qualifies (`performed in
/// Swedish for the first time`, `translated into Russian.`; not `in French media`).
pub(crate) fn language(text: &str, p: Span) -> bool {
    let rest = &text[p.end()..];
    let tail = rest.strip_prefix(['-', ' ']).unwrap_or("");
    let next = leading_letters(tail);
    if matches!(
        next,
        "speaking" | "speaker" | "speakers" | "language" | "languages"
    ) {
        return true;
    }
    let spoken = word_before(text, p.start()).is_some_and(|w| {
        matches!(
            w.text,
            "in" | "into" | "speak" | "speaks" | "spoke" | "speaking" | "fluent"
        )
    });
    if !spoken {
        return false;
    }
    // Nothing after it, or the end of the phrase: punctuation or a preposition.
    match rest.trim_start_matches([' ', '\t']).chars().next() {
        None => true,
        Some(c) if !c.is_alphanumeric() => matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\u{2026}' | '\u{201d}'
        ),
        Some(_) => {
            rest.starts_with(' ') && {
                matches!(
                    leading_letters(rest.trim_start_matches(' ')),
                    "for"
                        | "by"
                        | "at"
                        | "on"
                        | "to"
                        | "with"
                        | "from"
                        | "as"
                        | "is"
                        | "was"
                        | "but"
                )
            }
        }
    }
}

/// The ASCII letters `s` starts with.
fn leading_letters(s: &str) -> &str {
    let end = s
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(s.len());
    &s[..end]
}

//! The "describes" rule: a place mention that introduces a named person (`Russian
//! President Vladimir Putin`) describes that person rather than standing for the place.
//!
//! Owns the rule and the title test of the text between the two mentions. It only sets
//! [`Mention::describes`] on mentions already chosen; must not add, drop or move mentions,
//! nor touch the scan or the senses.

use crate::gazetteer::Entity;
use crate::model::{EntityId, EntityType, Mention};
use crate::text::words::{is_function_word, is_title_word};

/// What an entity is, as far as descriptions go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntityClass {
    Person,
    Place,
    /// A place that is a country (an `iso` code, or `kind=country`): a national team
    /// bears its name.
    Country,
    Other,
}

impl EntityClass {
    /// The kind of `entity`.
    pub(crate) fn of(entity: &Entity) -> EntityClass {
        match entity.kind {
            EntityType::Person => EntityClass::Person,
            EntityType::Place if entity.is_country() => EntityClass::Country,
            EntityType::Place => EntityClass::Place,
            EntityType::Organization | EntityType::Other(_) => EntityClass::Other,
        }
    }

    /// A place, country or not.
    pub(crate) fn is_place(self) -> bool {
        matches!(self, EntityClass::Place | EntityClass::Country)
    }
}

/// Marks each place mention that introduces a named person: a demonym, directly or
/// through a title of at most four words (`Russian President Vladimir Putin`, `North
/// Korean leader Kim Jong Un`); a possessive (`North Korea's Kim Jong Un`, `Russia's
/// Foreign Minister Sergei Lavrov`); or a place name used as a title's first word (`North
/// Korea leader Kim Jong-un`, `Moscow Mayor Sergei Sobyanin`). The place describes the
/// person. A function word, punctuation or a paragraph break in between (`Russian and
/// Chinese officials met Putin`, `in Russia Putin said`) means it does not. `kinds` holds
/// each entity's kind.
pub(crate) fn mark_descriptions(kinds: &[EntityClass], text: &str, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (head, tail) = mentions.split_at_mut(i);
        let (m, next) = (&mut head[i - 1], &tail[0]);
        let kind = |e: EntityId| kinds.get(e.index()).copied();
        if kind(next.entity) != Some(EntityClass::Person)
            || !kind(m.entity).is_some_and(EntityClass::is_place)
        {
            continue;
        }
        let gap = &text[m.span.end()..next.span.start()];
        let describes = if m.demonym {
            title_words(gap).is_some()
        } else if let Some(rest) = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("’s")) {
            title_words(rest).is_some()
        } else {
            title_words(gap).is_some_and(|n| n > 0)
        };
        if describes {
            m.describes = Some(next.entity);
        }
    }
}

/// The number of words in `gap`, the text between a place and a person's name, when it is
/// a title: up to four words, each a title word (`president`, `foreign`, `minister`, `mr.`:
/// the shipped list) or a capitalized word that is not a function word (`Foreign Ministry
/// spokesman`, `Workers' Party Chairman`), separated by whitespace within one paragraph.
fn title_words(gap: &str) -> Option<usize> {
    if !gap.starts_with(char::is_whitespace) || gap.matches('\n').count() > 1 {
        return None;
    }
    let mut words = 0;
    for word in gap.split_whitespace() {
        words += 1;
        let bare = word.strip_suffix('.').unwrap_or(word);
        let lower = bare.to_lowercase();
        let capitalized = bare.starts_with(char::is_uppercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
        let title = is_title_word(&lower) || capitalized && !is_function_word(&lower);
        if words > 4 || !title {
            return None;
        }
    }
    Some(words)
}

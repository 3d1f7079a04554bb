//! The rules every entry obeys, whatever format it was written in: type words, attribute
//! keys, usable alias texts, the id rule, and merging an alias into an entity's list.
//!
//! Must not parse a format or read files.

use std::collections::BTreeMap;

use super::{Alias, Entity};
use crate::error::Location;
use crate::model::EntityType;
use crate::text::chars::is_word_char;
use crate::text::words::regnal_name;

pub use crate::model::is_type_word;

/// True for a valid attribute key: lower-case ASCII letters, digits and `_`, starting with
/// a letter.
pub(super) fn is_attr_key(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The id derived from a type and a label: `person:vladimir-putin`.
///
/// # Examples
/// ```
/// assert_eq!(entgraph::gazetteer::derive_id("place", "Côte d'Ivoire"), "place:côte-d-ivoire");
/// ```
pub fn derive_id(kind: &str, label: &str) -> String {
    let mut slug = String::with_capacity(label.len());
    for c in label.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    format!("{kind}:{slug}")
}

/// Checks an alias text; returns a message when it cannot be used.
pub(super) fn check_alias_text(text: &str) -> Option<String> {
    if text.is_empty() {
        Some("empty alias".to_string())
    } else if !text.chars().any(is_word_char) {
        // Normalizing keeps every word character a word character (a capital's lower
        // case is a letter) and makes none: the text itself says.
        Some(format!("alias `{text}` has no letters or digits"))
    } else {
        None
    }
}

/// Builds the entity once its fields are parsed; the id is derived unless given.
pub(super) fn finish_entity(
    id: Option<String>,
    label: &str,
    kind: EntityType,
    attrs: BTreeMap<String, String>,
    aliases: Vec<Alias>,
    location: Location,
) -> Result<Entity, Vec<String>> {
    let id = match id {
        Some(id) if id.chars().any(char::is_whitespace) => {
            return Err(vec![format!("id `{id}` contains whitespace")]);
        }
        Some(id) => id,
        None => derive_id(kind.as_str(), label),
    };
    let mut aliases = aliases;
    if kind == EntityType::Person {
        add_regnal_names(&mut aliases);
    }
    Ok(Entity {
        id,
        label: label.to_string(),
        kind,
        attrs,
        aliases,
        location,
    })
}

/// Adds to a person's aliases the name of each written as a royal title and one name
/// (`Charles` of `Prince Charles`, `Harald` of `King Harald V`), anchored, unless the
/// entry lists it already: where the text names the sovereign so, the name alone is the
/// same person (`Prince Charles ... Charles and Camilla`), and elsewhere it is not theirs
/// (`Ray Charles`).
fn add_regnal_names(aliases: &mut Vec<Alias>) {
    let implied: Vec<Alias> = aliases
        .iter()
        .filter(|a| !a.demonym)
        .filter_map(|a| {
            let name = regnal_name(&a.text)?;
            Some(Alias {
                text: name.to_string(),
                anchored: true,
                forced: false,
                default_sense: false,
                demonym: false,
                case: a.case,
                location: a.location.clone(),
            })
        })
        .collect();
    for alias in implied {
        if !aliases.iter().any(|a| a.text == alias.text && !a.demonym) {
            aliases.push(alias);
        }
    }
}

/// Adds `alias` to `list` unless the same text of the same kind is there already, in which
/// case the flags that only add permission (forced, default sense) are combined and, when
/// the repeat adds no flag (`Georgia | +Georgia` does), the first one's location is returned.
pub(super) fn merge_alias(list: &mut Vec<Alias>, alias: Alias) -> Option<Location> {
    if let Some(a) = list.iter_mut().find(|a| {
        a.text == alias.text && a.anchored == alias.anchored && a.demonym == alias.demonym
    }) {
        let adds = (alias.forced && !a.forced) || (alias.default_sense && !a.default_sense);
        a.forced |= alias.forced;
        a.default_sense |= alias.default_sense;
        (!adds).then(|| a.location.clone())
    } else {
        list.push(alias);
        None
    }
}

//! The JSON Lines gazetteer format: one object a line (`label`, `type`, `aliases`,
//! `anchored`, `force`, `default_for`, `demonyms`, `attrs`, `id`, `case`).
//!
//! Owns the object schema and its error messages. Must not merge entities (the loader does)
//! or read files.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::entry::{check_alias_text, finish_entity, is_type_word};
use super::{Alias, CasePolicy, Entity, Parsed};
use crate::error::{Location, Problem};
use crate::model::EntityType;

/// Parses a JSON Lines gazetteer, handing each entry and each problem to `out` in line
/// order.
pub(super) fn parse(name: &str, text: &str, out: &mut dyn FnMut(Parsed)) {
    let file: std::sync::Arc<str> = name.into();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let loc = Location::line0(file.clone(), i);
        match serde_json::from_str::<JsonEntry>(line) {
            Ok(entry) => match entry.into_entity(loc.clone()) {
                Ok(e) => out(Parsed::Entity(e)),
                Err(messages) => {
                    for m in messages {
                        out(Parsed::Problem(Problem::error(loc.clone(), m)));
                    }
                }
            },
            Err(e) => out(Parsed::Problem(Problem::error(
                loc,
                format!("invalid entry: {e}"),
            ))),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonEntry {
    label: String,
    #[serde(rename = "type")]
    kind: String,
    id: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    anchored: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    force: Vec<String>,
    #[serde(default)]
    default_for: Vec<String>,
    case: Option<String>,
    #[serde(default)]
    attrs: BTreeMap<String, serde_json::Value>,
}

impl JsonEntry {
    fn into_entity(self, location: Location) -> Result<Entity, Vec<String>> {
        let mut errors = Vec::new();
        let label = self.label.trim().to_string();
        if label.is_empty() {
            errors.push("empty label".to_string());
        }
        if !is_type_word(&self.kind) {
            errors.push(format!(
                "invalid type `{}` (expected a lower-case word such as person, place, organization)",
                self.kind
            ));
        }
        let case = match self.case.as_deref() {
            None => CasePolicy::Smart,
            Some(c) => CasePolicy::parse(c).unwrap_or_else(|| {
                errors.push(format!("invalid case policy `{c}`"));
                CasePolicy::Smart
            }),
        };
        let alias = |text: &str, anchored: bool, demonym: bool| Alias {
            text: text.trim().to_string(),
            anchored,
            forced: false,
            default_sense: false,
            demonym,
            case,
            location: location.clone(),
        };
        let mut aliases = vec![alias(&label, false, false)];
        aliases.extend(self.aliases.iter().map(|a| alias(a, false, false)));
        aliases.extend(self.anchored.iter().map(|a| alias(a, true, false)));
        aliases.extend(self.demonyms.iter().map(|a| alias(a, false, true)));
        for (list, is_force) in [(&self.force, true), (&self.default_for, false)] {
            for name in list {
                let name = name.trim();
                let mut hit = false;
                for a in aliases.iter_mut().filter(|a| a.text == name) {
                    hit = true;
                    if is_force {
                        a.forced = true;
                    } else {
                        a.default_sense = true;
                    }
                }
                if !hit {
                    let mut a = alias(name, false, false);
                    a.forced = is_force;
                    a.default_sense = !is_force;
                    aliases.push(a);
                }
            }
        }
        // The label is an alias like the others (an empty one is reported above).
        for a in &aliases[usize::from(label.is_empty())..] {
            if let Some(m) = check_alias_text(&a.text) {
                errors.push(m);
            }
        }
        let mut attrs = BTreeMap::new();
        for (k, v) in self.attrs {
            let v = match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Bool(b) => b.to_string(),
                other => {
                    errors.push(format!(
                        "attribute `{k}` must be a string, number or boolean, not {other}"
                    ));
                    continue;
                }
            };
            attrs.insert(k, v);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        finish_entity(
            self.id,
            &label,
            EntityType::new(&self.kind),
            attrs,
            aliases,
            location,
        )
    }
}

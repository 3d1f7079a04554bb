//! Alias variants: the forms each alias is matched in besides itself.
//!
//! Must not normalize text itself (that is [`crate::text::normalize`]) or know the matcher.

use crate::model::EntityType;
use crate::text::normalize::normalize;

/// The forms an alias is matched in, case preserved and normalized: the alias itself,
/// hyphenated name parts joined (`Jong-un` → `Jongun`), for people with three or more
/// name parts the last two joined (`Kim Jong Un` → `Kim Jongun`), and abbreviation dots
/// dropped (`St. Petersburg` → `St Petersburg`). Hyphens and spaces need no variant: the
/// matcher normalizes both to one space in text and alias alike.
///
/// # Examples
/// ```
/// use entgraph::model::EntityType;
/// let v = entgraph::gazetteer::variants("Kim Jong-un", &EntityType::Person);
/// assert_eq!(v, ["Kim Jong un", "Kim Jongun"]);
/// ```
pub fn variants(alias: &str, kind: &EntityType) -> Vec<String> {
    let base = normalize(alias, false);
    let mut out = vec![base.clone()];
    let push = |v: String, out: &mut Vec<String>| {
        if !v.is_empty() && !out.contains(&v) {
            out.push(v);
        }
    };
    // Hyphen joined: remove separators that were hyphens between letters in the alias.
    if alias.contains(['-', '\u{2010}', '\u{2011}']) {
        let joined: String = alias
            .split(['-', '\u{2010}', '\u{2011}'])
            .collect::<Vec<_>>()
            .join("");
        push(normalize(&joined, false), &mut out);
    }
    if *kind == EntityType::Person {
        let parts: Vec<&str> = base.split(' ').collect();
        let n = parts.len();
        if n >= 3
            && parts[n - 2..]
                .iter()
                .all(|p| p.len() <= 5 && p.chars().all(char::is_alphabetic))
        {
            let joined = format!(
                "{} {}{}",
                parts[..n - 2].join(" "),
                parts[n - 2],
                parts[n - 1].to_lowercase()
            );
            push(joined, &mut out);
        }
    }
    if base.contains(". ") {
        push(base.replace(". ", " "), &mut out);
    }
    out
}

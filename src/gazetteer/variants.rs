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
    // Tokenized text writes a possessive apart from its word (`Moody 's`, `Traders '
    // Association`), as the CoNLL and Penn Treebank corpora do.
    let forms: Vec<String> = out.iter().filter_map(|v| possessive_apart(v)).collect();
    for v in forms {
        push(v, &mut out);
    }
    out
}

/// `alias` (normalized: apostrophes are `'`) with each possessive apostrophe written apart
/// from the word before it: `Moody's` → `Moody 's`, `Traders' Association` → `Traders '
/// Association`; `None` when it has none. An apostrophe inside a word (`O'Brien`) is no
/// possessive.
fn possessive_apart(alias: &str) -> Option<String> {
    let chars: Vec<char> = alias.chars().collect();
    let mut out = String::with_capacity(alias.len() + 2);
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|k| chars[k]);
        let after = chars.get(i + 1).copied();
        let ends = |k: usize| chars.get(k).is_none_or(|c| !c.is_alphanumeric());
        let possessive = c == '\''
            && before.is_some_and(char::is_alphanumeric)
            && ((matches!(after, Some('s' | 'S')) && ends(i + 2))
                || (matches!(before, Some('s' | 'S')) && ends(i + 1)));
        if possessive {
            out.push(' ');
            changed = true;
        }
        out.push(c);
    }
    changed.then_some(out)
}

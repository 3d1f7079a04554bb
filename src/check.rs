//! Checking gazetteers: the lints of `entgraph gazetteer check` and the figures of `--stats`.
//!
//! Owns the warnings about aliases that will not do what their author meant (shared,
//! common words, very short, contained in another entity's alias, written twice, missing an
//! obvious short form) and the per-type and per-file statistics. Works on a loaded
//! [`Gazetteer`] only: syntax errors are the loader's; matching text is the matcher's (this
//! module only writes out the matcher's explanations, [`write_explanations`]). Must not
//! print: the binary passes the writer.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{self, Write};

use crate::error::{Level, Location, Problem};
use crate::gazetteer::{Alias, Entity, Gazetteer};
use crate::matcher::Explanation;
use crate::model::{EntityId, EntityType};
use crate::text::acronym::is_acronym;
use crate::text::chars::is_word_char;
use crate::text::normalize::normalize;
use crate::text::words::{junk_reason, JunkReason};

/// Which lints to run and on what.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Report only problems located in these sources (file names as loaded); empty means
    /// every source. The other sources still count: a topic pack's alias that a world-pack
    /// entity shares is reported in the topic pack.
    pub scope: BTreeSet<String>,
}

impl CheckOptions {
    fn in_scope(&self, location: &Location) -> bool {
        self.scope.is_empty() || self.scope.contains(&*location.path)
    }
}

/// The most entities a shared-alias or containment warning lists by name.
const LIST_MAX: usize = 5;

/// Runs every lint over `gazetteer` and returns the warnings, sorted by file, line and
/// message.
///
/// # Examples
/// ```
/// use entgraph::{check, Gazetteer};
/// let g = Gazetteer::from_str(
///     "people.txt",
///     "Kim Jong Un | ~Kim\nKim Jong Il | ~Kim\nTheresa May | May\n",
/// )
/// .unwrap();
/// let report: Vec<String> = check::lint(&g, &check::CheckOptions::default())
///     .iter()
///     .map(|p| p.to_string())
///     .collect();
/// assert!(report.iter().any(|l| l.starts_with("people.txt:1: alias `Kim` is shared")));
/// assert!(report.iter().any(|l| l.starts_with("people.txt:3: alias `May` is a weekday or month name")));
/// ```
pub fn lint(gazetteer: &Gazetteer, options: &CheckOptions) -> Vec<Problem> {
    let index = AliasIndex::new(gazetteer);
    let containers = containers(&index);
    let mut out = Vec::new();
    shared_aliases(gazetteer, &index, options, &mut out);
    for (ei, entity) in gazetteer.entities().iter().enumerate() {
        for alias in &entity.aliases {
            if !options.in_scope(&alias.location) {
                continue;
            }
            if let Some((level, m)) = word_problem(alias) {
                out.push(Problem::new(level, alias.location.clone(), m));
            } else if let Some(m) = short_problem(entity, alias) {
                out.push(Problem::warning(alias.location.clone(), m));
            }
            if let Some(m) = syntax_problem(alias) {
                out.push(Problem::warning(alias.location.clone(), m));
            }
            if let Some(m) = ascii_spelling(entity, alias) {
                out.push(Problem::note(alias.location.clone(), m));
            }
            containment(gazetteer, &containers, EntityId::new(ei), alias, &mut out);
        }
        if options.in_scope(&entity.location) {
            if let Some(m) = missing_short_form(entity) {
                out.push(Problem::note(entity.location.clone(), m));
            }
            if let Some(m) = id_problem(entity) {
                out.push(Problem::warning(entity.location.clone(), m));
            }
        }
    }
    for r in gazetteer.repeats() {
        if !options.in_scope(&r.location) {
            continue;
        }
        let e = gazetteer.entity(r.entity);
        // A repeated alias is harmless (kept once); an entry defined twice in one place is
        // usually a copy that should have been an edit.
        out.push(match &r.alias {
            Some(a) => Problem::note(
                r.location.clone(),
                format!("alias `{a}` of `{}` is already listed at {}", e.id, r.first),
            ),
            None => Problem::warning(
                r.location.clone(),
                format!(
                    "duplicate entry: `{}` is already defined at {} (the two are merged)",
                    e.id, r.first
                ),
            ),
        });
    }
    out.sort_by(|a, b| {
        (&a.location.path, a.location.line, &a.message).cmp(&(
            &b.location.path,
            b.location.line,
            &b.message,
        ))
    });
    out.dedup();
    out
}

/// Folded alias → the (entity, alias) pairs that have it. Hyphens fold to spaces, as the
/// matcher's variants make `Kim Jong-un` and `Kim Jong Un` the same name.
struct AliasIndex {
    by_key: HashMap<String, Vec<(EntityId, usize)>>,
}

fn key(text: &str) -> String {
    normalize(&text.replace('-', " "), true)
}

impl AliasIndex {
    fn new(g: &Gazetteer) -> AliasIndex {
        let mut by_key: HashMap<String, Vec<(EntityId, usize)>> = HashMap::new();
        for (ei, e) in g.entities().iter().enumerate() {
            for (ai, a) in e.aliases.iter().enumerate() {
                by_key
                    .entry(key(&a.text))
                    .or_default()
                    .push((EntityId::new(ei), ai));
            }
        }
        AliasIndex { by_key }
    }

    /// The distinct entities listing `key`, in entity order.
    fn entities(&self, key: &str) -> Vec<EntityId> {
        let mut es: Vec<EntityId> = self
            .by_key
            .get(key)
            .map(|v| v.iter().map(|p| p.0).collect())
            .unwrap_or_default();
        es.sort_unstable();
        es.dedup();
        es
    }
}

fn names(g: &Gazetteer, entities: &[EntityId]) -> String {
    let mut s: Vec<String> = entities
        .iter()
        .take(LIST_MAX)
        .map(|&e| {
            let e = g.entity(e);
            format!("{} ({})", e.label, e.id)
        })
        .collect();
    if entities.len() > LIST_MAX {
        s.push(format!("and {} more", entities.len() - LIST_MAX));
    }
    s.join(", ")
}

fn shared_aliases(g: &Gazetteer, index: &AliasIndex, o: &CheckOptions, out: &mut Vec<Problem>) {
    for (ei, entity) in g.entities().iter().enumerate() {
        for alias in &entity.aliases {
            if !o.in_scope(&alias.location) {
                continue;
            }
            let es = index.entities(&key(&alias.text));
            if es.len() < 2 {
                continue;
            }
            let defaults: Vec<EntityId> = index.by_key[&key(&alias.text)]
                .iter()
                .filter(|&&(e, a)| g.entity(e).aliases[a].default_sense)
                .map(|p| p.0)
                .collect();
            let fallback = match defaults.first() {
                Some(&d) => format!("else {} (its default sense)", g.entity(d).label),
                None => "else dropped".to_string(),
            };
            // Decided by the author: a default sense, or at most one entity that uses the
            // alias unanchored (an anchored use counts only where its entity is named in
            // full, so it rarely competes).
            let plain = index.by_key[&key(&alias.text)]
                .iter()
                .filter(|&&(e, a)| !g.entity(e).aliases[a].anchored)
                .map(|p| p.0)
                .collect::<BTreeSet<EntityId>>()
                .len();
            let level = if !defaults.is_empty() || plain < 2 {
                Level::Note
            } else {
                Level::Warning
            };
            let others: Vec<EntityId> = es
                .iter()
                .copied()
                .filter(|&e| e != EntityId::new(ei))
                .collect();
            out.push(Problem::new(
                level,
                alias.location.clone(),
                format!(
                    "alias `{}` is shared by {} and {}: each mention goes to the one the document names most by other aliases, {fallback}",
                    alias.text,
                    entity.label,
                    names(g, &others)
                ),
            ));
        }
    }
}

/// An alias that is a number, a function word, a date word or a common English word, and
/// is not anchored: the junk guard sets it aside (or, when forced, it fires on prose).
/// A forced one is a note: forcing is the author's decision, made with the marker.
fn word_problem(alias: &Alias) -> Option<(Level, String)> {
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
        (JunkReason::CommonWord, true, _) => None,
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

/// A plain alias of one or two letters (or three in lower case) that is not an acronym,
/// unless it is a person's family name written first (`Xi`, `Li`): the form news uses.
fn short_problem(entity: &Entity, alias: &Alias) -> Option<String> {
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
/// and every reader of them expect that shape.
fn id_problem(entity: &Entity) -> Option<String> {
    let ok = entity.id.split_once(':').is_some_and(|(t, rest)| {
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
fn syntax_problem(alias: &Alias) -> Option<String> {
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
fn ascii_spelling(entity: &Entity, alias: &Alias) -> Option<String> {
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

/// Another entity's alias that contains `alias` as whole words (`Georgia` inside `South
/// Georgia`): where the text has the longer name, the longer name wins.
fn containment(
    g: &Gazetteer,
    containers: &Containers,
    ei: EntityId,
    alias: &Alias,
    out: &mut Vec<Problem>,
) {
    // Only the shorter alias gets the warning: it is the one that loses. An anchored
    // surname inside other people's full names is the usual case, not a problem.
    if alias.anchored {
        return;
    }
    let Some(longer) = containers.get(&key(&alias.text)) else {
        return;
    };
    let mut others: Vec<(EntityId, &str)> = longer
        .iter()
        .filter(|&&(e, _)| e != ei)
        .map(|&(e, a)| (e, g.entity(e).aliases[a].text.as_str()))
        .collect();
    others.sort_unstable();
    others.dedup_by_key(|p| p.0);
    if others.is_empty() {
        return;
    }
    let listed: Vec<String> = others
        .iter()
        .take(LIST_MAX)
        .map(|(e, text)| format!("`{text}` ({})", g.entity(*e).id))
        .collect();
    let more = if others.len() > LIST_MAX {
        format!(" and {} more", others.len() - LIST_MAX)
    } else {
        String::new()
    };
    out.push(Problem::note(
        alias.location.clone(),
        format!(
            "alias `{}` is part of {}{more}: where the text has the longer name, the longer name wins",
            alias.text,
            listed.join(", ")
        ),
    ));
}

/// Word n-gram (folded, a proper part of an alias) → the aliases containing it. An alias
/// of n words has n(n+1)/2 word n-grams; only those that are aliases themselves are kept.
type Containers = HashMap<String, Vec<(EntityId, usize)>>;

fn containers(index: &AliasIndex) -> Containers {
    let mut map: Containers = HashMap::new();
    for (k, pairs) in &index.by_key {
        let words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
        for len in 1..words.len() {
            for start in 0..=words.len() - len {
                let gram = words[start..start + len].join(" ");
                if index.by_key.contains_key(&gram) {
                    map.entry(gram).or_default().extend(pairs.iter().copied());
                }
            }
        }
    }
    for v in map.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    map
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
fn missing_short_form(entity: &Entity) -> Option<String> {
    if entity.aliases.len() > 1 {
        return None;
    }
    let words: Vec<&str> = entity.label.split_whitespace().collect();
    match entity.kind {
        EntityType::Person if words.len() >= 2 => {
            let first = words[0];
            let surname = if FAMILY_NAME_FIRST.contains(&first) {
                first
            } else {
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

/// Figures about a loaded gazetteer, for `entgraph gazetteer check --stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Per type: (entities, aliases, anchored aliases, demonyms).
    pub by_type: BTreeMap<EntityType, Counts>,
    /// Per source file, in loading order: (file, counts of the aliases written there).
    pub by_file: Vec<(String, Counts)>,
    /// Aliases (folded) listed under more than one entity, with how many.
    pub ambiguous: Vec<(String, usize)>,
}

/// Entity and alias counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Entities.
    pub entities: usize,
    /// Aliases, labels included.
    pub aliases: usize,
    /// Anchored aliases.
    pub anchored: usize,
    /// Demonyms.
    pub demonyms: usize,
    /// Aliases that are the default sense of a shared alias.
    pub defaults: usize,
}

impl Counts {
    fn add_alias(&mut self, a: &Alias) {
        self.aliases += 1;
        self.anchored += usize::from(a.anchored);
        self.demonyms += usize::from(a.demonym);
        self.defaults += usize::from(a.default_sense);
    }
}

/// Counts entities and aliases per type and per file, and lists the shared aliases.
pub fn stats(g: &Gazetteer) -> Stats {
    let mut by_type: BTreeMap<EntityType, Counts> = BTreeMap::new();
    let mut by_file: BTreeMap<&str, Counts> = BTreeMap::new();
    for e in g.entities() {
        let t = by_type.entry(e.kind.clone()).or_default();
        t.entities += 1;
        by_file.entry(&e.location.path).or_default().entities += 1;
        for a in &e.aliases {
            t.add_alias(a);
            by_file.entry(&a.location.path).or_default().add_alias(a);
        }
    }
    let index = AliasIndex::new(g);
    let mut ambiguous: Vec<(String, usize)> = index
        .by_key
        .keys()
        .map(|k| (k.clone(), index.entities(k).len()))
        .filter(|&(_, n)| n > 1)
        .collect();
    ambiguous.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let by_file = g
        .sources()
        .iter()
        .map(|s| {
            (
                s.clone(),
                by_file.get(s.as_str()).copied().unwrap_or_default(),
            )
        })
        .collect();
    Stats {
        by_type,
        by_file,
        ambiguous,
    }
}

/// Writes `stats` as aligned tables, listing up to `top` shared aliases.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_stats(stats: &Stats, top: usize, out: &mut impl Write) -> io::Result<()> {
    let row = |out: &mut dyn Write, name: &str, c: &Counts| {
        writeln!(
            out,
            "  {name:<44} {:>9} {:>9} {:>9} {:>9}",
            c.entities, c.aliases, c.anchored, c.demonyms
        )
    };
    let header = |out: &mut dyn Write, first: &str| {
        writeln!(
            out,
            "  {first:<44} {:>9} {:>9} {:>9} {:>9}",
            "entities", "aliases", "anchored", "demonyms"
        )
    };
    writeln!(out, "by type:")?;
    header(out, "type")?;
    let mut total = Counts::default();
    for (t, c) in &stats.by_type {
        row(out, t.as_str(), c)?;
        total.entities += c.entities;
        total.aliases += c.aliases;
        total.anchored += c.anchored;
        total.demonyms += c.demonyms;
    }
    row(out, "total", &total)?;
    writeln!(
        out,
        "by file (entities first defined there, aliases written there):"
    )?;
    header(out, "file")?;
    for (f, c) in &stats.by_file {
        row(out, f, c)?;
    }
    writeln!(
        out,
        "shared aliases: {} (resolved per document; the most shared first)",
        stats.ambiguous.len()
    )?;
    for (a, n) in stats.ambiguous.iter().take(top) {
        writeln!(out, "  {a:<44} {n:>9} entities")?;
    }
    if stats.ambiguous.len() > top {
        writeln!(out, "  ... and {} more", stats.ambiguous.len() - top)?;
    }
    Ok(())
}

/// Writes what [`crate::Matcher::explain`] found, one candidate match a line
/// (`start..end "text": match|no match (rule): reason`), or a line saying that no alias
/// occurs in the text.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_explanations(explanations: &[Explanation], out: &mut impl Write) -> io::Result<()> {
    for e in explanations {
        let verdict = if e.accepted { "match" } else { "no match" };
        writeln!(
            out,
            "{}..{} {:?}: {verdict} ({}): {}",
            e.span.start(),
            e.span.end(),
            e.text,
            e.rule,
            e.reason
        )?;
    }
    if explanations.is_empty() {
        writeln!(out, "no alias of the loaded gazetteers occurs in the text")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Loader;

    #[test]
    fn explanations_are_written_one_a_line() {
        let g = Gazetteer::from_str("people.txt", "Vladimir Putin | Putin\n").unwrap();
        let m = crate::Matcher::new(&g).unwrap();
        let mut out = Vec::new();
        write_explanations(&m.explain(&g, "Putin spoke."), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.starts_with("0..5 \"Putin\": match (match): "), "{out}");
        assert_eq!(out.lines().count(), 1, "{out}");
        let mut out = Vec::new();
        write_explanations(&[], &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "no alias of the loaded gazetteers occurs in the text\n"
        );
    }

    /// A pack with one planted problem a line (lines numbered in the comments).
    const PLANTED: &str = "\
@type person
Kim Jong Un | ~Kim
Kim Jong Il | ~Kim
Theresa May | ~May
Bill Clinton | !Bill
Xi Jinping | Xi
Ken Gause
Kim Chang Son
Vladimir Putin | Putin | Putin
@type place
Georgia | +Georgia
South Georgia
Bath
Mobile, Alabama | ~Mobile
Ides of March | ~March
@type organization
Far Eastern Federal University
@type person
Theresa May | ~Theresa
Pak Ui Chun | P | Wikidata=Q42
Lee Sang-hoon | id=Q42 | ~Lee
@type place
Łódź
";

    /// Each problem as `path:line: level: message`.
    fn report(text: &str) -> Vec<String> {
        let g = Gazetteer::from_str("planted.txt", text).unwrap();
        lint(&g, &CheckOptions::default())
            .iter()
            .map(|p| format!("{}: {}: {}", p.location, p.level, p.message))
            .collect()
    }

    fn has(lines: &[String], prefix: &str, needle: &str) -> bool {
        lines
            .iter()
            .any(|l| l.starts_with(prefix) && l.contains(needle))
    }

    #[test]
    fn each_planted_problem_is_reported_on_its_line() {
        let r = report(PLANTED);
        // Notes are what the author decided (an anchored or default-sense alias, a forced
        // one) or advice; warnings are aliases that will not do what was meant.
        let expect = [
            (
                "planted.txt:2: note: ",
                "alias `Kim` is shared by Kim Jong Un and Kim Jong Il",
            ),
            (
                "planted.txt:3: note: ",
                "alias `Kim` is shared by Kim Jong Il and Kim Jong Un",
            ),
            (
                "planted.txt:4: warning: ",
                "alias `May` is a weekday or month name: it is set aside even when anchored; write `~!May`",
            ),
            (
                "planted.txt:5: note: ",
                "alias `Bill` is a common English word and is forced",
            ),
            (
                "planted.txt:7: note: ",
                "`Ken Gause` has no alias besides its label: add `~Gause`",
            ),
            (
                "planted.txt:8: note: ",
                "`Kim Chang Son` has no alias besides its label: add `~Kim`",
            ),
            (
                "planted.txt:9: note: ",
                "alias `Putin` of `person:vladimir-putin` is already listed at planted.txt:9",
            ),
            (
                "planted.txt:11: note: ",
                "alias `Georgia` is part of `South Georgia` (place:south-georgia)",
            ),
            (
                "planted.txt:13: warning: ",
                "alias `Bath` is a common English word and not anchored",
            ),
            (
                "planted.txt:15: warning: ",
                "alias `March` is a weekday or month name",
            ),
            ("planted.txt:17: note: ", "add its acronym (`FEFU`?)"),
            (
                "planted.txt:19: warning: ",
                "duplicate entry: `person:theresa-may` is already defined at planted.txt:4",
            ),
            ("planted.txt:20: warning: ", "one-letter alias `P`"),
            (
                "planted.txt:20: warning: ",
                "alias `Wikidata=Q42` contains `=`",
            ),
            (
                "planted.txt:21: warning: ",
                "id `Q42` is not of the form `type:name`",
            ),
            (
                "planted.txt:23: note: ",
                "alias `Łódź` has no ASCII spelling: add `Lodz`",
            ),
        ];
        for (at, what) in expect {
            assert!(
                has(&r, at, what),
                "expected {at}{what} in\n{}",
                r.join("\n")
            );
        }
        // Anchored common words are the remedy, not a problem; a person's family name
        // written first (`Xi`) is the form news uses.
        assert!(!r.iter().any(|l| l.contains("`Mobile`")), "{r:#?}");
        assert!(!r.iter().any(|l| l.contains("`Xi`")), "{r:#?}");
        assert_eq!(r.len(), expect.len(), "{r:#?}");
    }

    #[test]
    fn acronyms_and_demonyms_are_not_short_or_common() {
        let r = report(
            "@type place\nUnited States | US | U.S. | demonym=American\nUnited Nations | UN\n",
        );
        assert!(r.is_empty(), "{r:#?}");
    }

    #[test]
    fn a_shared_alias_names_the_default_sense() {
        let r = report("@type place\nGeorgia | +Georgia\nGeorgia (US state) | Georgia\n");
        assert!(!r.iter().any(|l| l.contains("already listed")), "{r:#?}");
        assert!(
            has(&r, "planted.txt:3: ", "else Georgia (its default sense)"),
            "{r:#?}"
        );
    }

    #[test]
    fn scope_limits_reports_to_the_checked_files_but_compares_with_all() {
        let mut loader = Loader::new();
        loader.add_text(
            "world/people.txt",
            "Kim Jong Un | ~Kim\nTheresa May | May\n",
        );
        loader.add_text("topic/people.txt", "Kim Yo Jong | ~Kim\n");
        let g = loader.finish().unwrap();
        let options = CheckOptions {
            scope: ["topic/people.txt".to_string()].into(),
        };
        let r: Vec<String> = lint(&g, &options).iter().map(ToString::to_string).collect();
        assert!(has(
            &r,
            "topic/people.txt:1: ",
            "shared by Kim Yo Jong and Kim Jong Un"
        ));
        assert!(r.iter().all(|l| l.starts_with("topic/")), "{r:#?}");
    }

    #[test]
    fn repeated_alias_across_files_is_reported_where_repeated() {
        let mut loader = Loader::new();
        loader.add_text("a/people.txt", "Vladimir Putin | Putin\n");
        loader.add_text("b/people.txt", "Vladimir Putin | Putin | Vlad\n");
        let g = loader.finish().unwrap();
        let r: Vec<String> = lint(&g, &CheckOptions::default())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(has(
            &r,
            "b/people.txt:1: ",
            "alias `Putin` of `person:vladimir-putin` is already listed at a/people.txt:1"
        ));
        // Naming the entity by its label to add to it is how merging works: not a repeat.
        assert!(
            !r.iter().any(|l| l.contains("alias `Vladimir Putin`")),
            "{r:#?}"
        );
        assert!(!r.iter().any(|l| l.contains("duplicate entry")), "{r:#?}");
    }

    #[test]
    fn stats_count_per_type_and_file() {
        let mut loader = Loader::new();
        loader.add_text(
            "a/people.txt",
            "Kim Jong Un | ~Kim\nKim Jong Il | ~Kim | Kim Jong-il\n",
        );
        loader.add_text("b/places.txt", "Russia | demonym=Russian\n");
        let s = stats(&loader.finish().unwrap());
        let person = s.by_type[&EntityType::Person];
        assert_eq!(
            (person.entities, person.aliases, person.anchored),
            (2, 5, 2)
        );
        assert_eq!(s.by_type[&EntityType::Place].demonyms, 1);
        assert_eq!(s.by_file[0].0, "a/people.txt");
        assert_eq!(s.by_file[1].1.aliases, 2);
        assert_eq!(s.ambiguous, [("kim".to_string(), 2)]);
        let mut out = Vec::new();
        write_stats(&s, 10, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("shared aliases: 1"), "{text}");
    }
}

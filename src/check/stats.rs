//! The figures of `entgraph gazetteer check --stats`: entities and aliases per type and per
//! file, and the most shared aliases, with their writer.
//!
//! Must not lint.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::AliasIndex;
use crate::gazetteer::{Alias, Gazetteer};
use crate::model::EntityType;

/// Figures about a loaded gazetteer, for `entgraph gazetteer check --stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackStats {
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
pub fn stats(g: &Gazetteer) -> PackStats {
    let mut by_type: BTreeMap<EntityType, Counts> = BTreeMap::new();
    let mut by_file: BTreeMap<&str, Counts> = BTreeMap::new();
    for e in &g.entities()[..g.listed()] {
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
    PackStats {
        by_type,
        by_file,
        ambiguous,
    }
}

/// Writes `stats` as aligned tables, listing up to `top` shared aliases.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_stats(stats: &PackStats, top: usize, out: &mut impl Write) -> io::Result<()> {
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

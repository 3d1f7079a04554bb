//! `entgraph gazetteer import`: reads a table, GeoNames lines or Wikidata data through the
//! library's importers, writes the gazetteer (stdout, or a file atomically), loads what it
//! wrote to show it is usable, and says on stderr what was imported and skipped. Must not
//! parse any format itself.

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use entgraph::error::Level;
use entgraph::gazetteer::import::{
    self, GeoNames, Imported, Known, Mapping, NameScripts, TypeFrom,
};
use entgraph::gazetteer::Loader;
use entgraph::pipeline::{self, LoadOptions};

use crate::args::{ImportArgs, ImportFormat, NamesArg};
use crate::report::{counted, per_type};

/// Skipped rows shown one by one before the rest are only counted.
const SHOWN: usize = 5;

pub(crate) fn run(a: &ImportArgs) -> Result<ExitCode> {
    let known = if a.no_default_gazetteers {
        Known::default()
    } else {
        let engine = pipeline::load(&LoadOptions {
            gazetteers: Vec::new(),
            default_gazetteers: true,
            case: None,
            demonyms: true,
            teams: false,
            names_inside_names: true,
            texts: Vec::new(),
            discovered: None,
        })?;
        Known::of(&engine.gazetteer)
    };
    if let Some(out) = &a.output {
        if out.extension().and_then(|e| e.to_str()) != Some("jsonl") {
            bail!(
                "`{}`: an imported gazetteer is JSON Lines, and gazetteers are read by their extension: name it `.jsonl`",
                out.display()
            );
        }
    }
    let name = a.input.display().to_string();
    let input: Box<dyn BufRead> = if name == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        Box::new(BufReader::new(
            File::open(&a.input).with_context(|| format!("cannot open `{name}`"))?,
        ))
    };
    let mapping = mapping(a)?;
    let imported = match a.format {
        ImportFormat::Csv | ImportFormat::Tsv => {
            let delimiter = if a.format == ImportFormat::Csv {
                b','
            } else {
                b'\t'
            };
            let rows = import::read_table(&name, input, delimiter)?;
            import::map_rows(&rows, &mapping, &known)?
        }
        ImportFormat::Geonames => {
            let options = GeoNames {
                min_population: a.min_population,
                names: match a.names {
                    NamesArg::Latin => NameScripts::Latin,
                    NamesArg::All => NameScripts::All,
                    NamesArg::None => NameScripts::None,
                },
                ..GeoNames::with_known(&known)
            };
            options.read(&name, input)?
        }
        ImportFormat::Wikidata => import::read_wikidata(&name, input, &a.lang, &mapping, &known)?,
    };
    let mut text = Vec::new();
    imported.write_jsonl(&mut text)?;
    let target = a
        .output
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "<stdout>.jsonl".to_string());
    // What was written must load: the same loader `build` uses.
    let mut loader = Loader::new();
    loader.add_text(&target, std::str::from_utf8(&text)?);
    let problems: Vec<_> = match loader.finish() {
        Ok(g) => g.warnings().to_vec(),
        Err(e) => e.problems,
    };
    if problems.iter().any(|p| p.level == Level::Error) {
        for p in &problems {
            eprintln!("{}: {}: {}", p.location, p.level, p.message);
        }
        bail!("the imported gazetteer does not load; nothing was written");
    }
    match &a.output {
        Some(path) => entgraph::export::write_atomic(path, |w| w.write_all(&text))?,
        None => {
            let mut out = io::stdout().lock();
            out.write_all(&text)?;
            out.flush()?;
        }
    }
    if !a.quiet {
        report(&imported, &name, &target);
    }
    Ok(ExitCode::SUCCESS)
}

/// The column mapping the options describe.
fn mapping(a: &ImportArgs) -> Result<Mapping> {
    let pair = |s: &String, what: &str| -> Result<(String, String)> {
        match s.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() && !v.trim().is_empty() => {
                Ok((k.trim().to_string(), v.trim().to_string()))
            }
            _ => bail!("`{s}` is not {what}"),
        }
    };
    let mut type_map = std::collections::BTreeMap::new();
    for m in &a.type_map {
        let (value, t) = pair(m, "VALUE=TYPE")?;
        type_map.insert(value, t);
    }
    let attrs = a
        .attrs
        .iter()
        .map(|s| pair(s, "KEY=COLUMN"))
        .collect::<Result<Vec<_>>>()?;
    let kind = match (&a.kind, &a.type_column) {
        (Some(t), _) => Some(TypeFrom::Fixed(t.clone())),
        (None, Some(c)) => Some(TypeFrom::Column(c.clone())),
        (None, None) => None,
    };
    Ok(Mapping {
        label: a.label.clone(),
        aliases: a.aliases.clone(),
        anchored: a.anchored.clone(),
        key: a.key.clone(),
        kind,
        type_map,
        attrs,
        other_columns_as_attrs: a.other_columns,
        separator: a.separator.clone(),
    })
}

/// The stderr summary: what was imported, and the skipped rows (a few shown).
fn report(imported: &Imported, name: &str, target: &str) {
    let kinds: std::collections::BTreeMap<&str, usize> =
        imported
            .entries
            .iter()
            .fold(Default::default(), |mut m, e| {
                *m.entry(e.kind.as_str()).or_default() += 1;
                m
            });
    eprintln!(
        "imported {} ({}) with {} from {} ({}) into {}",
        counted(imported.entries.len(), "entity", "entities"),
        per_type(&kinds),
        counted(imported.aliases(), "alias", "aliases"),
        name,
        counted(imported.rows, "row", "rows"),
        target
    );
    let mut seen = HashSet::new();
    for p in imported.skipped.iter().take(SHOWN) {
        if seen.insert(p.to_string()) {
            eprintln!("{}: note: {}", p.location, p.message);
        }
    }
    if imported.skipped.len() > SHOWN {
        eprintln!(
            "... and {} more skipped",
            counted(imported.skipped.len() - SHOWN, "row", "rows")
        );
    }
}

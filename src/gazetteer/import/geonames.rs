//! GeoNames dump lines (`cities15000.txt`, `allCountries.txt`: 19 tab-separated fields,
//! no header) as places. The name is the label; the ASCII name and the alternate names
//! (by default only those in Latin script that look like names) are aliases; the
//! attributes are `geonames`, `country` (the country's label in the loaded gazetteers,
//! from its `iso` code), `country_code`, `population`, `lat`, `lon`, `feature_code`.
//! Must not map columns of other tables.

use std::collections::{HashMap, HashSet};
use std::io::BufRead;

use super::{push_alias, Entry, Ids, ImportError, Imported};
use crate::error::Location;

/// Which alternate names become aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NameScripts {
    /// Names in Latin script that look like names: a capital first letter, no digits, not
    /// an all-capitals code (`LED`, `MOW`).
    #[default]
    Latin,
    /// Every alternate name but codes and names with digits.
    All,
    /// None: the name and the ASCII name only.
    None,
}

/// Options of a GeoNames import.
#[derive(Debug, Clone, Default)]
pub struct GeoNames {
    /// Lines with fewer people are skipped.
    pub min_population: u64,
    /// Which alternate names become aliases.
    pub names: NameScripts,
    /// Country labels by ISO 3166-1 alpha-2 code (`RU` → `Russia`).
    pub countries: HashMap<String, String>,
    /// Ids of places the loaded gazetteers list, by GeoNames id: an imported line of the
    /// same place takes that id (and so merges with it).
    pub known: HashMap<String, String>,
    /// Ids other gazetteers use: an imported place of another GeoNames id never takes one.
    pub reserved: HashSet<String>,
}

/// One dump line's fields that matter.
struct Line {
    id: String,
    name: String,
    ascii: String,
    alternates: String,
    lat: String,
    lon: String,
    feature: String,
    country: String,
    population: u64,
}

impl GeoNames {
    /// Options that take country labels, ids in use and GeoNames ids from `known`.
    pub fn with_known(known: &super::Known) -> GeoNames {
        GeoNames {
            countries: known.countries.clone(),
            known: known.geonames.clone(),
            reserved: known.ids.clone(),
            ..GeoNames::default()
        }
    }

    /// Reads GeoNames dump lines from `input`, named `name` in problems. Places are
    /// written most populous first (ids too: the largest `Paris` is `place:paris`, the
    /// next `place:paris-us`).
    ///
    /// # Errors
    /// A line without the 19 fields, or with a GeoNames id, coordinate or population that
    /// is not a number, with its line.
    pub fn read(&self, name: &str, input: impl BufRead) -> Result<Imported, ImportError> {
        let mut lines = Vec::new();
        let mut rows = 0;
        for (i, line) in input.lines().enumerate() {
            let loc = Location::line0(name, i);
            let line =
                line.map_err(|e| ImportError::at(loc.clone(), format!("cannot read: {e}")))?;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            rows += 1;
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 19 {
                return Err(ImportError::at(
                    loc,
                    format!(
                        "{} tab-separated fields where a GeoNames line has 19 (geonameid, name, asciiname, alternatenames, latitude, ...)",
                        f.len()
                    ),
                ));
            }
            let number = |what: &str, v: &str| -> Result<(), ImportError> {
                if v.parse::<f64>().is_ok() {
                    Ok(())
                } else {
                    Err(ImportError::at(
                        loc.clone(),
                        format!("{what} `{v}` is not a number"),
                    ))
                }
            };
            if f[0].is_empty() || !f[0].bytes().all(|b| b.is_ascii_digit()) {
                return Err(ImportError::at(
                    loc,
                    format!("geonameid `{}` is not a number", f[0]),
                ));
            }
            number("latitude", f[4])?;
            number("longitude", f[5])?;
            let population = match f[14] {
                "" => 0,
                p => p.parse::<u64>().map_err(|_| {
                    ImportError::at(loc.clone(), format!("population `{p}` is not a number"))
                })?,
            };
            if f[1].trim().is_empty() || population < self.min_population {
                continue;
            }
            lines.push(Line {
                id: f[0].to_string(),
                name: f[1].trim().to_string(),
                ascii: f[2].trim().to_string(),
                alternates: f[3].to_string(),
                lat: f[4].to_string(),
                lon: f[5].to_string(),
                feature: f[7].to_string(),
                country: f[8].to_string(),
                population,
            });
        }
        lines.sort_by(|a, b| {
            b.population
                .cmp(&a.population)
                .then_with(|| a.id.len().cmp(&b.id.len()))
                .then_with(|| a.id.cmp(&b.id))
        });
        let mut ids = Ids::new(self.reserved.clone());
        for id in self.known.values() {
            ids.take(id);
        }
        let mut out = Imported {
            rows,
            ..Imported::default()
        };
        for l in lines {
            let id = match self.known.get(&l.id) {
                Some(id) => id.clone(),
                None => ids.give("place", &l.name, &[&l.country, &l.id]),
            };
            let mut aliases = Vec::new();
            push_alias(&mut aliases, &l.name, &l.ascii);
            if self.names != NameScripts::None {
                for a in l.alternates.split(',') {
                    if self.wanted(a) {
                        push_alias(&mut aliases, &l.name, a);
                    }
                }
            }
            let mut attrs = std::collections::BTreeMap::new();
            attrs.insert("geonames".to_string(), l.id.clone());
            if let Some(c) = self.countries.get(&l.country) {
                attrs.insert("country".to_string(), c.clone());
            }
            if !l.country.is_empty() {
                attrs.insert("country_code".to_string(), l.country.clone());
            }
            attrs.insert("population".to_string(), l.population.to_string());
            attrs.insert("lat".to_string(), l.lat.clone());
            attrs.insert("lon".to_string(), l.lon.clone());
            if !l.feature.is_empty() {
                attrs.insert("feature_code".to_string(), l.feature.clone());
            }
            out.entries.push(Entry {
                label: l.name,
                kind: "place".to_string(),
                id,
                aliases,
                anchored: Vec::new(),
                attrs,
            });
        }
        Ok(out)
    }

    /// Whether an alternate name becomes an alias.
    fn wanted(&self, name: &str) -> bool {
        let name = name.trim();
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 || name.chars().any(|c| c.is_numeric()) {
            return false;
        }
        // Codes: `LED`, `MOW`, `NYC`.
        if letters <= 4 && name.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
            return false;
        }
        match self.names {
            NameScripts::None => false,
            NameScripts::All => true,
            NameScripts::Latin => {
                name.chars().next().is_some_and(char::is_uppercase)
                    && name.chars().all(|c| !c.is_alphabetic() || is_latin(c))
            }
        }
    }
}

/// A letter of the Latin script (Basic Latin to Latin Extended-B, Latin Extended
/// Additional).
fn is_latin(c: char) -> bool {
    matches!(c as u32, 0x41..=0x5a | 0x61..=0x7a | 0xc0..=0x24f | 0x1e00..=0x1eff)
        && c != '×'
        && c != '÷'
}

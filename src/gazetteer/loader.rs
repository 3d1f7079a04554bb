//! Loading: collecting gazetteer files, embedded packs and strings, and merging their
//! entries into one [`Gazetteer`].
//!
//! Owns the merge policy (entries sharing an id merge; a type conflict is an error; aliases
//! written twice are kept once and remembered as [`super::Repeat`]s) and "collect, report,
//! then decide": every problem of every file is kept with its `path:line`, and
//! [`Loader::finish`] fails if any is an error. Must not know a format's syntax.

use std::path::Path;

use super::entry::merge_alias;
use super::packs::{embedded_packs, files as embedded_files, pack_of};
use super::{jsonl, text_format, Entity, Gazetteer, Parsed, Repeat};
use crate::error::{GazetteerError, Location, Problem};
use crate::model::EntityId;
use crate::text::encoding::is_utf16;

/// Collects gazetteer files and merges them into a [`Gazetteer`].
///
/// # Examples
/// ```
/// let mut loader = entgraph::gazetteer::Loader::new();
/// loader.add_text("people.txt", "Vladimir Putin | Putin\n");
/// loader.add_text("topic.txt", "@type person\nVladimir Putin | Vladimir Vladimirovich\n");
/// let g = loader.finish().unwrap();
/// assert_eq!(g.entities()[0].aliases.len(), 3);
/// ```
#[derive(Debug, Default)]
pub struct Loader {
    gazetteer: Gazetteer,
    problems: Vec<Problem>,
    named: Vec<String>,
}

impl Loader {
    /// An empty loader.
    pub fn new() -> Loader {
        Loader::default()
    }

    /// Adds an embedded pack by name. Returns false when there is no such pack.
    pub fn add_embedded(&mut self, pack: &str) -> bool {
        let mut found = false;
        for (path, text) in embedded_files() {
            if pack_of(path) == Some(pack) && is_gazetteer_file(path) {
                found = true;
                let name = format!("<embedded>/{path}");
                // A pack named twice (a default pack also given with -g, or to `check`) is
                // loaded once, not merged with itself.
                if self.gazetteer.sources.contains(&name) {
                    self.named.push(name);
                } else {
                    self.add_text(&name, text);
                }
            }
        }
        found
    }

    /// Adds a gazetteer argument as the command line gives it: an existing file or
    /// directory, else an embedded pack of that name.
    pub(crate) fn add_arg(&mut self, arg: &str) {
        if !Path::new(arg).exists() && self.add_embedded(arg) {
            return;
        }
        self.add_path(Path::new(arg));
    }

    /// Adds a file, or every `.txt` and `.jsonl` file below a directory in sorted order.
    pub(crate) fn add_path(&mut self, path: &Path) {
        let shown = path.display().to_string();
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                let packs = embedded_packs().join(", ");
                self.problems.push(Problem::error(
                    Location::file(shown),
                    format!("cannot read gazetteer: {e} (embedded packs: {packs})"),
                ));
                return;
            }
        };
        if meta.is_dir() {
            let (files, errors) = crate::walk::files(path);
            for e in errors {
                self.problems.push(Problem::error(
                    Location::file(e.path.display().to_string()),
                    format!("cannot list directory: {}", e.error),
                ));
            }
            let mut found = false;
            for f in files
                .iter()
                .filter(|f| is_gazetteer_file(&f.to_string_lossy()))
            {
                found = true;
                self.add_file(f);
            }
            // Named and empty: an error, not a silent nothing (nor, for `check`, every
            // default pack checked in its place).
            if !found {
                self.problems.push(Problem::error(
                    Location::file(shown.as_str()),
                    format!("no .txt or .jsonl gazetteer file in {shown}"),
                ));
            }
        } else {
            self.add_file(path);
        }
    }

    fn add_file(&mut self, path: &Path) {
        self.add_file_as(path, None);
    }

    /// Adds a file, listed among the gazetteer's sources as `source` when given (the
    /// discovered entities `entgraph discover` wrote are `<discovered>.jsonl`, as those
    /// of `--discover` are); messages name the file all the same.
    pub(crate) fn add_file_as(&mut self, path: &Path, source: Option<&str>) {
        let shown = path.display().to_string();
        match std::fs::read(path) {
            Ok(bytes) if is_utf16(&bytes) => self.problems.push(Problem::error(
                Location::file(shown),
                "UTF-16 is not supported; convert to UTF-8 (gazetteers must be UTF-8 text)",
            )),
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => self.add_text_as(source.unwrap_or(&shown), &shown, &text),
                Err(e) => {
                    let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                    let line = good.iter().filter(|&&b| b == b'\n').count();
                    self.problems.push(Problem::error(
                        Location::line0(shown, line),
                        "invalid UTF-8 (gazetteers must be UTF-8 text)",
                    ));
                }
            },
            Err(e) => self.problems.push(Problem::error(
                Location::file(shown),
                format!("cannot read gazetteer: {e}"),
            )),
        }
    }

    /// Adds one gazetteer given as text; `name` is used in messages and picks the format.
    /// A leading byte-order mark (U+FEFF) is not part of the first line.
    pub fn add_text(&mut self, name: &str, text: &str) {
        self.add_text_as(name, name, text);
    }

    /// [`Loader::add_text`], listed among the sources as `source`.
    fn add_text_as(&mut self, source: &str, name: &str, text: &str) {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        self.gazetteer.sources.push(source.to_string());
        self.named.push(source.to_string());
        if name.ends_with(".jsonl") {
            self.parse_jsonl(name, text);
        } else {
            self.parse_text(name, text);
        }
    }

    /// Every source named so far, in order, also those named again and loaded once.
    pub fn named(&self) -> &[String] {
        &self.named
    }

    /// How many files have been added so far.
    pub fn sources(&self) -> usize {
        self.gazetteer.sources.len()
    }

    /// Problems collected so far.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Finishes loading.
    ///
    /// # Errors
    /// All the errors collected, when there is at least one.
    pub fn finish(mut self) -> Result<Gazetteer, GazetteerError> {
        let (errors, warnings): (Vec<Problem>, Vec<Problem>) = self
            .problems
            .into_iter()
            .partition(|p| p.level == crate::error::Level::Error);
        if errors.is_empty() {
            self.gazetteer.warnings = warnings;
            // The list grew by doubling; a million entities would keep up to half again
            // their size as spare capacity for the whole run.
            self.gazetteer.entities.shrink_to_fit();
            Ok(self.gazetteer)
        } else {
            Err(GazetteerError { problems: errors })
        }
    }

    fn parse_text(&mut self, name: &str, text: &str) {
        text_format::parse(name, text, &mut |p| self.take(p));
    }

    fn parse_jsonl(&mut self, name: &str, text: &str) {
        jsonl::parse(name, text, &mut |p| self.take(p));
    }

    fn take(&mut self, parsed: Parsed) {
        match parsed {
            Parsed::Entity(e) => self.add_entity(e),
            Parsed::Problem(p) => self.problems.push(p),
        }
    }

    fn add_entity(&mut self, entity: Entity) {
        let g = &mut self.gazetteer;
        if let Some(idx) = g.by_id.get(&entity.id, &g.entities) {
            let existing = &mut g.entities[idx as usize];
            if existing.kind != entity.kind {
                self.problems.push(Problem::error(
                    entity.location.clone(),
                    format!(
                        "entity `{}` is a {} here but a {} at {}",
                        entity.id, entity.kind, existing.kind, existing.location
                    ),
                ));
                return;
            }
            for (k, v) in entity.attrs {
                match existing.attrs.get(&k) {
                    Some(old) if *old != v => self.problems.push(Problem::warning(
                        entity.location.clone(),
                        format!(
                            "attribute `{k}` of `{}` is `{old}` at {}; `{v}` ignored",
                            existing.id, existing.location
                        ),
                    )),
                    Some(_) => {}
                    None => {
                        existing.attrs.insert(k, v);
                    }
                }
            }
            let same_file = existing.location.path == entity.location.path;
            if same_file {
                g.repeats.push(Repeat {
                    location: entity.location.clone(),
                    first: existing.location.clone(),
                    entity: EntityId::new(idx as usize),
                    alias: None,
                });
            }
            for alias in entity.aliases {
                let (text, at) = (alias.text.clone(), alias.location.clone());
                if let Some(first) = merge_alias(&mut existing.aliases, alias) {
                    // Another file names the entity by its label to add to it: not a repeat.
                    if !same_file && text != entity.label {
                        g.repeats.push(Repeat {
                            location: at,
                            first,
                            entity: EntityId::new(idx as usize),
                            alias: Some(text),
                        });
                    }
                }
            }
        } else {
            let idx = g.entities.len() as u32;
            let mut entity = entity;
            let mut aliases = Vec::with_capacity(entity.aliases.len());
            for alias in std::mem::take(&mut entity.aliases) {
                let (text, at) = (alias.text.clone(), alias.location.clone());
                if let Some(first) = merge_alias(&mut aliases, alias) {
                    g.repeats.push(Repeat {
                        location: at,
                        first,
                        entity: EntityId::new(idx as usize),
                        alias: Some(text),
                    });
                }
            }
            entity.aliases = aliases;
            g.by_id.insert(&entity.id, idx, &g.entities);
            g.entities.push(entity);
        }
    }
}

fn is_gazetteer_file(path: &str) -> bool {
    path.ends_with(".txt") || path.ends_with(".jsonl")
}

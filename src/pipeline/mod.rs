//! The pipeline: options in, stages called in order, results and statistics out.
//!
//! Owns the options of a run ([`LoadOptions`], [`RunOptions`], [`BuildOptions`]: plain
//! data with defaults, no clap types), loading the gazetteers a run asks for ([`load`],
//! [`Engine`]), the statistics of a run ([`Stats`]) and the pipeline's [`Error`]. The
//! one streaming driver is in `driver` (a reader thread, free-running workers, results in
//! input order); the three jobs it runs are in `extract` ([`scan`]), `build` ([`count`],
//! [`build`]) and `suggest` ([`suggest()`]). Memory depends on the pieces in flight and the
//! counts, not on the corpus, and every result is the same for any number of threads.
//!
//! Must not touch clap, stdout/stderr, exit codes, or the file system beyond reading the
//! inputs and gazetteers: choosing and writing output files is the caller's.

mod build;
mod driver;
mod extract;
mod suggest;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::corpus::dates::{DateSource, Day, Period};
use crate::error::{GazetteerError, Level, Problem};
use crate::gazetteer::{CasePolicy, Gazetteer, Loader, DEFAULT_PACKS};
use crate::graph::{FocusError, GraphOptions, TypesError};
use crate::matcher::{BuildError, Matcher};
use crate::model::{EntityId, EntityType};

pub use build::{build, count, BuildReport, PeriodGraph};
pub use extract::{scan, Processed};
pub use suggest::{discover, discover_names, discover_names_with, suggest};

/// Which gazetteers to load and how to match them. `Default` gives the documented
/// defaults: the default packs, each file's case policy, demonyms on.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Extra gazetteers: files, directories, or embedded pack names.
    pub gazetteers: Vec<String>,
    /// Load the default packs (the world pack).
    pub default_gazetteers: bool,
    /// Case policy for the whole run, overriding each file's.
    pub case: Option<CasePolicy>,
    /// Match demonyms.
    pub demonyms: bool,
    /// A place that stands for its team becomes the team (a country: a mention that links
    /// nothing); off, it stays a place.
    pub teams: bool,
    /// A place inside a longer name, or used as a surname, is dropped; off, it is kept.
    pub names_inside_names: bool,
    /// Gazetteers given as text, `(name, text)`, loaded after the others; the name's
    /// extension gives the format (`discovered.jsonl`).
    pub texts: Vec<(String, String)>,
    /// The discovered entities of the corpus as `entgraph discover` wrote them (a JSON
    /// Lines gazetteer file), loaded last, as `--discover` loads those it finds: listed
    /// among the sources as [`DISCOVERED_SOURCE`], so that both ways give the same files.
    pub discovered: Option<std::path::PathBuf>,
}

/// How the gazetteer of discovered entities is listed among a run's sources (graph.json's
/// `gazetteers`), whether found by `--discover` or read from a file.
pub const DISCOVERED_SOURCE: &str = "<discovered>.jsonl";

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions {
            texts: Vec::new(),
            discovered: None,
            gazetteers: Vec::new(),
            default_gazetteers: true,
            case: None,
            demonyms: true,
            teams: true,
            names_inside_names: true,
        }
    }
}

/// How a run over a corpus is carried out. `Default`: one worker thread per core, long
/// documents in parts of [`PART_BYTES`].
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// `build` reads a text file longer than this in parts of about this size, cut at
    /// blank lines, in two passes, so that memory stays a small multiple of the part
    /// size (0 means [`PART_BYTES`]). JSON Lines documents are read whole.
    pub part_bytes: usize,
}

/// The default part size of [`RunOptions`] (its `part_bytes`): 8 MiB.
pub const PART_BYTES: usize = 8 << 20;

impl RunOptions {
    /// The part size, with 0 read as the default.
    fn part_bytes(&self) -> usize {
        match self.part_bytes {
            0 => PART_BYTES,
            n => n.min(crate::corpus::MAX_DOCUMENT_BYTES),
        }
    }
}

/// What [`build`] and [`count`] make of the mentions. `Default` gives the documented
/// defaults: the default [`GraphOptions`] and 3 citations per edge.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Graph options (window, measure, filters).
    pub graph: GraphOptions,
    /// Citations kept per edge.
    pub evidence: usize,
    /// Keep text with the counts: each citation's unit and each entity's first mentions in
    /// context, as many as citations (for the HTML explorer; see `Linker::with_snippets`).
    pub snippets: bool,
    /// Where documents' dates are read from (`corpus::dates`).
    pub dates: DateSource,
    /// Only documents dated on or after this day are counted.
    pub since: Option<Day>,
    /// Only documents dated on or before this day are counted.
    pub until: Option<Day>,
    /// Also count each period's dated documents apart and build their graphs (see
    /// [`BuildReport::periods`]); `Auto` counts months.
    pub by_period: Option<Period>,
}

impl Default for BuildOptions {
    fn default() -> BuildOptions {
        BuildOptions {
            graph: GraphOptions::default(),
            evidence: 3,
            snippets: false,
            dates: DateSource::Auto,
            since: None,
            until: None,
            by_period: None,
        }
    }
}

/// The fingerprint of a run's settings, which partial graphs must share to merge (see
/// [`crate::partial`]).
pub fn fingerprint(
    engine: &Engine,
    load: &LoadOptions,
    opts: &BuildOptions,
) -> crate::partial::Fingerprint {
    crate::partial::Fingerprint {
        version: env!("CARGO_PKG_VERSION").to_string(),
        gazetteer: crate::partial::gazetteer_hash(&engine.gazetteer),
        matching: format!(
            "case {}, demonyms {}, team rule {}, name rule {}",
            load.case
                .map_or("per file".to_string(), |c| format!("{c:?}").to_lowercase()),
            load.demonyms,
            load.teams,
            load.names_inside_names
        ),
        window: opts.graph.window.to_string(),
        evidence: opts.evidence,
        snippets: opts.snippets,
        dates: format!(
            "{:?}, since {}, until {}",
            opts.dates,
            opts.since.map_or("-".to_string(), |d| d.to_string()),
            opts.until.map_or("-".to_string(), |d| d.to_string())
        )
        .to_lowercase(),
    }
}

/// A pipeline failure that stops the run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Gazetteers did not load.
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    /// The automaton could not be built.
    #[error(transparent)]
    Matcher(#[from] BuildError),
    /// The focus entity does not exist.
    #[error(transparent)]
    Focus(#[from] FocusError),
    /// A type filter names a type no entity has.
    #[error(transparent)]
    Types(#[from] TypesError),
    /// The worker threads could not be started.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

/// Loaded gazetteers and the matcher built from them.
#[derive(Debug)]
pub struct Engine {
    /// The merged gazetteers.
    pub gazetteer: Gazetteer,
    /// The matcher.
    pub matcher: Matcher,
    /// Time spent loading and compiling.
    pub load_time: Duration,
    /// The sources the run's own gazetteer arguments resolved to, in order: a default pack
    /// named again (`-g world`) is among them, though it is loaded once.
    user_sources: Vec<String>,
}

impl Engine {
    /// The sources the run named itself ([`LoadOptions::gazetteers`]), whether or not a
    /// default pack had loaded them already.
    pub fn user_sources(&self) -> &[String] {
        &self.user_sources
    }
}

/// Loads the gazetteers `opts` names and builds the matcher.
///
/// # Errors
/// Every gazetteer problem, or an automaton build failure.
pub fn load(opts: &LoadOptions) -> Result<Engine, Error> {
    let t = Instant::now();
    let mut loader = Loader::new();
    if opts.default_gazetteers {
        for pack in DEFAULT_PACKS {
            loader.add_embedded(pack);
        }
    }
    let mark = loader.named().len();
    for g in &opts.gazetteers {
        loader.add_arg(g);
    }
    for (name, text) in &opts.texts {
        loader.add_text(name, text);
    }
    if let Some(path) = &opts.discovered {
        loader.add_file_as(path, Some(DISCOVERED_SOURCE));
    }
    let mut user_sources: Vec<String> = Vec::new();
    for name in &loader.named()[mark..] {
        if !user_sources.contains(name) {
            user_sources.push(name.clone());
        }
    }
    let mut gazetteer = loader.finish()?;
    // A city that stands for its team becomes a mention of the team.
    if opts.teams {
        gazetteer.add_teams();
    }
    let matcher = Matcher::builder()
        .case(opts.case)
        .demonyms(opts.demonyms)
        .teams(opts.teams)
        .names_inside_names(opts.names_inside_names)
        .build(&gazetteer)?;
    Ok(Engine {
        gazetteer,
        matcher,
        load_time: t.elapsed(),
        user_sources,
    })
}

/// What a run saw.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Documents processed.
    pub documents: u64,
    /// Bytes of text processed.
    pub bytes: u64,
    /// Mentions emitted.
    pub mentions: u64,
    /// Mentions by entity type.
    pub by_type: BTreeMap<EntityType, u64>,
    /// Of those, mentions of entities `--discover` found, by type (empty without it).
    pub discovered_by_type: BTreeMap<EntityType, u64>,
    /// Mentions of shared aliases dropped for lack of evidence.
    pub ambiguous_dropped: u64,
    /// Mentions of anchored aliases dropped.
    pub anchored_dropped: u64,
    /// Place mentions that stood for a team (given to the team, or kept as a country's
    /// mention that links nothing).
    pub places_as_teams: u64,
    /// Place mentions dropped as part of a longer name.
    pub places_in_names: u64,
    /// Mentions dropped as a person's surname: a place's or a company's name after a given
    /// name (`Neil Jordan`, `Carlos Ferrero`), a listed person's after another one's
    /// (`Cherie Blair`).
    pub places_as_surnames: u64,
    /// Demonym mentions dropped as naming a language (`in Swedish`, `Spanish-speaking`).
    pub demonyms_as_languages: u64,
    /// Mentions of shared names given to a state by the office or body after them.
    pub shared_by_state: u64,
    /// Mentions of shared names given to a company by the company words around them.
    pub shared_by_company: u64,
    /// Mentions of shared names given to the only sense whose country the document names.
    pub shared_by_country: u64,
    /// Anchored names counted for the person whose office the title before them fits
    /// (`President Clinton`).
    pub anchored_by_title: u64,
    /// Anchored organization names counted for the company words around them (`Target
    /// Corp`).
    pub anchored_by_company: u64,
    /// Documents dated by their JSON Lines `date` field, a header, their file name.
    pub dated: [u64; 3],
    /// Documents skipped as outside `--since` and `--until` (the undated among them).
    pub outside_dates: u64,
    /// Problems met while reading inputs, in order.
    pub problems: Vec<Problem>,
    /// Time spent scanning (reading, segmenting, matching, counting).
    pub elapsed: Duration,
    /// Total size of the input files in bytes (0 when unknown, as for standard input).
    pub input_size: u64,
}

impl Stats {
    /// True when an input was skipped or could not be read (errors, not notes or warnings).
    pub fn had_errors(&self) -> bool {
        self.problems.iter().any(|p| p.level == Level::Error)
    }

    /// Throughput in MB/s (10^6 bytes).
    pub fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Adds mentions of entities, `(entity, mentions)`, to [`Stats::by_type`] (and those of
    /// discovered entities to [`Stats::discovered_by_type`]) under each entity's kind: the
    /// one place mentions are counted by type.
    fn count_types(
        &mut self,
        gazetteer: &Gazetteer,
        mentions: impl IntoIterator<Item = (EntityId, u64)>,
    ) {
        fn add(table: &mut BTreeMap<EntityType, u64>, kind: &EntityType, n: u64) {
            match table.get_mut(kind) {
                Some(total) => *total += n,
                None => {
                    table.insert(kind.clone(), n);
                }
            }
        }
        for (e, n) in mentions {
            let entity = gazetteer.entity(e);
            add(&mut self.by_type, &entity.kind, n);
            if entity.id.starts_with(crate::suggest::DISCOVERED_PREFIX) {
                add(&mut self.discovered_by_type, &entity.kind, n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine(gazetteers: &[&str]) -> Engine {
        load(&LoadOptions {
            gazetteers: gazetteers.iter().map(|g| g.to_string()).collect(),
            default_gazetteers: false,
            ..LoadOptions::default()
        })
        .unwrap()
    }

    #[test]
    fn user_sources_leave_out_the_default_packs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("people.txt");
        std::fs::write(&path, "Vladimir Putin | Putin\n").unwrap();
        let path = path.to_str().unwrap();
        let e = engine(&[path]);
        assert_eq!(e.user_sources(), [path]);
        assert!(engine(&[]).user_sources().is_empty());
        // A default pack named again is the user's too, though loaded once.
        let world = load(&LoadOptions {
            gazetteers: vec!["world".to_string()],
            ..LoadOptions::default()
        })
        .unwrap();
        assert!(!world.user_sources().is_empty());
        assert_eq!(world.user_sources(), world.gazetteer.sources());
        let with_defaults = load(&LoadOptions {
            gazetteers: vec![path.to_string()],
            ..LoadOptions::default()
        })
        .unwrap();
        assert_eq!(with_defaults.user_sources().len(), 1);
        assert!(with_defaults.gazetteer.sources().len() > 1);
    }

    /// A JSON Lines corpus of several pieces, with bad lines spread over them: documents,
    /// problems and counts come out in input order and the same for any thread count.
    #[test]
    fn every_thread_count_gives_the_same_run() {
        let dir = tempfile::tempdir().unwrap();
        let gaz = dir.path().join("people.txt");
        std::fs::write(&gaz, "Vladimir Putin | Putin\nKim Jong Un | Kim\n").unwrap();
        let corpus = dir.path().join("news.jsonl");
        let mut text = String::new();
        let filler = "word ".repeat(200);
        for i in 0..6000 {
            if i % 1000 == 7 {
                text.push_str("not json\n");
            }
            text.push_str(&format!(
                "{{\"id\":\"d{i}\",\"text\":\"Putin met Kim. {filler}\"}}\n"
            ));
        }
        std::fs::write(&corpus, text).unwrap();
        let e = engine(&[gaz.to_str().unwrap()]);
        let inputs = [corpus.to_str().unwrap(), "missing.txt"];
        let run = |threads| {
            let mut docs = Vec::new();
            let stats = scan(
                &e,
                &inputs,
                &RunOptions {
                    threads,
                    ..RunOptions::default()
                },
                &mut |_| {},
                &mut |p| docs.push((p.seq, p.doc.id)),
            )
            .unwrap();
            let (_, counted) = count(
                &e,
                &inputs,
                &RunOptions {
                    threads,
                    ..RunOptions::default()
                },
                &BuildOptions::default(),
                &mut |_| {},
            )
            .unwrap();
            (docs, stats, counted)
        };
        let (docs, stats, counted) = run(1);
        assert_eq!(docs.len(), 6000);
        assert_eq!(docs[0], (0, "d0".to_string()));
        assert_eq!(
            docs[7],
            (8, "d7".to_string()),
            "the bad line counts as a unit"
        );
        let problems = texts(&stats);
        assert_eq!(problems.len(), 7);
        assert!(problems[0].contains("missing.txt"), "discovery first");
        assert!(problems[1].contains(":8:"), "{problems:?}");
        assert!(problems[6].contains(":5013:"), "{problems:?}");
        assert_eq!(texts(&counted), problems);
        assert_eq!(stats.by_type.values().sum::<u64>(), 12000);
        assert_eq!(counted.by_type, stats.by_type);
        for threads in [2, 3] {
            let (d, s, c) = run(threads);
            assert_eq!(d, docs);
            for s in [&s, &c] {
                assert_eq!(texts(s), problems);
                assert_eq!(s.by_type, stats.by_type);
                assert_eq!(s.documents, 6000);
                assert_eq!(s.mentions, 12000);
            }
        }
    }

    fn texts(s: &Stats) -> Vec<String> {
        s.problems.iter().map(|p| p.to_string()).collect()
    }

    /// The shipped sample articles as one long document, read in parts of a few hundred
    /// bytes and whole: the same counts for every window, and a long file that stops being
    /// UTF-8 halfway is skipped whole with its line.
    #[test]
    fn a_long_document_read_in_parts_counts_as_read_whole() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut text = String::new();
        let mut articles: Vec<_> = std::fs::read_dir(root.join("samples"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        articles.sort();
        for a in &articles {
            text.push_str(&std::fs::read_to_string(a).unwrap());
            text.push_str("\n\n");
        }
        let dir = tempfile::tempdir().unwrap();
        let long = dir.path().join("long.txt");
        std::fs::write(&long, &text).unwrap();
        let e = load(&LoadOptions {
            gazetteers: vec!["korea-russia-2019".to_string()],
            ..LoadOptions::default()
        })
        .unwrap();
        let inputs = [long.to_str().unwrap()];
        // What a graph shows: per-entity and per-pair counts and citations.
        type Shown = (
            u64,
            u64,
            Vec<(EntityId, u64, u64, u64, Vec<(String, u64)>)>,
            Vec<((EntityId, EntityId), u64, u64, Vec<crate::link::Evidence>)>,
        );
        let shown = |c: crate::link::Cooccurrence| -> Shown {
            let mut es: Vec<_> = c
                .entities
                .into_iter()
                .map(|(k, v)| {
                    let mut a: Vec<_> = v.aliases.into_iter().collect();
                    a.sort();
                    (k, v.mentions, v.documents, v.units, a)
                })
                .collect();
            es.sort();
            let mut ps: Vec<_> = c
                .pairs
                .into_iter()
                .map(|(k, v)| (k, v.units, v.documents, v.evidence))
                .collect();
            ps.sort();
            (c.units, c.documents, es, ps)
        };
        for window in ["sentence", "paragraph", "document", "sentences:3"] {
            let opts = BuildOptions {
                graph: GraphOptions {
                    window: window.parse().unwrap(),
                    ..GraphOptions::default()
                },
                ..BuildOptions::default()
            };
            let run = |part_bytes| {
                let run = RunOptions {
                    part_bytes,
                    ..RunOptions::default()
                };
                count(&e, &inputs, &run, &opts, &mut |_| {}).unwrap()
            };
            let (whole, ws) = run(0);
            let (parts, ps) = run(700);
            assert!(text.len() > 20 * 700 && text.len() < PART_BYTES);
            assert!(whole.pairs.len() > 10, "{window}");
            assert_eq!(shown(whole), shown(parts), "{window}");
            assert_eq!(
                (
                    ws.documents,
                    ws.bytes,
                    ws.mentions,
                    ws.ambiguous_dropped,
                    ws.anchored_dropped
                ),
                (
                    ps.documents,
                    ps.bytes,
                    ps.mentions,
                    ps.ambiguous_dropped,
                    ps.anchored_dropped
                )
            );
            assert!(ps.problems.is_empty(), "{:?}", ps.problems);
        }
        let mut bad = text.clone().into_bytes();
        let at = bad.len() / 2;
        bad.insert(at, 0xFF);
        std::fs::write(&long, &bad).unwrap();
        let run = RunOptions {
            part_bytes: 700,
            ..RunOptions::default()
        };
        let (c, stats) = count(&e, &inputs, &run, &BuildOptions::default(), &mut |_| {}).unwrap();
        assert_eq!((c.documents, c.pairs.len(), stats.documents), (0, 0, 0));
        let line = bad[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        assert_eq!(stats.problems.len(), 1);
        assert_eq!(
            stats.problems[0].location.to_string(),
            format!("{}:{line}", inputs[0])
        );
    }
}

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

use crate::error::{GazetteerError, Level, Problem};
use crate::gazetteer::{CasePolicy, Gazetteer, Loader, DEFAULT_PACKS};
use crate::graph::{FocusError, GraphOptions, TypesError};
use crate::matcher::{BuildError, Matcher};
use crate::model::{EntityId, EntityType};

pub use build::{build, count, BuildReport};
pub use extract::{scan, Processed};
pub use suggest::suggest;

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
}

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions {
            gazetteers: Vec::new(),
            default_gazetteers: true,
            case: None,
            demonyms: true,
        }
    }
}

/// How a run over a corpus is carried out. `Default`: one worker thread per core.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Worker threads; 0 means one per core.
    pub threads: usize,
}

/// What [`build`] and [`count`] make of the mentions. `Default` gives the documented
/// defaults: the default [`GraphOptions`] and 3 citations per edge.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Graph options (window, measure, filters).
    pub graph: GraphOptions,
    /// Citations kept per edge.
    pub evidence: usize,
}

impl Default for BuildOptions {
    fn default() -> BuildOptions {
        BuildOptions {
            graph: GraphOptions::default(),
            evidence: 3,
        }
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
    let mut user_sources: Vec<String> = Vec::new();
    for name in &loader.named()[mark..] {
        if !user_sources.contains(name) {
            user_sources.push(name.clone());
        }
    }
    let gazetteer = loader.finish()?;
    let matcher = Matcher::builder()
        .case(opts.case)
        .demonyms(opts.demonyms)
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
    /// Mentions of shared aliases dropped for lack of evidence.
    pub ambiguous_dropped: u64,
    /// Mentions of anchored aliases dropped.
    pub anchored_dropped: u64,
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

    /// Adds mentions of entities, `(entity, mentions)`, to [`Stats::by_type`] under each
    /// entity's kind: the one place mentions are counted by type.
    fn count_types(
        &mut self,
        gazetteer: &Gazetteer,
        mentions: impl IntoIterator<Item = (EntityId, u64)>,
    ) {
        for (e, n) in mentions {
            let kind = &gazetteer.entity(e).kind;
            match self.by_type.get_mut(kind) {
                Some(total) => *total += n,
                None => {
                    self.by_type.insert(kind.clone(), n);
                }
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
                &RunOptions { threads },
                &mut |_| {},
                &mut |p| docs.push((p.seq, p.doc.id)),
            )
            .unwrap();
            let (_, counted) = count(
                &e,
                &inputs,
                &RunOptions { threads },
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
}

//! The subcommands, one module each: each turns its arguments into library options, calls
//! the library, and writes the results where the user asked (stdout, files). Must not
//! parse arguments (that is `args`) nor format the stderr summaries (that is `report`).

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod discover;
pub(crate) mod extract;
pub(crate) mod import;
pub(crate) mod merge;
pub(crate) mod meta;
pub(crate) mod suggest;

use std::process::ExitCode;

use anyhow::Result;
use entgraph::pipeline::{self, Engine, Stats};

use crate::args::{CorpusArgs, DiscoverArgs};
use crate::report::{counted, fmt_duration, per_type, Reporter};

/// 1 when an input was skipped, else 0.
fn exit_code(stats: &Stats) -> ExitCode {
    if stats.had_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Leaves the loaded gazetteers and matcher to the operating system: freeing a
/// million-alias gazetteer allocation by allocation takes a quarter of a second that the
/// process's exit does at once.
fn keep_until_exit(engine: Engine) {
    std::mem::forget(engine);
}

/// The engine of a run: the gazetteers the options name, and with `--discover` the names a
/// first pass over the corpus found (said on stderr: how many of each type, and what was
/// left out).
fn load_engine(corpus: &CorpusArgs, d: &DiscoverArgs, rep: &mut Reporter) -> Result<Engine> {
    if !d.discover {
        return Ok(pipeline::load(&d.load_options(corpus))?);
    }
    let (engine, found, first) = pipeline::discover(
        &corpus.load_options(),
        &corpus.inputs,
        &corpus.run_options(),
        d.discover_min_docs,
        &mut |s| rep.progress(s),
    )?;
    rep.next_pass();
    let msg = discovery_summary(&found, d.discover_min_docs, first.elapsed);
    rep.line(&msg);
    Ok(engine)
}

/// What a first pass discovered, said in one line: how many entities of each type, how
/// long it took, and what was left out or joined to a listed entity.
fn discovery_summary(
    found: &entgraph::suggest::Discovered,
    min_docs: u64,
    elapsed: std::time::Duration,
) -> String {
    let total: u64 = found.by_type.values().sum();
    // The first pass's time, so that the whole run's cost is said: the summary of the
    // second pass gives only its own.
    let mut msg = format!(
        "discovered: {} ({}) in a first pass of {}",
        counted(total, "entity", "entities"),
        per_type(&found.by_type),
        fmt_duration(elapsed)
    );
    if found.too_rare > 0 {
        msg.push_str(&format!(
            "; {} seen in fewer than {} left out",
            counted(found.too_rare, "name", "names"),
            counted(min_docs, "document", "documents")
        ));
    }
    if found.joined > 0 {
        msg.push_str(&format!(
            "; {} joined to a listed entity written otherwise",
            counted(found.joined, "name", "names")
        ));
    }
    if found.untyped > 0 {
        msg.push_str(&format!(
            "; {} of unknown type left out",
            counted(found.untyped, "name", "names")
        ));
    }
    msg
}

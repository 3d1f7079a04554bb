//! The subcommands, one module each: each turns its arguments into library options, calls
//! the library, and writes the results where the user asked (stdout, files). Must not
//! parse arguments (that is `args`) nor format the stderr summaries (that is `report`).

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod extract;
pub(crate) mod import;
pub(crate) mod merge;
pub(crate) mod meta;
pub(crate) mod suggest;

use std::process::ExitCode;

use entgraph::pipeline::{Engine, Stats};

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

//! `entgraph suggest`: suggestions on stdout, the summary on stderr. Must not find or rank
//! candidates: the library's `pipeline::suggest` does.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use entgraph::pipeline;
use entgraph::suggest::{write_jsonl, write_text, SuggestOptions};

use super::{exit_code, keep_until_exit};
use crate::args::{SuggestArgs, SuggestFormat};
use crate::report::{counted, Reporter};

pub(crate) fn run(a: &SuggestArgs) -> Result<ExitCode> {
    let engine = pipeline::load(&a.corpus.load_options())?;
    let mut rep = Reporter::new(a.corpus.quiet);
    rep.engine(&engine);
    let sopts = SuggestOptions {
        min_count: a.min_count,
        limit: a.limit,
    };
    let (found, stats) = pipeline::suggest(
        &engine,
        &a.corpus.inputs,
        &a.corpus.run_options(),
        &sopts,
        &mut |s| rep.progress(s),
    )?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match a.format {
        SuggestFormat::Text => write_text(&found, &mut out),
        SuggestFormat::Jsonl => write_jsonl(&found, &mut out),
    }
    .and_then(|()| out.flush())
    .context("failed to write to stdout")?;
    rep.scan_summary(&stats);
    rep.line(&format!(
        "{} (seen at least {})",
        counted(found.len(), "suggestion", "suggestions"),
        counted(a.min_count, "time", "times")
    ));
    keep_until_exit(engine);
    Ok(exit_code(&stats))
}

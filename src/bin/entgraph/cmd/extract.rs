//! `entgraph extract`: every mention as JSON Lines on stdout, in document order; the
//! summary on stderr. Must not segment, match or count: the library's `scan` does.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use entgraph::export::mentions;
use entgraph::pipeline;

use super::{exit_code, keep_until_exit};
use crate::args::ExtractArgs;
use crate::report::Reporter;

pub(crate) fn run(a: &ExtractArgs) -> Result<ExitCode> {
    let engine = pipeline::load(&a.corpus.load_options())?;
    let mut rep = Reporter::new(a.corpus.quiet);
    rep.engine(&engine);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // The first write error; the scan runs on, as the statistics are still reported.
    let mut failed: Option<io::Error> = None;
    let stats = pipeline::scan(
        &engine,
        &a.corpus.inputs,
        &a.corpus.run_options(),
        &mut |s| rep.progress(s),
        &mut |p| {
            if failed.is_none() {
                let g = &engine.gazetteer;
                if let Err(e) = mentions::write(&p.doc, &p.segments, &p.found.mentions, g, &mut out)
                {
                    failed = Some(e);
                }
            }
        },
    )?;
    if let Some(e) = failed {
        return Err(e).context("failed to write to stdout");
    }
    out.flush().context("failed to write to stdout")?;
    rep.scan_summary(&stats);
    keep_until_exit(engine);
    Ok(exit_code(&stats))
}

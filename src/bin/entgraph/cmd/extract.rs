//! `entgraph extract`: every mention as JSON Lines (or CSV, `--format csv`) on stdout, in
//! document order; the summary on stderr. Must not segment, match or count: the library's `scan` does.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use entgraph::export::mentions::{self, MentionFormat};
use entgraph::pipeline;

use super::{exit_code, keep_until_exit};
use crate::args::{ExtractArgs, MentionFormatArg};
use crate::report::Reporter;

pub(crate) fn run(a: &ExtractArgs) -> Result<ExitCode> {
    let mut rep = Reporter::new(a.corpus.quiet);
    let engine = super::load_engine(&a.corpus, &a.discover, &mut rep)?;
    rep.engine(&engine);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    // The first write error; the scan runs on, as the statistics are still reported.
    let format = match a.format {
        MentionFormatArg::Jsonl => MentionFormat::Jsonl,
        MentionFormatArg::Csv => MentionFormat::Csv,
    };
    let mut failed: Option<io::Error> = match format {
        MentionFormat::Csv => mentions::write_csv_header(&mut out).err(),
        MentionFormat::Jsonl => None,
    };
    let stats = pipeline::scan(
        &engine,
        &a.corpus.inputs,
        &a.corpus.run_options(),
        &mut |s| rep.progress(s),
        &mut |p| {
            if failed.is_none() {
                let g = &engine.gazetteer;
                let found = &p.found.mentions;
                if let Err(e) = mentions::write(&p.doc, &p.segments, found, g, format, &mut out) {
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

//! `entgraph discover`: the gazetteer of discovered entities that `--discover` builds in
//! its first pass, written to a file (atomically) or to stdout, the summary on stderr.
//! Must not find or type names: the library's `pipeline::discover_names_with` does.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use entgraph::{export, pipeline};

use super::{discovery_summary, exit_code};
use crate::args::DiscoverCmdArgs;
use crate::report::Reporter;

pub(crate) fn run(a: &DiscoverCmdArgs) -> Result<ExitCode> {
    let mut rep = Reporter::new(a.corpus.quiet);
    let engine = pipeline::load(&a.corpus.load_options())?;
    rep.engine(&engine);
    let (found, stats) = pipeline::discover_names_with(
        &engine,
        &a.corpus.inputs,
        &a.corpus.run_options(),
        a.min_docs,
        &mut |s| rep.progress(s),
    )?;
    rep.clear_progress();
    if stats.documents == 0 {
        // Nothing read: an empty gazetteer would replace a good one with nothing.
        anyhow::bail!("no document was read: nothing written");
    }
    let text = found.gazetteer.as_bytes();
    match a.output.as_deref() {
        Some(path) if path.as_os_str() != "-" => {
            export::write_atomic(path, |w| w.write_all(text))?;
            rep.line(&format!(
                "{}; wrote {}",
                discovery_summary(&found, a.min_docs, stats.elapsed),
                path.display()
            ));
        }
        _ => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            out.write_all(text)
                .and_then(|()| out.flush())
                .context("failed to write to stdout")?;
            rep.line(&discovery_summary(&found, a.min_docs, stats.elapsed));
        }
    }
    Ok(exit_code(&stats))
}

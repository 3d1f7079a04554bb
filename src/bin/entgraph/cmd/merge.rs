//! `entgraph merge`: partial graphs (`build --partial`) read in the order given, checked to
//! share one fingerprint with this run's settings, and merged; the result written as
//! `build` writes a graph, or as a partial again (`--partial`), so that merges can form a
//! tree. Must not count documents: the library's `partial::merge` adds the counts.

use std::io::BufReader;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use entgraph::partial::{self, Partial};
use entgraph::{graph, pipeline};

use super::build::{save_partial, write_graph};
use super::keep_until_exit;
use crate::args::BuildArgs;
use crate::report::Reporter;

pub(crate) fn run(a: &BuildArgs) -> Result<ExitCode> {
    if a.discover.discover {
        bail!(
            "merge reads partial graphs, not the corpus: discover the corpus's names once \
             (`entgraph discover CORPUS -o discovered.jsonl`) and give `--discovered \
             discovered.jsonl` to the shards' builds and to merge"
        );
    }
    let engine = pipeline::load(&a.discover.load_options(&a.corpus))?;
    let rep = Reporter::new(a.corpus.quiet);
    rep.engine(&engine);
    let opts = a.build_options();
    if opts.by_period.is_some() {
        bail!("--by-period is not available in merge: the partials keep no periods apart");
    }
    let mine = pipeline::fingerprint(&engine, &a.corpus.load_options(), &opts);
    let g = &engine.gazetteer;
    // Each partial is merged in as it is read, so that memory holds the merged counts and
    // one partial, however many there are.
    let mut total: Option<Partial> = None;
    for path in &a.corpus.inputs {
        let read = if path.as_os_str() == "-" {
            partial::read(std::io::stdin().lock(), g, Some(&mine))
        } else {
            let file = std::fs::File::open(path)
                .with_context(|| format!("cannot read the partial graph {}", path.display()))?;
            partial::read(BufReader::new(file), g, Some(&mine))
        };
        let p = read.with_context(|| {
            format!(
                "{}: cannot merge it (merge takes the options and gazetteers the partials were built with)",
                path.display()
            )
        })?;
        total = match total {
            None => Some(p),
            Some(t) => partial::merge(vec![t, p])?,
        };
    }
    let Some(mut merged) = total else {
        bail!("no partial graph given");
    };
    if let (Some(shard), false) = (a.shard, merged.sharded) {
        merged.key_by_shard(shard).map_err(anyhow::Error::msg)?;
    }
    rep.line(&format!(
        "merged {}: {} documents, {} units, {} entities, {} pairs",
        a.corpus.inputs.len(),
        merged.counts.documents,
        merged.counts.units,
        merged.counts.entities.len(),
        merged.counts.pairs.len()
    ));
    if let Some(path) = &a.partial {
        save_partial(&merged, g, path)?;
        rep.line(&format!("wrote {}", path.display()));
    } else {
        graph::check_types(&opts.graph.filters, g)?;
        let built = graph::build(&merged.counts, g, &opts.graph)?;
        write_graph(&built, &[], a, &a.outputs(), &rep)?;
    }
    keep_until_exit(engine);
    Ok(ExitCode::SUCCESS)
}

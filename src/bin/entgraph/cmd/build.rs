//! `entgraph build`: the graph written in the formats of `--format` into the output
//! directory, the summaries on stderr, and with `--render` the DOT file drawn by Graphviz.
//! Owns the choice of output files ([`Outputs`]), whether graph.dot is an overview, and
//! whether positions are computed (for the formats that carry them); the library returns the graph and writes it with
//! its pure writers, as one set (`export::write_set`: all or nothing). A run that read no
//! document writes nothing and fails, so that the previous output is kept. Must not count
//! or filter: the library's `pipeline::build` does.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use entgraph::corpus::dates::Period;
use entgraph::error::OutputError;
use entgraph::export::{self, json::EdgesKey, Format};
use entgraph::graph::changes::{self, Changes};
use entgraph::graph::{overview, Overview, OverviewOptions};
use entgraph::pipeline;
use entgraph::pipeline::PeriodGraph;
use entgraph::Graph;

use super::{exit_code, keep_until_exit};
use crate::args::{BuildArgs, DotArg};
use crate::render::render;
use crate::report::Reporter;

/// Where `build` writes, and what.
#[derive(Debug, Clone)]
pub(crate) struct Outputs {
    /// The output directory.
    pub(crate) dir: PathBuf,
    /// The formats, written in this order.
    pub(crate) formats: Vec<Format>,
    /// Key of the edge list in JSON.
    pub(crate) edges_key: EdgesKey,
    /// What graph.dot draws.
    pub(crate) dot: DotArg,
    /// The most nodes graph.dot draws whole under `--dot auto`.
    pub(crate) dot_nodes: usize,
}

impl Outputs {
    /// The overview graph.dot draws instead of `graph`, if it draws one.
    fn overview(&self, graph: &Graph) -> Option<Overview> {
        let draw_overview = match self.dot {
            DotArg::Full => false,
            DotArg::Overview => true,
            DotArg::Auto => overview::too_large(graph, self.dot_nodes),
        };
        let wants_dot = self.formats.contains(&Format::Dot);
        (draw_overview && wants_dot).then(|| {
            entgraph::graph::overview(
                graph,
                &OverviewOptions {
                    max_nodes: self.dot_nodes,
                    ..OverviewOptions::default()
                },
            )
        })
    }
}

pub(crate) fn run(a: &BuildArgs) -> Result<ExitCode> {
    if a.discover.discover && a.partial.is_some() {
        // Each shard would discover names of its own, under ids and types the others
        // need not share, and merge could not load them.
        bail!(
            "--discover finds names in the documents it reads, and a shard reads only its \
             own: discover the whole corpus's names once (`entgraph discover CORPUS -o \
             discovered.jsonl`) and give `--discovered discovered.jsonl` to every shard's \
             build and to merge"
        );
    }
    let mut rep = Reporter::new(a.corpus.quiet);
    let engine = super::load_engine(&a.corpus, &a.discover, &mut rep)?;
    rep.engine(&engine);
    let outputs = a.outputs();
    // Temporaries of earlier runs killed while writing (see `export::write_set`).
    if outputs.dir.is_dir() {
        let _ = export::remove_stale_temporaries(&outputs.dir);
    }
    if let Some(path) = &a.partial {
        return write_partial(&engine, a, path, &mut rep);
    }
    let built = pipeline::build(
        &engine,
        &a.corpus.inputs,
        &a.corpus.run_options(),
        &a.build_options(),
        &mut |s| rep.progress(s),
    )?;
    if built.stats.documents == 0 {
        rep.scan_summary(&built.stats);
        if built.stats.outside_dates > 0 {
            bail!(
                "no document is dated within --since/--until ({} outside); the previous output in {} is left as it was",
                built.stats.outside_dates,
                outputs.dir.display()
            );
        }
        bail!(
            "no document was read; the previous output in {} is left as it was",
            outputs.dir.display()
        );
    }
    rep.scan_summary(&built.stats);
    write_graph(&built.graph, &built.periods, a, &outputs, &rep)?;
    keep_until_exit(engine);
    Ok(exit_code(&built.stats))
}

/// Counts the documents and writes their partial graph to `path` (`-`: stdout).
fn write_partial(
    engine: &pipeline::Engine,
    a: &BuildArgs,
    path: &std::path::Path,
    rep: &mut Reporter,
) -> Result<ExitCode> {
    let opts = a.build_options();
    if opts.by_period.is_some() {
        bail!("--by-period cannot be combined with --partial: merge the partials, then build by period");
    }
    let (counts, stats) = pipeline::count(
        engine,
        &a.corpus.inputs,
        &a.corpus.run_options(),
        &opts,
        &mut |s| rep.progress(s),
    )?;
    let mut partial = entgraph::partial::Partial {
        fingerprint: pipeline::fingerprint(engine, &a.corpus.load_options(), &opts),
        sharded: false,
        counts,
    };
    if let Some(shard) = a.shard {
        partial.key_by_shard(shard).map_err(anyhow::Error::msg)?;
    }
    save_partial(&partial, &engine.gazetteer, path)?;
    rep.scan_summary(&stats);
    rep.line(&format!(
        "partial graph: {} entities, {} pairs; wrote {}",
        partial.counts.entities.len(),
        partial.counts.pairs.len(),
        path.display()
    ));
    Ok(exit_code(&stats))
}

/// Writes a partial graph to `path`: atomically to a file, or to stdout for `-`.
pub(crate) fn save_partial(
    partial: &entgraph::partial::Partial,
    g: &entgraph::Gazetteer,
    path: &std::path::Path,
) -> Result<()> {
    if path.as_os_str() == "-" {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        entgraph::partial::write(partial, g, &mut out)
            .and_then(|()| std::io::Write::flush(&mut out))
            .context("failed to write the partial graph to stdout")?;
    } else {
        export::write_atomic(path, |w| entgraph::partial::write(partial, g, w))?;
    }
    Ok(())
}

/// Writes `graph` (and the graphs of `periods`) in the formats of `outputs`, renders it
/// when asked, and says what was written.
pub(crate) fn write_graph(
    graph: &Graph,
    periods: &[PeriodGraph],
    a: &BuildArgs,
    outputs: &Outputs,
    rep: &Reporter,
) -> Result<()> {
    let overview = outputs.overview(graph);
    let positions = outputs
        .formats
        .iter()
        .any(|f| f.needs_layout())
        .then(|| entgraph::graph::layout(graph));
    let pictures = Pictures {
        overview: overview.as_ref(),
        positions: positions.as_deref(),
        evidence: a.evidence,
    };
    let written = write(graph, &pictures, outputs, &outputs.dir)?;
    rep.build_summary(graph, &written);
    if let Some(ov) = &overview {
        rep.overview(ov);
    }
    if let Some(period) = a.build_options().by_period {
        let index = write_periods(periods, period, positions.as_deref(), graph, a, outputs)?;
        rep.line(&format!(
            "periods: {} graphs by {period} in {}/<period>/; index {}",
            periods.len(),
            outputs.dir.display(),
            index.display()
        ));
    }
    if let Some(r) = a.render {
        let dot = outputs.dir.join(Format::Dot.file_names()[0]);
        let out = render(&dot, r.as_str())
            .with_context(|| format!("failed to render `{}`", dot.display()))?;
        rep.line(&format!("rendered {}", out.display()));
    }
    Ok(())
}

/// Writes each period's graph into its folder under the output directory (node positions
/// from the whole graph's layout, so that a node stays in place from one period to the
/// next), then the index `periods.json` with each period's changes. Returns the index's
/// path.
fn write_periods(
    periods: &[PeriodGraph],
    period: Period,
    positions: Option<&[[f64; 2]]>,
    whole: &Graph,
    a: &BuildArgs,
    outputs: &Outputs,
) -> Result<PathBuf> {
    let mut changes = Vec::with_capacity(periods.len());
    for (k, p) in periods.iter().enumerate() {
        let place: Option<Vec<[f64; 2]>> = positions.map(|all| {
            p.graph
                .nodes
                .iter()
                .map(|n| whole.node_index(&n.id).map_or([0.0, 0.0], |i| all[i]))
                .collect()
        });
        let overview = outputs.overview(&p.graph);
        let pictures = Pictures {
            overview: overview.as_ref(),
            positions: place.as_deref(),
            evidence: a.evidence,
        };
        write(&p.graph, &pictures, outputs, &outputs.dir.join(&p.name))?;
        changes.push(match k {
            0 => Changes::default(),
            _ => changes::changes(&periods[k - 1].graph, &p.graph, CHANGES_LISTED),
        });
    }
    let index = outputs.dir.join("periods.json");
    export::write_atomic(&index, |w| {
        export::periods::write(period, periods, &changes, w)
    })?;
    Ok(index)
}

/// How many links each list of a period's changes names.
const CHANGES_LISTED: usize = 10;

/// What the drawings need beside the graph.
struct Pictures<'a> {
    /// The overview graph.dot draws instead of the whole graph, if it draws one.
    overview: Option<&'a Overview>,
    /// Node positions, when a format needs them.
    positions: Option<&'a [[f64; 2]]>,
    /// Citations kept per edge (the explorer says how many).
    evidence: usize,
}

/// Writes `graph` in every format of `outputs` into `dir`, as one set: either every file
/// is replaced or none is. Returns the paths written.
fn write(
    graph: &Graph,
    pictures: &Pictures<'_>,
    outputs: &Outputs,
    dir: &std::path::Path,
) -> Result<Vec<PathBuf>, OutputError> {
    let files: Vec<(Format, usize, &str)> = outputs
        .formats
        .iter()
        .flat_map(|&f| {
            f.file_names()
                .iter()
                .enumerate()
                .map(move |(part, name)| (f, part, *name))
        })
        .collect();
    let names: Vec<&str> = files.iter().map(|f| f.2).collect();
    let positions = pictures.positions.unwrap_or(&[]);
    export::write_set(dir, &names, |i, w| match files[i] {
        (Format::Dot, ..) => match pictures.overview {
            Some(ov) => export::dot::write_overview(ov, w),
            None => export::dot::write(graph, w),
        },
        (Format::Json, ..) => export::json::write(graph, outputs.edges_key, w),
        (Format::Gexf, ..) => export::gexf::write(graph, pictures.positions, w),
        (Format::Graphml, ..) => export::graphml::write(graph, w),
        (Format::Csv, 0, _) => export::csv::write_nodes(graph, w),
        (Format::Csv, ..) => export::csv::write_edges(graph, w),
        (Format::Cytoscape, ..) => export::cytoscape::write(graph, pictures.positions, w),
        (Format::Html, ..) => export::html::write(graph, positions, pictures.evidence, w),
    })
}

//! The `entgraph` binary: parses arguments, calls the library, prints summaries and
//! errors on stderr, and picks the exit code (0 done, 1 done but some input was skipped,
//! 2 failed). A closed stdout pipe ends the run quietly with 0. Must hold no domain logic.

mod args;
mod report;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use args::{Args, CheckArgs, Command, GazetteerCommand, SuggestArgs, SuggestFormat};
use entgraph::pipeline;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("entgraph: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        Command::Extract(a) => {
            let opts = a.corpus.options();
            let engine = pipeline::load(&opts)?;
            let mut rep = report::Reporter::new(a.corpus.quiet);
            rep.engine(&engine);
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            let mut failed: Option<io::Error> = None;
            let stats = pipeline::scan(
                &engine,
                &a.corpus.inputs,
                &opts,
                &mut |s| rep.progress(s),
                &mut |p| {
                    if failed.is_none() {
                        if let Err(e) = entgraph::export::mentions::write(
                            &p.doc,
                            &p.segments,
                            &p.found.mentions,
                            &engine.gazetteer,
                            &mut out,
                        ) {
                            failed = Some(e);
                        }
                    }
                },
            )?;
            if let Some(e) = failed {
                return Err(e).context("failed to write to stdout");
            }
            out.flush().context("failed to write to stdout")?;
            rep.scan_summary(&stats, &engine);
            keep_until_exit(engine);
            Ok(exit_code(&stats))
        }
        Command::Build(a) => {
            let opts = a.options();
            let engine = pipeline::load(&opts)?;
            let mut rep = report::Reporter::new(a.corpus.quiet);
            rep.engine(&engine);
            let report =
                pipeline::build(&engine, &a.corpus.inputs, &opts, &mut |s| rep.progress(s))?;
            rep.scan_summary(&report.stats, &engine);
            rep.build_summary(&report);
            if let Some(r) = a.render {
                let dot = opts.out_dir.join("graph.dot");
                let out = entgraph::export::render(&dot, r.as_str())
                    .with_context(|| format!("failed to render `{}`", dot.display()))?;
                rep.line(&format!("rendered {}", out.display()));
            }
            keep_until_exit(engine);
            Ok(exit_code(&report.stats))
        }
        Command::Gazetteer(GazetteerCommand::Check(a)) => check(&a),
        Command::Suggest(a) => suggest(&a),
    }
}

/// `entgraph suggest`: suggestions on stdout, the summary on stderr.
fn suggest(a: &SuggestArgs) -> Result<ExitCode> {
    let opts = a.corpus.options();
    let engine = pipeline::load(&opts)?;
    let mut rep = report::Reporter::new(a.corpus.quiet);
    rep.engine(&engine);
    let sopts = entgraph::suggest::SuggestOptions {
        min_count: a.min_count,
        limit: a.limit,
    };
    let (found, stats) = pipeline::suggest(&engine, &a.corpus.inputs, &opts, &sopts, &mut |s| {
        rep.progress(s)
    })?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match a.format {
        SuggestFormat::Text => entgraph::suggest::write_text(&found, &mut out),
        SuggestFormat::Jsonl => entgraph::suggest::write_jsonl(&found, &mut out),
    }
    .and_then(|()| out.flush())
    .context("failed to write to stdout")?;
    rep.scan_summary(&stats, &engine);
    rep.line(&format!(
        "{} suggestions (seen at least {} times)",
        found.len(),
        a.min_count
    ));
    keep_until_exit(engine);
    Ok(exit_code(&stats))
}

/// Leaves the loaded gazetteers and matcher to the operating system: freeing a
/// million-alias gazetteer allocation by allocation takes a quarter of a second that the
/// process's exit does at once.
fn keep_until_exit(engine: pipeline::Engine) {
    std::mem::forget(engine);
}

/// `entgraph gazetteer check`: the report goes to stdout, the tally to stderr.
fn check(a: &CheckArgs) -> Result<ExitCode> {
    let opts = a.options();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let engine = match pipeline::load(&opts) {
        Ok(engine) => engine,
        Err(pipeline::Error::Gazetteer(e)) => {
            for p in &e.problems {
                writeln!(out, "{}: {}: {}", p.location, p.level, p.message)?;
            }
            out.flush()?;
            eprintln!("{} errors: the gazetteers do not load", e.problems.len());
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    };
    let g = &engine.gazetteer;
    let scope = if a.paths.is_empty() {
        Default::default()
    } else {
        g.sources()[engine.default_sources..]
            .iter()
            .cloned()
            .collect()
    };
    let options = entgraph::check::CheckOptions { scope };
    let mut problems = entgraph::check::lint(g, &options);
    problems.extend(g.warnings().iter().cloned());
    // With --explain the question is about a text: the lints would bury the answer.
    if a.explain.is_none() {
        for p in &problems {
            writeln!(out, "{}: {}: {}", p.location, p.level, p.message)?;
        }
    }
    let warnings = problems.len();
    if a.stats {
        entgraph::check::write_stats(&entgraph::check::stats(g), 20, &mut out)?;
    }
    if let Some(x) = &a.explain {
        let text = match std::fs::read_to_string(x) {
            Ok(t) => t,
            Err(_) if !std::path::Path::new(x).exists() => x.clone(),
            Err(e) => return Err(e).with_context(|| format!("cannot read `{x}`")),
        };
        let why = engine.matcher.explain(g, &text);
        for e in &why {
            let verdict = if e.accepted { "match" } else { "no match" };
            writeln!(
                out,
                "{}..{} {:?}: {verdict} ({}): {}",
                e.span.start, e.span.end, e.text, e.rule, e.reason
            )?;
        }
        if why.is_empty() {
            writeln!(out, "no alias of the loaded gazetteers occurs in the text")?;
        }
    }
    out.flush()?;
    let checked = if a.paths.is_empty() {
        g.sources().len()
    } else {
        g.sources().len() - engine.default_sources
    };
    eprintln!(
        "checked {checked} file{}: {} entities, 0 errors, {warnings} warning{}",
        if checked == 1 { "" } else { "s" },
        g.len(),
        if warnings == 1 { "" } else { "s" }
    );
    Ok(if a.strict && warnings > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn exit_code(stats: &pipeline::Stats) -> ExitCode {
    if stats.had_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

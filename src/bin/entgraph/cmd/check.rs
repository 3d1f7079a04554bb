//! `entgraph gazetteer check`: the report goes to stdout (problems as
//! `path:line: level: message`, `--stats` tables, `--explain` verdicts), the tally to
//! stderr. Must not lint or explain: the library's `check` and matcher do.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use entgraph::check::{self, CheckOptions};
use entgraph::error::Level;
use entgraph::pipeline;

use crate::args::CheckArgs;
use crate::report::counted;

pub(crate) fn run(a: &CheckArgs) -> Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let engine = match pipeline::load(&a.load_options()) {
        Ok(engine) => engine,
        Err(pipeline::Error::Gazetteer(e)) => {
            for p in &e.problems {
                writeln!(out, "{}: {}: {}", p.location, p.level, p.message)?;
            }
            out.flush()?;
            eprintln!(
                "{}: the gazetteers do not load",
                counted(e.problems.len(), "error", "errors")
            );
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    };
    let g = &engine.gazetteer;
    // Without paths the default packs are what is checked; with paths, only those.
    let checked = if a.paths.is_empty() {
        g.sources()
    } else {
        engine.user_sources()
    };
    let options = CheckOptions {
        scope: if a.paths.is_empty() {
            Default::default()
        } else {
            checked.iter().cloned().collect()
        },
    };
    let mut problems = check::lint(g, &options);
    problems.extend(g.warnings().iter().cloned());
    // With --explain the question is about a text: the lints would bury the answer.
    if a.explain.is_none() {
        for p in problems
            .iter()
            .filter(|p| !a.quiet || p.level != Level::Note)
        {
            writeln!(out, "{}: {}: {}", p.location, p.level, p.message)?;
        }
    }
    let warnings = problems
        .iter()
        .filter(|p| p.level == Level::Warning)
        .count();
    let notes = problems.len() - warnings;
    if a.stats {
        check::write_stats(&check::stats(g), 20, &mut out)?;
    }
    if let Some(x) = &a.explain {
        let text = match std::fs::read_to_string(x) {
            Ok(t) => t,
            Err(_) if !std::path::Path::new(x).exists() => x.clone(),
            Err(e) => return Err(e).with_context(|| format!("cannot read `{x}`")),
        };
        check::write_explanations(&engine.matcher.explain(g, &text), &mut out)?;
    }
    out.flush()?;
    let checked = checked.len();
    if !a.quiet {
        eprintln!(
            "checked {}: {}, 0 errors, {}, {}",
            counted(checked, "file", "files"),
            counted(g.listed(), "entity", "entities"),
            counted(warnings, "warning", "warnings"),
            counted(notes, "note", "notes")
        );
    }
    Ok(if a.strict && warnings > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

//! `entgraph completions SHELL` and `entgraph man [SUBCOMMAND]`: the shell completion
//! scripts and the manual pages, generated from the same argument definitions as `--help`
//! (clap_complete, clap_mangen), so that they cannot drift from it. Must not describe an
//! option by hand.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::CommandFactory;

use crate::args::Args;

/// Writes the completion script for `shell` on stdout.
pub(crate) fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    clap_complete::generate(shell, &mut Args::command(), "entgraph", &mut out);
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the manual page of the subcommand at `path` (`["gazetteer", "check"]`), or of
/// entgraph itself when `path` is empty, on stdout.
pub(crate) fn man(path: &[String]) -> Result<ExitCode> {
    let mut command = Args::command();
    command.build();
    let mut name = String::from("entgraph");
    for word in path {
        let Some(sub) = command.find_subcommand(word) else {
            let known: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
            bail!(
                "no subcommand `{word}` in `{name}` (there are: {})",
                known.join(", ")
            );
        };
        name = format!("{name}-{word}");
        command = sub.clone();
    }
    // clap names a command with a static string; the process ends right after.
    let name: &'static str = Box::leak(name.into_boxed_str());
    let mut out = io::stdout().lock();
    clap_mangen::Man::new(command.name(name)).render(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

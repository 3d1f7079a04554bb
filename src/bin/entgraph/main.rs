//! The `entgraph` binary: parses arguments and hands them to the subcommand in `cmd`,
//! prints a failure as `entgraph: error: …`, and picks the exit code (0 done, 1 done but
//! some input was skipped or a strict check warned, 2 failed). A closed stdout pipe ends
//! the run quietly with 0. Must hold no domain logic: the subcommands call the library.

mod args;
mod cmd;
mod render;
mod report;

use std::io;
use std::process::ExitCode;

use clap::Parser;

use args::{Args, Command, GazetteerCommand};

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Extract(a) => cmd::extract::run(&a),
        Command::Build(a) => cmd::build::run(&a),
        Command::Merge(a) => cmd::merge::run(&a),
        Command::Gazetteer(GazetteerCommand::Check(a)) => cmd::check::run(&a),
        Command::Gazetteer(GazetteerCommand::Import(a)) => cmd::import::run(&a),
        Command::Suggest(a) => cmd::suggest::run(&a),
        Command::Discover(a) => cmd::discover::run(&a),
        Command::Completions { shell } => cmd::meta::completions(shell),
        Command::Man { path } => cmd::meta::man(&path),
    };
    match result {
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

//! Command-line arguments: the clap derive structs, their help text, and their conversion
//! into the library's plain options ([`LoadOptions`], [`RunOptions`], [`BuildOptions`])
//! and the binary's output targets ([`Outputs`]). Must not be imported by the library.
//!
//! ```text
//! mod.rs        the commands, the options every corpus command shares, extract, suggest
//! build.rs      build's (and merge's) options, their parsers and conversion
//! gazetteer.rs  gazetteer check and gazetteer import
//! ```

use std::path::PathBuf;

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};
use entgraph::corpus::dates::{DateSource, Day, Period};
use entgraph::export::json::EdgesKey;
use entgraph::export::Format;
use entgraph::gazetteer::CasePolicy;
use entgraph::graph::{Filters, GraphOptions, Measure};
use entgraph::link::Window;
use entgraph::model::EntityType;
use entgraph::{BuildOptions, LoadOptions, RunOptions};

use crate::cmd::build::Outputs;

mod build;
mod gazetteer;

pub(crate) use build::*;
pub(crate) use gazetteer::*;

/// Find the people, places and organizations of your gazetteers in news text, and build the
/// graph of who and what appears together.
#[derive(Debug, Parser)]
#[command(name = "entgraph", version, about, max_term_width = 100)]
pub(crate) struct Args {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Write every mention found as JSON Lines on stdout, in document order.
    Extract(ExtractArgs),
    /// Build the co-occurrence graph and write it as DOT and JSON.
    Build(BuildArgs),
    /// Merge partial graphs (`build --partial`) into the graph `build` gives for all their
    /// documents, in the order given: the INPUTs are partial files (`-` for standard input),
    /// the other options those of `build`, matching what the shards were built with.
    Merge(BuildArgs),
    /// Work on gazetteers: check them for problems, explain matches, import data as one.
    #[command(subcommand)]
    Gazetteer(GazetteerCommand),
    /// Propose gazetteer entries for the names in a corpus that the gazetteers miss.
    Suggest(SuggestArgs),
    /// Write the names `--discover` would add for a corpus as a JSON Lines gazetteer: to
    /// review and edit, to reuse without a first pass (`--discovered FILE`), and to give
    /// every shard of a corpus counted apart (`build --partial`, the Spark job) the same
    /// entities.
    Discover(DiscoverCmdArgs),
    /// Write a shell completion script on stdout (e.g. `entgraph completions bash >
    /// ~/.local/share/bash-completion/completions/entgraph`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Write a manual page (roff) on stdout: entgraph's, or a subcommand's with its options
    /// (e.g. `entgraph man build > entgraph-build.1; man ./entgraph-build.1`).
    Man {
        /// The subcommand (`build`, `gazetteer check`...); none for the main page.
        #[arg(value_name = "SUBCOMMAND")]
        path: Vec<String>,
    },
}

#[derive(Debug, ClapArgs)]
pub(crate) struct SuggestArgs {
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,

    /// Propose only names seen at least N times (raise it for large corpora).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub(crate) min_count: u64,

    /// Propose at most N names, the best ranked (default: all).
    #[arg(long, value_name = "N")]
    pub(crate) limit: Option<usize>,

    /// text: lines to paste into a text gazetteer, each with a comment (count, cue,
    /// example); jsonl: one object a line.
    #[arg(long, value_enum, default_value = "text", value_name = "FORMAT")]
    pub(crate) format: SuggestFormat,
}

#[derive(Debug, ClapArgs)]
pub(crate) struct DiscoverCmdArgs {
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,

    /// Only names seen in at least N documents (keeps a large corpus's one-off names out).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub(crate) min_docs: u64,

    /// Write the gazetteer to FILE (replaced at once, when it is whole) instead of stdout
    /// (`-`). `--discovered FILE`, with the same gazetteers, counts the corpus with the
    /// entities `--discover` finds.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum SuggestFormat {
    Text,
    Jsonl,
}

/// How gazetteers match: the options shared by the commands that read a corpus and by
/// `gazetteer check --explain`.
#[derive(Debug, ClapArgs)]
pub(crate) struct MatchArgs {
    /// Case policy for every gazetteer, overriding each file's @case (default: each file's
    /// @case, else smart: an alias that starts upper-case matches only text that does).
    #[arg(long, value_enum, value_name = "POLICY")]
    pub(crate) case: Option<CaseArg>,

    /// Do not match demonyms (Russian → Russia).
    #[arg(long)]
    pub(crate) no_demonyms: bool,

    /// Keep a place that stands for its team (`Barcelona beat Madrid`, `NEW YORK 74 59`,
    /// `England captain`) a place, instead of the team (a country: a mention that links
    /// nothing).
    #[arg(long)]
    pub(crate) no_team_rule: bool,

    /// Keep a place that is part of a longer name (`Real Madrid`, `Bank of Canada`) or a
    /// person's surname (`Neil Jordan`), instead of dropping it.
    #[arg(long)]
    pub(crate) no_name_rule: bool,
}

impl MatchArgs {
    /// `gazetteers` (with the default ones unless `no_default`) loaded as these options say.
    pub(crate) fn load_options(&self, gazetteers: &[String], no_default: bool) -> LoadOptions {
        LoadOptions {
            gazetteers: gazetteers.to_vec(),
            default_gazetteers: !no_default,
            case: self.case.map(CaseArg::policy),
            demonyms: !self.no_demonyms,
            teams: !self.no_team_rule,
            names_inside_names: !self.no_name_rule,
            texts: Vec::new(),
            discovered: None,
        }
    }
}

/// Options shared by every command that reads a corpus.
#[derive(Debug, ClapArgs)]
pub(crate) struct CorpusArgs {
    /// Files (read as text, or as JSON Lines when named .jsonl; pipes such as /dev/stdin
    /// too), directories (their .txt, .md and .jsonl files, recursively), or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,

    /// Add a gazetteer: a file, a directory (pack), or an embedded pack by name
    /// (e.g. korea-russia-2019). Repeatable.
    #[arg(short = 'g', long = "gazetteer", value_name = "PATH")]
    pub(crate) gazetteers: Vec<String>,

    /// Do not load the default gazetteers (the embedded world pack).
    #[arg(long)]
    pub(crate) no_default_gazetteers: bool,

    #[command(flatten)]
    pub(crate) matching: MatchArgs,

    /// Worker threads; 0, the default, is one per core. Output is the same for any number.
    #[arg(
        long,
        short = 'j',
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    pub(crate) threads: usize,

    /// No summary, notes or progress on stderr (errors are still shown).
    #[arg(long, short = 'q')]
    pub(crate) quiet: bool,
}

#[derive(Debug, ClapArgs)]
pub(crate) struct ExtractArgs {
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,

    #[command(flatten)]
    pub(crate) discover: DiscoverArgs,

    /// jsonl: one JSON object a line; csv: a header and one row a mention, for
    /// spreadsheets (`entgraph extract DIR --format csv > mentions.csv`).
    #[arg(long, value_enum, default_value = "jsonl", value_name = "FORMAT")]
    pub(crate) format: MentionFormatArg,
}

/// Finding the names no gazetteer lists.
#[derive(Debug, ClapArgs)]
pub(crate) struct DiscoverArgs {
    /// Also count the people, organizations and places no gazetteer lists: the names
    /// `suggest` finds, typed by their cues (a title, a head word, a place word...), become
    /// discovered entities (id `discovered:TYPE:NAME`, attributes `discovered=true` and the
    /// `cue` that typed them); a short form counts for its full name where the document
    /// names it. Names of unknown type are left out. The corpus is read twice.
    #[arg(long)]
    pub(crate) discover: bool,

    /// With --discover: only names seen in at least N documents (keeps a large corpus's
    /// one-off names out).
    #[arg(long, default_value_t = 1, value_name = "N", requires = "discover")]
    pub(crate) discover_min_docs: u64,

    /// Count the discovered entities `entgraph discover` wrote to FILE, without a first
    /// pass: the same files as `--discover` on the corpus it read (reviewed and edited, if
    /// need be). Every shard of a corpus counted apart (`--partial`) and their `merge` take
    /// the same FILE.
    #[arg(long, value_name = "FILE", conflicts_with = "discover")]
    pub(crate) discovered: Option<PathBuf>,
}

impl DiscoverArgs {
    /// `corpus`'s gazetteers, and the file of discovered entities when one is named.
    pub(crate) fn load_options(&self, corpus: &CorpusArgs) -> LoadOptions {
        LoadOptions {
            discovered: self.discovered.clone(),
            ..corpus.load_options()
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum CaseArg {
    Smart,
    Exact,
    Insensitive,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum MentionFormatArg {
    Jsonl,
    Csv,
}

impl CaseArg {
    pub(crate) fn policy(self) -> CasePolicy {
        match self {
            CaseArg::Smart => CasePolicy::Smart,
            CaseArg::Exact => CasePolicy::Exact,
            CaseArg::Insensitive => CasePolicy::Insensitive,
        }
    }
}

impl CorpusArgs {
    pub(crate) fn load_options(&self) -> LoadOptions {
        self.matching
            .load_options(&self.gazetteers, self.no_default_gazetteers)
    }

    pub(crate) fn run_options(&self) -> RunOptions {
        RunOptions {
            threads: self.threads,
            ..RunOptions::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Args::command().debug_assert();
    }

    #[test]
    fn build_arguments_convert_to_options() {
        let args = Args::try_parse_from([
            "entgraph",
            "build",
            "samples/",
            "-g",
            "korea-russia-2019",
            "-o",
            "out",
            "--window",
            "sentences:3",
            "--weight",
            "npmi",
            "--types",
            "person,place",
            "--focus",
            "Putin",
            "--hops",
            "2",
            "--format",
            "json",
            "--json-edges-key",
            "edges",
        ])
        .unwrap();
        let Command::Build(b) = args.command else {
            panic!()
        };
        let o = b.build_options();
        assert_eq!(o.graph.window, Window::Sentences(3));
        assert_eq!(o.graph.measure, Measure::Npmi);
        assert_eq!(
            o.graph.filters.types.as_deref(),
            Some(&[EntityType::Person, EntityType::Place][..])
        );
        assert_eq!(o.graph.filters.hops, Some(2));
        let out = b.outputs();
        assert_eq!(out.formats, [Format::Json]);
        assert_eq!(out.edges_key, EdgesKey::Edges);
        assert_eq!(out.dir, PathBuf::from("out"));
        assert_eq!(b.corpus.load_options().gazetteers, ["korea-russia-2019"]);
        assert_eq!(b.corpus.run_options().threads, 0);
        let args = Args::try_parse_from([
            "entgraph", "build", "x", "--format", "json", "--render", "svg",
        ])
        .unwrap();
        let Command::Build(b) = args.command else {
            panic!()
        };
        assert_eq!(b.outputs().formats, [Format::Dot, Format::Json]);
        assert_eq!(b.outputs().dir, PathBuf::from("output"));
        assert!(Args::try_parse_from(["entgraph", "build", "x", "--window", "page"]).is_err());
        assert!(Args::try_parse_from(["entgraph", "build", "x", "--hops", "2"]).is_err());
        for bad in [
            ["--min-weight", "NaN"],
            ["--min-weight", "inf"],
            ["--min-weight", "infinity"],
            ["--top", "0"],
            ["--backbone", "0"],
            ["--backbone", "1"],
            ["--backbone", "NaN"],
        ] {
            let e = Args::try_parse_from(["entgraph", "build", "x", bad[0], bad[1]]).unwrap_err();
            assert_eq!(e.kind(), clap::error::ErrorKind::ValueValidation, "{bad:?}");
        }
        let args =
            Args::try_parse_from(["entgraph", "build", "x", "--min-weight=-0.5", "--top", "1"])
                .unwrap();
        let Command::Build(b) = args.command else {
            panic!()
        };
        assert_eq!(b.build_options().graph.filters.min_weight, Some(-0.5));
        // A negative value may follow the option as its own word.
        let negative =
            Args::try_parse_from(["entgraph", "build", "x", "--min-weight", "-1"]).unwrap();
        let Command::Build(n) = negative.command else {
            panic!()
        };
        assert_eq!(n.build_options().graph.filters.min_weight, Some(-1.0));
        let level = Args::try_parse_from(["entgraph", "build", "x", "--backbone", "0.05"]).unwrap();
        let Command::Build(l) = level.command else {
            panic!()
        };
        assert_eq!(l.build_options().graph.filters.backbone, Some(0.05));
        assert_eq!(b.build_options().graph.filters.top, Some(1));
    }
}

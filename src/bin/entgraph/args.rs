//! Command-line arguments: the clap derive structs, their help text, and their conversion
//! into the library's plain options ([`LoadOptions`], [`RunOptions`], [`BuildOptions`])
//! and the binary's output targets ([`Outputs`]). Must not be imported by the library.

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

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum SuggestFormat {
    Text,
    Jsonl,
}

#[derive(Debug, Subcommand)]
pub(crate) enum GazetteerCommand {
    /// Load gazetteers as build does and report problems as path:line: level: message.
    Check(CheckArgs),
    /// Turn data you already have into a gazetteer (JSON Lines): a CSV or TSV table mapped
    /// column by column, GeoNames dump lines (`cities15000.txt`), or Wikidata (SPARQL
    /// query results saved as JSON, CSV or TSV, or lines of the JSON dump).
    Import(Box<ImportArgs>),
}

/// The formats `gazetteer import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ImportFormat {
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// GeoNames dump lines: 19 tab-separated fields, no header.
    Geonames,
    /// Wikidata: SPARQL results (JSON, CSV or TSV) or JSON dump lines, told apart by their
    /// start.
    Wikidata,
}

/// Which GeoNames alternate names become aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum NamesArg {
    /// Latin-script names that look like names (no codes, no digits).
    Latin,
    /// Every alternate name but codes and names with digits.
    All,
    /// None: the name and its ASCII form only.
    None,
}

#[derive(Debug, ClapArgs)]
pub(crate) struct ImportArgs {
    /// The input's format.
    #[arg(value_enum, value_name = "FORMAT")]
    pub(crate) format: ImportFormat,

    /// The input file (`-` for standard input).
    #[arg(value_name = "FILE")]
    pub(crate) input: PathBuf,

    /// Write the gazetteer to this file (atomically) instead of standard output. Give it a
    /// `.jsonl` name: that is its format.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// The type of every entity (`person`, `place`, `organization`, ...).
    #[arg(long = "type", value_name = "TYPE")]
    pub(crate) kind: Option<String>,

    /// The column holding each row's type (default: `type`, when there is one).
    #[arg(long, value_name = "COLUMN", conflicts_with = "kind")]
    pub(crate) type_column: Option<String>,

    /// A value of the type column, or a Wikidata class (P31), and the type it stands for
    /// (`--type-map Q5=person`, `--type-map mp=person`). Repeatable. Wikidata imports know
    /// the common classes already (humans, countries, cities, companies, parties...).
    #[arg(long, value_name = "VALUE=TYPE")]
    pub(crate) type_map: Vec<String>,

    /// The label column (default: `label`, `name` or `itemLabel`). Columns are named by
    /// their header, or numbered from 1.
    #[arg(long, value_name = "COLUMN")]
    pub(crate) label: Option<String>,

    /// A column of aliases (default: `aliases`, `altLabel` or `itemAltLabel`). Repeatable.
    #[arg(long = "alias", value_name = "COLUMN")]
    pub(crate) aliases: Vec<String>,

    /// A column of anchored aliases: short forms that count only where the entity is named
    /// otherwise (surnames). Repeatable.
    #[arg(long = "anchored", value_name = "COLUMN")]
    pub(crate) anchored: Vec<String>,

    /// The column identifying an entity: rows with the same value are one entity (default:
    /// `id`, else `item`). A value that looks like an id (`person:ruth-kelly`) is used as
    /// the entity's id.
    #[arg(long, value_name = "COLUMN")]
    pub(crate) key: Option<String>,

    /// An attribute and the column it comes from (`--attr office=Office`); for a Wikidata
    /// dump, the property (`--attr country=P17`). Repeatable.
    #[arg(long = "attr", value_name = "KEY=COLUMN")]
    pub(crate) attrs: Vec<String>,

    /// Every column not otherwise mapped becomes an attribute named after it.
    #[arg(long)]
    pub(crate) other_columns: bool,

    /// What separates several aliases in one cell (default `|`; for Wikidata results `, `,
    /// as the label service joins alternative labels).
    #[arg(long, value_name = "TEXT")]
    pub(crate) separator: Option<String>,

    /// The language of labels and aliases taken from a Wikidata dump.
    #[arg(long, default_value = "en", value_name = "CODE")]
    pub(crate) lang: String,

    /// GeoNames: skip places with fewer people.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub(crate) min_population: u64,

    /// GeoNames: which alternate names become aliases.
    #[arg(long, value_enum, default_value = "latin", value_name = "WHICH")]
    pub(crate) names: NamesArg,

    /// Do not consult the default gazetteers (the embedded world pack). Consulted, they
    /// keep imported ids from clashing with theirs, give GeoNames places their country's
    /// label, and give a place they list (by GeoNames id) their id.
    #[arg(long)]
    pub(crate) no_default_gazetteers: bool,

    /// Print nothing on stderr but errors.
    #[arg(short, long)]
    pub(crate) quiet: bool,
}

#[derive(Debug, ClapArgs)]
pub(crate) struct CheckArgs {
    /// Gazetteer files, directories (packs) or embedded pack names to check. Without any,
    /// the default packs are checked. The default packs are loaded too (unless
    /// --no-default-gazetteers), so that aliases shared with them are reported.
    #[arg(value_name = "PATH")]
    pub(crate) paths: Vec<String>,

    /// Do not load the default gazetteers (the embedded world pack).
    #[arg(long)]
    pub(crate) no_default_gazetteers: bool,

    /// Also print entities and aliases per type and per file, and the shared aliases.
    #[arg(long)]
    pub(crate) stats: bool,

    /// Show, for each candidate match in TEXT (or in the file TEXT names), which alias
    /// matched and which rule accepted or rejected it (instead of the warnings, which are
    /// only counted).
    #[arg(long, value_name = "TEXT|FILE")]
    pub(crate) explain: Option<String>,

    /// Case policy for --explain, as in build (default: each file's @case, else smart).
    #[arg(long, value_enum, value_name = "POLICY")]
    pub(crate) case: Option<CaseArg>,

    /// Do not match demonyms in --explain.
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

    /// Exit with status 1 on warnings too, not only on errors.
    #[arg(long)]
    pub(crate) strict: bool,

    /// Print errors and warnings only (no notes), and no tally on stderr.
    #[arg(short, long)]
    pub(crate) quiet: bool,
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
}

#[derive(Debug, ClapArgs)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    pub(crate) corpus: CorpusArgs,

    #[command(flatten)]
    pub(crate) discover: DiscoverArgs,

    /// Output directory for the files of --format.
    #[arg(
        short = 'o',
        long = "out",
        value_name = "DIR",
        default_value = "output"
    )]
    pub(crate) out: PathBuf,

    /// Formats to write, comma-separated: dot (graph.dot), json (graph.json), gexf
    /// (graph.gexf, Gephi), graphml (graph.graphml: Cytoscape, yEd, igraph), csv (nodes.csv
    /// and edges.csv), cytoscape (graph.cyjs, Cytoscape.js), html (graph.html, the
    /// explorer), or all.
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "dot,json",
        value_name = "LIST"
    )]
    pub(crate) format: Vec<FormatArg>,

    /// Co-occurrence unit: sentence, paragraph, document, or sentences:N (N consecutive
    /// sentences, sliding).
    #[arg(long, default_value = "sentence", value_parser = parse_window, value_name = "UNIT")]
    pub(crate) window: Window,

    /// Edge measure used for filtering, ranking and drawing.
    #[arg(long, value_enum, default_value = "count", value_name = "MEASURE")]
    pub(crate) weight: MeasureArg,

    /// Where documents' dates come from: auto tries a JSON Lines `date` field, then a
    /// `Date:` header (or front matter) at the top of the text, then a date starting the
    /// file name (`2019-04-18-...`); or only one of jsonl, header, filename; or none.
    #[arg(long, value_enum, default_value = "auto", value_name = "SOURCE")]
    pub(crate) dates: DatesArg,

    /// Count only documents dated on or after DATE (YYYY-MM-DD); undated ones are skipped.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub(crate) since: Option<Day>,

    /// Count only documents dated on or before DATE (YYYY-MM-DD); undated ones are skipped.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub(crate) until: Option<Day>,

    /// The period of the timeline counts (first and last seen, counts per period): day,
    /// week (ISO 8601), month, year, or auto (from the dates' span: a day up to a month, a
    /// week up to a year, a month up to ten years, else a year).
    #[arg(long, value_enum, default_value = "auto", value_name = "PERIOD")]
    pub(crate) period: PeriodArg,

    /// Also write one graph per period of the dated documents into DIR/<period>/ (such as
    /// DIR/2019-04/graph.json), in the same formats, with the same node ids and positions,
    /// and DIR/periods.json: the periods, their counts and the links that appear,
    /// disappear or grow most against the period before.
    #[arg(long, value_enum, value_name = "PERIOD")]
    pub(crate) by_period: Option<ByPeriodArg>,

    /// Citations kept per edge (document, sentence, byte span).
    #[arg(long, default_value_t = 3, value_name = "K")]
    pub(crate) evidence: usize,

    /// 1. Drop edges whose measure (--weight) is below X, a finite number (default: keep
    ///    all). It may be negative, `--min-weight -0.5`, for npmi.
    #[arg(long, value_name = "X", value_parser = parse_finite, allow_negative_numbers = true)]
    pub(crate) min_weight: Option<f64>,

    /// 1. Keep only the backbone: the edges significant at level ALPHA (0 < ALPHA < 1, e.g.
    ///    0.05) for at least one of their ends by the disparity filter, on unit counts
    ///    (default: keep all). Each edge's p-value is in graph.json as `disparity`.
    #[arg(long, value_name = "ALPHA", value_parser = parse_alpha)]
    pub(crate) backbone: Option<f64>,

    /// 2. Drop entities mentioned fewer than N times (default: keep all).
    #[arg(long, value_name = "N")]
    pub(crate) min_mentions: Option<u64>,

    /// 3. Keep only these entity types, comma-separated (default: all).
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub(crate) types: Option<Vec<String>>,

    /// 4. Keep the N most mentioned entities, N at least 1 (default: all).
    #[arg(long, value_name = "N", value_parser = parse_positive)]
    pub(crate) top: Option<usize>,

    /// 5. Keep only the ego network of this entity (id, label or alias).
    #[arg(long, value_name = "ENTITY")]
    pub(crate) focus: Option<String>,

    /// Radius of the --focus ego network, in edges (default: 1).
    #[arg(long, value_name = "H", requires = "focus")]
    pub(crate) hops: Option<usize>,

    /// 6. Drop entities left without edges.
    #[arg(long)]
    pub(crate) drop_isolated: bool,

    /// Key of the edge list in graph.json: links (D3; networkx with edges="links") or
    /// edges (networkx 3.6+ default).
    #[arg(long, value_enum, default_value = "links", value_name = "KEY")]
    pub(crate) json_edges_key: EdgesKeyArg,

    /// What graph.dot draws: `auto` draws everything up to --dot-nodes entities and an
    /// overview of larger graphs (the most central entities of each community and the
    /// backbone among them); `full` always draws everything; `overview` always the
    /// overview. graph.json always holds the whole graph.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHAT")]
    pub(crate) dot: DotArg,

    /// The most entities graph.dot draws before it becomes an overview (see --dot).
    #[arg(long, default_value_t = entgraph::graph::overview::DEFAULT_MAX_NODES, value_name = "N", value_parser = parse_positive)]
    pub(crate) dot_nodes: usize,

    /// Write the mergeable state of these documents (a partial graph) to FILE (`-`:
    /// standard output) instead of the graph, for `entgraph merge`.
    #[arg(long, value_name = "FILE")]
    pub(crate) partial: Option<PathBuf>,

    /// With --partial: this shard's number in the corpus (a Spark partition's index), so
    /// that the partials merge in any order into the graph of the shards in number order.
    #[arg(long, value_name = "N", requires = "partial")]
    pub(crate) shard: Option<u64>,

    /// Also render graph.dot into DIR/graph.FORMAT with Graphviz's `dot`, which must be
    /// installed.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub(crate) render: Option<RenderArg>,
}

/// A calendar date, YYYY-MM-DD.
fn parse_day(s: &str) -> Result<Day, String> {
    match entgraph::corpus::dates::parse_date(s) {
        Some(d) if s.trim().len() == 10 => Ok(d),
        _ => Err(format!("`{s}` is not a date (YYYY-MM-DD)")),
    }
}

fn parse_window(s: &str) -> Result<Window, String> {
    s.parse()
}

/// A finite number: NaN would turn a threshold off (every comparison with it is false)
/// and neither NaN nor infinity can be recorded in graph.json.
fn parse_finite(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(format!("`{s}` is not a finite number")),
        Err(e) => Err(format!("`{s}` is not a number: {e}")),
    }
}

/// A significance level: strictly between 0 and 1.
fn parse_alpha(s: &str) -> Result<f64, String> {
    match parse_finite(s)? {
        a if a > 0.0 && a < 1.0 => Ok(a),
        _ => Err(format!(
            "`{s}` is not a significance level between 0 and 1 (e.g. 0.05)"
        )),
    }
}

/// A count of at least 1: keeping 0 entities leaves nothing to draw.
fn parse_positive(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_string()),
        Ok(n) => Ok(n),
        Err(e) => Err(format!("`{s}` is not a whole number: {e}")),
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum CaseArg {
    Smart,
    Exact,
    Insensitive,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum FormatArg {
    Dot,
    Json,
    Gexf,
    Graphml,
    Csv,
    Cytoscape,
    Html,
    All,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum MeasureArg {
    Count,
    Npmi,
    Dice,
    Jaccard,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum EdgesKeyArg {
    Links,
    Edges,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum DatesArg {
    Auto,
    Jsonl,
    Header,
    Filename,
    None,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum PeriodArg {
    Auto,
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ByPeriodArg {
    Day,
    Week,
    Month,
    Year,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum MentionFormatArg {
    Jsonl,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum DotArg {
    Auto,
    Full,
    Overview,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum RenderArg {
    Svg,
    Png,
    Pdf,
}

impl RenderArg {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            RenderArg::Svg => "svg",
            RenderArg::Png => "png",
            RenderArg::Pdf => "pdf",
        }
    }
}

impl CheckArgs {
    pub(crate) fn load_options(&self) -> LoadOptions {
        LoadOptions {
            gazetteers: self.paths.clone(),
            default_gazetteers: !self.no_default_gazetteers,
            case: self.case.map(CaseArg::policy),
            demonyms: !self.no_demonyms,
            teams: !self.no_team_rule,
            names_inside_names: !self.no_name_rule,
            texts: Vec::new(),
        }
    }
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
        LoadOptions {
            gazetteers: self.gazetteers.clone(),
            default_gazetteers: !self.no_default_gazetteers,
            case: self.case.map(CaseArg::policy),
            demonyms: !self.no_demonyms,
            teams: !self.no_team_rule,
            names_inside_names: !self.no_name_rule,
            texts: Vec::new(),
        }
    }

    pub(crate) fn run_options(&self) -> RunOptions {
        RunOptions {
            threads: self.threads,
            ..RunOptions::default()
        }
    }
}

impl BuildArgs {
    pub(crate) fn build_options(&self) -> BuildOptions {
        BuildOptions {
            graph: GraphOptions {
                window: self.window,
                period: match self.period {
                    PeriodArg::Auto => Period::Auto,
                    PeriodArg::Day => Period::Day,
                    PeriodArg::Week => Period::Week,
                    PeriodArg::Month => Period::Month,
                    PeriodArg::Year => Period::Year,
                },
                measure: match self.weight {
                    MeasureArg::Count => Measure::Count,
                    MeasureArg::Npmi => Measure::Npmi,
                    MeasureArg::Dice => Measure::Dice,
                    MeasureArg::Jaccard => Measure::Jaccard,
                },
                filters: Filters {
                    min_weight: self.min_weight,
                    backbone: self.backbone,
                    min_mentions: self.min_mentions,
                    types: self
                        .types
                        .as_ref()
                        .map(|ts| ts.iter().map(|t| EntityType::new(t)).collect()),
                    top: self.top,
                    focus: self.focus.clone(),
                    hops: self.hops,
                    drop_isolated: self.drop_isolated,
                },
            },
            evidence: self.evidence,
            snippets: self.outputs().formats.iter().any(|f| f.needs_snippets()),
            dates: match self.dates {
                DatesArg::Auto => DateSource::Auto,
                DatesArg::Jsonl => DateSource::Jsonl,
                DatesArg::Header => DateSource::Header,
                DatesArg::Filename => DateSource::Filename,
                DatesArg::None => DateSource::None,
            },
            since: self.since,
            until: self.until,
            by_period: self.by_period.map(|p| match p {
                ByPeriodArg::Day => Period::Day,
                ByPeriodArg::Week => Period::Week,
                ByPeriodArg::Month => Period::Month,
                ByPeriodArg::Year => Period::Year,
            }),
        }
    }

    /// The files to write: sorted formats without duplicates, DOT first when rendering.
    pub(crate) fn outputs(&self) -> Outputs {
        let mut formats: Vec<Format> = self
            .format
            .iter()
            .flat_map(|f| match f {
                FormatArg::Dot => vec![Format::Dot],
                FormatArg::Json => vec![Format::Json],
                FormatArg::Gexf => vec![Format::Gexf],
                FormatArg::Graphml => vec![Format::Graphml],
                FormatArg::Csv => vec![Format::Csv],
                FormatArg::Cytoscape => vec![Format::Cytoscape],
                FormatArg::Html => vec![Format::Html],
                FormatArg::All => Format::ALL.to_vec(),
            })
            .collect();
        formats.sort();
        formats.dedup();
        if self.render.is_some() && !formats.contains(&Format::Dot) {
            formats.insert(0, Format::Dot);
        }
        Outputs {
            dir: self.out.clone(),
            formats,
            edges_key: match self.json_edges_key {
                EdgesKeyArg::Links => EdgesKey::Links,
                EdgesKeyArg::Edges => EdgesKey::Edges,
            },
            dot: self.dot,
            dot_nodes: self.dot_nodes,
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

//! The options of `gazetteer check` and `gazetteer import`. Must not load gazetteers.

use super::*;

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

    /// How --explain matches, as in build.
    #[command(flatten)]
    pub(crate) matching: MatchArgs,

    /// Exit with status 1 on warnings too, not only on errors.
    #[arg(long)]
    pub(crate) strict: bool,

    /// Print errors and warnings only (no notes), and no tally on stderr.
    #[arg(short, long)]
    pub(crate) quiet: bool,
}

impl CheckArgs {
    pub(crate) fn load_options(&self) -> LoadOptions {
        self.matching
            .load_options(&self.paths, self.no_default_gazetteers)
    }
}

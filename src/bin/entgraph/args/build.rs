//! The options of `build` (and `merge`, which takes the same): output, co-occurrence,
//! dates, filters, formats and pictures; their value parsers and their conversion into
//! [`BuildOptions`] and [`Outputs`]. Must not run a build.

use super::*;

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

//! The index of the per-period graphs (`periods.json`): each period's name, days, folder,
//! counts, and how its links changed against the period before.
//!
//! Owns the index's shape:
//!
//! ```text
//! { "generator": "entgraph", "version", "period": "day" | "week" | "month" | "year",
//!   "periods": [{"name", "first", "last", "dir", "documents", "entities", "links",
//!                "changes": {"appeared" | "disappeared" | "grew":
//!                            [{"source", "target", "before", "after"}]}}] }
//! ```
//!
//! The first period's changes are empty lists. Writes to `impl Write`; must not choose the
//! folders' place or read options.

use std::io::{self, Write};

use serde::Serialize;

use crate::corpus::dates::Period;
use crate::graph::changes::{Change, Changes};
use crate::pipeline::PeriodGraph;

#[derive(Serialize)]
struct Index<'a> {
    generator: &'static str,
    version: &'static str,
    period: String,
    periods: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Entry<'a> {
    name: &'a str,
    first: String,
    last: String,
    dir: &'a str,
    documents: u64,
    entities: usize,
    links: usize,
    changes: ChangesDto<'a>,
}

#[derive(Serialize)]
struct ChangesDto<'a> {
    appeared: &'a [Change],
    disappeared: &'a [Change],
    grew: &'a [Change],
}

impl Serialize for Change {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Change", 4)?;
        st.serialize_field("source", &self.source)?;
        st.serialize_field("target", &self.target)?;
        st.serialize_field("before", &self.before)?;
        st.serialize_field("after", &self.after)?;
        st.end()
    }
}

/// Writes the index of `periods` (counted by `period`), each with its `changes` against
/// the one before, its folder named after it.
///
/// # Errors
/// Whatever `out` returns.
pub fn write<W: Write + ?Sized>(
    period: Period,
    periods: &[PeriodGraph],
    changes: &[Changes],
    out: &mut W,
) -> io::Result<()> {
    let index = Index {
        generator: "entgraph",
        version: env!("CARGO_PKG_VERSION"),
        period: period.to_string(),
        periods: periods
            .iter()
            .zip(changes)
            .map(|(p, c)| Entry {
                name: &p.name,
                first: p.span.0.to_string(),
                last: p.span.1.to_string(),
                dir: &p.name,
                documents: p.graph.meta.documents,
                entities: p.graph.nodes.len(),
                links: p.graph.edges.len(),
                changes: ChangesDto {
                    appeared: &c.appeared,
                    disappeared: &c.disappeared,
                    grew: &c.grew,
                },
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &index)?;
    writeln!(out)
}

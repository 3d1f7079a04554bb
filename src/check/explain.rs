//! Writing the matcher's explanations (`entgraph gazetteer check --explain`), one candidate
//! match a line.
//!
//! Must not explain: the matcher decides; this only writes.

use std::io::{self, Write};

use crate::matcher::Explanation;

/// Writes what [`crate::Matcher::explain`] found, one candidate match a line
/// (`start..end "text": match|no match (rule): reason`), or a line saying that no alias
/// occurs in the text.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_explanations(explanations: &[Explanation], out: &mut impl Write) -> io::Result<()> {
    for e in explanations {
        let verdict = if e.accepted { "match" } else { "no match" };
        writeln!(
            out,
            "{}..{} {:?}: {verdict} ({}): {}",
            e.span.start(),
            e.span.end(),
            e.text,
            e.rule,
            e.reason
        )?;
    }
    if explanations.is_empty() {
        writeln!(out, "no alias of the loaded gazetteers occurs in the text")?;
    }
    Ok(())
}

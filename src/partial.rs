//! Partial graphs: the mergeable state of one shard's `build`, so that shards counted apart
//! (on several machines, or in a Spark job) merge into exactly the graph one `build` of all
//! their documents gives.
//!
//! Owns the partial format (version 1, JSON Lines, written sorted so that the same shard
//! always gives the same bytes), its [`Fingerprint`], and [`merge`]. A partial is:
//!
//! ```text
//! {"entgraph_partial": 1, "fingerprint": {...}, "units": N, "documents": N}
//! {"entity": "<id>", "mentions", "documents", "units", "aliases": [["<form>", n]],
//!  "days"?: [["<YYYY-MM-DD>", n]], "examples"?: [{"seq", "at", "doc", "text": [b, m, a], "date"?}]}
//! ...
//! {"pair": ["<id>", "<id>"], "units", "documents", "days"?: [...],
//!  "evidence": [{"seq", "doc", "sentence", "start", "end", "text"?, "date"?}]}
//! ...
//! ```
//!
//! `seq` is a citation's place in the shard's input order; merging puts each partial's
//! citations after those of the partials before it, so the earliest citations kept are
//! those of the whole corpus in shard order. A partial written with a shard number
//! (`build --partial --shard N`, header `"sharded": true`) has that number in its keys,
//! and such partials merge in any order (as Spark's tree reductions do). Must not read
//! corpora or write graphs.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};

use serde::{Deserialize, Serialize};

use crate::corpus::dates::Day;
use crate::gazetteer::Gazetteer;
use crate::link::{Cooccurrence, EntityCounts, Evidence, Example, PairCounts};
use crate::model::{EntityId, Span};

/// The partial format's version.
pub const VERSION: u32 = 1;

/// Everything that must agree for partials to merge: what was loaded, how it was matched
/// and counted, and by which version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// entgraph's version.
    pub version: String,
    /// The loaded gazetteers: entities, and a hash of their ids, types, labels and aliases.
    pub gazetteer: String,
    /// Matching options (case policy, demonyms, the context rules).
    pub matching: String,
    /// The co-occurrence window.
    pub window: String,
    /// Citations kept per pair.
    pub evidence: usize,
    /// Whether snippets were kept.
    pub snippets: bool,
    /// Dates: their source and range.
    pub dates: String,
}

impl Fingerprint {
    /// The fields whose values differ from `other`'s, named.
    pub fn differences(&self, other: &Fingerprint) -> Vec<String> {
        let (a, b) = (
            serde_json::to_value(self).unwrap_or_default(),
            serde_json::to_value(other).unwrap_or_default(),
        );
        let mut out = Vec::new();
        if let (Some(a), Some(b)) = (a.as_object(), b.as_object()) {
            for (k, v) in a {
                if b.get(k) != Some(v) {
                    out.push(format!(
                        "{k}: {v} vs {}",
                        b.get(k).unwrap_or(&serde_json::Value::Null)
                    ));
                }
            }
        }
        out
    }
}

/// A stable hash of the loaded gazetteers (FNV-1a over each entity's id, type, label and
/// aliases with their flags), with the number of entities.
pub fn gazetteer_hash(g: &Gazetteer) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes.iter().chain(&[0xff]) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for e in g.entities() {
        eat(e.id.as_bytes());
        eat(e.kind.as_str().as_bytes());
        eat(e.label.as_bytes());
        for a in &e.aliases {
            eat(a.text.as_bytes());
            eat(&[
                a.anchored as u8,
                a.forced as u8,
                a.default_sense as u8,
                a.demonym as u8,
            ]);
        }
    }
    format!("{} entities, {h:016x}", g.len())
}

/// A shard's counts with their fingerprint.
#[derive(Debug, Clone, PartialEq)]
pub struct Partial {
    /// What must agree.
    pub fingerprint: Fingerprint,
    /// Whether the citations' order keys are global ([`Partial::key_by_shard`]): such
    /// partials merge in any order; the others in the order given.
    pub sharded: bool,
    /// The counts.
    pub counts: Cooccurrence,
}

/// Bits of a citation's order key below the shard number, with [`Partial::key_by_shard`].
const SHARD_SHIFT: u32 = 44;

impl Partial {
    /// Makes the citations' order keys global for shard number `shard` (its place in the
    /// corpus: a Spark partition's index), so that shards merge in any order and tree.
    ///
    /// # Errors
    /// When the shard had too many input pieces (over 4,096 files or blocks) or `shard`
    /// is too large (over 2^20) for the key.
    pub fn key_by_shard(&mut self, shard: u64) -> Result<(), String> {
        let pieces = pieces(&self.counts);
        if pieces > 1 << (SHARD_SHIFT - 32) || shard >= 1 << (64 - SHARD_SHIFT) {
            return Err(format!(
                "shard {shard} with {pieces} input pieces does not fit the partial's order key (at most {} pieces and {} shards)",
                1u64 << (SHARD_SHIFT - 32),
                1u64 << (64 - SHARD_SHIFT)
            ));
        }
        // A citation's key: the shard, then its piece and unit in the shard.
        rekey(&mut self.counts, |seq| (shard << SHARD_SHIFT) | seq);
        self.sharded = true;
        Ok(())
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    entgraph_partial: u32,
    fingerprint: Fingerprint,
    #[serde(default)]
    sharded: bool,
    units: u64,
    documents: u64,
}

#[derive(Serialize, Deserialize)]
struct EntityLine {
    entity: String,
    mentions: u64,
    documents: u64,
    units: u64,
    aliases: Vec<(String, u64)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    days: Vec<(Day, u64)>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    examples: Vec<ExampleLine>,
}

#[derive(Serialize, Deserialize)]
struct ExampleLine {
    seq: u64,
    at: usize,
    doc: String,
    text: [String; 3],
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Day>,
}

#[derive(Serialize, Deserialize)]
struct PairLine {
    pair: (String, String),
    units: u64,
    documents: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    days: Vec<(Day, u64)>,
    evidence: Vec<EvidenceLine>,
}

#[derive(Serialize, Deserialize)]
struct EvidenceLine {
    seq: u64,
    doc: String,
    sentence: u32,
    start: usize,
    end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<Day>,
}

/// Writes `partial`, its entities and pairs sorted by id.
///
/// # Errors
/// Whatever `out` returns.
pub fn write<W: Write + ?Sized>(partial: &Partial, g: &Gazetteer, out: &mut W) -> io::Result<()> {
    let c = &partial.counts;
    let line = |out: &mut W, v: &dyn erased::Line| -> io::Result<()> {
        out.write_all(v.json().as_bytes())?;
        out.write_all(b"\n")
    };
    line(
        out,
        &Header {
            entgraph_partial: VERSION,
            fingerprint: partial.fingerprint.clone(),
            sharded: partial.sharded,
            units: c.units,
            documents: c.documents,
        },
    )?;
    let id = |e: EntityId| g.entity(e).id.clone();
    let mut entities: Vec<(&EntityId, &EntityCounts)> = c.entities.iter().collect();
    entities.sort_by(|a, b| g.entity(*a.0).id.cmp(&g.entity(*b.0).id));
    for (&e, n) in entities {
        let mut aliases: Vec<(String, u64)> =
            n.aliases.iter().map(|(k, v)| (k.clone(), *v)).collect();
        aliases.sort();
        line(
            out,
            &EntityLine {
                entity: id(e),
                mentions: n.mentions,
                documents: n.documents,
                units: n.units,
                aliases,
                days: n.days.iter().map(|(d, n)| (*d, *n)).collect(),
                examples: n
                    .examples
                    .iter()
                    .map(|x| ExampleLine {
                        seq: x.seq,
                        at: x.at,
                        doc: x.doc.clone(),
                        text: [x.before.clone(), x.mention.clone(), x.after.clone()],
                        date: x.date,
                    })
                    .collect(),
            },
        )?;
    }
    let mut pairs: Vec<((String, String), &PairCounts)> = c
        .pairs
        .iter()
        .map(|(&(a, b), p)| ((id(a), id(b)), p))
        .collect();
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    for (pair, p) in pairs {
        line(
            out,
            &PairLine {
                pair,
                units: p.units,
                documents: p.documents,
                days: p.days.iter().map(|(d, n)| (*d, *n)).collect(),
                evidence: p
                    .evidence
                    .iter()
                    .map(|v| EvidenceLine {
                        seq: v.seq,
                        doc: v.doc.clone(),
                        sentence: v.sentence,
                        start: v.span.start(),
                        end: v.span.end(),
                        text: v.text.clone(),
                        date: v.date,
                    })
                    .collect(),
            },
        )?;
    }
    Ok(())
}

/// Serialising the three kinds of line through one function.
mod erased {
    pub(super) trait Line {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Line for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap_or_default()
        }
    }
}

/// Why a partial could not be read: the line (1-based, 0 for the whole input) and what.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ReadError {
    /// The 1-based line, 0 for the input as a whole.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads a partial written by [`write()`], mapping entity ids into `g` (which must be the
/// gazetteers the partial was counted with: an id it does not know is an error). With
/// `expected`, a partial made with another fingerprint is refused at its first line,
/// naming what differs.
///
/// # Errors
/// A line that does not parse, a version this build does not read, another fingerprint,
/// an unknown entity.
pub fn read(
    input: impl BufRead,
    g: &Gazetteer,
    expected: Option<&Fingerprint>,
) -> Result<Partial, ReadError> {
    let err = |line: usize, message: String| ReadError { line, message };
    let mut lines = input.lines().enumerate();
    let (_, first) = lines
        .next()
        .ok_or_else(|| err(0, "empty: not a partial graph".into()))?;
    let first = first.map_err(|e| err(1, e.to_string()))?;
    let header: Header = serde_json::from_str(&first)
        .map_err(|e| err(1, format!("not an entgraph partial graph ({e})")))?;
    if header.entgraph_partial != VERSION {
        return Err(err(
            1,
            format!(
                "partial format version {} (this entgraph reads {VERSION})",
                header.entgraph_partial
            ),
        ));
    }
    if let Some(expected) = expected {
        let differences = expected.differences(&header.fingerprint);
        if !differences.is_empty() {
            return Err(err(
                1,
                format!(
                    "made with other settings than this run (this run's vs the partial's): {}",
                    differences.join("; ")
                ),
            ));
        }
    }
    let mut counts = Cooccurrence {
        units: header.units,
        documents: header.documents,
        ..Cooccurrence::default()
    };
    let entity = |n: usize, id: &str| {
        g.index_of(id)
            .ok_or_else(|| err(n, format!("entity `{id}` is not in the loaded gazetteers")))
    };
    for (i, text) in lines {
        let n = i + 1;
        let text = text.map_err(|e| err(n, e.to_string()))?;
        if text.trim().is_empty() {
            continue;
        }
        if text.starts_with("{\"entity\"") {
            let l: EntityLine = serde_json::from_str(&text).map_err(|e| err(n, e.to_string()))?;
            let e = entity(n, &l.entity)?;
            let c = counts.entities.entry(e).or_default();
            c.mentions = l.mentions;
            c.documents = l.documents;
            c.units = l.units;
            c.aliases = l.aliases.into_iter().collect();
            c.days = l.days.into_iter().collect::<BTreeMap<_, _>>();
            c.examples = l
                .examples
                .into_iter()
                .map(|x| {
                    let [before, mention, after] = x.text;
                    Example {
                        seq: x.seq,
                        at: x.at,
                        doc: x.doc,
                        before,
                        mention,
                        after,
                        date: x.date,
                    }
                })
                .collect();
        } else {
            let l: PairLine = serde_json::from_str(&text).map_err(|e| err(n, e.to_string()))?;
            let (a, b) = (entity(n, &l.pair.0)?, entity(n, &l.pair.1)?);
            let p = counts.pairs.entry((a.min(b), a.max(b))).or_default();
            p.units = l.units;
            p.documents = l.documents;
            p.days = l.days.into_iter().collect();
            p.evidence = l
                .evidence
                .into_iter()
                .map(|v| Evidence {
                    seq: v.seq,
                    doc: v.doc,
                    sentence: v.sentence,
                    span: Span::new(v.start, v.end),
                    text: v.text,
                    date: v.date,
                })
                .collect();
        }
    }
    Ok(Partial {
        fingerprint: header.fingerprint,
        sharded: header.sharded,
        counts,
    })
}

/// The largest input piece a partial's citations come from, plus one: where the next
/// partial's citations start.
fn pieces(c: &Cooccurrence) -> u64 {
    let evidence = c
        .pairs
        .values()
        .flat_map(|p| p.evidence.iter().map(|e| e.seq));
    let examples = c
        .entities
        .values()
        .flat_map(|e| e.examples.iter().map(|x| x.seq));
    evidence
        .chain(examples)
        .map(|s| (s >> 32) + 1)
        .max()
        .unwrap_or(0)
}

/// Gives every citation and mention in context of `c` the order key `key(seq)`.
fn rekey(c: &mut Cooccurrence, key: impl Fn(u64) -> u64) {
    for p in c.pairs.values_mut() {
        for e in &mut p.evidence {
            e.seq = key(e.seq);
        }
    }
    for e in c.entities.values_mut() {
        for x in &mut e.examples {
            x.seq = key(x.seq);
        }
    }
}

/// Why partials cannot be merged.
#[derive(Debug, thiserror::Error)]
#[error("partial {index} was made with other settings than partial 1 (partial 1's vs its): {}", .differences.join("; "))]
pub struct FingerprintError {
    /// The 1-based position of the partial that differs.
    pub index: usize,
    /// What differs.
    pub differences: Vec<String>,
}

/// Merges partials: counts add up, and the earliest citations of the whole are kept. For
/// partials keyed by shard ([`Partial::key_by_shard`]) the order of the corpus is in the
/// keys, and they merge in any order; others are taken in the order given, a partial's
/// citations coming after those of the partials before it. Either way merging is
/// associative: merging merged partials gives what merging them all at once gives.
///
/// # Errors
/// When a partial's fingerprint differs from the first's, or keyed and unkeyed partials
/// are mixed.
pub fn merge(partials: Vec<Partial>) -> Result<Option<Partial>, FingerprintError> {
    let mut it = partials.into_iter();
    let Some(mut total) = it.next() else {
        return Ok(None);
    };
    let evidence = total.fingerprint.evidence;
    let mut offset = pieces(&total.counts);
    for (k, mut p) in it.enumerate() {
        let mut differences = total.fingerprint.differences(&p.fingerprint);
        if p.sharded != total.sharded {
            differences.push(format!(
                "keyed by shard: {} vs {}",
                total.sharded, p.sharded
            ));
        }
        if !differences.is_empty() {
            return Err(FingerprintError {
                index: k + 2,
                differences,
            });
        }
        if !p.sharded {
            let next = pieces(&p.counts);
            // Every citation `offset` pieces later in the input order.
            rekey(&mut p.counts, |seq| seq + (offset << 32));
            offset += next;
        }
        total.counts.merge(p.counts, evidence);
    }
    Ok(Some(total))
}

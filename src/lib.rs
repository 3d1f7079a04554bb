//! entgraph: find the people, places and organizations listed in gazetteers in news text,
//! and build the graph of which of them appear together.
//!
//! The stages follow the data, and meet only through the plain types of [`model`]:
//!
//! ```text
//! corpus  → Document              (files, directories, stdin, JSON Lines)
//! segment → Segments              (paragraphs, sentences)
//! gazetteer → Gazetteer           (text and JSONL lists, merged packs, alias variants)
//! matcher → Mention               (automaton, boundary/case/anchoring/ambiguity rules)
//! link    → Cooccurrence counts   (sentence, paragraph, document or sliding windows)
//! graph   → Graph                 (petgraph: filters, degree, PageRank, components)
//! export  → DOT, JSON             (pure writers to `impl Write`)
//! ```
//!
//! Beside them: [`text`] holds every text rule once (character classes, acronyms,
//! abbreviations, word lists, normalization), [`check`] lints gazetteers, [`suggest`] finds
//! the names no gazetteer lists, and [`pipeline`] runs the stages over a corpus on one
//! streaming driver. `ARCHITECTURE.md` maps the modules and the contracts between them.
//!
//! ```
//! use entgraph::{Gazetteer, Matcher};
//! let gazetteer = Gazetteer::from_str("people.txt", "Vladimir Putin | Putin\nKim Jong Un | ~Kim\n").unwrap();
//! let matcher = Matcher::new(&gazetteer).unwrap();
//! let text = "Kim Jong-un met Putin in Vladivostok. Kim left by train.";
//! let found = matcher.find(text);
//! let names: Vec<&str> = found.mentions.iter().map(|m| &text[m.span.range()]).collect();
//! assert_eq!(names, ["Kim Jong-un", "Putin", "Kim"]);
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr, unreachable_pub)]

pub mod check;
pub mod corpus;
pub mod error;
pub mod export;
pub mod gazetteer;
pub mod graph;
pub mod link;
pub mod matcher;
pub mod model;
pub mod partial;
pub mod pipeline;
pub mod segment;
#[cfg(test)]
mod sequence;
pub mod suggest;
pub mod text;
mod walk;

pub use error::{GazetteerError, Location, Problem};
pub use gazetteer::Gazetteer;
pub use graph::Graph;
pub use matcher::Matcher;
pub use model::{Document, EntityId, EntityType, Mention, Segments, Span};
pub use pipeline::{BuildOptions, LoadOptions, RunOptions};

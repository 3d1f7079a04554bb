//! Text rules shared by every stage: character classes, acronyms, abbreviations, word
//! lists, line shapes, normalization and the byte masks the scanners use.
//!
//! Each rule is written here once, so normalization, segmentation, matching, the gazetteer
//! linter and the name finder cannot disagree on what an apostrophe, an acronym or a title
//! abbreviation is. Must not know about entities, gazetteers, mentions or files.

pub(crate) mod abbrev;
pub(crate) mod acronym;
pub(crate) mod bytes;
pub(crate) mod chars;
pub(crate) mod encoding;
pub(crate) mod lines;
pub mod normalize;
pub mod words;

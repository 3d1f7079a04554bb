//! The shared nouns every stage speaks: documents, spans, segments, mentions.
//!
//! Owns the plain data types that stages exchange and their invariants (a [`Span`] has
//! `start <= end`, offsets are UTF-8 byte offsets into [`Document::text`]). Must not touch
//! I/O, the automaton, petgraph or any output format.

use std::collections::BTreeMap;
use std::ops::Range;

/// A half-open range of UTF-8 byte offsets into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// # Panics
    /// Panics if `start > end`: that is a bug in the caller, never a property of input.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// First byte.
    #[inline]
    pub fn start(self) -> usize {
        self.start
    }

    /// One past the last byte.
    #[inline]
    pub fn end(self) -> usize {
        self.end
    }

    /// The span as a range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span moved `by` bytes further: from a part's offsets to its document's.
    #[inline]
    pub fn shift(self, by: usize) -> Span {
        Span {
            start: self.start + by,
            end: self.end + by,
        }
    }
}

/// One document of a corpus: its identity, its text and whatever metadata came with it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// The document's name in output: a file path as given, `-` for stdin, or a JSONL `id`.
    pub id: String,
    /// The text; mention offsets index into it.
    pub text: String,
    /// Optional metadata (`title`, `date`, `url` from JSONL corpora).
    pub meta: BTreeMap<String, String>,
}

/// What a segment is: the unit of text the co-occurrence windows are built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// A paragraph: text between blank lines.
    Paragraph,
    /// A sentence, never crossing a paragraph break.
    Sentence,
}

/// The segmentation of one document: paragraphs and sentences as byte spans, both in text
/// order. Each sentence lies inside exactly one paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segments {
    /// Paragraph spans, trimmed of surrounding whitespace.
    pub paragraphs: Vec<Span>,
    /// Sentence spans, trimmed of surrounding whitespace.
    pub sentences: Vec<Span>,
    /// For each sentence, the index of its paragraph.
    pub sentence_paragraph: Vec<u32>,
}

impl Segments {
    /// The index of the sentence containing byte `offset`, or the nearest sentence before it
    /// when the offset falls between sentences (0 when there is none).
    pub fn sentence_at(&self, offset: usize) -> usize {
        index_at(&self.sentences, offset)
    }

    /// The index of the paragraph containing byte `offset` (or the nearest before it).
    pub fn paragraph_at(&self, offset: usize) -> usize {
        index_at(&self.paragraphs, offset)
    }
}

fn index_at(spans: &[Span], offset: usize) -> usize {
    // The last span whose start is <= offset.
    spans
        .partition_point(|s| s.start <= offset)
        .saturating_sub(1)
}

/// Which entity: its index inside a loaded [`Gazetteer`](crate::gazetteer::Gazetteer), in
/// the order entities were first defined. Ids order, compare and hash as their indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(transparent)]
pub struct EntityId(u32);

impl EntityId {
    /// The id of the entity at `index`.
    ///
    /// # Panics
    /// Panics if `index` does not fit in 32 bits (a gazetteer holds fewer entities).
    #[inline]
    pub fn new(index: usize) -> EntityId {
        EntityId(u32::try_from(index).expect("more than u32::MAX entities"))
    }

    /// The index of the entity, for indexing a slice of entities.
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl std::fmt::Display for EntityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

/// What an entity is: one of the three types the crate knows, or any other type word a
/// gazetteer uses (`event`, `ship`). Written, compared and ordered as its word, so maps
/// keyed by it iterate in the words' order.
///
/// # Examples
/// ```
/// use entgraph::model::EntityType;
/// assert_eq!(EntityType::new("person"), EntityType::Person);
/// assert_eq!("event".parse::<EntityType>().unwrap().as_str(), "event");
/// assert!("Event".parse::<EntityType>().is_err());
/// assert!(EntityType::new("event") < EntityType::Organization);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EntityType {
    /// `person`.
    Person,
    /// `place`.
    Place,
    /// `organization`.
    Organization,
    /// Any other word; never one of the three above.
    Other(Box<str>),
}

impl EntityType {
    /// The type written `word`, as given: the three known words become their variants and
    /// anything else is kept as [`EntityType::Other`] without being checked (a filter may
    /// name a type no entity has). Parse with [`str::parse`] to require a type word.
    pub fn new(word: &str) -> EntityType {
        match word {
            "person" => EntityType::Person,
            "place" => EntityType::Place,
            "organization" => EntityType::Organization,
            other => EntityType::Other(other.into()),
        }
    }

    /// The type word: `person`, `place`, `organization` or the other word.
    pub fn as_str(&self) -> &str {
        match self {
            EntityType::Person => "person",
            EntityType::Place => "place",
            EntityType::Organization => "organization",
            EntityType::Other(word) => word,
        }
    }
}

/// True for a valid type word: lower-case ASCII letters, digits, `_` and `-`, starting
/// with a letter.
pub fn is_type_word(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// A string that is not a type word (see [`is_type_word`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a type word (lower-case letters, digits, `_` and `-`, starting with a letter)"
)]
pub struct TypeWordError(pub String);

impl std::str::FromStr for EntityType {
    type Err = TypeWordError;

    fn from_str(s: &str) -> Result<EntityType, TypeWordError> {
        if is_type_word(s) {
            Ok(EntityType::new(s))
        } else {
            Err(TypeWordError(s.to_string()))
        }
    }
}

impl PartialOrd for EntityType {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for EntityType {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::fmt::Display for EntityType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for EntityType {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One occurrence of a listed entity in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mention {
    /// Where in the document's text (the `'s` of a possessive is never included).
    pub span: Span,
    /// Which entity, as an index into the gazetteer the matcher was built from.
    pub entity: EntityId,
    /// True when the mention is a demonym (`Russian` for Russia).
    pub demonym: bool,
    /// True when the matched alias was shared by several entities and was resolved from
    /// the document's evidence (or the alias' declared default sense).
    pub resolved: bool,
    /// For a demonym that introduces a named person (`Russian` in `Russian President
    /// Vladimir Putin`), that person: the word describes them rather than naming the
    /// country as a participant, so it counts as a mention of the country but does not
    /// link it to anything.
    pub describes: Option<EntityId>,
    /// True when a country stands for its national team here (`England beat Moldova 2-0`,
    /// `England captain`): it counts as a mention of the country but, like a description,
    /// links it to nothing, so sports results make no edges between countries.
    pub team: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_types_order_as_their_words() {
        let mut types: Vec<EntityType> = ["place", "event", "person", "organization", "ship"]
            .iter()
            .map(|w| w.parse().unwrap())
            .collect();
        types.sort();
        let words: Vec<&str> = types.iter().map(EntityType::as_str).collect();
        assert_eq!(words, ["event", "organization", "person", "place", "ship"]);
        assert_eq!(EntityType::new("place"), EntityType::Place);
        assert_eq!(EntityType::Organization.to_string(), "organization");
        assert!("".parse::<EntityType>().is_err());
        assert!("1st".parse::<EntityType>().is_err());
    }

    #[test]
    fn sentence_lookup_finds_containing_or_previous() {
        let seg = Segments {
            paragraphs: vec![Span::new(0, 20), Span::new(22, 40)],
            sentences: vec![Span::new(0, 9), Span::new(10, 20), Span::new(22, 40)],
            sentence_paragraph: vec![0, 0, 1],
        };
        assert_eq!(seg.sentence_at(0), 0);
        assert_eq!(seg.sentence_at(9), 0);
        assert_eq!(seg.sentence_at(12), 1);
        assert_eq!(seg.sentence_at(21), 1);
        assert_eq!(seg.sentence_at(30), 2);
        assert_eq!(seg.paragraph_at(30), 1);
    }
}

//! Reading corpora: turning paths, directories, stdin and JSON Lines files into a stream of
//! [`Document`]s.
//!
//! Owns input discovery (files, directories walked recursively in sorted order, `-` for
//! stdin), the extensions a directory walk takes (`.txt`, `.md`, `.jsonl`; others are
//! skipped with a note; a file named on its own is read whatever its name, pipes and
//! devices such as `/dev/stdin` too, as JSON Lines when it ends in `.jsonl`, else as text),
//! and the encoding policy: invalid UTF-8 is decoded with replacement characters and a
//! warning naming the file (and line, in JSON Lines). A JSONL line that does not parse is
//! reported as `path:line` and skipped; an unreadable file is reported and the stream goes
//! on; a document over [`MAX_DOCUMENT_BYTES`] (4 GiB: offsets are 32-bit) is refused with
//! an error naming it. Problems are yielded as values, in order with the documents, never
//! printed. Reading is `raw` (bytes, cheap enough for one thread to feed many); decoding
//! (UTF-8, the JSON Lines line format in `jsonl`) is done by whoever takes the units. Must
//! not segment, match, or know anything about entities.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Location, Problem};
use crate::model::Document;
use crate::walk;

mod jsonl;
mod raw;
#[cfg(test)]
mod tests;

pub use raw::{Raw, RawBlocks, Unit};

use jsonl::parse_jsonl_document;

/// One input the corpus is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A text or Markdown file: one document.
    Text(PathBuf),
    /// A JSON Lines file: one document a line.
    Jsonl(PathBuf),
    /// Standard input: one document.
    Stdin,
}

/// Expands command-line inputs into sources, in order; directories are walked recursively
/// in sorted order. Returns the sources and the problems met (missing paths are errors,
/// files a walk skips for their extension notes). A file named itself is always read: the
/// user chose it, whatever its extension (`article.html`, `/dev/stdin`, `/dev/fd/3`).
pub fn discover<S: AsRef<str>>(inputs: &[S]) -> (Vec<Source>, Vec<Problem>) {
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        let input = input.as_ref();
        if input == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        let path = Path::new(input);
        match std::fs::metadata(path) {
            Err(e) => problems.push(Problem::error(
                Location::file(input),
                format!("cannot read input: {e}"),
            )),
            Ok(m) if m.is_dir() => {
                let (files, errors) = walk::files(path);
                problems.extend(errors.into_iter().map(|e| {
                    Problem::error(
                        Location::file(e.path.display().to_string()),
                        format!("cannot list directory: {}", e.error),
                    )
                }));
                for f in files {
                    match classify(&f) {
                        Some(s) => sources.push(s),
                        None if walk::is_hidden(&f) => {}
                        None => problems.push(Problem::note(
                            Location::file(f.display().to_string()),
                            "skipped: not a .txt, .md or .jsonl file",
                        )),
                    }
                }
            }
            Ok(_) => sources.push(classify_named(path)),
        }
    }
    (sources, problems)
}

/// How a file the user named is read: as JSON Lines when it ends in `.jsonl`, else as text.
fn classify_named(path: &Path) -> Source {
    classify(path).unwrap_or_else(|| Source::Text(path.to_path_buf()))
}

/// How a file found in a directory walk is read, or `None` when it is skipped.
fn classify(path: &Path) -> Option<Source> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("txt" | "md") => Some(Source::Text(path.to_path_buf())),
        Some("jsonl") => Some(Source::Jsonl(path.to_path_buf())),
        _ => None,
    }
}

/// An item of the document stream: a document, or a problem met while reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A document, ready to process.
    Document(Document),
    /// Something was skipped or repaired.
    Problem(Problem),
}

/// Streams the documents of a list of sources, one at a time: [`RawBlocks`] decoded as
/// they come.
///
/// # Examples
/// ```
/// use entgraph::corpus::{Documents, Item, Source};
/// let dir = std::env::temp_dir().join("entgraph-doc-example");
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("a.txt"), "Putin met Kim.").unwrap();
/// let docs: Vec<Item> = Documents::new(vec![Source::Text(dir.join("a.txt"))]).collect();
/// assert!(matches!(&docs[0], Item::Document(d) if d.text == "Putin met Kim."));
/// ```
pub struct Documents {
    raw: RawBlocks,
    pending: std::collections::VecDeque<Item>,
}

impl Documents {
    /// A stream over `sources`.
    pub fn new(sources: Vec<Source>) -> Documents {
        Documents {
            raw: RawBlocks::new(sources),
            pending: Default::default(),
        }
    }
}

impl Iterator for Documents {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            let raw = self.raw.next()?;
            for unit in raw.units() {
                let d = unit.decode();
                self.pending.extend(d.problem.map(Item::Problem));
                self.pending.extend(d.document.map(Item::Document));
            }
            self.raw.recycle(raw);
        }
    }
}

/// A [`Unit`] decoded: its document, if it holds one, and the problem met on the way, if
/// any. A repaired document (invalid UTF-8 replaced) comes with a warning; a unit that is
/// no document (a bad JSON line, an unreadable file) comes with an error alone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decoded {
    /// The document, ready to process.
    pub document: Option<Document>,
    /// What went wrong reading it, located at its file (and line, for JSON Lines).
    pub problem: Option<Problem>,
}

impl Decoded {
    pub(crate) fn problem(p: Problem) -> Decoded {
        Decoded {
            document: None,
            problem: Some(p),
        }
    }
}

impl Unit<'_> {
    /// Decodes the unit: UTF-8 (invalid bytes replaced, with a warning) and, for a JSON
    /// Lines line, its JSON. A line that is whitespace only decodes to nothing.
    pub fn decode(self) -> Decoded {
        match self {
            Unit::File { id, bytes } => decode_document(id, bytes),
            Unit::Line { file, line, bytes } => decode_line(file, line, bytes),
            Unit::Problem(p) => Decoded::problem(p.clone()),
        }
    }
}

/// The longest document entgraph reads, in bytes: offsets inside a document are 32-bit
/// (the matcher's and normalization's tables hold them so, half the memory of 64-bit
/// ones), so a longer one is refused with an error naming it rather than misread.
pub const MAX_DOCUMENT_BYTES: usize = u32::MAX as usize;

/// The error for a document of `len` bytes over `limit`, located at `location`.
pub(crate) fn too_long(location: Location, len: usize, limit: usize) -> Option<Problem> {
    (len > limit).then(|| {
        Problem::error(
            location,
            format!(
                "document of {len} bytes is longer than the {limit} bytes entgraph reads in one document; split it (several files, or one JSON Lines line each); skipped"
            ),
        )
    })
}

/// Decodes a whole-file document.
pub(crate) fn decode_document(id: &str, bytes: &[u8]) -> Decoded {
    decode_document_limited(id, bytes, MAX_DOCUMENT_BYTES)
}

pub(crate) fn decode_document_limited(id: &str, bytes: &[u8], limit: usize) -> Decoded {
    if let Some(p) = too_long(Location::file(id), bytes.len(), limit) {
        return Decoded::problem(p);
    }
    let (text, problem) = match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_string(), None),
        Err(_) => (
            String::from_utf8_lossy(bytes).into_owned(),
            Some(Problem::warning(
                Location::file(id),
                "invalid UTF-8 replaced with U+FFFD",
            )),
        ),
    };
    Decoded {
        document: Some(Document {
            id: id.to_string(),
            text,
            meta: BTreeMap::new(),
        }),
        problem,
    }
}

pub(crate) fn decode_line(name: &Arc<str>, index: usize, buf: &[u8]) -> Decoded {
    decode_line_limited(name, index, buf, MAX_DOCUMENT_BYTES)
}

pub(crate) fn decode_line_limited(
    name: &Arc<str>,
    index: usize,
    buf: &[u8],
    limit: usize,
) -> Decoded {
    let (text, lossy) = match std::str::from_utf8(buf) {
        Ok(t) => (std::borrow::Cow::Borrowed(t), false),
        Err(_) => (String::from_utf8_lossy(buf), true),
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Decoded::default();
    }
    let at = || Location::line0(name.clone(), index);
    match parse_jsonl_document(trimmed) {
        Ok(mut doc) => {
            if let Some(p) = too_long(at(), doc.text.len(), limit) {
                return Decoded::problem(p);
            }
            if doc.id.is_empty() {
                doc.id = format!("{name}:{}", index + 1);
            }
            Decoded {
                document: Some(doc),
                problem: lossy
                    .then(|| Problem::warning(at(), "invalid UTF-8 replaced with U+FFFD")),
            }
        }
        Err(msg) => Decoded::problem(Problem::error(at(), format!("{msg}; line skipped"))),
    }
}

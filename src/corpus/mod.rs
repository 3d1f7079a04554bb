//! Reading corpora: turning paths, directories, stdin and JSON Lines files into a stream of
//! [`Document`]s.
//!
//! Owns input discovery (files, directories walked recursively in sorted order, `-` for
//! stdin), the extensions a directory walk takes (`.txt`, `.md`, `.jsonl`; others are
//! skipped with a note; a file named on its own is read whatever its name, pipes and
//! devices such as `/dev/stdin` too, as JSON Lines when it ends in `.jsonl`, else as text),
//! and the encoding policy, whose aim is that offsets always index the bytes the user has
//! (the file's, or the JSONL `text` field's):
//!
//! - Input must be UTF-8. A document with invalid UTF-8 is not repaired (replacement
//!   characters would shift every offset after them): it is skipped with an error naming
//!   the file and the line of the first bad byte (in JSON Lines, the line, which alone is
//!   skipped).
//! - A UTF-8 byte-order mark at the start of a text file is read as three spaces, so that
//!   offsets still count the file's bytes and nothing matches it; at the start of a JSON
//!   Lines file it is whitespace before the first line's JSON.
//! - A file starting with a UTF-16 byte-order mark (`FF FE` or `FE FF`) is skipped with an
//!   error naming it ("UTF-16 is not supported; convert to UTF-8").
//!
//! A JSONL line that does not parse is reported as `path:line` and skipped; an unreadable
//! file is reported and the stream goes on; a document held whole over
//! [`MAX_DOCUMENT_BYTES`] (4 GiB: offsets are 32-bit) is refused with an error naming it. Problems are yielded as values,
//! in order with the documents, never printed. Reading is `raw` (bytes, cheap enough for one
//! thread to feed many); decoding (UTF-8, the JSON Lines line format in `jsonl`) is done by
//! whoever takes the units. Must not segment, match, or know anything about entities.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Location, Problem};
use crate::model::Document;
use crate::text::encoding::{is_utf16, UTF8_BOM};
use crate::walk;

pub mod dates;
mod jsonl;
mod parts;
mod raw;
#[cfg(test)]
mod tests;

pub(crate) use parts::Parts;
pub(crate) use raw::{keep_stdin, Raw, RawBlocks, Unit};

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
/// files a walk skips for their extension or as a README notes). A file named itself is
/// always read: the
/// user chose it, whatever its extension (`article.html`, `/dev/stdin`, `/dev/fd/3`).
pub fn discover<S: AsRef<Path>>(inputs: &[S]) -> (Vec<Source>, Vec<Problem>) {
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        let path = input.as_ref();
        if path == Path::new("-") {
            sources.push(Source::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => problems.push(Problem::error(
                Location::file(path_id(path)),
                format!("cannot read input: {e}"),
            )),
            Ok(m) if m.is_dir() => {
                let (files, errors) = walk::files(path);
                problems.extend(errors.into_iter().map(|e| {
                    Problem::error(
                        Location::file(path_id(&e.path)),
                        format!("cannot list directory: {}", e.error),
                    )
                }));
                for f in files {
                    match classify(&f) {
                        _ if is_readme(&f) => problems.push(Problem::note(
                            Location::file(path_id(&f)),
                            "skipped: a README describes its folder (name the file to read it)",
                        )),
                        Some(s) => sources.push(s),
                        None if walk::is_hidden(&f) => {}
                        None => problems.push(Problem::note(
                            Location::file(path_id(&f)),
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

/// How a file is named in document ids and messages: its path as written, with each byte
/// that is not UTF-8 as `\xNN` (`caf\xE9.txt`), so that two files never share a name and
/// the name says which bytes to type.
pub fn path_id(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}

/// Whether `path` is a README (`README`, `README.md`, `readme.txt`...): a directory walk
/// takes it for a description of the folder, not a document of the corpus.
fn is_readme(path: &Path) -> bool {
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"))
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

/// Streams the documents of a list of sources, one at a time: the raw blocks decoded as
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

/// A [`Unit`] decoded: its document, if it holds one, or the problem met on the way: a
/// unit that is no document (invalid UTF-8, UTF-16, a bad JSON line, an unreadable file)
/// comes with an error alone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Decoded {
    /// The document, ready to process.
    pub(crate) document: Option<Document>,
    /// What went wrong reading it, located at its file (and line, for JSON Lines).
    pub(crate) problem: Option<Problem>,
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
    /// Decodes the unit: UTF-8 (invalid UTF-8 or UTF-16 is an error and no document) and,
    /// for a JSON Lines line, its JSON. A line that is whitespace only decodes to nothing.
    pub(crate) fn decode(self) -> Decoded {
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

/// The message for a file that starts with a UTF-16 byte-order mark.
pub(crate) const UTF16: &str = "UTF-16 is not supported; convert to UTF-8; skipped";

/// The message for invalid UTF-8 at `at` bytes into a document (or a line), `what` being
/// what is skipped.
fn invalid_utf8(at: usize, what: &str) -> String {
    format!(
        "invalid UTF-8 at byte {at}: entgraph reads UTF-8 only (offsets index the input's bytes); {what} skipped"
    )
}

/// Decodes a whole-file document.
pub(crate) fn decode_document(id: &str, bytes: &[u8]) -> Decoded {
    decode_document_limited(id, bytes, MAX_DOCUMENT_BYTES)
}

pub(crate) fn decode_document_limited(id: &str, bytes: &[u8], limit: usize) -> Decoded {
    if let Some(p) = too_long(Location::file(id), bytes.len(), limit) {
        return Decoded::problem(p);
    }
    if is_utf16(bytes) {
        return Decoded::problem(Problem::error(Location::file(id), UTF16));
    }
    let text = match std::str::from_utf8(bytes) {
        // The mark becomes three spaces: offsets still count the file's bytes.
        Ok(t) => match t.strip_prefix('\u{FEFF}') {
            Some(rest) => format!("   {rest}"),
            None => t.to_string(),
        },
        Err(e) => {
            let at = e.valid_up_to();
            let line = memchr::memchr_iter(b'\n', &bytes[..at]).count();
            return Decoded::problem(Problem::error(
                Location::line0(id, line),
                invalid_utf8(at, "document"),
            ));
        }
    };
    Decoded {
        document: Some(Document {
            id: id.to_string(),
            text,
            meta: BTreeMap::new(),
        }),
        problem: None,
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
    let at = || Location::line0(name.clone(), index);
    // A byte-order mark starts the file, not the first document's JSON.
    let buf = match buf.strip_prefix(UTF8_BOM) {
        Some(rest) if index == 0 => rest,
        _ => buf,
    };
    let text = match std::str::from_utf8(buf) {
        Ok(t) => t,
        Err(e) => {
            return Decoded::problem(Problem::error(at(), invalid_utf8(e.valid_up_to(), "line")))
        }
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Decoded::default();
    }
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
                problem: None,
            }
        }
        Err(msg) => Decoded::problem(Problem::error(at(), format!("{msg}; line skipped"))),
    }
}

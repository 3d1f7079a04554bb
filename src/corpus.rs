//! Reading corpora: turning paths, directories, stdin and JSON Lines files into a stream of
//! [`Document`]s.
//!
//! Owns input discovery (files, directories walked recursively in sorted order, `-` for
//! stdin), the accepted extensions (`.txt`, `.md`, `.jsonl`; others are skipped with a note),
//! and the encoding policy: invalid UTF-8 is decoded with replacement characters and a
//! warning naming the file (and line, in JSON Lines). A JSONL line that does not parse is
//! reported as `path:line` and skipped; an unreadable file is reported and the stream goes
//! on; a document over [`MAX_DOCUMENT_BYTES`] (4 GiB: offsets are 32-bit) is refused with
//! an error naming it. Problems are yielded as
//! values, in order with the documents, never printed. Must not segment, match, or know
//! anything about entities.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Location, Problem};
use crate::model::Document;
use crate::walk;

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
/// skipped extensions notes).
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
            Ok(_) => match classify(path) {
                Some(s) => sources.push(s),
                None => problems.push(Problem::note(
                    Location::file(input),
                    "skipped: not a .txt, .md or .jsonl file",
                )),
            },
        }
    }
    (sources, problems)
}

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

/// Input as read, not yet decoded: reading stays cheap (a file's bytes, or a block of
/// whole lines of a JSON Lines file read in one go) so that one thread can feed many;
/// splitting lines, checking UTF-8 and parsing JSON are left to whoever takes its
/// [`Raw::units`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Raw {
    /// A whole text file, or standard input.
    File {
        /// The document id: the path as given, or `-`.
        id: String,
        /// The file's bytes.
        bytes: Vec<u8>,
    },
    /// Whole lines of a JSON Lines corpus, one document a line.
    Lines {
        /// The corpus file's name.
        file: std::sync::Arc<str>,
        /// The 0-based index of the first line.
        first_line: usize,
        /// The lines, each ended by a line break but perhaps the last of the file.
        bytes: Vec<u8>,
    },
    /// Something could not be read.
    Problem(Problem),
}

/// One document's worth of a [`Raw`]: a file, one non-blank line, or a problem.
#[derive(Debug, Clone, Copy)]
pub enum Unit<'a> {
    /// A whole file.
    File {
        /// Its id.
        id: &'a str,
        /// Its bytes.
        bytes: &'a [u8],
    },
    /// One line of a JSON Lines corpus.
    Line {
        /// The corpus file's name.
        file: &'a std::sync::Arc<str>,
        /// The 0-based line index.
        line: usize,
        /// The line's bytes, without the line break.
        bytes: &'a [u8],
    },
    /// A problem met while reading.
    Problem(&'a Problem),
}

impl Raw {
    /// Bytes held.
    pub fn len(&self) -> usize {
        match self {
            Raw::File { bytes, .. } | Raw::Lines { bytes, .. } => bytes.len(),
            Raw::Problem(_) => 0,
        }
    }

    /// True when no bytes are held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The units, in order; blank lines are skipped.
    pub fn units(&self) -> impl Iterator<Item = Unit<'_>> + '_ {
        let (file, first, lines): (Option<&std::sync::Arc<str>>, usize, &[u8]) = match self {
            Raw::Lines {
                file,
                first_line,
                bytes,
            } => (Some(file), *first_line, bytes),
            _ => (None, 0, &[]),
        };
        let single = match self {
            Raw::File { id, bytes } => Some(Unit::File { id, bytes }),
            Raw::Problem(p) => Some(Unit::Problem(p)),
            Raw::Lines { .. } => None,
        };
        let lines = file.into_iter().flat_map(move |file| {
            // Line starts and ends by memchr: a block is a megabyte.
            let ends = memchr::memchr_iter(b'\n', lines)
                .chain((!lines.is_empty() && lines.last() != Some(&b'\n')).then_some(lines.len()));
            let mut start = 0;
            ends.enumerate().filter_map(move |(i, end)| {
                let bytes = &lines[start..end];
                start = end + 1;
                let blank = bytes.iter().all(u8::is_ascii_whitespace);
                (!blank).then_some(Unit::Line {
                    file,
                    line: first + i,
                    bytes,
                })
            })
        });
        single.into_iter().chain(lines)
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
    fn problem(p: Problem) -> Decoded {
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
fn too_long(location: Location, len: usize, limit: usize) -> Option<Problem> {
    (len > limit).then(|| {
        Problem::error(
            location,
            format!(
                "document of {len} bytes is longer than the {limit} bytes entgraph reads in one document; split it (several files, or one JSON Lines line each); skipped"
            ),
        )
    })
}

/// Streams the raw input of a list of sources in order: each text file whole, each JSON
/// Lines file in blocks of whole lines of about [`RawBlocks::BLOCK`] bytes.
///
/// Blocks given back with [`RawBlocks::recycle`] once processed are read into again, so a
/// long run reuses a handful of buffers instead of allocating a megabyte a block (which,
/// freed on other threads, lets the allocator's heap creep up over gigabytes of input).
pub struct RawBlocks {
    sources: std::vec::IntoIter<Source>,
    jsonl: Option<Jsonl>,
    spare: Vec<Vec<u8>>,
}

/// A JSON Lines file being read in blocks.
struct Jsonl {
    name: std::sync::Arc<str>,
    file: File,
    /// The index of the next block's first line.
    line: usize,
    /// Bytes read after the last line break so far: the start of the next block.
    carry: Vec<u8>,
}

impl RawBlocks {
    /// Bytes of a JSON Lines file read at a time.
    pub const BLOCK: usize = 1 << 20;

    /// Spare buffers kept at most; more are freed.
    const SPARES: usize = 16;

    /// A stream over `sources`.
    pub fn new(sources: Vec<Source>) -> RawBlocks {
        RawBlocks {
            sources: sources.into_iter(),
            jsonl: None,
            spare: Vec::new(),
        }
    }

    /// Takes back a piece that has been processed: the buffer of a block of lines is read
    /// into again (unless a line longer than a few blocks made it grow); anything else is
    /// dropped.
    pub fn recycle(&mut self, raw: Raw) {
        if let Raw::Lines { mut bytes, .. } = raw {
            if self.spare.len() < Self::SPARES && bytes.capacity() <= 4 * Self::BLOCK {
                bytes.clear();
                self.spare.push(bytes);
            }
        }
    }
}

impl Iterator for RawBlocks {
    type Item = Raw;

    fn next(&mut self) -> Option<Raw> {
        loop {
            if let Some(j) = &mut self.jsonl {
                match next_block(j, &mut self.spare) {
                    Some(raw) => return Some(raw),
                    None => self.jsonl = None,
                }
            }
            match self.sources.next()? {
                Source::Stdin => {
                    let mut bytes = Vec::new();
                    return Some(match std::io::stdin().lock().read_to_end(&mut bytes) {
                        Ok(_) => Raw::File {
                            id: "-".to_string(),
                            bytes,
                        },
                        Err(e) => Raw::Problem(Problem::error(
                            Location::file("-"),
                            format!("cannot read standard input: {e}"),
                        )),
                    });
                }
                Source::Text(path) => {
                    let id = path.display().to_string();
                    // Refused before it is read: no need to hold gigabytes to say no.
                    let len = std::fs::metadata(&path).map_or(0, |m| m.len());
                    let len = usize::try_from(len).unwrap_or(usize::MAX);
                    if let Some(p) = too_long(Location::file(id.as_str()), len, MAX_DOCUMENT_BYTES)
                    {
                        return Some(Raw::Problem(p));
                    }
                    return Some(match std::fs::read(&path) {
                        Ok(bytes) => Raw::File { id, bytes },
                        Err(e) => Raw::Problem(Problem::error(
                            Location::file(id),
                            format!("cannot read input: {e}"),
                        )),
                    });
                }
                Source::Jsonl(path) => {
                    let name = path.display().to_string();
                    match File::open(&path) {
                        Ok(file) => {
                            self.jsonl = Some(Jsonl {
                                name: name.into(),
                                file,
                                line: 0,
                                carry: Vec::new(),
                            })
                        }
                        Err(e) => {
                            return Some(Raw::Problem(Problem::error(
                                Location::file(name),
                                format!("cannot read input: {e}"),
                            )))
                        }
                    }
                }
            }
        }
    }
}

/// The next block of whole lines of `j`, or `None` at its end. A line longer than a block
/// makes the block grow until the line ends.
/// `spare` holds buffers to read into before allocating one.
fn next_block(j: &mut Jsonl, spare: &mut Vec<Vec<u8>>) -> Option<Raw> {
    // Room for the carried part line and a block, so a recycled buffer need not move.
    let mut bytes = spare
        .pop()
        .unwrap_or_else(|| Vec::with_capacity(2 * RawBlocks::BLOCK));
    bytes.extend_from_slice(&j.carry);
    j.carry.clear();
    bytes.reserve(RawBlocks::BLOCK);
    loop {
        let filled = bytes.len();
        bytes.resize(filled + RawBlocks::BLOCK, 0);
        let n = loop {
            match j.file.read(&mut bytes[filled..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    bytes.truncate(filled);
                    let newlines = bytecount_newlines(&bytes);
                    let p = Problem::error(
                        Location::line0(j.name.clone(), j.line + newlines),
                        format!("cannot read: {e}; the rest of the file is skipped"),
                    );
                    j.carry.clear();
                    return Some(Raw::Problem(p));
                }
            }
        };
        bytes.truncate(filled + n);
        if n == 0 {
            // End of file: what is left is the last line(s).
            if bytes.is_empty() {
                return None;
            }
            return Some(take_lines(j, bytes));
        }
        if let Some(last) = memchr::memrchr(b'\n', &bytes[filled..]) {
            let cut = filled + last + 1;
            j.carry.extend_from_slice(&bytes[cut..]);
            bytes.truncate(cut);
            return Some(take_lines(j, bytes));
        }
    }
}

fn take_lines(j: &mut Jsonl, bytes: Vec<u8>) -> Raw {
    let first_line = j.line;
    j.line += bytecount_newlines(&bytes);
    Raw::Lines {
        file: j.name.clone(),
        first_line,
        bytes,
    }
}

fn bytecount_newlines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// Decodes a whole-file document.
fn decode_document(id: &str, bytes: &[u8]) -> Decoded {
    decode_document_limited(id, bytes, MAX_DOCUMENT_BYTES)
}

fn decode_document_limited(id: &str, bytes: &[u8], limit: usize) -> Decoded {
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

fn decode_line(name: &Arc<str>, index: usize, buf: &[u8]) -> Decoded {
    decode_line_limited(name, index, buf, MAX_DOCUMENT_BYTES)
}

fn decode_line_limited(name: &Arc<str>, index: usize, buf: &[u8], limit: usize) -> Decoded {
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

/// Parses one JSONL corpus line: `{"id", "text"}` plus optional `title`, `date`, `url`
/// (kept as metadata, as are any other string fields).
fn parse_jsonl_document(line: &str) -> Result<Document, String> {
    // A visitor rather than a `serde_json::Value`: the text goes straight into its
    // `String`, with no map of values built and taken apart for every line.
    let Line(doc) = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    doc
}

const NOT_AN_OBJECT: &str = "expected a JSON object with `id` and `text`";

/// One parsed corpus line: a document, or why the line is not one.
struct Line(Result<Document, String>);

impl<'de> serde::Deserialize<'de> for Line {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Line, D::Error> {
        d.deserialize_any(LineVisitor)
    }
}

struct LineVisitor;

impl<'de> serde::de::Visitor<'de> for LineVisitor {
    type Value = Line;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(NOT_AN_OBJECT)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Line, A::Error> {
        use serde_json::Value;
        let mut doc = Document::default();
        // The last value of a key wins, as in a JSON object.
        let mut text: Option<Option<String>> = None;
        let mut id: Option<Value> = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "text" => text = Some(map.next_value::<MaybeString>()?.0),
                "id" => id = Some(map.next_value::<Value>()?),
                _ => match map.next_value::<Value>()? {
                    Value::String(v) => {
                        doc.meta.insert(key.into_owned(), v);
                    }
                    _ => {
                        doc.meta.remove(key.as_ref());
                    }
                },
            }
        }
        match id {
            None => {}
            Some(Value::String(v)) => doc.id = v,
            Some(Value::Number(n)) => doc.id = n.to_string(),
            Some(_) => return Ok(Line(Err("`id` must be a string or a number".to_string()))),
        }
        match text {
            None => Ok(Line(Err("missing field `text`".to_string()))),
            Some(None) => Ok(Line(Err("`text` must be a string".to_string()))),
            Some(Some(t)) => {
                doc.text = t;
                Ok(Line(Ok(doc)))
            }
        }
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Line, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(not_an_object())
    }

    fn visit_bool<E>(self, _: bool) -> Result<Line, E> {
        Ok(not_an_object())
    }

    fn visit_i64<E>(self, _: i64) -> Result<Line, E> {
        Ok(not_an_object())
    }

    fn visit_u64<E>(self, _: u64) -> Result<Line, E> {
        Ok(not_an_object())
    }

    fn visit_f64<E>(self, _: f64) -> Result<Line, E> {
        Ok(not_an_object())
    }

    fn visit_str<E>(self, _: &str) -> Result<Line, E> {
        Ok(not_an_object())
    }

    fn visit_unit<E>(self) -> Result<Line, E> {
        Ok(not_an_object())
    }
}

fn not_an_object() -> Line {
    Line(Err(NOT_AN_OBJECT.to_string()))
}

/// A JSON value that is kept when it is a string (`None` otherwise).
struct MaybeString(Option<String>);

impl<'de> serde::Deserialize<'de> for MaybeString {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<MaybeString, D::Error> {
        // A string value costs what the string does; anything else is rare and dropped.
        serde_json::Value::deserialize(d).map(|v| match v {
            serde_json::Value::String(s) => MaybeString(Some(s)),
            _ => MaybeString(None),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Level;

    fn collect(sources: Vec<Source>) -> Vec<Item> {
        Documents::new(sources).collect()
    }

    #[test]
    fn discovers_sorted_files_and_notes_skipped_ones() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("b.txt"), "B").unwrap();
        std::fs::write(d.join("a.md"), "A").unwrap();
        std::fs::write(d.join("sub/c.jsonl"), "").unwrap();
        std::fs::write(d.join("photo.jpg"), "x").unwrap();
        let missing = d.join("missing.txt");
        let inputs = [d.display().to_string(), missing.display().to_string()];
        let (sources, problems) = discover(&inputs);
        assert_eq!(
            sources,
            [
                Source::Text(d.join("a.md")),
                Source::Text(d.join("b.txt")),
                Source::Jsonl(d.join("sub/c.jsonl"))
            ]
        );
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].level, Level::Note);
        assert!(problems[0]
            .to_string()
            .ends_with("photo.jpg: skipped: not a .txt, .md or .jsonl file"));
        assert_eq!(problems[1].level, Level::Error);
    }

    #[test]
    fn jsonl_documents_metadata_and_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.jsonl");
        std::fs::write(
            &p,
            "{\"id\": \"a\", \"text\": \"Putin spoke.\", \"title\": \"T\", \"date\": \"2019-04-25\"}\n\
             {not json}\n\n{\"id\": 7, \"text\": \"Kim\"}\n[1]\n{\"id\": \"x\"}\n",
        )
        .unwrap();
        let items = collect(vec![Source::Jsonl(p.clone())]);
        assert_eq!(items.len(), 5);
        let Item::Document(a) = &items[0] else {
            panic!()
        };
        assert_eq!((a.id.as_str(), a.meta["title"].as_str()), ("a", "T"));
        let Item::Problem(bad) = &items[1] else {
            panic!()
        };
        assert_eq!(bad.location.line, Some(2));
        assert!(bad.message.starts_with("invalid JSON"));
        let Item::Document(b) = &items[2] else {
            panic!()
        };
        assert_eq!(b.id, "7");
        assert!(matches!(&items[3], Item::Problem(p) if p.location.line == Some(5)));
        assert!(
            matches!(&items[4], Item::Problem(p) if p.message.contains("missing field `text`"))
        );
    }

    #[test]
    fn jsonl_line_rules() {
        let doc = |l: &str| parse_jsonl_document(l);
        let d = doc(r#"{"text": "A", "url": "u", "n": 3, "text": "B", "id": 12.5}"#).unwrap();
        // The last value of a key wins; non-string metadata is dropped; a number is an id.
        assert_eq!((d.text.as_str(), d.id.as_str()), ("B", "12.5"));
        assert_eq!(d.meta.keys().collect::<Vec<_>>(), ["url"]);
        assert_eq!(
            doc(r#"{"text": 5}"#).unwrap_err(),
            "`text` must be a string"
        );
        assert_eq!(
            doc(r#"{"id": [1], "text": "x"}"#).unwrap_err(),
            "`id` must be a string or a number"
        );
        assert_eq!(doc(r#"[{"text": "x"}]"#).unwrap_err(), NOT_AN_OBJECT);
        assert_eq!(doc(r#""text""#).unwrap_err(), NOT_AN_OBJECT);
        assert!(doc(r#"{"text": "x""#)
            .unwrap_err()
            .starts_with("invalid JSON"));
        let esc = doc(r#"{"te\u0078t": "Kim \"Jong\" Un\n", "ti\u0074le": "T"}"#).unwrap();
        assert_eq!(
            (esc.text.as_str(), esc.meta["title"].as_str()),
            ("Kim \"Jong\" Un\n", "T")
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning_at_its_file_or_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.txt");
        std::fs::write(&p, b"Putin \xff\xfe met Kim").unwrap();
        let items = collect(vec![Source::Text(p.clone())]);
        let Item::Problem(w) = &items[0] else {
            panic!("{items:?}")
        };
        assert_eq!(w.level, Level::Warning);
        assert_eq!(w.location, Location::file(p.display().to_string()));
        let Item::Document(d) = &items[1] else {
            panic!()
        };
        assert_eq!(d.text, "Putin \u{fffd}\u{fffd} met Kim");
        // In JSON Lines the warning names the file and line, not the document id.
        let j = dir.path().join("c.jsonl");
        std::fs::write(
            &j,
            b"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"Kim \xff\"}\n",
        )
        .unwrap();
        let items = collect(vec![Source::Jsonl(j.clone())]);
        assert_eq!(items.len(), 3, "{items:?}");
        let Item::Problem(w) = &items[1] else {
            panic!("{items:?}")
        };
        assert_eq!(
            w.to_string(),
            format!("{}:2: invalid UTF-8 replaced with U+FFFD", j.display())
        );
        assert!(matches!(&items[2], Item::Document(d) if d.id == "b" && d.text == "Kim \u{fffd}"));
    }

    /// A field that happens to share a name with anything internal is metadata like any
    /// other, never a warning.
    #[test]
    fn any_metadata_field_is_only_metadata() {
        let name: Arc<str> = "c.jsonl".into();
        let d = decode_line(
            &name,
            0,
            br#"{"id": "a", "text": "Putin", "entgraph.invalid_utf8": "yes"}"#,
        );
        assert_eq!(d.problem, None);
        assert_eq!(d.document.unwrap().meta["entgraph.invalid_utf8"], "yes");
    }

    #[test]
    fn a_document_longer_than_the_limit_is_refused_with_its_location() {
        let d = decode_document_limited("big.txt", b"Putin met Kim.", 10);
        assert!(d.document.is_none());
        let p = d.problem.unwrap();
        assert_eq!(p.level, Level::Error);
        assert!(
            p.to_string()
                .starts_with("big.txt: document of 14 bytes is longer than the 10 bytes"),
            "{p}"
        );
        assert!(decode_document_limited("ok.txt", b"Putin met Kim.", 14)
            .document
            .is_some());
        let name: Arc<str> = "c.jsonl".into();
        let d = decode_line_limited(&name, 4, br#"{"id": "a", "text": "Putin met Kim."}"#, 10);
        assert!(d
            .problem
            .unwrap()
            .to_string()
            .starts_with("c.jsonl:5: document of 14 bytes"));
        assert_eq!(MAX_DOCUMENT_BYTES, u32::MAX as usize);
    }

    #[test]
    fn blocks_split_at_line_ends_and_recycled_buffers_are_read_into_again() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.jsonl");
        // About 3.5 blocks of short lines, one line of 5 blocks, then more short lines.
        let mut text = String::new();
        let mut n = 0;
        let mut line = |text: &mut String, body: &str| {
            text.push_str(&format!("{{\"id\": \"d{n}\", \"text\": \"{body}\"}}\n"));
            n += 1;
        };
        while text.len() < 7 * RawBlocks::BLOCK / 2 {
            line(&mut text, "Putin met Kim in Vladivostok.");
        }
        line(&mut text, &"x".repeat(5 * RawBlocks::BLOCK));
        for _ in 0..1000 {
            line(&mut text, "Lavrov and Ri Yong Ho.");
        }
        std::fs::write(&p, &text).unwrap();
        let mut blocks = RawBlocks::new(vec![Source::Jsonl(p)]);
        let (mut ids, mut lines, mut reused) = (Vec::new(), Vec::new(), 0);
        let mut last_buffer = None;
        while let Some(raw) = blocks.next() {
            let Raw::Lines { bytes, .. } = &raw else {
                panic!("a JSON Lines file is read in blocks of lines")
            };
            assert_eq!(bytes.last(), Some(&b'\n'), "a block ends at a line end");
            reused += usize::from(last_buffer == Some(bytes.as_ptr()));
            for unit in raw.units() {
                let Unit::Line { line, .. } = unit else {
                    panic!()
                };
                lines.push(line);
                let Some(d) = unit.decode().document else {
                    panic!("line {line} is a document")
                };
                ids.push(d.id);
            }
            last_buffer = Some(bytes.as_ptr());
            blocks.recycle(raw);
        }
        assert_eq!(ids, (0..n).map(|i| format!("d{i}")).collect::<Vec<_>>());
        assert_eq!(lines, (0..n).collect::<Vec<_>>());
        // The three blocks after the first read into the buffer of the block before; the
        // long line's block outgrows its buffer, which is not kept.
        assert!(reused >= 3, "buffers reused {reused} times");
        assert!(blocks
            .spare
            .iter()
            .all(|b| b.capacity() <= 4 * RawBlocks::BLOCK));
    }

    #[test]
    fn unreadable_file_is_reported_and_stream_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("ok.txt");
        std::fs::write(&ok, "fine").unwrap();
        let items = collect(vec![
            Source::Text(dir.path().join("gone.txt")),
            Source::Text(ok),
        ]);
        assert!(matches!(&items[0], Item::Problem(p) if p.level == Level::Error));
        assert!(matches!(&items[1], Item::Document(d) if d.text == "fine"));
    }
}

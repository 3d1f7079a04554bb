//! Reading input as bytes: each text file whole (or, for a job that reads long documents
//! in parts, a long one left unread), standard input whole (kept for a second pass when
//! asked), each JSON Lines file in blocks of whole lines, with the buffers of processed
//! blocks read into again. Splitting a block into [`Unit`]s is here too; decoding them is
//! not.
//!
//! Must not check UTF-8, parse JSON or know about documents beyond their bytes (but a JSON
//! Lines file that starts with a UTF-16 byte-order mark is refused whole here, as its lines
//! cannot be found by their bytes).

use std::fs::File;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use super::{too_long, Source, MAX_DOCUMENT_BYTES, UTF16};
use crate::error::{Location, Problem};
use crate::text::encoding::is_utf16;

/// Input as read, not yet decoded: reading stays cheap (a file's bytes, or a block of
/// whole lines of a JSON Lines file read in one go) so that one thread can feed many;
/// splitting lines, checking UTF-8 and parsing JSON are left to whoever takes its
/// [`Raw::units`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Raw {
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
    /// A text file longer than the part size of a job that reads long documents in parts
    /// (see [`super::Parts`]): not read here, the job reads it.
    Long {
        /// The document id: the path as given.
        id: String,
        /// The file.
        path: std::path::PathBuf,
    },
    /// Something could not be read.
    Problem(Problem),
}

/// One document's worth of a [`Raw`]: a file, one non-blank line, or a problem.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Unit<'a> {
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
    /// The text file `path` (document id `id`) read whole, or the problem reading it.
    pub(crate) fn read_whole(id: &str, path: &std::path::Path) -> Raw {
        match std::fs::read(path) {
            Ok(bytes) => Raw::File {
                id: id.to_string(),
                bytes,
            },
            Err(e) => Raw::Problem(Problem::error(
                Location::file(id),
                format!("cannot read input: {e}"),
            )),
        }
    }

    /// The units, in order; blank lines are skipped.
    pub(crate) fn units(&self) -> impl Iterator<Item = Unit<'_>> + '_ {
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
            Raw::Lines { .. } | Raw::Long { .. } => None,
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

/// Streams the raw input of a list of sources in order: each text file whole, each JSON
/// Lines file in blocks of whole lines of about [`RawBlocks::BLOCK`] bytes.
///
/// Blocks given back with [`RawBlocks::recycle`] once processed are read into again, so a
/// long run reuses a handful of buffers instead of allocating a megabyte a block (which,
/// freed on other threads, lets the allocator's heap creep up over gigabytes of input).
pub(crate) struct RawBlocks {
    sources: std::vec::IntoIter<Source>,
    jsonl: Option<Jsonl>,
    pub(super) spare: Vec<Vec<u8>>,
    /// Text files longer than this are handed on unread, as [`Raw::Long`].
    long_above: Option<usize>,
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
    pub(crate) const BLOCK: usize = 1 << 20;

    /// Spare buffers kept at most; more are freed.
    const SPARES: usize = 16;

    /// A stream over `sources`.
    pub(crate) fn new(sources: Vec<Source>) -> RawBlocks {
        RawBlocks {
            sources: sources.into_iter(),
            jsonl: None,
            spare: Vec::new(),
            long_above: None,
        }
    }

    /// Hands on text files longer than `bytes` unread, as [`Raw::Long`], for a job that
    /// reads them in parts; `None` (the default) reads every text file whole.
    pub(crate) fn long_above(mut self, bytes: Option<usize>) -> RawBlocks {
        self.long_above = bytes;
        self
    }

    /// Takes back a piece that has been processed: the buffer of a block of lines is read
    /// into again (unless a line longer than a few blocks made it grow); anything else is
    /// dropped.
    pub(crate) fn recycle(&mut self, raw: Raw) {
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
                    return Some(match stdin_bytes() {
                        Ok(bytes) => Raw::File {
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
                    let id = super::path_id(&path);
                    // Refused before it is read: no need to hold gigabytes to say no.
                    let len = std::fs::metadata(&path).map_or(0, |m| m.len());
                    let len = usize::try_from(len).unwrap_or(usize::MAX);
                    // Read in parts, a document may be longer than one read whole.
                    if self.long_above.is_some_and(|above| len > above) {
                        return Some(Raw::Long { id, path });
                    }
                    if let Some(p) = too_long(Location::file(id.as_str()), len, MAX_DOCUMENT_BYTES)
                    {
                        return Some(Raw::Problem(p));
                    }
                    return Some(Raw::read_whole(&id, &path));
                }
                Source::Jsonl(path) => {
                    let name = super::path_id(&path);
                    match File::open(&path) {
                        Ok(mut file) => {
                            // UTF-16 would be read as a line of garbage per line.
                            let head = head(&mut file);
                            if is_utf16(&head) {
                                return Some(Raw::Problem(Problem::error(
                                    Location::file(name),
                                    UTF16,
                                )));
                            }
                            self.jsonl = Some(Jsonl {
                                name: name.into(),
                                file,
                                line: 0,
                                carry: head,
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

/// Whether standard input is kept once read, see [`keep_stdin`].
static KEEP_STDIN: AtomicBool = AtomicBool::new(false);

/// Standard input as first read, when it is kept.
static STDIN: OnceLock<Result<Vec<u8>, String>> = OnceLock::new();

/// Keeps standard input once read, so that a corpus naming `-` can be read twice
/// (`--discover`'s two passes): every later read of `-` gets the same bytes. Without it,
/// standard input is read as it comes and not held.
pub(crate) fn keep_stdin() {
    KEEP_STDIN.store(true, Ordering::Relaxed);
}

/// The bytes of standard input, or why they cannot be read.
fn stdin_bytes() -> Result<Vec<u8>, String> {
    let read = || {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map(|_| bytes)
            .map_err(|e| e.to_string())
    };
    if KEEP_STDIN.load(Ordering::Relaxed) {
        STDIN.get_or_init(read).clone()
    } else {
        read()
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

/// The first two bytes of `file` (fewer if it is shorter, none if they cannot be read: the
/// reads that follow report the error).
fn head(file: &mut File) -> Vec<u8> {
    let mut head = Vec::with_capacity(2);
    if file.by_ref().take(2).read_to_end(&mut head).is_err() {
        head.clear();
    }
    head
}

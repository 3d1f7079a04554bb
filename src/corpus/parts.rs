//! Reading one long text file in parts, for the jobs that process a document too long to
//! hold whole in two passes (gather the evidence, then match and count): each part is
//! about [`Parts::new`]'s `part_bytes` long and cut at a paragraph break (a blank line,
//! see [`crate::segment::part_cuts`]), so that the parts give what the whole text gives.
//! A stretch of `part_bytes` with no blank line is cut at its last line break (or space,
//! or character) instead, where a sentence or a name that runs across it is split.
//!
//! Owns the cutting, the UTF-8 check of each part, the byte-order mark (three spaces, as
//! for a whole file) and rewinding for the second pass. Must not match, segment or count.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;

use super::{invalid_utf8, UTF16};
use crate::error::{Location, Problem};
use crate::segment::part_cuts;
use crate::text::encoding::{is_utf16, UTF8_BOM};

/// Where a part lies in its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Part {
    /// Byte offset of the part's first byte in the document.
    pub(crate) offset: usize,
    /// The part ends the document.
    pub(crate) last: bool,
}

/// A long text file read part by part; [`Parts::rewind`] starts over.
pub(crate) struct Parts {
    id: String,
    file: File,
    part_bytes: usize,
    /// Bytes read and not yet handed out, starting at document offset `offset`.
    buf: Vec<u8>,
    offset: usize,
    /// Line breaks before `offset`, to locate invalid UTF-8.
    lines: usize,
    eof: bool,
    /// A part was handed out since the start (an empty file still gives one).
    started: bool,
}

impl Parts {
    /// Opens `path` (its document id `id`) to be read in parts of about `part_bytes`.
    ///
    /// # Errors
    /// A problem naming the file when it cannot be opened.
    pub(crate) fn new(id: &str, path: &PathBuf, part_bytes: usize) -> Result<Parts, Problem> {
        let file = File::open(path).map_err(|e| cannot_read(id, &e))?;
        Ok(Parts {
            id: id.to_string(),
            file,
            part_bytes: part_bytes.max(1),
            buf: Vec::new(),
            offset: 0,
            lines: 0,
            eof: false,
            started: false,
        })
    }

    /// The document's id.
    pub(crate) fn id(&self) -> &str {
        &self.id
    }

    /// Goes back to the start of the file, for another pass.
    ///
    /// # Errors
    /// A problem naming the file when it cannot seek.
    pub(crate) fn rewind(&mut self) -> Result<(), Problem> {
        self.file
            .seek(SeekFrom::Start(0))
            .map_err(|e| cannot_read(&self.id, &e))?;
        self.buf.clear();
        (self.offset, self.lines, self.eof, self.started) = (0, 0, false, false);
        Ok(())
    }

    /// Reads the next part into `text` (cleared first); `None` after the last.
    ///
    /// # Errors
    /// A problem naming the file (and line) when it cannot be read, starts with a UTF-16
    /// byte-order mark or holds invalid UTF-8; the document is then to be skipped.
    pub(crate) fn next_part(&mut self, text: &mut String) -> Result<Option<Part>, Problem> {
        if self.eof && self.buf.is_empty() && self.started {
            return Ok(None);
        }
        // One byte past the part size, to know whether the file ends with this part.
        while !self.eof && self.buf.len() <= self.part_bytes {
            let filled = self.buf.len();
            let chunk = (self.part_bytes + 1 - filled).min(1 << 20);
            self.buf.resize(filled + chunk, 0);
            let n = loop {
                match self.file.read(&mut self.buf[filled..]) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(cannot_read(&self.id, &e)),
                }
            };
            self.buf.truncate(filled + n);
            self.eof = n == 0;
        }
        let cut = if self.eof {
            self.buf.len()
        } else {
            cut_in(&self.buf)
        };
        let mut bytes = &self.buf[..cut];
        let mut lead = "";
        if self.offset == 0 {
            if is_utf16(bytes) {
                return Err(Problem::error(Location::file(self.id.as_str()), UTF16));
            }
            // The mark becomes three spaces: offsets still count the file's bytes.
            if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
                (bytes, lead) = (rest, "   ");
            }
        }
        let part = std::str::from_utf8(bytes).map_err(|e| {
            let at = e.valid_up_to();
            let line = self.lines + memchr::memchr_iter(b'\n', &bytes[..at]).count();
            let at = self.offset + lead.len() + at;
            Problem::error(
                Location::line0(self.id.as_str(), line),
                invalid_utf8(at, "document"),
            )
        })?;
        text.clear();
        text.push_str(lead);
        text.push_str(part);
        let out = Part {
            offset: self.offset,
            last: self.eof && cut == self.buf.len(),
        };
        self.lines += memchr::memchr_iter(b'\n', &self.buf[..cut]).count();
        self.offset += cut;
        self.buf.drain(..cut);
        self.started = true;
        Ok(Some(out))
    }
}

/// Where to end a part that fills `buf`: after its last blank line; failing that, after its
/// last line break, or its last ASCII space; failing that, before its last character
/// (which may be incomplete).
fn cut_in(buf: &[u8]) -> usize {
    if let Some(cut) = part_cuts(buf).last() {
        return cut;
    }
    if let Some(k) = memchr::memrchr(b'\n', buf) {
        return k + 1;
    }
    if let Some(k) = buf.iter().rposition(u8::is_ascii_whitespace) {
        return k + 1;
    }
    let start_of_last = buf
        .iter()
        .rposition(|&b| b & 0xC0 != 0x80)
        .unwrap_or(buf.len());
    match start_of_last {
        0 => buf.len(),
        k => k,
    }
}

fn cannot_read(id: &str, e: &std::io::Error) -> Problem {
    Problem::error(Location::file(id), format!("cannot read input: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts_of(bytes: &[u8], part_bytes: usize) -> Result<Vec<(String, Part)>, Problem> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.txt");
        std::fs::write(&path, bytes).unwrap();
        let mut parts = Parts::new("long.txt", &path, part_bytes)?;
        let mut out = Vec::new();
        for pass in 0..2 {
            let mut text = String::new();
            let mut got = Vec::new();
            while let Some(p) = parts.next_part(&mut text)? {
                got.push((text.clone(), p));
            }
            if pass == 0 {
                out = got;
                parts.rewind()?;
            } else {
                assert_eq!(got, out, "the second pass reads the same parts");
            }
        }
        Ok(out)
    }

    #[test]
    fn parts_cut_at_blank_lines_and_rejoin_to_the_file() {
        let text = "First paragraph here.\n\nSecond one, longer than the first.\n \nThird.\n";
        let parts = parts_of(text.as_bytes(), 40).unwrap();
        let joined: String = parts.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, text);
        assert!(parts.len() >= 2);
        for (t, p) in &parts {
            assert_eq!(&text[p.offset..p.offset + t.len()], t);
            if !p.last {
                assert!(t.ends_with("\n\n") || t.ends_with("\n \n"), "{t:?}");
            }
        }
        assert_eq!(parts.iter().filter(|(_, p)| p.last).count(), 1);
        assert!(parts.last().unwrap().1.last);
    }

    #[test]
    fn without_blank_lines_a_part_ends_at_a_line_break_or_space_or_character() {
        let parts = parts_of("one line\nanother line\nend".as_bytes(), 12).unwrap();
        assert_eq!(parts[0].0, "one line\n");
        let parts = parts_of("words and words".as_bytes(), 8).unwrap();
        assert_eq!(parts[0].0, "words ");
        let parts = parts_of("ééééé".as_bytes(), 3).unwrap();
        assert!(parts.iter().all(|(t, _)| !t.is_empty()));
        assert_eq!(
            parts.iter().map(|(t, _)| t.as_str()).collect::<String>(),
            "ééééé"
        );
    }

    #[test]
    fn bom_invalid_utf8_and_utf16_as_for_a_whole_file() {
        let parts = parts_of(b"\xEF\xBB\xBFKim\n\nmet Putin.", 8).unwrap();
        assert_eq!(parts[0].0, "   Kim\n\n");
        let e = parts_of(b"Fine line.\n\nSecond\nbad \xFF here\n", 12).unwrap_err();
        assert_eq!(e.location.to_string(), "long.txt:4");
        assert!(
            e.message.contains("invalid UTF-8 at byte 23"),
            "{}",
            e.message
        );
        let e = parts_of(b"\xFF\xFEa\0b\0", 4).unwrap_err();
        assert!(e.message.contains("UTF-16"), "{}", e.message);
        let empty = parts_of(b"", 4).unwrap();
        assert_eq!(empty.len(), 1);
        assert!(empty[0].1.last);
    }
}

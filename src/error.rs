//! Locations in input files and the library's error types.
//!
//! Owns [`Location`] (a file and an optional 1-based line, displayed `path:line`),
//! [`Problem`] (one located message), and the typed errors of the loading stages. Must not
//! touch terminal colours, exit codes or `anyhow`: the binary decides how errors are shown.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

/// Where something was read: a file (or a pack-relative name for embedded files) and
/// optionally a 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Location {
    /// The file, as the user named it (embedded files: `<embedded>/world/countries.txt`).
    /// Shared: a million aliases read from one file hold one copy of its name.
    pub path: Arc<str>,
    /// 1-based line number, when the problem belongs to one line.
    pub line: Option<usize>,
}

impl Location {
    /// A location naming a whole file.
    pub fn file(path: impl Into<Arc<str>>) -> Location {
        Location {
            path: path.into(),
            line: None,
        }
    }

    /// A location naming line `index0 + 1` of a file (stored 1-based, given 0-based).
    pub(crate) fn line0(path: impl Into<Arc<str>>, index0: usize) -> Location {
        Location {
            path: path.into(),
            line: Some(index0 + 1),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path, line),
            None => write!(f, "{}", self.path),
        }
    }
}

/// How serious a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Informational: something was skipped on purpose.
    Note,
    /// The input is usable but probably not what its author meant.
    Warning,
    /// The input cannot be used.
    Error,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        })
    }
}

/// One located message about an input, displayed `path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Problem {
    /// Where.
    pub location: Location,
    /// How serious.
    pub level: Level,
    /// What, lower case, no trailing period.
    pub message: String,
}

impl Problem {
    /// A problem of `level` at `location`.
    pub fn new(level: Level, location: Location, message: impl Into<String>) -> Problem {
        Problem {
            location,
            level,
            message: message.into(),
        }
    }

    /// An error at `location`.
    pub fn error(location: Location, message: impl Into<String>) -> Problem {
        Problem {
            location,
            level: Level::Error,
            message: message.into(),
        }
    }

    /// A warning at `location`.
    pub fn warning(location: Location, message: impl Into<String>) -> Problem {
        Problem {
            location,
            level: Level::Warning,
            message: message.into(),
        }
    }

    /// A note at `location`.
    pub fn note(location: Location, message: impl Into<String>) -> Problem {
        Problem {
            location,
            level: Level::Note,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Loading gazetteers failed; every problem found is listed, not just the first.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", display_problems(.problems))]
pub struct GazetteerError {
    /// The problems, in file and line order.
    pub problems: Vec<Problem>,
}

fn display_problems(problems: &[Problem]) -> String {
    let n = problems.len();
    let mut s = String::new();
    for p in problems {
        s.push_str(&p.to_string());
        s.push('\n');
    }
    s.push_str(&format!(
        "{n} problem{} in gazetteers",
        if n == 1 { "" } else { "s" }
    ));
    s
}

/// A corpus input could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{location}: {message}")]
pub struct CorpusError {
    /// The file (and line, for JSONL corpora).
    pub location: Location,
    /// What went wrong.
    pub message: String,
}

/// Writing an output file failed. The I/O error is the [`std::error::Error::source`], not
/// part of the message, so that a chain printed whole (`{:#}` with anyhow) names it once.
#[derive(Debug, thiserror::Error)]
#[error("failed to write `{}`", .path.display())]
pub struct OutputError {
    /// The file that could not be written.
    pub path: PathBuf,
    /// The underlying I/O error.
    #[source]
    pub source: std::io::Error,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_display_path_and_one_based_line() {
        assert_eq!(
            Location::line0("people.txt", 16).to_string(),
            "people.txt:17"
        );
        assert_eq!(Location::file("a.txt").to_string(), "a.txt");
        let e = GazetteerError {
            problems: vec![
                Problem::error(Location::line0("a.txt", 0), "empty label"),
                Problem::error(Location::line0("a.txt", 4), "unknown directive `@foo`"),
            ],
        };
        assert_eq!(
            e.to_string(),
            "a.txt:1: empty label\na.txt:5: unknown directive `@foo`\n2 problems in gazetteers"
        );
    }
}

//! Exporters: pure functions that write plain data to `impl Write`, and the atomic file
//! writer callers use to put them on disk.
//!
//! Owns the [`Format`] enum, the mention record of `entgraph extract` ([`mentions`]), and
//! [`write_atomic`] (temp file in the same directory, then rename, so an interrupted run
//! leaves the previous file intact). Must not choose between a file and stdout, pick output
//! paths, run external programs, nor read CLI options.

pub mod dot;
pub mod json;
pub mod mentions;

use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::str::FromStr;

use crate::error::OutputError;

/// An output format of `entgraph build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Graphviz DOT (`graph.dot`).
    Dot,
    /// Node-link JSON (`graph.json`).
    Json,
}

impl Format {
    /// The file name written for this format.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Dot => "graph.dot",
            Format::Json => "graph.json",
        }
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "dot" => Ok(Format::Dot),
            "json" => Ok(Format::Json),
            _ => Err(format!("invalid format `{s}` (expected dot or json)")),
        }
    }
}

/// Writes a file atomically: `write` fills a temporary file next to `path`, which then
/// replaces `path` in one rename. On any error the temporary file is removed and `path`
/// is left as it was.
///
/// # Errors
/// When the directory cannot be written or `write` fails.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), OutputError> {
    let err = |source| OutputError {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let file = std::fs::File::create(&tmp)?;
        let mut w = BufWriter::new(file);
        write(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(err(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_keeps_old_file_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("graph.json");
        write_atomic(&p, |w| w.write_all(b"old")).unwrap();
        let r = write_atomic(&p, |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("interrupted"))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temp file removed"
        );
        write_atomic(&p, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
    }
}

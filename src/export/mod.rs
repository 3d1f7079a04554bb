//! Exporters: pure functions that write plain data to `impl Write`, and the atomic file
//! writers callers use to put them on disk.
//!
//! Owns the [`Format`] enum, the mention record of `entgraph extract` ([`mentions`]),
//! [`write_atomic`] (one file: temp file in the same directory, then rename, so an
//! interrupted run leaves the previous file intact) and [`write_set`] (several files that
//! belong together: every one written and synced to a temporary file before any is renamed
//! into place). Temporaries are named `.entgraph-<pid>-<name>.tmp`;
//! [`remove_stale_temporaries`] removes those of processes that no longer run. Must not
//! choose between a file and stdout, pick output paths, run external programs, nor read
//! CLI options.

mod columns;
pub mod csv;
pub mod cytoscape;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod mentions;
pub mod periods;
mod xml;

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::error::OutputError;

/// An output format of `entgraph build`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// Graphviz DOT (`graph.dot`).
    Dot,
    /// Node-link JSON (`graph.json`).
    Json,
    /// GEXF 1.3 for Gephi (`graph.gexf`).
    Gexf,
    /// GraphML for Cytoscape, yEd and igraph (`graph.graphml`).
    Graphml,
    /// CSV tables for spreadsheets and Gephi's import (`nodes.csv`, `edges.csv`).
    Csv,
    /// Cytoscape.js elements JSON (`graph.cyjs`).
    Cytoscape,
    /// The one-file HTML explorer (`graph.html`).
    Html,
}

impl Format {
    /// Every format, in the order they are written.
    pub const ALL: [Format; 7] = [
        Format::Dot,
        Format::Json,
        Format::Gexf,
        Format::Graphml,
        Format::Csv,
        Format::Cytoscape,
        Format::Html,
    ];

    /// The files written for this format.
    pub fn file_names(self) -> &'static [&'static str] {
        match self {
            Format::Dot => &["graph.dot"],
            Format::Json => &["graph.json"],
            Format::Gexf => &["graph.gexf"],
            Format::Graphml => &["graph.graphml"],
            Format::Csv => &["nodes.csv", "edges.csv"],
            Format::Cytoscape => &["graph.cyjs"],
            Format::Html => &["graph.html"],
        }
    }

    /// Whether the format carries node positions (a layout is computed for it).
    pub fn needs_layout(self) -> bool {
        matches!(self, Format::Gexf | Format::Cytoscape | Format::Html)
    }

    /// Whether the format shows text from the documents (snippets are kept for it).
    pub fn needs_snippets(self) -> bool {
        self == Format::Html
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| format!("{f:?}").eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!(
                    "invalid format `{s}` (expected dot, json, gexf, graphml, csv, cytoscape or html)"
                )
            })
    }
}

/// Escapes text for HTML (and Graphviz's HTML-like labels): `&`, `<`, `>` and `"` as
/// entities.
pub(crate) fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Rounds to 6 decimals so that tiny floating-point noise never reaches a file.
pub(crate) fn round(x: f64) -> f64 {
    if x.is_finite() {
        (x * 1e6).round() / 1e6
    } else {
        0.0
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
    let tmp = dir.join(temporary_name(&name));
    let result = write_synced(&tmp, write).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(err(e));
    }
    Ok(())
}

/// Writes a set of files that belong together (the formats of one `entgraph build`) into
/// `dir`, which is created if need be: `write(i, w)` fills file `names[i]`. Returns the
/// paths written, in the order of `names`.
///
/// Every file is first written to a temporary file in `dir` and synced to disk; only when
/// all of them are written (and no destination is a directory, say) are they renamed into
/// place, one after the other, and the directory synced. On any failure before that, this
/// run's temporaries are removed and the files already in `dir` are left exactly as they
/// were: never a new file beside an old one.
///
/// Renaming two files is not atomic as a pair, so before the first rename a journal
/// (`.entgraph-<pid>.journal`, naming each temporary and its destination) is put in place,
/// and removed after the last: a run killed between two renames leaves it, and the next
/// run that recovers the directory ([`remove_stale_temporaries`], which `entgraph build`
/// calls first) finishes the renames, so the new set is completed rather than mixed with
/// the old. The window itself is kept to a few system calls: the files being replaced are
/// kept alive under a second name until every rename is done, so that no rename has to
/// free a large file's blocks.
///
/// Stale temporaries and journals of earlier runs that were killed are dealt with first
/// (see [`remove_stale_temporaries`]).
///
/// # Errors
/// The first file that could not be written or moved into place, with its I/O error.
pub fn write_set(
    dir: &Path,
    names: &[&str],
    mut write: impl FnMut(usize, &mut dyn Write) -> io::Result<()>,
) -> Result<Vec<PathBuf>, OutputError> {
    std::fs::create_dir_all(dir).map_err(|source| OutputError {
        path: dir.to_path_buf(),
        source,
    })?;
    let _ = remove_stale_temporaries(dir);
    let finals: Vec<PathBuf> = names.iter().map(|n| dir.join(n)).collect();
    let mut temporaries: Vec<PathBuf> = Vec::with_capacity(names.len());
    let remove_all = |temporaries: &[PathBuf]| {
        for t in temporaries {
            let _ = std::fs::remove_file(t);
        }
    };
    for (i, name) in names.iter().enumerate() {
        let tmp = dir.join(temporary_name(name));
        temporaries.push(tmp.clone());
        if let Err(source) = write_synced(&tmp, |w| write(i, w)) {
            remove_all(&temporaries);
            return Err(OutputError {
                path: finals[i].clone(),
                source,
            });
        }
    }
    // Everything that can be checked is checked before the first rename.
    for path in &finals {
        if let Some(source) = not_replaceable(path) {
            remove_all(&temporaries);
            return Err(OutputError {
                path: path.clone(),
                source,
            });
        }
    }
    // The replaced files live on under a second name until every rename is done.
    let mut kept = Vec::new();
    for (path, name) in finals.iter().zip(names) {
        let keep = dir.join(temporary_name(&format!("{name}.old")));
        let _ = std::fs::remove_file(&keep);
        if std::fs::hard_link(path, &keep).is_ok() {
            kept.push(keep);
        }
    }
    let journal = dir.join(journal_name(std::process::id()));
    let lines: String = temporaries
        .iter()
        .zip(names)
        .map(|(t, name)| {
            let t = t.file_name().unwrap_or_default().to_string_lossy();
            format!("{t}\t{name}\n")
        })
        .collect();
    if let Err(e) = write_atomic(&journal, |w| w.write_all(lines.as_bytes())) {
        remove_all(&temporaries);
        remove_all(&kept);
        return Err(e);
    }
    for (k, (tmp, path)) in temporaries.iter().zip(&finals).enumerate() {
        if let Err(source) = std::fs::rename(tmp, path) {
            // Nothing left to finish: the journal goes, what was renamed stays.
            remove_all(&temporaries[k..]);
            let _ = std::fs::remove_file(&journal);
            remove_all(&kept);
            return Err(OutputError {
                path: path.clone(),
                source,
            });
        }
    }
    let _ = std::fs::remove_file(&journal);
    sync_dir(dir);
    remove_all(&kept);
    Ok(finals)
}

/// The journal file name of process `pid`'s output set: `.entgraph-<pid>.journal`.
fn journal_name(pid: u32) -> String {
    format!("{TEMPORARY_PREFIX}{pid}.journal")
}

/// The process id in a journal file name made by [`journal_name`], if it is one.
fn journal_pid(file_name: &str) -> Option<u32> {
    let pid = file_name
        .strip_prefix(TEMPORARY_PREFIX)?
        .strip_suffix(".journal")?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Finishes the renames of the output set that journal `path` (in `dir`) lists: each
/// temporary still there is renamed to its destination, then the journal is removed. A line
/// that does not name a temporary of that journal's process and a plain file name is
/// ignored, so a stray journal can never move other files.
fn finish_journal(dir: &Path, path: &Path, pid: u32) -> io::Result<()> {
    let text = std::fs::read_to_string(path)?;
    for line in text.lines() {
        let Some((tmp, name)) = line.split_once('\t') else {
            continue;
        };
        let plain = |n: &str| !n.is_empty() && !n.contains(['/', '\\']) && n != "." && n != "..";
        if !plain(tmp) || !plain(name) || temporary_pid(tmp) != Some(pid) {
            continue;
        }
        let from = dir.join(tmp);
        if from.is_file() {
            std::fs::rename(&from, dir.join(name))?;
        }
    }
    sync_dir(dir);
    std::fs::remove_file(path)
}

/// Why `path` cannot be replaced by a renamed file, if it cannot: it is a directory.
fn not_replaceable(path: &Path) -> Option<io::Error> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => Some(io::Error::new(
            io::ErrorKind::IsADirectory,
            "a directory is in the way",
        )),
        _ => None,
    }
}

/// Creates `path`, fills it with `write`, and syncs it to disk.
fn write_synced(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let file = std::fs::File::create(path)?;
    let mut w = BufWriter::new(file);
    write(&mut w)?;
    let file = w.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}

/// Syncs a directory, so that the renames in it survive a power loss (where the system
/// allows opening a directory; elsewhere nothing is done).
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// The prefix of every temporary file entgraph writes.
const TEMPORARY_PREFIX: &str = ".entgraph-";

/// The temporary file name this process uses for `name`: `.entgraph-<pid>-<name>.tmp`.
pub fn temporary_name(name: &str) -> String {
    format!("{TEMPORARY_PREFIX}{}-{name}.tmp", std::process::id())
}

/// The process id in a temporary file name made by [`temporary_name`], if it is one.
fn temporary_pid(file_name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix(TEMPORARY_PREFIX)?;
    let rest = rest.strip_suffix(".tmp")?;
    let (pid, name) = rest.split_once('-')?;
    if name.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// How old a temporary must be to count as stale where the system cannot say whether its
/// process still runs (no `/proc`).
const STALE_AGE: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);

/// Recovers `dir` from runs killed while writing: first finishes the output sets they were
/// renaming into place (see [`write_set`]'s journal), then removes the temporaries
/// (`.entgraph-<pid>-<name>.tmp`) they left behind, and returns how many were removed.
///
/// A temporary is stale when the process that wrote it no longer runs. Where `/proc` shows
/// the running processes (Linux), that is what decides: a temporary whose pid is not in
/// `/proc`, or is this process's own (it is left from an earlier process with the same
/// pid: this one has not started writing), is removed; one of another running process (a
/// concurrent run writing to the same directory) is left alone. Elsewhere a temporary is
/// removed once it is a day old. Only regular files matching the pattern are touched.
///
/// # Errors
/// When `dir` cannot be listed; a file that cannot be removed is skipped.
pub fn remove_stale_temporaries(dir: &Path) -> io::Result<usize> {
    let proc_fs = Path::new("/proc/self").exists();
    let me = std::process::id();
    let is_stale = |pid: u32, meta: &std::fs::Metadata| {
        if proc_fs {
            pid == me || !Path::new("/proc").join(pid.to_string()).exists()
        } else {
            meta.modified()
                .ok()
                .and_then(|m| m.elapsed().ok())
                .is_some_and(|age| age > STALE_AGE)
        }
    };
    // Journals first: the temporaries they name are to be renamed, not removed.
    for (path, pid) in stale_files(dir, journal_pid, is_stale)? {
        let _ = finish_journal(dir, &path, pid);
    }
    let mut removed = 0;
    for (path, _) in stale_files(dir, temporary_pid, is_stale)? {
        if std::fs::remove_file(path).is_ok() {
            removed += 1;
        }
    }
    Ok(removed)
}

/// The regular files of `dir` whose name `pid_of` reads a process id from and that
/// `is_stale` says are stale, with that id.
fn stale_files(
    dir: &Path,
    pid_of: fn(&str) -> Option<u32>,
    is_stale: impl Fn(u32, &std::fs::Metadata) -> bool,
) -> io::Result<Vec<(PathBuf, u32)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let Ok(entry) = entry else { continue };
        let Some(pid) = entry.file_name().to_str().and_then(pid_of) else {
            continue;
        };
        match entry.metadata() {
            Ok(meta) if meta.is_file() && is_stale(pid, &meta) => out.push((entry.path(), pid)),
            _ => {}
        }
    }
    Ok(out)
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

    #[test]
    fn a_set_is_written_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let names = ["graph.dot", "graph.json"];
        let old = |i: usize, w: &mut dyn Write| w.write_all(format!("old {i}").as_bytes());
        let written = write_set(d, &names, old).unwrap();
        assert_eq!(written, [d.join("graph.dot"), d.join("graph.json")]);
        // The second file fails (a full disk, say): the first is not moved into place.
        let r = write_set(d, &names, |i, w| {
            w.write_all(b"new")?;
            if i == 1 {
                return Err(io::Error::other("no space left"));
            }
            Ok(())
        });
        let e = r.unwrap_err();
        assert_eq!(e.path, d.join("graph.json"));
        for (i, n) in names.iter().enumerate() {
            assert_eq!(
                std::fs::read_to_string(d.join(n)).unwrap(),
                format!("old {i}")
            );
        }
        assert_eq!(
            std::fs::read_dir(d).unwrap().count(),
            2,
            "temporaries removed"
        );
        write_set(d, &names, |_, w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(d.join("graph.dot")).unwrap(), "new");
        assert_eq!(
            std::fs::read_to_string(d.join("graph.json")).unwrap(),
            "new"
        );
    }

    #[test]
    fn stale_temporaries_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        // A pid above the kernel's maximum (4194304) never runs.
        let dead = d.join(".entgraph-99999999-graph.json.tmp");
        let mine = d.join(temporary_name("graph.dot"));
        let other = d.join(".graph.json.tmp");
        let unrelated = d.join(".entgraph-12x-graph.json.tmp");
        for p in [&dead, &mine, &other, &unrelated] {
            std::fs::write(p, "x").unwrap();
        }
        if Path::new("/proc/self").exists() {
            // pid 1 always runs: its temporary is a concurrent run's, left alone.
            let running = d.join(".entgraph-1-graph.json.tmp");
            std::fs::write(&running, "x").unwrap();
            assert_eq!(remove_stale_temporaries(d).unwrap(), 2);
            assert!(!dead.exists() && !mine.exists());
            assert!(running.exists() && other.exists() && unrelated.exists());
        }
        assert_eq!(temporary_pid(".entgraph-42-graph.dot.tmp"), Some(42));
        assert_eq!(temporary_pid(".entgraph-42-.tmp"), None);
        assert_eq!(temporary_pid("entgraph-42-graph.dot.tmp"), None);
    }

    /// A run killed between the two renames of its set left the new DOT beside the old
    /// JSON, its journal and the new JSON's temporary: recovering finishes the set.
    #[test]
    fn a_set_interrupted_between_renames_is_finished_by_the_next_run() {
        if !Path::new("/proc/self").exists() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("graph.json"), "old json").unwrap();
        std::fs::write(d.join("graph.dot"), "new dot").unwrap();
        std::fs::write(d.join(".entgraph-99999999-graph.json.tmp"), "new json").unwrap();
        std::fs::write(d.join(".entgraph-99999999-graph.dot.old.tmp"), "old dot").unwrap();
        std::fs::write(d.join("notes.txt"), "the user's").unwrap();
        std::fs::write(
            d.join(".entgraph-99999999.journal"),
            ".entgraph-99999999-graph.dot.tmp\tgraph.dot\n\
             .entgraph-99999999-graph.json.tmp\tgraph.json\n\
             .entgraph-99999999-graph.json.tmp\t../escaped\n\
             notes.txt\tgraph.dot\n",
        )
        .unwrap();
        remove_stale_temporaries(d).unwrap();
        let read = |n: &str| std::fs::read_to_string(d.join(n)).unwrap();
        assert_eq!(
            (read("graph.dot"), read("graph.json")),
            ("new dot".into(), "new json".into())
        );
        assert_eq!(read("notes.txt"), "the user's");
        let mut left: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, ["graph.dot", "graph.json", "notes.txt"]);
        assert!(!d.parent().unwrap().join("escaped").exists());
    }

    #[test]
    fn a_set_leaves_no_journal_or_kept_file_behind() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for round in ["one", "two"] {
            write_set(d, &["graph.dot", "graph.json"], |i, w| {
                write!(w, "{round} {i}")
            })
            .unwrap();
        }
        let mut left: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, ["graph.dot", "graph.json"]);
        assert_eq!(
            std::fs::read_to_string(d.join("graph.json")).unwrap(),
            "two 1"
        );
        assert_eq!(journal_pid(".entgraph-42.journal"), Some(42));
        assert_eq!(journal_pid(".entgraph-.journal"), None);
    }
}

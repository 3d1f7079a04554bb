//! Walking directories: the one recursive walk behind corpus directories, gazetteer packs
//! and the build script that embeds the shipped packs.
//!
//! Owns which files a directory holds for entgraph: every file below it, sorted by path,
//! hidden directories (`.git`, `.cache`) not entered, symbolic links to directories
//! followed, each directory at most once (so a link loop ends). A directory that cannot be
//! listed is returned as an error beside the files, and the walk goes on. Must not decide
//! which files to read: the caller filters by extension. Uses `std` alone, so that
//! `build.rs` can include it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A directory that could not be listed.
#[derive(Debug)]
pub(crate) struct WalkError {
    /// The directory.
    pub(crate) path: PathBuf,
    /// Why.
    pub(crate) error: std::io::Error,
}

/// Every file below `dir`, sorted, and the directories that could not be listed.
pub(crate) fn files(dir: &Path) -> (Vec<PathBuf>, Vec<WalkError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    walk(dir, &mut out, &mut errors, &mut seen);
    out.sort();
    (out, errors)
}

/// True when the file or directory name starts with a dot.
pub(crate) fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    errors: &mut Vec<WalkError>,
    seen: &mut HashSet<PathBuf>,
) {
    // A directory reached twice (through a link) is walked once.
    if let Ok(real) = std::fs::canonicalize(dir) {
        if !seen.insert(real) {
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(error) => {
            errors.push(WalkError {
                path: dir.to_path_buf(),
                error,
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !is_hidden(&path) {
                walk(&path, out, errors, seen);
            }
        } else {
            out.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_files_hidden_directories_skipped_and_link_loops_end() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join("b/c/z.txt"), "z").unwrap();
        std::fs::write(root.join("a.txt"), "a").unwrap();
        std::fs::write(root.join(".hidden.txt"), "h").unwrap();
        std::fs::write(root.join(".git/x.txt"), "x").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(".", root.join("b/self")).unwrap();
            std::os::unix::fs::symlink(root.join("b"), root.join("b/c/up")).unwrap();
        }
        let (files, errors) = files(root);
        assert!(errors.is_empty());
        let names: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, [".hidden.txt", "a.txt", "b/c/z.txt"]);
    }

    #[test]
    fn a_missing_directory_is_an_error_not_a_panic() {
        let (files, errors) = files(Path::new("/nonexistent/entgraph-walk"));
        assert!(files.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, Path::new("/nonexistent/entgraph-walk"));
    }
}

//! `entgraph build`'s output directory: the previous set is kept when a run reads nothing
//! or fails while writing, and no temporaries are left behind.

use std::path::Path;

use crate::common::*;

/// The files of `dir`, sorted, with their contents.
fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = if e.path().is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                b"<dir>".to_vec()
            };
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    files.sort();
    files
}

fn build(inputs: &[&str], out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["build"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["-g", "korea-russia-2019", "-o", s(out)]);
    args.extend_from_slice(extra);
    entgraph(&args)
}

#[test]
fn a_run_that_reads_no_document_keeps_the_previous_output() {
    let dir = temp_files(&[("html/article.html", "<p>Putin met Kim.</p>")]);
    let out = dir.path().join("out");
    let o = build(&["samples/"], &out, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let before = listing(&out);
    assert_eq!(before.len(), 2);
    let typo = dir.path().join("samples-typo.txt");
    for input in [s(&typo), s(&dir.path().join("html"))] {
        let o = build(&[input], &out, &[]);
        assert_eq!(o.status.code(), Some(2), "{input}: {}", stderr(&o));
        let err = stderr(&o);
        let want = format!(
            "error: no document was read; the previous output in {} is left as it was",
            out.display()
        );
        assert!(err.contains(&want), "{err}");
        assert_eq!(listing(&out), before, "{input}");
    }
}

#[test]
fn a_failure_while_writing_the_set_leaves_the_previous_set_and_no_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = build(&["samples/"], &out, &["-q", "--format", "dot"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The second format's file cannot be replaced: a directory is in the way.
    std::fs::create_dir(out.join("graph.json")).unwrap();
    let before = listing(&out);
    let o = build(&["samples/"], &out, &["-q", "--window", "paragraph"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("graph.json"), "{err}");
    assert_eq!(
        listing(&out),
        before,
        "graph.dot is the old one, nothing added"
    );
}

#[test]
fn stale_temporaries_of_killed_runs_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    // No process has a pid over the kernel's maximum (4194304): this run was killed.
    let stale = out.join(".entgraph-99999999-graph.json.tmp");
    let kept = out.join("notes.tmp");
    std::fs::write(&stale, "partial").unwrap();
    std::fs::write(&kept, "mine").unwrap();
    let o = build(&["samples/"], &out, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> = listing(&out).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["graph.dot", "graph.json", "notes.tmp"]);
}

#[test]
fn an_os_error_is_printed_once() {
    let dir = temp_files(&[("out", "a file, not a directory")]);
    let o = build(&["samples/"], &dir.path().join("out"), &["-q"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.matches("(os error").count(), 1, "{err}");
}

//! Partial graphs: shards counted apart with `build --partial` and merged with `entgraph
//! merge` give byte for byte the files `build` writes for all their documents; merging is
//! associative; partials made with other settings are refused, naming the difference.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::*;

/// The samples in three shards, in input order: the first articles, the last articles,
/// and the wire briefs.
fn shards(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let dirs: Vec<PathBuf> = (1..=3).map(|k| dir.join(format!("s{k}"))).collect();
    for (i, f) in files.iter().enumerate() {
        let to = &dirs[if i < 6 { 0 } else { 1 }];
        std::fs::create_dir_all(to).unwrap();
        std::fs::copy(f, to.join(f.file_name().unwrap())).unwrap();
    }
    std::fs::create_dir_all(&dirs[2]).unwrap();
    std::fs::copy(
        root().join("samples/wire-briefs.jsonl"),
        dirs[2].join("wire.jsonl"),
    )
    .unwrap();
    dirs
}

fn run(args: &[&str]) -> String {
    let o = entgraph(args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stderr(&o)
}

const OPTS: [&str; 4] = ["-g", "korea-russia-2019", "--format", "all"];

#[test]
fn merged_shards_give_the_whole_build_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let s = shards(d);
    let mut partials = Vec::new();
    for (k, shard) in s.iter().enumerate() {
        let p = d.join(format!("p{k}.jsonl"));
        run(&[
            &[
                "build",
                super::common::s(shard),
                "--partial",
                super::common::s(&p),
                "-q",
            ][..],
            &OPTS,
        ]
        .concat());
        partials.push(p);
    }
    let whole = d.join("whole");
    let inputs: Vec<&str> = s.iter().map(|p| super::common::s(p)).collect();
    run(&[
        &["build"][..],
        &inputs,
        &["-o", super::common::s(&whole), "-q"],
        &OPTS,
    ]
    .concat());
    let merged = d.join("merged");
    let ps: Vec<&str> = partials.iter().map(|p| super::common::s(p)).collect();
    let err = run(&[
        &["merge"][..],
        &ps,
        &["-o", super::common::s(&merged)],
        &OPTS,
    ]
    .concat());
    assert!(err.contains("merged 3: 16 documents"), "{err}");
    let (w, m) = (dir_files(&whole), dir_files(&merged));
    assert_eq!(w.len(), 8);
    for ((name, a), (_, b)) in w.iter().zip(&m) {
        assert!(a == b, "{name} differs between build and merge");
    }

    // A tree of merges: (p0 + p1) + p2 is p0 + p1 + p2, as a partial and as a graph.
    let p01 = d.join("p01.jsonl");
    run(&[
        &[
            "merge",
            ps[0],
            ps[1],
            "--partial",
            super::common::s(&p01),
            "-q",
        ][..],
        &OPTS,
    ]
    .concat());
    let p012 = d.join("p012.jsonl");
    run(&[
        &[
            "merge",
            super::common::s(&p01),
            ps[2],
            "--partial",
            super::common::s(&p012),
            "-q",
        ][..],
        &OPTS,
    ]
    .concat());
    let flat = d.join("flat.jsonl");
    run(&[
        &["merge"][..],
        &ps,
        &["--partial", super::common::s(&flat), "-q"],
        &OPTS,
    ]
    .concat());
    assert!(std::fs::read(&p012).unwrap() == std::fs::read(&flat).unwrap());
    let tree = d.join("tree");
    run(&[
        &[
            "merge",
            super::common::s(&p012),
            "-o",
            super::common::s(&tree),
            "-q",
        ][..],
        &OPTS,
    ]
    .concat());
    assert!(
        dir_files(&tree) == w,
        "a tree of merges gives the whole build"
    );

    // Partials stream: `build --partial -` to `merge -`, and the same on any thread count.
    let streamed = Command::new(env!("CARGO_BIN_EXE_entgraph"))
        .args(
            [
                &["build", inputs[0], "--partial", "-", "-q", "-j", "1"][..],
                &OPTS,
            ]
            .concat(),
        )
        .output()
        .unwrap();
    assert!(streamed.status.success());
    assert!(streamed.stdout == std::fs::read(&partials[0]).unwrap());
    let mut merge = Command::new(env!("CARGO_BIN_EXE_entgraph"))
        .args([&["merge", "-", "--partial", "-", "-q"][..], &OPTS].concat())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    merge
        .stdin
        .take()
        .unwrap()
        .write_all(&streamed.stdout)
        .unwrap();
    let again = merge.wait_with_output().unwrap();
    assert!(again.status.success());
    assert!(
        again.stdout == streamed.stdout,
        "a merge of one partial is that partial"
    );
}

#[test]
fn partials_made_otherwise_are_refused_with_the_difference() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let s = shards(d);
    let (a, b) = (d.join("a.jsonl"), d.join("b.jsonl"));
    run(&[
        "build",
        super::common::s(&s[0]),
        "-g",
        "korea-russia-2019",
        "--partial",
        super::common::s(&a),
        "-q",
    ]);
    run(&[
        "build",
        super::common::s(&s[1]),
        "-g",
        "korea-russia-2019",
        "--partial",
        super::common::s(&b),
        "-q",
        "--window",
        "paragraph",
    ]);
    let o = entgraph(&[
        "merge",
        super::common::s(&a),
        super::common::s(&b),
        "-g",
        "korea-russia-2019",
        "-o",
        super::common::s(&d.join("out")),
    ]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("b.jsonl: cannot merge it"), "{err}");
    assert!(err.contains("line 1: made with other settings than this run (this run's vs the partial's): window: \"sentence\" vs \"paragraph\""), "{err}");
    // Other gazetteers: the hash of what was loaded differs.
    let o = entgraph(&[
        "merge",
        super::common::s(&a),
        "-o",
        super::common::s(&d.join("out")),
    ]);
    assert!(stderr(&o).contains("gazetteer:"), "{}", stderr(&o));
    assert!(!d.join("out").exists());
    // Not a partial at all.
    let o = entgraph(&[
        "merge",
        super::common::s(&s[2].join("wire.jsonl")),
        "-g",
        "korea-russia-2019",
    ]);
    assert!(
        stderr(&o).contains("not an entgraph partial graph"),
        "{}",
        stderr(&o)
    );
}

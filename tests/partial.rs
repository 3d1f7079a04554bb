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

/// Random corpora, split at random into shards, merged in random trees (in order, or keyed
/// by shard in any order): always the whole build's graph.
#[test]
fn random_splits_and_merge_trees_give_the_whole_graph() {
    let gaz = (0..30).map(made_up_name).collect::<Vec<_>>().join("\n");
    let mut rng = Lcg(2024);
    for case in 0..6 {
        let tmp = temp_files(&[("g.txt", &format!("@type person\n{gaz}\n"))]);
        let d = tmp.path();
        let docs: Vec<String> = (0..rng.next(40) + 10)
            .map(|i| {
                let sentences: Vec<String> = (0..rng.next(5) + 1)
                    .map(|_| {
                        let names: Vec<String> =
                            (0..rng.next(3) + 1).map(|_| made_up_name(rng.skewed(30))).collect();
                        format!("{} met there.", names.join(" and "))
                    })
                    .collect();
                let date = format!("2021-0{}-1{}", rng.next(3) + 1, rng.next(9));
                serde_json::json!({"id": format!("d{i}"), "date": date, "text": sentences.join(" ")})
                    .to_string()
            })
            .collect();
        // Cut points: 1 to 4 shards, each a JSON Lines file.
        let shards = rng.next(4) + 1;
        let mut cuts: Vec<usize> = (1..shards).map(|_| rng.next(docs.len())).collect();
        cuts.sort();
        let mut bounds = vec![0];
        bounds.extend(cuts);
        bounds.push(docs.len());
        let keyed = case % 2 == 1;
        let g = d.join("g.txt");
        let opts = [
            "--no-default-gazetteers",
            "-g",
            s(&g),
            "--evidence",
            "2",
            "-q",
        ];
        let mut parts = Vec::new();
        let mut inputs = Vec::new();
        for (k, w) in bounds.windows(2).enumerate() {
            let file = d.join(format!("s{k}.jsonl"));
            let text: String = docs[w[0]..w[1]].iter().map(|l| format!("{l}\n")).collect();
            std::fs::write(&file, text).unwrap();
            let p = d.join(format!("p{k}.jsonl"));
            let shard = k.to_string();
            let mut args = vec!["build", s(&file), "--partial", s(&p)];
            if keyed {
                args.extend(["--shard", &shard]);
            }
            run(&[&args[..], &opts].concat());
            parts.push(p);
            inputs.push(file);
        }
        // A random tree: merge a random neighbouring pair until one is left (keyed
        // partials also in reversed order).
        let mut level: Vec<PathBuf> = parts.clone();
        let mut n = 0;
        while level.len() > 1 {
            let i = rng.next(level.len() - 1);
            let out = d.join(format!("m{n}.jsonl"));
            n += 1;
            let (a, b) = (level[i].clone(), level[i + 1].clone());
            let pair = if keyed && rng.next(2) == 0 {
                [&b, &a]
            } else {
                [&a, &b]
            };
            run(&[
                &["merge", s(pair[0]), s(pair[1]), "--partial", s(&out)][..],
                &opts,
            ]
            .concat());
            level.splice(i..i + 2, [out]);
        }
        let (whole, merged) = (d.join("whole"), d.join("merged"));
        let names: Vec<&str> = inputs.iter().map(|p| s(p)).collect();
        run(&[&["build"][..], &names, &["-o", s(&whole)], &opts].concat());
        run(&[&["merge", s(&level[0]), "-o", s(&merged)][..], &opts].concat());
        assert!(
            dir_files(&whole) == dir_files(&merged),
            "case {case}: {shards} shards"
        );
    }
}

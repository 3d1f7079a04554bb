//! The binary end to end.

use crate::common::*;

#[test]
fn extract_writes_one_json_line_per_mention() {
    let dir = temp_files(&[
        ("people.txt", "Vladimir Putin | Putin\nKim Jong Un | ~Kim\n"),
        (
            "a.txt",
            "PUTIN MEETS KIM\n\nKim Jong-un met Putin.\nKim left.\n",
        ),
    ]);
    let g = dir.path().join("people.txt");
    let a = dir.path().join("a.txt");
    let o = entgraph(&["extract", s(&a), "-g", s(&g), "--no-default-gazetteers"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&stdout(&o));
    let got: Vec<(&str, &str, u64, u64)> = lines
        .iter()
        .map(|l| {
            (
                l["text"].as_str().unwrap(),
                l["entity"].as_str().unwrap(),
                l["sentence"].as_u64().unwrap(),
                l["paragraph"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("PUTIN", "person:vladimir-putin", 0, 0),
            ("KIM", "person:kim-jong-un", 0, 0),
            ("Kim Jong-un", "person:kim-jong-un", 1, 1),
            ("Putin", "person:vladimir-putin", 1, 1),
            ("Kim", "person:kim-jong-un", 2, 1),
        ]
    );
    let text = std::fs::read_to_string(&a).unwrap();
    for l in &lines {
        let (st, en) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[st..en], l["text"].as_str().unwrap());
        assert_eq!(l["doc"].as_str().unwrap(), s(&a));
    }
    let err = stderr(&o);
    assert!(err.contains("1 document, "), "{err}");
    assert!(err.contains("5 mentions (5 person)"), "{err}");
}

#[test]
fn gazetteer_errors_name_file_and_line_and_fail() {
    let dir = temp_files(&[
        ("bad.txt", "@type person\nPutin ||\n@type Bad\n"),
        ("a.txt", "x"),
    ]);
    let o = entgraph(&[
        "extract",
        s(&dir.path().join("a.txt")),
        "-g",
        s(&dir.path().join("bad.txt")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("bad.txt:2: empty field between `|` separators"),
        "{err}"
    );
    assert!(err.contains("bad.txt:3: invalid type `Bad`"), "{err}");
}

#[test]
fn unreadable_and_bad_inputs_are_reported_and_the_run_goes_on() {
    let dir = temp_files(&[
        ("people.txt", "Vladimir Putin | Putin\n"),
        ("c.jsonl", "{\"id\": \"d1\", \"text\": \"Putin spoke.\"}\n{oops\n{\"id\": \"d2\", \"text\": \"Putin again.\"}\n"),
    ]);
    std::fs::write(dir.path().join("bin.txt"), b"Putin \xff\xfe").unwrap();
    let o = entgraph(&[
        "extract",
        s(dir.path()),
        s(&dir.path().join("missing.txt")),
        "-g",
        s(&dir.path().join("people.txt")),
        "--no-default-gazetteers",
    ]);
    assert_eq!(o.status.code(), Some(1), "something was skipped");
    let err = stderr(&o);
    assert!(err.contains("c.jsonl:2: invalid JSON"), "{err}");
    assert!(err.contains("missing.txt: cannot read input"), "{err}");
    assert!(
        err.contains("bin.txt:1: invalid UTF-8 at byte 6: entgraph reads UTF-8 only"),
        "{err}"
    );
    let docs: Vec<String> = json_lines(&stdout(&o))
        .iter()
        .map(|l| l["doc"].as_str().unwrap().to_string())
        .collect();
    assert!(docs.contains(&"d1".to_string()) && docs.contains(&"d2".to_string()));
    // people.txt in the input directory is a document too; bin.txt, not UTF-8, is skipped.
    assert!(docs.iter().any(|d| d.ends_with("people.txt")));
    assert!(!docs.iter().any(|d| d.ends_with("bin.txt")));
}

#[test]
fn stdin_is_a_document() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = temp_files(&[("places.txt", "Vladivostok\n")]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_entgraph"))
        .args([
            "extract",
            "-",
            "--no-default-gazetteers",
            "-g",
            s(&dir.path().join("places.txt")),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Off to Vladivostok.")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["doc"], "-");
}

#[test]
fn build_output_is_byte_identical_for_any_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for threads in ["1", "2", "3"] {
        let out = dir.path().join(format!("t{threads}"));
        let o = entgraph(&[
            "build",
            "samples/",
            "-g",
            "korea-russia-2019",
            "-o",
            s(&out),
            "--threads",
            threads,
            "--evidence",
            "5",
            "--format",
            "all",
            "-q",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        // Every format: the layout, the snippets and the communities too.
        let files = dir_files(&out);
        assert_eq!(
            files.len(),
            8,
            "{:?}",
            files.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
        outputs.push(files);
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]));
    // And extract's JSON Lines too.
    let a = entgraph(&["extract", "samples/", "--threads", "1", "-q"]);
    let b = entgraph(&["extract", "samples/", "--threads", "2", "-q"]);
    assert_eq!(a.stdout, b.stdout);
    assert!(!a.stdout.is_empty());
}

#[test]
fn build_filters_and_focus_are_recorded_in_the_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("o");
    let o = entgraph(&[
        "build",
        "samples/",
        "-g",
        "korea-russia-2019",
        "-o",
        s(&out),
        "--types",
        "person,place",
        "--focus",
        "Vladimir Putin",
        "--hops",
        "1",
        "--window",
        "sentences:2",
        "--weight",
        "npmi",
        "--min-weight",
        "0.1",
        "--drop-isolated",
        "-q",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    let g = &json["graph"];
    assert_eq!(g["window"], "sentences:2");
    assert_eq!(g["measure"], "npmi");
    assert_eq!(g["filters"]["focus"], "Vladimir Putin");
    assert_eq!(g["filters"]["hops"], 1);
    assert_eq!(g["filters"]["min_weight"], 0.1);
    let nodes = json["nodes"].as_array().unwrap();
    assert!(nodes
        .iter()
        .all(|n| n["type"] == "person" || n["type"] == "place"));
    assert!(nodes.iter().any(|n| n["id"] == "person:vladimir-putin"));
    for l in json["links"].as_array().unwrap() {
        assert!(l["weight"].as_f64().unwrap() >= 0.1);
        assert_eq!(l["weight"], l["npmi"]);
    }
}

#[test]
fn unknown_focus_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = entgraph(&[
        "build",
        "samples/",
        "-o",
        s(dir.path()),
        "--focus",
        "Nobody At All",
        "-q",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("focus entity `Nobody At All`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn default_gazetteers_find_nothing_in_ordinary_prose() {
    // A few pages written to be full of words that are also place or person names
    // elsewhere (Reading, Nice, Split, Bath, Mobile, May, Will, Bill, Rice, March, ...).
    let o = entgraph(&["extract", "tests/fixtures/plain-prose.txt", "-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mentions = json_lines(&stdout(&o));
    let texts: Vec<&str> = mentions
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(texts.is_empty(), "mentions in plain prose: {texts:?}");
    // The file really is prose, and it is read: the summary counts its bytes.
    let len = std::fs::metadata(root().join("tests/fixtures/plain-prose.txt"))
        .unwrap()
        .len();
    assert!(len > 10_000);
}

/// A document of 4 GiB or more cannot be indexed by the 32-bit offsets: it is refused by
/// name, before being read, and the other inputs are still processed (a sparse file takes
/// no disk space).
#[test]
fn a_document_over_4_gib_is_refused_by_name_and_the_run_goes_on() {
    let dir = temp_files(&[("a.txt", "Vladimir Putin met Kim Jong Un.\n")]);
    let big = dir.path().join("big.txt");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(u64::from(u32::MAX) + 1).unwrap();
    drop(f);
    let a = dir.path().join("a.txt");
    let o = entgraph(&["extract", s(&big), s(&a)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "error: {}: document of 4294967296 bytes is longer than the 4294967295 bytes",
            big.display()
        )),
        "{err}"
    );
    assert!(stdout(&o).contains("\"text\":\"Vladimir Putin\""));
}

/// A file named on the command line is read whatever its extension, and so are pipes and
/// character devices; only a directory walk picks files by extension.
#[test]
fn a_named_file_is_read_whatever_its_extension() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = temp_files(&[
        ("places.txt", "Vladivostok\n"),
        ("article.html", "<p>Off to Vladivostok.</p>"),
        (
            "news.jsonl",
            "{\"id\": \"n1\", \"text\": \"Vladivostok again.\"}\n",
        ),
    ]);
    let g = dir.path().join("places.txt");
    let html = dir.path().join("article.html");
    let o = entgraph(&[
        "extract",
        s(&html),
        s(&dir.path().join("news.jsonl")),
        "--no-default-gazetteers",
        "-g",
        s(&g),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs: Vec<String> = json_lines(&stdout(&o))
        .iter()
        .map(|l| l["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs, [s(&html), "n1"], "{}", stderr(&o));
    assert!(!stderr(&o).contains("skipped"), "{}", stderr(&o));
    // The directory walk still skips it, with a note.
    let o = entgraph(&[
        "extract",
        s(dir.path()),
        "--no-default-gazetteers",
        "-g",
        s(&g),
    ]);
    assert!(
        stderr(&o).contains("article.html: skipped"),
        "{}",
        stderr(&o)
    );
    // A character device or pipe: /dev/stdin.
    let mut child = Command::new(env!("CARGO_BIN_EXE_entgraph"))
        .args([
            "extract",
            "/dev/stdin",
            "--no-default-gazetteers",
            "-g",
            s(&g),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"Off to Vladivostok.").unwrap();
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let lines = json_lines(&stdout(&o));
    assert_eq!(lines.len(), 1, "{}", stderr(&o));
    assert_eq!(lines[0]["doc"], "/dev/stdin");
}

#[test]
fn odd_filter_values_are_argument_errors() {
    let dir = tempfile::tempdir().unwrap();
    for (flag, value, says) in [
        ("--min-weight", "NaN", "not a finite number"),
        ("--min-weight", "inf", "not a finite number"),
        ("--top", "0", "must be at least 1"),
    ] {
        let o = entgraph(&["build", "samples/", "-o", s(dir.path()), flag, value]);
        assert_eq!(o.status.code(), Some(2), "{flag} {value}");
        let err = stderr(&o);
        assert!(err.contains(says) && err.contains(flag), "{err}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_type_no_entity_has_is_an_error_naming_the_types() {
    let dir = temp_files(&[("people.txt", "@type person\nVladimir Putin | Putin\n")]);
    let out = dir.path().join("out");
    let o = entgraph(&[
        "build",
        "samples/",
        "--no-default-gazetteers",
        "-g",
        s(&dir.path().join("people.txt")),
        "-o",
        s(&out),
        "--types",
        "person,people",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("no entity in the gazetteers has the type `people`; the types are: person"),
        "{err}"
    );
    assert!(!out.exists(), "nothing read, nothing written");
}

#[test]
fn an_empty_gazetteer_directory_is_an_error() {
    let dir = temp_files(&[("empty/readme.md", "no gazetteers here")]);
    let empty = dir.path().join("empty");
    let want = format!("no .txt or .jsonl gazetteer file in {}", empty.display());
    let o = entgraph(&["gazetteer", "check", s(&empty)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains(&want), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("1 error: the gazetteers do not load"),
        "{}",
        stderr(&o)
    );
    let o = entgraph(&["extract", "samples/", "-g", s(&empty)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(&want), "{}", stderr(&o));
}

#[test]
fn a_jsonl_id_used_twice_is_a_warning_naming_both_lines() {
    let dir = temp_files(&[
        ("places.txt", "Vladivostok\n"),
        (
            "news.jsonl",
            "{\"id\": \"a\", \"text\": \"Vladivostok.\"}\n{\"id\": \"b\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"Vladivostok again.\"}\n",
        ),
    ]);
    let news = dir.path().join("news.jsonl");
    let g = dir.path().join("places.txt");
    let out = dir.path().join("out");
    let common = [s(&news), "--no-default-gazetteers", "-g", s(&g)];
    let extract: Vec<&str> = [&["extract"][..], &common].concat();
    let build: Vec<&str> = [&["build"][..], &common, &["-o", s(&out)]].concat();
    for args in [extract, build] {
        let o = entgraph(&args);
        assert!(o.status.success(), "{}", stderr(&o));
        let want = format!(
            "warning: {0}:3: document id already used at {0}:1",
            news.display()
        );
        let err = stderr(&o);
        assert_eq!(err.matches("already used").count(), 1, "{err}");
        assert!(err.contains(&want), "{err}");
    }
}

/// Offsets index the bytes the user has: a file that is not UTF-8 is not repaired (which
/// would shift the offsets after the bad bytes) but skipped with an error, shown even with
/// `-q`, and the exit status says something was skipped.
#[test]
fn invalid_utf8_is_an_error_even_when_quiet() {
    let dir = temp_files(&[("ok.txt", "Vladimir Putin met Kim Jong Un.\n")]);
    std::fs::write(
        dir.path().join("bad.txt"),
        b"Vladimir Putin met \xff\xfe Kim Jong Un.\n",
    )
    .unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "Vladimir Putin met Kim Jong Un.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    std::fs::write(dir.path().join("wide.txt"), utf16).unwrap();
    let o = entgraph(&["extract", "-q", s(dir.path()), "-g", "korea-russia-2019"]);
    assert_eq!(o.status.code(), Some(1), "something was skipped");
    let err = stderr(&o);
    assert!(err.contains("bad.txt:1: invalid UTF-8 at byte 19"), "{err}");
    assert!(
        err.contains("wide.txt: UTF-16 is not supported; convert to UTF-8"),
        "{err}"
    );
    let docs: Vec<String> = json_lines(&stdout(&o))
        .iter()
        .map(|l| l["doc"].as_str().unwrap().to_string())
        .collect();
    assert!(
        docs.iter().all(|d| d.ends_with("ok.txt")) && !docs.is_empty(),
        "{docs:?}"
    );
}

#[test]
fn the_summary_counts_what_the_context_decided() {
    let dir = temp_files(&[
        (
            "places.txt",
            "@type place\nSpain | iso=ES\nVenezuela | iso=VE\n\
+Valencia | id=place:valencia-venezuela | country=Venezuela\n\
Valencia | id=place:valencia-spain | country=Spain\nMadrid\n",
        ),
        (
            "story.txt",
            "Valencia hosted the fair in Spain.\n\nFans of Real Madrid cheered.\n",
        ),
    ]);
    let o = entgraph(&[
        "extract",
        s(&dir.path().join("story.txt")),
        "--no-default-gazetteers",
        "-g",
        s(&dir.path().join("places.txt")),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("names read 1 inside longer names"), "{err}");
    assert!(
        err.contains("shared names decided 1 by the country named"),
        "{err}"
    );
}

#[test]
fn hints_name_only_what_the_user_can_edit() {
    let dir = temp_files(&[
        ("people.txt", "Jane Doe | Monday\n"),
        ("a.txt", "Jane Doe spoke on Monday.\n"),
    ]);
    let o = entgraph(&[
        "extract",
        s(&dir.path().join("a.txt")),
        "-g",
        s(&dir.path().join("people.txt")),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    // The user's own alias, with the line to edit; not the world pack's (`May`).
    assert!(
        err.contains("1 alias set aside as not names (e.g. `Monday` at "),
        "{err}"
    );
    assert!(
        err.contains("people.txt:1: write it `!Monday` to keep it)"),
        "{err}"
    );
    assert!(!err.contains("May"), "{err}");
}

#[test]
fn gazetteer_check_quiet_prints_warnings_but_no_notes_or_tally() {
    let dir = temp_files(&[("people.txt", "Ken Gause\nAnn Bath | Bath\n")]);
    let pack = s(&dir.path().join("people.txt")).to_string();
    let loud = entgraph(&["gazetteer", "check", &pack]);
    assert!(
        stdout(&loud).contains("note: `Ken Gause`"),
        "{}",
        stdout(&loud)
    );
    assert!(
        stderr(&loud).contains("checked 1 file"),
        "{}",
        stderr(&loud)
    );
    let quiet = entgraph(&["gazetteer", "check", "-q", &pack]);
    assert!(quiet.status.success(), "{}", stderr(&quiet));
    let out = stdout(&quiet);
    assert!(out.contains("warning: alias `Bath`"), "{out}");
    assert!(!out.contains("note:"), "{out}");
    assert!(stderr(&quiet).is_empty(), "{}", stderr(&quiet));
}

#[test]
fn completions_and_manual_pages_come_from_the_argument_definitions() {
    let bash = entgraph(&["completions", "bash"]);
    assert!(bash.status.success(), "{}", stderr(&bash));
    let script = stdout(&bash);
    for word in ["extract", "gazetteer", "--min-weight", "--no-team-rule"] {
        assert!(
            script.contains(word),
            "{word} missing from the bash completions"
        );
    }
    let page = entgraph(&["man", "gazetteer", "check"]);
    assert!(page.status.success(), "{}", stderr(&page));
    let roff = stdout(&page);
    assert!(roff.contains(".TH entgraph-gazetteer-check 1"), "{roff}");
    assert!(roff.contains("\\-\\-explain"), "{roff}");
    let wrong = entgraph(&["man", "gazeteer"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        stderr(&wrong).contains("no subcommand `gazeteer`"),
        "{}",
        stderr(&wrong)
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_named_and_cited_without_loss() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_files(&[]);
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(dir.path().join(name), "Vladimir Putin met Kim Jong Un.\n").unwrap();
    // Walked from its folder, and named on the command line.
    for input in [dir.path().to_path_buf(), dir.path().join(name)] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_entgraph"))
            .arg("extract")
            .arg(&input)
            .arg("-q")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let lines = json_lines(&stdout(&o));
        assert_eq!(lines.len(), 2, "{}", stdout(&o));
        let doc = lines[0]["doc"].as_str().unwrap();
        assert!(doc.ends_with("caf\\xE9.txt"), "{doc}");
    }
}

//! The Spark job (`scripts/spark/entgraph_job.py`) in local mode: pyspark's `spark-submit
//! --master local[2]` counts a JSON Lines corpus (the samples in four partitions; 50 MB of
//! generated stories in eight) with the binary shipped by `--files`, tree-reduces the
//! partials, and writes on the driver exactly the files one `build` of the corpus writes;
//! with `--discover`, one discovery of the whole corpus (or of a sample) is shared by every
//! partition. Skipped without pyspark and Java; required when
//! `ENTGRAPH_REQUIRE_EXTERNAL=1`.

use std::path::Path;
use std::process::Command;

use crate::common::*;

/// Whether pyspark and Java are there (a visible skip, or a failure under
/// `ENTGRAPH_REQUIRE_EXTERNAL=1`, when not).
fn spark_ready() -> bool {
    have("python3", &["-c", "import pyspark"]) && have("java", &["-version"])
}

/// Runs the job in local mode on `input`, writing into `out`, with the job's own `args`
/// (`--partitions`, `--`, the options of entgraph...).
fn spark_job(input: &Path, out: &Path, args: &[&str]) -> std::process::Output {
    Command::new("spark-submit")
        .args([
            "--master",
            "local[2]",
            "--files",
            env!("CARGO_BIN_EXE_entgraph"),
        ])
        .arg(root().join("scripts/spark/entgraph_job.py"))
        .args([s(input), s(out)])
        .args(args)
        .env("SPARK_LOCAL_IP", "127.0.0.1")
        .output()
        .unwrap()
}

/// Runs the job on `input` in `partitions` partitions, and `build` on it, with `options`;
/// asserts that both write the same files, byte for byte, and returns them.
fn same_as_build(input: &Path, partitions: usize, options: &[&str]) -> Vec<(String, Vec<u8>)> {
    let dir = tempfile::tempdir().unwrap();
    let (spark, whole) = (dir.path().join("spark"), dir.path().join("whole"));
    let partitions = partitions.to_string();
    let o = spark_job(
        input,
        &spark,
        &[&["--partitions", &partitions, "--"][..], options].concat(),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "spark-submit failed:\n{err}");
    let o = entgraph(&[&["build", s(input), "-o", s(&whole), "-q"][..], options].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let (a, b) = (dir_files(&whole), dir_files(&spark));
    assert!(!a.is_empty());
    assert_eq!(
        a.iter().map(|f| &f.0).collect::<Vec<_>>(),
        b.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{name} differs between the Spark job and build");
    }
    b
}

/// A generated corpus of about 50 MB (`scripts/overview/make_corpus.py`: 72,000 stories
/// about the world pack's entities) in eight partitions.
#[test]
fn the_spark_job_on_fifty_megabytes_in_eight_partitions() {
    if !spark_ready() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news.jsonl");
    let o = Command::new("python3")
        .arg(root().join("scripts/overview/make_corpus.py"))
        .args(["--documents", "72000", "--out", s(&corpus)])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(corpus.metadata().unwrap().len() > 50_000_000);
    same_as_build(&corpus, 8, &["--format", "dot,json,gexf"]);
}

/// The samples as one JSON Lines corpus (the articles dated by a field, then the wire
/// briefs), in a temporary directory.
fn samples_corpus() -> tempfile::TempDir {
    let mut corpus = String::new();
    let mut files: Vec<_> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for p in &files {
        let name = p.file_name().unwrap().to_str().unwrap();
        let doc = serde_json::json!({
            "id": name,
            "date": &name[..10],
            "text": std::fs::read_to_string(p).unwrap(),
        });
        corpus.push_str(&doc.to_string());
        corpus.push('\n');
    }
    corpus.push_str(&std::fs::read_to_string(root().join("samples/wire-briefs.jsonl")).unwrap());
    temp_files(&[("corpus.jsonl", &corpus)])
}

#[test]
fn the_spark_job_builds_the_graph_one_machine_builds() {
    if !spark_ready() {
        return;
    }
    let dir = samples_corpus();
    same_as_build(
        &dir.path().join("corpus.jsonl"),
        4,
        &["-g", "korea-russia-2019", "--format", "all"],
    );
}

/// `--discover` in a Spark job is one discovery over the whole corpus, shared by every
/// partition: the graph is the one `build --discover` writes, discovered entities and all.
#[test]
fn the_spark_job_discovers_names_once_for_the_whole_corpus() {
    if !spark_ready() {
        return;
    }
    let dir = samples_corpus();
    let files = same_as_build(
        &dir.path().join("corpus.jsonl"),
        4,
        &["--format", "all", "--discover"],
    );
    // With the world pack alone, the story's own people are discovered: they are there,
    // once each, though four partitions split the articles that name them.
    let (_, json) = files.iter().find(|(n, _)| n == "graph.json").unwrap();
    let json = String::from_utf8_lossy(json);
    for id in [
        "discovered:person:yury-ushakov",
        "discovered:person:stephen-biegun",
    ] {
        assert_eq!(
            json.matches(&format!("\"id\": \"{id}\"")).count(),
            1,
            "{id}"
        );
    }
}

/// Discovery on a random sample of a corpus too large for the driver to read whole
/// (`--discover-sample`): the job runs and counts the names the sample found in every
/// partition; a fraction outside (0, 1] is refused before Spark starts.
#[test]
fn the_spark_job_can_discover_names_in_a_sample() {
    if !spark_ready() {
        return;
    }
    let dir = samples_corpus();
    let corpus = dir.path().join("corpus.jsonl");
    let job = |out: &str, fraction: &str| {
        spark_job(
            &corpus,
            &dir.path().join(out),
            &[
                "--partitions",
                "2",
                "--discover-sample",
                fraction,
                "--seed",
                "7",
                "--",
                "--discover",
            ],
        )
    };
    let o = job("out", "0.5");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let graph = std::fs::read_to_string(dir.path().join("out/graph.json")).unwrap();
    assert!(
        graph.contains("\"id\": \"discovered:person:"),
        "no discovered person"
    );
    let o = job("none", "0");
    assert!(!o.status.success());
    // spark-submit passes the script's stderr on to its stdout.
    let said = [&o.stdout, &o.stderr].map(|b| String::from_utf8_lossy(b).into_owned());
    assert!(
        said.concat().contains("--discover-sample takes a fraction"),
        "{said:?}"
    );
}

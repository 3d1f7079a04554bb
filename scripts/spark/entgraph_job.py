#!/usr/bin/env python3
"""Build an entgraph graph from a JSON Lines corpus with Apache Spark.

Each partition of the corpus (any path Spark reads: local, HDFS, S3) is counted by the
entgraph binary shipped with the job (`--files`, found with SparkFiles): its lines go to a
temporary file, `entgraph build FILE --partial - --shard INDEX` writes the partition's
partial graph. The partials are tree-reduced with `entgraph merge --partial` (they carry
their partition index, so the order of the reduction does not matter), and the driver
writes the graph with `entgraph merge -o OUT`: the same files `entgraph build` writes for
the whole corpus on one machine, byte for byte.

    spark-submit --master 'local[2]' --files target/release/entgraph \\
        scripts/spark/entgraph_job.py corpus.jsonl out/ -- -g korea-russia-2019 --format dot,json

Everything after `--` is passed to both `build` and `merge` (gazetteers, window, formats,
filters...): they must agree, and merge refuses partials made otherwise. Gazetteer files
named with -g must be readable at the same path on every executor (ship them with
--files and name them by their base name, or use a shared file system); the packs built
into the binary (world, korea-russia-2019) need nothing.

`--discover` (and `--discover-min-docs N`) after `--` is done once for the whole corpus,
as `entgraph build --discover` does it on one machine: the driver reads the corpus (or a
random sample of its documents, `--discover-sample FRACTION`), `entgraph discover` writes
the discovered entities, and every build and merge counts them (`--discovered FILE`,
shipped with the job). The whole corpus gives the files `build --discover` writes; a
sample misses the names seen only outside it.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def binary():
    """The entgraph binary shipped with --files, else ENTGRAPH or one on PATH."""
    try:
        from pyspark import SparkFiles

        shipped = SparkFiles.get("entgraph")
        if os.path.exists(shipped):
            os.chmod(shipped, 0o755)
            return shipped
    except Exception:
        pass
    return os.environ.get("ENTGRAPH") or shutil.which("entgraph") or "entgraph"


def run(args, stdin=None):
    """Runs entgraph; its stdout, or an exception naming what it said."""
    p = subprocess.run([binary()] + args, input=stdin, capture_output=True)
    if p.returncode not in (0, 1):  # 1: some inputs were skipped, the rest counted
        raise RuntimeError(f"entgraph {' '.join(args)} failed: {p.stderr.decode(errors='replace')}")
    return p.stdout


# The options of `entgraph discover` among those of `build`: (names, takes a value).
DISCOVER_OPTIONS = [
    (("-g", "--gazetteer"), True),
    (("--case",), True),
    (("-j", "--threads"), True),
    (("--no-default-gazetteers",), False),
    (("--no-demonyms",), False),
    (("--no-team-rule",), False),
    (("--no-name-rule",), False),
]


def split_discovery(options):
    """`options` without --discover and --discover-min-docs; whether they asked for
    discovery; its minimum of documents; and the options of `entgraph discover` among them
    (gazetteers and matching)."""
    rest, discover, min_docs, for_discover = [], False, None, []
    it = iter(options)
    for o in it:
        name, eq, value = o.partition("=")
        if o == "--discover":
            discover = True
            continue
        if name == "--discover-min-docs":
            min_docs = value if eq else next(it, "")
            continue
        rest.append(o)
        for names, takes_value in DISCOVER_OPTIONS:
            # `-gFILE`: a short option with its value glued on.
            glued = takes_value and any(len(n) == 2 and o.startswith(n) and len(o) > 2 for n in names)
            if name in names or glued:
                for_discover.append(o)
                if takes_value and not eq and not glued:
                    v = next(it, None)
                    if v is not None:
                        rest.append(v)
                        for_discover.append(v)
                break
    return rest, discover, min_docs, for_discover


def discovered_file():
    """The discovered entities shipped with the job (SparkFiles), on this machine."""
    from pyspark import SparkFiles

    return SparkFiles.get("discovered.jsonl")


def with_discovered(options, discovered):
    """`options`, with the shipped discovered entities when the job discovered names (on
    an executor)."""
    return options + (["--discovered", discovered_file()] if discovered else [])


def discover(sc, lines, fraction, seed, min_docs, options, tmp):
    """Runs `entgraph discover` on the driver over the corpus (or a sample of its lines),
    ships the gazetteer it writes to the executors (SparkFiles, `discovered.jsonl`) and
    returns its path on the driver."""
    corpus = os.path.join(tmp, "corpus.jsonl")
    chosen = lines if fraction >= 1.0 else lines.sample(False, fraction, seed)
    with open(corpus, "w", encoding="utf-8") as f:
        for line in chosen.toLocalIterator():
            f.write(line)
            f.write("\n")
    path = os.path.join(tmp, "discovered.jsonl")
    args = ["discover", corpus, "-o", path, "--min-docs", min_docs or "1"] + options
    p = subprocess.run([binary()] + args, capture_output=True)
    if p.returncode not in (0, 1):
        raise RuntimeError(f"entgraph {' '.join(args)} failed: {p.stderr.decode(errors='replace')}")
    sys.stderr.write(p.stderr.decode(errors="replace"))
    sc.addFile(path)
    return path


def partition_partial(index, lines, options, discovered=False):
    """The partial graph of one partition, as bytes (one item)."""
    options = with_discovered(options, discovered)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, f"part-{index:05d}.jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for line in lines:
                f.write(line)
                f.write("\n")
        yield index, run(["build", corpus, "--partial", "-", "--shard", str(index), "-q"] + options)


def merge_two(a, b, options, discovered=False):
    """Two partials merged into one (partials keyed by shard merge in any order)."""
    options = with_discovered(options, discovered)
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, data in enumerate((a[1], b[1])):
            path = os.path.join(tmp, f"p{k}.jsonl")
            with open(path, "wb") as f:
                f.write(data)
            paths.append(path)
        return min(a[0], b[0]), run(["merge"] + paths + ["--partial", "-", "-q"] + options)


def main(argv):
    if "--" in argv:
        cut = argv.index("--")
        argv, options = argv[:cut], argv[cut + 1 :]
    else:
        options = []
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="a JSON Lines corpus: any path or glob Spark reads")
    ap.add_argument("out", help="the output directory, on the driver")
    ap.add_argument("--partitions", type=int, default=0, help="at least this many partitions")
    ap.add_argument("--depth", type=int, default=2, help="depth of the tree reduction")
    ap.add_argument(
        "--discover-sample",
        type=float,
        default=1.0,
        metavar="FRACTION",
        help="with --discover: find the names in this random fraction of the documents "
        "(default 1: all of them, as build --discover)",
    )
    ap.add_argument("--seed", type=int, default=20190425, help="the sample's seed")
    a = ap.parse_args(argv)
    options, discovers, min_docs, for_discover = split_discovery(options)
    if min_docs is not None and not discovers:
        ap.error("--discover-min-docs (after --) needs --discover")
    if not 0.0 < a.discover_sample <= 1.0:
        ap.error("--discover-sample takes a fraction above 0 and at most 1")

    from pyspark import SparkContext

    sc = SparkContext.getOrCreate()
    lines = sc.textFile(a.corpus, minPartitions=a.partitions or sc.defaultParallelism)
    with tempfile.TemporaryDirectory() as tmp:
        found = None
        if discovers:
            found = discover(sc, lines, a.discover_sample, a.seed, min_docs, for_discover, tmp)
        partials = lines.mapPartitionsWithIndex(
            lambda i, it: partition_partial(i, it, options, discovers)
        )
        _, merged = partials.treeReduce(
            lambda x, y: merge_two(x, y, options, discovers), depth=a.depth
        )
        path = os.path.join(tmp, "merged.jsonl")
        with open(path, "wb") as f:
            f.write(merged)
        final = options + (["--discovered", found] if found else [])
        p = subprocess.run([binary(), "merge", path, "-o", a.out] + final)
    sc.stop()
    return p.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

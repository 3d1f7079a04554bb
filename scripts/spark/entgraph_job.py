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


def partition_partial(index, lines, options):
    """The partial graph of one partition, as bytes (one item)."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, f"part-{index:05d}.jsonl")
        with open(corpus, "w", encoding="utf-8") as f:
            for line in lines:
                f.write(line)
                f.write("\n")
        yield index, run(["build", corpus, "--partial", "-", "--shard", str(index), "-q"] + options)


def merge_two(a, b, options):
    """Two partials merged into one (partials keyed by shard merge in any order)."""
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
    a = ap.parse_args(argv)

    from pyspark import SparkContext

    sc = SparkContext.getOrCreate()
    lines = sc.textFile(a.corpus, minPartitions=a.partitions or sc.defaultParallelism)
    partials = lines.mapPartitionsWithIndex(lambda i, it: partition_partial(i, it, options))
    _, merged = partials.treeReduce(lambda x, y: merge_two(x, y, options), depth=a.depth)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "merged.jsonl")
        with open(path, "wb") as f:
            f.write(merged)
        p = subprocess.run([binary(), "merge", path, "-o", a.out] + options)
    sc.stop()
    return p.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

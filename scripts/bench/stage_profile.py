#!/usr/bin/env python3
"""Where one-thread `entgraph build` spends its time, by stage, from a `perf` profile.

Runs `perf record` on the same build that peers.py measures (one thread, the benchmark's
corpus and gazetteer, `--case exact --no-demonyms`), then groups the self time of every
symbol into the pipeline's stages: reading and JSON decoding, normalization, the word index
scan and the matcher's rules, segmentation, linking, allocation, threads and kernel, other.

    python3 scripts/bench/stage_profile.py                # corpus-100MB, gaz-200
    python3 scripts/bench/stage_profile.py --corpus target/bench-inputs/corpus-100MB.jsonl \
        --gazetteer target/bench-inputs/gaz-100k

Needs `perf` (Debian: linux-perf) and the inputs of make_inputs.py; the release profile
keeps debug info, so symbols resolve. Prints a Markdown table.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
INPUTS = os.path.join(REPO, "target", "bench-inputs")

# (stage, pattern over the symbol name), first match wins.
STAGES = [
    # The word index's per-word loop is inlined into Matcher::candidates, so the scan and
    # the rules applied to its hits are one stage.
    ("matching (word index scan, leftmost-longest, case, senses, ambiguity)",
     r"WordIndex::|matcher::|bytes::imp::word_masks|memcmp|FxHash|hash_one|smallsort|"
     r"quicksort|insertion_sort"),
    ("normalization (folding case, variants, offset map)",
     r"normalize::|bytes::imp::copy_masks"),
    ("segmentation (paragraphs, sentences)",
     r"segment::|trim|memchr::|CharSearcher"),
    ("reading and JSON decoding", r"serde_json|corpus::|from_utf8|memmove|memcpy|\bread\b"),
    ("linking (pairs per sentence)", r"link::"),
    ("allocation", r"malloc|free|realloc|_int_|unlink_chunk|consolidate"),
    ("threads and kernel", r"\[k\]|futex|syscall|pthread"),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.path.join(INPUTS, "corpus-100MB.jsonl"))
    ap.add_argument("--gazetteer", default=os.path.join(INPUTS, "gaz-200"))
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--binary", default=os.path.join(REPO, "target", "release", "entgraph"))
    ap.add_argument("--top", type=int, default=12, help="also list the N hottest symbols")
    args = ap.parse_args()
    for p in (args.corpus, args.gazetteer, args.binary):
        if not os.path.exists(p):
            sys.exit(f"{p} is missing (python3 scripts/bench/make_inputs.py; "
                     "cargo build --release)")
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "perf.data")
        cmd = ["perf", "record", "-q", "-o", data, "--", args.binary, "build", args.corpus,
               "--no-default-gazetteers", "-g", args.gazetteer, "-o", os.path.join(tmp, "out"),
               "--threads", str(args.threads), "--case", "exact", "--no-demonyms"]
        run = subprocess.run(cmd, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(f"perf record failed ({run.returncode}): {run.stderr.strip()[-500:]}")
        summary = [line for line in run.stderr.splitlines() if " documents, " in line]
        report = subprocess.run(
            ["perf", "report", "-i", data, "--no-children", "--stdio", "--sort", "sym"],
            capture_output=True, text=True, check=True).stdout
    rows = []
    for line in report.splitlines():
        m = re.match(r"\s*([\d.]+)%\s+(\[.\])\s+(.*)", line)
        if m:
            rows.append((float(m.group(1)), f"{m.group(2)} {m.group(3).strip()}"))
    totals = {name: 0.0 for name, _ in STAGES}
    totals["other"] = 0.0
    for share, sym in rows:
        for name, pat in STAGES:
            if re.search(pat, sym):
                totals[name] += share
                break
        else:
            totals["other"] += share
    shown = [os.path.relpath(c, REPO) if c.startswith(REPO) else c for c in cmd[6:]]
    shown = ["OUT" if c.startswith(tmp) else c for c in shown]
    print(f"`{' '.join(shown)}`")
    if summary:
        print(f"\n{summary[-1].strip()}\n")
    print("| stage | share of samples |\n|---|---:|")
    for name, share in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {share:.1f}% |")
    print("\n| hottest symbols | self |\n|---|---:|")
    for share, sym in rows[:args.top]:
        print(f"| `{sym[4:][:90]}` | {share:.1f}% |")


if __name__ == "__main__":
    main()

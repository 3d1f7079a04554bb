#!/usr/bin/env python3
"""Peak memory of `entgraph build` on one long document, against the same text as JSON Lines.

Writes the text of `target/bench-inputs/corpus-100MB.jsonl` (make_inputs.py) cycled into one
text file of --mb × 10^6 bytes, documents separated by blank lines, and runs
`entgraph build` on it (read in parts) and on the first --whole-mb of it as one JSON Lines
document (read whole), reporting wall time and peak RSS (`/usr/bin/time`). The ratio of peak
memory to document size is the figure the README quotes.

    python3 scripts/bench/long_document.py --mb 1000 --whole-mb 200
"""
import argparse
import json
import os
import subprocess
import tempfile


def peak(cmd):
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, capture_output=True, text=True, check=True)
    secs, kb = out.stderr.strip().splitlines()[-1].split()
    return float(secs), int(kb) / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, default=1000, help="size of the long document, 10^6 bytes")
    ap.add_argument("--whole-mb", type=int, default=200, help="size of the JSON Lines document read whole")
    ap.add_argument("--corpus", default="target/bench-inputs/corpus-100MB.jsonl")
    ap.add_argument("--bin", default="target/release/entgraph")
    args = ap.parse_args()
    texts = [json.loads(line)["text"] for line in open(args.corpus, encoding="utf-8")]
    with tempfile.TemporaryDirectory() as tmp:
        long_path = os.path.join(tmp, "long.txt")
        with open(long_path, "wb") as out:
            n, i = 0, 0
            while n < args.mb * 10**6:
                chunk = (texts[i % len(texts)] + "\n\n").encode()
                out.write(chunk[: args.mb * 10**6 - n])
                n += len(chunk)
                i += 1
        with open(long_path, "rb") as f:
            head = f.read(args.whole_mb * 10**6).decode("utf-8", "ignore")
        whole_path = os.path.join(tmp, "whole.jsonl")
        with open(whole_path, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "whole", "text": head}) + "\n")
        for name, path, mb in [("text file, in parts", long_path, args.mb), ("JSON Lines, whole", whole_path, args.whole_mb)]:
            secs, peak_mb = peak([args.bin, "build", path, "-o", os.path.join(tmp, "out"), "-q"])
            print(f"{name}: {mb} MB document, {secs:.1f} s, peak {peak_mb:.0f} MB ({peak_mb / mb:.1%} of its size)")


if __name__ == "__main__":
    main()

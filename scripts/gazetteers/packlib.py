"""What the world pack's generators share: the slug of a label, an alias field's markers,
and writing a generated file or checking that it is up to date (`--check`)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKERS = "~!+"


def slug(label: str) -> str:
    """`Côte d'Ivoire` -> `côte-d-ivoire`: runs of other characters become one `-`."""
    return re.sub(r"[\W_]+", "-", label.lower()).strip("-")


def split_marker(field: str) -> tuple[str, str]:
    """(markers, text) of an alias field: `~!Next` -> (`~!`, `Next`)."""
    i = 0
    while i < len(field) and field[i] in MARKERS:
        i += 1
    return field[:i], field[i:]


def write_or_check(out: Path, text: str, check: bool, summary: str) -> int:
    """With `check`, 1 (and a line on stderr) when `out` does not hold `text`; else writes
    it and prints `summary`. The exit status."""
    name = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    if check:
        if not out.exists() or out.read_text(encoding="utf-8") != text:
            print(f"out of date: {name}", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {name}: {summary}")
    return 0

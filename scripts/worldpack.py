"""The world pack's names as the data generators of `data/` read them: one reader of
`gazetteers/world/*.txt` (comments, `@type` lines, `type=`, alias markers and `key=value`
fields), shared by `gen_given_names.py` and `gen_nationality_words.py`."""
import pathlib
import re
from typing import Iterator, NamedTuple

ROOT = pathlib.Path(__file__).resolve().parent.parent


class Field(NamedTuple):
    """One alias or demonym of an entity of the world pack."""

    text: str
    # The entity's type: the file's `@type`, or the line's `type=` (`person` for people.txt).
    kind: str | None
    demonym: bool
    # Written `~Name`: a short form anchored to the entity's full name.
    anchored: bool


def fields() -> Iterator[Field]:
    """Every alias and demonym of the world pack, file by file in name order."""
    for path in sorted((ROOT / "gazetteers" / "world").glob("*.txt")):
        kind = "person" if path.name == "people.txt" else None
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"(^|\s)#.*$", "", raw).strip()
            if line.startswith("@type"):
                kind = line.split()[1] if len(line.split()) > 1 else None
            if not line or line.startswith("@"):
                continue
            parts = line.split("|")
            typed = [f.strip()[5:] for f in parts if f.strip().startswith("type=")]
            line_kind = typed[0] if typed else kind
            for part in parts:
                anchored = part.strip().startswith("~")
                text = part.strip().lstrip("~!+").strip()
                if text.startswith("demonym="):
                    yield Field(text[len("demonym="):].strip(), line_kind, True, False)
                elif text and not re.match(r"^[a-z_]+=", text):
                    yield Field(text, line_kind, False, anchored)

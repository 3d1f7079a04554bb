"""Reads entgraph's GEXF, GraphML and CSV files with the libraries their users run, and
prints what each reader saw as one JSON object (tests/formats.rs compares it with
graph.json):

    {"<reader>": {"nodes": N, "edges": M, "labels": [sorted labels],
                  "weights": [[low id, high id, weight], ...] sorted,
                  "attr": value of one node's `note` attribute, or null}}

Readers: networkx.read_gexf (GEXF 1.3), networkx.read_graphml, igraph.Graph.Read_GraphML,
and Python's csv module (nodes.csv and edges.csv, headers checked). A reader whose library
is missing is reported as {"missing": "<module>"}.

Usage: python3 tests/readers/formats.py OUT_DIR
"""

import csv
import json
import os
import sys


def summary(labels, weights, attr):
    return {
        "nodes": len(labels),
        "edges": len(weights),
        "labels": sorted(labels),
        "weights": sorted([min(a, b), max(a, b), float(w)] for a, b, w in weights),
        "attr": attr,
    }


def from_networkx(g):
    labels = [d["label"] for _, d in g.nodes(data=True)]
    weights = [(a, b, d["weight"]) for a, b, d in g.edges(data=True)]
    notes = [d["note"] for _, d in g.nodes(data=True) if "note" in d]
    return summary(labels, weights, notes[0] if notes else None)


def main():
    out = sys.argv[1]
    seen = {}
    try:
        import networkx as nx

        seen["networkx_gexf"] = from_networkx(nx.read_gexf(os.path.join(out, "graph.gexf"), version="1.3"))
        seen["networkx_graphml"] = from_networkx(nx.read_graphml(os.path.join(out, "graph.graphml")))
    except ImportError:
        seen["networkx_gexf"] = seen["networkx_graphml"] = {"missing": "networkx"}
    try:
        import igraph

        g = igraph.Graph.Read_GraphML(os.path.join(out, "graph.graphml"))
        ids = g.vs["id"]
        weights = [(ids[e.source], ids[e.target], e["weight"]) for e in g.es]
        notes = [n for n in g.vs["note"] if n] if "note" in g.vs.attributes() else []
        seen["igraph_graphml"] = summary(g.vs["label"], weights, notes[0] if notes else None)
    except ImportError:
        seen["igraph_graphml"] = {"missing": "igraph"}
    with open(os.path.join(out, "nodes.csv"), newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with open(os.path.join(out, "edges.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        edges = list(reader)
        edge_header = reader.fieldnames
    with open(os.path.join(out, "nodes.csv"), newline="", encoding="utf-8") as f:
        node_header = next(csv.reader(f))
    assert node_header[:2] == ["Id", "Label"], node_header
    assert edge_header[:4] == ["Source", "Target", "Type", "Weight"], edge_header
    assert all(e["Type"] == "Undirected" for e in edges)
    notes = [n["note"] for n in nodes if n.get("note")]
    seen["csv"] = summary(
        [n["Label"] for n in nodes],
        [(e["Source"], e["Target"], e["Weight"]) for e in edges],
        notes[0] if notes else None,
    )
    print(json.dumps(seen))


if __name__ == "__main__":
    main()

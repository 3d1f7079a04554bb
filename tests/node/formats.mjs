// Reads entgraph's GEXF with graphology-gexf and its Cytoscape.js JSON with cytoscape
// (headless), and prints what each saw as one JSON object, compared with graph.json by
// tests/formats.rs:
//   {"<reader>": {"nodes", "edges", "labels": [sorted], "weights": [[low, high, w]] sorted,
//                 "attr": the `note` attribute of the one node that has it, or null}}
// The cytoscape entry also has "positions": how many nodes came with a position.
// Usage: node tests/node/formats.mjs OUT_DIR
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import cytoscape from 'cytoscape';

const out = process.argv[2];

function summary(labels, weights, attr) {
  const sorted = weights
    .map(([a, b, w]) => (a < b ? [a, b, Number(w)] : [b, a, Number(w)]))
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[2] - y[2]));
  // Sorted by UTF-16 code units here, by bytes in Rust: sort labels as Rust does.
  const byBytes = (x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y));
  return { nodes: labels.length, edges: weights.length, labels: [...labels].sort(byBytes), weights: sorted, attr };
}

const seen = {};

const g = gexf.parse(Graph, readFileSync(join(out, 'graph.gexf'), 'utf8'));
const labels = [];
let note = null;
g.forEachNode((id, a) => {
  labels.push(a.label);
  if (a.note !== undefined) note = a.note;
});
const weights = [];
g.forEachEdge((e, a, source, target) => weights.push([source, target, a.weight]));
seen.graphology_gexf = summary(labels, weights, note);

const cyjs = JSON.parse(readFileSync(join(out, 'graph.cyjs'), 'utf8'));
const cy = cytoscape({ headless: true, elements: cyjs.elements });
const cyNote = cy.nodes().map((n) => n.data('note')).find((v) => v !== undefined) ?? null;
seen.cytoscape = summary(
  cy.nodes().map((n) => n.data('label')),
  cy.edges().map((e) => [e.data('source'), e.data('target'), e.data('weight')]),
  cyNote,
);
seen.cytoscape.positions = cyjs.elements.nodes.filter((n) => n.position && Number.isFinite(n.position.x)).length;

console.log(JSON.stringify(seen));

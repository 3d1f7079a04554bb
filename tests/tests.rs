//! Integration tests: one binary, one module per topic.

// The `entgraph` binary end to end: arguments, files, stdout, exit codes.
mod cli;
// Shared helpers: paths, the seed articles, external programs.
mod common;
// Edge weights against a brute-force count on random documents; order independence.
mod graph;
// Graphviz and networkx read what we write.
mod external;
// The overview graph.dot draws of a large graph.
mod overview;
// GEXF, GraphML, CSV and Cytoscape.js read back by their users' readers.
mod formats;
// The HTML explorer in headless Chromium.
mod explorer;
// Dated documents: timelines, periods, --since/--until, the dynamic GEXF.
mod timeline;
// Partial graphs and merge.
mod partial;
// The Spark job in local mode.
mod spark;
// output/ is what the README's main command writes.
mod output;
// The five real example articles in ../shared/seeds/.
mod seeds;
// `entgraph gazetteer check`: lints, stats, --explain.
mod gazetteer_cmd;
// `entgraph build`'s output directory: kept on failure, written as a set.
mod outputs_cmd;
// `entgraph suggest`.
mod suggest_cmd;
// `--discover`: names no gazetteer lists, one entity each.
mod discover;
// The guides' console examples, run and checked.
mod docs;
// Property tests over generated hostile input (`cargo test --release fuzz`).
mod fuzz;

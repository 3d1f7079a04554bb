//! Integration tests: one binary, one module per topic.

// The `entgraph` binary end to end: arguments, files, stdout, exit codes.
mod cli;
// Shared helpers: paths, the seed articles, external programs.
mod common;

//! Checking gazetteers: lints over a loaded gazetteer.

//! Suggesting gazetteer entries: names in a corpus that the loaded gazetteers do not cover.

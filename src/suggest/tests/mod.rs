//! The suggestion pass end to end, on small texts: each test states a behaviour of
//! `entgraph suggest` (and so of `--discover`) as a whole, and owns no rule. By concern:
//! which words make a candidate (`runs`), the cues beside a name that type it (`cues`), what
//! a name's own words and its whole entry say of its type (`types`), spellings and short
//! forms grouped into one entry (`group`), and ranking, examples and the two writers
//! (`output`). This file holds the shared gazetteer and helpers only.

mod cues;
mod group;
mod output;
mod runs;
mod types;

use super::*;

const GAZ: &str = "@type person\n\
    Vladimir Putin | Putin\n\
    Kim Jong Un | Kim Jong-un | ~Kim\n\
    Sergei Lavrov | Lavrov\n\
    @type organization\n\
    Kremlin\n\
    Central News Agency | ~CNA\n\
    @type place\n\
    Moscow\n\
    Russia | demonym=Russian\n\
    Vladivostok\n";

fn run_with(gaz: &str, docs: &[&str], opts: &SuggestOptions) -> Vec<Suggestion> {
    let g = Gazetteer::from_str("test.txt", gaz).unwrap();
    let m = Matcher::new(&g).unwrap();
    suggest_texts(docs, &g, &m, opts)
}

fn run(docs: &[&str]) -> Vec<Suggestion> {
    run_with(GAZ, docs, &SuggestOptions::default())
}

fn labels(s: &[Suggestion]) -> Vec<&str> {
    s.iter().map(|s| s.label.as_str()).collect()
}

/// Asserts that no suggestion labelled `label` is typed `kind` (there may be none at all).
fn not_typed(s: &[Suggestion], label: &str, kind: Option<&str>) {
    assert!(
        s.iter()
            .all(|x| x.label != label || x.kind.as_deref() != kind),
        "{label} typed {kind:?}: {s:?}"
    );
}

/// Asserts that each (label, cue) of `cases` is a suggestion typed `kind` by that cue.
fn typed(s: &[Suggestion], kind: &str, cases: &[(&str, &str)]) {
    for (label, cue) in cases {
        let p = find(s, label);
        assert_eq!(p.kind.as_deref(), Some(kind), "{p:?}");
        assert_eq!(p.cue, *cue, "{p:?}");
    }
}

fn find<'a>(s: &'a [Suggestion], label: &str) -> &'a Suggestion {
    s.iter()
        .find(|s| s.label == label)
        .unwrap_or_else(|| panic!("no {label:?} in {:?}", labels(s)))
}

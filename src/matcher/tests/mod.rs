//! The matcher's tests: rules on small gazetteers, explanations, and the property that
//! the word index finds exactly what the automaton finds (`rules`); the context rules for
//! teams, names inside names and surnames (`context`); the cues that decide a shared or
//! anchored name and the shape of a name's span (`senses`). Must not reach past the public
//! API except for the scan kinds.

use super::*;

fn e(index: usize) -> EntityId {
    EntityId::new(index)
}

fn matcher(gaz: &str) -> (Gazetteer, Matcher) {
    let g = Gazetteer::from_str("test.txt", gaz).unwrap();
    let m = Matcher::new(&g).unwrap();
    (g, m)
}

/// (matched text, entity label) pairs.
fn run(gaz: &str, text: &str) -> Vec<(String, String)> {
    let (g, m) = matcher(gaz);
    m.find(text)
        .mentions
        .iter()
        .map(|x| {
            (
                text[x.span.range()].to_string(),
                g.entity(x.entity).label.clone(),
            )
        })
        .collect()
}

macro_rules! t {
    ($name:ident, $gaz:expr, $text:expr, [$(($m:expr, $l:expr)),* $(,)?]) => {
        #[test]
        fn $name() {
            let got = run($gaz, $text);
            let want: Vec<(String, String)> = vec![$(($m.to_string(), $l.to_string())),*];
            assert_eq!(got, want, "text: {:?}", $text);
        }
    };
}

/// (matched text, entity id, team flag) of the mentions of `text` with gazetteer `gaz`,
/// the teams derived as a run derives them.
fn with_teams(gaz: &str, text: &str) -> Vec<(String, String, bool)> {
    let mut g = Gazetteer::from_str("test.txt", gaz).unwrap();
    g.add_teams();
    let m = Matcher::new(&g).unwrap();
    m.find(text)
        .mentions
        .iter()
        .map(|x| {
            (
                text[x.span.range()].to_string(),
                g.entity(x.entity).id.clone(),
                x.team,
            )
        })
        .collect()
}

// After the macro and helpers, which the submodules use.
mod context;
mod rules;
mod senses;

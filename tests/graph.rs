//! The graph against a brute-force count on random documents, and its independence from
//! document order and thread count.

use std::collections::{BTreeMap, BTreeSet};

use entgraph::link::{Cooccurrence, DocInput, Window};
use entgraph::{graph, segment, Gazetteer, Matcher};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const NAMES: &[&str] = &[
    "Anna Petrova",
    "Boris Ivanov",
    "Chen Wei",
    "Dara Okafor",
    "Elif Kaya",
    "Farid Haddad",
    "Vladivostok",
    "Pyongyang",
    "Ulsan",
    "Tromso",
];
// No title words (`president`, `trade`): a place before a title and a name describes the
// person and is not linked (see `Mention::describes`), which this count does not model.
const FILLER: &[&str] = &[
    "met", "with", "and", "spoke", "near", "later", "about", "talks", "the", "port",
];

fn gazetteer() -> Gazetteer {
    let mut text = String::from("@type person\n");
    for n in &NAMES[..6] {
        text.push_str(n);
        text.push('\n');
    }
    text.push_str("@type place\n");
    for n in &NAMES[6..] {
        text.push_str(n);
        text.push('\n');
    }
    Gazetteer::from_str("random.txt", &text).unwrap()
}

/// A random document and, per sentence, the set of name indices it contains.
fn random_doc(rng: &mut Rng) -> (String, Vec<BTreeSet<usize>>) {
    let mut text = String::new();
    let mut truth = Vec::new();
    let paragraphs = 1 + rng.below(4);
    for p in 0..paragraphs {
        if p > 0 {
            text.push_str("\n\n");
        }
        for s in 0..1 + rng.below(5) {
            if s > 0 {
                text.push(' ');
            }
            let mut set = BTreeSet::new();
            let words = 3 + rng.below(8);
            let mut sentence = Vec::new();
            for _ in 0..words {
                if rng.below(3) == 0 {
                    let i = rng.below(NAMES.len());
                    set.insert(i);
                    sentence.push(NAMES[i].to_string());
                } else {
                    sentence.push(FILLER[rng.below(FILLER.len())].to_string());
                }
            }
            // Sentences start with a capitalized filler word and end with a full stop.
            text.push_str("Then ");
            text.push_str(&sentence.join(" "));
            text.push('.');
            truth.push(set);
        }
    }
    (text, truth)
}

fn counts_for(
    docs: &[(String, Vec<BTreeSet<usize>>)],
    order: &[usize],
    m: &Matcher,
) -> Cooccurrence {
    let mut total = Cooccurrence::default();
    for &i in order {
        let text = &docs[i].0;
        let seg = segment::segment(text);
        let found = m.find(text);
        let doc = DocInput {
            seq: i as u64,
            id: "doc",
            text,
            segments: &seg,
            mentions: &found.mentions,
            date: None,
        };
        total.merge(Cooccurrence::document(doc, Window::Sentence, 2), 2);
    }
    total
}

#[test]
fn edge_weights_equal_a_brute_force_count_in_any_document_order() {
    let g = gazetteer();
    let m = Matcher::new(&g).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..20 {
        let docs: Vec<_> = (0..1 + rng.below(12))
            .map(|_| random_doc(&mut rng))
            .collect();
        // Brute force: for every sentence, every pair of distinct names in it.
        let mut expected: BTreeMap<(String, String), (u64, BTreeSet<usize>)> = BTreeMap::new();
        for (d, (_, sentences)) in docs.iter().enumerate() {
            for set in sentences {
                let ids: Vec<String> = set
                    .iter()
                    .map(|&i| g.entity(entgraph::model::EntityId::new(i)).id.clone())
                    .collect();
                for a in 0..ids.len() {
                    for b in a + 1..ids.len() {
                        let key = if ids[a] < ids[b] {
                            (ids[a].clone(), ids[b].clone())
                        } else {
                            (ids[b].clone(), ids[a].clone())
                        };
                        let e = expected.entry(key).or_default();
                        e.0 += 1;
                        e.1.insert(d);
                    }
                }
            }
        }
        let forward: Vec<usize> = (0..docs.len()).collect();
        let mut shuffled = forward.clone();
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i + 1));
        }
        let opts = graph::GraphOptions::default();
        let a = graph::build(&counts_for(&docs, &forward, &m), &g, &opts).unwrap();
        let b = graph::build(&counts_for(&docs, &shuffled, &m), &g, &opts).unwrap();
        assert_eq!(a, b, "round {round}: graph depends on document order");
        let got: BTreeMap<(String, String), (u64, u64)> = a
            .edges
            .iter()
            .map(|e| ((e.source.clone(), e.target.clone()), (e.count, e.documents)))
            .collect();
        let want: BTreeMap<(String, String), (u64, u64)> = expected
            .into_iter()
            .map(|(k, (n, d))| (k, (n, d.len() as u64)))
            .collect();
        assert_eq!(got, want, "round {round}");
    }
}

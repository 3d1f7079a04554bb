//! Grouping the forms of the corpus into entries: spellings of a person's given names are
//! merged (`Yury Ushakov`, `Yuri Ushakov`), and each short form (a surname, a first word, an
//! acronym) joins the name it stands for in its documents, anchored when it is common or
//! stands for several names, unless it is a name of its own written alone far more often
//! than the rare longer name it fits (`Hollywood`, not `Hollywood Boulevard`). Owns which
//! forms go together only: the pairwise rules are `variants`'s, what an entry shows is
//! `entry`'s.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};

use super::cues::{decide, only_speech, Kind};
use super::document::word_key;
use super::form::{summed_cues, Form};
use super::known::folded_words;
use super::lexicon::is_ordinary;
use super::variants::{attaches, initials, same_given_name, translit_key};
use crate::matcher::{ends_in_legal_form, legal_form_cuts};
use crate::text::words::{is_given_name, is_place_head};

/// Members of one suggested entry.
#[derive(Debug, Default)]
pub(crate) struct Group {
    /// The full forms (indices into the forms), in index order.
    pub(crate) full: Vec<usize>,
    /// The short forms that stand for the name.
    pub(crate) short: Vec<ShortMember>,
    /// Longer forms that hold a full form of the name but which it [stands
    /// apart](stands_apart) from (`Nordic Tavora` for `Tavora`): what they are says what
    /// the name is when its own words and cues say nothing.
    pub(crate) longer: Vec<usize>,
}

/// A short form in an entry.
#[derive(Debug, Clone)]
pub(crate) struct ShortMember {
    /// The form (an index into the forms).
    pub(crate) form: usize,
    /// Listed anchored (`~Ushakov`): a common word, or shared by several names.
    pub(crate) anchored: bool,
    /// The occurrences counted for this entry.
    pub(crate) mentions: u64,
    /// The documents counted for this entry.
    pub(crate) docs: BTreeSet<u32>,
}

/// The forms grouped into entries, in order of each entry's first form; entries made of
/// short forms only are left out. A one-word English word is a form of its own when
/// exactly one listed organization anchors it (`anchors`) and the corpus writes it in lower
/// case seldom (`anchor_lower`: how often).
pub(crate) fn group(
    forms: &[Form],
    anchors: &FxHashSet<u64>,
    anchor_lower: &FxHashMap<u64, u64>,
) -> Vec<Group> {
    let n = forms.len();
    let eligible: Vec<bool> = forms
        .iter()
        .map(|f| f.eligible() || f.anchored_by_one(anchors, anchor_lower))
        .collect();
    let mut sets = Sets::new(n);
    merge_spellings(forms, &eligible, &mut sets);
    merge_legal_forms(forms, &eligible, &mut sets);
    merge_plural_spellings(forms, &eligible, &mut sets);
    let short = attach_short_forms(forms, &eligible, anchors, &mut sets);
    let mut groups: BTreeMap<usize, Group> = BTreeMap::new();
    for (i, &e) in eligible.iter().enumerate() {
        if e && !short.is_short[i] {
            let r = sets.find(i);
            groups.entry(r).or_default().full.push(i);
        }
    }
    for att in short.attached {
        join(&mut groups, forms, &eligible, att);
    }
    for (s, longs) in short.apart {
        if let Some(g) = groups.get_mut(&sets.find(s)) {
            g.longer.extend(longs);
        }
    }
    groups
        .into_values()
        .filter(|g| !g.full.is_empty())
        .collect()
}

/// Disjoint sets of forms (union-find); a set's root is its smallest form.
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    /// Each of `n` forms alone.
    fn new(n: usize) -> Sets {
        Sets {
            parent: (0..n).collect(),
        }
    }

    /// The root of the set of form `i`.
    fn find(&mut self, mut i: usize) -> usize {
        let parent = &mut self.parent;
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }

    /// Merges the sets of forms `a` and `b`.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

/// Merges the spelling variants of a person's given names (`Yury Ushakov`, `Yuri Ushakov`):
/// eligible person-like forms with the same surname and as many words, each given name a
/// spelling of the other's.
fn merge_spellings(forms: &[Form], eligible: &[bool], sets: &mut Sets) {
    let mut by_surname: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in forms.iter().enumerate() {
        if eligible[i] && f.words.len() >= 2 && f.person_like() {
            if let Some(last) = f.words.last() {
                by_surname.entry(last.as_str()).or_default().push(i);
            }
        }
    }
    for members in by_surname.values() {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                let (wa, wb) = (&forms[a].words, &forms[b].words);
                if wa.len() == wb.len()
                    && wa[..wa.len() - 1]
                        .iter()
                        .zip(&wb[..wb.len() - 1])
                        .all(|(p, q)| same_given_name(p, q))
                {
                    sets.union(a, b);
                }
            }
        }
    }
}

/// A company's name with its legal form and without it are one name (`Daniels
/// Pharmaceuticals Inc` and `Daniels Pharmaceuticals`, `Norwest Corp.` and `Norwest`), as
/// the matcher reads a listed company's name followed by one: what the name without it
/// says of its type alone (a given name first) gives way to the legal form.
fn merge_legal_forms(forms: &[Form], eligible: &[bool], sets: &mut Sets) {
    // The few names that end in a legal form, and each name without it.
    let mut cuts: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, f) in forms.iter().enumerate() {
        let name = f.surface();
        if eligible[i] && f.words.len() >= 2 && ends_in_legal_form(name) {
            cuts.extend(legal_form_cuts(name).map(|cut| (i, folded_words(cut))));
        }
    }
    if cuts.is_empty() {
        return;
    }
    // The form written like each cut (the last, if several are).
    let wanted: HashSet<&[String]> = cuts.iter().map(|(_, w)| w.as_slice()).collect();
    let mut named: HashMap<&[String], usize> = HashMap::new();
    for (j, f) in forms.iter().enumerate() {
        if eligible[j] && wanted.contains(f.words.as_slice()) {
            named.insert(f.words.as_slice(), j);
        }
    }
    for (i, words) in &cuts {
        if let Some(&j) = named.get(words.as_slice()) {
            sets.union(*i, j);
        }
    }
}

/// A body's name written with a word in the plural and in the singular is one name
/// (`Trades Union Congress`, `Trade Unions Congress`): eligible forms of two words or more
/// with a head word, the same last word, and the same other words but for a final `s`.
/// A person's name is left alone (`John Williams` is not `John William`).
fn merge_plural_spellings(forms: &[Form], eligible: &[bool], sets: &mut Sets) {
    let mut by_key: BTreeMap<Vec<&str>, usize> = BTreeMap::new();
    for (i, f) in forms.iter().enumerate() {
        if !eligible[i] || f.words.len() < 2 || f.person_like() {
            continue;
        }
        let last = f.words.len() - 1;
        let key: Vec<&str> = f
            .words
            .iter()
            .enumerate()
            .map(|(k, w)| match w.strip_suffix('s') {
                Some(stem) if k < last && stem.len() >= 3 && !stem.ends_with('s') => stem,
                _ => w.as_str(),
            })
            .collect();
        match by_key.get(&key) {
            Some(&j) => sets.union(i, j),
            None => {
                by_key.insert(key, i);
            }
        }
    }
}

/// What a key of the [`LongerIndex`] is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum KeyKind {
    /// The last word (`ushakov`).
    LastWord,
    /// The first word (`kwon`).
    FirstWord,
    /// The transliteration key of the last word ([`translit_key`]).
    Transliteration,
    /// The initials ([`initials`]: `fefu`).
    Initials,
}

/// A key of the [`LongerIndex`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct IndexKey {
    kind: KeyKind,
    word: String,
}

impl IndexKey {
    fn new(kind: KeyKind, word: String) -> IndexKey {
        IndexKey { kind, word }
    }
}

/// The eligible forms of two words or more, by last word, first word, transliterated last
/// word and initials: the longer forms a short form may stand for.
struct LongerIndex {
    forms: HashMap<IndexKey, Vec<usize>>,
}

impl LongerIndex {
    fn new(forms: &[Form], eligible: &[bool]) -> LongerIndex {
        let mut index: HashMap<IndexKey, Vec<usize>> = HashMap::new();
        for (i, f) in forms.iter().enumerate() {
            if !eligible[i] || f.words.len() < 2 {
                continue;
            }
            if let (Some(first), Some(last)) = (f.words.first(), f.words.last()) {
                for key in [
                    IndexKey::new(KeyKind::LastWord, last.clone()),
                    IndexKey::new(KeyKind::FirstWord, first.clone()),
                    IndexKey::new(KeyKind::Transliteration, translit_key(last)),
                    IndexKey::new(KeyKind::Initials, initials(&f.words)),
                ] {
                    index.entry(key).or_default().push(i);
                }
            }
        }
        LongerIndex { forms: index }
    }

    /// The longer forms short form `s` may stand for: by its initials when it is an
    /// acronym, else by its last word (a one-word form also by first word and
    /// transliteration).
    fn longer(&self, s: &Form) -> BTreeSet<usize> {
        let mut keys: Vec<IndexKey> = Vec::new();
        if let Some(last) = s.words.last() {
            if s.upper {
                keys.push(IndexKey::new(KeyKind::Initials, last.clone()));
            } else {
                keys.push(IndexKey::new(KeyKind::LastWord, last.clone()));
                if s.single() {
                    keys.push(IndexKey::new(KeyKind::FirstWord, last.clone()));
                    keys.push(IndexKey::new(KeyKind::Transliteration, translit_key(last)));
                }
            }
        }
        keys.iter()
            .filter_map(|k| self.forms.get(k))
            .flatten()
            .copied()
            .collect()
    }
}

/// The short forms of the corpus and the names they stand for.
struct ShortForms {
    /// For each form, whether it is a short form of another.
    is_short: Vec<bool>,
    /// The short forms, longest first.
    attached: Vec<Attachment>,
    /// The names of their own that fit longer forms but [stand apart](stands_apart) from
    /// them, with those longer forms.
    apart: Vec<(usize, Vec<usize>)>,
}

/// The names one short form stands for.
#[derive(Debug)]
struct Attachment {
    /// The short form.
    form: usize,
    /// Root of the group → what of the short form is counted for it.
    targets: BTreeMap<usize, Share>,
    /// Some document has several names it fits.
    shared: bool,
    /// A word a listed organization anchors: the name of that organization where no
    /// longer name holds it. Not an acronym, which is the name its document spells out
    /// (`MIT` of the Massachusetts Institute of Technology, whatever a gazetteer anchors).
    listed: bool,
}

/// What of a short form is counted for one name.
#[derive(Debug, Clone, Default)]
struct Share {
    mentions: u64,
    docs: BTreeSet<u32>,
}

/// A longer form a short form fits in one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Fit {
    /// The corpus order of the longer form's first occurrence in the document.
    at: usize,
    /// The root of the longer form's group.
    root: usize,
}

/// Short forms: a form that is a suffix or the first word of a longer eligible form of its
/// document belongs to it (to the nearest one introduced before it when several fit); a
/// form whose document has none belongs to the only form of the corpus it fits. Longest
/// forms first, and a short form is no longer form for the ones after it.
fn attach_short_forms(
    forms: &[Form],
    eligible: &[bool],
    anchors: &FxHashSet<u64>,
    sets: &mut Sets,
) -> ShortForms {
    let n = forms.len();
    let index = LongerIndex::new(forms, eligible);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(forms[i].words.len()), i));
    let mut is_short = vec![false; n];
    let mut attached: Vec<Attachment> = Vec::new();
    let mut apart = Vec::new();
    for &s in &order {
        let longs: Vec<usize> = index
            .longer(&forms[s])
            .into_iter()
            .filter(|&l| l != s && !is_short[l] && attaches(&forms[s], &forms[l]))
            .collect();
        if longs.is_empty() {
            continue;
        }
        if stands_apart(forms, s, &longs, eligible) {
            apart.push((s, longs));
            continue;
        }
        let att = attachment(forms, s, &longs, anchors, sets);
        if !att.targets.is_empty() {
            // A name written after a royal title, or a word a listed organization anchors
            // (`Celtic` of Celtic FC, beside the ground `Celtic Park`), is a whole name
            // where no longer one holds it: it is also an entry of its own.
            is_short[s] = !(eligible[s] && (forms[s].regnal() || att.listed));
            attached.push(att);
        }
    }
    ShortForms {
        is_short,
        attached,
        apart,
    }
}

/// Whether form `s`, a name of its own, stands apart from the longer forms `longs` it
/// fits. It must be written alone in four times as many documents as they are written at
/// all, and then either they add words before it (`New Harry Potter`, `Range Rovers`,
/// `Unison Dave Prentis`), or its own cues call it a place, which names other things after it
/// (`Hollywood Boulevard`, `Derby North`), or they call it something their cues do not
/// (`Cambridge` and `Cambridge University`; `Unison` and `Unison Dave Prentis`, whose cues
/// say nothing). A name they only add words after stays their short form when its own
/// cues say nothing (`Veritas` of `Veritas Party`, `Balco` of `Balco Laboratories`), and
/// so does a person's surname after a given name, however often it stands alone (`Blair`,
/// `Kennedy`), unless its own cues call it an organization or a place (the club
/// `Charlton`, beside `Bobby Charlton`).
fn stands_apart(forms: &[Form], s: usize, longs: &[usize], eligible: &[bool]) -> bool {
    if !eligible[s] {
        return false;
    }
    let opens_with_given_name = |l: usize| forms[l].words.first().is_some_and(|w| is_given_name(w));
    let own = kind_of(forms, &[s]);
    // A surname stays the person's, unless its own cues call it something else (the club
    // `Charlton`, beside `Bobby Charlton`).
    let other = matches!(own, Some(Kind::Organization | Kind::Place));
    if !other && longs.iter().any(|&l| opens_with_given_name(l)) {
        return false;
    }
    let long_docs: BTreeSet<u32> = longs.iter().flat_map(|&l| forms[l].docs.keys()).collect();
    let alone = forms[s]
        .docs
        .keys()
        .filter(|d| !long_docs.contains(d))
        .count();
    if alone < 4 * long_docs.len().max(1) {
        return false;
    }
    let words = &forms[s].words;
    let before = longs.iter().any(|&l| {
        let lw = &forms[l].words;
        lw.len() > words.len() && lw.ends_with(words)
    });
    before || own == Some(Kind::Place) || (own.is_some() && own != kind_of(forms, longs))
}

/// The type the cues of forms `of` give together, if they give one; verbs of speech alone
/// make no one-word name a person (as [`super::entry`] decides).
fn kind_of(forms: &[Form], of: &[usize]) -> Option<Kind> {
    let cues = summed_cues(forms, of.iter().copied());
    let kind = decide(&cues).kind;
    let one_word = of.iter().all(|&f| forms[f].single());
    if one_word && kind == Some(Kind::Person) && only_speech(&cues) {
        return None;
    }
    kind
}

/// The names short form `s` stands for among the longer forms `longs` it fits.
fn attachment(
    forms: &[Form],
    s: usize,
    longs: &[usize],
    anchors: &FxHashSet<u64>,
    sets: &mut Sets,
) -> Attachment {
    let f = &forms[s];
    let mut att = Attachment {
        form: s,
        targets: BTreeMap::new(),
        shared: false,
        listed: f.single() && !f.upper && anchors.contains(&word_key(&f.words[0])),
    };
    // A place named after the organization is not what the word stands for (`Celtic` of
    // Celtic FC, not of its ground `Celtic Park`; `Villa` and `Villa Park`). `Park` heads
    // grounds, but no place head, for it is a surname too (`Park Ji-sung`).
    let ground = |l: usize| {
        att.listed
            && forms[l]
                .words
                .last()
                .is_some_and(|w| is_place_head(w) || w == "park")
    };
    for (d, seen) in forms[s].docs.iter() {
        let fits: Vec<Fit> = longs
            .iter()
            .filter(|&&l| !ground(l))
            .filter_map(|&l| {
                let at = forms[l].docs.get(d)?.first;
                Some(Fit {
                    at,
                    root: sets.find(l),
                })
            })
            .collect();
        let roots: BTreeSet<usize> = fits.iter().map(|f| f.root).collect();
        if roots.len() > 1 {
            att.shared = true;
        }
        let chosen = fits
            .iter()
            .filter(|f| f.at < seen.first)
            .max()
            .or_else(|| fits.iter().min());
        if let Some(fit) = chosen {
            let t = att.targets.entry(fit.root).or_default();
            t.mentions += seen.count;
            t.docs.insert(d);
        }
    }
    // A surname, or an initial and a surname (`A. Brelton` of a scorecard), in documents
    // that name no one it fits: the only name of the corpus it fits (for an initial, the
    // only one it is the initial of: `S Thompson` is no short form of `Hunter S Thompson`).
    if att.targets.is_empty()
        && (f.single() || f.initialled())
        && !f.upper
        && !f.regnal()
        && !att.listed
        && f.distinctive()
    {
        let roots: BTreeSet<usize> = longs
            .iter()
            .filter(|&&l| f.single() || forms[l].words.len() == f.words.len())
            .map(|&l| sets.find(l))
            .collect();
        if let (1, Some(&root)) = (roots.len(), roots.first()) {
            let share = Share {
                mentions: f.mentions,
                docs: f.docs.keys().collect(),
            };
            att.targets.insert(root, share);
        }
    }
    att
}

/// Adds short form `att` to the groups (by root) it stands for: the one name it stands for
/// takes all its occurrences when it can stand on its own, and lists it anchored only when
/// it is common; several names each take their share and list it anchored.
fn join(groups: &mut BTreeMap<usize, Group>, forms: &[Form], eligible: &[bool], att: Attachment) {
    let s = att.form;
    let f = &forms[s];
    let common = f.junk() || f.words.iter().all(|w| is_ordinary(w));
    let only = (att.targets.len() == 1 && !att.shared)
        .then(|| att.targets.keys().next().copied())
        .flatten();
    let mut add = |root: usize, anchored: bool, share: Share| {
        if let Some(g) = groups.get_mut(&root) {
            g.short.push(ShortMember {
                form: s,
                anchored,
                mentions: share.mentions,
                docs: share.docs,
            });
        }
    };
    // A name written after a royal title, or a word a listed organization anchors, is
    // anchored to the longer names it stands for in some documents, and counted for them
    // there only: elsewhere it is its own.
    let own = f.regnal() || att.listed;
    if let Some(root) = only.filter(|_| !own) {
        let share = if eligible[s] {
            Share {
                mentions: f.mentions,
                docs: f.docs.keys().collect(),
            }
        } else {
            att.targets.get(&root).cloned().unwrap_or_default()
        };
        add(root, common, share);
    } else {
        for (root, share) in att.targets {
            add(root, true, share);
        }
    }
}

//! Compiling a gazetteer into a [`Matcher`]: every alias variant folded into a pattern,
//! the junk guard, each variant's case check, the pattern → records table, and the scan
//! engine over the patterns.
//!
//! Everything that can be decided from the gazetteer alone is decided here, once; the
//! per-document rules live in [`super::select`], [`super::senses`] and
//! [`super::describes`]. Must not touch documents, segments or output.

use rayon::prelude::*;

use super::automaton::automaton;
use super::context::GivenStart;
use super::context::SPORTS_WORDS;
use super::describes::EntityClass;
use super::engine::Scan;
use super::senses::Hints;
use super::sports::SportsWords;
use super::word_index::WordIndex;
use super::{BuildError, BuildStats, Matcher, MatcherBuilder, Range32, ScanKind, SetAside, Watch};
use crate::gazetteer::{variants, CasePolicy, Entity, Gazetteer};
use crate::model::EntityId;
use crate::text::acronym::is_acronym;
use crate::text::normalize::{is_normalized, normalize, normalize_into, OffsetMap};
use crate::text::words::{junk_reason, JunkReason};

/// Entities per parallel work item when building.
const ENTITY_CHUNK: usize = 4096;

/// The case check a pattern's record needs, decided at build time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum CaseCheck {
    /// Any case.
    None,
    /// The text must not start lower-case (the alias starts upper-case).
    FirstUpper,
    /// The normalized text must equal the alias variant exactly.
    Exact,
}

/// Which check an alias variant needs under `policy`.
fn case_check(policy: CasePolicy, cased: &str) -> CaseCheck {
    match policy {
        CasePolicy::Insensitive => CaseCheck::None,
        CasePolicy::Exact => CaseCheck::Exact,
        CasePolicy::Smart => {
            // An acronym, or a name of capitals and digits (`3M`, `G7`): its capitals are
            // the name (`£3m` is no company).
            let capitals = cased.chars().any(|c| c.is_ascii_digit())
                && cased.chars().any(char::is_uppercase)
                && !cased.chars().any(char::is_lowercase);
            if is_acronym(cased) || capitals {
                CaseCheck::Exact
            } else if cased.chars().next().is_some_and(char::is_uppercase) {
                CaseCheck::FirstUpper
            } else {
                CaseCheck::None
            }
        }
    }
}

/// One alias variant of one entity, behind a pattern.
#[derive(Debug, Clone)]
pub(crate) struct PatternRecord {
    pub(crate) entity: EntityId,
    /// Index of the alias in its entity's list (for explanations).
    pub(crate) alias: u32,
    pub(crate) anchored: bool,
    pub(crate) demonym: bool,
    pub(crate) default_sense: bool,
    /// What the context rules watch in the entity's candidates (kept with the record, read
    /// anyway for each hit, rather than looked up by entity).
    pub(crate) watch: Watch,
    pub(crate) check: CaseCheck,
    /// The variant as written, kept only for [`CaseCheck::Exact`] (empty otherwise, which
    /// costs no allocation: most aliases need only the folded pattern).
    pub(crate) cased: Box<str>,
    /// [`MULTI_WORD`] when the variant has several words (split at spaces and dashes); and
    /// for [`CaseCheck::FirstUpper`] but places, bit `i` set when word `i` (the first 7)
    /// starts with a capital: the text must capitalize those words too (`Yonhap News
    /// Agency` is not `Yonhap news agency`). A byte, so that a record stays 32 bytes.
    pub(crate) caps: u8,
}

// A large gazetteer holds a record for every variant of every alias: keep them small.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<PatternRecord>() <= 32);

/// The bit of [`PatternRecord::caps`] that says the variant has several words.
pub(crate) const MULTI_WORD: u8 = 0x80;

/// The [`PatternRecord::caps`] of `cased`; with `capitals`, the words' capitals too.
pub(crate) fn caps_of(cased: &str, capitals: bool) -> u8 {
    let mut caps = 0u8;
    let words = cased
        .split(crate::text::chars::is_separator)
        .filter(|w| !w.is_empty());
    for (i, w) in words.enumerate() {
        if i == 1 {
            caps |= MULTI_WORD;
        }
        if capitals && i < 7 && w.chars().next().is_some_and(char::is_uppercase) {
            caps |= 1 << i;
        }
    }
    caps
}

/// Patterns and records under construction.
#[derive(Default)]
struct Table {
    /// Folded patterns, one after another.
    arena: String,
    /// Each record's pattern as a byte range of `arena`.
    keys: Vec<Range32>,
    records: Vec<PatternRecord>,
    demonyms_off: usize,
    set_aside: Vec<SetAside>,
    scratch: String,
    map: OffsetMap,
}

/// Builds the matcher `builder` describes for `gazetteer` (see [`MatcherBuilder::build`]).
pub(crate) fn build(
    builder: &MatcherBuilder,
    gazetteer: &Gazetteer,
) -> Result<Matcher, BuildError> {
    let (teams, clubs) = team_tables(gazetteer);
    let watched: &[bool] = if builder.context.teams { &clubs } else { &[] };
    // The tables by entity need only the gazetteer: made while the patterns are.
    let ((mut table, mut stats), entities) = rayon::join(
        || tables(builder, gazetteer, watched),
        || EntityTables::of(gazetteer),
    );
    let made = std::mem::take(&mut table.records);
    // The sports words are patterns too, counted from the hits (see `sports.rs`).
    let sports_keys: Vec<(String, &'static str)> = if builder.context.teams {
        SPORTS_WORDS
            .iter()
            .map(|&w| (normalize(w, true), w))
            .collect()
    } else {
        Vec::new()
    };
    let (pattern_of, mut keys, mut ids) = number_patterns(&table);
    let listed_patterns = keys.len();
    let sports_of: Vec<(u32, &'static str)> = sports_keys
        .iter()
        .map(|(key, word)| {
            let next = ids.len() as u32;
            let id = *ids.entry(key.as_str()).or_insert(next);
            if id == next {
                keys.push(key.as_str());
            }
            (id, *word)
        })
        .collect();
    drop(ids);
    let scan_kind = builder.scan.unwrap_or(ScanKind::WordIndex);
    // An automaton's trie builds several times faster from sorted patterns.
    let rank = if scan_kind == ScanKind::Automaton {
        sort_patterns(&mut keys)
    } else {
        (0..keys.len() as u32).collect()
    };
    let (records, ranges) = group_records(made, &pattern_of, &rank);
    drop(pattern_of);
    let sports = SportsWords::new(
        sports_of
            .into_iter()
            .map(|(p, w)| (rank[p as usize], w, p as usize >= listed_patterns))
            .collect(),
    );
    stats.patterns = listed_patterns;
    stats.ambiguous_patterns = ranges
        .iter()
        .filter(|range| {
            let r = range.slice(&records);
            r.iter().any(|x| x.entity != r[0].entity)
        })
        .count();
    let scan = match scan_kind {
        ScanKind::Automaton => Scan::Automaton(automaton(&keys, builder.kind)?),
        ScanKind::WordIndex => Scan::Words(Box::new(WordIndex::new(&keys))),
    };
    Ok(Matcher {
        scan,
        ranges,
        records,
        kinds: entities.kinds,
        stats,
        explainer: Default::default(),
        context: builder.context,
        teams,
        clubs,
        hints: entities.hints,
        given: entities.given,
        sports,
    })
}

/// What the rules read of each entity, by entity.
struct EntityTables {
    kinds: Vec<EntityClass>,
    given: Vec<Option<GivenStart>>,
    hints: Hints,
}

impl EntityTables {
    fn of(gazetteer: &Gazetteer) -> EntityTables {
        let entities = gazetteer.entities();
        let person = |e: &Entity| e.kind == crate::model::EntityType::Person;
        EntityTables {
            kinds: entities.iter().map(EntityClass::of).collect(),
            given: entities
                .iter()
                .map(|e| person(e).then(|| GivenStart::of_label(&e.label)).flatten())
                .collect(),
            hints: Hints {
                country: country_table(gazetteer),
                state: entities
                    .iter()
                    .map(|e| {
                        matches!(
                            e.attrs.get("kind").map(String::as_str),
                            Some("state" | "province")
                        )
                    })
                    .collect(),
                office: entities
                    .iter()
                    .map(|e| {
                        let office = e.attrs.get("office")?;
                        person(e).then(|| office.to_lowercase().into_boxed_str())
                    })
                    .collect(),
                org: entities
                    .iter()
                    .map(|e| e.kind == crate::model::EntityType::Organization)
                    .collect(),
                company: entities
                    .iter()
                    .map(|e| {
                        e.kind == crate::model::EntityType::Organization
                            && e.attrs.get("kind").is_none_or(|k| is_company_kind(k))
                    })
                    .collect(),
            },
        }
    }
}

/// Folded patterns and their records, made in parallel over chunks of entities
/// (normalizing and generating variants is most of the work for a large gazetteer), then
/// joined in entity order. The patterns live in one arena string, not a string each.
/// `clubs` says which places a listed club is named after (empty: none is watched).
fn tables(builder: &MatcherBuilder, gazetteer: &Gazetteer, clubs: &[bool]) -> (Table, BuildStats) {
    let mut stats = BuildStats::default();
    let chunks: Vec<Table> = gazetteer
        .entities()
        .par_chunks(ENTITY_CHUNK)
        .enumerate()
        .map(|(c, entities)| {
            let mut t = Table::default();
            for (i, entity) in entities.iter().enumerate() {
                let ei = EntityId::new(c * ENTITY_CHUNK + i);
                let club = clubs.get(ei.index()).copied().unwrap_or(false);
                entity_records(builder, ei, entity, club, &mut t);
            }
            t
        })
        .collect();
    let mut table = Table::default();
    table
        .arena
        .reserve(chunks.iter().map(|t| t.arena.len()).sum());
    table
        .keys
        .reserve(chunks.iter().map(|t| t.keys.len()).sum());
    table
        .records
        .reserve(chunks.iter().map(|t| t.records.len()).sum());
    for t in chunks {
        let base = table.arena.len() as u32;
        table.arena.push_str(&t.arena);
        table.keys.extend(t.keys.iter().map(|k| Range32 {
            start: k.start + base,
            end: k.end + base,
        }));
        table.records.extend(t.records);
        stats.demonyms_off += t.demonyms_off;
        stats.set_aside.extend(t.set_aside);
    }
    stats.aliases = gazetteer.entities().iter().map(|e| e.aliases.len()).sum();
    (table, stats)
}

/// Each record's pattern id, and the distinct patterns by id. Patterns are numbered in
/// order of first appearance (entity order, then alias order): deterministic, and a hash
/// table rather than a sort of a million strings.
fn number_patterns(table: &Table) -> (Vec<u32>, Vec<&str>, rustc_hash::FxHashMap<&str, u32>) {
    let mut ids: rustc_hash::FxHashMap<&str, u32> = Default::default();
    ids.reserve(table.keys.len());
    let pattern_of: Vec<u32> = table
        .keys
        .iter()
        .map(|k| {
            let next = ids.len() as u32;
            *ids.entry(k.of(&table.arena)).or_insert(next)
        })
        .collect();
    let mut keys: Vec<&str> = vec![""; ids.len()];
    for (&k, &id) in &ids {
        keys[id as usize] = k;
    }
    (pattern_of, keys, ids)
}

/// Sorts `keys`, returning each pattern id's new place.
fn sort_patterns(keys: &mut Vec<&str>) -> Vec<u32> {
    let mut rank: Vec<u32> = (0..keys.len() as u32).collect();
    let mut by_key: Vec<u32> = rank.clone();
    by_key.par_sort_unstable_by_key(|&p| keys[p as usize]);
    for (r, &p) in by_key.iter().enumerate() {
        rank[p as usize] = r as u32;
    }
    let mut sorted = vec![""; keys.len()];
    for (p, &r) in rank.iter().enumerate() {
        sorted[r as usize] = keys[p];
    }
    *keys = sorted;
    rank
}

/// Records grouped by pattern (a counting sort by `rank[pattern_of[record]]`), then, per
/// pattern, in entity order with the same variant of the same alias twice kept once
/// (default sense if either is); with each pattern's range of records.
fn group_records(
    made: Vec<PatternRecord>,
    pattern_of: &[u32],
    rank: &[u32],
) -> (Vec<PatternRecord>, Vec<Range32>) {
    let patterns = rank.len();
    let mut starts = vec![0u32; patterns + 1];
    for &p in pattern_of {
        starts[rank[p as usize] as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut slots = vec![0u32; made.len()];
    let mut fill = starts.clone();
    for (i, &p) in pattern_of.iter().enumerate() {
        let r = rank[p as usize] as usize;
        slots[fill[r] as usize] = i as u32;
        fill[r] += 1;
    }
    // Moved, not cloned, into pattern order: a million records are hundreds of MB.
    let mut made: Vec<Option<PatternRecord>> = made.into_iter().map(Some).collect();
    let mut records: Vec<PatternRecord> = Vec::with_capacity(made.len());
    let mut ranges: Vec<Range32> = Vec::with_capacity(patterns);
    for p in 0..patterns {
        let start = records.len();
        for &slot in &slots[starts[p] as usize..starts[p + 1] as usize] {
            if let Some(r) = made[slot as usize].take() {
                records.push(r);
            }
        }
        dedupe_group(&mut records, start);
        ranges.push(Range32 {
            start: start as u32,
            end: records.len() as u32,
        });
    }
    (records, ranges)
}

/// Sorts `records[start..]` (one pattern's) and keeps the same variant of the same alias
/// once, with the default sense if either copy has it.
fn dedupe_group(records: &mut Vec<PatternRecord>, start: usize) {
    let order = |r: &PatternRecord| (r.entity, r.alias, r.check, r.anchored, r.demonym);
    let group = &mut records[start..];
    group.sort_by(|a, b| (order(a), &a.cased).cmp(&(order(b), &b.cased)));
    let mut kept = start;
    for i in start..records.len() {
        let same = kept > start && {
            let (prev, this) = (&records[kept - 1], &records[i]);
            prev.entity == this.entity
                && prev.cased == this.cased
                && (prev.check, prev.anchored, prev.demonym)
                    == (this.check, this.anchored, this.demonym)
        };
        if same {
            let d = records[i].default_sense;
            records[kept - 1].default_sense |= d;
        } else {
            records.swap(kept, i);
            kept += 1;
        }
    }
    records.truncate(kept);
}

/// Adds one entity's folded patterns and records to `t`, counting the demonyms skipped and
/// the aliases the junk guard sets aside.
fn entity_records(
    builder: &MatcherBuilder,
    ei: EntityId,
    entity: &Entity,
    club: bool,
    t: &mut Table,
) {
    let watch = Watch {
        place: EntityClass::of(entity).is_place(),
        named: entity.kind == crate::model::EntityType::Person && GivenStart::named(&entity.label),
        club,
    };
    for (ai, alias) in entity.aliases.iter().enumerate() {
        if alias.demonym && !builder.demonyms {
            t.demonyms_off += 1;
            continue;
        }
        let policy = builder.case.unwrap_or(alias.case);
        let cased = normalize(&alias.text, false);
        let check = case_check(policy, &cased);
        // Only one-word aliases and numbers can be junk: skip the fold for the rest.
        let may_be_junk = !cased.contains(' ') || !cased.chars().any(char::is_alphabetic);
        if builder.junk_guard && !alias.forced && check != CaseCheck::Exact && may_be_junk {
            // Anchoring makes a common word safe (it only counts where the entity is named
            // in full); numbers, function words and dates never are.
            let reason = junk_reason(&cased.to_lowercase())
                .filter(|r| !(alias.anchored && *r == JunkReason::CommonWord));
            if let Some(reason) = reason {
                t.set_aside.push(SetAside {
                    alias: alias.text.clone(),
                    entity: ei,
                    reason,
                });
                continue;
            }
        }
        for cased in variants(&alias.text, &entity.kind) {
            let start = t.arena.len() as u32;
            if is_normalized(&cased) {
                // ASCII: folding is lower-casing its letters.
                t.arena
                    .extend(cased.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                normalize_into(&cased, true, &mut t.scratch, &mut t.map);
                t.arena.push_str(&t.scratch);
            }
            t.keys.push(Range32 {
                start,
                end: t.arena.len() as u32,
            });
            let check = case_check(policy, &cased);
            t.records.push(PatternRecord {
                entity: ei,
                alias: ai as u32,
                anchored: alias.anchored,
                demonym: alias.demonym,
                default_sense: alias.default_sense,
                watch,
                check,
                // Places are written with lower-case heads (`Russky island`, `Hebei
                // province`); organizations and people are not.
                caps: caps_of(&cased, check == CaseCheck::FirstUpper && !watch.place),
                cased: if check == CaseCheck::Exact {
                    cased.into_boxed_str()
                } else {
                    Box::default()
                },
            });
        }
    }
}

/// Whether an organization's `kind` attribute says a business, which may have shares (a
/// company, a newspaper, a broadcaster): not a party, a ministry, a court or a sports body.
fn is_company_kind(kind: &str) -> bool {
    const BUSINESSES: &[&str] = &[
        "bank",
        "broadcaster",
        "company",
        "exchange",
        "financial",
        "group",
        "magazine",
        "news agency",
        "news website",
        "newspaper",
    ];
    BUSINESSES.contains(&kind.trim())
}

/// For each place, its team: the one [`Gazetteer::add_teams`] derived, or a listed club
/// (`team_of`); and whether that team is a listed club. One look at each entity.
fn team_tables(gazetteer: &Gazetteer) -> (Vec<Option<EntityId>>, Vec<bool>) {
    let mut teams = vec![None; gazetteer.len()];
    let mut clubs = vec![false; gazetteer.len()];
    for i in 0..gazetteer.len() {
        let team = EntityId::new(i);
        if let Some(place) = gazetteer.team_place(team) {
            teams[place.index()] = Some(team);
            if i < gazetteer.listed() {
                clubs[place.index()] = true;
            }
        }
    }
    (teams, clubs)
}

/// For each entity, the listed place its `country` attribute names (by label or alias).
fn country_table(gazetteer: &Gazetteer) -> Vec<Option<EntityId>> {
    // Most gazetteers name no country: no table of every place name then.
    if !gazetteer
        .entities()
        .iter()
        .any(|e| e.attrs.contains_key("country"))
    {
        return vec![None; gazetteer.len()];
    }
    let mut by_name: rustc_hash::FxHashMap<&str, EntityId> = Default::default();
    for (i, e) in gazetteer.entities().iter().enumerate() {
        if e.kind == crate::model::EntityType::Place {
            for name in std::iter::once(&e.label).chain(e.aliases.iter().map(|a| &a.text)) {
                by_name.entry(name.as_str()).or_insert(EntityId::new(i));
            }
        }
    }
    gazetteer
        .entities()
        .iter()
        .map(|e| by_name.get(e.attrs.get("country")?.as_str()).copied())
        .collect()
}

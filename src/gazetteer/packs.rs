//! The gazetteer packs embedded in the binary (every file under `gazetteers/`, through
//! `build.rs`), their names, and the default set.
//!
//! Must not parse a file: the loader reads what is embedded as it reads a file.

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_gazetteers.rs"));
}

/// Embedded gazetteer files: (path below `gazetteers/`, contents).
pub(super) fn files() -> &'static [(&'static str, &'static str)] {
    embedded::FILES
}

/// The names of the packs embedded in the binary (`world`, `korea-russia-2019`, ...).
pub(crate) fn embedded_packs() -> Vec<&'static str> {
    let mut packs: Vec<&'static str> = files()
        .iter()
        .filter_map(|(path, _)| pack_of(path))
        .collect();
    packs.dedup();
    packs
}

/// The pack an embedded file belongs to: its first directory, or the second under `topics/`.
pub(super) fn pack_of(path: &'static str) -> Option<&'static str> {
    let mut parts = path.split('/');
    match parts.next()? {
        "topics" => parts.next().filter(|_| path.matches('/').count() >= 2),
        first if path.contains('/') => Some(first),
        _ => None,
    }
}

/// The default set loaded unless `--no-default-gazetteers`.
pub(crate) const DEFAULT_PACKS: &[&str] = &["world"];

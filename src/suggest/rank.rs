//! Which suggestions are kept and in which order: at least the minimum count of mentions,
//! ranked by documents × mentions (descending), then label, cut to the limit. Owns the
//! order only: what a suggestion holds is `entry`'s.

use super::{SuggestOptions, Suggestion};

/// `found` filtered and ranked by `opts`.
pub(crate) fn rank(found: Vec<Suggestion>, opts: &SuggestOptions) -> Vec<Suggestion> {
    let mut out: Vec<Suggestion> = found
        .into_iter()
        .filter(|s| s.mentions >= opts.min_count)
        .collect();
    out.sort_by(|a, b| {
        (b.documents * b.mentions)
            .cmp(&(a.documents * a.mentions))
            .then_with(|| a.label.cmp(&b.label))
    });
    if let Some(limit) = opts.limit {
        out.truncate(limit);
    }
    out
}

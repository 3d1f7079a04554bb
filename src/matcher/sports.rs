//! The sports words, counted by the scan that finds the aliases: each is one more pattern
//! of the engine (or marks the alias pattern it shares), so a document's sports words come
//! with its hits and no second reading of the text is needed.
//!
//! Owns which patterns are sports words and the count of a text's sports words from its
//! hits. The words themselves, and what a sports story is, belong to the team rules
//! (`context/teams.rs`); must not touch records, candidates or mentions.

use super::engine::Hit;
use super::select::{to_span, word_char_at, word_char_before};
use crate::model::Span;
use crate::text::normalize::OffsetMap;
use crate::text::words::is_function_word;

/// The patterns that are sports words, by pattern id.
#[derive(Debug, Clone, Default)]
pub(crate) struct SportsWords {
    /// Bit `p` is set when pattern `p` is a sports word.
    bits: Vec<u64>,
    /// Bit `p` is set when pattern `p` is a sports word and no alias.
    own: Vec<u64>,
    /// `(pattern, word)` for each sports word, sorted: the words a pattern stands for, as
    /// written in the list (its normalized key may stand for another spelling too).
    words: Vec<(u32, &'static str)>,
}

/// Whether bit `p` of `bits` is set.
#[inline]
fn bit(bits: &[u64], p: u32) -> bool {
    bits.get(p as usize / 64)
        .is_some_and(|w| w & (1 << (p % 64)) != 0)
}

impl SportsWords {
    /// The table of `words`: each with its pattern id, and whether that pattern is the
    /// word's own (no alias has it).
    pub(crate) fn new(words: Vec<(u32, &'static str, bool)>) -> SportsWords {
        let top = words
            .iter()
            .map(|&(p, ..)| p as usize + 1)
            .max()
            .unwrap_or(0);
        let mut bits = vec![0u64; top.div_ceil(64)];
        let mut own = bits.clone();
        for &(p, _, o) in &words {
            bits[p as usize / 64] |= 1 << (p % 64);
            if o {
                own[p as usize / 64] |= 1 << (p % 64);
            }
        }
        let mut words: Vec<(u32, &'static str)> =
            words.into_iter().map(|(p, w, _)| (p, w)).collect();
        words.sort_unstable();
        SportsWords { bits, own, words }
    }

    /// Whether pattern `p` is a sports word and no alias: its hits are no candidates.
    #[inline]
    pub(crate) fn only(&self, p: u32) -> bool {
        bit(&self.own, p)
    }

    /// The sports words among `hits` (of `text`, normalized with `map`), counted as a
    /// leftmost-longest search of the words would: whole words written as listed (any
    /// ASCII case), none overlapping an earlier one, up to `cap`. Sports-only hits are
    /// taken out of `hits`.
    pub(crate) fn count(&self, text: &str, map: &OffsetMap, hits: &mut Vec<Hit>, cap: u32) -> u32 {
        if self.words.is_empty() {
            return 0;
        }
        let mut found: Vec<Span> = Vec::new();
        let mut own = false;
        for h in hits.iter().filter(|h| bit(&self.bits, h.pattern)) {
            own |= self.only(h.pattern);
            let span = to_span(map, h.start, h.end);
            let written = &text[span.range()];
            let k = self.words.partition_point(|&(p, _)| p < h.pattern);
            let listed = self.words[k..]
                .iter()
                .take_while(|&&(p, _)| p == h.pattern)
                .any(|&(_, w)| written.eq_ignore_ascii_case(w));
            let whole = !word_char_before(text, span.start()) && !word_char_at(text, span.end());
            if listed && whole && !league_of_a_name(text, span) {
                found.push(span);
            }
        }
        if own {
            hits.retain(|h| !self.only(h.pattern));
        }
        found.sort_unstable_by(|a, b| a.start().cmp(&b.start()).then(b.end().cmp(&a.end())));
        let mut n = 0;
        let mut end = 0;
        for s in found {
            if s.start() >= end {
                n += 1;
                end = s.end();
                if n == cap {
                    break;
                }
            }
        }
        n
    }
}

/// Whether the word at `span` is a `League` that names no sport: after a capitalized
/// name in the sentence (`Arab League`, `Pakistan Muslim League`; the leagues of sport
/// are listed whole, `Premier League`, `Champions League`), or before `of` (`League of
/// Nations`).
fn league_of_a_name(text: &str, span: Span) -> bool {
    let word = &text[span.range()];
    // In capitals (`ENGLISH LEAGUE RESULTS`) a capital says nothing.
    if word != "League" {
        return false;
    }
    if text[span.end()..].starts_with(" of ") {
        return true;
    }
    let before = text[..span.start()].strip_suffix(' ').unwrap_or("");
    let name = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    // A capitalized word that does not end its sentence (`Smith. League leaders ...`) and
    // is no function word (`The League said`).
    name.chars().next().is_some_and(char::is_uppercase)
        && !name.ends_with(['.', '!', '?', ':', '"'])
        && !is_function_word(&name.to_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::matcher::{Matcher, Scratch};

    /// The sports words the scan counts in `text` (up to 3), and the candidates' texts.
    fn scan(m: &Matcher, text: &str) -> (u32, Vec<String>) {
        let mut scratch = Scratch::default();
        let found = m.candidates(text, &mut scratch, None);
        let spans = found.iter().map(|c| text[c.span.range()].to_string());
        (scratch.sports, spans.collect())
    }

    #[test]
    fn the_scan_counts_whole_sports_words_as_listed() {
        let g = Gazetteer::from_str(
            "g.txt",
            "@type place\nWales\n@type organization\nPremier League\n",
        )
        .unwrap();
        let m = Matcher::new(&g).unwrap();
        for (text, n) in [
            ("Wales led at half-time.", 1),
            // Written otherwise than listed: a hyphen is no space, nor a dash a hyphen.
            ("Wales led at half time.", 0),
            ("Wales led at half\u{2013}time.", 0),
            ("The coach, the COACH and the Coach.", 3),
            ("Coaches and leagues, a coachman.", 0),
            // Leftmost-longest: a listed name with a word of its own inside counts once.
            ("The Premier League table.", 1),
            ("The Champions League and the league title.", 2),
            // A league that names no sport.
            ("The Arab League and the Pakistan Muslim League met.", 0),
            ("The League of Nations.", 0),
            ("He left. League leaders won.", 1),
            ("SOCCER - ENGLISH LEAGUE RESULTS", 2),
            ("The League said the league match was off.", 2),
            ("Rugby, cricket, tennis and golf.", 3),
            ("Talks on trade in Wales.", 0),
        ] {
            assert_eq!(scan(&m, text).0, n, "{text}");
        }
        // A sports word that is also an alias is still a candidate; one that is only a
        // sports word is none.
        let (n, names) = scan(&m, "Wales fans watched the Premier League at the stadium.");
        assert_eq!(
            (n, names),
            (2, vec!["Wales".into(), "Premier League".into()])
        );
    }

    #[test]
    fn without_the_team_rules_nothing_is_counted() {
        let g = Gazetteer::from_str("places.txt", "Wales\n").unwrap();
        let m = Matcher::builder().teams(false).build(&g).unwrap();
        assert_eq!(scan(&m, "Rugby, cricket, tennis and golf in Wales.").0, 0);
    }
}

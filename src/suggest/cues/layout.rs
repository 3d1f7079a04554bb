//! The cues that the layout of news pages, sports pages and tables gives a name: a dateline,
//! a byline,
//! a place in brackets after an athlete, a goal's minute after a scorer, a team's score in a
//! line of results or standings, a player's number in a line-up, a cricket scorecard's
//! notation. Owns these line readers only: the words
//! around a name in prose are `around`'s, the decision is the parent's.

use crate::model::Span;
use crate::text::lines::{line_at, opens_dateline, SHORT_LINE};
use crate::text::words::{is_function_word, is_given_name, is_org_head, is_place_head};

use super::super::known::Known;
use super::super::lexicon::{is_ordinary, is_title};
use super::super::runs::MentionSpan;
use super::super::tokenize::{Sep, Shape, Tok};
use super::{is_possessive_gap, Cue, Kind};

/// A place in brackets after a name of two or more capitalized words (`Isel Lopez ( Cuba )
/// 65.10`, `Petr Korda (Czech Republic) beat`): a results line, and the name an athlete's.
/// Weighs 1, so that a head word or any stronger cue decides (`Red Star Belgrade (Serbia)`
/// ends in no head word, but a club is rarely named so without `FC` or its town).
pub(crate) fn bracketed_place_cue(
    text: &str,
    toks: &[Tok<'_>],
    run: (usize, usize),
    spans: &[MentionSpan],
    known: &Known,
) -> Option<Cue> {
    let (s, e) = run;
    let plain = e > s
        && toks[s..=e].iter().all(|t| {
            t.shape == Shape::Cap
                && t.mention.is_none()
                && !is_org_head(&t.lower)
                && !is_place_head(&t.lower)
                && !is_function_word(&t.lower)
                && !is_title(&t.lower)
        });
    if !plain {
        return None;
    }
    let n = toks.get(e + 1)?;
    let gap = text.get(toks[e].end..n.start)?.trim();
    let m = spans.get(n.mention?)?;
    (in_brackets(text, gap, m.span) && m.span.start() == n.start && known.is_place(m.entity)).then(
        || {
            let place = &text[m.span.range()];
            Cue::new(Kind::Person, 1, format!("`({place})` after"))
        },
    )
}

/// A venue: `at` before the name and a listed place after it, after a comma or in brackets
/// (`at Edgbaston, Birmingham`, `At The Oval ( London ) :`): a ground, a hall or an airport
/// in that place. Weighs 2, as a noun beside the name does.
pub(crate) fn venue_cue(
    text: &str,
    toks: &[Tok<'_>],
    (s, e): (usize, usize),
    spans: &[MentionSpan],
    known: &Known,
) -> Option<Cue> {
    let at = &toks[s.checked_sub(1)?];
    if at.lower != "at" || toks[s].sep != Sep::Space {
        return None;
    }
    let n = toks.get(e + 1)?;
    let m = spans.get(n.mention?)?;
    if m.span.start() != n.start || !known.is_place(m.entity) {
        return None;
    }
    let gap = text.get(toks[e].end..n.start)?.trim();
    // A possessor after the comma opens an apposition, no place of the venue
    // (`at Standard Life, Europe's largest insurer`).
    let possessor = toks[e + 1..]
        .iter()
        .find(|t| t.start >= m.span.end())
        .and_then(|t| text.get(m.span.end()..t.start))
        .is_some_and(is_possessive_gap);
    (!possessor && (gap == "," || in_brackets(text, gap, m.span))).then(|| {
        let place = &text[m.span.range()];
        Cue::new(Kind::Place, 2, format!("`at` before, `{place}` after"))
    })
}

/// Whether the mention at `span`, after `gap` (the text before it, trimmed), stands alone
/// in brackets: `( Cuba )`, `(London)`.
fn in_brackets(text: &str, gap: &str, span: Span) -> bool {
    gap == "("
        && text
            .get(span.end()..)
            .is_some_and(|rest| rest.trim_start().starts_with(')'))
}

/// A dateline: the name opens its line, written in capitals, and at most a region and then
/// the date follow (`ESCHEN 1996-08-31`, `TOFTIR , Faroe Islands 1996-08-31`, `MOSCOW, April
/// 24 (Reuters) -`). It says where the story was written: a place, whatever the story is
/// about. Weighs 3. A name in ordinary case is left alone: a line that opens with one and a
/// date is as often a byline or a caption. So is a name the gazetteers know, anchored ones
/// too: the matcher left it out of the dateline (`NICE , France`, where OGC Nice anchors
/// `Nice`), and a place of that name would take the club's mentions everywhere else.
// Out of line: most runs fail its first test, and inlined into the per-sentence loop it
// slows the tokenizer there (callgrind, `build --discover` on the bench slice).
#[inline(never)]
pub(crate) fn dateline_cue(
    text: &str,
    toks: &[Tok<'_>],
    (s, e): (usize, usize),
    known: &Known,
) -> Option<Cue> {
    let capitals = toks[s..=e]
        .iter()
        .all(|t| t.shape == Shape::Upper && t.mention.is_none());
    let (start, end) = (toks[s].start, toks[e].end);
    let listed = |name: &str| known.contains(name) || known.anchors_org(name);
    (capitals && opens_dateline(text, start, end) && !listed(&text[start..end]))
        .then(|| Cue::new(Kind::Place, 3, "a dateline".to_string()))
}

/// Whether the name starting at byte `start` is on a wire story's sign-off line: one that
/// opens with `--` and holds a telephone number, six digits or more (`-- Dublin Newsroom
/// +353 1 676 9779`, `-- Luli Popescu , Bucharest Newsroom 40-1 3120264`). Its names are
/// the reporter's and the desk's: their capitals say names, however much the line reads
/// like a headline.
// Out of line, as the cues above.
#[inline(never)]
pub(crate) fn on_signoff_line(text: &str, start: usize) -> bool {
    line_at(text, start).is_some_and(|line| {
        line.trim_start().starts_with("-- ") && line.bytes().filter(u8::is_ascii_digit).count() >= 6
    })
}

/// A byline: a name of two or three capitalized words alone on its line, and a dateline on
/// the next (`Gordon Fine` over `OSLO 1996-08-30`): the writer of the story, a person.
/// Weighs 3. No word is a head word or a title, and either the first is a given name or no
/// word is an English word, so that a short headline over a dateline (`Hong Kong Stocks`,
/// `Grain Futures`) is no byline.
// Out of line: most runs fail its first test, and inlined into the per-sentence loop it
// slows the tokenizer there (callgrind, `build --discover` on the bench slice).
#[inline(never)]
pub(crate) fn byline_cue(text: &str, toks: &[Tok<'_>], s: usize, e: usize) -> Option<Cue> {
    if !(1..=2).contains(&(e - s)) {
        return None;
    }
    // The name is the whole line, and a line follows.
    let (start, end) = (toks[s].start, toks[e].end);
    let before = text.get(..start)?.trim_end_matches([' ', '\t']);
    let after = text.get(end..)?.trim_start_matches([' ', '\t', '\r']);
    if !(before.is_empty() || before.ends_with('\n')) || !after.starts_with('\n') {
        return None;
    }
    let words = &toks[s..=e];
    let plain = words.iter().all(|t| {
        t.shape == Shape::Cap
            && t.mention.is_none()
            && !is_org_head(&t.lower)
            && !is_place_head(&t.lower)
            && !is_title(&t.lower)
    });
    // A given name first, or no English word (`Gordon Fine`, `Oyelaran Brisk`; not `Grain
    // Futures`).
    let named = is_given_name(&words[0].lower) || words.iter().all(|t| !is_ordinary(&t.lower));
    if !plain || !named {
        return None;
    }
    // The next line opens with a place in capitals and a date.
    let next_start = text.len() - after.len() + 1;
    let next = line_at(text, next_start)?;
    let lead = next.len() - next.trim_start().len();
    let place: usize = next[lead..]
        .split_inclusive(' ')
        .take_while(|w| {
            let w = w.trim_end();
            w.len() > 1 && !w.chars().any(char::is_lowercase) && w.starts_with(char::is_uppercase)
        })
        .map(str::len)
        .sum();
    let place_end = next_start + lead + next[lead..lead + place].trim_end().len();
    (place > 0 && opens_dateline(text, next_start + lead, place_end))
        .then(|| Cue::new(Kind::Person, 3, "a byline".to_string()))
}

/// A goal's minute in brackets after a name, in a list of scorers (`Scorers : Haim Hajaj (
/// 47th ) , Nir Sivilia ( 57th )`; `Romania - Viorel Moldovan ( 21st minute )` on the line
/// after `Scorers :`): the scorer. A minute alone says little (a chart's `Tamagotchi
/// (86th)`): `Scorer` must be written before the name on its line or the two before it.
/// Weighs 3.
// Out of line: most runs fail its first test, and inlined into the per-sentence loop it
// slows the tokenizer there (callgrind, `build --discover` on the bench slice).
#[inline(never)]
pub(crate) fn scorer_cue(text: &str, toks: &[Tok<'_>], s: usize, e: usize) -> Option<Cue> {
    let inner = text
        .get(toks[e].end..)?
        .trim_start_matches(' ')
        .strip_prefix('(')?
        .trim_start_matches(' ');
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = inner.get(digits..digits + 2)?;
    let ends = inner.as_bytes().get(digits + 2);
    let minute = (1..=3).contains(&digits)
        && matches!(suffix, "st" | "nd" | "rd" | "th")
        && matches!(ends, Some(b' ' | b')' | b','));
    if !minute {
        return None;
    }
    // The word on the run's line before it, or on one of the two lines before.
    let bytes = text.as_bytes();
    let line_start = |at: usize| memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |k| k + 1);
    let start = toks[s].start;
    let mut from = line_start(start);
    for _ in 0..2 {
        from = line_start(from.saturating_sub(1));
    }
    let window = &bytes[from.max(start.saturating_sub(2 * SHORT_LINE))..start];
    memchr::memmem::find(window, b"Scorer")
        .is_some()
        .then(|| Cue::new(Kind::Person, 3, "a goal's minute after".to_string()))
}

/// A team's name by its score in a line of results or standings: the line is a score line
/// (`Sale 31 Wasps 33`, `Puchon 2 Chonbuk 1 ( halftime 1-1 )`: two names, each with its
/// score) or a standings row (`Haitai 64 2 43 .596 -`: a name, then only figures), and the
/// run is one of its names. Weighs 1, so that a given name or any stronger cue decides. A
/// scorecard line names players (`N. Knight 113`, `Wasim Akram c Knight b Hollioake 21`), and
/// a golfer's rounds are no standings (`Ernie Els 68 69 70 72 279`).
pub(crate) fn results_cue(text: &str, toks: &[Tok<'_>], e: usize) -> Option<Cue> {
    let n = toks.get(e + 1)?;
    if n.shape != Shape::Digit || !is_score(n.text) {
        return None;
    }
    let line = line_at(text, n.start)?;
    // Where the line starts in the text.
    let base = line.as_ptr() as usize - text.as_ptr() as usize;
    let end = toks[e].end.checked_sub(base)?;
    team_name_ends(line).contains(&end).then(|| {
        Cue::new(
            Kind::Organization,
            1,
            "its score in a line of results".to_string(),
        )
    })
}

/// A player's number before the name in a line-up (`14 - Justin Swart , 13 - Japie Mulder`,
/// `( 17 - Orhan Cikirikci , 76th )`, `New Zealand - 15 - Christian Cullen`): one or two
/// digits and a spaced dash, at the start of the line or after a comma, a bracket, a colon,
/// a semicolon or a dash. Weighs 1, so that a given name or any stronger cue decides.
pub(crate) fn squad_number_cue(text: &str, toks: &[Tok<'_>], s: usize) -> Option<Cue> {
    let n = toks.get(s.checked_sub(1)?)?;
    let number =
        n.shape == Shape::Digit && n.text.len() <= 2 && n.text.bytes().all(|b| b.is_ascii_digit());
    if !number || text.get(n.end..toks[s].start)? != " - " {
        return None;
    }
    let before = text.get(..n.start)?.trim_end_matches([' ', '\t']);
    // A dash after a team's name opens one (`New Zealand - 15 -`), not one in a score
    // (`2 - 1 - Grelton`).
    let dash = before.strip_suffix('-').is_some_and(|b| {
        !b.trim_end()
            .ends_with(|c: char| c.is_ascii_digit() || c == '-')
    });
    let opens = before.is_empty() || dash || before.ends_with(['\n', ',', '(', ':', ';']);
    opens.then(|| Cue::new(Kind::Person, 1, "a player's number before".to_string()))
}

/// A cricket scorecard names players: a batsman before the way he was out and his runs
/// (`Tarun Vell c Ostrow b Gadde 33`, `Rafe Dunmore lbw b Keston 0`, `P. Halvey run out
/// 16`), the fielder and the bowler in it (`c Ostrow`, `b Gadde`), and a bowler before his
/// figures, overs-maidens-runs-wickets (`Gadde 8-0-39-3`, `Keston 9.5-0-44-1`, on the next
/// line when the line breaks there). Weighs 3: the notation says nothing else.
pub(crate) fn scorecard_cue(text: &str, toks: &[Tok<'_>], s: usize, e: usize) -> Option<Cue> {
    let after = text.get(toks[e].end..)?;
    if after
        .split_whitespace()
        .next()
        .is_some_and(is_bowling_figures)
    {
        return Some(Cue::new(
            Kind::Person,
            3,
            "bowling figures after".to_string(),
        ));
    }
    // Most names are followed by neither runs nor a dismissal: a look at the next word
    // settles them.
    let next = toks.get(e + 1)?;
    if !(next.shape == Shape::Digit || matches!(next.text, "b" | "c" | "st" | "lbw" | "run")) {
        return None;
    }
    // The rest of the line: a dismissal and the runs, or the runs after the bowler. A
    // scorecard's lines are short: a longer one is prose, and is not read to its end.
    let line = line_at(text, toks[e].end)?;
    let base = line.as_ptr() as usize - text.as_ptr() as usize;
    let rest = line.get(toks[e].end - base..)?;
    if !rest.split_whitespace().next_back().is_some_and(is_score) {
        return None;
    }
    let words: smallvec::SmallVec<[&str; 12]> = rest.split_whitespace().collect();
    // `c Ostrow b Gadde 33`: the fielder has the bowler after him, the bowler the runs.
    let by = s.checked_sub(1).map(|k| toks[k].text);
    let fielder = matches!(by, Some("c" | "st")) && words.first() == Some(&"b");
    let bowler = by == Some("b") && words.len() == 1;
    if fielder || bowler {
        let by = by.unwrap_or_default();
        return Some(Cue::new(
            Kind::Person,
            3,
            format!("`{by}` before in a scorecard"),
        ));
    }
    // The batsman opens the line.
    let opens_line = text.get(..toks[s].start)?.ends_with('\n') || toks[s].start == 0;
    let batsman = match words.as_slice() {
        ["c" | "st", _, ..] | ["b" | "lbw", ..] => words.contains(&"b"),
        ["run", "out", ..] => true,
        _ => false,
    };
    (opens_line && batsman)
        .then(|| Cue::new(Kind::Person, 3, "a batsman's dismissal after".to_string()))
}

/// Bowling figures: overs (maybe with a ball count, `9.5`), maidens, runs and wickets.
fn is_bowling_figures(word: &str) -> bool {
    let word = word.trim_end_matches([',', ';', '.']);
    let parts: smallvec::SmallVec<[&str; 4]> = word.split('-').collect();
    let digits = |p: &str| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit());
    parts.len() == 4
        && parts[1..].iter().all(|p| digits(p))
        && match parts[0].split_once('.') {
            Some((overs, balls)) => digits(overs) && balls.len() == 1 && digits(balls),
            None => digits(parts[0]),
        }
}

/// A score: one to three digits.
fn is_score(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// Where the team names of a score line or a standings row end, in bytes of `line` (none
/// for any other line).
pub(crate) fn team_name_ends(line: &str) -> smallvec::SmallVec<[usize; 2]> {
    let mut out = smallvec::SmallVec::new();
    let words: smallvec::SmallVec<[(usize, &str); 16]> = line
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    // A name: words that do not start in lower case, nor with a digit.
    let name_word = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| !c.is_lowercase() && !c.is_ascii_digit() && c != '(')
    };
    let name_len = |from: usize| {
        words[from..]
            .iter()
            .take_while(|(_, w)| name_word(w))
            .count()
    };
    let first = name_len(0);
    if first == 0 || first == words.len() || !is_score(words[first].1) {
        return out;
    }
    let end_of = |k: usize| words[k].0 + words[k].1.len();
    // A standings row: then only figures (`80 54 .597 -`, `12 1/2`), three or more.
    let figures = &words[first..];
    let figure = |w: &str| w == "-" || w.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if figures.len() >= 3 && figures.iter().all(|(_, w)| figure(w)) {
        // Rounds of golf (60 to 89) and their total (200 to 350) are a player's.
        let golf = figures.iter().all(|(_, w)| {
            w.parse::<u32>()
                .is_ok_and(|v| (60..90).contains(&v) || (200..=350).contains(&v))
        });
        if !golf {
            out.push(end_of(first - 1));
        }
        return out;
    }
    // A score line: a second name and its score, then nothing or brackets.
    let second = name_len(first + 1);
    let k = first + 1 + second;
    if second > 0
        && words.get(k).is_some_and(|(_, w)| is_score(w))
        && words.get(k + 1).is_none_or(|(_, w)| w.starts_with('('))
    {
        out.push(end_of(first - 1));
        out.push(end_of(k - 1));
    }
    out
}

//! Line shapes: the short line around a word, the one rule for a line of sports results or
//! standings, which the matcher's context rules and the name finder's cues both read, and
//! the rule for a dateline. Must not decide what a name on such a line is: that stays with the rule that asks.

use crate::text::words::is_month;

/// Whether `line` is a line of results or standings: numbers, names and at most three
/// lower-case words (`Pohang 3 Ulsan 2 ( halftime 1-0 )`, `TORONTO 63 72 .467 12 1/2`).
pub(crate) fn results_line(line: &str) -> bool {
    let mut numbers = 0;
    let mut lower = 0;
    for w in line.split_whitespace() {
        let first = w.chars().next().unwrap_or(' ');
        if first.is_ascii_digit() || first == '.' && w.len() > 1 {
            numbers += 1;
        } else if first.is_lowercase() {
            lower += 1;
        }
    }
    numbers >= 2 && lower <= 3
}

/// Lines longer than this are prose: never a headline, a results line or a fixture.
pub(crate) const SHORT_LINE: usize = 400;

/// The line around byte `at`, when it is short (at most [`SHORT_LINE`] bytes each side):
/// the rules that read a whole line look that far only, so a document written on one line
/// costs no more than any other.
pub(crate) fn line_at(text: &str, at: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let from = at.saturating_sub(SHORT_LINE);
    let start = match memchr::memrchr(b'\n', &bytes[from..at]) {
        Some(k) => from + k + 1,
        None if from == 0 => 0,
        None => return None,
    };
    let to = (at + SHORT_LINE).min(bytes.len());
    let end = match memchr::memchr(b'\n', &bytes[at..to]) {
        Some(k) => at + k,
        None if to == bytes.len() => to,
        None => return None,
    };
    Some(&text[start..end])
}

/// Whether the name from byte `start` to `end` of `text` opens a dateline: it starts its
/// line, and after it come at most a region after a comma and then the date (`MILAN
/// 1996-08-30`, `BIRMINGHAM , England 1996-08-31`, `MOSCOW, April 24 (Reuters) -`). A
/// dateline says where the story was written: a place, whatever the story is about.
pub(crate) fn opens_dateline(text: &str, start: usize, end: usize) -> bool {
    let Some(line) = line_at(text, start) else {
        return false;
    };
    let base = line.as_ptr() as usize - text.as_ptr() as usize;
    // A name that runs past its line (`Rasa\nMazeikyte`) opens no dateline.
    let (Some(lead), Some(rest)) = (line.get(..start - base), line.get(end - base..)) else {
        return false;
    };
    if !lead.trim().is_empty() {
        return false;
    }
    let mut words = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    // At most three words of a region (`England`, `Calif.`, `South Africa`).
    let mut word = words.next();
    for _ in 0..3 {
        match word {
            Some(w) if w.starts_with(char::is_uppercase) && !is_month(w) => word = words.next(),
            _ => break,
        }
    }
    let Some(w) = word else {
        return false;
    };
    // `1996-08-30`, or a month and a day.
    let b = w.as_bytes();
    let iso = b.len() >= 8 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-';
    iso || is_month(w)
        && words
            .next()
            .is_some_and(|d| d.starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let at = |text: &str, name: &str| {
            let start = text.find(name).unwrap();
            opens_dateline(text, start, start + name.len())
        };
        assert!(at(
            "SOCCER - LENTINI MOVES .\nMILAN 1996-08-30\nLentini ...",
            "MILAN"
        ));
        assert!(at("BIRMINGHAM , England 1996-08-31\n", "BIRMINGHAM"));
        assert!(at("MOSCOW, April 24 (Reuters) - Russia said", "MOSCOW"));
        assert!(at("KHASAN, Russia, April 24 — Kim entered", "KHASAN"));
        // A name in a line, a score, a fixture, a year alone: no dateline.
        assert!(!at("He moved to Milan 1996-08-30", "Milan"));
        assert!(!at("MILAN 2 Roma 1\n", "MILAN"));
        assert!(!at("Milan v Roma ( April 5 )\n", "Milan"));
        assert!(!at("London 2012 was a success.", "London"));
        // A name that runs past its line is read safely, and opens none.
        assert!(!at("RASA\nMAZEIKYTE 1996-08-30", "RASA\nMAZEIKYTE"));
    }

    #[test]
    fn lines_of_results_and_standings() {
        assert!(results_line("Pohang 3 Ulsan 2 ( halftime 1-0 )"));
        assert!(results_line("TORONTO 63 72 .467 12 1/2"));
        assert!(!results_line(
            "Russia sent 3 ships and 200 men to the port on Friday ."
        ));
    }

    #[test]
    fn the_line_around_a_byte_when_it_is_short() {
        let text = "Results:\nSale 31 Wasps 33\nBath 56";
        assert_eq!(line_at(text, 10), Some("Sale 31 Wasps 33"));
        assert_eq!(line_at(text, 0), Some("Results:"));
        assert_eq!(line_at(text, text.len()), Some("Bath 56"));
        let long = format!("{}\nSale 31", "word ".repeat(200));
        assert_eq!(line_at(&long, 500), None);
        assert_eq!(line_at(&long, long.len() - 2), Some("Sale 31"));
    }
}

//! Line shapes: the short line around a word, and the one rule for a line of sports
//! results or standings, which the matcher's context rules and the name finder's cues both
//! read. Must not decide what a name on such a line is: that stays with the rule that asks.

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

#[cfg(test)]
mod tests {
    use super::*;

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

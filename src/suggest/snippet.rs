//! The example of an occurrence: a single line of about [`SNIPPET_WIDTH`] characters around
//! a run, inside its sentence, cut at word boundaries and on character boundaries, with
//! `...` where it is cut. Owns the snippet only: which run to show is decided elsewhere.

use crate::model::Span;

/// The width of an example snippet, in characters.
pub(crate) const SNIPPET_WIDTH: usize = 80;

/// A single-line snippet of about [`SNIPPET_WIDTH`] characters around `start..end`, inside
/// the sentence, whitespace collapsed, `...` where it is cut.
pub(crate) fn snippet(text: &str, sentence: Span, start: usize, end: usize) -> String {
    let len = text[start..end].chars().count();
    let room = SNIPPET_WIDTH.saturating_sub(len) / 2;
    let before: Vec<(usize, char)> = text[sentence.start()..start].char_indices().collect();
    let after_len = text[end..sentence.end()].chars().count();
    let before_len = before.len();
    let (mut left, mut right) = (room.min(before_len), room.min(after_len));
    // Give the slack of one side to the other.
    let total = SNIPPET_WIDTH.saturating_sub(len);
    if left < room {
        right = (total - left).min(after_len);
    } else if right < room {
        left = (total - right).min(before_len);
    }
    // `left` characters before the name: from the start of the sentence when that is all
    // of them, from the name itself when none fit (a name as wide as the snippet).
    let mut a = if left == before_len {
        sentence.start()
    } else {
        before
            .get(before_len - left)
            .map_or(start, |&(k, _)| sentence.start() + k)
    };
    let mut b = text[end..sentence.end()]
        .char_indices()
        .nth(right)
        .map_or(sentence.end(), |(k, _)| end + k);
    // Cut at word boundaries.
    if a > sentence.start() {
        if let Some(k) = text[a..start].find(char::is_whitespace) {
            a += k;
        }
    }
    if b < sentence.end() {
        if let Some(k) = text[end..b].rfind(char::is_whitespace) {
            b = end + k;
        }
    }
    let body = text[a..b].split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    if a > sentence.start() {
        out.push_str("...");
    }
    out.push_str(&body);
    if b < sentence.end() {
        out.push_str("...");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text[name]`'s snippet in a sentence that is the whole text.
    fn around(text: &str, name: &str) -> String {
        let start = text.find(name).unwrap();
        let sentence = Span::new(0, text.len());
        snippet(text, sentence, start, start + name.len())
    }

    #[test]
    fn a_name_as_wide_as_the_snippet_is_shown_whole() {
        let name = "Far Eastern Federal University School Of International Relations And \
                    Regional Studies Department";
        assert!(name.chars().count() > SNIPPET_WIDTH);
        let text = format!("A spokesman for the {name} said.");
        assert_eq!(around(&text, name), format!("...{name}..."));
        // One character short of the width or exactly as wide: no room on either side.
        for cut in [0, 1] {
            let name: String = name.chars().take(SNIPPET_WIDTH - cut).collect();
            let text = format!("A spokesman for the {name} said.");
            assert_eq!(around(&text, &name), format!("...{name}..."));
        }
        // Multi-byte letters around and inside the name.
        let name = "Ëast Ürals Fédération Of Ünited Ïndustrialists And Éntrepreneurs Of Çentral \
                    Ässociations";
        let text = format!("Der Sprecher der Vereinigung «{name}» äußerte sich.");
        assert_eq!(around(&text, name), format!("...{name}..."));
        // A name that is the whole sentence.
        assert_eq!(around(name, name), name);
    }

    #[test]
    fn a_short_name_gets_the_words_around_it() {
        let text = "In a long opening sentence that keeps going for a while, envoy Ilse \
                    Brandvold said the matter was closed, and then it goes on and on.";
        let e = around(text, "Ilse Brandvold");
        assert!(e.starts_with("...") && e.ends_with("..."), "{e}");
        assert!(e.contains("envoy Ilse Brandvold said"), "{e}");
        assert!(e.chars().count() <= SNIPPET_WIDTH + 6, "{e}");
        assert_eq!(
            around("Ilse Brandvold said.", "Ilse Brandvold"),
            "Ilse Brandvold said."
        );
    }
}

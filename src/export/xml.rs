//! XML text for the GEXF and GraphML writers: escaping for attribute values and element
//! text. Must not know either format.

/// Escapes `s` for an XML 1.0 attribute value in double quotes or for element text: `&`,
/// `<`, `>`, `"` and `'` as entities; a line break, carriage return or tab as a character
/// reference (so that an attribute value keeps it); any other control character, which
/// XML 1.0 cannot hold at all, as the visible text `\x00` (two hex digits).
///
/// # Examples
/// ```text
/// a<b & "c" (line break)  →  a&lt;b &amp; &quot;c&quot;&#10;
/// ```
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            // Not allowed in XML 1.0: the C0 controls and U+FFFE/U+FFFF.
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.push_str(&format!("\\x{:02X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_line_breaks_and_controls() {
        assert_eq!(
            escape("a<b & \"c\" 'd'\n\t\u{1}평양"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&#10;&#9;\\x01평양"
        );
    }
}

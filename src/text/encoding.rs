//! Byte-order marks: the one place that knows what the first bytes of a file say about its
//! encoding, for corpora and gazetteers alike.
//!
//! Must not decide what a caller does with a file that is not UTF-8.

/// The UTF-8 byte-order mark.
pub(crate) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// True when `bytes` start with a UTF-16 byte-order mark (either byte order).
pub(crate) fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_marks_in_both_orders() {
        assert!(is_utf16(b"\xFF\xFEa\0") && is_utf16(b"\xFE\xFF\0a"));
        assert!(!is_utf16(UTF8_BOM) && !is_utf16(b"\xFF") && !is_utf16(b""));
    }
}

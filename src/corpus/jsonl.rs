//! The JSON Lines corpus line: `{"id", "text"}` plus optional `title`, `date`, `url` and
//! any other string fields as metadata, read into a [`Document`]: the usual line (string
//! values, plain keys) directly, any other by serde_json with a visitor.
//!
//! Must not read files or decide what a bad line means for the run.

use crate::model::Document;
use crate::text::bytes::{block_at, string_stop_mask, BLOCK};

/// Parses one JSONL corpus line: `{"id", "text"}` plus optional `title`, `date`, `url`
/// (kept as metadata, as are any other string fields).
pub(super) fn parse_jsonl_document(line: &str) -> Result<Document, String> {
    match plain_line(line) {
        Some(doc) => Ok(doc),
        None => any_line(line),
    }
}

/// Any line, by serde_json: a visitor rather than a `serde_json::Value`, so that the text
/// goes straight into its `String`, with no map of values built and taken apart.
pub(super) fn any_line(line: &str) -> Result<Document, String> {
    let Line(doc) = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    doc
}

/// The usual corpus line read directly: an object whose values are all strings, `text`
/// among them, and whose keys have no escapes. `None` for anything else (numbers, nested
/// values, an escape JSON does not allow, a control character, a key written with
/// escapes, bad JSON), which serde_json then reads as before, errors and all: this gives
/// the same document as that path or none. The text is scanned for quotes, backslashes and
/// control characters 64 bytes at a time by masks and copied once into a string sized for
/// it; serde_json copies it twice (into its scratch buffer, growing, then out).
pub(super) fn plain_line(line: &str) -> Option<Document> {
    let b = line.as_bytes();
    let mut i = skip_space(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    let mut doc = Document::default();
    let mut text = None;
    loop {
        i = skip_space(b, i + 1);
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let key_end = i + 1 + memchr::memchr2(b'"', b'\\', &b[i + 1..])?;
        if b[key_end] != b'"' || b[i + 1..key_end].iter().any(|&c| c < 0x20) {
            return None;
        }
        let key = &line[i + 1..key_end];
        i = skip_space(b, key_end + 1);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_space(b, i + 1);
        if b.get(i) != Some(&b'"') {
            return None;
        }
        // The text takes most of the line: room for the rest of it, at most.
        let room = if key == "text" { b.len() - i } else { 0 };
        let mut value = String::with_capacity(room);
        i = json_string(line, i + 1, &mut value)?;
        match key {
            "text" => text = Some(value),
            "id" => doc.id = value,
            _ => {
                doc.meta.insert(key.to_string(), value);
            }
        }
        i = skip_space(b, i);
        match b.get(i) {
            Some(b',') => continue,
            Some(b'}') => break,
            _ => return None,
        }
    }
    if skip_space(b, i + 1) != b.len() {
        return None;
    }
    doc.text = text?;
    Some(doc)
}

/// The index of the first byte from `i` that is no JSON whitespace.
fn skip_space(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// Reads the JSON string whose first byte (after the opening quote) is at `i` into `out`;
/// returns the index after its closing quote, or `None` when it has an escape JSON does
/// not allow, a lone surrogate, a control character or no end.
fn json_string(line: &str, mut i: usize, out: &mut String) -> Option<usize> {
    let b = line.as_bytes();
    loop {
        let k = stop(b, i);
        // JSON forbids control characters inside a string.
        if *b.get(k)? < 0x20 {
            return None;
        }
        // Quotes and backslashes are ASCII: `i..k` is whole UTF-8.
        out.push_str(&line[i..k]);
        if b[k] == b'"' {
            return Some(k + 1);
        }
        let c = match *b.get(k + 1)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = hex4(b, k + 2)?;
                i = k + 6;
                let code = match hi {
                    0xD800..=0xDBFF => {
                        if b.get(i..i + 2) != Some(b"\\u") {
                            return None;
                        }
                        let lo = hex4(b, i + 2)?;
                        if !(0xDC00..=0xDFFF).contains(&lo) {
                            return None;
                        }
                        i += 6;
                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    0xDC00..=0xDFFF => return None,
                    _ => hi,
                };
                out.push(char::from_u32(code)?);
                continue;
            }
            _ => return None,
        };
        out.push(c);
        i = k + 2;
    }
}

/// The value of the four hex digits at `i`.
fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let digits = b.get(i..i + 4)?;
    digits.iter().try_fold(0u32, |v, &d| {
        let x = (d as char).to_digit(16)?;
        Some(v << 4 | x)
    })
}

/// The first byte from `i` that ends a plain run of a JSON string (a quote, a backslash, a
/// control character), or the end: 64 bytes at a time by masks, then byte by byte.
fn stop(b: &[u8], mut i: usize) -> usize {
    while let Some(block) = block_at(b, i) {
        let m = string_stop_mask(block);
        if m != 0 {
            return i + m.trailing_zeros() as usize;
        }
        i += BLOCK;
    }
    i + b[i..]
        .iter()
        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
        .unwrap_or(b.len() - i)
}

pub(super) const NOT_AN_OBJECT: &str = "expected a JSON object with `id` and `text`";

/// One parsed corpus line: a document, or why the line is not one.
struct Line(Result<Document, String>);

impl<'de> serde::Deserialize<'de> for Line {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Line, D::Error> {
        d.deserialize_any(LineVisitor)
    }
}

struct LineVisitor;

impl<'de> serde::de::Visitor<'de> for LineVisitor {
    type Value = Line;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(NOT_AN_OBJECT)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Line, A::Error> {
        use serde_json::Value;
        let mut doc = Document::default();
        // The last value of a key wins, as in a JSON object.
        let mut text: Option<Option<String>> = None;
        let mut id: Option<Value> = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "text" => text = Some(map.next_value::<MaybeString>()?.0),
                "id" => id = Some(map.next_value::<Value>()?),
                _ => match map.next_value::<Value>()? {
                    Value::String(v) => {
                        doc.meta.insert(key.into_owned(), v);
                    }
                    _ => {
                        doc.meta.remove(key.as_ref());
                    }
                },
            }
        }
        match id {
            None => {}
            Some(Value::String(v)) => doc.id = v,
            Some(Value::Number(n)) => doc.id = n.to_string(),
            Some(_) => return Ok(Line(Err("`id` must be a string or a number".to_string()))),
        }
        match text {
            None => Ok(Line(Err("missing field `text`".to_string()))),
            Some(None) => Ok(Line(Err("`text` must be a string".to_string()))),
            Some(Some(t)) => {
                doc.text = t;
                Ok(Line(Ok(doc)))
            }
        }
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Line, A::Error> {
        while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(not_an_object())
    }

    fn visit_bool<E>(self, _: bool) -> Result<Line, E> {
        Ok(not_an_object())
    }

    fn visit_i64<E>(self, _: i64) -> Result<Line, E> {
        Ok(not_an_object())
    }

    fn visit_u64<E>(self, _: u64) -> Result<Line, E> {
        Ok(not_an_object())
    }

    fn visit_f64<E>(self, _: f64) -> Result<Line, E> {
        Ok(not_an_object())
    }

    fn visit_str<E>(self, _: &str) -> Result<Line, E> {
        Ok(not_an_object())
    }

    fn visit_unit<E>(self) -> Result<Line, E> {
        Ok(not_an_object())
    }
}

fn not_an_object() -> Line {
    Line(Err(NOT_AN_OBJECT.to_string()))
}

/// A JSON value that is kept when it is a string (`None` otherwise).
struct MaybeString(Option<String>);

impl<'de> serde::Deserialize<'de> for MaybeString {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<MaybeString, D::Error> {
        // A string value costs what the string does; anything else is rare and dropped.
        serde_json::Value::deserialize(d).map(|v| match v {
            serde_json::Value::String(s) => MaybeString(Some(s)),
            _ => MaybeString(None),
        })
    }
}

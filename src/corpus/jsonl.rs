//! The JSON Lines corpus line: `{"id", "text"}` plus optional `title`, `date`, `url` and
//! any other string fields as metadata, parsed by a visitor straight into a [`Document`].
//!
//! Must not read files or decide what a bad line means for the run.

use crate::model::Document;

/// Parses one JSONL corpus line: `{"id", "text"}` plus optional `title`, `date`, `url`
/// (kept as metadata, as are any other string fields).
pub(super) fn parse_jsonl_document(line: &str) -> Result<Document, String> {
    // A visitor rather than a `serde_json::Value`: the text goes straight into its
    // `String`, with no map of values built and taken apart for every line.
    let Line(doc) = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    doc
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

//! Tests of discovery, reading, decoding and the JSON Lines line format.

use super::jsonl::NOT_AN_OBJECT;
use super::*;
use crate::error::Level;

fn collect(sources: Vec<Source>) -> Vec<Item> {
    Documents::new(sources).collect()
}

#[test]
fn discovers_sorted_files_and_notes_skipped_ones() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("sub")).unwrap();
    std::fs::write(d.join("b.txt"), "B").unwrap();
    std::fs::write(d.join("a.md"), "A").unwrap();
    std::fs::write(d.join("sub/c.jsonl"), "").unwrap();
    std::fs::write(d.join("photo.jpg"), "x").unwrap();
    let missing = d.join("missing.txt");
    let inputs = [d.display().to_string(), missing.display().to_string()];
    let (sources, problems) = discover(&inputs);
    assert_eq!(
        sources,
        [
            Source::Text(d.join("a.md")),
            Source::Text(d.join("b.txt")),
            Source::Jsonl(d.join("sub/c.jsonl"))
        ]
    );
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0].level, Level::Note);
    assert!(problems[0]
        .to_string()
        .ends_with("photo.jpg: skipped: not a .txt, .md or .jsonl file"));
    assert_eq!(problems[1].level, Level::Error);
}

#[test]
fn jsonl_documents_metadata_and_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("c.jsonl");
    std::fs::write(
        &p,
        "{\"id\": \"a\", \"text\": \"Putin spoke.\", \"title\": \"T\", \"date\": \"2019-04-25\"}\n\
         {not json}\n\n{\"id\": 7, \"text\": \"Kim\"}\n[1]\n{\"id\": \"x\"}\n",
    )
    .unwrap();
    let items = collect(vec![Source::Jsonl(p.clone())]);
    assert_eq!(items.len(), 5);
    let Item::Document(a) = &items[0] else {
        panic!()
    };
    assert_eq!((a.id.as_str(), a.meta["title"].as_str()), ("a", "T"));
    let Item::Problem(bad) = &items[1] else {
        panic!()
    };
    assert_eq!(bad.location.line, Some(2));
    assert!(bad.message.starts_with("invalid JSON"));
    let Item::Document(b) = &items[2] else {
        panic!()
    };
    assert_eq!(b.id, "7");
    assert!(matches!(&items[3], Item::Problem(p) if p.location.line == Some(5)));
    assert!(matches!(&items[4], Item::Problem(p) if p.message.contains("missing field `text`")));
}

#[test]
fn jsonl_line_rules() {
    let doc = |l: &str| parse_jsonl_document(l);
    let d = doc(r#"{"text": "A", "url": "u", "n": 3, "text": "B", "id": 12.5}"#).unwrap();
    // The last value of a key wins; non-string metadata is dropped; a number is an id.
    assert_eq!((d.text.as_str(), d.id.as_str()), ("B", "12.5"));
    assert_eq!(d.meta.keys().collect::<Vec<_>>(), ["url"]);
    assert_eq!(
        doc(r#"{"text": 5}"#).unwrap_err(),
        "`text` must be a string"
    );
    assert_eq!(
        doc(r#"{"id": [1], "text": "x"}"#).unwrap_err(),
        "`id` must be a string or a number"
    );
    assert_eq!(doc(r#"[{"text": "x"}]"#).unwrap_err(), NOT_AN_OBJECT);
    assert_eq!(doc(r#""text""#).unwrap_err(), NOT_AN_OBJECT);
    assert!(doc(r#"{"text": "x""#)
        .unwrap_err()
        .starts_with("invalid JSON"));
    let esc = doc(r#"{"te\u0078t": "Kim \"Jong\" Un\n", "ti\u0074le": "T"}"#).unwrap();
    assert_eq!(
        (esc.text.as_str(), esc.meta["title"].as_str()),
        ("Kim \"Jong\" Un\n", "T")
    );
}

/// The direct reading of plain lines gives what serde_json gives, or leaves the line to
/// it: over lines built from keys, escapes (surrogate pairs, lone surrogates, bad ones),
/// control characters, non-ASCII text, numbers, nested values and stray punctuation.
#[test]
fn plain_lines_read_directly_as_serde_json_reads_them() {
    use super::jsonl::{any_line, plain_line};
    // Structure first, then the pieces of string values.
    const STRUCTURE: &[&str] = &[
        "{", "}", "\"", "\":", "\",", "text", "id", "title", ", ", ": ", "12", "[1]", "null",
    ];
    // Pieces JSON allows in a string.
    const VALID: &[&str] = &[
        " ",
        r"\n",
        r#"\""#,
        r"\\",
        r"\/",
        r"\b",
        r"\f",
        r"\r",
        r"\t",
        r"\u0041",
        r"\u00e9",
        r"\u2014",
        r"\ud83d\ude00",
        "é",
        "—",
        "Kim Jong Un",
        "'",
    ];
    // And pieces it does not: raw control characters, bad or lone escapes, a bare quote.
    const INVALID: &[&str] = &[
        "\t",
        "\n",
        r"\ud83d",
        r"\ude00",
        r"\ud83dx",
        r"\u12",
        r"\x",
        "\u{1}",
        "\\",
        r"te\u0078t",
        "\"",
    ];
    let values: Vec<&str> = VALID.iter().chain(INVALID).copied().collect();
    let mut next = crate::sequence::sequence(0x9e37_79b9_u64);
    let mut direct = 0;
    for k in 0..20_000 {
        // Half the lines objects of string values, half random pieces.
        let line: String = if k % 2 == 0 {
            let fields: Vec<String> = (0..1 + next() % 4)
                .map(|_| {
                    let key = ["text", "id", "title", "url", "text"][next() % 5];
                    let pieces = if k % 4 == 0 { VALID } else { &values };
                    let value: String = (0..next() % 6)
                        .map(|_| pieces[next() % pieces.len()])
                        .collect();
                    format!("\"{key}\": \"{value}\"")
                })
                .collect();
            format!("{{{}}}", fields.join(", "))
        } else {
            (0..next() % 12)
                .map(|_| {
                    let all = next() % 2 == 0;
                    if all {
                        STRUCTURE[next() % STRUCTURE.len()]
                    } else {
                        values[next() % values.len()]
                    }
                })
                .collect()
        };
        match plain_line(&line) {
            Some(d) => {
                direct += 1;
                assert_eq!(Ok(d), any_line(&line), "{line:?}");
            }
            // An object of valid strings with a text is always read directly.
            None => assert!(k % 4 != 0 || !line.contains("\"text\":"), "{line:?}"),
        }
    }
    assert!(direct > 3_000, "{direct}");
    // And the usual corpus line is.
    let usual = r#"{"id": "doc-1", "text": "KHASAN \u2014 Kim \"arrived\".\n\nPutin waited.", "date": "2019-04-24"}"#;
    let d = plain_line(usual).unwrap();
    assert_eq!(d.text, "KHASAN — Kim \"arrived\".\n\nPutin waited.");
    assert_eq!(
        (d.id.as_str(), d.meta["date"].as_str()),
        ("doc-1", "2019-04-24")
    );
}

/// Invalid UTF-8 is not repaired (replacement characters would shift the offsets of
/// everything after them away from the file's bytes): the document, or the JSONL line, is
/// skipped with an error naming the file and line.
#[test]
fn invalid_utf8_is_an_error_at_its_file_or_line_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.txt");
    std::fs::write(&p, b"Vladimir Putin\nmet \xff\xfe Kim Jong Un.\n").unwrap();
    let items = collect(vec![Source::Text(p.clone())]);
    let Item::Problem(e) = &items[0] else {
        panic!("{items:?}")
    };
    assert_eq!(e.level, Level::Error);
    assert_eq!(
        e.to_string(),
        format!(
            "{}:2: invalid UTF-8 at byte 19: entgraph reads UTF-8 only (offsets index the input's bytes); document skipped",
            p.display()
        )
    );
    assert!(!items
        .iter()
        .any(|i| matches!(i, Item::Document(d) if d.id.ends_with("bad.txt"))));
    // In JSON Lines the error names the file and line, not the document id; the other
    // lines are read.
    let j = dir.path().join("c.jsonl");
    std::fs::write(
        &j,
        b"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"Kim \xff\"}\n{\"id\": \"c\", \"text\": \"ok\"}\n",
    )
    .unwrap();
    let items = collect(vec![Source::Jsonl(j.clone())]);
    assert_eq!(items.len(), 3, "{items:?}");
    let Item::Problem(e) = &items[1] else {
        panic!("{items:?}")
    };
    assert_eq!(e.level, Level::Error);
    assert_eq!(
        e.to_string(),
        format!("{}:2: invalid UTF-8 at byte 25: entgraph reads UTF-8 only (offsets index the input's bytes); line skipped", j.display())
    );
    assert!(matches!(&items[2], Item::Document(d) if d.id == "c"));
}

/// A UTF-8 byte-order mark is no part of the text: in a text file it reads as three spaces
/// (offsets still index the file's bytes), in JSON Lines it is not part of the first line's
/// JSON. A UTF-16 file is refused whole, with an error naming it.
#[test]
fn byte_order_marks() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("bom.txt");
    std::fs::write(&t, b"\xEF\xBB\xBFPutin met Kim.").unwrap();
    let j = dir.path().join("bom.jsonl");
    std::fs::write(
        &j,
        b"\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"Putin\"}\n{\"id\": \"b\", \"text\": \"Kim\"}\n",
    )
    .unwrap();
    let utf16 = |s: &str, le: bool| -> Vec<u8> {
        let mut b = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in s.encode_utf16() {
            b.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        b
    };
    let t16 = dir.path().join("le.txt");
    std::fs::write(&t16, utf16("Putin met Kim.\n", true)).unwrap();
    let j16 = dir.path().join("be.jsonl");
    std::fs::write(
        &j16,
        utf16(
            "{\"id\": \"a\", \"text\": \"Putin\"}\n{\"id\": \"b\", \"text\": \"Kim\"}\n",
            false,
        ),
    )
    .unwrap();
    let items = collect(vec![
        Source::Text(t.clone()),
        Source::Jsonl(j.clone()),
        Source::Text(t16.clone()),
        Source::Jsonl(j16.clone()),
    ]);
    let shown: Vec<String> = items
        .iter()
        .map(|i| match i {
            Item::Document(d) => format!("{}={:?}", d.id, d.text),
            Item::Problem(p) => p.to_string(),
        })
        .collect();
    assert_eq!(
        shown,
        [
            format!("{}=\"   Putin met Kim.\"", t.display()),
            "a=\"Putin\"".to_string(),
            "b=\"Kim\"".to_string(),
            format!(
                "{}: UTF-16 is not supported; convert to UTF-8; skipped",
                t16.display()
            ),
            format!(
                "{}: UTF-16 is not supported; convert to UTF-8; skipped",
                j16.display()
            ),
        ]
    );
    assert!(items[3..]
        .iter()
        .all(|i| matches!(i, Item::Problem(p) if p.level == Level::Error)));
}

/// A field that happens to share a name with anything internal is metadata like any
/// other, never a warning.
#[test]
fn any_metadata_field_is_only_metadata() {
    let name: Arc<str> = "c.jsonl".into();
    let d = decode_line(
        &name,
        0,
        br#"{"id": "a", "text": "Putin", "entgraph.invalid_utf8": "yes"}"#,
    );
    assert_eq!(d.problem, None);
    assert_eq!(d.document.unwrap().meta["entgraph.invalid_utf8"], "yes");
}

#[test]
fn a_document_longer_than_the_limit_is_refused_with_its_location() {
    let d = decode_document_limited("big.txt", b"Putin met Kim.", 10);
    assert!(d.document.is_none());
    let p = d.problem.unwrap();
    assert_eq!(p.level, Level::Error);
    assert!(
        p.to_string()
            .starts_with("big.txt: document of 14 bytes is longer than the 10 bytes"),
        "{p}"
    );
    assert!(decode_document_limited("ok.txt", b"Putin met Kim.", 14)
        .document
        .is_some());
    let name: Arc<str> = "c.jsonl".into();
    let d = decode_line_limited(&name, 4, br#"{"id": "a", "text": "Putin met Kim."}"#, 10);
    assert!(d
        .problem
        .unwrap()
        .to_string()
        .starts_with("c.jsonl:5: document of 14 bytes"));
    assert_eq!(MAX_DOCUMENT_BYTES, u32::MAX as usize);
}

#[test]
fn blocks_split_at_line_ends_and_recycled_buffers_are_read_into_again() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.jsonl");
    // About 3.5 blocks of short lines, one line of 5 blocks, then more short lines.
    let mut text = String::new();
    let mut n = 0;
    let mut line = |text: &mut String, body: &str| {
        text.push_str(&format!("{{\"id\": \"d{n}\", \"text\": \"{body}\"}}\n"));
        n += 1;
    };
    while text.len() < 7 * RawBlocks::BLOCK / 2 {
        line(&mut text, "Putin met Kim in Vladivostok.");
    }
    line(&mut text, &"x".repeat(5 * RawBlocks::BLOCK));
    for _ in 0..1000 {
        line(&mut text, "Lavrov and Ri Yong Ho.");
    }
    std::fs::write(&p, &text).unwrap();
    let mut blocks = RawBlocks::new(vec![Source::Jsonl(p)]);
    let (mut ids, mut lines, mut reused) = (Vec::new(), Vec::new(), 0);
    let mut last_buffer = None;
    while let Some(raw) = blocks.next() {
        let Raw::Lines { bytes, .. } = &raw else {
            panic!("a JSON Lines file is read in blocks of lines")
        };
        assert_eq!(bytes.last(), Some(&b'\n'), "a block ends at a line end");
        reused += usize::from(last_buffer == Some(bytes.as_ptr()));
        for unit in raw.units() {
            let Unit::Line { line, .. } = unit else {
                panic!()
            };
            lines.push(line);
            let Some(d) = unit.decode().document else {
                panic!("line {line} is a document")
            };
            ids.push(d.id);
        }
        last_buffer = Some(bytes.as_ptr());
        blocks.recycle(raw);
    }
    assert_eq!(ids, (0..n).map(|i| format!("d{i}")).collect::<Vec<_>>());
    assert_eq!(lines, (0..n).collect::<Vec<_>>());
    // The three blocks after the first read into the buffer of the block before; the
    // long line's block outgrows its buffer, which is not kept.
    assert!(reused >= 3, "buffers reused {reused} times");
    assert!(blocks
        .spare
        .iter()
        .all(|b| b.capacity() <= 4 * RawBlocks::BLOCK));
}

#[test]
fn unreadable_file_is_reported_and_stream_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let ok = dir.path().join("ok.txt");
    std::fs::write(&ok, "fine").unwrap();
    let items = collect(vec![
        Source::Text(dir.path().join("gone.txt")),
        Source::Text(ok),
    ]);
    assert!(matches!(&items[0], Item::Problem(p) if p.level == Level::Error));
    assert!(matches!(&items[1], Item::Document(d) if d.text == "fine"));
}

//! Embeds the gazetteer packs under `gazetteers/` in the library, so an installed binary
//! works anywhere. Writes `$OUT_DIR/embedded_gazetteers.rs` with one `include_str!` per file,
//! in sorted path order.

use std::fmt::Write as _;
use std::path::PathBuf;

// The library's directory walk, so the embedded packs are the files `-g DIR` would read.
#[allow(dead_code, unreachable_pub)]
#[path = "src/walk.rs"]
mod walk;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("gazetteers");
    println!("cargo:rerun-if-changed={}", root.display());
    let (files, errors) = walk::files(&root);
    if let Some(e) = errors.first() {
        panic!("cannot list {}: {}", e.path.display(), e.error);
    }
    let files: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| {
            matches!(
                f.extension().and_then(|e| e.to_str()),
                Some("txt" | "jsonl")
            )
        })
        .collect();
    let mut code = String::from("/// Embedded gazetteer files: (path below `gazetteers/`, contents).\npub(super) static FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_gazetteers.rs");
    std::fs::write(out, code).unwrap();
}

//! Drawing graph.dot with an installed Graphviz (`build --render`): the binary's, since
//! running external programs is no part of the library. Must not write DOT itself.

use std::io;
use std::path::{Path, PathBuf};

use entgraph::error::OutputError;
use entgraph::export;

/// Rendering with Graphviz failed.
#[derive(Debug, thiserror::Error)]
pub(crate) enum RenderError {
    /// No Graphviz `dot` on the PATH.
    #[error("Graphviz is not installed (no `dot` on PATH); install it (e.g. `apt-get install graphviz`, `brew install graphviz`) or render graph.dot elsewhere")]
    NotInstalled,
    /// Graphviz ran and failed.
    #[error("Graphviz failed: {0}")]
    Failed(String),
    /// The rendered file could not be moved into place.
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// Renders a DOT file with Graphviz into `format` (`svg`, `png`, `pdf`) next to it, using
/// the layout engine the file names. Returns the path written.
///
/// # Errors
/// When Graphviz is missing or fails.
pub(crate) fn render(dot: &Path, format: &str) -> Result<PathBuf, RenderError> {
    let out = dot.with_extension(format);
    // Named as `export::write_set` names its temporaries, so that a later build removes
    // it if this run is killed while Graphviz draws.
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned());
    let tmp = out.with_file_name(export::temporary_name(&name.unwrap_or_default()));
    let result = std::process::Command::new("dot")
        .arg(format!("-T{format}"))
        .arg(dot)
        .arg("-o")
        .arg(&tmp)
        .output();
    match result {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(RenderError::NotInstalled),
        Err(e) => Err(RenderError::Failed(e.to_string())),
        Ok(o) if !o.status.success() => {
            let _ = std::fs::remove_file(&tmp);
            Err(RenderError::Failed(
                String::from_utf8_lossy(&o.stderr).trim().to_string(),
            ))
        }
        Ok(_) => {
            std::fs::rename(&tmp, &out).map_err(|source| OutputError {
                path: out.clone(),
                source,
            })?;
            Ok(out)
        }
    }
}

//! Stage 5, write: a build goes into a temporary folder beside the output and replaces the
//! output only when every renderer succeeded, so a failed build never leaves `output/`
//! half-written or empty.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Runs `fill` on a fresh temporary folder next to `out`, then swaps it in for `out`.
pub fn atomically(out: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::io("create folder", &parent, e))?;
    let name = out.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let building = parent.join(format!(".{name}.building"));
    let old = parent.join(format!(".{name}.old"));
    remove(&building)?;
    std::fs::create_dir(&building).map_err(|e| Error::io("create folder", &building, e))?;
    if let Err(e) = fill(&building) {
        let _ = std::fs::remove_dir_all(&building);
        return Err(e);
    }
    remove(&old)?;
    if out.exists() {
        std::fs::rename(out, &old).map_err(|e| Error::io("move aside", out, e))?;
    }
    if let Err(e) = std::fs::rename(&building, out) {
        // Put the previous output back before giving up.
        let _ = std::fs::rename(&old, out);
        return Err(Error::io("move into place", out, e));
    }
    remove(&old)
}

fn remove(path: &Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io("remove", path, e)),
        _ => Ok(()),
    }
}

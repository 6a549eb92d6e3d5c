//! Stage 5, write: a build goes into a temporary folder beside the output and replaces the
//! output in one step only when every renderer succeeded, so a failed or killed build never
//! leaves `output/` half-written, empty or missing.
//!
//! A build replaces only a folder it owns. `--out content` once deleted every YAML file: an
//! output that overlaps the content, the git work tree's root or the current folder is refused,
//! and so is an existing folder that a build did not make (every build marks its output with
//! [`MARKER`]).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Kind, Result};
use crate::t;

/// The file that marks a folder as a safeduty output, which the next build may replace.
pub(crate) const MARKER: &str = ".safeduty-output";
const MARKER_TEXT: &str = "This folder was made by `safeduty build`; the next build replaces it whole.\n";

/// Runs `fill` on a fresh temporary folder next to `out`, then swaps it in for `out`.
/// `content` is the content folder, which the output may not overlap.
pub(crate) fn atomically(out: &Path, content: &Path, fill: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    let out = claim(out, content)?;
    let parent = out.parent().expect("a claimed output has a parent").to_path_buf();
    std::fs::create_dir_all(&parent).map_err(|e| Error::io("create folder", &parent, e))?;
    let name = out.file_name().expect("a claimed output has a name").to_string_lossy().into_owned();
    let building = parent.join(format!(".{name}.building"));
    let old = parent.join(format!(".{name}.old"));
    // A build killed between the two renames of the fallback left the output aside: put it back.
    if !out.exists() && owned(&old)? {
        std::fs::rename(&old, &out).map_err(|e| Error::io("restore", &out, e))?;
    }
    remove_owned(&building)?;
    remove_owned(&old)?;
    std::fs::create_dir(&building).map_err(|e| Error::io("create folder", &building, e))?;
    // Marked first: a leftover of a killed build is known to be ours.
    let marked = std::fs::write(building.join(MARKER), MARKER_TEXT).map_err(|e| Error::io("write", &building, e));
    if let Err(e) = marked.and_then(|()| fill(&building)) {
        let _ = remove_owned(&building);
        return Err(e);
    }
    if out.exists() {
        swap(&building, &out, &old)?;
        // `building` (or `old`) now holds the previous output.
        remove_owned(&building)?;
        remove_owned(&old)
    } else {
        std::fs::rename(&building, &out).map_err(|e| Error::io("move into place", &out, e))
    }
}

/// Exchanges the new output with the old one in one step where the system can (Linux's
/// `renameat2` with `RENAME_EXCHANGE`); elsewhere with two renames, the old output kept aside
/// as `old` until the new one is in place.
fn swap(new: &Path, out: &Path, old: &Path) -> Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(|_| Error::usage(t!("write-nul")));
        let (a, b) = (c(new)?, c(out)?);
        // SAFETY: two valid NUL-terminated paths, relative to the current folder.
        let done =
            unsafe { libc::renameat2(libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), libc::RENAME_EXCHANGE) };
        if done == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        // File systems without the exchange (some network ones) say EINVAL; old kernels ENOSYS.
        if !matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) {
            return Err(Error::io("swap in the new output for", out, e));
        }
    }
    std::fs::rename(out, old).map_err(|e| Error::io("move aside", out, e))?;
    if let Err(e) = std::fs::rename(new, out) {
        // Put the previous output back before giving up.
        let _ = std::fs::rename(old, out);
        return Err(Error::io("move into place", out, e));
    }
    Ok(())
}

/// The output folder as an absolute path, once it is sure that replacing it loses nothing
/// that a build did not make.
fn claim(out: &Path, content: &Path) -> Result<PathBuf> {
    let refuse = |why: String, help: String| {
        Err(Error::new(Kind::Output, t!("write-refused", out = out.display().to_string(), why, help)))
    };
    let name_it = || t!("write-name-it");
    let real = absolute(out).map_err(|e| Error::io("find", out, e))?;
    if real.file_name().is_none() || real.parent().is_none() {
        return refuse(t!("write-not-a-folder-name"), name_it());
    }
    let content = content.canonicalize().map_err(|e| Error::io("find", content, e))?;
    let overlaps = |other: &Path| real.starts_with(other) || other.starts_with(&real);
    if overlaps(&content) {
        return refuse(t!("write-overlaps-content", folder = content.display().to_string()), name_it());
    }
    if let Ok(here) = std::env::current_dir().and_then(|d| d.canonicalize())
        && here.starts_with(&real)
    {
        return refuse(t!("write-current-folder"), name_it());
    }
    if let Some(top) = work_tree(&content)
        && top.starts_with(&real)
    {
        return refuse(t!("write-work-tree", folder = top.display().to_string()), name_it());
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from).and_then(|h| h.canonicalize().ok())
        && home.starts_with(&real)
    {
        return refuse(t!("write-home"), name_it());
    }
    match std::fs::symlink_metadata(&real) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io("look at", &real, e)),
        Ok(meta) if meta.file_type().is_symlink() => {
            return refuse(t!("write-symlink"), t!("write-symlink-help"));
        }
        Ok(meta) if !meta.is_dir() => return refuse(t!("write-file"), name_it()),
        Ok(_) if !owned(&real)? => {
            return refuse(t!("write-not-ours", marker = MARKER), t!("write-not-ours-help"));
        }
        Ok(_) => {}
    }
    Ok(real)
}

/// Whether a build may replace `dir`: it holds the marker, or nothing but folders a build may
/// replace (`output/` made only to hold `output/print/`).
fn owned(dir: &Path) -> Result<bool> {
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io("look at", dir, e)),
        Ok(meta) if !meta.is_dir() => Ok(false),
        Ok(_) => {
            if dir.join(MARKER).is_file() {
                return Ok(true);
            }
            for entry in std::fs::read_dir(dir).map_err(|e| Error::io("read", dir, e))? {
                let entry = entry.map_err(|e| Error::io("read", dir, e))?;
                if !owned(&entry.path())? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
    }
}

/// Removes a leftover of an earlier build, if there is one; refuses to remove anything else.
/// The marker goes last: a build killed while removing leaves a folder still known as its own.
fn remove_owned(path: &Path) -> Result<()> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(());
    }
    if !owned(path)? {
        return Err(Error::new(Kind::Output, t!("write-in-the-way", path = path.display().to_string())));
    }
    let entries: Vec<std::fs::DirEntry> =
        std::fs::read_dir(path).and_then(|entries| entries.collect()).map_err(|e| Error::io("read", path, e))?;
    // The marker goes last, with the folder: a removal cut short leaves a folder known as ours.
    entries.par_iter().filter(|entry| entry.file_name() != MARKER).try_for_each(|entry| {
        let child = entry.path();
        let removed = match entry.file_type() {
            Ok(kind) if kind.is_dir() => remove_tree(&child),
            _ => std::fs::remove_file(&child),
        };
        removed.map_err(|e| Error::io("remove", &child, e))
    })?;
    std::fs::remove_dir_all(path).map_err(|e| Error::io("remove", path, e))
}

/// Removes a folder and what it holds, its subfolders side by side: unlinking a site's 20,000
/// files one by one kept one core busy for a fifth of a second at the end of every build. A
/// link is removed, never followed (`file_type` does not follow it).
fn remove_tree(path: &Path) -> std::io::Result<()> {
    let entries: Vec<std::fs::DirEntry> = std::fs::read_dir(path)?.collect::<std::io::Result<_>>()?;
    entries.par_iter().try_for_each(|entry| match entry.file_type()? {
        kind if kind.is_dir() => remove_tree(&entry.path()),
        _ => std::fs::remove_file(entry.path()),
    })?;
    std::fs::remove_dir(path)
}

/// `path` made absolute with every link of the part that exists resolved (an output folder
/// need not exist yet).
fn absolute(path: &Path) -> std::io::Result<PathBuf> {
    let path = std::path::absolute(path)?;
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    loop {
        match existing.canonicalize() {
            Ok(real) => {
                let mut real = real;
                for part in rest.iter().rev() {
                    real.push(part);
                }
                return Ok(normalise(&real));
            }
            Err(_) => match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name.to_os_string());
                    existing = parent;
                }
                _ => return Ok(normalise(&path)),
            },
        }
    }
}

/// Resolves `.` and `..` in a path that has no links left.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// The root of the git work tree holding `dir`, if any.
fn work_tree(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().find(|d| d.join(".git").exists()).map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_outputs_it_does_not_own() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let content = root.join("repo/content");
        std::fs::create_dir_all(&content).unwrap();
        std::fs::create_dir(root.join("repo/.git")).unwrap();
        std::fs::write(root.join("file.txt"), "x").unwrap();
        std::fs::create_dir(root.join("photos")).unwrap();
        std::fs::write(root.join("photos/a.jpg"), "x").unwrap();
        let fill = |tmp: &Path| std::fs::write(tmp.join("index.html"), "new").map_err(|e| Error::io("write", tmp, e));
        for (out, why) in [
            (content.clone(), "overlaps the content"),
            (content.join("output"), "overlaps the content"),
            (root.join("repo"), "overlaps the content"),
            (root.join("repo/content/.."), "overlaps the content"),
            (root.join("file.txt"), "it is a file"),
            (root.join("photos"), "was not made by safeduty"),
        ] {
            let e = atomically(&out, &content, fill).unwrap_err().to_string();
            assert!(e.contains(why), "{}: {e}", out.display());
        }
        assert_eq!(std::fs::read_to_string(root.join("file.txt")).unwrap(), "x");
        assert!(root.join("photos/a.jpg").exists() && content.exists());

        let out = root.join("site");
        atomically(&out, &content, fill).unwrap();
        atomically(&out, &content, fill).unwrap();
        assert!(out.join(MARKER).is_file());
        let names: Vec<_> = std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert!(!names.iter().any(|n| n.to_string_lossy().contains(".building")), "{names:?}");
        // An empty folder may be taken, and one that holds only outputs.
        std::fs::create_dir(root.join("empty")).unwrap();
        atomically(&root.join("empty"), &content, fill).unwrap();
        atomically(&root.join("all/print"), &content, fill).unwrap();
        atomically(&root.join("all"), &content, fill).unwrap();
    }

    #[test]
    fn a_failed_build_leaves_the_output_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir(&content).unwrap();
        let out = dir.path().join("output");
        atomically(&out, &content, |tmp| std::fs::write(tmp.join("a"), "1").map_err(|e| Error::io("w", tmp, e)))
            .unwrap();
        let failed = atomically(&out, &content, |tmp| {
            std::fs::write(tmp.join("a"), "2").unwrap();
            Err(Error::internal("renderer failed"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(out.join("a")).unwrap(), "1");
        assert!(!dir.path().join(".output.building").exists());
    }
}

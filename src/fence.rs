//! The content boundary: a build reads nothing outside the content folder.
//!
//! Git stores symbolic links, so whoever can commit content can commit `scans/a.pdf ->
//! /etc/shadow`; a build that followed it would publish the file on the intranet. Every read of
//! content (the walk of the tree, the theme, scans of signed letters, evidence files) goes
//! through a [`Fence`], which decides what a path may mean:
//!
//! - A symbolic link inside the tree means its target, as if the target were copied there, when
//!   the target resolves inside the content folder and is not hidden (`.git/config` is not
//!   content). Links that leave the folder, dangle or loop, and special files (FIFOs, sockets,
//!   devices), are refused with the link's name and its target's path, never its contents.
//! - A path written in the content (`scan: scans/a.pdf`) is relative to its folder and may not
//!   be absolute or climb with `..`.
//!
//! Files found by the walk are read at their resolved path with `O_NOFOLLOW`, so a file swapped
//! for a link after the walk is refused rather than followed.

use std::path::{Component, Path, PathBuf};

use crate::t;

/// Why a path was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// A link (or a path written in the content) whose target lies outside the content folder.
    Outside { target: PathBuf },
    /// A link to a hidden file or folder (`.git`, `.env`): never content.
    Hidden { target: String },
    /// A link whose target does not exist.
    Dangling { target: PathBuf },
    /// Links that lead back to a folder that contains them.
    Loop,
    /// A FIFO, socket or device: reading it could block or never end. `kind` is `fifo`,
    /// `socket`, `device` or `special`.
    Special { kind: &'static str },
    /// A path written in the content that is absolute or climbs with `..`.
    Climbs,
    /// A path written in the content that names nothing, or a folder.
    Missing,
    /// The file system refused (permissions, I/O).
    Io(String),
}

impl Refusal {
    /// The diagnostic code: links and special files have their own, so that a user can find
    /// them in the docs.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            Refusal::Outside { .. } | Refusal::Hidden { .. } | Refusal::Climbs => "outside-content",
            Refusal::Dangling { .. } | Refusal::Loop => "broken-link",
            Refusal::Special { .. } => "special-file",
            Refusal::Missing => "missing-file",
            Refusal::Io(_) => "read-error",
        }
    }

    /// What is wrong, for a message that names the path it is about: said of the path, in the
    /// chosen language ("is a link to `/etc/x`, outside the content folder").
    pub(crate) fn reason(&self) -> String {
        match self {
            Refusal::Outside { target } => t!("fence-outside", target = target.display().to_string()),
            Refusal::Hidden { target } => t!("fence-hidden", target = target.as_str()),
            Refusal::Dangling { target } => t!("fence-dangling", target = target.display().to_string()),
            Refusal::Loop => t!("fence-loop"),
            Refusal::Special { kind } => t!("fence-special", kind = *kind),
            Refusal::Climbs => t!("fence-climbs"),
            Refusal::Missing => t!("fence-missing"),
            Refusal::Io(e) => t!("fence-io", error = e.as_str()),
        }
    }

    /// The whole message about the path `name`: "`scans/a.pdf` is a link to …".
    pub(crate) fn message(&self, name: &str) -> String {
        t!("fence-refused", name, reason = self.reason())
    }

    /// How to fix it.
    pub(crate) fn help(&self) -> String {
        match self {
            Refusal::Outside { .. } | Refusal::Hidden { .. } => t!("fence-outside-help"),
            Refusal::Dangling { .. } | Refusal::Loop => t!("fence-link-help"),
            Refusal::Special { .. } => t!("fence-special-help"),
            Refusal::Climbs => t!("fence-climbs-help"),
            Refusal::Missing => t!("fence-missing-help"),
            Refusal::Io(_) => t!("fence-io-help"),
        }
    }
}

/// A file the walk found: its name below the root, and the path to read it at.
#[derive(Debug, Clone)]
pub(crate) struct Walked {
    /// Path below the content root, `/`-separated (what diagnostics print).
    pub(crate) name: String,
    /// Where to read it: the file itself, or a link's resolved target.
    pub(crate) path: PathBuf,
    pub(crate) refused: Option<Refusal>,
}

/// The content folder, as given and as resolved.
#[derive(Debug, Clone)]
pub(crate) struct Fence {
    root: PathBuf,
    real: PathBuf,
}

impl Fence {
    pub(crate) fn new(root: &Path) -> std::io::Result<Fence> {
        Ok(Fence { root: root.to_path_buf(), real: root.canonicalize()? })
    }

    /// Every file below `under` (a folder below the root, `""` for the root), in name order,
    /// following links that stay inside; `skip` is told each name below the root (files and
    /// folders) and leaves out those it returns true for. Refused entries are in the list, in
    /// their place, so that they are reported where they are.
    pub(crate) fn walk(&self, under: &str, skip: impl Fn(&str) -> bool) -> Vec<Walked> {
        let start = if under.is_empty() { self.root.clone() } else { self.root.join(under) };
        if !under.is_empty() {
            // A folder named in the content (the theme's) may itself be a link.
            match std::fs::symlink_metadata(&start) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
                _ => {
                    if let Err(refused) = self.resolve_link(&start) {
                        return vec![Walked { name: under.to_string(), path: start, refused: Some(refused) }];
                    }
                }
            }
        }
        let found = std::cell::RefCell::new(Vec::new());
        let walker =
            walkdir::WalkDir::new(&start).follow_links(true).sort_by_file_name().into_iter().filter_entry(|e| {
                if e.depth() == 0 {
                    return true;
                }
                let name = self.name(e.path());
                if skip(&name) {
                    return false;
                }
                if e.path_is_symlink()
                    && let Err(refused) = self.resolve_link(e.path())
                {
                    found.borrow_mut().push(Walked { name, path: e.path().to_path_buf(), refused: Some(refused) });
                    return false;
                }
                true
            });
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    let path = err.path().map_or_else(|| start.clone(), Path::to_path_buf);
                    let refused = if err.loop_ancestor().is_some() {
                        Refusal::Loop
                    } else if let Ok(target) = std::fs::read_link(&path) {
                        // Following a link failed: its target is not there.
                        Refusal::Dangling { target }
                    } else {
                        Refusal::Io(err.io_error().map_or_else(|| err.to_string(), ToString::to_string))
                    };
                    found.borrow_mut().push(Walked { name: self.name(&path), path, refused: Some(refused) });
                    continue;
                }
            };
            let kind = entry.file_type();
            if kind.is_dir() {
                continue;
            }
            let name = self.name(entry.path());
            let special = special_kind(&kind);
            let (path, refused) = match special {
                Some(kind) => (entry.path().to_path_buf(), Some(Refusal::Special { kind })),
                None if entry.path_is_symlink() => match self.resolve_link(entry.path()) {
                    Ok(real) => (real, None),
                    Err(refused) => (entry.path().to_path_buf(), Some(refused)),
                },
                None => (entry.path().to_path_buf(), None),
            };
            found.borrow_mut().push(Walked { name, path, refused });
        }
        found.into_inner()
    }

    /// The real path of a file named in the content, relative to `base` (a folder below the
    /// root, `/`-separated): `scan: scans/a.pdf` in `institutions/x/signing.yaml`.
    pub(crate) fn resolve(&self, base: &str, rel: &str) -> Result<PathBuf, Refusal> {
        let written = Path::new(rel);
        if rel.is_empty() || !written.components().all(|c| matches!(c, Component::Normal(_))) {
            return Err(Refusal::Climbs);
        }
        let path = self.root.join(base).join(written);
        match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Refusal::Missing),
            Err(e) => return Err(Refusal::Io(e.to_string())),
            Ok(_) => {}
        }
        let real = self.resolve_link(&path)?;
        let meta = std::fs::metadata(&real).map_err(|e| Refusal::Io(e.to_string()))?;
        if let Some(kind) = special_kind(&meta.file_type()) {
            return Err(Refusal::Special { kind });
        }
        if !meta.is_file() {
            return Err(Refusal::Missing);
        }
        Ok(real)
    }

    /// The bytes of a file named in the content (see `resolve`).
    pub(crate) fn read(&self, base: &str, rel: &str) -> Result<Vec<u8>, Refusal> {
        let real = self.resolve(base, rel)?;
        read_no_follow(&real).map_err(|e| Refusal::Io(e.to_string()))
    }

    /// Where a path below the root really leads, if that is inside the root and not hidden.
    fn resolve_link(&self, path: &Path) -> Result<PathBuf, Refusal> {
        let real = match path.canonicalize() {
            Ok(real) => real,
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => return Err(Refusal::Loop),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let target = std::fs::read_link(path).unwrap_or_else(|_| path.to_path_buf());
                return Err(Refusal::Dangling { target });
            }
            Err(e) => return Err(Refusal::Io(e.to_string())),
        };
        let Ok(inside) = real.strip_prefix(&self.real) else {
            return Err(Refusal::Outside { target: real });
        };
        if inside.components().any(|c| is_hidden(&c.as_os_str().to_string_lossy())) {
            let target = inside.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            return Err(Refusal::Hidden { target });
        }
        Ok(real)
    }

    /// A path below the root as diagnostics print it.
    fn name(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
    }
}

/// Names that are not content: hidden (`.git`, editor swap files) or an editor's backup. The
/// preview's file watcher ignores the same names.
pub(crate) fn is_hidden(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~')
}

/// Reads a file that the walk found, refusing it if it has become a link since.
pub(crate) fn read_no_follow(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Also O_NONBLOCK: a FIFO put in a file's place must not hang the build.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let mut file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        let kind = special_kind(&meta.file_type()).unwrap_or("folder");
        return Err(std::io::Error::other(t!("fence-not-a-file", kind)));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn special_kind(kind: &std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("fifo");
        }
        if kind.is_socket() {
            return Some("socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("device");
        }
    }
    (!kind.is_file() && !kind.is_dir() && !kind.is_symlink()).then_some("special")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn tree() -> (tempfile::TempDir, Fence) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("content");
        std::fs::create_dir_all(root.join("a/b")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join("a/b/file.txt"), "inside").unwrap();
        std::fs::write(root.join(".git/config"), "secret").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "outside").unwrap();
        let fence = Fence::new(&root).unwrap();
        (dir, fence)
    }

    fn refusal(fence: &Fence, name: &str) -> Option<Refusal> {
        fence.walk("", |n| n.starts_with('.')).into_iter().find(|w| w.name == name).and_then(|w| w.refused)
    }

    #[test]
    fn links_inside_mean_their_target_and_links_out_are_refused() {
        let (dir, fence) = tree();
        let root = fence.root.clone();
        symlink("b/file.txt", root.join("a/inside.txt")).unwrap();
        symlink(dir.path().join("secret.txt"), root.join("a/outside.txt")).unwrap();
        symlink("../.git/config", root.join("a/hidden.txt")).unwrap();
        symlink("nowhere.txt", root.join("a/dangling.txt")).unwrap();
        symlink(dir.path(), root.join("up")).unwrap();
        symlink("..", root.join("a/b/loop")).unwrap();
        let walked = fence.walk("", |n| n.starts_with('.'));
        let inside = walked.iter().find(|w| w.name == "a/inside.txt").unwrap();
        assert_eq!(inside.refused, None);
        assert_eq!(read_no_follow(&inside.path).unwrap(), b"inside");
        assert!(matches!(refusal(&fence, "a/outside.txt"), Some(Refusal::Outside { .. })));
        assert_eq!(refusal(&fence, "a/hidden.txt"), Some(Refusal::Hidden { target: ".git/config".into() }));
        assert!(matches!(refusal(&fence, "a/dangling.txt"), Some(Refusal::Dangling { .. })));
        // A folder link out is refused before anything below it is walked.
        assert!(matches!(refusal(&fence, "up"), Some(Refusal::Outside { .. })));
        assert!(!walked.iter().any(|w| w.name.starts_with("up/")));
        assert_eq!(refusal(&fence, "a/b/loop"), Some(Refusal::Loop));
        assert!(!walked.iter().any(|w| w.name.contains("secret")));
    }

    #[test]
    fn paths_written_in_the_content_stay_inside() {
        let (dir, fence) = tree();
        let root = fence.root.clone();
        symlink(dir.path().join("secret.txt"), root.join("a/out.pdf")).unwrap();
        assert_eq!(fence.read("a", "b/file.txt").unwrap(), b"inside");
        assert_eq!(fence.read("a", "../secret.txt"), Err(Refusal::Climbs));
        assert_eq!(fence.read("a", "/etc/hostname"), Err(Refusal::Climbs));
        assert!(matches!(fence.read("a", "out.pdf"), Err(Refusal::Outside { .. })));
        assert_eq!(fence.read("a", "b"), Err(Refusal::Missing));
        assert_eq!(fence.read("a", "none.pdf"), Err(Refusal::Missing));
    }

    #[test]
    fn special_files_are_refused_and_never_opened_blocking() {
        let (_dir, fence) = tree();
        let fifo = fence.root.join("a/pipe.yaml");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        assert!(matches!(refusal(&fence, "a/pipe.yaml"), Some(Refusal::Special { .. })));
        assert!(matches!(fence.read("a", "pipe.yaml"), Err(Refusal::Special { .. })));
        assert!(read_no_follow(&fifo).is_err());
    }
}

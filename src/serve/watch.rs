//! File events → what changed since the last pass: which files, whether they were only written
//! in place, and inside which institutions' folders.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use notify::{Event, EventKind};

use crate::load;

/// What the file events since the last pass say changed.
#[derive(Default)]
pub(super) struct Changes {
    /// The content folder, as the watcher names it (absolute; empty: not watched yet).
    pub(super) root: PathBuf,
    /// The paths of relevant events; `root` itself when anything may have changed.
    pub(super) paths: Vec<PathBuf>,
    /// Whether every event was a write into an existing file (no file created, removed or
    /// renamed, no event lost).
    pub(super) in_place: bool,
    /// Whether the watcher reported an error.
    pub(super) failed: bool,
}

impl Changes {
    /// The institutions whose folders hold every changed file, if so (see `edited_institutions`).
    pub(super) fn institutions(&self) -> Option<BTreeSet<String>> {
        (!self.root.as_os_str().is_empty()).then(|| edited_institutions(&self.root, &self.paths))?
    }

    /// What a load can be told: which files were written, when that is all that happened.
    pub(super) fn since(&self) -> Option<Vec<String>> {
        if !self.in_place || self.root.as_os_str().is_empty() {
            return None;
        }
        let name = |p: &PathBuf| {
            let rel = p.strip_prefix(&self.root).ok()?;
            let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
            Some(parts?.join("/"))
        };
        self.paths.iter().map(name).collect()
    }
}

/// Whether a file event means content changed. Reads are events too on Linux (the rebuild
/// itself reads every file): counting them would rebuild forever.
/// The paths of a relevant event are added to `changes`; the root itself when events were lost
/// (the kernel's queue overflowed, or watching failed): then anything may have changed.
pub(super) fn triggers_rebuild(event: &notify::Result<Event>, changes: &mut Changes) -> bool {
    use notify::event::ModifyKind;
    match event {
        Ok(event) if event.need_rescan() => {
            changes.paths.push(changes.root.clone());
            changes.in_place = false;
            true
        }
        Ok(event) if matches!(event.kind, EventKind::Access(_)) => false,
        Ok(event) => {
            let before = changes.paths.len();
            changes.paths.extend(event.paths.iter().filter(|p| relevant(p)).cloned());
            let written = matches!(event.kind, EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Metadata(_)));
            let relevant = changes.paths.len() > before;
            changes.in_place &= written || !relevant;
            relevant
        }
        Err(e) => {
            eprintln!("{}", crate::t!("serve-watch-failed", error = e.to_string()));
            changes.paths.push(changes.root.clone());
            changes.in_place = false;
            changes.failed = true;
            true
        }
    }
}

/// Editor swap and backup files do not trigger a rebuild.
fn relevant(path: &Path) -> bool {
    path.file_name().map(|n| n.to_string_lossy()).is_some_and(|n| !load::is_hidden(&n))
}

/// The institutions whose folders hold every changed file (`institutions/<id>/...`), or None
/// when something else changed (settings, categories, campaigns, pages, the theme).
fn edited_institutions(root: &Path, changed: &[PathBuf]) -> Option<BTreeSet<String>> {
    changed
        .iter()
        .map(|path| {
            let mut parts = path.strip_prefix(root).ok()?.components().map(|c| c.as_os_str().to_string_lossy());
            let (top, id, _file) = (parts.next()?, parts.next()?, parts.next()?);
            (top == "institutions").then(|| id.into_owned())
        })
        .collect()
}

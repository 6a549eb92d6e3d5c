//! Parsed files kept between loads of the same tree (the preview's rebuilds): a file that did
//! not change is not parsed again. A file whose size and times (modified, and on Unix changed
//! and inode, which no tool sets back) are as they were is not even read; otherwise its bytes
//! decide. Times are trusted only once they are three seconds old: a coarse file clock (FAT keeps
//! two-second steps) could give a write just after the last read the same time ("racy git").
//!
//! When the caller knows that only some files were written in place since the last load (the
//! preview's file watcher says so), the tree is not walked and no file is looked at but those:
//! the last load's walk and values stand for the rest.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use super::layout::{Found, Value};
use crate::lock;

#[derive(Default)]
pub(crate) struct Cache {
    last: Mutex<Arc<Last>>,
}

/// What the last load kept.
#[derive(Default)]
pub(super) struct Last {
    pub(crate) files: Files,
    /// Its walk of the tree, in order; shared with a following load that reads only the written
    /// files, which keeps it as it is.
    pub(super) walk: Arc<Vec<Found>>,
    /// What it gave, and what it said: a load after files were written in place that parse as
    /// they did gives the same with their values replaced (see `patch`).
    pub(super) content: Option<Arc<super::content::Content>>,
    pub(super) said: Vec<crate::diagnostic::Diagnostic>,
}

/// What the caller of a cached load knows of the changes since the cache's last load.
#[derive(Clone, Copy)]
pub(crate) enum Since<'a> {
    /// Nothing: walk the tree and compare every file with what the cache kept.
    Unknown,
    /// Only these files (names below the content root, `/`-separated, as in diagnostics) were
    /// written, in place: no file was created, removed or renamed.
    Written(&'a [String]),
}

pub(super) type Files = HashMap<PathBuf, Entry>;

/// A file as it was read, and what it gave.
#[derive(Clone)]
pub(super) struct Entry {
    pub(crate) text: Arc<str>,
    pub(crate) value: Value,
    /// None: compare the bytes next time.
    pub(crate) stamp: Option<Stamp>,
    /// A spreadsheet's cells (its text is not its bytes, so only its stamp can vouch for it).
    pub(crate) cells: Option<Arc<super::sheet::Cells>>,
}

/// Size and times of a file.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct Stamp {
    len: u64,
    modified: SystemTime,
    /// Change time (seconds, nanoseconds) and inode.
    #[cfg(unix)]
    changed: (i64, i64, u64),
}

impl Stamp {
    /// The file's stamp, unless it is too fresh to be trusted (or cannot be read).
    pub(super) fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?;
        let settled = SystemTime::now().checked_sub(Duration::from_secs(3))?;
        if modified > settled {
            return None;
        }
        #[cfg(unix)]
        let changed = {
            use std::os::unix::fs::MetadataExt;
            let changed = (meta.ctime(), meta.ctime_nsec(), meta.ino());
            let at = Duration::new(u64::try_from(changed.0).ok()?, u32::try_from(changed.1).ok()?);
            if SystemTime::UNIX_EPOCH + at > settled {
                return None;
            }
            changed
        };
        Some(Stamp {
            len: meta.len(),
            modified,
            #[cfg(unix)]
            changed,
        })
    }
}

impl Cache {
    /// The files of the last load. Loads may overlap (the preview's two passes): each works
    /// from the files as they were when it started.
    pub(super) fn snapshot(&self) -> Arc<Last> {
        lock(&self.last).clone()
    }

    /// The last load, and its walk with every file but `written` marked unchanged; None when
    /// there is no such walk, or it does not have all of `written` (a file was created: walk
    /// again).
    pub(super) fn walk_with(&self, written: &[String]) -> Option<(Arc<Last>, Vec<Found>)> {
        let last = self.snapshot();
        if last.walk.is_empty() || last.walk.iter().any(|f| matches!(f, Found::Refused { .. })) {
            return None;
        }
        let written: std::collections::HashSet<&str> = written.iter().map(String::as_str).collect();
        let mut seen = 0;
        let walk = last
            .walk
            .iter()
            .cloned()
            .map(|mut f| {
                if let Found::File { name, unchanged, path, .. } = &mut f {
                    *unchanged = !written.contains(name.as_str());
                    // A file replaced by a link or a FIFO is no longer what the walk found.
                    let still_a_file = || std::fs::symlink_metadata(&*path).is_ok_and(|m| m.is_file());
                    seen += usize::from(!*unchanged && still_a_file());
                }
                f
            })
            .collect();
        (seen == written.len()).then_some((last, walk))
    }

    /// Keeps the latest load only, so that memory follows the tree.
    pub(super) fn replace(&self, last: Last) {
        *lock(&self.last) = Arc::new(last);
    }

    /// The last load for a caller that will replace it: taken out of the cache, so that the
    /// caller can change it in place unless another load still reads it (then it is copied).
    pub(super) fn take(&self) -> Arc<Last> {
        std::mem::take(&mut *lock(&self.last))
    }

    /// Puts back what `take` took, unchanged.
    pub(super) fn replace_shared(&self, last: Arc<Last>) {
        *lock(&self.last) = last;
    }
}

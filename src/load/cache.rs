//! Parsed files kept between loads of the same tree (the preview's rebuilds): a file that did
//! not change is not parsed again. A file whose size and times (modified, and on Unix changed
//! and inode, which no tool sets back) are as they were is not even read; otherwise its bytes
//! decide. Times are trusted only once they are three seconds old: a coarse file clock (FAT keeps
//! two-second steps) could give a write just after the last read the same time ("racy git").

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use super::Value;

#[derive(Default)]
pub struct Cache {
    files: Mutex<Arc<Files>>,
}

pub(super) type Files = HashMap<PathBuf, Entry>;

/// A file as it was read, and what it gave.
#[derive(Clone)]
pub(super) struct Entry {
    pub bytes: Arc<[u8]>,
    pub value: Value,
    /// None: compare the bytes next time.
    pub stamp: Option<Stamp>,
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
    pub(super) fn snapshot(&self) -> Arc<Files> {
        self.files.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Keeps the files of the latest load only, so that memory follows the tree.
    pub(super) fn replace(&self, files: Files) {
        *self.files.lock().unwrap_or_else(|e| e.into_inner()) = Arc::new(files);
    }
}

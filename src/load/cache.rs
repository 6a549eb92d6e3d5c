//! Parsed files kept between loads of the same tree (the preview's rebuilds): a file whose
//! bytes did not change is not parsed again. Bytes decide, not modification times: editors,
//! git and sync tools do not all keep times honest, and reading is cheap next to parsing.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

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

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "load::Cache({} files)", self.snapshot().len())
    }
}

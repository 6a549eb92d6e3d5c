//! Printed documents kept between the preview's rebuilds: a PDF is drawn again only when
//! something it shows changed (its text, number or title, or the theme's PDF style), so that
//! saving one post re-makes its card, its letters and the combined files that hold them, not
//! every document.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

use crate::error::Result;

pub type Key = [u8; 32];

#[derive(Default)]
pub struct PdfCache {
    files: Mutex<HashMap<Key, Arc<Vec<u8>>>>,
    /// Keys asked for since the last sweep.
    used: Mutex<HashSet<Key>>,
    /// Files drawn since the last sweep; and, at the last sweep, (drawn, kept) of that build.
    drawn: std::sync::atomic::AtomicUsize,
    last: Mutex<(usize, usize)>,
}

impl PdfCache {
    /// The bytes for `key`, made by `make` when they are not kept yet.
    pub fn get_or_make(&self, key: Key, make: impl FnOnce() -> Result<Vec<u8>>) -> Result<Arc<Vec<u8>>> {
        lock(&self.used).insert(key);
        if let Some(bytes) = lock(&self.files).get(&key) {
            return Ok(bytes.clone());
        }
        // Drawn outside the lock: documents are drawn on every core at once.
        let bytes = Arc::new(make()?);
        self.drawn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        lock(&self.files).insert(key, bytes.clone());
        Ok(bytes)
    }

    /// Forgets what the last build did not ask for, so that memory follows the content.
    pub fn sweep(&self) {
        let used = std::mem::take(&mut *lock(&self.used));
        lock(&self.files).retain(|k, _| used.contains(k));
        let drawn = self.drawn.swap(0, std::sync::atomic::Ordering::Relaxed);
        *lock(&self.last) = (drawn, used.len().saturating_sub(drawn));
    }

    /// (files drawn, files kept) in the last build.
    pub fn last_build(&self) -> (usize, usize) {
        *lock(&self.last)
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A key over parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ.
pub fn key(parts: &[&[u8]]) -> Key {
    let mut hash = Sha256::new();
    for p in parts {
        hash.update((p.len() as u64).to_le_bytes());
        hash.update(p);
    }
    hash.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_once_kept_while_used_forgotten_after() {
        let cache = PdfCache::default();
        let made = std::cell::Cell::new(0);
        let make = || {
            made.set(made.get() + 1);
            Ok(vec![1, 2, 3])
        };
        let k = key(&[b"letter", b"7QK2-M9XD"]);
        assert_ne!(k, key(&[b"lette", b"r7QK2-M9XD"]));
        cache.get_or_make(k, make).unwrap();
        cache.get_or_make(k, make).unwrap();
        assert_eq!(made.get(), 1);
        cache.sweep();
        cache.get_or_make(k, make).unwrap();
        assert_eq!(made.get(), 1, "used in the last build: kept");
        cache.sweep();
        cache.sweep();
        cache.get_or_make(k, make).unwrap();
        assert_eq!(made.get(), 2, "not used in a build: forgotten");
    }
}

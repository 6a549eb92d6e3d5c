//! What the preview keeps between its rebuilds, by a key over what it was made from: a part
//! of the search index is built again only when one of its pages changed. Saving one post
//! indexes its part of the site again, not everything. (`key` also names PDFs: their trailer
//! ids.)

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use crate::error::Result;
use crate::lock;

pub(crate) type Key = [u8; 32];

/// Parts of the search index, by their pages.
pub(crate) type SearchCache = Kept<std::sync::Arc<crate::render::site::search::Bundle>>;

pub(crate) struct Kept<V> {
    values: Mutex<HashMap<Key, V>>,
    /// Keys asked for since the last sweep.
    used: Mutex<HashSet<Key>>,
    /// Values made since the last sweep; and, at the last sweep, (made, kept) of that build.
    made: std::sync::atomic::AtomicUsize,
    last: Mutex<(usize, usize)>,
}

impl<V> Default for Kept<V> {
    fn default() -> Self {
        Kept {
            values: Mutex::default(),
            used: Mutex::default(),
            made: std::sync::atomic::AtomicUsize::new(0),
            last: Mutex::default(),
        }
    }
}

impl<V: Clone> Kept<V> {
    /// The value for `key`, made by `make` when it is not kept yet.
    pub(crate) fn get_or_make(&self, key: Key, make: impl FnOnce() -> Result<V>) -> Result<V> {
        lock(&self.used).insert(key);
        if let Some(value) = lock(&self.values).get(&key) {
            return Ok(value.clone());
        }
        // Made outside the lock: documents are drawn on every core at once.
        let value = make()?;
        self.made.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        lock(&self.values).insert(key, value.clone());
        Ok(value)
    }

    /// Forgets what the last build did not ask for, so that memory follows the content.
    pub(crate) fn sweep(&self) {
        let used = std::mem::take(&mut *lock(&self.used));
        lock(&self.values).retain(|k, _| used.contains(k));
        let made = self.made.swap(0, std::sync::atomic::Ordering::Relaxed);
        *lock(&self.last) = (made, used.len().saturating_sub(made));
    }

    /// (made, kept) in the last build.
    pub(crate) fn last_build(&self) -> (usize, usize) {
        *lock(&self.last)
    }
}

/// A key over parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ.
pub(crate) fn key(parts: &[&[u8]]) -> Key {
    let mut hash = Sha256::new();
    framed(parts, |bytes| hash.update(bytes));
    hash.finalize().into()
}

/// Feeds `parts` to a hash, each after its length.
fn framed(parts: &[&[u8]], mut update: impl FnMut(&[u8])) {
    for p in parts {
        update(&(p.len() as u64).to_le_bytes());
        update(p);
    }
}

/// A key over a part's pages, to tell whether any changed since the last rebuild: like `key`,
/// but XXH3 (128 bits) instead of SHA-256. The preview hashes every page it serves after each
/// edit, and at 100,000 employees SHA-256 cost more than the index of the part that changed.
/// Nothing adversarial is at stake: a collision would keep one part's old index until the
/// next edit.
pub(crate) fn pages_key(parts: &[&[u8]]) -> Key {
    let mut hash = xxhash_rust::xxh3::Xxh3::new();
    framed(parts, |bytes| hash.update(bytes));
    let total: u64 = parts.iter().map(|p| p.len() as u64).sum();
    let mut key = [0; 32];
    key[..16].copy_from_slice(&hash.digest128().to_le_bytes());
    key[16..24].copy_from_slice(&total.to_le_bytes());
    key[24..].copy_from_slice(&(parts.len() as u64).to_le_bytes());
    key
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn made_once_kept_while_used_forgotten_after() {
        let cache = Kept::<Arc<Vec<u8>>>::default();
        let made = std::cell::Cell::new(0);
        let make = || {
            made.set(made.get() + 1);
            Ok(Arc::new(vec![1, 2, 3]))
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

    #[test]
    fn a_pages_key_changes_with_any_byte_or_boundary() {
        let k = pages_key(&[b"p.html", b"<p>1</p>"]);
        assert_eq!(k, pages_key(&[b"p.html", b"<p>1</p>"]));
        assert_ne!(k, pages_key(&[b"p.html", b"<p>2</p>"]));
        assert_ne!(k, pages_key(&[b"p.htm", b"l<p>1</p>"]));
        assert_ne!(k, pages_key(&[b"p.html", b"<p>1</p>", b""]));
    }
}

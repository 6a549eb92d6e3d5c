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

/// The preview's pages of no institution (home, campaigns, directories, role categories), by a
/// key over what each was made from: its template, its view and what every page shows. After an
/// edit inside an institution's folder these pages are made again (a campaign page shows the
/// institution's progress), but most show nothing of what changed: a page whose key is the last
/// pass's is not rendered again (at 100,000 employees they took 120–200 ms of each edit, the
/// edited institution's own pages 45–65 ms). The keys of a pass count once it succeeded
/// (`commit`): the page served is then the one the key was made for.
#[derive(Default)]
pub(crate) struct PageKeys {
    /// The keys of the last pass that succeeded.
    last: Mutex<HashMap<String, Key>>,
    /// The keys of the pass under way.
    next: Mutex<HashMap<String, Key>>,
}

impl PageKeys {
    /// Starts a pass: the keys of one that failed are forgotten.
    pub(crate) fn begin(&self) {
        lock(&self.next).clear();
    }

    /// Notes that this pass makes `path` from what `key` is over; whether the last pass made it
    /// from the same.
    pub(crate) fn same_as_last(&self, path: &str, key: Key) -> bool {
        lock(&self.next).insert(path.to_string(), key);
        lock(&self.last).get(path) == Some(&key)
    }

    /// The pass succeeded and its pages are served: its keys are the ones to compare with.
    pub(crate) fn commit(&self) {
        *lock(&self.last) = std::mem::take(&mut *lock(&self.next));
    }
}

/// A key over serializable values, each written as JSON (what tera's context is made of) and
/// followed by a byte JSON never writes outside a string: two lists of values have the same key
/// only when they serialize the same (XXH3, 128 bits, as `pages_key`).
pub(crate) struct ViewKey(xxhash_rust::xxh3::Xxh3);

impl ViewKey {
    pub(crate) fn new() -> Self {
        ViewKey(xxhash_rust::xxh3::Xxh3::new())
    }

    pub(crate) fn add(&mut self, value: &impl serde::Serialize) -> serde_json::Result<()> {
        serde_json::to_writer(&mut *self, value)?;
        self.0.update(b"\n");
        Ok(())
    }

    pub(crate) fn key(&self) -> Key {
        let mut key = [0; 32];
        key[..16].copy_from_slice(&self.0.digest128().to_le_bytes());
        key
    }
}

impl std::io::Write for ViewKey {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
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

    fn view_key(values: &[serde_json::Value]) -> Key {
        let mut key = ViewKey::new();
        values.iter().for_each(|v| key.add(v).unwrap());
        key.key()
    }

    #[test]
    fn a_view_key_changes_with_any_value_or_boundary() {
        use serde_json::json;
        let k = view_key(&[json!("post.html"), json!({"name": "护士长", "duties": [1, 2]})]);
        assert_eq!(k, view_key(&[json!("post.html"), json!({"name": "护士长", "duties": [1, 2]})]));
        assert_ne!(k, view_key(&[json!("post.html"), json!({"name": "护士长", "duties": [1, 3]})]));
        assert_ne!(view_key(&[json!(1), json!(23)]), view_key(&[json!(12), json!(3)]));
        assert_ne!(view_key(&[json!("a\n")]), view_key(&[json!("a"), json!(null)]));
    }

    #[test]
    fn a_page_is_the_same_as_the_last_pass_that_succeeded() {
        let keys = PageKeys::default();
        let (a, b) = (key(&[b"a"]), key(&[b"b"]));
        keys.begin();
        assert!(!keys.same_as_last("index.html", a), "no pass before");
        keys.commit();
        keys.begin();
        assert!(keys.same_as_last("index.html", a));
        assert!(!keys.same_as_last("index.html", b), "changed");
        // That pass failed: the page served is still the one made from `a`.
        keys.begin();
        assert!(keys.same_as_last("index.html", a));
        keys.commit();
        // A pass that did not make the page forgets it: the next one makes it again.
        keys.begin();
        keys.commit();
        keys.begin();
        assert!(!keys.same_as_last("index.html", a));
    }
}

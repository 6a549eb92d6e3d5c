//! What the generator's parts share: the random choices, the planned institutions, and the
//! writer of the tree.

use crate::error::{Error, Result};

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and fixed forever.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (n > 0); the bias of the modulo is negligible for these sizes.
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub(super) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

pub(super) struct Writer {
    pub(super) root: std::path::PathBuf,
    pub(super) files: usize,
}

impl Writer {
    pub(super) fn write(&mut self, rel: &str, text: &str) -> Result<()> {
        let path = self.root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io("write", &path, e))?;
        self.files += 1;
        Ok(())
    }
}

/// A YAML double-quoted scalar.
pub(super) fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Commission,
    Hospital,
    Cdc,
    Emergency,
    Township,
}

/// An institution before its organisation is drawn.
pub(super) struct Spec {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) short_name: String,
    pub(super) kind: Kind,
    pub(super) parent: Option<String>,
    pub(super) doc_prefix: String,
    pub(super) employees: usize,
}

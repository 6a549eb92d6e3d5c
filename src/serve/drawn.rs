//! The PDFs drawn for browsers, kept within a memory budget.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::error::Result;
use crate::render::Files;

/// The PDFs drawn for browsers are kept up to this many bytes (the institutions asked for
/// least recently are forgotten first): a province's PDFs are tens of gigabytes.
const DRAWN_BUDGET: usize = 256 << 20;

/// An institution's PDFs (below the site root), or why they could not be drawn.
pub(super) type Drawing = Result<Files>;

/// The PDFs drawn for browsers, by institution, from the model of the pages served.
#[derive(Default)]
pub(super) struct Drawn {
    /// The pages pass they were drawn from (`State::generation`).
    generation: u64,
    /// Institution id → (when last asked for, its PDFs).
    by_institution: BTreeMap<String, (u64, Drawing)>,
    bytes: usize,
    /// Counts requests, for "least recently asked for".
    clock: u64,
}

impl Drawn {
    /// Moves on to the pages pass `generation`: what was drawn for an older one is returned, to
    /// be freed outside any lock.
    pub(super) fn advance(&mut self, generation: u64) -> BTreeMap<String, (u64, Drawing)> {
        if generation <= self.generation {
            return BTreeMap::new();
        }
        self.generation = generation;
        self.bytes = 0;
        std::mem::take(&mut self.by_institution)
    }

    /// `key` among the PDFs of `owner` drawn for the pages pass `generation`; None: not drawn.
    pub(super) fn find(&mut self, generation: u64, owner: &str, key: &str) -> Option<Result<Option<Arc<Vec<u8>>>>> {
        if generation != self.generation {
            return None;
        }
        self.clock += 1;
        let (used, drawing) = self.by_institution.get_mut(owner)?;
        *used = self.clock;
        Some(lookup(drawing, key))
    }

    /// Keeps what was drawn for `owner`, forgetting the institutions asked for least recently
    /// beyond the budget.
    pub(super) fn keep(&mut self, generation: u64, owner: &str, drawing: Drawing) {
        if generation != self.generation {
            return;
        }
        let size = |d: &Drawing| d.as_ref().map_or(0, |files| files.values().map(|f| f.len()).sum::<usize>());
        self.clock += 1;
        self.bytes += size(&drawing);
        if let Some((_, old)) = self.by_institution.insert(owner.to_string(), (self.clock, drawing)) {
            self.bytes -= size(&old);
        }
        while self.bytes > DRAWN_BUDGET && self.by_institution.len() > 1 {
            let oldest = self.by_institution.iter().min_by_key(|(_, (used, _))| *used).map(|(id, _)| id.clone());
            if let Some((_, old)) = oldest.and_then(|id| self.by_institution.remove(&id)) {
                self.bytes -= size(&old);
            }
        }
    }
}

/// `key` among a drawing's files, or why there are none.
pub(super) fn lookup(drawing: &Drawing, key: &str) -> Result<Option<Arc<Vec<u8>>>> {
    drawing.as_ref().map(|files| files.get(key).cloned()).map_err(Clone::clone)
}

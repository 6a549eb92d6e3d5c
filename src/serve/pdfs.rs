//! PDFs drawn when a browser asks for one: an institution's files at a time, through the
//! pipeline, kept within a memory budget.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use super::Shared;
use crate::error::Result;
use crate::lock;
use crate::model::Model;
use crate::render::Files;
use crate::render::paths;
use crate::render::theme::Theme;

/// The PDFs drawn for browsers are kept up to this many bytes (the institutions asked for
/// least recently are forgotten first): a province's PDFs are tens of gigabytes.
const DRAWN_BUDGET: usize = 256 << 20;

/// An institution's PDFs (below the site root), or why they could not be drawn.
type Drawing = Result<Files>;

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
    fn find(&mut self, generation: u64, owner: &str, key: &str) -> Option<Result<Option<Arc<Vec<u8>>>>> {
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
    fn keep(&mut self, generation: u64, owner: &str, drawing: Drawing) {
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
fn lookup(drawing: &Drawing, key: &str) -> Result<Option<Arc<Vec<u8>>>> {
    drawing.as_ref().map(|files| files.get(key).cloned()).map_err(Clone::clone)
}

/// The institution whose documents include `key` (a path below the site root): the issuer of a
/// campaign's phase report, or the institution of its other PDFs.
fn owner(model: &Model, key: &str) -> Option<String> {
    match paths::printed(key)? {
        paths::Printed::Campaign(id) => model.campaigns.iter().find(|c| c.id == id).map(|c| c.institution.clone()),
        paths::Printed::Institution(id) => model.institution(id).map(|i| i.id.clone()),
    }
}

/// The PDF at `key` (below the site root), drawn with the rest of its institution's documents
/// the first time it is asked for: an institution's files take a few tens of milliseconds, and
/// the bytes are those `build` writes. Ok(None): no such PDF, or no fonts to draw it with.
pub(super) fn pdf(key: &str, shared: &Shared) -> Result<Option<Arc<Vec<u8>>>> {
    let Some((model, _)) = lock(&shared.state).printable.clone() else { return Ok(None) };
    match owner(&model, key) {
        Some(owner) => drawn_or_draw(&owner, key, shared),
        None => Ok(None),
    }
}

/// `key` among the PDFs of `owner`, which are drawn first unless they are for the pages served.
fn drawn_or_draw(owner: &str, key: &str, shared: &Shared) -> Result<Option<Arc<Vec<u8>>>> {
    let served = || {
        let state = lock(&shared.state);
        let (model, theme) = state.printable.clone().filter(|_| state.pdfs)?;
        Some((model, theme, state.generation))
    };
    let Some((_, _, generation)) = served() else { return Ok(None) };
    if let Some(found) = lock(&shared.drawn).find(generation, owner, key) {
        return found;
    }
    // One drawing at a time: a page's PDFs are asked for together, and drawn once.
    let _one = lock(&shared.drawing);
    // Newer pages may have come while this waited: draw for those.
    let Some((model, theme, generation)) = served() else { return Ok(None) };
    if let Some(found) = lock(&shared.drawn).find(generation, owner, key) {
        return found;
    }
    let drawing = draw(owner, &model, theme, shared);
    if let Err(error) = &drawing {
        eprintln!("the PDFs of {owner} were not drawn:\n{error}");
    }
    let found = lookup(&drawing, key);
    lock(&shared.drawn).keep(generation, owner, drawing);
    found
}

/// Every PDF of `owner` (see `Session::pdfs`), timed.
fn draw(owner: &str, model: &Model, theme: Arc<Theme>, shared: &Shared) -> Drawing {
    let started = Instant::now();
    let files = shared.session.pdfs(model, theme, owner)?;
    eprintln!("drew the {} PDFs of {owner} in {:.0} ms", files.len(), started.elapsed().as_secs_f64() * 1000.0);
    Ok(files)
}

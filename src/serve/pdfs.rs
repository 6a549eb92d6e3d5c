//! PDFs drawn when a browser asks for one: an institution's files at a time, through the
//! pipeline, kept within a memory budget.

use std::sync::Arc;
use std::time::Instant;

use super::drawn::{Drawing, lookup};
use super::state::Shared;
use crate::error::Result;
use crate::lock;
use crate::model::Model;
use crate::render::paths;
use crate::render::theme::Theme;
use crate::t;

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
        eprintln!("{}\n{error}", t!("serve-pdfs-failed", owner));
    }
    let found = lookup(&drawing, key);
    lock(&shared.drawn).keep(generation, owner, drawing);
    found
}

/// Every PDF of `owner` (see `Session::pdfs`), timed.
fn draw(owner: &str, model: &Model, theme: Arc<Theme>, shared: &Shared) -> Drawing {
    let started = Instant::now();
    let files = shared.session.pdfs(model, theme, owner)?;
    let ms = format!("{:.0}", started.elapsed().as_secs_f64() * 1000.0);
    eprintln!("{}", t!("serve-pdfs-drawn", count = files.len(), owner, ms));
    Ok(files)
}

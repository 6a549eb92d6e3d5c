//! The two passes of a rebuild: the pages (published at once) and the search index of the pages
//! published (swapped in later).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use super::state::Shared;
use super::watch::Changes;
use crate::lock;
use crate::render::Files;
use crate::render::paths;
use crate::session::Settings;
use crate::session::{Edit, Last};
use crate::t;

/// A rebuild has two passes: this one, the pages, published at once (the browser reloads), then
/// `full_pass`, the search index, swapped in without a reload. After an edit inside
/// some institutions' folders (`edited`), this pass renders only their pages and the pages of no
/// institution, and keeps the rest. Returns the pass's generation when it succeeded.
pub(super) fn quick_pass(settings: &Settings, shared: &Shared, changes: &Changes) -> Option<u64> {
    let _one = lock(&shared.paging);
    let started = Instant::now();
    // After a failed pass, edits made since the last good one may lie anywhere: no last pass.
    let (pdfs, last) = {
        let state = lock(&shared.state);
        let last = state.printable.as_ref().filter(|_| state.error.is_none());
        (state.pdfs, last.map(|(model, _)| Last { model: model.clone(), faces: state.faces.clone() }))
    };
    let edit = Edit { institutions: changes.institutions(), written: changes.since() };
    let result = shared.session.pages(settings, &edit, last.as_ref(), pdfs);
    drop(last);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let (mut stale, mut old_model) = (BTreeMap::new(), None);
    let outcome = {
        let mut state = lock(&shared.state);
        match result {
            Ok(built) => {
                let before = std::mem::take(&mut state.files);
                let (files, Changed { files: changed, assets }) = merge(before, built.files, built.scope.as_ref());
                let (scope, institutions) = match &built.scope {
                    Some(ids) => ("some", ids.len()),
                    None => ("all", 0),
                };
                let read = match (built.walked, built.reused) {
                    (true, _) => "walked",
                    (false, false) => "written",
                    (false, true) => "reused",
                };
                let ms = format!("{ms:.0}");
                eprintln!("{}", t!("serve-rebuilt", scope, institutions, ms, changed, read));
                state.files = files;
                state.faces = built.last.faces;
                state.generation += 1;
                state.linked = pdfs;
                old_model = state.printable.replace((built.last.model, built.theme));
                // PDFs drawn from the previous model are stale: a phase report shows every
                // institution's progress, so any edit may change any institution's PDFs, and
                // drawing them again is quick. Freed after the state's lock is let go.
                stale = lock(&shared.drawn).advance(state.generation);
                if changed > 0 || state.error.is_some() {
                    state.error = None;
                    state.version += 1;
                    if assets {
                        state.assets = state.version;
                    }
                }
                Some(state.generation)
            }
            Err(error) => {
                eprintln!("{error}\n{}", t!("serve-build-failed", ms = format!("{ms:.0}")));
                state.error = Some(error.message);
                state.version += 1;
                None
            }
        }
    };
    drop((stale, old_model));
    outcome
}

/// The second pass of the first pass numbered `generation`: the search index of the pages it
/// published, swapped in unless a newer first pass has come in the meantime. It indexes the pages
/// as they are served (rendering them again cost 2.3–2.7 s at 10,000 employees), and a part of the
/// index none of whose pages changed is kept. It also finds out whether PDFs can be made, which
/// the pages' links to them depend on.
pub(super) fn full_pass(settings: &Settings, shared: &Shared, mut generation: u64) {
    let started = Instant::now();
    let Some((_, theme)) = lock(&shared.state).printable.clone() else { return };
    let printable = shared.session.fonts(&theme).is_ok();
    let relink = {
        let mut state = lock(&shared.state);
        if state.generation != generation {
            return eprintln!("{}", t!("serve-index-stale"));
        }
        state.pdfs = printable;
        printable != state.linked
    };
    if relink {
        // The fonts were found, or lost, since the pages served were made: their links to PDFs
        // must say so.
        match quick_pass(settings, shared, &Changes::default()) {
            Some(newer) => generation = newer,
            None => return,
        }
    }
    let (model, pages) = {
        let state = lock(&shared.state);
        let Some((model, _)) = state.printable.clone() else { return };
        let pages: Files =
            state.files.iter().filter(|(k, _)| !is_second_pass(k)).map(|(k, v)| (k.clone(), v.clone())).collect();
        (model, pages)
    };
    let (index, (indexed, unchanged)) = match shared.session.search_index(&model, &pages) {
        Ok(index) => index,
        // Rare (pagefind failed); the pages stay, with the previous search index.
        Err(error) => return eprintln!("{}\n{}", t!("serve-index-failed"), error.message),
    };
    // What the files served let go of is freed after the state's lock, and before this pass
    // says it is done: the next edit's pages pass should not wait on a province's index.
    let old: Files = {
        let mut state = lock(&shared.state);
        if state.generation != generation {
            drop(state);
            return eprintln!("{}", t!("serve-index-stale"));
        }
        let old: Vec<String> = state.files.keys().filter(|k| is_second_pass(k)).cloned().collect();
        let old = old.iter().filter_map(|k| state.files.remove_entry(k)).collect();
        state.files.extend(index);
        old
    };
    drop((old, pages));
    let ms = format!("{:.0}", started.elapsed().as_secs_f64() * 1000.0);
    eprintln!("{}", t!("serve-index-updated", ms, indexed, parts = indexed + unchanged));
}

/// Files the second pass makes.
fn is_second_pass(path: &str) -> bool {
    paths::is_search_index(path)
}

/// The files of a first pass joined to the previous build's: the search index stays until the
/// second pass replaces it, and so do, after a scoped pass, the pages of the
/// institutions it did not render. Moves rather than copies (a province's pages are gigabytes).
/// Returns the files and what changed.
fn merge(mut before: Files, new: Files, scope: Option<&BTreeSet<String>>) -> (Files, Changed) {
    // Files the pass would have made if they still existed (every pass publishes every scan of
    // a signed letter, below `pdf/`).
    let rendered_again = |path: &str| match scope {
        None => !is_second_pass(path),
        Some(ids) => paths::printed(path).is_some() || paths::institution_of(path).is_some_and(|id| ids.contains(id)),
    };
    let gone = before.keys().filter(|k| rendered_again(k) && !new.contains_key(*k)).cloned().collect::<Vec<_>>();
    let mut changed = Changed { files: gone.len(), assets: false };
    let page = |path: &str| path.ends_with(".html");
    for path in gone {
        changed.assets |= !page(&path);
        before.remove(&path);
    }
    for (path, bytes) in new {
        if before.get(&path) != Some(&bytes) {
            changed.files += 1;
            changed.assets |= !page(&path);
            before.insert(path, bytes);
        }
    }
    (before, changed)
}

/// What a pass changed of the files served.
struct Changed {
    files: usize,
    /// Whether any of them is not a page.
    assets: bool,
}

//! The two passes of a rebuild: the pages (published at once) and the search index of the pages
//! published (swapped in later).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path};
use std::sync::Arc;
use std::time::Instant;

use super::watch::Changes;
use super::{Settings, Shared, below_site, fonts};
use crate::checked;
use crate::error::Result;
use crate::load;
use crate::lock;
use crate::model::Model;
use crate::pipeline;
use crate::render::paths;
use crate::render::theme::Theme;
use crate::render::{Files, Finding, Part, Selection};

/// What the pages of other institutions show of an institution: its name, short name and
/// parent (the parent's page lists its members). While these stay, an edit inside its folder
/// changes its own pages and the pages of no institution only.
pub(super) type Face = (String, Option<String>, Option<String>);

fn faces(model: &crate::model::Model) -> BTreeMap<String, Face> {
    model
        .institutions
        .iter()
        .map(|i| (i.id.clone(), (i.name.clone(), i.short_name.clone(), i.parent.clone())))
        .collect()
}

/// A rebuild has two passes: this one, the pages, published at once (the browser reloads), then
/// `full_pass`, the search index, swapped in without a reload. After an edit inside
/// some institutions' folders (`edited`), this pass renders only their pages and the pages of no
/// institution, and keeps the rest. Returns the pass's generation when it succeeded.
pub(super) fn quick_pass(settings: &Settings, shared: &Shared, changes: &Changes) -> Option<u64> {
    let _one = lock(&shared.paging);
    let edited = changes.institutions();
    let written = changes.since();
    let started = Instant::now();
    let (pdfs, faces_before, failed, before) = {
        let state = lock(&shared.state);
        (state.pdfs, state.faces.clone(), state.error.is_some(), state.printable.as_ref().map(|(m, _)| m.clone()))
    };
    // Files written in place inside some institutions' folders, and read alone: the other
    // institutions resolve as they did in the last good pass (after a failed one, the files
    // parsed since may lie anywhere).
    let reuse = match (&edited, &written, &before) {
        (Some(edited), Some(_), Some(model)) if !failed => Some(crate::resolve::Reuse { model, edited }),
        _ => None,
    };
    let scope = |model: &crate::model::Model| {
        // After a failed pass, edits made since the last good one may lie anywhere.
        let edited = edited.as_ref().filter(|_| !failed)?;
        // Every institution's, not only the edited ones': an edit that landed after this batch of
        // events but before the files were read is in the model already.
        (faces(model) == faces_before).then(|| edited.clone())
    };
    let reused = reuse.is_some();
    let result = build(settings, Pass { link_pdfs: pdfs, scope: &scope, written: written.as_deref(), reuse }, shared);
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let (mut stale, mut old_model) = (BTreeMap::new(), None);
    let outcome = {
        let mut state = lock(&shared.state);
        match result {
            Ok(built) => {
                let before = std::mem::take(&mut state.files);
                let (files, Changed { files: changed, assets }) = merge(before, built.files, built.scope.as_ref());
                let how = match &built.scope {
                    Some(ids) => format!("the pages of {} institution(s) and the site's own pages", ids.len()),
                    None => "every page".to_string(),
                };
                let read = match (built.walked, reused) {
                    (true, _) => "",
                    (false, false) => " (read the written files only)",
                    (false, true) => " (read the written files only; other institutions as resolved before)",
                };
                eprintln!("rebuilt {how} in {ms:.0} ms: {changed} file(s) changed{read}");
                state.files = files;
                state.faces = built.faces;
                state.generation += 1;
                state.linked = pdfs;
                old_model = state.printable.replace((built.model, built.theme));
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
                eprintln!("{error}\nbuild failed after {ms:.0} ms; still serving the last good build");
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
    let printable = fonts(&theme, shared).is_ok();
    let relink = {
        let mut state = lock(&shared.state);
        if state.generation != generation {
            return eprintln!("search index of an older version set aside: the content changed meanwhile");
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
    let index = match crate::render::site::index_rendered(&model, &pages, &shared.search) {
        Ok(index) => index,
        // Rare (pagefind failed); the pages stay, with the previous search index.
        Err(error) => return eprintln!("search index not updated:\n{}", error.message),
    };
    // What the files served let go of is freed after the state's lock, and before this pass
    // says it is done: the next edit's pages pass should not wait on a province's index.
    let old: Files = {
        let mut state = lock(&shared.state);
        if state.generation != generation {
            drop(state);
            return eprintln!("search index of an older version set aside: the content changed meanwhile");
        }
        let old: Vec<String> = state.files.keys().filter(|k| is_second_pass(k)).cloned().collect();
        let old = old.iter().filter_map(|k| state.files.remove_entry(k)).collect();
        state.files.extend(index);
        old
    };
    drop((old, pages));
    let (indexed, unchanged) = shared.search.last_build();
    eprintln!(
        "search index updated in {:.0} ms ({indexed} of {} parts indexed)",
        started.elapsed().as_secs_f64() * 1000.0,
        indexed + unchanged
    );
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

/// What a pages pass is told.
#[derive(Clone, Copy)]
struct Pass<'a> {
    /// Whether the pages link the PDFs (drawn when asked for): fonts were found.
    link_pdfs: bool,
    /// Says, from the checked model, whether only some institutions' pages are needed.
    scope: &'a dyn Fn(&crate::model::Model) -> Option<BTreeSet<String>>,
    /// The only files written since the last pages pass, when the watcher knows.
    written: Option<&'a [String]>,
    /// Institutions of the last good pass's model that resolve the same (see `quick_pass`).
    reuse: Option<crate::resolve::Reuse<'a>>,
}

/// What a pass made.
struct Built {
    /// Whether the load walked the tree (else it read the files written only).
    walked: bool,
    /// The files below `site/`, which the preview serves.
    files: Files,
    model: Arc<Model>,
    theme: Arc<Theme>,
    /// The institutions whose pages alone were rendered (with the pages of no institution).
    scope: Option<BTreeSet<String>>,
    faces: BTreeMap<String, Face>,
}

/// The pipeline into memory: the site's pages, without search index.
fn build(settings: &Settings, pass: Pass, shared: &Shared) -> Result<Built> {
    let dir = settings.dir;
    let since = match pass.written {
        Some(names) => load::Since::Written(names),
        None => load::Since::Unknown,
    };
    let known = checked::Known { cache: &shared.parsed, since, reuse: pass.reuse };
    let mut checked = checked::check_cached(dir, settings.adjust, Some(known)).with_as_of(settings.as_of);
    if settings.timings {
        for lap in &checked.laps {
            eprintln!("timing (pages): {lap}");
        }
    }
    let Some(model) = checked.model.take().map(Arc::new) else {
        return Err(crate::error::Error::content(checked.report.render_human(&checked.sources, false)));
    };
    let model = &model;
    let findings = Finding::from_report(&checked.report, &checked.sources);
    // The revision history, as `build` shows it; the preview does not repeat its notes (no git, shallow).
    let history = crate::history::for_site(dir, model).0.map(std::sync::Arc::new);
    let scope = (pass.scope)(model);
    let theme = pages_theme(dir, model, scope.is_some(), shared)?;
    let options = pipeline::Options {
        theme: Some(theme.clone()),
        selection: Selection { parts: Some([Part::Site].into_iter().collect()), institutions: None },
        search: false,
        link_unprinted: pass.link_pdfs,
        history,
        pages_of: scope.clone(),
        documents_cache: Some(shared.documents.clone()),
        timings: settings.timings,
        ..Default::default()
    };
    let (files, notes) = pipeline::build_in_memory(model, &findings, dir, &options)?;
    for warning in &notes.warnings {
        eprintln!("warning: {warning}");
    }
    for lap in &notes.laps {
        eprintln!("timing (pages): {lap}");
    }
    let files = below_site(files);
    let walked = checked.walked;
    Ok(Built { files, model: model.clone(), theme, scope, faces: faces(model), walked })
}

/// The theme for a pages pass: the previous pass's after an edit inside some institutions'
/// folders, when the theme lies inside the content folder (a theme elsewhere is not watched:
/// it is loaded again with every edit), else loaded and kept.
fn pages_theme(dir: &Path, model: &crate::model::Model, scoped: bool, shared: &Shared) -> Result<Arc<Theme>> {
    let inside =
        Path::new(&model.site.theme).components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    let mut kept = lock(&shared.theme);
    match kept.as_ref() {
        Some(theme) if scoped && inside => Ok(theme.clone()),
        _ => {
            let theme = Arc::new(pipeline::theme(dir, model)?);
            *kept = Some(theme.clone());
            Ok(theme)
        }
    }
}

//! `safeduty serve`: a preview on 127.0.0.1 that rebuilds when content or theme files change
//! and reloads the browser (the injected script polls `/__safeduty/changes`). The site is built into memory; the last good build keeps being
//! served while the content has errors, and the errors are shown on top of every page.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecursiveMode, Watcher};

use crate::lints::Levels;
use crate::load;
use crate::lock;
use crate::model::Model;
use crate::pipeline;
use crate::render::documents;
use crate::render::kept::SearchCache;
use crate::render::pdf::fonts::FontSet;
use crate::render::site::escape;
use crate::render::theme::Theme;
use crate::render::{Files, Finding, Part, Selection};

const LIVERELOAD_JS: &str = include_str!("../themes/default/serve/livereload.js");
const ERROR_OVERLAY: &str = include_str!("../themes/default/serve/error.html");
/// Events closer together than this are one change (an editor's save is several events).
const DEBOUNCE: Duration = Duration::from_millis(15);
/// How long the second pass (the search index) waits after an edit's pages pass.
const SETTLE: Duration = Duration::from_millis(500);
/// The PDFs drawn for browsers are kept up to this many bytes (the institutions asked for
/// least recently are forgotten first): a province's PDFs are tens of gigabytes.
const DRAWN_BUDGET: usize = 256 << 20;

struct State {
    /// The last good build of the site: path below the site root → bytes.
    files: Files,
    /// What other pages show of each institution, as of the last good build (see `Face`).
    faces: BTreeMap<String, Face>,
    /// The errors of the latest build, if it failed.
    error: Option<String>,
    /// Goes up whenever what a browser shows changes.
    version: u64,
    /// The version at which a file other than a page (a style sheet, an image) last changed:
    /// a browser swaps in a page's new body, unless this moved, when it reloads.
    assets: u64,
    /// Whether PDFs can be made (the last full pass found the theme's fonts): the next pages
    /// pass links them then, and they are drawn when asked for.
    pdfs: bool,
    /// Whether the pages served link PDFs (what `pdfs` was when they were made).
    linked: bool,
    /// Counts first passes: a second pass started before the latest first pass is stale, and
    /// so are PDFs drawn from an older model.
    generation: u64,
    /// The model and theme of the pages served, from which PDFs are drawn when asked for.
    printable: Option<(Arc<Model>, Arc<Theme>)>,
}

struct Shared {
    state: Mutex<State>,
    /// The content folder.
    dir: PathBuf,
    /// PDFs drawn when a browser asked for them.
    drawn: Mutex<Drawn>,
    /// The fonts of the theme PDFs were last drawn with (finding them takes longer than
    /// drawing an institution's files).
    fonts: Mutex<Option<(Arc<Theme>, Arc<FontSet>)>>,
    /// Held while PDFs are drawn: a page's PDFs are asked for together, and drawn once.
    drawing: Mutex<()>,
    /// Held by a pages pass: the watcher's and, rarely, the search pass's (see `full_pass`)
    /// must not interleave their use of the parsed files.
    paging: Mutex<()>,
    /// Parts of the search index of the previous rebuild: only those with a changed page are
    /// indexed again.
    search: Arc<SearchCache>,
    /// Documents' codes and facts of the previous pages pass, for the institutions an edit left alone.
    documents: Arc<documents::Cache>,
    /// Parsed content files, for the files an edit left alone.
    parsed: crate::load::Cache,
    /// The theme of the previous pages pass, for edits that leave it alone (Tera parses every
    /// template when a theme is loaded).
    theme: Mutex<Option<Arc<Theme>>>,
}

/// How every rebuild is made.
pub struct Settings<'a> {
    /// The content folder.
    pub dir: &'a Path,
    /// Overrides the content's date of record.
    pub as_of: Option<&'a str>,
    /// Print how long each stage of each rebuild took.
    pub timings: bool,
    /// Sets lint levels (from the command line).
    pub adjust: &'a (dyn Fn(&mut Levels) + Sync),
}

/// Serves `settings.dir` until the process is stopped.
pub fn serve(settings: &Settings, port: u16) -> Result<(), String> {
    let dir = settings.dir;
    let state = State {
        files: BTreeMap::new(),
        faces: BTreeMap::new(),
        error: None,
        version: 0,
        assets: 0,
        pdfs: true,
        linked: true,
        generation: 0,
        printable: None,
    };
    let shared = Arc::new(Shared {
        state: Mutex::new(state),
        dir: dir.to_path_buf(),
        drawn: Mutex::default(),
        fonts: Mutex::default(),
        drawing: Mutex::new(()),
        paging: Mutex::new(()),
        search: Arc::default(),
        documents: Arc::default(),
        parsed: Default::default(),
        theme: Mutex::new(None),
    });
    let server = listen(port).map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    let addr = server.server_addr().to_ip().map_or_else(|| format!("127.0.0.1:{port}"), |a| a.to_string());

    // Watch before the first build, so that no edit made after it can be missed.
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .map_err(|e| format!("cannot watch files: {e}"))?;
    watcher.watch(dir, RecursiveMode::Recursive).map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
    // The pages first; the search index follows on a thread of their own, so that the preview
    // opens at once and an edit shows while a big site is still being indexed. PDFs are drawn
    // when a browser asks for them, an institution's at a time.
    let (full, pending) = std::sync::mpsc::channel::<u64>();
    std::thread::scope(|scope| {
        let shared = &shared;
        scope.spawn(move || {
            // Its own threads, at a lower priority: on rayon's global pool the quick pass of the
            // next edit would queue behind the indexing of thousands of pages.
            let pool = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("full-pass-{i}")).start_handler(|_| {
                // SAFETY: nice() only changes the calling thread's scheduling priority.
                #[cfg(unix)]
                unsafe {
                    libc::nice(10);
                }
            });
            let pool = match pool.build() {
                Ok(pool) => pool,
                Err(e) => return eprintln!("search index not made: no threads for it ({e})"),
            };
            while let Ok(mut generation) = pending.recv() {
                if generation > 1 {
                    // After an edit, the browser reloads first, on an idle machine; and saves in
                    // quick succession make one second pass.
                    std::thread::sleep(SETTLE);
                }
                // Only the latest version is worth finishing.
                while let Ok(later) = pending.try_recv() {
                    generation = later;
                }
                pool.install(|| full_pass(settings, shared, generation));
            }
        });
        if let Some(generation) = quick_pass(settings, shared, &Changes::default()) {
            let _ = full.send(generation);
        }
        eprintln!("serving {} on http://{addr}/ (Ctrl-C to stop)", dir.display());

        let server_shared = shared.clone();
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let shared = server_shared.clone();
                // One thread per request, so that a slow client never holds up another.
                std::thread::spawn(move || respond(request, &shared));
            }
        });

        // notify reports absolute paths.
        let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        // Once watching failed (too many folders for the kernel's limit, say), writes may go
        // unreported: every later pass walks the tree and compares every file.
        let mut watching_failed = false;
        while let Ok(first) = rx.recv() {
            let mut changes = Changes { root: root.clone(), paths: Vec::new(), in_place: true, failed: false };
            let mut wanted = triggers_rebuild(&first, &mut changes);
            while let Ok(more) = rx.recv_timeout(DEBOUNCE) {
                wanted |= triggers_rebuild(&more, &mut changes);
            }
            watching_failed |= changes.failed;
            changes.in_place &= !watching_failed;
            if wanted && let Some(generation) = quick_pass(settings, shared, &changes) {
                let _ = full.send(generation);
            }
        }
        drop(full);
    });
    Ok(())
}

/// The server, its sockets without Nagle's algorithm: tiny_http writes a response's head and
/// body separately, and on a kept-alive connection the body then waited for the browser's
/// delayed acknowledgement (40 ms for every page and style sheet of a reload).
fn listen(port: u16) -> Result<tiny_http::Server, Box<dyn std::error::Error + Send + Sync>> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))?;
    // Linux gives accepted sockets the listener's TCP_NODELAY.
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let on: libc::c_int = 1;
        // SAFETY: a valid socket and a c_int option value of the size given.
        let done = unsafe {
            libc::setsockopt(
                listener.as_raw_fd(),
                libc::IPPROTO_TCP,
                libc::TCP_NODELAY,
                (&on as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            )
        };
        if done != 0 {
            // Only slower reloads: not a reason to refuse to serve.
            eprintln!("warning: TCP_NODELAY not set: {}", std::io::Error::last_os_error());
        }
    }
    tiny_http::Server::from_listener(listener, None)
}

/// What the file events since the last pass say changed.
#[derive(Default)]
struct Changes {
    /// The content folder, as the watcher names it (absolute; empty: not watched yet).
    root: PathBuf,
    /// The paths of relevant events; `root` itself when anything may have changed.
    paths: Vec<PathBuf>,
    /// Whether every event was a write into an existing file (no file created, removed or
    /// renamed, no event lost).
    in_place: bool,
    /// Whether the watcher reported an error.
    failed: bool,
}

impl Changes {
    /// The institutions whose folders hold every changed file, if so (see `edited_institutions`).
    fn institutions(&self) -> Option<BTreeSet<String>> {
        (!self.root.as_os_str().is_empty()).then(|| edited_institutions(&self.root, &self.paths))?
    }

    /// What a load can be told: which files were written, when that is all that happened.
    fn since(&self) -> Option<Vec<String>> {
        if !self.in_place || self.root.as_os_str().is_empty() {
            return None;
        }
        let name = |p: &PathBuf| {
            let rel = p.strip_prefix(&self.root).ok()?;
            let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
            Some(parts?.join("/"))
        };
        self.paths.iter().map(name).collect()
    }
}

/// Whether a file event means content changed. Reads are events too on Linux (the rebuild
/// itself reads every file): counting them would rebuild forever.
/// The paths of a relevant event are added to `changes`; the root itself when events were lost
/// (the kernel's queue overflowed, or watching failed): then anything may have changed.
fn triggers_rebuild(event: &notify::Result<Event>, changes: &mut Changes) -> bool {
    use notify::event::ModifyKind;
    match event {
        Ok(event) if event.need_rescan() => {
            changes.paths.push(changes.root.clone());
            changes.in_place = false;
            true
        }
        Ok(event) if matches!(event.kind, EventKind::Access(_)) => false,
        Ok(event) => {
            let before = changes.paths.len();
            changes.paths.extend(event.paths.iter().filter(|p| relevant(p)).cloned());
            let written = matches!(event.kind, EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Metadata(_)));
            let relevant = changes.paths.len() > before;
            changes.in_place &= written || !relevant;
            relevant
        }
        Err(e) => {
            eprintln!("file watching: {e}; rebuilding everything");
            changes.paths.push(changes.root.clone());
            changes.in_place = false;
            changes.failed = true;
            true
        }
    }
}

/// Editor swap and backup files do not trigger a rebuild.
fn relevant(path: &Path) -> bool {
    path.file_name().map(|n| n.to_string_lossy()).is_some_and(|n| !load::is_hidden(&n))
}

/// The institutions whose folders hold every changed file (`institutions/<id>/...`), or None
/// when something else changed (settings, categories, campaigns, pages, the theme).
fn edited_institutions(root: &Path, changed: &[PathBuf]) -> Option<BTreeSet<String>> {
    changed
        .iter()
        .map(|path| {
            let mut parts = path.strip_prefix(root).ok()?.components().map(|c| c.as_os_str().to_string_lossy());
            let (top, id, _file) = (parts.next()?, parts.next()?, parts.next()?);
            (top == "institutions").then(|| id.into_owned())
        })
        .collect()
}

/// What the pages of other institutions show of an institution: its name, short name and
/// parent (the parent's page lists its members). While these stay, an edit inside its folder
/// changes its own pages and the pages of no institution only.
type Face = (String, Option<String>, Option<String>);

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
fn quick_pass(settings: &Settings, shared: &Shared, changes: &Changes) -> Option<u64> {
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
                state.error = Some(error);
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
fn full_pass(settings: &Settings, shared: &Shared, mut generation: u64) {
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

/// The theme's PDF fonts, found once per theme (finding them takes longer than drawing an
/// institution's files).
fn fonts(theme: &Arc<Theme>, shared: &Shared) -> Result<Arc<FontSet>, String> {
    let mut kept = lock(&shared.fonts);
    match kept.as_ref() {
        Some((t, fonts)) if Arc::ptr_eq(t, theme) => Ok(fonts.clone()),
        _ => {
            let fonts = Arc::new(pipeline::theme_fonts(theme).map_err(|e| e.message)?);
            *kept = Some((theme.clone(), fonts.clone()));
            Ok(fonts)
        }
    }
}

/// Files the second pass makes.
fn is_second_pass(path: &str) -> bool {
    path.starts_with("pagefind/")
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
        Some(ids) => {
            path.starts_with("pdf/")
                || path
                    .strip_prefix("institutions/")
                    .and_then(|rest| rest.split('/').next())
                    .is_some_and(|id| ids.contains(id))
        }
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
fn build(settings: &Settings, pass: Pass, shared: &Shared) -> Result<Built, String> {
    let dir = settings.dir;
    let since = match pass.written {
        Some(names) => load::Since::Written(names),
        None => load::Since::Unknown,
    };
    let known = pipeline::Known { cache: &shared.parsed, since, reuse: pass.reuse };
    let mut checked = pipeline::check_cached(dir, settings.adjust, Some(known)).with_as_of(settings.as_of);
    if settings.timings {
        for (what, took) in &checked.laps {
            eprintln!("timing (pages): {what}: {:.0} ms", took.as_secs_f64() * 1000.0);
        }
    }
    let Some(model) = checked.model.take().map(Arc::new) else {
        return Err(checked.report.render_human(&checked.sources, false));
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
    let (files, notes) = pipeline::build_in_memory(model, &findings, dir, &options).map_err(|e| e.message)?;
    for note in &notes {
        match note.strip_prefix("timing: ") {
            Some(timing) => eprintln!("timing (pages): {timing}"),
            None => eprintln!("warning: {note}"),
        }
    }
    let files = below_site(files);
    let walked = checked.walked;
    Ok(Built { files, model: model.clone(), theme, scope, faces: faces(model), walked })
}

/// The theme for a pages pass: the previous pass's after an edit inside some institutions'
/// folders, when the theme lies inside the content folder (a theme elsewhere is not watched:
/// it is loaded again with every edit), else loaded and kept.
fn pages_theme(dir: &Path, model: &crate::model::Model, scoped: bool, shared: &Shared) -> Result<Arc<Theme>, String> {
    let inside =
        Path::new(&model.site.theme).components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    let mut kept = lock(&shared.theme);
    match kept.as_ref() {
        Some(theme) if scoped && inside => Ok(theme.clone()),
        _ => {
            let theme = Arc::new(Theme::load(Some(&dir.join(&model.site.theme))).map_err(|e| e.message)?);
            *kept = Some(theme.clone());
            Ok(theme)
        }
    }
}

fn respond(request: tiny_http::Request, shared: &Shared) {
    let url = request.url().to_string();
    let path = url.split_once('?').map_or(url.as_str(), |(p, _)| p);
    let response = match path {
        "/__safeduty/livereload.js" => {
            reply(200, "text/javascript; charset=utf-8", Arc::new(LIVERELOAD_JS.as_bytes().to_vec()))
        }
        "/__safeduty/changes" => {
            let (version, assets) = {
                let state = lock(&shared.state);
                (state.version, state.assets)
            };
            let json = format!("{{\"version\":{version},\"assets\":{assets}}}");
            reply(200, "application/json", Arc::new(json.into_bytes()))
        }
        _ => {
            let key = percent_decode(path.trim_start_matches('/'));
            let state = lock(&shared.state);
            // Below `pdf/`: a scan of a signed letter (the pages pass publishes them), or a
            // document drawn when asked for.
            if key.starts_with("pdf/") && !state.files.contains_key(&key) {
                drop(state);
                match pdf(&key, shared) {
                    Ok(Some(bytes)) => reply(200, "application/pdf", bytes),
                    Ok(None) => page(path, &lock(&shared.state)),
                    Err(error) => reply(500, "text/plain; charset=utf-8", Arc::new(error.into_bytes())),
                }
            } else {
                page(path, &state)
            }
        }
    };
    let _ = request.respond(response);
}

/// An institution's PDFs (below the site root), or why they could not be drawn.
type Drawing = std::result::Result<Files, String>;

/// The PDFs drawn for browsers, by institution, from the model of the pages served.
#[derive(Default)]
struct Drawn {
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
    fn advance(&mut self, generation: u64) -> BTreeMap<String, (u64, Drawing)> {
        if generation <= self.generation {
            return BTreeMap::new();
        }
        self.generation = generation;
        self.bytes = 0;
        std::mem::take(&mut self.by_institution)
    }

    /// `key` among the PDFs of `owner` drawn for the pages pass `generation`; None: not drawn.
    fn find(&mut self, generation: u64, owner: &str, key: &str) -> Option<Result<Option<Arc<Vec<u8>>>, String>> {
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
fn lookup(drawing: &Drawing, key: &str) -> Result<Option<Arc<Vec<u8>>>, String> {
    drawing.as_ref().map(|files| files.get(key).cloned()).map_err(Clone::clone)
}

/// The files the pipeline wrote below `site/`, by their path from the site root (what the
/// preview serves).
fn below_site(files: Files) -> Files {
    files.into_iter().filter_map(|(k, v)| Some((k.strip_prefix("site/")?.to_string(), v))).collect()
}

/// The institutions whose documents may include `key` (a path below the site root): the issuer
/// of a campaign's phase report, `pdf/campaigns/<campaign>/…`, and the institution of
/// `pdf/<id>/…` (an institution may be called `campaigns`).
fn owners(model: &Model, key: &str) -> Vec<String> {
    let mut parts = key.strip_prefix("pdf/").unwrap_or_default().split('/');
    let first = parts.next().unwrap_or_default();
    let issuer = match first {
        "campaigns" => parts.next().and_then(|id| model.campaigns.iter().find(|c| c.id == id)),
        _ => None,
    };
    let own = model.institutions.iter().find(|i| i.id == first);
    issuer.map(|c| c.institution.clone()).into_iter().chain(own.map(|i| i.id.clone())).collect()
}

/// The PDF at `key` (below the site root), drawn with the rest of its institution's documents
/// the first time it is asked for: an institution's files take a few tens of milliseconds, and
/// the bytes are those `build` writes. Ok(None): no such PDF, or no fonts to draw it with.
fn pdf(key: &str, shared: &Shared) -> Result<Option<Arc<Vec<u8>>>, String> {
    let Some((model, _)) = lock(&shared.state).printable.clone() else { return Ok(None) };
    for owner in owners(&model, key) {
        if let Some(found) = drawn_or_draw(&owner, key, shared)? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// `key` among the PDFs of `owner`, which are drawn first unless they are for the pages served.
fn drawn_or_draw(owner: &str, key: &str, shared: &Shared) -> Result<Option<Arc<Vec<u8>>>, String> {
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

/// Every PDF of `owner` (cards, letters, combined files, the phase reports it issues), through
/// the pipeline, as `build --institution OWNER --only cards,letters,reports` makes them.
fn draw(owner: &str, model: &Model, theme: Arc<Theme>, shared: &Shared) -> Drawing {
    let started = Instant::now();
    let fonts = fonts(&theme, shared)?;
    let options = pipeline::Options {
        theme: Some(theme),
        fonts: Some(fonts),
        selection: Selection {
            parts: Some([Part::Cards, Part::Letters, Part::Reports].into_iter().collect()),
            institutions: Some([owner.to_string()].into_iter().collect()),
        },
        ..Default::default()
    };
    let (files, notes) = pipeline::build_in_memory(model, &[], &shared.dir, &options).map_err(|e| e.message)?;
    for note in &notes {
        eprintln!("warning: {note}");
    }
    let files = below_site(files);
    eprintln!("drew the {} PDFs of {owner} in {:.0} ms", files.len(), started.elapsed().as_secs_f64() * 1000.0);
    Ok(files)
}

fn page(path: &str, state: &State) -> Response {
    let mut key = percent_decode(path.trim_start_matches('/'));
    if key.is_empty() || key.ends_with('/') {
        key.push_str("index.html");
    }
    if !state.files.contains_key(&key) && state.files.contains_key(&format!("{key}/index.html")) {
        key.push_str("/index.html");
    }
    let (status, key) = match state.files.get(&key) {
        Some(_) => (200, key),
        None => (404, "404.html".to_string()),
    };
    let Some(bytes) = state.files.get(&key) else {
        // Nothing was ever built: the first build failed.
        let html =
            "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>safeduty</title><body></body></html>";
        return reply(200, "text/html; charset=utf-8", Arc::new(inject(html, state).into_bytes()));
    };
    let kind = content_type(&key);
    if kind.starts_with("text/html") {
        reply(status, kind, Arc::new(inject(&String::from_utf8_lossy(bytes), state).into_bytes()))
    } else {
        reply(status, kind, bytes.clone())
    }
}

/// Browsers send non-ASCII file names (a scan named in Chinese) percent-encoded.
fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).and_then(|b| hex(*b)), bytes.get(i + 2).and_then(|b| hex(*b))) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Adds the live-reload script, and the error overlay while the content has errors.
fn inject(html: &str, state: &State) -> String {
    let mut extra = format!(
        "<script src=\"/__safeduty/livereload.js\" data-version=\"{}\" data-assets=\"{}\"></script>",
        state.version, state.assets
    );
    if let Some(error) = &state.error {
        extra.push_str(&ERROR_OVERLAY.replace("%ERROR%", &escape(error)));
    }
    match html.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &html[..at], &html[at..]),
        None => format!("{html}{extra}"),
    }
}

/// A response's bytes, shared with the files served (a PDF is not copied for each request).
struct Body(Arc<Vec<u8>>);

impl AsRef<[u8]> for Body {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

type Response = tiny_http::Response<std::io::Cursor<Body>>;

fn reply(status: u16, kind: &str, body: Arc<Vec<u8>>) -> Response {
    let header = tiny_http::Header::from_bytes("Content-Type", kind).expect("valid header");
    let no_cache = tiny_http::Header::from_bytes("Cache-Control", "no-store").expect("valid header");
    let len = body.len();
    tiny_http::Response::new(status.into(), vec![header, no_cache], std::io::Cursor::new(Body(body)), Some(len), None)
}

fn content_type(path: &str) -> &'static str {
    match PathBuf::from(path).extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("pdf") => "application/pdf",
        Some("wasm") => "application/wasm",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

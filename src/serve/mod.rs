//! `safeduty serve`: a preview on 127.0.0.1 that rebuilds when content or theme files change
//! and reloads the browser (the injected script polls `/__safeduty/changes`). The site is built
//! into memory; the last good build keeps being served while the content has errors, and the
//! errors are shown on top of every page.
//!
//! `watch` turns file events into what changed, `passes` rebuilds (the pages at once, the search
//! index after), `pdfs` draws an institution's PDFs when a browser asks for one, and `http`
//! answers requests from what the passes published.

mod drawn;
mod http;
mod passes;
mod pdfs;
mod state;
mod watch;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::error::{Error, Result, os_reason};
use crate::session::Session;
pub(crate) use crate::session::Settings;
use crate::t;
use passes::{full_pass, quick_pass};
use state::{Shared, State};
use watch::{Changes, triggers_rebuild};

/// Events closer together than this are one change (an editor's save is several events).
const DEBOUNCE: Duration = Duration::from_millis(15);
/// How long the second pass (the search index) waits after an edit's pages pass.
const SETTLE: Duration = Duration::from_millis(500);

/// Serves `settings.dir` until the process is stopped.
pub(crate) fn serve(settings: &Settings, port: u16) -> Result<()> {
    let dir = settings.dir;
    let state = State {
        files: BTreeMap::new(),
        faces: Arc::default(),
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
        session: Session::new(dir),
        drawn: Mutex::default(),
        drawing: Mutex::new(()),
        paging: Mutex::new(()),
    });
    // Loopback only: the preview shows content that is not published yet.
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| Error::usage(t!("serve-cannot-listen", port = port.to_string(), reason = os_reason(&e))))?;
    let addr = listener.local_addr().map_or_else(|_| format!("127.0.0.1:{port}"), |a| a.to_string());

    // Watch before the first build, so that no edit made after it can be missed.
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event| {
        let _ = tx.send(event);
    })
    .map_err(|e| Error::internal(t!("serve-cannot-watch-files", error = e.to_string())))?;
    watcher.watch(dir, RecursiveMode::Recursive).map_err(|e| {
        Error::internal(t!("serve-cannot-watch", dir = dir.display().to_string(), error = e.to_string()))
    })?;
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
                Err(e) => return eprintln!("{}", t!("serve-no-index-threads", error = e.to_string())),
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
        eprintln!("{}", t!("serve-serving", dir = dir.display().to_string(), addr = addr.as_str()));

        if let Err(e) = http::serve(listener, shared.clone()) {
            eprintln!("{}: {}", t!("level-error"), t!("serve-cannot-serve", reason = os_reason(&e)));
            return;
        }

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

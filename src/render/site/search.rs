//! Offline Chinese full-text search: a pagefind index built in-process from the rendered
//! pages. Pagefind segments Chinese words (its `extended` feature) and ships the browser side
//! (pagefind.js, its UI and a wasm file), so the site needs nothing from the internet.
//! Which pages are indexed is the theme's choice: those with `data-pagefind-body`.

use pagefind::api::PagefindIndex;

use crate::error::{Error, Result};

/// Where the index goes, below the site root.
pub const BUNDLE: &str = "pagefind";

/// The bundle's files that pages link to.
pub const UI_FILES: &[&str] = &["pagefind-ui.js", "pagefind-ui.css"];

/// Files of the pagefind bundle that the default theme does not use.
fn unused(name: &str) -> bool {
    name.starts_with("pagefind-component-ui") || name.starts_with("pagefind-modular-ui")
}

/// Pagefind reports `anyhow` errors; only their text is kept.
fn err(e: impl std::fmt::Display) -> Error {
    Error::new(format!("search index: {e}"))
}

/// The bundle's files: (path from the site root, bytes).
pub type Bundle = Vec<(String, Vec<u8>)>;

/// Builds the index on a thread of its own while the pages are still being rendered: pages go
/// in as they are written (in a fixed order, so the index has the same bytes every time), and
/// `finish` waits for the bundle. Pagefind reads one page at a time, so this overlap is what
/// parallelism there is to have.
pub struct Indexer {
    pages: Option<std::sync::mpsc::Sender<(String, String)>>,
    worker: std::thread::JoinHandle<Result<Bundle>>,
}

impl Indexer {
    pub fn start() -> Self {
        let (tx, rx) = std::sync::mpsc::channel::<(String, String)>();
        let worker = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .build()
                .map_err(|e| Error::new(format!("search index: cannot start its runtime: {e}")))?;
            runtime.block_on(async {
                let mut index = PagefindIndex::new(None).map_err(err)?;
                for (path, html) in rx {
                    // Relative result URLs: the search page sits at the site root, so results
                    // work under any sub-path.
                    index.add_html_file(None, Some(path), html).await.map_err(err)?;
                }
                let files = index.get_files().await.map_err(err)?;
                Ok(files
                    .into_iter()
                    .filter_map(|f| {
                        let name = f.filename.to_string_lossy().replace('\\', "/");
                        (!unused(&name)).then(|| (format!("{BUNDLE}/{name}"), f.contents))
                    })
                    .collect())
            })
        });
        Indexer { pages: Some(tx), worker }
    }

    /// Adds a page (path from the site root, HTML).
    pub fn add(&self, path: &str, html: &str) {
        if let Some(tx) = &self.pages {
            // A send fails only if the worker stopped on an error, which `finish` reports.
            let _ = tx.send((path.to_string(), html.to_string()));
        }
    }

    /// Waits for the bundle.
    pub fn finish(mut self) -> Result<Bundle> {
        drop(self.pages.take());
        self.worker.join().map_err(|_| Error::new("search index: the indexer crashed"))?
    }
}

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

/// Indexes `pages` (path from the site root, HTML) and returns the bundle's files as
/// (path from the site root, bytes). Same pages in the same order give the same bytes.
pub fn index(pages: &[(String, String)]) -> Result<Vec<(String, Vec<u8>)>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| Error::new(format!("search index: cannot start its runtime: {e}")))?;
    runtime.block_on(async {
        let mut index = PagefindIndex::new(None).map_err(err)?;
        for (path, html) in pages {
            // Relative result URLs: the search page sits at the site root, so results work
            // under any sub-path.
            index.add_html_file(None, Some(path.clone()), html.clone()).await.map_err(err)?;
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
}

//! What the preview's threads share: what it serves, and how it came to be.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use super::drawn::Drawn;
use crate::model::Model;
use crate::render::Files;
use crate::render::theme::Theme;
use crate::session::{Face, Session};

/// What the preview serves, and how it came to be.
pub(super) struct State {
    /// The last good build of the site: path below the site root → bytes.
    pub(super) files: Files,
    /// What other pages show of each institution, as of the last good build (see `Face`).
    pub(super) faces: Arc<BTreeMap<String, Face>>,
    /// The errors of the latest build, if it failed.
    pub(super) error: Option<String>,
    /// Goes up whenever what a browser shows changes.
    pub(super) version: u64,
    /// The version at which a file other than a page (a style sheet, an image) last changed:
    /// a browser swaps in a page's new body, unless this moved, when it reloads.
    pub(super) assets: u64,
    /// Whether PDFs can be made (the last full pass found the theme's fonts): the next pages
    /// pass links them then, and they are drawn when asked for.
    pub(super) pdfs: bool,
    /// Whether the pages served link PDFs (what `pdfs` was when they were made).
    pub(super) linked: bool,
    /// Counts first passes: a second pass started before the latest first pass is stale, and
    /// so are PDFs drawn from an older model.
    pub(super) generation: u64,
    /// The model and theme of the pages served, from which PDFs are drawn when asked for.
    pub(super) printable: Option<(Arc<Model>, Arc<Theme>)>,
}

/// What the watcher, the search pass and the request threads share.
pub(super) struct Shared {
    pub(super) state: Mutex<State>,
    /// What passes keep between them, and the rule of what an edit lets them keep.
    pub(super) session: Session,
    /// PDFs drawn when a browser asked for them.
    pub(super) drawn: Mutex<Drawn>,
    /// Held while PDFs are drawn: a page's PDFs are asked for together, and drawn once.
    pub(super) drawing: Mutex<()>,
    /// Held by a pages pass: the watcher's and, rarely, the search pass's (see `full_pass`)
    /// must not interleave their use of the session's parsed files.
    pub(super) paging: Mutex<()>,
}

//! The one place that orders the stages of a build: the checked model (`checked`: load → check
//! → resolve) is prepared, rendered by every renderer side by side, and written.

use std::path::Path;

use rayon::prelude::*;

use crate::checked::{self, Checked};
use crate::date::Date;
use crate::error::{Error, Result};
use crate::fence::Fence;
use crate::lints::Levels;
use crate::model::Model;
use crate::notes::{Clock, Lap, Notes};
use crate::render::documents::Which;
use crate::render::pdf::fonts::FontSet;
use crate::render::pdf::style::Style as PdfStyle;
use crate::render::preflight::{Pdf, Prepared};
use crate::render::theme::Theme;
use crate::render::{self, Files, Finding, RenderContext, Selection, Sink};
use crate::write;

/// Checks the content like `checked::check`, and when it is clean also prepares its build:
/// loads the theme and (when `pdf` checks or prints) the fonts, and checks what the build would
/// otherwise reject only when making it (see `render::preflight`). `check` and `build` on the
/// command line check this way.
pub(crate) fn check_prepared(
    dir: &Path,
    adjust: impl FnOnce(&mut Levels),
    as_of: Option<Date>,
    pdf: Pdf,
) -> (Checked, Option<Prepared>) {
    // The theme and its fonts depend on the content only through the theme folder's name (read
    // ahead): they are loaded beside the content's load and check (`preflight::Early`).
    let (mut checked, early) = std::thread::scope(|scope| {
        // The stack a main thread has: Tera's parser recurses with a template's nesting.
        let early = std::thread::Builder::new().stack_size(8 << 20).spawn_scoped(scope, || {
            let fence = Fence::new(dir).ok()?;
            let folder = crate::load::theme_folder(&fence);
            Some(render::preflight::Early::load(&fence, folder, pdf))
        });
        let checked = checked::check_as_of(dir, adjust, as_of);
        (checked, early.ok().and_then(|t| t.join().ok()).flatten())
    });
    let (Some(model), Ok(fence)) = (&checked.model, Fence::new(dir)) else { return (checked, None) };
    let started = std::time::Instant::now();
    let mut report = std::mem::take(&mut checked.report);
    let mut prepared = render::preflight::prepare(&fence, model, pdf, early, &mut checked.sources, &mut report);
    let levels = &checked.levels;
    report.finish(|code| levels.level(code));
    if report.has_errors() {
        checked.model = None;
        prepared = None;
    }
    checked.report = report;
    let what = "prepare the build (characters; the theme and fonts were loaded beside the content)";
    checked.laps.push(Lap { what: what.into(), took: started.elapsed() });
    (checked, prepared)
}

/// How to render a checked model.
pub(crate) struct Options {
    pub(crate) selection: Selection,
    /// Build the site's search index (the preview defers it).
    pub(crate) search: bool,
    /// Show progress bars (a terminal is watching).
    pub(crate) progress: bool,
    /// Report how long each stage took (as notes).
    pub(crate) timings: bool,
    /// The content's revision history, for the site's 修订记录 and 变更记录 (None: no git).
    pub(crate) history: Option<std::sync::Arc<crate::history::History>>,
    /// The theme, when the caller has it loaded already (`check_prepared`, the preview); None:
    /// loaded from the content's theme folder.
    pub(crate) theme: Option<std::sync::Arc<Theme>>,
    /// The theme's PDF fonts, when the caller has them already.
    pub(crate) fonts: Option<std::sync::Arc<FontSet>>,
    /// The documents' codes and facts (and texts, see `documents::looked`), when
    /// `check_prepared` made them already: of every kind the build makes, for every institution.
    pub(crate) documents: Option<render::documents::Documents>,
    /// A pages pass of the preview (see `session`).
    pub(crate) preview: Option<Preview>,
}

/// What a pages pass of the preview asks of the render, beyond a build's options.
#[derive(Clone)]
pub(crate) struct Preview {
    /// Link documents as printed though this pass makes no PDFs (drawn when asked for).
    pub(crate) link_unprinted: bool,
    /// After an edit inside these institutions' folders: only their pages and the pages of no
    /// institution are rendered; the rest are the previous pass's.
    pub(crate) pages_of: Option<std::collections::BTreeSet<String>>,
    /// Whether the role category pages are rendered (false only with `pages_of`, when the edit
    /// left what they show of those institutions as it was: the previous pass's stay).
    pub(crate) categories: bool,
    /// The documents of the previous pass: those of institutions outside `pages_of` are taken
    /// from there (see `documents::Which::Reusing`), and this pass's are given back.
    pub(crate) documents: std::sync::Arc<render::documents::Cache>,
    /// The keys of the pages of no institution the last pass made (see `kept::PageKeys`).
    pub(crate) pages: std::sync::Arc<render::kept::PageKeys>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            selection: Selection::default(),
            search: true,
            progress: false,
            timings: false,
            history: None,
            theme: None,
            fonts: None,
            documents: None,
            preview: None,
        }
    }
}

/// Renders a checked model into `out`, replacing it only if every renderer succeeds. Returns
/// what to tell the user (e.g. PDFs skipped for want of a font, and timings).
pub(crate) fn build(
    model: &Model,
    findings: &[Finding],
    content_root: &Path,
    out: &Path,
    options: Options,
) -> Result<Notes> {
    let mut notes = Notes::default();
    write::atomically(out, content_root, |tmp| {
        notes = render_into(model, findings, content_root, &Sink::dir(tmp), options)?;
        Ok(())
    })?;
    Ok(notes)
}

/// Renders a checked model into memory: (path under the output root, bytes), and notes.
pub(crate) fn build_in_memory(
    model: &Model,
    findings: &[Finding],
    content_root: &Path,
    options: Options,
) -> Result<(Files, Notes)> {
    let sink = Sink::memory();
    let notes = render_into(model, findings, content_root, &sink, options)?;
    Ok((sink.into_files(), notes))
}

/// The content's theme: the built-in one with the content's theme folder on top.
pub(crate) fn theme(content_root: &Path, model: &Model) -> Result<Theme> {
    Theme::load(Some((&fence(content_root)?, &model.site.theme)))
}

fn fence(content_root: &Path) -> Result<Fence> {
    Fence::new(content_root).map_err(|e| Error::io("open the content folder", content_root, e))
}

fn render_into(
    model: &Model,
    findings: &[Finding],
    content_root: &Path,
    sink: &Sink,
    mut options: Options,
) -> Result<Notes> {
    let mut clock = Clock::new(options.timings);
    let fence = fence(content_root)?;
    let theme = match &options.theme {
        Some(theme) => theme.clone(),
        None => std::sync::Arc::new(Theme::load(Some((&fence, &model.site.theme)))?),
    };
    let style = PdfStyle::parse(&theme.pdf_style)?;
    let mut notes = Notes::default();
    // Fonts are looked for only when PDFs are wanted. Without a CJK font the site is still
    // built, without PDFs, and the user is told why.
    let wants_pdf = options.selection.wants_pdf();
    let fonts = if wants_pdf {
        match options.fonts.clone().map_or_else(|| FontSet::of_theme(&theme, &style).map(std::sync::Arc::new), Ok) {
            Ok(fonts) => Some(fonts),
            Err(e) => {
                notes.warnings.push(crate::t!("pipeline-no-pdfs", error = e.message));
                None
            }
        }
    } else {
        None
    };
    clock.lap("theme and fonts");
    let made = options.documents.take();
    let preview = options.preview.as_ref();
    let pages_of = preview.and_then(|p| p.pages_of.as_ref());
    let mut documents = match preview {
        Some(p) => {
            let reuse = render::documents::Reuse { cache: &p.documents, edited: pages_of };
            render::documents::make(model, &theme, Which::Reusing(reuse))?
        }
        None => match (made, options.selection.documents_of()) {
            (Some(made), _) => made,
            (None, Some(ids)) => {
                let makes = |kind| options.selection.prints_kind(kind);
                render::documents::make(model, &theme, Which::Of(ids, &makes))?
            }
            (None, None) => render::documents::make(model, &theme, Which::Codes)?,
        },
    };
    clock.lap("document texts and codes");
    let linked = preview.is_some_and(|p| p.link_unprinted);
    documents.for_each_mut(|d| {
        d.printed = linked || (fonts.is_some() && options.selection.prints(d.kind, &d.institution));
    });
    if let Some(p) = preview {
        p.pages.begin();
    }
    let stage_laps = std::sync::Mutex::new(Vec::new());
    let ctx = RenderContext {
        model,
        sink,
        fence: &fence,
        findings,
        theme: &theme,
        documents: &documents,
        fonts: fonts.as_deref(),
        pdf_style: &style,
        search: options.search,
        progress: options.progress,
        history: options.history.as_deref(),
        laps: options.timings.then_some(&stage_laps),
        pages_of,
        categories: preview.is_none_or(|p| p.categories),
        page_keys: preview.map(|p| &*p.pages),
    };
    // Renderers are independent: run them side by side (the site's search index overlaps the
    // PDFs' typesetting).
    let renderers: Vec<_> = render::all().into_iter().filter(|r| r.wanted(&options.selection)).collect();
    let laps: Vec<Lap> = renderers
        .par_iter()
        .map(|renderer| {
            let started = std::time::Instant::now();
            renderer.render(&ctx).map_err(|e| e.context(crate::t!("pipeline-renderer", name = renderer.name())))?;
            Ok(Lap { what: format!("{} renderer", renderer.name()), took: started.elapsed() })
        })
        .collect::<Result<_>>()?;
    clock.lap("renderers, side by side");
    if options.timings {
        notes.laps.extend(laps);
        notes.laps.extend(stage_laps.into_inner().unwrap_or_else(|e| e.into_inner()));
    }
    notes.laps.extend(clock.laps);
    // The renderers are done with the documents (`ctx` borrowed them last).
    match preview {
        Some(p) => {
            render::documents::keep(&p.documents, model, documents);
            p.pages.commit();
        }
        // The fonts' maps are unmapped there too.
        None => crate::drop_aside((documents, fonts, theme, options)),
    }
    Ok(notes)
}

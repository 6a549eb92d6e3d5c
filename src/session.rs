//! The preview's session: what it keeps between passes, and what an edit makes of it.
//!
//! Every stage has one entry; this type alone decides what a pass may take from the last good
//! one, so that the rule that keeps a partial pass from going stale is written once:
//!
//! - Parsed files are kept by their bytes (or stamps); after files were only written in place,
//!   a load reads those files alone (`load::Since::Written`).
//! - An edit inside some institutions' folders, of files written in place, after a good pass:
//!   the other institutions' findings are the last check's (`check::Reuse`), and they resolve
//!   as they did (`resolve::Reuse`).
//! - Such an edit that leaves every institution's name, short name, parent and ledger counts as
//!   they were (what other institutions' pages show of it): only the edited institutions' pages, their
//!   documents' codes and the pages of no institution are made again, and of these only the
//!   pages whose view changed (`kept::PageKeys`); the theme is kept.
//! - Anything else (settings, categories, the theme, a file created or removed, a failed pass):
//!   everything again.
//!
//! PDFs are drawn when asked for, an institution's at a time, with fonts found once per theme;
//! the search index keeps the parts whose pages did not change; git versions are resolved once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::checked;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::history::Versions;
use crate::lints::Levels;
use crate::lock;
use crate::model::Model;
use crate::notes::Notes;
use crate::pipeline;
use crate::render::documents;
use crate::render::kept::SearchCache;
use crate::render::pdf::fonts::FontSet;
use crate::render::theme::Theme;
use crate::render::{Files, Finding, Part, Selection};

/// How every pass is made.
pub(crate) struct Settings<'a> {
    /// The content folder.
    pub(crate) dir: &'a Path,
    /// Overrides the content's date of record.
    pub(crate) as_of: Option<Date>,
    /// Print how long each stage of each pass took.
    pub(crate) timings: bool,
    /// Sets lint levels (from the command line).
    pub(crate) adjust: &'a (dyn Fn(&mut Levels) + Sync),
}

/// What the watcher saw change since the last pass.
#[derive(Default)]
pub(crate) struct Edit {
    /// The institutions whose folders hold every changed file; None: the change may lie anywhere.
    pub(crate) institutions: Option<BTreeSet<String>>,
    /// The files (names below the content root) written in place, when that is all that
    /// happened; None: files may have been created, removed or renamed.
    pub(crate) written: Option<Vec<String>>,
}

/// `edited` and the institutions whose parent is one of them, as the last pass knew them.
fn with_members(edited: &BTreeSet<String>, last: Option<&Last>) -> BTreeSet<String> {
    let members = last.into_iter().flat_map(|l| l.model.institutions.iter());
    let members = members.filter(|i| i.parent.as_ref().is_some_and(|p| edited.contains(p))).map(|i| i.id.clone());
    edited.iter().cloned().chain(members).collect()
}

/// What the pages of other institutions show of an institution: its name, short name and
/// parent (the parent's page lists its members), and its ledger's counts (which the parent's
/// page shows for each member).
pub(crate) type Face = (String, Option<String>, Option<String>, String);

/// What a good pass leaves for the next.
#[derive(Clone)]
pub(crate) struct Last {
    pub(crate) model: Arc<Model>,
    pub(crate) faces: Arc<BTreeMap<String, Face>>,
}

/// What a pages pass made.
pub(crate) struct Pages {
    /// The files below the site root (no search index: `search_index` follows).
    pub(crate) files: Files,
    pub(crate) last: Last,
    pub(crate) theme: Arc<Theme>,
    /// The institutions whose pages alone were made (with the pages of no institution).
    pub(crate) scope: Option<BTreeSet<String>>,
    /// Whether the load walked the tree (else it read the files written only).
    pub(crate) walked: bool,
    /// Whether the other institutions were taken as the last pass resolved them.
    pub(crate) reused: bool,
}

pub(crate) struct Session {
    dir: PathBuf,
    parsed: crate::load::Cache,
    checks: crate::check::Kept,
    versions: Arc<Versions>,
    documents: Arc<documents::Cache>,
    pages: Arc<crate::render::kept::PageKeys>,
    /// The theme of the last pages pass (Tera parses every template when a theme is loaded).
    theme: Mutex<Option<Arc<Theme>>>,
    /// The fonts of the theme PDFs were last drawn with: finding them takes longer than
    /// drawing an institution's files.
    fonts: Mutex<Option<(Arc<Theme>, Arc<FontSet>)>>,
    search: Arc<SearchCache>,
}

impl Session {
    pub(crate) fn new(dir: &Path) -> Self {
        Session {
            dir: dir.to_path_buf(),
            parsed: Default::default(),
            checks: Default::default(),
            versions: Default::default(),
            documents: Default::default(),
            pages: Default::default(),
            theme: Mutex::new(None),
            fonts: Mutex::new(None),
            search: Arc::default(),
        }
    }

    /// The site's pages after `edit`, into memory; `last` is the last good pass (None after a
    /// failed one: what was parsed since may lie anywhere). With `link_pdfs`, pages link the
    /// documents as printed (fonts were found; PDFs are drawn when asked for).
    pub(crate) fn pages(
        &self,
        settings: &Settings,
        edit: &Edit,
        last: Option<&Last>,
        link_pdfs: bool,
    ) -> Result<Pages> {
        let since = match &edit.written {
            Some(names) => crate::load::Since::Written(names),
            None => crate::load::Since::Unknown,
        };
        // A member's letter with its health commission names the commission's principal: an
        // edit of a commission is an edit of its members too.
        let edited = edit.institutions.as_ref().map(|e| with_members(e, last));
        let reuse = match (&edited, &edit.written, last) {
            (Some(edited), Some(_), Some(last)) => Some(crate::resolve::Reuse { model: &last.model, edited }),
            _ => None,
        };
        let reused = reuse.is_some();
        let known = checked::Known { cache: &self.parsed, since, reuse, checks: &self.checks };
        let mut checked = checked::check_cached(settings.dir, settings.adjust, Some(known), settings.as_of);
        if settings.timings {
            for lap in &checked.laps {
                eprintln!("timing (pages): {lap}");
            }
        }
        let Some(model) = checked.model.take().map(Arc::new) else {
            return Err(Error::content(checked.report.render_human(&checked.sources, false)));
        };
        let findings = Finding::from_report(&checked.report, &checked.sources);
        let faces = Arc::new(faces(&model));
        // Every institution's faces, not only the edited ones': an edit that landed after the
        // watcher's batch but before the files were read is in the model already.
        let scope = match (&edited, last) {
            (Some(edited), Some(last)) => scope(edited, &last.faces, &faces),
            _ => None,
        };
        // The revision history, as `build` shows it; the preview does not repeat its notes.
        let history = crate::history::for_site(settings.dir, &model, self.versions.clone()).0.map(Arc::new);
        let theme = self.theme(&model, scope.is_some())?;
        // What the role category pages show of the institutions rendered again, before and now.
        let categories = match (&scope, last) {
            (Some(ids), Some(last)) => ids.iter().any(|id| {
                let shown = crate::render::site::categories_shown_of;
                last.model.institution(id).map(|i| shown(i)) != model.institution(id).map(|i| shown(i))
            }),
            _ => true,
        };
        let options = pipeline::Options {
            theme: Some(theme.clone()),
            selection: Selection { parts: Some([Part::Site].into_iter().collect()), institutions: None },
            search: false,
            history,
            timings: settings.timings,
            preview: Some(pipeline::Preview {
                link_unprinted: link_pdfs,
                pages_of: scope.clone(),
                categories,
                documents: self.documents.clone(),
                pages: self.pages.clone(),
            }),
            ..Default::default()
        };
        let (files, notes) = pipeline::build_in_memory(&model, &findings, settings.dir, options)?;
        say(&notes, "pages");
        let last = Last { model, faces };
        Ok(Pages { files: below_site(files), last, theme, scope, walked: checked.walked, reused })
    }

    /// The search index of the pages served (below the site root), as `build` makes it; parts
    /// none of whose pages changed since the last call are kept. Returns it, and how many parts
    /// were indexed and kept.
    pub(crate) fn search_index(&self, model: &Model, pages: &Files) -> Result<(Files, (usize, usize))> {
        let index = crate::render::site::index_rendered(model, pages, &self.search)?;
        Ok((index, self.search.last_build()))
    }

    /// The fonts of the theme's PDF style, found once per theme.
    pub(crate) fn fonts(&self, theme: &Arc<Theme>) -> Result<Arc<FontSet>> {
        let mut kept = lock(&self.fonts);
        match kept.as_ref() {
            Some((t, fonts)) if Arc::ptr_eq(t, theme) => Ok(fonts.clone()),
            _ => {
                let style = crate::render::pdf::style::Style::parse(&theme.pdf_style)?;
                let fonts = Arc::new(FontSet::of_theme(theme, &style)?);
                *kept = Some((theme.clone(), fonts.clone()));
                Ok(fonts)
            }
        }
    }

    /// Every PDF of `owner` (cards, letters, combined files, the phase reports it issues) below
    /// the site root, as `build --institution OWNER --only cards,letters,reports` makes them.
    pub(crate) fn pdfs(&self, model: &Model, theme: Arc<Theme>, owner: &str) -> Result<Files> {
        let fonts = self.fonts(&theme)?;
        let options = pipeline::Options {
            theme: Some(theme),
            fonts: Some(fonts),
            selection: Selection {
                parts: Some(Part::PRINTED.into_iter().collect()),
                institutions: Some([owner.to_string()].into_iter().collect()),
            },
            ..Default::default()
        };
        let (files, notes) = pipeline::build_in_memory(model, &[], &self.dir, options)?;
        say(&notes, "pdfs");
        Ok(below_site(files))
    }

    /// The theme for a pages pass: the last pass's when only some institutions' pages are
    /// made (an edit inside their folders leaves the theme alone), else loaded and kept.
    fn theme(&self, model: &Model, scoped: bool) -> Result<Arc<Theme>> {
        let mut kept = lock(&self.theme);
        match kept.as_ref() {
            Some(theme) if scoped => Ok(theme.clone()),
            _ => {
                let theme = Arc::new(pipeline::theme(&self.dir, model)?);
                *kept = Some(theme.clone());
                Ok(theme)
            }
        }
    }
}

/// The institutions whose pages an edit of `edited` changes, when the others show the same of
/// every institution as before; a member whose ledger counts changed changes its parent's page
/// (the member counts), and only that. None: every page.
fn scope(
    edited: &BTreeSet<String>,
    before: &BTreeMap<String, Face>,
    now: &BTreeMap<String, Face>,
) -> Option<BTreeSet<String>> {
    if before.len() != now.len() {
        return None;
    }
    let mut scope = edited.clone();
    for ((id, a), (id_now, b)) in before.iter().zip(now) {
        if id != id_now || (&a.0, &a.1, &a.2) != (&b.0, &b.1, &b.2) {
            return None;
        }
        if a.3 != b.3 {
            scope.extend(b.2.clone());
        }
    }
    Some(scope)
}

fn faces(model: &Model) -> BTreeMap<String, Face> {
    model
        .institutions
        .iter()
        .map(|i| {
            let ledger = crate::render::site::ledger_face(model, i);
            (i.id.clone(), (i.name.clone(), i.short_name.clone(), i.parent.clone(), ledger))
        })
        .collect()
}

/// The files below `site/`, by their path from the site root (what the preview serves).
fn below_site(files: Files) -> Files {
    files.into_iter().filter_map(|(k, v)| Some((crate::render::paths::below_site(&k)?.to_string(), v))).collect()
}

fn say(notes: &Notes, pass: &str) {
    for warning in &notes.warnings {
        eprintln!("{}: {warning}", crate::t!("level-warning"));
    }
    for lap in &notes.laps {
        eprintln!("timing ({pass}): {lap}");
    }
}

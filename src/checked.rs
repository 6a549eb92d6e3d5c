//! Stages 1 to 3 in their order: a content folder (or the files of a commit) is loaded, checked
//! and, when it has no errors, resolved into the model that every renderer reads.

use std::path::Path;

use crate::date::Date;
use crate::diagnostic::Report;
use crate::lints::Levels;
use crate::model::Model;
use crate::notes::{Clock, Lap};
use crate::source::Sources;
use crate::{check, load, resolve};

/// What loading and checking a content tree found.
pub struct Checked {
    pub sources: Sources,
    pub report: Report,
    /// Present when the content has no errors.
    pub model: Option<Model>,
    /// How long each stage took (`build --timings`).
    pub(crate) laps: Vec<Lap>,
    /// Whether the load walked the tree (see `load::Since`).
    pub(crate) walked: bool,
    /// The lint levels in force: the content's, then the command line's.
    pub(crate) levels: Levels,
}

/// Loads, checks and (if clean) resolves `dir`. `adjust` sets lint levels from the command
/// line, after the content's own `lints:`.
pub fn check(dir: &Path, adjust: impl FnOnce(&mut Levels)) -> Checked {
    check_cached(dir, adjust, None, None)
}

/// Like `check`, for the day `as_of` (`--as-of`) instead of the content's date of record: what
/// is overdue, and the progress every renderer shows, are computed for that day.
pub(crate) fn check_as_of(dir: &Path, adjust: impl FnOnce(&mut Levels), as_of: Option<Date>) -> Checked {
    check_cached(dir, adjust, None, as_of)
}

/// What the preview knows from its last pass.
pub(crate) struct Known<'a> {
    /// The files parsed then, and what the watcher saw change since.
    pub(crate) cache: &'a load::Cache,
    pub(crate) since: load::Since<'a>,
    /// Institutions of the last model that may be taken as they are.
    pub(crate) reuse: Option<resolve::Reuse<'a>>,
    /// The findings of the last check, institution by institution.
    pub(crate) checks: &'a check::Kept,
}

/// Like `check_as_of`, taking what did not change since the last pass from `known`.
pub(crate) fn check_cached(
    dir: &Path,
    adjust: impl FnOnce(&mut Levels),
    known: Option<Known>,
    as_of: Option<Date>,
) -> Checked {
    let started = std::time::Instant::now();
    let mut report = Report::default();
    let content = load::load(dir, &mut report, known.as_ref().map(|k| (k.cache, k.since)));
    let loaded = started.elapsed();
    let mut checked = check_reusing(content, report, adjust, known, as_of);
    checked.laps.insert(0, Lap { what: "load".into(), took: loaded });
    checked
}

/// Checks and (if clean) resolves content already loaded (from disk, or from a commit).
pub fn check_loaded(content: load::Content, report: Report, adjust: impl FnOnce(&mut Levels)) -> Checked {
    check_reusing(content, report, adjust, None, None)
}

fn check_reusing(
    mut content: load::Content,
    mut report: Report,
    adjust: impl FnOnce(&mut Levels),
    known: Option<Known>,
    as_of: Option<Date>,
) -> Checked {
    let mut clock = Clock::new(true);
    // The day of record: the command line's, else the content's (never the clock).
    let day = as_of.or_else(|| {
        let config = content.config.as_ref()?;
        Date::parse(&config.value.as_of.as_ref()?.value).ok()
    });
    let reuse = known.as_ref().and_then(|k| k.reuse);
    // The last check's findings hold for the institutions an edit left alone when it resolves
    // them as before, the files keep their ids (the walk was taken) and none is broken.
    let checks = known.as_ref().map(|k| check::Reuse {
        kept: k.checks,
        edited: reuse.map(|r| r.edited).filter(|_| !content.walked && content.broken_files == 0),
    });
    let index = check::check(&content, day, &mut report, checks);
    let mut levels = Levels::default();
    if let Some(config) = &content.config {
        for (code, level) in &config.value.lints {
            levels.set(code, level.value);
        }
    }
    adjust(&mut levels);
    report.finish(|code| levels.level(code));
    let mut model = None;
    clock.lap("check");
    if !report.has_errors() {
        let mut resolved = resolve::resolve(&content, &index, reuse);
        resolved.site.as_of = day;
        clock.lap("resolve");
        // Some checks need the resolved model (which letters exist).
        check::signed::check(&content, &resolved, &mut report);
        report.finish(|code| levels.level(code));
        model = (!report.has_errors()).then_some(resolved);
        clock.lap("check signing records");
    }
    drop(index);
    // Spans of spreadsheets go to their cells, once every check has placed its findings.
    content.relocate(&mut report);
    report.finish(|code| levels.level(code));
    Checked {
        sources: std::mem::take(&mut content.sources),
        report,
        model,
        laps: clock.laps,
        walked: content.walked,
        levels,
    }
}

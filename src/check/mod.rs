//! Stage 2, check: everything that can be wrong with loaded content, reported all at once.
//!
//! `index` builds the id tables; `refs` follows every reference; `duties` judges duty lists;
//! `graph` finds cycles; `rules` applies the seed documents' staffing and completeness rules.
//! Every check of one institution's folder is called from `institution`, so that the preview
//! can keep an institution's findings while an edit leaves its folder alone (`Kept`).

mod campaigns;
mod duties;
mod graph;
pub(crate) mod ids;
pub(crate) mod index;
mod levels;
pub(crate) mod records;
mod refs;
mod revisions;
mod risks;
mod rules;
pub(crate) mod signed;
pub(crate) mod sources;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::date::Date;
use crate::diagnostic::{Diagnostic, Report, plural};
use crate::i18n::Value;
use crate::load::Content;
use crate::source::Span;
use crate::{m, t};

use ids::{is_safe_id, unsafe_id};
pub(crate) use index::Index;
use index::InstIndex;

/// What the checks of each institution found at the last check (the preview's): after an edit
/// inside some institutions' folders, the others' findings are taken as they were.
#[derive(Default)]
pub(crate) struct Kept {
    last: Mutex<BTreeMap<String, Arc<[Diagnostic]>>>,
}

/// What a check may take from the last one.
#[derive(Clone, Copy)]
pub(crate) struct Reuse<'a> {
    /// Keeps this check's findings for the next.
    pub(crate) kept: &'a Kept,
    /// The institutions checked again, when the last check's findings hold for the others: the
    /// files were only written in place (the file ids are the last check's), inside these
    /// institutions' folders, and none is broken (so that the checks across files ran then and
    /// run now). None: every institution is checked.
    pub(crate) edited: Option<&'a BTreeSet<String>>,
}

/// Runs every check; `day` is the day of record (what is overdue). Cross-file checks are
/// skipped while some file could not be parsed, since a reference into a broken file would look
/// dangling.
pub(crate) fn check<'a>(
    content: &'a Content,
    day: Option<Date>,
    report: &mut Report,
    reuse: Option<Reuse>,
) -> Index<'a> {
    let index = Index::build(content, |kind, id, again, first| {
        report.push(
            Diagnostic::new(
                "duplicate-id",
                again,
                m!("check-duplicate-id", kind = Value::noun(kind), id),
                t!("check-duplicate-id-label"),
            )
            .with_label(first, t!("check-duplicate-id-first"))
            .with_help(match kind {
                "category" => t!("check-duplicate-id-help-content", kinds = plural(kind)),
                _ => t!("check-duplicate-id-help-institution", kinds = plural(kind)),
            }),
        );
    });
    // The checks of the whole content and those of each institution run side by side; their
    // findings are reported in this order whatever finishes first (and sorted by place later).
    let checks: &[&(dyn Fn(&mut Report) + Sync)] = &[
        &|r| ids(content, &index, r),
        &|r| refs::whole(content, &index, r),
        &|r| duties::whole(content, r),
        &|r| campaigns::check(content, &index, r),
        &|r| revisions::whole(content, r),
        &|r| institutions(content, &index, day, reuse, r),
    ];
    report.side_by_side(checks, |check, found| check(found));
    if content.broken_files > 0 {
        report.notes.push(t!("check-broken-files", count = content.broken_files));
    }
    index
}

/// Every institution's checks, on every core; with `reuse`, the last check's findings of the
/// institutions not edited.
fn institutions(content: &Content, index: &Index, day: Option<Date>, reuse: Option<Reuse>, report: &mut Report) {
    // Taken out: this check's findings replace them.
    let kept = reuse.map(|r| std::mem::take(&mut *crate::lock(&r.kept.last)));
    let taken = |id: &str| {
        let edited = reuse?.edited?;
        (!edited.contains(id)).then(|| kept.as_ref()?.get(id).cloned())?
    };
    let institutions: Vec<&InstIndex> = index.institutions.values().collect();
    let found: Vec<Arc<[Diagnostic]>> = institutions
        .par_iter()
        .map(|inst| {
            taken(&inst.dir.id).unwrap_or_else(|| {
                let mut found = Report::default();
                institution(content, index, inst, day, &mut found);
                found.diagnostics.into()
            })
        })
        .collect();
    report.extend(found.iter().flat_map(|f| f.iter().cloned()));
    if let Some(reuse) = reuse {
        let by_id = institutions.iter().zip(found).map(|(inst, found)| (inst.dir.id.clone(), found)).collect();
        *crate::lock(&reuse.kept.last) = by_id;
    }
}

/// The checks of one institution's folder. What they find depends on that folder, the
/// categories, the settings and which institutions exist (all of which `Reuse` vouches for).
fn institution(content: &Content, index: &Index, inst: &InstIndex, day: Option<Date>, report: &mut Report) {
    institution_ids(inst, report);
    refs::institution(content, index, inst, report);
    duties::institution(inst, report);
    levels::institution(index, inst, report);
    records::institution(content, inst, report);
    risks::institution(index, inst, report);
    revisions::institution(inst.dir, report);
    // The checks of the whole graph are skipped while a file is broken.
    if content.broken_files == 0 {
        graph::institution(inst, report);
        rules::check(index, inst, report);
    }
    if let Some(day) = day {
        records::dated(inst.dir, day, report);
    }
}

fn ids(content: &Content, index: &Index, report: &mut Report) {
    for (id, def) in &index.categories {
        if !is_safe_id(id) {
            report.push(unsafe_id("category", id, def.span, true));
        }
    }
    for page in &content.pages {
        for part in page.slug.split('/') {
            if !is_safe_id(part) {
                report.push(unsafe_id("page", &page.slug, Span::file_start(page.file), true));
                break;
            }
        }
    }
}

fn institution_ids(inst: &InstIndex, report: &mut Report) {
    let id = inst.dir.id.as_str();
    if !is_safe_id(id) {
        report.push(unsafe_id("institution", id, inst.span, true));
    }
    // An institution's PDFs lie in pdf/<id>/, beside the campaigns' reports in pdf/campaigns/.
    if id == "campaigns" {
        report.push(
            Diagnostic::new("reserved-id", inst.span, m!("check-reserved-campaigns"), t!("check-reserved-label"))
                .with_help(t!("check-reserved-campaigns-help")),
        );
    }
    for (id, def) in &inst.departments {
        if !is_safe_id(id) {
            report.push(unsafe_id("department", id, def.span, false));
        }
    }
    for (id, def) in &inst.posts {
        if !is_safe_id(id) {
            report.push(unsafe_id("post", id, def.span, true));
        }
    }
    for (id, def) in &inst.people {
        if !is_safe_id(id) {
            report.push(unsafe_id("person", id, def.span, false));
        }
    }
}

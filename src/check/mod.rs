//! Stage 2, check: everything that can be wrong with loaded content, reported all at once.
//!
//! `index` builds the id tables; `refs` follows every reference; `duties` judges duty lists;
//! `graph` finds cycles; `rules` applies the seed documents' staffing and completeness rules.

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

use crate::diagnostic::{Diagnostic, Report, noun, plural};
use crate::load::Content;
use crate::source::Span;
use crate::t;

use ids::{is_safe_id, unsafe_id};
pub(crate) use index::Index;

/// Runs every check. Cross-file checks are skipped while some file could not be parsed,
/// since a reference into a broken file would look dangling.
pub(crate) fn check<'a>(content: &'a Content, report: &mut Report) -> Index<'a> {
    let index = Index::build(content, |kind, id, again, first| {
        report.push(
            Diagnostic::new(
                "duplicate-id",
                again,
                t!("check-duplicate-id", kind = noun(kind), id),
                t!("check-duplicate-id-label"),
            )
            .with_label(first, t!("check-duplicate-id-first"))
            .with_help(match kind {
                "category" => t!("check-duplicate-id-help-content", kinds = plural(kind)),
                _ => t!("check-duplicate-id-help-institution", kinds = plural(kind)),
            }),
        );
    });
    // The checks need only the content and the index: they run side by side, and their findings
    // are reported in this order whatever finishes first. The checks of the whole graph are
    // skipped while a file is broken.
    let whole = content.broken_files == 0;
    let checks: &[&(dyn Fn(&mut Report) + Sync)] = &[
        &|r| ids(content, &index, r),
        &|r| refs::check(content, &index, r),
        &|r| duties::check(content, &index, r),
        &|r| levels::check(&index, r),
        &|r| campaigns::check(content, &index, r),
        &|r| records::check(content, &index, r),
        &|r| risks::check(&index, r),
        &|r| revisions::check(content, r),
        &|r| {
            if whole {
                graph::check(&index, r)
            }
        },
        &|r| {
            if whole {
                rules::check(&index, r)
            }
        },
    ];
    report.side_by_side(checks, |check, found| check(found));
    if content.broken_files > 0 {
        report.notes.push(t!("check-broken-files", count = content.broken_files));
    }
    index
}

fn ids(content: &Content, index: &Index, report: &mut Report) {
    for (id, def) in &index.categories {
        if !is_safe_id(id) {
            report.push(unsafe_id("category", id, def.span, true));
        }
    }
    for (id, inst) in &index.institutions {
        if !is_safe_id(id) {
            report.push(unsafe_id("institution", id, inst.span, true));
        }
        // An institution's PDFs lie in pdf/<id>/, beside the campaigns' reports in pdf/campaigns/.
        if *id == "campaigns" {
            report.push(
                Diagnostic::new("reserved-id", inst.span, t!("check-reserved-campaigns"), t!("check-reserved-label"))
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
    for page in &content.pages {
        for part in page.slug.split('/') {
            if !is_safe_id(part) {
                report.push(unsafe_id("page", &page.slug, Span::file_start(page.file), true));
                break;
            }
        }
    }
}

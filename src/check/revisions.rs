//! Revisions the content states (修订说明): each one dated with a real day.

use super::index::at;
use crate::diagnostic::Report;
use crate::load::Content;
use crate::raw::Revision;
use crate::source::FileId;

pub(super) fn check(content: &Content, report: &mut Report) {
    let mut dates = |file: FileId, revisions: &[Revision]| {
        for r in revisions {
            super::refs::check_date(at(file, &r.date), &r.date.value, report);
        }
    };
    for c in &content.categories {
        dates(c.file, &c.value.revisions);
    }
    for inst in &content.institutions {
        if let Some(i) = &inst.institution {
            dates(i.file, &i.value.revisions);
        }
        for p in &inst.posts {
            dates(p.file, &p.value.revisions);
        }
    }
}

//! Revisions the content states (修订说明): each one dated with a real day.

use super::index::at;
use crate::diagnostic::Report;
use crate::load::{Content, InstitutionDir};
use crate::raw::Revision;
use crate::source::FileId;

pub(super) fn whole(content: &Content, report: &mut Report) {
    for c in &content.categories {
        dates(c.file, &c.value.revisions, report);
    }
}

pub(super) fn institution(inst: &InstitutionDir, report: &mut Report) {
    if let Some(i) = &inst.institution {
        dates(i.file, &i.value.revisions, report);
    }
    for p in &inst.posts {
        dates(p.file, &p.value.revisions, report);
    }
}

fn dates(file: FileId, revisions: &[Revision], report: &mut Report) {
    for r in revisions {
        super::refs::check_date(at(file, &r.date), &r.date.value, report);
    }
}

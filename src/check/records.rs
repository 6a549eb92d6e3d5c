//! Records (台账): every row's owners exist, its dates exist and follow one another, and the
//! closed loop (found → rectified → verified by someone else) is kept. What depends on the day
//! (overdue) is `dated`, run with the date of record.

use std::collections::BTreeMap;

use serde_saphyr::Spanned;

use super::index::{InstIndex, at};
use super::refs::{AboutId, NamedFile, date, named_file, order, reference, table_ref, unique};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Report};
use crate::load::{Content, InstitutionDir, Loaded};
use crate::raw::{self, HazardGrade, RecordKind};
use crate::source::{FileId, Span};
use crate::{m, t};

pub(super) fn institution(content: &Content, inst: &InstIndex, report: &mut Report) {
    hazards(content, inst, report);
    checklist(inst, report);
    inspections(inst, report);
    super::sources::check(inst, report);
}

/// The inspection checklist: unique ids, an existing post for each item.
fn checklist(inst: &InstIndex, report: &mut Report) {
    let dir = inst.dir;
    let mut ids: BTreeMap<&str, Span> = BTreeMap::new();
    for list in &dir.checklist {
        let file = list.file;
        for item in list.value.iter() {
            let help = || t!("records-checklist-unique-help");
            unique(&mut ids, &item.id, file, "checklist item", help, report);
            if !dir.broken_posts.contains(&item.post.value) {
                table_ref(report, "post", at(file, &item.post), &item.post.value, &inst.posts);
            }
            if let Some(since) = &item.since {
                date(file, since, report);
            }
        }
    }
}

/// Inspection records: a valid day, an item of the checklist, who inspected, the hazard found.
fn inspections(inst: &InstIndex, report: &mut Report) {
    let dir = inst.dir;
    let items: Vec<(&str, &str)> =
        rows(&dir.checklist).map(|i| (i.id.value.as_str(), i.content.value.as_str())).collect();
    let hazards: Vec<(&str, &str)> =
        rows(&dir.hazards).map(|h| (h.id.value.as_str(), h.description.value.as_str())).collect();
    let broken = |kind: RecordKind| dir.broken_lists.contains(&kind.name());
    for list in &dir.inspections {
        let file = list.file;
        for i in list.value.iter() {
            date(file, &i.date, report);
            if !broken(RecordKind::Checklist) {
                reference(report, "checklist item", at(file, &i.item), &i.item.value, items.iter().copied());
            }
            if !dir.broken_lists.contains(&"person") {
                table_ref(report, "person", at(file, &i.by), &i.by.value, &inst.people);
            }
            if let Some(h) = i.hazard.as_ref().filter(|_| !broken(RecordKind::Hazards)) {
                reference(report, "hazard", at(file, h), &h.value, hazards.iter().copied());
            }
        }
    }
}

/// Every row of a kind's files, in file order.
fn rows<T>(lists: &[Loaded<Vec<T>>]) -> impl Iterator<Item = &T> + Clone {
    lists.iter().flat_map(|l| l.value.iter())
}

/// The hazard ledger of one institution, over all its files.
fn hazards(content: &Content, inst: &InstIndex, report: &mut Report) {
    let dir = inst.dir;
    let mut ids: BTreeMap<&str, Span> = BTreeMap::new();
    let person = |report: &mut Report, file: FileId, r: &Spanned<String>| {
        dir.broken_lists.contains(&"person") || table_ref(report, "person", at(file, r), &r.value, &inst.people)
    };
    for list in &dir.hazards {
        let file = list.file;
        for h in list.value.iter() {
            let help = || t!("records-hazard-unique-help");
            unique(&mut ids, &h.id, file, "hazard", help, report);
            if !dir.broken_lists.contains(&"department") {
                table_ref(report, "department", at(file, &h.department), &h.department.value, &inst.departments);
            }
            for r in [Some(&h.owner), h.found_by.as_ref(), h.rectified_by.as_ref(), h.verified_by.as_ref()]
                .into_iter()
                .flatten()
            {
                person(report, file, r);
            }
            dates(file, h, report);
            loop_kept(file, h, report);
            if let Some(evidence) = &h.evidence {
                let base = format!("institutions/{}", dir.id);
                let help = t!("records-evidence-missing-help", id = dir.id.as_str());
                let at_ = at(file, evidence);
                let missing = ("missing-file", help);
                named_file(content, (&base, &evidence.value), at_, NamedFile::Evidence, missing, report);
            }
        }
    }
}

/// Dates exist, and none comes before the one it follows.
fn dates(file: FileId, h: &raw::Hazard, report: &mut Report) {
    let found = date(file, &h.found, report);
    let deadline = date(file, &h.deadline, report);
    let rectified = h.rectified.as_ref().and_then(|d| date(file, d, report));
    let verified = h.verified.as_ref().and_then(|d| date(file, d, report));
    let reported = h.reported.as_ref().and_then(|d| date(file, d, report));
    let found_at = Some(&h.found);
    let pairs: [(_, _, _, _, AboutId); 4] = [
        (deadline, Some(&h.deadline), found, found_at, |id| t!("records-deadline-before-found", id)),
        (rectified, h.rectified.as_ref(), found, found_at, |id| t!("records-rectified-before-found", id)),
        (reported, h.reported.as_ref(), found, found_at, |id| t!("records-reported-before-found", id)),
        (verified, h.verified.as_ref(), rectified, h.rectified.as_ref(), |id| {
            t!("records-verified-before-rectified", id)
        }),
    ];
    for (later, l, earlier, e, message) in pairs {
        if let (Some(later), Some(l), Some(earlier), Some(e)) = (later, l, earlier, e)
            && later < earlier
        {
            report.push(order("invalid-period", at(file, l), message(&h.id.value), at(file, e)));
        }
    }
}

/// The closed loop: verified only after rectification, by someone other than who rectified; a
/// major hazard has its remediation plan and is reported.
fn loop_kept(file: FileId, h: &raw::Hazard, report: &mut Report) {
    let id = &h.id.value;
    if let (Some(v), None) = (&h.verified, &h.rectified) {
        report.push(
            Diagnostic::new(
                "missing-key",
                at(file, v),
                m!("records-verified-not-rectified", id = id.as_str()),
                t!("records-verified-here"),
            )
            .with_help(t!("records-verified-not-rectified-help")),
        );
    }
    let rectifier = h.rectified_by.as_ref().unwrap_or(&h.owner);
    if let Some(by) = h.verified_by.as_ref().filter(|by| by.value == rectifier.value) {
        report.push(
            Diagnostic::new(
                "verified-by-rectifier",
                at(file, by),
                m!("records-verified-by-rectifier", id = id.as_str(), by = by.value.as_str()),
                t!("records-verified-by-rectifier-label"),
            )
            .with_label(at(file, rectifier), t!("records-rectified-by"))
            .with_help(t!("records-verified-by-rectifier-help")),
        );
    }
    if let Some(v) = h.verified.as_ref().filter(|_| h.verified_by.is_none()) {
        report.push(
            Diagnostic::new(
                "verified-by-rectifier",
                at(file, v),
                m!("records-verified-by-nobody", id = id.as_str()),
                t!("records-verified-by-nobody-label"),
            )
            .with_help(t!("records-verified-by-nobody-help")),
        );
    }
    if h.grade.as_ref().is_some_and(|g| g.value == HazardGrade::Major) {
        let grade = h.grade.as_ref().map_or(at(file, &h.id), |g| at(file, g));
        let keys: [(_, _, fn() -> String); 2] = [
            (h.plan.is_none(), "plan", || t!("records-major-plan-help")),
            (h.reported.is_none(), "reported", || t!("records-major-reported-help")),
        ];
        for (missing, key, help) in keys {
            if missing {
                report.push(
                    Diagnostic::new(
                        "major-hazard-unplanned",
                        grade,
                        m!("records-major-without-key", id = id.as_str(), key),
                        t!("records-major-label"),
                    )
                    .with_help(help()),
                );
            }
        }
    }
}

/// What depends on the day of record: overdue hazards, and inspections missed.
pub(super) fn dated(dir: &InstitutionDir, as_of: Date, report: &mut Report) {
    overdue(dir, as_of, report);
    missed(dir, as_of, report);
    super::sources::dated(dir, as_of, report);
}

/// Checklist items with no inspection in their last window before the day of record (the month
/// before, for a monthly item), unless the item came into force after that window began.
fn missed(dir: &InstitutionDir, as_of: Date, report: &mut Report) {
    let day = |d: &Spanned<String>| Date::parse(&d.value).ok();
    let mut done: BTreeMap<&str, Vec<Date>> = BTreeMap::new();
    for i in rows(&dir.inspections) {
        if let Some(d) = day(&i.date) {
            done.entry(i.item.value.as_str()).or_default().push(d);
        }
    }
    for list in &dir.checklist {
        for item in list.value.iter() {
            let frequency = item.frequency.value;
            let dates = done.get(item.id.value.as_str()).map_or(&[][..], Vec::as_slice);
            let since = item.since.as_ref().and_then(day);
            let Some((start, end)) = frequency.missed(since, dates.iter().copied(), as_of) else { continue };
            let last = dates.iter().filter(|d| **d <= as_of).max();
            let (item_id, frequency) = (item.id.value.as_str(), frequency.label());
            let message = match last {
                None => m!("records-inspection-missed", item = item_id, frequency, start, end),
                Some(&last) => m!("records-inspection-missed-last", item = item_id, frequency, start, end, last),
            };
            report.push(
                Diagnostic::new(
                    "inspection-missed",
                    at(list.file, &item.frequency),
                    message,
                    t!("records-inspection-missed-label"),
                )
                .with_help(t!("records-inspection-missed-help", item = item.id.value.as_str())),
            );
        }
    }
}

/// Hazards not rectified by their deadline on the day of record: overdue.
fn overdue(dir: &InstitutionDir, as_of: Date, report: &mut Report) {
    for list in &dir.hazards {
        for h in list.value.iter() {
            let day = |d: &Spanned<String>| Date::parse(&d.value).ok();
            let (Some(found), Some(deadline)) = (day(&h.found), day(&h.deadline)) else { continue };
            let rectified = h.rectified.as_ref().and_then(day).filter(|d| *d <= as_of);
            if found > as_of || rectified.is_some() || as_of <= deadline {
                continue;
            }
            let major = h.grade.as_ref().is_some_and(|g| g.value == HazardGrade::Major);
            let code = if major { "major-hazard-overdue" } else { "hazard-overdue" };
            let days = deadline.days_until(as_of);
            report.push(
                Diagnostic::new(
                    code,
                    at(list.file, &h.deadline),
                    match major {
                        true => {
                            m!("records-major-overdue", id = h.id.value.as_str(), days, as_of)
                        }
                        false => m!("records-overdue", id = h.id.value.as_str(), days, as_of),
                    },
                    t!("records-overdue-label"),
                )
                .with_help(t!("records-overdue-help")),
            );
        }
    }
}

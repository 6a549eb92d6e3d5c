//! Records (台账): every row's owners exist, its dates exist and follow one another, and the
//! closed loop (found → rectified → verified by someone else) is kept. What depends on the day
//! (overdue) is `dated`, run with the date of record.

use std::collections::BTreeMap;

use serde_saphyr::Spanned;

use super::index::{Index, InstIndex, at};
use super::refs::{date, order, table_ref, unique};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Report};
use crate::load::Content;
use crate::raw::{self, HazardGrade};
use crate::source::{FileId, Span};

pub(super) fn check(index: &Index, report: &mut Report) {
    for inst in index.institutions.values() {
        hazards(inst, report);
    }
}

/// The hazard ledger of one institution, over all its files.
fn hazards(inst: &InstIndex, report: &mut Report) {
    let dir = inst.dir;
    let mut ids: BTreeMap<&str, Span> = BTreeMap::new();
    let person = |report: &mut Report, file: FileId, r: &Spanned<String>| {
        dir.broken_lists.contains(&"person") || table_ref(report, "person", at(file, r), &r.value, &inst.people)
    };
    for list in &dir.hazards {
        let file = list.file;
        for h in list.value.iter() {
            let rule = "ids (the ledger numbers) must be unique in an institution; renumber one";
            unique(&mut ids, &h.id, file, "hazard", rule, report);
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
    for (later, l, earlier, e, what) in [
        (deadline, Some(&h.deadline), found, found_at, "the deadline is before the hazard was found"),
        (rectified, h.rectified.as_ref(), found, found_at, "rectified before it was found"),
        (reported, h.reported.as_ref(), found, found_at, "reported before it was found"),
        (verified, h.verified.as_ref(), rectified, h.rectified.as_ref(), "verified before it was rectified"),
    ] {
        if let (Some(later), Some(l), Some(earlier), Some(e)) = (later, l, earlier, e)
            && later < earlier
        {
            let message = format!("hazard `{}`: {what}", h.id.value);
            report.push(order("invalid-period", at(file, l), &message, at(file, e)));
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
                format!("hazard `{id}` is verified but not rectified"),
                "verified here",
            )
            .with_help("add `rectified: YYYY-MM-DD`, the day it was put right (and `rectified_by:` if not the owner)"),
        );
    }
    let rectifier = h.rectified_by.as_ref().unwrap_or(&h.owner);
    if let Some(by) = h.verified_by.as_ref().filter(|by| by.value == rectifier.value) {
        report.push(
            Diagnostic::new(
                "verified-by-rectifier",
                at(file, by),
                format!("hazard `{id}` is verified by `{}`, who rectified it", by.value),
                "verified by the rectifier",
            )
            .with_label(at(file, rectifier), "rectified by")
            .with_help("a rectification is accepted (验收) by someone else: the department head or the safety office"),
        );
    }
    if let Some(v) = h.verified.as_ref().filter(|_| h.verified_by.is_none()) {
        report.push(
            Diagnostic::new(
                "verified-by-rectifier",
                at(file, v),
                format!("hazard `{id}` is verified, but not said by whom"),
                "verified by nobody named",
            )
            .with_help("add `verified_by: <person id>`: the acceptance (验收) names who checked it on site"),
        );
    }
    if h.grade.as_ref().is_some_and(|g| g.value == HazardGrade::Major) {
        let grade = h.grade.as_ref().map_or(at(file, &h.id), |g| at(file, g));
        for (missing, key, what) in [
            (
                h.plan.is_none(),
                "plan",
                "a remediation plan (治理方案: 目标任务、经费物资、机构人员、时限要求、安全措施)",
            ),
            (h.reported.is_none(), "reported", "the day it was reported to the authority (`reported: YYYY-MM-DD`)"),
        ] {
            if missing {
                report.push(
                    Diagnostic::new(
                        "major-hazard-unplanned",
                        grade,
                        format!("major hazard `{id}` has no `{key}`"),
                        "a major hazard (重大事故隐患)",
                    )
                    .with_help(format!("add `{key}:`: {what}")),
                );
            }
        }
    }
}

/// Hazards not rectified by their deadline on the day of record: overdue.
pub(crate) fn dated(content: &Content, as_of: Date, report: &mut Report) {
    for dir in &content.institutions {
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
                        format!(
                            "{}hazard `{}` is overdue: not rectified {days} day(s) after its deadline, on {as_of}",
                            if major { "major " } else { "" },
                            h.id.value
                        ),
                        "deadline passed",
                    )
                    .with_help(
                        "record `rectified: YYYY-MM-DD` when it is put right; if the deadline was extended, \
                         write the new one and say why in `note:`",
                    ),
                );
            }
        }
    }
}

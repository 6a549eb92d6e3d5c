//! Records (台账): every row's owners exist, its dates exist and follow one another, and the
//! closed loop (found → rectified → verified by someone else) is kept. What depends on the day
//! (overdue) is `dated`, run with the date of record.

use std::collections::BTreeMap;

use serde_saphyr::Spanned;

use super::ids::{is_safe_id, unsafe_id};
use super::index::{Index, InstIndex, at};
use super::refs::{check_date, table_ref};
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
            let span = at(file, &h.id);
            if !is_safe_id(&h.id.value) {
                report.push(unsafe_id("hazard", &h.id.value, span, false));
            }
            match ids.get(h.id.value.as_str()) {
                Some(first) => report.push(
                    Diagnostic::new(
                        "duplicate-id",
                        span,
                        format!("duplicate hazard id `{}`", h.id.value),
                        "defined again here",
                    )
                    .with_label(*first, "first defined here")
                    .with_help("hazard ids (the ledger numbers) must be unique in an institution; renumber one"),
                ),
                None => {
                    ids.insert(&h.id.value, span);
                }
            }
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

fn date(file: FileId, d: &Spanned<String>, report: &mut Report) -> Option<Date> {
    let before = report.diagnostics.len();
    check_date(at(file, d), &d.value, report);
    (report.diagnostics.len() == before).then(|| Date::parse(&d.value).ok()).flatten()
}

/// Dates exist, and none comes before the one it follows.
fn dates(file: FileId, h: &raw::Hazard, report: &mut Report) {
    let found = date(file, &h.found, report);
    let deadline = date(file, &h.deadline, report);
    let rectified = h.rectified.as_ref().and_then(|d| date(file, d, report));
    let verified = h.verified.as_ref().and_then(|d| date(file, d, report));
    let reported = h.reported.as_ref().and_then(|d| date(file, d, report));
    let mut order = |later: Option<Date>,
                     l: Option<&Spanned<String>>,
                     earlier: Option<Date>,
                     e: &Spanned<String>,
                     what: &str| {
        if let (Some(later), Some(l), Some(earlier)) = (later, l, earlier)
            && later < earlier
        {
            report.push(
                Diagnostic::new("invalid-period", at(file, l), format!("hazard `{}`: {what}", h.id.value), "this date")
                    .with_label(at(file, e), "compared with this date")
                    .with_help("check the dates (YYYY-MM-DD): the later one must not come first"),
            );
        }
    };
    order(deadline, Some(&h.deadline), found, &h.found, "the deadline is before the hazard was found");
    order(rectified, h.rectified.as_ref(), found, &h.found, "rectified before it was found");
    order(reported, h.reported.as_ref(), found, &h.found, "reported before it was found");
    if let Some(r) = &h.rectified {
        order(verified, h.verified.as_ref(), rectified, r, "verified before it was rectified");
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

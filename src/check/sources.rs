//! The identification of major hazard sources (重大危险源辨识, GB 18218): owners and dates, the
//! quantities, and what a unit's sum of quantity / threshold makes of it. A unit that is a major
//! hazard source is graded and filed with the authority, and assessed every three years (`dated`).

use std::collections::BTreeMap;

use super::index::{InstIndex, at};
use super::refs::{date, order, table_ref, unique};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Report};
use crate::load::Content;
use crate::raw::MajorSource;
use crate::source::FileId;

/// Each unit's sum of quantity / threshold over its rows.
fn sums<'a>(rows: impl Iterator<Item = &'a MajorSource>) -> BTreeMap<&'a str, f64> {
    let mut sums = BTreeMap::new();
    for r in rows {
        *sums.entry(r.unit.value.as_str()).or_insert(0.0) += r.share();
    }
    sums
}

pub(super) fn check(inst: &InstIndex, report: &mut Report) {
    let dir = inst.dir;
    let sums = sums(dir.major_sources.iter().flat_map(|l| l.value.iter()));
    let mut ids = BTreeMap::new();
    let mut units = std::collections::BTreeSet::new();
    for list in &dir.major_sources {
        let file = list.file;
        for r in list.value.iter() {
            unique(&mut ids, &r.id, file, "major hazard source", "ids must be unique in an institution", report);
            if !dir.broken_lists.contains(&"department") {
                table_ref(report, "department", at(file, &r.department), &r.department.value, &inst.departments);
            }
            if !dir.broken_lists.contains(&"person") {
                table_ref(report, "person", at(file, &r.owner), &r.owner.value, &inst.people);
            }
            for (n, what) in [(&r.quantity, "quantity"), (&r.threshold, "threshold")] {
                if !(n.value.is_finite() && n.value > 0.0) {
                    report.push(
                        Diagnostic::new(
                            "wrong-type",
                            at(file, n),
                            format!("the {what} of `{}` must be more than 0 tonnes", r.id.value),
                            "not a quantity",
                        )
                        .with_help("write tonnes as a number, e.g. `11.4`; thresholds are in GB 18218, 表1 and 表2"),
                    );
                }
            }
            dates(file, r, report);
            let sum = sums.get(r.unit.value.as_str()).copied().unwrap_or(0.0);
            let major = sum >= 1.0;
            if let Some(grade) = r.grade.as_ref().filter(|_| !major) {
                report.push(
                    Diagnostic::new(
                        "not-a-major-source",
                        at(file, grade),
                        format!(
                            "`{}` is graded, but the unit {} is no major hazard source: its sum of quantity / \
                             threshold is {sum:.2}, under 1",
                            r.id.value, r.unit.value
                        ),
                        "a grade of a major hazard source",
                    )
                    .with_help(
                        "delete `grade:`; or check the quantities and thresholds (each substance of a unit is a row \
                         with the same `unit`)",
                    ),
                );
            }
            let missing = [("grade", r.grade.is_none()), ("filed", r.filed.is_none())];
            let missing: Vec<&str> = missing.iter().filter(|(_, m)| *m).map(|(k, _)| *k).collect();
            // A unit's own facts are those of its first row.
            if units.insert(r.unit.value.as_str()) && major && !missing.is_empty() {
                report.push(
                    Diagnostic::new(
                        "major-source-unfiled",
                        at(file, &r.unit),
                        format!(
                            "the unit {} is a major hazard source (sum of quantity / threshold {sum:.2}) with no `{}`",
                            r.unit.value,
                            missing.join("` or `")
                        ),
                        "a major hazard source (重大危险源)",
                    )
                    .with_help(
                        "a major hazard source is graded (`grade: one` to `four`, from GB 18218's R) and filed with \
                         the authority (`filed: YYYY-MM-DD`, 备案)",
                    ),
                );
            }
        }
    }
}

/// Dates exist, and none is before the identification.
fn dates(file: FileId, r: &MajorSource, report: &mut Report) {
    let identified = date(file, &r.identified, report);
    for (later, what) in
        [(&r.filed, "filed before it was identified"), (&r.assessed, "assessed before it was identified")]
    {
        let Some(later) = later else { continue };
        if let (Some(day), Some(first)) = (date(file, later, report), identified)
            && day < first
        {
            let message = format!("major hazard source `{}`: {what}", r.id.value);
            report.push(order("invalid-period", at(file, later), &message, at(file, &r.identified)));
        }
    }
}

/// A major hazard source whose last safety assessment is three years old or more on the day of
/// record, or that has none.
pub(super) fn dated(content: &Content, as_of: Date, report: &mut Report) {
    for dir in &content.institutions {
        let sums = sums(dir.major_sources.iter().flat_map(|l| l.value.iter()));
        let mut units = std::collections::BTreeSet::new();
        for list in &dir.major_sources {
            let major = |r: &&MajorSource| sums.get(r.unit.value.as_str()).is_some_and(|s| *s >= 1.0);
            // A unit's own facts are those of its first row.
            for r in list.value.iter().filter(major).filter(|r| units.insert(r.unit.value.as_str())) {
                let assessed = r.assessed.as_ref().and_then(|d| Date::parse(&d.value).ok());
                let due = assessed.map(|d| d.month_start(36).plus_days(i64::from(d.day()) - 1));
                if due.is_some_and(|due| due > as_of) {
                    continue;
                }
                let (span, message) = match (&r.assessed, assessed) {
                    (Some(at_), Some(d)) => (
                        at(list.file, at_),
                        format!("the safety assessment of `{}` ({d}) is three years old on {as_of}", r.id.value),
                    ),
                    _ => {
                        (at(list.file, &r.id), format!("major hazard source `{}` has no safety assessment", r.id.value))
                    }
                };
                report.push(
                    Diagnostic::new("major-source-assessment-due", span, message, "assessed")
                        .with_help("a major hazard source is assessed at least every three years (安全评估): record the last one in `assessed: YYYY-MM-DD`"),
                );
            }
        }
    }
}

//! The identification of major hazard sources (重大危险源辨识, GB 18218): owners and dates, the
//! quantities, and what a unit's sum of quantity / threshold makes of it. A unit that is a major
//! hazard source is graded and filed with the authority, and assessed every three years (`dated`).

use std::collections::BTreeMap;

use super::index::{InstIndex, at};
use super::refs::{AboutId, date, order, table_ref, unique};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Report};
use crate::load::InstitutionDir;
use crate::raw::MajorSource;
use crate::source::FileId;
use crate::{m, t};

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
            let help = || t!("sources-unique-help");
            unique(&mut ids, &r.id, file, "major hazard source", help, report);
            if !dir.broken_lists.contains(&"department") {
                table_ref(report, "department", at(file, &r.department), &r.department.value, &inst.departments);
            }
            if !dir.broken_lists.contains(&"person") {
                table_ref(report, "person", at(file, &r.owner), &r.owner.value, &inst.people);
            }
            let amounts: [(_, AboutId); 2] = [
                (&r.quantity, |id| t!("sources-quantity-not-positive", id)),
                (&r.threshold, |id| t!("sources-threshold-not-positive", id)),
            ];
            for (n, message) in amounts {
                if !(n.value.is_finite() && n.value > 0.0) {
                    report.push(
                        Diagnostic::new("wrong-type", at(file, n), message(&r.id.value), t!("sources-not-a-quantity"))
                            .with_help(t!("sources-not-a-quantity-help")),
                    );
                }
            }
            dates(file, r, report);
            let sum = sums.get(r.unit.value.as_str()).copied().unwrap_or(0.0);
            let major = sum >= 1.0;
            if let Some(grade) = r.grade.as_ref().filter(|_| !major) {
                let (id, unit, sum) = (r.id.value.as_str(), r.unit.value.as_str(), format!("{sum:.2}"));
                report.push(
                    Diagnostic::new(
                        "not-a-major-source",
                        at(file, grade),
                        m!("sources-not-major", id, unit, sum),
                        t!("sources-not-major-label"),
                    )
                    .with_help(t!("sources-not-major-help")),
                );
            }
            let (unit, sum) = (r.unit.value.as_str(), format!("{sum:.2}"));
            let missing = match (r.grade.is_none(), r.filed.is_none()) {
                (true, true) => Some(m!("sources-unfiled-grade-filed", unit, sum)),
                (true, false) => Some(m!("sources-unfiled-grade", unit, sum)),
                (false, true) => Some(m!("sources-unfiled-filed", unit, sum)),
                (false, false) => None,
            };
            // A unit's own facts are those of its first row.
            if units.insert(r.unit.value.as_str())
                && major
                && let Some(message) = missing
            {
                report.push(
                    Diagnostic::new("major-source-unfiled", at(file, &r.unit), message, t!("sources-unfiled-label"))
                        .with_help(t!("sources-unfiled-help")),
                );
            }
        }
    }
}

/// Dates exist, and none is before the identification.
fn dates(file: FileId, r: &MajorSource, report: &mut Report) {
    let identified = date(file, &r.identified, report);
    let pairs: [(_, AboutId); 2] = [
        (&r.filed, |id| t!("sources-filed-before-identified", id)),
        (&r.assessed, |id| t!("sources-assessed-before-identified", id)),
    ];
    for (later, message) in pairs {
        let Some(later) = later else { continue };
        if let (Some(day), Some(first)) = (date(file, later, report), identified)
            && day < first
        {
            report.push(order("invalid-period", at(file, later), message(&r.id.value), at(file, &r.identified)));
        }
    }
}

/// A major hazard source whose last safety assessment is three years old or more on the day of
/// record, or that has none.
pub(super) fn dated(dir: &InstitutionDir, as_of: Date, report: &mut Report) {
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
                (Some(at_), Some(d)) => {
                    let (id, assessed) = (r.id.value.as_str(), d);
                    (at(list.file, at_), m!("sources-assessment-old", id, assessed, as_of))
                }
                _ => (at(list.file, &r.id), m!("sources-no-assessment", id = r.id.value.as_str())),
            };
            report.push(
                Diagnostic::new("major-source-assessment-due", span, message, t!("sources-assessment-label"))
                    .with_help(t!("sources-assessment-help")),
            );
        }
    }
}

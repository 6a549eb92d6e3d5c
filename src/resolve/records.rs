//! Records (台账) as plain data: the rows of every file of a kind, in one list per institution.

use crate::date::Date;
use crate::load::InstitutionDir;
use crate::model::{CheckItem, Hazard, Inspection, SourceSubstance, SourceUnit};

fn day(d: &serde_saphyr::Spanned<String>) -> Option<Date> {
    Date::parse(&d.value).ok()
}

/// The inspection checklist, in the order written.
pub(super) fn checklist(dir: &InstitutionDir) -> Vec<CheckItem> {
    let rows = dir.checklist.iter().flat_map(|l| l.value.iter());
    rows.map(|i| CheckItem {
        id: i.id.value.clone(),
        content: i.content.value.clone(),
        standard: i.standard.clone(),
        frequency: i.frequency.value,
        level: i.level.value,
        post: i.post.value.clone(),
        since: i.since.as_ref().and_then(day),
    })
    .collect()
}

/// The inspections, by day (then item).
pub(super) fn inspections(dir: &InstitutionDir) -> Vec<Inspection> {
    let rows = dir.inspections.iter().flat_map(|l| l.value.iter());
    let mut all: Vec<Inspection> = rows
        .filter_map(|i| {
            Some(Inspection {
                date: day(&i.date)?,
                item: i.item.value.clone(),
                by: i.by.value.clone(),
                hazard: i.hazard.as_ref().map(|h| h.value.clone()),
                note: i.note.clone(),
            })
        })
        .collect();
    all.sort_by(|a, b| (a.date, &a.item).cmp(&(b.date, &b.item)));
    all
}

/// The hazard ledger of an institution, in the order found (then by number). `check` found every
/// date valid; a row with one that is not would be skipped, never a panic.
pub(super) fn hazards(dir: &InstitutionDir) -> Vec<Hazard> {
    let mut all: Vec<Hazard> = dir
        .hazards
        .iter()
        .flat_map(|l| l.value.iter())
        .filter_map(|h| {
            Some(Hazard {
                id: h.id.value.clone(),
                found: day(&h.found)?,
                source: h.source.as_ref().map(|s| s.value),
                found_by: h.found_by.as_ref().map(|p| p.value.clone()),
                department: h.department.value.clone(),
                place: h.place.clone(),
                description: h.description.value.clone(),
                grade: h.grade.as_ref().map(|g| g.value).unwrap_or_default(),
                measure: h.measure.value.clone(),
                owner: h.owner.value.clone(),
                deadline: day(&h.deadline)?,
                rectified: h.rectified.as_ref().and_then(day),
                rectified_by: h.rectified_by.as_ref().unwrap_or(&h.owner).value.clone(),
                verified: h.verified.as_ref().and_then(day),
                verified_by: h.verified_by.as_ref().map(|p| p.value.clone()),
                plan: h.plan.as_ref().map(|p| p.value.clone()),
                reported: h.reported.as_ref().and_then(day),
                evidence: h.evidence.as_ref().map(|e| e.value.clone()),
                note: h.note.clone(),
            })
        })
        .collect();
    all.sort_by(|a, b| (a.found, &a.id).cmp(&(b.found, &b.id)));
    all
}

/// The identification of major hazard sources: rows gathered by unit, in the order first
/// written; a unit's own facts (place, owner, dates, grade) are those of its first row.
pub(super) fn major_sources(dir: &InstitutionDir) -> Vec<SourceUnit> {
    let mut units: Vec<SourceUnit> = Vec::new();
    for r in dir.major_sources.iter().flat_map(|l| l.value.iter()) {
        let substance = SourceSubstance {
            id: r.id.value.clone(),
            substance: r.substance.value.clone(),
            quantity: r.quantity.value,
            threshold: r.threshold.value,
        };
        let at = match units.iter().position(|u| u.name == r.unit.value) {
            Some(i) => i,
            None => {
                let Some(identified) = day(&r.identified) else { continue };
                units.push(SourceUnit {
                    name: r.unit.value.clone(),
                    place: r.place.clone(),
                    department: r.department.value.clone(),
                    owner: r.owner.value.clone(),
                    substances: Vec::new(),
                    sum: 0.0,
                    major: false,
                    grade: r.grade.as_ref().map(|g| g.value),
                    identified,
                    filed: r.filed.as_ref().and_then(day),
                    assessed: r.assessed.as_ref().and_then(day),
                    note: r.note.clone(),
                });
                units.len() - 1
            }
        };
        let unit = &mut units[at];
        unit.sum += r.share();
        unit.major = unit.sum >= 1.0;
        unit.substances.push(substance);
    }
    units
}

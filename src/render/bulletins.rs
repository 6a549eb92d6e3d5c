//! The monthly bulletin (月度隐患排查治理情况通报): what the hazard ledger and the inspections
//! of one month come to, told to all staff (向从业人员通报) — found, rectified, verified, still
//! open and overdue at the month's end, by department — as a page of the site and a printed
//! notice. Each complete month up to the date of record has one; a month's figures are taken at
//! its last day, so a bulletin once posted does not change.

use std::collections::BTreeMap;

use serde::Serialize;

use super::document::{Document, Kind, blocks, render};
use super::paths;
use crate::date::Date;
use crate::error::Result;
use crate::model::{Hazard, Institution, Model};
use crate::progress::{self, IssueState, Month, Timeliness};
use crate::raw::HazardGrade;

/// One hazard as a bulletin names it.
#[derive(Serialize)]
pub(crate) struct BulletinHazard<'a> {
    pub(crate) id: &'a str,
    /// Its row in the ledger (the site's page of its year).
    pub(crate) url: String,
    pub(crate) department: &'a str,
    pub(crate) place: Option<&'a str>,
    pub(crate) description: &'a str,
    pub(crate) grade: &'static str,
    pub(crate) major: bool,
    pub(crate) owner: &'a str,
    pub(crate) deadline: String,
    /// Where it stood at the month's end: 整改中, 已整改, 已验收.
    pub(crate) state: &'static str,
    /// Days past its deadline at the month's end, while open.
    pub(crate) days_overdue: i64,
}

/// One department's line.
#[derive(Serialize)]
pub(crate) struct BulletinDepartment<'a> {
    pub(crate) name: &'a str,
    pub(crate) found: usize,
    pub(crate) rectified: usize,
    pub(crate) open: usize,
    pub(crate) overdue: usize,
}

/// What `pdf/bulletin.md` and the bulletin's page see.
#[derive(Serialize)]
pub(crate) struct Bulletin<'a> {
    pub(crate) institution: &'a str,
    /// The safety management body that issues it, when the institution has one.
    pub(crate) issuer: Option<&'a str>,
    /// `2022年12月`.
    pub(crate) month: String,
    pub(crate) start: String,
    pub(crate) end: String,
    /// Inspections made in the month, and checklist items whose last window by the month's end
    /// had none.
    pub(crate) inspections: usize,
    pub(crate) missed: Vec<&'a str>,
    pub(crate) found: usize,
    pub(crate) major: usize,
    pub(crate) rectified: usize,
    pub(crate) verified: usize,
    /// At the month's end.
    pub(crate) open: usize,
    pub(crate) overdue: usize,
    /// Found in the month, in the order found.
    pub(crate) hazards: Vec<BulletinHazard<'a>>,
    /// Open and past their deadline at the month's end, the longest overdue first.
    pub(crate) overdue_list: Vec<BulletinHazard<'a>>,
    /// Departments with anything to tell, in the institution's order.
    pub(crate) departments: Vec<BulletinDepartment<'a>>,
    /// The bulletin's date: the month's last day.
    pub(crate) date: String,
}

/// The bulletin of `month`, its figures taken on the month's last day.
pub(crate) fn bulletin<'a>(inst: &'a Institution, month: Month) -> Bulletin<'a> {
    let end = month.end;
    let within = |d: Option<Date>| d.is_some_and(|d| (month.start..=end).contains(&d));
    let department = |id: &'a str| inst.department(id).map_or(id, |d| d.name.as_str());
    let line = |h: &'a Hazard| {
        let (state, timeliness) = progress::hazard(h, end);
        BulletinHazard {
            id: &h.id,
            url: paths::hazard(&inst.id, h.found.year(), &h.id),
            department: department(&h.department),
            place: h.place.as_deref(),
            description: &h.description,
            grade: h.grade.label(),
            major: h.grade == HazardGrade::Major,
            owner: inst.person(&h.owner).map_or(h.owner.as_str(), |p| p.name.as_str()),
            deadline: h.deadline.chinese(),
            state: state.label(),
            days_overdue: if state == IssueState::Open && timeliness == Timeliness::Overdue {
                h.deadline.days_until(end)
            } else {
                0
            },
        }
    };
    let mut by_department: BTreeMap<&str, BulletinDepartment> = BTreeMap::new();
    let mut b = Bulletin {
        institution: &inst.name,
        issuer: inst.safety_management.body.as_deref().and_then(|b| inst.department(b)).map(|d| d.name.as_str()),
        month: month.label(),
        start: month.start.chinese(),
        end: end.chinese(),
        inspections: inst.inspections.iter().filter(|i| within(Some(i.date))).count(),
        missed: Vec::new(),
        found: 0,
        major: 0,
        rectified: 0,
        verified: 0,
        open: 0,
        overdue: 0,
        hazards: Vec::new(),
        overdue_list: Vec::new(),
        departments: Vec::new(),
        date: end.chinese(),
    };
    for h in inst.hazards.iter().filter(|h| h.found <= end) {
        let (state, timeliness) = progress::hazard(h, end);
        let d = by_department.entry(h.department.as_str()).or_insert_with(|| BulletinDepartment {
            name: department(&h.department),
            found: 0,
            rectified: 0,
            open: 0,
            overdue: 0,
        });
        let overdue = state == IssueState::Open && timeliness == Timeliness::Overdue;
        if within(Some(h.found)) {
            b.found += 1;
            d.found += 1;
            b.major += usize::from(h.grade == HazardGrade::Major);
            b.hazards.push(line(h));
        }
        if within(h.rectified) {
            b.rectified += 1;
            d.rectified += 1;
        }
        b.verified += usize::from(within(h.verified));
        if state == IssueState::Open {
            b.open += 1;
            d.open += 1;
        }
        if overdue {
            b.overdue += 1;
            d.overdue += 1;
            b.overdue_list.push(line(h));
        }
    }
    b.overdue_list.sort_by_key(|h| (!h.major, std::cmp::Reverse(h.days_overdue)));
    b.departments = inst
        .departments
        .iter()
        .filter_map(|d| by_department.remove(d.id.as_str()))
        .filter(|d| d.found + d.rectified + d.open > 0)
        .collect();
    // An item missed if its last window before the next month began held no inspection.
    let next = end.plus_days(1);
    b.missed = inst
        .checklist
        .iter()
        .filter(|c| {
            let done = inst.inspections.iter().filter(|i| i.item == c.id && i.date <= end).map(|i| i.date);
            c.frequency.missed(c.since, done, next).is_some()
        })
        .map(|c| c.content.as_str())
        .collect();
    b
}

/// The printed bulletins of an institution, one per month.
pub(super) fn institution(model: &Model, tera: &tera::Tera, inst: &Institution) -> Result<Vec<Document>> {
    progress::bulletin_months(model, inst).into_iter().map(|m| document(tera, inst, m)).collect()
}

fn document(tera: &tera::Tera, inst: &Institution, month: Month) -> Result<Document> {
    let view = bulletin(inst, month);
    let blocks = blocks(&render(tera, "pdf/bulletin.md", &view)?);
    let title = format!("{}{}事故隐患排查治理情况通报", inst.name, month.label());
    Ok(Document::sheet(Kind::Bulletin, &inst.id, paths::bulletin_pdf(&inst.id, &month.key()), title, blocks))
}

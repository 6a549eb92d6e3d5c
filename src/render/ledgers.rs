//! The ledger on paper, A4 turned: the yearly hazard ledger (年度事故隐患排查治理台账) as it stands
//! on the date of record, filed each year and shown to inspectors, and each department's blank
//! inspection record form (隐患排查记录表), pre-filled with the checklist items its posts inspect,
//! taken round on site and filled in by hand. Their texts come from the theme's `pdf/ledger.md`
//! and `pdf/form.md`, whose tables become ruled tables (`Block::Table`).

use std::collections::BTreeSet;

use serde::Serialize;

use super::document::{Document, Kind, blocks, render};
use super::paths;
use crate::error::Result;
use crate::model::{Hazard, Institution, Model};
use crate::progress::{self, IssueState, Timeliness};
use crate::raw::HazardGrade;

/// One hazard as the printed ledger lists it.
#[derive(Serialize)]
struct LedgerRow<'a> {
    id: &'a str,
    found: String,
    source: &'static str,
    department: &'a str,
    place: Option<&'a str>,
    description: &'a str,
    grade: &'static str,
    measure: &'a str,
    owner: &'a str,
    deadline: String,
    /// 2022年3月16日整改，3月18日刘洪涛验收.
    closing: String,
    /// 已验收, 整改中, 逾期未整改.
    state: &'static str,
}

/// What `pdf/ledger.md` sees.
#[derive(Serialize)]
struct LedgerView<'a> {
    institution: &'a str,
    year: i16,
    /// The day its states are taken on.
    as_of: String,
    found: usize,
    major: usize,
    closed: usize,
    open: usize,
    overdue: usize,
    hazards: Vec<LedgerRow<'a>>,
}

/// One checklist item on a department's form.
#[derive(Serialize)]
struct FormItem<'a> {
    id: &'a str,
    content: &'a str,
    standard: Option<&'a str>,
    frequency: &'static str,
    level: &'static str,
    post: &'a str,
}

/// What `pdf/form.md` sees.
#[derive(Serialize)]
struct FormView<'a> {
    institution: &'a str,
    department: &'a str,
    items: Vec<FormItem<'a>>,
}

/// An institution's printed ledgers (one per year of hazards found by its ledger's day) and the
/// inspection forms of its departments that inspect anything.
pub(super) fn institution(model: &Model, tera: &tera::Tera, inst: &Institution) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    if let Some(day) = progress::ledger_day(model, inst) {
        let years: BTreeSet<i16> = inst.hazards.iter().filter(|h| h.found <= day).map(|h| h.found.year()).collect();
        for year in years {
            docs.push(ledger(tera, inst, year, day)?);
        }
    }
    for dept in &inst.departments {
        let items: Vec<FormItem> = inst
            .checklist
            .iter()
            .filter_map(|c| {
                let post = inst.post(&c.post).filter(|p| p.department == dept.id)?;
                Some(FormItem {
                    id: &c.id,
                    content: &c.content,
                    standard: c.standard.as_deref(),
                    frequency: c.frequency.label(),
                    level: c.level.label(),
                    post: &post.name,
                })
            })
            .collect();
        if items.is_empty() {
            continue;
        }
        let view = FormView { institution: &inst.name, department: &dept.name, items };
        let blocks = blocks(&render(tera, "pdf/form.md", &view)?);
        let title = format!("{}{}隐患排查记录表", inst.name, dept.name);
        let file = paths::form(&inst.id, &dept.id);
        docs.push(Document {
            department: dept.id.clone(),
            ..Document::sheet(Kind::Form, &inst.id, file, title, blocks)
        });
    }
    Ok(docs)
}

fn ledger(tera: &tera::Tera, inst: &Institution, year: i16, day: crate::date::Date) -> Result<Document> {
    let person = |id: &str| inst.person(id).map_or("", |p| p.name.as_str());
    let mut view = LedgerView {
        institution: &inst.name,
        year,
        as_of: day.chinese(),
        found: 0,
        major: 0,
        closed: 0,
        open: 0,
        overdue: 0,
        hazards: Vec::new(),
    };
    for h in inst.hazards.iter().filter(|h| h.found.year() == year && h.found <= day) {
        let (state, timeliness) = progress::hazard(h, day);
        let overdue = state == IssueState::Open && timeliness == Timeliness::Overdue;
        view.found += 1;
        view.major += usize::from(h.grade == HazardGrade::Major);
        view.closed += usize::from(state != IssueState::Open);
        view.open += usize::from(state == IssueState::Open);
        view.overdue += usize::from(overdue);
        view.hazards.push(LedgerRow {
            id: &h.id,
            found: h.found.chinese(),
            source: h.source.map_or("", |s| s.label()),
            department: inst.department(&h.department).map_or(h.department.as_str(), |d| d.name.as_str()),
            place: h.place.as_deref(),
            description: &h.description,
            grade: h.grade.label(),
            measure: &h.measure,
            owner: person(&h.owner),
            deadline: h.deadline.chinese(),
            closing: closing(h, day, person),
            state: progress::hazard_label(h, day),
        });
    }
    let blocks = blocks(&render(tera, "pdf/ledger.md", &view)?);
    let title = format!("{}{}年度事故隐患排查治理台账", inst.name, year);
    Ok(Document::sheet(Kind::Ledger, &inst.id, paths::ledger(&inst.id, year), title, blocks))
}

/// How a hazard was closed by the day: `2022年3月16日整改，3月18日刘洪涛验收`, the second date
/// without its year when it is the same.
fn closing<'a>(h: &Hazard, day: crate::date::Date, person: impl Fn(&str) -> &'a str) -> String {
    let Some(rectified) = h.rectified.filter(|d| *d <= day) else { return String::new() };
    let mut text = format!("{}整改", rectified.chinese());
    if let Some(verified) = h.verified.filter(|d| *d <= day) {
        let date = match verified.year() == rectified.year() {
            true => format!("{}月{}日", verified.month(), verified.day()),
            false => verified.chinese(),
        };
        text.push_str(&format!("，{date}{}验收", h.verified_by.as_deref().map_or("", &person)));
    }
    text
}

//! 事故隐患整改通知单: the notice the safety office hands a department for each hazard of its
//! ledger, with the measure, the owner and the deadline, and room for the rectification and the
//! acceptance to be signed. Its text comes from the theme's `pdf/notice.md`; its verification
//! code, like a letter's, lets `verify` tell the paper's version.

use serde::Serialize;

use super::document::{Document, Kind, blocks, render};
use super::paths;
use crate::error::Result;
use crate::model::{Hazard, Institution, Model};
use crate::raw::HazardGrade;

/// What `pdf/notice.md` sees.
#[derive(Serialize)]
struct NoticeView<'a> {
    institution: &'a str,
    /// The safety management body (安全生产管理机构) that issues it, when the institution has one.
    issuer: Option<&'a str>,
    number: &'a str,
    department: &'a str,
    owner: &'a str,
    found: String,
    source: &'static str,
    found_by: &'a str,
    place: Option<&'a str>,
    description: &'a str,
    grade: &'static str,
    major: bool,
    measure: &'a str,
    deadline: String,
    plan: Option<&'a str>,
}

/// The notices of an institution's hazards found on or before the date of record.
pub(super) fn institution(model: &Model, tera: &tera::Tera, inst: &Institution) -> Result<Vec<Document>> {
    inst.hazards
        .iter()
        .filter(|h| model.site.as_of.is_none_or(|day| h.found <= day))
        .map(|h| notice(tera, inst, h))
        .collect()
}

fn notice(tera: &tera::Tera, inst: &Institution, h: &Hazard) -> Result<Document> {
    let person = |id: &str| inst.person(id).map_or("", |p| p.name.as_str());
    let department = inst.department(&h.department).map_or(h.department.as_str(), |d| d.name.as_str());
    let view = NoticeView {
        institution: &inst.name,
        issuer: inst.safety_management.body.as_deref().and_then(|b| inst.department(b)).map(|d| d.name.as_str()),
        number: &h.id,
        department,
        owner: person(&h.owner),
        found: h.found.chinese(),
        source: h.source.map_or("", |s| s.label()),
        found_by: h.found_by.as_deref().map_or("", person),
        place: h.place.as_deref(),
        description: &h.description,
        grade: h.grade.label(),
        major: h.grade == HazardGrade::Major,
        measure: &h.measure,
        deadline: h.deadline.chinese(),
        plan: h.plan.as_deref(),
    };
    let blocks = blocks(&render(tera, "pdf/notice.md", &view)?);
    let title = format!("{}事故隐患整改通知单（{}）", inst.name, h.id);
    let sheet = Document::sheet(Kind::Notice, &inst.id, paths::notice(&inst.id, &h.id), title, blocks);
    Ok(Document {
        department: h.department.clone(),
        // The owner's first post: the notice is filed with what the person answers for.
        post: inst.person(&h.owner).and_then(|p| p.posts.first()).cloned().unwrap_or_default(),
        person: Some(h.owner.clone()),
        number: Some(format!("隐患编号 {}", h.id)),
        ..sheet
    })
}

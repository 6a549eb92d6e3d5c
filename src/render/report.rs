//! Campaign phase reports (阶段小结): the summary the campaign asks for at the end of a phase,
//! drawn from the progress records as they stood at the phase's end (or on the date of record,
//! while the phase runs), so a finished phase's report does not change later. The text comes
//! from the theme's `pdf/report.md`; it is typeset like the letters.

use serde::Serialize;
use tera::Context;

use super::document::{Document, Kind, blocks, code, render};
use super::paths;
use crate::date::Date;
use crate::error::Result;
use crate::model::{Campaign, Model, Phase, Ref};
use crate::progress::{self, IssueState, Tally, Timeliness};
use crate::raw::Status;

#[derive(Serialize)]
struct TaskLine {
    what: String,
    owners: String,
    deadline: String,
    status: &'static str,
    done_on: Option<String>,
    timeliness: &'static str,
    /// The notes of its records, oldest first.
    notes: Vec<String>,
}

#[derive(Serialize)]
struct ItemLine {
    name: String,
    done: usize,
    verified: usize,
    units: usize,
    /// Units not yet done, by name.
    lagging: Vec<String>,
}

#[derive(Serialize)]
struct IssueLine {
    problem: String,
    measure: String,
    owners: String,
    deadline: String,
    state: &'static str,
    closed: Option<String>,
    timeliness: &'static str,
}

/// A report for every phase that has begun on the day of record.
pub(crate) fn all(model: &Model, tera: &tera::Tera) -> Result<Vec<Document>> {
    let mut out = Vec::new();
    for c in &model.campaigns {
        let as_of = progress::as_of(model.site.as_of, c);
        for (n, p) in c.phases.iter().enumerate() {
            if p.start <= as_of {
                out.push(report(model, tera, c, p, c.phases.get(n + 1), as_of)?);
            }
        }
    }
    Ok(out)
}

fn report(
    model: &Model,
    tera: &tera::Tera,
    c: &Campaign,
    p: &Phase,
    next: Option<&Phase>,
    as_of: Date,
) -> Result<Document> {
    // The day of the report: the phase's end, or the date of record while it runs.
    let as_of = p.end.min(as_of);
    let inst = model.institution(&c.institution);
    let inst_name = inst.map_or(c.institution.as_str(), |i| i.name.as_str());
    let mut tally = Tally::default();
    let tasks: Vec<TaskLine> = p
        .tasks
        .iter()
        .map(|t| {
            let pr = progress::task(c, t, as_of);
            tally.add(&pr);
            TaskLine {
                what: t.what.clone(),
                owners: owners(model, c, t.department.as_ref(), t.person.as_ref()),
                deadline: t.deadline.chinese(),
                status: pr.status.label(),
                done_on: pr.done_on.map(Date::chinese),
                timeliness: pr.timeliness.label(),
                notes: pr.records.iter().filter_map(|r| r.note.clone()).collect(),
            }
        })
        .collect();
    let items: Vec<ItemLine> = c
        .goal_items
        .iter()
        .map(|g| {
            let cells: Vec<(Status, &str)> = c
                .participants
                .iter()
                .map(|u| {
                    (progress::cell(c, &u.id, &g.id, as_of).map_or(Status::NotStarted, |(s, _)| s), u.name.as_str())
                })
                .collect();
            ItemLine {
                name: g.name.clone(),
                done: cells.iter().filter(|(s, _)| s.is_done()).count(),
                verified: cells.iter().filter(|(s, _)| *s == Status::Verified).count(),
                units: cells.len(),
                lagging: cells.iter().filter(|(s, _)| !s.is_done()).map(|(_, n)| n.to_string()).collect(),
            }
        })
        .collect();
    let issues: Vec<IssueLine> = c
        .issues
        .iter()
        .filter(|i| i.found >= p.start && i.found <= p.end && i.found <= as_of)
        .map(|i| {
            let (state, timeliness) = progress::issue(i, as_of);
            IssueLine {
                problem: i.problem.clone(),
                measure: i.measure.clone(),
                owners: owners(model, c, Some(&i.department), i.person.as_ref()),
                deadline: i.deadline.chinese(),
                state: state.label(),
                closed: i.closed.filter(|d| *d <= as_of).map(Date::chinese),
                timeliness: if timeliness == Timeliness::Pending { "" } else { timeliness.label() },
            }
        })
        .collect();
    let open = c
        .issues
        .iter()
        .filter(|i| i.found >= p.start && i.found <= p.end && progress::issue(i, as_of).0 == IssueState::Open)
        .count();
    let mut ctx = Context::new();
    ctx.insert("institution", inst_name);
    ctx.insert(
        "campaign",
        &serde_json::json!({ "title": c.title, "doc_number": c.doc_number, "motto": c.motto, "goal": c.goal }),
    );
    ctx.insert(
        "phase",
        &serde_json::json!({ "name": p.name, "aim": p.aim, "start": p.start.chinese(), "end": p.end.chinese(), "finished": p.end <= as_of }),
    );
    ctx.insert("as_of", &as_of.chinese());
    ctx.insert("tally", &tally);
    ctx.insert("on_time", &(tally.done - tally.late));
    ctx.insert("tasks", &tasks);
    ctx.insert("items", &items);
    ctx.insert("issues", &issues);
    ctx.insert("open_issues", &open);
    ctx.insert(
        "next",
        &next.map(|n| {
            serde_json::json!({ "name": n.name, "aim": n.aim, "start": n.start.chinese(), "end": n.end.chinese(),
                "tasks": n.tasks.iter().map(|t| &t.what).collect::<Vec<_>>() })
        }),
    );
    ctx.insert("date", &as_of.chinese());
    let blocks = blocks(&render(tera, "pdf/report.md", &ctx)?);
    Ok(Document {
        kind: Kind::Report,
        institution: c.institution.clone(),
        department: String::new(),
        post: String::new(),
        person: None,
        file: paths::report(&c.id, &p.id),
        title: format!("{}{}{}小结", inst_name, c.short_title, p.name),
        number: None,
        code: code(&blocks),
        blocks,
        status: None,
        scan: None,
        printed: false,
    })
}

/// "办公室（陈静）": the owning department and person by name.
fn owners(model: &Model, c: &Campaign, department: Option<&Ref>, person: Option<&Ref>) -> String {
    let names: Vec<String> = progress::owners(model, c, department, person).into_iter().map(|(name, _)| name).collect();
    match names.as_slice() {
        [d, p] => format!("{d}（{p}）"),
        [one] => one.clone(),
        _ => String::new(),
    }
}

//! Campaign phase reports (阶段小结): the summary the campaign asks for at the end of a phase,
//! drawn from the progress records as they stood at the phase's end (or on the date of record,
//! while the phase runs), so a finished phase's report does not change later. The text comes
//! from the theme's `pdf/report.md`; it is typeset like the letters.

use serde::Serialize;

use super::document::{Document, Kind, blocks, render};
use super::paths;
use crate::date::Date;
use crate::error::Result;
use crate::model::{Campaign, Model, Phase, Ref};
use crate::progress::{self, IssueState, Tally, Timeliness};
use crate::raw::Status;

/// What `pdf/report.md` sees.
#[derive(Serialize)]
struct ReportView<'a> {
    institution: &'a str,
    campaign: CampaignLine<'a>,
    phase: PhaseLine<'a>,
    /// The day of the figures, 2017年6月30日.
    as_of: String,
    tally: Tally,
    on_time: usize,
    tasks: Vec<TaskLine>,
    items: Vec<ItemLine>,
    issues: Vec<IssueLine>,
    open_issues: usize,
    next: Option<PhaseLine<'a>>,
    /// The report's date: the day of the figures.
    date: String,
}

#[derive(Serialize)]
struct CampaignLine<'a> {
    title: &'a str,
    doc_number: Option<&'a str>,
    motto: Option<&'a str>,
    goal: &'a str,
}

#[derive(Serialize)]
struct PhaseLine<'a> {
    name: &'a str,
    aim: Option<&'a str>,
    start: String,
    end: String,
    /// This phase's report: whether it ended by the day of the figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    finished: Option<bool>,
    /// The next phase's: what it will do.
    #[serde(skip_serializing_if = "Option::is_none")]
    tasks: Option<Vec<&'a str>>,
}

impl<'a> PhaseLine<'a> {
    fn of(p: &'a Phase) -> Self {
        PhaseLine {
            name: &p.name,
            aim: p.aim.as_deref(),
            start: p.start.chinese(),
            end: p.end.chinese(),
            finished: None,
            tasks: None,
        }
    }
}

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
    let view = ReportView {
        institution: inst_name,
        campaign: CampaignLine {
            title: &c.title,
            doc_number: c.doc_number.as_deref(),
            motto: c.motto.as_deref(),
            goal: &c.goal,
        },
        phase: PhaseLine { finished: Some(p.end <= as_of), ..PhaseLine::of(p) },
        as_of: as_of.chinese(),
        tally,
        on_time: tally.done - tally.late,
        tasks,
        items,
        issues,
        open_issues: open,
        next: next
            .map(|n| PhaseLine { tasks: Some(n.tasks.iter().map(|t| t.what.as_str()).collect()), ..PhaseLine::of(n) }),
        date: as_of.chinese(),
    };
    let blocks = blocks(&render(tera, "pdf/report.md", &view)?);
    let title = format!("{}{}{}小结", inst_name, c.short_title, p.name);
    Ok(Document::sheet(Kind::Report, &c.institution, paths::report(&c.id, &p.id), title, blocks))
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

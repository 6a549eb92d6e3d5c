//! What campaign templates see: progress on the day, with links, names and labels ready.

use serde::Serialize;

use super::timeline::{Timeline, task_label};
use crate::date::Date;
use crate::model::{Campaign, Issue, Model, Phase, Ref, Task};
use crate::progress::{self, IssueState, Tally, Timeliness, When};
use crate::raw::Status;
use crate::render::documents::Document;
use crate::render::paths;
use crate::render::site::views::{DocLink, Link};

#[derive(Serialize)]
pub(crate) struct CampaignSummary {
    pub(crate) link: Link,
    pub(crate) doc_number: Option<String>,
    pub(crate) institution: Link,
    pub(crate) start: Date,
    pub(crate) end: Date,
    pub(crate) as_of: Date,
    pub(crate) when_label: &'static str,
    /// The phase running on the day, if any.
    pub(crate) current: Option<String>,
    pub(crate) tally: Tally,
    pub(crate) percent: u32,
}

#[derive(Serialize)]
pub(crate) struct PhaseSummary {
    pub(crate) link: Link,
    pub(crate) name: String,
    pub(crate) start: Date,
    pub(crate) end: Date,
    pub(crate) aim: Option<String>,
    pub(crate) when: When,
    pub(crate) when_label: &'static str,
    pub(crate) tally: Tally,
    pub(crate) percent: u32,
    pub(crate) report: Option<DocLink>,
}

#[derive(Serialize)]
pub(crate) struct EvidenceView {
    pub(crate) title: String,
    /// Below the site root (a published file) or absolute (a link).
    pub(crate) url: Option<String>,
    pub(crate) external: bool,
}

#[derive(Serialize)]
pub(crate) struct RecordView {
    pub(crate) date: Date,
    pub(crate) status: Status,
    pub(crate) status_label: &'static str,
    pub(crate) note: Option<String>,
    pub(crate) evidence: Vec<EvidenceView>,
}

#[derive(Serialize)]
pub(crate) struct TaskView {
    pub(crate) id: String,
    pub(crate) what: String,
    pub(crate) label: String,
    pub(crate) phase: Link,
    pub(crate) owners: Vec<Link>,
    pub(crate) deadline: Date,
    pub(crate) deadline_set: bool,
    pub(crate) deliverable: Option<String>,
    pub(crate) activities: Vec<String>,
    pub(crate) status: Status,
    pub(crate) status_label: &'static str,
    pub(crate) timeliness: Timeliness,
    pub(crate) timeliness_label: &'static str,
    pub(crate) done_on: Option<Date>,
    pub(crate) records: Vec<RecordView>,
}

#[derive(Serialize)]
pub(crate) struct IssueView {
    pub(crate) id: String,
    pub(crate) item: Option<String>,
    pub(crate) found: Date,
    pub(crate) problem: String,
    pub(crate) measure: String,
    pub(crate) owners: Vec<Link>,
    pub(crate) deadline: Date,
    pub(crate) closed: Option<Date>,
    pub(crate) verified: Option<Date>,
    pub(crate) state: IssueState,
    pub(crate) state_label: &'static str,
    pub(crate) timeliness: Timeliness,
    pub(crate) timeliness_label: &'static str,
    pub(crate) note: Option<String>,
    /// The hazard of a ledger the issue is: its row.
    pub(crate) hazard: Option<Link>,
}

#[derive(Serialize, Default)]
pub(crate) struct IssueTally {
    pub(crate) total: usize,
    pub(crate) open: usize,
    pub(crate) overdue: usize,
    pub(crate) closed: usize,
    pub(crate) verified: usize,
}

#[derive(Serialize)]
pub(crate) struct GoalItemView {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) text: String,
    pub(crate) criteria: Vec<crate::model::Criterion>,
    /// Units done or verified on the item, of all participants.
    pub(crate) done: usize,
    pub(crate) verified: usize,
    pub(crate) units: usize,
    pub(crate) issues_open: usize,
}

#[derive(Serialize)]
pub(crate) struct CellView {
    pub(crate) status: Option<Status>,
    pub(crate) label: &'static str,
    pub(crate) date: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct MatrixRow {
    pub(crate) unit: Link,
    pub(crate) cells: Vec<CellView>,
    pub(crate) done: usize,
    pub(crate) note: Option<String>,
}

/// What every page of a campaign shows at its top.
#[derive(Serialize)]
pub(crate) struct CampaignHeader<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) short_title: &'a str,
    pub(crate) url: String,
    pub(crate) doc_number: Option<&'a str>,
    pub(crate) institution: Link,
    pub(crate) issued: Option<Date>,
    /// The notice's page.
    pub(crate) notice: Option<Link>,
    pub(crate) start: Date,
    pub(crate) end: Date,
    pub(crate) motto: Option<&'a str>,
    pub(crate) goal: &'a str,
    pub(crate) as_of: Date,
    pub(crate) units: usize,
    /// What the participants are called: 科室 when all are departments, 单位 when all are
    /// institutions, 参与单位（科室） when both.
    pub(crate) units_are: &'static str,
}

pub(crate) fn header<'a>(model: &Model, c: &'a Campaign, as_of: Date) -> CampaignHeader<'a> {
    let notice = c.page.as_ref().and_then(|slug| model.pages.iter().find(|p| &p.slug == slug));
    CampaignHeader {
        id: &c.id,
        title: &c.title,
        short_title: &c.short_title,
        url: paths::campaign(&c.id),
        doc_number: c.doc_number.as_deref(),
        institution: institution_link(model, &c.institution),
        issued: c.issued,
        notice: notice.map(|p| Link::new(p.title.clone(), paths::page(&p.slug))),
        start: c.start,
        end: c.end,
        motto: c.motto.as_deref(),
        goal: &c.goal,
        as_of,
        units: c.participants.len(),
        units_are: match (
            c.participants.iter().any(|u| u.department.is_some()),
            c.participants.iter().any(|u| u.department.is_none()),
        ) {
            (true, false) => "科室",
            (false, _) => "单位",
            (true, true) => "单位（科室）",
        },
    }
}

/// The campaign's overview page.
#[derive(Serialize)]
pub(crate) struct CampaignPage<'a> {
    pub(crate) campaign: CampaignHeader<'a>,
    pub(crate) when: When,
    pub(crate) when_label: &'static str,
    pub(crate) tally: Tally,
    pub(crate) percent: u32,
    pub(crate) phases: Vec<PhaseSummary>,
    pub(crate) timeline: Timeline,
    pub(crate) overdue: Vec<&'a TaskView>,
    pub(crate) goal_items: Vec<GoalItemView>,
    pub(crate) issues: IssueTally,
    pub(crate) open_issues: Vec<&'a IssueView>,
    pub(crate) matrix: String,
}

/// A phase's page.
#[derive(Serialize)]
pub(crate) struct PhasePage<'a> {
    pub(crate) campaign: CampaignHeader<'a>,
    pub(crate) phase: PhaseSummary,
    pub(crate) tasks: Vec<&'a TaskView>,
    pub(crate) issues: Vec<&'a IssueView>,
    pub(crate) previous: Option<Link>,
    pub(crate) next: Option<Link>,
}

/// The checklist matrix: units against goal items.
#[derive(Serialize)]
pub(crate) struct MatrixPage<'a> {
    pub(crate) campaign: CampaignHeader<'a>,
    pub(crate) items: Vec<ItemName<'a>>,
    pub(crate) rows: Vec<MatrixRow>,
}

#[derive(Serialize)]
pub(crate) struct ItemName<'a> {
    pub(crate) id: &'a str,
    pub(crate) name: &'a str,
}

/// The list of campaigns.
#[derive(Serialize)]
pub(crate) struct CampaignsPage<'a> {
    pub(crate) campaigns: &'a [CampaignSummary],
}

/// `reports`: the phase reports among the documents.
pub(crate) fn phase_summary(reports: &[&Document], c: &Campaign, p: &Phase, as_of: Date) -> PhaseSummary {
    let tally = progress::phase(c, p, as_of);
    let when = When::of(p.start, p.end, as_of);
    let report_file = paths::report(&c.id, &p.id);
    let report = reports.iter().find(|d| d.file == report_file).map(|d| DocLink::of(d, "阶段小结（PDF）"));
    PhaseSummary {
        link: Link::new(p.name.clone(), paths::phase(&c.id, &p.id)),
        name: p.name.clone(),
        start: p.start,
        end: p.end,
        aim: p.aim.clone(),
        when,
        when_label: when.label(),
        percent: tally.percent(),
        tally,
        report,
    }
}

pub(crate) fn task(model: &Model, c: &Campaign, p: &Phase, t: &Task, as_of: Date) -> TaskView {
    let progress = progress::task(c, t, as_of);
    TaskView {
        id: t.id.clone(),
        what: t.what.clone(),
        label: task_label(t),
        phase: Link::new(p.name.clone(), paths::phase(&c.id, &p.id)),
        owners: owners(model, c, t.department.as_ref(), t.person.as_ref()),
        deadline: t.deadline,
        deadline_set: t.deadline_set,
        deliverable: t.deliverable.clone(),
        activities: t.activities.clone(),
        status: progress.status,
        status_label: progress.status.label(),
        timeliness: progress.timeliness,
        timeliness_label: progress.timeliness.label(),
        done_on: progress.done_on,
        records: progress
            .records
            .iter()
            .map(|r| RecordView {
                date: r.date,
                status: r.status,
                status_label: r.status.label(),
                note: r.note.clone(),
                evidence: r
                    .evidence
                    .iter()
                    .map(|e| match (&e.file, &e.url) {
                        (Some(f), _) => EvidenceView {
                            title: e.title.clone(),
                            url: Some(paths::evidence(&c.id, f)),
                            external: false,
                        },
                        (None, Some(u)) => {
                            EvidenceView { title: e.title.clone(), url: Some(u.clone()), external: true }
                        }
                        (None, None) => EvidenceView { title: e.title.clone(), url: None, external: false },
                    })
                    .collect(),
            })
            .collect(),
    }
}

pub(crate) fn issue(model: &Model, c: &Campaign, i: &Issue, as_of: Date) -> IssueView {
    let (state, timeliness) = progress::issue(i, as_of);
    let on = |d: &Option<Date>| d.filter(|d| *d <= as_of);
    IssueView {
        id: i.id.clone(),
        item: i.item.as_deref().and_then(|x| c.goal_item(x)).map(|g| g.name.clone()),
        found: i.found,
        problem: i.problem.clone(),
        measure: i.measure.clone(),
        owners: owners(model, c, Some(&i.department), i.person.as_ref()),
        deadline: i.deadline,
        closed: on(&i.closed),
        verified: on(&i.verified),
        state,
        state_label: state.label(),
        timeliness,
        timeliness_label: timeliness.label(),
        note: i.note.clone(),
        hazard: i.hazard.as_ref().map(|h| {
            let hazard = model.institution(&h.institution).and_then(|x| x.hazard(&h.id));
            let year = hazard.map_or(i.found.year(), |y| y.found.year());
            Link::new(format!("隐患台账 {}", h.id), paths::hazard(&h.institution, year, &h.id))
        }),
    }
}

/// The owners of a task or issue, linked (see `progress::owners`).
pub(crate) fn owners(model: &Model, c: &Campaign, department: Option<&Ref>, person: Option<&Ref>) -> Vec<Link> {
    let link = |(name, owner): (String, progress::Owner)| match owner {
        progress::Owner::Department(i, d) => Link::new(name, paths::department(&i.id, &d.id)),
        progress::Owner::Person(i, p) => Link::new(name, paths::person(&i.id, &p.id)),
    };
    progress::owners(model, c, department, person).into_iter().map(link).collect()
}

pub(crate) fn institution_link(model: &Model, id: &str) -> Link {
    model
        .institution(id)
        .map_or_else(|| Link::new(id, paths::institution(id)), |i| Link::new(i.name.clone(), paths::institution(&i.id)))
}

pub(crate) fn unit_link(model: &Model, inst: &str, dept: Option<&str>, name: &str) -> Link {
    match dept {
        Some(d) => Link::new(name, paths::department(inst, d)),
        None => institution_link(model, inst),
    }
}

//! Campaign pages: the overview with its timeline, one page per phase, the checklist matrix,
//! and the evidence files. Progress is computed for the site's date of record (see `progress`).

use chrono::NaiveDate;
use serde::Serialize;

use super::Site;
use super::views::{DocLink, Link, url};
use crate::error::{Error, Result};
use crate::model::{Campaign, Issue, Model, Phase, Ref, Task};
use crate::progress::{self, IssueState, Tally, Timeliness, When};
use crate::raw::Status;
use crate::render::documents::Kind;

#[derive(Serialize)]
pub struct CampaignSummary {
    pub link: Link,
    pub doc_number: Option<String>,
    pub institution: Link,
    pub start: String,
    pub end: String,
    pub as_of: String,
    pub when_label: &'static str,
    /// The phase running on the day, if any.
    pub current: Option<String>,
    pub tally: Tally,
    pub percent: u32,
}

#[derive(Serialize)]
struct PhaseSummary {
    link: Link,
    name: String,
    start: String,
    end: String,
    aim: Option<String>,
    when: When,
    when_label: &'static str,
    tally: Tally,
    percent: u32,
    report: Option<DocLink>,
}

#[derive(Serialize)]
struct EvidenceView {
    title: String,
    /// Below the site root (a published file) or absolute (a link).
    url: Option<String>,
    external: bool,
}

#[derive(Serialize)]
struct RecordView {
    date: String,
    status: Status,
    status_label: &'static str,
    note: Option<String>,
    evidence: Vec<EvidenceView>,
}

#[derive(Serialize)]
struct TaskView {
    id: String,
    what: String,
    label: String,
    phase: Link,
    owners: Vec<Link>,
    deadline: String,
    deadline_set: bool,
    deliverable: Option<String>,
    activities: Vec<String>,
    status: Status,
    status_label: &'static str,
    timeliness: Timeliness,
    timeliness_label: &'static str,
    done_on: Option<String>,
    records: Vec<RecordView>,
}

#[derive(Serialize)]
struct IssueView {
    id: String,
    item: Option<String>,
    found: String,
    problem: String,
    measure: String,
    owners: Vec<Link>,
    deadline: String,
    closed: Option<String>,
    verified: Option<String>,
    state: IssueState,
    state_label: &'static str,
    timeliness: Timeliness,
    timeliness_label: &'static str,
    note: Option<String>,
}

#[derive(Serialize, Default)]
struct IssueTally {
    total: usize,
    open: usize,
    overdue: usize,
    closed: usize,
    verified: usize,
}

#[derive(Serialize)]
struct GoalItemView {
    id: String,
    name: String,
    text: String,
    criteria: Vec<crate::model::Criterion>,
    /// Units done or verified on the item, of all participants.
    done: usize,
    verified: usize,
    units: usize,
    issues_open: usize,
}

#[derive(Serialize)]
struct CellView {
    status: Option<Status>,
    label: &'static str,
    date: Option<String>,
}

#[derive(Serialize)]
struct MatrixRow {
    unit: Link,
    cells: Vec<CellView>,
    done: usize,
    note: Option<String>,
}

/// The timeline chart's geometry (SVG user units); the theme draws it.
#[derive(Serialize)]
struct Timeline {
    width: f64,
    height: f64,
    /// Left edge of the time axis (labels sit left of it).
    x0: f64,
    x1: f64,
    ticks: Vec<Tick>,
    phases: Vec<Bar>,
    tasks: Vec<Mark>,
    /// The day of the figures, when it falls inside the campaign.
    today: Option<Tick>,
}

#[derive(Serialize)]
struct Tick {
    x: f64,
    label: String,
}

#[derive(Serialize)]
struct Bar {
    x: f64,
    width: f64,
    name: String,
    when: When,
    url: String,
}

#[derive(Serialize)]
struct Mark {
    y: f64,
    /// The phase's start (the task's window opens) and the deadline.
    x_start: f64,
    x_deadline: f64,
    /// When it was done, if it was.
    x_done: Option<f64>,
    label: String,
    title: String,
    status: Status,
    timeliness: Timeliness,
    url: String,
}

/// Writes every campaign's pages and publishes its evidence files.
pub(super) fn pages(site: &Site, model: &Model, summaries: &[CampaignSummary]) -> Result<()> {
    if model.campaigns.is_empty() {
        return Ok(());
    }
    site.page("campaigns.html", &url::campaigns(), "专项行动", &[], serde_json::json!({ "campaigns": summaries }))?;
    for c in &model.campaigns {
        campaign(site, model, c)?;
    }
    Ok(())
}

pub fn summaries(model: &Model) -> Vec<CampaignSummary> {
    model
        .campaigns
        .iter()
        .map(|c| {
            let as_of = progress::as_of(model.site.as_of.as_deref(), c);
            let mut tally = Tally::default();
            for p in &c.phases {
                for t in &p.tasks {
                    tally.add(&progress::task(c, t, as_of));
                }
            }
            CampaignSummary {
                link: Link::new(c.title.clone(), url::campaign(&c.id)),
                doc_number: c.doc_number.clone(),
                institution: institution_link(model, &c.institution),
                start: c.start.clone(),
                end: c.end.clone(),
                as_of: as_of.to_string(),
                when_label: When::of(&c.start, &c.end, as_of).label(),
                current: c
                    .phases
                    .iter()
                    .find(|p| When::of(&p.start, &p.end, as_of) == When::Running)
                    .map(|p| p.name.clone()),
                percent: tally.percent(),
                tally,
            }
        })
        .collect()
}

fn campaign(site: &Site, model: &Model, c: &Campaign) -> Result<()> {
    let as_of = progress::as_of(model.site.as_of.as_deref(), c);
    let crumbs = [Link::new("专项行动", url::campaigns())];
    let here = Link::new(c.short_title.clone(), url::campaign(&c.id));
    let tasks: Vec<TaskView> = c
        .phases
        .iter()
        .flat_map(|p| p.tasks.iter().map(move |t| (p, t)))
        .map(|(p, t)| task(model, c, p, t, as_of))
        .collect();
    let mut tally = Tally::default();
    for p in &c.phases {
        for t in &p.tasks {
            tally.add(&progress::task(c, t, as_of));
        }
    }
    let issues: Vec<IssueView> =
        c.issues.iter().map(|i| issue(model, c, i, as_of)).filter(|i| i.state != IssueState::NotFound).collect();
    let mut issue_tally = IssueTally { total: issues.len(), ..Default::default() };
    for i in &issues {
        match i.state {
            IssueState::Open if i.timeliness == Timeliness::Overdue => issue_tally.overdue += 1,
            IssueState::Open => issue_tally.open += 1,
            IssueState::Closed => issue_tally.closed += 1,
            IssueState::Verified => issue_tally.verified += 1,
            IssueState::NotFound => {}
        }
    }
    let goal_items: Vec<GoalItemView> = c
        .goal_items
        .iter()
        .map(|g| {
            let cells: Vec<Status> =
                c.participants.iter().filter_map(|u| progress::cell(c, &u.id, &g.id, as_of)).map(|(s, _)| s).collect();
            GoalItemView {
                id: g.id.clone(),
                name: g.name.clone(),
                text: g.text.clone(),
                criteria: g
                    .criteria
                    .iter()
                    .map(|k| crate::model::Criterion { text: k.text.clone(), target: k.target.clone() })
                    .collect(),
                done: cells.iter().filter(|s| s.is_done()).count(),
                verified: cells.iter().filter(|s| **s == Status::Verified).count(),
                units: c.participants.len(),
                issues_open: issues
                    .iter()
                    .filter(|i| {
                        i.state == IssueState::Open
                            && c.issues.iter().any(|x| x.id == i.id && x.item.as_deref() == Some(&g.id))
                    })
                    .count(),
            }
        })
        .collect();
    let phases: Vec<PhaseSummary> = c.phases.iter().map(|p| phase_summary(site, c, p, as_of)).collect();
    let when = When::of(&c.start, &c.end, as_of);
    let view = serde_json::json!({
        "campaign": header(model, c, as_of),
        "when": when,
        "when_label": when.label(),
        "tally": tally,
        "percent": tally.percent(),
        "phases": phases,
        "timeline": timeline(c, &tasks, as_of)?,
        "overdue": tasks.iter().filter(|t| t.timeliness == Timeliness::Overdue).collect::<Vec<_>>(),
        "goal_items": goal_items,
        "issues": issue_tally,
        "open_issues": issues.iter().filter(|i| i.state == IssueState::Open).collect::<Vec<_>>(),
        "matrix": url::matrix(&c.id),
    });
    site.page("campaign.html", &url::campaign(&c.id), &c.short_title, &crumbs, view)?;

    let crumbs = [crumbs[0].clone(), here];
    for (n, p) in c.phases.iter().enumerate() {
        let link = |p: &Phase| Link::new(p.name.clone(), url::phase(&c.id, &p.id));
        let view = serde_json::json!({
            "campaign": header(model, c, as_of),
            "phase": phase_summary(site, c, p, as_of),
            "tasks": tasks.iter().filter(|t| t.phase.url == url::phase(&c.id, &p.id)).collect::<Vec<_>>(),
            "issues": issues.iter().filter(|i| i.found >= p.start && i.found <= p.end).collect::<Vec<_>>(),
            "previous": n.checked_sub(1).map(|i| link(&c.phases[i])),
            "next": c.phases.get(n + 1).map(link),
        });
        site.page("phase.html", &url::phase(&c.id, &p.id), &p.name, &crumbs, view)?;
    }

    let rows: Vec<MatrixRow> = c
        .participants
        .iter()
        .map(|u| {
            let cells: Vec<CellView> = c
                .goal_items
                .iter()
                .map(|g| {
                    let cell = progress::cell(c, &u.id, &g.id, as_of);
                    CellView {
                        status: cell.map(|(s, _)| s),
                        label: cell.map_or("未评估", |(s, _)| s.label()),
                        date: cell.map(|(_, d)| d.to_string()),
                    }
                })
                .collect();
            let note =
                c.checklist.iter().rfind(|a| a.unit == u.id && a.date.as_str() <= as_of).and_then(|a| a.note.clone());
            MatrixRow {
                unit: unit_link(model, &u.institution, u.department.as_deref(), &u.name),
                done: cells.iter().filter(|x| x.status.is_some_and(Status::is_done)).count(),
                cells,
                note,
            }
        })
        .collect();
    let view = serde_json::json!({
        "campaign": header(model, c, as_of),
        "items": c.goal_items.iter().map(|g| serde_json::json!({"id": g.id, "name": g.name})).collect::<Vec<_>>(),
        "rows": rows,
    });
    site.page("matrix.html", &url::matrix(&c.id), "“一必须五到位”落实情况检查表", &crumbs, view)?;
    evidence_files(site, c)
}

fn header(model: &Model, c: &Campaign, as_of: &str) -> serde_json::Value {
    serde_json::json!({
        "id": c.id,
        "title": c.title,
        "short_title": c.short_title,
        "url": url::campaign(&c.id),
        "doc_number": c.doc_number,
        "institution": institution_link(model, &c.institution),
        "issued": c.issued,
        "notice": c.page.as_ref().and_then(|slug| model.pages.iter().find(|p| &p.slug == slug)).map(|p| Link::new(p.title.clone(), url::page(&p.slug))),
        "start": c.start,
        "end": c.end,
        "motto": c.motto,
        "goal": c.goal,
        "as_of": as_of,
        "units": c.participants.len(),
    })
}

fn phase_summary(site: &Site, c: &Campaign, p: &Phase, as_of: &str) -> PhaseSummary {
    let tally = progress::phase(c, p, as_of);
    let when = When::of(&p.start, &p.end, as_of);
    let report_file = url::report(&c.id, &p.id);
    let report = site
        .ctx
        .documents
        .iter()
        .find(|d| d.kind == Kind::Report && d.file == report_file)
        .map(|d| DocLink::of(d, "阶段小结（PDF）"));
    PhaseSummary {
        link: Link::new(p.name.clone(), url::phase(&c.id, &p.id)),
        name: p.name.clone(),
        start: p.start.clone(),
        end: p.end.clone(),
        aim: p.aim.clone(),
        when,
        when_label: when.label(),
        percent: tally.percent(),
        tally,
        report,
    }
}

fn task(model: &Model, c: &Campaign, p: &Phase, t: &Task, as_of: &str) -> TaskView {
    let progress = progress::task(c, t, as_of);
    TaskView {
        id: t.id.clone(),
        what: t.what.clone(),
        label: task_label(t),
        phase: Link::new(p.name.clone(), url::phase(&c.id, &p.id)),
        owners: owners(model, c, t.department.as_ref(), t.person.as_ref()),
        deadline: t.deadline.clone(),
        deadline_set: t.deadline_set,
        deliverable: t.deliverable.clone(),
        activities: t.activities.clone(),
        status: progress.status,
        status_label: progress.status.label(),
        timeliness: progress.timeliness,
        timeliness_label: progress.timeliness.label(),
        done_on: progress.done_on.map(str::to_string),
        records: progress
            .records
            .iter()
            .map(|r| RecordView {
                date: r.date.clone(),
                status: r.status,
                status_label: r.status.label(),
                note: r.note.clone(),
                evidence: r
                    .evidence
                    .iter()
                    .map(|e| match (&e.file, &e.url) {
                        (Some(f), _) => {
                            EvidenceView { title: e.title.clone(), url: Some(url::evidence(&c.id, f)), external: false }
                        }
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

/// A short name for a task in the chart: its deliverable, or the start of its text.
pub fn task_label(t: &Task) -> String {
    let text = t.deliverable.as_deref().unwrap_or(&t.what);
    let short: String = text.chars().take(14).collect();
    if short.chars().count() < text.chars().count() { format!("{short}…") } else { short }
}

fn issue(model: &Model, c: &Campaign, i: &Issue, as_of: &str) -> IssueView {
    let (state, timeliness) = progress::issue(i, as_of);
    let on = |d: &Option<String>| d.clone().filter(|d| d.as_str() <= as_of);
    IssueView {
        id: i.id.clone(),
        item: i.item.as_deref().and_then(|x| c.goal_item(x)).map(|g| g.name.clone()),
        found: i.found.clone(),
        problem: i.problem.clone(),
        measure: i.measure.clone(),
        owners: owners(model, c, Some(&i.department), i.person.as_ref()),
        deadline: i.deadline.clone(),
        closed: on(&i.closed),
        verified: on(&i.verified),
        state,
        state_label: state.label(),
        timeliness,
        timeliness_label: timeliness.label(),
        note: i.note.clone(),
    }
}

/// The owners of a task or issue, linked; named with their institution when it is not the
/// campaign's own (a participant's department, say).
pub fn owners(model: &Model, c: &Campaign, department: Option<&Ref>, person: Option<&Ref>) -> Vec<Link> {
    let prefix = |inst: &crate::model::Institution| {
        if inst.id == c.institution {
            String::new()
        } else {
            inst.short_name.clone().unwrap_or_else(|| inst.name.clone())
        }
    };
    let mut out = Vec::new();
    if let Some(d) = department
        && let Some(inst) = model.institution(&d.institution)
        && let Some(dept) = inst.department(&d.id)
    {
        out.push(Link::new(format!("{}{}", prefix(inst), dept.name), url::department(&inst.id, &dept.id)));
    }
    if let Some(p) = person
        && let Some(inst) = model.institution(&p.institution)
        && let Some(person) = inst.person(&p.id)
    {
        let name =
            if department.is_some_and(|d| d.institution == p.institution) { String::new() } else { prefix(inst) };
        out.push(Link::new(format!("{name}{}", person.name), url::person(&inst.id, &person.id)));
    }
    out
}

fn institution_link(model: &Model, id: &str) -> Link {
    model
        .institution(id)
        .map_or_else(|| Link::new(id, url::institution(id)), |i| Link::new(i.name.clone(), url::institution(&i.id)))
}

fn unit_link(model: &Model, inst: &str, dept: Option<&str>, name: &str) -> Link {
    match dept {
        Some(d) => Link::new(name, url::department(inst, d)),
        None => institution_link(model, inst),
    }
}

fn day(date: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| Error::new(format!("not a date: {date}")))
}

/// Lays the campaign out on a time axis: year ticks, phase bars, one row per task.
fn timeline(c: &Campaign, tasks: &[TaskView], as_of: &str) -> Result<Timeline> {
    const WIDTH: f64 = 960.0;
    const X0: f64 = 200.0;
    const X1: f64 = 940.0;
    const PHASE_Y: f64 = 34.0;
    const ROW: f64 = 22.0;
    let (start, end) = (day(&c.start)?, day(&c.end)?);
    let span = ((end - start).num_days().max(1)) as f64;
    let x = |date: &str| -> Result<f64> {
        let d = day(date)?.clamp(start, end);
        Ok(X0 + (d - start).num_days() as f64 / span * (X1 - X0))
    };
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let mut ticks = Vec::new();
    let mut first = NaiveDate::from_ymd_opt(chrono::Datelike::year(&start), 1, 1);
    while let Some(t) = first.filter(|t| *t <= end) {
        for month in [1, 7] {
            if let Some(m) =
                NaiveDate::from_ymd_opt(chrono::Datelike::year(&t), month, 1).filter(|m| *m >= start && *m <= end)
            {
                let label = if month == 1 { format!("{}年", chrono::Datelike::year(&m)) } else { "7月".to_string() };
                ticks.push(Tick { x: round(x(&m.format("%Y-%m-%d").to_string())?), label });
            }
        }
        first = NaiveDate::from_ymd_opt(chrono::Datelike::year(&t) + 1, 1, 1);
    }
    let phases = c
        .phases
        .iter()
        .map(|p| {
            let (a, b) = (x(&p.start)?, x(&p.end)?);
            Ok(Bar {
                x: round(a),
                width: round((b - a).max(2.0)),
                name: p.name.clone(),
                when: When::of(&p.start, &p.end, as_of),
                url: url::phase(&c.id, &p.id),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let mut marks = Vec::new();
    let mut row = 0.0;
    for p in &c.phases {
        for t in &p.tasks {
            let Some(v) = tasks.iter().find(|v| v.id == t.id) else { continue };
            let y = PHASE_Y + 46.0 + row * ROW;
            row += 1.0;
            marks.push(Mark {
                y,
                x_start: round(x(&p.start)?),
                x_deadline: round(x(&t.deadline)?),
                x_done: v.done_on.as_deref().map(&x).transpose()?.map(round),
                label: v.label.clone(),
                title: format!(
                    "{}：{}，期限 {}{}",
                    v.label,
                    v.status_label,
                    t.deadline,
                    if v.timeliness_label.is_empty() { String::new() } else { format!("，{}", v.timeliness_label) }
                ),
                status: v.status,
                timeliness: v.timeliness,
                url: format!("{}#task-{}", url::phase(&c.id, &p.id), t.id),
            });
        }
    }
    let today = (as_of >= c.start.as_str() && as_of <= c.end.as_str())
        .then(|| x(as_of).map(|x| Tick { x: round(x), label: format!("截至 {as_of}") }))
        .transpose()?;
    Ok(Timeline {
        width: WIDTH,
        height: PHASE_Y + 46.0 + row * ROW + 10.0,
        x0: X0,
        x1: X1,
        ticks,
        phases,
        tasks: marks,
        today,
    })
}

/// Publishes the files that records name as evidence, next to the campaign's pages.
fn evidence_files(site: &Site, c: &Campaign) -> Result<()> {
    let folder = site.ctx.content_root.join("campaigns").join(&c.id);
    let files: std::collections::BTreeSet<&str> =
        c.records.iter().flat_map(|r| &r.evidence).filter_map(|e| e.file.as_deref()).collect();
    for f in files {
        let path = folder.join(f);
        let bytes = std::fs::read(&path).map_err(|e| Error::io("read evidence", &path, e))?;
        site.ctx.write(&format!("site/{}", url::evidence(&c.id, f)), &bytes)?;
        site.extra.borrow_mut().push(url::evidence(&c.id, f));
    }
    Ok(())
}

//! Campaign progress on a given day (`as_of`): where each task, issue, phase and checklist cell
//! stands. Pure functions of the model and the date, so that a build is reproducible and the
//! arithmetic is tested on its own.

use serde::Serialize;

use crate::date::Date;
use crate::model::{Campaign, Department, Hazard, Institution, Issue, Model, Person, Phase, Record, Ref, Task};
use crate::raw::Status;

/// Whether something due was done in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Timeliness {
    /// Not done, not yet due.
    Pending,
    /// Not done, and the deadline has passed.
    Overdue,
    /// Done on or before the deadline.
    OnTime,
    /// Done after the deadline.
    Late,
}

impl Timeliness {
    fn of(done_on: Option<Date>, deadline: Date, as_of: Date) -> Self {
        match done_on {
            Some(d) if d <= deadline => Timeliness::OnTime,
            Some(_) => Timeliness::Late,
            None if as_of > deadline => Timeliness::Overdue,
            None => Timeliness::Pending,
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Timeliness::Pending => "",
            Timeliness::Overdue => "逾期未完成",
            Timeliness::OnTime => "按期完成",
            Timeliness::Late => "逾期完成",
        }
    }
}

#[derive(Debug)]
pub(crate) struct TaskProgress<'a> {
    /// The latest record's status on the day (not started without one).
    pub(crate) status: Status,
    /// The first day it was recorded done (or verified).
    pub(crate) done_on: Option<Date>,
    pub(crate) timeliness: Timeliness,
    /// Its records up to the day, oldest first.
    pub(crate) records: Vec<&'a Record>,
}

pub(crate) fn task<'a>(campaign: &'a Campaign, task: &Task, as_of: Date) -> TaskProgress<'a> {
    let records: Vec<&Record> = campaign.records.iter().filter(|r| r.task == task.id && r.date <= as_of).collect();
    let status = records.last().map_or(Status::NotStarted, |r| r.status);
    let done_on = records.iter().find(|r| r.status.is_done()).map(|r| r.date);
    TaskProgress { status, done_on, timeliness: Timeliness::of(done_on, task.deadline, as_of), records }
}

/// Where an issue of the 问题清单, or a hazard of the ledger, stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum IssueState {
    /// Found after the day: not shown.
    NotFound,
    Open,
    /// Rectified, not yet checked.
    Closed,
    Verified,
}

impl IssueState {
    pub(crate) fn label(self) -> &'static str {
        match self {
            IssueState::NotFound => "",
            IssueState::Open => "整改中",
            IssueState::Closed => "已整改",
            IssueState::Verified => "已验收",
        }
    }
}

pub(crate) fn issue(issue: &Issue, as_of: Date) -> (IssueState, Timeliness) {
    closure(issue.found, issue.deadline, issue.closed, issue.verified, as_of)
}

/// Where a hazard of the ledger stands on the day.
pub(crate) fn hazard(h: &Hazard, as_of: Date) -> (IssueState, Timeliness) {
    closure(h.found, h.deadline, h.rectified, h.verified, as_of)
}

/// A hazard's state on the day as the ledgers write it: 已验收, 已整改, 整改中 or 逾期未整改.
pub(crate) fn hazard_label(h: &Hazard, as_of: Date) -> &'static str {
    match hazard(h, as_of) {
        (IssueState::Open, Timeliness::Overdue) => "逾期未整改",
        (state, _) => state.label(),
    }
}

/// The day an institution's records are shown for: the site's date of record, else the last
/// day its records name, so that what is made of them depends on the content alone (never the
/// clock). None when the institution keeps no ledger and no checklist.
pub(crate) fn ledger_day(model: &Model, inst: &Institution) -> Option<Date> {
    if inst.hazards.is_empty() && inst.checklist.is_empty() {
        return None;
    }
    let last = || {
        let dates = inst.hazards.iter().flat_map(|h| [Some(h.found), h.rectified, h.verified, h.reported]);
        dates.flatten().chain(inst.inspections.iter().map(|i| i.date)).max()
    };
    model.site.as_of.or_else(last)
}

/// A month of the ledger: its first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Month {
    pub(crate) start: Date,
    pub(crate) end: Date,
}

impl Month {
    pub(crate) fn of(day: Date) -> Self {
        let start = day.month_start(0);
        Month { start, end: start.month_start(1).plus_days(-1) }
    }

    /// `2022-12`: the bulletin's file name.
    pub(crate) fn key(self) -> String {
        format!("{:04}-{:02}", self.start.year(), self.start.month())
    }

    /// `2022年12月`.
    pub(crate) fn label(self) -> String {
        format!("{}年{}月", self.start.year(), self.start.month())
    }
}

/// The months with a bulletin (月度通报) of the hazard ledger: from the month of the first record to the last month that ended
/// before the day of record, newest first.
pub(crate) fn bulletin_months(model: &Model, inst: &Institution) -> Vec<Month> {
    let Some(day) = ledger_day(model, inst) else { return Vec::new() };
    let first = inst.hazards.iter().map(|h| h.found).chain(inst.inspections.iter().map(|i| i.date)).min();
    let Some(first) = first else { return Vec::new() };
    let mut out = Vec::new();
    let mut month = Month::of(first);
    while month.end < day {
        out.push(month);
        month = Month::of(month.end.plus_days(1));
    }
    out.reverse();
    out
}

/// The closed loop of everything found and put right (a campaign's issue, a hazard): found →
/// rectified (by the deadline, or late) → verified, from its dates as they stood on the day.
fn closure(
    found: Date,
    deadline: Date,
    closed: Option<Date>,
    verified: Option<Date>,
    as_of: Date,
) -> (IssueState, Timeliness) {
    let on = |d: Option<Date>| d.filter(|d| *d <= as_of);
    let state = if found > as_of {
        IssueState::NotFound
    } else if on(verified).is_some() {
        IssueState::Verified
    } else if on(closed).is_some() {
        IssueState::Closed
    } else {
        IssueState::Open
    };
    (state, Timeliness::of(on(closed), deadline, as_of))
}

/// Whether a period lies before, around or after the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum When {
    Upcoming,
    Running,
    Finished,
}

impl When {
    pub(crate) fn of(start: Date, end: Date, as_of: Date) -> Self {
        if as_of < start {
            When::Upcoming
        } else if as_of > end {
            When::Finished
        } else {
            When::Running
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            When::Upcoming => "未开始",
            When::Running => "进行中",
            When::Finished => "已结束",
        }
    }
}

/// Task counts of a phase (or a whole campaign) on the day.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct Tally {
    pub(crate) total: usize,
    pub(crate) done: usize,
    pub(crate) verified: usize,
    pub(crate) overdue: usize,
    pub(crate) late: usize,
}

impl Tally {
    pub(crate) fn add(&mut self, p: &TaskProgress) {
        self.total += 1;
        self.done += usize::from(p.status.is_done());
        self.verified += usize::from(p.status == Status::Verified);
        self.overdue += usize::from(p.timeliness == Timeliness::Overdue);
        self.late += usize::from(p.timeliness == Timeliness::Late);
    }

    /// Done share in whole percent, rounded (3 of 7: 43 %), but 100 only when all is done and 0
    /// only when nothing is: a progress figure must not round a task away.
    pub(crate) fn percent(&self) -> u32 {
        let Some(rounded) = (self.done * 200 + self.total).checked_div(self.total * 2) else { return 0 };
        match self.done {
            0 => 0,
            d if d == self.total => 100,
            _ => rounded.clamp(1, 99) as u32,
        }
    }
}

pub(crate) fn phase(campaign: &Campaign, phase: &Phase, as_of: Date) -> Tally {
    let mut tally = Tally::default();
    for t in &phase.tasks {
        tally.add(&task(campaign, t, as_of));
    }
    tally
}

/// Task counts of the whole campaign on the day.
pub(crate) fn campaign(campaign: &Campaign, as_of: Date) -> Tally {
    let mut tally = Tally::default();
    for p in &campaign.phases {
        for t in &p.tasks {
            tally.add(&task(campaign, t, as_of));
        }
    }
    tally
}

/// A unit's state on a goal item: its latest assessment of that item up to the day.
pub(crate) fn cell(campaign: &Campaign, unit: &str, item: &str, as_of: Date) -> Option<(Status, Date)> {
    campaign
        .checklist
        .iter()
        .filter(|a| a.unit == unit && a.date <= as_of)
        .filter_map(|a| a.items.get(item).map(|s| (*s, a.date)))
        .next_back()
}

/// The day a campaign's progress is shown for: the site's date of record (`as_of` in
/// safeduty.yaml, or `--as-of`), else the campaign's last record.
pub(crate) fn as_of(site_as_of: Option<Date>, campaign: &Campaign) -> Date {
    site_as_of.unwrap_or_else(|| last_record(campaign))
}

/// The day progress is shown for when the content sets none: the campaign's last record, so
/// that the result depends on the content alone.
pub(crate) fn last_record(campaign: &Campaign) -> Date {
    let records = campaign.records.iter().map(|r| r.date);
    let checks = campaign.checklist.iter().map(|a| a.date);
    let issues = campaign.issues.iter().flat_map(|i| [Some(i.found), i.closed, i.verified].into_iter().flatten());
    records.chain(checks).chain(issues).max().unwrap_or(campaign.start)
}

/// Campaigns for unit tests (here and in the timeline's).
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::model::{Campaign, Phase, Record, Task};
    use crate::raw::Status;

    /// Tasks as (id, deadline).
    pub(crate) type Tasks<'a> = &'a [(&'a str, &'a str)];

    /// A campaign from 2016-07-01 to 2018-12-31 with these phases (id, start, end, tasks) and
    /// records (task, date, status).
    pub(crate) fn campaign(phases: &[(&str, &str, &str, Tasks)], records: &[(&str, &str, Status)]) -> Campaign {
        Campaign {
            id: "c".into(),
            title: "专项行动".into(),
            short_title: "专项行动".into(),
            doc_number: None,
            institution: "i".into(),
            issued: None,
            page: None,
            start: "2016-07-01".into(),
            end: "2018-12-31".into(),
            motto: None,
            goal: String::new(),
            participants: vec![],
            goal_items: vec![],
            phases: phases
                .iter()
                .map(|(id, start, end, tasks)| Phase {
                    id: id.to_string(),
                    name: format!("{id}阶段"),
                    start: (*start).into(),
                    end: (*end).into(),
                    aim: None,
                    tasks: tasks.iter().map(|(id, deadline)| task(id, deadline)).collect(),
                })
                .collect(),
            records: records
                .iter()
                .map(|(task, date, status)| Record {
                    task: task.to_string(),
                    date: (*date).into(),
                    status: *status,
                    note: None,
                    evidence: vec![],
                })
                .collect(),
            checklist: vec![],
            issues: vec![],
        }
    }

    fn task(id: &str, deadline: &str) -> Task {
        Task {
            id: id.into(),
            what: "制定方案。".into(),
            department: None,
            person: None,
            deadline: deadline.into(),
            deadline_set: true,
            deliverable: None,
            activities: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Ref};

    #[test]
    fn months_are_calendar_months() {
        let m = Month::of(Date::from("2024-02-10"));
        assert_eq!((m.start, m.end), (Date::from("2024-02-01"), Date::from("2024-02-29")));
        assert_eq!((m.key(), m.label()), ("2024-02".to_string(), "2024年2月".to_string()));
    }

    fn campaign(records: &[(&str, &str, Status)]) -> Campaign {
        let launch: fixtures::Tasks = &[("registration", "2016-08-20"), ("summary", "2016-12-31")];
        fixtures::campaign(&[("launch", "2016-07-01", "2016-12-31", launch)], records)
    }

    fn state(c: &Campaign, task: usize, as_of: &str) -> (Status, Timeliness) {
        let p = super::task(c, &c.phases[0].tasks[task], as_of.into());
        (p.status, p.timeliness)
    }

    #[test]
    fn done_on_time_stays_on_time_ever_after() {
        let c = campaign(&[
            ("registration", "2016-08-10", Status::InProgress),
            ("registration", "2016-08-18", Status::Done),
        ]);
        assert_eq!(state(&c, 0, "2016-08-01"), (Status::NotStarted, Timeliness::Pending));
        assert_eq!(state(&c, 0, "2016-08-15"), (Status::InProgress, Timeliness::Pending));
        assert_eq!(state(&c, 0, "2016-08-18"), (Status::Done, Timeliness::OnTime), "done on the day itself");
        assert_eq!(state(&c, 0, "2018-01-01"), (Status::Done, Timeliness::OnTime));
    }

    #[test]
    fn overdue_from_the_day_after_the_deadline_until_done_then_late() {
        let c = campaign(&[("registration", "2016-09-02", Status::Done)]);
        assert_eq!(state(&c, 0, "2016-08-20"), (Status::NotStarted, Timeliness::Pending), "due today is not overdue");
        assert_eq!(state(&c, 0, "2016-08-21"), (Status::NotStarted, Timeliness::Overdue));
        assert_eq!(state(&c, 0, "2016-09-01"), (Status::NotStarted, Timeliness::Overdue));
        assert_eq!(state(&c, 0, "2016-09-02"), (Status::Done, Timeliness::Late));
        assert_eq!(state(&c, 0, "2017-06-30"), (Status::Done, Timeliness::Late));
    }

    #[test]
    fn the_first_done_record_counts_and_verification_keeps_it() {
        let c = campaign(&[("summary", "2016-12-20", Status::Done), ("summary", "2017-01-06", Status::Verified)]);
        let p = task(&c, &c.phases[0].tasks[1], "2017-02-01".into());
        assert_eq!(
            (p.status, p.done_on, p.timeliness),
            (Status::Verified, Some("2016-12-20".into()), Timeliness::OnTime)
        );
        assert_eq!(p.records.len(), 2);
    }

    #[test]
    fn a_phase_tally_counts_done_overdue_and_late() {
        let c = campaign(&[("registration", "2016-09-02", Status::Done)]);
        let t = phase(&c, &c.phases[0], "2017-01-05".into());
        assert_eq!(t, Tally { total: 2, done: 1, verified: 0, overdue: 1, late: 1 });
        assert_eq!(t.percent(), 50);
        let share = |done, total| Tally { total, done, ..Tally::default() }.percent();
        assert_eq!([share(3, 7), share(199, 200), share(1, 300), share(0, 0), share(5, 5)], [43, 99, 1, 0, 100]);
        assert_eq!(phase(&c, &c.phases[0], "2016-07-01".into()).overdue, 0);
    }

    #[test]
    fn issues_open_close_and_verify_by_date() {
        let r = Ref { institution: "i".into(), id: "d".into() };
        let i = Issue {
            id: "p".into(),
            item: None,
            found: "2017-03-20".into(),
            problem: String::new(),
            measure: String::new(),
            department: r,
            person: None,
            deadline: "2017-04-30".into(),
            closed: Some("2017-05-02".into()),
            verified: Some("2017-05-10".into()),
            note: None,
            hazard: None,
        };
        assert_eq!(issue(&i, "2017-03-19".into()).0, IssueState::NotFound);
        assert_eq!(issue(&i, "2017-04-30".into()), (IssueState::Open, Timeliness::Pending));
        assert_eq!(issue(&i, "2017-05-01".into()), (IssueState::Open, Timeliness::Overdue));
        assert_eq!(issue(&i, "2017-05-02".into()), (IssueState::Closed, Timeliness::Late));
        assert_eq!(issue(&i, "2017-05-10".into()), (IssueState::Verified, Timeliness::Late));
    }

    #[test]
    fn a_cell_is_the_latest_assessment_of_that_item() {
        let mut c = campaign(&[]);
        let a = |date: &str, items: &[(&str, Status)]| Assessment {
            unit: "i/d".into(),
            date: date.into(),
            items: items.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            note: None,
        };
        c.checklist = vec![
            a("2016-12-20", &[("training", Status::InProgress), ("lawful", Status::Done)]),
            a("2017-12-22", &[("training", Status::Verified)]),
        ];
        assert_eq!(cell(&c, "i/d", "training", "2016-12-19".into()), None);
        assert_eq!(cell(&c, "i/d", "training", "2017-06-30".into()), Some((Status::InProgress, "2016-12-20".into())));
        assert_eq!(cell(&c, "i/d", "training", "2018-01-01".into()), Some((Status::Verified, "2017-12-22".into())));
        assert_eq!(
            cell(&c, "i/d", "lawful", "2018-01-01".into()),
            Some((Status::Done, "2016-12-20".into())),
            "not re-assessed"
        );
        assert_eq!(last_record(&c), "2017-12-22".into());
    }

    #[test]
    fn periods_are_upcoming_running_or_finished() {
        assert_eq!(When::of("2017-01-01".into(), "2017-12-31".into(), "2016-12-31".into()), When::Upcoming);
        assert_eq!(When::of("2017-01-01".into(), "2017-12-31".into(), "2017-01-01".into()), When::Running);
        assert_eq!(When::of("2017-01-01".into(), "2017-12-31".into(), "2017-12-31".into()), When::Running);
        assert_eq!(When::of("2017-01-01".into(), "2017-12-31".into(), "2018-01-01".into()), When::Finished);
    }
}

/// Who owns a task or an issue of a campaign.
pub(crate) enum Owner<'a> {
    Department(&'a Institution, &'a Department),
    Person(&'a Institution, &'a Person),
}

/// The owners of a task or issue, each with what to call it: named with its institution when
/// that is not the campaign's own (a participant's department, say), a person without it when
/// their department is named already.
pub(crate) fn owners<'a>(
    model: &'a Model,
    c: &Campaign,
    department: Option<&Ref>,
    person: Option<&Ref>,
) -> Vec<(String, Owner<'a>)> {
    let prefix = |inst: &Institution| {
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
        out.push((format!("{}{}", prefix(inst), dept.name), Owner::Department(inst, dept)));
    }
    if let Some(p) = person
        && let Some(inst) = model.institution(&p.institution)
        && let Some(person) = inst.person(&p.id)
    {
        let name =
            if department.is_some_and(|d| d.institution == p.institution) { String::new() } else { prefix(inst) };
        out.push((format!("{name}{}", person.name), Owner::Person(inst, person)));
    }
    out
}

//! Campaign checks: every date exists, periods are ordered (phases in the campaign, deadlines in
//! their phase, records in the campaign), owners, tasks, units and goal items exist, evidence
//! files are there, and done tasks show evidence.

use std::collections::{BTreeMap, BTreeSet};

use serde_saphyr::Spanned;

use super::ids::{is_safe_id, unsafe_id};
use super::index::{Index, InstIndex, at};
use super::refs::{
    NamedFile, date, institution_broken, institution_ref, named_file, order, reference, table_ref, unique,
};
use crate::diagnostic::{Diagnostic, Report, noun};
use crate::i18n::Value;
use crate::load::{CampaignDir, Content};
use crate::raw;
use crate::source::{FileId, Span};
use crate::{m, t};

/// The help of a duplicate id of a list of the campaign file.
fn unique_in_campaign(kind: &str) -> impl FnOnce() -> String + '_ {
    move || t!("campaigns-unique-help", kind = noun(kind))
}

pub(crate) fn check(content: &Content, index: &Index, report: &mut Report) {
    for dir in &content.campaigns {
        if !is_safe_id(&dir.id) {
            let span = Span::file_start(dir.first_file.unwrap_or(0));
            report.push(unsafe_id("campaign", &dir.id, span, true));
        }
        campaign(content, index, dir, report);
    }
}

fn campaign(content: &Content, index: &Index, dir: &CampaignDir, report: &mut Report) {
    let Some(loaded) = &dir.campaign else {
        if !dir.broken {
            report.push(
                Diagnostic::new(
                    "missing-file",
                    Span::file_start(dir.first_file.unwrap_or(0)),
                    m!("campaigns-no-campaign-file", id = dir.id.as_str()),
                    t!("campaigns-no-campaign-file-label"),
                )
                .with_help(t!("campaigns-no-campaign-file-help", id = dir.id.as_str())),
            );
        }
        return;
    };
    let (f, c) = (loaded.file, &loaded.value);
    let issuer = &c.institution.value;
    let issuer_ok = if institution_broken(index, issuer) {
        false
    } else {
        institution_ref(report, at(f, &c.institution), issuer, index)
    };
    if let Some(page) = &c.page
        && !content.pages.iter().any(|p| p.slug == page.value)
    {
        let candidates = content.pages.iter().map(|p| (p.slug.as_str(), p.meta.title.as_str()));
        reference(report, "page", at(f, page), &page.value, candidates);
    }
    if let Some(issued) = &c.issued {
        date(f, issued, report);
    }
    let period = match (date(f, &c.start, report), date(f, &c.end, report)) {
        (Some(s), Some(e)) if s > e => {
            let message = t!("campaigns-ends-before-start");
            report.push(order("invalid-period", at(f, &c.end), message, at(f, &c.start)));
            None
        }
        (Some(s), Some(e)) => Some((s, e)),
        _ => None,
    };
    let owners = Owners { index, issuer, issuer_ok };
    // Participants: institutions or departments (written in full).
    let mut units = BTreeSet::new();
    for p in &c.participants.value {
        if !units.insert(p.value.as_str()) {
            report.push(
                Diagnostic::new(
                    "duplicate-id",
                    at(f, p),
                    m!("campaigns-participant-twice", participant = p.value.as_str()),
                    t!("campaigns-participant-twice-label"),
                )
                .with_help(t!("campaigns-participant-twice-help")),
            );
        }
        let (inst, dept) = match p.value.split_once('/') {
            Some((i, d)) => (i, Some(d)),
            None => (p.value.as_str(), None),
        };
        if institution_broken(index, inst) {
            continue;
        }
        match index.institutions.get(inst) {
            None => {
                institution_ref(report, at(f, p), inst, index);
            }
            Some(ix) => {
                if let Some(d) = dept.filter(|_| !ix.dir.broken_lists.contains(&"department")) {
                    table_ref(report, "department", at(f, p), d, &ix.departments);
                }
            }
        }
    }

    let mut items = BTreeMap::new();
    for g in &c.goal_items.value {
        unique(&mut items, &g.id, f, "goal item", unique_in_campaign("goal item"), report);
    }
    let tasks = phases(f, c, period, &owners, report);

    let plan = Plan { period, units, items, tasks, owners, folder: format!("campaigns/{}", dir.id) };
    if let Some(progress) = &dir.progress {
        records(content, &plan, progress.file, &progress.value, report);
    }
    if let Some(issues) = &dir.issues {
        issue_list(&plan, issues.file, &issues.value, report);
    }
}

/// Phases in order, inside the campaign, not overlapping; tasks unique, owned, due inside their
/// phase. Returns the tasks by id.
fn phases<'a>(
    f: FileId,
    c: &'a raw::Campaign,
    period: Option<(&str, &str)>,
    owners: &Owners,
    report: &mut Report,
) -> BTreeMap<&'a str, Span> {
    let mut phase_ids = BTreeMap::new();
    let mut tasks: BTreeMap<&str, Span> = BTreeMap::new();
    let mut previous: Option<(&str, Span)> = None;
    if c.phases.value.is_empty() {
        report.push(
            Diagnostic::new("empty-list", at(f, &c.phases), m!("campaigns-no-phases"), t!("campaigns-empty-list"))
                .with_help(t!("campaigns-no-phases-help")),
        );
    }
    for phase in &c.phases.value {
        unique(&mut phase_ids, &phase.id, f, "phase", unique_in_campaign("phase"), report);
        // A phase's page is `<phase id>.html` beside the campaign's own pages.
        if let Some(page) = ["index", "matrix"].into_iter().find(|p| *p == phase.id.value) {
            report.push(
                Diagnostic::new(
                    "reserved-id",
                    at(f, &phase.id),
                    m!("campaigns-reserved-phase", page),
                    t!("check-reserved-label"),
                )
                .with_help(t!("campaigns-reserved-phase-help")),
            );
        }
        let (start, end) = (date(f, &phase.start, report), date(f, &phase.end, report));
        let mut bounds = None;
        if let (Some(s), Some(e)) = (start, end) {
            if s > e {
                let message = t!("campaigns-phase-ends-before-start");
                report.push(order("invalid-period", at(f, &phase.end), message, at(f, &phase.start)));
            } else {
                bounds = Some((s, e));
            }
            if let Some((cs, ce)) = period
                && (s < cs || e > ce)
            {
                report.push(
                    Diagnostic::new(
                        "phase-order",
                        at(f, if s < cs { &phase.start } else { &phase.end }),
                        m!(
                            "campaigns-phase-outside",
                            phase = phase.id.value.as_str(),
                            start = Value::day(cs),
                            end = Value::day(ce)
                        ),
                        t!("campaigns-outside-label"),
                    )
                    .with_help(t!("campaigns-phase-outside-help")),
                );
            }
            if let Some((prev_end, prev_span)) = previous
                && s <= prev_end
            {
                report.push(
                    Diagnostic::new(
                        "phase-order",
                        at(f, &phase.start),
                        m!(
                            "campaigns-phase-overlap",
                            phase = phase.id.value.as_str(),
                            start = Value::day(s),
                            previous = Value::day(prev_end)
                        ),
                        t!("campaigns-phase-overlap-label"),
                    )
                    .with_label(prev_span, t!("campaigns-previous-phase-ends"))
                    .with_help(t!("campaigns-phase-overlap-help")),
                );
            }
            previous = Some((e, at(f, &phase.end)));
        }
        for task in &phase.tasks {
            // Unique in the whole campaign, not just the phase: progress records name them.
            unique(&mut tasks, &task.id, f, "task", unique_in_campaign("task"), report);
            if let Some(d) = &task.department {
                owners.check(f, d, "department", report);
            }
            if let Some(p) = &task.person {
                owners.check(f, p, "person", report);
            }
            if task.department.is_none() && task.person.is_none() {
                report.push(
                    Diagnostic::new(
                        "missing-key",
                        at(f, &task.id),
                        m!("campaigns-task-without-owner", task = task.id.value.as_str()),
                        t!("campaigns-this-task"),
                    )
                    .with_help(t!("campaigns-task-without-owner-help")),
                );
            }
            if let Some(deadline) = &task.deadline
                && let Some(d) = date(f, deadline, report)
                && let Some((s, e)) = bounds
                && (d < s || d > e)
            {
                let (task, phase) = (task.id.value.as_str(), phase.id.value.as_str());
                let message = m!(
                    "campaigns-deadline-outside-phase",
                    task,
                    deadline = Value::day(d),
                    phase,
                    start = Value::day(s),
                    end = Value::day(e)
                );
                report.push(
                    Diagnostic::new(
                        "deadline-outside-phase",
                        at(f, deadline),
                        message,
                        t!("campaigns-deadline-outside-phase-label"),
                    )
                    .with_help(t!("campaigns-deadline-outside-phase-help")),
                );
            }
        }
    }
    tasks
}

/// What the campaign file defines, for checking the records against it.
struct Plan<'a> {
    /// Start and end, when both are valid dates in order.
    period: Option<(&'a str, &'a str)>,
    units: BTreeSet<&'a str>,
    items: BTreeMap<&'a str, Span>,
    tasks: BTreeMap<&'a str, Span>,
    owners: Owners<'a>,
    /// The campaign's folder below the content root.
    folder: String,
}

impl Plan<'_> {
    /// Checks a record's date, and that it lies in the campaign; returns it when valid.
    fn in_campaign<'d>(
        &self,
        file: FileId,
        d: &'d Spanned<String>,
        what: Dated,
        report: &mut Report,
    ) -> Option<&'d str> {
        let day = date(file, d, report)?;
        if let Some((s, e)) = self.period
            && (day < s || day > e)
        {
            let message = match what {
                Dated::Progress => {
                    m!("campaigns-progress-outside", day = Value::day(day), start = Value::day(s), end = Value::day(e))
                }
                Dated::Assessment => m!(
                    "campaigns-assessment-outside",
                    day = Value::day(day),
                    start = Value::day(s),
                    end = Value::day(e)
                ),
                Dated::Issue => {
                    m!("campaigns-issue-outside", day = Value::day(day), start = Value::day(s), end = Value::day(e))
                }
            };
            report.push(
                Diagnostic::new("record-outside-campaign", at(file, d), message, t!("campaigns-outside-label"))
                    .with_help(t!("campaigns-record-outside-help")),
            );
        }
        Some(day)
    }
}

/// What a dated record of a campaign is.
#[derive(Debug, Clone, Copy)]
enum Dated {
    /// A record of progress.yaml.
    Progress,
    /// An assessment of progress.yaml's checklist.
    Assessment,
    /// An issue of issues.yaml, dated when it was found.
    Issue,
}

/// progress.yaml: records name tasks, assessments name participants and goal items.
fn records(content: &Content, plan: &Plan, pf: FileId, progress: &raw::Progress, report: &mut Report) {
    // Whether a task's done/verified records show evidence (this record or an earlier one).
    let mut evidenced: BTreeSet<&str> = BTreeSet::new();
    for r in &progress.records {
        plan.in_campaign(pf, &r.date, Dated::Progress, report);
        let known = plan.tasks.contains_key(r.task.value.as_str());
        if !known {
            let candidates = plan.tasks.keys().map(|t| (*t, *t));
            reference(report, "task", at(pf, &r.task), &r.task.value, candidates);
        }
        for e in &r.evidence {
            evidence(content, &plan.folder, pf, e, report);
        }
        if !r.evidence.is_empty() {
            evidenced.insert(&r.task.value);
        }
        if known && r.status.value.is_done() && !evidenced.contains(r.task.value.as_str()) {
            let (task, status) = (r.task.value.as_str(), r.status.value.label());
            report.push(
                Diagnostic::new(
                    "done-without-evidence",
                    at(pf, &r.status),
                    m!("campaigns-done-without-evidence", task, status),
                    t!("campaigns-done-without-evidence-label"),
                )
                .with_help(t!("campaigns-done-without-evidence-help")),
            );
        }
    }
    for a in &progress.checklist {
        plan.in_campaign(pf, &a.date, Dated::Assessment, report);
        if !plan.units.contains(a.unit.value.as_str()) {
            let candidates = plan.units.iter().map(|u| (*u, *u));
            reference(report, "participant", at(pf, &a.unit), &a.unit.value, candidates);
        }
        for (item, status) in &a.items {
            if !plan.items.contains_key(item.as_str()) {
                let candidates = plan.items.keys().map(|i| (*i, *i));
                reference(report, "goal item", at(pf, status), item, candidates);
            }
        }
    }
}

/// issues.yaml: owners exist, dates in order.
fn issue_list(plan: &Plan, isf: FileId, issues: &[raw::Issue], report: &mut Report) {
    let mut ids = BTreeMap::new();
    for i in issues {
        unique(&mut ids, &i.id, isf, "issue", unique_in_campaign("issue"), report);
        if let Some(item) = &i.item
            && !plan.items.contains_key(item.value.as_str())
        {
            let candidates = plan.items.keys().map(|i| (*i, *i));
            reference(report, "goal item", at(isf, item), &item.value, candidates);
        }
        if !written_once(plan, isf, i, report) {
            continue;
        }
        if let Some(d) = &i.department {
            plan.owners.check(isf, d, "department", report);
        }
        if let Some(p) = &i.person {
            plan.owners.check(isf, p, "person", report);
        }
        let Some(found_at) = &i.found else { continue };
        plan.in_campaign(isf, found_at, Dated::Issue, report);
        let found = date(isf, found_at, report);
        let before_found: [(_, fn() -> String); 3] = [
            (i.deadline.as_ref(), || t!("campaigns-issue-deadline-before-found")),
            (i.closed.as_ref(), || t!("campaigns-issue-closed-before-found")),
            (i.verified.as_ref(), || t!("campaigns-issue-verified-before-found")),
        ];
        for (later, message) in before_found {
            let Some(later) = later else { continue };
            if let (Some(d), Some(found)) = (date(isf, later, report), found)
                && d < found
            {
                report.push(order("invalid-period", at(isf, later), message(), at(isf, found_at)));
            }
        }
        if let (Some(v), None) = (&i.verified, &i.closed) {
            report.push(
                Diagnostic::new(
                    "missing-key",
                    at(isf, v),
                    m!("campaigns-issue-not-closed", issue = i.id.value.as_str()),
                    t!("campaigns-verified-here"),
                )
                .with_help(t!("campaigns-issue-not-closed-help")),
            );
        }
        if let (Some(v), Some(c)) = (&i.verified, &i.closed)
            && v.value < c.value
        {
            let message = t!("campaigns-issue-verified-before-closed");
            report.push(order("invalid-period", at(isf, v), message, at(isf, c)));
        }
    }
}

/// An issue is written out (found, problem, measure, department, deadline) or names a hazard of
/// a ledger and writes none of what the ledger holds. Whether the rest can be checked.
fn written_once(plan: &Plan, isf: FileId, i: &raw::Issue, report: &mut Report) -> bool {
    // (key, required of an issue written out, where it is written)
    let keys = [
        ("found", true, i.found.as_ref().map(|s| at(isf, s))),
        ("problem", true, i.problem.as_ref().map(|s| at(isf, s))),
        ("measure", true, i.measure.as_ref().map(|s| at(isf, s))),
        ("department", true, i.department.as_ref().map(|s| at(isf, s))),
        ("person", false, i.person.as_ref().map(|s| at(isf, s))),
        ("deadline", true, i.deadline.as_ref().map(|s| at(isf, s))),
        ("closed", false, i.closed.as_ref().map(|s| at(isf, s))),
        ("verified", false, i.verified.as_ref().map(|s| at(isf, s))),
    ];
    let Some(hazard) = &i.hazard else {
        let mut complete = true;
        for (key, _, span) in keys.iter().filter(|(_, required, _)| *required) {
            if span.is_none() {
                complete = false;
                report.push(
                    Diagnostic::new(
                        "missing-key",
                        at(isf, &i.id),
                        m!("campaigns-issue-without-key", issue = i.id.value.as_str(), key = *key),
                        t!("campaigns-this-issue"),
                    )
                    .with_help(t!("campaigns-issue-without-key-help", key = *key)),
                );
            }
        }
        return complete;
    };
    for (key, span) in keys.iter().filter_map(|(k, _, s)| Some((*k, (*s)?))) {
        let (issue, ledger) = (i.id.value.as_str(), hazard.value.as_str());
        report.push(
            Diagnostic::new(
                "duplicate-key",
                span,
                m!("campaigns-issue-key-in-ledger", issue, hazard = ledger, key),
                t!("campaigns-issue-key-in-ledger-label"),
            )
            .with_label(at(isf, hazard), t!("campaigns-ledger-hazard"))
            .with_help(t!("campaigns-issue-key-in-ledger-help", key)),
        );
    }
    plan.owners.hazard(isf, hazard, report);
    false
}

/// Owners (departments, people) resolve in the issuing institution unless written
/// `<institution>/<id>`.
struct Owners<'a> {
    index: &'a Index<'a>,
    issuer: &'a str,
    /// The issuer exists: else its refs are not reported again.
    issuer_ok: bool,
}

impl<'a> Owners<'a> {
    /// The institution `r` names (`<institution>/<id>`, or the issuer's) and the id in it; None
    /// when it does not exist (reported) or could not be read (reported already).
    fn resolve<'r>(
        &self,
        file: FileId,
        r: &'r Spanned<String>,
        report: &mut Report,
    ) -> Option<(&InstIndex<'a>, &'r str)> {
        let (inst, id) = r.value.split_once('/').unwrap_or((self.issuer, r.value.as_str()));
        if (inst == self.issuer && !self.issuer_ok) || institution_broken(self.index, inst) {
            return None;
        }
        let Some(ix) = self.index.institutions.get(inst) else {
            institution_ref(report, at(file, r), inst, self.index);
            return None;
        };
        Some((ix, id))
    }

    /// A hazard of an institution's ledger, `<institution>/<number>`.
    fn hazard(&self, file: FileId, r: &Spanned<String>, report: &mut Report) {
        let Some((ix, id)) = self.resolve(file, r, report) else { return };
        if ix.dir.broken_lists.contains(&raw::RecordKind::Hazards.name()) {
            return;
        }
        let ledger = ix.dir.hazards.iter().flat_map(|l| l.value.iter());
        reference(
            report,
            "hazard",
            at(file, r),
            id,
            ledger.map(|h| (h.id.value.as_str(), h.description.value.as_str())),
        );
    }

    fn check(&self, file: FileId, r: &Spanned<String>, kind: &str, report: &mut Report) {
        let Some((ix, id)) = self.resolve(file, r, report) else { return };
        let list = if kind == "department" { "department" } else { "person" };
        if ix.dir.broken_lists.contains(&list) {
            return;
        }
        if kind == "department" {
            table_ref(report, kind, at(file, r), id, &ix.departments);
        } else {
            table_ref(report, kind, at(file, r), id, &ix.people);
        }
    }
}

fn evidence(content: &Content, folder: &str, file: FileId, e: &raw::Evidence, report: &mut Report) {
    if let Some(path) = &e.file {
        let help = t!("campaigns-evidence-missing-help", folder);
        let missing = ("missing-evidence", help);
        named_file(content, (folder, &path.value), at(file, path), NamedFile::Evidence, missing, report);
    }
    if let Some(url) = &e.url
        && !(url.value.starts_with("http://") || url.value.starts_with("https://"))
    {
        report.push(
            Diagnostic::new(
                "wrong-type",
                at(file, url),
                m!("campaigns-not-a-url", url = url.value.as_str()),
                t!("campaigns-not-a-url-label"),
            )
            .with_help(t!("campaigns-not-a-url-help")),
        );
    }
}

//! Campaign checks: every date exists, periods are ordered (phases in the campaign, deadlines in
//! their phase, records in the campaign), owners, tasks, units and goal items exist, evidence
//! files are there, and done tasks show evidence.

use std::collections::{BTreeMap, BTreeSet};

use serde_saphyr::Spanned;

use super::ids::{is_safe_id, unsafe_id};
use super::index::{Index, InstIndex, at};
use super::refs::{date, institution_broken, name_of, named_file, order, reference, table_ref, unique};
use crate::diagnostic::{Diagnostic, Report};
use crate::load::{CampaignDir, Content};

const IN_CAMPAIGN: &str = "ids must be unique in a campaign; rename one of them";
use crate::raw;
use crate::source::{FileId, Span};

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
                    format!("campaign folder `{}` has no campaign.yaml", dir.id),
                    "this file belongs to a campaign that is not described",
                )
                .with_help(format!("add campaigns/{}/campaign.yaml (see docs/content.md, \"Campaigns\")", dir.id)),
            );
        }
        return;
    };
    let (f, c) = (loaded.file, &loaded.value);
    let issuer = &c.institution.value;
    let issuer_ok = if institution_broken(index, issuer) {
        false
    } else {
        let candidates = index.institutions.iter().map(|(id, i)| (*id, name_of(i)));
        reference(report, "institution", at(f, &c.institution), issuer, candidates)
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
            report.push(order("invalid-period", at(f, &c.end), "the campaign ends before it starts", at(f, &c.start)));
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
                    format!("participant `{}` is listed twice", p.value),
                    "again",
                )
                .with_help("list each participating unit once"),
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
                let candidates = index.institutions.iter().map(|(id, i)| (*id, name_of(i)));
                reference(report, "institution", at(f, p), inst, candidates);
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
        unique(&mut items, &g.id, f, "goal item", IN_CAMPAIGN, report);
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
            Diagnostic::new("empty-list", at(f, &c.phases), "the campaign has no phases", "empty list").with_help(
                "list the campaign's phases (id, name, start, end and tasks), e.g. 全面启动, 强化落实, 巩固提升",
            ),
        );
    }
    for phase in &c.phases.value {
        unique(&mut phase_ids, &phase.id, f, "phase", IN_CAMPAIGN, report);
        // A phase's page is `<phase id>.html` beside the campaign's own pages.
        if let Some(page) = ["index", "matrix"].into_iter().find(|p| *p == phase.id.value) {
            report.push(
                Diagnostic::new(
                    "reserved-id",
                    at(f, &phase.id),
                    format!("phase id `{page}` is the name of the campaign's own page {page}.html"),
                    "reserved",
                )
                .with_help("give the phase another id, e.g. `phase-1`"),
            );
        }
        let (start, end) = (date(f, &phase.start, report), date(f, &phase.end, report));
        let mut bounds = None;
        if let (Some(s), Some(e)) = (start, end) {
            if s > e {
                report.push(order(
                    "invalid-period",
                    at(f, &phase.end),
                    "the phase ends before it starts",
                    at(f, &phase.start),
                ));
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
                        format!("phase `{}` runs outside the campaign ({cs} to {ce})", phase.id.value),
                        "outside the campaign",
                    )
                    .with_help("move the phase's dates inside the campaign's `start` and `end`, or widen the campaign"),
                );
            }
            if let Some((prev_end, prev_span)) = previous
                && s <= prev_end
            {
                report.push(
                    Diagnostic::new(
                        "phase-order",
                        at(f, &phase.start),
                        format!(
                            "phase `{}` starts on {s}, before the previous phase ends ({prev_end})",
                            phase.id.value
                        ),
                        "overlaps the previous phase",
                    )
                    .with_label(prev_span, "previous phase ends here")
                    .with_help("list phases in date order; each starts after the one before ends"),
                );
            }
            previous = Some((e, at(f, &phase.end)));
        }
        for task in &phase.tasks {
            // Unique in the whole campaign, not just the phase: progress records name them.
            unique(&mut tasks, &task.id, f, "task", IN_CAMPAIGN, report);
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
                        format!("task `{}` has no owner", task.id.value),
                        "this task",
                    )
                    .with_help("add `department: <id>` or `person: <id>` (or both)"),
                );
            }
            if let Some(deadline) = &task.deadline
                && let Some(d) = date(f, deadline, report)
                && let Some((s, e)) = bounds
                && (d < s || d > e)
            {
                report.push(
                    Diagnostic::new(
                        "deadline-outside-phase",
                        at(f, deadline),
                        format!("task `{}` is due on {d}, outside its phase `{}` ({s} to {e})", task.id.value, phase.id.value),
                        "outside the phase",
                    )
                    .with_help("set a deadline inside the phase, move the task to the phase it belongs to, or leave `deadline` out (the phase's end)"),
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
        what: &str,
        report: &mut Report,
    ) -> Option<&'d str> {
        let day = date(file, d, report)?;
        if let Some((s, e)) = self.period
            && (day < s || day > e)
        {
            report.push(
                Diagnostic::new(
                    "record-outside-campaign",
                    at(file, d),
                    format!("{what} dated {day}, outside the campaign ({s} to {e})"),
                    "outside the campaign",
                )
                .with_help("check the date; records belong to the campaign's period"),
            );
        }
        Some(day)
    }
}

/// progress.yaml: records name tasks, assessments name participants and goal items.
fn records(content: &Content, plan: &Plan, pf: FileId, progress: &raw::Progress, report: &mut Report) {
    // Whether a task's done/verified records show evidence (this record or an earlier one).
    let mut evidenced: BTreeSet<&str> = BTreeSet::new();
    for r in &progress.records {
        plan.in_campaign(pf, &r.date, "progress record", report);
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
            report.push(
                Diagnostic::new(
                    "done-without-evidence",
                    at(pf, &r.status),
                    format!("task `{}` is marked {} without evidence", r.task.value, r.status.value.label()),
                    "no evidence recorded",
                )
                .with_help(
                    "add `evidence:` with a `title:` (and a `file:` or `url:` where there is one) to this record",
                ),
            );
        }
    }
    for a in &progress.checklist {
        plan.in_campaign(pf, &a.date, "checklist assessment", report);
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
        unique(&mut ids, &i.id, isf, "issue", IN_CAMPAIGN, report);
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
        plan.in_campaign(isf, found_at, "issue", report);
        let found = date(isf, found_at, report);
        for (later, what) in [
            (i.deadline.as_ref(), "deadline"),
            (i.closed.as_ref(), "closing date"),
            (i.verified.as_ref(), "verification date"),
        ] {
            let Some(later) = later else { continue };
            if let (Some(d), Some(found)) = (date(isf, later, report), found)
                && d < found
            {
                report.push(order(
                    "invalid-period",
                    at(isf, later),
                    &format!("the issue's {what} is before it was found"),
                    at(isf, found_at),
                ));
            }
        }
        if let (Some(v), None) = (&i.verified, &i.closed) {
            report.push(
                Diagnostic::new(
                    "missing-key",
                    at(isf, v),
                    format!("issue `{}` is verified but not closed", i.id.value),
                    "verified here",
                )
                .with_help("add `closed: YYYY-MM-DD`, the day the problem was rectified"),
            );
        }
        if let (Some(v), Some(c)) = (&i.verified, &i.closed)
            && v.value < c.value
        {
            report.push(order("invalid-period", at(isf, v), "the issue is verified before it was closed", at(isf, c)));
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
                        format!("issue `{}` has no `{key}`", i.id.value),
                        "this issue",
                    )
                    .with_help(format!(
                        "write `{key}:`, or name the hazard of a ledger it is (`hazard: <institution>/<ledger number>`)"
                    )),
                );
            }
        }
        return complete;
    };
    for (key, span) in keys.iter().filter_map(|(k, _, s)| Some((k, (*s)?))) {
        report.push(
            Diagnostic::new(
                "duplicate-key",
                span,
                format!("issue `{}` names hazard `{}`, whose `{key}` the ledger holds", i.id.value, hazard.value),
                "also in the ledger",
            )
            .with_label(at(isf, hazard), "the ledger's hazard")
            .with_help(format!("remove `{key}:` here: the ledger is the one record of it")),
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
            let candidates = self.index.institutions.iter().map(|(id, i)| (*id, name_of(i)));
            reference(report, "institution", at(file, r), inst, candidates);
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
        let help =
            format!("put the file in {folder}/ or correct the path (relative to the campaign's folder, with `/`)");
        let missing = ("missing-evidence", help);
        named_file(content, (folder, &path.value), at(file, path), "evidence file", missing, report);
    }
    if let Some(url) = &e.url
        && !(url.value.starts_with("http://") || url.value.starts_with("https://"))
    {
        report.push(
            Diagnostic::new(
                "wrong-type",
                at(file, url),
                format!("`{}` is not a web address", url.value),
                "not http:// or https://",
            )
            .with_help("use `url:` for http(s) links and `file:` for files in the campaign's folder"),
        );
    }
}

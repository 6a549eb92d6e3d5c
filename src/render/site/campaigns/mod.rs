//! Campaign pages: the overview with its timeline, one page per phase, the checklist matrix,
//! and the evidence files. Progress is computed for the site's date of record (see `progress`).

mod timeline;
mod views;

use rayon::prelude::*;

use super::page::Site;
use super::views::Link;
use crate::error::{self, Error, Result};
use crate::model::{Campaign, Model, Phase};
use crate::progress::{self, IssueState, Timeliness, When};
use crate::raw::Status;
use crate::render::documents::{Document, Kind};
use crate::render::paths;
pub(crate) use views::CampaignSummary;
use views::*;

/// Writes every campaign's pages and publishes its evidence files.
pub(super) fn pages(site: &Site, model: &Model, summaries: &[CampaignSummary]) -> Result<()> {
    if model.campaigns.is_empty() {
        return Ok(());
    }
    site.page("campaigns.html", &paths::campaigns(), "专项行动", &[], CampaignsPage { campaigns: summaries })?;
    // Found once: a province has a hundred thousand documents, and every phase links its report.
    let reports: Vec<&Document> = site.ctx.documents.reports().iter().filter(|d| d.kind == Kind::Report).collect();
    // Side by side: a province has a campaign per county, each listing its institutions (80 ms of
    // a preview's pass at 100,000 employees when one after the other). The pages are handed back
    // in campaign order, so the search index and the link check see the same order on any machine.
    let rendered = model
        .campaigns
        .par_iter()
        .map(|c| {
            let own = Site::new(site.ctx);
            campaign(&own, model, c, &reports)?;
            Ok((own.written.into_inner(), own.extra.into_inner()))
        })
        .collect::<Result<Vec<_>>>()?;
    for (written, extra) in rendered {
        site.written.borrow_mut().extend(written);
        site.extra.borrow_mut().extend(extra);
    }
    Ok(())
}

pub(crate) fn summaries(model: &Model) -> Vec<CampaignSummary> {
    model
        .campaigns
        .iter()
        .map(|c| {
            let as_of = progress::as_of(model.site.as_of, c);
            let tally = progress::campaign(c, as_of);
            CampaignSummary {
                link: Link::new(c.title.clone(), paths::campaign(&c.id)),
                doc_number: c.doc_number.clone(),
                institution: institution_link(model, &c.institution),
                start: c.start,
                end: c.end,
                as_of,
                when_label: When::of(c.start, c.end, as_of).label(),
                current: c
                    .phases
                    .iter()
                    .find(|p| When::of(p.start, p.end, as_of) == When::Running)
                    .map(|p| p.name.clone()),
                percent: tally.percent(),
                tally,
            }
        })
        .collect()
}

fn campaign(site: &Site, model: &Model, c: &Campaign, reports: &[&Document]) -> Result<()> {
    let as_of = progress::as_of(model.site.as_of, c);
    let crumbs = [Link::new("专项行动", paths::campaigns())];
    let here = Link::new(c.short_title.clone(), paths::campaign(&c.id));
    let tasks: Vec<TaskView> = c
        .phases
        .iter()
        .flat_map(|p| p.tasks.iter().map(move |t| (p, t)))
        .map(|(p, t)| task(model, c, p, t, as_of))
        .collect();
    let tally = progress::campaign(c, as_of);
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
    let phases: Vec<PhaseSummary> = c.phases.iter().map(|p| phase_summary(reports, c, p, as_of)).collect();
    let when = When::of(c.start, c.end, as_of);
    let view = CampaignPage {
        campaign: header(model, c, as_of),
        when,
        when_label: when.label(),
        tally,
        percent: tally.percent(),
        phases,
        timeline: timeline::timeline(c, as_of),
        overdue: tasks.iter().filter(|t| t.timeliness == Timeliness::Overdue).collect(),
        goal_items,
        issues: issue_tally,
        open_issues: issues.iter().filter(|i| i.state == IssueState::Open).collect(),
        matrix: paths::matrix(&c.id),
    };
    site.page("campaign.html", &paths::campaign(&c.id), &c.short_title, &crumbs, view)?;

    let crumbs = [crumbs[0].clone(), here];
    for (n, p) in c.phases.iter().enumerate() {
        let link = |p: &Phase| Link::new(p.name.clone(), paths::phase(&c.id, &p.id));
        let view = PhasePage {
            campaign: header(model, c, as_of),
            phase: phase_summary(reports, c, p, as_of),
            tasks: tasks.iter().filter(|t| t.phase.url == paths::phase(&c.id, &p.id)).collect(),
            issues: issues.iter().filter(|i| i.found >= p.start && i.found <= p.end).collect(),
            previous: n.checked_sub(1).map(|i| link(&c.phases[i])),
            next: c.phases.get(n + 1).map(link),
        };
        site.page("phase.html", &paths::phase(&c.id, &p.id), &p.name, &crumbs, view)?;
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
            let note = c.checklist.iter().rfind(|a| a.unit == u.id && a.date <= as_of).and_then(|a| a.note.clone());
            MatrixRow {
                unit: unit_link(model, &u.institution, u.department.as_deref(), &u.name),
                done: cells.iter().filter(|x| x.status.is_some_and(Status::is_done)).count(),
                cells,
                note,
            }
        })
        .collect();
    let view = MatrixPage {
        campaign: header(model, c, as_of),
        items: c.goal_items.iter().map(|g| ItemName { id: &g.id, name: &g.name }).collect(),
        rows,
    };
    site.page("matrix.html", &paths::matrix(&c.id), "“一必须五到位”落实情况检查表", &crumbs, view)?;
    evidence_files(site, c)
}

/// Publishes the files that records name as evidence, next to the campaign's pages.
fn evidence_files(site: &Site, c: &Campaign) -> Result<()> {
    let folder = format!("campaigns/{}", c.id);
    let files: std::collections::BTreeSet<&str> =
        c.records.iter().flat_map(|r| &r.evidence).filter_map(|e| e.file.as_deref()).collect();
    for f in files {
        let bytes = site
            .ctx
            .fence
            .read(&folder, f)
            .map_err(|r| Error::new(error::Kind::Io, r.message(&format!("{folder}/{f}"))))?;
        site.ctx.write(&paths::in_site(&paths::evidence(&c.id, f)), &bytes)?;
        site.extra.borrow_mut().push(paths::evidence(&c.id, f));
    }
    Ok(())
}

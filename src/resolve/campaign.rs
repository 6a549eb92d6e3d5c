//! Campaigns: the plan, records and issues as the model holds them (refs made explicit,
//! deadlines defaulted, records in date order).

use serde_saphyr::Spanned;

use crate::date::Date;
use crate::load::{CampaignDir, Content};
use crate::model::*;
use crate::raw;

/// An issue as written, or as the ledger holds the hazard it names. `check` found every key
/// there, or the hazard; a row without would be skipped, never a panic.
fn issue(
    i: &raw::Issue,
    reference: &dyn Fn(&str) -> Ref,
    institutions: &[std::sync::Arc<Institution>],
) -> Option<Issue> {
    let id = i.id.value.clone();
    let item = i.item.as_ref().map(|x| x.value.clone());
    let note = i.note.clone();
    let Some(named) = &i.hazard else {
        return Some(Issue {
            id,
            item,
            found: day(i.found.as_ref()?),
            problem: i.problem.as_ref()?.value.clone(),
            measure: i.measure.as_ref()?.value.clone(),
            department: reference(&i.department.as_ref()?.value),
            person: i.person.as_ref().map(|p| reference(&p.value)),
            deadline: day(i.deadline.as_ref()?),
            closed: i.closed.as_ref().map(day),
            verified: i.verified.as_ref().map(day),
            note,
            hazard: None,
        });
    };
    let at = reference(&named.value);
    let inst = institutions.iter().find(|x| x.id == at.institution)?;
    let h = inst.hazard(&at.id)?;
    let on = |id: &str| Ref { institution: inst.id.clone(), id: id.to_string() };
    Some(Issue {
        id,
        item,
        found: h.found,
        problem: match &h.place {
            Some(place) => format!("{}{place}：{}", inst.name, h.description),
            None => format!("{}：{}", inst.name, h.description),
        },
        measure: h.measure.clone(),
        department: on(&h.department),
        person: Some(on(&h.owner)),
        deadline: h.deadline,
        closed: h.rectified,
        verified: h.verified,
        note,
        hazard: Some(at),
    })
}

pub(crate) fn campaigns(content: &Content, institutions: &[std::sync::Arc<Institution>]) -> Vec<Campaign> {
    content.campaigns.iter().filter_map(|dir| campaign(dir, institutions)).collect()
}

fn campaign(dir: &CampaignDir, institutions: &[std::sync::Arc<Institution>]) -> Option<Campaign> {
    let c = &dir.campaign.as_ref()?.value;
    let issuer = c.institution.value.clone();
    let reference = |r: &str| match r.split_once('/') {
        Some((i, id)) => Ref { institution: i.to_string(), id: id.to_string() },
        None => Ref { institution: issuer.clone(), id: r.to_string() },
    };
    let participants = c
        .participants
        .value
        .iter()
        .map(|p| {
            let (inst, dept) = match p.value.split_once('/') {
                Some((i, d)) => (i, Some(d)),
                None => (p.value.as_str(), None),
            };
            let institution = institutions.iter().find(|i| i.id == inst);
            let name = match (institution, dept) {
                (Some(i), Some(d)) => i.department(d).map_or(d.to_string(), |d| d.name.clone()),
                (Some(i), None) => i.short_name.clone().unwrap_or_else(|| i.name.clone()),
                (None, _) => p.value.clone(),
            };
            Unit { id: p.value.clone(), institution: inst.to_string(), department: dept.map(str::to_string), name }
        })
        .collect();
    let phases = c
        .phases
        .value
        .iter()
        .map(|p| Phase {
            id: p.id.value.clone(),
            name: p.name.clone(),
            start: day(&p.start),
            end: day(&p.end),
            aim: p.aim.clone(),
            tasks: p
                .tasks
                .iter()
                .map(|t| Task {
                    id: t.id.value.clone(),
                    what: t.what.clone(),
                    department: t.department.as_ref().map(|d| reference(&d.value)),
                    person: t.person.as_ref().map(|d| reference(&d.value)),
                    deadline: day(t.deadline.as_ref().unwrap_or(&p.end)),
                    deadline_set: t.deadline.is_some(),
                    deliverable: t.deliverable.clone(),
                    activities: t.activities.clone(),
                })
                .collect(),
        })
        .collect();
    let progress = dir.progress.as_ref().map(|p| &p.value);
    let mut records: Vec<Record> = progress
        .map(|p| {
            p.records
                .iter()
                .map(|r| Record {
                    task: r.task.value.clone(),
                    date: day(&r.date),
                    status: r.status.value,
                    note: r.note.clone(),
                    evidence: r
                        .evidence
                        .iter()
                        .map(|e| Evidence {
                            title: e.title.clone(),
                            file: e.file.as_ref().map(|f| f.value.clone()),
                            url: e.url.as_ref().map(|u| u.value.clone()),
                        })
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    records.sort_by_key(|a| a.date);
    let mut checklist: Vec<Assessment> = progress
        .map(|p| {
            p.checklist
                .iter()
                .map(|a| Assessment {
                    unit: a.unit.value.clone(),
                    date: day(&a.date),
                    items: a.items.iter().map(|(k, v)| (k.clone(), v.value)).collect(),
                    note: a.note.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    checklist.sort_by_key(|a| a.date);
    let issues = dir
        .issues
        .as_ref()
        .map(|l| l.value.iter().filter_map(|i| issue(i, &reference, institutions)).collect())
        .unwrap_or_default();
    Some(Campaign {
        id: dir.id.clone(),
        title: c.title.value.clone(),
        short_title: c.short_title.clone().unwrap_or_else(|| c.title.value.clone()),
        doc_number: c.doc_number.clone(),
        institution: issuer.clone(),
        issued: c.issued.as_ref().map(day),
        page: c.page.as_ref().map(|p| p.value.clone()),
        start: day(&c.start),
        end: day(&c.end),
        motto: c.motto.clone(),
        goal: c.goal.clone(),
        participants,
        goal_items: c
            .goal_items
            .value
            .iter()
            .map(|g| GoalItem {
                id: g.id.value.clone(),
                name: g.name.clone(),
                text: g.text.clone(),
                criteria: g
                    .criteria
                    .iter()
                    .map(|k| Criterion { text: k.text.clone(), target: k.target.clone() })
                    .collect(),
            })
            .collect(),
        phases,
        records,
        checklist,
        issues,
    })
}

/// A date of the content: `check` read every one, and resolve runs only when it found none
/// wrong.
pub(super) fn day(text: &Spanned<String>) -> Date {
    Date::parse(&text.value).expect("check reads every date before resolve")
}

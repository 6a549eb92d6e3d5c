//! A time-boxed campaign (专项行动) in the model: its plan, its participants, its records.

use serde::Serialize;

use crate::date::Date;
use crate::raw::Status;

/// A time-boxed campaign (专项行动): its plan from campaign.yaml, its records from progress.yaml
/// and issues.yaml.
#[derive(Debug, Serialize)]
pub(crate) struct Campaign {
    pub(crate) id: String,
    pub(crate) title: String,
    pub(crate) short_title: String,
    pub(crate) doc_number: Option<String>,
    /// The issuing institution's id.
    pub(crate) institution: String,
    pub(crate) issued: Option<Date>,
    /// Slug of the notice's page.
    pub(crate) page: Option<String>,
    pub(crate) start: Date,
    pub(crate) end: Date,
    pub(crate) motto: Option<String>,
    pub(crate) goal: String,
    pub(crate) participants: Vec<Unit>,
    pub(crate) goal_items: Vec<GoalItem>,
    pub(crate) phases: Vec<Phase>,
    /// Progress records, by date (stable for records of one day).
    pub(crate) records: Vec<Record>,
    /// Assessments of units against goal items, by date.
    pub(crate) checklist: Vec<Assessment>,
    /// 问题清单, in file order.
    pub(crate) issues: Vec<Issue>,
}

/// A participating unit: an institution, or a department of one.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Unit {
    /// As written: `<institution>` or `<institution>/<department>`.
    pub(crate) id: String,
    pub(crate) institution: String,
    pub(crate) department: Option<String>,
    pub(crate) name: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct GoalItem {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) text: String,
    pub(crate) criteria: Vec<Criterion>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Criterion {
    pub(crate) text: String,
    pub(crate) target: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Phase {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) start: Date,
    pub(crate) end: Date,
    pub(crate) aim: Option<String>,
    pub(crate) tasks: Vec<Task>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Task {
    pub(crate) id: String,
    pub(crate) what: String,
    pub(crate) department: Option<Ref>,
    pub(crate) person: Option<Ref>,
    /// The task's own deadline, or the end of its phase.
    pub(crate) deadline: Date,
    /// Whether the deadline was written (else it is the phase's end).
    pub(crate) deadline_set: bool,
    pub(crate) deliverable: Option<String>,
    pub(crate) activities: Vec<String>,
}

/// A department or person of some institution.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Ref {
    pub(crate) institution: String,
    pub(crate) id: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct Record {
    pub(crate) task: String,
    pub(crate) date: Date,
    pub(crate) status: Status,
    pub(crate) note: Option<String>,
    pub(crate) evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Evidence {
    pub(crate) title: String,
    /// Relative to the campaign's content folder.
    pub(crate) file: Option<String>,
    pub(crate) url: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Assessment {
    pub(crate) unit: String,
    pub(crate) date: Date,
    pub(crate) items: std::collections::BTreeMap<String, Status>,
    pub(crate) note: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Issue {
    pub(crate) id: String,
    pub(crate) item: Option<String>,
    pub(crate) found: Date,
    pub(crate) problem: String,
    pub(crate) measure: String,
    pub(crate) department: Ref,
    pub(crate) person: Option<Ref>,
    pub(crate) deadline: Date,
    pub(crate) closed: Option<Date>,
    pub(crate) verified: Option<Date>,
    pub(crate) note: Option<String>,
    /// The hazard of a ledger this issue is, when it names one: the rest is the ledger's.
    pub(crate) hazard: Option<Ref>,
}

impl Campaign {
    pub(crate) fn goal_item(&self, id: &str) -> Option<&GoalItem> {
        self.goal_items.iter().find(|g| g.id == id)
    }
}

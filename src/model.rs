//! Stage 3's result: the resolved model that every renderer reads. Plain data, no positions,
//! every reference already checked; ids are plain strings valid within their institution.

use serde::Serialize;

use crate::raw::{InstitutionKind, OfficerKind, Status};

#[derive(Debug, Serialize)]
pub struct Model {
    pub site: Site,
    pub categories: Vec<Category>,
    pub institutions: Vec<std::sync::Arc<Institution>>,
    pub campaigns: Vec<Campaign>,
    pub pages: Vec<Page>,
}

#[derive(Debug, Serialize)]
pub struct Site {
    pub title: String,
    pub subtitle: Option<String>,
    pub base_url: Option<String>,
    /// Theme override folder, relative to the content root.
    pub theme: String,
    pub footer: Option<String>,
    pub allow_html: bool,
    /// YYYY-MM-DD; the date of record for the build, from the content (never the clock).
    pub as_of: Option<String>,
    pub term_year: Option<u32>,
    /// Pages per part of the search index.
    pub search_part_pages: usize,
}

#[derive(Debug, Serialize)]
pub struct Category {
    pub id: String,
    pub name: String,
    pub title: String,
    pub rank: u32,
    /// Its posts are leadership posts: they sign with the principal.
    pub leadership: bool,
    pub duties: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Institution {
    pub id: String,
    pub name: String,
    pub short_name: Option<String>,
    pub kind: InstitutionKind,
    pub kind_label: &'static str,
    pub parent: Option<String>,
    pub authority: Option<String>,
    pub employees: u32,
    pub hazardous_goods: bool,
    pub doc_number: Option<String>,
    /// Post id of the principal.
    pub principal: Option<String>,
    pub leadership_group: Option<LeadershipGroup>,
    pub safety_management: SafetyManagement,
    pub safety_engineers: Vec<SafetyEngineer>,
    /// In tree order: each department after its parent.
    pub departments: Vec<Department>,
    /// Ordered by department, then head first, then category rank.
    pub posts: Vec<Post>,
    pub people: Vec<Person>,
    /// Responsibility letters to sign (层层签订), in department and post order.
    pub letters: Vec<Letter>,
    /// Where the institution is described (file:line:column), for messages about it.
    pub source: String,
}

/// One responsibility letter: 甲方 (the superior post, represented by its holder) and 乙方.
#[derive(Debug, Clone, Serialize)]
pub struct Letter {
    /// Unique in the institution: `<post>--<person>` of 乙方.
    pub id: String,
    /// 甲方: the superior post and the person who signs for it (None if the post is vacant).
    pub party_a: Party,
    /// 乙方: the post whose duties the letter carries and the person who holds it.
    pub party_b: Party,
    /// The record of its signing on paper, if any.
    pub signed: Option<Signed>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Signed {
    pub date: String,
    /// The verification code printed on the signed paper.
    pub code: String,
    /// A scan of the signed paper, relative to the institution's folder.
    pub scan: Option<String>,
}

impl Letter {
    /// A letter's id from 乙方's post and person. Ids may not contain `--`, so it is unambiguous.
    pub fn id_for(post: &str, person: &str) -> String {
        format!("{post}--{person}")
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Party {
    pub post: String,
    pub person: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct LeadershipGroup {
    pub name: String,
    pub chair: String,
    pub deputy_chairs: Vec<String>,
    pub members: Vec<String>,
    pub office: Option<String>,
    pub meets: Option<String>,
    pub established: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct SafetyManagement {
    /// Department id of the safety management body.
    pub body: Option<String>,
    pub officers: Vec<Officer>,
}

#[derive(Debug, Serialize)]
pub struct Officer {
    pub post: String,
    pub kind: OfficerKind,
}

#[derive(Debug, Serialize)]
pub struct SafetyEngineer {
    pub person: String,
    pub certificate: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Department {
    pub id: String,
    pub name: String,
    pub parent: Option<String>,
    /// Post id of the head.
    pub head: Option<String>,
    /// 0 for top-level departments.
    pub depth: usize,
    pub children: Vec<String>,
    pub posts: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Post {
    pub id: String,
    pub name: String,
    pub department: String,
    pub category: Option<String>,
    pub reports_to: Option<String>,
    pub scope: String,
    pub business_duties: Vec<String>,
    /// The final numbered list: the category's items (some reworded or removed) and the post's own.
    pub duties: Vec<Duty>,
    pub assessment: Vec<String>,
    pub rewards_penalties: Vec<String>,
    /// Person ids, in people.yaml order.
    pub holders: Vec<String>,
    /// Where the post is defined (file:line:column).
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Duty {
    pub number: u32,
    pub text: String,
    pub origin: Origin,
}

/// Where a duty item comes from: shown on cards so that a post's own duties stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Origin {
    /// Item `item` of the post's category, as is.
    Category { item: u32 },
    /// Item `item` of the category, reworded for this post.
    Replaced { item: u32 },
    /// The post's own duty.
    Post,
}

#[derive(Debug, Serialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    pub posts: Vec<String>,
    /// Where the person is listed (file:line:column): names are checked against the fonts.
    pub source: String,
}

#[derive(Debug, Serialize)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub date: Option<String>,
    pub doc_number: Option<String>,
    pub institution: Option<String>,
    pub weight: i32,
    pub markdown: String,
}

/// A time-boxed campaign (专项行动): its plan from campaign.yaml, its records from progress.yaml
/// and issues.yaml. Dates are YYYY-MM-DD strings (checked), so they compare as text.
#[derive(Debug, Serialize)]
pub struct Campaign {
    pub id: String,
    pub title: String,
    pub short_title: String,
    pub doc_number: Option<String>,
    /// The issuing institution's id.
    pub institution: String,
    pub issued: Option<String>,
    /// Slug of the notice's page.
    pub page: Option<String>,
    pub start: String,
    pub end: String,
    pub motto: Option<String>,
    pub goal: String,
    pub participants: Vec<Unit>,
    pub goal_items: Vec<GoalItem>,
    pub phases: Vec<Phase>,
    /// Progress records, by date (stable for records of one day).
    pub records: Vec<Record>,
    /// Assessments of units against goal items, by date.
    pub checklist: Vec<Assessment>,
    /// 问题清单, in file order.
    pub issues: Vec<Issue>,
}

/// A participating unit: an institution, or a department of one.
#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    /// As written: `<institution>` or `<institution>/<department>`.
    pub id: String,
    pub institution: String,
    pub department: Option<String>,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct GoalItem {
    pub id: String,
    pub name: String,
    pub text: String,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Serialize)]
pub struct Criterion {
    pub text: String,
    pub target: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Phase {
    pub id: String,
    pub name: String,
    pub start: String,
    pub end: String,
    pub aim: Option<String>,
    pub tasks: Vec<Task>,
}

#[derive(Debug, Serialize)]
pub struct Task {
    pub id: String,
    pub what: String,
    pub department: Option<Ref>,
    pub person: Option<Ref>,
    /// The task's own deadline, or the end of its phase.
    pub deadline: String,
    /// Whether the deadline was written (else it is the phase's end).
    pub deadline_set: bool,
    pub deliverable: Option<String>,
    pub activities: Vec<String>,
}

/// A department or person of some institution.
#[derive(Debug, Clone, Serialize)]
pub struct Ref {
    pub institution: String,
    pub id: String,
}

#[derive(Debug, Serialize)]
pub struct Record {
    pub task: String,
    pub date: String,
    pub status: Status,
    pub note: Option<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    pub title: String,
    /// Relative to the campaign's content folder.
    pub file: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Assessment {
    pub unit: String,
    pub date: String,
    pub items: std::collections::BTreeMap<String, Status>,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Issue {
    pub id: String,
    pub item: Option<String>,
    pub found: String,
    pub problem: String,
    pub measure: String,
    pub department: Ref,
    pub person: Option<Ref>,
    pub deadline: String,
    pub closed: Option<String>,
    pub verified: Option<String>,
    pub note: Option<String>,
}

impl Model {
    pub fn institution(&self, id: &str) -> Option<&Institution> {
        self.institutions.iter().find(|i| i.id == id).map(|i| &**i)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }
}

impl Institution {
    pub fn post(&self, id: &str) -> Option<&Post> {
        self.posts.iter().find(|p| p.id == id)
    }

    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }
}

impl Campaign {
    pub fn phase_of_task(&self, task: &str) -> Option<(&Phase, &Task)> {
        self.phases.iter().find_map(|p| p.tasks.iter().find(|t| t.id == task).map(|t| (p, t)))
    }

    pub fn goal_item(&self, id: &str) -> Option<&GoalItem> {
        self.goal_items.iter().find(|g| g.id == id)
    }
}

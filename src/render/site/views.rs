//! View structs: what templates see. Kept apart from the model so that the model stays plain
//! data and templates get ready-made links, names and labels (Zola's `ser.rs` habit).

use serde::Serialize;

use crate::model::{Department, Duty, Institution, Model, Origin, Post};
use crate::raw::OfficerKind;
use crate::render::documents::{Document, Kind, Status};
use crate::render::paths;

#[derive(Serialize, Clone)]
pub struct Link {
    pub title: String,
    pub url: String,
}

impl Link {
    pub fn new(title: impl Into<String>, url: String) -> Self {
        Link { title: title.into(), url }
    }
}

#[derive(Serialize)]
pub struct PostRef {
    pub name: String,
    pub url: String,
    pub holders: Vec<Link>,
}

#[derive(Serialize)]
pub struct DutyView {
    pub number: u32,
    pub text: String,
    /// `category`, `replaced` or `post`: a CSS class and a filter for templates.
    pub origin: &'static str,
    pub origin_label: String,
}

/// A printed document as the site shows it: a link to its PDF and its verification code.
#[derive(Serialize, Clone)]
pub struct DocLink {
    pub title: String,
    /// The PDF, when this build printed it.
    pub url: Option<String>,
    pub code: String,
    pub number: Option<String>,
    /// Letters: signed, unsigned, or signed for an older text.
    pub status: Option<Status>,
    /// Letters: the scan of the signed paper, below the site root.
    pub scan: Option<String>,
}

impl DocLink {
    pub fn of(d: &Document, title: impl Into<String>) -> Self {
        DocLink {
            title: title.into(),
            url: d.printed.then(|| d.file.clone()),
            code: d.code.clone(),
            number: d.number.clone(),
            status: d.status.clone(),
            scan: d.scan.as_deref().map(|s| paths::scan(&d.institution, s)),
        }
    }
}

/// How many letters are signed, unsigned, or signed for an older text.
#[derive(Serialize, Default, Clone)]
pub struct Tally {
    pub total: usize,
    pub signed: usize,
    pub unsigned: usize,
    pub outdated: usize,
}

impl Tally {
    pub fn of<'a>(docs: impl Iterator<Item = &'a Document>) -> Self {
        let mut t = Tally::default();
        for d in docs {
            match &d.status {
                Some(Status::Signed { .. }) => t.signed += 1,
                Some(Status::Unsigned) => t.unsigned += 1,
                Some(Status::Outdated { .. }) => t.outdated += 1,
                None => continue,
            }
            t.total += 1;
        }
        t
    }
}

#[derive(Serialize)]
pub struct DepartmentTally {
    pub department: Link,
    pub tally: Tally,
}

/// The signing status (层层签订) of an institution, by department, with names.
#[derive(Serialize)]
pub struct SigningView {
    pub tally: Tally,
    pub departments: Vec<DepartmentTally>,
    pub unsigned: Vec<DocLink>,
    pub outdated: Vec<DocLink>,
}

#[derive(Serialize)]
pub struct Card {
    pub name: String,
    /// The card's PDF, when PDFs were made.
    pub pdf: Option<DocLink>,
    /// Letters carrying this post's duties, one per holder.
    pub letters: Vec<DocLink>,
    pub url: String,
    pub institution: Link,
    pub department: Link,
    pub category: Option<String>,
    pub reports_to: Option<PostRef>,
    pub holders: Vec<Link>,
    pub scope: String,
    pub business_duties: Vec<String>,
    pub duties: Vec<DutyView>,
    pub own_duties: usize,
    pub assessment: Vec<String>,
    pub rewards_penalties: Vec<String>,
}

#[derive(Serialize)]
pub struct InstitutionSummary {
    pub name: String,
    pub url: String,
    pub kind_label: &'static str,
    pub employees: u32,
    pub parent: Option<Link>,
    pub departments: usize,
    pub posts: usize,
    pub people: usize,
    pub duties: usize,
    /// Letters of the institution by status (when PDFs were made).
    pub signing: Tally,
}

#[derive(Serialize)]
pub struct DepartmentRow {
    pub link: Link,
    pub depth: usize,
    pub head: Option<PostRef>,
    pub posts: usize,
}

#[derive(Serialize)]
pub struct Officer {
    pub post: PostRef,
    pub kind_label: &'static str,
}

#[derive(Serialize)]
pub struct Engineer {
    pub person: Link,
    pub certificate: Option<String>,
}

#[derive(Serialize)]
pub struct Group {
    pub name: String,
    pub chair: PostRef,
    pub deputy_chairs: Vec<PostRef>,
    pub members: Vec<PostRef>,
    pub office: Option<Link>,
    pub meets: Option<String>,
    pub established: Option<String>,
}

#[derive(Serialize)]
pub struct InstitutionView {
    pub summary: InstitutionSummary,
    /// Combined files for printing (all cards, all letters), when PDFs were made.
    pub batches: Vec<Link>,
    pub signing: SigningView,
    pub short_name: Option<String>,
    pub authority: Option<String>,
    pub hazardous_goods: bool,
    pub principal: Option<PostRef>,
    pub group: Option<Group>,
    pub body: Option<Link>,
    pub officers: Vec<Officer>,
    pub engineers: Vec<Engineer>,
    pub departments: Vec<DepartmentRow>,
    pub members: Vec<Link>,
    pub display_url: String,
}

#[derive(Serialize)]
pub struct DepartmentView {
    pub name: String,
    pub institution: Link,
    pub parent: Option<Link>,
    pub children: Vec<Link>,
    pub head: Option<PostRef>,
    pub posts: Vec<PostRef>,
}

#[derive(Serialize)]
pub struct PersonPost {
    pub post: PostRef,
    pub department: Link,
    /// The post's full card: a person's page shows every duty they answer for.
    pub card: Card,
}

#[derive(Serialize)]
pub struct PersonView {
    pub name: String,
    /// The letters this person signs as 乙方.
    pub letters: Vec<DocLink>,
    /// Professional title (职称); not `title`, which every page has for its own title.
    pub job_title: Option<String>,
    pub institution: Link,
    pub posts: Vec<PersonPost>,
}

#[derive(Serialize)]
pub struct DisplaySection {
    pub department: String,
    pub depth: usize,
    pub cards: Vec<Card>,
}

/// Views over one institution of the model.
pub struct InstView<'a> {
    pub model: &'a Model,
    pub inst: &'a Institution,
    /// The institution's printed documents.
    pub documents: Vec<&'a Document>,
}

impl<'a> InstView<'a> {
    /// `docs`: every institution's documents, by institution id.
    pub fn new(
        model: &'a Model,
        inst: &'a Institution,
        docs: &std::collections::HashMap<&str, Vec<&'a Document>>,
    ) -> Self {
        InstView { model, inst, documents: docs.get(inst.id.as_str()).cloned().unwrap_or_default() }
    }

    fn letters_of(&self, post: Option<&str>, person: Option<&str>) -> Vec<DocLink> {
        self.documents
            .iter()
            .filter(|d| d.kind == Kind::Letter)
            .filter(|d| post.is_none_or(|p| d.post == p) && person.is_none_or(|p| d.person.as_deref() == Some(p)))
            .map(|d| {
                let who = d.person.as_deref().and_then(|p| self.inst.person(p)).map_or("", |p| p.name.as_str());
                let post = self.inst.post(&d.post).map_or("", |p| p.name.as_str());
                DocLink::of(d, format!("安全生产责任书（{post}　{who}）"))
            })
            .collect()
    }

    pub fn link(&self) -> Link {
        Link::new(self.inst.name.clone(), paths::institution(&self.inst.id))
    }

    pub fn post_ref(&self, post_id: &str) -> Option<PostRef> {
        let post = self.inst.post(post_id)?;
        Some(PostRef {
            name: post.name.clone(),
            url: paths::post(&self.inst.id, &post.id),
            holders: self.holders(post),
        })
    }

    fn post_refs(&self, ids: &[String]) -> Vec<PostRef> {
        ids.iter().filter_map(|id| self.post_ref(id)).collect()
    }

    pub fn holders(&self, post: &Post) -> Vec<Link> {
        post.holders
            .iter()
            .filter_map(|h| self.inst.person(h))
            .map(|p| Link::new(p.name.clone(), paths::person(&self.inst.id, &p.id)))
            .collect()
    }

    pub fn department_link(&self, d: &Department) -> Link {
        Link::new(d.name.clone(), paths::department(&self.inst.id, &d.id))
    }

    fn department_link_by_id(&self, id: &str) -> Option<Link> {
        self.inst.department(id).map(|d| self.department_link(d))
    }

    pub fn summary(&self) -> InstitutionSummary {
        let i = self.inst;
        InstitutionSummary {
            name: i.name.clone(),
            url: paths::institution(&i.id),
            kind_label: i.kind_label,
            employees: i.employees,
            parent: i
                .parent
                .as_deref()
                .and_then(|p| self.model.institution(p))
                .map(|p| Link::new(p.name.clone(), paths::institution(&p.id))),
            departments: i.departments.len(),
            posts: i.posts.len(),
            people: i.people.len(),
            duties: i.posts.iter().map(|p| p.duties.len()).sum(),
            signing: Tally::of(self.documents.iter().copied()),
        }
    }

    pub fn view(&self) -> InstitutionView {
        let i = self.inst;
        let batch = |name: &str, title: &str| {
            let file = paths::combined(&i.id, name);
            self.documents
                .iter()
                .any(|d| d.printed && paths::is_combined_in(&d.file, &i.id, name))
                .then(|| Link::new(title, file))
        };
        InstitutionView {
            summary: self.summary(),
            batches: [
                batch("cards", "全部岗位安全生产责任清单（合订，PDF）"),
                batch("letters", "全部安全生产责任书（合订，PDF）"),
            ]
            .into_iter()
            .flatten()
            .collect(),
            signing: self.signing(),
            short_name: i.short_name.clone(),
            authority: i.authority.clone(),
            hazardous_goods: i.hazardous_goods,
            principal: i.principal.as_deref().and_then(|p| self.post_ref(p)),
            group: i.leadership_group.as_ref().and_then(|g| {
                Some(Group {
                    name: g.name.clone(),
                    chair: self.post_ref(&g.chair)?,
                    deputy_chairs: self.post_refs(&g.deputy_chairs),
                    members: self.post_refs(&g.members),
                    office: g.office.as_deref().and_then(|o| self.department_link_by_id(o)),
                    meets: g.meets.clone(),
                    established: g.established.clone(),
                })
            }),
            body: i.safety_management.body.as_deref().and_then(|b| self.department_link_by_id(b)),
            officers: i
                .safety_management
                .officers
                .iter()
                .filter_map(|o| {
                    Some(Officer {
                        post: self.post_ref(&o.post)?,
                        kind_label: match o.kind {
                            OfficerKind::FullTime => "专职",
                            OfficerKind::PartTime => "兼职",
                        },
                    })
                })
                .collect(),
            engineers: i
                .safety_engineers
                .iter()
                .filter_map(|e| {
                    let p = i.person(&e.person)?;
                    Some(Engineer {
                        person: Link::new(p.name.clone(), paths::person(&i.id, &p.id)),
                        certificate: e.certificate.clone(),
                    })
                })
                .collect(),
            departments: i
                .departments
                .iter()
                .map(|d| DepartmentRow {
                    link: self.department_link(d),
                    depth: d.depth,
                    head: d.head.as_deref().and_then(|h| self.post_ref(h)),
                    posts: d.posts.len(),
                })
                .collect(),
            members: self
                .model
                .institutions
                .iter()
                .filter(|m| m.parent.as_deref() == Some(i.id.as_str()))
                .map(|m| Link::new(m.name.clone(), paths::institution(&m.id)))
                .collect(),
            display_url: paths::display(&i.id),
        }
    }

    fn letter_link(&self, d: &Document) -> DocLink {
        let who = d.person.as_deref().and_then(|p| self.inst.person(p)).map_or("", |p| p.name.as_str());
        let post = self.inst.post(&d.post).map_or("", |p| p.name.as_str());
        DocLink::of(d, format!("{who}（{post}）"))
    }

    pub fn signing(&self) -> SigningView {
        let letters = || self.documents.iter().copied().filter(|d| d.kind == Kind::Letter);
        SigningView {
            tally: Tally::of(letters()),
            departments: self
                .inst
                .departments
                .iter()
                .map(|dep| DepartmentTally {
                    department: self.department_link(dep),
                    tally: Tally::of(letters().filter(|d| d.department == dep.id)),
                })
                .filter(|t| t.tally.total > 0)
                .collect(),
            unsigned: letters().filter(|d| d.status == Some(Status::Unsigned)).map(|d| self.letter_link(d)).collect(),
            outdated: letters()
                .filter(|d| matches!(d.status, Some(Status::Outdated { .. })))
                .map(|d| self.letter_link(d))
                .collect(),
        }
    }

    pub fn department(&self, d: &Department) -> DepartmentView {
        DepartmentView {
            name: d.name.clone(),
            institution: self.link(),
            parent: d.parent.as_deref().and_then(|p| self.department_link_by_id(p)),
            children: d.children.iter().filter_map(|c| self.department_link_by_id(c)).collect(),
            head: d.head.as_deref().and_then(|h| self.post_ref(h)),
            posts: self.post_refs(&d.posts),
        }
    }

    pub fn card(&self, post: &Post) -> Card {
        let category = post.category.as_deref().and_then(|c| self.model.category(c));
        Card {
            name: post.name.clone(),
            pdf: self
                .documents
                .iter()
                .find(|d| d.kind == Kind::Card && d.post == post.id)
                .map(|d| DocLink::of(d, "岗位安全生产责任清单（PDF）")),
            letters: self.letters_of(Some(&post.id), None),
            url: paths::post(&self.inst.id, &post.id),
            institution: self.link(),
            department: self
                .department_link_by_id(&post.department)
                .unwrap_or_else(|| Link::new(post.department.clone(), String::new())),
            category: category.map(|c| c.name.clone()),
            reports_to: post.reports_to.as_deref().and_then(|r| self.post_ref(r)),
            holders: self.holders(post),
            scope: post.scope.clone(),
            business_duties: post.business_duties.clone(),
            duties: post.duties.iter().map(duty_view).collect(),
            own_duties: post.duties.iter().filter(|d| d.origin == Origin::Post).count(),
            assessment: post.assessment.clone(),
            rewards_penalties: post.rewards_penalties.clone(),
        }
    }

    pub fn person(&self, person: &crate::model::Person) -> PersonView {
        PersonView {
            name: person.name.clone(),
            letters: self.letters_of(None, Some(&person.id)),
            job_title: person.title.clone(),
            institution: self.link(),
            posts: person
                .posts
                .iter()
                .filter_map(|id| {
                    let post = self.inst.post(id)?;
                    Some(PersonPost {
                        post: self.post_ref(id)?,
                        department: self.department_link_by_id(&post.department)?,
                        card: self.card(post),
                    })
                })
                .collect(),
        }
    }

    pub fn display(&self) -> Vec<DisplaySection> {
        self.inst
            .departments
            .iter()
            .filter(|d| !d.posts.is_empty())
            .map(|d| DisplaySection {
                department: d.name.clone(),
                depth: d.depth,
                cards: d.posts.iter().filter_map(|p| self.inst.post(p)).map(|p| self.card(p)).collect(),
            })
            .collect()
    }
}

fn duty_view(d: &Duty) -> DutyView {
    let (origin, origin_label) = match d.origin {
        Origin::Category { item } => ("category", format!("岗位类别职责第{item}条")),
        Origin::Replaced { item } => ("replaced", format!("据岗位类别职责第{item}条修订")),
        Origin::Post => ("post", "本岗位职责".to_string()),
    };
    DutyView { number: d.number, text: d.text.clone(), origin, origin_label }
}

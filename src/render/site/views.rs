//! View structs: what templates see. Kept apart from the model so that the model stays plain
//! data and templates get ready-made links, names and labels (Zola's `ser.rs` habit).

use serde::Serialize;

use crate::date::Date;
use crate::model::{Department, Duty, Institution, Model, Origin, Post};
use crate::raw::OfficerKind;
use crate::render::cards::PostText;
use crate::render::documents::{Document, Kind, Status};
use crate::render::paths;
use crate::render::risk_cards;

#[derive(Serialize, Clone)]
pub(crate) struct Link {
    pub(crate) title: String,
    pub(crate) url: String,
}

impl Link {
    pub(crate) fn new(title: impl Into<String>, url: String) -> Self {
        Link { title: title.into(), url }
    }
}

#[derive(Serialize)]
pub(crate) struct PostRef {
    pub(crate) name: String,
    pub(crate) url: String,
    pub(crate) holders: Vec<Link>,
}

#[derive(Serialize)]
pub(crate) struct DutyView {
    pub(crate) number: u32,
    pub(crate) text: String,
    /// `category`, `replaced` or `post`: a CSS class and a filter for templates.
    pub(crate) origin: &'static str,
    pub(crate) origin_label: String,
}

/// A printed document as the site shows it: a link to its PDF and its verification code.
#[derive(Serialize, Clone)]
pub(crate) struct DocLink {
    pub(crate) title: String,
    /// The PDF, when this build printed it.
    pub(crate) url: Option<String>,
    pub(crate) code: String,
    pub(crate) number: Option<String>,
    /// Letters: signed, unsigned, or signed for an older text.
    pub(crate) status: Option<Status>,
    /// Letters: the scan of the signed paper, below the site root.
    pub(crate) scan: Option<String>,
    /// Letters: 甲方 and 乙方, each what it binds and who signs for it.
    pub(crate) parties: Option<[String; 2]>,
    /// The Chinese file name it is saved under.
    pub(crate) download: String,
}

impl DocLink {
    pub(crate) fn of(d: &Document, title: impl Into<String>) -> Self {
        DocLink {
            title: title.into(),
            url: d.printed.then(|| d.file.clone()),
            code: d.code.clone(),
            number: d.number.clone(),
            status: d.status.clone(),
            scan: d.scan.as_deref().map(|s| paths::scan(&d.institution, s)),
            parties: d.parties.clone(),
            download: d.download.clone(),
        }
    }
}

/// How many letters are signed, unsigned, or signed for an older text.
#[derive(Serialize, Default, Clone)]
pub(crate) struct Tally {
    pub(crate) total: usize,
    pub(crate) signed: usize,
    pub(crate) unsigned: usize,
    pub(crate) outdated: usize,
}

impl Tally {
    pub(crate) fn of<'a>(docs: impl Iterator<Item = &'a Document>) -> Self {
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
pub(crate) struct DepartmentTally {
    pub(crate) department: Link,
    pub(crate) tally: Tally,
}

/// The signing status (层层签订) of an institution, by department, with names.
#[derive(Serialize)]
pub(crate) struct SigningView {
    pub(crate) tally: Tally,
    pub(crate) departments: Vec<DepartmentTally>,
    pub(crate) unsigned: Vec<DocLink>,
    pub(crate) outdated: Vec<DocLink>,
}

#[derive(Serialize)]
pub(crate) struct Card<'a> {
    pub(crate) name: String,
    /// The card's PDF, when PDFs were made.
    pub(crate) pdf: Option<DocLink>,
    /// Letters carrying this post's duties, one per holder.
    pub(crate) letters: Vec<DocLink>,
    /// The post's risk notice card, when it lists risks, and where each holder's confirmation
    /// stands (岗位安全风险确认).
    pub(crate) risk_card: Option<DocLink>,
    pub(crate) confirmations: Vec<(Link, Status)>,
    pub(crate) url: String,
    pub(crate) institution: Link,
    pub(crate) department: Link,
    pub(crate) category: Option<Link>,
    pub(crate) reports_to: Option<PostRef>,
    /// The departments a leader supervises (分管).
    pub(crate) supervises: Vec<Link>,
    pub(crate) holders: Vec<Link>,
    pub(crate) duties: Vec<DutyView>,
    pub(crate) own_duties: usize,
    /// The assessment and the rewards and penalties are the category's as they are: searched
    /// on the category's page, not on each of its posts.
    pub(crate) category_assessment: bool,
    pub(crate) category_rewards: bool,
    /// The hazard ledger, where the card's inspections are shown as kept.
    pub(crate) ledger: String,
    /// Scope, business duties, assessment, rewards and penalties: as the PDFs print them.
    #[serde(flatten)]
    pub(crate) text: PostText<'a>,
}

#[derive(Serialize)]
pub(crate) struct InstitutionSummary {
    pub(crate) name: String,
    pub(crate) url: String,
    pub(crate) kind_label: &'static str,
    pub(crate) employees: u32,
    pub(crate) parent: Option<Link>,
    /// The supervising authority by name, when it is not in the content.
    pub(crate) authority: Option<String>,
    pub(crate) departments: usize,
    pub(crate) posts: usize,
    pub(crate) people: usize,
    pub(crate) duties: usize,
    /// Letters of the institution by status (when PDFs were made).
    pub(crate) signing: Tally,
}

#[derive(Serialize)]
pub(crate) struct DepartmentRow {
    pub(crate) link: Link,
    pub(crate) depth: usize,
    pub(crate) head: Option<PostRef>,
    /// The leader who supervises it (分管).
    pub(crate) supervisor: Option<PostRef>,
    pub(crate) posts: usize,
}

#[derive(Serialize)]
pub(crate) struct Officer {
    pub(crate) post: PostRef,
    pub(crate) kind_label: &'static str,
}

#[derive(Serialize)]
pub(crate) struct Engineer {
    pub(crate) person: Link,
    pub(crate) certificate: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct Group {
    pub(crate) name: String,
    /// 安全生产委员会 or 安全生产领导小组, and the titles of its roles and office.
    pub(crate) kind: &'static str,
    pub(crate) titles: GroupTitles,
    pub(crate) duties: Vec<String>,
    pub(crate) chair: PostRef,
    pub(crate) deputy_chairs: Vec<PostRef>,
    pub(crate) members: Vec<PostRef>,
    pub(crate) office: Option<Link>,
    pub(crate) meets: Option<String>,
    pub(crate) established: Option<Date>,
}

/// What a body calls its chair, deputies, members and office: a committee (委员会) has a
/// 主任, a group (领导小组) a 组长.
#[derive(Serialize)]
pub(crate) struct GroupTitles {
    pub(crate) chair: &'static str,
    pub(crate) deputy: &'static str,
    pub(crate) member: &'static str,
    pub(crate) office: &'static str,
}

impl GroupTitles {
    fn of(committee: bool) -> Self {
        match committee {
            true => {
                GroupTitles { chair: "主任", deputy: "副主任", member: "委员", office: "委员会办公室" }
            }
            false => {
                GroupTitles { chair: "组长", deputy: "副组长", member: "成员", office: "领导小组办公室" }
            }
        }
    }
}

#[derive(Serialize)]
pub(crate) struct InstitutionView {
    pub(crate) summary: InstitutionSummary,
    /// Combined files for printing (all cards, all letters), when PDFs were made.
    pub(crate) batches: Vec<Link>,
    pub(crate) signing: SigningView,
    pub(crate) short_name: Option<String>,
    pub(crate) authority: Option<String>,
    pub(crate) hazardous_goods: bool,
    pub(crate) principal: Option<PostRef>,
    pub(crate) group: Option<Group>,
    pub(crate) body: Option<Link>,
    pub(crate) officers: Vec<Officer>,
    pub(crate) engineers: Vec<Engineer>,
    pub(crate) departments: Vec<DepartmentRow>,
    pub(crate) members: Vec<Link>,
    pub(crate) display_url: String,
}

#[derive(Serialize)]
pub(crate) struct DepartmentView {
    pub(crate) name: String,
    pub(crate) institution: Link,
    pub(crate) parent: Option<Link>,
    pub(crate) children: Vec<Link>,
    pub(crate) head: Option<PostRef>,
    pub(crate) supervisor: Option<PostRef>,
    /// The department's own duties, for the area or business it runs.
    pub(crate) duties: Vec<String>,
    pub(crate) posts: Vec<PostRef>,
    /// The department's 签订台账 (PDF), when its people sign letters and it is printed.
    pub(crate) register: Option<DocLink>,
    /// Its printed display (公示), for its noticeboard.
    pub(crate) display: Option<DocLink>,
}

#[derive(Serialize)]
pub(crate) struct PersonPost<'a> {
    pub(crate) post: PostRef,
    pub(crate) department: Link,
    /// The post's full card: a person's page shows every duty they answer for.
    pub(crate) card: Card<'a>,
    /// The card as `partials/card.html` renders it, the same on each holder's page.
    pub(crate) card_html: std::sync::Arc<str>,
}

#[derive(Serialize)]
pub(crate) struct PersonView<'a> {
    pub(crate) name: String,
    /// The letters this person signs as 乙方.
    pub(crate) letters: Vec<DocLink>,
    /// Professional title (职称); not `title`, which every page has for its own title.
    pub(crate) job_title: Option<String>,
    pub(crate) institution: Link,
    pub(crate) posts: Vec<PersonPost<'a>>,
}

#[derive(Serialize)]
pub(crate) struct DisplaySection<'a> {
    pub(crate) department: String,
    pub(crate) depth: usize,
    /// The department's own duties.
    pub(crate) duties: Vec<String>,
    pub(crate) cards: Vec<Card<'a>>,
}

/// Views over one institution of the model.
pub(crate) struct InstView<'a> {
    pub(crate) model: &'a Model,
    pub(crate) inst: &'a Institution,
    /// The institution's printed documents.
    pub(crate) documents: Vec<&'a Document>,
}

impl<'a> InstView<'a> {
    /// `docs`: every institution's documents, by institution id.
    pub(crate) fn new(
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
                DocLink::of(d, format!("{}：{post}　{who}", d.heading))
            })
            .collect()
    }

    pub(crate) fn link(&self) -> Link {
        Link::new(self.inst.name.clone(), paths::institution(&self.inst.id))
    }

    pub(crate) fn post_ref(&self, post_id: &str) -> Option<PostRef> {
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

    pub(crate) fn holders(&self, post: &Post) -> Vec<Link> {
        post.holders.iter().map(|h| self.person_link(h)).collect()
    }

    /// A person's name and page (the id as it is, for one not listed: check reports it).
    fn person_link(&self, id: &str) -> Link {
        let name = self.inst.person(id).map_or(id, |p| p.name.as_str());
        Link::new(name.to_string(), paths::person(&self.inst.id, id))
    }

    pub(crate) fn department_link(&self, d: &Department) -> Link {
        Link::new(d.name.clone(), paths::department(&self.inst.id, &d.id))
    }

    fn department_link_by_id(&self, id: &str) -> Option<Link> {
        self.inst.department(id).map(|d| self.department_link(d))
    }

    pub(crate) fn summary(&self) -> InstitutionSummary {
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
            authority: i.authority.clone(),
            departments: i.departments.len(),
            posts: i.posts.len(),
            people: i.people.len(),
            duties: i.posts.iter().map(|p| p.duties.len()).sum(),
            signing: Tally::of(self.documents.iter().copied()),
        }
    }

    /// The safety committee or leadership group, with its duties.
    pub(crate) fn group(&self) -> Option<Group> {
        self.inst.leadership_group.as_ref().and_then(|g| {
            Some(Group {
                name: g.name.clone(),
                kind: if g.committee { "安全生产委员会" } else { "安全生产领导小组" },
                titles: GroupTitles::of(g.committee),
                duties: g.duties.clone(),
                chair: self.post_ref(&g.chair)?,
                deputy_chairs: self.post_refs(&g.deputy_chairs),
                members: self.post_refs(&g.members),
                office: g.office.as_deref().and_then(|o| self.department_link_by_id(o)),
                meets: g.meets.clone(),
                established: g.established,
            })
        })
    }

    pub(crate) fn view(&self) -> InstitutionView {
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
                batch("risk-cards", "全部岗位安全风险告知卡（合订，PDF）"),
                batch("registers", "各科室责任书签订台账（合订，PDF）"),
            ]
            .into_iter()
            .flatten()
            .collect(),
            signing: self.signing(),
            short_name: i.short_name.clone(),
            authority: i.authority.clone(),
            hazardous_goods: i.hazardous_goods,
            principal: i.principal.as_deref().and_then(|p| self.post_ref(p)),
            group: self.group(),
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
                    supervisor: d.supervisor.as_deref().and_then(|s| self.post_ref(s)),
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
        DocLink::of(d, format!("{who}　{post}"))
    }

    pub(crate) fn signing(&self) -> SigningView {
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

    pub(crate) fn department(&self, d: &Department) -> DepartmentView {
        DepartmentView {
            name: d.name.clone(),
            institution: self.link(),
            parent: d.parent.as_deref().and_then(|p| self.department_link_by_id(p)),
            children: d.children.iter().filter_map(|c| self.department_link_by_id(c)).collect(),
            head: d.head.as_deref().and_then(|h| self.post_ref(h)),
            supervisor: d.supervisor.as_deref().and_then(|s| self.post_ref(s)),
            duties: d.duties.clone(),
            posts: self.post_refs(&d.posts),
            register: self
                .documents
                .iter()
                .find(|x| x.kind == Kind::Register && x.department == d.id && x.printed)
                .map(|x| DocLink::of(x, "本部门责任书签订台账（PDF）")),
            display: self
                .documents
                .iter()
                .find(|x| x.kind == Kind::Display && x.department == d.id && x.printed)
                .map(|x| DocLink::of(x, "本部门安全生产责任公示（PDF）")),
        }
    }

    pub(crate) fn card(&self, post: &'a Post) -> Card<'a> {
        let category = post.category.as_deref().and_then(|c| self.model.category(c));
        let risk_card = self.documents.iter().find(|d| d.kind == Kind::RiskCard && d.post == post.id);
        Card {
            name: post.name.clone(),
            pdf: self
                .documents
                .iter()
                .find(|d| d.kind == Kind::Card && d.post == post.id)
                .map(|d| DocLink::of(d, "岗位安全生产责任清单（PDF）")),
            letters: self.letters_of(Some(&post.id), None),
            risk_card: risk_card.map(|d| DocLink::of(d, "岗位安全风险告知卡（PDF）")),
            confirmations: risk_card
                .map(|d| risk_cards::confirmations(post, &d.code))
                .unwrap_or_default()
                .into_iter()
                .map(|(h, s)| (self.person_link(h), s))
                .collect(),
            url: paths::post(&self.inst.id, &post.id),
            institution: self.link(),
            department: self
                .department_link_by_id(&post.department)
                .unwrap_or_else(|| Link::new(post.department.clone(), String::new())),
            category: category.map(|c| Link::new(c.name.clone(), paths::category(&c.id))),
            reports_to: post.reports_to.as_deref().and_then(|r| self.post_ref(r)),
            supervises: post.supervises.iter().filter_map(|d| self.department_link_by_id(d)).collect(),
            holders: self.holders(post),
            duties: post.duties.iter().map(duty_view).collect(),
            own_duties: post.duties.iter().filter(|d| d.origin == Origin::Post).count(),
            category_assessment: category.is_some_and(|c| !c.assessment.is_empty() && c.assessment == post.assessment),
            category_rewards: category
                .is_some_and(|c| !c.rewards_penalties.is_empty() && c.rewards_penalties == post.rewards_penalties),
            ledger: paths::hazards(&self.inst.id),
            text: PostText::of(self.model, self.inst, post),
        }
    }

    /// `card_html`: a post's card as its holders' pages show it.
    pub(crate) fn person(
        &self,
        person: &crate::model::Person,
        card_html: impl Fn(&str) -> Option<std::sync::Arc<str>>,
    ) -> PersonView<'a> {
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
                        card_html: card_html(id).unwrap_or_default(),
                    })
                })
                .collect(),
        }
    }

    pub(crate) fn display(&self) -> Vec<DisplaySection<'a>> {
        self.inst
            .departments
            .iter()
            .filter(|d| !d.posts.is_empty() || !d.duties.is_empty())
            .map(|d| DisplaySection {
                department: d.name.clone(),
                depth: d.depth,
                duties: d.duties.clone(),
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

//! Duty cards (岗位安全生产责任清单) and responsibility letters (安全生产责任书) of an
//! institution: their texts from the theme's templates, their numbers, codes and signing status.

use serde::Serialize;

use super::document::{Document, Kind, Status, blocks, code, render};
use super::paths;
use super::theme::Theme;
use crate::error::{Error, Result};
use crate::model::{Institution, Letter, Level, Model, Party, Post, Risk, SignsFor};
use crate::raw::RiskGrade;
use crate::t;

/// The cards and letters of one institution (those asked for), with their texts.
pub(super) fn institution(
    model: &Model,
    theme: &Theme,
    inst: &Institution,
    cards: bool,
    letters: bool,
) -> Result<Vec<Document>> {
    let year = model.site.term_year.map_or_else(|| "　　".to_string(), |y| y.to_string());
    let tera = &theme.tera;
    let posts = if cards { &inst.posts[..] } else { &[] };
    let cards = posts.iter().enumerate().map(|(n, post)| card(tera, model, inst, post, n + 1));
    let signed = if letters { &inst.letters[..] } else { &[] };
    let letters = signed.iter().enumerate().map(|(n, letter)| letter_doc(tera, model, inst, letter, n + 1, &year));
    cards.chain(letters).collect()
}

/// What a post's card and letters print of its duties: the site's card shows the same (see
/// `site::views::Card`), so a new field of a post is added here once.
#[derive(Serialize)]
pub(crate) struct PostText<'a> {
    pub(crate) scope: &'a str,
    pub(crate) business_duties: &'a [String],
    pub(crate) assessment: &'a [String],
    pub(crate) rewards_penalties: &'a [String],
    /// Where the category's duties come from, when not from the guidance's annex.
    pub(crate) basis: Option<&'a str>,
    /// The post's risks (岗位安全风险清单), most severe first.
    pub(crate) risks: Vec<RiskView<'a>>,
    /// What the post inspects, from the institution's checklist (隐患排查清单).
    pub(crate) inspects: Vec<InspectView<'a>>,
}

/// A checklist item as the card of the post that inspects it shows it.
#[derive(Serialize)]
pub(crate) struct InspectView<'a> {
    pub(crate) id: &'a str,
    pub(crate) content: &'a str,
    pub(crate) standard: Option<&'a str>,
    pub(crate) frequency: &'static str,
    pub(crate) level: &'static str,
}

impl<'a> PostText<'a> {
    pub(crate) fn of(model: &'a Model, inst: &'a Institution, post: &'a Post) -> Self {
        let category = post.category.as_deref().and_then(|c| model.category(c));
        PostText {
            basis: category.and_then(|c| c.basis.as_deref()),
            scope: &post.scope,
            business_duties: &post.business_duties,
            assessment: &post.assessment,
            rewards_penalties: &post.rewards_penalties,
            risks: post.risks.iter().map(|r| RiskView::of(inst, post, r)).collect(),
            inspects: inst
                .checklist
                .iter()
                .filter(|c| c.post == post.id)
                .map(|c| InspectView {
                    id: &c.id,
                    content: &c.content,
                    standard: c.standard.as_deref(),
                    frequency: c.frequency.label(),
                    level: c.level.label(),
                })
                .collect(),
        }
    }
}

/// A risk as cards, the risk register and 告知卡 show it.
#[derive(Serialize)]
pub(crate) struct RiskView<'a> {
    pub(crate) area: &'static str,
    pub(crate) hazard: &'a str,
    pub(crate) consequence: &'a str,
    /// `L×S=R` or `L×E×C=D`, as the numbers were written.
    pub(crate) score: String,
    /// major, significant, general or low (the colour's class).
    pub(crate) grade: RiskGrade,
    pub(crate) grade_label: &'static str,
    pub(crate) colour: &'static str,
    pub(crate) control_level: &'static str,
    /// (组织措施, …) with their measures, the empty ones left out.
    pub(crate) controls: Vec<(&'static str, &'a [String])>,
    pub(crate) occupational: &'a [String],
    pub(crate) ppe: &'a [String],
    /// The post that controls it, when not the post itself.
    pub(crate) owner: Option<&'a str>,
    pub(crate) owner_id: &'a str,
}

impl<'a> RiskView<'a> {
    pub(crate) fn of(inst: &'a Institution, post: &'a Post, r: &'a Risk) -> Self {
        let number = |x: f64| if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x}") };
        let factors: Vec<String> = r.factors.iter().map(|f| number(*f)).collect();
        RiskView {
            area: r.area.label(),
            hazard: &r.hazard,
            consequence: &r.consequence,
            score: format!("{}={}", factors.join("×"), number(r.score)),
            grade: r.grade,
            grade_label: r.grade.label(),
            colour: r.grade.colour(),
            control_level: inst.risk_standard.control(r.grade).label(),
            controls: [
                ("组织措施", &r.organisation[..]),
                ("制度措施", &r.rules[..]),
                ("技术措施", &r.technical[..]),
                ("应急措施", &r.emergency[..]),
            ]
            .into_iter()
            .filter(|(_, m)| !m.is_empty())
            .collect(),
            occupational: &r.occupational,
            ppe: &r.ppe,
            owner: (r.owner != post.id).then(|| inst.post(&r.owner).map_or(r.owner.as_str(), |p| p.name.as_str())),
            owner_id: &r.owner,
        }
    }
}

/// What `pdf/card.md` sees.
#[derive(Serialize)]
struct CardView<'a> {
    institution: &'a str,
    department: &'a str,
    post: &'a str,
    category: Option<&'a str>,
    holders: Vec<&'a str>,
    reports_to: Option<&'a str>,
    duties: Vec<&'a str>,
    #[serde(flatten)]
    text: PostText<'a>,
}

/// What `pdf/letter.md` sees.
#[derive(Serialize)]
struct LetterView<'a> {
    /// 安全生产目标责任书 between a commission and a member, else 安全生产责任书.
    title: &'static str,
    /// The level of 层层签订 (`commission`, `leadership`, `department`, `sub-unit`, `post`).
    level: Level,
    institution: &'a str,
    year: &'a str,
    party_a: PartyView<'a>,
    party_b: PartyView<'a>,
    /// When 乙方 signs for a unit, the unit's own duties, which the letter binds beside its
    /// head's: a department's, or, for an institution, its safety committee's.
    unit_duties: Option<UnitDuties<'a>>,
    duties: Vec<&'a str>,
    #[serde(flatten)]
    text: PostText<'a>,
}

/// A unit's own duties, under their heading (外科安全生产职责, 乌审旗人民医院安全生产委员会职责).
#[derive(Serialize)]
struct UnitDuties<'a> {
    title: String,
    items: &'a [String],
}

/// A party as a letter names it: what it binds and who signs for it.
#[derive(Serialize)]
struct PartyView<'a> {
    /// The institution or department it binds ("" for a person signing for their post).
    unit: &'a str,
    /// What stamps it: 单位 or 科室 ("" for a person, who has no seal).
    seal: &'static str,
    /// The signer's post and name (the name is "" while the post is vacant).
    post: &'a str,
    person: &'a str,
    /// The department of the signer's post.
    department: &'a str,
}

impl<'a> PartyView<'a> {
    fn of(model: &'a Model, party: &'a Party) -> Self {
        let inst = model.institution(&party.institution);
        let post = inst.and_then(|i| i.post(&party.post));
        let department = post.and_then(|p| inst?.department(&p.department)).map_or("", |d| d.name.as_str());
        let (unit, seal) = match &party.signs_for {
            SignsFor::Institution => (inst.map_or("", |i| i.name.as_str()), "单位"),
            SignsFor::Department(d) => (inst.and_then(|i| i.department(d)).map_or("", |d| d.name.as_str()), "科室"),
            SignsFor::Person => ("", ""),
        };
        let person = party.person.as_deref().and_then(|p| inst?.person(p)).map_or("", |p| p.name.as_str());
        PartyView { unit, seal, post: post.map_or("", |p| p.name.as_str()), person, department }
    }

    /// The party in one line, as the site lists it: what it binds, then who signs for it.
    fn text(&self) -> String {
        let words = if self.unit.is_empty() {
            [self.person, self.department, self.post]
        } else {
            [self.unit, self.post, self.person]
        };
        words.iter().filter(|w| !w.is_empty()).copied().collect::<Vec<_>>().join("　")
    }
}

fn duties(post: &Post) -> Vec<&str> {
    post.duties.iter().map(|d| d.text.as_str()).collect()
}

/// A card, numbered by the post's place in the institution in its `card_numbers` style
/// (清单编号：2023-023 by default).
fn card(tera: &tera::Tera, model: &Model, inst: &Institution, post: &Post, n: usize) -> Result<Document> {
    let view = CardView {
        institution: &inst.name,
        department: inst.department(&post.department).map_or(post.department.as_str(), |d| d.name.as_str()),
        post: &post.name,
        category: post.category.as_deref().and_then(|c| model.category(c)).map(|c| c.name.as_str()),
        holders: post.holders.iter().filter_map(|h| inst.person(h)).map(|p| p.name.as_str()).collect(),
        reports_to: post.reports_to.as_deref().and_then(|r| inst.post(r)).map(|p| p.name.as_str()),
        duties: duties(post),
        text: PostText::of(model, inst, post),
    };
    let blocks = blocks(&render(tera, "pdf/card.md", &view)?);
    let title = format!("{}　{}岗位安全生产责任清单", inst.name, post.name);
    let sheet = Document::sheet(Kind::Card, &inst.id, paths::card(&inst.id, &post.id), title, blocks);
    Ok(Document {
        department: post.department.clone(),
        post: post.id.clone(),
        number: inst.card_numbers.labelled("清单编号", model.site.term_year, n),
        download: super::document::download(&[&post.name, "岗位安全生产责任清单"]),
        ..sheet
    })
}

fn letter_doc(
    tera: &tera::Tera,
    model: &Model,
    inst: &Institution,
    l: &Letter,
    n: usize,
    year: &str,
) -> Result<Document> {
    let post =
        inst.post(&l.party_b.post).ok_or_else(|| Error::internal(t!("cards-no-post", letter = l.id.as_str())))?;
    let person = |id: &Option<String>| id.as_deref().and_then(|p| inst.person(p)).map_or("", |p| p.name.as_str());
    let title = if l.level == Level::Commission { "安全生产目标责任书" } else { "安全生产责任书" };
    let view = LetterView {
        title,
        level: l.level,
        institution: &inst.name,
        year,
        party_a: PartyView::of(model, &l.party_a),
        party_b: PartyView::of(model, &l.party_b),
        unit_duties: match &l.party_b.signs_for {
            SignsFor::Department(d) => inst
                .department(d)
                .map(|d| UnitDuties { title: format!("{}安全生产职责", d.name), items: &d.duties }),
            SignsFor::Institution => inst
                .leadership_group
                .as_ref()
                .map(|g| UnitDuties { title: format!("{}职责", g.name), items: &g.duties }),
            SignsFor::Person => None,
        }
        .filter(|u| !u.items.is_empty()),
        duties: duties(post),
        text: PostText::of(model, inst, post),
    };
    let blocks = blocks(&render(tera, "pdf/letter.md", &view)?);
    let number = inst.letter_numbers.number(model.site.term_year, n);
    let code = code(&blocks);
    let status = match &l.signed {
        None => Status::Unsigned,
        Some(s) if s.code == code => Status::Signed { date: s.date },
        Some(s) => Status::Outdated { date: s.date, signed_code: s.code.clone() },
    };
    Ok(Document {
        kind: Kind::Letter,
        institution: inst.id.clone(),
        department: post.department.clone(),
        post: post.id.clone(),
        person: l.party_b.person.clone(),
        file: paths::letter(&inst.id, &l.id),
        title: format!("{}　{}{title}", inst.name, person(&l.party_b.person)),
        code,
        number,
        blocks,
        status: Some(status),
        scan: l.signed.as_ref().and_then(|s| s.scan.clone()),
        parties: Some([view.party_a.text(), view.party_b.text()]),
        heading: title,
        printed: false,
        download: super::document::download(&[&post.name, person(&l.party_b.person), title]),
    })
}

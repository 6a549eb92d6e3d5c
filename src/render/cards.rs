//! Duty cards (岗位安全生产责任清单) and responsibility letters (安全生产责任书) of an
//! institution: their texts from the theme's templates, their numbers, codes and signing status.

use serde::Serialize;

use super::document::{Document, Kind, Status, blocks, code, render};
use super::paths;
use super::theme::Theme;
use crate::error::{Error, Result};
use crate::model::{Institution, Letter, Model, Post};

/// The cards and letters of one institution, with their texts.
pub(crate) fn institution(model: &Model, theme: &Theme, inst: &Institution) -> Result<Vec<Document>> {
    let year = model.site.term_year.map_or_else(|| "　　".to_string(), |y| y.to_string());
    let tera = &theme.tera;
    let cards = inst.posts.iter().enumerate().map(|(n, post)| card(tera, model, inst, post, n + 1));
    let letters = inst.letters.iter().enumerate().map(|(n, letter)| letter_doc(tera, inst, letter, n + 1, &year));
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
}

impl<'a> PostText<'a> {
    pub(crate) fn of(post: &'a Post) -> Self {
        PostText {
            scope: &post.scope,
            business_duties: &post.business_duties,
            assessment: &post.assessment,
            rewards_penalties: &post.rewards_penalties,
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
    institution: &'a str,
    year: &'a str,
    party_a: PartyView<'a>,
    party_b: PartyView<'a>,
    duties: Vec<&'a str>,
    #[serde(flatten)]
    text: PostText<'a>,
}

#[derive(Serialize)]
struct PartyView<'a> {
    post: &'a str,
    person: &'a str,
    /// 乙方's department.
    #[serde(skip_serializing_if = "Option::is_none")]
    department: Option<&'a str>,
}

fn duties(post: &Post) -> Vec<&str> {
    post.duties.iter().map(|d| d.text.as_str()).collect()
}

/// A card's number: the institution's id and the post's place in the institution, e.g.
/// `WSQ-HOSPITAL-023` (cards are not official documents, so they get no 文号).
fn card(tera: &tera::Tera, model: &Model, inst: &Institution, post: &Post, n: usize) -> Result<Document> {
    let view = CardView {
        institution: &inst.name,
        department: inst.department(&post.department).map_or(post.department.as_str(), |d| d.name.as_str()),
        post: &post.name,
        category: post.category.as_deref().and_then(|c| model.category(c)).map(|c| c.name.as_str()),
        holders: post.holders.iter().filter_map(|h| inst.person(h)).map(|p| p.name.as_str()).collect(),
        reports_to: post.reports_to.as_deref().and_then(|r| inst.post(r)).map(|p| p.name.as_str()),
        duties: duties(post),
        text: PostText::of(post),
    };
    let blocks = blocks(&render(tera, "pdf/card.md", &view)?);
    Ok(Document {
        kind: Kind::Card,
        institution: inst.id.clone(),
        department: post.department.clone(),
        post: post.id.clone(),
        person: None,
        file: paths::card(&inst.id, &post.id),
        title: format!("{}　{}岗位安全生产责任清单", inst.name, post.name),
        number: Some(format!("清单编号 {}-{n:03}", inst.id.to_ascii_uppercase())),
        code: code(&blocks),
        blocks,
        status: None,
        scan: None,
        printed: false,
    })
}

fn letter_doc(tera: &tera::Tera, inst: &Institution, l: &Letter, n: usize, year: &str) -> Result<Document> {
    let post = inst.post(&l.party_b.post).ok_or_else(|| Error::internal(format!("letter {}: no post", l.id)))?;
    let person = |id: &Option<String>| id.as_deref().and_then(|p| inst.person(p)).map_or("", |p| p.name.as_str());
    let department = inst.department(&post.department).map_or(post.department.as_str(), |d| d.name.as_str());
    let party_a_post = inst.post(&l.party_a.post).map_or("", |p| p.name.as_str());
    let view = LetterView {
        institution: &inst.name,
        year,
        party_a: PartyView { post: party_a_post, person: person(&l.party_a.person), department: None },
        party_b: PartyView { post: &post.name, person: person(&l.party_b.person), department: Some(department) },
        duties: duties(post),
        text: PostText::of(post),
    };
    let blocks = blocks(&render(tera, "pdf/letter.md", &view)?);
    let number =
        inst.doc_number.as_ref().map(|style| style.replace("{year}", year).replace("{number}", &n.to_string()));
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
        title: format!("{}　{}安全生产责任书", inst.name, person(&l.party_b.person)),
        code,
        number,
        blocks,
        status: Some(status),
        scan: l.signed.as_ref().and_then(|s| s.scan.clone()),
        printed: false,
    })
}

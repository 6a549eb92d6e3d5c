//! Duty cards (岗位安全生产责任清单) and responsibility letters (安全生产责任书) of an
//! institution: their texts from the theme's templates, their numbers, codes and signing status.

use tera::Context;

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

/// A card's number: the institution's id and the post's place in the institution, e.g.
/// `WSQ-HOSPITAL-023` (cards are not official documents, so they get no 文号).
fn card(tera: &tera::Tera, model: &Model, inst: &Institution, post: &Post, n: usize) -> Result<Document> {
    let mut ctx = Context::new();
    ctx.insert("institution", &inst.name);
    let department = inst.department(&post.department).map_or(post.department.as_str(), |d| d.name.as_str());
    ctx.insert("department", department);
    ctx.insert("post", &post.name);
    ctx.insert("category", &post.category.as_deref().and_then(|c| model.category(c)).map(|c| &c.name));
    let holders: Vec<&str> = post.holders.iter().filter_map(|h| inst.person(h)).map(|p| p.name.as_str()).collect();
    ctx.insert("holders", &holders);
    ctx.insert("reports_to", &post.reports_to.as_deref().and_then(|r| inst.post(r)).map(|p| &p.name));
    insert_duties(&mut ctx, post);
    let blocks = blocks(&render(tera, "pdf/card.md", &ctx)?);
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
    let mut ctx = Context::new();
    ctx.insert("institution", &inst.name);
    ctx.insert("year", year);
    ctx.insert("party_a", &serde_json::json!({ "post": party_a_post, "person": person(&l.party_a.person) }));
    ctx.insert(
        "party_b",
        &serde_json::json!({ "post": post.name, "person": person(&l.party_b.person), "department": department }),
    );
    insert_duties(&mut ctx, post);
    let blocks = blocks(&render(tera, "pdf/letter.md", &ctx)?);
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

fn insert_duties(ctx: &mut Context, post: &Post) {
    let duties: Vec<&str> = post.duties.iter().map(|d| d.text.as_str()).collect();
    ctx.insert("duties", &duties);
    ctx.insert("scope", &post.scope);
    ctx.insert("business_duties", &post.business_duties);
    ctx.insert("assessment", &post.assessment);
    ctx.insert("rewards_penalties", &post.rewards_penalties);
}

//! Risk notice cards (岗位安全风险告知卡): one sheet per post that lists risks, posted at the
//! workplace and signed by every holder, who so confirms the post's risks (岗位安全风险确认).
//! It names each risk, its consequence, its controls in the four aspects, the protective
//! equipment and who controls it; where occupational hazard factors are present it is also the
//! post's 职业病危害告知卡 (guidance §六). Its code, like a letter's, tells whether a holder's
//! signature is for the text it carries now.

use serde::Serialize;

use super::cards::RiskView;
use super::document::{Document, Kind, Status, blocks, render};
use super::paths;
use crate::error::Result;
use crate::model::{Institution, Post};

/// What `pdf/risk-card.md` sees.
#[derive(Serialize)]
struct RiskCardView<'a> {
    institution: &'a str,
    department: &'a str,
    post: &'a str,
    /// Whether any risk names occupational hazard factors: the card is then also the
    /// 职业病危害告知卡.
    occupational: bool,
    risks: Vec<RiskView<'a>>,
    /// Each holder's name: one signature line each.
    holders: Vec<&'a str>,
}

/// The risk notice cards of an institution's posts that list risks.
pub(super) fn institution(tera: &tera::Tera, inst: &Institution) -> Result<Vec<Document>> {
    inst.posts.iter().filter(|p| !p.risks.is_empty()).map(|p| card(tera, inst, p)).collect()
}

fn card(tera: &tera::Tera, inst: &Institution, post: &Post) -> Result<Document> {
    let risks: Vec<RiskView> = post.risks.iter().map(|r| RiskView::of(inst, post, r)).collect();
    let view = RiskCardView {
        institution: &inst.name,
        department: inst.department(&post.department).map_or(post.department.as_str(), |d| d.name.as_str()),
        post: &post.name,
        occupational: risks.iter().any(|r| !r.occupational.is_empty()),
        risks,
        holders: post.holders.iter().map(|h| inst.person(h).map_or(h.as_str(), |p| p.name.as_str())).collect(),
    };
    let blocks = blocks(&render(tera, "pdf/risk-card.md", &view)?);
    let title = format!("{}　{}岗位安全风险告知卡", inst.name, post.name);
    let sheet = Document::sheet(Kind::RiskCard, &inst.id, paths::risk_card(&inst.id, &post.id), title, blocks);
    Ok(Document { department: post.department.clone(), post: post.id.clone(), ..sheet })
}

/// Where each holder's confirmation stands against the card's current code, in holder order.
pub(crate) fn confirmations<'a>(post: &'a Post, code: &str) -> Vec<(&'a str, Status)> {
    post.holders
        .iter()
        .map(|h| {
            let status = match post.confirmed.get(h) {
                None => Status::Unsigned,
                Some(s) if s.code == code => Status::Signed { date: s.date },
                Some(s) => Status::Outdated { date: s.date, signed_code: s.code.clone() },
            };
            (h.as_str(), status)
        })
        .collect()
}

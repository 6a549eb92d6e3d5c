//! A page per role category (岗位类别): its duties, printed on every post of the category, and
//! the posts that hold them, by institution. The search index takes a category's duties from
//! this page alone (a post's page leaves them out of the index): each text is indexed once,
//! and a hit on it leads to every post that holds it, not to thousands of near-identical
//! post pages.

use std::collections::HashMap;

use serde::Serialize;

use super::views::Link;
use crate::model::{Category, Institution, Model, Origin};
use crate::render::paths;

#[derive(Serialize)]
pub(crate) struct CategoryPage {
    name: String,
    title: String,
    basis: Option<String>,
    duties: Vec<CategoryDuty>,
    assessment: Vec<CategoryDuty>,
    rewards_penalties: Vec<CategoryDuty>,
    /// The institutions that have posts of the category, in model order.
    groups: Vec<Holders>,
    /// Posts of the category, in all.
    total: usize,
}

#[derive(Serialize)]
struct CategoryDuty {
    number: usize,
    text: String,
    /// Where the same text is already indexed: an earlier category that has it (the page
    /// shows it, the index leaves it out here).
    same_as: Option<Link>,
}

#[derive(Serialize)]
struct Holders {
    institution: Link,
    posts: Vec<HeldBy>,
}

#[derive(Serialize)]
struct HeldBy {
    post: Link,
    department: String,
    /// Items of the category the post words otherwise or leaves out (本岗位修订).
    changed: usize,
}

/// What the category pages show of an institution: each post of a category, its name, its
/// department and how many of the category's items it keeps. An edit inside an institution's
/// folder that leaves this as it was leaves every category page as it was (the preview keeps
/// them).
pub(crate) fn shown_of(inst: &Institution) -> Vec<(&str, &str, &str, Option<&str>, usize)> {
    inst.posts
        .iter()
        .filter_map(|p| {
            let category = p.category.as_deref()?;
            let department = inst.department(&p.department).map(|d| d.name.as_str());
            let kept = p.duties.iter().filter(|d| matches!(d.origin, Origin::Category { .. })).count();
            Some((p.id.as_str(), p.name.as_str(), category, department, kept))
        })
        .collect()
}

/// Every category's page, each with its duties and holders.
pub(crate) fn pages<'a>(model: &'a Model) -> Vec<(String, String, CategoryPage)> {
    let mut first: HashMap<&'a str, &'a Category> = HashMap::new();
    let mut out = Vec::new();
    for c in &model.categories {
        let mut items = |list: &'a [String]| -> Vec<CategoryDuty> {
            list.iter()
                .enumerate()
                .map(|(i, text)| {
                    let earlier = *first.entry(text.as_str()).or_insert(c);
                    CategoryDuty {
                        number: i + 1,
                        text: text.clone(),
                        same_as: (earlier.id != c.id)
                            .then(|| Link::new(earlier.name.clone(), paths::category(&earlier.id))),
                    }
                })
                .collect()
        };
        let (duties, assessment, rewards_penalties) =
            (items(&c.duties), items(&c.assessment), items(&c.rewards_penalties));
        let groups: Vec<Holders> = model
            .institutions
            .iter()
            .filter_map(|inst| {
                let posts: Vec<HeldBy> = inst
                    .posts
                    .iter()
                    .filter(|p| p.category.as_deref() == Some(c.id.as_str()))
                    .map(|p| HeldBy {
                        post: Link::new(p.name.clone(), paths::post(&inst.id, &p.id)),
                        department: inst.department(&p.department).map_or_else(String::new, |d| d.name.clone()),
                        changed: c.duties.len().saturating_sub(
                            p.duties.iter().filter(|d| matches!(d.origin, Origin::Category { .. })).count(),
                        ),
                    })
                    .collect();
                (!posts.is_empty())
                    .then(|| Holders { institution: Link::new(inst.name.clone(), paths::institution(&inst.id)), posts })
            })
            .collect();
        let total = groups.iter().map(|g| g.posts.len()).sum();
        let page = CategoryPage {
            name: c.name.clone(),
            title: c.title.clone(),
            basis: c.basis.clone(),
            duties,
            assessment,
            rewards_penalties,
            groups,
            total,
        };
        out.push((paths::category(&c.id), c.title.clone(), page));
    }
    out
}

//! 人员名册: an institution's people by department, each with posts, title and where their
//! letters stand; and the masthead's menu, whose 人员 and 公示 lead to an institution's roster
//! and display, or, with several institutions, to the site's lists of them.

use serde::Serialize;

use super::views::{InstView, Link, Tally};
use crate::model::Model;
use crate::render::document::Kind;
use crate::render::paths;

#[derive(Serialize)]
pub(crate) struct RosterRow {
    person: Link,
    posts: Vec<Link>,
    job_title: Option<String>,
    /// The letters the person signs as 乙方.
    letters: Tally,
}

#[derive(Serialize)]
pub(crate) struct RosterGroup {
    department: Link,
    people: Vec<RosterRow>,
}

/// What `roster.html` sees.
#[derive(Serialize)]
pub(crate) struct Roster {
    institution: Link,
    total: usize,
    groups: Vec<RosterGroup>,
}

/// The roster of an institution: each person once, under the department of their first post,
/// in the order of the departments.
pub(crate) fn roster(v: &InstView) -> Roster {
    let inst = v.inst;
    let groups: Vec<RosterGroup> = inst
        .departments
        .iter()
        .map(|d| RosterGroup {
            department: v.department_link(d),
            people: inst
                .people
                .iter()
                .filter(|p| p.posts.first().and_then(|x| inst.post(x)).is_some_and(|x| x.department == d.id))
                .map(|p| RosterRow {
                    person: Link::new(p.name.clone(), paths::person(&inst.id, &p.id)),
                    posts: p
                        .posts
                        .iter()
                        .filter_map(|x| inst.post(x))
                        .map(|x| Link::new(x.name.clone(), paths::post(&inst.id, &x.id)))
                        .collect(),
                    job_title: p.title.clone(),
                    letters: Tally::of(
                        v.documents
                            .iter()
                            .copied()
                            .filter(|x| x.kind == Kind::Letter && x.person.as_deref() == Some(p.id.as_str())),
                    ),
                })
                .collect(),
        })
        .filter(|g| !g.people.is_empty())
        .collect();
    Roster { institution: v.link(), total: groups.iter().map(|g| g.people.len()).sum(), groups }
}

/// An entry of the site's list of institutions for 人员 or 公示.
#[derive(Serialize)]
pub(crate) struct DirectoryRow {
    institution: Link,
    /// The roster or the display.
    page: Link,
    people: usize,
}

/// What `directory.html` sees.
#[derive(Serialize)]
pub(crate) struct Directory {
    lead: &'static str,
    rows: Vec<DirectoryRow>,
}

/// The site's list of the institutions' rosters (`display`: their displays).
pub(crate) fn directory(model: &Model, display: bool) -> Directory {
    let rows = model
        .institutions
        .iter()
        .map(|i| DirectoryRow {
            institution: Link::new(i.name.clone(), paths::institution(&i.id)),
            page: if display {
                Link::new("全员安全生产责任制公示", paths::display(&i.id))
            } else {
                Link::new("人员名册", paths::roster(&i.id))
            },
            people: i.people.len(),
        })
        .collect();
    let lead = if display {
        "各单位所有层级、所有岗位的安全生产责任、责任范围和考核标准公示。"
    } else {
        "各单位在岗人员及其岗位、职称和安全生产责任书签订情况。"
    };
    Directory { lead, rows }
}

/// The masthead's menu: 单位, 人员, 公示, 专项行动 when there are campaigns, 检索.
#[derive(Serialize)]
pub(crate) struct Menu {
    items: Vec<Link>,
}

impl Menu {
    pub(crate) fn of(model: &Model) -> Menu {
        let only = match model.institutions.as_slice() {
            [one] => Some(&one.id),
            _ => None,
        };
        let mut items = vec![
            Link::new("单位", only.map_or_else(|| paths::HOME.to_string(), |i| paths::institution(i))),
            Link::new("人员", only.map_or_else(|| paths::PEOPLE.to_string(), |i| paths::roster(i))),
            Link::new("公示", only.map_or_else(|| paths::DISPLAYS.to_string(), |i| paths::display(i))),
        ];
        if !model.campaigns.is_empty() {
            items.push(Link::new("专项行动", paths::campaigns()));
        }
        items.push(Link::new("检索", paths::SEARCH.to_string()));
        Menu { items }
    }
}

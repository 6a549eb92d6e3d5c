//! 全员安全生产责任制公示, printed for the wall: the institution's whole system (its safety
//! committee, then every department and post: duties, scope and how it is assessed), and each
//! department's part for its own noticeboard. What the guidance asks a display to carry, and
//! nothing internal: the display period and whom to tell objections to, the issuer and date
//! (落款) and page numbers; no verification code, signing status or links. From the theme's
//! `pdf/display.md`, on the posted sheet. The responsibility network diagram (`network`) goes
//! with it.

use serde::Serialize;

use super::document::{Block, Document, Kind, Node, blocks, render};
use super::paths;
use crate::error::Result;
use crate::model::{Department, Institution, Model};

/// A post as the display shows it.
#[derive(Serialize)]
struct PostView<'a> {
    name: &'a str,
    category: Option<&'a str>,
    holders: Vec<&'a str>,
    scope: &'a str,
    duties: Vec<&'a str>,
    assessment: &'a [String],
}

#[derive(Serialize)]
struct DepartmentView<'a> {
    /// A unit under a department is named after it: 急诊科　急救站.
    name: String,
    duties: &'a [String],
    posts: Vec<PostView<'a>>,
}

/// The safety committee or leadership group: who sits on it, and its duties.
#[derive(Serialize)]
struct GroupView<'a> {
    name: &'a str,
    /// 主任：院长　邬建国 …, one line per role.
    members: Vec<String>,
    duties: &'a [String],
}

/// What `pdf/display.md` sees.
#[derive(Serialize)]
struct DisplayView<'a> {
    institution: &'a str,
    /// The department of a department's display; none for the institution's.
    department: Option<&'a str>,
    /// 2023年1月5日; none leaves blanks to fill in.
    from: Option<String>,
    until: Option<String>,
    /// Whom to tell objections to: the content's contact, else the safety management body.
    contact: Option<&'a str>,
    /// 落款: the issuer, and the first day of the display.
    issuer: &'a str,
    group: Option<GroupView<'a>>,
    departments: Vec<DepartmentView<'a>>,
}

/// The institution's display and its departments' (those with duties or posts).
pub(super) fn institution(model: &Model, tera: &tera::Tera, inst: &Institution) -> Result<Vec<Document>> {
    let shown: Vec<&Department> =
        inst.departments.iter().filter(|d| !d.posts.is_empty() || !d.duties.is_empty()).collect();
    let mut out = Vec::with_capacity(shown.len() + 1);
    let all = view(inst, None, shown.iter().map(|d| department(model, inst, d)).collect());
    let title = format!("{}全员安全生产责任制公示", inst.name);
    out.push(document(tera, inst, None, &all, title)?);
    out.extend(network(inst));
    for d in shown {
        let one = view(inst, Some(&d.name), vec![department(model, inst, d)]);
        let title = format!("{}{}安全生产责任公示", inst.name, d.name);
        out.push(document(tera, inst, Some(d), &one, title)?);
    }
    Ok(out)
}

fn document(
    tera: &tera::Tera,
    inst: &Institution,
    dept: Option<&Department>,
    view: &DisplayView,
    title: String,
) -> Result<Document> {
    let blocks = blocks(&render(tera, "pdf/display.md", view)?);
    let file = match dept {
        Some(d) => paths::department_display(&inst.id, &d.id),
        None => paths::display_pdf(&inst.id),
    };
    let sheet = Document::sheet(Kind::Display, &inst.id, file, title, blocks);
    Ok(Document { department: dept.map(|d| d.id.clone()).unwrap_or_default(), ..sheet })
}

fn view<'a>(
    inst: &'a Institution,
    department: Option<&'a str>,
    departments: Vec<DepartmentView<'a>>,
) -> DisplayView<'a> {
    let display = inst.display.as_ref();
    let office = inst.safety_management.body.as_deref().and_then(|b| inst.department(b)).map(|d| d.name.as_str());
    DisplayView {
        institution: &inst.name,
        department,
        from: display.map(|d| d.from.chinese()),
        until: display.map(|d| d.until.chinese()),
        contact: display.and_then(|d| d.contact.as_deref()).or(office),
        issuer: display.and_then(|d| d.issuer.as_deref()).unwrap_or(&inst.name),
        // The committee is the institution's: on its display, not on a department's.
        group: department.is_none().then(|| group(inst)).flatten(),
        departments,
    }
}

/// `post`'s name and its holder's: 院长　邬建国 (just the post's when it is vacant).
fn holder(inst: &Institution, post: &str) -> Option<String> {
    let p = inst.post(post)?;
    Some(match names(inst, p) {
        n if n.is_empty() => p.name.clone(),
        n => format!("{}　{n}", p.name),
    })
}

/// Who holds `post`: 邬建国、李娜.
fn names(inst: &Institution, post: &crate::model::Post) -> String {
    post.holders.iter().filter_map(|h| inst.person(h)).map(|x| x.name.as_str()).collect::<Vec<_>>().join("、")
}

fn group(inst: &Institution) -> Option<GroupView<'_>> {
    let g = inst.leadership_group.as_ref()?;
    let [chair, deputy, member] = match g.committee {
        true => ["主任", "副主任", "委员"],
        false => ["组长", "副组长", "成员"],
    };
    let list = |posts: &[String]| posts.iter().filter_map(|p| holder(inst, p)).collect::<Vec<_>>().join("；");
    let mut members = Vec::new();
    if let Some(h) = holder(inst, &g.chair) {
        members.push(format!("{chair}：{h}"));
    }
    for (role, posts) in [(deputy, &g.deputy_chairs), (member, &g.members)] {
        if !posts.is_empty() {
            members.push(format!("{role}：{}", list(posts)));
        }
    }
    Some(GroupView { name: &g.name, members, duties: &g.duties })
}

fn department<'a>(model: &'a Model, inst: &'a Institution, d: &'a Department) -> DepartmentView<'a> {
    let parent = d.parent.as_deref().and_then(|p| inst.department(p));
    DepartmentView {
        name: match parent {
            Some(p) => format!("{}　{}", p.name, d.name),
            None => d.name.clone(),
        },
        duties: &d.duties,
        posts: d
            .posts
            .iter()
            .filter_map(|p| inst.post(p))
            .map(|p| PostView {
                name: &p.name,
                category: p.category.as_deref().and_then(|c| model.category(c)).map(|c| c.name.as_str()),
                holders: p.holders.iter().filter_map(|h| inst.person(h)).map(|x| x.name.as_str()).collect(),
                scope: &p.scope,
                duties: p.duties.iter().map(|d| d.text.as_str()).collect(),
                assessment: &p.assessment,
            })
            .collect(),
    }
}

/// The responsibility network diagram: the principal, the leaders, the departments each
/// supervises (those the principal supervises, or no one, in a column without a leader's box),
/// and their posts. None without a principal.
fn network(inst: &Institution) -> Option<Document> {
    let principal = inst.post(inst.principal.as_deref()?)?;
    let leaders: Vec<&crate::model::Post> = inst
        .posts
        .iter()
        .filter(|p| p.id != principal.id && (p.department == principal.department || !p.supervises.is_empty()))
        .collect();
    let unit = |d: &Department| {
        let posts = |d: &Department| {
            d.posts.iter().filter_map(|p| inst.post(p)).map(|p| p.name.as_str()).collect::<Vec<_>>().join("、")
        };
        let mut lines = vec![posts(d)];
        let mut below: Vec<&Department> = d.children.iter().filter_map(|c| inst.department(c)).collect();
        while let Some(c) = below.first().copied() {
            below.remove(0);
            lines.push(format!("{}：{}", c.name, posts(c)));
            below.splice(0..0, c.children.iter().filter_map(|x| inst.department(x)));
        }
        lines.retain(|l| !l.is_empty() && !l.ends_with('：'));
        Node { heading: d.name.clone(), lines, children: Vec::new() }
    };
    let top = |d: &&Department| d.depth == 0 && d.id != principal.department;
    let mut columns: Vec<Node> = leaders
        .iter()
        .map(|l| Node {
            heading: l.name.clone(),
            lines: vec![names(inst, l)],
            children: inst
                .departments
                .iter()
                .filter(top)
                .filter(|d| d.supervisor.as_deref() == Some(l.id.as_str()))
                .map(unit)
                .collect(),
        })
        .collect();
    let direct: Vec<Node> = inst
        .departments
        .iter()
        .filter(top)
        .filter(|d| d.supervisor.as_deref().is_none_or(|s| !leaders.iter().any(|l| l.id == s)))
        .map(unit)
        .collect();
    if !direct.is_empty() {
        columns.insert(0, Node { heading: String::new(), lines: Vec::new(), children: direct });
    }
    let root = Node {
        heading: holder(inst, &principal.id).unwrap_or_else(|| principal.name.clone()),
        lines: vec!["主要负责人（第一责任人）".to_string()],
        children: columns,
    };
    let title = format!("{}安全生产责任体系图", inst.name);
    let blocks = vec![Block::Title(title.clone()), Block::Network(root)];
    Some(Document::sheet(Kind::Network, &inst.id, paths::network(&inst.id), title, blocks))
}

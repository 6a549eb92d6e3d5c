//! One institution of a synthetic tree: its departments, posts and people, organised from
//! its kind and size, and written as content files.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::names;
use super::spec::{Kind, Rng, Spec, Writer, q};
use super::tables::{self, Dept, Item8, Staff};
use crate::error::Result;

pub(super) fn first(s: &str) -> &str {
    s.char_indices().nth(1).map_or(s, |(i, _)| &s[..i])
}

pub(super) struct DeptOut {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) head: Option<String>,
}

pub(super) struct PostOut {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) department: String,
    pub(super) category: &'static str,
    pub(super) reports_to: Option<String>,
    pub(super) scope: String,
    pub(super) business: Vec<String>,
    pub(super) add: Vec<String>,
    item8: Item8,
    /// Among the posts that take the people beyond one per post, and how many relatively.
    pub(super) weight: u32,
    pub(super) titles: &'static [&'static str],
}

pub(super) struct PersonOut {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) title: Option<String>,
    pub(super) post: String,
}

pub(super) struct InstOut<'a> {
    pub(super) spec: &'a Spec,
    pub(super) depts: Vec<DeptOut>,
    pub(super) posts: Vec<PostOut>,
    pub(super) people: Vec<PersonOut>,
    /// Post ids.
    pub(super) principal: String,
    pub(super) deputy: String,
    pub(super) leaders: Vec<String>,
    pub(super) safety_posts: Vec<String>,
    /// Department id of the safety management body, if there is one.
    pub(super) body: Option<String>,
    pub(super) engineer: Option<String>,
}

/// Draws the institution's departments, posts and people.
pub(super) fn organise<'a>(spec: &'a Spec, rng: &mut Rng) -> InstOut<'a> {
    let n = spec.employees;
    let (lead_dept, principal_name, deputy_name, others): (&str, &str, &str, &[(&str, &str)]) = match spec.kind {
        Kind::Commission => (
            "委领导",
            "主任",
            "副主任（分管安全生产）",
            &[("deputy-director", "副主任"), ("discipline-leader", "纪检监察组组长"), ("deputy-director-2", "副主任")],
        ),
        Kind::Hospital => (
            "院领导",
            "院长",
            "副院长（分管安全生产）",
            &[
                ("vp-medical", "副院长（分管医疗）"),
                ("vp-nursing", "副院长（分管护理）"),
                ("party-secretary", "党委书记"),
            ],
        ),
        Kind::Township => ("院领导", "院长", "副院长（分管安全生产）", &[("vice-dean", "副院长（分管公共卫生）")]),
        Kind::Cdc | Kind::Emergency => (
            "中心领导",
            "主任",
            "副主任（分管安全生产）",
            &[("deputy-director", "副主任（分管业务）"), ("deputy-director-2", "副主任（分管后勤）")],
        ),
    };
    let lead_count = if n < 60 {
        1
    } else if n < 300 {
        2
    } else {
        3
    }
    .min(others.len());
    let leader_title: &[&str] = match spec.kind {
        Kind::Commission => &[],
        _ => &["主任医师", "副主任医师", "主治医师"],
    };
    let mut inst = InstOut {
        spec,
        depts: Vec::new(),
        posts: Vec::new(),
        people: Vec::new(),
        principal: "principal".into(),
        deputy: "deputy-safety".into(),
        leaders: Vec::new(),
        safety_posts: Vec::new(),
        body: None,
        engineer: None,
    };
    inst.depts.push(DeptOut { id: "leaders".into(), name: lead_dept.into(), head: Some("principal".into()) });
    let leader = |id: &str, name: &str, category: &'static str, scope: String, business: Vec<String>| PostOut {
        id: id.into(),
        name: name.into(),
        department: "leaders".into(),
        category,
        reports_to: (id != "principal").then(|| "principal".to_string()),
        scope,
        business,
        add: Vec::new(),
        item8: Item8::Keep,
        weight: 0,
        titles: leader_title,
    };
    inst.posts.push(leader(
        "principal",
        principal_name,
        "principal",
        format!("对本单位安全生产工作全面负责，是{}安全生产第一责任人。", spec.short_name),
        vec!["主持本单位全面工作".into()],
    ));
    inst.posts.push(leader(
        "deputy-safety",
        deputy_name,
        "deputy-safety",
        "协助主要负责人抓好本单位安全生产工作，对安全生产综合监管负直接领导责任。".into(),
        vec!["分管安全生产、后勤保障和应急管理工作".into()],
    ));
    for (id, name) in &others[..lead_count] {
        inst.posts.push(leader(
            id,
            name,
            "leadership",
            format!("对{name}分管领域的安全生产工作负领导责任。"),
            vec![format!("负责{name}分管领域的业务工作")],
        ));
        inst.leaders.push(id.to_string());
    }

    // Office, and the safety officers: a body with full-time officers above 100 employees.
    let business: &[Dept] = match spec.kind {
        Kind::Commission => tables::COMMISSION,
        Kind::Hospital => tables::HOSPITAL,
        Kind::Cdc => tables::CDC,
        Kind::Emergency => tables::EMERGENCY,
        Kind::Township => tables::TOWNSHIP,
    };
    let office = &tables::OFFICE_DEPT;
    let mut depts: Vec<(String, String, &Dept)> = vec![(office.slug.into(), office.name.into(), office)];
    // How many business departments: by size, and no more posts than people.
    let per = match spec.kind {
        Kind::Hospital => 30,
        Kind::Commission | Kind::Township => 6,
        Kind::Cdc | Kind::Emergency => 10,
    };
    let fixed_posts = 2 + lead_count + 1 + office.staff.len() + if n > 100 { 2 } else { 1 };
    let mut k = (n / per).max(1);
    let posts_of = |k: usize| -> usize { business.iter().cycle().take(k).map(|d| 1 + d.staff.len()).sum() };
    let repeating = business.iter().filter(|d| d.repeats.is_some()).count();
    if repeating == 0 {
        k = k.min(business.len());
    }
    while k > 1 && fixed_posts + posts_of(k) > n * 2 / 3 {
        k -= 1;
    }
    // The first k of the table, then further 病区 or 分站 of the repeating departments.
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    let mut chosen: Vec<&Dept> = business.iter().take(k).collect();
    let mut extra = business.iter().filter(|d| d.repeats.is_some()).cycle();
    while chosen.len() < k {
        match extra.next() {
            Some(d) => chosen.push(d),
            None => break,
        }
    }
    for d in &chosen {
        *count.entry(d.slug).or_default() += 1;
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut ordered: Vec<&Dept> = Vec::new();
    for d in business {
        for _ in 0..count.get(d.slug).copied().unwrap_or(0) {
            ordered.push(d);
        }
    }
    for d in ordered {
        let i = seen.entry(d.slug).or_default();
        *i += 1;
        let total = count[d.slug];
        let (id, name) = match d.repeats {
            Some(pattern) if total > 1 || d.slug == "station" => (
                format!("{}-{i}", d.slug),
                pattern.replace("{name}", d.name).replace("{n}", &crate::numerals::chinese(*i)),
            ),
            _ => (d.slug.to_string(), d.name.to_string()),
        };
        depts.push((id, name, d));
    }

    let big = n > 100;
    if big {
        inst.depts.push(DeptOut {
            id: "safety".into(),
            name: "安全生产管理科".into(),
            head: Some("safety-chief".into()),
        });
    }
    // Department heads report to the deputy for safety and the other leaders in turn.
    let heads_report = |j: usize| -> String {
        if j.is_multiple_of(2) { "deputy-safety".into() } else { others[j / 2 % lead_count].0.into() }
    };
    for (j, (id, name, d)) in depts.iter().enumerate() {
        let head_id = format!("{id}-head");
        let head_name = match d.head.strip_prefix(d.name) {
            Some(rest) => format!("{name}{rest}"),
            None => d.head.to_string(),
        };
        inst.depts.push(DeptOut { id: id.clone(), name: name.clone(), head: Some(head_id.clone()) });
        inst.posts.push(PostOut {
            id: head_id.clone(),
            name: head_name,
            department: id.clone(),
            category: "employee",
            reports_to: Some(heads_report(j)),
            scope: format!("{name}：{}", d.scope),
            business: vec![format!("负责{name}业务管理和人员管理")],
            add: vec![tables::HEAD_DUTY.into(), d.head_duty.into()],
            item8: Item8::Remove,
            weight: 0,
            titles: d.staff.first().map_or(&[], |s| s.titles),
        });
        for s in d.staff {
            inst.posts.push(staff_post(id, name, &head_id, s, rng));
        }
    }
    if big {
        inst.body = Some("safety".into());
        inst.posts.push(safety_post("safety-chief", "安全生产管理科科长", "safety", "deputy-safety", true));
        inst.posts.push(safety_post("safety-officer", "专职安全员", "safety", "safety-chief", false));
        inst.safety_posts = vec!["safety-chief".into(), "safety-officer".into()];
    } else {
        inst.posts.push(safety_post("safety-officer", "安全生产管理员（兼职）", "office", "deputy-safety", false));
        inst.safety_posts = vec!["safety-officer".into()];
    }

    // People: one per post, then the rest over the staff posts by weight.
    let mut used = BTreeSet::new();
    let mut holders: Vec<usize> = vec![1; inst.posts.len()];
    let staff: Vec<(usize, u32)> =
        inst.posts.iter().enumerate().filter(|(_, p)| p.weight > 0).map(|(i, p)| (i, p.weight)).collect();
    let total_weight: u32 = staff.iter().map(|s| s.1).sum();
    for _ in inst.posts.len()..n {
        if total_weight == 0 {
            break;
        }
        let mut r = (rng.next() % total_weight as u64) as u32;
        for (i, w) in &staff {
            if r < *w {
                holders[*i] += 1;
                break;
            }
            r -= w;
        }
    }
    let mut people = Vec::new();
    for (i, post) in inst.posts.iter().enumerate() {
        for _ in 0..holders[i] {
            let (name, id) = person_name(rng, &mut used);
            let title = if post.titles.is_empty() { None } else { Some(rng.pick(post.titles).to_string()) };
            people.push(PersonOut { id, name, title, post: post.id.clone() });
        }
    }
    if spec.kind == Kind::Cdc {
        inst.engineer = people.iter().find(|p| p.post == "safety-officer").map(|p| p.id.clone());
    }
    inst.people = people;
    inst
}

pub(super) fn staff_post(dept: &str, dept_name: &str, head: &str, s: &'static Staff, rng: &mut Rng) -> PostOut {
    // Most posts keep all their own duties; some have one fewer, so that cards differ.
    let mut add: Vec<String> = s.duties.iter().map(|d| d.to_string()).collect();
    if add.len() > 1 && rng.chance(30) {
        add.pop();
    }
    PostOut {
        id: format!("{dept}-{}", s.slug),
        name: if s.name.starts_with(dept_name) { s.name.to_string() } else { format!("{dept_name}{}", s.name) },
        department: dept.into(),
        category: "employee",
        reports_to: Some(head.into()),
        scope: format!("{dept_name}：{}", s.scope),
        business: Vec::new(),
        add,
        item8: s.item8,
        weight: s.weight,
        titles: s.titles,
    }
}

pub(super) fn safety_post(id: &str, name: &str, dept: &str, reports_to: &str, chief: bool) -> PostOut {
    PostOut {
        id: id.into(),
        name: name.into(),
        department: dept.into(),
        category: "safety-officer",
        reports_to: Some(reports_to.into()),
        scope: "本单位安全生产日常检查、隐患排查治理台账、安全教育培训和应急演练的组织落实。".into(),
        business: if chief { vec!["负责安全生产管理科全面工作".into()] } else { Vec::new() },
        add: vec!["每月组织一次全面安全检查，每周对重点部位抽查，建立隐患排查治理台账并跟踪整改闭环；".into()],
        item8: Item8::Keep,
        weight: 0,
        titles: &["工程师", "助理工程师"],
    }
}

/// A person's name and an id unique in `used` (pinyin, with a number when taken).
pub(super) fn person_name(rng: &mut Rng, used: &mut BTreeSet<String>) -> (String, String) {
    let (name, py) = if rng.chance(4) {
        let (g, gp) = rng.pick(names::WHOLE_NAMES);
        (g.to_string(), gp.to_string())
    } else {
        let (s, sp) = rng.pick(names::SURNAMES);
        let (a, ap) = rng.pick(names::GIVEN);
        if rng.chance(35) {
            (format!("{s}{a}"), format!("{sp}-{ap}"))
        } else {
            let (b, bp) = rng.pick(names::GIVEN);
            (format!("{s}{a}{b}"), format!("{sp}-{ap}{bp}"))
        }
    };
    let mut id = py.clone();
    let mut k = 1;
    while !used.insert(id.clone()) {
        k += 1;
        id = format!("{py}-{k}");
    }
    (name, id)
}

impl InstOut<'_> {
    pub(super) fn write(&self, out: &mut Writer) -> Result<()> {
        let s = self.spec;
        let base = format!("institutions/{}", s.id);
        let kind = match s.kind {
            Kind::Commission => "health-commission",
            Kind::Hospital => "hospital",
            Kind::Cdc => "disease-control-centre",
            Kind::Emergency => "emergency-centre",
            Kind::Township => "township-health-centre",
        };
        let mut y = String::new();
        let _ = writeln!(y, "name: {}\nshort_name: {}\nkind: {kind}", q(&s.name), q(&s.short_name));
        match &s.parent {
            Some(p) => {
                let _ = writeln!(y, "parent: {p}");
            }
            None => {
                let _ = writeln!(y, "authority: 省卫生健康委员会");
            }
        }
        let _ = writeln!(y, "employees: {}", self.people.len());
        let _ = writeln!(y, "hazardous_goods: {}", self.engineer.is_some());
        let _ = writeln!(y, "doc_number: {}", q(&format!("{}〔{{year}}〕{{number}}号", s.doc_prefix)));
        let _ = writeln!(y, "principal: {}", self.principal);
        let _ = writeln!(y, "leadership_group:\n  name: {}", q(&format!("{}安全生产领导小组", s.short_name)));
        let _ = writeln!(y, "  chair: {}\n  deputy_chairs: [{}]", self.principal, self.deputy);
        let members: Vec<&str> = self.leaders.iter().chain(&self.safety_posts).map(String::as_str).collect();
        let _ = writeln!(y, "  members: [{}]", members.join(", "));
        let _ = writeln!(y, "  office: {}", self.body.as_deref().unwrap_or("office"));
        let _ = writeln!(y, "  meets: 每季度至少召开一次会议\n  established: 2022-03-01");
        let _ = writeln!(y, "safety_management:");
        if let Some(body) = &self.body {
            let _ = writeln!(y, "  body: {body}");
        }
        let _ = writeln!(y, "  officers:");
        let kind = if self.body.is_some() { "full-time" } else { "part-time" };
        for p in &self.safety_posts {
            let _ = writeln!(y, "    - post: {p}\n      type: {kind}");
        }
        if let Some(e) = &self.engineer {
            let _ = writeln!(
                y,
                "safety_engineers:\n  - person: {e}\n    certificate: {}",
                q(&format!("注册安全工程师 {}", s.id))
            );
        }
        out.write(&format!("{base}/institution.yaml"), &y)?;

        let mut y = String::new();
        for d in &self.depts {
            let _ = writeln!(y, "- id: {}\n  name: {}", d.id, q(&d.name));
            if let Some(h) = &d.head {
                let _ = writeln!(y, "  head: {h}");
            }
        }
        out.write(&format!("{base}/departments.yaml"), &y)?;

        for p in &self.posts {
            let mut y = String::new();
            let _ = writeln!(y, "name: {}\ndepartment: {}\ncategory: {}", q(&p.name), p.department, p.category);
            if let Some(r) = &p.reports_to {
                let _ = writeln!(y, "reports_to: {r}");
            }
            // A leader supervises (分管) the departments whose heads report to them.
            let supervised: Vec<&str> = self
                .posts
                .iter()
                .filter(|h| h.reports_to.as_deref() == Some(p.id.as_str()))
                .filter(|h| self.depts.iter().any(|d| d.id == h.department && d.head.as_deref() == Some(h.id.as_str())))
                .map(|h| h.department.as_str())
                .collect();
            if p.department == "leaders" && !supervised.is_empty() {
                let _ = writeln!(y, "supervises: [{}]", supervised.join(", "));
            }
            let _ = writeln!(y, "scope: {}", q(&p.scope));
            if !p.business.is_empty() {
                let _ = writeln!(y, "business_duties:");
                for b in &p.business {
                    let _ = writeln!(y, "  - {}", q(b));
                }
            }
            if !p.add.is_empty() || !matches!(p.item8, Item8::Keep) {
                let _ = writeln!(y, "duties:");
                match p.item8 {
                    Item8::Keep => {}
                    Item8::Remove => {
                        let _ = writeln!(y, "  remove: [特种作业人员须持证上岗]");
                    }
                    Item8::Replace(text) => {
                        let _ = writeln!(y, "  replace:\n    - item: 特种作业人员须持证上岗\n      text: {}", q(text));
                    }
                }
                if !p.add.is_empty() {
                    let _ = writeln!(y, "  add:");
                    for a in &p.add {
                        let _ = writeln!(y, "    - {}", q(a));
                    }
                }
            }
            out.write(&format!("{base}/posts/{}.yaml", p.id), &y)?;
        }

        let mut y = String::new();
        for p in &self.people {
            let _ = writeln!(y, "- id: {}\n  name: {}", p.id, q(&p.name));
            if let Some(t) = &p.title {
                let _ = writeln!(y, "  title: {}", q(t));
            }
            let _ = writeln!(y, "  posts: [{}]", p.post);
        }
        out.write(&format!("{base}/people.yaml"), &y)
    }
}

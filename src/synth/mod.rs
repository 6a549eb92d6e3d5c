//! `safeduty synth`: a deterministic generator of realistic content at any scale, for the
//! benchmarks and the scale tests. A city health commission supervises counties; each county
//! has a health commission, a people's hospital, a hospital of traditional medicine, a disease
//! control centre, an emergency centre and township health centres. Departments, posts and
//! post-specific duties come from `tables`, role categories from the example content, and a
//! fifth of the institutions record letters signed on paper (`signing.yaml`). Campaigns are not
//! generated yet.
//!
//! The same options give the same bytes on every machine: the random numbers come from
//! SplitMix64, written out here rather than taken from a crate, because the stream is part of
//! the output and must never change with a dependency's version.

mod campaign;
mod tables;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use crate::error::{Error, Result};

use tables::{Dept, Item8, Staff};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options {
    pub(crate) institutions: usize,
    pub(crate) employees: usize,
    pub(crate) seed: u64,
}

/// The fewest people an institution is generated with (its leaders, office, safety officer and
/// one department).
pub(crate) const MIN_EMPLOYEES: usize = 12;

/// What was generated.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    pub(crate) institutions: usize,
    pub(crate) departments: usize,
    pub(crate) posts: usize,
    pub(crate) people: usize,
    pub(crate) campaigns: usize,
    pub(crate) files: usize,
}

/// SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and fixed forever.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (n > 0); the bias of the modulo is negligible for these sizes.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// Writes a new content tree into `dir` (which must not exist, or be empty).
pub(crate) fn synth(dir: &Path, options: &Options) -> Result<Summary> {
    let Options { institutions: n, employees: m, seed } = *options;
    if n == 0 {
        return Err(Error::usage("--institutions must be at least 1"));
    }
    if m < n * MIN_EMPLOYEES {
        return Err(Error::usage(format!(
            "{n} institutions need at least {} employees ({MIN_EMPLOYEES} each); got {m}",
            n * MIN_EMPLOYEES
        )));
    }
    if dir.exists() && std::fs::read_dir(dir).map_err(|e| Error::io("read", dir, e))?.next().is_some() {
        return Err(Error::usage(format!("{} exists and is not empty; name a new folder", dir.display())));
    }
    let mut rng = Rng::new(seed);
    let mut out = Writer { root: dir.to_path_buf(), files: 0 };
    let names = Names::new(&mut rng);
    let specs = institutions(n, m, &names, &mut rng);
    let mut summary = Summary { institutions: specs.len(), ..Default::default() };

    out.write("safeduty.yaml", &config(&names))?;
    for (name, text) in CATEGORIES {
        out.write(&format!("categories/{name}"), text)?;
    }
    out.write("pages/about.md", ABOUT)?;
    // Campaigns draw from their own stream, so that they do not shift the organisations.
    let mut campaign_rng = Rng::new(seed.wrapping_add(1));
    for spec in &specs {
        let inst = organise(spec, &mut rng);
        summary.departments += inst.depts.len();
        summary.posts += inst.posts.len();
        summary.people += inst.people.len();
        inst.write(&mut out)?;
        if spec.kind == Kind::Commission {
            let members: Vec<&Spec> = specs.iter().filter(|m| m.parent.as_deref() == Some(spec.id.as_str())).collect();
            campaign::write(&inst, &members, &mut campaign_rng, &mut out)?;
            summary.campaigns += 1;
        }
    }
    signing(dir, &specs, seed, &mut out)?;
    summary.files = out.files;
    Ok(summary)
}

/// The five role categories of the example content (the seed's annex).
const CATEGORIES: &[(&str, &str)] = &[
    ("principal.yaml", include_str!("../../content/categories/principal.yaml")),
    ("deputy-safety.yaml", include_str!("../../content/categories/deputy-safety.yaml")),
    ("leadership.yaml", include_str!("../../content/categories/leadership.yaml")),
    ("safety-officer.yaml", include_str!("../../content/categories/safety-officer.yaml")),
    ("employee.yaml", include_str!("../../content/categories/employee.yaml")),
];
const ABOUT: &str = include_str!("../../content/pages/about.md");

struct Writer {
    root: std::path::PathBuf,
    files: usize,
}

impl Writer {
    fn write(&mut self, rel: &str, text: &str) -> Result<()> {
        let path = self.root.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io("write", &path, e))?;
        self.files += 1;
        Ok(())
    }
}

/// A YAML double-quoted scalar.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Place names, drawn once per tree.
struct Names {
    /// (name, pinyin) of the city.
    city: (String, String),
    /// County-level places in the order they are used.
    counties: Vec<(String, String)>,
}

impl Names {
    fn new(rng: &mut Rng) -> Self {
        let mut places: Vec<(String, String)> = tables::PLACE_A
            .iter()
            .flat_map(|a| tables::PLACE_B.iter().filter(move |b| a.0 != b.0).map(move |b| (a, b)))
            .map(|(a, b)| (format!("{}{}", a.0, b.0), format!("{}{}", a.1, b.1)))
            .collect();
        rng.shuffle(&mut places);
        // Different characters can read alike (长江, 昌江): ids are pinyin, so keep one of each.
        let mut seen = std::collections::HashSet::new();
        places.retain(|(_, py)| seen.insert(py.clone()));
        let city = places.remove(0);
        let mut counties = Vec::new();
        for (kind, kind_py) in tables::COUNTY_KIND {
            counties.extend(places.iter().map(|(n, p)| (format!("{n}{kind}"), format!("{p}-{kind_py}"))));
        }
        Names { city, counties }
    }

    fn county(&self, g: usize) -> (String, String) {
        let (name, py) = &self.counties[g % self.counties.len()];
        match g / self.counties.len() {
            0 => (name.clone(), py.clone()),
            round => (name.clone(), format!("{py}{}", round + 1)),
        }
    }
}

fn config(names: &Names) -> String {
    format!(
        "# Generated by `safeduty synth`: every institution and person is fictitious.\n\
         title: 全员安全生产责任制公示\n\
         subtitle: {}\n\
         as_of: 2023-01-10\n\
         term_year: 2023\n\
         footer: 本站内容由 safeduty synth 生成，单位和人员均为虚构，用于测试和性能评估\n\
         lints:\n  post-without-holder: warn\n",
        q(&format!("{}卫生健康系统安全生产责任体系", names.city.0))
    )
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Commission,
    Hospital,
    Cdc,
    Emergency,
    Township,
}

/// An institution before its organisation is drawn.
struct Spec {
    id: String,
    name: String,
    short_name: String,
    kind: Kind,
    parent: Option<String>,
    doc_prefix: String,
    employees: usize,
}

/// Names, kinds, places in the tree and head counts of every institution.
fn institutions(n: usize, m: usize, names: &Names, rng: &mut Rng) -> Vec<Spec> {
    let (city, city_py) = &names.city;
    let mut specs = vec![Spec {
        id: format!("{city_py}-wjw"),
        name: format!("{city}市卫生健康委员会"),
        short_name: format!("{city}市卫健委"),
        kind: Kind::Commission,
        parent: None,
        doc_prefix: format!("{}卫健发", first(city)),
        employees: 0,
    }];
    let mut towns: Vec<(String, String)> = Vec::new();
    let mut county = (String::new(), String::new());
    for i in 1..n {
        let (g, p) = ((i - 1) / 25, (i - 1) % 25);
        if p == 0 {
            county = names.county(g);
            towns = tables::TOWN_A
                .iter()
                .flat_map(|a| tables::TOWN_B.iter().map(move |b| (a, b)))
                .map(|(a, b)| (format!("{}{}", a.0, b.0), format!("{}{}", a.1, b.1)))
                .collect();
            rng.shuffle(&mut towns);
        }
        let (cn, py) = &county;
        let c = first(cn);
        let commission = format!("{py}-wjw");
        let (id, name, short_name, kind, doc_prefix) = match p {
            0 => (
                commission.clone(),
                format!("{cn}卫生健康委员会"),
                format!("{cn}卫健委"),
                Kind::Commission,
                format!("{c}卫健发"),
            ),
            1 => (
                format!("{py}-rmyy"),
                format!("{cn}人民医院"),
                format!("{cn}医院"),
                Kind::Hospital,
                format!("{c}人医发"),
            ),
            2 => (
                format!("{py}-zyyy"),
                format!("{cn}中医医院"),
                format!("{c}中医院"),
                Kind::Hospital,
                format!("{c}中医发"),
            ),
            3 => (
                format!("{py}-cdc"),
                format!("{cn}疾病预防控制中心"),
                format!("{cn}疾控中心"),
                Kind::Cdc,
                format!("{c}疾控发"),
            ),
            4 => (
                format!("{py}-120"),
                format!("{cn}急救中心"),
                format!("{cn}急救中心"),
                Kind::Emergency,
                format!("{c}急救发"),
            ),
            _ => {
                let (town, town_py) = &towns[p - 5];
                let suffix = if rng.chance(70) { "镇" } else { "乡" };
                (
                    format!("{py}-{town_py}-wsy"),
                    format!("{cn}{town}{suffix}卫生院"),
                    format!("{town}{suffix}卫生院"),
                    Kind::Township,
                    format!("{town}卫院发"),
                )
            }
        };
        let parent = if p == 0 { specs[0].id.clone() } else { commission };
        specs.push(Spec { id, name, short_name, kind, parent: Some(parent), doc_prefix, employees: 0 });
    }
    // Head counts: the minimum each, the rest by weight (a people's hospital is big, a township
    // health centre small), the remainder to the first institution of the largest weight.
    let weight = |i: usize, s: &Spec| -> usize {
        match s.kind {
            Kind::Commission if i == 0 => 4,
            Kind::Commission => 2,
            Kind::Hospital if s.id.ends_with("-rmyy") => 60,
            Kind::Hospital => 25,
            Kind::Cdc => 5,
            Kind::Emergency => 6,
            Kind::Township => 3,
        }
    };
    let weights: Vec<usize> = specs.iter().enumerate().map(|(i, s)| weight(i, s)).collect();
    let total: usize = weights.iter().sum();
    let spare = m - n * MIN_EMPLOYEES;
    for (s, w) in specs.iter_mut().zip(&weights) {
        s.employees = MIN_EMPLOYEES + spare * w / total;
    }
    let given: usize = specs.iter().map(|s| s.employees).sum();
    let biggest = weights.iter().enumerate().max_by_key(|(i, w)| (**w, std::cmp::Reverse(*i))).map_or(0, |(i, _)| i);
    specs[biggest].employees += m - given;
    specs
}

fn first(s: &str) -> &str {
    s.char_indices().nth(1).map_or(s, |(i, _)| &s[..i])
}

struct DeptOut {
    id: String,
    name: String,
    head: Option<String>,
}

struct PostOut {
    id: String,
    name: String,
    department: String,
    category: &'static str,
    reports_to: Option<String>,
    scope: String,
    business: Vec<String>,
    add: Vec<String>,
    item8: Item8,
    /// Among the posts that take the people beyond one per post, and how many relatively.
    weight: u32,
    titles: &'static [&'static str],
}

struct PersonOut {
    id: String,
    name: String,
    title: Option<String>,
    post: String,
}

struct InstOut<'a> {
    spec: &'a Spec,
    depts: Vec<DeptOut>,
    posts: Vec<PostOut>,
    people: Vec<PersonOut>,
    /// Post ids.
    principal: String,
    deputy: String,
    leaders: Vec<String>,
    safety_posts: Vec<String>,
    /// Department id of the safety management body, if there is one.
    body: Option<String>,
    engineer: Option<String>,
}

/// Draws the institution's departments, posts and people.
fn organise<'a>(spec: &'a Spec, rng: &mut Rng) -> InstOut<'a> {
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
            Some(pattern) if total > 1 || d.slug == "station" => {
                (format!("{}-{i}", d.slug), pattern.replace("{name}", d.name).replace("{n}", &cn_number(*i)))
            }
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

fn staff_post(dept: &str, dept_name: &str, head: &str, s: &'static Staff, rng: &mut Rng) -> PostOut {
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

fn safety_post(id: &str, name: &str, dept: &str, reports_to: &str, chief: bool) -> PostOut {
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

fn cn_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", DIGITS[n % 10]),
        20..=99 if n.is_multiple_of(10) => format!("{}十", DIGITS[n / 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

/// A person's name and an id unique in `used` (pinyin, with a number when taken).
fn person_name(rng: &mut Rng, used: &mut BTreeSet<String>) -> (String, String) {
    let (name, py) = if rng.chance(4) {
        let (g, gp) = rng.pick(tables::WHOLE_NAMES);
        (g.to_string(), gp.to_string())
    } else {
        let (s, sp) = rng.pick(tables::SURNAMES);
        let (a, ap) = rng.pick(tables::GIVEN);
        if rng.chance(35) {
            (format!("{s}{a}"), format!("{sp}-{ap}"))
        } else {
            let (b, bp) = rng.pick(tables::GIVEN);
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
    fn write(&self, out: &mut Writer) -> Result<()> {
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
                        let _ = writeln!(y, "  remove: [8]");
                    }
                    Item8::Replace(text) => {
                        let _ = writeln!(y, "  replace:\n    - item: 8\n      text: {}", q(text));
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

/// `signing.yaml` for about a fifth of the institutions: most letters signed on paper with the
/// code they carry, a few for an older text (the site lists them as to be signed again). The
/// codes are the letters' real ones, so the tree is read back and its documents computed.
fn signing(dir: &Path, specs: &[Spec], seed: u64, out: &mut Writer) -> Result<()> {
    let mut rng = Rng::new(seed ^ 0x5349_474E);
    let chosen: BTreeSet<&str> = specs.iter().filter(|_| rng.chance(20)).map(|s| s.id.as_str()).collect();
    if chosen.is_empty() {
        return Ok(());
    }
    let checked = crate::checked::check(dir, |_| {});
    let Some(model) = checked.model else {
        return Err(Error::internal(format!(
            "the generated content does not pass check:\n{}",
            checked.report.render_human(&checked.sources, false)
        )));
    };
    let theme = crate::render::theme::Theme::load(None)?;
    let docs = crate::render::documents::all(&model, &theme)?;
    let mut by_inst: BTreeMap<&str, Vec<&crate::render::documents::Document>> = BTreeMap::new();
    for d in docs.iter().filter(|d| d.kind == crate::render::documents::Kind::Letter) {
        if chosen.contains(d.institution.as_str()) {
            by_inst.entry(d.institution.as_str()).or_default().push(d);
        }
    }
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (inst, letters) in by_inst {
        let mut y = String::from("# Letters signed on paper (generated).\nsigned:\n");
        for d in letters {
            let roll = rng.below(100);
            if roll >= 75 {
                continue;
            }
            let code = if roll < 5 {
                let c: String = (0..8).map(|_| ALPHABET[rng.below(32)] as char).collect();
                format!("{}-{}", &c[..4], &c[4..])
            } else {
                d.code.clone()
            };
            let _ = writeln!(
                y,
                "  - post: {}\n    person: {}\n    date: 2023-01-0{}\n    code: {code}",
                d.post,
                d.person.as_deref().unwrap_or_default(),
                2 + rng.below(8)
            );
        }
        out.write(&format!("institutions/{inst}/signing.yaml"), &y)?;
    }
    Ok(())
}

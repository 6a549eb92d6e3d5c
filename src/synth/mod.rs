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
mod institution;
mod names;
mod records;
mod spec;
mod tables;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use crate::error::{Error, Result};

use institution::{first, organise};
use spec::{Kind, Rng, Spec, Writer, q};

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

/// Writes a new content tree into `dir` (which must not exist, or be empty).
pub(crate) fn synth(dir: &Path, options: &Options) -> Result<Summary> {
    let Options { institutions: n, employees: m, seed } = *options;
    if n == 0 {
        return Err(Error::usage(crate::t!("synth-no-institutions")));
    }
    if m < n * MIN_EMPLOYEES {
        let (least, each) = (n * MIN_EMPLOYEES, MIN_EMPLOYEES);
        return Err(Error::usage(crate::t!("synth-too-few-employees", institutions = n, least, each, employees = m)));
    }
    if dir.exists() && std::fs::read_dir(dir).map_err(|e| Error::io("read", dir, e))?.next().is_some() {
        return Err(Error::usage(crate::t!("init-not-empty", dir = dir.display().to_string())));
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
    // Campaigns and records draw from their own streams, so that they do not shift the
    // organisations.
    let mut campaign_rng = Rng::new(seed.wrapping_add(1));
    let mut records_rng = Rng::new(seed.wrapping_add(2));
    for spec in &specs {
        let inst = organise(spec, &mut rng);
        summary.departments += inst.depts.len();
        summary.posts += inst.posts.len();
        summary.people += inst.people.len();
        inst.write(&mut out)?;
        records::write(&inst, &mut records_rng, &mut out)?;
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

/// Place names, drawn once per tree.
struct Names {
    /// (name, pinyin) of the city.
    city: (String, String),
    /// County-level places in the order they are used.
    counties: Vec<(String, String)>,
}

impl Names {
    fn new(rng: &mut Rng) -> Self {
        let mut places: Vec<(String, String)> = names::PLACE_A
            .iter()
            .flat_map(|a| names::PLACE_B.iter().filter(move |b| a.0 != b.0).map(move |b| (a, b)))
            .map(|(a, b)| (format!("{}{}", a.0, b.0), format!("{}{}", a.1, b.1)))
            .collect();
        rng.shuffle(&mut places);
        // Different characters can read alike (长江, 昌江): ids are pinyin, so keep one of each.
        let mut seen = std::collections::HashSet::new();
        places.retain(|(_, py)| seen.insert(py.clone()));
        let city = places.remove(0);
        let mut counties = Vec::new();
        for (kind, kind_py) in names::COUNTY_KIND {
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
            towns = names::TOWN_A
                .iter()
                .flat_map(|a| names::TOWN_B.iter().map(move |b| (a, b)))
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
        let report = checked.report.render_human(&checked.sources, false);
        return Err(Error::internal(crate::t!("synth-does-not-check", report)));
    };
    let theme = crate::render::theme::Theme::load(None)?;
    let docs = crate::render::documents::make(&model, &theme, crate::render::documents::Which::All)?;
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

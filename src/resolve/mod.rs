//! Stage 3, resolve: checked raw content → the [`Model`] all renderers share.
//!
//! Runs only on content that passed `check`, so references are known to exist; it still never
//! panics on a dangling one (it skips it), because a renderer must not crash a preview server.

mod campaign;
mod records;
mod risks;
mod signing;

use campaign::day;
use raw::HeadsSignWith;
use signing::Organisation;

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use crate::check::Index;
use crate::check::index::at;
use crate::load::{Content, InstitutionDir};
use crate::model::*;
use crate::raw;
use crate::source::Span;

/// Pages per part of the search index: measured with pagefind 1.6 on this project's pages, an
/// index of 1,500 pages takes 0.9 s and one of 16,000 takes 15 s (not 9), so parts of about
/// 2,000 keep the cost linear, and the search page merges few enough of them to stay quick.
pub(crate) const DEFAULT_SEARCH_PART_PAGES: usize = 2000;

/// Institutions an earlier resolve made, to be taken as they are: the preview's, after files
/// inside the folders of `edited` alone were written (so the settings, the categories and every
/// other institution's files are as they were when `model` was resolved).
#[derive(Clone, Copy)]
pub(crate) struct Reuse<'a> {
    pub(crate) model: &'a Model,
    pub(crate) edited: &'a BTreeSet<String>,
}

/// The model of checked content. With `reuse` (the preview), the institutions outside
/// `reuse.edited` are taken from `reuse.model`.
pub(crate) fn resolve(content: &Content, index: &Index, reuse: Option<Reuse>) -> Model {
    let mut categories: Vec<Category> = content
        .categories
        .iter()
        .filter(|c| index.categories.get(c.id.as_str()).is_some_and(|d| std::ptr::eq(d.value, &*c.value)))
        .map(|c| Category {
            id: c.id.clone(),
            name: c.value.name.value.clone(),
            title: c.value.title.clone().unwrap_or_else(|| format!("{}安全生产职责", c.value.name.value)),
            basis: c.value.basis.clone(),
            rank: c.value.rank,
            leadership: c.value.leadership,
            duties: c.value.duties.value.iter().map(|d| d.value.clone()).collect(),
            assessment: c.value.assessment.clone(),
            rewards_penalties: c.value.rewards_penalties.clone(),
        })
        .collect();
    categories.sort_by(|a, b| (a.rank, &a.id).cmp(&(b.rank, &b.id)));

    // Who signs for each commission: its members' principals sign with it.
    let commissions = signing::commissions(content);
    // Institutions resolve independently: on every core (a province has thousands).
    let before: HashMap<&str, &Arc<Institution>> = reuse
        .map(|r| {
            r.model.institutions.iter().filter(|i| !r.edited.contains(&i.id)).map(|i| (i.id.as_str(), i)).collect()
        })
        .unwrap_or_default();
    let institutions = tree_order(
        content
            .institutions
            .par_iter()
            .filter_map(|dir| match before.get(dir.id.as_str()) {
                Some(kept) => Some(Arc::clone(kept)),
                None => institution(content, dir, index, &categories, &commissions).map(Arc::new),
            })
            .collect(),
    );

    let mut pages: Vec<Page> = content
        .pages
        .iter()
        .map(|p| Page {
            slug: p.slug.clone(),
            title: p.meta.title.clone(),
            date: p.meta.date.as_ref().map(day),
            doc_number: p.meta.doc_number.clone(),
            institution: p.meta.institution.as_ref().map(|i| i.value.clone()),
            weight: p.meta.weight,
            markdown: p.body.clone(),
        })
        .collect();
    pages.sort_by(|a, b| (a.weight, &b.date, &a.slug).cmp(&(b.weight, &a.date, &b.slug)));

    let site = match &content.config {
        Some(c) => {
            let c = &c.value;
            Site {
                title: c.title.clone(),
                subtitle: c.subtitle.clone(),
                base_url: c.base_url.clone(),
                theme: c.theme.clone().unwrap_or_else(|| "theme".into()),
                footer: c.footer.clone(),
                allow_html: c.allow_html,
                as_of: c.as_of.as_ref().map(day),
                term_year: c.term_year.or_else(|| c.as_of.as_ref().map(|d| day(d).year() as u32)),
                search_part_pages: c.search_part_pages.as_ref().map_or(DEFAULT_SEARCH_PART_PAGES, |n| n.value),
            }
        }
        None => Site {
            title: "全员安全生产责任制".into(),
            subtitle: None,
            base_url: None,
            theme: "theme".into(),
            footer: None,
            allow_html: false,
            as_of: None,
            term_year: None,
            search_part_pages: DEFAULT_SEARCH_PART_PAGES,
        },
    };
    let campaigns = campaign::campaigns(content, &institutions);
    Model { site, categories, institutions, campaigns, pages }
}

/// "file:line:column" of a span, for messages that outlive the source map.
fn place(content: &Content, span: Span) -> String {
    format!("{}:{}:{}", content.sources.get(span.file).name, span.line, span.column)
}

fn institution(
    content: &Content,
    dir: &InstitutionDir,
    index: &Index,
    categories: &[Category],
    commissions: &HashMap<&str, Party>,
) -> Option<Institution> {
    let loaded = dir.institution.as_ref()?;
    let raw = &loaded.value;
    let departments = departments(dir);
    let dept_order: BTreeMap<&str, usize> = departments.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    let mut holders: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for person in dir.people.iter().flat_map(|l| l.value.iter()) {
        for post in &person.posts.value {
            holders.entry(post.value.as_str()).or_default().push(person.id.value.clone());
        }
    }
    let standard = RiskStandard::of(raw.risk_standard.as_ref().map(|s| &s.value));
    let mut seen = BTreeSet::new();
    let mut posts: Vec<Post> = dir
        .posts
        .iter()
        .filter(|p| seen.insert(p.id.as_str()))
        .map(|p| {
            let mut post = post(&p.id, &p.value, index, categories, holders.remove(p.id.as_str()).unwrap_or_default());
            post.source = place(content, at(p.file, &p.value.name));
            let category = p.value.category.as_ref().and_then(|c| index.categories.get(c.value.as_str()));
            let baseline = category.map_or(&[][..], |c| c.value.risks.as_slice());
            let inherited = crate::raw::inherited_risks(baseline, &p.value.risks, &p.value.remove_risks);
            post.risks = risks::of(&p.id, inherited.into_iter().map(|(_, r)| r), &standard);
            post.revisions = revisions(&raw.revisions, category.map(|c| &c.value.revisions[..]), &p.value.revisions);
            post
        })
        .collect();
    let rank = |p: &Post| {
        let head = departments.iter().any(|d| d.id == p.department && d.head.as_deref() == Some(p.id.as_str()));
        let cat = p.category.as_ref().and_then(|c| categories.iter().find(|k| &k.id == c)).map_or(u32::MAX, |c| c.rank);
        (dept_order.get(p.department.as_str()).copied().unwrap_or(usize::MAX), !head, cat, p.id.clone())
    };
    posts.sort_by_cached_key(rank);
    // A leader's departments in the institution's order.
    for p in &mut posts {
        p.supervises.sort_by_key(|id| dept_order.get(id.as_str()).copied().unwrap_or(usize::MAX));
    }
    let mut departments = departments;
    for d in &mut departments {
        d.posts = posts.iter().filter(|p| p.department == d.id).map(|p| p.id.clone()).collect();
        // The first leader (in post order) who names it; check reports a second.
        d.supervisor = posts.iter().find(|p| p.supervises.contains(&d.id)).map(|p| p.id.clone());
    }

    let mut seen = BTreeSet::new();
    let people: Vec<Person> = dir
        .people
        .iter()
        .flat_map(|l| l.value.iter().map(move |p| (l.file, p)))
        .filter(|(_, p)| seen.insert(p.id.value.as_str()))
        .map(|(file, p)| Person {
            id: p.id.value.clone(),
            name: p.name.clone(),
            title: p.title.clone(),
            number: p.number.clone(),
            posts: p.posts.value.iter().map(|s| s.value.clone()).collect(),
            source: place(content, at(file, &p.id)),
        })
        .collect();
    let principal = raw.principal.as_ref().map(|p| p.value.clone());
    let org = Organisation {
        institution: &dir.id,
        principal: principal.as_deref(),
        departments: &departments,
        posts: &posts,
        categories,
        heads_sign_with: raw.department_heads_sign_with.as_ref().map_or(HeadsSignWith::Principal, |h| h.value),
    };
    let commission = raw.parent.as_ref().and_then(|p| commissions.get(p.value.as_str()));
    let mut letters = signing::letters(&org, commission);
    if let Some(s) = &dir.signing {
        signing::apply(&mut letters, &s.value, &org);
        signing::confirm(&mut posts, &s.value);
    }
    let ids = |v: &[serde_saphyr::Spanned<String>]| v.iter().map(|s| s.value.clone()).collect::<Vec<_>>();
    Some(Institution {
        id: dir.id.clone(),
        name: raw.name.value.clone(),
        short_name: raw.short_name.clone(),
        kind: raw.kind.value,
        kind_label: raw.kind.value.label(),
        parent: raw.parent.as_ref().map(|p| p.value.clone()),
        authority: raw.authority.clone(),
        employees: raw.employees.value,
        hazardous_goods: raw.hazardous_goods,
        letter_numbers: match (raw.letter_numbers.as_ref().map(|l| l.value), &raw.doc_number) {
            (Some(raw::LetterNumbering::None), _) => LetterNumbers::None,
            (Some(raw::LetterNumbering::Register), _) | (None, None) => LetterNumbers::Register,
            // `check` refuses `document` without a style.
            (_, Some(style)) => LetterNumbers::Document(style.value.clone()),
            (Some(raw::LetterNumbering::Document), None) => LetterNumbers::Register,
        },
        card_numbers: match raw.card_numbers.as_ref().map(|c| c.value.trim()) {
            Some("none") => LetterNumbers::None,
            None | Some("register") => LetterNumbers::Register,
            Some(style) => LetterNumbers::Document(style.to_string()),
        },
        principal,
        leadership_group: raw.leadership_group.as_ref().map(|g| {
            let g = &g.value;
            let name = g.name.clone().unwrap_or_else(|| "安全生产领导小组".into());
            LeadershipGroup {
                committee: name.contains("委员会"),
                duties: g.duties.iter().map(|d| d.value.clone()).collect(),
                name,
                chair: g.chair.value.clone(),
                deputy_chairs: ids(&g.deputy_chairs),
                members: ids(&g.members),
                office: g.office.as_ref().map(|o| o.value.clone()),
                meets: g.meets.clone(),
                established: g.established.as_ref().map(day),
            }
        }),
        safety_management: raw.safety_management.as_ref().map_or_else(SafetyManagement::default, |s| {
            SafetyManagement {
                body: s.value.body.as_ref().map(|b| b.value.clone()),
                officers: s
                    .value
                    .officers
                    .iter()
                    .map(|o| Officer { post: o.post.value.clone(), kind: o.kind })
                    .collect(),
            }
        }),
        safety_engineers: raw
            .safety_engineers
            .iter()
            .map(|e| SafetyEngineer { person: e.person.value.clone(), certificate: e.certificate.clone() })
            .collect(),
        departments,
        posts,
        people,
        letters,
        hazards: records::hazards(dir),
        checklist: records::checklist(dir),
        inspections: records::inspections(dir),
        major_sources: records::major_sources(dir),
        risk_standard: standard,
        display: raw.display.as_ref().and_then(|d| {
            let d = &d.value;
            Some(Display {
                from: crate::date::Date::parse(&d.from.value).ok()?,
                until: crate::date::Date::parse(&d.until.value).ok()?,
                contact: d.contact.clone(),
                issuer: d.issuer.clone(),
            })
        }),
        source: place(content, at(loaded.file, &raw.name)),
    })
}

/// Institutions with each supervising institution before the ones it supervises (siblings as
/// they came). Maps, not scans: a province has thousands of institutions.
fn tree_order(all: Vec<Arc<Institution>>) -> Vec<Arc<Institution>> {
    let mut rank = vec![usize::MAX; all.len()];
    {
        let known: BTreeSet<&str> = all.iter().map(|i| i.id.as_str()).collect();
        let mut children: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut roots = Vec::new();
        for (n, inst) in all.iter().enumerate() {
            match inst.parent.as_deref().filter(|p| known.contains(p)) {
                Some(parent) => children.entry(parent).or_default().push(n),
                None => roots.push(n),
            }
        }
        let mut stack: Vec<usize> = roots.into_iter().rev().collect();
        let mut next = 0;
        while let Some(n) = stack.pop() {
            if rank[n] != usize::MAX {
                continue;
            }
            if let Some(kids) = children.get(all[n].id.as_str()) {
                stack.extend(kids.iter().rev());
            }
            rank[n] = next;
            next += 1;
        }
    }
    // Institutions caught in a parent cycle (reported by check) keep their place at the end.
    let mut ranked: Vec<(usize, Arc<Institution>)> = rank.into_iter().zip(all).collect();
    ranked.sort_by_key(|(rank, _)| *rank);
    ranked.into_iter().map(|(_, inst)| inst).collect()
}

/// Departments in tree order (parents before children, siblings as listed), with depth.
fn departments(dir: &InstitutionDir) -> Vec<Department> {
    let all: Vec<&raw::Department> = dir.departments.iter().flat_map(|l| l.value.iter()).collect();
    let known: BTreeSet<&str> = all.iter().map(|d| d.id.value.as_str()).collect();
    let parent: BTreeMap<&str, &str> = all
        .iter()
        .filter_map(|d| Some((d.id.value.as_str(), d.parent.as_ref()?.value.as_str())))
        .filter(|(_, p)| known.contains(p))
        .collect();
    let children = |id: &str| -> Vec<&raw::Department> {
        all.iter().copied().filter(|c| parent.get(c.id.value.as_str()) == Some(&id)).collect()
    };
    let mut out: Vec<Department> = Vec::new();
    let mut placed = BTreeSet::new();
    // Depth-first with an explicit stack; `placed` guards against cycles (reported by check).
    let mut stack: Vec<(&raw::Department, usize)> =
        all.iter().rev().filter(|d| !parent.contains_key(d.id.value.as_str())).map(|d| (*d, 0)).collect();
    while let Some((d, depth)) = stack.pop() {
        if !placed.insert(d.id.value.as_str()) {
            continue;
        }
        let kids = children(&d.id.value);
        out.push(Department {
            id: d.id.value.clone(),
            name: d.name.clone(),
            parent: d.parent.as_ref().map(|p| p.value.clone()),
            head: d.head.as_ref().map(|h| h.value.clone()),
            duties: d.duties.iter().map(|x| x.value.clone()).collect(),
            supervisor: None,
            depth,
            children: kids.iter().map(|c| c.id.value.clone()).collect(),
            posts: Vec::new(),
        });
        stack.extend(kids.into_iter().rev().map(|c| (c, depth + 1)));
    }
    out
}

fn post(id: &str, p: &raw::Post, index: &Index, categories: &[Category], holders: Vec<String>) -> Post {
    let category_id = p.category.as_ref().map(|c| c.value.as_str());
    let category = category_id.and_then(|c| categories.iter().find(|k| k.id == c));
    let raw_category = category_id.and_then(|c| index.categories.get(c)).map(|d| d.value);
    let keep_last = raw_category.is_some_and(|c| c.keep_last);
    Post {
        id: id.to_string(),
        name: p.name.value.clone(),
        department: p.department.value.clone(),
        category: category.map(|c| c.id.clone()),
        reports_to: p.reports_to.as_ref().map(|r| r.value.clone()),
        scope: p.scope.clone().unwrap_or_default(),
        business_duties: p.business_duties.clone(),
        supervises: p.supervises.iter().map(|d| d.value.clone()).collect(),
        duties: duties(category.map_or(&[][..], |c| &c.duties), keep_last, &p.duties),
        assessment: p.assessment.clone().or_else(|| raw_category.map(|c| c.assessment.clone())).unwrap_or_default(),
        rewards_penalties: p
            .rewards_penalties
            .clone()
            .or_else(|| raw_category.map(|c| c.rewards_penalties.clone()))
            .unwrap_or_default(),
        holders,
        risks: Vec::new(),
        revisions: Vec::new(),
        confirmed: BTreeMap::new(),
        source: String::new(),
    }
}

/// A post's stated revisions: its institution's, its category's and its own, oldest first
/// (those of one day in that order).
fn revisions(
    institution: &[raw::Revision],
    category: Option<&[raw::Revision]>,
    post: &[raw::Revision],
) -> Vec<Revision> {
    let of = |list: &[raw::Revision], by: &'static str| -> Vec<Revision> {
        // `check` read every date.
        let day = |r: &raw::Revision| crate::date::Date::parse(&r.date.value).ok();
        list.iter().filter_map(|r| Some(Revision { date: day(r)?, note: r.note.trim().to_string(), by })).collect()
    };
    let mut all = of(institution, "institution");
    all.extend(of(category.unwrap_or_default(), "category"));
    all.extend(of(post, "post"));
    all.sort_by_key(|r| r.date);
    all
}

/// The final numbered duty list of a post. The post's own items follow the category's, except
/// that a category's catch-all last item (`keep_last`) stays last.
pub(crate) fn duties(category: &[String], keep_last: bool, edits: &raw::PostDuties) -> Vec<Duty> {
    // `check` found each reference naming exactly one item.
    let item = |r: &raw::ItemRef| r.find(category).map_or(0, |i| i as u32 + 1);
    let removed: BTreeSet<u32> = edits.remove.iter().map(|r| item(&r.value)).collect();
    let replaced: BTreeMap<u32, &str> =
        edits.replace.iter().map(|r| (item(&r.item.value), r.text.value.as_str())).collect();
    let mut list: Vec<Duty> = Vec::new();
    for (i, text) in category.iter().enumerate() {
        let item = i as u32 + 1;
        if removed.contains(&item) {
            continue;
        }
        let (text, origin) = match replaced.get(&item) {
            Some(t) => (t.to_string(), Origin::Replaced { item }),
            None => (text.clone(), Origin::Category { item }),
        };
        list.push(Duty { number: 0, text, origin });
    }
    let last_kept = keep_last && !category.is_empty() && !removed.contains(&(category.len() as u32));
    let tail = if last_kept { list.pop() } else { None };
    list.extend(edits.add.iter().map(|a| Duty { number: 0, text: a.value.clone(), origin: Origin::Post }));
    list.extend(tail);
    for (i, d) in list.iter_mut().enumerate() {
        d.number = i as u32 + 1;
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edits(yaml: &str) -> raw::PostDuties {
        serde_saphyr::from_str(yaml).unwrap()
    }

    fn texts(list: &[Duty]) -> Vec<(u32, &str, Origin)> {
        list.iter().map(|d| (d.number, d.text.as_str(), d.origin)).collect()
    }

    const CATEGORY: [&str; 3] = ["甲；", "乙；", "其他职责。"];

    fn category() -> Vec<String> {
        CATEGORY.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn own_duties_go_before_a_kept_last_item() {
        let list = duties(&category(), true, &edits("add: [丙；]"));
        assert_eq!(
            texts(&list),
            vec![
                (1, "甲；", Origin::Category { item: 1 }),
                (2, "乙；", Origin::Category { item: 2 }),
                (3, "丙；", Origin::Post),
                (4, "其他职责。", Origin::Category { item: 3 }),
            ]
        );
    }

    #[test]
    fn own_duties_go_last_without_keep_last() {
        let list = duties(&category(), false, &edits("add: [丙；]"));
        assert_eq!(list.last().unwrap().text, "丙；");
    }

    #[test]
    fn replace_and_remove_name_items_by_their_text() {
        let list = duties(&category(), true, &edits("replace: [{item: 乙, text: 乙乙；}]\nremove: [甲]\nadd: [丁；]"));
        assert_eq!(
            texts(&list),
            vec![
                (1, "乙乙；", Origin::Replaced { item: 2 }),
                (2, "丁；", Origin::Post),
                (3, "其他职责。", Origin::Category { item: 3 }),
            ]
        );
    }

    #[test]
    fn removing_the_last_item_appends_own_duties_at_the_end() {
        let list = duties(&category(), true, &edits("remove: [其他职责]\nadd: [丁；]"));
        assert_eq!(texts(&list).iter().map(|t| t.1).collect::<Vec<_>>(), vec!["甲；", "乙；", "丁；"]);
    }
}

//! Views of the records (台账) for the templates: the hazard ledger of an institution, its open
//! hazards per department, and the counts a commission sees for each member. Where a hazard
//! stands is computed for the day of record (`progress::hazard`).

use std::collections::HashMap;

use serde::Serialize;

use super::views::{DocLink, InstView, Link};
use crate::date::Date;
use crate::model::{Hazard, Inspection, Institution, Model, Post};
use crate::progress::{self, IssueState, Timeliness};
use crate::raw::{HazardGrade, RiskGrade, RiskMethod};
use crate::render::cards::RiskView;
use crate::render::documents::{Document, Kind};
use crate::render::paths;

/// One row of the ledger as it stood on the day.
#[derive(Serialize)]
pub(crate) struct HazardRow {
    pub(crate) id: String,
    /// Its row on the page of its year.
    pub(crate) url: String,
    pub(crate) found: Date,
    pub(crate) source: &'static str,
    pub(crate) found_by: Option<Link>,
    pub(crate) department: Option<Link>,
    pub(crate) place: Option<String>,
    pub(crate) description: String,
    pub(crate) grade: &'static str,
    pub(crate) major: bool,
    pub(crate) measure: String,
    pub(crate) owner: Option<Link>,
    pub(crate) deadline: Date,
    pub(crate) rectified: Option<Date>,
    pub(crate) rectified_by: Option<Link>,
    pub(crate) verified: Option<Date>,
    pub(crate) verified_by: Option<Link>,
    pub(crate) plan: Option<String>,
    pub(crate) reported: Option<Date>,
    /// The published evidence of the rectification, below the site root, once rectified.
    pub(crate) evidence: Option<String>,
    pub(crate) note: Option<String>,
    /// open, closed (rectified, not yet verified) or verified.
    pub(crate) state: IssueState,
    pub(crate) state_label: &'static str,
    pub(crate) timeliness: Timeliness,
    pub(crate) timeliness_label: &'static str,
    /// Days past the deadline while open and overdue.
    pub(crate) days_overdue: i64,
    /// Its rectification notice (整改通知单), with the code printed on it.
    pub(crate) notice: Option<DocLink>,
}

/// Counts of a ledger on the day.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct HazardTally {
    /// Found up to the day.
    pub(crate) found: usize,
    pub(crate) open: usize,
    pub(crate) overdue: usize,
    /// Rectified, awaiting verification.
    pub(crate) rectified: usize,
    pub(crate) verified: usize,
    pub(crate) major: usize,
    pub(crate) major_open: usize,
}

impl HazardTally {
    fn add(&mut self, h: &Hazard, (state, timeliness): (IssueState, Timeliness)) {
        if state == IssueState::NotFound {
            return;
        }
        let major = h.grade == HazardGrade::Major;
        self.found += 1;
        self.major += usize::from(major);
        match state {
            IssueState::Open => {
                self.open += 1;
                self.overdue += usize::from(timeliness == Timeliness::Overdue);
                self.major_open += usize::from(major);
            }
            IssueState::Closed => self.rectified += 1,
            IssueState::Verified => self.verified += 1,
            IssueState::NotFound => {}
        }
    }

    fn of(inst: &Institution, as_of: Date) -> Self {
        let mut tally = HazardTally::default();
        for h in &inst.hazards {
            tally.add(h, progress::hazard(h, as_of));
        }
        tally
    }
}

/// An item of the inspection checklist as it stood on the day.
#[derive(Serialize)]
pub(crate) struct CheckRow {
    pub(crate) id: String,
    pub(crate) content: String,
    pub(crate) standard: Option<String>,
    pub(crate) frequency: &'static str,
    pub(crate) level: &'static str,
    pub(crate) post: Option<Link>,
    /// Inspections in the year up to the day.
    pub(crate) last_year: usize,
    pub(crate) last: Option<InspectionRow>,
    /// The last window before the day with no inspection (first day, last day).
    pub(crate) missed: Option<(Date, Date)>,
}

/// One inspection: when, what, by whom, and the hazard it found.
#[derive(Serialize)]
pub(crate) struct InspectionRow {
    pub(crate) date: Date,
    pub(crate) item: String,
    pub(crate) content: String,
    pub(crate) by: Option<Link>,
    /// The hazard found: its ledger number and its row.
    pub(crate) hazard: Option<Link>,
    pub(crate) note: Option<String>,
}

fn inspection_row(v: &InstView, i: &Inspection) -> InspectionRow {
    let item = v.inst.checklist.iter().find(|c| c.id == i.item);
    InspectionRow {
        date: i.date,
        item: i.item.clone(),
        content: item.map_or_else(String::new, |c| c.content.clone()),
        by: person(v, &i.by),
        hazard: i.hazard.as_ref().map(|id| {
            let year = v.inst.hazard(id).map_or(i.date.year(), |h| h.found.year());
            Link::new(id.clone(), paths::hazard(&v.inst.id, year, id))
        }),
        note: i.note.clone(),
    }
}

/// The checklist with each item's inspections up to the day, and how many items missed their
/// last window.
fn checklist(v: &InstView, as_of: Date) -> (Vec<CheckRow>, usize) {
    let inst = v.inst;
    let mut by_item: HashMap<&str, Vec<&Inspection>> = HashMap::new();
    for i in inst.inspections.iter().filter(|i| i.date <= as_of) {
        by_item.entry(i.item.as_str()).or_default().push(i);
    }
    let rows: Vec<CheckRow> = inst
        .checklist
        .iter()
        .map(|c| {
            let done = by_item.get(c.id.as_str()).map_or(&[][..], Vec::as_slice);
            CheckRow {
                id: c.id.clone(),
                content: c.content.clone(),
                standard: c.standard.clone(),
                frequency: c.frequency.label(),
                level: c.level.label(),
                post: inst.post(&c.post).map(|p| Link::new(p.name.clone(), paths::post(&inst.id, &p.id))),
                last_year: done.iter().filter(|i| i.date > as_of.plus_days(-365)).count(),
                last: done.last().map(|i| inspection_row(v, i)),
                missed: c.frequency.missed(c.since, done.iter().map(|i| i.date), as_of),
            }
        })
        .collect();
    let missed = rows.iter().filter(|r| r.missed.is_some()).count();
    (rows, missed)
}

/// A year of the ledger, a page of its own: the hazards found that year, whatever became of
/// them, and the year's inspections.
#[derive(Serialize)]
pub(crate) struct LedgerYear {
    pub(crate) institution: Link,
    pub(crate) ledger: String,
    pub(crate) as_of: Date,
    pub(crate) year: i16,
    pub(crate) tally: HazardTally,
    pub(crate) rows: Vec<HazardRow>,
    /// The year's inspections, newest first.
    pub(crate) inspections: Vec<InspectionRow>,
}

/// One department's line of the ledger's summary.
#[derive(Serialize)]
pub(crate) struct DepartmentHazards {
    pub(crate) department: Link,
    pub(crate) tally: HazardTally,
}

/// The ledger page (隐患排查治理台账): what is open first, overdue marked, then each year's
/// hazards, newest year first.
#[derive(Serialize)]
pub(crate) struct LedgerPage {
    pub(crate) institution: Link,
    pub(crate) as_of: Date,
    pub(crate) tally: HazardTally,
    pub(crate) open: Vec<HazardRow>,
    pub(crate) departments: Vec<DepartmentHazards>,
    /// The inspection checklist (隐患排查清单) and how each item was kept.
    pub(crate) checklist: Vec<CheckRow>,
    /// Items with no inspection in their last window.
    pub(crate) missed: usize,
    /// The monthly bulletins (月度通报), newest first.
    pub(crate) bulletins: Vec<Link>,
    /// Each year's page, newest first.
    pub(crate) years: Vec<YearLink>,
    /// The departments' blank inspection record forms (隐患排查记录表), in the institution's order.
    pub(crate) forms: Vec<DocLink>,
}

/// A year of the ledger as its main page lists it.
#[derive(Serialize)]
pub(crate) struct YearLink {
    pub(crate) year: i16,
    pub(crate) url: String,
    pub(crate) tally: HazardTally,
    pub(crate) inspections: usize,
    /// The year's ledger printed (A4 landscape).
    pub(crate) pdf: Option<DocLink>,
}

/// What an institution's page shows of its ledger, and each member's counts on a commission's.
#[derive(Serialize)]
pub(crate) struct HazardSummary {
    pub(crate) url: String,
    pub(crate) as_of: Date,
    pub(crate) tally: HazardTally,
}

#[derive(Serialize)]
pub(crate) struct MemberHazards {
    pub(crate) institution: Link,
    pub(crate) ledger: Option<String>,
    pub(crate) tally: HazardTally,
}

fn person(v: &InstView, id: &str) -> Option<Link> {
    v.inst.person(id).map(|p| Link::new(p.name.clone(), paths::person(&v.inst.id, &p.id)))
}

fn row(v: &InstView, notices: &HashMap<&str, &Document>, h: &Hazard, as_of: Date) -> HazardRow {
    let (state, timeliness) = progress::hazard(h, as_of);
    HazardRow {
        id: h.id.clone(),
        url: paths::hazard(&v.inst.id, h.found.year(), &h.id),
        found: h.found,
        source: h.source.map_or("", |s| s.label()),
        found_by: h.found_by.as_deref().and_then(|p| person(v, p)),
        department: v.inst.department(&h.department).map(|d| v.department_link(d)),
        place: h.place.clone(),
        description: h.description.clone(),
        grade: h.grade.label(),
        major: h.grade == HazardGrade::Major,
        measure: h.measure.clone(),
        owner: person(v, &h.owner),
        deadline: h.deadline,
        rectified: h.rectified.filter(|d| *d <= as_of),
        rectified_by: h.rectified.filter(|d| *d <= as_of).and_then(|_| person(v, &h.rectified_by)),
        verified: h.verified.filter(|d| *d <= as_of),
        verified_by: h.verified.filter(|d| *d <= as_of).and(h.verified_by.as_deref()).and_then(|p| person(v, p)),
        plan: h.plan.clone(),
        reported: h.reported.filter(|d| *d <= as_of),
        evidence: h
            .evidence
            .as_deref()
            .filter(|_| h.rectified.is_some_and(|d| d <= as_of))
            .map(|e| paths::scan(&v.inst.id, e)),
        note: h.note.clone(),
        state,
        state_label: state.label(),
        timeliness,
        timeliness_label: timeliness.label(),
        days_overdue: if state == IssueState::Open && timeliness == Timeliness::Overdue {
            h.deadline.days_until(as_of)
        } else {
            0
        },
        notice: notices.get(paths::notice(&v.inst.id, &h.id).as_str()).map(|d| DocLink::of(d, "整改通知单")),
    }
}

/// An institution's rectification notices, by file: each row links its own.
fn notices<'a>(v: &InstView<'a>) -> HashMap<&'a str, &'a Document> {
    v.documents.iter().filter(|d| d.kind == Kind::Notice).map(|d| (d.file.as_str(), *d)).collect()
}

/// The ledger page of an institution that keeps one, and a page for each year.
pub(crate) fn ledger(v: &InstView) -> Option<(LedgerPage, Vec<LedgerYear>)> {
    let inst = v.inst;
    let as_of = progress::ledger_day(v.model, inst)?;
    let notices = notices(v);
    let mut open = Vec::new();
    let mut years: Vec<LedgerYear> = Vec::new();
    let mut by_department: HashMap<&str, HazardTally> = HashMap::new();
    let mut tally = HazardTally::default();
    // Newest year first; within a year, in the order found.
    for h in inst.hazards.iter().filter(|h| h.found <= as_of).rev() {
        let state = progress::hazard(h, as_of);
        tally.add(h, state);
        by_department.entry(h.department.as_str()).or_default().add(h, state);
        if state.0 == IssueState::Open {
            open.push(row(v, &notices, h, as_of));
        }
        let year = h.found.year();
        let y = year_of(v, as_of, &mut years, year);
        y.tally.add(h, state);
        y.rows.push(row(v, &notices, h, as_of));
    }
    for y in &mut years {
        y.rows.reverse();
    }
    for i in inst.inspections.iter().filter(|i| i.date <= as_of).rev() {
        year_of(v, as_of, &mut years, i.date.year()).inspections.push(inspection_row(v, i));
    }
    years.sort_by_key(|y| std::cmp::Reverse(y.year));
    let (checklist, missed) = checklist(v, as_of);
    // Open first: major before general, the longest overdue first.
    open.sort_by(|a, b| (!a.major, a.deadline, &a.id).cmp(&(!b.major, b.deadline, &b.id)));
    let departments = inst
        .departments
        .iter()
        .filter_map(|d| {
            Some(DepartmentHazards { department: v.department_link(d), tally: *by_department.get(d.id.as_str())? })
        })
        .collect();
    let bulletins = progress::bulletin_months(v.model, inst)
        .into_iter()
        .map(|m| Link::new(m.label(), paths::bulletin(&inst.id, &m.key())))
        .collect();
    let printed =
        |file: &str, title: String| v.documents.iter().find(|d| d.file == file).map(|d| DocLink::of(d, title));
    let links = years
        .iter()
        .map(|y| YearLink {
            year: y.year,
            url: paths::hazards_year(&inst.id, y.year),
            tally: y.tally,
            inspections: y.inspections.len(),
            pdf: printed(&paths::ledger(&inst.id, y.year), format!("{}年度台账", y.year)),
        })
        .collect();
    let forms = inst
        .departments
        .iter()
        .filter_map(|d| printed(&paths::form(&inst.id, &d.id), format!("{}隐患排查记录表", d.name)))
        .collect();
    let page = LedgerPage {
        institution: v.link(),
        as_of,
        tally,
        open,
        departments,
        checklist,
        missed,
        bulletins,
        years: links,
        forms,
    };
    Some((page, years))
}

/// The ledger's section for a year, made when first asked for.
fn year_of<'y>(v: &InstView, as_of: Date, years: &'y mut Vec<LedgerYear>, year: i16) -> &'y mut LedgerYear {
    let at = years.iter().position(|y| y.year == year).unwrap_or_else(|| {
        years.push(LedgerYear {
            institution: v.link(),
            ledger: paths::hazards(&v.inst.id),
            as_of,
            year,
            tally: HazardTally::default(),
            rows: Vec::new(),
            inspections: Vec::new(),
        });
        years.len() - 1
    });
    &mut years[at]
}

/// The institution page's line on its ledger.
pub(crate) fn summary(model: &Model, inst: &Institution) -> Option<HazardSummary> {
    let as_of = progress::ledger_day(model, inst)?;
    Some(HazardSummary { url: paths::hazards(&inst.id), as_of, tally: HazardTally::of(inst, as_of) })
}

/// A department's open hazards on the day.
pub(crate) fn open_in(v: &InstView, department: &str) -> Vec<HazardRow> {
    open_where(v, |h| h.department == department)
}

/// The hazards still open on the day that a holder of the post is to put right (整改责任人).
pub(crate) fn open_for(v: &InstView, post: &Post) -> Vec<HazardRow> {
    open_where(v, |h| post.holders.contains(&h.owner))
}

fn open_where(v: &InstView, which: impl Fn(&Hazard) -> bool) -> Vec<HazardRow> {
    let Some(as_of) = progress::ledger_day(v.model, v.inst) else { return Vec::new() };
    let mut open =
        v.inst.hazards.iter().filter(|h| which(h) && progress::hazard(h, as_of).0 == IssueState::Open).peekable();
    if open.peek().is_none() {
        return Vec::new();
    }
    let notices = notices(v);
    open.map(|h| row(v, &notices, h, as_of)).collect()
}

/// A commission's members (the institutions it supervises) with their ledgers' counts.
pub(crate) fn members(model: &Model, inst: &Institution) -> Vec<MemberHazards> {
    model
        .institutions
        .iter()
        .filter(|m| m.parent.as_deref() == Some(inst.id.as_str()))
        .map(|m| {
            let summary = summary(model, m);
            MemberHazards {
                institution: Link::new(m.name.clone(), paths::institution(&m.id)),
                ledger: summary.as_ref().map(|s| s.url.clone()),
                tally: summary.map(|s| s.tally).unwrap_or_default(),
            }
        })
        .collect()
}

/// A risk of the register, with the post it belongs to.
#[derive(Serialize)]
pub(crate) struct RiskRow<'a> {
    #[serde(flatten)]
    pub(crate) risk: RiskView<'a>,
    pub(crate) post: Link,
}

/// A department's risks counted by grade: a row of the four-colour table.
#[derive(Serialize)]
pub(crate) struct GridRow {
    pub(crate) department: Link,
    pub(crate) depth: usize,
    /// (grade, count), most severe first.
    pub(crate) cells: Vec<(RiskGrade, usize)>,
}

#[derive(Serialize)]
pub(crate) struct GradeGroup<'a> {
    pub(crate) grade: RiskGrade,
    pub(crate) label: &'static str,
    pub(crate) control_level: &'static str,
    pub(crate) risks: Vec<RiskRow<'a>>,
}

/// The risk register (安全风险分级管控清单) of an institution that lists risks: its standard, the
/// departments × grades table drawn in the four colours, and every risk by grade.
#[derive(Serialize)]
pub(crate) struct RiskRegister<'a> {
    pub(crate) institution: Link,
    pub(crate) method: &'static str,
    /// (grade label, colour, where it begins, control level), most severe first.
    pub(crate) scale: Vec<(&'static str, &'static str, String, &'static str)>,
    pub(crate) grid: Vec<GridRow>,
    pub(crate) totals: [usize; 4],
    pub(crate) grades: Vec<GradeGroup<'a>>,
    /// The identification of major hazard sources (重大危险源辨识), unit by unit.
    pub(crate) sources: Vec<SourceRow<'a>>,
}

/// A unit identified under GB 18218, as the register shows it.
#[derive(Serialize)]
pub(crate) struct SourceRow<'a> {
    pub(crate) unit: &'a crate::model::SourceUnit,
    pub(crate) department: Option<Link>,
    pub(crate) owner: Option<Link>,
    /// `S = Σq/Q = 0.06`, `S = Σq/Q < 0.01`: the sum of quantity / threshold.
    pub(crate) sum: String,
    pub(crate) grade: &'static str,
}

pub(crate) fn risk_register<'a>(v: &InstView<'a>) -> Option<RiskRegister<'a>> {
    let inst = v.inst;
    if !inst.lists_risks() {
        return None;
    }
    let standard = &inst.risk_standard;
    let [major, significant, general] = standard.thresholds;
    let var = if standard.method == RiskMethod::Lec { "D" } else { "R" };
    let begins = [
        format!("{var}≥{major}"),
        format!("{significant}≤{var}<{major}"),
        format!("{general}≤{var}<{significant}"),
        format!("{var}<{general}"),
    ];
    let scale = RiskGrade::ALL
        .iter()
        .zip(begins)
        .map(|(g, b)| (g.label(), g.colour(), b, standard.control(*g).label()))
        .collect();
    let post_link = |id: &str| {
        let name = inst.post(id).map_or(id, |p| p.name.as_str());
        Link::new(name.to_string(), paths::post(&inst.id, id))
    };
    let mut totals = [0; 4];
    let grid = inst
        .departments
        .iter()
        .map(|d| {
            let mut counts = [0; 4];
            for r in inst.posts.iter().filter(|p| p.department == d.id).flat_map(|p| &p.risks) {
                counts[r.grade as usize] += 1;
                totals[r.grade as usize] += 1;
            }
            GridRow {
                department: v.department_link(d),
                depth: d.depth,
                cells: RiskGrade::ALL.into_iter().zip(counts).collect(),
            }
        })
        .filter(|row| row.cells.iter().any(|(_, n)| *n > 0))
        .collect();
    let grades = RiskGrade::ALL
        .iter()
        .map(|g| GradeGroup {
            grade: *g,
            label: g.label(),
            control_level: standard.control(*g).label(),
            risks: inst
                .posts
                .iter()
                .flat_map(|p| p.risks.iter().filter(|r| r.grade == *g).map(move |r| (p, r)))
                .map(|(p, r)| RiskRow { risk: RiskView::of(inst, p, r), post: post_link(&p.id) })
                .collect(),
        })
        .filter(|g| !g.risks.is_empty())
        .collect();
    Some(RiskRegister {
        institution: v.link(),
        method: match standard.method {
            RiskMethod::Matrix => "风险矩阵法（R = L × S）",
            RiskMethod::Lec => "作业条件危险性评价法（D = L × E × C）",
        },
        scale,
        grid,
        totals,
        grades,
        sources: inst
            .major_sources
            .iter()
            .map(|u| SourceRow {
                unit: u,
                department: inst.department(&u.department).map(|d| v.department_link(d)),
                owner: person(v, &u.owner),
                sum: match u.sum {
                    s if s > 0.0 && s < 0.01 => "S = Σq/Q < 0.01".into(),
                    s => format!("S = Σq/Q = {s:.2}"),
                },
                grade: u.grade.map_or("", |g| g.label()),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Hazard;

    fn hazard(found: &str, deadline: &str, rectified: Option<&str>, verified: Option<&str>, major: bool) -> Hazard {
        Hazard {
            id: "2026-001".into(),
            found: found.into(),
            source: None,
            found_by: None,
            department: "d".into(),
            place: None,
            description: String::new(),
            grade: if major { HazardGrade::Major } else { HazardGrade::General },
            measure: String::new(),
            owner: "p".into(),
            deadline: deadline.into(),
            rectified: rectified.map(Date::from),
            rectified_by: "p".into(),
            verified: verified.map(Date::from),
            verified_by: None,
            plan: None,
            reported: None,
            evidence: None,
            note: None,
        }
    }

    fn tally(hazards: &[Hazard], as_of: &str) -> HazardTally {
        let mut t = HazardTally::default();
        for h in hazards {
            t.add(h, progress::hazard(h, as_of.into()));
        }
        t
    }

    #[test]
    fn the_tally_moves_with_the_day() {
        let ledger = [
            hazard("2026-03-01", "2026-03-31", Some("2026-03-20"), Some("2026-03-25"), false),
            hazard("2026-04-10", "2026-05-10", None, None, true),
            hazard("2026-05-01", "2026-06-30", Some("2026-06-01"), None, false),
        ];
        assert_eq!(
            tally(&ledger, "2026-04-30"),
            HazardTally { found: 2, open: 1, overdue: 0, rectified: 0, verified: 1, major: 1, major_open: 1 }
        );
        assert_eq!(
            tally(&ledger, "2026-05-11"),
            HazardTally { found: 3, open: 2, overdue: 1, rectified: 0, verified: 1, major: 1, major_open: 1 }
        );
        assert_eq!(
            tally(&ledger, "2026-06-02"),
            HazardTally { found: 3, open: 1, overdue: 1, rectified: 1, verified: 1, major: 1, major_open: 1 }
        );
    }
}

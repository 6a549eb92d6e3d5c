//! Stage 3's result: the resolved model that every renderer reads. Plain data, no positions,
//! every reference already checked; ids are plain strings valid within their institution.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::date::Date;

mod campaign;
pub(crate) use campaign::*;

use crate::raw::{
    ControlLevel, Frequency, HazardGrade, HazardSource, InstitutionKind, OfficerKind, RiskArea, RiskGrade, RiskMethod,
    SourceGrade,
};

#[derive(Debug, Serialize)]
pub struct Model {
    pub(crate) site: Site,
    pub(crate) categories: Vec<Category>,
    pub(crate) institutions: Vec<std::sync::Arc<Institution>>,
    pub(crate) campaigns: Vec<Campaign>,
    pub(crate) pages: Vec<Page>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Site {
    pub(crate) title: String,
    pub(crate) subtitle: Option<String>,
    pub(crate) base_url: Option<String>,
    /// Theme override folder, relative to the content root.
    pub(crate) theme: String,
    pub(crate) footer: Option<String>,
    pub(crate) allow_html: bool,
    /// YYYY-MM-DD; the date of record for the build, from the content (never the clock).
    pub(crate) as_of: Option<Date>,
    pub(crate) term_year: Option<u32>,
    /// Pages per part of the search index.
    pub(crate) search_part_pages: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct Category {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) title: String,
    /// Where its duties come from, when not from the guidance's annex.
    pub(crate) basis: Option<String>,
    pub(crate) rank: u32,
    /// Its posts are leadership posts: they sign with the principal.
    pub(crate) leadership: bool,
    pub(crate) duties: Vec<String>,
    /// What its posts are assessed by, and rewarded or penalised by, unless a post says otherwise.
    pub(crate) assessment: Vec<String>,
    pub(crate) rewards_penalties: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Institution {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) short_name: Option<String>,
    pub(crate) kind: InstitutionKind,
    pub(crate) kind_label: &'static str,
    pub(crate) parent: Option<String>,
    pub(crate) authority: Option<String>,
    pub(crate) employees: u32,
    pub(crate) hazardous_goods: bool,
    pub(crate) letter_numbers: LetterNumbers,
    /// How its duty cards are numbered (清单编号).
    pub(crate) card_numbers: LetterNumbers,
    /// Post id of the principal.
    pub(crate) principal: Option<String>,
    pub(crate) leadership_group: Option<LeadershipGroup>,
    pub(crate) safety_management: SafetyManagement,
    pub(crate) safety_engineers: Vec<SafetyEngineer>,
    /// In tree order: each department after its parent.
    pub(crate) departments: Vec<Department>,
    /// Ordered by department, then head first, then category rank.
    pub(crate) posts: Vec<Post>,
    pub(crate) people: Vec<Person>,
    /// Responsibility letters to sign (层层签订), in department and post order.
    pub(crate) letters: Vec<Letter>,
    /// The hazard ledger (隐患排查治理台账), in the order found.
    pub(crate) hazards: Vec<Hazard>,
    /// The inspection checklist (隐患排查清单), in the order written.
    pub(crate) checklist: Vec<CheckItem>,
    /// Inspections made by the checklist, in the order of their days.
    pub(crate) inspections: Vec<Inspection>,
    /// The identification of major hazard sources, by unit in the order written.
    pub(crate) major_sources: Vec<SourceUnit>,
    /// How its risks are graded and who controls each grade (一企业一标准).
    pub(crate) risk_standard: RiskStandard,
    /// Its printed public display's period, contact and issuer, when the content states them.
    pub(crate) display: Option<Display>,
    /// Where the institution is described (file:line:column), for messages about it.
    pub(crate) source: String,
}

/// 公示 (see `raw::Display`): the printed display leaves blanks for what is not stated.
#[derive(Debug, Serialize)]
pub(crate) struct Display {
    pub(crate) from: Date,
    pub(crate) until: Date,
    pub(crate) contact: Option<String>,
    pub(crate) issuer: Option<String>,
}

/// One responsibility letter: 甲方 (the superior post, represented by its holder) and 乙方.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Letter {
    /// Unique in the institution: `<post>--<person>` of 乙方.
    pub(crate) id: String,
    /// Which level of 层层签订 the letter binds.
    pub(crate) level: Level,
    /// 甲方: the superior post and the person who signs for it (None if the post is vacant).
    pub(crate) party_a: Party,
    /// 乙方: the post whose duties the letter carries and the person who holds it.
    pub(crate) party_b: Party,
    /// The record of its signing on paper, if any.
    pub(crate) signed: Option<Signed>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Signed {
    pub(crate) date: Date,
    /// The verification code printed on the signed paper.
    pub(crate) code: String,
    /// A scan of the signed paper, relative to the institution's folder.
    pub(crate) scan: Option<String>,
}

impl Letter {
    /// A letter's id from 乙方's post and person. Ids may not contain `--`, so it is unambiguous.
    pub(crate) fn id_for(post: &str, person: &str) -> String {
        format!("{post}--{person}")
    }
}

/// How the letters (or the duty cards) of an institution are numbered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "style", rename_all = "kebab-case")]
pub(crate) enum LetterNumbers {
    None,
    /// 责任书编号: the year and the letter's place, e.g. 2023-007.
    Register,
    /// A 发文字号 in the institution's style, e.g. 乌人医发〔{year}〕{number}号.
    Document(String),
}

impl LetterNumbers {
    /// The number of the `n`th letter of the year `year` (blank when the year is unknown).
    pub(crate) fn number(&self, year: Option<u32>, n: usize) -> Option<String> {
        self.labelled("编号", year, n)
    }

    /// The number of the `n`th document, a register number after `label` (编号：2023-007).
    pub(crate) fn labelled(&self, label: &str, year: Option<u32>, n: usize) -> Option<String> {
        match self {
            LetterNumbers::None => None,
            LetterNumbers::Register => Some(match year {
                Some(y) => format!("{label}：{y}-{n:03}"),
                None => format!("{label}：{n:03}"),
            }),
            LetterNumbers::Document(style) => {
                let year = year.map_or_else(|| "　　".to_string(), |y| y.to_string());
                Some(style.replace("{year}", &year).replace("{number}", &n.to_string()))
            }
        }
    }
}

/// A party to a letter: what it binds (an institution, a department, or a person in a post),
/// and who signs for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Party {
    /// The institution of the signer's post: the letter's own, or the commission above it.
    pub(crate) institution: String,
    pub(crate) signs_for: SignsFor,
    /// The signer's post, and its holder (None when it is vacant).
    pub(crate) post: String,
    pub(crate) person: Option<String>,
}

/// What a party binds. An institution or a department signs under its seal, by its head.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "kebab-case")]
pub(crate) enum SignsFor {
    Institution,
    Department(String),
    /// The signer alone, for the post they hold.
    Person,
}

/// The levels of 层层签订 (guidance 二(一)–(三)): each level's head is its first responsible
/// person, and signs with the level above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Level {
    /// A health commission and the principal of a member institution (安全生产目标责任书).
    Commission,
    /// The institution (its principal) and a member of its leadership.
    Leadership,
    /// The institution (its principal, or the leader who supervises the department) and a
    /// top-level department (its head).
    Department,
    /// A department (its head) and a unit under it (its head).
    SubUnit,
    /// A department or unit (its head), or the institution where there is none, and a person
    /// in a post.
    Post,
}

#[derive(Debug, Serialize)]
pub(crate) struct LeadershipGroup {
    pub(crate) name: String,
    /// 委员会 (主任, 副主任, 委员) or 领导小组 (组长, 副组长, 成员), from its name.
    pub(crate) committee: bool,
    /// The body's own duties.
    pub(crate) duties: Vec<String>,
    pub(crate) chair: String,
    pub(crate) deputy_chairs: Vec<String>,
    pub(crate) members: Vec<String>,
    pub(crate) office: Option<String>,
    pub(crate) meets: Option<String>,
    pub(crate) established: Option<Date>,
}

#[derive(Debug, Default, Serialize)]
pub(crate) struct SafetyManagement {
    /// Department id of the safety management body.
    pub(crate) body: Option<String>,
    pub(crate) officers: Vec<Officer>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Officer {
    pub(crate) post: String,
    pub(crate) kind: OfficerKind,
}

#[derive(Debug, Serialize)]
pub(crate) struct SafetyEngineer {
    pub(crate) person: String,
    pub(crate) certificate: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Department {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) parent: Option<String>,
    /// Post id of the head.
    pub(crate) head: Option<String>,
    /// The department's own duties, for the area or business it runs.
    pub(crate) duties: Vec<String>,
    /// The leader's post that supervises it (分管), if one does.
    pub(crate) supervisor: Option<String>,
    /// 0 for top-level departments.
    pub(crate) depth: usize,
    pub(crate) children: Vec<String>,
    pub(crate) posts: Vec<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct Post {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) department: String,
    pub(crate) category: Option<String>,
    pub(crate) reports_to: Option<String>,
    pub(crate) scope: String,
    pub(crate) business_duties: Vec<String>,
    /// The departments a leader supervises (分管), in the institution's order.
    pub(crate) supervises: Vec<String>,
    /// The final numbered list: the category's items (some reworded or removed) and the post's own.
    pub(crate) duties: Vec<Duty>,
    /// The revisions the content states for its text (its institution's, its category's, its
    /// own), oldest first: the last one's date is when the text applies from.
    pub(crate) revisions: Vec<Revision>,
    pub(crate) assessment: Vec<String>,
    pub(crate) rewards_penalties: Vec<String>,
    /// Person ids, in people.yaml order.
    pub(crate) holders: Vec<String>,
    /// Its safety risks (岗位安全风险清单), most severe first.
    pub(crate) risks: Vec<Risk>,
    /// Holders who signed the post's risk notice card (岗位安全风险确认), by person id.
    pub(crate) confirmed: BTreeMap<String, Signed>,
    /// Where the post is defined (file:line:column).
    pub(crate) source: String,
}

/// An institution's standard for grading risks, its defaults filled in.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RiskStandard {
    pub(crate) method: RiskMethod,
    /// The score at or above which 重大, 较大 and 一般 begin.
    pub(crate) thresholds: [f64; 3],
    /// The level that controls 重大, 较大, 一般 and 低 risks.
    pub(crate) control: [ControlLevel; 4],
}

impl RiskStandard {
    /// The common standard: a 5 × 5 matrix (重大 20–25, 较大 15–16, 一般 9–12, 低 1–8), or LEC
    /// (D ≥ 320, ≥ 160, ≥ 70); 重大 and 较大 controlled by the institution, 一般 by a
    /// department, 低 by the post.
    pub(crate) fn default_for(method: RiskMethod) -> Self {
        let thresholds = match method {
            RiskMethod::Matrix => [20.0, 15.0, 9.0],
            RiskMethod::Lec => [320.0, 160.0, 70.0],
        };
        let control =
            [ControlLevel::Institution, ControlLevel::Institution, ControlLevel::Department, ControlLevel::Post];
        RiskStandard { method, thresholds, control }
    }

    /// The standard as `risk_standard:` writes it, the defaults filled in.
    pub(crate) fn of(raw: Option<&crate::raw::RiskStandard>) -> Self {
        let method = raw.and_then(|s| s.method.as_ref()).map_or(RiskMethod::Matrix, |m| m.value);
        let mut standard = RiskStandard::default_for(method);
        if let Some(g) = raw.and_then(|s| s.grades.as_ref()) {
            standard.thresholds = [g.value.major, g.value.significant, g.value.general];
        }
        if let Some(c) = raw.and_then(|s| s.control.as_ref()) {
            let c = &c.value;
            standard.control = [c.major, c.significant, c.general, c.low];
        }
        standard
    }

    /// The factors the method multiplies: L × S, or L × E × C.
    pub(crate) fn factors(&self, r: &crate::raw::Risk) -> Vec<f64> {
        match self.method {
            RiskMethod::Matrix => vec![r.likelihood.value, r.severity.value],
            RiskMethod::Lec => {
                vec![r.likelihood.value, r.exposure.as_ref().map_or(0.0, |e| e.value), r.severity.value]
            }
        }
    }

    pub(crate) fn grade(&self, score: f64) -> RiskGrade {
        let [major, significant, general] = self.thresholds;
        if score >= major {
            RiskGrade::Major
        } else if score >= significant {
            RiskGrade::Significant
        } else if score >= general {
            RiskGrade::General
        } else {
            RiskGrade::Low
        }
    }

    pub(crate) fn control(&self, grade: RiskGrade) -> ControlLevel {
        self.control[grade as usize]
    }
}

/// One risk of a post, graded by its institution's standard.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Risk {
    pub(crate) area: RiskArea,
    pub(crate) hazard: String,
    pub(crate) consequence: String,
    /// L and S (a matrix), or L, E and C (LEC), as written.
    pub(crate) factors: Vec<f64>,
    pub(crate) score: f64,
    pub(crate) grade: RiskGrade,
    pub(crate) organisation: Vec<String>,
    pub(crate) rules: Vec<String>,
    pub(crate) technical: Vec<String>,
    pub(crate) emergency: Vec<String>,
    pub(crate) occupational: Vec<String>,
    pub(crate) ppe: Vec<String>,
    /// The post that controls it.
    pub(crate) owner: String,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct Duty {
    pub(crate) number: u32,
    pub(crate) text: String,
    pub(crate) origin: Origin,
}

/// A revision of a post's duties as the content states it (修订说明).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Revision {
    /// From when the revised text applies (施行日期).
    pub(crate) date: Date,
    pub(crate) note: String,
    /// Where it is written: `institution`, `category` or `post`.
    pub(crate) by: &'static str,
}

/// Where a duty item comes from: shown on cards so that a post's own duties stand out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub(crate) enum Origin {
    /// Item `item` of the post's category, as is.
    Category { item: u32 },
    /// Item `item` of the category, reworded for this post.
    Replaced { item: u32 },
    /// The post's own duty.
    Post,
}

impl Origin {
    /// As the CSV and the workbook say it.
    pub(crate) fn label(self) -> String {
        match self {
            Origin::Category { item } => format!("类别第{item}条"),
            Origin::Replaced { item } => format!("类别第{item}条（本岗位修订）"),
            Origin::Post => "本岗位".to_string(),
        }
    }
}
#[derive(Debug, Serialize)]
pub(crate) struct Person {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) title: Option<String>,
    /// 工号.
    pub(crate) number: Option<String>,
    pub(crate) posts: Vec<String>,
    /// Where the person is listed (file:line:column): names are checked against the fonts.
    pub(crate) source: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct Page {
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) date: Option<Date>,
    pub(crate) doc_number: Option<String>,
    pub(crate) institution: Option<String>,
    pub(crate) weight: i32,
    pub(crate) markdown: String,
}

/// A hazard of the ledger. Where it stands on a day (open, overdue, verified) is computed by
/// `progress::hazard`, never stored.
#[derive(Debug, Serialize)]
pub(crate) struct Hazard {
    /// The ledger number, e.g. 2026-001.
    pub(crate) id: String,
    pub(crate) found: Date,
    pub(crate) source: Option<HazardSource>,
    /// Person ids.
    pub(crate) found_by: Option<String>,
    pub(crate) department: String,
    pub(crate) place: Option<String>,
    pub(crate) description: String,
    pub(crate) grade: HazardGrade,
    pub(crate) measure: String,
    pub(crate) owner: String,
    pub(crate) deadline: Date,
    pub(crate) rectified: Option<Date>,
    /// Who rectified it: the owner unless the ledger says otherwise.
    pub(crate) rectified_by: String,
    pub(crate) verified: Option<Date>,
    pub(crate) verified_by: Option<String>,
    pub(crate) plan: Option<String>,
    pub(crate) reported: Option<Date>,
    /// A file of the institution's folder (relative to it) that shows the rectification.
    pub(crate) evidence: Option<String>,
    pub(crate) note: Option<String>,
}

/// A unit identified under GB 18218 (重大危险源辨识): what it holds and what that makes of it.
#[derive(Debug, Serialize)]
pub(crate) struct SourceUnit {
    pub(crate) name: String,
    pub(crate) place: Option<String>,
    pub(crate) department: String,
    /// A person id.
    pub(crate) owner: String,
    pub(crate) substances: Vec<SourceSubstance>,
    /// The sum of quantity / threshold: a major hazard source (重大危险源) from 1.
    pub(crate) sum: f64,
    pub(crate) major: bool,
    pub(crate) grade: Option<SourceGrade>,
    pub(crate) identified: Date,
    pub(crate) filed: Option<Date>,
    pub(crate) assessed: Option<Date>,
    pub(crate) note: Option<String>,
}

/// One substance of a unit, in tonnes.
#[derive(Debug, Serialize)]
pub(crate) struct SourceSubstance {
    pub(crate) id: String,
    pub(crate) substance: String,
    pub(crate) quantity: f64,
    pub(crate) threshold: f64,
}

/// An item of the inspection checklist: what a post inspects, how often, at which level.
#[derive(Debug, Serialize)]
pub(crate) struct CheckItem {
    pub(crate) id: String,
    pub(crate) content: String,
    pub(crate) standard: Option<String>,
    pub(crate) frequency: Frequency,
    pub(crate) level: ControlLevel,
    /// The post that inspects.
    pub(crate) post: String,
    pub(crate) since: Option<Date>,
}

/// One inspection of a checklist item.
#[derive(Debug, Serialize)]
pub(crate) struct Inspection {
    pub(crate) date: Date,
    pub(crate) item: String,
    /// Person id.
    pub(crate) by: String,
    /// The ledger number of the hazard it found.
    pub(crate) hazard: Option<String>,
    pub(crate) note: Option<String>,
}

impl Model {
    pub(crate) fn institution(&self, id: &str) -> Option<&Institution> {
        self.institutions.iter().find(|i| i.id == id).map(|i| &**i)
    }

    pub(crate) fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }
}

impl Institution {
    pub(crate) fn post(&self, id: &str) -> Option<&Post> {
        self.posts.iter().find(|p| p.id == id)
    }

    pub(crate) fn department(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    pub(crate) fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// A hazard of the ledger by its number.
    pub(crate) fn hazard(&self, id: &str) -> Option<&Hazard> {
        self.hazards.iter().find(|h| h.id == id)
    }

    /// Whether any post lists risks: then the institution has a risk register.
    pub(crate) fn lists_risks(&self) -> bool {
        self.posts.iter().any(|p| !p.risks.is_empty())
    }
}

//! The content as the author wrote it: one struct per kind of YAML file, every key checked
//! (`deny_unknown_fields`), with source positions (`Spanned`) on the values that later
//! checks point at. Nothing here is resolved or trusted yet; see `check` and `resolve`.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::lints::Level;

mod item;
mod records;
mod risks;
pub(crate) use item::{ItemRef, Miss};
pub(crate) use records::{
    CheckItem, Frequency, Hazard, HazardGrade, HazardSource, Inspection, MajorSource, RecordKind, SourceGrade,
};
pub(crate) use risks::{
    ControlLevel, Risk, RiskArea, RiskGrade, RiskMethod, RiskStandard, inherited as inherited_risks,
};

/// `safeduty.yaml` in the content root: site settings and lint levels.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Config {
    /// Site title, e.g. 全员安全生产责任制.
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) subtitle: Option<String>,
    /// Where the site is published; links stay relative, this is for the sitemap only.
    #[serde(default)]
    pub(crate) base_url: Option<String>,
    /// Folder, relative to the content root, whose `templates/` and `static/` files override
    /// the built-in theme's (default `theme`).
    #[serde(default)]
    pub(crate) theme: Option<String>,
    #[serde(default)]
    pub(crate) footer: Option<String>,
    /// Pass raw HTML in Markdown pages through (default: shown as text).
    #[serde(default)]
    pub(crate) allow_html: bool,
    /// The date documents and progress are computed for (YYYY-MM-DD); never the clock.
    #[serde(default)]
    pub(crate) as_of: Option<Spanned<String>>,
    /// The term year printed on letters (defaults to the year of `as_of`).
    #[serde(default)]
    pub(crate) term_year: Option<u32>,
    /// Pages per part of the search index (default 2000). A bigger site is indexed in parts,
    /// side by side, that the search page merges: pagefind's cost grows faster than the pages.
    #[serde(default)]
    pub(crate) search_part_pages: Option<Spanned<usize>>,
    #[serde(default)]
    pub(crate) lints: BTreeMap<String, Spanned<Level>>,
}

/// `categories/<id>.yaml`: a role category and its default duties (the seed's annex).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Category {
    /// e.g. 单位主要负责人
    pub(crate) name: Spanned<String>,
    /// Heading of the duty list, e.g. 单位主要负责人安全生产职责.
    #[serde(default)]
    pub(crate) title: Option<String>,
    /// Where the duties come from, when not from the annex of the guidance (printed under them).
    #[serde(default)]
    pub(crate) basis: Option<String>,
    /// Sort order among categories (principal first).
    #[serde(default)]
    pub(crate) rank: u32,
    /// Posts of this category belong to the leadership (领导班子): their holders sign their
    /// responsibility letters with the principal.
    #[serde(default)]
    pub(crate) leadership: bool,
    pub(crate) duties: Spanned<Vec<Spanned<String>>>,
    /// The last duty is a catch-all ("法律、法规、规章规定的其他安全生产职责") that stays last
    /// after a post adds its own items.
    #[serde(default)]
    pub(crate) keep_last: bool,
    /// Revisions the content states (修订说明), see [`Revision`].
    #[serde(default)]
    pub(crate) revisions: Vec<Revision>,
    /// Default assessment criteria for posts of this category.
    #[serde(default)]
    pub(crate) assessment: Vec<String>,
    /// Default rewards and penalties for posts of this category.
    #[serde(default)]
    pub(crate) rewards_penalties: Vec<String>,
    /// A baseline of risks for posts of this category (a commission's, for its members): each
    /// post inherits them, may replace one with its own of the same `hazard`, or remove one
    /// (`remove_risks`).
    #[serde(default)]
    pub(crate) risks: Vec<Risk>,
    /// Every post of this category must list its risks (front-line posts): a post without any
    /// is an error, wherever it is, not the warning `post-without-risks`.
    #[serde(default)]
    pub(crate) risks_required: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum InstitutionKind {
    HealthCommission,
    Hospital,
    TownshipHealthCentre,
    CommunityHealthCentre,
    EmergencyCentre,
    DiseaseControlCentre,
    MaternalChildHealth,
    Other,
}

impl InstitutionKind {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::HealthCommission => "卫生健康委员会",
            Self::Hospital => "医院",
            Self::TownshipHealthCentre => "乡镇卫生院",
            Self::CommunityHealthCentre => "社区卫生服务中心",
            Self::EmergencyCentre => "急救中心",
            Self::DiseaseControlCentre => "疾病预防控制中心",
            Self::MaternalChildHealth => "妇幼保健机构",
            Self::Other => "其他医疗卫生健康机构",
        }
    }
}

/// `institutions/<id>/institution.yaml`; the folder name is the institution's id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Institution {
    pub(crate) name: Spanned<String>,
    #[serde(default)]
    pub(crate) short_name: Option<String>,
    pub(crate) kind: Spanned<InstitutionKind>,
    /// Supervising institution, when it is part of this content (its id).
    #[serde(default)]
    pub(crate) parent: Option<Spanned<String>>,
    /// Supervising authority by name, when it is not part of this content.
    #[serde(default)]
    pub(crate) authority: Option<String>,
    pub(crate) employees: Spanned<u32>,
    #[serde(default)]
    pub(crate) hazardous_goods: bool,
    /// Document number style, e.g. 乌卫健发〔{year}〕{number}号.
    #[serde(default)]
    pub(crate) doc_number: Option<Spanned<String>>,
    /// How letters are numbered: `register` (责任书编号, e.g. 2023-007), `document` (a 发文字号
    /// in the style of `doc_number`) or `none`. Default: `document` when `doc_number` is given,
    /// else `register`.
    #[serde(default)]
    pub(crate) letter_numbers: Option<Spanned<LetterNumbering>>,
    /// How duty cards are numbered: `register` (清单编号：2023-026, the default), `none`, or a
    /// style with `{year}` and `{number}`, e.g. 旗医清〔{year}〕{number}号.
    #[serde(default)]
    pub(crate) card_numbers: Option<Spanned<String>>,
    /// The principal's post id.
    #[serde(default)]
    pub(crate) principal: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) leadership_group: Option<Spanned<LeadershipGroup>>,
    #[serde(default)]
    pub(crate) safety_management: Option<Spanned<SafetyManagement>>,
    #[serde(default)]
    pub(crate) safety_engineers: Vec<SafetyEngineer>,
    /// Who signs with the heads of the top-level departments for the institution: its principal
    /// (the default) or the leader who supervises the department (分管领导).
    #[serde(default)]
    pub(crate) department_heads_sign_with: Option<Spanned<HeadsSignWith>>,
    /// How the institution grades risks (一企业一标准); the common defaults without it.
    #[serde(default)]
    pub(crate) risk_standard: Option<Spanned<RiskStandard>>,
    /// Revisions the content states (修订说明), see [`Revision`].
    #[serde(default)]
    pub(crate) revisions: Vec<Revision>,
    /// The period and contact of the printed public display (公示).
    #[serde(default)]
    pub(crate) display: Option<Spanned<Display>>,
}

/// 公示: the days the responsibility system is displayed, and whom to tell objections to. The
/// printed display carries them, and is dated (落款) with its first day.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Display {
    pub(crate) from: Spanned<String>,
    pub(crate) until: Spanned<String>,
    /// Who takes objections and how to reach them: 安全生产管理科　王磊，电话 0477-7512345.
    #[serde(default)]
    pub(crate) contact: Option<String>,
    /// Who issues it (落款); the institution's name without it.
    #[serde(default)]
    pub(crate) issuer: Option<String>,
}

/// How an institution numbers its letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum LetterNumbering {
    None,
    Register,
    Document,
}

/// Who signs a department head's letter for the institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum HeadsSignWith {
    Principal,
    Supervisor,
}

/// 安全生产领导小组.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LeadershipGroup {
    #[serde(default)]
    pub(crate) name: Option<String>,
    /// Post id of the chair; must be the principal.
    pub(crate) chair: Spanned<String>,
    #[serde(default)]
    pub(crate) deputy_chairs: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) members: Vec<Spanned<String>>,
    /// Department that runs the group's office.
    #[serde(default)]
    pub(crate) office: Option<Spanned<String>>,
    /// How often it meets, e.g. 每季度至少一次.
    #[serde(default)]
    pub(crate) meets: Option<String>,
    /// The body's own duties (安委会 / 领导小组职责).
    #[serde(default)]
    pub(crate) duties: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) established: Option<Spanned<String>>,
}

/// 安全生产管理机构 and 安全生产管理人员.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SafetyManagement {
    /// Department id of the safety management body, if there is one.
    #[serde(default)]
    pub(crate) body: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) officers: Vec<Officer>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Officer {
    pub(crate) post: Spanned<String>,
    #[serde(rename = "type")]
    pub(crate) kind: OfficerKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum OfficerKind {
    FullTime,
    PartTime,
}

/// 注册安全工程师.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SafetyEngineer {
    pub(crate) person: Spanned<String>,
    #[serde(default)]
    pub(crate) certificate: Option<String>,
}

/// One entry of `institutions/<id>/departments.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Department {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) parent: Option<Spanned<String>>,
    /// Post id of the department head (本部门安全生产第一责任人).
    #[serde(default)]
    pub(crate) head: Option<Spanned<String>>,
    /// The department's own duties: for the area or business it runs (各职能部门所管辖区域或业务的安全生产工作职责).
    #[serde(default)]
    pub(crate) duties: Vec<Spanned<String>>,
}

/// `institutions/<id>/posts/<post>.yaml`; the file name is the post's id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Post {
    pub(crate) name: Spanned<String>,
    pub(crate) department: Spanned<String>,
    /// Role category whose duties the post inherits.
    #[serde(default)]
    pub(crate) category: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) reports_to: Option<Spanned<String>>,
    /// 责任范围.
    #[serde(default)]
    pub(crate) scope: Option<String>,
    /// Business duties of a leader (一岗双责).
    #[serde(default)]
    pub(crate) business_duties: Vec<String>,
    /// The departments a leader supervises (分管).
    #[serde(default)]
    pub(crate) supervises: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) duties: PostDuties,
    /// 考核标准; defaults to the category's.
    #[serde(default)]
    pub(crate) assessment: Option<Vec<String>>,
    /// 奖惩办法; defaults to the category's.
    #[serde(default)]
    pub(crate) rewards_penalties: Option<Vec<String>>,
    /// The post's safety risks (岗位安全风险清单), after its category's; one with the hazard of
    /// a category risk replaces it.
    #[serde(default)]
    pub(crate) risks: Vec<Risk>,
    /// Category risks that do not apply to this post, by their hazard.
    #[serde(default)]
    pub(crate) remove_risks: Vec<Spanned<String>>,
    /// Revisions the content states (修订说明), see [`Revision`].
    #[serde(default)]
    pub(crate) revisions: Vec<Revision>,
}

/// A change of duties as the content states it: from when the new text applies (施行日期) and
/// what changed (修订说明). Written on the institution (all its posts), a category (all its
/// posts) or a post; the site shows them in each post's 修订记录, with or without git.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Revision {
    pub(crate) date: Spanned<String>,
    pub(crate) note: String,
}

/// How a post changes its category's duty list, item by item.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PostDuties {
    /// The post's own duties, after the category's (before a `keep_last` catch-all).
    #[serde(default)]
    pub(crate) add: Vec<Spanned<String>>,
    /// Category items reworded for this post.
    #[serde(default)]
    pub(crate) replace: Vec<Replace>,
    /// Category items that do not apply to this post.
    #[serde(default)]
    pub(crate) remove: Vec<Spanned<ItemRef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Replace {
    pub(crate) item: Spanned<ItemRef>,
    pub(crate) text: Spanned<String>,
}

/// One entry of `institutions/<id>/people.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Person {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    /// Professional or administrative title, e.g. 副主任医师.
    #[serde(default)]
    pub(crate) title: Option<String>,
    /// The staff number (工号) HR gives: what `import` matches a roster's rows by.
    #[serde(default)]
    pub(crate) number: Option<String>,
    pub(crate) posts: Spanned<Vec<Spanned<String>>>,
}

/// `institutions/<id>/signing.yaml`: who signs with whom beyond the derived pairs, and which
/// letters were signed on paper.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Signing {
    /// Letters to add: 甲方's post signs with 乙方's post (all holders, or one person).
    #[serde(default)]
    pub(crate) pairs: Vec<Pair>,
    /// Derived letters not to make: 乙方's post (all holders, or one person).
    #[serde(default)]
    pub(crate) exclude: Vec<LetterRef>,
    /// Letters signed on paper.
    #[serde(default)]
    pub(crate) signed: Vec<Signed>,
    /// Risk notice cards (岗位风险告知卡) signed by a holder of the post: the holder confirms
    /// the post's risk list (岗位安全风险确认). `post` and `person` name the card and who signed.
    #[serde(default)]
    pub(crate) confirmed: Vec<Signed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Pair {
    pub(crate) party_a: Spanned<String>,
    pub(crate) party_b: Spanned<String>,
    #[serde(default)]
    pub(crate) person: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LetterRef {
    pub(crate) post: Spanned<String>,
    #[serde(default)]
    pub(crate) person: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Signed {
    /// 乙方's post and person: they name the letter.
    pub(crate) post: Spanned<String>,
    pub(crate) person: Spanned<String>,
    pub(crate) date: Spanned<String>,
    /// The verification code printed on the signed paper (e.g. 7QK2-M9XD).
    pub(crate) code: Spanned<String>,
    /// A scan of the signed paper, relative to the institution's folder.
    #[serde(default)]
    pub(crate) scan: Option<Spanned<String>>,
}

/// Front matter of `pages/**/*.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PageMeta {
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) date: Option<Spanned<String>>,
    /// e.g. 乌卫健发〔2022〕124号.
    #[serde(default)]
    pub(crate) doc_number: Option<String>,
    /// Issuing institution id.
    #[serde(default)]
    pub(crate) institution: Option<Spanned<String>>,
    /// Sort order in lists (smaller first), then date.
    #[serde(default)]
    pub(crate) weight: i32,
}

/// `campaigns/<id>/campaign.yaml`: a time-boxed campaign (专项行动) and its plan; the folder
/// name is its id.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Campaign {
    pub(crate) title: Spanned<String>,
    #[serde(default)]
    pub(crate) short_title: Option<String>,
    /// e.g. 连救〔2016〕26号.
    #[serde(default)]
    pub(crate) doc_number: Option<String>,
    /// The issuing institution's id: owners are its departments and people unless written
    /// `<institution>/<id>`.
    pub(crate) institution: Spanned<String>,
    /// Date of issue.
    #[serde(default)]
    pub(crate) issued: Option<Spanned<String>>,
    /// The notice as a page of the site (its slug under pages/).
    #[serde(default)]
    pub(crate) page: Option<Spanned<String>>,
    pub(crate) start: Spanned<String>,
    pub(crate) end: Spanned<String>,
    /// A one-line requirement, e.g. 一年全面启动，二年强化落实，三年巩固提升.
    #[serde(default)]
    pub(crate) motto: Option<String>,
    pub(crate) goal: String,
    /// The units whose state the checklist matrix shows: `<institution>` or `<institution>/<department>`.
    pub(crate) participants: Spanned<Vec<Spanned<String>>>,
    pub(crate) goal_items: Spanned<Vec<GoalItem>>,
    pub(crate) phases: Spanned<Vec<Phase>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GoalItem {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) criteria: Vec<Criterion>,
}

/// A measurable criterion of a goal item, e.g. 培训合格率 100%.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Criterion {
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) target: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Phase {
    pub(crate) id: Spanned<String>,
    pub(crate) name: String,
    pub(crate) start: Spanned<String>,
    pub(crate) end: Spanned<String>,
    #[serde(default)]
    pub(crate) aim: Option<String>,
    #[serde(default)]
    pub(crate) tasks: Vec<Task>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Task {
    /// Unique in the campaign: progress records name it.
    pub(crate) id: Spanned<String>,
    pub(crate) what: String,
    /// Owning department.
    #[serde(default)]
    pub(crate) department: Option<Spanned<String>>,
    /// Owning person.
    #[serde(default)]
    pub(crate) person: Option<Spanned<String>>,
    /// Defaults to the end of the phase.
    #[serde(default)]
    pub(crate) deadline: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) deliverable: Option<String>,
    /// Activities the task consists of, e.g. the "four ones" (四个一).
    #[serde(default)]
    pub(crate) activities: Vec<String>,
}

/// Where a task or a checklist cell stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Status {
    NotStarted,
    InProgress,
    Done,
    Verified,
}

impl Status {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "未开始",
            Self::InProgress => "进行中",
            Self::Done => "已完成",
            Self::Verified => "已验收",
        }
    }

    pub(crate) fn is_done(self) -> bool {
        matches!(self, Self::Done | Self::Verified)
    }
}

/// `campaigns/<id>/progress.yaml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Progress {
    #[serde(default)]
    pub(crate) records: Vec<Record>,
    /// Assessments of the participating units against the goal items.
    #[serde(default)]
    pub(crate) checklist: Vec<Assessment>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Record {
    pub(crate) task: Spanned<String>,
    pub(crate) date: Spanned<String>,
    pub(crate) status: Spanned<Status>,
    #[serde(default)]
    pub(crate) note: Option<String>,
    #[serde(default)]
    pub(crate) evidence: Vec<Evidence>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Evidence {
    pub(crate) title: String,
    /// A file relative to the campaign's folder; published with the site.
    #[serde(default)]
    pub(crate) file: Option<Spanned<String>>,
    /// A link, e.g. to the intranet's document system.
    #[serde(default)]
    pub(crate) url: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Assessment {
    /// One of the campaign's participants.
    pub(crate) unit: Spanned<String>,
    pub(crate) date: Spanned<String>,
    /// Goal item id → state.
    pub(crate) items: BTreeMap<String, Spanned<Status>>,
    #[serde(default)]
    pub(crate) note: Option<String>,
}

/// One entry of `campaigns/<id>/issues.yaml` (问题清单): written out, or a hazard of an
/// institution's ledger named by `hazard:`, whose finding, measure, owner, deadline and closing
/// the ledger holds (the issue then writes none of them).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Issue {
    pub(crate) id: Spanned<String>,
    /// The goal item it falls short of.
    #[serde(default)]
    pub(crate) item: Option<Spanned<String>>,
    /// `<institution>/<ledger number>` (the issuer's ledger without `<institution>/`).
    #[serde(default)]
    pub(crate) hazard: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) found: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) problem: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) measure: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) department: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) person: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) deadline: Option<Spanned<String>>,
    /// Rectified on.
    #[serde(default)]
    pub(crate) closed: Option<Spanned<String>>,
    /// Checked on site on.
    #[serde(default)]
    pub(crate) verified: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) note: Option<String>,
}

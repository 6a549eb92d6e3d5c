//! Records (台账): dated rows kept beside the duties, one list per file, in the files of
//! `institutions/<id>/records/<kind>.yaml` or `records/<kind>/*.yaml`. Every kind of record is
//! a flat row (one value per key), so that the same columns can be kept in a spreadsheet.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// The kinds of records, named by their file or folder under `records/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecordKind {
    Hazards,
}

impl RecordKind {
    pub(crate) const ALL: [RecordKind; 1] = [RecordKind::Hazards];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Hazards => "hazards",
        }
    }

    pub(crate) fn of(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A hazard of the ledger (隐患排查治理台账): found, rectified by its owner, verified by someone
/// else. Where it stands on a day is computed from the dates, never written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Hazard {
    /// The ledger number, e.g. 2026-001: unique in the institution.
    pub(crate) id: Spanned<String>,
    pub(crate) found: Spanned<String>,
    #[serde(default)]
    pub(crate) source: Option<Spanned<HazardSource>>,
    /// Who found or reported it (a person id).
    #[serde(default)]
    pub(crate) found_by: Option<Spanned<String>>,
    /// The department responsible for it.
    pub(crate) department: Spanned<String>,
    /// Where it is (部位), e.g. 门诊楼配电室.
    #[serde(default)]
    pub(crate) place: Option<String>,
    pub(crate) description: Spanned<String>,
    #[serde(default)]
    pub(crate) grade: Option<Spanned<HazardGrade>>,
    pub(crate) measure: Spanned<String>,
    /// Who rectifies it (整改责任人, a person id).
    pub(crate) owner: Spanned<String>,
    pub(crate) deadline: Spanned<String>,
    /// The day it was rectified, and by whom (default: the owner).
    #[serde(default)]
    pub(crate) rectified: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) rectified_by: Option<Spanned<String>>,
    /// The day the rectification was checked on site (验收), and by whom.
    #[serde(default)]
    pub(crate) verified: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) verified_by: Option<Spanned<String>>,
    /// A major hazard's remediation plan (治理方案): what, money, time, people, safeguards.
    #[serde(default)]
    pub(crate) plan: Option<Spanned<String>>,
    /// The day a major hazard was reported to the authority (上报).
    #[serde(default)]
    pub(crate) reported: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) note: Option<String>,
}

/// How a hazard came to light.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum HazardSource {
    /// The post's or department's own check (自查).
    SelfCheck,
    /// An inspection by the institution or the safety office (检查).
    Inspection,
    /// An authority or a third party (上级检查、第三方).
    ThirdParty,
    /// Reported by an employee (职工报告).
    Report,
}

impl HazardSource {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::SelfCheck => "自查",
            Self::Inspection => "检查",
            Self::ThirdParty => "上级或第三方检查",
            Self::Report => "职工报告",
        }
    }
}

/// 一般事故隐患 or 重大事故隐患.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum HazardGrade {
    Major,
    #[default]
    General,
}

impl HazardGrade {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::Major => "重大",
            Self::General => "一般",
        }
    }
}

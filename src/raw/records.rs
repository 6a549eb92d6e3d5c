//! Records (台账): dated rows kept beside the duties, one list per file, in the files of
//! `institutions/<id>/records/<kind>.yaml` or `records/<kind>/*.yaml`. Every kind of record is
//! a flat row (one value per key), so that the same columns can be kept in a spreadsheet.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::risks::ControlLevel;
use crate::date::Date;

/// The kinds of records, named by their file or folder under `records/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RecordKind {
    Hazards,
    /// The inspection checklist: not dated itself, but the standing list the inspections follow.
    Checklist,
    Inspections,
    /// The identification of major hazard sources (重大危险源辨识与登记): a standing register.
    MajorSources,
}

impl RecordKind {
    pub(crate) const ALL: [RecordKind; 4] =
        [RecordKind::Hazards, RecordKind::Checklist, RecordKind::Inspections, RecordKind::MajorSources];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Hazards => "hazards",
            Self::Checklist => "checklist",
            Self::Inspections => "inspections",
            Self::MajorSources => "major-sources",
        }
    }

    /// What one row is called in messages.
    pub(crate) fn row(self) -> &'static str {
        match self {
            Self::Hazards => "hazard",
            Self::Checklist => "checklist item",
            Self::Inspections => "inspection",
            Self::MajorSources => "major hazard source",
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
    /// What shows it put right (整改佐证: photos before and after, the signed acceptance), a file
    /// inside the institution's folder named relative to it, published with the ledger.
    #[serde(default)]
    pub(crate) evidence: Option<Spanned<String>>,
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

/// An item of the inspection checklist (隐患排查清单): what is checked, how often, at which of the
/// three levels (岗位、科室、单位), and by which post, so that each post's card shows what it inspects.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CheckItem {
    /// E.g. JC-01: unique in the institution; inspections name it.
    pub(crate) id: Spanned<String>,
    /// What is checked (排查内容).
    pub(crate) content: Spanned<String>,
    /// What it is checked against (排查标准), e.g. a rule or a standard's clause.
    #[serde(default)]
    pub(crate) standard: Option<String>,
    pub(crate) frequency: Spanned<Frequency>,
    pub(crate) level: Spanned<ControlLevel>,
    /// The post that inspects (责任岗位).
    pub(crate) post: Spanned<String>,
    /// The day the item came into force: no inspection is missed before it.
    #[serde(default)]
    pub(crate) since: Option<Spanned<String>>,
}

/// How often an item is inspected: one inspection in each calendar window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Frequency {
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    HalfYearly,
    Yearly,
}

impl Frequency {
    /// The calendar window (first day, last day) of this frequency that holds the day: its week
    /// (Monday to Sunday), month, quarter, half year or year.
    pub(crate) fn window(self, day: Date) -> (Date, Date) {
        let months = |n: i32| {
            let into = (i32::from(day.month()) - 1) % n;
            let start = day.month_start(-into);
            (start, start.month_start(n).plus_days(-1))
        };
        match self {
            Self::Daily => (day, day),
            Self::Weekly => (day.monday(), day.monday().plus_days(6)),
            Self::Monthly => months(1),
            Self::Quarterly => months(3),
            Self::HalfYearly => months(6),
            Self::Yearly => months(12),
        }
    }

    /// The last window that ended before the day: the one whose inspection is due by now.
    pub(crate) fn last_window(self, day: Date) -> (Date, Date) {
        self.window(self.window(day).0.plus_days(-1))
    }

    /// The last window before the day when it holds none of `dates` and the item was in force
    /// when it began (`since`): the inspection missed. `check` and the pages ask the same.
    pub(crate) fn missed(
        self,
        since: Option<Date>,
        mut dates: impl Iterator<Item = Date>,
        day: Date,
    ) -> Option<(Date, Date)> {
        let (start, end) = self.last_window(day);
        let new = since.is_some_and(|since| since > start);
        (!new && !dates.any(|d| (start..=end).contains(&d))).then_some((start, end))
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::Daily => "每日",
            Self::Weekly => "每周",
            Self::Monthly => "每月",
            Self::Quarterly => "每季度",
            Self::HalfYearly => "每半年",
            Self::Yearly => "每年",
        }
    }
}

/// One inspection of a checklist item (排查记录): when, by whom, and the hazard it found, if any.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Inspection {
    pub(crate) date: Spanned<String>,
    /// The checklist item's id.
    pub(crate) item: Spanned<String>,
    /// Who inspected (a person id).
    pub(crate) by: Spanned<String>,
    /// The ledger number of the hazard it found; none means nothing was found (未见异常).
    #[serde(default)]
    pub(crate) hazard: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) note: Option<String>,
}

/// One dangerous substance of a unit identified under GB 18218 (危险化学品重大危险源辨识): the
/// most the unit holds and the substance's threshold quantity. A unit holding several substances
/// has a row for each, under the same `unit`; it is a major hazard source (重大危险源) when the
/// sum of quantity / threshold over its rows is 1 or more.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MajorSource {
    /// E.g. ZD-01: unique in the institution.
    pub(crate) id: Spanned<String>,
    /// The unit identified (辨识单元), e.g. 液氧储罐区.
    pub(crate) unit: Spanned<String>,
    #[serde(default)]
    pub(crate) place: Option<String>,
    pub(crate) department: Spanned<String>,
    /// Who answers for it (包保责任人, a person id).
    pub(crate) owner: Spanned<String>,
    pub(crate) substance: Spanned<String>,
    /// The most the unit holds, in tonnes (最大存在量).
    pub(crate) quantity: Spanned<f64>,
    /// The substance's threshold quantity in tonnes (临界量, GB 18218 表1 or 表2).
    pub(crate) threshold: Spanned<f64>,
    /// The day it was identified (辨识).
    pub(crate) identified: Spanned<String>,
    /// A major source's grade (一级 to 四级, from GB 18218's R), as assessed.
    #[serde(default)]
    pub(crate) grade: Option<Spanned<SourceGrade>>,
    /// The day it was filed with the authority (备案).
    #[serde(default)]
    pub(crate) filed: Option<Spanned<String>>,
    /// The day of its last safety assessment (安全评估), due every three years.
    #[serde(default)]
    pub(crate) assessed: Option<Spanned<String>>,
    #[serde(default)]
    pub(crate) note: Option<String>,
}

impl MajorSource {
    /// Quantity / threshold: what this substance adds to its unit's sum (0 for a quantity that
    /// is not a positive number, which `check` reports). A unit whose sum is 1 or more is a major
    /// hazard source; `check` and `resolve` both ask this.
    pub(crate) fn share(&self) -> f64 {
        match (self.quantity.value, self.threshold.value) {
            (q, t) if q.is_finite() && t.is_finite() && q >= 0.0 && t > 0.0 => q / t,
            _ => 0.0,
        }
    }
}

/// 一级 (most dangerous) to 四级.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum SourceGrade {
    One,
    Two,
    Three,
    Four,
}

impl SourceGrade {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::One => "一级",
            Self::Two => "二级",
            Self::Three => "三级",
            Self::Four => "四级",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_calendar_periods() {
        let day = Date::from("2023-05-17");
        let w = |f: Frequency| {
            let (a, b) = f.last_window(day);
            format!("{a}..{b}")
        };
        assert_eq!(w(Frequency::Daily), "2023-05-16..2023-05-16");
        assert_eq!(w(Frequency::Weekly), "2023-05-08..2023-05-14");
        assert_eq!(w(Frequency::Monthly), "2023-04-01..2023-04-30");
        assert_eq!(w(Frequency::Quarterly), "2023-01-01..2023-03-31");
        assert_eq!(w(Frequency::HalfYearly), "2022-07-01..2022-12-31");
        assert_eq!(w(Frequency::Yearly), "2022-01-01..2022-12-31");
        assert_eq!(Frequency::Quarterly.window(Date::from("2023-12-31")).0, Date::from("2023-10-01"));
    }
}

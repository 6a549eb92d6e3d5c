//! Safety risks (安全风险分级管控): the institution's standard for grading them (一企业一标准) and
//! each post's risk list (一岗位一清单), as written in institution.yaml and the post files.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// `risk_standard:` in institution.yaml: how risks are scored, where each grade begins, and the
/// level that controls each grade. Every key has the common default.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RiskStandard {
    #[serde(default)]
    pub(crate) method: Option<Spanned<RiskMethod>>,
    /// The score at or above which each grade begins (below `general`: low).
    #[serde(default)]
    pub(crate) grades: Option<Spanned<Thresholds>>,
    /// The level that controls (管控) each grade.
    #[serde(default)]
    pub(crate) control: Option<Spanned<ControlLevels>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum RiskMethod {
    /// 风险矩阵: likelihood × severity, each 1–5.
    #[default]
    Matrix,
    /// 作业条件危险性评价法: likelihood × exposure × consequence (L × E × C).
    Lec,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Thresholds {
    pub(crate) major: f64,
    pub(crate) significant: f64,
    pub(crate) general: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ControlLevels {
    pub(crate) major: ControlLevel,
    pub(crate) significant: ControlLevel,
    pub(crate) general: ControlLevel,
    pub(crate) low: ControlLevel,
}

/// Who controls a risk: the institution (its principal or a leader), a department (its head),
/// or the post itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ControlLevel {
    Post,
    Department,
    Institution,
}

impl ControlLevel {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::Post => "岗位",
            Self::Department => "科室",
            Self::Institution => "单位",
        }
    }
}

/// The four grades, most severe first, with their colours (红橙黄蓝).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum RiskGrade {
    Major,
    Significant,
    General,
    Low,
}

impl RiskGrade {
    pub(crate) const ALL: [RiskGrade; 4] = [Self::Major, Self::Significant, Self::General, Self::Low];

    /// The grade as the content writes it (`grade: significant`).
    pub(crate) fn key(self) -> &'static str {
        match self {
            Self::Major => "major",
            Self::Significant => "significant",
            Self::General => "general",
            Self::Low => "low",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::Major => "重大风险",
            Self::Significant => "较大风险",
            Self::General => "一般风险",
            Self::Low => "低风险",
        }
    }

    pub(crate) fn colour(self) -> &'static str {
        match self {
            Self::Major => "红",
            Self::Significant => "橙",
            Self::General => "黄",
            Self::Low => "蓝",
        }
    }
}

/// The six areas the guidance names for identifying risks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum RiskArea {
    ProductionSystem,
    Equipment,
    Operation,
    OccupationalHealth,
    Environment,
    Management,
}

impl RiskArea {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Self::ProductionSystem => "生产系统",
            Self::Equipment => "设备设施",
            Self::Operation => "操作行为",
            Self::OccupationalHealth => "职业健康",
            Self::Environment => "环境条件",
            Self::Management => "安全管理",
        }
    }
}

/// One risk of a post's list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Risk {
    pub(crate) area: Spanned<RiskArea>,
    /// The hazard (危险源), e.g. 配电柜带电部位.
    pub(crate) hazard: Spanned<String>,
    /// What can happen, e.g. 触电、电气火灾.
    pub(crate) consequence: String,
    /// L: 1–5 in a matrix; 0.1–10 in LEC.
    pub(crate) likelihood: Spanned<f64>,
    /// S in a matrix (1–5); C in LEC (1–100).
    pub(crate) severity: Spanned<f64>,
    /// E in LEC (0.5–10); not used by a matrix.
    #[serde(default)]
    pub(crate) exposure: Option<Spanned<f64>>,
    /// The grade as the author judged it: checked against the computed one.
    #[serde(default)]
    pub(crate) grade: Option<Spanned<RiskGrade>>,
    #[serde(default)]
    pub(crate) controls: Controls,
    /// Occupational hazard factors (职业病危害因素), e.g. 噪声、电离辐射.
    #[serde(default)]
    pub(crate) occupational: Vec<String>,
    /// Personal protective equipment (个体防护用品).
    #[serde(default)]
    pub(crate) ppe: Vec<String>,
    /// The post that controls it (default: this post).
    #[serde(default)]
    pub(crate) owner: Option<Spanned<String>>,
}

/// Control measures in the four aspects the guidance's annex names.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Controls {
    /// 组织措施.
    #[serde(default)]
    pub(crate) organisation: Vec<String>,
    /// 制度措施.
    #[serde(default)]
    pub(crate) rules: Vec<String>,
    /// 技术措施.
    #[serde(default)]
    pub(crate) technical: Vec<String>,
    /// 应急措施.
    #[serde(default)]
    pub(crate) emergency: Vec<String>,
}

/// A post's risks as inherited: its category's baseline (but those it removes, or replaces with
/// one of its own of the same hazard), then its own; each with whether it is the category's.
pub(crate) fn inherited<'a>(
    category: &'a [Risk],
    post: &'a [Risk],
    remove: &[Spanned<String>],
) -> Vec<(bool, &'a Risk)> {
    let kept = category.iter().filter(|c| {
        !remove.iter().any(|r| r.value == c.hazard.value) && !post.iter().any(|p| p.hazard.value == c.hazard.value)
    });
    kept.map(|r| (true, r)).chain(post.iter().map(|r| (false, r))).collect()
}

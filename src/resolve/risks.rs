//! Risks graded by their institution's standard (一企业一标准): the score from the factors as
//! written, the grade from the standard's thresholds (`model::RiskStandard`). `check` found the
//! factors on the scale.

use crate::model::{Risk, RiskStandard};
use crate::raw;

/// A post's risks, most severe first (as written within a grade).
pub(super) fn of<'a>(post: &str, risks: impl Iterator<Item = &'a raw::Risk>, standard: &RiskStandard) -> Vec<Risk> {
    let mut all: Vec<Risk> = risks
        .map(|r| {
            let factors = standard.factors(r);
            let score = factors.iter().product();
            Risk {
                area: r.area.value,
                hazard: r.hazard.value.clone(),
                consequence: r.consequence.clone(),
                score,
                grade: standard.grade(score),
                factors,
                organisation: r.controls.organisation.clone(),
                rules: r.controls.rules.clone(),
                technical: r.controls.technical.clone(),
                emergency: r.controls.emergency.clone(),
                occupational: r.occupational.clone(),
                ppe: r.ppe.clone(),
                owner: r.owner.as_ref().map_or(post, |o| o.value.as_str()).to_string(),
            }
        })
        .collect();
    all.sort_by_key(|r| r.grade);
    all
}

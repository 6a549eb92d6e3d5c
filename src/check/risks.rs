//! Risks (安全风险分级管控): the standard is sound, every factor is on its method's scale, a
//! written grade is the computed one, and 重大/较大 risks are controlled in all four aspects by
//! a post at the level the standard sets.

use serde_saphyr::Spanned;

use super::index::{Index, InstIndex, at};
use super::refs::table_ref;
use crate::diagnostic::{Diagnostic, Report};
use crate::model::RiskStandard;
use crate::raw::{self, ControlLevel, RiskGrade, RiskMethod};
use crate::source::{FileId, Span};
use crate::{m, t};

/// The scales of LEC (作业条件危险性评价法): likelihood, exposure, consequence.
const LEC_L: &[f64] = &[0.1, 0.2, 0.5, 1.0, 3.0, 6.0, 10.0];
const LEC_E: &[f64] = &[0.5, 1.0, 2.0, 3.0, 6.0, 10.0];
const LEC_C: &[f64] = &[1.0, 3.0, 7.0, 15.0, 40.0, 100.0];

pub(super) fn institution(index: &Index, inst: &InstIndex, report: &mut Report) {
    let dir = inst.dir;
    let Some(loaded) = &dir.institution else { return };
    let raw_standard = loaded.value.risk_standard.as_ref();
    if let Some(s) = raw_standard {
        thresholds(loaded.file, s, report);
    }
    let standard = RiskStandard::of(raw_standard.map(|s| &s.value));
    let principal = loaded.value.principal.as_ref().map(|p| p.value.as_str());
    let level = |post: &str| -> ControlLevel {
        let leader = inst
            .posts
            .get(post)
            .and_then(|p| p.value.category.as_ref())
            .and_then(|c| index.categories.get(c.value.as_str()))
            .is_some_and(|c| c.value.leadership);
        if leader || principal == Some(post) {
            ControlLevel::Institution
        } else if inst.departments.values().any(|d| d.value.head.as_ref().is_some_and(|h| h.value == post)) {
            ControlLevel::Department
        } else {
            ControlLevel::Post
        }
    };
    // A category's risks are checked with each post that inherits them, but said once per
    // institution: (code, file, offset) already reported.
    let mut said: std::collections::BTreeSet<(&str, FileId, usize)> = std::collections::BTreeSet::new();
    for post in &dir.posts {
        let category = post.value.category.as_ref().and_then(|c| index.categories.get(c.value.as_str()));
        let baseline = category.map_or(&[][..], |c| c.value.risks.as_slice());
        // A category that could not be read (or does not exist: reported elsewhere) removes nothing.
        if post.value.category.is_none() || category.is_some() {
            removed(post, category.map(|c| c.value), report);
        }
        let risks = raw::inherited_risks(baseline, &post.value.risks, &post.value.remove_risks);
        let required = category.filter(|c| c.value.risks_required);
        if risks.is_empty() && (raw_standard.is_some() || required.is_some()) {
            let d = match required {
                Some(c) => Diagnostic::new(
                    "missing-risks",
                    at(post.file, &post.value.name),
                    m!("risks-missing", post = post.id.as_str(), category = c.name),
                    t!("risks-missing-label"),
                ),
                None => Diagnostic::new(
                    "post-without-risks",
                    at(post.file, &post.value.name),
                    m!("risks-post-without-risks", post = post.id.as_str()),
                    t!("risks-missing-label"),
                ),
            };
            report.push(d.with_help(t!("risks-missing-help")));
        }
        for (from_category, r) in risks {
            let file = if from_category { category.map_or(post.file, |c| c.span.file) } else { post.file };
            let mut found = Report::default();
            risk(file, post.id.as_str(), r, &standard, &level, inst, &mut found);
            for d in found.diagnostics {
                if !from_category || said.insert((d.code, d.primary.span.file, d.primary.span.start)) {
                    report.push(d);
                }
            }
        }
    }
}

/// One risk of a post: on the scale, graded as computed, and (重大, 较大) controlled in all four
/// aspects by a post at the standard's level.
fn risk(
    file: FileId,
    post: &str,
    r: &raw::Risk,
    standard: &RiskStandard,
    level: &dyn Fn(&str) -> ControlLevel,
    inst: &InstIndex,
    report: &mut Report,
) {
    if !scale(file, r, standard.method, report) {
        return;
    }
    let score: f64 = standard.factors(r).iter().product();
    let grade = standard.grade(score);
    if let Some(written) = r.grade.as_ref().filter(|g| g.value != grade) {
        let (hazard, score, key) = (r.hazard.value.as_str(), score.to_string(), grade.key());
        let message = m!("risks-grade", hazard, written = written.value.label(), score, grade = grade.label());
        let [major, significant, general] = standard.thresholds.map(|t| t.to_string());
        let help = t!("risks-grade-help", key, major, significant, general);
        report.push(Diagnostic::new("risk-grade", at(file, written), message, t!("risks-grade-label")).with_help(help));
    }
    if matches!(grade, RiskGrade::Major | RiskGrade::Significant) {
        controlled(file, r, grade, standard, report);
        let owner = r.owner.as_ref().map_or(post, |o| o.value.as_str());
        let exists = match &r.owner {
            Some(o) => table_ref(report, "post", at(file, o), &o.value, &inst.posts),
            None => true,
        };
        let needed = standard.control(grade);
        if exists && level(owner) < needed {
            let span = r.owner.as_ref().map_or(at(file, &r.hazard), |o| at(file, o));
            let (grade, hazard) = (grade.label(), r.hazard.value.as_str());
            let message =
                m!("risks-owner", grade, hazard, needed = needed.label(), owner, level = level(owner).label());
            report.push(Diagnostic::new("risk-owner", span, message, t!("risks-owner-label")).with_help(
                match needed {
                    ControlLevel::Institution => t!("risks-owner-help-institution"),
                    _ => t!("risks-owner-help-department"),
                },
            ));
        }
    } else if let Some(o) = &r.owner {
        table_ref(report, "post", at(file, o), &o.value, &inst.posts);
    }
}

/// `remove_risks` names risks of the post's category.
fn removed(post: &crate::load::Named<raw::Post>, category: Option<&raw::Category>, report: &mut Report) {
    if post.value.remove_risks.is_empty() {
        return;
    }
    let hazards: Vec<&str> = category.map_or(Vec::new(), |c| c.risks.iter().map(|r| r.hazard.value.as_str()).collect());
    for name in &post.value.remove_risks {
        if hazards.contains(&name.value.as_str()) {
            continue;
        }
        let mut d = Diagnostic::new(
            "unknown-item",
            at(post.file, name),
            m!("risks-not-in-category", risk = name.value.as_str()),
            t!("risks-not-in-category-label"),
        );
        d = match (category, hazards.is_empty()) {
            (None, _) => d.with_help(t!("risks-not-in-category-help-no-category")),
            (Some(_), true) => d.with_help(t!("risks-not-in-category-help-none")),
            (Some(_), false) => d.with_help(t!("risks-not-in-category-help", risks = hazards.join("、"))),
        };
        report.push(d);
    }
}

fn thresholds(file: FileId, s: &Spanned<raw::RiskStandard>, report: &mut Report) {
    let Some(g) = &s.value.grades else { return };
    let [a, b, c] = [g.value.major, g.value.significant, g.value.general];
    if !(a.is_finite() && b.is_finite() && c.is_finite() && a > b && b > c && c > 0.0) {
        report.push(
            Diagnostic::new(
                "invalid-risk-standard",
                at(file, g),
                m!("risks-thresholds", major = a.to_string(), significant = b.to_string(), general = c.to_string()),
                t!("risks-thresholds-label"),
            )
            .with_help(t!("risks-thresholds-help")),
        );
    }
}

/// Whether every factor is on its method's scale; reports the first that is not.
fn scale(file: FileId, r: &raw::Risk, method: RiskMethod, report: &mut Report) -> bool {
    let bad = |v: &Spanned<f64>, allowed: &dyn Fn(f64) -> bool| (!allowed(v.value)).then(|| at(file, v));
    let matrix = |x: f64| (1.0..=5.0).contains(&x) && x.fract() == 0.0;
    let on = |scale: &'static [f64]| move |x: f64| scale.contains(&x);
    let (problem, help): (Option<(Span, &str)>, String) = match method {
        RiskMethod::Matrix => (
            bad(&r.likelihood, &matrix)
                .map(|s| (s, "likelihood"))
                .or_else(|| bad(&r.severity, &matrix).map(|s| (s, "severity")))
                .or_else(|| r.exposure.as_ref().map(|e| (at(file, e), "exposure"))),
            t!("risks-scale-matrix-help"),
        ),
        RiskMethod::Lec => (
            bad(&r.likelihood, &on(LEC_L))
                .map(|s| (s, "likelihood"))
                .or_else(|| bad(&r.severity, &on(LEC_C)).map(|s| (s, "severity")))
                .or_else(|| match &r.exposure {
                    Some(e) => bad(e, &on(LEC_E)).map(|s| (s, "exposure")),
                    None => Some((at(file, &r.hazard), "exposure")),
                }),
            t!("risks-scale-lec-help"),
        ),
    };
    let Some((span, factor)) = problem else { return true };
    report.push(
        Diagnostic::new(
            "invalid-risk-score",
            span,
            m!("risks-off-scale", factor, hazard = r.hazard.value.as_str()),
            t!("risks-off-scale-label"),
        )
        .with_help(help),
    );
    false
}

/// A 重大 or 较大 risk has measures in all four aspects.
fn controlled(file: FileId, r: &raw::Risk, grade: RiskGrade, standard: &RiskStandard, report: &mut Report) {
    let c = &r.controls;
    let aspects: [(bool, fn() -> String); 4] = [
        (c.organisation.is_empty(), || t!("risks-aspect-organisation")),
        (c.rules.is_empty(), || t!("risks-aspect-rules")),
        (c.technical.is_empty(), || t!("risks-aspect-technical")),
        (c.emergency.is_empty(), || t!("risks-aspect-emergency")),
    ];
    let missing: Vec<String> = aspects.into_iter().filter(|(empty, _)| *empty).map(|(_, name)| name()).collect();
    if !missing.is_empty() {
        let (hazard, aspects, level) =
            (r.hazard.value.as_str(), missing.join(&t!("check-list-separator")), standard.control(grade).label());
        let grade = grade.label();
        report.push(
            Diagnostic::new(
                "risk-controls",
                at(file, &r.hazard),
                m!("risks-controls", grade, hazard, aspects),
                t!("risks-controls-label"),
            )
            .with_help(t!("risks-controls-help", grade, level)),
        );
    }
}

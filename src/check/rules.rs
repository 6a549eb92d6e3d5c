//! The seed documents' rules (乌卫健发〔2022〕124号, section 4.1 and the annex) as findings.

use super::index::{Index, InstIndex, at};
use crate::diagnostic::{Diagnostic, Report};
use crate::raw::OfficerKind;
use crate::{m, t};

/// Staff count above which a safety management body or a full-time officer is required.
pub(crate) const STAFF_THRESHOLD: u32 = 100;

pub(super) fn check(index: &Index, inst: &InstIndex, report: &mut Report) {
    if let Some(loaded) = &inst.dir.institution {
        institution(loaded.file, &loaded.value, report);
        numbers(loaded.file, &loaded.value, report);
        display(loaded.file, &loaded.value, report);
        coverage(loaded.file, &loaded.value, inst.people.len(), report);
    }
    posts(index, inst, report);
}

fn institution(f: usize, i: &crate::raw::Institution, report: &mut Report) {
    let name = &i.name.value;
    let name_span = at(f, &i.name);
    match &i.principal {
        None => report.push(
            Diagnostic::new(
                "missing-principal",
                name_span,
                m!("rules-missing-principal", name = name.as_str()),
                t!("rules-missing-principal-label"),
            )
            .with_help(t!("rules-missing-principal-help")),
        ),
        Some(p) => match &i.leadership_group {
            None => report.push(
                Diagnostic::new(
                    "leadership-group",
                    name_span,
                    m!("rules-no-leadership-group", name = name.as_str()),
                    t!("rules-no-leadership-group-label"),
                )
                .with_help(t!("rules-no-leadership-group-help")),
            ),
            Some(g) if g.value.chair.value != p.value => report.push(
                Diagnostic::new(
                    "leadership-group",
                    at(f, &g.value.chair),
                    m!("rules-chair-not-principal"),
                    t!("rules-chair-not-principal-label", chair = g.value.chair.value.as_str()),
                )
                .with_label(at(f, p), t!("rules-the-principal", principal = p.value.as_str()))
                .with_help(t!("rules-chair-not-principal-help", principal = p.value.as_str())),
            ),
            Some(_) => {}
        },
    }

    let officers: Vec<OfficerKind> =
        i.safety_management.iter().flat_map(|s| s.value.officers.iter().map(|o| o.kind)).collect();
    let has_body = i.safety_management.as_ref().is_some_and(|s| s.value.body.is_some());
    let employees = i.employees.value;
    let staffing_span = i.safety_management.as_ref().map_or_else(|| at(f, &i.employees), |s| at(f, s));
    if employees > STAFF_THRESHOLD && !has_body && !officers.contains(&OfficerKind::FullTime) {
        report.push(
            Diagnostic::new(
                "safety-staffing",
                staffing_span,
                m!("rules-staffing-large", name = name.as_str(), employees, threshold = STAFF_THRESHOLD),
                t!("rules-staffing-large-label"),
            )
            .with_label(at(f, &i.employees), t!("rules-employees", employees))
            .with_help(t!("rules-staffing-large-help")),
        );
    } else if employees <= STAFF_THRESHOLD && !has_body && officers.is_empty() {
        report.push(
            Diagnostic::new(
                "safety-staffing",
                staffing_span,
                m!("rules-staffing-small", name = name.as_str()),
                t!("rules-staffing-small-label"),
            )
            .with_help(t!("rules-staffing-small-help")),
        );
    }
    if i.hazardous_goods && i.safety_engineers.is_empty() {
        report.push(
            Diagnostic::new(
                "safety-engineer",
                name_span,
                m!("rules-safety-engineer", name = name.as_str()),
                t!("rules-safety-engineer-label"),
            )
            .with_help(t!("rules-safety-engineer-help")),
        );
    }
}

/// A document number style must number: `{year}` and `{number}` are all it may hold, and
/// `letter_numbers: document` needs one.
fn numbers(f: usize, i: &crate::raw::Institution, report: &mut Report) {
    use crate::raw::LetterNumbering;
    if let Some(style) = &i.doc_number {
        number_style(f, "doc_number", style, report);
    }
    if let Some(style) = i.card_numbers.as_ref().filter(|c| !matches!(c.value.trim(), "none" | "register")) {
        number_style(f, "card_numbers", style, report);
    }
    if let Some(n) = &i.letter_numbers
        && n.value == LetterNumbering::Document
        && i.doc_number.is_none()
    {
        report.push(
            Diagnostic::new("invalid-doc-number", at(f, n), m!("rules-no-doc-number"), t!("rules-no-doc-number-label"))
                .with_help(t!("rules-no-doc-number-help")),
        );
    }
}

/// The display period (公示期) is two real days, the first not after the last.
fn display(f: usize, i: &crate::raw::Institution, report: &mut Report) {
    let Some(d) = &i.display else { return };
    let (from, until) = (&d.value.from, &d.value.until);
    super::refs::check_date(at(f, from), &from.value, report);
    super::refs::check_date(at(f, until), &until.value, report);
    if let (Ok(a), Ok(b)) = (crate::date::Date::parse(&from.value), crate::date::Date::parse(&until.value))
        && b < a
    {
        let message = t!("rules-display-ends-before-start");
        report.push(super::refs::order("invalid-period", at(f, until), message, at(f, from)));
    }
}

/// A numbering style (`doc_number`, `card_numbers`) numbers: `{year}` and `{number}` are all it
/// may hold, and it holds `{number}`.
fn number_style(f: usize, key: &str, style: &serde_saphyr::Spanned<String>, report: &mut Report) {
    let mut rest = style.value.as_str();
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map(|c| open + c);
        let name = close.map_or(&rest[open..], |c| &rest[open..=c]);
        if name != "{year}" && name != "{number}" {
            report.push(
                Diagnostic::new(
                    "invalid-doc-number",
                    at(f, style),
                    m!("rules-unknown-placeholder", name, key),
                    t!("rules-unknown-placeholder-label"),
                )
                .with_help(t!("rules-unknown-placeholder-help", key)),
            );
        }
        rest = close.map_or("", |c| &rest[c + 1..]);
    }
    if !style.value.contains("{number}") {
        report.push(
            Diagnostic::new(
                "invalid-doc-number",
                at(f, style),
                m!("rules-doc-number-without-number", key),
                t!("rules-doc-number-without-number-label"),
            )
            .with_help(t!("rules-doc-number-without-number-help", key)),
        );
    }
}

/// 全员: everyone employed holds a post and a duty list. Fewer people listed than employed
/// means some staff have no duties on record.
fn coverage(f: usize, i: &crate::raw::Institution, listed: usize, report: &mut Report) {
    let employees = i.employees.value as usize;
    if listed < employees {
        report.push(
            Diagnostic::new(
                "staff-coverage",
                at(f, &i.employees),
                m!("rules-staff-coverage", listed, employees, others = employees - listed),
                t!("rules-employees", employees),
            )
            .with_help(t!("rules-staff-coverage-help")),
        );
    }
}

fn posts(index: &Index, inst: &InstIndex, report: &mut Report) {
    let held: std::collections::BTreeSet<&str> =
        inst.people.values().flat_map(|p| p.value.posts.value.iter().map(|s| s.value.as_str())).collect();
    for post in &inst.dir.posts {
        let (f, p) = (post.file, &post.value);
        let span = at(f, &p.name);
        let category = p.category.as_ref().and_then(|c| index.categories.get(c.value.as_str()));
        // A category that does not exist is reported as such; what it would give is unknown.
        let unknown_category = p.category.is_some() && category.is_none();
        if p.scope.as_deref().is_none_or(|s| s.trim().is_empty()) {
            report.push(
                Diagnostic::new(
                    "post-without-scope",
                    span,
                    m!("rules-post-without-scope", post = post.id.as_str()),
                    t!("rules-this-post"),
                )
                .with_help(t!("rules-post-without-scope-help")),
            );
        }
        let assessment = p.assessment.as_ref().or(category.map(|c| &c.value.assessment));
        if assessment.is_none_or(|a| a.is_empty()) && !unknown_category {
            report.push(
                Diagnostic::new(
                    "post-without-assessment",
                    span,
                    m!("rules-post-without-assessment", post = post.id.as_str()),
                    t!("rules-this-post"),
                )
                .with_help(t!("rules-post-without-assessment-help")),
            );
        }
        let rewards = p.rewards_penalties.as_ref().or(category.map(|c| &c.value.rewards_penalties));
        if rewards.is_none_or(|a| a.is_empty()) && !unknown_category {
            report.push(
                Diagnostic::new(
                    "post-without-rewards",
                    span,
                    m!("rules-post-without-rewards", post = post.id.as_str()),
                    t!("rules-this-post"),
                )
                .with_help(t!("rules-post-without-rewards-help")),
            );
        }
        if !held.contains(post.id.as_str()) {
            report.push(
                Diagnostic::new(
                    "post-without-holder",
                    span,
                    m!("rules-post-without-holder", post = post.id.as_str()),
                    t!("rules-post-without-holder-label"),
                )
                .with_help(t!("rules-post-without-holder-help")),
            );
        }
    }
    for list in &inst.dir.people {
        for person in list.value.iter() {
            if person.posts.value.is_empty() {
                report.push(
                    Diagnostic::new(
                        "person-without-post",
                        at(list.file, &person.posts),
                        m!("rules-person-without-post", name = person.name.as_str(), id = person.id.value.as_str()),
                        t!("rules-empty-list"),
                    )
                    .with_help(t!("rules-person-without-post-help")),
                );
            }
        }
    }
}

//! The seed documents' rules (乌卫健发〔2022〕124号, section 4.1 and the annex) as findings.

use super::index::{Index, InstIndex, at};
use crate::diagnostic::{Diagnostic, Report};
use crate::raw::OfficerKind;

/// Staff count above which a safety management body or a full-time officer is required.
pub(crate) const STAFF_THRESHOLD: u32 = 100;

pub(crate) fn check(index: &Index, report: &mut Report) {
    for inst in index.institutions.values() {
        if let Some(loaded) = &inst.dir.institution {
            institution(loaded.file, &loaded.value, report);
            numbers(loaded.file, &loaded.value, report);
            coverage(loaded.file, &loaded.value, inst.people.len(), report);
        }
        posts(index, inst, report);
    }
}

fn institution(f: usize, i: &crate::raw::Institution, report: &mut Report) {
    let name = &i.name.value;
    let name_span = at(f, &i.name);
    match &i.principal {
        None => report.push(
            Diagnostic::new("missing-principal", name_span, format!("{name} has no principal"), "no `principal:`")
                .with_help("add `principal: <post id>` naming the post of the 主要负责人 (第一责任人)"),
        ),
        Some(p) => match &i.leadership_group {
            None => report.push(
                Diagnostic::new(
                    "leadership-group",
                    name_span,
                    format!("{name} has no safety leadership group (安全生产领导小组)"),
                    "no `leadership_group:`",
                )
                .with_help("add `leadership_group:` with `chair:` (the principal's post) and `members:`"),
            ),
            Some(g) if g.value.chair.value != p.value => report.push(
                Diagnostic::new(
                    "leadership-group",
                    at(f, &g.value.chair),
                    "the safety leadership group must be chaired by the principal",
                    format!("chair is `{}`", g.value.chair.value),
                )
                .with_label(at(f, p), format!("the principal is `{}`", p.value))
                .with_help(format!("set `chair: {}`", p.value)),
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
                format!(
                    "{name} has {employees} employees (more than {STAFF_THRESHOLD}) but neither a safety management body nor a full-time safety officer"
                ),
                "needs a body or a full-time officer",
            )
            .with_label(at(f, &i.employees), format!("{employees} employees"))
            .with_help("add `safety_management: body: <department id>` or an officer with `type: full-time`"),
        );
    } else if employees <= STAFF_THRESHOLD && !has_body && officers.is_empty() {
        report.push(
            Diagnostic::new(
                "safety-staffing",
                staffing_span,
                format!("{name} has no safety officer"),
                "needs a full- or part-time officer",
            )
            .with_help("add `safety_management: officers: [{post: <post id>, type: part-time}]`"),
        );
    }
    if i.hazardous_goods && i.safety_engineers.is_empty() {
        report.push(
            Diagnostic::new(
                "safety-engineer",
                name_span,
                format!("{name} produces or stores hazardous goods but has no registered safety engineer"),
                "hazardous goods: true",
            )
            .with_help("add `safety_engineers: [{person: <person id>, certificate: …}]`"),
        );
    }
}

/// A document number style must number: `{year}` and `{number}` are all it may hold, and
/// `letter_numbers: document` needs one.
fn numbers(f: usize, i: &crate::raw::Institution, report: &mut Report) {
    use crate::raw::LetterNumbering;
    if let Some(style) = &i.doc_number {
        let mut rest = style.value.as_str();
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map(|c| open + c);
            let name = close.map_or(&rest[open..], |c| &rest[open..=c]);
            if name != "{year}" && name != "{number}" {
                report.push(
                    Diagnostic::new(
                        "invalid-doc-number",
                        at(f, style),
                        format!("`{name}` in doc_number is not a placeholder: it would print as written on every letter"),
                        "unknown placeholder",
                    )
                    .with_help("use `{year}` for the year and `{number}` for the letter's number, e.g. 乌人医发〔{year}〕{number}号"),
                );
            }
            rest = close.map_or("", |c| &rest[c + 1..]);
        }
        if !style.value.contains("{number}") {
            report.push(
                Diagnostic::new(
                    "invalid-doc-number",
                    at(f, style),
                    "doc_number has no `{number}`: every letter would get the same number",
                    "no `{number}`",
                )
                .with_help("add `{number}` where the letter's number goes, e.g. 乌人医发〔{year}〕{number}号"),
            );
        }
    }
    if let Some(n) = &i.letter_numbers
        && n.value == LetterNumbering::Document
        && i.doc_number.is_none()
    {
        report.push(
            Diagnostic::new(
                "invalid-doc-number",
                at(f, n),
                "letters are numbered as documents, but the institution has no `doc_number`",
                "needs `doc_number`",
            )
            .with_help("add `doc_number: <style>`, e.g. 乌人医发〔{year}〕{number}号, or number letters as `register`"),
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
                format!("{listed} people listed for {employees} employees: the other {} have no post and no duties on record", employees - listed),
                format!("{employees} employees"),
            )
            .with_help("list every employee in people.yaml with their posts (全员), or correct `employees:`"),
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
                    format!("post `{}` has no scope (责任范围)", post.id),
                    "this post",
                )
                .with_help("add `scope: …` saying what the post answers for"),
            );
        }
        let assessment = p.assessment.as_ref().or(category.map(|c| &c.value.assessment));
        if assessment.is_none_or(|a| a.is_empty()) && !unknown_category {
            report.push(
                Diagnostic::new(
                    "post-without-assessment",
                    span,
                    format!("post `{}` has no assessment criteria (考核标准)", post.id),
                    "this post",
                )
                .with_help("add `assessment:` to the post, or defaults to its category"),
            );
        }
        let rewards = p.rewards_penalties.as_ref().or(category.map(|c| &c.value.rewards_penalties));
        if rewards.is_none_or(|a| a.is_empty()) && !unknown_category {
            report.push(
                Diagnostic::new(
                    "post-without-rewards",
                    span,
                    format!("post `{}` has no rewards and penalties (奖惩办法)", post.id),
                    "this post",
                )
                .with_help("add `rewards_penalties:` to the post, or defaults to its category"),
            );
        }
        if !held.contains(post.id.as_str()) {
            report.push(
                Diagnostic::new("post-without-holder", span, format!("nobody holds post `{}`", post.id), "vacant post")
                    .with_help("add the post id to someone's `posts:` in people.yaml"),
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
                        format!("{} (`{}`) holds no post", person.name, person.id.value),
                        "empty list",
                    )
                    .with_help("every employee holds at least one post; list its id here"),
                );
            }
        }
    }
}

//! Cycles in the department tree and in who-reports-to-whom.

use std::collections::BTreeSet;

use super::index::{InstIndex, at};
use crate::diagnostic::{Diagnostic, Report};
use crate::source::Span;
use crate::{m, t};

pub(super) fn institution(inst: &InstIndex, report: &mut Report) {
    // A definition's span lies in the file that defines it: links are spanned in that file.
    let dept_parent = |id: &str| {
        let def = inst.departments.get(id)?;
        let parent = def.value.parent.as_ref()?;
        Some((parent.value.as_str(), at(def.span.file, parent)))
    };
    for cycle in cycles(inst.departments.keys().copied(), dept_parent) {
        report.push(cycle_diagnostic("department", "parent", &cycle));
    }
    let post_parent = |id: &str| {
        let def = inst.posts.get(id)?;
        let parent = def.value.reports_to.as_ref()?;
        Some((parent.value.as_str(), at(def.span.file, parent)))
    };
    for cycle in cycles(inst.posts.keys().copied(), post_parent) {
        report.push(cycle_diagnostic("post", "reports_to", &cycle));
    }
}

/// Each cycle once, as (id, span of its link to the next) in walk order, starting at its
/// smallest id so that the report is stable.
fn cycles<'a>(
    ids: impl Iterator<Item = &'a str>,
    parent: impl Fn(&str) -> Option<(&'a str, Span)>,
) -> Vec<Vec<(&'a str, Span)>> {
    let mut done: BTreeSet<&str> = BTreeSet::new();
    let mut found = Vec::new();
    for start in ids {
        let mut path: Vec<(&str, Span)> = Vec::new();
        let mut cur = start;
        while !done.contains(cur) {
            if let Some(pos) = path.iter().position(|(id, _)| *id == cur) {
                let mut cycle = path[pos..].to_vec();
                let min = cycle.iter().enumerate().min_by_key(|(_, (id, _))| *id).map_or(0, |(i, _)| i);
                cycle.rotate_left(min);
                found.push(cycle);
                break;
            }
            let Some((next, span)) = parent(cur) else { break };
            path.push((cur, span));
            cur = next;
        }
        done.extend(path.iter().map(|(id, _)| *id));
    }
    found
}

fn cycle_diagnostic(kind: &str, key: &str, cycle: &[(&str, Span)]) -> Diagnostic {
    let chain: Vec<&str> = cycle.iter().map(|(id, _)| *id).chain(std::iter::once(cycle[0].0)).collect();
    let mut d = Diagnostic::new(
        "cycle",
        cycle[0].1,
        m!("graph-cycle", kinds = crate::i18n::Value::nouns(kind), chain = chain.join(" → ")),
        t!("graph-cycle-label", key, id = cycle[0].0),
    )
    .with_help(t!("graph-cycle-help", kind = crate::diagnostic::a(kind), key));
    for (id, span) in &cycle[1..] {
        d = d.with_label(*span, t!("graph-cycle-link", key, id = *id));
    }
    d
}

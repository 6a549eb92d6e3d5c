//! The levels of the responsibility system (层层签订, 一岗双责): which leader supervises which
//! departments (分管), and what the signing rules need of them.

use std::collections::BTreeMap;

use super::index::{Index, InstIndex, at};
use super::refs::table_ref;
use crate::diagnostic::{Diagnostic, Report};
use crate::raw::HeadsSignWith;
use crate::source::Span;
use crate::{m, t};

pub(super) fn institution(index: &Index, inst: &InstIndex, report: &mut Report) {
    let dir = inst.dir;
    let leader =
        |category: Option<&str>| category.and_then(|c| index.categories.get(c)).is_some_and(|c| c.value.leadership);
    // The leader supervising each department, and where it says so.
    let mut supervisor: BTreeMap<&str, (&str, Span)> = BTreeMap::new();
    for post in &dir.posts {
        let (f, p) = (post.file, &post.value);
        let is_leader = leader(p.category.as_ref().map(|c| c.value.as_str()));
        if let Some(first) = p.supervises.first().filter(|_| !is_leader && p.category.is_some()) {
            report.push(
                Diagnostic::new(
                    "supervisor-not-leader",
                    at(f, first),
                    m!("levels-supervisor-not-leader", post = post.id.as_str()),
                    t!("levels-supervisor-not-leader-label"),
                )
                .with_help(t!("levels-supervisor-not-leader-help")),
            );
        }
        if is_leader && p.business_duties.is_empty() {
            report.push(
                Diagnostic::new(
                    "leader-without-business-duties",
                    at(f, &p.name),
                    m!("levels-no-business-duties", post = post.id.as_str()),
                    t!("levels-this-post"),
                )
                .with_help(t!("levels-no-business-duties-help")),
            );
        }
        for d in &p.supervises {
            if dir.broken_lists.contains(&"department")
                || !table_ref(report, "department", at(f, d), &d.value, &inst.departments)
            {
                continue;
            }
            match supervisor.get(d.value.as_str()) {
                Some((other, first)) => {
                    let (department, other, post) = (d.value.as_str(), *other, post.id.as_str());
                    report.push(
                        Diagnostic::new(
                            "duplicate-supervisor",
                            at(f, d),
                            m!("levels-duplicate-supervisor", department, other, post),
                            t!("levels-again-here"),
                        )
                        .with_label(*first, t!("levels-first-supervised"))
                        .with_help(t!("levels-duplicate-supervisor-help")),
                    );
                }
                None => {
                    supervisor.insert(&d.value, (&post.id, at(f, d)));
                }
            }
        }
    }

    let Some(loaded) = &dir.institution else { return };
    let Some(sign_with) = loaded.value.department_heads_sign_with.as_ref() else { return };
    if sign_with.value != HeadsSignWith::Supervisor || dir.broken_lists.contains(&"department") {
        return;
    }
    let principal = loaded.value.principal.as_ref().map(|p| p.value.as_str());
    for list in &dir.departments {
        for d in list.value.iter() {
            let head = d.head.as_ref().map(|h| h.value.as_str());
            let top_level = d.parent.is_none();
            if top_level && head.is_some() && head != principal && !supervisor.contains_key(d.id.value.as_str()) {
                report.push(
                    Diagnostic::new(
                        "unsupervised-department",
                        at(list.file, &d.id),
                        m!("levels-unsupervised", department = d.id.value.as_str()),
                        t!("levels-unsupervised-label"),
                    )
                    .with_label(at(loaded.file, sign_with), t!("levels-heads-sign-with-supervisor"))
                    .with_help(t!("levels-unsupervised-help", department = d.id.value.as_str())),
                );
            }
        }
    }
}

//! Duty lists: every item has words, and a post's edits of its category's list each name one
//! item, by its text.

use serde_saphyr::Spanned;

use super::index::{InstIndex, at};
use crate::diagnostic::{Diagnostic, Report, did_you_mean};
use crate::load::Content;
use crate::raw::{ItemRef, Miss};
use crate::source::Span;
use crate::{m, t};

/// Items without words would print as a bare number: the categories', the posts' own and
/// reworded ones, and the duties of departments and of the safety committee.
pub(super) fn whole(content: &Content, report: &mut Report) {
    for c in &content.categories {
        empty_items(c.file, c.value.duties.value.iter(), report);
    }
}

pub(super) fn institution(inst: &InstIndex, report: &mut Report) {
    if let Some(i) = &inst.dir.institution
        && let Some(g) = &i.value.leadership_group
    {
        empty_items(i.file, g.value.duties.iter(), report);
    }
    for list in &inst.dir.departments {
        for d in list.value.iter() {
            empty_items(list.file, d.duties.iter(), report);
        }
    }
    for post in &inst.dir.posts {
        let d = &post.value.duties;
        empty_items(post.file, d.add.iter().chain(d.replace.iter().map(|r| &r.text)), report);
    }
}

fn empty_items<'a>(file: usize, items: impl Iterator<Item = &'a Spanned<String>>, report: &mut Report) {
    for item in items.filter(|i| i.value.trim().is_empty()) {
        report.push(
            Diagnostic::new("empty-duty", at(file, item), m!("duties-empty-item"), t!("duties-empty-item-label"))
                .with_help(t!("duties-empty-item-help")),
        );
    }
}

/// `replace` and `remove` must each name one item the category has, by its text; a post must
/// end with duties.
pub(super) fn edits(
    file: usize,
    id: &str,
    p: &crate::raw::Post,
    category: Option<&crate::raw::Category>,
    report: &mut Report,
) {
    let items: Vec<String> =
        category.map_or_else(Vec::new, |c| c.duties.value.iter().map(|d| d.value.clone()).collect());
    let count = items.len();
    let name = category.map_or("", |c| c.name.value.as_str());
    // Each reference (a rewording, or a removal), with the item it names (0-based) when it
    // names one.
    let mut found = |r: &Spanned<ItemRef>, rewords: bool| -> Option<usize> {
        let span = at(file, r);
        if category.is_none() {
            if p.category.is_some() {
                // An unknown category: reported where it is named.
                return None;
            }
            report.push(
                Diagnostic::new(
                    "unknown-item",
                    span,
                    match rewords {
                        true => m!("duties-rewords-without-category", id),
                        false => m!("duties-removes-without-category", id),
                    },
                    t!("duties-no-category"),
                )
                .with_help(t!("duties-no-category-help")),
            );
            return None;
        }
        let miss = match r.value.find(&items) {
            Ok(i) => return Some(i),
            Err(miss) => miss,
        };
        let d = match miss {
            Miss::Number(Some(i)) => Diagnostic::new(
                "item-by-number",
                span,
                m!("duties-item-by-number", n = i + 1),
                t!("duties-item-by-number-label", n = i + 1, name, text = items[i].trim()),
            )
            .with_help(t!("duties-item-by-number-help", text = ItemRef::text_for(&items, i))),
            Miss::Number(None) => Diagnostic::new(
                "item-by-number",
                span,
                m!("duties-item-by-number-none"),
                t!("duties-item-by-number-none-label", name, count),
            )
            .with_help(t!("duties-item-text-help")),
            Miss::Empty => {
                Diagnostic::new("unknown-item", span, m!("duties-empty-reference"), t!("duties-empty-reference-label"))
                    .with_help(t!("duties-item-text-help"))
            }
            Miss::NoMatch => {
                let wanted = match &r.value {
                    ItemRef::Text(t) => t.trim(),
                    ItemRef::Number(_) => "",
                };
                let prefixes: Vec<String> =
                    items.iter().map(|item| item.trim().chars().take(wanted.chars().count()).collect()).collect();
                let close = prefixes.iter().position(|p| did_you_mean(wanted, [p.as_str()]).is_some());
                let help = match close {
                    Some(i) => t!("duties-no-match-close", n = i + 1, text = ItemRef::text_for(&items, i)),
                    None => t!("duties-no-match-help", count, name),
                };
                Diagnostic::new("unknown-item", span, m!("duties-no-match", name, wanted), t!("duties-no-match-label"))
                    .with_help(help)
            }
            Miss::Ambiguous(is) => {
                let list: Vec<String> =
                    is.iter().map(|i| t!("duties-item", n = i + 1, text = ItemRef::text_for(&items, *i))).collect();
                Diagnostic::new(
                    "unknown-item",
                    span,
                    m!("duties-ambiguous", count = is.len(), name),
                    t!("duties-ambiguous-label"),
                )
                .with_help(t!("duties-ambiguous-help", items = list.join(&t!("duties-item-separator"))))
            }
        };
        report.push(d);
        None
    };
    let reworded: Vec<(Option<usize>, Span)> =
        p.duties.replace.iter().map(|r| (found(&r.item, true), at(file, &r.item))).collect();
    let removed: Vec<(Option<usize>, Span)> = p.duties.remove.iter().map(|r| (found(r, false), at(file, r))).collect();
    // Items named twice in one list: reworded twice, or removed twice.
    let twice = |list: &[(Option<usize>, Span)], rewords: bool, report: &mut Report| {
        for (n, (item, span)) in list.iter().enumerate() {
            let Some(item) = item else { continue };
            if let Some((_, first)) = list[..n].iter().find(|(i, _)| i == &Some(*item)) {
                let n = item + 1;
                let (message, first_label, help) = match rewords {
                    true => {
                        (m!("duties-reworded-twice", n), t!("duties-first-reworded"), t!("duties-reworded-twice-help"))
                    }
                    false => {
                        (m!("duties-removed-twice", n), t!("duties-first-removed"), t!("duties-removed-twice-help"))
                    }
                };
                report.push(
                    Diagnostic::new("duplicate-item", *span, message, t!("duties-again-here"))
                        .with_label(*first, first_label)
                        .with_help(help),
                );
            }
        }
    };
    twice(&reworded, true, report);
    twice(&removed, false, report);
    for (item, span) in &removed {
        if let Some((_, at_reworded)) = reworded.iter().find(|(i, _)| item.is_some() && i == item) {
            report.push(
                Diagnostic::new(
                    "duplicate-item",
                    *span,
                    m!("duties-reworded-and-removed", n = item.map_or(0, |i| i + 1)),
                    t!("duties-removed-here"),
                )
                .with_label(*at_reworded, t!("duties-reworded-here"))
                .with_help(t!("duties-reworded-and-removed-help")),
            );
        }
    }
    let removed: std::collections::BTreeSet<usize> = removed.iter().filter_map(|(i, _)| *i).collect();
    if category.is_some() && count > 0 && removed.len() >= count && p.duties.add.is_empty() {
        report.push(
            Diagnostic::new("empty-duties", Span::file_start(file), m!("duties-none-left", id), "")
                .with_help(t!("duties-none-left-help")),
        );
    } else if category.is_none() && p.category.is_none() && p.duties.add.is_empty() {
        report.push(
            Diagnostic::new("empty-duties", at(file, &p.name), m!("duties-none", id), t!("duties-this-post"))
                .with_help(t!("duties-none-help")),
        );
    }
}

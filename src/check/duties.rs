//! Duty lists: every item has words, and a post's edits of its category's list each name one
//! item, by its text.

use serde_saphyr::Spanned;

use super::index::{Index, at};
use crate::diagnostic::{Diagnostic, Report, did_you_mean};
use crate::load::Content;
use crate::raw::{ItemRef, Miss};
use crate::source::Span;

/// Items without words would print as a bare number: the categories', the posts' own and
/// reworded ones, and the duties of departments and of the safety committee.
pub(crate) fn check(content: &Content, index: &Index, report: &mut Report) {
    for c in &content.categories {
        empty_items(c.file, c.value.duties.value.iter(), report);
    }
    for inst in index.institutions.values() {
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
}

fn empty_items<'a>(file: usize, items: impl Iterator<Item = &'a Spanned<String>>, report: &mut Report) {
    for item in items.filter(|i| i.value.trim().is_empty()) {
        report.push(
            Diagnostic::new("empty-duty", at(file, item), "a duty item without text", "empty item")
                .with_help("write the duty, or delete the line"),
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
    // Each reference, with the item it names (0-based) when it names one.
    let mut found = |r: &Spanned<ItemRef>, verb: &str| -> Option<usize> {
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
                    format!("post `{id}` {verb} a category item but has no category"),
                    "no category",
                )
                .with_help("add `category: …` to the post, or list its duties under `add:`"),
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
                format!("item {} is named by its number, which moves when the category changes", i + 1),
                format!("today item {} of {name} is “{}”", i + 1, items[i].trim()),
            )
            .with_help(format!("name it by its text: `{}`", ItemRef::text_for(&items, i))),
            Miss::Number(None) => Diagnostic::new(
                "item-by-number",
                span,
                "items are named by their text, not their number".to_string(),
                format!("{name} has items 1 to {count}"),
            )
            .with_help("write the beginning of the item's text, as the category file has it"),
            Miss::Empty => Diagnostic::new("unknown-item", span, "an empty item reference".to_string(), "empty")
                .with_help("write the beginning of the item's text, as the category file has it"),
            Miss::NoMatch => {
                let wanted = match &r.value {
                    ItemRef::Text(t) => t.trim(),
                    ItemRef::Number(_) => "",
                };
                let prefixes: Vec<String> =
                    items.iter().map(|item| item.trim().chars().take(wanted.chars().count()).collect()).collect();
                let close = prefixes.iter().position(|p| did_you_mean(wanted, [p.as_str()]).is_some());
                let help = match close {
                    Some(i) => format!(
                        "the category has changed or the text is misspelt: did you mean item {} `{}`?",
                        i + 1,
                        ItemRef::text_for(&items, i)
                    ),
                    None => format!(
                        "write the beginning of one of the {count} items of {name}, as the category file has it"
                    ),
                };
                Diagnostic::new(
                    "unknown-item",
                    span,
                    format!("no item of {name} begins with “{wanted}”"),
                    "no such item",
                )
                .with_help(help)
            }
            Miss::Ambiguous(is) => {
                let list: Vec<String> =
                    is.iter().map(|i| format!("{} `{}`", i + 1, ItemRef::text_for(&items, *i))).collect();
                Diagnostic::new(
                    "unknown-item",
                    span,
                    format!("{} items of {name} begin with this text", is.len()),
                    "more than one item",
                )
                .with_help(format!("write more of the text, to name one of: {}", list.join("; ")))
            }
        };
        report.push(d);
        None
    };
    let reworded: Vec<(Option<usize>, Span)> =
        p.duties.replace.iter().map(|r| (found(&r.item, "rewords"), at(file, &r.item))).collect();
    let removed: Vec<(Option<usize>, Span)> =
        p.duties.remove.iter().map(|r| (found(r, "removes"), at(file, r))).collect();
    let twice = |list: &[(Option<usize>, Span)], verb: &str, help: &str, report: &mut Report| {
        for (n, (item, span)) in list.iter().enumerate() {
            let Some(item) = item else { continue };
            if let Some((_, first)) = list[..n].iter().find(|(i, _)| i == &Some(*item)) {
                report.push(
                    Diagnostic::new(
                        "duplicate-item",
                        *span,
                        format!("item {} is {verb} twice", item + 1),
                        "again here",
                    )
                    .with_label(*first, format!("first {verb} here"))
                    .with_help(help.to_string()),
                );
            }
        }
    };
    twice(&reworded, "reworded", "keep one `replace` entry for the item, with the wording that applies", report);
    twice(&removed, "removed", "list each item to remove once", report);
    for (item, span) in &removed {
        if let Some((_, at_reworded)) = reworded.iter().find(|(i, _)| item.is_some() && i == item) {
            report.push(
                Diagnostic::new(
                    "duplicate-item",
                    *span,
                    format!("item {} is both reworded and removed", item.map_or(0, |i| i + 1)),
                    "removed here",
                )
                .with_label(*at_reworded, "reworded here")
                .with_help("keep one: `replace` to reword the item, or `remove` to drop it"),
            );
        }
    }
    let removed: std::collections::BTreeSet<usize> = removed.iter().filter_map(|(i, _)| *i).collect();
    if category.is_some() && count > 0 && removed.len() >= count && p.duties.add.is_empty() {
        report.push(
            Diagnostic::new("empty-duties", Span::file_start(file), format!("post `{id}` ends up with no duties"), "")
                .with_help("a post must keep at least one duty; remove fewer items or add the post's own"),
        );
    } else if category.is_none() && p.category.is_none() && p.duties.add.is_empty() {
        report.push(
            Diagnostic::new("empty-duties", at(file, &p.name), format!("post `{id}` has no duties"), "this post")
                .with_help(
                    "give the post a `category:` (its duties are inherited) or list its own under `duties: add:`",
                ),
        );
    }
}

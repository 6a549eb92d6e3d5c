//! Comparing two versions of a post's resolved duty list: which items were added, removed,
//! reworded or moved, with a character diff of reworded items for the page.

use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff};

/// How alike two items must be (share of characters in common, 0–1) to count as one item
/// reworded rather than one removed and another added.
pub(crate) const REWORDED_AT_LEAST: f32 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ItemKind {
    Added,
    Removed,
    Reworded,
    /// The same text at another place in the list.
    Moved,
}

/// One changed duty item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct ItemChange {
    pub(crate) kind: ItemKind,
    /// Its number in the older list (removed, reworded, moved).
    pub(crate) old_number: Option<usize>,
    /// Its number in the newer list (added, reworded, moved).
    pub(crate) new_number: Option<usize>,
    pub(crate) old: Option<String>,
    pub(crate) new: Option<String>,
    /// Reworded items: the text with deletions and insertions marked.
    pub(crate) segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Segment {
    /// `equal`, `delete` or `insert`.
    pub(crate) tag: &'static str,
    pub(crate) text: String,
}

/// The changes from `old` to `new`, in the newer list's order, removed items last.
pub(crate) fn compare(old: &[String], new: &[String]) -> Vec<ItemChange> {
    let mut removed: Vec<usize> = Vec::new();
    let mut added: Vec<usize> = Vec::new();
    for op in similar::capture_diff_slices(Algorithm::Myers, old, new) {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete { old_index, old_len, .. } => removed.extend(old_index..old_index + old_len),
            DiffOp::Insert { new_index, new_len, .. } => added.extend(new_index..new_index + new_len),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                removed.extend(old_index..old_index + old_len);
                added.extend(new_index..new_index + new_len);
            }
        }
    }
    // Pair removed and added items by likeness, the most alike first (ties: list order).
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for &o in &removed {
        for &n in &added {
            let ratio = likeness(&old[o], &new[n]);
            if ratio >= REWORDED_AT_LEAST {
                candidates.push((ratio, o, n));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (_, o, n) in candidates {
        if pairs.iter().all(|&(po, pn)| po != o && pn != n) {
            pairs.push((o, n));
        }
    }
    let mut changes: Vec<ItemChange> = Vec::new();
    for &n in &added {
        let change = match pairs.iter().find(|p| p.1 == n) {
            Some(&(o, _)) if old[o] == new[n] => ItemChange {
                kind: ItemKind::Moved,
                old_number: Some(o + 1),
                new_number: Some(n + 1),
                old: Some(old[o].clone()),
                new: Some(new[n].clone()),
                segments: Vec::new(),
            },
            Some(&(o, _)) => ItemChange {
                kind: ItemKind::Reworded,
                old_number: Some(o + 1),
                new_number: Some(n + 1),
                old: Some(old[o].clone()),
                new: Some(new[n].clone()),
                segments: segments(&old[o], &new[n]),
            },
            None => ItemChange {
                kind: ItemKind::Added,
                old_number: None,
                new_number: Some(n + 1),
                old: None,
                new: Some(new[n].clone()),
                segments: Vec::new(),
            },
        };
        changes.push(change);
    }
    for &o in removed.iter().filter(|o| pairs.iter().all(|p| p.0 != **o)) {
        changes.push(ItemChange {
            kind: ItemKind::Removed,
            old_number: Some(o + 1),
            new_number: None,
            old: Some(old[o].clone()),
            new: None,
            segments: Vec::new(),
        });
    }
    changes
}

/// The share of characters two texts have in common (1 for equal texts).
fn likeness(a: &str, b: &str) -> f32 {
    TextDiff::configure().algorithm(Algorithm::Myers).diff_chars(a, b).ratio()
}

/// `old` → `new` as runs of equal, deleted and inserted characters.
fn segments(old: &str, new: &str) -> Vec<Segment> {
    let diff = TextDiff::configure().algorithm(Algorithm::Myers).diff_chars(old, new);
    let mut out: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = match change.tag() {
            ChangeTag::Equal => "equal",
            ChangeTag::Delete => "delete",
            ChangeTag::Insert => "insert",
        };
        match out.last_mut() {
            Some(last) if last.tag == tag => last.text.push_str(change.value()),
            _ => out.push(Segment { tag, text: change.value().to_string() }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn added_removed_and_reworded_items_are_told_apart() {
        let old = list(&["建立健全安全生产责任制。", "组织制定规章制度。", "督促检查安全工作。"]);
        let new = list(&["建立健全全员安全生产责任制。", "督促检查安全工作。", "每年组织一次应急演练。"]);
        let changes = compare(&old, &new);
        let kinds: Vec<_> = changes.iter().map(|c| (c.kind, c.old_number, c.new_number)).collect();
        assert_eq!(
            kinds,
            vec![
                (ItemKind::Reworded, Some(1), Some(1)),
                (ItemKind::Added, None, Some(3)),
                (ItemKind::Removed, Some(2), None),
            ]
        );
        let inserted: String =
            changes[0].segments.iter().filter(|s| s.tag == "insert").map(|s| s.text.as_str()).collect();
        assert_eq!(inserted, "全员");
    }

    #[test]
    fn equal_lists_have_no_changes_and_moves_are_moves() {
        let a = list(&["甲项职责内容", "乙项职责内容", "丙项职责内容"]);
        assert!(compare(&a, &a).is_empty());
        let b = list(&["丙项职责内容", "甲项职责内容", "乙项职责内容"]);
        let changes = compare(&a, &b);
        assert_eq!(changes.len(), 1);
        assert_eq!(
            (changes[0].kind, changes[0].old_number, changes[0].new_number),
            (ItemKind::Moved, Some(3), Some(1))
        );
    }
}

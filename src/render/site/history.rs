//! What the site's templates see of the content's history: a post's revision record (修订记录) and the
//! site's changelog (变更记录). Links are relative to the site root, as in `render::site::views`.

use serde::Serialize;

use crate::history::diff::ItemChange;
use crate::history::{History, PostChange, PostKind, Version};
use crate::model::{Model, Post, Revision};
use crate::render::paths;

/// The 修订记录 section of a post page: the revisions the content states (also without git),
/// then, with git, each version of the text item by item, its commit as a detail.
#[derive(Serialize)]
pub(crate) struct PostHistoryView {
    /// 施行日期 as the content states it: the date of the latest stated revision.
    pub(crate) effective: Option<String>,
    /// When git last saw the text change: 2024-03-01, or 2024-03-01（或更早）at a shallow
    /// clone's boundary; None without git or when uncommitted.
    pub(crate) committed: Option<String>,
    pub(crate) uncommitted: bool,
    /// The stated revisions, newest first.
    pub(crate) stated: Vec<RevisionView>,
    /// The versions in git, newest first; empty without git.
    pub(crate) entries: Vec<PostEntryView>,
    /// The site's changelog, when there is a history.
    pub(crate) changelog: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct PostEntryView {
    pub(crate) version: Version,
    pub(crate) kind: PostKind,
    pub(crate) kind_label: &'static str,
    pub(crate) items: Vec<ItemChange>,
    /// The revisions the content stated with this version.
    pub(crate) stated: Vec<RevisionView>,
}

/// A stated revision (修订说明) as pages show it.
#[derive(Serialize)]
pub(crate) struct RevisionView {
    /// YYYY-MM-DD, shown through the `day` filter.
    pub(crate) date: String,
    pub(crate) note: String,
    /// Where it is written: 本单位, 岗位类别, 本岗位.
    pub(crate) by: &'static str,
}

impl RevisionView {
    fn of(r: &Revision) -> Self {
        let by = match r.by {
            "institution" => "本单位",
            "category" => "岗位类别",
            _ => "本岗位",
        };
        RevisionView { date: r.date.to_string(), note: r.note.clone(), by }
    }

    fn newest_first(list: &[Revision]) -> Vec<Self> {
        list.iter().rev().map(RevisionView::of).collect()
    }
}

/// The changelog page: days, newest first; in each day the commits, in each the institutions.
#[derive(Serialize)]
pub(crate) struct ChangelogView {
    pub(crate) days: Vec<Day>,
    pub(crate) notes: Vec<String>,
}

#[derive(Serialize)]
pub(crate) struct Day {
    /// YYYY-MM-DD or 尚未提交.
    pub(crate) date: String,
    pub(crate) versions: Vec<VersionChanges>,
}

#[derive(Serialize)]
pub(crate) struct VersionChanges {
    pub(crate) version: Version,
    pub(crate) institutions: Vec<InstitutionChanges>,
}

#[derive(Serialize)]
pub(crate) struct InstitutionChanges {
    pub(crate) name: String,
    /// None when the institution no longer exists.
    pub(crate) url: Option<String>,
    /// Posts created in this version, listed briefly (a new institution has dozens).
    pub(crate) created: Vec<ChangedPost>,
    /// Posts changed or removed.
    pub(crate) posts: Vec<ChangedPost>,
}

#[derive(Serialize)]
pub(crate) struct ChangedPost {
    pub(crate) name: String,
    /// None when the post no longer exists.
    pub(crate) url: Option<String>,
    pub(crate) kind: PostKind,
    pub(crate) kind_label: &'static str,
    /// 新增 2 条，删除 1 条，修改 1 条
    pub(crate) summary: String,
    pub(crate) items: Vec<ItemChange>,
    pub(crate) stated: Vec<RevisionView>,
}

fn kind_label(kind: PostKind) -> &'static str {
    match kind {
        PostKind::Created => "新设岗位",
        PostKind::Removed => "撤销岗位",
        PostKind::Changed => "职责调整",
    }
}

fn summary(c: &PostChange) -> String {
    let [added, removed, reworded, moved] = crate::history::counts(&c.items);
    let parts: Vec<String> = [(added, "新增"), (removed, "删除"), (reworded, "修改"), (moved, "调整顺序")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{what} {n} 条"))
        .collect();
    match c.kind {
        PostKind::Created => format!("共 {} 条职责", c.items.len()),
        PostKind::Removed => String::new(),
        PostKind::Changed => parts.join("，"),
    }
}

/// The post's revision record; None when the content states no revision and no history
/// mentions the post.
pub(crate) fn post_view(history: Option<&History>, institution: &str, post: &Post) -> Option<PostHistoryView> {
    let since = history.and_then(|h| h.in_force_since(institution, &post.id));
    if since.is_none() && post.revisions.is_empty() {
        return None;
    }
    let committed = since.as_ref().and_then(|s| match (&s.date, s.boundary) {
        (Some(d), true) => Some(format!("{d}（或更早）")),
        (Some(d), false) => Some(d.clone()),
        (None, _) => None,
    });
    let mut entries: Vec<PostEntryView> = match (history, &since) {
        (Some(h), Some(_)) => h
            .of_post(institution, &post.id)
            .map(|(v, c)| PostEntryView {
                version: v.clone(),
                kind: c.kind,
                kind_label: kind_label(c.kind),
                items: c.items.clone(),
                stated: RevisionView::newest_first(&c.stated),
            })
            .collect(),
        _ => Vec::new(),
    };
    entries.reverse();
    Some(PostHistoryView {
        effective: post.revisions.last().map(|r| r.date.to_string()),
        committed,
        uncommitted: since.as_ref().is_some_and(|s| s.commit.is_none()),
        stated: RevisionView::newest_first(&post.revisions),
        entries,
        changelog: history.map(|_| paths::CHANGELOG.to_string()),
    })
}

/// The changelog of the whole site.
pub(crate) fn changelog(history: &History, model: &Model) -> ChangelogView {
    let mut days: Vec<Day> = Vec::new();
    for entry in history.entries.iter().rev() {
        let date = entry.version.date.clone().unwrap_or_else(|| "尚未提交".to_string());
        let mut institutions: Vec<InstitutionChanges> = Vec::new();
        for c in &entry.changes {
            let inst = model.institution(&c.institution);
            if institutions.last().is_none_or(|i| i.name != c.institution_name) {
                institutions.push(InstitutionChanges {
                    name: c.institution_name.clone(),
                    url: inst.map(|i| paths::institution(&i.id)),
                    created: Vec::new(),
                    posts: Vec::new(),
                });
            }
            let exists = inst.and_then(|i| i.post(&c.post)).is_some();
            if let Some(last) = institutions.last_mut() {
                let list = if c.kind == PostKind::Created { &mut last.created } else { &mut last.posts };
                list.push(ChangedPost {
                    name: c.post_name.clone(),
                    url: exists.then(|| paths::post(&c.institution, &c.post)),
                    kind: c.kind,
                    kind_label: kind_label(c.kind),
                    summary: summary(c),
                    // A new post's whole list is on its page; the changelog stays short.
                    items: if c.kind == PostKind::Changed { c.items.clone() } else { Vec::new() },
                    stated: RevisionView::newest_first(&c.stated),
                });
            }
        }
        let version = VersionChanges { version: entry.version.clone(), institutions };
        match days.last_mut() {
            Some(day) if day.date == date => day.versions.push(version),
            _ => days.push(Day { date, versions: vec![version] }),
        }
    }
    ChangelogView { days, notes: history.notes.clone() }
}

//! What the site's templates see of the content's history: a post's revision record (修订记录) and the
//! site's changelog (变更记录). Links are relative to the site root, as in `render::site::views`.

use serde::Serialize;

use crate::history::diff::ItemChange;
use crate::history::{History, PostChange, PostKind, Version};
use crate::model::Model;
use crate::render::paths;

/// The 修订记录 section of a post page.
#[derive(Serialize)]
pub(crate) struct PostHistoryView {
    /// 2024-03-01, 尚未提交, or 2024-03-01（或更早）at a shallow clone's boundary.
    pub(crate) in_force_since: String,
    pub(crate) uncommitted: bool,
    /// Newest first.
    pub(crate) entries: Vec<PostEntryView>,
    pub(crate) changelog: String,
}

#[derive(Serialize)]
pub(crate) struct PostEntryView {
    pub(crate) version: Version,
    pub(crate) kind: PostKind,
    pub(crate) kind_label: &'static str,
    pub(crate) items: Vec<ItemChange>,
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

/// The post's revision record; None when the history does not mention the post.
pub(crate) fn post_view(history: &History, institution: &str, post: &str) -> Option<PostHistoryView> {
    let since = history.in_force_since(institution, post)?;
    let in_force_since = match (&since.date, since.boundary) {
        (Some(d), true) => format!("{d}（或更早）"),
        (Some(d), false) => d.clone(),
        (None, _) => "尚未提交".to_string(),
    };
    let mut entries: Vec<PostEntryView> = history
        .of_post(institution, post)
        .map(|(v, c)| PostEntryView {
            version: v.clone(),
            kind: c.kind,
            kind_label: kind_label(c.kind),
            items: c.items.clone(),
        })
        .collect();
    entries.reverse();
    Some(PostHistoryView {
        in_force_since,
        uncommitted: since.commit.is_none(),
        entries,
        changelog: paths::CHANGELOG.to_string(),
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

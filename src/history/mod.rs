//! Duties under version control: the content folder's git history, what changed in each post's
//! resolved duty list, since when a text is in force, and which documents must be signed again.
//!
//! Only the first-parent line from HEAD is read (the line a safety office publishes from), and
//! only commits that changed the content folder (its tree id differs from the parent's). Each
//! such commit's files are loaded, checked and resolved like the content on disk; a commit
//! whose content has errors is skipped with a note. Models are cached by content-tree id.

pub(crate) mod diff;
pub(crate) mod git;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use gix::ObjectId;
use serde::Serialize;

use crate::diagnostic::Report;
use crate::error::{Error, Result};
use crate::model::Model;
use crate::t;
use diff::{ItemChange, ItemKind};
use git::{Commit, Git, Log};

/// A version of the content: a commit, or the folder as it is now when that differs from the
/// last commit ("not yet committed").
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Version {
    /// Full commit id; None for uncommitted content.
    pub(crate) commit: Option<String>,
    /// Seven digits of the id, or 尚未提交.
    pub(crate) short: String,
    /// YYYY-MM-DD (None for uncommitted content).
    pub(crate) date: Option<String>,
    pub(crate) summary: String,
    /// The oldest commit of a shallow clone: what came before it is not in the repository.
    pub(crate) boundary: bool,
}

impl Version {
    pub(crate) fn of(c: &Commit, boundary: bool) -> Self {
        let hex = c.id.to_hex().to_string();
        Version {
            short: hex[..7].to_string(),
            commit: Some(hex),
            date: Some(c.date.clone()),
            summary: c.summary.clone(),
            boundary,
        }
    }

    fn uncommitted() -> Self {
        Version {
            commit: None,
            short: "尚未提交".into(),
            date: None,
            summary: "尚未提交的修改".into(),
            boundary: false,
        }
    }

    /// `commit abc1234 of 2024-03-01 “message”`, for the command line (the date as 2024年3月1日
    /// in Chinese).
    pub(crate) fn describe(&self) -> String {
        match &self.date {
            Some(date) => {
                let date = match crate::i18n::lang() {
                    crate::i18n::Lang::Zh => crate::date::Date::parse(date).map_or(date.clone(), |d| d.chinese()),
                    crate::i18n::Lang::En => date.clone(),
                };
                t!("history-version", short = self.short.as_str(), date, summary = self.summary.as_str())
            }
            None => t!("history-version-uncommitted"),
        }
    }
}

/// A post's resolved duties in one version.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PostState {
    /// The post's place in the model: (institution, post) in their display order.
    pub(crate) order: (usize, usize),
    pub(crate) institution_name: String,
    pub(crate) post_name: String,
    pub(crate) duties: Vec<String>,
    pub(crate) revisions: Vec<crate::model::Revision>,
}

/// Every post's duties in one version, by (institution id, post id).
pub(crate) type Snapshot = BTreeMap<(String, String), PostState>;

pub(crate) fn snapshot(model: &Model) -> Snapshot {
    let mut out = Snapshot::new();
    for (i, inst) in model.institutions.iter().enumerate() {
        for (p, post) in inst.posts.iter().enumerate() {
            out.insert(
                (inst.id.clone(), post.id.clone()),
                PostState {
                    order: (i, p),
                    institution_name: inst.name.clone(),
                    post_name: post.name.clone(),
                    duties: post.duties.iter().map(|d| d.text.clone()).collect(),
                    revisions: post.revisions.clone(),
                },
            );
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum PostKind {
    /// A new post: every item is added.
    Created,
    /// The post no longer exists.
    Removed,
    /// Its duty list changed.
    Changed,
}

/// What changed in one post's resolved duty list between two versions.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PostChange {
    pub(crate) institution: String,
    pub(crate) institution_name: String,
    pub(crate) post: String,
    pub(crate) post_name: String,
    pub(crate) kind: PostKind,
    pub(crate) items: Vec<ItemChange>,
    /// The revisions the content states that this version added (its 修订说明).
    pub(crate) stated: Vec<crate::model::Revision>,
}

/// The posts whose duty lists differ between `old` and `new`, in the newer version's order of
/// institutions and posts (removed posts in the older one's, after them).
pub(crate) fn compare(old: &Snapshot, new: &Snapshot) -> Vec<PostChange> {
    let mut keys: Vec<&(String, String)> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.sort_by_key(|k| match (new.get(*k), old.get(*k)) {
        (Some(n), _) => (0, n.order),
        (None, Some(o)) => (1, o.order),
        (None, None) => (2, (0, 0)),
    });
    let mut out = Vec::new();
    for key in keys {
        let (kind, items, state) = match (old.get(key), new.get(key)) {
            (Some(o), Some(n)) if o.duties == n.duties => continue,
            (Some(o), Some(n)) => (PostKind::Changed, diff::compare(&o.duties, &n.duties), n),
            (None, Some(n)) => (PostKind::Created, diff::compare(&[], &n.duties), n),
            (Some(o), None) => (PostKind::Removed, Vec::new(), o),
            (None, None) => continue,
        };
        let before = old.get(key).map_or(&[][..], |o| &o.revisions[..]);
        let stated = state.revisions.iter().filter(|r| !before.contains(r)).cloned().collect();
        out.push(PostChange {
            stated,
            institution: key.0.clone(),
            institution_name: state.institution_name.clone(),
            post: key.1.clone(),
            post_name: state.post_name.clone(),
            kind,
            items,
        });
    }
    out
}

/// A content repository: its log and the models of its versions, loaded on demand.
pub(crate) struct Repo {
    pub(crate) git: Git,
    pub(crate) log: Log,
    root: PathBuf,
    versions: Arc<Versions>,
}

/// The resolved versions of content folders, by folder and content-tree id. A command makes
/// its own; the preview keeps one for its whole session and then resolves only the versions it
/// has not seen.
#[derive(Default)]
pub(crate) struct Versions(std::sync::Mutex<ByTree>);

/// Models by content folder and content-tree id, or why one could not be made.
type ByTree = HashMap<(PathBuf, ObjectId), Loaded>;

/// A version's model, or why it could not be made.
type Loaded = std::result::Result<Arc<Model>, Unloaded>;

/// Why a version's model could not be made: the error, and how many errors the content had
/// when that was why (the site's changelog counts them in Chinese).
#[derive(Clone)]
struct Unloaded {
    error: Error,
    errors: Option<usize>,
}

impl Versions {
    fn lock(&self) -> std::sync::MutexGuard<'_, ByTree> {
        crate::lock(&self.0)
    }
}

impl Repo {
    /// The repository holding `content_dir`; None when it is not in a git work tree.
    pub(crate) fn open(content_dir: &Path, versions: Arc<Versions>) -> Result<Option<Repo>> {
        let Some(git) = Git::open(content_dir) else {
            return Ok(None);
        };
        let log =
            git.log().map_err(|e| e.context(t!("history-cannot-read", dir = content_dir.display().to_string())))?;
        Ok(Some(Repo { git, log, root: content_dir.to_path_buf(), versions }))
    }

    /// The resolved model of a content tree (cached); Err says why it could not be made.
    pub(crate) fn model_at(&self, tree: ObjectId) -> Result<Arc<Model>> {
        self.loaded_at(tree).map_err(|u| u.error)
    }

    /// The resolved model of a content tree, or why it could not be made (with the number of
    /// errors when the content had some).
    fn loaded_at(&self, tree: ObjectId) -> Loaded {
        self.preload(&[tree]);
        self.versions.lock().get(&(self.root.clone(), tree)).cloned().unwrap_or_else(|| {
            Err(Unloaded { error: Error::internal("a version of the content was not loaded"), errors: None })
        })
    }

    /// Loads the models of the content commits: the files are read from git one commit after
    /// the other, then loaded, checked and resolved on every core.
    pub(crate) fn preload_all(&self) {
        let trees: Vec<ObjectId> = self.log.content_commits().iter().filter_map(|c| c.content_tree).collect();
        self.preload(&trees);
    }

    fn preload(&self, trees: &[ObjectId]) {
        use rayon::prelude::*;
        let mut todo: Vec<ObjectId> = {
            let known = self.versions.lock();
            trees.iter().copied().filter(|t| !known.contains_key(&(self.root.clone(), *t))).collect()
        };
        todo.sort();
        todo.dedup();
        let files: Vec<(ObjectId, Result<git::Files>)> = todo.into_iter().map(|t| (t, self.git.files(t))).collect();
        let root = self.root.as_path();
        let models: Vec<(ObjectId, Loaded)> = files
            .into_par_iter()
            .map(|(tree, files)| {
                let files = files.map_err(|error| Unloaded { error, errors: None });
                let model = files.and_then(|files| {
                    let mut report = Report::default();
                    let content = crate::load::load_files(root, files, &mut report);
                    let checked = crate::checked::check_loaded(content, report, |_| {});
                    let errors = checked.report.count(crate::diagnostic::Severity::Error);
                    checked.model.map(Arc::new).ok_or_else(|| Unloaded {
                        error: Error::content(t!("history-content-had-errors", errors)),
                        errors: Some(errors),
                    })
                });
                (tree, model)
            })
            .collect();
        self.versions.lock().extend(models.into_iter().map(|(tree, model)| ((self.root.clone(), tree), model)));
    }

    /// The content as it was at a commit (an empty snapshot if the folder did not exist).
    pub(crate) fn snapshot_at(&self, commit: ObjectId) -> Result<(Version, Snapshot)> {
        let c = self.commit_info(commit)?;
        let version = Version::of(&c, false);
        match c.content_tree {
            None => Ok((version, Snapshot::new())),
            Some(tree) => self.model_at(tree).map(|m| (version.clone(), snapshot(&m))).map_err(|e| {
                let error = t!("history-version-unreadable", version = version.describe(), error = e.message);
                Error::new(e.kind, error)
            }),
        }
    }

    fn commit_info(&self, id: ObjectId) -> Result<Commit> {
        if let Some(c) = self.log.commits.iter().find(|c| c.id == id) {
            return Ok(c.clone());
        }
        self.git.commit(id)
    }

    /// The newest commit on the first-parent line dated on or before `date` (YYYY-MM-DD).
    pub(crate) fn commit_on_or_before(&self, date: &str) -> Option<ObjectId> {
        self.log.commits.iter().rev().find(|c| c.date.as_str() <= date).map(|c| c.id)
    }
}

/// One version in the history and what it changed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Entry {
    pub(crate) version: Version,
    pub(crate) changes: Vec<PostChange>,
}

/// The duty history of a content folder, oldest first.
#[derive(Debug, Default)]
pub(crate) struct History {
    pub(crate) entries: Vec<Entry>,
    /// Remarks for the changelog page (in Chinese): commits skipped, a shallow clone.
    pub(crate) notes: Vec<String>,
    /// The repository is a shallow clone: the first entry is the boundary, not a beginning.
    pub(crate) shallow: bool,
}

impl History {
    /// The history of the content in `repo`, ending with the uncommitted state `current`.
    pub(crate) fn build(repo: &Repo, current: &Model) -> History {
        let mut history = History { shallow: repo.log.shallow, ..History::default() };
        repo.preload_all();
        let oldest = repo.log.commits.first().map(|c| c.id);
        let mut previous: Option<Snapshot> = None;
        for c in repo.log.content_commits() {
            let boundary = repo.log.shallow && Some(c.id) == oldest;
            let version = Version::of(c, boundary);
            let Some(tree) = c.content_tree else { continue };
            match repo.loaded_at(tree) {
                Ok(model) => {
                    let snap = snapshot(&model);
                    let changes = compare(previous.as_ref().unwrap_or(&Snapshot::new()), &snap);
                    if !changes.is_empty() {
                        history.entries.push(Entry { version, changes });
                    }
                    previous = Some(snap);
                }
                // The site is in Chinese whatever the language of messages.
                Err(e) => history.notes.push(format!(
                    "{} 提交 {}（{}）的内容有错误，未计入修订记录：{}",
                    c.date,
                    version.short,
                    c.summary,
                    match e.errors {
                        Some(n) => format!("{n} 处错误"),
                        None => e.error.message,
                    }
                )),
            }
        }
        if history.shallow {
            history.notes.push("本仓库为浅克隆（shallow clone）：更早的提交不在仓库中，最早一条记录是截断处的内容，不是职责的最初版本。".into());
        }
        let now = snapshot(current);
        let changes = compare(previous.as_ref().unwrap_or(&Snapshot::new()), &now);
        if !changes.is_empty() {
            history.entries.push(Entry { version: Version::uncommitted(), changes });
        }
        history
    }

    /// The entries that changed one post, oldest first, with its change.
    pub(crate) fn of_post<'a>(
        &'a self,
        institution: &'a str,
        post: &'a str,
    ) -> impl Iterator<Item = (&'a Version, &'a PostChange)> {
        self.entries.iter().filter_map(move |e| {
            e.changes.iter().find(|c| c.institution == institution && c.post == post).map(|c| (&e.version, c))
        })
    }

    /// The version whose text of the post is in force now: the last one that changed it.
    pub(crate) fn in_force_since(&self, institution: &str, post: &str) -> Option<&Version> {
        let changed = |e: &&Entry| e.changes.iter().any(|c| c.institution == institution && c.post == post);
        self.entries.iter().rev().find(changed).map(|e| &e.version)
    }
}

/// The history for a site build, or a note saying why there is none.
pub(crate) fn for_site(
    content_dir: &Path,
    current: &Model,
    versions: Arc<Versions>,
) -> (Option<History>, Option<String>) {
    match Repo::open(content_dir, versions) {
        Ok(Some(repo)) if repo.log.commits.is_empty() => (None, Some(t!("history-site-no-commit"))),
        Ok(Some(repo)) => {
            let history = History::build(&repo, current);
            let note = history.shallow.then(|| t!("history-site-shallow"));
            (Some(history), note)
        }
        Ok(None) => (None, Some(t!("history-site-not-in-git", dir = content_dir.display().to_string()))),
        Err(e) => (None, Some(t!("history-site-failed", error = e.message))),
    }
}

/// Counts of item changes, for short summaries.
pub(crate) fn counts(items: &[ItemChange]) -> [usize; 4] {
    let n = |k: ItemKind| items.iter().filter(|i| i.kind == k).count();
    [n(ItemKind::Added), n(ItemKind::Removed), n(ItemKind::Reworded), n(ItemKind::Moved)]
}

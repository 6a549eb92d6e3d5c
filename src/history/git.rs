//! Reading the content folder's history from git with gix: commits, their dates and messages,
//! and the files of the content folder as they were. No `git` process, no working-tree status:
//! uncommitted changes are found by comparing the resolved content with the last commit's.

use std::path::Path;

use gix::ObjectId;

use crate::error::{Error, Result};
use crate::t;

/// Files of a content tree: (path relative to the content folder, bytes).
pub(crate) type Files = Vec<(String, Vec<u8>)>;

/// The repository holding a content folder.
pub(crate) struct Git {
    repo: gix::Repository,
    /// The content folder inside the repository, `/`-separated ("" at the root).
    prefix: String,
}

/// A commit on the first-parent line from HEAD.
#[derive(Debug, Clone)]
pub(crate) struct Commit {
    pub(crate) id: ObjectId,
    /// Committer date in the committer's time zone, YYYY-MM-DD.
    pub(crate) date: String,
    /// The first line of the message.
    pub(crate) summary: String,
    /// The content folder's tree at this commit (None: the folder did not exist).
    pub(crate) content_tree: Option<ObjectId>,
}

/// The first-parent line from HEAD, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Log {
    pub(crate) commits: Vec<Commit>,
    /// The walk stopped at a shallow clone's boundary: older commits are not in the repository.
    pub(crate) shallow: bool,
}

impl Log {
    /// The commits that changed the content folder (the first one that has it, and every one
    /// whose content tree differs from its parent's), oldest first.
    pub(crate) fn content_commits(&self) -> Vec<&Commit> {
        let mut out: Vec<&Commit> = Vec::new();
        let mut previous: Option<ObjectId> = None;
        for c in &self.commits {
            if c.content_tree.is_some() && c.content_tree != previous {
                out.push(c);
            }
            previous = c.content_tree;
        }
        out
    }
}

fn err(e: impl std::fmt::Display) -> Error {
    Error::history(e.to_string())
}

impl Git {
    /// The repository that holds `content_dir`, or None when it is not inside a git work tree.
    pub(crate) fn open(content_dir: &Path) -> Option<Git> {
        let repo = gix::discover(content_dir).ok()?;
        let workdir = repo.workdir()?.canonicalize().ok()?;
        let content = content_dir.canonicalize().ok()?;
        let rel = content.strip_prefix(&workdir).ok()?;
        let prefix =
            rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/");
        Some(Git { repo, prefix })
    }

    /// Walks the first-parent line from HEAD. An unborn HEAD (no commit yet) gives an empty log.
    pub(crate) fn log(&self) -> Result<Log> {
        let mut log = Log::default();
        let Ok(head) = self.repo.head_id() else {
            return Ok(log);
        };
        let shallow: Vec<ObjectId> =
            self.repo.shallow_commits().map_err(err)?.map(|c| c.iter().copied().collect()).unwrap_or_default();
        let mut id = head.detach();
        loop {
            log.commits.push(self.commit(id)?);
            let commit = self.repo.find_commit(id).map_err(err)?;
            let parent = commit.parent_ids().next().map(|p| p.detach());
            match parent {
                None => break,
                Some(p) if shallow.contains(&id) || !self.repo.has_object(p) => {
                    log.shallow = true;
                    break;
                }
                Some(p) => id = p,
            }
        }
        log.commits.reverse();
        Ok(log)
    }

    /// A commit's date, message and content tree.
    pub(crate) fn commit(&self, id: ObjectId) -> Result<Commit> {
        let commit = self.repo.find_commit(id).map_err(err)?;
        let time = commit.committer().map_err(err)?.time().map_err(err)?;
        let message = commit.message_raw_sloppy().to_string();
        let summary = message.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default().to_string();
        let tree = commit.tree_id().map_err(err)?.detach();
        Ok(Commit { id, date: date(time.seconds, time.offset), summary, content_tree: self.content_tree(tree)? })
    }

    /// The content folder's tree inside a commit's root tree.
    fn content_tree(&self, root: ObjectId) -> Result<Option<ObjectId>> {
        if self.prefix.is_empty() {
            return Ok(Some(root));
        }
        let tree = self.repo.find_tree(root).map_err(err)?;
        let entry = tree.lookup_entry_by_path(&self.prefix).map_err(err)?;
        Ok(entry.filter(|e| e.mode().is_tree()).map(|e| e.object_id()))
    }

    /// The files of a content tree that the loader reads (YAML and Markdown), with paths
    /// relative to the content folder.
    pub(crate) fn files(&self, tree: ObjectId) -> Result<Files> {
        let mut out = Vec::new();
        self.collect(tree, "", &mut out)?;
        Ok(out)
    }

    fn collect(&self, tree: ObjectId, dir: &str, out: &mut Files) -> Result<()> {
        let tree = self.repo.find_tree(tree).map_err(err)?;
        for entry in tree.iter() {
            let entry = entry.map_err(err)?;
            let name = entry.filename().to_string();
            let path = if dir.is_empty() { name.clone() } else { format!("{dir}/{name}") };
            let mode = entry.mode();
            if mode.is_tree() {
                self.collect(entry.object_id(), &path, out)?;
            } else if mode.is_blob()
                && name
                    .rsplit_once('.')
                    .is_some_and(|(_, e)| ["yaml", "yml", "md"].iter().any(|x| e.eq_ignore_ascii_case(x)))
            {
                // Links (not blobs) are left out: what a link holds in git is its target's name.
                let blob = self.repo.find_blob(entry.object_id()).map_err(err)?;
                out.push((path, blob.data.clone()));
            }
        }
        Ok(())
    }

    /// A commit named by `spec`: `HEAD`, a branch or tag, a full or abbreviated commit id on the
    /// first-parent line, each optionally followed by `~N` or `^` (first parents).
    pub(crate) fn resolve(&self, spec: &str, log: &Log) -> Result<ObjectId> {
        let cut = spec.find(['~', '^']).unwrap_or(spec.len());
        let (base, suffix) = spec.split_at(cut);
        let mut id = self.base(base, log)?;
        let mut rest = suffix;
        while !rest.is_empty() {
            let (steps, tail) = if let Some(r) = rest.strip_prefix('~') {
                let digits = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
                let n = if digits == 0 { 1 } else { r[..digits].parse::<usize>().map_err(err)? };
                (n, &r[digits..])
            } else if let Some(r) = rest.strip_prefix('^') {
                (1, r)
            } else {
                return Err(Error::usage(t!("history-bad-revision", spec)));
            };
            for _ in 0..steps {
                let commit = self.repo.find_commit(id).map_err(err)?;
                let parent = commit.parent_ids().next().map(|p| p.detach());
                id = parent
                    .filter(|p| self.repo.has_object(p))
                    .ok_or_else(|| Error::usage(t!("history-revision-too-old", spec)))?;
            }
            rest = tail;
        }
        Ok(id)
    }

    fn base(&self, base: &str, log: &Log) -> Result<ObjectId> {
        if base == "HEAD" || base == "@" || base.is_empty() {
            return self.repo.head_id().map(|i| i.detach()).map_err(|_| Error::history(t!("history-repo-no-commit")));
        }
        if base.len() >= 4 && base.chars().all(|c| c.is_ascii_hexdigit()) {
            let lower = base.to_ascii_lowercase();
            let found: Vec<ObjectId> =
                log.commits.iter().map(|c| c.id).filter(|id| id.to_hex().to_string().starts_with(&lower)).collect();
            match found.as_slice() {
                [one] => return Ok(*one),
                [] => {}
                _ => return Err(Error::usage(t!("history-ambiguous", id = base))),
            }
            if let Ok(full) = ObjectId::from_hex(lower.as_bytes())
                && let Ok(commit) = self.repo.find_commit(full)
            {
                return Ok(commit.id);
            }
        }
        match self.repo.try_find_reference(base) {
            Ok(Some(mut r)) => r.peel_to_commit().map(|c| c.id).map_err(err),
            _ => Err(Error::usage(t!("history-no-revision", spec = base))),
        }
    }
}

/// A commit time as a date in its own time zone.
fn date(seconds: i64, offset: i32) -> String {
    crate::date::Date::of_moment(seconds, offset).map(|d| d.to_string()).unwrap_or_default()
}

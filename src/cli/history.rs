//! `safeduty changes` and `safeduty verify`.

use std::fmt::Write;
use std::path::Path;

/// A line of output, collected first and printed at the end (see `emit`).
macro_rules! say {
    ($out:expr, $($arg:tt)*) => {{
        let _ = writeln!($out, $($arg)*);
    }};
}

use serde::Serialize;

use crate::error::{Error, Result};
use crate::history::diff::ItemKind;
use crate::history::{PostChange, PostKind, Repo, Version, compare, snapshot};
use crate::model::{Letter, Model};
use crate::render::documents::{self, Document, Kind};
use crate::render::theme::Theme;
use crate::t;

/// Loads and checks the content on disk; Err with the diagnostics when it has errors.
pub(super) fn current(dir: &Path) -> Result<Model> {
    let checked = crate::checked::check(dir, |_| {});
    checked.model.ok_or_else(|| {
        let report = checked.report.render_human(&checked.sources, false);
        Error::content(t!("cli-content-has-errors", report, dir = dir.display().to_string()))
    })
}

fn open(dir: &Path) -> Result<Repo> {
    match Repo::open(dir, Default::default())? {
        Some(repo) if !repo.log.commits.is_empty() => Ok(repo),
        Some(_) => Err(Error::history(t!("changes-no-commit-yet", dir = dir.display().to_string()))),
        None => Err(Error::usage(t!("changes-not-in-git", dir = dir.display().to_string()))),
    }
}

/// A document to print and sign again.
#[derive(Serialize)]
struct ToSign {
    /// Letter id (`<post>--<person>`) or the post id for a card.
    id: String,
    title: String,
    file: String,
    code: String,
}

#[derive(Serialize)]
struct ChangedPost<'a> {
    #[serde(flatten)]
    change: &'a PostChange,
    cards: Vec<ToSign>,
    letters: Vec<ToSign>,
}

#[derive(Serialize)]
struct ChangesReport<'a> {
    since: &'a Version,
    posts: Vec<ChangedPost<'a>>,
}

/// `safeduty changes`: posts whose resolved duties differ between `since` and the content now.
pub(crate) fn changes(dir: &Path, since: Option<&str>, json: bool) -> Result<i32> {
    let model = current(dir)?;
    let repo = open(dir)?;
    let spec = since.unwrap_or("HEAD");
    let commit = if is_date(spec) {
        if crate::date::Date::parse(spec).is_err() {
            return Err(Error::usage(t!("changes-bad-date", date = spec)));
        }
        repo.commit_on_or_before(spec).ok_or_else(|| Error::usage(t!("changes-no-commit-before", date = spec)))?
    } else {
        repo.git.resolve(spec, &repo.log)?
    };
    let (version, old) = repo.snapshot_at(commit)?;
    let changes = compare(&old, &snapshot(&model));
    let theme = crate::pipeline::theme(dir, &model)?;
    let docs = documents::make(&model, &theme, documents::Which::CardsAndLetters)?;
    let posts: Vec<ChangedPost> = changes
        .iter()
        .map(|c| {
            let of = |kind: Kind| -> Vec<ToSign> {
                docs.iter()
                    .filter(|d| d.kind == kind && d.institution == c.institution && d.post == c.post)
                    .map(|d| ToSign {
                        id: match &d.person {
                            Some(person) => Letter::id_for(&d.post, person),
                            None => d.post.clone(),
                        },
                        title: d.title.clone(),
                        file: d.file.clone(),
                        code: d.code.clone(),
                    })
                    .collect()
            };
            ChangedPost { change: c, cards: of(Kind::Card), letters: of(Kind::Letter) }
        })
        .collect();
    let report = ChangesReport { since: &version, posts };
    let mut out = String::new();
    if json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| Error::internal(e.to_string()))?;
        emit(&format!("{json}\n"));
        return Ok(0);
    }
    say!(out, "{}", t!("changes-since", version = version.describe()));
    if report.posts.is_empty() {
        say!(out, "{}", t!("changes-none"));
        emit(&out);
        return Ok(0);
    }
    let letters: usize = report.posts.iter().map(|p| p.letters.len()).sum();
    let cards: usize = report.posts.iter().map(|p| p.cards.len()).sum();
    say!(out, "{}", t!("changes-summary", posts = report.posts.len(), cards, letters));
    for p in &report.posts {
        let c = p.change;
        let kind = match c.kind {
            PostKind::Created => "created",
            PostKind::Removed => "removed",
            PostKind::Changed => "changed",
        };
        let (institution_name, post_name) = (c.institution_name.as_str(), c.post_name.as_str());
        let (institution, post) = (c.institution.as_str(), c.post.as_str());
        let line = t!("changes-post", institution_name, post_name, institution, post, kind);
        say!(out, "\n{line}");
        for item in &c.items {
            print_item(&mut out, item);
        }
        for d in p.cards.iter().chain(&p.letters) {
            let (title, code, file) = (d.title.as_str(), d.code.as_str(), d.file.as_str());
            say!(out, "  {}", t!("changes-sign-again", title, code, file));
        }
    }
    emit(&out);
    Ok(0)
}

fn print_item(out: &mut String, item: &crate::history::diff::ItemChange) {
    let n = |x: Option<usize>| x.map_or(String::new(), |n| n.to_string());
    let text = |x: &Option<String>| x.clone().unwrap_or_default();
    let _ = match item.kind {
        ItemKind::Added => writeln!(out, "  + {}. {}", n(item.new_number), text(&item.new)),
        ItemKind::Removed => writeln!(out, "  - {}. {}", n(item.old_number), text(&item.old)),
        ItemKind::Reworded => writeln!(
            out,
            "  ~ {}. {}\n    → {}. {}",
            n(item.old_number),
            text(&item.old),
            n(item.new_number),
            text(&item.new)
        ),
        ItemKind::Moved => writeln!(out, "  ↕ {} → {}. {}", n(item.old_number), n(item.new_number), text(&item.new)),
    };
}

fn is_date(s: &str) -> bool {
    s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-'
}

/// A code as printed, normalised: upper case, Crockford's look-alikes (O→0, I and L→1), no
/// dash or blanks; None when it cannot be a code.
pub(crate) fn normalise(code: &str) -> Option<String> {
    let chars: String = code
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '　'))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    (chars.chars().count() == 8 && chars.chars().all(|c| ALPHABET.contains(c)))
        .then(|| format!("{}-{}", &chars[..4], &chars[4..]))
}

/// The same card, letter or report in another version: its file names it (institution, post
/// and person, or campaign and phase).
fn same_document(a: &Document, b: &Document) -> bool {
    a.kind == b.kind && a.file == b.file
}

fn kind_name(d: &Document) -> String {
    let kind = match d.kind {
        Kind::Card => "card",
        Kind::Letter => "letter",
        Kind::Report => "report",
        Kind::Notice => "notice",
        Kind::Bulletin => "bulletin",
        Kind::RiskCard => "risk-card",
        Kind::Ledger => "ledger",
        Kind::Form => "form",
        Kind::Register => "register",
        Kind::Display => "display",
        Kind::Network => "network",
    };
    t!("verify-kind", kind)
}

/// `safeduty verify`: which document and version a printed code belongs to, and whether it is
/// still current.
pub(crate) fn verify(dir: &Path, code: &str) -> Result<i32> {
    let Some(code) = normalise(code) else {
        return Err(Error::usage(t!("verify-not-a-code", code)));
    };
    let model = current(dir)?;
    let theme = crate::pipeline::theme(dir, &model)?;
    let now = documents::make(&model, &theme, documents::Which::All)?;
    let mut out = String::new();
    let repo = Repo::open(dir, Default::default())?;
    if let Some(d) = now.iter().find(|d| d.code == code) {
        let (title, file) = (d.title.as_str(), d.file.as_str());
        say!(out, "{}", t!("verify-found", code = code.as_str(), kind = kind_name(d), title, file));
        // The commit that introduced this text, when it is committed.
        let since = repo.as_ref().and_then(|r| first_with(r, &theme, d, None).ok().flatten());
        match since {
            Some(v) => say!(out, "{}", t!("verify-version-since", version = v.describe())),
            None if repo.is_some() => say!(out, "{}", t!("verify-version-uncommitted")),
            None => say!(out, "{}", t!("verify-version-no-git")),
        }
        say!(out, "{}", t!("verify-current"));
        emit(&out);
        return Ok(0);
    }
    let Some(repo) = repo else {
        say!(out, "{}", t!("verify-not-found-no-git", code = code.as_str()));
        emit(&out);
        return Ok(1);
    };
    repo.preload_all();
    for c in repo.log.content_commits().into_iter().rev() {
        let Some(tree) = c.content_tree else { continue };
        let Ok(old_model) = repo.model_at(tree) else { continue };
        let Ok(docs) = documents::make(&old_model, &theme, documents::Which::All) else { continue };
        let Some(d) = docs.iter().find(|d| d.code == code) else { continue };
        let first = first_with(&repo, &theme, d, Some(c.id))?.unwrap_or_else(|| Version::of(c, false));
        say!(out, "{}", t!("verify-found-old", code = code.as_str(), kind = kind_name(d), title = d.title.as_str()));
        say!(out, "{}", t!("verify-version-old", version = first.describe()));
        match now.iter().find(|n| same_document(n, d)) {
            Some(n) => say!(out, "{}", t!("verify-outdated", code = n.code.as_str(), file = n.file.as_str())),
            None => say!(out, "{}", t!("verify-gone")),
        }
        let old = snapshot(&old_model);
        let key = (d.institution.clone(), d.post.clone());
        let changes: Vec<PostChange> = compare(&old, &snapshot(&model))
            .into_iter()
            .filter(|c| (c.institution.clone(), c.post.clone()) == key)
            .collect();
        match changes.first() {
            Some(c) if c.kind == PostKind::Removed => say!(out, "{}", t!("verify-post-removed")),
            Some(c) => {
                say!(out, "{}", t!("verify-duties-changed"));
                for item in &c.items {
                    print_item(&mut out, item);
                }
            }
            None => say!(out, "{}", t!("verify-other-text-changed")),
        }
        emit(&out);
        return Ok(0);
    }
    say!(out, "{}", t!("verify-not-found", code = code.as_str()));
    emit(&out);
    Ok(1)
}

/// The oldest commit of the unbroken run of versions, from commit `from` (default: the newest)
/// back, in which document `d` has its code; None when `from` does not have it (uncommitted text).
fn first_with(repo: &Repo, theme: &Theme, d: &Document, from: Option<gix::ObjectId>) -> Result<Option<Version>> {
    let mut first = None;
    let commits = repo.log.content_commits();
    let Some(newest) = commits.len().checked_sub(1) else {
        return Ok(None);
    };
    let start = from.and_then(|id| commits.iter().position(|c| c.id == id)).unwrap_or(newest);
    for c in commits[..=start].iter().rev() {
        let Some(tree) = c.content_tree else { break };
        let Ok(model) = repo.model_at(tree) else { continue };
        let docs = documents::make(&model, theme, documents::Which::All)?;
        if docs.iter().any(|o| same_document(o, d) && o.code == d.code) {
            first = Some(Version::of(c, false));
        } else {
            break;
        }
    }
    Ok(first)
}

/// Prints to standard output; a closed pipe (`| head`) is not an error.
fn emit(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn codes_are_read_as_people_type_them() {
        assert_eq!(normalise("7qk2m9xd").as_deref(), Some("7QK2-M9XD"));
        assert_eq!(normalise(" 7QK2-M9XD ").as_deref(), Some("7QK2-M9XD"));
        // Crockford's look-alikes: O is 0, I and L are 1.
        assert_eq!(normalise("O1LI-oooo").as_deref(), Some("0111-0000"));
        assert_eq!(normalise("7QK2-M9X"), None);
        assert_eq!(normalise("7QK2-M9XU"), None, "U is not in the alphabet");
        assert_eq!(normalise("安全生产责任书"), None);
    }
}

//! Where a file sits decides what it is (see docs/content.md, "Content layout"), and what it
//! is decides how it is parsed.

use std::path::PathBuf;
use std::sync::Arc;

use super::page::{self, Page};
use super::{sheet, yaml};
use crate::diagnostic::Diagnostic;
use crate::fence::Refusal;
use crate::raw;
use crate::source::{FileId, Offset, Span};
use crate::{m, t};

/// What a path inside the content root is.
#[derive(Clone)]
pub(super) enum Kind {
    Config,
    Category(String),
    Institution(String),
    Departments(String),
    People(String),
    Signing(String),
    Post(String, String),
    Campaign(String),
    Progress(String),
    Issues(String),
    /// Records of an institution: (institution, kind, the spreadsheet format if not YAML).
    Records(String, raw::RecordKind, Option<sheet::Format>),
    Page(String),
    /// Not ours: images, scans, notes. Left alone.
    Other,
    /// A YAML file in a place that has no meaning; the name it would have in lower case, when
    /// that one has a meaning.
    Unknown(Option<String>),
}

pub(super) fn classify(rel: &[&str]) -> Kind {
    let stem = |name: &str| name.rsplit_once('.').map_or(name, |(s, _)| s).to_string();
    // Extensions in any case: Windows shows `x.YAML` and `x.yaml` alike.
    let extension = |name: &str| name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let is_yaml = |name: &str| matches!(extension(name).as_deref(), Some("yaml" | "yml"));
    // Records may also be kept in a spreadsheet. `~$x.xlsx` is the lock file Excel and WPS keep
    // beside a workbook while it is open: not a ledger.
    let records = |name: &str| match extension(name).and_then(|e| sheet::Format::of(&e)) {
        Some(format) if !name.starts_with("~$") => Some(Some(format)),
        Some(_) => None,
        None => is_yaml(name).then_some(None),
    };
    match rel {
        ["safeduty.yaml"] => Kind::Config,
        ["categories", f] if is_yaml(f) => Kind::Category(stem(f)),
        ["institutions", i, "institution.yaml"] => Kind::Institution(i.to_string()),
        ["institutions", i, "departments.yaml"] => Kind::Departments(i.to_string()),
        ["institutions", i, "people.yaml"] => Kind::People(i.to_string()),
        ["institutions", i, "signing.yaml"] => Kind::Signing(i.to_string()),
        ["institutions", i, "posts", f] if is_yaml(f) => Kind::Post(i.to_string(), stem(f)),
        ["institutions", i, "records", f]
            if let (Some(format), Some(kind)) = (records(f), raw::RecordKind::of(&stem(f))) =>
        {
            Kind::Records(i.to_string(), kind, format)
        }
        // A long list may be split into files (by year, by department) in a folder of its kind.
        ["institutions", i, "records", k, f]
            if let (Some(format), Some(kind)) = (records(f), raw::RecordKind::of(k)) =>
        {
            Kind::Records(i.to_string(), kind, format)
        }
        ["campaigns", c, "campaign.yaml"] => Kind::Campaign(c.to_string()),
        ["campaigns", c, "progress.yaml"] => Kind::Progress(c.to_string()),
        ["campaigns", c, "issues.yaml"] => Kind::Issues(c.to_string()),
        ["pages", rest @ ..] if rest.last().is_some_and(|f| extension(f).as_deref() == Some("md")) => {
            let mut slug: Vec<String> = rest.iter().map(|s| s.to_string()).collect();
            if let Some(last) = slug.last_mut() {
                *last = stem(last);
            }
            Kind::Page(slug.join("/"))
        }
        [.., f] if is_yaml(f) => {
            // `Institution.yaml`: names are matched exactly, so say which name was meant.
            let lower: Vec<String> = rel.iter().map(|c| c.to_ascii_lowercase()).collect();
            let meant = lower.iter().map(String::as_str).collect::<Vec<_>>();
            let known = lower.as_slice() != rel && !matches!(classify(&meant), Kind::Unknown(_) | Kind::Other);
            Kind::Unknown(known.then(|| lower.join("/")))
        }
        _ => Kind::Other,
    }
}

/// The columns a spreadsheet of records of `kind` may have.
pub(super) fn sheet_rows(kind: raw::RecordKind) -> sheet::Rows {
    let keys = match kind {
        raw::RecordKind::Hazards => sheet::keys::<raw::Hazard>(),
        raw::RecordKind::Checklist => sheet::keys::<raw::CheckItem>(),
        raw::RecordKind::Inspections => sheet::keys::<raw::Inspection>(),
        raw::RecordKind::MajorSources => sheet::keys::<raw::MajorSource>(),
    };
    sheet::Rows { keys, row: kind.row() }
}

/// A file's parsed value, before it is put in its folder. Shared, so that `Cache` can hand
/// the same value to the next load.
#[derive(Clone)]
pub(super) enum Value {
    Config(Arc<raw::Config>),
    Category(Arc<raw::Category>),
    Institution(Arc<raw::Institution>),
    Departments(Arc<Vec<raw::Department>>),
    People(Arc<Vec<raw::Person>>),
    Signing(Arc<raw::Signing>),
    Post(Arc<raw::Post>),
    Campaign(Arc<raw::Campaign>),
    Progress(Arc<raw::Progress>),
    Issues(Arc<Vec<raw::Issue>>),
    Hazards(Arc<Vec<raw::Hazard>>),
    Checklist(Arc<Vec<raw::CheckItem>>),
    Inspections(Arc<Vec<raw::Inspection>>),
    MajorSources(Arc<Vec<raw::MajorSource>>),
    Page(Arc<Page>),
}

/// Parses one file of the content tree according to where it sits.
pub(super) fn parse(kind: &Kind, text: &str, file: FileId) -> std::result::Result<Value, Vec<Diagnostic>> {
    let at = Offset::default();
    // A YAML file with nothing in it would read as an empty list or fail as a missing key; a
    // file saved empty (an editor that crashed, a bad merge) is said to be what it is.
    if !matches!(kind, Kind::Page(_) | Kind::Unknown(_)) && yaml::is_blank(text) {
        return Err(vec![
            Diagnostic::new("empty-file", Span::file_start(file), m!("layout-empty"), t!("layout-empty-label"))
                .with_help(t!("layout-empty-help")),
        ]);
    }
    Ok(match kind {
        Kind::Config => Value::Config(Arc::new(yaml::parse(text, file, at, "site config")?)),
        Kind::Category(_) => Value::Category(Arc::new(yaml::parse(text, file, at, "category file")?)),
        Kind::Institution(_) => Value::Institution(Arc::new(yaml::parse(text, file, at, "institution file")?)),
        Kind::Departments(_) => Value::Departments(Arc::new(yaml::parse(text, file, at, "department")?)),
        Kind::People(_) => Value::People(Arc::new(yaml::parse(text, file, at, "person")?)),
        Kind::Signing(_) => Value::Signing(Arc::new(yaml::parse(text, file, at, "signing file")?)),
        Kind::Post(..) => Value::Post(Arc::new(yaml::parse(text, file, at, "post file")?)),
        Kind::Campaign(_) => Value::Campaign(Arc::new(yaml::parse(text, file, at, "campaign file")?)),
        Kind::Progress(_) => Value::Progress(Arc::new(yaml::parse(text, file, at, "progress file")?)),
        Kind::Issues(_) => Value::Issues(Arc::new(yaml::parse(text, file, at, "issue")?)),
        Kind::Records(_, kind, _) => {
            let row = kind.row();
            match kind {
                raw::RecordKind::Hazards => Value::Hazards(Arc::new(yaml::parse(text, file, at, row)?)),
                raw::RecordKind::Checklist => Value::Checklist(Arc::new(yaml::parse(text, file, at, row)?)),
                raw::RecordKind::Inspections => Value::Inspections(Arc::new(yaml::parse(text, file, at, row)?)),
                raw::RecordKind::MajorSources => Value::MajorSources(Arc::new(yaml::parse(text, file, at, row)?)),
            }
        }
        Kind::Page(slug) => Value::Page(Arc::new(page::parse(text, file, slug.clone())?)),
        Kind::Unknown(Some(lower)) => {
            return Err(vec![
                Diagnostic::new(
                    "unknown-file",
                    Span::file_start(file),
                    m!("layout-unknown-file-case"),
                    t!("layout-unknown-file-label"),
                )
                .with_help(t!("layout-unknown-file-case-help", lower = lower.as_str())),
            ]);
        }
        Kind::Unknown(None) => {
            return Err(vec![
                Diagnostic::new(
                    "unknown-file",
                    Span::file_start(file),
                    m!("layout-unknown-file"),
                    t!("layout-unknown-file-label"),
                )
                .with_help(t!("layout-unknown-file-help")),
            ]);
        }
        Kind::Other => unreachable!("files of no kind are not parsed"),
    })
}

/// A file of the content tree (or a folder that could not be read), in walk order. Each becomes
/// one source file, so its `FileId` is its place in the list: the files can be read and parsed
/// on every core and still be numbered as a sequential walk numbers them.
#[derive(Clone)]
pub(super) enum Found {
    /// Not read: a link out of the content folder, a special file (see `fence`).
    Refused { name: String, kind: Kind, refusal: Refusal },
    /// `unchanged`: known not to have changed since the cache's load, so taken from it as it is.
    File { name: String, kind: Kind, path: PathBuf, bytes: Option<Vec<u8>>, unchanged: bool },
}

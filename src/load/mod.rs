//! Stage 1, load: read every file of the content tree and parse it into `raw` structs.
//!
//! Where a file sits decides what it is (see README.md, "Content layout"); ids of things that
//! have a file of their own (categories, institutions, posts) are their file or folder names.
//! A broken file is reported and skipped, and loading goes on, so that one run shows all problems.

mod page;
mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Report};
use crate::raw;
use crate::source::{FileId, Offset, Sources, Span};

pub use page::Page;

/// A value that has a file of its own, its id taken from the file (or folder) name.
#[derive(Debug)]
pub struct Named<T> {
    pub id: String,
    pub file: FileId,
    pub value: T,
}

/// A value parsed from a file (lists of departments or people).
#[derive(Debug)]
pub struct Loaded<T> {
    pub file: FileId,
    pub value: T,
}

/// Everything found under one `institutions/<id>/` folder.
#[derive(Debug, Default)]
pub struct InstitutionDir {
    pub id: String,
    pub institution: Option<Loaded<raw::Institution>>,
    pub departments: Vec<Loaded<Vec<raw::Department>>>,
    pub people: Vec<Loaded<Vec<raw::Person>>>,
    pub posts: Vec<Named<raw::Post>>,
    pub signing: Option<Loaded<raw::Signing>>,
    /// First file seen in the folder: where to point when institution.yaml is missing.
    pub first_file: Option<FileId>,
    /// Ids of posts whose files could not be parsed: references to them are not dangling.
    pub broken_posts: Vec<String>,
    /// Kinds ("department", "person") whose list file could not be parsed.
    pub broken_lists: Vec<&'static str>,
    pub broken_institution: bool,
}

/// Everything found under one `campaigns/<id>/` folder.
#[derive(Debug, Default)]
pub struct CampaignDir {
    pub id: String,
    pub campaign: Option<Loaded<raw::Campaign>>,
    pub progress: Option<Loaded<raw::Progress>>,
    pub issues: Option<Loaded<Vec<raw::Issue>>>,
    /// First file seen in the folder: where to point when campaign.yaml is missing.
    pub first_file: Option<FileId>,
    /// Some file of the folder could not be parsed.
    pub broken: bool,
}

/// The whole content tree, parsed but not yet checked.
#[derive(Debug, Default)]
pub struct Content {
    pub root: PathBuf,
    pub sources: Sources,
    pub config: Option<Loaded<raw::Config>>,
    pub categories: Vec<Named<raw::Category>>,
    pub institutions: Vec<InstitutionDir>,
    pub campaigns: Vec<CampaignDir>,
    pub pages: Vec<Page>,
    /// How many files could not be parsed: checks across files are unreliable then.
    pub broken_files: usize,
    /// Ids of categories whose files could not be parsed.
    pub broken_categories: Vec<String>,
}

/// What a path inside the content root is.
enum Kind {
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
    Page(String),
    /// Not ours: images, scans, notes. Left alone.
    Other,
    /// A YAML file in a place that has no meaning.
    Unknown,
}

fn classify(rel: &[&str]) -> Kind {
    let stem = |name: &str| name.rsplit_once('.').map_or(name, |(s, _)| s).to_string();
    let is_yaml = |name: &str| name.ends_with(".yaml") || name.ends_with(".yml");
    match rel {
        ["safeduty.yaml"] => Kind::Config,
        ["categories", f] if is_yaml(f) => Kind::Category(stem(f)),
        ["institutions", i, "institution.yaml"] => Kind::Institution(i.to_string()),
        ["institutions", i, "departments.yaml"] => Kind::Departments(i.to_string()),
        ["institutions", i, "people.yaml"] => Kind::People(i.to_string()),
        ["institutions", i, "signing.yaml"] => Kind::Signing(i.to_string()),
        ["institutions", i, "posts", f] if is_yaml(f) => Kind::Post(i.to_string(), stem(f)),
        ["campaigns", c, "campaign.yaml"] => Kind::Campaign(c.to_string()),
        ["campaigns", c, "progress.yaml"] => Kind::Progress(c.to_string()),
        ["campaigns", c, "issues.yaml"] => Kind::Issues(c.to_string()),
        ["pages", rest @ ..] if rest.last().is_some_and(|f| f.ends_with(".md")) => {
            let mut slug: Vec<String> = rest.iter().map(|s| s.to_string()).collect();
            if let Some(last) = slug.last_mut() {
                *last = stem(last);
            }
            Kind::Page(slug.join("/"))
        }
        [.., f] if is_yaml(f) => Kind::Unknown,
        _ => Kind::Other,
    }
}

/// The folders found so far, by id: files of one folder are gathered before checks see them.
#[derive(Default)]
struct Folders {
    institutions: BTreeMap<String, InstitutionDir>,
    campaigns: BTreeMap<String, CampaignDir>,
}

impl Folders {
    fn into_content(self, content: &mut Content) {
        content.institutions = self.institutions.into_values().collect();
        content.campaigns = self.campaigns.into_values().collect();
    }

    fn institution(&mut self, id: &str, file: FileId) -> &mut InstitutionDir {
        self.institutions.entry(id.to_string()).or_insert_with(|| InstitutionDir {
            id: id.to_string(),
            first_file: Some(file),
            ..InstitutionDir::default()
        })
    }

    fn campaign(&mut self, id: &str, file: FileId) -> &mut CampaignDir {
        self.campaigns.entry(id.to_string()).or_insert_with(|| CampaignDir {
            id: id.to_string(),
            first_file: Some(file),
            ..CampaignDir::default()
        })
    }
}

/// Reads and parses `root`. Never fails: problems become diagnostics in `report`.
pub fn load(root: &Path, report: &mut Report) -> Content {
    let mut content = Content { root: root.to_path_buf(), ..Content::default() };
    let mut folders = Folders::default();

    // The theme folder holds templates and styles, not content: leave it to the renderers.
    let theme = root.join(theme_folder(root));
    let walker = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        // Skip hidden entries (.git, editor files), but not the root itself.
        .filter_entry(|e| e.depth() == 0 || !(e.file_name().to_string_lossy().starts_with('.') || e.path() == theme));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let name = err.path().map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let file = content.sources.add(name, PathBuf::new(), String::new());
                report.push(Diagnostic::new("read-error", Span::file_start(file), format!("cannot read: {err}"), ""));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel_path = entry.path().strip_prefix(root).unwrap_or(entry.path());
        let rel: Vec<String> = rel_path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        let rel_refs: Vec<&str> = rel.iter().map(String::as_str).collect();
        let kind = classify(&rel_refs);
        if matches!(kind, Kind::Other) {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string());
        add_file(&mut content, &mut folders, &rel_refs, kind, entry.path().to_path_buf(), bytes, report);
    }
    folders.into_content(&mut content);
    content
}

/// Reads and parses files given as (path relative to the content root with `/` separators,
/// bytes): the content as it was at a commit. Hidden files and the theme folder are skipped, as
/// on disk; `root` is only where diagnostics say the files are.
pub fn load_files(root: &Path, files: Vec<(String, Vec<u8>)>, report: &mut Report) -> Content {
    let mut content = Content { root: root.to_path_buf(), ..Content::default() };
    let mut folders = Folders::default();
    let theme = files
        .iter()
        .find(|(p, _)| p == "safeduty.yaml")
        .and_then(|(_, b)| theme_setting(std::str::from_utf8(b).ok()?))
        .unwrap_or_else(|| "theme".to_string());
    let theme: Vec<String> = theme.split('/').filter(|c| !c.is_empty() && *c != ".").map(str::to_string).collect();
    // The order of a sorted walk: component by component.
    let mut files: Vec<(Vec<String>, Vec<u8>)> =
        files.into_iter().map(|(p, b)| (p.split('/').map(str::to_string).collect(), b)).collect();
    files.sort();
    for (rel, bytes) in files {
        let name = rel.join("/");
        if rel.iter().any(|c| c.starts_with('.')) || (!theme.is_empty() && rel.starts_with(&theme)) {
            continue;
        }
        let rel_refs: Vec<&str> = rel.iter().map(String::as_str).collect();
        let kind = classify(&rel_refs);
        if matches!(kind, Kind::Other) {
            continue;
        }
        add_file(&mut content, &mut folders, &rel_refs, kind, root.join(&name), Ok(bytes), report);
    }
    folders.into_content(&mut content);
    content
}

/// Parses one file of the content tree into `content`.
fn add_file(
    content: &mut Content,
    folders: &mut Folders,
    rel: &[&str],
    kind: Kind,
    path: PathBuf,
    bytes: std::result::Result<Vec<u8>, String>,
    report: &mut Report,
) {
    let name = rel.join("/");
    let text = match bytes.map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => {
            let file = content.sources.add(name, path.clone(), String::new());
            report.push(
                Diagnostic::new("read-error", Span::file_start(file), "file is not UTF-8 text", "")
                    .with_help("save the file as UTF-8 (in WPS/Notepad: 另存为 → 编码 UTF-8)"),
            );
            content.broken_files += 1;
            return;
        }
        Err(err) => {
            let file = content.sources.add(name, path.clone(), String::new());
            report.push(Diagnostic::new("read-error", Span::file_start(file), format!("cannot read: {err}"), ""));
            content.broken_files += 1;
            return;
        }
    };
    let file = content.sources.add(name, path, text);
    let text = &content.sources.get(file).text;
    let broken = BrokenKey::of(&kind);
    let ok = match kind {
        Kind::Config => yaml::parse(text, file, Offset::default(), "site config (safeduty.yaml)")
            .map(|value| content.config = Some(Loaded { file, value })),
        Kind::Category(id) => yaml::parse(text, file, Offset::default(), "category file")
            .map(|value| content.categories.push(Named { id, file, value })),
        Kind::Institution(id) => yaml::parse(text, file, Offset::default(), "institution file").map(|value| {
            folders.institution(&id, file).institution = Some(Loaded { file, value });
        }),
        Kind::Departments(id) => yaml::parse(text, file, Offset::default(), "department").map(|value| {
            folders.institution(&id, file).departments.push(Loaded { file, value });
        }),
        Kind::People(id) => yaml::parse(text, file, Offset::default(), "person").map(|value| {
            folders.institution(&id, file).people.push(Loaded { file, value });
        }),
        Kind::Signing(id) => yaml::parse(text, file, Offset::default(), "signing file").map(|value| {
            folders.institution(&id, file).signing = Some(Loaded { file, value });
        }),
        Kind::Post(inst, id) => yaml::parse(text, file, Offset::default(), "post file").map(|value| {
            folders.institution(&inst, file).posts.push(Named { id, file, value });
        }),
        Kind::Campaign(id) => yaml::parse(text, file, Offset::default(), "campaign file").map(|value| {
            folders.campaign(&id, file).campaign = Some(Loaded { file, value });
        }),
        Kind::Progress(id) => yaml::parse(text, file, Offset::default(), "progress file").map(|value| {
            folders.campaign(&id, file).progress = Some(Loaded { file, value });
        }),
        Kind::Issues(id) => yaml::parse(text, file, Offset::default(), "issue").map(|value| {
            folders.campaign(&id, file).issues = Some(Loaded { file, value });
        }),
        Kind::Page(slug) => page::parse(text, file, slug).map(|p| content.pages.push(p)),
        Kind::Unknown => Err(Diagnostic::new(
            "unknown-file",
            Span::file_start(file),
            "safeduty does not know what this YAML file is",
            "not part of the content layout",
        )
        .with_help(
            "YAML files belong in: safeduty.yaml, categories/<id>.yaml, institutions/<id>/institution.yaml, \
             institutions/<id>/departments.yaml, institutions/<id>/people.yaml, institutions/<id>/signing.yaml, \
             institutions/<id>/posts/<id>.yaml, campaigns/<id>/campaign.yaml, campaigns/<id>/progress.yaml or \
             campaigns/<id>/issues.yaml",
        )),
        Kind::Other => Ok(()),
    };
    if let Err(d) = ok {
        report.push(d);
        content.broken_files += 1;
        match broken {
            BrokenKey::Category(id) => content.broken_categories.push(id),
            BrokenKey::Institution(i) => folders.institution(&i, file).broken_institution = true,
            BrokenKey::List(i, kind) => folders.institution(&i, file).broken_lists.push(kind),
            BrokenKey::Post(i, id) => folders.institution(&i, file).broken_posts.push(id),
            BrokenKey::Campaign(c) => folders.campaign(&c, file).broken = true,
            BrokenKey::None => {}
        }
    }
}

/// The theme folder's name: `theme:` in safeduty.yaml, or `theme`. Read ahead of the walk with
/// a lenient look at that one key; the full config is parsed (and checked) with the rest.
fn theme_folder(root: &Path) -> String {
    std::fs::read_to_string(root.join("safeduty.yaml"))
        .ok()
        .and_then(|text| theme_setting(&text))
        .unwrap_or_else(|| "theme".to_string())
}

fn theme_setting(config: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct ThemeOnly {
        theme: Option<String>,
    }
    serde_saphyr::from_str::<ThemeOnly>(config).ok().and_then(|c| c.theme)
}

/// What a file that failed to parse would have defined.
enum BrokenKey {
    Category(String),
    Institution(String),
    List(String, &'static str),
    Post(String, String),
    Campaign(String),
    None,
}

impl BrokenKey {
    fn of(kind: &Kind) -> Self {
        match kind {
            Kind::Category(id) => BrokenKey::Category(id.clone()),
            Kind::Institution(i) => BrokenKey::Institution(i.clone()),
            Kind::Departments(i) => BrokenKey::List(i.clone(), "department"),
            Kind::People(i) => BrokenKey::List(i.clone(), "person"),
            Kind::Signing(i) => BrokenKey::List(i.clone(), "signing"),
            Kind::Post(i, id) => BrokenKey::Post(i.clone(), id.clone()),
            Kind::Campaign(c) | Kind::Progress(c) | Kind::Issues(c) => BrokenKey::Campaign(c.clone()),
            _ => BrokenKey::None,
        }
    }
}

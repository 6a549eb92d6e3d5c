//! Stage 1, load: read every file of the content tree and parse it into `raw` structs.
//!
//! Where a file sits decides what it is (see docs/content.md, "Content layout"); ids of things that
//! have a file of their own (categories, institutions, posts) are their file or folder names.
//! A broken file is reported and skipped, and loading goes on, so that one run shows all problems.

mod cache;
mod content;
mod layout;
mod page;
mod patch;
pub(crate) mod sheet;
mod text;
pub(crate) mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Report};
pub(crate) use crate::fence::is_hidden;
use crate::fence::{Fence, Refusal};

use crate::source::{FileId, Span};
use crate::{m, t};

pub(crate) use cache::{Cache, Since};
pub use content::Content;
pub(crate) use content::{CampaignDir, InstitutionDir, Loaded, Named};
use layout::{Found, Kind, Value, classify, parse};
pub(crate) use page::Page;

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

    /// The folder of `id`, made on its first file: the id is moved in, so a file of a folder
    /// already made costs no copy of it (there are 53,000 files at 100,000 employees).
    fn institution(&mut self, id: String, file: FileId) -> &mut InstitutionDir {
        self.institutions.entry(id).or_insert_with_key(|id| InstitutionDir {
            id: id.clone(),
            first_file: Some(file),
            ..InstitutionDir::default()
        })
    }

    fn campaign(&mut self, id: String, file: FileId) -> &mut CampaignDir {
        self.campaigns.entry(id).or_insert_with_key(|id| CampaignDir {
            id: id.clone(),
            first_file: Some(file),
            ..CampaignDir::default()
        })
    }
}

/// Reads and parses `root`. Never fails: problems become diagnostics in `report`. With a
/// `cache` (the preview), files whose bytes did not change since the last load are taken from
/// it; `since` says what the caller knows of what changed.
pub(crate) fn load(root: &Path, report: &mut Report, cache: Option<(&Cache, Since)>) -> Content {
    // The preview after files were written in place: the last walk's files, of which only the
    // written ones are read (a walk and a stamp per file are most of a cached load).
    // Not after `safeduty.yaml` changed: it says which folder holds the theme, not content.
    if let Some((cache, Since::Written(names))) = &cache
        && !names.iter().any(|n| n == "safeduty.yaml")
    {
        // Each written file parsed as it was and is: the last content with their values replaced.
        if let Some(content) = patch::patch(root, cache, names, report) {
            return content;
        }
        if let Some((last, found)) = cache.walk_with(names) {
            return assemble(root, Fence::new(root).ok(), found, Some(last), report, Some(cache));
        }
    }
    let fence = match Fence::new(root) {
        Ok(fence) => fence,
        Err(e) => {
            let refusal = Refusal::Io(e.to_string());
            let found = vec![Found::Refused { name: root.display().to_string(), kind: Kind::Other, refusal }];
            return assemble(root, None, found, None, report, cache.map(|(c, _)| c));
        }
    };
    // The theme folder holds templates and styles, not content: leave it to the renderers.
    let theme = theme_folder(&fence);
    let skip = |name: &str| name == theme || name.rsplit('/').next().is_some_and(is_hidden);
    let mut found = Vec::new();
    for walked in fence.walk("", skip) {
        let rel: Vec<&str> = walked.name.split('/').collect();
        let kind = classify(&rel);
        match walked.refused {
            // Every refused entry is reported, content or not: a link out of the folder is a
            // mistake (or an attempt) wherever it is.
            Some(refusal) => found.push(Found::Refused { name: walked.name, kind, refusal }),
            None if matches!(kind, Kind::Other) => {}
            None => {
                found.push(Found::File { name: walked.name, kind, path: walked.path, bytes: None, unchanged: false })
            }
        }
    }
    assemble(root, Some(fence), found, None, report, cache.map(|(c, _)| c))
}

/// Reads and parses files given as (path relative to the content root with `/` separators,
/// bytes): the content as it was at a commit. Hidden files and the theme folder are skipped, as
/// on disk; `root` is only where diagnostics say the files are.
pub fn load_files(root: &Path, files: Vec<(String, Vec<u8>)>, report: &mut Report) -> Content {
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
    let mut found = Vec::new();
    for (rel, bytes) in files {
        let name = rel.join("/");
        if rel.iter().any(|c| is_hidden(c)) || (!theme.is_empty() && rel.starts_with(&theme)) {
            continue;
        }
        let kind = classify(&rel.iter().map(String::as_str).collect::<Vec<_>>());
        if !matches!(kind, Kind::Other) {
            found.push(Found::File { path: root.join(&name), name, kind, bytes: Some(bytes), unchanged: false });
        }
    }
    assemble(root, None, found, None, report, None)
}

/// What reading and parsing one `Found` gave.
enum Outcome {
    /// Not parsed: this diagnostic, and the text it quotes (empty for a file not read).
    Unreadable(Diagnostic, Arc<str>),
    /// The text diagnostics quote, what parsing gave, and for a spreadsheet where its cells are.
    Parsed(Arc<str>, std::result::Result<Value, Vec<Diagnostic>>, Option<Arc<sheet::Cells>>),
}

/// Reads and parses every file in parallel, then puts the values in their folders in order.
/// `taken`: the cache's last load, whose walk `found` is (None: the tree was walked).
fn assemble(
    root: &Path,
    fence: Option<Fence>,
    mut found: Vec<Found>,
    taken: Option<Arc<cache::Last>>,
    report: &mut Report,
    cache: Option<&Cache>,
) -> Content {
    let walked = taken.is_none();
    // The walk, for the next load after files are written in place: the one taken, shared
    // (only the written files' flags differ, and those are set anew each time).
    let walk = cache.map(|_| taken.as_ref().map_or_else(|| Arc::new(found.clone()), |last| last.walk.clone()));
    // The files to compare with: those of the load whose walk was taken, else the latest.
    let before = taken.or_else(|| cache.map(Cache::snapshot));
    let outcomes: Vec<(Outcome, Option<cache::Entry>)> = found
        .par_iter_mut()
        .enumerate()
        .map(|(file, f)| outcome(file, f, before.as_deref().map(|last| &last.files)))
        .collect();
    let mut content = Content { walked, fence, ..Content::default() };
    let mut folders = Folders::default();
    let reported = report.diagnostics.len();
    let mut kept = cache::Files::with_capacity(found.len());
    for (found, (outcome, entry)) in found.into_iter().zip(outcomes) {
        let (name, path, kind) = match found {
            Found::Refused { name, kind, .. } => (name, PathBuf::new(), kind),
            Found::File { name, path, kind, .. } => (name, path, kind),
        };
        if let Some(entry) = entry {
            kept.insert(path.clone(), entry);
        }
        match outcome {
            Outcome::Unreadable(diagnostic, text) => {
                let file = content.sources.add(name, text);
                report.push(diagnostic);
                // What the file would have defined is not reported missing: its own error is.
                if !matches!(kind, Kind::Other) {
                    broken(&mut content, &mut folders, kind, file);
                }
            }
            Outcome::Parsed(text, value, cells) => {
                let file = content.sources.add(name, text);
                if let Some(cells) = cells {
                    content.sheets.insert(file, cells);
                }
                match value {
                    Ok(value) => place(&mut content, &mut folders, kind, file, value),
                    Err(diagnostics) => {
                        report.extend(diagnostics);
                        broken(&mut content, &mut folders, kind, file);
                    }
                }
            }
        }
    }
    folders.into_content(&mut content);
    // An empty folder, or the wrong one: building it would replace a site with an empty one.
    if content.institutions.is_empty() && content.fence.is_some() {
        let file = content.sources.add(".".to_string(), Arc::from(""));
        report.push(
            Diagnostic::new(
                "no-institutions",
                Span::file_start(file),
                m!("load-no-institutions", folder = root.display().to_string()),
                "",
            )
            .with_help(t!("load-no-institutions-help")),
        );
    }
    if let (Some(cache), Some(walk)) = (cache, walk) {
        let said = report.diagnostics[reported..].to_vec();
        cache.replace(cache::Last { files: kept, walk, content: Some(Arc::new(content.clone())), said });
    }
    content
}

/// Reads and parses one file, or takes its value from `before` (the cache's files) when the
/// file is unchanged. With a cache, also returns what to keep for the next load.
fn outcome(file: FileId, found: &mut Found, before: Option<&cache::Files>) -> (Outcome, Option<cache::Entry>) {
    let (kind, path, bytes) = match found {
        Found::Refused { name, refusal, .. } => {
            let d = Diagnostic::new(refusal.code(), Span::file_start(file), refusal.message(name), "")
                .with_help(refusal.help());
            return (Outcome::Unreadable(d, Arc::from("")), None);
        }
        Found::File { kind, path, bytes, unchanged, .. } => {
            let cached = before.and_then(|files| files.get(path.as_path()));
            if let Some(entry) = cached.filter(|_| *unchanged) {
                return (
                    Outcome::Parsed(entry.text.clone(), Ok(entry.value.clone()), entry.cells.clone()),
                    Some(entry.clone()),
                );
            }
            (kind, path, bytes)
        }
    };
    let cached = before.and_then(|files| files.get(path.as_path()));
    // Taken before reading: a write after it gives the next load another stamp.
    let stamp = match bytes {
        None if before.is_some() => cache::Stamp::of(path),
        _ => None,
    };
    if let Some(entry) = cached.filter(|e| stamp.is_some() && e.stamp == stamp) {
        return (
            Outcome::Parsed(entry.text.clone(), Ok(entry.value.clone()), entry.cells.clone()),
            Some(entry.clone()),
        );
    }
    let bytes = match bytes.take() {
        Some(bytes) => Ok(bytes),
        None => crate::fence::read_no_follow(path).map_err(|e| e.to_string()),
    };
    let hit = match &bytes {
        Ok(bytes) => cached.filter(|e| e.cells.is_none() && e.text.as_bytes() == bytes.as_slice()),
        Err(_) => None,
    };
    // A spreadsheet: its rows stand for a YAML list, parsed as one (see `sheet`).
    if let (Kind::Records(_, records, Some(format)), Ok(bytes)) = (&*kind, &bytes) {
        let outcome = match sheet::read(bytes, *format, file, layout::sheet_rows(*records)) {
            Ok(sheet) => {
                let cells = Some(Arc::new(sheet.cells));
                Outcome::Parsed(Arc::from(sheet.shown), parse(kind, &sheet.yaml, file), cells)
            }
            Err((diagnostic, shown)) => Outcome::Unreadable(diagnostic, Arc::from(shown)),
        };
        let entry = match &outcome {
            Outcome::Parsed(text, Ok(value), cells) if before.is_some() => {
                Some(cache::Entry { text: text.clone(), value: value.clone(), stamp, cells: cells.clone() })
            }
            _ => None,
        };
        return (outcome, entry);
    }
    let outcome = match bytes.map(|b| text::decode(b, file)) {
        Ok(Ok(text)) => {
            if let Some(entry) = hit {
                let entry = cache::Entry { stamp, ..entry.clone() };
                return (Outcome::Parsed(entry.text.clone(), Ok(entry.value.clone()), None), Some(entry));
            }
            let value = match text::unprintable(&text, file) {
                Some(d) => Err(vec![d]),
                None => parse(kind, &text, file),
            };
            let text: Arc<str> = Arc::from(text);
            // Pages hold their file id, which moves when files come and go: not kept.
            let entry = match &value {
                Ok(value) if before.is_some() && !matches!(value, Value::Page(_)) => {
                    Some(cache::Entry { text: text.clone(), value: value.clone(), stamp, cells: None })
                }
                _ => None,
            };
            return (Outcome::Parsed(text, value, None), entry);
        }
        Ok(Err((diagnostic, shown))) => Outcome::Unreadable(diagnostic, Arc::from(shown)),
        Err(err) => Outcome::Unreadable(
            Diagnostic::new("read-error", Span::file_start(file), m!("load-cannot-read", error = err), ""),
            Arc::from(""),
        ),
    };
    (outcome, None)
}

/// Puts a parsed value where checks look for it.
fn place(content: &mut Content, folders: &mut Folders, kind: Kind, file: FileId, value: Value) {
    match (kind, value) {
        (_, Value::Config(value)) => content.config = Some(Loaded { file, value }),
        (Kind::Category(id), Value::Category(value)) => content.categories.push(Named { id, file, value }),
        (Kind::Institution(id), Value::Institution(value)) => {
            folders.institution(id, file).institution = Some(Loaded { file, value });
        }
        (Kind::Departments(id), Value::Departments(value)) => {
            folders.institution(id, file).departments.push(Loaded { file, value });
        }
        (Kind::People(id), Value::People(value)) => folders.institution(id, file).people.push(Loaded { file, value }),
        (Kind::Signing(id), Value::Signing(value)) => {
            folders.institution(id, file).signing = Some(Loaded { file, value });
        }
        (Kind::Post(inst, id), Value::Post(value)) => {
            folders.institution(inst, file).posts.push(Named { id, file, value });
        }
        (Kind::Campaign(id), Value::Campaign(value)) => {
            folders.campaign(id, file).campaign = Some(Loaded { file, value });
        }
        (Kind::Progress(id), Value::Progress(value)) => {
            folders.campaign(id, file).progress = Some(Loaded { file, value });
        }
        (Kind::Issues(id), Value::Issues(value)) => folders.campaign(id, file).issues = Some(Loaded { file, value }),
        (Kind::Records(id, ..), Value::Hazards(value)) => {
            folders.institution(id, file).hazards.push(Loaded { file, value });
        }
        (Kind::Records(id, ..), Value::Checklist(value)) => {
            folders.institution(id, file).checklist.push(Loaded { file, value });
        }
        (Kind::Records(id, ..), Value::Inspections(value)) => {
            folders.institution(id, file).inspections.push(Loaded { file, value });
        }
        (Kind::Records(id, ..), Value::MajorSources(value)) => {
            folders.institution(id, file).major_sources.push(Loaded { file, value });
        }
        (_, Value::Page(page)) => content.pages.push(page),
        _ => unreachable!("`parse` gives the value of the file's kind"),
    }
}

/// Records what a file that failed to parse would have defined: references to it are not dangling.
fn broken(content: &mut Content, folders: &mut Folders, kind: Kind, file: FileId) {
    content.broken_files += 1;
    match kind {
        Kind::Category(id) => content.broken_categories.push(id),
        Kind::Institution(i) => folders.institution(i, file).broken_institution = true,
        Kind::Departments(i) => folders.institution(i, file).broken_lists.push("department"),
        Kind::People(i) => folders.institution(i, file).broken_lists.push("person"),
        Kind::Signing(i) => folders.institution(i, file).broken_lists.push("signing"),
        Kind::Post(i, id) => folders.institution(i, file).broken_posts.push(id),
        Kind::Records(i, kind, _) => folders.institution(i, file).broken_lists.push(kind.name()),
        Kind::Campaign(c) | Kind::Progress(c) | Kind::Issues(c) => folders.campaign(c, file).broken = true,
        _ => {}
    }
}

/// The theme folder's name: `theme:` in safeduty.yaml, or `theme`. Read ahead of the walk with
/// a lenient look at that one key; the full config is parsed (and checked) with the rest.
pub(crate) fn theme_folder(fence: &Fence) -> String {
    fence
        .read("", "safeduty.yaml")
        .ok()
        .and_then(|bytes| theme_setting(std::str::from_utf8(&bytes).ok()?))
        .unwrap_or_else(|| "theme".to_string())
}

fn theme_setting(config: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct ThemeOnly {
        theme: Option<String>,
    }
    serde_saphyr::from_str::<ThemeOnly>(config).ok().and_then(|c| c.theme)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy_tree(from: &Path, to: &Path) {
        for entry in walkdir::WalkDir::new(from) {
            let entry = entry.unwrap();
            let target = to.join(entry.path().strip_prefix(from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }

    /// A load that takes unchanged files from the cache gives exactly what a fresh load gives,
    /// also after a file was added early in the walk (every later file's id moves), a file broke
    /// and a post was edited.
    #[test]
    fn a_cached_load_equals_a_fresh_one() {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), dir.path());
        let cache = Cache::default();
        let load_with = |cache: Option<&Cache>| {
            let mut report = Report::default();
            let content = load(dir.path(), &mut report, cache.map(|c| (c, Since::Unknown)));
            format!("{content:#?}\n{:#?}", report.diagnostics)
        };
        assert_eq!(load_with(Some(&cache)), load_with(None), "first load, filling the cache");
        assert_eq!(load_with(Some(&cache)), load_with(None), "every file from the cache, its bytes compared");
        // Once the files' times are three seconds old, they are trusted: files are not even read.
        std::thread::sleep(std::time::Duration::from_millis(3100));
        assert_eq!(load_with(Some(&cache)), load_with(None), "stamps taken");
        assert_eq!(load_with(Some(&cache)), load_with(None), "every file by its stamp");

        std::fs::write(dir.path().join("categories/aaa.yaml"), "name: [未闭合\n").unwrap();
        let post = dir.path().join("institutions/wsq-tuke/posts");
        let post = std::fs::read_dir(post).unwrap().map(|e| e.unwrap().path()).min().unwrap();
        let yaml = std::fs::read_to_string(&post).unwrap();
        std::fs::write(&post, yaml.replacen("scope: ", "scope: 含夜班，", 1)).unwrap();
        let after = load_with(Some(&cache));
        assert!(after.contains("含夜班") && after.contains("aaa.yaml"));
        assert_eq!(after, load_with(None), "after an added, a broken and an edited file");
    }

    /// Told which files were written in place, a load reads those only (a write it is not told
    /// of goes unseen, which shows that nothing else was read), and walks the tree again when a
    /// written file is new.
    #[test]
    fn a_load_told_which_files_were_written_reads_only_those() {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content"), dir.path());
        let cache = Cache::default();
        let walks = std::cell::Cell::new(0);
        let load_with = |since: Option<Since>| {
            let mut report = Report::default();
            let mut content = load(dir.path(), &mut report, since.map(|s| (&cache, s)));
            walks.set(walks.get() + usize::from(since.is_some() && content.walked));
            content.walked = true;
            format!("{content:#?}\n{:#?}", report.diagnostics)
        };
        let fresh = || load_with(None);
        assert_eq!(load_with(Some(Since::Written(&[]))), fresh(), "no walk kept yet: a walk");
        assert_eq!(walks.get(), 1);
        let posts = dir.path().join("institutions/wsq-tuke/posts");
        let mut posts: Vec<PathBuf> = std::fs::read_dir(posts).unwrap().map(|e| e.unwrap().path()).collect();
        posts.sort();
        let name = |p: &Path| p.strip_prefix(dir.path()).unwrap().to_string_lossy().replace('\\', "/");
        let edit = |p: &Path, with: &str| {
            let yaml = std::fs::read_to_string(p).unwrap();
            std::fs::write(p, yaml.replacen("scope: ", &format!("scope: {with}"), 1)).unwrap();
        };

        edit(&posts[0], "含夜班，");
        let told = load_with(Some(Since::Written(&[name(&posts[0])])));
        assert!(told.contains("含夜班"));
        assert_eq!(told, fresh(), "the written file read again");
        assert_eq!(walks.get(), 1, "without a walk");

        edit(&posts[1], "含节假日，");
        let untold = load_with(Some(Since::Written(&[])));
        assert!(!untold.contains("含节假日") && untold != fresh(), "nothing but the written files is read");
        assert_eq!(load_with(Some(Since::Unknown)), fresh(), "a walk sees everything");

        edit(&posts[2], "含外出，");

        let added = dir.path().join("categories/aaa.yaml");
        std::fs::write(&added, "name: 新类别\nduties: [一]\n").unwrap();
        let walked = load_with(Some(Since::Written(&[name(&posts[2]), name(&added)])));
        assert!(walked.contains("新类别") && walked.contains("含外出"));
        assert_eq!(walked, fresh(), "a new file: the tree walked again");

        // A broken file elsewhere: a load told of written files that parse says what the last
        // load said of it; a written file that no longer parses, then parses again.
        std::fs::write(&added, "name: [未闭合\n").unwrap();
        assert_eq!(load_with(Some(Since::Written(&[name(&added)]))), fresh(), "a file broken");
        edit(&posts[3], "含值班，");
        let patched = load_with(Some(Since::Written(&[name(&posts[3])])));
        assert!(patched.contains("含值班") && patched.contains("aaa.yaml"), "{patched}");
        assert_eq!(patched, fresh(), "another written beside it");
        let yaml = std::fs::read_to_string(&posts[3]).unwrap();
        std::fs::write(&posts[3], "name: [\n").unwrap();
        assert_eq!(load_with(Some(Since::Written(&[name(&posts[3])]))), fresh(), "the written file broken");
        // Saved from WPS in GBK: said as a fresh load says it.
        let (gbk, _, _) = encoding_rs::GBK.encode(&yaml);
        std::fs::write(&posts[3], &gbk).unwrap();
        let said = load_with(Some(Since::Written(&[name(&posts[3])])));
        assert!(said.contains("GBK"), "{said}");
        assert_eq!(said, fresh(), "the written file saved in GBK");
        std::fs::write(&posts[3], &yaml).unwrap();
        assert_eq!(load_with(Some(Since::Written(&[name(&posts[3])]))), fresh(), "and mended");
        edit(&posts[3], "含周末，");
        assert_eq!(load_with(Some(Since::Written(&[name(&posts[3])]))), fresh(), "and written again");
        std::fs::remove_file(&added).unwrap();
        assert_eq!(load_with(Some(Since::Unknown)), fresh());

        // `safeduty.yaml` may move the theme folder, which the walk leaves out: walked again.
        let before = walks.get();
        let config = dir.path().join("safeduty.yaml");
        std::fs::write(&config, std::fs::read_to_string(&config).unwrap() + "\n").unwrap();
        assert_eq!(load_with(Some(Since::Written(&["safeduty.yaml".to_string()]))), fresh());
        assert_eq!(walks.get(), before + 1);
    }
}

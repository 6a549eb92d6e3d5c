//! The preview's load after files were written in place: when each written file parses as it
//! did before (and is not a page or a spreadsheet), the content is the last load's with their
//! values and texts replaced, and the load says what the last one said. Assembling 53,000 files
//! again cost 60-90 ms of each edit at 100,000 employees; this takes a copy of the last content
//! (its values are shared) and reads the written files alone.

use std::path::Path;
use std::sync::Arc;

use super::cache::{Cache, Entry, Last, Stamp};
use super::content::{Content, InstitutionDir, Loaded};
use super::layout::{Found, Kind, Value, parse};
use super::text;
use crate::diagnostic::Report;
use crate::fence::Fence;
use crate::source::FileId;

/// A written file read again: where it is in the walk, and what it gave.
struct Read {
    file: FileId,
    path: std::path::PathBuf,
    kind: Kind,
    entry: Entry,
}

/// The content after `written` (names below the root) were written in place, or None when a
/// full assembly is needed: no content kept, a file not in the last walk or no longer a plain
/// file, one that did not parse before or does not now, a page or a spreadsheet.
pub(super) fn patch(root: &Path, cache: &Cache, written: &[String], report: &mut Report) -> Option<Content> {
    let read = {
        let last = cache.snapshot();
        last.content.as_ref()?;
        if last.walk.iter().any(|f| matches!(f, Found::Refused { .. })) {
            return None;
        }
        written.iter().map(|name| read_again(&last, name)).collect::<Option<Vec<Read>>>()?
    };
    // Changed in place: the cache is the last load's only holder unless a load overlaps.
    let mut last = match Arc::try_unwrap(cache.take()) {
        Ok(last) => last,
        Err(shared) => {
            cache.replace_shared(shared);
            return None;
        }
    };
    let Some(mut content) = last.content.as_deref().cloned() else {
        cache.replace(last);
        return None;
    };
    for r in &read {
        if put(&mut content, &r.kind, r.file, r.entry.value.clone()).is_none() {
            cache.replace(Last { content: None, ..last });
            return None;
        }
        content.sources.set_text(r.file, r.entry.text.clone());
    }
    content.walked = false;
    content.fence = Fence::new(root).ok();
    for r in read {
        last.files.insert(r.path, r.entry);
    }
    last.content = Some(Arc::new(content.clone()));
    report.extend(last.said.iter().cloned());
    cache.replace(last);
    Some(content)
}

/// Reads and parses written file `name` again, if it parsed before and does now.
fn read_again(last: &Last, name: &str) -> Option<Read> {
    let (file, path, kind) = last.walk.iter().enumerate().find_map(|(file, f)| match f {
        Found::File { name: n, path, kind, .. } if n == name => Some((file, path, kind)),
        _ => None,
    })?;
    // A page holds its file id and is not kept; a spreadsheet's text is not its bytes.
    if matches!(kind, Kind::Page(_) | Kind::Records(_, _, Some(_))) {
        return None;
    }
    let before = last.files.get(path.as_path()).filter(|e| e.cells.is_none())?;
    // A file replaced by a link or a FIFO is no longer what the walk found: walked again.
    if !std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
        return None;
    }
    // Taken before reading: a write after it gives the next load another stamp.
    let stamp = Stamp::of(path);
    let bytes = crate::fence::read_no_follow(path).ok()?;
    if before.text.as_bytes() == bytes.as_slice() {
        let entry = Entry { stamp, ..before.clone() };
        return Some(Read { file, path: path.clone(), kind: kind.clone(), entry });
    }
    let text = text::decode(bytes, file).ok()?;
    if text::unprintable(&text, file).is_some() {
        return None;
    }
    let value = parse(kind, &text, file).ok()?;
    let entry = Entry { text: Arc::from(text), value, stamp, cells: None };
    Some(Read { file, path: path.clone(), kind: kind.clone(), entry })
}

/// Puts the new value of `file` where the last load placed its old one (see `super::place`).
fn put(content: &mut Content, kind: &Kind, file: FileId, value: Value) -> Option<()> {
    fn set<T>(slots: &mut [Loaded<T>], file: FileId, value: Arc<T>) -> Option<()> {
        slots.iter_mut().find(|l| l.file == file)?.value = value;
        Some(())
    }
    fn one<T>(slot: &mut Option<Loaded<T>>, file: FileId, value: Arc<T>) -> Option<()> {
        slot.as_mut().filter(|l| l.file == file)?.value = value;
        Some(())
    }
    fn folder<'a>(content: &'a mut Content, id: &str) -> Option<&'a mut InstitutionDir> {
        let at = content.institutions.binary_search_by(|d| d.id.as_str().cmp(id)).ok()?;
        Some(&mut content.institutions[at])
    }
    match (kind, value) {
        (Kind::Category(_), Value::Category(value)) => {
            content.categories.iter_mut().find(|c| c.file == file)?.value = value;
            Some(())
        }
        (Kind::Institution(id), Value::Institution(value)) => one(&mut folder(content, id)?.institution, file, value),
        (Kind::Departments(id), Value::Departments(value)) => set(&mut folder(content, id)?.departments, file, value),
        (Kind::People(id), Value::People(value)) => set(&mut folder(content, id)?.people, file, value),
        (Kind::Signing(id), Value::Signing(value)) => one(&mut folder(content, id)?.signing, file, value),
        (Kind::Post(id, _), Value::Post(value)) => {
            folder(content, id)?.posts.iter_mut().find(|p| p.file == file)?.value = value;
            Some(())
        }
        (Kind::Records(id, ..), Value::Hazards(value)) => set(&mut folder(content, id)?.hazards, file, value),
        (Kind::Records(id, ..), Value::Checklist(value)) => set(&mut folder(content, id)?.checklist, file, value),
        (Kind::Records(id, ..), Value::Inspections(value)) => set(&mut folder(content, id)?.inspections, file, value),
        (Kind::Records(id, ..), Value::MajorSources(value)) => {
            set(&mut folder(content, id)?.major_sources, file, value)
        }
        (Kind::Campaign(id) | Kind::Progress(id) | Kind::Issues(id), value) => {
            let at = content.campaigns.binary_search_by(|c| c.id.as_str().cmp(id)).ok()?;
            let campaign = &mut content.campaigns[at];
            match value {
                Value::Campaign(value) => one(&mut campaign.campaign, file, value),
                Value::Progress(value) => one(&mut campaign.progress, file, value),
                Value::Issues(value) => one(&mut campaign.issues, file, value),
                _ => None,
            }
        }
        // The settings are never patched (they may move the theme folder); pages hold their file.
        _ => None,
    }
}

//! Edits of the content that commands make for the office (`sign`): a line added to a YAML list,
//! the rest of the file (comments, order, quoting) kept byte for byte, and the file replaced
//! whole or not at all.
//!
//! No YAML library writes back what it read with its comments, and the content's comments are
//! the office's notes (why a letter was signed late, who holds a post for now). So the edit is
//! made in the text: a list under a top-level key gets one more `- {…}` line after its last
//! entry. The result is then loaded and checked like any content before the command reports
//! success (see `cli::sign`), so a text edit that went wrong cannot pass unnoticed.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::t;

/// `text` with `entry` (a one-line YAML flow mapping) in the block list under the top-level
/// `key`: in place of the entry that `same` picks (there is one record per document), else after
/// the list's last entry, else as a new `key:` list at the end. Err (what stands in the way)
/// when the key's value is not a block list this can extend (a flow list, a scalar).
pub(crate) fn set_in_list(
    text: &str,
    key: &str,
    entry: &str,
    same: impl Fn(&BTreeMap<String, serde_json::Value>) -> bool,
) -> std::result::Result<String, String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let is_key = |line: &str| {
        line.strip_prefix(key)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|rest| rest.trim().is_empty() || rest.trim_start().starts_with('#') || rest.trim() == "[]")
    };
    if lines.iter().any(|l| l.starts_with(&format!("{key}:")) && !is_key(l)) {
        return Err(t!("amend-flow-list", key));
    }
    let Some(at) = lines.iter().position(|l| is_key(l)) else {
        let mut out = text.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        if !out.trim().is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("{key}:\n  - {entry}\n"));
        return Ok(out);
    };
    if lines[at].contains("[]") {
        // `signed: []`: the empty flow list becomes a block list of one.
        let mut out: String = lines[..at].concat();
        out.push_str(&format!("{key}:\n  - {entry}\n"));
        out.push_str(&lines[at + 1..].concat());
        return Ok(out);
    }
    let (entries, indent) = entries(&lines, at + 1);
    let indent = indent.unwrap_or(2);
    let line = format!("{}- {entry}\n", " ".repeat(indent));
    let replaced = entries.iter().find(|e| fields(&lines, **e, indent).is_some_and(|m| same(&m)));
    let (cut, keep_from) = match (replaced, entries.last()) {
        (Some((first, last)), _) => (*first, last + 1),
        (None, Some((_, last))) => (last + 1, last + 1),
        (None, None) => (at + 1, at + 1),
    };
    let mut out: String = lines[..cut].concat();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&line);
    out.push_str(&lines[keep_from..].concat());
    Ok(out)
}

/// The entries of the block list that starts at line `from`: every line that is indented, a
/// list item, blank or a comment, up to the next key at the root. Each entry runs from its `- `
/// to its last line that is not blank or a comment, so that comments between entries stay
/// where they are. Also the column of the entries' dashes.
fn entries(lines: &[&str], from: usize) -> (Vec<(usize, usize)>, Option<usize>) {
    let mut entries: Vec<(usize, usize)> = Vec::new();
    let mut indent = None;
    for (i, line) in lines.iter().enumerate().skip(from) {
        let trimmed = line.trim_start();
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let column = line.len() - trimmed.len();
        if column == 0 && !trimmed.starts_with('-') {
            break;
        }
        let starts = (trimmed.starts_with("- ") || trimmed.trim_end() == "-") && indent.is_none_or(|c| c == column);
        if starts {
            indent.get_or_insert(column);
            entries.push((i, i));
        } else if let Some(last) = entries.last_mut() {
            last.1 = i;
        }
    }
    (entries, indent)
}

/// An entry of a list read on its own, as a mapping: its `- ` becomes indentation.
fn fields(lines: &[&str], (first, last): (usize, usize), indent: usize) -> Option<BTreeMap<String, serde_json::Value>> {
    let head = &lines[first][indent..];
    let rest = head.strip_prefix("- ").or_else(|| head.strip_prefix('-')).unwrap_or(head);
    let mut yaml = format!("{}  {rest}", " ".repeat(indent));
    yaml.push_str(&lines[first + 1..=last].concat());
    serde_saphyr::from_str(&yaml).ok()
}

/// What to do with an entry of a list.
pub(crate) enum Change {
    Keep,
    Remove,
    /// Its lines replaced by these (whole lines, indented as the list's).
    Replace(String),
}

/// `text`, a file that is one list at its root (`people.yaml`), with each entry changed as
/// `change` says from its fields, and `added` (whole lines) after the last. Comments between
/// entries and before the list are kept; those inside an entry that is replaced go with it.
pub(crate) fn rewrite_root_list(
    text: &str,
    mut change: impl FnMut(&BTreeMap<String, serde_json::Value>) -> Change,
    added: &str,
) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let (entries, indent) = entries(&lines, 0);
    let indent = indent.unwrap_or(0);
    let mut out = String::new();
    let mut next = 0;
    for entry in &entries {
        let Some(map) = fields(&lines, *entry, indent) else { continue };
        let what = change(&map);
        if matches!(what, Change::Keep) {
            continue;
        }
        out.push_str(&lines[next..entry.0].concat());
        if let Change::Replace(new) = what {
            out.push_str(&new);
        }
        next = entry.1 + 1;
    }
    let end = entries.last().map_or(lines.len(), |e| e.1 + 1).max(next);
    out.push_str(&lines[next..end].concat());
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(added);
    out.push_str(&lines[end..].concat());
    out
}

/// A content file's text, and its bytes as they are (None: it does not exist yet), to put
/// back if the edit does not check.
pub(crate) fn read_text(path: &Path) -> Result<(String, Option<Vec<u8>>)> {
    let old = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((String::new(), None)),
        Err(e) => return Err(Error::io("read", path, e)),
    };
    let text = String::from_utf8(old.clone())
        .map_err(|_| Error::content(t!("amend-not-utf8", path = path.display().to_string())))?;
    Ok((text, Some(old)))
}

/// A file of the content to replace: its path, its bytes now (None: new), its new bytes.
pub(crate) struct Edit {
    pub(crate) path: std::path::PathBuf,
    pub(crate) old: Option<Vec<u8>>,
    pub(crate) new: Vec<u8>,
}

/// Copies `copies` (from, to) into the content and makes `edits`, then loads and checks the
/// content in `dir` as a build would. When it does not check, everything is put back and the
/// findings are returned (rendered); the edit of the text never has to be trusted.
pub(crate) fn apply_checked(
    dir: &Path,
    edits: &[Edit],
    copies: &[(std::path::PathBuf, std::path::PathBuf)],
) -> Result<std::result::Result<(), String>> {
    for (from, to) in copies {
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io("create folder", parent, e))?;
        }
        std::fs::copy(from, to).map_err(|e| Error::io("copy", to, e))?;
    }
    for edit in edits {
        replace(&edit.path, &edit.new)?;
    }
    let checked = crate::checked::check(dir, |_| {});
    if checked.model.is_some() {
        return Ok(Ok(()));
    }
    for edit in edits {
        match &edit.old {
            Some(bytes) => replace(&edit.path, bytes)?,
            None => std::fs::remove_file(&edit.path).map_err(|e| Error::io("remove", &edit.path, e))?,
        }
    }
    for (_, to) in copies {
        let _ = std::fs::remove_file(to);
    }
    Ok(Err(checked.report.render_human(&checked.sources, false)))
}

/// A YAML scalar for a value of the content (a file name, an id): plain when YAML reads it back
/// as the same string, double-quoted otherwise.
pub(crate) fn scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && value.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
        && !value.starts_with(['-', '.'])
        && !matches!(value, "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "~");
    if plain { value.to_string() } else { serde_json::to_string(value).unwrap_or_default() }
}

/// Replaces `path` with `bytes`: written beside it and renamed over it, so that it is either
/// the old file or the new one, never half of each. A link or anything but a plain file is
/// left alone (the content may link only inside itself, and an edit must not write through a
/// link to wherever it points).
pub(crate) fn replace(path: &Path, bytes: &[u8]) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if !meta.file_type().is_file() => {
            return Err(Error::usage(t!("amend-not-plain-file", path = path.display().to_string())));
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io("read", path, e)),
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.safeduty-edit"));
    std::fs::write(&tmp, bytes).map_err(|e| Error::io("write", &tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io("replace", path, e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &BTreeMap<String, serde_json::Value>) -> bool {
        false
    }

    const ENTRY: &str = "{post: nurse, person: li-ting, date: 2023-01-05, code: YESC-0BGT}";

    #[test]
    fn an_entry_goes_after_the_last_of_the_list_and_comments_stay() {
        let text =
            "# header\nsigned:\n  - post: a\n    person: b  # note\n\n# about confirmed\nconfirmed:\n  - {post: c}\n";
        let out = set_in_list(text, "signed", ENTRY, none).unwrap();
        assert_eq!(
            out,
            format!(
                "# header\nsigned:\n  - post: a\n    person: b  # note\n  - {ENTRY}\n\n# about confirmed\nconfirmed:\n  - {{post: c}}\n"
            )
        );
        let out = set_in_list(text, "confirmed", ENTRY, none).unwrap();
        assert!(out.ends_with(&format!("  - {{post: c}}\n  - {ENTRY}\n")), "{out}");
    }

    #[test]
    fn the_entry_of_the_same_document_is_replaced_whatever_its_style() {
        let same =
            |m: &BTreeMap<String, serde_json::Value>| m.get("person").and_then(|v| v.as_str()) == Some("li-ting");
        let text = "signed:\n  - post: nurse\n    person: li-ting  # old text\n    code: AAAA-AAAA\n  # between\n  - {post: nurse, person: zhao-dan}\n";
        let out = set_in_list(text, "signed", ENTRY, same).unwrap();
        assert_eq!(out, format!("signed:\n  - {ENTRY}\n  # between\n  - {{post: nurse, person: zhao-dan}}\n"));
        let out = set_in_list(&out, "signed", "{post: nurse, person: li-ting, code: B}", same).unwrap();
        assert_eq!(
            out,
            "signed:\n  - {post: nurse, person: li-ting, code: B}\n  # between\n  - {post: nurse, person: zhao-dan}\n"
        );
    }

    #[test]
    fn a_missing_or_empty_list_is_made_and_a_flow_list_is_refused() {
        assert_eq!(
            set_in_list("pairs: []", "signed", ENTRY, none).unwrap(),
            format!("pairs: []\n\nsigned:\n  - {ENTRY}\n")
        );
        assert_eq!(set_in_list("", "signed", ENTRY, none).unwrap(), format!("signed:\n  - {ENTRY}\n"));
        assert_eq!(set_in_list("signed: []\n", "signed", ENTRY, none).unwrap(), format!("signed:\n  - {ENTRY}\n"));
        assert_eq!(
            set_in_list("signed:\n- {a: 1}\n", "signed", ENTRY, none).unwrap(),
            format!("signed:\n- {{a: 1}}\n- {ENTRY}\n")
        );
        assert!(set_in_list("signed: [{a: 1}]\n", "signed", ENTRY, none).is_err());
        assert!(
            set_in_list("signed_by: x\n", "signed", ENTRY, none)
                .unwrap()
                .ends_with(&format!("x\n\nsigned:\n  - {ENTRY}\n"))
        );
    }

    #[test]
    fn a_root_list_loses_replaces_and_gains_entries_and_keeps_its_comments() {
        let text = "# 在岗人员\n- id: a\n  name: 甲\n  posts: [x]\n# b moved in May\n- {id: b, name: 乙, posts: [x]}\n- id: c  # leaves\n  name: 丙\n  posts: [y]\n";
        let out = rewrite_root_list(
            text,
            |m| match m["id"].as_str() {
                Some("b") => Change::Replace("- id: b\n  name: 乙\n  posts: [y]\n".into()),
                Some("c") => Change::Remove,
                _ => Change::Keep,
            },
            "- id: d\n  name: 丁\n  posts: [x]\n",
        );
        assert_eq!(
            out,
            "# 在岗人员\n- id: a\n  name: 甲\n  posts: [x]\n# b moved in May\n- id: b\n  name: 乙\n  posts: [y]\n- id: d\n  name: 丁\n  posts: [x]\n"
        );
        assert_eq!(rewrite_root_list("", |_| Change::Keep, "- id: d\n"), "- id: d\n");
    }

    #[test]
    fn scalars_are_quoted_when_yaml_would_read_them_otherwise() {
        assert_eq!(scalar("scans/2023/li-ting.pdf"), "scans/2023/li-ting.pdf");
        assert_eq!(scalar("扫描件/李婷.pdf"), "扫描件/李婷.pdf");
        assert_eq!(scalar("a b: c.pdf"), "\"a b: c.pdf\"");
        assert_eq!(scalar("no"), "\"no\"");
        assert_eq!(scalar("#1.pdf"), "\"#1.pdf\"");
    }
}

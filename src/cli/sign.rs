//! `safeduty sign`: records signatures on paper without editing YAML by hand. The office reads
//! the verification code printed at the foot of a signed letter or risk notice card (or fills in
//! the 签订日期 column of the exported 签订台账), and the command adds the record to the
//! institution's `signing.yaml` (see `amend`), then checks the content again: a record that
//! would not load is taken back and the file restored.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use super::history::{current, normalise};
use crate::amend;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::load::sheet;
use crate::model::{Institution, Model};
use crate::render::documents::{self, Document, Kind, Status};
use crate::render::workbook;
use crate::t;

/// What to sign, as given on the command line.
pub(crate) struct Request<'a> {
    /// A verification code, or a filled-in 签订台账 (.xlsx or .csv).
    pub(crate) what: &'a str,
    pub(crate) date: Option<&'a str>,
    /// A risk notice card's holder (id or name), when the post has several.
    pub(crate) person: Option<&'a str>,
    pub(crate) scan: Option<&'a Path>,
    pub(crate) dry_run: bool,
}

/// One signature to record.
struct Record {
    institution: String,
    /// `signed` (a letter) or `confirmed` (a risk notice card).
    list: &'static str,
    post: String,
    person: String,
    date: Date,
    code: String,
    scan: Option<PathBuf>,
    /// 院办公室主任 孙丽: what the office reads in the summary.
    shown: String,
    /// The date of the record it replaces: a signature of an older text.
    replaces: Option<Date>,
}

pub(crate) fn sign(dir: &Path, request: &Request) -> Result<i32> {
    let model = current(dir)?;
    let theme = crate::pipeline::theme(dir, &model)?;
    let docs = documents::make(&model, &theme, documents::Which::Codes)?.into_vec();
    let mut out = String::new();
    let records = if is_sheet(request.what) {
        if request.date.is_some() || request.person.is_some() || request.scan.is_some() {
            return Err(Error::usage(t!("sign-options-with-sheet")));
        }
        from_sheet(&model, &docs, Path::new(request.what), &mut out)?
    } else {
        one(&model, &docs, request, &mut out)?.into_iter().collect()
    };
    if records.is_empty() {
        let _ = writeln!(out, "{}", t!("sign-nothing-new"));
        eprint!("{out}");
        return Ok(0);
    }
    let mut by_institution: BTreeMap<&str, Vec<&Record>> = BTreeMap::new();
    for r in &records {
        by_institution.entry(&r.institution).or_default().push(r);
    }
    // Every file's new text first; nothing is written unless all of them can be made.
    let mut edits: Vec<amend::Edit> = Vec::new();
    let mut copies: Vec<(PathBuf, PathBuf)> = Vec::new();
    for (inst, records) in by_institution {
        let folder = dir.join("institutions").join(inst);
        let path = folder.join("signing.yaml");
        let (mut text, old) = amend::read_text(&path)?;
        if old.is_none() {
            text = "# Letters signed on paper and risk notice cards confirmed (safeduty sign).\n".to_string();
        }
        for r in records {
            let mut entry = format!("{{post: {}, person: {}, date: {}, code: {}", r.post, r.person, r.date, r.code);
            if let Some(scan) = &r.scan {
                let (name, copy) = scan_name(&folder, scan, r)?;
                if let Some(to) = copy {
                    copies.push((scan.clone(), to));
                }
                entry.push_str(&format!(", scan: {}", amend::scalar(&name)));
            }
            entry.push('}');
            // One record per document and signer: a signature of an older text is replaced.
            let same = |m: &BTreeMap<String, serde_json::Value>| {
                let is = |key: &str, value: &str| m.get(key).and_then(|v| v.as_str()) == Some(value);
                is("post", &r.post) && is("person", &r.person)
            };
            text = amend::set_in_list(&text, r.list, &entry, same)
                .map_err(|why| Error::usage(format!("{}: {why}", path.display())))?;
        }
        edits.push(amend::Edit { path, old, new: text.into_bytes() });
    }
    for r in &records {
        let kind = if r.list == "signed" { "letter" } else { "card" };
        let (code, shown, date) = (r.code.as_str(), r.shown.as_str(), r.date.chinese());
        let line = match (request.dry_run, r.replaces.map(Date::chinese)) {
            (false, None) => t!("sign-recorded", kind, code, shown, date),
            (true, None) => t!("sign-would-record", kind, code, shown, date),
            (false, Some(old)) => t!("sign-recorded-replacing", kind, code, shown, date, old),
            (true, Some(old)) => t!("sign-would-record-replacing", kind, code, shown, date, old),
        };
        let _ = writeln!(out, "{line}");
    }
    if request.dry_run {
        let _ = writeln!(out, "{}", t!("sign-dry-run"));
        eprint!("{out}");
        return Ok(0);
    }
    if let Err(findings) = amend::apply_checked(dir, &edits, &copies)? {
        return Err(Error::content(t!("sign-not-checked", findings)));
    }
    for edit in &edits {
        let _ = writeln!(out, "{}", t!("cli-wrote", path = edit.path.display().to_string()));
    }
    eprint!("{out}");
    Ok(0)
}

fn is_sheet(what: &str) -> bool {
    let lower = what.to_lowercase();
    lower.ends_with(".xlsx") || lower.ends_with(".csv")
}

/// The record for one code given on the command line; None when it is recorded already.
fn one(model: &Model, docs: &[Document], request: &Request, out: &mut String) -> Result<Option<Record>> {
    let Some(code) = normalise(request.what) else {
        return Err(Error::usage(t!("sign-not-code-or-sheet", what = request.what)));
    };
    let Some(date) = request.date else {
        return Err(Error::usage(t!("sign-no-date")));
    };
    let date = loose_date(date).ok_or_else(|| Error::usage(t!("sign-bad-date", date)))?;
    let doc = find(docs, &code)?;
    let inst = model.institution(&doc.institution).ok_or_else(|| Error::internal("document of no institution"))?;
    let person = match doc.kind {
        Kind::Letter => doc.person.clone().unwrap_or_default(),
        _ => holder(inst, &doc.post, request.person)?,
    };
    let mut record = record(inst, doc, person, date);
    record.scan = request.scan.map(Path::to_path_buf);
    match kept(inst, &record) {
        Some(s) if s.code == record.code => {
            let (shown, date) = (record.shown.as_str(), s.date.chinese());
            let _ = writeln!(out, "{}", t!("sign-recorded-already", code = code.as_str(), shown, date));
            return Ok(None);
        }
        Some(s) => record.replaces = Some(s.date),
        None => {}
    }
    Ok(Some(record))
}

/// The current letter or risk notice card with this code; an error that says what else it is.
fn find<'a>(docs: &'a [Document], code: &str) -> Result<&'a Document> {
    let Some(doc) = docs.iter().find(|d| d.code == code) else {
        return Err(Error::usage(t!("sign-no-such-code", code)));
    };
    match doc.kind {
        Kind::Letter | Kind::RiskCard => Ok(doc),
        _ => Err(Error::usage(t!("sign-not-signed-kind", code, title = doc.title.as_str()))),
    }
}

/// The holder of `post` who signed its risk notice card: the one named, or its only holder.
fn holder(inst: &Institution, post: &str, named: Option<&str>) -> Result<String> {
    let post = inst.post(post).ok_or_else(|| Error::internal("risk card of no post"))?;
    let holders: Vec<_> = post.holders.iter().filter_map(|h| inst.person(h)).collect();
    let list = || {
        let each = holders.iter().map(|p| t!("sign-holder", name = p.name.as_str(), id = p.id.as_str()));
        each.collect::<Vec<_>>().join(&t!("sign-holders-separator"))
    };
    let post_name = post.name.as_str();
    match named {
        Some(n) => holders
            .iter()
            .find(|p| p.id == n || p.name == n)
            .map(|p| p.id.clone())
            .ok_or_else(|| Error::usage(t!("sign-not-holder", person = n, post = post_name, holders = list()))),
        None if holders.len() == 1 => Ok(holders[0].id.clone()),
        None => Err(Error::usage(t!("sign-which-holder", post = post_name, count = holders.len(), holders = list()))),
    }
}

fn record(inst: &Institution, doc: &Document, person: String, date: Date) -> Record {
    let post = inst.post(&doc.post).map_or(doc.post.as_str(), |p| p.name.as_str());
    let name = inst.person(&person).map_or(person.as_str(), |p| p.name.as_str());
    Record {
        institution: inst.id.clone(),
        list: if doc.kind == Kind::Letter { "signed" } else { "confirmed" },
        post: doc.post.clone(),
        shown: format!("{}{post}　{name}", inst.short_name.as_deref().unwrap_or(&inst.name)),
        person,
        date,
        code: doc.code.clone(),
        scan: None,
        replaces: None,
    }
}

/// The record kept for this document and signer, if any.
fn kept<'a>(inst: &'a Institution, r: &Record) -> Option<&'a crate::model::Signed> {
    if r.list == "signed" {
        let letter =
            inst.letters.iter().find(|l| l.party_b.post == r.post && l.party_b.person.as_ref() == Some(&r.person))?;
        letter.signed.as_ref()
    } else {
        inst.post(&r.post)?.confirmed.get(&r.person)
    }
}

/// The name a scan is recorded under (relative to the institution's folder), and where to copy
/// it first when it is not inside that folder already: `scans/<post>--<person>.<ext>`.
fn scan_name(folder: &Path, scan: &Path, r: &Record) -> Result<(String, Option<PathBuf>)> {
    let meta = std::fs::metadata(scan).map_err(|e| Error::io("read the scan", scan, e))?;
    if !meta.is_file() {
        return Err(Error::usage(t!("sign-scan-not-file", path = scan.display().to_string())));
    }
    let real = scan.canonicalize().map_err(|e| Error::io("read the scan", scan, e))?;
    let base = folder.canonicalize().map_err(|e| Error::io("open", folder, e))?;
    if let Ok(inside) = real.strip_prefix(&base) {
        let name = inside.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        return Ok((name, None));
    }
    let ext = scan.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_else(|| "pdf".into());
    let prefix = if r.list == "signed" { "" } else { "risk-" };
    let name = format!("scans/{prefix}{}--{}.{ext}", r.post, r.person);
    let to = folder.join(&name);
    if to.exists() {
        let same = std::fs::read(&to).ok() == std::fs::read(scan).ok();
        if !same {
            return Err(Error::usage(t!("sign-scan-exists", path = to.display().to_string())));
        }
        return Ok((name, None));
    }
    Ok((name, Some(to)))
}

/// A date as an office writes it (2023-01-05, 2023/1/5, 2023.1.5, 2023年1月5日), read as a
/// sheet's cell is.
fn loose_date(text: &str) -> Option<Date> {
    Date::parse(&sheet::value(text)).ok()
}

/// The records of a filled-in 签订台账: each row with a code and a date that is not recorded yet.
fn from_sheet(model: &Model, docs: &[Document], path: &Path, out: &mut String) -> Result<Vec<Record>> {
    let rows = sheet::table_of(path, Some(workbook::SIGNING_SHEET)).map_err(Error::usage)?;
    let name = path.display().to_string();
    let no_column = |column: &str| Error::usage(t!("sign-no-column", sheet = name.as_str(), column));
    let header =
        rows.iter().position(|r| r.iter().any(|c| c == workbook::CODE)).ok_or_else(|| no_column(workbook::CODE))?;
    let column = |title: &str| rows[header].iter().position(|c| c == title);
    let code_at = column(workbook::CODE).unwrap_or_default();
    let date_at = column(workbook::SIGNED_ON).ok_or_else(|| no_column(workbook::SIGNED_ON))?;
    let mut records = Vec::new();
    let mut problems = String::new();
    let mut already = 0;
    for (i, row) in rows.iter().enumerate().skip(header + 1) {
        let cell = |at: usize| row.get(at).map(|c| c.trim()).unwrap_or_default();
        let (code, date) = (cell(code_at), cell(date_at));
        if date.is_empty() {
            continue;
        }
        let line = i + 1;
        let Some(date) = loose_date(date) else {
            let _ = writeln!(problems, "{}", t!("sign-row-bad-date", row = line, column = workbook::SIGNED_ON, date));
            continue;
        };
        let Some(code) = normalise(code) else {
            let _ = writeln!(problems, "{}", t!("sign-row-bad-code", row = line, code));
            continue;
        };
        let doc = match find(docs, &code) {
            Ok(d) if d.kind == Kind::Letter => d,
            Ok(_) => {
                let _ = writeln!(problems, "{}", t!("sign-row-not-letter", row = line, code = code.as_str()));
                continue;
            }
            Err(_) => {
                let _ = writeln!(problems, "{}", t!("sign-row-no-letter", row = line, code = code.as_str()));
                continue;
            }
        };
        if matches!(doc.status, Some(Status::Signed { .. })) {
            already += 1;
            continue;
        }
        let inst = model.institution(&doc.institution).ok_or_else(|| Error::internal("document of no institution"))?;
        let mut record = record(inst, doc, doc.person.clone().unwrap_or_default(), date);
        record.replaces = kept(inst, &record).map(|s| s.date);
        records.push(record);
    }
    if !problems.is_empty() {
        return Err(Error::usage(t!("sign-sheet-refused", problems, sheet = name)));
    }
    if already > 0 {
        let _ = writeln!(out, "{}", t!("sign-rows-already", count = already));
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::loose_date;

    #[test]
    fn dates_are_read_as_offices_write_them() {
        for text in ["2023-01-05", "2023/1/5", "2023.1.5", "2023年1月5日", " 2023-1-5 "] {
            assert_eq!(loose_date(text).map(|d| d.to_string()).as_deref(), Some("2023-01-05"), "{text}");
        }
        for text in ["2023-02-30", "5/1/2023x", "2023-01", "明天"] {
            assert!(loose_date(text).is_none(), "{text}");
        }
    }
}

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
    let docs = documents::make(&model, &theme, documents::Which::Codes)?;
    let mut out = String::new();
    let records = if is_sheet(request.what) {
        if request.date.is_some() || request.person.is_some() || request.scan.is_some() {
            return Err(Error::usage(
                "--date, --person and --scan go with one code; a sheet gives each row's date in its 签订日期 column",
            ));
        }
        from_sheet(&model, &docs, Path::new(request.what), &mut out)?
    } else {
        one(&model, &docs, request, &mut out)?.into_iter().collect()
    };
    if records.is_empty() {
        let _ = writeln!(out, "nothing new to record");
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
        let what = if r.list == "signed" { "letter" } else { "risk notice card" };
        let _ = write!(out, "{} {what} {}: {} on {}", verb(request.dry_run), r.code, r.shown, r.date.chinese());
        match r.replaces {
            Some(d) => writeln!(out, ", in place of the signature of {} (an older text)", d.chinese()),
            None => writeln!(out),
        }
        .ok();
    }
    if request.dry_run {
        let _ = writeln!(out, "(--dry-run: nothing was written)");
        eprint!("{out}");
        return Ok(0);
    }
    if let Err(findings) = amend::apply_checked(dir, &edits, &copies)? {
        return Err(Error::content(format!("{findings}the records did not check, so signing.yaml was left as it was")));
    }
    for edit in &edits {
        let _ = writeln!(out, "wrote {}", edit.path.display());
    }
    eprint!("{out}");
    Ok(0)
}

fn verb(dry_run: bool) -> &'static str {
    if dry_run { "would record" } else { "recorded" }
}

fn is_sheet(what: &str) -> bool {
    let lower = what.to_lowercase();
    lower.ends_with(".xlsx") || lower.ends_with(".csv")
}

/// The record for one code given on the command line; None when it is recorded already.
fn one(model: &Model, docs: &[Document], request: &Request, out: &mut String) -> Result<Option<Record>> {
    let Some(code) = normalise(request.what) else {
        return Err(Error::usage(format!(
            "`{}` is neither a verification code (8 letters or digits, like 7QK2-M9XD) nor a sheet (.xlsx, .csv)",
            request.what
        )));
    };
    let Some(date) = request.date else {
        return Err(Error::usage("say when it was signed: --date YYYY-MM-DD"));
    };
    let date = loose_date(date).ok_or_else(|| {
        Error::usage(format!("--date `{date}` is not a date; write it as YYYY-MM-DD, e.g. 2023-01-05"))
    })?;
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
            let _ = writeln!(out, "{code}: {} is recorded already (signed {})", record.shown, s.date.chinese());
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
        return Err(Error::usage(format!(
            "no current letter or risk notice card has the code {code}; if it was printed from an older text, \
`safeduty verify {code}` says which, and the current one has to be printed and signed"
        )));
    };
    match doc.kind {
        Kind::Letter | Kind::RiskCard => Ok(doc),
        _ => Err(Error::usage(format!(
            "{code} is the code of “{}”, which is not signed: only letters (安全生产责任书) and risk notice cards \
(岗位安全风险告知卡) are recorded",
            doc.title
        ))),
    }
}

/// The holder of `post` who signed its risk notice card: the one named, or its only holder.
fn holder(inst: &Institution, post: &str, named: Option<&str>) -> Result<String> {
    let post = inst.post(post).ok_or_else(|| Error::internal("risk card of no post"))?;
    let holders: Vec<_> = post.holders.iter().filter_map(|h| inst.person(h)).collect();
    let list = || holders.iter().map(|p| format!("{} ({})", p.name, p.id)).collect::<Vec<_>>().join(", ");
    match named {
        Some(n) => holders.iter().find(|p| p.id == n || p.name == n).map(|p| p.id.clone()).ok_or_else(|| {
            Error::usage(format!("`{n}` does not hold the post {}; its holders: {}", post.name, list()))
        }),
        None if holders.len() == 1 => Ok(holders[0].id.clone()),
        None => Err(Error::usage(format!(
            "the post {} has {} holders, who each sign its risk notice card: say whose signature this is with \
--person (id or name): {}",
            post.name,
            holders.len(),
            list()
        ))),
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
        return Err(Error::usage(format!("--scan {} is not a file", scan.display())));
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
            return Err(Error::usage(format!(
                "{} exists already and is another file: move it away, or name the scan inside the institution's folder",
                to.display()
            )));
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
    let name = path.display();
    let header = rows
        .iter()
        .position(|r| r.iter().any(|c| c == workbook::CODE))
        .ok_or_else(|| Error::usage(format!("{name} has no column headed {}", workbook::CODE)))?;
    let column = |title: &str| rows[header].iter().position(|c| c == title);
    let code_at = column(workbook::CODE).unwrap_or_default();
    let date_at = column(workbook::SIGNED_ON)
        .ok_or_else(|| Error::usage(format!("{name} has no column headed {}", workbook::SIGNED_ON)))?;
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
            let _ = writeln!(problems, "row {line}: {} `{date}` is not a date (write 2023-01-05)", workbook::SIGNED_ON);
            continue;
        };
        let Some(code) = normalise(code) else {
            let _ = writeln!(problems, "row {line}: `{code}` is not a verification code");
            continue;
        };
        let doc = match find(docs, &code) {
            Ok(d) if d.kind == Kind::Letter => d,
            Ok(_) => {
                let _ = writeln!(problems, "row {line}: {code} is not a letter's code");
                continue;
            }
            Err(_) => {
                let _ = writeln!(
                    problems,
                    "row {line}: no current letter has the code {code} (a duty changed since the sheet was made?)"
                );
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
        return Err(Error::usage(format!(
            "{problems}{name}: nothing was recorded; correct these rows, or export the sheet again (safeduty build --only data)"
        )));
    }
    if already > 0 {
        let _ = writeln!(out, "{already} rows are recorded already");
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

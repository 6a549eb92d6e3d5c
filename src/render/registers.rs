//! 安全生产责任书签订台账: for each department, every letter its people sign as 乙方, with the
//! parties, the letter's number and verification code, and blank cells for the date and the
//! signature. The safety office takes it round with the letters; what is written in it is then
//! recorded by `safeduty sign` (by code, or from the same sheet of the exported workbook).
//! Letters signed already carry their date. A4 turned, from the theme's `pdf/register.md`.

use serde::Serialize;

use super::document::{Document, Kind, Status, blocks, render};
use super::paths;
use crate::error::Result;
use crate::model::{Institution, Letter};

/// One letter as the register lists it.
#[derive(Serialize)]
struct RegisterRow<'a> {
    /// 乙方's signer and post.
    person: &'a str,
    post: &'a str,
    /// 甲方's signer, after the post they sign for: 院长　邬建国.
    party_a: String,
    number: Option<&'a str>,
    code: &'a str,
    /// 2023年1月5日 when it is signed for this text; empty to fill in.
    signed: String,
    /// 需重新签订 (signed for an older text), else empty.
    note: &'static str,
}

/// What `pdf/register.md` sees.
#[derive(Serialize)]
struct RegisterView<'a> {
    institution: &'a str,
    department: &'a str,
    total: usize,
    signed: usize,
    letters: Vec<RegisterRow<'a>>,
}

/// The registers of an institution's departments whose people sign letters, from the letters
/// among `docs` (its documents made so far).
pub(super) fn institution(tera: &tera::Tera, inst: &Institution, docs: &[Document]) -> Result<Vec<Document>> {
    let mut out = Vec::new();
    for dept in &inst.departments {
        let letters: Vec<&Document> =
            docs.iter().filter(|d| d.kind == Kind::Letter && d.department == dept.id).collect();
        if letters.is_empty() {
            continue;
        }
        let rows: Vec<RegisterRow> = letters
            .iter()
            .map(|d| {
                let name = |id: Option<&String>| id.and_then(|p| inst.person(p)).map_or("", |p| p.name.as_str());
                let post = |id: &str| inst.post(id).map_or("", |p| p.name.as_str());
                let letter = d.person.as_ref().map(|p| Letter::id_for(&d.post, p));
                let party_a = inst.letters.iter().find(|l| Some(&l.id) == letter.as_ref()).map(|l| {
                    // 甲方 may sign for the commission above: its post is not this institution's.
                    let signer = l.party_a.person.as_ref();
                    match l.party_a.institution == inst.id {
                        true => format!("{}　{}", post(&l.party_a.post), name(signer)),
                        false => d.parties.as_ref().map_or(String::new(), |[a, _]| a.clone()),
                    }
                });
                let (signed, note) = match &d.status {
                    Some(Status::Signed { date }) => (date.chinese(), ""),
                    Some(Status::Outdated { .. }) => (String::new(), "需重新签订"),
                    _ => (String::new(), ""),
                };
                // A register number is printed 编号：2023-007 on the letter; the column says 编号.
                let number = d.number.as_deref().map(|n| n.trim_start_matches("编号："));
                RegisterRow {
                    person: name(d.person.as_ref()),
                    post: post(&d.post),
                    party_a: party_a.unwrap_or_default(),
                    number,
                    code: &d.code,
                    signed,
                    note,
                }
            })
            .collect();
        let view = RegisterView {
            institution: &inst.name,
            department: &dept.name,
            total: rows.len(),
            signed: rows.iter().filter(|r| !r.signed.is_empty()).count(),
            letters: rows,
        };
        let blocks = blocks(&render(tera, "pdf/register.md", &view)?);
        let title = format!("{}{}安全生产责任书签订台账", inst.name, dept.name);
        out.push(Document {
            department: dept.id.clone(),
            ..Document::sheet(Kind::Register, &inst.id, paths::register(&inst.id, &dept.id), title, blocks)
        });
    }
    Ok(out)
}

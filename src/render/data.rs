//! `data/`: the resolved model as JSON, every duty as CSV, and a workbook per institution
//! (`workbook`) for Excel and WPS.

use rayon::prelude::*;

use super::context::{Part, RenderContext, Renderer, Selection};
use super::paths;
use crate::error::{Error, Result};
use crate::model::Model;

pub(crate) struct DataRenderer;

impl Renderer for DataRenderer {
    fn name(&self) -> &'static str {
        "data"
    }

    fn wanted(&self, selection: &Selection) -> bool {
        selection.wants(Part::Data)
    }

    // Streamed into the files: at 100,000 employees they are 250, 160 and 60 MB.
    fn render(&self, ctx: &RenderContext) -> Result<()> {
        ctx.write_with(&paths::data("model.json"), &mut |w| {
            serde_json::to_writer_pretty(w, ctx.model).map_err(|e| Error::internal(format!("model.json: {e}")))
        })?;
        ctx.write_with(&paths::data("duties.csv"), &mut |w| duties_csv(ctx.model, w))?;
        ctx.write_with(&paths::data("documents.json"), &mut |w| documents_json(ctx.documents, w))?;
        // Each institution's workbook from its own documents (looking through every institution's
        // took minutes at 100,000 employees).
        ctx.model.institutions.par_iter().enumerate().try_for_each(|(k, inst)| {
            let bytes = super::workbook::institution(ctx.model, inst, ctx.documents.of(k))?;
            ctx.write(&paths::workbook(&inst.id), &bytes)
        })
    }
}

/// Every card and letter with its number, verification code and signing status: what a tool
/// needs to match a signed paper to its version.
fn documents_json(docs: &crate::render::documents::Documents, out: &mut dyn std::io::Write) -> Result<()> {
    // The keys in the order earlier versions wrote them (alphabetical).
    #[derive(serde::Serialize)]
    struct Entry<'a> {
        code: &'a str,
        department: &'a str,
        file: &'a str,
        institution: &'a str,
        kind: &'a crate::render::documents::Kind,
        number: &'a Option<String>,
        person: &'a Option<String>,
        post: &'a str,
        status: &'a Option<crate::render::documents::Status>,
        title: &'a str,
    }
    let list: Vec<Entry> = docs
        .iter()
        .map(|d| Entry {
            code: &d.code,
            department: &d.department,
            file: &d.file,
            institution: &d.institution,
            kind: &d.kind,
            number: &d.number,
            person: &d.person,
            post: &d.post,
            status: &d.status,
            title: &d.title,
        })
        .collect();
    serde_json::to_writer_pretty(out, &list).map_err(|e| Error::internal(format!("documents.json: {e}")))
}

/// A cell that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe.
fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}").into() } else { text.into() }
}

/// One row per duty item. Starts with a UTF-8 byte order mark: without it Excel and WPS on
/// Windows read the file as GBK and show garbled Chinese.
pub(crate) fn duties_csv(model: &Model, out: &mut dyn std::io::Write) -> Result<()> {
    out.write_all(b"\xEF\xBB\xBF").map_err(|e| Error::internal(format!("duties.csv: {e}")))?;
    {
        let mut w = csv::Writer::from_writer(out);
        let err = |e: csv::Error| Error::internal(format!("duties.csv: {e}"));
        w.write_record([
            "单位",
            "单位编号",
            "科室",
            "岗位",
            "岗位编号",
            "岗位类别",
            "在岗人员",
            "序号",
            "安全生产职责",
            "来源",
            "责任范围",
        ])
        .map_err(err)?;
        for inst in &model.institutions {
            for post in &inst.posts {
                let dept = inst.department(&post.department).map_or("", |d| d.name.as_str());
                let category = post.category.as_deref().and_then(|c| model.category(c)).map_or("", |c| c.name.as_str());
                let holders: Vec<&str> =
                    post.holders.iter().filter_map(|h| inst.person(h)).map(|p| p.name.as_str()).collect();
                for duty in &post.duties {
                    let origin = duty.origin.label();
                    let holders = holders.join("、");
                    let number = duty.number.to_string();
                    let row = [
                        inst.name.as_str(),
                        inst.id.as_str(),
                        dept,
                        post.name.as_str(),
                        post.id.as_str(),
                        category,
                        &holders,
                        &number,
                        duty.text.as_str(),
                        &origin,
                        post.scope.as_str(),
                    ];
                    w.write_record(row.iter().map(|c| cell(c).into_owned())).map_err(err)?;
                }
            }
        }
        w.flush().map_err(|e| Error::internal(format!("duties.csv: {e}")))?;
    }
    Ok(())
}

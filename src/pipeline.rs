//! The one place that orders the stages: load → check → resolve → render → write.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::Report;
use crate::error::{Error, Result};
use crate::lints::Levels;
use crate::model::Model;
use crate::render::{self, Finding, RenderContext, Sink};
use crate::source::Sources;
use crate::{check, load, resolve, write};

/// What loading and checking a content tree found.
pub struct Checked {
    pub sources: Sources,
    pub report: Report,
    /// Present when the content has no errors.
    pub model: Option<Model>,
}

/// Loads, checks and (if clean) resolves `dir`. `adjust` sets lint levels from the command
/// line, after the content's own `lints:`.
pub fn check(dir: &Path, adjust: impl FnOnce(&mut Levels)) -> Checked {
    let mut report = Report::default();
    let mut content = load::load(dir, &mut report);
    let index = check::check(&content, &mut report);
    let mut levels = Levels::default();
    if let Some(config) = &content.config {
        for (code, level) in &config.value.lints {
            levels.set(code, level.value);
        }
    }
    adjust(&mut levels);
    report.finish(|code| levels.level(code));
    let model = (!report.has_errors()).then(|| resolve::resolve(&content, &index));
    drop(index);
    Checked { sources: std::mem::take(&mut content.sources), report, model }
}

/// Renders a checked model into `out`, replacing it only if every renderer succeeds.
pub fn build(model: &Model, findings: &[Finding], content_root: &Path, out: &Path) -> Result<()> {
    write::atomically(out, |tmp| render_into(model, findings, content_root, &Sink::Dir(tmp.to_path_buf())))
}

/// Renders a checked model into memory: (path under the output root, bytes).
pub fn build_in_memory(model: &Model, findings: &[Finding], content_root: &Path) -> Result<BTreeMap<String, Vec<u8>>> {
    let sink = Sink::memory();
    render_into(model, findings, content_root, &sink)?;
    Ok(sink.into_files())
}

fn render_into(model: &Model, findings: &[Finding], content_root: &Path, sink: &Sink) -> Result<()> {
    let ctx = RenderContext { model, sink, content_root, findings };
    for renderer in render::all() {
        renderer.render(&ctx).map_err(|e| Error::new(format!("{} renderer: {e}", renderer.name())))?;
    }
    Ok(())
}

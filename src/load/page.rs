//! Markdown pages (`pages/**/*.md`): YAML front matter between `---` lines, then the body.

use crate::diagnostic::Diagnostic;
use crate::raw::PageMeta;
use crate::source::{FileId, Offset, Span};
use crate::{m, t};

#[derive(Debug)]
pub(crate) struct Page {
    /// Path under `pages/` without `.md`, e.g. `notices/2022-124`.
    pub(crate) slug: String,
    pub(crate) file: FileId,
    pub(crate) meta: PageMeta,
    /// Where the front matter starts, for positions inside it.
    pub(crate) meta_offset: Offset,
    /// Markdown after the front matter.
    pub(crate) body: String,
}

pub(crate) fn parse(original: &str, file: FileId, slug: String) -> Result<Page, Vec<Diagnostic>> {
    // Positions are counted in the file as written, byte order mark included.
    let text = original.strip_prefix('\u{feff}').unwrap_or(original);
    let bom = original.len() - text.len();
    let missing = || {
        Diagnostic::new(
            "front-matter",
            Span::file_start(file),
            m!("page-no-front-matter"),
            t!("page-no-front-matter-label"),
        )
        .with_help(t!("page-no-front-matter-help"))
    };
    // The opening fence is a first line that is `---`, trailing spaces allowed as for the closing one.
    let first = text.split_inclusive('\n').next().unwrap_or("");
    let rest = if first.trim_end() == "---" { &text[first.len()..] } else { return Err(vec![missing()]) };
    let header_len = text.len() - rest.len();
    // The closing fence is a line that is exactly `---`.
    let mut end = None;
    let mut pos = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            end = Some((pos, pos + line.len()));
            break;
        }
        pos += line.len();
    }
    let Some((yaml_end, body_start)) = end else {
        return Err(vec![
            Diagnostic::new(
                "front-matter",
                Span::file_start(file),
                m!("page-front-matter-open"),
                t!("page-front-matter-open-label"),
            )
            .with_help(t!("page-front-matter-open-help")),
        ]);
    };
    let offset = Offset { lines: 1, bytes: bom + header_len };
    let meta = super::yaml::parse::<PageMeta>(&rest[..yaml_end], file, offset, "page front matter")?;
    Ok(Page { slug, file, meta, meta_offset: offset, body: rest[body_start..].to_string() })
}

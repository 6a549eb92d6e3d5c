//! What `check` learns by preparing a build without making it, so that `check` passes only what
//! `build` can make: the theme's files stay inside the content folder and its templates
//! compile and render, its PDF style can print, every character a document prints is in its
//! font, and every link a Markdown page makes leads to a page of the site. Each problem is a
//! located diagnostic; what cannot be checked (no font installed) is said.

use std::sync::Arc;

use super::context::{Part, Selection};
use super::documents::{self, Kind};
use super::pdf::fonts::FontSet;
use super::pdf::style::Style;
use super::theme::Theme;
use crate::diagnostic::{Diagnostic, Report};
use crate::fence::Fence;
use crate::model::Model;
use crate::source::{Sources, Span};
use crate::{m, t};

/// The theme, its PDF style and the fonts, ready for the build that follows the check.
pub(crate) struct Prepared {
    pub(crate) theme: Arc<Theme>,
    pub(crate) fonts: Option<Arc<FontSet>>,
    /// The codes and facts of every document of the kinds the build makes (see `Pdf::makes`),
    /// as `documents::make(Which::Codes)` makes them: the check made their texts already.
    pub(crate) documents: documents::Documents,
}

/// What a check prepares of the printed documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pdf {
    /// No PDF is wanted; every document's code is (the data export lists them all).
    No,
    /// No PDF and no data export: the site alone, which needs no posted sheet (see
    /// `documents::looked`).
    Site,
    /// Their fonts and every character they print are checked (`check`).
    Checked,
    /// Checked, for a build that prints them: the texts made for the check are kept for it
    /// (see `documents::looked`).
    Printed,
    /// Printed, for a build of printed documents alone (no site, no data export): only the
    /// kinds of the parts it prints (`Part::PRINTED`, in order) are made and checked.
    PrintedAlone([bool; 4]),
}

impl Pdf {
    /// What a build of `selection` prepares.
    pub(crate) fn of(selection: &Selection) -> Pdf {
        let (site, data) = (selection.wants(Part::Site), selection.wants(Part::Data));
        match selection.wants_pdf() {
            true if site || data => Pdf::Printed,
            true => Pdf::PrintedAlone(Part::PRINTED.map(|p| selection.wants(p))),
            false if data => Pdf::No,
            false => Pdf::Site,
        }
    }

    /// A build of printed documents alone: no page is rendered (see `Theme::load_for`).
    fn printed_alone(self) -> bool {
        matches!(self, Pdf::PrintedAlone(_))
    }

    /// Whether the fonts are looked for and every printed character checked.
    fn checks_fonts(self) -> bool {
        matches!(self, Pdf::Checked | Pdf::Printed | Pdf::PrintedAlone(_))
    }

    /// The kinds of document this preparation makes (see `documents::Makes`).
    fn makes(self, kind: Kind) -> bool {
        match self {
            Pdf::Site => !matches!(kind, Kind::Register | Kind::Display | Kind::Network),
            Pdf::PrintedAlone(parts) => {
                Part::PRINTED.iter().zip(parts).any(|(&p, wanted)| wanted && p == Part::of(kind))
            }
            Pdf::No | Pdf::Checked | Pdf::Printed => true,
        }
    }
}

/// The theme of the folder `folder` and, when the check looks at them, its fonts: loaded while
/// the content is (they depend on it only through the folder's name), so that a core is not
/// left idle parsing the templates and finding the fonts after the load.
pub(crate) struct Early {
    folder: String,
    theme: crate::error::Result<Theme>,
    fonts: Option<crate::error::Result<FontSet>>,
}

impl Early {
    pub(crate) fn load(fence: &Fence, folder: String, pdf: Pdf) -> Early {
        let theme = Theme::load_for(Some((fence, &folder)), pdf.printed_alone());
        let fonts = match (&theme, pdf.checks_fonts()) {
            // A style with problems is reported by `prepare`, which then looks for no font.
            (Ok(theme), true) => Style::parse(&theme.pdf_style).ok().map(|style| FontSet::of_theme(theme, &style)),
            _ => None,
        };
        Early { folder, theme, fonts }
    }
}

/// Prepares the build of `model`; `pdf` says whether printed documents are wanted (their fonts
/// and characters are checked then). `early`: what was loaded beside the content.
pub(crate) fn prepare(
    fence: &Fence,
    model: &Model,
    pdf: Pdf,
    early: Option<Early>,
    sources: &mut Sources,
    report: &mut Report,
) -> Option<Prepared> {
    let folder = model.site.theme.as_str();
    let (early_theme, early_fonts) = match early.filter(|e| e.folder == folder) {
        Some(e) => (Some(e.theme), e.fonts),
        None => (None, None),
    };
    let theme = theme(fence, folder, pdf, early_theme, sources, report)?;
    // The style as the build reads it: the theme's own file, or the built-in one.
    let own = fence.resolve("", &format!("{folder}/pdf/style.yaml")).is_ok();
    let name = if own { format!("{folder}/pdf/style.yaml") } else { "(built-in theme) pdf/style.yaml".to_string() };
    let style_file = sources.add(name, Arc::from(theme.pdf_style.as_str()));
    let style = match Style::check(&theme.pdf_style, style_file) {
        Ok(style) => style,
        Err(problems) => {
            report.extend(problems);
            return None;
        }
    };
    links(model, &theme, sources, report);
    if theme
        .tera
        .get_template_names()
        .any(|n| !n.starts_with("default/") && !n.starts_with("pdf/") && overridden(fence, folder, n))
    {
        report.notes.push(t!("preflight-templates-compiled"));
    }
    let printed = matches!(pdf, Pdf::Printed | Pdf::PrintedAlone(_));
    let fonts = match pdf.checks_fonts().then(|| early_fonts.unwrap_or_else(|| FontSet::of_theme(&theme, &style))) {
        None => None,
        Some(Ok(fonts)) => Some(fonts),
        Some(Err(e)) => {
            let at = fonts_key(&theme.pdf_style, style_file);
            report.push(
                Diagnostic::new(
                    "pdf-not-made",
                    at,
                    m!("preflight-no-pdf", reason = e.message),
                    t!("preflight-no-pdf-label"),
                )
                .with_help(t!("preflight-no-pdf-help")),
            );
            report.notes.push(t!("preflight-glyphs-unchecked"));
            None
        }
    };
    // The documents' texts are made in every build (the site shows their codes), with or
    // without fonts: their templates must render, those of the kinds the build makes.
    let makes = |kind| pdf.makes(kind);
    match documents(model, &theme, fonts.as_ref().map(|f| (f, &style)), printed, &makes, sources, report) {
        Ok(documents) => Some(Prepared { theme: Arc::new(theme), fonts: fonts.map(Arc::new), documents }),
        Err(e) => {
            report.push(theme_diagnostic(fence, folder, &e.message, sources));
            None
        }
    }
}

/// Whether the theme folder has its own copy of a template.
fn overridden(fence: &Fence, folder: &str, template: &str) -> bool {
    fence.resolve("", &format!("{folder}/templates/{template}")).is_ok()
}

/// Loads the theme (or takes `early`, the same folder loaded while the content was); a link out
/// of the content folder or a template that does not compile is reported at the file.
fn theme(
    fence: &Fence,
    folder: &str,
    pdf: Pdf,
    early: Option<crate::error::Result<Theme>>,
    sources: &mut Sources,
    report: &mut Report,
) -> Option<Theme> {
    let hidden = |name: &str| name.rsplit('/').next().is_some_and(crate::fence::is_hidden);
    let mut refused = false;
    for walked in fence.walk(folder, hidden) {
        if let Some(r) = walked.refused {
            let file = sources.add(walked.name.clone(), Arc::from(""));
            let message = r.message(&walked.name);
            report.push(Diagnostic::new(r.code(), Span::file_start(file), message, "").with_help(r.help()));
            refused = true;
        }
    }
    if refused {
        return None;
    }
    match early.unwrap_or_else(|| Theme::load_for(Some((fence, folder)), pdf.printed_alone())) {
        Ok(theme) => Some(theme),
        Err(e) => {
            report.push(theme_diagnostic(fence, folder, &e.message, sources));
            None
        }
    }
}

/// A template error located in the template's file when the message says where (tera quotes
/// pest's `--> line:column`).
fn theme_diagnostic(fence: &Fence, folder: &str, message: &str, sources: &mut Sources) -> Diagnostic {
    let template = message.split('\'').nth(1).filter(|t| !t.contains(' '));
    let place = message.split("--> ").nth(1).and_then(|rest| {
        let (line, rest) = rest.split_once(':')?;
        let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
        Some((line.trim().parse::<u32>().ok()?, column.parse::<u32>().ok()?))
    });
    let name = template.map(|t| format!("{folder}/templates/{}", t.trim_start_matches("default/")));
    let text = name.as_deref().and_then(|n| fence.read("", n).ok()).and_then(|b| String::from_utf8(b).ok());
    let (file, span) = match (name, text) {
        (Some(name), Some(text)) => {
            let (line, column) = place.unwrap_or((1, 1));
            let start = byte_at(&text, line, column);
            let file = sources.add(name, Arc::from(text));
            (file, Span { file, line, column, start, end: start })
        }
        _ => {
            let file = sources.add(format!("{folder}/templates"), Arc::from(""));
            (file, Span::file_start(file))
        }
    };
    let _ = file;
    // pest's own picture of the line is shown by our snippet; keep what it expected.
    let expected = message.split("= ").nth(1).map(|e| e.trim().to_string());
    let what = match template {
        Some(t) if place.is_some() => t!("preflight-template-syntax", template = t),
        Some(t) => t!("preflight-template-error", template = t, error = message.lines().next().unwrap_or(message)),
        None => message.lines().next().unwrap_or(message).to_string(),
    };
    let label = expected.unwrap_or_else(|| t!("preflight-here"));
    Diagnostic::new("theme-error", span, what, label).with_help(t!("preflight-template-help"))
}

fn byte_at(text: &str, line: u32, column: u32) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1) as usize).map(str::len).sum();
    let rest = &text[start.min(text.len())..];
    start + rest.char_indices().nth(column.saturating_sub(1) as usize).map_or(rest.len(), |(i, _)| i)
}

/// Where the style names its fonts.
fn fonts_key(style: &str, file: usize) -> Span {
    let start = style.find("\nfonts:").map_or(0, |i| i + 1);
    let line = style[..start].matches('\n').count() as u32 + 1;
    Span { file, line, column: 1, start, end: start + 6 }
}

/// Makes every document's text, as the build will; with `fonts`, every character a document
/// prints must be in the face that prints it, and each missing one is reported where it is
/// first written in the content.
fn documents(
    model: &Model,
    theme: &Theme,
    fonts: Option<(&FontSet, &Style)>,
    printed: bool,
    makes: documents::Makes,
    sources: &Sources,
    report: &mut Report,
) -> crate::error::Result<documents::Documents> {
    // Each institution's texts are looked at while they are made, on every core; for a build
    // that prints, what they print is noted, to cut the glyphs once (`pdf::cut_glyphs`).
    let all_printed = std::sync::Mutex::new(super::pdf::code_glyphs());
    let look = |docs: &[documents::Document]| {
        fonts.map(|(fonts, style)| {
            let mut glyphs = printed.then(super::pdf::Glyphs::default);
            let missing = super::pdf::missing_glyphs(docs.iter(), fonts, glyphs.as_mut());
            if let Some(glyphs) = glyphs {
                crate::lock(&all_printed).add_all(&glyphs);
            }
            (missing, super::pdf::unbreakable_runs(docs.iter(), fonts, style))
        })
    };
    // For a build that prints, the texts made here serve its PDFs too.
    let (made, looked) = documents::looked(model, theme, printed && fonts.is_some(), makes, look)?;
    let mut missing = std::collections::BTreeMap::new();
    let mut runs = std::collections::BTreeMap::new();
    for (m, r) in looked.into_iter().flatten() {
        missing.extend(m);
        for (run, file) in r {
            runs.entry(run).or_insert(file);
        }
    }
    // Not for a build that a missing glyph stops.
    if let (true, Some((fonts, _)), true) = (printed, fonts, missing.is_empty()) {
        super::pdf::cut_glyphs(fonts, &all_printed.into_inner().unwrap_or_else(|e| e.into_inner()));
    }
    for (run, file) in runs {
        let span = first_text(sources, &run).unwrap_or_else(|| Span::file_start(0));
        let shown: String = run.chars().take(40).collect();
        let more = if shown.len() < run.len() { "…" } else { "" };
        report.push(
            Diagnostic::new(
                "unbreakable-run",
                span,
                m!("preflight-unbreakable", text = format!("{shown}{more}"), count = run.chars().count(), file),
                t!("preflight-unbreakable-label"),
            )
            .with_help(t!("preflight-unbreakable-help")),
        );
    }
    for (c, (font, _)) in missing {
        let span = first_use(sources, c).unwrap_or_else(|| Span::file_start(0));
        report.push(
            Diagnostic::new(
                "missing-glyph",
                span,
                m!("preflight-missing-glyph", char = c.to_string(), code = format!("U+{:04X}", c as u32), font),
                t!("preflight-here"),
            )
            .with_help(t!("preflight-missing-glyph-help")),
        );
    }
    Ok(made)
}

/// The first place a character is written in the content's files.
fn first_use(sources: &Sources, c: char) -> Option<Span> {
    first_text(sources, c.encode_utf8(&mut [0; 4]))
}

/// The first place a text is written in the content's files.
fn first_text(sources: &Sources, text: &str) -> Option<Span> {
    sources.iter().find_map(|(file, src)| {
        let start = src.text.find(text)?;
        let before = &src.text[..start];
        let line = before.matches('\n').count() as u32 + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
        Some(Span { file, line, column, start, end: start + text.len() })
    })
}

/// Links in Markdown pages lead to pages of the site: a broken one would fail the build's
/// link check, which blames the theme.
fn links(model: &Model, theme: &Theme, sources: &Sources, report: &mut Report) {
    for page in &model.pages {
        // Its file: `pages/<slug>.md`, the extension in any case.
        let name = format!("pages/{}.", page.slug);
        let found =
            sources.iter().find(|(_, f)| f.name.strip_prefix(&name).is_some_and(|e| e.eq_ignore_ascii_case("md")));
        let Some((file, _)) = found else { continue };
        let text = &sources.get(file).text;
        let dir = super::paths::page(&page.slug);
        let dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
        for (link, range) in super::markdown::links(&page.markdown) {
            let target = link.split(['#', '?']).next().unwrap_or("");
            if target.is_empty() || !super::site::links::is_internal(&link) {
                continue;
            }
            let path = super::site::links::resolve(dir, target);
            if super::paths::exists(model, theme, &path) {
                continue;
            }
            // The Markdown follows the front matter: find the link's text in the file.
            let start = text.find(&page.markdown[range.clone()]).map_or(0, |i| i);
            let before = &text[..start];
            let line = before.matches('\n').count() as u32 + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            report.push(
                Diagnostic::new(
                    "broken-page-link",
                    Span { file, line, column, start, end: start + range.len() },
                    m!("preflight-broken-link", link = link.as_str(), path = path.as_str()),
                    t!("preflight-broken-link-label"),
                )
                .with_help(t!("preflight-broken-link-help")),
            );
        }
    }
}

//! `site/pdf/`: a duty card (一岗一清单) per post and a responsibility letter (安全生产责任书)
//! per signing pair, one file each, plus combined files for batch printing. They live inside
//! the site so that the published folder is self-contained and the site's links to them work.
//!
//! Per institution: lay out its documents (`layout`), cut one subset of each face for each
//! family of them (`embed`, `Family`), then write each file (`write`, with pdf-writer). The same
//! input gives the same bytes.

mod archive;
mod cff;
mod charstring;
mod embed;
pub(crate) mod fonts;
mod justify;
mod layout;
pub(crate) mod linebreak;
mod memo;
mod network;
pub(crate) mod style;
mod table;
mod tagged;
mod write;

use std::collections::BTreeMap;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use super::context::{RenderContext, Renderer, Selection};
use super::documents::{self, Block, Document, Kind};
use super::kept::{self as cache};
use super::paths;
use crate::error::{Error, Result};
use crate::model::{Institution, LetterNumbers, Model};
use crate::t;
use embed::Subsets;
pub(crate) use embed::{Glyphs, cut_glyphs};
use fonts::{FontSet, Role};
use layout::{Page, Papers, Typesetters};
pub(crate) use write::code_glyphs;

pub(crate) struct PdfRenderer;

impl Renderer for PdfRenderer {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn wanted(&self, selection: &Selection) -> bool {
        selection.wants_pdf()
    }

    fn render(&self, ctx: &RenderContext) -> Result<()> {
        let Some(fonts) = ctx.fonts else { return Ok(()) };
        let style = ctx.pdf_style;
        let printed: Vec<&Document> = ctx.documents.iter().filter(|d| d.printed).collect();
        let mut printed_of: std::collections::HashMap<&str, Vec<&Document>> = std::collections::HashMap::new();
        for d in &printed {
            printed_of.entry(d.institution.as_str()).or_default().push(d);
        }
        let papers = Papers::of(style);
        let ts = papers.typesetters(style, fonts);
        let bar = progress(ctx.progress, printed.len() as u64);
        let style_key = cache::key(&[ctx.theme.pdf_style.as_bytes()]);
        let (combined_us, combined_pages) = (AtomicU64::new(0), AtomicUsize::new(0));
        // Institutions are independent, and so are the documents within one: lay out and write
        // them on every core. An institution's combined files are drawn from the pages laid out
        // for its own files, which are then dropped: memory follows an institution, not the
        // province.
        ctx.model.institutions.par_iter().try_for_each(|inst| {
            let Some(mine) = printed_of.get(inst.id.as_str()).cloned() else { return Ok(()) };
            // The build kept codes, not texts (see `documents::Which::Codes`): make this institution's
            // texts again, for as long as its files take.
            let texts = match mine.iter().any(|d| d.blocks.is_empty()) {
                true => {
                    documents::institution(ctx.model, ctx.theme, inst, &|kind| mine.iter().any(|d| d.kind == kind))?
                }
                false => Vec::new(),
            };
            let texts: BTreeMap<&str, &Document> = texts.iter().map(|d| (d.file.as_str(), d)).collect();
            let mine: Vec<&Document> = mine
                .into_iter()
                .map(|d| match d.blocks.is_empty() {
                    true => texts
                        .get(d.file.as_str())
                        .copied()
                        .ok_or_else(|| Error::internal(t!("pdf-no-text", file = d.file.as_str()))),
                    false => Ok(d),
                })
                .collect::<Result<_>>()?;
            coverage(ctx.model, &mine, fonts)?;
            let memo = memo::Memo::default();
            let ts = ts.remembering(&memo);
            let files = Files { ctx, ts: &ts, fonts, style_key, bar: &bar };
            let laid: Vec<(&Document, Vec<Page>)> = mine.into_par_iter().map(|d| (d, lay_out(ts.of(d), d))).collect();
            // One subset of each face for each family's files (see `Family`): a letter carries
            // the glyphs of the institution's cards and letters, not of its ledgers too.
            let mut families: BTreeMap<Family, Vec<(&Document, Vec<Page>)>> = BTreeMap::new();
            for (d, pages) in laid {
                families.entry(Family::of(d.kind)).or_default().push((d, pages));
            }
            families.into_par_iter().try_for_each(|(_, laid)| {
                let (us, pages) = family(&files, inst, laid)?;
                combined_us.fetch_add(us, Ordering::Relaxed);
                combined_pages.fetch_add(pages, Ordering::Relaxed);
                Ok(())
            })
        })?;
        ctx.lap(
            &format!(
                "pdf: combined files, made from their documents' drawn pages ({} pages; summed over institutions)",
                combined_pages.into_inner()
            ),
            std::time::Duration::from_micros(combined_us.into_inner()),
        );
        bar.finish_and_clear();
        Ok(())
    }
}

/// What writing any family's files needs.
struct Files<'a> {
    ctx: &'a RenderContext<'a>,
    ts: &'a Typesetters<'a>,
    fonts: &'a FontSet,
    /// What a PDF shows besides its text: the theme's style (page, sizes, fonts).
    style_key: cache::Key,
    bar: &'a indicatif::ProgressBar,
}

/// Writes the files of one family of an institution's documents (laid out) and their combined
/// files; returns the time the combined files took (µs) and their pages.
fn family(files: &Files, inst: &Institution, laid: Vec<(&Document, Vec<Page>)>) -> Result<(u64, usize)> {
    let Files { ctx, ts, fonts, style_key, bar } = files;
    let ts = *ts;
    let glyphs = write::glyphs(ts, &laid);
    let subsets = Subsets::new(fonts, &glyphs)?;
    let glyphs_key = glyphs.key();
    // A file's id (its trailer /ID): a key over what it shows, so that the same content gives
    // the same bytes and changed content a new id.
    let doc_key = |d: &Document| {
        let number = d.number.as_deref().unwrap_or("");
        let parts: [&[u8]; 6] =
            [style_key, &glyphs_key, d.file.as_bytes(), d.title.as_bytes(), number.as_bytes(), d.code.as_bytes()];
        cache::key(&parts)
    };
    // Each document's pages are drawn once, for its own file and its combined files.
    let drawn: Vec<(&Document, Vec<write::Drawn>)>;
    let printed: BTreeMap<&str, embed::Printed>;
    (drawn, printed) = laid
        .into_par_iter()
        .map(|(d, pages)| {
            let drawn = write::draw(ts.of(d), &subsets, d, &pages)?;
            let key = doc_key(d);
            let own = [write::Bound { pages: &drawn, outline: Vec::new(), blocks: &d.blocks, title: &d.title }];
            let glyphs = write::document_glyphs(ts.of(d), d, &pages);
            let faces = subsets.thinned(fonts, &glyphs);
            let bytes = Arc::new(write::pdf(ts.of(d), &faces, &d.title, &own, false, &key[..16])?);
            bar.inc(1);
            ctx.write_shared(&paths::in_site(&d.file), bytes)?;
            Ok(((d, drawn), (d.file.as_str(), glyphs.printed())))
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    // Timed apart: the combined files are what a print room asks for.
    let started = std::time::Instant::now();
    let combined = batches(inst, &drawn);
    combined.par_iter().try_for_each(|b| {
        let members: Vec<cache::Key> = b.docs.iter().map(|m| doc_key(m.doc)).collect();
        let mut parts: Vec<&[u8]> = vec![style_key, b.path.as_bytes(), b.title.as_bytes()];
        parts.extend(members.iter().map(|k| k.as_slice()));
        let key = cache::key(&parts);
        let bound: Vec<write::Bound> = b
            .docs
            .iter()
            .map(|m| write::Bound {
                pages: m.pages,
                outline: m.outline.clone(),
                blocks: &m.doc.blocks,
                title: &m.doc.title,
            })
            .collect();
        // Combined files hold documents of one kind, so of one paper.
        let paper = b.docs.first().map_or(&ts.official, |m| ts.of(m.doc));
        // A department's file carries the glyphs of its own documents, not the institution's
        // (its eight duty cards printed 443 of the 778 characters and were 264 KB, 222 KB of
        // them fonts).
        let members = b.docs.iter().map(|m| {
            let file = m.doc.file.as_str();
            printed.get(file).ok_or_else(|| Error::internal(t!("pdf-no-characters", file)))
        });
        let glyphs = Glyphs::of_all(members.collect::<Result<Vec<_>>>()?);
        let faces = subsets.thinned(fonts, &glyphs);
        let bytes = Arc::new(write::pdf(paper, &faces, &b.title, &bound, true, &key[..16])?);
        ctx.write_shared(&paths::in_site(&b.path), bytes)
    })?;
    Ok((started.elapsed().as_micros() as u64, combined.iter().map(Batch::pages).sum()))
}

/// A document's pages: set on the grid, or drawn (the network diagram).
fn lay_out(ts: &layout::Typesetter, d: &Document) -> Vec<Page> {
    match d.blocks.iter().any(|b| matches!(b, Block::Network(_))) {
        true => network::pages(ts, &d.blocks),
        false => ts.pages(&d.blocks, d.number.as_deref()),
    }
}

/// Documents that print mostly the same words, and so share their font subsets: a subset per
/// document would cost more than the page (see `embed`), one per institution would make every
/// letter carry the glyphs of the hazard ledger's descriptions and names too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Family {
    /// Duty cards, letters and campaign reports: the duties and who holds them.
    Duties,
    /// Risk notice cards.
    Risks,
    /// The hazard ledger's notices, bulletins, yearly ledgers and inspection forms.
    Hazards,
}

impl Family {
    fn of(kind: Kind) -> Family {
        match kind {
            Kind::Card | Kind::Letter | Kind::Report | Kind::Register | Kind::Display | Kind::Network => Family::Duties,
            Kind::RiskCard => Family::Risks,
            Kind::Notice | Kind::Bulletin | Kind::Ledger | Kind::Form => Family::Hazards,
        }
    }
}

/// A progress bar on stderr for long runs; hidden otherwise (and when stderr is no terminal).
fn progress(show: bool, len: u64) -> indicatif::ProgressBar {
    if !show || len < 200 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(Some(len), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template("PDF {bar:40} {pos}/{len} {per_sec} {eta}") {
        bar.set_style(style);
    }
    bar
}

/// A combined file for printing; `P` is a page (laid out or drawn).
pub(crate) struct Batch<'a, P> {
    /// Below the site root.
    pub(crate) path: String,
    pub(crate) title: String,
    pub(crate) docs: Vec<Member<'a, P>>,
}

/// A document in a combined file, and its place in the file's outline (bookmarks): its
/// department, in a file of the whole institution, then its post and holder.
pub(crate) struct Member<'a, P> {
    pub(crate) doc: &'a Document,
    pub(crate) pages: &'a [P],
    pub(crate) outline: Vec<String>,
}

impl<P> Batch<'_, P> {
    /// Its pages, with the blank pages that start each document on a new sheet.
    pub(crate) fn pages(&self) -> usize {
        self.docs.iter().map(|m| m.pages.len() + m.pages.len() % 2).sum()
    }
}

/// An institution's combined files for printing: all of it and per department, in department
/// order, for each kind that is combined. The file of the whole institution keeps its
/// departments together, so that its outline has one entry for each.
pub(crate) fn batches<'a, P>(inst: &Institution, laid: &'a [(&'a Document, Vec<P>)]) -> Vec<Batch<'a, P>> {
    let mut out = Vec::new();
    // A department's register is one document already: no file of its own again.
    for (kind, name, label, per_department) in [
        (Kind::Card, "cards", "岗位安全生产责任清单", true),
        (Kind::Letter, "letters", "安全生产责任书", true),
        (Kind::RiskCard, "risk-cards", "岗位安全风险告知卡", true),
        (Kind::Register, "registers", "安全生产责任书签订台账", false),
    ] {
        let mut by_dept: BTreeMap<usize, Vec<(&Document, &[P])>> = BTreeMap::new();
        for (d, p) in laid.iter().filter(|(d, _)| d.institution == inst.id && d.kind == kind) {
            let order = inst.departments.iter().position(|x| x.id == d.department).unwrap_or(usize::MAX);
            by_dept.entry(order).or_default().push((*d, p.as_slice()));
        }
        if by_dept.is_empty() {
            continue;
        }
        let mut all = Vec::new();
        for (order, group) in by_dept {
            let dept = inst.departments.get(order);
            let members = |above: Option<&str>| -> Vec<Member<'a, P>> {
                group
                    .iter()
                    .map(|&(doc, pages)| {
                        let outline = above.map(str::to_string).into_iter().chain([entry(inst, doc)]).collect();
                        Member { doc, pages, outline }
                    })
                    .collect()
            };
            all.extend(members(dept.map(|d| d.name.as_str())));
            let Some(dept) = dept.filter(|_| per_department) else { continue };
            let path = paths::department_combined(&inst.id, &dept.id, name);
            out.push(Batch {
                path,
                title: format!("{}{}{}（合订）", inst.name, dept.name, label),
                docs: members(None),
            });
        }
        out.push(Batch {
            path: paths::combined(&inst.id, name),
            title: format!("{}{}（合订）", inst.name, label),
            docs: all,
        });
    }
    out
}

/// A document's entry in an outline: its post, and for a letter the person who signs it.
fn entry(inst: &Institution, doc: &Document) -> String {
    let post = inst.post(&doc.post).map_or(doc.title.as_str(), |p| p.name.as_str());
    match doc.person.as_deref().and_then(|p| inst.person(p)) {
        Some(person) => format!("{post}　{}", person.name),
        None => post.to_string(),
    }
}

/// Runs of text without a break opportunity (a URL, a long number) wider than the type area of
/// their document's paper in its body type: the typesetter cuts them where they reach the margin
/// (`linebreak::fill`), which the content's author should know. Each run once, with the first
/// document that prints it.
pub(crate) fn unbreakable_runs<'a>(
    docs: impl Iterator<Item = &'a Document>,
    fonts: &FontSet,
    style: &style::Style,
) -> BTreeMap<String, String> {
    let papers = Papers::of(style);
    let ts = papers.typesetters(style, fonts);
    let mut runs = BTreeMap::new();
    for doc in docs {
        let t = ts.of(doc);
        let (size, tracking, width) = (t.style.sizes.body, t.style.tracking(), t.style.type_area.width * style::MM);
        // Ideographs break between any two: only a stretch of other characters can be too wide,
        // and not one of 20 characters of at most one em each, on any paper of the style.
        let long = |text: &str| text.split(is_ideographic_or_blank).any(|run| run.chars().nth(20).is_some());
        for text in doc.blocks.iter().flat_map(|b| b.texts()).filter(|t| long(t)) {
            let mut start = 0;
            for (end, _) in linebreak::opportunities(text) {
                let run = text[start..end].trim_end();
                start = end;
                if linebreak::width(run, |c| fonts.body.advance(c, size), tracking) > width {
                    runs.entry(run.to_string()).or_insert_with(|| doc.file.clone());
                }
            }
        }
    }
    runs
}

fn is_ideographic_or_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c as u32, 0x3000..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Every character must be in the font that prints it: a rare character in a name must never
/// become an empty box. The error names the person (or post) and where it is written.
fn coverage(model: &Model, docs: &[&Document], fonts: &FontSet) -> Result<()> {
    let mut problems: BTreeMap<(char, String), String> = BTreeMap::new();
    for (c, (font, institution)) in missing_glyphs(docs.iter().copied(), fonts, None) {
        problems.entry((c, whereabouts(model, &institution, c))).or_insert(font);
    }
    if problems.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = problems
        .iter()
        .take(20)
        .map(|((c, place), font)| {
            let code = format!("U+{:04X}", *c as u32);
            format!(
                "  {}",
                t!("pdf-glyph-line", char = c.to_string(), code, place = place.as_str(), font = font.as_str())
            )
        })
        .collect();
    Err(Error::theme(t!("pdf-glyphs", count = problems.len(), lines = lines.join("\n"))))
}

/// The characters of `docs` that the face printing them lacks: each with that face's name and
/// the institution of the first document that prints it. With `printed`, every character they
/// print is added to it (with the role of the face that prints it).
pub(crate) fn missing_glyphs<'a>(
    docs: impl Iterator<Item = &'a Document>,
    fonts: &FontSet,
    mut printed: Option<&mut Glyphs>,
) -> BTreeMap<char, (String, String)> {
    let mut missing = BTreeMap::new();
    for doc in docs {
        let mut note = |role: Role, text: &str| {
            let face = fonts.stack(role);
            for c in text.chars().filter(|c| !face.has(*c)) {
                missing.entry(c).or_insert_with(|| (face.name(), doc.institution.clone()));
            }
            if let Some(printed) = printed.as_deref_mut() {
                printed.add(role, text);
            }
        };
        // The document number and the footer are printed too.
        note(Role::Body, &format!("{} 校验码 — 0123456789 —", doc.number.as_deref().unwrap_or("")));
        for block in &doc.blocks {
            // Each text with the face that prints it (`layout`): a signature block's header
            // is set in the heading face.
            match block {
                Block::Title(t) => note(Role::Title, t),
                Block::Heading(t) => note(Role::Heading, t),
                Block::Signatures { header, rows } | Block::Table { head: header, rows, .. } => {
                    header.iter().for_each(|h| note(Role::Heading, h));
                    rows.iter().flatten().for_each(|r| note(Role::Body, r));
                }
                Block::Network(root) => root.visit(&mut |n| {
                    note(Role::Heading, &n.heading);
                    n.lines.iter().for_each(|l| note(Role::Body, l));
                }),
                _ => block.texts().into_iter().for_each(|t| note(Role::Body, t)),
            }
        }
    }
    missing
}

/// Who or what a character comes from: a person's name, a post's text, the institution's name,
/// or else the theme's template.
fn whereabouts(model: &Model, institution: &str, c: char) -> String {
    let Some(inst) = model.institution(institution) else { return t!("pdf-in-templates") };
    if let Some(p) = inst.people.iter().find(|p| p.name.contains(c)) {
        return t!("pdf-in-person", name = p.name.as_str(), file = p.source.as_str());
    }
    let post_text = |p: &crate::model::Post| {
        std::iter::once(p.name.as_str())
            .chain(std::iter::once(p.scope.as_str()))
            .chain(p.duties.iter().map(|d| d.text.as_str()))
            .chain(p.business_duties.iter().map(String::as_str))
            .chain(p.assessment.iter().map(String::as_str))
            .chain(p.rewards_penalties.iter().map(String::as_str))
            .any(|t| t.contains(c))
    };
    if let Some(p) = inst.posts.iter().find(|p| post_text(p)) {
        return t!("pdf-in-post", name = p.name.as_str(), file = p.source.as_str());
    }
    if inst.name.contains(c) {
        return t!("pdf-in-institution", name = inst.name.as_str(), file = inst.source.as_str());
    }
    if let LetterNumbers::Document(style) = &inst.letter_numbers
        && style.contains(c)
    {
        return t!("pdf-in-doc-number", name = inst.name.as_str(), file = inst.source.as_str());
    }
    t!("pdf-in-templates")
}

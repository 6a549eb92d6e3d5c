//! Laid-out pages → the bytes of one PDF file (pdf-writer), with the group's font subsets
//! (`embed`) copied in. Pages are drawn top-down in points; PDF's origin is bottom left.

use std::borrow::Cow;

use pdf_writer::types::{CidFontType, FontFlags, NumberingStyle, OutputIntentSubtype, PageMode};
use pdf_writer::writers::PageLabel;
use pdf_writer::writers::WMode;
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Settings, Str, TextStr};

use super::embed::{self, Embedded, Faces, Glyphs, ROLES, Subsets};
use super::fonts::Role;
use super::layout::{Page, Shape, Typesetter, Typesetters};
use super::style::MM;
use crate::error::Result;
use crate::render::deflate;
use crate::render::document::{Block, CODE_ALPHABET, Document, Kind};

/// Text at a place on the page: `y` is its baseline, from the top; `spacing` follows every
/// character.
pub(crate) struct Text<'a> {
    pub(crate) role: Role,
    pub(crate) size: f32,
    pub(crate) x: f32,
    pub(crate) y: f32,
    /// Borrowed from the page's lines and shapes (a page's texts are listed twice: for its
    /// characters and for its drawing); the footer's texts are made for it, so owned.
    pub(crate) text: Cow<'a, str>,
    pub(crate) spacing: f32,
    /// The block it belongs to (index in the document's blocks); none for the footer.
    pub(crate) block: Option<u32>,
}

/// Everything printed on page `number` (from 1) of `doc`: its lines and its footer.
pub(crate) fn texts<'p>(ts: &Typesetter, doc: &Document, page: &'p Page, number: usize) -> Vec<Text<'p>> {
    let style = ts.style;
    let mut out = Vec::new();
    for placed in &page.lines {
        let row_top = style.margin.top * MM + placed.row as f32 * style.pitch();
        for run in &placed.line.runs {
            let y = row_top + style.pitch() / 2.0 + run.size * 0.36;
            out.push(Text {
                role: run.role,
                size: run.size,
                x: run.x,
                y,
                text: Cow::Borrowed(&run.text),
                spacing: run.spacing,
                block: placed.line.block,
            });
        }
    }
    // What is drawn off the grid is the network diagram, title and all: one figure.
    let figure = doc.blocks.iter().position(|b| matches!(b, Block::Network(_))).map(|i| i as u32);
    for shape in &page.shapes {
        if let Shape::Text { role, size, x, y, text } = shape {
            let (role, size, x, y, text) = (*role, *size, *x, *y, text.as_str().into());
            out.push(Text { role, size, x, y, text, spacing: 0.0, block: figure });
        }
    }
    out.extend(footer(ts, doc, number));
    out
}

/// Every character a verification code may have (page numbers are digits too), which a group
/// of documents' subsets always hold: an edit changes codes, and should change the subsets
/// only when it brings a new character of its own.
pub(crate) fn code_glyphs() -> Glyphs {
    let mut glyphs = Glyphs::default();
    glyphs.add(Role::Body, &String::from_utf8_lossy(CODE_ALPHABET));
    glyphs
}

/// The characters `docs` print, per face, with those of any code.
pub(crate) fn glyphs(ts: &Typesetters, docs: &[(&Document, Vec<Page>)]) -> Glyphs {
    let mut glyphs = code_glyphs();
    for (d, pages) in docs {
        add(&mut glyphs, ts.of(d), d, pages);
    }
    glyphs
}

/// The characters one document prints, per face: what its own file embeds (`Subsets::thinned`).
pub(crate) fn document_glyphs(ts: &Typesetter, doc: &Document, pages: &[Page]) -> Glyphs {
    let mut glyphs = Glyphs::default();
    add(&mut glyphs, ts, doc, pages);
    glyphs
}

fn add(glyphs: &mut Glyphs, ts: &Typesetter, doc: &Document, pages: &[Page]) {
    for (n, page) in pages.iter().enumerate() {
        for t in texts(ts, doc, page, n + 1) {
            glyphs.add(t.role, &t.text);
        }
    }
}

/// GB/T 9704 page numbers ("— 1 —", 4号, the top of the dashes 7 mm under the type area; odd
/// pages on the right, even on the left, one character in), and the verification code under
/// them on the documents that carry one.
fn footer(ts: &Typesetter, doc: &Document, page: usize) -> Vec<Text<'static>> {
    let style = ts.style;
    let body = ts.face(Role::Body);
    let size = 14.0;
    let text = format!("— {page} —");
    let width = text.chars().map(|c| body.advance(c, size)).sum::<f32>();
    let left = style.margin.left * MM;
    let right = left + style.type_area.width * MM;
    let x = if page % 2 == 1 { right - size - width } else { left + size };
    // The baseline lies as far below the 7 mm as the dash's ink rises above it (0.4 em in the
    // Song faces; that where a face cannot say).
    let y = (style.margin.top + style.type_area.height + 7.0) * MM + size * body.ink_top('—').unwrap_or(0.4);
    let code = match &doc.number {
        Some(n) => format!("{n}　校验码 {}", doc.code),
        None => format!("校验码 {}", doc.code),
    };
    let small = style.sizes.footer;
    let w = code.chars().map(|c| body.advance(c, small)).sum::<f32>();
    // A one-page drawing has no page number.
    if doc.kind == Kind::Network {
        return Vec::new();
    }
    let mut out = vec![Text { role: Role::Body, size, x, y, text: text.into(), spacing: 0.0, block: None }];
    if doc.kind.coded() {
        let x = left + (right - left - w) / 2.0;
        out.push(Text {
            role: Role::Body,
            size: small,
            x,
            y: y + 2.2 * small,
            text: code.into(),
            spacing: 0.0,
            block: None,
        });
    }
    out
}

/// A document's pages drawn and deflated. A page's bytes are the same in the document's own
/// file and in every combined file that holds it (they share the institution's subsets and
/// font names), so each page is drawn once.
pub(crate) fn draw(ts: &Typesetter, subsets: &Subsets, doc: &Document, pages: &[Page]) -> Result<Vec<Drawn>> {
    let height = ts.style.page.height * MM;
    pages.iter().enumerate().map(|(n, page)| page_content(ts, subsets, doc, page, n + 1, height)).collect()
}

/// A page drawn: its operators, deflated, and the block of each of its marked-content
/// sequences (by MCID), for the file's structure (`tagged`).
pub(crate) struct Drawn {
    pub(crate) content: Vec<u8>,
    pub(crate) marks: Vec<u32>,
}

/// One PDF of `docs`, each given as its drawn pages (several documents for a combined file).
/// `duplex` starts each document on a new sheet by adding a blank page after one with an odd
/// page count. `id` names the file (its trailer ID): derived from what it shows, so the same
/// input gives the same bytes.
pub(crate) fn pdf(
    ts: &Typesetter,
    fonts: &Faces<Embedded>,
    title: &str,
    docs: &[Bound],
    duplex: bool,
    id: &[u8],
) -> Result<Vec<u8>> {
    let style = ts.style;
    let (width, height) = (style.page.width * MM, style.page.height * MM);
    let mut pdf = Pdf::with_settings_and_capacity(COMPACT, estimated_len(fonts, docs));
    let mut next = Ref::new(1);
    let mut alloc = || next.bump();
    let (catalog, tree, info, metadata, profile) = (alloc(), alloc(), alloc(), alloc(), alloc());

    // Font objects (Type0 → CIDFont → descriptor → program, and ToUnicode) for every face
    // this group prints; each page names them as `font_name` does.
    let names: Vec<(String, &Embedded)> = ROLES
        .iter()
        .zip(fonts)
        .flat_map(|(&role, stack)| {
            stack.iter().enumerate().filter_map(move |(i, f)| Some((font_name(role, i), f.as_ref()?)))
        })
        .collect();
    let mut resources: Vec<(Name, Ref)> = Vec::new();
    for (name, face) in &names {
        let (type0, cid, descriptor, program, cmap) = (alloc(), alloc(), alloc(), alloc(), alloc());
        resources.push((Name(name.as_bytes()), type0));
        write_font(&mut pdf, face, [type0, cid, descriptor, program, cmap]);
    }

    let mut kids = Vec::new();
    // Each document's first page, in `kids`.
    let mut starts = Vec::new();
    let mut tagged = Vec::new();
    for doc in docs {
        starts.push(kids.len());
        let mut pages = Vec::new();
        for drawn in doc.pages {
            // A page's key in the parent tree: its place in the file.
            let key = kids.len() as i32;
            let page = page_object(&mut pdf, &mut alloc, tree, &resources, [width, height], Some((drawn, key)));
            kids.push(page);
            pages.push((page, key, drawn.marks.as_slice()));
        }
        tagged.push(super::tagged::Tagged { blocks: doc.blocks, title: doc.title, pages });
        if duplex && doc.pages.len() % 2 == 1 {
            kids.push(page_object(&mut pdf, &mut alloc, tree, &resources, [width, height], None));
        }
    }
    pdf.pages(tree).kids(kids.iter().copied()).count(kids.len() as i32);
    let bound = docs.iter().any(|d| !d.outline.is_empty());
    let outline = bound.then(|| outline(&mut pdf, &mut alloc, docs, &starts, &kids, height));
    // Page labels that start again with each document, after its name: "电工　牛二虎 2".
    let labels: Vec<Ref> = match bound {
        true => docs.iter().map(|_| alloc()).collect(),
        false => Vec::new(),
    };
    for (doc, &label) in docs.iter().zip(&labels) {
        let mut page_label = pdf.indirect(label).start::<PageLabel>();
        page_label.style(NumberingStyle::Arabic);
        if let Some(name) = doc.outline.last() {
            page_label.prefix(TextStr(&format!("{name} ")));
        }
    }
    // PDF/A-2b (archive.rs): the metadata, and the colour profile of the device colours.
    let xmp = super::archive::xmp(title);
    pdf.metadata(metadata, xmp.as_bytes());
    pdf.icc_profile(profile, super::archive::srgb()).n(3);
    let structure = super::tagged::write(&mut pdf, &mut alloc, &tagged);
    let mut cat = pdf.catalog(catalog);
    cat.pages(tree).lang(TextStr("zh-CN")).metadata(metadata);
    cat.mark_info().marked(true);
    cat.pair(Name(b"StructTreeRoot"), structure);
    cat.output_intents()
        .push()
        .subtype(OutputIntentSubtype::PDFA)
        .output_condition_identifier(TextStr(super::archive::SRGB))
        .registry_name(TextStr("http://www.color.org"))
        .info(TextStr(super::archive::SRGB))
        .dest_output_profile(profile);
    cat.viewer_preferences().display_doc_title(true);
    if let Some(root) = outline {
        cat.outlines(root).page_mode(PageMode::UseOutlines);
        let mut tree = cat.page_labels();
        let mut nums = tree.nums();
        for (&start, &label) in starts.iter().zip(&labels) {
            nums.insert(start as i32, label);
        }
    }
    cat.finish();
    pdf.document_info(info).title(TextStr(title));
    pdf.set_file_id((id.to_vec(), id.to_vec()));
    // A cross-reference stream (PDF 1.5, allowed by PDF/A-2): offsets in binary, where a table
    // formats twenty characters for each object (1.7 % of a letters build).
    Ok(pdf.finish_with_xref_stream(alloc()))
}

/// A document's drawn pages in a file and, in a combined file, its place in the outline: the
/// titles of the groups above it (its department) and its own.
pub(crate) struct Bound<'a> {
    pub(crate) pages: &'a [Drawn],
    pub(crate) outline: Vec<String>,
    /// The document's blocks and title, for the file's structure.
    pub(crate) blocks: &'a [Block],
    pub(crate) title: &'a str,
}

/// The outline (bookmarks) of a combined file: the documents' titles, under their groups'
/// (consecutive documents with the same group share it), each opening the document's first
/// page. Returns the outline's root.
fn outline(
    pdf: &mut Pdf,
    alloc: &mut impl FnMut() -> Ref,
    docs: &[Bound],
    starts: &[usize],
    pages: &[Ref],
    height: f32,
) -> Ref {
    struct Item<'a> {
        title: &'a str,
        page: usize,
        kids: Vec<usize>,
    }
    // Items in document order; `top` are the outline's own, `items[i].kids` an item's.
    let mut items: Vec<Item> = Vec::new();
    let mut top: Vec<usize> = Vec::new();
    for (doc, &start) in docs.iter().zip(starts) {
        let mut parent: Option<usize> = None;
        for (depth, title) in doc.outline.iter().enumerate() {
            let leaf = depth + 1 == doc.outline.len();
            let siblings = match parent {
                None => &top,
                Some(p) => &items[p].kids,
            };
            let same = siblings.last().copied().filter(|&last| !leaf && items[last].title == title.as_str());
            let here = match same {
                Some(i) => i,
                None => {
                    items.push(Item { title, page: start, kids: Vec::new() });
                    let i = items.len() - 1;
                    match parent {
                        None => top.push(i),
                        Some(p) => items[p].kids.push(i),
                    }
                    i
                }
            };
            parent = Some(here);
        }
    }
    let root = alloc();
    let refs: Vec<Ref> = items.iter().map(|_| alloc()).collect();
    // Every item is open: its count is the number of its descendants.
    fn descendants(items: &[Item], i: usize) -> i32 {
        items[i].kids.iter().map(|&k| 1 + descendants(items, k)).sum()
    }
    let write_level = |pdf: &mut Pdf, parent: Ref, level: &[usize]| {
        for (j, &i) in level.iter().enumerate() {
            let mut item = pdf.outline_item(refs[i]);
            item.title(TextStr(items[i].title)).parent(parent);
            if j > 0 {
                item.prev(refs[level[j - 1]]);
            }
            if let Some(&n) = level.get(j + 1) {
                item.next(refs[n]);
            }
            if let (Some(&first), Some(&last)) = (items[i].kids.first(), items[i].kids.last()) {
                item.first(refs[first]).last(refs[last]).count(descendants(&items, i));
            }
            item.dest().page(pages[items[i].page]).xyz(0.0, height, None);
        }
    };
    write_level(pdf, root, &top);
    for i in 0..items.len() {
        write_level(pdf, refs[i], &items[i].kids);
    }
    let mut outline = pdf.outline(root);
    if let (Some(&first), Some(&last)) = (top.first(), top.last()) {
        outline.first(refs[first]).last(refs[last]);
    }
    outline.count(items.len() as i32);
    root
}

/// A file's length, about: its fonts' programs and maps, its pages' streams, and some for each
/// other object. Written into a buffer of that size, a file is not copied again and again as it
/// grows (a department's combined letters are megabytes).
fn estimated_len(fonts: &Faces<Embedded>, docs: &[Bound]) -> usize {
    let fonts: usize =
        fonts.iter().flatten().flatten().map(|e| e.program.len() + e.subset.to_unicode.len() + 1024).sum();
    let pages: usize = docs.iter().flat_map(|d| d.pages).map(|p| p.content.len() + 512 + 64 * p.marks.len()).sum();
    let blocks: usize = docs.iter().map(|d| 160 * d.blocks.len()).sum();
    fonts + pages + blocks + super::archive::srgb().len() + 8192
}

/// Objects and operators written without indentation and line breaks of their own: what a
/// reader parses, no more (pdf-writer's default indents for people reading the file).
const COMPACT: Settings = Settings { pretty: false };

/// Pages are compressed in every file: at 1,000 one-page letters, level 6 made all PDFs 1 %
/// smaller than level 1 and the build 15 % slower (0.30 s against 0.26 s; zlib-rs, before
/// `render::deflate`).
const PAGE_LEVEL: u8 = 1;

/// A page's name for the `i`th face of `role`'s stack: F0–F2 for the first faces (body,
/// heading, title), F0-1 for the body's first fallback.
fn font_name(role: Role, i: usize) -> String {
    let r = ROLES.iter().position(|x| *x == role).unwrap_or(0);
    match i {
        0 => format!("F{r}"),
        _ => format!("F{r}-{i}"),
    }
}

fn page_object(
    pdf: &mut Pdf,
    alloc: &mut impl FnMut() -> Ref,
    tree: Ref,
    fonts: &[(Name, Ref)],
    [width, height]: [f32; 2],
    content: Option<(&Drawn, i32)>,
) -> Ref {
    let id = alloc();
    let content_id = content.as_ref().map(|_| alloc());
    let mut page = pdf.page(id);
    page.media_box(Rect::new(0.0, 0.0, width, height)).parent(tree);
    if let (Some(c), Some((_, key))) = (content_id, content) {
        page.contents(c).struct_parents(key);
    }
    page.resources().fonts().pairs(fonts.iter().copied());
    page.finish();
    if let (Some(c), Some((drawn, _))) = (content_id, content) {
        pdf.stream(c, &drawn.content).filter(Filter::FlateDecode);
    }
    id
}

/// The page's drawing operators, deflated: each block's text in a marked-content sequence of
/// its own (tagged with its structure type, numbered in page order), the footer, rules and
/// boxes as artifacts.
fn page_content(
    ts: &Typesetter,
    subsets: &Subsets,
    doc: &Document,
    page: &Page,
    number: usize,
    height: f32,
) -> Result<Drawn> {
    let style = ts.style;
    let mut c = Content::with_settings(COMPACT);
    let mut marks: Vec<u32> = Vec::new();
    // The sequence open: the block whose text it holds, none for an artifact.
    let mut open: Option<Option<u32>> = None;
    // The text state as set last: it outlasts each text object, so a line sets only what
    // changed (spacing is 0 in a new page's state).
    let mut spacing = 0.0;
    let mut font: Option<(Role, usize, f32)> = None;
    for t in texts(ts, doc, page, number) {
        // Each piece in the face of the stack that prints it. No subset: the group prints no
        // character in this role, so neither does this text (a heading left blank by a
        // theme's template, say).
        let stack = ts.face(t.role);
        let pieces: Vec<(usize, Vec<u8>)> = stack
            .pieces(&t.text)
            .into_iter()
            .filter_map(|(i, piece)| Some((i, subsets.get(t.role, i)?.encode(&stack.faces[i], &piece))))
            .filter(|(_, codes)| !codes.is_empty())
            .collect();
        if pieces.is_empty() {
            continue;
        }
        if open != Some(t.block) {
            if open.is_some() {
                c.end_marked_content();
            }
            match t.block.and_then(|b| Some((b, doc.blocks.get(b as usize)?))) {
                Some((b, block)) => {
                    c.begin_marked_content_with_properties(super::tagged::tag(block))
                        .properties()
                        .identify(marks.len() as i32);
                    marks.push(b);
                }
                None => {
                    c.begin_marked_content(Name(b"Artifact"));
                }
            }
            open = Some(t.block);
        }
        c.begin_text();
        if t.spacing != spacing {
            c.set_char_spacing(t.spacing);
            spacing = t.spacing;
        }
        // A text object starts at the origin: the line's place is a move from there.
        c.next_line(t.x, height - t.y);
        // A piece ends where the next begins: showing text moves the text position on.
        for (i, codes) in pieces {
            if font != Some((t.role, i, t.size)) {
                c.set_font(Name(font_name(t.role, i).as_bytes()), t.size);
                font = Some((t.role, i, t.size));
            }
            c.show(Str(&codes));
        }
        c.end_text();
    }
    if open.is_some() {
        c.end_marked_content();
    }
    c.begin_marked_content(Name(b"Artifact"));
    // Where to sign: a thin rule under the line.
    for placed in &page.lines {
        let row_top = style.margin.top * MM + placed.row as f32 * style.pitch();
        // A table's line: its cells' edges down the line, its row's edges across.
        if let Some(cells) = &placed.line.cells {
            let (top, bottom) = (height - row_top, height - row_top - style.pitch());
            let (left, right) = (cells.edges[0], cells.edges[cells.edges.len() - 1]);
            c.set_line_width(0.5);
            for x in cells.edges.iter() {
                c.move_to(*x, top);
                c.line_to(*x, bottom);
            }
            for y in [(cells.top, top), (cells.bottom, bottom)].into_iter().filter(|(on, _)| *on).map(|(_, y)| y) {
                c.move_to(left, y);
                c.line_to(right, y);
            }
            c.stroke();
        }
        for rule in &placed.line.rules {
            let y = height - (row_top + style.pitch() / 2.0 + style.sizes.body * 0.36 + 3.0);
            c.set_line_width(0.6);
            c.move_to(rule.x0, y);
            c.line_to(rule.x1, y);
            c.stroke();
        }
    }
    // The network diagram's boxes and lines.
    let flip = |(x, y): (f32, f32)| (x, height - y);
    for shape in &page.shapes {
        match *shape {
            Shape::Line { from, to } => {
                let ((x0, y0), (x1, y1)) = (flip(from), flip(to));
                c.set_line_width(0.6);
                c.move_to(x0, y0);
                c.line_to(x1, y1);
                c.stroke();
            }
            Shape::Frame { x, y, width, height: h } => {
                c.set_line_width(0.8);
                c.rect(x, height - y - h, width, h);
                c.stroke();
            }
            Shape::Text { .. } => {}
        }
    }
    c.end_marked_content();
    Ok(Drawn { content: deflate::zlib(&c.finish(), PAGE_LEVEL)?, marks })
}

/// Copies a face's subset into the file: a Type0 font over one CID font (Identity-H: two
/// bytes per character id), its descriptor, its program and its ToUnicode map.
fn write_font(pdf: &mut Pdf, e: &Embedded, [type0, cid, descriptor, program, cmap]: [Ref; 5]) {
    let s = e.subset;
    let base = Name(e.base_font.as_bytes());
    // A CFF face's Type0 name carries the encoding (PDF 32000 9.7.6.1).
    let type0_name = match s.cff {
        true => format!("{}-Identity-H", e.base_font),
        false => e.base_font.to_string(),
    };
    pdf.type0_font(type0)
        .base_font(Name(type0_name.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);

    let mut font = pdf.cid_font(cid);
    font.subtype(if s.cff { CidFontType::Type0 } else { CidFontType::Type2 });
    font.base_font(base);
    font.system_info(embed::SYSTEM_INFO);
    font.font_descriptor(descriptor);
    font.default_width(0.0);
    if !s.cff {
        font.cid_to_gid_map_predefined(Name(b"Identity"));
    }
    // Runs of equal widths (most CJK characters are 1 em) as `first last width`.
    let mut w = font.widths();
    let mut first = 0;
    while first < s.widths.len() {
        let mut last = first;
        while last + 1 < s.widths.len() && s.widths[last + 1] == s.widths[first] {
            last += 1;
        }
        if s.widths[first] != 0.0 {
            w.same(first as u16, last as u16, s.widths[first]);
        }
        first = last + 1;
    }
    w.finish();
    font.finish();

    let d = &s.descriptor;
    let mut flags = FontFlags::SYMBOLIC;
    flags.set(FontFlags::SERIF, d.serif);
    flags.set(FontFlags::ITALIC, d.italic_angle != 0.0);
    let mut fd = pdf.font_descriptor(descriptor);
    fd.name(base)
        .flags(flags)
        .bbox(Rect::new(d.bbox[0], d.bbox[1], d.bbox[2], d.bbox[3]))
        .italic_angle(d.italic_angle)
        .ascent(d.ascent)
        .descent(d.descent)
        .cap_height(d.cap_height)
        .stem_v(d.stem_v);
    match s.cff {
        true => fd.font_file3(program),
        false => fd.font_file2(program),
    };
    fd.finish();

    let mut stream = pdf.stream(program, &e.program);
    if !s.cff {
        stream.filter(Filter::FlateDecode);
    }
    match s.cff {
        true => stream.pair(Name(b"Subtype"), Name(b"CIDFontType0C")),
        // A TrueType program's length before decoding is required (Table 127).
        false => stream.pair(Name(b"Length1"), s.program_length as i32),
    };
    stream.finish();
    let mut m = pdf.cmap(cmap, &s.to_unicode);
    m.filter(Filter::FlateDecode);
    m.writing_mode(WMode::Horizontal);
    m.finish();
}

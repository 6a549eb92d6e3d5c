//! Typesetting: a document's blocks → lines on the page grid → pages. Pure geometry (points,
//! origin top left, y down); `draw` turns pages into PDF.
//!
//! Rules: every line sits on the grid (`lines_per_page` lines in the type area); paragraphs and
//! items are justified (their last line is not); a numbered item and the signature block are
//! never split across pages; a paragraph never leaves its last line alone at the top of a page
//! or its first line alone at the bottom; a heading never ends a page.

use super::fonts::{FontSet, Role, Stack};
use super::linebreak;
use super::memo::Memo;
use super::style::{MM, Style};
use crate::render::document::{Align, Paper};
use crate::render::documents::Block;

/// Text drawn from `x` on a line, with `spacing` added after every character but the last.
#[derive(Debug, Clone)]
pub(crate) struct Run {
    pub(crate) role: Role,
    pub(crate) size: f32,
    pub(crate) x: f32,
    pub(crate) text: String,
    pub(crate) spacing: f32,
}

/// A horizontal rule on a line (where to sign).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rule {
    pub(crate) x0: f32,
    pub(crate) x1: f32,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Line {
    pub(crate) runs: Vec<Run>,
    pub(crate) rules: Vec<Rule>,
    /// A line of a table row: where its cells are ruled.
    pub(crate) cells: Option<Cells>,
    /// The block it sets (its index in the document's blocks): its place in the tagged structure.
    pub(crate) block: Option<u32>,
}

/// The rules of a table row's line: the columns' edges, and the row's top and bottom edge
/// where the line opens or closes its row.
#[derive(Debug, Clone)]
pub(crate) struct Cells {
    pub(crate) edges: std::sync::Arc<[f32]>,
    pub(crate) top: bool,
    pub(crate) bottom: bool,
}

/// How a group of lines may be split across pages.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Keep {
    /// Never split.
    Whole,
    /// Split, but not leaving one line alone on either page.
    Paragraph,
    /// A heading: at least two lines of what follows must fit after it.
    WithNext,
    /// Never split, and never alone at the top of a page: the signature block. A page of
    /// signatures without text could be put under any other text (the office writes
    /// 此页无正文 on such a page by hand); the last lines of the text before it come along.
    WithPrevious,
}

struct Chunk {
    lines: Vec<Line>,
    keep: Keep,
    /// Blank lines before the chunk (dropped at the top of a page).
    space_before: usize,
    /// A table row: the chunk of its table's header, set again above it when it opens a page.
    repeat: Option<usize>,
    /// Set only again above the chunks that repeat it, never in its own place.
    hidden: bool,
}

impl Chunk {
    fn new(lines: Vec<Line>, keep: Keep, space_before: usize) -> Self {
        Chunk { lines, keep, space_before, repeat: None, hidden: false }
    }
}

/// A positioned line: its grid row on the page.
pub(crate) struct Placed {
    pub(crate) row: usize,
    pub(crate) line: Line,
}

pub(crate) struct Page {
    pub(crate) lines: Vec<Placed>,
    /// What is drawn off the grid (the network diagram's boxes), in points from the top left.
    pub(crate) shapes: Vec<Shape>,
}

#[derive(Debug, Clone)]
pub(crate) enum Shape {
    /// Text whose baseline starts at (`x`, `y`).
    Text { role: Role, size: f32, x: f32, y: f32, text: String },
    /// A straight line.
    Line { from: (f32, f32), to: (f32, f32) },
    /// A ruled box with its top left corner at (`x`, `y`).
    Frame { x: f32, y: f32, width: f32, height: f32 },
}

/// Where a paragraph goes: its left edge and width, and the indents of its first and
/// following lines.
#[derive(Debug, Clone, Copy)]
struct Frame {
    x: f32,
    width: f32,
    first_indent: f32,
    rest_indent: f32,
}

impl Frame {
    fn new(x: f32, width: f32, first_indent: f32, rest_indent: f32) -> Self {
        Frame { x, width, first_indent, rest_indent }
    }
}

pub(crate) struct Typesetter<'a> {
    pub(crate) style: &'a Style,
    pub(crate) fonts: &'a FontSet,
    /// Numbered items as official documents set them (GB/T 9704: 左空二字、回行顶格, the
    /// number inline), or hanging after the number, as a posted list reads best.
    pub(crate) inline_items: bool,
    /// Paragraphs set already, for the files of one institution (see `Typesetters::remembering`).
    pub(crate) memo: Option<&'a Memo<Line>>,
}

/// The typesetters of a build, one for each paper (`document::Paper`): the theme's page, a
/// compact page for posted sheets and A4 turned for wide tables, all in the theme's faces.
pub(crate) struct Typesetters<'a> {
    pub(crate) official: Typesetter<'a>,
    pub(crate) posted: Typesetter<'a>,
    pub(crate) wide: Typesetter<'a>,
}

/// The styles of the compact and the turned paper, derived once from the theme's.
pub(crate) struct Papers {
    posted: Style,
    wide: Style,
}

impl Papers {
    pub(crate) fn of(style: &Style) -> Self {
        Papers { posted: style.posted(), wide: style.landscape() }
    }

    /// A typesetter for each paper: the theme's `style`, and these.
    pub(crate) fn typesetters<'a>(&'a self, style: &'a Style, fonts: &'a FontSet) -> Typesetters<'a> {
        Typesetters {
            official: Typesetter { style, fonts, inline_items: true, memo: None },
            posted: Typesetter { style: &self.posted, fonts, inline_items: false, memo: None },
            wide: Typesetter { style: &self.wide, fonts, inline_items: false, memo: None },
        }
    }
}

impl<'a> Typesetters<'a> {
    /// These typesetters, laying each paragraph out once into `memo` and copying it after.
    pub(crate) fn remembering(&self, memo: &'a Memo<Line>) -> Typesetters<'a> {
        let with = |t: &Typesetter<'a>| Typesetter { memo: Some(memo), ..*t };
        Typesetters { official: with(&self.official), posted: with(&self.posted), wide: with(&self.wide) }
    }

    /// The one that sets `doc`.
    pub(crate) fn of(&self, doc: &crate::render::document::Document) -> &Typesetter<'a> {
        match doc.kind.paper() {
            Paper::Official => &self.official,
            Paper::Posted => &self.posted,
            Paper::Wide => &self.wide,
        }
    }
}

impl Typesetter<'_> {
    /// The faces that print `role`'s text.
    pub(crate) fn face(&self, role: Role) -> &Stack {
        self.fonts.stack(role)
    }

    pub(super) fn left(&self) -> f32 {
        self.style.margin.left * MM
    }

    pub(super) fn width(&self) -> f32 {
        self.style.type_area.width * MM
    }

    pub(super) fn text_width(&self, role: Role, size: f32, text: &str, tracking: f32) -> f32 {
        let face = self.face(role);
        linebreak::width(text, |c| face.advance(c, size), tracking)
    }

    /// Breaks `text` into justified lines within `frame`.
    fn paragraph(&self, role: Role, size: f32, text: &str, frame: Frame) -> Vec<Line> {
        let tracking = if role == Role::Body { self.style.tracking() } else { 0.0 };
        let Some(memo) = self.memo else { return self.lay_paragraph(role, size, text, frame, tracking) };
        let Frame { x, width, first_indent, rest_indent } = frame;
        let [s, t, x, w, first, rest] = [size, tracking, x, width, first_indent, rest_indent].map(f32::to_bits);
        memo.get_or([role as u32, s, t, x, w, first, rest], text, || {
            self.lay_paragraph(role, size, text, frame, tracking)
        })
    }

    /// `paragraph`'s lines, laid out.
    fn lay_paragraph(&self, role: Role, size: f32, text: &str, frame: Frame, tracking: f32) -> Vec<Line> {
        let Frame { x, width, first_indent, rest_indent } = frame;
        let face = self.face(role);
        // The dash (破折号) is two em dashes, which most faces draw with a gap between them: one
        // two-em dash (U+2E3A) is drawn whole, where the face has it. The document's text (and
        // its code) keeps the two.
        let joined;
        let text = if text.contains("——") && face.has('⸺') {
            joined = text.replace("——", "⸺");
            joined.as_str()
        } else {
            text
        };
        let ranges =
            linebreak::fill(text, |c| face.advance(c, size), tracking, width - first_indent, width - rest_indent);
        let count = ranges.len();
        ranges
            .into_iter()
            .enumerate()
            .map(|(i, range)| {
                let piece = text[range].trim_end();
                let indent = if i == 0 { first_indent } else { rest_indent };
                let avail = width - indent;
                let runs = if i + 1 < count {
                    super::justify::line(piece, |c| face.advance(c, size), tracking, avail, x + indent)
                        .into_iter()
                        .map(|(x, text, spacing)| Run { role, size, x, text, spacing })
                        .collect()
                } else {
                    vec![Run { role, size, x: x + indent, text: piece.to_string(), spacing: tracking }]
                };
                Line { runs, ..Line::default() }
            })
            .collect()
    }

    /// The spacing that makes `text` exactly `avail` wide; a hanging mark at the end stays
    /// outside (悬挂标点).
    pub(super) fn justify(&self, role: Role, size: f32, text: &str, avail: f32, tracking: f32) -> f32 {
        let natural = self.text_width(role, size, text, tracking);
        let chars = text.chars().count();
        if natural > avail + 0.01 && chars > 2 {
            let last = text.char_indices().last().map_or(0, |(i, _)| i);
            let inner = self.text_width(role, size, &text[..last], tracking);
            return tracking + (avail - inner) / (chars - 2) as f32;
        }
        if chars < 2 || natural > avail {
            return tracking;
        }
        tracking + (avail - natural) / (chars - 1) as f32
    }

    fn centred(&self, role: Role, size: f32, text: &str) -> Vec<Line> {
        let face = self.face(role);
        let ranges = linebreak::fill(text, |c| face.advance(c, size), 0.0, self.width(), self.width());
        ranges
            .into_iter()
            .map(|r| {
                let piece = text[r].trim_end();
                let w = self.text_width(role, size, piece, 0.0);
                let x = self.left() + (self.width() - w).max(0.0) / 2.0;
                Line { runs: vec![Run { role, size, x, text: piece.to_string(), spacing: 0.0 }], ..Line::default() }
            })
            .collect()
    }

    fn chunks(&self, blocks: &[Block], number: Option<&str>) -> Vec<Chunk> {
        let body = self.style.sizes.body;
        let char_width = body + self.style.tracking();
        let (x, w) = (self.left(), self.width());
        // Hanging items all start their text at one indent, whatever their number's width.
        let widest = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Item { label, .. } => Some(self.text_width(Role::Body, body, label, 0.0)),
                _ => None,
            })
            .fold(0.0, f32::max);
        let hang = (2.0 * char_width).max(widest + self.style.tracking());
        let mut out = Vec::new();
        let per_page = self.style.lines_per_page as usize;
        // Rows of signature blocks that continue on pages of their own.
        let mut continued: Vec<std::ops::Range<usize>> = Vec::new();
        for (i, block) in blocks.iter().enumerate() {
            let start = out.len();
            match block {
                Block::Title(t) => {
                    let mut lines = self.centred(Role::Title, self.style.sizes.title, t);
                    if let Some(n) = number.filter(|_| out.is_empty()) {
                        lines.extend(self.centred(Role::Body, body, n));
                    }
                    out.push(Chunk::new(lines, Keep::Whole, 0));
                    out.push(Chunk::new(vec![Line::default()], Keep::Whole, 0));
                }
                Block::Heading(t) => out.push(Chunk::new(
                    self.paragraph(Role::Heading, body, t, Frame::new(x, w, 0.0, 0.0)),
                    Keep::WithNext,
                    0,
                )),
                Block::Paragraph(t) => out.push(Chunk::new(
                    self.paragraph(Role::Body, body, t, Frame::new(x, w, 2.0 * char_width, 0.0)),
                    Keep::Paragraph,
                    0,
                )),
                Block::Lines(lines) => {
                    for l in lines {
                        // Continuation lines align after the label ("甲方：").
                        let label = l.find('：').map_or(0, |i| i + '：'.len_utf8());
                        let indent = self.text_width(Role::Body, body, &l[..label], self.style.tracking())
                            + self.style.tracking();
                        out.push(Chunk::new(
                            self.paragraph(Role::Body, body, l, Frame::new(x, w, 0.0, indent)),
                            Keep::Whole,
                            0,
                        ));
                    }
                }
                Block::Item { label, text } if self.inline_items => out.push(Chunk::new(
                    self.paragraph(
                        Role::Body,
                        body,
                        &format!("{label}{text}"),
                        Frame::new(x, w, 2.0 * char_width, 0.0),
                    ),
                    Keep::Whole,
                    0,
                )),
                Block::Item { label, text } => {
                    let mut lines = self.paragraph(Role::Body, body, text, Frame::new(x, w, hang, hang));
                    if let Some(first) = lines.first_mut() {
                        first
                            .runs
                            .insert(0, Run { role: Role::Body, size: body, x, text: label.clone(), spacing: 0.0 });
                    }
                    out.push(Chunk::new(lines, Keep::Whole, 0));
                }
                Block::Signatures { header, rows } => {
                    let (head, mut rows) = self.signatures(header, rows);
                    if head.len() + rows.iter().map(Vec::len).sum::<usize>() + 3 <= per_page || rows.len() < 2 {
                        out.push(Chunk::new(head.into_iter().chain(rows.concat()).collect(), Keep::WithPrevious, 1));
                    } else {
                        // Longer than a page (a ward's thirty nurses): the header and first row go
                        // with the text, the other rows follow, each page of them under a line
                        // that names the document, so that no page holds signatures alone.
                        let first = head.into_iter().chain(rows.remove(0)).collect();
                        out.push(Chunk::new(first, Keep::WithPrevious, 1));
                        let from = out.len();
                        out.extend(rows.into_iter().map(|r| Chunk::new(r, Keep::Whole, 0)));
                        continued.push(from..out.len());
                    }
                }
                Block::Closing(lines) => out.push(Chunk::new(self.closing(lines), Keep::WithPrevious, 1)),
                // Drawn by `network` on a page of its own.
                Block::Network(_) => {}
                Block::Table { head, align, rows } => {
                    let edges = self.columns(head, rows);
                    let header = out.len();
                    let centred = vec![Align::Centre; head.len()];
                    out.push(Chunk::new(self.table_row(Role::Heading, head, &centred, &edges), Keep::WithNext, 0));
                    for row in rows {
                        let lines = self.table_row(Role::Body, row, align, &edges);
                        out.push(Chunk { repeat: Some(header), ..Chunk::new(lines, Keep::Whole, 0) });
                    }
                }
            }
            out[start..].iter_mut().flat_map(|c| &mut c.lines).for_each(|l| l.block = Some(i as u32));
        }
        for rows in continued {
            let title = blocks.iter().find_map(|b| match b {
                Block::Title(t) => Some(t.as_str()),
                _ => None,
            });
            let line = [title, number].into_iter().flatten().collect::<Vec<_>>().join("　") + "（续）";
            let (x, w) = (self.left(), self.width());
            let lines = self.paragraph(Role::Body, body, &line, Frame::new(x, w, 0.0, 0.0));
            let at = out.len();
            out.push(Chunk { hidden: true, ..Chunk::new(lines, Keep::Whole, 0) });
            rows.for_each(|r| out[r].repeat = Some(at));
        }
        out
    }

    /// The closing (落款): the last line (the date) ends four characters before the right edge
    /// of the type area, and the lines above it (the issuer) are centred over it.
    fn closing(&self, lines: &[String]) -> Vec<Line> {
        let body = self.style.sizes.body;
        let tracking = self.style.tracking();
        let width = |t: &str| self.text_width(Role::Body, body, t, tracking);
        let right = self.left() + self.width() - 4.0 * (body + tracking);
        let date_width = lines.last().map_or(0.0, |d| width(d));
        let centre = right - date_width / 2.0;
        let count = lines.len();
        lines
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let w = width(text);
                let x = if i + 1 == count { right - w } else { centre - w / 2.0 };
                // A name longer than the room right of the centre starts no further right than
                // flush with the right edge, and never left of the margin.
                let x = x.min(self.left() + self.width() - w).max(self.left());
                Line {
                    runs: vec![Run { role: Role::Body, size: body, x, text: text.clone(), spacing: tracking }],
                    ..Line::default()
                }
            })
            .collect()
    }

    /// Lays `blocks` out on pages.
    pub(crate) fn pages(&self, blocks: &[Block], number: Option<&str>) -> Vec<Page> {
        let chunks = self.chunks(blocks, number);
        // The lines of each chunk in turn; a table's header comes round again on every page.
        let mut seen = vec![0; chunks.len()];
        place(&chunks, self.style.lines_per_page as usize)
            .into_iter()
            .map(|rows| Page {
                lines: rows
                    .into_iter()
                    .filter_map(|(chunk, row)| {
                        let lines = &chunks[chunk].lines;
                        let line = lines.get(seen[chunk] % lines.len().max(1))?.clone();
                        seen[chunk] += 1;
                        Some(Placed { row, line })
                    })
                    .collect(),
                shapes: Vec::new(),
            })
            .collect()
    }
}

/// Takes the last lines of chunk `i - 1` off `page`, to go to the next page with chunk `i`
/// (`needs` rows): two, or all of them when three or fewer are there (so that none is left
/// alone), and with all of them the heading before it (a heading never ends a page); none if
/// they would not fit beside it. Returns the chunk of each line taken, in order.
fn carry(page: &mut Vec<(usize, usize)>, chunks: &[Chunk], i: usize, needs: usize, per_page: usize) -> Vec<usize> {
    let at_end = |page: &[(usize, usize)], c: usize| page.iter().rev().take_while(|(x, _)| *x == c).count();
    if i == 0 {
        return Vec::new();
    }
    let there = at_end(page, i - 1);
    let take = if there <= 3 { there } else { 2 };
    if take == 0 || take + needs > per_page || take == page.len() {
        return Vec::new();
    }
    page.truncate(page.len() - take);
    let mut carried = vec![i - 1; take];
    if take == there && i >= 2 && chunks[i - 2].keep == Keep::WithNext {
        let heading = at_end(page, i - 2);
        if heading > 0 && heading < page.len() && heading + take + needs <= per_page {
            page.truncate(page.len() - heading);
            carried.splice(0..0, std::iter::repeat_n(i - 2, heading));
        }
    }
    carried
}

/// Decides where every line goes: for each page, (chunk index, row) of its lines, in order.
fn place(chunks: &[Chunk], per_page: usize) -> Vec<Vec<(usize, usize)>> {
    let mut pages: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
    let mut row = 0;
    for (i, chunk) in chunks.iter().enumerate() {
        if chunk.hidden {
            continue;
        }
        if row > 0 {
            row += chunk.space_before;
        }
        let n = chunk.lines.len();
        let left = per_page.saturating_sub(row);
        let fits = n <= left;
        let new_page = match chunk.keep {
            Keep::Whole | Keep::WithPrevious => !fits && n <= per_page,
            // A heading needs room for itself and what must follow it on the same page: all
            // of an unsplittable block, or two lines of a paragraph.
            Keep::WithNext => {
                let next = chunks.get(i + 1).map_or(0, |c| match c.keep {
                    Keep::Whole if c.lines.len() + c.space_before + n <= per_page => c.lines.len() + c.space_before,
                    _ => c.lines.len().min(2),
                });
                n + next > left
            }
            Keep::Paragraph => false,
        };
        // The text before ended at the foot of the last page: this one opens a new page.
        let opens_page = row == 0 && pages.len() > 1 && pages.last().is_some_and(Vec::is_empty);
        if (new_page && row > 0) || (opens_page && chunk.keep == Keep::WithPrevious) {
            if opens_page {
                pages.pop();
            }
            let carried = match chunk.keep {
                Keep::WithPrevious => {
                    carry(pages.last_mut().expect("a page"), chunks, i, n + chunk.space_before, per_page)
                }
                _ => Vec::new(),
            };
            pages.push(Vec::new());
            row = 0;
            for c in carried {
                pages.last_mut().expect("a page").push((c, row));
                row += 1;
            }
            if row > 0 {
                row += chunk.space_before;
            }
        }
        // A table row that opens a page has its table's header set above it again.
        if let Some(header) = chunk.repeat
            && row == 0
            && pages.last().is_some_and(Vec::is_empty)
        {
            for _ in 0..chunks[header].lines.len() {
                pages.last_mut().expect("a page").push((header, row));
                row += 1;
            }
        }
        let mut remaining = n;
        while remaining > 0 {
            let left = per_page.saturating_sub(row);
            let take = match chunk.keep {
                Keep::Paragraph if remaining > left => {
                    let take = if left < 2 {
                        0 // not its first line alone at the foot of a page
                    } else if remaining - left == 1 {
                        // Not its last line alone at the top of the next page: move two.
                        if left > 2 { left - 1 } else { 0 }
                    } else {
                        left
                    };
                    // On an empty page, everything that fits (a paragraph longer than a page).
                    if take == 0 && row == 0 { remaining.min(per_page) } else { take }
                }
                _ => remaining.min(left.max(if row == 0 { per_page } else { 0 })),
            };
            for _ in 0..take {
                pages.last_mut().expect("a page").push((i, row));
                row += 1;
            }
            remaining -= take;
            if remaining > 0 || row >= per_page {
                if remaining > 0 || i + 1 < chunks.len() {
                    pages.push(Vec::new());
                }
                row = 0;
            }
        }
    }
    // A trailing blank page (a chunk that ended exactly at the foot) is not a page.
    if pages.len() > 1 && pages.last().is_some_and(Vec::is_empty) {
        pages.pop();
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(n: usize, keep: Keep) -> Chunk {
        Chunk::new(vec![Line::default(); n], keep, 0)
    }

    /// Pages as the rows each chunk's lines landed on: (page, row) per line, per chunk.
    fn paginate(chunks: &[Chunk], per_page: usize) -> Vec<Vec<(usize, usize)>> {
        let placed = place(chunks, per_page);
        let mut out = vec![Vec::new(); chunks.len()];
        for (page, rows) in placed.iter().enumerate() {
            for (chunk, row) in rows {
                out[*chunk].push((page, *row));
            }
        }
        out
    }

    #[test]
    fn a_paragraph_never_leaves_its_last_line_alone() {
        // 20 lines used, 2 left; a 3-line paragraph moves whole to the next page.
        let got = paginate(&[chunk(20, Keep::Whole), chunk(3, Keep::Paragraph)], 22);
        assert!(got[1].iter().all(|(page, _)| *page == 1), "{got:?}");
        // 18 used, 4 left; a 5-line paragraph puts 3 here and 2 there.
        let got = paginate(&[chunk(18, Keep::Whole), chunk(5, Keep::Paragraph)], 22);
        assert_eq!(got[1].iter().filter(|(p, _)| *p == 0).count(), 3, "{got:?}");
    }

    #[test]
    fn a_paragraph_never_leaves_its_first_line_alone() {
        let got = paginate(&[chunk(21, Keep::Whole), chunk(4, Keep::Paragraph)], 22);
        assert!(got[1].iter().all(|(page, _)| *page == 1), "{got:?}");
    }

    #[test]
    fn a_heading_stays_with_the_whole_item_after_it() {
        // 18 used, 4 left: heading (1) + item (4) do not fit, so both go to the next page.
        let got = paginate(&[chunk(18, Keep::Whole), chunk(1, Keep::WithNext), chunk(4, Keep::Whole)], 22);
        assert_eq!(got[1], vec![(1, 0)], "{got:?}");
        assert_eq!(got[2][0], (1, 1));
    }

    #[test]
    fn the_signatures_never_open_a_page_without_text() {
        // 18 used by a paragraph, 4 left: the 5-line signature block goes over, with the
        // paragraph's last two lines.
        let got = paginate(&[chunk(10, Keep::Whole), chunk(8, Keep::Paragraph), chunk(5, Keep::WithPrevious)], 22);
        assert_eq!(got[1].iter().filter(|(p, _)| *p == 1).count(), 2, "{got:?}");
        assert_eq!(got[2][0], (1, 2), "after the carried lines: {got:?}");
        // A paragraph of three lines goes over whole, not leaving one behind.
        let got = paginate(&[chunk(15, Keep::Whole), chunk(3, Keep::Paragraph), chunk(5, Keep::WithPrevious)], 22);
        assert!(got[1].iter().all(|(p, _)| *p == 1), "{got:?}");
        // The text ends at the very foot of a page: its last lines come over all the same.
        let got = paginate(&[chunk(19, Keep::Whole), chunk(3, Keep::Paragraph), chunk(5, Keep::WithPrevious)], 22);
        assert!(got[1].iter().all(|(p, _)| *p == 1), "{got:?}");
        assert_eq!(got[2][0], (1, 3), "{got:?}");
    }

    #[test]
    fn a_table_row_that_opens_a_page_has_the_header_above_it() {
        // A title, a two-line header, then rows of three lines, six lines to a page.
        let mut chunks = vec![chunk(1, Keep::Whole), chunk(2, Keep::WithNext)];
        chunks.extend((0..4).map(|_| Chunk { repeat: Some(1), ..chunk(3, Keep::Whole) }));
        let pages = place(&chunks, 6);
        let on = |page: usize| pages[page].iter().map(|(c, _)| *c).collect::<Vec<_>>();
        assert_eq!(on(0), [0, 1, 1, 2, 2, 2]);
        for (page, row) in [(1, 3), (2, 4), (3, 5)] {
            assert_eq!(on(page), [1, 1, row, row, row], "{pages:?}");
        }
        assert_eq!(pages.len(), 4);
        assert_eq!(pages[1][0].1, 0, "the header from the top row");
    }

    #[test]
    fn an_item_is_never_split_and_a_long_paragraph_fills_pages() {
        let got = paginate(&[chunk(20, Keep::Whole), chunk(3, Keep::Whole), chunk(50, Keep::Paragraph)], 22);
        assert!(got[1].iter().all(|(page, _)| *page == 1));
        let last_page = got[2].last().unwrap().0;
        assert!(got[2].iter().filter(|(p, _)| *p == last_page).count() >= 2, "{got:?}");
    }
}

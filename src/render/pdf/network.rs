//! The responsibility network diagram (安全生产责任体系图) on one page: the principal's box at
//! the top; under it, joined by a bar, a column for each leader (and one for the departments the
//! principal supervises directly) with the leader's box; under each leader's box the boxes of the
//! departments it supervises, hung from a line down the column's left, each naming its posts.
//!
//! One page whatever the institution's size: the departments' type gets smaller until the
//! tallest column fits (down to 6 pt), and if it still does not, the boxes name their units
//! only. Text is broken with the same rules as the body (`linebreak`).

use super::fonts::Role;
use super::layout::{Page, Shape, Typesetter};
use super::linebreak;
use super::style::MM;
use crate::render::document::{Block, Node};

/// Inner margin of a box, gaps between columns and between boxes, and the lines' legs.
const PAD: f32 = 1.6 * MM;
const GAP: f32 = 3.0 * MM;
const LEG: f32 = 4.0 * MM;
/// How far in from the column's edge a department's box starts: the hanging line runs there.
const INDENT: f32 = 3.0 * MM;
/// Line height, in type sizes.
const LEADING: f32 = 1.3;

/// The page of a document whose blocks are a title and a `Block::Network`.
pub(super) fn pages(ts: &Typesetter, blocks: &[Block]) -> Vec<Page> {
    let mut shapes = Vec::new();
    let style = ts.style;
    let (left, width) = (ts.left(), ts.width());
    let (top, bottom) = (style.margin.top * MM, (style.margin.top + style.type_area.height) * MM);
    let mut y = top;
    for block in blocks {
        if let Block::Title(t) = block {
            let size = style.sizes.title;
            // The face's ascent (about 1.1 em in the CJK faces) stays inside the type area.
            y += size * 1.2;
            centred(ts, &mut shapes, Role::Title, size, t, left + width / 2.0, y);
            y += size * 0.8;
            let key = "主要负责人 — 分管负责人 — 部门（科室） — 岗位";
            let small = style.sizes.footer;
            y += small * LEADING;
            centred(ts, &mut shapes, Role::Body, small, key, left + width / 2.0, y);
            y += small * LEADING;
        }
    }
    let Some(root) = blocks.iter().find_map(|b| match b {
        Block::Network(n) => Some(n),
        _ => None,
    }) else {
        return vec![Page { lines: Vec::new(), shapes }];
    };
    // The principal, centred.
    let big = style.sizes.body;
    let widest = std::iter::once(ts.text_width(Role::Heading, big, &root.heading, 0.0))
        .chain(root.lines.iter().map(|l| ts.text_width(Role::Body, big * 0.85, l, 0.0)))
        .fold(0.0, f32::max);
    let root_width = (widest + 2.0 * PAD + 2.0 * big).min(width);
    let root_box = text_box(ts, root, root_width, big, big * 0.85, true);
    let centre = left + width / 2.0;
    let root_top = y + 2.0 * MM;
    let root_bottom = root_top + root_box.height;
    root_box.draw(&mut shapes, centre - root_width / 2.0, root_top);
    let columns = &root.children;
    if columns.is_empty() {
        return vec![Page { lines: Vec::new(), shapes }];
    }
    let bar = root_bottom + LEG;
    let heads_top = bar + LEG;
    let (size, posts, spans) = fit(ts, columns, left, width, heads_top, bottom);
    let row = Row::of(ts, columns, &spans, left, width);
    let (unit, frames, heads_height) = (row.unit, &row.frames[..], row.height);
    let heads = &row.heads;
    let units_top = heads_top + heads_height + 2.0 * LEG;
    // The bar from the principal to every column.
    let anchors: Vec<f32> = columns
        .iter()
        .zip(frames)
        .map(|(c, &(x, w))| if c.heading.is_empty() { x + INDENT / 2.0 } else { x + w / 2.0 })
        .collect();
    line(&mut shapes, (centre, root_bottom), (centre, bar));
    let (first, last) = anchors.iter().fold((centre, centre), |(a, b), &x| (a.min(x), b.max(x)));
    line(&mut shapes, (first, bar), (last, bar));
    for (i, c) in columns.iter().enumerate() {
        let (x, w) = frames[i];
        let hang_top = match &heads[i] {
            Some(head) => {
                line(&mut shapes, (anchors[i], bar), (anchors[i], heads_top));
                head.draw(&mut shapes, x, heads_top);
                heads_top + heads_height
            }
            None => bar,
        };
        if c.children.is_empty() {
            continue;
        }
        let boxes: Vec<Boxed> =
            c.children.iter().map(|d| text_box(ts, &strip(d, posts), unit - INDENT, size, size, false)).collect();
        let runs = split(&boxes.iter().map(|b| b.height + GAP).collect::<Vec<_>>(), spans[i]);
        // From the leader down to a rail over the sub-columns, and from it down each one's line.
        let rail = units_top - LEG;
        let spine = |k: usize| x + k as f32 * (unit + GAP) + INDENT / 2.0;
        let hang_x = if heads[i].is_some() { x + w / 2.0 } else { anchors[i] };
        line(&mut shapes, (hang_x, hang_top), (hang_x, rail));
        if runs.len() > 1 || heads[i].is_some() {
            line(&mut shapes, (spine(0).min(hang_x), rail), (spine(runs.len() - 1).max(hang_x), rail));
        }
        let mut next = boxes.iter();
        for (k, &count) in runs.iter().enumerate() {
            let sx = spine(k);
            let mut y = units_top;
            let mut last_mid = rail;
            for b in next.by_ref().take(count) {
                let mid = y + PAD + size;
                line(&mut shapes, (sx, mid), (sx + INDENT / 2.0, mid));
                b.draw(&mut shapes, sx + INDENT / 2.0, y);
                last_mid = mid;
                y += b.height + GAP;
            }
            line(&mut shapes, (sx, rail), (sx, last_mid));
        }
    }
    vec![Page { lines: Vec::new(), shapes }]
}

/// The departments' type size, whether their boxes name their posts, and how many sub-columns
/// each column takes: the largest type at which everything fits above `bottom`, giving a tall
/// column more sub-columns (while one stays at least 30 mm wide) before making the type smaller.
fn fit(
    ts: &Typesetter,
    columns: &[Node],
    left: f32,
    width: f32,
    heads_top: f32,
    bottom: f32,
) -> (f32, bool, Vec<usize>) {
    let sizes = (0..=9).map(|i| 10.5 - i as f32 * 0.5);
    let tries = sizes.clone().map(|s| (s, true)).chain(sizes.map(|s| (s, false)));
    let mut last = (6.0, false, vec![1; columns.len()]);
    for (size, posts) in tries {
        let mut spans = vec![1; columns.len()];
        loop {
            let row = Row::of(ts, columns, &spans, left, width);
            let unit = row.unit;
            if unit < 30.0 * MM {
                break;
            }
            let top = heads_top + row.height + 2.0 * LEG;
            let tallest: Vec<f32> = columns
                .iter()
                .zip(&spans)
                .map(|(c, &k)| {
                    let heights: Vec<f32> = c
                        .children
                        .iter()
                        .map(|d| text_box(ts, &strip(d, posts), unit - INDENT, size, size, false).height + GAP)
                        .collect();
                    let runs = split(&heights, k);
                    let mut at = 0;
                    runs.iter()
                        .map(|&n| {
                            let h: f32 = heights[at..at + n].iter().sum();
                            at += n;
                            h
                        })
                        .fold(0.0, f32::max)
                })
                .collect();
            let (worst, height) =
                tallest.iter().copied().enumerate().fold((0, 0.0), |a, (i, h)| if h > a.1 { (i, h) } else { a });
            if top + height - GAP <= bottom {
                return (size, posts, spans);
            }
            last = (size, posts, spans.clone());
            spans[worst] += 1;
        }
    }
    last
}

/// The leaders' row: the width of a sub-column, each column's left edge and width, the leaders'
/// boxes (none over the principal's own departments) and their common height.
struct Row {
    unit: f32,
    frames: Vec<(f32, f32)>,
    heads: Vec<Option<Boxed>>,
    height: f32,
}

impl Row {
    fn of(ts: &Typesetter, columns: &[Node], spans: &[usize], left: f32, width: f32) -> Row {
        let total = spans.iter().sum::<usize>() as f32;
        let unit = (width - (total - 1.0) * GAP) / total;
        let mut x = left;
        let frames: Vec<(f32, f32)> = spans
            .iter()
            .map(|&k| {
                let w = k as f32 * unit + (k as f32 - 1.0) * GAP;
                x += w + GAP;
                (x - w - GAP, w)
            })
            .collect();
        let size = ts.style.sizes.body.min(unit / 6.0).max(7.0);
        let heads: Vec<Option<Boxed>> = columns
            .iter()
            .zip(&frames)
            .map(|(c, &(_, w))| (!c.heading.is_empty()).then(|| text_box(ts, c, w, size, size * 0.85, true)))
            .collect();
        // One height for all, as a row of boxes.
        let height = heads.iter().flatten().map(|b| b.height).fold(0.0, f32::max);
        let heads = heads.into_iter().map(|b| b.map(|b| Boxed { height, ..b })).collect();
        Row { unit, frames, heads, height }
    }
}

/// Splits boxes of these heights, in order, into at most `k` runs of about equal height: the
/// number of boxes in each run.
fn split(heights: &[f32], k: usize) -> Vec<usize> {
    let total: f32 = heights.iter().sum();
    let target = total / k.max(1) as f32;
    let mut runs = vec![0usize];
    let mut h = 0.0;
    for &x in heights {
        let last = runs.len() - 1;
        // Start a new run when this box would take the current one past the target.
        if runs[last] > 0 && h + x / 2.0 > target && runs.len() < k {
            runs.push(0);
            h = 0.0;
        }
        let last = runs.len() - 1;
        runs[last] += 1;
        h += x;
    }
    runs
}

/// A department's box with its lines (its posts, its units'), or without them when they do not
/// fit.
fn strip(node: &Node, posts: bool) -> Node {
    match posts {
        true => node.clone(),
        false => Node { heading: node.heading.clone(), lines: Vec::new(), children: Vec::new() },
    }
}

/// A box laid out: its width, height and what it prints, relative to its top left corner.
#[derive(Clone)]
struct Boxed {
    width: f32,
    height: f32,
    texts: Vec<(Role, f32, f32, f32, String)>,
}

impl Boxed {
    fn draw(&self, shapes: &mut Vec<Shape>, x: f32, y: f32) {
        shapes.push(Shape::Frame { x, y, width: self.width, height: self.height });
        for (role, size, dx, dy, text) in &self.texts {
            shapes.push(Shape::Text { role: *role, size: *size, x: x + dx, y: y + dy, text: text.clone() });
        }
    }
}

/// `node`'s heading (in the heading face, size `head`; centred if `centre`) over its lines
/// (body face, size `body`), broken to fit `width`.
fn text_box(ts: &Typesetter, node: &Node, width: f32, head: f32, body: f32, centre: bool) -> Boxed {
    let inner = width - 2.0 * PAD;
    let mut texts = Vec::new();
    let mut y = PAD;
    for (role, size, text) in
        std::iter::once((Role::Heading, head, &node.heading)).chain(node.lines.iter().map(|l| (Role::Body, body, l)))
    {
        let face = ts.face(role);
        for range in linebreak::fill(text, |c| face.advance(c, size), 0.0, inner, inner) {
            let piece = text[range].trim_end();
            y += size * LEADING;
            let w = ts.text_width(role, size, piece, 0.0);
            let dx = if centre { (width - w) / 2.0 } else { PAD };
            // The baseline: three tenths of the type size above the line's bottom (the CJK faces'
            // descent is about an eighth of it).
            texts.push((role, size, dx, y - size * 0.3, piece.to_string()));
        }
    }
    Boxed { width, height: y + PAD, texts }
}

fn centred(ts: &Typesetter, shapes: &mut Vec<Shape>, role: Role, size: f32, text: &str, centre: f32, y: f32) {
    let w = ts.text_width(role, size, text, 0.0);
    shapes.push(Shape::Text { role, size, x: centre - w / 2.0, y, text: text.to_string() });
}

fn line(shapes: &mut Vec<Shape>, from: (f32, f32), to: (f32, f32)) {
    shapes.push(Shape::Line { from, to });
}

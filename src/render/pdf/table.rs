//! Tables of records (`Block::Table`) and signature blocks: the widths of the columns, and each row broken into the
//! lines of the page grid with its cells ruled. Rows are whole chunks for `layout::place`, which
//! sets the header again above a row that opens a page.

use std::sync::Arc;

use super::fonts::Role;
use super::layout::{Cells, Line, Rule, Run, Typesetter};
use super::linebreak;
use crate::render::document::Align;

/// Space between a table cell's text and its rules, in body characters.
const CELL_PAD: f32 = 0.3;

impl Typesetter<'_> {
    /// The edges of a table's columns across the type area. Each column gets the width of its
    /// longest cell on one line when all fit; otherwise each keeps a minimum (all of a short
    /// column, and of one left empty to be filled in by hand, at least seven characters wide;
    /// three characters, or its longest word, for a long one) and the columns share the rest in
    /// proportion to how much more each would take (HTML's automatic table layout).
    pub(super) fn columns(&self, head: &[String], rows: &[Vec<String>]) -> Arc<[f32]> {
        let body = self.style.sizes.body;
        let pad = 2.0 * CELL_PAD * body;
        let n = head.len().max(1);
        let mut natural = vec![0.0f32; n];
        let mut word = vec![0.0f32; n];
        let mut filled = vec![false; n];
        for (i, h) in head.iter().enumerate() {
            natural[i] = self.text_width(Role::Heading, body, h, 0.0);
        }
        for row in rows {
            for (i, cell) in row.iter().enumerate().take(n) {
                natural[i] = natural[i].max(self.text_width(Role::Body, body, cell, 0.0));
                filled[i] |= !cell.trim().is_empty();
                // Latin letters and digits in a run (a number, a standard's code) do not break.
                for w in cell.split(|c: char| !c.is_ascii_graphic()) {
                    word[i] = word[i].max(self.text_width(Role::Body, body, w, 0.0));
                }
            }
        }
        let short = 7.0 * body;
        for i in 0..n {
            if !filled[i] {
                natural[i] = natural[i].max(short);
            }
        }
        let keep = |i: usize| natural[i] <= short || !filled[i];
        let least: Vec<f32> =
            (0..n).map(|i| if keep(i) { natural[i] } else { word[i].max(3.0 * body) } + pad + 0.5).collect();
        // A hair more than the text, so that a cell measured to fit on one line does.
        let natural: Vec<f32> = natural.iter().map(|w| w + pad + 0.5).collect();
        let total = self.width();
        let (sum, least_sum) = (natural.iter().sum::<f32>(), least.iter().sum::<f32>());
        let widths: Vec<f32> = if sum <= total {
            natural.iter().map(|w| w * total / sum.max(1.0)).collect()
        } else if least_sum >= total {
            least.iter().map(|w| w * total / least_sum).collect()
        } else {
            let more = sum - least_sum;
            natural.iter().zip(&least).map(|(w, l)| l + (w - l) / more * (total - least_sum)).collect()
        };
        let mut edges = vec![self.left()];
        for w in widths {
            edges.push(edges.last().copied().unwrap_or(0.0) + w);
        }
        edges.into()
    }

    /// A table row's lines: each cell broken within its column (justified when set left), the
    /// row as high as its fullest cell, and two lines at least when a cell is left to be filled.
    pub(super) fn table_row(&self, role: Role, cells: &[String], align: &[Align], edges: &Arc<[f32]>) -> Vec<Line> {
        let size = self.style.sizes.body;
        let face = self.face(role);
        let pad = CELL_PAD * size;
        let mut pieces: Vec<Vec<(f32, String, f32)>> = Vec::new();
        for (i, cell) in cells.iter().enumerate().take(edges.len() - 1) {
            let (x0, width) = (edges[i] + pad, edges[i + 1] - edges[i] - 2.0 * pad);
            let ranges = linebreak::fill(cell, |c| face.advance(c, size), 0.0, width, width);
            let count = ranges.len();
            let set = ranges.into_iter().enumerate().map(|(k, r)| {
                let text = cell[r].trim_end().to_string();
                let natural = self.text_width(role, size, &text, 0.0);
                match align.get(i) {
                    Some(Align::Centre) => (x0 + (width - natural).max(0.0) / 2.0, text, 0.0),
                    _ if k + 1 < count => {
                        let spacing = self.justify(role, size, &text, width, 0.0);
                        (x0, text, spacing)
                    }
                    _ => (x0, text, 0.0),
                }
            });
            pieces.push(set.collect());
        }
        let blank = role == Role::Body && cells.iter().any(|c| c.trim().is_empty());
        let height = pieces.iter().map(Vec::len).max().unwrap_or(0).max(1 + usize::from(blank));
        (0..height)
            .map(|k| Line {
                runs: pieces
                    .iter()
                    .filter_map(|p| p.get(k))
                    .map(|(x, text, spacing)| Run { role, size, x: *x, text: text.clone(), spacing: *spacing })
                    .collect(),
                rules: vec![],
                cells: Some(Cells { edges: edges.clone(), top: k == 0, bottom: k + 1 == height }),
                block: None,
            })
            .collect()
    }
}

impl Typesetter<'_> {
    /// The signature block: columns side by side; each label is followed by a rule to sign on,
    /// and a blank line between rows leaves room for signatures and seals.
    /// Returns the header's lines and each row's.
    pub(super) fn signatures(&self, header: &[String], rows: &[Vec<String>]) -> (Vec<Line>, Vec<Vec<Line>>) {
        let body = self.style.sizes.body;
        let columns = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
        let col_w = self.width() / columns as f32;
        let gap = body;
        let mut lines = Vec::new();
        let mut out = Vec::new();
        let mut head = Line::default();
        for (i, h) in header.iter().enumerate().filter(|(_, h)| !h.is_empty()) {
            head.runs.push(Run {
                role: Role::Heading,
                size: body,
                x: self.left() + i as f32 * col_w,
                text: h.clone(),
                spacing: 0.0,
            });
        }
        if !head.runs.is_empty() {
            lines.push(head);
            lines.push(Line::default());
        }
        let head = std::mem::take(&mut lines);
        for (r, row) in rows.iter().enumerate() {
            let mut line = Line::default();
            for (i, cell) in row.iter().enumerate().filter(|(_, c)| !c.is_empty()) {
                let x = self.left() + i as f32 * col_w;
                let w = self.text_width(Role::Body, body, cell, 0.0);
                line.runs.push(Run { role: Role::Body, size: body, x, text: cell.clone(), spacing: 0.0 });
                // A label ending in "：" is a place to write: rule to the column's end.
                if cell.ends_with('：') && x + w + gap < x + col_w - gap {
                    line.rules.push(Rule { x0: x + w + 2.0, x1: x + col_w - gap });
                }
            }
            lines.push(line);
            if r + 1 < rows.len() {
                lines.push(Line::default());
            }
            out.push(std::mem::take(&mut lines));
        }
        (head, out)
    }
}

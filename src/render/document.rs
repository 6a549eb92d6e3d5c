//! A printed document as every renderer sees it: its facts, its text as [`Block`]s and its
//! verification code. A document's text comes from a Markdown template of the theme
//! (`pdf/card.md`, `pdf/letter.md`, `pdf/report.md`) rendered with Tera, then read into blocks.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::sync::Arc;

use serde::Serialize;
use sha2::{Digest, Sha256};
use tera::Context;

use super::theme::template_error;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::t;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Kind {
    /// 岗位安全生产责任清单 (一岗一清单).
    Card,
    /// 安全生产责任书.
    Letter,
    /// A campaign phase's summary (阶段小结).
    Report,
    /// 事故隐患整改通知单: one hazard of the ledger.
    Notice,
    /// 月度事故隐患排查治理情况通报: a month of the ledger.
    Bulletin,
    /// 岗位安全风险告知卡: a post's risks, signed by its holders.
    RiskCard,
    /// 事故隐患排查治理台账: a year of the ledger, printed on A4 landscape.
    Ledger,
    /// 隐患排查记录表: a department's checklist items, blank to fill in on site (A4 landscape).
    Form,
    /// 安全生产责任書签订台账: a department's letters, to date and sign in (A4 landscape).
    Register,
    /// 全员安全生产责任制公示: the institution's or a department's duties, for the wall.
    Display,
    /// 安全生产责任体系图: principal → leaders → departments → posts, on one A4 turned.
    Network,
}

/// The paper a kind of document is set on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Paper {
    /// The theme's page (`pdf/style.yaml`; GB/T 9704 by default): what is signed and filed.
    Official,
    /// A compact A4 page of smaller type, for a sheet posted at the workplace.
    Posted,
    /// A4 turned, for wide tables.
    Wide,
}

impl Kind {
    /// Whether its verification code is printed: not on what is posted for everyone to read
    /// (the display, the network diagram), where it would be an internal detail.
    pub(crate) fn coded(self) -> bool {
        !matches!(self, Kind::Display | Kind::Network)
    }

    pub(crate) fn paper(self) -> Paper {
        match self {
            Kind::Ledger | Kind::Form | Kind::Register | Kind::Network => Paper::Wide,
            Kind::RiskCard | Kind::Card | Kind::Display => Paper::Posted,
            _ => Paper::Official,
        }
    }
}

/// How a table column's cells are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Centre,
}

/// A piece of a document, as the typesetter sees it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// `# …`: centred, title size.
    Title(String),
    /// `## …`: a section heading, kept with what follows.
    Heading(String),
    /// A paragraph: justified, first line indented by two characters.
    Paragraph(String),
    /// `> …` lines: one line each, not indented (parties, facts).
    Lines(Vec<String>),
    /// `1. …`: a numbered item with a hanging indent, never split across pages.
    Item { label: String, text: String },
    /// A table: the signature block (header row, then one row per signature line).
    Signatures { header: Vec<String>, rows: Vec<Vec<String>> },
    /// `> …` lines that end the document: the issuer's name over the date (落款). GB/T 9704
    /// 7.3.5.1: the date four characters from the right, the issuer centred over it.
    Closing(Vec<String>),
    /// A table of records (a Markdown table whose delimiter row aligns a column, `:-:`): ruled
    /// cells, the header row again at the top of every page, rows never split. A row with an
    /// empty cell is two lines high at least, to be written in by hand.
    Table { head: Vec<String>, align: Vec<Align>, rows: Vec<Vec<String>> },
    /// The responsibility network diagram (安全生产责任体系图): boxes joined by lines, drawn on
    /// one page by `pdf::network`, not set on the grid. Made by the code, not by a template.
    Network(Node),
}

/// A box of the network diagram: its heading, its lines and the boxes under it. The root is the
/// principal, its children the leaders (a child with no heading: the departments the principal
/// supervises directly), theirs the departments, whose lines name their posts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub(crate) heading: String,
    pub(crate) lines: Vec<String>,
    pub(crate) children: Vec<Node>,
}

impl Node {
    /// Calls `f` with this box and every box under it, top down.
    pub(crate) fn visit<'a>(&'a self, f: &mut impl FnMut(&'a Node)) {
        f(self);
        for c in &self.children {
            c.visit(f);
        }
    }
}

/// Where a letter stands, from the content's signing records and its current code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub(crate) enum Status {
    Unsigned,
    /// Signed for the text it carries now.
    Signed {
        date: Date,
    },
    /// Signed, but for an older text: the code on the paper is not the current one.
    Outdated {
        date: Date,
        signed_code: String,
    },
}

/// One list of documents for each institution of the model, in its order.
pub(crate) type Lists = Vec<Arc<Vec<Document>>>;

/// A build's documents: each institution's, in model order, then the campaigns' phase reports.
/// They are held by institution so that the preview takes and gives back an institution's
/// documents as one piece: at 100,000 employees, moving 250,000 documents into one list and
/// back again took 90–130 ms of each edit.
#[derive(Default)]
pub(crate) struct Documents {
    institutions: Lists,
    reports: Vec<Document>,
}

impl Documents {
    /// `institutions`: one list for each institution of the model, in its order.
    pub(crate) fn new(institutions: Lists, reports: Vec<Document>) -> Self {
        Documents { institutions, reports }
    }

    /// The institutions' lists, in model order, without the phase reports.
    pub(crate) fn into_institutions(self) -> Lists {
        self.institutions
    }

    /// Every document: the institutions' in model order, then the phase reports.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Document> + Clone {
        self.institutions.iter().flat_map(|docs| docs.iter()).chain(&self.reports)
    }

    /// The documents made for the model's `k`-th institution (its phase reports are apart).
    pub(crate) fn of(&self, k: usize) -> &[Document] {
        self.institutions.get(k).map_or(&[], |docs| docs.as_slice())
    }

    /// The campaigns' phase reports.
    pub(crate) fn reports(&self) -> &[Document] {
        &self.reports
    }

    pub(crate) fn len(&self) -> usize {
        self.institutions.iter().map(|docs| docs.len()).sum::<usize>() + self.reports.len()
    }

    /// Changes every document (an institution's list is copied only if something else holds it).
    pub(crate) fn for_each_mut(&mut self, mut change: impl FnMut(&mut Document)) {
        for docs in &mut self.institutions {
            Arc::make_mut(docs).iter_mut().for_each(&mut change);
        }
        self.reports.iter_mut().for_each(change);
    }

    /// Every document in one list, in the order of `iter`.
    pub(crate) fn into_vec(self) -> Vec<Document> {
        let mut all = Vec::with_capacity(self.len());
        for docs in self.institutions {
            all.extend(Arc::unwrap_or_clone(docs));
        }
        all.extend(self.reports);
        all
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Document {
    pub(crate) kind: Kind,
    pub(crate) institution: String,
    pub(crate) department: String,
    /// The post whose duties it carries (乙方's post for a letter).
    pub(crate) post: String,
    /// 乙方 of a letter.
    pub(crate) person: Option<String>,
    /// Path below the site root, e.g. `pdf/wsq-wjw/letters/office-head--li-na.pdf`.
    pub(crate) file: String,
    pub(crate) title: String,
    /// 文号 of a letter, in the institution's document number style.
    pub(crate) number: Option<String>,
    /// Short hash of the text: a signed paper matches the exact version it was signed for.
    pub(crate) code: String,
    pub(crate) blocks: Vec<Block>,
    /// Letters only.
    pub(crate) status: Option<Status>,
    /// A scan of the signed letter, relative to the institution's content folder.
    pub(crate) scan: Option<String>,
    /// Letters: 甲方 and 乙方 as the site names them (what each binds, and who signs for it),
    /// and what the letter is called (安全生产责任书, or 安全生产目标责任书 with a commission).
    pub(crate) parties: Option<[String; 2]>,
    pub(crate) heading: &'static str,
    /// Whether this build prints it (fonts found, and selected); its code and status count anyway.
    pub(crate) printed: bool,
    /// The name a browser saves it under (the `download` attribute of its links): Chinese, as an
    /// office names its files (电工-牛二虎-安全生产责任书.pdf), where its path is ids.
    pub(crate) download: String,
}

impl Document {
    /// A document of an institution that no one signs as a party (a card, a notice, a report):
    /// its code from its text; department, post and number as the caller sets them.
    pub(crate) fn sheet(kind: Kind, institution: &str, file: String, title: String, blocks: Vec<Block>) -> Self {
        Document {
            kind,
            institution: institution.to_string(),
            department: String::new(),
            post: String::new(),
            person: None,
            file,
            number: None,
            code: code(&blocks),
            blocks,
            status: None,
            scan: None,
            parties: None,
            heading: "",
            printed: false,
            download: download(&title_parts(&title)),
            title,
        }
    }
}

/// A title's parts, split where it has a full-width space: 乌审旗人民医院　电工岗位安全生产责任清单.
fn title_parts(title: &str) -> Vec<&str> {
    title.split(['　', ' ']).filter(|p| !p.is_empty()).collect()
}

/// A file name of `parts` joined by `-`, without the characters Windows forbids in names.
pub(crate) fn download(parts: &[&str]) -> String {
    let name: String = parts
        .join("-")
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect();
    format!("{name}.pdf")
}

impl Block {
    /// The block's text, in reading order.
    pub(crate) fn texts(&self) -> Vec<&str> {
        match self {
            Block::Title(t) | Block::Heading(t) | Block::Paragraph(t) => vec![t],
            Block::Lines(l) | Block::Closing(l) => l.iter().map(String::as_str).collect(),
            Block::Item { label, text } => vec![label, text],
            Block::Signatures { header, rows } | Block::Table { head: header, rows, .. } => {
                header.iter().chain(rows.iter().flatten()).map(String::as_str).collect()
            }
            Block::Network(root) => {
                let mut out = Vec::new();
                root.visit(&mut |n| {
                    out.push(n.heading.as_str());
                    out.extend(n.lines.iter().map(String::as_str));
                });
                out
            }
        }
    }

    fn tag(&self) -> u8 {
        match self {
            Block::Title(_) => 1,
            Block::Heading(_) => 2,
            Block::Paragraph(_) => 3,
            Block::Lines(_) => 4,
            Block::Item { .. } => 5,
            Block::Signatures { .. } => 6,
            Block::Closing(_) => 7,
            Block::Table { .. } => 8,
            Block::Network(_) => 9,
        }
    }
}

/// Renders a document's template with its view.
pub(super) fn render(tera: &tera::Tera, name: &str, view: &impl serde::Serialize) -> Result<String> {
    let ctx = Context::from_serialize(view)
        .map_err(|e| Error::internal(t!("document-template", name, error = e.to_string())))?;
    tera.render(name, &ctx).map_err(|e| Error::theme(t!("document-template", name, error = template_error(&e))))
}

/// Reads the rendered Markdown into blocks. Anything else Markdown can express is read as text.
pub(crate) fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut lines: Vec<String> = Vec::new();
    let mut in_quote = false;
    let mut list_number: Option<u64> = None;
    let mut table: Option<(Vec<String>, Vec<Vec<String>>)> = None;
    let mut align: Vec<Align> = Vec::new();
    let mut row: Vec<String> = Vec::new();
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_quote => lines.push(std::mem::take(&mut text)),
            Event::SoftBreak | Event::HardBreak => {}
            Event::Start(Tag::BlockQuote(_)) => in_quote = true,
            Event::End(TagEnd::BlockQuote(_)) => {
                in_quote = false;
                out.push(Block::Lines(std::mem::take(&mut lines)));
            }
            Event::Start(Tag::List(start)) => list_number = start,
            Event::End(TagEnd::List(_)) => list_number = None,
            Event::End(TagEnd::Heading(level)) => {
                let t = std::mem::take(&mut text);
                out.push(if level == pulldown_cmark::HeadingLevel::H1 { Block::Title(t) } else { Block::Heading(t) });
            }
            Event::End(TagEnd::Paragraph) if in_quote => lines.push(std::mem::take(&mut text)),
            Event::End(TagEnd::Paragraph) if list_number.is_some() => {}
            Event::End(TagEnd::Paragraph) => out.push(Block::Paragraph(std::mem::take(&mut text))),
            Event::End(TagEnd::Item) => {
                let n = list_number.unwrap_or(1);
                out.push(Block::Item { label: format!("{n}．"), text: std::mem::take(&mut text) });
                list_number = Some(n + 1);
            }
            Event::Start(Tag::Table(alignments)) => {
                // A column aligned in the delimiter row (`:-:`) makes a table of records; a
                // table of plain `---` is a signature block.
                let aligned = alignments.iter().any(|a| *a != pulldown_cmark::Alignment::None);
                align = match aligned {
                    true => alignments
                        .iter()
                        .map(|a| match a {
                            pulldown_cmark::Alignment::Center => Align::Centre,
                            _ => Align::Left,
                        })
                        .collect(),
                    false => Vec::new(),
                };
                table = Some((Vec::new(), Vec::new()));
            }
            Event::End(TagEnd::TableCell) => row.push(std::mem::take(&mut text)),
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = table.as_mut() {
                    t.0 = std::mem::take(&mut row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = table.as_mut() {
                    t.1.push(std::mem::take(&mut row));
                }
            }
            Event::End(TagEnd::Table) => match table.take() {
                Some((head, rows)) if !align.is_empty() => {
                    out.push(Block::Table { head, align: std::mem::take(&mut align), rows })
                }
                Some((header, rows)) => out.push(Block::Signatures { header, rows }),
                None => {}
            },
            _ => {}
        }
    }
    // Quoted lines after the text are its closing, not facts like those under the title.
    if out.len() > 2
        && matches!(out.last(), Some(Block::Lines(_)))
        && let Some(Block::Lines(lines)) = out.pop()
    {
        out.push(Block::Closing(lines));
    }
    out
}

/// The characters of verification codes (Crockford's base32).
pub(crate) const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The verification code: the first 40 bits of SHA-256 over the document's text, in Crockford
/// base32, e.g. `7QK2-M9XD`. Any change of a duty, a name or the template's text changes it; the
/// document number does not (it is the letter's place in the list, which moves when people join).
pub(super) fn code(blocks: &[Block]) -> String {
    let mut hash = Sha256::new();
    for b in blocks {
        // The kind of block matters too (a heading is not a paragraph).
        hash.update([b.tag()]);
        for text in b.texts() {
            hash.update(text.as_bytes());
            hash.update([0u8]);
        }
    }
    let digest = hash.finalize();
    let bits = u64::from_be_bytes([0, 0, 0, digest[0], digest[1], digest[2], digest[3], digest[4]]);
    let chars: String = (0..8).rev().map(|i| CODE_ALPHABET[((bits >> (i * 5)) & 31) as usize] as char).collect();
    format!("{}-{}", &chars[..4], &chars[4..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_blocks() {
        let md = "# 安全生产责任书\n\n> 甲方：某院\n> 乙方：张三\n\n正文一段。\n\n## 一、职责\n\n1. 第一条；\n2. 第二条。\n\n| 甲方 | 乙方 |\n|---|---|\n| 签字： | 签字： |\n";
        assert_eq!(
            blocks(md),
            vec![
                Block::Title("安全生产责任书".into()),
                Block::Lines(vec!["甲方：某院".into(), "乙方：张三".into()]),
                Block::Paragraph("正文一段。".into()),
                Block::Heading("一、职责".into()),
                Block::Item { label: "1．".into(), text: "第一条；".into() },
                Block::Item { label: "2．".into(), text: "第二条。".into() },
                Block::Signatures {
                    header: vec!["甲方".into(), "乙方".into()],
                    rows: vec![vec!["签字：".into(), "签字：".into()]]
                },
            ]
        );
    }

    #[test]
    fn an_aligned_table_is_a_table_of_records() {
        let md = "| 编号 | 隐患 |\n|:-:|---|\n| 2022-001 | 配电室 |\n| 2022-002 | |\n";
        assert_eq!(
            blocks(md),
            vec![Block::Table {
                head: vec!["编号".into(), "隐患".into()],
                align: vec![Align::Centre, Align::Left],
                rows: vec![vec!["2022-001".into(), "配电室".into()], vec!["2022-002".into(), "".into()]],
            }]
        );
    }

    #[test]
    fn content_text_never_turns_into_markdown() {
        for text in [
            "单　位",
            "2. 子项",
            "---",
            "- 甲",
            "  缩进的文字",
            "&amp; 与 &lt;",
            "A | B",
            "*强调*",
            "1) 第一",
            "甲\r\n乙",
        ] {
            let md = format!("1. {}\n", crate::render::markdown::escape(text));
            let blocks = blocks(&md);
            let expected = text.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(blocks, vec![Block::Item { label: "1．".into(), text: expected }], "{text:?}");
        }
    }

    #[test]
    fn codes_are_short_stable_and_change_with_the_text() {
        let a = code(&[Block::Paragraph("甲".into())]);
        assert_eq!(a, code(&[Block::Paragraph("甲".into())]));
        assert_ne!(a, code(&[Block::Paragraph("乙".into())]));
        assert_ne!(a, code(&[Block::Heading("甲".into())]), "the kind of block counts");
        assert_eq!(a.len(), 9);
        assert!(a.chars().all(|c| c == '-' || c.is_ascii_digit() || c.is_ascii_uppercase()));
    }
}

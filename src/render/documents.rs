//! The printed documents of a build, computed once and shared by the renderers: the PDF
//! renderer typesets them, the site links to them and shows their verification codes.
//!
//! A document's text comes from a Markdown template of the theme (`pdf/card.md`,
//! `pdf/letter.md`) rendered with Tera, then read into a few kinds of [`Block`].

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use tera::Context;

use super::theme::{Theme, template_error};
use crate::error::{Error, Result};
use crate::lock;
use crate::model::{Institution, Letter, Model, Post};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// 岗位安全生产责任清单 (一岗一清单).
    Card,
    /// 安全生产责任书.
    Letter,
    /// A campaign phase's summary (阶段小结).
    Report,
}

/// A piece of a document, as the typesetter sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
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
}

/// Where a letter stands, from the content's signing records and its current code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Status {
    Unsigned,
    /// Signed for the text it carries now.
    Signed {
        date: String,
    },
    /// Signed, but for an older text: the code on the paper is not the current one.
    Outdated {
        date: String,
        signed_code: String,
    },
}

#[derive(Debug, Clone)]
pub struct Document {
    pub kind: Kind,
    pub institution: String,
    pub department: String,
    /// The post whose duties it carries (乙方's post for a letter).
    pub post: String,
    /// 乙方 of a letter.
    pub person: Option<String>,
    /// Path below the site root, e.g. `pdf/wsq-wjw/letters/office-head--li-na.pdf`.
    pub file: String,
    pub title: String,
    /// 文号 of a letter, in the institution's document number style.
    pub number: Option<String>,
    /// Short hash of the text: a signed paper matches the exact version it was signed for.
    pub code: String,
    pub blocks: Vec<Block>,
    /// Letters only.
    pub status: Option<Status>,
    /// A scan of the signed letter, relative to the institution's content folder.
    pub scan: Option<String>,
    /// Whether this build prints it (fonts found, and selected); its code and status count anyway.
    pub printed: bool,
}

impl Block {
    /// The block's text, in reading order.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Title(t) | Block::Heading(t) | Block::Paragraph(t) => vec![t],
            Block::Lines(l) => l.iter().map(String::as_str).collect(),
            Block::Item { label, text } => vec![label, text],
            Block::Signatures { header, rows } => {
                header.iter().chain(rows.iter().flatten()).map(String::as_str).collect()
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
        }
    }
}

/// Every card and letter of the model, institution by institution, and every phase report.
pub fn all(model: &Model, theme: &Theme) -> Result<Vec<Document>> {
    documents(model, theme, true)
}

/// Like `all`, but the cards and letters keep only their codes and facts, not their texts: a
/// province's texts are a gigabyte, and the PDF renderer makes them again institution by
/// institution (`institution`). Phase reports keep theirs.
pub fn codes(model: &Model, theme: &Theme) -> Result<Vec<Document>> {
    documents(model, theme, false)
}

/// The cards and letters of one institution, with their texts.
pub fn institution(model: &Model, theme: &Theme, inst: &Institution) -> Result<Vec<Document>> {
    let year = model.site.term_year.map_or_else(|| "　　".to_string(), |y| y.to_string());
    let tera = &theme.tera;
    let cards = inst.posts.iter().enumerate().map(|(n, post)| card(tera, model, inst, post, n + 1));
    let letters = inst.letters.iter().enumerate().map(|(n, letter)| letter_doc(tera, inst, letter, n + 1, &year));
    cards.chain(letters).collect()
}

/// The cards and letters of the institutions `ids`, with their texts, then their phase reports:
/// all that a build of their documents alone needs (`build --institution` without the site or
/// the data export, the preview's PDFs), without making a province's other documents.
pub fn of_institutions(model: &Model, theme: &Theme, ids: &BTreeSet<String>) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for inst in model.institutions.iter().filter(|i| ids.contains(&i.id)) {
        docs.extend(institution(model, theme, inst)?);
    }
    docs.extend(super::report::all(model, &theme.tera)?.into_iter().filter(|d| ids.contains(&d.institution)));
    Ok(docs)
}

/// Like `codes`, for the preview: after an edit inside the folders of `reuse.edited`, the
/// other institutions' documents are the ones `reuse.cache` kept from the previous pass (nothing
/// they are made of changed). They are moved, not copied: the caller gives them back when its
/// pass is done (`keep`).
pub fn codes_reusing(model: &Model, theme: &Theme, reuse: Reuse) -> Result<Vec<Document>> {
    let kept = reuse.edited.map(|_| std::mem::take(&mut *lock(&reuse.cache.by_institution))).unwrap_or_default();
    let keep = |inst: &Institution| reuse.edited.is_some_and(|ids| !ids.contains(&inst.id));
    let per_institution = per_institution(model, theme, false, |inst| kept.get(&inst.id).filter(|_| keep(inst)))?;
    drop(kept);
    finish(model, theme, per_institution)
}

/// Gives the documents of a pass back to `cache`, institution by institution, for the next
/// pass (`codes_reusing`); phase reports are made again each time.
pub fn keep(cache: &Cache, documents: Vec<Document>) {
    let mut by_institution: BTreeMap<String, Vec<Document>> = BTreeMap::new();
    for d in documents.into_iter().filter(|d| d.kind != Kind::Report) {
        by_institution.entry(d.institution.clone()).or_default().push(d);
    }
    *lock(&cache.by_institution) = by_institution.into_iter().map(|(id, docs)| (id, Arc::new(docs))).collect();
}

/// Documents kept between the preview's pages passes (codes and facts, no texts), by institution.
#[derive(Default)]
pub struct Cache {
    by_institution: std::sync::Mutex<BTreeMap<String, Arc<Vec<Document>>>>,
}

/// What `codes_reusing` may take from a previous pass.
#[derive(Clone, Copy)]
pub struct Reuse<'a> {
    pub cache: &'a Cache,
    /// The institutions whose folders changed since the pass that filled the cache; None: the
    /// change may lie anywhere (settings, categories, the theme), and everything is made again.
    pub edited: Option<&'a BTreeSet<String>>,
}

fn documents(model: &Model, theme: &Theme, texts: bool) -> Result<Vec<Document>> {
    let per_institution = per_institution(model, theme, texts, |_| None)?;
    finish(model, theme, per_institution)
}

/// Every institution's cards and letters, those `kept` gives taken as they are.
fn per_institution<'k>(
    model: &Model,
    theme: &Theme,
    texts: bool,
    kept: impl Fn(&Institution) -> Option<&'k Arc<Vec<Document>>> + Sync,
) -> Result<BTreeMap<String, Arc<Vec<Document>>>> {
    // Institutions are independent: on every core.
    model
        .institutions
        .par_iter()
        .map(|inst| {
            if let Some(docs) = kept(inst) {
                return Ok((inst.id.clone(), docs.clone()));
            }
            let mut docs = institution(model, theme, inst)?;
            if !texts {
                for d in &mut docs {
                    d.blocks = Vec::new();
                }
            }
            Ok((inst.id.clone(), Arc::new(docs)))
        })
        .collect()
}

/// The documents in model order, then every phase report.
fn finish(model: &Model, theme: &Theme, mut by_id: BTreeMap<String, Arc<Vec<Document>>>) -> Result<Vec<Document>> {
    // Sized at once: at 100,000 employees growing it moved 40 MB of documents several times.
    let reports = model.campaigns.iter().map(|c| c.phases.len()).sum::<usize>();
    let mut docs = Vec::with_capacity(by_id.values().map(|d| d.len()).sum::<usize>() + reports);
    for inst in &model.institutions {
        if let Some(d) = by_id.remove(&inst.id) {
            docs.extend(Arc::unwrap_or_clone(d));
        }
    }
    docs.extend(super::report::all(model, &theme.tera)?);
    Ok(docs)
}

/// A card's number: the institution's id and the post's place in the institution, e.g.
/// `WSQ-HOSPITAL-023` (cards are not official documents, so they get no 文号).
fn card(tera: &tera::Tera, model: &Model, inst: &Institution, post: &Post, n: usize) -> Result<Document> {
    let mut ctx = Context::new();
    ctx.insert("institution", &inst.name);
    let department = inst.department(&post.department).map_or(post.department.as_str(), |d| d.name.as_str());
    ctx.insert("department", department);
    ctx.insert("post", &post.name);
    ctx.insert("category", &post.category.as_deref().and_then(|c| model.category(c)).map(|c| &c.name));
    let holders: Vec<&str> = post.holders.iter().filter_map(|h| inst.person(h)).map(|p| p.name.as_str()).collect();
    ctx.insert("holders", &holders);
    ctx.insert("reports_to", &post.reports_to.as_deref().and_then(|r| inst.post(r)).map(|p| &p.name));
    insert_duties(&mut ctx, post);
    let blocks = blocks(&render(tera, "pdf/card.md", &ctx)?);
    Ok(Document {
        kind: Kind::Card,
        institution: inst.id.clone(),
        department: post.department.clone(),
        post: post.id.clone(),
        person: None,
        file: format!("pdf/{}/cards/{}.pdf", inst.id, post.id),
        title: format!("{}　{}岗位安全生产责任清单", inst.name, post.name),
        number: Some(format!("清单编号 {}-{n:03}", inst.id.to_ascii_uppercase())),
        code: code(&blocks),
        blocks,
        status: None,
        scan: None,
        printed: false,
    })
}

fn letter_doc(tera: &tera::Tera, inst: &Institution, l: &Letter, n: usize, year: &str) -> Result<Document> {
    let post = inst.post(&l.party_b.post).ok_or_else(|| Error::new(format!("letter {}: no post", l.id)))?;
    let person = |id: &Option<String>| id.as_deref().and_then(|p| inst.person(p)).map_or("", |p| p.name.as_str());
    let department = inst.department(&post.department).map_or(post.department.as_str(), |d| d.name.as_str());
    let party_a_post = inst.post(&l.party_a.post).map_or("", |p| p.name.as_str());
    let mut ctx = Context::new();
    ctx.insert("institution", &inst.name);
    ctx.insert("year", year);
    ctx.insert("party_a", &serde_json::json!({ "post": party_a_post, "person": person(&l.party_a.person) }));
    ctx.insert(
        "party_b",
        &serde_json::json!({ "post": post.name, "person": person(&l.party_b.person), "department": department }),
    );
    insert_duties(&mut ctx, post);
    let blocks = blocks(&render(tera, "pdf/letter.md", &ctx)?);
    let number =
        inst.doc_number.as_ref().map(|style| style.replace("{year}", year).replace("{number}", &n.to_string()));
    let code = code(&blocks);
    let status = match &l.signed {
        None => Status::Unsigned,
        Some(s) if s.code == code => Status::Signed { date: s.date.clone() },
        Some(s) => Status::Outdated { date: s.date.clone(), signed_code: s.code.clone() },
    };
    Ok(Document {
        kind: Kind::Letter,
        institution: inst.id.clone(),
        department: post.department.clone(),
        post: post.id.clone(),
        person: l.party_b.person.clone(),
        file: format!("pdf/{}/letters/{}.pdf", inst.id, l.id),
        title: format!("{}　{}安全生产责任书", inst.name, person(&l.party_b.person)),
        code,
        number,
        blocks,
        status: Some(status),
        scan: l.signed.as_ref().and_then(|s| s.scan.clone()),
        printed: false,
    })
}

fn insert_duties(ctx: &mut Context, post: &Post) {
    let duties: Vec<&str> = post.duties.iter().map(|d| d.text.as_str()).collect();
    ctx.insert("duties", &duties);
    ctx.insert("scope", &post.scope);
    ctx.insert("business_duties", &post.business_duties);
    ctx.insert("assessment", &post.assessment);
    ctx.insert("rewards_penalties", &post.rewards_penalties);
}

pub(super) fn render(tera: &tera::Tera, name: &str, ctx: &Context) -> Result<String> {
    tera.render(name, ctx).map_err(|e| Error::new(format!("template {name}: {}", template_error(&e))))
}

/// `{{ text | md }}`: content text is plain text, never Markdown. CommonMark lets a backslash
/// escape any ASCII punctuation, so escaping all of it leaves nothing to interpret: no list
/// markers (`1.`, `-`), rules (`---`), entities (`&amp;`), emphasis or tables. Line breaks and
/// leading blanks (an indented code block) become single spaces.
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    // Only ASCII blanks: an ideographic space (　) is text.
    let words: Vec<&str> = text.split(|c: char| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).collect();
    for c in words.join(" ").chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn md_filter(value: &tera::Value, _: &std::collections::HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let text = tera::try_get_value!("md", "value", String, value);
    Ok(tera::Value::String(md_escape(&text)))
}

/// Reads the rendered Markdown into blocks. Anything else Markdown can express is read as text.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut lines: Vec<String> = Vec::new();
    let mut in_quote = false;
    let mut list_number: Option<u64> = None;
    let mut table: Option<(Vec<String>, Vec<Vec<String>>)> = None;
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
            Event::Start(Tag::Table(_)) => table = Some((Vec::new(), Vec::new())),
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
            Event::End(TagEnd::Table) => {
                if let Some((header, rows)) = table.take() {
                    out.push(Block::Signatures { header, rows });
                }
            }
            _ => {}
        }
    }
    out
}

/// The characters of verification codes (Crockford's base32).
pub const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

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
            let md = format!("1. {}\n", md_escape(text));
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

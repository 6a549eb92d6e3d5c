//! Tagged PDF: the logical structure of a file (ISO 32000-1 14.7–14.8), so that a screen reader,
//! a search tool or a later conversion reads a letter as a title, headings, paragraphs and
//! lists in reading order rather than as positioned text, and an archive keeps that structure.
//!
//! Each page's text is drawn in marked-content sequences, one per block of the document on the
//! page, numbered on the page (MCID); footers and rules are artifacts (`write::page_content`).
//! A page's bytes are the same in a document's own file and in its combined files, so the
//! structure is written per file from each page's MCIDs: Document, then a Sect per document in
//! a combined file, then an element per block (consecutive numbered items under one L), whose
//! children are its sequences on each page; and the parent tree from each page back to them.

use pdf_writer::types::StructRole;
use pdf_writer::writers::StructTreeRoot;
use pdf_writer::{Finish, Name, Pdf, Ref, TextStr};

use crate::render::document::Block;

/// The structure type of a block.
pub(super) fn role(block: &Block) -> StructRole {
    match block {
        Block::Title(_) => StructRole::H1,
        Block::Heading(_) => StructRole::H2,
        Block::Item { .. } => StructRole::LI,
        Block::Signatures { .. } | Block::Table { .. } => StructRole::Table,
        Block::Network(_) => StructRole::Figure,
        Block::Paragraph(_) | Block::Lines(_) | Block::Closing(_) => StructRole::P,
    }
}

/// The tag a block's marked content carries in a page's stream (its structure type).
pub(super) fn tag(block: &Block) -> Name<'static> {
    role(block).to_name()
}

/// One document of a file, as its structure needs it: its blocks, and for each of its pages
/// (in order) the page's object and parent-tree key, and the block of each MCID.
pub(super) struct Tagged<'a> {
    pub(super) blocks: &'a [Block],
    pub(super) title: &'a str,
    pub(super) pages: Vec<(Ref, i32, &'a [u32])>,
}

/// Writes the structure tree of a file whose documents are `docs`; returns its root.
pub(super) fn write(pdf: &mut Pdf, alloc: &mut impl FnMut() -> Ref, docs: &[Tagged]) -> Ref {
    let root = alloc();
    let document = alloc();
    // Parent tree: for each page's key, the element of each of its MCIDs.
    let mut parents: std::collections::BTreeMap<i32, Vec<Ref>> = std::collections::BTreeMap::new();
    let mut top: Vec<Ref> = Vec::new();
    for doc in docs {
        // In a combined file each document is a section of its own.
        let (parent, section) = match docs.len() {
            1 => (document, None),
            _ => {
                let s = alloc();
                top.push(s);
                (s, Some(s))
            }
        };
        let mut children: Vec<Ref> = Vec::new();
        let mut list: Option<(Ref, Vec<Ref>)> = None;
        for (b, block) in doc.blocks.iter().enumerate() {
            // The block's sequences: (page, MCID), in page order.
            let seqs: Vec<(Ref, i32, i32)> = doc
                .pages
                .iter()
                .flat_map(|&(page, key, marks)| {
                    marks
                        .iter()
                        .enumerate()
                        .filter(|(_, m)| **m == b as u32)
                        .map(move |(mcid, _)| (page, key, mcid as i32))
                })
                .collect();
            if seqs.is_empty() {
                continue;
            }
            let id = alloc();
            let is_item = matches!(block, Block::Item { .. });
            if is_item && list.is_none() {
                let l = alloc();
                children.push(l);
                list = Some((l, Vec::new()));
            }
            if !is_item && let Some((l, items)) = list.take() {
                write_group(pdf, l, StructRole::L, parent, &items);
            }
            let under = match &mut list {
                Some((l, items)) => {
                    items.push(id);
                    *l
                }
                None => {
                    children.push(id);
                    parent
                }
            };
            let mut e = pdf.indirect(id).start::<pdf_writer::writers::StructElement>();
            e.kind(role(block)).parent(under);
            if let Block::Network(_) = block {
                e.alt(TextStr(doc.title));
            }
            let mut kids = e.children();
            for &(page, _, mcid) in &seqs {
                kids.marked_content_ref().page(page).marked_content_id(mcid);
            }
            kids.finish();
            e.finish();
            for &(_, key, mcid) in &seqs {
                let refs = parents.entry(key).or_default();
                if refs.len() <= mcid as usize {
                    refs.resize(mcid as usize + 1, id);
                }
                refs[mcid as usize] = id;
            }
        }
        if let Some((l, items)) = list.take() {
            write_group(pdf, l, StructRole::L, parent, &items);
        }
        match section {
            Some(s) => {
                let mut e = pdf.indirect(s).start::<pdf_writer::writers::StructElement>();
                e.kind(StructRole::Sect).parent(document).title(TextStr(doc.title));
                e.children().items(children.iter().copied());
            }
            None => top.extend(children),
        }
    }
    write_group(pdf, document, StructRole::Document, root, &top);
    // Each page's array of parents is an object of its own, which the tree names.
    let arrays: Vec<(i32, Ref)> = parents
        .iter()
        .map(|(key, refs)| {
            let id = alloc();
            pdf.indirect(id).array().items(refs.iter().copied());
            (*key, id)
        })
        .collect();
    let mut tree = pdf.indirect(root).start::<StructTreeRoot>();
    tree.child(document);
    let mut parent_tree = tree.parent_tree();
    let mut nums = parent_tree.nums();
    for (key, id) in arrays {
        nums.insert(key, id);
    }
    nums.finish();
    parent_tree.finish();
    tree.parent_tree_next_key(docs.iter().flat_map(|d| &d.pages).map(|p| p.1 + 1).max().unwrap_or(0));
    root
}

/// An element that only groups others.
fn write_group(pdf: &mut Pdf, id: Ref, role: StructRole, parent: Ref, kids: &[Ref]) {
    let mut e = pdf.indirect(id).start::<pdf_writer::writers::StructElement>();
    e.kind(role).parent(parent);
    e.children().items(kids.iter().copied());
}

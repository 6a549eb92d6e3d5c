//! The fonts inside printed documents. All files of one family of an institution's documents
//! (its cards and letters, say, with their combined files) are drawn with the same subset of
//! each face: the characters all of them print. The subset is cut and described once (a CFF
//! program is not compressed: see `FONT_LEVEL`). Each file copies it with the glyphs its own
//! documents do not print emptied (`Subsets::thinned`), so that a one-page letter carries its
//! own few hundred glyphs, not the institution's thousand, and a department's combined file
//! its documents' glyphs; a file that prints them all copies it as it is.
//!
//! Why not a subset cut per file, as PDF writers do: cutting and compressing three CJK faces
//! for each file was more than half of a letter's cost (krilla, which wrote these files before,
//! does exactly that). Emptying glyphs keeps the shared subset's character ids, so a document's
//! pages are drawn once for its own file and its combined files, and costs a copy. Not one
//! subset for the whole institution: its hazard ledgers would grow every letter by a fifth.

use std::collections::BTreeSet;

use pdf_writer::types::{SystemInfo, UnicodeCmap};
use pdf_writer::{Name, Str};
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{MetadataProvider, Tag};

use super::fonts::Role;
use super::fonts::{Face, FontSet, Stack};
use crate::error::{Error, Result};
use crate::render::deflate;
use crate::render::kept as cache;
use crate::t;

/// TrueType programs and ToUnicode maps are deflated; CFF programs are not: CFF shrinks by only
/// a sixth (over the font streams of 1,000 employees' PDFs, 61 MB, libdeflate's level 1 wrote
/// 50.5 MB in 0.39 s), and most of a CFF subset's bytes are written thinned, file by file
/// (deflating each would cost about as much as the rest of the file). Deflating the shared
/// subsets once per family was 5 % of a build of 1,000 one-page letters, and saved 0.4 % of
/// 1,000 employees' whole output (60 of its combined files were up to 8.5 % smaller).
const FONT_LEVEL: u8 = 1;

pub(crate) const ROLES: [Role; 3] = [Role::Body, Role::Heading, Role::Title];

/// The fonts' registry and ordering, as the PDF names them for Identity-H encoded fonts.
pub(crate) const SYSTEM_INFO: SystemInfo =
    SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };

fn slot(role: Role) -> usize {
    match role {
        Role::Body => 0,
        Role::Heading => 1,
        Role::Title => 2,
    }
}

/// The characters a group of documents prints, per face role.
#[derive(Default)]
pub(crate) struct Glyphs {
    chars: [CharSet; 3],
}

/// A set of characters, in order: a bit for each of the Basic Multilingual Plane, where Chinese
/// text lies, and a tree for the rest. Every character of every document is added, most of
/// them many times: a tree alone took 7 % of the letters' build.
#[derive(Default)]
struct CharSet {
    /// 1,024 words of 64 bits, allocated with the first character of the plane.
    bmp: Vec<u64>,
    rest: BTreeSet<char>,
}

impl CharSet {
    fn insert(&mut self, c: char) {
        let code = c as usize;
        if code < 0x10000 {
            if self.bmp.is_empty() {
                self.bmp = vec![0; 0x10000 / 64];
            }
            self.bmp[code / 64] |= 1 << (code % 64);
        } else {
            self.rest.insert(c);
        }
    }

    fn add_all(&mut self, other: &CharSet) {
        if !other.bmp.is_empty() {
            if self.bmp.is_empty() {
                self.bmp = vec![0; 0x10000 / 64];
            }
            self.bmp.iter_mut().zip(&other.bmp).for_each(|(a, b)| *a |= b);
        }
        self.rest.extend(other.rest.iter().copied());
    }

    fn iter(&self) -> impl Iterator<Item = char> + '_ {
        // Each set bit of each word, lowest first.
        let bmp = self.bmp.iter().enumerate().filter(|(_, word)| **word != 0).flat_map(|(k, &word)| {
            std::iter::successors(Some(word), |w| Some(w & (w - 1)).filter(|w| *w != 0))
                .filter_map(move |w| char::from_u32((k * 64) as u32 + w.trailing_zeros()))
        });
        bmp.chain(self.rest.iter().copied())
    }
}

impl Glyphs {
    pub(crate) fn add(&mut self, role: Role, text: &str) {
        let set = &mut self.chars[slot(role)];
        text.chars().for_each(|c| set.insert(c));
    }

    /// Adds the characters of `other`.
    pub(crate) fn add_all(&mut self, other: &Glyphs) {
        self.chars.iter_mut().zip(&other.chars).for_each(|(set, more)| set.add_all(more));
    }

    /// The characters in a compact form, to keep one per document (see `Printed`).
    pub(crate) fn printed(&self) -> Printed {
        Printed { chars: self.chars.each_ref().map(|set| set.iter().collect()) }
    }

    /// The characters of several documents: what a file that binds them prints.
    pub(crate) fn of_all<'a>(all: impl IntoIterator<Item = &'a Printed>) -> Glyphs {
        let mut glyphs = Glyphs::default();
        for printed in all {
            for (set, chars) in glyphs.chars.iter_mut().zip(&printed.chars) {
                chars.iter().for_each(|&c| set.insert(c));
            }
        }
        glyphs
    }

    /// Names this set of characters: the files drawn with it depend on it.
    pub(crate) fn key(&self) -> cache::Key {
        let texts: Vec<String> = self.chars.iter().map(|set| set.iter().collect()).collect();
        cache::key(&texts.iter().map(String::as_bytes).collect::<Vec<_>>())
    }
}

/// The characters one document prints, per face role, in order: a `Glyphs` holds 8 KB per
/// role, too much to keep for each of an institution's thousand letters until their combined
/// files are written.
pub(crate) struct Printed {
    chars: [Box<[char]>; 3],
}

/// One face cut down to the characters of a group, ready to be copied into its files.
pub(crate) struct Subset {
    /// Glyph id in the whole face → character id in the subset (the code drawn, Identity-H),
    /// sorted by glyph id.
    cids: Vec<(u16, u16)>,
    /// `ABCDEF+PostScriptName`: the tag names the subset, as PDF readers expect.
    pub(crate) base_font: String,
    /// A bare CFF program (FontFile3, CIDFontType0C) or else a TrueType file (FontFile2).
    pub(crate) cff: bool,
    /// The font program: a CFF one as it is, a TrueType one deflated (see `FONT_LEVEL`).
    pub(crate) program: Vec<u8>,
    /// Its length before deflating (a TrueType program's `/Length1`).
    pub(crate) program_length: usize,
    /// The ToUnicode CMap (character id → text, for copying and search), deflated.
    pub(crate) to_unicode: Vec<u8>,
    /// Advance of each character id, in thousandths of an em.
    pub(crate) widths: Vec<f32>,
    pub(crate) descriptor: Descriptor,
    /// A CFF program as cut, with where its charstrings begin and each one's bytes (by
    /// character id): what `Subsets::thinned` makes a file's own program from.
    charstrings: Option<Charstrings>,
}

struct Charstrings {
    at: usize,
    glyphs: Vec<std::ops::Range<usize>>,
}

/// A face as one file embeds it: its group's subset, with the program to write.
pub(crate) struct Embedded<'a> {
    pub(crate) subset: &'a Subset,
    pub(crate) base_font: std::borrow::Cow<'a, str>,
    pub(crate) program: std::borrow::Cow<'a, [u8]>,
}

/// What a PDF's font descriptor says about a face; from the whole face (its bounding box from
/// the `head` table: larger than the subset's, which PDF allows).
pub(crate) struct Descriptor {
    pub(crate) bbox: [f32; 4],
    pub(crate) italic_angle: f32,
    pub(crate) ascent: f32,
    pub(crate) descent: f32,
    pub(crate) cap_height: f32,
    pub(crate) stem_v: f32,
    pub(crate) serif: bool,
}

impl Subset {
    /// The character id of glyph `gid`, when the subset has it.
    fn cid(&self, gid: u16) -> Option<u16> {
        self.cids.binary_search_by_key(&gid, |(g, _)| *g).ok().map(|i| self.cids[i].1)
    }

    /// The bytes to draw `text` with (two per character, big-endian), skipping characters the
    /// face lacks (`coverage` has already refused documents with such characters).
    pub(crate) fn encode(&self, face: &Face, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            let Some((gid, _)) = face.glyph(c) else { continue };
            if let Some(cid) = self.cid(gid) {
                out.extend_from_slice(&cid.to_be_bytes());
            }
        }
        out
    }
}

/// Per role, per face of its stack (`fonts::Stack`): `None` where the group prints nothing.
pub(crate) type Faces<T> = [Vec<Option<T>>; 3];

/// The subsets of a group's faces.
pub(crate) struct Subsets {
    pub(crate) faces: Faces<Subset>,
}

/// `chars` that the stack prints with its face `i`.
fn printed_by(stack: &Stack, i: usize, chars: &CharSet) -> BTreeSet<char> {
    chars.iter().filter(|&c| stack.glyph(c).is_some_and(|(f, _, _)| f == i)).collect()
}

impl Subsets {
    pub(crate) fn new(fonts: &FontSet, glyphs: &Glyphs) -> Result<Self> {
        let key = glyphs.key();
        let mut faces: Faces<Subset> = Default::default();
        for role in ROLES {
            let stack = fonts.stack(role);
            for (i, face) in stack.faces.iter().enumerate() {
                let chars = printed_by(stack, i, &glyphs.chars[slot(role)]);
                if chars.is_empty() {
                    faces[slot(role)].push(None);
                    continue;
                }
                // Tags differ between the faces of a file (PDF 32000 9.6.4), even when two
                // roles print with the same face.
                let mut name = vec![slot(role) as u8];
                if i > 0 {
                    name.push(i as u8);
                }
                let tag = subset_tag(&cache::key(&[&key, &name]));
                faces[slot(role)].push(Some(subset(face, &chars, &tag)?));
            }
        }
        Ok(Subsets { faces })
    }

    /// The subset of the `i`th face of `role`'s stack.
    pub(crate) fn get(&self, role: Role, i: usize) -> Option<&Subset> {
        self.faces[slot(role)].get(i)?.as_ref()
    }

    /// The shared subsets, as they are.
    fn shared(&self) -> Faces<Embedded<'_>> {
        self.faces.each_ref().map(|stack| {
            stack
                .iter()
                .map(|f| {
                    f.as_ref().map(|subset| Embedded {
                        subset,
                        base_font: subset.base_font.as_str().into(),
                        program: subset.program.as_slice().into(),
                    })
                })
                .collect()
        })
    }

    /// The faces as a file of some of the group's documents embeds them: a CFF subset with the
    /// glyphs that they do not print emptied, when that is smaller than the shared subset. Its
    /// character ids are the shared subset's, so the document's pages are drawn once for its
    /// own file and its combined files.
    pub(crate) fn thinned(&self, fonts: &FontSet, glyphs: &Glyphs) -> Faces<Embedded<'_>> {
        let mut out = self.shared();
        for role in ROLES {
            let stack = fonts.stack(role);
            // Per face of the stack, the character ids it prints (.notdef always).
            let mut keep: Vec<Option<Vec<bool>>> = (0..stack.faces.len())
                .map(|i| {
                    let cs = self.get(role, i)?.charstrings.as_ref()?;
                    let mut keep = vec![false; cs.glyphs.len()];
                    keep[0] = true;
                    Some(keep)
                })
                .collect();
            for c in glyphs.chars[slot(role)].iter() {
                let Some((i, gid, _)) = stack.glyph(c) else { continue };
                let (Some(Some(keep)), Some(subset)) = (keep.get_mut(i), self.get(role, i)) else { continue };
                if let Some(k) = subset.cid(gid).and_then(|cid| keep.get_mut(usize::from(cid))) {
                    *k = true;
                }
            }
            for (i, keep) in keep.into_iter().enumerate() {
                let (Some(keep), Some(subset), Some(Some(embedded))) =
                    (keep, self.get(role, i), out[slot(role)].get_mut(i))
                else {
                    continue;
                };
                let Some(program) = subset.charstrings.as_ref().and_then(|cs| cs.thinned(&subset.program, &keep))
                else {
                    continue;
                };
                // Named by what it keeps: the same glyphs, the same tag.
                let kept: Vec<u8> = keep.iter().map(|&k| k as u8).collect();
                let tag = subset_tag(&cache::key(&[subset.base_font.as_bytes(), &kept]));
                let name = subset.base_font.split_once('+').map_or(subset.base_font.as_str(), |(_, n)| n);
                embedded.base_font = format!("{tag}+{name}").into();
                embedded.program = program.into();
            }
        }
        out
    }
}

impl Charstrings {
    /// Where a CFF program's charstrings are, when they are its last part (the subsetter
    /// writes them last): found from the Top DICT.
    fn of(cff: &[u8]) -> Option<Charstrings> {
        use skrifa::raw::FontRead;
        use skrifa::raw::ps::cff::dict;
        let font = skrifa::raw::tables::cff::Cff::read(skrifa::raw::FontData::new(cff)).ok()?;
        let top = font.top_dicts().get(0).ok()?;
        let at = dict::entries(top, None).find_map(|e| match e {
            Ok(dict::Entry::CharstringsOffset(at)) => Some(at),
            _ => None,
        })?;
        let (glyphs, end) = super::cff::index(cff, at)?;
        (end == cff.len()).then_some(Charstrings { at, glyphs })
    }

    /// The program `cff` (that these charstrings are of) with every glyph not kept emptied
    /// (`endchar`), its charstrings INDEX written again with the smallest offsets that fit;
    /// None unless that makes it smaller.
    fn thinned(&self, cff: &[u8], keep: &[bool]) -> Option<Vec<u8>> {
        const ENDCHAR: &[u8] = &[14];
        let data: usize = self.glyphs.iter().zip(keep).map(|(g, &k)| if k { g.len() } else { ENDCHAR.len() }).sum();
        // The INDEX: count, offset size, offsets, data.
        let len = self.at + 3 + (self.glyphs.len() + 1) * super::cff::offset_size(data) + data;
        if len >= cff.len() {
            return None;
        }
        let glyphs: Vec<&[u8]> =
            self.glyphs.iter().zip(keep).map(|(g, &k)| if k { &cff[g.clone()] } else { ENDCHAR }).collect();
        let mut out = Vec::with_capacity(len);
        out.extend_from_slice(&cff[..self.at]);
        super::cff::push_index(&mut out, &glyphs);
        debug_assert_eq!(out.len(), len);
        Some(out)
    }
}

fn subset(face: &Face, chars: &BTreeSet<char>, tag: &str) -> Result<Subset> {
    let fail = |what: String| Error::theme(t!("font-problem", name = face.name.as_str(), problem = what));
    let font = skrifa::FontRef::from_index(face.bytes(), face.index).map_err(|_| fail(t!("font-unreadable")))?;
    // Glyphs in ascending id order, .notdef first: the same characters give the same subset.
    let mut by_gid: Vec<(u16, char)> = chars.iter().filter_map(|&c| Some((face.glyph(c)?.0, c))).collect();
    by_gid.sort_unstable();
    let mut gids: Vec<u16> = std::iter::once(0).chain(by_gid.iter().map(|(g, _)| *g)).collect();
    gids.dedup();
    // A CFF face is embedded as its bare CFF table, whose character ids are the glyph ids of
    // the subset (the glyphs in ascending order), so Identity-H codes reach the right glyphs.
    // Most faces' subsets are written by the face's cutter (see `cff`), others cut whole by the
    // subsetter.
    let (program, cff) = match face.cutter().and_then(|c| c.cut(face.bytes(), face.index, &gids)) {
        Some(cff) => (cff, true),
        None => {
            let remapper = subsetter::GlyphRemapper::new_from_glyphs_sorted(&gids);
            let cut = subsetter::subset(face.bytes(), face.index, &remapper)
                .map_err(|e| fail(t!("font-no-subset", error = e.to_string())))?;
            let cut_font = skrifa::FontRef::new(&cut).map_err(|_| fail(t!("font-subset-unreadable")))?;
            match cut_font.data_for_tag(Tag::new(b"CFF ")).map(|d| d.as_bytes().to_vec()) {
                Some(table) => (table, true),
                None => (cut, false),
            }
        }
    };
    let raw = program.as_slice();
    // For a CFF face, PDF wants the name inside the program (Table 117); in a collection of
    // Chinese, Japanese and Korean faces that name is the one CFF table's, not the face's.
    let cff_name = match cff {
        true => <skrifa::raw::tables::cff::Cff as skrifa::raw::FontRead>::read(skrifa::raw::FontData::new(raw))
            .ok()
            .and_then(|t| t.name(0))
            .map(|n| String::from_utf8_lossy(n).into_owned()),
        false => None,
    };

    let cids: Vec<(u16, u16)> = gids.iter().enumerate().map(|(i, &g)| (g, i as u16)).collect();
    let cid_of = |g: u16| cids.binary_search_by_key(&g, |(g, _)| *g).ok().map(|i| cids[i].1);
    // One text per character id. Where characters share a glyph (a Kangxi radical and its
    // ideograph, a compatibility ideograph), copying and search get the unified ideograph:
    // the map serves every file of the institution.
    let mut text_of: std::collections::BTreeMap<u16, char> = std::collections::BTreeMap::new();
    for (gid, c) in &by_gid {
        let Some(cid) = cid_of(*gid) else { continue };
        let unified = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}');
        text_of
            .entry(cid)
            .and_modify(|kept| {
                if unified(*c) && !unified(*kept) {
                    *kept = *c
                }
            })
            .or_insert(*c);
    }
    let mut cmap = UnicodeCmap::new(Name(b"Custom"), SYSTEM_INFO);
    for (cid, c) in text_of {
        cmap.pair(cid, c);
    }
    let to_unicode = deflate::zlib(&cmap.finish(), FONT_LEVEL)?;

    let metrics = font.metrics(Size::unscaled(), LocationRef::default());
    let per_mille = 1000.0 / metrics.units_per_em as f32;
    let advances = font.glyph_metrics(Size::unscaled(), LocationRef::default());
    let mut widths = vec![0.0; gids.len()];
    for &g in &gids {
        if let Some(cid) = cid_of(g) {
            let advance = advances.advance_width(skrifa::GlyphId::new(g as u32)).unwrap_or(0.0);
            widths[cid as usize] = advance * per_mille;
        }
    }
    let bbox = match font.head() {
        Ok(h) => [h.x_min(), h.y_min(), h.x_max(), h.y_max()].map(|v| v as f32 * per_mille),
        Err(_) => [0.0, -120.0, 1000.0, 880.0],
    };
    let postscript =
        font.localized_strings(skrifa::string::StringId::POSTSCRIPT_NAME).english_or_first().map(|s| s.to_string());
    let serif = postscript.as_deref().is_some_and(|n| n.contains("Serif"));
    let name = cff_name
        .or(postscript)
        .map(|s| s.chars().filter(|c| c.is_ascii_graphic() && !"[](){}<>/%#".contains(*c)).collect::<String>())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "Font".to_string());
    let weight = font.attributes().weight.value();
    let descriptor = Descriptor {
        bbox,
        italic_angle: metrics.italic_angle,
        ascent: metrics.ascent * per_mille,
        descent: metrics.descent * per_mille,
        cap_height: metrics.cap_height.unwrap_or(metrics.ascent) * per_mille,
        // No font table says it; the usual estimate from the weight class.
        stem_v: 10.0 + 0.244 * (weight - 50.0),
        serif,
    };
    let program_length = raw.len();
    let charstrings = if cff { Charstrings::of(raw) } else { None };
    let program = match cff {
        true => program,
        false => deflate::zlib(raw, FONT_LEVEL)?,
    };
    Ok(Subset {
        cids,
        base_font: format!("{tag}+{name}"),
        cff,
        program,
        program_length,
        to_unicode,
        widths,
        descriptor,
        charstrings,
    })
}

/// Cuts the glyph programs of every character in `printed` (see `cff::Cutter`) before the
/// documents are written: once per face, on every core, where each family of each institution
/// would cut the programs it is the first to print (130 cuts for 1,000 one-page letters, each
/// reading the face anew).
pub(crate) fn cut_glyphs(fonts: &FontSet, printed: &Glyphs) {
    use rayon::prelude::*;
    let mut work: Vec<(&Face, Vec<u16>)> = Vec::new();
    for role in ROLES {
        let stack = fonts.stack(role);
        let mut per_face: Vec<Vec<u16>> = vec![Vec::new(); stack.faces.len()];
        for c in printed.chars[slot(role)].iter() {
            if let Some((i, gid, _)) = stack.glyph(c) {
                per_face[i].push(gid);
            }
        }
        for (face, mut gids) in stack.faces.iter().zip(per_face) {
            gids.sort_unstable();
            gids.dedup();
            // A large face's share in as many parts as there are cores.
            let part = gids.len().div_ceil(rayon::current_num_threads()).max(64);
            work.extend(gids.chunks(part).map(|some| (face, some.to_vec())));
        }
    }
    work.par_iter().for_each(|(face, gids)| {
        if let Some(cutter) = face.cutter() {
            cutter.keep_programs(face.bytes(), face.index, gids);
        }
    });
}

/// Six capital letters from the characters' key: the same set, the same tag.
fn subset_tag(key: &cache::Key) -> String {
    key.iter().take(6).map(|b| (b'A' + b % 26) as char).collect()
}

#[cfg(test)]
mod tests {
    use super::{CharSet, Charstrings, Glyphs, Subsets, slot};
    use crate::render::pdf::fonts::FontSet;
    use crate::render::pdf::fonts::Role;
    use crate::render::pdf::style::Fonts;

    /// A file's thinned program keeps, byte for byte, the shared subset's program of every
    /// character id it draws, and empties every other; a file that prints them all keeps the
    /// shared program itself.
    #[test]
    fn a_thinned_subset_keeps_the_glyphs_drawn_and_only_those() {
        let sc = vec!["Noto Serif CJK SC".to_string()];
        let fonts = FontSet::load(&Fonts { body: sc.clone(), heading: sc.clone(), title: sc }, &[])
            .expect("fonts-noto-cjk is installed");
        let (all, part) = ("安全生产责任书　甲方：乙方：认真遵守规章制度（一）1．ABC 2026年", "责任书（一）乙方");
        let group = |text: &str| {
            let mut glyphs = Glyphs::default();
            glyphs.add(Role::Body, text);
            glyphs
        };
        let subsets = Subsets::new(&fonts, &group(all)).unwrap();
        let shared = subsets.get(Role::Body, 0).unwrap();
        let face = &fonts.body.faces[0];
        let programs = |cff: &[u8]| -> Vec<Vec<u8>> {
            Charstrings::of(cff).unwrap().glyphs.iter().map(|g| cff[g.clone()].to_vec()).collect()
        };
        let theirs = programs(&shared.program);
        let thinned = subsets.thinned(&fonts, &group(part));
        let ours = programs(&thinned[slot(Role::Body)][0].as_ref().unwrap().program);
        assert_eq!(ours.len(), theirs.len());
        let drawn: Vec<usize> =
            shared.encode(face, part).chunks(2).map(|c| usize::from(u16::from_be_bytes([c[0], c[1]]))).collect();
        assert_eq!(drawn.len(), part.chars().count());
        for (cid, (ours, theirs)) in ours.iter().zip(&theirs).enumerate() {
            match cid == 0 || drawn.contains(&cid) {
                true => assert!(ours == theirs && theirs.len() > 1, "character id {cid} not kept"),
                false => assert_eq!(ours, &[14], "character id {cid} not emptied"),
            }
        }
        let whole = subsets.thinned(&fonts, &group(all));
        assert!(whole[slot(Role::Body)][0].as_ref().unwrap().program == shared.program);
    }

    /// The bits and the tree give the characters a tree alone would, in the same order.
    #[test]
    fn a_char_set_is_a_sorted_set() {
        let text = "安全生产责任书 ABC abc 123（）〔2023〕18号 \u{0}\u{ffff}\u{10000}𠀀𠀀😀 安全 z";
        let mut set = CharSet::default();
        text.chars().for_each(|c| set.insert(c));
        let tree: std::collections::BTreeSet<char> = text.chars().collect();
        assert_eq!(set.iter().collect::<Vec<_>>(), tree.into_iter().collect::<Vec<_>>());
        assert_eq!(CharSet::default().iter().count(), 0);
    }
}

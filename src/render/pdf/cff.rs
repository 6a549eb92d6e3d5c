//! CFF subsets written around glyph programs cut once per build. The `subsetter` crate cuts a
//! subset by rewriting each glyph's program without subroutines (so that the subset need not
//! carry the face's), which is most of its work; and a build cuts a subset for each family of
//! each institution's documents, which print mostly the same characters: the same glyphs were
//! rewritten again and again (a sixth of a county's whole build). Here a face's glyphs are
//! rewritten once and kept (by `charstring`, which writes what the subsetter would, faster): all
//! that the check saw printed, before any file is written (`embed::cut_glyphs`), then any other
//! as it is first printed; each subset is then written around the kept programs, in the layout
//! the subsetter writes, byte for byte (checked when a face is first used: a face whose subset
//! this does not reproduce is left to the subsetter; and by a test).
//!
//! Written by hand because no maintained crate writes a CFF subset from parts (the subsetter's
//! own writer is private).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, RwLock};

use skrifa::raw::TableProvider;
use skrifa::raw::ps::cff::index::Index;

use super::charstring;

/// One face's kept programs and the parts of its subsets that do not change.
pub(crate) struct Cutter {
    /// The Name INDEX, as the subsetter writes it.
    names: Vec<u8>,
    /// The Top DICT, with the 5-byte operands of its offsets (`OFFSETS`) at `at`.
    top: Vec<u8>,
    at: [usize; 4],
    /// The strings the Top DICT names (SIDs from 391 on): the first of every subset's strings.
    strings: Vec<Vec<u8>>,
    /// Per font DICT of the face: how the subsetter writes it, when a subset uses it.
    dicts: Vec<Option<FontDict>>,
    /// The font DICT of each glyph of the face.
    fd_of: Vec<u8>,
    /// Where each font DICT's local subroutines are in the CFF table (0: it has none).
    local_subrs: Vec<u32>,
    /// Each glyph's program without subroutines, by glyph id in the face.
    programs: RwLock<HashMap<u16, Arc<[u8]>>>,
}

struct FontDict {
    /// Its entries as the subsetter writes them; the Private DICT's size and offset and the
    /// FontName's SID are written for each subset.
    data: Vec<u8>,
    entries: Vec<Entry>,
    /// The Private DICT.
    private: Vec<u8>,
    name: Option<Vec<u8>>,
}

/// A DICT entry: its operands and operator as written.
struct Entry {
    bytes: Range<usize>,
    operator: u16,
}

/// charset, CharStrings, FDArray, FDSelect: the Top DICT operators whose operands are offsets.
const OFFSETS: [u16; 4] = [15, 17, 12 << 8 | 36, 12 << 8 | 37];
const PRIVATE: u16 = 18;
const FONT_NAME: u16 = 12 << 8 | 38;
const FIRST_SID: usize = 391;

impl Cutter {
    /// A face's cutter, when it is CID-keyed CFF and the subsetter's subset of a glyph of each
    /// of its font DICTs comes out of `write` byte for byte.
    pub(crate) fn new(font: &[u8], index: u32) -> Option<Cutter> {
        let face = skrifa::FontRef::from_index(font, index).ok()?;
        let cff = face.cff().ok()?;
        let whole = skrifa::raw::ps::cff::CffFontRef::new(cff.offset_data().as_bytes(), 0, None).ok()?;
        if !whole.is_cid() {
            return None;
        }
        let glyphs = whole.num_glyphs();
        let fd_of = fd_select(&cff, glyphs).or_else(|| {
            (0..glyphs)
                .map(|g| whole.subfont_index(skrifa::GlyphId::new(g)).and_then(|fd| u8::try_from(fd).ok()))
                .collect()
        })?;
        // .notdef and the first glyph of every font DICT: the subset then writes them all.
        let mut sample = vec![0u16];
        let mut seen = vec![false; usize::from(*fd_of.iter().max()?) + 1];
        for (g, &fd) in fd_of.iter().enumerate() {
            if !std::mem::replace(&mut seen[usize::from(fd)], true) {
                sample.push(u16::try_from(g).ok()?);
            }
        }
        sample.sort_unstable();
        sample.dedup();
        let local_subrs = (0..whole.num_subfonts())
            .map(|fd| whole.subfont(fd, &[]).ok().map(|sub| sub.subrs_offset()))
            .collect::<Option<_>>()?;
        let cut = cut_by_subsetter(font, index, &sample)?;
        let cutter = Cutter::of(&cut, fd_of, local_subrs, &sample)?;
        cutter.keep(&cut, &sample)?;
        (cutter.write(&sample)? == cut).then_some(cutter)
    }

    /// The parts of a subset of every font DICT (`sample`: its glyphs, ascending), with where
    /// the face keeps each font DICT's local subroutines.
    fn of(cut: &[u8], fd_of: Vec<u8>, local_subrs: Vec<u32>, sample: &[u16]) -> Option<Cutter> {
        if cut.get(..4)? != [1, 0, 4, 4] {
            return None;
        }
        let (_, names_end) = index(cut, 4)?;
        let (tops, tops_end) = index(cut, names_end)?;
        let (strings, strings_end) = index(cut, tops_end)?;
        if cut.get(strings_end..strings_end + 2)? != [0, 0] {
            return None;
        }
        let [top] = tops.as_slice() else { return None };
        let top = cut[top.clone()].to_vec();
        let entries = dict(&top)?;
        let mut at = [0; 4];
        for (slot, op) in at.iter_mut().zip(OFFSETS) {
            let e = entries.iter().find(|e| e.operator == op)?;
            let operator_len = if op > 0xFF { 2 } else { 1 };
            (e.bytes.len() == 5 + operator_len && top[e.bytes.start] == 29).then_some(())?;
            *slot = e.bytes.start;
        }
        let strings: Vec<Vec<u8>> = strings.iter().map(|r| cut[r.clone()].to_vec()).collect();
        // The subsetter gives the Top DICT's strings the first SIDs, the font DICTs' the next.
        let mut used: Vec<u8> = sample.iter().map(|&g| fd_of.get(usize::from(g)).copied()).collect::<Option<_>>()?;
        used.sort_unstable();
        used.dedup();
        let fd_array = read_int5(&top, at[2])?;
        let (fds, _) = index(cut, fd_array)?;
        (fds.len() == used.len()).then_some(())?;
        let mut dicts: Vec<Option<FontDict>> = (0..=*used.last()?).map(|_| None).collect();
        let mut first_fd_sid = strings.len() + FIRST_SID;
        for (&fd, range) in used.iter().zip(&fds) {
            let data = &cut[range.clone()];
            let entries = dict(data)?;
            let private = entries.iter().find(|e| e.operator == PRIVATE)?;
            let size = read_int5(data, private.bytes.start)?;
            let offset = read_int5(data, private.bytes.start + 5)?;
            let name = match entries.iter().find(|e| e.operator == FONT_NAME) {
                Some(e) => {
                    let sid = read_int(&data[e.bytes.clone()])?;
                    first_fd_sid = first_fd_sid.min(sid);
                    Some(strings.get(sid.checked_sub(FIRST_SID)?)?.clone())
                }
                None => None,
            };
            let private = cut.get(offset..offset + size)?.to_vec();
            dicts[usize::from(fd)] = Some(FontDict { data: data.to_vec(), entries, private, name });
        }
        let strings = strings[..first_fd_sid - FIRST_SID].to_vec();
        let names = cut[4..names_end].to_vec();
        Some(Cutter { names, top, at, strings, dicts, fd_of, local_subrs, programs: Default::default() })
    }

    /// Keeps the programs of a subset cut by the subsetter from `glyphs` (ascending).
    fn keep(&self, cut: &[u8], glyphs: &[u16]) -> Option<()> {
        let (_, names_end) = index(cut, 4)?;
        let (tops, _) = index(cut, names_end)?;
        let top = &cut[tops.first()?.clone()];
        let (programs, _) = index(cut, read_int5(top, self.at[1])?)?;
        (programs.len() == glyphs.len()).then_some(())?;
        let mut kept = self.programs.write().unwrap_or_else(|e| e.into_inner());
        for (&g, range) in glyphs.iter().zip(programs) {
            kept.entry(g).or_insert_with(|| Arc::from(&cut[range]));
        }
        Some(())
    }

    /// The CFF program of the subset of `glyphs` (ascending, .notdef first), as the subsetter
    /// writes it: glyph `i` of the list has character id `i`.
    pub(crate) fn cut(&self, font: &[u8], index: u32, glyphs: &[u16]) -> Option<Vec<u8>> {
        self.keep_programs(font, index, glyphs)?;
        self.write(glyphs)
    }

    /// Rewrites the programs of `glyphs` (ascending) not kept yet without subroutines, and keeps
    /// them: inlined here (`charstring`), or by the subsetter where that does not follow one.
    pub(crate) fn keep_programs(&self, font: &[u8], index: u32, glyphs: &[u16]) -> Option<()> {
        let missing: Vec<u16> = {
            let kept = self.programs.read().unwrap_or_else(|e| e.into_inner());
            glyphs.iter().copied().filter(|g| !kept.contains_key(g)).collect()
        };
        if missing.is_empty() {
            return Some(());
        }
        if let Some(programs) = self.inlined(font, index, &missing) {
            let mut kept = self.programs.write().unwrap_or_else(|e| e.into_inner());
            for (g, program) in missing.into_iter().zip(programs) {
                kept.entry(g).or_insert_with(|| Arc::from(program));
            }
            return Some(());
        }
        let mut some: Vec<u16> = std::iter::once(0).chain(missing).collect();
        some.dedup();
        let cut = cut_by_subsetter(font, index, &some)?;
        self.keep(&cut, &some)
    }

    /// The programs of `glyphs` with their subroutines inlined, if `charstring` follows them all.
    fn inlined(&self, font: &[u8], index: u32, glyphs: &[u16]) -> Option<Vec<Vec<u8>>> {
        let face = skrifa::FontRef::from_index(font, index).ok()?;
        let cff = face.cff().ok()?;
        let data = cff.offset_data().as_bytes();
        let whole = skrifa::raw::ps::cff::CffFontRef::new(data, 0, None).ok()?;
        let locals: Vec<Index> = self
            .local_subrs
            .iter()
            .map(|&at| match at {
                0 => Some(Index::Empty),
                at => Index::new(data.get(usize::try_from(at).ok()?..)?, false).ok(),
            })
            .collect::<Option<_>>()?;
        let global = whole.global_subrs();
        glyphs
            .iter()
            .map(|&g| {
                let local = locals.get(usize::from(*self.fd_of.get(usize::from(g))?))?;
                let code = whole.charstrings().get(usize::from(g)).ok()?;
                charstring::inline(code, &charstring::Subrs { global, local })
            })
            .collect()
    }

    /// The subset of `glyphs`, all kept, in the subsetter's order: header, Name INDEX, Top DICT
    /// INDEX, String INDEX, an empty Global Subr INDEX, charset, Private DICTs, FDSelect,
    /// FDArray, CharStrings. Offsets are written as 5-byte integers, so every part's place is
    /// known before it is written.
    fn write(&self, glyphs: &[u16]) -> Option<Vec<u8>> {
        let programs: Vec<Arc<[u8]>> = {
            let kept = self.programs.read().unwrap_or_else(|e| e.into_inner());
            glyphs.iter().map(|g| kept.get(g).cloned()).collect::<Option<_>>()?
        };
        let fds: Vec<u8> = glyphs.iter().map(|&g| self.fd_of.get(usize::from(g)).copied()).collect::<Option<_>>()?;
        let mut used = fds.clone();
        used.sort_unstable();
        used.dedup();
        let dicts: Vec<&FontDict> =
            used.iter().map(|&fd| self.dicts.get(usize::from(fd))?.as_ref()).collect::<Option<_>>()?;
        // Strings: the Top DICT's, then the font DICTs' names, each once.
        let mut strings: Vec<&[u8]> = self.strings.iter().map(Vec::as_slice).collect();
        let sids: Vec<Option<usize>> = dicts
            .iter()
            .map(|d| {
                d.name.as_deref().map(|name| match strings.iter().position(|s| *s == name) {
                    Some(i) => i + FIRST_SID,
                    None => {
                        strings.push(name);
                        strings.len() - 1 + FIRST_SID
                    }
                })
            })
            .collect();
        let top_index_len = index_len(&[self.top.len()]);
        let strings_index = write_index(&strings);
        let charset: Vec<u8> = match glyphs.len() {
            1 => vec![0],
            n => [&[2u8, 0, 1][..], &u16::try_from(n - 2).ok()?.to_be_bytes()].concat(),
        };
        let charset_at = 4 + self.names.len() + top_index_len + strings_index.len() + 2;
        let mut private_at = charset_at + charset.len();
        let mut font_dicts = Vec::with_capacity(dicts.len());
        for (d, sid) in dicts.iter().zip(&sids) {
            let mut out = Vec::new();
            for e in &d.entries {
                match e.operator {
                    PRIVATE => {
                        int5(&mut out, d.private.len());
                        int5(&mut out, private_at);
                        out.push(18);
                    }
                    FONT_NAME => {
                        int(&mut out, (*sid)? as i32);
                        out.extend_from_slice(&[12, 38]);
                    }
                    _ => out.extend_from_slice(&d.data[e.bytes.clone()]),
                }
            }
            private_at += d.private.len();
            font_dicts.push(out);
        }
        let fd_select_at = private_at;
        let fd_array_at = fd_select_at + 1 + glyphs.len();
        let fd_array = write_index(&font_dicts.iter().map(Vec::as_slice).collect::<Vec<_>>());
        let charstrings_at = fd_array_at + fd_array.len();
        let mut top = self.top.clone();
        for (at, value) in self.at.iter().zip([charset_at, charstrings_at, fd_array_at, fd_select_at]) {
            top[at + 1..at + 5].copy_from_slice(&i32::try_from(value).ok()?.to_be_bytes());
        }
        let data: usize = programs.iter().map(|p| p.len()).sum();
        let mut out = Vec::with_capacity(charstrings_at + index_len(&[data]) + 2 * glyphs.len() + data);
        out.extend_from_slice(&[1, 0, 4, 4]);
        out.extend_from_slice(&self.names);
        out.extend_from_slice(&write_index(&[&top]));
        out.extend_from_slice(&strings_index);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(&charset);
        for d in &dicts {
            out.extend_from_slice(&d.private);
        }
        let position = |fd: u8| used.binary_search(&fd).ok().and_then(|i| u8::try_from(i).ok());
        out.push(0);
        for &fd in &fds {
            out.push(position(fd)?);
        }
        out.extend_from_slice(&fd_array);
        push_index(&mut out, &programs.iter().map(|p| &p[..]).collect::<Vec<_>>());
        Some(out)
    }
}

/// The font DICT of each of the face's `glyphs`, from the ranges of its FDSelect (format 3, as
/// CJK faces have it): a search per glyph was half of readying a face's cutter.
fn fd_select(cff: &skrifa::raw::tables::cff::Cff, glyphs: u32) -> Option<Vec<u8>> {
    use skrifa::raw::ps::cff::dict::{Entry, entries};
    use skrifa::raw::ps::cff::fd_select::FdSelect;
    let top = cff.top_dicts().get(0).ok()?;
    let at = entries(top, None).find_map(|e| match e {
        Ok(Entry::FdSelectOffset(at)) => Some(at),
        _ => None,
    })?;
    let data = cff.offset_data().as_bytes().get(at..)?;
    let FdSelect::Format3(select) = skrifa::raw::FontRead::read(skrifa::raw::FontData::new(data)).ok()? else {
        return None;
    };
    let mut fd_of = Vec::with_capacity(usize::try_from(glyphs).ok()?);
    let ranges = select.ranges();
    for (i, range) in ranges.iter().enumerate() {
        let end = ranges.get(i + 1).map_or(select.sentinel(), |next| next.first());
        (usize::from(range.first()) == fd_of.len() && range.first() <= end).then_some(())?;
        fd_of.resize(usize::from(end), range.fd());
    }
    (fd_of.len() == usize::try_from(glyphs).ok()?).then_some(fd_of)
}

/// The subsetter's subset of `glyphs` (ascending, .notdef first): the bare CFF table.
fn cut_by_subsetter(font: &[u8], index: u32, glyphs: &[u16]) -> Option<Vec<u8>> {
    let remapper = subsetter::GlyphRemapper::new_from_glyphs_sorted(glyphs);
    let cut = subsetter::subset(font, index, &remapper).ok()?;
    let cut = skrifa::FontRef::new(&cut).ok()?;
    cut.data_for_tag(skrifa::Tag::new(b"CFF ")).map(|d| d.as_bytes().to_vec())
}

/// The items of the INDEX at `at`, and where it ends.
pub(super) fn index(data: &[u8], at: usize) -> Option<(Vec<Range<usize>>, usize)> {
    let count = usize::from(u16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]));
    if count == 0 {
        return Some((Vec::new(), at + 2));
    }
    let size = usize::from(*data.get(at + 2)?);
    let offset = |i: usize| {
        let b = data.get(at + 3 + i * size..at + 3 + (i + 1) * size)?;
        Some(b.iter().fold(0usize, |v, &x| v << 8 | usize::from(x)))
    };
    let base = at + 3 + (count + 1) * size - 1;
    let items = (0..count).map(|i| Some(base + offset(i)?..base + offset(i + 1)?)).collect::<Option<Vec<_>>>()?;
    let end = items.last()?.end;
    (end <= data.len()).then_some((items, end))
}

/// The length of an INDEX of items of these lengths.
fn index_len(lengths: &[usize]) -> usize {
    let data: usize = lengths.iter().sum();
    match lengths.len() {
        0 => 2,
        n => 3 + (n + 1) * offset_size(data) + data,
    }
}

pub(super) fn offset_size(data: usize) -> usize {
    match data + 1 {
        n if n <= 0xFF => 1,
        n if n <= 0xFFFF => 2,
        n if n <= 0xFF_FFFF => 3,
        _ => 4,
    }
}

fn write_index(items: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(index_len(&items.iter().map(|i| i.len()).collect::<Vec<_>>()));
    push_index(&mut out, items);
    out
}

/// Appends an INDEX of `items`, with the smallest offsets that fit.
pub(super) fn push_index(out: &mut Vec<u8>, items: &[&[u8]]) {
    out.extend_from_slice(&(items.len() as u16).to_be_bytes());
    if items.is_empty() {
        return;
    }
    let size = offset_size(items.iter().map(|i| i.len()).sum());
    out.push(size as u8);
    let mut offset = 1usize;
    out.extend_from_slice(&offset.to_be_bytes()[8 - size..]);
    for i in items {
        offset += i.len();
        out.extend_from_slice(&offset.to_be_bytes()[8 - size..]);
    }
    for i in items {
        out.extend_from_slice(i);
    }
}

/// A DICT's entries: each operator with its operands, as byte ranges.
fn dict(data: &[u8]) -> Option<Vec<Entry>> {
    let mut entries = Vec::new();
    let (mut i, mut start) = (0, 0);
    while i < data.len() {
        match data[i] {
            12 => {
                let operator = 12 << 8 | u16::from(*data.get(i + 1)?);
                entries.push(Entry { bytes: start..i + 2, operator });
                i += 2;
                start = i;
            }
            b @ 0..=21 => {
                entries.push(Entry { bytes: start..i + 1, operator: u16::from(b) });
                i += 1;
                start = i;
            }
            28 => i += 3,
            29 => i += 5,
            30 => {
                i += 1;
                while *data.get(i)? & 0x0F != 0x0F && *data.get(i)? & 0xF0 != 0xF0 {
                    i += 1;
                }
                i += 1;
            }
            32..=246 => i += 1,
            247..=254 => i += 2,
            _ => return None,
        }
    }
    (start == data.len()).then_some(entries)
}

/// The 5-byte integer at `at`.
fn read_int5(data: &[u8], at: usize) -> Option<usize> {
    (*data.get(at)? == 29).then_some(())?;
    usize::try_from(i32::from_be_bytes(data.get(at + 1..at + 5)?.try_into().ok()?)).ok()
}

/// The integer operand of an entry of one operand.
fn read_int(entry: &[u8]) -> Option<usize> {
    let v = match *entry.first()? {
        b @ 32..=246 => i32::from(b) - 139,
        b @ 247..=250 => (i32::from(b) - 247) * 256 + i32::from(*entry.get(1)?) + 108,
        b @ 251..=254 => -(i32::from(b) - 251) * 256 - i32::from(*entry.get(1)?) - 108,
        28 => i32::from(i16::from_be_bytes([*entry.get(1)?, *entry.get(2)?])),
        29 => i32::from_be_bytes(entry.get(1..5)?.try_into().ok()?),
        _ => return None,
    };
    usize::try_from(v).ok()
}

fn int5(out: &mut Vec<u8>, v: usize) {
    out.push(29);
    out.extend_from_slice(&(v as i32).to_be_bytes());
}

/// An integer operand, in its shortest form (as the subsetter writes it).
fn int(out: &mut Vec<u8>, v: i32) {
    match v {
        -107..=107 => out.push((v + 139) as u8),
        108..=1131 => out.extend_from_slice(&[((v - 108) / 256 + 247) as u8, ((v - 108) % 256) as u8]),
        -1131..=-108 => out.extend_from_slice(&[((-v - 108) / 256 + 251) as u8, ((-v - 108) % 256) as u8]),
        -32768..=32767 => {
            out.push(28);
            out.extend_from_slice(&(v as i16).to_be_bytes());
        }
        _ => int5(out, v as usize),
    }
}

#[cfg(test)]
mod tests {
    use super::{Cutter, cut_by_subsetter, fd_select};
    use skrifa::raw::TableProvider;

    /// The font DICT of every glyph read from FDSelect's ranges is the one read-fonts finds
    /// for it glyph by glyph.
    #[test]
    fn font_dicts_from_fd_select_ranges_are_read_fonts() {
        for file in ["NotoSerifCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"] {
            let data = std::fs::read(format!("/usr/share/fonts/opentype/noto/{file}")).expect("fonts-noto-cjk");
            for index in [0, 2] {
                let cff = skrifa::FontRef::from_index(&data, index).unwrap().cff().unwrap();
                let whole = skrifa::raw::ps::cff::CffFontRef::new(cff.offset_data().as_bytes(), 0, None).unwrap();
                let glyphs = whole.num_glyphs();
                let one_by_one: Vec<u8> =
                    (0..glyphs).map(|g| whole.subfont_index(skrifa::GlyphId::new(g)).unwrap() as u8).collect();
                assert!(one_by_one.iter().any(|&fd| fd > 1), "{file} {index}: several font DICTs");
                assert_eq!(fd_select(&cff, glyphs), Some(one_by_one), "{file} {index}");
            }
        }
    }

    /// Subsets of the default faces, written around the kept programs, are the subsetter's
    /// byte for byte: small and large ones, across font DICTs, with the programs kept from
    /// earlier subsets or inlined for this one (`charstring`).
    #[test]
    fn subsets_are_the_subsetters_byte_for_byte() {
        let dir = "/usr/share/fonts/opentype/noto";
        let mut faces = 0;
        for file in ["NotoSerifCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"] {
            let data = std::fs::read(format!("{dir}/{file}")).expect("fonts-noto-cjk is installed");
            for index in [0, 2] {
                let cutter = Cutter::new(&data, index).expect("a CID-keyed CFF face");
                let glyphs = skrifa::FontRef::from_index(&data, index).unwrap().maxp().unwrap().num_glyphs();
                // A fixed stream of glyph sets (SplitMix64).
                let mut state = 7u64 + u64::from(index);
                let mut next = move || {
                    state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
                    let mut z = state;
                    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                    z ^ (z >> 31)
                };
                for size in [0usize, 1, 2, 3, 50, 700, 3000, 40, 700] {
                    let mut set: Vec<u16> = (0..size).map(|_| (next() % u64::from(glyphs)) as u16).collect();
                    set.push(0);
                    set.sort_unstable();
                    set.dedup();
                    // Every glyph's subroutines inlined here, none left to the subsetter.
                    assert!(cutter.inlined(&data, index, &set).is_some(), "{file} {index}: {size} glyphs");
                    let ours = cutter.cut(&data, index, &set).expect("a subset");
                    assert!(ours == cut_by_subsetter(&data, index, &set).unwrap(), "{file} {index}: {size} glyphs");
                }
                faces += 1;
            }
        }
        assert_eq!(faces, 4);
    }
}

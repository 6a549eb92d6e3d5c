//! Fonts for printed documents: found by family name among the system's fonts (fontdb) and the
//! theme's `pdf/fonts/` folder, read once per build, measured with skrifa on the same bytes
//! that `embed` subsets into the PDF. A role's families form a stack, as CSS's `font-family`:
//! each character is printed with the first face found that has it, so a theme can name
//! 仿宋_GB2312 first and let Noto print the rare characters it lacks.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

use super::style::Fonts;
use crate::error::{Error, Result};
use crate::t;

/// One face: its bytes (the whole file, shared by the faces of one collection), its index in
/// the file, and what it has for each character, looked up once.
pub(crate) struct Face {
    /// What the theme called it, for messages.
    pub(crate) name: String,
    data: Bytes,
    pub(crate) index: u32,
    /// The Basic Multilingual Plane (every character of a Chinese document, in practice), one
    /// slot per character, filled on first use and read without a lock by every thread:
    /// a lookup per printed character must not wait for the other cores.
    bmp: Vec<AtomicU64>,
    /// Characters beyond it.
    astral: Mutex<HashMap<char, Option<(u16, f32)>>>,
    /// `ink_top`'s answers: every page's footer asks for its dash's, which means reading the
    /// glyph's outline.
    tops: Mutex<HashMap<char, Option<f32>>>,
    /// Its subsets' writer, made when first asked for (None: the subsetter cuts them).
    cutter: std::sync::OnceLock<Option<super::cff::Cutter>>,
}

/// A font file's bytes: mapped, not read, so that only the tables and glyphs a build uses are
/// ever loaded (the three default CJK files are 74 MB).
type Bytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// A slot of `Face::bmp`: 0 when not yet looked up; else `LOOKED` and, when the face has the
/// character, `FOUND`, the glyph id (bits 32–47) and the advance in em (an f32's bits, 0–31).
const LOOKED: u64 = 1 << 63;
const FOUND: u64 = 1 << 62;

impl Face {
    fn new(name: String, data: Bytes, index: u32) -> Self {
        let bmp = std::iter::repeat_with(|| AtomicU64::new(0)).take(0x1_0000).collect();
        let (astral, tops, cutter) = (Mutex::default(), Mutex::default(), std::sync::OnceLock::new());
        Face { name, data, index, bmp, astral, tops, cutter }
    }

    /// The writer of this face's subsets, when it is CID-keyed CFF (see `cff`).
    pub(crate) fn cutter(&self) -> Option<&super::cff::Cutter> {
        self.cutter.get_or_init(|| super::cff::Cutter::new(self.bytes(), self.index)).as_ref()
    }

    /// The glyph for `c` and its advance in em, if the face has it.
    pub(crate) fn glyph(&self, c: char) -> Option<(u16, f32)> {
        let Some(slot) = self.bmp.get(c as usize) else {
            let mut astral = crate::lock(&self.astral);
            return *astral.entry(c).or_insert_with(|| self.look_up(c));
        };
        let mut packed = slot.load(Ordering::Relaxed);
        if packed == 0 {
            // Two threads may both look a character up: they find the same answer.
            packed = match self.look_up(c) {
                Some((id, em)) => LOOKED | FOUND | (id as u64) << 32 | em.to_bits() as u64,
                None => LOOKED,
            };
            slot.store(packed, Ordering::Relaxed);
        }
        (packed & FOUND != 0).then(|| ((packed >> 32) as u16, f32::from_bits(packed as u32)))
    }

    /// The whole font file (all faces of a collection).
    pub(crate) fn bytes(&self) -> &[u8] {
        (*self.data).as_ref()
    }

    fn look_up(&self, c: char) -> Option<(u16, f32)> {
        let font = skrifa::FontRef::from_index(self.bytes(), self.index).ok()?;
        let upem = font.metrics(Size::unscaled(), LocationRef::default()).units_per_em as f32;
        // A character mapped to .notdef is as good as missing: it would print an empty box.
        let id = font.charmap().map(c).filter(|id| id.to_u32() != 0)?;
        let advance = font.glyph_metrics(Size::unscaled(), LocationRef::default()).advance_width(id)?;
        Some((u16::try_from(id.to_u32()).ok()?, advance / upem))
    }

    /// How far the ink of `c` rises above the baseline, in em (from its outline).
    pub(crate) fn ink_top(&self, c: char) -> Option<f32> {
        *crate::lock(&self.tops).entry(c).or_insert_with(|| self.measure_top(c))
    }

    fn measure_top(&self, c: char) -> Option<f32> {
        let font = skrifa::FontRef::from_index(self.bytes(), self.index).ok()?;
        let upem = font.metrics(Size::unscaled(), LocationRef::default()).units_per_em as f32;
        let id = font.charmap().map(c)?;
        let bounds = font.glyph_metrics(Size::unscaled(), LocationRef::default()).bounds(id)?;
        Some(bounds.y_max / upem)
    }
}

/// The faces a role prints with, the first found first: each character comes from the first
/// that has it.
pub(crate) struct Stack {
    pub(crate) faces: Vec<Face>,
}

impl Stack {
    /// The face that prints `c` (its place in the stack), its glyph and advance in em.
    pub(crate) fn glyph(&self, c: char) -> Option<(usize, u16, f32)> {
        self.faces.iter().enumerate().find_map(|(i, f)| f.glyph(c).map(|(id, em)| (i, id, em)))
    }

    /// Advance of `c` at `size` points (0 for a character no face has).
    pub(crate) fn advance(&self, c: char, size: f32) -> f32 {
        self.glyph(c).map_or(0.0, |(_, _, em)| em * size)
    }

    pub(crate) fn has(&self, c: char) -> bool {
        c.is_whitespace() || c.is_control() || self.glyph(c).is_some()
    }

    /// How far the ink of `c` rises above the baseline, in em, in the face that prints it.
    pub(crate) fn ink_top(&self, c: char) -> Option<f32> {
        self.faces.get(self.glyph(c)?.0)?.ink_top(c)
    }

    /// The faces' names, for messages.
    pub(crate) fn name(&self) -> String {
        self.faces.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join("、")
    }

    /// `text` cut where the face printing it changes: each piece with its face's place in the
    /// stack; characters no face has are left out (`coverage` refuses documents with them).
    pub(crate) fn pieces<'t>(&self, text: &'t str) -> Vec<(usize, std::borrow::Cow<'t, str>)> {
        if self.faces.len() == 1 {
            return vec![(0, text.into())];
        }
        let mut out: Vec<(usize, std::borrow::Cow<str>)> = Vec::new();
        for c in text.chars() {
            let Some((face, _, _)) = self.glyph(c) else { continue };
            match out.last_mut() {
                Some((f, piece)) if *f == face => piece.to_mut().push(c),
                _ => out.push((face, c.to_string().into())),
            }
        }
        out
    }
}

pub(crate) struct FontSet {
    pub(crate) body: Stack,
    pub(crate) heading: Stack,
    pub(crate) title: Stack,
}

/// What a text is on the page, which decides the stack of faces that prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Body,
    Heading,
    Title,
}

impl FontSet {
    /// The faces that print `role`'s text.
    pub(crate) fn stack(&self, role: Role) -> &Stack {
        match role {
            Role::Body => &self.body,
            Role::Heading => &self.heading,
            Role::Title => &self.title,
        }
    }

    /// The fonts the theme's PDF style asks for (in the theme's `pdf/fonts` folder or installed).
    pub(crate) fn of_theme(theme: &crate::render::theme::Theme, style: &super::style::Style) -> Result<Self> {
        FontSet::load(&style.fonts, &theme.font_files)
    }

    /// Finds the theme's families among the installed fonts and `extra`, font files of the
    /// theme (its pdf/fonts/ folder).
    pub(crate) fn load(fonts: &Fonts, extra: &[std::path::PathBuf]) -> Result<Self> {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        for file in extra {
            // Not fonts (a README beside them) are passed over, as fontdb does in a folder.
            let _ = db.load_font_file(file);
        }
        let mut files: HashMap<std::path::PathBuf, Bytes> = HashMap::new();
        let mut pick = |role: &str, families: &[String]| -> Result<Stack> {
            let mut faces: Vec<Face> = Vec::new();
            for spec in families {
                let (family, bold) = match spec.rsplit_once(':') {
                    Some((f, w)) if w.eq_ignore_ascii_case("bold") => (f, true),
                    _ => (spec.as_str(), false),
                };
                let query = fontdb::Query {
                    families: &[fontdb::Family::Name(family)],
                    weight: if bold { fontdb::Weight::BOLD } else { fontdb::Weight::NORMAL },
                    ..fontdb::Query::default()
                };
                let Some(id) = db.query(&query) else { continue };
                let Some(face) = db.face(id) else { continue };
                // The query falls back to another weight; accept only the family asked for.
                if !face.families.iter().any(|(name, _)| name == family) {
                    continue;
                }
                let index = face.index;
                // A family named twice (or two names of one face) is one face of the stack.
                if let fontdb::Source::File(path) = &face.source
                    && let Some(known) = files.get(path)
                    && faces.iter().any(|f| f.index == index && Arc::ptr_eq(&f.data, known))
                {
                    continue;
                }
                let data = match &face.source {
                    fontdb::Source::File(path) => match files.get(path) {
                        Some(d) => d.clone(),
                        None => {
                            let bytes: Bytes = Arc::new(map(path).map_err(|e| Error::io("read font", path, e))?);
                            files.insert(path.clone(), bytes.clone());
                            bytes
                        }
                    },
                    fontdb::Source::Binary(b) => Arc::new((**b).as_ref().to_vec()) as Bytes,
                    #[allow(unreachable_patterns)]
                    _ => continue,
                };
                if skrifa::FontRef::from_index((*data).as_ref(), index).is_err() {
                    return Err(Error::theme(t!("font-not-opentype", spec = spec.as_str())));
                }
                faces.push(Face::new(spec.clone(), data, index));
            }
            match faces.is_empty() {
                true => Err(Error::theme(t!("font-none", role, families = format!("{families:?}")))),
                false => Ok(Stack { faces }),
            }
        };
        Ok(FontSet {
            body: pick("body", &fonts.body)?,
            heading: pick("heading", &fonts.heading)?,
            title: pick("title", &fonts.title)?,
        })
    }
}

/// Maps a font file into memory.
fn map(path: &Path) -> std::io::Result<memmap2::Mmap> {
    let file = std::fs::File::open(path)?;
    // SAFETY: the mapping is only read. Were the file truncated while a build runs (a font
    // package upgraded under it), reads past its new end would fault; every font stack that
    // maps fonts (fontdb, which found this file the same way, among them) accepts that.
    unsafe { memmap2::Mmap::map(&file) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The faces of a Noto CJK collection share one CFF program, named `NotoSerifCJKjp` in
    /// every one of them (so in the PDFs too); the language is each face's character map. The
    /// theme's "Noto Serif CJK SC" prints the Simplified Chinese forms: 骨 and 直 are other glyphs
    /// in the SC face than in the JP face.
    #[test]
    fn the_simplified_chinese_face_of_a_collection_gives_its_own_glyph_forms() {
        let path = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
        if !Path::new(path).exists() {
            return;
        }
        let sc = vec!["Noto Serif CJK SC".to_string()];
        let set = FontSet::load(&Fonts { body: sc.clone(), heading: sc.clone(), title: sc }, &[]).unwrap();
        let mut db = fontdb::Database::new();
        db.load_font_file(path).unwrap();
        let index = |family: &str| {
            let query = fontdb::Query { families: &[fontdb::Family::Name(family)], ..fontdb::Query::default() };
            db.face(db.query(&query).unwrap()).unwrap().index
        };
        assert_eq!(set.body.faces[0].index, index("Noto Serif CJK SC"));
        let data = std::fs::read(path).unwrap();
        let glyph = |face: u32, c: char| skrifa::FontRef::from_index(&data, face).unwrap().charmap().map(c).unwrap();
        for c in ['骨', '直'] {
            let printed = set.body.glyph(c).unwrap().1 as u32;
            assert_eq!(printed, glyph(index("Noto Serif CJK SC"), c).to_u32(), "{c}");
            assert_ne!(printed, glyph(index("Noto Serif CJK JP"), c).to_u32(), "{c}");
        }
    }
}

//! Fonts for printed documents: found by family name among the system's fonts (fontdb) and the
//! theme's `pdf/fonts/` folder, read once per build, measured with skrifa on the same bytes
//! that krilla embeds (subset) in the PDF.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use krilla::text::{Font, GlyphId};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

use super::style::Fonts;
use crate::error::{Error, Result};

/// One face: its bytes, krilla's handle, and a cache of glyph ids and advances.
pub struct Face {
    /// What the theme called it, for messages.
    pub name: String,
    data: Arc<Vec<u8>>,
    index: u32,
    pub font: Font,
    /// char → (glyph id, advance in em); None when the face lacks the character.
    glyphs: Mutex<HashMap<char, Option<(u32, f32)>>>,
}

impl Face {
    /// The glyph for `c` and its advance in em, if the face has it.
    pub fn glyph(&self, c: char) -> Option<(GlyphId, f32)> {
        let mut cache = self.glyphs.lock().unwrap_or_else(|e| e.into_inner());
        let entry = *cache.entry(c).or_insert_with(|| {
            let font = skrifa::FontRef::from_index(&self.data, self.index).ok()?;
            let upem = font.metrics(Size::unscaled(), LocationRef::default()).units_per_em as f32;
            let id = font.charmap().map(c)?;
            let advance = font.glyph_metrics(Size::unscaled(), LocationRef::default()).advance_width(id)?;
            Some((id.to_u32(), advance / upem))
        });
        entry.map(|(id, adv)| (GlyphId::new(id), adv))
    }

    /// Advance of `c` at `size` points (0 for a character the face lacks).
    pub fn advance(&self, c: char, size: f32) -> f32 {
        self.glyph(c).map_or(0.0, |(_, em)| em * size)
    }

    pub fn has(&self, c: char) -> bool {
        c.is_whitespace() || c.is_control() || self.glyph(c).is_some()
    }
}

pub struct FontSet {
    pub body: Face,
    pub heading: Face,
    pub title: Face,
}

impl FontSet {
    /// Finds the theme's families. `extra` is a folder of font files (the theme's pdf/fonts/).
    pub fn load(fonts: &Fonts, extra: Option<&Path>) -> Result<Self> {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        if let Some(dir) = extra.filter(|d| d.is_dir()) {
            db.load_fonts_dir(dir);
        }
        let mut files: HashMap<std::path::PathBuf, Arc<Vec<u8>>> = HashMap::new();
        let mut pick = |role: &str, families: &[String]| -> Result<Face> {
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
                let data = match &face.source {
                    fontdb::Source::File(path) => match files.get(path) {
                        Some(d) => d.clone(),
                        None => {
                            let bytes = Arc::new(std::fs::read(path).map_err(|e| Error::io("read font", path, e))?);
                            files.insert(path.clone(), bytes.clone());
                            bytes
                        }
                    },
                    fontdb::Source::Binary(b) => Arc::new((**b).as_ref().to_vec()),
                    #[allow(unreachable_patterns)]
                    _ => continue,
                };
                let font = Font::new(data.clone().into(), index)
                    .ok_or_else(|| Error::new(format!("font {spec}: cannot be read as OpenType")))?;
                return Ok(Face { name: spec.clone(), data, index, font, glyphs: Mutex::new(HashMap::new()) });
            }
            Err(Error::new(format!(
                "no font for {role} text: none of {families:?} is installed. Install Debian's fonts-noto-cjk \
                 (apt-get install fonts-noto-cjk), put a font file in the theme's pdf/fonts/ folder, or name an \
                 installed font under `fonts.{role}` in the theme's pdf/style.yaml"
            )))
        };
        Ok(FontSet {
            body: pick("body", &fonts.body)?,
            heading: pick("heading", &fonts.heading)?,
            title: pick("title", &fonts.title)?,
        })
    }
}

//! The theme's `pdf/style.yaml`: geometry, sizes and fonts of printed documents.

use serde::Deserialize;

use crate::error::{Error, Result};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Style {
    pub page: Size,
    pub margin: Margin,
    pub type_area: Size,
    pub lines_per_page: u32,
    pub chars_per_line: u32,
    pub sizes: Sizes,
    pub fonts: Fonts,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Size {
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Margin {
    pub top: f32,
    pub left: f32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sizes {
    pub title: f32,
    pub body: f32,
    pub footer: f32,
}

/// Font families per role, first found wins; `Family:bold` for the bold face.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    pub body: Vec<String>,
    pub heading: Vec<String>,
    pub title: Vec<String>,
}

impl Style {
    pub fn parse(yaml: &str) -> Result<Self> {
        let style: Style =
            serde_saphyr::from_str(yaml).map_err(|e| Error::new(format!("theme pdf/style.yaml: {e}")))?;
        if style.lines_per_page == 0 || style.chars_per_line < 2 {
            return Err(Error::new("theme pdf/style.yaml: lines_per_page and chars_per_line must be positive"));
        }
        Ok(style)
    }

    /// Distance between baselines: the type area's height shared by the lines.
    pub fn pitch(&self) -> f32 {
        self.type_area.height * MM / self.lines_per_page as f32
    }

    /// Space between characters so that `chars_per_line` body characters fill the type area
    /// (GB/T 9704: 28 characters of 16 pt in 156 mm, which needs a little negative tracking).
    pub fn tracking(&self) -> f32 {
        let n = self.chars_per_line as f32;
        (self.type_area.width * MM - n * self.sizes.body) / (n - 1.0)
    }
}

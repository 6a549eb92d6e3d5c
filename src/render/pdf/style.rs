//! The theme's `pdf/style.yaml`: geometry, sizes and fonts of printed documents.

use serde::Deserialize;

use serde_saphyr::Spanned;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::source::{FileId, Offset, Span};
use crate::t;

/// Where the style's numbers are written (the style parsed again, each number with its place).
#[derive(Deserialize)]
struct Spans {
    page: SizeAt,
    margin: MarginAt,
    type_area: SizeAt,
    lines_per_page: Spanned<u32>,
    chars_per_line: Spanned<u32>,
    sizes: SizesAt,
}

#[derive(Deserialize)]
struct SizeAt {
    width: Spanned<f32>,
    height: Spanned<f32>,
}

#[derive(Deserialize)]
struct MarginAt {
    top: Spanned<f32>,
    left: Spanned<f32>,
}

#[derive(Deserialize)]
struct SizesAt {
    title: Spanned<f32>,
    body: Spanned<f32>,
    footer: Spanned<f32>,
}

/// Points per millimetre.
pub(crate) const MM: f32 = 72.0 / 25.4;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Style {
    pub(crate) page: Size,
    pub(crate) margin: Margin,
    pub(crate) type_area: Size,
    pub(crate) lines_per_page: u32,
    pub(crate) chars_per_line: u32,
    pub(crate) sizes: Sizes,
    pub(crate) fonts: Fonts,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Size {
    pub(crate) width: f32,
    pub(crate) height: f32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Margin {
    pub(crate) top: f32,
    pub(crate) left: f32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Sizes {
    pub(crate) title: f32,
    pub(crate) body: f32,
    pub(crate) footer: f32,
}

/// Font families per role, a stack: each character from the first face found that has it;
/// `Family:bold` for the bold face.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Fonts {
    pub(crate) body: Vec<String>,
    pub(crate) heading: Vec<String>,
    pub(crate) title: Vec<String>,
}

impl Style {
    /// Parses and checks the style; the build's own check, after `check` located every problem
    /// (see `check`).
    pub(crate) fn parse(yaml: &str) -> Result<Self> {
        Style::check(yaml, 0).map_err(|d| {
            let problems: Vec<String> = d.iter().map(|d| d.message.clone()).collect();
            Error::theme(t!("style-invalid", problems = problems.join(&t!("style-separator"))))
        })
    }

    /// Parses the style and checks that it can print: finite, positive sizes, a type area inside
    /// the page, lines that neither overlap nor crowd their characters into each other. Problems
    /// are located in `file`, the style's source.
    pub(crate) fn check(yaml: &str, file: FileId) -> std::result::Result<Self, Vec<Diagnostic>> {
        let style: Style = crate::load::yaml::parse(yaml, file, Offset::default(), "pdf style")?;
        // The same document again, for where each number is written.
        let at: Spans = crate::load::yaml::parse(yaml, file, Offset::default(), "pdf style")?;
        let span = |s: &Spanned<f32>| Span::from_yaml(file, &s.referenced, Offset::default());
        let count = |s: &Spanned<u32>| Span::from_yaml(file, &s.referenced, Offset::default());
        let mut problems = Vec::new();
        let mut bad = |span: Span, message: String, help: String| {
            problems.push(Diagnostic::new("invalid-style", span, message, t!("style-here")).with_help(help));
        };
        let lengths = [
            ("page.width", &at.page.width, 1000.0),
            ("page.height", &at.page.height, 1000.0),
            ("margin.top", &at.margin.top, 1000.0),
            ("margin.left", &at.margin.left, 1000.0),
            ("type_area.width", &at.type_area.width, 1000.0),
            ("type_area.height", &at.type_area.height, 1000.0),
            ("sizes.title", &at.sizes.title, 100.0),
            ("sizes.body", &at.sizes.body, 100.0),
            ("sizes.footer", &at.sizes.footer, 100.0),
        ];
        let mut sound = true;
        for (key, value, max) in lengths {
            let v = value.value;
            // Margins may be 0; nothing else may.
            let least = if key.starts_with("margin") { 0.0 } else { f32::MIN_POSITIVE };
            if !v.is_finite() || v < least || v > max {
                sound = false;
                let unit = if key.starts_with("sizes") { "points" } else { "millimetres" };
                bad(
                    span(value),
                    t!("style-unprintable", key, value = v.to_string()),
                    t!("style-unprintable-help", unit, max = max.to_string()),
                );
            }
        }
        for (key, value, least) in
            [("lines_per_page", &at.lines_per_page, 1), ("chars_per_line", &at.chars_per_line, 2)]
        {
            if value.value < least || value.value > 80 {
                sound = false;
                let help = t!("style-range-help", least);
                bad(count(value), t!("style-range", key, value = value.value), help);
            }
        }
        if sound {
            if style.margin.top + style.type_area.height > style.page.height {
                bad(span(&at.type_area.height), t!("style-too-tall"), t!("style-too-tall-help"));
            }
            if style.margin.left + style.type_area.width > style.page.width {
                bad(span(&at.type_area.width), t!("style-too-wide"), t!("style-too-wide-help"));
            }
            if style.pitch() < style.sizes.body {
                bad(count(&at.lines_per_page), t!("style-lines-overlap"), t!("style-lines-overlap-help"));
            }
            if style.tracking() < -0.25 * style.sizes.body {
                bad(count(&at.chars_per_line), t!("style-chars-overlap"), t!("style-chars-overlap-help"));
            }
        }
        for (key, list) in
            [("body", &style.fonts.body), ("heading", &style.fonts.heading), ("title", &style.fonts.title)]
        {
            if list.is_empty() {
                bad(Span::file_start(file), t!("style-no-font", key), t!("style-no-font-help"));
            }
        }
        if problems.is_empty() { Ok(style) } else { Err(problems) }
    }

    /// The style of wide tables (the yearly ledger, inspection forms): A4 turned, 30 lines of 五号
    /// (10.5 pt) in a type area of 257 × 165 mm, titles 小二 (18 pt).
    pub(crate) fn landscape(&self) -> Style {
        self.derived([297.0, 210.0], [257.0, 165.0], 30, [18.0, 10.5])
    }

    /// The style of a sheet posted at the workplace (the duty card, the risk notice card): A4, 46
    /// lines of 小四 (12 pt) in a type area of 170 × 257 mm, titles 小二 (18 pt). Posted, not
    /// filed: not GB/T 9704's page, and compact, so that a front-line post's card fits one sheet
    /// (guidance 二(三): 简明扼要、便于掌握).
    pub(crate) fn posted(&self) -> Style {
        self.derived([210.0, 297.0], [170.0, 257.0], 46, [18.0, 12.0])
    }

    /// A page of this style's faces: 20 mm margins at the top and the left (the binding edge),
    /// as many body characters to the line as the type area holds, footers of 9 pt.
    fn derived(&self, [width, height]: [f32; 2], area: [f32; 2], lines: u32, [title, body]: [f32; 2]) -> Style {
        Style {
            page: Size { width, height },
            margin: Margin { top: 20.0, left: 20.0 },
            type_area: Size { width: area[0], height: area[1] },
            lines_per_page: lines,
            chars_per_line: (area[0] * MM / body).floor() as u32,
            sizes: Sizes { title, body, footer: 9.0 },
            fonts: self.fonts.clone(),
        }
    }

    /// Distance between baselines: the type area's height shared by the lines.
    pub(crate) fn pitch(&self) -> f32 {
        self.type_area.height * MM / self.lines_per_page as f32
    }

    /// Space between characters so that `chars_per_line` body characters fill the type area
    /// (GB/T 9704: 28 characters of 16 pt in 156 mm, which needs a little negative tracking).
    pub(crate) fn tracking(&self) -> f32 {
        let n = self.chars_per_line as f32;
        (self.type_area.width * MM - n * self.sizes.body) / (n - 1.0)
    }
}

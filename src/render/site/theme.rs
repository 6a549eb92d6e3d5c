//! The default theme, embedded in the binary so that `safeduty` works from anywhere.
//! Templates and assets live in `themes/default/`, never in Rust strings.

use tera::Tera;

use crate::error::{Error, Result};

macro_rules! theme_files {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../../themes/default/", $path)))),*]
    };
}

/// (path inside the theme, contents).
const DEFAULT: &[(&str, &str)] = theme_files![
    "templates/base.html",
    "templates/macros.html",
    "templates/index.html",
    "templates/institution.html",
    "templates/department.html",
    "templates/post.html",
    "templates/person.html",
    "templates/display.html",
    "templates/page.html",
    "templates/404.html",
    "templates/sitemap.xml",
    "static/style.css",
];

pub struct Theme {
    pub tera: Tera,
    /// Files copied as they are (path inside the theme's `static/`, contents).
    pub assets: Vec<(&'static str, &'static str)>,
}

impl Theme {
    pub fn default_theme() -> Result<Self> {
        let mut tera = Tera::default();
        let templates = DEFAULT.iter().filter_map(|(path, text)| Some((path.strip_prefix("templates/")?, *text)));
        tera.add_raw_templates(templates).map_err(|e| Error::new(template_error(&e)))?;
        // Every template escapes; the sitemap is XML, which the same escaping covers.
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape);
        let assets = DEFAULT.iter().filter_map(|(path, text)| Some((path.strip_prefix("static/")?, *text))).collect();
        Ok(Theme { tera, assets })
    }
}

/// Escapes what HTML and XML require (`& < > " '`). Tera's default also escapes `/`, which
/// makes every relative link in an `href` unreadable (`..&#x2F;index.html`) for no gain.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Tera's errors nest their causes; show the whole chain.
pub fn template_error(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        msg.push_str(": ");
        msg.push_str(&cause.to_string());
        source = cause.source();
    }
    msg
}

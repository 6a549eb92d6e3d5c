//! Themes. The default theme is embedded in the binary, so `safeduty` works from anywhere;
//! its files live in `themes/default/`, never in Rust strings. A content repository overrides
//! any file by putting its own at the same path under its theme folder (`theme/` by default):
//! `theme/templates/post.html` replaces the card template, `theme/static/style.css` the styles.
//! Built-in templates stay reachable as `default/<name>`, so an override can extend the
//! built-in one and replace a single block: `{% extends "default/post.html" %}`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use tera::Tera;

use crate::error::{Error, Result};
use crate::fence::Fence;
use crate::t;

macro_rules! theme_files {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../themes/default/", $path)))),*]
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
    "templates/hazards.html",
    "templates/hazards-year.html",
    "templates/risks.html",
    "templates/bulletin.html",
    "templates/page.html",
    "templates/roster.html",
    "templates/category.html",
    "templates/directory.html",
    "templates/404.html",
    "templates/search.html",
    "templates/changes.html",
    "templates/history.html",
    "templates/pdf/card.md",
    "templates/pdf/letter.md",
    "templates/pdf/report.md",
    "templates/pdf/notice.md",
    "templates/pdf/bulletin.md",
    "templates/pdf/risk-card.md",
    "templates/pdf/ledger.md",
    "templates/pdf/form.md",
    "templates/pdf/register.md",
    "templates/pdf/display.md",
    "templates/campaign-macros.html",
    "templates/campaigns.html",
    "templates/campaign.html",
    "templates/phase.html",
    "templates/matrix.html",
    "templates/partials/timeline.html",
    "templates/partials/card.html",
    "pdf/style.yaml",
    "templates/sitemap.xml",
    "static/style.css",
    "static/favicon.svg",
    "static/search.js",
];

pub(crate) struct Theme {
    pub(crate) tera: Tera,
    /// Files copied as they are (path inside `static/`, contents).
    pub(crate) assets: BTreeMap<String, Vec<u8>>,
    /// `pdf/style.yaml`: page geometry, sizes and fonts of printed documents.
    pub(crate) pdf_style: String,
    /// Font files of the theme's `pdf/fonts/` folder, resolved inside the content folder.
    pub(crate) font_files: Vec<PathBuf>,
}

impl Theme {
    /// The built-in theme with the files of the content's theme folder (`folder`, below the
    /// content root) on top; read through the fence, like all content.
    pub(crate) fn load(overrides: Option<(&Fence, &str)>) -> Result<Self> {
        Theme::load_for(overrides, false)
    }

    /// `load`; with `printed_only`, only the printed documents' templates (`pdf/…`) are parsed,
    /// unless one of them imports, includes or extends another: a build of printed documents
    /// alone renders no page, and the pages' templates were three quarters of the parsing.
    pub(crate) fn load_for(overrides: Option<(&Fence, &str)>, printed_only: bool) -> Result<Self> {
        let mut templates: BTreeMap<String, String> = BTreeMap::new();
        let mut assets: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let mut pdf_style = String::new();
        let mut font_files = Vec::new();
        let mut names_default = false;
        for (path, text) in DEFAULT {
            if *path == "pdf/style.yaml" {
                pdf_style = text.to_string();
            }
            if let Some(name) = path.strip_prefix("templates/") {
                templates.insert(name.to_string(), text.to_string());
            } else if let Some(name) = path.strip_prefix("static/") {
                assets.insert(name.to_string(), text.as_bytes().to_vec());
            }
        }
        if let Some((fence, folder)) = overrides {
            if !folder.split('/').all(|c| !c.is_empty() && c != "." && c != "..") {
                return Err(Error::theme(t!("theme-folder-outside", folder)));
            }
            let hidden = |name: &str| name.rsplit('/').next().is_some_and(crate::fence::is_hidden);
            for walked in fence.walk(folder, hidden) {
                if let Some(refused) = &walked.refused {
                    let (name, reason, help) = (walked.name.as_str(), refused.reason(), refused.help());
                    return Err(Error::theme(t!("theme-refused", name, reason, help)));
                }
                let name = walked.name.strip_prefix(folder).unwrap_or(&walked.name).trim_start_matches('/');
                let read =
                    || crate::fence::read_no_follow(&walked.path).map_err(|e| Error::io("read", &walked.path, e));
                if let Some(template) = name.strip_prefix("templates/") {
                    let text = String::from_utf8(read()?)
                        .map_err(|_| Error::theme(t!("theme-template-not-utf8", name = walked.name.as_str())))?;
                    names_default |= text.contains("default/");
                    templates.insert(template.to_string(), text);
                } else if let Some(asset) = name.strip_prefix("static/") {
                    assets.insert(asset.to_string(), read()?);
                } else if name == "pdf/style.yaml" {
                    pdf_style = String::from_utf8(read()?)
                        .map_err(|_| Error::theme(t!("theme-not-utf8", name = walked.name.as_str())))?;
                } else if name.starts_with("pdf/fonts/") {
                    font_files.push(walked.path.clone());
                }
            }
        }
        // The built-in templates under `default/` too, when an override names one: parsing them
        // twice was half the time of loading the theme, which a build waits for.
        if names_default {
            for (path, text) in DEFAULT {
                if let Some(name) = path.strip_prefix("templates/") {
                    // A theme's own `templates/default/…` file stays its own.
                    templates.entry(format!("default/{name}")).or_insert_with(|| text.to_string());
                }
            }
        }
        let printed = |name: &str| name.starts_with("pdf/") || name.starts_with("default/pdf/");
        let alone = |text: &str| !["import", "include", "extends"].iter().any(|k| text.contains(k));
        if printed_only && templates.iter().filter(|(n, _)| printed(n)).all(|(_, t)| alone(t)) {
            templates.retain(|name, _| printed(name));
        }
        let mut tera = Tera::default();
        tera.add_raw_templates(templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|e| Error::theme(t!("theme-template-error", error = template_error(&e))))?;
        // Every template escapes; the sitemap is XML, which the same escaping covers.
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape);
        // `{{ text | md }}` in the PDF templates: content text is never read as Markdown.
        tera.register_filter("md", super::markdown::filter);
        // `{{ n | numeral }}`: 一、二、 for sections that come and go.
        tera.register_filter("numeral", crate::numerals::filter);
        // `{{ date | day }}`: 2023年1月10日 on pages, as on paper.
        tera.register_filter("day", crate::date::filter);
        // `{{ finding | ticks }}`: a message's `key: value` spans as code, the rest escaped.
        tera.register_filter("ticks", ticks);
        Ok(Theme { tera, assets, pdf_style, font_files })
    }
}

/// Escapes what HTML and XML require (`& < > " '`). Tera's default also escapes `/`, which
/// makes every relative link in an `href` unreadable (`..&#x2F;index.html`) for no gain.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    // By bytes: the five are ASCII, so never inside a multi-byte character, and the runs
    // between them (most of a Chinese page) are copied whole.
    let mut from = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[from..at]);
        out.push_str(entity);
        from = at + 1;
    }
    out.push_str(&text[from..]);
    out
}

/// A message as HTML: escaped, and what it quotes between backticks (`rectified: YYYY-MM-DD`)
/// set as code, as a terminal user reads it. The result is safe to print unescaped.
fn ticks(value: &tera::Value, _: &std::collections::HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let text = tera::try_get_value!("ticks", "value", String, value);
    let mut out = String::with_capacity(text.len() + 16);
    for (i, part) in text.split('`').enumerate() {
        // Odd parts are quoted, unless the last backtick has no partner.
        let quoted = i % 2 == 1 && text.matches('`').count() > i;
        match quoted {
            true => out.push_str(&format!("<code>{}</code>", escape(part))),
            false if i % 2 == 1 => out.push_str(&format!("`{}", escape(part))),
            false => out.push_str(&escape(part)),
        }
    }
    Ok(tera::Value::String(out))
}

/// Tera's errors nest their causes; show the whole chain.
pub(crate) fn template_error(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        msg.push_str(": ");
        msg.push_str(&cause.to_string());
        source = cause.source();
    }
    msg
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_what_html_requires_and_nothing_else() {
        assert_eq!(
            super::escape(r#"<a href="../x.html">甲&乙's</a>"#),
            "&lt;a href=&quot;../x.html&quot;&gt;甲&amp;乙&#39;s&lt;/a&gt;"
        );
        assert_eq!(super::escape("安全生产责任书"), "安全生产责任书");
        assert_eq!(super::escape("&"), "&amp;");
    }

    #[test]
    fn quoted_spans_of_a_message_become_code_and_the_rest_is_escaped() {
        let html = |s: &str| super::ticks(&tera::Value::String(s.into()), &Default::default()).unwrap();
        assert_eq!(html("隐患 `2022-03` 已逾期 <b>"), "隐患 <code>2022-03</code> 已逾期 &lt;b&gt;");
        assert_eq!(html("`<x>` and `a"), "<code>&lt;x&gt;</code> and `a");
    }
}

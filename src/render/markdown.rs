//! Markdown: pages' Markdown → HTML (raw HTML in Markdown is shown as text unless the site's
//! config says `allow_html: true`: content is written by many hands and served on an
//! intranet), and content text escaped for the PDF templates, which are Markdown.

use pulldown_cmark::{Event, Options, Parser, Tag, html};

pub(crate) fn to_html(markdown: &str, allow_html: bool) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) if !allow_html => Event::Text(raw),
        // Links and images may point at pages, files or the web, never at script.
        Event::Start(Tag::Link { link_type, dest_url, title, id }) if !safe_url(&dest_url) => {
            Event::Start(Tag::Link { link_type, dest_url: "#".into(), title, id })
        }
        Event::Start(Tag::Image { link_type, dest_url, title, id }) if !safe_url(&dest_url) => {
            Event::Start(Tag::Image { link_type, dest_url: "#".into(), title, id })
        }
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// The links and images of a Markdown text: destination, and where the link is written.
pub(crate) fn links(markdown: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    Parser::new_ext(markdown, options)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) if safe_url(&dest_url) => {
                Some((dest_url.to_string(), range))
            }
            _ => None,
        })
        .collect()
}

/// `{{ text | md }}`: content text is plain text, never Markdown. CommonMark lets a backslash
/// escape any ASCII punctuation, so escaping all of it leaves nothing to interpret: no list
/// markers (`1.`, `-`), rules (`---`), entities (`&amp;`), emphasis or tables. Line breaks and
/// leading blanks (an indented code block) become single spaces.
pub(crate) fn escape(text: &str) -> String {
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

pub(crate) fn filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = tera::try_get_value!("md", "value", String, value);
    Ok(tera::Value::String(escape(&text)))
}

/// Relative links and the schemes a document needs; not `javascript:`, `data:` and the like.
fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        // A colon after a slash, `?` or `#` is part of a relative path, not a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => matches!(scheme, "http" | "https" | "mailto" | "tel"),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn raw_html_is_escaped() {
        let html = super::to_html("正文<script>alert(1)</script>\n\n<div>块</div>\n", false);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<div>"), "{html}");
        let html = super::to_html("<div>块</div>\n", true);
        assert!(html.contains("<div>块</div>"), "{html}");
    }

    #[test]
    fn script_links_are_defused() {
        let html = super::to_html(
            "[点击](javascript:alert(1)) ![图](JavaScript:x) [页](../pages/a.html) [网](https://example.org/)\n",
            false,
        );
        assert!(!html.to_ascii_lowercase().contains("javascript"), "{html}");
        assert!(
            html.contains(r#"href="../pages/a.html""#) && html.contains(r#"href="https://example.org/""#),
            "{html}"
        );
    }
}

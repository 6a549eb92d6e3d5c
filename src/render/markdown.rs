//! Markdown: pages' Markdown → HTML (raw HTML in Markdown is shown as text unless the site's
//! config says `allow_html: true`: content is written by many hands and served on an
//! intranet), and content text escaped for the PDF templates, which are Markdown.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// How pages' Markdown is read, for their HTML and for the links `check` tests alike.
const OPTIONS: Options =
    Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH).union(Options::ENABLE_HEADING_ATTRIBUTES);

/// A page's HTML and its table of contents: the headings of the second and third levels
/// (`## …`, `### …`), each given an id (`sec-1`, …) unless the text names one (`## 标题 {#id}`),
/// so that a long page can be read on a phone by its sections.
pub(crate) struct Html {
    pub(crate) html: String,
    pub(crate) toc: Vec<TocEntry>,
}

#[derive(serde::Serialize)]
pub(crate) struct TocEntry {
    pub(crate) id: String,
    pub(crate) title: String,
    /// 2 or 3.
    pub(crate) level: u8,
}

pub(crate) fn to_html(markdown: &str, allow_html: bool) -> Html {
    let mut toc: Vec<TocEntry> = Vec::new();
    let mut in_section_heading = false;
    let events: Vec<Event> = Parser::new_ext(markdown, OPTIONS)
        .map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) if !allow_html => Event::Text(raw),
            // Links and images may point at pages, files or the web, never at script.
            Event::Start(Tag::Link { link_type, dest_url, title, id }) if !safe_url(&dest_url) => {
                Event::Start(Tag::Link { link_type, dest_url: "#".into(), title, id })
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) if !safe_url(&dest_url) => {
                Event::Start(Tag::Image { link_type, dest_url: "#".into(), title, id })
            }
            Event::Start(Tag::Heading { level: level @ (HeadingLevel::H2 | HeadingLevel::H3), id, classes, attrs }) => {
                let id = id.unwrap_or_else(|| format!("sec-{}", toc.len() + 1).into());
                toc.push(TocEntry { id: id.to_string(), title: String::new(), level: level as u8 });
                in_section_heading = true;
                Event::Start(Tag::Heading { level, id: Some(id), classes, attrs })
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2 | HeadingLevel::H3)) => {
                in_section_heading = false;
                event
            }
            Event::Text(ref t) | Event::Code(ref t) if in_section_heading => {
                if let Some(last) = toc.last_mut() {
                    last.title.push_str(t);
                }
                event
            }
            other => other,
        })
        .collect();
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    Html { html: out, toc }
}

/// The links and images of a Markdown text: destination, and where the link is written.
pub(crate) fn links(markdown: &str) -> Vec<(String, std::ops::Range<usize>)> {
    Parser::new_ext(markdown, OPTIONS)
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
    for (i, word) in text.split(|c: char| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // By bytes: ASCII punctuation is never inside a multi-byte character.
        let mut from = 0;
        for (at, byte) in word.bytes().enumerate() {
            if byte.is_ascii_punctuation() {
                out.push_str(&word[from..at]);
                out.push('\\');
                from = at;
            }
        }
        out.push_str(&word[from..]);
    }
    out
}

pub(crate) fn filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    // Called for every line of every document: the text is read where it is, not copied out.
    if let Some(text) = value.as_str() {
        return Ok(tera::Value::String(escape(text)));
    }
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
    fn content_text_is_never_markdown() {
        assert_eq!(super::escape("1. 严格执行《安全生产法》*第21条*"), "1\\. 严格执行《安全生产法》\\*第21条\\*");
        assert_eq!(super::escape("  ---\n负责人：张三　（签字）&amp; "), "\\-\\-\\- 负责人：张三　（签字）\\&amp\\;");
        assert_eq!(super::escape(""), "");
        // Read back as Markdown, the text is the text.
        let html = super::to_html(&super::escape("# 标题 | 表格 | [链接](x) <b>"), false).html;
        assert_eq!(html.trim(), "<p># 标题 | 表格 | [链接](x) &lt;b&gt;</p>");
    }

    #[test]
    fn raw_html_is_escaped() {
        let html = super::to_html("正文<script>alert(1)</script>\n\n<div>块</div>\n", false).html;
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<div>"), "{html}");
        let html = super::to_html("<div>块</div>\n", true).html;
        assert!(html.contains("<div>块</div>"), "{html}");
    }

    #[test]
    fn script_links_are_defused() {
        let html = super::to_html(
            "[点击](javascript:alert(1)) ![图](JavaScript:x) [页](../pages/a.html) [网](https://example.org/)\n",
            false,
        )
        .html;
        assert!(!html.to_ascii_lowercase().contains("javascript"), "{html}");
        assert!(
            html.contains(r#"href="../pages/a.html""#) && html.contains(r#"href="https://example.org/""#),
            "{html}"
        );
    }

    #[test]
    fn section_headings_make_the_table_of_contents() {
        let page =
            super::to_html("# 通知\n\n## 一、目标\n\n正文\n\n## 二、`措施` {#steps}\n\n### 细则\n\n#### 不列\n", false);
        let toc: Vec<(&str, &str, u8)> = page.toc.iter().map(|e| (e.id.as_str(), e.title.as_str(), e.level)).collect();
        assert_eq!(toc, [("sec-1", "一、目标", 2), ("steps", "二、措施", 2), ("sec-3", "细则", 3)]);
        assert!(page.html.contains("<h2 id=\"sec-1\">一、目标</h2>"), "{}", page.html);
    }
}

//! Markdown → HTML for pages. Raw HTML in Markdown is shown as text unless the site's config
//! says `allow_html: true`: content is written by many hands and served on an intranet.

use pulldown_cmark::{Event, Options, Parser, html};

pub fn to_html(markdown: &str, allow_html: bool) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) if !allow_html => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
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
}

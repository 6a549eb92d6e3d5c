//! The page as pagefind should read it. Pagefind's parser (lol_html, a handler on every
//! element) is most of the index's cost, and it pays for every element it walks, also for those
//! whose text it then throws away; so what cannot change the index is taken out before, found
//! in the text rather than by parsing the page again (the pages' text is escaped, so `<` starts
//! a tag). Wherever a page is not that plain, it is left as it is and pagefind decides. The
//! tests check that what is taken out never changes the index: the same bundle, byte for byte.

/// The page as pagefind should read it:
///
/// - without its `data-pagefind-ignore="all"` blocks, which pagefind leaves out of the index but
///   still walks element by element (a person's page repeats the cards of their posts there:
///   most of its markup). They are found in the text (`cut`); where that is not plain, lol_html,
///   pagefind's own parser, cuts them; a page it cannot rewrite is indexed as it is;
/// - without the elements that leave nothing in the index (`trimmed`): the masthead, menu,
///   breadcrumbs and footer around the indexed body, and the ignored blocks inside it that
///   carry nothing pagefind keeps (a post's category duties);
/// - with every block ending in an ideographic space (`spaced`).
pub(super) fn prepared(html: String) -> String {
    spaced(&trimmed(&without_ignored(html)))
}

/// The page without its `IGNORED` blocks: cut in the text, else by lol_html, else as it is.
fn without_ignored(html: String) -> String {
    match html.contains(IGNORED) {
        true => cut(&html).or_else(|| parsed_cut(&html)).unwrap_or(html),
        false => html,
    }
}

/// The page without its `IGNORED` elements, as lol_html (pagefind's own parser) removes them;
/// None when it cannot rewrite the page.
pub(super) fn parsed_cut(html: &str) -> Option<String> {
    let cut = lol_html::element!("[data-pagefind-ignore=all]", |el| {
        el.remove();
        Ok(())
    });
    lol_html::rewrite_str(html, lol_html::RewriteStrSettings::new().append_element_content_handler(cut)).ok()
}

/// The mark of a block pagefind leaves out, as the default theme writes it.
const IGNORED: &str = "data-pagefind-ignore=\"all\"";

/// The page without the elements that carry `IGNORED`, found in the text rather than by
/// parsing the page (lol_html took 7 % of a site build at 10,000 employees): see `element_at`.
/// None when that is not plain.
pub(super) fn cut(html: &str) -> Option<String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(IGNORED) {
        let (open, end) = element_at(rest, at)?;
        out.push_str(&rest[..open]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    Some(out)
}

/// The element whose start tag holds the attribute at `at`: (where its start tag begins, where
/// its end tag ends). None when that is not plain: the attribute outside a tag, or what
/// `element_from` refuses.
fn element_at(html: &str, at: usize) -> Option<(usize, usize)> {
    let open = html[..at].rfind('<')?;
    if html[open..at].contains('>') || !html[..at].ends_with(' ') {
        return None;
    }
    Some((open, element_from(html, open)?))
}

/// Where the element whose start tag begins at `open` ends: past its end tag, where as many
/// elements of its name have closed as have opened. None when that is not plain: an element
/// that closes itself or never closes, a comment or a script inside it.
fn element_from(html: &str, open: usize) -> Option<usize> {
    let name_len = html[open + 1..].bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = html.as_bytes().get(open + 1..open + 1 + name_len).filter(|n| !n.is_empty())?;
    let inside = open + html[open..].find('>')? + 1;
    if html[..inside].ends_with("/>") {
        return None;
    }
    // Whether `tag` (after its `<` or `</`) starts an element of the same name.
    let same = |tag: &[u8]| {
        tag.get(..name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name))
            && tag.get(name.len()).is_some_and(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'))
    };
    let (mut depth, mut pos) = (1usize, inside);
    loop {
        let lt = pos + html[pos..].find('<')?;
        let tag = &html.as_bytes()[lt + 1..];
        if tag.starts_with(b"!--") || tag.get(..6).is_some_and(|t| t.eq_ignore_ascii_case(b"script")) {
            return None;
        }
        match tag.strip_prefix(b"/") {
            Some(closing) if same(closing) => {
                depth -= 1;
                if depth == 0 {
                    return Some(lt + html[lt..].find('>')? + 1);
                }
            }
            None if same(tag) => depth += 1,
            _ => {}
        }
        pos = lt + 1;
    }
}

/// The page without the elements that leave nothing in pagefind's index, which are most of the
/// elements it would walk on a person's page:
///
/// - a block marked `data-pagefind-ignore` (its text is not indexed) that holds no other mark
///   of pagefind's and nothing pagefind looks for in an ignored block (`inert`);
/// - beside the one element marked `data-pagefind-body`, the other children of `<body>` that are
///   `inert`: pagefind drops what comes before the indexed body when it reaches it, and keeps
///   nothing of what follows it but the text between elements (which stays).
///
/// Anything less plain (several bodies, a comment, an element that never closes) is left as it
/// is.
fn trimmed(html: &str) -> std::borrow::Cow<'_, str> {
    // The page in lower case, for the marks and tags of any case: the same offsets.
    let lower = html.to_ascii_lowercase();
    let mut drop: Vec<(usize, usize)> = Vec::new();
    // Ignored blocks, with no value or "index" (pagefind's `Ignored`; "all" was cut before).
    const MARK: &str = "data-pagefind-ignore";
    let mut from = 0;
    while let Some(found) = html[from..].find(MARK) {
        let at = from + found;
        from = at + MARK.len();
        let after = &html[from..];
        if !(after.starts_with(['>', ' ']) || after.starts_with("=\"index\"")) {
            continue;
        }
        if let Some((open, end)) = element_at(html, at).filter(|&(open, end)| inert(&lower[open..end], 1)) {
            drop.push((open, end));
            from = end;
        }
    }
    // The chrome around the indexed body.
    if let Some(chrome) = chrome(html, &lower) {
        drop.extend(chrome);
        drop.sort_unstable();
    }
    if drop.is_empty() {
        return html.into();
    }
    let mut out = String::with_capacity(html.len());
    let mut kept = 0;
    for (open, end) in drop {
        if open >= kept {
            out.push_str(&html[kept..open]);
            kept = end;
        }
    }
    out.push_str(&html[kept..]);
    out.into()
}

/// The `inert` children of `<body>` before and after the one element marked
/// `data-pagefind-body`; None when the page is not that plain. `lower` is the page in lower
/// case.
fn chrome(html: &str, lower: &str) -> Option<Vec<(usize, usize)>> {
    const BODY: &str = "data-pagefind-body";
    let at = html.find(BODY)?;
    if lower.matches(BODY).count() != 1 {
        return None;
    }
    let (main_open, main_end) = element_at(html, at)?;
    let body_open = lower[..main_open].rfind("<body")?;
    if !html[body_open + 5..].starts_with(['>', ' ']) {
        return None;
    }
    let body_inside = body_open + html[body_open..].find('>')? + 1;
    // `<body` whose own `>` never comes before the indexed element: not plain.
    if body_inside > main_open {
        return None;
    }
    let mut drop = siblings(html, lower, body_inside, main_open);
    drop.extend(siblings(html, lower, main_end, html.len()));
    Some(drop)
}

/// The `inert` elements side by side from `from` (text between them is skipped), up to `to` or
/// to the first end tag, comment or element that is not plain.
fn siblings(html: &str, lower: &str, mut from: usize, to: usize) -> Vec<(usize, usize)> {
    /// Elements without an end tag.
    const VOID: [&str; 13] =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
    let mut drop = Vec::new();
    while let Some(lt) = html[from..to].find('<').map(|lt| from + lt) {
        let name_len = html[lt + 1..].bytes().take_while(u8::is_ascii_alphanumeric).count();
        let name = &lower[lt + 1..lt + 1 + name_len];
        if name.is_empty() {
            break;
        }
        let end =
            if VOID.contains(&name) { html[lt..].find('>').map(|gt| lt + gt + 1) } else { element_from(html, lt) };
        let Some(end) = end.filter(|&end| end <= to && inert(&lower[lt..end], 0)) else { break };
        drop.push((lt, end));
        from = end;
    }
    drop
}

/// Whether an element (in lower case) leaves nothing in the index when it is ignored or outside
/// the indexed body: no mark of pagefind's but `marks` (its own), no `id` (an anchor, which
/// numbers the page's later anchors), no element pagefind takes a title or an image from, no
/// script or stylesheet link, no comment.
fn inert(element: &str, marks: usize) -> bool {
    element.matches("data-pagefind").count() == marks
        && !["<h1", "<title", "<img", "<script", "<link", "<!--"].iter().any(|s| element.contains(s))
        && !has_id(element)
}

/// Whether an element (in lower case) or one inside it may have an `id` attribute: `id` after
/// white space, then white space, `=`, `>` or `/` (`id = "a"` and a bare `id` count too).
fn has_id(element: &str) -> bool {
    element.match_indices("id").any(|(at, _)| {
        let before = element[..at].bytes().next_back().is_some_and(|b| b.is_ascii_whitespace());
        let after = element[at + 2..].bytes().next().is_none_or(|b| b.is_ascii_whitespace() || b"=>/".contains(&b));
        before && after
    })
}

/// Pagefind ends a block whose last character is a letter with ". ", so that excerpts read as
/// sentences; Chinese text ends in a letter more often than not (a heading, a name, a table
/// cell), and excerpts read "台账. 连云港市". A block that ends in a space gets none, and the
/// spaces become one. The end tags are found in the text rather than by parsing it again (a
/// tenth of the site's time at 10,000 employees).
fn spaced(html: &str) -> String {
    /// The elements pagefind ends with a full stop (its `SENTENCE_SELECTORS`).
    const BLOCKS: [&str; 13] = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section"];
    let mut out = String::with_capacity(html.len() + html.len() / 32);
    let mut rest = html;
    while let Some(at) = rest.find("</") {
        let (before, tag) = rest.split_at(at);
        out.push_str(before);
        let name = tag.as_bytes()[2..].iter().take(8).position(|&b| b == b'>').map(|end| &tag[2..2 + end]);
        if name.is_some_and(|n| BLOCKS.iter().any(|b| b.eq_ignore_ascii_case(n))) {
            out.push('\u{3000}');
        }
        out.push_str("</");
        rest = &tag[2..];
    }
    out.push_str(rest);
    out
}

/// The page as pagefind read it before `trimmed`: what the tests compare the index with.
#[cfg(test)]
pub(super) fn untrimmed(html: String) -> String {
    spaced(&without_ignored(html))
}

#[cfg(test)]
mod tests {
    use super::{cut, parsed_cut, prepared};

    #[test]
    fn cuts_in_the_text_what_the_parser_cuts() {
        let pages = [
            r#"<main><h1>甲</h1><div data-pagefind-ignore="all"><div><h2>乙</h2><DIV class="x">丙</Div></div><p>丁</p></div><p>戊</p></main>"#,
            r#"<p>甲</p><section data-pagefind-ignore="all"><section>乙</section></section><div data-pagefind-ignore="all">丙</div>己"#,
            r#"<ul><li data-pagefind-ignore="all">甲<ul><li>乙</li></ul></li><li>丙</li></ul><divx>丁</divx>"#,
            r#"<div class="a" data-pagefind-ignore="all" id="b"><br/><divider>甲</divider></div>乙"#,
        ];
        for page in pages {
            assert_eq!(cut(page), parsed_cut(page), "{page}");
        }
        // What is not plain is left to the parser.
        for page in [
            r#"<div data-pagefind-ignore="all"><!-- </div> --></div>"#,
            r#"<div data-pagefind-ignore="all"><script>let a = "</div>";</script></div>"#,
            r#"<img data-pagefind-ignore="all"/>甲"#,
            r#"<div data-pagefind-ignore="all">不闭合"#,
            r#"<p>data-pagefind-ignore="all"</p>"#,
        ] {
            assert_eq!(cut(page), None, "{page}");
        }
    }

    #[test]
    fn cuts_excluded_and_inert_blocks_and_ends_blocks_with_a_space() {
        let page = concat!(
            r#"<html lang="zh-CN"><body><header><a href="i.html">首页</a></header>"#,
            r#"<main data-pagefind-body><h1>阿拉坦</h1>"#,
            r#"<div data-pagefind-ignore="all"><div><h2 id="c">护理部主任</h2></div><p>职责</p></div>"#,
            r#"<p data-pagefind-ignore>不索引</p><p data-pagefind-ignore><a id="x">有锚点</a></p>"#,
            r#"<p>所任<b>岗位</b></p></main><footer><p>页脚</p></footer></body></html>"#
        );
        assert_eq!(
            prepared(page.to_string()),
            concat!(
                r#"<html lang="zh-CN"><body><main data-pagefind-body><h1>阿拉坦　</h1>"#,
                r#"<p data-pagefind-ignore><a id="x">有锚点</a>　</p><p>所任<b>岗位</b>　</p></main></body></html>"#
            )
        );
    }

    #[test]
    fn finds_an_id_however_it_is_written() {
        for with in [r#"<a id="x">"#, "<a\tid='x'>", r#"<a class="b" id = "x">"#, "<div id>", "<br id/>"] {
            assert!(super::has_id(with), "{with}");
        }
        for without in [r#"<a data-id="x">"#, r#"<a class="id">"#, "<p>id=3</p>", r#"<a href="?id=3">"#, "<aid=x>"] {
            assert!(!super::has_id(without), "{without}");
        }
    }

    #[test]
    fn keeps_inline_text_as_it_is() {
        let page = r#"<main data-pagefind-body><span>护理部</span> <a href="x.html">链接</a></main>"#.to_string();
        assert_eq!(prepared(page.clone()), page);
        // An end tag cut short at the end of the page is left as it is.
        assert_eq!(prepared("<p>甲</p".to_string()), "<p>甲</p");
        assert_eq!(prepared("<P>甲</P><td>乙</td >".to_string()), "<P>甲　</P><td>乙</td >");
    }
}

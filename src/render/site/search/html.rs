//! A prepared page read the way pagefind 1.6.0's parser (lol_html, a handler per element) reads
//! it, for the markup the default theme emits: the text it indexes with its markers for anchors
//! and weights, the filters, the meta and the anchors' text. Whatever this reader is not sure to
//! read exactly as pagefind does (a comment inside a tag's text, an entity it does not know, an
//! element that is not closed where it was opened, a mark of pagefind's the theme does not use)
//! makes it give up, and the part is indexed by pagefind itself: correctness never rests on a
//! guess. The tests compare both on the whole example site, byte for byte.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::chars::{WORD_SYMBOLS, is_punctuation};

/// What pagefind keeps of a page before it splits the text into words.
pub(super) struct Reading {
    /// The indexed text with pagefind's markers, entities decoded.
    pub(super) digest: String,
    pub(super) filters: BTreeMap<String, Vec<String>>,
    pub(super) meta: BTreeMap<String, String>,
    /// The text inside each anchor ("number:id"), as the parser collected it.
    pub(super) anchor_text: BTreeMap<String, String>,
    /// Whether some element was marked `data-pagefind-body`.
    pub(super) has_body: bool,
    /// The `lang` of `<html>`, lower case.
    pub(super) language: String,
}

/// How an element takes part in the index, as pagefind's parser decides it.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    Indexed,
    /// Its text is not indexed, but its filters, meta and anchors still count.
    Ignored,
    /// Nothing of it counts (`data-pagefind-ignore="all"`).
    Excluded,
    /// The element marked `data-pagefind-body`.
    Body,
    /// An element holding the body: what it holds besides the body is dropped.
    AboveBody,
}

/// An element whose end tag has not come yet.
struct Open {
    name: String,
    text: String,
    role: Role,
    filter: Option<Vec<String>>,
    meta: Option<Vec<String>>,
    weight: Option<String>,
    /// The anchors ("number:id") whose text this element's text adds to.
    anchors: Vec<String>,
}

/// Elements that end a sentence: pagefind pads their text and may end it with a full stop.
const SENTENCES: [&str; 13] = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section"];
/// Inline elements: they carry on the anchor they sit in.
const INLINE: [&str; 33] = [
    "a", "abbr", "acronym", "b", "bdo", "big", "br", "button", "cite", "code", "dfn", "em", "i", "img", "input", "kbd",
    "label", "map", "object", "output", "q", "samp", "script", "select", "small", "span", "strong", "sub", "sup",
    "textarea", "time", "tt", "var",
];
/// Elements pagefind never indexes the text of.
const LEFT_OUT: [&str; 11] =
    ["head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe", "template"];
/// Elements without an end tag.
const VOID: [&str; 19] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
    "link", "meta", "param", "source", "track", "wbr",
];
/// Elements this reader does not follow (their content is not markup, or pagefind reads
/// something special from them): a page holding one is left to pagefind.
const REFUSED: [&str; 10] =
    ["img", "math", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext", "template"];

/// Reads a page; None when it is not plain enough to be sure of reading it as pagefind would.
pub(super) fn read(html: &str) -> Option<Reading> {
    let mut reader = Reader {
        stack: vec![Open::new(String::new(), Role::Indexed)],
        filters: BTreeMap::new(),
        meta: BTreeMap::new(),
        anchor_text: BTreeMap::new(),
        language: None,
        anchors: 0,
        in_html: false,
        svg: 0,
        auto_title: None,
        page_title: None,
    };
    let mut pos = 0;
    while pos < html.len() {
        let Some(lt) = html[pos..].find('<').map(|at| pos + at) else {
            reader.text(&decoded(&html[pos..])?);
            break;
        };
        if lt > pos {
            reader.text(&decoded(&html[pos..lt])?);
        }
        let rest = &html[lt + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            pos = lt + 4 + comment.find("-->")? + 3;
        } else if rest.starts_with('!') {
            // The doctype, before `<html>`.
            if reader.in_html {
                return None;
            }
            pos = lt + rest.find('>')? + 2;
        } else if let Some(end) = rest.strip_prefix('/') {
            let len = end.bytes().take_while(u8::is_ascii_alphanumeric).count();
            if len == 0 || !end[len..].starts_with('>') {
                return None;
            }
            reader.close(&end[..len].to_ascii_lowercase())?;
            pos = lt + 3 + len;
        } else if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (tag, used) = start_tag(rest)?;
            pos = lt + 1 + used;
            let raw_text = matches!(tag.name.as_str(), "script" | "style" | "title") && !tag.self_closing;
            reader.open(tag)?;
            if raw_text {
                // Their text runs to their end tag, markup or not.
                let name = reader.stack.last()?.name.clone();
                let end = html[pos..].find("</").map(|at| pos + at)?;
                let text = &html[pos..end];
                if text.contains('<') {
                    return None;
                }
                reader.text(&if name == "title" { decoded(text)? } else { text.into() });
                pos = end;
            }
        } else {
            return None;
        }
    }
    reader.finish()
}

/// A start tag: its lower-case name and attributes, and how many bytes it takes after `<`.
struct StartTag<'a> {
    name: String,
    /// (name in lower case, value): borrowed from the page, as most are written.
    attributes: Vec<(Cow<'a, str>, &'a str)>,
    /// Written `<name ... />`: an element without content in SVG, nothing in HTML.
    self_closing: bool,
}

/// Reads a start tag after its `<`; None for what this reader does not follow (a tag cut short,
/// an attribute value with markup or an entity).
fn start_tag(rest: &str) -> Option<(StartTag<'_>, usize)> {
    let bytes = rest.as_bytes();
    let mut i = bytes.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    // A name goes on to white space, `/` or `>`; pagefind's parser takes `h1;` whole, as a
    // name of its own, so such a tag is left to it.
    if !bytes.get(i).is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>')) {
        return None;
    }
    let name = rest[..i].to_ascii_lowercase();
    let mut attributes: Vec<(Cow<'_, str>, &str)> = Vec::new();
    let mut self_closing = false;
    loop {
        while bytes.get(i)?.is_ascii_whitespace() {
            i += 1;
        }
        match bytes[i] {
            b'>' => break,
            b'/' if bytes.get(i + 1) == Some(&b'>') => {
                self_closing = true;
                i += 1;
                break;
            }
            _ => {}
        }
        let start = i;
        while !bytes.get(i)?.is_ascii_whitespace() && !b"=>/\"'<".contains(&bytes[i]) {
            i += 1;
        }
        if i == start {
            return None;
        }
        let key = lowercase(&rest[start..i]);
        let mut value = "";
        if bytes[i] == b'=' {
            i += 1;
            let quote = *bytes.get(i)?;
            if quote != b'"' && quote != b'\'' {
                return None;
            }
            let end = i + 1 + rest[i + 1..].find(quote as char)?;
            value = &rest[i + 1..end];
            i = end + 1;
            if value.contains(['<', '&']) {
                return None;
            }
        }
        // The first of two attributes of the same name counts, as in a browser; the theme
        // never writes two, so a page that does is left to pagefind.
        if attributes.iter().any(|(k, _)| *k == key) {
            return None;
        }
        attributes.push((key, value));
    }
    Some((StartTag { name, attributes, self_closing }, i + 1))
}

/// `text` in ASCII lower case, copied only when it has a capital.
fn lowercase(text: &str) -> Cow<'_, str> {
    match text.bytes().any(|b| b.is_ascii_uppercase()) {
        true => Cow::Owned(text.to_ascii_lowercase()),
        false => Cow::Borrowed(text),
    }
}

/// Text with the entities the theme's escaping writes decoded; None for any other `&`, which
/// pagefind would decode (sometimes twice) by rules this reader does not repeat.
fn decoded(text: &str) -> Option<Cow<'_, str>> {
    if !text.contains('&') {
        return Some(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (entity, c) =
            [("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#x27;", '\''), ("&#39;", '\''), ("&#x2F;", '/')]
                .into_iter()
                .find(|(entity, _)| rest.starts_with(entity))?;
        out.push(c);
        rest = &rest[entity.len()..];
    }
    out.push_str(rest);
    Some(Cow::Owned(out))
}

/// Pagefind's `normalize_content` for text without entities: trimmed, and any run of white
/// space but a single space or tab becomes one space (a lone newline too).
pub(super) fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.trim().chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_whitespace() {
            out.push(c);
            continue;
        }
        let mut run = 1;
        while chars.next_if(|n| n.is_whitespace()).is_some() {
            run += 1;
        }
        out.push(if run == 1 && c != '\n' { c } else { ' ' });
    }
    out
}

impl Open {
    fn new(name: String, role: Role) -> Open {
        Open { name, text: String::new(), role, filter: None, meta: None, weight: None, anchors: Vec::new() }
    }

    /// A filter or meta entry as "name:value", or "name" for the element's own text.
    fn pair(&self, entry: &str) -> Option<(String, String)> {
        match entry.split_once(':') {
            Some((key, value)) => Some((key.to_string(), normalized(value))),
            None if self.text.is_empty() => None,
            None => Some((entry.to_string(), normalized(&self.text))),
        }
    }
}

/// The entries of a `data-pagefind-filter` or `-meta` attribute: comma-separated names, the
/// last of which may carry a literal value after a colon.
fn entries(attribute: &str) -> Option<Vec<String>> {
    if attribute.contains(['[', ']']) {
        // An attribute's value (`name[attr]`): not written by the theme.
        return None;
    }
    let (names, literal) = match attribute.split_once(':') {
        Some((names, literal)) => (names, Some(literal)),
        None => (attribute, None),
    };
    let mut entries: Vec<String> = names.split(',').map(|name| name.trim().to_string()).collect();
    if let (Some(last), Some(literal)) = (entries.last_mut(), literal) {
        last.push(':');
        last.push_str(literal);
    }
    Some(entries)
}

struct Reader {
    stack: Vec<Open>,
    filters: BTreeMap<String, Vec<String>>,
    meta: BTreeMap<String, String>,
    anchor_text: BTreeMap<String, String>,
    language: Option<String>,
    /// Anchors numbered so far: every element with an id counts, also in an ignored block.
    anchors: usize,
    in_html: bool,
    /// How many `<svg>` the reader is in: there `<name/>` has no content.
    svg: usize,
    auto_title: Option<String>,
    page_title: Option<String>,
}

impl Reader {
    fn open(&mut self, tag: StartTag) -> Option<()> {
        let StartTag { name, attributes, self_closing } = tag;
        let in_svg = self.svg > 0 || name == "svg";
        // In HTML a self-closing element stays open (a browser ignores the slash); the theme
        // writes none, so such a page is left to pagefind.
        if self_closing && !in_svg && !VOID.contains(&name.as_str()) {
            return None;
        }
        let empty = VOID.contains(&name.as_str()) || (self_closing && in_svg);
        let get = |key: &str| attributes.iter().find(|(k, _)| k == key).map(|(_, v)| *v);
        if name == "html" {
            if self.in_html {
                return None;
            }
            self.in_html = true;
            self.language = get("lang").map(str::to_lowercase);
        }
        if !self.in_html {
            return None;
        }
        if REFUSED.contains(&name.as_str()) {
            return None;
        }
        for (key, _) in &attributes {
            let known = ["data-pagefind-body", "data-pagefind-ignore", "data-pagefind-filter", "data-pagefind-meta"];
            if key.starts_with("data-pagefind") && !known.contains(&key.as_ref()) && key != "data-pagefind-weight" {
                return None;
            }
        }
        let mut role = match get("data-pagefind-ignore").map(str::to_ascii_lowercase) {
            _ if get("data-pagefind-body").is_some() => Role::Body,
            Some(value) if ["", "index", "true"].contains(&value.as_str()) => Role::Ignored,
            Some(_) => Role::Excluded,
            None => Role::Indexed,
        };
        let weight = get("data-pagefind-weight").map(str::to_string);
        if weight.as_deref().is_some_and(|w| w.is_empty() || !w.bytes().all(|b| b.is_ascii_digit() || b == b'.')) {
            return None;
        }
        let parent = self.stack.last_mut()?;
        let mut own_anchor = None;
        let counted = !matches!(role, Role::Ignored | Role::Excluded);
        if let Some(id) = get("id").filter(|_| counted && !(parent.role == Role::AboveBody && role != Role::Body)) {
            let id: String = id.chars().filter(|c| !c.is_whitespace()).collect();
            let anchor = format!("{}:{id}", self.anchors);
            parent.text.push_str(&format!(" ___PAGEFIND_ANCHOR___{name}:{anchor} "));
            own_anchor = Some(anchor);
            self.anchors += 1;
        }
        if name == "br" && role != Role::Excluded {
            parent.text.push(' ');
        }
        let mut anchors = if INLINE.contains(&name.as_str()) { parent.anchors.clone() } else { Vec::new() };
        anchors.extend(own_anchor);
        if parent.role == Role::Excluded {
            role = Role::Excluded;
        }
        let mut open = Open::new(name, role);
        open.filter = get("data-pagefind-filter").map(entries).map(Option::unwrap_or_default);
        open.meta = get("data-pagefind-meta").map(entries).map(Option::unwrap_or_default);
        if get("data-pagefind-filter").is_some_and(|f| f.contains(['[', ']']))
            || get("data-pagefind-meta").is_some_and(|m| m.contains(['[', ']']))
        {
            return None;
        }
        open.weight = weight;
        open.anchors = anchors;
        if empty {
            // Closed at once: only its filters and meta count.
            if open.role != Role::Excluded {
                self.marks(&open);
            }
            return Some(());
        }
        if open.name != "html" && LEFT_OUT.contains(&open.name.as_str()) {
            open.role = Role::Ignored;
        }
        if open.name == "svg" {
            self.svg += 1;
        }
        self.stack.push(open);
        Some(())
    }

    /// Takes the filters and meta of a closing element.
    fn marks(&mut self, open: &Open) {
        for entry in open.filter.iter().flatten() {
            if let Some((key, value)) = open.pair(entry) {
                self.filters.entry(key).or_default().push(normalized(&value));
            }
        }
        for entry in open.meta.iter().flatten() {
            if let Some((key, value)) = open.pair(entry) {
                self.meta.insert(key, value);
            }
        }
    }

    /// An end tag: it must close the element opened last (else the page is not plain).
    fn close(&mut self, name: &str) -> Option<()> {
        if self.stack.len() < 2 || self.stack.last()?.name != name {
            return None;
        }
        let mut open = self.stack.pop()?;
        if open.name == "html" {
            self.in_html = false;
        }
        if open.name == "svg" {
            self.svg -= 1;
        }
        if open.role == Role::Excluded {
            return Some(());
        }
        self.marks(&open);
        if open.name == "h1" && self.auto_title.is_none() && !open.text.trim().is_empty() {
            self.auto_title = Some(normalized(&open.text));
        }
        if open.name == "title" && self.page_title.is_none() {
            self.page_title = Some(normalized(&open.text));
        }
        if open.role == Role::Ignored {
            return Some(());
        }
        if SENTENCES.contains(&open.name.as_str()) {
            open.text.insert(0, ' ');
            if ends_a_sentence(open.text.chars().next_back()?)? {
                open.text.push('.');
            }
            open.text.push(' ');
        }
        let weight = open.weight.clone().map(|w| ("___PAGEFIND_WEIGHT___", w)).or_else(|| {
            let level = open.name.strip_prefix('h').and_then(|l| l.parse::<u8>().ok()).filter(|l| (1..=6).contains(l));
            level.map(|l| ("___PAGEFIND_AUTO_WEIGHT___", (8 - l).to_string()))
        });
        if let Some((marker, weight)) = weight {
            open.text = format!(" {marker}{weight} {} ___END_PAGEFIND_WEIGHT___ ", open.text);
        }
        let parent = self.stack.last_mut()?;
        match open.role {
            _ if parent.role == Role::AboveBody && !matches!(open.role, Role::Body | Role::AboveBody) => {}
            Role::Indexed => parent.text.push_str(&open.text),
            Role::Body | Role::AboveBody => {
                if parent.role != Role::AboveBody {
                    parent.text.clear();
                }
                parent.text.push_str(&open.text);
                parent.role = Role::AboveBody;
            }
            Role::Ignored | Role::Excluded => {}
        }
        Some(())
    }

    fn text(&mut self, text: &str) {
        if !self.in_html || text.is_empty() {
            return;
        }
        let Some(open) = self.stack.last_mut() else { return };
        open.text.push_str(text);
        if !matches!(open.role, Role::Ignored | Role::Excluded) {
            for anchor in &open.anchors {
                self.anchor_text.entry(anchor.clone()).or_default().push_str(text);
            }
        }
    }

    fn finish(mut self) -> Option<Reading> {
        if self.stack.len() != 1 || self.in_html {
            return None;
        }
        let root = self.stack.pop()?;
        for (title, source) in [("title", self.auto_title), ("title", self.page_title)] {
            if let Some(value) = source {
                self.meta.entry(title.to_string()).or_insert(value);
            }
        }
        Some(Reading {
            digest: root.text,
            filters: self.filters,
            meta: self.meta,
            anchor_text: self.anchor_text,
            has_body: root.role == Role::AboveBody,
            language: self.language.filter(|l| !l.is_empty()).unwrap_or_else(|| "unknown".into()),
        })
    }
}

/// Whether pagefind ends a block whose text ends in `c` with a full stop (a word character, a
/// quote, a closing parenthesis, `$` or `*`); None where this reader is not sure (a combining
/// mark or joiner, which regex's `\w` counts).
fn ends_a_sentence(c: char) -> Option<bool> {
    if c.is_ascii() {
        return Some(c.is_ascii_alphanumeric() || "_'\")$*".contains(c));
    }
    if c.is_alphanumeric() || WORD_SYMBOLS.contains(&c) {
        return Some(true);
    }
    let plain = c.is_whitespace() || is_punctuation(c);
    plain.then_some(false)
}

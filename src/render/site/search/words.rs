//! A page's text split into the words pagefind 1.6 (its `extended` build) indexes for Chinese:
//! ICU4X's dictionary segmenter cuts each run between spaces into words, every pair of adjacent
//! ideographs is indexed too (so that any two characters find the page), and the ids, numbers
//! and Latin words on the pages are split as pagefind splits compound words. Only the
//! characters the pages are made of are handled (ideographs, ASCII, Chinese punctuation); a
//! page with any other character (kana, accents, emoji) is left to pagefind, whose rules for
//! them (katakana suffixes, diacritics, emoji words) this file does not repeat.

use std::collections::BTreeMap;

use convert_case::{Case, Casing};
// Words are hashed once or more per word of every page: Fx is several times faster than SipHash
// on them, and the index never depends on the maps' order (the words are sorted).
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::chars::{WORD_SYMBOLS, handled, is_ideograph};
use super::html::{Reading, normalized};

/// Pagefind stores weights ×24: weight 1 is 24.
const WEIGHT_SCALE: f32 = 24.0;

/// Where a word stands on a page, and how much it weighs there.
#[derive(Clone, Copy)]
pub(super) struct Spot {
    pub(super) position: u32,
    pub(super) weight: u8,
}

/// A page as it goes into the index.
pub(super) struct PageWords {
    pub(super) fragment: Fragment,
    pub(super) words: FxHashMap<String, Vec<Spot>>,
    /// Words of the meta values: (index of the meta field on this page, word position).
    pub(super) meta_words: FxHashMap<String, Vec<(usize, u32)>>,
    pub(super) has_body: bool,
    pub(super) language: String,
}

/// The page's fragment file, fields in pagefind's order.
#[derive(Serialize)]
pub(super) struct Fragment {
    pub(super) url: String,
    pub(super) content: String,
    pub(super) word_count: usize,
    pub(super) filters: BTreeMap<String, Vec<String>>,
    pub(super) meta: BTreeMap<String, String>,
    pub(super) anchors: Vec<Anchor>,
}

#[derive(Serialize)]
pub(super) struct Anchor {
    element: String,
    id: String,
    text: String,
    location: u32,
}

/// The page's words; None when its text holds a character or marker this file does not handle.
pub(super) fn page_words(url: String, reading: Reading) -> Option<PageWords> {
    let segmenter = icu_segmenter::WordSegmenter::new_dictionary(Default::default());
    if !reading.language.starts_with("zh") {
        return None;
    }
    let mut page = Splitter {
        words: FxHashMap::default(),
        content: String::with_capacity(reading.digest.len()),
        anchors: Vec::new(),
        weights: vec![WEIGHT_SCALE as u8],
        position: 0,
        last: 0,
    };
    for run in reading.digest.split_whitespace() {
        if run.starts_with("___") {
            page.marker(run, &reading.anchor_text)?;
            continue;
        }
        if run.contains("___PAGEFIND_") || !run.chars().all(handled) {
            return None;
        }
        let mut start = 0;
        let mut before: Option<char> = None;
        let mut breaks = segmenter.segment_str(run).skip(1).peekable();
        while let Some(end) = breaks.next() {
            let word = &run[start..end];
            page.word(word, breaks.peek().is_none(), before);
            before = word.chars().next_back();
            start = end;
        }
    }
    if page.content.ends_with('\u{200B}') {
        page.content.pop();
    }
    if page.content.ends_with(' ') {
        page.content.pop();
    }
    let mut filters = reading.filters;
    for value in filters.values_mut().flatten() {
        *value = without_markers(value);
    }
    let mut meta = reading.meta;
    let mut meta_words: FxHashMap<String, Vec<(usize, u32)>> = FxHashMap::default();
    for (field, value) in meta.values_mut().enumerate() {
        *value = without_markers(value);
        for (position, word) in value.split_whitespace().enumerate() {
            if !word.chars().all(handled) {
                return None;
            }
            for (indexed, _) in plain_words(word) {
                meta_words.entry(indexed).or_default().push((field, position as u32));
            }
        }
    }
    Some(PageWords {
        fragment: Fragment {
            url,
            content: page.content,
            word_count: page.last + 1,
            filters,
            meta,
            anchors: page.anchors,
        },
        words: page.words,
        meta_words,
        has_body: reading.has_body,
        language: reading.language,
    })
}

/// Pagefind's markers taken out of a filter or meta value (an anchor inside a filtered element):
/// `___PAGEFIND_`, what follows up to white space, and one white space character.
fn without_markers(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find("___PAGEFIND_") {
        let after = &rest[at + "___PAGEFIND_".len()..];
        let tail = after.find(char::is_whitespace).unwrap_or(after.len());
        if tail == 0 {
            out.push_str(&rest[..at + "___PAGEFIND_".len()]);
            rest = after;
            continue;
        }
        out.push_str(&rest[..at]);
        let mut left = after[tail..].chars();
        left.next();
        rest = left.as_str();
    }
    out.push_str(rest);
    out
}

/// The words a plain word is indexed under, and whether each is only a part of it: the word in
/// lower case without its punctuation, then (for a word with punctuation or a capital after its
/// first letter) its parts as convert_case splits them, when they differ from it.
fn plain_words(raw: &str) -> Vec<(String, bool)> {
    let kept = kept_lowercase(raw);
    // Nothing kept (a run of punctuation, the most frequent cut in Chinese) gives no parts.
    if kept.is_empty() {
        return Vec::new();
    }
    let mut out = vec![(kept.clone(), false)];
    if !is_compound(raw) {
        return out;
    }
    let spaced: String = raw.chars().map(|c| if c.is_ascii_punctuation() { ' ' } else { c }).collect();
    let parts = spaced.to_case(Case::Lower).split_whitespace().collect::<Vec<_>>().join(" ");
    if parts.contains(char::is_whitespace) || !kept.starts_with(&parts) {
        out.extend(parts.split_whitespace().filter(|p| p.len() > 1).map(|p| (p.to_string(), true)));
    }
    out
}

/// After each dot of a word, what follows it (64 characters at most) when that is compound
/// itself and not indexed yet: `is_python_build` of `sysconfig.is_python_build`.
fn dotted_tails(word: &str, indexed: &mut Vec<(String, bool)>) {
    for (at, _) in word.match_indices('.') {
        let rest = &word[at + 1..];
        let tail = rest.char_indices().nth(64).map_or(rest, |(end, _)| &rest[..end]);
        if !is_compound(tail) {
            continue;
        }
        let kept = kept_lowercase(tail);
        let known = indexed.iter().any(|(w, _)| *w == kept);
        if kept.chars().count() >= 2 && !known {
            indexed.push((kept, true));
        }
    }
}

/// A word's letters, digits and word symbols, in lower case (one character at a time, so a
/// capital sigma is always σ).
fn kept_lowercase(word: &str) -> String {
    // Ideographs are kept and have no case: most words of a Chinese page are only those.
    if word.chars().all(is_ideograph) {
        return word.to_string();
    }
    word.chars().filter(|c| c.is_alphanumeric() || WORD_SYMBOLS.contains(c)).flat_map(char::to_lowercase).collect()
}

/// Pagefind looks for parts in a word with punctuation or with a capital after its start.
fn is_compound(word: &str) -> bool {
    word.chars().any(|c| !c.is_alphanumeric()) || word.chars().skip(1).any(char::is_uppercase)
}

struct Splitter {
    words: FxHashMap<String, Vec<Spot>>,
    content: String,
    anchors: Vec<Anchor>,
    /// Weights of the blocks the text is in, innermost last.
    weights: Vec<u8>,
    /// The position of the next word.
    position: usize,
    /// The position of the last word.
    last: usize,
}

impl Splitter {
    /// One of pagefind's markers (an anchor, a weight's start or end).
    fn marker(&mut self, run: &str, anchor_text: &BTreeMap<String, String>) -> Option<()> {
        if let Some(rest) = run.strip_prefix("___PAGEFIND_ANCHOR___") {
            let (element, anchor) = rest.split_once(':')?;
            let (_, id) = anchor.split_once(':')?;
            // `normalized` leaves no run of white space, so once is enough.
            let text = anchor_text.get(anchor).map(|t| normalized(t)).unwrap_or_default();
            self.anchors.push(Anchor {
                element: element.to_string(),
                id: id.to_string(),
                text,
                location: self.position as u32,
            });
        } else if let Some(weight) = run.strip_prefix("___PAGEFIND_WEIGHT___") {
            let weight = weight.parse::<f32>().unwrap_or(1.0);
            let scaled = if weight <= 0.0 { 0 } else { ((weight.clamp(0.0, 10.0) * WEIGHT_SCALE) as u8).max(1) };
            self.weights.push(scaled);
        } else if let Some(weight) = run.strip_prefix("___PAGEFIND_AUTO_WEIGHT___") {
            // A heading's own weight counts only outside an explicitly weighted block.
            let scaled = match self.weights.len() {
                1 => (weight.parse::<f32>().unwrap_or(1.0).clamp(0.0, 10.0) * WEIGHT_SCALE) as u8,
                _ => *self.weights.last()?,
            };
            self.weights.push(scaled);
        } else if run.starts_with("___END_PAGEFIND_WEIGHT___") {
            self.weights.pop();
        } else {
            return None;
        }
        Some(())
    }

    /// A word the segmenter cut; `last` when it ends its run; `before` the character before it
    /// in the run.
    fn word(&mut self, word: &str, last: bool, before: Option<char>) {
        self.content.push_str(word);
        if last {
            self.content.push(' ');
        }
        self.content.push('\u{200B}');
        let weight = self.weights.last().copied().unwrap_or(1);
        let mut indexed = plain_words(word);
        dotted_tails(word, &mut indexed);
        // Every pair of adjacent ideographs inside the word, once.
        let chars: Vec<char> = word.chars().collect();
        for pair in chars.windows(2).filter(|p| is_ideograph(p[0]) && is_ideograph(p[1])) {
            let pair: String = pair.iter().collect();
            if !indexed.iter().any(|(w, _)| *w == pair) {
                indexed.push((pair, true));
            }
        }
        // The pair across the cut from the word before, at that word's position.
        let across = match (before, chars.first()) {
            (Some(a), Some(&b)) if is_ideograph(a) && is_ideograph(b) => {
                Some([a, b].iter().collect::<String>()).filter(|p| !indexed.iter().any(|(w, _)| w == p))
            }
            _ => None,
        };
        let parts = indexed.iter().filter(|(_, part)| *part).count() + usize::from(across.is_some());
        let part_weight = if parts > 0 && weight > 0 { (weight / parts.min(255) as u8).max(1) } else { 0 };
        let position = self.position as u32;
        for (text, part) in indexed {
            let spot = Spot { position, weight: if part { part_weight } else { weight } };
            self.words.entry(text).or_default().push(spot);
        }
        if let (Some(pair), Some(earlier)) = (across, self.position.checked_sub(1)) {
            let spots = self.words.entry(pair).or_default();
            if !spots.iter().any(|s| s.position == earlier as u32) {
                spots.push(Spot { position: earlier as u32, weight: part_weight });
            }
        }
        self.last = self.position;
        self.position += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::{plain_words, without_markers};

    #[test]
    fn splits_ids_as_pagefind_does() {
        let words = |w: &str| {
            plain_words(w)
                .into_iter()
                .map(|(w, part)| format!("{w}{}", if part { "*" } else { "" }))
                .collect::<Vec<_>>()
        };
        assert_eq!(words("护士长"), ["护士长"]);
        assert_eq!(words("2023"), ["2023"]);
        assert_eq!(words("："), Vec::<String>::new());
        assert_eq!(words("HelloWorld"), ["helloworld", "hello*", "world*"]);
    }

    #[test]
    fn takes_markers_out_of_values() {
        assert_eq!(without_markers("甲 ___PAGEFIND_ANCHOR___a:0:x 乙"), "甲 乙");
        assert_eq!(without_markers("___PAGEFIND_"), "___PAGEFIND_");
    }
}

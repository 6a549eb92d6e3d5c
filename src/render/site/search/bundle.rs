//! The index files of one part in pagefind 1.6.0's format, written from the pages' words
//! (`words`): the page fragments (JSON), the word chunks, the filters and the meta file (CBOR,
//! each struct an array), and `pagefind-entry.json`. Each `pf_*` file is gzip of a fixed
//! signature and its bytes, named after a SHA-1 of those bytes; the browser side that reads
//! them (pagefind.js and its wasm) is pagefind's own, unchanged.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use minicbor::Encode;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use sha1::{Digest, Sha1};

use super::chars::WORD_SYMBOLS;
use super::words::{PageWords, Spot};

/// The format written here; pagefind.js checks it.
const VERSION: &str = "1.6.0";
/// A word chunk ends once its words hold this many locations (and a page count each).
const CHUNK_SIZE: usize = 20_000;
/// What every index file starts with, before compression.
const SIGNATURE: &[u8] = b"pagefind_dcd";

#[derive(Encode)]
struct Meta {
    #[n(0)]
    version: String,
    #[n(1)]
    pages: Vec<MetaPage>,
    #[n(2)]
    chunks: Vec<ChunkRange>,
    #[n(3)]
    filters: Vec<NamedFile>,
    #[n(4)]
    sorts: Vec<NamedFile>,
    #[n(5)]
    meta_fields: Vec<String>,
}

#[derive(Encode)]
struct MetaPage {
    #[n(0)]
    hash: String,
    #[n(1)]
    word_count: u32,
    #[n(2)]
    group_hash: String,
}

/// The words from `from` to `to` are in the chunk file `hash`.
#[derive(Encode)]
struct ChunkRange {
    #[n(0)]
    from: String,
    #[n(1)]
    to: String,
    #[n(2)]
    hash: String,
}

#[derive(Encode)]
struct NamedFile {
    #[n(0)]
    name: String,
    #[n(1)]
    hash: String,
}

#[derive(Encode)]
struct Chunk {
    #[n(0)]
    words: Vec<WordEntry>,
}

#[derive(Encode)]
struct WordEntry {
    #[n(0)]
    word: String,
    #[n(1)]
    pages: Vec<WordPage>,
    /// Forms of the word with diacritics: none on the pages this writer takes.
    #[n(2)]
    variants: Vec<WordPage>,
}

#[derive(Encode)]
struct WordPage {
    /// Written as the difference from the page before in the same word.
    #[n(0)]
    page: usize,
    #[n(1)]
    locations: Vec<i32>,
    #[n(2)]
    meta_locations: Vec<i32>,
}

#[derive(Encode)]
struct FilterFile {
    #[n(0)]
    filter: String,
    #[n(1)]
    values: Vec<FilterValue>,
}

#[derive(Encode)]
struct FilterValue {
    #[n(0)]
    value: String,
    #[n(1)]
    pages: Vec<usize>,
}

/// SHA-1 in hex as pagefind prints it: each byte without its leading zero.
fn hex_digest(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    Sha1::digest(bytes).iter().fold(String::with_capacity(40), |mut out, b| {
        let _ = write!(out, "{b:x}");
        out
    })
}

/// File names of one kind: the language, `_` and the first 7 hex digits of the digest, one
/// more for as long as the name is taken.
struct Names {
    prefix: String,
    taken: HashSet<String>,
}

impl Names {
    fn new(language: &str) -> Names {
        Names { prefix: format!("{language}_"), taken: HashSet::new() }
    }

    fn name(&mut self, bytes: &[u8]) -> String {
        let full = format!("{}{}", self.prefix, hex_digest(bytes));
        let mut len = self.prefix.len() + 7;
        while len < full.len() && self.taken.contains(&full[..len]) {
            len += 1;
        }
        let name = full[..len].to_string();
        self.taken.insert(name.clone());
        name
    }
}

/// Positions of a word on a page, as pagefind packs them: by weight (the usual one first),
/// then by position; a new weight written as -(weight + 1) and the position, else the step
/// from the position before.
fn packed(mut spots: Vec<Spot>) -> Vec<i32> {
    const USUAL: u8 = 25;
    spots.sort_by_key(|s| (if s.weight == USUAL { 0 } else { s.weight }, s.position));
    let (mut weight, mut last) = (USUAL, 0u32);
    let mut out = Vec::with_capacity(spots.len() + 2);
    for spot in spots {
        if spot.weight != weight {
            out.push(-i32::from(spot.weight) - 1);
            out.push(spot.position as i32);
            weight = spot.weight;
        } else {
            out.push((spot.position - last) as i32);
        }
        last = spot.position;
    }
    out
}

/// Meta word positions: per field (in order) -(field + 1), then the steps between positions.
fn packed_meta(mut spots: Vec<(usize, u32)>) -> Vec<i32> {
    spots.sort_unstable();
    let (mut field, mut last) = (None, 0u32);
    let mut out = Vec::with_capacity(spots.len() + 2);
    for (f, position) in spots {
        if field != Some(f) {
            out.push(-(f as i32) - 1);
            field = Some(f);
            last = 0;
        }
        out.push((position - last) as i32);
        last = position;
    }
    out
}

/// The gzip level of the index files. Pagefind's 9 took about 9 % of a whole site build; at
/// 10,000 employees libdeflate's 1 writes 15.7 MB of index files in 0.18 s of CPU, where its 3
/// writes 15.0 MB in 0.25 s and its 6 14.4 MB in 0.34 s (zlib-rs's 3: 15.3 MB in 0.45 s).
const LEVEL: u8 = 1;

/// gzip of the signature and the bytes, at `LEVEL`.
fn gzipped(bytes: &[u8]) -> Vec<u8> {
    crate::render::deflate::gzip(SIGNATURE, bytes, LEVEL)
}

fn cbor(value: impl Encode<()>) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Encoding into a Vec cannot fail.
    let _ = minicbor::encode(value, &mut bytes);
    bytes
}

/// The index files of the pages (in page order) of one language: (path in the bundle, bytes).
/// Pagefind keeps only the pages with the body mark when some page has it, and only pages with
/// a word; None when that leaves no page (pagefind then writes no meta file, and is left to it).
pub(super) fn files(pages: Vec<PageWords>, language: &str) -> Option<Vec<(String, Vec<u8>)>> {
    let any_body = pages.iter().any(|p| p.has_body);
    let pages: Vec<PageWords> =
        pages.into_iter().filter(|p| (p.has_body || !any_body) && !p.words.is_empty()).collect();
    if pages.is_empty() {
        return None;
    }
    let meta_fields: Vec<String> =
        pages.iter().flat_map(|p| p.fragment.meta.keys().cloned()).collect::<BTreeSet<_>>().into_iter().collect();
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let mut words: FxHashMap<String, Vec<WordPage>> = FxHashMap::default();
    let mut filters: BTreeMap<String, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
    let mut fragment_names = Names::new(language);
    let mut meta_pages = Vec::with_capacity(pages.len());
    let page_count = pages.len();
    for (number, page) in pages.into_iter().enumerate() {
        let fields: Vec<usize> =
            page.fragment.meta.keys().map(|k| meta_fields.iter().position(|f| f == k).unwrap_or(0)).collect();
        let mut meta_words = page.meta_words;
        for (word, spots) in page.words {
            let meta = meta_words.remove(&word).map(|m| m.into_iter().map(|(f, p)| (fields[f], p)).collect());
            let entry = WordPage {
                page: number,
                locations: packed(spots),
                meta_locations: meta.map(packed_meta).unwrap_or_default(),
            };
            words.entry(word).or_default().push(entry);
        }
        for (word, spots) in meta_words {
            let meta = spots.into_iter().map(|(f, p)| (fields[f], p)).collect();
            words.entry(word).or_default().push(WordPage {
                page: number,
                locations: Vec::new(),
                meta_locations: packed_meta(meta),
            });
        }
        for (filter, values) in &page.fragment.filters {
            for value in values {
                filters.entry(filter.clone()).or_default().entry(value.clone()).or_default().push(number);
            }
        }
        let json = serde_json::to_vec(&page.fragment).unwrap_or_default();
        let name = fragment_names.name(&json);
        meta_pages.push(MetaPage {
            hash: name.clone(),
            word_count: page.fragment.word_count as u32,
            group_hash: String::new(),
        });
        out.push((format!("fragment/{name}.pf_fragment"), json));
    }

    let mut filter_names = Names::new(language);
    let mut meta_filters = Vec::new();
    for (filter, values) in filters {
        let values = values.into_iter().map(|(value, pages)| FilterValue { value, pages }).collect();
        let bytes = cbor(FilterFile { filter: filter.clone(), values });
        let name = filter_names.name(&bytes);
        meta_filters.push(NamedFile { name: filter, hash: name.clone() });
        out.push((format!("filter/{name}.pf_filter"), bytes));
    }

    let mut sorted: Vec<(String, Vec<WordPage>)> = words.into_iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut chunks: Vec<Vec<WordEntry>> = vec![Vec::new()];
    let mut size = 0;
    for (word, mut pages) in sorted {
        size += pages.iter().map(|p| p.locations.len() + p.meta_locations.len() + 1).sum::<usize>();
        let mut before = 0;
        for p in &mut pages {
            (p.page, before) = (p.page - before, p.page);
        }
        if let Some(chunk) = chunks.last_mut() {
            chunk.push(WordEntry { word, pages, variants: Vec::new() });
        }
        if size >= CHUNK_SIZE {
            chunks.push(Vec::new());
            size = 0;
        }
    }
    chunks.retain(|c| !c.is_empty());
    let mut ranges = ranges(&chunks);
    let mut chunk_names = Names::new(language);
    for (chunk, range) in chunks.into_iter().zip(&mut ranges) {
        let bytes = cbor(Chunk { words: chunk });
        range.hash = chunk_names.name(&bytes);
        out.push((format!("index/{}.pf_index", range.hash), bytes));
    }

    let meta = Meta {
        version: VERSION.into(),
        pages: meta_pages,
        chunks: ranges,
        filters: meta_filters,
        sorts: Vec::new(),
        meta_fields,
    };
    let bytes = cbor(meta);
    let meta_name = format!("{language}_{}", &hex_digest(&bytes)[..language.len() + 8]);
    out.push((format!("pagefind.{meta_name}.pf_meta"), bytes));
    let mut files: Vec<(String, Vec<u8>)> = out.into_par_iter().map(|(name, bytes)| (name, gzipped(&bytes))).collect();
    // Written by hand: the fields in pagefind's order, which a JSON map would sort.
    let entry = format!(
        r#"{{"version":"{VERSION}","languages":{{{}:{{"hash":"{meta_name}","wasm":null,"page_count":{page_count}}}}},"include_characters":{}}}"#,
        serde_json::Value::from(language),
        serde_json::Value::from(WORD_SYMBOLS.iter().map(|c| c.to_string()).collect::<Vec<_>>()),
    );
    files.push(("pagefind-entry.json".into(), entry.to_string().into_bytes()));
    Some(files)
}

/// The first and last word of each chunk, cut to the shortest prefixes that still tell a
/// chunk's last word from the next chunk's first, as pagefind.js looks words up by them.
fn ranges(chunks: &[Vec<WordEntry>]) -> Vec<ChunkRange> {
    let mut ranges: Vec<ChunkRange> = chunks
        .iter()
        .map(|c| ChunkRange {
            from: c.first().map(|w| w.word.clone()).unwrap_or_default(),
            to: c.last().map(|w| w.word.clone()).unwrap_or_default(),
            hash: String::new(),
        })
        .collect();
    for i in 1..ranges.len() {
        let (last, next) = (&ranges[i - 1].to, &ranges[i].from);
        let same = last.chars().zip(next.chars()).take_while(|(a, b)| a == b).count();
        let last_cut: String = last.chars().take(same + 1).collect();
        let next_cut: String = next.chars().take(same + 1).collect();
        if last_cut >= ranges[i - 1].from {
            ranges[i - 1].to = last_cut;
        }
        ranges[i].from = next_cut;
    }
    ranges
}

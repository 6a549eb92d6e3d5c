//! Deflate of whole buffers: the PDF streams (zlib) and the search index files (gzip), with
//! libdeflate. Every buffer is compressed at once, which is what libdeflate is built for: at
//! the same speed as zlib-rs's level 1 it writes the index files of 10,000 employees about as
//! small as zlib-rs's level 3 (15.7 MB against 18.7 and 15.3 MB), and at level 3 in about half
//! zlib-rs's time, smaller still (bench/README.md, profile).
//!
//! One compressor per thread and level: a new one allocates its tables, which cost more than a
//! page's stream itself.

use std::cell::RefCell;

use libdeflater::{CompressionLvl, Compressor};

use crate::error::{Error, Result};
use crate::t;

/// Runs `f` with this thread's compressor of `level` (0–12; above is taken as 12).
fn with_compressor<T>(level: u8, f: impl FnOnce(&mut Compressor) -> T) -> T {
    thread_local! {
        static COMPRESSORS: RefCell<Vec<Option<Compressor>>> = const { RefCell::new(Vec::new()) };
    }
    let level = level.min(12);
    COMPRESSORS.with_borrow_mut(|by_level| {
        if by_level.len() <= usize::from(level) {
            by_level.resize_with(usize::from(level) + 1, || None);
        }
        let compressor = by_level[usize::from(level)]
            .get_or_insert_with(|| Compressor::new(CompressionLvl::new(i32::from(level)).unwrap_or_default()));
        f(compressor)
    })
}

/// `data` in the zlib format (a PDF stream's FlateDecode).
pub(crate) fn zlib(data: &[u8], level: u8) -> Result<Vec<u8>> {
    with_compressor(level, |c| {
        let mut out = vec![0; c.zlib_compress_bound(data.len())];
        let written = c
            .zlib_compress(data, &mut out)
            .map_err(|e| Error::internal(t!("pdf-deflate", error = format!("{e:?}"))))?;
        out.truncate(written);
        Ok(out)
    })
}

/// `head` followed by `data` in the gzip format.
pub(crate) fn gzip(head: &[u8], data: &[u8], level: u8) -> Vec<u8> {
    let whole = [head, data].concat();
    with_compressor(level, |c| {
        let mut out = vec![0; c.gzip_compress_bound(whole.len())];
        // The buffer is as large as the bound: compressing into it cannot run out of room.
        let written = c.gzip_compress(&whole, &mut out).unwrap_or(0);
        out.truncate(written);
        out
    })
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    #[test]
    fn reads_back_with_another_inflater() {
        let text = "安全生产责任书 甲方：县卫生健康委员会 乙方：".repeat(50);
        let mut back = String::new();
        let z = super::zlib(text.as_bytes(), 6).unwrap();
        assert!(z.len() * 5 < text.len());
        flate2::read::ZlibDecoder::new(&z[..]).read_to_string(&mut back).unwrap();
        assert_eq!(back, text);
        let gz = super::gzip(b"pagefind_dcd", text.as_bytes(), 3);
        back.clear();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut back).unwrap();
        assert_eq!(back, format!("pagefind_dcd{text}"));
        assert_eq!(super::zlib(b"", 1).map(|z| z.is_empty()).ok(), Some(false));
    }
}

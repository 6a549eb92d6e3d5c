//! What makes a PDF an archival PDF/A-2b (ISO 19005-2, level B): XMP metadata that declares the
//! part and level and repeats the title, and an output intent with the sRGB profile, the colour
//! space of the device colours the documents are drawn in. Fonts are embedded already (every
//! document embeds its subsets), and nothing depends on the time of the build.

use std::sync::OnceLock;

/// The output intent's condition, as its registry names it.
pub(super) const SRGB: &str = "sRGB IEC61966-2.1";

/// The XMP metadata packet of a file titled `title`.
pub(super) fn xmp(title: &str) -> String {
    let escaped: String = title
        .chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            c => c.to_string(),
        })
        .collect();
    format!(
        r#"<?xpacket begin="﻿" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escaped}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#
    )
}

/// An ICC v2 display profile of sRGB (IEC 61966-2-1): its primaries adapted to D50, its tone
/// curve sampled at 1024 points. Written here, from the standard's numbers, rather than shipped
/// as a file: it is 2.6 KB, and nothing in it can drift.
pub(super) fn srgb() -> &'static [u8] {
    static PROFILE: OnceLock<Vec<u8>> = OnceLock::new();
    PROFILE.get_or_init(|| {
        let xyz = |[x, y, z]: [f64; 3]| -> Vec<u8> {
            let mut t = b"XYZ \0\0\0\0".to_vec();
            for v in [x, y, z] {
                t.extend(((v * 65536.0).round() as i32).to_be_bytes());
            }
            t
        };
        let text = |sig: &[u8; 4], s: &str| -> Vec<u8> {
            let mut t = sig.to_vec();
            t.extend([0; 4]);
            if sig == b"desc" {
                t.extend((s.len() as u32 + 1).to_be_bytes());
                t.extend(s.as_bytes());
                t.push(0);
                // No Unicode or ScriptCode descriptions: counts and codes zero.
                t.extend([0; 4 + 4 + 2 + 1 + 67]);
            } else {
                t.extend(s.as_bytes());
                t.push(0);
            }
            t
        };
        let mut curve = b"curv\0\0\0\0".to_vec();
        curve.extend(1024u32.to_be_bytes());
        for i in 0..1024 {
            let v = i as f64 / 1023.0;
            let linear = if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) };
            curve.extend(((linear * 65535.0).round() as u16).to_be_bytes());
        }
        let tags: Vec<(&[u8; 4], Vec<u8>)> = vec![
            (b"desc", text(b"desc", SRGB)),
            (b"cprt", text(b"text", "No copyright, use freely")),
            (b"wtpt", xyz([0.9505, 1.0, 1.0891])),
            (b"rXYZ", xyz([0.4361, 0.2225, 0.0139])),
            (b"gXYZ", xyz([0.3851, 0.7169, 0.0971])),
            (b"bXYZ", xyz([0.1431, 0.0606, 0.7141])),
            (b"rTRC", curve.clone()),
        ];
        // The three tone curves share one table.
        let count = tags.len() + 2;
        let mut data = Vec::new();
        let mut table = Vec::new();
        let start = 128 + 4 + 12 * count;
        let mut trc = (0, 0);
        for (sig, body) in &tags {
            while data.len() % 4 != 0 {
                data.push(0);
            }
            let at = (start + data.len()) as u32;
            table.push((**sig, at, body.len() as u32));
            if *sig == b"rTRC" {
                trc = (at, body.len() as u32);
            }
            data.extend(body);
        }
        table.push((*b"gTRC", trc.0, trc.1));
        table.push((*b"bTRC", trc.0, trc.1));
        let size = (start + data.len()) as u32;
        let mut p = Vec::with_capacity(size as usize);
        p.extend(size.to_be_bytes());
        p.extend([0; 4]); // preferred CMM
        p.extend([2, 0x10, 0, 0]); // version 2.1
        p.extend(b"mntrRGB XYZ ");
        p.extend([0; 12]); // date: none
        p.extend(b"acsp");
        p.extend([0; 4 + 4 + 4 + 4 + 8 + 4]); // platform, flags, manufacturer, model, attributes, intent
        for v in [0.9642, 1.0, 0.8249] {
            p.extend(((v * 65536.0_f64).round() as i32).to_be_bytes()); // D50
        }
        p.extend([0; 4 + 16 + 28]); // creator, profile id, reserved
        debug_assert_eq!(p.len(), 128, "the header");
        p.extend((count as u32).to_be_bytes());
        for (sig, at, len) in table {
            p.extend(sig);
            p.extend(at.to_be_bytes());
            p.extend(len.to_be_bytes());
        }
        p.extend(data);
        p
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_srgb_profile_is_a_well_formed_icc_v2_display_profile() {
        let p = srgb();
        assert_eq!(u32::from_be_bytes(p[0..4].try_into().unwrap()) as usize, p.len());
        assert_eq!(&p[12..24], b"mntrRGB XYZ ");
        assert_eq!(&p[36..40], b"acsp");
        assert_eq!(p[8], 2);
        let count = u32::from_be_bytes(p[128..132].try_into().unwrap()) as usize;
        assert_eq!(count, 9);
        for i in 0..count {
            let entry = &p[132 + 12 * i..144 + 12 * i];
            let (at, len) = (
                u32::from_be_bytes(entry[4..8].try_into().unwrap()) as usize,
                u32::from_be_bytes(entry[8..12].try_into().unwrap()) as usize,
            );
            assert!(at % 4 == 0 && at + len <= p.len(), "{}", String::from_utf8_lossy(&entry[..4]));
        }
        assert!(p.len() < 3000, "{} bytes", p.len());
    }

    #[test]
    fn the_title_is_escaped_in_the_metadata() {
        let x = xmp("A&B <安全>");
        assert!(x.contains("A&amp;B &lt;安全&gt;") && x.contains("<pdfaid:part>2</pdfaid:part>"));
    }
}

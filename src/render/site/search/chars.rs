//! The characters the search index's own writer handles, and how pagefind treats them. Pages
//! with any other character are left to pagefind (see `words`).

/// The characters pagefind keeps inside words besides letters and digits (Unicode's connector
/// punctuation, which regex's `\w` counts as word characters too).
pub(super) const WORD_SYMBOLS: [char; 10] = ['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿'];

/// Chinese and fullwidth punctuation and the symbols the pages use: neither letters nor digits, no emoji, no
/// decomposition, not cut into pairs.
pub(super) fn is_punctuation(c: char) -> bool {
    matches!(c as u32,
        0x3001..=0x3004 | 0x3008..=0x3011 | 0x3014..=0x301F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF3E | 0xFF40 | 0xFF5B..=0xFF64 | 0xB7 | 0x2014 | 0x2018 | 0x2019 | 0x201C | 0x201D
        | 0x2022 | 0x2026 | 0xD7 | 0x2039 | 0x203A | 0x2264 | 0x2265 | 0x25C6 | 0x25CF | 0xFE5D | 0xFE5E)
}

/// Ideographs of the unified blocks: letters, lower case, no decomposition; pagefind pairs them.
pub(super) fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// Whether the writer splits `c` exactly as pagefind does. `#` and `*` are emoji characters by
/// Unicode, which sends the word down pagefind's emoji path: left to pagefind.
pub(super) fn handled(c: char) -> bool {
    (c.is_ascii_graphic() && c != '#' && c != '*') || is_ideograph(c) || is_punctuation(c) || is_greek(c)
}

/// Greek letters without accents (a formula on the risk pages: `S = Σq/Q`): letters with a
/// lower case and no decomposition.
fn is_greek(c: char) -> bool {
    matches!(c as u32, 0x391..=0x3A1 | 0x3A3..=0x3A9 | 0x3B1..=0x3C9)
}

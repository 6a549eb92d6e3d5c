//! Line breaking for Chinese print documents: where a line may end (UAX #14 tailored to the
//! GB/T 15834 / W3C clreq kinsoku rules) and greedy filling of lines of a given width.
//!
//! The rules, in order of precedence:
//!
//! 1. A mandatory break (after `\n` and the other UAX #14 hard breaks, and at the end) always stands.
//! 2. A line never starts with a closing or pausing mark (行首禁则: `。，、；：？！）》」】』〉”’…—·・%‰℃`
//!    and the ASCII `)]},.;:!?`), never ends with an opening mark (行尾禁则: `（《「【『〈“‘` and ASCII
//!    `([{`), so `……` and `——` are never split and stay with the character before them.
//! 3. A run of ASCII graphic characters (`GB/T`, `9704-2012`, `100%`) is never broken inside.
//! 4. Otherwise a break is allowed between two ideographs, before an opening quote `“‘` and after a
//!    closing quote `”’` next to CJK text, and between ASCII letters/digits and an ideograph.
//! 5. Otherwise `unicode_linebreak` (UAX #14) decides: breaks after spaces, none before them, etc.
//!
//! [`fill`] hangs one punctuation mark past the margin (悬挂标点) rather than bring a character
//! down to the next line; see there.

use std::ops::Range;

use unicode_linebreak::BreakOpportunity;

/// Widths are sums of floats, and a caller's line width (`28 × 16 + 27 × tracking`) may be rounded
/// differently from the sum of 28 advances: a line that is over by less than this still fits.
/// A hundredth of a point cannot be seen on paper.
const TOLERANCE: f32 = 0.01;

/// Byte offsets `i` (0 < i <= text.len(), on char boundaries, ascending) at which a line may end,
/// i.e. a break between text[..i] and text[i..] is allowed. Always includes text.len() (if text is non-empty).
/// The bool is true for mandatory breaks (after '\n', and at the end).
pub(crate) fn opportunities(text: &str) -> Vec<(usize, bool)> {
    let mut base = unicode_linebreak::linebreaks(text).peekable();
    let mut out = Vec::new();
    // The character before the boundary, and the last one before it that is not a blank: a line
    // ending in "（ " still ends in "（", as its trailing spaces are not seen.
    let mut prev: Option<char> = None;
    let mut ink: Option<char> = None;
    for (i, next) in text.char_indices() {
        let here = base.next_if(|&(j, _)| j == i).map(|(_, o)| o);
        if let Some(prev) = prev {
            if here == Some(BreakOpportunity::Mandatory) {
                out.push((i, true));
            } else if allowed(prev, ink, next, here.is_some()) {
                out.push((i, false));
            }
        }
        prev = Some(next);
        if !is_blank(next) {
            ink = Some(next);
        }
    }
    if !text.is_empty() {
        out.push((text.len(), true));
    }
    out
}

/// Whether a (non-mandatory) break is allowed between `prev` and `next`; `ink` is the last
/// non-blank character before the boundary and `base` what UAX #14 says.
fn allowed(prev: char, ink: Option<char>, next: char, base: bool) -> bool {
    // Kinsoku. UAX #14 already keeps CL/NS/EX marks from starting a line and OP from ending one,
    // but it allows a break before `·` (class AI, resolved to AL) and before `——` (class B2),
    // and it knows nothing about the CJK reading of `%‰℃` or of ASCII marks next to ideographs.
    // Since `…` and `—` may not start a line, `……` and `——` are never split either.
    if forbids_start(next) || ink.is_some_and(forbids_end) {
        return false;
    }
    // UAX #14 breaks `GB/T` after the slash (SY ÷ AL) and allows breaks after hyphens: a standard's
    // number or a Latin word in a Chinese document is kept whole and only broken at spaces.
    if is_ascii_word(prev) && is_ascii_word(next) {
        return false;
    }
    // UAX #14 already allows ID ÷ ID; said here so that no later tailoring can lose it.
    if is_ideograph(prev) && is_ideograph(next) {
        return true;
    }
    // “”‘’ are class QU, which UAX #14 glues to both neighbours (the quote's direction is unknown
    // to it), so `产“一` or `”（` would never break. In Chinese text the curly quotes are
    // directional: “‘ open and ”’ close, and they break like other brackets. Only next to CJK
    // text: between Latin letters ’ is an apostrophe (`don’t`), and Western quotes are left to UAX #14.
    if (is_opening_quote(next) && is_cjk(prev)) || (is_closing_quote(prev) && is_cjk(next)) {
        return true;
    }
    // Between Latin text or numbers and ideographs (`GB与`, `2024年`). UAX #14 allows it already
    // (AL/NU ÷ ID and ID ÷ AL/NU); said here as it is one of our rules, not an accident of the base.
    if (prev.is_ascii_alphanumeric() && is_ideograph(next)) || (is_ideograph(prev) && next.is_ascii_alphanumeric()) {
        return true;
    }
    base
}

/// Marks that may not start a line (行首禁则): closing brackets and quotes, pausing and stopping
/// marks, ellipsis and dash, the middle dot of names (U+00B7 and U+30FB), and postfix units.
const NO_START: &str = "。，、；：？！．）》」】』〉〕〗］｝”’…—·・%％‰℃)]},.;:!?";

/// Marks that may not end a line (行尾禁则): opening brackets and quotes.
const NO_END: &str = "（《「【『〈〔〖［｛“‘([{";

/// Marks of [`NO_START`] that may not hang past the margin: the two-em `……`/`——` (half a pair
/// would hang), the middle dot (part of a name) and units (part of a number).
const NO_HANG: &str = "…—·・%％‰℃";

fn forbids_start(c: char) -> bool {
    NO_START.contains(c)
}

fn forbids_end(c: char) -> bool {
    NO_END.contains(c)
}

fn can_hang(c: char) -> bool {
    forbids_start(c) && !NO_HANG.contains(c)
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘')
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’')
}

/// Letters, digits and ASCII punctuation: the characters of a Latin word or a standard's number.
fn is_ascii_word(c: char) -> bool {
    c.is_ascii_graphic()
}

/// CJK (and compatibility) ideographs, including 〇.
fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// Text that makes a neighbouring curly quote a Chinese one: ideographs, kana and hangul, CJK and
/// full-width punctuation (but not the ideographic space), and the marks that Chinese shares with
/// Western text: quotes, `…` and `—`.
fn is_cjk(c: char) -> bool {
    is_ideograph(c)
        || matches!(c,
            '\u{3001}'..='\u{303F}'
            | '\u{3040}'..='\u{30FF}'
            | '\u{AC00}'..='\u{D7AF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FFEF}'
            | '“' | '”' | '‘' | '’' | '…' | '—')
}

/// Spaces that a line may end with without them counting; UAX #14 never breaks before them.
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\t')
}

/// Hard line breaks (UAX #14 classes BK, CR, LF, NL): they end their line and have no width.
fn is_newline(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{B}' | '\u{C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Not counted at the end of a line.
fn is_trailing(c: char) -> bool {
    is_blank(c) || is_newline(c)
}

/// A sum of advances and the number of characters summed; the width adds `tracking` between them.
/// [`width`] and [`fill`] both add advances in text order through this, so they agree to the bit.
#[derive(Clone, Copy, Default)]
struct Sum {
    advances: f32,
    chars: usize,
}

impl Sum {
    fn add(self, advance: f32) -> Sum {
        Sum { advances: self.advances + advance, chars: self.chars + 1 }
    }

    fn width(self, tracking: f32) -> f32 {
        match self.chars {
            0 => 0.0,
            n => self.advances + tracking * (n - 1) as f32,
        }
    }
}

/// Measures a line as its characters come: the width up to the last character that counts
/// (not a trailing blank or newline), and up to the one before that, in case that one hangs.
#[derive(Default)]
struct Meter {
    all: Sum,
    ink: Sum,
    before_ink: Sum,
    last_ink: Option<char>,
}

impl Meter {
    fn push(&mut self, c: char, advance: f32) {
        if is_trailing(c) {
            self.all = self.all.add(advance);
        } else {
            // The width without the last mark is the width up to the previous counted character:
            // blanks between the two are trailing once the mark is taken away.
            self.before_ink = self.ink;
            self.all = self.all.add(advance);
            self.ink = self.all;
            self.last_ink = Some(c);
        }
    }

    /// Whether the line fits in `available`, perhaps by hanging its last mark.
    fn fits(&self, tracking: f32, available: f32) -> bool {
        fits(self.ink.width(tracking), available)
            || (self.last_ink.is_some_and(can_hang) && fits(self.before_ink.width(tracking), available))
    }
}

fn fits(width: f32, available: f32) -> bool {
    width <= available + TOLERANCE
}

/// Greedy line filling. `advance(c)` gives the width of char `c` (in points); `tracking` is added
/// between characters of a line (not after the last); `first` is the width available for the first
/// line (e.g. after a 2-character indent), `rest` for the following lines. Returns byte ranges of
/// `text`, one per line, covering the text in order without gaps; a trailing '\n' belongs to its line
/// and a line's trailing spaces do not count towards its width. A line is as long as possible.
/// When no allowed break makes a line fit (an unbreakable run longer than the line), that run is
/// placed alone and overflows, unless the overflow comes from a forbidden line-start character:
/// then, as Chinese typesetting allows, the line may "hang" ONE such punctuation mark past the
/// margin (hanging punctuation, 悬挂标点) when that avoids pulling a character down.
///
/// Chosen: hanging. A line also ends at a break whose line is too wide by exactly its last
/// character (trailing blanks aside) when that character is a hangable mark: one of the marks that
/// may not start a line, except `…` `—` (half of `……` would hang), `·` `・` and `%‰℃`. So a line
/// of 28 ideographs followed by `，` keeps all 28 and hangs the comma, instead of sending the 28th
/// ideograph down with it; the renderer sets the mark past the margin. Only one mark hangs: before
/// `”，` the ideograph still comes down. `first` applies to the first line of `text` only, not
/// after each `\n`. Assumes `advance(c) + tracking >= 0`, so that a line never gets narrower as it
/// gets longer: the first break that does not fit ends the search.
pub(crate) fn fill(
    text: &str,
    advance: impl Fn(char) -> f32,
    tracking: f32,
    first: f32,
    rest: f32,
) -> Vec<Range<usize>> {
    let breaks = opportunities(text);
    let mut lines = Vec::new();
    let mut start = 0;
    // Index in `breaks` of the first break after `start`.
    let mut next = 0;
    while start < text.len() {
        let available = if lines.is_empty() { first } else { rest };
        let mut meter = Meter::default();
        // The furthest break that fits; the first break after `start` even if it does not.
        let mut end = None;
        let mut candidate = next;
        for (offset, c) in text[start..].char_indices() {
            meter.push(c, advance(c));
            let (at, mandatory) = breaks[candidate];
            if at != start + offset + c.len_utf8() {
                continue;
            }
            let fits = meter.fits(tracking, available);
            if fits || end.is_none() {
                end = Some(candidate);
            }
            if !fits || mandatory {
                break;
            }
            candidate += 1;
        }
        // The loop always meets a break: the end of the text is one.
        let Some(end) = end else { unreachable!("no break after byte {start}") };
        lines.push(start..breaks[end].0);
        start = breaks[end].0;
        next = end + 1;
    }
    lines
}

/// The width of `text` on one line with `tracking` between characters (trailing spaces excluded).
pub(crate) fn width(text: &str, advance: impl Fn(char) -> f32, tracking: f32) -> f32 {
    let mut meter = Meter::default();
    for c in text.chars() {
        meter.push(c, advance(c));
    }
    meter.ink.width(tracking)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const TRACKING: f32 = -0.215;

    /// The advances of the brief: CJK and full-width punctuation 16 pt, `·` 5.2, ASCII 8.
    fn advance(c: char) -> f32 {
        match c {
            '·' => 5.2,
            c if is_newline(c) => 0.0,
            c if c.is_ascii() => 8.0,
            _ => 16.0,
        }
    }

    /// The width of `n` 16-pt characters.
    fn chars(n: usize) -> f32 {
        n as f32 * 16.0 + (n - 1) as f32 * TRACKING
    }

    /// `text` cut at its break opportunities.
    fn pieces(text: &str) -> Vec<&str> {
        let mut start = 0;
        opportunities(text)
            .into_iter()
            .map(|(end, _)| {
                let piece = &text[start..end];
                start = end;
                piece
            })
            .collect()
    }

    fn lines(text: &str, first: f32, rest: f32) -> Vec<&str> {
        fill(text, advance, TRACKING, first, rest).into_iter().map(|r| &text[r]).collect()
    }

    /// Whether `line` fits in `available`, perhaps by hanging its last mark (as [`fill`] decides).
    fn fits_or_hangs(line: &str, available: f32) -> bool {
        let content = line.trim_end_matches(is_trailing);
        if fits(width(content, advance, TRACKING), available) {
            return true;
        }
        content.chars().next_back().is_some_and(|mark| {
            can_hang(mark) && fits(width(&content[..content.len() - mark.len_utf8()], advance, TRACKING), available)
        })
    }

    const SENTENCE: &str = "安全生产“一岗双责”，必须落实……严禁违章——否则追责。";

    const DUTIES: &str = "建立、健全本单位安全生产责任制；组织制定本单位安全生产规章制度和操作规程；\
        组织制定并实施本单位安全生产教育和培训计划；按照规定使用安全生产费用，保证本单位安全生产投入的有效实施；";

    #[test]
    fn sentence_opportunities() {
        assert_eq!(pieces(SENTENCE).join("|"), "安|全|生|产|“一|岗|双|责”，|必|须|落|实……|严|禁|违|章——|否|则|追|责。");
        let breaks = opportunities(SENTENCE);
        assert_eq!(breaks.last(), Some(&(SENTENCE.len(), true)));
        assert!(breaks[..breaks.len() - 1].iter().all(|&(_, mandatory)| !mandatory));
    }

    #[test]
    fn quotes_break_on_their_outer_side_next_to_cjk() {
        assert_eq!(pieces("产“一"), ["产", "“一"]);
        assert_eq!(pieces("责”，必"), ["责”，", "必"]);
        assert_eq!(pieces("他说。“下一句”（注）"), ["他", "说。", "“下", "一", "句”", "（注）"]);
        assert_eq!(pieces("‘甲’‘乙’"), ["‘甲’", "‘乙’"]);
        // Between an apostrophe's Latin neighbours nothing changes.
        assert_eq!(pieces("it’s ok"), ["it’s ", "ok"]);
    }

    #[test]
    fn middle_dot_never_starts_a_line() {
        assert_eq!(pieces("张·三"), ["张·", "三"]);
        assert_eq!(lines("张·三", chars(1), chars(1)), ["张·", "三"]);
    }

    #[test]
    fn opening_mark_never_ends_a_line() {
        assert_eq!(pieces("安（全）《生产》"), ["安", "（全）", "《生", "产》"]);
        // Not even when spaces follow it, as they are not seen at the end of a line.
        assert_eq!(pieces("安（ 全"), ["安", "（ 全"]);
        assert_eq!(pieces("a ( b [c"), ["a ", "( b ", "[c"]);
        assert_eq!(lines("安全生产（责任）", chars(5), chars(5)), ["安全生产", "（责任）"]);
    }

    #[test]
    fn ellipsis_and_dash_stay_whole_with_the_character_before() {
        assert_eq!(pieces("实……严"), ["实……", "严"]);
        assert_eq!(pieces("章——否"), ["章——", "否"]);
        assert_eq!(pieces("——否……"), ["——", "否……"]);
        assert_eq!(pieces("等等。……"), ["等", "等。……"]);
        // Neither hangs: the character before comes down with them.
        assert_eq!(lines("安全生产……", chars(5), chars(5)), ["安全生", "产……"]);
        assert_eq!(lines("安全生产——", chars(5), chars(5)), ["安全生", "产——"]);
    }

    #[test]
    fn ascii_words_and_numbers_stay_whole() {
        assert_eq!(
            pieces("依据GB/T 9704-2012执行，达标率100%，2024年完成"),
            ["依", "据", "GB/T ", "9704-2012", "执", "行，", "达", "标", "率", "100%，", "2024", "年", "完", "成"]
        );
        assert_eq!(pieces("mark(s)[1].x;y:z!?"), ["mark(s)[1].x;y:z!?"]);
        assert_eq!(pieces("（GB）(ab)安"), ["（GB）", "(ab)", "安"]);
    }

    #[test]
    fn newline_is_mandatory() {
        assert_eq!(opportunities("安全\n生产"), [(3, false), (7, true), (10, false), (13, true)]);
        // Even where kinsoku would forbid it.
        assert_eq!(opportunities("（\n。"), [(4, true), (7, true)]);
        assert_eq!(opportunities("a\r\nb"), [(3, true), (4, true)]);
        assert_eq!(lines("安全\n生产\n", 100.0, 100.0), ["安全\n", "生产\n"]);
        assert_eq!(lines("\n\n安", 100.0, 100.0), ["\n", "\n", "安"]);
    }

    #[test]
    fn empty_text() {
        assert!(opportunities("").is_empty());
        assert!(fill("", advance, TRACKING, 10.0, 10.0).is_empty());
        assert_eq!(width("", advance, TRACKING), 0.0);
    }

    #[test]
    fn width_adds_tracking_between_characters_and_ignores_trailing_blanks() {
        assert_eq!(width("安", advance, TRACKING), 16.0);
        assert_eq!(width("安全", advance, TRACKING), 32.0 + TRACKING);
        assert_eq!(width("张·三", advance, 1.0), 16.0 + 5.2 + 16.0 + 2.0);
        assert_eq!(width("a b  \n", advance, 0.0), 24.0);
        assert_eq!(width("   ", advance, 1.0), 0.0);
    }

    #[test]
    fn trailing_spaces_do_not_count() {
        // "abcd " is 5 ASCII characters wide with its space, 4 without.
        assert_eq!(lines("abcd efgh", 32.0 + 3.0 * TRACKING, 32.0), ["abcd ", "efgh"]);
    }

    #[test]
    fn duty_text_fills_28_character_lines() {
        let line = chars(28);
        let ranges = fill(DUTIES, advance, TRACKING, chars(26), line);
        let text: Vec<&str> = ranges.iter().map(|r| &DUTIES[r.clone()]).collect();
        assert_eq!(text.concat(), DUTIES);
        for (i, l) in text.iter().enumerate() {
            let available = if i == 0 { chars(26) } else { line };
            assert!(fits_or_hangs(l, available), "line {i} too wide: {l}");
            let n = l.chars().count();
            assert!(n <= if i == 0 { 27 } else { 29 }, "line {i}: {l}");
        }
        assert!(text.iter().any(|l| l.chars().count() == 28), "{text:#?}");
        assert_eq!(
            text,
            [
                "建立、健全本单位安全生产责任制；组织制定本单位安全生",
                "产规章制度和操作规程；组织制定并实施本单位安全生产教育和",
                "培训计划；按照规定使用安全生产费用，保证本单位安全生产投",
                "入的有效实施；",
            ]
        );
        // 20 characters wide, the 21st character of the third line is `；` and hangs.
        let ranges = fill(DUTIES, advance, TRACKING, chars(18), chars(20));
        let text: Vec<&str> = ranges.iter().map(|r| &DUTIES[r.clone()]).collect();
        assert_eq!(text[2], "织制定并实施本单位安全生产教育和培训计划；");
        assert!(width(text[2], advance, TRACKING) > chars(20));
        assert!(text.iter().enumerate().all(|(i, l)| fits_or_hangs(l, chars(if i == 0 { 18 } else { 20 }))));
    }

    #[test]
    fn one_mark_hangs_rather_than_a_character_coming_down() {
        let text = "安全生产，责任";
        let got = lines(text, chars(4), chars(4));
        assert_eq!(got, ["安全生产，", "责任"]);
        assert!(width(got[0], advance, TRACKING) > chars(4));
        // Closing quotes and ASCII stops hang too.
        assert_eq!(lines("安全生产”责任", chars(4), chars(4)), ["安全生产”", "责任"]);
        assert_eq!(lines("abcd. ef", 32.0, 32.0), ["abcd. ", "ef"]);
        // Blanks before the mark are trailing once it hangs.
        assert_eq!(lines("安全生 ，责任", chars(3), chars(3)), ["安全生 ，", "责任"]);
        // Not two marks: 产 comes down with ”，.
        assert_eq!(lines("安全生产”，责任", chars(4), chars(4)), ["安全生", "产”，责", "任"]);
        // Nor units, nor the middle dot.
        assert_eq!(lines("安全生产%", chars(4), chars(4)), ["安全生", "产%"]);
        assert_eq!(lines("安全生张·三", chars(4), chars(4)), ["安全生", "张·三"]);
    }

    #[test]
    fn an_unbreakable_run_overflows_alone() {
        assert_eq!(lines("ab abcdefghijklmnop cd", 40.0, 40.0), ["ab ", "abcdefghijklmnop ", "cd"]);
        assert_eq!(lines("安全生产", 1.0, 1.0), ["安", "全", "生", "产"]);
        // A lone hangable mark on a line too narrow for anything: it overflows with its character.
        assert_eq!(lines("安，全", 1.0, 1.0), ["安，", "全"]);
    }

    #[test]
    fn first_line_has_its_own_width() {
        let text = "安全生产责任制度岗位检查";
        assert_eq!(lines(text, chars(2), chars(5)), ["安全", "生产责任制", "度岗位检查"]);
        assert_eq!(lines(text, chars(6), chars(3)), ["安全生产责任", "制度岗", "位检查"]);
    }

    /// Realistic material: ideographs, all the punctuation the rules name, ASCII and line feeds.
    const IDEOGRAPHS: &[&str] =
        &["安", "全", "生", "产", "责", "任", "制", "度", "岗", "位", "检", "查", "隐", "患", "一", "双", "年"];
    const PUNCTUATION: &[&str] = &[
        "。", "，", "、", "；", "：", "？", "！", "）", "》", "」", "】", "』", "〉", "”", "’", "…", "—", "·", "・",
        "%", "‰", "℃", "（", "《", "「", "【", "『", "〈", "“", "‘", "……", "……", "——", "——", "·",
    ];
    const ASCII: &[&str] = &[
        "a", "b", "G", "T", "x", "0", "1", "2", "9", " ", " ", " ", "(", ")", "[", "]", ",", ".", ";", ":", "!", "?",
        "/", "-", "%",
    ];

    fn text() -> impl Strategy<Value = String> {
        let token = prop_oneof![
            16 => prop::sample::select(IDEOGRAPHS),
            8 => prop::sample::select(PUNCTUATION),
            5 => prop::sample::select(ASCII),
            1 => Just("\n"),
        ];
        prop::collection::vec(token, 0..100).prop_map(|tokens| tokens.concat())
    }

    /// A text, `first` and `rest` (from narrower than a character to ~25 characters), and its lines.
    fn filled() -> impl Strategy<Value = (String, f32, f32, Vec<Range<usize>>)> {
        (text(), 4.0f32..400.0, 4.0f32..400.0).prop_map(|(text, first, rest)| {
            let lines = fill(&text, advance, TRACKING, first, rest);
            (text, first, rest, lines)
        })
    }

    fn ends_with_newline(line: &str) -> bool {
        line.chars().next_back().is_some_and(is_newline)
    }

    proptest! {
        #[test]
        fn prop_1_lines_concatenate_to_the_text((text, _, _, lines) in filled()) {
            let mut at = 0;
            for line in &lines {
                prop_assert_eq!(line.start, at);
                prop_assert!(line.end > line.start);
                at = line.end;
            }
            prop_assert_eq!(at, text.len());
            let joined: String = lines.iter().map(|r| &text[r.clone()]).collect();
            prop_assert_eq!(joined, text);
        }

        /// A line after a `\n` starts where the author started it, whatever it starts with.
        #[test]
        fn prop_2_no_line_starts_with_a_closing_mark((text, _, _, lines) in filled()) {
            for pair in lines.windows(2) {
                if ends_with_newline(&text[pair[0].clone()]) {
                    continue;
                }
                let first = text[pair[1].clone()].chars().next().unwrap();
                prop_assert!(!forbids_start(first), "line starts with {:?}: {:?}", first, &text[pair[1].clone()]);
            }
        }

        /// A line ending in `\n` ends where the author ended it.
        #[test]
        fn prop_3_no_line_ends_with_an_opening_mark((text, _, _, lines) in filled()) {
            for line in &lines[..lines.len().saturating_sub(1)] {
                let line = &text[line.clone()];
                if ends_with_newline(line) {
                    continue;
                }
                let last = line.trim_end_matches(is_trailing).chars().next_back();
                prop_assert!(!last.is_some_and(forbids_end), "line ends with {:?}: {:?}", last, line);
            }
        }

        #[test]
        fn prop_4_ellipsis_and_dash_pairs_are_not_split((text, _, _, lines) in filled()) {
            for line in &lines[..lines.len().saturating_sub(1)] {
                let (before, after) = text.split_at(line.end);
                for pair in ['…', '—'] {
                    prop_assert!(!(before.ends_with(pair) && after.starts_with(pair)), "split {:?}|{:?}", before, after);
                }
            }
        }

        #[test]
        fn prop_5_lines_fit_unless_unbreakable_or_hanging((text, first, rest, lines) in filled()) {
            let breaks = opportunities(&text);
            for (i, line) in lines.iter().enumerate() {
                let available = if i == 0 { first } else { rest };
                let unbreakable = breaks.iter().all(|&(b, _)| b <= line.start || b >= line.end);
                let s = &text[line.clone()];
                prop_assert!(unbreakable || fits_or_hangs(s, available), "line {} too wide: {:?}", i, s);
            }
        }

        #[test]
        fn prop_6_lines_end_at_opportunities((text, _, _, lines) in filled()) {
            let breaks = opportunities(&text);
            for line in &lines {
                prop_assert!(breaks.iter().any(|&(b, _)| b == line.end), "no opportunity at {}", line.end);
            }
            // And every mandatory break ends a line.
            for &(b, mandatory) in &breaks {
                prop_assert!(!mandatory || lines.iter().any(|l| l.end == b), "mandatory break at {} ignored", b);
            }
        }

        #[test]
        fn prop_7_lines_are_as_long_as_possible((text, first, rest, lines) in filled()) {
            let breaks = opportunities(&text);
            for (i, line) in lines.iter().enumerate().take(lines.len().saturating_sub(1)) {
                if ends_with_newline(&text[line.clone()]) {
                    continue;
                }
                let available = if i == 0 { first } else { rest };
                let next = breaks.iter().find(|&&(b, _)| b > line.end).unwrap().0;
                let longer = &text[line.start..next];
                prop_assert!(!fits_or_hangs(longer, available), "line {} could have been {:?}", i, longer);
            }
        }

        #[test]
        fn prop_opportunities_are_ascending_char_boundaries(text in text()) {
            let breaks = opportunities(&text);
            prop_assert!(breaks.windows(2).all(|w| w[0].0 < w[1].0));
            prop_assert!(breaks.iter().all(|&(b, _)| b > 0 && text.is_char_boundary(b)));
            prop_assert_eq!(breaks.last().copied(), (!text.is_empty()).then_some((text.len(), true)));
            for &(b, mandatory) in &breaks[..breaks.len().saturating_sub(1)] {
                prop_assert_eq!(mandatory, text[..b].ends_with('\n'));
            }
        }
    }
}

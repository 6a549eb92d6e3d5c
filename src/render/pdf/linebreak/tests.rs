//! The line breaker against the rules it follows, by example and by property.

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
    // Neither hangs: the character before comes down with them (and one more, so that it is not
    // alone on the last line).
    assert_eq!(lines("安全生产……", chars(5), chars(5)), ["安全", "生产……"]);
    assert_eq!(lines("安全生产——", chars(5), chars(5)), ["安全", "生产——"]);
    assert_eq!(lines("安全生产……安全", chars(5), chars(5)), ["安全生", "产……安全"]);
}

#[test]
fn ascii_words_and_numbers_stay_whole() {
    assert_eq!(
        pieces("依据GB/T 9704-2012执行，达标率100%，2024年完成"),
        ["依", "据", "GB/T 9704-2012", "执", "行，", "达", "标", "率", "100%，", "2024", "年", "完", "成"]
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
    // Not two marks: 产 comes down with ”，(and 责 with 任, not to leave it alone).
    assert_eq!(lines("安全生产”，责任", chars(4), chars(4)), ["安全生", "产”，", "责任"]);
    // Nor units, nor the middle dot.
    assert_eq!(lines("安全生产%", chars(4), chars(4)), ["安全", "生产%"]);
    assert_eq!(lines("安全生张·三", chars(4), chars(4)), ["安全生", "张·三"]);
}

#[test]
fn an_unbreakable_run_is_cut_at_the_margin() {
    assert_eq!(lines("ab abcdefghijklmnop cd", 40.0, 40.0), ["ab ab", "cdefg", "hijkl", "mnop ", "cd"]);
    // A run that a line of its own could hold goes to the next line whole.
    assert_eq!(lines("ab abcd cd", 40.0, 40.0), ["ab ", "abcd ", "cd"]);
    // One character stays whole, even wider than the line.
    assert_eq!(lines("安全生产", 1.0, 1.0), ["安", "全", "生", "产"]);
    // A lone hangable mark on a line too narrow for anything: it overflows with its character.
    assert_eq!(lines("安，全", 1.0, 1.0), ["安，", "全"]);
}

#[test]
fn a_standards_code_stays_with_its_number() {
    assert_eq!(pieces("依据GB/T 9704-2012排版"), ["依", "据", "GB/T 9704-2012", "排", "版"]);
    assert_eq!(pieces("ISO 45001:2018 体系"), ["ISO 45001:2018 ", "体", "系"]);
    // Lower-case words still break at their spaces.
    assert_eq!(pieces("see 3 items"), ["see ", "3 ", "items"]);
}

#[test]
fn no_character_alone_on_a_paragraphs_last_line() {
    // Greedy filling would leave 任 alone: the line before gives it one more.
    assert_eq!(lines("安全生产责任", chars(5), chars(5)), ["安全生产", "责任"]);
    // A closing mark after it does not count as a second character.
    assert_eq!(lines("安全生产责任。", chars(5), chars(5)), ["安全生产", "责任。"]);
    // Per paragraph: the line before a line feed is a last line too.
    assert_eq!(lines("安全生产责任\n安全", chars(5), chars(5)), ["安全生产", "责任\n", "安全"]);
    // A Latin word is not taken apart for it; the line gives up at most three characters.
    assert_eq!(lines("安全abcd安", 64.0, 64.0), ["安全abcd", "安"]);
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
    "。", "，", "、", "；", "：", "？", "！", "）", "》", "」", "】", "』", "〉", "”", "’", "…", "—", "·", "・", "%",
    "‰", "℃", "（", "《", "「", "【", "『", "〈", "“", "‘", "……", "……", "——", "——", "·",
];
const ASCII: &[&str] = &[
    "a", "b", "G", "T", "x", "0", "1", "2", "9", " ", " ", " ", "(", ")", "[", "]", ",", ".", ";", ":", "!", "?", "/",
    "-", "%",
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
    fn prop_5_lines_fit_unless_no_cut_could_make_them_fit((text, first, rest, lines) in filled()) {
        for (i, line) in lines.iter().enumerate() {
            let available = if i == 0 { first } else { rest };
            let s = &text[line.clone()];
            if fits_or_hangs(s, available) {
                continue;
            }
            // Too wide: then no shorter start of it, cut where a run may be cut, fits.
            let shorter = s.char_indices().skip(1).map(|(at, _)| line.start + at);
            let could = shorter.filter(|&at| cuttable(&text, at)).find(|&at| fits_or_hangs(&text[line.start..at], available));
            prop_assert!(could.is_none(), "line {} too wide: {:?}; it could end at {:?}", i, s, could);
        }
    }

    #[test]
    fn prop_6_lines_end_at_opportunities_or_cut_a_run_at_the_margin((text, first, rest, lines) in filled()) {
        let breaks = opportunities(&text);
        for (i, line) in lines.iter().enumerate() {
            let available = if i == 0 { first } else { rest };
            let at_opportunity = breaks.iter().any(|&(b, _)| b == line.end);
            // Or cut in a run that no line could hold, or that starts the line.
            let cut = !at_opportunity && {
                let from = breaks.iter().rev().map(|&(b, _)| b).find(|&b| b < line.end).unwrap_or(0);
                let to = breaks.iter().map(|&(b, _)| b).find(|&b| b > line.end).unwrap();
                let wide = from <= line.start || width(&text[from..to], advance, TRACKING) > rest + TOLERANCE;
                wide && fits_or_hangs(&text[line.clone()], available) && cuttable(&text, line.end)
            };
            prop_assert!(at_opportunity || cut, "no opportunity at {}: {:?}", line.end, &text[line.clone()]);
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
            // Except where the longer line would leave one character alone on its paragraph's
            // last line (孤字).
            let after = &lines[i + 1];
            let last_of_paragraph = breaks.iter().any(|&(b, m)| m && b == after.end);
            let left = text.get(next..after.end).map_or(0, |t| t.chars().filter(|c| !is_trailing(*c) && !forbids_start(*c)).count());
            if last_of_paragraph && next <= after.end && left == 1 {
                continue;
            }
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

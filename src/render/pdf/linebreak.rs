//! Line breaking for Chinese print documents: where a line may end (UAX #14 tailored to the
//! GB/T 15834 / W3C clreq kinsoku rules) and greedy filling of lines of a given width.
//!
//! The rules, in order of precedence:
//!
//! 1. A mandatory break (after `\n` and the other UAX #14 hard breaks, and at the end) always stands.
//! 2. A line never starts with a closing or pausing mark (行首禁则: `。，、；：？！）》」】』〉”’…—·・%‰℃`
//!    and the ASCII `)]},.;:!?`), never ends with an opening mark (行尾禁则: `（《「【『〈“‘` and ASCII
//!    `([{`), so `……` and `——` are never split and stay with the character before them.
//! 3. A run of ASCII graphic characters (`GB/T`, `9704-2012`, `100%`) is never broken inside, nor
//!    a standard's code from its number (`GB/T 9704-2012`, `ISO 45001:2018`).
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
    // A standard's number stays with its code: `GB/T 9704-2012`, `ISO 45001:2018`, `WS 308`
    // (an upper-case code, a space, a number).
    if is_blank(prev) && ink.is_some_and(|c| c.is_ascii_uppercase()) && next.is_ascii_digit() {
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
const NO_START: &str = "。，、；：？！．）》」】』〉〕〗］｝”’…—⸺·・%％‰℃)]},.;:!?";

/// Marks that may not end a line (行尾禁则): opening brackets and quotes.
const NO_END: &str = "（《「【『〈〔〖［｛“‘([{";

/// Marks of [`NO_START`] that may not hang past the margin: the two-em `……`/`——` (half a pair
/// would hang), the middle dot (part of a name) and units (part of a number).
const NO_HANG: &str = "…—⸺·・%％‰℃";

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
            | '“' | '”' | '‘' | '’' | '…' | '—' | '⸺')
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
/// cut where it reaches the margin, as a last resort: nothing is printed off the paper. A line
/// may still "hang" ONE forbidden line-start punctuation mark past the margin, as Chinese
/// typesetting allows (hanging punctuation, 悬挂标点), when that avoids pulling a character down;
/// and a single character wider than the line stays whole.
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
        let mut end_fits = false;
        // The end of the longest start of the line that fits, whatever the breaks.
        let mut fit_end = start;
        // Where the run ends that stops the line, when no line could hold it.
        let mut wide_run = None;
        let mut candidate = next;
        for (offset, c) in text[start..].char_indices() {
            meter.push(c, advance(c));
            let here = start + offset + c.len_utf8();
            if fit_end == start + offset && meter.fits(tracking, available) {
                fit_end = here;
            }
            let (at, mandatory) = breaks[candidate];
            if at != here {
                continue;
            }
            let fits = meter.fits(tracking, available);
            if fits || end.is_none() {
                end = Some(candidate);
                end_fits = fits;
            }
            // Too wide where it starts the line, or for any line when it follows other text.
            if !fits
                && (!end_fits
                    || width(&text[end.map_or(start, |e| breaks[e].0)..here], &advance, tracking) > rest + TOLERANCE)
            {
                wide_run = Some(here);
            }
            if !fits || mandatory {
                break;
            }
            candidate += 1;
        }
        // The loop always meets a break: the end of the text is one.
        let Some(end) = end else { unreachable!("no break after byte {start}") };
        // A run with no break that is wider than a line (a URL, a long number): as a last resort,
        // cut where it reaches the margin rather than print past the paper's edge; it starts
        // where the text before it ends, not on a line of its own, which would leave the line
        // before it gaping. `unbreakable_runs` finds such runs for `check` to warn about. Not
        // before a mark that may not start a line, nor after one that may not end it, nor inside
        // …… or ——.
        if let Some(run_end) = wide_run {
            while fit_end > start && fit_end < run_end && !cuttable(text, fit_end) {
                fit_end = text[..fit_end].char_indices().next_back().map_or(start, |(i, _)| i);
            }
            let fitting = if end_fits { breaks[end].0 } else { start };
            if fit_end > fitting && fit_end < run_end {
                lines.push(start..fit_end);
                start = fit_end;
                next = breaks.partition_point(|&(b, _)| b <= start);
                continue;
            }
        }
        lines.push(start..breaks[end].0);
        start = breaks[end].0;
        next = end + 1;
    }
    no_lone_last_character(text, &breaks, &mut lines, &advance, tracking, rest);
    lines
}

/// A paragraph whose last line holds one character alone (孤字, perhaps with a closing mark
/// after it) looks unfinished, and typesetters avoid it: the line before gives up its last
/// characters, at most three and at a break the rules allow, so that two or more go down. The
/// line that gave them is justified a little looser; when no such break exists the lone
/// character stays.
fn no_lone_last_character(
    text: &str,
    breaks: &[(usize, bool)],
    lines: &mut [Range<usize>],
    advance: &impl Fn(char) -> f32,
    tracking: f32,
    rest: f32,
) {
    let mandatory = |at: usize| breaks.binary_search_by_key(&at, |b| b.0).is_ok_and(|i| breaks[i].1);
    let letters = |s: &str| s.chars().filter(|c| !is_trailing(*c) && !forbids_start(*c)).count();
    for i in 1..lines.len() {
        let (before, last) = (lines[i - 1].clone(), lines[i].clone());
        if !mandatory(last.end) || mandatory(before.end) || letters(&text[last.clone()]) != 1 {
            continue;
        }
        let inside = breaks.partition_point(|b| b.0 <= before.start)..breaks.partition_point(|b| b.0 < before.end);
        for &(at, _) in breaks[inside].iter().rev() {
            if letters(&text[at..before.end]) > 3 {
                break;
            }
            let mut meter = Meter::default();
            text[at..last.end].chars().for_each(|c| meter.push(c, advance(c)));
            if meter.fits(tracking, rest) {
                lines[i - 1] = before.start..at;
                lines[i] = at..last.end;
                break;
            }
        }
    }
}

/// Whether a run without a break may be cut at byte `at` as a last resort.
fn cuttable(text: &str, at: usize) -> bool {
    let (before, after) = (text[..at].trim_end_matches(is_trailing).chars().next_back(), text[at..].chars().next());
    match (before, after) {
        (Some(b), Some(a)) => !(forbids_end(b) || forbids_start(a) || (a == b && matches!(a, '…' | '—'))),
        _ => false,
    }
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
mod tests;

//! Justified lines that widen the gaps next to Chinese characters and leave Latin words and
//! numbers as they are set: a line holding `ISO 45001:2018` must not print it letter-spaced
//! (`I S O  4 5 0 0 1`) to fill the measure.

/// A piece of a line: where it starts, its text, the spacing after each of its characters.
pub(super) type Piece = (f32, String, f32);

fn latin(c: char) -> bool {
    c.is_ascii_graphic()
}

/// One justified line of `text` at `x`, made `avail` wide: the extra space goes to the gaps
/// that touch a character other than an ASCII letter, digit or mark; a closing mark past the
/// end hangs outside (悬挂标点). A line with no such gap is spaced evenly. Each stretch of
/// gaps of one kind is a piece of its own spacing.
pub(super) fn line(text: &str, advance: impl Fn(char) -> f32, tracking: f32, avail: f32, x: f32) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let width =
        |cs: &[char]| cs.iter().map(|&c| advance(c)).sum::<f32>() + tracking * cs.len().saturating_sub(1) as f32;
    let natural = width(&chars);
    // The chars that must fill `avail`: all, or all but a hanging last mark.
    let body = if natural > avail + 0.01 && n > 2 { n - 1 } else { n };
    let run = |x: f32, cs: &[char], spacing: f32| -> Piece { (x, cs.iter().collect(), spacing) };
    if body < 2 || width(&chars[..body]) > avail {
        return vec![run(x, &chars, tracking)];
    }
    let mut stretch: Vec<bool> = chars.windows(2).map(|w| !(latin(w[0]) && latin(w[1]))).collect();
    let mut wide = stretch[..body - 1].iter().filter(|s| **s).count();
    if wide == 0 {
        stretch.fill(true);
        wide = body - 1;
    }
    let extra = (avail - width(&chars[..body])) / wide as f32;
    let gap = |s: bool| if s { tracking + extra } else { tracking };
    let mut runs = Vec::new();
    let (mut start, mut at) = (0, x);
    for g in 0..n - 1 {
        // A run ends where the next gap is of the other kind than its own.
        if g > start && stretch[g] != stretch[g - 1] {
            let spacing = gap(stretch[g - 1]);
            runs.push(run(at, &chars[start..g + 1], spacing));
            at += width(&chars[start..g + 1]) + (spacing - tracking) * (g - start) as f32 + gap(stretch[g]);
            start = g + 1;
        }
    }
    let spacing = if start + 1 < n { gap(stretch[n - 2]) } else { tracking };
    runs.push(run(at, &chars[start..], spacing));
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn advance(c: char) -> f32 {
        if c.is_ascii() { 8.0 } else { 16.0 }
    }

    fn set(text: &str, avail: f32) -> Vec<Piece> {
        line(text, advance, 0.0, avail, 0.0)
    }

    #[test]
    fn chinese_text_is_spaced_evenly_in_one_run() {
        assert_eq!(set("安全生产", 70.0), [(0.0, "安全生产".to_string(), 2.0)]);
        // A hanging mark keeps the spacing of the line.
        assert_eq!(set("安全生产，", 70.0), [(0.0, "安全生产，".to_string(), 2.0)]);
    }

    #[test]
    fn latin_words_keep_their_spacing() {
        // 安 ISO 生 is 72 wide; the 26 more go to the 4 gaps next to a blank or a Chinese
        // character, 6.5 each, none inside ISO.
        let s = |t: &str| t.to_string();
        assert_eq!(set("安 ISO 生", 98.0), [(0.0, s("安 I"), 6.5), (45.0, s("SO"), 0.0), (67.5, s(" 生"), 6.5)]);
    }

    #[test]
    fn a_line_of_latin_only_is_spaced_evenly() {
        assert_eq!(set("ABCD", 38.0), [(0.0, "ABCD".to_string(), 2.0)]);
    }
}

//! A glyph's CFF program with the subroutines it calls written in its place: what the
//! `subsetter` crate makes of each glyph of a subset, byte for byte (a test compares them on
//! thousands of glyphs of four faces, `cff::tests`). The subsetter decodes every number of a
//! program into a value, encodes it again, and first collects every subroutine of the face
//! into lists: about 11 µs a glyph and a quarter of a millisecond a call, 4 % of a build of
//! 1,000 one-page letters. Here the bytes are copied as they are, and only a subroutine's
//! number is read. Written by hand because the subsetter's rewriting is private, and no other
//! maintained crate inlines subroutines.
//!
//! Anything this does not follow (an operator outside Type 2's drawing and hinting ones, a
//! seac-like `endchar`, a subroutine number that is not a plain integer) gives `None`: the
//! caller leaves the glyph to the subsetter.

use skrifa::raw::ps::cff::index::Index;

/// The subroutines of a face, and of the font DICT of the glyph's program.
pub(super) struct Subrs<'a, 'i> {
    pub(super) global: &'i Index<'a>,
    pub(super) local: &'i Index<'a>,
}

/// The program `code` with its subroutine calls replaced by the subroutines' programs.
pub(super) fn inline(code: &[u8], subrs: &Subrs) -> Option<Vec<u8>> {
    let out = Vec::with_capacity(4 * code.len());
    let mut inliner = Inliner { subrs, out, stack: 0, last: None, stems: 0, mask_bytes: 0 };
    inliner.run(code, 0)?;
    Some(inliner.out)
}

struct Inliner<'s, 'a, 'i> {
    subrs: &'s Subrs<'a, 'i>,
    out: Vec<u8>,
    /// How many operands are on the stack.
    stack: usize,
    /// Where the last thing written starts in `out`, and its value, when it is an operand that
    /// is an integer (a subroutine call takes it off).
    last: Option<(usize, Option<i32>)>,
    /// Stem hints declared so far, and the size of a hint mask once the first is met.
    stems: usize,
    mask_bytes: usize,
}

enum End {
    Return,
    EndChar,
}

/// Type 2 operators (`12 x` as 1200 + x) that take all operands and draw, or hint.
const STEMS: [u16; 4] = [1, 3, 18, 23];
const DRAWING: [u16; 17] = [4, 5, 6, 7, 8, 21, 22, 24, 25, 26, 27, 30, 31, 1234, 1235, 1236, 1237];
const CALL_LOCAL: u16 = 10;
const RETURN: u16 = 11;
const END_CHAR: u16 = 14;
const HINT_MASK: u16 = 19;
const COUNTER_MASK: u16 = 20;
const CALL_GLOBAL: u16 = 29;
/// The operand stack's limit, and how deep subroutines may nest, as the subsetter has them.
const MAX_OPERANDS: usize = 48;
const MAX_DEPTH: u8 = 64;

impl<'s, 'a, 'i> Inliner<'s, 'a, 'i> {
    fn run(&mut self, code: &[u8], depth: u8) -> Option<End> {
        if depth > MAX_DEPTH {
            return None;
        }
        let mut at = 0;
        while let Some(&b0) = code.get(at) {
            let operand = match b0 {
                28 => 3,
                32..=246 => 1,
                247..=254 => 2,
                255 => 5,
                _ => 0,
            };
            if operand > 0 {
                let bytes = code.get(at..at + operand)?;
                let value = match b0 {
                    28 => Some(i32::from(i16::from_be_bytes([bytes[1], bytes[2]]))),
                    32..=246 => Some(i32::from(b0) - 139),
                    247..=250 => Some((i32::from(b0) - 247) * 256 + i32::from(bytes[1]) + 108),
                    251..=254 => Some(-(i32::from(b0) - 251) * 256 - i32::from(bytes[1]) - 108),
                    _ => None,
                };
                if self.stack == MAX_OPERANDS {
                    return None;
                }
                self.stack += 1;
                self.last = Some((self.out.len(), value));
                self.out.extend_from_slice(bytes);
                at += operand;
                continue;
            }
            let op = match b0 {
                12 => 1200 + u16::from(*code.get(at + 1)?),
                _ => u16::from(b0),
            };
            let op_len = if b0 == 12 { 2 } else { 1 };
            let op_bytes = &code[at..at + op_len];
            at += op_len;
            match op {
                _ if STEMS.contains(&op) => {
                    self.stems += self.stack / 2;
                    self.stack = 0;
                    self.write(op_bytes);
                }
                _ if DRAWING.contains(&op) => {
                    self.stack = 0;
                    self.write(op_bytes);
                }
                RETURN => return Some(End::Return),
                CALL_LOCAL | CALL_GLOBAL => {
                    // The subroutine's number is the last operand written: it is taken off.
                    let (start, number) = self.last.take()?;
                    self.out.truncate(start);
                    self.stack -= 1;
                    let subrs = if op == CALL_LOCAL { self.subrs.local } else { self.subrs.global };
                    let index = usize::try_from(number?.checked_add(subrs.subr_bias())?).ok()?;
                    let called = subrs.get(index).ok()?;
                    if let End::EndChar = self.run(called, depth + 1)? {
                        return Some(End::EndChar);
                    }
                }
                HINT_MASK | COUNTER_MASK => {
                    self.write(op_bytes);
                    // Operands before the first mask are stems too (vstem implied).
                    if self.mask_bytes == 0 {
                        self.stems += self.stack / 2;
                        self.stack = 0;
                        self.mask_bytes = self.stems.div_ceil(8);
                    }
                    let mask = code.get(at..at + self.mask_bytes)?;
                    self.out.extend_from_slice(mask);
                    at += self.mask_bytes;
                }
                // With four operands more, endchar composes an accented glyph (seac): not followed.
                END_CHAR if self.stack < 4 => {
                    self.write(op_bytes);
                    return Some(End::EndChar);
                }
                _ => return None,
            }
        }
        Some(End::Return)
    }

    fn write(&mut self, bytes: &[u8]) {
        self.last = None;
        self.out.extend_from_slice(bytes);
    }
}

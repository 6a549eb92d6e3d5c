//! What a text set in a given way gave once, kept for the next time: a category's duties are
//! printed on the card of every post of the category and on the letter of every holder of
//! those posts, the same paragraph in the same frame each time (`layout`'s paragraphs).

use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;

/// How a text is set besides the text itself (role, size, tracking, frame), as bits.
pub(crate) type Setting = [u32; 7];

/// Results by setting and text, for the threads of one institution's files; dropped with them,
/// so that memory follows an institution, not the province.
pub(crate) struct Memo<T>(Mutex<FxHashMap<Setting, ByText<T>>>);

type ByText<T> = FxHashMap<Box<str>, Arc<[T]>>;

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo(Mutex::default())
    }
}

impl<T: Clone> Memo<T> {
    /// What `make` gives for `text` set as `setting` says: made the first time, copied after.
    pub(crate) fn get_or(&self, setting: Setting, text: &str, make: impl FnOnce() -> Vec<T>) -> Vec<T> {
        let kept = crate::lock(&self.0).get(&setting).and_then(|by_text| by_text.get(text)).cloned();
        if let Some(kept) = kept {
            return kept.to_vec();
        }
        let made = make();
        let kept: Arc<[T]> = made.as_slice().into();
        crate::lock(&self.0).entry(setting).or_default().insert(text.into(), kept);
        made
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;
    use crate::render::document::Block;
    use crate::render::pdf::fonts::FontSet;
    use crate::render::pdf::layout::Papers;
    use crate::render::pdf::style::Style;
    use crate::render::theme::Theme;

    /// Pages set with the memo are the pages set without it, also when a text comes again in
    /// another frame (a duty as an item, as a paragraph, on another paper) or in another role.
    #[test]
    fn a_remembered_paragraph_is_the_one_laid_out() {
        let theme = Theme::load(None).unwrap();
        let style = Style::parse(&theme.pdf_style).unwrap();
        let fonts = FontSet::of_theme(&theme, &style).expect("fonts-noto-cjk is installed");
        let papers = Papers::of(&style);
        let duty = "严格执行本岗位安全操作规程，每日检查所用设备设施的安全状况，发现隐患及时报告并协助整改，不违章作业、不违章指挥。";
        let blocks = vec![
            Block::Title("安全生产责任书".into()),
            Block::Heading(duty.into()),
            Block::Paragraph(duty.into()),
            Block::Item { label: "1．".into(), text: duty.into() },
            Block::Lines(vec![format!("乙方：{duty}")]),
            Block::Paragraph(duty.into()),
        ];
        let plain = papers.typesetters(&style, &fonts);
        let memo = Memo::default();
        let remembering = plain.remembering(&memo);
        let shown = |ts: &crate::render::pdf::layout::Typesetter| -> Vec<String> {
            let pages = ts.pages(&blocks, Some("编号 1"));
            pages.iter().flat_map(|p| &p.lines).map(|placed| format!("{} {:?}", placed.row, placed.line)).collect()
        };
        for (ts, again) in [(&plain.official, &remembering.official), (&plain.posted, &remembering.posted)] {
            let laid = shown(ts);
            assert!(laid.len() > 12, "the duty takes lines: {laid:?}");
            for _ in 0..2 {
                assert_eq!(shown(again), laid);
            }
        }
        assert!(!memo.0.lock().unwrap().is_empty(), "the paragraphs went through the memo");
    }
}

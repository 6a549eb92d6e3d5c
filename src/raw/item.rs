//! How a post names an item of its category's duty list: by the beginning of its text.

use serde::Deserialize;

/// A category item a post rewords or removes, as written: the beginning of its text, which
/// still names the same item after the category gains, loses or reorders items; or its number,
/// which does not, and which `check` therefore refuses (naming the text to write instead).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ItemRef {
    Number(u64),
    Text(String),
}

/// Why an [`ItemRef`] names no single item.
#[derive(Debug, PartialEq)]
pub(crate) enum Miss {
    /// A number: the item it names today (0-based), if there is one.
    Number(Option<usize>),
    Empty,
    NoMatch,
    /// Several items begin with the text (0-based).
    Ambiguous(Vec<usize>),
}

impl ItemRef {
    /// The item of `items` (0-based) this names: the one whose text is the reference, or the
    /// only one that begins with it (closing punctuation aside).
    pub(crate) fn find(&self, items: &[String]) -> Result<usize, Miss> {
        let wanted = match self {
            ItemRef::Number(n) => {
                let i = usize::try_from(*n).ok().and_then(|n| n.checked_sub(1)).filter(|i| *i < items.len());
                return Err(Miss::Number(i));
            }
            ItemRef::Text(t) => bare(t),
        };
        if wanted.is_empty() {
            return Err(Miss::Empty);
        }
        if let Some(i) = items.iter().position(|item| bare(item) == wanted) {
            return Ok(i);
        }
        let starts: Vec<usize> = (0..items.len()).filter(|i| items[*i].trim().starts_with(wanted)).collect();
        match starts.as_slice() {
            [i] => Ok(*i),
            [] => Err(Miss::NoMatch),
            _ => Err(Miss::Ambiguous(starts)),
        }
    }

    /// The shortest way to name item `i` of `items` by text: its first clause when no other
    /// item begins the same way, else its whole text (closing punctuation aside).
    pub(crate) fn text_for(items: &[String], i: usize) -> String {
        let whole = bare(&items[i]);
        let clause = whole.split(['，', '；', '。', ',', ';']).next().unwrap_or(whole);
        let unique = |t: &str| items.iter().filter(|item| item.trim().starts_with(t)).count() == 1;
        if !clause.is_empty() && unique(clause) { clause.to_string() } else { whole.to_string() }
    }
}

/// Text without surrounding space and closing punctuation: `做好本岗位安全检查；` and
/// `做好本岗位安全检查` name the same item.
fn bare(text: &str) -> &str {
    text.trim().trim_end_matches(['；', '。', ';', '.', '，', ',']).trim_end()
}

impl<'de> Deserialize<'de> for ItemRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = ItemRef;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("the beginning of a category item's text")
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<ItemRef, E> {
                Ok(ItemRef::Number(n))
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<ItemRef, E> {
                Ok(ItemRef::Number(u64::try_from(n).unwrap_or(0)))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<ItemRef, E> {
                Ok(ItemRef::Text(s.to_string()))
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items() -> Vec<String> {
        ["做好本岗位安全检查，发现隐患立即上报；", "做好交接班；", "做好本岗位记录；", "其他职责。"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn text(t: &str) -> ItemRef {
        ItemRef::Text(t.to_string())
    }

    #[test]
    fn an_item_is_found_by_its_whole_text_or_the_only_beginning_of_it() {
        assert_eq!(text("做好交接班").find(&items()), Ok(1));
        assert_eq!(text("做好交接班；").find(&items()), Ok(1));
        assert_eq!(text("做好本岗位安全检查").find(&items()), Ok(0));
        assert_eq!(text("其他职责。").find(&items()), Ok(3));
    }

    #[test]
    fn a_reference_that_is_not_one_item_is_refused() {
        assert_eq!(text("做好本岗位").find(&items()), Err(Miss::Ambiguous(vec![0, 2])));
        assert_eq!(text("交接班").find(&items()), Err(Miss::NoMatch));
        assert_eq!(text(" ；").find(&items()), Err(Miss::Empty));
        assert_eq!(ItemRef::Number(2).find(&items()), Err(Miss::Number(Some(1))));
        assert_eq!(ItemRef::Number(9).find(&items()), Err(Miss::Number(None)));
    }

    #[test]
    fn the_text_to_write_is_the_first_clause_when_it_is_unique() {
        assert_eq!(ItemRef::text_for(&items(), 0), "做好本岗位安全检查");
        assert_eq!(ItemRef::text_for(&items(), 3), "其他职责");
    }

    #[test]
    fn numbers_and_texts_are_read_from_yaml() {
        let refs: Vec<ItemRef> = serde_saphyr::from_str("[8, 特种作业人员须持证上岗, '9']").unwrap();
        assert_eq!(refs, vec![ItemRef::Number(8), text("特种作业人员须持证上岗"), text("9")]);
    }
}

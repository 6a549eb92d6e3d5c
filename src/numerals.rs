//! Chinese numerals as official documents number their parts (一、二、……十一、). Small numbers
//! only, written by hand: the crates that spell numbers do money and large figures, not this.

/// `n` in Chinese numerals (1 → 一, 12 → 十二, 40 → 四十); from 100 on, in digits.
pub(crate) fn chinese(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", DIGITS[n % 10]),
        20..=99 if n.is_multiple_of(10) => format!("{}十", DIGITS[n / 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

/// `{{ n | numeral }}` in the theme's templates.
pub(crate) fn filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let n = value.as_u64().ok_or_else(|| tera::Error::msg("`numeral` numbers whole numbers from 0"))?;
    Ok(tera::Value::String(chinese(n as usize)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_as_documents_do() {
        let written: Vec<String> = [1, 9, 10, 11, 20, 21, 99, 100].into_iter().map(super::chinese).collect();
        assert_eq!(written, ["一", "九", "十", "十一", "二十", "二十一", "九十九", "100"]);
    }
}

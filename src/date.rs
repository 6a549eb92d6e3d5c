//! The one date type: a day of record, written `YYYY-MM-DD` in the content, compared as a day,
//! printed as the content wrote it or the Chinese way (2023年1月10日). Days are jiff's civil
//! dates (gix already builds jiff; chrono is gone).

use std::fmt;

/// A day: the date of record, a deadline, the day a letter was signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Date(jiff::civil::Date);

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Invalid {
    /// Not `YYYY-MM-DD`, or a day that does not exist (2023-02-30).
    NotADate,
    /// A real day, but no day of record: year 0 or 9999 is a placeholder or a slip.
    OutOfRange,
}

/// Days of record lie between these years.
pub(crate) const YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;

impl Date {
    /// Reads `YYYY-MM-DD`, exactly: ten characters, a day that exists, in `YEARS`.
    pub(crate) fn parse(text: &str) -> Result<Date, Invalid> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
            return Err(Invalid::NotADate);
        }
        let number = |r: std::ops::Range<usize>| text[r].parse::<i16>().map_err(|_| Invalid::NotADate);
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let date = jiff::civil::Date::new(year, month as i8, day as i8).map_err(|_| Invalid::NotADate)?;
        if !YEARS.contains(&year) {
            return Err(Invalid::OutOfRange);
        }
        Ok(Date(date))
    }

    /// The day a moment falls on, `offset` seconds east of UTC (a commit's time and zone).
    pub(crate) fn of_moment(seconds: i64, offset: i32) -> Option<Date> {
        let moment = jiff::Timestamp::from_second(seconds).ok()?;
        let zone = jiff::tz::TimeZone::fixed(jiff::tz::Offset::from_seconds(offset).ok()?);
        Some(Date(moment.to_zoned(zone).date()))
    }

    pub(crate) fn year(self) -> i16 {
        self.0.year()
    }

    pub(crate) fn month(self) -> i8 {
        self.0.month()
    }

    pub(crate) fn day(self) -> i8 {
        self.0.day()
    }

    /// The first day of a month, if it exists.
    pub(crate) fn first_of(year: i16, month: i8) -> Option<Date> {
        jiff::civil::Date::new(year, month, 1).ok().map(Date)
    }

    /// The Monday of the day's week (weeks run Monday to Sunday, as Chinese calendars print them).
    pub(crate) fn monday(self) -> Date {
        self.plus_days(-i64::from(self.0.weekday().to_monday_zero_offset()))
    }

    /// The first day of the month `months` after the day's month (negative: before).
    pub(crate) fn month_start(self, months: i32) -> Date {
        let index = i32::from(self.year()) * 12 + i32::from(self.month()) - 1 + months;
        let (year, month) = (index.div_euclid(12), index.rem_euclid(12) + 1);
        Date::first_of(year as i16, month as i8).unwrap_or(self)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub(crate) fn days_until(self, later: Date) -> i64 {
        later.0.since((jiff::Unit::Day, self.0)).map_or(0, |span| i64::from(span.get_days()))
    }

    /// The day `days` after this one.
    pub(crate) fn plus_days(self, days: i64) -> Date {
        Date(self.0.checked_add(jiff::Span::new().days(days)).unwrap_or(self.0))
    }

    /// `2023年1月10日`, as Chinese documents write a date.
    pub(crate) fn chinese(self) -> String {
        format!("{}年{}月{}日", self.year(), self.month(), self.day())
    }
}

/// `{{ day | day }}` in the templates: a date the model serialises (`2023-01-10`, also at the
/// start of a text: `2023-05-02（或更早）`) as pages print it, 2023年1月10日; any other value is
/// left as it is.
pub(crate) fn filter(
    value: &tera::Value,
    _: &std::collections::HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let Some(text) = value.as_str() else { return Ok(value.clone()) };
    let day = text.get(..10).and_then(|head| Date::parse(head).ok());
    Ok(match day {
        Some(day) => tera::Value::String(format!("{}{}", day.chinese(), &text[10..])),
        None => value.clone(),
    })
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }
}

/// Dates written in tests.
#[cfg(test)]
impl From<&str> for Date {
    fn from(text: &str) -> Date {
        Date::parse(text).expect("a date written in a test")
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_days_of_record_only() {
        let d = Date::parse("2023-01-10").unwrap();
        assert_eq!((d.to_string(), d.chinese()), ("2023-01-10".to_string(), "2023年1月10日".to_string()));
        for bad in ["2023-02-30", "2023-1-10", "2023/01/10", "2023-01-10 ", "2023年1月10日", "+2023-01-1", ""] {
            assert_eq!(Date::parse(bad), Err(Invalid::NotADate), "{bad}");
        }
        assert_eq!(Date::parse("0000-01-01"), Err(Invalid::OutOfRange));
        assert_eq!(Date::parse("9999-12-31"), Err(Invalid::OutOfRange));
        assert_eq!(Date::parse("2024-02-29").map(|d| d.plus_days(1).to_string()), Ok("2024-03-01".into()));
        let (a, b) = (Date::parse("2023-12-31").unwrap(), Date::parse("2024-03-01").unwrap());
        assert_eq!((a.days_until(b), b.days_until(a)), (61, -61));
        assert!(a < b);
        assert_eq!(Date::from("2023-01-10").monday(), Date::from("2023-01-09"));
        assert_eq!(Date::from("2023-01-08").monday(), Date::from("2023-01-02"));
        assert_eq!(Date::from("2023-01-10").month_start(-1), Date::from("2022-12-01"));
        assert_eq!(Date::from("2023-12-31").month_start(1), Date::from("2024-01-01"));
        // 2023-01-01 00:30 in UTC+8 is still 2022-12-31 in UTC.
        assert_eq!(Date::of_moment(1_672_504_200, 8 * 3600).unwrap().to_string(), "2023-01-01");
        assert_eq!(Date::of_moment(1_672_504_200, 0).unwrap().to_string(), "2022-12-31");
    }

    #[test]
    fn pages_print_dates_the_chinese_way_and_leave_other_values() {
        let day = |v: tera::Value| filter(&v, &Default::default()).unwrap();
        assert_eq!(day("2023-01-10".into()), "2023年1月10日");
        assert_eq!(day("2023-05-02（或更早）".into()), "2023年5月2日（或更早）");
        for other in ["2023-02-30", "2023年1月10日", "WSQ-2023-001", "明天", ""] {
            assert_eq!(day(other.into()), other);
        }
        assert_eq!(day(7.into()), 7);
    }
}

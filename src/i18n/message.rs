//! A message kept as its id and arguments, so that it can be said in either language. A finding
//! is printed in the user's language, and the site, which always speaks Chinese, shows the same
//! finding in Chinese, with its days written the Chinese way (2023年1月10日): a build on a
//! server whose locale is English must not put English sentences on a Chinese page.

use std::borrow::Cow;

use fluent_bundle::FluentValue;

use super::catalog::{Arg, Lang, lang, noun_in, plural_in, tr_in};
use crate::date::Date;

/// `m!(id, name = value, …)`, as [`t!`](crate::t) takes them: the message kept, to be said
/// later in either language ([`Message::say`]). Values are text, numbers, days ([`Date`]),
/// other messages, or nouns ([`Value::Noun`]).
#[macro_export]
macro_rules! m {
    ($id:literal) => {
        $crate::i18n::message::Message::new($id, Vec::new())
    };
    ($id:literal, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        $crate::i18n::message::Message::new(
            $id,
            vec![$((stringify!($name), $crate::i18n::message::Value::from($crate::t!(@value $name $(= $value)?)))),+],
        )
    };
}

/// A message of the catalogs with its arguments.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Message {
    id: &'static str,
    args: Vec<(&'static str, Value)>,
}

/// An argument of a kept message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// Text, said the same in both languages.
    Text(String),
    /// A number (it chooses plural forms in English).
    Number(f64),
    /// A day: `2023-01-10` in messages, 2023年1月10日 on pages.
    Day(Date),
    /// The name of a kind of thing (`post`, `category`), said in the language of the message.
    Noun(String),
    /// The same, plural (English only: Chinese nouns have none).
    Nouns(String),
    /// Another message, said in the same language.
    Message(Box<Message>),
}

/// Where a message is said: the terminal or JSON (days as the content writes them), or a page
/// (always Chinese, days the Chinese way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Audience {
    User(Lang),
    Page,
}

impl Message {
    pub(crate) fn new(id: &'static str, args: Vec<(&'static str, Value)>) -> Self {
        Message { id, args }
    }

    /// The message in the user's language, as [`t!`](crate::t) says it.
    pub(crate) fn text(&self) -> String {
        self.say(Audience::User(lang()))
    }

    pub(crate) fn say(&self, to: Audience) -> String {
        let lang = match to {
            Audience::User(lang) => lang,
            Audience::Page => Lang::Zh,
        };
        let args: Vec<(&str, Arg)> = self.args.iter().map(|(name, value)| (*name, value.said(to, lang))).collect();
        tr_in(lang, self.id, &args)
    }
}

impl Value {
    /// A kind of thing named in the message, said in its language (`diagnostic::noun`).
    pub(crate) fn noun(kind: &str) -> Self {
        Value::Noun(kind.to_string())
    }

    /// A day as the content writes it (`2023-01-10`): a [`Value::Day`] when it is one.
    pub(crate) fn day(text: &str) -> Self {
        Date::parse(text).map_or_else(|_| Value::from(text), Value::Day)
    }

    /// `noun`, plural (`diagnostic::plural`).
    pub(crate) fn nouns(kind: &str) -> Self {
        Value::Nouns(kind.to_string())
    }

    fn said(&self, to: Audience, lang: Lang) -> Arg<'_> {
        match self {
            Value::Text(t) => FluentValue::String(Cow::Borrowed(t)),
            Value::Number(n) => FluentValue::from(*n),
            Value::Day(d) if to == Audience::Page => FluentValue::String(Cow::Owned(d.chinese())),
            Value::Day(d) => FluentValue::String(Cow::Owned(d.to_string())),
            Value::Noun(kind) => FluentValue::String(Cow::Owned(noun_in(lang, kind))),
            Value::Nouns(kind) => FluentValue::String(Cow::Owned(plural_in(lang, kind))),
            Value::Message(m) => FluentValue::String(Cow::Owned(m.say(to))),
        }
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Value::Text(v.to_string())
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Value::Text(v)
    }
}

impl From<&String> for Value {
    fn from(v: &String) -> Self {
        Value::from(v.as_str())
    }
}

impl From<Date> for Value {
    fn from(d: Date) -> Self {
        Value::Day(d)
    }
}

impl From<Message> for Value {
    fn from(m: Message) -> Self {
        Value::Message(Box::new(m))
    }
}

macro_rules! numbers {
    ($($t:ty),+) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Self {
                Value::Number(n as f64)
            }
        }
    )+};
}
numbers!(usize, u8, u16, u32, u64, i8, i16, i32, i64, f64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_message_is_said_in_either_language_and_on_pages_with_chinese_days() {
        let day = Date::parse("2023-01-10").unwrap();
        let m = crate::m!("records-overdue", id = "2022-03", days = 10usize, as_of = day);
        assert_eq!(
            m.say(Audience::User(Lang::En)),
            "hazard `2022-03` is overdue: not rectified 10 day(s) after its deadline, on 2023-01-10"
        );
        assert_eq!(
            m.say(Audience::User(Lang::Zh)),
            "隐患 `2022-03` 已逾期：截至 2023-01-10，已超过整改期限 10 天仍未整改"
        );
        assert_eq!(m.say(Audience::Page), "隐患 `2022-03` 已逾期：截至 2023年1月10日，已超过整改期限 10 天仍未整改");
    }
}

//! The language of what safeduty says to its user: findings, errors and the command line's
//! messages, in English or in Chinese (zh-CN).
//!
//! Messages live in Fluent catalogs (`src/i18n/<lang>/<area>.ftl`, the format of Mozilla's
//! `fluent-bundle`), one file per area of the code, the same ids in both languages; code asks
//! for a message by id with [`t!`](crate::t). The language is chosen once, at start, from
//! `--lang`, else `SAFEDUTY_LANG`, else the system's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`;
//! the user's language on Windows): Chinese for any `zh` locale, English otherwise. Codes
//! (`unknown-key`), file names, positions and the ids of the content are the same in both.
//!
//! What the build makes (pages, documents) is always Chinese; this module is only about messages.

mod catalog;
/// Public to the crate for `m!`, which names its types from wherever it is used.
pub(crate) mod message;

pub use catalog::{Arg, Lang, lang, set, text, tr};
pub(crate) use catalog::{noun_in, plural_in};
pub(crate) use message::{Audience, Message, Value};

/// `t!("id")`, `t!("id", name = value, other)`: the message `id` in the chosen language. An
/// argument written alone is a variable of the same name. Values are text (`&str`, `String`)
/// or numbers; give anything else as `x.to_string()`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr($id, &[])
    };
    ($id:literal, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        $crate::i18n::tr($id, &[$((stringify!($name), $crate::i18n::Arg::from($crate::t!(@value $name $(= $value)?)))),+])
    };
    (@value $name:ident = $value:expr) => { $value };
    (@value $name:ident) => { $name };
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_bundle::concurrent::FluentBundle;
    use fluent_bundle::{FluentArgs, FluentResource};
    use fluent_syntax::ast;

    use super::catalog::{CATALOGS, bundle};
    use super::*;

    /// Each message's id and the variables it uses, per (language, area).
    fn catalog(tag: &str, area: &str) -> BTreeMap<String, BTreeSet<String>> {
        let (_, _, text) = CATALOGS.iter().find(|(t, a, _)| *t == tag && *a == area).unwrap();
        let resource = fluent_syntax::parser::parse(*text).unwrap_or_else(|(_, e)| panic!("{tag}/{area}.ftl: {e:?}"));
        let mut messages = BTreeMap::new();
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                assert!(
                    messages.insert(m.id.name.to_string(), vars).is_none(),
                    "{tag}/{area}.ftl: `{}` twice",
                    m.id.name
                );
            }
        }
        messages
    }

    fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, vars);
            }
        }
    }

    fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, vars);
                for v in variants {
                    pattern_vars(&v.value, vars);
                }
            }
            ast::Expression::Inline(i) => inline_vars(i, vars),
        }
    }

    fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                vars.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
            _ => {}
        }
    }

    fn areas() -> BTreeSet<&'static str> {
        CATALOGS.iter().map(|(_, a, _)| *a).collect()
    }

    /// Both languages say every message, with the same variables: a Chinese message that
    /// drops `{ $file }` would hide where the problem is.
    #[test]
    fn both_catalogs_have_every_message_with_the_same_variables() {
        let mut all = BTreeSet::new();
        for area in areas() {
            let (en, zh) = (catalog("en", area), catalog("zh-CN", area));
            let (en_ids, zh_ids): (BTreeSet<_>, BTreeSet<_>) = (en.keys().collect(), zh.keys().collect());
            assert_eq!(en_ids, zh_ids, "{area}.ftl: the two languages have different ids");
            for (id, vars) in &en {
                assert_eq!(vars, &zh[id], "{area}.ftl: `{id}` uses other variables in Chinese");
                assert!(all.insert(id.clone()), "`{id}` is in two areas");
            }
        }
    }

    /// Every `t!("id"` (and `m!("id"`) in the code names a message, and every message is asked for somewhere
    /// (nouns are asked for by kind, see diagnostic::noun).
    #[test]
    fn the_code_and_the_catalogs_name_the_same_messages() {
        let mut used = BTreeSet::new();
        let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        for entry in walkdir::WalkDir::new(src) {
            let entry = entry.unwrap();
            // This module's own examples (`t!("id")`) name no message.
            if entry.path().extension().is_none_or(|e| e != "rs") || entry.path().ends_with("i18n/mod.rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            // The id may follow on the next line, where rustfmt puts a long call's arguments.
            for (i, _) in text.match_indices("t!(").chain(text.match_indices("m!(")).chain(text.match_indices("tr(")) {
                // `format!("` and `str("` end the same way.
                if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[i + 3..];
                let Some(rest) = rest.trim_start().strip_prefix('"') else { continue };
                let start = 0;
                let end = start + rest[start..].find('"').unwrap();
                used.insert(rest[start..end].to_string());
            }
        }
        let known: BTreeSet<String> = areas().into_iter().flat_map(|a| catalog("en", a).into_keys()).collect();
        let missing: Vec<_> = used.difference(&known).collect();
        assert!(missing.is_empty(), "asked for but not in the catalogs: {missing:?}");
        let unused: Vec<_> = known.difference(&used).filter(|id| !id.starts_with("noun-")).collect();
        assert!(unused.is_empty(), "in the catalogs but never asked for: {unused:?}");
    }

    #[test]
    fn messages_follow_the_language() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("zh-Hans-CN"), Lang::Zh);
        assert_eq!(Lang::from_locale("zh"), Lang::Zh);
        assert_eq!(Lang::from_locale("C.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("en_US"), Lang::En);
        assert_eq!(Lang::from_locale("zu_ZA"), Lang::En);
        let args = [("errors", Arg::from(2)), ("warnings", Arg::from(0))];
        let (en, zh) = (bundle(Lang::En), bundle(Lang::Zh));
        let fmt = |b: &FluentBundle<FluentResource>| {
            let mut fa = FluentArgs::new();
            for (n, v) in &args {
                fa.set(*n, v.clone());
            }
            b.format_pattern(b.get_message("summary-counts").unwrap().value().unwrap(), Some(&fa), &mut vec![])
                .into_owned()
        };
        assert_eq!(fmt(en), "2 error(s), 0 warning(s)");
        assert_eq!(fmt(zh), "2 个错误，0 个警告");
    }
}

//! The catalogs and the language they are read in: which language the user chose, and a
//! message of the catalogs said in a language.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language messages can be given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

/// Every catalog: (language tag, area, text). Areas split the catalogs along the code so that
/// each file stays short; ids are unique across areas (a test checks).
pub(super) const CATALOGS: &[(&str, &str, &str)] = &[
    ("en", "common", include_str!("en/common.ftl")),
    ("en", "load", include_str!("en/load.ftl")),
    ("en", "check", include_str!("en/check.ftl")),
    ("en", "render", include_str!("en/render.ftl")),
    ("en", "run", include_str!("en/run.ftl")),
    ("en", "help", include_str!("en/help.ftl")),
    ("zh-CN", "common", include_str!("zh-CN/common.ftl")),
    ("zh-CN", "load", include_str!("zh-CN/load.ftl")),
    ("zh-CN", "check", include_str!("zh-CN/check.ftl")),
    ("zh-CN", "render", include_str!("zh-CN/render.ftl")),
    ("zh-CN", "run", include_str!("zh-CN/run.ftl")),
    ("zh-CN", "help", include_str!("zh-CN/help.ftl")),
];

static LANG: OnceLock<Lang> = OnceLock::new();

impl Lang {
    fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// Reads a language the way a user writes it: `zh`, `zh_CN.UTF-8`, `zh-Hans-CN`, `en_US`,
    /// `C`. Only Chinese is told apart; anything else is English.
    pub fn from_locale(locale: &str) -> Lang {
        let lower = locale.trim().to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh_") || lower.starts_with("zh-") || lower.starts_with("zh.") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language the user asked for: `choice` (the `--lang` option), else `SAFEDUTY_LANG`,
    /// else the system's locale.
    pub fn detect(choice: Option<&str>) -> Lang {
        if let Some(c) = choice {
            return Lang::from_locale(c);
        }
        if let Some(v) = std::env::var_os("SAFEDUTY_LANG").filter(|v| !v.is_empty()) {
            return Lang::from_locale(&v.to_string_lossy());
        }
        // POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG. sys-locale reads
        // LC_ALL, LC_CTYPE and LANG only, so LC_MESSAGES is read here first.
        for var in ["LC_ALL", "LC_MESSAGES"] {
            if let Some(v) = std::env::var_os(var).filter(|v| !v.is_empty()) {
                return Lang::from_locale(&v.to_string_lossy());
            }
        }
        sys_locale::get_locale().map_or(Lang::En, |l| Lang::from_locale(&l))
    }
}

/// Chooses the language of this process's messages; the first call wins (the command line
/// calls it before anything speaks). Without a call, messages are in English.
pub fn set(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language messages are given in.
pub fn lang() -> Lang {
    *LANG.get().unwrap_or(&Lang::En)
}

pub(super) fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    // Each language's when first asked for: a command parses only its own (the catalogs are
    // 136 KB, a millisecond of every run), English only where a message falls back to it.
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| build(lang))
}

pub(super) fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let tag = lang.tag();
    let id: unic_langid::LanguageIdentifier = tag.parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: messages go to terminals and JSON, where
    // the marks would show as stray characters or break a copied path.
    bundle.set_use_isolating(false);
    for (_, area, text) in CATALOGS.iter().filter(|(t, _, _)| *t == tag) {
        let resource = FluentResource::try_new(text.to_string())
            .unwrap_or_else(|(_, errors)| panic!("catalog {tag}/{area}.ftl does not parse: {errors:?}"));
        bundle.add_resource(resource).unwrap_or_else(|errors| panic!("catalog {tag}/{area}.ftl: {errors:?}"));
    }
    bundle
}

/// An argument of a message: text or a number (numbers choose plural forms in English).
pub type Arg<'a> = FluentValue<'a>;

/// The message `id` in the chosen language, its `{ $name }`s filled from `args`. A message
/// missing from the Chinese catalog falls back to English, and one missing from both shows its
/// id; the catalog test keeps both from happening.
pub fn tr(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    tr_in(lang(), id, args)
}

/// `tr` in the language `chosen`.
pub(crate) fn tr_in(chosen: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let args = (!args.is_empty()).then(|| {
        let mut fa = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fa.set(*name, value.clone());
        }
        fa
    });
    for lang in [chosen, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args.as_ref(), &mut errors);
            return text.into_owned();
        }
    }
    id.to_string()
}

/// A kind of thing named in messages ("institution file") in `lang`: the catalogs'
/// `noun-institution-file`, or the kind itself where they have none.
pub(crate) fn noun_in(lang: Lang, kind: &str) -> String {
    let id = format!("noun-{}", kind.replace(' ', "-"));
    match tr_in(lang, &id, &[]) {
        missing if missing == id => kind.to_string(),
        found => found,
    }
}

/// The plural of `noun_in` ("category" → "categories"; Chinese nouns have none).
pub(crate) fn plural_in(lang: Lang, kind: &str) -> String {
    let noun = noun_in(lang, kind);
    if lang == Lang::Zh {
        return noun;
    }
    match noun.as_str() {
        "person" => "people".to_string(),
        k if k.ends_with('y') => format!("{}ies", &k[..k.len() - 1]),
        k => format!("{k}s"),
    }
}

/// Text as a message argument (paths, ids, names, anything [`Display`](std::fmt::Display)).
pub fn text<'a>(value: impl Into<Cow<'a, str>>) -> Arg<'a> {
    FluentValue::String(value.into())
}

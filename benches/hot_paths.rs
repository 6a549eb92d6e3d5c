//! Hot paths on the example content: `cargo bench`. Whole-process runs, against Hugo and Typst
//! and at scale, are in `bench/run`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use safeduty::pipeline::{self, Options};
use safeduty::render::{Part, Selection, documents, pdf::linebreak, theme::Theme};

fn hot_paths(c: &mut Criterion) {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let model = safeduty::checked::check(&content, |_| {}).model.expect("the example content checks clean");
    let theme = Theme::load(None).expect("built-in theme");

    // Chinese line breaking of a post's whole duty list as one paragraph, 28 characters a line.
    let text: String = model.institutions[0].posts[0].duties.iter().map(|d| d.text.as_str()).collect();
    c.bench_function("linebreak::fill, a post's duties", |b| {
        b.iter(|| linebreak::fill(black_box(&text), |_| 16.0, 0.0, 26.0 * 16.0, 28.0 * 16.0))
    });

    // Every card's and letter's text from the theme's Markdown templates, and its code.
    c.bench_function("documents::all, example content", |b| b.iter(|| documents::all(black_box(&model), &theme)));

    let only = |part: Part, institution: Option<&str>| Options {
        selection: Selection {
            parts: Some([part].into_iter().collect()),
            institutions: institution.map(|i| [i.to_string()].into_iter().collect()),
        },
        search: false,
        ..Default::default()
    };
    // Every page template of the site (no search index), into memory.
    let site = only(Part::Site, None);
    c.bench_function("site pages, example content (no search index)", |b| {
        b.iter(|| pipeline::build_in_memory(&model, &[], &content, &site).expect("site builds"))
    });

    // Layout and writing of one institution's letters (singles and combined files). Without a
    // CJK font no PDF is made and this measures the rest.
    let letters = only(Part::Letters, Some("wsq-tuke"));
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function("letters of wsq-tuke (15 letters and combined files)", |b| {
        b.iter(|| pipeline::build_in_memory(&model, &[], &content, &letters).expect("letters build"))
    });
    group.finish();
}

criterion_group!(benches, hot_paths);
criterion_main!(benches);

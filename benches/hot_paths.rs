//! Hot paths on the example content: `cargo bench`. Whole-process runs, against Hugo and Typst
//! and at scale, are in `bench/run`.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use safeduty::bench;

fn hot_paths(c: &mut Criterion) {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let model = safeduty::checked::check(&content, |_| {}).model.expect("the example content checks clean");

    // Chinese line breaking of a post's whole duty list as one paragraph, 28 characters a line.
    let text = bench::duties(&model);
    c.bench_function("linebreak::fill, a post's duties", |b| b.iter(|| bench::fill(black_box(&text))));

    // Every card's and letter's text from the theme's Markdown templates, and its code.
    let theme = bench::theme();
    c.bench_function("documents::all, example content", |b| b.iter(|| bench::documents(black_box(&model), &theme)));

    // Every page template of the site (no search index), into memory.
    c.bench_function("site pages, example content (no search index)", |b| {
        b.iter(|| bench::build(&model, &content, None))
    });

    // Layout and writing of one institution's letters (singles and combined files). Without a
    // CJK font no PDF is made and this measures the rest.
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    group.bench_function("letters of wsq-tuke (15 letters and combined files)", |b| {
        b.iter(|| bench::build(&model, &content, Some("wsq-tuke")))
    });
    group.finish();
}

criterion_group!(benches, hot_paths);
criterion_main!(benches);

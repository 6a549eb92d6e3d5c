//! safeduty turns version-controlled YAML describing the safety duties of every post of a
//! health institution (全员安全生产责任制) into a static intranet site and print-ready documents.
//!
//! The stages, ordered in [`checked`] and [`pipeline`]: `load` (YAML with source positions) →
//! `check` (all problems as [`diagnostic`]s) → `resolve` (the [`model`] every renderer reads)
//! → [`render`] (one renderer per output) → `write` (atomic swap of the output folder).
//!
//! The binary is the crate's user; what is public beside the command line ([`cli::main`]) is
//! what the integration tests and the benchmarks call. Everything else is `pub(crate)`.

pub(crate) mod amend;
#[doc(hidden)]
pub mod bench;
pub(crate) mod check;
pub mod checked;
pub mod cli;
pub(crate) mod date;
pub mod diagnostic;
pub(crate) mod error;
pub(crate) mod fence;
pub(crate) mod history;
pub mod i18n;
pub(crate) mod init;
pub mod lints;
pub mod load;
pub mod model;
pub(crate) mod notes;
pub(crate) mod numerals;
pub mod pipeline;
pub(crate) mod progress;
pub(crate) mod raw;
pub mod render;
pub(crate) mod resolve;
pub(crate) mod serve;
pub(crate) mod session;
pub mod source;
pub(crate) mod synth;
pub(crate) mod write;

/// Locks `m`, also after a thread panicked while holding it: the preview keeps serving after a
/// failed renderer, and what our locks guard (caches, collected files) is whole between
/// statements, so it is taken as it is.
pub(crate) fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Frees `value` on a thread of its own. What a build made (a county's documents, a province's
/// model: millions of allocations) is freed one allocation at a time, which neither the output's
/// swap into place nor the user need wait for; a process that ends first leaves it all to the OS.
pub(crate) fn drop_aside<T: Send + 'static>(value: T) {
    // Without a thread (spawn failed), `value` was freed by the failed spawn, here.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

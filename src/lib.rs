//! safeduty turns version-controlled YAML describing the safety duties of every post of a
//! health institution (全员安全生产责任制) into a static intranet site and print-ready documents.
//!
//! The pipeline, ordered in [`pipeline`]: [`load`] (YAML with source positions) → [`check`]
//! (all problems as [`diagnostic`]s) → [`resolve`] (the [`model`] every renderer reads) →
//! [`render`] (one renderer per output) → [`write`] (atomic swap of the output folder).

pub mod check;
pub mod checked;
pub mod cli;
pub mod diagnostic;
pub mod error;
pub mod fence;
pub mod history;
pub mod init;
pub mod lints;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod progress;
pub mod raw;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod source;
pub mod synth;
pub mod write;

/// Locks `m`, also after a thread panicked while holding it: the preview keeps serving after a
/// failed renderer, and what our locks guard (caches, collected files) is whole between
/// statements, so it is taken as it is.
pub fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

//! Stage 4, render: each output is a [`Renderer`] fed the same resolved model, writing into
//! its own folder of the (temporary) output directory.

mod data;
mod markdown;
pub mod site;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Model;

pub use data::DataRenderer;
pub use site::SiteRenderer;

pub struct RenderContext<'a> {
    pub model: &'a Model,
    /// Root of the output being built (a temporary folder until the build succeeds).
    pub out: &'a Path,
    /// The content folder: themes and evidence files are found relative to it.
    pub content_root: &'a Path,
}

impl RenderContext<'_> {
    /// Writes a file below the output root, creating folders as needed.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<PathBuf> {
        let path = self.out.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io("create folder", parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::io("write", &path, e))?;
        Ok(path)
    }
}

pub trait Renderer {
    fn name(&self) -> &'static str;
    fn render(&self, ctx: &RenderContext) -> Result<()>;
}

/// The renderers of a full build, in order.
pub fn all() -> Vec<Box<dyn Renderer>> {
    vec![Box::new(DataRenderer), Box::new(SiteRenderer)]
}

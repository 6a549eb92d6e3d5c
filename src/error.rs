//! Errors that stop a build after the content was found valid: I/O and rendering.

use std::fmt;
use std::path::Path;

#[derive(Debug)]
pub(crate) struct Error {
    pub(crate) message: String,
}

pub(crate) type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Error { message: message.into() }
    }

    /// An I/O error with the path it happened on.
    pub(crate) fn io(action: &str, path: &Path, err: std::io::Error) -> Self {
        Error::new(format!("cannot {action} {}: {err}", path.display()))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

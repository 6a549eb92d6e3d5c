//! Errors that stop a command, as opposed to findings in the content (those are
//! [`Diagnostic`](crate::diagnostic::Diagnostic)s, all reported at once). Each says what failed
//! and, where it knows, what to do; its kind says whose it is to fix.

use std::fmt;
use std::path::Path;

/// Whose problem an error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A file or folder could not be read or written.
    Io,
    /// The command line asks for what cannot be: a bad date, an unknown id, a folder that is
    /// not a content folder.
    Usage,
    /// The content has errors (already reported as diagnostics), so nothing is made from it.
    Content,
    /// The theme: a template that does not render, a PDF style or the fonts it names.
    Theme,
    /// The output folder is not the build's to replace.
    Output,
    /// The content's git history cannot be read, or has no such version.
    History,
    /// The search index or a PDF could not be made: a fault of safeduty or a library.
    Internal,
}

#[derive(Debug, Clone)]
pub(crate) struct Error {
    pub(crate) kind: Kind,
    pub(crate) message: String,
}

pub(crate) type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub(crate) fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into() }
    }

    /// An I/O error with the path it happened on.
    pub(crate) fn io(action: &str, path: &Path, err: std::io::Error) -> Self {
        Error::new(Kind::Io, format!("cannot {action} {}: {err}", path.display()))
    }

    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Error::new(Kind::Usage, message)
    }

    pub(crate) fn theme(message: impl Into<String>) -> Self {
        Error::new(Kind::Theme, message)
    }

    pub(crate) fn content(message: impl Into<String>) -> Self {
        Error::new(Kind::Content, message)
    }

    pub(crate) fn history(message: impl Into<String>) -> Self {
        Error::new(Kind::History, message)
    }

    pub(crate) fn internal(message: impl Into<String>) -> Self {
        Error::new(Kind::Internal, message)
    }

    /// The same error, its message led by what was being done (`"letters renderer: …"`).
    pub(crate) fn context(self, what: impl fmt::Display) -> Self {
        Error { message: format!("{what}: {}", self.message), ..self }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

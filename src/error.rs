//! Errors that stop a command, as opposed to findings in the content (those are
//! [`Diagnostic`](crate::diagnostic::Diagnostic)s, all reported at once). Each says what failed
//! and, where it knows, what to do; its kind says whose it is to fix.

use std::fmt;
use std::path::Path;

use crate::t;

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

    /// An I/O error with the path it happened on: "cannot {action} {path}: {reason}". `action`
    /// is an English verb phrase; the common ones ("read", "write", "create folder", ...) are
    /// said in Chinese as whole sentences (see `error-io` in run.ftl), others name the action.
    pub(crate) fn io(action: &str, path: &Path, err: std::io::Error) -> Self {
        let key = match action {
            "read" => "read",
            "write" => "write",
            "create" => "create",
            "create folder" => "create-folder",
            "remove" => "remove",
            "rename" => "rename",
            "copy" => "copy",
            "open" => "open",
            "find" => "find",
            "look at" => "look-at",
            "move aside" => "move-aside",
            "move into place" => "move-into-place",
            "restore" => "restore",
            "replace" => "replace",
            "swap in the new output for" => "swap-in",
            "read font" => "read-font",
            "read the scan" => "read-scan",
            "open the content folder" => "open-content",
            _ => "other",
        };
        let path = path.display().to_string();
        Error::new(Kind::Io, t!("error-io", key, action, path, reason = os_reason(&err)))
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
        Error { message: t!("error-context", what = what.to_string(), message = self.message), ..self }
    }
}

/// What the system said of an I/O error: its own words in English; in Chinese, the common
/// kinds said in Chinese (a file that does not exist, no permission, a full disk...), others in
/// the system's words.
pub(crate) fn os_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let kind = match err.kind() {
        K::NotFound => "not-found",
        K::PermissionDenied => "permission-denied",
        K::AlreadyExists => "already-exists",
        K::IsADirectory => "is-a-directory",
        K::NotADirectory => "not-a-directory",
        K::DirectoryNotEmpty => "directory-not-empty",
        K::StorageFull => "storage-full",
        K::QuotaExceeded => "quota-exceeded",
        K::ReadOnlyFilesystem => "read-only-filesystem",
        K::InvalidData => "invalid-data",
        K::InvalidFilename => "invalid-filename",
        K::FileTooLarge => "file-too-large",
        K::ResourceBusy | K::ExecutableFileBusy => "resource-busy",
        K::CrossesDevices => "crosses-devices",
        K::TooManyLinks => "too-many-links",
        K::UnexpectedEof => "unexpected-eof",
        K::TimedOut => "timed-out",
        K::OutOfMemory => "out-of-memory",
        K::AddrInUse => "addr-in-use",
        K::AddrNotAvailable => "addr-not-available",
        K::Unsupported => "unsupported",
        _ => "other",
    };
    t!("error-os", kind, os = err.to_string())
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

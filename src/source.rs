//! The files an author wrote, kept in memory so that every diagnostic can quote them.

/// Index of a file in [`Sources`].
pub type FileId = usize;

/// One file of the content tree.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the content root, with `/` separators: what diagnostics print. Shared
    /// with the preview's copy of the last content.
    pub(crate) name: std::sync::Arc<str>,
    /// Shared with the preview's cache of parsed files: a rebuild neither copies nor frees it.
    pub text: std::sync::Arc<str>,
}

/// Every file that was read, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    pub(crate) fn add(&mut self, name: impl Into<std::sync::Arc<str>>, text: std::sync::Arc<str>) -> FileId {
        self.files.push(SourceFile { name: name.into(), text });
        self.files.len() - 1
    }

    /// The text of file `id` after it was read again.
    pub(crate) fn set_text(&mut self, id: FileId, text: std::sync::Arc<str>) {
        self.files[id].text = text;
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    /// Every file with its id, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate()
    }
}

/// A place in a source file: byte range for snippets, line and column (1-based, in characters) for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    pub line: u32,
    pub column: u32,
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// The start of a file: for findings about a whole file.
    pub(crate) fn file_start(file: FileId) -> Self {
        Span { file, line: 1, column: 1, start: 0, end: 0 }
    }

    /// Converts a position reported by the YAML parser. `offset` shifts it for YAML that sits
    /// inside a larger file (Markdown front matter).
    pub(crate) fn from_yaml(file: FileId, loc: &serde_saphyr::Location, offset: Offset) -> Self {
        let span = loc.span();
        let start = span.byte_offset().unwrap_or(0) as usize + offset.bytes;
        let len = span.byte_len().unwrap_or(0) as usize;
        Span {
            file,
            line: loc.line().max(1) as u32 + offset.lines,
            column: loc.column().max(1) as u32,
            start,
            end: start + len,
        }
    }
}

/// Where an embedded YAML document starts inside its file.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Offset {
    pub(crate) lines: u32,
    pub(crate) bytes: usize,
}

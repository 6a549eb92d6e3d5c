//! `safeduty init`: a new content tree with the five role categories of the seed's annex and a
//! commented example institution that passes `check` as it is.

use std::path::Path;

use crate::error::{Error, Result};

/// (path in the new tree, contents). The categories are the ones of the example content, so
/// there is a single transcription of the annex in the repository.
const FILES: &[(&str, &str)] = &[
    ("safeduty.yaml", include_str!("scaffold/safeduty.yaml")),
    ("categories/principal.yaml", include_str!("../../content/categories/principal.yaml")),
    ("categories/deputy-safety.yaml", include_str!("../../content/categories/deputy-safety.yaml")),
    ("categories/leadership.yaml", include_str!("../../content/categories/leadership.yaml")),
    ("categories/safety-officer.yaml", include_str!("../../content/categories/safety-officer.yaml")),
    ("categories/employee.yaml", include_str!("../../content/categories/employee.yaml")),
    ("institutions/example/institution.yaml", include_str!("scaffold/institutions/example/institution.yaml")),
    ("institutions/example/departments.yaml", include_str!("scaffold/institutions/example/departments.yaml")),
    ("institutions/example/people.yaml", include_str!("scaffold/institutions/example/people.yaml")),
    ("institutions/example/posts/director.yaml", include_str!("scaffold/institutions/example/posts/director.yaml")),
    (
        "institutions/example/posts/deputy-director.yaml",
        include_str!("scaffold/institutions/example/posts/deputy-director.yaml"),
    ),
    (
        "institutions/example/posts/safety-officer.yaml",
        include_str!("scaffold/institutions/example/posts/safety-officer.yaml"),
    ),
    ("institutions/example/posts/nurse.yaml", include_str!("scaffold/institutions/example/posts/nurse.yaml")),
    ("institutions/example/records/hazards.yaml", include_str!("scaffold/institutions/example/records/hazards.yaml")),
    (
        "institutions/example/records/checklist.yaml",
        include_str!("scaffold/institutions/example/records/checklist.yaml"),
    ),
    (
        "institutions/example/records/inspections.yaml",
        include_str!("scaffold/institutions/example/records/inspections.yaml"),
    ),
    ("pages/about.md", include_str!("scaffold/pages/about.md")),
];

pub(crate) fn init(dir: &Path) -> Result<()> {
    if dir.exists() && std::fs::read_dir(dir).map_err(|e| Error::io("read", dir, e))?.next().is_some() {
        return Err(Error::usage(crate::t!("init-not-empty", dir = dir.display().to_string())));
    }
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io("write", &path, e))?;
    }
    Ok(())
}

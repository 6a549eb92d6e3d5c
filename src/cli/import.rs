//! `safeduty import`: the roster HR keeps (姓名, 科室, 岗位, optional 工号 and 职称; .xlsx, or CSV
//! in UTF-8 or GBK) into an institution's `people.yaml`. Departments and posts are matched by
//! their names and never guessed: an unknown one is listed with its row. The people are matched
//! to those already listed (by 工号, else by name, homonyms by department), and what changes is
//! shown first: who joins, leaves or moves. Only `--write` writes, through `amend` (comments
//! between entries kept), and the content is checked again: if it fails (someone who leaves
//! still owns a hazard, say), the file is restored and the check says what to settle first.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

use pinyin::ToPinyin;

use super::history::current;
use crate::amend::{self, Change};
use crate::error::{Error, Result};
use crate::load::sheet;
use crate::model::{Institution, Person};
use crate::t;

/// A row of the roster, its department and posts found.
struct Row {
    line: usize,
    name: String,
    number: Option<String>,
    title: Option<String>,
    posts: Vec<String>,
}

/// The people file as it will be.
struct Plan {
    /// Rows of people not listed yet, with the ids made for them.
    joins: Vec<(String, Row)>,
    /// People listed and not in the roster.
    leaves: Vec<String>,
    /// Listed people whose posts, title or 工号 the roster changes: id → row.
    changes: BTreeMap<String, Row>,
    unchanged: usize,
}

pub(crate) fn import(dir: &Path, roster: &Path, institution: &str, write: bool) -> Result<i32> {
    let model = current(dir)?;
    let Some(inst) = model.institution(institution) else {
        let ids = model.institutions.iter().map(|i| i.id.as_str());
        let hint = crate::diagnostic::did_you_mean(institution, ids).unwrap_or_default();
        return Err(Error::usage(t!("cli-no-institution", id = institution, hint)));
    };
    let rows = read(roster, inst)?;
    let plan = plan(inst, rows);
    let mut out = String::new();
    let name = inst.short_name.as_deref().unwrap_or(&inst.name);
    let (joins, leaves, changes) = (plan.joins.len(), plan.leaves.len(), plan.changes.len());
    let _ = writeln!(out, "{}", t!("import-summary", name, joins, leaves, changes, unchanged = plan.unchanged));
    let posts = |ids: &[String]| {
        ids.iter().map(|p| inst.post(p).map_or(p.as_str(), |x| x.name.as_str())).collect::<Vec<_>>().join("、")
    };
    for (id, row) in &plan.joins {
        let line = t!("import-join", name = row.name.as_str(), id = id.as_str(), posts = posts(&row.posts));
        let _ = writeln!(out, "  {line}");
    }
    for id in &plan.leaves {
        let p = inst.person(id).expect("listed");
        let line = t!("import-leave", name = p.name.as_str(), id = id.as_str(), posts = posts(&p.posts));
        let _ = writeln!(out, "  {line}");
    }
    for (id, row) in &plan.changes {
        let p = inst.person(id).expect("listed");
        let (was, now) = (posts(&p.posts), posts(&row.posts));
        let (name, id) = (p.name.as_str(), id.as_str());
        let line = if was == now {
            t!("import-change-details", name, id, posts = was)
        } else {
            t!("import-change-posts", name, id, was, now)
        };
        let _ = writeln!(out, "  {line}");
    }
    if plan.joins.is_empty() && plan.leaves.is_empty() && plan.changes.is_empty() {
        eprint!("{out}");
        return Ok(0);
    }
    let path = dir.join("institutions").join(&inst.id).join("people.yaml");
    if !write {
        let _ = writeln!(out, "{}", t!("import-not-written", path = path.display().to_string()));
        eprint!("{out}");
        return Ok(0);
    }
    let (text, old) = amend::read_text(&path)?;
    let added: String = plan.joins.iter().map(|(id, row)| entry(id, row)).collect();
    let new = amend::rewrite_root_list(
        &text,
        |fields| {
            let Some(id) = fields.get("id").and_then(|v| v.as_str()) else { return Change::Keep };
            if plan.leaves.iter().any(|l| l == id) {
                Change::Remove
            } else if let Some(row) = plan.changes.get(id) {
                Change::Replace(entry(id, row))
            } else {
                Change::Keep
            }
        },
        &added,
    );
    let edit = amend::Edit { path: path.clone(), old, new: new.into_bytes() };
    if let Err(findings) = amend::apply_checked(dir, &[edit], &[])? {
        return Err(Error::content(t!("import-not-checked", out, findings, path = path.display().to_string())));
    }
    let _ = writeln!(out, "{}", t!("cli-wrote", path = path.display().to_string()));
    eprint!("{out}");
    Ok(0)
}

/// A person's entry in people.yaml, in the file's block style.
fn entry(id: &str, row: &Row) -> String {
    let mut e = format!("- id: {id}\n  name: {}\n", amend::scalar(&row.name));
    if let Some(title) = &row.title {
        let _ = writeln!(e, "  title: {}", amend::scalar(title));
    }
    if let Some(number) = &row.number {
        // Quoted always: 工号 0123 is text, not the number 123.
        let _ = writeln!(e, "  number: {}", serde_json::to_string(number).unwrap_or_default());
    }
    let _ = writeln!(e, "  posts: [{}]", row.posts.join(", "));
    e
}

/// The roster's rows, each with its department and posts found in the institution; every
/// department or post that is not there is an error, all listed at once.
fn read(path: &Path, inst: &Institution) -> Result<Vec<Row>> {
    let cells = sheet::table_of(path, None).map_err(Error::usage)?;
    let shown = path.display().to_string();
    let Some(header) = cells.iter().position(|r| r.iter().any(|c| c == "姓名")) else {
        return Err(Error::usage(t!("import-no-header", roster = shown)));
    };
    let column = |title: &str| cells[header].iter().position(|c| c == title);
    let (Some(name_at), Some(dept_at), Some(post_at)) = (column("姓名"), column("科室"), column("岗位")) else {
        return Err(Error::usage(t!("import-missing-columns", roster = shown)));
    };
    let (number_at, title_at) = (column("工号"), column("职称"));
    let mut rows = Vec::new();
    let mut problems = String::new();
    for (i, cells) in cells.iter().enumerate().skip(header + 1) {
        let cell = |at: Option<usize>| at.and_then(|a| cells.get(a)).map(|c| c.trim()).filter(|c| !c.is_empty());
        let Some(name) = cell(Some(name_at)) else { continue };
        let line = i + 1;
        let dept_name = cell(Some(dept_at)).unwrap_or_default();
        let Some(dept) = inst.departments.iter().find(|d| d.name == dept_name || d.id == dept_name) else {
            let names = inst.departments.iter().map(|d| d.name.as_str());
            let hint = crate::diagnostic::did_you_mean(dept_name, names).unwrap_or_default();
            let institution = inst.name.as_str();
            let message = t!("import-row-no-department", row = line, name, department = dept_name, institution, hint);
            let _ = writeln!(problems, "{message}");
            continue;
        };
        let mut posts = Vec::new();
        let in_dept =
            |name: &str| inst.posts.iter().find(|p| p.department == dept.id && (p.name == name || p.id == name));
        let anywhere = |name: &str| inst.posts.iter().filter(|p| p.name == name).collect::<Vec<_>>();
        // Several posts are separated by 、, unless the whole cell is one post's name
        // (党委副书记、纪委书记).
        let written = cell(Some(post_at)).unwrap_or_default();
        let whole = in_dept(written).is_some() || anywhere(written).len() == 1;
        let names: Vec<&str> =
            if whole { vec![written] } else { written.split(['、', '，', ',', '；', ';']).map(str::trim).collect() };
        for post_name in names {
            let (in_dept, anywhere) = (in_dept(post_name), anywhere(post_name));
            match (in_dept, anywhere.as_slice()) {
                (Some(p), _) => posts.push(p.id.clone()),
                (None, [p]) => posts.push(p.id.clone()),
                _ => {
                    let names: Vec<&str> =
                        inst.posts.iter().filter(|p| p.department == dept.id).map(|p| p.name.as_str()).collect();
                    let posts = if names.is_empty() { t!("import-no-posts") } else { names.join("、") };
                    let department = dept.name.as_str();
                    let message = t!("import-row-no-post", row = line, name, post = post_name, department, posts);
                    let _ = writeln!(problems, "{message}");
                }
            }
        }
        rows.push(Row {
            line,
            name: name.to_string(),
            number: cell(number_at).map(str::to_string),
            title: cell(title_at).map(str::to_string),
            posts,
        });
    }
    if !problems.is_empty() {
        return Err(Error::usage(t!("import-refused", problems, roster = shown)));
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &rows {
        if let Some(number) = &row.number
            && let Some(first) = seen.insert(number, row.line)
        {
            let (roster, second, number) = (shown.as_str(), row.line, number.as_str());
            return Err(Error::usage(t!("import-same-number", roster, first, second, number)));
        }
    }
    Ok(rows)
}

/// Who joins, leaves or changes: each row matched to a listed person by 工号, else by name
/// (among homonyms, the one whose first post is in the row's department).
fn plan(inst: &Institution, rows: Vec<Row>) -> Plan {
    let mut unmatched: Vec<&Person> = inst.people.iter().collect();
    let mut plan = Plan { joins: Vec::new(), leaves: Vec::new(), changes: BTreeMap::new(), unchanged: 0 };
    let mut new_rows = Vec::new();
    let department = |posts: &[String]| posts.first().and_then(|p| inst.post(p)).map(|p| p.department.clone());
    for row in rows {
        let by_number = row.number.as_ref().and_then(|n| unmatched.iter().position(|p| p.number.as_ref() == Some(n)));
        let by_name = || {
            let same: Vec<usize> = (0..unmatched.len())
                .filter(|&i| unmatched[i].name == row.name && (row.number.is_none() || unmatched[i].number.is_none()))
                .collect();
            match same.as_slice() {
                [one] => Some(*one),
                [] => None,
                many => {
                    let dept = department(&row.posts);
                    many.iter().copied().find(|&i| department(&unmatched[i].posts) == dept)
                }
            }
        };
        let Some(at) = by_number.or_else(by_name) else {
            new_rows.push(row);
            continue;
        };
        let person = unmatched.remove(at);
        let same = person.posts == row.posts
            && (row.title.is_none() || row.title == person.title)
            && (row.number.is_none() || row.number == person.number);
        if same {
            plan.unchanged += 1;
        } else {
            let row = Row {
                title: row.title.clone().or_else(|| person.title.clone()),
                number: row.number.clone().or_else(|| person.number.clone()),
                ..row
            };
            plan.changes.insert(person.id.clone(), row);
        }
    }
    plan.leaves = unmatched.iter().map(|p| p.id.clone()).collect();
    // Ids of those who left stay taken: a letter or record of the past may name them.
    let mut taken: BTreeSet<String> = inst.people.iter().map(|p| p.id.clone()).collect();
    for row in new_rows {
        let base = id_of(&row.name);
        let id = (1..).map(|n| if n == 1 { base.clone() } else { format!("{base}{n}") }).find(|id| !taken.contains(id));
        let id = id.unwrap_or(base);
        taken.insert(id.clone());
        plan.joins.push((id, row));
    }
    plan
}

/// Surnames whose reading as a surname is not the character's common one.
const SURNAMES: &[(char, &str)] = &[
    ('单', "shan"),
    ('曾', "zeng"),
    ('解', "xie"),
    ('仇', "qiu"),
    ('朴', "piao"),
    ('查', "zha"),
    ('区', "ou"),
    ('盖', "ge"),
    ('缪', "miao"),
    ('覃', "qin"),
    ('翟', "zhai"),
    ('乐', "yue"),
    ('尉', "yu"),
    ('员', "yun"),
    ('长', "zhang"),
    ('重', "chong"),
    ('种', "chong"),
    ('秘', "bi"),
    ('隗', "wei"),
    ('冼', "xian"),
];

/// Two-character surnames (复姓): the id keeps them together, `ouyang-xiu`.
const COMPOUND: &[&str] = &[
    "欧阳", "上官", "司马", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒",
    "端木", "独孤", "南宫", "轩辕", "西门", "百里",
];

/// An id from a name, as the example writes them by hand: the surname's pinyin, a dash, the
/// given name's (张志强 → zhang-zhiqiang); letters and digits of a name written in Latin kept.
pub(crate) fn id_of(name: &str) -> String {
    if !name.chars().any(|c| c.to_pinyin().is_some()) {
        let words: Vec<String> = name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        return if words.is_empty() { "person".to_string() } else { words.join("-") };
    }
    let chars: Vec<char> = name.chars().filter(|c| !c.is_whitespace() && !matches!(c, '·' | '•' | '.')).collect();
    let surname = if chars.len() > 2 && COMPOUND.iter().any(|s| name.starts_with(s)) { 2 } else { 1 };
    let syllable = |c: char, first: bool| -> String {
        if first && let Some((_, s)) = SURNAMES.iter().find(|(x, _)| *x == c) {
            return s.to_string();
        }
        match c.to_pinyin() {
            // ü as v (lv, nv), as ids are ASCII.
            Some(p) => p.plain().replace('ü', "v"),
            None if c.is_ascii_alphanumeric() => c.to_ascii_lowercase().to_string(),
            None => String::new(),
        }
    };
    let head: String = chars.iter().take(surname).enumerate().map(|(i, c)| syllable(*c, i == 0)).collect();
    let tail: String = chars.iter().skip(surname).map(|c| syllable(*c, false)).collect();
    let id = match (head.is_empty(), tail.is_empty() || chars.len() == 1) {
        (true, _) => tail,
        (false, true) => head,
        (false, false) => format!("{head}-{tail}"),
    };
    if id.is_empty() { "person".to_string() } else { id }
}

#[cfg(test)]
mod tests {
    use super::id_of;

    #[test]
    fn ids_are_made_of_the_pinyin_of_surname_and_given_name() {
        for (name, id) in [
            ("张志强", "zhang-zhiqiang"),
            ("李娜", "li-na"),
            ("单雄", "shan-xiong"),
            ("曾国藩", "zeng-guofan"),
            ("欧阳修", "ouyang-xiu"),
            ("吕秀才", "lv-xiucai"),
            ("乌云其其格", "wu-yunqiqige"),
            ("Anna Li", "anna-li"),
        ] {
            assert_eq!(id_of(name), id, "{name}");
        }
    }
}

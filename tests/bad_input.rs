//! The table of bad inputs: each case changes the valid `minimal` fixture in one way and
//! asserts the diagnostic (code, file, line, column, message), the exit code, and that a
//! failed `build` leaves the previous output untouched.

mod common;

use common::*;
use serde_json::Value;

/// One change to the content tree (paths under `content/`).
enum Edit {
    /// Writes a text file.
    W(&'static str, &'static str),
    /// Writes bytes (text in another encoding).
    Bytes(&'static str, &'static [u8]),
    /// Deletes a file.
    Del(&'static str),
    /// Makes a symbolic link; `{secret}` in the target stands for a file outside the content
    /// folder that holds `SECRET`, which must never appear in any output.
    Link(&'static str, &'static str),
    /// Makes a FIFO.
    Fifo(&'static str),
}

use Edit::*;

/// What the file outside the content folder holds.
const SECRET: &str = "TOP-SECRET-3f9a";

struct Case {
    name: &'static str,
    files: &'static [Edit],
    code: &'static str,
    file: &'static str,
    line: u64,
    column: u64,
    /// Must appear in the message.
    message: &'static str,
    /// Must appear in the help line, when given.
    help: Option<&'static str>,
}

const NURSE: &str = "institutions/clinic/posts/nurse.yaml";
const INST: &str = "institutions/clinic/institution.yaml";
const PEOPLE: &str = "institutions/clinic/people.yaml";
const DEPTS: &str = "institutions/clinic/departments.yaml";
const SIGNING: &str = "institutions/clinic/signing.yaml";
const HAZARDS: &str = "institutions/clinic/records/hazards.yaml";
const CHECKLIST: &str = "institutions/clinic/records/checklist.yaml";
const INSPECTIONS: &str = "institutions/clinic/records/inspections.yaml";
const SOURCES: &str = "institutions/clinic/records/major-sources.yaml";
const HAZARDS_CSV: &str = "institutions/clinic/records/hazards.csv";
const INSPECTIONS_CSV: &str = "institutions/clinic/records/inspections.csv";
/// A valid checklist item: the nurse inspects the treatment room monthly.
const CHECK_ITEM: &str =
    "- id: hl-01\n  content: 治疗室锐器盒、消毒剂及氧气瓶存放\n  frequency: monthly\n  level: post\n  post: nurse\n";

/// The fixture's nurse (the head of nursing: a department-level post) with risks from line 9.
macro_rules! nurse_risks {
    ($risks:literal) => {
        concat!(
            "name: 护士\ndepartment: nursing\ncategory: employee\nreports_to: director\n",
            "scope: 本岗位护理区域的安全\nduties:\n  add:\n    - 正确使用医用氧气瓶；\nrisks:\n",
            $risks
        )
    };
}

/// A valid hazard of the ledger, to which a case adds keys (found 2023-01-05, due 2023-01-20).
macro_rules! hazard {
    ($extra:literal) => {
        concat!(
            "- id: 2023-001\n  found: 2023-01-05\n  department: nursing\n  description: 治疗室锐器盒满溢\n",
            "  measure: 及时封存更换\n  owner: zhao-min\n  deadline: 2023-01-20\n",
            $extra
        )
    };
}
/// PDF styles that cannot print.
const STYLE_NAN: &str = "page: { width: 210, height: 297 }\nmargin: { top: 37, left: 28 }\ntype_area: { width: 156, height: 225 }\nlines_per_page: 22\nchars_per_line: 28\nsizes: { title: 22, body: .nan, footer: 10.5 }\nfonts:\n  body: [\"Noto Serif CJK SC\"]\n  heading: [\"Noto Sans CJK SC:bold\"]\n  title: [\"Noto Serif CJK SC:bold\"]\n";
const STYLE_NEGATIVE: &str = "page: { width: 210, height: 297 }\nmargin: { top: 37, left: 28 }\ntype_area: { width: 156, height: 225 }\nlines_per_page: 22\nchars_per_line: 28\nsizes: { title: -22, body: 16, footer: 10.5 }\nfonts:\n  body: [\"Noto Serif CJK SC\"]\n  heading: [\"Noto Sans CJK SC:bold\"]\n  title: [\"Noto Serif CJK SC:bold\"]\n";
const STYLE_TALL: &str = "page: { width: 210, height: 297 }\nmargin: { top: 37, left: 28 }\ntype_area: { width: 156, height: 400 }\nlines_per_page: 22\nchars_per_line: 28\nsizes: { title: 22, body: 16, footer: 10.5 }\nfonts:\n  body: [\"Noto Serif CJK SC\"]\n  heading: [\"Noto Sans CJK SC:bold\"]\n  title: [\"Noto Serif CJK SC:bold\"]\n";

/// A signing record of the nurse's letter, to which a case adds a scan.
macro_rules! signed_nurse {
    ($scan:literal) => {
        concat!("signed:\n  - post: nurse\n    person: zhao-min\n    date: 2023-01-15\n    code: 7QK2-M9XD\n", $scan)
    };
}

const CASES: &[Case] = &[
    Case {
        name: "unclosed quote",
        files: &[W(NURSE, "name: \"护士\ndepartment: nursing\n")],
        code: "yaml-syntax",
        file: NURSE,
        line: 1,
        column: 7,
        message: "YAML syntax error",
        help: Some("closing quotes"),
    },
    Case {
        name: "a key typed with a full-width colon",
        files: &[W(NURSE, "name: 护士\ndepartment: nursing\ncategory：employee\nscope: 护理\n")],
        code: "yaml-syntax",
        file: NURSE,
        line: 3,
        column: 9,
        message: "the key `category` ends with a full-width colon `：`",
        help: Some("`category: employee`"),
    },
    Case {
        name: "tab indentation",
        files: &[W(DEPTS, "- id: leadership\n\tname: 院领导\n")],
        code: "yaml-syntax",
        file: DEPTS,
        line: 2,
        column: 1,
        message: "YAML syntax error",
        help: Some("spaces, not tabs"),
    },
    Case {
        name: "misspelt key in a post",
        files: &[W(
            NURSE,
            "name: 护士\ndepartment: nursing\ncategory: employee\nreports_to: director\nscpoe: 本岗位\n",
        )],
        code: "unknown-key",
        file: NURSE,
        line: 5,
        column: 1,
        message: "unknown key `scpoe` in post file",
        help: Some("did you mean `scope`?"),
    },
    Case {
        name: "misspelt key in an institution",
        files: &[W(INST, "name: 测试卫生院\nkind: township-health-centre\nemployes: 30\n")],
        code: "unknown-key",
        file: INST,
        line: 3,
        column: 1,
        message: "unknown key `employes`",
        help: Some("did you mean `employees`?"),
    },
    Case {
        name: "text where a number is expected",
        files: &[W(INST, "name: 测试卫生院\nkind: township-health-centre\nemployees: 三十\n")],
        code: "wrong-type",
        file: INST,
        line: 3,
        column: 12,
        message: "expected a whole number (0 or more), found `三十`",
        help: Some("digits only"),
    },
    Case {
        name: "Chinese yes for a boolean",
        files: &[W(INST, "name: 测试卫生院\nkind: township-health-centre\nemployees: 30\nhazardous_goods: 是\n")],
        code: "wrong-type",
        file: INST,
        line: 4,
        column: 18,
        message: "expected true or false",
        help: Some("`true` or `false`"),
    },
    Case {
        name: "list where text is expected",
        files: &[W(NURSE, "name: [护士]\ndepartment: nursing\n")],
        code: "wrong-type",
        file: NURSE,
        line: 1,
        column: 7,
        message: "wrong type",
        help: None,
    },
    Case {
        name: "missing required key",
        files: &[W(NURSE, "name: 护士\ncategory: employee\nscope: 本岗位\n")],
        code: "missing-key",
        file: NURSE,
        line: 1,
        column: 1,
        message: "missing key `department` in post file",
        help: Some("add a line `department: …`"),
    },
    Case {
        name: "unknown institution kind",
        files: &[W(INST, "name: 测试卫生院\nkind: hostpital\nemployees: 30\n")],
        code: "unknown-value",
        file: INST,
        line: 2,
        column: 7,
        message: "unknown value `hostpital`",
        help: Some("did you mean `hospital`?"),
    },
    Case {
        name: "same key twice",
        files: &[W(NURSE, "name: 护士\nname: 护师\ndepartment: nursing\n")],
        code: "duplicate-key",
        file: NURSE,
        line: 2,
        column: 1,
        message: "key `name` appears twice",
        help: None,
    },
    Case {
        name: "duplicate person id",
        files: &[W(
            PEOPLE,
            "- id: wang-li\n  name: 王丽\n  posts: [director]\n- id: wang-li\n  name: 王莉\n  posts: [nurse]\n",
        )],
        code: "duplicate-id",
        file: PEOPLE,
        line: 4,
        column: 7,
        message: "duplicate person id `wang-li`",
        help: Some("rename one"),
    },
    Case {
        name: "a staff number (工号) that is not text",
        files: &[W(
            PEOPLE,
            "- id: wang-li\n  name: 王丽\n  number: [1, 2]\n  posts: [director]\n- id: zhao-min\n  name: 赵敏\n  posts: [nurse]\n",
        )],
        code: "wrong-type",
        file: PEOPLE,
        line: 3,
        column: 11,
        message: "expected text",
        help: None,
    },
    Case {
        name: "duplicate post id from .yaml and .yml",
        files: &[W(
            "institutions/clinic/posts/nurse.yml",
            "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\n",
        )],
        code: "duplicate-id",
        file: "institutions/clinic/posts/nurse.yml",
        line: 1,
        column: 1,
        message: "duplicate post id `nurse`",
        help: None,
    },
    Case {
        name: "reference to a missing department",
        files: &[W(NURSE, "name: 护士\ndepartment: nursin\ncategory: employee\nscope: 护理\n")],
        code: "missing-reference",
        file: NURSE,
        line: 2,
        column: 13,
        message: "no department with id `nursin`",
        help: Some("did you mean `nursing`?"),
    },
    Case {
        name: "department referred to by its name",
        files: &[W(NURSE, "name: 护士\ndepartment: 护理组\ncategory: employee\nscope: 护理\n")],
        code: "missing-reference",
        file: NURSE,
        line: 2,
        column: 13,
        message: "no department with id `护理组`",
        help: Some("`护理组` is the name of department `nursing`"),
    },
    Case {
        name: "reference to a missing category",
        files: &[W(NURSE, "name: 护士\ndepartment: nursing\ncategory: employe\nscope: 护理\n")],
        code: "missing-reference",
        file: NURSE,
        line: 3,
        column: 11,
        message: "no category with id `employe`",
        help: Some("did you mean `employee`?"),
    },
    Case {
        name: "person holds a missing post",
        files: &[W(
            PEOPLE,
            "- id: wang-li\n  name: 王丽\n  posts: [director]\n- id: zhao-min\n  name: 赵敏\n  posts: [nurses]\n",
        )],
        code: "missing-reference",
        file: PEOPLE,
        line: 6,
        column: 11,
        message: "no post with id `nurses`",
        help: Some("did you mean `nurse`?"),
    },
    Case {
        name: "parent institution that does not exist",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nparent: wjw\nemployees: 30\nprincipal: director\nleadership_group:\n  chair: director\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
        )],
        code: "missing-reference",
        file: INST,
        line: 3,
        column: 9,
        message: "no institution with id `wjw`",
        help: None,
    },
    Case {
        name: "registered safety engineer who is not a person",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 30\nhazardous_goods: true\nsafety_engineers:\n  - person: li-gong\nprincipal: director\nleadership_group:\n  chair: director\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
        )],
        code: "missing-reference",
        file: INST,
        line: 6,
        column: 13,
        message: "no person with id `li-gong`",
        help: Some("known people: wang-li, zhao-min"),
    },
    Case {
        name: "department tree with a cycle",
        files: &[W(
            DEPTS,
            "- id: leadership\n  name: 院领导\n  parent: nursing\n- id: nursing\n  name: 护理组\n  parent: leadership\n  head: nurse\n",
        )],
        code: "cycle",
        file: DEPTS,
        line: 3,
        column: 11,
        message: "departments form a cycle: leadership → nursing → leadership",
        help: None,
    },
    Case {
        name: "posts that report to each other",
        files: &[W(
            "institutions/clinic/posts/director.yaml",
            "name: 院长\ndepartment: leadership\ncategory: principal\nreports_to: nurse\nscope: 全院\n",
        )],
        code: "cycle",
        file: "institutions/clinic/posts/director.yaml",
        line: 4,
        column: 13,
        message: "posts form a cycle: director → nurse → director",
        help: None,
    },
    Case {
        name: "upper-case person id",
        files: &[W(
            PEOPLE,
            "- id: Wang-Li\n  name: 王丽\n  posts: [director]\n- id: zhao-min\n  name: 赵敏\n  posts: [nurse]\n",
        )],
        code: "unsafe-id",
        file: PEOPLE,
        line: 1,
        column: 7,
        message: "person id `Wang-Li` cannot be used in file names and URLs: it contains upper-case letters",
        help: Some("e.g. `wang-li`"),
    },
    Case {
        name: "space in a post file name",
        files: &[
            Del(NURSE),
            W(
                "institutions/clinic/posts/head nurse.yaml",
                "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\n",
            ),
        ],
        code: "unsafe-id",
        file: "institutions/clinic/posts/head nurse.yaml",
        line: 1,
        column: 1,
        message: "post id `head nurse` cannot be used in file names and URLs: it contains a space",
        help: Some("rename it, e.g. `head-nurse`"),
    },
    Case {
        name: "path traversal in a department id",
        files: &[W(DEPTS, "- id: leadership\n  name: 院领导\n- id: ../nursing\n  name: 护理组\n")],
        code: "unsafe-id",
        file: DEPTS,
        line: 3,
        column: 7,
        message: "a path separator or `..`",
        help: Some("lower-case ASCII letters a-z, digits 0-9"),
    },
    Case {
        name: "double dash in a person id",
        files: &[W(
            PEOPLE,
            "- id: wang--li\n  name: 王丽\n  posts: [director]\n- id: zhao-min\n  name: 赵敏\n  posts: [nurse]\n",
        )],
        code: "unsafe-id",
        file: PEOPLE,
        line: 1,
        column: 7,
        message: "it contains `--`",
        help: Some("may not contain `--`"),
    },
    Case {
        name: "day that does not exist",
        files: &[W("safeduty.yaml", "title: 测试站点\nas_of: 2023-02-30\n")],
        code: "invalid-date",
        file: "safeduty.yaml",
        line: 2,
        column: 8,
        message: "`2023-02-30` is not a valid date",
        help: Some("YYYY-MM-DD"),
    },
    Case {
        name: "revision dated with a day that does not exist",
        files: &[W(
            NURSE,
            "name: 护士\ndepartment: nursing\ncategory: employee\nrevisions:\n  - date: 2023-13-01\n    note: 修订\n",
        )],
        code: "invalid-date",
        file: NURSE,
        line: 5,
        column: 11,
        message: "`2023-13-01` is not a valid date",
        help: Some("YYYY-MM-DD"),
    },
    Case {
        name: "search index parts too small",
        files: &[W("safeduty.yaml", "title: 测试站点\nsearch_part_pages: 10\n")],
        code: "invalid-setting",
        file: "safeduty.yaml",
        line: 2,
        column: 20,
        message: "`search_part_pages: 10` is too small",
        help: Some("100 or more"),
    },
    Case {
        name: "date written the Chinese way in front matter",
        files: &[W("pages/about.md", "---\ntitle: 关于本站\ndate: 2023年1月10日\n---\n\n正文。\n")],
        code: "invalid-date",
        file: "pages/about.md",
        line: 3,
        column: 7,
        message: "`2023年1月10日` is not a valid date",
        help: None,
    },
    Case {
        name: "category with no duties",
        files: &[W(
            "categories/employee.yaml",
            "name: 从业人员\nduties: []\nassessment: [无违章]\nrewards_penalties: [扣绩效]\n",
        )],
        code: "empty-duties",
        file: "categories/employee.yaml",
        line: 2,
        column: 9,
        message: "category `employee` has no duties",
        help: None,
    },
    Case {
        name: "post with no category and no duties",
        files: &[W(
            NURSE,
            "name: 护士\ndepartment: nursing\nscope: 护理\nassessment: [无违章]\nrewards_penalties: [扣绩效]\n",
        )],
        code: "empty-duties",
        file: NURSE,
        line: 1,
        column: 7,
        message: "post `nurse` has no duties",
        help: Some("`category:`"),
    },
    Case {
        name: "removing an item the category does not have",
        files: &[W(
            NURSE,
            "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\nduties:\n  remove: [做好交接班]\n",
        )],
        code: "unknown-item",
        file: NURSE,
        line: 6,
        column: 12,
        message: "no item of 从业人员 begins with “做好交接班”",
        help: None,
    },
    Case {
        name: "an item named by its number",
        files: &[W(
            NURSE,
            "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\nduties:\n  remove: [2]\n",
        )],
        code: "item-by-number",
        file: NURSE,
        line: 6,
        column: 12,
        message: "item 2 is named by its number, which moves when the category changes",
        help: Some("name it by its text: `做好本岗位安全检查`"),
    },
    Case {
        name: "an item named by a number the category does not have",
        files: &[W(
            NURSE,
            "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\nduties:\n  remove: [9]\n",
        )],
        code: "item-by-number",
        file: NURSE,
        line: 6,
        column: 12,
        message: "items are named by their text, not their number",
        help: None,
    },
    Case {
        name: "an item named by text that several items begin with",
        files: &[
            W(
                "categories/employee.yaml",
                "name: 从业人员\nduties:\n  - 做好本岗位安全检查；\n  - 做好本岗位交接班；\nassessment: [合格]\nrewards_penalties: [奖励]\n",
            ),
            W(
                NURSE,
                "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\nduties:\n  remove: [做好本岗位]\n",
            ),
        ],
        code: "unknown-item",
        file: NURSE,
        line: 6,
        column: 12,
        message: "2 items of 从业人员 begin with this text",
        help: Some("1 `做好本岗位安全检查`; 2 `做好本岗位交接班`"),
    },
    Case {
        name: "a category item reworded after the category changed",
        files: &[
            W(
                "categories/employee.yaml",
                "name: 从业人员\nduties:\n  - 做好本岗位安全巡查，发现隐患立即上报；\n  - 其他职责。\nassessment: [合格]\nrewards_penalties: [奖励]\n",
            ),
            W(
                NURSE,
                "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\nduties:\n  remove: [做好本岗位安全检查]\n",
            ),
        ],
        code: "unknown-item",
        file: NURSE,
        line: 6,
        column: 12,
        message: "no item of 从业人员 begins with “做好本岗位安全检查”",
        help: Some("did you mean item 1 `做好本岗位安全巡查`?"),
    },
    Case {
        name: "an empty duty",
        files: &[W(
            NURSE,
            "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\nduties:\n  add:\n    - \"\"\n",
        )],
        code: "empty-duty",
        file: NURSE,
        line: 7,
        column: 7,
        message: "a duty item without text",
        help: None,
    },
    Case {
        name: "an unknown placeholder in the document number style",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 2\ndoc_number: 测卫发〔{year}〕{n}号\nprincipal: director\nleadership_group:\n  chair: director\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
        )],
        code: "invalid-doc-number",
        file: INST,
        line: 4,
        column: 13,
        message: "`{n}` in doc_number is not a placeholder",
        help: Some("`{number}`"),
    },
    Case {
        name: "card numbering style without a number",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 2\ncard_numbers: 测卫清〔{year}〕号\nprincipal: director\nleadership_group:\n  chair: director\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
        )],
        code: "invalid-doc-number",
        file: INST,
        line: 4,
        column: 15,
        message: "card_numbers has no `{number}`: every card would get the same number",
        help: Some("旗医清〔{year}〕{number}号"),
    },
    Case {
        name: "a display period that ends before it starts",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 2\ndisplay:\n  from: 2023-01-13\n  until: 2023-01-09\nprincipal: director\nleadership_group:\n  chair: director\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
        )],
        code: "invalid-period",
        file: INST,
        line: 6,
        column: 10,
        message: "the display (`display`) ends before it starts",
        help: Some("the later one must not come first"),
    },
    Case {
        name: "a display period with a day that does not exist",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 2\ndisplay:\n  from: 2023-02-30\n  until: 2023-03-09\n  contact: 办公室\nprincipal: director\nleadership_group:\n  chair: director\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
        )],
        code: "invalid-date",
        file: INST,
        line: 5,
        column: 9,
        message: "2023-02-30",
        help: None,
    },
    Case {
        name: "an unknown key in the display",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 2\ndisplay:\n  from: 2023-01-09\n  until: 2023-01-13\n  phone: 0477-7512345\nprincipal: director\nleadership_group:\n  chair: director\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
        )],
        code: "unknown-key",
        file: INST,
        line: 7,
        column: 3,
        message: "phone",
        help: Some("contact"),
    },
    Case {
        name: "letters numbered as documents without a style",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 2\nletter_numbers: document\nprincipal: director\nleadership_group:\n  chair: director\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
        )],
        code: "invalid-doc-number",
        file: INST,
        line: 4,
        column: 17,
        message: "letters are numbered as documents, but the institution has no `doc_number`",
        help: Some("register"),
    },
    Case {
        name: "a post that is not a leader supervises a department",
        files: &[W(NURSE, "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\nsupervises: [nursing]\n")],
        code: "supervisor-not-leader",
        file: NURSE,
        line: 5,
        column: 14,
        message: "post `nurse` supervises departments but is not a leadership post",
        help: None,
    },
    Case {
        name: "a leader supervises a department that does not exist",
        files: &[
            W(
                "categories/leader.yaml",
                "name: 领导班子成员\nleadership: true\nduties: [分管领域安全；]\nassessment: [合格]\nrewards_penalties: [奖励]\n",
            ),
            W(
                "institutions/clinic/posts/vice.yaml",
                "name: 副院长\ndepartment: leadership\ncategory: leader\nscope: 分管\nbusiness_duties: [分管护理]\nsupervises: [nurses]\n",
            ),
        ],
        code: "missing-reference",
        file: "institutions/clinic/posts/vice.yaml",
        line: 6,
        column: 14,
        message: "nurses",
        help: Some("nursing"),
    },
    Case {
        name: "a department supervised by two leaders",
        files: &[
            W(
                "categories/leader.yaml",
                "name: 领导班子成员\nleadership: true\nduties: [分管领域安全；]\nassessment: [合格]\nrewards_penalties: [奖励]\n",
            ),
            W(
                "institutions/clinic/posts/vice.yaml",
                "name: 副院长\ndepartment: leadership\ncategory: leader\nscope: 分管\nbusiness_duties: [分管护理]\nsupervises: [nursing]\n",
            ),
            W(
                "institutions/clinic/posts/vice2.yaml",
                "name: 副院长\ndepartment: leadership\ncategory: leader\nscope: 分管\nbusiness_duties: [分管后勤]\nsupervises: [nursing]\n",
            ),
        ],
        code: "duplicate-supervisor",
        file: "institutions/clinic/posts/vice2.yaml",
        line: 6,
        column: 14,
        message: "department `nursing` is supervised by both `vice` and `vice2`",
        help: None,
    },
    Case {
        name: "heads sign with their supervisor, but nobody supervises a department (denied)",
        files: &[
            W("safeduty.yaml", "title: 测试站点\nas_of: 2023-01-10\nlints:\n  unsupervised-department: deny\n"),
            W(
                INST,
                "name: 测试卫生院\nkind: township-health-centre\nemployees: 2\ndepartment_heads_sign_with: supervisor\nprincipal: director\nleadership_group:\n  chair: director\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
            ),
        ],
        code: "unsupervised-department",
        file: DEPTS,
        line: 3,
        column: 7,
        message: "no leader supervises department `nursing`: its head signs with the principal",
        help: Some("supervises:"),
    },
    Case {
        name: "a leader without business duties (denied)",
        files: &[
            W("safeduty.yaml", "title: 测试站点\nas_of: 2023-01-10\nlints:\n  leader-without-business-duties: deny\n"),
            W(
                "categories/leader.yaml",
                "name: 领导班子成员\nleadership: true\nduties: [分管领域安全；]\nassessment: [合格]\nrewards_penalties: [奖励]\n",
            ),
            W(
                "institutions/clinic/posts/vice.yaml",
                "name: 副院长\ndepartment: leadership\ncategory: leader\nscope: 分管\n",
            ),
            W(
                PEOPLE,
                "- id: wang-li\n  name: 王丽\n  posts: [director, vice]\n- id: zhao-min\n  name: 赵敏\n  posts: [nurse]\n",
            ),
        ],
        code: "leader-without-business-duties",
        file: "institutions/clinic/posts/vice.yaml",
        line: 1,
        column: 7,
        message: "leadership post `vice` has no business duties (一岗双责)",
        help: None,
    },
    Case {
        name: "fewer people listed than employed (denied)",
        files: &[
            W("safeduty.yaml", "title: 测试站点\nas_of: 2023-01-10\nlints:\n  staff-coverage: deny\n"),
            W(
                INST,
                "name: 测试卫生院\nkind: township-health-centre\nemployees: 43\nprincipal: director\nleadership_group:\n  chair: director\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
            ),
        ],
        code: "staff-coverage",
        file: INST,
        line: 3,
        column: 12,
        message: "2 people listed for 43 employees: the other 41 have no post and no duties on record",
        help: None,
    },
    Case {
        name: "an item both reworded and removed",
        files: &[W(
            NURSE,
            "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\nduties:\n  replace:\n    - item: 做好本岗位安全检查\n      text: 每班检查；\n  remove: [做好本岗位安全检查]\n",
        )],
        code: "duplicate-item",
        file: NURSE,
        line: 9,
        column: 12,
        message: "item 2 is both reworded and removed",
        help: None,
    },
    Case {
        name: "more than 100 employees with only a part-time officer",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 150\nprincipal: director\nleadership_group:\n  chair: director\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
        )],
        code: "safety-staffing",
        file: INST,
        line: 8,
        column: 3,
        message: "has 150 employees (more than 100) but neither a safety management body nor a full-time safety officer",
        help: Some("type: full-time"),
    },
    Case {
        name: "no safety officer at all",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 30\nprincipal: director\nleadership_group:\n  chair: director\n",
        )],
        code: "safety-staffing",
        file: INST,
        line: 3,
        column: 12,
        message: "测试卫生院 has no safety officer",
        help: None,
    },
    Case {
        name: "hazardous goods without a registered safety engineer",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 30\nhazardous_goods: true\nprincipal: director\nleadership_group:\n  chair: director\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
        )],
        code: "safety-engineer",
        file: INST,
        line: 1,
        column: 7,
        message: "stores hazardous goods but has no registered safety engineer",
        help: Some("safety_engineers"),
    },
    Case {
        name: "no principal",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 30\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
        )],
        code: "missing-principal",
        file: INST,
        line: 1,
        column: 7,
        message: "测试卫生院 has no principal",
        help: None,
    },
    Case {
        name: "leadership group chaired by someone else",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 30\nprincipal: director\nleadership_group:\n  chair: nurse\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\n",
        )],
        code: "leadership-group",
        file: INST,
        line: 6,
        column: 10,
        message: "must be chaired by the principal",
        help: Some("set `chair: director`"),
    },
    Case {
        name: "post without scope",
        files: &[W(NURSE, "name: 护士\ndepartment: nursing\ncategory: employee\n")],
        code: "post-without-scope",
        file: NURSE,
        line: 1,
        column: 7,
        message: "post `nurse` has no scope (责任范围)",
        help: None,
    },
    Case {
        name: "post without assessment criteria",
        files: &[W(NURSE, "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\nassessment: []\n")],
        code: "post-without-assessment",
        file: NURSE,
        line: 1,
        column: 7,
        message: "has no assessment criteria (考核标准)",
        help: None,
    },
    Case {
        name: "person without a post",
        files: &[W(
            PEOPLE,
            "- id: wang-li\n  name: 王丽\n  posts: [director]\n- id: zhao-min\n  name: 赵敏\n  posts: [nurse]\n- id: sun-yu\n  name: 孙宇\n  posts: []\n",
        )],
        code: "person-without-post",
        file: PEOPLE,
        line: 9,
        column: 10,
        message: "孙宇 (`sun-yu`) holds no post",
        help: None,
    },
    Case {
        name: "YAML file outside the layout",
        files: &[W("institutions/clinic/staff.yaml", "- 王丽\n")],
        code: "unknown-file",
        file: "institutions/clinic/staff.yaml",
        line: 1,
        column: 1,
        message: "does not know what this YAML file is",
        help: Some("institutions/<id>/people.yaml"),
    },
    Case {
        name: "page without front matter",
        files: &[W("pages/about.md", "# 关于本站\n\n正文。\n")],
        code: "front-matter",
        file: "pages/about.md",
        line: 1,
        column: 1,
        message: "page has no front matter",
        help: None,
    },
    Case {
        name: "unknown key in front matter",
        files: &[W("pages/about.md", "---\ntitle: 关于本站\nauthor: 办公室\n---\n\n正文。\n")],
        code: "unknown-key",
        file: "pages/about.md",
        line: 3,
        column: 1,
        message: "unknown key `author` in page front matter",
        help: None,
    },
    Case {
        name: "institution folder without institution.yaml",
        files: &[W(
            "institutions/other/posts/doctor.yaml",
            "name: 医师\ndepartment: x\ncategory: employee\nscope: 诊疗\n",
        )],
        code: "missing-file",
        file: "institutions/other/posts/doctor.yaml",
        line: 1,
        column: 1,
        message: "institution folder `other` has no institution.yaml",
        help: None,
    },
    Case {
        name: "misspelt lint name in the config",
        files: &[W("safeduty.yaml", "title: 测试站点\nlints:\n  post-without-holdr: allow\n")],
        code: "unknown-lint",
        file: "safeduty.yaml",
        line: 3,
        column: 23,
        message: "unknown lint `post-without-holdr`",
        help: Some("did you mean `post-without-holder`?"),
    },
    Case {
        name: "signing record for someone who does not hold the post",
        files: &[W(
            "institutions/clinic/signing.yaml",
            "signed:\n  - post: director\n    person: zhao-min\n    date: 2023-01-15\n    code: 7QK2-M9XD\n",
        )],
        code: "not-holder",
        file: "institutions/clinic/signing.yaml",
        line: 3,
        column: 13,
        message: "`zhao-min` does not hold post `director`",
        help: None,
    },
    Case {
        name: "verification code copied wrongly",
        files: &[W(
            "institutions/clinic/signing.yaml",
            "signed:\n  - post: nurse\n    person: zhao-min\n    date: 2023-01-15\n    code: 7QK2M9XD\n",
        )],
        code: "invalid-code",
        file: "institutions/clinic/signing.yaml",
        line: 5,
        column: 11,
        message: "`7QK2M9XD` is not a verification code",
        help: Some("4 characters, a dash, 4 characters"),
    },
    Case {
        name: "scan of a signed letter that is not there",
        files: &[W(
            "institutions/clinic/signing.yaml",
            "signed:\n  - post: nurse\n    person: zhao-min\n    date: 2023-01-15\n    code: 7QK2-M9XD\n    scan: scans/missing.pdf\n",
        )],
        code: "missing-file",
        file: "institutions/clinic/signing.yaml",
        line: 6,
        column: 11,
        message: "no scan at `scans/missing.pdf`",
        help: None,
    },
    Case {
        name: "scan outside the institution's folder",
        files: &[W(
            "institutions/clinic/signing.yaml",
            "signed:\n  - post: nurse\n    person: zhao-min\n    date: 2023-01-15\n    code: 7QK2-M9XD\n    scan: /etc/hostname\n",
        )],
        code: "outside-content",
        file: "institutions/clinic/signing.yaml",
        line: 6,
        column: 11,
        message: "scan `/etc/hostname` leaves its folder",
        help: Some("relative to its folder"),
    },
    Case {
        name: "scan path that climbs out with ..",
        files: &[W(SIGNING, signed_nurse!("    scan: ../../../secret.txt\n"))],
        code: "outside-content",
        file: SIGNING,
        line: 6,
        column: 11,
        message: "scan `../../../secret.txt` leaves its folder",
        help: None,
    },
    Case {
        name: "scan that is a link to a file outside the content",
        files: &[
            Link("institutions/clinic/scans/nurse.pdf", "{secret}"),
            W(SIGNING, signed_nurse!("    scan: scans/nurse.pdf\n")),
        ],
        code: "outside-content",
        file: "institutions/clinic/scans/nurse.pdf",
        line: 1,
        column: 1,
        message: "is a link to",
        help: Some("copy the file into it"),
    },
    Case {
        name: "folder of scans that is a link out of the content",
        files: &[Link("institutions/clinic/scans", "/etc"), W(SIGNING, signed_nurse!("    scan: scans/hostname\n"))],
        code: "outside-content",
        file: "institutions/clinic/scans",
        line: 1,
        column: 1,
        message: "`institutions/clinic/scans` is a link to `/etc`, outside the content folder",
        help: None,
    },
    Case {
        name: "post file that is a link out of the content",
        files: &[Link("institutions/clinic/posts/clerk.yaml", "{secret}")],
        code: "outside-content",
        file: "institutions/clinic/posts/clerk.yaml",
        line: 1,
        column: 1,
        message: "outside the content folder",
        help: None,
    },
    Case {
        name: "link to the git folder",
        files: &[W(".git/config", "[remote]\n"), Link("institutions/clinic/posts/clerk.yaml", "../../../.git/config")],
        code: "outside-content",
        file: "institutions/clinic/posts/clerk.yaml",
        line: 1,
        column: 1,
        message: "a hidden file that is not content",
        help: None,
    },
    Case {
        name: "institution folder that is a link out of the content",
        files: &[Link("institutions/other", "/etc")],
        code: "outside-content",
        file: "institutions/other",
        line: 1,
        column: 1,
        message: "is a link to `/etc`",
        help: None,
    },
    Case {
        name: "dangling link",
        files: &[Link("institutions/clinic/posts/clerk.yaml", "clerk-old.yaml")],
        code: "broken-link",
        file: "institutions/clinic/posts/clerk.yaml",
        line: 1,
        column: 1,
        message: "which does not exist",
        help: None,
    },
    Case {
        name: "link loop",
        files: &[Link("institutions/clinic/posts/again", "..")],
        code: "broken-link",
        file: "institutions/clinic/posts/again",
        line: 1,
        column: 1,
        message: "leads back to a folder containing it",
        help: None,
    },
    Case {
        name: "FIFO as a post file",
        files: &[Fifo("institutions/clinic/posts/clerk.yaml")],
        code: "special-file",
        file: "institutions/clinic/posts/clerk.yaml",
        line: 1,
        column: 1,
        message: "is a FIFO (named pipe), not a file",
        help: None,
    },
    Case {
        name: "post file saved in GBK",
        files: &[Bytes(NURSE, b"name: \xbb\xa4\xca\xbf\ndepartment: nursing\n")],
        code: "read-error",
        file: NURSE,
        line: 1,
        column: 7,
        message: "saved in GBK",
        help: Some("UTF-8"),
    },
    Case {
        name: "people file saved as UTF-16",
        files: &[Bytes(PEOPLE, b"\xff\xfe-\x00 \x00i\x00d\x00")],
        code: "read-error",
        file: PEOPLE,
        line: 1,
        column: 1,
        message: "saved as UTF-16 (little-endian)",
        help: Some("UTF-8"),
    },
    Case {
        name: "file name in upper case",
        files: &[W("institutions/clinic/Institution.yaml", "name: 测试卫生院\n")],
        code: "unknown-file",
        file: "institutions/clinic/Institution.yaml",
        line: 1,
        column: 1,
        message: "names are lower-case",
        help: Some("rename it to `institutions/clinic/institution.yaml`"),
    },
    Case {
        name: "people file saved empty",
        files: &[W(PEOPLE, "")],
        code: "empty-file",
        file: PEOPLE,
        line: 1,
        column: 1,
        message: "the file is empty",
        help: Some("restore it from git"),
    },
    Case {
        name: "people file of comments only",
        files: &[W(PEOPLE, "# 人员名册\n\n")],
        code: "empty-file",
        file: PEOPLE,
        line: 1,
        column: 1,
        message: "the file is empty",
        help: None,
    },
    Case {
        name: "every institution folder gone",
        files: &[Del(INST), Del(PEOPLE), Del(DEPTS), Del(NURSE), Del("institutions/clinic/posts/director.yaml")],
        code: "no-institutions",
        file: ".",
        line: 1,
        column: 1,
        message: "has no institutions",
        help: Some("safeduty init"),
    },
    Case {
        name: "signing pair of a post with itself",
        files: &[W(SIGNING, "pairs:\n  - party_a: nurse\n    party_b: nurse\n")],
        code: "invalid-pair",
        file: SIGNING,
        line: 3,
        column: 14,
        message: "post `nurse` is paired with itself",
        help: None,
    },
    Case {
        name: "item reworded twice",
        files: &[W(
            NURSE,
            "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\nduties:\n  replace:\n    - item: 做好本岗位安全检查\n      text: 每班检查；\n    - item: 做好本岗位\n      text: 每日检查；\n",
        )],
        code: "duplicate-item",
        file: NURSE,
        line: 9,
        column: 13,
        message: "item 2 is reworded twice",
        help: None,
    },
    Case {
        name: "post id that Windows keeps for a device",
        files: &[
            Del(NURSE),
            W(
                "institutions/clinic/posts/aux.yaml",
                "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\n",
            ),
        ],
        code: "unsafe-id",
        file: "institutions/clinic/posts/aux.yaml",
        line: 1,
        column: 1,
        message: "Windows keeps this name for a device",
        help: None,
    },
    Case {
        name: "person id `con`",
        files: &[W(
            PEOPLE,
            "- id: wang-li\n  name: 王丽\n  posts: [director]\n- id: con\n  name: 赵敏\n  posts: [nurse]\n",
        )],
        code: "unsafe-id",
        file: PEOPLE,
        line: 4,
        column: 7,
        message: "Windows keeps this name",
        help: None,
    },
    Case {
        name: "id longer than 64 characters",
        files: &[W(
            PEOPLE,
            "- id: wang-li\n  name: 王丽\n  posts: [director]\n- id: zhao-min-zhao-min-zhao-min-zhao-min-zhao-min-zhao-min-zhao-min-zhao\n  name: 赵敏\n  posts: [nurse]\n",
        )],
        code: "unsafe-id",
        file: PEOPLE,
        line: 4,
        column: 7,
        message: "it is longer than 64 characters",
        help: None,
    },
    Case {
        name: "date of record in year 0",
        files: &[W("safeduty.yaml", "title: 测试站点\nas_of: 0000-01-01\n")],
        code: "invalid-date",
        file: "safeduty.yaml",
        line: 2,
        column: 8,
        message: "`0000-01-01` is not a plausible date",
        help: None,
    },
    Case {
        name: "every unknown key is reported, not only the first",
        files: &[W(
            NURSE,
            "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\nrepots_to: director\nasessment: [无]\n",
        )],
        code: "unknown-key",
        file: NURSE,
        line: 6,
        column: 1,
        message: "unknown key `asessment`",
        help: Some("did you mean `assessment`?"),
    },
    Case {
        name: "a key with no value",
        files: &[W(NURSE, "name:\ndepartment: nursing\ncategory: employee\nscope: 护理\n")],
        code: "wrong-type",
        file: NURSE,
        line: 1,
        column: 5,
        message: "expected text, found nothing",
        help: Some("write the text after the colon"),
    },
    Case {
        name: "a second YAML document",
        files: &[W(NURSE, "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\n---\nname: 护师\n")],
        code: "yaml-syntax",
        file: NURSE,
        line: 6,
        column: 1,
        message: "holds more than one YAML document",
        help: None,
    },
    Case {
        name: "a category a few letters off is not suggested",
        files: &[W(NURSE, "name: 护士\ndepartment: nursing\ncategory: dept-head\nscope: 护理\n")],
        code: "missing-reference",
        file: NURSE,
        line: 3,
        column: 11,
        message: "no category with id `dept-head`",
        help: Some("known categories: employee, principal"),
    },
    Case {
        name: "a department head is suggested among the department's posts",
        files: &[W(DEPTS, "- id: leadership\n  name: 院领导\n- id: nursing\n  name: 护理组\n  head: nurses\n")],
        code: "missing-reference",
        file: DEPTS,
        line: 5,
        column: 9,
        message: "no post with id `nurses`",
        help: Some("did you mean `nurse`?"),
    },
    Case {
        name: "escape sequence in a name",
        files: &[W(
            PEOPLE,
            "- id: wang-li\n  name: \"王丽\\e[2J\"\n  posts: [director]\n- id: zhao-min\n  name: 赵敏\n  posts: [nurse]\n",
        )],
        code: "control-character",
        file: PEOPLE,
        line: 2,
        column: 12,
        message: "U+001B",
        help: None,
    },
    Case {
        name: "direction override in a duty",
        files: &[W(NURSE, "name: 护士\ndepartment: nursing\ncategory: employee\nscope: 护理\u{202e}区域\n")],
        code: "control-character",
        file: NURSE,
        line: 4,
        column: 10,
        message: "U+202E",
        help: None,
    },
    Case {
        name: "PDF style with a size that is not a number",
        files: &[W("theme/pdf/style.yaml", STYLE_NAN)],
        code: "invalid-style",
        file: "theme/pdf/style.yaml",
        line: 6,
        column: 27,
        message: "`sizes.body: NaN` cannot be printed",
        help: None,
    },
    Case {
        name: "PDF style with a negative size",
        files: &[W("theme/pdf/style.yaml", STYLE_NEGATIVE)],
        code: "invalid-style",
        file: "theme/pdf/style.yaml",
        line: 6,
        column: 17,
        message: "`sizes.title: -22` cannot be printed",
        help: None,
    },
    Case {
        name: "PDF style whose type area is taller than the page",
        files: &[W("theme/pdf/style.yaml", STYLE_TALL)],
        code: "invalid-style",
        file: "theme/pdf/style.yaml",
        line: 3,
        column: 34,
        message: "the type area runs off the foot of the page",
        help: None,
    },
    Case {
        name: "theme template that does not compile",
        files: &[W(
            "theme/templates/post.html",
            "{% extends \"default/post.html\" %}\n{% block content %}\n{{ card.name\n{% endblock %}\n",
        )],
        code: "theme-error",
        file: "theme/templates/post.html",
        line: 4,
        column: 1,
        message: "the theme's template `post.html` does not compile",
        help: None,
    },
    Case {
        name: "theme file that is a link out of the content",
        files: &[Link("theme/static/extra.css", "{secret}")],
        code: "outside-content",
        file: "theme/static/extra.css",
        line: 1,
        column: 1,
        message: "outside the content folder",
        help: None,
    },
    Case {
        name: "Markdown link to a page the site does not have",
        files: &[W("pages/about.md", "---\ntitle: 关于本站\n---\n\n见[机构](../institutions/clinik/index.html)。\n")],
        code: "broken-page-link",
        file: "pages/about.md",
        line: 5,
        column: 2,
        message: "leads to `institutions/clinik/index.html`",
        help: None,
    },
    Case {
        name: "a character that no font has",
        files: &[W(
            PEOPLE,
            "- id: wang-li\n  name: 王丽\n  posts: [director]\n- id: zhao-min\n  name: 赵\u{31350}\n  posts: [nurse]\n",
        )],
        code: "missing-glyph",
        file: PEOPLE,
        line: 5,
        column: 10,
        message: "is not in the font",
        help: Some("pdf/style.yaml"),
    },
    Case {
        name: "carriage return that does not end a line",
        files: &[W("safeduty.yaml", "title: 测试站点\r\nas_of: 2023\r01-10\r\n")],
        code: "control-character",
        file: "safeduty.yaml",
        line: 2,
        column: 12,
        message: "a carriage return that does not end a line",
        help: Some("line endings"),
    },
    Case {
        name: "empty post file",
        files: &[W(NURSE, "")],
        code: "empty-file",
        file: NURSE,
        line: 1,
        column: 1,
        message: "the file is empty",
        help: None,
    },
    Case {
        name: "misspelt key in a hazard",
        files: &[W(HAZARDS, hazard!("  rectifed: 2023-01-08\n"))],
        code: "unknown-key",
        file: HAZARDS,
        line: 8,
        column: 3,
        message: "unknown key `rectifed` in hazard",
        help: Some("did you mean `rectified`?"),
    },
    Case {
        name: "a hazard owned by someone not listed",
        files: &[W(
            HAZARDS,
            "- id: 2023-001\n  found: 2023-01-05\n  department: nursing\n  description: 锐器盒满溢\n  measure: 更换\n  owner: 赵敏\n  deadline: 2023-01-20\n",
        )],
        code: "missing-reference",
        file: HAZARDS,
        line: 6,
        column: 10,
        message: "赵敏",
        help: Some("write `zhao-min`"),
    },
    Case {
        name: "a hazard rectified before it was found",
        files: &[W(HAZARDS, hazard!("  rectified: 2022-12-30\n"))],
        code: "invalid-period",
        file: HAZARDS,
        line: 8,
        column: 14,
        message: "hazard `2023-001`: rectified before it was found",
        help: None,
    },
    Case {
        name: "a hazard with a day that does not exist",
        files: &[W(HAZARDS, hazard!("  rectified: 2023-02-30\n"))],
        code: "invalid-date",
        file: HAZARDS,
        line: 8,
        column: 14,
        message: "`2023-02-30` is not a valid date",
        help: None,
    },
    Case {
        name: "a hazard verified but never rectified",
        files: &[W(HAZARDS, hazard!("  verified: 2023-01-09\n  verified_by: wang-li\n"))],
        code: "missing-key",
        file: HAZARDS,
        line: 8,
        column: 13,
        message: "hazard `2023-001` is verified but not rectified",
        help: Some("rectified: YYYY-MM-DD"),
    },
    Case {
        name: "a hazard verified by who rectified it (denied)",
        files: &[
            W("safeduty.yaml", "title: 测试站点\nas_of: 2023-01-10\nlints:\n  verified-by-rectifier: deny\n"),
            W(HAZARDS, hazard!("  rectified: 2023-01-08\n  verified: 2023-01-09\n  verified_by: zhao-min\n")),
        ],
        code: "verified-by-rectifier",
        file: HAZARDS,
        line: 10,
        column: 16,
        message: "hazard `2023-001` is verified by `zhao-min`, who rectified it",
        help: Some("someone else"),
    },
    Case {
        name: "a major hazard without a plan",
        files: &[W(HAZARDS, hazard!("  grade: major\n  reported: 2023-01-06\n"))],
        code: "major-hazard-unplanned",
        file: HAZARDS,
        line: 8,
        column: 10,
        message: "major hazard `2023-001` has no `plan`",
        help: Some("治理方案"),
    },
    Case {
        name: "a major hazard past its deadline on the date of record",
        files: &[
            W("safeduty.yaml", "title: 测试站点\nas_of: 2023-02-01\n"),
            W(HAZARDS, hazard!("  grade: major\n  plan: 停用并更换\n  reported: 2023-01-06\n")),
        ],
        code: "major-hazard-overdue",
        file: HAZARDS,
        line: 7,
        column: 13,
        message: "major hazard `2023-001` is overdue: not rectified 12 day(s) after its deadline, on 2023-02-01",
        help: Some("rectified: YYYY-MM-DD"),
    },
    Case {
        name: "one ledger number in two files of the ledger",
        files: &[W(HAZARDS, hazard!("")), W("institutions/clinic/records/hazards/2023.yaml", hazard!(""))],
        code: "duplicate-id",
        // The folder's files are read first (a sorted walk): the single file repeats the number.
        file: HAZARDS,
        line: 1,
        column: 7,
        message: "duplicate hazard id `2023-001`",
        help: None,
    },
    Case {
        name: "a ledger saved from WPS in GBK",
        // "- id: 2023-001\n  description: 隐患\n" in GBK.
        files: &[Bytes(HAZARDS, b"- id: 2023-001\n  description: \xd2\xfe\xbb\xbc\n")],
        code: "read-error",
        file: HAZARDS,
        line: 2,
        column: 16,
        message: "GBK",
        help: Some("UTF-8"),
    },
    Case {
        name: "a ledger kept as a CSV with a day that does not exist",
        files: &[W(HAZARDS_CSV, "id,found,department,description,measure,owner,deadline\r\n2023-001,2023/2/30,nursing,治疗室锐器盒满溢,及时封存更换,zhao-min,2023-03-20\r\n")],
        code: "invalid-date",
        file: HAZARDS_CSV,
        line: 2,
        column: 10,
        message: "`2023-02-30` is not a valid date",
        help: Some("YYYY-MM-DD"),
    },
    Case {
        name: "a CSV ledger saved in GBK is read, and its errors are placed in its text",
        files: &[Bytes(HAZARDS_CSV, b"id,found,department,description,measure,owner,deadline\n2023-001,2023-01-05,nursing,\xd2\xfe\xbb\xbc,\xd5\xfb\xb8\xc4,zhao-mn,2023-01-20\n")],
        code: "missing-reference",
        file: HAZARDS_CSV,
        line: 2,
        column: 35,
        message: "zhao-mn",
        help: Some("did you mean `zhao-min`?"),
    },
    Case {
        name: "a CSV column headed by no key of the record",
        files: &[W(HAZARDS_CSV, "id,found,departmnet,description\n2023-001,2023-01-05,nursing,治疗室锐器盒满溢\n")],
        code: "unknown-key",
        file: HAZARDS_CSV,
        line: 1,
        column: 10,
        message: "unknown column `departmnet` in a sheet of hazards",
        help: Some("did you mean `department`?"),
    },
    Case {
        name: "a CSV row with an empty cell where a value is required",
        files: &[W(HAZARDS_CSV, "id,found,department,description,measure,owner,deadline\n2023-001,2023-01-05,nursing,治疗室锐器盒满溢,及时封存更换,zhao-min,\n")],
        code: "missing-key",
        file: HAZARDS_CSV,
        line: 2,
        column: 1,
        message: "missing key `deadline` in hazard",
        help: Some("fill in the row's cell in the column headed `deadline`"),
    },
    Case {
        name: "a CSV value in a column without a header",
        files: &[W(INSPECTIONS_CSV, "date,item,by\n2023-01-05,hl-01,zhao-min,未见异常\n")],
        code: "unknown-key",
        file: INSPECTIONS_CSV,
        line: 2,
        column: 27,
        message: "cell D2 holds a value in a column without a header",
        help: Some("write the key this column holds"),
    },
    Case {
        name: "a CSV that is neither UTF-8 nor GBK",
        files: &[Bytes(INSPECTIONS_CSV, b"date,item,by\n\xff\xff\xff,hl-01,zhao-min\n")],
        code: "read-error",
        file: INSPECTIONS_CSV,
        line: 1,
        column: 1,
        message: "neither UTF-8 nor GBK",
        help: Some("CSV UTF-8"),
    },
    Case {
        name: "an invisible character in a CSV cell",
        files: &[W(INSPECTIONS_CSV, "date,item,by,note\n2023-01-05,hl-01,zhao-min,\"正常\u{202e}\"\n")],
        code: "control-character",
        file: INSPECTIONS_CSV,
        line: 2,
        column: 27,
        message: "cell D2 holds the invisible character U+202E",
        help: None,
    },
    Case {
        name: "an .xlsx ledger that is no workbook",
        files: &[W("institutions/clinic/records/hazards/2023.xlsx", "id,found\n")],
        code: "read-error",
        file: "institutions/clinic/records/hazards/2023.xlsx",
        line: 1,
        column: 1,
        message: "cannot read the .xlsx workbook",
        help: Some("save it again"),
    },
    Case {
        name: "a ledger saved as an Excel 97-2003 workbook is not ignored",
        files: &[W("institutions/clinic/records/hazards.xls", "\u{d0}\u{cf}")],
        code: "read-error",
        file: "institutions/clinic/records/hazards.xls",
        line: 1,
        column: 1,
        message: "not from this format",
        help: Some("*.xlsx"),
    },
    Case {
        name: "a grade written for a unit under its threshold",
        files: &[W(SOURCES, "- id: zd-01\n  unit: 液氧储罐区\n  department: nursing\n  owner: zhao-min\n  substance: 液氧\n  quantity: 11.4\n  threshold: 200\n  identified: 2023-01-05\n  grade: three\n")],
        code: "not-a-major-source",
        file: SOURCES,
        line: 9,
        column: 10,
        message: "its sum of quantity / threshold is 0.06, under 1",
        help: Some("delete `grade:`"),
    },
    Case {
        name: "a major hazard source with a quantity that is no quantity",
        files: &[W(SOURCES, "- id: zd-01\n  unit: 液氧储罐区\n  department: nursing\n  owner: zhao-min\n  substance: 液氧\n  quantity: -3\n  threshold: 200\n  identified: 2023-01-05\n")],
        code: "wrong-type",
        file: SOURCES,
        line: 6,
        column: 13,
        message: "the quantity of `zd-01` must be more than 0 tonnes",
        help: Some("GB 18218"),
    },
    Case {
        name: "a major hazard source filed before it was identified",
        files: &[W(SOURCES, "- id: zd-01\n  unit: 液氧储罐区\n  department: nursing\n  owner: zhao-min\n  substance: 液氧\n  quantity: 11.4\n  threshold: 200\n  identified: 2023-01-05\n  filed: 2022-12-01\n")],
        code: "invalid-period",
        file: SOURCES,
        line: 9,
        column: 10,
        message: "major hazard source `zd-01`: filed before it was identified",
        help: None,
    },
    Case {
        name: "a major hazard source of a department that does not exist",
        files: &[W(SOURCES, "- id: zd-01\n  unit: 液氧储罐区\n  department: nursnig\n  owner: zhao-min\n  substance: 液氧\n  quantity: 11.4\n  threshold: 200\n  identified: 2023-01-05\n")],
        code: "missing-reference",
        file: SOURCES,
        line: 3,
        column: 15,
        message: "nursnig",
        help: Some("did you mean `nursing`?"),
    },
    Case {
        name: "a hazard whose evidence file is not there",
        files: &[W(HAZARDS, hazard!("  rectified: 2023-01-10\n  evidence: photos/2023-001.jpg\n"))],
        code: "missing-file",
        file: HAZARDS,
        line: 9,
        column: 13,
        message: "no evidence file at `photos/2023-001.jpg`",
        help: Some("evidence files are inside institutions/clinic/"),
    },
    Case {
        name: "a record kind that does not exist",
        files: &[W("institutions/clinic/records/risk.yaml", "[]\n")],
        code: "unknown-file",
        file: "institutions/clinic/records/risk.yaml",
        line: 1,
        column: 1,
        message: "does not know what this YAML file is",
        help: Some("where <kind> is hazards, checklist, inspections or major-sources"),
    },
    Case {
        name: "a checklist item inspected by a post that does not exist",
        files: &[W(CHECKLIST, "- id: hl-01\n  content: 治疗室\n  frequency: monthly\n  level: post\n  post: nures\n")],
        code: "missing-reference",
        file: CHECKLIST,
        line: 5,
        column: 9,
        message: "no post with id `nures`",
        help: Some("did you mean `nurse`?"),
    },
    Case {
        name: "a checklist frequency misspelled",
        files: &[W(CHECKLIST, "- id: hl-01\n  content: 治疗室\n  frequency: mothly\n  level: post\n  post: nurse\n")],
        code: "unknown-value",
        file: CHECKLIST,
        line: 3,
        column: 14,
        message: "mothly",
        help: Some("monthly"),
    },
    Case {
        name: "one checklist item id twice",
        files: &[W(
            CHECKLIST,
            "- id: hl-01\n  content: 治疗室\n  frequency: monthly\n  level: post\n  post: nurse\n- id: hl-01\n  content: 病房\n  frequency: weekly\n  level: post\n  post: nurse\n",
        )],
        code: "duplicate-id",
        file: CHECKLIST,
        line: 6,
        column: 7,
        message: "duplicate checklist item id `hl-01`",
        help: None,
    },
    Case {
        name: "an inspection of an item that is not on the checklist",
        files: &[W(CHECKLIST, CHECK_ITEM), W(INSPECTIONS, "- {date: 2023-01-05, item: hl-1, by: zhao-min}\n")],
        code: "missing-reference",
        file: INSPECTIONS,
        line: 1,
        column: 28,
        message: "no checklist item with id `hl-1`",
        help: Some("did you mean `hl-01`?"),
    },
    Case {
        name: "an inspection that names a hazard not in the ledger",
        files: &[
            W(CHECKLIST, CHECK_ITEM),
            W(HAZARDS, hazard!("")),
            W(INSPECTIONS, "- {date: 2023-01-05, item: hl-01, by: zhao-min, hazard: 2023-01}\n"),
        ],
        code: "missing-reference",
        file: INSPECTIONS,
        line: 1,
        column: 57,
        message: "no hazard with id `2023-01`",
        help: Some("did you mean `2023-001`?"),
    },
    Case {
        name: "an inspection on a day that does not exist",
        files: &[W(CHECKLIST, CHECK_ITEM), W(INSPECTIONS, "- {date: 2022-12-32, item: hl-01, by: zhao-min}\n")],
        code: "invalid-date",
        file: INSPECTIONS,
        line: 1,
        column: 10,
        message: "`2022-12-32` is not a valid date",
        help: None,
    },
    Case {
        name: "a monthly item with no inspection last month (denied)",
        files: &[
            W("safeduty.yaml", "title: 测试站点\nas_of: 2023-01-10\nlints:\n  inspection-missed: deny\n"),
            W(CHECKLIST, CHECK_ITEM),
            W(
                INSPECTIONS,
                "- {date: 2022-11-05, item: hl-01, by: zhao-min}\n- {date: 2023-01-05, item: hl-01, by: zhao-min}\n",
            ),
        ],
        code: "inspection-missed",
        file: CHECKLIST,
        line: 3,
        column: 14,
        message: "checklist item `hl-01` (每月) has no inspection recorded from 2022-12-01 to 2022-12-31; the last was on 2023-01-05",
        help: Some("since: YYYY-MM-DD"),
    },
    Case {
        name: "a risk graded other than its score",
        files: &[W(
            NURSE,
            nurse_risks!(
                "  - area: equipment\n    hazard: 医用氧气瓶\n    consequence: 爆炸\n    likelihood: 2\n    severity: 5\n    grade: low\n"
            ),
        )],
        code: "risk-grade",
        file: NURSE,
        line: 15,
        column: 12,
        message: "`医用氧气瓶` is graded 低风险 here, but its score 10 makes it 一般风险",
        help: None,
    },
    Case {
        name: "a risk factor off the matrix",
        files: &[W(
            NURSE,
            nurse_risks!(
                "  - area: equipment\n    hazard: 医用氧气瓶\n    consequence: 爆炸\n    likelihood: 6\n    severity: 5\n"
            ),
        )],
        code: "invalid-risk-score",
        file: NURSE,
        line: 13,
        column: 17,
        message: "the likelihood of `医用氧气瓶` is not on the scale",
        help: Some("from 1 to 5"),
    },
    Case {
        name: "a risk area that does not exist",
        files: &[W(
            NURSE,
            nurse_risks!(
                "  - area: equipments\n    hazard: 医用氧气瓶\n    consequence: 爆炸\n    likelihood: 2\n    severity: 2\n"
            ),
        )],
        code: "unknown-value",
        file: NURSE,
        line: 10,
        column: 11,
        message: "equipments",
        help: Some("equipment"),
    },
    Case {
        name: "a significant risk without all four controls",
        files: &[W(
            NURSE,
            nurse_risks!(
                "  - area: equipment\n    hazard: 医用氧气瓶\n    consequence: 爆炸\n    likelihood: 3\n    severity: 5\n    owner: director\n    controls:\n      technical: [防倒链]\n"
            ),
        )],
        code: "risk-controls",
        file: NURSE,
        line: 11,
        column: 13,
        message: "较大风险 `医用氧气瓶` has no organisation (组织), rules (制度), emergency (应急) measures",
        help: Some("all four aspects"),
    },
    Case {
        name: "a major risk controlled below the institution",
        files: &[W(
            NURSE,
            nurse_risks!(
                "  - area: equipment\n    hazard: 液氧储罐\n    consequence: 爆炸\n    likelihood: 4\n    severity: 5\n    controls:\n      organisation: [专人管理]\n      rules: [禁火制度]\n      technical: [安全阀]\n      emergency: [应急预案]\n"
            ),
        )],
        code: "risk-owner",
        file: NURSE,
        line: 11,
        column: 13,
        message: "重大风险 `液氧储罐` is controlled at the 单位 level by the standard, but `nurse` is a 科室 post",
        help: Some("principal's or a leader's post"),
    },
    Case {
        name: "a post's risks not confirmed by its holder (denied)",
        files: &[
            W("safeduty.yaml", "title: 测试站点\nlints:\n  risks-unconfirmed: deny\n"),
            W(
                NURSE,
                nurse_risks!(
                    "  - area: equipment\n    hazard: 治疗车\n    consequence: 碰伤\n    likelihood: 1\n    severity: 2\n"
                ),
            ),
        ],
        code: "risks-unconfirmed",
        file: NURSE,
        line: 1,
        column: 7,
        message: "the risks of post `nurse` are not confirmed by `zhao-min`",
        help: Some("`confirmed:`"),
    },
    Case {
        name: "a confirmation for a post that lists no risks (denied)",
        files: &[
            W("safeduty.yaml", "title: 测试站点\nlints:\n  signed-without-letter: deny\n"),
            W(SIGNING, "confirmed:\n  - {post: nurse, person: zhao-min, date: 2023-01-15, code: 7QK2-M9XD}\n"),
        ],
        code: "signed-without-letter",
        file: SIGNING,
        line: 2,
        column: 12,
        message: "names no risk notice card",
        help: Some("`risks:`"),
    },
    Case {
        name: "a confirmation by someone who does not hold the post",
        files: &[W(SIGNING, "confirmed:\n  - {post: nurse, person: wang-li, date: 2023-01-15, code: 7QK2-M9XD}\n")],
        code: "not-holder",
        file: SIGNING,
        line: 2,
        column: 27,
        message: "`wang-li` does not hold post `nurse`",
        help: None,
    },
    Case {
        name: "a confirmation with a code typed without its dash",
        files: &[W(SIGNING, "confirmed:\n  - {post: nurse, person: zhao-min, date: 2023-01-15, code: 7QK2M9XD}\n")],
        code: "invalid-code",
        file: SIGNING,
        line: 2,
        column: 61,
        message: "`7QK2M9XD` is not a verification code",
        help: Some("signed risk notice card"),
    },
    Case {
        name: "a post that removes a risk its category does not list",
        files: &[W(
            NURSE,
            "name: 护士\ndepartment: nursing\ncategory: employee\nreports_to: director\nscope: 护理\nremove_risks: [锐器]\n",
        )],
        code: "unknown-item",
        file: NURSE,
        line: 6,
        column: 16,
        message: "`锐器` is not a risk of the post's category",
        help: Some("the category lists no risks"),
    },
    Case {
        name: "a category's baseline risk graded other than its score",
        files: &[W(
            "categories/employee.yaml",
            "name: 从业人员\nduties:\n  - 遵守规章制度；\nrisks:\n  - area: equipment\n    hazard: 医用氧气瓶\n    consequence: 爆炸\n    likelihood: 2\n    severity: 5\n    grade: low\n",
        )],
        code: "risk-grade",
        file: "categories/employee.yaml",
        line: 10,
        column: 12,
        message: "`医用氧气瓶` is graded 低风险 here, but its score 10 makes it 一般风险",
        help: None,
    },
    Case {
        name: "a post without risks in a category that requires them",
        files: &[W("categories/employee.yaml", "name: 从业人员\nrisks_required: true\nduties:\n  - 遵守规章制度；\n")],
        code: "missing-risks",
        file: NURSE,
        line: 1,
        column: 7,
        message: "post `nurse` lists no risks, but its category 从业人员 requires them",
        help: Some("under `risks:`"),
    },
    Case {
        name: "risk grades out of order",
        files: &[W(
            INST,
            "name: 测试卫生院\nkind: township-health-centre\nemployees: 2\nprincipal: director\nleadership_group:\n  chair: director\n  members: [nurse]\nsafety_management:\n  officers:\n    - post: nurse\n      type: part-time\nrisk_standard:\n  grades: { major: 9, significant: 15, general: 20 }\n",
        )],
        code: "invalid-risk-standard",
        file: INST,
        line: 13,
        column: 11,
        message: "not in descending order",
        help: Some("20, 15, 9"),
    },
];

fn apply(content: &std::path::Path, case: &Case) {
    let secret = content.parent().unwrap().join("secret.txt");
    std::fs::write(&secret, SECRET).unwrap();
    let parent = |path: &std::path::Path| std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    for edit in case.files {
        match edit {
            W(path, text) => write(content, path, text.as_bytes()),
            Bytes(path, bytes) => write(content, path, bytes),
            Del(path) => std::fs::remove_file(content.join(path)).unwrap(),
            Link(path, target) => {
                let path = content.join(path);
                parent(&path);
                let _ = std::fs::remove_file(&path);
                std::os::unix::fs::symlink(target.replace("{secret}", secret.to_str().unwrap()), &path).unwrap();
            }
            Fifo(path) => {
                let path = content.join(path);
                parent(&path);
                let _ = std::fs::remove_file(&path);
                let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
                // SAFETY: a valid NUL-terminated path.
                assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
            }
        }
    }
}

fn write(content: &std::path::Path, path: &str, bytes: &[u8]) {
    let path = content.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
}

#[test]
fn every_bad_input_is_reported_precisely_and_keeps_the_output() {
    let mut failures = Vec::new();
    for case in CASES {
        let dir = fixture("minimal");
        let root = dir.path();
        let built = run(&["build", "content", "--out", "output"], root);
        assert!(built.status.success(), "{}: the valid fixture must build: {}", case.name, text(&built.stderr));
        let before = snapshot(&root.join("output"));
        assert!(!before.is_empty());

        apply(&root.join("content"), case);

        let checked = run(&["check", "content", "--format", "json"], root);
        let report: Value = serde_json::from_slice(&checked.stdout)
            .unwrap_or_else(|e| panic!("{}: not JSON ({e}): {}", case.name, text(&checked.stdout)));
        // The diagnostic of the case's code whose message it names (a file may have several).
        let of_code = || report["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == case.code);
        let found =
            of_code().find(|d| d["message"].as_str().unwrap().contains(case.message)).or_else(|| of_code().next());
        let ok = match found {
            None => Err(format!("no `{}` diagnostic in {report:#}", case.code)),
            Some(d) => {
                let mut problems = Vec::new();
                if d["file"] != case.file {
                    problems.push(format!("file {} != {}", d["file"], case.file));
                }
                if d["line"] != case.line || d["column"] != case.column {
                    problems.push(format!("at {}:{} != {}:{}", d["line"], d["column"], case.line, case.column));
                }
                if !d["message"].as_str().unwrap().contains(case.message) {
                    problems.push(format!("message {} lacks {:?}", d["message"], case.message));
                }
                if let Some(help) = case.help
                    && !d["help"].as_str().unwrap_or("").contains(help)
                {
                    problems.push(format!("help {} lacks {help:?}", d["help"]));
                }
                if d["severity"] != "error" {
                    problems.push(format!("severity {}", d["severity"]));
                }
                if checked.status.code() != Some(1) {
                    problems.push(format!("check exit code {:?}", checked.status.code()));
                }
                if problems.is_empty() { Ok(()) } else { Err(problems.join("; ")) }
            }
        };
        if let Err(why) = ok {
            failures.push(format!("{}: {why}", case.name));
            continue;
        }

        // The human rendering quotes the file and position too.
        let human = run(&["check", "content"], root);
        let stderr = text(&human.stderr);
        let place = format!("{}:{}:{}", case.file, case.line, case.column);
        if !stderr.contains(&place) {
            failures.push(format!("{}: human output lacks {place}:\n{stderr}", case.name));
        }

        let failed = run(&["build", "content", "--out", "output"], root);
        if failed.status.code() != Some(1) {
            failures.push(format!("{}: build exit code {:?}", case.name, failed.status.code()));
        }
        if snapshot(&root.join("output")) != before {
            failures.push(format!("{}: output/ changed after a failed build", case.name));
        }
        if text(&failed.stderr).contains("panicked") {
            failures.push(format!("{}: panic: {}", case.name, text(&failed.stderr)));
        }
        // Nothing from outside the content folder is ever read: not in messages, not in output.
        let leaked = [&checked.stdout, &human.stderr, &failed.stderr].iter().any(|o| text(o).contains(SECRET))
            || snapshot(&root.join("output")).values().any(|b| String::from_utf8_lossy(b).contains(SECRET));
        if leaked {
            failures.push(format!("{}: the file outside the content folder was read", case.name));
        }
    }
    assert!(CASES.len() >= 25);
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

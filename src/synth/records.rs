//! Records of a synthetic institution: a year of its hazard ledger (about one hazard for every
//! five employees), found by its safety officers, owned by people of the department, most
//! rectified (a few late) and verified by someone else, some still open on the date of record
//! (2023-01-10) but not yet due; a hospital's ledger has one major hazard, planned and reported.
//! Its inspection checklist has a monthly self-check for each staffed department, by the
//! department's head post, and a quarterly inspection by the safety office, each inspected in
//! every window of 2022 (so that nothing is missed on the date of record).

use std::fmt::Write;

use super::institution::InstOut;
use super::spec::{Kind, Rng, Writer, q};
use crate::error::Result;

/// (place, description, measure): what inspections of health institutions find.
const HAZARDS: &[(&str, &str, &str)] = &[
    ("配电室", "配电柜前绝缘胶垫破损。", "更换绝缘胶垫，纳入月度检查。"),
    ("走廊", "安全出口指示灯不亮，消防通道堆放杂物。", "维修指示灯，清理消防通道。"),
    ("库房", "灭火器压力不足，未按月检查。", "更换灭火器，建立月检记录。"),
    ("治疗室", "锐器盒超过四分之三未封存更换。", "锐器盒满四分之三即封存，每班交接检查。"),
    ("药库", "危险化学品与其他物品混存，未双人双锁。", "设置专柜，双人双锁管理。"),
    ("供氧间", "氧气瓶未设防倒链，空瓶满瓶混放。", "加装防倒链，分区存放并标识。"),
    ("锅炉房", "燃气泄漏报警器未按期检定。", "送检报警器，测试联动切断。"),
    ("机房", "UPS蓄电池鼓胀，超期使用。", "更换电池组，纳入季度放电测试。"),
    ("病区", "电源插座超负荷使用，多台设备经同一拖线板供电。", "增设专用回路，拆除拖线板。"),
    ("车库", "救护车轮胎磨损超标。", "更换轮胎，出车前检查。"),
];

const SOURCES: &[&str] = &["self-check", "inspection", "inspection", "third-party", "report"];

pub(super) fn write(inst: &InstOut, rng: &mut Rng, out: &mut Writer) -> Result<()> {
    // People by department, through the posts they hold.
    let dept_of = |post: &str| inst.posts.iter().find(|p| p.id == post).map(|p| p.department.as_str());
    let in_dept = |d: &str| -> Vec<&str> {
        inst.people.iter().filter(|p| dept_of(&p.post) == Some(d)).map(|p| p.id.as_str()).collect()
    };
    let officers: Vec<&str> =
        inst.people.iter().filter(|p| inst.safety_posts.contains(&p.post)).map(|p| p.id.as_str()).collect();
    let staffed: Vec<(&str, Vec<&str>)> =
        inst.depts.iter().map(|d| (d.id.as_str(), in_dept(&d.id))).filter(|(_, p)| p.len() >= 2).collect();
    if staffed.is_empty() || officers.is_empty() {
        return Ok(());
    }
    let n = (inst.people.len() / 5).max(3);
    let mut y = String::from("# The hazard ledger (隐患排查治理台账), generated.\n");
    for i in 0..n {
        let (dept, people) = rng.pick(&staffed);
        let (place, description, measure) = rng.pick(HAZARDS);
        // Found in 2022, spread over the year; the last ones in early January 2023.
        let day = i * 375 / n;
        let found = date(day);
        // Most are put right (a few late), most of those verified; the rest are still open, due
        // after the date of record (the tree checks without a warning).
        let rectified = rng.chance(92) && day + 40 < 375;
        let deadline = if rectified { date(day + 7 + rng.below(30)) } else { later(10 + rng.below(60)) };
        let owner = people[rng.below(people.len())];
        let verifier = people.iter().chain(&officers).find(|p| **p != owner).copied().unwrap_or(owner);
        let _ = writeln!(
            y,
            "- id: {}\n  found: {found}\n  source: {}\n  found_by: {}\n  department: {dept}\n  place: {}\n  \
             description: {}\n  measure: {}\n  owner: {owner}\n  deadline: {deadline}",
            format_args!("{}-{:04}", &found[..4], i + 1),
            rng.pick(SOURCES),
            rng.pick(&officers),
            q(place),
            q(description),
            q(measure),
        );
        if rectified {
            let _ = writeln!(y, "  rectified: {}", date(day + 3 + rng.below(40)));
            if rng.chance(85) {
                let _ = writeln!(y, "  verified: {}\n  verified_by: {verifier}", date(day + 44 + rng.below(5)));
            }
        }
    }
    if inst.spec.kind == Kind::Hospital
        && let Some((dept, people)) = staffed.first()
    {
        let _ = writeln!(
            y,
            "- id: major-1\n  found: 2022-11-01\n  source: inspection\n  department: {dept}\n  \
             description: 液氧储罐区防火间距内存放可燃物。\n  grade: major\n  measure: 清除可燃物，拆除违章建筑。\n  \
             owner: {}\n  deadline: 2023-03-31\n  plan: 分管领导牵头，限期拆除，经费列入预算，整改期间设警戒区。\n  \
             reported: 2022-11-03",
            people[0]
        );
    }
    out.write(&format!("institutions/{}/records/hazards.yaml", inst.spec.id), &y)?;
    inspections(inst, &staffed, &officers, rng, out)
}

/// The checklist and a year of inspections by it.
fn inspections(
    inst: &InstOut,
    staffed: &[(&str, Vec<&str>)],
    officers: &[&str],
    rng: &mut Rng,
    out: &mut Writer,
) -> Result<()> {
    let Some(safety_post) = inst.safety_posts.first() else { return Ok(()) };
    let mut checklist = String::from("# The inspection checklist (隐患排查清单), generated.\n");
    let mut records = String::from("# Inspections by the checklist (排查记录), generated.\n");
    let mut item = |id: String, content: String, monthly: bool, post: &str, by: &[&str], rng: &mut Rng| {
        let (frequency, level) = if monthly { ("monthly", "department") } else { ("quarterly", "institution") };
        let _ = writeln!(
            checklist,
            "- id: {id}\n  content: {}\n  frequency: {frequency}\n  level: {level}\n  post: {post}",
            q(&content)
        );
        for month in (1..=12).filter(|m| monthly || m % 3 == 0) {
            let _ = writeln!(
                records,
                "- {{date: 2022-{month:02}-{:02}, item: {id}, by: {}}}",
                5 + rng.below(20),
                by[rng.below(by.len())]
            );
        }
    };
    for (n, (dept, people)) in staffed.iter().enumerate() {
        let Some(post) = inst.posts.iter().find(|p| p.department == *dept) else { continue };
        let name = inst.depts.iter().find(|d| d.id == *dept).map_or("", |d| d.name.as_str());
        let content = format!("{name}月度安全自查：用电、用氧、消防通道及安全出口、危险品存放");
        item(format!("zc-{:03}", n + 1), content, true, &post.id, people, rng);
    }
    item(
        "qy-001".into(),
        "本单位综合安全检查：覆盖各科室，检查责任制落实及隐患整改".into(),
        false,
        safety_post,
        officers,
        rng,
    );
    out.write(&format!("institutions/{}/records/checklist.yaml", inst.spec.id), &checklist)?;
    out.write(&format!("institutions/{}/records/inspections.yaml", inst.spec.id), &records)
}

/// `d` days after the date of record, 2023-01-10 (within its month and the next).
fn later(d: usize) -> String {
    let d = 10 + d;
    if d <= 31 { format!("2023-01-{d:02}") } else { format!("2023-02-{:02}", (d - 31).min(28)) }
}

/// Day `d` counted from 2022-01-01 (never past 2023-01-09, the day before the date of record).
fn date(d: usize) -> String {
    const MONTHS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut d = d.min(373);
    let mut year = 2022;
    let mut month = 0;
    while d >= MONTHS[month] {
        d -= MONTHS[month];
        month += 1;
        if month == 12 {
            month = 0;
            year += 1;
        }
    }
    format!("{year}-{:02}-{:02}", month + 1, d + 1)
}

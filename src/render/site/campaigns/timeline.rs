//! The campaign timeline's geometry: phases as bars on a time axis, one row per task from its
//! phase's start to its deadline, a dot where it was done, and the day of the figures. The theme
//! draws it as inline SVG (`partials/timeline.html`), so it reads without JavaScript.

use serde::Serialize;

use crate::date::Date;
use crate::model::{Campaign, Task};
use crate::progress::{self, Timeliness, When};
use crate::raw::Status;
use crate::render::paths;

/// The chart in SVG user units.
#[derive(Serialize)]
pub(crate) struct Timeline {
    width: f64,
    height: f64,
    /// Left edge of the time axis (labels sit left of it).
    x0: f64,
    x1: f64,
    ticks: Vec<Tick>,
    phases: Vec<Bar>,
    tasks: Vec<Mark>,
    /// The day of the figures, when it falls inside the campaign.
    today: Option<Tick>,
}

#[derive(Serialize)]
struct Tick {
    x: f64,
    label: String,
}

#[derive(Serialize)]
struct Bar {
    x: f64,
    width: f64,
    name: String,
    when: When,
    url: String,
}

#[derive(Serialize)]
struct Mark {
    y: f64,
    /// The phase's start (the task's window opens) and the deadline.
    x_start: f64,
    x_deadline: f64,
    /// When it was done, if it was.
    x_done: Option<f64>,
    label: String,
    title: String,
    status: Status,
    timeliness: Timeliness,
    url: String,
}

/// Lays the campaign out on a time axis: year ticks, phase bars, one row per task.
pub(crate) fn timeline(c: &Campaign, as_of: Date) -> Timeline {
    const WIDTH: f64 = 960.0;
    const X0: f64 = 200.0;
    const X1: f64 = 940.0;
    const PHASE_Y: f64 = 34.0;
    const ROW: f64 = 22.0;
    let (start, end) = (c.start, c.end);
    let span = start.days_until(end).max(1) as f64;
    let x = |d: Date| X0 + start.days_until(d.clamp(start, end)) as f64 / span * (X1 - X0);
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let mut ticks = Vec::new();
    let mut first = Date::first_of(start.year(), 1);
    while let Some(t) = first.filter(|t| *t <= end) {
        for month in [1, 7] {
            if let Some(m) = Date::first_of(t.year(), month).filter(|m| *m >= start && *m <= end) {
                let label = if month == 1 { format!("{}年", m.year()) } else { "7月".to_string() };
                ticks.push(Tick { x: round(x(m)), label });
            }
        }
        first = Date::first_of(t.year() + 1, 1);
    }
    let phases = c
        .phases
        .iter()
        .map(|p| {
            let (a, b) = (x(p.start), x(p.end));
            Bar {
                x: round(a),
                width: round((b - a).max(2.0)),
                name: p.name.clone(),
                when: When::of(p.start, p.end, as_of),
                url: paths::phase(&c.id, &p.id),
            }
        })
        .collect();
    let mut marks = Vec::new();
    let mut row = 0.0;
    for p in &c.phases {
        for t in &p.tasks {
            let v = progress::task(c, t, as_of);
            let label = task_label(t);
            let y = PHASE_Y + 46.0 + row * ROW;
            row += 1.0;
            marks.push(Mark {
                y,
                x_start: round(x(p.start)),
                x_deadline: round(x(t.deadline)),
                x_done: v.done_on.map(|d| round(x(d))),
                title: format!(
                    "{label}：{}，期限 {}{}",
                    v.status.label(),
                    t.deadline.chinese(),
                    if v.timeliness.label().is_empty() {
                        String::new()
                    } else {
                        format!("，{}", v.timeliness.label())
                    }
                ),
                label,
                status: v.status,
                timeliness: v.timeliness,
                url: format!("{}#task-{}", paths::phase(&c.id, &p.id), t.id),
            });
        }
    }
    let today = (as_of >= c.start && as_of <= c.end)
        .then(|| Tick { x: round(x(as_of)), label: format!("截至 {}", as_of.chinese()) });
    Timeline {
        width: WIDTH,
        height: PHASE_Y + 46.0 + row * ROW + 10.0,
        x0: X0,
        x1: X1,
        ticks,
        phases,
        tasks: marks,
        today,
    }
}

/// A short name for a task in the chart: its deliverable, or the start of its text.
pub(crate) fn task_label(t: &Task) -> String {
    let text = t.deliverable.as_deref().unwrap_or(&t.what);
    let short: String = text.chars().take(14).collect();
    if short.chars().count() < text.chars().count() { format!("{short}…") } else { short }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign() -> Campaign {
        let (a, b): (progress::fixtures::Tasks, progress::fixtures::Tasks) =
            (&[("t1", "2016-08-20")], &[("t2", "2018-12-31")]);
        progress::fixtures::campaign(
            &[("a", "2016-07-01", "2016-12-31", a), ("b", "2017-01-01", "2018-12-31", b)],
            &[("t1", "2016-09-01", Status::Done)],
        )
    }

    #[test]
    fn dates_map_onto_the_axis_in_proportion() {
        let t = timeline(&campaign(), "2017-06-30".into());
        // The axis runs from the campaign's first to its last day.
        assert_eq!(t.phases[0].x, t.x0);
        assert!((t.phases[1].x + t.phases[1].width - t.x1).abs() < 0.1);
        // Ticks at each 1 January and 1 July inside the campaign.
        let labels: Vec<&str> = t.ticks.iter().map(|k| k.label.as_str()).collect();
        assert_eq!(labels, ["7月", "2017年", "7月", "2018年", "7月"]);
        assert!(t.ticks.windows(2).all(|w| w[0].x < w[1].x));
        // One row per task, the done dot after the deadline (done late).
        assert_eq!(t.tasks.len(), 2);
        let late = &t.tasks[0];
        assert_eq!(late.timeliness, Timeliness::Late);
        assert!(late.x_done.unwrap() > late.x_deadline);
        assert!(t.tasks[1].y > late.y);
        let today = t.today.as_ref().unwrap();
        assert!(today.x > t.phases[1].x && today.x < t.x1);
    }

    #[test]
    fn no_day_marker_outside_the_campaign() {
        assert!(timeline(&campaign(), "2016-06-30".into()).today.is_none());
        assert!(timeline(&campaign(), "2019-01-01".into()).today.is_none());
        assert!(timeline(&campaign(), "2018-12-31".into()).today.is_some());
    }
}

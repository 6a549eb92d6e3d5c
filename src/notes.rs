//! What a command tells its user besides its results: warnings that did not stop it, and how
//! long each stage took (`--timings`).

use std::fmt;
use std::time::{Duration, Instant};

/// A stage and how long it took.
#[derive(Debug, Clone)]
pub(crate) struct Lap {
    pub(crate) what: String,
    pub(crate) took: Duration,
}

impl fmt::Display for Lap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:.0} ms", self.what, self.took.as_secs_f64() * 1000.0)
    }
}

/// What a build has to say.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    /// E.g. PDFs not made for want of a font.
    pub(crate) warnings: Vec<String>,
    /// In the order the stages ended.
    pub(crate) laps: Vec<Lap>,
}

/// Wall time from one stage to the next; keeps nothing when timings are not asked for.
pub(crate) struct Clock {
    last: Option<Instant>,
    pub(crate) laps: Vec<Lap>,
}

impl Clock {
    pub(crate) fn new(on: bool) -> Self {
        Clock { last: on.then(Instant::now), laps: Vec::new() }
    }

    /// Notes the stage that ends now.
    pub(crate) fn lap(&mut self, what: &str) {
        if let Some(last) = self.last {
            let now = Instant::now();
            self.laps.push(Lap { what: what.to_string(), took: now - last });
            self.last = Some(now);
        }
    }
}

//! Cancelling a long load: the loaders ask their caller, every so often, whether to go on.

/// Units of work (features, rows, about a hundred vertices) between two questions.
const EVERY: usize = 1000;

/// Asks the caller whether to go on, once per [`EVERY`] units of work; once told to stop, it
/// stays stopped.
pub(crate) struct Cancel<'a> {
    /// The caller's answer (`None`: never cancels).
    keep_going: Option<&'a mut dyn FnMut() -> bool>,
    /// Work done since the last question.
    work: usize,
    /// True once the caller said to stop.
    cancelled: bool,
}

impl<'a> Cancel<'a> {
    /// Asks `keep_going` whether to go on.
    pub(crate) fn new(keep_going: &'a mut dyn FnMut() -> bool) -> Cancel<'a> {
        Cancel {
            keep_going: Some(keep_going),
            work: 0,
            cancelled: false,
        }
    }

    /// Never cancels.
    pub(crate) fn never() -> Cancel<'a> {
        Cancel {
            keep_going: None,
            work: 0,
            cancelled: false,
        }
    }

    /// Records `units` of work, asking the caller once [`EVERY`] units have passed since the
    /// last question. False once cancelled.
    pub(crate) fn work(&mut self, units: usize) -> bool {
        if self.cancelled {
            return false;
        }
        self.work += units;
        if self.work >= EVERY {
            self.work = 0;
            if let Some(k) = self.keep_going.as_mut() {
                self.cancelled = !k();
            }
        }
        !self.cancelled
    }

    /// Asks the caller now (before a long step that cannot stop half-way). False once
    /// cancelled.
    pub(crate) fn ask(&mut self) -> bool {
        self.work = 0;
        if let Some(k) = self.keep_going.as_mut()
            && !self.cancelled
        {
            self.cancelled = !k();
        }
        !self.cancelled
    }

    /// True once the caller said to stop.
    pub(crate) fn is_cancelled(&self) -> bool {
        self.cancelled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_once_per_thousand_units_and_stays_stopped() {
        let mut asked = 0;
        let mut ask = || {
            asked += 1;
            asked < 2
        };
        {
            let mut c = Cancel::new(&mut ask);
            assert!((0..999).all(|_| c.work(1)));
            assert!(c.work(1), "the first question is answered 'go on'");
            assert!(c.work(500) && !c.work(500), "the second is answered 'stop'");
            assert!(c.is_cancelled() && !c.work(5000) && !c.ask());
        }
        assert_eq!(asked, 2, "nothing is asked once stopped");
        let mut yes = || true;
        let mut c = Cancel::new(&mut yes);
        assert!(c.ask() && !c.is_cancelled());
        let mut never = Cancel::never();
        assert!(never.work(1_000_000) && !never.is_cancelled());
    }
}

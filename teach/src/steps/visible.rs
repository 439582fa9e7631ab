//! The steps a view shows (those passing its filter), kept up to date as
//! the record grows, trims and clears: only new steps are looked at unless
//! the filter itself changed. The log's search and the diagram's folded
//! lanes both use it.

use super::record::Steps;
use super::step::Step;

/// The `seq`s of the steps that pass a view's filter, in order.
#[derive(Debug, Default)]
pub struct Visible {
    seqs: Vec<u64>,
    /// The record's `next_seq` when last brought up to date.
    seen_up_to: u64,
    /// What the filter was when the list was made; another value recomputes.
    filter_key: Option<u64>,
}

impl Visible {
    /// Brings the list up to date with `steps` for a filter identified by
    /// `filter_key` (any value that changes when the filter does).
    pub fn refresh(&mut self, steps: &Steps, filter_key: u64, mut keep: impl FnMut(&Step) -> bool) {
        let first = steps.first_seq();
        if self.filter_key != Some(filter_key) || steps.next_seq() < self.seen_up_to {
            self.seqs.clear();
            self.seen_up_to = 0;
        }
        let gone = self.seqs.partition_point(|&seq| seq < first);
        self.seqs.drain(..gone);
        if self.seqs.capacity() > 2 * self.seqs.len().max(1024) {
            // The record was cleared or trimmed: give the room back.
            self.seqs.shrink_to_fit();
        }
        let start = self.seen_up_to.max(first);
        let new = steps.entries().iter().skip((start - first) as usize);
        self.seqs.extend(new.filter(|step| keep(step)).map(|step| step.seq));
        self.seen_up_to = steps.next_seq();
        self.filter_key = Some(filter_key);
    }

    /// Makes the next [`Visible::refresh`] look at every step again.
    pub fn invalidate(&mut self) {
        self.filter_key = None;
    }

    /// Slots the list has allocated (falls back after the record is cleared).
    pub fn allocated(&self) -> usize {
        self.seqs.capacity()
    }

    pub fn seqs(&self) -> &[u64] {
        &self.seqs
    }

    pub fn len(&self) -> usize {
        self.seqs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seqs.is_empty()
    }

    /// Where `seq` sits in the list.
    pub fn position(&self, seq: u64) -> Option<usize> {
        self.seqs.binary_search(&seq).ok()
    }
}

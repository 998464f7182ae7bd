//! Ids the state hands out: the key of an opened file (events are keyed by their own ids).

/// The key of an opened file: given when the file is opened, never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u64);

//! Reading a file on a background task (Bevy's async compute pool) with progress, cancelled
//! when it is no longer wanted (reloaded, closed).

use bevy::platform::time::Instant;
use std::path::Path;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::SystemTime;

use bevy::tasks::futures::check_ready;
use bevy::tasks::{AsyncComputeTaskPool, Task};

use crate::core::geojson::MAX_FILE_BYTES;
use crate::core::problem::{Place, Problem, Severity, Words};
use crate::core::projection::Lcc;
use crate::core::userfile::{self, Opened};

/// Loading progress shared with the background task.
#[derive(Debug, Default)]
pub struct Progress {
    /// Bytes read so far.
    pub read: AtomicU64,
    /// The file's size.
    pub total: AtomicU64,
    /// What the loader is doing: the stage's key in the interface's catalogue.
    pub stage: Mutex<String>,
    /// Set to stop the load (checked between chunks and stages).
    pub cancel: AtomicBool,
}

impl Progress {
    /// Whether the load was cancelled.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Read so far, as a fraction of the file.
    pub fn fraction(&self) -> f32 {
        let total = self.total.load(Ordering::Relaxed).max(1);
        self.read.load(Ordering::Relaxed) as f32 / total as f32
    }

    /// What the loader is doing now.
    pub fn stage(&self) -> String {
        self.stage.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

/// A background load in flight. Dropping it cancels the load.
pub struct Loading {
    /// Progress, updated by the loader.
    pub progress: Arc<Progress>,
    task: Task<(Opened, Option<SystemTime>)>,
    /// When it started.
    pub started: Instant,
}

impl Loading {
    /// The result, once the load has finished (then the task is spent).
    pub fn finished(&mut self) -> Option<(Opened, Option<SystemTime>)> {
        check_ready(&mut self.task)
    }
}

impl Drop for Loading {
    fn drop(&mut self) {
        // The task itself is cancelled when dropped; the flag stops work already running.
        self.progress.cancel.store(true, Ordering::Relaxed);
    }
}

/// Starts reading and loading a file on the async compute pool; `name` is how problems
/// name it.
pub fn start_loading(path: &Path, name: &str) -> Loading {
    let progress = Arc::new(Progress::default());
    let p = progress.clone();
    let path = path.to_path_buf();
    let name = name.to_string();
    let task = AsyncComputeTaskPool::get().spawn(async move {
        let stamp = mtime(&path);
        let result = read_and_open(&path, &name, &p);
        (result, stamp)
    });
    Loading {
        progress,
        task,
        started: Instant::now(),
    }
}

/// Starts loading a file given as its bytes (picked or dropped in the web page) on the async
/// compute pool, as [`start_loading`] does for a path.
pub fn start_loading_bytes(bytes: Arc<Vec<u8>>, name: &str) -> Loading {
    let progress = Arc::new(Progress::default());
    let p = progress.clone();
    let name = name.to_string();
    let task = AsyncComputeTaskPool::get().spawn(async move {
        let n = bytes.len() as u64;
        p.total.store(n, Ordering::Relaxed);
        p.read.store(n, Ordering::Relaxed);
        if bytes.len() > MAX_FILE_BYTES {
            let too_big = Words::key("load-too-big")
                .arg("mb", n >> 20)
                .arg("limit", MAX_FILE_BYTES >> 20);
            return (failed(&name, too_big, "load-too-big-hint"), None);
        }
        (open_bytes(&name, bytes.as_ref().clone(), &p), None)
    });
    Loading {
        progress,
        task,
        started: Instant::now(),
    }
}

/// The result of a load that failed before the file could be read: one error.
fn failed(name: &str, message: Words, hint: &'static str) -> Opened {
    Opened {
        content: None,
        problems: vec![Problem::worded(
            Severity::Error,
            name,
            Place::File,
            message,
            Words::key(hint),
        )],
        form: "",
    }
}

/// A file's modification time (for watching), if it can be read.
pub fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Reads a file in chunks (reporting progress, stopping when cancelled) and opens it. Never
/// panics on bad input.
pub fn read_and_open(path: &Path, name: &str, progress: &Progress) -> Opened {
    use std::io::Read;
    let fail = |message: Words, hint: &'static str| failed(name, message, hint);
    let cancelled = || fail(Words::key("load-cancelled"), "load-cancelled-hint");
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            return fail(
                Words::key("load-cannot-open").arg("error", e),
                "load-cannot-open-hint",
            );
        }
    };
    if meta.is_dir() {
        return fail(Words::key("load-folder"), "load-folder-hint");
    }
    if meta.len() as usize > MAX_FILE_BYTES {
        return fail(
            Words::key("load-too-big")
                .arg("mb", meta.len() >> 20)
                .arg("limit", MAX_FILE_BYTES >> 20),
            "load-too-big-hint",
        );
    }
    progress.total.store(meta.len(), Ordering::Relaxed);
    *progress.stage.lock().unwrap_or_else(|e| e.into_inner()) = "stage-reading".into();
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return fail(
                Words::key("load-cannot-open").arg("error", e),
                "load-cannot-read-hint",
            );
        }
    };
    let mut buf = vec![0u8; 1 << 20];
    loop {
        if progress.cancelled() {
            return cancelled();
        }
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(&buf[..n]);
                progress.read.store(bytes.len() as u64, Ordering::Relaxed);
                if bytes.len() > MAX_FILE_BYTES {
                    return fail(Words::key("load-grew"), "load-grew-hint");
                }
            }
            Err(e) => {
                return fail(
                    Words::key("load-stopped").arg("error", e),
                    "load-stopped-hint",
                );
            }
        }
    }
    drop(buf);
    open_bytes(name, bytes, progress)
}

/// Opens a file's bytes (reporting its stages, stopping when cancelled).
fn open_bytes(name: &str, bytes: Vec<u8>, progress: &Progress) -> Opened {
    let proj = Lcc::atlas();
    userfile::open(name, bytes, &proj, &mut |stage| {
        if progress.cancelled() {
            return std::ops::ControlFlow::Break(());
        }
        *progress.stage.lock().unwrap_or_else(|e| e.into_inner()) = stage.to_string();
        std::ops::ControlFlow::Continue(())
    })
}

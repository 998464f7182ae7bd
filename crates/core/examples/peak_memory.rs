//! Peak memory of loading a large GeoJSON: `cargo run --release -p dateline-core --example
//! peak_memory -- [MB]` writes a generated file of about MB megabytes (default 100), loads it
//! in a child process, and reports the child's peak resident memory (VmHWM) as a multiple of
//! the file size. Linux only (reads /proc).

use std::process::Command;

fn generate(path: &str, mb: usize) -> std::io::Result<u64> {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    write!(f, "{{\"type\":\"FeatureCollection\",\"features\":[")?;
    let mut written = 0u64;
    let mut i = 0u64;
    let mut seed: u64 = 7;
    while written < (mb as u64) << 20 {
        let mut s = String::new();
        if i > 0 {
            s.push(',');
        }
        let (cx, cy) = (30.0 + (i % 150) as f64, 30.0 + ((i / 150) % 40) as f64);
        s.push_str(&format!(
            "{{\"type\":\"Feature\",\"properties\":{{\"id\":{i},\"name\":\"feature {i}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[["
        ));
        let n = 200;
        for k in 0..=n {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let a = (k % n) as f64 / n as f64 * std::f64::consts::TAU;
            let r = 0.3 + (seed % 1000) as f64 / 10000.0;
            let r = if k == n { 0.3 } else { r };
            let (x, y) = if k == n || k == 0 {
                (cx + 0.3, cy)
            } else {
                (cx + r * a.cos(), cy + r * a.sin())
            };
            s.push_str(&format!("[{x:.6},{y:.6}]"));
            if k < n {
                s.push(',');
            }
        }
        s.push_str("]]}}");
        written += s.len() as u64;
        f.write_all(s.as_bytes())?;
        i += 1;
    }
    write!(f, "]}}")?;
    Ok(written + 2)
}

fn vm_hwm_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--load") {
        let path = &args[2];
        let bytes = std::fs::read(path).expect("read");
        // What the app does with a user's file: load, validate, project, tessellate.
        let opened = dateline_core::userfile::open(
            path,
            bytes,
            &dateline_core::projection::Lcc::atlas(),
            &mut |_| std::ops::ControlFlow::Continue(()),
        );
        println!(
            "{} features (loaded, projected, tessellated), {} problems, peak {} kB",
            opened.count(),
            opened.problems.len(),
            vm_hwm_kb().unwrap_or(0)
        );
        return;
    }
    let mb: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100);
    let path = std::env::temp_dir().join("dateline-peak-memory.geojson");
    let path = path.to_string_lossy().to_string();
    let size = generate(&path, mb).expect("write the test file");
    let out = Command::new(&args[0])
        .args(["--load", &path])
        .output()
        .expect("run the loader");
    let text = String::from_utf8_lossy(&out.stdout);
    let peak_kb: u64 = text
        .split("peak ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let ratio = (peak_kb * 1024) as f64 / size as f64;
    println!(
        "file {:.1} MB; loader: {}; peak resident memory {:.1} MB = {:.2}x the file",
        size as f64 / 1e6,
        text.trim(),
        (peak_kb * 1024) as f64 / 1e6,
        ratio
    );
    let _ = std::fs::remove_file(&path);
    if ratio > 4.0 {
        std::process::exit(1);
    }
}

//! `dateline serve`: the built web page (tools/build-web.sh) served on the local network, so a
//! teacher's laptop can serve a classroom: read-only (GET and HEAD), only the page's folder, no
//! folder listings, the right MIME types (`application/wasm` for the program).

use std::io;
use std::net::{IpAddr, SocketAddr, UdpSocket};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tiny_http::{Header, Method, Response, Server, StatusCode};

/// Threads answering requests (a class loading the page at once).
const WORKERS: usize = 8;

/// The file a request path names inside `root`, or `None` (answered 404) when it names
/// nothing there: a path that tries to leave the folder (`..`, in any encoding), through a
/// symbolic link or not, a folder (no listings; `/` is `index.html`), a NUL or a backslash,
/// a file that does not exist.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?;
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    if decoded.contains(['\0', '\\']) {
        return None;
    }
    let mut rel = PathBuf::new();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            p => rel.push(p),
        }
    }
    let root = root.canonicalize().ok()?;
    let full = if rel.as_os_str().is_empty() {
        root.join("index.html")
    } else {
        root.join(&rel)
    };
    // Resolved, links and all, and still inside the folder: no way out through a link.
    let real = full.canonicalize().ok()?;
    (real.starts_with(&root) && real.is_file()).then_some(real)
}

/// The MIME type of a file by its ending (what browsers need to run the page).
pub fn mime(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "geojson" | "topojson" => "application/json",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "otf" => "font/otf",
        "ttf" => "font/ttf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// A server listening on `port` (0: any free one) for the page in `root`.
pub struct PageServer {
    server: Arc<Server>,
    root: PathBuf,
}

impl PageServer {
    /// Listens on every interface at `port`. Fails when `root` holds no `index.html` (the
    /// page is not built) or the port is taken.
    pub fn bind(root: &Path, port: u16) -> Result<PageServer, String> {
        if !root.join("index.html").is_file() {
            return Err(format!(
                "{} holds no web page (index.html): build it first with `bash tools/build-web.sh`, or give the page's folder with --dir",
                root.display()
            ));
        }
        let server = Server::http(("0.0.0.0", port)).map_err(|e| {
            format!(
                "cannot listen on port {port}: {e} (is another server using it? try --port 8081)"
            )
        })?;
        Ok(PageServer {
            server: Arc::new(server),
            root: root.to_path_buf(),
        })
    }

    /// The port listened on.
    pub fn port(&self) -> u16 {
        self.server
            .server_addr()
            .to_ip()
            .map(|a| a.port())
            .unwrap_or(0)
    }

    /// Answers requests until the program is stopped, on [`WORKERS`] threads.
    pub fn run(self) {
        let root = Arc::new(self.root);
        let workers: Vec<_> = (0..WORKERS)
            .map(|_| {
                let (server, root) = (self.server.clone(), root.clone());
                std::thread::spawn(move || {
                    for request in server.incoming_requests() {
                        if let Err(e) = answer(&root, request) {
                            eprintln!("dateline serve: a reply was cut off: {e}");
                        }
                    }
                })
            })
            .collect();
        for w in workers {
            let _ = w.join();
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn answer(root: &Path, request: tiny_http::Request) -> io::Result<()> {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let r = Response::from_string("Only GET and HEAD: this server is read-only.\n")
            .with_status_code(StatusCode(405))
            .with_header(header("Allow", "GET, HEAD"));
        return request.respond(r);
    }
    let Some(path) = resolve(root, request.url()) else {
        let r = Response::from_string("Not found.\n").with_status_code(StatusCode(404));
        return request.respond(r);
    };
    match std::fs::File::open(&path) {
        Ok(file) => {
            // (tiny_http leaves the body out of a HEAD reply and keeps its length.)
            let r = Response::from_file(file)
                .with_header(header("Content-Type", mime(&path)))
                .with_header(header("Cache-Control", "no-cache"))
                .with_header(header("X-Content-Type-Options", "nosniff"));
            request.respond(r)
        }
        Err(_) => request.respond(Response::from_string("Not found.\n").with_status_code(404)),
    }
}

/// This computer's address on the local network (the one other computers reach it at), if
/// it has one. No packet is sent: a UDP socket is only pointed at a documentation address.
pub fn local_address() -> Option<IpAddr> {
    let s = UdpSocket::bind("0.0.0.0:0").ok()?;
    s.connect(SocketAddr::from(([192, 0, 2, 1], 9))).ok()?;
    let ip = s.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

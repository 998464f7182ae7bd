//! `dateline serve`: the page's files with their MIME types, GET and HEAD only, no listings,
//! and nothing outside the page's folder (`..`, encoded forms, a symbolic link) — 404.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;

use dateline::serve::{PageServer, mime, resolve};

/// A page folder with a secret file beside it (what must never be served).
fn page(name: &str) -> (PathBuf, PathBuf) {
    let base = std::env::temp_dir().join(format!("dateline-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&base);
    let root = base.join("web");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(
        root.join("index.html"),
        "<!doctype html><title>page</title>",
    )
    .unwrap();
    std::fs::write(root.join("dateline_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(root.join("dateline.js"), "export default 1;").unwrap();
    std::fs::write(root.join("sub").join("a b.json"), "{}").unwrap();
    std::fs::write(base.join("secret.txt"), "secret").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(base.join("secret.txt"), root.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(&base, root.join("up")).unwrap();
    }
    (base, root)
}

/// Sends one raw request; the status code, the headers (lower-cased) and the body.
fn ask(port: u16, request: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut reply = Vec::new();
    s.read_to_end(&mut reply).unwrap();
    let reply = String::from_utf8_lossy(&reply).to_string();
    let (head, body) = reply.split_once("\r\n\r\n").unwrap_or((&reply, ""));
    let code = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (code, head.to_ascii_lowercase(), body.to_string())
}

fn get(port: u16, path: &str) -> (u16, String, String) {
    ask(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    )
}

#[test]
fn paths_outside_the_folder_resolve_to_nothing() {
    let (_base, root) = page("resolve");
    assert!(resolve(&root, "/").is_some_and(|p| p.ends_with("index.html")));
    assert!(resolve(&root, "/index.html?x=1#view=korea").is_some());
    assert!(resolve(&root, "/sub/a%20b.json").is_some());
    for bad in [
        "/../secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/sub/../../secret.txt",
        "/sub/%2e%2e/%2e%2e/secret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/index.html%00.png",
        "/sub",
        "/sub/",
        "/missing.js",
        "/link.txt",
        "/up/secret.txt",
        "/%ff",
    ] {
        assert_eq!(resolve(&root, bad), None, "{bad} must not be served");
    }
    assert_eq!(mime(&root.join("dateline_bg.wasm")), "application/wasm");
    assert!(mime(&root.join("dateline.js")).starts_with("text/javascript"));
}

#[test]
fn the_server_serves_the_page_read_only() {
    let (_base, root) = page("server");
    let server = PageServer::bind(&root, 0).unwrap();
    let port = server.port();
    assert_ne!(port, 0);
    std::thread::spawn(move || server.run());

    let (code, head, body) = get(port, "/");
    assert_eq!(code, 200);
    assert!(head.contains("content-type: text/html"), "{head}");
    assert!(body.contains("<title>page</title>"));
    let (code, head, _) = get(port, "/dateline_bg.wasm");
    assert_eq!(code, 200);
    assert!(head.contains("content-type: application/wasm"), "{head}");
    // HEAD: the headers (length included), no body.
    let (code, head, body) = ask(
        port,
        "HEAD /dateline.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(code, 200);
    assert!(head.contains("content-length: 17"), "{head}");
    assert!(body.is_empty(), "a HEAD reply has no body: {body:?}");
    for bad in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/link.txt",
        "/up/secret.txt",
        "/sub/",
    ] {
        let (code, _, body) = get(port, bad);
        assert_eq!(code, 404, "{bad}");
        assert!(!body.contains("secret"), "{bad} leaked the secret");
    }
    let (code, head, _) = ask(
        port,
        "POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(code, 405);
    assert!(head.contains("allow: get, head"), "{head}");
}

#[test]
fn a_folder_without_a_page_is_refused_with_what_to_do() {
    let (base, _root) = page("refused");
    let e = PageServer::bind(&base.join("sub-none"), 0)
        .err()
        .expect("no page there");
    assert!(e.contains("build-web.sh"), "{e}");
}

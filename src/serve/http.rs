//! Answers a browser from what the passes published: pages with the live-reload script (and the
//! error overlay) injected, the change counter the script polls, and PDFs drawn on demand.

use std::path::PathBuf;
use std::sync::Arc;

use super::pdfs::pdf;
use super::state::{Shared, State};
use crate::lock;
use crate::render::paths;
use crate::render::site::escape;
use crate::t;

const LIVERELOAD_JS: &str = include_str!("../../themes/default/serve/livereload.js");
const ERROR_OVERLAY: &str = include_str!("../../themes/default/serve/error.html");

/// At most this many connections are open at once; more wait in the kernel's queue. A
/// connection costs no thread, only its file descriptor.
const CONNECTIONS: usize = 512;
/// At most this many requests are answered at once (a PDF request draws PDFs).
const WORKERS: usize = 4;
/// A connection that has not sent a request's head for this long is closed.
const IDLE: std::time::Duration = std::time::Duration::from_secs(5);

/// Serves `listener` until the process ends, on a thread of its own. hyper reads the requests;
/// connections wait without a thread each, and an idle one is closed after `IDLE`.
pub(super) fn serve(listener: std::net::TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .max_blocking_threads(WORKERS)
        .thread_name("preview-http")
        .build()?;
    std::thread::Builder::new().name("preview-http".into()).spawn(move || {
        runtime.block_on(async move {
            let listener = match tokio::net::TcpListener::from_std(listener) {
                Ok(l) => l,
                Err(e) => {
                    let reason = crate::error::os_reason(&e);
                    return eprintln!("{}: {}", t!("level-error"), t!("serve-cannot-serve", reason));
                }
            };
            let open = Arc::new(tokio::sync::Semaphore::new(CONNECTIONS));
            loop {
                let Ok(permit) = open.clone().acquire_owned().await else { return };
                let Ok((stream, _)) = listener.accept().await else { continue };
                // Head and body go out at once, not after the browser's delayed acknowledgement.
                let _ = stream.set_nodelay(true);
                let shared = shared.clone();
                tokio::spawn(async move {
                    let service = hyper::service::service_fn(move |request| {
                        let shared = shared.clone();
                        async move {
                            let answer = tokio::task::spawn_blocking(move || respond(&request, &shared)).await;
                            let (status, kind, body) = answer.unwrap_or_else(|_| {
                                (500, "text/plain; charset=utf-8", Arc::new(t!("serve-http-failed").into_bytes()))
                            });
                            Ok::<_, std::convert::Infallible>(reply(status, kind, body))
                        }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .timer(hyper_util::rt::TokioTimer::new())
                        .header_read_timeout(IDLE)
                        .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                        .await;
                    drop(permit);
                });
            }
        });
    })?;
    Ok(())
}

/// A response: status, content type, and the bytes (shared with the files served).
type Answer = (u16, &'static str, Arc<Vec<u8>>);

/// Answers one request from what the passes published.
fn respond<B>(request: &hyper::Request<B>, shared: &Shared) -> Answer {
    // A web page elsewhere could point a host name of its own at 127.0.0.1 (DNS rebinding) and
    // read the preview: only requests for this machine's own names are answered.
    let host = request.headers().get(hyper::header::HOST).and_then(|h| h.to_str().ok());
    if !host.is_none_or(is_loopback) {
        return (403, "text/plain; charset=utf-8", Arc::new(t!("serve-http-not-local").into_bytes()));
    }
    let path = request.uri().path();
    match path {
        "/__safeduty/livereload.js" => {
            (200, "text/javascript; charset=utf-8", Arc::new(LIVERELOAD_JS.as_bytes().to_vec()))
        }
        "/__safeduty/changes" => {
            let (version, assets) = {
                let state = lock(&shared.state);
                (state.version, state.assets)
            };
            let json = format!("{{\"version\":{version},\"assets\":{assets}}}");
            (200, "application/json", Arc::new(json.into_bytes()))
        }
        _ => {
            let key = percent_decode(path.trim_start_matches('/'));
            let state = lock(&shared.state);
            // Below `pdf/`: a scan of a signed letter (the pages pass publishes them), or a
            // document drawn when asked for.
            if paths::printed(&key).is_some() && !state.files.contains_key(&key) {
                drop(state);
                match pdf(&key, shared) {
                    Ok(Some(bytes)) => (200, "application/pdf", bytes),
                    Ok(None) => page(path, &lock(&shared.state)),
                    Err(error) => (500, "text/plain; charset=utf-8", Arc::new(error.message.into_bytes())),
                }
            } else {
                page(path, &state)
            }
        }
    }
}

/// Whether a Host header names this machine: `127.0.0.1`, `localhost` or `[::1]`, with or
/// without a port.
fn is_loopback(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split_once(']').map_or(v6, |(a, _)| a),
        None => host
            .rsplit_once(':')
            .map_or(host, |(name, port)| if port.chars().all(|c| c.is_ascii_digit()) { name } else { host }),
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn page(path: &str, state: &State) -> Answer {
    let mut key = percent_decode(path.trim_start_matches('/'));
    if key.is_empty() || key.ends_with('/') {
        key.push_str(paths::HOME);
    }
    if !state.files.contains_key(&key) && state.files.contains_key(&format!("{key}/{}", paths::HOME)) {
        key.push('/');
        key.push_str(paths::HOME);
    }
    let (status, key) = match state.files.get(&key) {
        Some(_) => (200, key),
        None => (404, paths::NOT_FOUND.to_string()),
    };
    let Some(bytes) = state.files.get(&key) else {
        // Nothing was ever built: the first build failed.
        let html =
            "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>safeduty</title><body></body></html>";
        return (200, "text/html; charset=utf-8", Arc::new(inject(html, state).into_bytes()));
    };
    let kind = content_type(&key);
    if kind.starts_with("text/html") {
        (status, kind, Arc::new(inject(&String::from_utf8_lossy(bytes), state).into_bytes()))
    } else {
        (status, kind, bytes.clone())
    }
}

/// Browsers send non-ASCII file names (a scan named in Chinese) percent-encoded.
fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1).and_then(|b| hex(*b)), bytes.get(i + 2).and_then(|b| hex(*b))) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Adds the live-reload script, and the error overlay while the content has errors.
fn inject(html: &str, state: &State) -> String {
    let mut extra = format!(
        "<script src=\"/__safeduty/livereload.js\" data-version=\"{}\" data-assets=\"{}\"></script>",
        state.version, state.assets
    );
    if let Some(error) = &state.error {
        extra.push_str(&ERROR_OVERLAY.replace("%ERROR%", &escape(error)));
    }
    match html.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &html[..at], &html[at..]),
        None => format!("{html}{extra}"),
    }
}

/// A response's bytes, shared with the files served (a PDF is not copied for each request).
struct Body(Arc<Vec<u8>>);

impl AsRef<[u8]> for Body {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

fn reply(status: u16, kind: &str, body: Arc<Vec<u8>>) -> hyper::Response<http_body_util::Full<bytes::Bytes>> {
    let mut response = hyper::Response::new(http_body_util::Full::new(bytes::Bytes::from_owner(Body(body))));
    *response.status_mut() = hyper::StatusCode::from_u16(status).unwrap_or(hyper::StatusCode::INTERNAL_SERVER_ERROR);
    let headers = response.headers_mut();
    if let Ok(kind) = hyper::header::HeaderValue::from_str(kind) {
        headers.insert(hyper::header::CONTENT_TYPE, kind);
    }
    headers.insert(hyper::header::CACHE_CONTROL, hyper::header::HeaderValue::from_static("no-store"));
    response
}

fn content_type(path: &str) -> &'static str {
    match PathBuf::from(path).extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("pdf") => "application/pdf",
        Some("wasm") => "application/wasm",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_this_machines_names_are_answered() {
        for host in ["127.0.0.1", "127.0.0.1:8000", "localhost", "LOCALHOST:9", "[::1]", "[::1]:8000"] {
            assert!(super::is_loopback(host), "{host}");
        }
        for host in ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "10.0.0.1:80", "[::2]:80", ""] {
            assert!(!super::is_loopback(host), "{host}");
        }
    }
}

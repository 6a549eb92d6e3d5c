//! Answers a browser from what the passes published: pages with the live-reload script (and the
//! error overlay) injected, the change counter the script polls, and PDFs drawn on demand.

use std::path::PathBuf;
use std::sync::Arc;

use super::pdfs::pdf;
use super::{Shared, State};
use crate::lock;
use crate::render::site::escape;

const LIVERELOAD_JS: &str = include_str!("../../themes/default/serve/livereload.js");
const ERROR_OVERLAY: &str = include_str!("../../themes/default/serve/error.html");

/// Answers one request (on a thread of its own).
pub(super) fn respond(request: tiny_http::Request, shared: &Shared) {
    let url = request.url().to_string();
    let path = url.split_once('?').map_or(url.as_str(), |(p, _)| p);
    let response = match path {
        "/__safeduty/livereload.js" => {
            reply(200, "text/javascript; charset=utf-8", Arc::new(LIVERELOAD_JS.as_bytes().to_vec()))
        }
        "/__safeduty/changes" => {
            let (version, assets) = {
                let state = lock(&shared.state);
                (state.version, state.assets)
            };
            let json = format!("{{\"version\":{version},\"assets\":{assets}}}");
            reply(200, "application/json", Arc::new(json.into_bytes()))
        }
        _ => {
            let key = percent_decode(path.trim_start_matches('/'));
            let state = lock(&shared.state);
            // Below `pdf/`: a scan of a signed letter (the pages pass publishes them), or a
            // document drawn when asked for.
            if key.starts_with("pdf/") && !state.files.contains_key(&key) {
                drop(state);
                match pdf(&key, shared) {
                    Ok(Some(bytes)) => reply(200, "application/pdf", bytes),
                    Ok(None) => page(path, &lock(&shared.state)),
                    Err(error) => reply(500, "text/plain; charset=utf-8", Arc::new(error.into_bytes())),
                }
            } else {
                page(path, &state)
            }
        }
    };
    let _ = request.respond(response);
}

fn page(path: &str, state: &State) -> Response {
    let mut key = percent_decode(path.trim_start_matches('/'));
    if key.is_empty() || key.ends_with('/') {
        key.push_str("index.html");
    }
    if !state.files.contains_key(&key) && state.files.contains_key(&format!("{key}/index.html")) {
        key.push_str("/index.html");
    }
    let (status, key) = match state.files.get(&key) {
        Some(_) => (200, key),
        None => (404, "404.html".to_string()),
    };
    let Some(bytes) = state.files.get(&key) else {
        // Nothing was ever built: the first build failed.
        let html =
            "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>safeduty</title><body></body></html>";
        return reply(200, "text/html; charset=utf-8", Arc::new(inject(html, state).into_bytes()));
    };
    let kind = content_type(&key);
    if kind.starts_with("text/html") {
        reply(status, kind, Arc::new(inject(&String::from_utf8_lossy(bytes), state).into_bytes()))
    } else {
        reply(status, kind, bytes.clone())
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

type Response = tiny_http::Response<std::io::Cursor<Body>>;

fn reply(status: u16, kind: &str, body: Arc<Vec<u8>>) -> Response {
    let header = tiny_http::Header::from_bytes("Content-Type", kind).expect("valid header");
    let no_cache = tiny_http::Header::from_bytes("Cache-Control", "no-store").expect("valid header");
    let len = body.len();
    tiny_http::Response::new(status.into(), vec![header, no_cache], std::io::Cursor::new(Body(body)), Some(len), None)
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

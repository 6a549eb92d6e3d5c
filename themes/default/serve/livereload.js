// Injected by `safeduty serve` only (never in built output): asks every 30 ms whether a rebuild
// happened and, when one did, shows the page's new version. Short polling, not long polling: a
// request held open by a page the browser left keeps a connection busy, and browsers allow only
// a few per host (six preview tabs would stall every other request). 30 ms keeps the wait after a
// rebuild short (the preview's target is 300 ms from save to reload); a poll costs the local
// server microseconds, and browsers slow the timers of hidden tabs down on their own.
//
// The new version is swapped in, not reloaded: the page is fetched and its body replaces the
// old one. Measured in headless Chromium on a duty card (medians of 15), a reload takes 140 ms
// before the edit shows (a new document, its style sheet and CJK text laid out from scratch), a
// swap 17 ms; and the reader keeps their place on the page. The page is reloaded instead when a file other than
// a page changed (a style sheet: `assets`), when its head changed, when it runs scripts of its
// own (the search page), or when the swap fails.
(function () {
  var me = document.currentScript;
  var version = Number(me.dataset.version);
  var assets = Number(me.dataset.assets);

  function later(ms) { setTimeout(poll, ms); }

  // A head without its title, which a swap sets on its own.
  function head(doc) {
    var copy = doc.head.cloneNode(true);
    var title = copy.querySelector('title');
    if (title) title.remove();
    return copy.innerHTML;
  }

  // Whether a page has scripts other than this one: they would not run in a swapped body.
  function scripted(doc) {
    return Array.prototype.some.call(doc.scripts, function (s) {
      return s.getAttribute('src') !== '/__safeduty/livereload.js';
    });
  }

  function swap() {
    return fetch(location.href, { cache: 'no-store' })
      .then(function (r) {
        if (!/^text\/html/.test(r.headers.get('content-type') || '')) throw new Error('not a page');
        return r.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var next = doc.querySelector('script[src="/__safeduty/livereload.js"]');
        if (!next || Number(next.dataset.assets) !== assets || head(doc) !== head(document)
            || scripted(doc) || scripted(document)) {
          throw new Error('a swap would not show it all');
        }
        document.title = doc.title;
        document.body.replaceWith(doc.body);
        // The page says which version it is (it may be newer than the one polled).
        version = Number(next.dataset.version);
        later(30);
      });
  }

  function poll() {
    fetch('/__safeduty/changes', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (d) {
        if (d.version === version) return later(30);
        if (d.assets !== assets) return location.reload();
        swap().catch(function () { location.reload(); });
      }, function () { later(1000); });
  }

  later(30);
})();

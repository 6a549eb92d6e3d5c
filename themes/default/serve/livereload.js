// Injected by `safeduty serve` only (never in built output): asks every 30 ms whether a rebuild
// happened and reloads the page when one did. Short polling, not long polling: a request held open
// by a page the browser left keeps a connection busy, and browsers allow only a few per host (six
// preview tabs would stall every other request). 30 ms keeps the wait after a rebuild short (the
// preview's target is 300 ms from save to reload); a poll costs the local server microseconds, and
// browsers slow the timers of hidden tabs down on their own.
(function () {
  var version = Number(document.currentScript.dataset.version);
  function poll() {
    fetch('/__safeduty/changes', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (d) { if (d.version !== version) { location.reload(); } else { setTimeout(poll, 30); } })
      .catch(function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 30);
})();

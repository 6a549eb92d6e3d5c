// Injected by `safeduty serve` only (never in built output): asks every 250 ms whether a rebuild
// happened and reloads the page when one did. Short polling, not long polling: a request held open
// by a page the browser left keeps a connection busy, and browsers allow only a few per host.
(function () {
  var version = Number(document.currentScript.dataset.version);
  function poll() {
    fetch('/__safeduty/changes', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (d) { if (d.version !== version) { location.reload(); } else { setTimeout(poll, 250); } })
      .catch(function () { setTimeout(poll, 1000); });
  }
  setTimeout(poll, 250);
})();

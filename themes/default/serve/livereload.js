// Injected by `safeduty serve` only (never in built output): waits for the next rebuild and
// reloads the page. Long polling keeps it to plain HTTP, with no WebSocket server.
(function () {
  var version = Number(document.currentScript.dataset.version);
  function poll() {
    fetch('/__safeduty/changes?since=' + version, { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (d) { if (d.version !== version) { location.reload(); } else { poll(); } })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();

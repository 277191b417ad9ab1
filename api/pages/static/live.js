/* Live events (转人工) as Server-Sent Events read through fetch, so the bearer token travels in
   a header (EventSource cannot send one) and it works in the mini-program's web-view. Reconnects
   after a dropped connection or a restarted worker, passing the last seq so nothing is missed. */
(function () {
  "use strict";
  function open(token, path, onEvent, onTrouble) {
    var last = 0, stopped = false, controller = null, wait = 1000;
    function url() { return path + (path.indexOf("?") < 0 ? "?" : "&") + "after=" + last; }
    function dispatch(block) {
      var kind = "message", data = "";
      block.split("\n").forEach(function (line) {
        if (line.indexOf("event: ") === 0) kind = line.slice(7);
        else if (line.indexOf("data: ") === 0) data += line.slice(6);
      });
      if (!data) return;
      var payload = JSON.parse(data);
      if (kind === "line" && payload.seq) {
        if (payload.seq <= last) return;
        last = payload.seq;
      }
      onEvent(kind, payload);
    }
    function connect() {
      if (stopped) return;
      controller = window.AbortController ? new AbortController() : null;
      fetch(url(), {
        headers: { "Authorization": "Bearer " + token, "Accept": "text/event-stream" },
        signal: controller ? controller.signal : undefined, cache: "no-store"
      }).then(function (res) {
        if (!res.ok || !res.body) { var e = new Error("stream " + res.status); e.status = res.status; throw e; }
        wait = 1000; if (onTrouble) onTrouble(false);
        var reader = res.body.getReader(), decoder = new TextDecoder(), buffer = "";
        function pump() {
          return reader.read().then(function (chunk) {
            if (chunk.done) return;
            buffer += decoder.decode(chunk.value, { stream: true });
            var cut;
            while ((cut = buffer.indexOf("\n\n")) >= 0) {
              dispatch(buffer.slice(0, cut)); buffer = buffer.slice(cut + 2);
            }
            return pump();
          });
        }
        return pump();
      }).catch(function (e) {
        if (e && (e.status === 401 || e.status === 403 || e.status === 404)) { stopped = true; return; }
        if (!stopped && onTrouble) onTrouble(true);
      }).then(function () {
        if (!stopped) { setTimeout(connect, wait); wait = Math.min(wait * 2, 10000); }
      });
    }
    connect();
    return {
      close: function () { stopped = true; if (controller) controller.abort(); },
      after: function (seq) { if (seq > last) last = seq; }
    };
  }
  window.Live = { open: open };
})();

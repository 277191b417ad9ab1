/* 12345 agent console: live KB search, 帮办代办 with keyboard input, hand-off queue, 工单. */
(function () {
  "use strict";
  var R = window.Replies;
  var token = document.querySelector('meta[name="api-token"]').content;
  var $ = function (id) { return document.getElementById(id); };
  var timer = null, seq = 0, sessionId = null, busy = false;
  var regionNames = {};
  Array.prototype.forEach.call($("a-region").options, function (o) { regionNames[o.value] = o.textContent; });

  function copy(text, button) {
    var done = function () { button.textContent = "已复制"; setTimeout(function () { button.textContent = "复制"; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(text).then(done, fallback); }
    else fallback();
    function fallback() {
      var t = R.el("textarea"); t.value = text; document.body.appendChild(t); t.select();
      try { document.execCommand("copy"); done(); } finally { t.remove(); }
    }
  }

  // Hits for the chosen region first; other regions only under their own heading. A hit
  // below the confidence the KB trusts looks different and says so.
  function showHits(data) {
    var box = $("hits"); box.textContent = "";
    if (!data.hits.length) { box.appendChild(R.el("p", "muted", "没有找到，可以换个说法，或记为工单。")); return; }
    var chosen = $("q-region").value;
    var here = data.hits.filter(function (h) { return !chosen || h.in_region; });
    var elsewhere = data.hits.filter(function (h) { return chosen && !h.in_region; });
    if (!here.length) box.appendChild(R.el("p", "muted", "本地区没有找到，可以换个说法，或记为工单。"));
    here.forEach(function (h, i) { box.appendChild(hitCard(h, i === 0 && data.answered, data.confident_at)); });
    if (elsewhere.length) {
      box.appendChild(R.el("h3", "elsewhere", "其他地区（仅供参考，不要照读给来电人）"));
      elsewhere.forEach(function (h) { box.appendChild(hitCard(h, false, data.confident_at)); });
    }
  }
  function hitCard(h, best, confidentAt) {
    var weak = h.confidence < confidentAt;
    var card = R.el("div", "hit" + (best ? " best" : "") + (weak ? " weak" : ""));
    if (weak) card.appendChild(R.el("p", "weak-note", "把握不大：可能答非所问，请先核对问题"));
    card.appendChild(R.el("h4", null, h.question));
    card.appendChild(R.el("p", "answer", h.answer));
    var where = h.regions.map(function (r) { return r === "all" ? "全部地区" : (regionNames[r] || r); }).join("、");
    card.appendChild(R.el("p", "muted", "来源：" + h.source + " · 地区：" + where + " · 把握 " + Math.round(h.confidence * 100) + "%"));
    var b = R.el("button", "secondary copy", "复制"); b.type = "button";
    b.addEventListener("click", function () { copy(h.answer + "（来源：" + h.source + "）", b); });
    card.appendChild(b);
    return card;
  }

  function search() {
    var q = $("q").value.trim(), mine = ++seq;
    if (!q) { $("hits").textContent = ""; return; }
    var region = $("q-region").value;
    R.api(token, "GET", "/api/v1/agent/kb/search?q=" + encodeURIComponent(q) + (region ? "&region=" + region : ""))
      .then(function (d) { if (mine === seq) showHits(d); },
            function (e) { if (mine === seq) $("hits").textContent = e.message; });
  }
  function debounced() { clearTimeout(timer); timer = setTimeout(search, 200); }
  $("q").addEventListener("input", debounced);
  $("q-region").addEventListener("change", search);
  $("q").addEventListener("keydown", function (ev) { if (ev.key === "Escape") { $("q").value = ""; search(); } });

  $("ticket-send").addEventListener("click", function () {
    var text = $("ticket").value.trim();
    if (text.length < 2) { $("ticket-status").textContent = "请先写下问题。"; return; }
    var region = $("q-region").value || null;
    R.api(token, "POST", "/api/v1/agent/tickets", { text: text, region: region }).then(function (d) {
      $("ticket").value = ""; $("ticket-status").textContent = "已记为工单（第 " + d.id + " 号）。";
    }, function (e) { $("ticket-status").textContent = e.message; });
  });

  function handle(data) {
    R.render($("a-log"), data.replies || [], choose, { numbered: true });
    $("a-progress").textContent = R.progressText(data.state);
  }
  function send(body, echo) {
    if (busy || !sessionId) return;
    busy = true; R.said($("a-log"), echo, "me agent");
    R.api(token, "POST", "/api/v1/sessions/" + sessionId + "/messages", body)
      .then(handle, function (e) { R.said($("a-log"), e.message, "bot error"); })
      .then(function () { busy = false; $("a-text").focus(); });
  }
  function choose(value, label) { send({ choice: value }, label); }

  function openPanel(title) {
    $("a-session").hidden = false; $("a-log").textContent = ""; $("a-facts").textContent = "";
    $("a-title").textContent = title; $("a-text").focus();
  }
  // Mid-call, the caller's region is the one whose answers the agent wants: the search (and a
  // ticket) follow the conversation opened, and a query already typed is searched again.
  function followRegion(region) {
    var select = $("q-region");
    var known = Array.prototype.some.call(select.options, function (o) { return o.value === region; });
    if (known && select.value !== region) { select.value = region; search(); }
  }
  $("a-start").addEventListener("click", function () {
    R.api(token, "POST", "/api/v1/sessions", { region: $("a-region").value, channel: "agent" }).then(function (d) {
      stopStream(); sessionId = d.session_id; $("a-release").hidden = true; $("live").hidden = true;
      openPanel("正在为来电人填写（" + regionNames[$("a-region").value] + "）");
      followRegion($("a-region").value);
      handle(d);
    }, function (e) { alert(e.message); });
  });
  $("a-send").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = $("a-text").value.trim();
    if (!text) return;
    $("a-text").value = ""; send({ text: text }, text);
  });
  $("a-text").addEventListener("keydown", function (ev) {
    if ($("a-text").value || ev.ctrlKey || ev.altKey || ev.metaKey || !/^[1-9]$/.test(ev.key)) return;
    var buttons = R.lastChoices($("a-log")), b = buttons[Number(ev.key) - 1];
    if (b) { ev.preventDefault(); b.click(); }
  });

  // The facts as the citizen gave them (their 改 buttons let the agent correct one).
  function facts(data) {
    var box = $("a-facts"); box.textContent = "";
    if (data.summary && data.summary.groups.length) R.render(box, [data.summary], choose);
    else box.appendChild(R.el("p", "muted", "群众还没有回答问题。"));
  }
  function refreshFacts() {
    if (!sessionId) return;
    var id = sessionId;
    R.api(token, "GET", "/api/v1/agent/sessions/" + id + "/overview").then(function (d) {
      if (id === sessionId) facts(d);
    });
  }

  // 转人工: the conversation with the citizen, pushed live (live.js), and the queue, pushed too.
  var who = { citizen: "群众：", agent: "我：", assistant: "助手：" };
  var stream = null, me = null;
  function stopStream() { if (stream) { stream.close(); stream = null; } }
  function onConversation(kind, d) {
    if (kind === "line") {
      var p = R.el("p", "said-" + d.speaker, (who[d.speaker] || "") + d.text);
      $("l-log").appendChild(p); $("l-log").scrollTop = $("l-log").scrollHeight;
      if (d.speaker === "citizen") refreshFacts();
    } else if (kind === "state") {
      if (!d.handoff) { $("l-status").textContent = "已交还给机器人。"; $("l-send").hidden = true; }
      refreshFacts();
    }
  }
  function openHandoff(id) {
    R.api(token, "POST", "/api/v1/agent/handoffs/" + id + "/claim").then(function () {
      return R.api(token, "GET", "/api/v1/agent/sessions/" + id + "/overview");
    }).then(function (d) {
      stopStream(); sessionId = id;
      openPanel("正在和群众对话（" + (regionNames[d.state.region] || d.state.region) + "）");
      followRegion(d.state.region);
      $("live").hidden = false; $("l-send").hidden = false; $("l-log").textContent = ""; $("l-status").textContent = "";
      $("a-release").hidden = false; facts(d); $("l-text").focus();
      stream = window.Live.open(token, "/api/v1/agent/sessions/" + id + "/live", onConversation, function (down) {
        $("l-status").textContent = down ? "连接断了，正在重新连接…" : "";
      });
    }, function (e) { alert(e.message); });
  }
  $("l-send").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = $("l-text").value.trim();
    if (!text || !sessionId) return;
    R.api(token, "POST", "/api/v1/agent/sessions/" + sessionId + "/say", { text: text })
      .then(function () { $("l-text").value = ""; }, function (e) { $("l-status").textContent = e.message; });
  });
  $("a-pdf").addEventListener("click", function () {
    if (!sessionId) return;
    R.download(token, "/api/v1/sessions/" + sessionId + "/form.pdf", "救助申请表.pdf")
      .then(function () { $("l-status").textContent = "申请表已下载。"; }, function (e) { alert(e.message); });
  });

  function minutes(seconds) { return seconds < 60 ? "刚刚" : "等了 " + Math.floor(seconds / 60) + " 分钟"; }
  function showQueue(d) {
    var ul = $("queue"); ul.textContent = "";
    $("queue-status").textContent = d.open_now ? "（工作时间 " + d.hours + "）" : "（现在是下班时间；群众可以留电话）";
    if (!d.sessions.length) { ul.appendChild(R.el("li", "muted", "现在没有等待的群众。")); return; }
    d.sessions.forEach(function (s) {
      var li = R.el("li", "waiting");
      li.appendChild(R.el("strong", null, s.region_name + " · " + minutes(s.waiting_seconds)));
      if (s.items.length) li.appendChild(R.el("span", "muted", " · 想问：" + s.items.join("、")));
      li.appendChild(R.el("p", "muted", s.facts));
      if (s.callback_phone) li.appendChild(R.el("p", null, "留了电话，请回电：" + s.callback_phone));
      var mine = s.claimed_by === me;
      if (s.claimed_by && !mine) li.appendChild(R.el("p", "taken", "已被其他坐席接起"));
      else {
        var b = R.el("button", "open", mine ? "回到对话" : "接过来"); b.type = "button"; b.dataset.session = s.session_id;
        b.addEventListener("click", function () { openHandoff(s.session_id); });
        li.appendChild(b);
      }
      ul.appendChild(li);
    });
  }
  function loadQueue() {
    R.api(token, "GET", "/api/v1/agent/handoffs").then(showQueue, function (e) { $("queue").textContent = e.message; });
  }
  me = document.querySelector('meta[name="agent-account"]').content;
  window.Live.open(token, "/api/v1/agent/handoffs/live", function (kind, d) { if (kind === "queue") showQueue(d); });
  $("queue-refresh").addEventListener("click", loadQueue);
  $("a-release").addEventListener("click", function () {
    R.api(token, "POST", "/api/v1/agent/handoffs/" + sessionId + "/release").then(function () {
      stopStream(); $("a-session").hidden = true; sessionId = null; loadQueue();
    }, function (e) { alert(e.message); });
  });
})();

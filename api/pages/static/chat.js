/* H5 chat: guest token, one session, replies rendered by replies.js. */
(function () {
  "use strict";
  var R = window.Replies;
  var log = document.getElementById("log");
  var input = document.getElementById("text");
  var statusLine = document.getElementById("status");
  var progress = document.getElementById("progress");
  var announce = document.getElementById("announce");
  var token = null, sessionId = null, busy = false, region = document.body.dataset.region;
  var opening = null;  // text typed before a session exists: sent as the opening story
  var RETRIES = 5;
  var questionId = null;  // the question on screen: sent with the answer, checked by the server
  function newMessageId() {  // the same id on every retry of one message: applied once
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return "m-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  }

  // The page is exactly the visible viewport, so the dock never covers the log (the phone
  // keyboard shrinks visualViewport, not the layout viewport, on most phones).
  var vv = window.visualViewport;
  function fit() {
    var h = vv ? vv.height : window.innerHeight;
    document.body.style.setProperty("--vh", h + "px");
    if (vv) window.scrollTo(0, 0);
    keepNewestVisible();
  }
  var lastFocus = null, lastResult = null;
  function keepNewestVisible() {
    // The newest bot message fully in view; a message taller than the log shows from its top.
    var target = lastResult || lastFocus;
    if (!target) return;
    var room = log.clientHeight;
    var top = target.offsetTop - log.offsetTop;
    if (target.offsetHeight > room || target === lastResult) log.scrollTop = top - 8;
    else log.scrollTop = top + target.offsetHeight - room + 12;
  }
  function onRendered(newest, resultMsg) {
    if (!newest) return;
    lastFocus = newest; lastResult = resultMsg;
    keepNewestVisible();
    var heading = resultMsg ? resultMsg.querySelector(".first") : null;
    var words = heading ? heading.innerText : newest.innerText;
    announce.textContent = words;
    // After a tap, focus follows to the new question; while typing, the keyboard stays open.
    if (document.activeElement !== input) {
      var spot = heading || newest.querySelector("p") || newest;
      spot.tabIndex = -1; spot.focus({ preventScroll: true });
    }
  }
  if (vv) vv.addEventListener("resize", fit);
  window.addEventListener("resize", fit);

  // The status line is for the eyes; only what the reader must act on is also announced
  // (through #announce, the one live region), so a screen reader hears each thing once.
  function show(text, announceIt) {
    statusLine.textContent = text || ""; statusLine.hidden = !text;
    if (announceIt && text) announce.textContent = text;
  }

  function getToken() {
    var m = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
    if (m) {
      localStorage.setItem("shejiu_token", decodeURIComponent(m[1]));
      history.replaceState(null, "", location.pathname + location.search);
    }
    token = localStorage.getItem("shejiu_token");
    if (token) return Promise.resolve(token);
    if (document.body.dataset.guest !== "1") return Promise.reject(new Error("请在微信小程序里打开。"));
    return R.api(null, "POST", "/api/v1/auth/guest").then(function (d) {
      token = d.token; localStorage.setItem("shejiu_token", token); return token;
    });
  }

  function withToken(call) {
    return getToken().then(call).catch(function (err) {
      if (err.status === 401) {  // expired: a fresh guest token, once
        localStorage.removeItem("shejiu_token"); token = null;
        return getToken().then(call);
      }
      throw err;
    });
  }

  function pdfButton() {
    var b = R.el("button", "pdf", "下载预填好的申请表（PDF）");
    b.type = "button";
    b.addEventListener("click", function () {
      show("正在生成申请表，请稍等…");
      R.download(token, "/api/v1/sessions/" + sessionId + "/form.pdf", "救助申请表.pdf")
        .then(function () { show("申请表已下载。打印出来，带上材料去办理就行。", true); },
              function (e) { show(e.message, true); });
    });
    return b;
  }

  function onResult(card) { var b = pdfButton(); b.id = "pdf"; card.appendChild(b); }

  // 转人工: while a person is asked for, their words arrive on a live stream (live.js).
  var stream = null, live = false;
  function liveSeq(seq) {
    if (seq) localStorage.setItem("shejiu_live_" + sessionId, String(seq));
    return Number(localStorage.getItem("shejiu_live_" + sessionId) || 0);
  }
  function onLive(kind, d) {
    if (kind === "line") {
      liveSeq(d.seq);
      var who = d.speaker === "agent" ? "bot agent" : "bot";
      var msg = R.said(log, (d.speaker === "agent" ? "工作人员：" : "") + d.text, who);
      lastFocus = msg; lastResult = null; keepNewestVisible(); announce.textContent = msg.innerText;
    } else if (kind === "state") {
      if (d.handoff) { progress.textContent = d.claimed ? "正在和工作人员对话" : "正在为您找工作人员…"; progress.hidden = false; }
      if (!d.handoff && live) { live = false; stopLive(); resumeHere(); }
    }
  }
  function stopLive() { if (stream) { stream.close(); stream = null; } }
  function withLive(then) {  // live.js only when a person is asked for: most never need it
    if (window.Live) return then();
    var s = document.createElement("script"); s.src = "/static/web/live.js"; s.onload = then;
    document.body.appendChild(s);
  }
  function followLive(state) {
    if (state && state.handoff && !stream && !live) {
      live = true;
      withLive(function () { openLive(); });
    } else if (state && !state.handoff && live) { live = false; stopLive(); }
  }
  function openLive() {
    if (!live || stream) return;
    stream = window.Live.open(token, "/api/v1/sessions/" + sessionId + "/live", onLive, function (down) {
      show(down ? "网络断了，正在重新连接…" : "", down);
    });
    stream.after(liveSeq());
  }
  function resumeHere() {
    withToken(function () {
      return R.api(token, "POST", "/api/v1/sessions/" + sessionId + "/resume");
    }).then(handle, function (e) { show(e.message, true); });
  }

  function handle(data) {
    followLive(data.state);
    var opts = { onResult: onResult, onRendered: onRendered };
    if (data.form_ready) {  // "帮我填表" (tapped or typed): the download right under the answer
      opts.onRendered = function (newest, resultMsg) {
        if (newest) { var b = pdfButton(); b.classList.add("form-ready"); newest.appendChild(b); }
        onRendered(newest, resultMsg);
      };
    }
    questionId = data.state ? data.state.question_id : null;
    R.render(log, data.replies || [], choose, opts);
    var p = R.progressText(data.state);
    progress.textContent = p; progress.hidden = !p;
  }

  function start(chosen) {
    region = chosen;
    document.getElementById("regions").hidden = true;
    busy = true; show("正在连接…");
    withToken(function () {
      var body = { region: region, channel: "h5" };
      if (opening) { body.text = opening; opening = null; }
      return R.api(token, "POST", "/api/v1/sessions", body);
    }).then(function (d) {
      sessionId = d.session_id; localStorage.setItem("shejiu_session", sessionId);
      show(""); handle(d);
    }, function (e) { show(e.message, true); document.getElementById("regions").hidden = false; })
      .then(function () { busy = false; });
  }

  function send(body, echo) {
    if (busy) return;
    if (!sessionId) {
      // Said before the place is chosen: kept, and sent as the opening when the session starts.
      if (body.text) { opening = body.text; R.said(log, echo); }
      show("请先点上面的按钮，选您申请的地方。", true);
      return;
    }
    busy = true; lastFocus = R.said(log, echo); lastResult = null; keepNewestVisible(); show("正在发送…");
    body.message_id = newMessageId();
    if (questionId) body.question_id = questionId;
    var tries = 0;
    function attempt() {
      return withToken(function () {
        return R.api(token, "POST", "/api/v1/sessions/" + sessionId + "/messages", body);
      }).catch(function (e) {
        // Busy or unreachable for a moment: the same message (same id) again, a few times;
        // the server applies it once however often it arrives.
        if ((e.status === 503 || e.status === 0) && tries < RETRIES) {
          tries += 1;
          show("系统有点忙，正在重新发送（第" + tries + "次）…");
          var wait = Math.min(Math.max(e.retryAfter || 2, 1), 10) * 1000;
          return new Promise(function (ok) { setTimeout(ok, wait); }).then(attempt);
        }
        throw e;
      });
    }
    attempt().then(function (d) { show(""); handle(d); }, function (e) {
      if (e.status === 404 && e.code === "session_not_found") return startOver();
      show(e.message, true);
    }).then(function () { busy = false; });
  }

  function startOver() {  // the session is gone (expired, or lost by the server): say so
    localStorage.removeItem("shejiu_session"); sessionId = null; questionId = null;
    var note = R.el("div", "msg bot");
    note.appendChild(R.el("p", null, "抱歉，上次的对话已经找不到了，刚才的回答没能保存下来。我们重新开始，麻烦您再答一次。"));
    log.appendChild(note);
    show("");
    if (region) { busy = false; start(region); }
    else document.getElementById("regions").hidden = false;
  }

  function choose(value, label) { send({ choice: value }, label); }

  document.getElementById("send").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text: text }, text);
  });
  document.querySelectorAll("#regions .choice").forEach(function (b) {
    b.addEventListener("click", function () { R.said(log, b.textContent); start(b.dataset.region); });
  });
  // 重新开始 erases every answer: asked first, 不重来 is the default.
  var dialog = document.getElementById("confirm-restart");
  document.getElementById("restart").addEventListener("click", function () {
    if (dialog.showModal) dialog.showModal(); else dialog.setAttribute("open", "");
  });
  document.getElementById("restart-no").addEventListener("click", function () { dialog.close(); });
  document.getElementById("restart-yes").addEventListener("click", function () {
    // Starting over deletes the old conversation on the server too (nothing kept of it).
    var done = function () { localStorage.removeItem("shejiu_session"); location.reload(); };
    if (!sessionId || !token) return done();
    R.api(token, "DELETE", "/api/v1/sessions/" + sessionId).then(done, done);
  });
  var big = document.getElementById("big");
  function setBig(on) {
    document.documentElement.classList.toggle("big", on);
    big.setAttribute("aria-pressed", on ? "true" : "false");
    localStorage.setItem("shejiu_big", on ? "1" : "0");
    keepNewestVisible();
  }
  big.addEventListener("click", function () { setBig(!document.documentElement.classList.contains("big")); });
  setBig(localStorage.getItem("shejiu_big") === "1");
  // Coming back (a reload, or days later): the same session, the same question.
  function resume(saved) {
    busy = true; show("正在接着上次的地方…");
    document.getElementById("regions").hidden = true;
    withToken(function () {
      return R.api(token, "POST", "/api/v1/sessions/" + saved + "/resume");
    }).then(function (d) { sessionId = saved; show(""); handle(d); }, function () {
      localStorage.removeItem("shejiu_session"); show("");
      document.getElementById("regions").hidden = false;
      if (region) start(region);
    }).then(function () { busy = false; });
  }
  fit();
  var saved = localStorage.getItem("shejiu_session");
  if (saved) resume(saved);
  else if (region) start(region);
})();

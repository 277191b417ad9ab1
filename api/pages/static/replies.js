/* Renders the assistant's replies (text, choices, summary, result, form_offer) and calls the
   JSON API. Shared by the H5 chat and the agent console. Plain DOM, no framework. */
(function () {
  "use strict";
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function api(token, method, path, body) {
    var opts = { method: method, headers: { "Accept": "application/json" } };
    if (token) opts.headers["Authorization"] = "Bearer " + token;
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    return fetch(path, opts).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (!res.ok) {
          var msg = (data.error && data.error.message) || "网络不太好，请稍后再试。";
          var err = new Error(msg); err.status = res.status;
          err.code = data.error && data.error.code;
          err.retryAfter = parseInt(res.headers.get("Retry-After") || "", 10) || 0;
          throw err;
        }
        return data;
      });
    }, function () {
      var err = new Error("网络连不上，请检查网络后再试。"); err.status = 0; throw err;
    });
  }

  function choiceButtons(choices, onChoice, numbered) {
    var box = el("div", "choices");
    choices.forEach(function (c, i) {
      var b = el("button", "choice", (numbered && i < 9 ? (i + 1) + ". " : "") + c.label);
      b.type = "button"; b.dataset.value = c.value;
      b.addEventListener("click", function () { onChoice(c.value, c.label); });
      box.appendChild(b);
    });
    return box;
  }

  function list(items, cls) {
    var ul = el("ul", cls);
    items.forEach(function (t) { ul.appendChild(el("li", null, t)); });
    return ul;
  }

  function summary(r, onChoice) {
    var card = el("div", "card summary");
    card.appendChild(el("p", null, r.text));
    r.groups.forEach(function (g) {
      card.appendChild(el("h4", null, g.title));
      var dl = el("dl");
      g.lines.forEach(function (line) {
        var row = el("div", "line");
        row.appendChild(el("dt", null, line.label));
        var dd = el("dd", null, line.value + " ");
        var edit = el("button", "edit link", "改");
        edit.type = "button";
        edit.setAttribute("aria-label", "修改" + line.label);
        edit.addEventListener("click", function () {
          disableEdits(document);
          onChoice(line.edit, "改：" + line.label);
        });
        dd.appendChild(edit); row.appendChild(dd); dl.appendChild(row);
      });
      card.appendChild(dl);
    });
    return card;
  }

  var HOPEFUL = { likely: 1, possible: 1 };

  function badge(it) { return el("span", "badge", it.outcome_label); }

  function itemFold(it) {
    // One item, folded: why (with the clause), who handles it, by when.
    var d = el("details", "fold o-" + it.outcome);
    var s = el("summary");
    s.appendChild(el("span", null, it.name));
    s.appendChild(badge(it));
    d.appendChild(s);
    var box = el("div", "item");
    if (it.reasons.length) box.appendChild(list(it.reasons, "reasons"));
    it.notes.forEach(function (n) { box.appendChild(el("p", "note", n)); });
    (it.basis || []).forEach(function (n) { box.appendChild(el("p", "note basis", n)); });
    if (it.department) box.appendChild(el("p", "muted", "办理部门：" + it.department + (it.time_limit ? "；办理时限：" + it.time_limit : "")));
    if (it.citations.length) box.appendChild(el("p", "cite", "依据：" + it.citations.join("；")));
    d.appendChild(box);
    return d;
  }

  function fold(title, children) {
    var d = el("details", "fold");
    d.appendChild(el("summary", null, title));
    children.forEach(function (c) { if (c) d.appendChild(c); });
    return d;
  }

  function names(items) { return items.map(function (it) { return it.name; }).join("、"); }

  function applyLine(it, why) {
    // Name, then outcome (a leading badge reads as the line above's); why, if asked.
    var li = el("li", "o-" + it.outcome);
    li.appendChild(el("span", "name", it.name));
    li.appendChild(badge(it));
    if (why && it.reasons.length) li.appendChild(el("p", "why", it.reasons[0]));
    return li;
  }

  function result(r, opts) {
    // First screen: what to apply for, how much (or who will say), what to bring, where, by when.
    var card = el("div", "card result");
    var receiving = r.items.filter(function (it) { return it.receiving; });
    var fresh = r.items.filter(function (it) { return !it.receiving; });
    var hopeful = fresh.filter(function (it) { return HOPEFUL[it.outcome]; });
    var open = fresh.filter(function (it) { return it.outcome === "need_info"; });
    var other = fresh.filter(function (it) { return it.outcome === "unlikely"; });
    var first = el("section", "first");
    if (receiving.length) {
      first.appendChild(el("p", "receiving", "您家已经在领：" + names(receiving) + "。"));
    }
    var heading = hopeful.length ? (receiving.length ? "您家还可以去申请：" : "您家可以去申请：")
      : open.length ? "这些还要到窗口问一问：" : receiving.length ? "这次没有看到别的能申请的救助" : "这次问到的救助可能都不太符合";
    first.appendChild(el("h2", null, heading));
    var shown = hopeful.length ? hopeful : open;
    if (shown.length) {
      var ul = el("ul", "apply");
      shown.forEach(function (it) { ul.appendChild(applyLine(it, it.asked)); });
      first.appendChild(ul);
    } else if (!receiving.length) first.appendChild(el("p", null, r.text));
    if (shown.length) first.appendChild(el("p", null, "能领多少：要按您家情况核算，办理窗口会告诉您。"));
    // What the citizen asked about is answered up front, whatever its outcome, with why.
    var asked = fresh.filter(function (it) { return it.asked && shown.indexOf(it) < 0; });
    if (asked.length) {
      first.appendChild(el("h3", null, "您问到的："));
      var ask = el("ul", "apply asked");
      asked.forEach(function (it) { ask.appendChild(applyLine(it, true)); });
      first.appendChild(ask);
    }
    var required = r.materials.filter(function (m) { return m.required; });
    if (required.length) {
      first.appendChild(el("h3", null, "要带的东西："));
      first.appendChild(list(required.slice(0, 4).map(function (m) { return m.name; }), "bring"));
      if (r.materials.length > 4) first.appendChild(el("p", "muted", "其余材料见下面“全部材料”。"));
    }
    var where = r.nearest_channel || r.channels[0];
    if (where) first.appendChild(el("p", null, "去哪里办：" + where));
    if (r.time_limit) first.appendChild(el("p", null, r.time_limit));
    first.appendChild(el("p", "disclaimer", r.disclaimer));
    card.appendChild(first);
    if (opts.onResult) opts.onResult(card);
    // Then, folded: each item's why, all materials, how to apply, the other items.
    hopeful.concat(open, receiving).forEach(function (it) { card.appendChild(itemFold(it)); });
    if (r.materials.length) {
      var mats = el("ul", "materials");
      r.materials.forEach(function (m) {
        var li = el("li", m.required ? "required" : "optional", m.name + (m.required ? "" : "（如有）"));
        if (m.why) li.appendChild(el("small", null, " " + m.why));
        mats.appendChild(li);
      });
      card.appendChild(fold("全部材料（" + r.materials.length + "样）", [mats]));
    }
    card.appendChild(fold("怎么办理", [
      el("p", null, r.how_to_apply),
      r.channels.length ? el("p", null, "也可以在网上或手机上办：") : null,
      r.channels.length ? list(r.channels, "caveats") : null,
      r.income_formula ? el("p", "formula", r.income_formula) : null,
      r.caveats.length ? list(r.caveats, "caveats") : null,
      r.notes && r.notes.length ? el("p", null, "办理提示：") : null,
      r.notes && r.notes.length ? list(r.notes, "caveats") : null,
    ]));
    if (other.length) card.appendChild(fold("其他事项（" + other.length + "项，可能不符合）", other.map(itemFold)));
    return card;
  }

  function render(container, replies, onChoice, opts) {
    opts = opts || {};
    container.querySelectorAll(".choices button").forEach(function (b) { b.disabled = true; });
    if (replies.some(function (r) { return (r.type || r.kind) === "summary"; })) disableEdits(container);
    var newest = null, resultMsg = null;
    replies.forEach(function (r) {
      var type = r.type || r.kind;
      var msg = el("div", "msg bot t-" + type);
      if (r.question_id) msg.dataset.question = r.question_id;
      if (type === "summary") msg.appendChild(summary(r, onChoice));
      else if (type === "result") msg.appendChild(result(r, opts));
      else msg.appendChild(el("p", null, r.text));
      if ((type === "choices" || type === "form_offer") && r.choices) {
        msg.appendChild(choiceButtons(r.choices, onChoice, opts.numbered));
      }
      if (type === "form_offer" && opts.onFormOffer) opts.onFormOffer(msg);
      container.appendChild(msg);
      newest = msg;
      if (type === "result") resultMsg = msg;
    });
    if (opts.onRendered) opts.onRendered(newest, resultMsg);
    else msgScroll(container);
    return newest;
  }

  function disableEdits(container) {
    // An older summary's 改 may name a member who is gone: only the newest summary is live.
    container.querySelectorAll(".summary .edit").forEach(function (b) { b.disabled = true; });
  }

  function said(container, text, who) {
    var msg = el("div", "msg " + (who || "me"));
    msg.appendChild(el("p", null, text));
    container.appendChild(msg);
    msgScroll(container);
    return msg;
  }

  function msgScroll(container) {
    var last = container.lastElementChild;
    if (last && last.scrollIntoView) last.scrollIntoView({ block: "end" });
  }

  function progressText(state) {
    var n = state && state.questions_remaining;
    if (state && state.live_agent) return "正在和工作人员对话";
    if (state && state.handoff) return "正在为您找工作人员…";
    if (state && state.status === "done") return "";
    return typeof n === "number" && n > 0 ? "还有大约" + n + "个问题" : "";
  }

  function lastChoices(container) {
    var boxes = container.querySelectorAll(".choices");
    var box = boxes.length ? boxes[boxes.length - 1] : null;
    return box ? Array.prototype.filter.call(box.querySelectorAll("button"), function (b) { return !b.disabled; }) : [];
  }

  function download(token, path, filename) {
    return fetch(path, { headers: { "Authorization": "Bearer " + token } }).then(function (res) {
      if (!res.ok) throw new Error("申请表还没准备好，请稍后再试。");
      return res.blob();
    }).then(function (blob) {
      var a = el("a"); a.href = URL.createObjectURL(blob); a.download = filename;
      document.body.appendChild(a); a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    });
  }

  window.Replies = { el: el, api: api, render: render, said: said, progressText: progressText,
    lastChoices: lastChoices, download: download };
})();

(function () {
  "use strict";
  // Sortable tables: click a header; cells with data-v sort numerically.
  function sortBy(table, col, th) {
    var body = table.tBodies[0]; if (!body) return;
    var asc = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col], y = b.cells[col]; if (!x || !y) return 0;
      var xv = x.getAttribute("data-v"), yv = y.getAttribute("data-v"), r;
      if (xv !== null && yv !== null) r = Number(xv) - Number(yv);
      else r = x.textContent.localeCompare(y.textContent);
      return asc ? r : -r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    if (!table.tHead) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(table, i, th); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(table, i, th); });
    });
  });

  // What-if: the rules over the sampled per-document values, evaluated as RuleSet.Evaluate does
  // (min: keep when !(v < t); max: keep when !(v > t); NaN passes), then the stored dedup verdict.
  var dataNode = document.getElementById("whatif-data");
  if (!dataNode) return;
  var data = JSON.parse(dataNode.textContent);
  var num = function (v) { return typeof v === "number" ? v : Number(v); };
  var cols = data.values.map(function (c) { return c.map(num); });
  var n = data.dup.length;
  var inputs = [], toggles = [];
  data.rules.forEach(function (r, i) {
    inputs[i] = document.getElementById("thr-" + i);
    toggles[i] = document.getElementById("on-" + i);
    if (inputs[i]) inputs[i].addEventListener("input", update);
    if (toggles[i]) toggles[i].addEventListener("change", update);
  });
  function current() {
    return data.rules.map(function (r, i) {
      var t = parseFloat(inputs[i].value), ok = isFinite(t) && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(inputs[i].value);
      inputs[i].classList.toggle("invalid", !ok);
      return { rule: r, t: ok ? t : r.threshold, on: !toggles[i] || toggles[i].checked };
    });
  }
  function fmt(x) { return x.toLocaleString("en-US"); }
  function pct(a, b) { return b === 0 ? "0.0%" : (100 * a / b).toFixed(1) + "%"; }
  function update() {
    var rules = current(), stageDocs = [0, 0, 0, 0], stageChars = [0, 0, 0, 0], fails = rules.map(function () { return 0; });
    var kept = 0, keptChars = 0, totalChars = 0;
    for (var d = 0; d < n; d++) {
      var broken = [false, false, false, false];
      if (data.dup[d] === 1) broken[0] = true;
      if (data.dup[d] === 2) broken[1] = true;
      for (var i = 0; i < rules.length; i++) {
        var q = rules[i]; if (!q.on) continue;
        var v = cols[q.rule.column][d];
        var fail = q.rule.bound === "min" ? v < q.t : v > q.t;
        if (fail) { fails[i]++; broken[q.rule.stage] = true; }
      }
      var c = data.chars[d]; totalChars += c;
      var s = broken.indexOf(true);
      if (s < 0) { kept++; keptChars += c; } else { stageDocs[s]++; stageChars[s] += c; }
    }
    var out = document.getElementById("whatif-kept");
    out.setAttribute("data-kept", String(kept));
    out.setAttribute("data-rows", String(n));
    out.querySelector(".k-docs").textContent = fmt(kept) + " of " + fmt(n);
    out.querySelector(".k-share").textContent = pct(kept, n);
    out.querySelector(".k-chars").textContent = pct(keptChars, totalChars);
    var left = n, leftChars = totalChars;
    for (var st = 0; st < 4; st++) {
      var row = document.getElementById("wf-" + st); if (!row) continue;
      left -= stageDocs[st]; leftChars -= stageChars[st];
      row.cells[1].textContent = fmt(stageDocs[st]);
      row.cells[2].textContent = fmt(left);
      row.cells[3].textContent = pct(left, n);
      row.cells[4].textContent = pct(leftChars, totalChars);
    }
    rules.forEach(function (q, i) { var f = document.getElementById("fails-" + i); if (f) f.textContent = fmt(fails[i]) + " (" + pct(fails[i], n) + ")"; });
    var json = { rules: [] };
    rules.forEach(function (q) {
      if (!q.on) return;
      var o = { signal: q.rule.signal }; o[q.rule.bound] = q.t; o.reason = q.rule.reason; o.source = q.rule.source;
      json.rules.push(o);
    });
    var text = JSON.stringify(json, null, 2) + "\n";
    var area = document.getElementById("whatif-json"); area.value = text;
    var link = document.getElementById("whatif-download");
    if (link.href && link.href.indexOf("blob:") === 0) URL.revokeObjectURL(link.href);
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  }
  document.getElementById("whatif-reset").addEventListener("click", function () {
    data.rules.forEach(function (r, i) { inputs[i].value = r.text; if (toggles[i]) toggles[i].checked = true; });
    update();
  });
  update();
})();

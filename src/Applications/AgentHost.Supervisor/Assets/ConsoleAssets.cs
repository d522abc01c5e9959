namespace AgentHost.Supervisor.Assets;

/// <summary>The console's stylesheet and script, served from <c>/static/</c> (no build step, no third-party code).</summary>
internal static class ConsoleAssets
{
    public const string Css = """
        :root { --fg:#1d2430; --muted:#6b7380; --line:#dde2ea; --accent:#2457c5; --warn:#b35c00; --bad:#b3261e; --ok:#1f7a3f; }
        * { box-sizing: border-box; }
        body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--fg); background:#f6f7f9; }
        header.top { display:flex; justify-content:space-between; align-items:center; padding:10px 20px; background:#1d2430; color:#fff; }
        header.top a { color:#fff; text-decoration:none; font-weight:600; }
        main { padding:16px 20px; }
        h1 { font-size:20px; margin:4px 0 8px; } h2 { font-size:15px; margin:14px 0 6px; }
        .muted { color:var(--muted); } .error { color:var(--bad); }
        table { border-collapse:collapse; width:100%; background:#fff; }
        th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
        th { font-weight:600; background:#eef1f5; } td.num { text-align:center; }
        .badge { display:inline-block; padding:1px 7px; border-radius:9px; background:#e5e8ee; font-size:12px; }
        .b-running { background:#dbe7ff; color:var(--accent); } .b-awaitingApproval { background:#ffe9cc; color:var(--warn); }
        .b-escalated { background:#fde0dd; color:var(--bad); } .b-idle { background:#e5e8ee; }
        .flag { display:inline-block; padding:0 6px; border-radius:4px; background:#fff1c2; color:#6b5200; font-size:12px; }
        .sent.neg { color:var(--bad); } .sent.pos { color:var(--ok); }
        .cols { display:grid; grid-template-columns: minmax(0,2fr) minmax(260px,1fr); gap:16px; }
        .summary dl { display:grid; grid-template-columns: repeat(8, auto); gap:2px 10px; background:#fff; padding:8px; margin:0; }
        .summary dt { color:var(--muted); } .summary dd { margin:0; }
        ol#transcript { list-style:none; padding:0; margin:0; background:#fff; border:1px solid var(--line); max-height:70vh; overflow:auto; }
        .ev { padding:5px 8px; border-bottom:1px solid #f0f2f5; } .ev time { color:var(--muted); font-size:12px; margin-right:4px; }
        .ev.role-customer { background:#fafbff; } .ev.role-supervisor, .ev-guidanceApplied, .ev-guidanceAdded { background:#fff8e6; }
        .ev-turnStarted, .ev-turnFinished { color:var(--muted); font-size:12px; }
        .tool { font-weight:600; } code { font-size:12px; background:#f1f3f6; padding:0 3px; border-radius:3px; }
        .st-success { color:var(--ok); } .st-error, .st-denied, .st-timeout { color:var(--bad); } .st-pending { color:var(--warn); }
        .escalated { color:var(--bad); font-weight:600; } .approval { color:var(--warn); }
        aside section { background:#fff; border:1px solid var(--line); padding:8px 10px; margin-bottom:12px; }
        textarea, input { width:100%; font:inherit; padding:5px; margin:4px 0; }
        button { font:inherit; padding:5px 12px; margin:2px 4px 2px 0; cursor:pointer; border:1px solid var(--line); border-radius:4px; background:#fff; }
        button.approve { background:var(--ok); color:#fff; } button.reject { background:var(--bad); color:#fff; }
        .approval-card { border-top:1px solid var(--line); padding-top:6px; } .notice { background:#e9f3ea; padding:6px 10px; }
        section.next { background:#eef4ff; padding:6px 10px; border:1px solid #cddcff; }
        """;

    public const string Js = """
        (function () {
          'use strict';
          function live(url, handlers) {
            var source = new EventSource(url);
            Object.keys(handlers).forEach(function (name) { source.addEventListener(name, handlers[name]); });
            return source;
          }
          function refresh(url, target) {
            return fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.text() : null; })
              .then(function (html) { if (html !== null) { target.innerHTML = html; } });
          }
          var rows = document.getElementById('session-rows');
          if (rows) {
            var busy = false, again = false;
            var update = function () {
              if (busy) { again = true; return; }
              busy = true;
              refresh(rows.dataset.fragment, rows).finally(function () { busy = false; if (again) { again = false; update(); } });
            };
            live(rows.dataset.live, { sessions: update });
          }
          var transcript = document.getElementById('transcript');
          if (transcript) {
            var approvals = document.getElementById('approvals');
            live(transcript.dataset.live + '?after=' + transcript.dataset.after, {
              activity: function (e) {
                if (!transcript.querySelector('[data-seq="' + e.lastEventId + '"]')) {
                  transcript.insertAdjacentHTML('beforeend', e.data);
                  transcript.scrollTop = transcript.scrollHeight;
                }
              },
              approvals: function () { if (approvals) { refresh(transcript.dataset.approvals, approvals); } },
              summary: function (e) { document.getElementById('summary').innerHTML = e.data; }
            });
          }
        })();
        """;
}

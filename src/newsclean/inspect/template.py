"""The report's fixed parts: colours per role, the style sheets, the one script, the policies.

Everything is inline: a report makes no request when opened. The script is allowed by its
SHA-256 hash in the report's Content-Security-Policy, so no other inline script (say,
one slipped into the page) could run beside it.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

__all__ = ["PAGE_CSP", "PAGE_CSS", "REPORT_CSP", "REPORT_CSS", "REPORT_JS", "ROLES",
           "ROLE_BY_NAME", "RoleStyle", "script_hash"]


@dataclass(frozen=True, slots=True)
class RoleStyle:
    role: str
    label: str
    colour: str
    box: bool
    """True: a container, drawn as an outline; False: a block, tinted."""


ROLES: tuple[RoleStyle, ...] = (
    RoleStyle("story", "Story container", "#2e7d32", True),
    RoleStyle("paragraph", "Story paragraph", "#66bb6a", False),
    RoleStyle("title", "Title", "#7b1fa2", False),
    RoleStyle("byline", "Byline", "#ab47bc", False),
    RoleStyle("date", "Date", "#8e24aa", False),
    RoleStyle("dateline", "Dateline", "#5e35b1", False),
    RoleStyle("image", "Story image", "#1565c0", True),
    RoleStyle("caption", "Caption", "#ef6c00", False),
    RoleStyle("credit", "Credit", "#c49000", False),
    RoleStyle("related-block", "Related block", "#00838f", True),
    RoleStyle("related-item", "Related item", "#26c6da", False),
    RoleStyle("boilerplate", "Dropped boilerplate", "#c62828", True),
)
ROLE_BY_NAME = {style.role: style for style in ROLES}


def _rgba(colour: str, alpha: float) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _mark_rule(style: RoleStyle) -> str:
    # Scoped by html:not(.nc-off-ROLE) so the legend can switch a role off.
    selector = f"html:not(.nc-off-{style.role}) .nc-r-{style.role}"
    if style.role == "boilerplate":
        body = (f"outline:2px dashed {style.colour}!important;outline-offset:-2px!important;"
                "background-image:repeating-linear-gradient(135deg,"
                f"{_rgba(style.colour, 0.16)} 0 6px,transparent 6px 12px)!important;")
    elif style.box:
        body = f"outline:3px solid {style.colour}!important;outline-offset:-3px!important;"
    else:
        body = (f"background-color:{_rgba(style.colour, 0.28)}!important;"
                f"box-shadow:inset 3px 0 0 {style.colour}!important;")
    return f"{selector}{{{body}}}"


# Inside the page frame. The reason of the innermost hovered mark shows in a bar along
# the bottom of the frame: pure CSS, so it works with every script switched off.
PAGE_CSS = "\n".join([
    *(_mark_rule(style) for style in ROLES),
    ".nc-mark{cursor:help}",
    ".nc-mark:hover:not(:has(.nc-mark:hover))::after{content:attr(data-nc-reason);"
    "position:fixed;left:8px;right:8px;bottom:8px;z-index:2147483647;display:block;"
    "padding:6px 10px;border-radius:6px;background:#1d2330;color:#fff;"
    "font:13px/1.4 system-ui,sans-serif;white-space:pre-wrap;text-align:left;"
    "text-transform:none;letter-spacing:normal;box-shadow:0 2px 10px rgba(0,0,0,.35);"
    "pointer-events:none;max-height:40vh;overflow:hidden}",
    ".nc-pinned{outline:4px solid #111!important;outline-offset:2px!important}",
    # Pictures are not shown, so their placeholders need not take the picture's room.
    "img[data-nc-placeholder]{width:auto!important;height:auto!important;"
    "max-width:100%!important;min-width:0!important;min-height:0!important;"
    "aspect-ratio:auto!important;object-fit:contain!important}",
    ":where(a[data-nc-href]){color:#1a4fb4;text-decoration:underline}",
    ".nc-embed{display:block;min-height:2em;padding:.5em;border:1px dashed #999;"
    "background:#f3f3f3;color:#555;font:12px/1.4 monospace;overflow:hidden}",
])

REPORT_CSS = """
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{display:grid;grid-template-columns:minmax(0,1fr) 440px;font:14px/1.45 system-ui,sans-serif;
  color:#1d2330;background:#eef0f3}
.nc-page{min-width:0;height:100vh}
.nc-page iframe{display:block;width:100%;height:100%;border:0;background:#fff}
.nc-page .nc-nopage{padding:2em;color:#666}
.nc-panel{height:100vh;overflow:auto;padding:14px 16px 40px;background:#fff;
  border-left:1px solid #cfd4dc}
h1{font-size:17px;margin:0 0 2px}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#5a6372;margin:18px 0 6px}
.nc-sub{margin:0;color:#5a6372;font-size:12px;word-break:break-all}
.nc-rule{margin:6px 0 0;font-size:13px}
.nc-differs-summary{margin-top:12px;padding:8px 10px;border-radius:6px;background:#fdecea;
  border:1px solid #e57373}
.nc-legend ul{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:1fr 1fr;gap:3px}
.nc-legend button{all:unset;display:flex;align-items:center;gap:6px;width:100%;cursor:pointer;
  padding:2px 4px;border-radius:4px;font-size:13px}
.nc-legend button:hover{background:#f0f2f5}
.nc-legend button[aria-pressed=false]{opacity:.4;text-decoration:line-through}
.nc-swatch{flex:none;width:14px;height:14px;border-radius:3px}
.nc-count{margin-left:auto;color:#5a6372;font-variant-numeric:tabular-nums}
.nc-hint{color:#5a6372;font-size:12px;margin:4px 0}
.nc-field{margin:0 0 8px;padding:4px 8px;border-left:3px solid transparent}
.nc-field>dt{font-weight:600;display:flex;gap:6px;align-items:center}
.nc-field>dd{margin:2px 0 0;word-break:break-word}
.nc-field.nc-differs{border-left-color:#d32f2f;background:#fdecea}
.nc-badge{font-size:11px;font-weight:600;color:#fff;background:#d32f2f;border-radius:3px;
  padding:0 5px}
.nc-empty{color:#8a93a3;font-style:italic}
.nc-item-differs{background:#f8c9c4}
.nc-nav{display:flex;gap:8px;align-items:center;margin-top:8px}
.nc-nav button{font:inherit;font-size:13px;padding:3px 10px;border:1px solid #9aa3b1;
  border-radius:4px;background:#f6f7f9;cursor:pointer}
.nc-nav button:hover{background:#e8ebf0}
.nc-locate{all:unset;cursor:pointer;font-size:11px;color:#1a4fb4;margin-left:auto}
.nc-locate:hover{text-decoration:underline}
ol.nc-list,ul.nc-list{margin:2px 0;padding-left:20px}
ol.nc-list li,ul.nc-list li{margin:2px 0}
.nc-meta{color:#5a6372;font-size:12px}
.nc-url{color:#5a6372;font-size:12px;word-break:break-all}
table{border-collapse:collapse;width:100%;font-size:12px}
td,th{border-top:1px solid #e3e6ea;padding:3px 4px;vertical-align:top;text-align:left}
tr[data-node]{cursor:pointer}
tr[data-node]:hover{background:#f0f2f5}
#nc-selected-body .nc-reason{margin:4px 0;padding:6px 8px;border-radius:4px;background:#f0f2f5}
#nc-selected-body .nc-snippet{color:#5a6372;font-size:12px;margin-top:6px}
details>summary{cursor:pointer}
"""

# The report's one script. The page opens scrolled to the story; clicking a marked block
# in the frame pins its decisions in the panel; "next decision" (or the n key) steps
# through the marks in page order; the legend switches roles off and on; "show" buttons
# and decision rows scroll the page to an element. It only reads the frame (no script runs in it) and
# writes with textContent, so nothing from the page is ever parsed as HTML here.
REPORT_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("nc-data").textContent);
  var frame = document.getElementById("nc-frame");
  var out = document.getElementById("nc-selected-body");
  var pinned = null;
  function pageDoc() {
    try {
      var d = frame && frame.contentDocument;
      return d && d.URL === "about:srcdoc" ? d : null;
    } catch (e) { return null; }
  }
  function add(parent, tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (text !== undefined) { el.textContent = text; }
    parent.appendChild(el);
    return el;
  }
  function pin(el) {
    var id = el.getAttribute("data-nc-id");
    if (pinned) { pinned.classList.remove("nc-pinned"); }
    pinned = el;
    cursor = el;
    el.classList.add("nc-pinned");
    out.textContent = "";
    add(out, "div", "nc-meta", "<" + el.tagName.toLowerCase() + "> · node " + id);
    (data.decisions[id] || []).forEach(function (d) {
      var box = add(out, "div", "nc-reason");
      add(box, "strong", "", d.label + " ");
      add(box, "span", "nc-meta", d.source + (d.score === null ? "" : " · score " + d.score));
      add(box, "div", "", d.reason);
    });
    var text = (el.textContent || "").replace(/\\s+/g, " ").trim();
    if (text) { add(out, "div", "nc-snippet", text.length > 300 ? text.slice(0, 300) + "…" : text); }
  }
  function reveal(el) {
    el.scrollIntoView({block: "center"});
    pin(el);
  }
  // The marks a reader can see, in page order (those in <head> or hidden have no box).
  function marks() {
    var d = pageDoc();
    if (!d) { return []; }
    return Array.prototype.filter.call(d.querySelectorAll(".nc-mark"), function (el) {
      return el.getClientRects().length > 0;
    });
  }
  var cursor = null;  // the mark "next decision" counts from
  function next() {
    var all = marks();
    if (!all.length) { return; }
    var at = cursor ? all.indexOf(cursor) : -1;
    var el = all[(at + 1) % all.length];
    reveal(el);
    if (counter) { counter.textContent = (all.indexOf(el) + 1) + " / " + all.length; }
  }
  var counter = document.getElementById("nc-next-count");
  function onKey(event) {
    var t = event.target;
    if (event.key !== "n" || event.ctrlKey || event.metaKey || event.altKey ||
        (t && /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    event.preventDefault();
    next();
  }
  function attach() {
    var d = pageDoc();
    if (!d || d.ncAttached) { return; }
    d.ncAttached = true;
    d.addEventListener("click", function (event) {
      var t = event.target;
      var el = t && t.closest ? t.closest(".nc-mark") : null;
      if (el) { event.preventDefault(); pin(el); }
    }, true);
    d.addEventListener("keydown", onKey);
    // Open at the story, not at the menus above it.
    var start = d.querySelector(".nc-r-story") || d.querySelector(".nc-r-title") ||
        d.querySelector(".nc-r-paragraph");
    if (start && start.getClientRects().length) {
      start.scrollIntoView({block: "start"});
      cursor = start;
    }
  }
  document.addEventListener("keydown", onKey);
  var nextButton = document.getElementById("nc-next");
  if (nextButton) { nextButton.addEventListener("click", next); }
  document.querySelectorAll(".nc-legend button[data-role]").forEach(function (b) {
    b.addEventListener("click", function () {
      var d = pageDoc();
      if (!d) { return; }
      var off = d.documentElement.classList.toggle("nc-off-" + b.getAttribute("data-role"));
      b.setAttribute("aria-pressed", off ? "false" : "true");
    });
  });
  document.querySelectorAll("[data-locate]").forEach(function (b) {
    b.addEventListener("click", function () {
      var d = pageDoc();
      var el = d && d.querySelector(".nc-r-" + b.getAttribute("data-locate"));
      if (el) { reveal(el); }
    });
  });
  document.querySelectorAll("tr[data-node]").forEach(function (row) {
    row.addEventListener("click", function () {
      var d = pageDoc();
      var el = d && d.querySelector('[data-nc-id="' + row.getAttribute("data-node") + '"]');
      if (el) { reveal(el); }
    });
  });
  if (pageDoc() && pageDoc().readyState === "complete") { attach(); }
  if (frame) { frame.addEventListener("load", attach); }
})();
"""


def script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


# No network for anything: images only from data: (the placeholders), styles only
# inline, and only the report's own script by hash.
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; "
    f"script-src '{script_hash(REPORT_JS)}'; base-uri 'none'; "
    "form-action 'none'"
)
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; "
    "script-src 'none'; base-uri 'none'; form-action 'none'"
)

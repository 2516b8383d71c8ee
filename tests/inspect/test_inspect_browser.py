"""Inspector reports opened in headless Chromium: what shows, what runs, what leaves the page.

Needs Debian's /usr/bin/chromium and the playwright package (never a downloaded browser);
skipped cleanly without them. The UPI page's report is saved as
test-artifacts/inspector-upi.png.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean.extract.explain import Explanation, Role
from newsclean.inspect import render_report, write_report
from newsclean.rules import RuleSet
from tests.http_server import LocalServer, respond
from tests.inspect.test_inspect_report import (
    STORY_PAGE,
    bypass_vectors,
    hostile_explanation,
    large_explanation,
    story_explanation,
)

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    HAS_PLAYWRIGHT = False
else:
    HAS_PLAYWRIGHT = True

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not HAS_PLAYWRIGHT, reason="playwright is not installed"),
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} is not installed"),
]

FRAME_READY = """() => {
  const f = document.getElementById("nc-frame");
  const d = f && f.contentDocument;
  return !!d && d.URL === "about:srcdoc" && d.readyState === "complete";
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield chromium
        chromium.close()


class Beacon:
    """A loopback HTTP server that records every request it gets."""

    def __init__(self, server: LocalServer) -> None:
        server.fallback = respond(200, b"ok", {"Content-Type": "text/plain"})
        self.server = server
        self.origin = server.url("")

    @property
    def hits(self) -> list[str]:
        return [entry.path for entry in self.server.log]


@pytest.fixture
def beacon(server: LocalServer) -> Beacon:
    return Beacon(server)


class Opened:
    """A report open in a browser tab, with every request the tab tried to make."""

    def __init__(self, browser: Any, path: Path, *, block: bool, timeout: float = 30) -> None:
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.requests: list[str] = []
        self.page = self.context.new_page()
        self.page.set_default_timeout(timeout * 1000)
        self.page.on("request", lambda request: self.requests.append(request.url))
        if block:
            # Belt and braces: anything but the report itself is recorded and refused.
            self.context.route("**/*", self._route)
        self.page.goto(self.url)
        self.page.wait_for_function(FRAME_READY)
        self.frame = self.page.frame_locator("#nc-frame")

    def _route(self, route: Any) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def others(self) -> list[str]:
        return [url for url in self.requests if url != self.url]

    def frame_eval(self, script: str) -> Any:
        frame = next(f for f in self.page.frames if f.url == "about:srcdoc")
        return frame.evaluate(script)

    def close(self) -> None:
        self.context.close()


def open_report(browser: Any, tmp_path: Path, explanation: Explanation, *, block: bool = True,
                differing: tuple[str, ...] = (), timeout: float = 30) -> Opened:
    path = write_report(explanation, tmp_path / "report.html", differing_fields=differing)
    return Opened(browser, path, block=block, timeout=timeout)


def visible_nodes(explanation: Explanation) -> list[str]:
    """The decided nodes that sit in the page body (the <meta> date sits in <head>)."""
    head = explanation.html.split("<body", 1)[0]
    return [d.node for d in explanation.decisions if f'data-nc-id="{d.node}"' not in head]


# --- the hand-made story page -----------------------------------------------------------


def test_marked_blocks_legend_and_fields_show_and_nothing_is_requested(
        browser: Any, tmp_path: Path) -> None:
    explanation = story_explanation()
    opened = open_report(browser, tmp_path, explanation, differing=("title",))
    try:
        nodes = visible_nodes(explanation)
        assert len(nodes) == len(explanation.decisions) - 1
        for node in nodes:
            mark = opened.frame.locator(f'[data-nc-id="{node}"]')
            mark.scroll_into_view_if_needed()
            assert mark.is_visible(), node
            assert "nc-mark" in (mark.get_attribute("class") or "")
        legend = opened.page.locator("#nc-legend button")
        assert legend.count() == 12
        assert all(legend.nth(i).is_visible() for i in range(12))
        title = opened.page.locator('#nc-fields [data-field="title"]')
        assert title.is_visible()
        assert explanation.article.title and explanation.article.title in title.inner_text()
        assert "differs" in title.inner_text()
        assert opened.page.locator('#nc-fields [data-field="related"]').is_visible()
        # Distinct colours: the story outline and a boilerplate outline differ.
        story, nav = (explanation.decisions[0].node, explanation.decisions[14].node)
        colours = {opened.frame.locator(f'[data-nc-id="{n}"]').evaluate(
            "e => getComputedStyle(e).outlineColor") for n in (story, nav)}
        assert len(colours) == 2
        assert opened.others() == []
    finally:
        opened.close()


def test_hovering_and_clicking_a_block_names_its_reason(browser: Any, tmp_path: Path) -> None:
    explanation = story_explanation()
    opened = open_report(browser, tmp_path, explanation)
    try:
        decision = explanation.decisions[3]  # the second paragraph
        mark = opened.frame.locator(f'[data-nc-id="{decision.node}"]')
        after = "e => getComputedStyle(e, '::after').content"
        assert decision.reason not in mark.evaluate(after)
        mark.hover()
        tooltip = mark.evaluate(after)
        assert decision.reason in tooltip and "site rule UPI" in tooltip
        # The outer story container does not talk over its paragraph.
        story = opened.frame.locator(f'[data-nc-id="{explanation.decisions[0].node}"]')
        assert explanation.decisions[0].reason not in story.evaluate(after)
        mark.click()
        selected = opened.page.locator("#nc-selected-body").inner_text()
        assert decision.reason in selected and "Story paragraph" in selected
        assert "nc-pinned" in (mark.get_attribute("class") or "")
        assert opened.others() == []
    finally:
        opened.close()


def test_legend_switches_a_role_off_and_panel_buttons_find_blocks(
        browser: Any, tmp_path: Path) -> None:
    explanation = story_explanation()
    opened = open_report(browser, tmp_path, explanation)
    try:
        nav = opened.frame.locator(f'[data-nc-id="{explanation.decisions[14].node}"]')
        style = "e => getComputedStyle(e).outlineStyle"
        assert nav.evaluate(style) == "dashed"
        button = opened.page.locator('#nc-legend button[data-role="boilerplate"]')
        button.click()
        assert nav.evaluate(style) == "none"
        assert button.get_attribute("aria-pressed") == "false"
        button.click()
        assert nav.evaluate(style) == "dashed"
        opened.page.locator('[data-field="title"] .nc-locate').click()
        h1 = opened.frame.locator("h1")
        assert "nc-pinned" in (h1.get_attribute("class") or "")
        assert "title selector //h1" in opened.page.locator("#nc-selected-body").inner_text()
        opened.page.locator("#nc-decisions summary").click()
        opened.page.locator(f'#nc-decisions tr[data-node="{explanation.decisions[14].node}"]'
                            ).click()
        assert "nc-pinned" in (nav.get_attribute("class") or "")
        assert "nc-pinned" not in (h1.get_attribute("class") or "")
    finally:
        opened.close()


# --- hostile pages ------------------------------------------------------------------------


def test_a_hostile_page_runs_nothing_and_reaches_nothing(
        browser: Any, tmp_path: Path, beacon: Beacon) -> None:
    explanation = hostile_explanation(beacon.origin)
    opened = open_report(browser, tmp_path, explanation, block=False)
    try:
        frame = opened.frame
        frame.locator("#headline").click()
        frame.locator("#js-link").click()
        frame.locator("#plain-link").click()
        frame.locator("text=hover me").hover()
        opened.page.wait_for_timeout(500)  # time for a refresh, a beacon, a late fetch
        assert opened.frame_eval("window.__pwned") is None
        assert opened.page.evaluate("window.__pwned") is None
        assert opened.frame_eval("document.URL") == "about:srcdoc"
        assert opened.page.url == opened.url
        assert beacon.hits == []
        assert opened.others() == []
        # The story block is still there and marked.
        story = frame.locator("#story")
        assert story.is_visible() and "nc-r-paragraph" in (story.get_attribute("class") or "")
    finally:
        opened.close()


def test_the_policies_block_what_the_sanitiser_might_miss(
        browser: Any, tmp_path: Path, beacon: Beacon) -> None:
    # Smuggle loads and scripts past the sanitiser, straight into both documents.
    report = render_report(story_explanation())
    into_frame = (f"<img src=&quot;{beacon.origin}/frame-img&quot;>"
                  "<script>window.__pwned = 'frame'</script>"
                  f"<link rel=&quot;stylesheet&quot; href=&quot;{beacon.origin}/frame-css&quot;>")
    cut = report.index("</body>")  # the first one closes the framed page, in srcdoc
    report = report[:cut] + into_frame + report[cut:]
    into_parent = (f'<img src="{beacon.origin}/parent-img">'
                   "<script>window.__pwned = 'parent'</script>"
                   f'<iframe src="{beacon.origin}/parent-frame"></iframe>')
    cut = report.rindex("</body>")
    report = report[:cut] + into_parent + report[cut:]
    path = tmp_path / "smuggled.html"
    path.write_text(report, encoding="utf-8")
    opened = Opened(browser, path, block=False)
    try:
        opened.page.wait_for_timeout(300)
        assert opened.frame.locator("img[src^='http']").count() == 1  # it is in the frame
        assert beacon.hits == []
        assert opened.page.evaluate("window.__pwned") is None
        assert opened.frame_eval("window.__pwned") is None
    finally:
        opened.close()


def test_every_bypass_vector_sends_no_request_and_navigates_nowhere(
        browser: Any, tmp_path: Path, beacon: Beacon, monkeypatch: pytest.MonkeyPatch) -> None:
    # Both policies switched off: the sanitised page alone must hold.
    monkeypatch.setattr("newsclean.inspect.report.PAGE_CSP", "")
    monkeypatch.setattr("newsclean.inspect.report.REPORT_CSP", "")
    explanation = hostile_explanation(beacon.origin)
    assert len(bypass_vectors(beacon.origin)) > 50
    path = write_report(explanation, tmp_path / "report.html")
    assert "Content-Security-Policy\" content=\"\"" in path.read_text(encoding="utf-8")
    url = path.resolve().as_uri()
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    routed: list[str] = []
    seen: list[str] = []

    def route(route: Any) -> None:
        if route.request.url == url:
            route.continue_()
        else:
            routed.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("request", lambda request: seen.append(request.url))
    try:
        page.goto(url)
        page.wait_for_function(FRAME_READY)
        frame = next(f for f in page.frames if f.url == "about:srcdoc")
        frame.evaluate("() => document.querySelectorAll('a, button').forEach(e =>"
                       " e.dispatchEvent(new MouseEvent('click', {bubbles: true})))")
        page.wait_for_timeout(1200)  # time for a refresh, a late load, an animation
        leaving = [u for u in seen if u != url and not u.startswith(("data:", "about:"))]
        assert routed == [] and leaving == []
        assert beacon.hits == []
        assert page.url == url
        assert frame.evaluate("document.URL") == "about:srcdoc"
        assert frame.evaluate("window.__pwned") is None
        assert page.evaluate("window.__pwned") is None
    finally:
        context.close()


# --- finding the way ----------------------------------------------------------------------

# Menus tall enough to push the story below the first screen.
TALL_MENUS = '<div class="menus" style="height:3000px">Menus</div><article>'


def frame_in_view(opened: Opened, node: str) -> bool:
    return bool(opened.frame.locator(f'[data-nc-id="{node}"]').evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return r.bottom > 0 && r.top < e.ownerDocument.defaultView.innerHeight; }"))


def test_report_opens_at_the_story_and_steps_through_decisions(
        browser: Any, tmp_path: Path) -> None:
    explanation = story_explanation(STORY_PAGE.replace("<article>", TALL_MENUS, 1))
    opened = open_report(browser, tmp_path, explanation)
    try:
        story = explanation.decisions[0].node
        opened.page.wait_for_timeout(100)
        assert opened.frame_eval("window.scrollY") > 1000
        assert frame_in_view(opened, story)
        first, second = explanation.decisions[1].node, explanation.decisions[3].node
        assert not frame_in_view(opened, explanation.decisions[14].node)  # the <nav>
        opened.page.locator("#nc-next").click()
        pinned = opened.frame.locator(".nc-pinned")
        assert pinned.count() == 1 and pinned.get_attribute("data-nc-id") == first
        assert frame_in_view(opened, first)
        assert "wire dateline" in opened.page.locator("#nc-selected-body").inner_text()
        count = opened.page.locator("#nc-next-count")
        step, total = count.inner_text().split(" / ")
        opened.page.keyboard.press("n")
        assert pinned.get_attribute("data-nc-id") == second
        assert count.inner_text() == f"{int(step) + 1} / {total}"
        assert opened.others() == []
    finally:
        opened.close()


# --- real pages through newsclean.explain ------------------------------------------------


def _upi_page() -> tuple[bytes, str | None, datetime | None]:
    pages = sorted((ROOT / "corpus" / "upi.com").glob("*/page.html"))
    if pages:
        meta = json.loads(pages[0].with_name("page.json").read_text(encoding="utf-8"))
        return (pages[0].read_bytes(), meta["final_url"],
                datetime.fromisoformat(meta["fetched_at"]))
    sample = ROOT / "src" / "newsclean" / "data" / "sample.html"
    if sample.is_file():
        return sample.read_bytes(), None, None
    pytest.skip("no UPI-style page in corpus/upi.com or src/newsclean/data")


def check_end_to_end(opened: Opened, explanation: Explanation) -> None:
    """What holds for any engine result: legend, fields, marks for what was decided."""
    assert opened.page.locator("#nc-legend button").count() == 12
    fields = opened.page.locator("#nc-fields")
    assert fields.is_visible()
    if explanation.article.title:
        assert explanation.article.title in fields.inner_text()
    # Every role the engine recorded is marked somewhere visible in the page.
    in_body = visible_nodes(explanation)
    shown: set[Role] = set()
    for node in in_body:
        mark = opened.frame.locator(f'[data-nc-id="{node}"]')
        if mark.count() == 1 and mark.is_visible():
            shown.update(d.role for d in explanation.decisions if d.node == node)
    roles = {d.role for d in explanation.decisions if d.node in in_body}
    assert roles <= shown | {"boilerplate"}  # cookie banners and the like may be hidden
    # Each paragraph, picture and related link of the Article is marked in the page.
    article = explanation.article
    for role, items in (("paragraph", article.paragraphs), ("image", article.images),
                        ("related-item", article.related)):
        assert opened.frame.locator(f".nc-r-{role}").count() >= len(items), role
    assert opened.others() == []


def test_upi_page_report_end_to_end(browser: Any, tmp_path: Path) -> None:
    html, url, fetched_at = _upi_page()
    explanation = newsclean.explain(html, url, reference_time=fetched_at)
    opened = open_report(browser, tmp_path, explanation)
    try:
        check_end_to_end(opened, explanation)
        if explanation.rule:
            assert "UPI" in opened.page.locator("#nc-rule").inner_text()
        # The picture: the story in view, one paragraph hovered and pinned.
        paragraph = next((d for d in explanation.decisions if d.role == "paragraph"), None)
        if paragraph is not None:
            mark = opened.frame.locator(f'[data-nc-id="{paragraph.node}"]')
            mark.evaluate("e => e.scrollIntoView({block: 'start'})")
            opened.frame_eval("window.scrollBy(0, -220)")
            mark.click()
            assert paragraph.reason in opened.page.locator("#nc-selected-body").inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        opened.page.screenshot(path=str(ARTIFACTS / "inspector-upi.png"))
        assert (ARTIFACTS / "inspector-upi.png").stat().st_size > 10_000
    finally:
        opened.close()


def test_generic_engine_report_end_to_end(browser: Any, tmp_path: Path) -> None:
    # The hand-made story page, no site rule: the engine's own signals and scores.
    explanation = newsclean.explain(STORY_PAGE, "https://example.com/news/austin",
                                    rules=RuleSet())
    opened = open_report(browser, tmp_path, explanation)
    try:
        check_end_to_end(opened, explanation)
        assert explanation.rule is None
        assert "Generic engine" in opened.page.locator("#nc-rule").inner_text()
    finally:
        opened.close()


def test_a_five_megabyte_page_report_opens_in_bounded_time(browser: Any, tmp_path: Path) -> None:
    explanation = large_explanation()
    started = time.monotonic()
    opened = open_report(browser, tmp_path, explanation, timeout=60)
    try:
        last = opened.frame.locator(f'[data-nc-id="{explanation.decisions[1].node}"]')
        last.scroll_into_view_if_needed()
        assert last.is_visible()
        assert time.monotonic() - started < 60
        assert opened.others() == []
    finally:
        opened.close()

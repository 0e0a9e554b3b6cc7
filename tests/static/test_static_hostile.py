"""Hostile author text (<script>, onerror, javascript: links, script-breakout) stays inert: in the text version
and in the player, at every step. No dialog, no injected element, no javascript: link, no page error."""

from __future__ import annotations

from typing import Any

import pytest

from ilomo.markdown import markdown_html
from ilomo.static import player_files
from tests.static.static_helpers import FIXTURES, data, load_scenario

pytestmark = pytest.mark.browser
SEC = "section.ilomo-oefening"
EVIL = (' <script>window.__pwned=1;alert(1)</script> <img src=x onerror="window.__pwned=2;alert(2)">'
        " [klik](javascript:window.__pwned=3) </script><!-- <svg onload=alert(4)>")
SKIP_KEYS = {"id", "kind", "module", "next", "start", "category", "name", "tags", "takeaways", "url", "requires",
             "condition", "effects", "better", "to", "when"}

INERT = """() => {
  const secs = [...document.querySelectorAll("section.ilomo-oefening")];
  const bad = [];
  for (const s of secs) {
    for (const el of s.querySelectorAll("*")) {
      const tags = /^(IMG|IFRAME|OBJECT|EMBED|SVG|STYLE|LINK|META|BASE|FORM|INPUT|VIDEO|AUDIO|SOURCE)$/i;
      if (tags.test(el.tagName)) bad.push(el.tagName);
      if (el.tagName === "SCRIPT" && !el.matches("script.ilomo-data[type='application/json']")) bad.push("SCRIPT");
      for (const a of el.attributes) {
        if (/^on/i.test(a.name) || /^\\s*(javascript|data|vbscript):/i.test(a.value)) bad.push(a.name + "=" + a.value);
      }
    }
    for (const a of s.querySelectorAll("a[href]")) if (!/^https?:$/.test(a.protocol)) bad.push("href " + a.href);
  }
  return {bad, pwned: window.__pwned === undefined ? null : window.__pwned, scripts: document.scripts.length};
}"""


def poison(node: Any, key: str = "") -> Any:
    """Append hostile text to every author string (not to ids, references or numbers)."""
    if isinstance(node, dict):
        return {k: v if k in SKIP_KEYS else poison(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [poison(v, key) for v in node]
    return node + EVIL if isinstance(node, str) else node


def hostile_scenarios() -> list[Any]:
    out: list[Any] = [load_scenario(FIXTURES / "proef-vijandig.yml")]
    for name in ("proef-dilemma", "proef-sortering", "proef-stelling", "proef-reflectie"):
        sc = poison(data(load_scenario(FIXTURES / f"{name}.yml")))
        out.append({**sc, "id": f"{sc['id']}-vijandig"})
    return out


PLAYER_SCRIPTS = len([name for name in player_files() if name.endswith(".js")])


def check_inert(page: Any, scripts: int) -> None:
    result = page.evaluate(INERT)
    assert result["bad"] == [] and result["pwned"] is None
    assert result["scripts"] == scripts, "a script element was injected"


def test_hostile_text_is_inert(tab: Any, site: Any) -> None:
    scs = hostile_scenarios()
    page = tab.page
    page.goto(site.page("vijandig.html", scs))
    page.wait_for_selector(f"{SEC} .ilomo-speler")
    assert page.locator(f"{SEC} .ilomo-speler").count() == len(scs)
    scripts = page.evaluate("() => document.scripts.length")  # the player's scripts + one JSON block per exercise
    assert scripts == PLAYER_SCRIPTS + len(scs)
    check_inert(page, scripts)
    text = page.locator(SEC).first.inner_text()
    assert "<script>window.__pwned=1;alert(1)</script> Titel" in text
    page.evaluate("() => document.querySelectorAll('details.ilomo-tekst').forEach((d) => { d.open = true; })")
    assert "<img src=x onerror=" in page.locator(".ilomo-tekstversie").first.inner_text()
    sections = page.locator(SEC)
    for n in range(sections.count()):  # play every exercise to its end, checking each step
        section = sections.nth(n)
        for box in section.locator("textarea").all():
            box.fill("<img src=x onerror=alert(5)>")
        for _ in range(12):
            button = section.locator(".ilomo-stap [role=group] button").first
            if not button.count():
                break
            button.hover()
            button.click()
            check_inert(page, scripts)
    for link in page.locator(f"{SEC} a").all():  # unsafe links are plain text; the rest stay on http(s)
        assert (link.get_attribute("href") or "").startswith(("https://", "http://", "#", "/", "./", "../"))
    check_inert(page, scripts)


def test_rendered_markdown_is_inert(tab: Any, site: Any) -> None:
    tab.page.goto(f"{site.url}/leeg.html")
    tab.page.wait_for_function("() => window.ILOMO")
    out = tab.page.evaluate("""(src) => { const d = document.createElement("div");
      d.append(ILOMO.html(src)); document.body.append(d);
      return {html: d.innerHTML, links: [...d.querySelectorAll("a")].map((a) => [a.getAttribute("href"), a.rel])}; }""",
                            markdown_html(EVIL + "\n\n- [a](https://example.org) [b](JAVASCRIPT:x) [c](java\tscript:x)"),  # noqa: E501
                            )
    assert "<script" not in out["html"] and "<img" not in out["html"] and "<svg" not in out["html"]
    assert out["links"] == [["https://example.org", "noopener"]]
    check_inert(tab.page, PLAYER_SCRIPTS)

"""One small story page for tests of what the story text keeps: three plain paragraphs
about a bridge, and a page builder that sets given lines as paragraphs around them."""

from __future__ import annotations

import newsclean

URL = "https://news.example.com/local/bridge-closed"
STORY = [
    "The council voted on Tuesday to close the old bridge to cars for the whole summer, "
    "after engineers found cracks in two of its supporting piers during a routine check.",
    "Cyclists and people on foot may still cross, the council said, while a temporary ferry "
    "will carry vans and lorries between the two banks of the river from next Monday.",
    "Repairs are expected to cost about four million euros and should be finished before "
    "the school year starts again in September, if the weather holds.",
]


def bridge_article(lines: list[str], head: str = "") -> newsclean.Article:
    """The article of a page whose story holds `lines`, each a <p>, in order; `head` goes
    into the page's <head> (metadata)."""
    body = "".join(f"<p>{text}</p>" for text in lines)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}
<title>Bridge closed | Example News</title></head><body><main><article>
<h1>Bridge closed to cars for the summer</h1><div class="article-body">{body}</div>
</article></main></body></html>"""
    return newsclean.extract(html, URL, rules=newsclean.RuleSet())

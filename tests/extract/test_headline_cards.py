"""Headline cards read as story lines: headings that are wholly links to other stories of
the site."""

from __future__ import annotations

import newsclean

URL = "https://example.com/2024/05/harbour-plan-approved"
PARAGRAPH = ("<p>The council voted on harbour plan number {i} after a long debate about the "
             "costs and the timetable of the works, which start next spring and run for two "
             "years along the northern quay.</p>")
STORY = "".join(PARAGRAPH.format(i=i) for i in range(6))
TITLES = ["Harbour master warns of winter storms along the coast",
          "New ferry timetable starts in the spring for island routes",
          "Fishing fleet returns early after a record season at sea",
          "Lighthouse keeper retires after forty years on the rock"]


STORY_HEAD = '<meta property="og:type" content="article">'


def _extract(body: str, head: str = STORY_HEAD) -> newsclean.Article:
    page = (f"<html><head><title>Harbour plan approved</title>{head}</head>"
            f"<body>{body}</body></html>")
    return newsclean.extract(page, URL, rules=newsclean.RuleSet())


def _card(i: int, teaser: str = "", host: str = "") -> str:
    href = f"{host}/2024/05/other-story-number-{i}"
    return (f'<div class="col"><div class="pic"><a href="{href}"><img src="/{i}.jpg"></a></div>'
            f'<div class="txt"><h3><a href="{href}">{TITLES[i]}</a></h3>{teaser}</div></div>')


def test_a_card_whose_link_wraps_its_heading_is_no_standfirst() -> None:
    # Cards between the headline's standfirst and the story: their headings are not
    # sub-headings of the standfirst.
    cards = "".join(f'<article><a href="/2024/05/other-story-number-{i}"><img src="/{i}.jpg">'
                    f"<h3>{TITLES[i]}</h3></a></article>" for i in range(3))
    article = _extract(
        "<div class='wrap'><header><h1>Harbour plan approved</h1>"
        "<p>The harbour plan passed after a year of debate and two failed votes, and "
        "building starts in the spring.</p></header>"
        f"<section><div class='column'>{cards}</div></section>"
        "<p>The mayor said the works would keep the ferry running and the quay open to "
        "walkers for the whole two years.</p>"
        f"<article><div class='body'>{STORY}</div></article></div>")
    assert not any(title in article.text for title in TITLES)
    assert article.text.startswith("The harbour plan passed")
    assert "The mayor said" in article.text

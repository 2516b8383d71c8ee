"""A <p> named a teaser at the head of the story is its standfirst and stays; a run of
blocks so named beside the story is other stories' teasers and goes."""

from __future__ import annotations

import newsclean

URL = "https://news.example.com/sport/coach-stays"
LEAD = ("Relegation all but certain: the club can play its last games without pressure, "
        "says the interim coach, who leaves some questions about the squad open.")
STORY = [
    "Hope had flickered once more in the fight against relegation, but the defeat last "
    "weekend ended it, and the team now plays for its pride and its supporters.",
    "The interim coach said he wanted as many points as possible, but that the way the "
    "team carried itself on the pitch would matter just as much to him.",
]


def paragraphs(extra: str = "") -> list[str]:
    body = f'<p class="article__teaser">{LEAD}</p>' + "".join(f"<p>{t}</p>" for t in STORY)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Coach stays | Example News</title></head><body><main><article>
<h1>Interim coach: nothing more to lose</h1><div class="article__content">{body}{extra}</div>
</article></main></body></html>"""
    return newsclean.extract(html, URL, rules=newsclean.RuleSet()).paragraphs


def test_teaser_paragraph_is_the_standfirst() -> None:
    assert paragraphs() == [LEAD, *STORY]


def test_teaser_blocks_are_not() -> None:
    cards = "".join(f'<div class="teaser"><a href="/sport/other-{n}">Another story {n} on '
                    "the league's last weekend</a></div>" for n in range(3))
    assert paragraphs(cards) == [LEAD, *STORY]


def _story_with(header: str) -> list[str]:
    body = "".join(f"<p>{t}</p>" for t in STORY)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Coach stays | Example News</title></head><body><main>
<div class="col news-detail">{header}{body}</div></main></body></html>"""
    return newsclean.extract(html, URL, rules=newsclean.RuleSet()).paragraphs


def test_teaser_block_under_the_headline_is_the_standfirst() -> None:
    header = (f'<h1>Interim coach: nothing more to lose</h1><div class="teaser-text">'
              f"<blockquote><p>{LEAD}</p></blockquote></div>")
    assert _story_with(header) == [LEAD, *STORY]


def test_teaser_card_above_the_headline_is_not() -> None:
    card = ('<div class="tile"><div class="blog_teaser_text">The zoo raises its prices: the '
            "council's largest group opposes the steep rise in the entrance fee.</div>"
            '<div class="more"><a href="/zoo">read on</a></div></div>')
    header = f"{card}<h1>Interim coach: nothing more to lose</h1>"
    assert _story_with(header) == STORY

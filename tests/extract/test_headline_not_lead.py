"""The headline is never read as the standfirst when the walk for the standfirst meets it
(a long headline set in an <h2> of the article's header, a label above its title)."""

from __future__ import annotations

import newsclean

URL = "https://news.example.com/economy/bank-collapse-review"
HEADLINE = "Central bank admits failings in its supervision of the collapsed regional lender"
STORY = [
    "The central bank has admitted failings in its supervision of the regional lender in "
    "a review of its collapse, and promised to act sooner on risks in future.",
    "The collapse showed weaknesses in regulation and supervision that must be dealt "
    "with, said the official who led the review, in a statement on Friday.",
    "Supervisors closed the bank in March, a day after customers tried to withdraw "
    "billions of dollars within a few hours, the largest run in years.",
]


def test_long_headline_in_an_h2_is_not_a_lead_paragraph() -> None:
    body = "".join(f"<p>{text}</p>" for text in STORY)
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{HEADLINE} | Example</title><meta property="og:title" content="{HEADLINE}">
</head><body><main><article><header><div><h2><span>Bank collapse</span>
<span>{HEADLINE}</span></h2></div></header>
<div class="article-body">{body}</div></article></main></body></html>"""
    article = newsclean.extract(html, URL, rules=newsclean.RuleSet())
    assert article.paragraphs == STORY


def test_a_kicker_inside_the_headline_stays_out_of_the_title() -> None:
    # Set as two lines by the page's style; read as one run of words without it.
    story = "".join(f"<p>{text}</p>" for text in STORY)
    page = (f'<html><head><meta property="og:title" content="{HEADLINE}"></head><body>'
            f'<article><h1><span class="kicker">Banking</span><span>{HEADLINE}</span></h1>'
            f"{story}</article></body></html>")
    article = newsclean.extract(page, URL)
    assert article.title == HEADLINE
    assert article.paragraphs == STORY  # the headline stays out of the text, kicker and all

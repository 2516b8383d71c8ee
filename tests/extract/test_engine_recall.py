"""The generic engine keeps story text that sits around or beside the best container."""

from __future__ import annotations

import newsclean

SENTENCE = ("The council met on Monday to discuss the new bus routes, and after a long "
            "debate, with many questions from residents, it voted for them. ")


def paragraphs(count: int = 6) -> str:
    return "".join(f"<p>{n}. {SENTENCE * 2}</p>" for n in range(count))


def story(count: int = 6, cls: str = "story-body") -> str:
    return f'<div class="{cls}">{paragraphs(count)}</div>'


def extract(page: str) -> newsclean.Article:
    return newsclean.extract(page, "https://news.example.com/a", rules=newsclean.RuleSet())


def test_standfirst_between_a_far_headline_and_the_story() -> None:
    standfirst = ("Buses will run every ten minutes from June, the council decided after "
                  "a debate that lasted well into the night.")
    page = (
        "<html><body>"
        '<section class="page-head"><div><div><header>'
        f"<h1>Council backs new bus routes</h1><h2>{standfirst}</h2>"
        "</header></div></div></section>"
        f'<section class="page-body"><div><div><div><div><div>{story()}'
        "</div></div></div></div></div></section>"
        "</body></html>")
    paragraphs = extract(page).paragraphs
    assert paragraphs[0] == standfirst
    assert paragraphs[1].startswith("0. The council met")


def test_sub_headings_between_lead_paragraphs() -> None:
    first = "Buses will run every ten minutes from June, the council decided on Monday night."
    second = "Fares stay as they are for a year, and children under twelve travel for free."
    page = (
        "<html><body><article><h1>Council backs new bus routes</h1>"
        f'<div class="intro"><p>{first}</p><h3>What changes</h3><p>{second}</p>'
        "<h3>Share this</h3></div>"
        f"{story()}</article></body></html>")
    paragraphs = extract(page).paragraphs
    assert paragraphs[:3] == [first, "What changes", second]
    assert "Share this" not in paragraphs


def test_responsive_visibility_is_not_hidden() -> None:
    summary = "Buses will run every ten minutes from June, and fares stay as they are."
    page = ("<html><body><article><h1>Council backs new bus routes</h1>"
            f'<div class="story-body">{paragraphs()}<ul class="hidden-xs"><li>{summary}</li></ul>'
            '<div class="visually-hidden">Skip to the next story</div></div>'
            "</article></body></html>")
    text = extract(page).text
    assert summary in text
    assert "Skip to the next story" not in text


def test_linked_cell_of_a_data_table_stays() -> None:
    rows = "".join(
        f"<tr><th>Route {n}</th><td>Every {n + 5} minutes from the central station</td>"
        f'<td><a href="/stops/{n}">Harbour Road</a></td></tr>' for n in range(4))
    page = ("<html><body><article><h1>Council backs new bus routes</h1>"
            f'<div class="story-body">{paragraphs()}<table>{rows}</table></div>'
            '<ul class="links"><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul>'
            "</article></body></html>")
    assert "Harbour Road" in extract(page).paragraphs


def test_posts_of_a_thread_join() -> None:
    posts = "".join(
        f'<div class="post-wrap"><div class="meta"><a href="/u/{n}">user{n}</a></div>'
        f'<div class="post-body"><p>Post {n}: {SENTENCE * 3}</p><p>{SENTENCE * 2}</p></div>'
        "</div>"
        for n in range(4))
    page = f"<html><body><h1>Bus routes thread</h1><div>{posts}</div></body></html>"
    text = extract(page).text
    assert all(f"Post {n}:" in text for n in range(4))


def test_comment_list_does_not_outweigh_the_article() -> None:
    comments = "".join(f'<li class="comment"><p>Comment {n}: {SENTENCE * 2}</p></li>'
                       for n in range(30))
    page = ("<html><body><div id='content'><div class='post'><h1>Bus routes</h1>"
            f"{story(8, cls='entry')}</div>"
            f"<div id='comments'><ol class='commentlist'>{comments}</ol></div>"
            "</div></body></html>")
    text = extract(page).text
    assert "0. The council met" in text
    assert "Comment 3:" not in text


def test_question_and_answer_meta_lines_are_dropped() -> None:
    page = ("<html><body><div class='question'><h1>When to use wurde?</h1>"
            "<div>Asked 8 years, 2 months ago</div><div>Viewed 38k times</div>"
            f"{story()}<div>asked Feb 6, 2014 at 20:37</div></div></body></html>")
    text = extract(page).text
    assert "0. The council met" in text
    assert "Asked 8 years" not in text and "Viewed 38k" not in text and "20:37" not in text


def test_sentence_running_into_its_link_is_story_text() -> None:
    # A sentence that starts in plain text and runs on into a link to its full stop is
    # prose; a call to action after a question, and a menu line, are not.
    linked = ("Ms Novak replaces Mr Weiss, <a href='/weiss'>who for the last eight months "
              "combined the role with his work in the marketing team.</a>")
    action = "Like this recipe? <a href='/basket'>Add all of its ingredients to your basket today.</a>"
    menu = ("Sections: <a href='/a'>World</a> <a href='/b'>Business</a> <a href='/c'>Sport</a> "
            "<a href='/d'>Culture and the arts</a>")
    page = ("<html><body><article><h1>New spokeswoman at the group</h1>"
            f'<div class="story-body">{paragraphs(3)}<p>{linked}</p><p>{action}</p>'
            f"<p>{menu}</p>{paragraphs(2)}</div></article></body></html>")
    text = extract(page).text
    assert "Ms Novak replaces Mr Weiss, who for the last eight months" in text
    assert "Add all of its ingredients" not in text
    assert "Culture and the arts" not in text


def test_a_module_above_the_headline_named_like_the_story_stays_out() -> None:
    # A page builder names every module alike: the offer banner above the headline
    # scores as well as the story below it, but it is not a part of the story.
    offer = ("Save ten pounds on an order of fifty pounds or more, valid this week only, "
             "once per customer, online and in our shops, while stocks last. ")
    page = "\n".join([
        '<html><body><div class="top-bar"><div class="row">',
        f'<div class="module-content"><p>{offer * 4}</p><p>{offer * 4}</p></div>',
        "</div></div>",
        "<ul><li><a href='/a'>World</a></li><li><a href='/b'>Business</a></li></ul>",
        '<div class="page"><h1>Council backs new bus routes</h1><div class="row">',
        f'<div class="module-content">{paragraphs(3)}</div>',
        "</div></div></body></html>"])
    text = extract(page).text
    assert "Save ten pounds" not in text
    assert text.count("The council met on Monday") == 6


def test_teasers_around_the_headlines_article_stay_out() -> None:
    # The story's <article> holds its headline; the teasers of other stories beside it
    # hold more paragraph text than the story, but climbing to them leaves the story.
    teaser = ("The festival was launched on Sunday with a colourful parade through the "
              "streets of the capital, and the organisers expect many visitors this year. ")
    cards = "".join(f'<div class="card"><h3><a href="/s{n}">Other story {n}</a></h3>'
                    f"<p>{teaser * 2}</p></div>" for n in range(8))
    page = ("<html><body><div class='central'>"
            "<div class='column'><article class='single-post'><h1>Council backs new bus routes</h1>"
            f"{paragraphs(3)}</article></div><div class='column'><div class='more'>{cards}</div></div>"
            "</div></body></html>")
    text = extract(page).text
    assert "0. The council met on Monday" in text
    assert "colourful parade" not in text


def test_sections_set_straight_in_body_are_read_together() -> None:
    # <body> gets no score, so no wrapper sums sections of one short paragraph each.
    sections = "".join(
        f"<section><h2>Stop {n}</h2><p>Stop {n} of the new route, by the market, serves "
        f"the old town, the station and, on Sundays, the lake.</p></section>"
        for n in range(1, 6))
    page = (f"<html><body><h1>Council backs new bus routes</h1>{sections}"
            '<section class="promo"><p>Subscribe to our newsletter today.</p></section>'
            "</body></html>")
    paragraphs = extract(page).paragraphs
    assert [p for p in paragraphs if p.startswith("Stop ") and "route" in p] == [
        f"Stop {n} of the new route, by the market, serves the old town, the station and, "
        f"on Sundays, the lake." for n in range(1, 6)]
    assert "Subscribe to our newsletter today." not in paragraphs


def test_the_next_story_of_an_endless_page_stays_out() -> None:
    # Built like the first story (same classes), but under a headline of its own.
    next_story = ("The library reopens on Saturday after a year of repairs, with a new roof, "
                  "a reading garden and, for the first time, a room for study groups. ")
    page = ("<html><head><title>Council backs new bus routes</title></head><body>"
            '<article class="story"><h1>Council backs new bus routes</h1>'
            f'<div class="story-body">{paragraphs(3)}</div></article>'
            '<article class="story next"><h1>Library reopens</h1>'
            f'<div class="story-body">{"".join(f"<p>{next_story * 2}</p>" for _ in range(4))}'
            "</div></article></body></html>")
    article = extract(page)
    assert [p[:2] for p in article.paragraphs] == ["0.", "1.", "2."]


def test_posts_of_a_thread_still_join() -> None:
    # The same shape without a headline per part: the posts of one thread.
    page = ("<html><body><h1>Council backs new bus routes</h1>"
            + "".join(f'<article class="post"><div class="post-body"><p>Post {n}. {SENTENCE * 2}'
                      f"</p><p>Post {n}, again. {SENTENCE * 2}</p></div></article>"
                      for n in range(3))
            + "</body></html>")
    assert [p.split(".")[0] for p in extract(page).paragraphs] == [
        "Post 0", "Post 0, again", "Post 1", "Post 1, again", "Post 2", "Post 2, again"]

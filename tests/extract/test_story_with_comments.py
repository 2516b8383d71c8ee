"""A post whose readers wrote more than it holds: the comments, however many, stay out of
the story when the post above them is a story on its own (a thread is posts alone)."""

from __future__ import annotations

import newsclean

POST = [f"Paragraph {n} of the essay on the old film, its score and its cast, and why a "
        "second viewing, years later, changes what the first one seemed to say." for n in range(8)]


def _reply(n: int) -> str:
    return (f'<li class="comment" id="li-comment-{n}"><article class="comment">'
            f'<footer class="comment-meta"><span class="comment-name">Reader {n}</span></footer>'
            f'<div class="comment-content"><p>Reader {n} answers at length: the film was better '
            "than the book, the book better than the film, and both of them better than the "
            "sequel that nobody asked for, which they watched twice anyway.</p>"
            "<p>And a second paragraph, because one was never going to be enough for "
            "them.</p></div></article></li>")


def _page(replies: int) -> str:
    post = "".join(f"<p>{line}</p>" for line in POST)
    return ('<html><head><title>The film, again | A blog</title></head><body>'
            '<div class="postarea"><h1>The film, again</h1>'
            f'{post}<div id="comments" class="comments-wrapper"><h3>{replies} replies</h3>'
            f'<ol class="commentlist">{"".join(_reply(n) for n in range(replies))}</ol>'
            "</div></div></body></html>")


def test_comments_outweighing_the_post_stay_out_of_it() -> None:
    page = _page(40)
    article = newsclean.extract(page, "https://blog.example.org/2025/film",
                                rules=newsclean.RuleSet())
    assert article.paragraphs == POST


def test_replies_alone_are_the_thread() -> None:
    page = ('<html><body><div class="postarea"><h1>Which lens?</h1>'
            f'<ol class="commentlist">{"".join(_reply(n) for n in range(12))}</ol>'
            "</div></body></html>")
    article = newsclean.extract(page, "https://forum.example.org/t/lens",
                                rules=newsclean.RuleSet())
    assert article.text.count("answers at length") == 12


_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", '
       '"@type": "DiscussionForumPosting", "headline": "Which lens for the hills?"}</script>')


def _thread(head: str) -> str:
    opening = "".join(f"<p>{line}</p>" for line in POST[:6])
    replies = "".join(_reply(n) for n in range(3))
    return (f"<html><head><title>Which lens for the hills?</title>{head}</head><body>"
            '<div class="topic"><h1>Which lens for the hills?</h1>'
            f'{opening}<ol class="commentlist">{replies}</ol></div></body></html>')


def test_a_page_that_names_itself_a_discussion_keeps_its_replies() -> None:
    url = "https://forum.example.org/t/lens"
    plain = newsclean.extract(_thread(""), url, rules=newsclean.RuleSet())
    assert "answers at length" not in plain.text  # comments under a post: left out
    thread = newsclean.extract(_thread(_LD), url, rules=newsclean.RuleSet())
    assert thread.paragraphs[:6] == POST[:6]
    assert thread.text.count("answers at length") == 3

"""Errors keep their message and fields across processes (pickling)."""

from __future__ import annotations

import pickle

import pytest

from newsclean import errors


@pytest.mark.parametrize("error", [
    errors.HTTPStatusError("server answered 410 Gone", "https://example.com/a", 410),
    errors.NotHTMLError("content type application/pdf is not HTML", "https://example.com/b",
                        "application/pdf"),
    errors.FetchTimeoutError("read timed out after 10 s", "https://example.com/c"),
    errors.EmptyDocumentError("empty input", "https://example.com/d"),
    errors.RuleError("unknown key", "rules/site.toml", 4, "stroy"),
    errors.RetryLaterError("the server asks to wait 120.0s", "https://example.com/e", 120.0),
])
def test_errors_survive_pickling(error: errors.NewscleanError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.__dict__ == error.__dict__


def test_messages_name_the_page() -> None:
    assert str(errors.HTTPStatusError("server answered 404", "https://e.com/x", 404)) == \
        "https://e.com/x: server answered 404"
    assert "rules/a.toml:7 [title]" in str(errors.RuleError("bad selector", "rules/a.toml", 7, "title"))

"""The error hierarchy. Every message names what happened and to which page or file."""

from __future__ import annotations

__all__ = ["DocumentTooLargeError", "EmptyDocumentError", "ExtractionError", "FetchError",
           "FetchTimeoutError", "ForbiddenAddressError", "HTTPStatusError", "NewscleanError",
           "NotHTMLError", "RobotsDisallowedError", "RuleError", "TooLargeError",
           "TooManyRedirectsError"]


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


def _rebuild(cls: type[NewscleanError], state: dict[str, object], text: str
             ) -> NewscleanError:
    """Unpickle an error without calling its __init__ (whose arguments vary)."""
    error = cls.__new__(cls)
    error.__dict__.update(state)
    error.args = (text,)
    return error


# --- extraction -------------------------------------------------------------------


class ExtractionError(NewscleanError):
    """The input could not be turned into an article."""

    def __init__(self, message: str, url: str | None = None) -> None:
        self.url = url
        self.message = message
        where = f" ({url})" if url else ""
        super().__init__(f"{message}{where}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.__dict__, str(self)))


class EmptyDocumentError(ExtractionError):
    """The input is empty, binary, or holds no parseable HTML."""


class DocumentTooLargeError(ExtractionError):
    """The input is larger than the configured limit."""


# --- site rules -------------------------------------------------------------------


class RuleError(NewscleanError):
    """A site rule file is invalid; the message names the file, line and key."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 key: str | None = None) -> None:
        self.path = path
        self.line = line
        self.key = key
        where = ""
        if path:
            where = path + (f":{line}" if line else "")
            if key:
                where += f" [{key}]"
            where += ": "
        super().__init__(f"{where}{message}")


# --- fetching ---------------------------------------------------------------------


class _URLError(NewscleanError):
    """An error about one address: `message` and `url`, shown as "url: message"."""

    def __init__(self, message: str, url: str) -> None:
        self.url = url
        self.message = message
        super().__init__(f"{url}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries in the pipeline: rebuild from the same
        # arguments, whatever extra ones a subclass takes.
        return (_rebuild, (type(self), self.__dict__, str(self)))


class FetchError(_URLError):
    """A page could not be fetched."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, url: str, status: int) -> None:
        self.status = status
        super().__init__(message, url)


class TooLargeError(FetchError):
    """The body (or its decompressed form) is larger than the size cap."""


class NotHTMLError(FetchError):
    """The response is not HTML or XHTML."""

    def __init__(self, message: str, url: str, content_type: str | None) -> None:
        self.content_type = content_type
        super().__init__(message, url)


class RobotsDisallowedError(FetchError):
    """robots.txt forbids this URL to our user agent; no request was made."""


class TooManyRedirectsError(FetchError):
    """The redirect limit was reached, or the redirects loop."""


class FetchTimeoutError(FetchError):
    """A connect or read timeout, or the total per-page deadline, was exceeded."""


class ForbiddenAddressError(FetchError):
    """The host resolves to an address the fetcher is configured to refuse."""


class RetryLaterError(FetchError):
    """The host asks for a pause (Retry-After, Crawl-delay) that would outlast the page's
    deadline: nothing was waited for; try this URL again after `wait` seconds."""

    def __init__(self, message: str, url: str, wait: float) -> None:
        self.wait = wait
        super().__init__(message, url)

"""One adapter per tool. Each uses the tool's default settings and never the network.

An adapter splits the work in three: `setup` (imports, configuration: not timed),
`extract` (the single call that is timed, per page) and `output` (reading the result
into plain text and metadata: not timed). Peers get the page decoded to `str` once,
outside the timed region, the same way for all; newsclean gets the bytes and decodes
them inside its own timed call, as its users call it.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .loaders import decode_html


@dataclass(slots=True)
class Output:
    """What a tool returned, as plain values (crosses the process boundary by pickle)."""

    text: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    images: list[dict[str, Any]] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)
    text_source: str | None = None
    """newsclean: which engine's text this is ("newsclean", "trafilatura", "json-ld")."""
    second_opinion: bool = False
    """newsclean: its confidence was low enough to ask for a second opinion."""


class Adapter:
    """Base adapter. `module` is the import name used to tell whether it is installed."""

    name = ""
    module = ""
    distribution = ""
    note = ""
    takes_bytes = False
    has_metadata = False
    """Metadata is scored for this tool (WCXB articles, Readability pages)."""
    returns_article = False
    """The timed call returns pictures, related links and metadata (newsclean): only
    such a tool is scored on captions, credits, related links and Fundus metadata."""

    def setup(self) -> None:
        """Import and configure the tool (not timed)."""

    def extract(self, html: str | bytes, url: str | None, reference_time: datetime | None) -> Any:
        """The one timed call."""
        raise NotImplementedError

    def output(self, raw: Any) -> Output:
        """Turn the raw result into text and metadata (not timed)."""
        raise NotImplementedError

    def metadata(self, html: str | bytes, url: str | None) -> Output:
        """A separate, untimed pass for metadata when `extract` is not where it comes from."""
        return self.output(self.extract(html, url, None))

    def installed(self) -> bool:
        return not self.module or importlib.util.find_spec(self.module) is not None

    def version(self) -> str | None:
        try:
            return importlib.metadata.version(self.distribution) if self.distribution else None
        except importlib.metadata.PackageNotFoundError:
            return None


KEPT_REASON = "kept: "
"""How a confidence reason starts when the second opinion ran and the engine's text stayed
(newsclean.extract.fallback)."""


def _article_output(article: Any) -> Output:
    data = article.to_dict()
    return Output(
        text=article.text,
        title=data.get("title"),
        authors=list(data.get("authors") or []),
        published=data.get("published"),
        images=list(data.get("images") or []),
        related=list(data.get("related") or []),
        text_source=article.text_source,
        second_opinion=article.text_source != "newsclean"
        or any(reason.startswith(KEPT_REASON) for reason in article.confidence_reasons),
    )


class Newsclean(Adapter):
    name = "newsclean"
    module = "newsclean"
    distribution = "newsclean"
    note = "extract(bytes, url): built-in rules; decoding is inside the timed call"
    takes_bytes = True
    has_metadata = True
    returns_article = True

    def __init__(self, settings: str | None = None) -> None:
        self._rules: Any = None
        self.settings_text = settings
        """`KEY=VALUE[,KEY=VALUE]` overrides of newsclean.Settings (from --settings)."""
        self._settings: Any = None
        if settings:
            self.note = f"{self.note}; Settings({settings})"

    def setup(self) -> None:
        import newsclean

        self._extract = newsclean.extract
        if self.settings_text:
            self._settings = newsclean.Settings.parse(self.settings_text)

    def extract(self, html: str | bytes, url: str | None, reference_time: datetime | None) -> Any:
        return self._extract(html, url, rules=self._rules, reference_time=reference_time,
                             settings=self._settings)

    def output(self, raw: Any) -> Output:
        return _article_output(raw)


class NewscleanNoRules(Newsclean):
    name = "newsclean-norules"
    note = "extract(bytes, url, rules=RuleSet()): the generic engine alone"

    def setup(self) -> None:
        super().setup()
        from newsclean import RuleSet

        self._rules = RuleSet()


class NewscleanFTR(Newsclean):
    """newsclean with the Full-Text RSS site configs of a folder as its only rules."""

    name = "newsclean+ftr"
    note = "extract(bytes, url, rules=RuleSet(load_ftr_rules(DIR)))"

    def __init__(self, ftr_dir: Path | None = None, settings: str | None = None) -> None:
        super().__init__(settings)
        self.ftr_dir = ftr_dir
        self.rule_count = 0
        self.rule_errors = 0

    def installed(self) -> bool:
        try:
            return importlib.util.find_spec("newsclean.rules.ftr") is not None
        except ModuleNotFoundError:
            return False

    def setup(self) -> None:
        super().setup()
        from newsclean import RuleSet
        from newsclean.rules.ftr import load_ftr_rules

        if self.ftr_dir is None:
            raise ValueError("newsclean+ftr needs --ftr DIR")
        rules, errors = load_ftr_rules(self.ftr_dir)
        self.rule_count, self.rule_errors = len(rules), len(errors)
        self._rules = RuleSet(rules)


class Trafilatura(Adapter):
    name = "trafilatura"
    module = "trafilatura"
    distribution = "trafilatura"
    note = "trafilatura.extract(str, url=url) with its defaults; metadata in a separate pass"
    has_metadata = True

    def setup(self) -> None:
        import trafilatura

        self._lib = trafilatura

    def extract(self, html: str | bytes, url: str | None, reference_time: datetime | None) -> Any:
        return self._lib.extract(html, url=url)

    def output(self, raw: Any) -> Output:
        return Output(text=raw or "")

    def metadata(self, html: str | bytes, url: str | None) -> Output:
        raw = self._lib.extract(html, url=url, output_format="json", with_metadata=True)
        if not raw:
            return Output()
        data = json.loads(raw)
        authors = [a.strip() for a in str(data.get("author") or "").split(";") if a.strip()]
        return Output(
            text=data.get("text") or "",
            title=data.get("title"),
            authors=authors,
            published=data.get("date"),
        )


class ReadabilityLxml(Adapter):
    name = "readability"
    module = "readability"
    distribution = "readability-lxml"
    note = "Document(str).summary(); its HTML is turned into text outside the timed call"

    def setup(self) -> None:
        from readability import Document  # type: ignore[import-untyped,import-not-found,unused-ignore]

        from .loaders import html_to_text

        self._document = Document
        self._to_text = html_to_text

    def extract(self, html: str | bytes, url: str | None, reference_time: datetime | None) -> Any:
        return self._document(html, url=url).summary()

    def output(self, raw: Any) -> Output:
        return Output(text=self._to_text(raw or ""))


class Newspaper(Adapter):
    name = "newspaper"
    module = "newspaper"
    distribution = "newspaper4k"
    note = "Article(url, fetch_images=False); download(input_html=str); parse(); .text"

    def setup(self) -> None:
        from newspaper import Article  # type: ignore[import-untyped,import-not-found,unused-ignore]

        self._article = Article

    def extract(self, html: str | bytes, url: str | None, reference_time: datetime | None) -> Any:
        article = self._article(url or "http://localhost/", fetch_images=False)
        article.download(input_html=html)
        article.parse()
        return article

    def output(self, raw: Any) -> Output:
        return Output(text=raw.text or "")


class Goose(Adapter):
    name = "goose3"
    module = "goose3"
    distribution = "goose3"
    note = "Goose().extract(raw_html=str).cleaned_text (image fetching is off by default)"

    def setup(self) -> None:
        from goose3 import Goose as GooseExtractor  # type: ignore[import-untyped,import-not-found,unused-ignore]

        self._goose = GooseExtractor()

    def extract(self, html: str | bytes, url: str | None, reference_time: datetime | None) -> Any:
        return self._goose.extract(raw_html=html)

    def output(self, raw: Any) -> Output:
        return Output(text=raw.cleaned_text or "")


class Resiliparse(Adapter):
    name = "resiliparse"
    module = "resiliparse"
    distribution = "resiliparse"
    note = "extract_plain_text(str, main_content=True): its main-content mode"

    def setup(self) -> None:
        from resiliparse.extract.html2text import extract_plain_text

        self._extract_text = extract_plain_text

    def extract(self, html: str | bytes, url: str | None, reference_time: datetime | None) -> Any:
        text = html if isinstance(html, str) else decode_html(html)
        return self._extract_text(text, main_content=True)

    def output(self, raw: Any) -> Output:
        return Output(text=raw or "")


class JusText(Adapter):
    name = "justext"
    module = "justext"
    distribution = "justext"
    note = "justext(str, English stop list); paragraphs not marked boilerplate"

    def setup(self) -> None:
        import justext  # type: ignore[import-untyped,import-not-found,unused-ignore]

        self._justext = justext.justext
        self._stoplist = justext.get_stoplist("English")

    def extract(self, html: str | bytes, url: str | None, reference_time: datetime | None) -> Any:
        return self._justext(html, self._stoplist)

    def output(self, raw: Any) -> Output:
        return Output(text="\n\n".join(p.text for p in raw if not p.is_boilerplate))


class LxmlFloor(Adapter):
    """The floor: parsing alone costs this much, and keeping all text scores this much."""

    name = "lxml"
    module = "lxml"
    distribution = "lxml"
    note = "floor: lxml.html parse, drop script/style/template, keep all other text"

    def setup(self) -> None:
        import lxml.etree
        import lxml.html

        self._parse = lxml.html.document_fromstring
        self._utf8 = lxml.html.HTMLParser(encoding="utf-8")
        self._strip = lxml.etree.strip_elements

    def extract(self, html: str | bytes, url: str | None, reference_time: datetime | None) -> Any:
        try:
            tree = self._parse(html)
        except ValueError:
            # lxml refuses a str that carries an XML encoding declaration; any user of
            # bare lxml then hands it UTF-8 bytes (the retry is inside the timed call).
            text = html if isinstance(html, str) else html.decode("utf-8", "replace")
            tree = self._parse(text.encode("utf-8"), parser=self._utf8)
        # noscript stays: some sites (Discourse forums) put the whole page text there
        self._strip(tree, "script", "style", "template", with_tail=False)
        return tree

    def output(self, raw: Any) -> Output:
        body = raw.find("body")
        root = body if body is not None else raw
        return Output(text="\n".join(t.strip() for t in root.itertext() if t.strip()))


# Table order: newsclean first, then peers, then the floor.
ADAPTERS: dict[str, type[Adapter]] = {
    a.name: a
    for a in (
        Newsclean,
        NewscleanNoRules,
        NewscleanFTR,
        Trafilatura,
        ReadabilityLxml,
        Newspaper,
        Goose,
        Resiliparse,
        JusText,
        LxmlFloor,
    )
}
DEFAULT_TOOLS = ["newsclean", "trafilatura", "readability", "newspaper", "goose3", "resiliparse", "justext", "lxml"]
ALIASES = {"readability-lxml": "readability", "newspaper4k": "newspaper", "goose": "goose3", "floor": "lxml"}


def make_adapter(name: str, ftr_dir: Path | None = None, settings: str | None = None
                 ) -> Adapter:
    """The adapter called `name`, or `module:Class` for an adapter defined elsewhere.
    `settings` (newsclean.Settings overrides) goes to the newsclean adapters only."""
    if name == NewscleanFTR.name:
        return NewscleanFTR(ftr_dir, settings)
    if ":" in name:
        module, _, attribute = name.partition(":")
        adapter = getattr(importlib.import_module(module), attribute)()
        if not isinstance(adapter, Adapter):
            raise TypeError(f"{name} is not a benchmarks.adapters.Adapter")
        return adapter
    kind = ADAPTERS[name]
    if issubclass(kind, Newsclean):
        return kind(settings)
    return kind()

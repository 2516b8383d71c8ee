"""Read Full-Text RSS / Instapaper site configs (`example.com.txt`) as site rules.

A site config is a list of `directive: value` lines; `#` starts a comment line. The
directives that say where things are or what to remove become a SiteRule:

    body -> story     title -> title     author -> authors     date -> published
    strip -> strip    strip_id_or_class / strip_image_src -> strip (as XPath)
    find_string + replace_string, replace_string(find) -> replace
    convert_double_br_tags: yes -> replace of doubled <br> by a paragraph break
    autodetect_on_failure: no -> engine_fallback = False     test_url -> tests

Directives about fetching, paging, logins or output tidying are accepted and not
applied; an unknown directive is a warning. The collection is written by many hands,
so a line that cannot be used (a selector that does not compile, a replace_string
without its find_string) is skipped and reported, and the rest of the file still loads.

`example.com.txt` is for example.com and www.example.com; `.example.com.txt` is for
example.com and every sub-domain of it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..errors import RuleError
from .model import SiteRule, normalise_domain
from .selectors import check_selector, is_xpath

__all__ = [
    "IGNORED_DIRECTIVES",
    "SELECTOR_DIRECTIVES",
    "FtrFile",
    "FtrReport",
    "FtrWarning",
    "Status",
    "ftr_domains",
    "load_ftr_rules",
    "parse_ftr_file",
    "read_ftr_file",
    "read_ftr_folder",
    "strip_id_or_class_xpath",
    "strip_image_src_xpath",
    "xpath_literal",
]

# Directive -> SiteRule field, for the directives whose value is an XPath.
SELECTOR_DIRECTIVES = {
    "title": "title",
    "body": "story",
    "author": "authors",
    "date": "published",
    "strip": "strip",
}
# Understood, but nothing in a SiteRule corresponds to them.
IGNORED_DIRECTIVES = frozenset({
    "single_page_link", "single_page_link_in_feed", "next_page_link", "autodetect_next_page",
    "if_page_contains", "prune", "tidy", "parser", "footnotes", "strip_comments",
    "strip_attr", "post_strip_attr", "wrap_in", "move_into", "dissolve", "native_ad_clue",
    "insert_detected_image", "src_lazy_load_attr", "skip_id_or_class", "skip_json_ld",
    "http_header", "test_contains", "requires_login", "not_logged_in_xpath", "login_uri",
    "login_username_field", "login_password_field", "login_extra_fields",
})
# Doubled line breaks used as paragraph breaks, in the spellings pages use.
_DOUBLE_BR = tuple((f"<br{end}<br{end}", "</p><p>") for end in (">", "/>", " />"))
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_TRUE = {"yes", "true", "1", "on"}
_FALSE = {"no", "false", "0", "off"}

Status = Literal["clean", "skipped-lines", "failed"]


@dataclass(frozen=True, slots=True)
class FtrWarning:
    """A line that was not used and is probably a typo (an unknown directive)."""

    path: str
    line: int
    directive: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} [{self.directive}]: {self.message}"


@dataclass(slots=True)
class FtrFile:
    """What became of one site config file."""

    path: Path
    rule: SiteRule | None
    errors: list[RuleError] = field(default_factory=list)
    """Lines skipped because they cannot be used, or why the whole file failed."""
    warnings: list[FtrWarning] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    """Directives accepted but not applied (prune, tidy, next_page_link...)."""

    @property
    def status(self) -> Status:
        if self.rule is None:
            return "failed"
        return "skipped-lines" if self.errors else "clean"


@dataclass(slots=True)
class FtrReport:
    """The outcome of reading a folder of site configs."""

    folder: Path
    files: list[FtrFile]
    not_site_configs: list[Path]
    """*.txt files whose name is no host (LICENSE.txt, global.txt): not read."""

    def count(self, status: Status) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def loaded_share(self) -> float:
        """Share of site configs that gave a rule (clean or with skipped lines)."""
        return 1.0 - self.count("failed") / len(self.files) if self.files else 0.0

    def ignored_directives(self) -> Counter[str]:
        return Counter(d for f in self.files for d in f.ignored)

    @property
    def rules(self) -> list[SiteRule]:
        return [f.rule for f in self.files if f.rule is not None]

    @property
    def errors(self) -> list[RuleError]:
        return [e for f in self.files for e in f.errors]


def xpath_literal(text: str) -> str:
    """`text` as an XPath 1.0 string literal (which has no escapes)."""
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    parts = text.split("'")
    return "concat(" + ", \"'\", ".join(f"'{p}'" for p in parts) + ")"


def strip_id_or_class_xpath(value: str) -> str:
    """Elements whose id is `value` or whose class list holds `value` (as FTR does)."""
    literal = xpath_literal(value)
    spaced = xpath_literal(f" {value} ")
    return (f"//*[@id={literal} or "
            f"contains(concat(' ', normalize-space(@class), ' '), {spaced})]")


def strip_image_src_xpath(value: str) -> str:
    return f"//img[contains(@src, {xpath_literal(value)})]"


def _as_xpath(value: str) -> str:
    """FTR values are always XPath; parenthesise those that do not look like one
    (`id('main')`, `substring-after(...)`, `"A Name"`), so they are not read as CSS."""
    return value if is_xpath(value) else f"({value})"


def ftr_domains(filename: str) -> tuple[tuple[str, ...], bool] | None:
    """`(domains, exact)` from a site config's file name; None when the name is not a
    host name at all (LICENSE.txt, global.txt); ValueError when it is a bad one."""
    stem = filename.removesuffix(".txt")
    if "." not in stem.strip("."):
        return None
    domain, wildcard = normalise_domain(stem)
    if wildcard:
        return (domain,), False
    if domain.startswith("www."):
        return (domain,), True
    return (domain, "www." + domain), True


@dataclass(slots=True)
class _Parts:
    """The rule being assembled from one file."""

    selectors: dict[str, list[str]] = field(default_factory=dict)
    finds: list[tuple[int, str]] = field(default_factory=list)
    replaces: list[tuple[int, str]] = field(default_factory=list)
    replace: list[tuple[str, str]] = field(default_factory=list)
    tests: list[str] = field(default_factory=list)
    engine_fallback: bool = True
    used: int = 0
    """Lines that contributed something."""


def read_ftr_file(path: Path | str, text: str | None = None) -> FtrFile:
    """Parse one site config; never raises for bad content (see FtrFile.errors)."""
    path = Path(path)
    source = str(path)
    result = FtrFile(path, None)
    try:
        names = ftr_domains(path.name)
    except ValueError as exc:
        result.errors.append(RuleError(f"the file name is no host name: {exc}", source))
        return result
    if names is None:
        result.errors.append(RuleError("the file name is no host name (example.com.txt)",
                                       source))
        return result
    if text is None:
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except OSError as exc:
            result.errors.append(RuleError(f"cannot read: {exc.strerror or exc}", source))
            return result
        except UnicodeDecodeError as exc:
            result.errors.append(RuleError(f"not UTF-8 text (byte {exc.start})", source))
            return result

    parts = _Parts()
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line and not line.startswith("#"):
            _read_line(line, lineno, source, parts, result)
    _pair_replacements(parts, source, result)

    if result.errors and parts.used == 0:
        result.errors.append(RuleError("nothing usable left after skipping the lines "
                                       "above", source))
        return result
    domains, exact = names
    sel = parts.selectors
    result.rule = SiteRule(
        name=path.name.removesuffix(".txt").lstrip("."),
        domains=domains,
        exact_domains=exact,
        source=source,
        story=tuple(sel.get("story", ())),
        title=tuple(sel.get("title", ())),
        authors=tuple(sel.get("authors", ())),
        published=tuple(sel.get("published", ())),
        strip=tuple(sel.get("strip", ())),
        replace=tuple(parts.replace),
        engine_fallback=parts.engine_fallback,
        tests=tuple(parts.tests),
    )
    return result


def _read_line(line: str, lineno: int, source: str, parts: _Parts, result: FtrFile) -> None:
    name_match = _NAME.match(line)
    rest = line[name_match.end():].lstrip() if name_match else ""
    if not name_match or not rest.startswith((":", "(")):
        result.warnings.append(FtrWarning(source, lineno, "?", f"not a directive: {line[:60]!r}"))
        return
    name = name_match.group().lower()
    argument: str | None = None
    if rest.startswith("("):
        close = rest.find("):")
        if close < 0:
            result.errors.append(RuleError("expected `directive(argument): value`", source,
                                           lineno, name))
            return
        argument, value = rest[1:close], rest[close + 2:].strip()
    else:
        value = rest[1:].strip()

    def error(message: str) -> None:
        result.errors.append(RuleError(message, source, lineno, name))

    if name == "replace_string" and argument is not None:
        if not argument:
            error("replace_string() needs the string to find between the brackets")
        else:
            parts.replace.append((argument, value))
            parts.used += 1
        return
    if name == "replace_string":  # an empty value is allowed: replace by nothing
        parts.replaces.append((lineno, value))
        return
    if name in IGNORED_DIRECTIVES:
        result.ignored.append(name)
        return
    if argument is not None:
        result.warnings.append(FtrWarning(source, lineno, name,
                                          f"unknown directive {name}(...), ignored"))
        return
    if not value:
        result.warnings.append(FtrWarning(source, lineno, name, "empty value, ignored"))
        return

    selector: str | None = None
    target = SELECTOR_DIRECTIVES.get(name)
    if target:
        selector = _as_xpath(value)
    elif name == "strip_id_or_class":
        token = value.replace("'", "").replace('"', "").strip()
        if not token:
            error("empty id or class")
            return
        target, selector = "strip", strip_id_or_class_xpath(token)
    elif name == "strip_image_src":
        target, selector = "strip", strip_image_src_xpath(value)
    elif name == "find_string":
        parts.finds.append((lineno, value))
    elif name == "test_url":
        if value.startswith(("http://", "https://")):
            parts.tests.append(value)
        else:
            result.warnings.append(FtrWarning(source, lineno, name,
                                              f"{value[:60]!r} is not an http(s) URL"))
    elif name in ("autodetect_on_failure", "convert_double_br_tags"):
        flag = value.lower()
        if flag not in _TRUE | _FALSE:
            error(f"expected yes or no, got {value!r}")
        elif name == "autodetect_on_failure":
            parts.engine_fallback = flag in _TRUE
            parts.used += 1
        elif flag in _TRUE:
            parts.replace.extend(_DOUBLE_BR)
            parts.used += 1
    else:
        result.warnings.append(FtrWarning(source, lineno, name,
                                          f"unknown directive {name!r}, ignored"))
    if target and selector:
        try:
            check_selector(selector)
        except RuleError as exc:
            error(str(exc))
            return
        parts.selectors.setdefault(target, []).append(selector)
        parts.used += 1


def _pair_replacements(parts: _Parts, source: str, result: FtrFile) -> None:
    """The n-th find_string goes with the n-th replace_string, as in Full-Text RSS."""
    for (_, find), (_, repl) in zip(parts.finds, parts.replaces, strict=False):
        parts.replace.append((find, repl))
        parts.used += 1
    paired = min(len(parts.finds), len(parts.replaces))
    for lineno, _ in parts.finds[paired:]:
        result.errors.append(RuleError("find_string without a replace_string", source,
                                       lineno, "find_string"))
    for lineno, _ in parts.replaces[paired:]:
        result.errors.append(RuleError("replace_string without a find_string", source,
                                       lineno, "replace_string"))


def parse_ftr_file(path: Path | str) -> SiteRule:
    """One site config as a SiteRule, skipping unusable lines; RuleError when nothing
    usable is left (or the file cannot be read, or its name is no host name)."""
    result = read_ftr_file(path)
    if result.rule is None:
        raise result.errors[-1] if result.errors else RuleError("no rule", str(path))
    return result.rule


def read_ftr_folder(path: Path | str) -> FtrReport:
    """Every *.txt site config in `path` (not recursive), in precedence order: the
    configs for exact hosts before the `.example.com.txt` ones for sub-domains."""
    folder = Path(path)
    if not folder.is_dir():
        raise RuleError("Full-Text RSS folder not found", str(folder))
    files: list[FtrFile] = []
    others: list[Path] = []
    for file in sorted(folder.glob("*.txt"), key=lambda p: (p.name.startswith("."), p.name)):
        if not file.is_file():
            continue
        try:
            is_site = ftr_domains(file.name) is not None
        except ValueError:
            is_site = True  # a malformed host name: read_ftr_file reports it
        if is_site:
            files.append(read_ftr_file(file))
        else:
            others.append(file)
    return FtrReport(folder, files, others)


def load_ftr_rules(path: Path) -> tuple[list[SiteRule], list[RuleError]]:
    """The rules from a folder of site configs, and every error (skipped lines and
    failed files). Rules come in precedence order, ready for RuleSet."""
    report = read_ftr_folder(path)
    return report.rules, report.errors

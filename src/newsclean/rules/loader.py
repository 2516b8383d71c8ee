"""Load and validate site rules: TOML rule files, Full-Text RSS folders, the built-ins.

A rule file is checked completely when it is loaded, so a mistake surfaces as a
`RuleError` naming the file, line and key instead of as a silent miss on some page.
tomllib reports no positions for valid documents, so `_KeyLines` finds the line of each
key by scanning the text.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ..errors import RuleError
from .model import RelatedBlockRule, SiteRule, normalise_domain
from .registry import RuleSet
from .selectors import check_selector, is_xpath

__all__ = ["BOOL_KEYS", "RELATED_KEYS", "RELATED_SELECTOR_KEYS", "RULE_KEYS", "SELECTOR_KEYS",
           "builtin_folder_path", "builtin_rules", "check_folder", "duplicate_domains",
           "load_builtin", "load_folder", "load_rule_file", "load_rules", "parse_rule_text",
           "validate_rule_file"]

log = logging.getLogger("newsclean.rules")

SELECTOR_KEYS = ("story", "title", "authors", "published", "images", "captions", "credits",
                 "strip")
BOOL_KEYS = ("engine_fallback", "exact_domains")
RULE_KEYS = ("name", "domains", *SELECTOR_KEYS, "replace", *BOOL_KEYS, "tests", "related",
             "image_url_attributes")
RELATED_SELECTOR_KEYS = ("block", "item", "url", "title", "section", "time", "teaser")
RELATED_KEYS = ("block", "name", "item", "url", "title", "section", "time", "teaser")


# --- finding lines in TOML text ----------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*(?:\.[^=]*)?=""")
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_:][-A-Za-z0-9_:.]*")
_BASIC_STRING = re.compile(r'"(?:\\.|[^"\\])*"')


class _KeyLines:
    """Line numbers of keys, top level and per `[[related]]` table (1-based)."""

    def __init__(self, text: str) -> None:
        self.top: dict[str, int] = {}
        self.related: list[tuple[int, dict[str, int]]] = []
        self.tables: dict[str, int] = {}
        current: dict[str, int] = self.top
        depth = 0  # inside a multi-line array or inline table
        open_string: str | None = None  # inside a multi-line string
        for lineno, line in enumerate(text.splitlines(), 1):
            if open_string:
                end = line.find(open_string)
                if end < 0:
                    continue
                line, open_string = line[end + 3:], None
            elif depth == 0:
                header = _HEADER.match(line)
                if header:
                    name = header.group(2).strip().strip("\"'")
                    if name == "related":  # [[related]], or a lone [related] table
                        current = {}
                        self.related.append((lineno, current))
                    else:
                        self.tables.setdefault(name, lineno)
                        current = {}
                    continue
                key = _KEY.match(line)
                if key:
                    current.setdefault(key.group(1).strip("\"'"), lineno)
                    line = line[key.end():]
            depth, open_string = self._brackets(line, depth)

    @staticmethod
    def _brackets(code: str, depth: int) -> tuple[int, str | None]:
        """Bracket depth after `code`, skipping strings and comments; also the quotes
        of a multi-line string left open at the end of the line."""
        pos = 0
        while pos < len(code):
            char = code[pos]
            if code.startswith(('"""', "'''"), pos):
                quotes = code[pos:pos + 3]
                end = code.find(quotes, pos + 3)
                if end < 0:
                    return depth, quotes
                pos = end + 3
            elif char == '"':
                match = _BASIC_STRING.match(code, pos)
                pos = match.end() if match else len(code)
            elif char == "'":
                end = code.find("'", pos + 1)
                pos = end + 1 if end >= 0 else len(code)
            elif char == "#":
                break
            else:
                if char in "[{":
                    depth += 1
                elif char in "]}":
                    depth = max(depth - 1, 0)
                pos += 1
        return depth, None

    def line(self, key: str | None = None, related: int | None = None) -> int | None:
        if related is not None:
            if related >= len(self.related):
                return self.top.get("related")
            header, keys = self.related[related]
            return keys.get(key, header) if key else header
        if key is None:
            return None
        return self.top.get(key, self.tables.get(key))


# --- validation ----------------------------------------------------------------------


@dataclass(slots=True)
class _Checker:
    source: str
    lines: _KeyLines
    errors: list[RuleError] = field(default_factory=list)

    def error(self, message: str, key: str, related: int | None = None) -> None:
        label = key if related is None else f"related[{related}].{key}"
        self.errors.append(RuleError(message, self.source,
                                     self.lines.line(key, related), label))

    def strings(self, value: Any, key: str, related: int | None = None) -> tuple[str, ...]:
        """A string or a list of strings, as a tuple; anything else is an error."""
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        self.error(f"expected a string or a list of strings, got {_describe(value)}",
                   key, related)
        return ()

    def selectors(self, value: Any, key: str, related: int | None = None) -> tuple[str, ...]:
        good: list[str] = []
        for selector in self.strings(value, key, related):
            try:
                check_selector(selector)
            except RuleError as exc:
                self.error(str(exc) + _xpath_hint(selector), key, related)
            else:
                good.append(selector)
        return tuple(good)

    def selector(self, value: Any, key: str, related: int) -> str | None:
        if not isinstance(value, str):
            self.error(f"expected one selector string, got {_describe(value)}", key, related)
            return None
        found = self.selectors(value, key, related)
        return found[0] if found else None


def _describe(value: Any) -> str:
    if isinstance(value, list):
        return "a list containing " + ", ".join(sorted({type(v).__name__ for v in value}))
    return f"{type(value).__name__} {value!r}"


def _xpath_hint(selector: str) -> str:
    if not is_xpath(selector) and ("::" in selector or "@" in selector
                                   or selector.lstrip().startswith(("*", "id("))):
        return " (an XPath selector must start with '/', './', '..' or '(')"
    return ""


def _unknown(keys: Iterable[str], allowed: Sequence[str]) -> list[str]:
    return [key for key in keys if key not in allowed]


def parse_rule_text(text: str, source: str) -> tuple[SiteRule | None, list[RuleError]]:
    """Validate one TOML rule; the rule (None when unusable) and every error found."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        return None, [RuleError(f"not valid TOML: {exc}", source,
                                int(where.group(1)) if where else None)]
    check = _Checker(source, _KeyLines(text))
    for key in _unknown(data, RULE_KEYS):
        check.error(f"unknown key {key!r}; allowed keys: {', '.join(RULE_KEYS)}", key)

    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        check.error("required: the publisher's name as a non-empty string"
                    if name is None else f"expected a non-empty string, got {_describe(name)}",
                    "name")

    exact = data.get("exact_domains", False)
    fallback = data.get("engine_fallback", True)
    for key, flag in (("exact_domains", exact), ("engine_fallback", fallback)):
        if not isinstance(flag, bool):
            check.error(f"expected true or false, got {_describe(flag)}", key)

    domains: list[str] = []
    if "domains" not in data:
        check.error("required: the host names this rule is for, e.g. [\"example.com\"]",
                    "domains")
    else:
        for raw in check.strings(data["domains"], "domains"):
            try:
                domain, wildcard = normalise_domain(raw)
            except ValueError as exc:
                check.error(str(exc), "domains")
                continue
            if wildcard and exact is True:
                check.error(f"{raw!r}: a leading '.' means every sub-domain, which "
                            "exact_domains = true turns off", "domains")
            elif domain not in domains:
                domains.append(domain)
        if not domains and not any(e.key == "domains" for e in check.errors):
            check.error("expected at least one domain", "domains")

    fields = {key: check.selectors(data[key], key) for key in SELECTOR_KEYS if key in data}
    replace = _replacements(check, data.get("replace", []))
    tests = check.strings(data.get("tests", []), "tests")
    for url in tests:
        if not url.startswith(("http://", "https://")):
            check.error(f"{url!r} is not an http(s) URL", "tests")
    related = _related(check, data.get("related", []))
    url_attributes = check.strings(data.get("image_url_attributes", []), "image_url_attributes")
    for attribute in url_attributes:
        if not _ATTRIBUTE_NAME.fullmatch(attribute):
            check.error(f"{attribute!r} is not an attribute name (e.g. \"data-src\")",
                        "image_url_attributes")

    if check.errors:  # in file order; errors without a line (missing keys) first
        return None, sorted(check.errors, key=lambda e: e.line or 0)
    rule = SiteRule(name=str(name).strip(), domains=tuple(domains), source=source,
                    related=related, replace=replace, exact_domains=bool(exact),
                    engine_fallback=bool(fallback), tests=tests,
                    image_url_attributes=tuple(a.lower() for a in url_attributes), **fields)
    return rule, []


def _replacements(check: _Checker, value: Any) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    if not isinstance(value, list):
        check.error(f"expected a list of [find, replacement] pairs, got {_describe(value)}",
                    "replace")
        return ()
    for pair in value:
        if (isinstance(pair, list) and len(pair) == 2
                and all(isinstance(part, str) for part in pair)):
            if not pair[0]:
                check.error("the string to find is empty", "replace")
            else:
                pairs.append((pair[0], pair[1]))
        else:
            check.error(f"expected [find, replacement] (two strings), got {pair!r}", "replace")
    return tuple(pairs)


def _related(check: _Checker, value: Any) -> tuple[RelatedBlockRule, ...]:
    if isinstance(value, dict):  # a single [related] table instead of [[related]]
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        check.error("expected [[related]] tables", "related")
        return ()
    blocks: list[RelatedBlockRule] = []
    for index, table in enumerate(value):
        bad = False
        for key in _unknown(table, RELATED_KEYS):
            check.error(f"unknown key {key!r} in [[related]]; allowed keys: "
                        f"{', '.join(RELATED_KEYS)}", key, index)
            bad = True
        if "block" not in table:
            check.error("required: the selector of the block's container", "block", index)
            bad = True
        name = table.get("name")
        if name is not None and not isinstance(name, str):
            check.error(f"expected a string, got {_describe(name)}", "name", index)
            bad = True
        values: dict[str, str] = {}
        for key in RELATED_SELECTOR_KEYS:
            if key in table:
                selector = check.selector(table[key], key, index)
                if selector is None:
                    bad = True
                else:
                    values[key] = selector
        if not bad:
            blocks.append(RelatedBlockRule(name=name, **values))
    return tuple(blocks)


# --- files and folders ---------------------------------------------------------------


def _read_text(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RuleError(f"not UTF-8 text (byte {exc.start})", source) from exc


def validate_rule_file(path: Path | str) -> tuple[SiteRule | None, list[RuleError]]:
    """Every error in one TOML rule file (an empty list when it is valid)."""
    source = str(path)
    try:
        text = _read_text(Path(path).read_bytes(), source)
    except OSError as exc:
        return None, [RuleError(f"cannot read: {exc.strerror or exc}", source)]
    except RuleError as exc:
        return None, [exc]
    return parse_rule_text(text, source)


def load_rule_file(path: Path | str) -> SiteRule:
    """One TOML rule file as a SiteRule; RuleError (the first problem) when invalid."""
    rule, errors = validate_rule_file(path)
    if errors or rule is None:
        raise _first(errors, str(path))
    return rule


def _first(errors: list[RuleError], source: str) -> RuleError:
    if not errors:
        return RuleError("no rule", source)
    if len(errors) == 1:
        return errors[0]
    first = errors[0]
    message = str(first).removeprefix(str(RuleError("", first.path, first.line, first.key)))
    return RuleError(f"{message} (and {len(errors) - 1} more; `newsclean rules check` "
                     "lists them all)", first.path, first.line, first.key)


def duplicate_domains(rules: Iterable[SiteRule]) -> list[RuleError]:
    """Two rules of one folder claiming the same domain: one of them would never apply."""
    owner: dict[str, SiteRule] = {}
    errors: list[RuleError] = []
    for rule in rules:
        for domain in rule.domains:
            other = owner.setdefault(domain, rule)
            if other is not rule:
                errors.append(RuleError(f"{domain!r} is already claimed by {other.source}",
                                        rule.source, None, "domains"))
    return errors


def check_folder(folder: Path | str) -> tuple[list[SiteRule], list[RuleError]]:
    """Validate every *.toml file in `folder`: the valid rules and every error."""
    base = Path(folder)
    if not base.is_dir():
        return [], [RuleError("not a folder", str(base))]
    rules: list[SiteRule] = []
    errors: list[RuleError] = []
    for path in sorted(base.glob("*.toml")):
        rule, problems = validate_rule_file(path)
        errors.extend(problems)
        if rule is not None:
            rules.append(rule)
    errors.extend(duplicate_domains(rules))
    return rules, errors


def load_folder(folder: Path | str) -> list[SiteRule]:
    """The rules of one user folder: its TOML rules (strict: any error raises) and its
    Full-Text RSS site configs (*.txt; lenient: broken lines and files are skipped, and
    `newsclean rules ftr-report` lists them). A single file path is accepted too."""
    path = Path(folder)
    if path.is_file():
        if path.suffix == ".txt":
            from .ftr import parse_ftr_file

            return [parse_ftr_file(path)]
        return [load_rule_file(path)]
    if not path.is_dir():
        raise RuleError("rule folder not found", str(path))
    rules, errors = check_folder(path)
    if errors:
        raise _first(errors, str(path))
    if any(path.glob("*.txt")):
        from .ftr import load_ftr_rules

        ftr_rules, ftr_errors = load_ftr_rules(path)
        if ftr_errors:
            log.warning("%s: %d problems in Full-Text RSS site configs (skipped); "
                        "`newsclean rules ftr-report %s` lists them",
                        path, len(ftr_errors), path)
        rules.extend(ftr_rules)
    return rules


def _builtin_folder() -> Traversable:
    return resources.files("newsclean.rules") / "builtin"


def builtin_folder_path() -> Path:
    """The built-in rule folder on disk (newsclean is installed as files, not a zip)."""
    return Path(str(_builtin_folder()))


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[SiteRule, ...]:
    """The rules shipped in newsclean/rules/builtin/*.toml, read once. A broken built-in
    file raises RuleError: it is a bug in newsclean, never something to skip."""
    folder = _builtin_folder()
    if not folder.is_dir():
        return ()
    rules: list[SiteRule] = []
    errors: list[RuleError] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        source = f"newsclean/rules/builtin/{entry.name}"
        rule, problems = parse_rule_text(_read_text(entry.read_bytes(), source), source)
        errors.extend(problems)
        if rule is not None:
            rules.append(rule)
    errors.extend(duplicate_domains(rules))
    if errors:
        raise RuleError("invalid built-in rules:\n" + "\n".join(str(e) for e in errors))
    return tuple(rules)


def load_builtin() -> RuleSet:
    return RuleSet(builtin_rules())


def load_rules(folders: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
               builtin: bool = True) -> RuleSet:
    """User rule folders (earlier folders first) and then, unless `builtin` is False, the
    built-in rules: for the same domain the first rule added wins. `folders` is one folder
    or several; each holds TOML rule files or Full-Text RSS site configs. A bad rule
    raises RuleError naming its file and line."""
    if isinstance(folders, str | os.PathLike):
        folders = [folders]
    ruleset = RuleSet()
    for folder in folders:
        ruleset.extend(load_folder(Path(folder)))
    if builtin:
        ruleset.extend(builtin_rules())
    return ruleset

"""Page CSS rebuilt from an allow-list, so that no style can load anything.

The sheet is tokenised as the CSS Syntax spec says a browser does (escapes decoded,
comments dropped), then written anew from the tokens that pass: allowed at-rules,
declarations of allowed properties whose values use only allowed functions. What the
browser reads is therefore exactly what was checked: `@\\69mport`, `\\55 RL(` or
`u\\52 l(` are the at-rule `import` and the function `url` here as they are there, and
are dropped. The output never holds a `<`, so it cannot close the <style> it sits in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MAX_NESTING", "Token", "sanitise_css", "sanitise_style", "sanitise_value", "tokenise"]

MAX_NESTING = 8
"""Deepest @media/@supports nesting kept; deeper rules are dropped."""

# At-rules whose block holds rules (kept, checked recursively) or a statement kept as is.
_BLOCK_AT_RULES = frozenset({"media", "supports", "container", "layer", "keyframes",
                             "-webkit-keyframes", "scope", "starting-style"})
_STATEMENT_AT_RULES = frozenset({"layer"})

# Functions a value may call: colours, maths, gradients, transforms, filters, shapes.
# Anything else (url, image-set, image, cross-fade, element, paint, src, expression,
# attr, ...) drops its declaration.
_FUNCTIONS = frozenset({
    "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color",
    "color-mix", "light-dark", "calc", "min", "max", "clamp", "round", "mod", "rem", "abs",
    "sign", "var", "linear-gradient", "radial-gradient", "conic-gradient",
    "repeating-linear-gradient", "repeating-radial-gradient", "repeating-conic-gradient",
    "-webkit-linear-gradient", "-webkit-radial-gradient",
    "-webkit-repeating-linear-gradient", "translate", "translatex", "translatey",
    "translatez", "translate3d", "rotate", "rotatex", "rotatey", "rotatez", "rotate3d",
    "scale", "scalex", "scaley", "scalez", "scale3d", "skew", "skewx", "skewy", "matrix",
    "matrix3d", "perspective", "cubic-bezier", "steps", "linear", "counter", "counters",
    "repeat", "minmax", "fit-content", "blur", "brightness", "contrast", "drop-shadow",
    "grayscale", "hue-rotate", "invert", "opacity", "saturate", "sepia", "rect", "inset",
    "circle", "ellipse", "polygon", "format", "not", "is", "where", "has", "nth-child",
    "nth-last-child", "nth-of-type", "nth-last-of-type", "lang", "dir", "host",
    "host-context", "slotted", "part", "cue", "state", "selector",
})
# Selectors and queries may use these functions too; values may not (pseudo-classes).
_PRELUDE_ONLY = frozenset({"not", "is", "where", "has", "nth-child", "nth-last-child",
                           "nth-of-type", "nth-last-of-type", "lang", "dir", "host",
                           "host-context", "slotted", "part", "cue", "state", "selector",
                           "format"})

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Properties a declaration may set (vendor prefixes stripped first). Custom properties
# (--name) are allowed too: their values pass the same check, so var() brings in nothing
# that could load.
_PROPERTIES = _words("""
align-content align-items align-self all animation animation-delay animation-direction
animation-duration animation-fill-mode animation-iteration-count animation-name
animation-play-state animation-timing-function appearance aspect-ratio backface-visibility
background background-attachment background-blend-mode background-clip background-color
background-image background-origin background-position background-position-x
background-position-y background-repeat background-size block-size border border-block
border-block-end border-block-start border-bottom border-bottom-color
border-bottom-left-radius border-bottom-right-radius border-bottom-style
border-bottom-width border-collapse border-color border-end-end-radius
border-end-start-radius border-inline border-inline-end border-inline-start border-left
border-left-color border-left-style border-left-width border-radius border-right
border-right-color border-right-style border-right-width border-spacing
border-start-end-radius border-start-start-radius border-style border-top border-top-color
border-top-left-radius border-top-right-radius border-top-style border-top-width
border-width bottom box-decoration-break box-shadow box-sizing break-after break-before
break-inside caption-side caret-color clear clip clip-path clip-rule color color-scheme
column-count column-fill column-gap column-rule column-rule-color column-rule-style
column-rule-width column-span column-width columns contain container container-name
container-type content counter-increment counter-reset counter-set cursor direction
display dominant-baseline empty-cells fill fill-opacity fill-rule filter flex flex-basis
flex-direction flex-flow flex-grow flex-shrink flex-wrap float flood-color flood-opacity
font font-family font-feature-settings font-kerning font-size font-size-adjust
font-stretch font-style font-synthesis font-variant font-variant-caps
font-variant-east-asian font-variant-ligatures font-variant-numeric font-weight gap grid
grid-area grid-auto-columns grid-auto-flow grid-auto-rows grid-column grid-column-end
grid-column-gap grid-column-start grid-gap grid-row grid-row-end grid-row-gap
grid-row-start grid-template grid-template-areas grid-template-columns grid-template-rows
height hyphens image-rendering inline-size inset inset-block inset-block-end
inset-block-start inset-inline inset-inline-end inset-inline-start isolation
justify-content justify-items justify-self left letter-spacing line-break line-clamp
line-height list-style list-style-image list-style-position list-style-type margin
margin-block margin-block-end margin-block-start margin-bottom margin-inline
margin-inline-end margin-inline-start margin-left margin-right margin-top marker
marker-end marker-mid marker-start mask mask-clip mask-composite mask-image mask-mode
mask-origin mask-position mask-repeat mask-size mask-type max-block-size max-height
max-inline-size max-width min-block-size min-height min-inline-size min-width
mix-blend-mode object-fit object-position opacity order orphans outline outline-color
outline-offset outline-style outline-width overflow overflow-wrap overflow-x overflow-y
overscroll-behavior padding padding-block padding-block-end padding-block-start
padding-bottom padding-inline padding-inline-end padding-inline-start padding-left
padding-right padding-top page-break-after page-break-before page-break-inside
perspective perspective-origin place-content place-items place-self pointer-events
position quotes resize right rotate row-gap scale scroll-behavior scroll-margin
scroll-margin-top scroll-padding scroll-padding-top scroll-snap-align scroll-snap-type
shape-outside stop-color stop-opacity stroke stroke-dasharray stroke-dashoffset
stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity stroke-width tab-size
table-layout text-align text-align-last text-anchor text-decoration text-decoration-color
text-decoration-line text-decoration-style text-decoration-thickness text-emphasis
text-indent text-justify text-orientation text-overflow text-rendering text-shadow
text-size-adjust text-transform text-underline-offset text-underline-position
text-wrap top touch-action transform transform-origin transform-style transition
transition-delay transition-duration transition-property transition-timing-function
translate unicode-bidi user-select vector-effect vertical-align visibility white-space
widows width will-change word-break word-spacing word-wrap writing-mode z-index zoom
""")
_VENDOR = re.compile(r"^-(?:webkit|moz|ms|o)-")
# A url(#id) names an element of the same document (SVG gradients, clip paths): no load.
_FRAGMENT = re.compile(r"#[A-Za-z_][A-Za-z0-9_-]*")

# --- tokens ---------------------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r\f]+")
_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)
_ESCAPE = r"\\(?:[0-9a-fA-F]{1,6}(?:\r\n|[ \t\n\r\f])?|[^\n\r\f0-9a-fA-F]|\Z)"
_NAME = re.compile(r"(?:[A-Za-z0-9_\-\u0080-\U0010ffff]|" + _ESCAPE + ")+")
_IDENT_START = re.compile(r"-?(?:[A-Za-z_\u0080-\U0010ffff]|" + _ESCAPE + r")|--")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?")
_ONE_ESCAPE = re.compile(_ESCAPE)
_URL_BODY = re.compile(r"(?:[^)\"'(\\ \t\n\r\f\x00-\x08\x0b\x0e-\x1f\x7f]|" + _ESCAPE + ")*")
_MAX_CODE_POINT = 0x10FFFF
_SURROGATES = range(0xD800, 0xE000)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    """ident function at hash string url number percentage dimension ws delim,
    or one of : ; , ( ) [ ] { }; "bad" for a bad string or bad url."""
    value: str = ""
    unit: str = ""


def _unescape(text: str) -> str:
    """`text` with its CSS escapes decoded, as the CSS Syntax spec decodes them."""
    def decode(match: re.Match[str]) -> str:
        body = match[0][1:]
        if not body:
            return "\ufffd"  # a backslash at the end of the input
        digits = body.rstrip(" \t\n\r\f")
        if all(c in "0123456789abcdefABCDEF" for c in digits) and digits:
            point = int(digits, 16)
            if point == 0 or point in _SURROGATES or point > _MAX_CODE_POINT:
                return "\ufffd"
            return chr(point)
        return body
    return _ONE_ESCAPE.sub(decode, text)


def tokenise(css: str) -> list[Token]:
    """The CSS Syntax tokens of `css` (escapes decoded, comments dropped)."""
    tokens: list[Token] = []
    pos, end = 0, len(css)
    while pos < end:
        char = css[pos]
        match = _WS.match(css, pos)
        if match:
            tokens.append(Token("ws"))
            pos = match.end()
            continue
        if css.startswith("/*", pos):
            pos = _COMMENT.match(css, pos).end()  # type: ignore[union-attr]
            continue
        if char in "\"'":
            token, pos = _string(css, pos)
            tokens.append(token)
            continue
        number = _NUMBER.match(css, pos)
        if number:
            pos = number.end()
            if _IDENT_START.match(css, pos):
                unit = _NAME.match(css, pos)
                assert unit is not None
                tokens.append(Token("dimension", number[0], _unescape(unit[0])))
                pos = unit.end()
            elif css.startswith("%", pos):
                tokens.append(Token("percentage", number[0]))
                pos += 1
            else:
                tokens.append(Token("number", number[0]))
            continue
        if _IDENT_START.match(css, pos):
            name_match = _NAME.match(css, pos)
            assert name_match is not None
            name = _unescape(name_match[0])
            pos = name_match.end()
            if css.startswith("(", pos):
                pos += 1
                if name.lower() == "url":
                    token, pos = _url(css, pos)
                    tokens.append(token)
                else:
                    tokens.append(Token("function", name))
            else:
                tokens.append(Token("ident", name))
            continue
        if char == "@" and _IDENT_START.match(css, pos + 1):
            name_match = _NAME.match(css, pos + 1)
            assert name_match is not None
            tokens.append(Token("at", _unescape(name_match[0])))
            pos = name_match.end()
            continue
        if char == "#":
            name_match = _NAME.match(css, pos + 1)
            if name_match:
                tokens.append(Token("hash", _unescape(name_match[0])))
                pos = name_match.end()
                continue
        if css.startswith("<!--", pos) or css.startswith("-->", pos):
            pos += 4 if char == "<" else 3  # CDO and CDC: nothing to a browser here
            continue
        tokens.append(Token(char) if char in ":;,()[]{}" else Token("delim", char))
        pos += 1
    return tokens


def _string(css: str, pos: int) -> tuple[Token, int]:
    quote = css[pos]
    pos += 1
    out: list[str] = []
    while pos < len(css):
        char = css[pos]
        if char == quote:
            return Token("string", "".join(out)), pos + 1
        if char in "\n\r\f":
            return Token("bad"), pos  # a newline ends a string badly
        if char == "\\":
            if pos + 1 < len(css) and css[pos + 1] in "\n\r\f":
                pos += 2  # an escaped newline continues the string
                continue
            match = _ONE_ESCAPE.match(css, pos)
            assert match is not None
            out.append(_unescape(match[0]))
            pos = match.end()
            continue
        out.append(char)
        pos += 1
    return Token("string", "".join(out)), pos


def _url(css: str, pos: int) -> tuple[Token, int]:
    """After "url(": a url token, or the function url( when a quoted string follows."""
    ws = _WS.match(css, pos)
    start = ws.end() if ws else pos
    if start < len(css) and css[start] in "\"'":
        return Token("function", "url"), pos
    body = _URL_BODY.match(css, start)
    assert body is not None
    after = body.end()
    ws = _WS.match(css, after)
    after = ws.end() if ws else after
    if after >= len(css) or css[after] == ")":
        return Token("url", _unescape(body[0])), min(after + 1, len(css))
    # A bad url: skip to the closing parenthesis, as a browser does.
    close = css.find(")", after)
    return Token("bad"), len(css) if close < 0 else close + 1


# --- writing tokens back ----------------------------------------------------------------

_PLAIN_NAME = re.compile(r"[A-Za-z0-9_-]*")
_SAFE_NAME = re.compile(r"[A-Za-z0-9_\-\u0080-\U0010ffff]")
# A unit that would read back as an exponent ("1" + "e5px" is not "1e5px").
_EXPONENT_LIKE = re.compile(r"[eE][+-]?\d")
_WORDLIKE = frozenset({"ident", "function", "url", "bad", "number", "percentage",
                       "dimension"})
_NUMERIC = frozenset({"number", "percentage", "dimension"})


def _would_merge(previous: Token, token: Token) -> bool:
    """True when writing `token` right after `previous` would read back as other tokens."""
    kind, delim = previous.kind, previous.value if previous.kind == "delim" else ""
    if kind in ("ident", "at", "hash", "dimension"):
        return (token.kind in _WORDLIKE or token.kind == "("
                or (token.kind == "delim" and token.value == "-"))
    if kind == "number":
        return token.kind in _WORDLIKE or (token.kind == "delim" and token.value in "%.")
    if delim in ("#", "-", "@"):
        return token.kind in _WORDLIKE or (token.kind == "delim" and token.value == "-")
    if delim in (".", "+"):
        return token.kind in _NUMERIC
    return delim == "/" and token.kind == "delim" and token.value == "*"


def _escape_char(char: str) -> str:
    return f"\\{ord(char):x} "


def _name(text: str) -> str:
    """`text` as CSS name characters, everything else escaped (no `<` ever)."""
    if _PLAIN_NAME.fullmatch(text):
        return text  # the common case, without a look at each character
    return "".join(c if _SAFE_NAME.match(c) and c not in "\ufffe\uffff" else _escape_char(c)
                   for c in text)


def _ident(text: str) -> str:
    if not text:
        return ""
    if text == "-":
        return "\\-"
    head = ""
    if text[0].isdigit():
        head, text = _escape_char(text[0]), text[1:]
    elif text[0] == "-" and len(text) > 1 and text[1].isdigit():
        head, text = "-" + _escape_char(text[1]), text[2:]
    return head + _name(text)


def _quoted(text: str) -> str:
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char in "<(" or ord(char) < 0x20 or ord(char) == 0x7F:
            # "(" too: a string's text never reads as url( or image-set( anywhere.
            out.append(_escape_char(char))
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _write(token: Token) -> str:
    kind = token.kind
    if kind == "ws":
        return " "
    if kind == "ident":
        return _ident(token.value)
    if kind == "function":
        return _ident(token.value) + "("
    if kind == "at":
        return "@" + _ident(token.value)
    if kind == "hash":
        return "#" + _name(token.value)
    if kind == "string":
        return _quoted(token.value)
    if kind == "url":
        return f"url({token.value})"  # only same-document fragments get here
    if kind in ("number", "percentage"):
        return token.value + ("%" if kind == "percentage" else "")
    if kind == "dimension":
        unit = _ident(token.unit)
        if _EXPONENT_LIKE.match(unit):
            unit = _escape_char(unit[0]) + unit[1:]  # 1\65 5 must not become 1e5
        return token.value + unit
    if kind == "delim":
        return "" if token.value in "<\\" else token.value
    return kind


def _serialise(tokens: list[Token]) -> str:
    out: list[str] = []
    previous: Token | None = None
    for token in tokens:
        # Two tokens the input kept apart (by a comment) must not merge into one.
        if previous is not None and _would_merge(previous, token):
            out.append("/**/")
        out.append(_write(token))
        previous = token
    return "".join(out).strip()


# --- the rules ---------------------------------------------------------------------------


def _matching(tokens: list[Token]) -> dict[int, int]:
    """For each opening bracket (or function) index, the index of its closing one."""
    closers = {"(": ")", "[": "]", "{": "}", "function": ")"}
    pairs: dict[int, int] = {}
    stack: list[tuple[int, str]] = []
    for index, token in enumerate(tokens):
        if token.kind in closers:
            stack.append((index, closers[token.kind]))
        elif token.kind in (")", "]", "}"):
            # A closer with no opener of its kind is a plain token; it closes nothing.
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][1] == token.kind:
                    for opened, _ in stack[depth:]:
                        pairs[opened] = index
                    del stack[depth:]
                    break
    for opened, _ in stack:
        pairs[opened] = len(tokens)
    return pairs


def _value_ok(tokens: list[Token], *, prelude: bool = False) -> bool:
    for token in tokens:
        if token.kind in ("bad", "at", "{", "}", ";"):
            return False
        if token.kind == "url" and not _FRAGMENT.fullmatch(token.value):
            return False
        if token.kind == "function":
            name = token.value.lower()
            if name not in _FUNCTIONS or (name in _PRELUDE_ONLY and not prelude):
                return False
    return True


def _trim(tokens: list[Token]) -> list[Token]:
    start, end = 0, len(tokens)
    while start < end and tokens[start].kind == "ws":
        start += 1
    while end > start and tokens[end - 1].kind == "ws":
        end -= 1
    return tokens[start:end]


def _declarations(tokens: list[Token], pairs: dict[int, int], start: int, end: int) -> str:
    kept: list[str] = []
    index = start
    while index < end:
        stop = index
        while stop < end and tokens[stop].kind != ";":
            stop = pairs.get(stop, stop) + 1 if tokens[stop].kind in ("(", "[", "{",
                                                                        "function") else stop + 1
        kept_one = _declaration(_trim(tokens[index:min(stop, end)]))
        if kept_one:
            kept.append(kept_one)
        index = stop + 1
    return ";".join(kept)


def _declaration(tokens: list[Token]) -> str | None:
    if len(tokens) < 2 or tokens[0].kind != "ident":
        return None
    rest = _trim(tokens[1:])
    if not rest or rest[0].kind != ":":
        return None
    name = tokens[0].value.lower()
    if not name.startswith("--") and _VENDOR.sub("", name) not in _PROPERTIES:
        return None
    value = _trim(rest[1:])
    if not value or not _value_ok(value):
        return None
    # The name is written from the decoded ident: what the browser reads is what passed.
    return _ident(tokens[0].value) + ":" + _serialise(value)


def _rules(tokens: list[Token], pairs: dict[int, int], start: int, end: int,
           depth: int) -> str:
    out: list[str] = []
    index = start
    while index < end:
        token = tokens[index]
        if token.kind in ("ws", ";", ")", "]", "}"):
            index += 1
            continue
        prelude_start = index
        stop = index
        while stop < end and tokens[stop].kind not in ("{", ";"):
            stop = pairs.get(stop, stop) + 1 if tokens[stop].kind in ("(", "[",
                                                                        "function") else stop + 1
        prelude = _trim(tokens[prelude_start + (1 if token.kind == "at" else 0):min(stop, end)])
        if stop >= end or tokens[stop].kind == ";":
            # A statement: only "@layer a, b;" is kept.
            if (token.kind == "at" and token.value.lower() in _STATEMENT_AT_RULES
                    and _value_ok(prelude, prelude=True)):
                out.append("@" + _ident(token.value) + " " + _serialise(prelude) + ";")
            index = stop + 1
            continue
        block_end = pairs.get(stop, end)
        # Judged on what is written: a prelude of dropped delimiters writes as nothing,
        # and so must read back as nothing.
        written = _serialise(prelude)
        if token.kind == "at":
            name = token.value.lower()
            if (name in _BLOCK_AT_RULES and depth < MAX_NESTING
                    and _value_ok(prelude, prelude=True)):
                body = _rules(tokens, pairs, stop + 1, min(block_end, end), depth + 1)
                head = "@" + _ident(token.value) + (" " + written if written else "")
                out.append(head + "{" + body + "}")
        elif written and _value_ok(prelude, prelude=True):
            body = _declarations(tokens, pairs, stop + 1, min(block_end, end))
            out.append(written + "{" + body + "}")
        index = block_end + 1
    return "".join(out)


def sanitise_css(css: str) -> str:
    """A style sheet rebuilt from the allowed rules and declarations of `css`."""
    tokens = tokenise(css)
    return _rules(tokens, _matching(tokens), 0, len(tokens), 0)


def sanitise_style(css: str) -> str:
    """A style attribute (a declaration list) rebuilt from its allowed declarations."""
    tokens = tokenise(css)
    return _declarations(tokens, _matching(tokens), 0, len(tokens))


def sanitise_value(value: str) -> str | None:
    """An SVG presentation attribute (fill, mask, cursor, ...) or None when it could load."""
    tokens = _trim(tokenise(value))
    return _serialise(tokens) if tokens and _value_ok(tokens) else None

"""Each collection's own metric, written from its published description.

    word F1        WCXB, Readability test pages, the corpus text
    snippet rates  WCXB `with` / `without` snippets found
    snippet F1     trafilatura's evaluation set (counts summed over pages)
    shingle F1     ScrapingHub article-extraction-benchmark (4-word shingles)
    ROUGE-LSum     Fundus evaluation (paragraphs as summary-level units)
    metadata       title exact match, author and publish-date agreement
    corpus         captions, credits and related links against expected.json, and leakage
    Fundus         word F1 (CJK characters as tokens), authors set F1, date, caption
                   recall, credit, leakage of captions into the text
    annotations    related-link precision / recall, caption recall, credit split,
                   story-picture precision, leakage
    collapses      pages a tool loses while its best peer does well
"""

from __future__ import annotations

import html
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0


def mean(values: Iterable[float]) -> float:
    items = list(values)
    return statistics.fmean(items) if items else 0.0


def mean_prf(scores: Iterable[PRF]) -> PRF:
    """Mean of per-page precision, recall and F1 (each averaged on its own)."""
    items = list(scores)
    return PRF(
        mean(s.precision for s in items), mean(s.recall for s in items), mean(s.f1 for s in items)
    )


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --- word F1 (WCXB, Readability) ---------------------------------------------------------


def word_tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def word_prf(predicted: str, reference: str) -> PRF:
    """Bag-of-words precision, recall and F1 of one page.

    overlap = multiset intersection of the lowercased `\\w+` tokens. An empty reference
    scores 1.0 when the prediction is empty too and 0.0 otherwise; an empty prediction
    of a non-empty reference scores 0.0 (precision and recall alike).
    """
    pred = Counter(word_tokens(predicted))
    ref = Counter(word_tokens(reference))
    n_pred, n_ref = sum(pred.values()), sum(ref.values())
    if n_ref == 0:
        value = 1.0 if n_pred == 0 else 0.0
        return PRF(value, value, value)
    if n_pred == 0:
        return PRF(0.0, 0.0, 0.0)
    overlap = sum((pred & ref).values())
    precision, recall = overlap / n_pred, overlap / n_ref
    return PRF(precision, recall, harmonic(precision, recall))


def snippets_found(text: str, snippets: Iterable[str], *, ignore_case: bool) -> tuple[int, int]:
    """(found, considered) for snippets as substrings of `text`, whitespace normalised.

    Snippets that are empty after normalisation are not considered.
    """
    haystack = normalise_space(text)
    if ignore_case:
        haystack = haystack.casefold()
    found = considered = 0
    for snippet in snippets:
        needle = normalise_space(snippet)
        if ignore_case:
            needle = needle.casefold()
        if not needle:
            continue
        considered += 1
        found += needle in haystack
    return found, considered


# --- snippet F1 (trafilatura's evaluation set) ------------------------------------------


@dataclass(frozen=True, slots=True)
class SnippetCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn
        )

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0


def snippet_counts(predicted: str, with_: Iterable[str], without: Iterable[str]) -> SnippetCounts:
    """One page: `with` found = tp, not found = fn; `without` found = fp, not found = tn.

    Matching is case-sensitive, on whitespace-normalised text and snippets.
    """
    text = normalise_space(predicted)
    tp = fn = fp = tn = 0
    for snippet in with_:
        if normalise_space(snippet) in text:
            tp += 1
        else:
            fn += 1
    for snippet in without:
        if normalise_space(snippet) in text:
            fp += 1
        else:
            tn += 1
    return SnippetCounts(tp, fp, fn, tn)


def sum_counts(counts: Iterable[SnippetCounts]) -> SnippetCounts:
    total = SnippetCounts()
    for item in counts:
        total = total + item
    return total


# --- shingle F1 (ScrapingHub article-extraction-benchmark) -------------------------------


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of runs of `n` consecutive `\\w+` tokens (case kept).

    A text of fewer than `n` tokens is a single shorter shingle; an empty text has none.
    """
    tokens = _WORD.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def shingle_counts(predicted: str, reference: str, n: int = 4) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page, divided by their sum so that every page weighs the same."""
    pred, ref = shingles(predicted, n), shingles(reference, n)
    tp = sum((pred & ref).values())
    fp = sum((pred - ref).values())
    fn = sum((ref - pred).values())
    total = tp + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def shingle_prf(pages: Sequence[tuple[float, float, float]]) -> PRF:
    """Precision averaged over pages with tp+fp > 0, recall over pages with tp+fn > 0,
    F1 the harmonic mean of the two averages. A page's value is 1.0 when fp = fn = 0."""
    precisions: list[float] = []
    recalls: list[float] = []
    for tp, fp, fn in pages:
        if tp + fp > 0:
            precisions.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    precision, recall = mean(precisions), mean(recalls)
    return PRF(precision, recall, harmonic(precision, recall))


# --- ROUGE-LSum (Fundus) ------------------------------------------------------------------


def rouge_units(text_or_units: str | Sequence[str]) -> list[list[str]]:
    """Summary-level units: one per non-empty line (or per given paragraph), each a list
    of lowercased `\\w+` tokens (Unicode letters kept, no stemming)."""
    lines = text_or_units.split("\n") if isinstance(text_or_units, str) else [
        line for unit in text_or_units for line in unit.split("\n")
    ]
    units = [word_tokens(line) for line in lines]
    return [unit for unit in units if unit]


def _lcs_positions(reference: Sequence[str], candidate: Sequence[str]) -> list[int]:
    """Positions in `reference` of one longest common subsequence with `candidate`.

    Backtracking from the end prefers moving up in `reference` on ties, the usual choice,
    so the union below is the same as in the common ROUGE implementations.
    """
    rows, cols = len(reference), len(candidate)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        row, previous, token = table[i], table[i - 1], reference[i - 1]
        for j in range(1, cols + 1):
            if token == candidate[j - 1]:
                row[j] = previous[j - 1] + 1
            else:
                row[j] = row[j - 1] if row[j - 1] > previous[j] else previous[j]
    positions: list[int] = []
    i, j = rows, cols
    while i > 0 and j > 0:
        if reference[i - 1] == candidate[j - 1]:
            positions.append(i - 1)
            i, j = i - 1, j - 1
        elif table[i][j - 1] > table[i - 1][j]:
            j -= 1
        else:
            i -= 1
    positions.reverse()
    return positions


def rouge_lsum(predicted: str | Sequence[str], reference: str | Sequence[str]) -> PRF:
    """Summary-level ROUGE-L (ROUGE-LSum).

    For each reference unit, the union of its LCS positions with every predicted unit;
    each token of that union is a hit while both sides still have that token left (so a
    word is never counted more often than it occurs). precision = hits / predicted
    tokens, recall = hits / reference tokens. Empty on either side scores 0.
    """
    pred_units, ref_units = rouge_units(predicted), rouge_units(reference)
    n_pred = sum(map(len, pred_units))
    n_ref = sum(map(len, ref_units))
    if n_pred == 0 or n_ref == 0:
        return PRF(0.0, 0.0, 0.0)
    left_pred = Counter(token for unit in pred_units for token in unit)
    left_ref = Counter(token for unit in ref_units for token in unit)
    hits = 0
    for ref_unit in ref_units:
        union: set[int] = set()
        for pred_unit in pred_units:
            union.update(_lcs_positions(ref_unit, pred_unit))
        for position in sorted(union):
            token = ref_unit[position]
            if left_pred[token] > 0 and left_ref[token] > 0:
                hits += 1
                left_pred[token] -= 1
                left_ref[token] -= 1
    precision, recall = hits / n_pred, hits / n_ref
    return PRF(precision, recall, harmonic(precision, recall))


# --- metadata -----------------------------------------------------------------------------


def normalise_label(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def title_matches(predicted: str | None, reference: str | None) -> bool:
    """Exact match after whitespace normalisation and case folding."""
    return bool(normalise_label(reference)) and normalise_label(predicted) == normalise_label(reference)


def author_agrees(predicted: Iterable[str], reference: str | None) -> bool:
    """Any predicted author equal to the reference, or contained in it (case-insensitive)."""
    ref = normalise_label(reference)
    if not ref:
        return False
    for author in predicted:
        name = normalise_label(author)
        if name and (name == ref or name in ref):
            return True
    return False


_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def calendar_day(value: str | date | datetime | None) -> date | None:
    """The calendar day a date or timestamp was written for (no time-zone conversion)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _ISO_DAY.search(value)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    try:
        from dateutil import parser

        return parser.parse(value).date()
    except (ValueError, OverflowError):
        return None


def date_agrees(predicted: str | date | datetime | None, reference: str | None) -> bool:
    ref = calendar_day(reference)
    return ref is not None and calendar_day(predicted) == ref


@dataclass(frozen=True, slots=True)
class MetadataScore:
    """Agreement counts; each field only over pages whose reference has that field."""

    title_hits: int = 0
    title_pages: int = 0
    author_hits: int = 0
    author_pages: int = 0
    date_hits: int = 0
    date_pages: int = 0

    def __add__(self, other: MetadataScore) -> MetadataScore:
        return MetadataScore(
            self.title_hits + other.title_hits,
            self.title_pages + other.title_pages,
            self.author_hits + other.author_hits,
            self.author_pages + other.author_pages,
            self.date_hits + other.date_hits,
            self.date_pages + other.date_pages,
        )

    @staticmethod
    def rate(hits: int, pages: int) -> float | None:
        return hits / pages if pages else None


def metadata_score(
    title: str | None,
    authors: Sequence[str],
    published: str | date | datetime | None,
    ref_title: str | None,
    ref_author: str | None,
    ref_published: str | None,
) -> MetadataScore:
    has_title = bool(normalise_label(ref_title))
    has_author = bool(normalise_label(ref_author))
    has_date = calendar_day(ref_published) is not None
    return MetadataScore(
        title_hits=int(has_title and title_matches(title, ref_title)),
        title_pages=int(has_title),
        author_hits=int(has_author and author_agrees(authors, ref_author)),
        author_pages=int(has_author),
        date_hits=int(has_date and date_agrees(published, ref_published)),
        date_pages=int(has_date),
    )


# --- corpus: captions, credits, related links, leakage ------------------------------------


@dataclass(frozen=True, slots=True)
class Matches:
    """Matched / predicted / expected counts of one kind of item (micro-averaged)."""

    matched: int = 0
    predicted: int = 0
    expected: int = 0

    def __add__(self, other: Matches) -> Matches:
        return Matches(
            self.matched + other.matched,
            self.predicted + other.predicted,
            self.expected + other.expected,
        )

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.expected if self.expected else None


def _match(predicted: set[Any], expected: set[Any]) -> Matches:
    return Matches(len(predicted & expected), len(predicted), len(expected))


def _image_field(images: Iterable[Mapping[str, Any]], name: str) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for image in images:
        value = normalise_space(str(image.get(name) or ""))
        url = str(image.get("url") or "").strip()  # "" for a picture filled in by script
        if value:
            out.add((url, value))
    return out


def _related_urls(related: Iterable[Mapping[str, Any]]) -> set[str]:
    return {str(link.get("url") or "").strip() for link in related} - {""}


def _contains_phrase(text: str, phrase: str) -> bool:
    """`phrase` occurs in `text` as whole words (whitespace normalised, case folded), so a
    credit "AP" is not found inside "happen"."""
    needle = normalise_space(phrase).casefold()
    if not needle:
        return False
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return re.search(pattern, normalise_space(text).casefold()) is not None


@dataclass(frozen=True, slots=True)
class CorpusPageScore:
    captions: Matches
    credits: Matches
    related: Matches
    leaked: bool


def corpus_page_score(predicted: Mapping[str, Any], expected: Mapping[str, Any]) -> CorpusPageScore:
    """Compare an extraction (Article.to_dict() shape) with expected.json.

    Captions and credits match when the image URL (none for a picture filled in by
    script) and the whitespace-normalised value are equal; related links match by URL. The page leaks when an expected caption, credit or
    related-link title appears in the extracted `text` (and not in the expected text,
    which may quote it legitimately).
    """
    pred_images = predicted.get("images") or []
    exp_images = expected.get("images") or []
    pred_text = str(predicted.get("text") or "")
    exp_text = str(expected.get("text") or "\n\n".join(expected.get("paragraphs") or []))
    phrases = [value for _, value in _image_field(exp_images, "caption")]
    phrases += [value for _, value in _image_field(exp_images, "credit")]
    phrases += [str(link.get("title") or "") for link in expected.get("related") or []]
    leaked = any(
        _contains_phrase(pred_text, phrase) and not _contains_phrase(exp_text, phrase)
        for phrase in phrases
    )
    return CorpusPageScore(
        captions=_match(_image_field(pred_images, "caption"), _image_field(exp_images, "caption")),
        credits=_match(_image_field(pred_images, "credit"), _image_field(exp_images, "credit")),
        related=_match(
            _related_urls(predicted.get("related") or []), _related_urls(expected.get("related") or [])
        ),
        leaked=leaked,
    )


# --- Fundus: body with CJK tokens, authors, dates, captions, credits, leakage ------------

# Han ideographs (and their extensions and compatibility forms), hiragana and katakana:
# scripts written without spaces, where each character is a word for counting purposes.
_CJK_RANGES = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_CJK_WORD = re.compile(rf"[{_CJK_RANGES}]|(?:(?![{_CJK_RANGES}])\w)+")
CAPTION_MATCH_F1 = 0.8
"""Two captions match when their word F1 reaches this ..."""
CAPTION_CONTAINED_SHARE = 0.3
"""... or one contains the other and the shorter has at least this share of the longer's characters."""
LEAK_MIN_WORDS = 4
"""Shorter strings ("Reuters", "File photo") occur in stories by chance: not counted as leaks."""


def cjk_word_tokens(text: str) -> list[str]:
    """Lowercased `\\w+` runs, except that each CJK character is a token of its own."""
    return _CJK_WORD.findall(text.lower())


def token_prf(predicted: Sequence[str], reference: Sequence[str]) -> PRF:
    """Bag-of-tokens P/R/F1 with the empty-side conventions of `word_prf`."""
    pred, ref = Counter(predicted), Counter(reference)
    n_pred, n_ref = sum(pred.values()), sum(ref.values())
    if n_ref == 0:
        value = 1.0 if n_pred == 0 else 0.0
        return PRF(value, value, value)
    if n_pred == 0:
        return PRF(0.0, 0.0, 0.0)
    overlap = sum((pred & ref).values())
    precision, recall = overlap / n_pred, overlap / n_ref
    return PRF(precision, recall, harmonic(precision, recall))


def cjk_word_prf(predicted: str, reference: str) -> PRF:
    """Word F1 as for WCXB, but a CJK character counts as one token."""
    return token_prf(cjk_word_tokens(predicted), cjk_word_tokens(reference))


def _strip_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start]).startswith("P"):
        start += 1
    while end > start and unicodedata.category(text[end - 1]).startswith("P"):
        end -= 1
    return text[start:end]


def normalise_caption(text: str | None) -> str:
    """Case folded, whitespace collapsed, punctuation stripped at both ends."""
    return _strip_punctuation(normalise_space(text or "").casefold()).strip()


def captions_match(returned: str | None, reference: str | None) -> bool:
    """Word F1 >= 0.8, or one contains the other and the shorter has >= 30 % of the
    longer's characters (both normalised; an empty caption matches nothing)."""
    a, b = normalise_caption(returned), normalise_caption(reference)
    if not a or not b:
        return False
    if cjk_word_prf(a, b).f1 >= CAPTION_MATCH_F1:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return shorter in longer and len(shorter) >= CAPTION_CONTAINED_SHARE * len(longer)


def best_caption_match(reference: str, returned: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The returned image whose caption matches `reference` best (highest word F1; the
    first on ties), or None."""
    best: Mapping[str, Any] | None = None
    best_f1 = -1.0
    for image in returned:
        caption = image.get("caption")
        if not isinstance(caption, str) or not captions_match(caption, reference):
            continue
        f1 = cjk_word_prf(normalise_caption(caption), normalise_caption(reference)).f1
        if f1 > best_f1:
            best, best_f1 = image, f1
    return best


def credit_names_one_of(credit: str | None, names: Iterable[str]) -> bool:
    """Fundus credit: the returned credit contains one of the names (case folded)."""
    haystack = normalise_space(credit or "").casefold()
    return bool(haystack) and any(
        (needle := normalise_space(name).casefold()) and needle in haystack for name in names
    )


def credits_agree(returned: str | None, annotated: str | None) -> bool:
    """Annotation credit: equal after caption normalisation, or one contains the other."""
    a, b = normalise_caption(returned), normalise_caption(annotated)
    return bool(a) and bool(b) and (a in b or b in a)


def author_set_f1(predicted: Iterable[str], reference: Iterable[str]) -> float:
    """F1 of the sets of case-folded, whitespace-normalised names (1.0 when both empty)."""
    pred = {normalise_label(name) for name in predicted} - {""}
    ref = {normalise_label(name) for name in reference} - {""}
    if not ref and not pred:
        return 1.0
    if not ref or not pred:
        return 0.0
    overlap = len(pred & ref)
    return harmonic(overlap / len(pred), overlap / len(ref))


def _as_datetime(value: str | date | datetime | None) -> datetime | date | None:
    if value is None or isinstance(value, datetime | date):
        return value
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return calendar_day(value)


def same_day_in_reference_zone(predicted: str | date | datetime | None, reference: str | None) -> bool:
    """Same calendar day, read in the reference's time zone: an aware prediction is
    converted to the reference's offset first; otherwise each day is taken as written."""
    ref = _as_datetime(reference)
    pred = _as_datetime(predicted)
    if ref is None or pred is None:
        return False
    if isinstance(ref, datetime) and isinstance(pred, datetime) and ref.tzinfo and pred.tzinfo:
        pred = pred.astimezone(ref.tzinfo)
    ref_day = ref.date() if isinstance(ref, datetime) else ref
    pred_day = pred.date() if isinstance(pred, datetime) else pred
    return ref_day == pred_day


def appears_in(text_normalised: str, phrase: str) -> bool:
    """`phrase`, caption-normalised, occurs in `text_normalised` (see `normalise_text`)."""
    needle = normalise_caption(phrase)
    return bool(needle) and needle in text_normalised


def normalise_text(text: str) -> str:
    """A returned or reference text ready for `appears_in`: case folded, spaces collapsed."""
    return normalise_space(text).casefold()


def leaked_strings(
    returned_text: str, candidates: Iterable[str], exclude: Iterable[str] = ()
) -> tuple[list[str], int]:
    """(leaked, considered): candidate strings of 4+ words that are not excluded (equal,
    after normalisation, to or contained in an `exclude` string) and appear in the
    returned text."""
    text = normalise_text(returned_text)
    excluded = [normalise_caption(item) for item in exclude]
    excluded = [item for item in excluded if item]
    leaked: list[str] = []
    considered = 0
    seen: set[str] = set()
    for candidate in candidates:
        key = normalise_caption(candidate)
        if not key or key in seen or len(cjk_word_tokens(key)) < LEAK_MIN_WORDS:
            continue
        seen.add(key)
        if any(key in item for item in excluded):
            continue
        considered += 1
        if key in text:
            leaked.append(candidate)
    return leaked, considered


@dataclass(frozen=True, slots=True)
class Ratio:
    """hits / total, summed over pages."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True, slots=True)
class CaptionScore:
    """One page's captions: recall over reference captions, credit over matched ones."""

    captions: Ratio = Ratio()
    credits: Ratio = Ratio()

    def __add__(self, other: CaptionScore) -> CaptionScore:
        return CaptionScore(self.captions + other.captions, self.credits + other.credits)


def fundus_caption_score(
    returned: Sequence[Mapping[str, Any]], reference: Sequence[Mapping[str, Any]]
) -> CaptionScore:
    """Caption recall and credit of one Fundus page (record images: caption, authors)."""
    captions = credits = Ratio()
    for image in reference:
        caption = image.get("caption")
        if not isinstance(caption, str) or not normalise_caption(caption):
            continue
        match = best_caption_match(caption, returned)
        captions = captions + Ratio(int(match is not None), 1)
        names = [str(name) for name in image.get("authors") or [] if str(name).strip()]
        if match is not None and names:
            credits = credits + Ratio(int(credit_names_one_of(match.get("credit"), names)), 1)
    return CaptionScore(captions, credits)


def annotation_caption_score(
    returned: Sequence[Mapping[str, Any]], annotated: Sequence[Mapping[str, Any]]
) -> CaptionScore:
    """Caption recall and credit split of one annotated page (images: caption, credit)."""
    captions = credits = Ratio()
    for image in annotated:
        caption = image.get("caption")
        if not isinstance(caption, str) or not normalise_caption(caption):
            continue
        match = best_caption_match(caption, returned)
        captions = captions + Ratio(int(match is not None), 1)
        credit = image.get("credit")
        if match is not None and isinstance(credit, str) and normalise_caption(credit):
            credits = credits + Ratio(int(credits_agree(match.get("credit"), credit)), 1)
    return CaptionScore(captions, credits)


# --- related links and story pictures (the annotation set) ----------------------------------


def normalise_url(url: str | None, base: str | None = None) -> str | None:
    """A URL as compared: HTML entities unescaped, resolved against `base`, scheme,
    fragment, trailing slash and `utm_*` parameters dropped, host lower-cased."""
    if not url or not url.strip():
        return None
    raw = html.unescape(url.strip())
    try:
        absolute = urljoin(base, raw) if base else raw
        parts = urlsplit(absolute)
        host = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    except ValueError:
        return None
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not pair.lower().startswith("utm_")
    )
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{query}" if query else "")


@dataclass(frozen=True, slots=True)
class RelatedScore:
    """One page's related links, or their micro sums: hits among returned non-neutral
    links (precision) and annotated links returned (recall)."""

    returned_hits: int = 0
    returned: int = 0
    annotated_hits: int = 0
    annotated: int = 0

    def __add__(self, other: RelatedScore) -> RelatedScore:
        return RelatedScore(
            self.returned_hits + other.returned_hits,
            self.returned + other.returned,
            self.annotated_hits + other.annotated_hits,
            self.annotated + other.annotated,
        )

    @property
    def precision(self) -> float | None:
        return self.returned_hits / self.returned if self.returned else None

    @property
    def recall(self) -> float | None:
        return self.annotated_hits / self.annotated if self.annotated else None


def _url_set(urls: Iterable[Any], base: str | None) -> set[str]:
    out = {normalise_url(str(url), base) if url is not None else None for url in urls}
    return {url for url in out if url}


def related_score(
    returned: Sequence[Mapping[str, Any]], annotation: Mapping[str, Any], page_url: str | None
) -> RelatedScore:
    """Related links of one page. A URL that is both annotated and neutral counts as
    annotated; a neutral one is left out of precision and recall."""
    annotated = _url_set(
        (item.get("url") for block in annotation.get("related") or [] for item in block.get("items") or []),
        page_url,
    )
    neutral = _url_set(annotation.get("neutral_urls") or [], page_url) - annotated
    got = _url_set((link.get("url") for link in returned), page_url) - neutral
    return RelatedScore(len(got & annotated), len(got), len(annotated & got), len(annotated))


def related_title_score(
    returned: Sequence[Mapping[str, Any]], annotation: Mapping[str, Any], page_url: str | None
) -> Ratio:
    """Related titles of one page: of the returned links whose URL the annotation gives a
    title, those whose title is that title (title_matches: whitespace-normalised and
    case-folded). The URL is found by related_score; this says what a user reads of it."""
    titles: dict[str, str] = {}
    for block in annotation.get("related") or []:
        for item in block.get("items") or []:
            url = normalise_url(str(item.get("url") or ""), page_url)
            title = item.get("title")
            if url and isinstance(title, str) and title.strip():
                titles.setdefault(url, title)
    score = Ratio()
    for link in returned:
        url = normalise_url(str(link.get("url") or ""), page_url)
        if url in titles:
            score = score + Ratio(int(title_matches(link.get("title"), titles[url])), 1)
            del titles[url]  # one returned link per annotated one
    return score


def story_picture_score(
    returned: Sequence[Mapping[str, Any]], annotation: Mapping[str, Any], page_url: str | None
) -> Ratio | None:
    """Returned images that are annotated story pictures, over returned images. One with a
    URL is when the URL is an annotated picture's `src`; one without (its address filled
    in by script) is when its shown text (caption and credit) matches, one to one, that
    of an annotated picture whose `src` is null. None when the annotation has no picture
    with a `src` or a shown text."""
    annotated = annotation.get("images") or []
    sources = _url_set((image.get("src") for image in annotated), page_url)
    scripted = [text for image in annotated if not image.get("src") and (text := _shown(image))]
    if not sources and not scripted:
        return None
    hits = 0
    for image in returned:
        url = normalise_url(str(image.get("url") or ""), page_url)
        if url:
            hits += url in sources
            continue
        shown = _shown(image)
        match = next((i for i, text in enumerate(scripted) if captions_match(shown, text)), None)
        if match is not None:
            hits += 1
            del scripted[match]
    return Ratio(hits, len(returned))


def _shown(image: Mapping[str, Any]) -> str:
    """A picture's caption and credit, the text a reader sees of it."""
    return " ".join(str(image.get(key) or "") for key in ("caption", "credit")).strip()


def annotation_leak_candidates(annotation: Mapping[str, Any]) -> list[str]:
    """Annotated captions and related-item titles: text that is not the story's."""
    out = [str(image["caption"]) for image in annotation.get("images") or [] if image.get("caption")]
    out += [
        str(item["title"])
        for block in annotation.get("related") or []
        for item in block.get("items") or []
        if item.get("title")
    ]
    return out


# --- collapses (issue 15) -----------------------------------------------------------------

COLLAPSE_BELOW = 0.3
COLLAPSE_PEER_ABOVE = 0.7
WORST_LOSSES = 20


@dataclass(frozen=True, slots=True)
class Loss:
    page: str
    f1: float
    peer: str
    peer_f1: float

    @property
    def loss(self) -> float:
        return self.peer_f1 - self.f1


def best_peer(page: str, peers: Mapping[str, Mapping[str, float]]) -> tuple[str, float] | None:
    """(peer, F1) of the best-scoring peer on `page` (the first in order on ties)."""
    best: tuple[str, float] | None = None
    for name, scores in peers.items():
        value = scores.get(page)
        if value is not None and (best is None or value > best[1]):
            best = (name, value)
    return best


def losses_to_best_peer(
    own: Mapping[str, float], peers: Mapping[str, Mapping[str, float]]
) -> list[Loss]:
    """Every page where some peer scores, with the tool's F1 and the best peer's."""
    out: list[Loss] = []
    for page, f1 in own.items():
        best = best_peer(page, peers)
        if best is not None:
            out.append(Loss(page, f1, best[0], best[1]))
    return out


def is_collapse(loss: Loss) -> bool:
    """The tool scores below 0.3 on the page while the best peer scores above 0.7."""
    return loss.f1 < COLLAPSE_BELOW and loss.peer_f1 > COLLAPSE_PEER_ABOVE


def empty_reference(text: str | None) -> bool:
    """A reference text without a word: nothing to extract, so an empty result scores 1.0
    and any text 0.0 (`word_prf`). None (a metric without a reference text) is not empty."""
    return text is not None and not _WORD.search(text)


def worst_losses(losses: Iterable[Loss], n: int = WORST_LOSSES) -> list[Loss]:
    """The `n` pages with the largest loss to the best peer (positive losses only; page
    id breaks ties, so the list is stable)."""
    positive = [loss for loss in losses if loss.loss > 0]
    return sorted(positive, key=lambda loss: (-loss.loss, loss.page))[:n]


def fundus_leaks(returned_text: str, captions: Iterable[str], body: str) -> tuple[list[str], int]:
    """(leaked, considered): record captions of 4+ words, not in the record's body, that
    appear in the returned text."""
    body_text = normalise_text(body)
    return leaked_strings(returned_text, [c for c in captions if not appears_in(body_text, c)])

"""Story text in composed form (NFC): a page that spells "ü" as "u" and a combining
diaeresis still reads "geprüft", as a search for the word types it."""

from __future__ import annotations

import unicodedata

import newsclean

URL = "https://news.example.com/auto/child-seats"
SENTENCES = [
    "Besonders bei Babyschalen sollte geprüft werden, ob die Gurtlänge im Fahrzeug "
    "ausreicht, um den Sitz sicher anschnallen zu können.",
    "Der Kindersitz muss sich möglichst stramm und standsicher im Fahrzeug einbauen "
    "lassen, vor allem bei älteren Fahrzeugen mit langen Gurtschlössern.",
]


def test_decomposed_letters_are_composed() -> None:
    body = "".join(f"<p>{unicodedata.normalize('NFD', text)}</p>" for text in SENTENCES)
    html = f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Kindersitze</title></head><body><article><h1>Kindersitze im Test</h1>
<div class="article-body">{body}</div></article></body></html>"""
    article = newsclean.extract(html, URL, rules=newsclean.RuleSet())
    assert article.paragraphs == SENTENCES
    assert "geprüft" in article.text

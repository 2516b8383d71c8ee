"""Story text in composed form (NFC): a page that spells "ü" as "u" and a combining
diaeresis still reads "geprüft", as a search for the word types it."""

from __future__ import annotations

import unicodedata

from .bridge_story import bridge_article

SENTENCES = [
    "Besonders bei Babyschalen sollte geprüft werden, ob die Gurtlänge im Fahrzeug "
    "ausreicht, um den Sitz sicher anschnallen zu können.",
    "Der Kindersitz muss sich möglichst stramm und standsicher im Fahrzeug einbauen "
    "lassen, vor allem bei älteren Fahrzeugen mit langen Gurtschlössern.",
]


def test_decomposed_letters_are_composed() -> None:
    decomposed = [unicodedata.normalize("NFD", text) for text in SENTENCES]
    assert decomposed != SENTENCES
    article = bridge_article(decomposed)
    assert article.paragraphs == SENTENCES
    assert "geprüft" in article.text

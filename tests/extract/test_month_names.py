"""One table of month names serves the date reader and the time-stamp lines."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsclean.extract.metadata import date_in_text
from newsclean.extract.paragraphs import time_stamp


@pytest.mark.parametrize(("text", "expected"), [
    ("Gepubliceerd op 3 maart 2024", datetime(2024, 3, 3)),     # Dutch
    ("Publikováno 12. března 2024", datetime(2024, 3, 12)),      # Czech genitive
    ("Veröffentlicht am 7. Jänner 2025", datetime(2025, 1, 7)),  # Austrian German
    ("Publicado em 9 de março de 2024", datetime(2024, 3, 9)),   # Portuguese
])
def test_dates_written_with_month_names_of_every_stamp_language(text: str,
                                                               expected: datetime) -> None:
    assert date_in_text(text) == expected


@pytest.mark.parametrize("line", [
    "9 de março de 2024, 14:30",   # Portuguese: a month the stamps did not know
    "Gepubliceerd 3 maart 10:15",
])
def test_stamp_lines_in_the_date_readers_languages(line: str) -> None:
    assert time_stamp(line)

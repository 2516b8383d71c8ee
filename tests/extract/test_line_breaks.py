"""Text on either side of a <br> is two lines: read whole, it keeps a space between."""

from __future__ import annotations

import newsclean

URL = "https://news.example.com/2025/03/01/harbour-cranes"

PAGE = """<html><head><title>x</title></head><body><article>
<h1>Rebuilding the Legacy<br>of the Harbour</h1>
<figure><img src="/cranes.jpg" alt="">
<figcaption>Cranes at the quay,<br>ready for the first ships</figcaption></figure>
<p>The harbour's cranes returned to service on Saturday after a winter of repairs, the
port authority said, and the first ships were unloaded within the hour.</p>
<p>Dock workers said the repairs had taken longer than planned because parts had to be
made to order, and the port had sent its cargo by rail in the meantime.</p>
</article></body></html>"""


def test_a_title_broken_in_two_lines_reads_with_a_space() -> None:
    article = newsclean.extract(PAGE, URL)
    assert article.title == "Rebuilding the Legacy of the Harbour"


def test_a_caption_in_two_lines_keeps_the_words_apart() -> None:
    article = newsclean.extract(PAGE, URL)
    [image] = article.images
    assert image.caption == "Cranes at the quay, ready for the first ships"


def test_a_date_on_the_line_after_a_caption_is_no_credit() -> None:
    page = PAGE.replace("Cranes at the quay,<br>ready for the first ships",
                        "Cranes at the quay<br>4 August 2024")
    [image] = newsclean.extract(page, URL).images
    assert image.credit is None
    assert image.caption == "Cranes at the quay 4 August 2024"

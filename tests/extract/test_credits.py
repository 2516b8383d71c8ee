"""Photo credits split from captions: labels, brackets and trailers in many languages."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.extract.credit_forms import clean_credit, split_credit


@pytest.mark.parametrize(("caption", "expected"), [
    # Labels with a colon or "by", in many languages.
    ("Protesters in Lima. Photograph: Jane Roe/Reuters", ("Protesters in Lima.", "Jane Roe/Reuters")),
    ("Der Kanzler in Berlin. Fotos: Max Muster", ("Der Kanzler in Berlin.", "Max Muster")),
    ("Der Kanzler in Berlin. Quelle: Reuters", ("Der Kanzler in Berlin.", "Reuters")),
    ("Le président à Paris. Crédit photo : Jean Dupont / AFP",
     ("Le président à Paris.", "Jean Dupont / AFP")),
    ("El presidente en Madrid. Fotografía: Juan Pérez", ("El presidente en Madrid.", "Juan Pérez")),
    ("El presidente en Madrid. Imagen: Juan Pérez", ("El presidente en Madrid.", "Juan Pérez")),
    ("Il presidente a Roma. Credito: Ansa", ("Il presidente a Roma.", "Ansa")),
    ("Prezydent w Warszawie. Fot. Jan Kowalski/PAP", ("Prezydent w Warszawie.", "Jan Kowalski/PAP")),
    ("Prezydent w Warszawie. Źródło: PAP", ("Prezydent w Warszawie.", "PAP")),
    ("Presidentti Helsingissä. Kuva: Matti Virtanen", ("Presidentti Helsingissä.", "Matti Virtanen")),
    ("Президент в Москве. Фото: ТАСС", ("Президент в Москве.", "ТАСС")),
    ("De premier in Den Haag. Beeld: ANP", ("De premier in Den Haag.", "ANP")),
    ("Cumhurbaşkanı Ankara'da. Fotoğraf: AA", ("Cumhurbaşkanı Ankara'da.", "AA")),
    ("习近平在北京。图片来源：新华社", ("习近平在北京。", "新华社")),
    ("Fans cheer in Paris. Photo courtesy of the family", ("Fans cheer in Paris.", "courtesy of the family")),
    ("A jar on a shelf. Courtesy of Brine & Sons", ("A jar on a shelf.", "Courtesy of Brine & Sons")),
    # A label after markup left in an attribute's text.
    ("Hills near the lake - <i>Fotos: Moritz Berger</i>", ("Hills near the lake", "Moritz Berger")),
    # Credits in parentheses, the label taken off.
    ("The view from the summit. (Image credit: Getty Images)",
     ("The view from the summit.", "Getty Images")),
    ("Der Kanzler in Berlin (Quelle: dpa)", ("Der Kanzler in Berlin", "dpa")),
    ("Le président à Paris (Photo AFP)", ("Le président à Paris", "AFP")),
    ("Agents at work (Source Frankie's Legacy)", ("Agents at work", "Frankie's Legacy")),
    ("首相官邸で記者会見する首相（写真：共同）", ("首相官邸で記者会見する首相", "共同")),
    ("Die Altstadt im Winter (Pixabay)", ("Die Altstadt im Winter", "Pixabay")),
    # A bracket inside a credit begun before it is the credit's.
    ("Orbán will nicht erwidern© Collage von Ivo Mayr (Foto - Vorlage AFP)",
     ("Orbán will nicht erwidern", "Collage von Ivo Mayr (Foto - Vorlage AFP)")),
    ("The old town in winter. (Jo Park/AFP via Getty Images)",
     ("The old town in winter.", "Jo Park/AFP via Getty Images")),
    ("Die Altstadt im Winter. Foto: privat", ("Die Altstadt im Winter.", "privat")),
    ("Die Altstadt im Winter. Unsplash", ("Die Altstadt im Winter.", "Unsplash")),
    # A label without a colon before names, closing the caption.
    ("Der Kanzler in Berlin. Bild Max Muster", ("Der Kanzler in Berlin.", "Max Muster")),
    ("De premier in Den Haag. Foto ANP", ("De premier in Den Haag.", "ANP")),
    # Trailers without a label: after a separator, or a last sentence naming a source.
    ("Fans cheer in Paris | Niall Carson/PA Images via Getty Images",
     ("Fans cheer in Paris", "Niall Carson/PA Images via Getty Images")),
    ("The raid in the old town of Palma / Lorenzo Marina",
     ("The raid in the old town of Palma", "Lorenzo Marina")),
    ("Guest rooms were redesigned from the ground up. Supplied",
     ("Guest rooms were redesigned from the ground up.", "Supplied")),
    ("Fans cheer in Paris. John Smith/AFP via Getty Images",
     ("Fans cheer in Paris.", "John Smith/AFP via Getty Images")),
    ("Flood water in the square. REUTERS", ("Flood water in the square.", "REUTERS")),
    ("The carrier leaves Portsmouth. Andrew Matthews / Forum",
     ("The carrier leaves Portsmouth.", "Andrew Matthews / Forum")),
    # A label left dangling once the credit's names were taken.
    ("At the press conference.....Picture", ("At the press conference.....", None)),
    ("Das Blätterdach ist fast geschlossen Fotos:", ("Das Blätterdach ist fast geschlossen", None)),
    # A caption that is only a credit.
    ("Foto: Renata Novak, Seznam Zprávy", (None, "Renata Novak, Seznam Zprávy")),
    ("Quelle: girlsrockcamp.org", (None, "girlsrockcamp.org")),
    ("Photo by Jo Park for The Times", (None, "Jo Park for The Times")),
    # A label naming the picture opens a caption; the credit is the later label.
    ("Image: Waves break over the harbour wall. Image: PA",
     ("Waves break over the harbour wall.", "PA")),
])
def test_split_credit_forms(caption: str, expected: tuple[str | None, str | None]) -> None:
    assert split_credit(caption) == expected


@pytest.mark.parametrize("caption", [
    "The match ended 2/1 in Paris.",
    "He has worked for Reuters",
    "Ein Bild von der Feier in Berlin.",
    "A photo of the suspect",
    "Left to right: the mayor | the new harbour master of the town",
    "The stadium at night. Fans walk home",
    "The mayor at the town hall (left)",
    "Les manifestants (Paris, 2023)",
])
def test_split_credit_leaves_plain_captions(caption: str) -> None:
    assert split_credit(caption) == (caption, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Foto: © dpa", "dpa"),
    ("(Photo: Jane Doe)", "Jane Doe"),
    (" / Lorenzo Marina", "Lorenzo Marina"),
    ("Crédits photo : AFP", "AFP"),
    ("Bildquelle: Max Muster)", "Max Muster"),
    ("AP Photo/John Doe", "AP Photo/John Doe"),
    ("  ", None),
])
def test_clean_credit(text: str, expected: str | None) -> None:
    assert clean_credit(text) == expected


PICTURE = '<img src="/a.jpg" width="800" height="500">'


@pytest.mark.parametrize(("figure", "expected"), [
    # A labelled line beside the <figcaption>, in a template with hashed class names.
    (f'<div class="e1">{PICTURE}<span class="e2"><span class="e3">Foto: Renata Novak, '
     'Seznam Zprávy</span></span></div><figcaption><p>Premiér v demisi.</p></figcaption>',
     ("Premiér v demisi.", "Renata Novak, Seznam Zprávy")),
    # An element marked as the credit by an attribute's name alone.
    ('<figcaption><p>The raid in the old town of Palma <span data-aida-captionauthor>'
     ' / Lorenzo Marina</span></p></figcaption>',
     ("The raid in the old town of Palma", "Lorenzo Marina")),
    # Trailers in the caption's own text.
    ("<figcaption><div>Connolly will succeed another Galway socialist. | Niall Carson/PA "
     "Images via Getty Images</div></figcaption>",
     ("Connolly will succeed another Galway socialist.",
      "Niall Carson/PA Images via Getty Images")),
    ('<figcaption><span class="caption">Guest rooms were redesigned from the ground up. '
     "Supplied</span></figcaption>",
     ("Guest rooms were redesigned from the ground up.", "Supplied")),
    # An unnamed line of its own in the figure that can only be a credit.
    (f"{PICTURE}<figcaption>Boats leave the harbour.</figcaption><p>Jo Park/The Times</p>",
     ("Boats leave the harbour.", "Jo Park/The Times")),
    (f"{PICTURE}<figcaption>Boats leave the harbour.</figcaption><div>© Jo Park</div>",
     ("Boats leave the harbour.", "Jo Park")),
    # ... but a line in capitals alone may be a label or a section name.
    (f"{PICTURE}<figcaption>Boats leave the harbour.</figcaption><div>HARBOUR</div>",
     ("Boats leave the harbour.", None)),
    # A class naming the credit inside a longer word.
    (f'{PICTURE}<figcaption>Boats leave the harbour.<span class="imgCopyrightline">'
     "Jo Park</span></figcaption>", ("Boats leave the harbour.", "Jo Park")),
    # The credit in an attribute of the picture or of its wrapper.
    (f'<div data-copyright="Jo Park/dpa">{PICTURE}</div>'
     "<figcaption>Boats leave the harbour.</figcaption>",
     ("Boats leave the harbour.", "Jo Park/dpa")),
    ('<img src="/a.jpg" width="800" height="500" data-photographer="Foto: Jo Park">'
     "<figcaption>Boats leave the harbour.</figcaption>",
     ("Boats leave the harbour.", "Jo Park")),
    # A picture title that is only a credit.
    ('<img src="/a.jpg" width="800" height="500" title="© Reuters">'
     "<figcaption>Boats leave the harbour.</figcaption>", ("Boats leave the harbour.", "Reuters")),
    # The hidden label of a credit line: "Image source, Getty Images".
    (f"{PICTURE}<figcaption>Boats leave the harbour.</figcaption>"
     '<span class="x9"><span class="x8">Image source, </span>Getty Images</span>',
     ("Boats leave the harbour.", "Getty Images")),
    # Names alone closing the caption, after its sentence or a separator.
    ("<figcaption>Boats leave the harbour. <em>Jo Park</em></figcaption>",
     ("Boats leave the harbour.", "Jo Park")),
    ("<figcaption><p>Boats leave the harbour – <span>Jo Park</span></p></figcaption>",
     ("Boats leave the harbour", "Jo Park")),
    ("<figcaption>Boats leave the harbour <small>Jo Park/AP</small></figcaption>",
     ("Boats leave the harbour", "Jo Park/AP")),
    ("<figcaption>Boats leave the harbour.<br>Jo Park</figcaption>",
     ("Boats leave the harbour.", "Jo Park")),
    ("<figcaption>Boats leave the harbour <br>at dawn</figcaption>",
     ("Boats leave the harbour at dawn", None)),
    # ... but not a name that is part of the caption's sentence.
    ("<figcaption>The harbour master <b>Jo Park</b></figcaption>",
     ("The harbour master Jo Park", None)),
    # A labelled credit in the caption box's own text, beside the caption inside it...
    ('<figcaption><span class="caption">Boats leave the harbour.</span> Photograph: '
     "Jo Park/Reuters</figcaption>", ("Boats leave the harbour.", "Jo Park/Reuters")),
    # ... but text there that does not read as a credit names no one.
    ('<figcaption><span class="caption">Boats leave the harbour.</span> at dawn'
     "</figcaption>", ("Boats leave the harbour.", None)),
    # A box named caption and credit holding the label in an element of its own: one
    # credit, its label apart, not a caption box holding two parts.
    ('<figcaption><span class="pic-caption__text">Boats leave the harbour.</span> '
     '<span class="pic-caption__credit"> <span class="pic-caption__credit-label">Credit'
     "</span>: Photo: Jo Park/PA </span></figcaption>",
     ("Boats leave the harbour.", "Jo Park/PA")),
    # A template's fields: the caption's label only screen readers get, the credit's
    # label an element of its own, without a colon.
    ('<div class="field--caption field--label-visually_hidden"><h2 class="visually-hidden">'
     'Caption</h2><div class="field__item"><p>Boats leave the harbour.</p></div></div>'
     '<div class="field--credit"><div class="field__label">Photo Credit</div>'
     '<div class="field__item">Jo Park</div></div>',
     ("Boats leave the harbour.", "Jo Park")),
    # A labelled line that reads as a sentence names the picture: it is no credit.
    (f"{PICTURE}<figcaption>Boats leave the harbour.</figcaption>"
     "<span>Photo: the harbour at dawn</span>",
     ("Boats leave the harbour.", None)),
])
def test_figure_credit_forms(figure: str, expected: tuple[str, str | None]) -> None:
    page = (f'<html><body><article class="post"><h1>Harbour news</h1>'
            f'<p>{"Boats left the harbour before dawn for the long season at sea. " * 4}</p>'
            f'<figure>{figure if "<img" in figure else PICTURE + figure}</figure>'
            f'<p>{"Crews said the catch had been better than in any year before. " * 4}</p>'
            f'</article></body></html>')
    article = newsclean.extract(page, "https://example.org/a", rules=newsclean.RuleSet())
    assert [(image.caption, image.credit) for image in article.images] == [expected]
    if expected[1]:
        assert expected[1] not in (article.images[0].caption or "")

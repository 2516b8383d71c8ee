"""A <pre> block keeps its lines: code and plain-text documents read line by line."""

from __future__ import annotations

import newsclean

URL = "https://docs.example.org/guide/result"

PAGE = """<html><head><title>Result</title></head><body><main>
<h1>Result</h1>
<p>Result is a type that represents either success or failure, and this guide shows
how a program reads one and what it does with the value inside of it.</p>
<pre>
    let x: Result&lt;i32, &amp;str&gt; = Ok(-3);&#32;&#32;
    assert_eq!(x.is_ok(), true);

    if let Ok(value) = x {
        println!("{value}");
    }
</pre>
<p>Each method of the type is shown with an example like the one above, which the
reader may copy and run as it stands, and each says what it returns.</p>
</main></body></html>"""


def test_pre_block_keeps_its_lines_and_indent() -> None:
    article = newsclean.extract(PAGE, URL)
    code = [p for p in article.paragraphs if "assert_eq!" in p]
    assert code == [
        "let x: Result<i32, &str> = Ok(-3);\n"
        "assert_eq!(x.is_ok(), true);\n"
        "\n"
        "if let Ok(value) = x {\n"
        '    println!("{value}");\n'
        "}"
    ]


def test_other_blocks_stay_one_line() -> None:
    article = newsclean.extract(PAGE, URL)
    prose = [p for p in article.paragraphs if p.startswith("Result is a type")]
    assert len(prose) == 1 and "\n" not in prose[0]


def test_markdown_fences_a_preformatted_paragraph() -> None:
    article = newsclean.Article(paragraphs=["Plain prose.", "a = 1\nprint(```a```)"])
    markdown = article.to_markdown()
    assert "Plain prose.\n\n````\na = 1\nprint(```a```)\n````\n" in markdown

"""Extraction benchmark: newsclean and its peers, measured the same way on the same pages.

Run it with ``python -m benchmarks --help``. The package lives beside ``src/`` and is not
part of the wheel: it is for people who want to check the published numbers.

Modules:
    loaders   read the public collections in their published layouts (and the corpus)
    scorers   each collection's own metric, written from its published description
    adapters  one adapter per tool: its default settings, no network
    runner    runs each tool in its own child process and scores what it returns
    report    the Markdown table and the JSON file
"""

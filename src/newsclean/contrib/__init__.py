"""Integrations with other frameworks: `newsclean.contrib.scrapy` (item pipeline and spider
middleware) and `newsclean.contrib.dask` (WARC/JSONL shards on a Dask cluster). Each needs
its extra: `pip install "newsclean[scrapy]"`, `pip install "newsclean[dask]"`."""

__all__ = []

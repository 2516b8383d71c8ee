"""The inspector: an offline HTML report showing why each block of a page was kept or dropped.

    >>> from newsclean.inspect import write_report
    >>> write_report(newsclean.explain(html, url), Path("report.html"))

`newsclean inspect PAGE|URL`, `newsclean check --report` and `newsclean rules test` all
render an `Explanation` through this package.
"""

from __future__ import annotations

from .css import sanitise_css
from .report import render_report, write_report

__all__ = ["render_report", "sanitise_css", "write_report"]

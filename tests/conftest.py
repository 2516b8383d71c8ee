import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

from newsclean.fixtures.pytest_plugin import corpus_tests
from tests.http_server import LocalServer, running_server

# Property tests draw the same examples on every run, so a gate (CI) passes or fails for
# the code alone; NEWSCLEAN_HYPOTHESIS=explore draws new ones, to look for new failures.
settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("NEWSCLEAN_HYPOTHESIS", "repeatable"))

pytest_collect_file = corpus_tests("../corpus")  # one test per page of corpus/


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A real HTTP server on 127.0.0.1: route paths to handlers, read its access log."""
    with running_server() as srv:
        yield srv


@pytest.fixture
def other_server() -> Iterator[LocalServer]:
    """A second host (another port) for cross-host tests."""
    with running_server() as srv:
        yield srv

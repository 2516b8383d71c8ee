"""The installed version of newsclean."""

__version__ = "0.1.0"

"""Bytes to text to one parsed tree: the layer below rules and the engine.

`charset` finds a page's encoding as a browser would; `tree` turns any accepted input
into the one lxml tree that every later stage reads.
"""

__all__ = []

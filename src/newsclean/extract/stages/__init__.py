"""The stages of an extraction, in the order `engine.run` calls them.

Each module holds the generic code of its step and the site-rule code beside it:
clean (scripts, controls, streamed chunks, rule strips, layout), related (headline blocks,
next/previous, inline "READ MORE" lines), header (title, byline and authors, dates,
dateline), pictures (images, captions, credits), story (the container, its paragraphs and
the lead above it).
"""

"""The public web site: the calendar, a page per session and per workplan, and
the iCalendar feed, built from the record as static files (`site build`).

Importing this package imports Jinja2: the command line imports it only when
a site is built, so that every other command starts without it.
"""

from adapters.site.build import OutputError, UnsafeNameError, build_site

__all__ = ["OutputError", "UnsafeNameError", "build_site"]

"""Reading the site's pages as a browser would: parsed by html5lib, the
WHATWG parsing algorithm, strictly (any parse error fails), then checked for
what the parser lets pass: language, encoding, headings in order, no script."""

from __future__ import annotations

import itertools
import re
from datetime import date
from xml.etree.ElementTree import Element

import html5lib

from domain.values import DateRange, describe_dates

HEADING = re.compile(r"h([1-6])")
ACTIVE_ELEMENTS = {"script", "iframe", "object", "embed", "noscript", "template"}


def parse(text: str, *, strict: bool = True) -> Element:
    """The page's tree; with `strict`, any parse error raises `ParseError`."""
    parser = html5lib.HTMLParser(strict=strict, namespaceHTMLElements=False)
    root: Element = parser.parse(text)
    return root


def text_of(element: Element) -> str:
    """The element's text as a reader sees it: whitespace runs as one space."""
    return " ".join("".join(element.itertext()).split())


def headings(root: Element) -> list[tuple[int, str]]:
    """Every heading in document order: its level and text."""
    return [
        (int(found.group(1)), text_of(element))
        for element in root.iter()
        if isinstance(element.tag, str) and (found := HEADING.fullmatch(element.tag))
    ]


def check_page(text: str) -> Element:
    """Parse `text` strictly and check what makes a page valid, accessible and
    readable without JavaScript; return its tree."""
    root = parse(text)
    assert text.startswith("<!DOCTYPE html>\n")
    assert root.tag == "html"
    assert root.get("lang") == "en"
    head = root.find("head")
    assert head is not None
    first = head[0]
    assert (first.tag, first.get("charset")) == ("meta", "utf-8")
    title = head.find("title")
    assert title is not None
    assert text_of(title)
    levels = [level for level, _ in headings(root)]
    assert levels[0] == 1, "the page starts with its h1"
    assert levels.count(1) == 1, "one h1 per page"
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"h{before} is followed by h{after}"
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    for element in root.iter():
        assert element.tag not in ACTIVE_ELEMENTS, element.tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert not value.strip().lower().startswith("javascript:")
    return root


def following(root: Element, heading: str) -> Element:
    """The element right after the heading whose text is `heading`."""
    for parent in root.iter():
        children = list(parent)
        for at, child in enumerate(children[:-1]):
            if HEADING.fullmatch(str(child.tag)) and text_of(child) == heading:
                return children[at + 1]
    raise AssertionError(f"no heading {heading!r}")


def items(element: Element) -> list[str]:
    """The texts of a list's items."""
    return [text_of(li) for li in element.iter("li")]


def rows(table: Element) -> list[list[str]]:
    """The texts of a table's body cells, row by row."""
    body = table.find("tbody")
    assert body is not None
    return [[text_of(cell) for cell in row] for row in body.iter("tr")]


def next_to(root: Element, element: Element) -> Element:
    """The element right after `element`, under the same parent."""
    for parent in root.iter():
        children = list(parent)
        if element in children:
            return children[children.index(element) + 1]
    raise AssertionError("the element is not in the page")


def dates_text(dates: dict[str, str]) -> str:
    """Dates as the site writes them (`27–29 July 2020`)."""
    return describe_dates(
        DateRange(date.fromisoformat(dates["start"]), date.fromisoformat(dates["end"]))
    )

"""What the command line does before anything else is imported: asyncio is
loaded only when first used.

The log line is written with structlog, which imports asyncio for its async
methods; no command uses them, and importing asyncio costs about as much as
the rest of a query's start. The standard library's lazy loader puts a module
in its place that loads asyncio on first use, so anything that does use it
(psycopg, say) gets the real module.
"""

from __future__ import annotations

import importlib.util
import sys


def defer_asyncio() -> None:
    """Load asyncio on first use, unless it is loaded already."""
    if "asyncio" in sys.modules:
        return
    spec = importlib.util.find_spec("asyncio")
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["asyncio"] = module
    loader.exec_module(module)


defer_asyncio()

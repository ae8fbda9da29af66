"""What the benchmark runs in child processes: a rebuild whose peak memory is
measured (B7), and writers that record commands side by side (B6).

    python -m bench.child rebuild URL
    python -m bench.child idle URL
    python -m bench.child write URL BODY NUMBER COUNT

A writer says `ready` once warm, and starts when it reads a line.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def peak_rss_mb() -> float:
    """This process's peak resident set size (Linux gives it in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rebuild(url: str) -> dict[str, float]:
    from adapters.bootstrap import open_secretariat, open_views
    from adapters.store import parse_store_url

    store = parse_store_url(url)
    secretariat = open_secretariat(store, create=False)
    started = time.perf_counter()
    applied = open_views(store, secretariat).rebuild()
    seconds = time.perf_counter() - started
    secretariat.close()
    return {
        "seconds": seconds,
        "events": sum(applied.values()),
        "rss_mb": peak_rss_mb(),
    }


def idle(url: str) -> dict[str, float]:
    """The same process up to the rebuild: modules imported, store opened."""
    from adapters.bootstrap import open_secretariat, open_views
    from adapters.store import parse_store_url

    store = parse_store_url(url)
    secretariat = open_secretariat(store, create=False)
    open_views(store, secretariat)
    secretariat.close()
    return {"rss_mb": peak_rss_mb()}


def write(url: str, body: str, number: int, count: int) -> dict[str, float]:
    """Record `count` statements on one session, each as the command line
    records it (open the store, load, decide, save, catch the views up), once
    told to start (so that writers start together)."""
    from bench.figures import run_cli
    from domain.delegations import member_states

    def statement(n: int) -> list[str]:
        return [
            "record-statement",
            body,
            str(number),
            "--delegation",
            member_states()[n % 193],
            "--on",
            "2023-06-01",
            "--store",
            url,
        ]

    run_cli(statement(0))  # warm: modules imported, tables known
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.time()
    for n in range(1, count + 1):
        run_cli(statement(n))
    return {"started": started, "ended": time.time(), "count": count}


def main(argv: list[str]) -> None:
    action, url, *rest = argv
    if action == "rebuild":
        result = rebuild(url)
    elif action == "idle":
        result = idle(url)
    elif action == "write":
        body, number, count = rest
        result = write(url, body, int(number), int(count))
    else:
        raise SystemExit(f"unknown action {action}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])

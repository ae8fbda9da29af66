"""The service as B8 and B9 measure it: the application `secretariat serve`
runs (the same routes, layers and server), plus one route that answers a
static file, B8's baseline, through the same layers.

    python -m bench.serve URL STATIC_FILE

It prints the address it listens on (a free port of 127.0.0.1), then serves
until SIGTERM.
"""

from __future__ import annotations

import sys
from pathlib import Path

import uvicorn
from starlette.responses import FileResponse
from starlette.routing import Route

STATIC = "/bench/static"


def main(url: str, static: str) -> None:
    from adapters.bootstrap import open_secretariat, open_views
    from adapters.http.app import Service, routing
    from adapters.http.auth import Authenticator
    from adapters.http.middleware import wrap
    from adapters.http.record import ServedRecord
    from adapters.http.serving import listening_socket, signals_kept
    from adapters.logging import configure_logging
    from adapters.store import parse_store_url

    configure_logging(json=True)
    store = parse_store_url(url)
    secretariat = open_secretariat(store, create=False)
    views = open_views(store, secretariat)
    views.catch_up()
    record = ServedRecord(store, secretariat, views)
    service = Service(record, Authenticator(record, None))
    path = Path(static)

    async def static_file(request: object) -> FileResponse:
        return FileResponse(path, media_type="application/json")

    app = wrap(routing([Route(STATIC, static_file), *service.routes()]), timeout=600)
    sock = listening_socket("127.0.0.1", 0)
    host, port = sock.getsockname()[:2]
    print(f"http://{host}:{port}", flush=True)
    config = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=5,
    )
    with signals_kept():
        uvicorn.Server(config).run(sockets=[sock])
    secretariat.close()


if __name__ == "__main__":
    main(*sys.argv[1:3])

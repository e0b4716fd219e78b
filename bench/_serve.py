"""A built site served on 127.0.0.1 for the benchmarks that open it in Chromium (bench/run.py's
weight, bench/search_bakeoff.py), quietly: a benchmark's output is its figures, not a line per
request. bench/lighthouse.py serves with nginx instead, for its gzip."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


def serve(root: Path, served: list[Path] | None = None) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``root`` in a thread; (the server, to ``shutdown()``; its base URL). Every file sent
    is appended to ``served`` when given."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

        def send_head(self):
            f = super().send_head()
            path = Path(self.translate_path(self.path))
            if served is not None and f is not None and path.is_file():
                served.append(path)
            return f

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"

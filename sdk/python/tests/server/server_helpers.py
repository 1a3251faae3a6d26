"""What the server tests use besides fixtures: a recording proxy, raw API calls, polling."""

from __future__ import annotations

import http.client
import http.server
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Callable, Dict, List, Optional, Tuple


def call(url: str, key: str, method: str, path: str, body: Any = None) -> Tuple[int, Any]:
    """One request to Galley's HTTP API (status, JSON), without the SDK."""
    request = urllib.request.Request(
        url + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"authorization": f"Bearer {key}", "content-type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as refusal:
        return refusal.code, json.loads(refusal.read() or b"null")


class Proxy:
    """An HTTP proxy in front of Galley that records what passed, can answer scripted statuses
    first (503, 429 with Retry-After), can be slow, and can be taken down and brought back."""

    def __init__(self, upstream: str) -> None:
        self.upstream = urllib.parse.urlsplit(upstream)
        #: (status, if-none-match) of every answer given, in order.
        self.log: List[Tuple[int, Optional[str]]] = []
        #: Requests received, answered or not.
        self.received = 0
        #: Answers to give before proxying: (status, headers, body).
        self.script: List[Tuple[int, Dict[str, str], Dict[str, Any]]] = []
        #: While set to an unset Event, requests wait for it before being answered.
        self.hold: Optional[threading.Event] = None
        self._lock = threading.Lock()
        self._server = self._listen(0)
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def statuses(self) -> List[int]:
        with self._lock:
            return [status for status, _ in self.log]

    def _listen(self, port: int) -> http.server.ThreadingHTTPServer:
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                with proxy._lock:
                    proxy.received += 1
                    scripted = proxy.script.pop(0) if proxy.script else None
                hold = proxy.hold
                if hold is not None:
                    hold.wait(60)
                if scripted:
                    status, headers, body = scripted
                    payload = json.dumps(body).encode()
                    answer_headers = {**headers, "content-type": "application/json"}
                else:
                    upstream = http.client.HTTPConnection(proxy.upstream.hostname, proxy.upstream.port, timeout=30)
                    forwarded = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                    upstream.request("GET", self.path, headers=forwarded)
                    response = upstream.getresponse()
                    status, payload = response.status, response.read()
                    answer_headers = {
                        k: v for k, v in response.getheaders() if k.lower() not in ("transfer-encoding", "connection")
                    }
                    upstream.close()
                with proxy._lock:
                    proxy.log.append((status, self.headers.get("if-none-match")))
                self.send_response(status)
                for name, value in answer_headers.items():
                    if name.lower() != "content-length":
                        self.send_header(name, value)
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return server

    def down(self) -> None:
        """Nothing listens any more: connections are refused."""
        if self.hold is not None:
            self.hold.set()
        self._server.shutdown()
        self._server.server_close()

    def up(self) -> None:
        self._server = self._listen(self.port)


def wait_until(check: Callable[[], bool], timeout: float = 20.0, what: str = "the condition") -> None:
    """Polls (no fixed sleep): passes as soon as check() holds, fails after timeout seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)

"""Reads prompts deployed in Galley: cached, revalidated with ETags, retried, with a fallback.

Behaves as the TypeScript SDK (sdk/src/index.ts) does:
- An answer is fresh for ``ttl`` seconds: get_prompt returns it with no request.
- A stale answer is returned at once while one background thread per prompt revalidates it
  (If-None-Match; a 304 only renews it), so a cache hit never waits and never raises.
- With nothing cached, the first caller fetches and concurrent callers for the same prompt wait
  for that one request.
- Network errors, timeouts, 429 and 5xx are retried with backoff, honouring Retry-After up to
  RETRY_AFTER_CAP seconds; a longer Retry-After ends the retries at once.
- While an environment runs a release (a split between versions), ``unit`` (a user or session id,
  per client or per call, sent as Galley-Unit) gets the same version every time; answers are
  cached per unit.
- The fallback is returned only when nothing is cached and Galley could not be reached
  (UnreachableError). 401, 403 and 404 always raise: a wrong key or name is a bug to see, not an
  outage to hide.
Every cache read and write holds one lock; requests run outside it.
"""

from __future__ import annotations

import copy
import http.client
import json
import logging
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from numbers import Real
from typing import Any, Dict, Mapping, Optional, Tuple

from ._version import __version__
from .errors import AuthenticationError, GalleyError, NotFoundError, PermissionDeniedError, UnreachableError
from .prompt import FallbackPrompt, Prompt, check_fallback

__all__ = ["Galley"]

log = logging.getLogger("galley")

#: The longest Retry-After (seconds) a retry waits for; a longer one gives up at once.
RETRY_AFTER_CAP = 2.0
#: The largest answer read (bytes); Galley's own are bounded by GALLEY_MAX_RESOLVED_BYTES (1 MiB).
MAX_ANSWER_BYTES = 16 * 1024 * 1024
#: Same-origin redirects followed (Galley answers 308 for a renamed prompt).
MAX_REDIRECTS = 3
#: Bounds on the options, so a typo (ttl=6000000, timeout=0) is an error, not a hang.
MAX_TTL = 7 * 24 * 3600
MAX_TIMEOUT = 300
MAX_RETRIES = 10
MAX_NAME_LENGTH = 1000
#: The longest unit id Galley accepts.
MAX_UNIT_LENGTH = 200
#: Feedback bounds, as Galley checks them.
MAX_COMMENT_LENGTH = 2000
MAX_TRACE_ID_LENGTH = 200
MAX_SCORE = 1_000_000
#: Prompts (name and environment or version, and unit) kept at most; past it the earliest cached goes first.
MAX_CACHED = 10_000

_ENVIRONMENT = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TOKEN = re.compile(r"^[\x21-\x7e]+$")
_FEEDBACK_ID = re.compile(r"\A[A-Za-z0-9._:-]{1,100}\Z")
_REDIRECTS = (301, 302, 303, 307, 308)


def _retryable(status: int) -> bool:
    return status == 429 or status >= 500


@dataclass
class _Entry:
    #: The served prompt's JSON text: each caller gets its own parse of it (5x cheaper than a deep copy).
    body: str
    etag: Optional[str]
    fetched_at: float
    refreshing: bool = False


class _Flight:
    """A first fetch in progress: other callers for the same prompt wait for its outcome."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.body: Optional[str] = None
        self.error: Optional[BaseException] = None


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # Redirects are followed by _send, same origin only, so the API key never goes elsewhere.
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


def _number(value: Any, name: str, low: float, high: float, *, low_open: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number of seconds, not {type(value).__name__}.")
    if value < low or (low_open and value == low) or value > high:
        bound = f"more than {low}" if low_open else f"at least {low}"
        raise ValueError(f"{name} must be {bound} and at most {high} seconds, not {value}.")
    return float(value)


def _unit(value: Any, name: str) -> Optional[str]:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or len(value) > MAX_UNIT_LENGTH:
        raise ValueError(f"{name} must be a string of at most {MAX_UNIT_LENGTH} characters (a user or session id).")
    return value


def _retry_after(headers: Any) -> Optional[float]:
    raw = headers.get("retry-after") if headers is not None else None
    if not raw:
        return None
    raw = raw.strip()
    if raw.isdigit():
        return float(raw)
    try:  # an HTTP date
        return max(0.0, parsedate_to_datetime(raw).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _text(body: bytes) -> Optional[str]:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _served(body: str) -> bool:
    """Whether the body is a served prompt (not a proxy's page or a truncated answer)."""
    try:
        data = json.loads(body)
    except ValueError:
        return False
    if not isinstance(data, dict):
        return False
    kind = data.get("type")
    ok = (
        isinstance(data.get("name"), str)
        and isinstance(data.get("version"), int)
        and isinstance(data.get("contract"), dict)
        and isinstance(data.get("contract", {}).get("variables"), list)
        and isinstance(data.get("modelConfig"), dict)
        and (
            (kind == "text" and isinstance(data.get("template"), str))
            or (kind == "chat" and isinstance(data.get("messages"), list))
        )
    )
    return ok


class Galley:
    """A Galley client. Share one per process: it is thread-safe and its cache is what makes
    get_prompt cheap.

    :param base_url: where Galley runs, e.g. ``https://galley.example.com``.
    :param api_key: a project API key with prompts:read (Settings → API keys).
    :param ttl: seconds an answer is fresh; after that it is served stale while one background
        refresh revalidates it.
    :param timeout: seconds per attempt (connecting, then reading the answer).
    :param retries: extra attempts after a network error, timeout, 429 or 5xx.
    :param fallback: prompts to serve when Galley cannot be reached and nothing is cached, by
        name: ``{"support/refund-reply": {"template": "..."}}`` (see FallbackPrompt).
    :param unit: the unit id (a user or session id, at most 200 characters) every call sends
        unless it names its own: during a release, the same unit always gets the same version.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        ttl: float = 60,
        timeout: float = 5,
        retries: int = 2,
        fallback: Optional[Mapping[str, FallbackPrompt]] = None,
        unit: Optional[str] = None,
    ) -> None:
        if not isinstance(base_url, str):
            raise TypeError(
                f"base_url must be a string such as 'https://galley.example.com', not {type(base_url).__name__}."
            )
        parts = urllib.parse.urlsplit(base_url.strip())
        try:
            parts.port  # raises ValueError for a port out of range
        except ValueError:
            parts = urllib.parse.urlsplit("")
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise ValueError(f"base_url must be an http(s) URL such as 'https://galley.example.com', not {base_url!r}.")
        if not isinstance(api_key, str) or not _TOKEN.match(api_key) or len(api_key) > 1000:
            raise ValueError(
                "api_key must be a Galley API key (Settings → API keys): printable characters, no spaces, "
                "at most 1000 characters."
            )
        if isinstance(retries, bool) or not isinstance(retries, int) or not 0 <= retries <= MAX_RETRIES:
            raise ValueError(f"retries must be a whole number from 0 to {MAX_RETRIES}, not {retries!r}.")
        self._base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
        self._origin = (parts.scheme, parts.netloc.lower())
        self._api_key = api_key
        self._ttl = _number(ttl, "ttl", 0, MAX_TTL)
        self._timeout = _number(timeout, "timeout", 0, MAX_TIMEOUT, low_open=True)
        self._retries = retries
        self._unit = _unit(unit, "unit")
        if fallback is not None and not isinstance(fallback, Mapping):
            raise TypeError(
                "fallback must be a dict of prompt name to fallback prompt, e.g. {'support/hello': {'template': 'Hi'}}."
            )
        self._fallbacks = {
            str(name): check_fallback(value, f"fallback[{name!r}]") for name, value in (fallback or {}).items()
        }
        self._opener = urllib.request.build_opener(_NoRedirects)
        self._lock = threading.Lock()
        self._cache: Dict[str, _Entry] = {}
        self._flights: Dict[str, _Flight] = {}

    def __repr__(self) -> str:
        return f"Galley({self._base!r}, ttl={self._ttl:g}, timeout={self._timeout:g}, retries={self._retries})"

    # ---- the public API ----

    def get_prompt(
        self,
        name: str,
        environment: str = "production",
        version: Optional[int] = None,
        *,
        fallback: Optional[FallbackPrompt] = None,
        unit: Optional[str] = None,
    ) -> Prompt:
        """The prompt as deployed to ``environment``, or the pinned ``version`` (then
        ``environment`` is not asked for). Fresh in the cache: no request. Stale: returned at once
        and refreshed in the background. Nothing cached: fetched; when Galley cannot be reached,
        ``fallback`` (or the one given to Galley(fallback=) for this name) with is_fallback True.
        ``unit`` (default: the client's) picks this user's version while the environment runs a
        release; ``prompt.release`` then names it.

        Raises AuthenticationError (401), PermissionDeniedError (403), NotFoundError (404), even
        with a fallback; UnreachableError when Galley cannot be reached and there is no fallback;
        GalleyError for other refusals (e.g. 400 for a bad name).
        """
        path = self._path(name, environment, version)
        who = self._unit if unit is None else _unit(unit, "unit")
        chosen = (
            check_fallback(fallback, "fallback") if fallback is not None else self._fallbacks.get(name)
        )
        hit = self._cached(path, who)
        if hit is not None:
            return hit
        try:
            body = self._first_fetch(path, who)
        except UnreachableError:
            if chosen is None:
                raise
            log.warning("Galley unreachable and %s not cached: serving its fallback", name)
            return Prompt(
                name=name,
                type=chosen["type"],
                version=None,
                environment=environment if version is None else None,
                template=chosen["template"],
                messages=copy.deepcopy(chosen["messages"]),
                contract=copy.deepcopy(chosen["contract"]),
                model_config=copy.deepcopy(chosen["modelConfig"]),
                is_fallback=True,
            )
        return self._prompt(body)

    def feedback(
        self,
        name: str,
        *,
        score: Any,
        release: Optional[str] = None,
        version: Optional[int] = None,
        environment: Optional[str] = None,
        comment: Optional[str] = None,
        trace_id: Optional[str] = None,
        unit: Optional[str] = None,
        id: Optional[str] = None,  # noqa: A002 (the body's field)
    ) -> None:
        """Report what a user thought of an answer (POST /api/prompts/{name}/feedback): name it by
        ``release`` (``prompt.release``, during a split) or ``version``, with ``score`` "up",
        "down" or a number. Galley stores feedback in batches, so the studio shows it a few seconds
        later. ``id`` is this rating's key (1–100 letters, digits, ``. _ : -``): every retry of the
        call sends the same one, so Galley counts the rating once; a random one (a UUID) unless you
        pass yours, to retry across calls or processes. Raises as get_prompt does (UnreachableError
        after the retries)."""
        segments = self._path(name, "production", None).split("?")[0]
        if release is None and version is None:
            raise ValueError("feedback needs the answer's release or its version (prompt.release, prompt.version).")
        if release is not None and (not isinstance(release, str) or not 1 <= len(release) <= 100):
            raise ValueError(f"release must be a served answer's release, not {release!r}.")
        if version is not None and (isinstance(version, bool) or not isinstance(version, int) or version < 1):
            raise ValueError(f"version must be a version number (1, 2, …), not {version!r}.")
        if environment is not None and (not isinstance(environment, str) or not _ENVIRONMENT.match(environment)):
            raise ValueError(f"environment must be an environment's slug such as 'production', not {environment!r}.")
        if score not in ("up", "down") and (
            isinstance(score, bool) or not isinstance(score, Real) or not -MAX_SCORE <= score <= MAX_SCORE
        ):
            raise ValueError(f'score must be "up", "down" or a number from -{MAX_SCORE} to {MAX_SCORE}, not {score!r}.')
        if comment is not None and (not isinstance(comment, str) or len(comment) > MAX_COMMENT_LENGTH):
            raise ValueError(f"comment must be a string of at most {MAX_COMMENT_LENGTH} characters.")
        if trace_id is not None and (not isinstance(trace_id, str) or len(trace_id) > MAX_TRACE_ID_LENGTH):
            raise ValueError(f"trace_id must be a string of at most {MAX_TRACE_ID_LENGTH} characters.")
        if id is not None and (not isinstance(id, str) or not _FEEDBACK_ID.match(id)):
            raise ValueError(f'id must be 1 to 100 letters, digits, ".", "_", ":" or "-", not {id!r}.')
        # One body for every attempt: a retry after a lost 202 carries the same id, so it is stored once.
        fields = {
            "id": str(uuid.uuid4()) if id is None else id,
            "release": release,
            "version": version,
            "environment": environment,
            "score": score,
            "comment": comment,
            "traceId": trace_id,
            "unit": self._unit if unit is None else _unit(unit, "unit"),
        }
        body = json.dumps({k: v for k, v in fields.items() if v is not None}).encode("utf-8")
        self._request(f"{segments}/feedback", None, None, body=body)

    def clear_cache(self) -> None:
        """Forget every cached prompt: the next get_prompt asks Galley."""
        with self._lock:
            self._cache.clear()

    # ---- cache ----

    @staticmethod
    def _key(path: str, unit: Optional[str]) -> str:
        # Per unit: during a split two units may get two versions. A pinned version never splits.
        return path if unit is None or "?version=" in path else f"{path}\n{unit}"

    def _cached(self, path: str, unit: Optional[str]) -> Optional[Prompt]:
        """The cached prompt, starting its background refresh when stale; None when not cached."""
        key = self._key(path, unit)
        with self._lock:
            entry = self._cache.get(key)
            if entry is None:
                return None
            body = entry.body
            if not entry.refreshing and time.monotonic() - entry.fetched_at >= self._ttl:
                entry.refreshing = True
                threading.Thread(
                    target=self._refresh, args=(path, unit, entry), name=f"galley-refresh {path}", daemon=True
                ).start()
        return self._prompt(body)

    def _first_fetch(self, path: str, unit: Optional[str]) -> str:
        key = self._key(path, unit)
        with self._lock:
            entry = self._cache.get(key)
            if entry is not None:  # another thread's fetch landed meanwhile
                return entry.body
            flight = self._flights.get(key)
            leading = flight is None
            if flight is None:
                flight = self._flights[key] = _Flight()
        if leading:
            try:
                answer = self._request(path, None, unit)
                if answer is None:
                    raise UnreachableError(
                        "Galley answered 304 Not Modified to a request without an ETag.",
                        status=304,
                        code="invalid_response",
                    )
                flight.body = answer[0]
                with self._lock:
                    if len(self._cache) >= MAX_CACHED:  # names and units come from users: bound the memory
                        del self._cache[next(iter(self._cache))]
                    self._cache[key] = _Entry(answer[0], answer[1], time.monotonic())
            except BaseException as error:
                flight.error = error
            finally:
                with self._lock:
                    del self._flights[key]
                flight.done.set()
            if flight.error is not None:
                raise flight.error
        else:
            flight.done.wait()
            if flight.error is not None:
                # Each waiter raises its own copy: one exception object raised in many threads
                # would collect all their tracebacks.
                raise copy.copy(flight.error) if isinstance(flight.error, GalleyError) else flight.error
        assert flight.body is not None
        return flight.body

    def _refresh(self, path: str, unit: Optional[str], entry: _Entry) -> None:
        key = self._key(path, unit)
        answer: Optional[Tuple[str, Optional[str]]] = None
        failed = False
        try:
            answer = self._request(path, entry.etag, unit)
        except Exception as error:  # keep serving what we have; the next stale read tries again
            failed = True
            log.warning("Galley refresh of %s failed, serving the cached answer: %s", path, error)
        with self._lock:
            entry.refreshing = False
            if self._cache.get(key) is not entry or failed:
                return  # cleared meanwhile: nothing to renew
            if answer is None:
                entry.fetched_at = time.monotonic()
            else:
                self._cache[key] = _Entry(answer[0], answer[1], time.monotonic())

    def _prompt(self, body: str) -> Prompt:
        # A parse per caller: an app that edits its Prompt's messages must not edit the cache.
        data = json.loads(body)
        return Prompt(
            name=data["name"],
            type=data["type"],
            version=data["version"],
            environment=data.get("environment"),
            template=data.get("template"),
            messages=data.get("messages"),
            contract=data["contract"],
            model_config=data["modelConfig"],
            release=data.get("release") if isinstance(data.get("release"), str) else None,
        )

    # ---- HTTP ----

    def _path(self, name: str, environment: str, version: Optional[int]) -> str:
        if not isinstance(name, str) or not name.strip("/") or len(name) > MAX_NAME_LENGTH:
            raise ValueError(
                "name must be a prompt name such as 'support/refund-reply' "
                f"(at most {MAX_NAME_LENGTH} characters), not {name!r}."
            )
        segments = "/".join(urllib.parse.quote(s, safe="") for s in name.split("/"))
        if version is not None:
            if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= 2**31 - 1:
                raise ValueError(f"version must be a version number (1, 2, …), not {version!r}.")
            return f"/api/prompts/{segments}?version={version}"
        if not isinstance(environment, str) or not _ENVIRONMENT.match(environment) or len(environment) > 100:
            raise ValueError(
                f"environment must be an environment's slug such as 'production' or 'staging', not {environment!r}."
            )
        return f"/api/prompts/{segments}?environment={environment}"

    def _request(
        self, path: str, etag: Optional[str], unit: Optional[str], *, body: Optional[bytes] = None
    ) -> Optional[Tuple[str, Optional[str]]]:
        """One answer with retries: (the served prompt's JSON, ETag), or None for 304 (unchanged).
        With ``body``, a POST of that JSON whose 2xx answer is not read as a prompt."""
        last: Optional[GalleyError] = None
        wait = 0.0
        for attempt in range(1 + self._retries):
            if attempt:
                time.sleep(max(wait, min(2.0, 0.1 * 2 ** (attempt - 1))))
            wait = 0.0
            try:
                status, headers, answer = self._send(self._base + path, etag, unit, body)
            except UnreachableError as error:
                last = error
                continue
            if body is not None and 200 <= status < 300:
                return None
            if status == 304:
                return None
            if status == 200:
                text = _text(answer)
                if text is not None and _served(text):
                    return text, headers.get("etag")
                last = UnreachableError(
                    f"{self._base} answered 200 with something that is not a Galley prompt "
                    "(a proxy or another service?).",
                    status=200,
                    code="invalid_response",
                )
                continue
            error = self._refusal(status, headers, answer)
            if not _retryable(status):
                raise error
            last = error
            if error.retry_after is not None:
                if error.retry_after > RETRY_AFTER_CAP:
                    break  # the server asked for longer than a retry may wait
                wait = error.retry_after
        assert last is not None
        raise last

    def _send(
        self, url: str, etag: Optional[str], unit: Optional[str] = None, data: Optional[bytes] = None
    ) -> Tuple[int, Any, bytes]:
        """One attempt: status, headers and body, following same-origin redirects."""
        for _ in range(MAX_REDIRECTS + 1):
            headers = {
                "Authorization": f"Bearer {self._api_key}",
                "Accept": "application/json",
                "User-Agent": f"galley-python/{__version__}",
            }
            if etag:
                headers["If-None-Match"] = etag
            if unit:
                headers["Galley-Unit"] = unit
            if data is not None:
                headers["Content-Type"] = "application/json"
            request = urllib.request.Request(url, headers=headers, data=data, method="POST" if data is not None else "GET")
            status, answer_headers, body = self._exchange(request)
            if status not in _REDIRECTS:
                return status, answer_headers, body
            location = answer_headers.get("location")
            target = urllib.parse.urljoin(url, location or "")
            parts = urllib.parse.urlsplit(target)
            if not location or (parts.scheme, parts.netloc.lower()) != self._origin:
                raise GalleyError(
                    f"Galley redirected to {location!r}, which is not {self._base}: "
                    "not followed, so the API key stays there.",
                    status=status,
                    code="redirect_refused",
                )
            url = target
        raise GalleyError(
            f"Galley redirected more than {MAX_REDIRECTS} times for {url}.", status=status, code="too_many_redirects"
        )

    def _exchange(self, request: urllib.request.Request) -> Tuple[int, Any, bytes]:
        deadline = time.monotonic() + self._timeout
        try:
            try:
                response = self._opener.open(request, timeout=self._timeout)
            except urllib.error.HTTPError as refusal:  # any status but 2xx; it is a response too
                response = refusal
            with response:
                status = response.status if response.status is not None else response.getcode()
                chunks, size = [], 0
                while True:
                    if time.monotonic() > deadline:
                        raise socket.timeout("the answer took too long to arrive")
                    chunk = response.read(65536) if response.fp is not None else b""
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > MAX_ANSWER_BYTES:
                        raise UnreachableError(
                            f"{self._base} sent an answer over {MAX_ANSWER_BYTES} bytes: not a Galley prompt.",
                            status=status,
                            code="invalid_response",
                        )
                    chunks.append(chunk)
                return status, response.headers, b"".join(chunks)
        except UnreachableError:
            raise
        except (OSError, http.client.HTTPException) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, socket.timeout) or isinstance(error, socket.timeout):
                raise UnreachableError(
                    f"Galley at {self._base} did not answer within {self._timeout:g} s.", status=None, code="timeout"
                ) from error
            raise UnreachableError(
                f"Galley at {self._base} could not be reached: {reason}.", status=None, code="unreachable"
            ) from error

    def _refusal(self, status: int, headers: Any, body: bytes) -> GalleyError:
        error: Dict[str, Any] = {}
        try:
            parsed = json.loads(body.decode("utf-8"))
            if isinstance(parsed, dict) and isinstance(parsed.get("error"), dict):
                error = parsed["error"]
        except (UnicodeDecodeError, ValueError):
            pass
        message = error.get("message") if isinstance(error.get("message"), str) else f"Galley answered {status}."
        code = error.get("code") if isinstance(error.get("code"), str) else "http_error"
        kind = {401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError}.get(status)
        if kind is None:
            kind = UnreachableError if _retryable(status) else GalleyError
        return kind(
            message,
            status=status,
            code=code,
            details=error.get("details"),
            request_id=error.get("requestId") if isinstance(error.get("requestId"), str) else None,
            retry_after=_retry_after(headers),
        )

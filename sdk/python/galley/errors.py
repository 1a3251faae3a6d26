"""What Galley answered when it refused a request, or why it could not be reached.

Every exception here is a GalleyError with ``status`` (the HTTP status, or None when no answer
came) and ``code`` (Galley's machine-readable error code, or one of the SDK's own: ``unreachable``,
``timeout``, ``invalid_response``, ``redirect_refused``). Template problems are not GalleyErrors:
rendering raises ``galley.TemplateError`` (galley/template.py), which lists every issue at once.
"""

from __future__ import annotations

from typing import Any, Optional

__all__ = [
    "AuthenticationError",
    "GalleyError",
    "NotFoundError",
    "PermissionDeniedError",
    "UnreachableError",
]


class GalleyError(Exception):
    """Galley refused the request (4xx), or could not be reached (see UnreachableError)."""

    def __init__(
        self,
        message: str,
        *,
        status: Optional[int],
        code: str,
        details: Any = None,
        request_id: Optional[str] = None,
        retry_after: Optional[float] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        #: The HTTP status Galley answered with; None when no answer came (network error, timeout).
        self.status = status
        #: Galley's error code (``not_found``, ``unauthorized``, ``rate_limited``…) or the SDK's own.
        self.code = code
        #: Galley's ``error.details`` when it sent any (e.g. the fields of a 422).
        self.details = details
        #: Galley's request id, to find the request in the server's log.
        self.request_id = request_id
        #: Seconds the server asked to wait (Retry-After) before the last attempt gave up.
        self.retry_after = retry_after

    def __str__(self) -> str:
        where = f"HTTP {self.status}" if self.status is not None else "no answer"
        return f"{self.message} ({where}, code {self.code})"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, code={self.code!r}, message={self.message!r})"

    def __reduce__(self) -> Any:
        # Keyword-only fields: pickle and copy.copy need to be told how to rebuild one.
        fields = (self.message, self.status, self.code, self.details, self.request_id, self.retry_after)
        return (_rebuild, (type(self),) + fields)


def _rebuild(
    cls: type,
    message: str,
    status: Optional[int],
    code: str,
    details: Any,
    request_id: Optional[str],
    retry_after: Optional[float],
) -> GalleyError:
    return cls(message, status=status, code=code, details=details, request_id=request_id, retry_after=retry_after)


class AuthenticationError(GalleyError):
    """401: the API key is missing, malformed, revoked or unknown. Never answered with a fallback."""


class PermissionDeniedError(GalleyError):
    """403: the API key is valid but lacks the scope (prompts:read) or the project's permission."""


class NotFoundError(GalleyError):
    """404: no such prompt, environment or version, or nothing deployed there. Never a fallback."""


class UnreachableError(GalleyError):
    """No usable answer: a network error, a timeout, 429 or 5xx after every retry, or a body that
    is not Galley's. This is the only error a fallback replaces."""

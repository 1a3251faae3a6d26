"""Fixtures for the SDK tests against a REAL Galley server (no mocks).

e2e/python-sdk.spec.ts starts Galley, creates an API key and runs these tests with:
- GALLEY_URL: the server;
- GALLEY_API_KEY: a key with prompts:read and prompts:write (the tests seed their own prompts
  through POST /api/prompts/{name}/versions and deploy them to unprotected environments);
- GALLEY_WRITE_ONLY_KEY: a key without prompts:read (for the 403).
Without them every test here fails with a message saying so: nothing is skipped silently.
"""

from __future__ import annotations

import os
import secrets
from typing import Any, Callable, Dict, List, Optional

import pytest
from server_helpers import Proxy, call

NEEDED = ("GALLEY_URL", "GALLEY_API_KEY", "GALLEY_WRITE_ONLY_KEY")


@pytest.fixture(scope="session", autouse=True)
def server() -> Dict[str, str]:
    missing = [name for name in NEEDED if not os.environ.get(name)]
    if missing:
        pytest.fail(
            f"{', '.join(missing)} not set: the tests in sdk/python/tests/server run against a real Galley "
            "server. Run them with `node scripts/e2e.mjs e2e/python-sdk.spec.ts` (after `npm run build`), "
            "which starts one and sets these.",
            pytrace=False,
        )
    return {name: os.environ[name] for name in NEEDED}


@pytest.fixture(scope="session")
def url(server: Dict[str, str]) -> str:
    return server["GALLEY_URL"].rstrip("/")


@pytest.fixture(scope="session")
def key(server: Dict[str, str]) -> str:
    return server["GALLEY_API_KEY"]


@pytest.fixture
def seed(url: str, key: str) -> Callable[..., int]:
    """seed(name, content, deploy=[...]) saves a version (creating the prompt) and deploys it;
    returns the version number."""

    def save(name: str, content: Dict[str, Any], *, deploy: Optional[List[str]] = None, message: str = "seeded") -> int:
        kind = "chat" if "messages" in content else "text"
        body = {
            "type": kind,
            "message": message,
            "content": {"contract": {"variables": []}, "modelConfig": {}, **content},
            "deploy": deploy or [],
        }
        status, answer = call(url, key, "POST", f"/api/prompts/{name}/versions", body)
        assert status == 200, answer
        return int(answer["version"])

    return save


@pytest.fixture
def unique() -> Callable[[str], str]:
    """A prompt name no other test (or earlier run on the same server) uses."""
    run = secrets.token_hex(3)
    return lambda name: f"py-{run}/{name}"


@pytest.fixture
def proxy(url: str):
    made: List[Proxy] = []

    def make() -> Proxy:
        made.append(Proxy(url))
        return made[-1]

    yield make
    for p in made:
        try:
            p.down()
        except OSError:
            pass

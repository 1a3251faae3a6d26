"""AsyncGalley: Galley for asyncio code, with no dependency beyond the standard library.

A cached prompt (fresh or stale) is returned without leaving the event loop; a first fetch runs
the thread-safe sync client in a worker thread (asyncio.to_thread), so the loop never blocks.
"""

from __future__ import annotations

import asyncio
from typing import Any, Optional

from .client import Galley, _unit
from .prompt import FallbackPrompt, Prompt

__all__ = ["AsyncGalley"]


class AsyncGalley:
    """Takes the same arguments as Galley; ``await galley.get_prompt(name, ...)``."""

    def __init__(self, base_url: str, api_key: str, **options: Any) -> None:
        self._galley = Galley(base_url, api_key, **options)

    def __repr__(self) -> str:
        return f"Async{self._galley!r}"

    async def get_prompt(
        self,
        name: str,
        environment: str = "production",
        version: Optional[int] = None,
        *,
        fallback: Optional[FallbackPrompt] = None,
        unit: Optional[str] = None,
    ) -> Prompt:
        """As Galley.get_prompt."""
        who = self._galley._unit if unit is None else _unit(unit, "unit")
        hit = self._galley._cached(self._galley._path(name, environment, version), who)
        if hit is not None:
            return hit
        return await asyncio.to_thread(
            self._galley.get_prompt, name, environment, version, fallback=fallback, unit=unit
        )

    async def feedback(self, name: str, **fields: Any) -> None:
        """As Galley.feedback, in a worker thread."""
        await asyncio.to_thread(self._galley.feedback, name, **fields)

    def clear_cache(self) -> None:
        """Forget every cached prompt: the next get_prompt asks Galley."""
        self._galley.clear_cache()

"""Galley's Python SDK: read prompts deployed in Galley and render them as the server does.

    from galley import Galley

    galley = Galley("https://galley.example.com", api_key=os.environ["GALLEY_API_KEY"])
    prompt = galley.get_prompt("support/refund-reply", environment="production")
    messages = prompt.to_openai({"customer_name": "Ana"})

Standard library only; Python 3.9+. See README.md beside this package for the options.
"""

import logging

from ._version import __version__
from .async_client import AsyncGalley
from .client import Galley
from .errors import AuthenticationError, GalleyError, NotFoundError, PermissionDeniedError, UnreachableError
from .prompt import FallbackPrompt, Prompt
from .template import TemplateError, TemplateIssue, render_prompt

# A library logs to "galley" and leaves handlers to the application.
logging.getLogger("galley").addHandler(logging.NullHandler())

__all__ = [
    "AsyncGalley",
    "AuthenticationError",
    "FallbackPrompt",
    "Galley",
    "GalleyError",
    "NotFoundError",
    "PermissionDeniedError",
    "Prompt",
    "TemplateError",
    "TemplateIssue",
    "UnreachableError",
    "__version__",
    "render_prompt",
]

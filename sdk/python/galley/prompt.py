"""A prompt as Galley serves it, rendered with the same template semantics as the server.

Rendering is galley/template.py (the Python port of lib/templates, proven identical by the shared
conformance suite), so a value the server would refuse is refused here with the same issue codes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, TypedDict

from .template import render_prompt

__all__ = ["FallbackPrompt", "Prompt", "check_fallback"]

ChatMessage = Dict[str, Any]
"""One OpenAI chat message: ``{"role": "user", "content": "..."}`` (tool calls etc. as openai takes them)."""


class FallbackPrompt(TypedDict, total=False):
    """What to serve when Galley cannot be reached and nothing is cached: the JSON shape of
    ``GET /api/prompts/{name}`` (a saved answer works as it is), of which only these keys are used."""

    type: Literal["text", "chat"]
    template: str
    messages: List[Dict[str, Any]]
    contract: Dict[str, Any]
    modelConfig: Dict[str, Any]


_USED_KEYS = ("type", "template", "messages", "contract", "modelConfig")
# Keys of a served answer that a saved copy brings along; a fallback has no version of its own.
_IGNORED_KEYS = ("name", "version", "release", "environment", "resolved", "updatedAt")
_ROLES = ("system", "user", "assistant")


def check_fallback(value: Any, where: str) -> Dict[str, Any]:
    """The fallback as (type, template, messages, contract, modelConfig), or ValueError/TypeError
    naming what to fix. Checked when given, not during an outage, so a typo shows up at once."""
    if not isinstance(value, Mapping):
        raise TypeError(
            f"{where} must be a dict like {{'template': 'Hello, {{{{name}}}}.'}}, not {type(value).__name__}."
        )
    unknown = sorted(str(k) for k in value if k not in _USED_KEYS and k not in _IGNORED_KEYS)
    if unknown:
        raise ValueError(f"{where} has unknown keys {unknown}: use {list(_USED_KEYS)}.")
    template, messages = value.get("template"), value.get("messages")
    kind = value.get("type")
    if kind is not None and kind not in ("text", "chat"):
        raise ValueError(f"{where}['type'] must be 'text' or 'chat', not {kind!r}.")
    if template is not None and messages is not None:
        raise ValueError(
            f"{where} has both 'template' and 'messages': a text prompt has a template, a chat prompt messages."
        )
    if template is None and messages is None:
        raise ValueError(f"{where} needs 'template' (a text prompt) or 'messages' (a chat prompt).")
    if kind is None:
        kind = "chat" if messages is not None else "text"
    if kind == "text" and template is None:
        raise ValueError(f"{where} is a text prompt: give 'template', not 'messages'.")
    if kind == "chat" and messages is None:
        raise ValueError(f"{where} is a chat prompt: give 'messages', not 'template'.")
    if template is not None and not isinstance(template, str):
        raise TypeError(f"{where}['template'] must be a string, not {type(template).__name__}.")
    if messages is not None:
        if not isinstance(messages, (list, tuple)):
            raise TypeError(f"{where}['messages'] must be a list of messages, not {type(messages).__name__}.")
        for i, m in enumerate(messages):
            ok = isinstance(m, Mapping) and (
                (m.get("role") in _ROLES and isinstance(m.get("content"), str))
                or (m.get("role") == "placeholder" and isinstance(m.get("name"), str))
            )
            if not ok:
                raise ValueError(
                    f"{where}['messages'][{i}] must be {{'role': 'system'|'user'|'assistant', 'content': str}} "
                    f"or {{'role': 'placeholder', 'name': str}}, not {m!r}."
                )
    contract = value.get("contract", {"variables": []})
    if not isinstance(contract, Mapping) or not isinstance(contract.get("variables"), (list, tuple)):
        raise ValueError(f"{where}['contract'] must be {{'variables': [...]}} as Galley exports it.")
    model_config = value.get("modelConfig", {})
    if not isinstance(model_config, Mapping):
        raise TypeError(f"{where}['modelConfig'] must be a dict such as {{'model': 'gpt-4o-mini'}}.")
    return {
        "type": kind,
        "template": template,
        "messages": [dict(m) for m in messages] if messages is not None else None,
        "contract": {**contract, "variables": [dict(v) for v in contract["variables"]]},
        "modelConfig": dict(model_config),
    }


def openai_settings(config: Mapping[str, Any]) -> Dict[str, Any]:
    """A version's model settings as chat.completions.create keyword arguments (as
    lib/templates/render-prompt.ts toOpenAIParams maps them; provider is Galley's own)."""
    params: Dict[str, Any] = {}
    if config.get("model"):
        params["model"] = config["model"]
    if config.get("temperature") is not None:
        params["temperature"] = config["temperature"]
    if config.get("maxTokens") is not None:
        params["max_tokens"] = config["maxTokens"]
    if config.get("topP") is not None:
        params["top_p"] = config["topP"]
    if config.get("stop"):
        params["stop"] = list(config["stop"])
    fmt = config.get("responseFormat") or {}
    if fmt.get("type") == "json_object":
        params["response_format"] = {"type": "json_object"}
    elif fmt.get("type") == "json_schema":
        schema = {"name": fmt.get("name"), "schema": fmt.get("schema")}
        if fmt.get("strict") is not None:
            schema["strict"] = fmt["strict"]
        params["response_format"] = {"type": "json_schema", "json_schema": schema}
    if config.get("tools"):
        params["tools"] = [dict(t) for t in config["tools"]]
    return params


def _check_values(values: Optional[Mapping[str, Any]]) -> Mapping[str, Any]:
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise TypeError(f"values must be a dict of variable name to value, not {type(values).__name__}.")
    return values


def _check_history(history: Optional[Sequence[Mapping[str, Any]]]) -> List[ChatMessage]:
    if history is None:
        return []
    if isinstance(history, (str, bytes)) or not isinstance(history, Sequence):
        raise TypeError(f"history must be a list of chat messages, not {type(history).__name__}.")
    checked = []
    for i, m in enumerate(history):
        if not isinstance(m, Mapping) or not isinstance(m.get("role"), str):
            raise ValueError(
                f"history[{i}] must be a chat message such as {{'role': 'user', 'content': 'Hi'}}, not {m!r}."
            )
        checked.append(dict(m))
    return checked


@dataclass(frozen=True)
class Prompt:
    """One prompt version as deployed to ``environment`` (or pinned with ``version``), or the
    fallback you gave (``is_fallback``: True, ``version`` None) when Galley could not be reached."""

    name: str
    #: "text" or "chat".
    type: str
    #: None for a fallback.
    version: Optional[int]
    #: None when a version was asked for.
    environment: Optional[str]
    #: Text prompts: the template (references to other prompts already replaced by the server).
    template: Optional[str]
    #: Chat prompts: ``{"role", "content"}`` templates and ``{"role": "placeholder", "name"}``.
    messages: Optional[List[Dict[str, Any]]]
    #: ``{"variables": [{"name", "type", "required", "default"?, ...}]}``.
    contract: Dict[str, Any]
    #: Galley's model settings (model, temperature, maxTokens, topP, stop, responseFormat, tools).
    model_config: Dict[str, Any]
    is_fallback: bool = False
    #: During a release (a split between versions), the arm served, ``"<releaseId>.<version>"``:
    #: send it back with feedback. None outside a split and for a fallback.
    release: Optional[str] = None

    def _render(self, values: Optional[Mapping[str, Any]], strict: bool) -> Any:
        content = {
            "template": self.template,
            "messages": self.messages if self.type == "chat" else None,
            "contract": self.contract,
        }
        return render_prompt(content, _check_values(values), strict=strict, prompt_name=self.name)

    def render(self, values: Optional[Mapping[str, Any]] = None, *, strict: bool = False) -> str:
        """Text prompts: the rendered text. Chat prompts: the text of every message, joined by blank
        lines. Raises galley.TemplateError listing every problem (missing, mistyped values…);
        ``strict`` makes values the contract does not name an error too."""
        result = self._render(values, strict)
        if result.text is not None:
            return result.text
        return "\n\n".join(
            m.get("content") if isinstance(m.get("content"), str)
            else json.dumps(m.get("content"), ensure_ascii=False, separators=(",", ":"))
            for m in result.messages
        )

    def to_openai(
        self,
        values: Optional[Mapping[str, Any]] = None,
        history: Optional[Sequence[Mapping[str, Any]]] = None,
        *,
        strict: bool = False,
    ) -> List[ChatMessage]:
        """The rendered messages as openai's ``messages=`` takes them (a text prompt is one user
        message), followed by ``history``: the conversation your app keeps (earlier turns and the
        new user message), appended as given. A message list the prompt's author placed inside the
        prompt is a placeholder variable instead, filled from ``values``."""
        messages = [dict(m) for m in self._render(values, strict).messages]
        return messages + _check_history(history)

    def openai_params(
        self,
        values: Optional[Mapping[str, Any]] = None,
        history: Optional[Sequence[Mapping[str, Any]]] = None,
        *,
        strict: bool = False,
        default_model: Optional[str] = None,
    ) -> Dict[str, Any]:
        """Keyword arguments for ``client.chat.completions.create(**params)``: ``messages`` (as
        to_openai) plus the version's model settings (model, temperature, max_tokens, top_p, stop,
        response_format, tools). ``default_model`` is used when the version names no model."""
        params = openai_settings(self.model_config)
        if "model" not in params and default_model:
            params["model"] = default_model
        params["messages"] = self.to_openai(values, history, strict=strict)
        return params

"""What the SDK refuses before sending anything: each error names the argument and what to give.
(The behaviour against a server is in tests/server, run by e2e/python-sdk.spec.ts.)"""

from __future__ import annotations

import copy
import pickle

import pytest

from galley import Galley, NotFoundError, Prompt, UnreachableError
from galley.prompt import openai_settings

URL = "http://127.0.0.1:9"  # nothing is sent in these tests


@pytest.mark.parametrize(
    "args, options, message",
    [
        (("galley.example.com", "k"), {}, "base_url must be an http"),
        (("ftp://galley.example.com", "k"), {}, "base_url must be an http"),
        (("http://galley.example.com:99999", "k"), {}, "base_url must be an http"),
        ((URL + "?x=1", "k"), {}, "base_url must be an http"),
        ((URL, ""), {}, "api_key must be"),
        ((URL, "gk_with space"), {}, "api_key must be"),
        ((URL, "k"), {"ttl": -1}, "ttl must be at least 0"),
        ((URL, "k"), {"ttl": 10**9}, "at most 604800"),
        ((URL, "k"), {"timeout": 0}, "timeout must be more than 0"),
        ((URL, "k"), {"retries": 11}, "retries must be a whole number from 0 to 10"),
        ((URL, "k"), {"retries": 1.5}, "retries must be a whole number"),
        (
            (URL, "k"),
            {"fallback": {"a": {"template": "x", "modelconfig": {}}}},
            r"fallback\['a'\] has unknown keys \['modelconfig'\]",
        ),
        ((URL, "k"), {"fallback": {"a": {"template": "x", "messages": []}}}, "both 'template' and 'messages'"),
        ((URL, "k"), {"fallback": {"a": {"type": "chat", "template": "x"}}}, "is a chat prompt: give 'messages'"),
        (
            (URL, "k"),
            {"fallback": {"a": {"messages": [{"role": "bot", "content": "x"}]}}},
            r"\['messages'\]\[0\] must be",
        ),
        ((URL, "k"), {"fallback": {"a": {}}}, "needs 'template'"),
    ],
)
def test_bad_options_are_refused_naming_what_to_fix(args, options, message):
    with pytest.raises((ValueError, TypeError), match=message):
        Galley(*args, **options)


def test_bad_arguments_to_get_prompt_are_refused_before_any_request():
    galley = Galley(URL, "k", retries=0)
    with pytest.raises(ValueError, match="name must be a prompt name"):
        galley.get_prompt("")
    with pytest.raises(ValueError, match="environment must be an environment's slug"):
        galley.get_prompt("a", environment="Prod uction")
    with pytest.raises(ValueError, match="version must be a version number"):
        galley.get_prompt("a", version=0)
    with pytest.raises(ValueError, match="version must be a version number"):
        galley.get_prompt("a", version=True)
    with pytest.raises(TypeError, match="fallback must be a dict"):
        galley.get_prompt("a", fallback="Hello")  # type: ignore[arg-type]


def test_a_served_answer_saved_to_a_file_works_as_a_fallback_when_nothing_listens():
    saved = {
        "name": "support/hello",
        "type": "text",
        "version": 4,
        "environment": "production",
        "template": "Hello, {{name}}.",
        "contract": {"variables": [{"name": "name", "type": "string", "required": True}]},
        "modelConfig": {"model": "gpt-4o-mini"},
        "resolved": True,
        "updatedAt": "2026-11-26T10:00:00.000Z",
    }
    prompt = Galley(URL, "k", retries=0, timeout=1, fallback={"support/hello": saved}).get_prompt("support/hello")
    assert isinstance(prompt, Prompt)
    assert (prompt.is_fallback, prompt.version, prompt.environment) == (True, None, "production")
    assert prompt.openai_params({"name": "Ana"}) == {
        "model": "gpt-4o-mini",
        "messages": [{"role": "user", "content": "Hello, Ana."}],
    }
    with pytest.raises(UnreachableError):
        Galley(URL, "k", retries=0, timeout=1).get_prompt("support/hello")


def test_model_settings_map_to_openai_keyword_arguments():
    schema = {"type": "object", "properties": {"ok": {"type": "boolean"}}}
    tool = {"type": "function", "function": {"name": "lookup", "parameters": {"type": "object"}}}
    assert openai_settings(
        {
            "provider": "openai",
            "model": "gpt-4o",
            "temperature": 0,
            "maxTokens": 50,
            "topP": 0.9,
            "stop": ["\n\n"],
            "responseFormat": {"type": "json_schema", "name": "answer", "schema": schema, "strict": True},
            "tools": [tool],
        }
    ) == {
        "model": "gpt-4o",
        "temperature": 0,
        "max_tokens": 50,
        "top_p": 0.9,
        "stop": ["\n\n"],
        "response_format": {"type": "json_schema", "json_schema": {"name": "answer", "schema": schema, "strict": True}},
        "tools": [tool],
    }
    # Galley's "text" format is OpenAI's default: nothing to send; an empty stop list neither.
    assert openai_settings({"responseFormat": {"type": "text"}, "stop": []}) == {}


def test_default_model_fills_in_only_when_the_version_names_none():
    prompt = Prompt("a", "text", 1, "production", "Hi", None, {"variables": []}, {"temperature": 1})
    assert prompt.openai_params(default_model="gpt-4o-mini")["model"] == "gpt-4o-mini"
    named = Prompt("a", "text", 1, "production", "Hi", None, {"variables": []}, {"model": "gpt-4o"})
    assert named.openai_params(default_model="gpt-4o-mini")["model"] == "gpt-4o"


def test_errors_keep_their_fields_through_copy_and_pickle():
    error = NotFoundError("No prompt named a.", status=404, code="not_found", request_id="r1")
    for clone in (copy.copy(error), pickle.loads(pickle.dumps(error))):
        assert type(clone) is NotFoundError
        assert (clone.status, clone.code, clone.request_id, str(clone)) == (
            404,
            "not_found",
            "r1",
            "No prompt named a. (HTTP 404, code not_found)",
        )

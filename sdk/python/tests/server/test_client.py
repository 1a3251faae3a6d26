"""The Python SDK against a real Galley server: fetch, cache, ETag revalidation, stale-while-
revalidate, fallback, refusals, retries, thread safety. A recording proxy (server_helpers.Proxy)
sits in front of Galley to count requests, hold them, answer 503/429 first, or go away."""

from __future__ import annotations

import asyncio
import logging
import threading
import time

import pytest
from server_helpers import call, wait_until

import galley.client as galley_client
from galley import (
    AsyncGalley,
    AuthenticationError,
    Galley,
    GalleyError,
    NotFoundError,
    PermissionDeniedError,
    TemplateError,
    UnreachableError,
)

NAME_CONTRACT = {"variables": [{"name": "name", "type": "string", "required": True}]}


def text(template: str, **model_config):
    return {"template": template, "contract": NAME_CONTRACT, "modelConfig": model_config}


def test_a_text_prompt_is_fetched_cached_and_rendered_as_the_server_renders_it(seed, unique, proxy, url, key):
    name = unique("welcome")
    seed(
        name,
        text(
            "Welcome, {{name}}.",
            model="gpt-4o-mini",
            temperature=0.3,
            maxTokens=200,
            responseFormat={"type": "json_object"},
        ),
        deploy=["development"],
    )
    front = proxy()
    galley = Galley(front.url, key, retries=0)

    prompt = galley.get_prompt(name, "development")
    assert (prompt.name, prompt.type, prompt.version, prompt.environment, prompt.is_fallback) == (
        name,
        "text",
        1,
        "development",
        False,
    )
    assert prompt.template == "Welcome, {{name}}."
    assert prompt.render({"name": "Ana"}) == "Welcome, Ana."
    assert prompt.openai_params({"name": "Ana"}) == {
        "model": "gpt-4o-mini",
        "temperature": 0.3,
        "max_tokens": 200,
        "response_format": {"type": "json_object"},
        "messages": [{"role": "user", "content": "Welcome, Ana."}],
    }
    status, served = call(
        url, key, "POST", f"/api/prompts/{name}/render", {"environment": "development", "variables": {"name": "Ana"}}
    )
    assert status == 200, served
    assert prompt.to_openai({"name": "Ana"}) == served["messages"]
    assert front.statuses() == [200]

    # A fresh cache hit makes no request, and what the app does to its copy stays there.
    prompt.contract["variables"].clear()
    again = galley.get_prompt(name, "development")
    assert again.contract == NAME_CONTRACT
    assert front.statuses() == [200]

    # A pinned version is another cache entry, with no environment.
    pinned = galley.get_prompt(name, version=1)
    assert (pinned.version, pinned.environment) == (1, None)
    assert front.statuses() == [200, 200]


def test_a_chat_prompt_fills_its_placeholder_from_values_and_appends_history(seed, unique, proxy, url, key):
    name = unique("support-chat")
    contract = {
        "variables": [
            {"name": "customer", "type": "string", "required": True},
            {"name": "earlier", "type": "messages", "required": True},
            {"name": "question", "type": "string", "required": True},
        ]
    }
    seed(
        name,
        {
            "messages": [
                {"role": "system", "content": "You help {{customer}}."},
                {"role": "placeholder", "name": "earlier"},
                {"role": "user", "content": "{{question}}"},
            ],
            "contract": contract,
            "modelConfig": {"model": "gpt-4o-mini", "stop": ["END"]},
        },
        deploy=["staging"],
    )
    earlier = [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello! How can I help?"}]
    values = {"customer": "Ana", "earlier": earlier, "question": "Where is my refund?"}
    prompt = Galley(proxy().url, key).get_prompt(name, "staging")
    assert prompt.type == "chat" and prompt.template is None

    rendered = [
        {"role": "system", "content": "You help Ana."},
        *earlier,
        {"role": "user", "content": "Where is my refund?"},
    ]
    assert prompt.to_openai(values) == rendered
    body = {"environment": "staging", "variables": values}
    status, served = call(url, key, "POST", f"/api/prompts/{name}/render", body)
    assert status == 200, served
    assert served["messages"] == rendered

    follow_up = [{"role": "assistant", "content": "Checking."}, {"role": "user", "content": "Thanks"}]
    assert prompt.to_openai(values, history=follow_up) == rendered + follow_up
    assert prompt.openai_params(values, follow_up) == {
        "model": "gpt-4o-mini",
        "stop": ["END"],
        "messages": rendered + follow_up,
    }
    assert prompt.render(values) == "\n\n".join(m["content"] for m in rendered)
    with pytest.raises(ValueError, match=r"history\[1\]"):
        prompt.to_openai(values, history=[{"role": "user", "content": "ok"}, "not a message"])


def test_a_stale_prompt_is_served_at_once_while_one_refresh_revalidates_it_with_its_etag(seed, unique, proxy, key):
    name = unique("swr")
    seed(name, text("Hi {{name}}."), deploy=["development"])
    front = proxy()
    galley = Galley(front.url, key, ttl=0, retries=0)  # every cached answer is stale at once
    assert galley.get_prompt(name, "development").version == 1
    assert front.statuses() == [200]

    # The refresh is held in the proxy: stale reads must not wait for it, nor start another.
    front.hold = threading.Event()
    stale = [galley.get_prompt(name, "development") for _ in range(5)]
    assert [p.version for p in stale] == [1] * 5
    wait_until(lambda: front.received == 2, what="the background refresh to reach the server")
    assert front.statuses() == [200]
    assert front.received == 2  # one refresh for five stale reads
    front.hold.set()
    wait_until(lambda: front.statuses() == [200, 304], what="the refresh's 304")
    etag = front.log[1][1]
    assert etag and etag.startswith('"')


def test_a_promotion_shows_up_after_the_ttl(seed, unique, proxy, key):
    name = unique("promoted")
    seed(name, text("Version one, {{name}}."), deploy=["development"])
    front = proxy()
    galley = Galley(front.url, key, ttl=1, retries=0)
    assert galley.get_prompt(name, "development").version == 1

    seed(name, text("Version two, {{name}}."), deploy=["development"])
    assert galley.get_prompt(name, "development").version == 1  # fresh: no request
    assert front.statuses() == [200]

    time.sleep(1.1)
    assert galley.get_prompt(name, "development").version == 1  # stale, served at once
    wait_until(lambda: galley.get_prompt(name, "development").version == 2, what="version 2")
    assert front.statuses()[:2] == [200, 200]
    assert galley.get_prompt(name, "development").render({"name": "Bo"}) == "Version two, Bo."


def test_with_galley_down_the_cache_is_served_and_the_fallback_only_when_nothing_is_cached(
    seed, unique, proxy, key, caplog
):
    name = unique("outage")
    seed(name, text("Welcome, {{name}}."), deploy=["development"])
    front = proxy()
    warm = Galley(front.url, key, ttl=0, retries=0)
    assert warm.get_prompt(name, "development").version == 1
    front.down()

    caplog.set_level(logging.WARNING, logger="galley")
    stale = warm.get_prompt(name, "development")
    assert (stale.version, stale.is_fallback) == (1, False)
    assert stale.render({"name": "Bo"}) == "Welcome, Bo."
    wait_until(lambda: "refresh" in caplog.text and "failed" in caplog.text, what="the failed refresh to be logged")
    assert warm.get_prompt(name, "development").version == 1  # still served, still no exception

    fallbacks = {name: {"template": "Hello, {{name}}.", "contract": NAME_CONTRACT}}
    cold = Galley(front.url, key, retries=1, fallback=fallbacks)
    fallback = cold.get_prompt(name, "development")
    assert (fallback.is_fallback, fallback.version, fallback.environment) == (True, None, "development")
    assert fallback.render({"name": "Cy"}) == "Hello, Cy."
    with pytest.raises(TemplateError):
        fallback.render({})  # the fallback's contract holds too

    # One given to get_prompt wins over Galley(fallback=), and a chat one is a chat prompt.
    chat = cold.get_prompt(name, "development", fallback={"messages": [{"role": "system", "content": "Be brief."}]})
    assert (chat.type, chat.to_openai()) == ("chat", [{"role": "system", "content": "Be brief."}])

    with pytest.raises(UnreachableError) as caught:
        Galley(front.url, key, retries=0).get_prompt(name, "development")
    assert (caught.value.status, caught.value.code) == (None, "unreachable")
    assert "could not be reached" in str(caught.value)

    # A fallback is never cached: once Galley is back, the real prompt comes.
    front.up()
    back = cold.get_prompt(name, "development")
    assert (back.is_fallback, back.version) == (False, 1)


def test_refusals_raise_even_with_a_fallback(seed, unique, url, key, server):
    name = unique("refused")
    seed(name, text("Hi {{name}}."), deploy=["development"])
    fallback = {"template": "Hi."}

    with pytest.raises(AuthenticationError) as bad_key:
        Galley(url, "gk_wrong-key-0000000000000000").get_prompt(name, "development", fallback=fallback)
    assert bad_key.value.status == 401
    assert "HTTP 401" in str(bad_key.value) and bad_key.value.code in str(bad_key.value)

    with pytest.raises(PermissionDeniedError) as no_scope:
        Galley(url, server["GALLEY_WRITE_ONLY_KEY"]).get_prompt(name, "development", fallback=fallback)
    assert no_scope.value.status == 403

    galley = Galley(url, key)
    with pytest.raises(NotFoundError) as missing:
        galley.get_prompt(unique("nope"), "development", fallback=fallback)
    assert (missing.value.status, missing.value.code) == (404, "not_found")
    with pytest.raises(NotFoundError):
        galley.get_prompt(name, "production", fallback=fallback)  # never deployed there
    with pytest.raises(NotFoundError):
        galley.get_prompt(name, version=9, fallback=fallback)


def test_503_and_429_are_retried_honouring_retry_after(seed, unique, proxy, key):
    name = unique("retried")
    seed(name, text("Hi {{name}}."), deploy=["development"])
    front = proxy()
    unavailable = (503, {"retry-after": "1"}, {"error": {"code": "unavailable", "message": "Try again."}})
    limited = (429, {"retry-after": "1"}, {"error": {"code": "rate_limited", "message": "Too many requests."}})

    front.script = [unavailable, limited]
    started = time.monotonic()
    assert Galley(front.url, key, retries=2).get_prompt(name, "development").version == 1
    assert time.monotonic() - started >= 1.9  # waited the two Retry-Afters
    assert front.statuses() == [503, 429, 200]

    front.script = [unavailable, limited]
    with pytest.raises(UnreachableError) as exhausted:
        Galley(front.url, key, retries=1).get_prompt(name, "development")
    assert (exhausted.value.status, exhausted.value.code, exhausted.value.retry_after) == (429, "rate_limited", 1.0)
    assert front.statuses()[3:] == [503, 429]

    # A Retry-After longer than a retry may wait ends the retries at once; a fallback then applies.
    front.script = [(503, {"retry-after": "30"}, {"error": {"code": "unavailable", "message": "Down."}})]
    prompt = Galley(front.url, key, retries=2).get_prompt(name, "development", fallback={"template": "Hi."})
    assert prompt.is_fallback
    assert front.statuses()[5:] == [503]

    # Other refusals are not retried.
    front.script = [(400, {}, {"error": {"code": "bad_request", "message": "No."}})]
    with pytest.raises(GalleyError) as refused:
        Galley(front.url, key, retries=2).get_prompt(name, "development", fallback={"template": "Hi."})
    assert type(refused.value) is GalleyError and refused.value.code == "bad_request"
    assert front.statuses()[6:] == [400]

    # A 200 that is not a served prompt (a captive portal, another service) counts as unreachable.
    front.script = [(200, {}, {"hello": "sign in to the Wi-Fi"})]
    with pytest.raises(UnreachableError) as odd:
        Galley(front.url, key, retries=0).get_prompt(name, "development")
    assert (odd.value.status, odd.value.code) == (200, "invalid_response")


def test_redirects_are_followed_on_the_same_origin_only(seed, unique, proxy, key):
    # Galley answers 308 for a renamed prompt; the API key must never follow one elsewhere.
    name, old = unique("renamed"), unique("old-name")
    seed(name, text("Hi {{name}}."), deploy=["development"])
    front = proxy()
    moved = {"error": {"code": "moved", "message": f"{old} was renamed to {name}."}}
    front.script = [(308, {"location": f"/api/prompts/{name}?environment=development"}, moved)]
    prompt = Galley(front.url, key).get_prompt(old, "development")
    assert (prompt.name, prompt.version) == (name, 1)
    assert front.statuses() == [308, 200]

    front.script = [(308, {"location": f"http://127.0.0.2:{front.port}/api/prompts/{name}"}, moved)]
    with pytest.raises(GalleyError) as refused:
        Galley(front.url, key).get_prompt(old, "development", fallback={"template": "Hi."})
    assert (refused.value.status, refused.value.code) == (308, "redirect_refused")
    assert front.statuses() == [308, 200, 308]


def test_a_slow_answer_times_out_as_unreachable(seed, unique, proxy, key):
    name = unique("slow")
    seed(name, text("Hi {{name}}."), deploy=["development"])
    front = proxy()
    front.hold = threading.Event()
    with pytest.raises(UnreachableError) as caught:
        Galley(front.url, key, timeout=0.3, retries=0).get_prompt(name, "development")
    assert (caught.value.status, caught.value.code) == (None, "timeout")


def test_concurrent_first_fetches_of_a_prompt_make_one_request(seed, unique, proxy, key):
    name = unique("concurrent")
    seed(name, text("Hi {{name}}."), deploy=["development"])
    front = proxy()
    front.hold = threading.Event()
    galley = Galley(front.url, key)
    results: list = []
    errors: list = []

    def read(prompt_name: str) -> None:
        try:
            results.append(galley.get_prompt(prompt_name, "development"))
        except GalleyError as error:
            errors.append(error)

    def race(prompt_name: str) -> None:
        threads = [threading.Thread(target=read, args=(prompt_name,)) for _ in range(12)]
        for t in threads:
            t.start()
        wait_until(lambda: front.received >= 1, what="the first request")
        time.sleep(0.5)  # time for eleven more requests, were they sent
        assert front.received == 1
        front.hold.set()
        for t in threads:
            t.join(30)

    race(name)
    assert [p.version for p in results] == [1] * 12
    assert front.statuses() == [200]

    # A refusal reaches every waiter, each with an exception of its own.
    front.received, front.hold = 0, threading.Event()
    race(unique("missing"))
    assert len(errors) == 12 and all(isinstance(e, NotFoundError) for e in errors)
    assert len({id(e) for e in errors}) == 12
    assert front.statuses() == [200, 404]


def test_the_cache_is_bounded_and_drops_the_earliest_prompt_first(seed, unique, proxy, key, monkeypatch):
    monkeypatch.setattr(galley_client, "MAX_CACHED", 2)
    name = unique("bounded")
    seed(name, text("Hi {{name}}."), deploy=["development", "staging"])
    front = proxy()
    galley = Galley(front.url, key)
    for environment in ("development", "staging", "development"):
        galley.get_prompt(name, environment)
    assert front.statuses() == [200, 200]
    galley.get_prompt(name, version=1)  # a third prompt: development's entry goes
    galley.get_prompt(name, "staging")
    assert front.statuses() == [200, 200, 200]
    galley.get_prompt(name, "development")
    assert front.statuses() == [200, 200, 200, 200]


def test_async_galley_shares_the_cache_and_the_single_fetch(seed, unique, proxy, key):
    name = unique("async")
    seed(name, text("Hi {{name}}."), deploy=["development"])
    front = proxy()

    async def main():
        galley = AsyncGalley(front.url, key, ttl=60)
        first, second = await asyncio.gather(
            galley.get_prompt(name, "development"), galley.get_prompt(name, "development")
        )
        third = await galley.get_prompt(name, "development")
        return [first, second, third]

    prompts = asyncio.run(main())
    assert [p.render({"name": "Ana"}) for p in prompts] == ["Hi Ana."] * 3
    assert front.statuses() == [200]


def test_render_errors_name_their_code_and_variable(seed, unique, key, url):
    name = unique("contract")
    contract = {
        "variables": [
            {"name": "name", "type": "string", "required": True},
            {"name": "count", "type": "number", "required": True},
            {"name": "tone", "type": "enum", "required": True, "values": ["friendly", "formal"]},
            {"name": "sign_off", "type": "string", "required": False, "default": "Cheers"},
        ]
    }
    seed(
        name,
        {"template": "{{name}}: {{count}} items, {{tone}}. {{sign_off}}", "contract": contract},
        deploy=["development"],
    )
    prompt = Galley(url, key).get_prompt(name, "development")
    assert prompt.render({"name": "Ana", "count": 2, "tone": "formal"}) == "Ana: 2 items, formal. Cheers"

    def codes(values, **options):
        with pytest.raises(TemplateError) as caught:
            prompt.render(values, **options)
        assert not isinstance(caught.value, GalleyError)
        return sorted((issue.code, issue.variable) for issue in caught.value.issues)

    assert codes({}) == [("missing_variable", "count"), ("missing_variable", "name"), ("missing_variable", "tone")]
    assert codes({"name": "Ana", "count": "many", "tone": "rude"}) == [("not_in_enum", "tone"), ("wrong_type", "count")]
    extra = {"name": "Ana", "count": 1, "tone": "formal", "extra": 1}
    assert codes(extra, strict=True) == [("unknown_variable", "extra")]
    # The server refuses the same values for the same variables.
    bad = {"count": "many", "tone": "rude"}
    body = {"environment": "development", "variables": bad}
    status, answer = call(url, key, "POST", f"/api/prompts/{name}/render", body)
    assert status == 422, answer
    refused = sorted(issue["path"].split(".", 1)[1] for issue in answer["error"]["details"]["issues"])
    assert refused == sorted(variable for _, variable in codes(bad)) == ["count", "name", "tone"]

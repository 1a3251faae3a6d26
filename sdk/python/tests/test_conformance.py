"""Every case of sdk/conformance through the Python renderer (galley.template), as
lib/templates/conformance.test.ts runs them through the TypeScript one. No server needed:

    python3 -m pytest sdk/python/tests/test_conformance.py
"""

from __future__ import annotations

import http.server
import json
import math
import re
import sys
import threading
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Tuple

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "conformance"))

from run_python import load_cases, outcome  # noqa: E402

from galley import Galley  # noqa: E402
from galley.template import TemplateError, render_prompt  # noqa: E402

CASES = load_cases()


def test_suite_has_at_least_150_uniquely_named_cases() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) >= 150
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("case", CASES, ids=["%s/%s" % (c["file"], c["name"]) for c in CASES])
def test_conformance(case: Dict[str, Any]) -> None:
    assert outcome(case) == case["expect"]


# What JSON fixtures cannot hold: Python values with no JSON form, rendered as the server would
# render the nearest JavaScript value.


def text_of(template: str, values: Dict[str, Any], variables: Optional[List[Dict[str, Any]]] = None) -> Optional[str]:
    content = {"template": template, "messages": None, "contract": {"variables": variables or []}}
    return render_prompt(content, values).text


def codes(template: str, values: Dict[str, Any], variables: List[Dict[str, Any]]) -> List[str]:
    with pytest.raises(TemplateError) as raised:
        text_of(template, values, variables)
    return [issue.code for issue in raised.value.issues]


def test_non_finite_numbers_render_as_javascript_does() -> None:
    assert text_of("{{a}} {{b}} {{c}}", {"a": math.nan, "b": math.inf, "c": -math.inf}) == "NaN Infinity -Infinity"
    assert text_of("{{o}}", {"o": {"x": math.nan, "y": [math.inf]}}) == '{"x":null,"y":[null]}'
    assert text_of("{{n}}", {"n": 10**400}) == "Infinity"


def test_non_finite_numbers_are_not_numbers_for_the_contract() -> None:
    number = [{"name": "n", "type": "number", "required": True}]
    assert codes("{{n}}", {"n": math.nan}, number) == ["wrong_type"]
    assert codes("{{n}}", {"n": math.inf}, number) == ["wrong_type"]
    assert codes("{{n}}", {"n": 10**400}, number) == ["wrong_type"]


def test_bool_is_not_a_number_and_tuples_are_lists() -> None:
    assert codes("{{n}}", {"n": True}, [{"name": "n", "type": "number", "required": True}]) == ["wrong_type"]
    assert text_of("{{#l}}<{{.}}>{{/l}}|{{l}}", {"l": ("a", 1)}) == '<a><1>|["a",1]'


def test_issues_carry_position_and_message() -> None:
    with pytest.raises(TemplateError) as raised:
        text_of("ok\n  {{bad name}}", {})
    (issue,) = raised.value.issues
    assert (issue.code, issue.line, issue.column) == ("syntax_error", 2, 3)
    assert issue.message.startswith("Line 2, column 3: ")
    assert str(raised.value) == issue.message



def test_keys_that_are_not_text_are_written_as_json_keys() -> None:
    assert text_of("{{o}}", {"o": {2: "b", "a": 1, 1: "c", None: 0}}) == '{"1":"c","2":"b","a":1,"null":0}'


# sdk/conformance/client/splits.json: the unit id, caching per arm, release and feedback (its id the
# same on every retry), through the Python client against a fake Galley, as
# sdk/conformance/client-splits.test.ts runs it through the TypeScript SDK.

SPLITS = json.loads(
    (Path(__file__).resolve().parents[2] / "conformance" / "client" / "splits.json").read_text(encoding="utf-8")
)


GENERATED = "<generated>"
FEEDBACK_ID = re.compile(r"\A[A-Za-z0-9._:-]{1,100}\Z")


def with_generated_ids(
    sent: List[Dict[str, Any]], expected: List[Dict[str, Any]]
) -> Tuple[List[Dict[str, Any]], Set[str]]:
    """The requests with each id the client generated replaced by "<generated>", and those ids."""
    ids: Set[str] = set()
    requests = []
    for i, request in enumerate(sent):
        body = request.get("body")
        wanted = expected[i].get("body") if i < len(expected) else None
        chosen = isinstance(wanted, dict) and wanted.get("id") == GENERATED
        if chosen and isinstance(body, dict) and isinstance(body.get("id"), str):
            assert FEEDBACK_ID.match(body["id"]), body["id"]
            ids.add(body["id"])
            request = {**request, "body": {**body, "id": GENERATED}}
        requests.append(request)
    return requests, ids


def test_client_conformance_splits() -> None:
    sent: List[Dict[str, Any]] = []
    post_answers: List[Any] = []

    class FakeGalley(http.server.BaseHTTPRequestHandler):
        def _record(self) -> Optional[str]:
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length).decode("utf-8") if length else ""
            unit = self.headers.get("galley-unit")
            entry: Dict[str, Any] = {"method": self.command, "path": self.path.split("?")[0], "unit": unit}
            if raw:
                entry["body"] = json.loads(raw)
            sent.append(entry)
            return unit

        def do_GET(self) -> None:  # noqa: N802
            answer = SPLITS["answers"][self._record() or ""]
            body = json.dumps(answer).encode("utf-8")
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("etag", '"v%d"' % answer["version"])
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802
            self._record()
            answer = post_answers.pop(0) if post_answers else 202
            if answer == "drop":  # the request arrived; its answer is lost
                self.close_connection = True
                return
            self.send_response(answer)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeGalley)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = "http://127.0.0.1:%d" % server.server_address[1]
        clients = {name: Galley(base, "gk_test", ttl=3600, **options) for name, options in SPLITS["clients"].items()}
        generated: Set[str] = set()
        for step in SPLITS["steps"]:
            del sent[:]
            post_answers[:] = step.get("postAnswers", [])
            galley = clients[step["client"]]
            if "get" in step:
                args = dict(step["get"])
                call = lambda: galley.get_prompt(args.pop("name"), **args)  # noqa: E731
            else:
                args = {("trace_id" if k == "traceId" else k): v for k, v in step["feedback"].items()}
                call = lambda: galley.feedback(args.pop("name"), **args)  # noqa: E731
            if "error" in step:
                with pytest.raises(ValueError, match=step["error"]):
                    call()
            else:
                result = call()
                if "expect" in step:
                    assert {"version": result.version, "release": result.release} == step["expect"], step["description"]
            requests, ids = with_generated_ids(sent, step["requests"])
            assert requests == step["requests"], step["description"]
            if ids:
                assert len(ids) == 1, f"{step['description']}: one id on every attempt"
                assert not ids & generated, f"{step['description']}: a new id per call"
                generated |= ids
    finally:
        server.shutdown()
        server.server_close()

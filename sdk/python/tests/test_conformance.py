"""Every case of sdk/conformance through the Python renderer (galley.template), as
lib/templates/conformance.test.ts runs them through the TypeScript one. No server needed:

    python3 -m pytest sdk/python/tests/test_conformance.py
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from galley.template import TemplateError, TemplateIssue, render_prompt  # noqa: E402

CASES_DIR = Path(__file__).resolve().parents[2] / "conformance" / "cases"


def load_cases() -> List[Tuple[str, Dict[str, Any]]]:
    found = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            found.append((path.stem, case))
    return found


CASES = load_cases()


def resolver(case: Mapping[str, Any]):
    references = case.get("references")
    if references is None:
        return None

    def resolve(prompt: str, version: Optional[int]):
        return references.get(prompt if version is None else "%s@%d" % (prompt, version))

    return resolve


def project(issue: TemplateIssue, expected: Optional[Mapping[str, Any]]) -> Dict[str, Any]:
    """An issue as the suite compares it: code and names always; line and column where expected."""
    out: Dict[str, Any] = {"code": issue.code}
    if issue.variable is not None:
        out["variable"] = issue.variable
    if issue.prompt is not None:
        out["prompt"] = issue.prompt
    for key in ("line", "column"):
        if expected is not None and key in expected:
            out[key] = getattr(issue, key)
    return out


def outcome(case: Mapping[str, Any]) -> Dict[str, Any]:
    content = case["content"]
    limits = case.get("limits", {})
    try:
        result = render_prompt(
            {
                "template": content.get("template"),
                "messages": content.get("messages"),
                "contract": content.get("contract", {"variables": []}),
            },
            case["values"],
            strict=case.get("strict", False),
            resolve_reference=resolver(case),
            prompt_name=case.get("promptName"),
            **({"max_bytes": limits["maxBytes"]} if "maxBytes" in limits else {}),
            **({"max_steps": limits["maxSteps"]} if "maxSteps" in limits else {}),
        )
    except TemplateError as error:
        expected = case["expect"].get("errors", [])
        return {
            "errors": [
                project(issue, expected[i] if i < len(expected) else None) for i, issue in enumerate(error.issues)
            ]
        }
    if "messages" in content:
        return {"messages": result.messages} if result.text is None else {"text": result.text, "messages": result.messages}
    if result.messages == [{"role": "user", "content": result.text}]:
        return {"text": result.text}
    return {"text": result.text, "messages": result.messages}


def test_suite_has_at_least_150_uniquely_named_cases() -> None:
    names = [case["name"] for _, case in CASES]
    assert len(names) >= 150
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=["%s/%s" % (f, c["name"]) for f, c in CASES])
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

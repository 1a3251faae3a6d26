"""Conformance cases through the Python renderer (sdk/python/galley/template.py).

Imported by sdk/python/tests/test_conformance.py; run as a script by sdk/differential.test.ts:

    python3 sdk/conformance/run_python.py [--positions] < cases.json > outcomes.json

reads a JSON list of cases (schema.json's case) and writes the outcome of each, shaped like its
`expect`. With --positions every syntax error carries its line and column.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))

from galley.template import TemplateError, TemplateIssue, render_prompt  # noqa: E402

CASES_DIR = Path(__file__).resolve().parent / "cases"


def resolver(case: Mapping[str, Any]) -> Optional[Callable[[str, Optional[int]], Any]]:
    """The case's references: "name@3" for a pinned version, "name" otherwise."""
    given = case.get("references")
    if given is None:
        return None
    references: Mapping[str, Any] = given

    def resolve(prompt: str, version: Optional[int]) -> Any:
        return references.get(prompt if version is None else "%s@%d" % (prompt, version))

    return resolve


def project(issue: TemplateIssue, expected: Optional[Mapping[str, Any]], positions: bool) -> Dict[str, Any]:
    """An issue as the suite compares it: code and names always; line and column where expected."""
    out: Dict[str, Any] = {"code": issue.code}
    if issue.variable is not None:
        out["variable"] = issue.variable
    if issue.prompt is not None:
        out["prompt"] = issue.prompt
    for key in ("line", "column"):
        value = getattr(issue, key)
        if (positions and value is not None) or (expected is not None and key in expected):
            out[key] = value
    return out


def outcome(case: Mapping[str, Any], positions: bool = False) -> Dict[str, Any]:
    content = case["content"]
    limits = case.get("limits") or {}
    try:
        result = render_prompt(
            {
                "template": content.get("template"),
                "messages": content.get("messages"),
                "contract": content.get("contract", {"variables": []}),
            },
            case["values"],
            strict=bool(case.get("strict", False)),
            resolve_reference=resolver(case),
            prompt_name=case.get("promptName"),
            **({"max_bytes": limits["maxBytes"]} if "maxBytes" in limits else {}),
            **({"max_steps": limits["maxSteps"]} if "maxSteps" in limits else {}),
        )
    except TemplateError as error:
        expected: List[Mapping[str, Any]] = (case.get("expect") or {}).get("errors", [])
        return {
            "errors": [
                project(issue, expected[i] if i < len(expected) else None, positions)
                for i, issue in enumerate(error.issues)
            ]
        }
    if "messages" in content:
        if result.text is None:
            return {"messages": result.messages}
        return {"text": result.text, "messages": result.messages}
    if result.messages == [{"role": "user", "content": result.text}]:
        return {"text": result.text}
    return {"text": result.text, "messages": result.messages}


def load_cases() -> List[Dict[str, Any]]:
    """Every case, each with the topic (file) it came from under "file"."""
    found = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            found.append(dict(case, file=path.stem))
    return found


if __name__ == "__main__":
    positions = "--positions" in sys.argv[1:]
    cases = json.load(sys.stdin)
    json.dump([outcome(case, positions) for case in cases], sys.stdout)

"""Galley's template language in Python: the same results as the server, byte for byte.

A port of lib/templates (parse-template, contract, render-template, measure-references,
work-budget, render-prompt), standard library only. sdk/conformance holds the cases every
renderer must pass; sdk/python/tests/test_conformance.py runs them against this module.

Mustache semantics without HTML escaping::

    {{name}} {{ user.name }} {{{name}}}   variable (dotted paths walk objects)
    {{#name}}...{{/name}}                 section: skipped when missing, null, false, "" or [];
                                          repeated per list item
    {{^name}}...{{/name}}                 inverted section: rendered when empty
    {{! comment }}                        dropped
    {{> support/greeting}}                another prompt, resolved by resolve_reference
    {{> support/greeting@3}}              ... pinned to version 3
    {{.}}                                 the current item inside a section
    \\{{                                   a literal "{{"

Values render as JavaScript would: numbers as String(n) (1.0 -> "1", 1e21 -> "1e+21"), objects
and lists as compact JSON in JSON.stringify's key order, booleans as true/false, null as "".
Sizes count UTF-8 bytes and columns count UTF-16 code units, as the server does.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Mapping as AbcMapping
from decimal import Decimal
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_STEPS",
    "MAX_REFERENCE_DEPTH",
    "MAX_SECTION_DEPTH",
    "RenderResult",
    "TemplateError",
    "TemplateIssue",
    "render_prompt",
]

#: The largest text one prompt may grow to (UTF-8 bytes), as on the server.
DEFAULT_MAX_BYTES = 1024 * 1024
#: Nodes visited, list items iterated and references followed, together.
DEFAULT_MAX_STEPS = 100_000
#: References nest at most this deep (the rendered prompt counts as a level when named).
MAX_REFERENCE_DEPTH = 10
#: Sections nest at most this deep.
MAX_SECTION_DEPTH = 64

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_PROMPT_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*")
# JavaScript's \s and String.prototype.trim: WhiteSpace and LineTerminator, no more, no less.
_JS_SPACE = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_REFERENCE = re.compile("([^@" + _JS_SPACE + "]+)(?:@([0-9]+))?")


@dataclass(frozen=True)
class TemplateIssue:
    """One problem, with a machine-readable code (the same codes as the server's issues).

    code: syntax_error, missing_variable, wrong_type, not_in_enum, unknown_variable,
    unknown_reference, reference_cycle, reference_too_deep, output_too_large, too_much_work.
    line/column (1-based; columns in UTF-16 code units) are set for syntax errors in the
    rendered template itself, and for reference problems (where the tag is, in the template
    that holds it).
    """

    code: str
    message: str
    variable: Optional[str] = None
    prompt: Optional[str] = None
    line: Optional[int] = None
    column: Optional[int] = None


class TemplateError(Exception):
    """The only error rendering raises: every problem found, each naming its variable or reference."""

    def __init__(self, issues: Sequence[TemplateIssue]) -> None:
        self.issues: List[TemplateIssue] = list(issues)
        super().__init__("; ".join(i.message for i in self.issues))


@dataclass
class RenderResult:
    """A text prompt's text (and the same as one user message), or a chat prompt's messages (text None)."""

    text: Optional[str]
    messages: List[Dict[str, Any]] = field(default_factory=list)


# A referenced prompt as the resolver returns it: {"template": str, "contract": {...}} or None.
ReferenceResolver = Callable[[str, Optional[int]], Optional[Mapping[str, Any]]]

# ------------------------------------------------------------------------------------------------
# JavaScript's view of values


def _utf16_length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _utf8_length(text: str) -> int:
    """UTF-8 bytes as the server counts them: a lone surrogate counts 2 (one UTF-16 unit + 1)."""
    if text.isascii():
        return len(text)
    try:
        return len(text.encode("utf-8"))
    except UnicodeEncodeError:  # lone surrogates: counted one by one below
        pass
    total = 0
    for ch in text:
        c = ord(ch)
        if c < 0x80:
            total += 1
        elif c < 0x800 or 0xD800 <= c <= 0xDFFF:
            total += 2
        elif c <= 0xFFFF:
            total += 3
        else:
            total += 4
    return total


def _js_trim(text: str) -> str:
    return text.strip(_JS_SPACE)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _js_number(value: Union[int, float]) -> str:
    """JavaScript's Number.prototype.toString for a double (ints become the nearest double)."""
    if isinstance(value, int) and abs(value) < 2**53:
        return str(value)
    try:
        x = float(value)
    except OverflowError:
        return "Infinity" if value > 0 else "-Infinity"
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    # repr gives the shortest digits that round-trip, as JavaScript does; only the layout differs
    # (ECMA-262 Number::toString: the value is digits × 10^(n − k) with k digits).
    _, digit_tuple, exponent = Decimal(repr(abs(x))).as_tuple()
    digits = "".join(map(str, digit_tuple)).rstrip("0")
    k = len(digits)
    n = int(exponent) + len(digit_tuple)
    sign = "-" if x < 0 else ""
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    e = n - 1
    return sign + digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))


def _is_finite_number(value: Any) -> bool:
    if not _is_number(value):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an int beyond the largest double is Infinity in JavaScript
        return False


def _array_index(key: Any) -> Optional[int]:
    """The integer a key stands for when JavaScript orders it as an array index, else None."""
    if not isinstance(key, str):
        return None
    if key == "0" or (key[:1] in "123456789" and key.isdigit() and key.isascii()):
        n = int(key)
        if n < 2**32 - 1:
            return n
    return None


def _js_keys(obj: Mapping[str, Any]) -> List[str]:
    """Object.keys order: integer-like keys ascending, then the others in insertion order."""
    keys = list(obj.keys())
    indexed = sorted((n, k) for k in keys for n in [_array_index(k)] if n is not None)
    return [k for _, k in indexed] + [k for k in keys if _array_index(k) is None]


_JSON_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _json_string(text: str) -> str:
    out = ['"']
    for ch in text:
        c = ord(ch)
        if ch in _JSON_ESCAPES:
            out.append(_JSON_ESCAPES[ch])
        elif c < 0x20 or 0xD800 <= c <= 0xDFFF:
            out.append("\\u%04x" % c)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _json_stringify(value: Any) -> str:
    """JSON.stringify without spaces (non-finite numbers become null, as there)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if _is_number(value):
        if isinstance(value, float) and not math.isfinite(value):
            return "null"
        return _js_number(value)
    if isinstance(value, str):
        return _json_string(value)
    if _is_object(value):
        # Keys as JSON has them: text (Python's json.dumps turns 1, True and None into "1", "true", "null").
        fields = {k if isinstance(k, str) else _json_stringify(k).strip('"'): v for k, v in value.items()}
        return "{" + ",".join(_json_string(k) + ":" + _json_stringify(fields[k]) for k in _js_keys(fields)) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_json_stringify(v) for v in value) + "]"
    # Anything else (dates, decimals, …) as Python's json would write it, or its text.
    try:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    except TypeError:
        return _json_string(str(value))


def _stringify(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if _is_number(value):
        return _js_number(value)
    return _json_stringify(value)


def _is_empty(value: Any) -> bool:
    # 0 and {} are values; only these are empty.
    return value is None or value is False or (isinstance(value, str) and value == "") or (
        isinstance(value, (list, tuple)) and len(value) == 0
    )


def _is_object(value: Any) -> bool:
    return type(value) is dict or isinstance(value, AbcMapping)


# ------------------------------------------------------------------------------------------------
# Parsing

@dataclass
class _Position:
    offset: int
    line: int
    column: int  # UTF-16 code units


@dataclass
class _Node:
    kind: str  # text | variable | section | comment | reference
    start: _Position
    end: _Position
    value: str = ""  # text, variable path, section name, referenced prompt
    inverted: bool = False
    version: Optional[int] = None
    children: List["_Node"] = field(default_factory=list)


@dataclass
class _Problem:
    message: str
    start: _Position


@dataclass
class _Parsed:
    nodes: List[_Node]
    problems: List[_Problem]


def _positions(source: str) -> Callable[[int], _Position]:
    line_starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
    # UTF-16 offsets, for columns as editors (and the server) count them.
    wide = [i for i, ch in enumerate(source) if ord(ch) > 0xFFFF]

    def wide_before(offset: int) -> int:
        lo, hi = 0, len(wide)
        while lo < hi:
            mid = (lo + hi) // 2
            if wide[mid] < offset:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def at(offset: int) -> _Position:
        lo, hi = 0, len(line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        start = line_starts[lo]
        column = offset - start + wide_before(offset) - wide_before(start) + 1
        return _Position(offset, lo + 1, column)

    return at


# Parsed trees are never changed once built, so a prompt rendered again is not parsed again.
_PARSE_CACHE_ENTRIES = 256
_PARSE_CACHE_MAX_CHARS = 64 * 1024


@functools.lru_cache(maxsize=_PARSE_CACHE_ENTRIES)
def _parse_cached(source: str) -> _Parsed:
    return _parse_uncached(source)


def _parse(source: str) -> _Parsed:
    """Parse a template (cached for templates up to 64K characters, so the cache stays under 16M)."""
    return _parse_cached(source) if len(source) <= _PARSE_CACHE_MAX_CHARS else _parse_uncached(source)


def _parse_uncached(source: str) -> _Parsed:
    at = _positions(source)
    problems: List[_Problem] = []
    root = _Node("section", at(0), at(0))
    stack: List[_Node] = [root]
    text = ""
    text_start = 0

    def flush(end: int) -> None:
        nonlocal text
        if text:
            stack[-1].children.append(_Node("text", at(text_start), at(end), value=text))
        text = ""

    def problem(message: str, offset: int) -> None:
        problems.append(_Problem(message, at(offset)))

    i = 0
    n = len(source)
    too_deep = False
    while i < n:
        open_at = source.find("{{", i)
        if open_at == -1:
            if not text:
                text_start = i
            text += source[i:]
            break
        if open_at > 0 and source[open_at - 1] == "\\":
            if not text:
                text_start = i
            text += source[i : open_at - 1] + "{{"
            i = open_at + 2
            continue
        if not text:
            text_start = i
        text += source[i:open_at]
        triple = source.startswith("{{{", open_at)
        close_token = "}}}" if triple else "}}"
        close = source.find(close_token, open_at + (3 if triple else 2))
        if close == -1:
            flush(open_at)
            problem(
                'Unclosed tag: "%s…" has no closing "%s". Write \\{{ for a literal "{{".'
                % (source[open_at : open_at + 20], close_token),
                open_at,
            )
            text = source[open_at:]
            text_start = open_at
            break
        flush(open_at)
        end = close + len(close_token)
        inner = _js_trim(source[open_at + (3 if triple else 2) : close])
        i = end
        if triple:
            if _NAME.fullmatch(inner) or inner == ".":
                stack[-1].children.append(_Node("variable", at(open_at), at(end), value=inner))
            else:
                problem('"%s" is not a variable name (letters, digits and _; dots for fields).' % inner, open_at)
            continue
        sigil = inner[:1]
        rest = _js_trim(inner[1:])
        if not inner:
            problem("Empty tag {{}}: write a variable name inside, or \\{{ for literal braces.", open_at)
        elif sigil == "!":
            stack[-1].children.append(_Node("comment", at(open_at), at(end)))
        elif sigil in ("#", "^"):
            if not _NAME.fullmatch(rest):
                problem('"%s" is not a valid section name.' % rest, open_at)
                continue
            if len(stack) > MAX_SECTION_DEPTH:
                problem("Sections are nested more than %d levels deep." % MAX_SECTION_DEPTH, open_at)
                too_deep = True
                break
            node = _Node("section", at(open_at), at(end), value=rest, inverted=sigil == "^")
            stack[-1].children.append(node)
            stack.append(node)
        elif sigil == "/":
            frame = stack[-1]
            if frame is root:
                problem("{{/%s}} closes a section that was never opened." % rest, open_at)
            elif frame.value != rest:
                problem(
                    "{{/%s}} does not match the open section {{%s%s}}."
                    % (rest, "^" if frame.inverted else "#", frame.value),
                    open_at,
                )
            else:
                frame.end = at(end)
                stack.pop()
        elif sigil == ">":
            match = _REFERENCE.fullmatch(rest)
            if not match or not _PROMPT_NAME.fullmatch(match.group(1)):
                problem(
                    '"%s" is not a prompt reference: write {{> folder/prompt}} or {{> folder/prompt@3}}.' % rest,
                    open_at,
                )
            else:
                version = int(match.group(2)) if match.group(2) else None
                stack[-1].children.append(_Node("reference", at(open_at), at(end), value=match.group(1), version=version))
        elif inner == "." or _NAME.fullmatch(inner):
            stack[-1].children.append(_Node("variable", at(open_at), at(end), value=inner))
        else:
            problem(
                '"%s" is not a variable name (letters, digits and _; dots for fields). Write \\{{ for literal braces.'
                % inner,
                open_at,
            )
    if too_deep:
        return _Parsed(root.children, problems)
    flush(n)
    for frame in reversed(stack[1:]):
        problems.append(
            _Problem(
                "Section {{%s%s}} is never closed: add {{/%s}}." % ("^" if frame.inverted else "#", frame.value, frame.value),
                frame.start,
            )
        )
    problems.sort(key=lambda p: p.start.offset)
    return _Parsed(root.children, problems)


def _syntax_issues(parsed: _Parsed) -> List[TemplateIssue]:
    return [
        TemplateIssue(
            "syntax_error",
            "Line %d, column %d: %s" % (p.start.line, p.start.column, p.message),
            line=p.start.line,
            column=p.start.column,
        )
        for p in parsed.problems
    ]


def _references_in(nodes: List[_Node]) -> List[_Node]:
    found: List[_Node] = []

    def walk(items: List[_Node]) -> None:
        for node in items:
            if node.kind == "reference":
                found.append(node)
            elif node.kind == "section":
                walk(node.children)

    walk(nodes)
    return found


def _label(node: _Node) -> str:
    return node.value if node.version is None else "%s@%d" % (node.value, node.version)


# ------------------------------------------------------------------------------------------------
# The contract


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, str):
        shown = value[:40] + "…" if len(value) > 40 else value
        return "the text " + _json_string(shown)
    if _is_object(value):
        return "an object"
    if isinstance(value, bool):
        return "boolean " + ("true" if value else "false")
    if _is_number(value):
        return "number " + _js_number(value)
    return type(value).__name__


def _type_problem(spec: Mapping[str, Any], value: Any) -> Optional[str]:
    kind = spec.get("type")
    if kind == "string":
        return None if isinstance(value, str) else "must be a string, got " + _describe(value)
    if kind == "number":
        return None if _is_finite_number(value) else "must be a number, got " + _describe(value)
    if kind == "boolean":
        return None if isinstance(value, bool) else "must be true or false, got " + _describe(value)
    if kind == "enum":
        allowed = list(spec.get("values") or [])
        if isinstance(value, str) and value in allowed:
            return None
        return "must be one of %s, got %s" % (", ".join(_json_string(v) for v in allowed), _describe(value))
    if kind == "messages":
        ok = isinstance(value, (list, tuple)) and all(
            _is_object(m) and isinstance(m.get("role"), str) for m in value
        )
        return None if ok else 'must be a list of messages like [{ "role": "user", "content": "…" }], got ' + _describe(value)
    return None  # json: any value


def _check_values(
    variables: List[Mapping[str, Any]], values: Mapping[str, Any], strict: bool
) -> Tuple[Dict[str, Any], List[TemplateIssue]]:
    problems: List[TemplateIssue] = []
    filled: Dict[str, Any] = dict(values)
    known = set()
    for spec in variables:
        name = spec["name"]
        known.add(name)
        given = filled.get(name)
        if given is None:
            if "default" in spec:
                filled[name] = spec["default"]
            elif spec.get("required"):
                description = spec.get("description")
                problems.append(
                    TemplateIssue(
                        "missing_variable",
                        "%s is required%s" % (name, " (%s)" % description if description else ""),
                        variable=name,
                    )
                )
            continue
        problem = _type_problem(spec, given)
        if problem:
            code = "not_in_enum" if spec.get("type") == "enum" else "wrong_type"
            problems.append(TemplateIssue(code, "%s %s" % (name, problem), variable=name))
    if strict:
        for name in _js_keys(values):
            if name not in known:
                problems.append(
                    TemplateIssue("unknown_variable", "%s is not a variable of this prompt" % name, variable=name)
                )
    return filled, problems


def _contract_with_references(
    variables: List[Mapping[str, Any]], templates: List[_Parsed], resolve: Optional[ReferenceResolver]
) -> List[Mapping[str, Any]]:
    """Own variables, then those of included prompts not declared here (never required)."""
    if resolve is None:
        return variables
    lookup: ReferenceResolver = resolve  # narrowed, for the closure below
    result: List[Mapping[str, Any]] = list(variables)
    known = {v["name"] for v in variables}
    visited = set()

    def walk(nodes: List[_Node], depth: int) -> None:
        for node in nodes:
            if node.kind == "section":
                walk(node.children, depth)
            if node.kind != "reference" or depth >= MAX_REFERENCE_DEPTH:
                continue
            label = _label(node)
            if label in visited:
                continue
            visited.add(label)
            target = lookup(node.value, node.version)
            if target is None:
                continue
            for spec in ((target.get("contract") or {}).get("variables") or []):
                if spec["name"] in known:
                    continue
                known.add(spec["name"])
                result.append(dict(spec, required=False))
            walk(_parse(target["template"]).nodes, depth + 1)

    for parsed in templates:
        walk(parsed.nodes, 0)
    return result


# ------------------------------------------------------------------------------------------------
# Work bounds


def _format_bytes(count: int) -> str:
    def short(x: float, places: int) -> str:
        return _js_number(float("%.*f" % (places, x)))

    if count >= 1024 * 1024:
        return "%s MB" % short(count / 1024 / 1024, 2)
    if count >= 1024:
        return "%s KB" % short(count / 1024, 1)
    return "%d bytes" % count


class _LimitReached(Exception):
    def __init__(self, issue: TemplateIssue) -> None:
        super().__init__(issue.message)
        self.issue = issue


class _Budget:
    def __init__(self, max_bytes: int, max_steps: int) -> None:
        self.max_bytes = max_bytes
        self.max_steps = max_steps
        self.bytes = 0
        self.steps = 0

    def add(self, text: str, chain: List[str]) -> None:
        self.bytes += _utf8_length(text)
        if self.bytes > self.max_bytes:
            raise _LimitReached(self.issue_for("bytes", chain))

    def step(self, chain: List[str]) -> None:
        self.steps += 1
        if self.steps > self.max_steps:
            raise _LimitReached(self.issue_for("steps", chain))

    def issue_for(self, limit: str, chain: List[str], what: str = "rendered text") -> TemplateIssue:
        where = " (at %s)" % " → ".join(chain) if chain else ""
        if limit == "bytes":
            return TemplateIssue(
                "output_too_large",
                "The %s would be larger than %s%s: references or lists multiply the text. "
                "Include fewer copies, or split the prompt." % (what, _format_bytes(self.max_bytes), where),
            )
        return TemplateIssue(
            "too_much_work",
            "The %s takes more than %s steps%s: nested sections over lists or repeated references multiply the "
            "work. Nest fewer sections, or include fewer copies." % (what, "{:,}".format(self.max_steps), where),
        )


def _measure_references(
    parsed_root: _Parsed, resolve: ReferenceResolver, prompt_name: Optional[str], budget: _Budget
) -> Optional[TemplateIssue]:
    """The resolved size and references followed, memoised per prompt, without building the text."""
    memo: Dict[str, Tuple[int, int, Optional[Tuple[str, str]]]] = {}
    visiting = set()

    def measure(source: Union[str, _Parsed], this: str, depth: int) -> Tuple[int, int, Optional[Tuple[str, str]]]:
        if this in memo:
            return memo[this]
        parsed = _parse(source) if isinstance(source, str) else source
        own_bytes = _utf8_length(source) if isinstance(source, str) else 0
        if parsed.problems:
            return own_bytes, 1, None
        total, expansions = own_bytes, 1
        heaviest: Optional[Tuple[str, str]] = None
        heaviest_bytes = -1
        visiting.add(this)
        for ref in _references_in(parsed.nodes):
            if own_bytes:  # the tag itself is replaced (the server counts its UTF-16 length)
                total -= _utf16_length(source[ref.start.offset : ref.end.offset]) if isinstance(source, str) else 0
            label = _label(ref)
            target = None if label in visiting or depth >= MAX_REFERENCE_DEPTH else resolve(ref.value, ref.version)
            if target is None:
                continue
            inner = measure(target["template"], label, depth + 1)
            total += inner[0]
            expansions += inner[1]
            if inner[0] > heaviest_bytes:
                heaviest_bytes = inner[0]
                heaviest = (ref.value, label)
        visiting.discard(this)
        memo[this] = (total, expansions, heaviest)
        return memo[this]

    root = prompt_name or ""
    size, expansions, _ = measure(parsed_root, root, 1 if prompt_name else 0)
    if size <= budget.max_bytes and expansions <= budget.max_steps:
        return None
    chain: List[str] = [prompt_name] if prompt_name else []
    at = memo.get(root)
    while at and at[2] and len(chain) <= 32:
        chain.append(at[2][0])
        at = memo.get(at[2][1])
    return budget.issue_for("bytes" if size > budget.max_bytes else "steps", chain, "resolved template")


# ------------------------------------------------------------------------------------------------
# Rendering


def _lookup(stack: List[Any], path: str) -> Any:
    if path == ".":
        return stack[-1]
    head, *rest = path.split(".")
    for scope in reversed(stack):
        if _is_object(scope) and head in scope:
            value = scope[head]
            for key in rest:
                value = value[key] if _is_object(value) and key in value else None
            return value
    return None


def _reference_limit_issue(chain: List[str], node: _Node) -> Optional[TemplateIssue]:
    if node.value in chain:
        return TemplateIssue(
            "reference_cycle",
            "Reference cycle: %s" % " → ".join(chain + [node.value]),
            prompt=node.value,
            line=node.start.line,
            column=node.start.column,
        )
    if len(chain) >= MAX_REFERENCE_DEPTH:
        return TemplateIssue(
            "reference_too_deep",
            "References nest deeper than %d levels at %s" % (MAX_REFERENCE_DEPTH, _label(node)),
            prompt=node.value,
            line=node.start.line,
            column=node.start.column,
        )
    return None


def _render_template(
    parsed: _Parsed,
    values: Dict[str, Any],
    resolve: Optional[ReferenceResolver],
    prompt_name: Optional[str],
    budget: _Budget,
) -> str:
    issues = _syntax_issues(parsed)
    if issues:
        raise TemplateError(issues)
    if resolve is not None and _references_in(parsed.nodes):
        early = _measure_references(parsed, resolve, prompt_name, budget)
        if early:
            raise TemplateError([early])
    parsed_references: Dict[str, _Parsed] = {}
    out: List[str] = []

    def emit(text: str, chain: List[str]) -> None:
        budget.add(text, chain)
        out.append(text)

    def render(nodes: List[_Node], stack: List[Any], chain: List[str]) -> None:
        for node in nodes:
            budget.step(chain)
            kind = node.kind
            if kind == "text":
                emit(node.value, chain)
            elif kind == "variable":
                emit(_stringify(_lookup(stack, node.value)), chain)
            elif kind == "section":
                value = _lookup(stack, node.value)
                if node.inverted:
                    if _is_empty(value):
                        render(node.children, stack, chain)
                elif isinstance(value, (list, tuple)):
                    for item in value:
                        budget.step(chain)
                        render(node.children, stack + [item], chain)
                elif not _is_empty(value):
                    render(node.children, stack + [value], chain)
            elif kind == "reference":
                label = _label(node)
                limit = _reference_limit_issue(chain, node)
                if limit:
                    issues.append(limit)
                    continue
                target = resolve(node.value, node.version) if resolve is not None else None
                if target is None:
                    issues.append(
                        TemplateIssue(
                            "unknown_reference",
                            "Unknown prompt reference {{> %s}}" % label,
                            prompt=node.value,
                            line=node.start.line,
                            column=node.start.column,
                        )
                    )
                    continue
                source = target["template"]
                inner = parsed_references.get(source)
                if inner is None:
                    inner = parsed_references[source] = _parse(source)
                if inner.problems:
                    issues.extend(
                        TemplateIssue(
                            "syntax_error", "In %s, line %d: %s" % (label, p.start.line, p.message), prompt=node.value
                        )
                        for p in inner.problems
                    )
                    continue
                render(inner.nodes, stack, chain + [node.value])

    try:
        render(parsed.nodes, [values], [prompt_name] if prompt_name else [])
    except _LimitReached as reached:
        raise TemplateError([reached.issue]) from None
    if issues:
        raise TemplateError(issues)
    return "".join(out)


def render_prompt(
    content: Mapping[str, Any],
    values: Mapping[str, Any],
    *,
    strict: bool = False,
    resolve_reference: Optional[ReferenceResolver] = None,
    prompt_name: Optional[str] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_steps: int = DEFAULT_MAX_STEPS,
) -> RenderResult:
    """Render a prompt version's content as the server does.

    content: ``{"template": str | None, "messages": list | None, "contract": {"variables": [...]}}``
    as ``GET /api/prompts/{name}`` serves it (a text prompt has a template, a chat prompt
    messages; ``{"role": "placeholder", "name": n}`` takes the message list given as value n).
    Values are checked against the contract (and the defaults of included prompts) first; every
    problem is raised at once as a TemplateError. All messages share one work budget.
    """
    messages = content.get("messages")
    contract = content.get("contract") or {}
    variables: List[Mapping[str, Any]] = list(contract.get("variables") or [])
    if messages is not None:
        sources = [m.get("content") or "" for m in messages if m.get("role") != "placeholder"]
    else:
        sources = [content.get("template") or ""]
    parsed = [_parse(source) for source in sources]
    syntax = [issue for p in parsed for issue in _syntax_issues(p)]
    if not syntax:
        variables = _contract_with_references(variables, parsed, resolve_reference)
    checked, problems = _check_values(variables, values, strict)
    if syntax or problems:
        raise TemplateError(syntax + problems)
    budget = _Budget(max_bytes, max_steps)
    rendered = iter(parsed)

    def render_next() -> str:
        return _render_template(next(rendered), checked, resolve_reference, prompt_name, budget)

    if messages is None:
        text = render_next()
        return RenderResult(text, [{"role": "user", "content": text}])
    out: List[Dict[str, Any]] = []
    for message in messages:
        if message.get("role") != "placeholder":
            out.append({"role": message["role"], "content": render_next()})
            continue
        given = checked.get(message.get("name", ""))
        if isinstance(given, (list, tuple)):
            out.extend(given)
    return RenderResult(None, out)

"""spaCy makes a new ``Token`` object on every access (``tok.head``, ``span.root``, iterating a subtree), so
``tok.head is tok`` is always False and ``tok.head is not tok`` always True: tokens are compared by index. This
test reads the package's source and fails on an identity test whose side is a token got through the parse."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "contested"
# attributes that give a fresh spaCy Token or Span object each time they are read
PARSE_ATTRS = {"head", "root", "left_edge", "right_edge", "sent"}


def _from_parse(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr in PARSE_ATTRS


def identity_tests_on_tokens(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, (ast.Is, ast.IsNot)) and (_from_parse(left) or _from_parse(right)) and not (
                    isinstance(left, ast.Constant) or isinstance(right, ast.Constant)):
                found.append(f"line {node.lineno}: {ast.unparse(node)}")
            left = right
    return found


def test_the_check_finds_an_identity_test_on_a_head() -> None:
    assert identity_tests_on_tokens("if tok.head is tok:\n    pass\n")
    assert identity_tests_on_tokens("x = a is not span.root\n")
    assert not identity_tests_on_tokens("if tok.head.i == tok.i:\n    pass\n")
    assert not identity_tests_on_tokens("if tok.head is None:\n    pass\n")  # a constant is no token


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_token_is_compared_by_identity(path: Path) -> None:
    assert identity_tests_on_tokens(path.read_text(encoding="utf-8")) == []


def test_a_root_is_its_own_head_by_index_not_by_identity() -> None:
    from contested.nlp import load_nlp

    doc = load_nlp()("Gunmen killed two guards.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.head is not root  # why the rule above exists
    assert root.head.i == root.i

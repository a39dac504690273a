"""Property-based: every request in the OpenAPI schema's space, well-formed or malformed, gets an answer
that is not a server error (schemathesis, positive and negative generation, through ASGI: no network)."""

from __future__ import annotations

import pytest
from test_web_support import build_web_store

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (the test extra)")
from hypothesis import HealthCheck, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402

from contested.web.app import WebSettings, create_app  # noqa: E402

TOKEN = "schema-test-token"
EXAMPLES = 30  # per operation and mode: 15 operations x 2 modes x 30, about a minute


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    import shutil

    web = build_web_store(tmp_path_factory)
    db = tmp_path_factory.mktemp("schema_store") / "store.db"
    shutil.copy(web.db, db)  # a POST that gets through must not change the store the other tests read
    # A token is set so that POST /api/documents is reached past authentication as well (a body the size
    # limit allows, but never a real document: the generated text is not English and is refused as such).
    app = create_app(WebSettings(db=str(db), home=web.home, token=TOKEN, max_upload_bytes=4096))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_no_request_gets_a_server_error(api_schema, mode):
    from hypothesis import given

    failures: list[str] = []
    operations = [r.ok() for r in api_schema.get_all_operations()]
    assert len(operations) >= 12
    for op in operations:
        strategy = op.as_strategy(generation_mode=schemathesis.GenerationMode(mode))

        @given(case=strategy)
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def check(case):
            headers = {"Authorization": f"Bearer {TOKEN}"} if case.method == "POST" else None
            response = case.call(headers=headers)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.path} {case.path_parameters} {case.query} -> {response.status_code}: "
                                f"{response.text[:200]}")
            assert response.status_code < 500, failures[-1]
            if response.status_code >= 400:
                assert response.json()["detail"], f"{case.method} {case.path}: a refusal says why"

        try:
            check()
        except Unsatisfiable:
            # no malformed request exists for an operation without parameters or body (GET /api/sources)
            assert mode == "negative" and not (len(op.query) or len(op.path_parameters) or op.body), op.label
    assert not failures

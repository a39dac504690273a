"""`contested serve`: the HTTP API (documented by its OpenAPI schema at /openapi.json) and one offline page."""

from contested.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]

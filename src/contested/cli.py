"""The `contested` command (../shared/contract/README.md). An edge: it imports the core, never the reverse."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from contested import __version__


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def _problem(p) -> None:
    _err(f"skipped {p.origin}: {p.reason}")


# ---------------------------------------------------------------- ingest


def cmd_ingest(args) -> int:
    from contested.ingest import iter_documents
    from contested.service import ingest_documents
    from contested.store import Store, StoreError

    try:
        store = Store(args.db)
    except StoreError as exc:
        _err(str(exc))
        return 2
    items = iter_documents(args.inputs, published=args.published, source=args.source)
    hooks = {
        "on_problem": lambda origin, reason: _err(f"skipped {origin}: {reason}"),
        "on_warning": lambda origin, what: _err(f"warning: {origin}: {what}"),
    }
    if sys.stderr.isatty() or args.progress:
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task("extracting", total=None)
            summary = ingest_documents(
                store, items, **hooks,
                on_total=lambda n: progress.update(task, total=n),
                on_progress=lambda n: progress.advance(task, n),
            )
    else:
        summary = ingest_documents(store, items, **hooks)
    print(summary.line(store))
    return 1 if summary.problems else 0


# ---------------------------------------------------------------- extract


def cmd_extract(args) -> int:
    from contested.ingest import iter_documents
    from contested.pipeline import extract_documents

    problems = 0
    docs = []
    for item in iter_documents(args.inputs or ["-"], published=args.published, source=args.source):
        if hasattr(item, "doc_id"):
            docs.append(item)
        else:
            problems += 1
            _problem(item)
    out = sys.stdout
    for doc, evs in extract_documents(docs):
        line = {
            "doc_id": doc.doc_id,
            "source": doc.source,
            "published": doc.published.isoformat() if doc.published else None,
            "published_from": doc.published_from,
            "events": [e.as_json() for e in evs],
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return 1 if problems else 0


# ---------------------------------------------------------------- events, explain, export, control


def _print_events(evs, fmt: str) -> None:
    from contested import export

    if fmt == "jsonl":
        sys.stdout.write(export.to_jsonl(evs))
    elif fmt == "csv":
        sys.stdout.write(export.to_csv(evs))
    elif fmt == "geojson":
        sys.stdout.write(export.to_geojson(evs) + "\n")
    else:
        from rich.console import Console

        Console(width=200).print(export.to_table(evs))


def cmd_events(args) -> int:
    from contested.store import Store

    store = Store(args.db)
    evs = store.events(type=args.type, place=args.place, actor=args.actor, since=args.since, until=args.until)
    _print_events(evs, args.format)
    return 0


def cmd_explain(args) -> int:
    from contested.export import explain_text
    from contested.store import Store

    store = Store(args.db)
    ev = store.event(args.event_id)
    if ev is None:
        _err(f"no event {args.event_id!r} in {store.url}")
        return 2
    texts = {}
    for c in ev.claims:
        doc = store.document(c.doc_id)
        if doc is not None:
            texts[c.doc_id] = doc.text
    print(explain_text(ev, texts))
    return 0


def cmd_export(args) -> int:
    from contested.export import to_acled_csv
    from contested.store import Store

    text = to_acled_csv(Store(args.db).events())
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_control(args) -> int:
    from contested.control import control_at, to_geojson, to_table
    from contested.store import Store

    rows = control_at(Store(args.db).events(), args.at)
    if args.format == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    elif args.format == "geojson":
        print(to_geojson(rows))
    else:
        from rich.console import Console

        Console(width=200).print(to_table(rows))
    return 0


# ---------------------------------------------------------------- serve


def cmd_serve(args) -> int:
    try:
        import uvicorn

        from contested.web.app import create_app, settings_from
    except ImportError as exc:
        _err(f"the web application needs its packages: {exc}")
        return 2
    try:
        settings = settings_from(args)
    except (OSError, ValueError) as exc:
        _err(f"cannot start: {exc}")
        return 2
    app = create_app(settings)
    mode = "read-write (POST /api/documents with the token)" if settings.token else "read-only"
    _err(f"contested serve: http://{args.host}:{args.port}/ ({mode}; API schema at /openapi.json)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


# ---------------------------------------------------------------- geo, actors


def cmd_geo_add(args) -> int:
    from contested.gazetteer import add_boundaries, add_places_csv

    path = Path(args.file)
    if not path.exists():
        _err(f"no such file: {path}")
        return 2
    try:
        if path.suffix.lower() == ".csv":
            summary = add_places_csv(path)
        else:
            summary = add_boundaries(path, level=args.level)
    except (ValueError, KeyError, json.JSONDecodeError) as exc:
        _err(f"could not add {path}: {exc}")
        return 1
    print(json.dumps(summary, ensure_ascii=False, default=str))
    return 0


def cmd_actors_add(args) -> int:
    from contested.actors import add_actor_csv

    try:
        n = add_actor_csv(Path(args.file))
    except (OSError, ValueError) as exc:
        _err(f"could not add {args.file}: {exc}")
        return 1
    print(f"added {n} actors")
    return 0


def cmd_actors_list(args) -> int:
    from contested.actors import load_actors

    for e in load_actors().entries:
        print(f"{e.name}\t{e.kind}\t{'|'.join(e.aliases)}")
    return 0


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="contested", description=__doc__)
    p.add_argument("--version", action="version", version=f"contested {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def db(sp):
        sp.add_argument("--db", help="SQLite file or postgresql:// URL (default ./contested.db or $CONTESTED_DB)")

    sp = sub.add_parser("ingest", help="read articles, store them, extract and fuse events")
    sp.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    sp.add_argument("--source", help="the outlet, where the input does not say")
    sp.add_argument("--published", type=_date, help="publication date, where the input does not say")
    sp.add_argument("--progress", action="store_true", help="show a progress bar even when not on a terminal")
    db(sp)
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("extract", help="print events for each input document (stateless)")
    sp.add_argument("inputs", nargs="*", metavar="FILE", help="JSONL (default: standard input), or other inputs")
    sp.add_argument("--format", choices=["jsonl"], default="jsonl")
    sp.add_argument("--source")
    sp.add_argument("--published", type=_date)
    sp.set_defaults(func=cmd_extract)

    sp = sub.add_parser("events", help="the store's events")
    sp.add_argument("--format", choices=["table", "jsonl", "csv", "geojson"], default="table")
    sp.add_argument("--type")
    sp.add_argument("--place")
    sp.add_argument("--actor")
    sp.add_argument("--since", type=_date)
    sp.add_argument("--until", type=_date)
    db(sp)
    sp.set_defaults(func=cmd_events)

    sp = sub.add_parser("explain", help="an event with the words of each field marked")
    sp.add_argument("event_id")
    db(sp)
    sp.set_defaults(func=cmd_explain)

    sp = sub.add_parser("export", help="ACLED-style CSV")
    sp.add_argument("--format", choices=["acled"], default="acled")
    sp.add_argument("--out")
    db(sp)
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("control", help="who controls each place at a date")
    sp.add_argument("--at", type=_date, required=True)
    sp.add_argument("--format", choices=["table", "jsonl", "geojson"], default="table")
    db(sp)
    sp.set_defaults(func=cmd_control)

    geo = sub.add_parser("geo", help="places: boundary files and user entries").add_subparsers(dest="geo", required=True)
    sp = geo.add_parser("add", help="add a GeoJSON/TopoJSON boundary file, or a CSV of places")
    sp.add_argument("file")
    sp.add_argument("--level", choices=["adm1", "adm2"], help="boundary level, where the file does not say")
    sp.set_defaults(func=cmd_geo_add)

    sp = sub.add_parser("serve", help="the web page and its HTTP API")
    sp.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    sp.add_argument("--port", type=int, default=8000)
    sp.add_argument("--token-file", help="a file holding the token that allows POST /api/documents "
                    "(or $CONTESTED_TOKEN); without one the server is read-only")
    sp.add_argument("--max-upload", type=int, default=5_000_000, help="largest POST body in bytes")
    sp.add_argument("--cors-origin", action="append", help="allow this origin (repeatable; default: no CORS)")
    db(sp)
    sp.set_defaults(func=cmd_serve)

    act = sub.add_parser("actors", help="the actor dictionary").add_subparsers(dest="actors", required=True)
    sp = act.add_parser("add", help="add actors from a CSV (name, kind, aliases, country)")
    sp.add_argument("file")
    sp.set_defaults(func=cmd_actors_add)
    sp = act.add_parser("list", help="list the actor dictionary")
    sp.set_defaults(func=cmd_actors_list)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())

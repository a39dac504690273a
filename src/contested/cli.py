"""contested: news reports about an armed conflict into a sourced, geocoded, dated record of events.

Start with `contested ingest FILES_OR_FOLDERS_OR_URLS` (articles as .txt, .html or .jsonl), then
`contested events` to see what was found and `contested explain ID` for the words each field came from.
The store is ./contested.db unless --db or $CONTESTED_DB names another.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import date
from pathlib import Path

from contested import __version__


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _published(value: str) -> date:
    """A publication date argument: a date, and one that can be a publication date."""
    from contested.metadata import published_problem

    when = _date(value)
    if (problem := published_problem(when, "date")) is not None:
        raise argparse.ArgumentTypeError(problem)
    return when


def _input(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("an empty path names nothing: give a file, a folder, a URL or -")
    return value


def _event_type(value: str) -> str:
    from contested.taxonomy import EVENT_TYPES

    if value not in EVENT_TYPES:
        raise argparse.ArgumentTypeError(f"no event type {value!r}; the types are: {', '.join(EVENT_TYPES)}")
    return value


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
    from contested.export import json_line
    from contested.ingest import iter_documents
    from contested.pipeline import extract_documents

    problems = 0

    def readable(items):
        nonlocal problems
        for item in items:
            if hasattr(item, "doc_id"):
                yield item
            else:
                problems += 1
                _problem(item)

    def failed(doc, reason: str) -> None:
        nonlocal problems
        problems += 1
        _err(f"skipped {doc.origin or doc.doc_id}: {reason}")

    items = iter_documents(args.inputs or ["-"], published=args.published, source=args.source,
                           on_warning=lambda origin, what: _err(f"warning: {origin}: {what}"))
    out = sys.stdout
    for doc, evs in extract_documents(readable(items), on_problem=failed):
        line = {
            "doc_id": doc.doc_id,
            "source": doc.source,
            "published": doc.published.isoformat() if doc.published else None,
            "published_from": doc.published_from,
            "events": [e.as_json() for e in evs],
        }
        out.write(json_line(line))
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


def _find_event(store, event_id: str):
    """The event with this id or unique id prefix; a message naming the candidates otherwise."""
    ev = store.event(event_id)
    if ev is None:
        ids = store.event_ids_with_prefix(event_id, limit=6)
        if len(ids) > 1:
            more = ", ..." if len(ids) > 5 else ""
            _err(f"{event_id!r} is the start of several events ({', '.join(ids[:5])}{more}): give more of the id")
        else:
            _err(f"no event {event_id!r} in {store.display_url} (`contested events` lists them)")
    return ev


def cmd_explain(args) -> int:
    from contested.export import explain_text
    from contested.service import fusion_reasons
    from contested.store import Store

    ev = _find_event(store := Store(args.db), args.event_id)
    if ev is None:
        return 2
    texts = {}
    for c in ev.claims:
        doc = store.document(c.doc_id)
        if doc is not None:
            texts[c.doc_id] = doc.text
    print(explain_text(ev, texts))
    from contested.fusion import explain_lines

    lines = explain_lines(ev) + fusion_reasons(store, ev.id, skip_links=bool(ev.fused_because))
    if lines:
        print("\nFusion, figures and confidence:")
        for line in lines:
            print(f"  {line}")
    return 0


def cmd_merge(args) -> int:
    from contested.service import merge_events
    from contested.store import Store

    store = Store(args.db)  # a store that cannot be opened is main()'s message
    a, b = _find_event(store, args.event_a), _find_event(store, args.event_b)
    if a is None or b is None:
        return 2
    print(f"merged into {merge_events(store, a.id, b.id, note=args.note)}")
    return 0


def cmd_split(args) -> int:
    from contested.service import split_event
    from contested.store import Store

    ev = _find_event(store := Store(args.db), args.event_id)
    if ev is None:
        return 2
    try:
        ids = split_event(store, ev.id, args.doc_ids, note=args.note)
    except ValueError as exc:
        _err(str(exc))
        return 2
    print("split into " + ", ".join(ids))
    return 0


def cmd_rebuild(args) -> int:
    from contested.service import rebuild
    from contested.store import Store, StoreError, database_url

    source_url = database_url(args.db)
    if source_url.startswith("sqlite:///"):
        path = Path(source_url[len("sqlite:///"):])
        if not path.exists():
            _err(f"no store at {path}")
            return 2
        backup = path.with_name(path.name + ".v1")
        if backup.exists():
            _err(f"{backup} exists already: move it away first")
            return 2
        path.rename(backup)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(backup.with_name(backup.name + suffix))
        try:
            new = Store(str(path))
        except StoreError as exc:
            _err(str(exc))
            return 2
        summary = rebuild("sqlite:///" + str(backup), new, on_problem=lambda o, r: _err(f"skipped {o}: {r}"))
        print(summary.line(new) + f"; the earlier store is kept as {backup}")
        return 1 if summary.problems else 0
    _err("rebuild works on SQLite stores; for PostgreSQL, ingest the documents into a new database")
    return 2


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
    from contested.control import control_at, control_timeline, timeline_table, to_geojson, to_table
    from contested.export import json_text
    from contested.store import Store

    if args.at is None and not args.place:
        print("contested control: give --at DATE (who holds each place) or --place P (its timeline)",
              file=sys.stderr)
        return 2
    if args.place:
        periods = control_timeline(Store(args.db).events(), args.place)
        if args.at is not None:  # the period that date falls in
            periods = [p for p in periods if p["start"] <= args.at.isoformat()
                       and (p["end"] is None or args.at.isoformat() < p["end"])]
        if not periods:
            print(f"no change of hands recorded at {args.place!r}", file=sys.stderr)
        if args.format == "table":
            from rich.console import Console

            Console(width=200).print(timeline_table(periods))
        else:
            for p in periods:
                print(json_text(p))
        return 0
    events = Store(args.db).events()
    rows = control_at(events, args.at)
    if args.format == "jsonl":
        for r in rows:
            print(json_text(r))
    elif args.format == "geojson":
        print(json_text(json.loads(to_geojson(rows))))  # NaN, should one come in, as null
    else:
        from rich.console import Console

        from contested.control import aggregate_claims, aggregates_table

        Console(width=200).print(to_table(rows))
        aggregates = aggregate_claims(events, args.at)
        if aggregates:  # statements about whole provinces or the country, beside the places they summarise
            Console(width=200).print(aggregates_table(aggregates))
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
    """Add each file in turn: a CSV of places, or a GeoJSON/TopoJSON boundary file. A bad file is refused
    whole with the reason (nothing of it is stored) and the others are still added; exit 1 if any failed."""
    from contested.gazetteer import add_boundaries, add_places_csv

    failed = 0
    missing = 0
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            _err(f"no such file: {path}")
            missing += 1
            continue
        try:
            if path.suffix.lower() == ".csv":
                summary = add_places_csv(path)
            else:
                summary = add_boundaries(path, level=args.level)
        except (ValueError, KeyError, OSError, UnicodeDecodeError) as exc:
            _err(f"could not add {path}: {exc}")
            failed += 1
            continue
        print(json.dumps({"file": str(path), **summary}, ensure_ascii=False, default=str))
    if missing and not failed and missing == len(args.files):
        return 2
    return 1 if failed or missing else 0


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
    from contested.actors import GENERIC, load_actors

    for e in load_actors().entries:
        local = f"\t(in an article about {e.home}: {'|'.join(e.local_aliases)})" if e.local_aliases else ""
        print(f"{e.name}\t{e.kind}\t{'|'.join(e.aliases)}{local}")
    for g in GENERIC:  # words that name the forces or people of the article's country
        name = g.of_country.format(country="<country>", the_country="<country>")
        print(f"{name}\t{g.kind}\t{'|'.join(g.aliases)}")
    return 0


# ---------------------------------------------------------------- train, evaluate


def cmd_train(args) -> int:
    from contested.typing_model import read_acled, train

    rows = []
    for f in args.acled:
        if not Path(f).exists():
            _err(f"no such file: {f}")
            return 2
        rows.extend(read_acled(f, args.months))
    if not rows:
        _err("no rows with notes and a sub-event type" + (f" in {', '.join(args.months)}" if args.months else ""))
        return 1
    try:
        info = train([r[0] for r in rows], [r[1] for r in rows], args.out)
    except (RuntimeError, ValueError) as exc:
        _err(str(exc))
        return 2
    print(json.dumps({"out": args.out, **info}))
    return 0


def cmd_evaluate(args) -> int:
    from contested.evaluate import evaluate_file, format_report

    if not Path(args.file).exists():
        _err(f"no such file: {args.file}")
        return 2
    try:
        report = evaluate_file(args.file, args.format, args.months, args.limit)
    except (ValueError, KeyError, json.JSONDecodeError) as exc:
        _err(f"could not evaluate {args.file}: {exc}")
        return 1
    print(format_report(report, args.errors))
    if args.json:
        Path(args.json).write_text(json.dumps(report.figures, indent=2), encoding="utf-8")
    return 0


# ---------------------------------------------------------------- parser


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="contested", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"contested {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def db(sp):
        sp.add_argument("--db", help="SQLite file or postgresql:// URL (default ./contested.db or $CONTESTED_DB)")

    sp = sub.add_parser(
        "ingest", help="read articles, store them, extract and fuse events",
        description="Read articles (.txt, .html, .jsonl with one article a line, folders of them, http(s) URLs, "
                    "or - for JSONL on standard input), store them, extract their events and fuse them with the "
                    "events already stored. A bad input is reported with the reason and skipped; the exit "
                    "status is then 1.")
    sp.add_argument("inputs", nargs="+", metavar="PATH_OR_URL", type=_input,
                    help="files, folders (read recursively), http(s) URLs, or -")
    sp.add_argument("--source", help="the outlet, where the input does not say")
    sp.add_argument("--published", type=_published, metavar="YYYY-MM-DD",
                    help="publication date, where the input does not say (relative dates resolve against it)")
    sp.add_argument("--progress", action="store_true", help="show a progress bar even when not on a terminal")
    sp.add_argument("--model", metavar="DIR", help="a sub-event type classifier made by `contested train`")
    db(sp)
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser(
        "extract", help="print events for each input document (stores nothing)",
        description="Print one JSON line per input document: its id, source, publication date and events. "
                    "Nothing is stored.")
    sp.add_argument("inputs", nargs="*", metavar="FILE", type=_input,
                    help="JSONL (default: standard input), or other inputs as for ingest")
    sp.add_argument("--format", choices=["jsonl"], default="jsonl")
    sp.add_argument("--source", help="the outlet, where the input does not say")
    sp.add_argument("--published", type=_published, metavar="YYYY-MM-DD",
                    help="publication date, where the input does not say")
    sp.add_argument("--model", metavar="DIR", help="a sub-event type classifier made by `contested train`")
    sp.set_defaults(func=cmd_extract)

    from contested.taxonomy import EVENT_TYPES

    sp = sub.add_parser("events", help="the store's events",
                        description="The store's events, fused across documents, each with all its claims.")
    sp.add_argument("--format", choices=["table", "jsonl", "csv", "geojson"], default="table")
    sp.add_argument("--type", type=_event_type, metavar="TYPE",
                    help="only events of this type, one of: " + ", ".join(EVENT_TYPES))
    sp.add_argument("--place", help="only events at this place, or in this district, province or country")
    sp.add_argument("--actor", help="only events with an actor whose name holds these words")
    sp.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="only events on or after this date")
    sp.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="only events on or before this date")
    db(sp)
    sp.set_defaults(func=cmd_events)

    sp = sub.add_parser("explain", help="an event with the words of each field marked")
    sp.add_argument("event_id", help="the event's id, or enough of its start to name one event")
    db(sp)
    sp.set_defaults(func=cmd_explain)

    sp = sub.add_parser("merge", help="correct fusion: two events are one (kept across re-ingestion)")
    sp.add_argument("event_a")
    sp.add_argument("event_b")
    sp.add_argument("--note", help="why (kept with the correction)")
    db(sp)
    sp.set_defaults(func=cmd_merge)

    sp = sub.add_parser("split", help="correct fusion: some documents of an event tell another happening")
    sp.add_argument("event_id")
    sp.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="documents (ids or prefixes, as explain shows)")
    sp.add_argument("--note", help="why (kept with the correction)")
    db(sp)
    sp.set_defaults(func=cmd_split)

    sp = sub.add_parser("rebuild", help="re-extract every stored document (after an upgrade of contested)")
    db(sp)
    sp.set_defaults(func=cmd_rebuild)

    sp = sub.add_parser("export", help="ACLED-style CSV")
    sp.add_argument("--format", choices=["acled"], default="acled")
    sp.add_argument("--out", metavar="FILE", help="write to this file (default: standard output)")
    db(sp)
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("control", help="who controls each place at a date, or one place's timeline")
    sp.add_argument("--at", type=_date, help="who holds each place on this date")
    sp.add_argument("--place", help="the timeline of this place: who held it from when to when")
    sp.add_argument("--format", choices=["table", "jsonl", "geojson"], default="table")
    db(sp)
    sp.set_defaults(func=cmd_control)

    geo = sub.add_parser("geo", help="places: boundary files and user entries").add_subparsers(dest="geo", required=True)
    sp = geo.add_parser("add", help="add GeoJSON/TopoJSON boundary files (ADM0/ADM1/ADM2) or CSVs of places")
    sp.add_argument("files", nargs="+", metavar="FILE",
                    help="boundary files (.geojson/.json/.topojson) or places CSVs "
                         "(name,feature,country,admin1,admin2,lat,lon,aliases)")
    sp.add_argument("--level", choices=["adm0", "adm1", "adm2"], type=str.lower,
                    help="boundary level (countries, provinces, districts), where the file does not say")
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

    sp = sub.add_parser("train", help="train a sub-event type classifier on coded ACLED notes")
    sp.add_argument("--acled", nargs="+", required=True, metavar="FILE.csv", help="ACLED CSV(s) with notes")
    sp.add_argument("--out", required=True, metavar="DIR", help="where to write the model")
    sp.add_argument("--months", nargs="+", metavar="YYYY-MM", help="only rows of these months")
    sp.set_defaults(func=cmd_train)

    sp = sub.add_parser("evaluate", help="run the pipeline over a coded set and print how it did")
    sp.add_argument("file", help="ACLED CSV, TSV (text, sub-event type), gold JSONL or WikiEvents JSONL")
    sp.add_argument("--format", choices=["acled", "tsv", "gold", "wikievents"], help="default: from the file")
    sp.add_argument("--months", nargs="+", metavar="YYYY-MM", help="ACLED: only rows of these months")
    sp.add_argument("--limit", type=int, help="only the first N items")
    sp.add_argument("--errors", type=int, default=15, help="how many of the worst errors to print")
    sp.add_argument("--json", metavar="FILE", help="also write the figures to this file")
    sp.add_argument("--model", metavar="DIR", help="a sub-event type classifier made by `contested train`")
    sp.set_defaults(func=cmd_evaluate)
    return p


class _StderrHandler(logging.StreamHandler):
    """Warnings of contested's modules as plain lines on the standard error in force when they are written."""

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _show_warnings() -> logging.Handler:
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("contested")
    logger.addHandler(handler)
    logger.propagate = False
    return handler


def main(argv: list[str] | None = None) -> int:
    handler = _show_warnings()
    try:
        return _main(argv)
    finally:
        logging.getLogger("contested").removeHandler(handler)
        logging.getLogger("contested").propagate = True


def _main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "model", None):
        from contested.typing_model import use_model

        try:
            use_model(args.model)
        except (OSError, ValueError, KeyError) as exc:
            _err(f"--model {args.model}: not a model made by `contested train` ({exc})")
            return 2
    from contested.store import StoreError

    try:
        return args.func(args)
    except StoreError as exc:
        _err(str(exc))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())

"""Events in words: one sentence in the style of ACLED's notes, from an event's fields only."""

from __future__ import annotations

from contested.records import DateSpan, Event

# What actor1 did, in ACLED's note style; "{a2}" is filled with the other side where the text names it.
_TYPE_PHRASE = {
    "territory_captured": "took control of {where}{from_a2}",
    "territory_regained": "regained control of {where}{from_a2}",
    "armed_clash": "clashed with {a2}{in_where}",
    "air_strike": "carried out an air strike{on_a2}{in_where}",
    "shelling": "shelled{on_a2}{in_where}",
    "explosive_device": "an explosive device went off{in_where}",
    "suicide_bombing": "a suicide bombing took place{in_where}",
    "grenade": "a grenade attack took place{in_where}",
    "killing": "attacked {a2}{in_where}",
    "abduction": "abducted {a2}{in_where}",
    "arrest": "arrested {a2}{in_where}",
    "surrender": "surrendered{in_where}",
    "retreat": "withdrew{from_where}",
    "withdrawal": "withdrew{from_where}",
    "cross_border_flight": "crossed the border{from_where}",
    "displacement": "were displaced{in_where}",
    "weapons_seized": "weapons were seized or defused{in_where}",
}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _when(d: DateSpan | None) -> str:
    if d is None:
        return "On an unknown date"
    if d.precision == "day":
        return f"On {d.start.day} {_MONTHS[d.start.month - 1]} {d.start.year}"
    if d.precision == "month" and (d.start.year, d.start.month) == (d.end.year, d.end.month):
        return f"In {_MONTHS[d.start.month - 1]} {d.start.year}"
    if d.precision == "month":
        return f"Between {_MONTHS[d.start.month - 1]} and {_MONTHS[d.end.month - 1]} {d.end.year}"
    if d.precision == "year":
        return f"In {d.start.year}"
    return f"Between {d.start.day} {_MONTHS[d.start.month - 1]} and {d.end.day} {_MONTHS[d.end.month - 1]} {d.end.year}"


def summarize(event: Event) -> str:
    """One sentence in the style of ACLED's notes, from the event's fields only (nothing added)."""
    a1 = next((a.name for a in event.actors if a.role == "actor1"), None)
    a2 = next((a.name for a in event.actors if a.role == "actor2"), None)
    loc = event.location
    where = "an unnamed place"
    if loc is not None:
        where = loc.name + (f" ({loc.admin1})" if loc.admin1 and loc.admin1 != loc.name else "")
    phrase = _TYPE_PHRASE.get(event.type, event.type.replace("_", " ") + "{in_where}").format(
        where=where,
        from_a2=f" from {a2}" if a2 else "",
        a2=a2 or "an unidentified side",
        on_a2=f" on {a2}" if a2 else "",
        in_where=f" in {where}" if loc else "",
        from_where=f" from {where}" if loc else "",
    )
    if event.type == "cross_border_flight" and event.detail:
        phrase += f" {event.detail}"
    subject = a1 or ("" if phrase[0].islower() and phrase.startswith(("an ", "a ", "weapons")) else "unidentified actors")
    text = f"{_when(event.date)}, {subject + ' ' if subject else ''}{phrase}."
    for stance, words in (("asserts", "According to"), ("denies", "Denied by"), ("doubts", "Doubted by")):
        sources = sorted({c.attributed_to for c in event.claims if c.attributed_to and c.stance == stance})
        if sources:
            text += f" {words} " + "; ".join(sources) + "."
    if event.quantities:
        text += " Figures: " + "; ".join(q.text or f"{q.value} {q.unit}" for q in event.quantities) + "."
    if event.fatalities is not None:
        text += f" Fatalities: {event.fatalities}."
    return text

"""The stages of event extraction, each a small function over plain records (``stages.records``), run in
order by ``contested.events.build_events``; the numbers they use are ``config.ExtractionSettings``.

- ``grouping``: event or not, then triggers -> drafts;
- ``distribute``: places, dates and figures -> the nearest draft;
- ``roles``: agents, patients, actor1/actor2, the holder of a place from the story told before;
- ``places``: destinations, parent places, places from the sentence or the story before;
- ``event_types``: the type, its detail, the sides;
- ``dates``: the draft's date, the statement's, the story's;
- ``discourse``: the article's state from sentence to sentence;
- ``claims``: claims, and denials, doubts, figures and retellings as claims on events told before;
- ``assemble``: drafts -> events with evidence, flags, confidence and summary;
- ``dedup``: one event per happening in a sentence.
"""

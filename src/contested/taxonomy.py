"""Event types and their ACLED mapping, as ../shared/contract/taxonomy.md defines them.

The mapping is data, declared once: export and events read it from here, and nothing guesses.
"""

from __future__ import annotations

from typing import NamedTuple


class AcledType(NamedTuple):
    event_type: str
    sub_event_type: str


BATTLES = "Battles"
ERV = "Explosions/Remote violence"
VAC = "Violence against civilians"
SD = "Strategic developments"

EVENT_TYPES: dict[str, AcledType] = {
    "territory_captured": AcledType(BATTLES, "Non-state actor overtakes territory"),
    "territory_regained": AcledType(BATTLES, "Government regains territory"),
    "armed_clash": AcledType(BATTLES, "Armed clash"),
    "air_strike": AcledType(ERV, "Air/drone strike"),
    "shelling": AcledType(ERV, "Shelling/artillery/missile attack"),
    "explosive_device": AcledType(ERV, "Remote explosive/landmine/IED"),
    "suicide_bombing": AcledType(ERV, "Suicide bomb"),
    "grenade": AcledType(ERV, "Grenade"),
    "chemical_weapon": AcledType(ERV, "Chemical weapon"),
    "killing": AcledType(VAC, "Attack"),
    "abduction": AcledType(VAC, "Abduction/forced disappearance"),
    "sexual_violence": AcledType(VAC, "Sexual violence"),
    "protest": AcledType("Protests", "Peaceful protest"),
    "riot": AcledType("Riots", "Violent demonstration"),
    "arrest": AcledType(SD, "Arrests"),
    "agreement": AcledType(SD, "Agreement"),
    "surrender": AcledType(SD, "Change to group/activity"),
    "retreat": AcledType(SD, "Non-violent transfer of territory"),
    "cross_border_flight": AcledType(SD, "Other"),
    "displacement": AcledType(SD, "Other"),
    "camp_established": AcledType(SD, "Headquarters or base established"),
    "withdrawal": AcledType(SD, "Non-violent transfer of territory"),
    "mobilization": AcledType(SD, "Change to group/activity"),
    "weapons_seized": AcledType(SD, "Disrupted weapons use"),
    "property_destruction": AcledType(SD, "Looting/property destruction"),
    "diplomacy": AcledType(SD, "Other"),
    "other": AcledType(SD, "Other"),
}

# Sub-kinds named in `detail` that choose another ACLED sub-event type (the taxonomy's last column).
DETAIL_SUBTYPES: dict[tuple[str, str], AcledType] = {
    ("territory_captured", "non_violent"): AcledType(SD, "Non-violent transfer of territory"),
    ("protest", "peaceful"): AcledType("Protests", "Peaceful protest"),
    ("protest", "with_intervention"): AcledType("Protests", "Protest with intervention"),
    ("protest", "excessive_force"): AcledType("Protests", "Excessive force against protesters"),
    ("riot", "violent_demonstration"): AcledType("Riots", "Violent demonstration"),
    ("riot", "mob_violence"): AcledType("Riots", "Mob violence"),
}

# Types whose events change who holds a place (used by control over time).
CONTROL_TYPES = frozenset({"territory_captured", "territory_regained", "retreat", "withdrawal"})

def acled_type(event_type: str, detail: str | None = None) -> AcledType:
    if detail is not None and (event_type, detail) in DETAIL_SUBTYPES:
        return DETAIL_SUBTYPES[(event_type, detail)]
    return EVENT_TYPES[event_type]

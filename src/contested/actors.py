"""The actor dictionary: words in the text -> a canonical actor (ACLED's names) with its kind.

Built in: the parties to the Afghan conflict and its neighbours. Users extend it with a CSV
(name, kind, aliases '|'-separated, inter) added by `contested actors add FILE`, stored in the contested home.
Matching is longest-first, so "Tajik border guards" beats "border guards" and "Afghan Local Police" beats
"police". Acronyms are matched case-sensitively (ANA, ALP, NDS, IS), other words case-insensitively.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from contested import config
from contested.records import ActorMention

# ACLED interaction codes by kind.
INTER_CODES = {
    "state_forces": 1,
    "rebels": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external": 8,
}


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str
    kind: str
    aliases: tuple[str, ...]
    country: str | None = None


AFG_MIL = "Military Forces of Afghanistan (2014-)"
AFG_POL = "Police Forces of Afghanistan (2014-)"
TALIBAN = "Taliban"

# Forces words: the nouns that, after a nationality adjective, name a country's forces.
_FORCES = ("forces", "troops", "soldiers", "army", "military", "border guards", "border guard", "servicemen")


def _national(adjectives: tuple[str, ...], extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    return tuple(f"{a} {f}" for a in adjectives for f in _FORCES) + extra


BUILTIN: tuple[ActorEntry, ...] = (
    ActorEntry(
        TALIBAN,
        "rebels",
        (
            "Taliban", "Taleban", "Talibs", "Taliban militants", "Taliban fighters", "Taliban insurgents",
            "Islamic Emirate", "Islamic Emirate of Afghanistan", "Taliban forces", "Taliban's Red Unit",
            "Red Unit", "insurgents", "the insurgents", "Taliban insurgent", "insurgent group",
        ),
    ),
    ActorEntry(
        "Islamic State (Afghanistan)",
        "rebels",
        ("Islamic State", "IS-K", "ISIS-K", "ISKP", "IS-KP", "Daesh", "Daesh militants", "ISIS", "IS militants",
         "Islamic State Khorasan", "Islamic State militants"),
    ),
    ActorEntry(
        AFG_MIL + " Special Forces",
        "state_forces",
        ("special forces", "Afghan special forces", "commandos", "Afghan commandos", "commando forces",
         "Special Operations Forces", "ANA commandos"),
        "Afghanistan",
    ),
    ActorEntry(
        AFG_MIL,
        "state_forces",
        _national(("Afghan", "government", "Afghan government", "Afghan National", "Afghan security", "ANDSF"))
        + (
            "Afghan National Defense and Security Forces", "Afghan air forces", "Afghan Military Forces",
            "Afghan security personnel", "security personnel", "military forces", "Afghan Army", "air force",
            "Afghan Air Force", "army commandos", "army troops", "border forces", "Afghan border forces", "Afghan National Defence and Security Forces",
            "ANDSF", "ANSF", "Afghan National Security Forces", "Afghan National Army", "ANA",
            "Afghan Air Force", "AAF", "security forces", "Afghan forces", "government forces", "soldiers",
            "troops", "army", "the military", "army soldiers", "ministry of defense", "Ministry of Defence",
            "Ministry of Defense", "MoD", "defense ministry", "defence ministry", "Afghan army", "pro-government forces",
        ),
        "Afghanistan",
    ),
    ActorEntry(
        AFG_POL + " National Directorate of Security",
        "state_forces",
        ("National Directorate of Security", "NDS", "intelligence agency", "NDS forces", "intelligence forces"),
        "Afghanistan",
    ),
    ActorEntry(
        AFG_POL + " Afghan Local Police",
        "state_forces",
        ("Afghan Local Police", "ALP", "local police"),
        "Afghanistan",
    ),
    ActorEntry(
        AFG_POL,
        "state_forces",
        ("police", "policemen", "policeman", "police officers", "Afghan police", "Afghan National Police", "ANP",
         "border police", "Afghan border police", "police forces", "public order police", "Ministry of Interior",
         "interior ministry", "MoI"),
        "Afghanistan",
    ),
    ActorEntry(
        "Militia (Pro-Government)",
        "political_militia",
        ("pro-government militia", "pro-government militias", "Arbaki", "Arbakis", "uprising forces",
         "public uprising forces", "public uprising", "people's uprising", "local militia", "local militias",
         "militiamen", "militia", "militias", "popular uprising forces", "anti-Taliban militia",
         "anti-Taliban militias"),
        "Afghanistan",
    ),
    ActorEntry(
        "NATO: North Atlantic Treaty Organization",
        "external",
        ("NATO", "Resolute Support", "coalition forces", "international forces", "foreign forces", "NATO forces",
         "foreign troops", "international troops", "coalition"),
    ),
    ActorEntry(
        "Military Forces of the United States",
        "external",
        _national(("US", "U.S.", "American", "United States")) + ("Pentagon", "US Air Force"),
        "United States",
    ),
    ActorEntry("Military Forces of Tajikistan", "state_forces", _national(("Tajik", "Tajikistan's", "Tajikistani")), "Tajikistan"),
    ActorEntry("Military Forces of Uzbekistan", "state_forces", _national(("Uzbek", "Uzbekistan's")), "Uzbekistan"),
    ActorEntry("Military Forces of Pakistan", "state_forces", _national(("Pakistani", "Pakistan's")), "Pakistan"),
    ActorEntry("Military Forces of Iran", "state_forces", _national(("Iranian", "Iran's")), "Iran"),
    ActorEntry("Military Forces of Turkmenistan", "state_forces", _national(("Turkmen", "Turkmenistan's")), "Turkmenistan"),
    ActorEntry("Military Forces of Russia", "external", _national(("Russian", "Russia's")), "Russia"),
    ActorEntry("Government of Tajikistan", "external", ("Tajik government", "Tajik authorities", "Dushanbe"), "Tajikistan"),
    ActorEntry("Government of Uzbekistan", "external", ("Uzbek government", "Uzbek authorities", "Tashkent"), "Uzbekistan"),
    ActorEntry(
        "Civilians (Afghanistan)",
        "civilians",
        ("civilians", "civilian", "villagers", "residents", "local residents", "children", "women", "worshippers",
         "students", "farmers", "shopkeepers", "passengers", "journalists", "journalist", "a civilian",
         "tribal elders", "elders", "aid workers", "health workers", "teachers", "family members", "people"),
        "Afghanistan",
    ),
    ActorEntry("Unidentified Armed Group (Afghanistan)", "political_militia",
               ("unknown gunmen", "unidentified gunmen", "gunmen", "armed men", "unknown armed men"), "Afghanistan"),
)

# Words that are acronyms: matched case-sensitively so that "ana" or "is" never match.
_CASE_SENSITIVE = re.compile(r"^[A-Z][A-Z.\-]+$|^IS$")


class ActorDictionary:
    def __init__(self, entries: tuple[ActorEntry, ...] | list[ActorEntry]):
        self.entries = list(entries)
        self.by_name = {e.name: e for e in self.entries}
        alias_to_entry: dict[str, ActorEntry] = {}
        cs_alias_to_entry: dict[str, ActorEntry] = {}
        for entry in self.entries:  # later entries (user entries) override built-ins
            for alias in (entry.name, *entry.aliases):
                if _CASE_SENSITIVE.match(alias):
                    cs_alias_to_entry[alias] = entry
                else:
                    alias_to_entry[alias.lower()] = entry
        self._ci = alias_to_entry
        self._cs = cs_alias_to_entry

        def alternation(words):
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

        self._ci_re = re.compile(r"(?<![\w-])(?:" + alternation(self._ci) + r")(?![\w-])", re.IGNORECASE)
        self._cs_re = re.compile(r"(?<![\w-])(?:" + alternation(self._cs) + r")(?![\w-])")

    def find(self, text: str, offset: int = 0) -> list[ActorMention]:
        found: list[tuple[int, int, ActorEntry]] = []
        for m in self._ci_re.finditer(text):
            found.append((m.start(), m.end(), self._ci[m.group(0).lower()]))
        for m in self._cs_re.finditer(text):
            found.append((m.start(), m.end(), self._cs[m.group(0)]))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        out: list[ActorMention] = []
        last_end = -1
        for start, end, entry in found:
            if start < last_end:
                continue
            out.append(ActorMention(entry.name, entry.kind, text[start:end], start + offset, end + offset))
            last_end = end
        return out

    def kind_of(self, name: str) -> str | None:
        entry = self.by_name.get(name)
        return entry.kind if entry else None

    def country_of(self, name: str) -> str | None:
        entry = self.by_name.get(name)
        return entry.country if entry else None


def user_actor_file(home: Path | None = None) -> Path:
    return (home or config.home()) / "actors.csv"


def read_actor_csv(path: Path) -> list[ActorEntry]:
    entries = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            kind = (row.get("kind") or "").strip() or "political_militia"
            if kind not in INTER_CODES:
                raise ValueError(f"{path}: actor {name!r} has unknown kind {kind!r}; one of {sorted(INTER_CODES)}")
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            entries.append(ActorEntry(name, kind, aliases, (row.get("country") or "").strip() or None))
    return entries


def add_actor_csv(path: Path, home: Path | None = None) -> int:
    """Validate a user's actor CSV and append it to the home's actor file. Returns the number of entries."""
    entries = read_actor_csv(path)
    target = user_actor_file(home)
    target.parent.mkdir(parents=True, exist_ok=True)
    exists = target.exists()
    with open(target, "a", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        if not exists:
            writer.writerow(["name", "kind", "aliases", "country"])
        for e in entries:
            writer.writerow([e.name, e.kind, "|".join(e.aliases), e.country or ""])
    _load_actors.cache_clear()
    return len(entries)


def load_actors(home: Path | None = None) -> ActorDictionary:
    """The built-in dictionary plus the user's entries in the contested home (cached per home)."""
    return _load_actors(Path(home or config.home()))


@lru_cache(maxsize=8)
def _load_actors(home: Path) -> ActorDictionary:
    entries = list(BUILTIN)
    path = user_actor_file(home)
    if path.exists():
        entries.extend(read_actor_csv(path))
    return ActorDictionary(entries)

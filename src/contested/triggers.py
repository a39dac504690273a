"""Event triggers: the words that say something happened, each with the family of events it can start.

A family is not yet a type: "captured" is a capture whose type depends on who captured (the Taliban:
territory_captured; government forces: territory_regained; "three militants": an arrest), and "killed" is an
armed clash or an attack on civilians depending on the victims. events.py decides the type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Trigger:
    family: str
    start: int  # character offsets in the document
    end: int
    text: str


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + pattern + r")\b", re.IGNORECASE)


# (family, pattern). Control families make one event each; violence families in one clause make one event.
FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("regain", _rx(
        r"retook|retake[sn]?|retaking|recaptur\w*|regain\w*|reclaim\w*|re-took|re-tak\w+|re-captur\w*|liberat\w*"
        r"|recover\w* (?:control|the \w+)|cleared (?:the \w+ )?of (?:the )?Taliban|pushed (?:the )?Taliban (?:out|back)"
        r"|drove (?:the )?Taliban out|back under (?:government|state) control|back in government hands"
        r"|push(?:ed|ing)? (?:them|the \w+|\w+) (?:out|back)|drove (?:them|the \w+) (?:out|back)|"
        r"forced (?:them|the \w+) (?:out|to retreat)|expelled (?:them|the \w+)"
    )),
    ("lose", _rx(r"lost|lose|loses|losing")),
    ("surrender_place", _rx(
        r"(?:surrendered|handed over|handed|hand over|handing over|gave up) (?:the |their |a )?"
        r"(?:district|town|city|base|checkpoints?|outposts?|posts?|headquarters|center|centre|crossing|port|"
        r"provincial capital|capital|compound|garrison|airport)\w*"
    )),
    ("capture", _rx(
        r"captur\w*|seiz\w*|overr[au]n\w*|took (?:over|control)|tak(?:e|es|en|ing) (?:over|control)|overtook"
        r"|overtak\w*|conquer\w*|gain\w* control|fell|fallen|fall(?:s|en)? (?:to|into)|falling|"
        r"(?:came|come|comes|coming|was|were|is|are|now) under (?:the )?(?:control of the Taliban|Taliban control|"
        r"their control|the group's control|insurgent control)|took (?:the )?(?:district|town|city|centre|center|"
        r"provincial capital|base|crossing|border)|tak(?:e|es|en|ing) (?:the )?(?:district|town|city|centre|center|"
        r"base|crossing|border)|swept into|entered|occupied|collapsed|"
        r"(?:were|was|are|is|now|remained|remains) in (?:full )?control of"
    )),
    ("flee", _rx(
        r"fled|flee(?:s|ing)?|crossed|(?<!the )(?<!a )(?<!main )(?<!key )(?<!border )(?<!busiest )(?<!biggest )"
        r"cross(?:es|ing)? (?:into|over|the border)|escap\w*|sought refuge|"
        r"took refuge|taking refuge|seek(?:ing)? refuge|sought shelter|seeking shelter|sought asylum"
    )),
    ("retreat", _rx(
        r"retreat\w*|withdr[ae]w\w*|withdrawal|pulled out|pull(?:ing|s)? out|abandon\w*|evacuat\w*|vacat\w*"
        r"|left (?:their|the) (?:posts|positions|bases|checkpoints|base|district|area)"
    )),
    ("surrender", _rx(
        r"surrender\w*|laid down (?:their )?(?:arms|weapons)|lay(?:ing)? down (?:their )?(?:arms|weapons)|"
        r"gave up (?:their )?(?:arms|weapons)|defect\w*|switched sides"
    )),
    ("suicide", _rx(r"suicide|self-detonat\w*|SVBIED|suicide bomb\w*")),
    # A bomb that went off early, or one found and defused, is a disrupted weapons use, not an attack.
    ("disrupted", _rx(
        r"prematurely (?:explod|detonat)\w*|premature (?:explosion|detonation|blast)|(?:exploded|detonated|went off) "
        r"prematurely|accidentally (?:explod|detonat)\w*|(?:while|when) (?:planting|making|placing|transporting|"
        r"assembling|preparing|laying|building) (?:an? |the |their )?(?:IED|bomb|mine|explosive)s?|defus\w*|"
        r"(?:discovered|found) and (?:defused|neutrali[sz]ed|destroyed)|detonation:|"
        r"(?:by|with) (?:his|their|its) own (?:bomb|mine|IED|explosive)s?|shot down|"
        r"(?:when|while) (?:transferring|transporting|carrying|handling) (?:his|their|an?|the) (?:own )?"
        r"(?:IED|bomb|mine|explosive)s?"
    )),
    ("air", _rx(
        r"air ?strikes?|airstrikes?|air raids?|air attacks?|air-strikes?|drone (?:strike|attack)s?|drones?|"
        r"aerial (?:bombardment|attack|strike|bombing)s?|bombard\w*|warplanes?|(?:fighter )?jets?|gunships?|"
        r"(?:military |army |air force )?(?:aircraft|helicopters?|planes?)|"
        r"airstrike|air and drone strikes|B-52s?|bomb(?:ed|ing)? from the air"
    )),
    ("grenade", _rx(r"grenades?")),
    ("shelling", _rx(
        r"mortars?|rockets?|artillery|shell(?:s|ed|ing)|missiles?|RPGs?|rocket-propelled grenades?|Katyusha|"
        r"pound(?:ed|ing)"
    )),
    ("explosive", _rx(
        r"IEDs?|improvised explosive\w*|roadside (?:bomb|mine)s?|landmines?|land mines?|mines?|magnetic (?:bomb|mine)s?"
        r"|sticky bombs?|explosive devices?|bomb blasts?|blasts?|explosions?|explod\w*|detonat\w*|car bombs?|"
        r"bombs?|bombing|bombed|VBIED|booby-?trap\w*"
    )),
    ("abduction", _rx(r"abduct\w*|kidnap\w*|hostages?|taken captive|took captive|forcibly disappeared|held captive")),
    ("sexual", _rx(r"raped|rape|rapes|raping|sexual(?:ly)? (?:assault|violence|abuse)\w*")),
    ("arrest", _rx(r"arrest\w*|detain\w*|apprehend\w*|taken into custody|captured alive|taken prisoner|took prisoner")),
    ("weapons", _rx(
        r"defus\w*|(?:seized|confiscated|recovered|discovered|found) (?:a |an |the )?(?:large )?(?:quantity of |cache of )?"
        r"(?:weapons|arms|ammunition|explosives|IEDs?|mines?|munitions)|weapons cache|arms cache|confiscat\w*|"
        r"dismantl\w*|cleared (?:\d+ )?(?:IEDs|mines)"
    )),
    ("property", _rx(
        r"loot\w*|torch\w*|set (?:on )?fire|set ablaze|burn(?:ed|t) down|arson|vandali\w*|"
        r"destroy\w* (?:\d+ )?(?:homes|houses|schools?|shops|buildings|property|clinics?|bridges?|towers?|"
        r"telecommunication\w*|vehicles?)"
    )),
    ("displacement", _rx(
        r"displac\w*|fled their homes|IDPs|forced to flee|flee(?:ing)? their homes|left their homes|"
        r"fled (?:the|their) villages?"
    )),
    ("camp", _rx(
        r"(?:set up|setting up|established|establish(?:ing)?|built|building|erected|opened) (?:a |an |the )?(?:new )?"
        r"(?:tent )?(?:camps?|bases?|headquarters|refugee camps?|military base)"
    )),
    ("mobilization", _rx(
        r"took up arms|take up arms|taking up arms|recruit\w*|mobiliz\w*|mobilis\w*|armed themselves|uprising|"
        r"formed (?:a )?militias?|distribut\w* (?:weapons|arms)|joined the fight|reinforcements?|deployed|"
        r"(?:sent|dispatched) (?:more |additional |\d+ )?(?:troops|forces|soldiers|reinforcements|commandos)"
    )),
    ("agreement", _rx(r"ceasefire|cease-fire|truce|peace deal|agreement|prisoner (?:exchange|swap)|deal")),
    ("diplomacy", _rx(
        r"talks|negotiat\w*|met with|phone call|summit|delegation"
    )),
    ("protest", _rx(r"protest\w*|demonstrat\w*|rall(?:y|ies|ied)|marched|marching|sit-ins?|picket\w*|motorcades?|"
                    r"hunger strikes?|(?:went|go|goes|going|are|were|is|was) on strike|strikers")),
    ("riot", _rx(r"riot\w*|mob")),
    ("kill", _rx(
        r"kill(?!ers?\b)\w*|dead|died|deaths?|massacr\w*|execut\w*|behead\w*|gunned down|assassinat\w*|lynch\w*|"
        r"lost their lives|martyred|slain|shot|wounded|injured|casualt\w*"
    )),
    ("clash", _rx(
        r"clash\w*|fights?|fighting|fought|attack\w*|ambush\w*|battl\w*|gunfights?|firefights?|offensives?|"
        r"operations?|raid\w*|storm\w*|assault\w*|engag\w*|repel\w*|repuls\w*|skirmish\w*|exchange of fire|"
        r"opened fire|gun ?battles?|besieg\w*|siege|encircl\w*|counter-?attack\w*|counter-?offensive|targeted|"
        r"stormed|overwhelm\w*|push(?:ed)? (?:into|toward)|advanc\w*|hostilities|violence|fighting|"
        r"fired (?:on|at|upon|into|shots|with)|firing (?:on|at|upon|into|shots)|gunfire|shootings?|shoot-?outs?|"
        r"exchanged fire"
    )),
)

CONTROL_FAMILIES = frozenset({"regain", "lose", "surrender_place", "capture", "flee", "retreat", "surrender"})
VIOLENCE_FAMILIES = frozenset(
    {"suicide", "air", "grenade", "shelling", "explosive", "kill", "clash", "abduction", "sexual", "disrupted"}
)

# Words that make a family match meaningless in context.
_MINE_CONTEXT = re.compile(r"\b(explo|blast|planted|struck|hit|roadside|land)", re.IGNORECASE)
_NOT_AN_EVENT = re.compile(
    r"^(?:mines?)$",  # "mines" (mining) is kept only with an explosive context, see below
    re.IGNORECASE,
)


def find_triggers(text: str, offset: int = 0) -> list[Trigger]:
    """All trigger words in a sentence, earliest first; a span claimed by a family listed earlier is not
    claimed again by a later family (so "suicide bomber" is not also an explosive)."""
    taken: list[tuple[int, int]] = []
    found: list[Trigger] = []
    for family, pattern in FAMILIES:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            word = m.group(0)
            if family == "explosive" and _NOT_AN_EVENT.match(word) and not _MINE_CONTEXT.search(text):
                continue
            taken.append((s, e))
            found.append(Trigger(family, s + offset, e + offset, word))
    found.sort(key=lambda t: t.start)
    return found

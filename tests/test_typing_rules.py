"""The rules' sub-event type of events told in one or two sentences (written for these tests): who did the
violence (a crowd, armed men, the police), what a demonstration was about against what happened at it, and what
the sentences after a demonstration say was done to it. The default model is switched off: these are the rules."""

from __future__ import annotations

import pytest

from contested.pipeline import extract_text
from contested.typing_model import DEFAULT_ENV


def first_type(text: str) -> str:
    events = extract_text(text, published="2020-05-10")
    return events[0].acled_sub_event_type if events else "(none)"


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    monkeypatch.setenv(DEFAULT_ENV, "off")


@pytest.mark.parametrize("text, expected", [
    # A crowd's violence with no demonstration told is mob violence; armed men's is an attack or a clash.
    ("On Monday, villagers pelted stones at police officers who were enforcing the curfew in Herat.", "Mob violence"),
    ("On Monday, villagers attacked a police team in Herat.", "Mob violence"),
    ("On Monday, members of two rival parties clashed in Herat.", "Mob violence"),
    ("On Monday, a clash between two groups of villagers over water left five injured in Herat.", "Mob violence"),
    ("On Monday, residents beat up a suspected thief in Herat.", "Mob violence"),
    ("On Monday, police beat a street vendor in Herat for breaking the curfew.", "Attack"),
    ("On Monday, gunmen tortured a shopkeeper in Herat.", "Attack"),
    ("On Monday, gunmen shot dead the owner of a shop in Herat.", "Attack"),
    # Civilians killed in fighting between armed sides: still the fight.
    ("On Monday, army troops and rebels exchanged fire in Herat, and two civilians were wounded.", "Armed clash"),
    # Heavy weapons fired while both sides fight, or answered: the fight.
    ("On Monday, rebels shelled army positions near Herat. Soldiers fired back.", "Armed clash"),
    ("On Monday, rebels shelled army positions near Herat.", "Shelling/artillery/missile attack"),
])
def test_who_did_the_violence(text, expected):
    assert first_type(text) == expected


@pytest.mark.parametrize("text, expected", [
    # What the crowd protests about is not what happened at the protest.
    ("On Monday, students protested in Herat against the arrest of their teacher.", "Peaceful protest"),
    ("On Monday, students protested in Herat against the attack on their school.", "Peaceful protest"),
    ("On Monday, protesters gathered in Herat against the detention of people involved in riots.",
     "Peaceful protest"),
    # What the sentences after it say was done to it, or by it.
    ("On Monday, traders protested in Herat against new taxes. Police dispersed them with a baton charge.",
     "Protest with intervention"),
    ("On Monday, traders protested in Herat against new taxes. Rioters burned tyres and threw stones.",
     "Violent demonstration"),
    ("On Monday, traders protested in Herat, demanding the release of a colleague. He was arrested last week.",
     "Peaceful protest"),
    # Words that make a demonstration only with a demand in the sentence.
    ("On Monday, hundreds of workers gathered outside the governor's office in Herat, demanding unpaid wages.",
     "Peaceful protest"),
    ("On Monday, hundreds of migrant workers blocked the highway near Herat, demanding to go home.",
     "Peaceful protest"),
])
def test_what_happened_at_a_demonstration(text, expected):
    assert first_type(text) == expected


def test_patrols_and_decrees_are_changes_of_activity():
    assert first_type("On Monday, foreign troops conducted a joint patrol near Herat.") == "Change to group/activity"
    assert first_type("On Monday, the governor imposed a 24-hour curfew on Herat.") == "Change to group/activity"


@pytest.mark.parametrize("text, expected", [
    # A retreat or flight told with the fighting is part of the fight; alone, a transfer.
    ("On Monday, soldiers repelled an attack on their post in Herat, and the attackers fled.", "Armed clash"),
    ("On Monday, the attackers fled from Herat.", "Non-violent transfer of territory"),
    # A seizure of things that are no weapons is looting; of weapons, disrupted weapons use.
    ("On Monday, gunmen seized a truck carrying food near Herat.", "Looting/property destruction"),
    ("On Monday, soldiers seized a large quantity of weapons near Herat.", "Disrupted weapons use"),
    # People captured, wherever: no capture of territory.
    ("On Monday, soldiers captured 2 rebels on the front near Herat.", "Arrests"),
    # Excessive force is lethal force on a crowd that did no violence.
    ("On Monday, police shot dead two protesters during a peaceful march in Herat.",
     "Excessive force against protesters"),
    ("On Monday, two protesters were injured when police dispersed a march in Herat.", "Protest with intervention"),
    ("On Monday, police shot dead two protesters who were throwing stones in Herat.", "Violent demonstration"),
])
def test_strategic_and_lethal_neighbours(text, expected):
    assert first_type(text) == expected


@pytest.mark.parametrize("text, expected", [
    # The object of the verb says whom it was done to; "at a checkpoint" is where.
    ("On Monday, soldiers killed a shopkeeper at a checkpoint in Herat.", "Attack"),
    ("On Monday, gunmen fired at a police checkpoint in Herat.", "Armed clash"),
    # Who a participle harmed was the target ("opened fire on the area, injuring a child").
    ("On Monday, gunmen opened fire on a neighbourhood of Herat, injuring a child.", "Attack"),
    ("On Monday, rebels attacked an army post in Herat, killing three soldiers.", "Armed clash"),
    # Police fighting unarmed people: a riot, not a battle between armed groups.
    ("On Monday, a clash erupted between police and shopkeepers in Herat after police slapped a shopkeeper.",
     "Mob violence"),
    ("On Monday, fruit sellers clashed with police officers in Herat.", "Mob violence"),
    ("On Monday, police clashed with Taliban fighters in Herat.", "Armed clash"),
])
def test_targets_from_the_parse(text, expected):
    assert first_type(text) == expected


@pytest.mark.parametrize("text, expected", [
    # The weapon named decides among the remote-violence types.
    ("On Monday, army troops used artillery to bombard rebel positions near Herat.", "Shelling/artillery/missile attack"),
    ("On Monday, warplanes bombarded rebel positions near Herat.", "Air/drone strike"),
    ("On Monday, the military bombed militant hideouts near Herat.", "Air/drone strike"),
    ("On Monday, militants bombed a bus station in Herat, killing four.", "Remote explosive/landmine/IED"),
    # An explosive named as the means of an attack.
    ("On Monday, militants targeted an army vehicle with an IED near Herat, killing two soldiers.",
     "Remote explosive/landmine/IED"),
    ("On Monday, rebels attacked a checkpoint near Herat with machine guns.", "Armed clash"),
])
def test_remote_violence_by_weapon(text, expected):
    assert first_type(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Prisoners set free: ACLED's strategic development "Other".
    ("On Monday, the government released 98 prisoners from the central prison in Herat.", "Other"),
    ("On Monday, 52 soldiers were released from rebel prisons in Herat.", "Other"),
    # A hostage freed after an abduction stays with the abduction.
    ("On Monday, gunmen abducted a trader in Herat and freed him after a ransom was paid.",
     "Abduction/forced disappearance"),
])
def test_releases(text, expected):
    assert first_type(text) == expected


def test_actor_class_in_patterns_names_no_group():
    """Regain patterns name a class of actor ('@rebels'), expanded from the actor dictionary's names of that class;
    the table itself names no group."""
    import json
    from importlib import resources

    from contested.families import FAMILY_TABLE, actor_class_names
    from contested.triggers import find_triggers

    raw = resources.files("contested").joinpath("data/families.json").read_text(encoding="utf-8")
    families = json.loads(raw)["families"]
    assert not any("taliban" in json.dumps(f["patterns"]).lower() for f in families)
    assert "taliban" in actor_class_names(("rebels",))
    assert not {"police", "army", "soldiers"} & set(actor_class_names(("rebels",)))
    assert FAMILY_TABLE.by_name("regain")
    for text in ("Troops pushed the Taliban out of the town.", "Troops pushed the insurgents back.",
                 "Government forces cleared the district of Islamic State on Monday."):
        assert [t.family for t in find_triggers(text)] == ["regain"], text
    assert [t.family for t in find_triggers("The district came under insurgent control.")] == ["capture"]


@pytest.mark.parametrize("text, expected", [
    # A group that shoots is armed: an attack, not mob violence.
    ("On Monday, an unidentified group shot dead a local party leader near his house in Herat.", "Attack"),
    ("On Monday, a group of villagers beat a suspected thief in Herat.", "Mob violence"),
    ("On Monday, residents burnt tires in Herat to demand that electricity be restored.", "Violent demonstration"),
    # Bombs dropped are dropped from the air.
    ("On Monday, a military helicopter flew over rebel camps near Herat, dropping light bombs.", "Air/drone strike"),
    # Joining an armed group is a change to a group's activity.
    ("On Monday, 35 soldiers and policemen joined the Taliban in Herat.", "Change to group/activity"),
    ("On Monday, the governor declared the imposition of a three day comprehensive curfew in Herat.",
     "Change to group/activity"),
])
def test_more_codebook_distinctions(text, expected):
    assert first_type(text) == expected


def test_how_many_is_no_grievance():
    """"of" after a noun that counts a crowd names its people ("dozens of rioters"); after other nouns it may
    name what the crowd is about ("the release of detainees")."""
    from contested.nlp import load_nlp
    from contested.stages.event_types import _grievance

    doc = load_nlp()("Clashes erupted between dozens of rioters and soldiers, as crowds demanded the release of detainees.")
    word = {t.lower_: t for t in doc}
    assert not _grievance(word["rioters"])
    assert _grievance(word["detainees"])


def first_kind(text: str) -> str:
    events = extract_text(text, published="2020-05-10")
    return events[0].type if events else "(none)"


@pytest.mark.parametrize("text, expected", [
    # An arrest or displacement verb says what happened when the violence words hang on it: its "in"/"during"
    # phrase, its object's relative clause, its "for" phrase, its subject (the cause).
    ("On Monday, police in Herat detained eleven traders during raids on the central market.", "arrest"),
    ("On Monday, police in Herat detained three reporters who had been photographing the burned houses.", "arrest"),
    ("On Monday, police in Herat arrested six students for sharing videos of the offensive.", "arrest"),
    ("On Monday, the fighting displaced some 4,000 families from Gereshk.", "displacement"),
    ("On Monday, the clashes drove some 2,000 villagers from their homes in Gereshk.", "displacement"),
    ("Heavy shelling has driven thousands of families out of Gereshk since Monday.", "displacement"),
    # A displacement word inside the arrest's object's clause is what the people arrested were doing.
    ("On Monday, police in Herat detained a photographer who had been filming displaced families at the camp.",
     "arrest"),
    # Violence told as what came before the arrest, or as a verb of its own, stays the violence.
    ("On Monday, police arrested five men in Herat after clashes with rebels.", "armed_clash"),
    ("On Monday, soldiers killed two rebels in Herat and arrested five others.", "armed_clash"),
    # People arrested during a military operation are its toll: ACLED codes the operation.
    ("On Monday, five rebels were arrested during army operations in Gereshk.", "armed_clash"),
])
def test_main_verb_tells_the_event(text, expected):
    assert first_kind(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "take back" is a regain, as a phrase or as the verb with its particle read from the parse.
    ("On Monday, government forces took back control of Gereshk from the rebels.", "territory_regained"),
    ("On Monday, they took the town of Gereshk back.", "territory_regained"),
    # Beheading or executing people already held is one-sided violence, whoever the victims; a fight stays one.
    ("On Monday, rebels beheaded a soldier in Gereshk.", "killing"),
    ("On Monday, militants executed two captured policemen in Gereshk.", "killing"),
    ("On Monday, rebels and soldiers fought in Gereshk, and two rebels were killed.", "armed_clash"),
    # An air force's strike or raid is from the air.
    ("On Monday, an air force strike on a rebel camp near Gereshk killed nine fighters.", "air_strike"),
    ("On Monday, air force raids on rebel positions near Gereshk killed nine fighters.", "air_strike"),
])
def test_phrases_of_control_and_violence(text, expected):
    assert first_kind(text) == expected


def test_taking_back_no_place_is_no_event():
    assert first_kind("On Monday, the family took back the bodies of the victims from the hospital in Herat.") == "(none)"


@pytest.mark.parametrize("text, expected", [
    # An explosive word that names no weapon ("exploded") takes the weapon the sentence names beside it.
    ("On Monday, a hand grenade exploded in the market of Herat, wounding two civilians.", "Grenade"),
    ("On Monday, a mortar shell exploded near a school in Herat, injuring a child.", "Shelling/artillery/missile attack"),
    ("On Monday, monitors recorded 40 explosions assessed as artillery rounds near Herat.",
     "Shelling/artillery/missile attack"),
    ("On Monday, an IED exploded near a police vehicle in Herat, killing two policemen.",
     "Remote explosive/landmine/IED"),
    # A grenade fired from a launcher is no hand grenade.
    ("On Monday, rebels fired RPG grenades and machine guns at army posts in Herat.", "Armed clash"),
    # A bomb thrown by hand is ACLED's grenade; a petrol bomb is not.
    ("On Monday, two men on a motorcycle threw a bomb into a police compound in Herat.", "Grenade"),
    ("On Monday, a bomb was thrown at a military truck in Herat, wounding a soldier.", "Grenade"),
    # The explosive that did it, named after "with", "using", or stepped on.
    ("On Monday, rebels attacked a military convoy with mines near Herat.", "Remote explosive/landmine/IED"),
    ("On Monday, rebels carried out a mine attack against a police patrol near Herat.",
     "Remote explosive/landmine/IED"),
    ("On Monday, rebels ambushed eight policemen near Herat using landmines.", "Remote explosive/landmine/IED"),
    ("On Monday, rebels attacked a convoy of army trucks with remote-controlled explosives near Herat.",
     "Remote explosive/landmine/IED"),
    ("On Monday, a farmer was killed when he stepped on a landmine near his field in Herat.",
     "Remote explosive/landmine/IED"),
])
def test_weapon_words_decide_remote_violence(text, expected):
    assert first_type(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Flight caused by the weapons fired is the shelling; a flight told with the fight as its cause stays a flight.
    ("On Monday, the army fired artillery rounds at three villages near Herat and forced residents to flee.",
     "Shelling/artillery/missile attack"),
    ("On Monday, the fighting forced thousands of residents to flee Herat.", "Other"),
    # Entering by force to take people: the taking is the event.
    ("On Monday, soldiers stormed the village of Kamba near Herat and arrested four youths.", "Arrests"),
    ("On Monday, police raided the offices of a newspaper in Herat and detained four journalists.", "Arrests"),
    ("On Monday, gunmen stormed a house in Herat, kidnapping five brothers.", "Abduction/forced disappearance"),
    ("On Monday, police raided a hideout in Herat, killing three gunmen.", "Armed clash"),
    # A demonstration that only describes the people taken: the arrest or abduction.
    ("On Monday, a photographer was detained by police in Herat while he was covering the protests in the town.",
     "Arrests"),
    ("On Monday, 55 people were arrested in Herat for participating in protests against the governor.", "Arrests"),
    ("On Monday, three activists who had helped organise the protests were abducted by men in unmarked cars in Herat.",
     "Abduction/forced disappearance"),
    ("On Monday, police arrested 20 protesters during a demonstration in Herat.", "Protest with intervention"),
    # Lynching is a crowd's violence; a crowd armed with sticks is still a crowd; armed men attacking property.
    ("On Monday, a man was lynched by residents in Herat after he was accused of theft.", "Mob violence"),
    ("On Monday, villagers armed with sticks attacked two men suspected of theft in Herat, killing one.",
     "Mob violence"),
    ("On Monday, unidentified armed men attacked the offices of a mining company in Herat.", "Attack"),
    # Trees cut down, small arms fire exchanged.
    ("On Monday, settlers cut down dozens of olive trees belonging to farmers near Herat.",
     "Looting/property destruction"),
    ("On Monday, government and rebel forces exchanged small arms fire near Herat.", "Armed clash"),
])
def test_what_the_parse_says_was_done(text, expected):
    assert first_type(text) == expected

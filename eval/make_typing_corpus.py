"""Write the project's own training corpus for the default sub-event type model.

    python eval/make_typing_corpus.py            # writes src/contested/data/typing_corpus.jsonl
    python eval/train_default_typing.py          # fits the shipped model on it

Every sentence below was written for this project, from ACLED's public codebook definitions of its 25 sub-event
types (summarised in ../shared/contract/taxonomy.md) and general knowledge of how wire reports and event notes
are phrased; none is taken, paraphrased or mined from any data set. Templates carry slots (places, actors, dates,
numbers) filled from invented or generic lists with a fixed seed, so the file is the same on every run. Neighbouring
types are written side by side on purpose (a peaceful protest, one dispersed by police, one fired on, a riot; an
attack on civilians and a clash between armed groups; an arrest and an abduction; looting and arson) so that the
model learns what tells them apart rather than which words come with protests at all. A share of the sentences
(TAIL_SHARE) end with a closing line of the kind notes end with ("No fatalities were reported."), drawn the same for
every type, so that such lines carry no weight.

Licence: the corpus is part of the project and under the project's licence.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "contested" / "data" / "typing_corpus.jsonl"
PER_TEMPLATE = 3
TAIL_SHARE = 0.3
SEED = 20261123

SLOTS: dict[str, list[str]] = {
    "date": ["On 4 May", "On 12 March", "On Tuesday", "On Friday night", "On 27 January 2021", "Late on Sunday",
             "On the morning of 9 June", "Early on Wednesday", "On 18 October", "Overnight on 2 August",
             "On Saturday", "On 30 November 2019", "On Monday evening", "On 15 April 2020", "On 21 September"],
    "place": ["Maiduguri", "Goma", "Kismayo", "Idlib", "Marawi", "Mopti", "Cox's Bazar", "Quetta", "Kandahar",
              "Mosul", "Bamenda", "Tripoli", "Sanaa", "Taiz", "Beni", "Gao", "Ouagadougou", "Kaduna", "Baidoa",
              "Mandalay", "Sagaing", "Lahore", "Peshawar", "Karachi", "Dhaka", "Chittagong", "Kathmandu",
              "Lima", "Bogota", "Cali", "Medellin", "Caracas", "Santiago", "La Paz", "Quito", "Port-au-Prince",
              "Tegucigalpa", "Guatemala City", "Mexico City", "Culiacan", "Juarez", "Nairobi", "Kisumu",
              "Mombasa", "Addis Ababa", "Mekelle", "Khartoum", "El Fasher", "Juba", "Bangui", "Bujumbura",
              "Kampala", "Harare", "Lusaka", "Maputo", "Pemba", "Cabo Delgado", "Johannesburg", "Durban",
              "Lagos", "Port Harcourt", "Abuja", "Accra", "Dakar", "Conakry", "Bamako", "Niamey", "Diffa",
              "Tunis", "Algiers", "Cairo", "Beirut", "Baghdad", "Basra", "Erbil", "Deir ez-Zor", "Raqqa", "Daraa",
              "Hebron", "Gaza City", "Nablus", "Tehran", "Ahvaz", "Kabul", "Jalalabad", "Herat", "Srinagar",
              "Manipur", "Chhattisgarh", "Colombo", "Jaffna", "Yangon", "Bangkok", "Pattani", "Manila",
              "Cotabato", "Jakarta", "Papua", "Hong Kong", "Minsk", "Kyiv", "Donetsk", "Tbilisi", "Yerevan",
              "Stepanakert", "Paris", "Athens", "Belgrade", "Istanbul", "Diyarbakir", "Aden", "Marib", "Hodeidah",
              "Benghazi", "Sirte", "Misrata", "Mogadishu", "Galkayo", "Kinshasa", "Bunia", "Uvira", "Kidal",
              "Timbuktu", "Djibo", "Fada N'Gourma", "Zamfara", "Katsina", "Benue", "Jos", "Makurdi"],
    "armed": ["gunmen", "militants", "suspected Islamist militants", "unidentified armed men", "rebels",
              "fighters of an armed group", "insurgents", "members of a communal militia", "bandits",
              "armed assailants", "suspected al-Shabaab militants", "ISWAP fighters", "suspected ADF rebels",
              "JNIM militants", "Houthi forces", "a local armed group", "suspected cartel gunmen",
              "dissident FARC fighters", "NPA rebels", "Arakan Army fighters", "PDF fighters", "Taliban fighters",
              "ethnic militia members", "masked gunmen", "members of a vigilante group", "armed herders"],
    "state": ["soldiers", "security forces", "government troops", "the army", "police", "military forces",
              "the national army", "special forces", "gendarmes", "police officers", "army troops",
              "the armed forces", "military personnel", "federal forces", "border guards", "riot police",
              "counter-terrorism police", "the military", "paramilitary forces", "national guard troops"],
    "civ": ["a civilian", "a farmer", "a teacher", "a local journalist", "a village chief", "a shopkeeper",
            "two civilians", "three villagers", "a woman and her son", "a motorcycle taxi driver", "a trader",
            "a health worker", "a local councillor", "a priest", "an imam", "a schoolboy", "four farmers",
            "a displaced man", "a human rights activist", "a community leader", "a fisherman", "a bus driver",
            "a pregnant woman", "two herders", "a student", "an aid worker", "a tribal elder", "a businessman"],
    "n": ["two", "three", "four", "five", "six", "seven", "eight", "10", "12", "15", "20", "several", "dozens of",
          "at least 11", "around 30", "more than 40", "nine", "14", "about 25"],
    "crowd": ["residents", "students", "traders", "teachers", "health workers", "farmers", "workers",
              "supporters of the opposition party", "women", "market vendors", "taxi drivers", "university students",
              "members of a trade union", "displaced people", "youths", "lawyers", "doctors and nurses",
              "motorcycle taxi drivers", "families of missing persons", "retired soldiers", "miners",
              "civil society activists", "members of the teachers' union", "unemployed graduates", "fishermen"],
    "issue": ["to demand unpaid salaries", "against rising fuel prices", "over the coronavirus lockdown",
              "against police brutality", "calling for the release of detained activists", "over water shortages",
              "over power cuts", "against the results of the election", "to demand better security",
              "against the killing of a local man", "against corruption", "over land rights",
              "to call for the resignation of the governor", "against a new tax", "over delayed wages",
              "against the closure of a market", "to denounce insecurity in the region",
              "against the arrest of a union leader", "to demand justice for a murdered student",
              "over the lack of food aid", "against the construction of a dam", "in support of the president",
              "against gender-based violence", "over the high cost of living", "against a mining project"],
    "party": ["the ruling party", "the main opposition party", "a separatist movement", "the government",
              "a rebel coalition", "the transitional council", "an armed group", "the federal government",
              "tribal leaders", "two rival militias"],
}


def fill(template: str, rng: random.Random) -> str:
    def one(m: re.Match) -> str:
        return rng.choice(SLOTS[m.group(1)])

    text = re.sub(r"\{(\w+)\}", one, template)
    text = re.sub(r"\s+", " ", text).strip()
    return text[0].upper() + text[1:]


T: dict[str, list[str]] = {}

T["Peaceful protest"] = [
    "{date}, {crowd} staged a peaceful protest in {place} {issue}.",
    "{date}, hundreds of {crowd} marched through the streets of {place} {issue}.",
    "{crowd} held a sit-in outside the governor's office in {place} {issue}.",
    "{date}, {crowd} gathered in front of the parliament in {place} {issue}. The demonstration ended peacefully.",
    "A peaceful demonstration was held in {place} {date} by {crowd} {issue}.",
    "{date}, {crowd} demonstrated in {place} {issue}, carrying placards and chanting slogans.",
    "{crowd} in {place} went on strike and rallied at the town hall {issue}.",
    "{date}, a group of {crowd} protested in {place} {issue}. No incidents were reported.",
    "{date}, {crowd} blocked a main road in {place} for several hours {issue}, before leaving peacefully.",
    "Thousands of {crowd} rallied in {place} {date} {issue}.",
    "{date}, {crowd} held a vigil in {place} {issue}.",
    "{crowd} marched peacefully to the district office in {place} and submitted a petition {issue}.",
    "{date}, {crowd} staged a demonstration in {place} {issue}, observing social distancing rules.",
    "A small group of {crowd} protested outside the ministry in {place} {issue}.",
    "{date}, {crowd} held a hunger strike in {place} {issue}.",
    "{date}, {crowd} in {place} boycotted classes and protested {issue}.",
    "Demonstrators gathered in the central square of {place} {date} {issue}; police monitored the rally.",
    "{date}, {crowd} held a car rally in {place} {issue}.",
    "{date}, {crowd} protested in {place} {issue}. The protest was organised by a local association.",
    "{crowd} staged a silent march in {place} {issue}.",
    "{date}, protesters from {crowd} demonstrated outside the court in {place} {issue}.",
    "{date}, {crowd} held a press conference and a protest in {place} {issue}.",
    "Supporters of {party} held a rally in {place} {date}.",
    "{date}, {crowd} took part in a protest motorcade in {place} {issue}.",
    "{date}, {crowd} protested outside the embassy in {place} {issue}.",
    "{date}, {crowd} protested in {place} against the arrest of their leader and demanded his release.",
    "{date}, {crowd} demonstrated in {place} against the killing of a student by police; the march was peaceful.",
    "{date}, {crowd} protested in {place} to condemn the abduction of a local chief.",
    "{date}, {crowd} rallied in {place} to denounce the rape of a young girl and demand justice.",
    "{date}, {crowd} staged a protest in {place} against the attack on their village last week.",
    "{date}, {crowd} protested in {place} {issue}; police were present but did not intervene.",
    "{date}, around 200 {crowd} gathered peacefully in {place} {issue}.",
    "{date}, {crowd} protested in {place} against police violence and the detention of protesters.",
    "{date}, {crowd} held a demonstration in {place} condemning the bombing of a market.",
    "{date}, {crowd} went on strike in {place} {issue} and held a rally outside the company.",
    "{date}, {crowd} protested in {place} to demand the release of {n} people held by the army.",
    "{date}, {crowd} in {place} banged pots and pans from their balconies {issue}.",
    "{date}, {crowd} marched to the police station in {place} to protest the killing of a young man.",
    "{date}, {crowd} demonstrated in {place} to demand an investigation into the death of a detainee.",
    "{date}, {n} {crowd} protested outside the hospital in {place} {issue}.",
    "{date}, {crowd} held a protest in {place} against violence by armed groups in the region.",
    "{date}, {crowd} organised a peaceful march in {place} against the shooting of a taxi driver.",
]

T["Protest with intervention"] = [
    "{date}, police fired tear gas to disperse {crowd} protesting in {place} {issue}.",
    "{date}, {crowd} protested in {place} {issue}. Police dispersed the demonstrators with water cannon.",
    "Riot police broke up a peaceful protest by {crowd} in {place} {date} and arrested {n} people.",
    "{date}, security forces dispersed a demonstration of {crowd} in {place} {issue}, using batons.",
    "{date}, {crowd} gathered in {place} {issue}; police arrested {n} protesters for violating the ban on gatherings.",
    "{date}, police used rubber bullets and tear gas to break up a march by {crowd} in {place}.",
    "{crowd} who were protesting peacefully in {place} {issue} were dispersed by police {date}.",
    "{date}, {n} demonstrators were detained when police broke up a rally of {crowd} in {place}.",
    "{date}, police in {place} blocked a march by {crowd} {issue} and detained its organisers.",
    "{date}, soldiers fired warning shots in the air to disperse {crowd} protesting in {place} {issue}.",
    "{date}, {crowd} held a sit-in in {place} {issue}; security forces forcibly removed them and detained several.",
    "Police used pepper spray to disperse {crowd} staging a protest in {place} {date}.",
    "{date}, a protest by {crowd} in {place} {issue} was broken up by riot police, who arrested {n} participants.",
    "{date}, police in {place} used tear gas on {crowd} who had gathered {issue}. A few people were lightly injured.",
    "Authorities dispersed {crowd} demonstrating in {place} {date} {issue}, and arrested the protest leaders.",
    "{date}, police beat and dispersed {crowd} peacefully protesting in {place} {issue}; {n} were detained.",
    "{date}, security forces fired rubber bullets to disperse {crowd} in {place} {issue}, injuring two.",
    "{date}, gendarmes dispersed a gathering of {crowd} in {place} and arrested {n} of them.",
    "{date}, {crowd} marched in {place} {issue}. Police intervened and fired tear gas canisters.",
    "{date}, police cordoned off the square in {place} and detained {n} {crowd} who tried to protest {issue}.",
    "{date}, police stopped a protest by {crowd} in {place}, citing coronavirus restrictions, and detained organisers.",
    "{date}, {crowd} protested in {place} {issue} before police used water cannon to break up the crowd.",
    "{date}, {crowd} protested in {place} {issue}. Police arrested {n} protesters.",
    "{date}, police prevented {crowd} from marching in {place} and detained several of them.",
    "{date}, {crowd} gathered in {place} {issue}, but police intervened and took {n} people to the police station.",
    "{date}, police fined and detained {n} {crowd} protesting in {place} in breach of the lockdown.",
    "{date}, {crowd} staged a sit-in in {place} {issue}; police forcibly removed them from the square.",
    "{date}, police in {place} confiscated banners and detained {crowd} who were protesting {issue}.",
    "{date}, {crowd} protested in {place} {issue}; police charged at the crowd with batons and dispersed it.",
    "{date}, {n} protesters were detained in {place} when {crowd} demonstrated {issue}.",
    "{date}, a peaceful protest of {crowd} in {place} was dispersed by security forces, who fired tear gas.",
    "{date}, police broke up a gathering of {crowd} in {place} and arrested them for violating the curfew.",
    "{date}, soldiers dispersed {crowd} demonstrating in {place} {issue}.",
    "{date}, police surrounded protesting {crowd} in {place} and detained the organisers.",
    "{date}, {crowd} protesting peacefully in {place} were arrested by police.",
    "{date}, riot police dispersed {crowd} in {place} with tear gas and stun grenades.",
    "{date}, police intervened to stop a march by {crowd} in {place}, detaining {n} people.",
    "{date}, police used force to disperse {crowd} protesting in {place} {issue}.",
    "{date}, {crowd} protested in {place} {issue}. The police dispersed them and arrested a few.",
    "{date}, {crowd} tried to march in {place} {issue} but were stopped and dispersed by the police.",
    "{date}, the police arrested {n} activists during a protest in {place} {issue}.",
]

T["Excessive force against protesters"] = [
    "{date}, security forces opened fire on {crowd} protesting peacefully in {place} {issue}, killing {n} people.",
    "{date}, police shot dead a protester during a peaceful demonstration of {crowd} in {place}.",
    "{date}, soldiers fired live ammunition at unarmed demonstrators in {place}, killing two and wounding several.",
    "{date}, a peaceful protester was killed in {place} when police fired on {crowd} demonstrating {issue}.",
    "Police beat {crowd} protesting peacefully in {place} {date}, leaving {n} seriously injured in hospital.",
    "{date}, troops fired into a crowd of peaceful demonstrators in {place}, killing a student.",
    "{date}, security forces used live rounds against {crowd} in {place} {issue}; {n} protesters died.",
    "{date}, a demonstrator was shot in the head by police during a peaceful march in {place} and died later.",
    "{date}, {crowd} protested peacefully in {place} {issue}. Police opened fire, killing one protester.",
    "{date}, soldiers killed {n} unarmed protesters in {place} who had gathered {issue}.",
    "{date}, a teenage protester died after being beaten by police at a peaceful rally in {place}.",
    "Police fired live bullets at a peaceful sit-in of {crowd} in {place} {date}, killing {n} and injuring dozens.",
    "{date}, security forces fatally shot a man taking part in a peaceful protest in {place} {issue}.",
    "{date}, plainclothes officers opened fire on {crowd} marching peacefully in {place}; a protester was killed.",
    "{date}, peaceful demonstrators in {place} were fired upon by soldiers; {n} were killed and many wounded.",
    "{date}, police in {place} shot and killed a woman during a peaceful demonstration {issue}.",
    "{date}, a protester lost an eye and another was critically wounded when police fired at close range on a peaceful rally in {place}.",
    "{date}, pro-government militiamen attacked a peaceful protest of {crowd} in {place} with knives, killing one protester.",
    "{date}, security forces killed {n} people protesting peacefully in {place} {issue}.",
    "{date}, soldiers shot dead a youth at a peaceful demonstration in {place} {issue}.",
    "{date}, police opened fire on {crowd} protesting in {place} {issue}, seriously injuring {n} of them.",
    "{date}, {n} protesters were killed in {place} when security forces fired live rounds at a peaceful march.",
    "{date}, a protester died in hospital after police beat him during a peaceful rally in {place}.",
    "{date}, soldiers opened fire on {crowd} peacefully demonstrating in {place}, killing one and injuring {n}.",
    "{date}, security forces killed a protester in {place} during a peaceful demonstration {issue}.",
    "{date}, police shot at protesting {crowd} in {place} with live bullets, leaving two dead.",
    "{date}, unarmed protesters in {place} were shot by soldiers; {n} died of their wounds.",
    "{date}, a peaceful protest in {place} ended with police killing a demonstrator.",
]

T["Violent demonstration"] = [
    "{date}, {crowd} protesting in {place} {issue} threw stones at police and burned tyres.",
    "{date}, rioters set fire to a police station in {place} during a protest {issue}.",
    "{date}, {crowd} rioted in {place} {issue}, vandalising shops and clashing with police.",
    "{date}, demonstrators in {place} pelted security forces with stones; police responded with tear gas.",
    "{date}, angry {crowd} blocked roads with burning tyres and attacked vehicles in {place} {issue}.",
    "{date}, a protest in {place} {issue} turned violent as demonstrators torched government offices.",
    "{date}, {crowd} stormed the district office in {place} {issue}, smashing windows and furniture.",
    "{date}, protesters clashed with police in {place} {issue}; several officers were injured by stones.",
    "{date}, rioting {crowd} burned a bus and looted shops in {place} during a demonstration {issue}.",
    "{date}, demonstrators in {place} attacked the governor's convoy with rocks {issue}.",
    "{date}, {crowd} rioted in {place} after the death of a local man, setting fire to vehicles.",
    "{date}, protesters threw petrol bombs at the police in {place} {issue}.",
    "{date}, demonstrators in {place} broke into the town hall and set it alight {issue}.",
    "{date}, violent protests erupted in {place} {issue}; protesters burned tyres and threw stones at soldiers.",
    "{date}, {crowd} violated the curfew in {place} and clashed with security forces, hurling stones {issue}.",
    "{date}, protesters vandalised a health centre in {place} {issue}.",
    "{date}, rioters in {place} attacked a police post with stones and sticks after a protest {issue}.",
    "{date}, {crowd} in {place} protested {issue} and damaged several government vehicles.",
    "{date}, a violent demonstration took place in {place}: youths burned tyres and erected barricades {issue}.",
    "{date}, demonstrators set fire to the house of a local official in {place} {issue}.",
    "{date}, protesters fought with police in {place}, injuring {n} officers {issue}.",
    "{date}, {crowd} protesting in {place} {issue} clashed with police, throwing stones and bottles.",
    "{date}, protesters in {place} attacked police officers and damaged police vehicles {issue}.",
    "{date}, rioters in {place} blocked roads, burned tyres and threw stones at passing cars {issue}.",
    "{date}, {crowd} rioted in {place} {issue}; police fired tear gas at the rioters.",
    "{date}, demonstrators in {place} clashed with security forces {issue}, injuring several officers.",
    "{date}, protesters stormed a police station in {place} and set it on fire after the death of a man in custody.",
    "{date}, {crowd} protesting in {place} {issue} vandalised public buildings and set fire to vehicles.",
    "{date}, a riot broke out in {place} as {crowd} protested {issue}; shops were damaged.",
    "{date}, protesters in {place} defied the lockdown and attacked police with stones {issue}.",
    "{date}, rioting {crowd} in {place} clashed with police, who arrested {n} rioters.",
    "{date}, demonstrators hurled rocks at the police in {place}; a police officer was injured.",
    "{date}, {crowd} protested violently in {place}, burning a government vehicle {issue}.",
    "{date}, inmates rioted in a prison in {place}, setting fire to mattresses.",
    "{date}, protesters in {place} set up burning barricades and fought with police {issue}.",
    "{date}, protesters and police clashed in {place} {issue}.",
    "{date}, clashes erupted between protesters and police in {place} {issue}.",
    "{date}, {crowd} protesting in {place} {issue} torched a police vehicle; police used tear gas to disperse them.",
]

T["Mob violence"] = [
    "{date}, a mob lynched a suspected thief in {place}.",
    "{date}, residents of {place} beat to death a man accused of witchcraft.",
    "{date}, an angry mob set ablaze a suspected kidnapper in {place}.",
    "{date}, villagers in {place} attacked and injured two men suspected of stealing cattle.",
    "{date}, a crowd of youths attacked members of a rival community in {place} with machetes and sticks.",
    "{date}, a mob stoned a man to death in {place} after accusing him of blasphemy.",
    "{date}, residents in {place} attacked a health team, accusing them of spreading the coronavirus.",
    "{date}, a group of villagers in {place} beat a suspected robber and burned his motorcycle.",
    "{date}, supporters of two rival parties fought with sticks and stones in {place}, injuring {n} people.",
    "{date}, a mob attacked a police station in {place} and freed a detained suspect.",
    "{date}, an angry crowd in {place} lynched two men suspected of child abduction.",
    "{date}, members of two clans clashed with clubs and knives over a land dispute in {place}.",
    "{date}, a mob burned the house of a family accused of sorcery in {place}.",
    "{date}, a group of residents in {place} assaulted a journalist covering a funeral.",
    "{date}, students from rival groups fought each other on a university campus in {place}, injuring {n}.",
    "{date}, a mob attacked a mosque in {place} and injured several worshippers.",
    "{date}, villagers in {place} caught a suspected thief and beat him severely before handing him to police.",
    "{date}, youths attacked migrants in {place}, injuring several of them.",
    "{date}, a mob in {place} killed a man suspected of stealing a phone.",
    "{date}, rival groups of traders clashed with stones in a market in {place}.",
    "{date}, residents attacked a quarantine centre in {place}, fearing infection, and injured a guard.",
    "{date}, a mob beat up a woman accused of being a witch in {place}.",
    "{date}, members of two communities clashed in {place} over a land dispute, injuring {n} people.",
    "{date}, supporters of two rival parties clashed in {place}, leaving {n} people injured.",
    "{date}, two groups of villagers clashed with sticks and sharp weapons in {place}.",
    "{date}, two families clashed over a water dispute in {place}; one person was killed.",
    "{date}, a group of people attacked a man in {place}, accusing him of theft.",
    "{date}, villagers clashed with each other in {place} over the control of a local market.",
    "{date}, youths from two neighbourhoods clashed in {place} with stones and knives.",
    "{date}, a clash broke out between two groups in {place} over a dispute, injuring {n}.",
    "{date}, a group of people beat a man to death in {place} over a personal dispute.",
    "{date}, relatives of a dead patient attacked doctors at a hospital in {place}.",
    "{date}, members of rival student groups clashed in {place}, injuring {n}.",
    "{date}, a group of men attacked a family in {place} over a property dispute.",
    "{date}, residents of {place} attacked a police patrol that had come to arrest a suspect, injuring an officer.",
    "{date}, two rival groups clashed in {place} over the allocation of relief supplies, injuring several people.",
    "{date}, a mob of villagers in {place} attacked a group of herders with clubs.",
    "{date}, supporters of a local politician attacked a rival candidate's supporters in {place}.",
]

T["Armed clash"] = [
    "{date}, {armed} clashed with {state} in {place}; several fighters were killed.",
    "{date}, {state} engaged {armed} in a gun battle near {place}, killing {n} of them.",
    "{date}, {armed} attacked a military base in {place}; {state} repelled the attack.",
    "{date}, heavy fighting broke out between {state} and {armed} on the outskirts of {place}.",
    "{date}, {armed} ambushed a patrol of {state} near {place}, killing {n} soldiers.",
    "{date}, two rival armed groups fought each other near {place}, leaving {n} dead.",
    "{date}, {armed} attacked a police checkpoint in {place}; an exchange of fire followed.",
    "{date}, {state} launched an operation against {armed} in {place}; {n} militants were killed in the fighting.",
    "{date}, {armed} and {state} exchanged fire in {place} for several hours.",
    "{date}, clashes between {armed} and government forces in {place} left {n} people dead.",
    "{date}, {armed} attacked an army convoy near {place}, sparking a firefight.",
    "{date}, {state} killed {n} {armed} during a raid on their hideout in {place}.",
    "{date}, fighting between {armed} and a rival faction erupted in {place}.",
    "{date}, {armed} stormed a border post in {place}; {n} guards and several attackers were killed.",
    "{date}, {state} clashed with {armed} in the forest near {place}.",
    "{date}, {armed} attacked soldiers guarding a bridge in {place}, and the soldiers returned fire.",
    "{date}, a gunfight between {state} and {armed} in {place} killed {n} people.",
    "{date}, vigilantes fought {armed} in {place}, killing several of the attackers.",
    "{date}, {armed} attacked a military outpost in {place}, killing {n} soldiers before retreating.",
    "{date}, government troops and {armed} fought for control of a road near {place}.",
    "{date}, {armed} ambushed a police vehicle in {place}, killing two officers.",
    "{date}, fighting continued between the two sides in {place}, with casualties reported on both sides.",
    "{date}, rival gangs clashed in {place}, leaving {n} gang members dead.",
    "{date}, police engaged members of a criminal gang in a shootout in {place}.",
    "{date}, {state} and {armed} exchanged fire in {place}; {n} militants were killed.",
    "{date}, an armed confrontation between {state} and {armed} took place in {place}.",
    "{date}, {armed} fought with {state} in {place}, resulting in casualties on both sides.",
    "{date}, military forces clashed with {armed} near {place}, killing {n}.",
    "{date}, {state} repelled an attack by {armed} on their position in {place}.",
    "{date}, two armed factions fought for control of {place}.",
    "{date}, {armed} attacked a police post in {place}, killing {n} police officers.",
    "{date}, {armed} attacked soldiers in {place}; {n} soldiers and several assailants were killed.",
    "{date}, {armed} attacked an army position near {place}, and troops fought back.",
    "{date}, {armed} attacked a patrol of {state} in {place}, wounding {n} soldiers.",
    "{date}, suspected militants attacked a military camp in {place}; the army said it killed {n} attackers.",
    "{date}, {armed} killed {n} members of {state} in an attack on their base in {place}.",
    "{date}, {state} attacked a hideout of {armed} in {place}, killing {n} fighters.",
    "{date}, {armed} raided a police station in {place}, killing an officer, before soldiers arrived.",
    "{date}, a soldier was killed when {armed} attacked a checkpoint in {place}.",
    "{date}, {armed} attacked members of a rival armed group in {place}, killing {n}.",
    "{date}, vigilante group members clashed with {armed} in {place}.",
    "{date}, {state} and {armed} engaged in fighting in {place}; casualties were unknown.",
]

T["Government regains territory"] = [
    "{date}, {state} recaptured {place} from {armed} after heavy fighting.",
    "{date}, government forces regained control of {place}, which had been held by {armed}.",
    "{date}, the army retook {place} from {armed}.",
    "{date}, {state} liberated {place} from {armed} following a two-day offensive.",
    "{date}, troops regained control of several villages around {place} that {armed} had seized.",
    "{date}, {state} recaptured a district centre near {place} after {armed} were pushed out.",
    "{date}, government troops retook the town of {place}, which had fallen to {armed} last month.",
    "{date}, the military announced that it had cleared {armed} from {place} and restored government control.",
    "{date}, {state} reclaimed the border town of {place} from {armed}.",
    "{date}, {state} regained the military base near {place}, which {armed} had overrun.",
    "{date}, security forces recaptured {place} after driving out {armed}.",
    "{date}, government forces recovered control of {place} district from {armed} after fierce clashes.",
    "{date}, {state} took back the key town of {place} from {armed}.",
    "{date}, the army said it had regained full control of {place} after {armed} withdrew under fire.",
    "{date}, {state} retook three villages near {place} from {armed}.",
    "{date}, pro-government forces recaptured the district headquarters in {place}.",
    "{date}, {state} reasserted control over {place} after a week of fighting with {armed}.",
    "{date}, {state} restored government authority in {place}, driving out {armed} who had held it since March.",
]

T["Non-state actor overtakes territory"] = [
    "{date}, {armed} captured {place} after heavy fighting with {state}.",
    "{date}, {armed} seized control of {place}.",
    "{date}, {armed} overran a military base in {place} and took control of the area.",
    "{date}, {armed} took over the district centre of {place} after government forces fled.",
    "{date}, {place} fell to {armed} following clashes with {state}.",
    "{date}, {armed} seized several villages around {place} from {state}.",
    "{date}, {armed} captured the town of {place} and raised their flag over the governor's office.",
    "{date}, {armed} overtook a border crossing near {place} after fighting the border police.",
    "{date}, {armed} seized the strategic town of {place}.",
    "{date}, {armed} took control of {place} after driving out a rival armed group.",
    "{date}, {armed} stormed and captured a police headquarters in {place}.",
    "{date}, {armed} gained control of the main road and the town of {place}.",
    "{date}, {armed} captured a district in {place} province after days of fighting.",
    "{date}, {armed} announced that they had taken {place} from {state}.",
    "{date}, {armed} overran government positions around {place} and seized the town.",
    "{date}, {armed} captured the port of {place} after an offensive.",
    "{date}, {armed} occupied {place} following clashes with the army.",
    "{date}, {armed} seized an army outpost in {place}, taking weapons and ammunition.",
]

T["Air/drone strike"] = [
    "{date}, an air strike hit {place}, killing {n} people.",
    "{date}, a drone strike targeted a vehicle carrying {armed} near {place}.",
    "{date}, fighter jets bombed positions of {armed} in {place}.",
    "{date}, the air force carried out air strikes on {armed} hideouts near {place}, killing {n} militants.",
    "{date}, warplanes struck a market in {place}, killing {n} civilians.",
    "{date}, an unmanned aerial vehicle struck a house in {place}, killing a commander of {armed}.",
    "{date}, helicopter gunships fired on {armed} in {place}.",
    "{date}, airstrikes by the coalition hit {place}; {n} were killed.",
    "{date}, a military aircraft dropped bombs on a village near {place}.",
    "{date}, an armed drone attacked a camp of {armed} near {place}.",
    "{date}, aerial bombardment of {place} destroyed several houses.",
    "{date}, warplanes conducted airstrikes on {place}; no casualties were reported.",
    "{date}, a suspected US drone strike killed {n} militants near {place}.",
    "{date}, the air force bombed a weapons depot of {armed} in {place}.",
    "{date}, military jets carried out strikes on targets in {place}, the army said.",
    "{date}, a helicopter fired rockets at a convoy of {armed} near {place}.",
    "{date}, {armed} targeted a base in {place} with explosive-laden drones.",
    "{date}, an air raid on {place} killed a family of five.",
    "{date}, barrel bombs were dropped from helicopters on {place}.",
    "{date}, an aerial attack hit a wedding party in {place}.",
]

T["Shelling/artillery/missile attack"] = [
    "{date}, {armed} fired mortar rounds at {place}, wounding {n} civilians.",
    "{date}, artillery shelling hit residential areas of {place}.",
    "{date}, {state} shelled positions of {armed} near {place}.",
    "{date}, rockets fired by {armed} landed in {place}, damaging houses.",
    "{date}, a missile struck an industrial area in {place}.",
    "{date}, {armed} fired rockets at the airport in {place}.",
    "{date}, mortar shells fell on a market in {place}, killing {n} people.",
    "{date}, heavy artillery fire targeted villages around {place}.",
    "{date}, a ballistic missile was launched at {place}.",
    "{date}, {state} bombarded {place} with artillery and rocket launchers.",
    "{date}, Grad rockets hit {place}; no casualties were reported.",
    "{date}, {armed} shelled a military base near {place}.",
    "{date}, a rocket hit a house in {place}, killing a child.",
    "{date}, the army shelled a village near {place}, killing {n} civilians.",
    "{date}, mortar fire from {armed} hit a school in {place}.",
    "{date}, cross-border shelling hit {place}.",
    "{date}, an anti-tank missile struck a military vehicle near {place}.",
    "{date}, Katyusha rockets were fired at a base hosting foreign troops in {place}.",
    "{date}, {armed} launched a rocket attack on {place}.",
    "{date}, troops fired artillery shells at {armed} positions across the river from {place}.",
]

T["Remote explosive/landmine/IED"] = [
    "{date}, a roadside bomb exploded near {place}, killing {n} soldiers.",
    "{date}, an improvised explosive device targeted a military vehicle in {place}.",
    "{date}, a landmine killed a farmer in {place}.",
    "{date}, a car bomb exploded in a busy market in {place}, killing {n} people.",
    "{date}, an IED planted by {armed} hit a police patrol in {place}.",
    "{date}, a magnetic bomb attached to a car exploded in {place}, wounding the driver.",
    "{date}, a bus struck a landmine near {place}; {n} passengers were killed.",
    "{date}, a bomb planted on a motorcycle went off in {place}.",
    "{date}, an explosive device detonated near a checkpoint in {place}.",
    "{date}, a remote-controlled bomb exploded next to a convoy in {place}.",
    "{date}, children were killed when an unexploded ordnance they found in {place} detonated.",
    "{date}, a vehicle-borne IED exploded outside a government building in {place}.",
    "{date}, a military truck hit a mine near {place}; {n} soldiers died.",
    "{date}, a sticky bomb killed a local official in {place}.",
    "{date}, an explosion caused by an IED damaged a bridge in {place}.",
    "{date}, a bomb hidden in a cart exploded in {place}, injuring {n} people.",
    "{date}, a roadside explosion hit a vehicle carrying aid workers near {place}.",
    "{date}, a parcel bomb exploded at a shop in {place}.",
    "{date}, a blast from a buried mine killed two herders near {place}.",
    "{date}, a bomb went off under a police car in {place}.",
]

T["Suicide bomb"] = [
    "{date}, a suicide bomber blew himself up at a checkpoint in {place}, killing {n} people.",
    "{date}, a suicide car bomb exploded at the gate of a military base in {place}.",
    "{date}, a female suicide bomber detonated her explosives in a market in {place}.",
    "{date}, a suicide attacker targeted a mosque in {place}.",
    "{date}, a suicide bomber rammed an explosives-laden vehicle into an army convoy near {place}.",
    "{date}, two suicide bombers attacked a camp for displaced people in {place}.",
    "{date}, a suicide bombing at a wedding in {place} killed {n} guests.",
    "{date}, a suicide bomber wearing an explosive vest blew himself up near a police station in {place}.",
    "{date}, {armed} carried out a suicide attack on a government compound in {place}.",
    "{date}, a suicide bomber detonated a vest among worshippers in {place}.",
    "{date}, a suicide truck bomb exploded outside a hotel in {place}.",
    "{date}, a teenage suicide bomber killed himself and {n} others at a bus station in {place}.",
    "{date}, a suicide attack targeted the convoy of a governor in {place}.",
    "{date}, a suicide bomber on a motorcycle struck a patrol in {place}.",
    "{date}, a suicide blast hit a rally in {place}.",
    "{date}, a suicide car bombing targeted the police headquarters in {place}.",
    "{date}, {armed} sent a suicide bomber into a military base in {place}.",
    "{date}, a suicide attacker detonated explosives at the entrance of a university in {place}.",
]

T["Grenade"] = [
    "{date}, unidentified men threw a grenade at a police station in {place}.",
    "{date}, a hand grenade was hurled into a crowded market in {place}, injuring {n} people.",
    "{date}, {armed} lobbed a grenade at a patrol in {place}.",
    "{date}, a grenade attack on a bar in {place} killed two people.",
    "{date}, a grenade exploded at a shop in {place} after it was thrown from a motorcycle.",
    "{date}, assailants hurled a grenade into the house of a local politician in {place}.",
    "{date}, a grenade thrown at a bus stop in {place} wounded {n} passengers.",
    "{date}, militants attacked a security post in {place} with grenades.",
    "{date}, a grenade was thrown into the compound of a church in {place}.",
    "{date}, an unknown person threw a hand grenade at a checkpoint in {place}; no one was hurt.",
    "{date}, a grenade blast at a nightclub in {place} wounded several people.",
    "{date}, {armed} threw a grenade at a vehicle of {state} in {place}.",
    "{date}, a grenade attack targeted a police officer's home in {place}.",
    "{date}, a hand grenade was tossed at guards outside a bank in {place}.",
    "{date}, a grenade exploded in a crowded street in {place} after being thrown by a passer-by.",
    "{date}, two men on a motorbike threw a grenade at a market stall in {place}.",
    "{date}, a grenade was hurled at the office of a political party in {place}.",
    "{date}, a grenade attack at a football match in {place} injured {n} spectators.",
]

T["Chemical weapon"] = [
    "{date}, a chemical attack with chlorine gas was reported in {place}.",
    "{date}, {state} were accused of using sarin gas against civilians in {place}.",
    "{date}, a bomb containing toxic gas hit {place}, causing suffocation among residents.",
    "{date}, dozens of people in {place} were treated for symptoms of chemical weapons exposure after a strike.",
    "{date}, chlorine-filled barrel bombs were dropped on {place}.",
    "{date}, a chemical weapons attack was carried out on {place}, according to medical workers.",
    "{date}, shells containing mustard gas were fired at {place}.",
    "{date}, residents of {place} reported breathing difficulties after a suspected chemical attack.",
    "{date}, a poison gas attack killed {n} people in {place}.",
    "{date}, {armed} used chemical agents against {state} near {place}.",
    "{date}, toxic chemicals were released by a rocket strike on {place}, medics said.",
    "{date}, a nerve agent attack was reported in {place}.",
    "{date}, a suspected chemical weapons attack on {place} left children foaming at the mouth.",
    "{date}, rockets carrying chlorine were fired at a neighbourhood of {place}.",
    "{date}, {state} dropped canisters of toxic gas on {place}.",
    "{date}, a chemical munition exploded in {place}, poisoning {n} people.",
    "{date}, investigators said that chlorine gas had been used in an attack on {place}.",
    "{date}, {armed} fired shells filled with a chemical agent at a village near {place}.",
]

T["Attack"] = [
    "{date}, {armed} shot dead {civ} in {place}.",
    "{date}, {armed} attacked a village near {place}, killing {n} civilians.",
    "{date}, {civ} was killed by {armed} in {place}.",
    "{date}, {armed} stormed a village in {place} and killed {n} residents.",
    "{date}, unknown gunmen killed {civ} at home in {place}.",
    "{date}, {armed} beheaded {civ} in {place}.",
    "{date}, {state} killed {civ} at a checkpoint in {place}.",
    "{date}, {armed} opened fire on a bus carrying civilians near {place}, killing {n}.",
    "{date}, the body of {civ} was found in {place}; {armed} had killed him.",
    "{date}, soldiers beat and tortured {civ} in {place}.",
    "{date}, {armed} attacked farmers in their fields near {place}, killing {n}.",
    "{date}, {armed} killed {civ} accused of collaborating with the army in {place}.",
    "{date}, {civ} was stabbed to death by {armed} in {place}.",
    "{date}, {armed} attacked a camp for displaced people in {place}, killing civilians.",
    "{date}, police shot and killed {civ} in {place} for violating the curfew.",
    "{date}, {armed} fired on a car carrying {civ} in {place}, wounding them.",
    "{date}, {armed} executed {n} civilians in {place}.",
    "{date}, {armed} attacked worshippers at a church in {place} with machetes.",
    "{date}, {civ} was assassinated by {armed} in {place}.",
    "{date}, {armed} killed {civ} and burned the body in {place}.",
    "{date}, {armed} targeted {civ} in a drive-by shooting in {place}.",
    "{date}, soldiers killed {n} unarmed civilians during a search operation in {place}.",
    "{date}, {armed} attacked a health centre in {place} and killed a nurse.",
    "{date}, {armed} shot and injured {civ} in {place}.",
    "{date}, {armed} killed a prisoner who had surrendered in {place}.",
    "{date}, {armed} attacked a school in {place}, killing a teacher.",
    "{date}, unidentified assailants shot dead {civ} in {place}.",
    "{date}, {civ} was hacked to death by {armed} in {place}.",
    "{date}, the body of {civ} with gunshot wounds was found in {place}.",
    "{date}, {armed} killed a woman in {place}.",
    "{date}, {armed} attacked civilians in {place}, killing {n} and wounding several others.",
    "{date}, {civ} was shot and killed by unknown gunmen on a motorbike in {place}.",
    "{date}, {armed} attacked a bus station in {place}, killing {n} passengers.",
    "{date}, {armed} killed {civ} in {place}, accusing him of being an informant.",
    "{date}, {state} shot dead {civ} in {place}.",
    "{date}, {armed} attacked a village in {place}, shooting residents and killing {n}.",
    "{date}, {armed} opened fire on civilians at a market in {place}.",
    "{date}, {armed} killed {n} villagers in {place} in a night raid.",
    "{date}, {civ} was shot dead in {place}; the attackers were not identified.",
    "{date}, {armed} attacked displaced people returning to {place}, killing {n}.",
    "{date}, {armed} stopped a vehicle near {place} and killed {n} civilian passengers.",
]

T["Abduction/forced disappearance"] = [
    "{date}, {armed} abducted {civ} in {place}.",
    "{date}, {armed} kidnapped {n} passengers from a bus near {place}.",
    "{date}, {civ} was kidnapped by {armed} in {place}, and a ransom was demanded.",
    "{date}, {armed} abducted {n} students from a school in {place}.",
    "{date}, {civ} went missing in {place} after being taken by men in uniform; his whereabouts remain unknown.",
    "{date}, {armed} seized {civ} from his home in {place} and took him to an unknown location.",
    "{date}, {armed} kidnapped a foreign aid worker in {place}.",
    "{date}, {civ} was abducted on the road to {place}.",
    "{date}, {armed} abducted {n} farmers working in their fields near {place}.",
    "{date}, {armed} kidnapped the wife of a local official in {place}.",
    "{date}, security agents forcibly disappeared {civ} in {place}; the family has had no news of him since.",
    "{date}, {armed} took {n} villagers hostage in {place}.",
    "{date}, {civ} was abducted by {armed} in {place} and later released after a ransom was paid.",
    "{date}, {armed} kidnapped {n} women from a village near {place}.",
    "{date}, unknown men in a car abducted {civ} in {place}.",
    "{date}, {armed} abducted {n} children in {place} to recruit them.",
    "{date}, {armed} abducted {civ} at a checkpoint in {place}.",
    "{date}, {civ} was taken captive by {armed} near {place}.",
    "{date}, {n} travellers were kidnapped by {armed} on the highway near {place}.",
    "{date}, the family of {civ} reported him missing after {armed} took him from {place}.",
]

T["Sexual violence"] = [
    "{date}, {armed} raped a woman in {place}.",
    "{date}, a girl was sexually assaulted by {armed} in {place}.",
    "{date}, {state} were accused of raping {n} women during an operation in {place}.",
    "{date}, {armed} abducted and raped a teenage girl in {place}.",
    "{date}, a woman was gang-raped by {armed} near {place}.",
    "{date}, a soldier raped a girl in {place}.",
    "{date}, {armed} sexually abused displaced women in a camp in {place}.",
    "{date}, {n} women were raped by {armed} when they attacked a village near {place}.",
    "{date}, a police officer sexually assaulted a woman in custody in {place}.",
    "{date}, {armed} raped a woman collecting firewood outside {place}.",
    "{date}, a girl of 12 was raped by {armed} in {place}.",
    "{date}, {armed} subjected detained women to sexual violence in {place}.",
    "{date}, {armed} raped a woman in front of her family in {place}.",
    "{date}, a man was sexually assaulted by members of {state} in {place}.",
    "{date}, a woman returning from the market was raped by {armed} in {place}.",
    "{date}, {armed} committed sexual violence against women fleeing {place}.",
    "{date}, a local militia member raped a displaced woman in {place}.",
    "{date}, two girls were raped by {armed} on their way to school in {place}.",
]

T["Arrests"] = [
    "{date}, police arrested {n} suspected members of {armed} in {place}.",
    "{date}, {state} detained {civ} in {place}.",
    "{date}, security forces arrested a journalist in {place} for criticising the government.",
    "{date}, police arrested {n} people in {place} for violating the coronavirus curfew.",
    "{date}, {state} arrested a commander of {armed} in {place}.",
    "{date}, the authorities detained an opposition leader in {place}.",
    "{date}, police in {place} arrested {n} suspected robbers.",
    "{date}, {state} arrested a suspected militant during a raid in {place}.",
    "{date}, an activist was detained by police in {place} and taken to an unknown police station.",
    "{date}, intelligence agents arrested {n} people in {place} accused of planning attacks.",
    "{date}, police in {place} took {n} suspects into custody.",
    "{date}, {state} apprehended a suspected arms smuggler in {place}.",
    "{date}, the police arrested a local official in {place} on corruption charges.",
    "{date}, {n} people were arrested in {place} after a search operation by {state}.",
    "{date}, a former minister was arrested at the airport in {place}.",
    "{date}, police detained a blogger in {place} over social media posts.",
    "{date}, {state} rounded up {n} young men in {place} and detained them.",
    "{date}, police arrested {n} suspected kidnappers in {place}.",
    "{date}, the army detained a village chief in {place} for alleged links to {armed}.",
    "{date}, a union leader was arrested by police in {place} ahead of a planned strike.",
    "{date}, police arrested the organisers of a banned meeting in {place}.",
    "{date}, {n} suspects were held by police in {place} in connection with the killing.",
]

T["Agreement"] = [
    "{date}, {party} and {armed} signed a ceasefire agreement in {place}.",
    "{date}, the two sides agreed to a truce in {place}.",
    "{date}, {party} and rebel leaders signed a peace deal in {place}.",
    "{date}, a prisoner exchange took place in {place} between the government and {armed}.",
    "{date}, leaders of two communities signed a peace accord in {place} to end a land dispute.",
    "{date}, {armed} agreed to release {n} hostages under a deal mediated by elders in {place}.",
    "{date}, the government and {armed} reached an agreement in {place} on the withdrawal of fighters.",
    "{date}, rival militias in {place} agreed to a ceasefire brokered by the UN.",
    "{date}, a humanitarian truce was agreed in {place} to allow aid deliveries.",
    "{date}, {party} signed a power-sharing deal in {place}.",
    "{date}, the government released {n} prisoners in {place} as part of a peace agreement.",
    "{date}, {armed} and the army agreed to a local ceasefire in {place}.",
    "{date}, a non-aggression pact was concluded between two armed groups in {place}.",
    "{date}, the warring parties in {place} signed a memorandum of understanding on the exchange of bodies.",
    "{date}, herders and farmers in {place} signed an agreement to share grazing land.",
    "{date}, the two factions agreed in {place} to reopen the road under a reconciliation deal.",
    "{date}, {armed} handed over {n} captured soldiers in {place} under an exchange agreement.",
    "{date}, elders brokered a peace agreement between two clans in {place}.",
]

T["Change to group/activity"] = [
    "{date}, {armed} announced a merger with another armed group in {place}.",
    "{date}, {n} members of {armed} surrendered to the authorities in {place}.",
    "{date}, {armed} declared a unilateral ceasefire in {place} because of the pandemic.",
    "{date}, the government deployed additional troops to {place}.",
    "{date}, {armed} appointed a new leader in {place}.",
    "{date}, a new armed group was formed in {place}.",
    "{date}, {n} fighters of {armed} laid down their arms in {place}.",
    "{date}, the authorities imposed a curfew in {place}.",
    "{date}, {armed} recruited young men in villages around {place}.",
    "{date}, local youths formed a self-defence militia in {place}.",
    "{date}, {armed} split into two factions in {place}.",
    "{date}, defectors from {armed} joined government forces in {place}.",
    "{date}, the government banned all public gatherings in {place}.",
    "{date}, {state} began a new military operation in {place}.",
    "{date}, a commander of {armed} defected to the government in {place} with his men.",
    "{date}, {armed} distributed weapons to supporters in {place}.",
    "{date}, {armed} held a military parade in {place}.",
    "{date}, {state} were redeployed from {place} to the frontline.",
    "{date}, {armed} issued threats against teachers in {place} and ordered schools to close.",
    "{date}, the government declared a state of emergency in {place}.",
    "{date}, {armed} relocated their fighters to {place}.",
    "{date}, the bodies of fighters were returned and buried in {place}.",
]

T["Disrupted weapons use"] = [
    "{date}, {state} defused a roadside bomb in {place}.",
    "{date}, police seized a cache of weapons and ammunition in {place}.",
    "{date}, the bomb disposal team safely detonated an explosive device found near {place}.",
    "{date}, {state} foiled a planned suicide attack in {place} and arrested the bomber.",
    "{date}, an IED planted on the road to {place} was discovered and defused.",
    "{date}, soldiers found and destroyed a weapons depot of {armed} in {place}.",
    "{date}, police intercepted a truck carrying explosives in {place}.",
    "{date}, {state} shot down a drone launched by {armed} over {place}.",
    "{date}, air defences intercepted a missile fired at {place}.",
    "{date}, deminers cleared landmines from farmland near {place}.",
    "{date}, {state} recovered rifles and grenades from a hideout of {armed} in {place}.",
    "{date}, a car bomb was dismantled by security forces in {place} before it exploded.",
    "{date}, police seized homemade guns in a raid in {place}.",
    "{date}, {state} intercepted a ballistic missile over {place}.",
    "{date}, explosives hidden in a house in {place} were found and destroyed by the army.",
    "{date}, an attempted bombing in {place} was thwarted when the explosives failed to detonate.",
    "{date}, {state} seized a large consignment of ammunition at a checkpoint in {place}.",
    "{date}, a would-be suicide bomber was shot before he could detonate his vest in {place}.",
    "{date}, the army defused {n} mines planted by {armed} around {place}.",
    "{date}, unexploded rockets were found and removed from a field in {place}.",
]

T["Headquarters or base established"] = [
    "{date}, {armed} established a new base in {place}.",
    "{date}, {state} set up a military camp in {place}.",
    "{date}, {armed} set up headquarters in a school in {place}.",
    "{date}, {armed} established a camp in the forest near {place}.",
    "{date}, {state} established a new forward operating base outside {place}.",
    "{date}, {armed} opened an office in {place}.",
    "{date}, {armed} set up checkpoints and a command post in {place}.",
    "{date}, the army installed a new military post in {place}.",
    "{date}, {armed} built a training camp near {place}.",
    "{date}, {armed} established a base in an abandoned government building in {place}.",
    "{date}, {state} deployed to {place} and established a base there.",
    "{date}, {armed} moved their headquarters to {place}.",
    "{date}, foreign troops established a new base near {place}.",
    "{date}, {armed} set up a camp on the outskirts of {place} without any fighting.",
    "{date}, a new police station was set up in {place} to protect residents.",
    "{date}, {armed} took over a hospital in {place} to use as their base.",
]

T["Looting/property destruction"] = [
    "{date}, {armed} looted shops in {place}.",
    "{date}, {armed} burned houses in {place}.",
    "{date}, {armed} set fire to a village near {place}; no casualties were reported.",
    "{date}, {armed} stole cattle from herders near {place}.",
    "{date}, {state} demolished houses in {place}.",
    "{date}, {armed} looted a health centre in {place} and stole medicine.",
    "{date}, {armed} torched a school in {place}.",
    "{date}, {armed} destroyed a telecommunications mast in {place}.",
    "{date}, {armed} raided a market in {place} and carried away goods.",
    "{date}, unknown people set fire to the office of a political party in {place}.",
    "{date}, {armed} looted food aid from a warehouse in {place}.",
    "{date}, {armed} burned down a church in {place}.",
    "{date}, {armed} vandalised a mosque in {place}.",
    "{date}, {armed} burned several vehicles belonging to a construction company in {place}.",
    "{date}, {armed} looted a bank in {place}.",
    "{date}, {armed} destroyed a bridge near {place} to block the advance of the army.",
    "{date}, {armed} stole livestock and burned granaries in {place}.",
    "{date}, soldiers looted property of residents in {place}.",
    "{date}, an arson attack destroyed a polling station in {place}.",
    "{date}, {armed} set fire to an electricity pylon in {place}.",
    "{date}, {armed} seized the property of {civ} in {place}.",
    "{date}, {armed} looted and burned homes of displaced families in {place}.",
]

T["Non-violent transfer of territory"] = [
    "{date}, {state} withdrew from {place}, and {armed} moved in without fighting.",
    "{date}, {armed} took control of {place} after government forces left the town peacefully.",
    "{date}, foreign troops handed over their base in {place} to the national army.",
    "{date}, {armed} withdrew from {place} under a local agreement.",
    "{date}, {state} abandoned their positions in {place}; {armed} entered the area unopposed.",
    "{date}, {armed} handed over control of {place} to a rival faction without fighting.",
    "{date}, the army pulled out of {place}.",
    "{date}, {armed} retreated from {place} ahead of an army offensive.",
    "{date}, {armed} entered {place} after the police withdrew; there was no fighting.",
    "{date}, {state} redeployed out of {place}, leaving it under the control of local elders.",
    "{date}, the district of {place} was handed over to {armed} after negotiations with elders.",
    "{date}, peacekeepers withdrew from their camp near {place}.",
    "{date}, {armed} took over {place} without resistance after the garrison surrendered.",
    "{date}, foreign forces completed their withdrawal from {place}.",
    "{date}, {armed} vacated {place} and the army took control of the area peacefully.",
    "{date}, {state} evacuated the checkpoint in {place}, which {armed} later occupied.",
    "{date}, {armed} left {place} as part of a deal, allowing the army to return.",
]

T["Other"] = [
    "{date}, the government of {place} expelled a foreign diplomat.",
    "{date}, an unidentified armed group warned residents of {place} to leave their homes.",
    "{date}, thousands of people fled {place} fearing an attack by {armed}.",
    "{date}, a shootout occurred in {place}, but no injuries or casualties were reported and the actors are unknown.",
    "{date}, {n} soldiers crossed the border from {place} into the neighbouring country.",
    "{date}, the government and {party} held talks in {place}.",
    "{date}, leaflets threatening {state} were distributed in {place}.",
    "{date}, {armed} held a meeting with tribal elders in {place}.",
    "{date}, a large number of people were displaced from {place} by fighting.",
    "{date}, the body of a man with gunshot wounds was found in {place}; the circumstances are unknown.",
    "{date}, an explosion of unknown origin was heard in {place}; the cause was not determined.",
    "{date}, a fire broke out in an army depot in {place}, and the cause is unknown.",
    "{date}, the president visited {place} and met military commanders.",
    "{date}, {armed} released a video threatening attacks in {place}.",
    "{date}, refugees from {place} arrived at a border crossing.",
    "{date}, the governor of {place} resigned after criticism of the security situation.",
    "{date}, {state} carried out a military exercise near {place}.",
    "{date}, gunfire was heard in {place}; no casualties were reported.",
    "{date}, a foreign military aircraft violated the airspace over {place}.",
    "{date}, a prisoner escaped from a jail in {place}.",
    "{date}, a local official received death threats in {place}.",
]

# ---------------------------------------------------------------- added templates (written for the project)
# More ways each type is told, for the distinctions the rules miss most: one-sided violence by armed people on
# people who do not fight back (attack) against fighting between armed sides (clash); a crowd's violence with no
# demonstration (mob violence) against a demonstration turning violent; a demonstration that police break up;
# positions, patrols and decrees (change to group/activity); heavy weapons fired from afar (shelling).

SLOTS.update({
    "person": ["a shopkeeper", "a young man", "a teacher", "a farmer", "a tribal leader", "a local politician",
               "a moneylender", "a pharmacist", "a rickshaw driver", "a street vendor", "a night watchman",
               "a retired officer", "a former councillor", "a land broker", "a herdsman", "a mechanic",
               "a party official", "an off-duty policeman", "a village head", "a school principal"],
    "group": ["villagers", "local residents", "a crowd of people", "a group of youths", "angry relatives",
              "neighbours", "market traders", "a group of men", "supporters of the ruling party",
              "members of the opposition party", "local people", "passers-by", "members of a rival clan",
              "workers of the ruling party", "a group of locals", "dozens of people", "members of a caste group"],
    "official": ["police officers", "a forest guard", "health workers", "a revenue official", "municipal officials",
                 "a police team", "traffic police", "a ration dealer", "election officials", "a tax collector",
                 "officials enforcing the curfew", "a team of doctors", "a police patrol"],
    "militia": ["a communal militia", "a pro-government militia", "ruling party youth militants",
                "members of an ethnic militia", "a local defence group", "armed herders", "cattle raiders",
                "vigilante militia members", "a gang", "armed men linked to a local strongman"],
    "weapon": ["heavy machine guns", "mortars", "artillery", "rockets", "anti-aircraft guns", "tank fire",
               "heavy weapons", "missiles", "howitzers", "rocket launchers"],
    "tail": ["No fatalities were reported.", "There were no reports of casualties.", "Fatalities unknown.",
             "The reason is not known.", "No injuries were reported.", "The incident was reported by local media.",
             "An investigation has been opened.", "Details remain unclear.", "Local sources confirmed the incident.",
             "The number of casualties was not given.", "Police said a case has been registered."],
})

T["Attack"] += [
    "{date}, {armed} shot dead {person} near his home in {place}.",
    "{date}, unknown men on a motorbike shot and wounded {person} in {place} and fled.",
    "{date}, the body of {person} was found in {place} with gunshot wounds; unknown gunmen are suspected.",
    "{date}, {n} bodies bearing signs of torture were discovered on the outskirts of {place}.",
    "{date}, police officers beat {person} in {place} for violating the curfew.",
    "{date}, soldiers tortured {civ} at a checkpoint in {place}, accusing him of helping rebels.",
    "{date}, a suspect was killed by police during a raid on a house in {place}.",
    "{date}, {militia} attacked a village near {place}, killing {n} civilians and burning homes.",
    "{date}, {armed} stabbed {person} to death in {place}.",
    "{date}, {person} was hacked to death by unidentified assailants in {place}.",
    "{date}, prison guards beat a detainee in {place}; he was taken to hospital.",
    "{date}, {militia} beat and injured {civ} in {place} for supporting the opposition.",
    "{date}, gunmen stopped a bus near {place} and shot {n} passengers.",
    "{date}, security forces shot dead {civ} at a checkpoint in {place} after the car failed to stop.",
    "{date}, an acid attack by unknown assailants injured {civ} in {place}.",
    "{date}, {armed} executed {n} civilians they accused of spying in {place}.",
    "{date}, a drive-by shooting in {place} killed {person}.",
    "{date}, border guards opened fire on migrants trying to cross near {place}, killing {n}.",
    "{date}, {armed} attempted to assassinate {person} in {place}, wounding him.",
]

T["Armed clash"] += [
    "{date}, {state} repelled an incursion by {armed} on the front line near {place}; {n} fighters were killed.",
    "{date}, {armed} attacked an army post in {place}, and soldiers fought back for two hours.",
    "{date}, {state} and {armed} exchanged fire in {place}.",
    "{date}, {armed} ambushed a military convoy near {place}; troops returned fire.",
    "{date}, {militia} clashed with {armed} over control of grazing land near {place}.",
    "{date}, two rival armed factions fought each other in {place}, leaving {n} fighters dead.",
    "{date}, {state} killed {n} {armed} in an encounter in {place}.",
    "{date}, {armed} attacked a police station in {place}; police responded and the attackers withdrew.",
    "{date}, {state} thwarted an attempted infiltration by {armed} near {place}.",
    "{date}, {armed} and {state} fought for control of the road to {place}.",
    "{date}, {armed} raided a military camp in {place} and killed {n} soldiers.",
    "{date}, fighting between {armed} and a local militia broke out in {place}.",
    "{date}, gunmen fired on a patrol of {state} in {place}, wounding {n} soldiers.",
]

T["Mob violence"] += [
    "{date}, {group} beat a suspected thief to death in {place}.",
    "{date}, {group} pelted stones at {official} in {place} who had come to enforce the lockdown.",
    "{date}, {group} attacked {official} in {place} after a dispute, injuring two of them.",
    "{date}, {group} clashed with police in {place} after a man was stopped at a checkpoint.",
    "{date}, supporters of two rival parties fought with sticks and stones in {place}; {n} were injured.",
    "{date}, {group} assaulted {person} in {place} over a land dispute.",
    "{date}, {group} set fire to a man accused of witchcraft in {place}.",
    "{date}, a fight broke out between two groups of villagers in {place} over water, injuring {n}.",
    "{date}, {group} lynched a suspected kidnapper in {place}.",
    "{date}, {group} attacked {official} and damaged their vehicle in {place}.",
    "{date}, {group} beat up {person} in {place} accusing him of spreading the virus.",
    "{date}, {group} threw stones at a police team in {place} that tried to disperse a wedding party.",
    "{date}, members of two communities clashed in {place}, attacking each other with machetes.",
    "{date}, {group} stormed the house of {person} in {place} and beat him.",
    "{date}, {group} attacked journalists covering an event in {place}.",
    "{date}, party activists attacked and injured {n} supporters of a rival party in {place}.",
]

T["Violent demonstration"] += [
    "{date}, {crowd} burned tyres and blocked roads in {place} {issue}.",
    "{date}, {crowd} protesting in {place} {issue} threw stones at police and damaged vehicles.",
    "{date}, {crowd} blocked the highway near {place} {issue} and pelted stones at passing cars.",
    "{date}, {crowd} set up burning barricades in {place} {issue}.",
    "{date}, {crowd} demonstrated in {place} {issue}. Some protesters vandalised government offices.",
    "{date}, a protest by {crowd} in {place} {issue} turned violent when demonstrators attacked a police post.",
    "{date}, {crowd} stormed the district office in {place} {issue} and smashed windows.",
    "{date}, rioting broke out in {place} as {crowd} protested {issue}.",
    "{date}, {crowd} demonstrated in {place} {issue}. Rioters threw stones and police used batons to disperse them.",
]

T["Protest with intervention"] += [
    "{date}, {crowd} held a protest in {place} {issue}. Police resorted to a baton charge to disperse them.",
    "{date}, {crowd} staged a road blockade in {place} {issue}; police removed them and detained {n}.",
    "{date}, {crowd} gathered in {place} {issue}. Police intervened and dispersed the gathering.",
    "{date}, {n} {crowd} were arrested in {place} while protesting {issue}.",
    "{date}, {crowd} demonstrated in {place} {issue}. Security forces fired in the air to disperse them.",
]

T["Peaceful protest"] += [
    "{date}, {crowd} gathered outside the district office in {place}, demanding {issue2}.",
    "{date}, {crowd} blocked the main road in {place} for two hours, demanding {issue2}.",
    "{date}, hundreds of {crowd} took to the streets of {place} {issue}.",
    "{date}, {crowd} formed a human chain in {place} {issue}.",
    "{date}, {crowd} took out a procession in {place} {issue}.",
    "{date}, {crowd} staged a road blockade in {place} {issue}.",
    "{date}, {crowd} shouted slogans against the authorities in {place} {issue}.",
    "{date}, {crowd} assembled in front of the town hall in {place} {issue}.",
    "{date}, {crowd} submitted a memorandum to the governor in {place} after a march {issue}.",
]

SLOTS["issue2"] = ["to be allowed to go home", "the payment of their wages", "food aid", "water and electricity",
                   "the release of a detained colleague", "compensation for lost crops", "the reopening of the market",
                   "the removal of a local official", "better roads", "protection from armed groups"]

T["Change to group/activity"] += [
    "{date}, {state} conducted a patrol in the countryside of {place}.",
    "{date}, a joint patrol of foreign forces took place along the highway near {place}.",
    "{date}, {state} set up new fortifications and dug trenches near {place}.",
    "{date}, the governor imposed a curfew on {place} and closed the markets.",
    "{date}, the authorities declared a lockdown in {place} and banned travel between towns.",
    "{date}, a military column with armoured vehicles and heavy equipment arrived in {place}.",
    "{date}, {n} members of {armed} defected and joined government forces in {place}.",
    "{date}, {armed} moved reinforcements into {place}.",
    "{date}, {state} redeployed troops from {place} to the north.",
    "{date}, {armed} closed the roads leading to {place} and set up checkpoints.",
    "{date}, a fighter group in {place} announced it had left the coalition and joined another faction.",
    "{date}, {state} began a large deployment around {place} ahead of an expected offensive.",
    "{date}, {armed} burned a cache of drugs in {place} in a public ceremony.",
    "{date}, {armed} held a military parade in {place}.",
]

T["Shelling/artillery/missile attack"] += [
    "{date}, {armed} fired {weapon} at residential areas of {place}.",
    "{date}, {state} targeted positions of {armed} near {place} with {weapon}.",
    "{date}, {weapon} fired from across the front line hit villages around {place}.",
    "{date}, {armed} fired {weapon} at farms near {place}, damaging houses.",
    "{date}, {state} used an anti-tank missile to destroy a vehicle of {armed} near {place}.",
    "{date}, rockets fired by unknown attackers landed near the airport in {place}.",
    "{date}, {state} pounded {armed} positions in the hills near {place} with {weapon}.",
]

T["Looting/property destruction"] += [
    "{date}, {armed} looted shops and stole livestock in {place}.",
    "{date}, unknown people burned a school building in {place}.",
    "{date}, {armed} destroyed a bridge near {place}.",
    "{date}, {group} vandalised a mobile phone mast in {place}.",
    "{date}, {armed} robbed travellers on the road near {place} and took their money.",
    "{date}, {state} demolished houses in {place}.",
]

T["Abduction/forced disappearance"] += [
    "{date}, {armed} seized {person} from his farm near {place} and took him to an unknown location.",
    "{date}, {n} travellers went missing on the road to {place}; {armed} are believed to hold them.",
    "{date}, men in plain clothes took away a journalist in {place}, and his whereabouts are unknown.",
]

T["Arrests"] += [
    "{date}, police detained {n} people in {place} for violating the lockdown.",
    "{date}, {state} arrested a local leader in {place} on charges of inciting violence.",
    "{date}, police picked up {n} activists from their homes in {place}.",
]

T["Other"] += [
    "{date}, {armed} prevented a foreign patrol from entering {place} by blocking the road.",
    "{date}, the parliament approved a new government in {place}.",
    "{date}, the authorities suspended a television channel in {place}.",
    "{date}, an aid agency announced cuts to food aid in areas around {place}.",
    "{date}, {n} prisoners were freed in {place} as part of an exchange.",
]


def build(seed: int = SEED, per_template: int = PER_TEMPLATE) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for label in sorted(T):
        for template in T[label]:
            seen = set()
            for _ in range(per_template * 3):
                text = fill(template, rng)
                if rng.random() < TAIL_SHARE:
                    text = f"{text} {rng.choice(SLOTS['tail'])}"  # a note's closing words, which say nothing of its type
                if text not in seen:
                    seen.add(text)
                    rows.append({"text": text, "sub_event_type": label})
                if len(seen) >= per_template:
                    break
    return rows


def main() -> int:
    rows = build()
    header = {"_about": "Training sentences for the default sub-event type model, written for the contested project "
              "from ACLED's public codebook definitions (none taken from any data set); made by "
              "eval/make_typing_corpus.py. Licence: the project's own.", "project_written": True}
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(header) + "\n")
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences, {len(T)} sub-event types -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

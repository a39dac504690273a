"""Places the development set blind4 got wrong, as mechanisms (issue 8), on sentences written for these tests
with real place names: a big city abroad spelt like a town of the story's country, a sea named like a province,
a unit spelt with another unit's name, a county written with its kind, a short form of a name the article writes
in full, a village the text puts in a unit where only a namesake elsewhere is known, and places named to say
where another lies."""

from __future__ import annotations

from conftest import resolved
from contested.pipeline import extract_text


def located(text: str, published: str = "2021-03-30"):
    return [e.location for e in extract_text(text, published=published) if e.location is not None]


def test_a_city_abroad_spelt_as_written_does_not_silence_a_town_of_the_storys_country(gaz, nlp):
    """Palma de Mallorca (400,000 people, Spain) is spelt "Palma"; in a story about Cabo Delgado, Palma is the
    Mozambican district, not nothing."""
    text = ("Mozambican troops said on Monday they had pushed insurgents out of Mocimboa da Praia in Cabo Delgado. "
            "Gunmen later raided a market in Palma, residents said.")
    got = dict(resolved(gaz, nlp, text))
    assert got["Palma"] is not None
    assert (got["Palma"].country, got["Palma"].admin1) == ("Mozambique", "Cabo Delgado")
    # the same name in a story about Spain is still the Spanish city
    text = "Spanish police detained two men in Palma on Friday after a fight near the port, officials in Madrid said."
    got = dict(resolved(gaz, nlp, text))
    assert got["Palma"] is not None and got["Palma"].country == "Spain"


def test_the_sea_is_not_the_province_named_after_it(gaz, nlp):
    text = "Houthi fighters fired two drones at a tanker in the Red Sea on Sunday, the navy said."
    assert all(loc is None or loc.country != "Sudan" for _, loc in resolved(gaz, nlp, text))
    locs = located(text)
    assert all(loc.country != "Sudan" for loc in locs)
    # called a unit, it is the unit
    text = "Riot police dispersed a sit-in outside the governor's office in Red Sea State on Sunday."
    got = dict(resolved(gaz, nlp, text))
    assert got["Red Sea"] is not None and got["Red Sea"].country == "Sudan"


def test_an_armed_group_is_no_place_of_last_resort(gaz, nlp):
    """"Houthi forces": Huth is a town in Yemen, but the word names the group."""
    locs = located("Houthi forces shelled a cargo ship on Tuesday, the coalition said.")
    assert all(loc.name != "Huth" for loc in locs)


def test_a_unit_is_not_shown_under_a_spelling_that_is_another_units_name(gaz):
    provinces = [p for p in gaz.lookup("Lunda Norte") if p.feature == "province"]
    assert provinces and provinces[0].country_code == "AO"
    assert provinces[0].name.replace("-", " ") == "Lunda Norte"
    # the misspelling the package lists stays a name of it
    assert [p.key for p in gaz.lookup("Luanda Norte") if p.feature == "province"] == [provinces[0].key]


def test_a_county_written_with_its_kind_votes_for_its_country(gaz, nlp):
    """"Johnson County", "Jackson County": US counties that say the story is American, so that "Westport" is not
    the Canadian district of that name."""
    text = ("Deputies from Johnson County and Jackson County searched a house in Olathe on Monday. Shots were "
            "heard in Westport on Saturday night, residents said.")
    got = dict(resolved(gaz, nlp, text))
    assert got["Westport"] is not None and got["Westport"].country == "United States"


def test_a_short_form_of_a_name_written_in_full_is_that_place(gaz, nlp):
    """"Nawa" is a district of Ghazni; beside "Nawa-i-Barakzayi district" of Helmand it is that district."""
    text = ("Families left Lashkar Gah on foot towards Nawa on Sunday. The Taliban overran the centre of "
            "Nawa-i-Barakzayi district on Monday, a Helmand official said.")
    got = resolved(gaz, nlp, text)
    nawa = [loc for name, loc in got if name == "Nawa"]
    assert nawa and nawa[0] is not None and nawa[0].admin1 == "Helmand"
    # alone, Nawa is still Ghazni's district
    got = dict(resolved(gaz, nlp, "Gunmen killed two teachers in Nawa district of Ghazni on Sunday."))
    assert got["Nawa"] is not None and got["Nawa"].admin1 == "Ghazni"


def test_a_village_put_in_a_unit_where_only_a_namesake_elsewhere_is_known(gaz, nlp):
    """The only Piatykhatky the packages know is a town of Dnipropetrovsk; "in the Zaporizhzhia region" says this
    one is another: placed in that region by its name, here and where the text names it again."""
    text = ("On Friday the general staff said Ukrainian soldiers had recaptured the village of Piatykhatky in the "
            "Zaporizhzhia region. Russian guns shelled Piatykhatky again a day later.")
    locs = located(text, "2023-06-25")
    assert locs
    assert all(loc.admin1 != "Dnipropetrovsk" for loc in locs)
    assert any(loc.name == "Piatykhatky" and loc.admin1 == "Zaporizhzhia" for loc in locs)
    # where the reading lies in the unit named, it is kept
    got = dict(resolved(gaz, nlp, "Drones hit Pyatykhatky in the Dnipropetrovsk region on Friday."))
    assert got["Pyatykhatky"] is not None and got["Pyatykhatky"].admin1 == "Dnipropetrovsk"


def test_a_place_named_to_say_where_another_lies_is_not_the_events(gaz):
    locs = located("M23 rebels seized the locality of Kibirizi, on the road between Rutshuru and Kanyabayonga, on "
                   "Sunday, residents said.", "2024-02-12")
    assert locs and locs[0].name == "Kibirizi"
    assert locs[0].country == "Democratic Republic of the Congo"


def test_a_hyphenated_town_name_is_kept_whole(gaz):
    locs = located("Three people were wounded on Tuesday when a bomb went off near the market of Hpa-An, police "
                   "said.", "2023-05-10")
    assert any(loc.name.lower() == "hpa-an" and loc.admin1 == "Kayin" for loc in locs)


def test_a_word_the_parser_reads_as_a_noun_is_the_place_the_text_names_elsewhere(gaz, nlp):
    """"around Sake", then "had fled Sake": the parser reads the second as a common noun; the text has said it
    is a place."""
    text = ("M23 rebels shelled the outskirts of Sake, a town west of Goma, on Monday. Aid agencies said some 30,000 "
            "residents had fled Sake by Thursday.")
    sakes = [loc for name, loc in resolved(gaz, nlp, text) if name == "Sake"]
    assert len(sakes) == 2 and all(loc is not None and loc.admin1 == "North Kivu" for loc in sakes)


def test_a_place_no_package_knows_put_in_a_unit_after_near(gaz):
    locs = located("Congolese army drones struck M23 trucks near Kingi, in Masisi territory of North Kivu province, "
                   "on Monday, the army said.", "2024-02-12")
    assert any(loc.name == "Kingi" and loc.admin1 == "North Kivu" for loc in locs)


def test_a_shortened_first_word_is_the_longer_name(gaz, nlp):
    got = dict(resolved(gaz, nlp, "Two men were shot in St. Louis County on Sunday, police said."))
    assert "Louis County" not in got  # not Louisa County, which the lossy key joins to it
    assert got["St. Louis County"] is not None and got["St. Louis County"].name == "Saint Louis"
    assert got["St. Louis County"].country == "United States"


def test_the_first_word_of_a_street_is_no_place(gaz, nlp):
    got = dict(resolved(gaz, nlp, "A teen was shot on Turkey Run Road in Gallia County on Tuesday."))
    assert "Turkey" not in got
    got = dict(resolved(gaz, nlp, "A hearing was held in Adams County Circuit Court on Monday."))
    assert got.get("Adams County") is not None


def test_a_word_of_nationality_before_the_town_says_its_country(gaz):
    from contested.pipeline import _facilities

    text = "Border guards stopped smugglers on Friday close to the Uzbek village of Sariosiyo, an official said."
    got = {loc.name: loc.country for _, _, loc in _facilities(text, [], gaz)}
    assert "Sariosiyo" in got and got["Sariosiyo"] == "Uzbekistan"
    got = {loc.name: loc.country for _, _, loc in _facilities("Gunmen reached the village of Sariosiyo.", [], gaz)}
    assert "Sariosiyo" in got and got["Sariosiyo"] is None


def test_a_town_no_package_knows_is_in_the_story_country_where_no_other_is_named(gaz):
    # Ye-U is kept: the construction needs a town no package knows, in a story whose other places all lie in one
    # country; the story around it is written anew
    text = ("Troops shelled Budalin in Sagaing region on Sunday, residents of Monywa said. Jets bombed a market in "
            "Kanbalu on Monday. On Wednesday a farmer died when he stepped on a landmine outside the village of "
            "Ye-U.")
    mine = [loc for loc in located(text, "2023-11-10") if loc.name == "Ye-U"]
    assert mine and mine[0].country == "Myanmar"
    # the unit every place before it in its paragraph lies in, which the text names (Sagaing region), at that
    # unit's point, ACLED geo precision 3 (issue 8: kept by name in the province the story is at)
    assert mine[0].admin1 == "Sagaing" and mine[0].precision == 3
    # where the places before it lie in two units, none is guessed
    text = ("Troops shelled Budalin in Sagaing region on Sunday, and jets bombed a market in Magway region on "
            "Monday, residents said. On Wednesday a farmer died when he stepped on a landmine outside the village "
            "of Ye-U.")
    mine = [loc for loc in located(text, "2023-11-10") if loc.name == "Ye-U"]
    assert mine and mine[0].admin1 is None


def test_the_city_is_the_town_the_story_is_at_not_a_district_named_as_a_destination(gaz):
    text = ("Taliban fighters attacked police posts in Lashkar Gah on Sunday, killing 12 officers, officials said."
            "\n\nOn Monday hundreds of families set off from Lashkar Gah towards Nad Ali and Nawa, residents said. "
            "Officials said 2,000 families had fled the city by Monday night.")
    fled = [e for e in extract_text(text, published="2021-08-04")
            if e.type == "displacement" and "fled the city" in e.claims[0].sentence]
    assert fled and fled[0].location is not None and fled[0].location.name == "Lashkar Gah"


def test_the_city_is_the_town_the_story_is_at_elsewhere_too(gaz):
    """With other places (Sheberghan; Khwaja Du Koh and Mardyan as destinations after "towards"), "the city" is
    the town the families left, not a place named as where they went."""
    text = ("Taliban fighters attacked police posts in Sheberghan on Sunday, killing 12 officers, officials said.\n\n"
            "On Monday hundreds of families left Sheberghan towards Khwaja Du Koh and Mardyan, residents said. "
            "Officials said 2,000 families had fled the city by Monday night.")
    # (families leaving Sheberghan is now a flight of its own, and "had fled the city" its retelling: one event)
    fled = [e for e in extract_text(text, published="2021-08-04")
            if e.type == "displacement" and any("fled the city" in c.sentence for c in e.claims)]
    assert len(fled) == 1 and fled[0].location is not None and fled[0].location.name == "Shibirghan"


def test_a_short_district_name_in_the_province_the_text_names(gaz, nlp):
    """"Nawa district of Helmand province", "Nawa ..., a Helmand official said": the Nawa of Helmand
    (Nawah-ye Barakzai), not Ghazni's; with Ghazni named, Ghazni's."""
    for text in ("Gunmen killed two police officers in Nawa district of Helmand province on Sunday.",
                 "Clashes were reported in Nawa, in Helmand province, on Monday.",
                 "Gunmen killed two teachers in Nawa on Sunday, a Helmand official said."):
        got = dict(resolved(gaz, nlp, text))
        assert got["Nawa"] is not None and got["Nawa"].admin1 == "Helmand", text
    got = dict(resolved(gaz, nlp, "Gunmen killed two teachers in Nawa on Sunday, a Ghazni official said."))
    assert got["Nawa"] is not None and got["Nawa"].admin1 == "Ghazni"


def test_a_spelling_only_the_lossy_key_joins_in_a_province_never_named_is_not_the_place(gaz, nlp):
    """"Gubi" meets Goba (Oromia) under the lossy key; in a story of the Afar and Tigray regions it is a village
    no package knows, put in the unit the sentence names."""
    text = ("Fighting spread across the Afar region and the Tigray region on Monday. Gunmen killed nine herders "
            "in the village of Gubi on Tuesday, Afar officials said.")
    got = dict(resolved(gaz, nlp, text))
    assert "Gubi" in got  # the name is read ...
    assert got["Gubi"] is None or got["Gubi"].admin1 != "Oromia"  # ... and not as Goba
    # a transliteration of the name (Islam Qala / Eslam Qaleh) is still read
    got = dict(resolved(gaz, nlp, "Fighters in Kandahar province and Farah province said they had taken the "
                                  "border town of Islam Qala."))
    assert got["Islam Qala"] is not None and got["Islam Qala"].admin1 == "Herat"


def test_a_places_bridge_is_at_the_place(gaz, nlp):
    locs = located("Missiles struck the Chonhar road bridge on Thursday, the governor of the Kherson region said.",
                   "2023-06-22")
    assert any(loc.name == "Chonhar" and loc.admin1 == "Kherson" for loc in locs)


def test_a_unit_named_as_written_plus_one_word_only_where_that_word_is_a_unit_word():
    """"Masisi" may be the unit a package calls "Masisi Territory", but not a unit whose extra word is no word of
    units ("Masisi Lighthouse", made up for the test; a short extra word is a close spelling of its own)."""
    from contested.pipeline import _unit_readings
    from contested.records import Place, PlaceMention

    territory = Place(key="t", name="Masisi Territory", feature="district", country_code="CD")
    other = Place(key="o", name="Masisi Lighthouse", feature="district", country_code="CD")
    got = _unit_readings(PlaceMention(0, 6, "Masisi", [territory, other]))
    assert territory in got
    assert other not in got

"""Villages of Turkey and of the rest of Azerbaijan named as the conflict's villages are.

Turkey has thousands of villages and townships whose names are the Turkish spellings of villages
of the gazetteer (Karadere, Güneşli, Erikli, Kalacık, Altınca, Almalı), and the Turkish press
reports on them daily (kenthaber.com: "Kayseri'nin Güneşli beldesinde çıkan yangın"). A village
is dropped when its paragraph or text names a province of Turkey and nothing of the village's
own region; news of the conflict in Turkish keeps its villages (`Matcher._villages_with_their_region`).
"""

import pytest


def found(matcher, text):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang="tr")]


@pytest.mark.parametrize("text", [
    "Kastamonu'ya bağlı Karadere köyünde sel felaketi yaşandı.",
    "Bolu'nun Güneşli köyünde trafik kazası meydana geldi.",
    "Sivas'ın Kalacık köyünde doğan sanatçı hayatını kaybetti.",
    # a belde is Turkey's township: never a village of Azerbaijan, whatever the text names
    "Kocasinan ilçesine bağlı Güneşli beldesinde arazide yangın çıktı.",
])
def test_a_village_placed_in_turkey_is_no_place_of_the_gazetteer(matcher, text):
    assert found(matcher, text) == []


def test_the_province_may_be_named_in_another_paragraph(matcher):
    text = "Kayseri'nin Güneşli beldesinde yangın çıktı.\n\nGüneşli'de 50 hektar alan kül oldu."
    assert found(matcher, text) == []


@pytest.mark.parametrize("text, expected", [
    # the village's district or region named beside it
    ("Füzuli bölgesinin Arış köyü kurtarıldı.", [("Füzuli bölgesinin", "fuzuli_district"), ("Arış", "arish")]),
    ("Azerbaycan ordusu Arış köyünü kurtardı.", [("Azerbaycan", "azerbaijan"), ("Arış", "arish")]),
    # a Turkish province in an article about Karabakh: the article names the region elsewhere
    ("Azerbaycan ordusu Füzuli'yi kurtardı.\n\nArış köyünü Iğdır'dan gelen gazeteciler gezdi.",
     [("Azerbaycan", "azerbaijan"), ("Füzuli'yi", "fuzuli"), ("Arış", "arish")]),
    # nothing of either: the village stays (news of the conflict names villages bare)
    ("Arış köyü sakinleri evlerine döndü.", [("Arış", "arish")]),
])
def test_news_of_the_conflict_keeps_its_villages(matcher, text, expected):
    assert found(matcher, text) == expected


@pytest.mark.parametrize("text", [
    # many village names recur all over Azerbaijan: a genitive right before the name places it in
    # a district far from the conflict (gabalacity.com lists Qəbələ's Hacallı and Yenikənd)
    "Qəbələ rayonunun Hacallı kəndi rayonun 60 kəndindən biridir.",
    "Quba rayonunun Günəşli kəndində sel olub.",
    "Lənkəran rayonunun Hacılı kəndində məscid açılıb.",
])
def test_a_village_of_a_district_far_from_the_conflict_is_another_village(matcher, text):
    assert [m.kind for m in matcher.find(text, lang="az")] in (["district"], ["town"], ["city"])


@pytest.mark.parametrize("text, lang", [
    # the far district named right after the village, as Russian and English write it
    ("Пожар произошел в селе Алмалы Габалинского района.", "ru"),
    ("A fire broke out in Almali village of Gabala district.", "en"),
])
def test_a_far_district_after_the_village_makes_it_another_village(matcher, text, lang):
    assert [m.entity_id for m in matcher.find(text, lang=lang)] == ["gabala_district"]


def test_a_list_of_villages_is_not_cut_by_a_name_read_as_a_district(matcher):
    text = "The army liberated villages in the Jabrayil region - Karkhulu, Charakan, Dashkasan and Dejal."
    assert "charakan" in [m.entity_id for m in matcher.find(text, lang="en")]


@pytest.mark.parametrize("text, village", [
    ("Füzuli rayonunun Arış kəndi azad edilib.", "arish"),
    # a village moved between two of the region's districts (Aghdara, re-created in 2023)
    ("Tərtər rayonunun Talış kəndi azad edilib.", "talish"),
    ("В селе Талыш Тертерского района восстановлена школа.", "talish"),
    # Armenia's Soviet districts named after a town of the village's province
    ("Basarkeçər rayonunun Yuxarı Şorca yaşayış məntəqəsi istiqamətindən atəş açılıb.", "verin_shorzha"),
])
def test_a_village_of_its_own_or_a_neighbouring_district_stays(matcher, text, village):
    assert village in [m.entity_id for m in matcher.find(text)]


@pytest.mark.parametrize("text, lang", [
    # Karabulak, a town of Ingushetia: Martunashen's and Fuzuli's old name only beside another name of them
    ("В Карабулаке Ингушетии прошли обыски.", "ru"),
    # Jolfa, the Iranian town across the Araks
    ("Иранский город Джульфа стал свободной экономической зоной.", "ru"),
    ("İranın Culfa şəhərində yarmarka keçirilib.", "az"),
])
def test_towns_of_other_countries_of_the_same_name(matcher, text, lang):
    assert [m.entity_id for m in matcher.find(text, lang=lang)
            if m.entity_id not in ("iran",)] == []


@pytest.mark.parametrize("text", [
    "Iranian trucks cross the border at Julfa every day.",
    "Julfa, on the border with Iran, was the site of the Armenian cemetery.",
])
def test_nakhchivans_julfa_beside_iran_stays_the_town(matcher, text):
    assert "julfa" in [m.entity_id for m in matcher.find(text, lang="en")]


@pytest.mark.parametrize("text, expected", [
    # Kut al-Amara, the Iraqi city, where the sentence names Iraq or its region
    ("British troops under Townshend surrendered at Kut in 1916.", []),
    ("Protests spread to Kut and Basra in southern Iraq.", []),
    ("Azerbaijani forces shelled Kut and Sotk near Vardenis.", ["kut", "sotk", "vardenis"]),
])
def test_kut_of_iraq_and_kut_of_gegharkunik(matcher, text, expected):
    assert [m.entity_id for m in matcher.find(text, lang="en")] == expected

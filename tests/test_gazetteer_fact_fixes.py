"""Facts of the gazetteer checked against sources and fixed (issue 10, point 8).

One village under two names merged into one entity; villages moved to other districts by
Azerbaijan's laws of 5 December 2023; the Mother See of Holy Etchmiadzin told from the city;
Soviet and rival names that the news prints. Each fact cites its source in the entity.
"""

import pytest


def test_aliaghali_and_hovtashen_are_one_village_under_its_two_names(gazetteer, matcher):
    # fr.wikipedia's Əliağalı: the Agdam village renamed Hovtashen under Armenian control.
    assert "aliaghali" not in gazetteer
    village = gazetteer.get("hovtashen")
    assert {f.id for f in village.forms} == {"hovtashen", "aliaghali"}
    assert village.part_of == "agdam_district"
    found = [(m.surface, m.entity_id, m.form) for m in matcher.find(
        "A mine exploded near Aliaghali, the village Armenians called Hovtashen.", lang="en")]
    assert found == [("Aliaghali", "hovtashen", "aliaghali"), ("Hovtashen", "hovtashen", "hovtashen")]


@pytest.mark.parametrize("entity_id, district", [
    # Article 2.2 of the law re-creating the Aghdara district (Metbuat.az).
    ("charektar", "aghdara_district"),
    # The law moving the Malibeyli and Gushchular units from Shusha to Khojaly district.
    ("yukhari_gushchular", "khojaly_district"),
    ("ashaghi_gushchular", "khojaly_district"),
    ("malibeyli", "khojaly_district"),
])
def test_the_laws_of_5_december_2023_moved_these_villages(gazetteer, entity_id, district):
    place = gazetteer.get(entity_id)
    assert place.part_of == district
    assert "5 December 2023" in place.notes


@pytest.mark.parametrize("lang, text", [
    ("hy", "Մայր Աթոռ Սուրբ Էջմիածնի միաբանությունը հայտարարություն է տարածել։"),
    ("hy", "Սուրբ Էջմիածինը դատապարտեց հարձակումը։"),
    ("en", "The Mother See of Holy Etchmiadzin issued a statement."),
    ("ru", "Первопрестольный Святой Эчмиадзин выступил с заявлением."),
    ("ru", "Делегация Святого Эчмиадзина прибыла в Москву."),
    ("fr", "Le Saint-Etchmiadzine a publié un communiqué."),
    ("de", "Der Mutterstuhl des Heiligen Etschmiadsin verurteilte den Angriff."),
    ("tr", "Kutsal Eçmiadzin bir açıklama yaptı."),
])
def test_holy_etchmiadzin_is_the_mother_see_not_the_city(matcher, lang, text):
    assert [m.entity_id for m in matcher.find(text, lang=lang)] == []


@pytest.mark.parametrize("lang, text, surface", [
    ("hy", "Նախագահը երեկ Էջմիածնում էր։", "Էջմիածնում"),
    ("en", "The pilgrims travelled from Yerevan to Etchmiadzin.", "Etchmiadzin"),
    ("ru", "Он родился в Эчмиадзине.", "Эчмиадзине"),
])
def test_etchmiadzin_without_a_word_for_holy_is_still_the_city(matcher, lang, text, surface):
    assert (surface, "vagharshapat") in [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)]


@pytest.mark.parametrize("lang, text, expected", [
    # Western Armenian spelling of the French diaspora press (Nouvelles d'Arménie, 2011).
    ("fr", "Les troupes encerclaient les villages arméniens de Gedachen et Mardounachen.",
     [("Gedachen", "getashen"), ("Mardounachen", "martunashen")]),
    # Azerbaijani press: the Karabakh economic "zone" beside the official "region".
    ("az", "Azərbaycan Qarabağ iqtisadi zonasında antiterror tədbirlərinə başlayıb.",
     [("Azərbaycan", "azerbaijan"), ("Qarabağ iqtisadi zonasında", "karabakh_economic_region")]),
    # The district administration (շրջվարչակազմ) is the district's, not the town's.
    ("hy", "Այս մասին ասաց Մարտունու շրջվարչակազմի ղեկավարի տեղակալը։",
     [("Մարտունու", "khojavend_district")]),
    ("hy", "Մարտունի քաղաքը ռմբակոծվել է։", [("Մարտունի", "khojavend")]),
    # Gabala district was Kutkashen district until 1991.
    ("ru", "Он родился в Куткашенском районе.", [("Куткашенском районе", "gabala_district")]),
    # Chartar of the Martuni region is Güneyçartar and Quzeyçartar in Azerbaijan's division.
    ("az", "Quzeyçartar və Güneyçartar kəndləri Xocavənd rayonundadır.",
     [("Quzeyçartar", "chartar"), ("Güneyçartar", "chartar"), ("Xocavənd rayonundadır", "khojavend_district")]),
])
def test_rival_and_soviet_names_the_news_prints(matcher, lang, text, expected):
    assert [(m.surface, m.entity_id) for m in matcher.find(text, lang=lang)] == expected


def test_kutkashen_district_is_a_dead_soviet_name_of_gabala_district(gazetteer):
    form = gazetteer.get("gabala_district").form("kutkashen_district")
    assert str(form.until) == "1991" and not form.contested


def test_madagiz_ends_as_azerbaijans_official_name_on_3_october_2020(gazetteer):
    form = gazetteer.get("sugovushan").form("madagiz")
    assert str(form.until) == "2020-10-03"
    assert "official" in form.note


def test_horadis_of_vayots_dzor_is_not_given_to_horadiz(gazetteer, matcher):
    assert "Հորադիս" in gazetteer.get("horadiz").notes
    assert all(m.entity_id != "horadiz" for m in matcher.find("Հորադիս գյուղը Վայքի մոտ է։", lang="hy"))


def test_noravan_is_sisians_village_not_the_noravank_monastery(gazetteer, matcher):
    assert "Noravank" in gazetteer.get("noravan").notes
    assert all(m.entity_id != "noravan"
               for m in matcher.find("Նորավանքը Վայոց ձորի վանական համալիր է։", lang="hy"))

"""Armenian classes from hy10's dev pages: the classical conjunction եւ in a list of districts,
the NKR's sub-district (ենթաշրջան), the river's bed (հուն), organisations in quotation marks,
and spellings the press uses (Քարավաճառ, Շուշիի ամրոց, Ղարանլուղ)."""

import pytest


def found(matcher, text):
    return [(m.surface, m.entity_id) for m in matcher.find(text, lang="hy")]


@pytest.mark.parametrize("text, expected", [
    # asbarez.am: the classical "and" ends a list of genitives before the plural word for a district
    ("Դատարկուել էին Գետաբեկի, Թովուզի, Շամխորի եւ Դաշքեսանի շրջանները։",
     ["gadabay_district", "tovuz_district", "shamkir_district", "dashkasan_district"]),
    ("Դատարկվել էին Գետաբեկի, Թովուզի, Շամխորի և Դաշքեսանի շրջանները։",
     ["gadabay_district", "tovuz_district", "shamkir_district", "dashkasan_district"]),
    ("Նիւթերում կային Խանլարի եւ Շահումեանի շրջանների գիւղերից ծրագրեր։",
     ["goygol_district", "shahumyan_district"]),
    # blog.mediamall.am: the sub-district, in a variant spelling of Karvachar
    ("Մարտակերտի շրջանը արևմուտքում սահմանակցում է Քարավաճառի ենթաշրջանին։",
     ["aghdara_district", "kalbajar_district"]),
    ("Ժողովրդական ստուգաբանությամբ Քարավաճառ անունը կապված է քար վաճառելու հետ։", ["kalbajar"]),
    # the river's bed is the river's; January (հունվար) is not
    ("Թարթառի հունի պատնեշման միջոցով ստեղծվել է Սարսանգի ջրամբարը։", ["tartar_river", "sarsang_reservoir"]),
    ("Թարթառ հունվարի 5-ին այցելեց նախարարը։", ["tartar"]),
    # henaran.am: the fortress by the word the press uses
    ("Մայիսի 8-ին Շուշիի ամրոցի մոտ ներկայացվելու է «Արցախյան հարսանիք» բեմադրությունը։", ["shusha_fortress"]),
    # shamshyan.com: the upper sub-district of Askeran is the district's part; "upper" alone is not
    ("Տներ կստանան Ասկերանի վերին ենթաշրջանի Սղնախ համայնքի ընտանիքները։", ["khojaly_district", "sghnakh"]),
    ("Մարտակերտի ստորին ենթաշրջանում կռիվներ էին։", ["aghdara_district"]),
    ("Ասկերանի վերին թաղամասում նոր շենք է կառուցվում։", ["askeran"]),
    # auroranews.am: the Vardenis village beside Verin Shorzha
    ("Վերին Շորժայից դեպի Շատջրեքի հատվածում փոխհրաձգություն է եղել։", ["verin_shorzha", "shatjrek"]),
    # urbanista.am: Martuni on Sevan was Nerkin Gharanlugh before 1926
    ("Գյուղը հետո վերանվանվել էր Ներքին Ղարանլուղ։", ["martuni_gegharkunik"]),
])
def test_hy10_classes(matcher, text, expected):
    assert [entity for _, entity in found(matcher, text)] == expected, found(matcher, text)


@pytest.mark.parametrize("text", [
    "Հիմնադրվել է «Արցախ» հասարակական կազմակերպությունը։",
    "Ակցիան կազմակերպել էր «Ղարաբաղ» կազմակերպությունը։",
    "«Շուշի» կուսակցութիւնը յայտարարութիւն տարածեց։",
])
def test_hy10_organisations_in_quotes(matcher, text):
    assert found(matcher, text) == []


def test_hy10_place_before_a_quoted_event_stays(matcher):
    # a place's event in quotation marks, an adjective after: still the place
    text = "«Խոջալուի ցեղասպանության» ադրբեջանական պատմագիտական միֆի շուրջ"
    assert [entity for _, entity in found(matcher, text)] == ["khojaly"]


@pytest.mark.parametrize("text, expected", [
    # the Karabakh war encyclopedia: a list of genitives ends in "and other districts"
    ("Ջոկատը մասնակցել է Մարտակերտի, Ասկերանի, Քելբաջարի և այլ շրջանների մարտերին։",
     ["aghdara_district", "khojaly_district", "kalbajar_district"]),
    ("Ջոկատը կռվել է Հադրութի ու այլ շրջաններում։", ["hadrut_district"]),
    ("Սյունիքի եւ այլ մարզերի դպրոցները փակ են։", ["syunik"]),
    # "other" with no list before it leaves the town alone
    ("Մարտակերտից եկած մարդիկ այլ շրջաններում են։", ["aghdara"]),
    ("Ստեփանակերտի և այլ քաղաքների բնակիչները", ["khankendi"]),
])
def test_hy10_list_ending_in_other_districts(matcher, text, expected):
    assert [entity for _, entity in found(matcher, text)] == expected, found(matcher, text)


@pytest.mark.parametrize("text, expected", [
    # only a genitive is governed by the word for a district at the end of its list
    ("Գիշերն անհանգիստ է եղել Մարտակերտում և Մարտունու շրջանում։", ["aghdara", "khojavend_district"]),
    ("Հրթիռակոծում էին Ասկերանը, Մարտակերտի և Մարտունու շրջանների բնակավայրերը։",
     ["askeran", "aghdara_district", "khojavend_district"]),
    ("Գիշերն անհանգիստ է եղել Մարտակերտի և Մարտունու շրջաններում։", ["aghdara_district", "khojavend_district"]),
])
def test_hy10_only_a_genitive_joins_a_list_of_districts(matcher, text, expected):
    assert [entity for _, entity in found(matcher, text)] == expected, found(matcher, text)

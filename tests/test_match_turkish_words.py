"""Turkish words that fold to a place's key: sentences opening with them, and given names, are no
places (an audit of every key against tr_TR and wordfreq's Turkish list, bench/bench_ordinary_words.py).
Sentences written for these tests."""

import pytest


@pytest.mark.parametrize("text", [
    "Kanalı izleyenler şaşırdı.",            # its channel: not Khanali
    "Zamanlı bir karar verildi.",            # timely: not Zamanlı
    "Barda içki içtik.",                     # in the bar: Turkish writes the town Berde
    "Karnı aç olan çocuklar sokakta.",       # his belly: not Garni
    "Seki bugün kapalı.",                    # a terrace: Turkish writes the town Şeki
    "Kut'ül Amare zaferi kutlandı.",         # the Ottoman victory in Iraq, not the Gegharkunik village
    "Develi'de festival düzenlendi.",        # the Kayseri town, not Ararat's old name
    "Baki Ercan açıklama yaptı.",            # a given name: Turkish writes Baku Bakü
    "Armağan Çağlayan programda konuştu.",   # a given name, not Mount Armağan
    "Azat edilen köleler yeni bir hayata başladı.",  # freed
    "Davacı taraf karara itiraz etti.",      # the plaintiff: Dəvəçi, Shabran's old name
    "Kaçık bir adam sokakta bağırıyordu.",   # crazy: not Khachik
    "Kıvrak hareketlerle dans etti.",        # agile: not Qıvraq
    "Tavus kuşu bahçede dolaşıyor.",         # the peacock: Turkish writes the province Tavuş
    "Demirli beton kullanıldı.",             # with iron: not the Demirli mine
    "Saatli Maarif Takvimi yeniden basıldı.",  # the almanac, not Saatlı
    "Tophane'de kahve içtik.",               # Istanbul's quarter, not Shusha's Topxana forest
])
def test_turkish_words_and_names_are_no_places(found, text):
    assert found(text, "tr") == []


@pytest.mark.parametrize("text, expected", [
    ("Azerbaycan'ın Berde ilçesinde tören yapıldı.", ("Berde ilçesinde", "barda_district")),
    ("Şeki'de yağmur bekleniyor.", ("Şeki'de", "sheki")),
    ("Garni tapınağını ziyaret ettiler.", ("Garni", "garni")),
    ("Bakü'de toplantı yapıldı.", ("Bakü'de", "baku")),
    ("Ermenistan'ın Tavuş ilinde protesto yapıldı.", ("Tavuş ilinde", "tavush_province")),
    ("Azat köyünde yeni bir okul açıldı.", ("Azat", "azat")),
    ("Ermenistan birlikleri Develi ilinin Arazdeyen yerleşim yerindeki mevzilerinden ateş açtı.", ("Develi", "ararat")),
])
def test_the_places_themselves_stay(found, text, expected):
    assert expected in found(text, "tr")


def test_azerbaijani_text_keeps_baki_and_zamanli(found):
    assert ("Bakıda", "baku") in found("Bakıda toplantı keçirilib.", "az")
    assert ("Zamanlı", "zamanli") in found("Zamanlı kəndində yeni məktəb açılıb.", "az")

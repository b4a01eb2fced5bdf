"""Language detection with lingua, on short real sentences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from toponyms.errors import ToponymsError
from toponyms.translate.detect import LANGUAGES, Detection, detect_language, require_language

ROOT = Path(__file__).resolve().parent.parent

SENTENCES = {
    "en": "Azerbaijan said on Sunday that Armenian forces had shelled the city of Stepanakert.",
    "az": "Azərbaycan ordusu bazar günü Xankəndi şəhərinə yaxın kəndləri nəzarətə götürdüyünü bildirib.",
    "hy": "Ստեփանակերտը կիրակի օրը կրկին ռմբակոծվել է, հայտնում են տեղական իշխանությունները։",
    "ru": "В воскресенье Степанакерт снова подвергся обстрелу, сообщили местные власти.",
    "tr": "Azerbaycan ordusu pazar günü Hankendi yakınlarındaki köyleri kontrol altına aldığını açıkladı.",
    "fr": "Dimanche, la ville de Stepanakert a de nouveau été bombardée, selon les autorités locales.",
    "de": "Am Sonntag wurde die Stadt Stepanakert erneut beschossen, teilten die örtlichen Behörden mit.",
    "es": "El domingo la ciudad de Stepanakert volvió a ser bombardeada, según las autoridades locales.",
    "ka": "კვირას სტეფანაკერტი კვლავ დაბომბეს, აცხადებენ ადგილობრივი ხელისუფლების წარმომადგენლები.",
    "fa": "روز یکشنبه شهر استپاناکرت بار دیگر بمباران شد، به گفته مقامات محلی.",
    "uk": "У неділю Степанакерт знову обстріляли, повідомила місцева влада.",
    "it": "Domenica la città di Stepanakert è stata di nuovo bombardata, secondo le autorità locali.",
    "pt": "No domingo, a cidade de Stepanakert voltou a ser bombardeada, segundo as autoridades locais.",
    "ca": "Diumenge la ciutat de Stepanakert va tornar a ser bombardejada, segons les autoritats locals.",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_each_language_of_the_region(lang):
    found = detect_language(SENTENCES[lang])
    assert found.lang == lang
    assert found.confidence > 0.9
    assert found.runner_up != lang and found.runner_up_confidence < 0.1
    assert require_language(SENTENCES[lang]) == lang


def test_the_seed_article_is_english():
    text = (ROOT / "seeds" / "karabakh-2020-10-04.txt").read_text(encoding="utf-8")
    found = detect_language(text)
    assert found.lang == "en" and found.confidence > 0.99


def test_candidates_narrow_the_choice():
    assert set(LANGUAGES) == set(SENTENCES)
    # Turkish and Azerbaijani are close; among az and en alone, Turkish text is az.
    assert detect_language(SENTENCES["tr"], candidates=["az", "en"]).lang == "az"
    assert detect_language(SENTENCES["fr"], candidates=["FR", "es"]).lang == "fr"
    only = detect_language("Shusha", candidates=["hy"])
    assert (only.lang, only.confidence) == ("hy", 1.0)
    with pytest.raises(ToponymsError, match=r"^cannot detect language 'xx': the detector knows az, ca, de"):
        detect_language("Shusha", candidates=["en", "xx"])


@pytest.mark.parametrize("text", ["Madagiz", "Karabakh", "OK"])
def test_a_lone_name_is_too_ambiguous(text):
    found = detect_language(text)
    assert found.confidence < 0.6
    with pytest.raises(ToponymsError) as err:
        require_language(text)
    message = str(err.value)
    assert message.startswith(f"cannot tell the language of '{text}' (best guess {found.lang} at 0.")
    assert message.endswith("; pass --from LANG")


def test_no_letters_or_empty():
    assert detect_language("12345 -- 2020") == Detection(None, 0.0)
    assert detect_language("") == Detection(None, 0.0)
    with pytest.raises(ToponymsError, match=r"^cannot tell the language of '12345' \(no letters to go by\); pass --from LANG$"):
        require_language("12345")
    with pytest.raises(ToponymsError, match=r"^cannot tell the language of an empty text; pass --from LANG$"):
        require_language(" \n ")


def test_threshold_is_a_parameter():
    assert require_language("Madagiz", min_confidence=0.3) == detect_language("Madagiz").lang
    long_text = "Shusha " * 50 + SENTENCES["de"]
    with pytest.raises(ToponymsError) as err:
        require_language("x" * 5 + "\n" + "y", min_confidence=1.01)
    assert "…" not in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(ToponymsError) as err:
        require_language(long_text, min_confidence=1.01)
    assert "'Shusha Shusha" in str(err.value) and "…'" in str(err.value)


def test_importing_detect_does_not_load_lingua():
    code = "import sys, toponyms.translate.detect; print('lingua' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"

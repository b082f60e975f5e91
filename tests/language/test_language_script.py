"""Script evidence (audit.language.script): what the letters of a CJK passage rule out."""

from audit.language.script import by_script, contradicts, script_language


def test_script_language_of_cjk_texts():
    assert script_language("市政府宣布明年起调整公共交通票价") == "zh"
    assert script_language("古い団地の改修は、住民の声を聞きながら進める") == "ja"
    assert script_language("東京五輪、来年七月開幕で決定") == "ja"  # one particle among kanji is enough
    assert script_language("시는 올해 노후 아파트 단지의 개보수를 마칠 계획이다") == "ko"
    # other scripts, and text mostly in them, are left to the models
    assert script_language("The council approved the budget") is None
    assert script_language("Привет, как дела") is None
    assert script_language("凤凰新媒体 Copyright Phoenix New Media Limited All Rights Reserved") is None


def test_contradicts_and_replacement():
    # Han alone: no Japanese, no Korean, no language of another script
    for lang in ("ja", "ko", "de", "km", "sr", "fi"):
        assert contradicts(lang, "zh")
    assert not contradicts("zh", "zh")
    assert not contradicts("ja", "ja") and contradicts("zh", "ja")
    assert not contradicts("ko", "ko") and contradicts("ja", "ko")
    assert not contradicts("de", None)
    # a line of Han characters alone is in the document's language when that is written with them
    assert by_script("zh", "zh") == "zh"
    assert by_script("zh", "ja") == "ja"
    assert by_script("zh", "en") == "zh"
    assert by_script("zh", "ko") == "zh"
    assert by_script("ja", "zh") == "ja"

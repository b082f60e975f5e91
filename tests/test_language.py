"""The language check: case file of texts that must / must not be flagged, LANG002/003,
annotations for other checks, determinism and the demo corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audit.config import config_from_mapping
from audit.errors import ConfigError
from audit.language import LANG001, LanguageCheck, LanguageConfig, LanguageIdentifier, combine, shares
from audit.model import Document
from audit.rules import DocContext, Settings, check_classes

ROOT = Path(__file__).resolve().parent.parent
_LANG001 = json.loads((Path(__file__).parent / "cases" / "LANG001.json").read_text(encoding="utf-8"))
#: The LANG001 case file (tests/cases/LANG001.json), in the shape these check-level tests read.
CASES = {
    "flag": [
        {
            "name": e["name"],
            "text": e["text"],
            "language": e["data"]["language"],
            "document_language": e["document_language"],
            "severity": e["severity"],
            "span_starts_with": e["span_starts_with"],
            "span_ends_with": e["span_ends_with"],
        }
        for e in _LANG001["flags"]
        if "data" in e and "span_starts_with" in e
    ],
    "not_flag": [
        {"name": e["name"], "text": e["text"], "document_language": e["document_language"]}
        for e in _LANG001["not_flags"]
        if "document_language" in e
    ],
}


@pytest.fixture(scope="module")
def check() -> LanguageCheck:
    return LanguageCheck(LanguageConfig(), Settings())


def run(check: LanguageCheck, text: str, doc_id: str = "doc"):
    ctx = DocContext(Document(id=doc_id, text=text, source=doc_id), 0)
    return ctx, list(check.check(ctx))


@pytest.mark.parametrize("case", CASES["flag"], ids=[c["name"] for c in CASES["flag"]])
def test_flags_foreign_passage(check, case):
    ctx, findings = run(check, case["text"])
    lang001 = [f for f in findings if f.rule == "LANG001"]
    assert ctx.language == case["document_language"]
    assert len(lang001) == 1, [(f.start, f.end, f.message) for f in lang001]
    f = lang001[0]
    flagged = case["text"][f.start : f.end]
    assert f.data["language"] == case["language"]
    assert f.data["document_language"] == case["document_language"]
    assert f.severity.value == case["severity"]
    assert 0.7 <= f.data["confidence"] <= 1.0
    assert flagged.startswith(case["span_starts_with"]), flagged[:60]
    assert flagged.endswith(case["span_ends_with"]), flagged[-60:]
    assert ctx.language_at(f.start) == case["language"]


@pytest.mark.parametrize("case", CASES["not_flag"], ids=[c["name"] for c in CASES["not_flag"]])
def test_does_not_flag(check, case):
    ctx, findings = run(check, case["text"])
    assert ctx.language == case["document_language"]
    assert [f for f in findings if f.rule == "LANG001"] == []


def test_headline_grouped_with_paragraph_not_alone(check):
    case = next(c for c in CASES["flag"] if c["name"] == "es-headline-and-paragraph-in-en")
    ctx, findings = run(check, case["text"])
    (f,) = findings
    assert f.data["passages"] == 2
    headline = case["text"].index("Retrasan")
    assert ctx.language_at(headline) == "es"


def test_languages_are_shares_of_characters(check):
    case = next(c for c in CASES["flag"] if c["name"] == "fr-paragraph-in-en")
    ctx, _ = run(check, case["text"])
    assert set(ctx.languages) == {"en", "fr"}
    assert ctx.languages["en"] > ctx.languages["fr"] > 0.1
    assert abs(sum(ctx.languages.values()) - 1.0) < 1e-3
    # Every passage is annotated for other checks (artefacts, sourcing).
    assert len(ctx.passage_languages) == len(ctx.passages)
    assert {lang for _, lang, _ in ctx.passage_languages} == {"en", "fr"}


def test_unexpected_language_lang002():
    es = next(c for c in CASES["not_flag"] if c["name"] == "es-with-loanwords")["text"]
    en = CASES["not_flag"][0]["text"]
    check = LanguageCheck(LanguageConfig(), Settings(languages=("en",)))
    _, findings = run(check, es)
    (f,) = [f for f in findings if f.rule == "LANG002"]
    assert (f.start, f.end) == (0, len(es))
    assert f.data["language"] == "es" and f.data["expected"] == ["en"]
    _, findings = run(check, en)
    assert not [f for f in findings if f.rule == "LANG002"]
    _, findings = run(LanguageCheck(LanguageConfig(), Settings(languages=("EN-us", "fr"))), en)
    assert not [f for f in findings if f.rule == "LANG002"]
    # No expected languages configured: never LANG002.
    _, findings = run(LanguageCheck(LanguageConfig(), Settings()), es)
    assert not [f for f in findings if f.rule == "LANG002"]


@pytest.mark.parametrize("text", ["12345 | 678 | ---", "© 2024 | 555-0100 | https://example.com", "--- | *** | 42"])
def test_undetermined_lang003(check, text):
    ctx, findings = run(check, text)
    assert ctx.language == "und"
    assert [f.rule for f in findings] == ["LANG003"]
    assert ctx.languages == {}


def test_blank_document_is_left_to_the_empty_rule(check):
    ctx, findings = run(check, "  \n\n ")
    assert findings == [] and ctx.language == "und"


def test_short_document_of_short_lines_gets_a_language(check):
    text = "Horario de apertura\nLunes a viernes de nueve a cinco\nSábados por la mañana\nDomingos cerrado"
    ctx, findings = run(check, text)
    assert ctx.language == "es"
    assert not findings


def test_deterministic(check):
    text = "\n\n".join(c["text"] for c in CASES["flag"][:5])
    first = run(check, text)
    fresh = LanguageCheck(LanguageConfig(), Settings())
    second = run(fresh, text)
    assert [(f.rule, f.start, f.end, f.data) for f in first[1]] == [(f.rule, f.start, f.end, f.data) for f in second[1]]
    assert first[0].passage_languages == second[0].passage_languages
    assert first[0].languages == second[0].languages


@pytest.mark.parametrize("backend", ["fasttext", "langdetect"])
def test_single_backends_flag_the_obvious_case(backend):
    case = next(c for c in CASES["flag"] if c["name"] == "de-paragraph-in-en")
    check = LanguageCheck(LanguageConfig(backend=backend), Settings())
    ctx, findings = run(check, case["text"])
    assert ctx.language == "en"
    assert [f.data["language"] for f in findings if f.rule == "LANG001"] == ["de"]


def test_demo_corpus():
    check = LanguageCheck(LanguageConfig(), Settings(languages=("en",)))
    files = sorted((ROOT / "corpus").glob("*.txt"))
    assert len(files) == 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        ctx, findings = run(check, text, path.name)
        assert ctx.language == "en", path.name
        if path.name.startswith("004_"):
            (f,) = findings
            flagged = text[f.start : f.end]
            assert f.rule == "LANG001" and f.data["language"] == "es"
            assert flagged.startswith("Comunidades seguras no es obligatorio – La Opinion")
            assert flagged.rstrip().endswith("si honran esa petición o no.")
            assert "TRUST is the next step" not in flagged
        else:
            assert findings == [], (path.name, [(f.rule, f.message) for f in findings])


def test_check_runs_first_and_is_registered():
    classes = check_classes(include_plugins=False)
    assert LanguageCheck in classes
    assert classes.index(LanguageCheck) == 0 or all(c.order >= 10 for c in classes)
    assert LanguageCheck.order == 10
    assert {r.id for r in LanguageCheck.rules} == {"LANG001", "LANG002", "LANG003", "LANG004"}
    assert LANG001.category.value == "language"


def test_config_section_validated():
    cfg = config_from_mapping({"language": {"backend": "fasttext", "min_chars": 25}})
    assert cfg.section("language", LanguageConfig) == LanguageConfig(backend="fasttext", min_chars=25)
    with pytest.raises(ConfigError, match="backend"):
        config_from_mapping({"language": {"backend": "cld3"}})
    with pytest.raises(ConfigError, match="min_confidence"):
        config_from_mapping({"language": {"min_confidence": 1.5}})
    with pytest.raises(ConfigError, match="unknown key"):
        config_from_mapping({"language": {"threshold": 0.5}})


def test_combine_averages_and_abstains():
    ft = [("pt", 0.43), ("es", 0.39)]
    ld = [("es", 0.86), ("pt", 0.14)]
    assert combine(ft, ld)[0] == "es"
    # langdetect cannot say Galician: fastText alone scores it.
    lang, p = combine([("gl", 0.95), ("es", 0.03)], [("es", 0.99)], ld_supports=lambda lang: lang != "gl")
    assert (lang, p) == ("gl", 0.95)
    assert combine(None, None) == ("und", 0.0)
    assert combine([("fr", 0.8)], None) == ("fr", 0.8)


def test_shares_sum_to_one_and_sorted():
    assert shares({"es": 1.0, "en": 3.0}) == {"en": 0.75, "es": 0.25}
    assert list(shares({"a": 1.0, "b": 1.0})) == ["a", "b"]
    assert shares({}) == {}


def test_page_of_short_lines_is_read_together(check):
    """Short Spanish menu and headline lines outweigh one long English boilerplate line."""
    text = "\n".join(
        [
            "Inicio",
            "Noticias",
            "Deportes",
            "Cultura y espectáculos",
            "El alcalde inaugura el nuevo parque",
            "Vecinos piden más seguridad en el barrio",
            "La lluvia obliga a cerrar dos colegios",
            "Copyright 2024 Example Media Group, all rights reserved by the publisher and its partners worldwide.",
            "Aviso legal | Política de privacidad",
        ]
    )
    ctx, findings = run(check, text)
    assert ctx.language == "es"
    assert [(f.rule, f.data["language"]) for f in findings] == [("LANG001", "en")]
    assert text[findings[0].start : findings[0].end].startswith("Copyright 2024")


# --------------------------------------------------------------------------- short texts, code-switching


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Read more", "en"),
        ("Weiterlesen und kommentieren", "de"),
        ("la casa blanca", "es"),
        ("une petite maison", "fr"),
        ("buongiorno a tutti", "it"),
        ("obrigado pela ajuda", "pt"),
    ],
)
def test_short_record_gets_a_language_with_its_confidence(check, text, lang):
    ctx, findings = run(check, text)
    assert ctx.language == lang
    assert ctx.languages == {lang: 1.0}
    assert 0.5 <= ctx.stats["language_confidence"] <= 1.0
    assert not findings


def test_code_switched_short_text_names_both_languages_and_gets_one_finding(check):
    text = "I love this song so much, la escucho todo el día con mis amigos"
    ctx, findings = run(check, text)
    assert set(ctx.languages) == {"en", "es"}
    assert 0.3 < ctx.languages["es"] < 0.7
    assert [f.rule for f in findings] == ["LANG004"]
    assert set(findings[0].data["languages"]) == {"en", "es"}
    # The word runs are the spans other checks see.
    langs = [lang for _span, lang, _conf in ctx.passage_languages]
    assert langs == ["en", "es"]


@pytest.mark.parametrize(
    "text",
    [
        "Watching the game tonight with Juan Carlos and the whole family, should be fun",
        "We had dinner at Casa Lucía in Madrid last night and it was great",
        "Vamos a la playa mañana con toda la familia si hace buen tiempo",
    ],
)
def test_monolingual_short_text_with_a_foreign_name_is_one_language(check, text):
    ctx, findings = run(check, text)
    assert len(ctx.languages) == 1
    assert not [f for f in findings if f.rule == "LANG004"]


def test_alternating_sentences_are_one_code_switching_finding(check):
    es = [
        "El gobierno anunció ayer nuevas medidas para reducir el desempleo juvenil en todo el país.",
        "Los sindicatos dijeron que las medidas llegan tarde y que no son suficientes para nadie.",
    ]
    en = [
        "The council approved the budget on Tuesday after a long debate about road repairs.",
        "Residents said they were pleased that the library would stay open on weekends.",
    ]
    text = "\n\n".join([es[0], en[0], es[1], en[1]])
    ctx, findings = run(check, text)
    assert set(ctx.languages) == {"en", "es"}
    assert [f.rule for f in findings] == ["LANG004"]
    assert findings[0].data["switches"] == 3


def test_one_foreign_paragraph_is_a_foreign_passage_not_code_switching(check):
    case = next(c for c in CASES["flag"] if c["name"] == "de-paragraph-in-en")
    _ctx, findings = run(check, case["text"])
    assert "LANG004" not in [f.rule for f in findings]


def test_screen_reads_clear_documents_without_the_full_reading():
    """A plainly English document is identified from a sample and the vocabulary test; a foreign
    sentence inside it still sends its passage to the full reading (and is found)."""
    paras = [
        "The council approved the budget on Tuesday after a two-hour debate about road repairs and "
        "the cost of new street lights. Members said the plan would be reviewed again in the spring.",
        "Residents who spoke at the meeting said they were pleased that the library would stay open "
        "on weekends, and several asked for more buses to the hospital.",
        "The mayor thanked the staff who had worked through the winter to keep the roads clear, and "
        "promised that the town would publish the full accounts before the next election.",
    ]
    ident = LanguageIdentifier(LanguageConfig())
    text = "\n\n".join(paras)
    ctx = DocContext(Document(id="d", text=text, source="s"), 0)
    units = ident.units(text, ctx.passages)
    assert ident.screen(text, units, ctx.sentences) == "en"
    assert all(u.screened and u.ft is None for u in units)
    mixed = (
        paras[0]
        + " El alcalde dijo que las obras empezarán la próxima semana en el centro. "
        + "\n\n"
        + paras[1]
        + "\n\n"
        + paras[2]
    )
    ctx = DocContext(Document(id="d", text=mixed, source="s"), 0)
    units = ident.units(mixed, ctx.passages)
    assert ident.screen(mixed, units, ctx.sentences) == "en"
    assert [u.screened for u in units] == [False, True, True]
    _ctx, findings = run(LanguageCheck(LanguageConfig(), Settings()), mixed)
    assert [(f.rule, f.data["language"]) for f in findings] == [("LANG001", "es")]


def test_name_particles_do_not_make_an_english_sentence_foreign(check):
    """French organisation names carry lower-case particles (des, pour le, et); they belong to the names."""
    text = (
        "The board approved two new bond issues on Monday after a short meeting in Paris.\n\n"
        "Union Financiere de France will lead a 500 mln issue for the Caisse Nationale des Autoroutes. "
        "Societe Generale will lead, with Compagnie Financiere de Suez, a 200 mln issue for the "
        "Office National des Forets. Banque Centrale des Cooperatives will lead a 300 mln issue for "
        "the Federation des Entreprises pour le Commerce et Industrie du Nord. No further details were given."
    )
    ctx, findings = run(check, text)
    assert ctx.language == "en"
    assert not [f for f in findings if f.rule in ("LANG001", "LANG004")]


def test_prose_words_leave_out_particles_inside_names():
    from audit.language.identify import _prose_words

    words = "will lead for the Caisse Centrale des Banques Populaires and Union pour le Developpement et".split()
    assert _prose_words(words) == ["will", "lead", "for", "the", "et"]  # "and" between names goes too


def test_screen_on_the_text_layer_finds_the_disagreeing_passages():
    """The vocabulary screen reads the shared words of the text layer: a passage holding a sentence in
    another language, or in a script written without spaces, disagrees; names and numbers are ignored."""
    from audit.language.screen import odd_sentences, passages_of, span_bounds, vocabulary

    paras = [
        "The council approved the budget on Tuesday. Members said the plan would be reviewed in 2025.",
        "The mayor thanked the staff. El alcalde dijo que las obras empezarán la próxima semana.",
        "Residents said they were pleased with the new library and its long opening hours.",
        "The delegation visited the city. 代表团参观了这座城市的新图书馆和博物馆。",
        "Jean-Pierre Dupont, Maria Gonzalez and Hans Müller met Mr Smith in 1987 and 1990.",
    ]
    text = "\n\n".join(paras)
    ctx = DocContext(Document(id="d", text=text, source="s"), 0)
    vocab = vocabulary("en", 10000)
    bounds = span_bounds(ctx.sentences)
    odd = odd_sentences(ctx.layer, bounds, vocab, 3, 0.75)
    assert passages_of(ctx.passages, bounds[:, 0], odd) == frozenset({1, 3})


def test_unit_evidence_is_lazy_and_its_bound_is_safe():
    """Units compute their cleaned text and evidence on first use; ``may_reach`` is False only when the
    evidence cannot reach the figure."""
    import random

    from audit.language.backends import clean_for_detection, evidence_chars
    from audit.language.identify import Unit
    from audit.model import Span

    ident = LanguageIdentifier(LanguageConfig())
    (u,) = ident.units("Hello there, friend", [Span(0, 19)])
    assert u._clean is None and u._evidence is None
    assert not u.may_reach(30) and u._evidence is None  # 19 characters cannot hold 30 letters
    assert u.may_reach(10) and u.evidence == evidence_chars("Hello there, friend")
    rng = random.Random(0)
    alphabet = "abcdefghij ABCDE.,'-123 éü 中文字 ひら"
    for _ in range(2000):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        unit = Unit.lazy(Span(0, len(raw)), raw, 2000)
        for chars in (5, 12, 30, 60):
            if evidence_chars(raw, clean_for_detection(raw, 2000)) >= chars:
                assert Unit.lazy(Span(0, len(raw)), raw, 2000).may_reach(chars)
        assert unit.clean == clean_for_detection(raw, 2000)


def test_sentence_pass_reads_only_the_sentences_the_screen_doubts(monkeypatch):
    """In a screened document, a passage read in full is read sentence by sentence only where its
    sentences disagreed with the vocabulary: the English sentences get no model call, the Spanish one
    is still found."""
    from audit.language.backends import FastTextBackend

    asked: list[str] = []
    real = FastTextBackend.predict

    def spy(self, texts, k=3):
        asked.extend(texts)
        return real(self, texts, k)

    monkeypatch.setattr(FastTextBackend, "predict", spy)
    english = [
        "The council approved the budget on Tuesday after a two-hour debate about road repairs.",
        "Residents who spoke at the meeting said they were pleased that the library would stay open.",
        "The mayor thanked the staff who had worked through the winter to keep the roads clear.",
    ]
    mixed = (
        "The council met again on Monday to discuss the new bridge over the river. "
        "El alcalde dijo que las obras empezarán la próxima semana en el centro de la ciudad. "
        "Members said the plan would be reviewed again in the spring."
    )
    opening = (
        "The town council held its annual meeting in the old school hall last week. Most of the evening "
        "was spent on the state of the roads, the cost of repairs and the long wait for new buses. "
        "Several members asked for a full report on the accounts before the next election."
    )
    text = "\n\n".join([opening, english[0], english[1], mixed, english[2]])
    check = LanguageCheck(LanguageConfig(), Settings())
    ctx, findings = run(check, text)
    assert [(f.rule, f.data["language"]) for f in findings] == [("LANG001", "es")]
    # The passage is read whole (it holds the Spanish sentence); its English sentences are not read alone.
    assert any(t.startswith("The council met again") and "alcalde" in t for t in asked)
    assert not any(t.startswith("The council met again") and "alcalde" not in t for t in asked)
    assert not any(t.startswith("Members said the plan") for t in asked)
    assert any(t.startswith("El alcalde dijo") for t in asked)

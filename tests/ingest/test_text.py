"""Tests for de-hyphenation, normalisation and German sentence splitting."""

import pytest

from analysis.ingest.text import join_lines, normalize, split_sentences

# --- normalize -------------------------------------------------------------------------------


def test_normalize_composes_umlauts():
    assert normalize("Bu\u0308rger") == "Bürger"


def test_normalize_removes_soft_hyphens():
    assert normalize("Digitali\u00adsierungs\u00adstrategie") == "Digitalisierungsstrategie"


def test_normalize_turns_no_break_spaces_into_spaces():
    assert normalize("BA-045/2021\u00a0vom\u00a012.\u202f03.") == "BA-045/2021 vom 12. 03."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufb01nanzielle", "finanzielle"),
        ("Ein\ufb02uss", "Einfluss"),
        ("Sto\ufb00", "Stoff"),
        ("Ö\ufb00entlichkeit", "Öffentlichkeit"),
        ("A\ufb03rmation", "Affirmation"),
        ("Sto\ufb04asche", "Stofflasche"),
    ],
)
def test_normalize_expands_ligatures(raw, expected):
    assert normalize(raw) == expected


def test_normalize_collapses_and_strips_whitespace():
    assert normalize("  Die Verwaltung \t nimmt\n  Stellung.  ") == "Die Verwaltung nimmt Stellung."


# --- join_lines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["die Verwaltungs-", "digitalisierung voranbringen"],
            "die Verwaltungsdigitalisierung voranbringen",
        ),
        (["unsere Mitarbeiter-", "innen im Bürgerbüro"], "unsere Mitarbeiterinnen im Bürgerbüro"),
        (["ich fän-", "de das richtig"], "ich fände das richtig"),
        (["einer gesamtstädti-", "schen Strategie"], "einer gesamtstädtischen Strategie"),
    ],
)
def test_hyphen_at_line_end_is_joined(lines, expected):
    assert join_lines(lines) == expected


def test_lines_are_joined_with_single_spaces():
    assert join_lines(["Wir begrüßen  ", "  den Antrag."]) == "Wir begrüßen den Antrag."


def test_empty_lines_are_skipped():
    assert join_lines(["Wir begrüßen", "", "   ", "den Antrag."]) == "Wir begrüßen den Antrag."


def test_no_lines_give_empty_text():
    assert join_lines([]) == ""


def test_e_mail_keeps_its_hyphen():
    assert join_lines(["per E-", "Mail an das Hauptamt"]) == "per E-Mail an das Hauptamt"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["wie die UN-", "Behindertenrechtskonvention"], "wie die UN-Behindertenrechtskonvention"),
        (
            ["Leitlinien der Smart-City-", "Charta des Bundes"],
            "Leitlinien der Smart-City-Charta des Bundes",
        ),
        (["die Open-", "Data-Plattform"], "die Open-Data-Plattform"),
    ],
)
def test_hyphen_before_capitalised_word_is_kept(lines, expected):
    assert join_lines(lines) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Modernisierung der IT-", "Infrastruktur"], "Modernisierung der IT-Infrastruktur"),
        (["im 10-", "Minuten-Takt"], "im 10-Minuten-Takt"),
        (["eine 100-", "prozentige Förderung"], "eine 100-prozentige Förderung"),
    ],
)
def test_hyphen_after_abbreviation_or_number_is_kept(lines, expected):
    assert join_lines(lines) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["der Kinder-", "und Jugendhilfe"], "der Kinder- und Jugendhilfe"),
        (["der Schüler-", "und Studierendenvertretung"], "der Schüler- und Studierendenvertretung"),
        (["Klein-", "oder Kleinstunternehmen"], "Klein- oder Kleinstunternehmen"),
        (["Antrags-", "bzw. Genehmigungsverfahren"], "Antrags- bzw. Genehmigungsverfahren"),
        (["Rad-", "sowie Fußverkehr"], "Rad- sowie Fußverkehr"),
        (["mittel-", "bis langfristig"], "mittel- bis langfristig"),
    ],
)
def test_suspended_hyphen_keeps_hyphen_and_space(lines, expected):
    assert join_lines(lines) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["reicht völlig aus –", "es muss nur umgesetzt werden"],
            "reicht völlig aus – es muss nur umgesetzt werden",
        ),
        (
            ["Angesichts meiner Auslastung -", "ich betreue drei Eigenbetriebe"],
            "Angesichts meiner Auslastung - ich betreue drei Eigenbetriebe",
        ),
        (
            ["Handlungsfelder –", "Verwaltung, Bildung, Wirtschaft"],
            "Handlungsfelder – Verwaltung, Bildung, Wirtschaft",
        ),
    ],
)
def test_dash_at_line_end_is_kept_with_space(lines, expected):
    assert join_lines(lines) == expected


def test_soft_hyphen_at_line_end_joins_the_word():
    assert (
        join_lines(["die Verwaltungs\u00ad", "digitalisierung"]) == "die Verwaltungsdigitalisierung"
    )


def test_soft_hyphens_inside_lines_are_removed():
    assert join_lines(["Stadtentwick\u00adlungs\u00adstrategie"]) == "Stadtentwicklungsstrategie"


def test_no_break_spaces_become_spaces_when_joining():
    assert (
        join_lines(["rund\u00a04.300", "Mitgliedsunternehmen"]) == "rund 4.300 Mitgliedsunternehmen"
    )


@pytest.mark.parametrize("word", ["Bürger*innen", "Bürger:innen", "Bürger_innen"])
def test_gender_forms_survive_inside_a_line(word):
    assert join_lines([f"alle {word} der Stadt"]) == f"alle {word} der Stadt"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["unsere Mitarbeiter*in-", "nen im Bürgerbüro"], "unsere Mitarbeiter*innen im Bürgerbüro"),
        (["alle Bürger*", "innen der Stadt"], "alle Bürger*innen der Stadt"),
        (["alle Bürger:", "innen der Stadt"], "alle Bürger:innen der Stadt"),
    ],
)
def test_gender_forms_survive_across_line_ends(lines, expected):
    assert join_lines(lines) == expected


def test_colon_at_line_end_is_not_a_gender_form():
    assert join_lines(["wie folgt:", "in der Sitzung"]) == "wie folgt: in der Sitzung"


def test_realistic_paragraph_is_joined():
    lines = [
        "Die Verwaltung verfügt damit über eine solide, wenngleich ausbau-",
        "fähige Grundlage für die Verwaltungs-",
        "digitalisierung; seit 2018 können Bürger*innen u. a. per E-",
        "Mail Termine für die Kinder- und Jugendhilfe vereinbaren –",
        "auch ohne IT-Kenntnisse.",
    ]
    assert join_lines(lines) == (
        "Die Verwaltung verfügt damit über eine solide, wenngleich ausbaufähige Grundlage "
        "für die Verwaltungsdigitalisierung; seit 2018 können Bürger*innen u. a. per E-Mail "
        "Termine für die Kinder- und Jugendhilfe vereinbaren – auch ohne IT-Kenntnisse."
    )


# --- split_sentences -------------------------------------------------------------------------


def test_sentences_break_after_period_before_capital():
    text = "Noch ein Papier braucht hier niemand. Die Stadt soll die Fördermittel abrufen."
    assert split_sentences(text) == [
        "Noch ein Papier braucht hier niemand.",
        "Die Stadt soll die Fördermittel abrufen.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wer Digitalisierung will, muss sie finanzieren! Wir bringen einen Antrag ein.", 2),
        ("Wann wird endlich gebaut? Seit drei Jahren warten wir.", 2),
        ("Wir warten seit Jahren … Das ist zu lang.", 2),
        ("Es ist zu spät... Das ist schade.", 2),
    ],
)
def test_sentences_break_after_exclamation_question_and_ellipsis(text, expected):
    assert len(split_sentences(text)) == expected


def test_sentence_break_before_digit():
    text = "Der Bescheid liegt seit Herbst 2020 vor. 412 Unterschriften wurden übergeben."
    assert split_sentences(text) == [
        "Der Bescheid liegt seit Herbst 2020 vor.",
        "412 Unterschriften wurden übergeben.",
    ]


def test_sentence_break_before_opening_quote():
    text = "Wir haben ein Motto. „Auenberg 2035“ ist unser Leitbild."
    assert split_sentences(text) == ["Wir haben ein Motto.", "„Auenberg 2035“ ist unser Leitbild."]


def test_no_sentence_break_before_lowercase_word():
    text = "Die Werkzeuge sind da. und trotzdem passiert nichts."
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Zahlreiche Themen (z. B. Breitbandausbau, digitale Bildung) liegen beim Landkreis.",
        "Zahlreiche Themen, z.B. Mobilität, liegen beim Landkreis.",
        "Seit 2018 können Bürger*innen u. a. Wohnsitzanmeldungen online beantragen.",
        "Die Stadtverwaltung benötigt m. E. Unterstützung von außen.",
        "Das betrifft alle Einrichtungen, d. h. Schulen, Kitas und Bibliotheken.",
        "Der Ausschuss hat mich gebeten, den o. g. Beschlussantrag zu bewerten.",
        "Gezeichnet i. V. Müller, Hauptamt.",
        "Gezeichnet i. A. Schulze, Sozialamt.",
        "Digitale Angebote sollen v. a. Älteren helfen.",
        "Die digitalen Ziele sollen als Kapitel bzw. Querschnittsthema aufgenommen werden.",
        "Dafür wären ca. 80.000 EUR erforderlich.",
        "Die Mittel sind ggf. Teil des Nachtragshaushalts.",
        "Es entstehen evtl. Mehrkosten.",
        "Die Daten sind anonymisiert (vgl. Anlage 2).",
        "Die Regelung in Nr. 3 gilt fort.",
        "Ich bin gemäß Art. 38 Abs. 3 DSGVO weisungsfrei.",
        "Die Zahlen finden sich auf S. 12 des Berichts.",
        "Die Forschungsgruppe leitet Prof. Dr. Anke Weber.",
        "Der Bericht stammt von Dipl.-Ing. Frank Richter.",
        "Bitte wenden Sie sich an Hr. Schulze oder Fr. Lange.",
        "Die Beratungsstelle liegt in der Hauptstr. 5 nahe St. Marien.",
        "Rückfragen bitte unter Tel. 0371 488-0.",
        "Die Kosten betragen 45.000 € inkl. Mehrwertsteuer zzgl. Reisekosten.",
        "In sog. Tropennächten kühlt es kaum ab.",
        "Der Verkehrsverbund befördert jährlich rund 14 Mio. Fahrgäste.",
        "Das Land stellt 1,2 Mrd. Euro bereit.",
        "Der Verein Lebenshilfe Auenberg e. V. begleitet das Projekt.",
        "Die Sitzung findet am 3. Nov. 2021 statt.",
    ],
)
def test_no_sentence_break_after_abbreviation(text):
    assert split_sentences(text) == [text]


def test_no_sentence_break_after_z_b():
    text = "Verschattete Bereiche, z. B. Unter den Linden, bleiben kühler."
    assert split_sentences(text) == [text]


def test_capitalised_abbreviation_at_sentence_start_does_not_end_sentence():
    text = "Das ist geregelt. Vgl. Anlage 3 zur Vorlage."
    assert split_sentences(text) == ["Das ist geregelt.", "Vgl. Anlage 3 zur Vorlage."]


@pytest.mark.parametrize("abbreviation", ["usw.", "etc."])
def test_usw_and_etc_end_a_sentence_before_capital(abbreviation):
    text = f"Gemeint sind Schulen, Kitas {abbreviation} Die Stadt ist zuständig."
    assert split_sentences(text) == [
        f"Gemeint sind Schulen, Kitas {abbreviation}",
        "Die Stadt ist zuständig.",
    ]


def test_etc_before_lowercase_does_not_end_sentence():
    text = "Themen (Umwelt, Partizipation etc.) sind wichtig, etc. sind nur Beispiele."
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Die Vereinbarung wurde am 10. August 2020 unterzeichnet.",
        "Gern laden wir Sie zu unserer nächsten Sitzung am 20. April 2021 ein.",
        "Der Jugendhilfeausschuss hat den Antrag am 3. November beraten.",
        "Der Bericht wird im IV. Quartal 2023 vorgelegt.",
        "Die Arbeiten beginnen im 2. Halbjahr.",
        "Der Bescheid kam erst am 1. Dezember.",
    ],
)
def test_ordinal_date_does_not_end_sentence(text):
    assert split_sentences(text) == [text]


def test_ordinal_before_lowercase_word_does_not_end_sentence():
    text = "Das ist bereits der 3. entsprechende Antrag."
    assert split_sentences(text) == [text]


def test_number_before_ordinary_capital_ends_sentence():
    text = "Siehe Punkt 1. Die Verwaltung empfiehlt die Ablehnung."
    assert split_sentences(text) == ["Siehe Punkt 1.", "Die Verwaltung empfiehlt die Ablehnung."]


def test_date_with_spaces_does_not_end_sentence():
    text = "Der Beschluss vom 12. 11. 2019 gilt weiter."
    assert split_sentences(text) == [text]


def test_single_initial_does_not_end_sentence():
    text = "Die Stellungnahme hat A. Müller verfasst."
    assert split_sentences(text) == [text]


def test_decimal_number_does_not_end_sentence():
    text = "Die Seiten sollen BITV 2.0 erfüllen und kosten 1.000 Euro. Das reicht nicht."
    assert split_sentences(text) == [
        "Die Seiten sollen BITV 2.0 erfüllen und kosten 1.000 Euro.",
        "Das reicht nicht.",
    ]


def test_paragraph_enumerator_does_not_end_sentence():
    text = "1. Ausgangslage: Die Roadmap wurde bestätigt. Sie umfasst 23 Teilprojekte."
    assert split_sentences(text) == [
        "1. Ausgangslage: Die Roadmap wurde bestätigt.",
        "Sie umfasst 23 Teilprojekte.",
    ]


def test_closing_quote_after_period_stays_with_sentence():
    text = "… wenn sie uns nur gefragt hätten“. Ich bedauere das."
    assert split_sentences(text) == ["… wenn sie uns nur gefragt hätten“.", "Ich bedauere das."]


def test_closing_quote_after_exclamation_stays_with_sentence():
    text = "Unsere Antwort lautet: „Ja, bitte!“ Wir stimmen dem Antrag zu."
    assert split_sentences(text) == [
        "Unsere Antwort lautet: „Ja, bitte!“",
        "Wir stimmen dem Antrag zu.",
    ]


def test_closing_bracket_after_period_stays_with_sentence():
    text = "Das ist bekannt. (Die Zahlen stammen aus 2020.) Wir bitten um Prüfung."
    assert split_sentences(text) == [
        "Das ist bekannt.",
        "(Die Zahlen stammen aus 2020.)",
        "Wir bitten um Prüfung.",
    ]


def test_quote_inside_sentence_does_not_end_it():
    text = "Die Frage „Wozu noch ein Papier?“ stellen sich viele."
    assert split_sentences(text) == [text]


def test_colon_does_not_end_sentence():
    text = "Zur Erinnerung: Im Juni 2019 haben wir 412 Unterschriften übergeben."
    assert split_sentences(text) == [text]


def test_enumeration_dash_stays_inside_its_sentence():
    text = "– Barrierefreiheit aller städtischen Internetseiten nach BITV 2.0;"
    assert split_sentences(text) == [text]


def test_empty_text_has_no_sentences():
    assert split_sentences("   ") == []


def test_realistic_paragraph_is_split():
    text = (
        "der Seniorenbeirat hat sich in seiner Sitzung am 16. März 2021 mit dem o. g. "
        "Beschlussantrag befasst. Wegen der Corona-Lage fand die Sitzung erstmals als "
        "Videokonferenz statt – was für manche unserer Mitglieder z. B. Neuland war. "
        "Ist das der richtige Weg? Wir meinen: „Ja, aber mit Augenmaß!“ Nach Art. 3 Abs. 1 "
        "der Satzung beraten wir den Stadtrat, u. a. zu Fragen der Teilhabe."
    )
    assert split_sentences(text) == [
        "der Seniorenbeirat hat sich in seiner Sitzung am 16. März 2021 mit dem o. g. "
        "Beschlussantrag befasst.",
        "Wegen der Corona-Lage fand die Sitzung erstmals als Videokonferenz statt – was für "
        "manche unserer Mitglieder z. B. Neuland war.",
        "Ist das der richtige Weg?",
        "Wir meinen: „Ja, aber mit Augenmaß!“",
        "Nach Art. 3 Abs. 1 der Satzung beraten wir den Stadtrat, u. a. zu Fragen der Teilhabe.",
    ]


def test_sentences_are_verbatim_and_cover_the_paragraph():
    text = (
        "Zunächst: Der Antrag greift ein wichtiges Anliegen auf. Städte, die sich früh "
        "befasst haben, verfügen z. B. über bessere Daten. Das zeigt unsere Auswertung "
        "von 31 Strategien aus dem Jahr 2020. 14 Interviews ergänzen sie."
    )
    sentences = split_sentences(text)
    assert len(sentences) == 4
    assert all(sentence in text for sentence in sentences)
    assert " ".join(sentences) == text

"""Behaviour of the field parsers on strings as German municipal letters print them."""

import pytest

from analysis.ingest.fields import (
    INFO_LABELS,
    MotionRef,
    Person,
    find_dates,
    find_motion_ref,
    find_motion_refs,
    is_closing_formula,
    is_salutation,
    looks_like_name,
    looks_like_role,
    parse_date,
    parse_person,
    parse_signature,
    split_label,
    stakeholder_group,
    strip_reply_prefix,
)

# ------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("10.08.2020", "2020-08-10"),
        ("10.8.2020", "2020-08-10"),
        ("1.10.2021", "2021-10-01"),
        ("10. 08. 2020", "2020-08-10"),
    ],
)
def test_numeric_date_with_four_digit_year(text, iso):
    assert parse_date(text) == iso


def test_two_digit_year_is_in_this_century():
    assert parse_date("10.08.20") == "2020-08-10"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("10. August 2020", "2020-08-10"),
        ("10. Aug. 2020", "2020-08-10"),
        ("06. März 2023", "2023-03-06"),
        ("6. Maerz 2023", "2023-03-06"),
        ("1. Dezember 2022", "2022-12-01"),
        ("14. Sept. 2022", "2022-09-14"),
    ],
)
def test_date_with_month_name(text, iso):
    assert parse_date(text) == iso


def test_month_name_in_decomposed_unicode():
    assert parse_date("6. Ma\u0308rz 2023") == "2023-03-06"


def test_date_in_place_den_form():
    assert parse_date("Chemnitz, den 10.08.2020") == "2020-08-10"


def test_date_after_place_with_month_name():
    assert parse_date("Auenberg, 20. April 2021") == "2021-04-20"


def test_date_in_email_header_value_ignores_time():
    assert parse_date("Freitag, 12. November 2021 07:31") == "2021-11-12"


def test_iso_date():
    assert parse_date("Stand: 2020-08-10") == "2020-08-10"


def test_impossible_date_is_rejected():
    assert parse_date("31.02.2021") is None


@pytest.mark.parametrize(
    "text",
    [
        "Haushalt 2023/2024",
        "Sitzung um 13:05 Uhr",
        "Telefon 0371 488-5581",
        "Fördersumme 1.250.000 Euro",
        "siehe Ziffer 3.1.20",
        "im 3. Quartal 2021",
        "",
    ],
)
def test_text_without_date_gives_none(text):
    assert parse_date(text) is None


def test_first_valid_date_wins():
    text = "Ihr Schreiben vom 31.02.2022, unser Schreiben vom 02.05.2022, heute 25.05.2022"
    assert parse_date(text) == "2022-05-02"


def test_find_dates_gives_all_spans_in_order():
    text = "Eingang 12.11.2021, Antwort bis 3. Dezember 2021"
    second = text.index("3. Dezember")
    assert find_dates(text) == [(8, 18, "2021-11-12"), (second, len(text), "2021-12-03")]


# ------------------------------------------------------------------------ motion refs


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("BA-090/2020", "BA-090/2020"),
        ("Beschlussantrag Nr. BA-090/2020", "BA-090/2020"),
        ("V-2022/117", "V-2022/117"),
        ("Antrag A-07/2022", "A-07/2022"),
        ("Vorlage B-19/2024", "B-19/2024"),
        ("VII-DS-01234", "VII-DS-01234"),
        ("AN/0123/2012", "AN/0123/2012"),
        ("2023/0456", "2023/0456"),
    ],
)
def test_motion_ref_as_printed(text, ref):
    assert find_motion_ref(text).ref == ref


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Stellungnahme zur Drucksache 0815/2022", "Drucksache 0815/2022"),
        ("Drucksache Nr. 0815/2022", "Drucksache Nr. 0815/2022"),
        ("DS 12/3456", "DS 12/3456"),
        ("Vorlagen-Nr. 1234/2019", "Vorlagen-Nr. 1234/2019"),
        ("Ihr Aufruf zur Bürgerbeteiligung – DS 0815/2022 Radverkehr", "DS 0815/2022"),
    ],
)
def test_document_type_word_is_kept_before_a_bare_number(text, ref):
    assert find_motion_ref(text).ref == ref


@pytest.mark.parametrize(
    "text",
    [
        "Die Mittel sind im Haushalt 2023/2024 eingeplant.",
        "Haushalt 2021/2022",
        "im Doppelhaushalt 2021/22",
        "Schreiben vom 10.08.2020",
        "Telefon 0371/4885581",
        "Telefon 0371 488-5581",
        "D-09111 Chemnitz",
        "Beginn 13:05 Uhr",
        "gemäß Art. 4 Abs. 3 und § 8 SächsGemO",
        "eine Quote von 12,5 %",
        "Verordnung (EU) 2016/679 (DSGVO)",
        "Unser Zeichen: 2020/0456",
        "Ausgabe 12/2021",
    ],
)
def test_year_range_is_not_a_motion_ref(text):
    assert find_motion_refs(text) == []


def test_quoted_title_after_ref():
    found = find_motion_ref(
        "Beschlussantrag Nr. BA-090/2020 „Digitalisierungsstrategie für Chemnitz“"
    )
    assert found == MotionRef("BA-090/2020", "Digitalisierungsstrategie für Chemnitz")


@pytest.mark.parametrize(
    "text",
    [
        'BA-023/2023 "Open-Data-Strategie für Bergheim"',
        "BA-023/2023 »Open-Data-Strategie für Bergheim«",
        "BA-023/2023: „Open-Data-Strategie für Bergheim“ – Stellungnahme",
    ],
)
def test_title_in_other_quote_styles(text):
    assert find_motion_ref(text).title == "Open-Data-Strategie für Bergheim"


def test_title_after_dash_stops_at_further_dash():
    found = find_motion_ref("Antrag A-07/2022 – Hitzeaktionsplan für Bergfeld – Stellungnahme")
    assert found == MotionRef("A-07/2022", "Hitzeaktionsplan für Bergfeld")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "BA-045/2021 – Digitalisierungsstrategie: Position der SPD-Fraktion",
            "Digitalisierungsstrategie",
        ),
        (
            "Drucksache 0815/2022 – Radverkehrsstrategie Lindenau; hier: Votum",
            "Radverkehrsstrategie Lindenau",
        ),
    ],
)
def test_title_after_dash_stops_at_colon_or_semicolon(text, title):
    assert find_motion_ref(text).title == title


def test_title_in_parentheses_after_ref():
    found = find_motion_ref("Beratungsergebnis zu BA-023/2023 (Open-Data-Strategie)")
    assert found == MotionRef("BA-023/2023", "Open-Data-Strategie")


def test_quoted_title_before_ref_in_parentheses():
    found = find_motion_ref("Zum Antrag „Aktionsplan Inklusion“ (BA-112/2021)")
    assert found == MotionRef("BA-112/2021", "Aktionsplan Inklusion")


@pytest.mark.parametrize(
    "text",
    [
        "BA-023/2023 – Stellungnahme der Fraktion Bürgerliste",
        "Vorlage V-2022/117 – Hinweise der Integrationsbeauftragten",
        "Vorlage V-2022/117 – Meinung einer Mutter",
        "BA-045/2021 Digitalisierungsstrategie – unsere Meinung dazu",
    ],
)
def test_what_the_letter_is_is_not_a_title(text):
    assert find_motion_ref(text).title is None


def test_prose_after_ref_is_not_a_title():
    text = "mein erster Gedanke bei der Vorlage V-2022/117: Nicht schon wieder. 2019 wurden"
    assert find_motion_ref(text) == MotionRef("V-2022/117", None)


def test_title_after_dash_stops_at_sentence_end():
    text = "Antrag A-07/2022 – Hitzeaktionsplan. Wir unterstützen ihn."
    assert find_motion_ref(text).title == "Hitzeaktionsplan"


def test_title_broken_across_lines_arrives_joined():
    text = "Stellungnahme zur Vorlage V-2022/117 „Konzept zur  Jugendbeteiligung“"
    assert find_motion_ref(text).title == "Konzept zur Jugendbeteiligung"


def test_explicit_ref_is_preferred_over_a_bare_number():
    text = "Bezug: 2023/0456 und Drucksache 0815/2022"
    assert find_motion_ref(text).ref == "Drucksache 0815/2022"


def test_first_explicit_ref_wins():
    assert find_motion_ref("BA-045/2021 ersetzt BA-090/2020").ref == "BA-045/2021"


def test_find_motion_refs_lists_all_in_order():
    text = "Antrag A-07/2022 und Vorlage 2023/0456 sowie A-07/2022"
    assert [r.ref for r in find_motion_refs(text)] == [
        "A-07/2022",
        "Vorlage 2023/0456",
        "A-07/2022",
    ]


def test_text_without_ref_gives_none():
    assert find_motion_ref("Sehr geehrte Damen und Herren,") is None


# ---------------------------------------------------------------------------- persons


@pytest.mark.parametrize(
    ("lines", "person"),
    [
        (
            ["Petra Liebetrau", "Behindertenbeauftragte"],
            Person("Petra Liebetrau", "Behindertenbeauftragte"),
        ),
        (
            ["Jana Keller", "Vorsitzende", "Fahrradclub Lindenau e. V."],
            Person("Jana Keller", "Vorsitzende"),
        ),
        (["Klaus-Dieter Pohl"], Person("Klaus-Dieter Pohl", None)),
    ],
)
def test_signature_name_and_role_line(lines, person):
    assert parse_signature(lines) == person


@pytest.mark.parametrize("prefix", ["i. V.", "i. A.", "i.A.", "gez.", "ppa."])
def test_signature_drops_proxy_marks(prefix):
    lines = [f"{prefix} Stefan Marquardt", "Bereichsleiter Unternehmensentwicklung"]
    assert parse_signature(lines) == Person(
        "Stefan Marquardt", "Bereichsleiter Unternehmensentwicklung"
    )


def test_signature_skips_closing_and_proxy_lines():
    lines = [
        "Mit freundlichen Grüßen",
        "Im Auftrag",
        "gez.",
        "Andreas Fiedler",
        "Hauptgeschäftsführer",
    ]
    assert parse_signature(lines) == Person("Andreas Fiedler", "Hauptgeschäftsführer")


def test_signature_role_on_next_line_beats_group_after_comma():
    lines = ["Dieter Kobelt, für die FWG-Fraktion", "Fraktionsvorsitzender"]
    assert parse_signature(lines) == Person("Dieter Kobelt", "Fraktionsvorsitzender")


def test_signature_role_after_comma_when_repeated_below():
    lines = ["Erika Schellhase, Vorsitzende des Seniorenbeirats", "Vorsitzende des Seniorenbeirats"]
    assert parse_signature(lines).role == "Vorsitzende des Seniorenbeirats"


def test_signature_separate_role_line_wins_over_short_comma_part():
    assert parse_signature(["Ronny Gaudig, Vorstand", "Vorstand Technik"]) == Person(
        "Ronny Gaudig", "Vorstand Technik"
    )


def test_signature_role_after_comma_without_role_line():
    lines = ["Erika Schellhase, Vorsitzende des Seniorenbeirats", "Gemeinde Bergfeld"]
    assert parse_signature(lines).role == "Vorsitzende des Seniorenbeirats"


@pytest.mark.parametrize(
    "first_line",
    [
        "Sebastian Kühn · Marie Lindner",
        "Sebastian Kühn und Marie Lindner",
        "Sebastian Kühn          Marie Lindner",
    ],
)
def test_signature_with_several_signers_gives_the_first(first_line):
    assert parse_signature([first_line, "Geschäftsführer"]) == Person(
        "Sebastian Kühn", "Geschäftsführer"
    )


def test_signature_of_citizens_group_gives_first_signer():
    lines = [
        "Uwe Pfannenschmidt, Marion Sternkopf und Ali Demir für die Bürgerinitiative",
        "Sprecher der Bürgerinitiative",
    ]
    assert parse_signature(lines) == Person("Uwe Pfannenschmidt", "Sprecher der Bürgerinitiative")


@pytest.mark.parametrize(
    "name", ["Prof. Dr. Lukas Brenninger", "Dr.-Ing. Katrin Wendler", "Dipl.-Inf. Marco Brendel"]
)
def test_academic_titles_stay_in_the_name(name):
    assert parse_signature([name, "Institutsleiter"]).name == name


def test_email_signature_after_dashes_takes_function_line_as_role():
    lines = [
        "--",
        "Jörg Wenzlaff",
        "Vorsitzender des Beirats für Menschen mit Behinderungen",
        "Stadt Auenberg",
        "Markt 1, 01234 Auenberg",
    ]
    assert parse_signature(lines) == Person(
        "Jörg Wenzlaff", "Vorsitzender des Beirats für Menschen mit Behinderungen"
    )


@pytest.mark.parametrize(
    "second_line",
    [
        "Stadtwerke Bergheim an der Saale GmbH",
        "Lindenstraße 4",
        "06108 Bergheim",
        "Tel. 0345 123456",
    ],
)
def test_email_signature_organisation_or_address_is_not_a_role(second_line):
    assert parse_signature(["-- ", "Svenja Olbrich", second_line]) == Person("Svenja Olbrich", None)


def test_signature_without_name_gives_none():
    assert parse_signature(["Stadtjugendring Lindenau e. V.", "Geschäftsstelle"]) is None


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Uwe Pfannenschmidt, Sprecher der Bürgerinitiative, 0171 5550192",
            Person("Uwe Pfannenschmidt", "Sprecher der Bürgerinitiative"),
        ),
        (
            "Dr. Felix Hammerschmidt, Wissenschaftlicher Mitarbeiter, 03459 58-4471",
            Person("Dr. Felix Hammerschmidt", "Wissenschaftlicher Mitarbeiter"),
        ),
        ("Frau Liebetrau", Person("Liebetrau", None)),
        ("Herr Dr. Müller, Tel. 0371 488-5581", Person("Dr. Müller", None)),
        ("Frau Petra Liebetrau", Person("Petra Liebetrau", None)),
    ],
)
def test_contact_value_gives_person_without_phone(text, person):
    assert parse_person(text) == person


def test_email_from_value_gives_name_only():
    assert parse_person("Jörg Wenzlaff <behindertenbeirat@auenberg.example>") == Person(
        "Jörg Wenzlaff", None
    )


def test_email_display_name_surname_first_is_turned_round():
    assert parse_person('"Wenzlaff, Jörg" <j.wenzlaff@auenberg.example>').name == "Jörg Wenzlaff"


@pytest.mark.parametrize(
    "text", ["info@auenberg.example", "Stadt Chemnitz <info@stadt-chemnitz.example>", ""]
)
def test_contact_value_without_person_gives_none(text):
    assert parse_person(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Petra Liebetrau",
        "Prof. Dr.-Ing. Annika Vogt",
        "Hans von der Heide",
        "Renate Hoffmann-Blum",
        "Aylin Demir-Schott",
        "Peter J. Schmidt",
    ],
)
def test_looks_like_name(text):
    assert looks_like_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "Stadt Chemnitz",
        "Hochschule Auenberg",
        "Offene Daten Saale e. V.",
        "Bürgerliste Bergheim",
        "FREIE WÄHLER",
        "Freundliche Grüße",
        "Guten Tag",
        "Wissenschaftlicher Mitarbeiter",
        "Markt 1",
        "Petra",
        "Sehr geehrte Damen und Herren",
    ],
)
def test_organisation_greeting_or_role_is_not_a_name(text):
    assert not looks_like_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "Behindertenbeauftragte",
        "Datenschutzbeauftragter der Stadtverwaltung",
        "Amtsleiterin Stadtplanungsamt",
        "Leiterin der Geschäftsstelle",
        "Fraktionsvorsitzender",
        "Sprecherin des Jugendbeirats",
        "Hauptgeschäftsführer",
        "Vorstand Technik",
        "Beigeordneter für Soziales, Jugend und Gesundheit",
        "Professorin für Verkehrsplanung und Mobilität",
        "Klimaschutzmanagerin",
        "Pfarrerin",
        "Fachbereichsleiterin Zentrale Dienste und Chief Digital Officer",
    ],
)
def test_looks_like_role(text):
    assert looks_like_role(text)


@pytest.mark.parametrize(
    "text",
    [
        "Stadtwerke Bergheim an der Saale GmbH",
        "Hochschule Auenberg",
        "Geschäftsführung",
        "Markt 1, 09111 Chemnitz",
        "Tel. 0371 488-5581",
        "www.auenberg.example",
        "Petra Liebetrau",
    ],
)
def test_address_phone_or_organisation_is_not_a_role(text):
    assert not looks_like_role(text)


# -------------------------------------------------------------- greetings and sign-off


@pytest.mark.parametrize(
    "line",
    [
        "Mit freundlichen Grüßen",
        "Mit freundlichen Grüßen,",
        "Freundliche Grüße",
        "Viele Grüße",
        "Beste Grüße",
        "Herzliche Grüße",
        "Mit herzlichen Grüßen",
        "Mit solidarischen Grüßen",
        "Mit kollegialen Grüßen",
        "Mit freundlichem Gruß",
        "Hochachtungsvoll",
        "Im Auftrag",
        "In Vertretung",
        "MfG",
        "LG",
        "Gruß",
        "Mit freundlichen Gruessen",
        "MIT FREUNDLICHEN GRÜSSEN",
        "Viele Grüße aus Auenberg",
        "Vielen Dank und viele Grüße",
    ],
)
def test_closing_formula(line):
    assert is_closing_formula(line)


@pytest.mark.parametrize(
    "line",
    [
        "Wir grüßen die Initiative und hoffen auf Zustimmung.",
        "Grüße an den Stadtrat ersetzen keine Finanzierung.",
        "Petra Liebetrau",
        "",
    ],
)
def test_sentence_mentioning_greetings_is_not_a_closing_formula(line):
    assert not is_closing_formula(line)


@pytest.mark.parametrize(
    "line",
    [
        "Sehr geehrte Damen und Herren,",
        "Sehr geehrter Herr Bürgermeister Gottschling, sehr geehrte …",
        "Sehr geehrte Damen und Herren",
        "Liebe Kolleginnen und Kollegen,",
        "Hallo zusammen,",
        "Guten Tag,",
        "Werte Stadträtinnen und Stadträte,",
    ],
)
def test_salutation(line):
    assert is_salutation(line)


@pytest.mark.parametrize(
    "line",
    [
        "Liebe ist nicht genug, um die Finanzierung des Plans über Jahre zu sichern.",
        "Liebe Grüße",
        "Hinweise zur Vorlage",
        "Hiermit nehmen wir Stellung.",
    ],
)
def test_body_sentence_or_closing_is_not_a_salutation(line):
    assert not is_salutation(line)


# ------------------------------------------------------------------ stakeholder group


@pytest.mark.parametrize(
    ("org", "unit", "role", "group"),
    [
        ("Stadt Chemnitz", "Sozialamt", "Behindertenbeauftragte", "commissioner"),
        (
            "Stadt Lindenau",
            "Amt für Soziales und Integration",
            "Integrationsbeauftragte",
            "commissioner",
        ),
        ("Gemeinde Bergfeld", "Klimaschutzmanagement", "Klimaschutzmanagerin", "commissioner"),
        ("Stadt Auenberg", "Behördlicher Datenschutzbeauftragter", None, "commissioner"),
        ("Stadt Auenberg", "Seniorenbeirat", "Vorsitzende des Seniorenbeirats", "advisory_board"),
        ("Stadt Bergheim an der Saale", "Stadtteilrat Altstadt", None, "advisory_board"),
        (
            "Stadt Lindenau",
            "Die Oberbürgermeisterin – Stabsstelle Bürgerbeteiligung und Ehrenamt",
            "Leiter der Stabsstelle",
            "administration",
        ),
        ("Gemeinde Bergfeld", "Der Bürgermeister", "Bürgermeister", "administration"),
        (
            "Stadt Lindenau",
            "Dezernat III – Bau, Umwelt und Verkehr, Stadtplanungsamt",
            "Amtsleiterin",
            "administration",
        ),
        (
            "Stadt Auenberg",
            "Wirtschaftsförderung",
            "Referentin Unternehmensservice",
            "administration",
        ),
        (
            "Hochschule Auenberg",
            "Fakultät Bauingenieurwesen",
            "Wissenschaftlicher Mitarbeiter",
            "academia",
        ),
        (
            "Evangelische Hochschule Mittelland",
            "Institut für Teilhabe",
            "Institutsleiter",
            "academia",
        ),
        (
            "Kreishandwerkerschaft Lindenau-Muldental",
            "Geschäftsführung",
            "Hauptgeschäftsführer",
            "business",
        ),
        ("Wohnungsgenossenschaft Bergfeld eG", "Vorstand", "Vorstand Technik", "business"),
        ("Stadtwerke Bergheim an der Saale GmbH", "Unternehmensentwicklung", "Leiter", "business"),
        ("Stadtwerke Bergheim GmbH", "Datenschutz", "Datenschutzbeauftragter", "business"),
        (
            "Sozialverband VdK Sachsen e. V.",
            "Kreisverband Auenberg",
            "Kreisvorsitzende",
            "association",
        ),
        ("Ev.-Luth. Kirchgemeinde Bergfeld-Lindenau", "Pfarramt", "Pfarrerin", "association"),
        ("Offene Daten Saale e. V.", "OK Lab Bergheim", "Vorstand", "association"),
        ("Stadtjugendring Lindenau e. V.", "Geschäftsstelle", "Geschäftsführer", "association"),
        (
            "Bürgerinitiative „Schnelles Netz für Auenberg-Nord“",
            None,
            "Sprecher der Bürgerinitiative",
            "citizen",
        ),
        (
            "Freie Wählergemeinschaft Bergfeld (FWG)",
            "Fraktion im Gemeinderat",
            "Fraktionsvorsitzender",
            "political_group",
        ),
        (
            "Fraktion FREIE WÄHLER im Stadtrat Lindenau",
            None,
            "Fraktionsvorsitzender",
            "political_group",
        ),
        ("SPD-Fraktion im Stadtrat Auenberg", None, None, "political_group"),
        ("Stadt Lindenau", "Fraktion DIE LINKE", "Stadträtin", "political_group"),
        (None, None, "Einzelstadtrat", "political_group"),
    ],
)
def test_stakeholder_group_from_cues(org, unit, role, group):
    assert stakeholder_group(org, unit, role) == group


def test_private_sender_is_citizen():
    assert stakeholder_group(None, None, None, is_private=True) == "citizen"


def test_no_cues_give_no_group():
    assert stakeholder_group(None, None, None) is None


@pytest.mark.parametrize("unit", ["Stabsstelle Bürgerbeteiligung und Ehrenamt", "Sozialamt"])
def test_ehrenamt_and_buergerbeteiligung_do_not_decide_alone(unit):
    assert stakeholder_group(None, unit, None) == "administration"


# ---------------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("line", "pair"),
    [
        ("Datum 10.08.2020", ("date", "10.08.2020")),
        ("Auskunft erteilt Frau Liebetrau", ("contact", "Frau Liebetrau")),
        ("Unser Zeichen", ("our_ref", "")),
        ("Unser Az.: 50.1-123/20", ("our_ref", "50.1-123/20")),
        ("Ihr Zeichen: ", ("your_ref", "")),
        ("Ihr Schreiben vom 02.05.2022", ("your_letter", "02.05.2022")),
        ("Ansprechpartner/in: Herr Krause", ("contact", "Herr Krause")),
        ("Ansprechpartner / in Herr Krause", ("contact", "Herr Krause")),
        ("Telefon 0371 488-5581", ("phone", "0371 488-5581")),
        ("Tel.: 0371 488-5581", ("phone", "0371 488-5581")),
        ("Telefax 0371 488-5599", ("fax", "0371 488-5599")),
        ("Zimmer 214", ("room", "214")),
        (
            "E-Mail petra.liebetrau@stadt-chemnitz.example",
            ("email", "petra.liebetrau@stadt-chemnitz.example"),
        ),
        ("Dienstgebäude Markt 1", ("address", "Markt 1")),
        (
            "Antrag / Vorlage BA-045/2021 – Digitalisierungsstrategie",
            ("motion", "BA-045/2021 – Digitalisierungsstrategie"),
        ),
        ("Betrifft: Drucksache 0815/2022", ("motion", "Drucksache 0815/2022")),
        ("Einreicher/in: Fahrradclub Lindenau e. V.", ("sender", "Fahrradclub Lindenau e. V.")),
        (
            "Von: Jörg Wenzlaff <behindertenbeirat@auenberg.example>",
            ("from", "Jörg Wenzlaff <behindertenbeirat@auenberg.example>"),
        ),
        (
            "Gesendet: Freitag, 12. November 2021 07:31",
            ("sent", "Freitag, 12. November 2021 07:31"),
        ),
        ("An: Gremienbüro", ("to", "Gremienbüro")),
        ("Cc: Fraktionen", ("cc", "Fraktionen")),
        (
            "Betreff: AW: Beschlussantrag BA-045/2021",
            ("subject", "AW: Beschlussantrag BA-045/2021"),
        ),
        ("Subject: Re: Open Data", ("subject", "Re: Open Data")),
    ],
)
def test_split_label_gives_key_and_value(line, pair):
    assert split_label(line) == pair


@pytest.mark.parametrize(
    "line",
    [
        "Antrag A-07/2022 wird von uns abgelehnt.",
        "Vorlage und Begründung lassen offen, wer zuständig ist.",
        "Drucksache 0815/2022 „Radverkehrsstrategie Lindenau“ – fachliche Stellungnahme",
        "Von der Verwaltung wurde ein Konzept angekündigt.",
        "Gesendet von meinem iPhone",
        "Namensliste der Unterzeichnenden",
        "Raum für Beteiligung fehlt.",
        "Gegenstand der Vorlage ist ein Konzept.",
        "Telefonisch sind wir erreichbar.",
    ],
)
def test_running_text_starting_with_a_label_word_is_not_a_label(line):
    assert split_label(line) is None


@pytest.mark.parametrize(
    ("line", "pair"),
    [
        ("Inhalt der Stellungnahme:", ("body", "")),
        ("Stellungnahme: siehe Anlage", ("body", "siehe Anlage")),
    ],
)
def test_form_label_introducing_the_statement_text(line, pair):
    assert split_label(line) == pair


@pytest.mark.parametrize("line", ["Stellungnahme", "STELLUNGNAHME", "Stellungnahme zur Vorlage"])
def test_form_title_is_not_a_label(line):
    assert split_label(line) is None


def test_label_words_need_a_colon_when_they_are_also_ordinary_words():
    assert split_label("Antrag: A-07/2022") == ("motion", "A-07/2022")


def test_email_header_date_is_the_sending_date():
    assert split_label("Datum: 12.11.2021 07:31", email=True) == ("sent", "12.11.2021 07:31")


def test_info_labels_are_normalised():
    assert INFO_LABELS["antrag/vorlage"] == "motion"
    assert INFO_LABELS["ansprechpartner/in"] == "contact"
    assert all(label == label.casefold().strip() for label in INFO_LABELS)


@pytest.mark.parametrize(
    ("subject", "stripped"),
    [
        ("AW: Beschlussantrag BA-045/2021", "Beschlussantrag BA-045/2021"),
        ("AW: WG: Re: Fwd: Stellungnahme", "Stellungnahme"),
        ("RE:AW: Open Data", "Open Data"),
        ("Antwort auf Ihre Anfrage", "Antwort auf Ihre Anfrage"),
    ],
)
def test_reply_prefixes_are_stripped(subject, stripped):
    assert strip_reply_prefix(subject) == stripped

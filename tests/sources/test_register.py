"""The motions register: ``motions.csv`` and ``files.csv`` tie statements to motions without
guessing, an analyst settles the rest in ``corrections.csv``, and ``motions.parquet`` lists
every motion of a run with title, date and body."""

from __future__ import annotations

import pytest

from analysis.sources.register import RegisterError, read_file_links, read_motions
from tests.pdfbuild import short_letter
from tests.runs import ingest

REGISTER = (
    "Drucksache;Titel;Gremium;Datum;Art\n"
    "DS-0031/2026;Mehr Sitzbänke am Marktplatz;Weidenbrück;02.03.2026;Antrag\n"
    "DS-0012/2026;Lärmaktionsplan Stufe 4;Weidenbrück;2026-02-10;Beschlussvorlage\n"
)


def test_a_hand_written_register_with_german_headings_is_read(tmp_path):
    path = tmp_path / "motions.csv"
    path.write_text(REGISTER, encoding="utf-8-sig")
    motions = read_motions(path)
    assert [m.motion_ref for m in motions] == ["DS-0031/2026", "DS-0012/2026"]
    assert motions[0].date == "2026-03-02" and motions[0].body == "Weidenbrück"
    assert motions[1].kind == "Beschlussvorlage" and motions[1].origin == "register"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("titel;datum\nLärm;1.1.2026\n", "column motion_ref is missing"),
        ("motion_ref;date\nDS-1/2026;im März\n", "line 2: date 'im März'"),
    ],
)
def test_a_register_that_cannot_be_used_is_named_with_the_fix(tmp_path, text, message):
    path = tmp_path / "motions.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegisterError, match=message) as err:
        read_motions(path)
    assert str(path) in str(err.value)


def test_a_file_map_never_names_a_file_outside_its_folder(tmp_path):
    (tmp_path / "files.csv").write_text("file,motion_ref\n../secret.pdf,DS-1/2026\n")
    with pytest.raises(RegisterError, match="outside its folder"):
        read_file_links(tmp_path / "files.csv")


def test_ingest_ties_statements_by_register_mapping_and_analyst(tmp_path):
    src = tmp_path / "src"
    (src / "laerm").mkdir(parents=True)
    short_letter(src / "a-titled.pdf", "12.3.2026", "Mehr Bänke am Marktplatz – meine Meinung")
    short_letter(src / "laerm" / "b-mapped.pdf", "1.3.2026", "Unsere Stellungnahme")
    short_letter(src / "laerm" / "vorlage.pdf", "1.2.2026", "Beschlussvorlage Lärmaktionsplan")
    short_letter(src / "c-unclear.pdf", "5.3.2026", "Radweg an der Nordstraße")
    (src / "files.csv").write_text(
        "file,motion_ref,role\n"
        "laerm/b-mapped.pdf,DS-0012/2026,statement\n"
        "laerm/vorlage.pdf,DS-0012/2026,motion\n"
    )
    register = tmp_path / "motions.csv"
    register.write_text(REGISTER, encoding="utf-8")
    out = tmp_path / "out"
    run = ingest([src], out, "--motions", str(register))
    assert run.code == 0
    rows = run.table("statements").set_index("source_file")
    assert "laerm/vorlage.pdf" not in rows.index  # the motion paper is no statement
    titled = rows.loc["a-titled.pdf"]
    assert (titled["motion_ref"], titled["motion_match"]) == ("DS-0031/2026", "topic")
    assert titled["motion_title"] == "Mehr Sitzbänke am Marktplatz"  # the register's title
    mapped = rows.loc["laerm/b-mapped.pdf"]
    assert (mapped["motion_ref"], mapped["motion_match"]) == ("DS-0012/2026", "register")
    assert mapped["motion_title"] == "Lärmaktionsplan Stufe 4"
    unclear = rows.loc["c-unclear.pdf"]
    assert unclear["motion_ref"] is None and unclear["motion_ref_source"] == "none: too weak"

    motions = run.table("motions").set_index("motion_ref")
    assert list(motions.index) == ["DS-0012/2026", "DS-0031/2026"]
    assert motions.loc["DS-0012/2026", "paper_file"] == "laerm/vorlage.pdf"
    assert motions.loc["DS-0012/2026", "statements"] == 1
    assert motions.loc["DS-0031/2026", "date"] == "2026-03-02"

    # The analyst settles the unclear statement in corrections.csv; ingest runs again.
    sid = unclear["statement_id"][:8]
    (out / "corrections.csv").write_text(f"statement_id;motion_ref\n{sid};DS-0031/2026\n")
    rows = ingest([src], out, "--motions", str(register)).table("statements")
    settled = rows.set_index("source_file").loc["c-unclear.pdf"]
    assert (settled["motion_ref"], settled["motion_match"]) == ("DS-0031/2026", "analyst")
    assert settled["motion_title"] == "Mehr Sitzbänke am Marktplatz"


def test_ingest_names_a_broken_register_and_stops(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    short_letter(src / "a.pdf", "12.3.2026", "Stellungnahme")
    (src / "motions.csv").write_text("titel\nLärm\n")
    assert ingest([src], tmp_path / "out").code == 2
    assert "motions.csv: the column motion_ref is missing" in capsys.readouterr().err


def test_a_statement_is_tied_only_to_a_motion_of_its_own_municipality(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    short_letter(
        src / "a.pdf", "12.3.2026", "Baumschutzsatzung – unsere Meinung",
        sender="Bürgerverein Elsholz e. V.",
    )  # fmt: skip
    register = tmp_path / "motions.csv"
    register.write_text(
        "motion_ref,title,body\n"
        "A-0007/2026,Baumschutzsatzung,Stadt Weidenbrück\n"
        "E-0003/2026,Baumschutzsatzung,Gemeinde Elsholz\n"
    )
    rows = ingest([src], tmp_path / "out", "--motions", str(register)).table("statements")
    assert (rows.loc[0, "motion_ref"], rows.loc[0, "motion_match"]) == ("E-0003/2026", "title")

"""Paths from the inputs: odd file names are data, never paths to write to; symbolic links in a
source folder cannot pull files from elsewhere on the machine into the tables; nothing is
written outside the output folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

from tests.hardening import procs, rawpdf

SECRET = "Geheimvermerk"
ODD_NAMES = ("<script>.pdf", "..\\..\\evil.pdf", "..evil.pdf", "sub/ünïcödé name.PDF")


def tree_snapshot(root: Path, skip: Path) -> dict[str, int]:
    return {
        str(p.relative_to(root)): p.lstat().st_size
        for p in root.rglob("*")
        if skip not in p.parents and p != skip
    }


@pytest.fixture(scope="session")
def odd_tree(letter_paths, tmp_path_factory) -> tuple[Path, Path, dict, dict, procs.Done]:
    root = tmp_path_factory.mktemp("paths")
    src, outside, out = root / "data" / "src", root / "outside", root / "data" / "out"
    (src / "sub").mkdir(parents=True)
    outside.mkdir()
    secret = rawpdf.pdf(rawpdf.letter(rawpdf.text_content((f"{SECRET}: intern", *rawpdf.TEXT))))
    (outside / "secret.pdf").write_bytes(secret)
    for name in ODD_NAMES:
        shutil.copy(letter_paths[1], src / name)
    os.symlink(outside / "secret.pdf", src / "link-outside.pdf")
    os.symlink(outside, src / "linked-folder")
    os.symlink(src, src / "sub" / "loop")
    os.symlink(src / "<script>.pdf", src / "sub" / "inside-link.pdf")
    before = tree_snapshot(root, out)
    done = procs.run(procs.ingest_args([src], out), limit=120)
    return root, out, before, tree_snapshot(root, out), done


def statements(odd_tree) -> pd.DataFrame:
    return pd.read_parquet(odd_tree[1] / "statements.parquet")


def test_ingest_of_the_odd_tree_exits_zero(odd_tree):
    assert odd_tree[4].code == 0, odd_tree[4].stderr


@pytest.mark.parametrize("name", ODD_NAMES)
def test_odd_file_names_are_kept_as_data(odd_tree, name):
    rows = statements(odd_tree)
    assert list(rows.loc[rows["source_file"] == name, "status"]) == ["ok"]


def test_a_link_to_a_file_inside_the_folder_is_read(odd_tree):
    rows = statements(odd_tree)
    assert list(rows.loc[rows["source_file"] == "sub/inside-link.pdf", "status"]) == ["ok"]


def test_a_link_to_a_file_outside_the_folder_is_an_error_row_and_not_read(odd_tree):
    rows = statements(odd_tree)
    (row,) = rows[rows["source_file"] == "link-outside.pdf"].itertuples()
    assert (row.status, row.error_kind) == ("error", "other")
    assert row.error_message.startswith("link-outside.pdf") and "symbolic link" in row.error_message
    for name in procs.INGEST_TABLES:
        table = pd.read_parquet(odd_tree[1] / f"{name}.parquet")
        assert not table.astype(str).apply(lambda c: c.str.contains(SECRET)).any().any()


def test_linked_folders_are_not_followed(odd_tree):
    names = set(statements(odd_tree)["source_file"])
    assert not any(n.startswith(("linked-folder/", "sub/loop/")) for n in names), names
    assert len(names) == len(ODD_NAMES) + 2  # and the two links to files


def test_nothing_is_written_outside_the_output_folder(odd_tree):
    root, out, before, after, _done = odd_tree
    assert after == before
    assert not list(root.parent.glob("evil.pdf")) and not (root / "evil.pdf").exists()
    assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))


def test_an_error_taken_from_the_cache_names_the_file_it_is_about(tmp_path):
    """A broken file renamed (or copied) since it was read: the cached error row must name the
    file under its new name, in ``source_file`` and in the message."""
    src, out = tmp_path / "src", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "kaputt.pdf").write_bytes(b"kein PDF\n")
    assert procs.run(procs.ingest_args([src], out)).code == 0
    (src / "sub" / "kaputt.pdf").rename(src / "umbenannt.pdf")
    assert procs.run(procs.ingest_args([src], out)).code == 0
    (row,) = pd.read_parquet(out / "statements.parquet").itertuples()
    assert row.source_file == "umbenannt.pdf"
    assert row.error_message.startswith("umbenannt.pdf:") and "kaputt" not in row.error_message

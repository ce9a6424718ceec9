"""The fixture build: deterministic, current, and caught when edited by hand."""

import json
import shutil

import pytest
from django.core.management import call_command

from catalogue.models.base import IDENTIFIER_RE
from catalogue.services.fixtures import FIXTURE_PATH, SOURCES_DIR, build_fixtures


def test_two_builds_of_the_same_sources_are_byte_identical():
    assert build_fixtures().render() == build_fixtures().render()


def test_the_committed_fixture_is_a_fresh_build(capsys):
    call_command("build_fixtures", "--check")
    assert "is up to date" in capsys.readouterr().out


def test_the_build_writes_the_fixture_and_prints_counts_per_model(tmp_path, capsys):
    output = tmp_path / "catalogue.json"
    call_command("build_fixtures", "--output", str(output))
    assert output.read_bytes() == FIXTURE_PATH.read_bytes()
    out = capsys.readouterr().out
    assert "4 documents" in out and "2 articles" in out and "mentions" in out


def test_check_mode_catches_a_hand_edit_and_names_the_record(tmp_path, capsys):
    edited = tmp_path / "catalogue.json"
    rows = json.loads(FIXTURE_PATH.read_text(encoding="utf-8"))
    place = next(r for r in rows if r["fields"].get("identifier") == "place-moscow")
    place["fields"]["name"] = "Moskva"
    edited.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        call_command("build_fixtures", "--check", "--output", str(edited))
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "changed catalogue.place place-moscow: name" in err
    assert "Moskva" in edited.read_text(encoding="utf-8")  # --check writes nothing


def test_check_mode_catches_a_changed_source_text(tmp_path, capsys):
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    event = sources / "004_f5ec84521a8842e8.txt"
    event.write_text(event.read_text(encoding="utf-8") + " Hatoyama.", encoding="utf-8")
    with pytest.raises(SystemExit):
        call_command("build_fixtures", "--check", "--sources", str(sources))
    assert "changed catalogue.article article-f5ec84521a8842e8" in capsys.readouterr().err


def test_every_identifier_is_valid_and_derived_from_the_authority_file_or_file_name():
    rows = json.loads(FIXTURE_PATH.read_text(encoding="utf-8"))
    identifiers = {r["fields"]["identifier"] for r in rows if "identifier" in r["fields"]}
    assert {
        "doc-joint-declaration-1956",
        "doc-trade-protocol-1956",
        "doc-treaty-of-peace-with-japan-1951",
        "doc-nyt-1956-10-20-texts",
        "person-ichiro-hatoyama",
        "place-moscow",
        "org-soviet-union",
        "article-0543db3bfdfe29b7",
        "article-f5ec84521a8842e8",
    } <= identifiers
    assert all(IDENTIFIER_RE.match(i) for i in identifiers)
    # Records are referred to by natural key, link records by a fixed number.
    assert all("pk" not in r for r in rows if "identifier" in r["fields"])
    assert all(isinstance(r["pk"], int) for r in rows if "identifier" not in r["fields"])

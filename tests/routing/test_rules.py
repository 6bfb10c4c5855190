"""Rule and case validation: every mistake names the file, rule, line and the closest valid ID."""

from __future__ import annotations

from pathlib import Path

import pytest

from routing import Router, RulesError
from routing.staff_cases import load_cases


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unknown_department_names_file_rule_line_and_closest_id(data_copy: Path) -> None:
    rules = data_copy / "rules" / "10-themas.yml"
    _edit(rules, "trekker: openbare-ruimte", "trekker: openbare-ruimtes")
    with pytest.raises(RulesError) as err:
        Router.load(data_copy)
    message = str(err.value)
    assert "10-themas.yml" in message
    assert "rule groen-en-buitenruimte" in message
    assert "line " in message
    assert "did you mean 'openbare-ruimte'" in message


def test_unknown_partner_in_a_list_suggests_the_closest_partner(data_copy: Path) -> None:
    _edit(data_copy / "rules" / "20-behoeften.yml", "[vrijwilligerscentrale]", "[vrijwilligers]")
    with pytest.raises(RulesError, match="did you mean 'vrijwilligerscentrale'"):
        Router.load(data_copy)


def test_duplicate_rule_id_is_an_error(data_copy: Path) -> None:
    _edit(data_copy / "rules" / "10-themas.yml", "- id: jeugd", "- id: zorg-welzijn")
    with pytest.raises(RulesError, match="duplicate rule id"):
        Router.load(data_copy)


def test_rule_without_reden_is_an_error(data_copy: Path) -> None:
    _edit(data_copy / "rules" / "90-regie.yml", "  reden: Er past geen", "  uitleg: Er past geen")
    with pytest.raises(RulesError, match="rule standaard") as err:
        Router.load(data_copy)
    assert "reden" in str(err.value)


def test_misspelt_condition_key_suggests_the_right_one(data_copy: Path) -> None:
    _edit(data_copy / "rules" / "10-themas.yml", "    thema: taal", "    thma: taal")
    with pytest.raises(RulesError, match="did you mean 'thema'"):
        Router.load(data_copy)


def test_unknown_theme_and_need_are_errors(data_copy: Path) -> None:
    _edit(data_copy / "rules" / "10-themas.yml", "    thema: taal", "    thema: talen")
    with pytest.raises(RulesError, match="unknown theme 'talen'; did you mean 'taal'"):
        Router.load(data_copy)


def test_malformed_condition_value_is_an_error(data_copy: Path) -> None:
    _edit(data_copy / "rules" / "90-regie.yml", "teams_minimaal: 4", "teams_minimaal: veel")
    with pytest.raises(RulesError, match="teams_minimaal"):
        Router.load(data_copy)


def test_unknown_sdg_is_an_error(data_copy: Path) -> None:
    _edit(data_copy / "rules" / "10-themas.yml", "sdgs: [7, 13]", "sdgs: [7, 18]")
    with pytest.raises(RulesError, match="unknown SDG 18"):
        Router.load(data_copy)


def test_a_lone_wildcard_is_not_a_word(data_copy: Path) -> None:
    _edit(data_copy.parent / "signalen.yml", '["=grond", ', '["*", "=grond", ')
    with pytest.raises(RulesError, match=r"signalen\.yml"):
        Router.load(data_copy)


def test_signal_for_an_unknown_need_suggests_the_closest(data_copy: Path) -> None:
    _edit(data_copy.parent / "signalen.yml", "  financiering: [geld,", "  financiring: [geld,")
    with pytest.raises(RulesError, match="did you mean 'financiering'"):
        Router.load(data_copy)


def test_invalid_yaml_names_the_file(data_copy: Path) -> None:
    (data_copy / "rules" / "50-kapot.yml").write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"50-kapot\.yml"):
        Router.load(data_copy)


def test_case_with_unknown_expectation_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "fout.yml"
    path.write_text("- name: x\n  input: {}\n  expected: {leader: wijken}\n", encoding="utf-8")
    with pytest.raises(RulesError, match="did you mean 'lead'"):
        load_cases([path])

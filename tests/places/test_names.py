"""Lookup keys of place names."""
from __future__ import annotations

from wirewatch.places.names import key, variants


def test_key_folds_case_diacritics_and_the() -> None:
    assert key("the Côte d’Ivoire") == "cote d'ivoire"
    assert key("SÃO PAULO") == "sao paulo"


def test_key_drops_possessive_and_periods() -> None:
    assert key("Russia's") == "russia"
    assert key("Russia’s") == "russia"
    assert key("W.Va.") == key("W. Va.") == "w va"
    assert key("U.S.") == "u s"
    assert key("L.A.") != key("La.")


def test_key_hyphens_are_spaces() -> None:
    assert key("Wilkes-Barre") == "wilkes barre"


def test_variants_abbreviate_saint_and_fort() -> None:
    assert "st louis" in variants("Saint Louis")
    assert "saint louis" in variants("St. Louis")
    assert "ft worth" in variants("Fort Worth")

"""Nationality adjectives to countries."""
from __future__ import annotations

import pytest

from wirewatch.places.demonyms import country_of_adjective


@pytest.mark.parametrize(
    ("text", "iso3"),
    [("North Korean", "PRK"), ("Russian", "RUS"), ("Soviet", "SUN"), ("South Korean", "KOR"),
     ("Chinese", "CHN"), ("American", "USA"), ("Palestinians", "PSE"), ("Israelis", "ISR"),
     ("british", "GBR"), ("Ukrainian", "UKR"), ("Georgian", "GEO")],
)
def test_known_adjectives(text: str, iso3: str) -> None:
    assert country_of_adjective(text) == iso3


@pytest.mark.parametrize("text", ["Kremlin", "Putin", "Moscow", "", "tank"])
def test_not_adjectives(text: str) -> None:
    assert country_of_adjective(text) is None

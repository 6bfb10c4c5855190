"""A folder of municipalities for tests: the repository's own (Delft, and whichever others are
committed) plus small fixture versions of Haarlem and Rotterdam where no folder exists yet.

The fixtures follow the shared contracts (shared/domain/haarlem.yml, rotterdam.yml): the same
municipality block, loket team and wijken, with a few teams, partners and one rule each, so a
test can hold a conversation or render a page for a second and third municipality.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from routing import municipalities_dir

FIXTURES: dict[str, dict[str, Any]] = {
    "haarlem": {
        "municipality": {
            "id": "haarlem",
            "name": "Gemeente Haarlem",
            "general_contact": "14 023",
            "loket_team": "sociaal-ondernemen",
            "privacy_contact": "privacy-haarlem@gemeente.example",
            "city": "Haarlem",
        },
        "departments": {
            "sociaal-ondernemen": {
                "name": "Programma Sociaal Ondernemerschap",
                "about": "Aanspreekpunt voor sociaal ondernemers en initiatiefnemers",
                "email": "sociaalondernemen@gemeente.example",
            },
            "gebiedszaken": {"name": "Gebiedszaken", "about": "Gebiedsverbinders per stadsdeel"},
        },
        "partners": {"stadsgarage": {"name": "Stichting Stadsgarage", "about": "Co-creatie"}},
        "instruments": {
            "netwerkintroductie": {"name": "Netwerkintroductie", "by": "sociaal-ondernemen"},
            "cocreatie-sessie": {"name": "Co-creatiesessie", "by": "stadsgarage"},
        },
        "wijken": ["Centrum", "Noord", "Oost", "Schalkwijk", "Zuid-West"],
    },
    "rotterdam": {
        "municipality": {
            "id": "rotterdam",
            "name": "Gemeente Rotterdam",
            "general_contact": "14 010",
            "loket_team": "activering-welzijn",
            "privacy_contact": "privacy-rotterdam@gemeente.example",
            "city": "Rotterdam",
        },
        "departments": {
            "activering-welzijn": {
                "name": "Activering en Welzijn",
                "about": "Aanspreekpunt voor ondernemende burgers en sociaal ondernemers",
                "email": "maatschappelijkinitiatief@gemeente.example",
            },
            "samenleving": {"name": "Samenleving", "about": "Bewonersinitiatieven in de wijk"},
        },
        "partners": {"wijkteam": {"name": "Wijkteam", "about": "Ondersteuning in de wijk"}},
        "instruments": {
            "netwerkintroductie": {"name": "Netwerkintroductie", "by": "activering-welzijn"},
        },
        "wijken": ["Centrum", "Delfshaven", "Noord", "Charlois", "Feijenoord", "Hoek van Holland"],
    },
}


def _rule(team: str) -> list[dict[str, Any]]:
    return [
        {
            "id": "standaard",
            "reden": "Er past geen specifieke regel. Het vaste aanspreekpunt zoekt uit wie helpt.",
            "als": {"anders": True},
            "dan": {"trekker": team, "instrumenten": ["netwerkintroductie"]},
        }
    ]


def build(root: Path, source: Path | None = None) -> Path:
    """`root` filled with the municipalities of `source` (the repository's by default) and
    the fixtures for those it lacks; returns `root`."""
    source = source or municipalities_dir()
    root.mkdir(parents=True, exist_ok=True)
    for entry in source.iterdir():
        (root / entry.name).symlink_to(entry.resolve(), target_is_directory=entry.is_dir())
    for municipality, catalogue in FIXTURES.items():
        folder = root / municipality
        if folder.exists():
            continue
        (folder / "rules").mkdir(parents=True)
        dump = {"allow_unicode": True, "sort_keys": False}
        (folder / "catalogue.yml").write_text(yaml.safe_dump(catalogue, **dump), "utf-8")
        rules = _rule(catalogue["municipality"]["loket_team"])
        (folder / "rules" / "90-regie.yml").write_text(yaml.safe_dump(rules, **dump), "utf-8")
    return root

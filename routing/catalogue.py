"""The catalogue: canonical IDs of needs, stages, teams, partners, instruments, SDGs, wijken."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from routing.errors import RulesError


class Municipality(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    name: str
    general_contact: str


class Department(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    about: str = ""
    email: str | None = None


class Partner(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    about: str = ""
    email: str | None = None


class Instrument(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    by: str
    about: str = ""


class Catalogue(BaseModel):
    model_config = ConfigDict(frozen=True)

    municipality: Municipality
    needs: dict[str, str]
    stages: dict[str, str]
    organisations: dict[str, str]
    departments: dict[str, Department]
    partners: dict[str, Partner]
    instruments: dict[str, Instrument]
    sdgs: dict[int, str]
    wijken: list[str]

    @property
    def general_contact(self) -> str:
        return self.municipality.general_contact

    def name_of(self, item_id: str) -> str:
        """Dutch display name of a department, partner or instrument ID."""
        for table in (self.departments, self.partners, self.instruments):
            if item_id in table:
                return table[item_id].name
        return item_id

    def wijk_name(self, value: str) -> str | None:
        """The catalogue spelling of a wijk, matched case-insensitively; None if unknown."""
        wanted = value.strip().casefold()
        return next((w for w in self.wijken if w.casefold() == wanted), None)


def load_catalogue(path: Path) -> Catalogue:
    """Load and validate a catalogue file; errors name the file and the field."""
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise RulesError(f"{path}: cannot read catalogue: {exc}") from exc
    try:
        catalogue = Catalogue.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RulesError(f"{path}: {where}: {first['msg']}") from exc
    unknown_by = {
        iid: ins.by
        for iid, ins in catalogue.instruments.items()
        if ins.by not in catalogue.departments and ins.by not in catalogue.partners
    }
    if unknown_by:
        iid, by = next(iter(unknown_by.items()))
        raise RulesError(f"{path}: instruments.{iid}.by: {by!r} is no department or partner")
    return catalogue

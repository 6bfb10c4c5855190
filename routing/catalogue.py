"""The catalogue: canonical IDs of needs, stages, teams, partners, instruments, SDGs, wijken.

A municipality's `catalogue.yml` holds its own block, teams, partners, instruments and wijken;
needs, stages, organisations and SDGs are the shared vocabulary (`vocabulary.yml` in the folder
above it), merged in at load.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from routing.errors import RulesError, unknown_message


class Municipality(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    name: str
    general_contact: str
    loket_team: str  # the department that holds regie on a case (validated below)
    privacy_contact: str  # a generic mailbox, never a person
    city: str  # the city's name as used in texts ("in Delft")
    # The inwoner's status page names the staff member who owns the case (else the team only).
    named_contact: bool = False


class Department(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    about: str = ""
    email: str | None = None
    # Working days within which the team answers a new case; None: the handoff service's default
    # (its settings `reply_days_loket_team` / `reply_days_default`).
    reply_days: int | None = Field(default=None, strict=True, ge=1, le=60)


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

    @property
    def loket_team(self) -> str:
        """The department that holds regie on a case (the municipality's loket team)."""
        return self.municipality.loket_team

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


VOCABULARY_KEYS = ("needs", "stages", "organisations", "sdgs")
VOCABULARY_FILE = "vocabulary.yml"


def _read(path: Path, what: str) -> object:
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise RulesError(f"{path}: cannot read {what}: {exc}") from exc


def vocabulary_path(catalogue_path: Path) -> Path | None:
    """The shared vocabulary of a municipality's catalogue: `../vocabulary.yml`, if present."""
    path = catalogue_path.parent.parent / VOCABULARY_FILE
    return path if path.is_file() else None


def load_catalogue(path: Path, vocabulary: Path | None = None) -> Catalogue:
    """Load and validate a catalogue file with the shared vocabulary (default: the
    `vocabulary.yml` of the folder above); errors name the file and the field."""
    raw = _read(path, "catalogue")
    vocabulary = vocabulary or vocabulary_path(path)
    if vocabulary is not None and isinstance(raw, dict):
        shared = _read(vocabulary, "vocabulary")
        if not isinstance(shared, dict):
            raise RulesError(f"{vocabulary}: expected {', '.join(VOCABULARY_KEYS)}")
        for key in VOCABULARY_KEYS:
            if key in raw:
                raise RulesError(f"{path}: {key}: shared vocabulary belongs in {vocabulary}")
        raw = {**raw, **{key: shared.get(key) for key in VOCABULARY_KEYS}}
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
    team = catalogue.municipality.loket_team
    if team not in catalogue.departments:
        raise RulesError(
            f"{path}: municipality.loket_team: "
            f"{unknown_message('department', team, list(catalogue.departments))}"
        )
    return catalogue

"""Value types of the routing engine: what goes in (Intake) and what comes out (Route)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_TEXT_LENGTH = 5000


class Intake(BaseModel):
    """What an inwoner told about an initiative. IDs are catalogue IDs (wijk: ID or name)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = Field(default="", description="Free Dutch text: goal and description.")
    needs: list[str] = Field(default_factory=list, description="Catalogue need IDs.")
    stage: str | None = Field(default=None, description="Catalogue stage ID.")
    organisation: str | None = Field(default=None, description="Catalogue organisation ID.")
    wijk: str | None = Field(default=None, description="Catalogue wijk name.")
    municipality: str | None = Field(
        default=None,
        description="Catalogue municipality ID (e.g. `delft`); default: the service's default.",
        max_length=64,
    )


class NeedHit(BaseModel):
    """A need in the route, marked as given by the inwoner or derived from the text."""

    model_config = ConfigDict(frozen=True)

    id: str
    source: Literal["given", "derived"]


class Reason(BaseModel):
    """Why something is in the route: one rule, its Dutch reason, and what matched."""

    model_config = ConfigDict(frozen=True)

    rule: str
    reden: str
    matched: list[str] = Field(default_factory=list)
    adds: list[str] = Field(
        default_factory=list,
        description="Department, partner and instrument IDs this rule put in the route.",
    )
    sdgs: list[int] = Field(default_factory=list, description="SDGs this rule added.")


class LeftOut(BaseModel):
    """A team that rules pointed at but that the route does not involve, and why."""

    model_config = ConfigDict(frozen=True)

    department: str
    reden: str
    rules: list[str] = Field(default_factory=list, description="Rules that pointed at it.")
    matched: list[str] = Field(default_factory=list, description="The evidence they found.")


class Route(BaseModel):
    """The routing decision. `departments` is ordered: the first one leads."""

    model_config = ConfigDict(frozen=True)

    in_scope: bool
    departments: list[str] = Field(default_factory=list)
    partners: list[str] = Field(default_factory=list)
    instruments: list[str] = Field(default_factory=list)
    sdgs: list[int] = Field(default_factory=list)
    needs: list[NeedHit] = Field(default_factory=list)
    wijk: str | None = None
    stage: str | None = None
    organisation: str | None = None
    reasons: list[Reason] = Field(default_factory=list)
    left_out: list[LeftOut] = Field(
        default_factory=list,
        description="Teams rules pointed at but that are not needed (too little evidence, "
        "or more teams than the lead and two others), each with a Dutch reason.",
    )
    general_contact: str
    rules_version: str
    municipality: str | None = Field(
        default=None, description="The municipality whose catalogue and rules made this route."
    )

    @property
    def lead(self) -> str | None:
        return self.departments[0] if self.departments else None

    @property
    def recipients(self) -> list[str]:
        """Every party that receives the summary of a case on this route: the teams (the lead
        first), then the partners, each once. The consent question names exactly these, and
        the case goes to exactly these (or those of them the inwoner agreed to)."""
        return list(dict.fromkeys([*self.departments, *self.partners]))


class Analysis(BaseModel):
    """What the text analysis found in free Dutch text (used by routing and the assistant)."""

    model_config = ConfigDict(frozen=True)

    needs: list[str] = Field(default_factory=list)
    themes: list[str] = Field(default_factory=list)
    wijk: str | None = None
    organisation: str | None = None
    stage: str | None = None
    out_of_scope: str | None = Field(
        default=None, description="Topic of a general municipal question, if the text is one."
    )
    signals: dict[str, list[str]] = Field(
        default_factory=dict,
        description="What matched, per signal (e.g. 'thema:groen' -> ['moestuin']).",
    )

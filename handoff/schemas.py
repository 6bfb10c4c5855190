"""Request and response bodies of the API (English field names; texts for people in Dutch)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from routing import Intake, Route

# What a party reports about its own part (handoff.lifecycle derives the case status from it);
# "ontvangen" is the older word for "opgepakt".
PartnerStatus = Literal["opgepakt", "ontvangen", "in behandeling", "afgerond", "niet passend"]
PARTNER_STATUSES: tuple[str, ...] = (
    "opgepakt",
    "ontvangen",
    "in behandeling",
    "afgerond",
    "niet passend",
)

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
# A pragmatic shape check; whether the address works is the inwoner's business.
Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, max_length=320, pattern=r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$"
    ),
]
CatalogueId = Annotated[
    str, StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z0-9-]+$")
]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9 ()-]{6,20}$")]
# A case reference as handoff.security.new_reference makes it; part of the published contract.
Reference = Annotated[str, StringConstraints(pattern=r"^LOK-[0-9]{4}-[0-9]{6}$")]


class Contact(BaseModel):
    """Only the fields the inwoner chose to give."""

    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    email: Email | None = None
    phone: Phone | None = None
    preferred_time: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
        | None
    ) = Field(default=None, description="When the inwoner prefers to be called, in their words.")


class CaseCreate(BaseModel):
    """A hand-off: the intake, explicit consent, optional contact details and call-back wish."""

    model_config = ConfigDict(extra="forbid")

    intake: Intake
    consent: bool = Field(description="Must be true: the inwoner agreed to share the intake.")
    contact: Contact | None = None
    callback_requested: bool = Field(
        default=False,
        description="The inwoner asked to be called back; needs `contact.phone` or "
        "`contact.email`.",
    )
    notify: bool = Field(
        default=False,
        description="The inwoner agreed to e-mails when the status changes and one check-in "
        "after LOKET_CHECKIN_WEEKS; needs `contact.email`.",
    )
    impact_question: bool = Field(
        default=False,
        description="The inwoner agreed to one e-mail with the question 'Wat heeft de hulp "
        "opgeleverd?' LOKET_IMPACT_QUESTION_MONTHS after the case closed with its outcome; "
        "needs `contact.email`.",
    )
    conversation_id: (
        Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[\w.:-]+$")]
        | None
    ) = None
    recipients: list[CatalogueId] | None = Field(
        default=None,
        max_length=40,
        description="Catalogue IDs of the teams and partners the inwoner agreed to share "
        "with; the case goes only to those of its route. Must include the lead team. "
        "Default: every party of the route.",
    )

    @field_validator("callback_requested")
    @classmethod
    def _callback_needs_a_way_to_reach(cls, value: bool, info: ValidationInfo) -> bool:
        # A call-back request nobody can act on must not be stored as one (`contact` is
        # declared above, so it is validated first).
        contact = info.data.get("contact")
        if value and not (contact and (contact.phone or contact.email)):
            raise ValueError("a call-back needs contact.phone or contact.email")
        return value

    @field_validator("notify", "impact_question")
    @classmethod
    def _mail_needs_an_address(cls, value: bool, info: ValidationInfo) -> bool:
        contact = info.data.get("contact")
        if value and not (contact and contact.email):
            raise ValueError(f"{info.field_name} needs contact.email")
        return value


class CaseCreated(BaseModel):
    reference: Reference
    municipality: str
    token: str = Field(description="Secret for the status link; shown only once.")
    status_url: str
    lead: str | None
    lead_name: str | None
    reply_by: date
    route: Route


class ConversationErased(BaseModel):
    """What `DELETE /api/v1/cases?conversation_id=` erased: the conversation and its cases."""

    conversation_id: str
    cases: list[str] = Field(description="References of the erased cases (may be empty).")


class PartyStatus(BaseModel):
    party: str
    name: str
    kind: Literal["department", "partner"]
    status: str
    note: str | None = None
    updated_at: datetime


class CasePublic(BaseModel):
    """What the inwoner sees with the status link."""

    reference: str
    municipality: str
    status: str
    created_at: datetime
    lead: str | None
    lead_name: str | None
    reply_by: date
    parties: list[PartyStatus]
    owner_team: str | None = Field(default=None, description="The owning team's name.")
    contact_person: str | None = Field(
        default=None,
        description="The owner's name, only where the municipality enables a named contact.",
    )
    overdue: bool = False


class CaseListItem(BaseModel):
    model_config = ConfigDict(from_attributes=True)  # CaseListItem.model_validate(case)

    reference: str
    municipality: str
    created_at: datetime
    status: str
    lead: str | None
    wijk: str | None
    needs: list[str]
    partners: list[str]
    reply_by: date
    callback_requested: bool = False
    party_status: str | None = Field(
        default=None, description="In a partner's list: the status that partner reported."
    )


class StatusReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: PartnerStatus
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = Field(
        default=None,
        validate_default=True,
        description='For the owner; required with "niet passend": the reason, which sends the '
        "case back to its owner.",
    )

    @field_validator("note")
    @classmethod
    def _decline_needs_a_reason(cls, value: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("status") == "niet passend" and not value:
            raise ValueError("a decline (niet passend) needs the reason in `note`")
        return value


class StaffCaseListItem(CaseListItem):
    """A case in the staff list: what the initiative is, who owns it, whether the answer is
    late, and how many summaries failed for good (staff can re-send)."""

    title: str = Field(default="", description="The initiative's own goal, in its words.")
    owner_team: str | None = None
    owner_name: str | None = None
    overdue: bool = Field(
        default=False, description="Past its reply-by date and the lead team has not replied."
    )
    returned: bool = Field(
        default=False, description="A party declined: the case is back with its owner."
    )
    checkin_answer: str | None = Field(
        default=None, description="The inwoner's answer to the check-in mail, if any."
    )
    failed_deliveries: int = 0


class DeliveryPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    key: str
    party: str
    channel: str
    kind: str = "summary"  # "summary" | "alert" (to the lead team, about a failed summary)
    status: str
    attempts: int
    last_error: str | None
    delivered_at: datetime | None


class AuditPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]


class CaseDetail(StaffCaseListItem):
    """Everything staff see: route with reasons, parties' statuses, deliveries, audit trail."""

    intake: dict[str, Any]
    route: Route
    parties: list[PartyStatus]
    deliveries: list[DeliveryPublic]
    audit: list[AuditPublic]
    has_contact: bool
    returned_by: str | None = None
    returned_reason: str | None = None
    proposal: Route | None = Field(
        default=None,
        description="After a decline: the route the engine proposes without the parties that "
        "declined (apply it with `reroute`).",
    )


class OwnerChange(BaseModel):
    """Who owns the case: a staff member of the lead team or of the loket team."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    team: CatalogueId | None = Field(default=None, description="Default: the case's lead team.")


class CaseClose(BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Literal["afgerond", "niet passend"]
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None = None


class NoteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]


class PartnerNote(BaseModel):
    """A partner's note for the case's owner, as it stands on the case's timeline."""

    party: str
    text: str
    at: datetime


class Assign(BaseModel):
    """A manual assignment by staff: the departments (first leads) and partners."""

    model_config = ConfigDict(extra="forbid")

    departments: list[str] = Field(min_length=1, max_length=20)
    partners: list[str] = Field(default_factory=list, max_length=20)
    note: Annotated[str, StringConstraints(max_length=2000)] | None = None


class ReplyBy(BaseModel):
    department: str
    working_days: int
    reply_by: date


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    database: bool  # writable
    problems: list[str] = Field(default_factory=list)  # what is wrong, e.g. "rasa server 2 ..."
    rules_version: str
    pipeline: str
    version: str

"""Intake validation and cleaning: catalogue IDs checked, wijk normalised, text cleaned."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from routing.catalogue import Catalogue
from routing.errors import IntakeError, unknown_message
from routing.models import MAX_TEXT_LENGTH, Intake
from routing.text import clean_text, fold


def fold_name(value: str) -> str:
    """A wijk name or ID in comparable form: `Hof van Delft` == `hof-van-delft`."""
    return fold(value).replace(" ", "")


def validate_intake(catalogue: Catalogue, intake: Intake | Mapping[str, Any]) -> Intake:
    """Check IDs against the catalogue; clean the text. Returns the normalised intake."""
    if not isinstance(intake, Intake):
        try:
            intake = Intake.model_validate(intake)
        except ValidationError as exc:
            err = exc.errors()[0]
            name = ".".join(str(p) for p in err["loc"]) or "intake"
            valid = list(Intake.model_fields)
            msg = f"{name}: {err['msg']}"
            if err["type"] == "extra_forbidden":
                msg = f"{name}: {unknown_message('field', name, valid)}"
            raise IntakeError(name, err.get("input"), valid, msg) from exc
    cat = catalogue
    own = cat.municipality.id
    if intake.municipality is not None and intake.municipality != own:
        raise IntakeError(
            "municipality",
            intake.municipality,
            [own],
            f"municipality: {intake.municipality!r} is routed by its own router, not {own!r}'s",
        )
    text = clean_text(intake.text)
    if len(text) > MAX_TEXT_LENGTH:
        raise IntakeError(
            "text",
            f"{len(text)} characters",
            [],
            f"text: too long ({len(text)} characters; at most {MAX_TEXT_LENGTH})",
        )
    for need in intake.needs:
        if need not in cat.needs:
            raise IntakeError(
                "needs",
                need,
                list(cat.needs),
                f"needs: {unknown_message('need', need, list(cat.needs))}",
            )
    for name, value, valid in (
        ("stage", intake.stage, list(cat.stages)),
        ("organisation", intake.organisation, list(cat.organisations)),
    ):
        if value is not None and value not in valid:
            raise IntakeError(name, value, valid, f"{name}: {unknown_message(name, value, valid)}")
    wijk = None
    if intake.wijk is not None and intake.wijk.strip():
        wanted = fold_name(intake.wijk)
        wijk = next((w for w in cat.wijken if fold_name(w) == wanted), None)
        if wijk is None:
            raise IntakeError(
                "wijk",
                intake.wijk,
                cat.wijken,
                f"wijk: {unknown_message('wijk', intake.wijk, cat.wijken)}",
            )
    needs = [n for n in cat.needs if n in intake.needs]
    return Intake(
        text=text,
        needs=needs,
        stage=intake.stage,
        organisation=intake.organisation,
        wijk=wijk,
        municipality=intake.municipality,
    )


def known_values_only(catalogue: Catalogue, intake: Intake) -> Intake:
    """`intake` without the values `catalogue` does not know, for a caller that passes on what
    a classifier tagged (the chat: Rasa fills a slot from any tagged word before the form has
    judged it). The values are judged by `validate_intake`, the one rule; an API client gets
    its IntakeError instead."""
    for _ in range(len(intake.needs) + 4):
        try:
            validate_intake(catalogue, intake)
            return intake
        except IntakeError as exc:
            if exc.field == "needs":
                kept = [need for need in intake.needs if need != exc.value]
                intake = intake.model_copy(update={"needs": kept})
            elif exc.field in ("stage", "organisation", "wijk"):
                intake = intake.model_copy(update={exc.field: None})
            else:
                raise
    return intake

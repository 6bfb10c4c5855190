"""The staff dashboard (/medewerkers/dashboard, its numbers from /api/v1/staff/dashboard) and
the public yearly impact page (/impact/<municipality>/<year>)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse, JSONResponse
from markupsafe import Markup

from handoff.deps import ServicesDep, SessionDep, StaffDep
from handoff.monitoring import dashboard as numbers
from handoff.monitoring.charts import bar_chart
from handoff.monitoring.models import IMPACT_ANSWERS, IMPACT_QUESTION
from handoff.web.pages import page, templates
from routing import Catalogue

router = APIRouter()

Month = Annotated[
    str | None,
    Query(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$", description="YYYY-MM, inclusive"),
]
STATUS_LABELS = {
    "nieuw": "Nieuw, nog niet opgepakt",
    "ontvangen": "Ontvangen",
    "in behandeling": "In behandeling",
    "niet passend": "Niet passend",
    "afgerond": "Afgerond zonder uitkomst",
}


class Labels:
    """Dutch names of the catalogue IDs in the records."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue

    def party(self, party_id: str) -> str:
        if party_id == "geen":
            return "Geen team"
        try:
            return self.catalogue.name_of(party_id)
        except Exception:  # an ID no longer in the catalogue: keep the ID
            return party_id

    def sdg(self, sdg: str) -> str:
        name = self.catalogue.sdgs.get(int(sdg)) if sdg.isdigit() else None
        return f"SDG {sdg}: {name}" if name else f"SDG {sdg}"

    def need(self, need: str) -> str:
        return need


def _period(
    staff: StaffDep,
    services: ServicesDep,
    municipality: Annotated[str | None, Query(max_length=64)] = None,
    since: Month = None,
    until: Month = None,
) -> numbers.Period:
    """The municipality and months asked for: the staff token's own municipality only."""
    chosen = municipality or staff.municipality or services.settings.default_municipality
    if not staff.sees(chosen):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "This staff token is for another municipality."
        )
    if chosen not in services.municipalities().ids:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"Unknown municipality {chosen!r}")
    if since and until and since > until:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, "`since` must not be after `until`."
        )
    return numbers.Period(chosen, since, until)


PeriodDep = Annotated[numbers.Period, Depends(_period)]


@router.get("/api/v1/staff/dashboard", tags=["staff"], summary="The dashboard's numbers (JSON)")
def dashboard_numbers(period: PeriodDep, session: SessionDep) -> JSONResponse:
    body = {
        "municipality": period.municipality,
        "since": period.since,
        "until": period.until,
        **numbers.dashboard(session, period).as_json(),
    }
    return JSONResponse(body)


def dashboard_charts(dash: numbers.Dashboard, labels: Labels) -> dict[str, Markup]:
    demand = dash.demand
    return {
        "month": bar_chart(
            "per-maand", "Aanvragen per maand", dash.demand_by_month, label_header="Maand"
        ),
        "need": bar_chart(
            "per-behoefte", "Aanvragen per behoefte", demand["behoefte"], label_header="Behoefte"
        ),
        "wijk": bar_chart("per-wijk", "Aanvragen per wijk", demand["wijk"], label_header="Wijk"),
        "sdg": bar_chart(
            "per-sdg",
            "Aanvragen per SDG",
            [(labels.sdg(s), n) for s, n in demand["sdg"]],
            label_header="SDG",
        ),
        "organisation": bar_chart(
            "per-organisatie",
            "Aanvragen per soort organisatie",
            demand["organisatie"],
            label_header="Soort organisatie",
        ),
        "compliance": bar_chart(
            "op-tijd",
            "Op tijd gereageerd per team (procent)",
            [(labels.party(t.team), round(100 * t.reply_compliance)) for t in dash.teams],
            label_header="Team",
            value_header="Procent",
            unit="%",
        ),
        "stalled": bar_chart(
            "blijft-hangen",
            "Open aanvragen per status",
            [(STATUS_LABELS.get(s, s), n) for s, n in dash.stalled],
            label_header="Status",
        ),
        "instruments": bar_chart(
            "instrumenten",
            "Geholpen per ingezet instrument",
            [(labels.party(i), r["geholpen"]) for i, r in dash.instruments],
            label_header="Instrument",
        ),
        "unmet": bar_chart(
            "onvervuld",
            "Niet vervulde vraag per behoefte",
            [(u.need, u.unmet) for u in dash.unmet if u.unmet],
            label_header="Behoefte",
        ),
        "impact": bar_chart(
            "impact-antwoorden",
            f"{IMPACT_QUESTION} Antwoorden van inwoners",
            [(IMPACT_ANSWERS[a], n) for a, n in dash.impact.items()]
            if any(dash.impact.values())
            else [],
            label_header="Antwoord",
        ),
    }


@router.get(
    "/api/v1/staff/dashboard.html",
    tags=["staff"],
    summary="The dashboard as HTML: SVG charts, each with its table",
    response_class=HTMLResponse,
)
def dashboard_fragment(
    request: Request, period: PeriodDep, session: SessionDep, services: ServicesDep
) -> HTMLResponse:
    dash = numbers.dashboard(session, period)
    catalogue = services.catalogue_for(period.municipality)
    labels = Labels(catalogue)
    return templates.TemplateResponse(
        request,
        "dashboard-fragment.html",
        {
            "dash": dash,
            "charts": dashboard_charts(dash, labels),
            "labels": labels,
            "period": period,
            "name": catalogue.municipality.name,
            "months": sorted({m for m, _, _ in dash.demand_by_month_and_need}),
            "month_need": {(m, t): n for m, t, n in dash.demand_by_month_and_need},
            "needs": sorted({t for _, t, _ in dash.demand_by_month_and_need}),
            "impact_months": services.settings.impact_question_months,
        },
    )


@router.get("/medewerkers/dashboard", response_class=HTMLResponse, include_in_schema=False)
def dashboard_page(request: Request, services: ServicesDep) -> HTMLResponse:
    return page(
        request,
        "dashboard.html",
        title="Medewerkers: dashboard",
        municipalities=list(services.municipalities().ids),
        default=services.settings.default_municipality,
    )


def _suppress(rows: list[tuple[str, int]], k: int) -> list[tuple[str, int]]:
    return [(label, n) for label, n in rows if n >= k]


@router.get("/impact/{municipality}/{year}", response_class=HTMLResponse, include_in_schema=False)
def impact_page(
    request: Request,
    municipality: str,
    year: int,
    session: SessionDep,
    services: ServicesDep,
) -> HTMLResponse:
    known = list(services.municipalities().ids)
    this_year = datetime.now(UTC).year
    if municipality not in known or not 2000 <= year <= this_year:
        response = page(
            request,
            "impact-niet-gevonden.html",
            title="Impactverslag niet gevonden",
            known=known,
            year=min(max(year, 2000), this_year),
        )
        response.status_code = 404
        return response
    k = services.settings.open_data_min_count
    period = numbers.Period(municipality, f"{year}-01", f"{year}-12")
    dash = numbers.dashboard(session, period)
    catalogue = services.catalogue_for(municipality)
    labels = Labels(catalogue)
    total = sum(n for _, n in dash.demand_by_month)
    closed = sum(t.closed for t in dash.teams)
    helped = [(labels.party(i), r["geholpen"] + r["deels"]) for i, r in dash.instruments]
    lead_times = [
        (t.mean_lead_time_days or 0, t.closed) for t in dash.teams if t.mean_lead_time_days
    ]
    closed_with_time = sum(n for _, n in lead_times)
    mean_lead = (
        round(sum(days * n for days, n in lead_times) / closed_with_time)
        if closed_with_time
        else None
    )
    shown: dict[str, tuple[str, list[tuple[str, int]], str]] = {
        "need": ("Initiatieven per behoefte", dash.demand["behoefte"], "Behoefte"),
        "sdg": (
            "Bijdrage aan de SDG's (aantal initiatieven)",
            [(labels.sdg(s), n) for s, n in dash.demand["sdg"]],
            "SDG",
        ),
        "wijk": ("Initiatieven per wijk", dash.demand["wijk"], "Wijk"),
        "instruments": ("Geholpen of deels geholpen per instrument", helped, "Instrument"),
        "answers": (
            f"{IMPACT_QUESTION} Antwoorden van inwoners",
            [(IMPACT_ANSWERS[a], n) for a, n in dash.impact.items()],
            "Antwoord",
        ),
    }
    charts = {
        key: bar_chart(
            f"impact-{key}", title, _suppress(rows, k), label_header=header, folded=False
        )
        for key, (title, rows, header) in shown.items()
    }
    return page(
        request,
        "impact.html",
        municipality,
        f"/{municipality}",
        title=f"Impact {year}",
        year=year,
        town_id=municipality,
        total=total if total >= k else None,
        closed=closed if closed >= k else None,
        mean_lead=mean_lead if closed_with_time >= k else None,
        outcomes={r: (n if n >= k else None) for r, n in dash.outcomes.items()},
        charts=charts,
        k=k,
    )

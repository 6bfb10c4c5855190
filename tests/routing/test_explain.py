"""The Dutch explanation of a route for `loket route --text`."""

from __future__ import annotations

from routing import Router
from routing.explain import explain


def test_explanation_names_the_lead_helpers_and_every_reason(router: Router) -> None:
    route = router.route(
        {"text": "Wij willen zonnepanelen op het dak van de sporthal", "wijk": "Ruiven"}
    )
    text = explain(router, route)
    assert "Dit team pakt uw vraag op: Duurzaamheid en Energie." in text
    assert "wijk Ruiven" in text
    for reason in route.reasons:
        assert f"[regel {reason.rule}]" in text


def test_explanation_of_a_general_question_gives_the_general_number(router: Router) -> None:
    text = explain(router, router.route({"text": "Hoe vraag ik een nieuw paspoort aan?"}))
    assert "14 015" in text
    assert "Dit team" not in text
